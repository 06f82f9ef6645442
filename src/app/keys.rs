//! Key presses through the keymap: which context is active, multi-key
//! sequences, and what unbound keys do (typed into an editor or filter).

use super::action::{Action, Effect};
use super::model::{Model, Screen};
use super::overlay::Overlay;
use crate::keymap::{Command, Context, Key, Resolved, actions};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The keymap context of what is on screen now.
pub fn context(m: &Model) -> Context {
    if m.rescue_path.is_some() {
        return Context::Editor;
    }
    if m.confirm.is_some() {
        return Context::Confirm;
    }
    match &m.overlay {
        Some(Overlay::Help { .. } | Overlay::Timeline { .. } | Overlay::Report { .. }) => {
            Context::Help
        }
        Some(Overlay::Conflicts { .. }) => Context::Conflict,
        Some(_) => Context::Palette,
        None => screen_context(m),
    }
}

/// The context of the screen, under any overlay.
pub fn screen_context(m: &Model) -> Context {
    let s = m.session.as_ref();
    match m.screen {
        Screen::Units => Context::Units,
        Screen::Problems | Screen::Periods | Screen::Done | Screen::Overview => Context::List,
        Screen::Resume => Context::Resume,
        Screen::Walk if s.is_some_and(|s| s.editor.is_some()) => Context::Editor,
        Screen::Walk => Context::Goal,
        Screen::Review if s.is_some_and(|s| s.waiving.is_some() || s.reopening.is_some()) => {
            Context::Editor
        }
        Screen::Review => Context::Review,
        Screen::CarryOver if s.is_some_and(|s| s.carry.closing.is_some()) => Context::Editor,
        Screen::CarryOver => Context::CarryOver,
        Screen::Reviewing if m.reviewing.as_ref().is_some_and(|r| r.editor.is_some()) => {
            Context::Editor
        }
        Screen::Reviewing => Context::Reviewer,
    }
}

/// Resolves a key and runs what it stands for.
pub fn on_key(m: &mut Model, ev: KeyEvent) -> Vec<Effect> {
    let Some(key) = Key::from_event(&ev) else {
        return Vec::new();
    };
    let ctx = context(m);
    if m.too_small() {
        // Nothing can be seen: only quitting works, and nothing typed goes
        // into an editor or a field behind the notice.
        m.pending_keys.clear();
        return match m.keymap.resolve(ctx, &[], key) {
            Resolved::Action(name) if name == Command::Quit.name() => {
                super::update(m, Action::Quit)
            }
            _ => Vec::new(),
        };
    }
    match m.keymap.resolve(ctx, &m.pending_keys, key) {
        Resolved::Action(name) => {
            m.pending_keys.clear();
            match super::commands::to_action(&name) {
                Some(a) => super::update(m, a),
                None => Vec::new(),
            }
        }
        Resolved::Pending(_) => {
            m.pending_keys.push(key);
            Vec::new()
        }
        Resolved::Unbound if !m.pending_keys.is_empty() => {
            // A sequence that leads nowhere is dropped whole.
            m.pending_keys.clear();
            Vec::new()
        }
        Resolved::Unbound => unbound(m, ctx, ev),
    }
}

/// Typing: unbound keys are text where text is being written.
fn unbound(m: &mut Model, ctx: Context, ev: KeyEvent) -> Vec<Effect> {
    let plain_char = match ev.code {
        KeyCode::Char(c)
            if !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    match ctx {
        Context::Editor => super::update(m, Action::EditorInput(ev.into())),
        Context::Palette | Context::Units => match plain_char {
            Some(c) => super::update(m, Action::Input(c)),
            None => Vec::new(),
        },
        Context::Goal | Context::Reviewer => match plain_char {
            Some(c) => {
                let starts_writing = !letters_are_commands_in(&m.keymap, ctx);
                super::update(m, Action::TypeOnField(c, starts_writing))
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A keymap that binds plain characters on the goal page (vim's normal
/// mode) makes letters commands there: an unbound letter then does not
/// start writing either, as in vim, where `i` does.
pub fn letters_are_commands(map: &crate::keymap::Keymap) -> bool {
    letters_are_commands_in(map, Context::Goal)
}

/// Whether plain characters are bound in `ctx` (see `letters_are_commands`).
pub fn letters_are_commands_in(map: &crate::keymap::Keymap, ctx: Context) -> bool {
    map.tables.get(&ctx).is_some_and(|t| {
        t.iter().any(|(k, _)| {
            let first = k[0];
            matches!(first.code, crate::keymap::key::Code::Char(_)) && !first.ctrl && !first.alt
        })
    })
}

/// The continuations of the pending keys, for the hint after the first key.
pub fn pending_hint(m: &Model) -> Vec<(String, String)> {
    let Some((last, before)) = m.pending_keys.split_last() else {
        return Vec::new();
    };
    match m.keymap.resolve(context(m), before, *last) {
        Resolved::Pending(next) => next
            .into_iter()
            .map(|(keys, b)| {
                let desc = b
                    .desc
                    .clone()
                    .or_else(|| actions::find(&b.action).map(|a| a.describe(m.lang).to_string()))
                    .unwrap_or(b.action);
                (crate::keymap::key::display_sequence(&keys, m.lang), desc)
            })
            .collect(),
        _ => Vec::new(),
    }
}
