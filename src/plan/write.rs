//! Writes a plan as TOML in document order, so a written plan reads like
//! the document and diffs goal by goal.

use super::model::*;
use serde::Serialize;
use std::fmt::Write;

const HEADER: &str = "# Verksamhetsplan: a tertial plan file (schema 1).\n\
# Format: see docs/plan-format.md. Ids (E1, I3, A2 …) are referred to by\n\
# follow-ups: never change an id once a follow-up has been made.\n\n";

/// The plan as TOML text. The plan is written in the order of
/// [`Plan::normalize`]; entries whose parent is missing come last.
pub fn to_toml(plan: &Plan) -> String {
    let mut out = String::from(HEADER);
    let _ = writeln!(out, "schema = {}\n", plan.schema);
    table(&mut out, "[unit]", &plan.unit);
    for s in plan.sections.iter().filter(|s| !s.after_goals) {
        table(&mut out, "[[section]]", s);
    }
    let mut written_ind = vec![false; plan.indicators.len()];
    let mut written_act = vec![false; plan.activities.len()];
    let mut attached = |out: &mut String, parent: &str| {
        for (i, x) in plan.indicators.iter().enumerate() {
            if x.parent == parent && !written_ind[i] {
                written_ind[i] = true;
                table(out, "[[indicator]]", x);
            }
        }
        for (i, x) in plan.activities.iter().enumerate() {
            if x.parent == parent && !written_act[i] {
                written_act[i] = true;
                table(out, "[[activity]]", x);
            }
        }
    };
    let mut seen_area = vec![false; plan.area_goals.len()];
    let mut seen_committee = vec![false; plan.committee_goals.len()];
    let mut seen_unit = vec![false; plan.unit_goals.len()];
    for kf in &plan.kf_goals {
        table(&mut out, "[[kf_goal]]", kf);
        attached(&mut out, &kf.id);
        for (ai, area) in plan
            .area_goals
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kf_goal == kf.id)
        {
            if std::mem::replace(&mut seen_area[ai], true) {
                continue;
            }
            table(&mut out, "[[area_goal]]", area);
            attached(&mut out, &area.id);
            for (ci, c) in plan
                .committee_goals
                .iter()
                .enumerate()
                .filter(|(_, c)| c.area_goal == area.id)
            {
                if std::mem::replace(&mut seen_committee[ci], true) {
                    continue;
                }
                table(&mut out, "[[committee_goal]]", c);
                attached(&mut out, &c.id);
                for (ui, u) in plan
                    .unit_goals
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| u.committee_goal == c.id)
                {
                    if std::mem::replace(&mut seen_unit[ui], true) {
                        continue;
                    }
                    table(&mut out, "[[unit_goal]]", u);
                    attached(&mut out, &u.id);
                }
            }
        }
    }
    // Whatever the tree did not reach (a plan with dangling parents) is
    // still written, so nothing is ever dropped.
    for (i, a) in plan.area_goals.iter().enumerate() {
        if !seen_area[i] {
            table(&mut out, "[[area_goal]]", a);
        }
    }
    for (i, c) in plan.committee_goals.iter().enumerate() {
        if !seen_committee[i] {
            table(&mut out, "[[committee_goal]]", c);
        }
    }
    for (i, u) in plan.unit_goals.iter().enumerate() {
        if !seen_unit[i] {
            table(&mut out, "[[unit_goal]]", u);
        }
    }
    for (i, x) in plan.indicators.iter().enumerate() {
        if !written_ind[i] {
            table(&mut out, "[[indicator]]", x);
        }
    }
    for (i, x) in plan.activities.iter().enumerate() {
        if !written_act[i] {
            table(&mut out, "[[activity]]", x);
        }
    }
    for s in plan.sections.iter().filter(|s| s.after_goals) {
        table(&mut out, "[[section]]", s);
    }
    out
}

fn table<T: Serialize>(out: &mut String, header: &str, value: &T) {
    out.push_str(header);
    out.push('\n');
    // Serializing our own plain structs cannot fail.
    out.push_str(&toml::to_string_pretty(value).unwrap_or_default());
    out.push('\n');
}
