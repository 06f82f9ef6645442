//! Keeping typed text when the draft cannot be written where it belongs:
//! the latest unsaved record, kept where the panic hook can reach it;
//! writing a draft to a file the chief names, or to stdout; and a last
//! file in the temporary folder when nothing else is possible.

use crate::followup::FollowUp;
use crate::followup::draft::{ClosingNote, Draft, DraftMeta};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The draft file of the open session, its latest unsaved record and the
/// closing note being written on the carry-over screen.
struct Latest {
    path: PathBuf,
    record: FollowUp,
    closing: Option<ClosingNote>,
}

static LATEST: Mutex<Option<Latest>> = Mutex::new(None);

/// Printed on stdout once the terminal is restored (a draft that could
/// not be saved, at the chief's choice).
static PRINT_AFTER: Mutex<Option<String>> = Mutex::new(None);

pub fn print_after(text: String) {
    if let Ok(mut p) = PRINT_AFTER.lock() {
        *p = Some(text);
    }
}

/// Whether the draft is to be printed on leaving.
pub fn printing() -> bool {
    PRINT_AFTER.lock().is_ok_and(|p| p.is_some())
}

pub fn take_print() -> Option<String> {
    PRINT_AFTER.lock().ok()?.take()
}

/// Keeps the session's record until it is written (the panic hook saves
/// it from here).
pub fn remember(path: &Path, record: &FollowUp, closing: Option<ClosingNote>) {
    if let Ok(mut latest) = LATEST.lock() {
        *latest = Some(Latest {
            path: path.to_path_buf(),
            record: record.clone(),
            closing,
        });
    }
}

/// The record is safe on disk: nothing to save on a panic.
pub fn forget() {
    if let Ok(mut latest) = LATEST.lock() {
        *latest = None;
    }
}

/// The draft file's text for a record (what `.tertial/drafts` holds, so
/// it can be put back there).
pub fn draft_text(record: &FollowUp, closing: Option<&ClosingNote>) -> String {
    let d = Draft {
        draft: DraftMeta::here(None),
        followup: record.clone(),
        closing: closing.cloned(),
    };
    toml::to_string_pretty(&d).unwrap_or_default()
}

/// Writes `text` to a new file at `path` (an existing file is never
/// overwritten).
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|_| file.sync_all());
    if written.is_err() {
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Writes the record to its draft file, or else to a new file in the
/// temporary folder; says where (or that it could not).
pub fn save_somewhere(path: &Path, record: &FollowUp, closing: Option<&ClosingNote>) -> String {
    let d = Draft {
        draft: DraftMeta::here(None),
        followup: record.clone(),
        closing: closing.cloned(),
    };
    if crate::followup::draft::save(path, &d).is_ok() {
        return format!("tertial: utkastet sparades i {}", path.display());
    }
    let text = draft_text(record, closing);
    let spare = std::env::temp_dir().join(format!(
        "tertial-{}-{}-{}.toml",
        record.unit,
        record.period,
        std::process::id()
    ));
    match write_new(&spare, &text) {
        Ok(()) => format!(
            "tertial: utkastet kunde inte sparas i {}; det finns i {}",
            path.display(),
            spare.display()
        ),
        Err(e) => format!(
            "tertial: utkastet kunde inte sparas någonstans: {}",
            crate::oserr::shown(&e)
        ),
    }
}

/// On a panic: saves the unsaved record, if any; the message to print
/// once the terminal is restored. Never blocks (the panic may have come
/// while the record was being kept).
pub fn on_panic() -> Option<String> {
    let mut latest = LATEST.try_lock().ok()?;
    let l = latest.take()?;
    Some(save_somewhere(&l.path, &l.record, l.closing.as_ref()))
}

/// A file size limit (ulimit -f) then fails the write (EFBIG) instead of
/// killing the program with the text unsaved and the terminal left in the
/// alternate screen.
pub fn ignore_file_size_signal() {
    // SAFETY: setting a signal to be ignored installs no handler that
    // could race with anything.
    #[allow(unsafe_code)]
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Writes the session's draft to the new file `path` typed by the chief
/// (`~/` is the home folder).
pub fn write_to(model: &crate::app::Model, path: &str) -> crate::app::Action {
    let text = model
        .session
        .as_ref()
        .map(|s| {
            draft_text(
                &s.record,
                crate::app::carry_over::unsaved_note(model).as_ref(),
            )
        })
        .unwrap_or_default();
    let full = match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    };
    crate::app::Action::DraftRescued(
        write_new(&full, &text)
            .map(|_| full.display().to_string())
            .map_err(|e| format!("{}: {}", full.display(), crate::oserr::shown(&e))),
    )
}

/// For the tests of saving on a panic only: with `TERTIAL_TEST_PANIC_KEY`
/// set to a character, pressing that key panics. Unset (always, outside
/// those tests) it does nothing.
pub fn panic_for_tests(ev: &ratatui::crossterm::event::Event) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    static KEY: std::sync::OnceLock<Option<char>> = std::sync::OnceLock::new();
    let key = KEY.get_or_init(|| {
        std::env::var("TERTIAL_TEST_PANIC_KEY")
            .ok()
            .and_then(|v| v.chars().next())
    });
    if let (
        Some(k),
        ratatui::crossterm::event::Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            ..
        }),
    ) = (key, ev)
        && k == c
    {
        panic!("TERTIAL_TEST_PANIC_KEY pressed");
    }
}
