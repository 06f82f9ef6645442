//! Drafts: every change a chief makes is kept in a local file, written
//! atomically (temp file, fsync, rename, directory fsync), so a crash, a
//! dropped connection or a kill never loses more than the last moments.
//! Drafts live in `.tertial/drafts/` (git-ignored) and are never committed.

use super::model::FollowUp;
use super::period::Period;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    /// Seconds since 1970 (UTC) when saved.
    pub saved_at: u64,
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// The commit the draft started from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub draft: DraftMeta,
    pub followup: FollowUp,
    /// A note being written on the carry-over screen to close an earlier
    /// deviation, not yet recorded (drafts written before it have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<ClosingNote>,
}

/// The unrecorded note closing an earlier deviation: which one (as its
/// origin says it, with its text to find it again) and the note so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosingNote {
    pub period: Period,
    pub goal: String,
    pub number: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
    pub note: String,
}

/// `<workspace>/.tertial/drafts/<period>/<unit>.toml`
pub fn path(state_dir: &Path, period: Period, unit: &str) -> PathBuf {
    state_dir
        .join("drafts")
        .join(period.to_string())
        .join(format!("{unit}.toml"))
}

pub fn now_secs() -> u64 {
    crate::clock::now().max(0) as u64
}

impl DraftMeta {
    pub fn here(base: Option<String>) -> DraftMeta {
        DraftMeta {
            saved_at: now_secs(),
            user: crate::sys::user_name(),
            host: crate::sys::host_name(),
            pid: std::process::id(),
            base,
        }
    }
}

