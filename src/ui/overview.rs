//! The overview across units: the totals per status, a line of counts per
//! nämndmål, then one line per unit with its status and its goals' rating
//! symbols per nämndmål. Late and unmet units come first (see `overview::Sort`).

use super::style;
use crate::app::Model;
use crate::followup::Rating;
use crate::i18n::Lang;
use crate::overview::{Counts, FlowState, Mark, Overview, UnitRow};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let Some(state) = &m.overview else { return };
    let o = &state.data;
    let l = m.lang;
    // A third of the height at most for the nämndmål lines.
    let room = (area.height / 3).max(1) as usize;
    let group_lines = if o.groups.len() <= room {
        o.groups.len()
    } else {
        room
    };
    let [head, groups, columns, list] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(group_lines as u16),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let period = match l {
        Lang::Sv => o.period.title_sv(),
        Lang::En => o.period.title_en(),
    };
    let title = format!(
        "tertial · {} · {} {period} · {}",
        sanitize::line(&m.workspace_name),
        l.t("översikt", "overview"),
        l.count(o.totals.units(), ("enhet", "enheter"), ("unit", "units")),
    );
    let due = m.due.get(&o.period).copied();
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(title, style::title())),
            totals(o, l),
            super::waiting::line(m, state, due),
        ]),
        head,
    );
    f.render_widget(Paragraph::new(group_summary(o, group_lines)), groups);

    let widths: Vec<usize> = o
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let most = o
                .units
                .iter()
                .map(|u| u.cells.get(i).map_or(0, Vec::len))
                .max()
                .unwrap_or(0);
            most.max(g.label.width())
        })
        .collect();
    let shown = state.shown(&m.me);
    let status_w = shown
        .iter()
        .map(|&i| super::waiting::flow_text(l, &o.units[i], due, m.today).width())
        .max()
        .unwrap_or(0)
        .max(l.t("Status", "Status").width());
    let symbols_w: usize = widths.iter().map(|w| w + 1).sum();
    let name_w = (list.width as usize)
        .saturating_sub(2 + status_w + 1 + symbols_w + 1)
        .clamp(12, 40);
    let mut header = format!(
        "  {:<status_w$} {} ",
        l.t("Status", "Status"),
        fit(l.t("Enhet", "Unit"), name_w)
    );
    for (g, w) in o.groups.iter().zip(&widths) {
        header.push_str(&pad(&g.label, *w));
        header.push(' ');
    }
    let items: Vec<ListItem> = shown
        .iter()
        .map(|&i| {
            let status = super::waiting::flow_text(l, &o.units[i], due, m.today);
            unit_line(&o.units[i], &status, status_w, name_w, &widths)
        })
        .collect();
    f.render_widget(
        Paragraph::new(Span::styled(header, style::heading())),
        columns,
    );
    let widget = List::new(items)
        .highlight_style(style::selected())
        .highlight_symbol("▶ ");
    let mut ls = ListState::default().with_selected((!shown.is_empty()).then_some(state.selected));
    f.render_stateful_widget(widget, list, &mut ls);
}

/// The units in each place of the flow, as the rows and `tertial status`
/// count them: "Ej påbörjad 2 · utkast 1 · klar 3 · återsänd 1 · godkänd
/// 4"; a place no unit is in goes unsaid, so the line fits 80 columns.
fn totals(o: &Overview, l: Lang) -> Line<'static> {
    let count = |s: FlowState| o.units.iter().filter(|u| u.flow == s).count();
    let not_started = count(FlowState::NotStarted);
    let rest: Vec<String> = FlowState::ALL
        .into_iter()
        .filter(|s| *s != FlowState::NotStarted && count(*s) > 0)
        .map(|s| format!("{} {}", l.t(s.label_sv(), s.label_en()), count(s)))
        .collect();
    let mut spans = vec![
        Span::styled(
            format!("{} {}", l.t("Ej påbörjad", "Not started"), not_started),
            if not_started > 0 {
                style::error()
            } else {
                style::dim()
            },
        ),
        Span::raw(rest.iter().map(|r| format!(" · {r}")).collect::<String>()),
        Span::raw("   "),
    ];
    spans.extend(counts_spans(&o.counts, false));
    if !o.problems.is_empty() {
        spans.push(Span::styled(
            format!(
                "  {} {}",
                o.problems.len(),
                l.t("filer kunde inte läsas", "files could not be read")
            ),
            style::error(),
        ));
    }
    Line::from(spans)
}

/// The counts as "●7 ◐2 …"; `aligned` pads them into columns.
fn counts_spans(c: &Counts, aligned: bool) -> Vec<Span<'static>> {
    let marks = [
        Mark::Rated(Rating::Full),
        Mark::Rated(Rating::Partial),
        Mark::Rated(Rating::Not),
        Mark::Rated(Rating::NotAssessed),
        Mark::Missing,
    ];
    marks
        .iter()
        .zip(c.columns())
        .map(|(mark, (sym, _, n))| {
            let text = if aligned {
                format!("{sym}{n:<4} ")
            } else {
                format!("{sym}{n} ")
            };
            Span::styled(text, mark_style(*mark))
        })
        .collect()
}

fn group_summary(o: &Overview, lines: usize) -> Vec<Line<'static>> {
    let label_w = o.groups.iter().map(|g| g.label.width()).max().unwrap_or(1);
    let mut out: Vec<Line> = o
        .groups
        .iter()
        .take(lines)
        .map(|g| {
            let mut spans = vec![Span::styled(pad(&g.label, label_w + 1), style::label())];
            spans.extend(counts_spans(&g.counts, true));
            spans.push(Span::styled(
                sanitize::line(g.title.trim()).into_owned(),
                style::dim(),
            ));
            Line::from(spans)
        })
        .collect();
    let hidden = o.groups.len().saturating_sub(lines);
    if hidden > 0
        && let Some(last) = out.last_mut()
    {
        *last = Line::from(Span::styled(
            format!("+ {} nämndmål …", hidden + 1),
            style::dim(),
        ));
    }
    out
}

fn unit_line(
    u: &UnitRow,
    status: &str,
    status_w: usize,
    name_w: usize,
    widths: &[usize],
) -> ListItem<'static> {
    let status_style = match u.flow {
        FlowState::NotStarted | FlowState::Returned => style::error(),
        FlowState::Draft => Style::new().fg(Color::Yellow),
        FlowState::Done | FlowState::Approved => Style::new().fg(Color::Green),
    };
    let mut spans = vec![
        Span::styled(pad(status, status_w), status_style),
        Span::raw(" "),
        Span::raw(fit(&sanitize::line(u.name.trim()), name_w)),
        Span::raw(" "),
    ];
    for (cell, w) in u.cells.iter().zip(widths) {
        for g in cell {
            spans.push(Span::styled(g.mark.symbol(), mark_style(g.mark)));
        }
        spans.push(Span::raw(" ".repeat(w.saturating_sub(cell.len()) + 1)));
    }
    ListItem::new(Line::from(spans))
}

fn mark_style(mark: Mark) -> Style {
    match mark {
        Mark::Rated(Rating::Full) => Style::new().fg(Color::Green),
        Mark::Rated(Rating::Partial) => Style::new().fg(Color::Yellow),
        Mark::Rated(Rating::Not) => style::error(),
        Mark::Rated(Rating::NotAssessed) => style::dim(),
        Mark::Missing => style::label(),
    }
}

/// `s` padded with spaces to `w` columns.
fn pad(s: &str, w: usize) -> String {
    let n = s.width();
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

/// `s` cut to `w` columns (with "…") and padded to exactly `w`.
fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return pad(s, w);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    pad(&out, w)
}
