//! Fuzzy search as the user types: candidates ranked by fuzzy-matcher's
//! skim score, narrowed keystroke by keystroke (a longer query can only
//! match what the shorter one matched), scored on all cores when there
//! are many.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Candidates above this count are scored on several threads.
const PARALLEL_FROM: usize = 4096;

/// Candidates handed to a thread at a time.
const CHUNK: usize = 1024;

/// The matcher's limit on its score matrix: longer candidates are scored
/// by its linear `simple_match` (a full matrix per candidate per keystroke
/// costs too much for thousands of titles).
const ELEMENT_LIMIT: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct Search {
    texts: Vec<String>,
    /// Every text in lower case, as characters, end to end: matching
    /// ignores case, also for å, ä, ö (the matcher's own case folding is
    /// ASCII only), and decoding and folding are done once here instead
    /// of for every candidate at every keystroke.
    chars: Vec<char>,
    /// Where each text's characters end in `chars` (it starts where the
    /// previous one ends).
    ends: Vec<u32>,
    last_query: String,
    /// Candidates that matched `last_query`, in candidate order.
    last_hits: Vec<u32>,
}

impl Search {
    pub fn new(texts: Vec<String>) -> Search {
        let mut chars = Vec::with_capacity(texts.iter().map(|t| t.len()).sum());
        let mut ends = Vec::with_capacity(texts.len());
        for t in &texts {
            chars.extend(t.chars().map(fold_char));
            ends.push(chars.len() as u32);
        }
        Search {
            texts,
            chars,
            ends,
            last_query: String::new(),
            last_hits: Vec::new(),
        }
    }

    pub fn text(&self, i: usize) -> &str {
        &self.texts[i]
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The folded characters of candidate `i`.
    fn folded(&self, i: usize) -> &[char] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.chars[start..self.ends[i] as usize]
    }

    /// Indices of the candidates matching `query`, best first (ties in
    /// candidate order; past the first 500 only roughly by score). An
    /// empty query matches everything in order.
    pub fn query(&mut self, query: &str) -> Vec<usize> {
        let q = fold(query.trim());
        let q = q.as_str();
        if q.is_empty() {
            self.last_query.clear();
            self.last_hits.clear();
            return (0..self.texts.len()).collect();
        }
        let narrowed = !self.last_query.is_empty() && q.starts_with(self.last_query.as_str());
        let pool: Vec<u32> = if narrowed {
            std::mem::take(&mut self.last_hits)
        } else {
            (0..self.texts.len() as u32).collect()
        };
        let mut scored = self.score(&pool, q);
        // Scored in pool order, which is candidate order: already sorted.
        self.last_hits = scored.iter().map(|(i, _)| *i).collect();
        self.last_query = q.to_string();
        let best = |a: &(u32, i64), b: &(u32, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        // Only the rows a person can see need an exact order; the rest
        // follow, best first as a group.
        const ORDERED: usize = 500;
        if scored.len() > ORDERED {
            scored.select_nth_unstable_by(ORDERED, best);
            scored[..ORDERED].sort_by(best);
        } else {
            scored.sort_by(best);
        }
        scored.into_iter().map(|(i, _)| i as usize).collect()
    }

    /// Matched character positions of candidate `i` (for highlighting).
    pub fn hits(&self, i: usize, query: &str) -> Vec<usize> {
        let text: String = self.folded(i).iter().collect();
        SkimMatcherV2::default()
            .fuzzy_indices(&text, &fold(query.trim()))
            .map(|(_, h)| h)
            .unwrap_or_default()
    }

    /// The skim score of each candidate of `pool` that matches `q`, in
    /// pool order.
    fn score(&self, pool: &[u32], q: &str) -> Vec<(u32, i64)> {
        let pattern: Vec<char> = q.chars().collect();
        let run = |part: &[u32]| -> Vec<(u32, i64)> {
            let matcher = SkimMatcherV2::default()
                .ignore_case()
                .element_limit(ELEMENT_LIMIT);
            let mut short = String::new();
            let mut out = Vec::new();
            for &i in part {
                let text = self.folded(i as usize);
                let Some((first, last)) = first_matches(text, &pattern) else {
                    continue;
                };
                // What `fuzzy_match` does for a text this long, without
                // decoding the text again.
                let score = if ELEMENT_LIMIT < 2 * (text.len() + 1) {
                    Some(linear_score(text, &pattern, first, last))
                } else {
                    short.clear();
                    short.extend(text);
                    matcher.fuzzy_match(&short, q)
                };
                out.extend(score.map(|s| (i, s)));
            }
            out
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        if pool.len() < PARALLEL_FROM || threads < 2 {
            return run(pool);
        }
        // Small parts taken in turn by this thread and the helpers: on a
        // busy machine a helper that gets no core leaves its share to the
        // others instead of holding up the keystroke.
        let parts: Vec<&[u32]> = pool.chunks(CHUNK).collect();
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(part) = parts.get(i) else {
                    return done;
                };
                done.push((i, run(part)));
            }
        };
        let mut done = std::thread::scope(|s| {
            let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
            let mut done = work();
            for h in helpers {
                done.extend(h.join().unwrap_or_default());
            }
            done
        });
        // Back in pool order.
        done.sort_unstable_by_key(|(i, _)| *i);
        done.into_iter().flat_map(|(_, scored)| scored).collect()
    }
}

