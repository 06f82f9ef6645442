//! Committing files onto a branch the way concurrent users need it: the
//! tree is built in memory from the branch tip (never through the shared
//! index or working tree), and the branch is moved with compare-and-swap.
//! When another process moved the tip first, the tree is rebuilt on the
//! new tip and the update retried.

use super::{Identity, RepoError, read};
use std::time::{Duration, Instant};

/// A file to write (`Some`) or remove (`None`) in the commit.
#[derive(Debug, Clone)]
pub struct FileChange {
    pub path: String,
    pub content: Option<Vec<u8>>,
}

impl FileChange {
    pub fn put(path: impl Into<String>, content: impl Into<Vec<u8>>) -> Self {
        FileChange {
            path: path.into(),
            content: Some(content.into()),
        }
    }
    pub fn remove(path: impl Into<String>) -> Self {
        FileChange {
            path: path.into(),
            content: None,
        }
    }
}

/// How long a held git lock is waited for before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);
/// How often a moved tip is rebuilt on before giving up.
const MAX_REBUILDS: u32 = 100;

/// Commits `changes` on top of the tip of `branch` (creating the branch
/// when unborn) and returns the new commit, authored and committed by `who`
/// at the moment it is made. Others' commits are never lost: the update
/// only succeeds against the tip the tree was built on.
pub fn commit_files(
    repo: &git2::Repository,
    branch: &str,
    changes: &[FileChange],
    message: &str,
    who: &Identity,
) -> Result<git2::Oid, RepoError> {
    commit_files_with(repo, branch, changes, message, who, &mut Hooks::default())
}

/// A check of the tip's tree before each attempt (a rule such as "a klar
/// follow-up is only changed by reopening it" must hold on the tip the
/// commit is built on, also after a retry on a moved tip).
pub type Precondition<'a> = &'a dyn Fn(&TipFiles<'_>) -> Result<(), String>;

/// The files of the tip a commit is being built on, for a [`Precondition`].
pub struct TipFiles<'a> {
    repo: &'a git2::Repository,
    tree: &'a git2::Tree<'a>,
}

impl TipFiles<'_> {
    /// The content of `path` in the tip, or None when absent.
    pub fn file(&self, path: &str) -> Option<Vec<u8>> {
        let entry = self.tree.get_path(std::path::Path::new(path)).ok()?;
        Some(self.repo.find_blob(entry.id()).ok()?.content().to_vec())
    }
}
/// Turns a commit buffer into a signature (when git config asks for signing).
pub type Signer<'a> = &'a mut dyn FnMut(&str) -> Result<Option<String>, RepoError>;

#[derive(Default)]
pub struct Hooks<'a> {
    pub check: Option<Precondition<'a>>,
    pub sign: Option<Signer<'a>>,
}

