//! `tertial sync`: shares follow-ups through a git remote. Fetch and push
//! go through the git command, so the user's usual credentials (ssh-agent,
//! credential helpers) and progress output work as with git itself: on the
//! command line git writes to the terminal, in the session its progress
//! lines are handed over as they come (see [`Progress`]). Local
//! follow-up commits are replayed on top of the remote's branch, one file
//! each; different units or periods never conflict, and the same unit and
//! period changed on both sides is reported and left alone until the
//! chief chooses which text to keep. The history walk, the replay and the
//! branch moves are `repo`'s (`repo::log`, `repo::replay`, `repo::refs`).

mod git;

use crate::history::trailers;
use crate::i18n::Lang;
use crate::repo::{self, FileChange, RepoError};
pub use git::{Progress, Step, Watch, read_lines};
use git::{git, has_remote};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    Local,
    Remote,
}

/// A follow-up changed on both sides since they parted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: String,
    pub local: String,
    pub remote: String,
}

#[derive(Debug, Default)]
pub struct Outcome {
    /// Local commits replayed onto the remote's branch.
    pub replayed: usize,
    /// Remote commits taken in.
    pub received: usize,
    pub pushed: bool,
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The remote is neither a remote of the repository nor an address.
    #[error("no remote {0:?}")]
    NoRemote(String),
    /// Stopped while fetching: nothing was changed.
    #[error("the sync was stopped while fetching; nothing changed")]
    Cancelled,
    #[error("git {0} failed: {1}")]
    Git(String, String),
    #[error("local commit {0} was not made by tertial (it changes {1}); share it with git itself")]
    Foreign(String, String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl SyncError {
    /// What went wrong and what to do, in the user's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SyncError::NoRemote(remote) => no_remote_text(lang, remote),
            SyncError::Git(what, why) if why.is_empty() => format!(
                "{} {what} {}",
                lang.t("git", "git"),
                lang.t(
                    "misslyckades (git:s förklaring står ovan)",
                    "failed (git's explanation is above)"
                )
            ),
            SyncError::Git(what, why) => {
                format!("git {what} {}: {why}", lang.t("misslyckades", "failed"))
            }
            SyncError::Foreign(commit, paths) => match lang {
                Lang::Sv => format!(
                    "den lokala committen {commit} är inte gjord av tertial (den ändrar {paths}); dela den med git"
                ),
                Lang::En => self.to_string(),
            },
            SyncError::Cancelled => lang
                .t(
                    "synken avbröts under hämtningen; inget ändrades",
                    "the sync was stopped while fetching; nothing changed",
                )
                .to_string(),
            SyncError::Repo(e) => e.to_string(),
        }
    }
}

/// The same, short enough for the status line of an 80-column terminal.
pub fn no_remote_short(lang: Lang, remote: &str) -> String {
    let remote = crate::sanitize::line(remote);
    match lang {
        Lang::Sv => {
            format!(
                "Ingen server \"{remote}\" att synka med. Lägg till: git remote add {remote} URL"
            )
        }
        Lang::En => {
            format!("No server \"{remote}\" to sync with. Add one: git remote add {remote} URL")
        }
    }
}

/// Where a sync's remote is missing, and how to add one.
pub fn no_remote_text(lang: Lang, remote: &str) -> String {
    let remote = crate::sanitize::line(remote);
    match lang {
        Lang::Sv => format!(
            "Ingen server att synka med: arbetsytan saknar git-fjärren \"{remote}\". Lägg till den en gång med `git remote add {remote} URL` i arbetsytans mapp (URL: adressen till det gemensamma förrådet)."
        ),
        Lang::En => format!(
            "No server to sync with: the workspace has no git remote \"{remote}\". Add it once with `git remote add {remote} URL` in the workspace folder (URL: the shared repository's address)."
        ),
    }
}

/// The reflog message of a branch moved by a sync.
const SYNC_LOG: &str = "tertial: sync";

