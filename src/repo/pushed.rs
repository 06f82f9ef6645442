//! A push being received, seen from a server-side hook: the repository
//! opened so that the pushed objects, which wait in a quarantine folder
//! until the hook accepts them, are readable; the commits a push brings;
//! a commit's first parent.

use super::RepoError;
use std::path::{Path, PathBuf};

/// Opens the bare repository at `git_dir` with each folder of
/// `quarantine` (git's GIT_QUARANTINE_PATH, GIT_OBJECT_DIRECTORY) added
/// as an object store: libgit2 reads those variables only when asked to
/// take its whole set-up from the environment, which would also search
/// upwards for a repository.
pub fn open_receiving(
    git_dir: &Path,
    quarantine: &[PathBuf],
) -> Result<git2::Repository, RepoError> {
    let repo = super::open(git_dir)?;
    let own = repo.path().join("objects").canonicalize().ok();
    let odb = repo.odb()?;
    for dir in quarantine {
        let Ok(real) = dir.canonicalize() else {
            continue;
        };
        if Some(&real) == own.as_ref() {
            continue;
        }
        let Some(text) = real.to_str() else {
            return Err(RepoError::Refused(format!(
                "the object folder {} is not UTF-8",
                real.display()
            )));
        };
        odb.add_disk_alternate(text)?;
    }
    drop(odb);
    Ok(repo)
}

/// Every commit reachable from `tip`, oldest first: what a push that
/// creates the branch brings, all of it to be judged.
pub fn commits_from(repo: &git2::Repository, tip: git2::Oid) -> Result<Vec<git2::Oid>, RepoError> {
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    walk.push(tip)?;
    Ok(walk.collect::<Result<_, _>>()?)
}

/// The first parent of `commit` (None for a root commit).
pub fn first_parent(
    repo: &git2::Repository,
    commit: git2::Oid,
) -> Result<Option<git2::Oid>, RepoError> {
    Ok(repo.find_commit(commit)?.parent_ids().next())
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, read, testutil};
    use super::*;

    #[test]
    fn objects_in_quarantine_are_read_only_when_the_folder_is_given() {
        let (dir, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let base = commit_files(&repo, "main", &[FileChange::put("a", "1")], "a", &who).unwrap();
        // A second store holding a commit on top of `base`, as a push's
        // quarantine does: its objects only, the rest in the repository.
        let quarantine = tempfile::tempdir().unwrap();
        let pushed = {
            let q = git2::Repository::init_bare(quarantine.path()).unwrap();
            q.odb()
                .unwrap()
                .add_disk_alternate(repo.path().join("objects").to_str().unwrap())
                .unwrap();
            let blob = q.blob(b"2").unwrap();
            let base_commit = q.find_commit(base).unwrap();
            let mut tree = q.treebuilder(Some(&base_commit.tree().unwrap())).unwrap();
            tree.insert("b", blob, 0o100644).unwrap();
            let tree = q.find_tree(tree.write().unwrap()).unwrap();
            let sig = who.now().unwrap();
            q.commit(None, &sig, &sig, "b", &tree, &[&base_commit])
                .unwrap()
        };
        let store = quarantine.path().join("objects");
        let plain = crate::repo::open(dir.path()).unwrap();
        assert!(read::try_file_at(&plain, pushed, "b").is_err());

        let receiving = open_receiving(
            dir.path(),
            &[store.clone(), dir.path().join(".git/objects")],
        )
        .unwrap();
        assert_eq!(
            read::file_at(&receiving, pushed, "b").as_deref(),
            Some(&b"2"[..])
        );
        assert_eq!(commits_from(&receiving, pushed).unwrap(), [base, pushed]);
        assert_eq!(first_parent(&receiving, pushed).unwrap(), Some(base));
        assert_eq!(first_parent(&receiving, base).unwrap(), None);
        // A folder that does not exist is no store.
        assert!(open_receiving(dir.path(), &[dir.path().join("none")]).is_ok());
    }
}
