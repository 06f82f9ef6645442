//! The Markdown rendering of a report: headings `#`..`####`, GitHub
//! tables, one block per paragraph, and every user text escaped so it can
//! neither inject markup nor raw HTML into the rendered document.

use super::{ACTIVITY_COLUMNS, Block};

pub(super) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Title { title, lines } => {
                out.push_str(&format!("# {}\n\n", inline(title)));
                for l in lines {
                    out.push_str(&format!("{}  \n", inline(l)));
                }
                trim_hard_break(&mut out);
                out.push('\n');
            }
            Block::Heading { level, text, .. } => {
                let hashes = "#".repeat(usize::from((*level).clamp(2, 4)));
                out.push_str(&format!("{hashes} {}\n\n", inline(text)));
            }
            Block::Label(l) => out.push_str(&format!("**{}**\n\n", inline(l))),
            Block::Para(t) => out.push_str(&para(t)),
            Block::Field { label, text } => {
                out.push_str(&format!("**{}:** {}\n\n", inline(label), cell(text)));
            }
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", cell(i)));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", n + 1, cell(i)));
                }
                out.push('\n');
            }
            Block::Rating { label, .. } => out.push_str(&format!("**{}**\n\n", inline(label))),
            Block::Placeholder(t) => out.push_str(&format!("*{}*\n\n", inline(t))),
            Block::Activities(rows) => {
                table_head(&mut out, &ACTIVITY_COLUMNS);
                for r in rows {
                    table_row(&mut out, &[&r.text, &r.start, &r.end, &r.deviation]);
                    if !r.analysis.is_empty() {
                        // A list starts on its own line, as in the city's report.
                        let sep = if r.analysis.starts_with("- ") {
                            "<br>"
                        } else {
                            " "
                        };
                        let analysis = format!("*Analys:*{sep}{}", cell(&r.analysis));
                        out.push_str(&format!("| {analysis} | | | |\n"));
                    }
                }
                out.push('\n');
            }
            Block::Table { columns, rows } => {
                let cols: Vec<&str> = columns.iter().map(String::as_str).collect();
                table_head(&mut out, &cols);
                for r in rows {
                    let cells: Vec<&str> = r.iter().map(String::as_str).collect();
                    table_row(&mut out, &cells);
                }
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn trim_hard_break(out: &mut String) {
    if out.ends_with("  \n") {
        out.truncate(out.len() - 3);
        out.push('\n');
    }
}

fn table_head(out: &mut String, cols: &[&str]) {
    let cols: Vec<String> = cols.iter().map(|c| cell(c)).collect();
    out.push_str(&format!("| {} |\n", cols.join(" | ")));
    let rule: Vec<&str> = cols.iter().map(|_| "---").collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
}

fn table_row(out: &mut String, cells: &[&str]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&format!("| {} |\n", cells.join(" | ")));
}

/// Escapes the characters that would make text markup, links or raw HTML.
pub(super) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' | '|' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text on one line (a table cell, a list item): line breaks become `<br>`.
fn cell(s: &str) -> String {
    s.lines()
        .map(|l| inline(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Free text as Markdown paragraphs; a line's start cannot open a heading,
/// quote, code block or rule. Lines written as "- …" stay a list.
fn para(t: &str) -> String {
    let mut out = String::new();
    for p in t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        for line in p.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(item) = line.strip_prefix("- ") {
                out.push_str("- ");
                out.push_str(&line_start(&inline(item.trim())));
            } else {
                out.push_str(&line_start(&inline(line)));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Neutralizes what only means something at the start of a line.
fn line_start(l: &str) -> String {
    let first = l.chars().next();
    let rule = !l.is_empty() && l.chars().all(|c| matches!(c, '-' | '=' | ' ' | '+'));
    let ordered = {
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && matches!(l[digits..].chars().next(), Some('.' | ')'))
    };
    if rule || matches!(first, Some('#' | '+' | '-' | '=')) {
        format!("\\{l}")
    } else if ordered {
        // "1. …" inside free text would restart numbering as a list.
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        format!("{}\\{}", &l[..digits], &l[digits..])
    } else {
        l.to_string()
    }
}
