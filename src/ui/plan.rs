//! One unit's plan: its enhetsmål in document order on the left, the
//! selected goal with its whole context on the right.

use super::style;
use crate::app::Model;
use crate::i18n::Lang;
use crate::plan::{Plan, Points, UnitGoal};
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, List, ListItem, ListState, Paragraph, Wrap};

pub fn view(m: &Model, f: &mut Frame, area: Rect) {
    let Some(lp) = m.current_plan() else {
        f.render_widget(Paragraph::new(m.lang.t("Ingen plan.", "No plan.")), area);
        return;
    };
    let plan = &lp.plan;
    let l = m.lang;
    let [head, progress, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let title = format!(
        "{} · {} {}",
        sanitize::line(&plan.unit.name),
        l.t("verksamhetsplan", "operational plan"),
        plan.unit.year
    );
    f.render_widget(Paragraph::new(Span::styled(title, style::title())), head);

    let total = plan.unit_goals.len();
    let current = if total == 0 { 0 } else { m.plan.goal + 1 };
    let label = format!(
        "{} {current} {} {total}",
        l.t("Mål", "Goal"),
        l.t("av", "of")
    );
    let ratio = if total == 0 {
        0.0
    } else {
        current as f64 / total as f64
    };
    f.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(label)
            .gauge_style(style::heading()),
        progress,
    );

    let wide = body.width >= 100;
    let [list_area, detail_area] = if wide {
        Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(body)
    };
    let items: Vec<ListItem> = plan
        .unit_goals
        .iter()
        .map(|g| {
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<4}", sanitize::line(&g.id)), style::dim()),
                Span::raw(sanitize::line(&g.title).into_owned()),
            ]))
        })
        .collect();
    let list = List::new(items)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(l.t(" Enhetsmål ", " Unit goals ")),
        )
        .highlight_style(style::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected((total > 0).then_some(m.plan.goal));
    f.render_stateful_widget(list, list_area, &mut state);

    let lines = match plan.unit_goals.get(m.plan.goal) {
        Some(goal) => goal_lines(l, plan, goal),
        None => vec![Line::from(
            l.t("Planen har inga enhetsmål.", "The plan has no unit goals."),
        )],
    };
    let detail = Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL))
        .wrap(Wrap { trim: false })
        .scroll((m.plan.scroll, 0));
    f.render_widget(detail, detail_area);
}

fn heading(text: &str) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), style::label()))
}

fn text_lines(out: &mut Vec<Line<'static>>, text: &str) {
    for line in sanitize::display(text).lines() {
        out.push(Line::from(line.to_string()));
    }
}

fn points(out: &mut Vec<Line<'static>>, title: &str, p: &Points) {
    if p.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(heading(title));
    for (i, item) in p.items().iter().enumerate() {
        if p.is_numbered() {
            text_lines(out, &format!("{}. {item}", i + 1));
        } else {
            text_lines(out, item);
        }
    }
}

/// The goal with everything above and around it, as a chief needs it.
pub fn goal_lines(l: Lang, plan: &Plan, goal: &UnitGoal) -> Vec<Line<'static>> {
    let ctx = plan.context(goal);
    let mut out = Vec::new();
    if let Some(kf) = ctx.kf {
        out.push(Line::from(vec![
            Span::styled(
                l.t("KF:s inriktningsmål: ", "Council direction: "),
                style::dim(),
            ),
            Span::raw(format!(
                "{}. {}",
                sanitize::line(&kf.id),
                sanitize::line(&kf.title)
            )),
        ]));
    }
    if let Some(area) = ctx.area {
        out.push(Line::from(vec![
            Span::styled(
                l.t(
                    "KF:s mål för verksamhetsområdet: ",
                    "Council goal for the area: ",
                ),
                style::dim(),
            ),
            Span::raw(format!(
                "{} {}",
                sanitize::line(&area.id),
                sanitize::line(&area.title)
            )),
        ]));
    }
    if let Some(c) = ctx.committee {
        out.push(Line::from(vec![
            Span::styled(l.t("Nämndmål: ", "Committee goal: "), style::dim()),
            Span::raw(sanitize::line(&c.title).into_owned()),
        ]));
    }
    out.push(Line::default());
    out.push(Line::from(vec![
        Span::styled(format!("{} ", sanitize::line(&goal.id)), style::dim()),
        Span::styled(sanitize::line(&goal.title).into_owned(), style::heading()),
    ]));
    points(
        &mut out,
        l.t("Förväntat resultat", "Expected results"),
        &Points::Numbered(goal.expected_results.clone()),
    );
    points(
        &mut out,
        l.t("Arbetssätt", "Ways of working"),
        &goal.ways_of_working,
    );
    points(
        &mut out,
        l.t("Resursanvändning", "Resources"),
        &goal.resources,
    );
    points(&mut out, l.t("Uppföljning", "Follow-up"), &goal.follow_up);
    points(
        &mut out,
        l.t("Utveckling", "Development"),
        &goal.development,
    );
    points(&mut out, l.t("Kommentar", "Comment"), &goal.comment);

    let indicators = plan.indicators_for_goal(goal);
    if !indicators.is_empty() {
        out.push(Line::default());
        out.push(heading(l.t("Indikatorer", "Indicators")));
        for x in indicators {
            out.push(Line::from(format!("• {}", sanitize::line(&x.name))));
            out.push(Line::from(Span::styled(
                format!(
                    "  {} {} · {} {} · {}",
                    l.t("Årsmål", "Target"),
                    sanitize::line(x.annual_target.as_deref().unwrap_or("–")),
                    l.t("KF:s årsmål", "Council target"),
                    sanitize::line(x.kf_target.as_deref().unwrap_or("–")),
                    x.periodicity.label()
                ),
                style::dim(),
            )));
        }
    }
    let activities = plan.activities_for_goal(goal);
    if !activities.is_empty() {
        out.push(Line::default());
        out.push(heading(l.t("Aktiviteter", "Activities")));
        for a in activities {
            out.push(Line::from(format!("• {}", sanitize::line(&a.text))));
            out.push(Line::from(Span::styled(
                format!("  {} – {}", a.start, a.end),
                style::dim(),
            )));
        }
    }
    out
}
