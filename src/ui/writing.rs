//! Aids to writing in the walk: the live count (and limit) in the
//! editor's frame, and the previous period's text of the same field.

use super::style;
use crate::app::Model;
use crate::app::model::Editor;
use ratatui::text::{Line, Span};

/// The count of the open editor's text for its top border, right-aligned:
/// "1 240 / 2 000 tecken · 190 ord" (over the limit in words and red).
pub fn count_title(m: &Model, e: &Editor) -> Option<Line<'static>> {
    let text = e.area.lines().join("\n");
    let count = crate::app::limits::field_count(m.lang, &m.rules.limits, &e.field, &text)?;
    // Plain under the limit: each keystroke then rewrites a digit or two
    // there, with no colour switched on and off around them.
    let st = if count.over {
        style::error()
    } else {
        ratatui::style::Style::default()
    };
    Some(Line::from(Span::styled(format!(" {} ", count.text), st)).right_aligned())
}

/// " · förd från 2026-T1 E1/2" for a deviation carried over.
pub fn carried_note(l: crate::i18n::Lang, d: &crate::followup::Deviation) -> String {
    d.carried
        .as_ref()
        .map(|o| {
            format!(
                " · {} {}",
                l.t("förd från", "carried from"),
                crate::sanitize::line(&o.to_string())
            )
        })
        .unwrap_or_default()
}

/// The done box of a deviation, with how it was closed.
pub fn done_text(l: crate::i18n::Lang, d: &crate::followup::Deviation) -> String {
    match (d.done, d.note.trim()) {
        (false, _) => l.t("[ ] nej", "[ ] no").to_string(),
        (true, "") => l.t("[x] ja", "[x] yes").to_string(),
        (true, note) => format!("{} – {note}", l.t("[x] ja", "[x] yes")),
    }
}

/// The previous period's texts of the page's fields, when they are shown.
pub fn previous_texts(
    m: &Model,
    plan: &crate::plan::Plan,
    s: &crate::app::Session,
) -> Vec<(crate::app::fields::Field, String)> {
    if !crate::app::previous::shown(m) {
        return Vec::new();
    }
    let fields = crate::app::fields::page(plan, &s.record, s.goal);
    crate::app::previous::texts(plan, s, &fields)
}

/// A previous period's text under its field, dimmed and marked with the
/// period: "    ↳ T1 2026: …" (sanitized: it is committed text).
pub fn previous_lines(period: &str, text: &str) -> Vec<Line<'static>> {
    let shown = crate::sanitize::display(text);
    shown
        .lines()
        .enumerate()
        .map(|(i, row)| {
            let lead = if i == 0 {
                format!("    ↳ {period}: ")
            } else {
                "      ".to_string()
            };
            Line::from(vec![
                Span::styled(lead, style::dim()),
                Span::styled(row.to_string(), style::dim()),
            ])
        })
        .collect()
}
