//! `tertial record` on a real workspace: what it commits, and how it
//! rejects malformed follow-up files.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};

fn workspace(sb: &Sandbox) -> PathBuf {
    sb.init_samples("ws")
}

fn record(
    sb: &Sandbox,
    ws: &Path,
    period: &str,
    body: &str,
    extra: &[&str],
) -> std::process::Output {
    record_in(sb, "sv", ws, period, body, extra)
}

/// `record` with TERTIAL_LANG set to `lang`.
fn record_in(
    sb: &Sandbox,
    lang: &str,
    ws: &Path,
    period: &str,
    body: &str,
    extra: &[&str],
) -> std::process::Output {
    let file = sb.path().join(format!("f-{}.toml", body.len()));
    std::fs::write(&file, body).unwrap();
    let mut args = vec![
        "record",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        period,
        "--from",
        file.to_str().unwrap(),
        "--author",
        "Anna Chef <anna@example.invalid>",
    ];
    args.extend_from_slice(extra);
    sb.cmd()
        .env("TERTIAL_LANG", lang)
        .args(&args)
        .output()
        .unwrap()
}

const GOOD: &str = r#"schema = 1
unit = "bestallarenhet-2"
period = "2025-T1"

[[goal]]
id = "E2"
rating = "delvis"
summary = "Målet bedöms nås delvis; elbilen används för sällan."
analysis = ["Sopsortering fungerar.", "Elbilen används två gånger i månaden."]

[[goal.deviation]]
what = "Elbilen används mindre än planerat"
link = "R2"
cause = "Bokningen är krånglig"
measure = "Bokning i förväg på APT"
responsible = "Områdeschef"
due = 2025-06-30

[[indicator]]
id = "I3"
total = 8.2
women = 8.6
men = 5.2

[[activity]]
id = "A5"
status = "pågår"
analysis = "Workshops har hållits."
"#;

#[test]
fn a_valid_file_is_committed_with_message_trailers_and_content() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let out = record(&sb, &ws, "2025-T1", GOOD, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("bestallarenhet-2 2025-T1 utkast"));

    let repo = git2::Repository::open(&ws).unwrap();
    let commit = repo.head().unwrap().peel_to_commit().unwrap();
    let msg = commit.message().unwrap();
    assert!(
        msg.starts_with("Uppföljning 2025-T1: Beställarenhet 2 (utkast)\n\n"),
        "{msg}"
    );
    assert!(
        msg.contains("E2 ◐ Bedöms uppfyllas delvis (1 avvikelse)"),
        "{msg}"
    );
    assert!(msg.contains("E1 ? Saknar bedömning"), "{msg}");
    assert!(
        msg.ends_with(
            "\n\nUnit: bestallarenhet-2\nPeriod: 2025-T1\nStatus: utkast\nTool-Version: 0.1.0\n"
        ),
        "{msg}"
    );
    assert_eq!(commit.author().name().unwrap(), "Anna Chef");

    let tree = commit.tree().unwrap();
    let entry = tree
        .get_path(Path::new("followups/2025-T1/bestallarenhet-2.toml"))
        .unwrap();
    let blob = repo.find_blob(entry.id()).unwrap();
    let content = std::str::from_utf8(blob.content()).unwrap();
    for needle in [
        "Elbilen används två gånger i månaden.",
        "measure = \"Bokning i förväg på APT\"",
        "due = 2025-06-30",
        "total = 8.2",
        "status = \"pågår\"",
    ] {
        assert!(content.contains(needle), "{needle} in\n{content}");
    }
    // Git's own checks accept the history and plain git reads it.
    let fsck = std::process::Command::new("git")
        .args(["fsck", "--strict"])
        .current_dir(&ws)
        .output()
        .unwrap();
    assert!(fsck.status.success(), "{}", text(&fsck.stderr));
    let trailers = std::process::Command::new("git")
        .args(["log", "-1", "--format=%(trailers:key=Status,valueonly)"])
        .current_dir(&ws)
        .output()
        .unwrap();
    assert_eq!(text(&trailers.stdout).trim(), "utkast");
    // The working tree and index are brought in step with the commit right
    // after it (in the background), for people who use plain git.
    let clean = (0..200).any(|_| {
        let status = std::process::Command::new("git")
            .args(["status", "--porcelain"])
            .current_dir(&ws)
            .output()
            .unwrap();
        if status.stdout.is_empty() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        false
    });
    assert!(clean, "git status never became clean");
    let on_disk =
        std::fs::read_to_string(ws.join("followups/2025-T1/bestallarenhet-2.toml")).unwrap();
    assert_eq!(on_disk, content);
}

/// The start of a T1 file with its Sammanfattande analys.
fn header_with_summary() -> String {
    "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\nsummary = \"Året går enligt plan.\"\n"
        .to_string()
}

