//! Building the roll-up from the summaries: nämndmål groups matched
//! across units, marks and counts, the order of the units, and the period
//! an overview opens on.

use super::{
    Counts, FollowUpSummary, GoalCell, Group, Mark, Overview, PlanSummary, Sort, Totals, UnitRow,
    UnitStatus,
};
use crate::followup::{Period, Rating};
use crate::review::FlowState;

/// How nämndmål titles are compared across units.
pub use crate::plan::matching::normalise_title as normalise;

/// Orders "N2" before "N10": digit runs compare as numbers.
fn natural_key(s: &str) -> Vec<(u8, u64, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                n.push(d);
                chars.next();
            }
            out.push((0, n.parse().unwrap_or(u64::MAX), String::new()));
        } else {
            let mut t = String::new();
            while let Some(&d) = chars.peek().filter(|d| !d.is_ascii_digit()) {
                t.push(d);
                chars.next();
            }
            out.push((1, 0, t));
        }
    }
    out
}

/// Builds the roll-up of `period` from the plans of its year and the
/// follow-ups committed for it. Follow-ups of units without a plan are
/// listed as problems.
pub fn roll_up(
    period: Period,
    plans: &[PlanSummary],
    followups: &[FollowUpSummary],
    sort: Sort,
    mut problems: Vec<String>,
) -> Overview {
    use std::collections::HashMap;
    let by_unit: HashMap<&str, &FollowUpSummary> =
        followups.iter().map(|f| (f.unit.as_str(), f)).collect();
    for f in followups {
        if !plans.iter().any(|p| p.unit_id == f.unit) {
            problems.push(format!(
                "{}: no plan for {} in {}",
                crate::followup::path(period, &f.unit),
                f.unit,
                period.year
            ));
        }
    }
    // The groups: one per nämndmål, by its normalised title (its id is
    // only a number within each plan: the same nämndmål is N4 in one unit's
    // plan and N5 in another's). A group shows the id most plans give it;
    // groups are ordered by that id, then title.
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, String, String)> = Vec::new();
    let mut ids: Vec<HashMap<String, usize>> = Vec::new();
    for p in plans {
        for g in &p.goals {
            let key = group_key(&g.committee_goal_id, &g.committee_goal_title);
            let i = *keys.entry(key.clone()).or_insert_with(|| {
                groups.push((
                    key,
                    g.committee_goal_id.clone(),
                    g.committee_goal_title.clone(),
                ));
                ids.push(HashMap::new());
                groups.len() - 1
            });
            *ids[i].entry(g.committee_goal_id.clone()).or_insert(0) += 1;
        }
    }
    for (g, seen) in groups.iter_mut().zip(&ids) {
        if let Some((id, _)) = seen.iter().max_by(|a, b| {
            a.1.cmp(b.1)
                .then_with(|| natural_key(b.0).cmp(&natural_key(a.0)))
        }) {
            g.1 = id.clone();
        }
    }
    groups.sort_by(|a, b| {
        (natural_key(&normalise(&a.1)), normalise(&a.2))
            .cmp(&(natural_key(&normalise(&b.1)), normalise(&b.2)))
    });
    for (i, g) in groups.iter().enumerate() {
        keys.insert(g.0.clone(), i);
    }
    let mut out_groups: Vec<Group> = groups
        .iter()
        .map(|(_, id, title)| Group {
            id: id.clone(),
            title: title.clone(),
            label: String::new(),
            counts: Counts::default(),
        })
        .collect();
    label_groups(&mut out_groups);

    let mut totals = Totals::default();
    let mut counts = Counts::default();
    let mut units = Vec::with_capacity(plans.len());
    for p in plans {
        let f = by_unit.get(p.unit_id.as_str());
        let status = UnitStatus::of(f.map(|f| f.status));
        match status {
            UnitStatus::NotStarted => totals.not_started += 1,
            UnitStatus::Draft => totals.draft += 1,
            UnitStatus::Reopened => totals.reopened += 1,
            UnitStatus::Done => totals.done += 1,
        }
        let ratings: HashMap<&str, Rating> = f
            .map(|f| f.ratings.iter().map(|(id, r)| (id.as_str(), *r)).collect())
            .unwrap_or_default();
        let mut cells = vec![Vec::new(); out_groups.len()];
        let mut unit_counts = Counts::default();
        for g in &p.goals {
            let key = group_key(&g.committee_goal_id, &g.committee_goal_title);
            let gi = keys.get(&key).copied().unwrap_or(0);
            let mark = ratings
                .get(g.id.as_str())
                .map_or(Mark::Missing, |r| Mark::Rated(*r));
            unit_counts.add(mark);
            counts.add(mark);
            if let Some(group) = out_groups.get_mut(gi) {
                group.counts.add(mark);
            }
            if let Some(c) = cells.get_mut(gi) {
                c.push(GoalCell {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    mark,
                });
            }
        }
        units.push(UnitRow {
            id: p.unit_id.clone(),
            name: p.unit_name.clone(),
            committee: p.committee.clone(),
            status,
            flow: f.map_or(FlowState::NotStarted, |f| f.flow),
            cells,
            counts: unit_counts,
        });
    }
    sort_units(&mut units, sort);
    Overview {
        period,
        groups: out_groups,
        units,
        totals,
        counts,
        problems,
    }
}

