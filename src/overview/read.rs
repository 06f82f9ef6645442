//! Reading what the roll-up needs from the tip of `main`: the plans of
//! the period's year and the period's follow-ups, by blob id, and the
//! period's reviews (read each time, never cached: they decide the flow
//! state together with the follow-up's blob id). A blob seen
//! before comes from the cache; the others are read and parsed on all
//! cores, each thread with its own handle on the repository. A blob is
//! taken from the working tree's file when git's index vouches for it
//! (`repo::index_stat`: size, times and inode as recorded with that blob
//! id) or when the file hashes to the same blob id (the same bytes, and far
//! cheaper than resolving deltas in a pack); otherwise from git. The git
//! reads go through `repo::blob`.

use super::cache::{Cache, Entry};
use super::{FollowUpSummary, Overview, PlanSummary, Sort};
use crate::followup::{Period, Rating, Status};
use crate::repo::Oid;
use crate::workspace::{FOLLOWUPS_DIR, PLANS_DIR, STATE_DIR};
use serde::Deserialize;
use std::path::Path;

/// How the files were found (for the benchmark and tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub plans: usize,
    pub followups: usize,
    /// Blobs answered by the cache.
    pub hits: usize,
    /// Blobs read and parsed.
    pub parsed: usize,
}

/// Whether to use the cache in `.tertial/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// Read it and write it back when something was added.
    ReadWrite,
    /// Neither read nor write (a cold run).
    Off,
}

/// The roll-up of `period` as committed on `branch` of the workspace at
/// `root`.
pub fn overview(
    root: &Path,
    branch: &str,
    period: Period,
    sort: Sort,
    cache: CacheUse,
) -> anyhow::Result<(Overview, Stats)> {
    let done = overview_unless(root, branch, period, sort, cache, &|| false)?;
    done.ok_or_else(|| anyhow::anyhow!("the roll-up stopped though it was never cancelled"))
}

