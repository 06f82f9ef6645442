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
                    out.push_str(&format!("{}{HARD_BREAK}", inline(l)));
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
                out.push_str(&format!("**{}:** {}\n\n", inline(label), broken(text, "")));
            }
            Block::Bullets(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", broken(i, "  ")));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    let marker = format!("{}. ", n + 1);
                    let indent = " ".repeat(marker.len());
                    out.push_str(&format!("{marker}{}\n", broken(i, &indent)));
                }
                out.push('\n');
            }
            Block::Rating { label, .. } => out.push_str(&format!("**{}**\n\n", inline(label))),
            Block::Placeholder(t) => out.push_str(&format!("*{}*\n\n", inline(t))),
            Block::Activities(rows) => {
                table_head(&mut out, &ACTIVITY_COLUMNS);
                let rest = " |".repeat(ACTIVITY_COLUMNS.len() - 1);
                for r in rows {
                    table_row(&mut out, &r.cells());
                    if !r.analysis.is_empty() {
                        // A list starts on its own line, as in the city's report.
                        let sep = if r.analysis.starts_with("- ") {
                            "<br>"
                        } else {
                            " "
                        };
                        let analysis = format!("*Analys:*{sep}{}", cell(&r.analysis));
                        out.push_str(&format!("| {analysis} |{rest}\n"));
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

/// A line break inside a paragraph: a backslash at the end of the line.
/// CommonMark, GitHub and pandoc render it as a break; unlike two
/// trailing spaces it can be seen, and no editor strips it.
const HARD_BREAK: &str = "\\\n";

fn trim_hard_break(out: &mut String) {
    if out.ends_with(HARD_BREAK) {
        out.truncate(out.len() - HARD_BREAK.len());
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

/// Text after a label or a list marker: its lines joined by hard breaks,
/// each next line indented by `indent` (so it stays in its list item) and
/// unable to start a block of its own.
fn broken(s: &str, indent: &str) -> String {
    s.lines()
        .map(|l| inline(l.trim()))
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l
            } else {
                format!("{indent}{}", line_start(&l))
            }
        })
        .collect::<Vec<_>>()
        .join(HARD_BREAK)
}

/// Text in a table cell, which holds one line: line breaks become `<br>`.
fn cell(s: &str) -> String {
    s.lines()
        .map(|l| inline(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Free text as Markdown paragraphs; a line's start cannot open a heading,
/// quote, code block or rule. A line break within a paragraph stays a
/// break ([`HARD_BREAK`]). Lines written as "- …" stay a list, with a
/// blank line before the text that follows it (else that text would
/// continue the last item).
fn para(t: &str) -> String {
    let mut out = String::new();
    for p in t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        for (i, line) in lines.iter().enumerate() {
            let text_follows = lines.get(i + 1).is_some_and(|n| !n.starts_with("- "));
            if let Some(item) = line.strip_prefix("- ") {
                out.push_str("- ");
                out.push_str(&line_start(&inline(item.trim())));
                out.push_str(if text_follows { "\n\n" } else { "\n" });
            } else {
                out.push_str(&line_start(&inline(line)));
                // Before a list item a break would be a stray backslash:
                // the list starts a new block there anyway.
                out.push_str(if text_follows { HARD_BREAK } else { "\n" });
            }
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
