//! A whole follow-up by keystrokes in a real pseudo-terminal: ratings,
//! analysis with å/ä/ö, a deviation with its åtgärd, an indicator outcome,
//! the unit's parts after the goals, the review, the commit as klar; then
//! the commit read back through git2.

mod common;
use common::pty::{ENTER, ESC, PGDN, Pty, TAB};
use common::{Sandbox, text};

/// Presses Tab once, after the screen has settled.
fn tab(t: &mut Pty) {
    let before = t.settle();
    t.send(TAB);
    t.wait_for_change(&before);
}

/// Presses Tab until the focused field's label is `label`.
fn tab_to(t: &mut Pty, label: &str) {
    let marker = format!("▶ {label}");
    for _ in 0..60 {
        let before = t.settle();
        if before.contains(&marker) {
            return;
        }
        t.send(TAB);
        // Wait for the focus to move before looking again, so no Tab is
        // sent past the field.
        t.wait_for_change(&before);
    }
    t.wait_for(&marker);
}

#[test]
fn a_chief_completes_and_commits_a_follow_up_with_the_keyboard_alone() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // This workspace lets helt stand without an analysis and activities
    // without a status, and only warns about economy figures without one.
    let marker = ws.join("tertial.toml");
    let mut rules = std::fs::read_to_string(&marker).unwrap();
    rules.push_str(
        "\n[klar]\nanalysis-missing = \"off\"\nactivity-status-missing = \"off\"\neconomy-analysis-missing = \"warn\"\n",
    );
    std::fs::write(&marker, rules).unwrap();
    let mut cmd = sb.pty_cmd(&[
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-VB",
    ]);
    cmd.env("TERTIAL_AUTHOR", "Åsa Öberg <asa@example.invalid>");
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Mål 1 av 6");

    // E1: helt, with a summary.
    t.send("1");
    t.wait_for("● Uppfylls helt");
    tab_to(&mut t, "Sammanfattning");
    t.send(ENTER);
    t.send("Målet är nått. Öppenhet och ökad trygghet för de äldre.");
    t.send(ESC);
    t.wait_for("Sammanfattning: Målet är nått. Öppenhet och ökad trygghet");

    // E2: delvis, a point analysis and a deviation with its measure.
    t.send(PGDN);
    t.wait_for("Mål 2 av 6");
    t.send("2");
    t.wait_for("◐ Uppfylls delvis");
    tab_to(&mut t, "Punkt 2");
    t.send(ENTER);
    t.send("Elbilen används för sällan; bokningen är krånglig.");
    t.send(ESC);
    // A key right after Esc would read as Alt+key: wait for the editor to close.
    t.wait_for("Punkt 2: Elbilen används för sällan");
    t.send("\x1ba"); // alt-a
    t.wait_for("Avvikelse 1");
    t.send("Elbilen användes hälften så ofta som väntat");
    t.send(TAB); // done, on to "Gäller"
    tab_to(&mut t, "Åtgärd");
    t.send(ENTER);
    t.send("Bokning i förväg på APT");
    t.send(ESC);
    t.wait_for("Åtgärd: Bokning i förväg på APT");

    // E3: helt; its indicator (ekologiska livsmedel) gets an outcome.
    t.send(PGDN);
    t.wait_for("Mål 3 av 6");
    t.send("1");
    tab_to(&mut t, "Periodens utfall");
    t.send(ENTER);
    t.send("69,23");
    t.send(ENTER);
    t.wait_for("69,23 %  ✗ når inte årsmålet");

    // E4: helt; three indicators: two outcomes and one "Inga data".
    t.send(PGDN);
    t.wait_for("Mål 4 av 6");
    t.send("1");
    tab_to(&mut t, "Periodens utfall");
    t.send(ENTER);
    t.send("80");
    t.send(ENTER);
    t.wait_for("Periodens utfall: 80");
    tab(&mut t); // I2: Inga data
    tab(&mut t); // I3: Periodens utfall
    tab_to(&mut t, "Periodens utfall");
    t.send(ENTER);
    t.send("8,2");
    t.send(ENTER);
    t.wait_for("Periodens utfall: 8,2 %");
    tab_to(&mut t, "Inga data"); // I3's, after kvinnor and män
    tab(&mut t); // I4: Periodens utfall
    tab_to(&mut t, "Inga data"); // I4's
    t.send(" "); // space ticks the box
    t.wait_for("Inga data: [x]");

    // E5 and E6: helt.
    t.send(PGDN);
    t.wait_for("Mål 5 av 6");
    t.send("1");
    t.send(PGDN);
    t.wait_for("Mål 6 av 6");
    t.send("1");
    t.wait_for("6 bedömda");

    // The unit's parts, on the page after the last goal.
    t.send(PGDN);
    t.wait_for("Enhetens delar · 6 av 6 mål bedömda");
    t.send(ENTER);
    t.send("Ett år av stabil drift och ökad samverkan.");
    t.send(ESC);
    t.wait_for("Text: Ett år av stabil drift och ökad samverkan.");
    tab_to(&mut t, "Budget (tkr)");
    t.send(ENTER);
    t.send("959 500");
    t.send(ENTER);
    t.wait_for("Budget (tkr): 959 500");

    // Review: nothing left; commit as klar.
    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.wait_for("Allt klart");
    t.send("k");
    t.wait_for("Lämna in som klar?");
    t.wait_for("Bedömningar: 5 helt, 1 delvis, 0 inte, 0 ej bedömd, 0 utan bedömning");
    t.send("y");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let repo = git2::Repository::open(&ws).unwrap();
    let commit = repo.head().unwrap().peel_to_commit().unwrap();
    let msg = commit.message().unwrap().to_string();
    assert!(
        msg.starts_with("Uppföljning 2025-VB: Beställarenhet 2 (klar)"),
        "{msg}"
    );
    assert!(msg.contains("E2 ◐ Uppfylls delvis (1 avvikelse)"), "{msg}");
    assert!(msg.contains("Status: klar"), "{msg}");
    assert_eq!(commit.author().name().unwrap(), "Åsa Öberg");
    let entry = commit
        .tree()
        .unwrap()
        .get_path(std::path::Path::new(
            "followups/2025-VB/bestallarenhet-2.toml",
        ))
        .unwrap();
    let content = text(repo.find_blob(entry.id()).unwrap().content());
    for needle in [
        "summary = \"Målet är nått. Öppenhet och ökad trygghet för de äldre.\"",
        "Elbilen används för sällan; bokningen är krånglig.",
        "what = \"Elbilen användes hälften så ofta som väntat\"",
        "measure = \"Bokning i förväg på APT\"",
        "total = 69.23",
        "total = 80.0",
        "total = 8.2",
        "no_data = true",
        "status = \"klar\"",
        "summary = \"Ett år av stabil drift och ökad samverkan.\"",
        "[economy]\nbudget = 959500.0",
    ] {
        assert!(content.contains(needle), "{needle:?} not in\n{content}");
    }
    // The draft is gone once committed; nothing is left behind.
    assert!(
        !ws.join(".tertial/drafts/2025-VB/bestallarenhet-2.toml")
            .exists()
    );
    let log = std::process::Command::new("git")
        .args(["log", "-p", "-1"])
        .current_dir(&ws)
        .output()
        .unwrap();
    assert!(text(&log.stdout).contains("+measure = \"Bokning i förväg på APT\""));
}

