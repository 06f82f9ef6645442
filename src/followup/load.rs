//! Reading a follow-up file and checking it against its plan: every id it
//! names exists, points and links fit the goal, values are consistent.

use super::model::{FollowUp, SCHEMA_VERSION};
use crate::diag::Diagnostic;
use crate::i18n::current;
use crate::plan::Plan;
use crate::plan::spans::{self, Path};
use crate::toml_path;

pub const MAX_FOLLOWUP_BYTES: usize = 4 * 1024 * 1024;

/// Parses `bytes` and checks them against `plan`.
pub fn parse_followup(file: &str, bytes: &[u8], plan: &Plan) -> Result<FollowUp, Vec<Diagnostic>> {
    let src =
        crate::plan::load::decode_text(file, bytes, MAX_FOLLOWUP_BYTES).map_err(|d| vec![d])?;
    let f = toml::from_str::<FollowUp>(src).map_err(|e| {
        vec![Diagnostic::at(
            file,
            src,
            e.span().unwrap_or(0..0),
            crate::plan::load::humanize(e.message()),
        )]
    })?;
    let problems = check(&f, plan);
    if problems.is_empty() {
        return Ok(f);
    }
    Err(problems
        .into_iter()
        .map(|(path, msg)| Diagnostic::at(file, src, spans::locate(src, &path), msg))
        .collect())
}

/// Parses a follow-up without a plan (drafts, history): syntax and types only.
pub fn parse_unchecked(bytes: &[u8]) -> Option<FollowUp> {
    let src = std::str::from_utf8(bytes).ok()?;
    toml::from_str(src.trim_start_matches('\u{feff}')).ok()
}

