//! Matching a plan's goals and indicators with another plan's: the same
//! nämndmål across units (the overview) and the same enhetsmål across years
//! (last year's analysis beside this year's goal). One notion of "the same
//! title" for both.

use super::Plan;
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

/// Goals and indicators of this year's plan matched to last year's, each
/// one to one (a goal of last year is matched at most once, so its
/// deviations and texts never appear under two goals; an indicator's
/// outcome never stands beside two): first the same id with the same
/// title (name), then the same title among those still unmatched (ids are
/// per plan and may have moved), then the same id among those still
/// unmatched.
pub fn match_previous(now: &Plan, prev: &Plan) -> (IdMap, IdMap) {
    let goals = one_to_one(
        now.unit_goals
            .iter()
            .map(|g| (g.id.as_str(), g.title.as_str())),
        prev.unit_goals
            .iter()
            .map(|g| (g.id.as_str(), g.title.as_str())),
    );
    let indicators = one_to_one(
        now.indicators
            .iter()
            .map(|i| (i.id.as_str(), i.name.as_str())),
        prev.indicators
            .iter()
            .map(|i| (i.id.as_str(), i.name.as_str())),
    );
    (goals, indicators)
}

/// The one-to-one matching of [`match_previous`] over (id, title) pairs.
fn one_to_one<'a>(
    now: impl Iterator<Item = (&'a str, &'a str)>,
    prev: impl Iterator<Item = (&'a str, &'a str)>,
) -> IdMap {
    let now: Vec<(&str, String)> = now.map(|(id, t)| (id, normalise_title(t))).collect();
    let prev: Vec<(&str, String)> = prev.map(|(id, t)| (id, normalise_title(t))).collect();
    // Index in `prev` of each item of `now`, once matched.
    let mut hit: Vec<Option<usize>> = vec![None; now.len()];
    let mut taken = vec![false; prev.len()];
    type Rule<'a> = &'a dyn Fn(usize, usize) -> bool;
    let same_id = |i: usize, j: usize| now[i].0 == prev[j].0;
    let same_title = |i: usize, j: usize| now[i].1 == prev[j].1;
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
        .filter_map(|(i, j)| Some((now[i].0.to_string(), prev[(*j)?].0.to_string())))
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

    #[test]
    fn an_indicator_of_last_year_is_matched_at_most_once() {
        let mut prev = plan(&[("E1", "A")]);
        let mut now = prev.clone();
        let template = prev.indicators[0].clone();
        let named = |id: &str, name: &str| {
            let mut i = template.clone();
            i.id = id.into();
            i.name = name.into();
            i
        };
        prev.indicators = vec![named("I1", "Nöjdhet"), named("I2", "Sjukfrånvaro")];
        // I1 now has I2's old name; I2 is a new indicator.
        now.indicators = vec![named("I1", "Sjukfrånvaro"), named("I2", "Nöjdhet  ")];
        let (_, indicators) = match_previous(&now, &prev);
        assert_eq!(indicators.get("I1").map(String::as_str), Some("I2"));
        assert_eq!(indicators.get("I2").map(String::as_str), Some("I1"));
        now.indicators = vec![named("I1", "Sjukfrånvaro"), named("I2", "Ny")];
        let (_, indicators) = match_previous(&now, &prev);
        assert_eq!(indicators.get("I1").map(String::as_str), Some("I2"));
        // By id I2 would be last year's I2 too: it is taken, so the new
        // indicator has no last year.
        assert_eq!(indicators.get("I2"), None);
    }
}
