//! Blocks the fixture does not hold (generic tables, odd levels, lists in
//! free text) rendered to WordprocessingML and read back.

use super::{Block, body};
use roxmltree::{Document, Node};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn parse(blocks: &[Block]) -> String {
    let (xml, _) = body(blocks);
    format!("<w:body xmlns:w=\"{W}\">{xml}</w:body>")
}

fn is<'a>(n: &Node<'a, 'a>, name: &str) -> bool {
    n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
}

fn count(doc: &Document, name: &str) -> usize {
    doc.descendants().filter(|n| is(n, name)).count()
}

#[test]
fn a_generic_table_fills_its_grid_whatever_the_rows() {
    let xml = parse(&[Block::Table {
        columns: vec!["Post".into(), "Budget".into(), "Utfall".into()],
        rows: vec![
            vec!["Intäkter".into(), "1,0".into()],
            vec!["".into(), "2,0".into(), "3,0".into(), "överskott".into()],
            vec![],
        ],
    }]);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(count(&doc, "tbl"), 1);
    assert_eq!(count(&doc, "gridCol"), 4);
    let rows: Vec<Node> = doc.descendants().filter(|n| is(n, "tr")).collect();
    assert_eq!(rows.len(), 4);
    for r in rows {
        assert_eq!(r.children().filter(|n| is(n, "tc")).count(), 4);
        // Every cell holds a paragraph, as Word requires.
        for c in r.children().filter(|n| is(n, "tc")) {
            assert!(c.children().any(|n| is(&n, "p")));
        }
    }
    assert!(xml.contains("överskott"));
    assert!(xml.contains("<w:tblHeader/>"));
}

#[test]
fn an_empty_table_is_left_out() {
    let xml = parse(&[Block::Table {
        columns: vec![],
        rows: vec![vec![], vec![]],
    }]);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(count(&doc, "tbl"), 0);
}

#[test]
fn two_tables_in_a_row_stay_apart() {
    let t = Block::Table {
        columns: vec!["A".into()],
        rows: vec![vec!["1".into()]],
    };
    let xml = parse(&[t.clone(), t]);
    assert!(!xml.contains("</w:tbl>\n<w:tbl>"));
}

#[test]
fn heading_levels_map_to_word_styles_and_are_clamped() {
    let h = |level| Block::Heading {
        level,
        text: format!("H{level}"),
        page_break: level == 2,
    };
    let xml = parse(&[h(0), h(2), h(3), h(4), h(9)]);
    let styles: Vec<&str> = xml
        .match_indices("<w:pStyle w:val=\"Heading")
        .map(|(i, m)| &xml[i + m.len()..i + m.len() + 1])
        .collect();
    assert_eq!(styles, ["1", "1", "2", "3", "4"]);
    assert_eq!(xml.matches("<w:pageBreakBefore/>").count(), 1);
}

#[test]
fn contents_entries_link_to_their_headings_whatever_the_levels() {
    let h = |level| Block::Heading {
        level,
        text: format!("H{level}"),
        page_break: false,
    };
    let title = Block::Title {
        title: "T".into(),
        lines: vec![],
    };
    let xml = parse(&[title, h(1), h(4), h(3), h(7), h(2)]);
    let doc = Document::parse(&xml).unwrap();
    let anchors: Vec<&str> = doc
        .descendants()
        .filter(|n| is(n, "hyperlink"))
        .filter_map(|n| n.attribute((W, "anchor")))
        .collect();
    let marks: Vec<&str> = doc
        .descendants()
        .filter(|n| is(n, "bookmarkStart"))
        .filter_map(|n| n.attribute((W, "name")))
        .collect();
    assert_eq!(anchors, ["_Toc1", "_Toc2", "_Toc3"]);
    assert_eq!(marks, anchors);
    // Each bookmark is on the heading its entry names.
    for (i, name) in ["H1", "H3", "H2"].iter().enumerate() {
        let mark = doc
            .descendants()
            .find(|n| is(n, "bookmarkStart") && n.attribute((W, "name")) == Some(marks[i]))
            .unwrap();
        let heading: String = mark
            .parent()
            .unwrap()
            .descendants()
            .filter(|n| is(n, "t"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(&heading, name);
    }
}

#[test]
fn free_text_keeps_paragraphs_lines_and_dash_lists() {
    let xml = parse(&[Block::Para(
        "Första raden\nandra raden\n- punkt ett\n- punkt två\n\nNytt stycke".into(),
    )]);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(count(&doc, "p"), 4);
    assert_eq!(count(&doc, "br"), 1);
    assert_eq!(count(&doc, "numPr"), 2);
}

#[test]
fn numbered_lists_each_start_at_one() {
    let list = Block::Numbered(vec!["a".into(), "b".into()]);
    let (xml, numbered) = body(&[list.clone(), Block::Para("x".into()), list]);
    assert_eq!(numbered, 2);
    assert_eq!(xml.matches("<w:numId w:val=\"2\"/>").count(), 2);
    assert_eq!(xml.matches("<w:numId w:val=\"3\"/>").count(), 2);
    let numbering = super::parts::numbering(numbered);
    assert!(numbering.contains("<w:num w:numId=\"3\">"));
    Document::parse(&numbering).unwrap();
}
