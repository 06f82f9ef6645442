//! The walk's last page, the unit-level parts: reached after the last
//! goal, its fields edited like the goals' (amounts and counts checked as
//! typed), the year's earlier counts shown, and how it looks.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};
use tertial::app::fields::{self, Field};
use tertial::app::model::Earlier;
use tertial::app::{Action, Model, Screen, Session, update};
use tertial::followup::{CATEGORIES, FollowUp, Period};
use tertial::i18n::Lang;

#[allow(dead_code)]
#[path = "common/report_fixture.rs"]
mod fixture;

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";

fn model(lang: Lang) -> Model {
    let plans = common::bundled_plans();
    let mut m = Model::new(lang, "test".into(), plans, vec![]);
    m.today = (2026, 11, 23);
    m
}

/// A session of Beställarenhet 2 with `record`, the year's earlier
/// follow-ups in `earlier`.
fn walking(lang: Lang, record: FollowUp, earlier: Vec<FollowUp>) -> Model {
    let mut m = model(lang);
    let i = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let mut s = Session::new(i, record.period, record, None);
    s.earlier = earlier
        .into_iter()
        .map(|f| Earlier {
            period: f.period,
            followup: f,
            author: "Anna Chef".into(),
            time: 0,
            goals: Default::default(),
            indicators: Default::default(),
        })
        .collect();
    update(&mut m, Action::SessionReady(Box::new(s)));
    assert_eq!(m.screen, Screen::Walk);
    m
}

fn session(m: &Model) -> &Session {
    m.session.as_ref().unwrap()
}

fn current_field(m: &Model) -> Field {
    let s = session(m);
    fields::page(&m.plans[s.plan].plan, &s.record, s.goal)[s.focus].clone()
}

fn to_unit_page(m: &mut Model) {
    for _ in 0..20 {
        update(m, Action::NextGoal);
    }
    let s = session(m);
    assert_eq!(s.goal, m.plans[s.plan].plan.unit_goals.len());
}

fn focus_on(m: &mut Model, field: Field) {
    update(m, Action::Top);
    for _ in 0..100 {
        if current_field(m) == field {
            return;
        }
        update(m, Action::NextField);
    }
    panic!("field {field:?} not reached");
}

fn key(k: Key) -> Action {
    Action::EditorInput(Input {
        key: k,
        ctrl: false,
        alt: false,
        shift: false,
    })
}

fn type_into(m: &mut Model, field: Field, text: &str) {
    focus_on(m, field);
    update(m, Action::Open);
    for c in text.chars() {
        update(m, key(Key::Char(c)));
    }
}

fn category(code: &str) -> usize {
    CATEGORIES.iter().position(|c| c.code == code).unwrap()
}

fn t2() -> FollowUp {
    FollowUp::new("bestallarenhet-2", "2025-T2".parse::<Period>().unwrap())
}

#[test]
fn the_page_after_the_last_goal_holds_the_unit_parts() {
    let mut m = walking(Lang::Sv, t2(), vec![]);
    to_unit_page(&mut m);
    assert_eq!(current_field(&m), Field::UnitSummary);
    // Back to the last goal, and forward again.
    update(&mut m, Action::PrevGoal);
    let s = session(&m);
    assert_eq!(s.goal, m.plans[s.plan].plan.unit_goals.len() - 1);
    update(&mut m, Action::NextGoal);
    assert_eq!(current_field(&m), Field::UnitSummary);
    // Ratings belong to goals: nothing changes, and the chief is told.
    update(&mut m, Action::Rate(tertial::followup::Rating::Full));
    assert!(m.message.as_deref().unwrap_or("").contains("enhetsmålen"));
    assert!(session(&m).record.goals.is_empty());
}

#[test]
fn texts_amounts_and_counts_are_stored_as_typed() {
    let mut m = walking(Lang::Sv, t2(), vec![]);
    to_unit_page(&mut m);
    type_into(&mut m, Field::UnitSummary, "Ett år av omställning.");
    update(&mut m, Action::Back);
    type_into(&mut m, Field::Budget, "959 500");
    update(&mut m, key(Key::Enter));
    type_into(&mut m, Field::EconomyOutcome, "951200,5");
    update(&mut m, key(Key::Enter));
    type_into(&mut m, Field::LexSarah, "En rapport.");
    update(&mut m, Action::Back);
    let berom = category("berom");
    type_into(&mut m, Field::Complaint(berom), "31");
    update(&mut m, key(Key::Enter));
    let r = &session(&m).record;
    assert_eq!(r.summary, "Ett år av omställning.");
    assert_eq!(r.economy.budget, Some(959_500.0));
    assert_eq!(r.economy.outcome, Some(951_200.5));
    assert_eq!(r.quality.lex_sarah, "En rapport.");
    assert_eq!(r.complaint("berom").and_then(|c| c.count), Some(31));
    assert!(session(&m).dirty);
    // With a count, the category's assessment follows it in Tab order.
    focus_on(&mut m, Field::Complaint(berom));
    update(&mut m, Action::NextField);
    assert_eq!(current_field(&m), Field::ComplaintAssessment(berom));
    update(&mut m, Action::Open);
    for c in "Tack till personalen".chars() {
        update(&mut m, key(Key::Char(c)));
    }
    update(&mut m, Action::Back);
    let r = &session(&m).record;
    assert_eq!(
        r.complaint("berom").map(|c| c.assessment.as_str()),
        Some("Tack till personalen")
    );
}