/// The group of a goal's nämndmål: its normalised title, or its id when
/// the plan gives no title.
fn group_key(id: &str, title: &str) -> String {
    let title = normalise(title);
    if title.is_empty() {
        format!("\u{0}{}", normalise(id))
    } else {
        title
    }
}

/// Column labels: the nämndmål id, "N1 (2)" when two share it, "–" for none.
fn label_groups(groups: &mut [Group]) {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for g in groups.iter_mut() {
        let base = if g.id.trim().is_empty() {
            "–".to_string()
        } else {
            crate::sanitize::line(g.id.trim()).into_owned()
        };
        let n = seen.entry(normalise(&base)).or_insert(0);
        *n += 1;
        g.label = if *n == 1 {
            base
        } else {
            format!("{base} ({n})")
        };
    }
}

fn sort_units(units: &mut [UnitRow], sort: Sort) {
    let name = |u: &UnitRow| (u.name.to_lowercase(), u.id.clone());
    match sort {
        Sort::Name => units.sort_by_key(name),
        Sort::Late => units.sort_by_key(|u| {
            (
                u.status != UnitStatus::NotStarted,
                std::cmp::Reverse(u.counts.not),
                u.status == UnitStatus::Done,
                std::cmp::Reverse(u.counts.partial),
                std::cmp::Reverse(u.counts.missing),
                name(u),
            )
        }),
    }
}

/// The due date of `period`: the workspace's `[due]` date when it sets
/// one, else the city's usual date (`Period::due`).
pub fn due_of(period: Period, due: &crate::workspace::due::DueDates) -> (i32, u32, u32) {
    match due.get(&period) {
        Some(d) => (i32::from(d.year()), d.month() as u32, d.day() as u32),
        None => period.due(),
    }
}

/// The period of `year` due next on `today` (by `due_of`); VB once all
/// are past.
pub fn due_next(
    year: i32,
    today: (i32, u32, u32),
    due: &crate::workspace::due::DueDates,
) -> Period {
    Period::of_year(year)
        .into_iter()
        .find(|p| due_of(*p, due) >= today)
        .unwrap_or(Period::new(year, crate::followup::PeriodKind::Vb))
}

/// The period an overview opens on: of the plans' years, the earliest
/// period not yet past its due date on `today` (the workspace's `[due]`
/// dates where set, see `due_of`), else the last one.
pub fn default_period(
    years: &[i64],
    today: (i32, u32, u32),
    due: &crate::workspace::due::DueDates,
) -> Option<Period> {
    let mut years: Vec<i32> = years
        .iter()
        .filter_map(|y| i32::try_from(*y).ok())
        .collect();
    years.sort_unstable();
    years.dedup();
    let last = *years.last()?;
    Some(
        years
            .iter()
            .map(|y| due_next(*y, today, due))
            .find(|p| due_of(*p, due) >= today)
            .unwrap_or(Period::new(last, crate::followup::PeriodKind::Vb)),
    )
}

