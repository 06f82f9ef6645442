//! The built-in actions a keymap can bind, by name, with the description
//! the help screen shows, and the contexts (screens and modes) keys are
//! bound in. Keymap files can name nothing else: no shell commands.

use crate::app::Action;
use crate::followup::Rating;
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
    /// A yes/no question.
    Confirm,
    /// The command palette and the jump list (unbound keys are typed).
    Palette,
    Help,
    /// Choosing between two texts after a sync conflict.
    Conflict,
}

impl Context {
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::Units,
        Context::List,
        Context::Resume,
        Context::Goal,
        Context::Editor,
        Context::Review,
        Context::Confirm,
        Context::Palette,
        Context::Help,
        Context::Conflict,
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
            Context::Confirm => "confirm",
            Context::Palette => "palette",
            Context::Help => "help",
            Context::Conflict => "conflict",
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
            Context::Confirm => l.t("Fråga", "Question"),
            Context::Palette => l.t("Kommandon och hopp", "Commands and jump"),
            Context::Help => l.t("Hjälp", "Help"),
            Context::Conflict => l.t("Konflikt efter synk", "Conflict after sync"),
        }
    }
}

/// A built-in action: its name in keymap files, what it does, where it
/// makes sense.
pub struct ActionDef {
    pub name: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub contexts: &'static [Context],
}

use Context::*;

