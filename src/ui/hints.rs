//! The keys each screen hints at: the status line's few commands per
//! context (with the word shown beside each key), and the keyed phrases
//! written into titles and notices. Every key comes from the active keymap
//! through the declared `Command`; a command the keymap does not bind is
//! left out of the hint, so no hint names a key that does nothing.

use crate::app::{Model, Screen};
use crate::keymap::{Command, Context};

/// A command the status line shows, with its word in Swedish and English.
pub type Hint = (Command, &'static str, &'static str);

/// When a set of hints applies, beyond its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// On this screen.
    On(Screen),
    /// The follow-up under review is klar (it must be reopened first).
    Locked,
}

/// The status line's hints, per context; the first set whose context and
/// condition hold is shown.
pub const STATUS: &[(Context, When, &[Hint])] = &[
    (
        Context::Units,
        When::Always,
        &[
            (Command::Open, "öppna", "open"),
            (Command::Help, "hjälp", "help"),
            (Command::Overview, "översikt", "overview"),
            (Command::Quit, "avsluta", "quit"),
        ],
    ),
    (
        Context::List,
        When::On(Screen::Problems),
        &[
            (Command::Open, "fortsätt", "continue"),
            (Command::Quit, "avsluta", "quit"),
        ],
    ),
    (
        Context::List,
        When::On(Screen::Done),
        &[
            (Command::Open, "tillbaka till målen", "back to the goals"),
            (Command::Quit, "avsluta", "quit"),
        ],
    ),
    (
        Context::List,
        When::On(Screen::Overview),
        &[
            (Command::Open, "öppna", "open"),
            (Command::ReviewUnit, "granska", "review"),
            (Command::NextPeriod, "period", "period"),
            (Command::WaitingForMe, "mina", "mine"),
            (Command::Overview, "enhetslistan", "unit list"),
            (Command::Help, "hjälp", "help"),
            (Command::Quit, "avsluta", "quit"),
        ],
    ),
    (
        Context::List,
        When::Always,
        &[
            (Command::Open, "öppna", "open"),
            (Command::Back, "tillbaka", "back"),
            (Command::Quit, "avsluta", "quit"),
            (Command::Help, "hjälp", "help"),
        ],
    ),
    (
        Context::Resume,
        When::Always,
        &[
            (Command::ResumeDraft, "återuppta", "resume"),
            (Command::DiscardDraft, "kasta", "discard"),
            (Command::Quit, "avsluta", "quit"),
        ],
    ),
    (
        Context::Confirm,
        When::Always,
        &[
            (Command::PressButton, "tryck på knappen", "press the button"),
            (Command::NextButton, "byt knapp", "other button"),
            (Command::Yes, "ja", "yes"),
            (Command::No, "avbryt", "cancel"),
        ],
    ),
    (
        Context::Editor,
        When::On(Screen::Review),
        &[(Command::FinishEdit, "avbryt", "cancel")],
    ),
    (
        Context::Editor,
        When::On(Screen::CarryOver),
        &[(Command::FinishEdit, "avbryt", "cancel")],
    ),
    (
        Context::CarryOver,
        When::Always,
        &[
            (Command::CarryConfirm, "för över", "carry over"),
            (Command::CarryClose, "stäng", "close"),
            (Command::CarryDrop, "släpp", "drop"),
            (Command::Back, "till målen", "to the goals"),
        ],
    ),
    (
        Context::Editor,
        When::On(Screen::Reviewing),
        &[
            (Command::FinishEdit, "klar", "done"),
            (Command::NextField, "nästa kommentar", "next comment"),
            (Command::Undo, "ångra", "undo"),
        ],
    ),
    (
        Context::Reviewer,
        When::Always,
        &[
            (Command::Edit, "kommentera", "comment"),
            (Command::NextField, "nästa", "next"),
            (Command::NextGoal, "nästa mål", "next goal"),
            (Command::ReturnFollowUp, "återsänd", "return"),
            (Command::ApproveFollowUp, "godkänn", "approve"),
            (Command::Back, "tillbaka", "back"),
            (Command::Help, "hjälp", "help"),
        ],
    ),
    (
        Context::Editor,
        When::Always,
        &[
            (Command::FinishEdit, "klar", "done"),
            (Command::NextField, "nästa fält", "next field"),
            (Command::CancelEdit, "avbryt", "cancel"),
            (Command::Undo, "ångra", "undo"),
            (Command::ExternalEditor, "$EDITOR", "$EDITOR"),
            (Command::SpellSuggest, "stavning", "spelling"),
            (Command::TogglePrevious, "förra perioden", "previous period"),
        ],
    ),
    (
        Context::Goal,
        When::Always,
        &[
            (Command::Edit, "skriv", "write"),
            (Command::NextField, "fält", "field"),
            (Command::NextGoal, "nästa mål", "next goal"),
            (Command::Review, "granska", "review"),
            (Command::Help, "hjälp", "help"),
            (Command::Undo, "ångra", "undo"),
            (Command::Back, "perioderna", "periods"),
            (Command::Jump, "hoppa", "jump"),
            (Command::AddDeviation, "avvikelse", "deviation"),
            (Command::TogglePrevious, "förra perioden", "previous period"),
            (Command::CarryOver, "öppna avvikelser", "open deviations"),
            (Command::Quit, "avsluta", "quit"),
        ],
    ),
    (
        Context::Review,
        When::Locked,
        &[
            (Command::Reopen, "återöppna", "reopen"),
            (Command::Back, "tillbaka", "back"),
            (Command::Help, "hjälp", "help"),
        ],
    ),
    (
        Context::Review,
        When::Always,
        &[
            (Command::Open, "gå dit", "go there"),
            (Command::CommitDone, "lämna som klar", "commit done"),
            (Command::CommitDraft, "som utkast", "as draft"),
            (Command::Waive, "motivera", "waive"),
            (Command::ShowReport, "rapporten", "report"),
            (Command::Back, "tillbaka", "back"),
            (Command::Help, "hjälp", "help"),
        ],
    ),
    (
        Context::Palette,
        When::Always,
        &[
            (Command::Open, "kör", "run"),
            (Command::Back, "stäng", "close"),
        ],
    ),
    (
        Context::Help,
        When::Always,
        &[(Command::Back, "stäng", "close")],
    ),
    (
        Context::Conflict,
        When::Always,
        &[
            (Command::KeepLocal, "behåll lokal", "keep local"),
            (Command::KeepRemote, "behåll serverns", "keep server's"),
            (Command::Back, "avbryt", "cancel"),
        ],
    ),
];

