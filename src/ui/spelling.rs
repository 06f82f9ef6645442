//! Spelling on screen: misspelled words underlined (and red) in the
//! editor, the same words listed in the editor's top border so they read
//! without colour or underline, and the small list of suggestions.
//!
//! The list sits in the top border, right of the field's name: at 80x24
//! the editor has five rows of text, and a row of its own would take one;
//! the bottom border holds the keys and the field's errors. The list only
//! changes when a word is finished misspelled or fixed (the word being
//! typed is not marked), so typing redraws nothing there.

use super::style;
use crate::app::Model;
use crate::app::overlay::Overlay;
use crate::app::spelling::{Spelling, add_rows};
use crate::keymap::{Command, Context};
use crate::sanitize;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

/// How a misspelled word looks: underlined whatever the colours.
fn misspelled() -> Style {
    Style::new()
        .fg(Color::Red)
        .add_modifier(Modifier::UNDERLINED)
}

/// `text` cut to `room` columns with "…".
fn cut(text: &str, room: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// The editor's block with the misspelled words in its top border:
/// " Stavning (F7): stavnig, anlys ".
pub fn frame_title<'a>(m: &Model, block: Block<'a>, width: u16) -> Block<'a> {
    let words = m.spelling.words();
    if words.is_empty() {
        return block;
    }
    let l = m.lang;
    let key = m
        .key_name(Context::Editor, Command::SpellSuggest)
        .map(|k| format!(" ({k})"))
        .unwrap_or_default();
    let text = format!(
        "{}{key}: {}",
        l.t("Stavning", "Spelling"),
        sanitize::line(&words.join(", "))
    );
    let room = (width as usize / 2).max(12);
    block.title(
        Line::from(Span::styled(
            format!(" {} ", cut(&text, room)),
            style::label(),
        ))
        .right_aligned(),
    )
}

/// Underlines the marked words where the editor drew them.
pub fn underline(
    sp: &Spelling,
    buf: &mut Buffer,
    ta: &ratatui_textarea::TextArea<'static>,
    inner: Rect,
) {
    if sp.words().is_empty() {
        return;
    }
    let (top, _) = ta.scroll_offset();
    let lines = ta.lines();
    let mut previous = None;
    for r in 0..inner.height as usize {
        let screen_row = top as usize + r;
        let at = ta.screen_to_data(screen_row, 0);
        let here = (at.0, at.1);
        if previous == Some(here) {
            // Past the end of the text (rows clamp to the last).
            break;
        }
        previous = Some(here);
        let marks: Vec<_> = sp.shown(at.0).collect();
        if marks.is_empty() {
            continue;
        }
        let next = ta.screen_to_data(screen_row + 1, 0);
        let Some(line) = lines.get(at.0) else { break };
        let end = if next.0 == at.0 && next.1 > at.1 {
            next.1
        } else {
            usize::MAX
        };
        let y = inner.y + r as u16;
        let mut x = inner.x as usize;
        for (col, c) in line.chars().enumerate().skip(at.1) {
            if col >= end || x >= inner.right() as usize {
                break;
            }
            let w = c.width().unwrap_or(0);
            if marks.iter().any(|mk| mk.start <= col && col < mk.end) {
                for dx in 0..w {
                    if let Some(cell) = buf.cell_mut((x as u16 + dx as u16, y))
                        && x + dx < inner.right() as usize
                    {
                        cell.set_style(misspelled());
                    }
                }
            }
            x += w;
        }
    }
}

/// The suggestions for a word, over the middle of the screen.
pub fn popup(m: &Model, f: &mut Frame, area: Rect, o: &Overlay) {
    let Overlay::Spelling {
        word,
        suggestions,
        selected,
        searching,
        ..
    } = o
    else {
        return;
    };
    let l = m.lang;
    let mut rows: Vec<String> = suggestions
        .iter()
        .map(|s| sanitize::line(s).into_owned())
        .collect();
    if rows.is_empty() {
        rows.push(String::new());
    }
    let none = suggestions.is_empty();
    rows.extend(add_rows(l).iter().map(|s| s.to_string()));
    let title = format!(
        " {} «{}» ",
        l.t("Stavning:", "Spelling:"),
        sanitize::line(word)
    );
    let hint = format!(
        " Enter {} · Esc {} ",
        l.t("väljer", "picks"),
        l.t("stänger", "closes")
    );
    let widest = rows
        .iter()
        .map(|r| r.chars().count() + 4)
        .chain([title.chars().count() + 2, hint.chars().count() + 2])
        .max()
        .unwrap_or(20);
    let w = (widest as u16).min(area.width.saturating_sub(2));
    let h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(w)) / 2,
        y: area.y + (area.height.saturating_sub(h)) / 2,
        width: w,
        height: h,
    };
    let offset = if none { 1 } else { 0 };
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if none && i == 0 {
                let text = if *searching {
                    l.t("söker förslag …", "looking for spellings …")
                } else {
                    l.t("(inga förslag)", "(no suggestions)")
                };
                return Line::from(Span::styled(format!("  {text}"), style::dim()));
            }
            let index = i - offset;
            if index == *selected {
                Line::from(Span::styled(format!("▶ {r}"), style::selected()))
            } else {
                Line::from(format!("  {r}"))
            }
        })
        .collect();
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(title)
                .title_bottom(hint),
        ),
        rect,
    );
}
