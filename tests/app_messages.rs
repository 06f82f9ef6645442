//! `update()` and the messages a chief reads: the sync's progress and its
//! missing remote, in Swedish (English by the language setting).

mod common;

use tertial::app::{Action, Model, SyncResult, update};
use tertial::i18n::Lang;

fn model(lang: Lang) -> Model {
    let mut m = Model::new(lang, "test".into(), common::bundled_plans(), vec![]);
    m.today = (2026, 11, 23);
    m
}

#[test]
fn a_sync_without_a_remote_says_in_swedish_what_is_missing_and_how_to_add_it() {
    let mut m = model(Lang::Sv);
    update(
        &mut m,
        Action::Synced(SyncResult::NoRemote("origin".into())),
    );
    let msg = m.message.clone().unwrap();
    assert!(
        msg.starts_with("Ingen server \"origin\" att synka med."),
        "{msg}"
    );
    assert!(
        msg.ends_with("Lägg till: git remote add origin URL"),
        "{msg}"
    );
    assert!(!msg.contains('⏎'), "{msg}");
    // All of it fits the status line of an 80-column terminal.
    assert!(msg.chars().count() <= 80, "{msg}");

    let mut m = model(Lang::En);
    update(
        &mut m,
        Action::Synced(SyncResult::NoRemote("origin".into())),
    );
    let msg = m.message.clone().unwrap();
    assert!(
        msg.starts_with("No server \"origin\" to sync with"),
        "{msg}"
    );
    assert!(msg.contains("git remote add origin URL"), "{msg}");
    assert!(msg.chars().count() <= 80, "{msg}");
}

#[test]
fn the_status_line_shows_the_latest_line_of_the_syncs_progress() {
    let mut m = model(Lang::Sv);
    update(&mut m, Action::SyncProgress(String::new()));
    assert_eq!(m.message.as_deref(), Some("Synkar med servern …"));
    update(
        &mut m,
        Action::SyncProgress("Receiving objects:  50% (1/2)".into()),
    );
    update(
        &mut m,
        Action::SyncProgress("Receiving objects: 100% (2/2), done.".into()),
    );
    assert_eq!(
        m.message.as_deref(),
        Some("Synkar med servern … Receiving objects: 100% (2/2), done.")
    );
}

#[test]
fn progress_lines_end_at_a_carriage_return_as_on_a_terminal() {
    let git_wrote: &[u8] =
        b"remote: Counting objects:  50% (1/2)\rremote: Counting objects: 100% (2/2), done.\nTo ../r.git\n   abc..def  main -> main\n\x1b[31mred\x1b[0m\r\n";
    let mut lines = Vec::new();
    tertial::sync::read_lines(git_wrote, |l| lines.push(l.to_string()));
    assert_eq!(lines[0], "remote: Counting objects:  50% (1/2)");
    assert_eq!(lines[1], "remote: Counting objects: 100% (2/2), done.");
    assert_eq!(lines[2], "To ../r.git");
    assert_eq!(lines[3], "abc..def  main -> main");
    assert!(!lines[4].contains('\x1b'), "{:?}", lines[4]);
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert!(lines.iter().all(|l| !l.contains('␍') && !l.contains('⏎')));
}
