//! The walk through the enhetsmål: moving between goals and fields,
//! editing texts, choosing ratings and statuses. Every change goes straight
//! into the record (and so into the next draft): nothing is lost by moving.

use super::action::{Action, Effect};
use super::fields::{self, Field, Invalid, Kind};
use super::model::{Editor, Model, Screen, Session};
use super::typing::{KeyNames, how_to_change, type_on_field};
use super::undo::{push_undo, step_of, undo_redo};
use crate::i18n::Lang;
use crate::plan::Plan;
use ratatui_textarea::{Key, TextArea, WrapMode};

/// The walk's actions, with undo: a change made outside the editor is one
/// step, and a whole edit of a field (from opening to closing the editor)
/// is one step.
pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::TypeOnField(..))
        && let Some(s) = &mut m.session
    {
        s.typed_astray = false;
    }
    let editing = m.session.as_ref().is_some_and(|s| s.editor.is_some());
    if matches!(action, Action::Undo | Action::Redo) && !editing {
        undo_redo(m, matches!(action, Action::Undo));
        return Vec::new();
    }
    let before = match &m.session {
        Some(s) if !editing => Some(step_of(s)),
        _ => None,
    };
    let effects = page_update(m, action);
    let Some(s) = &mut m.session else {
        return effects;
    };
    match before {
        Some(b) if s.editor.is_some() => s.edit_before = Some(b),
        Some(b) => push_undo(s, b),
        None if s.editor.is_none() => {
            if let Some(b) = s.edit_before.take() {
                push_undo(s, b);
            }
        }
        None => {}
    }
    effects
}

