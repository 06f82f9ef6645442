//! Fuzzy search as the user types: candidates ranked by fuzzy-matcher's
//! skim score, narrowed keystroke by keystroke (a longer query can only
//! match what the shorter one matched), scored on all cores when there
//! are many.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Candidates above this count are scored on several threads.
const PARALLEL_FROM: usize = 4096;

#[derive(Debug, Clone, Default)]
pub struct Search {
    texts: Vec<String>,
    /// The texts in lower case: matching ignores case, also for å, ä, ö
    /// (the matcher's own case folding is ASCII only).
    folded: Vec<String>,
    last_query: String,
    /// Candidates that matched `last_query`, in candidate order.
    last_hits: Vec<u32>,
}

impl Search {
    pub fn new(texts: Vec<String>) -> Search {
        let folded = texts.iter().map(|t| fold(t)).collect();
        Search {
            texts,
            folded,
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
        let mut scored = score(&self.folded, &pool, q);
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
        SkimMatcherV2::default()
            .fuzzy_indices(&self.folded[i], &fold(query.trim()))
            .map(|(_, h)| h)
            .unwrap_or_default()
    }
}

/// Lower case, one character for one (so matched positions stay valid).
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            c.to_lowercase()
                .next()
                .filter(|_| c.to_lowercase().count() == 1)
                .unwrap_or(c)
        })
        .collect()
}

/// Whether the query's characters occur in `text` in order: a cheap test
/// that lets most non-matches skip the scoring.
fn subsequence(text: &str, query: &[char]) -> bool {
    let mut want = query.iter().peekable();
    for c in text.chars() {
        match want.peek() {
            None => return true,
            Some(&&w) if w == c => {
                want.next();
            }
            _ => {}
        }
    }
    want.peek().is_none()
}

fn score(texts: &[String], pool: &[u32], q: &str) -> Vec<(u32, i64)> {
    let chars: Vec<char> = q.chars().collect();
    let run = |part: &[u32]| -> Vec<(u32, i64)> {
        let matcher = SkimMatcherV2::default().ignore_case().element_limit(64);
        part.iter()
            .filter(|&&i| subsequence(&texts[i as usize], &chars))
            .filter_map(|&i| matcher.fuzzy_match(&texts[i as usize], q).map(|s| (i, s)))
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if pool.len() < PARALLEL_FROM || threads < 2 {
        return run(pool);
    }
    let chunk = pool.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = pool
            .chunks(chunk)
            .map(|part| s.spawn(move || run(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
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
            if m.fuzzy_match(text, q).is_some() {
                assert!(subsequence(text, &chars), "{text} / {q}");
            }
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
