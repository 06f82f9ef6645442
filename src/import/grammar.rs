//! Readings of an OCR'd word that its place in the sentence decides where
//! the dictionary cannot: a compound verb after "att" ("att stadsodla")
//! that Hunspell's compound rules reject as read.

use super::verdicts::Verdicts;

/// Whether `token`, read after `prev`, is a compound verb written as read:
/// the infinitive marker "att" before it, no OCR mark in it, rejected by
/// the dictionary as a whole, and made of a word the dictionary accepts
/// followed by an infinitive it accepts as read ("stads" + "odla").
///
/// Hunspell joins nouns, not verbs, so a compound verb the dictionary
/// does not list is rejected as read, while a dotted reading of it may be
/// accepted as a noun compound ("stadsödla"). OCR loses dots but does not
/// change a word into a verb form, so the word as read stands (with a
/// note naming the other readings) unless one of its `readings` is an
/// infinitive itself ("att sakerställa" is "säkerställa", though "saker"
/// and "ställa" are words as read).
pub fn compound_verb_as_read(
    speller: &Verdicts,
    token: &str,
    prev: Option<&str>,
    readings: &[String],
) -> bool {
    if !prev.is_some_and(|p| p.eq_ignore_ascii_case("att")) {
        return false;
    }
    if !token.chars().all(|c| c.is_lowercase() && c.is_alphabetic()) || token.contains('é') {
        return false;
    }
    if speller.accepts(token) {
        return false;
    }
    let chars: Vec<char> = token.chars().collect();
    let n = chars.len();
    if !(6..=40).contains(&n) {
        return false;
    }
    let compound = (3..=n - 3).any(|split| {
        let head: String = chars[..split].iter().collect();
        let tail: String = chars[split..].iter().collect();
        speller.accepts(&head) && is_infinitive(speller, &tail)
    });
    compound && !readings.iter().any(|r| is_infinitive(speller, r))
}

/// A verb's infinitive as the dictionary knows it: ends in "a", and its
/// present tense ("odlar", "läser") is a word too.
fn is_infinitive(speller: &Verdicts, word: &str) -> bool {
    let Some(stem) = word.strip_suffix('a') else {
        return false;
    };
    stem.chars().count() >= 2
        && speller.accepts(word)
        && (speller.accepts(&format!("{word}r")) || speller.accepts(&format!("{stem}er")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speller() -> Option<Verdicts> {
        crate::spell::swedish().ok().map(Verdicts::new)
    }

    #[test]
    fn a_compound_verb_after_att_is_kept_as_read() {
        let Some(v) = speller() else { return };
        let readings = ["stadsödla".to_string()];
        assert!(compound_verb_as_read(
            &v,
            "stadsodla",
            Some("att"),
            &readings
        ));
        assert!(compound_verb_as_read(
            &v,
            "stadsodla",
            Some("Att"),
            &readings
        ));
    }

    #[test]
    fn not_when_a_reading_is_a_verb_itself() {
        let Some(v) = speller() else { return };
        let readings = ["säkerställa".to_string()];
        assert!(!compound_verb_as_read(
            &v,
            "sakerställa",
            Some("att"),
            &readings
        ));
        assert!(!compound_verb_as_read(
            &v,
            "säkerstalla",
            Some("att"),
            &readings
        ));
    }

    #[test]
    fn elsewhere_or_with_a_mark_or_as_a_noun_it_is_not() {
        let Some(v) = speller() else { return };
        let r = ["stadsödla".to_string()];
        assert!(!compound_verb_as_read(&v, "stadsodla", Some("och"), &r));
        assert!(!compound_verb_as_read(&v, "stadsodla", None, &r));
        assert!(!compound_verb_as_read(&v, "stads6dla", Some("att"), &r));
        // A noun compound's dotted letter lost: "mått" is no verb.
        let r = ["kvalitetsmått".to_string()];
        assert!(!compound_verb_as_read(&v, "kvalitetsmatt", Some("att"), &r));
        // A word the dictionary accepts as read takes the usual path.
        assert!(!compound_verb_as_read(&v, "odla", Some("att"), &[]));
    }

    #[test]
    fn a_noun_ending_in_a_is_no_infinitive() {
        let Some(v) = speller() else { return };
        assert!(is_infinitive(&v, "odla"));
        assert!(!is_infinitive(&v, "ödla"));
    }
}
