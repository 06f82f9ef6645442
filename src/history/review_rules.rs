//! The rules for review files (`reviews/<period>/<unit>.toml`) in a
//! commit, whatever its trailers say: only someone the roster at the
//! parent lets review the unit changes them, and names themself as the
//! reviewer; the file's unit and period are its path's; an approval
//! approves the klar follow-up version in the same tree; a return moves
//! that klar version to återöppnad in the same commit; and the trailers
//! and the file say the same (a review by hand, or trailers claiming a
//! review the commit does not make, are findings).

use super::trailers::Trailers;
use super::verify::{Finding, short};
use crate::followup::{self, Status};
use crate::repo::{self, Oid, RepoError, Repository};
use crate::review::{Outcome, Review};
use crate::roster::{Person, Roster};

/// What is wrong with a review in a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewFinding {
    /// The author may not review the unit (by the roster at the parent).
    NotAllowed {
        unit: String,
        author: String,
        allowed: String,
    },
    /// The file names another reviewer than the commit's author.
    OtherReviewer { path: String, reviewer: String },
    /// An approval of a version that is not the klar follow-up in the tree.
    ApprovalNotKlar { path: String },
    /// A return that does not reopen the klar version it names.
    ReturnWithoutReopen { path: String },
    /// `Review:`/`Reviewer:` trailers the commit's review files do not back.
    Trailers { what: String },
    /// A review file changed (or removed) by a commit whose trailers do
    /// not say the same (no tertial commit does that).
    NotByTertial { path: String },
    /// An approval by someone who wrote the follow-up's text.
    OwnText { path: String, reviewer: String },
    /// A review in a workspace without a roster (which names reviewers).
    NoRoster { path: String },
}

/// `reviews/<period>/<unit>.toml` → (period, unit).
fn review_path(path: &str) -> Option<(&str, &str)> {
    let rest = path
        .strip_prefix(crate::review::REVIEWS_DIR)?
        .strip_prefix('/')?;
    let (period, file) = rest.split_once('/')?;
    let unit = file.strip_suffix(".toml")?;
    (!unit.contains('/')).then_some((period, unit))
}

/// The blob id of `path` in `commit` and whether it is a klar follow-up.
fn followup_version(
    repo: &Repository,
    commit: Option<Oid>,
    path: &str,
) -> Result<Option<(String, Status)>, RepoError> {
    let Some(commit) = commit else {
        return Ok(None);
    };
    let Some(bytes) = repo::read::try_file_at(repo, commit, path)? else {
        return Ok(None);
    };
    let status = followup::load::parse_unchecked(&bytes).map_or(Status::Draft, |f| f.status);
    Ok(repo::blob::hash(&bytes).map(|b| (b.to_string(), status)))
}

fn found(commit: &str, what: ReviewFinding) -> Finding {
    Finding::Review {
        commit: commit.to_string(),
        what,
    }
}

