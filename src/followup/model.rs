//! A follow-up of one unit's plan for one period: what the chief records
//! for every enhetsmål, indicator and activity. It refers to the plan by
//! ids and is stored as `followups/<period>/<unit>.toml`.

use super::period::Period;
pub use super::unit_parts::{CATEGORIES, Category, ComplaintCount, Economy, Quality};
use crate::plan::Date;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: i64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub schema: i64,
    /// The plan's unit id.
    pub unit: String,
    pub period: Period,
    #[serde(default)]
    pub status: Status,
    /// Set by a reopen: the blob id (40 hex) of the klar version it
    /// reopened. A reviewer's return names the same version as its review,
    /// so a later reopen of another klar version is not taken for it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reopened_from: String,
    /// Sammanfattande analys of the whole unit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, rename = "goal", skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalRecord>,
    #[serde(default, rename = "indicator", skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorRecord>,
    #[serde(default, rename = "activity", skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityRecord>,
    /// Uppföljning av ekonomi.
    #[serde(default, skip_serializing_if = "Economy::is_empty")]
    pub economy: Economy,
    /// Systematiskt kvalitetsarbete.
    #[serde(default, skip_serializing_if = "Quality::is_empty")]
    pub quality: Quality,
    /// Redovisning av synpunkter och klagomål: this period's rows.
    #[serde(default, rename = "complaint", skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<ComplaintCount>,
    /// Lints the chief accepted with a reason before committing as klar.
    #[serde(default, rename = "waiver", skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
    /// Open deviations of the previous period that were not carried over
    /// into this one (so they are not offered again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<super::carry::Dropped>,
}

/// Where a follow-up stands. `klar` is final until reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    #[default]
    #[serde(rename = "utkast")]
    Draft,
    #[serde(rename = "klar")]
    Done,
    #[serde(rename = "återöppnad")]
    Reopened,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "utkast",
            Status::Done => "klar",
            Status::Reopened => "återöppnad",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "utkast" => Some(Status::Draft),
            "klar" => Some(Status::Done),
            "återöppnad" => Some(Status::Reopened),
            _ => None,
        }
    }
}

/// Måluppfyllelse. In T1/T2 it is the forecast for the year end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    #[serde(rename = "helt")]
    Full,
    #[serde(rename = "delvis")]
    Partial,
    #[serde(rename = "inte")]
    Not,
    #[serde(rename = "ej bedömd")]
    NotAssessed,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::Full,
        Rating::Partial,
        Rating::Not,
        Rating::NotAssessed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rating::Full => "helt",
            Rating::Partial => "delvis",
            Rating::Not => "inte",
            Rating::NotAssessed => "ej bedömd",
        }
    }

    /// A symbol that carries the meaning without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Rating::Full => "●",
            Rating::Partial => "◐",
            Rating::Not => "○",
            Rating::NotAssessed => "–",
        }
    }

    /// "Uppfylls helt" (VB) or "Bedöms uppfyllas helt" (T1/T2).
    pub fn label_sv(self, forecast: bool) -> &'static str {
        match (self, forecast) {
            (Rating::Full, false) => "Uppfylls helt",
            (Rating::Partial, false) => "Uppfylls delvis",
            (Rating::Not, false) => "Uppfylls inte",
            (Rating::Full, true) => "Bedöms uppfyllas helt",
            (Rating::Partial, true) => "Bedöms uppfyllas delvis",
            (Rating::Not, true) => "Bedöms inte uppfyllas",
            (Rating::NotAssessed, _) => "Ej bedömd",
        }
    }

    pub fn label_en(self, forecast: bool) -> &'static str {
        match (self, forecast) {
            (Rating::Full, false) => "Fully met",
            (Rating::Partial, false) => "Partly met",
            (Rating::Not, false) => "Not met",
            (Rating::Full, true) => "Expected to be fully met",
            (Rating::Partial, true) => "Expected to be partly met",
            (Rating::Not, true) => "Expected not to be met",
            (Rating::NotAssessed, _) => "Not assessed",
        }
    }

    /// Whether this rating calls for an analysis and deviations.
    pub fn needs_deviation(self) -> bool {
        matches!(self, Rating::Partial | Rating::Not)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalRecord {
    /// The plan's unit goal id (E1, E2 …).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// The summary judgement that opens the analysis.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// One text per förväntat resultat, in order ("Punkt 1", "Punkt 2" …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analysis: Vec<String>,
    #[serde(default, rename = "deviation", skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<Deviation>,
}

impl GoalRecord {
    pub fn new(id: &str) -> Self {
        GoalRecord {
            id: id.to_string(),
            ..Default::default()
        }
    }

    pub fn has_analysis(&self) -> bool {
        !self.summary.trim().is_empty() || self.analysis.iter().any(|a| !a.trim().is_empty())
    }

    /// Characters of analysis written (summary and points).
    pub fn analysis_len(&self) -> usize {
        self.summary.trim().chars().count()
            + self
                .analysis
                .iter()
                .map(|a| a.trim().chars().count())
                .sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.rating.is_none() && !self.has_analysis() && self.deviations.is_empty()
    }
}

/// Avvikelse: what did not go as planned, why, and the åtgärd.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deviation {
    pub what: String,
    /// Optional link: "R2" (expected result 2 of the goal), or an indicator
    /// or activity id of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cause: String,
    /// Åtgärd.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// The åtgärd is carried out: the deviation is closed and is not
    /// offered to the next period.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
    /// How it was closed, written when closing it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The earlier period's deviation this one was carried over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<super::carry::Origin>,
}

