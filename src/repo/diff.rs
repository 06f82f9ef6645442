//! What changed between trees: the paths a commit changed against its
//! first parent, or a stretch of history changed between two commits. One
//! implementation for `verify` (per commit, under `followups/`) and `sync`
//! (the remote's side of a fork, the working-tree refresh after it).

use super::RepoError;

/// Paths (with `/` separators) that differ from `old` (None: the empty
/// tree) to `new`, only those under `under` when given.
pub(crate) fn paths_between(
    repo: &git2::Repository,
    old: Option<&git2::Tree<'_>>,
    new: &git2::Tree<'_>,
    under: Option<&str>,
) -> Result<Vec<String>, git2::Error> {
    let mut opts = git2::DiffOptions::new();
    if let Some(dir) = under {
        opts.pathspec(dir);
    }
    let diff = repo.diff_tree_to_tree(old, Some(new), Some(&mut opts))?;
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

/// Paths changed from commit `from` to commit `to`.
pub fn changed_paths(
    repo: &git2::Repository,
    from: git2::Oid,
    to: git2::Oid,
) -> Result<Vec<String>, RepoError> {
    let a = repo.find_commit(from)?.tree()?;
    let b = repo.find_commit(to)?.tree()?;
    Ok(paths_between(repo, Some(&a), &b, None)?)
}

/// Paths `commit` changed against its first parent (a root commit: all of
/// its files), only those under `under` (a folder, `dir/`) when given.
pub fn changed_by(
    repo: &git2::Repository,
    commit: git2::Oid,
    under: Option<&str>,
) -> Result<Vec<String>, RepoError> {
    let commit = repo.find_commit(commit)?;
    let tree = commit.tree()?;
    let parent = match commit.parents().next() {
        Some(p) => Some(p.tree()?),
        None => None,
    };
    Ok(paths_between(repo, parent.as_ref(), &tree, under)?)
}

/// Paths whose content in `commit` differs from every parent (for a
/// single parent: `changed_by`; for a merge: what the merge itself
/// brought, not what either side did before it).
pub fn changed_against_parents(
    repo: &git2::Repository,
    commit: git2::Oid,
    under: Option<&str>,
) -> Result<Vec<String>, RepoError> {
    let c = repo.find_commit(commit)?;
    if c.parent_count() <= 1 {
        return changed_by(repo, commit, under);
    }
    let tree = c.tree()?;
    let mut out: Option<Vec<String>> = None;
    for p in c.parents() {
        let paths = paths_between(repo, Some(&p.tree()?), &tree, under)?;
        out = Some(match out {
            None => paths,
            Some(prev) => prev.into_iter().filter(|x| paths.contains(x)).collect(),
        });
    }
    Ok(out.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn paths_changed_by_commits_and_between_them() {
        let (_d, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let put = |path: &str, text: &str| {
            commit_files(&repo, "main", &[FileChange::put(path, text)], "m", &who).unwrap()
        };
        let root = put("plans/a.toml", "a");
        let second = put("followups/2025-T1/x.toml", "x");
        let third = commit_files(
            &repo,
            "main",
            &[
                FileChange::remove("plans/a.toml"),
                FileChange::put("followups/2025-T1/y.toml", "y"),
            ],
            "m",
            &who,
        )
        .unwrap();
        assert_eq!(changed_by(&repo, root, None).unwrap(), ["plans/a.toml"]);
        assert_eq!(
            changed_by(&repo, second, None).unwrap(),
            ["followups/2025-T1/x.toml"]
        );
        assert_eq!(
            changed_by(&repo, third, Some("followups/")).unwrap(),
            ["followups/2025-T1/y.toml"]
        );
        assert_eq!(
            changed_paths(&repo, root, third).unwrap(),
            [
                "followups/2025-T1/x.toml",
                "followups/2025-T1/y.toml",
                "plans/a.toml"
            ]
        );
        assert!(changed_paths(&repo, third, third).unwrap().is_empty());
    }
}
