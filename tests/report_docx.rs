//! The Word export: the Beställarenhet 2 verksamhetsberättelse 2025 as a
//! .docx, unzipped and its XML parsed: parts, heading styles in the order
//! of the Markdown export, real tables, escaping of hostile text, the same
//! bytes every time, and the CLI writing it. LibreOffice's conversion to
//! PDF is in tests/report_docx_soffice.rs.

mod common;
use common::{Sandbox, pty::Pty, text};
use roxmltree::{Document, Node};
use std::collections::BTreeMap;
use std::io::Read;
use tertial::followup::FollowUp;
use tertial::plan::{Plan, parse_plan};
use tertial::report;

const PLAN: &str = include_str!("../plans/2025/bestallarenhet-2.toml");
const FIXTURE: &str = include_str!("fixtures/bestallarenhet-2-2025-VB.toml");
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn plan() -> Plan {
    parse_plan("plans/2025/bestallarenhet-2.toml", PLAN.as_bytes()).expect("bundled plan parses")
}

fn followup(plan: &Plan) -> FollowUp {
    tertial::followup::load::parse_followup(
        "bestallarenhet-2-2025-VB.toml",
        FIXTURE.as_bytes(),
        plan,
    )
    .unwrap_or_else(|d| panic!("fixture does not parse: {d:?}"))
}

/// The package's entries in order, each as text.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
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

fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    unzip(bytes).into_iter().collect()
}

fn w<'a>(n: Node<'a, 'a>, name: &str) -> bool {
    n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
}

fn attr(n: Node, name: &str) -> Option<String> {
    n.attribute((W, name)).map(str::to_string)
}

fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| w(*c, name))
}

/// A paragraph's style id.
fn style(p: Node) -> Option<String> {
    child(p, "pPr")
        .and_then(|ppr| child(ppr, "pStyle"))
        .and_then(|s| attr(s, "val"))
}

/// The text of a node's `w:t` descendants.
fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| w(*d, "t"))
        .filter_map(|t| t.text())
        .collect()
}

