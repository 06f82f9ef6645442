//! Checking prose while it is typed: a dictionary with the words it
//! should also take (the plan's own terms, the workspace's and the user's
//! word lists), each word's verdict cached, and the marks of a text kept
//! per line so that a keystroke only checks the line it changed.

use super::Speller;
use super::tokens::{self, Word};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A dictionary and the words taken besides it.
pub struct Checker {
    speller: Arc<Speller>,
    /// Lower-cased words of the word lists.
    listed: HashSet<String>,
    /// Lower-cased words of the open plan.
    plan: HashSet<String>,
    /// Each word's verdict, once asked (a dictionary lookup of a Swedish
    /// compound costs far more than a hash lookup).
    verdicts: RefCell<HashMap<String, bool>>,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker")
            .field("speller", &self.speller)
            .field("listed", &self.listed.len())
            .field("plan", &self.plan.len())
            .finish()
    }
}

impl Checker {
    pub fn new(speller: Arc<Speller>) -> Checker {
        Checker {
            speller,
            listed: HashSet::new(),
            plan: HashSet::new(),
            verdicts: RefCell::new(HashMap::new()),
        }
    }

    /// Takes these words (a word list's) as spelled right.
    pub fn add_listed<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        for w in words {
            self.listed.insert(w.trim().to_lowercase());
        }
        self.verdicts.borrow_mut().clear();
    }

    /// The words of the open plan's text are spelled right (its goal
    /// titles, indicator and activity names, the unit's name); the plan
    /// before is forgotten.
    pub fn set_plan_text(&mut self, text: &str) {
        self.plan = tokens::words(text)
            .into_iter()
            .flat_map(|w| {
                let mut all = vec![w.text.to_lowercase()];
                all.extend(tokens::parts(w.text).iter().map(|p| p.to_lowercase()));
                all
            })
            .collect();
        self.verdicts.borrow_mut().clear();
    }

    fn known(&self, word: &str) -> bool {
        if self.listed.is_empty() && self.plan.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        self.listed.contains(&lower) || self.plan.contains(&lower)
    }

    /// Whether `word` (one of [`tokens::words`]) is spelled right: known
    /// to the dictionary or the lists, or a compound whose every part is.
    pub fn is_right(&self, word: &str) -> bool {
        if let Some(v) = self.verdicts.borrow().get(word) {
            return *v;
        }
        let right = self.known(word)
            || self.speller.check(word)
            || tokens::parts(word)
                .iter()
                .all(|p| tokens::exempt(p) || self.known(p) || self.speller.check(p));
        self.verdicts.borrow_mut().insert(word.to_string(), right);
        right
    }

    /// The words of `text` that are not spelled right.
    pub fn misspelled<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        tokens::words(text)
            .into_iter()
            .filter(|w| !self.is_right(w.text))
            .collect()
    }

    /// Spellings to offer for `word`, best first.
    pub fn suggest(&self, word: &str) -> Vec<String> {
        self.speller.suggest(word)
    }

    /// The dictionary, for asking it from another thread (suggestions
    /// take a while in Swedish, where every split of a compound is tried).
    pub fn speller(&self) -> Arc<Speller> {
        self.speller.clone()
    }

    /// The dictionary's file, for messages.
    pub fn dictionary(&self) -> &std::path::Path {
        &self.speller.dic_path
    }
}

/// A misspelled word in a line of the editor, in characters (as the
/// editor counts its columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
}

/// The marks of a text, per line, kept between keystrokes: a line whose
/// text did not change keeps its marks unchecked.
#[derive(Debug, Default, Clone)]
pub struct LineMarks {
    lines: Vec<(String, Vec<Mark>)>,
}

fn marks_of(checker: &Checker, line: &str) -> Vec<Mark> {
    checker
        .misspelled(line)
        .into_iter()
        .map(|w| {
            let start = line[..w.start].chars().count();
            Mark {
                start,
                end: start + w.text.chars().count(),
            }
        })
        .collect()
}

impl LineMarks {
    /// Brings the marks up to `lines`; true when any line changed. Lines
    /// are matched by their text, so a line moved down by a new line
    /// above it is not checked again either.
    pub fn update(&mut self, checker: &Checker, lines: &[String]) -> bool {
        let same = self.lines.len() == lines.len()
            && self
                .lines
                .iter()
                .zip(lines)
                .all(|((old, _), new)| old == new);
        if same {
            return false;
        }
        let mut old: HashMap<String, Vec<Mark>> =
            std::mem::take(&mut self.lines).into_iter().collect();
        self.lines = lines
            .iter()
            .map(|l| {
                let marks = old.remove(l).unwrap_or_else(|| marks_of(checker, l));
                (l.clone(), marks)
            })
            .collect();
        true
    }

    /// The marks of line `row`.
    pub fn row(&self, row: usize) -> &[Mark] {
        self.lines.get(row).map_or(&[], |(_, m)| m.as_slice())
    }

    /// The misspelled words, each once, in the order they stand; `skip`
    /// (a line and a mark) is left out.
    pub fn words(&self, skip: Option<(usize, Mark)>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (row, (line, marks)) in self.lines.iter().enumerate() {
            for m in marks {
                if skip == Some((row, *m)) {
                    continue;
                }
                let w: String = line.chars().skip(m.start).take(m.end - m.start).collect();
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
        out
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The system's Swedish dictionary, or None (then the test says so).
    fn swedish() -> Option<Checker> {
        match Speller::system("sv_SE") {
            Ok(s) => Some(Checker::new(Arc::new(s))),
            Err(e) => {
                eprintln!("SKIPPED: {e}");
                None
            }
        }
    }

    #[test]
    fn misspelled_words_are_found_and_plan_words_are_not() {
        let Some(mut c) = swedish() else { return };
        let text = "Vi har arbetat med stavnig och kvalitet i LSS-boende enligt SoL, se Glimtamoj.";
        let found: Vec<&str> = c.misspelled(text).iter().map(|w| w.text).collect();
        assert_eq!(found, ["stavnig", "Glimtamoj"]);
        c.set_plan_text("[[unit_goals]]\ntitle = \"Glimtamoj för alla\"\n");
        let found: Vec<&str> = c.misspelled(text).iter().map(|w| w.text).collect();
        assert_eq!(found, ["stavnig"]);
        c.add_listed(["Stavnig"]);
        assert!(c.misspelled(text).is_empty());
        assert!(c.suggest("stavnig").iter().any(|s| s == "stavning"));
    }

    #[test]
    fn only_changed_lines_are_checked_again() {
        let Some(c) = swedish() else { return };
        let mut marks = LineMarks::default();
        let lines = vec!["en stavnig".to_string(), "bra text".to_string()];
        assert!(marks.update(&c, &lines));
        assert_eq!(marks.row(0), [Mark { start: 3, end: 10 }]);
        assert!(!marks.update(&c, &lines));
        let moved = vec![String::new(), lines[0].clone(), "bra texx".to_string()];
        assert!(marks.update(&c, &moved));
        assert_eq!(marks.row(1), [Mark { start: 3, end: 10 }]);
        assert_eq!(marks.row(2), [Mark { start: 4, end: 8 }]);
        assert_eq!(marks.words(None), ["stavnig", "texx"]);
        assert_eq!(
            marks.words(Some((2, Mark { start: 4, end: 8 }))),
            ["stavnig"]
        );
    }
}
