//! Recognising the document's structure in a line: goal headings, field
//! headings, table headers, section headings, numbered points and bullets,
//! with and without diacritics and with OCR letter confusions.

/// What a heading line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    KfGoal,
    AreaGoal,
    CommitteeGoal,
    UnitGoal,
    Field(Field),
    IndicatorTable,
    ActivityTable,
    /// A free-text section: (level, printed after the goal tree).
    Section(u8, bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Description,
    Expected,
    Ways,
    Resources,
    FollowUp,
    Development,
    Comment,
}

/// Lower-case ASCII letters and digits only, Swedish and OCR-confused
/// letters folded to their base letter: "Förväntat" and "Forvéantat"
/// both become "forvantat"/"forveantat", compared with a small distance.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let m = match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'Å' | 'Ä' | 'Á' | '@' | '&' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'Ö' | 'Ó' => 'o',
            'é' | 'è' | 'ê' | 'É' => 'e',
            '|' => 'i',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => continue,
        };
        out.push(m);
    }
    out
}

/// Edit distance, only for short strings (callers bound the length).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether folded text `f` is the folded keyword `k`, allowing OCR slips.
pub fn close(f: &str, k: &str) -> bool {
    if f == k {
        return true;
    }
    if f.len() > k.len() + 3 || k.len() > f.len() + 3 || k.len() < 5 {
        return false;
    }
    // Cheap filter first: an OCR slip rarely hits both ends of a word.
    let (fb, kb) = (f.as_bytes(), k.as_bytes());
    if fb[..2] != kb[..2] && fb[fb.len() - 2..] != kb[kb.len() - 2..] {
        return false;
    }
    let allowed = if k.len() >= 12 { 2 } else { 1 };
    distance(f, k) <= allowed
}

const GOALS: [(&str, Heading); 4] = [
    ("kfsinriktningsmal", Heading::KfGoal),
    ("kfsmalforverksamhetsomradet", Heading::AreaGoal),
    ("namndmal", Heading::CommitteeGoal),
    ("enhetsmal", Heading::UnitGoal),
];

const FIELDS: [(&str, Field); 8] = [
    ("beskrivning", Field::Description),
    ("forvantatresultat", Field::Expected),
    ("forvantaderesultat", Field::Expected),
    ("arbetssatt", Field::Ways),
    ("resursanvandning", Field::Resources),
    ("uppfoljning", Field::FollowUp),
    ("utveckling", Field::Development),
    ("kommentar", Field::Comment),
];

/// (folded title, level, after the goals). A title may be followed by a year.
const SECTIONS: [(&str, u8, bool); 12] = [
    ("inledning", 1, false),
    ("enhetensuppdrag", 2, false),
    ("utvecklingsomraden", 2, false),
    ("organisationsbeskrivning", 2, false),
    ("medarbetarnasdelaktighet", 2, false),
    ("redovisningavekonomi", 1, true),
    ("budget", 2, true),
    ("ovrigt", 2, true),
    ("systematisktkvalitetsarbete", 1, true),
    ("personalensmedverkanikvalitetsarbete", 2, true),
    ("stadenskvalitetsprogram", 2, true),
    ("agenda2030", 2, true),
];

/// A goal heading: the kind and the text after its colon.
pub fn goal_heading(line: &str) -> Option<(Heading, &str)> {
    let t = line.trim();
    for (pos, _) in t.match_indices(':').take(3) {
        if pos > 60 {
            break;
        }
        let f = fold(&t[..pos]);
        for (k, h) in GOALS {
            if close(&f, k) {
                return Some((h, t[pos + 1..].trim()));
            }
        }
    }
    // "Nämndmål" alone on its line, the title on the next.
    if t.len() > 120 {
        return None;
    }
    let f = fold(t);
    GOALS
        .iter()
        .find(|(k, _)| f.len() < 40 && close(&f, k))
        .map(|(_, h)| (*h, ""))
}

/// A line that is a whole heading (no title text after it).
pub fn heading_kind(line: &str) -> Option<Heading> {
    let t = line.trim().trim_end_matches(':');
    if t.len() > 600 {
        return None;
    }
    // A table's header row may be long (more columns in other exports).
    if t.starts_with(['I', 'A', 'i', 'a']) && t.chars().count() <= 200 {
        let f = fold(t);
        if f.starts_with("indikator") && (f.contains("periodicitet") || f.contains("rsmal")) {
            return Some(Heading::IndicatorTable);
        }
        if f.starts_with("aktivitet") && f.contains("startdatum") {
            return Some(Heading::ActivityTable);
        }
    }
    if t.chars().count() > 80 {
        return None;
    }
    if let Some((h, _)) = goal_heading(t) {
        return Some(h);
    }
    let f = fold(t);
    // A heading starts with a capital and is not a sentence: "systematiska
    // kvalitetsarbetet." is the end of a wrapped paragraph.
    if f.len() > 45 || t.starts_with(char::is_lowercase) || t.ends_with('.') {
        return None;
    }
    for (k, field) in FIELDS {
        if close(&f, k) {
            return Some(Heading::Field(field));
        }
    }
    for (k, level, after) in SECTIONS {
        let rest = f.strip_prefix(k).unwrap_or("x");
        if close(&f, k) || (rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit())) {
            return Some(Heading::Section(level, after));
        }
    }
    None
}

/// The first words of a heading whose keyword is split over two lines
/// ("Förväntat" / "resultat", "KF:s mål för" / "verksamhetsområdet: …").
pub fn is_heading_start(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let f = fold(line);
    if f.len() < 3 || f.len() > 30 {
        return false;
    }
    GOALS.iter().any(|(k, _)| k.starts_with(&f))
        || FIELDS.iter().any(|(k, _)| k.starts_with(&f))
        || SECTIONS
            .iter()
            .any(|(k, _, _)| k.len() > f.len() && k.starts_with(&f))
        || f == "indikator"
        || f == "aktivitet"
        || f == "indikatorarsmal"
        || f == "aktivitetstartdatum"
}

/// A numbered point "1. text", "1.text", "2) text" or "2 Text": (number, text).
pub fn numbered(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    let rest = &t[digits..];
    if let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
        let r2 = r.trim_start();
        // "2.5 %" or "3.4 Medarbetare" are numbers, not points.
        if r2.is_empty() || r.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some((n, r2));
    }
    let r = rest.strip_prefix(' ')?.trim_start();
    r.chars()
        .next()
        .filter(|c| c.is_uppercase())
        .map(|_| (n, r))
}

/// A bullet "- text", "-text", "• text": the text.
pub fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for b in ['-', '•', '–', '·', '*'] {
        if let Some(r) = t.strip_prefix(b) {
            let r = r.trim_start();
            if r.chars().next().is_some_and(|c| c.is_alphabetic()) {
                return Some(r);
            }
        }
    }
    None
}

/// A periodicity word: "År", "Tertial", "Månad" (folded, OCR-tolerant).
pub fn periodicity(word: &str) -> Option<crate::plan::Periodicity> {
    use crate::plan::Periodicity;
    match fold(word).as_str() {
        "ar" | "arsvis" => Some(Periodicity::Year),
        "tertial" | "tertialvis" => Some(Periodicity::Tertial),
        "manad" | "manadsvis" | "manader" => Some(Periodicity::Month),
        _ => None,
    }
}
