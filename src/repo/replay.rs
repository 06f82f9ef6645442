//! Replaying a commit on another parent (`sync`): the files it changed,
//! and the same change, author and message made again on the new parent,
//! signed again when git config signs.

use super::commit::tree_with;
use super::{FileChange, Identity, RepoError, sign::Signer};

/// The files `commit` changed against its first parent, with their new
/// content (None: removed).
pub fn changes_of(
    repo: &git2::Repository,
    commit: git2::Oid,
) -> Result<Vec<FileChange>, RepoError> {
    let commit = repo.find_commit(commit)?;
    let tree = commit.tree()?;
    let parent = commit.parent(0).ok().map(|p| p.tree()).transpose()?;
    let mut out = Vec::new();
    for path in super::diff::paths_between(repo, parent.as_ref(), &tree, None)? {
        let content = match tree.get_path(std::path::Path::new(&path)) {
            Ok(e) => Some(repo.find_blob(e.id())?.content().to_vec()),
            Err(_) => None,
        };
        out.push(FileChange { path, content });
    }
    Ok(out)
}

/// Commits `files` on `parent` with the author and message of `original`;
/// the committer is the original one at this moment.
pub fn replay(
    repo: &git2::Repository,
    parent: git2::Oid,
    original: git2::Oid,
    files: &[FileChange],
) -> Result<git2::Oid, RepoError> {
    let parent = repo.find_commit(parent)?;
    let original = repo.find_commit(original)?;
    let tree = tree_with(repo, &parent.tree()?, files)?;
    let message = original.message_raw().unwrap_or("");
    // The author and the time of writing stay; the commit on the new
    // parent is made now.
    let committer = Identity::of(&original.committer()).now()?;
    // Signed again when the config signs: the old signature covered the
    // old parent.
    match Signer::from_config(repo)? {
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

#[cfg(test)]
mod tests {
    use super::super::{commit_files, testutil};
    use super::*;

    #[test]
    fn a_commit_replayed_on_another_parent_keeps_its_change_author_and_message() {
        let (_d, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let base = commit_files(&repo, "main", &[FileChange::put("a", "1")], "base", &who).unwrap();
        let mine = commit_files(
            &repo,
            "main",
            &[FileChange::put("f/x", "mine"), FileChange::remove("a")],
            "mine\n\nTertial-Unit: x\n",
            &who,
        )
        .unwrap();
        let changes = changes_of(&repo, mine).unwrap();
        let mut seen: Vec<(String, Option<Vec<u8>>)> = changes
            .iter()
            .map(|c| (c.path.clone(), c.content.clone()))
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            [("a".into(), None), ("f/x".into(), Some(b"mine".to_vec()))]
        );
        // Theirs: another line from base.
        let other = repo.find_commit(base).unwrap();
        let theirs_tree =
            tree_with(&repo, &other.tree().unwrap(), &[FileChange::put("t", "t")]).unwrap();
        let s = who.now().unwrap();
        let theirs = repo
            .commit(None, &s, &s, "theirs", &theirs_tree, &[&other])
            .unwrap();
        let replayed = replay(&repo, theirs, mine, &changes).unwrap();
        let c = repo.find_commit(replayed).unwrap();
        assert_eq!(c.parent_id(0).unwrap(), theirs);
        assert_eq!(c.message_raw().ok(), Some("mine\n\nTertial-Unit: x\n"));
        assert_eq!(c.author().name().ok(), Some("Test Chef"));
        let tree = c.tree().unwrap();
        assert!(tree.get_path(std::path::Path::new("t")).is_ok());
        assert!(tree.get_path(std::path::Path::new("a")).is_err());
    }
}