/// Writes the draft atomically: readers see the old or the new file,
/// never a torn one.
pub fn save(path: &Path, draft: &Draft) -> std::io::Result<()> {
    let text = toml::to_string_pretty(draft).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Temp file in the same folder, fsync, rename over, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::sys::create_dirs(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    // A failed write (disk full, file size limit) leaves no temp file.
    let written = std::fs::File::create(&tmp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(e) = written.and_then(|_| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    crate::sys::share_like_parent(path);
    Ok(())
}

/// Removes temp files an earlier run left beside the draft at `path`
/// (killed mid-write). Called only by the holder of the unit's lock, the
/// one writer of that draft.
pub fn remove_stale_temp(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[derive(Debug)]
pub enum Loaded {
    None,
    Draft(Box<Draft>),
    /// The file exists but cannot be read as a draft; it was moved aside
    /// (never deleted) to the given path.
    Unreadable {
        moved_to: PathBuf,
        why: String,
    },
}

pub fn load(path: &Path) -> Loaded {
    let bytes = match crate::user_files::read_bounded(path, super::load::MAX_FOLLOWUP_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::None,
        Err(e) => {
            return Loaded::Unreadable {
                moved_to: path.to_path_buf(),
                why: e.to_string(),
            };
        }
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|s| toml::from_str::<Draft>(s).map_err(|e| e.message().to_string()));
    match parsed {
        Ok(d) => Loaded::Draft(Box::new(d)),
        Err(why) => {
            let moved_to = aside(path, "unreadable");
            Loaded::Unreadable { moved_to, why }
        }
    }
}

/// Moves a draft out of the way (discarded or unreadable), keeping it.
pub fn aside(path: &Path, why: &str) -> PathBuf {
    let target = path.with_extension(format!("toml.{why}-{}", now_secs()));
    match std::fs::rename(path, &target) {
        Ok(()) => target,
        Err(_) => path.to_path_buf(),
    }
}

/// Keeps a closing note that no longer has its deviation in a text file
/// beside the draft at `path` (never overwriting one), and says where.
pub fn note_aside(path: &Path, note: &ClosingNote) -> std::io::Result<PathBuf> {
    let text = format!(
        "{} {}/{} «{}»\n\n{}\n",
        note.period, note.goal, note.number, note.what, note.note
    );
    let at = now_secs();
    let mut tried = 0;
    loop {
        let target = match tried {
            0 => path.with_extension(format!("closing-note-{at}.txt")),
            n => path.with_extension(format!("closing-note-{at}-{n}.txt")),
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                file.sync_all()?;
                return Ok(target);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tried < 100 => tried += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Removes the draft after its content was committed.
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::super::model::Rating;
    use super::*;

    #[test]
    fn save_then_load_gives_the_same_draft_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let period: Period = "2026-T1".parse().unwrap();
        let p = path(dir.path(), period, "enhet");
        let mut f = FollowUp::new("enhet", period);
        f.goal_mut("E1").rating = Some(Rating::Partial);
        f.goal_mut("E1").summary = "Åtgärder: öka \"kontinuitet\"\n\nRad två".into();
        let d = Draft {
            draft: DraftMeta::here(None),
            followup: f,
            closing: Some(ClosingNote {
                period: "2025-VB".parse().unwrap(),
                goal: "E2".into(),
                number: 3,
                what: "Sena beslut".into(),
                note: "Stängd i \"mars\"".into(),
            }),
        };
        save(&p, &d).unwrap();
        match load(&p) {
            Loaded::Draft(back) => assert_eq!(*back, d),
            other => panic!("{other:?}"),
        }
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_draft_written_before_closing_notes_still_reads() {
        let text = "[draft]\nsaved_at = 1\nuser = \"a\"\nhost = \"h\"\npid = 7\n\n\
                    [followup]\nschema = 1\nunit = \"enhet\"\nperiod = \"2026-T2\"\n";
        let d: Draft = toml::from_str(text).unwrap();
        assert_eq!(d.closing, None);
        assert_eq!(d.followup.unit, "enhet");
        // And without a note nothing about one is written.
        assert!(!toml::to_string(&d).unwrap().contains("closing"));
    }

    #[test]
    fn in_a_group_shared_folder_drafts_are_group_writable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join(".tertial");
        std::fs::create_dir(&state).unwrap();
        std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o2770)).unwrap();
        let period: Period = "2026-T1".parse().unwrap();
        let p = path(&state, period, "enhet");
        let d = Draft {
            draft: DraftMeta::here(None),
            followup: FollowUp::new("enhet", period),
            closing: None,
        };
        save(&p, &d).unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o060,
            0o060
        );
        let folder = std::fs::metadata(p.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(folder & 0o2070, 0o2070, "{folder:o}");
    }

    #[test]
    fn temp_files_of_an_earlier_run_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("enhet.toml");
        for name in [
            ".enhet.toml.tmp-1234",
            ".enhet.toml.tmp-99",
            "enhet.toml",
            ".annan.toml.tmp-1",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_stale_temp(&p);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, vec![".annan.toml.tmp-1", "enhet.toml"]);
    }

    #[test]
    fn an_unreadable_draft_is_moved_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.toml");
        std::fs::write(&p, "not [ a draft").unwrap();
        match load(&p) {
            Loaded::Unreadable { moved_to, .. } => {
                assert!(!p.exists());
                assert_eq!(std::fs::read_to_string(moved_to).unwrap(), "not [ a draft");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_note_without_its_deviation_is_kept_in_a_file_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("2025-T2").join("enhet.toml");
        std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
        let note = ClosingNote {
            period: "2025-T1".parse().unwrap(),
            goal: "E1".into(),
            number: 2,
            what: "Kontinuiteten brister".into(),
            note: "Nytt schema i mars".into(),
        };
        let kept = note_aside(&draft, &note).unwrap();
        assert_eq!(kept.parent(), draft.parent());
        let text = std::fs::read_to_string(&kept).unwrap();
        assert!(
            text.contains("2025-T1 E1/2 «Kontinuiteten brister»"),
            "{text}"
        );
        assert!(text.contains("Nytt schema i mars"), "{text}");
        // Never over another note kept the same second.
        let second = note_aside(&draft, &note).unwrap();
        assert_ne!(second, kept);
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), text);
    }
}
