//! Walking the history: every commit from a tip (down to a stop) with
//! what the history index keeps of it, the commits between two points,
//! where two lines of history parted, whether one commit contains another,
//! and a commit's message and time.

use super::RepoError;

/// One commit as a walk sees it (borrowed: nothing is copied unless kept).
pub struct CommitView<'a> {
    pub oid: git2::Oid,
    /// Commit time, seconds since 1970.
    pub time: i64,
    /// The message (empty when not UTF-8).
    pub message: &'a str,
    pub author: &'a str,
    pub email: &'a str,
}

/// Visits the commits reachable from `tip` and not from `stop`, oldest
/// first (parents before children).
pub fn walk(
    repo: &git2::Repository,
    tip: git2::Oid,
    stop: Option<git2::Oid>,
    mut visit: impl FnMut(&CommitView<'_>),
) -> Result<(), RepoError> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    walk.push(tip)?;
    if let Some(s) = stop {
        walk.hide(s)?;
    }
    for oid in walk {
        let oid = oid?;
        let commit = repo.find_commit(oid)?;
        let author = commit.author();
        visit(&CommitView {
            oid,
            time: commit.time().seconds(),
            message: commit.message().unwrap_or(""),
            author: author.name().unwrap_or(""),
            email: author.email().unwrap_or(""),
        });
    }
    Ok(())
}

/// Every commit reachable from `tip`, oldest first, one by one: an id
/// that cannot be read is handed on as its error and the walk goes on
/// (for `verify`, which reports it).
pub fn each_commit(
    repo: &git2::Repository,
    tip: git2::Oid,
    mut visit: impl FnMut(Result<git2::Oid, RepoError>),
) -> Result<(), RepoError> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    walk.push(tip)?;
    for oid in walk {
        visit(oid.map_err(RepoError::from));
    }
    Ok(())
}

/// Whether `commit` contains `ancestor` in its history (false on any
/// doubt, and for the same commit).
pub fn descends_from(repo: &git2::Repository, commit: git2::Oid, ancestor: git2::Oid) -> bool {
    repo.graph_descendant_of(commit, ancestor).unwrap_or(false)
}

/// Commits after `base` up to `tip`, oldest first.
pub fn commits_between(
    repo: &git2::Repository,
    base: git2::Oid,
    tip: git2::Oid,
) -> Result<Vec<git2::Oid>, RepoError> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    walk.push(tip)?;
    walk.hide(base)?;
    Ok(walk.collect::<Result<_, _>>()?)
}

/// The newest commit both `a` and `b` contain.
pub fn merge_base(
    repo: &git2::Repository,
    a: git2::Oid,
    b: git2::Oid,
) -> Result<git2::Oid, RepoError> {
    Ok(repo.merge_base(a, b)?)
}

/// The first parent of `commit` (None for a root commit).
pub fn first_parent(
    repo: &git2::Repository,
    commit: git2::Oid,
) -> Result<Option<git2::Oid>, RepoError> {
    Ok(repo.find_commit(commit)?.parent_ids().next())
}

/// Who authored `commit` (name and e-mail).
pub fn author(repo: &git2::Repository, commit: git2::Oid) -> Result<super::Identity, RepoError> {
    Ok(super::Identity::of(&repo.find_commit(commit)?.author()))
}

/// The raw message of `commit` (trailers included; empty when not UTF-8).
pub fn message(repo: &git2::Repository, commit: git2::Oid) -> Result<String, RepoError> {
    Ok(repo
        .find_commit(commit)?
        .message_raw()
        .unwrap_or("")
        .to_string())
}

/// When `commit` was made (seconds since 1970), if it can be read.
pub fn commit_time(repo: &git2::Repository, commit: git2::Oid) -> Option<i64> {
    Some(repo.find_commit(commit).ok()?.time().seconds())
}

/// One commit that changed a file: who made it and the file's blob
/// before (at the first parent) and after (None where absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathChange {
    pub commit: git2::Oid,
    pub author: super::Identity,
    pub before: Option<git2::Oid>,
    pub after: Option<git2::Oid>,
}

/// Every commit reachable from `tip` whose version of `path` differs
/// from its first parent's, oldest first.
pub fn changes_of_path(
    repo: &git2::Repository,
    tip: git2::Oid,
    path: &str,
) -> Result<Vec<PathChange>, RepoError> {
    let mut out = Vec::new();
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    walk.push(tip)?;
    let at = |tree: &git2::Tree<'_>| {
        tree.get_path(std::path::Path::new(path))
            .ok()
            .map(|e| e.id())
    };
    for oid in walk {
        let commit = repo.find_commit(oid?)?;
        let after = at(&commit.tree()?);
        let before = match commit.parent(0) {
            Ok(p) => at(&p.tree()?),
            Err(_) => None,
        };
        if before != after {
            out.push(PathChange {
                commit: commit.id(),
                author: super::Identity::of(&commit.author()),
                before,
                after,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn commits_between_a_base_and_a_tip_oldest_first_and_where_lines_part() {
        let (_d, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let put = |path: &str, msg: &str| {
            commit_files(&repo, "main", &[FileChange::put(path, "x")], msg, &who).unwrap()
        };
        let a = put("a", "first\n\nTertial-Unit: x");
        let b = put("b", "second");
        let c = put("c", "third");
        assert_eq!(commits_between(&repo, a, c).unwrap(), [b, c]);
        assert!(commits_between(&repo, c, c).unwrap().is_empty());
        let mut seen = Vec::new();
        walk(&repo, c, Some(a), |v| {
            seen.push((v.oid, v.message.to_string(), v.author.to_string()))
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                (b, "second".to_string(), "Test Chef".to_string()),
                (c, "third".to_string(), "Test Chef".to_string())
            ]
        );
        let mut all = 0;
        walk(&repo, c, None, |_| all += 1).unwrap();
        assert_eq!(all, 3);
        let mut each = Vec::new();
        each_commit(&repo, c, |o| each.push(o.unwrap())).unwrap();
        assert_eq!(each, [a, b, c]);
        assert!(descends_from(&repo, c, a));
        assert!(!descends_from(&repo, a, c));
        assert!(!descends_from(&repo, a, a));
        assert_eq!(merge_base(&repo, b, c).unwrap(), b);
        assert_eq!(message(&repo, a).unwrap(), "first\n\nTertial-Unit: x");
        let before = crate::clock::now();
        let d = put("d", "fourth");
        let at = commit_time(&repo, d).unwrap();
        assert!(at >= before && at <= crate::clock::now(), "{at}");
    }

    #[test]
    fn the_changes_of_one_path_are_the_commits_that_changed_its_content() {
        let (_d, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let put = |path: &str, text: &str| {
            commit_files(&repo, "main", &[FileChange::put(path, text)], "m", &who).unwrap()
        };
        let a = put("f", "one");
        put("g", "other file");
        let c = put("f", "two");
        let tip = put("g", "changed, f kept");
        let changes = changes_of_path(&repo, tip, "f").unwrap();
        let commits: Vec<git2::Oid> = changes.iter().map(|c| c.commit).collect();
        assert_eq!(commits, [a, c]);
        assert_eq!(changes[0].before, None);
        assert_eq!(changes[1].before, changes[0].after);
        assert_ne!(changes[1].after, changes[1].before);
        assert_eq!(changes[0].author.name, "Test Chef");
    }
}
