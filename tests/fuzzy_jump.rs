//! The fuzzy jump to a goal, indicator or activity and the command
//! palette, on the bundled 2026 plan of Hägerstens hemtjänst (20
//! enhetsmål): ranking, matched positions, and driving them by actions and
//! by keys.

mod common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tertial::app::fields::{self, Field, Sex};
use tertial::app::overlay::{JumpItem, Overlay, Target, jump_items, palette_items};
use tertial::app::{Action, Model, Screen, Session, update};
use tertial::followup::{FollowUp, Period};
use tertial::i18n::Lang;
use tertial::keymap::Context;

const PLAN: &str = "plans/2026/hagerstens-hemtjanst.toml";

fn model() -> Model {
    let plans = common::bundled_plans();
    let mut m = Model::new(Lang::Sv, "test".into(), plans, vec![]);
    m.today = (2026, 5, 4);
    m
}

/// A model in the walk of the 2026 plan, on the first goal.
fn walking() -> Model {
    let mut m = model();
    let i = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let period: Period = "2026-T1".parse().unwrap();
    let s = Session::new(
        i,
        period,
        FollowUp::new("hagerstens-hemtjanst", period),
        None,
    );
    update(&mut m, Action::SessionReady(Box::new(s)));
    assert_eq!(m.screen, Screen::Walk);
    assert_eq!(m.session_plan().unwrap().unit_goals.len(), 20);
    m
}

fn s(m: &Model) -> &Session {
    m.session.as_ref().unwrap()
}

fn current_field(m: &Model) -> Field {
    let s = s(m);
    let plan = &m.plans[s.plan].plan;
    fields::fields(plan, &s.record, &plan.unit_goals[s.goal])[s.focus].clone()
}

fn goal_index(m: &Model, id: &str) -> usize {
    m.session_plan()
        .unwrap()
        .unit_goals
        .iter()
        .position(|g| g.id == id)
        .unwrap_or_else(|| panic!("no goal {id}"))
}

fn labels(items: &[JumpItem], n: usize) -> Vec<&str> {
    items.iter().take(n).map(|i| i.label.as_str()).collect()
}

/// The hits are the positions (in characters) of the query's characters
/// in the label, in order.
fn assert_hits(label: &str, hits: &[usize], query: &str) {
    let chars: Vec<char> = label.chars().collect();
    let q: Vec<char> = query.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(hits.len(), q.len(), "{label:?} {hits:?} for {query:?}");
    assert!(
        hits.windows(2).all(|w| w[0] < w[1]),
        "{hits:?} not increasing"
    );
    for (h, qc) in hits.iter().zip(&q) {
        let c = *chars
            .get(*h)
            .unwrap_or_else(|| panic!("hit {h} beyond {label:?} ({} chars)", chars.len()));
        assert!(
            c.to_lowercase().eq(qc.to_lowercase()),
            "{label:?}: hit {h} is {c:?}, expected {qc:?} ({hits:?})"
        );
    }
}

// ------------------------------------------------------------- ranking

#[test]
fn empty_query_lists_the_goals_in_order() {
    let m = walking();
    for q in ["", "   "] {
        let mut items = jump_items(&m, q);
        // The goals, then the page after them.
        assert_eq!(items.len(), 21, "{q:?}");
        let parts = items.pop().unwrap();
        assert_eq!(parts.target, Target::UnitPart(Field::UnitSummary));
        for (i, item) in items.iter().enumerate() {
            assert_eq!(item.target, Target::Goal(i));
            assert!(
                item.label.starts_with(&format!("E{} ", i + 1)),
                "{}",
                item.label
            );
            assert!(item.hits.is_empty());
        }
    }
    assert_eq!(
        jump_items(&m, "")[5].label,
        "E6 Enheten köper in ekologiska produkter."
    );
}

#[test]
fn no_session_no_items() {
    let m = model();
    assert!(jump_items(&m, "").is_empty());
    assert!(jump_items(&m, "E1").is_empty());
}

#[test]
fn valfardsbrott_ranks_the_unit_goal_first() {
    let m = walking();
    let items = jump_items(&m, "välfärdsbrott");
    let top = &items[0];
    assert!(
        matches!(top.target, Target::Goal(_)),
        "first is not a goal: {:?}",
        labels(&items, 4)
    );
    assert_eq!(
        top.target,
        Target::Goal(goal_index(&m, "E18")),
        "{:?}",
        labels(&items, 4)
    );
    assert!(top.label.contains("välfärdsbrott"), "{}", top.label);
    // Both enhetsmål about it (E18, E19) come before anything else.
    let e19 = Target::Goal(goal_index(&m, "E19"));
    assert_eq!(items[1].target, e19, "{:?}", labels(&items, 4));
    // The activity A17 is found too.
    assert!(
        items
            .iter()
            .any(|i| i.target == Target::Activity("A17".into())),
        "{:?}",
        labels(&items, 10)
    );
    // Every match has the whole word: the hits are contiguous.
    let h = &top.hits;
    assert!(h.windows(2).all(|w| w[1] == w[0] + 1), "{h:?}");
    assert_hits(&top.label, h, "välfärdsbrott");
    let at = top.label.chars().collect::<Vec<_>>()[h[0]..=h[h.len() - 1]]
        .iter()
        .collect::<String>();
    assert_eq!(at, "välfärdsbrott");
}

