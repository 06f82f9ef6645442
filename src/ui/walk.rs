//! The walk: the plan's context of the current enhetsmål beside the form
//! where the chief records rating, analysis, deviations, outcomes and
//! activity statuses; the text editor below the form while editing.

use super::{context, style};
use crate::app::fields::{self, DevPart, Field, Sex};
use crate::app::{Model, Session};
use crate::followup::{ActivityStatus, Rating};
use crate::i18n::Lang;
use crate::keymap::{Command, Context};
use crate::plan::Plan;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    let (lines, focus_line) = form_lines(l, plan, s, form_area.width.saturating_sub(2) as usize);
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
        if let Some(why) = &e.invalid {
            block = block.title_bottom(Span::styled(format!(" {why} "), style::error()));
        }
        ta.set_block(block);
        ta.set_cursor_line_style(Style::default());
        // The terminal's own cursor, not a drawn one: typing then writes
        // the letter where the cursor already is, and nothing else.
        ta.set_cursor_style(Style::default());
        jump_scroll(&mut ta, area);
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

fn sex_label(l: Lang, sex: Sex) -> &'static str {
    match sex {
        Sex::Total => l.t("Periodens utfall", "Outcome"),
        Sex::Women => l.t("Utfall kvinnor/flickor", "Outcome women/girls"),
        Sex::Men => l.t("Utfall män/pojkar", "Outcome men/boys"),
    }
}

/// The form being laid out: its lines, and where the focused field is.
pub(super) struct Form<'a> {
    pub(super) lines: Vec<Line<'static>>,
    focus: usize,
    pub(super) focus_line: usize,
    index: usize,
    all: &'a [Field],
    /// The field open in the editor, and the form's inner width.
    editing: Option<&'a Field>,
    width: usize,
}

impl<'a> Form<'a> {
    /// A form for the session's page: `all` its fields, `width` its inner
    /// width.
    pub(super) fn new(s: &'a Session, all: &'a [Field], width: usize) -> Form<'a> {
        Form {
            lines: Vec::new(),
            focus: s.focus,
            focus_line: 0,
            index: 0,
            all,
            editing: s.editor.as_ref().map(|e| &e.field),
            width,
        }
    }

    pub(super) fn section(&mut self, text: &str) {
        self.lines.push(Line::default());
        self.lines
            .push(Line::from(Span::styled(text.to_string(), style::heading())));
    }

    pub(super) fn plain(&mut self, text: String, st: Style) {
        self.lines.push(Line::from(Span::styled(text, st)));
    }

    /// A field row: "label: value", marked when focused. Multi-line values
    /// continue on indented lines.
    pub(super) fn field(&mut self, field: &Field, label: &str, value: &str, value_style: Style) {
        let focused = self.all.get(self.focus) == Some(field);
        if focused {
            self.focus_line = self.lines.len();
        }
        self.index += 1;
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused {
            style::selected()
        } else {
            style::label()
        };
        let shown = sanitize::display(value);
        let mut rows = shown.lines();
        let first = rows.next().unwrap_or("");
        let label = if value.is_empty() {
            label.to_string()
        } else {
            format!("{label}:")
        };
        // The field open in the editor below keeps one row here, cut to
        // the width: typing there then neither rewrites this row nor moves
        // every row after it (each a redraw over the link).
        let editing = self.editing == Some(field);
        let first = if editing {
            let room = self
                .width
                .saturating_sub(marker.width() + label.width() + 1);
            clip(first, rows.next().is_some(), room)
        } else {
            first.to_string()
        };
        self.lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(label, label_style),
            Span::raw(" "),
            Span::styled(first, value_style),
        ]));
        for row in rows.filter(|_| !editing) {
            self.lines.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(row.to_string(), value_style),
            ]));
        }
    }
}

pub(super) fn empty_or(l: Lang, text: &str) -> (&str, Style) {
    if text.trim().is_empty() {
        (l.t("(tomt)", "(empty)"), style::dim())
    } else {
        (text, Style::default())
    }
}

