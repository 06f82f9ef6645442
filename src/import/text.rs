//! Turning raw bytes into clean numbered lines: decoding, page furniture,
//! double spacing and hyphenated line breaks. Everything here is linear.

use std::collections::HashMap;

/// One line of the source, with its 1-based line number in the input.
#[derive(Debug, Clone)]
pub struct Line {
    pub no: usize,
    pub text: String,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The input up to `max` bytes, cut after a line break; the rest is
/// reported (from its first line) as not read.
pub fn cap<'a>(bytes: &'a [u8], max: usize, unplaced: &mut Vec<(usize, String)>) -> &'a [u8] {
    if bytes.len() <= max {
        return bytes;
    }
    let cut = bytes[..max]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(max, |p| p + 1);
    let line = bytes[..cut].iter().filter(|&&b| b == b'\n').count() + 1;
    unplaced.push((
        line,
        crate::i18n::current().pick(
            format!("indata är {} byte; bara de första {cut} byte lästes (en plans text är mycket mindre)", bytes.len()),
            format!("input is {} bytes; only the first {cut} bytes were read (a plan's text is far smaller)", bytes.len()),
        ),
    ));
    &bytes[..cut]
}

/// Decodes the input; non-UTF-8 is decoded lossily and reported.
pub fn decode(bytes: &[u8], unplaced: &mut Vec<(usize, String)>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Windows "Unicode" text: UTF-16 with its byte-order mark.
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, unit)) = utf16 {
        let units = rest.chunks_exact(2).map(|p| unit([p[0], p[1]]));
        unplaced.push((
            0,
            crate::i18n::current()
                .t(
                    "indata lästes som UTF-16 (den börjar med ett byte-ordningsmärke för UTF-16)",
                    "input read as UTF-16 (it starts with a UTF-16 byte-order mark)",
                )
                .into(),
        ));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if looks_like_latin1(bytes) => {
            unplaced.push((
                0,
                crate::i18n::current().pick(
                    format!("indata är inte giltig UTF-8 (första felaktiga byte vid position {}); läst som Latin-1 (Windows-1252), vars å, ä, ö den har", e.valid_up_to()),
                    format!("input is not valid UTF-8 (first bad byte at offset {}); read as Latin-1 (Windows-1252), whose å, ä, ö it has", e.valid_up_to()),
                ),
            ));
            bytes.iter().map(|&b| char::from(b)).collect()
        }
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            unplaced.push((
                line,
                crate::i18n::current().pick(
                    format!("indata är inte giltig UTF-8 (första felaktiga byte vid position {}); avkodad med förlust, felaktiga byte visas som U+FFFD", e.valid_up_to()),
                    format!("input is not valid UTF-8 (first bad byte at offset {}); decoded lossily, bad bytes shown as U+FFFD", e.valid_up_to()),
                ),
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Text from an older Windows tool: its bytes above ASCII are nearly all
/// the Latin-1 codes of å, ä, ö, é (and their capitals).
fn looks_like_latin1(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let swedish = bytes
        .iter()
        .filter(|&&b| matches!(b, 0xE5 | 0xE4 | 0xF6 | 0xC5 | 0xC4 | 0xD6 | 0xE9 | 0xC9))
        .count();
    high > 0 && swedish * 10 >= high * 9
}

/// Splits into lines, removing control characters and trailing space.
pub fn split_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            let clean: String = l
                .chars()
                .map(|c| match c {
                    '\t' => '\t',
                    '\u{a0}' => ' ',
                    c if c.is_control() || crate::sanitize::is_reordering(c) => ' ',
                    c => c,
                })
                .collect();
            Line {
                no: i + 1,
                text: clean.trim_end().to_string(),
            }
        })
        .collect()
}

/// The first lines of a document: its front page, whose lines are not
/// taken for page headers however often they repeat.
const FRONT_LINES: usize = 25;