/// (level, text) of the paragraphs in Heading1..Heading4.
fn word_headings(doc: &Document) -> Vec<(usize, String)> {
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
fn markdown_headings(md: &str) -> Vec<(usize, String)> {
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

fn markdown_tables(md: &str) -> usize {
    md.lines().filter(|l| l.starts_with("| ---")).count()
}

fn vb() -> (Vec<u8>, String) {
    let plan = plan();
    let f = followup(&plan);
    (
        report::docx(&plan, &f, &[]),
        report::markdown(&plan, &f, &[]),
    )
}

#[test]
fn the_package_has_the_parts_word_needs_and_all_are_well_formed() {
    let (bytes, _) = vb();
    let entries = unzip(&bytes);
    assert_eq!(entries[0].0, "[Content_Types].xml");
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for part in [
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        assert!(names.contains(&part), "missing {part}: {names:?}");
    }
    for (name, xml) in &entries {
        Document::parse(xml).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
    }
    let parts = parts(&bytes);
    // Every part but the content types and relationships has an override,
    // and every relationship points at a part in the package.
    let types = Document::parse(&parts["[Content_Types].xml"]).unwrap();
    let overrides: Vec<&str> = types
        .descendants()
        .filter_map(|n| n.attribute("PartName"))
        .collect();
    for name in names
        .iter()
        .filter(|n| !n.ends_with(".rels") && !n.starts_with('['))
    {
        assert!(overrides.contains(&format!("/{name}").as_str()), "{name}");
    }
    for (rels, base) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
    ] {
        let doc = Document::parse(&parts[rels]).unwrap();
        for target in doc.descendants().filter_map(|n| n.attribute("Target")) {
            let path = format!("{base}{target}");
            assert!(parts.contains_key(&path), "{rels} points at missing {path}");
        }
    }
    let core = Document::parse(&parts["docProps/core.xml"]).unwrap();
    let field = |name: &str| {
        core.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(
        field("title").as_deref(),
        Some("Verksamhetsberättelse 2025 – Beställarenhet 2")
    );
    assert_eq!(field("creator").as_deref(), Some("tertial"));
    assert_eq!(field("language").as_deref(), Some("sv-SE"));
}

#[test]
fn headings_have_word_styles_in_the_order_of_the_markdown_export() {
    let (bytes, md) = vb();
    let parts = parts(&bytes);
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let headings = word_headings(&doc);
    assert_eq!(headings, markdown_headings(&md));
    assert_eq!(headings.len(), 26);
    assert_eq!(headings[0], (1, "Sammanfattande analys".to_string()));
    // The title, and a page break before each main section.
    let title = doc
        .descendants()
        .find(|n| w(*n, "p") && style(*n).as_deref() == Some("Title"))
        .expect("a Title paragraph");
    assert_eq!(text_of(title), "Verksamhetsberättelse 2025");
    for p in doc.descendants().filter(|n| w(*n, "p")) {
        let breaks = child(p, "pPr").and_then(|ppr| child(ppr, "pageBreakBefore"));
        assert_eq!(
            breaks.is_some(),
            style(p).as_deref() == Some("Heading1"),
            "{}",
            text_of(p)
        );
    }
    // The contents list names every Heading1 and Heading2 and links to it.
    let entries: Vec<String> = doc
        .descendants()
        .filter(|n| {
            w(*n, "p")
                && style(*n).is_some_and(|s| {
                    s.strip_prefix("TOC")
                        .is_some_and(|l| l.parse::<u8>().is_ok())
                })
        })
        .map(|p| text_of(p))
        .collect();
    let main: Vec<String> = headings
        .iter()
        .filter(|(l, _)| *l <= 2)
        .map(|(_, t)| t.clone())
        .collect();
    assert_eq!(entries, main);
    let marks: Vec<String> = doc
        .descendants()
        .filter(|n| w(*n, "bookmarkStart"))
        .filter_map(|n| attr(n, "name"))
        .collect();
    let anchors: Vec<String> = doc
        .descendants()
        .filter(|n| w(*n, "hyperlink"))
        .filter_map(|n| attr(n, "anchor"))
        .collect();
    assert_eq!(marks, anchors);
}

#[test]
fn styles_are_words_own_heading_styles_with_outline_levels() {
    let (bytes, _) = vb();
    let parts = parts(&bytes);
    let styles = Document::parse(&parts["word/styles.xml"]).unwrap();
    let find = |id: &str| {
        styles
            .descendants()
            .find(|n| w(*n, "style") && attr(*n, "styleId").as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"))
    };
    for level in 1..=4 {
        let s = find(&format!("Heading{level}"));
        let name = child(s, "name").and_then(|n| attr(n, "val"));
        assert_eq!(name, Some(format!("heading {level}")));
        let outline = s
            .descendants()
            .find(|n| w(*n, "outlineLvl"))
            .and_then(|n| attr(n, "val"));
        assert_eq!(outline, Some((level - 1).to_string()));
    }
    find("Title");
    let table = find("ReportTable");
    assert_eq!(attr(table, "type").as_deref(), Some("table"));
    let borders = table.descendants().find(|n| w(*n, "tblBorders")).unwrap();
    assert_eq!(borders.children().filter(|n| n.is_element()).count(), 6);
    let lang = styles.descendants().find(|n| w(*n, "lang")).unwrap();
    assert_eq!(attr(lang, "val").as_deref(), Some("sv-SE"));
    // A4 page.
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let size = doc.descendants().find(|n| w(*n, "pgSz")).unwrap();
    assert_eq!(attr(size, "w").as_deref(), Some("11906"));
    assert_eq!(attr(size, "h").as_deref(), Some("16838"));
    // Every list in the document is defined, bullets and numbers apart.
    let numbering = Document::parse(&parts["word/numbering.xml"]).unwrap();
    let defined: Vec<String> = numbering
        .descendants()
        .filter(|n| w(*n, "num"))
        .filter_map(|n| attr(n, "numId"))
        .collect();
    let used: Vec<String> = doc
        .descendants()
        .filter(|n| w(*n, "numId"))
        .filter_map(|n| attr(n, "val"))
        .collect();
    assert!(used.contains(&"1".to_string()) && used.contains(&"2".to_string()));
    for id in &used {
        assert!(defined.contains(id), "numId {id} is not defined");
    }
    let formats: Vec<String> = numbering
        .descendants()
        .filter(|n| w(*n, "numFmt"))
        .filter_map(|n| attr(n, "val"))
        .collect();
    assert_eq!(formats, ["bullet", "decimal"]);
}

#[test]
fn tables_are_real_tables_with_a_repeated_header_row() {
    let (bytes, md) = vb();
    let parts = parts(&bytes);
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let tables: Vec<Node> = doc.descendants().filter(|n| w(*n, "tbl")).collect();
    assert_eq!(tables.len(), markdown_tables(&md));
    assert_eq!(tables.len(), 5);
    let mut analyses = 0;
    for t in &tables {
        let grid = child(*t, "tblGrid")
            .unwrap()
            .children()
            .filter(|n| w(*n, "gridCol"))
            .count();
        let rows: Vec<Node> = t.children().filter(|n| w(*n, "tr")).collect();
        assert!(rows.len() >= 2);
        let head = child(rows[0], "trPr").and_then(|p| child(p, "tblHeader"));
        assert!(head.is_some(), "the first row repeats on each page");
        let heads: Vec<String> = rows[0]
            .children()
            .filter(|n| w(*n, "tc"))
            .map(text_of)
            .collect();
        assert!(
            heads[0] == "Indikator" || heads[0] == "Aktivitet",
            "{heads:?}"
        );
        for r in &rows {
            let spans: usize = r
                .children()
                .filter(|n| w(*n, "tc"))
                .map(|c| {
                    c.descendants()
                        .find(|n| w(*n, "gridSpan"))
                        .and_then(|g| attr(g, "val"))
                        .map_or(1, |v| v.parse().unwrap())
                })
                .sum();
            assert_eq!(spans, grid, "every row fills the grid");
            if spans > 1 && r.children().filter(|n| w(*n, "tc")).count() == 1 {
                analyses += 1;
                assert!(text_of(*r).starts_with("Analys"));
            }
        }
    }
    // One full-width analysis row per analysed activity, as in Markdown.
    assert_eq!(analyses, md.matches("*Analys:*").count());
    assert!(analyses > 0);
    // A "- " line of an analysis is a bullet inside its cell.
    let cell_bullets = tables
        .iter()
        .flat_map(|t| t.descendants())
        .filter(|n| w(*n, "numId"))
        .count();
    assert!(cell_bullets > 0);
    let xml = &parts["word/document.xml"];
    assert!(xml.contains("69,23 %"));
    // Each enhetsmål's rating, its symbol in the rating's colour.
    let ratings: Vec<Node> = doc
        .descendants()
        .filter(|n| w(*n, "p") && style(*n).as_deref() == Some("Rating"))
        .collect();
    assert_eq!(ratings.len(), 6);
    for r in ratings {
        assert_eq!(text_of(r), "● Uppfylls helt");
        let color = r
            .descendants()
            .find(|n| w(*n, "color"))
            .and_then(|c| attr(c, "val"));
        assert_eq!(color.as_deref(), Some("1A7F37"));
    }
}

#[test]
fn the_same_follow_up_gives_the_same_bytes() {
    let (a, _) = vb();
    let (b, _) = vb();
    assert_eq!(a, b);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&a)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (2025, 12, 31),
            "{:?}",
            f.name()
        );
    }
}

