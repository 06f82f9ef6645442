//! Picking a spelling: the word at or before the cursor, the list of the
//! dictionary's suggestions (asked in the background), replacing the word
//! with the chosen one, and adding the word to a word list instead.

use super::super::action::{Action, Effect};
use super::super::fields;
use super::super::model::Model;
use super::super::overlay::Overlay;
use super::{SUGGESTIONS, refresh};
use crate::i18n::Lang;
use crate::spell::tokens;

/// Byte offset of character `col` in `line`.
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
}

/// The word to suggest for: the misspelled word the cursor is in or just
/// after, else the nearest misspelled word before the cursor, else the
/// word at the cursor. (line, start, end) in characters, and the word.
fn target(m: &Model) -> Option<(usize, usize, usize, String)> {
    let (_, area) = super::open_text(m.screen, m.session.as_ref(), m.reviewing.as_ref())?;
    let lines = area.lines();
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    let line = lines.get(row)?;
    let misspelled = (0..=row).rev().find_map(|r| {
        let before = m
            .spelling
            .marks
            .row(r)
            .iter()
            .rev()
            .find(|mk| r < row || mk.start <= col)?;
        let word: String = lines[r]
            .chars()
            .skip(before.start)
            .take(before.end - before.start)
            .collect();
        Some((r, before.start, before.end, word))
    });
    misspelled.or_else(|| {
        let w = tokens::word_at(line, byte_at(line, col))?;
        let start = line[..w.start].chars().count();
        Some((
            row,
            start,
            start + w.text.chars().count(),
            w.text.to_string(),
        ))
    })
}

/// Opens the suggestions for the word at (or before) the cursor; the
/// dictionary's spellings come in the background.
pub fn suggest(m: &mut Model) -> Vec<Effect> {
    let l = m.lang;
    let Some(_) = &m.spelling.checker else {
        m.message = Some(match &m.spelling.off {
            Some(why) => format!(
                "{}: {why}",
                l.t("Stavningskontrollen är av", "Spell checking is off")
            ),
            None => l
                .t("Ordlistan läses in …", "The dictionary is being loaded …")
                .into(),
        });
        return Vec::new();
    };
    let Some((row, start, end, word)) = target(m) else {
        m.message = Some(
            l.t(
                "Inget ord vid markören att föreslå stavning för.",
                "No word at the cursor to suggest spellings for.",
            )
            .into(),
        );
        return Vec::new();
    };
    m.overlay = Some(Overlay::Spelling {
        word: word.clone(),
        row,
        start,
        end,
        suggestions: Vec::new(),
        selected: 0,
        searching: true,
    });
    vec![Effect::Suggest(word)]
}

/// The dictionary's spellings for `word`, into the list if it is still
/// open for that word.
pub fn suggestions(m: &mut Model, for_word: &str, mut found: Vec<String>) {
    if let Some(Overlay::Spelling {
        word,
        suggestions,
        searching,
        selected,
        ..
    }) = &mut m.overlay
        && word == for_word
        && *searching
    {
        found.truncate(SUGGESTIONS);
        *suggestions = found;
        *searching = false;
        *selected = 0;
    }
}

/// The rows of the suggestions list after the suggestions: adding the
/// word to the workspace's list, then to the user's own.
pub fn add_rows(l: Lang) -> [&'static str; 2] {
    [
        l.t(
            "+ Lägg till i arbetsytans ordlista (delas, checkas in)",
            "+ Add to the workspace's word list (shared, committed)",
        ),
        l.t(
            "+ Lägg till i min egen ordlista",
            "+ Add to my own word list",
        ),
    ]
}

/// Actions while the suggestions are open: move, pick (Enter), close (Esc).
pub fn on_overlay(m: &mut Model, o: Overlay, action: Action) -> Vec<Effect> {
    let Overlay::Spelling {
        word,
        row,
        start,
        end,
        suggestions,
        selected,
        searching,
    } = o
    else {
        return Vec::new();
    };
    let len = suggestions.len() + 2;
    match action {
        Action::Open if searching => {
            m.overlay = Some(Overlay::Spelling {
                word,
                row,
                start,
                end,
                suggestions,
                selected,
                searching,
            });
        }
        Action::Open => {
            m.overlay = None;
            if let Some(new) = suggestions.get(selected) {
                replace(m, row, start, end, new);
                return Vec::new();
            }
            let shared = selected == suggestions.len();
            if !crate::spell::words::valid(&word) {
                return Vec::new();
            }
            return vec![Effect::AddWord { word, shared }];
        }
        other => {
            let selected = super::super::update::step(selected, len, &other);
            m.overlay = Some(Overlay::Spelling {
                word,
                row,
                start,
                end,
                suggestions,
                selected,
                searching,
            });
        }
    }
    Vec::new()
}

/// Replaces characters `start..end` of line `row` of `area` with `new`;
/// the whole text after.
fn replace_in(
    area: &mut ratatui_textarea::TextArea<'static>,
    row: usize,
    start: usize,
    end: usize,
    new: &str,
) -> Option<String> {
    let (Ok(r), Ok(c)) = (u16::try_from(row), u16::try_from(start)) else {
        return None;
    };
    area.cancel_selection();
    area.move_cursor(ratatui_textarea::CursorMove::Jump(r, c));
    area.delete_str(end - start);
    area.insert_str(new);
    Some(area.lines().join("\n"))
}

/// Replaces characters `start..end` of line `row` with `new` and stores
/// the text in the field (or the reviewer's comment) it is of.
fn replace(m: &mut Model, row: usize, start: usize, end: usize, new: &str) {
    let Model {
        plans,
        session,
        reviewing,
        screen,
        ..
    } = m;
    let Some(s) = session.as_mut() else { return };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return;
    };
    if *screen == super::super::model::Screen::Reviewing {
        let Some(r) = reviewing.as_mut() else { return };
        let slot = super::super::review_comments::slots(plan, s.goal)
            .get(r.focus)
            .cloned();
        let (Some(slot), Some(area)) = (slot, r.editor.as_mut()) else {
            return;
        };
        if let Some(text) = replace_in(area, row, start, end, new) {
            r.comments.set(&slot, text);
            r.dirty = true;
        }
        return;
    }
    let goal = super::super::walk::page_goal_id(plan, s);
    let Some(e) = &mut s.editor else { return };
    let Some(text) = replace_in(&mut e.area, row, start, end, new) else {
        return;
    };
    let field = e.field.clone();
    if fields::set_text(plan, &mut s.record, &goal, &field, &text).is_ok() {
        s.dirty = true;
    }
}

/// A word was added to a list (or why not).
pub fn word_added(m: &mut Model, result: Result<(String, bool), String>) {
    let l = m.lang;
    match result {
        Ok((word, shared)) => {
            if let Some(c) = &mut m.spelling.checker {
                c.add_listed([word.as_str()]);
            }
            m.spelling.marks.clear();
            let shown = crate::sanitize::line(&word);
            m.message = Some(if shared {
                format!(
                    "«{shown}» {} {}.",
                    l.t(
                        "finns nu i arbetsytans ordlista",
                        "is now in the workspace's word list"
                    ),
                    l.t("(incheckad)", "(committed)")
                )
            } else {
                format!(
                    "«{shown}» {}.",
                    l.t("finns nu i din ordlista", "is now in your word list")
                )
            });
        }
        Err(why) => {
            m.message = Some(format!(
                "{}: {why}",
                l.t("Ordet lades inte till", "The word was not added")
            ))
        }
    }
    refresh(m, true);
}
