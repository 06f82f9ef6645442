//! The checks of the review screen: what a finished follow-up must have.
//! A follow-up is committed as `klar` only when every blocking lint is
//! resolved or waived with a written reason; which kinds block, warn or
//! are off is the workspace's choice (`[klar]` in `tertial.toml`).

use super::model::{FollowUp, Rating};
use super::period::Period;
use crate::plan::{Periodicity, Plan};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LintKind {
    /// An enhetsmål without a rating.
    RatingMissing,
    /// A rated enhetsmål (helt, delvis or inte) without an analysis.
    AnalysisMissing,
    /// "Ej bedömd" without a written reason.
    ReasonMissing,
    /// Uppfylls delvis/inte without a deviation.
    DeviationMissing,
    /// A deviation without åtgärd.
    MeasureMissing,
    /// A deviation that names nothing it concerns (Gäller).
    LinkMissing,
    /// A deviation due before today.
    DuePast,
    /// An indicator due this period without an outcome (or Inga data).
    OutcomeMissing,
    /// An activity without a status.
    ActivityStatusMissing,
    /// No Sammanfattande analys.
    SummaryMissing,
    /// Economy figures without an analysis.
    EconomyAnalysisMissing,
    /// A text longer than the workspace's limit (`[limits]`).
    OverLimit,
    /// Words the dictionary and the word lists do not know (found where a
    /// dictionary is loaded: the review adds them, not [`check`]).
    Spelling,
}

impl LintKind {
    pub const ALL: [LintKind; 13] = [
        LintKind::RatingMissing,
        LintKind::AnalysisMissing,
        LintKind::ReasonMissing,
        LintKind::DeviationMissing,
        LintKind::MeasureMissing,
        LintKind::LinkMissing,
        LintKind::DuePast,
        LintKind::OutcomeMissing,
        LintKind::ActivityStatusMissing,
        LintKind::SummaryMissing,
        LintKind::EconomyAnalysisMissing,
        LintKind::OverLimit,
        LintKind::Spelling,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LintKind::RatingMissing => "rating-missing",
            LintKind::AnalysisMissing => "analysis-missing",
            LintKind::ReasonMissing => "reason-missing",
            LintKind::DeviationMissing => "deviation-missing",
            LintKind::MeasureMissing => "measure-missing",
            LintKind::LinkMissing => "link-missing",
            LintKind::DuePast => "due-past",
            LintKind::OutcomeMissing => "outcome-missing",
            LintKind::ActivityStatusMissing => "activity-status-missing",
            LintKind::SummaryMissing => "summary-missing",
            LintKind::EconomyAnalysisMissing => "economy-analysis-missing",
            LintKind::OverLimit => "over-limit",
            LintKind::Spelling => "spelling",
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
            LintKind::AnalysisMissing => "Bedömt mål utan analys",
            LintKind::ReasonMissing => "Ej bedömt utan skriven orsak",
            LintKind::DeviationMissing => "Delvis/inte uppfyllt utan avvikelse",
            LintKind::MeasureMissing => "Avvikelse utan åtgärd",
            LintKind::LinkMissing => "Avvikelse utan Gäller (resultat, indikator, aktivitet)",
            LintKind::DuePast => "Avvikelsens Klart senast har passerats",
            LintKind::OutcomeMissing => "Indikator utan utfall (välj Inga data om det saknas)",
            LintKind::ActivityStatusMissing => "Aktivitet utan status",
            LintKind::SummaryMissing => "Sammanfattande analys saknas",
            LintKind::EconomyAnalysisMissing => "Ekonomins siffror utan analys",
            LintKind::OverLimit => "För lång text",
            LintKind::Spelling => "Stavning: ord som ordlistan inte känner",
        }
    }

    pub fn describe_en(self) -> &'static str {
        match self {
            LintKind::RatingMissing => "Goal without a rating",
            LintKind::AnalysisMissing => "Rated goal without an analysis",
            LintKind::ReasonMissing => "Not assessed without a written reason",
            LintKind::DeviationMissing => "Partly/not met without a deviation",
            LintKind::MeasureMissing => "Deviation without a measure",
            LintKind::LinkMissing => "Deviation without what it concerns",
            LintKind::DuePast => "The deviation's due date has passed",
            LintKind::OutcomeMissing => "Indicator without an outcome (choose No data if missing)",
            LintKind::ActivityStatusMissing => "Activity without a status",
            LintKind::SummaryMissing => "No summary analysis",
            LintKind::EconomyAnalysisMissing => "Economy figures without an analysis",
            LintKind::OverLimit => "Text too long",
            LintKind::Spelling => "Spelling: words the dictionary does not know",
        }
    }

    /// The city's rule: what blocks klar unless fixed or waived, what is
    /// only pointed out.
    pub fn city_level(self) -> Level {
        match self {
            LintKind::LinkMissing
            | LintKind::DuePast
            | LintKind::OverLimit
            | LintKind::Spelling => Level::Warn,
            _ => Level::Block,
        }
    }
}