#[test]
fn ekologiska_finds_the_goal_and_the_indicator() {
    let m = walking();
    let items = jump_items(&m, "ekologiska");
    let top3: Vec<&Target> = items.iter().take(3).map(|i| &i.target).collect();
    let e6 = Target::Goal(goal_index(&m, "E6"));
    assert!(top3.contains(&&e6), "{:?}", labels(&items, 5));
    let e6_item = items.iter().find(|i| i.target == e6).unwrap();
    assert_eq!(e6_item.label, "E6 Enheten köper in ekologiska produkter.");
    assert!(
        items
            .iter()
            .take(5)
            .any(|i| i.target == Target::Indicator("I7".into())),
        "{:?}",
        labels(&items, 5)
    );
    for i in items.iter().take(3) {
        assert!(i.label.contains("ekologiska"), "{:?}", labels(&items, 5));
        assert_hits(&i.label, &i.hits, "ekologiska");
    }
    // Equal matches keep the plan's order: E6 before E7.
    let pos = |t: &Target| items.iter().position(|i| i.target == *t).unwrap();
    assert!(pos(&e6) < pos(&Target::Goal(goal_index(&m, "E7"))));
}

#[test]
fn sjukfr_finds_the_sick_leave_indicators_first() {
    let m = walking();
    let items = jump_items(&m, "sjukfr");
    let top2: Vec<&Target> = items.iter().take(2).map(|i| &i.target).collect();
    assert!(
        top2.contains(&&Target::Indicator("I9".into()))
            && top2.contains(&&Target::Indicator("I10".into())),
        "{:?}",
        labels(&items, 4)
    );
    assert_eq!(items[0].label, "I9 Sjukfrånvaro", "{:?}", labels(&items, 4));
    assert_hits(&items[0].label, &items[0].hits, "sjukfr");
    assert_eq!(items[0].hits, vec![3, 4, 5, 6, 7, 8]);
}

#[test]
fn an_id_finds_itself_first() {
    let m = walking();
    for (id, target) in [
        ("E12", Target::Goal(goal_index(&m, "E12"))),
        ("E1", Target::Goal(goal_index(&m, "E1"))),
        ("E20", Target::Goal(goal_index(&m, "E20"))),
        ("I10", Target::Indicator("I10".into())),
        ("A17", Target::Activity("A17".into())),
    ] {
        let items = jump_items(&m, id);
        assert_eq!(items[0].target, target, "{id}: {:?}", labels(&items, 4));
        assert_eq!(items[0].hits, (0..id.len()).collect::<Vec<_>>(), "{id}");
        assert_hits(&items[0].label, &items[0].hits, id);
    }
    assert!(
        jump_items(&m, "E12")[0]
            .label
            .starts_with("E12 Enheten kommer arbeta aktivt")
    );
}

#[test]
fn hits_point_at_the_matched_characters() {
    let m = walking();
    for q in [
        "välfärdsbrott",
        "ekologiska",
        "sjukfr",
        "E12",
        "köper",
        "mål",
        "hbtq",
        "gftfr",
    ] {
        let items = jump_items(&m, q);
        assert!(!items.is_empty(), "{q}: nothing");
        for i in &items {
            assert_hits(&i.label, &i.hits, q);
        }
    }
    assert!(jump_items(&m, "xyzzyqq").is_empty());
}

// -------------------------------------------------- driving the overlay

fn type_str(m: &mut Model, text: &str) {
    for c in text.chars() {
        update(m, Action::Input(c));
    }
}

fn jump_query(m: &Model) -> Option<(String, usize)> {
    match &m.overlay {
        Some(Overlay::Jump { query, selected }) => Some((query.clone(), *selected)),
        _ => None,
    }
}

#[test]
fn jump_to_a_goal() {
    let mut m = walking();
    assert_eq!(s(&m).goal, 0);
    update(&mut m, Action::Jump);
    assert_eq!(jump_query(&m), Some((String::new(), 0)));
    type_str(&mut m, "E12");
    assert_eq!(jump_query(&m), Some(("E12".into(), 0)));
    update(&mut m, Action::Open);
    assert!(m.overlay.is_none());
    assert_eq!(m.screen, Screen::Walk);
    assert_eq!(s(&m).goal, goal_index(&m, "E12"));
    assert_eq!(s(&m).focus, 0);
    assert!(s(&m).editor.is_none());
}

