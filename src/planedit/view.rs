//! Draws the correction screen from the model alone: the plan as a list,
//! the source text beside it (after an import), the editor, the dialogs
//! and the keys. Every text from the plan or the source is sanitized.

use super::item::{Field, Target};
use super::model::{Answer, Dialog, Model};
use super::rows::Mark;
use crate::i18n::Lang;
use crate::sanitize;
use crate::ui::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

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
        dialog(m, d, f, area);
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

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn dialog(m: &Model, d: &Dialog, f: &mut Frame, area: Rect) {
    let l = m.lang;
    match d {
        Dialog::Quit { choice } => {
            let r = centered(area, 66, 6);
            f.render_widget(Clear, r);
            let mut buttons = Vec::new();
            for (i, a) in Answer::ALL.iter().enumerate() {
                let text = format!("[ {} ]", a.label(l));
                buttons.push(if i == *choice {
                    Span::styled(text, style::selected())
                } else {
                    Span::raw(text)
                });
                buttons.push(Span::raw(" "));
            }
            let p = Paragraph::new(vec![
                Line::raw(l.t(
                    "Planen har ändringar som inte är sparade.",
                    "The plan has changes that are not saved.",
                )),
                Line::raw(""),
                Line::from(buttons),
            ])
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(l.t(" Avsluta? ", " Quit? ")),
            );
            f.render_widget(p, r);
        }
        Dialog::Move {
            targets, cursor, ..
        } => {
            let r = centered(
                area,
                area.width.saturating_sub(6),
                area.height.saturating_sub(4),
            );
            f.render_widget(Clear, r);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(l.t(" Flytta texten till … ", " Move the text to … "));
            let inner = block.inner(r);
            f.render_widget(block, r);
            let h = inner.height as usize;
            let top = cursor.saturating_sub(h.saturating_sub(1) / 2);
            let lines: Vec<Line> = targets
                .iter()
                .enumerate()
                .skip(top)
                .take(h)
                .map(|(i, t)| {
                    let text = sanitize::line(&target_label(m, *t)).into_owned();
                    if i == *cursor {
                        Line::styled(text, style::selected())
                    } else {
                        Line::raw(text)
                    }
                })
                .collect();
            f.render_widget(Paragraph::new(lines), inner);
        }
        Dialog::Problems(problems) => {
            let r = centered(
                area,
                area.width.saturating_sub(4),
                area.height.saturating_sub(4),
            );
            f.render_widget(Clear, r);
            let mut text = vec![
                Line::styled(
                    l.t(
                        "Planen klarar inte kontrollen; inget har sparats:",
                        "The plan does not pass the check; nothing was saved:",
                    ),
                    style::error(),
                ),
                Line::raw(""),
            ];
            for p in problems {
                for line in sanitize::display(p).lines() {
                    text.push(Line::raw(line.to_string()));
                }
            }
            f.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: false }).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(l.t(" Kontrollen ", " The check ")),
                ),
                r,
            );
        }
        Dialog::SavePath(ta) => {
            let r = centered(area, area.width.saturating_sub(6), 3);
            f.render_widget(Clear, r);
            let mut ta = (**ta).clone();
            ta.set_block(Block::default().borders(Borders::ALL).title(l.t(
                " Spara planen i fil (Enter spara, Esc avbryt) ",
                " Save the plan to the file (Enter save, Esc cancel) ",
            )));
            ta.set_cursor_line_style(Style::default());
            f.render_widget(&ta, r);
        }
    }
}

/// "Enhetsmål E2 · Arbetssätt: Den enskilde får …" for the move chooser.
fn target_label(m: &Model, t: Target) -> String {
    let l = m.lang;
    let p = &m.doc.plan;
    let short = |s: &str| -> String {
        let s: String = s.chars().take(50).collect();
        s
    };
    match t {
        Target::UnitName => format!(
            "{} ({})",
            l.t("Enhetens namn", "The unit's name"),
            l.t("ersätts", "replaced")
        ),
        Target::Committee => format!(
            "{} ({})",
            l.t("Nämnd", "Committee"),
            l.t("ersätts", "replaced")
        ),
        Target::KfTitle(i) => format!(
            "KF-mål {} · {}: {}",
            p.kf_goals[i].id,
            title_word(l),
            short(&p.kf_goals[i].title)
        ),
        Target::AreaTitle(i) => format!(
            "{} {} · {}: {}",
            l.t("KF:s mål för området", "KF area goal"),
            p.area_goals[i].id,
            title_word(l),
            short(&p.area_goals[i].title)
        ),
        Target::CommitteeTitle(i) => format!(
            "{} {} · {}: {}",
            l.t("Nämndmål", "Committee goal"),
            p.committee_goals[i].id,
            title_word(l),
            short(&p.committee_goals[i].title)
        ),
        Target::Description(i) => format!(
            "{} {} · {}",
            l.t("Nämndmål", "Committee goal"),
            p.committee_goals[i].id,
            l.t("Beskrivning", "Description")
        ),
        Target::CommitteeResults(i) => format!(
            "{} {} · {} ({})",
            l.t("Nämndmål", "Committee goal"),
            p.committee_goals[i].id,
            Field::Expected.label(l),
            l.t("ny punkt", "new point")
        ),
        Target::UnitTitle(i) => format!(
            "{} {} · {}: {}",
            l.t("Enhetsmål", "Unit goal"),
            p.unit_goals[i].id,
            title_word(l),
            short(&p.unit_goals[i].title)
        ),
        Target::UnitField(i, field) => format!(
            "{} {} · {} ({})",
            l.t("Enhetsmål", "Unit goal"),
            p.unit_goals[i].id,
            field.label(l),
            l.t("ny punkt", "new point")
        ),
    }
}

fn title_word(l: Lang) -> &'static str {
    l.t("rubriken (läggs till)", "the title (appended)")
}