const HOSTILE: &str = "a\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}31m\u{85}c\u{202E}d\u{2066}e\r\
    \u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}\u{80}\u{9f}\u{200F}\u{2028}\u{FEFF}\u{FFFE}\u{FFFF}\
    <script>alert('x')</script> & \"q\" ]]> <![CDATA[x]]> <?pi?> <!-- c --> &amp; \
    </w:t></w:r></w:p><w:p><w:r><w:t>injected\n# rubrik\n- punkt";

fn hostile() -> (Plan, FollowUp) {
    let mut plan = plan();
    plan.unit.name = HOSTILE.into();
    plan.unit.committee = HOSTILE.into();
    plan.unit_goals[0].title = HOSTILE.into();
    plan.unit_goals[0].expected_results[0] = HOSTILE.into();
    plan.committee_goals[0].title = HOSTILE.into();
    plan.committee_goals[0].description = HOSTILE.into();
    plan.committee_goals[0].expected_results[0] = HOSTILE.into();
    plan.indicators[0].name = HOSTILE.into();
    plan.indicators[0].kf_target = Some(HOSTILE.into());
    plan.activities[0].text = HOSTILE.into();
    plan.kf_goals[0].title = HOSTILE.into();
    let mut f = followup(&plan);
    f.goals[0].summary = HOSTILE.into();
    f.goals[0].analysis[0] = HOSTILE.into();
    f.goals[0].deviations.push(tertial::followup::Deviation {
        what: HOSTILE.into(),
        cause: HOSTILE.into(),
        measure: HOSTILE.into(),
        responsible: Some(HOSTILE.into()),
        ..Default::default()
    });
    f.activities[0].analysis = HOSTILE.into();
    f.activities[0].deviation = true;
    (plan, f)
}

