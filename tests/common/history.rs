//! Helpers for tests of the history rules: a follow-up complete enough to
//! be committed as klar, plain git run as a named person, waiting for the
//! working tree to settle after a commit, and `tertial verify`.

use super::{Sandbox, text};
use std::path::Path;
use std::process::Command;

/// A follow-up of a bundled sample unit (`bestallarenhet-2`'s plan) that
/// may be committed as klar: E1 rated `rating` with an analysis and a
/// deviation, the other goals helt with an analysis, the tertial
/// indicators answered, every activity's status, the summary.
pub fn complete_followup(unit: &str, period: &str, rating: &str) -> String {
    let mut body = format!(
        "schema = 1\nunit = \"{unit}\"\nperiod = \"{period}\"\nsummary = \"Enligt plan.\"\n"
    );
    body.push_str(&format!("[[goal]]\nid = \"E1\"\nrating = \"{rating}\"\nsummary = \"Analys.\"\n[[goal.deviation]]\nwhat = \"X\"\nmeasure = \"Y\"\n"));
    for g in ["E2", "E3", "E4", "E5", "E6"] {
        body.push_str(&format!(
            "[[goal]]\nid = \"{g}\"\nrating = \"helt\"\nsummary = \"Nås.\"\n"
        ));
    }
    body.push_str(
        "[[indicator]]\nid = \"I3\"\ntotal = 8.2\n[[indicator]]\nid = \"I4\"\nno_data = true\n",
    );
    for i in 1..=8 {
        body.push_str(&format!(
            "[[activity]]\nid = \"A{i}\"\nstatus = \"pågår\"\n"
        ));
    }
    body
}

/// Plain git in `dir` as `who` (name, e-mail), with the sandbox's
/// environment; asserts that it succeeds and returns its output.
pub fn git_as(sb: &Sandbox, dir: &Path, who: (&str, &str), args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("FILTER_BRANCH_SQUELCH_WARNING", "1")
        .args(["-c", &format!("user.name={}", who.0)])
        .args(["-c", &format!("user.email={}", who.1)])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// Waits until `git status` shows a clean tree and no index lock: the
/// state every commit of tertial's leaves (a deadline for that state, not
/// a measure of time).
pub fn wait_clean(sb: &Sandbox, ws: &Path) {
    let who = ("Test", "test@example.invalid");
    for _ in 0..200 {
        if git_as(sb, ws, who, &["status", "--porcelain"]).is_empty()
            && !ws.join(".git/index.lock").exists()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("working tree never clean");
}

/// The short id of HEAD.
pub fn head(sb: &Sandbox, ws: &Path) -> String {
    git_as(
        sb,
        ws,
        ("Test", "test@example.invalid"),
        &["rev-parse", "--short=10", "HEAD"],
    )
    .trim()
    .to_string()
}

/// `tertial verify ws extra…`: its exit code and standard output.
pub fn verify(sb: &Sandbox, ws: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["verify", ws.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = sb.run(&args);
    (out.status.code(), text(&out.stdout))
}

/// Whether ssh-keygen can be run here.
pub fn ssh_keygen() -> bool {
    Command::new("ssh-keygen").arg("-?").output().is_ok()
}
