//! Carry-over of open deviations: the previous period's deviations whose
//! åtgärd is not marked done are offered to the new period, each to be
//! carried over (copied, marked with where it came from), closed with a
//! note (recorded as done, so the history shows it closed), or dropped
//! (recorded as not carried, so it is not offered again). Nothing is
//! copied without the chief's choice, and outcomes never are.

use super::model::{Deviation, FollowUp};
use super::period::Period;
use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Which earlier deviation: its period, its goal's id in that period's
/// plan, and its number under the goal (1-based), as in `2026-T1 E1/2`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub period: Period,
    pub goal: String,
    pub number: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}/{}", self.period, self.goal, self.number)
    }
}

/// An open deviation of the previous period not carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dropped {
    pub period: Period,
    pub goal: String,
    pub number: usize,
    /// Its text then, for whoever reads the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
}

impl Dropped {
    pub fn origin(&self) -> Origin {
        Origin {
            period: self.period,
            goal: self.goal.clone(),
            number: self.number,
        }
    }
}

/// An open deviation offered to the new period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub origin: Origin,
    /// The goal it goes under in this period's plan.
    pub goal: String,
    pub deviation: Deviation,
}

/// What the chief chose for an offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Copied into this period, to be followed up again.
    Carry,
    /// Recorded in this period as done, with how it was closed.
    Close(String),
    /// Not carried; not offered again.
    Drop,
}

/// The open deviations of `previous` (of period `from`) not yet decided
/// in `record`, in this plan's goal order. `goals` maps this plan's goal
/// ids to the previous follow-up's.
pub fn offers(
    plan: &Plan,
    record: &FollowUp,
    from: Period,
    previous: &FollowUp,
    goals: &HashMap<String, String>,
) -> Vec<Offer> {
    let mut out = Vec::new();
    for goal in &plan.unit_goals {
        let Some(then) = goals.get(&goal.id).and_then(|id| previous.goal(id)) else {
            continue;
        };
        // Decisions found by text first: the previous follow-up may have
        // been reopened and its deviations removed or moved since.
        let decided = super::carried::decided_numbers(record, from, then);
        for (i, d) in then.deviations.iter().enumerate() {
            let said = !d.what.trim().is_empty() || !d.measure.trim().is_empty();
            if d.done || !said || decided.contains(&(i + 1)) {
                continue;
            }
            let origin = Origin {
                period: from,
                goal: then.id.clone(),
                number: i + 1,
            };
            out.push(Offer {
                origin,
                goal: goal.id.clone(),
                deviation: d.clone(),
            });
        }
    }
    out
}

/// Records the choice for `offer` in `record`.
pub fn apply(plan: &Plan, record: &mut FollowUp, offer: &Offer, choice: Choice) {
    let copy = |done: bool, note: String| {
        let d = &offer.deviation;
        Deviation {
            what: d.what.clone(),
            link: d.link.clone().filter(|l| link_fits(plan, &offer.goal, l)),
            cause: d.cause.clone(),
            measure: d.measure.clone(),
            responsible: d.responsible.clone(),
            due: d.due,
            done,
            note,
            carried: Some(offer.origin.clone()),
        }
    };
    match choice {
        Choice::Carry => record
            .goal_mut(&offer.goal)
            .deviations
            .push(copy(false, String::new())),
        Choice::Close(note) => record
            .goal_mut(&offer.goal)
            .deviations
            .push(copy(true, note)),
        Choice::Drop => record.dropped.push(Dropped {
            period: offer.origin.period,
            goal: offer.origin.goal.clone(),
            number: offer.origin.number,
            what: offer.deviation.what.clone(),
        }),
    }
}

