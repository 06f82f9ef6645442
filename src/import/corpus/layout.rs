//! Printing a document's blocks in one layout: wrapping, flattened and
//! wrapped table rows, list styles, page headers and footers, double
//! spacing, CRLF and OCR letter confusions.

use super::render::{Block, PointStyle, Table, TableKind};
use super::rng::Rng;

/// How a list of förväntat resultat is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lists {
    /// As the city prints it: "- Text" for a nämndmål, "1. Text" for an enhetsmål.
    City,
    /// "- Text"
    Dash,
    /// "-Text"
    DashTight,
    /// One sentence per line, no mark.
    Plain,
}

/// Where a wrapped table row puts its numbers (or dates); one choice per
/// table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cells {
    First,
    Last,
    Own,
}

/// One layout: what the printing does. `Default` is the city's own text
/// export (tab-separated tables, a paragraph on one line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Wrap text and flattened table rows at this many columns.
    pub wrap: Option<usize>,
    /// Table rows as one line of space-separated cells (no tabs).
    pub flat_tables: bool,
    /// A blank line after every line.
    pub double: bool,
    /// A page break (footer and header) every this many lines (35–60).
    pub pages: bool,
    pub lists: Lists,
    /// Sub-headings inside fields.
    pub sub_headings: bool,
    /// "%" at the start of the next line, away from its number.
    pub split_percent: bool,
    pub crlf: bool,
    pub ocr: bool,
    pub front: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            wrap: None,
            flat_tables: false,
            double: false,
            pages: false,
            lists: Lists::City,
            sub_headings: false,
            split_percent: false,
            crlf: false,
            ocr: false,
            front: true,
        }
    }
}

/// Greedy word wrap at `width` columns; a word longer than the width gets
/// a line of its own.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

pub struct Printer<'a> {
    pub layout: Layout,
    pub rng: &'a mut Rng,
    pub lines: Vec<String>,
}

impl Printer<'_> {
    fn text_line(&mut self, t: &str) {
        match self.layout.wrap {
            Some(w) => self.lines.extend(wrap(t, w)),
            None => self.lines.push(t.to_string()),
        }
    }

    fn blank(&mut self) {
        self.lines.push(String::new());
    }

    pub fn block(&mut self, b: &Block) {
        match b {
            Block::Front(f) => {
                self.lines.extend(f.iter().cloned());
            }
            Block::Heading(h) => self.lines.push(h.clone()),
            Block::Title(t) | Block::Para(t) => {
                for l in t.lines() {
                    self.text_line(l);
                }
            }
            Block::SubHeading(s) => {
                if self.layout.sub_headings {
                    self.lines.push(s.clone());
                } else {
                    return;
                }
            }
            Block::Points(items, style) => self.points(items, *style),
            Block::Numbered(items) => {
                for (n, it) in items.iter().enumerate() {
                    for (k, l) in it.lines().enumerate() {
                        if k == 0 {
                            self.text_line(&format!("{}. {l}", n + 1));
                        } else {
                            self.text_line(l);
                        }
                    }
                }
            }
            Block::Table(t) => self.table(t),
        }
        self.blank();
    }

    fn points(&mut self, items: &[String], style: PointStyle) {
        for (n, it) in items.iter().enumerate() {
            let it = it.replace('\n', " ");
            let line = match (self.layout.lists, style) {
                (Lists::City, PointStyle::Bullets) | (Lists::Dash, _) => format!("- {it}"),
                (Lists::City, PointStyle::Numbers) => format!("{}. {it}", n + 1),
                (Lists::DashTight, _) => format!("-{it}"),
                (Lists::Plain, _) => it,
            };
            self.text_line(&line);
        }
    }

    fn table(&mut self, t: &Table) {
        if self.layout.flat_tables {
            self.lines.push(t.header.join(" "));
        } else {
            self.lines.push(t.header.join("\t"));
        }
        // A text export lays out a whole table alike: every row of it has
        // its cells on the same line of the row (first, last or own).
        let place = match self.rng.below(3) {
            0 => Cells::First,
            1 => Cells::Last,
            _ => Cells::Own,
        };
        for (n, row) in t.rows.iter().enumerate() {
            self.row(t.kind, row, place);
            for (_, c) in t.comments.iter().filter(|(r, _)| *r == n) {
                self.lines.push("Kommentar".into());
                for l in c.lines() {
                    self.text_line(l);
                }
            }
        }
    }

    fn row(&mut self, kind: TableKind, row: &[String], place: Cells) {
        if !self.layout.flat_tables {
            self.lines.push(row.join("\t"));
            return;
        }
        let name = &row[0];
        let cells: Vec<&str> = row[1..]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let values = cells.join(" ");
        let Some(width) = self.layout.wrap else {
            self.lines.push(format!("{name} {values}"));
            return;
        };
        // "8,5" ending a line and "%" starting the next.
        let split_pct = self.layout.split_percent
            && kind == TableKind::Indicators
            && cells.first().is_some_and(|c| c.ends_with(" %"));
        match place {
            _ if split_pct => {
                let first = cells[0].trim_end_matches('%').trim_end();
                let mut head = wrap(&format!("{name} {first}"), width);
                self.lines.append(&mut head);
                let rest: Vec<&str> = cells[1..].to_vec();
                self.lines
                    .push(format!("% {}", rest.join(" ")).trim_end().into());
            }
            Cells::Last => self.lines.extend(wrap(&format!("{name} {values}"), width)),
            Cells::Own => {
                self.lines.extend(wrap(name, width));
                self.lines.push(values);
            }
            Cells::First => {
                let room = width.saturating_sub(values.chars().count() + 1).max(20);
                let mut parts = wrap(name, room);
                let first = parts.remove(0);
                self.lines.push(format!("{first} {values}"));
                let rest = parts.join(" ");
                if !rest.is_empty() {
                    self.lines.extend(wrap(&rest, room));
                }
            }
        }
    }
}

