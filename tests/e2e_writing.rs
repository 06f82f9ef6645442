//! Writing aids in a real pseudo-terminal: the live count and limit in the
//! editor's frame and its remark in the review (which does not block
//! klar), and carry-over of T1's open deviations into T2, each carried,
//! closed with a note or dropped, read back from the commit through git2.

mod common;
use common::pty::{DOWN, ENTER, ESC, Pty, TAB};
use common::{Sandbox, text};
use tertial::followup::FollowUp;

const UNIT: &str = "bestallarenhet-2";

/// Every remark kind but `over-limit` off, so that klar waits for nothing
/// else.
const ONLY_OVER_LIMIT: &str = "\n[klar]\nrating-missing = \"off\"\nanalysis-missing = \"off\"\nreason-missing = \"off\"\ndeviation-missing = \"off\"\nmeasure-missing = \"off\"\nlink-missing = \"off\"\ndue-past = \"off\"\noutcome-missing = \"off\"\nactivity-status-missing = \"off\"\nsummary-missing = \"off\"\neconomy-analysis-missing = \"off\"\n";

fn add_to_marker(ws: &std::path::Path, extra: &str) {
    let marker = ws.join("tertial.toml");
    let mut text = std::fs::read_to_string(&marker).unwrap();
    text.push_str(extra);
    std::fs::write(&marker, text).unwrap();
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
        t.wait_for_change(&before);
    }
    t.wait_for(&marker);
}

/// The follow-up of `period` at the branch tip.
fn committed(ws: &std::path::Path, period: &str) -> (FollowUp, String) {
    let repo = git2::Repository::open(ws).unwrap();
    let commit = repo.head().unwrap().peel_to_commit().unwrap();
    let path = format!("followups/{period}/{UNIT}.toml");
    let entry = commit
        .tree()
        .unwrap()
        .get_path(std::path::Path::new(&path))
        .unwrap();
    let content = text(repo.find_blob(entry.id()).unwrap().content());
    let f = tertial::followup::load::parse_unchecked(content.as_bytes())
        .unwrap_or_else(|| panic!("{path} does not read back:\n{content}"));
    (f, content)
}

#[test]
fn the_frame_counts_against_the_limit_and_the_review_remarks_without_blocking_klar() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    add_to_marker(
        &ws,
        &format!("\n[limits]\nanalysis = 40\n{ONLY_OVER_LIMIT}"),
    );
    let mut t = Pty::spawn(
        sb.pty_cmd(&[
            ws.to_str().unwrap(),
            "--unit",
            UNIT,
            "--period",
            "2025-T1",
            "--author",
            "Åsa Öberg <asa@example.invalid>",
        ]),
        100,
        30,
    );
    t.wait_for("Mål 1 av 6");
    tab_to(&mut t, "Sammanfattning");
    t.send(ENTER);
    t.wait_for("0 / 40 tecken · 0 ord");
    t.send("Bemötandet är gott.");
    t.wait_for("19 / 40 tecken · 3 ord");
    // Past the limit typing goes on; the frame says by how much, in words.
    t.send(" Väntetiderna är långa i hela området.");
    t.wait_for("57 / 40 tecken – 17 för många · 9 ord");
    t.send(ESC);
    // A key right after Esc would read as Alt+key: wait for the editor to
    // close (the goal page's hints are back).
    t.wait_for("Retur  skriv");
    t.wait_for("Sammanfattning: Bemötandet är gott. Väntetiderna är långa i hela området.");

    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.wait_for("E1/summary För lång text: 57 / 40 tecken – 17 för många");
    // A warning by default: klar is not blocked.
    t.wait_for("Allt klart");
    t.send("k");
    t.wait_for("Lämna in som klar?");
    t.send("y");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let (f, _) = committed(&ws, "2025-T1");
    assert_eq!(f.status, tertial::followup::Status::Done);
    // Nothing was cut off.
    assert_eq!(
        f.goal("E1").unwrap().summary,
        "Bemötandet är gott. Väntetiderna är långa i hela området."
    );
}

#[test]
fn a_bad_limits_table_is_named_at_its_line_and_column() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let before = std::fs::read_to_string(ws.join("tertial.toml")).unwrap();
    let line = before.lines().count() + 3;
    add_to_marker(&ws, "\n[limits]\nanalys = 2000\n");
    let mut t = Pty::spawn(
        sb.pty_cmd(&[
            ws.to_str().unwrap(),
            "--unit",
            UNIT,
            "--period",
            "2025-T1",
            "--author",
            "A B <a@b.invalid>",
        ]),
        100,
        30,
    );
    t.wait_for(&format!(
        "tertial.toml:{line}:1: fel: [limits] \"analys\": okänt fält"
    ));
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}

const T1: &str = r#"schema = 1
unit = "bestallarenhet-2"
period = "2025-T1"

[[goal]]
id = "E1"
rating = "delvis"
summary = "Handläggningen tar för lång tid."

