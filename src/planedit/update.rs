//! What each key and event does to the correction screen: moving, editing,
//! the corrections (with undo), saving only a plan that passes the
//! checker, and quitting only on an explicit answer when there are
//! unsaved changes.

use super::item::{self, Field, Item, Target};
use super::model::{Answer, Dialog, Editor, Model, UNDO_DEPTH};
use super::ops::{self, Refused};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, Input, TextArea, WrapMode};
use std::path::PathBuf;

#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// The next row marked as unsure or not placed.
    NextMarked,
    Focus(Item),
    /// Opens the editor on the current row's text.
    Edit,
    /// A key typed into the editor.
    EditorInput(Input),
    /// Stores the editor's text and closes it.
    FinishEdit,
    /// Splits the point being edited at the editor's cursor.
    SplitAtCursor,
    Merge,
    /// Opens the chooser of where to move the current text.
    Move,
    MoveTo(Target),
    /// Removes the current point or text not placed.
    Delete,
    Undo,
    Save,
    /// Asks to finish: quits, or asks first when there are changes.
    Quit,
    Answer(Answer),
    /// The write asked for by `Effect::Write` ended.
    Written(Result<PathBuf, String>),
}

#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    /// Writes the plan's text (checked) atomically to the file.
    Write { path: PathBuf, text: String },
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(k) => return super::keys::on_key(m, k),
        Action::Resize(w, h) => {
            m.width = w;
            m.height = h;
        }
        Action::Paste(text) => {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            match (&mut m.editor, &mut m.dialog) {
                (Some(e), _) => {
                    e.area.insert_str(&text);
                }
                (None, Some(Dialog::SavePath(area))) => {
                    area.insert_str(text.replace('\n', ""));
                }
                _ => {}
            }
        }
        Action::Up => m.cursor = m.cursor.saturating_sub(1),
        Action::Down => m.cursor = (m.cursor + 1).min(m.rows.len().saturating_sub(1)),
        Action::PageUp => m.cursor = m.cursor.saturating_sub(m.list_height().max(2) - 1),
        Action::PageDown => {
            m.cursor = (m.cursor + m.list_height().max(2) - 1).min(m.rows.len().saturating_sub(1))
        }
        Action::Home => m.cursor = 0,
        Action::End => m.cursor = m.rows.len().saturating_sub(1),
        Action::NextMarked => {
            let n = m.rows.len();
            if let Some(k) = (1..=n)
                .map(|d| (m.cursor + d) % n.max(1))
                .find(|&k| m.rows[k].mark != super::rows::Mark::None)
            {
                m.cursor = k;
            }
        }
        Action::Focus(item) => m.focus(item),
        Action::Edit => edit(m),
        Action::EditorInput(input) => {
            if let Some(e) = &mut m.editor {
                e.area.input(input);
                e.invalid = None;
            }
        }
        Action::FinishEdit => {
            finish(m);
        }
        Action::SplitAtCursor => split(m),
        Action::Merge => {
            let Some(item) = m.current() else {
                return vec![];
            };
            change(m, |doc| ops::merge_with_next(doc, item));
        }
        Action::Move => open_move(m),
        Action::MoveTo(target) => {
            let Some(item) = m.current() else {
                return vec![];
            };
            m.dialog = None;
            if change(m, |doc| ops::move_to(doc, item, target)) {
                m.message = Some(m.lang.t("Texten är flyttad.", "The text was moved.").into());
            }
        }
        Action::Delete => {
            let Some(item) = m.current() else {
                return vec![];
            };
            if change(m, |doc| ops::remove(doc, item).map(|_| item)) {
                m.message = Some(
                    m.lang
                        .t("Borttaget (Ctrl-Z ångrar).", "Removed (Ctrl-Z undoes).")
                        .into(),
                );
            }
        }
        Action::Undo => match m.undo.pop() {
            Some(doc) => {
                m.doc = doc;
                m.refresh();
                m.message = Some(m.lang.t("Ångrat.", "Undone.").into());
            }
            None => m.message = Some(m.lang.t("Inget att ångra.", "Nothing to undo.").into()),
        },
        Action::Save => {
            if m.editor.is_some() && !finish(m) {
                return vec![];
            }
            return save(m);
        }
        Action::Quit => {
            if m.editor.is_some() && !finish(m) {
                return vec![];
            }
            if m.dirty() {
                m.dialog = Some(Dialog::Quit { choice: 0 });
            } else {
                m.quit = true;
            }
        }
        Action::Answer(a) => {
            m.dialog = None;
            match a {
                Answer::Save => {
                    m.quit_after_save = true;
                    return save(m);
                }
                Answer::Discard => m.quit = true,
                Answer::Stay => {}
            }
        }
        Action::Written(Ok(path)) => {
            m.saved = Some(m.doc.plan.clone());
            m.message = Some(format!(
                "{} {}",
                m.lang.t("Planen är sparad i", "The plan was saved to"),
                path.display()
            ));
            m.path = Some(path);
            if m.quit_after_save {
                m.quit = true;
            }
        }
        Action::Written(Err(e)) => {
            m.quit_after_save = false;
            m.message = Some(format!(
                "{}: {e}",
                m.lang
                    .t("Planen kunde inte sparas", "The plan could not be saved")
            ));
        }
    }
    keep_in_view(m);
    Vec::new()
}

