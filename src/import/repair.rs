//! Repairing OCR letter confusions in Swedish words ("Hégerstens" →
//! "Hägerstens", "6kad" → "ökad", "Forvantat" → "Förväntat") with a
//! dictionary of known words, plus a few line-level OCR fixes.

use super::context::{self, Context};
use super::grammar;
use super::verdicts::Verdicts;
use super::words::{COMMON, PLAIN};
use crate::spell::Speller;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Characters OCR puts where a known letter should be.
fn confusable(known: char, seen: char) -> bool {
    known == seen
        || match known {
            'ä' => matches!(seen, 'a' | 'é' | '&' | 'd' | '@' | 'á' | 'è' | 'ë'),
            'å' => matches!(seen, 'a' | 'd' | 'é' | 'á' | '&'),
            'ö' => matches!(seen, 'o' | '6' | 'é' | 'd' | '0' | 'ó' | 'ò' | '¢'),
            'é' => matches!(seen, 'e'),
            _ => false,
        }
}

fn is_wild(c: char) -> bool {
    matches!(
        c,
        'a' | 'o'
            | 'd'
            | 'å'
            | 'ä'
            | 'ö'
            | 'é'
            | '&'
            | '@'
            | 'á'
            | 'è'
            | 'ë'
            | '6'
            | '0'
            | 'ó'
            | 'ò'
            | '¢'
    )
}

/// A sign OCR puts for a dotted letter, never a letter of a Swedish word
/// by itself.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        'é' | '&' | '@' | 'á' | 'è' | 'ë' | '6' | '0' | 'ó' | 'ò' | '¢'
    )
}

/// The word with every possibly-confused letter as one '*' per run.
pub(super) fn skeleton(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if is_wild(c) {
            if !s.ends_with('*') {
                s.push('*');
            }
        } else {
            s.push(c);
        }
    }
    s
}

/// Known words with their weights, and the words with Swedish letters by
/// skeleton.
struct Words {
    known: HashMap<String, usize>,
    by_skeleton: HashMap<String, Vec<String>>,
}

impl Words {
    fn index(known: HashMap<String, usize>) -> Words {
        let mut by_skeleton: HashMap<String, Vec<String>> = HashMap::new();
        for w in known.keys() {
            if w.contains(['å', 'ä', 'ö', 'é']) {
                let v = by_skeleton.entry(skeleton(w)).or_default();
                if v.len() < 32 {
                    v.push(w.clone());
                }
            }
        }
        Words { known, by_skeleton }
    }
}

fn add_words(known: &mut HashMap<String, usize>, text: &str, weight: usize) {
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.chars().count() >= 2 {
            *known.entry(w.to_lowercase()).or_default() += weight;
        }
    }
}

/// The built-in words: built once per process.
fn base() -> &'static Words {
    static BASE: OnceLock<Words> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut known = HashMap::new();
        add_words(&mut known, COMMON, 5);
        add_words(&mut known, PLAIN, 5);
        Words::index(known)
    })
}

pub struct Dictionary {
    base: &'static Words,
    input: Words,
    /// The system's Swedish dictionary, when one is installed, with its
    /// verdicts kept.
    speller: Option<Verdicts>,
    /// Tokens already repaired (or not): a plan repeats its words.
    looked_up: std::cell::RefCell<HashMap<String, Option<String>>>,
    /// How often the input prints a known word garbled so that it can be
    /// no other ("&r", "m&nniskor"): counted with its whole spellings, so a
    /// word's weight is how often the document uses it, not how often it
    /// survived the OCR whole.
    garbled: HashMap<String, usize>,
    /// The document's own word pairs, to choose between readings.
    context: Context,
    /// Repairs chosen among several words without the neighbours' help.
    unsure: std::cell::RefCell<Vec<Unsure>>,
    /// The words each token may be read as, once looked up.
    candidates: std::cell::RefCell<HashMap<String, Vec<String>>>,
    /// The input's dotted words, sorted: the word families it prints.
    families: Vec<String>,
}

