//! Helpers for the tests of the Word export: the Beställarenhet 2 VB 2025
//! fixture, the package unzipped, WordprocessingML read with roxmltree.
#![allow(dead_code)]

use roxmltree::{Document, Node};
use std::collections::BTreeMap;
use std::io::Read;
use tertial::followup::FollowUp;
use tertial::plan::Plan;
use tertial::report;

#[path = "../common/report_fixture.rs"]
mod fixture;
pub use fixture::tertials;

pub const FIXTURE: &str = include_str!("../fixtures/bestallarenhet-2-2025-VB.toml");
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub fn plan() -> Plan {
    fixture::plan()
}

pub fn followup(plan: &Plan) -> FollowUp {
    fixture::vb(plan)
}

/// The package's entries in order, each as text.
pub fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).expect("UTF-8 part");
        out.push((f.name().expect("a UTF-8 name").to_string(), s));
    }
    out
}

pub fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    unzip(bytes).into_iter().collect()
}

pub fn w<'a>(n: Node<'a, 'a>, name: &str) -> bool {
    n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
}

pub fn attr(n: Node, name: &str) -> Option<String> {
    n.attribute((W, name)).map(str::to_string)
}

pub fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| w(*c, name))
}

/// A paragraph's style id.
pub fn style(p: Node) -> Option<String> {
    child(p, "pPr")
        .and_then(|ppr| child(ppr, "pStyle"))
        .and_then(|s| attr(s, "val"))
}

/// The text of a node's `w:t` descendants.
pub fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| w(*d, "t"))
        .filter_map(|t| t.text())
        .collect()
}

/// (level, text) of the paragraphs in Heading1..Heading4.
pub fn word_headings(doc: &Document) -> Vec<(usize, String)> {
    doc.descendants()
        .filter(|n| w(*n, "p"))
        .filter_map(|p| {
            let s = style(p)?;
            let level: usize = s.strip_prefix("Heading")?.parse().ok()?;
            Some((level, text_of(p)))
        })
        .collect()
}

/// (level, text) of the Markdown export's `##`..`####` lines, unescaped;
/// `##` is Word's Heading1.
pub fn markdown_headings(md: &str) -> Vec<(usize, String)> {
    md.lines()
        .filter(|l| l.starts_with("## ") || l.starts_with("### ") || l.starts_with("#### "))
        .map(|l| {
            let hashes = l.chars().take_while(|c| *c == '#').count();
            let mut text = String::new();
            let mut chars = l[hashes..].trim().chars();
            while let Some(c) = chars.next() {
                text.push(if c == '\\' {
                    chars.next().unwrap_or(c)
                } else {
                    c
                });
            }
            (hashes - 1, text)
        })
        .collect()
}

pub fn markdown_tables(md: &str) -> usize {
    md.lines().filter(|l| l.starts_with("| ---")).count()
}

pub fn vb() -> (Vec<u8>, String) {
    let plan = plan();
    let f = followup(&plan);
    (
        report::docx(&plan, &f, &tertials(&plan)),
        report::markdown(&plan, &f, &tertials(&plan)),
    )
}

pub fn parts_doc(bytes: &[u8]) -> String {
    parts(bytes).remove("word/document.xml").unwrap()
}

/// The words of every table's heading row in the Markdown, each time it
/// stands there: a heading may wrap at a space, or after a slash.
pub fn table_heading_words(md: &str) -> Vec<String> {
    let lines: Vec<&str> = md.lines().collect();
    lines
        .windows(2)
        .filter(|w| w[1].starts_with("| ---"))
        .flat_map(|w| w[0].trim_matches('|').split(" | ").map(str::trim))
        .flat_map(|cell| cell.split(' ').flat_map(|w| w.split_inclusive('/')))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}
