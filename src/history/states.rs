//! What each follow-up commit said per goal (its rating, and a digest of
//! its texts), kept per unit in `.tertial/goal-states/<unit>.tsv` so that
//! `tertial log --unit` and the timeline compare commits without reading
//! every version of the follow-up out of git again. A commit never
//! changes, so an entry once written stays true; a missing, unreadable or
//! foreign file only means the states are read from git again.

use super::Index;
use crate::followup::FollowUp;
use crate::repo::{Oid, Repository};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One goal as a commit left it: id, rating code, digest of its texts.
pub type GoalState = Vec<(String, Option<String>, u64)>;

const HEADER: &str = "# tertial goal states v1";
const FOLDER: &str = "goal-states";

/// The states of one unit's commits, read from its file and completed
/// from git.
pub struct States {
    file: Option<PathBuf>,
    known: HashMap<Oid, GoalState>,
    added: bool,
}

/// FNV-1a: the digest only has to tell one text from an edited one, and
/// must read the same in every later run (std's hasher promises neither).
fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The goal states of a follow-up.
pub fn of(f: &FollowUp) -> GoalState {
    f.goals
        .iter()
        .map(|g| {
            let text = format!("{:?}{:?}{:?}", g.summary, g.analysis, g.deviations);
            (
                g.id.clone(),
                g.rating.map(|r| r.code().to_string()),
                digest(&text),
            )
        })
        .collect()
}

/// A unit id that is safe as a file name; any other unit is not cached.
fn file_name(unit: &str) -> Option<String> {
    let safe = !unit.is_empty()
        && unit.len() <= 100
        && !unit.starts_with('.')
        && unit
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    safe.then(|| format!("{unit}.tsv"))
}

/// A field that cannot be written into the file's separators.
fn plain(s: &str) -> bool {
    !s.contains(['\t', '\n', '\r', '\u{1f}'])
}

fn parse(text: &str) -> Option<HashMap<Oid, GoalState>> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut known = HashMap::new();
    for line in lines {
        let mut fields = line.split('\t');
        let oid = Oid::from_str(fields.next()?).ok()?;
        let mut goals = Vec::new();
        for goal in fields {
            let mut parts = goal.split('\u{1f}');
            let (id, rating, sum) = (parts.next()?, parts.next()?, parts.next()?);
            let rating = (!rating.is_empty()).then(|| rating.to_string());
            goals.push((id.to_string(), rating, u64::from_str_radix(sum, 16).ok()?));
        }
        known.insert(oid, goals);
    }
    Some(known)
}

impl States {
    /// The states kept for `unit` (none for a filter over several units).
    pub fn load(state_dir: &Path, unit: Option<&str>) -> States {
        let file = unit
            .and_then(file_name)
            .map(|n| state_dir.join(FOLDER).join(n));
        let known = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|t| parse(&t))
            .unwrap_or_default();
        States {
            file,
            known,
            added: false,
        }
    }

    /// The states of `entry`'s commit, from the file or from git.
    pub fn at(&mut self, repo: &Repository, entry: &super::Entry) -> GoalState {
        if let Some(s) = self.known.get(&entry.oid) {
            return s.clone();
        }
        let s = super::followup_at(repo, entry.oid, &entry.period, &entry.unit)
            .map(|f| of(&f))
            .unwrap_or_default();
        self.known.insert(entry.oid, s.clone());
        self.added = true;
        s
    }

    /// Writes the file when git had to be read, keeping only the commits
    /// `index` still holds (a rewritten history leaves none behind).
    pub fn save(&self, index: &Index) {
        let Some(file) = &self.file else { return };
        if !self.added {
            return;
        }
        let mut out = String::from(HEADER);
        out.push('\n');
        for e in &index.entries {
            let Some(goals) = self.known.get(&e.oid) else {
                continue;
            };
            if !goals
                .iter()
                .all(|(id, r, _)| plain(id) && r.as_deref().is_none_or(plain))
            {
                continue;
            }
            out.push_str(&e.oid.to_string());
            for (id, rating, sum) in goals {
                let rating = rating.as_deref().unwrap_or("");
                out.push_str(&format!("\t{id}\u{1f}{rating}\u{1f}{sum:x}"));
            }
            out.push('\n');
        }
        // A cache: when it cannot be written, the next run reads git again.
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = file.with_extension("tsv.tmp");
        if std::fs::write(&tmp, out).is_ok() {
            let _ = std::fs::rename(&tmp, file);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_back_as_written_and_foreign_files_are_ignored() {
        let oid = Oid::from_str("0123456789abcdef0123456789abcdef01234567").unwrap();
        let text = format!("{HEADER}\n{oid}\tE1\u{1f}2\u{1f}ff\tE2\u{1f}\u{1f}10\n");
        let known = parse(&text).unwrap();
        assert_eq!(
            known[&oid],
            vec![
                ("E1".to_string(), Some("2".to_string()), 0xff),
                ("E2".to_string(), None, 0x10)
            ]
        );
        assert!(parse("# something else\n").is_none());
        assert!(parse(&format!("{HEADER}\nnot-an-oid\n")).is_none());
        assert!(parse(&format!("{HEADER}\n{oid}\tE1\u{1f}2\n")).is_none());
    }

    #[test]
    fn only_plain_unit_ids_name_a_file() {
        assert_eq!(
            file_name("hagerstens-hemtjanst").as_deref(),
            Some("hagerstens-hemtjanst.tsv")
        );
        assert_eq!(file_name("../x"), None);
        assert_eq!(file_name(".hidden"), None);
        assert_eq!(file_name("a/b"), None);
        assert_eq!(file_name(""), None);
    }

    #[test]
    fn an_edited_text_changes_the_digest_and_the_same_text_keeps_it() {
        assert_eq!(digest("Analys"), digest("Analys"));
        assert_ne!(digest("Analys"), digest("Analys."));
    }
}
