//! References: moving a branch only from where it was seen, marks kept
//! for the audit (the anchor, klar tags), and what the last fetch brought.

use super::RepoError;

/// Moves `branch` from `old` to `new`, refusing (a git error) if it moved
/// meanwhile.
pub fn move_branch(
    repo: &git2::Repository,
    branch: &str,
    old: git2::Oid,
    new: git2::Oid,
    log: &str,
) -> Result<(), RepoError> {
    if old == new {
        return Ok(());
    }
    repo.reference_matching(&format!("refs/heads/{branch}"), new, true, old, log)?;
    Ok(())
}

/// Creates the reference `name` at `target` (never overwriting one).
pub fn create(
    repo: &git2::Repository,
    name: &str,
    target: git2::Oid,
    log: &str,
) -> Result<(), RepoError> {
    repo.reference(name, target, false, log)?;
    Ok(())
}

/// Where the reference `name` points, if it exists (not peeled).
pub fn target(repo: &git2::Repository, name: &str) -> Option<git2::Oid> {
    repo.find_reference(name).ok()?.target()
}

/// Points the reference `name` at `target`, created or moved.
pub fn set(
    repo: &git2::Repository,
    name: &str,
    target: git2::Oid,
    log: &str,
) -> Result<(), RepoError> {
    repo.reference(name, target, true, log)?;
    Ok(())
}

/// The references matching `glob` with the commits they point to (tags
/// peeled); unreadable ones are left out.
pub fn commits_matching(repo: &git2::Repository, glob: &str) -> Vec<(String, git2::Oid)> {
    let Ok(refs) = repo.references_glob(glob) else {
        return Vec::new();
    };
    refs.flatten()
        .filter_map(|r| Some((r.name().ok()?.to_string(), r.peel_to_commit().ok()?.id())))
        .collect()
}

/// The references matching `glob`: name, the annotated tag object it
/// points to (None for a lightweight one) and the commit it names.
pub fn tags_matching(
    repo: &git2::Repository,
    glob: &str,
) -> Vec<(String, Option<git2::Oid>, git2::Oid)> {
    let Ok(refs) = repo.references_glob(glob) else {
        return Vec::new();
    };
    refs.flatten()
        .filter_map(|r| {
            let name = r.name().ok()?.to_string();
            let target = r.target()?;
            let tag = repo.find_tag(target).ok().map(|t| t.id());
            Some((name, tag, r.peel_to_commit().ok()?.id()))
        })
        .collect()
}

/// Stores `text` (a complete annotated tag object, signature included) and
/// creates `refs/tags/<name>` for it.
pub fn write_tag(
    repo: &git2::Repository,
    name: &str,
    text: &str,
    log: &str,
) -> Result<(), RepoError> {
    let tag = repo.odb()?.write(git2::ObjectType::Tag, text.as_bytes())?;
    repo.reference(&format!("refs/tags/{name}"), tag, false, log)?;
    Ok(())
}

/// The commit the last `git fetch` brought (FETCH_HEAD), if any.
pub fn fetched(repo: &git2::Repository) -> Option<git2::Oid> {
    repo.find_reference("FETCH_HEAD")
        .ok()
        .and_then(|r| r.target())
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, read, testutil};
    use super::*;

    #[test]
    fn a_branch_moves_only_from_where_it_was_seen() {
        let (_d, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let a = commit_files(&repo, "main", &[FileChange::put("a", "1")], "a", &who).unwrap();
        let b = commit_files(&repo, "main", &[FileChange::put("b", "2")], "b", &who).unwrap();
        // Seen at a, but it is at b: refused, left at b.
        assert!(move_branch(&repo, "main", a, b, "stale").is_err());
        assert_eq!(read::tip(&repo, "main").unwrap(), Some(b));
        move_branch(&repo, "main", b, a, "back").unwrap();
        assert_eq!(read::tip(&repo, "main").unwrap(), Some(a));
        create(&repo, "refs/tertial/mark", b, "m").unwrap();
        assert!(create(&repo, "refs/tertial/mark", a, "m").is_err());
        assert_eq!(fetched(&repo), None);
        assert_eq!(target(&repo, "refs/tertial/mark"), Some(b));
        set(&repo, "refs/tertial/mark", a, "m").unwrap();
        assert_eq!(target(&repo, "refs/tertial/mark"), Some(a));
        assert_eq!(target(&repo, "refs/tertial/none"), None);
        let tag =
            format!("object {b}\ntype commit\ntag t/1\ntagger A <a@b> 1700000000 +0100\n\nKlar\n");
        write_tag(&repo, "t/1", &tag, "m").unwrap();
        assert!(write_tag(&repo, "t/1", &tag, "m").is_err());
        assert_eq!(
            commits_matching(&repo, "refs/tags/t/*"),
            [("refs/tags/t/1".to_string(), b)]
        );
    }
}
