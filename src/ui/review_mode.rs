//! Review mode's screen: the unit's committed follow-up, read-only, page
//! by page as in the walk, beside the reviewer's comments on that page
//! (the focused one open for writing below them).

use super::{hints, style};
use crate::app::Model;
use crate::app::review_mode::{Reviewing, Slot, slots};
use crate::i18n::Lang;
use crate::keymap::{Command, Context};
use crate::plan::Plan;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let (Some(s), Some(r), Some(plan)) = (&m.session, &m.reviewing, m.session_plan()) else {
        return;
    };
    let l = m.lang;
    let [head, progress, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let period = match l {
        Lang::Sv => s.period.title_sv(),
        Lang::En => s.period.title_en(),
    };
    let mut title = vec![Span::styled(
        format!(
            "{} · {period} · {}",
            sanitize::line(&plan.unit.name),
            l.t("granskning", "review")
        ),
        style::title(),
    )];
    if r.refusal.is_some() {
        title.push(Span::styled(
            format!("  [{}]", l.t("skrivskyddad", "read-only")),
            style::error(),
        ));
    }
    if let Some((verdict, _)) = &r.decided {
        title.push(Span::styled(
            format!("  [{}]", verdict.label(l)),
            style::label(),
        ));
    }
    title.push(Span::styled(saved_note(l, r, m.today), style::dim()));
    f.render_widget(Paragraph::new(Line::from(title)), head);

    let goals = plan.unit_goals.len();
    let page = if s.goal < goals {
        format!(
            "{} {} {} {goals}",
            l.t("Mål", "Goal"),
            s.goal + 1,
            l.t("av", "of")
        )
    } else {
        crate::app::review_mode::part_label(l, "").to_string()
    };
    let count = r.comments.written().count();
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(page, style::heading()),
            Span::raw(format!(
                " · {}{}",
                l.count(count, ("kommentar", "kommentarer"), ("comment", "comments")),
                if r.comments.overall.trim().is_empty() {
                    ""
                } else {
                    l.t(" och en samlad", " and an overall one")
                }
            )),
        ])),
        progress,
    );

    let [form_area, comments_area] = if body.width >= 110 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    };
    let here = slots(plan, s.goal);
    let width = form_area.width.saturating_sub(2) as usize;
    let (lines, _) = super::walk_form::form_lines(l, plan, s, width, &[]);
    let top = item_line(&lines, here.get(r.focus));
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(l.t(
                " Uppföljningen (skrivskyddad) ",
                " The follow-up (read-only) ",
            )))
            .wrap(Wrap { trim: false })
            .scroll(((top as u16).saturating_add(s.context_scroll), 0)),
        form_area,
    );
    comments(m, f, comments_area, plan, r, &here);
}

/// The line of the form where the focused comment's item starts (an
/// indicator's or activity's heading), so it is in view; 0 otherwise.
fn item_line(lines: &[Line<'static>], slot: Option<&Slot>) -> usize {
    let Some(Slot::On(code)) = slot else {
        return 0;
    };
    let Some(("indicator" | "activity", id)) = code.split_once(':') else {
        return 0;
    };
    let heading = format!("  {id} ");
    lines
        .iter()
        .position(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            text.starts_with(&heading)
        })
        .map_or(0, |i| i.saturating_sub(1))
}

/// The page's comments; the focused one open for writing when it is.
fn comments(m: &Model, f: &mut Frame, area: Rect, plan: &Plan, r: &Reviewing, here: &[Slot]) {
    let l = m.lang;
    let (list_area, editor_area) = match &r.editor {
        Some(_) => {
            let h = (area.height / 2).clamp(3, 8);
            let [a, b] = Layout::vertical([Constraint::Min(1), Constraint::Length(h)]).areas(area);
            (a, Some(b))
        }
        None => (area, None),
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut focus_line = 0;
    // A label keeps to one row: the page's other comments stay in view.
    let room = list_area.width.saturating_sub(4) as usize;
    for (i, slot) in here.iter().enumerate() {
        let focused = i == r.focus;
        if focused {
            focus_line = lines.len();
        }
        lines.push(Line::from(vec![
            Span::raw(if focused { "▶ " } else { "  " }),
            Span::styled(
                clip(&sanitize::line(&slot.label(l, plan)), room),
                if focused {
                    style::selected()
                } else {
                    style::label()
                },
            ),
        ]));
        let text = r.comments.text(slot);
        if text.trim().is_empty() {
            lines.push(Line::from(Span::styled(
                format!("    {}", l.t("(ingen kommentar)", "(no comment)")),
                style::dim(),
            )));
        } else {
            for row in sanitize::display(text).lines() {
                lines.push(Line::from(format!("    {row}")));
            }
        }
    }
    let height = list_area.height.saturating_sub(2) as usize;
    let scroll = focus_line.saturating_sub(height / 3);
    let hint = hints::join_keyed(
        m,
        Context::Reviewer,
        &[
            (Command::ReturnFollowUp, l.t("återsänd", "return")),
            (Command::ApproveFollowUp, l.t("godkänn", "approve")),
        ],
        " · ",
    );
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(l.t(" Kommentarer ", " Comments "));
    if !hint.is_empty() && r.decided.is_none() && r.refusal.is_none() {
        block = block.title_bottom(format!(" {hint} "));
    }
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll as u16, 0)),
        list_area,
    );
    if let (Some(area_text), Some(ed_area), Some(slot)) =
        (&r.editor, editor_area, here.get(r.focus))
    {
        let mut ta = area_text.clone();
        let done = hints::keyed(m, Context::Editor, Command::FinishEdit, l.t("klar", "done"));
        let mut block = Block::default().borders(Borders::ALL).title(format!(
            " {} ",
            clip(
                &sanitize::line(&slot.label(l, plan)),
                ed_area.width.saturating_sub(4) as usize
            )
        ));
        if let Some(done) = done {
            block = block.title_bottom(format!(" {done} "));
        }
        let block = super::spelling::frame_title(m, block, ed_area.width);
        ta.set_block(block);
        ta.set_cursor_line_style(Style::default());
        ta.set_cursor_style(Style::default());
        f.render_widget(&ta, ed_area);
        let inner = Block::default().borders(Borders::ALL).inner(ed_area);
        super::spelling::underline(&m.spelling, f.buffer_mut(), &ta, inner);
        let at = ta.screen_cursor();
        let (top, left) = ta.scroll_offset();
        let x = inner.x as usize + at.col.saturating_sub(left as usize);
        let y = inner.y as usize + at.row.saturating_sub(top as usize);
        f.set_cursor_position((
            x.min(inner.right().saturating_sub(1) as usize) as u16,
            y.min(inner.bottom().saturating_sub(1) as usize) as u16,
        ));
    }
}

fn saved_note(l: Lang, r: &Reviewing, today: crate::clock::Day) -> String {
    match (r.dirty, r.saved_at) {
        (_, Some(at)) => format!(
            "  · {} {}",
            l.t("kommentarerna sparade", "comments saved"),
            crate::clock::short(at as i64, today)
        ),
        (true, None) => format!("  · {}", l.t("ändrat", "changed")),
        (false, None) => String::new(),
    }
}

/// `text` cut to `room` columns, with "…" where it was cut.
fn clip(text: &str, room: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}
