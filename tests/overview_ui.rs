//! The overview screen: snapshots at 80×24 and 120×40, the keys that
//! reach it and leave it, Enter opening a unit's periods, and the rule
//! that a workspace of many units starts on it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tertial::app::{Action, Effect, Model, Screen, update};
use tertial::followup::{Period, Rating, Status};
use tertial::i18n::Lang;
use tertial::overview::{FollowUpSummary, GoalSummary, PlanSummary, Sort, roll_up};
use tertial::plan::bundled::PLANS;
use tertial::plan::parse_plan;
use tertial::workspace::LoadedPlan;

fn plans() -> Vec<LoadedPlan> {
    PLANS
        .iter()
        .map(|(path, text)| LoadedPlan {
            rel_path: path.to_string(),
            plan: parse_plan(path, text.as_bytes()).unwrap(),
        })
        .collect()
}

fn period() -> Period {
    "2025-T2".parse().unwrap()
}

/// The bundled 2025 plans and a few made-up units, one of them hostile.
fn overview() -> tertial::overview::Overview {
    let mut summaries: Vec<PlanSummary> = plans()
        .iter()
        .filter(|p| p.plan.unit.year == 2025)
        .map(|p| PlanSummary::of(&p.plan))
        .collect();
    let names = [
        ("hemtjanst-a", "Hemtjänst Aspudden"),
        (
            "boende-b",
            "Vård- och omsorgsboende Blackeberg med ett mycket långt namn",
        ),
        ("fientlig", "Ond \u{1b}[2J\u{202e}enhet"),
        ("daglig-c", "Daglig verksamhet Cityn"),
    ];
    for (id, name) in names {
        summaries.push(PlanSummary {
            unit_id: id.into(),
            unit_name: name.into(),
            committee: "Nämnd".into(),
            year: 2025,
            goals: (1..=4)
                .map(|i| GoalSummary {
                    id: format!("E{i}"),
                    title: format!("Mål {i}"),
                    committee_goal_id: format!("N{}", (i + 1) / 2),
                    committee_goal_title: if i <= 2 {
                        "Äldre har ett tryggt, hälsosamt och självständigt liv samt en god personcentrerad vård och omsorg".into()
                    } else {
                        "Stadsdelsnämndens verksamheter är klimatsmarta".into()
                    },
                })
                .collect(),
        });
    }
    let f = |unit: &str, status, ratings: &[(&str, Rating)]| FollowUpSummary {
        unit: unit.into(),
        period: "2025-T2".into(),
        status,
        reopened_from: String::new(),
        flow: tertial::review::FlowState::of_status(status),
        ratings: ratings.iter().map(|(g, r)| (g.to_string(), *r)).collect(),
    };
    let followups = vec![
        f(
            "bestallarenhet-2",
            Status::Done,
            &[
                ("E1", Rating::Full),
                ("E2", Rating::Partial),
                ("E3", Rating::Full),
                ("E4", Rating::Not),
                ("E5", Rating::Full),
                ("E6", Rating::NotAssessed),
            ],
        ),
        f("hemtjanst-a", Status::Draft, &[("E1", Rating::Full)]),
        f(
            "daglig-c",
            Status::Done,
            &[
                ("E1", Rating::Full),
                ("E2", Rating::Full),
                ("E3", Rating::Partial),
                ("E4", Rating::Full),
            ],
        ),
        f("fientlig", Status::Reopened, &[("E3", Rating::Not)]),
    ];
    roll_up(period(), &summaries, &followups, Sort::Late, Vec::new())
}

fn model(lang: Lang) -> Model {
    let mut m = Model::new(lang, "stad".into(), plans(), Vec::new());
    m.today = (2026, 11, 23);
    m
}

fn shown(lang: Lang) -> Model {
    let mut m = model(lang);
    assert_eq!(
        update(&mut m, Action::Overview),
        vec![Effect::LoadOverview(None)]
    );
    update(&mut m, Action::OverviewLoaded(Ok(Box::new(overview()))));
    assert_eq!(m.screen, Screen::Overview);
    m
}

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    let text = terminal.backend().to_string();
    for line in text.lines() {
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        assert!(!line.contains("Hidden by multi-width symbols"), "{line}");
    }
    text
}

