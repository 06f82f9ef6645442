//! "Copy for ILS": the follow-up as plain text, one enhetsmål after the
//! other and field by field (bedömning, analys, avvikelser, indikatorer,
//! aktiviteter), each field's text ready to paste into the city's web
//! system. No markup; every text sanitized.

use super::{NOT_FILLED, activity_row, clean, indicator_row, link_label, rating_label, title};
use crate::followup::FollowUp;
use crate::plan::Plan;

pub(super) fn render(plan: &Plan, f: &FollowUp, earlier: &[FollowUp]) -> String {
    let mut out = String::new();
    let head = format!(
        "{} – {}",
        title(f),
        crate::sanitize::line(plan.unit.name.trim())
    );
    out.push_str(&underline(&head, '='));
    field(&mut out, "Sammanfattande analys", &clean(f.summary.trim()));
    out.push('\n');
    for (n, goal) in plan.unit_goals.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let rec = f.goal(&goal.id);
        out.push_str(&underline(
            &format!("Enhetsmål: {}", crate::sanitize::line(&goal.title)),
            '-',
        ));
        let rating = rec.and_then(|r| r.rating);
        field(
            &mut out,
            "Måluppfyllelse",
            &rating_label(rating, f.period.is_forecast()),
        );
        let summary = rec.map(|r| r.summary.trim()).unwrap_or("");
        field(&mut out, "Analys", &clean(summary));
        for (i, _) in goal.expected_results.iter().enumerate() {
            let text = rec
                .and_then(|r| r.analysis.get(i))
                .map(|a| a.trim())
                .unwrap_or("");
            field(&mut out, &format!("Punkt {}", i + 1), &clean(text));
        }
        for (i, d) in rec
            .map(|r| r.deviations.as_slice())
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let mut text = clean(d.what.trim());
            if let Some(link) = &d.link {
                text.push_str(&format!("\nGäller: {}", clean(&link_label(plan, link))));
            }
            if !d.cause.trim().is_empty() {
                text.push_str(&format!("\nOrsak: {}", clean(d.cause.trim())));
            }
            field(&mut out, &format!("Avvikelse {}", i + 1), &text);
            let mut measure = clean(d.measure.trim());
            if let Some(r) = &d.responsible {
                measure.push_str(&format!("\nAnsvarig: {}", clean(r)));
            }
            if let Some(due) = d.due {
                measure.push_str(&format!("\nKlart senast: {due}"));
            }
            match (d.done, d.note.trim()) {
                (false, _) => {}
                (true, "") => measure.push_str("\nÅtgärdad"),
                (true, note) => measure.push_str(&format!("\nÅtgärdad: {}", clean(note))),
            }
            field(&mut out, &format!("Åtgärd {}", i + 1), &measure);
        }
        for ind in plan.indicators_for_goal(goal) {
            let r = indicator_row(ind, f, None);
            field(&mut out, "Indikator", &r.name);
            field(&mut out, "Periodens utfall", &r.total);
            if ind.by_sex {
                field(&mut out, "Utfall män/pojkar", &r.men);
                field(&mut out, "Utfall kvinnor/flickor", &r.women);
            }
            field(&mut out, "Årsmål", &r.target);
            field(&mut out, "KF:s årsmål", &r.kf_target);
            field(&mut out, "Period", &r.period);
        }
        for act in plan.activities_for_goal(goal) {
            let r = activity_row(act, f);
            field(&mut out, "Aktivitet", &r.text);
            field(&mut out, "Status", &r.status);
            field(&mut out, "Avvikelse", &r.deviation);
            field(&mut out, "Analys", &r.analysis);
        }
    }
    unit_parts(f, earlier, &mut out);
    out
}

/// The unit-level sections after the goals, field by field.
fn unit_parts(f: &FollowUp, earlier: &[FollowUp], out: &mut String) {
    out.push('\n');
    out.push_str(&underline("Uppföljning av ekonomi", '-'));
    let amount = |v: Option<f64>| {
        v.map(super::unit_parts::amount)
            .unwrap_or_else(|| super::NO_DATA.into())
    };
    field(out, "Budget (tkr)", &amount(f.economy.budget));
    let outcome = if f.period.is_forecast() {
        "Prognos helår (tkr)"
    } else {
        "Utfall (tkr)"
    };
    field(out, outcome, &amount(f.economy.outcome));
    field(out, "Analys", &clean(f.economy.analysis.trim()));
    out.push('\n');
    out.push_str(&underline("Systematiskt kvalitetsarbete", '-'));
    let q = &f.quality;
    field(out, "Systematiskt kvalitetsarbete", &clean(q.text.trim()));
    field(out, "Lex Sarah/lex Maria", &clean(q.lex_sarah.trim()));
    field(out, "Avvikelser", &clean(q.deviations.trim()));
    if !q.other.trim().is_empty() {
        field(out, "Övrigt", &clean(q.other.trim()));
    }
    out.push('\n');
    out.push_str(&underline("Redovisning av synpunkter och klagomål", '-'));
    let mut any = false;
    for c in &crate::followup::CATEGORIES {
        let counts = super::unit_parts::counts(f, earlier, c.code);
        let assessment = f.complaint(c.code).map_or("", |r| r.assessment.trim());
        let Some(now) = counts.last().copied().flatten() else {
            if assessment.is_empty() {
                continue;
            }
            field(
                out,
                &format!("{} – {}", c.group, c.name),
                &clean(assessment),
            );
            any = true;
            continue;
        };
        let total = super::unit_parts::accumulated(&counts).unwrap_or(now);
        let mut text = format!("{now} (totalt ack {total})");
        if !assessment.is_empty() {
            text.push_str(&format!("\n{}", clean(assessment)));
        }
        field(out, &format!("{} – {}", c.group, c.name), &text);
        any = true;
    }
    if !any {
        field(out, "Synpunkter och klagomål", "");
    }
}

fn underline(s: &str, c: char) -> String {
    let n = s.chars().count();
    format!("{s}\n{}\n", c.to_string().repeat(n))
}

/// "Label:" on its own line, the text under it, a blank line after.
fn field(out: &mut String, label: &str, text: &str) {
    out.push('\n');
    out.push_str(label);
    out.push_str(":\n");
    if text.trim().is_empty() {
        out.push_str(NOT_FILLED);
    } else {
        out.push_str(text.trim());
    }
    out.push('\n');
}
