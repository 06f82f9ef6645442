//! Commit times in one run of the program: each commit carries the moment
//! it was made, not the time the program started.

mod common;
use common::Sandbox;
use common::pty::{ENTER, Pty};

/// Commits the open follow-up as utkast from a goal page and comes back
/// to the goals. (The one place that knows the keys of committing.)
fn commit_utkast(t: &mut Pty) {
    t.send("r");
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t.send(ENTER);
    t.wait_for("Mål 1 av 6");
}

#[test]
fn two_commits_in_one_run_carry_their_own_times_in_order() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let mut t = Pty::spawn(
        sb.pty_cmd(&[
            ws.to_str().unwrap(),
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-T1",
            "--author",
            "A B <a@b.invalid>",
        ]),
        100,
        30,
    );
    t.wait_for("Mål 1 av 6");
    // The program has been running a while before the first commit.
    std::thread::sleep(std::time::Duration::from_secs(2));
    let before_first = tertial::clock::now();
    t.send("1");
    t.wait_for("1 bedömd");
    commit_utkast(&mut t);
    std::thread::sleep(std::time::Duration::from_secs(3));
    let before_second = tertial::clock::now();
    t.send("2");
    t.wait_for("uppfyllas delvis");
    commit_utkast(&mut t);
    let after = tertial::clock::now();
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let repo = git2::Repository::open(&ws).unwrap();
    let second = repo.head().unwrap().peel_to_commit().unwrap();
    let first = second.parent(0).unwrap();
    assert!(first.message().unwrap().contains("Status: utkast"));
    let (t1, t2) = (first.time().seconds(), second.time().seconds());
    assert!(
        (before_first..before_second).contains(&t1),
        "first commit at {t1}, made between {before_first} and {before_second}"
    );
    assert!(
        (before_second..=after).contains(&t2),
        "second commit at {t2}, made between {before_second} and {after}"
    );
    assert!(t2 >= t1 + 3, "{t1} then {t2}");
    for c in [&first, &second] {
        assert_eq!(c.author().when().seconds(), c.time().seconds());
    }
}