#[test]
fn hostile_text_never_reaches_the_xml_raw() {
    let (plan, f) = hostile();
    let bytes = report::docx(&plan, &f, &[]);
    for (name, xml) in unzip(&bytes) {
        for c in xml.chars() {
            assert!(
                c == '\n' || !(c.is_control() || tertial::sanitize::is_reordering(c)),
                "{name}: U+{:04X}",
                c as u32
            );
            assert!(c != '\u{FFFE}' && c != '\u{FFFF}', "{name}");
        }
        let doc = Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The markup in the text stayed text: no element came from it.
        assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
        assert!(
            !doc.descendants().any(|n| n.is_pi() || n.is_comment()),
            "{name}"
        );
        assert!(!xml.contains("<script"), "{name}");
        assert!(!xml.contains("<![CDATA["), "{name}");
    }
    let parts = parts(&bytes);
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let all = text_of(doc.root());
    assert!(all.contains("<script>alert('x')</script> & \"q\" ]]> <![CDATA[x]]>"));
    assert!(all.contains("</w:t></w:r></w:p><w:p><w:r><w:t>injected"));
    assert!(all.contains("␛[2J"));
    assert!(all.contains("<U+202E>"));
    // User text adds no heading, table or paragraph outside its own.
    let clean = vb();
    let clean_doc = parts_doc(&clean.0);
    let clean_doc = Document::parse(&clean_doc).unwrap();
    assert_eq!(word_headings(&doc).len(), word_headings(&clean_doc).len());
    let count = |d: &Document, name: &str| d.descendants().filter(|n| w(*n, name)).count();
    assert_eq!(count(&doc, "tbl"), count(&clean_doc, "tbl"));
    let core = &parts["docProps/core.xml"];
    assert!(core.contains("&lt;script&gt;"));
    assert!(parts["word/footer1.xml"].contains("&lt;script&gt;"));
}

fn parts_doc(bytes: &[u8]) -> String {
    parts(bytes).remove("word/document.xml").unwrap()
}

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
    assert!(text(&out.stderr).contains("md, html, docx or text"));
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
