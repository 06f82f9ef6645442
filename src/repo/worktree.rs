//! Keeping a workspace's working tree and index in step with commits made
//! in memory, for people who read the folder with plain git. The commit is
//! safe before this runs; this only refreshes what plain `git status`
//! compares with. It takes the workspace's sync lock, so concurrent
//! refreshes never overwrite each other's index entries, and it always
//! writes what the branch tip holds (the newest content wins).
//!
//! Rewriting the index means hashing all of it (libgit2 uses
//! collision-detecting SHA-1: about 50 ms for a city's 24,000 files), so
//! the session runs it after the commit in a thread instead of making the
//! chief wait for it, keeps the thread's [`Background`] handle and joins it
//! before it exits, so the process never ends while git's `index.lock` is
//! held. `record` runs it before it returns: a script's next `git commit`
//! must find the new follow-up in the index.
//!
//! A refresh that cannot write the index (a stale `index.lock`, an error)
//! leaves its paths in `tertial-worktree-pending` in the git directory;
//! the next refresh brings them up to date too. Until then plain git sees
//! the lock and refuses to commit, so the branch's new files are never
//! committed away as deletions.

use super::RepoError;
use crate::i18n::Lang;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a refresh waits for a held index lock before giving up (the
/// next refresh of the same file brings it up to date). A lock older than
/// this when first met has no live holder to wait for: it is stale.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The paths a refresh could not bring up to date, one a line.
const PENDING: &str = "tertial-worktree-pending";

/// What a refresh did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refreshed {
    /// The working tree and index hold the tip's content for the paths.
    Done,
    /// Nothing to refresh: a bare repository, or another branch checked out.
    NotHere,
    /// git's `index.lock` stayed (the path and its age in seconds): the
    /// paths are left pending.
    Locked { lock: PathBuf, age_secs: u64 },
    /// Another failure (its git text): the paths are left pending.
    Failed(String),
}

fn on_branch(repo: &git2::Repository, branch: &str) -> bool {
    repo.find_reference("HEAD")
        .ok()
        .and_then(|h| {
            h.symbolic_target()
                .ok()
                .flatten()
                .map(|t| t == format!("refs/heads/{branch}"))
        })
        .unwrap_or(false)
}

/// git's index lock in `git_dir` with its age, when it exists.
fn index_lock_age(git_dir: &Path) -> Option<(PathBuf, Duration)> {
    let lock = git_dir.join("index.lock");
    let modified = std::fs::metadata(&lock).ok()?.modified().ok()?;
    let age = modified.elapsed().unwrap_or(Duration::ZERO);
    Some((lock, age))
}

/// git's `index.lock` in `git_dir` when it is stale: older than a
/// refresh waits for a live holder (git holds it for moments).
pub fn stale_index_lock(git_dir: &Path) -> Option<(PathBuf, u64)> {
    let (lock, age) = index_lock_age(git_dir)?;
    (age >= LOCK_WAIT).then_some((lock, age.as_secs()))
}

/// The words for a stale `index.lock` (status line, `tertial check`).
pub fn stale_lock_text(lang: Lang, lock: &Path, age_secs: u64) -> String {
    let lock = lock.display().to_string();
    let lock = crate::sanitize::line(&lock);
    match lang {
        Lang::Sv => format!(
            "git-låset {lock} är kvar sedan {age_secs} s: arbetsmappen är inte uppdaterad efter sparandet (det sparade finns i historiken). Ta bort låset när ingen git-process använder förrådet; tertial uppdaterar arbetsmappen vid nästa sparande"
        ),
        Lang::En => format!(
            "git lock {lock} has been there for {age_secs} s: the working folder is not updated after saving (what was saved is in the history). Remove the lock when no git process uses the repository; tertial updates the working folder at the next save"
        ),
    }
}

