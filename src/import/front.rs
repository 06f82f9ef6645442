//! Lines of the front page: the title with the year, names of people, and
//! the table of contents.

use super::classify::{fold, heading_kind};

/// "Anna Andersson", "AnneCharlotte Persson", "Karl-Erik af Ek": two to
/// five words of letters, the first and last capitalised.
pub fn looks_like_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=5).contains(&words.len())
        && t.chars().count() <= 60
        && words.first().is_some_and(cap)
        && words.last().is_some_and(cap)
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.'))
}

/// The front page's title: "Verksamhetsplan 2026", "Verksamhetsplan för
/// 2026", "Verksamhetsplan 2026 Hägerstens hemtjänst": the year, and the
/// unit's name when it is on the same line.
pub(super) fn title_line(t: &str) -> Option<(i64, Option<&str>)> {
    let mut words = t.split_whitespace();
    if fold(words.next()?) != "verksamhetsplan" {
        return None;
    }
    let mut rest = t.trim_start()[t.trim_start().find(char::is_whitespace)?..].trim_start();
    if let Some(r) = rest.strip_prefix("för ") {
        rest = r.trim_start();
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let year: i64 = rest.get(..digits).filter(|_| digits == 4)?.parse().ok()?;
    let name = rest[digits..]
        .trim_start_matches([' ', ',', ':', '-', '–'])
        .trim();
    let named = name.chars().next().is_some_and(char::is_uppercase) && name.chars().count() <= 80;
    Some((year, named.then_some(name)))
}

pub(super) fn is_toc_line(t: &str) -> bool {
    let t = t.trim_end();
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || digits == t.len() {
        return false;
    }
    let head = &t[..t.len() - digits];
    head.ends_with('\t')
        || head.trim_end().ends_with("..")
        || (head.ends_with(' ') && heading_kind(head.trim()).is_some())
}
