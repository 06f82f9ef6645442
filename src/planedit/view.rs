//! Draws the correction screen from the model alone: the plan as a list,
//! the source text beside it (after an import), the editor, the dialogs
//! and the keys. Every text from the plan or the source is sanitized.

use super::model::{Dialog, Model};
use super::rows::Mark;
use crate::sanitize;
use crate::ui::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame) {
    let area = f.area();
    let editor_h = if m.editor.is_some() { 6 } else { 0 };
    let [head, body, editor, message, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(editor_h),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area);
    header(m, f, head);
    match (&m.source, area.width >= 100) {
        (Some(_), true) => {
            let [list_area, src] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(body);
            list(m, f, list_area);
            source(m, f, src);
        }
        (Some(_), false) => {
            let [list_area, src] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(7)]).areas(body);
            list(m, f, list_area);
            source(m, f, src);
        }
        (None, _) => list(m, f, body),
    }
    if m.editor.is_some() {
        draw_editor(m, f, editor);
    }
    let msg = m.message.as_deref().unwrap_or("");
    f.render_widget(
        Paragraph::new(sanitize::line(msg).into_owned()).style(style::label()),
        message,
    );
    f.render_widget(Paragraph::new(key_help(m)).wrap(Wrap { trim: true }), keys);
    if let Some(d) = &m.dialog {
        super::dialogs::dialog(m, d, f, area);
    }
    sanitize::frame(f.buffer_mut());
}

fn header(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let u = &m.doc.plan.unit;
    let path = m
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| l.t("(inte sparad)", "(not saved)").into());
    let changed = if m.dirty() {
        format!(" · {}", l.t("ändrad", "changed"))
    } else {
        String::new()
    };
    // The path last: a long one is cut at the edge, never the state.
    let text = format!(
        "{} {} {}{changed} · {}",
        l.t("Rätta planen:", "Correct the plan:"),
        u.name,
        u.year,
        path
    );
    f.render_widget(
        Paragraph::new(sanitize::line(&text).into_owned()).style(style::title()),
        area,
    );
}

fn list(m: &Model, f: &mut Frame, area: Rect) {
    let height = area.height as usize;
    // The model keeps the cursor in view for its own idea of the height;
    // the drawn list follows the cursor whatever its height.
    let mut top = m.scroll.min(m.rows.len().saturating_sub(1));
    if m.cursor >= top + height {
        top = m.cursor + 1 - height;
    }
    if m.cursor < top {
        top = m.cursor;
    }
    let mut lines = Vec::new();
    for (i, r) in m.rows.iter().enumerate().skip(top).take(height) {
        let sign = match r.mark {
            Mark::None => "  ",
            Mark::Unsure => "? ",
            Mark::Unplaced => "! ",
        };
        let indent = "  ".repeat(r.depth as usize);
        let selected = i == m.cursor;
        let line = match r.item {
            None => Line::from(vec![
                Span::raw(sign),
                Span::raw(indent),
                Span::styled(sanitize::line(&r.label).into_owned(), style::heading()),
            ]),
            Some(item) => {
                let text = m.text(item).unwrap_or_default();
                let text = sanitize::line(&text).into_owned();
                let mark_style = match r.mark {
                    Mark::None => Style::new(),
                    _ => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                };
                Line::from(vec![
                    Span::styled(sign, mark_style),
                    Span::raw(indent),
                    Span::styled(format!("{}: ", sanitize::line(&r.label)), style::label()),
                    Span::raw(text),
                ])
            }
        };
        lines.push(if selected {
            line.style(style::selected())
        } else {
            line
        });
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn source(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let Some(src) = &m.source else { return };
    let line = m.rows.get(m.cursor).and_then(|r| r.line);
    let title = match line {
        Some(n) => format!(" {} {n} ", l.t("Källan, rad", "The source, line")),
        None => format!(" {} ", l.t("Källan", "The source")),
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(n) = line else {
        f.render_widget(
            Paragraph::new(l.t(
                "(ingen källrad hittad för den här raden)",
                "(no source line found for this row)",
            ))
            .style(style::dim()),
            inner,
        );
        return;
    };
    let h = inner.height as usize;
    let first = n.saturating_sub(1).saturating_sub(h / 3);
    let lines: Vec<Line> = src
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(i, text)| {
            let shown = format!("{:>5} {}", i + 1, sanitize::line(text));
            if i + 1 == n {
                Line::styled(shown, style::selected())
            } else {
                Line::raw(shown)
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_editor(m: &Model, f: &mut Frame, area: Rect) {
    let Some(e) = &m.editor else { return };
    let l = m.lang;
    let label = m
        .rows
        .iter()
        .find(|r| r.item == Some(e.item))
        .map(|r| r.label.clone())
        .unwrap_or_default();
    let hint = if e.item.is_point() {
        l.t(
            "Esc/Enter klar · Ctrl-T dela vid markören",
            "Esc/Enter done · Ctrl-T split at the cursor",
        )
    } else if e.item.is_multiline() {
        l.t("Esc klar", "Esc done")
    } else {
        l.t("Esc/Enter klar", "Esc/Enter done")
    };
    let title = match &e.invalid {
        Some(why) => format!(" {} · {why} ", sanitize::line(&label)),
        None => format!(" {} · {hint} ", sanitize::line(&label)),
    };
    let mut ta = e.area.clone();
    ta.set_block(Block::default().borders(Borders::ALL).title(title));
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(Style::default());
    f.render_widget(&ta, area);
    let inner = Block::default().borders(Borders::ALL).inner(area);
    let at = ta.screen_cursor();
    let (top, left) = ta.scroll_offset();
    let x = inner.x as usize + at.col.saturating_sub(left as usize);
    let y = inner.y as usize + at.row.saturating_sub(top as usize);
    f.set_cursor_position((
        x.min(inner.right().saturating_sub(1) as usize) as u16,
        y.min(inner.bottom().saturating_sub(1) as usize) as u16,
    ));
}

fn key_help(m: &Model) -> Line<'static> {
    let l = m.lang;
    let pairs: Vec<(&str, &str)> = match (&m.dialog, &m.editor) {
        (Some(Dialog::Quit { .. }), _) => vec![
            ("←/→", l.t("välj", "choose")),
            ("Enter", l.t("svara", "answer")),
            ("Esc", l.t("fortsätt", "keep on")),
        ],
        (Some(Dialog::Move { .. }), _) => vec![
            ("↑/↓", l.t("välj fält", "choose field")),
            ("Enter", l.t("flytta hit", "move here")),
            ("Esc", l.t("avbryt", "cancel")),
        ],
        (Some(_), _) => vec![("Enter", "OK"), ("Esc", l.t("avbryt", "cancel"))],
        (None, Some(_)) => vec![
            ("Esc", l.t("klar", "done")),
            ("Ctrl-T", l.t("dela", "split")),
            ("Ctrl-S", l.t("spara", "save")),
        ],
        (None, None) => vec![
            ("↑/↓ PgUp/PgDn", l.t("gå", "move")),
            ("Enter", l.t("rätta", "edit")),
            ("m", l.t("slå ihop med nästa", "merge with next")),
            ("f", l.t("flytta", "move")),
            ("Del", l.t("ta bort", "remove")),
            ("n", l.t("nästa markerade", "next marked")),
            ("Ctrl-Z", l.t("ångra", "undo")),
            ("Ctrl-S", l.t("spara", "save")),
            ("Esc", l.t("avsluta", "finish")),
        ],
    };
    let mut spans = Vec::new();
    for (k, what) in pairs {
        spans.push(Span::styled(k.to_string(), style::key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}