/// An indicator's outcome for the period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub women: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub men: Option<f64>,
    /// "Inga data", chosen explicitly.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_data: bool,
}

impl IndicatorRecord {
    pub fn new(id: &str) -> Self {
        IndicatorRecord {
            id: id.to_string(),
            ..Default::default()
        }
    }

    pub fn has_outcome(&self) -> bool {
        self.total.is_some() || self.women.is_some() || self.men.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityStatus {
    #[serde(rename = "genomförd")]
    Done,
    #[serde(rename = "pågår")]
    Ongoing,
    #[serde(rename = "ej påbörjad")]
    NotStarted,
    #[serde(rename = "försenad")]
    Delayed,
    #[serde(rename = "inställd")]
    Cancelled,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 5] = [
        ActivityStatus::Done,
        ActivityStatus::Ongoing,
        ActivityStatus::NotStarted,
        ActivityStatus::Delayed,
        ActivityStatus::Cancelled,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            ActivityStatus::Done => "genomförd",
            ActivityStatus::Ongoing => "pågår",
            ActivityStatus::NotStarted => "ej påbörjad",
            ActivityStatus::Delayed => "försenad",
            ActivityStatus::Cancelled => "inställd",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ActivityStatus::Done => "done",
            ActivityStatus::Ongoing => "ongoing",
            ActivityStatus::NotStarted => "not started",
            ActivityStatus::Delayed => "delayed",
            ActivityStatus::Cancelled => "cancelled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityRecord {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActivityStatus>,
    /// The Avvikelse flag of the report's activity table.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deviation: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub analysis: String,
}

impl ActivityRecord {
    pub fn new(id: &str) -> Self {
        ActivityRecord {
            id: id.to_string(),
            ..Default::default()
        }
    }
}

/// A lint accepted with a written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The lint's code (see `lint::LintKind::code`).
    pub lint: String,
    /// What it is about: a goal, indicator or activity id, or "E3/2" for
    /// a goal's second deviation.
    pub target: String,
    pub reason: String,
}

impl FollowUp {
    /// Whether `other` says the same as this, its status (and which
    /// version it was reopened from) aside: a reopen changes nothing else.
    pub fn same_but_status(&self, other: &FollowUp) -> bool {
        let mut mine = self.clone();
        mine.status = other.status;
        mine.reopened_from = other.reopened_from.clone();
        mine == *other
    }

    /// Whether this is `before` (whose git blob id is `before_blob`)
    /// reopened and nothing else: klar before, återöppnad now, the same
    /// text, and `reopened_from` kept or naming that klar version.
    pub fn is_reopen_of(&self, before: &FollowUp, before_blob: &str) -> bool {
        before.status == Status::Done
            && self.status == Status::Reopened
            && before.same_but_status(self)
            && (self.reopened_from == before.reopened_from
                || self.reopened_from.eq_ignore_ascii_case(before_blob))
    }

