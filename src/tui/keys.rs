//! Terminal events to actions. Keys go to the core whole: the keymap is
//! resolved in `app::keys`, where it can be tested without a terminal.

use crate::app::Action;
use ratatui::crossterm::event::{Event, KeyEventKind};

pub fn action_for(ev: &Event) -> Option<Action> {
    match ev {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Action::Key(*k)),
        _ => None,
    }
}
