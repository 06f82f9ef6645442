//! What a printable character does on the goal page when no editor is
//! open: text on a text field, a choice's digit, a box's space, and
//! nothing (with a message) anywhere else.

use super::fields::{self, Field, Kind};
use super::model::{Model, Session};
use super::walk::{add_deviation, page_goal_id, start_editing};
use crate::i18n::Lang;
use crate::keymap::{Command, Context};
use crate::plan::Plan;

/// Names of the keys the walk's messages mention, from the active keymap
/// (None: the keymap binds none, and the message names no key for it).
pub struct KeyNames {
    pub edit: Option<String>,
    pub choose: Option<String>,
    pub cancel: Option<String>,
    pub next_field: Option<String>,
    /// Letters are commands on the goal page (vim), so a digit or a space
    /// typed there is not a field's own key.
    pub letters_are_commands: bool,
}

impl KeyNames {
    pub fn of(m: &Model) -> KeyNames {
        let choose = match (
            m.key_name(Context::Goal, Command::ChoicePrev),
            m.key_name(Context::Goal, Command::ChoiceNext),
        ) {
            (Some(prev), Some(next)) => Some(format!("{prev}/{next}")),
            (one, other) => one.or(other),
        };
        KeyNames {
            edit: m.key_name(Context::Goal, Command::Edit),
            choose,
            cancel: m.key_name(Context::Editor, Command::CancelEdit),
            next_field: m.key_name(Context::Goal, Command::NextField),
            letters_are_commands: super::keys::letters_are_commands(&m.keymap),
        }
    }
}

/// How the focused choice or box is changed, for a key that does not.
pub(super) fn how_to_change(field: &Field, lang: Lang, keys: &KeyNames) -> String {
    let mut ways: Vec<String> = keys.choose.iter().cloned().collect();
    if !keys.letters_are_commands {
        let n = match field {
            Field::Rating => crate::followup::Rating::ALL.len(),
            _ => crate::followup::ActivityStatus::ALL.len(),
        };
        ways.push(format!("1–{n}"));
    }
    match field.kind() {
        Kind::Choice if ways.is_empty() => lang
            .t(
                "Välj i kommandopaletten.",
                "Choose through the command palette.",
            )
            .into(),
        Kind::Choice => format!(
            "{} {}.",
            lang.t("Välj med", "Choose with"),
            ways.join(&format!(" {} ", lang.t("eller", "or")))
        ),
        _ => lang
            .t(
                "Mellanslag kryssar i eller ur rutan.",
                "Space ticks or clears the box.",
            )
            .into(),
    }
}

/// A printable character typed on the focused field while not writing:
/// a text field starts writing with it (like a spreadsheet cell), a choice
/// takes a digit, a box a space, and anything else changes nothing (and
/// neither does the rest of what is typed, until another key).
#[allow(clippy::too_many_arguments)]
pub(super) fn type_on_field(
    s: &mut Session,
    plan: &Plan,
    lang: Lang,
    keys: &KeyNames,
    message: &mut Option<String>,
    field: &Field,
    c: char,
    starts_writing: bool,
) {
    if s.typed_astray {
        // The rest of the prose: nothing changes, the message stays.
        *message = Some(astray(field, lang, keys));
        return;
    }
    let goal_id = page_goal_id(plan, s);
    let own_key = !keys.letters_are_commands;
    match field.kind() {
        Kind::Text | Kind::Line if starts_writing => {
            start_editing(s, &goal_id, field.clone(), lang);
            return;
        }
        Kind::Text | Kind::Line => {}
        Kind::Choice if own_key && c.is_ascii_digit() => {
            let n = c.to_digit(10).and_then(|d| (d as usize).checked_sub(1));
            if n.is_some_and(|n| fields::choose(&mut s.record, &goal_id, field, n)) {
                s.dirty = true;
                return;
            }
        }
        Kind::Toggle if own_key && c == ' ' => {
            if *field == Field::AddDeviation {
                add_deviation(s, plan, &goal_id, lang);
            } else {
                fields::toggle(&mut s.record, &goal_id, field);
                s.dirty = true;
            }
            return;
        }
        Kind::Choice | Kind::Toggle => {}
    }
    *message = Some(astray(field, lang, keys));
    s.typed_astray = true;
}

/// What typing on a field that takes no text did (nothing), and how to go on.
fn astray(field: &Field, lang: Lang, keys: &KeyNames) -> String {
    match (field.kind(), &keys.edit, &keys.next_field) {
        (Kind::Text | Kind::Line, Some(edit), _) => format!(
            "{} {edit}.",
            lang.t("Skriv i fältet med", "Write in the field with"),
        ),
        (Kind::Text | Kind::Line, None, _) => lang
            .t(
                "Skriv i fältet genom kommandopaletten.",
                "Write in the field through the command palette.",
            )
            .into(),
        (_, _, Some(next)) => format!(
            "{} {next} {}. {}",
            lang.t("Här skrivs ingen text;", "No text is written here;"),
            lang.t("går till nästa fält", "goes to the next field"),
            how_to_change(field, lang, keys)
        ),
        (_, _, None) => format!(
            "{} {}",
            lang.t("Här skrivs ingen text.", "No text is written here."),
            how_to_change(field, lang, keys)
        ),
    }
}
