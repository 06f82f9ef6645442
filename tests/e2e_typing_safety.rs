//! The real binary in a pseudo-terminal: a chief who types prose on a
//! goal page without opening a field first fires no command and commits
//! nothing, in every preset; Enter after Tab out of an editor changes no
//! value; keys typed while the window is too small go nowhere.

mod common;
use common::Sandbox;
use common::pty::{ENTER, ESC, Pty, TAB};

/// Letters that were commands on the goal page (e, t, r, u, k, c, a, q …).
const PROSE: &str = "Det är bra, rkurkt uqeca";

/// A workspace, an `$EDITOR` that leaves a mark when it runs, and the
/// session command for `preset`.
fn session(sb: &Sandbox, preset: &str) -> (std::path::PathBuf, portable_pty::CommandBuilder) {
    let ws = sb.init_samples("ws");
    let mark = sb.path().join("editor-ran");
    let editor = sb.path().join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\ntouch '{}'\n", mark.display())).unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .unwrap();
    let mut cmd = sb.pty_cmd(&[
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--keymap",
        preset,
        "--author",
        "A B <a@b.invalid>",
    ]);
    cmd.env("EDITOR", editor.to_str().unwrap());
    (ws, cmd)
}

fn commits(ws: &std::path::Path) -> usize {
    let repo = git2::Repository::open(ws).unwrap();
    let mut walk = repo.revwalk().unwrap();
    walk.push_head().unwrap();
    walk.count()
}

#[test]
fn prose_on_every_field_of_a_goal_page_fires_no_command_in_any_preset() {
    for preset in ["default", "emacs", "vim"] {
        let sb = Sandbox::new();
        let (ws, cmd) = session(&sb, preset);
        let before = commits(&ws);
        let mut t = Pty::spawn(cmd, 120, 40);
        t.wait_for("Mål 1 av 6");
        // Every field of E1 in turn: the prose, then Tab to the next one.
        for field in 0..30 {
            t.send(PROSE);
            let screen = t.settle();
            assert!(
                !screen.contains("Granska och lämna in") && screen.contains("Mål 1 av 6"),
                "{preset}, field {field}: left the goal page:\n{screen}"
            );
            if preset != "vim" {
                // Letters are text: no overlay, no command palette.
                assert!(
                    !screen.contains("Så går det till") && !screen.contains("Historik för"),
                    "{preset}, field {field}:\n{screen}"
                );
            }
            t.send(TAB);
            t.settle();
        }
        assert!(
            !sb.path().join("editor-ran").exists(),
            "{preset}: $EDITOR was started"
        );
        assert_eq!(commits(&ws), before, "{preset}: a commit was made");
        t.send("\x03");
        assert_eq!(t.wait_exit(), 0, "{preset}");
    }
}

#[test]
fn prose_on_a_text_field_is_written_into_it() {
    for preset in ["default", "emacs"] {
        let sb = Sandbox::new();
        let (_ws, cmd) = session(&sb, preset);
        let mut t = Pty::spawn(cmd, 120, 40);
        t.wait_for("Mål 1 av 6");
        t.send(TAB);
        t.wait_for("▶ Sammanfattning");
        t.send(PROSE);
        t.send(ESC);
        t.wait_for(&format!("Sammanfattning: {PROSE}"));
        t.send("\x03");
        assert_eq!(t.wait_exit(), 0, "{preset}");
    }
}

#[test]
fn enter_after_tab_out_of_an_editor_leaves_a_status_alone() {
    let sb = Sandbox::new();
    let (ws, cmd) = session(&sb, "default");
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Mål 1 av 6");
    let marker = "▶ Analys"; // A1's, the first activity
    for _ in 0..60 {
        let before = t.settle();
        if before.contains(marker) {
            break;
        }
        t.send(TAB);
        t.wait_for_change(&before);
    }
    t.wait_for(marker);
    t.send("Samverkan pågår");
    t.send(TAB); // done writing; the focus is on A2's status
    t.wait_for("▶ Status");
    t.send(ENTER);
    t.wait_for("Välj med");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let draft =
        std::fs::read_to_string(ws.join(".tertial/drafts/2025-T1/bestallarenhet-2.toml")).unwrap();
    assert!(draft.contains("Samverkan pågår"), "{draft}");
    let activities = draft.split("[[followup.activity]]").skip(1);
    for a in activities {
        assert!(
            !a.contains("status"),
            "Enter set an activity's status:\n{draft}"
        );
    }
}

#[test]
fn keys_typed_while_the_window_is_too_small_go_nowhere() {
    let sb = Sandbox::new();
    let (ws, cmd) = session(&sb, "default");
    let mut t = Pty::spawn(cmd, 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send(TAB);
    t.wait_for("▶ Sammanfattning");
    t.send("Synligt");
    t.wait_for("Synligt");
    t.resize(30, 8);
    t.wait_for("för litet");
    t.send(" osynligt");
    t.send("\x1b[200~klistrat\x1b[201~");
    t.settle();
    t.resize(100, 30);
    t.wait_for("Mål 1 av 6");
    t.send(ESC);
    t.wait_for("Sammanfattning: Synligt");
    // A key right after Esc would read as Alt+key.
    t.settle();
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let draft =
        std::fs::read_to_string(ws.join(".tertial/drafts/2025-T1/bestallarenhet-2.toml")).unwrap();
    assert!(draft.contains("summary = \"Synligt\""), "{draft}");
}
