//! `tertial export` on a real workspace: the committed T1, T2 and VB of
//! Beställarenhet 2 give exactly the golden report files, with the
//! accumulated counts read from the earlier periods' commits.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect()
}

fn record(sb: &Sandbox, ws: &Path, period: &str) {
    let file = fixture(&format!("bestallarenhet-2-{period}.toml"));
    let out = sb.record(
        ws,
        "bestallarenhet-2",
        period,
        &file,
        "Anna Chef <anna@example.invalid>",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn export(sb: &Sandbox, ws: &Path, period: &str, format: &str) -> std::process::Output {
    sb.run(&[
        "export",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        period,
        "--format",
        format,
    ])
}

#[test]
fn export_of_the_committed_vb_equals_the_golden_reports() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    for period in ["2025-T1", "2025-T2", "2025-VB"] {
        record(&sb, &ws, period);
    }
    for (format, ext) in [("md", "md"), ("html", "html"), ("text", "txt")] {
        let out = export(&sb, &ws, "2025-VB", format);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let golden =
            std::fs::read_to_string(fixture(&format!("report/bestallarenhet-2-2025-VB.{ext}")))
                .unwrap();
        assert!(
            text(&out.stdout) == golden,
            "{format} differs from the golden file"
        );
    }
    // T2 accumulates T1 and T2 only.
    let out = export(&sb, &ws, "2025-T2", "md");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("| Beröm | Beröm | 15 | 25 | 40 |  |"));
}

#[test]
fn export_without_the_earlier_periods_counts_what_there_is() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    record(&sb, &ws, "2025-VB");
    let out = export(&sb, &ws, "2025-VB", "md");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("| Beröm | Beröm |  |  | 31 | 31 |  |"));
}

#[test]
fn the_demo_holds_the_finished_report_ready_to_export() {
    let sb = Sandbox::new();
    let parent = sb.workspace("demos");
    let out = sb.run(&["demo", "--dir", parent.to_str().unwrap(), "--no-open"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ws = std::fs::read_dir(&parent)
        .unwrap()
        .flatten()
        .next()
        .expect("a demo folder")
        .path();
    let out = export(&sb, &ws, "2025-VB", "md");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let golden = std::fs::read_to_string(fixture("report/bestallarenhet-2-2025-VB.md")).unwrap();
    assert!(
        text(&out.stdout) == golden,
        "the demo's VB differs from the golden report"
    );
    // The working tree shows the committed file too.
    assert!(ws.join("followups/2025-VB/bestallarenhet-2.toml").is_file());
    let out = sb.run(&["verify", ws.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}