#[test]
fn jump_to_an_indicator_focuses_its_outcome() {
    let mut m = walking();
    update(&mut m, Action::Jump);
    type_str(&mut m, "sjukfr");
    let first = jump_items(&m, "sjukfr")[0].target.clone();
    let Target::Indicator(id) = first else {
        panic!("{first:?}")
    };
    update(&mut m, Action::Open);
    assert!(m.overlay.is_none());
    assert_eq!(m.screen, Screen::Walk);
    assert_ne!(s(&m).goal, 0);
    assert_eq!(current_field(&m), Field::Outcome(id.clone(), Sex::Total));
    // The first goal whose form shows the indicator.
    let plan = m.session_plan().unwrap();
    let first_with = plan
        .unit_goals
        .iter()
        .position(|g| {
            fields::fields(plan, &s(&m).record, g).contains(&Field::Outcome(id.clone(), Sex::Total))
        })
        .unwrap();
    assert_eq!(s(&m).goal, first_with);
}

#[test]
fn jump_to_an_activity_focuses_its_status() {
    let mut m = walking();
    update(&mut m, Action::Jump);
    type_str(&mut m, "A17");
    update(&mut m, Action::Open);
    assert_eq!(current_field(&m), Field::ActivityStatus("A17".into()));
    assert_eq!(s(&m).goal, goal_index(&m, "E18"));
}

#[test]
fn jump_selection_moves_and_back_cancels() {
    let mut m = walking();
    update(&mut m, Action::Jump);
    type_str(&mut m, "ekologiska");
    let items = jump_items(&m, "ekologiska");
    update(&mut m, Action::Down);
    assert_eq!(jump_query(&m), Some(("ekologiska".into(), 1)));
    // Typing again starts from the top.
    update(&mut m, Action::Input('x'));
    assert_eq!(jump_query(&m), Some(("ekologiskax".into(), 0)));
    update(&mut m, Action::DeleteBack);
    update(&mut m, Action::Down);
    update(&mut m, Action::Open);
    let expected = match &items[1].target {
        Target::Goal(i) => *i,
        Target::Indicator(id) | Target::Activity(id) => {
            let plan = m.session_plan().unwrap();
            plan.unit_goals
                .iter()
                .position(|g| {
                    let f = fields::fields(plan, &s(&m).record, g);
                    f.contains(&Field::Outcome(id.clone(), Sex::Total))
                        || f.contains(&Field::ActivityStatus(id.clone()))
                })
                .unwrap()
        }
        Target::UnitPart(_) => m.session_plan().unwrap().unit_goals.len(),
    };
    assert_eq!(s(&m).goal, expected);

    // Back closes without moving.
    let before = (s(&m).goal, s(&m).focus);
    update(&mut m, Action::Jump);
    type_str(&mut m, "E3");
    update(&mut m, Action::Back);
    assert!(m.overlay.is_none());
    assert_eq!((s(&m).goal, s(&m).focus), before);
}

#[test]
fn jump_from_review_returns_to_the_walk() {
    let mut m = walking();
    update(&mut m, Action::Review);
    assert_eq!(m.screen, Screen::Review);
    update(&mut m, Action::Jump);
    type_str(&mut m, "E20");
    update(&mut m, Action::Open);
    assert_eq!(m.screen, Screen::Walk);
    assert_eq!(s(&m).goal, goal_index(&m, "E20"));
}

fn press(m: &mut Model, code: KeyCode, mods: KeyModifiers) {
    update(m, Action::Key(KeyEvent::new(code, mods)));
}

fn press_str(m: &mut Model, text: &str) {
    for c in text.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        press(m, KeyCode::Char(c), mods);
    }
}

