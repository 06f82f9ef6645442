//! WordprocessingML text pieces: escaping for XML 1.0, runs with line
//! breaks, paragraphs. Every user text reaches the document through [`esc`].

/// The text escaped for XML content or attribute values. Characters XML 1.0
/// does not allow, and any control or reordering character that got this
/// far, are dropped: they cannot be written, and must not be shown.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !allowed(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A character that may stand in a run's text: allowed by XML 1.0 and
/// neither a control (line breaks are `<w:br/>`) nor a reordering mark.
fn allowed(c: char) -> bool {
    let xml = matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    xml && !c.is_control() && !crate::sanitize::is_reordering(c)
}

/// Run properties, written in the order the schema requires.
#[derive(Default, Clone, Copy)]
pub(super) struct Fmt {
    pub bold: bool,
    pub italic: bool,
    /// "RRGGBB".
    pub color: Option<&'static str>,
}

impl Fmt {
    pub const PLAIN: Fmt = Fmt {
        bold: false,
        italic: false,
        color: None,
    };
    pub const BOLD: Fmt = Fmt {
        bold: true,
        italic: false,
        color: None,
    };

    /// `symbols`: the run holds rating symbols, set in [`SYMBOL_FONT`].
    fn rpr(self, symbols: bool) -> String {
        let mut p = String::new();
        if symbols {
            p.push_str(&format!(
                "<w:rFonts w:ascii=\"{SYMBOL_FONT}\" w:hAnsi=\"{SYMBOL_FONT}\" \
                 w:eastAsia=\"{SYMBOL_FONT}\" w:cs=\"{SYMBOL_FONT}\"/>"
            ));
        }
        if self.bold {
            p.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            p.push_str("<w:i/><w:iCs/>");
        }
        if let Some(c) = self.color {
            p.push_str(&format!("<w:color w:val=\"{c}\"/>"));
        }
        if p.is_empty() {
            p
        } else {
            format!("<w:rPr>{p}</w:rPr>")
        }
    }
}

/// The font of the rating symbols (● ◐ ○ and the rest of Unicode's
/// geometric shapes). Arial has ● and ○ but not ◐, which Word then takes
/// from a fallback font that draws it small; Segoe UI Symbol (Windows) has
/// all three at the text's size, and where it is missing the document's
/// font table names DejaVu Sans as its stand-in.
pub(super) const SYMBOL_FONT: &str = "Segoe UI Symbol";

fn is_symbol(c: char) -> bool {
    matches!(c, '\u{25A0}'..='\u{25FF}')
}

/// Runs of `text`; each line break becomes `<w:br/>`, symbols get a run
/// of their own in [`SYMBOL_FONT`]. Empty text, no run.
pub(super) fn run(text: &str, fmt: Fmt) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let symbols = is_symbol(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_symbol(c) != symbols)
            .map_or(rest.len(), |(i, _)| i);
        out.push_str(&one_run(&rest[..end], fmt, symbols));
        rest = &rest[end..];
    }
    out
}

fn one_run(text: &str, fmt: Fmt, symbols: bool) -> String {
    let rpr = fmt.rpr(symbols);
    let mut out = format!("<w:r>{rpr}");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        let line = esc(line.trim_end_matches('\r'));
        if !line.is_empty() {
            out.push_str(&format!("<w:t xml:space=\"preserve\">{line}</w:t>"));
        }
    }
    out.push_str("</w:r>");
    out
}

/// A paragraph of style `style` (empty: Normal) holding `content`.
/// `ppr`: further paragraph properties, already in schema order, that
/// come after the style.
pub(super) fn para(style: &str, ppr: &str, content: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pStyle w:val=\"{style}\"/>")
    };
    let props = format!("{style}{ppr}");
    if props.is_empty() {
        format!("<w:p>{content}</w:p>\n")
    } else {
        format!("<w:p><w:pPr>{props}</w:pPr>{content}</w:p>\n")
    }
}

/// The lines of a text, trimmed, without the empty ones, joined by
/// line breaks (a table cell, a list item).
pub(super) fn lines(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A complex field (PAGE, PAGEREF): its start, instruction and separator;
/// the cached result and [`FIELD_END`] follow. `dirty`: Word computes it
/// anew when it opens the document.
pub(super) fn field_start(instr: &str, dirty: bool) -> String {
    let dirty = if dirty { " w:dirty=\"true\"" } else { "" };
    format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"{dirty}/></w:r>\
         <w:r><w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
        esc(instr)
    )
}

pub(super) const FIELD_END: &str = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            esc("<a href='x'>&\"]]>"),
            "&lt;a href=&apos;x&apos;&gt;&amp;&quot;]]&gt;"
        );
        assert_eq!(
            esc("a\u{1b}[2J\u{0}\u{7}\u{9b}\u{85}\u{202E}\u{FFFE}b"),
            "a[2Jb"
        );
        assert_eq!(esc("åäö ● ◐ – 😀"), "åäö ● ◐ – 😀");
    }

    #[test]
    fn line_breaks_become_breaks_within_one_run() {
        assert_eq!(
            run("a\nb", Fmt::BOLD),
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">a</w:t>\
             <w:br/><w:t xml:space=\"preserve\">b</w:t></w:r>"
        );
        assert_eq!(run("", Fmt::PLAIN), "");
    }

    #[test]
    fn symbols_get_a_run_in_the_symbol_font() {
        let fonts = format!(
            "<w:rFonts w:ascii=\"{SYMBOL_FONT}\" w:hAnsi=\"{SYMBOL_FONT}\" \
             w:eastAsia=\"{SYMBOL_FONT}\" w:cs=\"{SYMBOL_FONT}\"/>"
        );
        assert_eq!(
            run("◐ Delvis ●●", Fmt::BOLD),
            format!(
                "<w:r><w:rPr>{fonts}<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">◐</w:t></w:r>\
                 <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\"> Delvis </w:t></w:r>\
                 <w:r><w:rPr>{fonts}<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">●●</w:t></w:r>"
            )
        );
        assert_eq!(run("– ?", Fmt::PLAIN).matches("<w:r>").count(), 1);
    }
}
