//! What typing in the analysis editor costs over the link: the bytes the
//! real binary writes per typed character in a pseudo-terminal, and that
//! the screen (text and cursor) is still right afterwards, also after a
//! resize. Byte counts are taken on a settled screen, so they do not
//! depend on timing.

mod common;
use common::Sandbox;
use common::pty::{ENTER, Pty, TAB};

/// Presses Tab until the focused field's label is `label`.
fn tab_to(t: &mut Pty, label: &str) {
    let marker = format!("▶ {label}");
    for _ in 0..60 {
        let before = t.settle();
        if before.contains(&marker) {
            return;
        }
        t.send(TAB);
        t.wait_for_change(&before);
    }
    t.wait_for(&marker);
}

/// The screen row the cursor is on, up to the cursor.
fn before_cursor(t: &Pty) -> String {
    let parser = t.parser.lock().unwrap();
    let screen = parser.screen();
    let (row, col) = screen.cursor_position();
    let (_, cols) = screen.size();
    let line = screen
        .rows(0, cols.get())
        .nth(row as usize)
        .unwrap_or_default();
    line.chars().take(col as usize).collect()
}

/// Types `text` a character at a time, each on a settled screen; returns
/// the bytes written for it.
fn type_text(t: &mut Pty, typed: &mut String, text: &str) -> Vec<u8> {
    let start = t.raw.lock().unwrap().len();
    for c in text.chars() {
        typed.push(c);
        t.send(&c.to_string());
        t.wait_for(&format!("Sammanfattning: {typed}"));
        t.settle();
    }
    t.raw.lock().unwrap()[start..].to_vec()
}

#[test]
fn a_typed_character_costs_a_few_bytes_and_the_screen_stays_right() {
    let sb = Sandbox::new();
    let ws = sb.workspace("ws");
    assert!(
        sb.run(&["init", ws.to_str().unwrap(), "--with-samples"])
            .status
            .success()
    );
    let cmd = sb.pty_cmd(&[
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-VB",
        "--author",
        "A B <a@b.invalid>",
    ]);
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Mål 1 av 6");
    tab_to(&mut t, "Sammanfattning");
    t.send(ENTER);
    t.wait_for("Esc klar");
    t.settle();

    // The first character changes more than itself (the empty field's
    // hint, the note in the header), and so does the first draft save.
    let mut typed = String::new();
    type_text(&mut t, &mut typed, "M");
    t.wait_for("utkast sparat");
    t.settle();

    let text = "ålet nås, öppet";
    let bytes = type_text(&mut t, &mut typed, text);
    let n = text.chars().count();
    let shown = String::from_utf8_lossy(&bytes).replace('\x1b', "␛");
    // Each character is drawn where it is shown: in the editor (where
    // the cursor already is) and in the form above it (one move there and
    // one back, when typing pauses; here it pauses after each one). A draft save in between may change the time in the
    // header once. Nothing else: no synchronized-output markers or cursor
    // hiding for a few cells.
    assert!(
        bytes.len() <= n * 24 + 64,
        "{} bytes for {n} characters: {shown}",
        bytes.len()
    );
    assert!(!shown.contains("?2026"), "{shown}");
    assert!(!shown.contains("?25"), "{shown}");
    let screen = t.settle();
    assert!(screen.contains("▶ Sammanfattning: Målet nås, öppet"));
    // The terminal's cursor is right after the text in the editor.
    assert!(
        before_cursor(&t).ends_with("│Målet nås, öppet"),
        "{:?}",
        before_cursor(&t)
    );

    // After a resize everything is positioned afresh.
    t.resize(100, 30);
    t.wait_for_change(&screen);
    t.settle();
    t.resize(120, 40);
    t.settle();
    type_text(&mut t, &mut typed, " x");
    assert!(t.settle().contains("▶ Sammanfattning: Målet nås, öppet x"));
    assert!(
        before_cursor(&t).ends_with("│Målet nås, öppet x"),
        "{:?}",
        before_cursor(&t)
    );
}
