//! `tertial import` on the layouts other exports give: the seed-001 text
//! rewritten in the test (blank line after every line, hyphenated line
//! breaks at ~70 columns, headings split over two lines, table cells on
//! lines of their own) must give the same plan structure.

use tertial::import::{Imported, import};
use tertial::plan::{Plan, parse_plan, write::to_toml};

fn seed_001() -> String {
    let p =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/seed-001.txt");
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn assert_valid(imp: &Imported) {
    let toml = to_toml(&imp.plan);
    if let Err(d) = parse_plan("imported.toml", toml.as_bytes()) {
        let msgs: Vec<_> = d.iter().map(|d| d.message.clone()).collect();
        panic!("imported plan does not pass check: {msgs:?}");
    }
}

/// Everything but the wording of free text: the unit, every goal with its
/// parent and title, the number of points of each field, every indicator
/// and activity with all its values.
fn shape(p: &Plan) -> Vec<String> {
    let mut v = vec![format!("{:?}", p.unit)];
    v.extend(
        p.sections
            .iter()
            .map(|s| format!("section {} {}", s.level, s.title)),
    );
    v.extend(
        p.kf_goals
            .iter()
            .map(|g| format!("kf {} {}", g.id, g.title)),
    );
    v.extend(
        p.area_goals
            .iter()
            .map(|g| format!("area {} {} {}", g.id, g.kf_goal, g.title)),
    );
    v.extend(p.committee_goals.iter().map(|g| {
        format!(
            "committee {} {} {} results={}",
            g.id,
            g.area_goal,
            g.title,
            g.expected_results.len()
        )
    }));
    v.extend(p.unit_goals.iter().map(|g| {
        format!(
            "unit {} {} {} results={} ways={} follow_up={} resources={} development={}",
            g.id,
            g.committee_goal,
            g.title,
            g.expected_results.len(),
            g.ways_of_working.items().len(),
            g.follow_up.items().len(),
            g.resources.items().len(),
            g.development.items().len()
        )
    }));
    v.extend(p.indicators.iter().map(|i| format!("{i:?}")));
    v.extend(p.activities.iter().map(|a| format!("{a:?}")));
    v
}

fn assert_same_shape(variant: &str, what: &str) {
    assert_same_shape_as(&seed_001(), variant.as_bytes(), what);
}

fn assert_same_shape_as(base: &str, variant: &[u8], what: &str) {
    let plain = import(base.as_bytes(), None);
    let imp = import(variant, None);
    assert_valid(&imp);
    assert!(imp.unplaced.is_empty(), "{what}: {:?}", imp.unplaced);
    let (a, b) = (shape(&plain.plan), shape(&imp.plan));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{what}");
    }
    assert_eq!(a.len(), b.len(), "{what}");
    assert_eq!(imp.plan.unit_goals.len(), 8, "{what}");
}

#[test]
fn every_line_followed_by_a_blank_line() {
    let doubled: String = seed_001().lines().map(|l| format!("{l}\n\n")).collect();
    assert_same_shape(&doubled, "double spacing");
    // Free text too is the same, paragraph breaks included.
    assert_eq!(
        import(doubled.as_bytes(), None).plan,
        import(seed_001().as_bytes(), None).plan
    );
}

/// Wraps a line at about 70 columns the way a PDF export does: long words
/// that cross the margin are hyphenated ("kem-" / "ikalier").
fn wrap(line: &str, out: &mut Vec<String>) -> usize {
    let mut hyphenated = 0;
    let mut cur = String::new();
    for word in line.split(' ') {
        let width = cur.chars().count();
        if width + 1 + word.chars().count() <= 70 || cur.is_empty() {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
            continue;
        }
        let n = word.chars().count();
        let room = 70usize.saturating_sub(width + 2);
        if n >= 8 && room >= 4 && word.chars().all(char::is_alphabetic) {
            let head: String = word.chars().take(room.min(n - 5)).collect();
            let tail: String = word.chars().skip(head.chars().count()).collect();
            if tail.chars().next().is_some_and(char::is_lowercase) && head.chars().count() >= 4 {
                out.push(format!("{cur} {head}-"));
                cur = tail;
                hyphenated += 1;
                continue;
            }
        }
        out.push(std::mem::take(&mut cur));
        cur.push_str(word);
    }
    out.push(cur);
    hyphenated
}

