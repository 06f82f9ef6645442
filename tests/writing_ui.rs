//! The previous period's text beside each field, drawn by the pure view at
//! 80×24 and 120×40, collapsed and expanded: collapsed by default in a
//! narrow window, shown in a wide one, toggled with its key and kept so
//! for the run. The earlier text is untrusted and drawn sanitized.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tertial::app::model::Earlier;
use tertial::app::{Action, Model, Screen, Session, update};
use tertial::followup::{FollowUp, Period, PeriodKind};
use tertial::i18n::Lang;

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";
const UNIT: &str = "bestallarenhet-2";

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    let text = terminal.backend().to_string();
    assert!(
        !text.lines().any(|l| l.chars().any(|c| c.is_control())),
        "control character on screen {w}x{h}:\n{text}"
    );
    text
}

/// The T2 walk of goal 1, with T1's texts as the earlier period, its
/// summary field focused, at size `w`×`h`.
fn walk(w: u16, h: u16) -> Model {
    tertial::clock::set_zone(tertial::clock::stockholm());
    let mut m = Model::new(Lang::Sv, "demo".into(), common::bundled_plans(), Vec::new());
    m.today = (2025, 9, 1);
    update(&mut m, Action::Resize(w, h));
    let plan = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let t1 = Period::new(2025, PeriodKind::T1);
    let t2 = Period::new(2025, PeriodKind::T2);
    let mut then = FollowUp::new(UNIT, t1);
    let g = then.goal_mut("E1");
    g.summary = "Bemötandet är gott men handläggningen tar för lång tid.\u{1b}[2J".into();
    g.analysis = vec![
        String::new(),
        "Punkt två följdes upp på APT i april.".into(),
    ];
    let goals = m.plans[plan]
        .plan
        .unit_goals
        .iter()
        .map(|g| (g.id.clone(), g.id.clone()))
        .collect();
    let mut s = Session::new(plan, t2, FollowUp::new(UNIT, t2), None);
    s.earlier = vec![Earlier {
        period: t1,
        followup: then,
        author: "Anna Chef".into(),
        time: 1_746_000_000,
        goals,
        indicators: Default::default(),
    }];
    update(&mut m, Action::SessionReady(Box::new(s)));
    assert_eq!(m.screen, Screen::Walk);
    update(&mut m, Action::NextField);
    m
}

fn toggle(m: &mut Model) {
    // The default keymap's key for it, as the terminal sends it.
    update(
        m,
        Action::Key(KeyEvent::new(KeyCode::F(6), KeyModifiers::NONE)),
    );
}

#[test]
fn the_previous_text_starts_collapsed_in_a_narrow_window_and_opens_with_its_key() {
    let mut m = walk(80, 24);
    let collapsed = render(&m, 80, 24);
    insta::assert_snapshot!("previous_collapsed_80x24", collapsed);
    assert!(collapsed.contains("▶ Sammanfattning: (tomt)"));
    assert!(!collapsed.contains("↳"), "{collapsed}");
    toggle(&mut m);
    let expanded = render(&m, 80, 24);
    insta::assert_snapshot!("previous_expanded_80x24", expanded);
    assert!(
        expanded.contains("↳ T1 2025: Bemötandet är gott men handläggningen tar för lång"),
        "{expanded}"
    );
    // The escape sequence in the committed text is shown, not obeyed.
    assert!(expanded.contains('␛'), "{expanded}");
    // The choice holds for the run, whatever the window does.
    update(&mut m, Action::Resize(120, 40));
    assert!(render(&m, 120, 40).contains("↳ T1 2025"));
}

#[test]
fn the_previous_text_is_shown_in_a_wide_window_and_collapses_with_its_key() {
    let mut m = walk(120, 40);
    let expanded = render(&m, 120, 40);
    insta::assert_snapshot!("previous_expanded_120x40", expanded);
    assert!(
        expanded.contains("↳ T1 2025: Bemötandet är gott"),
        "{expanded}"
    );
    // Under Punkt 2 its own earlier text; Punkt 1 had none.
    assert!(expanded.contains("↳ T1 2025: Punkt två följdes upp på APT i april."));
    assert_eq!(expanded.matches("↳").count(), 2, "{expanded}");
    toggle(&mut m);
    let collapsed = render(&m, 120, 40);
    insta::assert_snapshot!("previous_collapsed_120x40", collapsed);
    assert!(!collapsed.contains("↳"), "{collapsed}");
    // While writing, the key works as well, and the text stays in view.
    update(&mut m, Action::Open);
    assert!(m.session.as_ref().unwrap().editor.is_some());
    toggle(&mut m);
    assert!(render(&m, 120, 40).contains("↳ T1 2025: Bemötandet"));
    assert!(m.session.as_ref().unwrap().editor.is_some());
}
