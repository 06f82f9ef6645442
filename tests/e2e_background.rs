//! Slow work in the background, in a real terminal: a large workspace
//! shows its first frame while its plans are read, Esc cancels a running
//! job, the history is read with a progress line before a unit opens, and
//! a commit whose signing key needs a passphrase hands the terminal to
//! ssh-keygen. (`TERTIAL_TEST_HOLD_JOB` holds a job until it is
//! cancelled, so the key surely comes while it runs.)

mod common;
use common::pty::Pty;
use common::{Sandbox, text};
use std::path::Path;
use std::process::Command;

/// A workspace with more plan files than are read before the first frame.
fn large_workspace(sb: &Sandbox) -> std::path::PathBuf {
    let ws = sb.workspace("ws");
    let units = (tertial::tui::startup::BACKGROUND_PLAN_FILES + 5).to_string();
    let out = sb.run(&[
        "generate",
        ws.to_str().unwrap(),
        "--units",
        &units,
        "--goals",
        "1",
        "--years",
        "1",
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    ws
}

#[test]
fn a_large_workspace_shows_its_first_frame_before_the_plans_are_read() {
    let sb = Sandbox::new();
    let ws = large_workspace(&sb);
    let mut cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    cmd.env("TERTIAL_TEST_HOLD_JOB", "plans");
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Läser planerna");
    t.wait_for("välj enhet");
    t.send("\x1b");
    // Nothing to show without the plans: the program ends.
    assert_eq!(t.wait_exit(), 0);

    // Not held: the progress, then the overview of all units.
    let cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    let mut t = Pty::spawn(cmd, 120, 40);
    // The first frame is drawn before the plans are read, so the progress
    // line is in what was written even if it is gone from the screen.
    t.wait_output("Läser planerna");
    t.wait_for("· översikt ");
    t.wait_for(&format!(
        "{} enheter",
        tertial::tui::startup::BACKGROUND_PLAN_FILES + 5
    ));
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_first_frame_lists_the_units_by_file_name_and_a_filter_typed_meanwhile_stays() {
    let sb = Sandbox::new();
    let ws = large_workspace(&sb);
    let go = sb.path().join("plans-may-be-read");
    let mut cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    cmd.env(
        "TERTIAL_TEST_HOLD_JOB",
        format!("plans:{}", go.to_str().unwrap()),
    );
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Läser planerna");
    // The units by their files' names, before any plan is read.
    t.wait_for("bestallarenhet-abrahamsberg-1");
    assert!(!t.screen().contains("Beställarenhet Abrahamsberg 1"));
    // Enter opens nothing while the plans are read; the letters filter.
    t.send("\r");
    t.send("abrahams");
    t.wait_for("abrahams");
    let screen = t.settle();
    assert!(!screen.contains("bestallarenhet-bredang-1"), "{screen}");
    std::fs::write(&go, "").unwrap();
    // Read: the plans' own names, still filtered by what was typed, and
    // the list is not replaced by the overview.
    t.wait_for("Beställarenhet Abrahamsberg 1");
    let screen = t.settle();
    assert!(screen.contains("abrahams"), "{screen}");
    assert!(!screen.contains("Bredäng"), "{screen}");
    assert!(!screen.contains("· översikt "), "{screen}");
    assert!(!screen.contains("Läser planerna"), "{screen}");
    // The filter goes on working on the plans read.
    t.send("\r");
    t.wait_for("Tertialrapport 1");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn esc_cancels_the_roll_up_and_leaves_the_unit_list() {
    let sb = Sandbox::new();
    let ws = large_workspace(&sb);
    let mut cmd = sb.pty_cmd(&[ws.to_str().unwrap(), "--author", "A B <a@b.invalid>"]);
    cmd.env("TERTIAL_TEST_HOLD_JOB", "overview");
    let mut t = Pty::spawn(cmd, 120, 40);
    t.wait_for("Räknar samman översikten");
    t.send("\x1b");
    t.wait_for("Översikten avbröts.");
    let screen = t.settle();
    assert!(screen.contains("välj enhet"), "{screen}");
    assert!(!screen.contains("Räknar samman"), "{screen}");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}

/// The arguments that open the bundled plans' unit at T2 2025.
fn unit_args(ws: &Path) -> Vec<String> {
    [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T2",
        "--author",
        "Test Chef <chef@example.invalid>",
    ]
    .map(String::from)
    .to_vec()
}

fn args_of(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn the_history_is_read_with_a_progress_line_before_a_unit_opens_and_esc_stops_it() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let args = unit_args(&ws);
    let mut cmd = sb.pty_cmd(&args_of(&args));
    cmd.env("TERTIAL_TEST_HOLD_JOB", "history");
    let mut t = Pty::spawn(cmd, 100, 30);
    t.wait_for("Läser historiken … · Esc avbryter");
    // Nothing opens without it.
    t.send("\x1b");
    t.wait_for("Läsningen av historiken avbröts.");
    let screen = t.settle();
    assert!(!screen.contains("Mål 1 av 6"), "{screen}");
    assert!(!screen.contains("Läser historiken"), "{screen}");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);

    // Not held: the unit opens once the history is read, and a key typed
    // before it opened goes to its first goal.
    let mut t = Pty::spawn(sb.pty_cmd(&args_of(&args)), 100, 30);
    t.send("3");
    t.wait_for("Mål 1 av 6");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_commit_says_it_cannot_be_cancelled_and_keys_typed_meanwhile_wait_for_it() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let go = sb.path().join("commit-may-go-on");
    let mut cmd = sb.pty_cmd(&args_of(&unit_args(&ws)));
    cmd.env(
        "TERTIAL_TEST_HOLD_JOB",
        format!("commit:{}", go.to_str().unwrap()),
    );
    let mut t = Pty::spawn(cmd, 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("3");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Lämna in som utkast?");
    t.send("y");
    t.wait_for("Checkar in … · kan inte avbrytas");
    // Esc does not stop it; the key after waits for the commit's end.
    t.send("\x1b");
    t.settle();
    t.send("\r");
    let screen = t.settle();
    assert!(screen.contains("kan inte avbrytas"), "{screen}");
    assert!(!screen.contains("sparad i historiken"), "{screen}");
    std::fs::write(&go, "").unwrap();
    t.wait_output("Uppföljningen är sparad i historiken.");
    // Enter, typed during the commit, then acknowledged the notice.
    t.wait_for("Mål 1 av 6");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let log = git(&sb, &ws, &["log", "-1", "--format=%s", "main"]);
    assert!(
        text(&log.stdout).starts_with("Uppföljning 2025-T2"),
        "{}",
        text(&log.stdout)
    );
}

/// A new ed25519 key at `dir/name`, encrypted with `passphrase`; its
/// public half as one line.
fn encrypted_key(dir: &Path, name: &str, passphrase: &str) -> (std::path::PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_string())
}

fn git(sb: &Sandbox, ws: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(ws)
        .env("HOME", sb.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("SSH_AUTH_SOCK")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_signing_key_with_a_passphrase_gets_the_terminal_and_the_commit_is_signed() {
    let ssh_keygen = Command::new("ssh-keygen").arg("-?").output().is_ok();
    if !common::skip::ready_or_skip(
        ssh_keygen,
        "SSH_KEYGEN",
        "signing with a passphrase in the terminal",
        "ssh-keygen is not installed (openssh-client)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let (key, public) = encrypted_key(sb.path(), "chef", "hemlig fras");
    let allowed = sb.path().join("allowed_signers");
    std::fs::write(&allowed, format!("chef@example.invalid {public}\n")).unwrap();
    for (k, v) in [
        ("commit.gpgsign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", key.to_str().unwrap()),
        ("gpg.ssh.allowedSignersFile", allowed.to_str().unwrap()),
    ] {
        assert!(git(&sb, &ws, &["config", k, v]).status.success());
    }
    let before = text(&git(&sb, &ws, &["rev-parse", "main"]).stdout);
    // No agent holds the key (the sandbox has no SSH_AUTH_SOCK): only
    // the passphrase typed in the terminal opens it.
    let mut t = Pty::spawn(sb.pty_cmd(&args_of(&unit_args(&ws))), 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("3");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Lämna in som utkast?");
    t.send("y");
    // The program's screen gives way to ssh-keygen's prompt.
    t.wait_for("ange nyckelns lösenfras");
    t.wait_for("Enter passphrase");
    assert!(!t.screen().contains("Granska"), "{}", t.screen());
    t.send("hemlig fras\r");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);

    let after = text(&git(&sb, &ws, &["rev-parse", "main"]).stdout);
    assert_ne!(before, after, "nothing was committed");
    let verify = git(&sb, &ws, &["verify-commit", "main"]);
    assert!(verify.status.success(), "{}", text(&verify.stderr));
    let log = git(&sb, &ws, &["log", "--show-signature", "-1", "main"]);
    let shown = format!("{}{}", text(&log.stdout), text(&log.stderr));
    assert!(shown.contains("Good \"git\" signature"), "{shown}");
}

#[test]
fn a_wrong_passphrase_commits_nothing_and_says_why() {
    let ssh_keygen = Command::new("ssh-keygen").arg("-?").output().is_ok();
    if !common::skip::ready_or_skip(
        ssh_keygen,
        "SSH_KEYGEN",
        "signing with a wrong passphrase in the terminal",
        "ssh-keygen is not installed (openssh-client)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let (key, _) = encrypted_key(sb.path(), "chef", "hemlig fras");
    for (k, v) in [
        ("commit.gpgsign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", key.to_str().unwrap()),
    ] {
        assert!(git(&sb, &ws, &["config", k, v]).status.success());
    }
    let before = text(&git(&sb, &ws, &["rev-parse", "main"]).stdout);
    let mut t = Pty::spawn(sb.pty_cmd(&args_of(&unit_args(&ws))), 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("3");
    t.wait_for("Bedöms inte uppfyllas");
    t.send("\x12"); // ctrl-r
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Lämna in som utkast?");
    t.send("y");
    t.wait_for("Enter passphrase");
    t.send("fel fras\r");
    // ssh-keygen asks no more than it does for git; the program is back
    // with the reason, and the typed follow-up is still there.
    t.wait_for("incorrect passphrase");
    let screen = t.settle();
    assert!(!screen.contains("sparad i historiken"), "{screen}");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let after = text(&git(&sb, &ws, &["rev-parse", "main"]).stdout);
    assert_eq!(before, after);
    assert!(
        ws.join(".tertial/drafts/2025-T2/bestallarenhet-2.toml")
            .exists()
    );
}
