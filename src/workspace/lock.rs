//! Who has a unit's follow-up open: a lock file per unit and period in
//! `.tertial/locks/`, held with an OS file lock for as long as the process
//! lives. A process that dies (even by kill -9) releases it, so a stale
//! lock is simply taken over; a live one is never broken.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// Seconds since 1970.
    pub since: u64,
}

impl Holder {
    fn here() -> Holder {
        Holder {
            user: crate::sys::user_name(),
            host: crate::sys::host_name(),
            pid: std::process::id(),
            since: crate::clock::now().max(0) as u64,
        }
    }

    fn parse(text: &str) -> Option<Holder> {
        let t: toml::Table = toml::from_str(text).ok()?;
        Some(Holder {
            user: t.get("user")?.as_str()?.to_string(),
            host: t.get("host")?.as_str()?.to_string(),
            pid: t.get("pid")?.as_integer()? as u32,
            since: t.get("since")?.as_integer()? as u64,
        })
    }

    fn to_toml(&self) -> String {
        let mut t = toml::Table::new();
        t.insert("user".into(), self.user.clone().into());
        t.insert("host".into(), self.host.clone().into());
        t.insert("pid".into(), i64::from(self.pid).into());
        t.insert("since".into(), (self.since as i64).into());
        toml::to_string(&t).unwrap_or_default()
    }
}

/// A held lock; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct UnitLock {
    _file: File,
    pub path: PathBuf,
}

#[derive(Debug)]
pub enum Acquired {
    Mine(UnitLock),
    /// Someone else has it open.
    Held(Holder),
}

pub fn path(state_dir: &Path, unit: &str, period: &str) -> PathBuf {
    state_dir
        .join("locks")
        .join(period)
        .join(format!("{unit}.lock"))
}

/// Takes the lock of `unit` and `period`, or says who holds it.
pub fn acquire(state_dir: &Path, unit: &str, period: &str) -> std::io::Result<Acquired> {
    let path = path(state_dir, unit, period);
    if let Some(dir) = path.parent() {
        crate::sys::create_dirs(dir)?;
    }
    // Never deleted: a lock file is only ever locked and rewritten, so two
    // processes can never hold locks on two different files of one name.
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            let me = Holder::here();
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(me.to_toml().as_bytes())?;
            file.sync_all()?;
            Ok(Acquired::Mine(UnitLock { _file: file, path }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Ok(Acquired::Held(Holder::parse(&text).unwrap_or(Holder {
                user: "?".into(),
                host: "?".into(),
                pid: 0,
                since: 0,
            })))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_who_holds_it_and_gets_it_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let first = match acquire(dir.path(), "enhet", "2026-T1").unwrap() {
            Acquired::Mine(l) => l,
            Acquired::Held(h) => panic!("free lock held by {h:?}"),
        };
        match acquire(dir.path(), "enhet", "2026-T1").unwrap() {
            Acquired::Held(h) => {
                assert_eq!(h.pid, std::process::id());
                assert!(h.since > 0);
            }
            Acquired::Mine(_) => panic!("a live lock was taken twice"),
        }
        // Other units and periods are free meanwhile.
        assert!(matches!(
            acquire(dir.path(), "annan", "2026-T1").unwrap(),
            Acquired::Mine(_)
        ));
        assert!(matches!(
            acquire(dir.path(), "enhet", "2026-T2").unwrap(),
            Acquired::Mine(_)
        ));
        drop(first);
        assert!(matches!(
            acquire(dir.path(), "enhet", "2026-T1").unwrap(),
            Acquired::Mine(_)
        ));
    }
}
