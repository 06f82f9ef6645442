//! The roster refuses before any typing: the program opens a unit the user
//! may not write read-only and says who may; `tertial record` refuses
//! before reading the file. And `check_range`, the rules a server hook
//! applies to a pushed range, judges only that range.

mod common;
use common::pty::Pty;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::Command;

const ROSTER: &str = r#"schema = 1

[people.chef]
name = "Chef Cederholm"
emails = ["chef@example.invalid"]

[people.omrade]
name = "Områdeschef Olsson"
emails = ["olsson@example.invalid"]

[people.admin]
name = "Admin"
emails = ["admin@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["chef"]

[areas.aldreomsorg]
chiefs = ["omrade"]
units = ["bestallarenhet-2"]

[roles]
roster = ["admin"]
chiefs_reopen = false
"#;

fn git(ws: &Path, sb: &Sandbox, args: &[&str]) -> String {
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

fn workspace(sb: &Sandbox) -> PathBuf {
    let ws = sb.init_samples("ws");
    std::fs::write(ws.join("roster.toml"), ROSTER).unwrap();
    git(&ws, sb, &["add", "roster.toml"]);
    git(&ws, sb, &["commit", "-qm", "Förteckning"]);
    ws
}

fn open(ws: &Path, author: &str) -> Vec<String> {
    [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--author",
        author,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn the_program_opens_a_unit_the_user_may_not_write_read_only_and_says_who_may() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let a = open(&ws, "Mallory <m@example.invalid>");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut p = Pty::spawn(sb.pty_cmd(&a), 220, 30);
    p.wait_for("Mål 1 av 6");
    p.wait_for("[skrivskyddad]");
    p.wait_for("Mallory <m@example.invalid> står inte i roster.toml och får inte skriva bestallarenhet-2; det får: Chef Cederholm <chef@example.invalid>, Områdeschef Olsson <olsson@example.invalid>");
    // Typing changes nothing.
    p.send("1");
    p.wait_for("Skrivskyddad");
    p.send("\x11");
    assert_eq!(p.wait_exit(), 0);
    assert!(
        !ws.join(".tertial/drafts").exists()
            || std::fs::read_dir(ws.join(".tertial/drafts"))
                .unwrap()
                .next()
                .is_none()
    );

    // The unit's chief writes it.
    let a = open(&ws, "Chef Cederholm <chef@example.invalid>");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut p = Pty::spawn(sb.pty_cmd(&a), 220, 30);
    p.wait_for("Mål 1 av 6");
    p.send("1");
    p.wait_for("● Bedöms uppfyllas helt");
    assert!(!p.screen().contains("skrivskyddad"), "{}", p.screen());
    p.send("\x11");
    let _ = p.wait_exit();
}

fn followup(sb: &Sandbox, status: &str) -> PathBuf {
    let file = sb.path().join("f.toml");
    std::fs::write(
        &file,
        format!(
            "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\nstatus = \"{status}\"\n"
        ),
    )
    .unwrap();
    file
}

#[test]
fn record_refuses_before_reading_the_file_and_names_who_may() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    // The file does not even exist: the refusal comes first.
    let missing = sb.path().join("finns-inte.toml");
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &missing,
        "Mallory <m@example.invalid>",
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("Mallory <m@example.invalid> står inte i roster.toml och får inte skriva bestallarenhet-2; det får: Chef Cederholm <chef@example.invalid>, Områdeschef Olsson <olsson@example.invalid>"),
        "{err}"
    );
    assert!(!err.contains("finns-inte"), "{err}");
    // A unit the roster does not name: nobody may.
    let out = sb.record(
        &ws,
        "hagerstens-hemtjanst",
        "2026-T1",
        &missing,
        "Chef Cederholm <chef@example.invalid>",
        &[],
    );
    assert!(
        text(&out.stderr).contains("ingen: enheten finns inte i roster.toml"),
        "{}",
        text(&out.stderr)
    );

    // The chief and the area chief may; nothing was committed before.
    let before = git(&ws, &sb, &["rev-list", "--count", "main"]);
    let file = followup(&sb, "utkast");
    for who in [
        "Chef Cederholm <chef@example.invalid>",
        "Områdeschef Olsson <olsson@example.invalid>",
    ] {
        let out = sb.record(&ws, "bestallarenhet-2", "2025-T1", &file, who, &[]);
        assert!(out.status.success(), "{who}: {}", text(&out.stderr));
    }
    let after = git(&ws, &sb, &["rev-list", "--count", "main"]);
    assert_eq!(
        after.trim().parse::<u32>().unwrap(),
        before.trim().parse::<u32>().unwrap() + 2
    );
}

#[test]
fn who_may_reopen_comes_from_the_roster() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let marker = ws.join("tertial.toml");
    // Nothing blocks klar for this small file.
    let mut t = std::fs::read_to_string(&marker).unwrap();
    t.push_str("\n[klar]\n");
    for code in [
        "rating-missing",
        "analysis-missing",
        "reason-missing",
        "deviation-missing",
        "measure-missing",
        "link-missing",
        "due-past",
        "outcome-missing",
        "activity-status-missing",
        "summary-missing",
        "economy-analysis-missing",
    ] {
        t.push_str(&format!("{code} = \"off\"\n"));
    }
    std::fs::write(&marker, &t).unwrap();
    git(&ws, &sb, &["commit", "-qam", "Regler"]);
    let file = followup(&sb, "klar");
    let chef = "Chef Cederholm <chef@example.invalid>";
    let out = sb.record(&ws, "bestallarenhet-2", "2025-T1", &file, chef, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // chiefs_reopen = false: the chief may not reopen, the area chief may.
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &file,
        chef,
        &["--reopen", "rättelse"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("får inte återöppna bestallarenhet-2; det får: Områdeschef Olsson <olsson@example.invalid>"),
        "{}",
        text(&out.stderr)
    );
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &file,
        "Områdeschef Olsson <olsson@example.invalid>",
        &["--reopen", "rättelse"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn check_range_judges_only_the_pushed_commits_by_their_parents_roster() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let good = followup(&sb, "utkast");
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &good,
        "Chef Cederholm <chef@example.invalid>",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let old: String = git(&ws, &sb, &["rev-parse", "main"]).trim().to_string();
    // A plain commit by someone off the roster, then one by the chief.
    let path = ws.join("followups/2025-T1/bestallarenhet-2.toml");
    for _ in 0..100 {
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let mut t = std::fs::read_to_string(&path).unwrap();
    t.push_str("summary = \"Ändrad.\"\n");
    let tree_file = sb.path().join("edit.toml");
    std::fs::write(&tree_file, &t).unwrap();
    let blob = git(
        &ws,
        &sb,
        &["hash-object", "-w", tree_file.to_str().unwrap()],
    )
    .trim()
    .to_string();
    git(
        &ws,
        &sb,
        &[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("100644,{blob},followups/2025-T1/bestallarenhet-2.toml"),
        ],
    );
    let tree = git(&ws, &sb, &["write-tree"]).trim().to_string();
    let out = Command::new("git")
        .current_dir(&ws)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Mallory")
        .env("GIT_AUTHOR_EMAIL", "m@example.invalid")
        .env("GIT_COMMITTER_NAME", "Mallory")
        .env("GIT_COMMITTER_EMAIL", "m@example.invalid")
        .args(["commit-tree", &tree, "-p", &old, "-m", "Ändrad"])
        .output()
        .unwrap();
    let new = text(&out.stdout).trim().to_string();
    let repo = tertial::repo::open(&ws).unwrap();
    let opts = tertial::history::verify::VerifyOptions::default();
    let (old, new): (tertial::repo::Oid, tertial::repo::Oid) =
        (old.parse().unwrap(), new.parse().unwrap());
    let findings = tertial::history::verify::check_range(&repo, Some(old), new, &opts);
    let off_roster: Vec<_> = findings
        .iter()
        .filter_map(|f| match f {
            tertial::history::verify::Finding::NotOnRoster { unit, writers, .. } => {
                Some((unit.clone(), writers.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        off_roster,
        [(
            "bestallarenhet-2".to_string(),
            "Chef Cederholm <chef@example.invalid>, Områdeschef Olsson <olsson@example.invalid>"
                .to_string()
        )],
        "{findings:?}"
    );
    // The range before it is clean: nothing outside old..new is judged.
    assert!(tertial::history::verify::check_range(&repo, Some(old), old, &opts).is_empty());
}