/// How a workspace treats a kind of remark (`[klar]` in `tertial.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// Blocks klar until fixed or waived with a reason.
    Block,
    /// Shown in the review; klar is not blocked.
    Warn,
    /// Not checked.
    Off,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Block => "block",
            Level::Warn => "warn",
            Level::Off => "off",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        [Level::Block, Level::Warn, Level::Off]
            .into_iter()
            .find(|l| l.code() == s)
    }
}

/// Which remarks block klar: the city's defaults, changed per kind by
/// the workspace's `tertial.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rules {
    changed: Vec<(LintKind, Level)>,
    /// The texts' length limits (`[limits]`), checked as `over-limit`.
    pub limits: super::limits::Limits,
}

impl Rules {
    pub fn level(&self, kind: LintKind) -> Level {
        self.changed
            .iter()
            .rev()
            .find(|(k, _)| *k == kind)
            .map_or(kind.city_level(), |(_, l)| *l)
    }

    pub fn set(&mut self, kind: LintKind, level: Level) {
        self.changed.push((kind, level));
    }

    /// The `[klar]` table of a `tertial.toml`: `"remark-kind" = "block"`,
    /// `"warn"` or `"off"`. No table: the city's defaults.
    pub fn from_marker(text: &str) -> Result<Rules, String> {
        let table: toml::Table =
            toml::from_str(text).map_err(|e| crate::plan::load::humanize(e.message()))?;
        let lang = crate::i18n::current();
        let mut rules = Rules::default();
        let Some(klar) = table.get(KLAR_TABLE) else {
            return Ok(rules);
        };
        let Some(klar) = klar.as_table() else {
            return Err(lang.pick(
                format!(
                    "[{KLAR_TABLE}] ska vara en tabell av \"anmärkning\" = \"block\"|\"warn\"|\"off\""
                ),
                format!(
                    "[{KLAR_TABLE}] must be a table of \"remark\" = \"block\"|\"warn\"|\"off\""
                ),
            ));
        };
        for (code, value) in klar {
            let kind = LintKind::from_code(code).ok_or_else(|| {
                lang.pick(
                    format!(
                        "[{KLAR_TABLE}] {code:?}: okänd anmärkning; förväntade en av {}",
                        LintKind::codes().join(", ")
                    ),
                    format!(
                        "[{KLAR_TABLE}] {code:?}: unknown remark; expected one of {}",
                        LintKind::codes().join(", ")
                    ),
                )
            })?;
            let level = value.as_str().and_then(Level::parse).ok_or_else(|| {
                lang.pick(
                    format!("[{KLAR_TABLE}] {code}: förväntade \"block\", \"warn\" eller \"off\""),
                    format!("[{KLAR_TABLE}] {code}: expected \"block\", \"warn\" or \"off\""),
                )
            })?;
            rules.set(kind, level);
        }
        Ok(rules)
    }
}

/// The table of `tertial.toml` that sets which remarks block klar.
pub const KLAR_TABLE: &str = "klar";

/// Where a lint points, for the jump from the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    Rating,
    Analysis,
    /// The n-th deviation (0-based), or a new one when it is past the end.
    Deviation(usize),
    /// The n-th deviation's link (Gäller).
    DeviationLink(usize),
    /// The n-th deviation's due date.
    DeviationDue(usize),
    Indicator(String),
    Activity(String),
    /// On the unit-level page: Sammanfattande analys.
    UnitSummary,
    /// On the unit-level page: the economy's analysis.
    EconomyAnalysis,
    /// A text over its length limit.
    Text(super::limits::TextSpot),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub kind: LintKind,
    /// The enhetsmål to open to fix it ("" for the unit-level parts).
    pub goal: String,
    pub spot: Spot,
    /// What a waiver names: "E3", "E3/2" (second deviation), "I4", "A2",
    /// "enhet" (the unit-level parts).
    pub target: String,
    /// The reason, when the chief waived it.
    pub waived: Option<String>,
    /// Block or Warn (Off remarks are not listed).
    pub level: Level,
    /// For `over-limit`: the text's characters and its limit.
    pub length: Option<(usize, usize)>,
    /// What exactly it found, where the kind does not say it all (the
    /// misspelled words of a field).
    pub detail: Option<String>,
}

impl Lint {
    /// Whether it stands in the way of klar.
    pub fn blocks(&self) -> bool {
        self.level == Level::Block && self.waived.is_none()
    }
}

