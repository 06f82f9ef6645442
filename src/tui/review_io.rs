//! The shell's side of review mode and of returned follow-ups: opening a
//! unit's committed follow-up for review (who may, which version), the
//! reviewer's comment draft (`.tertial/review-drafts/<period>/<unit>.toml`,
//! written atomically like a follow-up's draft), the review's commit on
//! the worker's thread, and the comments a unit chief sees on a returned
//! follow-up.

use super::session::Io;
use crate::app::Model;
use crate::app::model::Session;
use crate::app::remarks::Returned;
use crate::app::review_mode::{Comments, Decision, Reviewing, Verdict};
use crate::followup::draft::{self, DraftMeta};
use crate::followup::{self, FollowUp, Period, Status};
use crate::repo;
use std::path::{Path, PathBuf};

/// The reviewer's comments as kept on disk until the review is committed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDraft {
    pub draft: DraftMeta,
    /// The follow-up version (blob id) the comments are about.
    pub reviewed: String,
    pub comments: Comments,
}

/// `<workspace>/.tertial/review-drafts/<period>/<unit>.toml`
pub fn draft_path(state_dir: &Path, period: Period, unit: &str) -> PathBuf {
    state_dir
        .join("review-drafts")
        .join(period.to_string())
        .join(format!("{unit}.toml"))
}

pub fn save_draft(path: &Path, d: &ReviewDraft) -> std::io::Result<()> {
    let text = toml::to_string_pretty(d).map_err(std::io::Error::other)?;
    draft::write_atomic(path, text.as_bytes())
}

/// The draft at `path`: None when there is none; one that does not read
/// is set aside (kept) and named in the note.
pub fn load_draft(path: &Path) -> (Option<ReviewDraft>, Option<String>) {
    let bytes = match crate::user_files::read_bounded(path, followup::load::MAX_FOLLOWUP_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
        Err(e) => return (None, Some(e.to_string())),
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|s| toml::from_str::<ReviewDraft>(s).map_err(|e| e.message().to_string()));
    match parsed {
        Ok(d) => (Some(d), None),
        Err(why) => {
            let moved = draft::aside(path, "unreadable");
            (None, Some(format!("{why} ({})", moved.display())))
        }
    }
}

impl Io<'_> {
    /// The follow-up of `unit` for `period` at the tip, with its blob id.
    fn committed_with_blob(&self, period: Period, unit: &str) -> Option<(FollowUp, String)> {
        let bytes = repo::read::file_at_tip(
            &self.repo,
            repo::DEFAULT_BRANCH,
            &followup::path(period, unit),
        )
        .ok()??;
        let blob = repo::blob::hash(&bytes)?.to_string();
        Some((followup::load::parse_unchecked(&bytes)?, blob))
    }

    /// A unit's committed follow-up opened for review: read-only, with the
    /// comments of an earlier draft on the same version, and why this user
    /// may not review it (the roster; a follow-up not klar) if so.
    pub fn open_review(&self, m: &Model, plan: usize, period: Period) -> crate::app::Action {
        let l = m.lang;
        let unit = m.plans[plan].plan.unit.id.clone();
        let committed = self.committed_with_blob(period, &unit);
        let (record, blob) = committed
            .clone()
            .unwrap_or_else(|| (FollowUp::new(&unit, period), String::new()));
        let mut s = Session::new(plan, period, record, committed.as_ref().map(|c| c.0.status));
        s.read_only = true;
        s.focus = crate::app::review_mode::NO_FOCUS;
        s.committed_at = None;
        let refusal = self.review_refusal(l, &unit, period, &s, &blob);
        let path = draft_path(&self.ws.state_dir(), period, &unit);
        let mut set_aside = None;
        let (comments, saved_at) = match load_draft(&path) {
            (Some(d), _) if d.reviewed == blob => (d.comments, Some(d.draft.saved_at)),
            // Comments on an older version: kept aside, not shown as if
            // they were about this one, and the reviewer is told where.
            (Some(d), _) => {
                let kept = draft::aside(&path, "older-version");
                if d.comments.any() {
                    set_aside = Some(kept.display().to_string());
                }
                (Comments::default(), None)
            }
            (None, _) => (Comments::default(), None),
        };
        let mut r = Reviewing::new(blob, comments, refusal);
        r.saved_at = saved_at;
        r.set_aside = set_aside;
        crate::app::Action::ReviewReady(Box::new(s), Box::new(r))
    }

    fn review_refusal(
        &self,
        l: crate::i18n::Lang,
        unit: &str,
        period: Period,
        s: &Session,
        blob: &str,
    ) -> Option<String> {
        if let Err(e) = crate::history::verify::check_branch(&self.repo, repo::DEFAULT_BRANCH) {
            return Some(e.to_string());
        }
        if let Err(e) =
            crate::review::reviewer_id(&self.repo, repo::DEFAULT_BRANCH, unit, &self.who)
        {
            return Some(crate::sanitize::line(&refused_text(&e)).into_owned());
        }
        match s.committed {
            None => {
                return Some(
                    l.t(
                        "enheten har ingen inlämnad uppföljning för perioden",
                        "the unit has no committed follow-up for the period",
                    )
                    .into(),
                );
            }
            Some(Status::Done) => {}
            Some(other) => {
                return Some(format!(
                    "{} ({}); {}",
                    l.t("uppföljningen är inte klar", "the follow-up is not done"),
                    other.code(),
                    l.t(
                        "det finns inget att granska ännu",
                        "there is nothing to review yet"
                    )
                ));
            }
        }
        match crate::review::at_tip(&self.repo, repo::DEFAULT_BRANCH, period, unit) {
            Ok(Some(r)) if r.outcome == crate::review::Outcome::Approved && r.reviewed == blob => {
                Some(l.t("den är redan godkänd", "it is already approved").into())
            }
            _ => None,
        }
    }

    /// Writes the reviewer's comments; the time saved.
    pub fn save_review_draft(&self, m: &Model) -> std::io::Result<Option<u64>> {
        let (Some(s), Some(r)) = (&m.session, &m.reviewing) else {
            return Ok(None);
        };
        if r.refusal.is_some() || r.decided.is_some() {
            return Ok(None);
        }
        let d = ReviewDraft {
            draft: DraftMeta::here(None),
            reviewed: r.reviewed.clone(),
            comments: r.comments.clone(),
        };
        save_draft(
            &draft_path(&self.ws.state_dir(), s.period, &s.record.unit),
            &d,
        )?;
        Ok(Some(d.draft.saved_at))
    }

    /// What committing `decision` needs on the worker's thread.
    pub fn review_work(&self, m: &Model, decision: Decision) -> Option<ReviewWork> {
        let s = m.session.as_ref()?;
        Some(ReviewWork {
            root: self.ws.root.clone(),
            plan: m.plans[s.plan].plan.clone(),
            decision,
            who: self.who.clone(),
            draft: draft_path(&self.ws.state_dir(), s.period, &s.record.unit),
        })
    }

    /// The comments of the review that returned this follow-up, while it
    /// is not klar again (None otherwise).
    pub fn returned(&self, period: Period, unit: &str, status: Option<Status>) -> Option<Returned> {
        if status == Some(Status::Done) || status.is_none() {
            return None;
        }
        let review = crate::review::at_tip(&self.repo, repo::DEFAULT_BRANCH, period, unit)
            .ok()
            .flatten()?;
        if review.outcome != crate::review::Outcome::Returned {
            return None;
        }
        // A reopen of a later klar version is the chief's own: the old
        // return's comments are not about it.
        let reopened_from = self
            .committed_with_blob(period, unit)
            .map(|(f, _)| f.reopened_from)
            .unwrap_or_default();
        if !reopened_from.is_empty() && !reopened_from.eq_ignore_ascii_case(&review.reviewed) {
            return None;
        }
        let before = git2_blob_followup(&self.repo, &review.reviewed)?;
        let roster = crate::roster::at_tip(&self.repo, repo::DEFAULT_BRANCH)
            .ok()
            .flatten();
        let reviewer = roster
            .as_ref()
            .and_then(|r| r.person_by_id(&review.reviewer))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| review.reviewer.clone());
        Some(Returned {
            reviewer,
            overall: review.overall.clone(),
            remarks: review
                .remarks
                .iter()
                .map(|r| (r.on.code(), r.text.clone()))
                .collect(),
            before,
        })
    }
}