fn page_update(m: &mut Model, action: Action) -> Vec<Effect> {
    let lang = m.lang;
    let keys = KeyNames::of(m);
    let Model {
        plans,
        session,
        message,
        screen,
        confirm,
        ..
    } = m;
    let Some(s) = session.as_mut() else {
        *screen = Screen::Units;
        return Vec::new();
    };
    let Some(plan) = plans.get(s.plan).map(|p| &p.plan) else {
        return Vec::new();
    };
    if plan.unit_goals.is_empty() {
        if matches!(action, Action::Review) {
            *screen = Screen::Review;
        }
        return Vec::new();
    }
    if s.editor.is_some() {
        return editing(s, plan, lang, &keys, message, action);
    }
    let goal_id = page_goal_id(plan, s);
    let on_unit_page = s.goal >= plan.unit_goals.len();
    let fields = fields::page(plan, &s.record, s.goal);
    let field = fields.get(s.focus).cloned().unwrap_or(Field::Rating);
    if on_unit_page
        && matches!(
            action,
            Action::Rate(_) | Action::AddDeviation | Action::CopyPrevious | Action::Timeline
        )
    {
        *message = Some(
            lang.t(
                "Enhetens delar: bedömning och avvikelser hör till enhetsmålen.",
                "The unit's parts: ratings and deviations belong to the unit goals.",
            )
            .into(),
        );
        return Vec::new();
    }
    let changes = |s: &Session, message: &mut Option<String>| {
        if s.locked() {
            *message = Some(
                lang.t(
                    "Uppföljningen är klar. Återöppna den i granskningen (med en motivering) för att ändra.",
                    "The follow-up is done. Reopen it in the review (with a reason) to change it.",
                )
                .into(),
            );
            false
        } else if s.read_only {
            *message = Some(
                lang.t(
                    "Skrivskyddad: någon annan har uppföljningen öppen.",
                    "Read-only: someone else has this follow-up open.",
                )
                .into(),
            );
            false
        } else {
            true
        }
    };
    match action {
        Action::Down | Action::NextField => s.focus = (s.focus + 1).min(fields.len() - 1),
        Action::Up | Action::PrevField => s.focus = s.focus.saturating_sub(1),
        Action::Top => s.focus = 0,
        Action::Bottom => s.focus = fields.len() - 1,
        Action::NextGoal | Action::PageDown => go_to_goal(s, (s.goal + 1).min(last_page(plan))),
        Action::PrevGoal | Action::PageUp => go_to_goal(s, s.goal.saturating_sub(1)),
        Action::ScrollContextDown => s.context_scroll = s.context_scroll.saturating_add(3),
        Action::ScrollContextUp => s.context_scroll = s.context_scroll.saturating_sub(3),
        Action::Review => {
            s.review_selected = 0;
            *screen = Screen::Review;
        }
        Action::Back => {
            // To the unit's periods; the draft is written first, and the
            // session stays until another one is opened.
            return vec![Effect::SaveDraftNow, Effect::LoadPeriods(s.plan)];
        }
        Action::Rate(r) if changes(s, message) => {
            s.record.goal_mut(&goal_id).rating = Some(r);
            s.dirty = true;
        }
        // "Gäller": ←/→ offer the goal's results, indicators and activities.
        Action::Left | Action::Right
            if matches!(field, Field::Deviation(_, fields::DevPart::Link))
                && changes(s, message) =>
        {
            let step = if matches!(action, Action::Left) {
                -1
            } else {
                1
            };
            if let Field::Deviation(i, _) = field
                && fields::cycle_link(plan, &mut s.record, &goal_id, i, step)
            {
                s.dirty = true;
            }
        }
        Action::Left | Action::Right if field.kind() == Kind::Choice && changes(s, message) => {
            let step = if matches!(action, Action::Left) {
                -1
            } else {
                1
            };
            fields::cycle(&mut s.record, &goal_id, &field, step);
            s.dirty = true;
        }
        Action::AddDeviation if changes(s, message) => add_deviation(s, plan, &goal_id, lang),
        Action::CopyPrevious if changes(s, message) => copy_previous(s, &goal_id, lang, message),
        Action::DeleteDeviation => match field {
            Field::Deviation(i, _) if changes(s, message) => {
                let what = s
                    .record
                    .goal(&goal_id)
                    .and_then(|g| g.deviations.get(i))
                    .map(|d| d.what.clone())
                    .unwrap_or_default();
                *confirm = Some(super::confirm::delete_deviation(lang, &goal_id, i, &what));
            }
            _ => {}
        },
        // Enter writes in a text field and presses the button; it never
        // changes a choice or a box, where it would change a value the
        // chief did not aim at (Enter after Tab, expecting a text field).
        Action::Open if changes(s, message) => match field.kind() {
            Kind::Text | Kind::Line => start_editing(s, &goal_id, field, lang),
            Kind::Toggle if field == Field::AddDeviation => add_deviation(s, plan, &goal_id, lang),
            Kind::Choice | Kind::Toggle => *message = Some(how_to_change(&field, lang, &keys)),
        },
        Action::TypeOnField(c, starts_writing) if changes(s, message) => {
            type_on_field(s, plan, lang, &keys, message, &field, c, starts_writing);
            if s.editor.is_some() {
                let input = ratatui_textarea::Input {
                    key: Key::Char(c),
                    ctrl: false,
                    alt: false,
                    shift: false,
                };
                return editing(s, plan, lang, &keys, message, Action::EditorInput(input));
            }
        }
        Action::ExternalEditor if field.is_text() && changes(s, message) => {
            return vec![Effect::ExternalEditor(fields::text_of(
                &s.record, &goal_id, &field,
            ))];
        }
        Action::ExternalEditorDone(Some(text)) if field.is_text() => {
            store(s, plan, &goal_id, &field, &text, lang, message);
        }
        Action::ExternalEditorDone(None) => editor_failed(lang, message),
        // Typing on a text field starts editing it with that letter.
        Action::EditorInput(input) if field.is_text() && changes(s, message) => {
            if let Key::Char(_) = input.key {
                start_editing(s, &goal_id, field, lang);
                return editing(s, plan, lang, &keys, message, Action::EditorInput(input));
            }
        }
        Action::Paste(text) if field.is_text() && changes(s, message) => {
            start_editing(s, &goal_id, field, lang);
            return editing(s, plan, lang, &keys, message, Action::Paste(text));
        }
        _ => {}
    }
    Vec::new()
}

/// Copies the previous period's summary and point analyses of this goal
/// into the fields that are still empty. Outcomes are never copied, and
/// nothing already written is replaced.
fn copy_previous(s: &mut Session, goal_id: &str, lang: Lang, message: &mut Option<String>) {
    let Some((period, prev)) = s
        .earlier
        .last()
        .and_then(|e| e.goal(goal_id).map(|g| (e.period, g.clone())))
    else {
        *message = Some(
            lang.t(
                "Inget sagt om målet i förra perioden.",
                "Nothing was said about this goal in the previous period.",
            )
            .into(),
        );
        return;
    };
    let g = s.record.goal_mut(goal_id);
    let mut copied = 0;
    let mut kept = 0;
    if !prev.summary.trim().is_empty() {
        if g.summary.trim().is_empty() {
            g.summary = prev.summary.clone();
            copied += 1;
        } else {
            kept += 1;
        }
    }
    for (i, text) in prev.analysis.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        if g.analysis.len() <= i {
            g.analysis.resize(i + 1, String::new());
        }
        if g.analysis[i].trim().is_empty() {
            g.analysis[i] = text.clone();
            copied += 1;
        } else {
            kept += 1;
        }
    }
    if copied > 0 {
        s.dirty = true;
    }
    *message = Some(format!(
        "{} {period}: {copied} {}{}",
        lang.t("Analys kopierad från", "Analysis copied from"),
        lang.t("fält", "fields"),
        if kept > 0 {
            format!(
                " ({kept} {})",
                lang.t("redan ifyllda lämnades", "already written were kept")
            )
        } else {
            String::new()
        }
    ));
}

