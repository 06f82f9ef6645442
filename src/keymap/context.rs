//! The contexts of a keymap file: the screens and modes a key is bound
//! in, each a `[table]` of the file, with the title the help shows.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Everywhere, after the screen's own table.
    Global,
    /// The unit chooser: a list with a filter (letters are typed).
    Units,
    /// Other lists: periods, problems, done.
    List,
    /// The resume-draft question.
    Resume,
    /// The walk, not writing.
    Goal,
    /// Writing in a text field (unbound keys are typed).
    Editor,
    Review,
    /// An area chief's review of a unit's committed follow-up: the walk,
    /// read-only, with a comment beside every part (unbound keys start
    /// writing the comment).
    Reviewer,
    /// A yes/no question.
    Confirm,
    /// The command palette and the jump list (unbound keys are typed).
    Palette,
    Help,
    /// Choosing between two texts after a sync conflict.
    Conflict,
    /// The previous period's open deviations, each carried over, closed
    /// or dropped.
    CarryOver,
}

impl Context {
    pub const ALL: [Context; 13] = [
        Context::Global,
        Context::Units,
        Context::List,
        Context::Resume,
        Context::Goal,
        Context::Editor,
        Context::Review,
        Context::Reviewer,
        Context::Confirm,
        Context::Palette,
        Context::Help,
        Context::Conflict,
        Context::CarryOver,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Units => "units",
            Context::List => "list",
            Context::Resume => "resume",
            Context::Goal => "goal",
            Context::Editor => "editor",
            Context::Review => "review",
            Context::Reviewer => "reviewer",
            Context::Confirm => "confirm",
            Context::Palette => "palette",
            Context::Help => "help",
            Context::Conflict => "conflict",
            Context::CarryOver => "carry_over",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn title(self, l: Lang) -> &'static str {
        match self {
            Context::Global => l.t("Överallt", "Everywhere"),
            Context::Units => l.t("Välja enhet", "Choosing a unit"),
            Context::List => l.t("Listor", "Lists"),
            Context::Resume => l.t("Sparat utkast", "Saved draft"),
            Context::Goal => l.t("Målen", "The goals"),
            Context::Editor => l.t("Skriva i ett fält", "Writing in a field"),
            Context::Review => l.t("Granska", "Review"),
            Context::Reviewer => l.t(
                "Granska en enhet (områdeschef)",
                "Reviewing a unit (area chief)",
            ),
            Context::Confirm => l.t("Fråga", "Question"),
            Context::Palette => l.t("Kommandon och hopp", "Commands and jump"),
            Context::Help => l.t("Hjälp", "Help"),
            Context::Conflict => l.t("Konflikt efter synk", "Conflict after sync"),
            Context::CarryOver => l.t("Föra över avvikelser", "Carrying over deviations"),
        }
    }
}