/// Scrolls so the cursor's row is shown.
fn keep_in_view(m: &mut Model) {
    let h = m.list_height();
    if m.cursor < m.scroll {
        m.scroll = m.cursor;
    } else if m.cursor >= m.scroll + h {
        m.scroll = m.cursor + 1 - h;
    }
}

/// Makes a correction with undo; says why when it cannot be made.
fn change(m: &mut Model, f: impl FnOnce(&mut item::Doc) -> Result<Item, Refused>) -> bool {
    let before = m.doc.clone();
    match f(&mut m.doc) {
        Ok(focus) => {
            m.undo.push(before);
            if m.undo.len() > UNDO_DEPTH {
                m.undo.remove(0);
            }
            m.refresh();
            m.focus(focus);
            m.message = None;
            keep_in_view(m);
            true
        }
        Err(why) => {
            m.doc = before;
            let l = m.lang;
            m.message = Some(
                match why {
                    Refused::NotAPoint => l.t(
                        "Bara punkter och text som inte placerats kan delas, slås ihop, flyttas eller tas bort.",
                        "Only points and texts not placed can be split, merged, moved or removed.",
                    ),
                    Refused::NothingToSplit => l.t(
                        "Ställ markören inne i texten där den ska delas.",
                        "Put the cursor inside the text where it is to be split.",
                    ),
                    Refused::NoNext => l.t(
                        "Det finns ingen nästa punkt att slå ihop med.",
                        "There is no next point to merge with.",
                    ),
                    Refused::Gone => l.t("Texten finns inte längre.", "The text is gone."),
                }
                .into(),
            );
            false
        }
    }
}

