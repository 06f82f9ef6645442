//! The HTML rendering of a report: one self-contained file (inline CSS, no
//! scripts, no external resources), printable, every text HTML-escaped.

use super::{ACTIVITY_COLUMNS, Block};
use crate::followup::Rating;

const STYLE: &str = "\
body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4;color:#111;max-width:50em;margin:2em auto;padding:0 1em}
h1{font-size:22pt;margin:0 0 .3em}
h2{font-size:16pt;margin-top:2em;page-break-before:always;break-before:page}
h3{font-size:13pt;margin-top:1.6em}
h4{font-size:11.5pt;margin-top:1.4em}
.title p{margin:.2em 0;font-size:13pt}
.label{font-weight:bold;margin:1em 0 .3em}
.placeholder{color:#666;font-style:italic}
.rating{font-weight:bold}
.r-full .sym{color:#1a7f37}
.r-partial .sym{color:#b58100}
.r-not .sym{color:#c4262e}
.r-unassessed .sym{color:#666}
.r-none .sym{color:#666}
table{border-collapse:collapse;width:100%;margin:.6em 0 1em;font-size:9.5pt;page-break-inside:auto}
th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}
th{background:#eee}
tr{page-break-inside:avoid;break-inside:avoid}
td.analysis{background:#fafafa}
@media print{body{margin:0;max-width:none}}
";

pub(super) fn render(blocks: &[Block]) -> String {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title { title, lines } => Some(match lines.first() {
                Some(unit) => format!("{title} – {unit}"),
                None => title.clone(),
            }),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str(&format!("<title>{}</title>\n", esc(&title)));
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    for b in blocks {
        block(&mut out, b);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Title { title, lines } => {
            out.push_str(&format!("<div class=\"title\">\n<h1>{}</h1>\n", esc(title)));
            for l in lines {
                out.push_str(&format!("<p>{}</p>\n", esc(l)));
            }
            out.push_str("</div>\n");
        }
        Block::Heading { level, text, .. } => {
            let l = (*level).clamp(2, 4);
            out.push_str(&format!("<h{l}>{}</h{l}>\n", esc(text)));
        }
        Block::Label(l) => out.push_str(&format!("<p class=\"label\">{}</p>\n", esc(l))),
        Block::Para(t) => out.push_str(&paras(t)),
        Block::Field { label, text } => out.push_str(&format!(
            "<p><strong>{}:</strong> {}</p>\n",
            esc(label),
            lines(text)
        )),
        Block::Bullets(items) => list(out, "ul", items),
        Block::Numbered(items) => list(out, "ol", items),
        Block::Rating { rating, label } => {
            let class = match rating {
                Some(Rating::Full) => "r-full",
                Some(Rating::Partial) => "r-partial",
                Some(Rating::Not) => "r-not",
                Some(Rating::NotAssessed) => "r-unassessed",
                None => "r-none",
            };
            let (sym, words) = label.split_once(' ').unwrap_or(("", label));
            out.push_str(&format!(
                "<p class=\"rating {class}\"><span class=\"sym\">{}</span> {}</p>\n",
                esc(sym),
                esc(words)
            ));
        }
        Block::Placeholder(t) => {
            out.push_str(&format!("<p class=\"placeholder\">{}</p>\n", esc(t)));
        }
        Block::Activities(rows) => {
            table_head(out, &ACTIVITY_COLUMNS);
            for r in rows {
                out.push_str("<tr>");
                for c in r.cells() {
                    out.push_str(&format!("<td>{}</td>", esc(c)));
                }
                out.push_str("</tr>\n");
                if !r.analysis.is_empty() {
                    out.push_str(&format!(
                        "<tr><td class=\"analysis\" colspan=\"{}\"><strong>Analys</strong>\n{}</td></tr>\n",
                        ACTIVITY_COLUMNS.len(),
                        paras(&r.analysis).trim_end()
                    ));
                }
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Table { columns, rows } => {
            let cols: Vec<&str> = columns.iter().map(String::as_str).collect();
            table_head(out, &cols);
            for r in rows {
                out.push_str("<tr>");
                for c in r {
                    out.push_str(&format!("<td>{}</td>", lines(c)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

fn table_head(out: &mut String, cols: &[&str]) {
    out.push_str("<table>\n<thead><tr>");
    for c in cols {
        out.push_str(&format!("<th>{}</th>", esc(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn list(out: &mut String, tag: &str, items: &[String]) {
    out.push_str(&format!("<{tag}>\n"));
    for i in items {
        out.push_str(&format!("<li>{}</li>\n", lines(i)));
    }
    out.push_str(&format!("</{tag}>\n"));
}

/// Escapes the five characters that mean something in HTML text or
/// attribute values.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept as `<br>`.
fn lines(s: &str) -> String {
    s.lines()
        .map(|l| esc(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>\n")
}

/// Free text as paragraphs; a paragraph whose every line starts "- " is a
/// bulleted list.
fn paras(t: &str) -> String {
    let mut out = String::new();
    for p in t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let ls: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if ls.iter().all(|l| l.starts_with("- ")) {
            out.push_str("<ul>\n");
            for l in ls {
                out.push_str(&format!("<li>{}</li>\n", esc(l[2..].trim())));
            }
            out.push_str("</ul>\n");
        } else {
            out.push_str(&format!("<p>{}</p>\n", lines(p)));
        }
    }
    out
}