#[test]
fn overview_screen_snapshots() {
    let m = shown(Lang::Sv);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = render(&m, w, h);
        insta::assert_snapshot!(format!("overview_{w}x{h}"), text);
        assert!(text.contains("översikt Tertialrapport 2 2025"));
        assert!(text.contains("översikt Tertialrapport 2 2025 · 6 enheter"));
        assert!(
            text.contains("Ej påbörjad 2 · utkast 2 · klar 2   "),
            "{text}"
        );
        assert!(text.contains("▶ · ej påbörjad"));
        assert!(text.contains(" ●● ◐● "), "{text}");
        assert!(text.contains("Ond ␛[2J<U+202E>enhet"));
        assert!(
            text.contains(" Tabb  enhetslistan"),
            "the key is shown: {text}"
        );
    }
    let mut with_problem = shown(Lang::Sv);
    if let Some(o) = &mut with_problem.overview {
        o.data.problems.push("plans/2025/x.toml: trasig".into());
    }
    assert!(render(&with_problem, 120, 40).contains("1 filer kunde inte läsas"));
    let en = render(&shown(Lang::En), 120, 40);
    insta::assert_snapshot!("overview_en_120x40", en);
    assert!(en.contains("overview Tertial report 2 2025"));
    assert!(en.contains("Not started 2 · draft 2 · done 2"), "{en}");
}

#[test]
fn enter_opens_the_unit_and_back_returns_to_the_overview() {
    let mut m = shown(Lang::Sv);
    let o = m.overview.as_ref().unwrap();
    let row = o
        .data
        .units
        .iter()
        .position(|u| u.id == "bestallarenhet-2")
        .unwrap();
    for _ in 0..row {
        update(&mut m, Action::Down);
    }
    let effects = update(&mut m, Action::Open);
    let i = m
        .plans
        .iter()
        .position(|p| p.plan.unit.id == "bestallarenhet-2" && p.plan.unit.year == 2025)
        .unwrap();
    assert_eq!(effects, vec![Effect::LoadPeriods(i)]);
    update(
        &mut m,
        Action::Periods(tertial::app::model::PeriodsState {
            plan: i,
            periods: Vec::new(),
            selected: 0,
        }),
    );
    assert_eq!(m.screen, Screen::Periods);
    assert_eq!(
        update(&mut m, Action::Back),
        vec![Effect::LoadOverview(Some(period()))],
        "read again: a follow-up may have been committed"
    );
    assert_eq!(
        m.screen,
        Screen::Overview,
        "back goes where the unit was chosen"
    );

    // ] and [ read the overview of the next and previous period.
    assert_eq!(
        update(&mut m, Action::StepPeriod(1)),
        vec![Effect::LoadOverview(Some("2025-VB".parse().unwrap()))]
    );
    assert_eq!(
        update(&mut m, Action::StepPeriod(-1)),
        vec![Effect::LoadOverview(Some("2025-T1".parse().unwrap()))]
    );

    // A unit without a plan in the working tree says so.
    let made_up = m
        .overview
        .as_ref()
        .unwrap()
        .data
        .units
        .iter()
        .position(|u| u.id == "fientlig")
        .unwrap();
    update(&mut m, Action::Top);
    for _ in 0..made_up {
        update(&mut m, Action::Down);
    }
    assert_eq!(update(&mut m, Action::Open), Vec::new());
    assert!(
        m.message
            .as_deref()
            .unwrap_or("")
            .contains("arbetskatalogen")
    );

    // The overview key, or Back, leads to the plain unit list.
    update(&mut m, Action::Overview);
    assert_eq!(m.screen, Screen::Units);
    assert_eq!(update(&mut m, Action::Overview).len(), 1);
    update(&mut m, Action::OverviewLoaded(Ok(Box::new(overview()))));
    update(&mut m, Action::Back);
    assert_eq!(m.screen, Screen::Units);
    update(&mut m, Action::OverviewLoaded(Err("trasig".into())));
    assert_eq!(m.screen, Screen::Units);
    assert!(m.message.as_deref().unwrap_or("").contains("trasig"));
}