/// The form's lines and the line of the focused field.
/// `text` cut to `room` columns, with "…" where it was cut (or where more
/// lines follow).
fn clip(text: &str, more: bool, room: usize) -> String {
    if !more && text.width() <= room {
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

/// The form of one goal's page: its rating, analysis, deviations,
/// indicators and activities; the line of the focused field.
fn form_lines(l: Lang, plan: &Plan, s: &Session, width: usize) -> (Vec<Line<'static>>, usize) {
    let Some(goal) = plan.unit_goals.get(s.goal) else {
        return super::unit_page::form_lines(l, s, width);
    };
    let all = fields::fields(plan, &s.record, goal);
    let mut form = Form::new(s, &all, width);
    form.lines.push(Line::from(vec![
        Span::styled(format!("{} ", sanitize::line(&goal.id)), style::dim()),
        Span::styled(sanitize::line(&goal.title).into_owned(), style::title()),
    ]));
    rating_and_analysis(&mut form, l, s, goal);
    deviations(&mut form, l, s, goal);
    let indicators = plan.indicators_for_goal(goal);
    if !indicators.is_empty() {
        form.section(l.t("Indikatorer", "Indicators"));
    }
    for ind in indicators {
        indicator(&mut form, l, s, ind);
    }
    let activities = plan.activities_for_goal(goal);
    if !activities.is_empty() {
        form.section(l.t("Aktiviteter", "Activities"));
    }
    for a in activities {
        activity(&mut form, l, s, a);
    }
    let focus_line = form.focus_line;
    (form.lines, focus_line)
}

/// The goal's rating (or forecast), summary and one analysis per
/// förväntat resultat.
fn rating_and_analysis(form: &mut Form, l: Lang, s: &Session, goal: &crate::plan::UnitGoal) {
    let rec = s.record.goal(&goal.id);
    let rating = rec.and_then(|r| r.rating);
    let label = if s.period.is_forecast() {
        l.t("Prognos", "Forecast")
    } else {
        l.t("Bedömning", "Rating")
    };
    form.field(
        &Field::Rating,
        label,
        &rating_text(l, rating, s.period.is_forecast()),
        rating_style(rating),
    );

    form.section(l.t("Analys", "Analysis"));
    let summary = rec.map(|r| r.summary.as_str()).unwrap_or("");
    let (v, st) = empty_or(l, summary);
    form.field(&Field::Summary, l.t("Sammanfattning", "Summary"), v, st);
    for (i, result) in goal.expected_results.iter().enumerate() {
        form.plain(
            format!("  ({}) {}", i + 1, sanitize::line(result)),
            style::dim(),
        );
        let text = rec
            .and_then(|r| r.analysis.get(i))
            .map(String::as_str)
            .unwrap_or("");
        let (v, st) = empty_or(l, text);
        form.field(
            &Field::Point(i),
            &format!("{} {}", l.t("Punkt", "Point"), i + 1),
            v,
            st,
        );
    }
}

/// The goal's deviations, each with its parts, and the field that adds one.
fn deviations(form: &mut Form, l: Lang, s: &Session, goal: &crate::plan::UnitGoal) {
    let rec = s.record.goal(&goal.id);
    form.section(l.t("Avvikelser och åtgärder", "Deviations and measures"));
    for (i, d) in rec
        .map(|r| r.deviations.as_slice())
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        form.plain(
            format!("  {} {}", l.t("Avvikelse", "Deviation"), i + 1),
            style::title(),
        );
        for part in DevPart::ALL {
            let text = fields::text_of(&s.record, &goal.id, &Field::Deviation(i, part));
            let (v, st) = if text.is_empty() {
                ("–", style::dim())
            } else {
                (text.as_str(), Style::default())
            };
            let _ = d;
            form.field(&Field::Deviation(i, part), part.label(l), v, st);
        }
    }
    form.field(
        &Field::AddDeviation,
        l.t("[+] Lägg till avvikelse", "[+] Add deviation"),
        "",
        Style::default(),
    );
}

/// One indicator: its targets, earlier values, outcomes and "no data".
fn indicator(form: &mut Form, l: Lang, s: &Session, ind: &crate::plan::Indicator) {
    let r = s.record.indicator(&ind.id);
    form.plain(
        format!(
            "  {} {}",
            sanitize::line(&ind.id),
            sanitize::line(&ind.name)
        ),
        style::title(),
    );
    form.plain(
        format!(
            "    {} {} · {} {} · {}{}",
            l.t("Årsmål", "Target"),
            sanitize::line(ind.annual_target.as_deref().unwrap_or("–")),
            l.t("KF:s årsmål", "Council target"),
            sanitize::line(ind.kf_target.as_deref().unwrap_or("–")),
            ind.periodicity.label(),
            if crate::followup::lint::indicator_due(ind.periodicity, s.period) {
                ""
            } else {
                l.t(" · mäts till VB", " · measured for VB")
            }
        ),
        style::dim(),
    );
    let trend: Vec<String> = s
        .earlier
        .iter()
        .filter_map(|e| {
            let r = e.indicator(&ind.id)?;
            let v = match (r.total, r.no_data) {
                (Some(v), _) => ind.format_value(v),
                (None, true) => l.t("inga data", "no data").to_string(),
                _ => return None,
            };
            Some(format!(
                "{} {v}",
                e.period.kind.code_with_year(e.period.year)
            ))
        })
        .collect();
    if !trend.is_empty() {
        form.plain(
            format!("    {}: {}", l.t("Tidigare", "Earlier"), trend.join(" · ")),
            style::dim(),
        );
    }
    let mut sexes = vec![Sex::Total];
    if ind.by_sex {
        sexes.extend([Sex::Women, Sex::Men]);
    }
    for sex in sexes {
        let value = r.and_then(|r| match sex {
            Sex::Total => r.total,
            Sex::Women => r.women,
            Sex::Men => r.men,
        });
        let (text, st) = match value {
            Some(v) => {
                let verdict = match (sex, ind.meets(v)) {
                    (Sex::Total, Some(true)) => l.t("  ✓ når årsmålet", "  ✓ meets the target"),
                    (Sex::Total, Some(false)) => {
                        l.t("  ✗ når inte årsmålet", "  ✗ below the target")
                    }
                    _ => "",
                };
                (
                    format!("{}{verdict}", ind.format_value(v)),
                    Style::default(),
                )
            }
            None if r.is_some_and(|r| r.no_data) => {
                (l.t("Inga data", "No data").to_string(), style::dim())
            }
            None => ("–".to_string(), style::dim()),
        };
        form.field(
            &Field::Outcome(ind.id.clone(), sex),
            sex_label(l, sex),
            &text,
            st,
        );
    }
    let no_data = r.is_some_and(|r| r.no_data);
    form.field(
        &Field::NoData(ind.id.clone()),
        l.t("Inga data", "No data"),
        if no_data { "[x]" } else { "[ ]" },
        Style::default(),
    );
}

/// One activity: its span, status, deviation and analysis.
fn activity(form: &mut Form, l: Lang, s: &Session, a: &crate::plan::Activity) {
    let r = s.record.activity(&a.id);
    form.plain(
        format!("  {} {}", sanitize::line(&a.id), sanitize::line(&a.text)),
        style::title(),
    );
    form.plain(format!("    {} – {}", a.start, a.end), style::dim());
    let status = r.and_then(|r| r.status);
    let status_text = match status {
        Some(st) => if l == Lang::Sv {
            st.label_sv()
        } else {
            st.label_en()
        }
        .to_string(),
        None => l.t("– ej vald", "– not chosen").to_string(),
    };
    let st = match status {
        Some(ActivityStatus::Delayed | ActivityStatus::Cancelled) => style::error(),
        Some(_) => Style::default(),
        None => style::dim(),
    };
    form.field(
        &Field::ActivityStatus(a.id.clone()),
        l.t("Status", "Status"),
        &status_text,
        st,
    );
    let dev = r.is_some_and(|r| r.deviation);
    form.field(
        &Field::ActivityDeviation(a.id.clone()),
        l.t("Avvikelse", "Deviation"),
        if dev {
            l.t("[x] ja", "[x] yes")
        } else {
            l.t("[ ] nej", "[ ] no")
        },
        Style::default(),
    );
    let text = r.map(|r| r.analysis.as_str()).unwrap_or("");
    let (v, st) = empty_or(l, text);
    form.field(
        &Field::ActivityAnalysis(a.id.clone()),
        l.t("Analys", "Analysis"),
        v,
        st,
    );
}
