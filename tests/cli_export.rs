//! `tertial export` on a real workspace: the committed T1, T2 and VB of
//! Beställarenhet 2 give exactly the reports of the same files made in the
//! test (whose text tests/report.rs keeps as snapshots), with the
//! accumulated counts read from the earlier periods' commits.

mod common;
use common::{Sandbox, text};

#[allow(dead_code)]
#[path = "common/report_fixture.rs"]
mod report_fixture;

/// The VB 2025 report in `format`, made in the test from the fixtures.
fn expected_report(format: &str) -> String {
    let plan = report_fixture::plan();
    let vb = report_fixture::vb(&plan);
    let tertials = report_fixture::tertials(&plan);
    let render = match format {
        "md" => tertial::report::markdown,
        "html" => tertial::report::html,
        "text" => tertial::report::text,
        other => panic!("no format {other}"),
    };
    render(&plan, &vb, &tertials)
}
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
fn export_of_the_committed_vb_equals_the_report_of_the_fixtures() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    for period in ["2025-T1", "2025-T2", "2025-VB"] {
        record(&sb, &ws, period);
    }
    for format in ["md", "html", "text"] {
        let out = export(&sb, &ws, "2025-VB", format);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout) == expected_report(format),
            "{format} differs from the report of the fixtures"
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
    assert!(
        text(&out.stdout) == expected_report("md"),
        "the demo's VB differs from the report of the fixtures"
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
