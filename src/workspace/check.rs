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
    let mut plans = Vec::new();
    let mut diags = Vec::new();
    for path in plan_files(root) {
        let rel_path = rel(root, &path);
        let bytes = match read_limited(&path) {
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
    let src = String::from_utf8_lossy(bytes);
    let parts: Vec<&str> = rel_path.split('/').collect();
    let locate =
        |key: &'static str| crate::plan::spans::locate(&src, &crate::toml_path!("unit", key));
    if let [_, year, file] = parts.as_slice() {
        if year.len() == 4 && year.parse::<i64>().ok() != Some(plan.unit.year) {
            return Some(Diagnostic::at(
                rel_path,
                &src,
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
                &src,
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
