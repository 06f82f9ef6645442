//! The review flow end to end, the real binary in a pseudo-terminal: a
//! unit chief commits klar, the area chief returns it with a comment on
//! E2, the chief sees the comment beside E2, answers it and commits klar
//! again, the area chief approves. Four commits with the right authors
//! and trailers, `verify` clean, and a reviewer off the roster refused.

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

const CHEF: &str = "Chef Cederholm <chef@example.invalid>";
const OMRADE: &str = "Områdeschef Olsson <olsson@example.invalid>";
const MALLORY: &str = "Mallory <m@example.invalid>";

const CTRL_Q: &str = "\x11";
const CTRL_R: &str = "\x12";
const CTRL_S: &str = "\x13";
const TAB: &str = "\t";
const PGDN: &str = "\x1b[6~";
const ALT_R: &str = "\x1br";
const ALT_G: &str = "\x1bg";
const HOME: &str = "\x1b[H";

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

/// The sample workspace with the roster, and nothing blocking klar.
fn workspace(sb: &Sandbox) -> PathBuf {
    let ws = sb.init_samples("ws");
    std::fs::write(ws.join("roster.toml"), ROSTER).unwrap();
    let marker = ws.join("tertial.toml");
    let mut t = std::fs::read_to_string(&marker).unwrap();
    t.push_str("\n[klar]\n");
    for code in tertial::followup::lint::LintKind::codes() {
        t.push_str(&format!("{code} = \"off\"\n"));
    }
    std::fs::write(&marker, t).unwrap();
    git(&ws, sb, &["add", "roster.toml", "tertial.toml"]);
    git(&ws, sb, &["commit", "-qm", "Förteckning och regler"]);
    ws
}

fn spawn(sb: &Sandbox, args: &[&str]) -> Pty {
    Pty::spawn(sb.pty_cmd(args), 100, 30)
}

fn review(sb: &Sandbox, ws: &Path, who: &str) -> Pty {
    spawn(
        sb,
        &[
            "review",
            ws.to_str().unwrap(),
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-T1",
            "--author",
            who,
        ],
    )
}

fn open_as_chief(sb: &Sandbox, ws: &Path) -> Pty {
    spawn(
        sb,
        &[
            ws.to_str().unwrap(),
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-T1",
            "--author",
            CHEF,
        ],
    )
}

/// From the goal pages: the pre-commit review, klar, confirmed.
fn commit_klar(p: &mut Pty) {
    p.send(CTRL_R);
    p.wait_for("Granska och lämna in");
    p.send("k");
    p.wait_for("Lämna in som klar?");
    p.send("y");
    p.wait_for("Uppföljningen är sparad i historiken.");
}

