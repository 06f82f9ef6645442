//! `update`: the only place the model changes. Screens with more to them
//! have their own files (`walk`, `review`).

use super::action::{Action, Effect};
use super::model::{Model, Screen};
use super::{review, walk};

pub const PAGE: usize = 10;

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => {
            m.quit = true;
            return vec![Effect::Quit];
        }
        Action::Resize(w, h) => {
            m.size = (w, h);
            return Vec::new();
        }
        Action::DraftSaved(at) => {
            if let Some(s) = &mut m.session {
                s.draft_saved_at = Some(at);
                s.dirty = false;
            }
            return Vec::new();
        }
        Action::Periods(p) => {
            m.periods = Some(p);
            m.screen = Screen::Periods;
            return Vec::new();
        }
        Action::Committed(result) => {
            committed(m, result);
            return Vec::new();
        }
        Action::SessionReady(s) => {
            m.screen = if s.pending_draft.is_some() {
                Screen::Resume
            } else {
                Screen::Walk
            };
            m.session = Some(*s);
            return Vec::new();
        }
        _ => {}
    }
    m.message = None;
    match m.screen {
        Screen::Problems => {
            if matches!(action, Action::Acknowledge | Action::Open | Action::Back) {
                m.screen = Screen::Units;
            }
            Vec::new()
        }
        Screen::Units => units(m, action),
        Screen::Periods => periods(m, action),
        Screen::Resume => resume(m, action),
        Screen::Walk => walk::update(m, action),
        Screen::Review => review::update(m, action),
        Screen::Done => {
            if matches!(action, Action::Acknowledge | Action::Open | Action::Back) {
                m.screen = Screen::Walk;
            }
            Vec::new()
        }
    }
}

/// Moves a selection in a list of `len` items.
pub fn step(selected: usize, len: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(PAGE),
        Action::PageDown => (selected + PAGE).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected.min(last),
    }
}

fn units(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Input(c) => {
            m.units.filter.push(c);
            m.units.selected = 0;
        }
        Action::Paste(s) => {
            m.units.filter.extend(s.chars().filter(|c| !c.is_control()));
            m.units.selected = 0;
        }
        Action::DeleteBack => {
            m.units.filter.pop();
            m.units.selected = 0;
        }
        Action::Back => m.units.filter.clear(),
        Action::Open => {
            if let Some((i, _)) = m.filtered_units().get(m.units.selected) {
                return vec![Effect::LoadPeriods(*i)];
            }
        }
        other => {
            let len = m.filtered_units().len();
            m.units.selected = step(m.units.selected, len, &other);
        }
    }
    Vec::new()
}

fn periods(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(p) = &mut m.periods else {
        m.screen = Screen::Units;
        return Vec::new();
    };
    match action {
        Action::Back => m.screen = Screen::Units,
        Action::Open => {
            if let Some(info) = p.periods.get(p.selected) {
                return vec![Effect::OpenSession {
                    plan: p.plan,
                    period: info.period,
                }];
            }
        }
        other => p.selected = step(p.selected, p.periods.len(), &other),
    }
    Vec::new()
}

fn resume(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(s) = &mut m.session else {
        m.screen = Screen::Units;
        return Vec::new();
    };
    match action {
        Action::ResumeDraft | Action::Open => {
            if let Some(d) = s.pending_draft.take() {
                s.record = d.followup;
                s.draft_saved_at = Some(d.saved_at);
            }
            m.screen = Screen::Walk;
            Vec::new()
        }
        Action::DiscardDraft => {
            s.pending_draft = None;
            m.screen = Screen::Walk;
            vec![Effect::DiscardDraft]
        }
        Action::Back => {
            // Leaving without choosing keeps the draft where it is.
            m.session = None;
            m.screen = Screen::Units;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn committed(m: &mut Model, result: Result<(String, crate::followup::Status), String>) {
    let Some(s) = &mut m.session else { return };
    match result {
        Ok((id, status)) => {
            s.last_commit = Some(id);
            s.committed = Some(status);
            s.record.status = status;
            s.dirty = false;
            m.screen = Screen::Done;
        }
        Err(e) => m.message = Some(e),
    }
}
