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

/// Goals and indicators of this year's plan matched to last year's: by id
/// when last year's plan has the id with the same title, else by the same
/// title (ids are per plan and may have moved), else by the same id.
/// Indicators: by id, else by the same name.
pub fn match_previous(now: &Plan, prev: &Plan) -> (IdMap, IdMap) {
    let goals = now
        .unit_goals
        .iter()
        .filter_map(|g| {
            let title = normalise_title(&g.title);
            let same_title = |p: &&UnitGoal| normalise_title(&p.title) == title;
            let hit = prev
                .unit_goal(&g.id)
                .filter(same_title)
                .or_else(|| prev.unit_goals.iter().find(same_title))
                .or_else(|| prev.unit_goal(&g.id))?;
            Some((g.id.clone(), hit.id.clone()))
        })
        .collect();
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
}
