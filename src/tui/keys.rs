//! Terminal events to actions, per screen and mode.

use crate::app::{Action, Model, Screen};
use crate::followup::Rating;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn action_for(m: &Model, ev: &Event) -> Option<Action> {
    match ev {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::Key(k) if k.kind != KeyEventKind::Release => key(m, k),
        _ => None,
    }
}

fn key(m: &Model, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('q')) {
        return Some(Action::Quit);
    }
    // Ctrl-G cancels like Esc: tmux delays Esc, so it is never the only way.
    if ctrl && k.code == KeyCode::Char('g') {
        return Some(Action::Back);
    }
    let nav = match k.code {
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home => Some(Action::Top),
        KeyCode::End => Some(Action::Bottom),
        _ => None,
    };
    let session = m.session.as_ref();
    match m.screen {
        Screen::Problems => match k.code {
            KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => Some(Action::Acknowledge),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => nav,
        },
        Screen::Units => match k.code {
            KeyCode::Enter | KeyCode::Right => Some(Action::Open),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Backspace => Some(Action::DeleteBack),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => nav,
        },
        Screen::Periods => match k.code {
            KeyCode::Enter | KeyCode::Right => Some(Action::Open),
            KeyCode::Esc | KeyCode::Left | KeyCode::Backspace => Some(Action::Back),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => nav,
        },
        Screen::Resume => match k.code {
            KeyCode::Enter | KeyCode::Char('r') => Some(Action::ResumeDraft),
            KeyCode::Char('d') => Some(Action::DiscardDraft),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        },
        Screen::Walk if session.is_some_and(|s| s.confirm.is_some()) => match k.code {
            KeyCode::Char('j' | 'y' | 'J' | 'Y') => Some(Action::Confirm(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
            _ => None,
        },
        Screen::Walk if session.is_some_and(|s| s.editor.is_some()) => match k.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Char('s') if ctrl => Some(Action::Back),
            KeyCode::Char('e') if ctrl => Some(Action::ExternalEditor),
            KeyCode::Tab => Some(Action::NextField),
            KeyCode::BackTab => Some(Action::PrevField),
            _ => Some(Action::EditorInput((*k).into())),
        },
        Screen::Walk => match k.code {
            KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
            KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
            KeyCode::PageDown => Some(Action::NextGoal),
            KeyCode::PageUp => Some(Action::PrevGoal),
            KeyCode::Char('n') if ctrl => Some(Action::NextGoal),
            KeyCode::Char('p') if ctrl => Some(Action::PrevGoal),
            KeyCode::Char('e') if ctrl => Some(Action::ExternalEditor),
            KeyCode::Enter | KeyCode::Char(' ') => Some(Action::Open),
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            KeyCode::Char('1') => Some(Action::Rate(Rating::Full)),
            KeyCode::Char('2') => Some(Action::Rate(Rating::Partial)),
            KeyCode::Char('3') => Some(Action::Rate(Rating::Not)),
            KeyCode::Char('4') => Some(Action::Rate(Rating::NotAssessed)),
            KeyCode::Char('a') => Some(Action::AddDeviation),
            KeyCode::Char('D') => Some(Action::DeleteDeviation),
            KeyCode::Char('e') => Some(Action::ExternalEditor),
            KeyCode::Char('r') => Some(Action::Review),
            KeyCode::Char(']') => Some(Action::ScrollContextDown),
            KeyCode::Char('[') => Some(Action::ScrollContextUp),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => nav,
        },
        Screen::Review if session.is_some_and(|s| s.waiving.is_some()) => match k.code {
            KeyCode::Esc => Some(Action::Back),
            _ => Some(Action::EditorInput((*k).into())),
        },
        Screen::Review => match k.code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char('w') => Some(Action::Waive),
            KeyCode::Char('u') => Some(Action::CommitDraft),
            KeyCode::Char('k') => Some(Action::CommitDone),
            KeyCode::Esc | KeyCode::Left => Some(Action::Back),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => nav,
        },
        Screen::Done => match k.code {
            KeyCode::Enter | KeyCode::Esc => Some(Action::Acknowledge),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        },
    }
}
