//! An index of the follow-up commits (who, when, which unit and period,
//! which status), kept in `.tertial/history.tsv` and brought up to date by
//! walking only the commits added since it was written. A question about
//! one unit then reads the index instead of the whole history.

use super::trailers;
use crate::repo::{Oid, RepoError, Repository};
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub oid: Oid,
    /// Commit time, seconds since 1970.
    pub time: i64,
    pub author: String,
    pub email: String,
    pub unit: String,
    pub period: String,
    pub status: String,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    pub tip: Option<Oid>,
    /// Oldest first.
    pub entries: Vec<Entry>,
}

const HEADER: &str = "# tertial history index v1";

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

impl Index {
    fn read(path: &Path) -> Option<Index> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let tip = lines.next()?.strip_prefix("tip ")?;
        let tip = if tip == "none" {
            None
        } else {
            Some(Oid::from_str(tip).ok()?)
        };
        let mut entries = Vec::new();
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            let [oid, time, author, email, unit, period, status] = f.as_slice() else {
                return None;
            };
            entries.push(Entry {
                oid: Oid::from_str(oid).ok()?,
                time: time.parse().ok()?,
                author: author.to_string(),
                email: email.to_string(),
                unit: unit.to_string(),
                period: period.to_string(),
                status: status.to_string(),
            });
        }
        Some(Index { tip, entries })
    }

    fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut out = Vec::with_capacity(self.entries.len() * 120);
        writeln!(out, "{HEADER}")?;
        writeln!(
            out,
            "tip {}",
            self.tip.map_or("none".to_string(), |o| o.to_string())
        )?;
        for e in &self.entries {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                e.oid,
                e.time,
                clean(&e.author),
                clean(&e.email),
                clean(&e.unit),
                clean(&e.period),
                clean(&e.status)
            )?;
        }
        crate::followup::draft::write_atomic(path, &out)
    }

    /// Follow-up commits reachable from `tip` and not from `stop`, oldest first.
    fn walk(repo: &Repository, tip: Oid, stop: Option<Oid>) -> Result<Vec<Entry>, RepoError> {
        let mut out = Vec::new();
        crate::repo::log::walk(repo, tip, stop, |c| {
            let t = trailers::parse(c.message);
            let (Some(unit), Some(period), Some(status)) = (t.unit, t.period, t.status) else {
                return;
            };
            out.push(Entry {
                oid: c.oid,
                time: c.time,
                author: c.author.to_string(),
                email: c.email.to_string(),
                unit,
                period,
                status,
            });
        })?;
        Ok(out)
    }

    /// The index for `branch`, from the cache in `state_dir` when it is
    /// still an ancestor of the tip (only new commits are walked), else
    /// rebuilt. The cache is written back; failing to write it is not an
    /// error (a read-only workspace still answers).
    pub fn load(repo: &Repository, branch: &str, state_dir: &Path) -> Result<Index, RepoError> {
        let path = state_dir.join("history.tsv");
        let tip = crate::repo::read::tip(repo, branch)?;
        let cached = Index::read(&path);
        let mut index = match (cached, tip) {
            (Some(c), t) if c.tip == t => return Ok(c),
            (Some(c), Some(t))
                if c.tip
                    .is_some_and(|old| crate::repo::log::descends_from(repo, t, old)) =>
            {
                let mut c = c;
                let new = Index::walk(repo, t, c.tip)?;
                c.entries.extend(new);
                c.tip = Some(t);
                c
            }
            (_, Some(t)) => Index {
                tip: Some(t),
                entries: Index::walk(repo, t, None)?,
            },
            (_, None) => Index::default(),
        };
        index.tip = tip;
        let _ = index.write(&path);
        Ok(index)
    }

    /// Whether the index kept in `state_dir` is of the branch's tip, so
    /// that [`Index::load`] only reads it (looked up from its first two
    /// lines, without reading the rest).
    pub fn is_current(repo: &Repository, branch: &str, state_dir: &Path) -> bool {
        use std::io::BufRead;
        let Ok(file) = std::fs::File::open(state_dir.join("history.tsv")) else {
            return false;
        };
        let mut lines = std::io::BufReader::new(file).lines();
        let (Some(Ok(header)), Some(Ok(tip))) = (lines.next(), lines.next()) else {
            return false;
        };
        let Ok(now) = crate::repo::read::tip(repo, branch) else {
            return false;
        };
        let now = now.map_or("none".to_string(), |o| o.to_string());
        header == HEADER && tip.strip_prefix("tip ") == Some(now.as_str())
    }

    pub fn for_unit<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.unit == unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::{FileChange, commit_files, testutil};

    #[test]
    fn the_index_is_current_only_once_loaded_at_the_branch_tip() {
        let (dir, repo) = testutil::empty_repo();
        let state = dir.path().join(".tertial");
        std::fs::create_dir_all(&state).unwrap();
        let who = testutil::sig();
        let msg = "x\n\nUnit: a\nPeriod: 2025-T1\nStatus: utkast\n";
        commit_files(&repo, "main", &[FileChange::put("f", "1")], msg, &who).unwrap();
        assert!(!Index::is_current(&repo, "main", &state));
        let index = Index::load(&repo, "main", &state).unwrap();
        assert_eq!(index.entries.len(), 1);
        assert!(Index::is_current(&repo, "main", &state));
        commit_files(&repo, "main", &[FileChange::put("f", "2")], msg, &who).unwrap();
        assert!(!Index::is_current(&repo, "main", &state));
        Index::load(&repo, "main", &state).unwrap();
        assert!(Index::is_current(&repo, "main", &state));
    }
}