/// `overview`, stopped early when `cancelled` answers true (it is asked
/// between files): then None, and nothing is written to the cache.
pub fn overview_unless(
    root: &Path,
    branch: &str,
    period: Period,
    sort: Sort,
    cache: CacheUse,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> anyhow::Result<Option<(Overview, Stats)>> {
    let Some((plans, followups, problems, stats)) =
        summaries_unless(root, branch, period, cache, cancelled)?
    else {
        return Ok(None);
    };
    Ok(Some((
        super::roll_up(period, &plans, &followups, sort, problems),
        stats,
    )))
}

/// The years that have plans at the tip of `branch` (for the default period).
pub fn plan_years(root: &Path, branch: &str) -> anyhow::Result<Vec<i64>> {
    let repo = crate::repo::open(root)?;
    let Some(tip) = crate::repo::read::tip(&repo, branch)? else {
        return Ok(Vec::new());
    };
    Ok(crate::repo::blob::folders_in(&repo, tip, PLANS_DIR)
        .iter()
        .filter_map(|name| name.parse().ok())
        .collect())
}

type Found = (Vec<PlanSummary>, Vec<FollowUpSummary>, Vec<String>, Stats);

/// The summaries of the plans and follow-ups, and the problems met.
pub fn summaries(
    root: &Path,
    branch: &str,
    period: Period,
    use_cache: CacheUse,
) -> anyhow::Result<Found> {
    let found = summaries_unless(root, branch, period, use_cache, &|| false)?;
    found.ok_or_else(|| anyhow::anyhow!("the reading stopped though it was never cancelled"))
}

/// `summaries`, or None when `cancelled` answered true on the way.
fn summaries_unless(
    root: &Path,
    branch: &str,
    period: Period,
    use_cache: CacheUse,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> anyhow::Result<Option<Found>> {
    let repo = crate::repo::open(root)?;
    let plan_dir = format!("{PLANS_DIR}/{}", period.year);
    let followup_dir = format!("{FOLLOWUPS_DIR}/{period}");
    let (plan_blobs, followup_blobs, (reviews, review_problems)) =
        match crate::repo::read::tip(&repo, branch)? {
            Some(tip) => (
                crate::repo::blob::files_in(&repo, tip, &plan_dir, ".toml"),
                crate::repo::blob::files_in(&repo, tip, &followup_dir, ".toml"),
                crate::review::read::all_at(&repo, tip, period),
            ),
            None => (Vec::new(), Vec::new(), Default::default()),
        };
    let cache_path = root.join(STATE_DIR).join(super::cache::FILE);
    let mut cache = match use_cache {
        CacheUse::ReadWrite => Cache::read(&cache_path).unwrap_or_default(),
        CacheUse::Off => Cache::default(),
    };
    let mut stats = Stats {
        plans: plan_blobs.len(),
        followups: followup_blobs.len(),
        ..Stats::default()
    };
    // What the cache does not know is read and parsed on all cores.
    let mut missing: Vec<(Oid, Kind, String)> = Vec::new();
    for (kind, blobs) in [(Kind::Plan, &plan_blobs), (Kind::FollowUp, &followup_blobs)] {
        for (name, oid) in blobs {
            if cache.get(oid).is_none() {
                missing.push((*oid, kind, name.clone()));
            }
        }
    }
    stats.parsed = missing.len();
    stats.hits = plan_blobs.len() + followup_blobs.len() - missing.len();
    let git_dir = crate::repo::git_dir(&repo).to_path_buf();
    let work_dir = crate::repo::work_dir(&repo).map(Path::to_path_buf);
    // The files git's index vouches for are read without hashing them.
    let vouched = if missing.is_empty() {
        None
    } else {
        let folders = [format!("{plan_dir}/"), format!("{followup_dir}/")];
        crate::repo::index_stat::vouched(&repo, &[&folders[0], &folders[1]])
    };
    drop(repo);
    let files = Files {
        git_dir: &git_dir,
        work_dir: work_dir.as_deref(),
        vouched: vouched.as_ref(),
    };
    let missing: Vec<(Oid, Kind, String)> = missing
        .into_iter()
        .map(|(oid, kind, name)| {
            let dir = if kind == Kind::Plan {
                &plan_dir
            } else {
                &followup_dir
            };
            (oid, kind, format!("{dir}/{name}"))
        })
        .collect();
    let Some(parsed) = parse_all(&files, &missing, cancelled) else {
        return Ok(None);
    };
    for (oid, entry) in parsed {
        cache.insert(oid, entry);
    }

    let mut problems = review_problems;
    let mut plans = Vec::with_capacity(plan_blobs.len());
    let mut seen = std::collections::HashSet::new();
    for (name, oid) in &plan_blobs {
        let path = format!("{plan_dir}/{name}");
        match cache.get(oid) {
            Some(Entry::Plan(p)) => {
                if p.year != i64::from(period.year) {
                    problems.push(format!(
                        "{path}: unit.year is {}; expected {}",
                        p.year, period.year
                    ));
                } else if !seen.insert(p.unit_id.clone()) {
                    problems.push(format!(
                        "{path}: unit {} has another plan this year; this one is left out",
                        p.unit_id
                    ));
                } else {
                    plans.push(p.clone());
                }
            }
            Some(Entry::Broken(why)) => problems.push(format!("{path}: {why}")),
            _ => problems.push(format!("{path}: could not be read")),
        }
    }
    let mut followups = Vec::with_capacity(followup_blobs.len());
    for (name, oid) in &followup_blobs {
        let path = format!("{followup_dir}/{name}");
        let stem = name.strip_suffix(".toml").unwrap_or(name);
        match cache.get(oid) {
            Some(Entry::FollowUp(f)) if f.unit == stem && f.period == period.to_string() => {
                let mut f = f.clone();
                f.flow = crate::review::flow_state(
                    Some(f.status),
                    Some(&oid.to_string()),
                    &f.reopened_from,
                    reviews.get(stem),
                );
                followups.push(f)
            }
            Some(Entry::FollowUp(f)) => problems.push(format!(
                "{path}: the file says unit {} period {}; expected {stem} {period}",
                f.unit, f.period
            )),
            Some(Entry::Broken(why)) => problems.push(format!("{path}: {why}")),
            _ => problems.push(format!("{path}: could not be read")),
        }
    }
    if use_cache == CacheUse::ReadWrite && (cache.is_dirty() || stats.parsed > 0) {
        let keep: Vec<Oid> = plan_blobs
            .iter()
            .chain(&followup_blobs)
            .map(|(_, o)| *o)
            .collect();
        // A read-only workspace still answers; the cache is only a help.
        let _ = cache.write(&cache_path, &keep);
    }
    Ok(Some((plans, followups, problems, stats)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plan,
    FollowUp,
}

/// Where the files are read from: the working tree when it holds the blob
/// (vouched for by git's index, else hashed to check), else git.
struct Files<'a> {
    git_dir: &'a Path,
    work_dir: Option<&'a Path>,
    vouched: Option<&'a crate::repo::index_stat::Vouched>,
}

/// Reads and parses the blobs on all cores; None when `cancelled`
/// answered true. The threads take the next file from a shared counter,
/// so a thread that drew small files (follow-ups) goes on with the large
/// ones (plans) instead of waiting for the other to finish them.
fn parse_all(
    files: &Files<'_>,
    items: &[(Oid, Kind, String)],
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<(Oid, Entry)>> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    if items.is_empty() {
        return Some(Vec::new());
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16)
        .min(items.len());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let parsed: Vec<(Oid, Entry)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| s.spawn(|| parse_shared(files, items, &next, &stop, cancelled)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    (!stop.load(Ordering::Relaxed)).then_some(parsed)
}

/// One thread's share: files taken from `next` until none are left, or
/// until `cancelled` says so (then `stop` tells the other threads).
fn parse_shared(
    files: &Files<'_>,
    items: &[(Oid, Kind, String)],
    next: &std::sync::atomic::AtomicUsize,
    stop: &std::sync::atomic::AtomicBool,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Vec<(Oid, Entry)> {
    use std::sync::atomic::Ordering;
    let Ok(repo) = crate::repo::open(files.git_dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    loop {
        if stop.load(Ordering::Relaxed) || cancelled() {
            stop.store(true, Ordering::Relaxed);
            return out;
        }
        let Some((oid, kind, path)) = items.get(next.fetch_add(1, Ordering::Relaxed)) else {
            return out;
        };
        let parse = |bytes: &[u8]| match kind {
            Kind::Plan => parse_plan(bytes),
            Kind::FollowUp => parse_followup(bytes),
        };
        let limit = crate::plan::load::MAX_PLAN_BYTES;
        let from_work_tree = files
            .vouched
            .and_then(|v| v.read(path, *oid, limit))
            .or_else(|| {
                files
                    .work_dir
                    .and_then(|w| same_in_work_tree(w, path, *oid))
            });
        let entry = match from_work_tree {
            Some(bytes) => parse(&bytes),
            None => crate::repo::blob::with_blob(&repo, *oid, parse).unwrap_or_else(|e| {
                Entry::Broken(format!("cannot read the blob: {}", e.git_message()))
            }),
        };
        out.push((*oid, entry));
    }
}

/// The working tree's file at `path` when it holds exactly blob `oid`.
pub(crate) fn same_in_work_tree(work_dir: &Path, path: &str, oid: Oid) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(work_dir.join(path)).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.take(crate::plan::load::MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (crate::repo::blob::hash(&bytes)? == oid).then_some(bytes)
}

/// What the roll-up needs of a plan file: the unit and its goals with
/// their nämndmål. Read by the full parser, as `tertial check` reads it:
/// a quick pass over only these statements would count as good a plan
/// that is broken elsewhere (bad syntax in a long text, a goal without a
/// title, a link to no goal). A plan is parsed once per version: the
/// cache keeps what was read by blob id.
pub fn parse_plan(bytes: &[u8]) -> Entry {
    match crate::plan::parse_plan("", bytes) {
        Ok(plan) => Entry::Plan(PlanSummary::of(&plan)),
        Err(diags) => Entry::Broken(why_broken(&diags)),
    }
}

/// The first problem with its line, and how many more there are.
fn why_broken(diags: &[crate::diag::Diagnostic]) -> String {
    let Some(first) = diags.first() else {
        return "could not be read".to_string();
    };
    let mut why = format!("line {}: {}", first.line, first.message);
    if diags.len() > 1 {
        why.push_str(&format!(
            " (and {} more; see `tertial check`)",
            diags.len() - 1
        ));
    }
    why
}

/// The statements of a follow-up the roll-up reads.
const FOLLOWUP_KEYS: super::scan::Wanted = super::scan::Wanted {
    root: &["unit", "period", "status", "reopened_from"],
    tables: &[("[[goal]]", &["id", "rating"])],
    reserved: &["goal"],
};

#[derive(Deserialize)]
struct LiteFollowUp {
    unit: String,
    period: String,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    reopened_from: String,
    #[serde(default, rename = "goal")]
    goals: Vec<LiteGoal>,
}

#[derive(Deserialize)]
struct LiteGoal {
    id: String,
    #[serde(default)]
    rating: Option<Rating>,
}

/// What the roll-up needs of a follow-up file: unit, period, status and
/// the goals' ratings.
pub fn parse_followup(bytes: &[u8]) -> Entry {
    let src = match crate::plan::load::decode_text(
        "",
        bytes,
        crate::followup::load::MAX_FOLLOWUP_BYTES,
    ) {
        Ok(s) => s,
        Err(d) => return Entry::Broken(d.message.clone()),
    };
    let quick = super::scan::extract(src, &FOLLOWUP_KEYS).and_then(|s| toml::from_str(&s).ok());
    match quick.map_or_else(|| toml::from_str::<LiteFollowUp>(src), Ok) {
        Ok(f) => Entry::FollowUp(FollowUpSummary {
            unit: f.unit,
            period: f.period,
            status: f.status,
            reopened_from: f.reopened_from,
            flow: crate::review::FlowState::of_status(f.status),
            ratings: f
                .goals
                .into_iter()
                .filter_map(|g| Some((g.id, g.rating?)))
                .collect(),
        }),
        Err(e) => Entry::Broken(crate::plan::load::humanize(e.message())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_reads_what_the_full_parsers_read() {
        for (path, text) in crate::plan::bundled::PLANS {
            let full = crate::plan::parse_plan(path, text.as_bytes()).unwrap();
            assert_eq!(
                parse_plan(text.as_bytes()),
                Entry::Plan(PlanSummary::of(&full))
            );
        }
        let text = include_str!("../../tests/fixtures/bestallarenhet-2-2025-VB.toml");
        assert!(super::super::scan::extract(text, &FOLLOWUP_KEYS).is_some());
        let full = crate::followup::load::parse_unchecked(text.as_bytes()).unwrap();
        let Entry::FollowUp(f) = parse_followup(text.as_bytes()) else {
            panic!("not read")
        };
        assert_eq!(
            (f.unit.as_str(), f.status),
            (full.unit.as_str(), full.status)
        );
        let want: Vec<(String, Rating)> = full
            .goals
            .iter()
            .filter_map(|g| Some((g.id.clone(), g.rating?)))
            .collect();
        assert_eq!(f.ratings, want);
        assert!(!want.is_empty());
    }

    /// A committed workspace of the two bundled 2025 plans (no working tree
    /// files: everything is read from git).
    fn two_plans() -> tempfile::TempDir {
        use crate::repo::{FileChange, commit_files, testutil};
        let (dir, repo) = testutil::empty_repo();
        let files: Vec<FileChange> = crate::plan::bundled::PLANS
            .iter()
            .filter(|(path, _)| path.starts_with("plans/2025/"))
            .map(|(path, text)| FileChange::put(*path, *text))
            .collect();
        commit_files(&repo, "main", &files, "plans", &testutil::sig()).unwrap();
        std::fs::create_dir_all(dir.path().join(STATE_DIR)).unwrap();
        dir
    }

    #[test]
    fn a_cancelled_roll_up_stops_before_reading_and_writes_no_cache() {
        let dir = two_plans();
        let period: Period = "2025-T2".parse().unwrap();
        let asked = std::sync::atomic::AtomicUsize::new(0);
        let cancel_at_once = || {
            asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            true
        };
        let got = overview_unless(
            dir.path(),
            "main",
            period,
            Sort::Late,
            CacheUse::ReadWrite,
            &cancel_at_once,
        )
        .unwrap();
        assert!(got.is_none(), "a cancelled roll-up gives no overview");
        assert!(asked.load(std::sync::atomic::Ordering::Relaxed) >= 1);
        let cache = dir.path().join(STATE_DIR).join(super::super::cache::FILE);
        assert!(!cache.exists(), "nothing half-read is cached");

        let (o, stats) = overview_unless(
            dir.path(),
            "main",
            period,
            Sort::Late,
            CacheUse::ReadWrite,
            &|| false,
        )
        .unwrap()
        .expect("not cancelled");
        assert_eq!((o.units.len(), stats.parsed), (2, 2), "{:?}", o.problems);
        assert!(cache.exists());
    }

    #[test]
    fn broken_files_are_named_not_fatal() {
        for bytes in [
            &b"\xff\xfe"[..],
            b"schema = 2\n[unit]\nid='x'\nname='n'\ncommittee='c'\nyear=1\n",
            b"[unit",
        ] {
            assert!(matches!(parse_plan(bytes), Entry::Broken(_)));
            assert!(matches!(parse_followup(bytes), Entry::Broken(_)));
        }
    }
}
