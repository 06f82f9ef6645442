//! Snapshot tests of review mode and of a returned follow-up, drawn by the
//! pure `ui::view` into ratatui's `TestBackend` at 80×24, with models
//! driven by the key presses and actions the shell sends. Each test also
//! checks in code what the screen means: typed letters only ever write a
//! comment, a return needs a comment, a refused reviewer can do nothing,
//! and the unit chief's comment counts as answered once the field changed.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tertial::app::remarks::Returned;
use tertial::app::review_mode::{Comments, Reviewing, Verdict};
use tertial::app::{Action, Effect, Model, Screen, Session, update};
use tertial::followup::{FollowUp, Period, PeriodKind, Rating, Status};
use tertial::i18n::Lang;

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";
const UNIT: &str = "bestallarenhet-2";
const BLOB: &str = "0123456789abcdef0123456789abcdef01234567";

fn period() -> Period {
    Period::new(2025, PeriodKind::T1)
}

fn model() -> Model {
    tertial::clock::set_zone(tertial::clock::stockholm());
    let mut m = Model::new(Lang::Sv, "demo".into(), common::bundled_plans(), Vec::new());
    m.today = (2026, 11, 23);
    m
}

fn plan_index(m: &Model) -> usize {
    m.plans.iter().position(|p| p.rel_path == PLAN).unwrap()
}

/// The follow-up as committed klar: E1 rated, E2 with a short summary.
fn committed() -> FollowUp {
    let mut f = FollowUp::new(UNIT, period());
    f.status = Status::Done;
    f.goal_mut("E1").rating = Some(Rating::Full);
    f.goal_mut("E2").rating = Some(Rating::Partial);
    f.goal_mut("E2").summary = "Som planerat.".into();
    f
}

/// Review mode open on the committed follow-up, as the shell opens it.
fn reviewing(refusal: Option<&str>) -> Model {
    let mut m = model();
    let mut s = Session::new(plan_index(&m), period(), committed(), Some(Status::Done));
    s.read_only = true;
    s.focus = tertial::app::review_mode::NO_FOCUS;
    let r = Reviewing::new(
        BLOB.into(),
        Comments::default(),
        refusal.map(str::to_string),
    );
    update(&mut m, Action::ReviewReady(Box::new(s), Box::new(r)));
    assert_eq!(m.screen, Screen::Reviewing);
    m
}

fn press(m: &mut Model, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    update(m, Action::Key(KeyEvent::new(code, mods)))
}

fn type_keys(m: &mut Model, text: &str) {
    for c in text.chars() {
        press(m, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn render(m: &Model) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| tertial::ui::view(m, f)).unwrap();
    let text = terminal.backend().to_string();
    for line in text.lines() {
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    }
    text
}

#[test]
fn a_comment_is_typed_beside_e2_and_the_follow_up_stays_as_committed() {
    let mut m = reviewing(None);
    press(&mut m, KeyCode::PageDown, KeyModifiers::NONE);
    // Prose whose letters are command keys on other screens.
    type_keys(&mut m, "kvalitet, uppföljning, rutiner");
    let text = render(&m);
    insta::assert_snapshot!("review_mode_comment_typed_80x24", text);
    assert!(text.contains("Mål 2 av 6 · 1 kommentar"), "{text}");
    assert!(text.contains("kvalitet, uppföljning, rutiner"), "{text}");
    let r = m.reviewing.as_ref().unwrap();
    assert_eq!(
        r.comments.remarks.get("goal:E2").map(String::as_str),
        Some("kvalitet, uppföljning, rutiner")
    );
    assert!(r.dirty, "the comment is kept for the next draft");
    assert_eq!(m.session.as_ref().unwrap().record, committed());

    // Done writing; Alt-R asks, and the answer commits the return.
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert!(m.reviewing.as_ref().unwrap().editor.is_none());
    press(&mut m, KeyCode::Char('r'), KeyModifiers::ALT);
    let confirm = m.confirm.as_ref().expect("a return asks first");
    assert_eq!(confirm.title, "Återsänd uppföljningen?");
    insta::assert_snapshot!("review_mode_return_asked_80x24", render(&m));
    let effects = update(&mut m, Action::Confirm(true));
    let decision = effects
        .iter()
        .find_map(|e| match e {
            Effect::CommitReview(d) => Some(d),
            _ => None,
        })
        .expect("the review is committed");
    assert_eq!(decision.verdict, Verdict::Return);
    assert_eq!(decision.reviewed, BLOB);
    assert_eq!(decision.unit, UNIT);
    assert_eq!(
        decision.comments.remarks.get("goal:E2").map(String::as_str),
        Some("kvalitet, uppföljning, rutiner")
    );
    // The result: the screen says so, and nothing more can be written.
    update(
        &mut m,
        Action::ReviewCommitted(Ok(("52edc9efcd".into(), Verdict::Return))),
    );
    assert!(
        m.message
            .as_deref()
            .unwrap()
            .contains("Återsänd till enhetschefen")
    );
    type_keys(&mut m, "x");
    assert!(m.reviewing.as_ref().unwrap().editor.is_none());
    assert!(m.message.as_deref().unwrap().contains("inlämnad"));
}

#[test]
fn a_return_needs_a_comment_and_an_approval_does_not() {
    let mut m = reviewing(None);
    press(&mut m, KeyCode::Char('r'), KeyModifiers::ALT);
    assert!(m.confirm.is_none());
    assert_eq!(
        m.message.as_deref(),
        Some("Skriv minst en kommentar (eller en samlad kommentar) innan du återsänder.")
    );
    // The overall comment is on the last page, after the unit's parts.
    press(&mut m, KeyCode::End, KeyModifiers::NONE);
    for _ in 0..6 {
        press(&mut m, KeyCode::PageDown, KeyModifiers::NONE);
    }
    press(&mut m, KeyCode::End, KeyModifiers::NONE);
    type_keys(&mut m, "Bra!");
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(m.reviewing.as_ref().unwrap().comments.overall, "Bra!");
    let text = render(&m);
    insta::assert_snapshot!("review_mode_overall_80x24", text);
    assert!(text.contains("Samlad kommentar"), "{text}");
    press(&mut m, KeyCode::Char('g'), KeyModifiers::ALT);
    assert_eq!(m.confirm.as_ref().unwrap().title, "Godkänn uppföljningen?");
    let effects = update(&mut m, Action::Confirm(true));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::CommitReview(d) if d.verdict == Verdict::Approve))
    );
}

