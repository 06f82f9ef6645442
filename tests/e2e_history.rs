//! History while working: earlier periods beside the goal, the indicator
//! trend, copying the previous analysis, and last year's VB matched to this
//! year's plan.

mod common;
use common::pty::Pty;
use common::{Sandbox, text};
use std::path::Path;

fn record(sb: &Sandbox, ws: &Path, unit: &str, period: &str, body: &str, status: &str) {
    let file = sb.path().join(format!("{unit}-{period}.toml"));
    std::fs::write(&file, body).unwrap();
    let out = sb.record(
        ws,
        unit,
        period,
        &file,
        "Tove Tertial <tove@example.invalid>",
        &["--status", status],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn earlier_periods_are_shown_and_the_previous_analysis_can_be_copied() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let head = "schema = 1\nunit = \"bestallarenhet-2\"\n";
    record(
        &sb,
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &format!(
            "{head}period = \"2025-T1\"\n[[goal]]\nid = \"E2\"\nrating = \"delvis\"\nsummary = \"T1: elbilen används sällan.\"\n[[indicator]]\nid = \"I3\"\ntotal = 8.2\n"
        ),
        "utkast",
    );
    record(
        &sb,
        &ws,
        "bestallarenhet-2",
        "2025-T2",
        &format!(
            "{head}period = \"2025-T2\"\n[[goal]]\nid = \"E2\"\nrating = \"helt\"\nsummary = \"T2: bokning i förväg fungerar.\"\nanalysis = [\"Sopsortering i alla rum.\"]\n[[indicator]]\nid = \"I3\"\ntotal = 8.4\n"
        ),
        "utkast",
    );

    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-VB",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 140, 60);
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[6~"); // E2
    t.wait_for("Mål 2 av 6");
    t.wait_for("Tidigare uppföljningar");
    t.wait_for("2025-T2 ● Bedöms uppfyllas helt · Tove Tertial");
    t.wait_for("T2: bokning i förväg fungerar.");
    t.wait_for("2025-T1 ◐ Bedöms uppfyllas delvis · Tove Tertial");
    // Copy: the previous period's texts into the empty fields.
    t.send("\x1bc"); // alt-c
    t.wait_for("Analys kopierad från 2025-T2: 2 fält");
    t.wait_for("Sammanfattning: T2: bokning i förväg fungerar.");
    // The goal's timeline across the periods.
    t.send("\x14"); // ctrl-t
    t.wait_for("Historik för E2");
    t.wait_for("2025-T1  – → delvis");
    t.wait_for("2025-T2  – → helt");
    t.send("\x1b");
    t.settle();
    // The trend of an indicator across the periods.
    for _ in 0..2 {
        t.send("\x1b[6~");
    }
    t.wait_for("Mål 4 av 6");
    t.wait_for("Tidigare: T1 2025 8,2 % · T2 2025 8,4 %");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let draft =
        std::fs::read_to_string(ws.join(".tertial/drafts/2025-VB/bestallarenhet-2.toml")).unwrap();
    assert!(draft.contains("T2: bokning i förväg fungerar."), "{draft}");
    assert!(
        !draft.contains("total = 8.4"),
        "outcomes are never copied: {draft}"
    );
}

#[test]
fn last_years_vb_is_matched_to_this_years_goals_by_title() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    // Next year's plan of the same unit: the same goals, renumbered.
    let plan = std::fs::read_to_string(ws.join("plans/2025/bestallarenhet-2.toml")).unwrap();
    let next = plan
        .replace("year = 2025", "year = 2026")
        .replace("id = \"E2\"", "id = \"E20\"")
        .replace("2025-", "2026-");
    std::fs::create_dir_all(ws.join("plans/2026")).unwrap();
    std::fs::write(ws.join("plans/2026/bestallarenhet-2.toml"), next).unwrap();
    assert!(sb.run(&["check", ws.to_str().unwrap()]).status.success());
    record(
        &sb,
        &ws,
        "bestallarenhet-2",
        "2025-VB",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-VB\"\n[[goal]]\nid = \"E2\"\nrating = \"inte\"\nsummary = \"VB: målet nåddes inte.\"\n[[goal.deviation]]\nwhat = \"Elbilen\"\nmeasure = \"Ny bokning\"\n",
        "utkast",
    );
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2026-T1",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 140, 60);
    // Last year's open deviation is offered first, under this year's id
    // of its goal; Esc leaves it for later.
    t.wait_for("Öppna avvikelser från VB 2025");
    t.wait_for("▶ E20   Elbilen");
    t.send("\x1b");
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[6~");
    t.wait_for("E20");
    t.wait_for("2025-VB ○ Uppfylls inte · Tove Tertial");
    t.wait_for("VB: målet nåddes inte.");
    t.wait_for("Avvikelse: Elbilen – Åtgärd: Ny bokning");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}
