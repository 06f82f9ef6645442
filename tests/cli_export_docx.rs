//! `tertial export --format docx` on a real workspace: written with -o or
//! to a pipe, never to a terminal.

mod common;
mod docx;
use common::{Sandbox, pty::Pty, text};
use docx::*;
use roxmltree::Document;

/// A workspace with the fixture committed as bestallarenhet-2's 2025-VB.
fn workspace_with_vb(sb: &Sandbox) -> std::path::PathBuf {
    let ws = sb.workspace("ws");
    let out = sb.run(&["init", ws.to_str().unwrap(), "--with-samples"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = sb.path().join("vb.toml");
    std::fs::write(&file, FIXTURE).unwrap();
    let out = sb.run(&[
        "record",
        ws.to_str().unwrap(),
        "--unit",
        "bestallarenhet-2",
        "--period",
        "2025-VB",
        "--from",
        file.to_str().unwrap(),
        "--author",
        "Anna Chef <anna@example.invalid>",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    ws
}

const EXPORT: [&str; 6] = [
    "--unit",
    "bestallarenhet-2",
    "--period",
    "2025-VB",
    "--format",
    "docx",
];

#[test]
fn the_cli_writes_the_docx_to_a_file_or_a_pipe() {
    let sb = Sandbox::new();
    let ws = workspace_with_vb(&sb);
    let file = sb.path().join("rapport.docx");
    let mut args = vec!["export", ws.to_str().unwrap()];
    args.extend(EXPORT);
    args.extend(["-o", file.to_str().unwrap()]);
    let out = sb.run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&file).unwrap();
    assert!(written.starts_with(b"PK\x03\x04"));
    let doc = parts_doc(&written);
    let doc = Document::parse(&doc).unwrap();
    assert_eq!(word_headings(&doc), markdown_headings(&vb().1));
    // Standard output that is not a terminal (here a pipe) gets the same.
    let piped = sb.run(&args[..args.len() - 2]);
    assert!(piped.status.success(), "{}", text(&piped.stderr));
    assert_eq!(piped.stdout, written);
    // Unknown formats name docx among the known ones.
    let mut bad = args[..args.len() - 3].to_vec();
    bad.push("pdf");
    let out = sb.run(&bad);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("md, html, docx eller text"));
}

#[test]
fn the_cli_does_not_write_the_docx_to_a_terminal() {
    let sb = Sandbox::new();
    let ws = workspace_with_vb(&sb);
    let mut args = vec!["export", ws.to_str().unwrap()];
    args.extend(EXPORT);
    let mut t = Pty::spawn(sb.pty_cmd(&args), 100, 20);
    t.wait_output("-o");
    assert_ne!(t.wait_exit(), 0);
    let raw = t.raw.lock().unwrap().clone();
    assert!(!raw.windows(4).any(|w| w == b"PK\x03\x04"));
    assert!(t.output().contains("docx"), "{}", t.output());
}
