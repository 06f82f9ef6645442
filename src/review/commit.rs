//! The reviewer's two commits: a return (the review file and the
//! follow-up reopened, in one commit) and an approval (the review file
//! only). Both are refused unless the roster lets the committer review
//! the unit and the follow-up at the tip is klar and is the very version
//! reviewed.

use super::{Outcome, Review};
use crate::followup::{self, Status};
use crate::plan::Plan;
use crate::repo::{self, FileChange, Oid, RepoError, Repository};
use crate::sanitize;

/// The roster id of `who` when the roster lets them review `unit` at the
/// tip of `branch`; else the refusal, in the program's language.
pub fn reviewer_id(
    repository: &Repository,
    branch: &str,
    unit: &str,
    who: &repo::Identity,
) -> Result<String, RepoError> {
    let l = crate::i18n::current();
    let roster = match crate::roster::at_tip(repository, branch) {
        Ok(Some(r)) => r,
        Ok(None) => {
            return Err(RepoError::Refused(
                l.t(
                    "granskning kräver roster.toml: där står vilka områdeschefer som granskar vilka enheter",
                    "reviewing needs roster.toml: it says which area chiefs review which units",
                )
                .into(),
            ));
        }
        Err(e) => return Err(RepoError::Refused(e.to_string())),
    };
    let person = crate::roster::access::whom(&roster, repository, who);
    if let Some(p) = person
        && roster.may_review(unit, &p.id)
    {
        return Ok(p.id.clone());
    }
    let may: Vec<&crate::roster::Person> = roster
        .people
        .iter()
        .filter(|p| roster.may_review(unit, &p.id))
        .collect();
    let may = if may.is_empty() {
        l.t("ingen", "nobody").to_string()
    } else {
        crate::roster::Roster::describe(&may)
    };
    let you = sanitize::line(&format!("{} <{}>", who.name, who.email)).into_owned();
    let unit = sanitize::line(unit).into_owned();
    Err(RepoError::Refused(l.pick(
        format!("{you} får inte granska {unit}; det får: {may}"),
        format!("{you} may not review {unit}; who may: {may}"),
    )))
}

/// Whether the roster person `reviewer` changed the text of the
/// follow-up at `path` anywhere in the history of `branch` (a reopen,
/// which changes only its status, aside): nobody approves what they wrote.
fn wrote_in(
    repository: &Repository,
    branch: &str,
    path: &str,
    reviewer: &str,
) -> Result<bool, RepoError> {
    let (Some(tip), Ok(Some(roster))) = (
        repo::read::tip(repository, branch)?,
        crate::roster::at_tip(repository, branch),
    ) else {
        return Ok(false);
    };
    let parse = |blob: Option<Oid>| {
        let b = blob?;
        let f = repo::blob::with_blob(repository, b, followup::load::parse_unchecked).ok()??;
        Some((f, b.to_string()))
    };
    for change in repo::log::changes_of_path(repository, tip, path)? {
        let by_reviewer = roster
            .person_by_email(&change.author.email)
            .is_some_and(|p| p.id == reviewer);
        if !by_reviewer {
            continue;
        }
        let reopen_only = match (parse(change.before), parse(change.after)) {
            (Some((b, blob)), Some((a, _))) => a.is_reopen_of(&b, &blob),
            _ => false,
        };
        if !reopen_only {
            return Ok(true);
        }
    }
    Ok(false)
}

/// One line of untrusted text for a commit message: it can never start
/// a paragraph of its own and so never pose as a trailer.
fn one_line(text: &str) -> String {
    sanitize::line(text).replace('⏎', " ").trim().to_string()
}

/// The reason a return gives for reopening: the overall comment, else
/// how many remarks there are.
pub fn reopen_reason(review: &Review) -> String {
    let overall = one_line(&review.overall);
    if !overall.is_empty() {
        return overall;
    }
    match review.remarks.len() {
        1 => "återsänd med 1 kommentar".to_string(),
        n => format!("återsänd med {n} kommentarer"),
    }
}

/// The commit message of a review: a subject, the overall comment and
/// the remarks one line each, then the trailers.
pub fn message(plan: &Plan, review: &Review) -> String {
    let unit_name = one_line(&plan.unit.name);
    let mut m = format!(
        "Granskning {}: {} ({})\n\n",
        review.period,
        unit_name,
        review.outcome.code()
    );
    let overall = one_line(&review.overall);
    if !overall.is_empty() {
        m.push_str(&format!("{overall}\n\n"));
    }
    if !review.remarks.is_empty() {
        m.push_str("Kommentarer:\n");
        for r in &review.remarks {
            m.push_str(&format!(
                "{}: {}\n",
                one_line(&r.on.code()),
                one_line(&r.text)
            ));
        }
        m.push('\n');
    }
    if review.outcome == Outcome::Returned {
        m.push_str(&format!("Återöppnad: {}\n\n", reopen_reason(review)));
    }
    let status = match review.outcome {
        Outcome::Returned => Status::Reopened,
        Outcome::Approved => Status::Done,
    };
    m.push_str(&format!(
        "Unit: {}\nPeriod: {}\nStatus: {}\nReview: {}\nReviewer: {}\n",
        review.unit,
        review.period,
        status.code(),
        review.outcome.code(),
        review.reviewer
    ));
    if review.outcome == Outcome::Returned {
        m.push_str(&format!("Reopen-Reason: {}\n", reopen_reason(review)));
    }
    m.push_str(&format!(
        "Tool-Version: {}\n",
        followup::commit::TOOL_VERSION
    ));
    m
}