#[test]
fn jump_by_keys_with_the_default_keymap() {
    let mut m = walking();
    // ctrl-f opens the jump; letters are typed (and space); enter goes.
    press(&mut m, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert_eq!(jump_query(&m), Some((String::new(), 0)));
    assert_eq!(tertial::app::keys::context(&m), Context::Palette);
    press_str(&mut m, "Enheten bidrar");
    assert_eq!(jump_query(&m).unwrap().0, "Enheten bidrar");
    press(&mut m, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(jump_query(&m).unwrap().0, "Enheten bidra");
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert!(m.overlay.is_none());
    assert!(!m.quit);

    press(&mut m, KeyCode::Char('f'), KeyModifiers::CONTROL);
    press_str(&mut m, "E12");
    press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
    assert!(m.overlay.is_none());
    assert_eq!(s(&m).goal, goal_index(&m, "E12"));
    assert_eq!(tertial::app::keys::context(&m), Context::Goal);
}

// ------------------------------------------------------------- palette

#[test]
fn palette_lists_actions_of_the_screen() {
    let m = walking();
    let all = palette_items(&m, "", Context::Goal);
    let names: Vec<&str> = all.iter().map(|i| i.action).collect();
    assert!(!names.contains(&"noop"));
    assert!(!names.contains(&"palette"));
    assert!(!names.contains(&"commit_done"), "{names:?}");
    assert!(!names.contains(&"finish_edit"), "{names:?}");
    for n in [
        "review",
        "jump",
        "add_deviation",
        "rate_full",
        "quit",
        "help",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let review = all.iter().find(|i| i.action == "review").unwrap();
    assert_eq!(review.key.as_deref(), Some("Ctrl-R"));
    assert_eq!(review.description, "Granska och lämna in");
    assert!(all.iter().all(|i| i.hits.is_empty()));

    let items = palette_items(&m, "granska", Context::Goal);
    assert_eq!(
        items[0].action,
        "review",
        "{:?}",
        items.iter().map(|i| i.action).collect::<Vec<_>>()
    );
    // A chief reads the Swedish description, not the action's id.
    let label = items[0].label();
    assert_eq!(label, "Granska och lämna in");
    let chars: Vec<char> = label.chars().collect();
    let at: String = items[0].hits.iter().map(|h| chars[*h]).collect();
    assert_eq!(at.to_lowercase(), "granska", "{:?}", items[0].hits);
    assert_eq!(items[0].hits, (0..7).collect::<Vec<_>>());
    // The id, as written in keymap files, still finds it.
    let by_id = palette_items(&m, "add_deviation", Context::Goal);
    assert_eq!(by_id[0].action, "add_deviation");
    assert!(!by_id[0].label().contains("add_deviation"));
}

#[test]
fn palette_runs_the_chosen_action() {
    let mut m = walking();
    update(&mut m, Action::Palette);
    assert!(
        matches!(&m.overlay, Some(Overlay::Palette { query, under: Context::Goal, .. }) if query.is_empty()),
        "{:?}",
        m.overlay
    );
    type_str(&mut m, "granska");
    assert!(matches!(&m.overlay, Some(Overlay::Palette { query, .. }) if query == "granska"));
    update(&mut m, Action::Open);
    assert!(m.overlay.is_none());
    assert_eq!(m.screen, Screen::Review);
}

#[test]
fn palette_by_keys_then_jump_from_it() {
    let mut m = walking();
    press(&mut m, KeyCode::F(2), KeyModifiers::NONE);
    assert!(matches!(m.overlay, Some(Overlay::Palette { .. })));
    press_str(&mut m, "hoppa");
    press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
    // The palette's "jump" opens the jump list.
    assert_eq!(jump_query(&m), Some((String::new(), 0)));
    press_str(&mut m, "E7");
    press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(s(&m).goal, goal_index(&m, "E7"));
}

#[test]
fn an_exact_id_comes_first() {
    let m = walking();
    let items = jump_items(&m, "I1");
    assert_eq!(items[0].target, Target::Indicator("I1".into()), "{items:?}");
    let items = jump_items(&m, "e1");
    assert_eq!(items[0].target, Target::Goal(goal_index(&m, "E1")));
}

#[test]
fn the_jump_reaches_the_units_parts() {
    let mut m = walking();
    let items = jump_items(&m, "");
    assert!(
        items.iter().any(|i| i.label == "Enhetens delar"),
        "listed with the goals"
    );
    let items = jump_items(&m, "klagomål");
    assert_eq!(items[0].target, Target::UnitPart(Field::Complaint(0)));
    update(&mut m, Action::Jump);
    type_str(&mut m, "ekonomi");
    update(&mut m, Action::Open);
    let goals = m.plans[s(&m).plan].plan.unit_goals.len();
    assert_eq!(s(&m).goal, goals, "the page after the goals");
    let page = fields::page(m.session_plan().unwrap(), &s(&m).record, s(&m).goal);
    assert_eq!(page[s(&m).focus], Field::Budget);
}

#[test]
fn the_palette_folds_case_beyond_ascii() {
    let m = walking();
    for (query, under, action) in [
        ("översikt", Context::Units, "overview"),
        ("ÖVERSIKT", Context::List, "overview"),
        ("återuppta", Context::Resume, "resume_draft"),
        ("GÖR OM", Context::Goal, "redo"),
    ] {
        let items = palette_items(&m, query, under);
        assert_eq!(
            items.first().map(|i| i.action),
            Some(action),
            "{query}: {:?}",
            items.iter().map(|i| i.action).collect::<Vec<_>>()
        );
    }
}
