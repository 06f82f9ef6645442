//! Carry-over driven by actions, without terminal or git: a closing note
//! kept in a draft comes back on the deviation it was written for, and is
//! never recorded (nor lost) on its own; the previous text beside a
//! carried copy is its own deviation's after the earlier period changed.

mod common;

use tertial::app::model::{Earlier, PendingDraft};
use tertial::app::{Action, Model, Screen, Session, update};
use tertial::followup::draft::ClosingNote;
use tertial::followup::{Deviation, FollowUp, Period};
use tertial::i18n::Lang;

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";
const UNIT: &str = "bestallarenhet-2";

fn deviation(what: &str) -> Deviation {
    Deviation {
        what: what.into(),
        measure: format!("Åtgärd för {what}"),
        ..Default::default()
    }
}

fn t1() -> Period {
    "2025-T1".parse().unwrap()
}

/// A session of T2 with T1's deviations `whats` (all open) under E1 and a
/// draft of `record` (keeping `closing`, if any), resumed.
fn resumed(whats: &[&str], record: FollowUp, closing: Option<ClosingNote>) -> Model {
    resumed_with_effects(whats, record, closing).0
}

/// [`resumed`], with what resuming asked the shell to do.
fn resumed_with_effects(
    whats: &[&str],
    record: FollowUp,
    closing: Option<ClosingNote>,
) -> (Model, Vec<tertial::app::Effect>) {
    let mut m = Model::new(Lang::Sv, "test".into(), common::bundled_plans(), vec![]);
    m.today = (2026, 11, 23);
    let plan = m.plans.iter().position(|p| p.rel_path == PLAN).unwrap();
    let t2: Period = "2025-T2".parse().unwrap();
    let mut then = FollowUp::new(UNIT, t1());
    then.goal_mut("E1").deviations = whats.iter().map(|w| deviation(w)).collect();
    let goals = m.plans[plan]
        .plan
        .unit_goals
        .iter()
        .map(|g| (g.id.clone(), g.id.clone()))
        .collect();
    let mut s = Session::new(plan, t2, FollowUp::new(UNIT, t2), None);
    s.earlier = vec![Earlier {
        period: t1(),
        followup: then,
        author: "Anna Chef".into(),
        time: 1_746_000_000,
        goals,
        indicators: Default::default(),
    }];
    s.pending_draft = Some(PendingDraft {
        followup: record,
        saved_at: 1_795_420_800,
        by: "anna@host".into(),
        closing,
    });
    update(&mut m, Action::SessionReady(Box::new(s)));
    assert_eq!(m.screen, Screen::Resume);
    let effects = update(&mut m, Action::ResumeDraft);
    (m, effects)
}

fn note(number: usize, what: &str, text: &str) -> ClosingNote {
    ClosingNote {
        period: t1(),
        goal: "E1".into(),
        number,
        what: what.into(),
        note: text.into(),
    }
}

fn closing_text(m: &Model) -> Option<String> {
    let s = m.session.as_ref().unwrap();
    s.carry.closing.as_ref().map(|a| a.lines().join("\n"))
}

#[test]
fn a_kept_note_comes_back_on_its_deviation_after_the_earlier_period_changed() {
    // The note was for "b", number 2 then; T1 was since reopened and "a"
    // removed, so "b" is the first offer now.
    let record = FollowUp::new(UNIT, "2025-T2".parse().unwrap());
    let m = resumed(
        &["b", "c"],
        record.clone(),
        Some(note(2, "b", "Klart i maj")),
    );
    assert_eq!(m.screen, Screen::CarryOver);
    let s = m.session.as_ref().unwrap();
    assert_eq!(s.carry.selected, 0);
    assert_eq!(closing_text(&m).as_deref(), Some("Klart i maj"));
    // Nothing was recorded by restoring it.
    assert_eq!(s.record, record);
    let unsaved = tertial::app::carry_over::unsaved_note(&m).unwrap();
    assert_eq!((unsaved.number, unsaved.what.as_str()), (1, "b"));
}

