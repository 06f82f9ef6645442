//! The carry-over screen: the previous period's open deviations offered
//! to the period being written, each carried over, closed with a note, or
//! dropped (see `followup::carry`). It opens by itself when a session
//! starts with undecided offers, and again with its key at any time.

use super::action::{Action, Effect};
use super::model::{Earlier, Model, Screen, Session};
use super::undo::{push_undo, step_of};
use super::walk::new_textarea;
use crate::followup::carry::{self, Choice, Offer};
use crate::followup::draft::ClosingNote;
use crate::plan::Plan;
use ratatui_textarea::TextArea;

/// Where the carry-over screen stands.
#[derive(Debug, Clone, Default)]
pub struct CarryState {
    pub selected: usize,
    /// The note being written to close the selected deviation.
    pub closing: Option<TextArea<'static>>,
}

/// The period the offers come from: the latest earlier follow-up (T1 for
/// T2, T2 for the VB, last year's VB for T1).
pub fn previous(s: &Session) -> Option<&Earlier> {
    s.earlier.last()
}

/// The deviations offered now, in the plan's goal order.
pub fn offers(plan: &Plan, s: &Session) -> Vec<Offer> {
    previous(s).map_or_else(Vec::new, |e| {
        carry::offers(plan, &s.record, e.period, &e.followup, &e.goals)
    })
}

/// Opens the screen when the walk starts with undecided offers and the
/// follow-up can be changed.
pub fn offer_on_open(m: &mut Model) {
    if m.screen != Screen::Walk {
        return;
    }
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return;
    };
    if s.read_only || s.locked() || offers(plan, s).is_empty() {
        return;
    }
    if let Some(s) = &mut m.session {
        s.carry = CarryState::default();
    }
    m.screen = Screen::CarryOver;
}

/// The key that opens the screen, from the walk or the review.
pub fn open(m: &mut Model) {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return;
    };
    if offers(plan, s).is_empty() {
        let l = m.lang;
        m.message = Some(match previous(s) {
            Some(e) => format!(
                "{} {}.",
                l.t(
                    "Inga öppna avvikelser kvar att föra över från",
                    "No open deviations left to carry over from"
                ),
                e.period.kind.code_with_year(e.period.year)
            ),
            None => l
                .t(
                    "Ingen tidigare period att föra över avvikelser från.",
                    "No earlier period to carry deviations over from.",
                )
                .to_string(),
        });
        return;
    }
    if let Some(s) = &mut m.session {
        s.carry = CarryState::default();
    }
    m.screen = Screen::CarryOver;
}

/// The closing note being written, as the draft keeps it (none while
/// nothing is typed).
pub fn unsaved_note(m: &Model) -> Option<ClosingNote> {
    let (s, plan) = (m.session.as_ref()?, m.session_plan()?);
    let note = s.carry.closing.as_ref()?.lines().join(" ");
    if note.trim().is_empty() {
        return None;
    }
    let offer = offers(plan, s).into_iter().nth(s.carry.selected)?;
    Some(ClosingNote {
        period: offer.origin.period,
        goal: offer.origin.goal,
        number: offer.origin.number,
        what: offer.deviation.what,
        note,
    })
}

/// Back on the carry-over screen with a note the draft kept: the same
/// deviation selected and the note in its editor, nothing recorded until
/// the chief saves it. A note whose deviation is no longer offered is
/// kept in a file of its own (and named) rather than lost.
pub fn restore_note(m: &mut Model, note: ClosingNote) -> Vec<Effect> {
    let l = m.lang;
    let found = match (&m.session, m.session_plan()) {
        (Some(s), Some(plan)) if !s.read_only && !s.locked() => find_offer(&offers(plan, s), &note),
        _ => None,
    };
    let Some(i) = found else {
        m.message = Some(orphan_text(l, &note));
        return vec![Effect::KeepNoteAside(Box::new(note))];
    };
    if let Some(s) = &mut m.session {
        s.carry = CarryState {
            selected: i,
            closing: Some(new_textarea(&note.note)),
        };
    }
    m.screen = Screen::CarryOver;
    m.message = Some(
        l.t(
            "Anteckningen du skrev är kvar: Enter sparar den.",
            "The note you wrote is back: Enter saves it.",
        )
        .into(),
    );
    Vec::new()
}

/// What is said of a note whose deviation is no longer offered, until
/// the file it is kept in is known (or when it could not be written).
fn orphan_text(l: crate::i18n::Lang, note: &ClosingNote) -> String {
    format!(
        "{} {} {}: {}",
        l.t(
            "En osparad anteckning gällde en avvikelse från",
            "An unsaved note was for a deviation from"
        ),
        note.period.kind.code_with_year(note.period.year),
        l.t("som inte längre erbjuds", "no longer offered"),
        note.note
    )
}

