//! Terminal events to actions, per screen.

use crate::app::{Action, Model, Screen};
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
    let common = match k.code {
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home => Some(Action::Top),
        KeyCode::End => Some(Action::Bottom),
        _ => None,
    };
    match m.screen {
        Screen::Problems => match k.code {
            KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => Some(Action::Acknowledge),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => common,
        },
        Screen::Units => match k.code {
            KeyCode::Enter | KeyCode::Right => Some(Action::Open),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Backspace => Some(Action::DeleteBack),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => common,
        },
        Screen::Plan => match k.code {
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Esc | KeyCode::Left | KeyCode::Backspace | KeyCode::Char('h') => {
                Some(Action::Back)
            }
            KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::ScrollDown),
            KeyCode::PageUp => Some(Action::ScrollUp),
            _ => common,
        },
    }
}