pub const ACTIONS: &[ActionDef] = &[
    ActionDef {
        name: "noop",
        sv: "Ingenting (tar bort en tangent)",
        en: "Nothing (unbinds a key)",
        contexts: &[],
    },
    ActionDef {
        name: "quit",
        sv: "Avsluta (utkastet sparas)",
        en: "Quit (the draft is kept)",
        contexts: &[Global, Units, List, Resume, Goal, Review],
    },
    ActionDef {
        name: "help",
        sv: "Visa tangenterna",
        en: "Show the keys",
        contexts: &[Global, Units, List, Goal, Review],
    },
    ActionDef {
        name: "palette",
        sv: "Kommandopalett: alla kommandon",
        en: "Command palette: every command",
        contexts: &[Global, Units, List, Goal, Review],
    },
    ActionDef {
        name: "jump",
        sv: "Hoppa till mål, indikator eller aktivitet",
        en: "Jump to a goal, indicator or activity",
        contexts: &[Goal, Review],
    },
    ActionDef {
        name: "up",
        sv: "Upp",
        en: "Up",
        contexts: &[Units, List, Review, Palette, Help, Conflict],
    },
    ActionDef {
        name: "down",
        sv: "Ned",
        en: "Down",
        contexts: &[Units, List, Review, Palette, Help, Conflict],
    },
    ActionDef {
        name: "page_up",
        sv: "Sida upp",
        en: "Page up",
        contexts: &[Units, List, Review, Palette, Help],
    },
    ActionDef {
        name: "page_down",
        sv: "Sida ned",
        en: "Page down",
        contexts: &[Units, List, Review, Palette, Help],
    },
    ActionDef {
        name: "top",
        sv: "Första",
        en: "First",
        contexts: &[Units, List, Review, Goal],
    },
    ActionDef {
        name: "bottom",
        sv: "Sista",
        en: "Last",
        contexts: &[Units, List, Review, Goal],
    },
    ActionDef {
        name: "open",
        sv: "Öppna / välj",
        en: "Open / choose",
        contexts: &[Units, List, Review, Palette],
    },
    ActionDef {
        name: "back",
        sv: "Tillbaka / avbryt (från målen: till perioderna, utkastet sparas)",
        en: "Back / cancel (from the goals: to the periods, the draft is saved)",
        contexts: &[Units, List, Resume, Goal, Review, Palette, Help, Conflict],
    },
    ActionDef {
        name: "delete_back",
        sv: "Radera tecken i filtret",
        en: "Delete a character of the filter",
        contexts: &[Units, List, Palette],
    },
    ActionDef {
        name: "next_field",
        sv: "Nästa fält",
        en: "Next field",
        contexts: &[Goal, Editor],
    },
    ActionDef {
        name: "prev_field",
        sv: "Föregående fält",
        en: "Previous field",
        contexts: &[Goal, Editor],
    },
    ActionDef {
        name: "next_goal",
        sv: "Nästa enhetsmål",
        en: "Next unit goal",
        contexts: &[Goal],
    },
    ActionDef {
        name: "prev_goal",
        sv: "Föregående enhetsmål",
        en: "Previous unit goal",
        contexts: &[Goal],
    },
    ActionDef {
        name: "edit",
        sv: "Skriv i fältet (eller skriv bara, så börjar fältet med det)",
        en: "Write in the field (or just type: the field starts with it)",
        contexts: &[Goal],
    },
    ActionDef {
        name: "choice_next",
        sv: "Nästa alternativ",
        en: "Next choice",
        contexts: &[Goal],
    },
    ActionDef {
        name: "choice_prev",
        sv: "Föregående alternativ",
        en: "Previous choice",
        contexts: &[Goal],
    },
    ActionDef {
        name: "rate_full",
        sv: "Bedöm: uppfylls helt",
        en: "Rate: fully met",
        contexts: &[Goal],
    },
    ActionDef {
        name: "rate_partial",
        sv: "Bedöm: uppfylls delvis",
        en: "Rate: partly met",
        contexts: &[Goal],
    },
    ActionDef {
        name: "rate_not",
        sv: "Bedöm: uppfylls inte",
        en: "Rate: not met",
        contexts: &[Goal],
    },
    ActionDef {
        name: "rate_unassessed",
        sv: "Bedöm: ej bedömd",
        en: "Rate: not assessed",
        contexts: &[Goal],
    },
    ActionDef {
        name: "add_deviation",
        sv: "Lägg till avvikelse",
        en: "Add a deviation",
        contexts: &[Goal],
    },
    ActionDef {
        name: "delete_deviation",
        sv: "Ta bort avvikelsen (frågar först)",
        en: "Delete the deviation (asks first)",
        contexts: &[Goal],
    },
    ActionDef {
        name: "external_editor",
        sv: "Skriv fältet i $EDITOR",
        en: "Write the field in $EDITOR",
        contexts: &[Goal, Editor],
    },
    ActionDef {
        name: "scroll_plan_down",
        sv: "Rulla planen nedåt",
        en: "Scroll the plan down",
        contexts: &[Goal],
    },
    ActionDef {
        name: "scroll_plan_up",
        sv: "Rulla planen uppåt",
        en: "Scroll the plan up",
        contexts: &[Goal],
    },
    ActionDef {
        name: "review",
        sv: "Granska och lämna in",
        en: "Review and commit",
        contexts: &[Goal],
    },
    ActionDef {
        name: "finish_edit",
        sv: "Klar med fältet",
        en: "Done with the field",
        contexts: &[Editor],
    },
    ActionDef {
        name: "cancel_edit",
        sv: "Avbryt skrivandet: fältet behåller sitt senaste giltiga värde",
        en: "Stop writing: the field keeps its last valid value",
        contexts: &[Editor],
    },
    ActionDef {
        name: "undo",
        sv: "Ångra (i texten, annars senaste ändringen i formuläret)",
        en: "Undo (in the text, else the form's last change)",
        contexts: &[Goal, Editor],
    },
    ActionDef {
        name: "redo",
        sv: "Gör om det som ångrades",
        en: "Redo what was undone",
        contexts: &[Goal, Editor],
    },
    ActionDef {
        name: "waive",
        sv: "Motivera anmärkningen (eller ta bort motiveringen)",
        en: "Waive the remark (or undo the waiver)",
        contexts: &[Review],
    },
    ActionDef {
        name: "sync",
        sv: "Synka med servern (hämta, lägg egna överst, skicka)",
        en: "Sync with the server (fetch, put own on top, push)",
        contexts: &[Global, Units, List, Goal, Review],
    },
    ActionDef {
        name: "keep_local",
        sv: "Behåll den lokala texten överst",
        en: "Keep the local text on top",
        contexts: &[Conflict],
    },
    ActionDef {
        name: "keep_remote",
        sv: "Behåll serverns text",
        en: "Keep the server's text",
        contexts: &[Conflict],
    },
    ActionDef {
        name: "timeline",
        sv: "Målets historik: vem sa vad, när",
        en: "The goal's history: who said what, when",
        contexts: &[Goal],
    },
    ActionDef {
        name: "copy_previous",
        sv: "Kopiera förra periodens analys till tomma fält",
        en: "Copy the previous period's analysis into empty fields",
        contexts: &[Goal],
    },
    ActionDef {
        name: "reopen",
        sv: "Återöppna en klar uppföljning (med motivering)",
        en: "Reopen a follow-up that is done (with a reason)",
        contexts: &[Review],
    },
    ActionDef {
        name: "commit_draft",
        sv: "Lämna in som utkast",
        en: "Commit as draft",
        contexts: &[Review],
    },
    ActionDef {
        name: "commit_done",
        sv: "Lämna in som klar",
        en: "Commit as done",
        contexts: &[Review],
    },
    ActionDef {
        name: "resume_draft",
        sv: "Återuppta utkastet",
        en: "Resume the draft",
        contexts: &[Resume],
    },
    ActionDef {
        name: "discard_draft",
        sv: "Kasta utkastet (sparas undan)",
        en: "Discard the draft (set aside)",
        contexts: &[Resume],
    },
    ActionDef {
        name: "overview",
        sv: "Översikten över alla enheter / tillbaka till enhetslistan",
        en: "The overview of all units / back to the unit list",
        contexts: &[Units, List],
    },
    ActionDef {
        name: "next_period",
        sv: "Översikten: nästa period",
        en: "Overview: the next period",
        contexts: &[List],
    },
    ActionDef {
        name: "prev_period",
        sv: "Översikten: föregående period",
        en: "Overview: the previous period",
        contexts: &[List],
    },
    ActionDef {
        name: "yes",
        sv: "Ja",
        en: "Yes",
        contexts: &[Confirm],
    },
    ActionDef {
        name: "no",
        sv: "Nej",
        en: "No",
        contexts: &[Confirm],
    },
    ActionDef {
        name: "next_button",
        sv: "Nästa knapp",
        en: "Next button",
        contexts: &[Confirm],
    },
    ActionDef {
        name: "prev_button",
        sv: "Föregående knapp",
        en: "Previous button",
        contexts: &[Confirm],
    },
    ActionDef {
        name: "press_button",
        sv: "Tryck på den valda knappen",
        en: "Press the chosen button",
        contexts: &[Confirm],
    },
    ActionDef {
        name: "show_report",
        sv: "Visa rapporten som den ser ut nu",
        en: "Show the report as it is now",
        contexts: &[Goal, Review],
    },
];

