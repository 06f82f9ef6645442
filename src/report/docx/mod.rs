//! The Word rendering of a report: a .docx package (WordprocessingML) with
//! Word's heading styles (so Word and LibreOffice can build a table of
//! contents), a contents list with page numbers, real tables with repeated
//! header rows, and every text XML-escaped. The same report gives the same
//! bytes: no dates but the period's, fixed zip timestamps.

mod parts;
mod widths;
mod xml;

use super::{ACTIVITY_COLUMNS, ActivityRow, Block};
use crate::followup::Rating;
use std::io::Write;
use xml::{FIELD_END, Fmt, field_start, lines, para, run};

/// What the package needs besides the blocks.
pub(super) struct Meta {
    /// "Verksamhetsberättelse 2025 – Beställarenhet 2".
    pub title: String,
    /// The unit's name.
    pub subject: String,
    /// The date stamped on the zip entries (year, month, day).
    pub date: (u16, u8, u8),
}

impl Meta {
    pub(super) fn of(plan: &crate::plan::Plan, f: &crate::followup::FollowUp) -> Meta {
        use crate::followup::PeriodKind;
        let unit = crate::sanitize::line(plan.unit.name.trim()).into_owned();
        // The last day of the period: a fixed date, so the bytes are too.
        let (month, day) = match f.period.kind {
            PeriodKind::T1 => (4, 30),
            PeriodKind::T2 => (8, 31),
            PeriodKind::Vb => (12, 31),
        };
        Meta {
            title: one_line_title(&super::title(f), &unit),
            subject: unit,
            date: (u16::try_from(f.period.year).unwrap_or(1980), month, day),
        }
    }
}

/// The report levels that are listed in the contents (2 and 3: Word's
/// Heading1 and Heading2, as in the city's contents list).
const TOC_LEVELS: std::ops::RangeInclusive<u8> = 2..=3;

/// A block's heading level as the report level Word can show: 2..=5, that
/// is Heading1..Heading4.
fn level(l: u8) -> u8 {
    l.clamp(2, 5)
}

pub(super) fn render(blocks: &[Block], meta: &Meta) -> Vec<u8> {
    let (body, numbered) = body(blocks);
    let files: [(&str, String); 10] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.into()),
        ("_rels/.rels", parts::PACKAGE_RELS.into()),
        ("docProps/core.xml", parts::core(&meta.title, &meta.subject)),
        ("docProps/app.xml", parts::app()),
        ("word/_rels/document.xml.rels", parts::DOCUMENT_RELS.into()),
        ("word/document.xml", parts::document(&body)),
        ("word/styles.xml", parts::styles()),
        ("word/numbering.xml", parts::numbering(numbered)),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
    ];
    let footer = ("word/footer1.xml", parts::footer(&meta.title));
    // Writing into memory does not fail; an empty result would say so.
    zip(files.iter().chain([&footer]), meta.date).unwrap_or_default()
}

fn zip<'a>(
    files: impl Iterator<Item = &'a (&'a str, String)>,
    (y, m, d): (u16, u8, u8),
) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let time = zip::DateTime::from_date_and_time(y, m, d, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in files {
        w.start_file(*name, options)?;
        w.write_all(content.as_bytes())?;
    }
    Ok(w.finish()?.into_inner())
}

/// The body's XML and the number of numbered lists in it.
fn body(blocks: &[Block]) -> (String, u32) {
    let toc: Vec<(u8, &str)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: l, text, .. } if TOC_LEVELS.contains(&level(*l)) => {
                Some((level(*l), text.as_str()))
            }
            _ => None,
        })
        .collect();
    let mut w = Writer::default();
    for b in blocks {
        w.block(b, &toc);
    }
    (w.out, w.numbered)
}

#[derive(Default)]
struct Writer {
    out: String,
    numbered: u32,
    /// Headings listed in the contents so far: their bookmarks are
    /// `_Toc1`, `_Toc2` … in order.
    bookmarks: u32,
}