    pub fn new(unit: &str, period: Period) -> FollowUp {
        FollowUp {
            schema: SCHEMA_VERSION,
            unit: unit.to_string(),
            period,
            status: Status::Draft,
            reopened_from: String::new(),
            summary: String::new(),
            goals: Vec::new(),
            indicators: Vec::new(),
            activities: Vec::new(),
            economy: Economy::default(),
            quality: Quality::default(),
            complaints: Vec::new(),
            waivers: Vec::new(),
            dropped: Vec::new(),
        }
    }

    pub fn goal(&self, id: &str) -> Option<&GoalRecord> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The goal's record, created (in plan order) when first touched.
    pub fn goal_mut(&mut self, id: &str) -> &mut GoalRecord {
        if let Some(i) = self.goals.iter().position(|g| g.id == id) {
            return &mut self.goals[i];
        }
        self.goals.push(GoalRecord::new(id));
        self.goals.last_mut().expect("just pushed")
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorRecord> {
        self.indicators.iter().find(|g| g.id == id)
    }

    pub fn indicator_mut(&mut self, id: &str) -> &mut IndicatorRecord {
        if let Some(i) = self.indicators.iter().position(|g| g.id == id) {
            return &mut self.indicators[i];
        }
        self.indicators.push(IndicatorRecord::new(id));
        self.indicators.last_mut().expect("just pushed")
    }

    pub fn activity(&self, id: &str) -> Option<&ActivityRecord> {
        self.activities.iter().find(|g| g.id == id)
    }

    pub fn activity_mut(&mut self, id: &str) -> &mut ActivityRecord {
        if let Some(i) = self.activities.iter().position(|g| g.id == id) {
            return &mut self.activities[i];
        }
        self.activities.push(ActivityRecord::new(id));
        self.activities.last_mut().expect("just pushed")
    }

    pub fn complaint(&self, code: &str) -> Option<&ComplaintCount> {
        self.complaints.iter().find(|c| c.category == code)
    }

    pub fn complaint_mut(&mut self, code: &str) -> &mut ComplaintCount {
        if let Some(i) = self.complaints.iter().position(|c| c.category == code) {
            return &mut self.complaints[i];
        }
        self.complaints.push(ComplaintCount {
            category: code.to_string(),
            ..Default::default()
        });
        self.complaints.last_mut().expect("just pushed")
    }

    /// Whether anything of the unit-level parts is filled in.
    pub fn has_unit_parts(&self) -> bool {
        !self.summary.trim().is_empty()
            || !self.economy.is_empty()
            || !self.quality.is_empty()
            || self.complaints.iter().any(|c| !c.is_empty())
    }

    /// Puts records in the plan's order and drops empty ones, so the file
    /// diffs goal by goal whatever order the chief worked in.
    pub fn normalize(&mut self, plan: &crate::plan::Plan) {
        let order = |ids: Vec<&str>| -> std::collections::HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_string(), i))
                .collect()
        };
        let goals = order(plan.unit_goals.iter().map(|x| x.id.as_str()).collect());
        let indicators = order(plan.indicators.iter().map(|x| x.id.as_str()).collect());
        let activities = order(plan.activities.iter().map(|x| x.id.as_str()).collect());
        let at = |map: &std::collections::HashMap<String, usize>, id: &str| {
            map.get(id).copied().unwrap_or(usize::MAX)
        };
        self.goals.retain(|g| !g.is_empty());
        for g in &mut self.goals {
            while g.analysis.last().is_some_and(|a| a.is_empty()) {
                g.analysis.pop();
            }
        }
        self.goals.sort_by_key(|g| at(&goals, &g.id));
        self.indicators.retain(|r| r.has_outcome() || r.no_data);
        self.indicators.sort_by_key(|r| at(&indicators, &r.id));
        self.activities
            .retain(|r| r.status.is_some() || r.deviation || !r.analysis.is_empty());
        self.activities.sort_by_key(|r| at(&activities, &r.id));
        self.complaints.retain(|c| !c.is_empty());
        self.complaints
            .sort_by_key(|c| super::unit_parts::category_order(&c.category));
    }
}