/// What a waiver of a unit-level remark names.
pub const UNIT_TARGET: &str = "enhet";

/// Whether an indicator's outcome is expected in this period: yearly
/// indicators are measured for the VB only.
pub fn indicator_due(periodicity: Periodicity, period: Period) -> bool {
    periodicity != Periodicity::Year || !period.is_forecast()
}

/// The remarks with the city's rules, today.
pub fn lints(plan: &Plan, f: &FollowUp) -> Vec<Lint> {
    check(plan, f, &Rules::default(), crate::clock::today())
}

/// The remarks of `f` under `rules`; `today` (year, month, day) for due
/// dates.
pub fn check(plan: &Plan, f: &FollowUp, rules: &Rules, today: (i32, u32, u32)) -> Vec<Lint> {
    let mut out = Vec::new();
    let mut push_with = |kind, goal: &str, spot, target: String, length| {
        let level = rules.level(kind);
        if level == Level::Off {
            return;
        }
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
            level,
            length,
            detail: None,
        });
    };
    let mut push =
        |kind, goal: &str, spot, target: String| push_with(kind, goal, spot, target, None);
    let mut indicator_seen = std::collections::HashSet::new();
    let mut activity_seen = std::collections::HashSet::new();
    for goal in &plan.unit_goals {
        let rec = f.goal(&goal.id);
        let id = || goal.id.clone();
        let written = rec.is_some_and(|r| r.has_analysis());
        match rec.and_then(|r| r.rating) {
            None => push(LintKind::RatingMissing, &goal.id, Spot::Rating, id()),
            Some(Rating::NotAssessed) if !written => {
                push(LintKind::ReasonMissing, &goal.id, Spot::Analysis, id())
            }
            Some(Rating::NotAssessed) => {}
            Some(r) => {
                if !written {
                    push(LintKind::AnalysisMissing, &goal.id, Spot::Analysis, id());
                }
                if r.needs_deviation() && rec.is_none_or(|g| g.deviations.is_empty()) {
                    push(
                        LintKind::DeviationMissing,
                        &goal.id,
                        Spot::Deviation(0),
                        id(),
                    );
                }
            }
        }
        for (i, d) in rec.iter().flat_map(|r| r.deviations.iter().enumerate()) {
            let target = format!("{}/{}", goal.id, i + 1);
            if d.measure.trim().is_empty() {
                push(
                    LintKind::MeasureMissing,
                    &goal.id,
                    Spot::Deviation(i),
                    target.clone(),
                );
            }
            if d.link.as_deref().is_none_or(|l| l.trim().is_empty()) {
                push(
                    LintKind::LinkMissing,
                    &goal.id,
                    Spot::DeviationLink(i),
                    target.clone(),
                );
            }
            if let Some(due) = d.due.filter(|_| !d.done)
                && (
                    i32::from(due.year),
                    u32::from(due.month),
                    u32::from(due.day),
                ) < today
            {
                push(LintKind::DuePast, &goal.id, Spot::DeviationDue(i), target);
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
        for a in plan.activities_for_goal(goal) {
            if !activity_seen.insert(a.id.clone()) {
                continue;
            }
            if f.activity(&a.id).is_none_or(|r| r.status.is_none()) {
                push(
                    LintKind::ActivityStatusMissing,
                    &goal.id,
                    Spot::Activity(a.id.clone()),
                    a.id.clone(),
                );
            }
        }
    }
    if f.summary.trim().is_empty() {
        push(
            LintKind::SummaryMissing,
            "",
            Spot::UnitSummary,
            UNIT_TARGET.into(),
        );
    }
    let figures = f.economy.budget.is_some() || f.economy.outcome.is_some();
    if figures && f.economy.analysis.trim().is_empty() {
        push(
            LintKind::EconomyAnalysisMissing,
            "",
            Spot::EconomyAnalysis,
            UNIT_TARGET.into(),
        );
    }
    for t in super::limits::too_long(plan, f, &rules.limits) {
        push_with(
            LintKind::OverLimit,
            &t.goal,
            Spot::Text(t.spot),
            t.target,
            Some((t.chars, t.limit)),
        );
    }
    out
}

/// Lints neither resolved nor waived that block `klar`, with the city's
/// rules.
pub fn open_lints(plan: &Plan, f: &FollowUp) -> Vec<Lint> {
    lints(plan, f).into_iter().filter(Lint::blocks).collect()
}

/// Lints that block `klar` under `rules`.
pub fn blocking(plan: &Plan, f: &FollowUp, rules: &Rules, today: (i32, u32, u32)) -> Vec<Lint> {
    check(plan, f, rules, today)
        .into_iter()
        .filter(Lint::blocks)
        .collect()
}
