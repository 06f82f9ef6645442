//! Keeping a workspace's working tree and index in step with commits made
//! in memory, for people who read the folder with plain git. The commit is
//! safe before this runs; this only refreshes what plain `git status`
//! compares with. It takes the workspace's sync lock, so concurrent
//! refreshes never overwrite each other's index entries, and it always
//! writes what the branch tip holds (the newest content wins).
//!
//! Rewriting the index means hashing all of it (libgit2 uses
//! collision-detecting SHA-1: about 50 ms for a city's 24,000 files), so
//! commands run it after the commit, in a separate process (`record`) or
//! thread (the session), instead of making the chief wait for it.

use std::path::Path;
use std::time::{Duration, Instant};

/// How long a refresh waits for a held index lock before giving up (the
/// next refresh of the same file brings it up to date).
const LOCK_WAIT: Duration = Duration::from_secs(10);

fn on_branch(repo: &git2::Repository, branch: &str) -> bool {
    repo.find_reference("HEAD")
        .ok()
        .and_then(|h| {
            h.symbolic_target()
                .ok()
                .flatten()
                .map(|t| t == format!("refs/heads/{branch}"))
        })
        .unwrap_or(false)
}

/// Makes `paths` in the working tree and index match the tip of `branch`,
/// when the repository has a working tree on that branch. Returns whether
/// it did.
pub fn sync_from_tip(repo: &git2::Repository, branch: &str, paths: &[String]) -> bool {
    let Some(workdir) = repo.workdir() else {
        return false;
    };
    if !on_branch(repo, branch) {
        return false;
    }
    // One refresh at a time per repository, across processes.
    let Ok(lock) = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(repo.path().join("tertial-worktree.lock"))
    else {
        return false;
    };
    crate::sys::share_like_parent(&repo.path().join("tertial-worktree.lock"));
    if lock.lock().is_err() {
        return false;
    }
    let started = Instant::now();
    loop {
        match refresh(repo, branch, workdir, paths) {
            Ok(done) => return done,
            Err(e) if e.code() == git2::ErrorCode::Locked && started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(_) => return false,
        }
    }
}

fn refresh(
    repo: &git2::Repository,
    branch: &str,
    workdir: &Path,
    paths: &[String],
) -> Result<bool, git2::Error> {
    let tip = repo
        .find_reference(&format!("refs/heads/{branch}"))?
        .peel_to_tree()?;
    let mut index = repo.index()?;
    // Re-read: another process may have written it since this handle did.
    index.read(true)?;
    for path in paths {
        let full = workdir.join(path);
        match tip.get_path(Path::new(path)) {
            Ok(entry) => {
                let blob = repo.find_blob(entry.id())?;
                crate::followup::draft::write_atomic(&full, blob.content())
                    .map_err(|e| git2::Error::from_str(&e.to_string()))?;
                index.add_path(Path::new(path))?;
            }
            Err(_) => {
                let _ = std::fs::remove_file(&full);
                let _ = index.remove_path(Path::new(path));
            }
        }
    }
    index.write()?;
    Ok(true)
}

/// Refreshes `paths` after a commit without making the caller wait: in a
/// thread of this process (the session, which keeps running).
pub fn sync_in_background(repo_path: std::path::PathBuf, branch: String, paths: Vec<String>) {
    std::thread::spawn(move || {
        if let Ok(repo) = git2::Repository::open(&repo_path) {
            sync_from_tip(&repo, &branch, &paths);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn after_an_in_memory_commit_git_status_stays_clean() {
        let (dir, repo) = testutil::empty_repo();
        let sig = testutil::sig();
        commit_files(
            &repo,
            "main",
            &[FileChange::put("a.txt", "1")],
            "base",
            &sig,
        )
        .unwrap();
        sync_from_tip(&repo, "main", &["a.txt".to_string()]);
        commit_files(
            &repo,
            "main",
            &[FileChange::put("f/x.toml", "x")],
            "second",
            &sig,
        )
        .unwrap();
        assert!(sync_from_tip(&repo, "main", &["f/x.toml".to_string()]));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("f/x.toml")).unwrap(),
            "x"
        );
        let statuses = repo.statuses(None).unwrap();
        let dirty: Vec<_> = statuses
            .iter()
            .map(|s| (s.path().ok().map(str::to_string), s.status()))
            .collect();
        assert!(dirty.is_empty(), "{dirty:?}");
    }
}