/// Lower case, one character for one (so matched positions stay valid).
fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Where the query's first and last characters are found when each is
/// taken at its first occurrence after the one before (as the matcher's
/// own cheap test does), or None when the query is no subsequence: most
/// non-matches end here, without allocating.
fn first_matches(text: &[char], query: &[char]) -> Option<(usize, usize)> {
    let (head, rest) = query.split_first()?;
    let first = text.iter().position(|c| c.eq_ignore_ascii_case(head))?;
    let mut last = first;
    for q in rest {
        last += 1 + text[last + 1..]
            .iter()
            .position(|c| c.eq_ignore_ascii_case(q))?;
    }
    Some((first, last))
}

// skim's default weights (fuzzy-matcher's `SkimScoreConfig::default`).
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

#[inline]
fn kind(c: char) -> Kind {
    match c {
        'a'..='z' => Kind::Lower,
        '\0' => Kind::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Kind::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Kind::SoftSep,
        '0'..='9' => Kind::Number,
        'A'..='Z' => Kind::Upper,
        _ => Kind::Lower,
    }
}

/// The bonus for matching `c` after `prev`: at the start of a word, after
/// punctuation, or at a camel-case hump.
#[inline]
fn place_bonus(prev: Kind, c: Kind) -> i32 {
    match (prev, c) {
        (Kind::Empty | Kind::HardSep, _) => BONUS_HEAD,
        (Kind::SoftSep, _) => BONUS_BREAK,
        (Kind::Lower | Kind::Number, Kind::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// The score skim's `simple_match` gives a candidate too long for its
/// matrix (case ignored), given where `first_matches` found the query's
/// first and last characters. The same arithmetic over the characters
/// decoded once, instead of the matcher decoding every candidate at every
/// keystroke; `scores_are_the_matchers_own` holds it to the matcher's.
fn linear_score(text: &[char], query: &[char], first: usize, last: usize) -> i64 {
    if query.len() == 1 {
        let prev = if first > 0 { text[first - 1] } else { '\0' };
        return i64::from(place_bonus(kind(prev), kind(text[first])));
    }
    // The query taken backwards from its last character. Like the matcher,
    // the start found is an offset within `first..=last` and is then used
    // as a position in the whole text: scores depend on it.
    let mut start = first;
    let mut want = query.iter().rev().peekable();
    for (i, c) in text[first..=last].iter().enumerate().rev() {
        match want.peek() {
            Some(p) if c.eq_ignore_ascii_case(p) => {
                want.next();
                start = i;
            }
            Some(_) => {}
            None => break,
        }
    }
    let mut score = 0;
    let mut in_gap = false;
    let mut prev_bonus = 0;
    let mut prev = Kind::Empty;
    let mut want = query.iter().peekable();
    for &c in &text[start..=last] {
        let Some(&&p) = want.peek() else {
            break;
        };
        let this = kind(c);
        if c.eq_ignore_ascii_case(&p) {
            let bonus = place_bonus(prev, this);
            score += if p == c {
                SCORE_MATCH
            } else {
                (SCORE_MATCH + PENALTY_CASE_MISMATCH).max(0)
            };
            let consecutive = prev_bonus.max(bonus.max(BONUS_CONSECUTIVE));
            prev_bonus = consecutive;
            if !in_gap {
                score += consecutive;
            }
            in_gap = false;
            want.next();
        } else {
            if !in_gap {
                score += GAP_START;
            }
            score += GAP_EXTENSION;
            in_gap = true;
            prev_bonus = 0;
        }
        prev = this;
    }
    i64::from(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_ignored_also_for_swedish_letters() {
        let mut s = Search::new(vec![
            "Enheten Åtgärdar".into(),
            "ÖKAD trygghet".into(),
            "abc".into(),
        ]);
        assert_eq!(s.query("åtg"), vec![0]);
        assert_eq!(s.query("ökt"), vec![1]);
        assert_eq!(s.query("ÅTG"), vec![0]);
        assert!(s.query("abd").is_empty());
        assert_eq!(s.hits(0, "åtg"), vec![8, 9, 10]);
    }

    #[test]
    fn the_cheap_test_never_rejects_a_match() {
        let m = SkimMatcherV2::default().ignore_case();
        for (text, q) in [
            ("enheten åtgärdar", "åtg"),
            ("ökad trygghet", "ökt"),
            ("abc", "abd"),
            ("kontinuitet", "kont"),
            ("kontinuitet", "ktt"),
        ] {
            let chars: Vec<char> = q.chars().collect();
            let text_chars: Vec<char> = text.chars().collect();
            if m.fuzzy_match(text, q).is_some() {
                assert!(first_matches(&text_chars, &chars).is_some(), "{text} / {q}");
            }
        }
    }

    #[test]
    fn scores_are_the_matchers_own() {
        let mut texts: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "E{i} Enheten arbetar med KONTINUITET och Trygghet för äldre {}",
                    "x".repeat(i % 40)
                )
            })
            .collect();
        texts.extend(["kort", "Kontinuitet", "ÅTGÄRD k", "", "k"].map(String::from));
        let matcher = SkimMatcherV2::default()
            .ignore_case()
            .element_limit(ELEMENT_LIMIT);
        let search = Search::new(texts.clone());
        let pool: Vec<u32> = (0..texts.len() as u32).collect();
        for q in ["k", "ko", "kont", "ktt", "e1 arb", "åtg", "tet x", "zz"] {
            let want: Vec<(u32, i64)> = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| matcher.fuzzy_match(&fold(t), q).map(|s| (i as u32, s)))
                .collect();
            assert_eq!(search.score(&pool, q), want, "{q}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_score_is_the_matchers_own(
            texts in proptest::collection::vec("[aAkKoO tT.(1_åÄ-]{0,90}", 1..20),
            query in "[akot .1åä]{1,6}",
        ) {
            let matcher = SkimMatcherV2::default()
                .ignore_case()
                .element_limit(ELEMENT_LIMIT);
            let search = Search::new(texts.clone());
            let pool: Vec<u32> = (0..texts.len() as u32).collect();
            let q = fold(&query);
            let want: Vec<(u32, i64)> = texts
                .iter()
                .enumerate()
                .filter_map(|(i, t)| matcher.fuzzy_match(&fold(t), &q).map(|s| (i as u32, s)))
                .collect();
            proptest::prop_assert_eq!(search.score(&pool, &q), want);
        }
    }

    #[test]
    fn narrowing_gives_the_same_result_as_a_fresh_search() {
        let texts: Vec<String> = (0..10_000)
            .map(|i| format!("E{i} Enheten arbetar med kontinuitet {}", i % 97))
            .collect();
        let mut typed = Search::new(texts.clone());
        let mut result = Vec::new();
        for n in 1..="kontin 42".len() {
            result = typed.query(&"kontin 42"[..n]);
        }
        let fresh = Search::new(texts).query("kontin 42");
        assert_eq!(result, fresh);
        assert!(!result.is_empty());
        // Deleting a character (not a longer query) searches afresh.
        assert_eq!(
            typed.query("konti").len(),
            Search::new(typed.texts.clone()).query("konti").len()
        );
    }
}
