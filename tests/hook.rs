//! The pre-receive hook on a local bare repository (git runs hooks for a
//! push to a path too): the pusher named as GitLab and Gitea name them, the
//! first push that creates the workspace, other branches, tertial's marks.
//! The same hook behind a real sshd: tests/e2e_server.rs.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROSTER: &str = r#"schema = 1

[people.anna]
name = "Anna Andersson"
emails = ["anna@example.invalid"]

[people.bertil]
name = "Bertil Berg"
emails = ["bertil@example.invalid"]

[people.ada]
name = "Ada Admin"
emails = ["ada@example.invalid"]

[units.bestallarenhet-2]
chiefs = ["anna"]

[units.hagersten-alvsjos-hemtjanst]
chiefs = ["bertil"]

[roles]
roster = ["ada"]
"#;

fn git(sb: &Sandbox, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("LANG", "sv_SE.UTF-8")
        .args([
            "-c",
            "user.name=Ada Admin",
            "-c",
            "user.email=ada@example.invalid",
        ])
        .args(args);
    for var in common_pushers() {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn common_pushers() -> [&'static str; 5] {
    [
        "TERTIAL_USER",
        "GL_USERNAME",
        "GITEA_PUSHER_NAME",
        "GITEA_PUSHER_EMAIL",
        "TERTIAL_LANG",
    ]
}

/// A workspace with the bundled plans and the roster, and an empty bare
/// repository with the hook installed.
fn setup(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let ws = sb.init_samples("ws");
    std::fs::write(ws.join("roster.toml"), ROSTER).unwrap();
    ok(git(sb, &ws, &[], &["add", "roster.toml"]));
    ok(git(sb, &ws, &[], &["commit", "-q", "-m", "Rollistan"]));
    let bare = sb.path().join("server.git");
    ok(git(
        sb,
        sb.path(),
        &[],
        &["init", "-q", "--bare", bare.to_str().unwrap()],
    ));
    let out = sb.run(&["hook", "install", bare.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (ws, bare)
}

fn record(sb: &Sandbox, ws: &Path, unit: &str, period: &str, author: &str) {
    let file = sb.path().join(format!("{unit}-{period}.toml"));
    std::fs::write(
        &file,
        format!("schema = 1\nunit = \"{unit}\"\nperiod = \"{period}\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\nsummary = \"Text\"\n"),
    )
    .unwrap();
    let out = sb.record(ws, unit, period, &file, author, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn push(
    sb: &Sandbox,
    ws: &Path,
    bare: &Path,
    env: &[(&str, &str)],
    spec: &[&str],
) -> (bool, String) {
    let mut args = vec!["push", bare.to_str().unwrap()];
    args.extend_from_slice(spec);
    let out = git(sb, ws, env, &args);
    (out.status.success(), text(&out.stderr))
}

#[test]
fn the_first_push_is_the_roster_keepers_and_a_chief_cannot_make_the_workspace() {
    let sb = Sandbox::new();
    let (ws, bare) = setup(&sb);
    let (pushed, said) = push(&sb, &ws, &bare, &[("GL_USERNAME", "anna")], &["main"]);
    assert!(!pushed, "{said}");
    assert!(said.contains("remote: tertial: pushen avvisas:"), "{said}");
    assert!(
        said.contains("Anna Andersson <anna@example.invalid> får inte ändra roster.toml; det får de som får ändra rollistan: Ada Admin <ada@example.invalid>"),
        "{said}"
    );
    // Without a name from the server: refused, and why.
    let (pushed, said) = push(&sb, &ws, &bare, &[], &["main"]);
    assert!(!pushed);
    assert!(
        said.contains("servern säger inte vem som skickar"),
        "{said}"
    );
    // A name the roster does not know.
    let (pushed, said) = push(&sb, &ws, &bare, &[("GL_USERNAME", "okand")], &["main"]);
    assert!(!pushed);
    assert!(
        said.contains("\"okand\" (servern säger det med GL_USERNAME) finns inte i roster.toml"),
        "{said}"
    );
    assert!(
        !git(&sb, &bare, &[], &["rev-parse", "--verify", "-q", "main"])
            .status
            .success()
    );

    let (pushed, said) = push(&sb, &ws, &bare, &[("GL_USERNAME", "ada")], &["main"]);
    assert!(pushed, "{said}");
    assert!(said.contains("tertial: pushen godkänns (ada;"), "{said}");
}

#[test]
fn gitea_names_the_pusher_by_e_mail_and_tertials_marks_only_go_forward() {
    let sb = Sandbox::new();
    let (ws, bare) = setup(&sb);
    assert!(push(&sb, &ws, &bare, &[("TERTIAL_USER", "ada")], &["main"]).0);
    record(
        &sb,
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        "Anna Andersson <anna@example.invalid>",
    );
    let bertil = [
        ("GITEA_PUSHER_NAME", "bberg"),
        ("GITEA_PUSHER_EMAIL", "BERTIL@example.invalid"),
        ("LANG", "en_GB.UTF-8"),
    ];
    let (pushed, said) = push(&sb, &ws, &bare, &bertil, &["main"]);
    assert!(!pushed, "{said}");
    assert!(
        said.contains("Bertil Berg <bertil@example.invalid> may not write the unit bestallarenhet-2 (followups/2025-T1/bestallarenhet-2.toml); Anna Andersson <anna@example.invalid> may"),
        "{said}"
    );
    // Another branch is not published: it is taken without judgement.
    let (pushed, said) = push(&sb, &ws, &bare, &bertil, &["main:refs/heads/utkast"]);
    assert!(pushed, "{said}");
    // ...and judged when it reaches main.
    let (pushed, _) = push(
        &sb,
        &ws,
        &bare,
        &bertil,
        &["refs/heads/main:refs/heads/main"],
    );
    assert!(!pushed);
    let anna = [("GITEA_PUSHER_NAME", "anna")];
    let (pushed, said) = push(&sb, &ws, &bare, &anna, &["main"]);
    assert!(pushed, "{said}");

    // The anchor: created, moved forward, never back, never deleted.
    let tip = text(&git(&sb, &ws, &[], &["rev-parse", "main"]).stdout)
        .trim()
        .to_string();
    let before = text(&git(&sb, &ws, &[], &["rev-parse", "main~1"]).stdout)
        .trim()
        .to_string();
    assert!(
        push(
            &sb,
            &ws,
            &bare,
            &anna,
            &[&format!("{before}:refs/tertial/anchor")]
        )
        .0
    );
    assert!(
        push(
            &sb,
            &ws,
            &bare,
            &anna,
            &[&format!("{tip}:refs/tertial/anchor")]
        )
        .0
    );
    let (pushed, said) = push(&sb, &ws, &bare, &anna, &["+main~1:refs/tertial/anchor"]);
    assert!(!pushed);
    assert!(said.contains("refs/tertial/anchor: "), "{said}");
    assert!(said.contains("skriva om publicerad historik"), "{said}");
    let (pushed, said) = push(&sb, &ws, &bare, &anna, &[":refs/tertial/anchor"]);
    assert!(!pushed);
    assert!(
        said.contains("refs/tertial/anchor får inte tas bort"),
        "{said}"
    );
    let anchor = text(&git(&sb, &bare, &[], &["rev-parse", "refs/tertial/anchor"]).stdout);
    assert_eq!(anchor.trim(), tip);
}

#[test]
fn a_klar_follow_up_changed_without_a_reopen_does_not_land() {
    let sb = Sandbox::new();
    let (ws, bare) = setup(&sb);
    assert!(push(&sb, &ws, &bare, &[("TERTIAL_USER", "ada")], &["main"]).0);
    let anna = [("TERTIAL_USER", "anna")];
    // A complete follow-up (klar needs every goal, indicator and activity).
    let mut body = String::from(
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\nsummary = \"Enligt plan.\"\n",
    );
    for g in 1..=6 {
        body.push_str(&format!(
            "[[goal]]\nid = \"E{g}\"\nrating = \"helt\"\nsummary = \"Klart\"\n"
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
    let file = sb.path().join("klar.toml");
    std::fs::write(&file, body).unwrap();
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &file,
        "Anna Andersson <anna@example.invalid>",
        &["--status", "klar"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (pushed, said) = push(&sb, &ws, &bare, &anna, &["main"]);
    assert!(pushed, "{said}");

    // Changed by hand afterwards, by its own chief, with the trailers typed.
    let path = "followups/2025-T1/bestallarenhet-2.toml";
    let body = std::fs::read_to_string(ws.join(path)).unwrap();
    std::fs::write(
        ws.join(path),
        body.replacen("Klart", "Ändrat i efterhand", 1),
    )
    .unwrap();
    ok(git(&sb, &ws, &[], &["add", path]));
    ok(git(
        &sb,
        &ws,
        &[],
        &[
            "-c",
            "user.name=Anna Andersson",
            "-c",
            "user.email=anna@example.invalid",
            "commit",
            "-q",
            "-m",
            "Uppföljning 2025-T1\n\nUnit: bestallarenhet-2\nPeriod: 2025-T1\nStatus: klar\nTool-Version: 0.1.0",
        ],
    ));
    let before = text(&git(&sb, &bare, &[], &["rev-parse", "main"]).stdout);
    let (pushed, said) = push(&sb, &ws, &bare, &anna, &["main"]);
    assert!(!pushed, "{said}");
    assert!(
        said.contains(&format!("{path} var klar och ändrades utan att återöppnas")),
        "{said}"
    );
    assert_eq!(
        text(&git(&sb, &bare, &[], &["rev-parse", "main"]).stdout),
        before
    );
}