/// Makes `paths` (and those left pending by an earlier refresh) in the
/// working tree and index match the tip of `branch`, when the repository
/// has a working tree on that branch.
pub fn sync_from_tip(repo: &git2::Repository, branch: &str, paths: &[String]) -> Refreshed {
    let Some(workdir) = repo.workdir() else {
        return Refreshed::NotHere;
    };
    if !on_branch(repo, branch) {
        return Refreshed::NotHere;
    }
    let git_dir = repo.path();
    // One refresh at a time per repository, across processes.
    let lock_path = git_dir.join("tertial-worktree.lock");
    let lock = match std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
    {
        Ok(lock) => lock,
        Err(e) => return Refreshed::Failed(e.to_string()),
    };
    crate::sys::share_like_parent(&lock_path);
    if let Err(e) = lock.lock() {
        return Refreshed::Failed(e.to_string());
    }
    let mut all = pending(git_dir);
    for p in paths {
        if !all.contains(p) {
            all.push(p.clone());
        }
    }
    let started = Instant::now();
    let outcome = loop {
        match refresh(repo, branch, workdir, &all) {
            Ok(()) => break Refreshed::Done,
            Err(e) if e.code() == git2::ErrorCode::Locked => {
                let (lock, age) = index_lock_age(git_dir)
                    .unwrap_or_else(|| (git_dir.join("index.lock"), Duration::ZERO));
                // A stale lock has no holder to wait for; a live one is let go
                // of in moments.
                if age >= LOCK_WAIT || started.elapsed() >= LOCK_WAIT {
                    break Refreshed::Locked {
                        lock,
                        age_secs: age.as_secs(),
                    };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => break Refreshed::Failed(e.message().to_string()),
        }
    };
    if outcome == Refreshed::Done {
        let _ = std::fs::remove_file(git_dir.join(PENDING));
    } else {
        let _ =
            crate::followup::draft::write_atomic(&git_dir.join(PENDING), all.join("\n").as_bytes());
    }
    outcome
}

/// The paths an earlier refresh left pending.
fn pending(git_dir: &Path) -> Vec<String> {
    std::fs::read_to_string(git_dir.join(PENDING))
        .map(|t| {
            t.lines()
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether an earlier refresh left paths to bring up to date.
pub fn has_pending(git_dir: &Path) -> bool {
    !pending(git_dir).is_empty()
}

fn refresh(
    repo: &git2::Repository,
    branch: &str,
    workdir: &Path,
    paths: &[String],
) -> Result<(), git2::Error> {
    let tip = repo
        .find_reference(&format!("refs/heads/{branch}"))?
        .peel_to_tree()?;
    let mut index = repo.index()?;
    // Re-read: another process may have written it since this handle did.
    index.read(true)?;
    for path in paths {
        let full = workdir.join(path);
        match tip.get_path(Path::new(path)) {
            Ok(entry) => {
                let blob = repo.find_blob(entry.id())?;
                crate::followup::draft::write_atomic(&full, blob.content())
                    .map_err(|e| git2::Error::from_str(&e.to_string()))?;
                index.add_path(Path::new(path))?;
            }
            Err(_) => {
                let _ = std::fs::remove_file(&full);
                let _ = index.remove_path(Path::new(path));
            }
        }
    }
    index.write()
}

/// Makes the index hold exactly the files of `commit` (a new workspace,
/// whose working tree holds them already).
pub fn index_to_commit(repo: &git2::Repository, commit: git2::Oid) -> Result<(), RepoError> {
    let tree = repo.find_commit(commit)?.tree()?;
    let mut index = repo.index()?;
    index.read_tree(&tree)?;
    index.write()?;
    Ok(())
}

/// A refresh running in a thread of this process: poll it with
/// [`Background::outcome`], and [`Background::finish`] it before the
/// process ends (a thread killed while writing the index leaves git's
/// `index.lock` behind).
pub struct Background {
    rx: mpsc::Receiver<Refreshed>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    /// What the refresh did, once it is done (once).
    pub fn outcome(&mut self) -> Option<Refreshed> {
        let got = self.rx.try_recv().ok();
        if got.is_some()
            && let Some(t) = self.thread.take()
        {
            let _ = t.join();
        }
        got
    }

    /// Whether the refresh still runs.
    pub fn running(&self) -> bool {
        self.thread.as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Waits for the refresh, at most `wait` (None: it did not end in
    /// time, or its outcome was taken already).
    pub fn finish(mut self, wait: Duration) -> Option<Refreshed> {
        let got = self.rx.recv_timeout(wait).ok();
        if got.is_some()
            && let Some(t) = self.thread.take()
        {
            let _ = t.join();
        }
        got
    }
}

/// How long an exiting program waits for its refreshes: longer than a
/// refresh waits for a live index lock.
pub const EXIT_WAIT: Duration = Duration::from_secs(12);

/// Refreshes `paths` after a commit without making the caller wait: in a
/// thread of this process (the session, which keeps running). Keep the
/// handle and finish it before exiting.
pub fn sync_in_background(repo_path: PathBuf, branch: String, paths: Vec<String>) -> Background {
    let (tx, rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let outcome = match git2::Repository::open(&repo_path) {
            Ok(repo) => sync_from_tip(&repo, &branch, &paths),
            Err(e) => Refreshed::Failed(e.message().to_string()),
        };
        let _ = tx.send(outcome);
    });
    Background {
        rx,
        thread: Some(thread),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;

    #[test]
    fn after_an_in_memory_commit_git_status_stays_clean() {
        let (dir, repo) = testutil::empty_repo();
        let sig = testutil::sig();
        commit_files(
            &repo,
            "main",
            &[FileChange::put("a.txt", "1")],
            "base",
            &sig,
        )
        .unwrap();
        sync_from_tip(&repo, "main", &["a.txt".to_string()]);
        commit_files(
            &repo,
            "main",
            &[FileChange::put("f/x.toml", "x")],
            "second",
            &sig,
        )
        .unwrap();
        assert_eq!(
            sync_from_tip(&repo, "main", &["f/x.toml".to_string()]),
            Refreshed::Done
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("f/x.toml")).unwrap(),
            "x"
        );
        let statuses = repo.statuses(None).unwrap();
        let dirty: Vec<_> = statuses
            .iter()
            .map(|s| (s.path().ok().map(str::to_string), s.status()))
            .collect();
        assert!(dirty.is_empty(), "{dirty:?}");
    }

    fn plain_git_status(dir: &Path) -> String {
        let out = std::process::Command::new("git")
            .args(["status", "--porcelain"])
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn commit_one(repo: &git2::Repository, path: &str, text: &str) {
        commit_files(
            repo,
            "main",
            &[FileChange::put(path, text)],
            "m",
            &testutil::sig(),
        )
        .unwrap();
    }

    #[test]
    fn a_background_refresh_finished_before_exit_leaves_no_lock_and_plain_git_clean() {
        let (dir, repo) = testutil::empty_repo();
        commit_one(&repo, "followups/2025-T1/a.toml", "x = 1\n");
        let refresh = sync_in_background(
            repo.path().to_path_buf(),
            "main".into(),
            vec!["followups/2025-T1/a.toml".into()],
        );
        assert_eq!(refresh.finish(EXIT_WAIT), Some(Refreshed::Done));
        assert!(!repo.path().join("index.lock").exists());
        assert_eq!(plain_git_status(dir.path()), "");
    }

    #[test]
    fn a_stale_index_lock_is_reported_at_once_and_the_paths_are_done_once_it_is_gone() {
        let (dir, repo) = testutil::empty_repo();
        let lock = repo.path().join("index.lock");
        std::fs::write(&lock, "").unwrap();
        let old = std::time::SystemTime::now() - LOCK_WAIT - Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&lock)
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert_eq!(
            stale_index_lock(repo.path()).map(|l| l.0),
            Some(lock.clone())
        );
        commit_one(&repo, "f/a.toml", "a");
        let started = Instant::now();
        let outcome = sync_from_tip(&repo, "main", &["f/a.toml".to_string()]);
        assert!(started.elapsed() < LOCK_WAIT, "waited for a stale lock");
        assert!(
            matches!(&outcome, Refreshed::Locked { lock: l, age_secs } if *l == lock && *age_secs >= LOCK_WAIT.as_secs()),
            "{outcome:?}"
        );
        assert!(has_pending(repo.path()));
        // The lock removed, the next refresh (of another path) brings the
        // pending one too.
        std::fs::remove_file(&lock).unwrap();
        commit_one(&repo, "f/b.toml", "b");
        assert_eq!(
            sync_from_tip(&repo, "main", &["f/b.toml".to_string()]),
            Refreshed::Done
        );
        assert!(!has_pending(repo.path()));
        assert_eq!(plain_git_status(dir.path()), "");
    }

    #[test]
    fn a_fresh_index_lock_is_waited_for() {
        let (dir, repo) = testutil::empty_repo();
        let lock = repo.path().join("index.lock");
        std::fs::write(&lock, "").unwrap();
        commit_one(&repo, "f/a.toml", "a");
        let remover = {
            let lock = lock.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(300));
                std::fs::remove_file(lock).unwrap();
            })
        };
        assert_eq!(
            sync_from_tip(&repo, "main", &["f/a.toml".to_string()]),
            Refreshed::Done
        );
        remover.join().unwrap();
        assert_eq!(plain_git_status(dir.path()), "");
    }

    #[test]
    fn the_stale_lock_text_names_the_lock_in_both_languages() {
        let p = Path::new("/ws/.git/index.lock");
        assert!(
            stale_lock_text(Lang::Sv, p, 42).contains("/ws/.git/index.lock är kvar sedan 42 s")
        );
        assert!(stale_lock_text(Lang::En, p, 42).contains("has been there for 42 s"));
    }

    #[test]
    fn the_index_set_to_a_commit_whose_files_are_in_place_leaves_plain_git_clean() {
        let (dir, repo) = testutil::empty_repo();
        let tip = commit_files(
            &repo,
            "main",
            &[FileChange::put("plans/a.toml", "a")],
            "m",
            &testutil::sig(),
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("plans")).unwrap();
        std::fs::write(dir.path().join("plans/a.toml"), "a").unwrap();
        assert_ne!(plain_git_status(dir.path()), "");
        index_to_commit(&repo, tip).unwrap();
        assert_eq!(plain_git_status(dir.path()), "");
    }
}
