//! The checks of the review screen: what a finished follow-up must have.
//! A follow-up is committed as `klar` only when every lint is resolved or
//! waived with a written reason.

use super::model::{FollowUp, Rating};
use super::period::Period;
use crate::plan::{Periodicity, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LintKind {
    /// An enhetsmål without a rating.
    RatingMissing,
    /// Uppfylls delvis/inte without an analysis.
    AnalysisMissing,
    /// Uppfylls delvis/inte without a deviation.
    DeviationMissing,
    /// A deviation without åtgärd.
    MeasureMissing,
    /// An indicator due this period without an outcome (or Inga data).
    OutcomeMissing,
}

impl LintKind {
    pub const ALL: [LintKind; 5] = [
        LintKind::RatingMissing,
        LintKind::AnalysisMissing,
        LintKind::DeviationMissing,
        LintKind::MeasureMissing,
        LintKind::OutcomeMissing,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LintKind::RatingMissing => "rating-missing",
            LintKind::AnalysisMissing => "analysis-missing",
            LintKind::DeviationMissing => "deviation-missing",
            LintKind::MeasureMissing => "measure-missing",
            LintKind::OutcomeMissing => "outcome-missing",
        }
    }

    pub fn from_code(code: &str) -> Option<LintKind> {
        LintKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn codes() -> Vec<&'static str> {
        LintKind::ALL.iter().map(|k| k.code()).collect()
    }

    pub fn describe_sv(self) -> &'static str {
        match self {
            LintKind::RatingMissing => "Målet saknar bedömning",
            LintKind::AnalysisMissing => "Delvis/inte uppfyllt utan analys",
            LintKind::DeviationMissing => "Delvis/inte uppfyllt utan avvikelse",
            LintKind::MeasureMissing => "Avvikelse utan åtgärd",
            LintKind::OutcomeMissing => "Indikator utan utfall (välj Inga data om det saknas)",
        }
    }

    pub fn describe_en(self) -> &'static str {
        match self {
            LintKind::RatingMissing => "Goal without a rating",
            LintKind::AnalysisMissing => "Partly/not met without an analysis",
            LintKind::DeviationMissing => "Partly/not met without a deviation",
            LintKind::MeasureMissing => "Deviation without a measure",
            LintKind::OutcomeMissing => "Indicator without an outcome (choose No data if missing)",
        }
    }
}

/// Where in a goal a lint points, for the jump from the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    Rating,
    Analysis,
    /// The n-th deviation (0-based), or a new one when it is past the end.
    Deviation(usize),
    Indicator(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub kind: LintKind,
    /// The enhetsmål to open to fix it.
    pub goal: String,
    pub spot: Spot,
    /// What a waiver names: "E3", "E3/2" (second deviation), "I4".
    pub target: String,
    /// The reason, when the chief waived it.
    pub waived: Option<String>,
}

/// Whether an indicator's outcome is expected in this period: yearly
/// indicators are measured for the VB only.
pub fn indicator_due(periodicity: Periodicity, period: Period) -> bool {
    periodicity != Periodicity::Year || !period.is_forecast()
}

pub fn lints(plan: &Plan, f: &FollowUp) -> Vec<Lint> {
    let mut out = Vec::new();
    let mut push = |kind, goal: &str, spot, target: String| {
        let waived = f
            .waivers
            .iter()
            .find(|w| w.lint == LintKind::code(kind) && w.target == target)
            .map(|w| w.reason.clone());
        out.push(Lint {
            kind,
            goal: goal.to_string(),
            spot,
            target,
            waived,
        });
    };
    let mut indicator_seen = std::collections::HashSet::new();
    for goal in &plan.unit_goals {
        let rec = f.goal(&goal.id);
        match rec.and_then(|r| r.rating) {
            None => push(
                LintKind::RatingMissing,
                &goal.id,
                Spot::Rating,
                goal.id.clone(),
            ),
            Some(r) if r.needs_deviation() => {
                let rec = rec.expect("rated goals have a record");
                if !rec.has_analysis() {
                    push(
                        LintKind::AnalysisMissing,
                        &goal.id,
                        Spot::Analysis,
                        goal.id.clone(),
                    );
                }
                if rec.deviations.is_empty() {
                    push(
                        LintKind::DeviationMissing,
                        &goal.id,
                        Spot::Deviation(0),
                        goal.id.clone(),
                    );
                }
            }
            Some(_) => {}
        }
        if let Some(rec) = rec {
            for (i, d) in rec.deviations.iter().enumerate() {
                if d.measure.trim().is_empty() {
                    push(
                        LintKind::MeasureMissing,
                        &goal.id,
                        Spot::Deviation(i),
                        format!("{}/{}", goal.id, i + 1),
                    );
                }
            }
        }
        for ind in plan.indicators_for_goal(goal) {
            if !indicator_due(ind.periodicity, f.period) || !indicator_seen.insert(ind.id.clone()) {
                continue;
            }
            let done = f
                .indicator(&ind.id)
                .is_some_and(|r| r.has_outcome() || r.no_data);
            if !done {
                push(
                    LintKind::OutcomeMissing,
                    &goal.id,
                    Spot::Indicator(ind.id.clone()),
                    ind.id.clone(),
                );
            }
        }
    }
    let _ = Rating::ALL;
    out
}

/// Lints neither resolved nor waived: these block a `klar` commit.
pub fn open_lints(plan: &Plan, f: &FollowUp) -> Vec<Lint> {
    lints(plan, f)
        .into_iter()
        .filter(|l| l.waived.is_none())
        .collect()
}
