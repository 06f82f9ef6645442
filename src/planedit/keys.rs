//! The correction screen's keys: fixed and few (shown at the foot of the
//! screen), read differently in the list, the editor and each dialog.

use super::model::{Answer, Dialog, Model};
use super::update::{Action, Effect, save, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{Input, Key};
use std::path::PathBuf;

fn ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

/// Resolves a key where it was typed.
pub fn on_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if ctrl(&k, 's') && m.dialog.is_none() {
        return update(m, Action::Save);
    }
    if m.dialog.is_some() {
        return dialog_key(m, k);
    }
    if m.editor.is_some() {
        let multiline = m.editor.as_ref().is_some_and(|e| e.item.is_multiline());
        let action = match k.code {
            KeyCode::Esc => Action::FinishEdit,
            KeyCode::Enter if !multiline => Action::FinishEdit,
            _ if ctrl(&k, 't') => Action::SplitAtCursor,
            // The editor's own undo is Ctrl-U; Ctrl-Z means the same here.
            _ if ctrl(&k, 'z') => Action::EditorInput(Input {
                key: Key::Char('u'),
                ctrl: true,
                alt: false,
                shift: false,
            }),
            // A line feed typed as Ctrl-J is Enter, not "delete to start".
            _ if ctrl(&k, 'j') || ctrl(&k, 'm') => {
                if multiline {
                    Action::EditorInput(Input {
                        key: Key::Enter,
                        ctrl: false,
                        alt: false,
                        shift: false,
                    })
                } else {
                    Action::FinishEdit
                }
            }
            _ => Action::EditorInput(k.into()),
        };
        return update(m, action);
    }
    let action = match k.code {
        _ if ctrl(&k, 'z') => Action::Undo,
        _ if ctrl(&k, 'c') => Action::Quit,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::Enter | KeyCode::Char('e') => Action::Edit,
        KeyCode::Char('m') => Action::Merge,
        KeyCode::Char('f') => Action::Move,
        KeyCode::Char('n') | KeyCode::Tab => Action::NextMarked,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Delete => Action::Delete,
        KeyCode::Esc | KeyCode::Char('q') => Action::Quit,
        _ => return Vec::new(),
    };
    update(m, action)
}

fn dialog_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let Some(dialog) = &mut m.dialog else {
        return Vec::new();
    };
    match dialog {
        Dialog::Quit { choice } => {
            let n = Answer::ALL.len();
            match k.code {
                KeyCode::Left | KeyCode::BackTab => *choice = (*choice + n - 1) % n,
                KeyCode::Right | KeyCode::Tab => *choice = (*choice + 1) % n,
                KeyCode::Enter => {
                    let a = Answer::ALL[*choice];
                    return update(m, Action::Answer(a));
                }
                KeyCode::Char('s') => return update(m, Action::Answer(Answer::Save)),
                KeyCode::Char('k') | KeyCode::Char('d') => {
                    return update(m, Action::Answer(Answer::Discard));
                }
                KeyCode::Esc => return update(m, Action::Answer(Answer::Stay)),
                _ => {}
            }
        }
        Dialog::Move {
            targets, cursor, ..
        } => match k.code {
            KeyCode::Up => *cursor = cursor.saturating_sub(1),
            KeyCode::Down => *cursor = (*cursor + 1).min(targets.len().saturating_sub(1)),
            KeyCode::PageUp => *cursor = cursor.saturating_sub(10),
            KeyCode::PageDown => *cursor = (*cursor + 10).min(targets.len().saturating_sub(1)),
            KeyCode::Enter => {
                if let Some(t) = targets.get(*cursor).copied() {
                    return update(m, Action::MoveTo(t));
                }
            }
            KeyCode::Esc => m.dialog = None,
            _ => {}
        },
        Dialog::Problems(_) => {
            if matches!(k.code, KeyCode::Esc | KeyCode::Enter) {
                m.dialog = None;
            }
        }
        Dialog::SavePath(area) => match k.code {
            KeyCode::Esc => {
                m.dialog = None;
                m.quit_after_save = false;
            }
            KeyCode::Enter => {
                let typed = area.lines().join("").trim().to_string();
                if typed.is_empty() {
                    return Vec::new();
                }
                m.dialog = None;
                m.path = Some(PathBuf::from(typed));
                let effects = save(m);
                if effects.is_empty() && m.dialog.is_some() {
                    // Not written: the path is asked again next time.
                    m.path = None;
                }
                return effects;
            }
            _ if ctrl(&k, 'j') || ctrl(&k, 'm') => {}
            _ => {
                area.input(Input::from(k));
            }
        },
    }
    Vec::new()
}
