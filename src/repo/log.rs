//! Walking the history: the commits between two points, where two lines
//! of history parted, and a commit's message and time.

use super::RepoError;

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
        assert_eq!(merge_base(&repo, b, c).unwrap(), b);
        assert_eq!(message(&repo, a).unwrap(), "first\n\nTertial-Unit: x");
        let before = crate::clock::now();
        let d = put("d", "fourth");
        let at = commit_time(&repo, d).unwrap();
        assert!(at >= before && at <= crate::clock::now(), "{at}");
    }
}
