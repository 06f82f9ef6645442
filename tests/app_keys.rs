//! Keys through `update()` and the keymaps, without a terminal: what a
//! chief types on the goal page is text and never a command, moving the
//! focus never changes a value, a window too small to show the editor
//! takes no text, cancelling always works, and changes can be undone.

mod common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tertial::app::fields::{Field, Sex};
use tertial::app::{Action, Effect, Model, Screen, Session, update};
use tertial::followup::{FollowUp, Period, Rating};
use tertial::i18n::Lang;

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";

/// A model in the walk of Beställarenhet 2 for `period`, with `preset`.
fn walking(period: &str, preset: &str) -> Model {
    let plans = common::bundled_plans();
    let mut m = Model::new(Lang::Sv, "test".into(), plans, vec![]);
    m.today = (2026, 11, 23);
    m.keymap = tertial::keymap::load(Some(preset), None).map;
    let i = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let period: Period = period.parse().unwrap();
    let s = Session::new(i, period, FollowUp::new("bestallarenhet-2", period), None);
    update(&mut m, Action::SessionReady(Box::new(s)));
    update(&mut m, Action::Resize(120, 40));
    assert_eq!(m.screen, Screen::Walk);
    m
}

fn s(m: &Model) -> &Session {
    m.session.as_ref().unwrap()
}

fn fields(m: &Model) -> Vec<Field> {
    let s = s(m);
    tertial::app::fields::page(&m.plans[s.plan].plan, &s.record, s.goal)
}

fn current_field(m: &Model) -> Field {
    fields(m)[s(m).focus].clone()
}

fn focus_on(m: &mut Model, field: &Field) {
    for _ in 0..200 {
        if current_field(m) == *field {
            return;
        }
        update(m, Action::NextField);
    }
    panic!("field {field:?} not reached");
}

fn press(m: &mut Model, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    update(m, Action::Key(KeyEvent::new(code, mods)))
}

/// Types `text` key by key, as a terminal delivers it.
fn type_keys(m: &mut Model, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        effects.extend(press(m, KeyCode::Char(c), mods));
    }
    effects
}