/// A status for each of the plan's eight activities.
fn activities() -> String {
    (1..=8)
        .map(|i| format!("\n[[activity]]\nid = \"A{i}\"\nstatus = \"pågår\"\n"))
        .collect()
}

#[test]
fn klar_needs_an_analysis_of_every_rated_goal_unless_the_workspace_turns_it_off() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    // Every goal helt, without a word: not klar by the city's rules.
    let mut bare = String::from("schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n");
    for g in ["E1", "E2", "E3", "E4", "E5", "E6"] {
        bare.push_str(&format!("\n[[goal]]\nid = \"{g}\"\nrating = \"helt\"\n"));
    }
    bare.push_str("\n[[goal.deviation]]\nwhat = \"X\"\nmeasure = \"Y\"\ndue = 2025-03-01\n");
    bare.push_str(
        "\n[[indicator]]\nid = \"I3\"\ntotal = 8.2\n\n[[indicator]]\nid = \"I4\"\nno_data = true\n",
    );
    let out = record(&sb, &ws, "2025-T1", &bare, &["--status", "klar"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    for expected in [
        "analysis-missing E1",
        "analysis-missing E6",
        "activity-status-missing A1",
        "summary-missing enhet",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    // Warnings by default: they do not block.
    assert!(!err.contains("link-missing"), "{err}");
    assert!(!err.contains("due-past"), "{err}");

    // A workspace that turns those off (and makes a missing link block).
    let marker = ws.join("tertial.toml");
    let mut rules = std::fs::read_to_string(&marker).unwrap();
    rules.push_str("\n[klar]\nanalysis-missing = \"off\"\nactivity-status-missing = \"off\"\nsummary-missing = \"off\"\nlink-missing = \"block\"\n");
    std::fs::write(&marker, &rules).unwrap();
    let out = record(&sb, &ws, "2025-T1", &bare, &["--status", "klar"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("link-missing E6/1"), "{err}");
    assert!(!err.contains("analysis-missing"), "{err}");
    let linked = bare.replace("what = \"X\"", "what = \"X\"\nlink = \"R1\"");
    let out = record(&sb, &ws, "2025-T1", &linked, &["--status", "klar"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A level that is not one is an error, never a silent default.
    std::fs::write(&marker, rules.replace("= \"block\"", "= \"maybe\"")).unwrap();
    let out = record(&sb, &ws, "2025-T1", &linked, &["--status", "klar"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("link-missing"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn klar_is_refused_while_lints_are_open_and_accepted_with_waivers() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let out = record(&sb, &ws, "2025-T1", GOOD, &["--status", "klar"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("rating-missing E1"), "{err}");
    assert!(err.contains("outcome-missing I4"), "{err}");
    assert!(
        !err.contains("outcome-missing I1"),
        "yearly indicators are not due in T1: {err}"
    );
    let repo = git2::Repository::open(&ws).unwrap();
    assert_eq!(
        repo.head()
            .unwrap()
            .peel_to_commit()
            .unwrap()
            .parent_count(),
        0,
        "nothing committed"
    );

    let mut full = header_with_summary();
    for g in ["E1", "E3", "E4", "E5", "E6"] {
        full.push_str(&format!(
            "\n[[goal]]\nid = \"{g}\"\nrating = \"helt\"\nsummary = \"Nås.\"\n"
        ));
    }
    full.push_str("\n[[goal]]\nid = \"E2\"\nrating = \"inte\"\nsummary = \"Nej.\"\n\n[[goal.deviation]]\nwhat = \"X\"\nmeasure = \"Y\"\n");
    full.push_str(&activities());
    full.push_str("\n[[indicator]]\nid = \"I3\"\ntotal = 8.2\n\n[[waiver]]\nlint = \"outcome-missing\"\ntarget = \"I4\"\nreason = \"Kommer i maj\"\n");
    let out = record(&sb, &ws, "2025-T1", &full, &["--status", "klar"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let msg = repo
        .head()
        .unwrap()
        .peel_to_commit()
        .unwrap()
        .message()
        .unwrap()
        .to_string();
    assert!(
        msg.contains("(klar)") && msg.contains("Status: klar"),
        "{msg}"
    );
    assert!(msg.contains("outcome-missing I4: Kommer i maj"), "{msg}");
}

/// (name, file, expected "line:col", expected message part)
const MALFORMED: &[(&str, &str, &str, &str)] = &[
    (
        "syntax",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]\nid = \"E1\"\n",
        ":4:",
        "expected",
    ),
    (
        "unknown goal",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E9\"\n",
        ":5:6:",
        "no enhetsmål \"E9\"",
    ),
    (
        "bad rating",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\nrating = \"ganska\"\n",
        ":6:10:",
        "helt",
    ),
    (
        "too many points",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E3\"\nanalysis = [\"a\", \"b\"]\n",
        ":6:12:",
        "expected at most 1",
    ),
    (
        "bad link",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E3\"\n[[goal.deviation]]\nwhat = \"x\"\nlink = \"R7\"\n",
        ":8:8:",
        "R1..R1",
    ),
    (
        "split by sex",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[indicator]]\nid = \"I1\"\nwomen = 3.0\n",
        ":6:9:",
        "not split by sex",
    ),
    (
        "no data and value",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[indicator]]\nid = \"I1\"\ntotal = 3.0\nno_data = true\n",
        ":7:11:",
        "both",
    ),
    (
        "other unit",
        "schema = 1\nunit = \"annan\"\nperiod = \"2025-T1\"\n",
        ":2:8:",
        "not this plan's unit",
    ),
    (
        "bad period",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T4\"\n",
        ":3:10:",
        "YEAR-T1",
    ),
    (
        "bad activity status",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[activity]]\nid = \"A1\"\nstatus = \"klart\"\n",
        ":6:10:",
        "genomförd",
    ),
    (
        "unknown key",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\nbetyg = 3\n",
        ":6:1:",
        "unknown key",
    ),
    (
        "unknown lint",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[waiver]]\nlint = \"x\"\ntarget = \"E1\"\nreason = \"r\"\n",
        ":5:8:",
        "unknown lint",
    ),
    (
        "bad date",
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\n[[goal.deviation]]\nwhat = \"x\"\ndue = 2025-02-30\n",
        ":8:7:",
        "day",
    ),
];

/// The same files' diagnostics in the default language.
const MALFORMED_SV: &[(&str, &str)] = &[
    ("syntax", "fel: listtabellen är inte stängd; förväntade `]`"),
    (
        "unknown goal",
        "fel: enhetsmålet \"E9\" finns inte i planen",
    ),
    ("too many points", "förväntade högst 1"),
    ("split by sex", "är inte uppdelad på kön i planen"),
    ("unknown key", "okänd nyckel `betyg`; förväntade en av"),
    ("unknown lint", "okänd anmärkning \"x\""),
];

#[test]
fn malformed_files_are_reported_in_swedish_by_default() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    for (name, part) in MALFORMED_SV {
        let body = MALFORMED
            .iter()
            .find(|(n, ..)| n == name)
            .map(|(_, body, ..)| *body)
            .unwrap();
        let out = record(&sb, &ws, "2025-T1", body, &[]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(part), "{name}: expected {part:?} in\n{err}");
        assert!(!err.contains("error:"), "{name}: {err}");
    }
}

#[test]
fn malformed_files_are_rejected_with_line_and_column_and_nothing_is_committed() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let repo = git2::Repository::open(&ws).unwrap();
    let before = repo.head().unwrap().target().unwrap();
    for (name, body, at, part) in MALFORMED {
        let out = record_in(&sb, "en", &ws, "2025-T1", body, &[]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(at), "{name}: expected position {at} in\n{err}");
        assert!(err.contains(part), "{name}: expected {part:?} in\n{err}");
    }
    assert_eq!(
        repo.head().unwrap().target().unwrap(),
        before,
        "nothing was committed"
    );
}

#[test]
fn mismatched_period_and_missing_identity_are_explained() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let out = record(&sb, &ws, "2025-T2", GOOD, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("filen gäller 2025-T1 men --period är 2025-T2"));

    let file = sb.path().join("good.toml");
    std::fs::write(&file, GOOD).unwrap();
    let out = sb.run(&[
        "record",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--from",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("ingen git-identitet"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_status_flow_is_utkast_klar_reopened_with_a_reason() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let mut full = header_with_summary();
    for g in ["E1", "E2", "E3", "E4", "E5", "E6"] {
        full.push_str(&format!(
            "\n[[goal]]\nid = \"{g}\"\nrating = \"helt\"\nsummary = \"Nås.\"\n"
        ));
    }
    full.push_str(&activities());
    full.push_str(
        "\n[[indicator]]\nid = \"I3\"\ntotal = 8.2\n\n[[indicator]]\nid = \"I4\"\nno_data = true\n",
    );
    assert!(
        record(&sb, &ws, "2025-T1", &full, &["--status", "utkast"])
            .status
            .success()
    );
    assert!(
        record(&sb, &ws, "2025-T1", &full, &["--status", "klar"])
            .status
            .success()
    );
    let repo = git2::Repository::open(&ws).unwrap();
    let klar = repo.head().unwrap().target().unwrap();

    // Once klar, any change is refused until it is reopened.
    let changed = full.replacen("rating = \"helt\"\nsummary = \"Nås.\"", "rating = \"delvis\"\nsummary = \"Ny bedömning\"\n[[goal.deviation]]\nwhat = \"x\"\nmeasure = \"y\"", 1);
    for status in ["utkast", "klar"] {
        let out = record(&sb, &ws, "2025-T1", &changed, &["--status", status]);
        assert_eq!(out.status.code(), Some(2), "{status}");
        assert!(
            text(&out.stderr).contains("är klar; återöppna den med en skriven motivering"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(
        repo.head().unwrap().target().unwrap(),
        klar,
        "nothing committed"
    );
    let out = record(&sb, &ws, "2025-T1", &changed, &["--reopen", "  "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("kräver en skriven motivering"));

    let out = record(
        &sb,
        &ws,
        "2025-T1",
        &changed,
        &["--reopen", "Ny statistik från controllern"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let msg = repo
        .head()
        .unwrap()
        .peel_to_commit()
        .unwrap()
        .message()
        .unwrap()
        .to_string();
    assert!(
        msg.starts_with("Uppföljning 2025-T1: Beställarenhet 2 (återöppnad)"),
        "{msg}"
    );
    assert!(
        msg.contains("\n\nÅteröppnad: Ny statistik från controllern\n\n"),
        "{msg}"
    );
    assert!(msg.ends_with("Status: återöppnad\nTool-Version: 0.1.0\nReopen-Reason: Ny statistik från controllern\n"), "{msg}");
    // After reopening it can be changed and made klar again.
    assert!(
        record(&sb, &ws, "2025-T1", &changed, &["--status", "klar"])
            .status
            .success()
    );
    // Reopening something not klar is refused.
    let out = record(
        &sb,
        &ws,
        "2025-T2",
        &full.replace("2025-T1", "2025-T2"),
        &["--reopen", "why"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bara en uppföljning som är klar kan återöppnas"));
    // The log shows each step with its status.
    let out = sb.run(&[
        "log",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
    ]);
    let log = text(&out.stdout);
    let statuses: Vec<&str> = log
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.rsplit("  ").next().unwrap())
        .collect();
    assert_eq!(
        statuses,
        vec!["utkast", "klar", "återöppnad", "klar"],
        "{log}"
    );
    assert!(log.contains("    E1: helt → delvis"), "{log}");
}

/// A script's next line after `record` is plain git: the index already
/// holds the new follow-up when `record` returns, so a `git commit` made at
/// once commits the script's own file and never the follow-up's deletion.
#[test]
fn a_plain_git_commit_right_after_record_keeps_the_follow_up() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let out = record(&sb, &ws, "2025-T1", GOOD, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::write(ws.join("notes.txt"), "anteckning\n").unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(&ws)
            .env("HOME", sb.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Skript")
            .env("GIT_AUTHOR_EMAIL", "skript@example.invalid")
            .env("GIT_COMMITTER_NAME", "Skript")
            .env("GIT_COMMITTER_EMAIL", "skript@example.invalid")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    assert_eq!(git(&["status", "--porcelain", "--", "followups"]), "");
    git(&["add", "notes.txt"]);
    git(&["commit", "-q", "-m", "notes"]);
    let files = git(&["show", "--name-status", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "A\tnotes.txt", "{files}");
    let tree = git(&["ls-tree", "-r", "--name-only", "HEAD"]);
    assert!(
        tree.contains("followups/2025-T1/bestallarenhet-2.toml"),
        "{tree}"
    );
}

/// `tertial log --unit` keeps what each commit said per goal beside the
/// history index; the log reads the same from that file, and the same
/// again when the file is damaged (it is read from git then).
#[test]
fn the_log_reads_the_same_from_its_kept_goal_states_and_from_git() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    assert!(record(&sb, &ws, "2025-T1", GOOD, &[]).status.success());
    let changed = GOOD
        .replace("rating = \"delvis\"", "rating = \"inte\"")
        .replace("sällan.", "sällan, och inte mer.");
    let out = record(&sb, &ws, "2025-T1", &changed, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let log = || {
        let out = sb
            .cmd()
            .args(["log", ws.to_str().unwrap(), "--unit", "bestallarenhet-2"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let first = log();
    assert!(first.contains("E2: – → delvis"), "{first}");
    assert!(first.contains("E2: delvis → inte"), "{first}");
    let kept = ws.join(".tertial/goal-states/bestallarenhet-2.tsv");
    let states = std::fs::read_to_string(&kept).unwrap();
    assert_eq!(
        states.lines().count(),
        3,
        "a header and two commits: {states}"
    );
    assert_eq!(log(), first);
    std::fs::write(&kept, "# tertial goal states v1\nnot a commit\n").unwrap();
    assert_eq!(log(), first);
}
