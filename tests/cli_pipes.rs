//! A reader that stops reading (`tertial log | head -1`): every subcommand
//! that prints ends quietly and successfully, whether standard output, or
//! standard output and error together, is a pipe nobody reads any more.

mod common;
use common::{Sandbox, text};
use std::path::{Path, PathBuf};

/// A workspace with committed follow-ups (the demo's).
fn demo(sb: &Sandbox) -> PathBuf {
    let parent = sb.path().join("demos");
    let out = sb.run(&["demo", "--dir", parent.to_str().unwrap(), "--no-open"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read_dir(&parent)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path()
}

/// Every printing subcommand, on workspace `ws`.
fn commands(sb: &Sandbox, ws: &Path) -> Vec<Vec<String>> {
    let ws = ws.to_str().unwrap();
    let followup = sb.path().join("f.toml");
    std::fs::write(
        &followup,
        "schema = 1\nunit = \"bestallarenhet-2\"\nperiod = \"2025-T1\"\n[[goal]]\nid = \"E1\"\nrating = \"delvis\"\nsummary = \"Text\"\n",
    )
    .unwrap();
    let plan_text = sb.path().join("plan.txt");
    std::fs::write(
        &plan_text,
        "Verksamhetsplan 2026\nTestenheten\n\nEnhetsmål: Alla får god omsorg\nFörväntat resultat\n1. Nöjda brukare\n",
    )
    .unwrap();
    let strings = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        strings(&["log", ws]),
        strings(&["verify", ws]),
        strings(&["check", ws]),
        strings(&["overview", ws, "--period", "2025-VB"]),
        strings(&[
            "export",
            ws,
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-VB",
        ]),
        strings(&[
            "export",
            ws,
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-VB",
            "--format",
            "html",
        ]),
        strings(&["keymap", "print"]),
        strings(&["keymap", "print", "--keymap", "vim"]),
        strings(&["import", plan_text.to_str().unwrap()]),
        strings(&[
            "record",
            ws,
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-T1",
            "--from",
            followup.to_str().unwrap(),
            // The demo's roster lets its chief write its units.
            "--author",
            "Demo Chef <demo@example.invalid>",
        ]),
        strings(&["--help"]),
        strings(&["log", "--help"]),
    ]
}

#[test]
fn a_closed_standard_output_ends_every_subcommand_quietly() {
    let sb = Sandbox::new();
    let ws = demo(&sb);
    for args in commands(&sb, &ws) {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = sb
            .cmd()
            .args(&args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe") && !err.contains("tertial:"),
            "{args:?}: {err}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn a_closed_pipe_for_output_and_errors_together_ends_quietly() {
    let sb = Sandbox::new();
    let ws = demo(&sb);
    for args in commands(&sb, &ws) {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let status = sb
            .cmd()
            .args(&args)
            .stdout(writer.try_clone().unwrap())
            .stderr(writer)
            .status()
            .unwrap();
        // Not a panic (101), nor an error about the pipe (2).
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
}