fn ctrl(m: &mut Model, c: char) -> Vec<Effect> {
    press(m, KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Prose with every letter the presets ever bound on the goal page.
const PROSE: &str = "Det är bra, rkurkt! Eqtca 1 D?/:[] ok.";

#[test]
fn prose_typed_on_a_text_field_is_written_there_and_fires_nothing() {
    for preset in ["default", "emacs"] {
        let mut m = walking("2025-T1", preset);
        focus_on(&mut m, &Field::Summary);
        let effects = type_keys(&mut m, PROSE);
        assert!(effects.is_empty(), "{preset}: {effects:?}");
        assert_eq!(m.screen, Screen::Walk, "{preset}");
        assert!(m.overlay.is_none(), "{preset}: {:?}", m.overlay);
        assert!(s(&m).editor.is_some(), "{preset}: writing");
        assert_eq!(
            s(&m).record.goal("E1").unwrap().summary,
            PROSE,
            "{preset}: every character is text"
        );
    }
}

#[test]
fn prose_on_every_field_of_a_goal_page_commits_nothing_and_opens_nothing() {
    for preset in ["default", "vim", "emacs"] {
        let mut m = walking("2025-T1", preset);
        let n = fields(&m).len();
        for i in 0..n {
            let mut m2 = walking("2025-T1", preset);
            for _ in 0..i {
                update(&mut m2, Action::NextField);
            }
            let field = current_field(&m2);
            let effects = type_keys(&mut m2, PROSE);
            assert!(
                effects.iter().all(|e| !matches!(
                    e,
                    Effect::Commit { .. } | Effect::ExternalEditor(_) | Effect::Quit
                )),
                "{preset} on {field:?}: {effects:?}"
            );
            assert_eq!(m2.screen, Screen::Walk, "{preset} on {field:?}");
            assert!(!m2.quit, "{preset} on {field:?}");
        }
        // The rating takes no prose: nothing changes there.
        update(&mut m, Action::Top);
        type_keys(&mut m, "Det är bra");
        if preset != "vim" {
            assert!(
                s(&m).record.goal("E1").is_none_or(|g| g.rating.is_none()),
                "{preset}: prose on the rating rated the goal"
            );
            assert!(m.message.is_some(), "{preset}: the chief is told why");
        }
    }
}

#[test]
fn a_digit_on_the_rating_chooses_but_later_digits_in_prose_do_not() {
    let mut m = walking("2025-T1", "default");
    type_keys(&mut m, "2");
    assert_eq!(
        s(&m).record.goal("E1").unwrap().rating,
        Some(Rating::Partial)
    );
    // Prose after a letter: the 1 further on changes nothing.
    type_keys(&mut m, "Ja 1");
    assert_eq!(
        s(&m).record.goal("E1").unwrap().rating,
        Some(Rating::Partial)
    );
    // A box: a space ticks it, a space in prose does not.
    let mut m = walking("2025-VB", "default");
    update(&mut m, Action::NextGoal);
    update(&mut m, Action::NextGoal); // E3, indicator I1
    focus_on(&mut m, &Field::NoData("I1".into()));
    type_keys(&mut m, "Inga data här");
    assert!(s(&m).record.indicator("I1").is_none_or(|r| !r.no_data));
    assert!(m.message.as_deref().unwrap().contains("Mellanslag"));
    // Any other key first, then a space aimed at the box ticks it.
    press(&mut m, KeyCode::Right, KeyModifiers::NONE);
    press(&mut m, KeyCode::Char(' '), KeyModifiers::NONE);
    assert!(s(&m).record.indicator("I1").unwrap().no_data);
}

#[test]
fn enter_after_tab_out_of_an_editor_changes_no_value() {
    // Every field that follows a text field, reached by Tab from its
    // editor: Enter there changes nothing but opens writing or a button.
    let mut m = walking("2025-VB", "default");
    for goal in 0..m.plans[s(&m).plan].plan.unit_goals.len() {
        let n = fields(&m).len();
        for i in 0..n.saturating_sub(1) {
            update(&mut m, Action::Top);
            for _ in 0..i {
                update(&mut m, Action::NextField);
            }
            if !current_field(&m).is_text() {
                continue;
            }
            press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
            assert!(s(&m).editor.is_some());
            press(&mut m, KeyCode::Tab, KeyModifiers::NONE);
            assert!(s(&m).editor.is_none(), "Tab left the editor");
            let next = current_field(&m);
            let before = s(&m).record.clone();
            press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
            if next == Field::AddDeviation {
                continue; // a button: Enter presses it
            }
            assert_eq!(
                s(&m).record,
                before,
                "E{} {next:?}: Enter after Tab changed a value",
                goal + 1
            );
            press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
        }
        update(&mut m, Action::NextGoal);
    }
}

#[test]
fn keys_typed_in_a_window_too_small_go_nowhere() {
    let mut m = walking("2025-T1", "default");
    focus_on(&mut m, &Field::Summary);
    type_keys(&mut m, "Synlig");
    update(&mut m, Action::Resize(30, 8));
    type_keys(&mut m, " osynlig");
    update(&mut m, Action::Paste("klistrat".into()));
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(s(&m).record.goal("E1").unwrap().summary, "Synlig");
    assert!(s(&m).editor.is_some(), "Esc did nothing unseen either");
    // Quitting still works (the typed text is written first).
    let effects = ctrl(&mut m, 'c');
    assert_eq!(effects, vec![Effect::SaveThenQuit]);
    // Back to a size that shows the editor: typing goes on.
    let mut m = walking("2025-T1", "default");
    focus_on(&mut m, &Field::Summary);
    update(&mut m, Action::Resize(30, 8));
    update(&mut m, Action::Resize(80, 24));
    type_keys(&mut m, "Nu");
    assert_eq!(s(&m).record.goal("E1").unwrap().summary, "Nu");
}

#[test]
fn ctrl_g_cancels_an_invalid_value_and_keeps_the_last_valid_one() {
    for preset in ["default", "vim", "emacs"] {
        let mut m = walking("2025-VB", preset);
        update(&mut m, Action::NextGoal);
        update(&mut m, Action::NextGoal); // E3, indicator I1
        let outcome = Field::Outcome("I1".into(), Sex::Total);
        focus_on(&mut m, &outcome);
        press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
        type_keys(&mut m, "80");
        press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
        assert!(s(&m).editor.is_none(), "{preset}");
        press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
        type_keys(&mut m, "abc");
        // Tab and Esc refuse an invalid value, and say how to cancel.
        press(&mut m, KeyCode::Tab, KeyModifiers::NONE);
        press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
        assert!(s(&m).editor.is_some(), "{preset}: stays with abc");
        assert!(
            m.message.as_deref().unwrap_or("").contains("Ctrl-G"),
            "{preset}: {:?}",
            m.message
        );
        ctrl(&mut m, 'g');
        assert!(s(&m).editor.is_none(), "{preset}: ctrl-g cancels");
        assert_eq!(current_field(&m), outcome, "{preset}: focus stays");
        assert_eq!(s(&m).record.indicator("I1").unwrap().total, Some(80.0));
        let msg = m.message.clone().unwrap_or_default();
        assert!(msg.contains("abc") && msg.contains("80"), "{preset}: {msg}");
        assert_eq!(m.screen, Screen::Walk, "{preset}");
    }
}

#[test]
fn ctrl_g_while_writing_a_valid_text_keeps_the_text() {
    let mut m = walking("2025-T1", "default");
    focus_on(&mut m, &Field::Summary);
    type_keys(&mut m, "Behålls");
    ctrl(&mut m, 'g');
    assert!(s(&m).editor.is_none());
    assert_eq!(s(&m).record.goal("E1").unwrap().summary, "Behålls");
}

#[test]
fn ctrl_z_undoes_form_changes_and_ctrl_y_redoes_them() {
    let mut m = walking("2025-T1", "default");
    let rating = |m: &Model| s(m).record.goal("E1").and_then(|g| g.rating);
    type_keys(&mut m, "2");
    press(&mut m, KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(rating(&m), Some(Rating::Not));
    ctrl(&mut m, 'z');
    assert_eq!(rating(&m), Some(Rating::Partial));
    ctrl(&mut m, 'z');
    assert_eq!(rating(&m), None);
    ctrl(&mut m, 'y');
    assert_eq!(rating(&m), Some(Rating::Partial));

    // A whole edit of a field is one step.
    focus_on(&mut m, &Field::Summary);
    type_keys(&mut m, "Hela texten");
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    ctrl(&mut m, 'z');
    assert_eq!(s(&m).record.goal("E1").unwrap().summary, "");
    assert_eq!(current_field(&m), Field::Summary, "back where it was");
    ctrl(&mut m, 'y');
    assert_eq!(s(&m).record.goal("E1").unwrap().summary, "Hela texten");
}

#[test]
fn a_deleted_deviation_comes_back_with_undo() {
    let mut m = walking("2025-T1", "default");
    press(&mut m, KeyCode::Char('a'), KeyModifiers::ALT);
    type_keys(&mut m, "Besök uteblev");
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(s(&m).record.goal("E1").unwrap().deviations.len(), 1);
    press(&mut m, KeyCode::Char('d'), KeyModifiers::ALT);
    update(&mut m, Action::Confirm(true));
    assert!(s(&m).record.goal("E1").unwrap().deviations.is_empty());
    ctrl(&mut m, 'z');
    let devs = &s(&m).record.goal("E1").unwrap().deviations;
    assert_eq!(devs.len(), 1);
    assert_eq!(devs[0].what, "Besök uteblev");
}

#[test]
fn ctrl_z_in_the_editor_undoes_typing() {
    for preset in ["default", "vim", "emacs"] {
        let mut m = walking("2025-T1", preset);
        focus_on(&mut m, &Field::Summary);
        press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
        type_keys(&mut m, "ab");
        ctrl(&mut m, 'z');
        assert!(s(&m).editor.is_some(), "{preset}");
        assert_eq!(s(&m).record.goal("E1").unwrap().summary, "a", "{preset}");
    }
}

#[test]
fn esc_on_a_goal_page_saves_and_goes_back_to_the_periods() {
    let mut m = walking("2025-T1", "default");
    type_keys(&mut m, "1");
    let effects = press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    let plan = s(&m).plan;
    assert_eq!(
        effects,
        vec![Effect::SaveDraftNow, Effect::LoadPeriods(plan)]
    );
    // The draft is kept in the session while the periods are chosen.
    assert_eq!(s(&m).record.goal("E1").unwrap().rating, Some(Rating::Full));
}

#[test]
fn gäller_takes_a_result_in_any_usual_form_and_arrows_offer_the_goals_targets() {
    use tertial::app::fields::DevPart;
    let mut m = walking("2025-T1", "default");
    press(&mut m, KeyCode::Char('a'), KeyModifiers::ALT);
    type_keys(&mut m, "Något");
    press(&mut m, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(current_field(&m), Field::Deviation(0, DevPart::Link));
    let link = |m: &Model| s(m).record.goal("E1").unwrap().deviations[0].link.clone();
    for (typed, stored) in [
        ("R1", "R1"),
        ("r2", "R2"),
        ("Punkt 3", "R3"),
        ("punkt 1", "R1"),
        ("2", "R2"),
        ("a1", "A1"),
    ] {
        press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
        for _ in 0..10 {
            press(&mut m, KeyCode::Backspace, KeyModifiers::NONE);
        }
        type_keys(&mut m, typed);
        press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
        assert!(s(&m).editor.is_none(), "{typed}: {:?}", m.message);
        assert_eq!(link(&m).as_deref(), Some(stored), "{typed}");
    }
    // Not writing: → and ← step through R1 R2 R3, then the indicators and
    // activities of the goal.
    press(&mut m, KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(link(&m).as_deref(), Some("A2"), "after A1");
    press(&mut m, KeyCode::Left, KeyModifiers::NONE);
    press(&mut m, KeyCode::Left, KeyModifiers::NONE);
    let choices = tertial::app::fields::link_choices(&m.plans[s(&m).plan].plan, "E1");
    assert_eq!(&choices[..3], ["R1", "R2", "R3"]);
    let a1 = choices.iter().position(|c| c == "A1").unwrap();
    assert_eq!(link(&m).as_deref(), Some(choices[a1 - 1].as_str()));
    // A result the goal does not have is refused, and the choices named.
    press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
    for _ in 0..10 {
        press(&mut m, KeyCode::Backspace, KeyModifiers::NONE);
    }
    type_keys(&mut m, "Punkt 9");
    press(&mut m, KeyCode::Enter, KeyModifiers::NONE);
    assert!(s(&m).editor.is_some());
    assert!(
        m.message.as_deref().unwrap().contains("R1 R2 R3"),
        "{:?}",
        m.message
    );
}

#[test]
fn back_from_a_goal_page_selects_the_period_just_left() {
    use tertial::app::model::{PeriodInfo, PeriodsState};
    let mut m = walking("2025-T2", "default");
    let plan = s(&m).plan;
    let periods: Vec<PeriodInfo> = Period::of_year(2025)
        .into_iter()
        .map(|period| PeriodInfo {
            period,
            committed: None,
            has_draft: false,
        })
        .collect();
    update(
        &mut m,
        Action::Periods(PeriodsState {
            plan,
            periods,
            selected: 2,
        }),
    );
    assert_eq!(m.screen, Screen::Periods);
    assert_eq!(m.periods.as_ref().unwrap().selected, 1, "2025-T2");
}
