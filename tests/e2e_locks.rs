//! One writer per unit and period: a second person gets it read-only with
//! the holder named; a lock left by a killed process is taken over; other
//! units are open to all at the same time.

mod common;
use common::pty::Pty;
use common::{Sandbox, text};

fn args(ws: &std::path::Path, unit: &str) -> Vec<String> {
    [
        ws.to_str().unwrap(),
        "--unit",
        unit,
        "--period",
        "2025-T1",
        "--author",
        "A B <a@b.invalid>",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn the_same_unit_opened_twice_is_read_only_the_second_time_and_a_dead_holders_lock_is_taken_over() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let a = args(&ws, "bestallarenhet-2");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut first = Pty::spawn(sb.pty_cmd(&a), 120, 30);
    first.wait_for("Mål 1 av 6");

    let mut second = Pty::spawn(sb.pty_cmd(&a), 120, 30);
    second.wait_for("skrivskyddad: öppen hos");
    second.wait_for(&format!(
        "@{}",
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .unwrap()
            .trim()
    ));
    second.send("1");
    second.wait_for("Skrivskyddad");
    // The headless path refuses too, naming the holder.
    let file = sb.path().join("f.toml");
    std::fs::write(
        &file,
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n",
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
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(&format!("(pid {})", first.pid())),
        "{}",
        text(&out.stderr)
    );
    second.send("\x11");
    assert_eq!(second.wait_exit(), 0);

    // Another unit is free at the same time.
    let b = args(&ws, "hagersten-alvsjos-hemtjanst");
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut other = Pty::spawn(sb.pty_cmd(&b), 120, 30);
    other.wait_for("Mål 1 av 8");
    other.send("1");
    other.wait_for("● Bedöms uppfyllas helt");
    other.send("\x11");
    assert_eq!(other.wait_exit(), 0);

    // The holder dies without cleaning up: the lock is taken over.
    assert!(
        std::process::Command::new("kill")
            .args(["-9", &first.pid().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let _ = first.wait_exit();
    let mut third = Pty::spawn(sb.pty_cmd(&a), 120, 30);
    third.wait_for("Mål 1 av 6");
    third.send("1");
    third.wait_for("● Bedöms uppfyllas helt");
    assert!(!third.screen().contains("skrivskyddad"));
    third.send("\x11");
    assert_eq!(third.wait_exit(), 0);
}

#[test]
fn a_read_only_opener_is_told_of_the_lock_and_never_offered_the_holders_draft() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let a = args(&ws, "bestallarenhet-2");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut holder = Pty::spawn(sb.pty_cmd(&a), 120, 30);
    holder.wait_for("Mål 1 av 6");
    holder.send("2");
    holder.wait_for("utkast sparat");
    let drafts = ws.join(".tertial/drafts/2025-T1");
    let draft = drafts.join("bestallarenhet-2.toml");
    let before = std::fs::read_to_string(&draft).unwrap();

    let mut reader = Pty::spawn(sb.pty_cmd(&a), 120, 30);
    reader.wait_for("skrivskyddad: öppen hos");
    let screen = reader.screen();
    assert!(
        !screen.contains("Det finns ett sparat utkast"),
        "the holder's draft was offered: {screen}"
    );
    // The discard key of the draft question, then its answer: nothing.
    reader.send("d");
    reader.send("y");
    reader.send("\x11");
    assert_eq!(reader.wait_exit(), 0);
    let names: Vec<String> = std::fs::read_dir(&drafts)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["bestallarenhet-2.toml".to_string()]);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), before);

    holder.send("\x11");
    assert_eq!(holder.wait_exit(), 0);
}
