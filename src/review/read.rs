//! Reading the review on file for a unit and period at a branch tip.

use super::{Review, ReviewError};
use crate::followup::Period;
use crate::repo::{self, Repository};

/// Where a unit's review for a period lives in a workspace.
pub fn path(period: Period, unit: &str) -> String {
    format!("{}/{period}/{unit}.toml", super::REVIEWS_DIR)
}

/// Whether reviews count in `commit`: only where a roster names who may
/// review (a review file in a workspace without one was made by hand).
fn reviews_count(repo: &Repository, commit: repo::Oid) -> bool {
    matches!(
        repo::read::blob_id_at(repo, commit, crate::roster::ROSTER_FILE),
        Ok(Some(_))
    )
}

/// The review of `unit` for `period` at the tip of `branch`; None when
/// there is none (or no roster). A file whose unit or period differ from
/// its path is an error, like a file that does not parse.
pub fn at_tip(
    repo: &Repository,
    branch: &str,
    period: Period,
    unit: &str,
) -> Result<Option<Review>, ReviewError> {
    let Some(tip) = repo::read::tip(repo, branch)? else {
        return Ok(None);
    };
    if !reviews_count(repo, tip) {
        return Ok(None);
    }
    let file = path(period, unit);
    let Some(bytes) = repo::read::try_file_at(repo, tip, &file)? else {
        return Ok(None);
    };
    parse_at(&bytes, &file, period, unit).map(Some)
}

/// Parses the review file `file` and checks it is about `unit` and `period`.
pub fn parse_at(
    bytes: &[u8],
    file: &str,
    period: Period,
    unit: &str,
) -> Result<Review, ReviewError> {
    let review = Review::parse_bytes(bytes, file).map_err(ReviewError::Invalid)?;
    if review.unit != unit || review.period != period {
        let l = crate::i18n::current();
        return Err(ReviewError::Invalid(vec![
            crate::diag::Diagnostic::whole_file(
                file,
                l.pick(
                    format!(
                        "granskningen gäller {} {} men ligger under {period}/{unit}",
                        crate::sanitize::line(&review.unit),
                        review.period
                    ),
                    format!(
                        "the review is about {} {} but is filed under {period}/{unit}",
                        crate::sanitize::line(&review.unit),
                        review.period
                    ),
                ),
            ),
        ]));
    }
    Ok(review)
}

/// The status and file version (blob id, 40 hex) of `unit`'s follow-up
/// for `period` at the tip of `branch`; None when none is committed.
/// The status is None when the file does not parse.
pub fn followup_at_tip(
    repo: &Repository,
    branch: &str,
    period: Period,
    unit: &str,
) -> Result<Option<(Option<crate::followup::Status>, String)>, ReviewError> {
    let file = crate::followup::path(period, unit);
    let Some(bytes) = repo::read::file_at_tip(repo, branch, &file)? else {
        return Ok(None);
    };
    let status = crate::followup::load::parse_unchecked(&bytes).map(|f| f.status);
    let blob = repo::blob::hash(&bytes)
        .map(|o| o.to_string())
        .unwrap_or_default();
    Ok(Some((status, blob)))
}

/// The flow state of `unit` for `period` at the tip of `branch`. A review
/// file that does not read is an error.
pub fn state_at_tip(
    repo: &Repository,
    branch: &str,
    period: Period,
    unit: &str,
) -> Result<super::FlowState, ReviewError> {
    let file = crate::followup::path(period, unit);
    let Some(bytes) = repo::read::file_at_tip(repo, branch, &file)? else {
        return Ok(super::FlowState::NotStarted);
    };
    let followup = crate::followup::load::parse_unchecked(&bytes);
    let blob = repo::blob::hash(&bytes)
        .map(|o| o.to_string())
        .unwrap_or_default();
    let review = at_tip(repo, branch, period, unit)?;
    Ok(super::flow_state(
        Some(followup.as_ref().map(|f| f.status).unwrap_or_default()),
        Some(&blob),
        followup.as_ref().map_or("", |f| f.reopened_from.as_str()),
        review.as_ref(),
    ))
}

/// The reviews filed for `period` in `commit` (none without a roster),
/// by unit, and the files
/// that do not read (or are filed under another unit or period) as
/// "path: why". Read anew each time: review files are few and small, and
/// a changed one must always show.
pub fn all_at(
    repo: &Repository,
    commit: repo::Oid,
    period: Period,
) -> (std::collections::HashMap<String, Review>, Vec<String>) {
    let dir = format!("{}/{period}", super::REVIEWS_DIR);
    let mut reviews = std::collections::HashMap::new();
    let mut problems = Vec::new();
    if !reviews_count(repo, commit) {
        return (reviews, problems);
    }
    for (name, oid) in repo::blob::files_in(repo, commit, &dir, ".toml") {
        let unit = name.strip_suffix(".toml").unwrap_or(&name);
        let file = format!("{dir}/{name}");
        match repo::blob::with_blob(repo, oid, |b| parse_at(b, &file, period, unit)) {
            Ok(Ok(review)) => {
                reviews.insert(unit.to_string(), review);
            }
            Ok(Err(e)) => problems.push(e.to_string()),
            Err(e) => problems.push(format!("{file}: {}", e.git_message())),
        }
    }
    (reviews, problems)
}
