//! Builds one generated follow-up: a rating, a summary and an analysis per
//! expected result for every enhetsmål, deviations with åtgärd where a goal
//! is met only partly or not, outcomes of the indicators due, and the
//! status of every activity. A `klar` follow-up passes every lint.

use super::phrases as ph;
use super::plan::{date, last_day};
use super::rng::Rng;
use super::text::Corpus;
use crate::followup::lint::indicator_due;
use crate::followup::{
    ActivityRecord, ActivityStatus, Deviation, FollowUp, GoalRecord, IndicatorRecord, Period,
    PeriodKind, Rating, Status, Waiver,
};
use crate::plan::{Date, Indicator, Plan};

/// The follow-up of `plan` for `period`, normalized (plan order, no empty
/// records). `quality` (0..1) is how well the unit tends to do.
pub fn build(c: &Corpus, plan: &Plan, period: Period, quality: f64, rng: &mut Rng) -> FollowUp {
    let mut f = FollowUp::new(&plan.unit.id, period);
    f.status = if rng.chance(0.94) {
        Status::Done
    } else {
        Status::Draft
    };
    let draft = f.status == Status::Draft;
    let full = 0.45 + 0.4 * quality;
    for goal in &plan.unit_goals {
        if draft && rng.chance(0.25) {
            continue;
        }
        let x = rng.unit();
        let rating = if period.kind == PeriodKind::T1 && x > 0.98 {
            Rating::NotAssessed
        } else if x < full {
            Rating::Full
        } else if x < full + (1.0 - full) * 0.75 {
            Rating::Partial
        } else {
            Rating::Not
        };
        let mut rec = GoalRecord::new(&goal.id);
        rec.rating = Some(rating);
        rec.summary = summary(rng, c, rating, period.is_forecast());
        rec.analysis = (0..goal.expected_results.len())
            .map(|_| analysis(rng, c))
            .collect();
        if rating.needs_deviation() {
            let n = if rating == Rating::Not {
                rng.range(1, 3)
            } else {
                rng.range(1, 2)
            };
            let indicators: Vec<&str> = plan
                .indicators_for_goal(goal)
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            let activities: Vec<&str> = plan
                .activities_for_goal(goal)
                .iter()
                .map(|a| a.id.as_str())
                .collect();
            for _ in 0..n {
                let link = match rng.below(20) {
                    0..=12 => Some(format!("R{}", rng.range(1, goal.expected_results.len()))),
                    13..=15 if !indicators.is_empty() => Some(rng.pick(&indicators).to_string()),
                    13..=17 if !activities.is_empty() => Some(rng.pick(&activities).to_string()),
                    _ => None,
                };
                rec.deviations.push(deviation(rng, period, link, draft));
            }
        }
        f.goals.push(rec);
    }

    for ind in &plan.indicators {
        if !indicator_due(ind.periodicity, period) {
            continue;
        }
        if !period.is_forecast() && !draft && rng.chance(0.03) {
            f.waivers.push(Waiver {
                lint: "outcome-missing".into(),
                target: ind.id.clone(),
                reason: rng.pick(ph::WAIVER_REASON).to_string(),
            });
            continue;
        }
        f.indicators.push(outcome(rng, ind));
    }

    let period_end = match period.kind {
        PeriodKind::T1 => date(period.year, 4, 30),
        PeriodKind::T2 => date(period.year, 8, 31),
        PeriodKind::Vb => date(period.year, 12, 31),
    };
    for a in &plan.activities {
        if draft && rng.chance(0.2) {
            continue;
        }
        let status = activity_status(rng, a.start, a.end, period_end);
        let mut rec = ActivityRecord::new(&a.id);
        rec.status = Some(status);
        rec.deviation = matches!(status, ActivityStatus::Delayed | ActivityStatus::Cancelled);
        let comments = match status {
            ActivityStatus::Done => ph::ACTIVITY_DONE,
            ActivityStatus::Ongoing | ActivityStatus::NotStarted => ph::ACTIVITY_ONGOING,
            ActivityStatus::Delayed => ph::ACTIVITY_DELAYED,
            ActivityStatus::Cancelled => ph::ACTIVITY_CANCELLED,
        };
        if rec.deviation || (status != ActivityStatus::NotStarted && rng.chance(0.35)) {
            rec.analysis = rng.pick(comments).to_string();
        }
        f.activities.push(rec);
    }
    f.summary = unit_summary(&f);
    f.normalize(plan);
    f
}

/// The Sammanfattande analys: the goals' ratings in a sentence (made
/// without the random generator, so the rest stays as it was).
fn unit_summary(f: &FollowUp) -> String {
    let count = |r: Rating| f.goals.iter().filter(|g| g.rating == Some(r)).count();
    format!(
        "Av enhetens {} bedömda mål uppfylls {} helt, {} delvis och {} inte. \
         Avvikelserna och åtgärderna redovisas under respektive mål.",
        f.goals.iter().filter(|g| g.rating.is_some()).count(),
        count(Rating::Full),
        count(Rating::Partial),
        count(Rating::Not)
    )
}

