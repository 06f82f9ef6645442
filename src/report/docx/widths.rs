//! Table column widths for the Word export: every column at least as wide
//! as the longest word of its heading in the heading's bold type, so that
//! Word and LibreOffice wrap a heading only between words (never
//! "Perioden s utfall"), and the width left over shared by what the
//! columns hold.

use super::parts::TEXT_W;

/// The tables' type size: 9.5 pt, in twentieths of a point per em.
const EM: u32 = 190;
/// A cell's left and right margins (the table style's 85 twips each).
const CELL_MARGINS: u32 = 2 * 85;
/// A word's width in percent of its measure in Arial: Arial itself or its
/// metric twin Liberation Sans, with a little room for rounding.
const ARIAL_SLACK: u32 = 105;
/// The same where a wider font stands in for Arial: LibreOffice without
/// Arial or Liberation Sans takes DejaVu Sans, whose bold is up to 25 %
/// wider. Headings get this room when the page has it.
const STAND_IN_SLACK: u32 = 130;

/// Advance widths of Arial Bold (the same as Helvetica Bold) for the
/// printable ASCII characters, in thousandths of an em.
const BOLD_ASCII: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0..?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P.._
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // `..o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p..~
];

/// The same for Arial (Helvetica) regular.
const REGULAR_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// The advance of `c` in Arial, in thousandths of an em; a letter with a
/// diacritic as wide as its base letter, anything unknown a full em (too
/// wide rather than too narrow).
fn advance(c: char, bold: bool) -> u32 {
    let base = match c {
        'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
        'Å' | 'Ä' | 'Á' | 'À' | 'Â' | 'Ã' => 'A',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'Ö' | 'Ø' | 'Ó' | 'Ò' | 'Ô' | 'Õ' => 'O',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'Ü' | 'Ú' | 'Ù' | 'Û' => 'U',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        '\u{200B}' => return 0,
        '–' => return 556,
        c => c,
    };
    let table = if bold { &BOLD_ASCII } else { &REGULAR_ASCII };
    match u32::from(base) {
        b @ 0x20..=0x7E => u32::from(table[(b - 0x20) as usize]),
        _ => 1000,
    }
}

/// The width (twips) a cell needs to hold `word` on one line, bold (a
/// heading) or not, with `slack` percent of its Arial width.
fn word_min(word: &str, bold: bool, slack: u32) -> u32 {
    let units: u32 = word.chars().map(|c| advance(c, bold)).sum();
    (units * EM / 1000) * slack / 100 + CELL_MARGINS
}

/// The words of a heading: it may wrap at a space, and after a slash
/// ("män/" "pojkar"), as the city's own table headings do.
fn heading_words(heading: &str) -> impl Iterator<Item = &str> {
    heading
        .split(' ')
        .flat_map(|w| w.split_inclusive('/'))
        .filter(|w| !w.is_empty())
}

/// The narrowest width (twips) that holds the heading's longest word on
/// one line, in its cell, with `slack` percent of its Arial width.
pub(super) fn heading_min(heading: &str, slack: u32) -> u32 {
    heading_words(heading)
        .map(|w| word_min(w, true, slack))
        .max()
        .unwrap_or(CELL_MARGINS)
}

/// The width (twips) that holds the longest word of the column's cells
/// ("Medskapandeindex", "nämnd/styrelse"); a line may break at a space
/// or after a hyphen. At most a third of the text width: a longer word
/// has to break anyway.
fn cells_min(rows: &[Vec<&str>], i: usize) -> u32 {
    rows.iter()
        .filter_map(|r| r.get(i))
        .flat_map(|c| c.split_whitespace())
        .flat_map(|w| w.split_inclusive('-'))
        .map(|w| word_min(w, false, ARIAL_SLACK))
        .max()
        .unwrap_or(CELL_MARGINS)
        .min(TEXT_W / 3)
}

