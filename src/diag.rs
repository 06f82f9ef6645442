//! Diagnostics for files a person wrote: where (file:line:col), the line
//! itself with a caret, and what was expected. Shared by plans, follow-ups
//! and keymaps.

use crate::sanitize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it (relative to the workspace when possible).
    pub file: String,
    /// 1-based line and column (column counted in characters).
    pub line: usize,
    pub col: usize,
    /// The offending line of the source, as stored (sanitized when shown).
    pub source_line: String,
    /// Length of the marked part in characters (at least 1).
    pub width: usize,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic pointing at byte offset `span` of `src`.
    pub fn at(
        file: &str,
        src: &str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(src, span.start.min(src.len()));
        let end = floor_char_boundary(src, span.end.clamp(start, src.len()));
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
        let line = src[..start].matches('\n').count() + 1;
        let col = src[line_start..start].chars().count() + 1;
        let source_line = src[line_start..line_end].trim_end_matches('\r').to_string();
        let marked_end = end.min(line_end);
        let width = src[start..marked_end.max(start)].chars().count().max(1);
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            col,
            source_line,
            width,
            message: message.into(),
        }
    }

    /// A diagnostic about the file as a whole (line 1, column 1).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line: 1,
            col: 1,
            source_line: String::new(),
            width: 1,
            message: message.into(),
        }
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The largest character boundary of `s` at or before byte `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Longest part of a source line shown; long lines are cut around the column.
const MAX_SHOWN: usize = 100;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = crate::i18n::current();
        let kind = match self.severity {
            Severity::Error => lang.t("fel", "error"),
            Severity::Warning => lang.t("varning", "warning"),
        };
        writeln!(
            f,
            "{}:{}:{}: {kind}: {}",
            sanitize::line(&self.file),
            self.line,
            self.col,
            sanitize::line(&self.message)
        )?;
        if self.source_line.is_empty() {
            return Ok(());
        }
        let chars: Vec<char> = self.source_line.chars().collect();
        let col0 = self.col - 1;
        let from = col0.saturating_sub(MAX_SHOWN / 2).min(chars.len());
        let to = (from + MAX_SHOWN).min(chars.len());
        let mut shown = String::new();
        let mut caret_pad = 0;
        if from > 0 {
            shown.push('…');
            caret_pad += 1;
        }
        // Each character is sanitized alone so the caret stays under it.
        for (i, c) in chars[from..to].iter().enumerate() {
            let s = sanitize::line(c.encode_utf8(&mut [0; 4])).into_owned();
            if from + i < col0 {
                caret_pad += unicode_width::UnicodeWidthStr::width(s.as_str());
            }
            shown.push_str(&s);
        }
        if to < chars.len() {
            shown.push('…');
        }
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(f, "{pad} |")?;
        writeln!(f, "{gutter} | {shown}")?;
        let width = self.width.min(MAX_SHOWN);
        writeln!(f, "{pad} | {}{}", " ".repeat(caret_pad), "^".repeat(width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_line_and_column_in_characters() {
        let _en = crate::i18n::speaking(crate::i18n::Lang::En);
        let src = "a = 1\nnamn = \"Hägersten\"\nbad = x\n";
        let off = src.find('x').unwrap();
        let d = Diagnostic::at("p.toml", src, off..off + 1, "expected a value");
        assert_eq!((d.line, d.col), (3, 7));
        assert_eq!(d.source_line, "bad = x");
        let shown = d.to_string();
        assert!(shown.starts_with("p.toml:3:7: error: expected a value\n"));
        assert!(shown.contains("3 | bad = x\n"));
        assert!(shown.contains("  |       ^\n"));
    }

    #[test]
    fn the_kind_is_said_in_the_chosen_language() {
        let d = Diagnostic::at("p.toml", "a = x\n", 4..5, "förväntade ett värde");
        let sv = {
            let _sv = crate::i18n::speaking(crate::i18n::Lang::Sv);
            d.to_string()
        };
        assert!(
            sv.starts_with("p.toml:1:5: fel: förväntade ett värde\n"),
            "{sv}"
        );
        let warning = {
            let _sv = crate::i18n::speaking(crate::i18n::Lang::Sv);
            d.clone().warning().to_string()
        };
        assert!(warning.starts_with("p.toml:1:5: varning: "), "{warning}");
        let en = {
            let _en = crate::i18n::speaking(crate::i18n::Lang::En);
            d.to_string()
        };
        assert!(en.starts_with("p.toml:1:5: error: "), "{en}");
    }

    #[test]
    fn long_lines_are_cut_and_escapes_shown() {
        let src = format!("x = \"{}\u{1b}[2J\"", "a".repeat(5000));
        let off = src.find('\u{1b}').unwrap();
        let d = Diagnostic::at("p.toml", &src, off..off + 1, "bad");
        let shown = d.to_string();
        assert!(shown.len() < 600, "{}", shown.len());
        assert!(!shown.contains('\u{1b}'));
        assert!(shown.contains('␛'));
    }
}
