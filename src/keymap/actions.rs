//! The one declaration of the commands a keymap can bind: each command's
//! name in keymap files, the description the help, the palette and
//! `keymap print` show, the contexts it does something in, and whether the
//! palette offers it. The parser (name → command), the palette, the help
//! and the on-screen hints all read this table; what a command does in the
//! program (`app::Action`) is decided in `app::commands`, which must cover
//! every command declared here (the compiler checks it). Keymap files can
//! name nothing else: no shell commands.

pub use super::context::Context;
use crate::i18n::Lang;

/// A declared command: its name in keymap files, what it does, where it
/// makes sense.
#[derive(Debug)]
pub struct ActionDef {
    pub command: Command,
    pub name: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub contexts: &'static [Context],
    /// Offered in the command palette (not `noop`, not the palette itself).
    pub palette: bool,
}

/// Declares the commands: the `Command` enum and the `ACTIONS` table, in
/// the same order, so that a command's entry is `ACTIONS[command as usize]`.
macro_rules! commands {
    ($(
        $variant:ident {
            name: $name:literal,
            contexts: [$($ctx:ident),* $(,)?],
            palette: $palette:literal,
            sv: $sv:literal,
            en: $en:literal $(,)?
        }
    )*) => {
        /// A command a key can be bound to (see `ACTIONS` for each one's
        /// name and description).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command {
            $($variant,)*
        }

        pub const ACTIONS: &[ActionDef] = &[
            $(ActionDef {
                command: Command::$variant,
                name: $name,
                sv: $sv,
                en: $en,
                contexts: &[$(Context::$ctx),*],
                palette: $palette,
            },)*
        ];
    };
}

