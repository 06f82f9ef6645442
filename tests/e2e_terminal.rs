//! The terminals chiefs use: TERM values of xterm, screen, tmux and the
//! Linux console; NO_COLOR; resizes at any time down to nothing.

mod common;
use common::Sandbox;
use common::pty::Pty;

fn workspace(sb: &Sandbox) -> std::path::PathBuf {
    sb.init_samples("ws")
}

fn args(ws: &std::path::Path) -> Vec<String> {
    [
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
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
fn works_under_each_terms_value() {
    for term in [
        "xterm-256color",
        "screen-256color",
        "tmux-256color",
        "linux",
    ] {
        let sb = Sandbox::new();
        let ws = workspace(&sb);
        let a = args(&ws);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let mut cmd = sb.pty_cmd(&a);
        cmd.env("TERM", term);
        let mut t = Pty::spawn(cmd, 80, 24);
        t.wait_for("Mål 1 av 6");
        t.send("2");
        t.wait_for("◐ Bedöms uppfyllas delvis");
        t.send("\x11");
        assert_eq!(t.wait_exit(), 0, "{term}");
    }
}

#[test]
fn no_color_keeps_meaning_through_symbols_bold_and_reverse() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let a = args(&ws);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut cmd = sb.pty_cmd(&a);
    cmd.env("NO_COLOR", "1");
    let mut t = Pty::spawn(cmd, 100, 30);
    t.wait_for("Mål 1 av 6");
    t.send("3");
    t.wait_for("○ Bedöms inte uppfyllas");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
    let out = t.output();
    for colour in [
        "\x1b[38;5;",
        "\x1b[31m",
        "\x1b[32m",
        "\x1b[33m",
        "\x1b[36m",
        "\x1b[48;5;",
    ] {
        assert!(
            !out.contains(colour),
            "colour {colour:?} written despite NO_COLOR"
        );
    }
    assert!(out.contains("\x1b[7m"), "selection shown in reverse video");
    assert!(out.contains("\x1b[1m"), "headings in bold");
}

#[test]
fn a_resize_storm_down_to_tiny_sizes_never_panics() {
    let sb = Sandbox::new();
    let ws = workspace(&sb);
    let a = args(&ws);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let mut t = Pty::spawn(sb.pty_cmd(&a), 120, 40);
    t.wait_for("Mål 1 av 6");
    let sizes = [
        (1, 1),
        (200, 60),
        (10, 3),
        (40, 10),
        (39, 9),
        (2, 80),
        (300, 2),
        (80, 24),
        (1, 200),
        (60, 15),
    ];
    for round in 0..5 {
        for (w, h) in sizes {
            t.resize(w, h);
        }
        // Some keys in between, at whatever size it is.
        t.send(if round % 2 == 0 { "\t" } else { "\x1b[6~" });
    }
    t.resize(30, 8);
    t.wait_for("Fönstret är för litet");
    t.resize(120, 40);
    t.wait_for("Beställarenhet 2");
    t.send("\x11");
    assert_eq!(t.wait_exit(), 0);
}