pub fn find(name: &str) -> Option<&'static ActionDef> {
    ACTIONS.iter().find(|a| a.name == name)
}

impl ActionDef {
    pub fn describe(&self, l: Lang) -> &'static str {
        match l {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

/// What a bound action does in the core. `help`, `palette` and `jump`
/// open overlays, handled by `update` like any action.
pub fn to_action(name: &str) -> Option<Action> {
    Some(match name {
        "quit" => Action::Quit,
        "help" => Action::Help,
        "palette" => Action::Palette,
        "jump" => Action::Jump,
        "up" => Action::Up,
        "down" => Action::Down,
        "page_up" => Action::PageUp,
        "page_down" => Action::PageDown,
        "top" => Action::Top,
        "bottom" => Action::Bottom,
        "open" | "edit" => Action::Open,
        "back" | "finish_edit" => Action::Back,
        "delete_back" => Action::DeleteBack,
        "next_field" => Action::NextField,
        "prev_field" => Action::PrevField,
        "next_goal" => Action::NextGoal,
        "prev_goal" => Action::PrevGoal,
        "choice_next" => Action::Right,
        "choice_prev" => Action::Left,
        "rate_full" => Action::Rate(Rating::Full),
        "rate_partial" => Action::Rate(Rating::Partial),
        "rate_not" => Action::Rate(Rating::Not),
        "rate_unassessed" => Action::Rate(Rating::NotAssessed),
        "add_deviation" => Action::AddDeviation,
        "delete_deviation" => Action::DeleteDeviation,
        "external_editor" => Action::ExternalEditor,
        "scroll_plan_down" => Action::ScrollContextDown,
        "scroll_plan_up" => Action::ScrollContextUp,
        "review" => Action::Review,
        "waive" => Action::Waive,
        "commit_draft" => Action::CommitDraft,
        "reopen" => Action::Reopen,
        "copy_previous" => Action::CopyPrevious,
        "timeline" => Action::Timeline,
        "sync" => Action::Sync,
        "cancel_edit" => Action::CancelEdit,
        "undo" => Action::Undo,
        "redo" => Action::Redo,
        "keep_local" => Action::KeepSide(true),
        "keep_remote" => Action::KeepSide(false),
        "commit_done" => Action::CommitDone,
        "resume_draft" => Action::ResumeDraft,
        "discard_draft" => Action::DiscardDraft,
        "overview" => Action::Overview,
        "next_period" => Action::StepPeriod(1),
        "prev_period" => Action::StepPeriod(-1),
        "yes" => Action::Confirm(true),
        "no" => Action::Confirm(false),
        "next_button" => Action::NextButton,
        "prev_button" => Action::PrevButton,
        "press_button" => Action::PressButton,
        "show_report" => Action::ShowReport,
        _ => return None,
    })
}