/// At most this many guesses are kept for notes (at most 200 notes are
/// shown).
const MAX_UNSURE: usize = 200;

/// A repair chosen among several words: the token as read, the word
/// written, the word after it (to find the item), the other readings.
#[derive(Debug, Clone)]
pub struct Unsure {
    pub read: String,
    pub chosen: String,
    pub next: Option<String>,
    pub others: Vec<String>,
}

/// What an OCR mark or a letter without its dots may stand for.
fn readings(c: char) -> &'static [char] {
    match c {
        'é' => &['ä', 'å', 'ö', 'é'],
        '&' | 'ë' | 'è' => &['ä'],
        '@' | 'á' => &['å', 'ä'],
        '6' | '¢' | 'ó' | 'ò' => &['ö'],
        '0' => &['ö', 'o'],
        'a' => &['a', 'ä', 'å'],
        'o' => &['o', 'ö'],
        _ => &[],
    }
}

/// How a reading ranks: its weight, its family's support, fewest changes.
type Rank = (usize, usize, std::cmp::Reverse<usize>);

/// At most this many spellings of one token are checked.
const MAX_READINGS: usize = 64;

impl Dictionary {
    /// Known words: the built-in list, the bundled plans, and the words of
    /// the input that carry Swedish letters (so they are spelled right).
    /// `speller`: the system's dictionary, for words the lists do not know.
    pub fn new(input: &str, speller: Option<&'static Speller>) -> Dictionary {
        let mut known: HashMap<String, usize> = HashMap::new();
        for w in input.split(|c: char| !c.is_alphabetic()) {
            if w.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) && w.chars().count() >= 2 {
                *known.entry(w.to_lowercase()).or_default() += 1;
            }
        }
        let mut dict = Dictionary {
            base: base(),
            input: Words::index(known),
            speller: speller.map(Verdicts::new),
            looked_up: Default::default(),
            garbled: HashMap::new(),
            context: Context::new(input),
            candidates: Default::default(),
            unsure: Default::default(),
            families: Vec::new(),
        };
        let mut families: Vec<String> = dict.input.known.keys().cloned().collect();
        families.sort_unstable();
        dict.families = families;
        dict.garbled = dict.count_garbled(input);
        dict
    }

    /// The known words that garbled tokens of `input` can only be.
    fn count_garbled(&self, input: &str) -> HashMap<String, usize> {
        let mut tokens: HashMap<String, usize> = HashMap::new();
        for t in input.split(|c: char| !(c.is_alphabetic() || matches!(c, '&' | '@' | '¢' | '6')))
        {
            let n = t.chars().count();
            if !(2..=40).contains(&n) || !t.contains(['&', '@', '¢', '6', 'é']) {
                continue;
            }
            *tokens.entry(t.to_lowercase()).or_default() += 1;
        }
        let mut out: HashMap<String, usize> = HashMap::new();
        for (t, n) in tokens {
            let chars: Vec<char> = t.chars().collect();
            let mut cur = chars.clone();
            let mut tried = 0;
            let mut only: Option<String> = None;
            let mut several = false;
            self.readings_of(&chars, 0, &mut cur, &mut tried, &mut |cand: &[char]| {
                let word: String = cand.iter().collect();
                let known =
                    self.base.known.contains_key(&word) || self.input.known.contains_key(&word);
                if !known || several {
                    return;
                }
                match &only {
                    Some(w) if *w != word => several = true,
                    _ => only = Some(word),
                }
            });
            if let (Some(w), false) = (only, several) {
                *out.entry(w).or_default() += n;
            }
        }
        out
    }

    fn weight(&self, w: &str) -> usize {
        self.base.known.get(w).copied().unwrap_or(0)
            + self.input.known.get(w).copied().unwrap_or(0)
            + self.garbled.get(w).copied().unwrap_or(0)
    }

    fn is_known(&self, w: &str) -> bool {
        self.weight(w) > 0
    }

    /// The known word an OCR-garbled token stands for, if exactly clear;
    /// else the same with a first letter OCR misreads: "I" or "|" for "l"
    /// ("I6sningar" → "lösningar"), "G" for "ö" ("Gver" → "över").
    fn fix(&self, token: &str) -> Option<String> {
        if let Some(f) = self.looked_up.borrow().get(token) {
            return f.clone();
        }
        let f = self.fix_uncached(token);
        self.looked_up
            .borrow_mut()
            .insert(token.to_string(), f.clone());
        f
    }

    fn fix_uncached(&self, token: &str) -> Option<String> {
        if let Some(f) = self.fix_from_words(token) {
            return Some(f);
        }
        let read = only_reading(token);
        self.inside_e_as_a(read.as_deref().unwrap_or(token))
            .or(read)
    }

    /// "arbetsétt": an "é" inside a word, before a consonant, where no
    /// reading is a word (a Swedish word has no such "é"), is read as
    /// "ä", the commonest of the letters it stands for; the note on the
    /// guess names the others ([`e_alternatives`]).
    fn inside_e_as_a(&self, token: &str) -> Option<String> {
        let chars: Vec<char> = token.chars().collect();
        let n = chars.len();
        if n < 4 || chars.iter().skip(1).any(|c| c.is_uppercase()) {
            return None;
        }
        if self.is_known(&token.to_lowercase())
            || self.speller.as_ref().is_some_and(|s| s.accepts(token))
        {
            return None;
        }
        let mut changed = false;
        let out: String = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let inside = i > 0
                    && chars
                        .get(i + 1)
                        .is_some_and(|&d| d.is_alphabetic() && !"aeiouyåäöé".contains(d));
                if c == 'é' && inside {
                    changed = true;
                    'ä'
                } else {
                    c
                }
            })
            .collect();
        changed.then_some(out)
    }

    fn fix_from_words(&self, token: &str) -> Option<String> {
        // The known words the dictionary accepts, then the readings it
        // accepts, then the known words it does not (names, coinages).
        if let Some(f) = self.fix_word(token, true) {
            return Some(f);
        }
        if self.speller.is_some()
            && let Some(f) = self.fix_with_speller(token)
        {
            return Some(f);
        }
        if self.speller.is_some()
            && let Some(f) = self.fix_word(token, false)
        {
            return Some(f);
        }
        let mut chars = token.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        let second_lower = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || is_wild(c));
        if !second_lower || rest.chars().count() < 2 || rest.chars().any(char::is_uppercase) {
            return None;
        }
        let alt = match first {
            'I' | '|' | '1' => 'l',
            'G' => 'ö',
            _ => return None,
        };
        if self.is_known(&token.to_lowercase()) {
            return None;
        }
        let candidate = format!("{alt}{rest}");
        if self.is_known(&candidate) {
            return Some(candidate);
        }
        self.fix_word(&candidate, true)
            .or_else(|| self.fix_word(&candidate, false))
    }

    /// `accepted`: only candidates the system dictionary accepts (all
    /// when there is none).
    fn fix_word(&self, token: &str, accepted: bool) -> Option<String> {
        let n = token.chars().count();
        if !(2..=40).contains(&n) {
            return None;
        }
        let mut chars = token.chars();
        let first = chars.next()?;
        // Acronyms and mixed case (HBTQI, ParaSol) are left alone.
        if chars.any(|c| c.is_uppercase()) {
            return None;
        }
        if !token.chars().any(|c| c.is_alphabetic()) {
            return None;
        }
        let lower = token.to_lowercase();
        if self.base.known.contains_key(&lower) {
            return None;
        }
        // A garbled word may still carry one right letter ("förutsattningar",
        // "Alvsjö"): the input's own spelling yields only to a much more
        // common one, and not at all when the dictionary rejects it (OCR
        // loses dots, it does not add them).
        let own = match &self.speller {
            Some(s) if !s.accepts(token) => 0,
            _ => self.input.known.get(&lower).copied().unwrap_or(0),
        };
        // "0ss": a zero for an o in a known word.
        if lower.contains('0') {
            let o = lower.replace('0', "o");
            if self.is_known(&o) {
                return Some(if first.is_uppercase() {
                    token.replace('0', "o")
                } else {
                    o
                });
            }
        }
        let sk = skeleton(&lower);
        let cands: Vec<&String> = [&self.base.by_skeleton, &self.input.by_skeleton]
            .iter()
            .filter_map(|m| m.get(&sk))
            .flatten()
            .collect();
        let ln: Vec<char> = lower.chars().collect();
        // Letter for letter first; else one extra OCR mark inside a
        // confused run ("ké&nna" for "känna"). A letter is extra only
        // beside a dotted letter read wrong: the "d" of "genomforda" is
        // part of the word.
        let same = |k: &&String| {
            let kc: Vec<char> = k.chars().collect();
            kc.len() == ln.len() && kc.iter().zip(&ln).all(|(&a, &b)| confusable(a, b))
        };
        let extra = |k: &&String| {
            let kc: Vec<char> = k.chars().collect();
            kc.len() + 1 == ln.len()
                && (0..ln.len()).any(|skip| {
                    // A letter only beside a dotted letter read wrong
                    // ("ndamnd": "da" for ä), never beside a plain one.
                    let dotted_beside = |k: usize, seen: usize| {
                        kc.get(k)
                            .is_some_and(|&c| "åäö".contains(c) && ln.get(seen) != Some(&c))
                    };
                    let beside = dotted_beside(skip, skip + 1)
                        || (skip > 0 && dotted_beside(skip - 1, skip - 1));
                    (is_mark(ln[skip]) || (is_wild(ln[skip]) && beside))
                        && ln
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| *i != skip)
                            .zip(&kc)
                            .all(|((_, &b), &a)| confusable(a, b))
                })
        };
        // The input's dotted words may be garbled too ("Alvsjö" beside
        // "Älvsjö"): the dictionary's words come first.
        let cands: Vec<&String> = match &self.speller {
            Some(s) => cands
                .into_iter()
                .filter(|k| s.accepts(&cased(k, first)) == accepted)
                .collect(),
            None => cands,
        };
        let weight = |k: &&String| (self.weight(k), std::cmp::Reverse((*k).clone()));
        let best = cands
            .iter()
            .copied()
            .filter(same)
            .max_by_key(weight)
            .or_else(|| cands.iter().copied().filter(extra).max_by_key(weight))?;
        if *best == lower || (own > 0 && self.weight(best) <= 2 * own) {
            return None;
        }
        Some(cased(best, first))
    }

    /// The spelling the system dictionary knows among the readings of the
    /// token's marks and undotted letters: the one the input or the word
    /// list uses most, else the one with fewest changes.
    fn fix_with_speller(&self, token: &str) -> Option<String> {
        let speller = self.speller.as_ref()?;
        let lower = token.to_lowercase();
        if self.base.known.contains_key(&lower) {
            return None;
        }
        // An OCR mark inside a word ("vélfärd", "6kad") is never the
        // spelling, though compounding may let the dictionary accept it.
        let n = lower.chars().count();
        let marked = lower.chars().enumerate().any(|(i, c)| {
            matches!(c, '&' | '@' | '6' | '0' | '¢' | 'ë' | 'è' | 'á' | 'ó' | 'ò')
                || (c == 'é' && i + 1 < n)
        });
        // A spelling the input uses is no proof: OCR may have lost one dot
        // of a word and kept the other ("Alvsjö").
        if !marked && speller.accepts(token) {
            return None;
        }
        let chars: Vec<char> = lower.chars().collect();
        let marks = chars.iter().filter(|c| !readings(**c).is_empty()).count();
        if marks == 0 || marks > 8 {
            return None;
        }
        let first = token.chars().next()?;
        // The readings the dictionary accepts, as weighed for the
        // neighbours (each asked once).
        let mut best: Option<(Rank, String)> = None;
        for word in self.words_it_may_be(token) {
            let changed = word.chars().zip(&chars).filter(|(a, b)| a != *b).count();
            if changed == 0 {
                continue;
            }
            let key = (
                self.weight(&word),
                self.family_support(&word, &chars),
                std::cmp::Reverse(changed),
            );
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                best = Some((key, word));
            }
        }
        best.map(|(_, w)| cased(&w, first))
    }

    /// How far a reading's spelling goes on in a word the input prints
    /// with its dots, past the letters the reading changed: a plan
    /// writes the words of one family ("genomför", "genomförda") so a
    /// reading of that family ("genomförd") comes before one that is a
    /// word but of no family the document has ("genomfärd"). The length
    /// of the longest prefix shared with another dotted word of the
    /// input, when it reaches two letters past the last change (or all
    /// but the last letter of the reading, and at least four letters);
    /// else 0.
    fn family_support(&self, reading: &str, read: &[char]) -> usize {
        let rc: Vec<char> = reading.chars().collect();
        let Some(last) = rc.iter().zip(read).rposition(|(a, b)| a != b) else {
            return 0;
        };
        let at = self.families.partition_point(|w| w.as_str() < reading);
        let shared = |w: &String| {
            if w == reading {
                return 0;
            }
            w.chars().zip(&rc).take_while(|(a, b)| a == *b).count()
        };
        let lo = at.saturating_sub(1);
        let hi = (at + 2).min(self.families.len());
        let lcp = self.families[lo..hi]
            .iter()
            .map(shared)
            .max()
            .unwrap_or(0)
            .min(rc.len() - 1);
        let needed = (last + 3).min(rc.len() - 1).max(4);
        if lcp >= needed { lcp } else { 0 }
    }

    fn readings_of(
        &self,
        chars: &[char],
        at: usize,
        cur: &mut Vec<char>,
        tried: &mut usize,
        found: &mut dyn FnMut(&[char]),
    ) {
        if *tried >= MAX_READINGS {
            return;
        }
        if at == chars.len() {
            *tried += 1;
            found(cur);
            return;
        }
        let options = readings(chars[at]);
        if options.is_empty() {
            self.readings_of(chars, at + 1, cur, tried, found);
            return;
        }
        for &o in options {
            cur[at] = o;
            self.readings_of(chars, at + 1, cur, tried, found);
        }
        cur[at] = chars[at];
    }

    /// The words `token` may be read as (itself included when it is one):
    /// the readings of its marks and undotted letters that the system
    /// dictionary, the built-in list or the input's dotted words know.
    fn words_it_may_be(&self, token: &str) -> Vec<String> {
        if let Some(c) = self.candidates.borrow().get(token) {
            return c.clone();
        }
        let mut out: Vec<String> = Vec::new();
        let lower = token.to_lowercase();
        let n = lower.chars().count();
        let first = token.chars().next().unwrap_or(' ');
        let mixed = token.chars().skip(1).any(char::is_uppercase);
        if (2..=40).contains(&n) && !mixed {
            let chars: Vec<char> = lower.chars().collect();
            let mut cur = chars.clone();
            let mut tried = 0;
            self.readings_of(&chars, 0, &mut cur, &mut tried, &mut |cand: &[char]| {
                if cand.iter().any(|&c| is_mark(c) && c != 'é') {
                    return;
                }
                let word: String = cand.iter().collect();
                let known = match &self.speller {
                    Some(s) => s.accepts(&cased(&word, first)),
                    None => self.is_known(&word),
                };
                if known && !out.contains(&word) {
                    out.push(word);
                }
            });
        }
        self.candidates
            .borrow_mut()
            .insert(token.to_string(), out.clone());
        out
    }

    /// The reading of a token that may be several words which its
    /// neighbours speak for (the token itself when they speak for it as
    /// read); `None` when they do not tell one reading from the others.
    fn fix_in_context(
        &self,
        token: &str,
        prev: Option<&str>,
        next: Option<&str>,
        at: (&[char], usize, usize),
    ) -> Option<String> {
        let cands = self.words_it_may_be(token);
        if cands.len() < 2 {
            return None;
        }
        let printed = Printed::around(at.0, at.1, at.2);
        let mut scored: Vec<(usize, &String)> = cands
            .iter()
            .map(|c| {
                let as_printed = format!("{}{c}{}", printed.before, printed.after);
                let phrase = self.context.phrase_support(
                    printed.prev.as_deref(),
                    &as_printed,
                    printed.next.as_deref(),
                );
                (self.context.support(prev, c, next) + phrase, c)
            })
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        let (best, word) = scored[0];
        if best == 0 || scored[1].0 == best {
            return None;
        }
        let first = token.chars().next()?;
        Some(if *word == token.to_lowercase() {
            token.to_string()
        } else {
            cased(word, first)
        })
    }

    /// Keeps a guess for a note: a repair chosen among several words
    /// without the neighbours' help ("fér" as för, though får is a word).
    fn note_if_unsure(&self, token: &str, fixed: Option<&str>, next: Option<&str>) {
        let Some(word) = fixed else { return };
        let others: Vec<String> = self
            .words_it_may_be(token)
            .into_iter()
            .filter(|w| *w != word.to_lowercase())
            .collect();
        let others = if others.is_empty() {
            e_alternatives(token, word)
        } else {
            others
        };
        if others.is_empty() {
            return;
        }
        let mut unsure = self.unsure.borrow_mut();
        if unsure.len() < MAX_UNSURE {
            unsure.push(Unsure {
                read: token.to_string(),
                chosen: word.to_string(),
                next: next.map(str::to_string),
                others,
            });
        }
    }

    /// A compound verb after "att" kept as read ("att stadsodla", see
    /// [`grammar::compound_verb_as_read`]), noted when it has dotted
    /// readings the dictionary accepts.
    fn kept_as_compound_verb(&self, token: &str, prev: Option<&str>, next: Option<&str>) -> bool {
        let Some(speller) = &self.speller else {
            return false;
        };
        if !prev.is_some_and(|p| p.eq_ignore_ascii_case("att")) {
            return false;
        }
        let others: Vec<String> = self
            .words_it_may_be(token)
            .into_iter()
            .filter(|w| w != token)
            .collect();
        if !grammar::compound_verb_as_read(speller, token, prev, &others) {
            return false;
        }
        let mut unsure = self.unsure.borrow_mut();
        if !others.is_empty() && unsure.len() < MAX_UNSURE {
            unsure.push(Unsure {
                read: token.to_string(),
                chosen: token.to_string(),
                next: next.map(str::to_string),
                others,
            });
        }
        true
    }

    /// The guesses made since the last call.
    pub fn take_unsure(&self) -> Vec<Unsure> {
        std::mem::take(&mut self.unsure.borrow_mut())
    }

    /// Repairs one line; returns the number of words changed. `above`:
    /// the last word of the line above, when the line goes on from it (a
    /// sentence wrapped between "att" and its verb).
    pub fn repair_line(&self, line: &str, above: Option<&str>) -> (String, usize) {
        let line = fix_line_start(line);
        let mut out = String::with_capacity(line.len());
        let mut fixes = 0;
        let mut token = String::new();
        let chars: Vec<char> = line.chars().collect();
        // The word before the token (as repaired) when only spaces part
        // them, and the word after it when a space follows.
        let mut prev: Option<String> = None;
        let mut flush = |token: &mut String, out: &mut String, fixes: &mut usize, end: usize| {
            if token.is_empty() {
                return;
            }
            let next = (chars.get(end) == Some(&' '))
                .then(|| {
                    let rest: String = chars[end + 1..]
                        .iter()
                        .take_while(|c| !c.is_whitespace())
                        .collect();
                    context::neighbour(&rest)
                })
                .flatten();
            let joined = out.ends_with(' ') && !out.trim_end().ends_with([',', '.', ';', ':']);
            let before = if joined { prev.as_deref() } else { None };
            // A token that is only digits or marks is not a word.
            let fixed = if token.chars().any(|c| c.is_alphabetic()) {
                let at = (&chars[..], end - token.chars().count(), end);
                let first = out.trim().is_empty();
                let before_verb = if first { above } else { before };
                if self.kept_as_compound_verb(token, before_verb, next.as_deref()) {
                    prev = context::neighbour(token);
                    out.push_str(token);
                    token.clear();
                    return;
                }
                match self.fix_in_context(token, before, next.as_deref(), at) {
                    Some(f) if f == *token => None,
                    Some(f) => Some(f),
                    None => {
                        let f = self.fix(token);
                        self.note_if_unsure(token, f.as_deref(), next.as_deref());
                        f
                    }
                }
            } else {
                None
            };
            let word = fixed.as_deref().unwrap_or(token);
            out.push_str(word);
            if fixed.is_some() {
                *fixes += 1;
            }
            prev = context::neighbour(word);
            token.clear();
        };
        for (i, &c) in chars.iter().enumerate() {
            let wordish = c.is_alphabetic()
                || ((c == '&' || c == '@' || c == '¢')
                    && (i > 0 && chars[i - 1].is_alphabetic()
                        || chars.get(i + 1).is_some_and(|n| n.is_alphabetic())))
                || ((c == '6' || c == '0')
                    && chars.get(i + 1).is_some_and(|n| n.is_lowercase())
                    && (i == 0
                        || token == "1"
                        || !chars[i - 1].is_ascii_digit() && chars[i - 1] != ','))
                // "16n": a one for an l before a confused letter ("lön").
                || (c == '1'
                    && (i == 0 || !chars[i - 1].is_alphanumeric())
                    && chars.get(i + 1) == Some(&'6')
                    && chars.get(i + 2).is_some_and(|n| n.is_lowercase()))
                // "milj6": a confused letter at the end of a word.
                || ((c == '6' || c == '0')
                    && i > 0
                    && chars[i - 1].is_lowercase()
                    && !chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()));
            if wordish {
                token.push(c);
            } else {
                flush(&mut token, &mut out, &mut fixes, i);
                out.push(c);
            }
        }
        flush(&mut token, &mut out, &mut fixes, chars.len());
        (out, fixes)
    }
}

