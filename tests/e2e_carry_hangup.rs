//! A note being written on the carry-over screen to close an earlier
//! deviation survives a dropped connection and a kill: it is in the
//! draft, and opening the unit again offers the same deviation with the
//! note back in its editor, recorded only when the chief saves it.

mod common;
use common::pty::{DOWN, ENTER, Pty};
use common::{Sandbox, text};
use std::path::{Path, PathBuf};

const UNIT: &str = "bestallarenhet-2";

const T1: &str = r#"schema = 1
unit = "bestallarenhet-2"
period = "2025-T1"

[[goal]]
id = "E1"
rating = "delvis"
summary = "Handläggningen tar för lång tid."

[[goal.deviation]]
what = "Handläggningstiden överskrider 14 dagar"
measure = "Rekrytera två handläggare"

[[goal.deviation]]
what = "Uppföljning av beslut sker sent"
measure = "Ny rutin för bevakning"

[[goal.deviation]]
what = "Telefontiden hålls inte"
measure = "Schemalägg telefontid"
"#;

/// A workspace with T1's three open deviations committed.
fn workspace(sb: &Sandbox) -> PathBuf {
    let ws = sb.init_samples("ws");
    let t1 = sb.path().join("t1.toml");
    std::fs::write(&t1, T1).unwrap();
    let out = sb.record(
        &ws,
        UNIT,
        "2025-T1",
        &t1,
        "Anna Chef <anna@example.invalid>",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    ws
}

fn open_t2(sb: &Sandbox, ws: &Path) -> Pty {
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        UNIT,
        "--period",
        "2025-T2",
        "--author",
        "Anna Chef <anna@example.invalid>",
    ];
    Pty::spawn(sb.pty_cmd(&args), 100, 30)
}

/// The T2 draft as TOML (empty when there is none).
fn draft(ws: &Path) -> toml::Table {
    let path = ws
        .join(".tertial/drafts/2025-T2")
        .join(format!("{UNIT}.toml"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return toml::Table::new();
    };
    toml::from_str(&text).unwrap_or_else(|e| panic!("the draft must always parse: {e}\n{text}"))
}

/// On the carry-over screen, starts closing the second offer and types
/// `note` into it.
fn type_note(t: &mut Pty, note: &str) {
    t.wait_for("3 att ta ställning till");
    t.send(DOWN);
    t.send("s");
    t.wait_for("Hur stängdes avvikelsen?");
    t.send(note);
    t.wait_for(note);
}

/// Opens T2 again, resumes the draft, and finds the note back on the
/// carry-over screen for the deviation it was written for, nothing
/// recorded; saving it then closes that deviation.
fn reopen_and_save(sb: &Sandbox, ws: &Path, note: &str) {
    let mut t = open_t2(sb, ws);
    t.wait_for("Det finns ett sparat utkast");
    // The note is named before the chief chooses to resume or discard.
    t.wait_for("En ej sparad anteckning som stänger avvikelsen");
    t.send(ENTER);
    t.wait_for("Hur stängdes avvikelsen?");
    t.wait_for(note);
    let screen = t.settle();
    assert!(screen.contains("3 att ta ställning till"), "{screen}");
    assert!(screen.contains("Anteckningen du skrev är kvar"), "{screen}");
    t.send(ENTER);
    t.wait_for("2 att ta ställning till");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let d = draft(ws);
    assert!(d.get("closing").is_none(), "the note is recorded: {d:#?}");
    let deviations = &d["followup"]["goal"][0]["deviation"];
    let closed = &deviations[0];
    assert_eq!(
        closed["what"].as_str(),
        Some("Uppföljning av beslut sker sent")
    );
    assert_eq!(closed["done"].as_bool(), Some(true));
    assert_eq!(closed["note"].as_str(), Some(note));
    assert_eq!(deviations.as_array().map(Vec::len), Some(1), "{d:#?}");
}

#[test]
fn a_closing_note_survives_a_dropped_connection_and_comes_back_unsaved() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let mut t = open_t2(&sb, &ws);
    t.wait_for("Öppna avvikelser från T1 2025");
    let note = "Rutinen infördes i maj och följs upp varje vecka";
    type_note(&mut t, note);
    // The connection drops mid-note, before the draft's timer.
    let mut child = t.hang_up();
    let code = common::pty::exit_code_of(&mut child);
    assert!(
        code.is_some(),
        "the program must exit when its terminal is gone"
    );
    assert_ne!(code, Some(101), "no panic on the way out");
    // The note is in the draft, for the deviation it was written for,
    // and nothing was closed by it.
    let d = draft(&ws);
    let closing = d.get("closing").unwrap_or_else(|| panic!("{d:#?}"));
    assert_eq!(closing["note"].as_str(), Some(note));
    assert_eq!(closing["number"].as_integer(), Some(2));
    assert_eq!(
        closing["what"].as_str(),
        Some("Uppföljning av beslut sker sent")
    );
    assert!(d["followup"].get("goal").is_none(), "{d:#?}");
    reopen_and_save(&sb, &ws, note);
}

#[test]
fn a_closing_note_survives_a_kill_once_the_draft_timer_ran() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let mut t = open_t2(&sb, &ws);
    t.wait_for("Öppna avvikelser från T1 2025");
    let note = "Stängd efter samråd med förvaltningen";
    type_note(&mut t, note);
    // Killed without warning once the draft has the note.
    assert!(
        common::pty::eventually(|| draft(&ws).get("closing").is_some()),
        "the note never reached the draft"
    );
    let status = std::process::Command::new("kill")
        .args(["-KILL", &t.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_exit();
    reopen_and_save(&sb, &ws, note);
}