/// Column weights from what the columns hold: the typical length of a
/// cell, within bounds so that no column starves or takes the page.
fn content_weights(columns: usize, rows: &[Vec<&str>]) -> Vec<u32> {
    (0..columns)
        .map(|i| {
            let cells: Vec<usize> = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .collect();
            let typical = cells.iter().sum::<usize>() / cells.len().max(1);
            typical.clamp(6, 40) as u32
        })
        .collect()
}

/// Widths (twips) of the columns of a table with these headings and rows,
/// filling the text width exactly. Each column gets at least its
/// heading's longest word in Arial; then, as far as the page allows, the
/// longest word of its cells, then room for a wider stand-in font in the
/// heading; the rest is shared by [`content_weights`]. Headings that
/// cannot all fit get their minimum scaled down (they may then break).
pub(super) fn widths(headings: &[&str], rows: &[Vec<&str>]) -> Vec<u32> {
    let n = headings.len();
    let heads: Vec<u32> = headings
        .iter()
        .map(|h| heading_min(h, ARIAL_SLACK))
        .collect();
    if heads.iter().sum::<u32>() >= TEXT_W {
        return fill(heads);
    }
    let cells: Vec<u32> = (0..n).map(|i| heads[i].max(cells_min(rows, i))).collect();
    let min = towards(&heads, &cells);
    let stand_in: Vec<u32> = (0..n)
        .map(|i| min[i].max(heading_min(headings[i], STAND_IN_SLACK)))
        .collect();
    let min = towards(&min, &stand_in);
    share(&min, &content_weights(n, rows))
}

/// `from` raised towards `to`, each column by the same share of what it
/// lacks, as far as the text width allows (`from` fits in it).
fn towards(from: &[u32], to: &[u32]) -> Vec<u32> {
    let room = u64::from(TEXT_W.saturating_sub(from.iter().sum()));
    let lack: Vec<u64> = from
        .iter()
        .zip(to)
        .map(|(f, t)| u64::from(t.saturating_sub(*f)))
        .collect();
    let wanted = lack.iter().sum::<u64>().max(1);
    from.iter()
        .zip(&lack)
        .map(|(f, l)| f + (l * room.min(wanted) / wanted) as u32)
        .collect()
}

/// Shares the text width by `weights`, no column under its `min` (whose
/// sum is at most the text width).
fn share(min: &[u32], weights: &[u32]) -> Vec<u32> {
    let n = min.len();
    let weight = |i: usize| u64::from(weights.get(i).copied().unwrap_or(1).max(1));
    // Columns whose share would be under their minimum get the minimum;
    // the others share what is left, until no share is too small.
    let mut at_min = vec![false; n];
    loop {
        let fixed: u32 = (0..n).filter(|&i| at_min[i]).map(|i| min[i]).sum();
        let left = u64::from(TEXT_W.saturating_sub(fixed));
        let total: u64 = (0..n).filter(|&i| !at_min[i]).map(weight).sum();
        let part = |i: usize| weight(i) * left / total.max(1);
        let starved: Vec<usize> = (0..n)
            .filter(|&i| !at_min[i] && part(i) < u64::from(min[i]))
            .collect();
        if starved.is_empty() {
            let out = (0..n)
                .map(|i| if at_min[i] { min[i] } else { part(i) as u32 })
                .collect();
            return fill(out);
        }
        for i in starved {
            at_min[i] = true;
        }
    }
}

