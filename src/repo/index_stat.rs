//! Which working-tree files git's index vouches for, without hashing them:
//! a file whose size, change and modification times and inode are those
//! the index recorded with a blob id holds that blob, as `git status`
//! trusts too. An entry written no earlier than the index itself is
//! "racily clean" (the file may have changed within the same tick) and is
//! not trusted; nor is anything that differs in the least. Callers fall
//! back to hashing the file or reading the blob from git.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What the index records of a file's state (git keeps 32 bits of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u32,
    mtime: (i64, u32),
    ctime: (i64, u32),
    ino: u32,
}

/// The index's entries under some folders, for reading files it vouches for.
#[derive(Debug, Default)]
pub struct Vouched {
    work_dir: PathBuf,
    entries: HashMap<String, (git2::Oid, Stamp)>,
}

/// A regular file (not executable) or an executable one, as git's modes say.
fn regular(mode: u32) -> bool {
    mode == 0o100644 || mode == 0o100755
}

#[cfg(unix)]
fn stamp_of(meta: &std::fs::Metadata) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    meta.is_file().then_some(Stamp {
        size: meta.size() as u32,
        mtime: (meta.mtime(), u32::try_from(meta.mtime_nsec()).ok()?),
        ctime: (meta.ctime(), u32::try_from(meta.ctime_nsec()).ok()?),
        ino: meta.ino() as u32,
    })
}

#[cfg(not(unix))]
fn stamp_of(_meta: &std::fs::Metadata) -> Option<Stamp> {
    None
}

/// The index entries of the files under `folders` (each ending in `/`) that
/// are not racily clean; None without a working tree or a readable index.
pub fn vouched(repo: &git2::Repository, folders: &[&str]) -> Option<Vouched> {
    let work_dir = repo.workdir()?.to_path_buf();
    let written = std::fs::metadata(repo.path().join("index"))
        .ok()?
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let written = (written.as_secs() as i64, written.subsec_nanos());
    let index = repo.index().ok()?;
    let mut entries = HashMap::new();
    for e in index.iter() {
        // Stage bits: only the merged (stage 0) entry says what the file is.
        if (e.flags >> 12) & 0x3 != 0 || !regular(e.mode) {
            continue;
        }
        let Ok(path) = std::str::from_utf8(&e.path) else {
            continue;
        };
        if !folders.iter().any(|f| path.starts_with(f)) {
            continue;
        }
        let mtime = (i64::from(e.mtime.seconds()), e.mtime.nanoseconds());
        if mtime >= written {
            continue;
        }
        let stamp = Stamp {
            size: e.file_size,
            mtime,
            ctime: (i64::from(e.ctime.seconds()), e.ctime.nanoseconds()),
            ino: e.ino,
        };
        entries.insert(path.to_string(), (e.id, stamp));
    }
    Some(Vouched { work_dir, entries })
}

impl Vouched {
    /// The bytes of the working tree's file at `path` when the index vouches
    /// that it holds blob `oid` (at most `limit` bytes read), else None.
    pub fn read(&self, path: &str, oid: git2::Oid, limit: usize) -> Option<Vec<u8>> {
        let (id, stamp) = self.entries.get(path)?;
        if *id != oid {
            return None;
        }
        let file = std::fs::File::open(self.work_dir.join(Path::new(path))).ok()?;
        let same =
            |file: &std::fs::File| file.metadata().ok().and_then(|m| stamp_of(&m)) == Some(*stamp);
        if !same(&file) {
            return None;
        }
        let mut bytes = Vec::with_capacity(stamp.size as usize);
        (&file)
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        // Written to while being read: its times changed.
        (same(&file) && bytes.len() == stamp.size as usize).then_some(bytes)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FileChange, commit_files, testutil};
    use super::*;
    use std::time::{Duration, SystemTime};

    /// Commits `text` at `path`, writes it to the working tree with the
    /// modification time `mtime`, and records it in the index.
    fn committed_and_indexed(
        repo: &git2::Repository,
        dir: &Path,
        path: &str,
        text: &str,
        mtime: SystemTime,
    ) -> git2::Oid {
        commit_files(
            repo,
            "main",
            &[FileChange::put(path, text)],
            "m",
            &testutil::sig(),
        )
        .unwrap();
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(&full, text).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&full)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        let mut index = repo.index().unwrap();
        index.add_path(Path::new(path)).unwrap();
        index.write().unwrap();
        super::super::blob::hash(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_file_as_the_index_recorded_it_is_read_and_any_change_is_refused() {
        let (dir, repo) = testutil::empty_repo();
        let past = SystemTime::now() - Duration::from_secs(60);
        let oid = committed_and_indexed(&repo, dir.path(), "plans/2025/a.toml", "a = 1\n", past);
        let v = vouched(&repo, &["plans/2025/"]).unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!(
            v.read("plans/2025/a.toml", oid, 100).as_deref(),
            Some(&b"a = 1\n"[..])
        );
        let other = super::super::blob::hash(b"b = 2\n").unwrap();
        assert_eq!(
            v.read("plans/2025/a.toml", other, 100),
            None,
            "another blob"
        );
        assert_eq!(v.read("plans/2025/b.toml", oid, 100), None, "not indexed");
        assert!(vouched(&repo, &["followups/"]).unwrap().is_empty());

        // Same length, same modification time, other bytes: its change
        // time gives it away.
        let full = dir.path().join("plans/2025/a.toml");
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&full, "a = 9\n").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&full)
            .unwrap()
            .set_modified(past)
            .unwrap();
        assert_eq!(v.read("plans/2025/a.toml", oid, 100), None);
    }

    #[test]
    fn a_racily_clean_entry_is_not_trusted() {
        let (dir, repo) = testutil::empty_repo();
        // Modified no earlier than the index was written.
        let future = SystemTime::now() + Duration::from_secs(3600);
        let oid = committed_and_indexed(&repo, dir.path(), "f/a.toml", "x\n", future);
        let v = vouched(&repo, &["f/"]).unwrap();
        assert!(v.is_empty());
        assert_eq!(v.read("f/a.toml", oid, 100), None);
    }
}
