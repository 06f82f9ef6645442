//! The walk: the plan's context of the current enhetsmål beside the form
//! where the chief records rating, analysis, deviations, outcomes and
//! activity statuses; the text editor below the form while editing.

use super::walk_form::form_lines;
pub(super) use super::walk_form::{Form, empty_or};
use super::{context, style};
use crate::app::fields::{Field, Sex};
use crate::app::{Model, Session};
use crate::followup::Rating;
use crate::i18n::Lang;
use crate::keymap::{Command, Context};
use crate::plan::Plan;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
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
        format!("{} · {period}", sanitize::line(&plan.unit.name)),
        style::title(),
    )];
    if s.read_only {
        let who = match &s.held_by {
            Some(h) => format!(
                "  [{} {}]",
                l.t("skrivskyddad: öppen hos", "read-only: open by"),
                sanitize::line(h)
            ),
            None => format!("  [{}]", l.t("skrivskyddad", "read-only")),
        };
        title.push(Span::styled(who, style::error()));
    }
    title.push(Span::styled(draft_note(l, s, m.today), style::dim()));
    f.render_widget(Paragraph::new(Line::from(title)), head);

    let total = plan.unit_goals.len();
    if total == 0 {
        f.render_widget(
            Paragraph::new(l.t("Planen har inga enhetsmål.", "The plan has no unit goals.")),
            body,
        );
        return;
    }
    let rated = plan
        .unit_goals
        .iter()
        .filter(|g| s.record.goal(&g.id).and_then(|r| r.rating).is_some())
        .count();
    // How much is done, not where the chief is: rated goals and the
    // unit's parts written.
    let parts = crate::app::review::UnitPart::ALL;
    let parts_done = parts.iter().filter(|p| p.done(&s.record)).count();
    let (done, all) = (rated + parts_done, total + parts.len());
    let label = if s.goal < total {
        format!(
            "{} {} {} {total} · {} · {done}/{all} {}",
            l.t("Mål", "Goal"),
            s.goal + 1,
            l.t("av", "of"),
            l.count(rated, ("bedömd", "bedömda"), ("rated", "rated")),
            l.t("klart", "done")
        )
    } else {
        format!(
            "{} · {rated} {} {total} {} · {done}/{all} {}",
            super::unit_page::title(l),
            l.t("av", "of"),
            l.t("mål bedömda", "goals rated"),
            l.t("klart", "done")
        )
    };
    let status = status_note(l, s);
    let [gauge_area, status_area] = Layout::horizontal([
        Constraint::Min(10),
        Constraint::Length(status.chars().count() as u16 + 1),
    ])
    .areas(progress);
    f.render_widget(
        Gauge::default()
            .ratio((done as f64 / all as f64).min(1.0))
            .label(label)
            .gauge_style(style::heading()),
        gauge_area,
    );
    f.render_widget(
        Paragraph::new(Span::styled(status, style::label()))
            .alignment(ratatui::layout::Alignment::Right),
        status_area,
    );

    let [ctx_area, form_area] = if body.width >= 110 {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(body)
    };
    let ctx_lines = match plan.unit_goals.get(s.goal) {
        Some(goal) => context::goal_lines(l, plan, goal, &s.earlier),
        None => super::unit_page::context_lines(l),
    };
    let ctx = Paragraph::new(ctx_lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(l.t(" Planen ", " The plan ")),
        )
        .wrap(Wrap { trim: false })
        .scroll((s.context_scroll, 0));
    f.render_widget(ctx, ctx_area);

    let (form_area, editor_area) = match &s.editor {
        Some(_) => {
            let h = (form_area.height / 2).clamp(3, 14);
            let [a, b] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(h)]).areas(form_area);
            (a, Some(b))
        }
        None => (form_area, None),
    };
    let previous = super::writing::previous_texts(m, plan, s);
    let (lines, focus_line) = form_lines(
        l,
        plan,
        s,
        form_area.width.saturating_sub(2) as usize,
        &previous,
    );
    let scroll = scroll_to_show(&lines, focus_line, form_area);
    let title = if s.period.is_forecast() {
        l.t(
            " Uppföljning · prognos för helåret ",
            " Follow-up · forecast for the year ",
        )
    } else {
        l.t(" Uppföljning · helår ", " Follow-up · full year ")
    };
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(title))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        form_area,
    );
    if let (Some(e), Some(area)) = (&s.editor, editor_area) {
        let mut ta = e.area.clone();
        let name = field_label(l, plan, s, &e.field);
        let hint = super::hints::join_keyed(
            m,
            Context::Editor,
            &[
                (Command::FinishEdit, l.t("klar", "done")),
                (Command::CancelEdit, l.t("avbryt", "cancel")),
                (Command::ExternalEditor, "$EDITOR"),
            ],
            " · ",
        );
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", sanitize::line(&name)));
        if !hint.is_empty() {
            block = block.title_bottom(format!(" {hint} "));
        }
        // The count on the bottom border beside the keys, where a
        // keystroke's digit costs the least to send; on the top border
        // when the keys leave no room for it.
        if let Some(count) = super::writing::count_title(m, e) {
            let keys = if hint.is_empty() {
                0
            } else {
                hint.chars().count() + 2
            };
            if keys + count.width() + 3 <= area.width as usize {
                block = block.title_bottom(count);
            } else {
                block = block.title(count);
            }
        }
        if let Some(why) = &e.invalid {
            block = block.title_bottom(Span::styled(format!(" {why} "), style::error()));
        }
        let block = super::spelling::frame_title(m, block, area.width);
        ta.set_block(block);
        ta.set_cursor_line_style(Style::default());
        // The terminal's own cursor, not a drawn one: typing then writes
        // the letter where the cursor already is, and nothing else.
        ta.set_cursor_style(Style::default());
        jump_scroll(&mut ta, area);
        f.render_widget(&ta, area);
        let inner = Block::default().borders(Borders::ALL).inner(area);
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

/// When the text outgrows the editor, scrolls it half a page at a time
/// instead of a row per new line: each scroll rewrites every visible row
/// on the terminal, so fewer, larger steps cost far fewer bytes over SSH
/// (vim's 'scrolljump'). The top row depends only on the cursor's row, so
/// every frame agrees.
fn jump_scroll(ta: &mut ratatui_textarea::TextArea<'static>, area: Rect) {
    // A first layout in a scratch buffer gives the smallest scroll that
    // shows the cursor, and stores the editor's size in its viewport.
    let mut scratch = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&*ta, area, &mut scratch);
    let (minimal, _) = ta.scroll_offset();
    if minimal == 0 {
        return;
    }
    let rows = area.height.saturating_sub(2).max(1);
    let step = (rows / 2).max(1);
    // The next multiple of half a page: the cursor stays in view, since
    // it sits on the last row at the smallest scroll.
    let top = minimal.div_ceil(step) * step;
    if top > minimal {
        ta.scroll(((top - minimal) as i16, 0));
    }
}

