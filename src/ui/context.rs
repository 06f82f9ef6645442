//! The plan around an enhetsmål: the KF goal and nämndmål above it, its
//! expected results, ways of working, follow-up, indicators and activities.

use super::style;
use crate::app::model::Earlier;
use crate::i18n::Lang;
use crate::plan::{Plan, Points, UnitGoal};
use crate::sanitize;
use ratatui::text::{Line, Span};

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
pub fn goal_lines(
    l: Lang,
    plan: &Plan,
    goal: &UnitGoal,
    earlier: &[Earlier],
) -> Vec<Line<'static>> {
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
    earlier_lines(&mut out, l, goal, earlier);
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

/// What was said about the goal before: newest first, each with its
/// rating, who committed it and when, the analysis and the deviations.
fn earlier_lines(out: &mut Vec<Line<'static>>, l: Lang, goal: &UnitGoal, earlier: &[Earlier]) {
    let said: Vec<(&Earlier, &crate::followup::GoalRecord)> = earlier
        .iter()
        .rev()
        .filter_map(|e| e.goal(&goal.id).map(|g| (e, g)))
        .collect();
    if said.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(heading(l.t("Tidigare uppföljningar", "Earlier follow-ups")));
    for (e, g) in said {
        let forecast = e.period.is_forecast();
        let rating = match g.rating {
            Some(r) => format!(
                "{} {}",
                r.symbol(),
                if l == Lang::Sv {
                    r.label_sv(forecast)
                } else {
                    r.label_en(forecast)
                }
            ),
            None => l.t("ingen bedömning", "no rating").to_string(),
        };
        out.push(Line::from(vec![
            Span::styled(format!("{} ", e.period), style::title()),
            Span::styled(rating, super::walk::rating_style(g.rating)),
            Span::styled(
                format!(
                    " · {} {}",
                    sanitize::line(&e.author),
                    crate::clock::date_time(e.time)
                ),
                style::dim(),
            ),
        ]));
        if !g.summary.trim().is_empty() {
            text_lines(out, &g.summary);
        }
        for (i, a) in g
            .analysis
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.trim().is_empty())
        {
            text_lines(out, &format!("{} {}: {a}", l.t("Punkt", "Point"), i + 1));
        }
        for d in &g.deviations {
            text_lines(
                out,
                &format!(
                    "{}: {} – {}: {}",
                    l.t("Avvikelse", "Deviation"),
                    d.what,
                    l.t("Åtgärd", "Measure"),
                    d.measure
                ),
            );
        }
    }
}