/// Why a follow-up file at the tip cannot be reviewed as `review` says,
/// in the program's language; None when it is klar and is the version
/// reviewed.
fn stale(bytes: Option<&[u8]>, review: &Review) -> Option<String> {
    let l = crate::i18n::current();
    let Some(bytes) = bytes else {
        return Some(
            l.t(
                "enheten har ingen inlämnad uppföljning för perioden",
                "the unit has no committed follow-up for the period",
            )
            .into(),
        );
    };
    let klar = followup::load::parse_unchecked(bytes).is_some_and(|f| f.status == Status::Done);
    if !klar {
        return Some(
            l.t(
                "uppföljningen är inte klar; bara en klar uppföljning granskas",
                "the follow-up is not klar; only a klar follow-up is reviewed",
            )
            .into(),
        );
    }
    let blob = repo::blob::hash(bytes).map(|o| o.to_string());
    if blob.as_deref() != Some(review.reviewed.as_str()) {
        return Some(
            l.t(
                "uppföljningen har ändrats sedan den granskades; granska den igen",
                "the follow-up changed since it was reviewed; review it again",
            )
            .into(),
        );
    }
    None
}

/// Returns the follow-up to its unit: one commit writing the review
/// (outcome återsänd) and the follow-up reopened with the review as the
/// reason. Refused unless `who` may review the unit and the follow-up
/// at the tip is klar and is the version `review.reviewed` names.
pub fn commit_return(
    repository: &Repository,
    branch: &str,
    plan: &Plan,
    review: &Review,
    who: &repo::Identity,
) -> Result<Oid, RepoError> {
    commit_review(repository, branch, plan, review, who, Outcome::Returned)
}

/// Approves the follow-up: one commit writing the review (outcome
/// godkänd). Same refusals as [`commit_return`].
pub fn commit_approve(
    repository: &Repository,
    branch: &str,
    plan: &Plan,
    review: &Review,
    who: &repo::Identity,
) -> Result<Oid, RepoError> {
    commit_review(repository, branch, plan, review, who, Outcome::Approved)
}

fn commit_review(
    repository: &Repository,
    branch: &str,
    plan: &Plan,
    review: &Review,
    who: &repo::Identity,
    outcome: Outcome,
) -> Result<Oid, RepoError> {
    let l = crate::i18n::current();
    if review.outcome != outcome {
        return Err(RepoError::Refused(l.pick(
            format!("granskningens utfall är {}", review.outcome.code()),
            format!("the review's outcome is {}", review.outcome.label_en()),
        )));
    }
    if review.unit != plan.unit.id {
        return Err(RepoError::Refused(l.pick(
            format!(
                "granskningen gäller {} men planen {}",
                sanitize::line(&review.unit),
                sanitize::line(&plan.unit.id)
            ),
            format!(
                "the review is about {} but the plan about {}",
                sanitize::line(&review.unit),
                sanitize::line(&plan.unit.id)
            ),
        )));
    }
    // Never onto a rewritten branch.
    crate::history::verify::check_branch(repository, branch)?;
    let id = reviewer_id(repository, branch, &review.unit, who)?;
    if id != review.reviewer {
        return Err(RepoError::Refused(l.pick(
            format!(
                "granskaren i filen är {} men den som sparar är {id}",
                sanitize::line(&review.reviewer)
            ),
            format!(
                "the file's reviewer is {} but {id} is committing",
                sanitize::line(&review.reviewer)
            ),
        )));
    }
    let followup_path = followup::path(review.period, &review.unit);
    let current = repo::read::file_at_tip(repository, branch, &followup_path)?;
    if let Some(why) = stale(current.as_deref(), review) {
        return Err(RepoError::Refused(why));
    }
    if outcome == Outcome::Approved && wrote_in(repository, branch, &followup_path, &id)? {
        return Err(RepoError::Refused(
            l.t(
                "du har själv skrivit i uppföljningen och kan inte godkänna den; en annan områdeschef får godkänna, du kan återsända den",
                "you wrote in the follow-up yourself and cannot approve it; another area chief may approve it, you may return it",
            )
            .into(),
        ));
    }
    let mut changes = vec![FileChange::put(
        super::path(review.period, &review.unit),
        review.to_toml(),
    )];
    if outcome == Outcome::Returned {
        // The version reviewed, reopened: nothing else of it changes.
        let mut f = current
            .as_deref()
            .and_then(followup::load::parse_unchecked)
            .ok_or_else(|| RepoError::Refused("unreadable follow-up".into()))?;
        f.status = Status::Reopened;
        f.reopened_from = review.reviewed.clone();
        changes.push(FileChange::put(
            followup_path.clone(),
            followup::to_toml(&f),
        ));
    }
    // Checked again on the tip each attempt is built on: a commit by the
    // unit in between makes the review stale.
    let check = |tip: &repo::commit::TipFiles<'_>| -> Result<(), String> {
        match stale(tip.file(&followup_path).as_deref(), review) {
            Some(why) => Err(why),
            None => Ok(()),
        }
    };
    let message = message(plan, review);
    let signer = repo::sign::Signer::from_config(repository)?;
    let mut sign = |buffer: &str| match &signer {
        Some(s) => s.sign(buffer).map(Some),
        None => Ok(None),
    };
    let mut hooks = repo::commit::Hooks {
        check: Some(&check),
        sign: Some(&mut sign),
    };
    let oid =
        repo::commit::commit_files_with(repository, branch, &changes, &message, who, &mut hooks)?;
    crate::history::verify::advance_anchor(repository, oid);
    Ok(oid)
}
