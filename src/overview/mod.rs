//! The roll-up across units for one period: per unit its status (klar,
//! utkast, återöppnad, ej påbörjad) and its goals' ratings grouped by
//! nämndmål, per nämndmål the counts of each rating. Built from what is
//! committed on `main` (see `read`), with a cache keyed by blob id (`cache`).

pub mod cache;
pub mod command;
pub mod read;
mod rollup;
pub mod scan;

pub use rollup::{default_period, due_next, due_of, normalise, roll_up, step_period};

use crate::followup::{Period, Rating, Status};
pub use crate::review::FlowState;

/// A workspace with more units than this opens on the overview instead of
/// the plain unit list.
pub const START_SCREEN_UNITS: usize = 20;

/// What the roll-up needs of one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    pub unit_id: String,
    pub unit_name: String,
    pub committee: String,
    pub year: i64,
    /// The enhetsmål in plan order.
    pub goals: Vec<GoalSummary>,
}

impl PlanSummary {
    /// The summary of a plan already loaded in full.
    pub fn of(plan: &crate::plan::Plan) -> PlanSummary {
        PlanSummary {
            unit_id: plan.unit.id.clone(),
            unit_name: plan.unit.name.clone(),
            committee: plan.unit.committee.clone(),
            year: plan.unit.year,
            goals: plan
                .unit_goals
                .iter()
                .map(|g| {
                    let cg = plan
                        .committee_goals
                        .iter()
                        .find(|c| c.id == g.committee_goal);
                    GoalSummary {
                        id: g.id.clone(),
                        title: g.title.clone(),
                        committee_goal_id: cg.map(|c| c.id.clone()).unwrap_or_default(),
                        committee_goal_title: cg.map(|c| c.title.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
        }
    }
}

/// One enhetsmål with its nämndmål resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalSummary {
    pub id: String,
    pub title: String,
    /// The nämndmål's id and title (empty when the plan names none).
    pub committee_goal_id: String,
    pub committee_goal_title: String,
}

/// What the roll-up needs of one committed follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpSummary {
    pub unit: String,
    pub period: String,
    pub status: Status,
    /// The klar version a reopen reopened (empty: none said); see
    /// `FollowUp::reopened_from`.
    pub reopened_from: String,
    /// Goal id and rating, for the goals that have one.
    pub ratings: Vec<(String, Rating)>,
    /// Its place in the review flow. Set from the review on file after
    /// reading (the cache keeps only what the file itself says, so a new
    /// review always shows).
    pub flow: FlowState,
}

/// Where a unit's follow-up of the period stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitStatus {
    /// No follow-up committed.
    NotStarted,
    Draft,
    Reopened,
    Done,
}

impl UnitStatus {
    pub fn label_sv(self) -> &'static str {
        match self {
            UnitStatus::NotStarted => "ej påbörjad",
            UnitStatus::Draft => "utkast",
            UnitStatus::Reopened => "återöppnad",
            UnitStatus::Done => "klar",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            UnitStatus::NotStarted => "not started",
            UnitStatus::Draft => "draft",
            UnitStatus::Reopened => "reopened",
            UnitStatus::Done => "done",
        }
    }

    fn of(status: Option<Status>) -> UnitStatus {
        match status {
            None => UnitStatus::NotStarted,
            Some(Status::Draft) => UnitStatus::Draft,
            Some(Status::Reopened) => UnitStatus::Reopened,
            Some(Status::Done) => UnitStatus::Done,
        }
    }
}

/// A goal's mark in the roll-up: its rating, or none given (saknas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Rated(Rating),
    Missing,
}

/// The symbol of a goal without a rating.
pub const MISSING_SYMBOL: &str = "?";

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Rated(r) => r.symbol(),
            Mark::Missing => MISSING_SYMBOL,
        }
    }

    /// The code used in CSV: helt, delvis, inte, ej bedömd, saknas.
    pub fn code(self) -> &'static str {
        match self {
            Mark::Rated(r) => r.code(),
            Mark::Missing => "saknas",
        }
    }
}

/// How many goals have each mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub full: usize,
    pub partial: usize,
    pub not: usize,
    pub not_assessed: usize,
    pub missing: usize,
}

impl Counts {
    pub fn add(&mut self, mark: Mark) {
        match mark {
            Mark::Rated(Rating::Full) => self.full += 1,
            Mark::Rated(Rating::Partial) => self.partial += 1,
            Mark::Rated(Rating::Not) => self.not += 1,
            Mark::Rated(Rating::NotAssessed) => self.not_assessed += 1,
            Mark::Missing => self.missing += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.full + self.partial + self.not + self.not_assessed + self.missing
    }

    /// (symbol, Swedish word, count) in the order reports show them.
    pub fn columns(&self) -> [(&'static str, &'static str, usize); 5] {
        [
            (Rating::Full.symbol(), "helt", self.full),
            (Rating::Partial.symbol(), "delvis", self.partial),
            (Rating::Not.symbol(), "inte", self.not),
            (Rating::NotAssessed.symbol(), "ej bedömd", self.not_assessed),
            (MISSING_SYMBOL, "saknas", self.missing),
        ]
    }
}

/// A nämndmål shared by units (matched by id and title, whitespace and
/// case normalised), with the counts over all units' goals under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// A short column label: the id, made unique among the groups.
    pub label: String,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalCell {
    pub id: String,
    pub title: String,
    pub mark: Mark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub id: String,
    pub name: String,
    pub committee: String,
    pub status: UnitStatus,
    /// Its place in the review flow (ej påbörjad … godkänd).
    pub flow: FlowState,
    /// Per group (same order as `Overview::groups`), the unit's goals under
    /// that nämndmål in plan order.
    pub cells: Vec<Vec<GoalCell>>,
    pub counts: Counts,
}

impl UnitRow {
    /// Where the unit stands in words: its status, or återsänd / godkänd
    /// when a review says so.
    pub fn standing_sv(&self) -> &'static str {
        match self.flow {
            FlowState::Returned | FlowState::Approved => self.flow.label_sv(),
            _ => self.status.label_sv(),
        }
    }

    pub fn standing_en(&self) -> &'static str {
        match self.flow {
            FlowState::Returned | FlowState::Approved => self.flow.label_en(),
            _ => self.status.label_en(),
        }
    }
}

/// Units per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub done: usize,
    pub draft: usize,
    pub reopened: usize,
    pub not_started: usize,
}

impl Totals {
    pub fn units(&self) -> usize {
        self.done + self.draft + self.reopened + self.not_started
    }
}

/// How the units are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Not started first, then the units with most goals not met (inte),
    /// then unfinished (utkast, återöppnad) before klar, then most delvis,
    /// most without rating; by name.
    #[default]
    Late,
    /// By name.
    Name,
}

impl std::str::FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> Result<Sort, String> {
        match s {
            "late" | "sen" | "status" => Ok(Sort::Late),
            "name" | "namn" => Ok(Sort::Name),
            other => Err(crate::i18n::current().pick(
                format!("okänd ordning {other:?}; förväntade late eller name"),
                format!("unknown sort {other:?}; expected late or name"),
            )),
        }
    }
}

/// The roll-up of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub period: Period,
    pub groups: Vec<Group>,
    pub units: Vec<UnitRow>,
    pub totals: Totals,
    pub counts: Counts,
    /// Files that could not be read, with why (shown, never fatal).
    pub problems: Vec<String>,
}
