//! Matching a plan's goals and indicators with another plan's: the same
//! nämndmål across units (the overview) and the same enhetsmål across years
//! (last year's analysis beside this year's goal). One notion of "the same
//! title" for both.

use super::{Plan, UnitGoal};
use std::collections::HashMap;

/// Whitespace collapsed, lower case: how titles are compared when ids are
/// per plan and may differ.
pub fn normalise_title(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// This plan's id → the other plan's id.
pub type IdMap = HashMap<String, String>;

/// Goals and indicators of this year's plan matched to last year's.
/// Goals one to one (a goal of last year is matched at most once, so its
/// deviations and texts never appear under two goals): first the same id
/// with the same title, then the same title among the goals still
/// unmatched (ids are per plan and may have moved), then the same id
/// among those still unmatched. Indicators: by id, else by the same name.
pub fn match_previous(now: &Plan, prev: &Plan) -> (IdMap, IdMap) {
    let goals = match_goals(&now.unit_goals, &prev.unit_goals);
    let indicators = now
        .indicators
        .iter()
        .filter_map(|i| {
            let name = normalise_title(&i.name);
            let hit = prev.indicator(&i.id).or_else(|| {
                prev.indicators
                    .iter()
                    .find(|p| normalise_title(&p.name) == name)
            })?;
            Some((i.id.clone(), hit.id.clone()))
        })
        .collect();
    (goals, indicators)
}

/// The one-to-one goal matching of [`match_previous`].
fn match_goals(now: &[UnitGoal], prev: &[UnitGoal]) -> IdMap {
    let titles_now: Vec<String> = now.iter().map(|g| normalise_title(&g.title)).collect();
    let titles_prev: Vec<String> = prev.iter().map(|g| normalise_title(&g.title)).collect();
    // Index in `prev` of each goal of `now`, once matched.
    let mut hit: Vec<Option<usize>> = vec![None; now.len()];
    let mut taken = vec![false; prev.len()];
    type Rule<'a> = &'a dyn Fn(usize, usize) -> bool;
    let same_id = |i: usize, j: usize| now[i].id == prev[j].id;
    let same_title = |i: usize, j: usize| titles_now[i] == titles_prev[j];
    let both = |i: usize, j: usize| same_id(i, j) && same_title(i, j);
    let rules: [Rule; 3] = [&both, &same_title, &same_id];
    for rule in rules {
        for (i, h) in hit.iter_mut().enumerate() {
            if h.is_some() {
                continue;
            }
            if let Some(j) = (0..prev.len()).find(|&j| !taken[j] && rule(i, j)) {
                *h = Some(j);
                taken[j] = true;
            }
        }
    }
    hit.iter()
        .enumerate()
        .filter_map(|(i, j)| Some((now[i].id.clone(), prev[(*j)?].id.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(goals: &[(&str, &str)]) -> Plan {
        let mut p = crate::plan::load::parse_plan_text("p.toml", crate::plan::bundled::PLANS[0].1)
            .expect("a bundled plan");
        p.unit_goals.truncate(1);
        let template = p.unit_goals[0].clone();
        p.unit_goals = goals
            .iter()
            .map(|(id, title)| {
                let mut g = template.clone();
                g.id = id.to_string();
                g.title = title.to_string();
                g
            })
            .collect();
        p
    }

    #[test]
    fn titles_compare_without_case_or_spacing() {
        assert_eq!(normalise_title("  Trygg   Vård\n"), "trygg vård");
    }

    #[test]
    fn a_moved_goal_is_found_by_its_title_before_its_id() {
        let prev = plan(&[("E1", "Trygg vård"), ("E2", "God mat")]);
        let now = plan(&[("E1", "God  mat"), ("E3", "Ny")]);
        let (goals, _) = match_previous(&now, &prev);
        assert_eq!(goals.get("E1").map(String::as_str), Some("E2"));
        assert_eq!(goals.get("E3"), None);
    }

    #[test]
    fn the_same_id_is_the_last_resort() {
        let prev = plan(&[("E1", "Gammal titel")]);
        let now = plan(&[("E1", "Ny titel")]);
        let (goals, _) = match_previous(&now, &prev);
        assert_eq!(goals.get("E1").map(String::as_str), Some("E1"));
    }

    #[test]
    fn a_goal_of_last_year_is_matched_at_most_once() {
        // E1 now has E2's old title; E2 now has a new title. By id E2
        // would also be last year's E2: it is taken, so E2 has none.
        let prev = plan(&[("E1", "Trygg vård"), ("E2", "God mat")]);
        let now = plan(&[("E1", "God mat"), ("E2", "Ny titel")]);
        let (goals, _) = match_previous(&now, &prev);
        assert_eq!(goals.get("E1").map(String::as_str), Some("E2"));
        assert_eq!(goals.get("E2"), None);
        // Same id and title comes first, even for a goal later in the plan.
        let prev = plan(&[("E1", "A"), ("E2", "B")]);
        let now = plan(&[("E1", "B"), ("E2", "B")]);
        let (goals, _) = match_previous(&now, &prev);
        assert_eq!(goals.get("E2").map(String::as_str), Some("E2"));
        assert_eq!(goals.get("E1").map(String::as_str), Some("E1"));
        // No two goals of this year share a goal of last year.
        let mut targets: Vec<&String> = goals.values().collect();
        targets.sort();
        targets.dedup();
        assert_eq!(targets.len(), goals.len());
    }
}