/// The shell kept an orphaned note in a file (or could not: then the
/// note itself stays in the message line).
pub fn note_kept(m: &mut Model, result: Result<String, String>) {
    let l = m.lang;
    m.message = Some(match result {
        // The note is no longer needed on screen once it is in a file.
        Ok(file) => format!(
            "{} {} {file}",
            l.t(
                "En osparad anteckning gällde en avvikelse som inte längre erbjuds;",
                "An unsaved note was for a deviation no longer offered;"
            ),
            l.t("den är sparad i", "it is kept in"),
        ),
        Err(why) => format!("{} ({why})", m.message.take().unwrap_or_default()),
    });
}

/// The offer a kept note was for: the same deviation by its text (of the
/// same number first); by its number only for a deviation without text,
/// so a note never lands on another deviation.
fn find_offer(all: &[Offer], note: &ClosingNote) -> Option<usize> {
    let text = crate::followup::carried::normalise;
    let what = text(&note.what);
    let ours = |o: &Offer| {
        o.origin.period == note.period
            && o.origin.goal == note.goal
            && text(&o.deviation.what) == what
    };
    all.iter()
        .position(|o| ours(o) && o.origin.number == note.number)
        .or_else(|| all.iter().position(|o| ours(o) && !what.is_empty()))
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    let l = m.lang;
    let Model {
        plans,
        session,
        message,
        screen,
        ..
    } = m;
    let Some(s) = session.as_mut() else {
        *screen = Screen::Units;
        return Vec::new();
    };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return Vec::new();
    };
    let all = offers(plan, s);
    s.carry.selected = s.carry.selected.min(all.len().saturating_sub(1));
    let selected = all.get(s.carry.selected).cloned();
    if let Some(area) = &mut s.carry.closing {
        // Writing the note: every key is text but Enter (save) and the
        // editor's own keys, so prose never fires a command.
        match action {
            Action::EditorInput(input) if input.key == ratatui_textarea::Key::Enter => {
                let note = area.lines().join(" ").trim().to_string();
                if note.is_empty() {
                    *message = Some(
                        l.t(
                            "Skriv hur avvikelsen stängdes.",
                            "Write how the deviation was closed.",
                        )
                        .into(),
                    );
                    return Vec::new();
                }
                s.carry.closing = None;
                if let Some(offer) = selected {
                    decide(s, plan, &offer, Choice::Close(note));
                }
            }
            // The note is kept in the draft like any typed text.
            Action::EditorInput(input) => {
                s.dirty |= area.input(input);
            }
            Action::Paste(text) => {
                s.dirty |= area.insert_str(text.replace(['\r', '\n'], " "));
            }
            Action::Back | Action::CancelEdit => {
                s.carry.closing = None;
                s.dirty = true;
            }
            _ => {}
        }
        return finish_if_done(s, plan, screen, message, l);
    }
    let can_change = !s.read_only && !s.locked();
    match action {
        Action::Back => *screen = Screen::Walk,
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            s.carry.selected = super::update::step(s.carry.selected, all.len(), &action);
        }
        Action::CarryConfirm | Action::CarryClose | Action::CarryDrop if !can_change => {
            *message = Some(
                l.t(
                    "Uppföljningen kan inte ändras här (skrivskyddad eller klar).",
                    "The follow-up cannot be changed here (read-only or done).",
                )
                .into(),
            );
        }
        Action::CarryConfirm => {
            if let Some(offer) = selected {
                decide(s, plan, &offer, Choice::Carry);
            }
        }
        Action::CarryClose if selected.is_some() => s.carry.closing = Some(new_textarea("")),
        Action::CarryDrop => {
            if let Some(offer) = selected {
                decide(s, plan, &offer, Choice::Drop);
            }
        }
        _ => {}
    }
    finish_if_done(s, plan, screen, message, l)
}

/// Records a choice as one undoable change of the form.
fn decide(s: &mut Session, plan: &Plan, offer: &Offer, choice: Choice) {
    let before = step_of(s);
    carry::apply(plan, &mut s.record, offer, choice);
    s.dirty = true;
    push_undo(s, before);
}

/// Back to the walk once every offer is decided, saying so.
fn finish_if_done(
    s: &mut Session,
    plan: &Plan,
    screen: &mut Screen,
    message: &mut Option<String>,
    l: crate::i18n::Lang,
) -> Vec<Effect> {
    if *screen == Screen::CarryOver && offers(plan, s).is_empty() {
        *screen = Screen::Walk;
        if let Some(e) = previous(s) {
            *message = Some(format!(
                "{} {} {}.",
                l.t("Alla öppna avvikelser från", "Every open deviation from"),
                e.period.kind.code_with_year(e.period.year),
                l.t("är hanterade", "is dealt with")
            ));
        }
    }
    Vec::new()
}
