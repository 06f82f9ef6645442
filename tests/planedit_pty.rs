//! The plan correction screen with the real binary in a real terminal:
//! a title changed by keystrokes is saved and passes `tertial check`;
//! quitting with unsaved changes asks and writes nothing when told so.

mod common;

use common::pty::{DOWN, ENTER, ESC, Pty};
use common::{Sandbox, text};

const PLAN: &str = "plans/2025/bestallarenhet-2.toml";
const CTRL_S: &str = "\x13";
const RIGHT: &str = "\x1b[C";

fn open(sb: &Sandbox) -> (std::path::PathBuf, Pty) {
    let ws = sb.init_samples("ws");
    let file = ws.join(PLAN);
    let t = Pty::spawn(
        sb.pty_cmd(&["plan", "edit", file.to_str().unwrap()]),
        80,
        24,
    );
    t.wait_for("Rätta planen: Beställarenhet 2 2025");
    (ws, t)
}

/// From the unit's name (where the screen opens) down to KF-mål 1's title,
/// into the editor, and a few words added at its end.
fn retitle(t: &mut Pty, words: &str) {
    for _ in 0..4 {
        t.send(DOWN);
    }
    t.settle();
    t.send(ENTER);
    t.wait_for("KF-mål 1 · Esc/Enter klar");
    t.send(words);
    t.settle();
    t.send(ENTER);
    t.wait_for("ändrad");
}

#[test]
fn a_title_changed_by_keystrokes_is_saved_and_passes_check() {
    let sb = Sandbox::new();
    let (ws, mut t) = open(&sb);
    retitle(&mut t, " i hela landet");
    t.send(CTRL_S);
    t.wait_for("Planen är sparad i");
    t.send(ESC);
    assert_eq!(t.wait_exit(), 0);
    let written = std::fs::read_to_string(ws.join(PLAN)).unwrap();
    assert!(
        written.contains(
            "title = \"Ett Stockholm som håller samman med en stark och jämlik välfärd i hela staden i hela landet\""
        ),
        "{written}"
    );
    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("3 without problems"));
}

#[test]
fn quitting_with_changes_asks_and_discarding_writes_nothing() {
    let sb = Sandbox::new();
    let (ws, mut t) = open(&sb);
    let before = std::fs::read(ws.join(PLAN)).unwrap();
    retitle(&mut t, " X");
    t.send(ESC);
    t.wait_for("Planen har ändringar som inte är sparade.");
    // Esc in the question is "keep correcting", never a silent answer.
    t.send(ESC);
    t.settle();
    assert!(!t.screen().contains("Planen har ändringar"));
    t.send(ESC);
    t.wait_for("Avsluta utan att spara");
    t.send(RIGHT);
    t.settle();
    t.send(ENTER);
    assert_eq!(t.wait_exit(), 1);
    assert_eq!(std::fs::read(ws.join(PLAN)).unwrap(), before);
}