#[test]
fn a_kept_note_is_saved_only_by_the_chief() {
    let record = FollowUp::new(UNIT, "2025-T2".parse().unwrap());
    let mut m = resumed(&["a", "b"], record, Some(note(2, "b", "Klart i maj")));
    assert_eq!(m.session.as_ref().unwrap().carry.selected, 1);
    update(
        &mut m,
        Action::EditorInput(ratatui_textarea::Input {
            key: ratatui_textarea::Key::Enter,
            ..Default::default()
        }),
    );
    let s = m.session.as_ref().unwrap();
    let e1 = s.record.goal("E1").unwrap();
    assert_eq!(e1.deviations.len(), 1);
    assert_eq!(e1.deviations[0].what, "b");
    assert!(e1.deviations[0].done);
    assert_eq!(e1.deviations[0].note, "Klart i maj");
    assert!(s.carry.closing.is_none());
}

#[test]
fn a_note_never_lands_on_another_deviation_with_its_old_number() {
    // "b" was removed from T1 since; "c" is number 2 now.
    let record = FollowUp::new(UNIT, "2025-T2".parse().unwrap());
    let m = resumed(&["a", "c"], record, Some(note(2, "b", "Klart i maj")));
    assert!(closing_text(&m).is_none());
    let message = m.message.clone().unwrap_or_default();
    assert!(message.contains("Klart i maj"), "{message}");
}

#[test]
fn a_note_for_a_deviation_no_longer_offered_is_shown_not_lost() {
    // "b" was dropped meanwhile (in the draft's record).
    let mut record = FollowUp::new(UNIT, "2025-T2".parse().unwrap());
    record.dropped.push(tertial::followup::carry::Dropped {
        period: t1(),
        goal: "E1".into(),
        number: 2,
        what: "b".into(),
    });
    let kept = note(2, "b", "Klart i maj");
    let (mut m, effects) = resumed_with_effects(&["a", "b"], record, Some(kept.clone()));
    assert!(closing_text(&m).is_none());
    let message = m.message.clone().unwrap_or_default();
    assert!(message.contains("Klart i maj"), "{message}");
    // The shell is asked to keep it in a file of its own, which is named.
    assert_eq!(
        effects,
        [tertial::app::Effect::KeepNoteAside(Box::new(kept))]
    );
    update(
        &mut m,
        Action::NoteKeptAside(Ok("utkast.closing-note-1.txt".into())),
    );
    let message = m.message.clone().unwrap_or_default();
    assert!(
        message.contains("den är sparad i utkast.closing-note-1.txt"),
        "{message}"
    );
}

#[test]
fn the_previous_text_beside_a_carried_copy_follows_its_deviation_not_its_number() {
    use tertial::app::fields::{DevPart, Field};
    // "b" was carried as number 2 and its copy's cause rewritten; T1 was
    // since reopened and "a" removed, so number 2 is "c" now.
    let mut record = FollowUp::new(UNIT, "2025-T2".parse().unwrap());
    let mut copy = deviation("b");
    copy.cause = "Ny orsak".into();
    copy.carried = Some(tertial::followup::carry::Origin {
        period: t1(),
        goal: "E1".into(),
        number: 2,
    });
    record.goal_mut("E1").deviations = vec![copy];
    let mut m = resumed(&["b", "c"], record, None);
    let s = m.session.as_mut().unwrap();
    s.earlier[0].followup.goal_mut("E1").deviations[0].cause = "Orsak till b".into();
    s.earlier[0].followup.goal_mut("E1").deviations[1].cause = "Orsak till c".into();
    let s = m.session.as_ref().unwrap();
    let plan = &m.plans[s.plan].plan;
    let field = Field::Deviation(0, DevPart::Cause);
    let shown = tertial::app::previous::texts(plan, s, std::slice::from_ref(&field));
    assert_eq!(shown, [(field, "Orsak till b".to_string())]);
}
