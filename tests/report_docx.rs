//! The Word export: the Beställarenhet 2 verksamhetsberättelse 2025 as a
//! .docx, unzipped and its XML parsed: parts, heading styles in the order
//! of the Markdown export, real tables, escaping of hostile text, the same
//! bytes every time. Hostile text is in tests/report_docx_escaping.rs, the
//! CLI in tests/cli_export_docx.rs, LibreOffice's conversion to PDF in
//! tests/report_docx_soffice.rs.

mod docx;
use docx::*;
use roxmltree::{Document, Node};
use tertial::report;

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
    // Indicators and activities (5), economy, synpunkter och klagomål.
    assert_eq!(tables.len(), 7);
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
            ["Indikator", "Aktivitet", "Budget (tkr)", "Uppdelning"].contains(&heads[0].as_str()),
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

/// The document part, one paragraph or table row a line, as an insta
/// snapshot: run with INSTA_UPDATE=always to rewrite it, then read the diff.
#[test]
fn document_xml_matches_golden_file() {
    insta::assert_snapshot!("bestallarenhet-2-2025-VB.document.xml", parts_doc(&vb().0));
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

#[test]
fn a_tertial_report_shows_forecasts_and_deviations() {
    let plan = plan();
    let mut f = followup(&plan);
    f.period = "2025-T1".parse().unwrap();
    f.status = tertial::followup::Status::Draft;
    f.goals[1].rating = Some(tertial::followup::Rating::Partial);
    f.goals[1].deviations.push(tertial::followup::Deviation {
        what: "Elbilen används sällan".into(),
        link: Some("R2".into()),
        measure: "Bokningsrutin på APT".into(),
        ..Default::default()
    });
    let bytes = report::docx(&plan, &f, &[]);
    let xml = parts_doc(&bytes);
    let doc = Document::parse(&xml).unwrap();
    let texts: Vec<(Option<String>, String)> = doc
        .descendants()
        .filter(|n| w(*n, "p"))
        .map(|p| (style(p), text_of(p)))
        .collect();
    let has = |s: Option<&str>, t: &str| texts.iter().any(|(a, b)| a.as_deref() == s && b == t);
    assert!(has(Some("Title"), "Tertialrapport 1 2025"));
    assert!(has(Some("Subtitle"), "Status: utkast"));
    assert!(has(Some("Rating"), "◐ Bedöms uppfyllas delvis"));
    assert!(has(Some("Rating"), "● Bedöms uppfyllas helt"));
    assert!(has(Some("Label"), "Avvikelser"));
    assert!(has(None, "Avvikelse 1: Elbilen används sällan"));
    assert!(has(None, "Gäller: Förväntat resultat 2"));
    assert!(has(None, "Åtgärd: Bokningsrutin på APT"));
    assert!(xml.contains("<w:color w:val=\"B58100\"/>"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let t = zip.by_index(0).unwrap().last_modified().unwrap();
    assert_eq!((t.year(), t.month(), t.day()), (2025, 4, 30));
}

/// The cells' texts of every table row whose first cell is `first`.
fn rows_of(doc: &Document, first: &str) -> Vec<Vec<String>> {
    doc.descendants()
        .filter(|n| w(*n, "tr"))
        .map(|r| {
            r.children()
                .filter(|n| w(*n, "tc"))
                .map(text_of)
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.first().is_some_and(|c| c == first))
        .collect()
}

#[test]
fn the_activity_table_has_a_status_column() {
    let plan = plan();
    let mut f = followup(&plan);
    f.activities
        .iter_mut()
        .find(|a| a.id == "A7")
        .unwrap()
        .status = None;
    let xml = parts_doc(&report::docx(&plan, &f, &[]));
    let doc = Document::parse(&xml).unwrap();
    let heads = rows_of(&doc, "Aktivitet");
    assert_eq!(heads.len(), 3);
    for h in heads {
        assert_eq!(
            h,
            [
                "Aktivitet",
                "Startdatum",
                "Slutdatum",
                "Status",
                "Avvikelse"
            ]
        );
    }
    let status = |start: &str| {
        let rows: Vec<Vec<String>> = doc
            .descendants()
            .filter(|n| w(*n, "tr"))
            .map(|r| r.children().filter(|n| w(*n, "tc")).map(text_of).collect())
            .collect();
        rows.into_iter()
            .find(|r: &Vec<String>| r[0].starts_with(start))
            .map(|r| r[3].clone())
    };
    assert_eq!(
        status("Stadsdelsnämndens samtliga chefer").as_deref(),
        Some("Genomförd")
    );
    assert_eq!(
        status("Stadsdelsnämndens samhällsviktiga").as_deref(),
        Some("Pågår")
    );
    assert_eq!(
        status("Stadsdelsnämndens medarbetare går stadens utbildning i informationssäkerhet")
            .as_deref(),
        Some("(ej ifylld)")
    );
}

/// Word draws ◐ from a fallback font, tiny, when the run's font is Arial:
/// every rating symbol has a run of its own in a symbol font, which the
/// font table gives a stand-in that has the symbols.
#[test]
fn rating_symbols_are_set_in_a_symbol_font() {
    let plan = plan();
    let mut f = followup(&plan);
    f.goals[0].rating = Some(tertial::followup::Rating::Partial);
    f.goals[1].rating = Some(tertial::followup::Rating::Not);
    let bytes = report::docx(&plan, &f, &[]);
    let parts = parts(&bytes);
    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let mut symbols = 0;
    for r in doc.descendants().filter(|n| w(*n, "r")) {
        let text = text_of(r);
        if !text.contains(['●', '◐', '○']) {
            continue;
        }
        symbols += 1;
        assert!(text.chars().all(|c| "●◐○".contains(c)), "{text:?}");
        let font = child(r, "rPr")
            .and_then(|p| child(p, "rFonts"))
            .and_then(|f| attr(f, "ascii"));
        assert_eq!(font.as_deref(), Some("Segoe UI Symbol"), "{text:?}");
    }
    assert_eq!(symbols, 6);
    let fonts = Document::parse(&parts["word/fontTable.xml"]).unwrap();
    let stand_in = fonts
        .descendants()
        .find(|n| w(*n, "font") && attr(*n, "name").as_deref() == Some("Segoe UI Symbol"))
        .and_then(|n| child(n, "altName"))
        .and_then(|a| attr(a, "val"));
    assert_eq!(stand_in.as_deref(), Some("DejaVu Sans"));
}

#[test]
fn unrated_and_not_assessed_differ_in_word_too() {
    let plan = plan();
    let mut f = followup(&plan);
    f.goals[0].rating = Some(tertial::followup::Rating::NotAssessed);
    f.goals[1].rating = None;
    let xml = parts_doc(&report::docx(&plan, &f, &[]));
    let doc = Document::parse(&xml).unwrap();
    let ratings: Vec<String> = doc
        .descendants()
        .filter(|n| w(*n, "p") && style(*n).as_deref() == Some("Rating"))
        .map(text_of)
        .collect();
    assert_eq!(ratings[0], "– Ej bedömd");
    assert_eq!(ratings[1], "? Ej ifylld");
}