/// A token with the OCR marks that can stand for one letter only and are
/// no letter of any language ("&" for ä, "6" and "¢" for ö) read as that
/// letter, when no known word fits it
/// ("arbets&tt" → "arbetsätt"): a mark inside a word is never its
/// spelling.
fn only_reading(token: &str) -> Option<String> {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || token.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let mut changed = false;
    let out: String = token
        .chars()
        .map(|c| match c {
            '&' => {
                changed = true;
                'ä'
            }
            '6' | '¢' => {
                changed = true;
                'ö'
            }
            c => c,
        })
        .collect();
    changed.then_some(out)
}

/// The other readings of an "é" read as "ä" where no reading is a word
/// ("arbetsétt" read as "arbetsätt" may also be "arbetsått", "arbetsött").
fn e_alternatives(token: &str, word: &str) -> Vec<String> {
    let (t, w): (Vec<char>, Vec<char>) = (token.chars().collect(), word.chars().collect());
    if t.len() != w.len() || !t.iter().zip(&w).any(|(&a, &b)| a == 'é' && b == 'ä') {
        return Vec::new();
    }
    ['å', 'ö']
        .iter()
        .map(|&other| {
            t.iter()
                .zip(&w)
                .map(|(&a, &b)| if a == 'é' && b == 'ä' { other } else { b })
                .collect()
        })
        .collect()
}

