//! Reading what the district's document needs from the tip of `main`: every
//! plan of the period's year, each unit's follow-up of the period and its
//! VB of the year before (for last year's outcomes), parsed in full on all
//! cores, each thread with its own handle on the repository. As in the
//! overview, a blob is taken from the working tree's file when that file
//! hashes to the same blob id (far cheaper than resolving a pack's deltas).

use crate::followup::{FollowUp, Period, PeriodKind};
use crate::plan::Plan;
use crate::repo::Oid;
use crate::workspace::{FOLLOWUPS_DIR, PLANS_DIR};
use std::collections::HashMap;
use std::path::Path;

/// One unit: its plan, and its follow-ups when committed.
#[derive(Debug, Clone)]
pub struct UnitInput {
    pub plan: Plan,
    pub followup: Option<FollowUp>,
    /// The unit's VB of the year before the period's.
    pub last_vb: Option<FollowUp>,
    /// Its place in the review flow (klar, återsänd, godkänd …).
    pub flow: crate::review::FlowState,
}

/// Everything the document is built from.
#[derive(Debug, Clone)]
pub struct Input {
    pub period: Period,
    /// In the order of the plan files' names.
    pub units: Vec<UnitInput>,
    /// Files that could not be read, with why (shown, never fatal).
    pub problems: Vec<String>,
}

/// What one blob held.
enum Parsed {
    Plan(Box<Plan>),
    FollowUp(Box<FollowUp>),
    Broken(String),
}

/// Reads the period's plans and follow-ups committed on `branch` of the
/// workspace at `root`.
pub fn input(root: &Path, branch: &str, period: Period) -> anyhow::Result<Input> {
    let repo = crate::repo::open(root)?;
    let plan_dir = format!("{PLANS_DIR}/{}", period.year);
    let last = Period::new(period.year - 1, PeriodKind::Vb);
    let dirs = [
        plan_dir.clone(),
        format!("{FOLLOWUPS_DIR}/{period}"),
        format!("{FOLLOWUPS_DIR}/{last}"),
    ];
    let mut items: Vec<(usize, String, Oid)> = Vec::new();
    let mut reviews = HashMap::new();
    let mut problems = Vec::new();
    if let Some(tip) = crate::repo::read::tip(&repo, branch)? {
        for (kind, dir) in dirs.iter().enumerate() {
            for (name, oid) in crate::repo::blob::files_in(&repo, tip, dir, ".toml") {
                items.push((kind, format!("{dir}/{name}"), oid));
            }
        }
        (reviews, problems) = crate::review::read::all_at(&repo, tip, period);
    }
    let git_dir = crate::repo::git_dir(&repo).to_path_buf();
    let work_dir = crate::repo::work_dir(&repo).map(Path::to_path_buf);
    drop(repo);
    let parsed = parse_all(&git_dir, work_dir.as_deref(), &items);

    let mut plans: Vec<Plan> = Vec::new();
    let mut blobs: HashMap<String, Oid> = HashMap::new();
    let mut now: HashMap<String, FollowUp> = HashMap::new();
    let mut before: HashMap<String, FollowUp> = HashMap::new();
    for ((kind, path, oid), parsed) in items.iter().zip(parsed) {
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".toml");
        match (kind, parsed) {
            (0, Parsed::Plan(p)) if p.unit.year != i64::from(period.year) => {
                problems.push(format!(
                    "{path}: unit.year is {}; expected {}",
                    p.unit.year, period.year
                ))
            }
            (0, Parsed::Plan(p)) if plans.iter().any(|q| q.unit.id == p.unit.id) => {
                problems.push(format!(
                    "{path}: unit {} has another plan this year; this one is left out",
                    p.unit.id
                ));
            }
            (0, Parsed::Plan(p)) => plans.push(*p),
            (_, Parsed::FollowUp(f)) if f.unit != stem => problems.push(format!(
                "{path}: the file says unit {}; expected {stem}",
                f.unit
            )),
            (1, Parsed::FollowUp(f)) if f.period == period => {
                blobs.insert(f.unit.clone(), *oid);
                now.insert(f.unit.clone(), *f);
            }
            (2, Parsed::FollowUp(f)) if f.period == last => {
                before.insert(f.unit.clone(), *f);
            }
            (_, Parsed::FollowUp(f)) => problems.push(format!(
                "{path}: the file says period {}; expected another",
                f.period
            )),
            (_, Parsed::Broken(why)) => problems.push(format!("{path}: {why}")),
            (_, Parsed::Plan(_)) => problems.push(format!("{path}: could not be read")),
        }
    }
    for unit in now.keys() {
        if !plans.iter().any(|p| &p.unit.id == unit) {
            problems.push(format!(
                "{}: no plan for {unit} in {}",
                crate::followup::path(period, unit),
                period.year
            ));
        }
    }
    let units = plans
        .into_iter()
        .map(|plan| {
            let followup = now.remove(&plan.unit.id);
            let flow = crate::review::flow_state(
                followup.as_ref().map(|f| f.status),
                blobs.get(&plan.unit.id).map(|o| o.to_string()).as_deref(),
                followup.as_ref().map_or("", |f| f.reopened_from.as_str()),
                reviews.get(&plan.unit.id),
            );
            UnitInput {
                followup,
                last_vb: before.remove(&plan.unit.id),
                flow,
                plan,
            }
        })
        .collect();
    Ok(Input {
        period,
        units,
        problems,
    })
}

/// Reads and parses the blobs, shared out over the cores, in their order.
fn parse_all(
    git_dir: &Path,
    work_dir: Option<&Path>,
    items: &[(usize, String, Oid)],
) -> Vec<Parsed> {
    if items.is_empty() {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || parse_part(git_dir, work_dir, part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn parse_part(
    git_dir: &Path,
    work_dir: Option<&Path>,
    items: &[(usize, String, Oid)],
) -> Vec<Parsed> {
    let repo = match crate::repo::open(git_dir) {
        Ok(r) => r,
        Err(e) => {
            let why = format!("cannot open the repository: {e}");
            return items.iter().map(|_| Parsed::Broken(why.clone())).collect();
        }
    };
    items
        .iter()
        .map(|(kind, path, oid)| {
            let same =
                work_dir.and_then(|w| crate::overview::read::same_in_work_tree(w, path, *oid));
            if let Some(bytes) = same {
                return parse(*kind, path, &bytes);
            }
            crate::repo::blob::with_blob(&repo, *oid, |bytes| parse(*kind, path, bytes))
                .unwrap_or_else(|e| {
                    Parsed::Broken(format!("cannot read the blob: {}", e.git_message()))
                })
        })
        .collect()
}

fn parse(kind: usize, path: &str, bytes: &[u8]) -> Parsed {
    if kind == 0 {
        return match crate::plan::parse_plan(path, bytes) {
            Ok(p) => Parsed::Plan(Box::new(p)),
            Err(diags) => Parsed::Broken(match diags.first() {
                Some(d) if diags.len() > 1 => format!("{d} (and {} more)", diags.len() - 1),
                Some(d) => d.to_string(),
                None => "not a readable plan".into(),
            }),
        };
    }
    match crate::followup::load::parse_unchecked(bytes) {
        Some(f) => Parsed::FollowUp(Box::new(f)),
        None => Parsed::Broken("not a readable follow-up file".into()),
    }
}
