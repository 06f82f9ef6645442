//! The state of the correction screen: the plan being corrected (and its
//! undo history), the rows shown, the cursor, the open editor or dialog,
//! and where the plan is written.

use super::item::{Doc, Item, Target};
use super::rows::{self, Row};
use crate::i18n::Lang;
use crate::plan::Plan;
use ratatui_textarea::TextArea;
use std::path::PathBuf;

/// At most this many corrections can be undone.
pub const UNDO_DEPTH: usize = 500;

pub struct Editor {
    pub item: Item,
    pub area: TextArea<'static>,
    /// Why the typed value was not taken (the editor stays open).
    pub invalid: Option<String>,
}

/// The answers to "quit with unsaved changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Stay,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Save, Answer::Discard, Answer::Stay];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Save => lang.t("Spara och avsluta", "Save and quit"),
            Answer::Discard => lang.t("Avsluta utan att spara", "Quit without saving"),
            Answer::Stay => lang.t("Fortsätt rätta", "Keep correcting"),
        }
    }
}

pub enum Dialog {
    /// Quitting with unsaved changes: an explicit answer is needed.
    Quit { choice: usize },
    /// Where to move the text of `source`.
    Move {
        source: Item,
        targets: Vec<Target>,
        cursor: usize,
    },
    /// The plan did not pass the checker; nothing was written.
    Problems(Vec<String>),
    /// Where to write the plan (no file named yet).
    SavePath(Box<TextArea<'static>>),
}

pub struct Model {
    pub lang: Lang,
    pub doc: Doc,
    /// The importer's notes (line or 0, text); fixed.
    pub notes: Vec<(usize, String)>,
    /// The imported text's lines, shown beside the plan.
    pub source: Option<Vec<String>>,
    /// Where the plan is written; asked for when None.
    pub path: Option<PathBuf>,
    /// The path offered when asking.
    pub suggested_path: Option<PathBuf>,
    /// The plan as last written (None: never written).
    pub saved: Option<Plan>,
    pub rows: Vec<Row>,
    pub cursor: usize,
    /// First row shown.
    pub scroll: usize,
    pub width: u16,
    pub height: u16,
    pub editor: Option<Editor>,
    pub dialog: Option<Dialog>,
    pub undo: Vec<Doc>,
    pub message: Option<String>,
    /// Quit once the write asked for has succeeded.
    pub quit_after_save: bool,
    pub quit: bool,
}

impl Model {
    /// The screen on a plan read from `path`.
    pub fn for_file(lang: Lang, plan: Plan, path: PathBuf) -> Model {
        let mut m = Model::new(lang, plan, Vec::new(), Vec::new(), None);
        m.saved = Some(m.doc.plan.clone());
        m.path = Some(path);
        m
    }

    /// The screen on an imported plan: nothing written yet.
    pub fn new(
        lang: Lang,
        plan: Plan,
        unplaced: Vec<(usize, String)>,
        notes: Vec<(usize, String)>,
        source: Option<Vec<String>>,
    ) -> Model {
        let mut m = Model {
            lang,
            doc: Doc { plan, unplaced },
            notes,
            source,
            path: None,
            suggested_path: None,
            saved: None,
            rows: Vec::new(),
            cursor: 0,
            scroll: 0,
            width: 80,
            height: 24,
            editor: None,
            dialog: None,
            undo: Vec::new(),
            message: None,
            quit_after_save: false,
            quit: false,
        };
        m.refresh();
        // The first row that holds a text (the unit's name).
        m.cursor = m.rows.iter().position(|r| r.item.is_some()).unwrap_or(0);
        m
    }

    /// Rebuilds the rows after the plan changed; the cursor stays in range.
    pub fn refresh(&mut self) {
        self.rows = rows::build(&self.doc, &self.notes, self.source.as_deref(), self.lang);
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// Changes since the plan was last written (an imported plan that was
    /// never written has changes).
    pub fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.doc.plan)
    }

    pub fn current(&self) -> Option<Item> {
        self.rows.get(self.cursor).and_then(|r| r.item)
    }

    /// Puts the cursor on the row of `item` (its first, when listed twice).
    pub fn focus(&mut self, item: Item) {
        if let Some(i) = self.rows.iter().position(|r| r.item == Some(item)) {
            self.cursor = i;
        }
    }

    /// The text of an item as it is now.
    pub fn text(&self, item: Item) -> Option<String> {
        super::item::text(&self.doc, &self.notes, item)
    }

    /// Rows of the list on screen (the rest is header, editor and keys).
    pub fn list_height(&self) -> usize {
        let editor = if self.editor.is_some() { 6 } else { 0 };
        let source = if self.source.is_some() && self.width < 100 {
            7
        } else {
            0
        };
        (self.height as usize)
            .saturating_sub(4 + editor + source)
            .max(1)
    }
}
