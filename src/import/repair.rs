//! Repairing OCR letter confusions in Swedish words ("Hégerstens" →
//! "Hägerstens", "6kad" → "ökad", "Forvantat" → "Förväntat") with a
//! dictionary of known words, plus a few line-level OCR fixes.

use std::collections::HashMap;

/// Words every plan uses; the dictionary also learns the words of the
/// bundled plans and the correctly spelled words of the input itself.
const COMMON: &str = "och är år på för från där då så när även över också också måste ska
    ökad ökat öka ökar ökade äldre äldres äldreomsorg äldreomsorgen hälsa hälso stöd stödja
    mål målet målen nämnd nämnden nämndens nämndmål enhetsmål områdesmål avdelningsmål
    förväntat förväntade resultat arbetssätt arbetssättet uppföljning utveckling
    resursanvändning kommentar beskrivning inriktningsmål verksamhetsområdet årsmål
    periodicitet månad månadsvis stadsdelsnämnd stadsdelsnämnden stadsdelsnämndens
    förvaltningen medarbetare medarbetarna medarbetarnas chefer enhetschef möjlighet
    möjligheter delaktighet delaktig trygghet tryggt trygga självständighet självständigt
    vård vården omsorg omvårdnad förebyggande förebygga utföra utför utförs utförande
    genomförande genomförs genomför genomföra genomförandeplan genomförandeplanen
    säkerställa säkerställer kunskap kännedom känna känner kända känd högre hög höga
    miljö miljön miljövänliga miljösmart klimatpåverkan välfärdsbrott välfärd jämställt
    jämställdhet jämlik öppet öppen rättvis rättssäkra bemötande möten mötet möte
    arbetsplatsträff arbetsplatsträffar användning använder används användandet
    inköp inköpen inköpta köper köps bättre förbättra förbättras tillgänglighet
    beställer beställningar hemtjänst hemtjänsten hemtjänsttagare behöver behov
    något någon några sådana såsom både följs följer följa följsamhet uppföljningar
    tjänst tjänster utbildning utbildningar ansvar ledarskap ledarskapet närvarande
    rådighet rådande beredskap händelser hållbar hållbara hållbart områden området
    områdets enheternas enheterna enheten enhetens giftfri giftfria livsmiljö
    framkomlighet utsläpp minskade växa yrkesroll yrkesroller stärker stärka
    myndighetsutövning personcentrerade samordnade insatser insatserna kunden kunder
    omvårdnadsinsatser omsorgsinsatser regelverk stadsdelsförvaltningens avtal
    demokratiskt likvärdigt rättssäkra energieffektiv klimatsmarta ekologiska
    produkter medarbetarskapet medarbetaren huvudmän";

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

/// The word with every possibly-confused letter as one '*' per run.
fn skeleton(word: &str) -> String {
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

pub struct Dictionary {
    known: HashMap<String, usize>,
    by_skeleton: HashMap<String, Vec<String>>,
}

impl Dictionary {
    /// Known words: the built-in list, the bundled plans, and the words of
    /// the input that carry Swedish letters (so they are spelled right).
    pub fn new(input: &str) -> Dictionary {
        let mut known: HashMap<String, usize> = HashMap::new();
        let mut add = |text: &str, weight: usize| {
            for w in text.split(|c: char| !c.is_alphabetic()) {
                if w.chars().count() >= 2 {
                    *known.entry(w.to_lowercase()).or_default() += weight;
                }
            }
        };
        add(COMMON, 5);
        for (_, plan) in crate::plan::bundled::PLANS {
            add(plan, 1);
        }
        for w in input.split(|c: char| !c.is_alphabetic()) {
            if w.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) && w.chars().count() >= 2 {
                *known.entry(w.to_lowercase()).or_default() += 1;
            }
        }
        let mut by_skeleton: HashMap<String, Vec<String>> = HashMap::new();
        for w in known.keys() {
            if w.contains(['å', 'ä', 'ö', 'é']) {
                let v = by_skeleton.entry(skeleton(w)).or_default();
                if v.len() < 32 {
                    v.push(w.clone());
                }
            }
        }
        Dictionary { known, by_skeleton }
    }

    /// The known word an OCR-garbled token stands for, if exactly clear.
    fn fix(&self, token: &str) -> Option<String> {
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
        if self.known.contains_key(&lower) {
            return None;
        }
        let cands = self.by_skeleton.get(&skeleton(&lower))?;
        let ln: Vec<char> = lower.chars().collect();
        let best = cands
            .iter()
            .filter(|k| {
                let kc: Vec<char> = k.chars().collect();
                if kc.len() == ln.len() {
                    kc.iter().zip(&ln).all(|(&a, &b)| confusable(a, b))
                } else {
                    // One extra OCR mark inside a confused run ("ké&nna").
                    kc.len() + 1 == ln.len()
                }
            })
            .max_by_key(|k| {
                (
                    self.known.get(*k).copied().unwrap_or(0),
                    std::cmp::Reverse((*k).clone()),
                )
            })?;
        let mut out = String::with_capacity(best.len());
        let capital = first.is_uppercase();
        for (i, c) in best.chars().enumerate() {
            if i == 0 && capital {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        Some(out)
    }

    /// Repairs one line; returns the number of words changed.
    pub fn repair_line(&self, line: &str) -> (String, usize) {
        let line = fix_line_start(line);
        let mut out = String::with_capacity(line.len());
        let mut fixes = 0;
        let mut token = String::new();
        let flush = |token: &mut String, out: &mut String, fixes: &mut usize| {
            if token.is_empty() {
                return;
            }
            // A token that is only digits or marks is not a word.
            if token.chars().any(|c| c.is_alphabetic()) {
                if let Some(f) = self.fix(token) {
                    out.push_str(&f);
                    *fixes += 1;
                    token.clear();
                    return;
                }
            }
            out.push_str(token);
            token.clear();
        };
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let wordish = c.is_alphabetic()
                || ((c == '&' || c == '@' || c == '¢')
                    && (i > 0 && chars[i - 1].is_alphabetic()
                        || chars.get(i + 1).is_some_and(|n| n.is_alphabetic())))
                || ((c == '6' || c == '0')
                    && chars.get(i + 1).is_some_and(|n| n.is_lowercase())
                    && (i == 0 || !chars[i - 1].is_ascii_digit() && chars[i - 1] != ','));
            if wordish {
                token.push(c);
            } else {
                flush(&mut token, &mut out, &mut fixes);
                out.push(c);
            }
        }
        flush(&mut token, &mut out, &mut fixes);
        (out, fixes)
    }
}

/// Line-start OCR slips: "| varje" for "I varje", "3.0msorgen" for
/// "3. Omsorgen", "c Andel" (a table's check-box icon) is left to tables.
fn fix_line_start(line: &str) -> std::borrow::Cow<'_, str> {
    let t = line.trim_start();
    let indent = &line[..line.len() - t.len()];
    if let Some(rest) = t.strip_prefix("| ") {
        return format!("{indent}I {rest}").into();
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
