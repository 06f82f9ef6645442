//! `tertial sync`: shares follow-ups through a git remote. Fetch and push
//! go through the git command, so the user's usual credentials (ssh-agent,
//! credential helpers) and progress output work as with git itself: on the
//! command line git writes to the terminal, in the session its progress
//! lines are handed over as they come (see [`Progress`]). Local
//! follow-up commits are replayed on top of the remote's branch, one file
//! each; different units or periods never conflict, and the same unit and
//! period changed on both sides is reported and left alone until the
//! chief chooses which text to keep.

mod git;

use crate::history::trailers;
use crate::i18n::Lang;
use crate::repo::{self, FileChange, RepoError};
pub use git::{Progress, read_lines};
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
    #[error("git {0} failed: {1}")]
    Git(String, String),
    #[error("local commit {0} was not made by tertial (it changes {1}); share it with git itself")]
    Foreign(String, String),
    #[error(transparent)]
    Repo(#[from] RepoError),
    #[error("git: {0}")]
    Git2(#[from] git2::Error),
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
            SyncError::Repo(e) => e.to_string(),
            SyncError::Git2(e) => format!("git: {}", e.message()),
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

/// The one follow-up file a commit changed (and its new content).
fn change_of(
    repo: &git2::Repository,
    commit: &git2::Commit,
) -> Result<Vec<FileChange>, git2::Error> {
    let tree = commit.tree()?;
    let parent = commit.parent(0).ok().map(|p| p.tree()).transpose()?;
    let diff = repo.diff_tree_to_tree(parent.as_ref(), Some(&tree), None)?;
    let mut out = Vec::new();
    for d in diff.deltas() {
        let Some(path) = d.new_file().path().or(d.old_file().path()) else {
            continue;
        };
        let path = path.to_string_lossy().replace('\\', "/");
        let content = match tree.get_path(Path::new(&path)) {
            Ok(e) => Some(repo.find_blob(e.id())?.content().to_vec()),
            Err(_) => None,
        };
        out.push(FileChange { path, content });
    }
    Ok(out)
}

/// Paths changed between two commits.
fn changed_paths(
    repo: &git2::Repository,
    from: git2::Oid,
    to: git2::Oid,
) -> Result<Vec<String>, git2::Error> {
    let a = repo.find_commit(from)?.tree()?;
    let b = repo.find_commit(to)?.tree()?;
    let diff = repo.diff_tree_to_tree(Some(&a), Some(&b), None)?;
    Ok(diff
        .deltas()
        .filter_map(|d| {
            d.new_file()
                .path()
                .or(d.old_file().path())
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect())
}

fn text_at(repo: &git2::Repository, commit: git2::Oid, path: &str) -> String {
    repo.find_commit(commit)
        .ok()
        .and_then(|c| c.tree().ok())
        .and_then(|t| t.get_path(Path::new(path)).ok())
        .and_then(|e| repo.find_blob(e.id()).ok())
        .map(|b| String::from_utf8_lossy(b.content()).into_owned())
        .unwrap_or_default()
}

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
    for _attempt in 0..5 {
        git(dir, &["fetch", "--progress", remote, branch], progress)?;
        let repository = repo::open(dir)?;
        let local = repo::read::tip(&repository, branch)?;
        let theirs = repository
            .find_reference("FETCH_HEAD")
            .ok()
            .and_then(|r| r.target());
        let (Some(local), Some(theirs)) = (local, theirs) else {
            git(dir, &["push", "--progress", remote, branch], progress)?;
            outcome.pushed = true;
            return Ok(outcome);
        };
        let base = repository.merge_base(local, theirs)?;
        let new_tip = if base == theirs {
            // Only local commits (or none): nothing to replay.
            local
        } else if base == local {
            outcome.received += count(&repository, local, theirs)?;
            move_branch(&repository, branch, local, theirs)?;
            theirs
        } else {
            let mine = commits_between(&repository, base, local)?;
            let remote_paths = changed_paths(&repository, base, theirs)?;
            // Conflicts first: nothing moves while one is undecided.
            let mut conflicts = Vec::new();
            let mut replay = Vec::new();
            for oid in &mine {
                let commit = repository.find_commit(*oid)?;
                let t = trailers::parse(commit.message_raw().unwrap_or(""));
                let changes = change_of(&repository, &commit)?;
                if !t.is_tertial() {
                    let paths: Vec<String> = changes.iter().map(|c| c.path.clone()).collect();
                    return Err(SyncError::Foreign(
                        oid.to_string()[..10].to_string(),
                        paths.join(", "),
                    ));
                }
                for FileChange { path, .. } in &changes {
                    let both = remote_paths.contains(path)
                        && text_at(&repository, local, path) != text_at(&repository, theirs, path);
                    match (both, keep.get(path)) {
                        (true, None) => conflicts.push(Conflict {
                            path: path.clone(),
                            local: text_at(&repository, local, path),
                            remote: text_at(&repository, theirs, path),
                        }),
                        (true, Some(Keep::Remote)) => {}
                        _ => replay.push((commit.id(), changes.clone())),
                    }
                }
            }
            conflicts.dedup_by(|a, b| a.path == b.path);
            if !conflicts.is_empty() {
                outcome.conflicts = conflicts;
                return Ok(outcome);
            }
            outcome.received += count(&repository, base, theirs)?;
            let mut tip = theirs;
            replay.dedup_by_key(|(id, _)| *id);
            for (id, changes) in replay {
                let original = repository.find_commit(id)?;
                tip = replay_commit(&repository, tip, &original, &changes)?;
                outcome.replayed += 1;
            }
            // The local history as it was stays reachable, for the audit.
            let _ = repository.reference(
                &format!("refs/tertial/before-sync/{}", crate::clock::now()),
                local,
                false,
                "tertial: before sync",
            );
            move_branch(&repository, branch, local, tip)?;
            tip
        };
        crate::history::verify::advance_anchor(&repository, new_tip);
        let paths = changed_paths(&repository, local, new_tip).unwrap_or_default();
        repo::worktree::sync_from_tip(&repository, branch, &paths);
        match git(dir, &["push", "--progress", remote, branch], progress) {
            Ok(()) => {
                outcome.pushed = true;
                return Ok(outcome);
            }
            // The remote moved meanwhile: fetch and replay again.
            Err(_) => continue,
        }
    }
    Err(SyncError::Git(
        "push".into(),
        "the remote kept moving; try again".into(),
    ))
}

fn count(repo: &git2::Repository, from: git2::Oid, to: git2::Oid) -> Result<usize, git2::Error> {
    Ok(commits_between(repo, from, to)?.len())
}

/// Commits after `base` up to `tip`, oldest first (first parents).
fn commits_between(
    repo: &git2::Repository,
    base: git2::Oid,
    tip: git2::Oid,
) -> Result<Vec<git2::Oid>, git2::Error> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    walk.push(tip)?;
    walk.hide(base)?;
    walk.collect()
}

/// The same change, author and message, on a new parent.
fn replay_commit(
    repo: &git2::Repository,
    parent: git2::Oid,
    original: &git2::Commit,
    files: &[FileChange],
) -> Result<git2::Oid, SyncError> {
    let parent = repo.find_commit(parent)?;
    let mut update = git2::build::TreeUpdateBuilder::new();
    for f in files {
        match &f.content {
            Some(bytes) => {
                let blob = repo.blob(bytes)?;
                update.upsert(f.path.as_str(), blob, git2::FileMode::Blob);
            }
            None => {
                update.remove(f.path.as_str());
            }
        }
    }
    let tree = repo.find_tree(update.create_updated(repo, &parent.tree()?)?)?;
    let message = original.message_raw().unwrap_or("");
    // The author and the time of writing stay; the commit on the new
    // parent is made now.
    let committer = repo::Identity::of(&original.committer()).now()?;
    // Signed again when the config signs: the old signature covered the
    // old parent.
    match repo::sign::Signer::from_config(repo)? {
        Some(signer) => {
            let buf = repo.commit_create_buffer(
                &original.author(),
                &committer,
                message,
                &tree,
                &[&parent],
            )?;
            let text = String::from_utf8_lossy(&buf).into_owned();
            let signature = signer.sign(&text)?;
            Ok(repo.commit_signed(&text, &signature, None)?)
        }
        None => Ok(repo.commit(
            None,
            &original.author(),
            &committer,
            message,
            &tree,
            &[&parent],
        )?),
    }
}

/// Moves `branch` from `old` to `new`, refusing if it moved meanwhile.
fn move_branch(
    repo: &git2::Repository,
    branch: &str,
    old: git2::Oid,
    new: git2::Oid,
) -> Result<(), SyncError> {
    if old == new {
        return Ok(());
    }
    repo.reference_matching(
        &format!("refs/heads/{branch}"),
        new,
        true,
        old,
        "tertial: sync",
    )?;
    Ok(())
}