/// "Sid 15 (31)" anywhere in a line marks a page header or footer.
pub fn is_page_marker(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = s[i..].find("Sid ") {
        let mut j = i + p + 4;
        let d0 = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > d0 && s[j..].trim_start().starts_with('(') {
            let rest = s[j..].trim_start();
            let inner = &rest[1..];
            let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && inner[digits..].starts_with(')') {
                return true;
            }
        }
        i = i + p + 4;
    }
    false
}

/// A short line that looks like an address, web address or phone number
/// printed near a page marker.
fn looks_like_furniture(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.chars().count() > 30 || t.contains(':') {
        return false;
    }
    // A table row's last cells ("88 % År", "% År", "Tertial") repeat on
    // many pages as no furniture does.
    if super::tables::row_end(t).is_some_and(|(_, head)| !head.chars().any(char::is_alphabetic)) {
        return false;
    }
    let words = t.split_whitespace().count();
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    let dotted = t.contains('.') && !t.ends_with('.');
    !t.ends_with(['.', ',', ':']) && (words <= 2 || has_digit || dotted)
}

/// A line of nothing but ISO dates ("2026-12-31", "2026-01-01 2026-12-31"):
/// an activity's date cells as often as a page header's date, so it is
/// not taken for a repeated header line.
fn only_dates(s: &str) -> bool {
    let mut words = s.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| super::tables::parse_date(w).is_some())
}

