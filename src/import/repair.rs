//! Repairing OCR letter confusions in Swedish words ("Hégerstens" →
//! "Hägerstens", "6kad" → "ökad", "Forvantat" → "Förväntat") with a
//! dictionary of known words, plus a few line-level OCR fixes.

use std::collections::HashMap;
use std::sync::OnceLock;

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
    produkter medarbetarskapet medarbetaren huvudmän
    utifrån gång gången året åren nås nå påverka påverkan görs gör göra gjort
    förutsättningar förutsättning arbetsmiljö arbetsmiljön arbetsmiljöarbetet två
    gällande gäller gälla måltid måltider måltiden präglas präglar årligen årlig
    årliga fortsätter fortsätta fortsatt lärande lärdom fånga mångfald mångfalden
    möjligt möjligheten område områden områdena består bestå första håller hålla
    hålls nära närhet närstående års förändring förändringar får få åtgärd
    åtgärder åtgärda sätt sättet otillåten månaden månader klagomål välbefinnande
    våld särskilt särskild rätt rätten rättigheter rättigheterna nöjd nöjda
    frågor fråga grön grönt gröna invånare invånarna invånarnas större största
    genomfört inför utsträckning gå går mänskliga biståndsbeslut innehållet
    innehåll önskemål önskar hjälp hjälpen uppsökande förebygger språk
    hälsofrämjande främja främjar utgår utgå förutom levnadsberättelse
    levnadsberättelser enkät enkäten svårigheter svårt lätt tillfälliga
    tillfällen besök besöker möter möta upprättad upprätta upprättas
    upprättandet köpa köp köpt stärka stärkas stärks hämtas häll källsortera
    källsorterar intranätet riskbedömning riskbedömningar säker säkra
    säkerhet informationssäkerhet plastanvändning färre svår svåra sårbara
    sårbarhet förskola förskolor tvätt medarbetarenkät medarbetarenkäten
    funktionsnedsättning sjukfrånvaro sjukfrånvaron kompetensförsörjning
    tillsvidareanställda anställda nyanställda kränkande särbehandling
    förhållningssätt förhållningssätten stående deltagarförteckning
    frisknärvaro uppmärksamma uppmärksammar inställning friskvårdsbidraget
    förmåga lösning lösningar båda bedömning bedömningar bedömer bedöms
    företag begär målgruppen målgrupp medborgarförslag män kvinnor
    förslag förslaget utförs utförda utfört hemtjänstens vårdbiträden
    undersköterskor undersköterska äldreomsorgens ohälsa väl välfärdsteknik
    synliggöra lyhörda primärvårdens biståndshandläggaren omställning
    omställningen klimatomställning förbrukningsartiklar istället
    leverantörer ersättas engångsartiklar flergångsartiklar civilsamhället
    hållbarhetsarbetet innebär innebära eftersträvas tjänstedesign
    klimatfrågorna nätverksträffar arbetsplatsträffarna kvällspatrull
    heltidsanställningar anhöriga anhörigperspektivet stödet sjukvården
    undernäring näringsriktig måltidsservice tillgång därutöver
    mötesplatser umgänge främjar likvärdiga utgångspunkt hälsosamt åldras
    färdiga därefter underleverantör ämnet utvecklingsområden
    självbestämmande värdighet bedömda stödja säkerställas kvalitetssäkring
    målsättning brukarundersökning brukarundersökningens överföring
    informationsöverföring övergripande förmedlar vidareförmedlar lön
    löner lönekriterier läsa lära lär kännedom kännetecknas öppna
    tydlig tydligt tydliga växer vägledning väg vägar förbättring
    förbättringar förbättringsarbete förändras ändring ändringar
    därför därmed således följande följt följande fördel förhindra
    förhindras förebyggs förstå förståelse förväntningar genomgång
    genomgångar händelse hänt kräver krävs kännas kännetecken
    lämplig lämpliga närvaro närvarande nödvändigt nödvändiga på
    rådgivning samråd särskilda sänka sänks tillämpa tillämpas
    underlätta uppnå uppnås uppnått utbildningsinsatser värdegrund
    värdegrunden åtagande åtaganden återkoppling återkommande
    ökning ökande översyn övrigt övriga";

