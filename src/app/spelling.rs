//! Spelling in the core: the dictionary once the shell has loaded it,
//! the marks of the open editor's text (kept up to date after every
//! action, a changed line at a time), the suggestions for a word and
//! picking one, adding a word to a word list, and the review's remarks.

use super::action::{Action, Effect};
use super::fields::{self, Field, Kind};
use super::model::Model;
use super::overlay::Overlay;
use crate::followup::lint::{self, Level, Lint, LintKind, Spot};
use crate::i18n::Lang;
use crate::spell::check::{Checker, LineMarks, Mark};
use crate::spell::{Speller, tokens};
use std::sync::Arc;

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
    /// The open editor's field, whose text `marks` are of.
    field: Option<Field>,
    pub marks: LineMarks,
    /// The word being typed (its line and mark): not marked until the
    /// cursor leaves it, as in a word processor.
    pub typing: Option<(usize, Mark)>,
}

/// How many suggestions the list offers.
const SUGGESTIONS: usize = 8;

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

/// Brings the marks up to date with the open editor (after any action);
/// `typing`: the action was a key typed into the text, and the word at
/// the cursor is left unmarked until the cursor leaves it.
pub fn refresh(m: &mut Model, typing_action: bool) {
    let Spelling {
        checker,
        plan,
        field,
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
        let mut text = crate::plan::write::to_toml(&p.plan);
        text.push('\n');
        text.push_str(&m.workspace_name);
        checker.set_plan_text(&text);
        *plan = Some(s.plan);
        marks.clear();
    }
    let editor = m
        .session
        .as_ref()
        .and_then(|s| s.editor.as_ref())
        .filter(|e| checked(&e.field));
    let Some(e) = editor else {
        marks.clear();
        *typing = None;
        *field = None;
        return;
    };
    if field.as_ref() != Some(&e.field) {
        marks.clear();
        *typing = None;
        *field = Some(e.field.clone());
    }
    let changed = marks.update(checker, e.area.lines());
    let ratatui_textarea::DataCursor(row, col) = e.area.cursor();
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

fn unique<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Byte offset of character `col` in `line`.
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
}

/// The word to suggest for: the misspelled word the cursor is in or just
/// after, else the nearest misspelled word before the cursor, else the
/// word at the cursor. (line, start, end) in characters, and the word.
fn target(m: &Model) -> Option<(usize, usize, usize, String)> {
    let e = m.session.as_ref()?.editor.as_ref()?;
    let lines = e.area.lines();
    let ratatui_textarea::DataCursor(row, col) = e.area.cursor();
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
            let selected = super::update::step(selected, len, &other);
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

/// Replaces characters `start..end` of line `row` with `new` and stores
/// the text in the field.
fn replace(m: &mut Model, row: usize, start: usize, end: usize, new: &str) {
    let Model { plans, session, .. } = m;
    let Some(s) = session.as_mut() else { return };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return;
    };
    let goal = super::walk::page_goal_id(plan, s);
    let Some(e) = &mut s.editor else { return };
    let (Ok(r), Ok(c)) = (u16::try_from(row), u16::try_from(start)) else {
        return;
    };
    e.area.cancel_selection();
    e.area.move_cursor(ratatui_textarea::CursorMove::Jump(r, c));
    e.area.delete_str(end - start);
    e.area.insert_str(new);
    let text = e.area.lines().join("\n");
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
    refresh(m, false);
}

/// The name of a checked field in a remark.
fn field_name(l: Lang, field: &Field) -> String {
    match field {
        Field::Summary => l.t("Sammanfattning", "Summary").into(),
        Field::Point(i) => format!("{} {}", l.t("Punkt", "Point"), i + 1),
        Field::Deviation(i, p) => {
            format!(
                "{} {} {}",
                l.t("Avvikelse", "Deviation"),
                i + 1,
                p.label(l).to_lowercase()
            )
        }
        Field::ActivityAnalysis(id) => format!("{id} {}", l.t("analys", "analysis")),
        Field::UnitSummary => l.t("Sammanfattande analys", "Summary analysis").into(),
        Field::EconomyAnalysis => l.t("Ekonomi", "Economy").into(),
        Field::ComplaintAssessment(i) => format!("{} {}", l.t("Klagomål", "Complaints"), i + 1),
        _ => l.t("Kvalitet", "Quality").into(),
    }
}

/// The review's spelling remarks: one per field with misspelled words.
pub fn remarks(m: &Model) -> Vec<Lint> {
    let (Some(checker), Some(s), Some(plan)) = (&m.spelling.checker, &m.session, m.session_plan())
    else {
        return Vec::new();
    };
    let level = m.rules.level(LintKind::Spelling);
    if level == Level::Off {
        return Vec::new();
    }
    let mut out = Vec::new();
    for page in 0..=plan.unit_goals.len() {
        let goal = plan
            .unit_goals
            .get(page)
            .map(|g| g.id.clone())
            .unwrap_or_default();
        for field in fields::page(plan, &s.record, page) {
            if !checked(&field) {
                continue;
            }
            let text = fields::text_of(&s.record, &goal, &field);
            let words = unique(checker.misspelled(&text).iter().map(|w| w.text));
            if words.is_empty() {
                continue;
            }
            let (target, spot) = match (&field, goal.is_empty()) {
                (_, true) => (lint::UNIT_TARGET.to_string(), Spot::UnitSummary),
                (Field::Deviation(i, _), false) => {
                    (format!("{goal}/{}", i + 1), Spot::Deviation(*i))
                }
                (Field::ActivityAnalysis(id), false) => (id.clone(), Spot::Activity(id.clone())),
                _ => (goal.clone(), Spot::Analysis),
            };
            let waived = s
                .record
                .waivers
                .iter()
                .find(|w| w.lint == LintKind::Spelling.code() && w.target == target)
                .map(|w| w.reason.clone());
            out.push(Lint {
                kind: LintKind::Spelling,
                goal: goal.clone(),
                spot,
                target,
                waived,
                level,
                detail: Some(format!(
                    "{} {}: {}",
                    m.lang.t("i", "in"),
                    field_name(m.lang, &field).to_lowercase(),
                    words.join(", ")
                )),
            });
        }
    }
    out
}
