//! Overlays drawn over the screen: help from the active keymap, the
//! command palette and the fuzzy jump, with matched letters highlighted.

use super::style;
use crate::app::Model;
use crate::app::keys::screen_context;
use crate::app::overlay::{Overlay, jump_items, palette_items};
use crate::keymap::{Context, actions, key};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let Some(o) = &m.overlay else { return };
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    f.render_widget(Clear, rect);
    match o {
        Overlay::Help { scroll } => help(m, f, rect, *scroll),
        Overlay::Timeline { goal, rows, scroll } => timeline(m, f, rect, goal, rows, *scroll),
        Overlay::Conflicts {
            items,
            selected,
            chosen,
        } => conflicts(m, f, rect, items, *selected, chosen),
        Overlay::Palette {
            query,
            selected,
            under,
        } => {
            let items = palette_items(m, query, *under);
            let rows: Vec<ListItem> = items
                .iter()
                .map(|i| {
                    let mut spans = highlighted(&i.label(), &i.hits);
                    if let Some(k) = &i.key {
                        spans.push(Span::styled(format!("   {k}"), style::dim()));
                    }
                    spans.push(Span::styled(format!("  · {}", i.action), style::dim()));
                    ListItem::new(Line::from(spans))
                })
                .collect();
            search_list(
                m,
                f,
                rect,
                m.lang.t(" Kommandon ", " Commands "),
                query,
                rows,
                *selected,
            );
        }
        Overlay::Jump { query, selected } => {
            let items = jump_items(m, query);
            let rows: Vec<ListItem> = items
                .iter()
                .map(|i| ListItem::new(Line::from(highlighted(&i.label, &i.hits))))
                .collect();
            search_list(
                m,
                f,
                rect,
                m.lang.t(
                    " Hoppa till mål, indikator, aktivitet ",
                    " Jump to goal, indicator, activity ",
                ),
                query,
                rows,
                *selected,
            );
        }
    }
}

/// Text with the fuzzy-matched characters highlighted (and sanitized).
pub fn highlighted(text: &str, hits: &[usize]) -> Vec<Span<'static>> {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            let s = sanitize::line(c.encode_utf8(&mut [0; 4])).into_owned();
            if hits.contains(&i) {
                Span::styled(s, style::matched())
            } else {
                Span::raw(s)
            }
        })
        .collect()
}

fn search_list(
    m: &Model,
    f: &mut Frame,
    rect: Rect,
    title: &str,
    query: &str,
    rows: Vec<ListItem<'static>>,
    selected: usize,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let [input, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", style::label()),
            Span::raw(sanitize::line(query).into_owned()),
            Span::styled("▏", style::dim()),
        ])),
        input,
    );
    let count = rows.len();
    let widget = List::new(rows)
        .highlight_style(style::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected((count > 0).then_some(selected));
    f.render_stateful_widget(widget, list, &mut state);
    let _ = m;
}

fn help(m: &Model, f: &mut Frame, rect: Rect, scroll: u16) {
    let l = m.lang;
    let under = screen_context(m);
    let mut order: Vec<Context> = vec![under];
    order.extend(
        Context::ALL
            .iter()
            .copied()
            .filter(|c| *c != under && *c != Context::Help),
    );
    let mut lines = Vec::new();
    for ctx in order {
        let Some(table) = m.keymap.tables.get(&ctx) else {
            continue;
        };
        lines.push(Line::from(Span::styled(
            format!("{} [{}]", ctx.title(l), ctx.name()),
            style::heading(),
        )));
        for (keys, b) in table {
            let desc = b
                .desc
                .clone()
                .or_else(|| actions::find(&b.action).map(|a| a.describe(l).to_string()))
                .unwrap_or_else(|| b.action.clone());
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<16}", key::show_sequence(keys)),
                    style::label(),
                ),
                Span::raw(sanitize::line(&desc).into_owned()),
            ]));
        }
        lines.push(Line::default());
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(l.t(" Tangenter (Esc stänger) ", " Keys (Esc closes) "));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rect,
    );
}

fn timeline(
    m: &Model,
    f: &mut Frame,
    rect: Rect,
    goal: &str,
    rows: &[crate::app::overlay::TimelineRow],
    scroll: u16,
) {
    let l = m.lang;
    let mut lines = Vec::new();
    if rows.is_empty() {
        lines.push(Line::from(l.t(
            "Inga inlämnade uppföljningar av målet ännu.",
            "No committed follow-ups of this goal yet.",
        )));
    }
    for r in rows {
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", r.when), style::dim()),
            Span::styled(format!("{:<8} ", sanitize::line(&r.period)), style::title()),
            Span::raw(format!("{:<22} ", sanitize::line(&r.change))),
            Span::styled(format!("{}  ", sanitize::line(&r.status)), style::label()),
            Span::raw(sanitize::line(&r.who).into_owned()),
        ]));
    }
    let title = format!(
        " {} {} (Esc {}) ",
        l.t("Historik för", "History of"),
        sanitize::line(goal),
        l.t("stänger", "closes")
    );
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(title))
            .scroll((scroll, 0)),
        rect,
    );
}

/// The two texts of a conflict side by side, with the choices made so far.
fn conflicts(
    m: &Model,
    f: &mut Frame,
    rect: Rect,
    items: &[crate::app::overlay::ConflictView],
    selected: usize,
    chosen: &[(String, bool)],
) {
    let l = m.lang;
    let block = Block::default().borders(Borders::ALL).title(l.t(
        " Konflikt: samma uppföljning ändrad på båda håll (l behåll lokal, r behåll serverns, Esc avbryt) ",
        " Conflict: the same follow-up changed on both sides (l keep local, r keep server's, Esc cancel) ",
    ));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let [list, texts] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(items.len().min(6) as u16 + 1),
        ratatui::layout::Constraint::Min(3),
    ])
    .areas(inner);
    let rows: Vec<Line> = items
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let choice = match chosen.iter().find(|(p, _)| p == &c.path) {
                Some((_, true)) => l.t("  → lokal", "  → local"),
                Some((_, false)) => l.t("  → serverns", "  → server's"),
                None => "",
            };
            let mark = if i == selected { "▶ " } else { "  " };
            Line::from(vec![
                Span::raw(mark),
                Span::styled(
                    format!("{}{choice}", sanitize::line(&c.path)),
                    if i == selected {
                        style::selected()
                    } else {
                        style::label()
                    },
                ),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(rows), list);
    let Some(c) = items.get(selected) else { return };
    let [left, right] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Percentage(50),
        ratatui::layout::Constraint::Percentage(50),
    ])
    .areas(texts);
    for (area, title, body) in [
        (left, l.t(" Lokalt ", " Local "), &c.local),
        (right, l.t(" På servern ", " On the server "), &c.remote),
    ] {
        f.render_widget(
            Paragraph::new(sanitize::display(body).into_owned())
                .block(Block::default().borders(Borders::ALL).title(title))
                .wrap(Wrap { trim: false }),
            area,
        );
    }
}