/// A token's surroundings as printed: the rest of its word (punctuation
/// and all) and its neighbouring words on the line, blurred (see
/// [`context::blurred`]).
struct Printed {
    before: String,
    after: String,
    prev: Option<String>,
    next: Option<String>,
}

impl Printed {
    /// Around the token at `chars[start..end]`.
    fn around(chars: &[char], start: usize, end: usize) -> Printed {
        let space = |c: &char| c.is_whitespace();
        let word_start = chars[..start].iter().rposition(space).map_or(0, |p| p + 1);
        let word_end = chars[end..]
            .iter()
            .position(space)
            .map_or(chars.len(), |p| end + p);
        let lower = |s: &[char]| s.iter().collect::<String>().to_lowercase();
        let prev_end = chars[..word_start].iter().rposition(|c| !space(c));
        let prev = prev_end.map(|e| {
            let s = chars[..e].iter().rposition(space).map_or(0, |p| p + 1);
            context::blurred(&chars[s..=e].iter().collect::<String>())
        });
        let next_start = chars[word_end..]
            .iter()
            .position(|c| !space(c))
            .map(|p| word_end + p);
        let next = next_start.map(|s| {
            let e = chars[s..]
                .iter()
                .position(space)
                .map_or(chars.len(), |p| s + p);
            context::blurred(&chars[s..e].iter().collect::<String>())
        });
        Printed {
            before: lower(&chars[word_start..start]),
            after: lower(&chars[end..word_end]),
            prev,
            next,
        }
    }
}

