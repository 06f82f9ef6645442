//! Cutting prose into the words a spell check looks at: runs of letters
//! joined by inner hyphens and apostrophes ("LSS-boende", "Anna's"), with
//! what is not a word to check left out: numbers, words with digits,
//! abbreviations written with capitals after the first letter (KF, SoL,
//! LSS), single letters, e-mail addresses and web addresses.

/// A word in a line of text: where it starts and ends (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Characters that join two parts of one word when letters stand on both
/// sides: the hyphen of a compound, apostrophes, and the colon of a
/// genitive ("KF:s").
fn joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\'' | '\u{2019}' | ':')
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a whitespace-separated chunk is an address, not prose.
fn is_address(chunk: &str) -> bool {
    let lower = chunk.to_lowercase();
    let host_path = lower.contains('/')
        && lower
            .split('/')
            .next()
            .is_some_and(|h| h.contains('.') && !h.ends_with('.'));
    lower.contains("://") || lower.starts_with("www.") || lower.contains('@') || host_path
}

/// Every run of word characters and inner joiners in `text`, addresses
/// left out; nothing is filtered yet (see [`words`]).
fn runs(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    let mut chunks = Vec::new();
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), chunk_start) {
            (true, Some(s)) => {
                chunks.push((s, i));
                chunk_start = None;
            }
            (false, None) => chunk_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = chunk_start {
        chunks.push((s, text.len()));
    }
    for (cs, ce) in chunks {
        let chunk = &text[cs..ce];
        if is_address(chunk) {
            continue;
        }
        let chars: Vec<(usize, char)> = chunk.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !word_char(chars[i].1) {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            let mut j = i;
            loop {
                while j < chars.len() && word_char(chars[j].1) {
                    j += 1;
                }
                // An inner joiner with a word character after it continues
                // the word.
                if j + 1 < chars.len() && joiner(chars[j].1) && word_char(chars[j + 1].1) {
                    j += 1;
                    continue;
                }
                break;
            }
            let end = chars.get(j).map_or(chunk.len(), |(b, _)| *b);
            out.push(Word {
                start: cs + start,
                end: cs + end,
                text: &text[cs + start..cs + end],
            });
            i = j;
        }
    }
    out
}

/// Whether a part of a word is never checked: a number or anything with
/// a digit, a single letter, or an abbreviation (a capital after the
/// first letter: KF, SoL, LSS).
pub fn exempt(part: &str) -> bool {
    let mut chars = part.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    if part.chars().any(|c| c.is_numeric()) {
        return true;
    }
    if part.chars().count() == 1 {
        return true;
    }
    let _ = first;
    chars.any(char::is_uppercase)
}

/// The parts of a word a dictionary is asked about, each by itself when
/// the whole is not known: the parts of a hyphenated compound; a
/// genitive's colon ends the word ("KF:s" is "KF").
pub fn parts(word: &str) -> Vec<&str> {
    let head = word.split(':').next().unwrap_or(word);
    head.split(['-', '\u{2010}'])
        .filter(|p| !p.is_empty())
        .collect()
}

/// The words of `text` a spell check looks at.
pub fn words(text: &str) -> Vec<Word<'_>> {
    runs(text)
        .into_iter()
        .filter(|w| !parts(w.text).iter().all(|p| exempt(p)))
        .collect()
}

/// The word that the byte offset `at` is in or just after, if any
/// (checked or not: the word a cursor stands on).
pub fn word_at(text: &str, at: usize) -> Option<Word<'_>> {
    runs(text)
        .into_iter()
        .find(|w| w.start <= at && at <= w.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn swedish_letters_are_part_of_words() {
        assert_eq!(
            texts("Vi har fått årets söta kaféer, é och ö."),
            ["Vi", "har", "fått", "årets", "söta", "kaféer", "och"]
        );
    }

    #[test]
    fn hyphenated_compounds_and_apostrophes_stay_one_word() {
        assert_eq!(
            texts("LSS-boende och e-post, Anna's bil - inte"),
            ["LSS-boende", "och", "e-post", "Anna's", "bil", "inte"]
        );
        assert_eq!(parts("LSS-boende"), ["LSS", "boende"]);
        assert_eq!(texts("Anna’s"), ["Anna’s"]);
    }

    #[test]
    fn numbers_dates_abbreviations_and_digits_are_left_out() {
        assert_eq!(
            texts("KF och SoL gav 2026-06-30 hela 87,5 % till Q3 och 3:e målet; KF:s beslut"),
            ["och", "gav", "hela", "till", "och", "målet", "beslut"]
        );
    }

    #[test]
    fn addresses_are_left_out() {
        assert_eq!(
            texts(
                "Se https://start.stockholm/stavnig eller www.exempel.se, skriv anna.b@stockholm.se nu"
            ),
            ["Se", "eller", "skriv", "nu"]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Åtta stavnig.";
        let w = words(text);
        assert_eq!(&text[w[1].start..w[1].end], "stavnig");
        assert_eq!(
            word_at(text, text.len() - 1).map(|w| w.text),
            Some("stavnig")
        );
        assert_eq!(word_at(text, 0).map(|w| w.text), Some("Åtta"));
        assert_eq!(word_at(text, 6).map(|w| w.text), Some("stavnig"));
    }
}
