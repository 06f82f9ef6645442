//! Validating every plan of a workspace (`tertial check`): each file alone,
//! then what only the whole workspace shows (file placed under the wrong
//! year or name, one unit twice in a year).

use super::{LoadedPlan, plan_files, rel};
use crate::diag::Diagnostic;
use crate::plan::parse_plan;
use std::collections::HashMap;
use std::path::Path;

/// Loads all plans under `root/plans`. Broken files yield diagnostics;
/// the good ones are still returned.
pub fn load_all(root: &Path) -> (Vec<LoadedPlan>, Vec<Diagnostic>) {
    let files = plan_files(root);
    // Parsing is the cost (a city has 1,200 plans a year): the files are
    // shared out over the cores, and the results kept in file order.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16);
    let chunk = files.len().div_ceil(threads).max(1);
    let parts: Vec<(Vec<LoadedPlan>, Vec<Diagnostic>)> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || load_files(root, part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut plans = Vec::new();
    let mut diags = Vec::new();
    for (mut p, mut d) in parts {
        plans.append(&mut p);
        diags.append(&mut d);
    }
    let mut seen: HashMap<(i64, &str), &str> = HashMap::new();
    for lp in &plans {
        let key = (lp.plan.unit.year, lp.plan.unit.id.as_str());
        if let Some(first) = seen.insert(key, &lp.rel_path) {
            diags.push(Diagnostic::whole_file(
                &lp.rel_path,
                format!(
                    "unit {:?} has a {} plan already in {first}; expected one plan per unit and year",
                    lp.plan.unit.id, lp.plan.unit.year
                ),
            ));
        }
    }
    (plans, diags)
}

fn load_files(root: &Path, files: &[std::path::PathBuf]) -> (Vec<LoadedPlan>, Vec<Diagnostic>) {
    let mut plans = Vec::new();
    let mut diags = Vec::new();
    for path in files {
        let rel_path = rel(root, path);
        let bytes = match read_limited(path) {
            Ok(b) => b,
            Err(e) => {
                diags.push(Diagnostic::whole_file(
                    &rel_path,
                    format!("cannot read the file: {e}"),
                ));
                continue;
            }
        };
        match parse_plan(&rel_path, &bytes) {
            Ok(plan) => {
                if let Some(d) = placement_problem(&rel_path, &bytes, &plan) {
                    diags.push(d);
                }
                plans.push(LoadedPlan { rel_path, plan });
            }
            Err(mut ds) => diags.append(&mut ds),
        }
    }
    (plans, diags)
}

/// Reads at most one byte more than a plan may hold, so a huge file is
/// rejected without reading it whole.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)?
        .take(crate::plan::load::MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// `plans/<year>/<unit-id>.toml` must agree with the file's own unit.
fn placement_problem(rel_path: &str, bytes: &[u8], plan: &crate::plan::Plan) -> Option<Diagnostic> {
    // A valid plan is valid UTF-8 (with at most a BOM before it).
    let src =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).unwrap_or("");
    let parts: Vec<&str> = rel_path.split('/').collect();
    let locate =
        |key: &'static str| crate::plan::spans::locate(src, &crate::toml_path!("unit", key));
    if let [_, year, file] = parts.as_slice() {
        if year.len() == 4 && year.parse::<i64>().ok() != Some(plan.unit.year) {
            return Some(Diagnostic::at(
                rel_path,
                src,
                locate("year"),
                format!(
                    "unit.year is {} but the file is in plans/{year}/; expected them to agree",
                    plan.unit.year
                ),
            ));
        }
        let stem = file.strip_suffix(".toml").unwrap_or(file);
        if stem != plan.unit.id {
            return Some(Diagnostic::at(
                rel_path,
                src,
                locate("id"),
                format!(
                    "unit.id is {:?} but the file is named {file}; expected the file to be named {}.toml",
                    plan.unit.id, plan.unit.id
                ),
            ));
        }
    }
    None
}