#[test]
fn the_overview_key_is_bound_in_every_preset() {
    use tertial::keymap::{Context, Resolved};
    for (name, _) in tertial::keymap::PRESETS {
        let map = tertial::keymap::load(Some(name), None).map;
        for ctx in [Context::Units, Context::List] {
            let key = tertial::keymap::Key::parse("tab").unwrap();
            assert_eq!(
                map.resolve(ctx, &[], key),
                Resolved::Action("overview".into()),
                "{name} {ctx:?}"
            );
        }
        for (key, action) in [("]", "next_period"), ("[", "prev_period")] {
            let key = tertial::keymap::Key::parse(key).unwrap();
            assert_eq!(
                map.resolve(Context::List, &[], key),
                Resolved::Action(action.into()),
                "{name}"
            );
        }
    }
}

#[test]
fn many_units_start_on_the_overview() {
    let unit = |i: usize| {
        let mut p = plans()[0].clone();
        p.plan.unit.id = format!("enhet-{i}");
        p
    };
    let limit = tertial::overview::START_SCREEN_UNITS;
    let few: Vec<LoadedPlan> = (0..limit).map(unit).collect();
    let m = Model::new(Lang::Sv, "x".into(), few, Vec::new());
    assert!(!tertial::tui::starts_on_overview(&m));
    let mut many: Vec<LoadedPlan> = (0..=limit).map(unit).collect();
    // Two years of one unit count once.
    let mut again = unit(0);
    again.plan.unit.year -= 1;
    many.push(again);
    let m = Model::new(Lang::Sv, "x".into(), many, Vec::new());
    assert!(tertial::tui::starts_on_overview(&m));
    let m = Model::new(
        Lang::Sv,
        "x".into(),
        (0..limit)
            .map(unit)
            .chain([{
                let mut p = unit(0);
                p.plan.unit.year -= 1;
                p
            }])
            .collect(),
        Vec::new(),
    );
    assert!(!tertial::tui::starts_on_overview(&m));
}

#[test]
fn flow_states_late_units_and_what_waits_for_me() {
    let mut m = shown(Lang::Sv);
    // The area chief reviews bestallarenhet-2 (klar) and is chief of the
    // returned fientlig; the period's due date has passed.
    m.me.reviews.insert("bestallarenhet-2".into());
    m.me.reviews.insert("daglig-c".into());
    m.me.chiefs.insert("fientlig".into());
    m.due.insert(period(), jiff::civil::date(2025, 9, 30));
    let o = m.overview.as_mut().unwrap();
    for u in &mut o.data.units {
        u.flow = match u.id.as_str() {
            "fientlig" => tertial::review::FlowState::Returned,
            "daglig-c" => tertial::review::FlowState::Approved,
            _ => u.flow,
        };
    }
    let text = render(&m, 80, 24);
    insta::assert_snapshot!("overview_flow_80x24", text);
    assert!(text.contains("↩ återsänd försenad"), "{text}");
    assert!(text.contains("★ godkänd "), "{text}");
    assert!(text.contains("✓ klar "), "{text}");
    assert!(text.contains("· ej påbörjad försenad"), "{text}");
    assert!(
        text.contains(
            "Väntar på mig: 1 att granska · 1 återsända · 419 dagar sen (30 september 2025)"
        ),
        "{text}"
    );

    // Only what waits for me: the unit to review and the one returned.
    update(&mut m, Action::WaitingForMe);
    let text = render(&m, 80, 24);
    let listed: Vec<&str> = ["Beställarenhet 2", "Ond", "Cityn", "Aspudden"]
        .into_iter()
        .filter(|n| text.contains(n))
        .collect();
    assert_eq!(listed, ["Beställarenhet 2", "Ond"], "{text}");
    // The review key opens the selected shown row for review.
    let o = m.overview.as_ref().unwrap();
    if o.data.units[o.selected_unit(&m.me).unwrap()].id != "bestallarenhet-2" {
        update(&mut m, Action::Down);
    }
    let o = m.overview.as_ref().unwrap();
    let id = o.data.units[o.selected_unit(&m.me).unwrap()].id.clone();
    assert_eq!(id, "bestallarenhet-2");
    let effects = update(&mut m, Action::ReviewUnit);
    let Some(Effect::OpenReview { plan, period: p }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(m.plans[*plan].plan.unit.id, id);
    assert_eq!(*p, period());
    // And back to every unit.
    update(&mut m, Action::WaitingForMe);
    assert!(render(&m, 80, 24).contains("Aspudden"));
}
