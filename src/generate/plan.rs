//! Builds one generated unit's plan for one year from the corpus: the goal
//! tree of a bundled plan above ~15 enhetsmål with expected results, ways
//! of working and follow-up points, indicators, activities with dates, and
//! the free-text sections. The same unit, year and seed give the same plan.

use super::rng::Rng;
use super::text::{self, Corpus};
use crate::plan::{Activity, Date, Plan, Points, Section, Unit, UnitGoal};

/// A generated unit: what stays the same from year to year.
#[derive(Debug, Clone)]
pub struct UnitSpec {
    pub index: usize,
    pub id: String,
    pub name: String,
    /// The stadsdelsnämnd, without "stadsdelsnämnd".
    pub sdn: &'static str,
    /// Index into `Corpus::templates`.
    pub template: usize,
    /// 0..1: how well the unit tends to meet its goals.
    pub quality: f64,
}

/// The plan of `unit` for `year`, normalized (as it reads back from its file).
pub fn build(c: &Corpus, unit: &UnitSpec, year: i32, goals: usize, chief: &str, seed: u64) -> Plan {
    let mut rng = Rng::derive(seed, &[1, unit.index as u64, year as u64]);
    let t = &c.templates[unit.template];
    let fill = |s: &str| text::fill(s, year, unit.sdn);
    let committee_goals: Vec<_> = t
        .committee_goals
        .iter()
        .map(|g| {
            let mut g = g.clone();
            g.description = fill(&g.description);
            g.expected_results = g.expected_results.iter().map(|e| fill(e)).collect();
            g
        })
        .collect();

    // Every committee goal gets at least one enhetsmål while there are
    // enough; the rest are spread at random.
    let nc = committee_goals.len();
    let mut parents: Vec<usize> = (0..goals)
        .map(|i| if i < nc { i } else { rng.below(nc) })
        .collect();
    parents.sort_unstable();
    let titles = rng.distinct(c.goal_titles.len(), goals);
    let mut unit_goals = Vec::with_capacity(goals);
    for (i, parent) in parents.into_iter().enumerate() {
        let title = &c.goal_titles[titles
            .get(i)
            .copied()
            .unwrap_or_else(|| rng.below(c.goal_titles.len()))];
        unit_goals.push(unit_goal(
            &mut rng,
            c,
            i + 1,
            &committee_goals[parent].id,
            &fill(title),
            &fill,
        ));
    }

    let area_ids: Vec<&str> = t.area_goals.iter().map(|a| a.id.as_str()).collect();
    let mut indicators = Vec::new();
    let n = rng.range(3, 8);
    for i in rng.distinct(c.indicators.len(), n) {
        let mut ind = c.indicators[i].clone();
        ind.parent = match rng.below(10) {
            0..=5 if !area_ids.is_empty() => rng.pick(&area_ids).to_string(),
            0..=7 => rng.pick(&committee_goals).id.clone(),
            _ => rng.pick(&unit_goals).id.clone(),
        };
        ind.comment = ind.comment.as_deref().map(fill);
        indicators.push(ind);
    }

    let mut activities = Vec::new();
    let n = rng.range(4, 10);
    for i in rng.distinct(c.activities.len(), n) {
        let parent = if rng.chance(0.6) {
            rng.pick(&committee_goals).id.clone()
        } else {
            rng.pick(&unit_goals).id.clone()
        };
        let (start, end) = activity_dates(&mut rng, year);
        activities.push(Activity {
            id: String::new(),
            parent,
            text: fill(&c.activities[i]),
            start,
            end,
        });
    }

    let sections = t
        .sections
        .iter()
        .map(|s| Section {
            title: fill(&s.title),
            level: s.level,
            after_goals: s.after_goals,
            text: (0..s.paragraphs)
                .map(|_| {
                    let n = rng.range(2, 5);
                    fill(&text::paragraph(&mut rng, &c.sentences, n))
                })
                .collect::<Vec<_>>()
                .join("\n\n"),
        })
        .collect();

    let mut plan = Plan {
        schema: crate::plan::SCHEMA_VERSION,
        unit: Unit {
            id: unit.id.clone(),
            name: unit.name.clone(),
            committee: format!("{} stadsdelsnämnd", unit.sdn),
            year: i64::from(year),
            dnr: None,
            chief: Some(chief.to_string()),
        },
        sections,
        kf_goals: t.kf_goals.clone(),
        area_goals: t.area_goals.clone(),
        committee_goals,
        unit_goals,
        indicators,
        activities,
    };
    plan.normalize();
    // Ids in document order, as a person numbering the plan would.
    for (i, x) in plan.indicators.iter_mut().enumerate() {
        x.id = format!("I{}", i + 1);
    }
    for (i, x) in plan.activities.iter_mut().enumerate() {
        x.id = format!("A{}", i + 1);
    }
    plan
}

fn unit_goal(
    rng: &mut Rng,
    c: &Corpus,
    n: usize,
    parent: &str,
    title: &str,
    fill: &dyn Fn(&str) -> String,
) -> UnitGoal {
    let pick_n = |rng: &mut Rng, pool: &[String], lo: usize, hi: usize| -> Vec<String> {
        let k = rng.range(lo, hi);
        rng.distinct(pool.len(), k)
            .into_iter()
            .map(|i| fill(&pool[i]))
            .collect()
    };
    let prose = |rng: &mut Rng, lo: usize, hi: usize| {
        let n = rng.range(lo, hi);
        Points::Text(fill(&text::paragraph(rng, &c.sentences, n)))
    };
    let expected_results = pick_n(rng, &c.expected_results, 2, 5);
    let ways_of_working = if rng.chance(0.75) {
        Points::Numbered(pick_n(rng, &c.ways_of_working, 2, 4))
    } else {
        prose(rng, 2, 4)
    };
    let follow_up = Points::Numbered(pick_n(rng, &c.follow_up, 1, 3));
    let optional = |rng: &mut Rng, p: f64| {
        if rng.chance(p) {
            prose(rng, 1, 3)
        } else {
            Points::Text(String::new())
        }
    };
    UnitGoal {
        id: format!("E{n}"),
        committee_goal: parent.to_string(),
        title: title.to_string(),
        expected_results,
        ways_of_working,
        resources: optional(rng, 0.35),
        follow_up,
        development: optional(rng, 0.2),
        comment: optional(rng, 0.05),
    }
}

/// Half the activities run all year; the others start in some month of
/// the first three quarters and last one to six months.
fn activity_dates(rng: &mut Rng, year: i32) -> (Date, Date) {
    if rng.chance(0.5) {
        return (date(year, 1, 1), date(year, 12, 31));
    }
    let start_month = rng.range(1, 9) as u8;
    let end_month = (start_month as usize + rng.range(1, 6)).min(12) as u8;
    (
        date(year, start_month, 1),
        date(year, end_month, last_day(year, end_month)),
    )
}

pub fn date(year: i32, month: u8, day: u8) -> Date {
    Date {
        year: year as u16,
        month,
        day,
    }
}

pub fn last_day(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