/// Whether a link of the earlier plan names something in this one (a
/// link that does not is left out of the copy, rather than making the
/// file fail its checks).
fn link_fits(plan: &Plan, goal: &str, link: &str) -> bool {
    let results = plan.unit_goal(goal).map_or(0, |g| g.expected_results.len());
    if let Some(n) = link.strip_prefix('R').and_then(|n| n.parse::<usize>().ok()) {
        return (1..=results).contains(&n);
    }
    plan.indicators.iter().any(|i| i.id == link) || plan.activities.iter().any(|a| a.id == link)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let (path, text) = crate::plan::bundled::PLANS[2];
        crate::plan::parse_plan(path, text.as_bytes()).unwrap()
    }

    fn deviation(what: &str, done: bool) -> Deviation {
        Deviation {
            what: what.into(),
            link: Some("R1".into()),
            measure: format!("Åtgärd för {what}"),
            done,
            ..Default::default()
        }
    }

    #[test]
    fn only_open_deviations_are_offered_until_decided() {
        let plan = plan();
        let t1: Period = "2025-T1".parse().unwrap();
        let mut previous = FollowUp::new(&plan.unit.id, t1);
        previous.goal_mut("E1").deviations = vec![
            deviation("a", false),
            deviation("b", true),
            deviation("c", false),
            deviation("d", false),
        ];
        previous.indicator_mut("I1").total = Some(5.0);
        let goals: HashMap<String, String> = plan
            .unit_goals
            .iter()
            .map(|g| (g.id.clone(), g.id.clone()))
            .collect();
        let mut record = FollowUp::new(&plan.unit.id, "2025-T2".parse().unwrap());
        let all = offers(&plan, &record, t1, &previous, &goals);
        let whats: Vec<&str> = all.iter().map(|o| o.deviation.what.as_str()).collect();
        assert_eq!(whats, ["a", "c", "d"]);
        assert_eq!(all[1].origin.to_string(), "2025-T1 E1/3");
        apply(&plan, &mut record, &all[0], Choice::Carry);
        apply(
            &plan,
            &mut record,
            &all[1],
            Choice::Close("Klart i maj".into()),
        );
        apply(&plan, &mut record, &all[2], Choice::Drop);
        assert!(offers(&plan, &record, t1, &previous, &goals).is_empty());
        let e1 = record.goal("E1").unwrap();
        assert_eq!(e1.deviations.len(), 2);
        assert!(!e1.deviations[0].done);
        assert_eq!(e1.deviations[0].measure, "Åtgärd för a");
        assert!(e1.deviations[1].done);
        assert_eq!(e1.deviations[1].note, "Klart i maj");
        assert_eq!(record.dropped[0].number, 4);
        // Outcomes are never copied.
        assert!(record.indicators.is_empty());
        // The report says the closed one was done, and how.
        for report in [
            crate::report::markdown(&plan, &record, &[]),
            crate::report::text(&plan, &record, &[]),
        ] {
            assert!(report.contains("Klart i maj"), "{report}");
        }
        // The file says all of it, and reads back the same.
        let text = toml::to_string(&record).unwrap();
        assert!(text.contains("done = true"), "{text}");
        let back: FollowUp = toml::from_str(&text).unwrap();
        assert_eq!(back, record);
    }

    #[test]
    fn a_deviation_is_offered_once_when_goals_moved_between_years() {
        // Last year E1 and E2; this year E1 has E2's old title and E2 a
        // new one: E2's old deviation belongs under E1 only.
        let prev_plan = plan();
        let mut now_plan = plan();
        now_plan.unit_goals[0].title = prev_plan.unit_goals[1].title.clone();
        now_plan.unit_goals[1].title = "En helt ny titel".into();
        let (goals, _) = crate::plan::matching::match_previous(&now_plan, &prev_plan);
        let vb: Period = "2025-VB".parse().unwrap();
        let mut previous = FollowUp::new(&prev_plan.unit.id, vb);
        previous.goal_mut("E2").deviations = vec![deviation("kvar", false)];
        let record = FollowUp::new(&now_plan.unit.id, "2026-T1".parse().unwrap());
        let all = offers(&now_plan, &record, vb, &previous, &goals);
        let placed: Vec<(&str, String)> = all
            .iter()
            .map(|o| (o.goal.as_str(), o.origin.to_string()))
            .collect();
        assert_eq!(placed, [("E1", "2025-VB E2/1".to_string())]);
    }

    #[test]
    fn a_reopened_previous_period_offers_what_is_still_undecided() {
        let plan = plan();
        let t1: Period = "2025-T1".parse().unwrap();
        let goals: HashMap<String, String> = plan
            .unit_goals
            .iter()
            .map(|g| (g.id.clone(), g.id.clone()))
            .collect();
        let mut previous = FollowUp::new(&plan.unit.id, t1);
        previous.goal_mut("E1").deviations = vec![
            deviation("a", false),
            deviation("b", false),
            deviation("c", false),
        ];
        let mut record = FollowUp::new(&plan.unit.id, "2025-T2".parse().unwrap());
        let all = offers(&plan, &record, t1, &previous, &goals);
        apply(&plan, &mut record, &all[1], Choice::Carry);
        apply(&plan, &mut record, &all[2], Choice::Drop);
        // T1 reopened: "a" removed, and the rest put in another order.
        previous.goal_mut("E1").deviations = vec![
            deviation("c", false),
            deviation("d", false),
            deviation("b", false),
        ];
        let left: Vec<String> = offers(&plan, &record, t1, &previous, &goals)
            .iter()
            .map(|o| format!("{} {}", o.deviation.what, o.origin))
            .collect();
        assert_eq!(left, ["d 2025-T1 E1/2"]);
    }
}
