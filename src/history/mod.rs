//! The history of follow-ups read from git: trailers, the cached index of
//! follow-up commits, and what changed between a unit's commits (for
//! `tertial log`, the timeline and the earlier periods beside the fields).
//! What it reads of git comes through `repo` (`repo::log`, `repo::read`).

pub mod command;
pub mod index;
pub mod review_rules;
pub mod rules;
pub mod states;
pub mod trailers;
pub mod verify;
mod verify_text;
mod witness;

use crate::followup::{self, FollowUp};
use crate::repo::{Oid, Repository};
pub use index::{Entry, Index};

/// A follow-up as committed: the record and who committed it when.
#[derive(Debug, Clone)]
pub struct Committed {
    pub entry: Entry,
    pub followup: FollowUp,
}

/// The follow-up file as it was in `commit`.
pub fn followup_at(repo: &Repository, commit: Oid, period: &str, unit: &str) -> Option<FollowUp> {
    let path = format!("{}/{period}/{unit}.toml", crate::workspace::FOLLOWUPS_DIR);
    crate::repo::read::with_file_at(repo, commit, &path, followup::load::parse_unchecked)?
}

/// A rating change of one goal between two commits of a follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub goal: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} → {}",
            self.goal,
            self.from.as_deref().unwrap_or("–"),
            self.to.as_deref().unwrap_or("–")
        )
    }
}

/// A commit in the log with the rating changes it made.
#[derive(Debug, Clone)]
pub struct LogItem {
    pub entry: Entry,
    pub changes: Vec<Change>,
    /// Goals whose text (analysis, deviations) changed without a new rating.
    pub edited: Vec<String>,
}

/// The log of follow-up commits matching the filters, oldest first, with
/// the rating changes of each commit relative to the previous commit of
/// the same unit and period.
/// Each commit's goal states come from the unit's file in `state_dir`
/// where one is kept (see [`states`]), else from git.
pub fn log(
    repo: &Repository,
    index: &Index,
    state_dir: &std::path::Path,
    unit: Option<&str>,
    period: Option<&str>,
    goal: Option<&str>,
) -> Vec<LogItem> {
    use std::collections::HashMap;
    let mut states = states::States::load(state_dir, unit);
    let mut previous: HashMap<(String, String), states::GoalState> = HashMap::new();
    let mut out = Vec::new();
    for e in &index.entries {
        if unit.is_some_and(|u| u != e.unit) || period.is_some_and(|p| p != e.period) {
            continue;
        }
        let now = states.at(repo, e);
        let before = previous
            .insert((e.unit.clone(), e.period.clone()), now.clone())
            .unwrap_or_default();
        let mut changes = Vec::new();
        let mut edited = Vec::new();
        let mut ids: Vec<&String> = now.iter().map(|(id, _, _)| id).collect();
        ids.extend(
            before
                .iter()
                .map(|(id, _, _)| id)
                .filter(|id| !now.iter().any(|(n, _, _)| n == *id)),
        );
        for id in ids {
            if goal.is_some_and(|g| g != id) {
                continue;
            }
            let old = before.iter().find(|(g, _, _)| g == id);
            let new = now.iter().find(|(g, _, _)| g == id);
            let (from, to) = (old.and_then(|o| o.1.clone()), new.and_then(|n| n.1.clone()));
            if from != to {
                changes.push(Change {
                    goal: id.clone(),
                    from,
                    to,
                });
            } else if old.map(|o| &o.2) != new.map(|n| &n.2) {
                edited.push(id.clone());
            }
        }
        if goal.is_some() && changes.is_empty() && edited.is_empty() {
            continue;
        }
        out.push(LogItem {
            entry: e.clone(),
            changes,
            edited,
        });
    }
    states.save(index);
    out
}

/// The last commit of each follow-up of `unit` for the given periods, for
/// showing what was said before.
pub fn latest(repo: &Repository, index: &Index, unit: &str, periods: &[String]) -> Vec<Committed> {
    periods
        .iter()
        .filter_map(|p| {
            let entry = index
                .for_unit(unit)
                .filter(|e| &e.period == p)
                .last()?
                .clone();
            let followup = followup_at(repo, entry.oid, p, unit)?;
            Some(Committed { entry, followup })
        })
        .collect()
}