#[test]
fn a_count_that_is_not_a_whole_number_stays_in_the_editor() {
    let mut m = walking(Lang::Sv, t2(), vec![]);
    to_unit_page(&mut m);
    let i = category("fran-anonym");
    type_into(&mut m, Field::Complaint(i), "tre");
    update(&mut m, key(Key::Enter));
    let s = session(&m);
    assert!(s.editor.is_some(), "the typed text is kept for correcting");
    assert_eq!(
        s.editor.as_ref().unwrap().invalid.as_deref(),
        Some("Skriv ett antal, t.ex. 0 eller 3")
    );
    assert!(s.record.complaint("fran-anonym").is_none());
    // Corrected, it is stored.
    for _ in 0..3 {
        update(&mut m, key(Key::Backspace));
    }
    update(&mut m, key(Key::Char('3')));
    update(&mut m, key(Key::Enter));
    let s = session(&m);
    assert!(s.editor.is_none());
    assert_eq!(
        s.record.complaint("fran-anonym").and_then(|c| c.count),
        Some(3)
    );
    // Words are no amount.
    type_into(&mut m, Field::Budget, "cirka en miljon");
    update(&mut m, key(Key::Enter));
    assert!(session(&m).editor.is_some());
    assert_eq!(session(&m).record.economy.budget, None);
}

#[test]
fn the_draft_and_the_file_keep_the_unit_parts() {
    let mut m = walking(Lang::Sv, t2(), vec![]);
    to_unit_page(&mut m);
    type_into(&mut m, Field::QualityDeviations, "Åtta avvikelser");
    update(&mut m, Action::Back);
    let mut record = session(&m).record.clone();
    let plan = &m.plans[session(&m).plan].plan;
    record.normalize(plan);
    let text = tertial::followup::to_toml(&record);
    let again = tertial::followup::load::parse_followup("x.toml", text.as_bytes(), plan).unwrap();
    assert_eq!(again.quality.deviations, "Åtta avvikelser");
}

fn render(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    let text = terminal.backend().to_string();
    for line in text.lines() {
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    }
    text
}

#[test]
fn the_page_shows_this_periods_counts_beside_the_year_so_far() {
    let plan = fixture::plan();
    let vb = fixture::vb(&plan);
    let mut m = walking(Lang::Sv, vb, fixture::tertials(&plan));
    to_unit_page(&mut m);
    focus_on(&mut m, Field::Complaint(category("berom")));
    let [small, large] = [(80, 24), (120, 40)].map(|(w, h)| {
        let text = render(&m, w, h);
        insta::assert_snapshot!(format!("unit_page_{w}x{h}"), text);
        text
    });
    for text in [&small, &large] {
        assert!(text.contains("Enhetens delar"));
        assert!(text.contains("31   (totalt ack 71)"), "{text}");
    }
    let mut en = walking(Lang::En, fixture::vb(&plan), vec![]);
    to_unit_page(&mut en);
    let text = render(&en, 120, 40);
    assert!(text.contains("The unit's parts"), "{text}");
    assert!(text.contains("Summary analysis"), "{text}");
}

/// The numbers N of the lines "rad N" the editor shows, top to bottom.
fn editor_lines(screen: &str) -> Vec<usize> {
    screen
        .lines()
        .filter(|row| !row.contains("Text:"))
        .filter_map(|row| {
            let at = row.find("rad ")?;
            row[at + 4..]
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

#[test]
fn a_long_text_scrolls_the_editor_half_a_page_at_a_time() {
    let mut m = walking(Lang::Sv, t2(), vec![]);
    to_unit_page(&mut m);
    focus_on(&mut m, Field::UnitSummary);
    update(&mut m, Action::Open);
    let mut tops = Vec::new();
    for n in 1..=40 {
        if n > 1 {
            update(&mut m, key(Key::Enter));
        }
        for c in format!("rad {n}").chars() {
            update(&mut m, key(Key::Char(c)));
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| tertial::ui::view(&m, f)).unwrap();
        let screen = terminal.backend().to_string();
        let shown = editor_lines(&screen);
        // The line being typed is on screen, with the terminal's cursor on it.
        assert_eq!(shown.last(), Some(&n), "line {n}:\n{screen}");
        let row = screen
            .lines()
            .position(|r| r.contains(&format!("rad {n}")) && !r.contains("Text:"))
            .unwrap();
        let cursor = terminal.get_cursor_position().unwrap();
        assert_eq!(usize::from(cursor.y), row, "line {n}");
        tops.push(shown[0]);
    }
    // The top line moves in jumps of several lines, never one at a time.
    let moves: Vec<usize> = tops
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|d| *d > 0)
        .collect();
    assert!(!moves.is_empty(), "40 lines must scroll: {tops:?}");
    assert!(moves.iter().all(|d| *d >= 2), "{tops:?}");
}
