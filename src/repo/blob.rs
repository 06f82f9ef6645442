//! Blobs and trees at a commit: the files of one folder, the folders of
//! one folder, a blob's content by id, and the id a content would have.
//! For readers of many files (the overview) that keep ids, not paths.

use super::RepoError;

/// The id git gives `bytes` as a blob (None only if hashing fails).
pub fn hash(bytes: &[u8]) -> Option<git2::Oid> {
    git2::Oid::hash_object(git2::ObjectType::Blob, bytes).ok()
}

/// `read` of the content of blob `oid` (borrowed, not copied).
pub fn with_blob<R>(
    repo: &git2::Repository,
    oid: git2::Oid,
    read: impl FnOnce(&[u8]) -> R,
) -> Result<R, RepoError> {
    Ok(read(repo.find_blob(oid)?.content()))
}

fn folder<'r>(repo: &'r git2::Repository, commit: git2::Oid, dir: &str) -> Option<git2::Tree<'r>> {
    let tree = repo.find_commit(commit).ok()?.tree().ok()?;
    let entry = tree.get_path(std::path::Path::new(dir)).ok()?;
    repo.find_tree(entry.id()).ok()
}

fn named(
    repo: &git2::Repository,
    commit: git2::Oid,
    dir: &str,
    kind: git2::ObjectType,
    suffix: &str,
) -> Vec<(String, git2::Oid)> {
    let Some(tree) = folder(repo, commit, dir) else {
        return Vec::new();
    };
    // Names are copied only for the entries kept.
    tree.iter()
        .filter(|e| e.kind() == Some(kind))
        .filter_map(|e| {
            let name = e.name().ok()?;
            name.ends_with(suffix).then(|| (name.to_string(), e.id()))
        })
        .collect()
}

/// The files directly in `dir` at `commit` whose names end in `suffix`,
/// with their blob ids, sorted by name (none when `dir` is absent).
pub fn files_in(
    repo: &git2::Repository,
    commit: git2::Oid,
    dir: &str,
    suffix: &str,
) -> Vec<(String, git2::Oid)> {
    let mut out = named(repo, commit, dir, git2::ObjectType::Blob, suffix);
    out.sort();
    out
}

/// The names of the folders directly in `dir` at `commit`.
pub fn folders_in(repo: &git2::Repository, commit: git2::Oid, dir: &str) -> Vec<String> {
    named(repo, commit, dir, git2::ObjectType::Tree, "")
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn files_and_folders_of_a_folder_and_blobs_by_id() {
        let (_d, repo) = testutil::empty_repo();
        let tip = commit_files(
            &repo,
            "main",
            &[
                FileChange::put("plans/2025/b.toml", "b"),
                FileChange::put("plans/2025/a.toml", "a"),
                FileChange::put("plans/2025/notes.txt", "n"),
                FileChange::put("plans/2026/c.toml", "c"),
            ],
            "m",
            &testutil::sig(),
        )
        .unwrap();
        let files = files_in(&repo, tip, "plans/2025", ".toml");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        assert_eq!(files[0].1, hash(b"a").unwrap());
        assert_eq!(with_blob(&repo, files[1].1, |b| b.to_vec()).unwrap(), b"b");
        assert!(with_blob(&repo, hash(b"never stored").unwrap(), |_| ()).is_err());
        let mut years = folders_in(&repo, tip, "plans");
        years.sort();
        assert_eq!(years, ["2025", "2026"]);
        assert!(files_in(&repo, tip, "followups/2025-T1", ".toml").is_empty());
        assert!(folders_in(&repo, tip, "nowhere").is_empty());
    }
}