/// The period `step` periods after `p` (T1, T2, VB, next year's T1 …),
/// None outside the years periods can have.
pub fn step_period(p: Period, step: i8) -> Option<Period> {
    use crate::followup::PeriodKind;
    let index = i64::from(p.year) * 3
        + match p.kind {
            PeriodKind::T1 => 0,
            PeriodKind::T2 => 1,
            PeriodKind::Vb => 2,
        }
        + i64::from(step);
    let year = i32::try_from(index.div_euclid(3)).ok()?;
    let kind = PeriodKind::ALL[index.rem_euclid(3) as usize];
    let p = Period::new(year, kind);
    p.to_string().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::GoalSummary;
    use super::*;
    use crate::followup::Status;

    fn plan(id: &str, goals: &[(&str, &str, &str)]) -> PlanSummary {
        PlanSummary {
            unit_id: id.into(),
            unit_name: id.to_uppercase(),
            committee: "K".into(),
            year: 2025,
            goals: goals
                .iter()
                .map(|(g, cg, cgt)| GoalSummary {
                    id: (*g).into(),
                    title: format!("Mål {g}"),
                    committee_goal_id: (*cg).into(),
                    committee_goal_title: (*cgt).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn groups_match_across_units_and_count_every_mark() {
        let p = "2025-T2".parse().unwrap();
        let plans = vec![
            plan("a", &[("E1", "N1", "Äldre  har"), ("E2", "N10", "Klimat")]),
            plan("b", &[("E1", "N1", "äldre har "), ("E2", "N2", "Arbete")]),
            plan("c", &[("E1", "N1", "Äldre har")]),
        ];
        let fus = vec![
            FollowUpSummary {
                unit: "a".into(),
                period: "2025-T2".into(),
                status: Status::Done,
                reopened_from: String::new(),
                flow: FlowState::of_status(Status::Done),
                ratings: vec![("E1".into(), Rating::Full), ("E2".into(), Rating::Not)],
            },
            FollowUpSummary {
                unit: "b".into(),
                period: "2025-T2".into(),
                status: Status::Draft,
                reopened_from: String::new(),
                flow: FlowState::of_status(Status::Draft),
                ratings: vec![("E1".into(), Rating::Partial)],
            },
            FollowUpSummary {
                unit: "zz".into(),
                period: "2025-T2".into(),
                status: Status::Draft,
                reopened_from: String::new(),
                flow: FlowState::of_status(Status::Draft),
                ratings: vec![],
            },
        ];
        let o = roll_up(p, &plans, &fus, Sort::Late, Vec::new());
        let labels: Vec<&str> = o.groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["N1", "N2", "N10"]);
        assert_eq!(
            o.groups[0].counts,
            Counts {
                full: 1,
                partial: 1,
                missing: 1,
                ..Counts::default()
            }
        );
        assert_eq!(o.groups[2].counts.not, 1);
        assert_eq!(o.groups[1].counts.missing, 1);
        assert_eq!(o.counts.total(), 5);
        assert_eq!(
            (o.totals.done, o.totals.draft, o.totals.not_started),
            (1, 1, 1)
        );
        let order: Vec<&str> = o.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(order, ["c", "a", "b"]);
        assert_eq!(o.problems.len(), 1);
    }

    #[test]
    fn periods_step_across_years() {
        let p = |s: &str| s.parse::<Period>().unwrap();
        assert_eq!(step_period(p("2025-VB"), 1), Some(p("2026-T1")));
        assert_eq!(step_period(p("2026-T1"), -1), Some(p("2025-VB")));
        assert_eq!(step_period(p("2026-T1"), 1), Some(p("2026-T2")));
        assert_eq!(step_period(p("2100-VB"), 1), None);
        assert_eq!(step_period(p("2000-T1"), -1), None);
    }

    #[test]
    fn the_default_period_is_the_next_due() {
        let none = Default::default();
        assert_eq!(
            default_period(&[2025, 2026], (2026, 1, 10), &none).map(|p| p.to_string()),
            Some("2025-VB".into())
        );
        assert_eq!(
            default_period(&[2025, 2026], (2026, 6, 10), &none).map(|p| p.to_string()),
            Some("2026-T2".into())
        );
        assert_eq!(
            default_period(&[2024], (2026, 6, 10), &none).map(|p| p.to_string()),
            Some("2024-VB".into())
        );
        assert_eq!(default_period(&[], (2026, 6, 10), &none), None);
        // A workspace that sets an earlier date for VB 2025 is past it on
        // 2026-01-10: T1 2026 is next; one that sets a later T1 keeps it.
        let vb_early = [("2025-VB".parse().unwrap(), jiff::civil::date(2026, 1, 9))].into();
        assert_eq!(
            default_period(&[2025, 2026], (2026, 1, 10), &vb_early).map(|p| p.to_string()),
            Some("2026-T1".into())
        );
        let t1_late = [("2026-T1".parse().unwrap(), jiff::civil::date(2026, 6, 12))].into();
        assert_eq!(
            default_period(&[2025, 2026], (2026, 6, 10), &t1_late).map(|p| p.to_string()),
            Some("2026-T1".into())
        );
    }
}
