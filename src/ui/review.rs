//! The review before committing: every goal with its rating, analysis
//! length and deviations, then the lints, each a jump to its field.

use super::style;
use super::walk::rating_style;
use crate::app::{Model, ordered_lints};
use crate::i18n::Lang;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Row, Table};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let (Some(s), Some(plan)) = (&m.session, m.session_plan()) else {
        return;
    };
    let l = m.lang;
    let lints = ordered_lints(plan, &s.record);
    let open = lints.iter().filter(|x| x.waived.is_none()).count();
    let goals_height = (plan.unit_goals.len() as u16 + 3).min(area.height / 2);
    let [head, table_area, lint_area, waive_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(goals_height),
        Constraint::Min(3),
        Constraint::Length(if s.waiving.is_some() || s.reopening.is_some() {
            3
        } else {
            0
        }),
    ])
    .areas(area);
    let verdict = if s.locked() {
        Span::styled(
            l.t(
                "  Klar. Återöppna (o) med en motivering för att ändra.",
                "  Done. Reopen (o) with a reason to change it.",
            ),
            style::heading(),
        )
    } else if open == 0 {
        Span::styled(
            l.t(
                "  Allt klart: kan lämnas som klar (k).",
                "  All done: can be committed as done (k).",
            ),
            style::heading(),
        )
    } else {
        Span::styled(
            format!(
                "  {} {}",
                l.count(open, ("punkt", "punkter"), ("item", "items")),
                l.t("kvar före klar", "left before done")
            ),
            style::error(),
        )
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                l.t("Granska och lämna in", "Review and commit"),
                style::title(),
            ),
            verdict,
        ])),
        head,
    );
    let rows: Vec<Row> = plan
        .unit_goals
        .iter()
        .map(|g| {
            let rec = s.record.goal(&g.id);
            let rating = rec.and_then(|r| r.rating);
            let symbol = rating.map_or("?", |r| r.symbol());
            let label = match (rating, l) {
                (Some(r), Lang::Sv) => r.label_sv(s.period.is_forecast()),
                (Some(r), Lang::En) => r.label_en(s.period.is_forecast()),
                (None, _) => l.t("saknar bedömning", "not rated"),
            };
            Row::new(vec![
                Span::raw(sanitize::line(&g.id).into_owned()),
                Span::styled(format!("{symbol} {label}"), rating_style(rating)),
                Span::raw(format!("{}", rec.map_or(0, |r| r.analysis_len()))),
                Span::raw(format!("{}", rec.map_or(0, |r| r.deviations.len()))),
                Span::raw(sanitize::line(&g.title).into_owned()),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(5),
            Constraint::Length(26),
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Min(10),
        ],
    )
    .header(
        Row::new(vec![
            l.t("Mål", "Goal"),
            l.t("Bedömning", "Rating"),
            l.t("Analys", "Chars"),
            l.t("Avv.", "Dev."),
            l.t("Enhetsmål", "Unit goal"),
        ])
        .style(style::label()),
    )
    .block(Block::default().borders(Borders::ALL));
    f.render_widget(table, table_area);

    let items: Vec<ListItem> = if lints.is_empty() {
        vec![ListItem::new(l.t("Inga anmärkningar.", "No remarks."))]
    } else {
        lints
            .iter()
            .map(|x| {
                let what = if l == Lang::Sv {
                    x.kind.describe_sv()
                } else {
                    x.kind.describe_en()
                };
                let mut spans = vec![
                    Span::raw(format!("{:<7} ", sanitize::line(&x.target))),
                    Span::raw(what.to_string()),
                ];
                if let Some(reason) = &x.waived {
                    spans.push(Span::styled(
                        format!(
                            "  — {}: {}",
                            l.t("motiverat", "waived"),
                            sanitize::line(reason)
                        ),
                        style::dim(),
                    ));
                }
                ListItem::new(Line::from(spans))
            })
            .collect()
    };
    let list = List::new(items)
        .block(Block::default().borders(Borders::ALL).title(l.t(
            " Anmärkningar (Enter: gå dit, w: motivera) ",
            " Remarks (Enter: go there, w: waive) ",
        )))
        .highlight_style(style::selected())
        .highlight_symbol("▶ ");
    let mut state =
        ListState::default().with_selected((!lints.is_empty()).then_some(s.review_selected));
    f.render_stateful_widget(list, lint_area, &mut state);
    if let Some(area) = &s.reopening {
        let mut ta = area.clone();
        ta.set_block(Block::default().borders(Borders::ALL).title(l.t(
            " Varför återöppnas uppföljningen? (Enter återöppnar, Esc avbryter) ",
            " Why is the follow-up reopened? (Enter reopens, Esc cancels) ",
        )));
        f.render_widget(&ta, waive_area);
    }
    if let Some(area) = &s.waiving {
        let mut ta = area.clone();
        ta.set_block(Block::default().borders(Borders::ALL).title(l.t(
            " Motivering (Enter sparar, Esc avbryter) ",
            " Reason (Enter saves, Esc cancels) ",
        )));
        f.render_widget(&ta, waive_area);
    }
}
