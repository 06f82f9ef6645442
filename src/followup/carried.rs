//! Which earlier deviation each carry-over decision of a period decided:
//! a carried copy or a dropped entry names its deviation by number, but
//! the earlier follow-up may since have been reopened and a deviation
//! removed or moved. Decisions are matched to the earlier deviations by
//! their text first, then by number among those left, one to one.

use super::model::{FollowUp, GoalRecord};
use super::period::Period;

/// A decision recorded in the later follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decider {
    /// The deviation at `index` of the later follow-up's goal at `goal`
    /// (indexes into `FollowUp::goals` and its `deviations`): carried over
    /// or closed.
    Copy { goal: usize, index: usize },
    /// The entry at this index of `FollowUp::dropped`.
    Dropped(usize),
}

/// Whitespace collapsed: how a deviation's text is compared.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The decisions in `record` about the deviations of `then` (a goal of the
/// follow-up of period `from`), each with the number (1-based) of the
/// deviation it decided. A deviation is decided by at most one decision;
/// a decision whose deviation is gone decides none.
pub fn matched(record: &FollowUp, from: Period, then: &GoalRecord) -> Vec<(Decider, usize)> {
    // Each decision: who, its number then, its text (normalised).
    let mut decisions: Vec<(Decider, usize, String)> = Vec::new();
    for (gi, g) in record.goals.iter().enumerate() {
        for (di, d) in g.deviations.iter().enumerate() {
            if let Some(o) = d
                .carried
                .as_ref()
                .filter(|o| o.period == from && o.goal == then.id)
            {
                let who = Decider::Copy {
                    goal: gi,
                    index: di,
                };
                decisions.push((who, o.number, normalise(&d.what)));
            }
        }
    }
    for (i, d) in record.dropped.iter().enumerate() {
        if d.period == from && d.goal == then.id {
            decisions.push((Decider::Dropped(i), d.number, normalise(&d.what)));
        }
    }
    let texts: Vec<String> = then.deviations.iter().map(|d| normalise(&d.what)).collect();
    let mut taken = vec![false; texts.len()];
    let mut out: Vec<Option<usize>> = vec![None; decisions.len()];
    // The same text (of the same number when several have it).
    for (k, (_, number, text)) in decisions.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let free = |j: &usize| texts.get(*j) == Some(text) && !taken[*j];
        let same_number = number.checked_sub(1).filter(free);
        if let Some(j) = same_number.or_else(|| (0..texts.len()).find(free)) {
            taken[j] = true;
            out[k] = Some(j);
        }
    }
    // The same number among those left (a copy whose text was edited).
    for (k, (_, number, _)) in decisions.iter().enumerate() {
        if out[k].is_some() {
            continue;
        }
        if let Some(j) = number
            .checked_sub(1)
            .filter(|j| *j < texts.len() && !taken[*j])
        {
            taken[j] = true;
            out[k] = Some(j);
        }
    }
    decisions
        .iter()
        .zip(out)
        .filter_map(|((who, ..), j)| Some((*who, j? + 1)))
        .collect()
}

/// The numbers (1-based) of the deviations of `then` decided in `record`.
pub fn decided_numbers(record: &FollowUp, from: Period, then: &GoalRecord) -> Vec<usize> {
    matched(record, from, then)
        .into_iter()
        .map(|(_, n)| n)
        .collect()
}

/// The number of the deviation of `then` that the later follow-up's
/// deviation at (`goal`, `index`) was carried over from, if any.
pub fn source_of(
    record: &FollowUp,
    from: Period,
    then: &GoalRecord,
    goal: usize,
    index: usize,
) -> Option<usize> {
    let me = Decider::Copy { goal, index };
    matched(record, from, then)
        .into_iter()
        .find(|(who, _)| *who == me)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::Deviation;
    use crate::followup::carry::{Dropped, Origin};

    fn period() -> Period {
        "2026-T1".parse().unwrap()
    }

    fn then(whats: &[&str]) -> GoalRecord {
        GoalRecord {
            id: "E1".into(),
            deviations: whats
                .iter()
                .map(|w| Deviation {
                    what: w.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn copy(what: &str, number: usize) -> Deviation {
        Deviation {
            what: what.into(),
            carried: Some(Origin {
                period: period(),
                goal: "E1".into(),
                number,
            }),
            ..Default::default()
        }
    }

    fn dropped(what: &str, number: usize) -> Dropped {
        Dropped {
            period: period(),
            goal: "E1".into(),
            number,
            what: what.into(),
        }
    }

    fn record(copies: Vec<Deviation>, drops: Vec<Dropped>) -> FollowUp {
        let mut r = FollowUp::new("u", "2026-T2".parse().unwrap());
        r.goal_mut("E1").deviations = copies;
        r.dropped = drops;
        r
    }

    fn sorted(mut v: Vec<usize>) -> Vec<usize> {
        v.sort();
        v
    }

    #[test]
    fn a_removed_deviation_does_not_make_another_count_as_decided() {
        // Carried "b" (2) and dropped "c" (3); then "a" was removed.
        let r = record(vec![copy("b", 2)], vec![dropped("c", 3)]);
        let now = then(&["b", "c", "d"]);
        assert_eq!(sorted(decided_numbers(&r, period(), &now)), [1, 2]);
        // "d" is still offered; by number alone "c" would have been again.
        assert_eq!(source_of(&r, period(), &now, 0, 0), Some(1));
    }

    #[test]
    fn a_reorder_keeps_each_decision_with_its_deviation() {
        let r = record(vec![copy("a", 1)], vec![dropped("b", 2)]);
        let now = then(&["c", "b", "a"]);
        let m = matched(&r, period(), &now);
        assert!(
            m.contains(&(Decider::Copy { goal: 0, index: 0 }, 3)),
            "{m:?}"
        );
        assert!(m.contains(&(Decider::Dropped(0), 2)), "{m:?}");
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn an_edited_copy_still_counts_by_its_number() {
        // Then: "a", "b", "c". The copy of "a" was rewritten, "c" dropped;
        // then "b" was removed.
        let r = record(
            vec![copy("Helt omskriven text", 1)],
            vec![dropped("  c   text ", 3)],
        );
        let now = then(&["a", "c text"]);
        let m = matched(&r, period(), &now);
        assert!(m.contains(&(Decider::Dropped(0), 2)), "{m:?}");
        assert_eq!(source_of(&r, period(), &now, 0, 0), Some(1));
        assert_eq!(m.len(), 2);
        // Nothing removed: both by their numbers and texts.
        let now = then(&["a", "b", "c text"]);
        assert_eq!(sorted(decided_numbers(&r, period(), &now)), [1, 3]);
    }

    #[test]
    fn decisions_of_other_periods_or_goals_do_not_count() {
        let mut c = copy("a", 1);
        c.carried.as_mut().unwrap().goal = "E2".into();
        let mut d = dropped("a", 1);
        d.period = "2025-VB".parse().unwrap();
        let r = record(vec![c], vec![d]);
        assert!(matched(&r, period(), &then(&["a"])).is_empty());
    }

    #[test]
    fn one_deviation_is_decided_by_one_decision_only() {
        let r = record(vec![copy("a", 1)], vec![dropped("a", 1)]);
        let m = matched(&r, period(), &then(&["a"]));
        assert_eq!(m.len(), 1, "{m:?}");
    }
}
