//! A returned follow-up's comments in the walk, where the unit chief
//! writes: each beside the goal, indicator, activity or unit part it is
//! about, marked once answered, and the overall one at the top.

use super::style;
use super::walk_form::Form;
use crate::app::Session;
use crate::i18n::Lang;
use crate::sanitize;
use ratatui::text::{Line, Span};

/// The comments on `code` ("goal:E2"), one line each (continued on
/// indented lines), under what they are about.
pub(super) fn beside(form: &mut Form, l: Lang, s: &Session, code: &str) {
    let Some(returned) = &s.returned else {
        return;
    };
    let answered = returned.answered(code, &s.record);
    for text in returned.on(code) {
        push(form, l, &returned.reviewer, text, answered);
    }
}

/// The overall comment, at the top of every page.
pub(super) fn overall(form: &mut Form, l: Lang, s: &Session) {
    let Some(returned) = &s.returned else {
        return;
    };
    if returned.overall.trim().is_empty() {
        return;
    }
    let head = format!(
        "{} {}:",
        l.t("Återsänd av", "Returned by"),
        sanitize::line(&returned.reviewer)
    );
    form.lines
        .push(Line::from(Span::styled(head, style::error())));
    for row in sanitize::display(&returned.overall).lines() {
        form.lines.push(Line::from(format!("  {row}")));
    }
}

fn push(form: &mut Form, l: Lang, reviewer: &str, text: &str, answered: bool) {
    let mark = if answered {
        l.t("✓ besvarad", "✓ answered")
    } else {
        l.t("✎ att besvara", "✎ to answer")
    };
    let shown = sanitize::display(text);
    let mut rows = shown.lines();
    form.lines.push(Line::from(vec![
        Span::styled(
            format!(
                "  » {} ({}, {mark}): ",
                l.t("Kommentar", "Comment"),
                sanitize::line(reviewer)
            ),
            if answered {
                style::dim()
            } else {
                style::error()
            },
        ),
        Span::raw(rows.next().unwrap_or("").to_string()),
    ]));
    for row in rows {
        form.lines.push(Line::from(format!("    {row}")));
    }
}

/// The heading of the comments in the pre-commit review.
pub(super) fn heading(l: Lang, s: &Session) -> String {
    let open = s.returned.as_ref().map_or(0, |r| r.open(&s.record));
    format!(
        "{} · {open} {} ({})",
        l.t("Granskarens kommentarer", "The reviewer's comments"),
        l.t("att besvara", "to answer"),
        l.t("hindrar inte klar", "do not block done")
    )
}

/// One comment as a row of the pre-commit review.
pub(super) fn row(l: Lang, s: &Session, i: usize) -> Vec<Span<'static>> {
    let Some((on, text)) = s.returned.as_ref().and_then(|r| r.remarks.get(i)) else {
        return Vec::new();
    };
    let answered = s
        .returned
        .as_ref()
        .is_some_and(|r| r.answered(on, &s.record));
    let id = on.split_once(':').map_or(on.as_str(), |(_, id)| id);
    vec![
        Span::raw(format!("{:<9} ", sanitize::line(id))),
        Span::styled(
            if answered {
                l.t("✓ besvarad  ", "✓ answered  ")
            } else {
                l.t("✎ besvara   ", "✎ to answer ")
            },
            if answered {
                style::dim()
            } else {
                style::error()
            },
        ),
        Span::raw(sanitize::line(text.lines().next().unwrap_or("")).into_owned()),
    ]
}