/// `word` with its first letter a capital when the token's was one (a
/// zero at the start is a capital Ö: OCR reads a small ö as "6").
fn cased(word: &str, first: char) -> String {
    let mut out = String::with_capacity(word.len());
    let capital = first.is_uppercase() || first == '0';
    for (i, c) in word.chars().enumerate() {
        if i == 0 && capital {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Line-start OCR slips: "| varje" for "I varje", "3.0msorgen" for
/// "3. Omsorgen", "c Andel" (a table's check-box icon) is left to tables.
fn fix_line_start(line: &str) -> std::borrow::Cow<'_, str> {
    let t = line.trim_start();
    let indent = &line[..line.len() - t.len()];
    if let Some(rest) = t.strip_prefix("| ") {
        return format!("{indent}I {}", rest.replace(". | ", ". I ")).into();
    }
    if t.contains(". | ") {
        return line.replace(". | ", ". I ").into();
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(".0")
            && r.chars().next().is_some_and(|c| c.is_lowercase())
        {
            return format!("{indent}{}. O{r}", &t[..digits]).into();
        }
    }
    line.into()
}

/// The texts a guess may be in, each with its item's kind and id, spaces
/// made single: built once per import, searched for every guess.
pub fn note_items(plan: &crate::plan::Plan) -> Vec<(&'static str, String, String)> {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut items = Vec::new();
    for g in &plan.unit_goals {
        for t in std::iter::once(&g.title).chain(&g.expected_results) {
            items.push(("enhetsmål", g.id.clone(), norm(t)));
        }
    }
    for g in &plan.committee_goals {
        for t in std::iter::once(&g.title).chain(&g.expected_results) {
            items.push(("nämndmål", g.id.clone(), norm(t)));
        }
    }
    for i in &plan.indicators {
        items.push(("indikator", i.id.clone(), norm(&i.name)));
    }
    for a in &plan.activities {
        items.push(("aktivitet", a.id.clone(), norm(&a.text)));
    }
    items
}

/// The note for a guess, naming the item whose text holds it (its id, so
/// the correction screen marks the item) when one of `items`
/// ([`note_items`]) does.
pub fn unsure_note(items: &[(&'static str, String, String)], u: &Unsure) -> String {
    let needle = match &u.next {
        Some(n) => format!("{} {n}", u.chosen),
        None => u.chosen.clone(),
    };
    let item: Option<(&str, &str)> = items
        .iter()
        .find(|(_, _, t)| t.contains(&needle))
        .map(|(kind, id, _)| (*kind, id.as_str()));
    let others = u.others.join(", ");
    let (read, chosen) = (&u.read, &u.chosen);
    let lang = crate::i18n::current();
    match item {
        Some((kind, id)) => {
            let en_kind = match kind {
                "enhetsmål" => "enhetsmål",
                "nämndmål" => "nämndmål",
                "indikator" => "indicator",
                _ => "activity",
            };
            lang.pick(
                format!("{kind} {id}: OCR-läst \"{read}\" tolkat som \"{chosen}\"; kan också vara: {others}"),
                format!("{en_kind} {id}: OCR'd \"{read}\" read as \"{chosen}\"; may also be: {others}"),
            )
        }
        None => lang.pick(
            format!("OCR-läst \"{read}\" tolkat som \"{chosen}\"; kan också vara: {others}"),
            format!("OCR'd \"{read}\" read as \"{chosen}\"; may also be: {others}"),
        ),
    }
}