/// Removes page headers/footers: "Sid N (M)" lines with the short address
/// lines around them, and short lines repeated on many pages. Returns the
/// body and the removed lines (they may still name the committee).
pub fn remove_furniture(lines: Vec<Line>, repairs: &mut usize) -> (Vec<Line>, Vec<Line>) {
    let mut drop = vec![false; lines.len()];
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        let t = l.text.trim();
        if !t.is_empty() && t.chars().count() <= 40 {
            *counts.entry(t).or_default() += 1;
        }
    }
    let pages = lines.iter().filter(|l| is_page_marker(&l.text)).count();
    for (i, l) in lines.iter().enumerate() {
        if is_page_marker(&l.text) {
            drop[i] = true;
            // Up to six lines before (the footer of the previous page).
            let mut k = i;
            let mut seen = 0;
            while k > 0 && seen < 6 {
                k -= 1;
                if lines[k].is_blank() {
                    continue;
                }
                seen += 1;
                // A date is a header's only beside its page number; further
                // up it may be a table's date cell on a line of its own.
                if only_dates(&lines[k].text) && seen > 1 {
                    break;
                }
                // A short line that goes on from the text right above it
                // ("Nämndmål: … kraftsamlingen" / "mot välfärdsbrott") is
                // the end of a title or sentence, not a footer.
                let continues = k > 0 && {
                    let above = lines[k - 1].text.trim_end();
                    !above.trim().is_empty()
                        && !looks_like_furniture(above)
                        && !above.ends_with(['.', '!', '?', ':'])
                };
                if looks_like_furniture(&lines[k].text)
                    && !continues
                    && super::classify::heading_kind(&lines[k].text).is_none()
                {
                    drop[k] = true;
                } else {
                    break;
                }
            }
        }
        let t = l.text.trim();
        // Repeated header lines (same short text on three or more pages);
        // the front page's own lines (the unit's name) stay.
        if pages >= 2
            && i >= FRONT_LINES
            && !t.is_empty()
            && counts.get(t).copied().unwrap_or(0) >= 3
            && looks_like_furniture(t)
            && !only_dates(t)
            && super::classify::heading_kind(t).is_none()
        {
            drop[i] = true;
        }
    }
    // A page break inside a title, a table or a sentence leaves no blank
    // lines behind: the blank lines around removed furniture go too,
    // unless the text before it ended a sentence.
    let mut i = 0;
    while i < lines.len() {
        if !(drop[i] || lines[i].is_blank()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && (drop[i] || lines[i].is_blank()) {
            i += 1;
        }
        let furniture = (start..i).any(|k| drop[k]);
        let before = start.checked_sub(1).map(|k| lines[k].text.trim_end());
        let ended = before.is_none_or(|t| t.ends_with(['.', '!', '?', ':']));
        if furniture && !ended && i < lines.len() {
            for d in &mut drop[start..i] {
                *d = true;
            }
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut removed = Vec::new();
    for (l, d) in lines.into_iter().zip(drop) {
        if d && l.is_blank() {
            continue;
        }
        if d {
            *repairs += 1;
            removed.push(l);
        } else {
            out.push(l);
        }
    }
    (out, removed)
}

/// When (nearly) every line is followed by a blank line, single blank lines
/// carry no meaning: drop them, and keep runs of two or more as one.
pub fn undo_double_spacing(lines: Vec<Line>) -> Vec<Line> {
    let nonblank = lines.iter().filter(|l| !l.is_blank()).count();
    if nonblank < 4 {
        return lines;
    }
    let mut followed = 0;
    let mut adjacent = 0;
    for w in lines.windows(2) {
        if !w[0].is_blank() {
            if w[1].is_blank() {
                followed += 1;
            } else {
                adjacent += 1;
            }
        }
    }
    if followed * 10 < nonblank * 9 || adjacent * 20 > nonblank {
        return lines;
    }
    let mut out = Vec::with_capacity(nonblank * 2);
    let mut run: Vec<Line> = Vec::new();
    for l in lines {
        if l.is_blank() {
            run.push(l);
        } else {
            if run.len() >= 2 {
                out.push(run.swap_remove(0));
            }
            run.clear();
            out.push(l);
        }
    }
    out
}

/// Joins words hyphenated over a line break: "kem-" + "ikalier".
/// "Medarbetar-" + "och …" keeps the hyphen (a shared word ending).
pub fn join_hyphenation(lines: Vec<Line>, repairs: &mut usize) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut iter = lines.into_iter().peekable();
    while let Some(mut l) = iter.next() {
        loop {
            // A hyphen, or a soft hyphen or "¬" (always a break in a word).
            // "APT-" / "möten", "2020-" / "2023": a hyphen after a capital
            // or a digit belongs to the text; the lines join without a space.
            let kept = {
                let t = l.text.trim_end();
                let mut cs = t.chars().rev();
                matches!((cs.next(), cs.next()), (Some('-'), Some(c)) if c.is_uppercase() || c.is_ascii_digit())
            };
            if kept
                && let Some(n) = iter.peek()
                && n.text
                    .trim_start()
                    .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            {
                let n = iter.next().expect("peeked");
                let cut = l.text.trim_end().len();
                l.text.truncate(cut);
                l.text.push_str(n.text.trim_start());
                continue;
            }
            let (mark, soft) = {
                let t = l.text.trim_end();
                let mut cs = t.chars().rev();
                match (cs.next(), cs.next()) {
                    (Some('-'), Some(c)) if c.is_alphabetic() => (Some('-'), false),
                    (Some(m @ ('\u{ad}' | '¬')), Some(c)) if c.is_alphabetic() => (Some(m), true),
                    _ => (None, false),
                }
            };
            let Some(mark) = mark else {
                break;
            };
            let next_ok = match iter.peek() {
                Some(n) => {
                    let nt = n.text.trim_start();
                    let first = nt.split_whitespace().next().unwrap_or("");
                    nt.chars().next().is_some_and(|c| c.is_lowercase())
                        && (soft || !matches!(first, "och" | "eller" | "samt" | "som" | "till"))
                }
                None => false,
            };
            if !next_ok {
                break;
            }
            let Some(n) = iter.next() else {
                break;
            };
            let cut = l.text.trim_end().len() - mark.len_utf8();
            l.text.truncate(cut);
            l.text.push_str(n.text.trim_start());
            *repairs += 1;
        }
        out.push(l);
    }
    out
}
