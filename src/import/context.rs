//! Choosing between readings of an OCR'd word that are all Swedish words
//! ("fér" may be får or för, "utgér" utgör or utgår) from its neighbours:
//! the word pairs of the document's own clean text, and a small table of
//! very common Swedish collocations.

use std::collections::HashMap;

/// Word pairs so common in Swedish prose that either word tells the other
/// ("för att", "får vi", "utgår från"). `#` stands for a number. Only
/// pairs whose dotted word has an undotted or differently dotted twin
/// matter; each is common Swedish, not a phrase of one plan.
const COLLOCATIONS: &[(&str, &str)] = &[
    ("för", "att"),
    ("för", "de"),
    ("för", "den"),
    ("för", "det"),
    ("för", "dem"),
    ("för", "oss"),
    ("för", "alla"),
    ("för", "sin"),
    ("för", "sina"),
    ("för", "sitt"),
    ("för", "kvinnor"),
    ("för", "barn"),
    ("ansvar", "för"),
    ("ansvarar", "för"),
    ("arbetar", "för"),
    ("plan", "för"),
    ("mål", "för"),
    ("inte", "för"),
    ("får", "vi"),
    ("vi", "får"),
    ("får", "möjlighet"),
    ("får", "del"),
    ("får", "stöd"),
    ("får", "information"),
    ("får", "tillgång"),
    ("får", "inte"),
    ("som", "får"),
    ("jag", "får"),
    ("du", "får"),
    ("hen", "får"),
    ("han", "får"),
    ("hon", "får"),
    ("man", "får"),
    ("ni", "får"),
    ("de", "får"),
    ("alla", "får"),
    ("gör", "det"),
    ("gör", "vi"),
    ("vi", "gör"),
    ("som", "gör"),
    ("går", "till"),
    ("går", "ut"),
    ("går", "igenom"),
    ("går", "vidare"),
    ("utgår", "från"),
    ("utgår", "ifrån"),
    ("utgör", "en"),
    ("utgör", "ett"),
    ("utgör", "#"),
    ("utgör", "grunden"),
    ("vart", "man"),
    ("vart", "vi"),
    ("vart", "de"),
    ("vårt", "arbete"),
    ("vårt", "uppdrag"),
    ("män", "och"),
    ("och", "män"),
    ("kön", "och"),
    ("på", "att"),
    ("så", "att"),
    ("när", "det"),
    ("är", "att"),
    ("det", "är"),
];

fn dotted(w: &str) -> bool {
    w.contains(['å', 'ä', 'ö'])
}

/// A word as read is clean when it is letters only and carries no OCR
/// mark; `#` for a number.
fn clean(w: &str) -> Option<String> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return None;
    }
    if w.chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Some("#".into());
    }
    let marked = w.contains(['é', 'á', 'è', 'ë', 'ó', 'ò']);
    (w.chars().all(char::is_alphabetic) && !marked).then(|| w.to_lowercase())
}

/// The pairs of neighbouring clean words in the document that hold a
/// dotted word (dots are never added by OCR, so such a word was written),
/// and the same for words as printed (punctuation kept) beside their
/// neighbours' OCR-proof skeletons: a plan repeats its phrases ("disk-,
/// tvätt-, städ-, och …" in several goals), so a phrase written with its
/// dots once tells how the same phrase garbled elsewhere is read.
pub struct Context {
    pairs: HashMap<(String, String), usize>,
    left: HashMap<(String, String), usize>,
    right: HashMap<(String, String), usize>,
}

/// A word as printed, lower case, when it was written with its dots and
/// carries no OCR mark.
fn written(raw: &str) -> Option<String> {
    let marked = raw.contains(['é', 'á', 'è', 'ë', 'ó', 'ò', '&', '@', '¢', '6', '0']);
    (dotted(&raw.to_lowercase()) && !marked).then(|| raw.to_lowercase())
}

/// A neighbour as printed with every letter OCR may confuse blurred, so
/// that the same phrase matches however its other words were garbled.
pub fn blurred(raw: &str) -> String {
    super::repair::skeleton(&raw.to_lowercase())
}

impl Context {
    pub fn new(input: &str) -> Context {
        let mut pairs: HashMap<(String, String), usize> = HashMap::new();
        for line in input.lines() {
            let mut prev: Option<String> = None;
            for raw in line.split_whitespace() {
                let w = clean(raw);
                // A comma or a full stop ends the pair.
                let ends = raw.ends_with([',', '.', ';', ':', '?', '!']);
                if let (Some(p), Some(w)) = (&prev, &w)
                    && (dotted(p) || dotted(w))
                    && p != "#"
                    && w != "#"
                {
                    *pairs.entry((p.clone(), w.clone())).or_default() += 1;
                }
                prev = if ends { None } else { w };
            }
        }
        let mut left: HashMap<(String, String), usize> = HashMap::new();
        let mut right: HashMap<(String, String), usize> = HashMap::new();
        let words: Vec<&str> = input.split_whitespace().collect();
        for (i, raw) in words.iter().enumerate() {
            let Some(w) = written(raw) else { continue };
            if let Some(p) = i.checked_sub(1).map(|j| words[j]) {
                *left.entry((blurred(p), w.clone())).or_default() += 1;
            }
            if let Some(n) = words.get(i + 1) {
                *right.entry((w, blurred(n))).or_default() += 1;
            }
        }
        Context { pairs, left, right }
    }

    /// How often the document prints `word` (as printed, lower case,
    /// with the candidate's dots) beside the same neighbours (blurred):
    /// both at once count double.
    pub fn phrase_support(&self, prev: Option<&str>, word: &str, next: Option<&str>) -> usize {
        if !dotted(word) {
            return 0;
        }
        let l = prev.map_or(0, |p| {
            self.left
                .get(&(p.to_string(), word.to_string()))
                .copied()
                .unwrap_or(0)
        });
        let r = next.map_or(0, |n| {
            self.right
                .get(&(word.to_string(), n.to_string()))
                .copied()
                .unwrap_or(0)
        });
        l + r + l.min(r)
    }

    /// How strongly the neighbours speak for `word` (lower case): each
    /// time the document writes the pair, and the collocation table.
    pub fn support(&self, prev: Option<&str>, word: &str, next: Option<&str>) -> usize {
        let mut n = 0;
        // The document's pairs speak only for a dotted word: an undotted
        // one as read may be a dotted one that lost its dots.
        let written = dotted(word);
        let mut pair = |a: &str, b: &str| {
            if written {
                n += self
                    .pairs
                    .get(&(a.to_string(), b.to_string()))
                    .copied()
                    .unwrap_or(0);
            }
            if COLLOCATIONS.contains(&(a, b)) {
                n += 3;
            }
        };
        if let Some(p) = prev {
            pair(p, word);
        }
        if let Some(x) = next {
            pair(word, x);
        }
        n
    }
}

/// The neighbour of a word as a key of [`Context`]: a clean word or `#`.
pub fn neighbour(raw: &str) -> Option<String> {
    clean(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_pair_and_a_collocation_support_a_reading() {
        let c = Context::new("Alla får stöd. Vi gör det.\nmedel utgör 70 %");
        assert!(c.support(Some("alla"), "får", None) > c.support(Some("alla"), "för", None));
        assert!(c.support(None, "utgör", Some("#")) > c.support(None, "utgår", Some("#")));
        assert_eq!(
            c.support(None, "stöd", Some("vi")),
            0,
            "a full stop ends the pair"
        );
    }
}
