//! `tertial status`, the overview and the district's document on a workspace with a
//! roster and reviews: each unit's flow state, what waits for the user
//! running it (units to review, own units returned), due dates from
//! `[due]` in tertial.toml, and a changed review always changing the
//! answer though the roll-up's cache is warm.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const UNIT: &str = "bestallarenhet-2";
const OTHER: &str = "hagersten-alvsjos-hemtjanst";
const PERIOD: &str = "2025-T1";
const ROSTER: &str = r#"schema = 1

[people.chef]
name = "Chef Karlsson"
emails = ["chef@example.invalid"]

[people.olsson]
name = "Områdeschef Olsson"
emails = ["olsson@example.invalid"]

[people.admin]
name = "Admin"
emails = ["admin@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["chef"]

[areas.aldreomsorg]
chiefs = ["olsson"]
units = ["bestallarenhet-2", "hagersten-alvsjos-hemtjanst"]

[roles]
roster = ["admin"]
"#;

const CHEF: &str = "Chef Karlsson <chef@example.invalid>";
const OLSSON: &str = "Områdeschef Olsson <olsson@example.invalid>";

fn git(sb: &Sandbox, ws: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(ws)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args([
            "-c",
            "user.name=Admin",
            "-c",
            "user.email=admin@example.invalid",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn workspace(sb: &Sandbox, due: &str) -> PathBuf {
    let ws = sb.init_samples("ws");
    std::fs::write(ws.join("roster.toml"), ROSTER).unwrap();
    let marker = ws.join("tertial.toml");
    let mut m = std::fs::read_to_string(&marker).unwrap();
    m.push_str(&format!("\n[due]\n{due}\n"));
    std::fs::write(&marker, m).unwrap();
    git(sb, &ws, &["add", "roster.toml", "tertial.toml"]);
    git(sb, &ws, &["commit", "-qm", "Rollistan och datum"]);
    ws
}

fn record_klar(sb: &Sandbox, ws: &Path, summary: &str) {
    let file = sb.path().join("f.toml");
    let body = common::history::complete_followup(UNIT, PERIOD, "delvis").replace(
        "summary = \"Enligt plan.\"",
        &format!("summary = \"{summary}\""),
    );
    std::fs::write(&file, body).unwrap();
    let out = sb.record(ws, UNIT, PERIOD, &file, CHEF, &["--status", "klar"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn review(sb: &Sandbox, ws: &Path, args: &[&str]) {
    let mut all = vec![
        "review",
        ws.to_str().unwrap(),
        "--unit",
        UNIT,
        "--period",
        PERIOD,
        "--author",
        OLSSON,
    ];
    all.extend_from_slice(args);
    let out = sb.run(&all);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// `tertial status` as `who`, with `extra` arguments.
fn status(sb: &Sandbox, ws: &Path, who: &str, extra: &[&str]) -> Output {
    sb.cmd()
        .env("TERTIAL_AUTHOR", who)
        .args(["status", ws.to_str().unwrap(), "--period", PERIOD])
        .args(extra)
        .output()
        .unwrap()
}

fn status_ok(sb: &Sandbox, ws: &Path, who: &str) -> String {
    let out = status(sb, ws, who, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The unit's line of the status.
fn line_of<'a>(out: &'a str, unit: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("{unit}\t")))
        .unwrap_or_else(|| panic!("no line for {unit}: {out}"))
}

/// The "Väntar på dig" block: the lines between its heading and the blank line.
fn waiting(out: &str) -> Vec<&str> {
    out.lines()
        .skip_while(|l| !l.starts_with("Väntar på dig"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn each_step_of_the_flow_shows_and_what_waits_is_the_users() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "\"2025-T1\" = 2025-05-08");
    let out = status_ok(&sb, &ws, OLSSON);
    assert!(
        out.starts_with("Status 2025-T1 (Tertialrapport 1 2025), sista dag 2025-05-08\n"),
        "{out}"
    );
    assert!(
        line_of(&out, UNIT).contains("· ej påbörjad\tSEN ("),
        "{out}"
    );
    assert_eq!(waiting(&out), ["  inget"], "{out}");

    record_klar(&sb, &ws, "Enligt plan.");
    let out = status_ok(&sb, &ws, OLSSON);
    assert_eq!(
        line_of(&out, UNIT),
        format!("{UNIT}\tBeställarenhet 2\t✓ klar")
    );
    assert_eq!(
        waiting(&out),
        [format!("  att granska\t{UNIT}\tBeställarenhet 2")],
        "{out}"
    );
    // The unit chief has nothing waiting: the unit is with the reviewer.
    assert_eq!(waiting(&status_ok(&sb, &ws, CHEF)), ["  inget"]);

    review(&sb, &ws, &["--return", "--remark", "goal:E2=Varför?"]);
    let out = status_ok(&sb, &ws, CHEF);
    assert!(line_of(&out, UNIT).contains("↩ återsänd\tSEN ("), "{out}");
    assert_eq!(
        waiting(&out),
        [format!("  återsänd till dig\t{UNIT}\tBeställarenhet 2")],
        "{out}"
    );
    assert_eq!(waiting(&status_ok(&sb, &ws, OLSSON)), ["  inget"]);

    record_klar(&sb, &ws, "Enligt plan; E2 förklarad.");
    review(&sb, &ws, &["--approve"]);
    let out = status_ok(&sb, &ws, OLSSON);
    assert_eq!(
        line_of(&out, UNIT),
        format!("{UNIT}\tBeställarenhet 2\t★ godkänd")
    );
    assert!(line_of(&out, OTHER).contains("· ej påbörjad"), "{out}");
    assert!(
        out.ends_with("Summa: 1 · ej påbörjad, 0 ✎ utkast, 0 ✓ klar, 0 ↩ återsänd, 1 ★ godkänd\n"),
        "{out}"
    );
    // Someone not on the roster gets no block.
    let out = status_ok(&sb, &ws, "Okänd <x@example.invalid>");
    assert!(!out.contains("Väntar på dig"), "{out}");

    let out = status(&sb, &ws, OLSSON, &["--lang", "en"]);
    let out = text(&out.stdout);
    assert!(
        out.contains("Waiting for you (Områdeschef Olsson):\n  nothing"),
        "{out}"
    );
    assert_eq!(
        line_of(&out, UNIT),
        format!("{UNIT}\tBeställarenhet 2\t★ approved")
    );
    assert!(
        line_of(&out, OTHER).contains("· not started\tLATE ("),
        "{out}"
    );
}

#[test]
fn a_changed_review_changes_the_answer_with_the_cache_warm() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record_klar(&sb, &ws, "Enligt plan.");
    review(&sb, &ws, &["--approve"]);
    assert!(line_of(&status_ok(&sb, &ws, OLSSON), UNIT).ends_with("★ godkänd"));
    assert!(ws.join(".tertial/overview.cache").exists());
    // A hand-made change of the review (verify would name it): the
    // follow-up's blob is the same, so only the review can tell.
    let path = ws.join("reviews/2025-T1/bestallarenhet-2.toml");
    let text_now = std::fs::read_to_string(&path).unwrap();
    let blob = text_now
        .lines()
        .find_map(|l| l.strip_prefix("reviewed = \""))
        .unwrap()
        .trim_end_matches('"')
        .to_string();
    let other = if blob.starts_with('0') { "1" } else { "0" };
    std::fs::write(&path, text_now.replacen(&blob[..1], other, 1)).unwrap();
    git(&sb, &ws, &["commit", "-qam", "Ändrad granskning"]);
    assert!(line_of(&status_ok(&sb, &ws, OLSSON), UNIT).ends_with("✓ klar"));
    // A review file that does not read is said on standard error; the
    // status still answers.
    std::fs::write(&path, "schema = 1\noutcome = \"kanske\"\n").unwrap();
    git(&sb, &ws, &["commit", "-qam", "Trasig granskning"]);
    let out = status(&sb, &ws, OLSSON, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("reviews/2025-T1/bestallarenhet-2.toml"),
        "{}",
        text(&out.stderr)
    );
    assert!(line_of(&text(&out.stdout), UNIT).ends_with("✓ klar"));
}

#[test]
fn days_left_and_late_marks_follow_the_due_date() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "\"2025-T1\" = 2025-05-08");
    record_klar(&sb, &ws, "Enligt plan.");
    let before = tertial::review::status::text(&ws, Some(PERIOD), (2025, 5, 1)).unwrap();
    assert!(
        line_of(&before, OTHER).ends_with("· ej påbörjad\t7 dagar kvar"),
        "{before}"
    );
    assert!(
        line_of(&before, UNIT).ends_with("✓ klar"),
        "klar units carry no mark: {before}"
    );
    let on_the_day = tertial::review::status::text(&ws, Some(PERIOD), (2025, 5, 8)).unwrap();
    assert!(
        line_of(&on_the_day, OTHER).ends_with("sista dagen i dag"),
        "{on_the_day}"
    );
    let after = tertial::review::status::text(&ws, Some(PERIOD), (2025, 5, 9)).unwrap();
    assert!(line_of(&after, OTHER).ends_with("SEN (1 dag)"), "{after}");
    // Another period without a date: no marks.
    let t2 = tertial::review::status::text(&ws, Some("2025-T2"), (2025, 5, 9)).unwrap();
    assert!(line_of(&t2, OTHER).ends_with("· ej påbörjad"), "{t2}");
}

#[test]
fn without_a_period_status_takes_the_next_one_due_by_the_workspaces_dates() {
    let sb = Sandbox::new();
    // The city's usual T1 date is 31 May; this workspace's is 8 May.
    let ws = workspace(&sb, "\"2025-T1\" = 2025-05-08\n\"2025-T2\" = 2025-10-15");
    let title = |day| {
        tertial::review::status::text(&ws, None, day)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(
        title((2025, 5, 8)).starts_with("Status 2025-T1 "),
        "{}",
        title((2025, 5, 8))
    );
    assert!(
        title((2025, 5, 9)).starts_with("Status 2025-T2 "),
        "{}",
        title((2025, 5, 9))
    );
    // Past the usual 30 September, before this workspace's 15 October.
    assert!(
        title((2025, 10, 1)).starts_with("Status 2025-T2 "),
        "{}",
        title((2025, 10, 1))
    );
    assert!(
        title((2025, 10, 16)).starts_with("Status 2025-VB "),
        "{}",
        title((2025, 10, 16))
    );
}

#[test]
fn a_bad_due_table_is_named_at_its_place() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "\"2025-T4\" = 2025-05-08");
    let out = status(&sb, &ws, OLSSON, &[]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    let line = std::fs::read_to_string(ws.join("tertial.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("\"2025-T4\""))
        .unwrap()
        + 1;
    assert!(
        said.contains(&format!("tertial.toml:{line}:1: [due]")),
        "{said}"
    );
}

#[test]
fn the_districts_document_shows_returned_and_approved_units() {
    let sb = Sandbox::new();
    let ws = workspace(&sb, "");
    record_klar(&sb, &ws, "Enligt plan.");
    review(&sb, &ws, &["--return", "--overall", "Se E2."]);
    let compile = || {
        let out = sb.run(&["compile", ws.to_str().unwrap(), "--period", PERIOD]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let not_done = |md: &str| {
        md.split("## Enheter som inte är klara")
            .nth(1)
            .unwrap()
            .split("\n## ")
            .next()
            .unwrap()
            .to_string()
    };
    let md = compile();
    assert!(
        not_done(&md).contains("| Beställarenhet 2 | aldreomsorg | återsänd |"),
        "{md}"
    );
    assert!(md.contains("**Beställarenhet 2 (återsänd)**"), "{md}");
    let overview = |format: &str| {
        let out = sb.run(&[
            "overview",
            ws.to_str().unwrap(),
            "--period",
            PERIOD,
            "--format",
            format,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let o = overview("md");
    assert!(o.contains("| Beställarenhet 2 | återsänd |"), "{o}");
    assert!(md.contains("0 godkända, 1 återsända"), "{md}");
    record_klar(&sb, &ws, "Enligt plan; E2 förklarad.");
    review(&sb, &ws, &["--approve"]);
    let md = compile();
    assert!(md.contains("**Beställarenhet 2 (godkänd)**"), "{md}");
    assert!(
        !not_done(&md).contains("Beställarenhet 2"),
        "an approved unit is done: {md}"
    );
    assert!(md.contains("1 godkända, 0 återsända"), "{md}");
    let o = overview("csv");
    assert!(
        o.contains(&format!("{UNIT},Beställarenhet 2,godkänd,")),
        "{o}"
    );
}
