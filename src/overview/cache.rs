//! The roll-up's cache in `.tertial/overview.cache`: per blob id what the
//! roll-up needs of that plan or follow-up. A blob never changes, so an
//! entry is never stale; the file as a whole is trusted only when its
//! header names this format and program version and its checksum (the
//! SHA-1 of the body, as git computes it) matches. On any doubt it is
//! ignored and rebuilt. Written to a temporary file and renamed over, so
//! readers see the old or the new file, never half of one.

use super::{FollowUpSummary, GoalSummary, PlanSummary};
use crate::followup::{Rating, Status};
use crate::repo::Oid;
use std::collections::HashMap;
use std::path::Path;

pub const FILE: &str = "overview.cache";

/// At most this many entries are kept: those of the last run, then older
/// ones up to the limit (enough for a city's plans of a year and the
/// follow-ups of its three periods, so that stepping between periods
/// stays warm while the file stays a few megabytes).
pub const MAX_ENTRIES: usize = 6_000;

fn header_prefix() -> String {
    format!("# tertial overview cache v2 {}", env!("CARGO_PKG_VERSION"))
}

/// What is known of one blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Plan(PlanSummary),
    FollowUp(FollowUpSummary),
    /// The file could not be parsed; why.
    Broken(String),
}

#[derive(Debug, Default)]
pub struct Cache {
    entries: HashMap<Oid, Entry>,
    dirty: bool,
}

impl Cache {
    pub fn get(&self, oid: &Oid) -> Option<&Entry> {
        self.entries.get(oid)
    }

    pub fn insert(&mut self, oid: Oid, entry: Entry) {
        self.entries.insert(oid, entry);
        self.dirty = true;
    }

    /// Every entry, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (&Oid, &Entry)> {
        self.entries.iter()
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cache file, or None when it is absent or in any doubt.
    pub fn read(path: &Path) -> Option<Cache> {
        Cache::from_text(&std::fs::read_to_string(path).ok()?)
    }

    /// The cache from the text of its file (header line and body), or None
    /// when in any doubt.
    pub fn from_text(text: &str) -> Option<Cache> {
        let (header, body) = text.split_once('\n')?;
        let sum = header.strip_prefix(&header_prefix())?.strip_prefix(' ')?;
        if crate::repo::blob::hash(body.as_bytes())?.to_string() != sum {
            return None;
        }
        Cache::from_body(body)
    }

    /// The entries of a body whose checksum was already checked.
    pub fn from_body(body: &str) -> Option<Cache> {
        let mut entries = HashMap::new();
        let mut lines = body.lines();
        while let Some(line) = lines.next() {
            let f: Vec<&str> = line.split('\t').collect();
            let (oid, entry) = match f.as_slice() {
                ["P", oid, id, name, committee, year, n] => {
                    let n: usize = n.parse().ok()?;
                    let mut goals = Vec::with_capacity(n.min(1000));
                    for _ in 0..n {
                        let g: Vec<&str> = lines.next()?.split('\t').collect();
                        let ["G", id, title, cg_id, cg_title] = g.as_slice() else {
                            return None;
                        };
                        goals.push(GoalSummary {
                            id: unescape(id)?,
                            title: unescape(title)?,
                            committee_goal_id: unescape(cg_id)?,
                            committee_goal_title: unescape(cg_title)?,
                        });
                    }
                    let plan = PlanSummary {
                        unit_id: unescape(id)?,
                        unit_name: unescape(name)?,
                        committee: unescape(committee)?,
                        year: year.parse().ok()?,
                        goals,
                    };
                    (oid, Entry::Plan(plan))
                }
                ["F", oid, unit, period, status, reopened_from, n] => {
                    let n: usize = n.parse().ok()?;
                    let mut ratings = Vec::with_capacity(n.min(1000));
                    for _ in 0..n {
                        let r: Vec<&str> = lines.next()?.split('\t').collect();
                        let ["R", id, code] = r.as_slice() else {
                            return None;
                        };
                        let rating = Rating::ALL.into_iter().find(|r| r.code() == *code)?;
                        ratings.push((unescape(id)?, rating));
                    }
                    let f = FollowUpSummary {
                        unit: unescape(unit)?,
                        period: unescape(period)?,
                        status: Status::parse(status)?,
                        reopened_from: unescape(reopened_from)?,
                        flow: crate::review::FlowState::of_status(Status::parse(status)?),
                        ratings,
                    };
                    (oid, Entry::FollowUp(f))
                }
                ["E", oid, why] => (oid, Entry::Broken(unescape(why)?)),
                _ => return None,
            };
            entries.insert(oid.parse().ok()?, entry);
        }
        Some(Cache {
            entries,
            dirty: false,
        })
    }