/// Scales `w` to sum to the text width exactly (the rounding's rest to
/// the widest column).
fn fill(w: Vec<u32>) -> Vec<u32> {
    let total = u64::from(w.iter().sum::<u32>().max(1));
    let mut out: Vec<u32> = w
        .iter()
        .map(|&x| (u64::from(x) * u64::from(TEXT_W) / total) as u32)
        .collect();
    let rest = TEXT_W.saturating_sub(out.iter().sum());
    if let Some(widest) = (0..out.len()).max_by_key(|&i| out[i]) {
        out[widest] += rest;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDICATOR: [&str; 8] = [
        "Indikator",
        "Periodens utfall",
        "Utfall män/pojkar",
        "Utfall kvinnor/flickor",
        "Utfall VB 2024",
        "Årsmål",
        "KF:s årsmål",
        "Period",
    ];

    fn row(cells: [&'static str; 8]) -> Vec<&'static str> {
        cells.to_vec()
    }

    #[test]
    fn every_heading_word_fits_its_column() {
        let long = row([
            "Andel inköpta ekologiska livsmedel i kronor",
            "69,23 %",
            "",
            "",
            "",
            "70 %",
            "70 %",
            "2025",
        ]);
        let wide = row([
            "I",
            "Tas fram av nämnd/styrelse",
            "a b c d e f g h i j k l m n o p q",
            "",
            "",
            "",
            "",
            "",
        ]);
        for rows in [vec![long], vec![wide], vec![]] {
            let w = widths(&INDICATOR, &rows);
            assert_eq!(w.iter().sum::<u32>(), TEXT_W);
            for (h, w) in INDICATOR.iter().zip(&w) {
                assert!(*w >= heading_min(h, STAND_IN_SLACK), "{h}: {w}");
            }
        }
        // "Periodens" and "Årsmål" are the words that broke before.
        assert!(heading_min("Periodens utfall", 100) > heading_min("Årsmål", 100));
        assert!(heading_min("Årsmål", 100) > CELL_MARGINS + 6 * 278 * EM / 1000);
    }

    #[test]
    fn a_long_cell_word_widens_its_column_and_the_rest_goes_by_weight() {
        let rows = vec![
            row([
                "Aktivt Medskapandeindex",
                "80",
                "",
                "",
                "",
                "83",
                "83",
                "2025",
            ]),
            row([
                "Sjukfrånvaro",
                "8,2 %",
                "5,2 %",
                "8,6 %",
                "",
                "7,2 %",
                "Tas fram av nämnd/styrelse",
                "VB 2025",
            ]),
        ];
        let w = widths(&INDICATOR, &rows);
        assert!(
            w[0] >= word_min("Medskapandeindex", false, ARIAL_SLACK),
            "{w:?}"
        );
        assert!(
            w[6] >= word_min("nämnd/styrelse", false, ARIAL_SLACK),
            "{w:?}"
        );
        // The headings in Arial first, the cells' words next.
        for (h, w) in INDICATOR.iter().zip(&w) {
            assert!(*w >= heading_min(h, ARIAL_SLACK), "{h}: {w}");
        }
        let acts = [
            "Aktivitet",
            "Startdatum",
            "Slutdatum",
            "Status",
            "Avvikelse",
        ];
        let text = "Stadsdelsnämndens samtliga chefer utbildas i Miljöprogram 2030 och mer därtill";
        let rows = vec![vec![text, "2025-01-01", "2025-12-31", "Genomförd", "Nej"]];
        let w = widths(&acts, &rows);
        assert_eq!(w.iter().sum::<u32>(), TEXT_W);
        assert!(w[3] >= word_min("Genomförd", false, ARIAL_SLACK), "{w:?}");
        assert!(w[0] * 100 / TEXT_W > 40, "{w:?}");
    }

    #[test]
    fn too_many_columns_still_fill_the_width() {
        let heads = ["Avvikelserapporteringar"; 12];
        let w = widths(&heads, &[]);
        assert_eq!(w.len(), 12);
        assert_eq!(w.iter().sum::<u32>(), TEXT_W);
        assert_eq!(widths(&[], &[]), Vec::<u32>::new());
        // A cell word longer than the page takes a third of it at most.
        let long = "x".repeat(500);
        let w = widths(&["A", "B"], &[vec![long.as_str(), "b"]]);
        assert_eq!(w.iter().sum::<u32>(), TEXT_W);
    }

    #[test]
    fn unknown_characters_count_wide() {
        assert!(heading_min("●●●", 100) > heading_min("aaa", 100));
        assert_eq!(heading_min("", 100), CELL_MARGINS);
        assert!(word_min("m", true, 100) > word_min("m", false, 100));
    }
}
