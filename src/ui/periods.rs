//! Choosing the period (T1, T2, VB) of the chosen unit.

use super::style;
use crate::app::Model;
use crate::followup::Status;
use crate::i18n::Lang;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let Some(p) = &m.periods else { return };
    let Some(lp) = m.plans.get(p.plan) else {
        return;
    };
    let l = m.lang;
    let [head, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                sanitize::line(&lp.plan.unit.name).into_owned(),
                style::title(),
            )),
            Line::from(l.t("Välj period:", "Choose the period:")),
        ]),
        head,
    );
    let items: Vec<ListItem> = p
        .periods
        .iter()
        .map(|info| {
            let title = match l {
                Lang::Sv => info.period.title_sv(),
                Lang::En => info.period.title_en(),
            };
            let state = match info.committed {
                Some(Status::Done) => l.t("klar", "done"),
                Some(Status::Draft) => l.t("utkast inlämnat", "draft committed"),
                Some(Status::Reopened) => l.t("återöppnad", "reopened"),
                None => l.t("ej påbörjad", "not started"),
            };
            let draft = if info.has_draft {
                l.t(" · osparat utkast finns", " · unsaved draft exists")
            } else {
                ""
            };
            ListItem::new(Line::from(vec![
                Span::raw(format!("{:<8} ", info.period.to_string())),
                Span::raw(format!("{title:<28} ")),
                Span::styled(format!("{state}{draft}"), style::dim()),
            ]))
        })
        .collect();
    let widget = List::new(items)
        .block(Block::default().borders(Borders::TOP))
        .highlight_style(style::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(p.selected));
    f.render_stateful_widget(widget, list, &mut state);
}
