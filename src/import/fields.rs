//! Turning the lines gathered under a heading into the plan's text shapes:
//! paragraphs, bullet lists, numbered points.

use super::classify::{bullet, numbered};
use crate::plan::Points;
use std::collections::HashSet;

/// Lines of one field: `None` is a blank line.
pub type Buf = Vec<(usize, Option<String>)>;

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', ':'])
}

fn starts_lower(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// Paragraphs separated by a blank line; lines of a paragraph joined with
/// a space (`keep_breaks`: a line break after a full sentence is kept).
pub fn paragraphs(buf: &Buf, keep_breaks: bool) -> String {
    let mut out = String::new();
    let mut blank = false;
    for (_, l) in buf {
        match l {
            None => blank = !out.is_empty(),
            Some(t) => {
                let t = t.trim();
                if !out.is_empty() {
                    if blank {
                        out.push_str("\n\n");
                    } else if keep_breaks && ends_sentence(&out) && !starts_lower(t) {
                        out.push('\n');
                    } else {
                        out.push(' ');
                    }
                }
                out.push_str(t);
                blank = false;
            }
        }
    }
    out
}

/// Numbered points "1. …", "2. …"; text before the first point is kept as
/// the first point's preamble. Within a point, a line break is kept after a
/// full sentence or a blank line, else lines are joined with a space.
pub fn points(buf: &Buf, flat: bool) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut blank = false;
    for (_, l) in buf {
        let Some(t) = l else {
            blank = true;
            continue;
        };
        let t = t.trim();
        if let Some((_, rest)) = numbered(t) {
            items.push(rest.to_string());
        } else if let Some(last) = items.last_mut() {
            let sep = if flat || starts_lower(t) {
                " "
            } else if blank || ends_sentence(last) {
                "\n"
            } else {
                " "
            };
            last.push_str(sep);
            last.push_str(t);
        } else {
            items.push(t.to_string());
        }
        blank = false;
    }
    items
}

/// Bullets "- …"; lines that are not bullets continue the last one.
pub fn bullets(buf: &Buf) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for (_, l) in buf {
        let Some(t) = l else { continue };
        let t = t.trim();
        if let Some(rest) = bullet(t) {
            items.push(rest.to_string());
        } else if let Some(last) = items.last_mut() {
            last.push(' ');
            last.push_str(t);
        } else {
            items.push(t.to_string());
        }
    }
    items
}

/// A field that the document either numbers or writes as running text.
pub fn to_points(buf: &Buf) -> Points {
    let first = buf.iter().find_map(|(_, l)| l.as_deref());
    match first {
        None => Points::Text(String::new()),
        Some(f) if numbered(f).is_some() => Points::Numbered(points(buf, false)),
        Some(_) => Points::Text(paragraphs(buf, true)),
    }
}

pub fn has_text(buf: &Buf) -> bool {
    buf.iter().any(|(_, l)| l.is_some())
}

/// A list of förväntat resultat, however the document marks its points:
/// numbered ("1. …"), dashes ("- …", "-…", "• …"), or none (one point per
/// line, a wrapped line continuing its point). `width` is the text's
/// line width: a line that ends before it (the next word would have fitted)
/// ends its point. `lower`: the words the text writes in lower case.
pub fn list(buf: &Buf, width: usize, lower: &HashSet<String>) -> Vec<String> {
    let first = buf.iter().find_map(|(_, l)| l.as_deref());
    match first {
        None => Vec::new(),
        Some(f) if numbered(f).is_some() => points(buf, true),
        Some(f) if bullet(f).is_some() => bullets(buf),
        Some(_) => plain_list(buf, width, lower),
    }
}

fn plain_list(buf: &Buf, width: usize, lower: &HashSet<String>) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut prev: Option<&str> = None;
    let mut blank = false;
    for (_, l) in buf {
        let Some(t) = l else {
            blank = true;
            continue;
        };
        let t = t.trim();
        let new_point = match prev {
            None => true,
            Some(p) => {
                let word = t.split_whitespace().next().unwrap_or("");
                let fits = p.chars().count() + 1 + word.chars().count() <= width;
                let upper = t.starts_with(|c: char| !c.is_lowercase());
                // A full sentence ending its line and a capital after it
                // start a new point: a point of two sentences that wraps
                // just at its sentence end is rarer than a point that
                // fills its last line.
                blank || (upper && (fits || ends_sentence(p) || starts_sentence(word, lower)))
            }
        };
        match items.last_mut() {
            Some(last) if !new_point => {
                last.push(' ');
                last.push_str(t);
            }
            _ => items.push(t.to_string()),
        }
        prev = Some(t);
        blank = false;
    }
    items
}

/// A word cut from its punctuation ("(AMI)" → "AMI", "minskar." → "minskar").
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The words `lines` write in lower case somewhere, as they are written.
pub fn lower_words<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut words = HashSet::new();
    for w in lines.flat_map(str::split_whitespace).map(bare) {
        if w.starts_with(char::is_lowercase) && !words.contains(w) {
            words.insert(w.to_string());
        }
    }
    words
}

/// A capital on a word the text elsewhere writes in lower case starts a
/// sentence: a name ("Hägersten", "AMI") keeps its capital everywhere.
/// After a line that ended no sentence, such a word begins the next point.
fn starts_sentence(word: &str, lower: &HashSet<String>) -> bool {
    let w = bare(word);
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && lower.contains(&w.to_lowercase())
}