    /// Writes the entries of `keep` first, then others up to the limit.
    pub fn write(&self, path: &Path, keep: &[Oid]) -> std::io::Result<()> {
        let body = self.body(keep);
        let sum = crate::repo::blob::hash(body.as_bytes())
            .ok_or_else(|| std::io::Error::other("cannot hash the cache"))?;
        let text = format!("{} {sum}\n{body}", header_prefix());
        crate::followup::draft::write_atomic(path, text.as_bytes())
    }

    /// The file's body: the entries of `keep` first, then others up to the
    /// limit.
    pub fn body(&self, keep: &[Oid]) -> String {
        let mut body = String::with_capacity(self.entries.len() * 400);
        let mut written = std::collections::HashSet::new();
        let set: std::collections::HashSet<&Oid> = keep.iter().collect();
        let mut others: Vec<&Oid> = self.entries.keys().filter(|o| !set.contains(o)).collect();
        others.sort();
        for oid in keep.iter().chain(others) {
            if written.len() >= MAX_ENTRIES.max(keep.len()) {
                break;
            }
            let Some(entry) = self.entries.get(oid) else {
                continue;
            };
            if !written.insert(*oid) {
                continue;
            }
            entry_lines(&mut body, oid, entry);
        }
        body
    }
}

fn entry_lines(out: &mut String, oid: &Oid, entry: &Entry) {
    use std::fmt::Write;
    match entry {
        Entry::Plan(p) => {
            let _ = writeln!(
                out,
                "P\t{oid}\t{}\t{}\t{}\t{}\t{}",
                escape(&p.unit_id),
                escape(&p.unit_name),
                escape(&p.committee),
                p.year,
                p.goals.len()
            );
            for g in &p.goals {
                let _ = writeln!(
                    out,
                    "G\t{}\t{}\t{}\t{}",
                    escape(&g.id),
                    escape(&g.title),
                    escape(&g.committee_goal_id),
                    escape(&g.committee_goal_title)
                );
            }
        }
        Entry::FollowUp(f) => {
            let _ = writeln!(
                out,
                "F\t{oid}\t{}\t{}\t{}\t{}\t{}",
                escape(&f.unit),
                escape(&f.period),
                f.status.code(),
                escape(&f.reopened_from),
                f.ratings.len()
            );
            for (id, r) in &f.ratings {
                let _ = writeln!(out, "R\t{}\t{}", escape(id), r.code());
            }
        }
        Entry::Broken(why) => {
            let _ = writeln!(out, "E\t{oid}\t{}", escape(why));
        }
    }
}

/// Backslash, tab and line ends written as `\\`, `\t`, `\n`, `\r`, so a
/// field is one tab-free line and comes back exactly.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let mut c = Cache::default();
        let a = crate::repo::blob::hash(b"a").unwrap();
        let b = crate::repo::blob::hash(b"b").unwrap();
        let e = crate::repo::blob::hash(b"e").unwrap();
        let plan = Entry::Plan(PlanSummary {
            unit_id: "u".into(),
            unit_name: "Tab\there\\ and\nnew line\r".into(),
            committee: "K".into(),
            year: 2025,
            goals: vec![GoalSummary {
                id: "E1".into(),
                title: "\u{1b}[2J <x>".into(),
                committee_goal_id: "N1".into(),
                committee_goal_title: String::new(),
            }],
        });
        let fu = Entry::FollowUp(FollowUpSummary {
            unit: "u".into(),
            period: "2025-T1".into(),
            status: Status::Reopened,
            reopened_from: "0123456789abcdef0123456789abcdef01234567".into(),
            flow: crate::review::FlowState::Draft,
            ratings: vec![("E1".into(), Rating::NotAssessed)],
        });
        c.insert(a, plan.clone());
        c.insert(b, fu.clone());
        c.insert(e, Entry::Broken("bad\tfile".into()));
        c.write(&path, &[a]).unwrap();
        let back = Cache::read(&path).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back.get(&a), Some(&plan));
        assert_eq!(back.get(&b), Some(&fu));
        assert!(!back.is_dirty());

        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("2025", "2026")).unwrap();
        assert!(Cache::read(&path).is_none(), "checksum");
        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        assert!(Cache::read(&path).is_none(), "truncated");
        std::fs::write(&path, b"\xff\xfe garbage").unwrap();
        assert!(Cache::read(&path).is_none(), "garbage");
    }
}