/// The scroll offset (in screen rows, after wrapping) that shows the
/// focused line a third of the way down, without scrolling past the end.
fn scroll_to_show(lines: &[Line<'static>], focus_line: usize, area: Rect) -> u16 {
    let width = area.width.saturating_sub(2).max(1);
    let height = area.height.saturating_sub(2) as usize;
    let rows = |ls: &[Line<'static>]| {
        Paragraph::new(ls.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(width)
    };
    let focus_row = rows(&lines[..focus_line.min(lines.len())]);
    let total = rows(lines);
    let wanted = focus_row.saturating_sub(height / 3);
    wanted.min(total.saturating_sub(height)) as u16
}

/// Where the follow-up stands: utkast, klar or återöppnad, and when it
/// was last committed.
fn status_note(l: Lang, s: &Session) -> String {
    let status = s.committed.unwrap_or(s.record.status);
    let code = match (l, status) {
        (Lang::Sv, st) => st.code(),
        (Lang::En, crate::followup::Status::Draft) => "draft",
        (Lang::En, crate::followup::Status::Done) => "done",
        (Lang::En, crate::followup::Status::Reopened) => "reopened",
    };
    match (s.committed, s.committed_at) {
        (Some(_), Some(at)) => format!(
            "{code} · {} {}",
            l.t("inlämnad", "committed"),
            crate::clock::date_time(at as i64)
        ),
        (Some(_), None) => format!("{code} · {}", l.t("inlämnad", "committed")),
        (None, _) => format!("{code} · {}", l.t("ej inlämnad", "not committed")),
    }
}

fn draft_note(l: Lang, s: &Session, today: crate::clock::Day) -> String {
    if s.save_error.is_some() {
        return format!(
            "  · {}",
            l.t("UTKASTET KAN INTE SPARAS", "THE DRAFT CANNOT BE SAVED")
        );
    }
    match (s.dirty, s.draft_saved_at) {
        // Once a draft is saved, changes are saved within a second: the
        // note keeps its time instead of flipping at every keystroke and
        // save (each flip a redraw over the link).
        (_, Some(at)) => format!(
            "  · {} {}",
            l.t("utkast sparat", "draft saved"),
            crate::clock::short(at as i64, today)
        ),
        (true, None) => format!("  · {}", l.t("ändrat", "changed")),
        (false, None) => String::new(),
    }
}

pub fn rating_style(r: Option<Rating>) -> Style {
    let base = Style::new().add_modifier(Modifier::BOLD);
    match r {
        Some(Rating::Full) => base.fg(Color::Green),
        Some(Rating::Partial) => base.fg(Color::Yellow),
        Some(Rating::Not) => base.fg(Color::Red),
        Some(Rating::NotAssessed) | None => base,
    }
}

pub fn rating_text(l: Lang, r: Option<Rating>, forecast: bool) -> String {
    match r {
        Some(r) => format!(
            "{} {}",
            r.symbol(),
            if l == Lang::Sv {
                r.label_sv(forecast)
            } else {
                r.label_en(forecast)
            }
        ),
        None => l
            .t(
                "? ej vald – tryck 1 helt, 2 delvis, 3 inte, 4 ej bedömd",
                "? not chosen – press 1 full, 2 partly, 3 not, 4 not assessed",
            )
            .to_string(),
    }
}

/// The name of a field, for the editor's title.
pub fn field_label(l: Lang, plan: &Plan, s: &Session, field: &Field) -> String {
    if let Some(label) = super::unit_page::field_label(l, field) {
        return label;
    }
    let Some(goal) = plan.unit_goals.get(s.goal) else {
        return String::new();
    };
    match field {
        Field::Rating => l.t("Bedömning", "Rating").into(),
        Field::Summary => format!(
            "{} · {}",
            goal.id,
            l.t("Sammanfattande analys", "Summary analysis")
        ),
        Field::Point(i) => format!(
            "{} · {} {}",
            goal.id,
            l.t("Analys punkt", "Analysis point"),
            i + 1
        ),
        Field::Deviation(i, p) => format!(
            "{} · {} {} · {}",
            goal.id,
            l.t("Avvikelse", "Deviation"),
            i + 1,
            p.label(l)
        ),
        Field::AddDeviation => l.t("Ny avvikelse", "New deviation").into(),
        Field::Outcome(id, sex) => format!("{id} · {}", sex_label(l, *sex)),
        Field::NoData(id) => format!("{id} · {}", l.t("Inga data", "No data")),
        Field::ActivityStatus(id) | Field::ActivityDeviation(id) => id.clone(),
        Field::ActivityAnalysis(id) => format!("{id} · {}", l.t("Analys", "Analysis")),
        _ => String::new(),
    }
}

pub(super) fn sex_label(l: Lang, sex: Sex) -> &'static str {
    match sex {
        Sex::Total => l.t("Periodens utfall", "Outcome"),
        Sex::Women => l.t("Utfall kvinnor/flickor", "Outcome women/girls"),
        Sex::Men => l.t("Utfall män/pojkar", "Outcome men/boys"),
    }
}