/// Fetches, replays local follow-up commits on the remote's branch and
/// pushes. `keep` settles conflicts (path → which side stays on top).
pub fn sync(
    dir: &Path,
    remote: &str,
    keep: &HashMap<String, Keep>,
    progress: &mut Progress<'_>,
) -> Result<Outcome, SyncError> {
    if !has_remote(dir, remote) {
        return Err(SyncError::NoRemote(remote.to_string()));
    }
    let branch = repo::DEFAULT_BRANCH;
    let mut outcome = Outcome::default();
    // The remote's tip when a push failed, and why it failed.
    let mut refused: Option<(repo::Oid, SyncError)> = None;
    for attempt in 0..5 {
        // Only the first fetch can be stopped: a later one follows a
        // branch already moved, and the sync finishes what it began.
        let first = attempt == 0;
        progress.step(if first { Step::Fetch } else { Step::Update });
        if first && progress.stopped() {
            return Err(SyncError::Cancelled);
        }
        git(dir, &["fetch", "--progress", remote, branch], progress)?;
        if first && progress.stopped() {
            return Err(SyncError::Cancelled);
        }
        progress.step(Step::Update);
        let repository = repo::open(dir)?;
        let text_at = |commit, path: &str| {
            repo::read::file_at(&repository, commit, path)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        };
        let count = |from, to| repo::log::commits_between(&repository, from, to).map(|c| c.len());
        let local = repo::read::tip(&repository, branch)?;
        let theirs = repo::refs::fetched(&repository);
        if let Some((seen, why)) = refused.take()
            && theirs == Some(seen)
        {
            // The remote did not move: it refused the push (a server's
            // hook, rights); trying again would only be refused again.
            return Err(why);
        }
        let (Some(local), Some(theirs)) = (local, theirs) else {
            progress.step(Step::Push);
            git(dir, &["push", "--progress", remote, branch], progress)?;
            outcome.pushed = true;
            return Ok(outcome);
        };
        let base = repo::log::merge_base(&repository, local, theirs)?;
        let new_tip = if base == theirs {
            // Only local commits (or none): nothing to replay.
            local
        } else if base == local {
            outcome.received += count(local, theirs)?;
            repo::refs::move_branch(&repository, branch, local, theirs, SYNC_LOG)?;
            theirs
        } else {
            let mine = repo::log::commits_between(&repository, base, local)?;
            let remote_paths = repo::diff::changed_paths(&repository, base, theirs)?;
            // Conflicts first: nothing moves while one is undecided.
            let mut conflicts = Vec::new();
            let mut replay = Vec::new();
            for oid in &mine {
                let message = repo::log::message(&repository, *oid)?;
                let t = trailers::parse(&message);
                let mut changes = repo::replay::changes_of(&repository, *oid)?;
                let word_list = crate::spell::words::is_word_list_commit(&message)
                    && changes
                        .iter()
                        .all(|c| c.path == crate::spell::words::WORKSPACE_FILE);
                if word_list {
                    // Words added on both sides are all kept: the list
                    // never conflicts.
                    merge_word_lists(
                        &mut changes,
                        &remote_paths,
                        &text_at(theirs, crate::spell::words::WORKSPACE_FILE),
                    );
                }
                if !t.is_tertial() && !word_list {
                    let paths: Vec<String> = changes.iter().map(|c| c.path.clone()).collect();
                    return Err(SyncError::Foreign(
                        oid.to_string()[..10].to_string(),
                        paths.join(", "),
                    ));
                }
                for FileChange { path, .. } in &changes {
                    let both = !word_list
                        && remote_paths.contains(path)
                        && text_at(local, path) != text_at(theirs, path);
                    match (both, keep.get(path)) {
                        (true, None) => conflicts.push(Conflict {
                            path: path.clone(),
                            local: text_at(local, path),
                            remote: text_at(theirs, path),
                        }),
                        (true, Some(Keep::Remote)) => {}
                        _ => replay.push((*oid, changes.clone())),
                    }
                }
            }
            conflicts.dedup_by(|a, b| a.path == b.path);
            if !conflicts.is_empty() {
                outcome.conflicts = conflicts;
                return Ok(outcome);
            }
            outcome.received += count(base, theirs)?;
            let mut tip = theirs;
            replay.dedup_by_key(|(id, _)| *id);
            for (id, changes) in replay {
                tip = repo::replay::replay(&repository, tip, id, &changes)?;
                outcome.replayed += 1;
            }
            // The local history as it was stays reachable, for the audit.
            let _ = repo::refs::create(
                &repository,
                &format!("refs/tertial/before-sync/{}", crate::clock::now()),
                local,
                "tertial: before sync",
            );
            repo::refs::move_branch(&repository, branch, local, tip, SYNC_LOG)?;
            crate::history::verify::anchor_after_replay(&repository, local, tip);
            tip
        };
        crate::history::verify::advance_anchor(&repository, new_tip);
        let paths = repo::diff::changed_paths(&repository, local, new_tip).unwrap_or_default();
        repo::worktree::sync_from_tip(&repository, branch, &paths);
        progress.step(Step::Push);
        match git(dir, &["push", "--progress", remote, branch], progress) {
            Ok(()) => {
                outcome.pushed = true;
                return Ok(outcome);
            }
            // The remote moved meanwhile (fetch and replay again), or it
            // refused the push (seen at the next fetch).
            Err(why) => refused = Some((theirs, why)),
        }
    }
    Err(SyncError::Git(
        "push".into(),
        "the remote kept moving; try again".into(),
    ))
}

/// A word-list commit replayed on a remote whose list also changed: its
/// content becomes both lists' words.
fn merge_word_lists(changes: &mut [FileChange], remote_paths: &[String], theirs: &str) {
    for c in changes.iter_mut() {
        if remote_paths.contains(&c.path)
            && let Some(ours) = &c.content
        {
            let merged = crate::spell::words::merge(theirs, &String::from_utf8_lossy(ours));
            c.content = Some(merged.into_bytes());
        }
    }
}
