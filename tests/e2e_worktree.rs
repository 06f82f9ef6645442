//! After a commit in the program, the working tree and git's index follow
//! the branch for plain git users: also when the program is left at once
//! while another git command holds the index lock, and a stale lock is
//! said rather than passed over in silence.

mod common;
use common::pty::Pty;
use common::{Sandbox, text};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn plain_git_status(sb: &Sandbox, ws: &Path) -> String {
    let out = std::process::Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(ws)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Opens a unit's period, rates the first goal and commits it as utkast.
fn commit_as_utkast(sb: &Sandbox, ws: &Path) -> Pty {
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("3");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Lämna in som utkast?");
    t.send("y");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t
}

#[test]
fn quitting_right_after_a_commit_leaves_no_index_lock_and_plain_git_clean() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    assert_eq!(plain_git_status(&sb, &ws), "");
    // Another git command holds the index while the chief commits and
    // leaves; it lets go a moment after.
    let lock = ws.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let mut t = commit_as_utkast(&sb, &ws);
    t.send("\x11"); // ctrl-q
    let other_git = {
        let lock = lock.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            std::fs::remove_file(lock).unwrap();
        })
    };
    assert_eq!(t.wait_exit(), 0);
    other_git.join().unwrap();
    assert!(!lock.exists());
    assert_eq!(plain_git_status(&sb, &ws), "");
    assert!(ws.join("followups/2025-T2/bestallarenhet-2.toml").exists());
}

#[test]
fn a_stale_index_lock_is_said_in_the_status_line_and_by_check() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let lock = ws.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&lock)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    let mut t = commit_as_utkast(&sb, &ws);
    t.wait_for("index.lock är kvar sedan");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    // Plain git cannot commit past the lock meanwhile; tertial says so.
    let out = sb.run(&["check", ws.to_str().unwrap()]);
    assert!(
        text(&out.stderr).contains("index.lock är kvar sedan"),
        "{}",
        text(&out.stderr)
    );
    // Once the lock is gone, the next run brings the working tree up to
    // date: plain git sees no deletion.
    std::fs::remove_file(&lock).unwrap();
    let mut t = Pty::spawn(
        sb.pty_cmd(&[
            ws.to_str().unwrap(),
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-T2",
            "--author",
            "A B <a@b.invalid>",
        ]),
        100,
        30,
    );
    t.wait_for("Mål 1 av 6");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(plain_git_status(&sb, &ws), "");
}
