//! Validating every plan of a workspace (`tertial check`): each file alone,
//! then what only the whole workspace shows (file placed under the wrong
//! year or name, one unit twice in a year).

use super::{LoadedPlan, plan_files, rel};
use crate::diag::Diagnostic;
use crate::plan::load::{MAX_PLAN_BYTES, decode_text, parse_plan_text};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Loads all plans under `root/plans`. Broken files yield diagnostics;
/// the good ones are still returned.
pub fn load_all(root: &Path) -> (Vec<LoadedPlan>, Vec<Diagnostic>) {
    load_all_watched(root, &|_, _| true).unwrap_or_default()
}

/// `load_all`, telling `watch` how many of how many files are read after
/// each one; when `watch` answers false the reading stops (None).
pub fn load_all_watched(
    root: &Path,
    watch: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Option<(Vec<LoadedPlan>, Vec<Diagnostic>)> {
    let (plans, mut diags) = load_each(root, &plan_files(root), |lp| lp, watch)?;
    diags.extend(duplicates(plans.iter().map(|lp| {
        (
            lp.plan.unit.year,
            lp.plan.unit.id.as_str(),
            lp.rel_path.as_str(),
        )
    })));
    Some((plans, diags))
}

/// What `tertial check` reports: every problem, and the number of
/// enhetsmål in the valid plans. The plans themselves are not kept: each
/// is dropped on the thread that parsed it (freeing 1,200 plans on one
/// thread afterwards costs as much as a tenth of the parsing).
pub fn summarize(root: &Path) -> (usize, Vec<Diagnostic>) {
    let (units, mut diags) = load_each(
        root,
        &plan_files(root),
        |lp| {
            (
                lp.plan.unit.year,
                lp.plan.unit.id,
                lp.rel_path,
                lp.plan.unit_goals.len(),
            )
        },
        &|_, _| true,
    )
    .unwrap_or_default();
    diags.extend(duplicates(
        units
            .iter()
            .map(|(year, id, rel, _)| (*year, id.as_str(), rel.as_str())),
    ));
    (units.iter().map(|u| u.3).sum(), diags)
}

/// One unit twice in a year: reported at the later file.
fn duplicates<'a>(units: impl Iterator<Item = (i64, &'a str, &'a str)>) -> Vec<Diagnostic> {
    let mut seen: HashMap<(i64, &str), &str> = HashMap::new();
    let mut diags = Vec::new();
    for (year, id, rel_path) in units {
        if let Some(first) = seen.insert((year, id), rel_path) {
            diags.push(Diagnostic::whole_file(
                rel_path,
                crate::i18n::current().pick(
                    format!(
                        "enheten {id:?} har redan en plan för {year} i {first}; förväntade en plan per enhet och år"
                    ),
                    format!(
                        "unit {id:?} has a {year} plan already in {first}; expected one plan per unit and year"
                    ),
                ),
            ));
        }
    }
    diags
}

/// Parses `files` on all cores and maps each good plan with `keep` on the
/// thread that parsed it; results and diagnostics come back in file order.
/// `watch` hears (files read, files) after each file; false stops (None).
fn load_each<T: Send>(
    root: &Path,
    files: &[PathBuf],
    keep: impl Fn(LoadedPlan) -> T + Sync,
    watch: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Option<(Vec<T>, Vec<Diagnostic>)> {
    // Parsing is the cost (a city has 1,200 plans a year). Each thread
    // takes the next file when it is done with one, so a core slowed by
    // other work holds up no fixed share of the files.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let read = AtomicUsize::new(0);
    let stopped = std::sync::atomic::AtomicBool::new(false);
    type Part<T> = Vec<(usize, Option<T>, Vec<Diagnostic>)>;
    // The helpers speak the caller's language.
    let lang = crate::i18n::current();
    let parts: Vec<Part<T>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let _lang = crate::i18n::speaking(lang);
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else {
                            return out;
                        };
                        if stopped.load(Ordering::Relaxed) {
                            return out;
                        }
                        let (plan, diags) = load_file(root, path);
                        out.push((i, plan.map(&keep), diags));
                        let n = read.fetch_add(1, Ordering::Relaxed) + 1;
                        if !watch(n, files.len()) {
                            stopped.store(true, Ordering::Relaxed);
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if stopped.load(Ordering::Relaxed) {
        return None;
    }
    let mut all: Vec<_> = parts.into_iter().flatten().collect();
    all.sort_unstable_by_key(|(i, _, _)| *i);
    let mut kept = Vec::with_capacity(all.len());
    let mut diags = Vec::new();
    for (_, plan, mut d) in all {
        kept.extend(plan);
        diags.append(&mut d);
    }
    Some((kept, diags))
}

fn load_file(root: &Path, path: &Path) -> (Option<LoadedPlan>, Vec<Diagnostic>) {
    let rel_path = rel(root, path);
    let bytes = match read_plan_file(path) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::whole_file(
                &rel_path,
                crate::i18n::current().pick(
                    format!("kan inte läsa filen: {}", crate::oserr::shown(&e)),
                    format!("cannot read the file: {}", crate::oserr::shown(&e)),
                ),
            );
            return (None, vec![d]);
        }
    };
    // Decoded once: the placement check below reads the same text.
    let src = match decode_text(&rel_path, &bytes, MAX_PLAN_BYTES) {
        Ok(src) => src,
        Err(d) => return (None, vec![d]),
    };
    match parse_plan_text(&rel_path, src) {
        Ok(plan) => {
            let diags = placement_problem(&rel_path, src, &plan)
                .into_iter()
                .collect();
            (Some(LoadedPlan { rel_path, plan }), diags)
        }
        Err(ds) => (None, ds),
    }
}

/// A plan file's bytes; a huge file is rejected without reading it whole.
pub(crate) fn read_plan_file(path: &Path) -> std::io::Result<Vec<u8>> {
    crate::user_files::read_bounded(path, MAX_PLAN_BYTES)
}

/// `plans/<year>/<unit-id>.toml` must agree with the file's own unit.
fn placement_problem(rel_path: &str, src: &str, plan: &crate::plan::Plan) -> Option<Diagnostic> {
    let parts: Vec<&str> = rel_path.split('/').collect();
    let locate =
        |key: &'static str| crate::plan::spans::locate(src, &crate::toml_path!("unit", key));
    if let [_, year, file] = parts.as_slice() {
        if year.len() == 4 && year.parse::<i64>().ok() != Some(plan.unit.year) {
            return Some(Diagnostic::at(
                rel_path,
                src,
                locate("year"),
                crate::i18n::current().pick(
                    format!(
                        "unit.year är {} men filen ligger i plans/{year}/; förväntade att de stämmer överens",
                        plan.unit.year
                    ),
                    format!(
                        "unit.year is {} but the file is in plans/{year}/; expected them to agree",
                        plan.unit.year
                    ),
                ),
            ));
        }
        let stem = file.strip_suffix(".toml").unwrap_or(file);
        if stem != plan.unit.id {
            return Some(Diagnostic::at(
                rel_path,
                src,
                locate("id"),
                crate::i18n::current().pick(
                    format!(
                        "unit.id är {:?} men filen heter {file}; förväntade att filen heter {}.toml",
                        plan.unit.id, plan.unit.id
                    ),
                    format!(
                        "unit.id is {:?} but the file is named {file}; expected the file to be named {}.toml",
                        plan.unit.id, plan.unit.id
                    ),
                ),
            ));
        }
    }
    None
}