/// The review's comments as their draft's text, to print when they could
/// not be written.
pub fn comments_text(m: &Model) -> Option<String> {
    let r = m.reviewing.as_ref()?;
    let d = ReviewDraft {
        draft: DraftMeta::here(None),
        reviewed: r.reviewed.clone(),
        comments: r.comments.clone(),
    };
    toml::to_string_pretty(&d).ok()
}

/// The follow-up stored as blob `id`.
fn git2_blob_followup(repository: &repo::Repository, id: &str) -> Option<FollowUp> {
    let oid = repo::Oid::from_str(id).ok()?;
    repo::blob::with_blob(repository, oid, followup::load::parse_unchecked)
        .ok()
        .flatten()
}

fn refused_text(e: &repo::RepoError) -> String {
    match e {
        repo::RepoError::Refused(why) => why.clone(),
        other => other.to_string(),
    }
}

/// A review's commit, carried to the worker's thread.
pub struct ReviewWork {
    root: PathBuf,
    plan: crate::plan::Plan,
    decision: Decision,
    who: repo::Identity,
    draft: PathBuf,
}

impl ReviewWork {
    /// The short id and the outcome, or why not. The comment draft goes
    /// once the commit is made.
    pub fn run(self) -> Result<(String, Verdict), String> {
        let repository = repo::open(&self.root).map_err(|e| e.to_string())?;
        let d = &self.decision;
        let reviewer =
            crate::review::reviewer_id(&repository, repo::DEFAULT_BRANCH, &d.unit, &self.who)
                .map_err(|e| refused_text(&e))?;
        let review = crate::review::Review {
            unit: d.unit.clone(),
            period: d.period,
            outcome: match d.verdict {
                Verdict::Return => crate::review::Outcome::Returned,
                Verdict::Approve => crate::review::Outcome::Approved,
            },
            reviewer,
            reviewed: d.reviewed.clone(),
            overall: d.comments.overall.trim().to_string(),
            remarks: d
                .comments
                .written_in_order(&self.plan)
                .into_iter()
                .filter_map(|(on, text)| {
                    Some(crate::review::Remark {
                        on: crate::review::Target::parse(on)?,
                        text: text.trim().to_string(),
                    })
                })
                .collect(),
        };
        let commit = match d.verdict {
            Verdict::Return => crate::review::commit_return,
            Verdict::Approve => crate::review::commit_approve,
        };
        let oid = commit(
            &repository,
            repo::DEFAULT_BRANCH,
            &self.plan,
            &review,
            &self.who,
        )
        .map_err(|e| refused_text(&e))?;
        draft::remove(&self.draft);
        Ok((oid.to_string()[..10].to_string(), d.verdict))
    }
}
