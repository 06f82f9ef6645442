//! The start screen of a workspace with several units: a filterable list.

use super::style;
use crate::app::Model;
use crate::app::model::unit_label;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let l = m.lang;
    let [head, filter, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let title = format!(
        "tertial · {} · {}",
        sanitize::line(&m.workspace_name),
        l.t("välj enhet", "choose a unit")
    );
    f.render_widget(Paragraph::new(Span::styled(title, style::title())), head);
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(l.t("Filter: ", "Filter: "), style::label()),
            Span::raw(sanitize::line(&m.units.filter).into_owned()),
            Span::styled("▏", style::dim()),
            Span::styled(
                format!(
                    "   {} {}",
                    l.t(
                        "allt du skriver filtrerar, också ?;",
                        "everything typed filters, ? too;"
                    ),
                    m.key_name(crate::keymap::Context::Units, crate::keymap::Command::Help)
                        .map(|k| format!("{k} {}", l.t("visar hjälpen", "shows the help")))
                        .unwrap_or_default()
                ),
                style::dim(),
            ),
        ])),
        filter,
    );
    let rows = m.filtered_units();
    // Only the rows on screen are built: a city's list has thousands, and
    // the list is drawn again on every progress step while plans are read.
    // The window ends at the selected row as ratatui's own scrolling would.
    let height = list.height.saturating_sub(1).max(1) as usize;
    let selected = m.units.selected.min(rows.len().saturating_sub(1));
    let first = (selected + 1).saturating_sub(height);
    let items: Vec<ListItem> = rows
        .iter()
        .skip(first)
        .take(height)
        .map(|(i, hits)| {
            let p = &m.plans[*i];
            let label = unit_label(p);
            let mut spans: Vec<Span> = super::overlay::highlighted(&label, hits);
            spans.push(Span::styled(
                format!(
                    "  · {} {}",
                    p.plan.unit_goals.len(),
                    l.t("enhetsmål", "unit goals")
                ),
                style::dim(),
            ));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let count = format!(" {} / {} ", rows.len(), m.plans.len());
    let list_widget = List::new(items)
        .block(Block::default().borders(Borders::TOP).title(count))
        .highlight_style(style::selected())
        .highlight_symbol("▶ ");
    let mut state =
        ListState::default().with_selected((!rows.is_empty()).then_some(selected - first));
    f.render_stateful_widget(list_widget, list, &mut state);
}