#[test]
fn long_lines_hyphen_broken_at_seventy_columns() {
    let mut lines = Vec::new();
    let mut hyphenated = 0;
    for l in seed_001().lines() {
        if l.contains('\t') || l.chars().count() <= 70 {
            lines.push(l.to_string());
        } else {
            hyphenated += wrap(l, &mut lines);
        }
    }
    assert!(hyphenated > 40, "the variant hyphenates: {hyphenated}");
    let text = lines.join("\n");
    assert!(
        text.lines()
            .all(|l| l.contains('\t') || l.chars().count() <= 80)
    );
    assert_same_shape(&text, "hyphenated");
    let imp = import(text.as_bytes(), None);
    assert!(imp.repairs >= hyphenated, "{} < {hyphenated}", imp.repairs);
    // The words are whole again in the free text.
    let plain = import(seed_001().as_bytes(), None);
    let words = |p: &Plan| -> Vec<String> {
        p.unit_goals
            .iter()
            .flat_map(|g| {
                g.expected_results
                    .join(" ")
                    .split_whitespace()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(words(&imp.plan), words(&plain.plan));
}

#[test]
fn headings_split_over_two_lines() {
    let two_line = [
        ("Förväntat resultat", "Förväntat\nresultat"),
        (
            "Systematiskt kvalitetsarbete",
            "Systematiskt\nkvalitetsarbete",
        ),
        ("Redovisning av ekonomi", "Redovisning av\nekonomi"),
        ("Medarbetarnas delaktighet", "Medarbetarnas\ndelaktighet"),
        ("Enhetens uppdrag", "Enhetens\nuppdrag"),
        ("Stadens kvalitetsprogram", "Stadens\nkvalitetsprogram"),
    ];
    let mut split = 0;
    let text: Vec<String> = seed_001()
        .lines()
        .map(|l| {
            if l.contains('\t') {
                return l.to_string();
            }
            for (from, to) in two_line {
                if l.trim() == from {
                    split += 1;
                    return to.to_string();
                }
            }
            for prefix in ["KF:s inriktningsmål:", "Nämndmål:", "Enhetsmål:"] {
                if let Some(rest) = l.trim().strip_prefix(prefix) {
                    split += 1;
                    return format!("{prefix}\n{}", rest.trim());
                }
            }
            if let Some(rest) = l.trim().strip_prefix("KF:s mål för ") {
                split += 1;
                return format!("KF:s mål för\n{rest}");
            }
            l.to_string()
        })
        .collect();
    assert!(split > 40, "{split} headings split");
    assert_same_shape(&text.join("\n"), "split headings");
}

#[test]
fn table_cells_on_lines_of_their_own() {
    let mut rows = 0;
    let text: String = seed_001()
        .lines()
        .map(|l| {
            // Table rows (the contents' page numbers have a single tab).
            if l.matches('\t').count() >= 2 {
                rows += 1;
                l.split('\t').map(|c| format!("{}\n", c.trim())).collect()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert!(rows > 20, "{rows} rows");
    assert_same_shape(&text, "one cell per line");
}

#[test]
fn windows_line_ends_and_encodings() {
    let crlf = seed_001().replace('\n', "\r\n");
    assert_same_shape(&crlf, "CRLF");
    // Latin-1 (Windows-1252) and UTF-16 exports of the same text.
    let latin: String = seed_001()
        .chars()
        .map(|c| if u32::from(c) < 0x100 { c } else { '-' })
        .collect();
    let bytes: Vec<u8> = latin.chars().map(|c| u32::from(c) as u8).collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert_same_shape_as(&latin, &bytes, "Latin-1");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(seed_001().encode_utf16().flat_map(u16::to_le_bytes));
    assert_same_shape_as(&seed_001(), &utf16, "UTF-16");
    let imp = import(&utf16, None);
    assert_eq!(imp.plan.unit.name, "Hägersten-Älvsjös hemtjänst");
}
