//! Sharing through a remote: two workspaces and a bare repository; each
//! side's follow-ups arrive at the other; the same unit and period changed
//! on both sides is a conflict that changes nothing until the chief
//! chooses, and then nothing is lost from the history.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(sb: &Sandbox, dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=Test", "-c", "user.email=t@example.invalid"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn record(sb: &Sandbox, ws: &Path, unit: &str, period: &str, summary: &str, who: &str) {
    let file = sb.path().join(format!("{who}-{unit}-{period}.toml"));
    std::fs::write(&file, format!("schema = 1\nunit = \"{unit}\"\nperiod = \"{period}\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\nsummary = \"{summary}\"\n")).unwrap();
    let out = sb.record(
        ws,
        unit,
        period,
        &file,
        &format!("{who} <{who}@example.invalid>"),
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn sync(sb: &Sandbox, ws: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["sync", ws.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = sb.run(&args);
    (
        out.status.code(),
        format!("{}{}", text(&out.stdout), text(&out.stderr)),
    )
}

/// Workspace `a` with the bundled plans, a bare remote made from it (its
/// `origin`), and workspace `b` cloned from that remote.
fn two_clones(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let a = sb.init_samples("a");
    let remote = sb.path().join("remote.git");
    let remote_arg = remote.to_str().unwrap();
    git(
        sb,
        sb.path(),
        &["clone", "-q", "--bare", a.to_str().unwrap(), remote_arg],
    );
    git(sb, &a, &["remote", "add", "origin", remote_arg]);
    let b = sb.workspace("b");
    git(
        sb,
        sb.path(),
        &["clone", "-q", remote_arg, b.to_str().unwrap()],
    );
    (a, b)
}

fn file_at(sb: &Sandbox, ws: &Path, path: &str) -> String {
    git(sb, ws, &["show", &format!("main:{path}")])
}

#[test]
fn two_workspaces_share_follow_ups_and_a_same_unit_conflict_loses_nothing() {
    let sb = Sandbox::new();
    let (a, b) = two_clones(&sb);

    // Different units on each side never conflict.
    record(&sb, &a, "bestallarenhet-2", "2025-T1", "Från A", "anna");
    record(
        &sb,
        &b,
        "hagersten-alvsjos-hemtjanst",
        "2025-T1",
        "Från B",
        "bertil",
    );
    let (code, out) = sync(&sb, &a, &[]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = sync(&sb, &b, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("1 mottagna, 1 egna lagda överst, skickade"),
        "{out}"
    );
    let (code, out) = sync(&sb, &a, &[]);
    assert_eq!(code, Some(0), "{out}");
    for ws in [&a, &b] {
        assert!(file_at(&sb, ws, "followups/2025-T1/bestallarenhet-2.toml").contains("Från A"));
        assert!(
            file_at(
                &sb,
                ws,
                "followups/2025-T1/hagersten-alvsjos-hemtjanst.toml"
            )
            .contains("Från B")
        );
    }
    assert_eq!(
        git(&sb, &a, &["rev-parse", "main"]),
        git(&sb, &b, &["rev-parse", "main"])
    );
    // Authors survive the replay.
    assert!(git(&sb, &a, &["log", "--format=%an", "-3"]).contains("bertil"));

    // The same unit and period on both sides: a conflict, nothing moves.
    record(&sb, &a, "bestallarenhet-2", "2025-T2", "A:s analys", "anna");
    record(
        &sb,
        &b,
        "bestallarenhet-2",
        "2025-T2",
        "B:s analys",
        "bertil",
    );
    assert_eq!(sync(&sb, &a, &[]).0, Some(0));
    let before = git(&sb, &b, &["rev-parse", "main"]);
    let (code, out) = sync(&sb, &b, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Konflikt"), "{out}");
    assert!(
        out.contains("A:s analys") && out.contains("B:s analys"),
        "both texts shown: {out}"
    );
    assert!(
        out.contains("--keep-local bestallarenhet-2:2025-T2"),
        "{out}"
    );
    assert_eq!(
        git(&sb, &b, &["rev-parse", "main"]),
        before,
        "nothing changed"
    );

    // The chief chooses: B's text on top; A's stays in the history.
    let (code, out) = sync(&sb, &b, &["--keep-local", "bestallarenhet-2:2025-T2"]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(sync(&sb, &a, &[]).0, Some(0));
    for ws in [&a, &b] {
        assert!(file_at(&sb, ws, "followups/2025-T2/bestallarenhet-2.toml").contains("B:s analys"));
    }
    let log = git(
        &sb,
        &a,
        &[
            "log",
            "-p",
            "--format=%an",
            "--",
            "followups/2025-T2/bestallarenhet-2.toml",
        ],
    );
    assert!(
        log.contains("A:s analys") && log.contains("B:s analys"),
        "{log}"
    );
    let fsck = Command::new("git")
        .args(["fsck", "--strict"])
        .current_dir(&a)
        .output()
        .unwrap();
    assert!(fsck.status.success(), "{}", text(&fsck.stderr));
}

#[test]
fn the_session_syncs_with_a_key_and_shows_a_conflict_side_by_side() {
    let sb = Sandbox::new();
    let (a, b) = two_clones(&sb);
    record(&sb, &a, "bestallarenhet-2", "2025-T2", "A:s analys", "anna");
    record(
        &sb,
        &b,
        "bestallarenhet-2",
        "2025-T2",
        "B:s analys",
        "bertil",
    );
    assert_eq!(sync(&sb, &a, &[]).0, Some(0));

    let args = [
        b.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "bertil <bertil@example.invalid>",
    ];
    let mut t = common::pty::Pty::spawn(sb.pty_cmd(&args), 140, 40);
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[15~"); // F5
    t.wait_for("Konflikt: samma uppföljning ändrad på båda håll");
    t.wait_for("A:s analys");
    t.wait_for("B:s analys");
    t.send("l");
    t.wait_for("Synkat: 1 mottagna, 1 egna lagda överst");
    t.send("\x11"); // ctrl-q: letters on the goal page are text
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(
        git(&sb, &b, &["rev-parse", "main"]),
        git(&sb, &sb.path().join("remote.git"), &["rev-parse", "main"])
    );
    assert!(file_at(&sb, &b, "followups/2025-T2/bestallarenhet-2.toml").contains("B:s analys"));
}

#[test]
fn a_replayed_commit_keeps_its_author_time_and_is_committed_at_the_sync() {
    let sb = Sandbox::new();
    let (a, b) = two_clones(&sb);
    record(&sb, &a, "bestallarenhet-2", "2025-T1", "Från A", "anna");
    assert_eq!(sync(&sb, &a, &[]).0, Some(0));
    record(
        &sb,
        &b,
        "hagersten-alvsjos-hemtjanst",
        "2025-T1",
        "Från B",
        "bertil",
    );
    let written = git(&sb, &b, &["log", "-1", "--format=%at"]);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let before = tertial::clock::now();
    let (code, out) = sync(&sb, &b, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1 egna lagda överst"), "{out}");
    let replayed = git(&sb, &b, &["log", "-1", "--format=%an %at %ct"]);
    let fields: Vec<&str> = replayed.split_whitespace().collect();
    assert_eq!(fields[0], "bertil", "{replayed}");
    assert_eq!(fields[1], written.trim(), "the author time stays");
    let committed: i64 = fields[2].parse().unwrap();
    assert!(
        committed >= before,
        "committed at {committed}, sync at {before}"
    );
}

#[test]
fn a_sync_without_a_remote_says_what_is_missing_and_how_to_add_it() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let (code, out) = sync(&sb, &ws, &[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("Ingen server att synka med"), "{out}");
    assert!(out.contains("git remote add origin URL"), "{out}");
    assert!(!out.contains('⏎') && !out.contains("fatal:"), "{out}");
    let out = sb
        .cmd()
        .env("LANG", "en_GB.UTF-8")
        .args(["sync", ws.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("No server to sync with"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_session_says_in_the_status_line_that_there_is_no_remote() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = common::pty::Pty::spawn(sb.pty_cmd(&args), 80, 24);
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[15~"); // F5
    // Whole, on an 80-column screen.
    t.wait_for("Lägg till: git remote add origin URL");
    let screen = t.screen();
    assert!(
        !screen.contains('⏎') && !screen.contains("fatal"),
        "{screen}"
    );
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_sync_in_the_session_shows_its_progress_and_esc_stops_it_while_fetching() {
    let sb = Sandbox::new();
    let (a, b) = two_clones(&sb);
    record(&sb, &a, "bestallarenhet-2", "2025-T1", "Från A", "anna");
    assert_eq!(sync(&sb, &a, &[]).0, Some(0));
    let before = git(&sb, &b, &["rev-parse", "main"]);
    let args = [
        b.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "bertil <bertil@example.invalid>",
    ];
    let mut cmd = sb.pty_cmd(&args);
    cmd.env("TERTIAL_TEST_HOLD_JOB", "sync");
    let mut t = common::pty::Pty::spawn(cmd, 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[15~"); // F5
    t.wait_for("Synkar med servern … · Esc avbryter");
    // A key typed meanwhile waits for the sync, then goes to the goal.
    t.send("3");
    t.send("\x1b");
    // Shown before the key that waited is taken (which clears it).
    t.wait_output("Synken avbröts under hämtningen; inget ändrades.");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(git(&sb, &b, &["rev-parse", "main"]), before);

    // Not held: the sync runs to its end (the rating typed above waits
    // in a draft).
    let mut t = common::pty::Pty::spawn(sb.pty_cmd(&args), 100, 30);
    t.wait_for("Det finns ett sparat utkast");
    t.send("\r");
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[15~");
    t.wait_for("Synkat: 1 mottagna, 0 egna lagda överst");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(
        git(&sb, &b, &["rev-parse", "main"]),
        git(&sb, &sb.path().join("remote.git"), &["rev-parse", "main"])
    );
}

#[test]
fn esc_ends_a_fetch_that_hangs_and_the_workspace_is_as_it_was() {
    let sb = Sandbox::new();
    let (_a, b) = two_clones(&sb);
    // A remote that never answers: its upload-pack waits forever.
    let slow = sb.path().join("slow-upload-pack");
    std::fs::write(&slow, "#!/bin/sh\nexec sleep 600\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&slow, std::fs::Permissions::from_mode(0o755)).unwrap();
    git(
        &sb,
        &b,
        &["config", "remote.origin.uploadpack", slow.to_str().unwrap()],
    );
    let before = git(&sb, &b, &["rev-parse", "main"]);
    let args = [
        b.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "bertil <bertil@example.invalid>",
    ];
    let mut t = common::pty::Pty::spawn(sb.pty_cmd(&args), 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("\x1b[15~"); // F5
    t.wait_for("Synkar med servern … · Esc avbryter");
    t.send("\x1b");
    t.wait_for("Synken avbröts under hämtningen; inget ändrades.");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(git(&sb, &b, &["rev-parse", "main"]), before);
    // The upload-pack git started is gone with it.
    let left = Command::new("pgrep")
        .args(["-f", slow.to_str().unwrap()])
        .output()
        .map(|o| text(&o.stdout))
        .unwrap_or_default();
    assert_eq!(left.trim(), "", "still running: {left}");
}

/// A sync that lays local commits again on top of the remote's is not a
/// rewrite: the anchor follows the laid commits, a klar commit's tag on the
/// old commit is known as replaced by the sync, and `verify` finds nothing.
#[test]
fn after_a_sync_that_lays_local_commits_again_verify_finds_nothing() {
    let sb = Sandbox::new();
    let (a, b) = two_clones(&sb);
    record(
        &sb,
        &a,
        "hagersten-alvsjos-hemtjanst",
        "2025-T1",
        "Från A",
        "anna",
    );
    assert_eq!(sync(&sb, &a, &[]).0, Some(0));
    let klar = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bestallarenhet-2-2025-VB.toml");
    let out = sb.record(
        &b,
        "bestallarenhet-2",
        "2025-VB",
        &klar,
        "bertil <bertil@example.invalid>",
        &["--status", "klar"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let tags = git(&sb, &b, &["tag", "--list", "tertial/*"]);
    assert_eq!(tags.lines().count(), 1, "the klar commit is tagged: {tags}");
    let (code, out) = sync(&sb, &b, &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("1 egna lagda överst"), "{out}");
    let tip = git(&sb, &b, &["rev-parse", "main"]);
    let anchor = git(&sb, &b, &["rev-parse", "refs/tertial/anchor"]);
    assert_eq!(anchor, tip, "the anchor follows the laid commits");
    let verify = sb.run(&["verify", b.to_str().unwrap()]);
    let said = format!("{}{}", text(&verify.stdout), text(&verify.stderr));
    assert_eq!(verify.status.code(), Some(0), "{said}");
    assert!(said.contains("0 fynd"), "{said}");
}
