//! Keymaps in the real program: a short follow-up with the vim preset, a
//! user's override file shown in the help, and a broken override reported
//! on a screen the user acknowledges.

mod common;
use common::pty::{ENTER, ESC, PGDN, Pty};
use common::{Sandbox, text};

fn workspace(sb: &Sandbox) -> std::path::PathBuf {
    sb.init_samples("ws")
}

#[test]
fn a_short_follow_up_with_the_vim_preset() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--keymap",
        "vim",
        "--author",
        "V Vim <v@example.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 120, 40);
    t.wait_for("Mål 1 av 6");
    t.send("1");
    t.wait_for("● Bedöms uppfyllas helt");
    t.send("j");
    t.wait_for("▶ Sammanfattning");
    t.send("i");
    t.send("Skrivet med vim-tangenter: åäö");
    t.send(ESC);
    t.wait_for("Sammanfattning: Skrivet med vim-tangenter: åäö");
    t.send("J");
    t.wait_for("Mål 2 av 6");
    t.send("2");
    t.send("o");
    t.wait_for("Avvikelse 1");
    t.send("Elbilen används för sällan");
    t.send(ESC);
    t.wait_for("▶ Avvikelse: Elbilen används för sällan");
    // A two-key sequence: the hint after the first key, then the action.
    t.send("Z");
    t.wait_for("Z …");
    t.send("Z");
    t.wait_for("Granska och lämna in");
    t.send("u");
    t.wait_for("Lämna in som utkast?");
    // vim's down and up move nothing and answer nothing here.
    t.send("j");
    t.send("k");
    t.send("y");
    t.wait_for("Uppföljningen är sparad i historiken.");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let repo = git2::Repository::open(&ws).unwrap();
    let commit = repo.head().unwrap().peel_to_commit().unwrap();
    let msg = commit.message().unwrap().to_string();
    assert!(
        msg.starts_with("Uppföljning 2025-T1: Beställarenhet 2 (utkast)"),
        "{msg}"
    );
    assert!(msg.contains("E1 ● Bedöms uppfyllas helt"), "{msg}");
    assert!(
        msg.contains("E2 ◐ Bedöms uppfyllas delvis (1 avvikelse)"),
        "{msg}"
    );
}

#[test]
fn an_override_shows_in_the_help_and_a_typo_is_reported_at_start() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let config = sb.path().join(".config/tertial");
    std::fs::create_dir_all(&config).unwrap();
    // One good override and one typo (line 3).
    std::fs::write(
        config.join("keymap.toml"),
        "[goal]\n\"x\" = \"review\"\n\"y\" = \"reveiw\"\n",
    )
    .unwrap();
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 120, 40);
    t.wait_for("Problem i filer");
    t.wait_for("keymap.toml:3:7: fel: okänd åtgärd \"reveiw\"");
    t.send(ENTER);
    t.wait_for("Mål 1 av 6");
    // The override works and is listed in the help.
    t.send("\x1bOP"); // f1
    t.wait_for("Så går det till");
    // The help opens with the way through a follow-up; the goal page's
    // keys follow, the override last among them.
    for _ in 0..3 {
        t.send(PGDN);
    }
    t.wait_for("x               Granska och lämna in");
    t.send(ESC);
    t.settle();
    t.send("x");
    t.wait_for("Granska och lämna in");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);

    // The same file through `keymap check`.
    let out = sb.run(&[
        "keymap",
        "check",
        config.join("keymap.toml").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("keymap.toml:3:7"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn switching_presets_through_the_config_file() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let config = sb.path().join(".config/tertial");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "keymap = \"emacs\"\n").unwrap();
    let out = sb.run(&["keymap", "print"]);
    assert!(out.status.success());
    let printed = text(&out.stdout);
    assert!(
        printed.contains("# tangentbindningar som gäller: keymaps/emacs.toml"),
        "{printed}"
    );
    let args = [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-T1",
        "--author",
        "A B <a@b.invalid>",
    ];
    let mut t = Pty::spawn(sb.pty_cmd(&args), 120, 40);
    t.wait_for("Mål 1 av 6");
    t.send("\x1bn"); // alt-n: next goal in emacs
    t.wait_for("Mål 2 av 6");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
}