fn check(f: &FollowUp, plan: &Plan) -> Vec<(Path, String)> {
    let mut out: Vec<(Path, String)> = Vec::new();
    let l = current();
    if f.schema != SCHEMA_VERSION {
        out.push((
            toml_path!("schema"),
            l.pick(
                format!(
                    "schemaversion {} stöds inte; förväntade {SCHEMA_VERSION}",
                    f.schema
                ),
                format!(
                    "unsupported schema version {}; expected {SCHEMA_VERSION}",
                    f.schema
                ),
            ),
        ));
    }
    if f.unit != plan.unit.id {
        out.push((
            toml_path!("unit"),
            l.pick(
                format!(
                    "enheten {:?} är inte planens enhet; förväntade {:?}",
                    f.unit, plan.unit.id
                ),
                format!(
                    "unit {:?} is not this plan's unit; expected {:?}",
                    f.unit, plan.unit.id
                ),
            ),
        ));
    }
    if i64::from(f.period.year) != plan.unit.year {
        out.push((
            toml_path!("period"),
            l.pick(
                format!(
                    "perioden {} ligger inte i planens år; förväntade {}-T1, -T2 eller -VB",
                    f.period, plan.unit.year
                ),
                format!(
                    "period {} is not in the plan's year; expected {}-T1, -T2 or -VB",
                    f.period, plan.unit.year
                ),
            ),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, g) in f.goals.iter().enumerate() {
        let Some(goal) = plan.unit_goal(&g.id) else {
            out.push((
                toml_path!("goal", i, "id"),
                l.pick(
                    format!(
                        "enhetsmålet {:?} finns inte i planen; förväntade ett av planens enhetsmåls id",
                        g.id
                    ),
                    format!(
                        "no enhetsmål {:?} in the plan; expected one of its unit goal ids",
                        g.id
                    ),
                ),
            ));
            continue;
        };
        if !seen.insert(("goal", g.id.as_str())) {
            out.push((
                toml_path!("goal", i, "id"),
                l.pick(
                    format!(
                        "målet {:?} finns två gånger; förväntade ett [[goal]] per enhetsmål",
                        g.id
                    ),
                    format!(
                        "goal {:?} appears twice; expected one [[goal]] per enhetsmål",
                        g.id
                    ),
                ),
            ));
        }
        let n = goal.expected_results.len();
        if g.analysis.len() > n {
            out.push((
                toml_path!("goal", i, "analysis"),
                l.pick(
                    format!(
                        "{} analyspunkter men {:?} har {n} förväntade resultat; förväntade högst {n}",
                        g.analysis.len(),
                        g.id
                    ),
                    format!(
                        "{} analysis points but {:?} has {n} expected results; expected at most {n}",
                        g.analysis.len(),
                        g.id
                    ),
                ),
            ));
        }
        for (j, d) in g.deviations.iter().enumerate() {
            if d.what.trim().is_empty() {
                out.push((
                    toml_path!("goal", i, "deviation", j, "what"),
                    l.t(
                        "avvikelsen är tom; förväntade vad som avviker",
                        "empty deviation; expected what deviates",
                    )
                    .into(),
                ));
            }
            if let Some(link) = &d.link
                && !link_exists(plan, n, link)
            {
                out.push((
                    toml_path!("goal", i, "deviation", j, "link"),
                    l.pick(
                        format!("länken {link:?} pekar inte på något; förväntade R1..R{n} (ett förväntat resultat) eller en indikators eller aktivitets id"),
                        format!("link {link:?} names nothing; expected R1..R{n} (an expected result) or an indicator or activity id"),
                    ),
                ));
            }
        }
    }
    for (i, r) in f.indicators.iter().enumerate() {
        let Some(ind) = plan.indicator(&r.id) else {
            out.push((
                toml_path!("indicator", i, "id"),
                l.pick(
                    format!(
                        "indikatorn {:?} finns inte i planen; förväntade ett av planens indikatorers id",
                        r.id
                    ),
                    format!(
                        "no indicator {:?} in the plan; expected one of its indicator ids",
                        r.id
                    ),
                ),
            ));
            continue;
        };
        if !seen.insert(("indicator", r.id.as_str())) {
            out.push((
                toml_path!("indicator", i, "id"),
                l.pick(
                    format!(
                        "indikatorn {:?} finns två gånger; förväntade den en gång",
                        r.id
                    ),
                    format!("indicator {:?} appears twice; expected it once", r.id),
                ),
            ));
        }
        if !ind.by_sex && (r.women.is_some() || r.men.is_some()) {
            out.push((
                toml_path!(
                    "indicator",
                    i,
                    if r.women.is_some() { "women" } else { "men" }
                ),
                l.pick(
                    format!(
                        "indikatorn {:?} är inte uppdelad på kön i planen; förväntade bara total",
                        r.id
                    ),
                    format!(
                        "indicator {:?} is not split by sex in the plan; expected only total",
                        r.id
                    ),
                ),
            ));
        }
        if r.no_data && r.has_outcome() {
            out.push((
                toml_path!("indicator", i, "no_data"),
                l.pick(
                    format!(
                        "indikatorn {:?} har både utfall och no_data; förväntade det ena av dem",
                        r.id
                    ),
                    format!(
                        "indicator {:?} has both an outcome and no_data; expected one of them",
                        r.id
                    ),
                ),
            ));
        }
    }
    for (i, r) in f.activities.iter().enumerate() {
        if plan.activity(&r.id).is_none() {
            out.push((
                toml_path!("activity", i, "id"),
                l.pick(
                    format!(
                        "aktiviteten {:?} finns inte i planen; förväntade ett av planens aktiviteters id",
                        r.id
                    ),
                    format!(
                        "no activity {:?} in the plan; expected one of its activity ids",
                        r.id
                    ),
                ),
            ));
        } else if !seen.insert(("activity", r.id.as_str())) {
            out.push((
                toml_path!("activity", i, "id"),
                l.pick(
                    format!(
                        "aktiviteten {:?} finns två gånger; förväntade den en gång",
                        r.id
                    ),
                    format!("activity {:?} appears twice; expected it once", r.id),
                ),
            ));
        }
    }
    for (i, c) in f.complaints.iter().enumerate() {
        if super::unit_parts::category(&c.category).is_none() {
            let codes = super::CATEGORIES[..4]
                .iter()
                .map(|c| c.code)
                .collect::<Vec<_>>()
                .join(", ");
            out.push((
                toml_path!("complaint", i, "category"),
                l.pick(
                    format!(
                        "okänd kategori {:?}; förväntade en av tabellens koder ({codes}, …)",
                        c.category
                    ),
                    format!(
                        "unknown category {:?}; expected one of the table's codes ({codes}, …)",
                        c.category
                    ),
                ),
            ));
        } else if !seen.insert(("complaint", c.category.as_str())) {
            out.push((
                toml_path!("complaint", i, "category"),
                l.pick(
                    format!(
                        "kategorin {:?} finns två gånger; förväntade den en gång",
                        c.category
                    ),
                    format!("category {:?} appears twice; expected it once", c.category),
                ),
            ));
        }
    }
    for (field, v) in [("budget", f.economy.budget), ("outcome", f.economy.outcome)] {
        if v.is_some_and(|v| !v.is_finite()) {
            out.push((
                toml_path!("economy", field),
                l.t(
                    "inget ändligt belopp; förväntade tkr, t.ex. 959500",
                    "not a finite amount; expected tkr, e.g. 959500",
                )
                .into(),
            ));
        }
    }
    for (i, w) in f.waivers.iter().enumerate() {
        if super::lint::LintKind::from_code(&w.lint).is_none() {
            out.push((
                toml_path!("waiver", i, "lint"),
                l.pick(
                    format!(
                        "okänd anmärkning {:?}; förväntade en av {}",
                        w.lint,
                        super::lint::LintKind::codes().join(", ")
                    ),
                    format!(
                        "unknown lint {:?}; expected one of {}",
                        w.lint,
                        super::lint::LintKind::codes().join(", ")
                    ),
                ),
            ));
        }
        if w.reason.trim().is_empty() {
            out.push((
                toml_path!("waiver", i, "reason"),
                l.t(
                    "skälet är tomt; förväntade varför anmärkningen godtas",
                    "empty reason; expected why the lint is accepted",
                )
                .into(),
            ));
        }
    }
    out
}

/// "R2" for a goal with at least two expected results, or a plan id.
pub fn link_exists(plan: &Plan, results: usize, link: &str) -> bool {
    if let Some(n) = link.strip_prefix('R').and_then(|n| n.parse::<usize>().ok()) {
        return (1..=results).contains(&n);
    }
    plan.indicator(link).is_some() || plan.activity(link).is_some()
}