/// Like [`commit_files`], with a precondition on the tip and a signer.
pub fn commit_files_with(
    repo: &git2::Repository,
    branch: &str,
    changes: &[FileChange],
    message: &str,
    who: &Identity,
    hooks: &mut Hooks<'_>,
) -> Result<git2::Oid, RepoError> {
    let refname = format!("refs/heads/{branch}");
    let started = Instant::now();
    let mut backoff = Duration::from_millis(10);
    let mut seen_tip = read::tip(repo, branch)?;
    let mut stuck_since = Instant::now();
    let mut rebuilds = 0;
    loop {
        let parent_id = read::tip(repo, branch)?;
        let parent = parent_id.map(|id| repo.find_commit(id)).transpose()?;
        let base = match &parent {
            Some(c) => c.tree()?,
            None => repo.find_tree(repo.treebuilder(None)?.write()?)?,
        };
        if let Some(check) = &hooks.check {
            check(&TipFiles { repo, tree: &base }).map_err(RepoError::Refused)?;
        }
        let tree = tree_with(repo, &base, changes)?;
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        // The time of this attempt: never the time the program started,
        // and never before a parent that was just committed.
        let sig = who.now()?;
        let sig = &sig;
        let commit_id = {
            let buf = repo.commit_create_buffer(sig, sig, message, &tree, &parents)?;
            let text = std::str::from_utf8(&buf)
                .map_err(|_| git2::Error::from_str("commit buffer is not UTF-8"))?;
            let signature = match &mut hooks.sign {
                Some(sign) => sign(text)?,
                None => None,
            };
            match signature {
                Some(signature) => repo.commit_signed(text, &signature, None)?,
                None => repo.commit(None, sig, sig, message, &tree, &parents)?,
            }
        };
        let log = format!("tertial: {}", message.lines().next().unwrap_or(""));
        let moved = match parent_id {
            Some(old) => repo.reference_matching(&refname, commit_id, true, old, &log),
            None => repo.reference(&refname, commit_id, false, &log),
        };
        match moved {
            Ok(_) => return Ok(commit_id),
            Err(e)
                if matches!(
                    e.code(),
                    git2::ErrorCode::Modified | git2::ErrorCode::Exists
                ) =>
            {
                rebuilds += 1;
                if rebuilds >= MAX_REBUILDS {
                    return Err(RepoError::Contended { attempts: rebuilds });
                }
            }
            Err(e) if e.code() == git2::ErrorCode::Locked => {
                // While others keep committing, the lock is contention, not
                // a stuck lock: the wait counts from the last time the
                // branch moved.
                let now_tip = read::tip(repo, branch).ok().flatten();
                if now_tip != seen_tip {
                    seen_tip = now_tip;
                    stuck_since = Instant::now();
                }
                let waited = stuck_since.elapsed();
                if waited >= LOCK_WAIT {
                    return Err(RepoError::Locked {
                        path: repo.path().join(format!("{refname}.lock")),
                        waited_ms: started.elapsed().as_millis() as u64,
                    });
                }
                // Jitter keeps waiting writers from retrying in step.
                let jitter = Duration::from_micros(
                    u64::from(std::process::id() % 97) * 300
                        + started.elapsed().subsec_micros() as u64 % 20_000,
                );
                std::thread::sleep(backoff + jitter);
                backoff = (backoff * 2).min(Duration::from_millis(200));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// `base` with `changes` written into it (blobs stored, the new tree
/// stored and returned); the one way files are added to a tree, for
/// commits and for commits replayed on another parent.
pub(crate) fn tree_with<'r>(
    repo: &'r git2::Repository,
    base: &git2::Tree<'_>,
    changes: &[FileChange],
) -> Result<git2::Tree<'r>, git2::Error> {
    let mut update = git2::build::TreeUpdateBuilder::new();
    for ch in changes {
        match &ch.content {
            Some(bytes) => {
                let blob = repo.blob(bytes)?;
                update.upsert(ch.path.as_str(), blob, git2::FileMode::Blob);
            }
            None => {
                update.remove(ch.path.as_str());
            }
        }
    }
    repo.find_tree(update.create_updated(repo, base)?)
}

#[cfg(test)]
mod tests {
    use super::super::{read, testutil};
    use super::*;

    #[test]
    fn first_commit_creates_branch_then_stacks() {
        let (_d, repo) = testutil::empty_repo();
        let sig = testutil::sig();
        let a = commit_files(
            &repo,
            "main",
            &[FileChange::put("x/a.toml", "a")],
            "first",
            &sig,
        )
        .unwrap();
        let b = commit_files(
            &repo,
            "main",
            &[FileChange::put("x/b.toml", "b")],
            "second",
            &sig,
        )
        .unwrap();
        let cb = repo.find_commit(b).unwrap();
        assert_eq!(cb.parent_id(0).unwrap(), a);
        // Both files are in the tip: the second commit kept the first's file.
        assert!(
            read::file_at_tip(&repo, "main", "x/a.toml")
                .unwrap()
                .is_some()
        );
        assert!(
            read::file_at_tip(&repo, "main", "x/b.toml")
                .unwrap()
                .is_some()
        );
        let removed = commit_files(
            &repo,
            "main",
            &[FileChange::remove("x/a.toml")],
            "third",
            &sig,
        )
        .unwrap();
        assert_eq!(read::tip(&repo, "main").unwrap(), Some(removed));
        assert!(
            read::file_at_tip(&repo, "main", "x/a.toml")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn each_commit_takes_the_moment_it_is_made_in_the_programs_zone() {
        let (_d, repo) = testutil::empty_repo();
        // The identity is known long before the commits are made.
        let who = testutil::sig();
        std::thread::sleep(Duration::from_millis(1100));
        let before = crate::clock::now();
        let a = commit_files(&repo, "main", &[FileChange::put("a", "1")], "a", &who).unwrap();
        std::thread::sleep(Duration::from_millis(1100));
        let b = commit_files(&repo, "main", &[FileChange::put("b", "2")], "b", &who).unwrap();
        let after = crate::clock::now();
        let (a, b) = (repo.find_commit(a).unwrap(), repo.find_commit(b).unwrap());
        assert!(
            a.time().seconds() >= before,
            "{} < {before}",
            a.time().seconds()
        );
        assert!(b.time().seconds() > a.time().seconds());
        assert!(b.time().seconds() <= after);
        for c in [&a, &b] {
            assert_eq!(c.author().when(), c.committer().when());
            assert_eq!(c.author().name().ok(), Some("Test Chef"));
            let secs = c.time().seconds();
            assert_eq!(
                c.time().offset_minutes(),
                crate::clock::offset_minutes(secs, crate::clock::zone())
            );
        }
    }

    #[test]
    fn a_tip_moved_by_another_writer_is_built_upon_not_overwritten() {
        let (dir, repo) = testutil::empty_repo();
        let sig = testutil::sig();
        commit_files(&repo, "main", &[FileChange::put("a", "1")], "base", &sig).unwrap();
        // Another process commits between our read and our update: simulate
        // by a signer hook that commits through a second handle.
        let other = git2::Repository::open(dir.path()).unwrap();
        let mut raced = false;
        let mut sign = |_: &str| {
            if !raced {
                raced = true;
                commit_files(
                    &other,
                    "main",
                    &[FileChange::put("theirs", "t")],
                    "theirs",
                    &testutil::sig(),
                )
                .unwrap();
            }
            Ok(None)
        };
        let mut hooks = Hooks {
            check: None,
            sign: Some(&mut sign),
        };
        commit_files_with(
            &repo,
            "main",
            &[FileChange::put("ours", "o")],
            "ours",
            &sig,
            &mut hooks,
        )
        .unwrap();
        assert!(
            read::file_at_tip(&repo, "main", "theirs")
                .unwrap()
                .is_some()
        );
        assert!(read::file_at_tip(&repo, "main", "ours").unwrap().is_some());
        let tip = repo
            .find_commit(read::tip(&repo, "main").unwrap().unwrap())
            .unwrap();
        assert_eq!(tip.message().ok(), Some("ours"));
        assert_eq!(tip.parent(0).unwrap().message().ok(), Some("theirs"));
    }

    #[test]
    fn a_failed_precondition_refuses_and_commits_nothing() {
        let (_d, repo) = testutil::empty_repo();
        let sig = testutil::sig();
        let first =
            commit_files(&repo, "main", &[FileChange::put("a", "klar")], "base", &sig).unwrap();
        let check = |tip: &TipFiles<'_>| {
            if tip.file("a").as_deref() == Some(b"klar".as_slice()) {
                Err("a is klar".to_string())
            } else {
                Ok(())
            }
        };
        let mut hooks = Hooks {
            check: Some(&check),
            sign: None,
        };
        let err = commit_files_with(
            &repo,
            "main",
            &[FileChange::put("a", "x")],
            "m",
            &sig,
            &mut hooks,
        )
        .unwrap_err();
        assert!(
            matches!(err, RepoError::Refused(ref m) if m == "a is klar"),
            "{err:?}"
        );
        assert_eq!(read::tip(&repo, "main").unwrap(), Some(first));
    }

    #[test]
    fn a_held_ref_lock_is_reported_by_name_and_left_alone() {
        let (_d, repo) = testutil::empty_repo();
        let sig = testutil::sig();
        commit_files(&repo, "main", &[FileChange::put("a", "1")], "base", &sig).unwrap();
        let lock = repo.path().join("refs/heads/main.lock");
        std::fs::write(&lock, "").unwrap();
        let err =
            commit_files(&repo, "main", &[FileChange::put("b", "2")], "blocked", &sig).unwrap_err();
        match err {
            RepoError::Locked { path, .. } => assert_eq!(path, lock),
            other => panic!("expected Locked, got {other:?}"),
        }
        assert!(lock.exists(), "the lock must never be removed by us");
        std::fs::remove_file(&lock).unwrap();
        commit_files(&repo, "main", &[FileChange::put("b", "2")], "after", &sig).unwrap();
    }

    #[test]
    fn files_are_put_into_and_taken_out_of_a_tree_at_any_depth() {
        let (_d, repo) = testutil::empty_repo();
        let empty = repo
            .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
            .unwrap();
        let one = tree_with(
            &repo,
            &empty,
            &[
                FileChange::put("f/2025-T1/a.toml", "a"),
                FileChange::put("top", "t"),
            ],
        )
        .unwrap();
        let two = tree_with(
            &repo,
            &one,
            &[
                FileChange::remove("top"),
                FileChange::put("f/2025-T1/a.toml", "a2"),
            ],
        )
        .unwrap();
        let content = |tree: &git2::Tree, path: &str| {
            tree.get_path(std::path::Path::new(path))
                .ok()
                .map(|e| repo.find_blob(e.id()).unwrap().content().to_vec())
        };
        assert_eq!(content(&one, "top"), Some(b"t".to_vec()));
        assert_eq!(content(&two, "top"), None);
        assert_eq!(content(&one, "f/2025-T1/a.toml"), Some(b"a".to_vec()));
        assert_eq!(content(&two, "f/2025-T1/a.toml"), Some(b"a2".to_vec()));
    }
}