fn count(ws: &Path, sb: &Sandbox) -> u32 {
    git(ws, sb, &["rev-list", "--count", "main"])
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn a_follow_up_is_returned_with_a_comment_answered_and_approved() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let start = count(&ws, &sb);

    // 1. The unit chief rates E1 and commits klar.
    let mut p = open_as_chief(&sb, &ws);
    p.wait_for("Mål 1 av 6");
    p.send("1");
    p.wait_for("● Bedöms uppfyllas helt");
    commit_klar(&mut p);
    p.send(CTRL_Q);
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(count(&ws, &sb), start + 1);

    // 2. The area chief returns it with a comment on E2, typed as prose
    //    whose letters are also command keys elsewhere.
    let mut p = review(&sb, &ws, OMRADE);
    p.wait_for("granskning");
    p.wait_for("Kommentar till E1");
    assert!(!p.screen().contains("[skrivskyddad]"), "{}", p.screen());
    // Returning without a comment is refused.
    p.send(ALT_R);
    p.wait_for("Skriv minst en kommentar");
    p.send(PGDN);
    p.wait_for("Mål 2 av 6");
    p.wait_for("▶ Kommentar till E2");
    p.send("kvalitet, uppföljning, rutiner");
    p.wait_for("kvalitet, uppföljning, rutiner");
    p.send(CTRL_S);
    p.wait_for("1 kommentar");
    p.send(ALT_R);
    p.wait_for("Återsänd uppföljningen?");
    p.wait_for("1 kommentar · ingen samlad kommentar");
    p.send("y");
    p.wait_for("Återsänd till enhetschefen med kommentarerna");
    p.send(CTRL_Q);
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(count(&ws, &sb), start + 2);
    assert!(
        !ws.join(".tertial/review-drafts/2025-T1/bestallarenhet-2.toml")
            .exists()
    );

    // 3. The chief sees the comment beside E2, answers it, commits klar.
    let mut p = open_as_chief(&sb, &ws);
    p.wait_for("Mål 1 av 6");
    p.send(PGDN);
    p.wait_for("Mål 2 av 6");
    p.wait_for("Kommentar (Områdeschef Olsson, ✎ att besvara): kvalitet, uppföljning, rutiner");
    p.send(TAB);
    p.send("Rutinerna för kvalitet följs upp varje månad.");
    p.send(CTRL_S);
    p.wait_for("Sammanfattning: Rutinerna för kvalitet följs upp varje månad.");
    p.wait_for("✓ besvarad");
    p.send(CTRL_R);
    p.wait_for("Granskarens kommentarer · 0 att besvara");
    p.send("k");
    p.wait_for("Lämna in som klar?");
    p.send("y");
    p.wait_for("Uppföljningen är sparad i historiken.");
    p.send(CTRL_Q);
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(count(&ws, &sb), start + 3);

    // 4. The area chief approves, from the unit's period list this time.
    let mut p = spawn(
        &sb,
        &[
            ws.to_str().unwrap(),
            "--unit",
            "bestallarenhet-2",
            "--author",
            OMRADE,
        ],
    );
    p.wait_for("2025-T1");
    p.send(HOME);
    p.send("r");
    p.wait_for("granskning");
    p.send(ALT_G);
    p.wait_for("Godkänn uppföljningen?");
    p.send("y");
    p.wait_for("Uppföljningen är godkänd");
    p.send(CTRL_Q);
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(count(&ws, &sb), start + 4);

    // Four commits, newest first: approval, klar, return, klar.
    let log = git(&ws, &sb, &["log", "-4", "--format=%an <%ae>%n%B%n----"]);
    let commits: Vec<&str> = log.split("----").map(str::trim).collect();
    let expect = [
        (
            OMRADE,
            &["Review: godkänd", "Reviewer: omrade", "Status: klar"][..],
        ),
        (CHEF, &["Status: klar"][..]),
        (
            OMRADE,
            &["Review: återsänd", "Reviewer: omrade", "Status: återöppnad"][..],
        ),
        (CHEF, &["Status: klar"][..]),
    ];
    for (commit, (author, trailers)) in commits.iter().zip(expect) {
        assert!(commit.starts_with(author), "{commit}");
        for t in trailers {
            assert!(commit.contains(t), "{t:?} not in\n{commit}");
        }
    }
    let review_file = std::fs::read_to_string(ws.join("reviews/2025-T1/bestallarenhet-2.toml"))
        .or_else(|_| {
            Ok::<_, ()>(git(
                &ws,
                &sb,
                &["show", "main:reviews/2025-T1/bestallarenhet-2.toml"],
            ))
        })
        .unwrap();
    assert!(review_file.contains("godkänd"), "{review_file}");

    let out = sb.run(&["verify", ws.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );

    // 5. Someone off the roster is told so on opening, and cannot commit.
    let mut p = review(&sb, &ws, MALLORY);
    p.wait_for("[skrivskyddad]");
    p.wait_for("får inte granska bestallarenhet-2");
    p.send("kvalitet");
    p.send(ALT_G);
    p.wait_for("Skrivskyddad:");
    p.send(CTRL_Q);
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(count(&ws, &sb), start + 4);
}

#[test]
fn comments_survive_a_kill_and_a_hang_up_and_come_back_on_reopening() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let mut p = open_as_chief(&sb, &ws);
    p.wait_for("Mål 1 av 6");
    commit_klar(&mut p);
    p.send(CTRL_Q);
    assert_eq!(p.wait_exit(), 0);

    // Typed, saved as a draft within a second, then killed without warning.
    let mut p = review(&sb, &ws, OMRADE);
    p.wait_for("Kommentar till E1");
    p.send("kvalitet, uppföljning, rutiner");
    p.wait_for("kommentarerna sparade");
    let status = Command::new("kill")
        .args(["-9", &p.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let _ = p.wait_exit();
    let draft = ws.join(".tertial/review-drafts/2025-T1/bestallarenhet-2.toml");
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .contains("kvalitet, uppföljning, rutiner")
    );

    // Reopened: the comment is there; more is typed, and the terminal is
    // closed mid-writing (a dropped connection).
    let mut p = review(&sb, &ws, OMRADE);
    p.wait_for("kvalitet, uppföljning, rutiner");
    p.wait_for("1 kommentar");
    p.send(TAB);
    p.send("Aktiviteten A1 saknar status.");
    p.wait_for("Aktiviteten A1 saknar status.");
    let mut child = p.hang_up();
    let _ = child.wait();
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("Aktiviteten A1 saknar status."), "{text}");
    assert!(text.contains("kvalitet, uppföljning, rutiner"), "{text}");
    // Nothing was committed by any of it.
    assert!(!ws.join("reviews").exists());
}
