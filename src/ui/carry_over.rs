//! The carry-over screen: the previous period's open deviations in a list,
//! the selected one in full below it, and the note being written to close
//! one. Every text is committed text and sanitized.

use super::style;
use crate::app::Model;
use crate::app::carry_over::{offers, previous};
use crate::keymap::{Command, Context};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return;
    };
    let l = m.lang;
    let all = offers(plan, s);
    let from = previous(s)
        .map(|e| e.period.kind.code_with_year(e.period.year))
        .unwrap_or_default();
    let closing = s.carry.closing.is_some();
    let [head, list_area, detail_area, note_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Percentage(45),
        Constraint::Length(if closing { 3 } else { 0 }),
    ])
    .areas(area);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(
                    format!(
                        "{} {from}",
                        l.t("Öppna avvikelser från", "Open deviations from")
                    ),
                    style::title(),
                ),
                Span::styled(
                    format!(
                        "  · {} {}",
                        all.len(),
                        l.t("att ta ställning till", "to decide on")
                    ),
                    style::label(),
                ),
            ]),
            Line::from(Span::styled(
                l.t(
                    "Inget förs över utan ditt val; utfall förs aldrig över.",
                    "Nothing is carried without your choice; outcomes never are.",
                ),
                style::dim(),
            )),
        ])
        .wrap(Wrap { trim: true }),
        head,
    );
    let choices = super::hints::join_keyed(
        m,
        Context::CarryOver,
        &[
            (Command::CarryConfirm, l.t("för över", "carry over")),
            (
                Command::CarryClose,
                l.t("stäng med anteckning", "close with a note"),
            ),
            (Command::CarryDrop, l.t("släpp", "drop")),
        ],
        " · ",
    );
    let selected = s.carry.selected.min(all.len().saturating_sub(1));
    let lines: Vec<Line> = all
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mark = if i == selected { "▶ " } else { "  " };
            let line = Line::from(vec![
                Span::raw(mark),
                Span::styled(format!("{:<5} ", sanitize::line(&o.goal)), style::dim()),
                Span::raw(sanitize::line(&o.deviation.what).into_owned()),
            ]);
            if i == selected {
                line.style(style::selected())
            } else {
                line
            }
        })
        .collect();
    let list_block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {choices} "));
    let height = list_block.inner(list_area).height as usize;
    let scroll = selected.saturating_sub(height.saturating_sub(1));
    f.render_widget(
        Paragraph::new(lines)
            .block(list_block)
            .scroll((scroll as u16, 0)),
        list_area,
    );
    if let Some(o) = all.get(selected) {
        let d = &o.deviation;
        let mut detail = Vec::new();
        let mut part = |label: &str, text: &str| {
            if text.trim().is_empty() {
                return;
            }
            let shown = sanitize::display(text);
            for (i, row) in shown.lines().enumerate() {
                let lead = if i == 0 {
                    format!("{label}: ")
                } else {
                    "  ".to_string()
                };
                detail.push(Line::from(vec![
                    Span::styled(lead, style::label()),
                    Span::raw(row.to_string()),
                ]));
            }
        };
        part(l.t("Avvikelse", "Deviation"), &d.what);
        part(l.t("Gäller", "Concerns"), d.link.as_deref().unwrap_or(""));
        part(l.t("Orsak", "Cause"), &d.cause);
        part(l.t("Åtgärd", "Measure"), &d.measure);
        part(
            l.t("Ansvarig", "Responsible"),
            d.responsible.as_deref().unwrap_or(""),
        );
        part(
            l.t("Klart senast", "Due by"),
            &d.due.map(|d| d.to_string()).unwrap_or_default(),
        );
        f.render_widget(
            Paragraph::new(detail)
                .block(Block::default().borders(Borders::ALL).title(format!(
                    " {} · {} ",
                    sanitize::line(&o.origin.to_string()),
                    l.t("som den skrevs då", "as written then")
                )))
                .wrap(Wrap { trim: false }),
            detail_area,
        );
    }
    if let Some(area) = &s.carry.closing {
        let mut ta = area.clone();
        ta.set_block(
            Block::default()
                .borders(Borders::ALL)
                .title(super::hints::field_title(
                    m,
                    l.t("Hur stängdes avvikelsen?", "How was the deviation closed?"),
                    "",
                    l.t("sparar", "saves"),
                    l.t("avbryter", "cancels"),
                )),
        );
        f.render_widget(&ta, note_area);
    }
}