#[test]
fn a_draft_survives_quitting_and_is_offered_on_reopening() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("3");
    tab_to(&mut t, "Sammanfattning");
    t.send(ENTER);
    t.send("Halvfärdig mening om åtgärder");
    // Quit while still editing: the draft keeps every character.
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let draft =
        std::fs::read_to_string(ws.join(".tertial/drafts/2025-T2/bestallarenhet-2.toml")).unwrap();
    assert!(draft.contains("Halvfärdig mening om åtgärder"), "{draft}");

    let mut t = Pty::spawn(sb.pty_cmd(&args), 100, 30);
    t.wait_for("Det finns ett sparat utkast");
    t.send(ENTER);
    t.wait_for("Halvfärdig mening om åtgärder");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_field_can_be_written_in_the_users_editor() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // An "editor" that appends a line to the file it is given.
    let editor = sb.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Skrivet i editorn: åäö\\n' >> \"$1\"\n",
    )
    .unwrap();
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
        "--author",
        "A B <a@b.invalid>",
    ]);
    cmd.env("EDITOR", editor.to_str().unwrap());
    let mut t = Pty::spawn(cmd, 100, 30);
    t.wait_for("Mål 1 av 6");
    tab_to(&mut t, "Sammanfattning");
    t.send("\x05"); // ctrl-e
    t.wait_for("Sammanfattning: Skrivet i editorn: åäö");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let draft =
        std::fs::read_to_string(ws.join(".tertial/drafts/2025-T1/bestallarenhet-2.toml")).unwrap();
    assert!(
        draft.contains("summary = \"Skrivet i editorn: åäö\""),
        "{draft}"
    );
}