pub fn new_textarea(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

fn edit(m: &mut Model) {
    let Some(item) = m.current() else { return };
    if matches!(item, Item::Note(_)) {
        m.message = Some(
            m.lang
                .t(
                    "En anteckning rättas inte; rätta det den pekar på.",
                    "A note is not corrected; correct what it points at.",
                )
                .into(),
        );
        return;
    }
    let Some(text) = m.text(item) else { return };
    m.editor = Some(Editor {
        item,
        area: new_textarea(&text),
        invalid: None,
    });
    m.message = None;
}

fn editor_text(e: &Editor) -> String {
    e.area.lines().join("\n")
}

/// Stores the editor's text; false (editor kept open) when it does not parse.
fn finish(m: &mut Model) -> bool {
    let Some(e) = &m.editor else { return true };
    let (item, typed) = (e.item, editor_text(e));
    if m.text(item).as_deref() == Some(typed.as_str()) {
        m.editor = None;
        return true;
    }
    let before = m.doc.clone();
    match item::set_text(&mut m.doc, item, &typed) {
        Ok(()) => {
            if m.doc != before {
                m.undo.push(before);
                if m.undo.len() > UNDO_DEPTH {
                    m.undo.remove(0);
                }
            }
            m.editor = None;
            m.refresh();
            m.focus(item);
            true
        }
        Err(why) => {
            let msg = why.message(m.lang).to_string();
            if let Some(e) = &mut m.editor {
                e.invalid = Some(msg.clone());
            }
            m.message = Some(msg);
            false
        }
    }
}

fn split(m: &mut Model) {
    let Some(e) = &m.editor else { return };
    let item = e.item;
    let lines = e.area.lines();
    let (row, col) = (e.area.cursor().0, e.area.cursor().1);
    let text = lines.join("\n");
    // The cursor as a byte offset into the joined text.
    let mut at: usize = lines[..row.min(lines.len())]
        .iter()
        .map(|l| l.len() + 1)
        .sum();
    if let Some(line) = lines.get(row) {
        at += line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    }
    // The text before the cursor and the rest become two points; the edit
    // and the split are one step to undo.
    let text = if item.is_multiline() {
        text
    } else {
        text.replace('\n', " ")
    };
    if change(m, |doc| ops::split(doc, item, &text, at)) {
        m.editor = None;
        m.message = Some(
            m.lang
                .t("Punkten är delad i två.", "The point was split in two.")
                .into(),
        );
    }
}

fn open_move(m: &mut Model) {
    let Some(source) = m.current() else { return };
    if !source.is_point() {
        m.message = Some(
            m.lang
                .t(
                    "Bara punkter och text som inte placerats kan flyttas.",
                    "Only points and texts not placed can be moved.",
                )
                .into(),
        );
        return;
    }
    let targets = ops::targets(&m.doc);
    let near = nearest_goal_target(m, source);
    let cursor = near
        .and_then(|t| targets.iter().position(|x| *x == t))
        .unwrap_or(0);
    m.dialog = Some(Dialog::Move {
        source,
        targets,
        cursor,
    });
}

/// The target offered first: another field of the same enhetsmål, or the
/// goal the text sits under in the tree.
fn nearest_goal_target(m: &Model, source: Item) -> Option<Target> {
    match source {
        Item::Point(u, Field::Expected, _) => Some(Target::UnitField(u, Field::Ways)),
        Item::Point(u, _, _) => Some(Target::UnitField(u, Field::Expected)),
        Item::CommitteeResult(c, _) => Some(Target::Description(c)),
        _ => m.rows[..m.cursor].iter().rev().find_map(|r| match r.item? {
            Item::UnitTitle(u) | Item::Point(u, ..) => Some(Target::UnitField(u, Field::Expected)),
            Item::CommitteeTitle(c) | Item::Description(c) | Item::CommitteeResult(c, _) => {
                Some(Target::Description(c))
            }
            Item::AreaTitle(a) => Some(Target::AreaTitle(a)),
            Item::KfTitle(k) => Some(Target::KfTitle(k)),
            _ => None,
        }),
    }
}

/// Checks the plan as `tertial check` will read it and asks the shell to
/// write it; shows the checker's messages instead when it does not pass.
pub(super) fn save(m: &mut Model) -> Vec<Effect> {
    let Some(path) = m.path.clone() else {
        let offered = m
            .suggested_path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        m.dialog = Some(Dialog::SavePath(Box::new(new_textarea(&offered))));
        return Vec::new();
    };
    match super::check::check(m, &path) {
        Ok(text) => vec![Effect::Write { path, text }],
        Err(problems) => {
            m.quit_after_save = false;
            m.dialog = Some(Dialog::Problems(problems));
            Vec::new()
        }
    }
}
