//! Keeping a workspace's working tree and index in step with commits made
//! in memory, for people who read the folder with plain git. Best effort:
//! a held index lock or a detached HEAD leaves the files as they were
//! (the commit itself is already safe).

use std::path::Path;

/// Writes `path` with `bytes` into the working tree and the index, when
/// the repository has a working tree whose HEAD is `branch`.
pub fn sync_file(repo: &git2::Repository, branch: &str, path: &str, bytes: &[u8]) -> bool {
    let Some(workdir) = repo.workdir() else {
        return false;
    };
    let on_branch = repo
        .find_reference("HEAD")
        .ok()
        .and_then(|h| {
            h.symbolic_target()
                .ok()
                .flatten()
                .map(|t| t == format!("refs/heads/{branch}"))
        })
        .unwrap_or(false);
    if !on_branch {
        return false;
    }
    let full = workdir.join(path);
    if crate::followup::draft::write_atomic(&full, bytes).is_err() {
        return false;
    }
    let Ok(mut index) = repo.index() else {
        return false;
    };
    // An index locked by someone else's git command is left alone.
    index.add_path(Path::new(path)).is_ok() && index.write().is_ok()
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
        sync_file(&repo, "main", "a.txt", b"1");
        commit_files(
            &repo,
            "main",
            &[FileChange::put("f/x.toml", "x")],
            "second",
            &sig,
        )
        .unwrap();
        assert!(sync_file(&repo, "main", "f/x.toml", b"x"));
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