[[goal.deviation]]
what = "Handläggningstiden överskrider 14 dagar"
link = "R1"
cause = "Vakanser i gruppen"
measure = "Rekrytera två handläggare"
responsible = "Enhetschef"

[[goal.deviation]]
what = "Genomförandeplaner saknas i tolv ärenden"
measure = "Påminnelse till utförarna varje månad"
done = true

[[goal.deviation]]
what = "Uppföljning av beslut sker sent"
measure = "Ny rutin för bevakning"

[[goal.deviation]]
what = "Telefontiden hålls inte"
measure = "Schemalägg telefontid"

[[indicator]]
id = "I1"
total = 71.0
"#;

#[test]
fn t1s_open_deviations_are_carried_closed_or_dropped_into_t2_as_chosen() {
    let sb = Sandbox::new();
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

    let args = [
        ws.to_str().unwrap(),
        "--unit",
        UNIT,
        "--period",
        "2025-T2",
        "--author",
        "Anna Chef <anna@example.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 100, 30);
    // The offer comes by itself: the three open ones, not the done one.
    t.wait_for("Öppna avvikelser från T1 2025");
    t.wait_for("3 att ta ställning till");
    let screen = t.settle();
    assert!(screen.contains("Handläggningstiden överskrider 14 dagar"));
    assert!(screen.contains("Uppföljning av beslut sker sent"));
    assert!(screen.contains("Telefontiden hålls inte"));
    assert!(!screen.contains("Genomförandeplaner saknas"), "{screen}");
    assert!(screen.contains("Åtgärd: Rekrytera två handläggare"));

    // The first is carried over.
    t.send(ENTER);
    t.wait_for("2 att ta ställning till");
    // The next is closed with a note; its prose holds the screen's own
    // command letters, which are text while the note is written.
    t.send("s");
    t.wait_for("Hur stängdes avvikelsen?");
    let note = "Klart sedan maj: rutinen finns, x s f testad";
    t.send(note);
    t.wait_for(note);
    assert!(t.settle().contains("2 att ta ställning till"));
    t.send(ENTER);
    t.wait_for("1 att ta ställning till");
    // The last is dropped; with nothing left the walk opens.
    t.send("x");
    t.wait_for("Alla öppna avvikelser från T1 2025 är hanterade.");
    t.wait_for("Mål 1 av 6");

    // The carried deviation is in the form, marked with where it came from.
    tab_to(&mut t, "Avvikelse: Handläggningstiden");
    t.wait_for("Avvikelse 1 · förd från 2025-T1 E1/1");
    tab_to(&mut t, "Avvikelse: Uppföljning av beslut sker sent");
    t.wait_for("Avvikelse 2 · förd från 2025-T1 E1/3");
    tab_to(
        &mut t,
        "Åtgärdad: [x] ja – Klart sedan maj: rutinen finns, x s f testad",
    );

    // The screen comes back with its key, and says nothing is left.
    t.send("\x1bo"); // alt-o
    t.wait_for("Inga öppna avvikelser kvar att föra över från T1 2025.");

    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Lämna in som utkast?");
    t.send("y");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);

    let (f, content) = committed(&ws, "2025-T2");
    let e1 = f.goal("E1").expect("E1 has the carried deviations");
    assert_eq!(e1.deviations.len(), 2, "{content}");
    let carried = &e1.deviations[0];
    assert_eq!(carried.what, "Handläggningstiden överskrider 14 dagar");
    assert_eq!(carried.cause, "Vakanser i gruppen");
    assert_eq!(carried.measure, "Rekrytera två handläggare");
    assert_eq!(carried.link.as_deref(), Some("R1"));
    assert!(!carried.done);
    assert_eq!(
        carried.carried.as_ref().map(|o| o.to_string()).as_deref(),
        Some("2025-T1 E1/1")
    );
    let closed = &e1.deviations[1];
    assert_eq!(closed.what, "Uppföljning av beslut sker sent");
    assert!(closed.done);
    assert_eq!(closed.note, note);
    assert_eq!(
        closed.carried.as_ref().map(|o| o.to_string()).as_deref(),
        Some("2025-T1 E1/3")
    );
    assert_eq!(f.dropped.len(), 1, "{content}");
    assert_eq!(f.dropped[0].origin().to_string(), "2025-T1 E1/4");
    // Neither the done deviation nor anything else of T1 came along:
    // no rating, no analysis, no outcomes.
    assert!(!content.contains("Genomförandeplaner"), "{content}");
    assert_eq!(e1.rating, None);
    assert!(e1.summary.is_empty());
    assert!(f.indicators.is_empty(), "{content}");

    // Opened again, nothing is offered: every choice was recorded.
    let mut t = Pty::spawn(sb.pty_cmd(&args), 100, 30);
    t.wait_for("Mål 1 av 6");
    assert!(!t.settle().contains("Öppna avvikelser från"));
    t.send(DOWN);
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}
