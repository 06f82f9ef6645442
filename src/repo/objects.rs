//! Reading every object reachable from a set of commits (commits, trees,
//! blobs, annotated tags), each checked against its hash: the fsck of a
//! branch, for `verify`.

use super::RepoError;
use std::collections::HashSet;

/// Reads every object reachable from `tips` (commits and the tags that
/// point at them) and returns one message per object that cannot be read
/// or fails its hash ("<id>: <git's words>"). Needs
/// [`super::verify_hashes_on_read`] to catch a flipped byte whose object
/// still inflates. Returns the number of objects read too.
pub fn check_reachable(
    repo: &git2::Repository,
    tips: &[git2::Oid],
) -> Result<(usize, Vec<String>), RepoError> {
    let odb = repo.odb()?;
    let mut seen: HashSet<git2::Oid> = HashSet::new();
    let mut problems = Vec::new();
    let mut todo: Vec<git2::Oid> = tips.to_vec();
    let mut walk = repo.revwalk()?;
    for t in tips {
        // A tip that is not a commit (a tag object) is read below.
        let _ = walk.push(*t);
    }
    for oid in walk {
        match oid {
            Ok(o) => todo.push(o),
            Err(e) => problems.push(e.message().to_string()),
        }
    }
    while let Some(oid) = todo.pop() {
        if !seen.insert(oid) {
            continue;
        }
        let object = match odb.read(oid) {
            Ok(o) => o,
            Err(e) => {
                problems.push(format!("{oid}: {}", e.message()));
                continue;
            }
        };
        let kind = object.kind();
        let data = object.data().to_vec();
        drop(object);
        match kind {
            git2::ObjectType::Commit => match repo.find_commit(oid) {
                Ok(c) => todo.push(c.tree_id()),
                Err(e) => problems.push(format!("{oid}: {}", e.message())),
            },
            git2::ObjectType::Tree => match repo.find_tree(oid) {
                Ok(tree) => {
                    for entry in tree.iter() {
                        // Submodule entries name commits of another repository.
                        if entry.kind() != Some(git2::ObjectType::Commit) {
                            todo.push(entry.id());
                        }
                    }
                }
                Err(e) => problems.push(format!("{oid}: {}", e.message())),
            },
            git2::ObjectType::Tag => match repo.find_tag(oid) {
                Ok(t) => todo.push(t.target_id()),
                Err(e) => problems.push(format!("{oid}: {}", e.message())),
            },
            _ => {}
        }
        // The hash of what was read (libgit2 checks it on read when
        // strict verification is on; checked here too, to be sure).
        let kind_of = kind;
        if let Ok(again) = git2::Oid::hash_object(kind_of, &data)
            && again != oid
        {
            problems.push(format!("{oid}: hash mismatch ({again})"));
        }
    }
    Ok((seen.len(), problems))
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn every_object_is_read_and_a_damaged_one_is_named() {
        let (d, repo) = testutil::empty_repo();
        let who = testutil::sig();
        let tip = commit_files(
            &repo,
            "main",
            &[
                FileChange::put("plans/2026/a.toml", "x = 1\n"),
                FileChange::put("b", "2"),
            ],
            "m",
            &who,
        )
        .unwrap();
        super::super::verify_hashes_on_read();
        let (n, problems) = check_reachable(&repo, &[tip]).unwrap();
        // commit, root tree, plans/, plans/2026/, two blobs
        assert_eq!(n, 6);
        assert!(problems.is_empty(), "{problems:?}");
        // Damage the plan's blob (a loose object): named.
        let blob = repo
            .find_commit(tip)
            .unwrap()
            .tree()
            .unwrap()
            .get_path(std::path::Path::new("plans/2026/a.toml"))
            .unwrap()
            .id()
            .to_string();
        let path = d
            .path()
            .join(".git/objects")
            .join(&blob[..2])
            .join(&blob[2..]);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.len() - 3;
        bytes[at] ^= 0x21;
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&path, perms).unwrap();
        std::fs::write(&path, bytes).unwrap();
        let repo = git2::Repository::open(d.path()).unwrap();
        let (_, problems) = check_reachable(&repo, &[tip]).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with(&blob), "{problems:?}");
    }
}
