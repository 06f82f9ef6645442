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
    assert!(
        text(&out.stdout).contains("utan problem: 3,"),
        "{}",
        text(&out.stdout)
    );
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

/// `tertial import FILE` without `-o` in a terminal: the imported plan on
/// the screen beside its source, saved where the chief answers (the
/// workspace's place is offered) and passing `check`.
#[test]
fn an_import_without_output_is_reviewed_on_screen_and_saved_where_answered() {
    let sb = Sandbox::new();
    let ws = sb.workspace("ws");
    let out = sb.run(&["init", ws.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/seed-001.txt");
    let mut cmd = sb.pty_cmd(&["import", seed.to_str().unwrap()]);
    cmd.cwd(&ws);
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("(inte sparad)");
    t.wait_for("Källan");
    t.send(CTRL_S);
    t.wait_for("Spara planen i fil");
    t.wait_for("plans/2025/");
    t.send(ENTER);
    t.wait_for("Planen är sparad i plans/2025/");
    t.send(ESC);
    assert_eq!(t.wait_exit(), 0);
    let written: Vec<_> = std::fs::read_dir(ws.join("plans/2025"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_dropped_terminal_keeps_the_changes_and_the_open_editors_text_beside_the_plan() {
    let sb = Sandbox::new();
    let (ws, mut t) = open(&sb);
    let before = std::fs::read(ws.join(PLAN)).unwrap();
    for _ in 0..4 {
        t.send(DOWN);
    }
    t.settle();
    t.send(ENTER);
    t.wait_for("KF-mål 1 · Esc/Enter klar");
    t.send(" ändrat före avbrottet");
    t.wait_for("avbrottet");
    let mut child = t.hang_up();
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(
        std::fs::read(ws.join(PLAN)).unwrap(),
        before,
        "the plan itself is untouched"
    );
    let side = std::fs::read_to_string(ws.join(format!("{PLAN}.unsaved"))).unwrap();
    assert!(
        side.contains("i hela staden ändrat före avbrottet\""),
        "{side}"
    );
}