fn go_to_goal(s: &mut Session, goal: usize) {
    if goal != s.goal {
        s.goal = goal;
        s.focus = 0;
        s.context_scroll = 0;
    }
}

/// The last page of the walk: the unit-level parts after the goals.
pub(super) fn last_page(plan: &Plan) -> usize {
    plan.unit_goals.len()
}

/// The id of the goal on the current page ("" on the unit-level page,
/// whose fields belong to no goal).
pub(super) fn page_goal_id(plan: &Plan, s: &Session) -> String {
    plan.unit_goals
        .get(s.goal)
        .map(|g| g.id.clone())
        .unwrap_or_default()
}

pub(super) fn clamp_focus(s: &mut Session, plan: &Plan) {
    let n = fields::page(plan, &s.record, s.goal).len();
    s.focus = s.focus.min(n.saturating_sub(1));
}

pub(super) fn add_deviation(s: &mut Session, plan: &Plan, goal_id: &str, lang: Lang) {
    let Some(i) = fields::toggle(&mut s.record, goal_id, &Field::AddDeviation) else {
        return;
    };
    s.dirty = true;
    let what = Field::Deviation(i, fields::DevPart::What);
    if let Some(pos) = fields::page(plan, &s.record, s.goal)
        .iter()
        .position(|f| *f == what)
    {
        s.focus = pos;
    }
    start_editing(s, goal_id, what, lang);
}

pub fn new_textarea(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_string).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

pub(super) fn start_editing(s: &mut Session, goal_id: &str, field: Field, _lang: Lang) {
    let text = fields::text_of(&s.record, goal_id, &field);
    s.editor = Some(Editor {
        field,
        area: new_textarea(&text),
        invalid: None,
    });
}

/// Stores `text` in `field`; a value that does not parse stays in the
/// editor with a message.
fn store(
    s: &mut Session,
    plan: &Plan,
    goal_id: &str,
    field: &Field,
    text: &str,
    lang: Lang,
    message: &mut Option<String>,
) -> bool {
    match fields::set_text(plan, &mut s.record, goal_id, field, text) {
        Ok(()) => {
            s.dirty = true;
            if let Some(e) = &mut s.editor {
                e.invalid = None;
            }
            true
        }
        Err(why) => {
            let msg = match why {
                Invalid::Number => lang.t(
                    "Skriv ett tal, t.ex. 87 eller 69,23",
                    "Type a number, e.g. 87 or 69,23",
                ),
                Invalid::Count => lang.t(
                    "Skriv ett antal, t.ex. 0 eller 3",
                    "Type a count, e.g. 0 or 3",
                ),
                Invalid::Date => lang.t(
                    "Skriv ett datum ÅÅÅÅ-MM-DD, t.ex. 2026-06-30",
                    "Type a date YYYY-MM-DD, e.g. 2026-06-30",
                ),
                Invalid::Link => lang.t(
                    "Skriv ett förväntat resultat (R2, Punkt 2 eller 2), eller en indikators eller aktivitets id",
                    "Type an expected result (R2, Punkt 2 or 2), or an indicator's or activity's id",
                ),
            };
            let msg = match why {
                Invalid::Link => {
                    format!("{msg}: {}", fields::link_choices(plan, goal_id).join(" "))
                }
                _ => msg.to_string(),
            };
            match &mut s.editor {
                Some(e) => e.invalid = Some(msg),
                None => {
                    // From $EDITOR: keep the text by opening the editor on it.
                    let mut area = new_textarea(text);
                    area.move_cursor(ratatui_textarea::CursorMove::End);
                    s.editor = Some(Editor {
                        field: field.clone(),
                        area,
                        invalid: Some(msg.clone()),
                    });
                    *message = Some(msg);
                }
            }
            false
        }
    }
}

fn editor_text(s: &Session) -> String {
    s.editor
        .as_ref()
        .map(|e| e.area.lines().join("\n"))
        .unwrap_or_default()
}

/// Ends editing when the text is stored; returns false (and stays) when it
/// does not parse.
fn finish(
    s: &mut Session,
    plan: &Plan,
    goal_id: &str,
    lang: Lang,
    keys: &KeyNames,
    message: &mut Option<String>,
) -> bool {
    let Some(e) = &s.editor else { return true };
    let field = e.field.clone();
    let text = editor_text(s);
    if store(s, plan, goal_id, &field, &text, lang, message) {
        s.editor = None;
        true
    } else {
        *message = s
            .editor
            .as_ref()
            .and_then(|e| e.invalid.clone())
            .map(|why| match &keys.cancel {
                Some(cancel) => format!(
                    "{why} ({cancel} {})",
                    lang.t(
                        "avbryter och behåller det senaste giltiga värdet",
                        "cancels and keeps the last valid value"
                    )
                ),
                None => why,
            });
        false
    }
}

