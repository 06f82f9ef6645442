//! Overlays drawn over the screen: help from the active keymap, the
//! command palette and the fuzzy jump, with matched letters highlighted.

use super::hints;
use super::style;
use crate::app::Model;
use crate::app::keys::screen_context;
use crate::app::overlay::{Overlay, jump_items, palette_items};
use crate::keymap::{Command, Context, actions, key};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    overlay(m, f, area);
    if let Some(c) = &m.confirm {
        confirm(m, f, area, c);
    }
    if let Some(path) = &m.rescue_path {
        rescue_path(m, f, area, path);
    }
}

fn overlay(m: &Model, f: &mut Frame, area: Rect) {
    let Some(o) = &m.overlay else { return };
    if let Overlay::Spelling { .. } = o {
        // A small list over the text, not a screen of its own.
        return super::spelling::popup(m, f, area, o);
    }
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
        Overlay::Report { text, scroll } => report(m, f, rect, text, *scroll),
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
        Overlay::Spelling { .. } => {}
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
    let mut lines = workflow(m);
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
            lines.push(key_line(&key::display_sequence(keys, l), &desc));
        }
        if ctx == Context::Editor {
            lines.extend(editor_keys(l));
        }
        if ctx == Context::Goal && !crate::app::keys::letters_are_commands(&m.keymap) {
            lines.extend(field_keys(l));
        }
        lines.push(Line::default());
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(hints::titled(m, l.t("Hjälp", "Help")));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rect,
    );
}

fn key_line(keys: &str, desc: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {keys:<16}"), style::label()),
        Span::raw(sanitize::line(desc).into_owned()),
    ])
}

/// The way through a follow-up, in a few lines, with the active keys.
fn workflow(m: &Model) -> Vec<Line<'static>> {
    let l = m.lang;
    // " (keys)" of the bound commands; nothing when none is bound.
    let keys = |ctx, parts: &[(Command, &str)]| {
        let shown = hints::join_keyed(m, ctx, parts, ", ");
        if shown.is_empty() {
            shown
        } else {
            format!(" ({shown})")
        }
    };
    let key = |ctx, c| {
        m.key_name(ctx, c)
            .map(|k| format!(" ({k})"))
            .unwrap_or_default()
    };
    let letters_are_commands = crate::app::keys::letters_are_commands(&m.keymap);
    let writing = match m.key_name(Context::Goal, Command::Edit) {
        Some(edit) if letters_are_commands => {
            format!("{edit} {}.", l.t("skriver i fältet", "writes in the field"))
        }
        // Letters are commands and no key starts writing: the palette does.
        None if letters_are_commands => String::new(),
        _ => l
            .t(
                "Skriv direkt i ett textfält.",
                "Type straight into a text field.",
            )
            .to_string(),
    };
    let steps = [
        format!(
            "1. {}{}.",
            l.t(
                "Välj enhet, sedan period",
                "Choose the unit, then the period"
            ),
            key(Context::Units, Command::Open)
        ),
        format!(
            "2. {}{}. {writing}",
            l.t("Gå igenom målen", "Walk the goals"),
            keys(
                Context::Goal,
                &[
                    (Command::NextField, l.t("fält", "field")),
                    (Command::NextGoal, l.t("nästa mål", "next goal")),
                ]
            ),
        ),
        format!(
            "3. {}{}.",
            l.t(
                "Granska: anmärkningar visar vad som saknas",
                "Review: remarks show what is missing"
            ),
            key(Context::Goal, Command::Review)
        ),
        format!(
            "4. {}",
            l.t(
                "Lämna in som utkast eller klar; det blir en version i historiken.",
                "Commit as draft or done; it becomes a version in the history."
            )
        ),
        l.t(
            "Utkastet sparas av sig självt medan du skriver; inget går förlorat om du avslutar.",
            "The draft is saved by itself as you type; nothing is lost when you quit.",
        )
        .to_string(),
    ];
    let mut lines = vec![Line::from(Span::styled(
        l.t("Så går det till", "How it goes").to_string(),
        style::heading(),
    ))];
    lines.extend(steps.into_iter().map(|t| Line::from(format!("  {t}"))));
    lines.push(Line::default());
    lines
}

/// The text editor's own keys (not in the keymap).
fn editor_keys(l: crate::i18n::Lang) -> Vec<Line<'static>> {
    [
        ("← → ↑ ↓", l.t("Flytta markören", "Move the cursor")),
        (
            "Ctrl-← Ctrl-→",
            l.t("Ett ord bakåt / framåt", "A word back / forward"),
        ),
        (
            "Home End",
            l.t("Radens början / slut", "Start / end of the line"),
        ),
        (
            l.t("Backsteg Delete", "Backspace Delete"),
            l.t("Radera tecken", "Delete a character"),
        ),
        (
            l.t("Retur", "Enter"),
            l.t(
                "Ny rad i en text; klar i ett tal, datum eller namn",
                "New line in a text; done in a number, date or name",
            ),
        ),
    ]
    .into_iter()
    .map(|(k, d)| key_line(k, d))
    .collect()
}

