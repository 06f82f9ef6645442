//! Reading files and refs at a branch tip, without the working tree.

use super::RepoError;

/// The tip commit of `branch`, or None while it is unborn.
pub fn tip(repo: &git2::Repository, branch: &str) -> Result<Option<git2::Oid>, RepoError> {
    match repo.find_reference(&format!("refs/heads/{branch}")) {
        Ok(r) => Ok(r.target()),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The content of `path` at the tip of `branch`, or None when absent.
pub fn file_at_tip(
    repo: &git2::Repository,
    branch: &str,
    path: &str,
) -> Result<Option<Vec<u8>>, RepoError> {
    let Some(oid) = tip(repo, branch)? else {
        return Ok(None);
    };
    let tree = repo.find_commit(oid)?.tree()?;
    match tree.get_path(std::path::Path::new(path)) {
        Ok(entry) => Ok(Some(repo.find_blob(entry.id())?.content().to_vec())),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The content of `path` at the tip of `branch` when it is at most `max`
/// bytes: None when absent or larger (its size is read from the object's
/// header, so a huge file is never brought into memory).
pub fn small_file_at_tip(
    repo: &git2::Repository,
    branch: &str,
    path: &str,
    max: usize,
) -> Result<Option<Vec<u8>>, RepoError> {
    let Some(oid) = tip(repo, branch)? else {
        return Ok(None);
    };
    let tree = repo.find_commit(oid)?.tree()?;
    let id = match tree.get_path(std::path::Path::new(path)) {
        Ok(entry) => entry.id(),
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let (size, _) = repo.odb()?.read_header(id)?;
    if size > max {
        return Ok(None);
    }
    Ok(Some(repo.find_blob(id)?.content().to_vec()))
}

/// The content of `path` in `commit`, or None when absent (or the commit
/// unreadable).
pub fn file_at(repo: &git2::Repository, commit: git2::Oid, path: &str) -> Option<Vec<u8>> {
    with_file_at(repo, commit, path, <[u8]>::to_vec)
}

/// The content of `path` in `commit`: None when the path is absent, an
/// error when the commit or the file cannot be read (a corrupt object).
pub fn try_file_at(
    repo: &git2::Repository,
    commit: git2::Oid,
    path: &str,
) -> Result<Option<Vec<u8>>, RepoError> {
    let tree = repo.find_commit(commit)?.tree()?;
    match tree.get_path(std::path::Path::new(path)) {
        Ok(entry) => Ok(Some(repo.find_blob(entry.id())?.content().to_vec())),
        Err(_) => Ok(None),
    }
}

/// The blob id of `path` in `commit`, or None when absent (an error when
/// the commit cannot be read).
pub fn blob_id_at(
    repo: &git2::Repository,
    commit: git2::Oid,
    path: &str,
) -> Result<Option<git2::Oid>, RepoError> {
    let tree = repo.find_commit(commit)?.tree()?;
    Ok(tree
        .get_path(std::path::Path::new(path))
        .ok()
        .map(|e| e.id()))
}

/// `read` of the content of `path` in `commit` (borrowed, not copied), or
/// None when absent.
pub fn with_file_at<R>(
    repo: &git2::Repository,
    commit: git2::Oid,
    path: &str,
    read: impl FnOnce(&[u8]) -> R,
) -> Option<R> {
    let tree = repo.find_commit(commit).ok()?.tree().ok()?;
    let entry = tree.get_path(std::path::Path::new(path)).ok()?;
    Some(read(repo.find_blob(entry.id()).ok()?.content()))
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn a_file_over_the_bound_is_not_read() {
        let (_d, repo) = testutil::empty_repo();
        commit_files(
            &repo,
            "main",
            &[FileChange::put("words.txt", "ett\ntvå\n")],
            "m",
            &testutil::sig(),
        )
        .unwrap();
        let read = |max| small_file_at_tip(&repo, "main", "words.txt", max).unwrap();
        assert_eq!(read(9).as_deref(), Some("ett\ntvå\n".as_bytes()));
        assert_eq!(read(8), None);
        assert_eq!(
            small_file_at_tip(&repo, "main", "nope.txt", 8).unwrap(),
            None
        );
    }

    #[test]
    fn reads_committed_file_and_reports_absent_ones() {
        let (_d, repo) = testutil::empty_repo();
        assert_eq!(tip(&repo, "main").unwrap(), None);
        assert_eq!(file_at_tip(&repo, "main", "a/b.toml").unwrap(), None);
        commit_files(
            &repo,
            "main",
            &[FileChange::put("a/b.toml", "x = 1\n")],
            "m",
            &testutil::sig(),
        )
        .unwrap();
        assert_eq!(
            file_at_tip(&repo, "main", "a/b.toml").unwrap().unwrap(),
            b"x = 1\n"
        );
        assert_eq!(file_at_tip(&repo, "main", "a/c.toml").unwrap(), None);
        let tip = tip(&repo, "main").unwrap().unwrap();
        assert_eq!(file_at(&repo, tip, "a/b.toml").unwrap(), b"x = 1\n");
        assert_eq!(file_at(&repo, tip, "a/c.toml"), None);
        assert_eq!(with_file_at(&repo, tip, "a/b.toml", |b| b.len()), Some(6));
        assert_eq!(
            try_file_at(&repo, tip, "a/b.toml").unwrap().unwrap(),
            b"x = 1\n"
        );
        assert_eq!(try_file_at(&repo, tip, "a/c.toml").unwrap(), None);
        assert_eq!(
            blob_id_at(&repo, tip, "a/b.toml").unwrap(),
            super::super::blob::hash(b"x = 1\n")
        );
        assert_eq!(blob_id_at(&repo, tip, "a/c.toml").unwrap(), None);
        let blob = repo.blob(b"not a commit").unwrap();
        assert!(try_file_at(&repo, blob, "a/b.toml").is_err());
    }
}
