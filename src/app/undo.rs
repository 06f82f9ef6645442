//! Undo and redo of the walk's form: the record and the place in the walk
//! before each change, kept in the session.

use super::model::{Model, Session, UNDO_DEPTH, UndoStep};
use super::walk::{clamp_focus, last_page};

pub(super) fn step_of(s: &Session) -> UndoStep {
    UndoStep {
        record: s.record.clone(),
        goal: s.goal,
        focus: s.focus,
    }
}

/// Keeps `before` as an undo step when the record changed since.
pub(super) fn push_undo(s: &mut Session, before: UndoStep) {
    if before.record == s.record {
        return;
    }
    if s.undo.len() >= UNDO_DEPTH {
        s.undo.remove(0);
    }
    s.undo.push(before);
    s.redo.clear();
}

/// Undoes (or redoes) a change of the form, back where it was made.
pub(super) fn undo_redo(m: &mut Model, undo: bool) {
    let lang = m.lang;
    let Model {
        plans,
        session,
        message,
        ..
    } = m;
    let Some(s) = session.as_mut() else { return };
    if s.read_only || s.locked() {
        return;
    }
    let (from, to) = if undo {
        (&mut s.undo, &mut s.redo)
    } else {
        (&mut s.redo, &mut s.undo)
    };
    let Some(step) = from.pop() else {
        *message = Some(if undo {
            lang.t("Inget att ångra.", "Nothing to undo.").into()
        } else {
            lang.t("Inget att göra om.", "Nothing to redo.").into()
        });
        return;
    };
    let here = UndoStep {
        record: std::mem::replace(&mut s.record, step.record),
        goal: step.goal,
        focus: step.focus,
    };
    to.push(here);
    s.goal = step.goal;
    s.focus = step.focus;
    s.dirty = true;
    if let Some(plan) = plans.get(s.plan) {
        s.goal = s.goal.min(last_page(&plan.plan));
        clamp_focus(s, &plan.plan);
    }
    *message = Some(if undo {
        lang.t("Ångrat.", "Undone.").into()
    } else {
        lang.t("Gjort om.", "Redone.").into()
    });
}