/// What a typed character does on the goal page outside the editor.
fn field_keys(l: crate::i18n::Lang) -> Vec<Line<'static>> {
    [
        (
            l.t("bokstäver", "letters"),
            l.t(
                "På ett textfält: börjar skriva där, med den bokstaven",
                "On a text field: start writing there, with that letter",
            ),
        ),
        (
            "1–5",
            l.t(
                "På bedömningen eller en status: väljer alternativet",
                "On the rating or a status: choose that option",
            ),
        ),
        (
            l.t("Mellanslag", "Space"),
            l.t(
                "På en ruta: kryssar i eller ur; på knappen: trycker",
                "On a box: tick or clear; on the button: press it",
            ),
        ),
    ]
    .into_iter()
    .map(|(k, d)| key_line(k, d))
    .collect()
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
    let title = hints::titled(
        m,
        &format!(
            "{} {}",
            l.t("Historik för", "History of"),
            sanitize::line(goal)
        ),
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
    let choices = hints::join_keyed(
        m,
        Context::Conflict,
        &[
            (Command::KeepLocal, l.t("behåll lokal", "keep local")),
            (Command::KeepRemote, l.t("behåll serverns", "keep server's")),
            (Command::Back, l.t("avbryt", "cancel")),
        ],
        ", ",
    );
    let what = l.t(
        "Konflikt: samma uppföljning ändrad på båda håll",
        "Conflict: the same follow-up changed on both sides",
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(if choices.is_empty() {
            format!(" {what} ")
        } else {
            format!(" {what} ({choices}) ")
        });
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

/// The report of the draft, as Markdown text, scrolled.
fn report(m: &Model, f: &mut Frame, rect: Rect, text: &str, scroll: u16) {
    let l = m.lang;
    let keys = hints::scroll_keys(m);
    let what = l.t("Rapporten som den ser ut nu", "The report as it is now");
    let block = Block::default()
        .borders(Borders::ALL)
        .title(if keys.is_empty() {
            format!(" {what} ")
        } else {
            format!(" {what} ({}) ", keys.join(", "))
        });
    let inner = block.inner(rect);
    let paragraph = Paragraph::new(sanitize::display(text).into_owned())
        .block(block)
        .wrap(Wrap { trim: false });
    // Scrolling stops at the last page.
    let rows = paragraph.line_count(inner.width).saturating_sub(2);
    let last = rows.saturating_sub(inner.height as usize);
    f.render_widget(
        paragraph.scroll(((scroll as usize).min(last) as u16, 0)),
        rect,
    );
}

/// A box in the middle of `area`, `height` rows high.
fn centred(area: Rect, height: u16) -> Rect {
    let w = area.width.saturating_sub(4).min(76);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w,
        height: h,
    }
}

/// The question: what will happen, and its buttons, the focused one
/// highlighted.
fn confirm(m: &Model, f: &mut Frame, area: Rect, c: &crate::app::confirm::Confirm) {
    let text: Vec<Line> = c
        .lines
        .iter()
        .map(|t| Line::from(sanitize::line(t).into_owned()))
        .collect();
    let body = Paragraph::new(text).wrap(Wrap { trim: false });
    // Borders and a margin of one on each side.
    let width = centred(area, 1).width.saturating_sub(4).max(1);
    let rect = centred(area, body.line_count(width) as u16 + 4);
    // One clear column around the box, so nothing of the screen below
    // seems to belong to the question.
    let around = Rect {
        x: rect.x.saturating_sub(1),
        width: (rect.width + 2).min(area.right().saturating_sub(rect.x.saturating_sub(1))),
        ..rect
    };
    f.render_widget(Clear, around);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", sanitize::line(&c.title)))
        .title_bottom(format!(" {} ", hints::confirm_keys(m)));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let [text_area, _, buttons] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner.inner(ratatui::layout::Margin::new(1, 0)));
    f.render_widget(body, text_area);
    let mut spans = Vec::new();
    for (i, b) in c.buttons.iter().enumerate() {
        let label = format!("[ {} ]", sanitize::line(b));
        spans.push(if i == c.focus {
            Span::styled(label, style::selected())
        } else {
            Span::raw(label)
        });
        spans.push(Span::raw("  "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), buttons);
}

/// The path a draft that could not be saved is written to.
fn rescue_path(m: &Model, f: &mut Frame, area: Rect, path: &ratatui_textarea::TextArea<'static>) {
    let l = m.lang;
    let rect = centred(area, 5);
    f.render_widget(Clear, rect);
    let mut ta = path.clone();
    ta.set_block(
        Block::default()
            .borders(Borders::ALL)
            .title(hints::field_title(
                m,
                l.t("Spara utkastet i filen", "Save the draft to the file"),
                l.t("sökväg; ", "path; "),
                l.t("sparar", "saves"),
                l.t("tillbaka", "back"),
            ))
            .title_bottom(l.t(
                " En ny fil: en befintlig skrivs aldrig över ",
                " A new file: an existing one is never overwritten ",
            )),
    );
    f.render_widget(&ta, rect);
}