/// The status line's (key, word) pairs for the context `ctx` of the model,
/// each bound command with its first key; unbound ones are left out.
pub fn status(m: &Model, ctx: Context) -> Vec<(String, String)> {
    let locked = m.session.as_ref().is_some_and(|s| s.locked());
    let holds = |when: When| match when {
        When::Always => true,
        When::On(screen) => m.screen == screen,
        When::Locked => locked,
    };
    let Some((_, _, hints)) = STATUS.iter().find(|(c, w, _)| *c == ctx && holds(*w)) else {
        return Vec::new();
    };
    hints
        .iter()
        .filter_map(|(command, sv, en)| {
            let key = m.key_name(ctx, *command)?;
            Some((key, m.lang.t(sv, en).to_string()))
        })
        .collect()
}

/// "key word" for a bound command, None when the keymap binds none.
pub fn keyed(m: &Model, ctx: Context, command: Command, word: &str) -> Option<String> {
    m.key_name(ctx, command).map(|k| format!("{k} {word}"))
}

/// The bound phrases of `parts` joined by `sep` (unbound ones left out).
pub fn join_keyed(m: &Model, ctx: Context, parts: &[(Command, &str)], sep: &str) -> String {
    parts
        .iter()
        .filter_map(|(c, word)| keyed(m, ctx, *c, word))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every key bound to `command` in `ctx`, "n/Esc"; None when none is.
pub fn every_key(m: &Model, ctx: Context, command: Command) -> Option<String> {
    let keys: Vec<String> = m
        .keymap
        .keys_for(ctx, command.name())
        .iter()
        .map(|k| crate::keymap::key::display_sequence(k, m.lang))
        .collect();
    (!keys.is_empty()).then(|| keys.join("/"))
}

/// The first keys of two commands that go both ways, "←/→"; either alone
/// when only one is bound.
pub fn both_ways(m: &Model, ctx: Context, back: Command, forth: Command) -> Option<String> {
    match (m.key_name(ctx, back), m.key_name(ctx, forth)) {
        (Some(b), Some(f)) => Some(format!("{b}/{f}")),
        (one, other) => one.or(other),
    }
}

/// A text field's title naming its own Enter and the key that leaves it,
/// " Motivering (Enter sparar, Esc avbryter) ", or only what it names
/// when the keymap binds no key to leave a field.
/// `note` goes first in the brackets ("sökväg; ").
pub fn field_title(m: &Model, what: &str, note: &str, enter: &str, leave: &str) -> String {
    match m.key_name(Context::Editor, Command::FinishEdit) {
        Some(k) => format!(" {what} ({note}Enter {enter}, {k} {leave}) "),
        None => format!(" {what} ({note}Enter {enter}) "),
    }
}

/// An overlay's title with the key that closes it, " Hjälp (Esc stänger) ",
/// or only the title when the keymap binds no key to close it.
pub fn titled(m: &Model, title: &str) -> String {
    match m.key_name(Context::Help, Command::Back) {
        Some(close) => format!(" {title} ({close} {}) ", m.lang.t("stänger", "closes")),
        None => format!(" {title} "),
    }
}

/// The keys of a question, from the active keymap: "←/→ välj · Enter
/// trycker · y ja · n/Esc avbryt".
pub fn confirm_keys(m: &Model) -> String {
    let l = m.lang;
    let ctx = Context::Confirm;
    let choose = both_ways(m, ctx, Command::PrevButton, Command::NextButton)
        .map(|k| format!("{k} {}", l.t("välj", "choose")));
    let press = keyed(m, ctx, Command::PressButton, l.t("trycker", "presses"));
    let yes = keyed(m, ctx, Command::Yes, l.t("ja", "yes"));
    let no = every_key(m, ctx, Command::No).map(|k| format!("{k} {}", l.t("avbryt", "cancel")));
    [choose, press, yes, no]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// How a scrolled overlay is scrolled and closed: "↑/↓ PgUp/PgDn rullar",
/// "Esc stänger", each left out when unbound.
pub fn scroll_keys(m: &Model) -> Vec<String> {
    let l = m.lang;
    let scroll_keys: Vec<String> = [Command::Up, Command::Down]
        .into_iter()
        .filter_map(|c| m.key_name(Context::Help, c))
        .collect();
    let page_keys: Vec<String> = [Command::PageUp, Command::PageDown]
        .into_iter()
        .filter_map(|c| m.key_name(Context::Help, c))
        .collect();
    let mut keys: Vec<String> = [scroll_keys.join("/"), page_keys.join("/")]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect();
    if !keys.is_empty() {
        keys = vec![format!("{} {}", keys.join(" "), l.t("rullar", "scroll"))];
    }
    keys.extend(keyed(
        m,
        Context::Help,
        Command::Back,
        l.t("stänger", "closes"),
    ));
    keys
}
