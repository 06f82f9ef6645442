//! The system dictionary's verdicts on words, each asked once per
//! document: a plan repeats its words, and one OCR'd token's readings are
//! weighed by several repairs, while the dictionary's compound rules make
//! a word it does not know slow to reject.

use crate::spell::Speller;
use std::cell::RefCell;
use std::collections::HashMap;

/// At most this many verdicts are kept; past it a word is asked again
/// (a plan has a few thousand distinct words, so this only bounds memory
/// on input that is not a plan).
const MAX_KEPT: usize = 200_000;

pub struct Verdicts {
    speller: &'static Speller,
    kept: RefCell<HashMap<String, bool>>,
}

impl Verdicts {
    pub fn new(speller: &'static Speller) -> Verdicts {
        Verdicts {
            speller,
            kept: RefCell::new(HashMap::new()),
        }
    }

    /// Whether the dictionary accepts `word` as written.
    pub fn accepts(&self, word: &str) -> bool {
        if let Some(&v) = self.kept.borrow().get(word) {
            return v;
        }
        let v = self.speller.check(word);
        let mut kept = self.kept.borrow_mut();
        if kept.len() < MAX_KEPT {
            kept.insert(word.to_string(), v);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_is_the_dictionarys_and_is_kept() {
        let Ok(sv) = crate::spell::swedish() else {
            return;
        };
        let v = Verdicts::new(sv);
        assert!(v.accepts("förväntat"));
        assert!(!v.accepts("förvéntat"));
        assert_eq!(v.kept.borrow().len(), 2);
        assert!(v.accepts("förväntat"), "asked again from what was kept");
        assert_eq!(v.kept.borrow().len(), 2);
    }
}