/// Page footers and headers every 35–60 lines, wherever they fall.
pub fn paginate(lines: Vec<String>, rng: &mut Rng, unit: &str, year: i64) -> Vec<String> {
    let style = rng.below(3);
    let mut pages = Vec::new();
    let mut page: Vec<String> = Vec::new();
    let mut room = 35 + rng.below(26);
    for l in lines {
        page.push(l);
        if page.len() >= room {
            pages.push(std::mem::take(&mut page));
            room = 35 + rng.below(26);
        }
    }
    pages.push(page);
    let total = pages.len();
    let mut out = Vec::new();
    for (n, p) in pages.into_iter().enumerate() {
        let no = n + 1;
        if n > 0 {
            match style {
                0 => {
                    out.push(unit.to_string());
                    out.push(format!("{year}-01-23"));
                    out.push(format!("Sid {no} ({total})"));
                }
                1 => out.push(format!("{unit}\t{year}-01-23\tSid {no} ({total})")),
                _ => {
                    out.push(format!("Verksamhetsplan {year}"));
                    out.push(format!("Sid {no} ({total})"));
                }
            }
            out.push(String::new());
        }
        out.extend(p);
        out.push(String::new());
        if style == 2 {
            out.push(unit.to_string());
        } else {
            out.push("Stockholms stad".to_string());
        }
    }
    out
}

/// OCR letter confusions: å, ä, ö read as other marks or without their dots.
pub fn ocr(line: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        let swaps: &[&str] = match c {
            'ä' => &["é", "&", "a", "é", "ä", "ä"],
            'ö' => &["6", "é", "o", "6", "ö", "ö"],
            'å' => &["a", "é", "å", "å"],
            'Ä' => &["A", "Ä"],
            'Ö' => &["O", "Ö", "0"],
            'Å' => &["A", "Å"],
            _ => &[],
        };
        if swaps.is_empty() {
            out.push(c);
        } else {
            out.push_str(swaps[rng.below(swaps.len())]);
        }
    }
    out
}