/// Stops writing whatever the text: the field keeps its last valid value
/// (every valid keystroke was already stored), and a value that did not
/// parse is named in the message, which stays in view.
fn cancel(s: &mut Session, goal_id: &str, lang: Lang, message: &mut Option<String>) {
    let Some(e) = s.editor.take() else { return };
    if let Some(why) = e.invalid {
        let typed = e.area.lines().join(" ");
        let kept = fields::text_of(&s.record, goal_id, &e.field);
        let kept = if kept.is_empty() {
            lang.t("tomt", "empty").to_string()
        } else {
            format!("«{kept}»")
        };
        *message = Some(format!(
            "{why}: «{typed}» {} {kept}.",
            lang.t(
                "sparades inte; fältet är som förut:",
                "was not stored; the field is as before:"
            )
        ));
    }
}

fn editing(
    s: &mut Session,
    plan: &Plan,
    lang: Lang,
    keys: &KeyNames,
    message: &mut Option<String>,
    action: Action,
) -> Vec<Effect> {
    let goal_id = page_goal_id(plan, s);
    let Some(field) = s.editor.as_ref().map(|e| e.field.clone()) else {
        return Vec::new();
    };
    match action {
        Action::EditorInput(input) => {
            let input = as_typed(input);
            if field.kind() == Kind::Line && input.key == Key::Enter {
                finish(s, plan, &goal_id, lang, keys, message);
                return Vec::new();
            }
            if let Some(e) = &mut s.editor
                && !e.area.input(input)
            {
                return Vec::new();
            }
            let text = editor_text(s);
            store(s, plan, &goal_id, &field, &text, lang, message);
        }
        Action::Paste(text) => {
            // Pasted newlines may come as CR; a one-line field keeps one line.
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            let text = if field.kind() == Kind::Line {
                text.replace('\n', " ")
            } else {
                text
            };
            if let Some(e) = &mut s.editor {
                e.area.insert_str(&text);
            }
            let all = editor_text(s);
            store(s, plan, &goal_id, &field, &all, lang, message);
        }
        Action::Back | Action::Open => {
            finish(s, plan, &goal_id, lang, keys, message);
        }
        Action::NextField | Action::PrevField | Action::NextGoal | Action::PrevGoal
            if finish(s, plan, &goal_id, lang, keys, message) =>
        {
            return update_after_edit(s, plan, action);
        }
        Action::CancelEdit => cancel(s, &goal_id, lang, message),
        Action::Undo | Action::Redo => {
            let changed = s.editor.as_mut().is_some_and(|e| {
                if matches!(action, Action::Undo) {
                    e.area.undo()
                } else {
                    e.area.redo()
                }
            });
            if changed {
                let text = editor_text(s);
                store(s, plan, &goal_id, &field, &text, lang, message);
            }
        }
        Action::ExternalEditor => return vec![Effect::ExternalEditor(editor_text(s))],
        Action::ExternalEditorDone(Some(text)) => {
            if let Some(e) = &mut s.editor {
                e.area = new_textarea(&text);
            }
            store(s, plan, &goal_id, &field, &text, lang, message);
        }
        Action::ExternalEditorDone(None) => editor_failed(lang, message),
        _ => {}
    }
    Vec::new()
}

/// Moving on after an edit ended (Tab, Shift-Tab, next/previous goal).
fn update_after_edit(s: &mut Session, plan: &Plan, action: Action) -> Vec<Effect> {
    let n = fields::page(plan, &s.record, s.goal).len();
    match action {
        Action::NextField => s.focus = (s.focus + 1).min(n.saturating_sub(1)),
        Action::PrevField => s.focus = s.focus.saturating_sub(1),
        Action::NextGoal => go_to_goal(s, (s.goal + 1).min(last_page(plan))),
        Action::PrevGoal => go_to_goal(s, s.goal.saturating_sub(1)),
        _ => {}
    }
    Vec::new()
}

fn editor_failed(lang: Lang, message: &mut Option<String>) {
    *message = Some(
        lang.t(
            "$EDITOR gick inte att starta; texten är oförändrad.",
            "$EDITOR could not run; the text is unchanged.",
        )
        .into(),
    );
}

/// A line feed arrives as ctrl-j (terminals in raw mode, pastes without
/// bracketed paste); the editor's own ctrl-j deletes to the start of the
/// line. Here it is what it stands for: a new line.
fn as_typed(input: ratatui_textarea::Input) -> ratatui_textarea::Input {
    match input {
        ratatui_textarea::Input {
            key: Key::Char('j' | 'm'),
            ctrl: true,
            alt: false,
            ..
        } => ratatui_textarea::Input {
            key: Key::Enter,
            ctrl: false,
            alt: false,
            shift: false,
        },
        other => other,
    }
}