fn summary(rng: &mut Rng, c: &Corpus, rating: Rating, forecast: bool) -> String {
    let openings = match (rating, forecast) {
        (Rating::Full, false) => ph::SUMMARY_FULL,
        (Rating::Partial, false) => ph::SUMMARY_PARTIAL,
        (Rating::Not, false) => ph::SUMMARY_NOT,
        (Rating::Full, true) => ph::FORECAST_FULL,
        (Rating::Partial, true) => ph::FORECAST_PARTIAL,
        (Rating::Not, true) => ph::FORECAST_NOT,
        (Rating::NotAssessed, _) => ph::SUMMARY_UNASSESSED,
    };
    let mut s = rng.pick(openings).to_string();
    for _ in 0..rng.range(1, 2) {
        s.push(' ');
        s.push_str(sentence(rng, c));
    }
    s
}

/// One to three sentences about one expected result.
fn analysis(rng: &mut Rng, c: &Corpus) -> String {
    let mut s = String::new();
    for i in 0..rng.range(1, 3) {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(sentence(rng, c));
    }
    s
}

/// A follow-up sentence, now and then one of the plan's own.
fn sentence<'a>(rng: &mut Rng, c: &'a Corpus) -> &'a str {
    let phrase = ph::ANALYSIS[rng.below(ph::ANALYSIS.len())];
    if rng.chance(0.7) {
        return phrase;
    }
    // Harvested sentences may carry markers; use only those without.
    let s = rng.pick(&c.sentences);
    if s.contains('{') { phrase } else { s }
}

fn deviation(rng: &mut Rng, period: Period, link: Option<String>, draft: bool) -> Deviation {
    let what = rng
        .pick(ph::DEVIATION_WHAT)
        .replace("{n}", &rng.range(2, 14).to_string());
    let due_month = match period.kind {
        PeriodKind::T1 => [6u8, 8, 9][rng.below(3)],
        PeriodKind::T2 => [10u8, 11, 12][rng.below(3)],
        PeriodKind::Vb => [3u8, 4, 6][rng.below(3)],
    };
    let due_year = period.year + i32::from(period.kind == PeriodKind::Vb);
    Deviation {
        what,
        link,
        cause: if rng.chance(0.85) {
            rng.pick(ph::DEVIATION_CAUSE).to_string()
        } else {
            String::new()
        },
        measure: if draft && rng.chance(0.3) {
            String::new()
        } else {
            rng.pick(ph::DEVIATION_MEASURE).to_string()
        },
        responsible: rng
            .chance(0.8)
            .then(|| rng.pick(ph::RESPONSIBLE).to_string()),
        due: rng
            .chance(0.8)
            .then(|| date(due_year, due_month, last_day(due_year, due_month))),
        ..Default::default()
    }
}

/// An outcome near the annual target (or a plausible value without one).
fn outcome(rng: &mut Rng, ind: &Indicator) -> IndicatorRecord {
    let mut rec = IndicatorRecord::new(&ind.id);
    if rng.chance(0.02) {
        rec.no_data = true;
        return rec;
    }
    let percent = ind.is_percent();
    let target = ind.target_value();
    let base = target.unwrap_or(if percent { 60.0 } else { 20.0 });
    let spread = if percent { 0.12 } else { 0.2 };
    let whole = !percent && target.is_some_and(|t| t.fract() == 0.0 && t >= 5.0);
    let value = |v: f64| {
        let v = if percent {
            v.clamp(0.0, 100.0)
        } else {
            v.max(0.0)
        };
        if whole {
            v.round()
        } else {
            (v * 10.0).round() / 10.0
        }
    };
    let total = base * (1.0 + (rng.unit() * 2.0 - 1.0) * spread);
    rec.total = Some(value(total));
    if ind.by_sex {
        let d = base * 0.1 * (rng.unit() * 2.0 - 1.0);
        rec.women = Some(value(total + d));
        rec.men = Some(value(total - d));
    }
    rec
}

fn activity_status(rng: &mut Rng, start: Date, end: Date, period_end: Date) -> ActivityStatus {
    let x = rng.below(100);
    if start > period_end {
        if x < 92 {
            ActivityStatus::NotStarted
        } else {
            ActivityStatus::Ongoing
        }
    } else if end <= period_end {
        match x {
            0..=79 => ActivityStatus::Done,
            80..=91 => ActivityStatus::Delayed,
            92..=94 => ActivityStatus::Cancelled,
            _ => ActivityStatus::Ongoing,
        }
    } else {
        match x {
            0..=79 => ActivityStatus::Ongoing,
            80..=87 => ActivityStatus::Done,
            88..=97 => ActivityStatus::Delayed,
            _ => ActivityStatus::NotStarted,
        }
    }
}