/// The findings of the review files commit `oid` changes; whether it
/// changes any is `Ok(Some(..))`.
pub fn judge(
    repo: &Repository,
    oid: Oid,
    parent: Option<Oid>,
    roster: Option<&Roster>,
    author: &repo::Identity,
    trailers: &Trailers,
    writers: &super::rules::Writers,
) -> Result<Option<Vec<Finding>>, RepoError> {
    let under = format!("{}/", crate::review::REVIEWS_DIR);
    let changed = repo::diff::changed_against_parents(repo, oid, Some(&under))?;
    let claimed = trailers.get("Review").is_some() || trailers.get("Reviewer").is_some();
    if changed.is_empty() && !claimed {
        return Ok(None);
    }
    let commit = short(oid);
    let mut out = Vec::new();
    let person = roster.and_then(|r| r.person_by_email(&author.email));
    let author_text = format!("{} <{}>", author.name, author.email);
    let mut backed = false;
    for path in &changed {
        let Some((period, unit)) = review_path(path) else {
            continue;
        };
        if roster.is_none() {
            // tertial reviews only by a roster: a review file without
            // one was made by hand and approves nothing.
            out.push(found(
                &commit,
                ReviewFinding::NoRoster { path: path.clone() },
            ));
        }
        if let Some(r) = roster
            && !person.is_some_and(|p| r.may_review(unit, &p.id))
        {
            let allowed: Vec<&Person> = r
                .people
                .iter()
                .filter(|p| r.may_review(unit, &p.id))
                .collect();
            out.push(found(
                &commit,
                ReviewFinding::NotAllowed {
                    unit: unit.to_string(),
                    author: author_text.clone(),
                    allowed: Roster::describe(&allowed),
                },
            ));
        }
        let Some(bytes) = repo::read::try_file_at(repo, oid, path)? else {
            // tertial never removes a review (the next one replaces it).
            out.push(found(
                &commit,
                ReviewFinding::NotByTertial { path: path.clone() },
            ));
            continue;
        };
        let Ok(review) = Review::parse_bytes(&bytes, path) else {
            out.push(Finding::Unreadable {
                commit: commit.clone(),
                path: path.clone(),
            });
            continue;
        };
        if review.unit != unit || review.period.to_string() != period {
            out.push(Finding::PathMismatch {
                commit: commit.clone(),
                path: path.clone(),
                unit: review.unit.clone(),
                period: review.period.to_string(),
            });
        }
        if roster.is_some() && person.is_none_or(|p| p.id != review.reviewer) {
            out.push(found(
                &commit,
                ReviewFinding::OtherReviewer {
                    path: path.clone(),
                    reviewer: review.reviewer.clone(),
                },
            ));
        }
        let followup_file = followup::path(review.period, &review.unit);
        let now = followup_version(repo, Some(oid), &followup_file)?;
        let before = followup_version(repo, parent, &followup_file)?;
        let reviewed = Some((review.reviewed.clone(), Status::Done));
        match review.outcome {
            Outcome::Approved if now != reviewed => out.push(found(
                &commit,
                ReviewFinding::ApprovalNotKlar { path: path.clone() },
            )),
            Outcome::Approved if writers.wrote(&followup_file, &review.reviewer) => {
                out.push(found(
                    &commit,
                    ReviewFinding::OwnText {
                        path: path.clone(),
                        reviewer: review.reviewer.clone(),
                    },
                ))
            }
            Outcome::Returned
                if before != reviewed || now.as_ref().map(|v| v.1) != Some(Status::Reopened) =>
            {
                out.push(found(
                    &commit,
                    ReviewFinding::ReturnWithoutReopen { path: path.clone() },
                ))
            }
            _ => {}
        }
        let backs = trailers.unit.as_deref() == Some(unit)
            && trailers.period.as_deref() == Some(period)
            && trailers.get("Review") == Some(review.outcome.code())
            && trailers.get("Reviewer") == Some(review.reviewer.as_str());
        if backs {
            backed = true;
        } else {
            out.push(found(
                &commit,
                ReviewFinding::NotByTertial { path: path.clone() },
            ));
        }
    }
    if claimed && !backed && changed.is_empty() {
        out.push(found(
            &commit,
            ReviewFinding::Trailers {
                what: format!(
                    "Review: {} Reviewer: {}",
                    trailers.get("Review").unwrap_or("-"),
                    trailers.get("Reviewer").unwrap_or("-")
                ),
            },
        ));
    }
    Ok(Some(out))
}

impl std::fmt::Display for ReviewFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::sanitize::line as s;
        let l = crate::i18n::current();
        match self {
            ReviewFinding::NotAllowed {
                unit,
                author,
                allowed,
            } => {
                let allowed = if allowed.is_empty() {
                    l.t("ingen", "nobody").to_string()
                } else {
                    s(allowed).into_owned()
                };
                write!(
                    f,
                    "{} {} {}; {}: {allowed}",
                    s(author),
                    l.t("får inte granska", "may not review"),
                    s(unit),
                    l.t("får granska", "may review"),
                )
            }
            ReviewFinding::OtherReviewer { path, reviewer } => write!(
                f,
                "{}: {} {} {}",
                s(path),
                l.t("granskaren", "the reviewer"),
                s(reviewer),
                l.t(
                    "är inte den som gjorde commiten",
                    "is not who made the commit"
                ),
            ),
            ReviewFinding::ApprovalNotKlar { path } => write!(
                f,
                "{}: {}",
                s(path),
                l.t(
                    "godkänner en version som inte är den klara uppföljningen i commiten",
                    "approves a version that is not the klar follow-up in the commit"
                ),
            ),
            ReviewFinding::ReturnWithoutReopen { path } => write!(
                f,
                "{}: {}",
                s(path),
                l.t(
                    "återsänder utan att återöppna den klara version som granskades i samma commit",
                    "returns without reopening the klar version reviewed in the same commit"
                ),
            ),
            ReviewFinding::NotByTertial { path } => write!(
                f,
                "{}: {}",
                s(path),
                l.t(
                    "ändrad av en commit vars trailers (Unit, Period, Review, Reviewer) inte säger detsamma som filen",
                    "changed by a commit whose trailers (Unit, Period, Review, Reviewer) do not say what the file says"
                ),
            ),
            ReviewFinding::OwnText { path, reviewer } => write!(
                f,
                "{}: {} {} {}",
                s(path),
                l.t("godkänd av", "approved by"),
                s(reviewer),
                l.t(
                    "som själv har skrivit i uppföljningen",
                    "who wrote in the follow-up themself"
                ),
            ),
            ReviewFinding::NoRoster { path } => write!(
                f,
                "{}: {}",
                s(path),
                l.t(
                    "en granskning utan roster.toml (ingen får granska)",
                    "a review without roster.toml (nobody may review)"
                ),
            ),
            ReviewFinding::Trailers { what } => write!(
                f,
                "{}: {}",
                l.t(
                    "trailers påstår en granskning som commiten inte gör",
                    "trailers claim a review the commit does not make"
                ),
                s(what),
            ),
        }
    }
}