#[test]
fn a_reviewer_the_roster_refuses_can_neither_write_nor_commit() {
    let why = "Mallory <m@example.invalid> får inte granska bestallarenhet-2; det får: Områdeschef Olsson <olsson@example.invalid>";
    let mut m = reviewing(Some(why));
    let text = render(&m);
    insta::assert_snapshot!("review_mode_refused_80x24", text);
    assert!(text.contains("[skrivskyddad]"), "{text}");
    type_keys(&mut m, "kvalitet");
    let r = m.reviewing.as_ref().unwrap();
    assert!(r.editor.is_none() && r.comments == Comments::default());
    assert!(
        m.message
            .as_deref()
            .unwrap()
            .starts_with("Skrivskyddad: Mallory")
    );
    for alt in ['r', 'g'] {
        let effects = press(&mut m, KeyCode::Char(alt), KeyModifiers::ALT);
        assert!(m.confirm.is_none() && effects.is_empty());
    }
    // Leaving writes no draft for someone who may not review.
    let effects = press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(effects, vec![Effect::LeaveReview]);
}

/// The unit chief's walk of the returned follow-up, page E2.
fn returned_walk() -> Model {
    let mut m = model();
    let mut rec = committed();
    rec.status = Status::Reopened;
    let mut s = Session::new(plan_index(&m), period(), rec, Some(Status::Reopened));
    s.returned = Some(Box::new(Returned {
        reviewer: "Områdeschef Olsson".into(),
        overall: "Se över analysen av E2.".into(),
        remarks: vec![("goal:E2".into(), "kvalitet, uppföljning, rutiner".into())],
        before: committed(),
    }));
    update(&mut m, Action::SessionReady(Box::new(s)));
    update(&mut m, Action::NextGoal);
    m
}

#[test]
fn the_unit_chief_sees_the_comment_beside_e2_until_it_is_answered() {
    let mut m = returned_walk();
    let text = render(&m);
    insta::assert_snapshot!("walk_returned_comment_80x24", text);
    assert!(text.contains("Se över analysen av E2."), "{text}");
    assert!(text.contains("✎ att besvara"), "{text}");

    // The pre-commit review lists it as a remark to answer, not blocking.
    update(&mut m, Action::Review);
    let text = render(&m);
    assert!(
        text.contains("Granskarens kommentarer · 1 att besvara"),
        "{text}"
    );
    update(&mut m, Action::Back);

    // Answered: E2's summary changed since the return.
    update(&mut m, Action::NextField);
    update(&mut m, Action::Open);
    type_keys(&mut m, " Rutinerna följs upp varje månad.");
    press(&mut m, KeyCode::Esc, KeyModifiers::NONE);
    assert!(render(&m).contains("✓ besvarad"));
    update(&mut m, Action::Review);
    let text = render(&m);
    insta::assert_snapshot!("review_returned_answered_80x24", text);
    assert!(
        text.contains("Granskarens kommentarer · 0 att besvara"),
        "{text}"
    );
}

#[test]
fn comments_that_cannot_be_written_keep_the_program_open_then_are_printed() {
    let mut m = reviewing(None);
    type_keys(&mut m, "kvalitet");
    // Quitting writes the comments first.
    assert_eq!(update(&mut m, Action::Quit), vec![Effect::SaveThenQuit]);
    update(&mut m, Action::ReviewDraftFailed("disken är full".into()));
    assert!(!m.quit);
    assert!(
        m.message
            .as_deref()
            .unwrap()
            .starts_with("Kommentarerna kunde inte sparas: disken är full")
    );
    // Asked again, the program leaves and prints them.
    assert_eq!(
        update(&mut m, Action::Quit),
        vec![Effect::QuitPrintingComments]
    );
    assert!(m.quit);
}

#[test]
fn comments_on_an_older_version_kept_aside_are_named_on_opening() {
    let mut m = model();
    let mut s = Session::new(plan_index(&m), period(), committed(), Some(Status::Done));
    s.read_only = true;
    s.focus = tertial::app::review_mode::NO_FOCUS;
    let mut r = Reviewing::new(BLOB.into(), Comments::default(), None);
    r.set_aside = Some("granskning.toml.older-version-1\u{1b}[2J".into());
    update(&mut m, Action::ReviewReady(Box::new(s), Box::new(r)));
    let said = m.message.clone().unwrap_or_default();
    assert!(
        said.contains("Uppföljningen har ändrats sedan du skrev dina kommentarer"),
        "{said}"
    );
    assert!(said.contains("granskning.toml.older-version-1"), "{said}");
    assert!(!said.contains('\u{1b}'), "sanitized: {said:?}");
    render(&m);
}