/// Common words spelled right without å, ä, ö that a confusion could turn
/// into another word ("har" is not "här"); known so they are left alone.
const PLAIN: &str = "har hade var vara varit man kan kunna ska skall att det den de dem
    som med mot vid via vad sin sina sitt sig vi ni alla allt andra annat bland
    dag dagar tid stad hand land dess tas tar ta ha samt bra mer mera mest ny nya
    stor stora god goda olika inom genom under mellan efter utan blir bli blev
    sker ske enligt minst bara kommer andel antal arbete arbeta arbetar arbetet
    kunder kund ort ton tal mat maten data gamla hela helt sedan sant
    alltid aldrig annan enda ena redan dock fast klar klara plan planen planer
    sjukdom vecka veckor ansvar gruppen grupp grupper samarbete lag lagen ramen
    start tertial bedrivs hantera";

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

/// The built-in words, with or without the bundled plans' words: built
/// once per process.
fn base(bundled: bool) -> &'static Words {
    static WITH: OnceLock<Words> = OnceLock::new();
    static WITHOUT: OnceLock<Words> = OnceLock::new();
    let cell = if bundled { &WITH } else { &WITHOUT };
    cell.get_or_init(|| {
        let mut known = HashMap::new();
        add_words(&mut known, COMMON, 5);
        add_words(&mut known, PLAIN, 5);
        if bundled {
            for (_, plan) in crate::plan::bundled::PLANS {
                // Ids ("hagerstens-hemtjanst") are slugs, not words.
                for line in plan.lines().filter(|l| !l.starts_with("id =")) {
                    add_words(&mut known, line, 1);
                }
            }
        }
        Words::index(known)
    })
}

pub struct Dictionary {
    base: &'static Words,
    input: Words,
}

impl Dictionary {
    /// Known words: the built-in list, the bundled plans, and the words of
    /// the input that carry Swedish letters (so they are spelled right).
    /// `bundled`: also learn the words of the bundled plans (they help, but
    /// repairs work from the built-in list and the input alone).
    pub fn new(input: &str, bundled: bool) -> Dictionary {
        let mut known: HashMap<String, usize> = HashMap::new();
        for w in input.split(|c: char| !c.is_alphabetic()) {
            if w.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) && w.chars().count() >= 2 {
                *known.entry(w.to_lowercase()).or_default() += 1;
            }
        }
        Dictionary {
            base: base(bundled),
            input: Words::index(known),
        }
    }

    fn weight(&self, w: &str) -> usize {
        self.base.known.get(w).copied().unwrap_or(0) + self.input.known.get(w).copied().unwrap_or(0)
    }

    fn is_known(&self, w: &str) -> bool {
        self.weight(w) > 0
    }

    /// The known word an OCR-garbled token stands for, if exactly clear;
    /// else the same with a first letter OCR misreads: "I" or "|" for "l"
    /// ("I6sningar" → "lösningar"), "G" for "ö" ("Gver" → "över").
    fn fix(&self, token: &str) -> Option<String> {
        if let Some(f) = self.fix_word(token) {
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
        self.fix_word(&candidate)
    }

    fn fix_word(&self, token: &str) -> Option<String> {
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
        if self.is_known(&lower) {
            return None;
        }
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
        // confused run ("ké&nna" for "känna").
        let same = |k: &&String| {
            let kc: Vec<char> = k.chars().collect();
            kc.len() == ln.len() && kc.iter().zip(&ln).all(|(&a, &b)| confusable(a, b))
        };
        let extra = |k: &&String| {
            let kc: Vec<char> = k.chars().collect();
            kc.len() + 1 == ln.len()
                && (0..ln.len()).any(|skip| {
                    is_wild(ln[skip])
                        && ln
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| *i != skip)
                            .zip(&kc)
                            .all(|((_, &b), &a)| confusable(a, b))
                })
        };
        let weight = |k: &&String| (self.weight(k), std::cmp::Reverse((*k).clone()));
        let best = cands
            .iter()
            .copied()
            .filter(same)
            .max_by_key(weight)
            .or_else(|| cands.iter().copied().filter(extra).max_by_key(weight))?;
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
            if token.chars().any(|c| c.is_alphabetic())
                && let Some(f) = self.fix(token)
            {
                out.push_str(&f);
                *fixes += 1;
                token.clear();
                return;
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