impl Writer {
    fn block(&mut self, b: &Block, toc: &[(u8, &str)]) {
        match b {
            Block::Title { title, lines } => {
                self.out
                    .push_str(&para("Title", "", &run(title, Fmt::PLAIN)));
                for l in lines {
                    self.out
                        .push_str(&para("Subtitle", "", &run(l, Fmt::PLAIN)));
                }
                self.contents(toc);
            }
            Block::Heading {
                level,
                text,
                page_break,
            } => self.heading(*level, text, *page_break),
            Block::Label(l) => self.out.push_str(&para("Label", "", &run(l, Fmt::PLAIN))),
            Block::Para(t) => self.free_text(t, ""),
            Block::Field { label, text } => {
                let content = format!(
                    "{}{}",
                    run(&format!("{label}: "), Fmt::BOLD),
                    run(&lines(text), Fmt::PLAIN)
                );
                self.out.push_str(&para("", "", &content));
            }
            Block::Bullets(items) => self.list(items, 1, ""),
            Block::Numbered(items) => {
                self.numbered += 1;
                self.list(items, self.numbered + 1, "");
            }
            Block::Rating { rating, label } => {
                let color = match rating {
                    Some(Rating::Full) => "1A7F37",
                    Some(Rating::Partial) => "B58100",
                    Some(Rating::Not) => "C4262E",
                    _ => "666666",
                };
                let (sym, words) = label.split_once(' ').unwrap_or(("", label));
                let sym_fmt = Fmt {
                    color: Some(color),
                    ..Fmt::PLAIN
                };
                let content = format!(
                    "{}{}",
                    run(sym, sym_fmt),
                    run(&format!(" {words}"), Fmt::PLAIN)
                );
                self.out.push_str(&para("Rating", "", &content));
            }
            Block::Placeholder(t) => {
                self.out
                    .push_str(&para("Placeholder", "", &run(t, Fmt::PLAIN)));
            }
            Block::Activities(rows) => self.activities(rows),
            Block::Table { columns, rows } => self.table(columns, rows),
        }
    }

    /// The contents list: each main heading linked, with a page reference
    /// that LibreOffice fills in as it lays out the pages and Word when
    /// it opens the document. (A TOC field would keep LibreOffice from
    /// computing the numbers; the heading styles let a reader insert one.)
    fn contents(&mut self, toc: &[(u8, &str)]) {
        if toc.is_empty() {
            return;
        }
        self.out.push_str(&para(
            "TOCHeading",
            "",
            &run("Innehållsförteckning", Fmt::PLAIN),
        ));
        for (i, (level, text)) in toc.iter().enumerate() {
            let mark = format!("_Toc{}", i + 1);
            let entry = format!(
                "<w:hyperlink w:anchor=\"{mark}\" w:history=\"1\">{}<w:r><w:tab/></w:r>\
                 {}{FIELD_END}</w:hyperlink>",
                run(text, Fmt::PLAIN),
                field_start(&format!("PAGEREF {mark} \\h"), true),
            );
            let style = format!("TOC{}", level - 1);
            self.out.push_str(&para(&style, "", &entry));
        }
    }

    fn heading(&mut self, l: u8, text: &str, page_break: bool) {
        let level = level(l);
        let style = format!("Heading{}", level - 1);
        let ppr = if page_break {
            "<w:pageBreakBefore/>"
        } else {
            ""
        };
        let content = if TOC_LEVELS.contains(&level) {
            self.bookmarks += 1;
            let id = self.bookmarks;
            format!(
                "<w:bookmarkStart w:id=\"{id}\" w:name=\"_Toc{id}\"/>{}<w:bookmarkEnd w:id=\"{id}\"/>",
                run(text, Fmt::PLAIN)
            )
        } else {
            run(text, Fmt::PLAIN)
        };
        self.out.push_str(&para(&style, ppr, &content));
    }

