//! Times of the audit trail: each commit carries the moment it was made
//! (not the time the program started), and times are shown in local time:
//! `TZ` when set, else Stockholm's.

mod common;
use common::Sandbox;
use common::pty::{ENTER, Pty};

/// Commits the open follow-up as utkast from a goal page and comes back
/// to the goals. (The one place that knows the keys of committing.)
fn commit_utkast(t: &mut Pty) {
    t.send("\x12"); // Ctrl-R: the review
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Avbryt");
    t.send("y");
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
    t.send("\x11");
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

#[test]
fn the_log_shows_local_time_by_tz_and_stockholm_time_without_it() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let file = sb.path().join("f.toml");
    std::fs::write(
        &file,
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\n",
    )
    .unwrap();
    let out = sb.record(
        &ws,
        "bestallarenhet-2",
        "2025-T1",
        &file,
        "A B <a@b.invalid>",
        &[],
    );
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let repo = git2::Repository::open(&ws).unwrap();
    let secs = repo
        .head()
        .unwrap()
        .peel_to_commit()
        .unwrap()
        .time()
        .seconds();
    let log = |tz: Option<&str>| {
        let mut cmd = sb.cmd();
        cmd.args(["log", ws.to_str().unwrap()]);
        match tz {
            Some(tz) => cmd.env("TZ", tz),
            None => cmd.env_remove("TZ"),
        };
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        common::text(&out.stdout)
    };
    let shown_in =
        |zone: Option<&str>| tertial::clock::date_time_in(secs, &tertial::clock::zone_for(zone));
    let new_york = log(Some("America/New_York"));
    assert!(
        new_york.starts_with(&shown_in(Some("America/New_York"))),
        "{new_york}"
    );
    let stockholm = log(None);
    assert!(
        stockholm.starts_with(&shown_in(Some("Europe/Stockholm"))),
        "{stockholm}"
    );
    assert_ne!(new_york[..16], stockholm[..16]);
    assert!(!stockholm.contains("UTC"));
}
