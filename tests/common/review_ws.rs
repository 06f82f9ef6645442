//! A workspace with a roster for the review tests: a unit chief, an
//! area chief and an administrator, the commands they run, and the
//! forged files an attacker commits by hand.
#![allow(dead_code)]

use super::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tertial::followup::Period;
use tertial::review::{self, FlowState};

pub const UNIT: &str = "bestallarenhet-2";
pub const PERIOD: &str = "2025-T1";
pub const FOLLOWUP: &str = "followups/2025-T1/bestallarenhet-2.toml";
pub const REVIEW: &str = "reviews/2025-T1/bestallarenhet-2.toml";

pub const ROSTER: &str = r#"schema = 1

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
units = ["bestallarenhet-2"]

[roles]
roster = ["admin"]
chiefs_reopen = false
"#;

pub const CHEF: (&str, &str) = ("Chef Karlsson", "chef@example.invalid");
pub const OLSSON: (&str, &str) = ("Områdeschef Olsson", "olsson@example.invalid");
pub const ADMIN: (&str, &str) = ("Admin", "admin@example.invalid");

pub fn author(who: (&str, &str)) -> String {
    format!("{} <{}>", who.0, who.1)
}

pub fn git_as(sb: &Sandbox, dir: &Path, who: (&str, &str), args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LANG", "sv_SE.UTF-8")
        .env_remove("GL_USERNAME")
        .env_remove("TERTIAL_USER")
        .env_remove("GITEA_PUSHER_NAME")
        .env_remove("GITEA_PUSHER_EMAIL")
        .args(["-c", &format!("user.name={}", who.0)])
        .args(["-c", &format!("user.email={}", who.1)])
        .args(args)
        .output()
        .unwrap()
}

pub fn git_ok(sb: &Sandbox, dir: &Path, who: (&str, &str), args: &[&str]) -> String {
    let out = git_as(sb, dir, who, args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

pub fn workspace(sb: &Sandbox) -> PathBuf {
    let ws = sb.init_samples("ws");
    std::fs::write(ws.join("roster.toml"), ROSTER).unwrap();
    git_ok(sb, &ws, ADMIN, &["add", "roster.toml"]);
    git_ok(sb, &ws, ADMIN, &["commit", "-qm", "Rollistan"]);
    ws
}

/// A follow-up that passes the klar lints, as `record` commits it.
pub fn record(sb: &Sandbox, ws: &Path, who: (&str, &str), summary: &str, extra: &[&str]) -> Output {
    let file = sb.path().join("f.toml");
    let body = super::history::complete_followup(UNIT, PERIOD, "delvis").replace(
        "summary = \"Enligt plan.\"",
        &format!("summary = \"{summary}\""),
    );
    std::fs::write(&file, body).unwrap();
    sb.record(ws, UNIT, PERIOD, &file, &author(who), extra)
}

pub fn record_ok(sb: &Sandbox, ws: &Path, summary: &str, extra: &[&str]) {
    let out = record(sb, ws, CHEF, summary, extra);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

pub fn review_cli(sb: &Sandbox, ws: &Path, who: (&str, &str), args: &[&str]) -> Output {
    let mut all = vec![
        "review",
        ws.to_str().unwrap(),
        "--unit",
        UNIT,
        "--period",
        PERIOD,
        "--author",
    ];
    let a = author(who);
    all.push(&a);
    all.extend_from_slice(args);
    sb.run(&all)
}

pub fn state(ws: &Path) -> FlowState {
    let repo = tertial::repo::open(ws).unwrap();
    review::read::state_at_tip(&repo, "main", period(), UNIT).unwrap()
}

pub fn period() -> Period {
    PERIOD.parse().unwrap()
}

pub fn verify(sb: &Sandbox, ws: &Path) -> (Option<i32>, String) {
    let out = sb.run(&["verify", ws.to_str().unwrap()]);
    (out.status.code(), text(&out.stdout))
}

pub fn head(sb: &Sandbox, ws: &Path) -> String {
    git_ok(sb, ws, ADMIN, &["rev-parse", "--short=10", "HEAD"])
        .trim()
        .to_string()
}

pub fn tip_file(ws: &Path, path: &str) -> Option<String> {
    let repo = tertial::repo::open(ws).unwrap();
    tertial::repo::read::file_at_tip(&repo, "main", path)
        .unwrap()
        .map(|b| String::from_utf8(b).unwrap())
}

/// A review file as a forger writes it by hand.
pub fn forged_review(outcome: &str, reviewer: &str, reviewed: &str) -> String {
    format!(
        "schema = 1\nunit = \"{UNIT}\"\nperiod = \"{PERIOD}\"\noutcome = \"{outcome}\"\nreviewer = \"{reviewer}\"\nreviewed = \"{reviewed}\"\noverall = \"\"\n"
    )
}

pub fn blob_at_head(sb: &Sandbox, ws: &Path) -> String {
    git_ok(sb, ws, ADMIN, &["rev-parse", &format!("HEAD:{FOLLOWUP}")])
        .trim()
        .to_string()
}

pub fn commit_file(
    sb: &Sandbox,
    ws: &Path,
    who: (&str, &str),
    path: &str,
    body: &str,
    msg: &str,
) -> String {
    let full = ws.join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(&full, body).unwrap();
    git_ok(sb, ws, who, &["add", path]);
    git_ok(sb, ws, who, &["commit", "-qm", msg]);
    head(sb, ws)
}
