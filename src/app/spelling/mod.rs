//! Spelling in the core: the dictionary once the shell has loaded it and
//! the marks of the open editor's text (kept up to date after every
//! action, a changed line at a time); picking a spelling or adding a word
//! to a list (`pick`) and the review's remarks (`remarks`).

use super::fields::{self, Field, Kind};
use super::model::Model;
use crate::i18n::Lang;
use crate::spell::Speller;
use crate::spell::check::{Checker, LineMarks, Mark};
use std::sync::Arc;

mod pick;
mod remarks;
pub use pick::{add_rows, on_overlay, suggest, suggestions, word_added};
pub use remarks::remarks;

/// What the shell found when it loaded the dictionary.
#[derive(Debug, Clone)]
pub struct SpellLoad {
    /// The dictionary, or why there is none.
    pub speller: Result<Arc<Speller>, crate::spell::Missing>,
    /// The words of the workspace's and the user's lists.
    pub listed: Vec<String>,
}

/// The spell check's state.
#[derive(Debug, Default)]
pub struct Spelling {
    pub checker: Option<Checker>,
    /// Why spell checking is off (None while loading, or when it is on).
    pub off: Option<String>,
    /// The plan whose words the checker takes.
    plan: Option<usize>,
    /// What the open text is (see `open_text`), whose `marks` these are.
    open: Option<String>,
    pub marks: LineMarks,
    /// The word being typed (its line and mark): not marked until the
    /// cursor leaves it, as in a word processor.
    pub typing: Option<(usize, Mark)>,
}

/// How many suggestions the list offers.
pub(super) const SUGGESTIONS: usize = 8;

/// The fields whose text is prose and is checked.
pub fn checked(field: &Field) -> bool {
    field.kind() == Kind::Text
}

impl Spelling {
    /// The marks shown on line `row` (the word being typed left out).
    pub fn shown(&self, row: usize) -> impl Iterator<Item = Mark> + '_ {
        self.marks
            .row(row)
            .iter()
            .copied()
            .filter(move |m| self.typing != Some((row, *m)))
    }

    /// The misspelled words shown, each once.
    pub fn words(&self) -> Vec<String> {
        self.marks.words(self.typing)
    }
}

/// The dictionary is loaded (or is not there): said once when it is not.
pub fn loaded(m: &mut Model, load: SpellLoad) {
    match load.speller {
        Ok(speller) => {
            let mut checker = Checker::new(speller);
            checker.add_listed(load.listed.iter().map(String::as_str));
            m.spelling.checker = Some(checker);
            m.spelling.off = None;
            m.spelling.plan = None;
        }
        Err(missing) => {
            let why = why_off(m.lang, &missing);
            m.message = Some(format!(
                "{}: {why}",
                m.lang
                    .t("Stavningskontrollen är av", "Spell checking is off")
            ));
            m.spelling.off = Some(why);
        }
    }
}

/// Why there is no dictionary, short enough for the status line.
fn why_off(l: Lang, missing: &crate::spell::Missing) -> String {
    match missing {
        crate::spell::Missing::NotFound { lang, .. } => {
            let package = if lang.starts_with("en") {
                "hunspell-en-us"
            } else {
                "hunspell-sv"
            };
            l.pick(
                format!(
                    "ingen ordlista {lang} (installera {package} eller sätt {})",
                    crate::spell::PATH_VARIABLE
                ),
                format!(
                    "no {lang} dictionary (install {package} or set {})",
                    crate::spell::PATH_VARIABLE
                ),
            )
        }
        crate::spell::Missing::Unreadable { .. } => {
            crate::sanitize::line(&missing.to_string()).into_owned()
        }
    }
}

/// The text being written that is checked, and what it is (a name that
/// changes when another text opens): the walk's editor on a prose field,
/// or the comment a reviewer is writing.
pub(super) fn open_text<'a>(
    screen: super::model::Screen,
    session: Option<&'a super::model::Session>,
    reviewing: Option<&'a super::review_mode::Reviewing>,
) -> Option<(String, &'a ratatui_textarea::TextArea<'static>)> {
    if screen == super::model::Screen::Reviewing {
        let (s, r) = (session?, reviewing?);
        let area = r.editor.as_ref()?;
        return Some((format!("comment {} {}", s.goal, r.focus), area));
    }
    let e = session?.editor.as_ref().filter(|e| checked(&e.field))?;
    Some((format!("{:?}", e.field), &e.area))
}

/// Brings the marks up to date with the open editor (after any action);
/// `typing`: the action was a key typed into the text, and the word at
/// the cursor is left unmarked until the cursor leaves it.
pub fn refresh(m: &mut Model, typing_action: bool) {
    let Spelling {
        checker,
        plan,
        open,
        marks,
        typing,
        ..
    } = &mut m.spelling;
    let Some(checker) = checker.as_mut() else {
        return;
    };
    if let Some(s) = &m.session
        && *plan != Some(s.plan)
        && let Some(p) = m.plans.get(s.plan)
    {
        // The plan's texts, not the file format's keys ("expected_results"
        // is no word of the plan).
        let mut text = String::new();
        if let Ok(value) = toml::from_str::<toml::Value>(&crate::plan::write::to_toml(&p.plan)) {
            strings_of(&value, &mut text);
        }
        text.push_str(&m.workspace_name);
        checker.set_plan_text(&text);
        *plan = Some(s.plan);
        marks.clear();
    }
    let Some((name, area)) = open_text(m.screen, m.session.as_ref(), m.reviewing.as_ref()) else {
        marks.clear();
        *typing = None;
        *open = None;
        return;
    };
    if open.as_ref() != Some(&name) {
        marks.clear();
        *typing = None;
        *open = Some(name);
    }
    let changed = marks.update(checker, area.lines());
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    let at_cursor = marks
        .row(row)
        .iter()
        .find(|mk| mk.start <= col && col <= mk.end)
        .map(|mk| (row, *mk));
    if changed {
        *typing = at_cursor.filter(|_| typing_action);
    } else if *typing != at_cursor {
        *typing = None;
    }
}

/// After `$EDITOR` returned text to a field not open in the editor: its
/// misspelled words are said in the status line.
pub fn after_external_editor(m: &mut Model) {
    let (Some(checker), Some(s), Some(plan)) = (&m.spelling.checker, &m.session, m.session_plan())
    else {
        return;
    };
    if s.editor.is_some() {
        return;
    }
    let goal = super::walk::page_goal_id(plan, s);
    let Some(field) = fields::page(plan, &s.record, s.goal).get(s.focus).cloned() else {
        return;
    };
    if !checked(&field) {
        return;
    }
    let text = fields::text_of(&s.record, &goal, &field);
    let words = unique(checker.misspelled(&text).iter().map(|w| w.text));
    if !words.is_empty() {
        m.message = Some(format!(
            "{} {}",
            m.lang.t("Stavning:", "Spelling:"),
            crate::sanitize::line(&words.join(", "))
        ));
    }
}

pub(super) fn unique<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Every string in `value`, one per line.
fn strings_of(value: &toml::Value, out: &mut String) {
    match value {
        toml::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        toml::Value::Array(a) => a.iter().for_each(|v| strings_of(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| strings_of(v, out)),
        _ => {}
    }
}