    fn list(&mut self, items: &[String], num_id: u32, style: &str) {
        let style = if style.is_empty() {
            "ListParagraph"
        } else {
            style
        };
        let mut ppr =
            format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num_id}\"/></w:numPr>");
        if style != "ListParagraph" {
            // In a table cell the list is indented less than in the text.
            ppr.push_str("<w:ind w:left=\"357\" w:hanging=\"357\"/>");
        }
        for i in items {
            self.out
                .push_str(&para(style, &ppr, &run(&lines(i), Fmt::PLAIN)));
        }
    }

    /// Free text: paragraphs split by blank lines; within one, lines
    /// written "- …" are bullets and the other lines stay together.
    /// `style`: the paragraphs' style (empty: Normal).
    fn free_text(&mut self, t: &str, style: &str) {
        for p in t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let mut plain: Vec<&str> = Vec::new();
            for l in p.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if let Some(item) = l.strip_prefix("- ") {
                    self.flush(&mut plain, style);
                    self.list(&[item.trim().to_string()], 1, style);
                } else {
                    plain.push(l);
                }
            }
            self.flush(&mut plain, style);
        }
    }

    fn flush(&mut self, plain: &mut Vec<&str>, style: &str) {
        if !plain.is_empty() {
            self.out
                .push_str(&para(style, "", &run(&plain.join("\n"), Fmt::PLAIN)));
            plain.clear();
        }
    }

    fn activities(&mut self, rows: &[ActivityRow]) {
        let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.cells().to_vec()).collect();
        let widths = widths::widths(&ACTIVITY_COLUMNS, &cells);
        self.table_start(&ACTIVITY_COLUMNS, &widths);
        for r in rows {
            self.row(r.cells().into_iter(), &widths);
            if !r.analysis.is_empty() {
                // The analysis spans the whole row, as in the city's report.
                self.out.push_str(&format!(
                    "<w:tr><w:tc><w:tcPr>\
                     <w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:gridSpan w:val=\"{}\"/>\
                     <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FAFAFA\"/></w:tcPr>",
                    widths.iter().sum::<u32>(),
                    widths.len()
                ));
                self.out
                    .push_str(&para("TableHeading", "", &run("Analys", Fmt::PLAIN)));
                self.free_text(&r.analysis, "TableText");
                self.out.push_str("</w:tc></w:tr>\n");
            }
        }
        self.table_end();
    }

    /// Any other table; rows are cut or padded to the columns.
    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        let n = columns
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if n == 0 {
            return;
        }
        let heads: Vec<&str> = (0..n)
            .map(|i| columns.get(i).map_or("", String::as_str))
            .collect();
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let widths = widths::widths(&heads, &cells);
        self.table_start(&heads, &widths);
        for r in rows {
            self.row((0..n).map(|i| r.get(i).map_or("", String::as_str)), &widths);
        }
        self.table_end();
    }

    fn table_start(&mut self, columns: &[&str], widths: &[u32]) {
        self.out.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>\
             <w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>\
             <w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in widths {
            self.out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.out
            .push_str("</w:tblGrid>\n<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (c, w) in columns.iter().zip(widths) {
            // "män/pojkar" may break after the slash in a narrow column.
            let c = c.replace('/', "/\u{200B}");
            self.out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>\
                 <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/></w:tcPr>{}</w:tc>",
                para("TableHeading", "", &run(&c, Fmt::PLAIN)).trim_end()
            ));
        }
        self.out.push_str("</w:tr>\n");
    }

    fn row<'a>(&mut self, cells: impl Iterator<Item = &'a str>, widths: &[u32]) {
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (c, w) in cells.zip(widths) {
            self.out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                para("TableText", "", &run(&lines(c), Fmt::PLAIN)).trim_end()
            ));
        }
        self.out.push_str("</w:tr>\n");
    }

    /// Ends a table; the paragraph after it keeps the next table apart
    /// (two tables in a row would merge into one).
    fn table_end(&mut self) {
        self.out.push_str("</w:tbl>\n");
        self.out.push_str(&para(
            "",
            "<w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>",
            "",
        ));
    }
}

/// The report's title as one line: "Verksamhetsberättelse 2025 –
/// Beställarenhet 2".
fn one_line_title(title: &str, unit: &str) -> String {
    if unit.is_empty() {
        title.to_string()
    } else {
        format!("{title} – {unit}")
    }
}

#[cfg(test)]
mod tests;