commands! {
    Noop {
        name: "noop",
        contexts: [],
        palette: false,
        sv: "Ingenting (tar bort en tangent)",
        en: "Nothing (unbinds a key)",
    }
    Quit {
        name: "quit",
        contexts: [Global, Units, List, Resume, Goal, Review, CarryOver, Reviewer],
        palette: true,
        sv: "Avsluta (utkastet sparas)",
        en: "Quit (the draft is kept)",
    }
    Help {
        name: "help",
        contexts: [Global, Units, List, Goal, Review, CarryOver, Reviewer],
        palette: true,
        sv: "Visa tangenterna",
        en: "Show the keys",
    }
    Palette {
        name: "palette",
        contexts: [Global, Units, List, Goal, Review, Reviewer],
        palette: false,
        sv: "Kommandopalett: alla kommandon",
        en: "Command palette: every command",
    }
    Jump {
        name: "jump",
        contexts: [Goal, Review],
        palette: true,
        sv: "Hoppa till mål, indikator eller aktivitet",
        en: "Jump to a goal, indicator or activity",
    }
    Up {
        name: "up",
        contexts: [Units, List, Review, Palette, Help, Conflict, CarryOver],
        palette: true,
        sv: "Upp",
        en: "Up",
    }
    Down {
        name: "down",
        contexts: [Units, List, Review, Palette, Help, Conflict, CarryOver],
        palette: true,
        sv: "Ned",
        en: "Down",
    }
    PageUp {
        name: "page_up",
        contexts: [Units, List, Review, Palette, Help],
        palette: true,
        sv: "Sida upp",
        en: "Page up",
    }
    PageDown {
        name: "page_down",
        contexts: [Units, List, Review, Palette, Help],
        palette: true,
        sv: "Sida ned",
        en: "Page down",
    }
    Top {
        name: "top",
        contexts: [Units, List, Review, Goal, CarryOver, Reviewer],
        palette: true,
        sv: "Första",
        en: "First",
    }
    Bottom {
        name: "bottom",
        contexts: [Units, List, Review, Goal, CarryOver, Reviewer],
        palette: true,
        sv: "Sista",
        en: "Last",
    }
    Open {
        name: "open",
        contexts: [Units, List, Review, Palette],
        palette: true,
        sv: "Öppna / välj",
        en: "Open / choose",
    }
    Back {
        name: "back",
        contexts: [Units, List, Resume, Goal, Review, Palette, Help, Conflict, CarryOver, Reviewer],
        palette: true,
        sv: "Tillbaka / avbryt (från målen: till perioderna, utkastet sparas)",
        en: "Back / cancel (from the goals: to the periods, the draft is saved)",
    }
    DeleteBack {
        name: "delete_back",
        contexts: [Units, List, Palette],
        palette: true,
        sv: "Radera tecken i filtret",
        en: "Delete a character of the filter",
    }
    NextField {
        name: "next_field",
        contexts: [Goal, Editor, Reviewer],
        palette: true,
        sv: "Nästa fält",
        en: "Next field",
    }
    PrevField {
        name: "prev_field",
        contexts: [Goal, Editor, Reviewer],
        palette: true,
        sv: "Föregående fält",
        en: "Previous field",
    }
    NextGoal {
        name: "next_goal",
        contexts: [Goal, Reviewer],
        palette: true,
        sv: "Nästa enhetsmål",
        en: "Next unit goal",
    }
    PrevGoal {
        name: "prev_goal",
        contexts: [Goal, Reviewer],
        palette: true,
        sv: "Föregående enhetsmål",
        en: "Previous unit goal",
    }
    Edit {
        name: "edit",
        contexts: [Goal, Reviewer],
        palette: true,
        sv: "Skriv i fältet (eller skriv bara, så börjar fältet med det)",
        en: "Write in the field (or just type: the field starts with it)",
    }
    ChoiceNext {
        name: "choice_next",
        contexts: [Goal],
        palette: true,
        sv: "Nästa alternativ",
        en: "Next choice",
    }
    ChoicePrev {
        name: "choice_prev",
        contexts: [Goal],
        palette: true,
        sv: "Föregående alternativ",
        en: "Previous choice",
    }
    RateFull {
        name: "rate_full",
        contexts: [Goal],
        palette: true,
        sv: "Bedöm: uppfylls helt",
        en: "Rate: fully met",
    }
    RatePartial {
        name: "rate_partial",
        contexts: [Goal],
        palette: true,
        sv: "Bedöm: uppfylls delvis",
        en: "Rate: partly met",
    }
    RateNot {
        name: "rate_not",
        contexts: [Goal],
        palette: true,
        sv: "Bedöm: uppfylls inte",
        en: "Rate: not met",
    }
    RateUnassessed {
        name: "rate_unassessed",
        contexts: [Goal],
        palette: true,
        sv: "Bedöm: ej bedömd",
        en: "Rate: not assessed",
    }
    AddDeviation {
        name: "add_deviation",
        contexts: [Goal],
        palette: true,
        sv: "Lägg till avvikelse",
        en: "Add a deviation",
    }
    DeleteDeviation {
        name: "delete_deviation",
        contexts: [Goal],
        palette: true,
        sv: "Ta bort avvikelsen (frågar först)",
        en: "Delete the deviation (asks first)",
    }
    ExternalEditor {
        name: "external_editor",
        contexts: [Goal, Editor],
        palette: true,
        sv: "Skriv fältet i $EDITOR",
        en: "Write the field in $EDITOR",
    }
    ScrollPlanDown {
        name: "scroll_plan_down",
        contexts: [Goal, Reviewer],
        palette: true,
        sv: "Rulla planen nedåt",
        en: "Scroll the plan down",
    }
    ScrollPlanUp {
        name: "scroll_plan_up",
        contexts: [Goal, Reviewer],
        palette: true,
        sv: "Rulla planen uppåt",
        en: "Scroll the plan up",
    }
    Review {
        name: "review",
        contexts: [Goal],
        palette: true,
        sv: "Granska och lämna in",
        en: "Review and commit",
    }
    SpellSuggest {
        name: "spell_suggest",
        contexts: [Editor],
        palette: true,
        sv: "Stavningsförslag för ordet vid markören (eller lägg till det i en ordlista)",
        en: "Spellings for the word at the cursor (or add it to a word list)",
    }
    FinishEdit {
        name: "finish_edit",
        contexts: [Editor],
        palette: true,
        sv: "Klar med fältet",
        en: "Done with the field",
    }
    CancelEdit {
        name: "cancel_edit",
        contexts: [Editor],
        palette: true,
        sv: "Avbryt skrivandet: fältet behåller sitt senaste giltiga värde",
        en: "Stop writing: the field keeps its last valid value",
    }
    Undo {
        name: "undo",
        contexts: [Goal, Editor],
        palette: true,
        sv: "Ångra (i texten, annars senaste ändringen i formuläret)",
        en: "Undo (in the text, else the form's last change)",
    }
    Redo {
        name: "redo",
        contexts: [Goal, Editor],
        palette: true,
        sv: "Gör om det som ångrades",
        en: "Redo what was undone",
    }
    Waive {
        name: "waive",
        contexts: [Review],
        palette: true,
        sv: "Motivera anmärkningen (eller ta bort motiveringen)",
        en: "Waive the remark (or undo the waiver)",
    }
    Sync {
        name: "sync",
        contexts: [Global, Units, List, Goal, Review, Reviewer],
        palette: true,
        sv: "Synka med servern (hämta, lägg egna överst, skicka)",
        en: "Sync with the server (fetch, put own on top, push)",
    }
    KeepLocal {
        name: "keep_local",
        contexts: [Conflict],
        palette: true,
        sv: "Behåll den lokala texten överst",
        en: "Keep the local text on top",
    }
    KeepRemote {
        name: "keep_remote",
        contexts: [Conflict],
        palette: true,
        sv: "Behåll serverns text",
        en: "Keep the server's text",
    }
    Timeline {
        name: "timeline",
        contexts: [Goal],
        palette: true,
        sv: "Målets historik: vem sa vad, när",
        en: "The goal's history: who said what, when",
    }
    CopyPrevious {
        name: "copy_previous",
        contexts: [Goal],
        palette: true,
        sv: "Kopiera förra periodens analys till tomma fält",
        en: "Copy the previous period's analysis into empty fields",
    }
    Reopen {
        name: "reopen",
        contexts: [Review],
        palette: true,
        sv: "Återöppna en klar uppföljning (med motivering)",
        en: "Reopen a follow-up that is done (with a reason)",
    }
    CommitDraft {
        name: "commit_draft",
        contexts: [Review],
        palette: true,
        sv: "Lämna in som utkast",
        en: "Commit as draft",
    }
    CommitDone {
        name: "commit_done",
        contexts: [Review],
        palette: true,
        sv: "Lämna in som klar",
        en: "Commit as done",
    }
    ResumeDraft {
        name: "resume_draft",
        contexts: [Resume],
        palette: true,
        sv: "Återuppta utkastet",
        en: "Resume the draft",
    }
    DiscardDraft {
        name: "discard_draft",
        contexts: [Resume],
        palette: true,
        sv: "Kasta utkastet (sparas undan)",
        en: "Discard the draft (set aside)",
    }
    Overview {
        name: "overview",
        contexts: [Units, List],
        palette: true,
        sv: "Översikten över alla enheter / tillbaka till enhetslistan",
        en: "The overview of all units / back to the unit list",
    }
    NextPeriod {
        name: "next_period",
        contexts: [List],
        palette: true,
        sv: "Översikten: nästa period",
        en: "Overview: the next period",
    }
    PrevPeriod {
        name: "prev_period",
        contexts: [List],
        palette: true,
        sv: "Översikten: föregående period",
        en: "Overview: the previous period",
    }
    Yes {
        name: "yes",
        contexts: [Confirm],
        palette: true,
        sv: "Ja",
        en: "Yes",
    }
    No {
        name: "no",
        contexts: [Confirm],
        palette: true,
        sv: "Nej",
        en: "No",
    }
    NextButton {
        name: "next_button",
        contexts: [Confirm],
        palette: true,
        sv: "Nästa knapp",
        en: "Next button",
    }
    PrevButton {
        name: "prev_button",
        contexts: [Confirm],
        palette: true,
        sv: "Föregående knapp",
        en: "Previous button",
    }
    PressButton {
        name: "press_button",
        contexts: [Confirm],
        palette: true,
        sv: "Tryck på den valda knappen",
        en: "Press the chosen button",
    }
    ReturnFollowUp {
        name: "return_followup",
        contexts: [Reviewer],
        palette: true,
        sv: "Återsänd uppföljningen till enhetschefen med kommentarerna (frågar först)",
        en: "Return the follow-up to the unit chief with the comments (asks first)",
    }
    ApproveFollowUp {
        name: "approve_followup",
        contexts: [Reviewer],
        palette: true,
        sv: "Godkänn uppföljningen (frågar först)",
        en: "Approve the follow-up (asks first)",
    }
    ReviewUnit {
        name: "review_unit",
        contexts: [List],
        palette: true,
        sv: "Översikten: granska enheten (kommentera, återsänd eller godkänn)",
        en: "Overview: review the unit (comment, return or approve)",
    }
    WaitingForMe {
        name: "waiting_for_me",
        contexts: [List],
        palette: true,
        sv: "Översikten: bara det som väntar på mig / alla enheter",
        en: "Overview: only what waits for me / every unit",
    }
    ShowReport {
        name: "show_report",
        contexts: [Goal, Review, Reviewer],
        palette: true,
        sv: "Visa rapporten som den ser ut nu",
        en: "Show the report as it is now",
    }
    CarryOver {
        name: "carry_over",
        contexts: [Goal, Review],
        palette: true,
        sv: "Förra periodens öppna avvikelser: för över, stäng eller släpp",
        en: "The previous period's open deviations: carry over, close or drop",
    }
    CarryConfirm {
        name: "carry_confirm",
        contexts: [CarryOver],
        palette: true,
        sv: "För över avvikelsen till den här perioden",
        en: "Carry the deviation over into this period",
    }
    CarryClose {
        name: "carry_close",
        contexts: [CarryOver],
        palette: true,
        sv: "Stäng avvikelsen med en anteckning",
        en: "Close the deviation with a note",
    }
    CarryDrop {
        name: "carry_drop",
        contexts: [CarryOver],
        palette: true,
        sv: "Släpp avvikelsen (förs inte över, erbjuds inte igen)",
        en: "Drop the deviation (not carried, not offered again)",
    }
    TogglePrevious {
        name: "toggle_previous",
        contexts: [Goal, Editor],
        palette: true,
        sv: "Visa/dölj förra periodens text vid fälten",
        en: "Show/hide the previous period's text by the fields",
    }
}

impl Command {
    /// Every declared command, in declaration order.
    pub fn all() -> impl Iterator<Item = Command> {
        ACTIONS.iter().map(|a| a.command)
    }

    pub fn def(self) -> &'static ActionDef {
        &ACTIONS[self as usize]
    }

    /// The command's name in keymap files.
    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// The command a keymap file's name stands for.
    pub fn from_name(name: &str) -> Option<Command> {
        find(name).map(|a| a.command)
    }
}

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
