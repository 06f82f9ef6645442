//! The unit itself: name, year, committee and dnr, from the front page
//! when there is one and else from the body; plus re-joining headings that
//! the export split over two lines.

use super::classify::{goal_heading, heading_kind, is_heading_start};
use super::parse::Walk;
use super::text::Line;
use crate::plan::Unit;
use std::collections::HashMap;

/// "Förväntat" / "resultat", "KF:s mål för" / "verksamhetsområdet: 1.4 …",
/// "Indikator" / "Årsmål" …: one line again.
pub fn merge_split_headings(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let t = l.text.trim();
        if is_heading_start(t) && heading_kind(t).is_none() && goal_heading(t).is_none() {
            // The next non-blank line, at most one blank between.
            let mut j = i + 1;
            if j < lines.len() && lines[j].is_blank() {
                j += 1;
            }
            if j < lines.len() {
                let joined = format!("{} {}", t, lines[j].text.trim());
                if heading_kind(&joined).is_some() || goal_heading(&joined).is_some() {
                    out.push(Line {
                        no: l.no,
                        text: joined,
                    });
                    i = j + 1;
                    continue;
                }
            }
        }
        out.push(l.clone());
        i += 1;
    }
    out
}

/// Words that end the name of a kind of unit.
const KINDS: [&str; 12] = [
    "hemtjänst",
    "förskola",
    "förskolor",
    "boende",
    "äldreboende",
    "servicehus",
    "beställarenhet",
    "verksamhet",
    "träffpunkt",
    "mottagning",
    "enhet",
    "socialpsykiatri",
];

const NOT_NAMES: [&str; 12] = [
    "Vi", "Den", "Det", "Enhetens", "Stadens", "Vår", "En", "Ett", "I", "Att", "Som", "Och",
];

/// The unit's name when no title page names it: the most frequent
/// "Capitalised-word kind" phrase ("Hägerstens hemtjänst").
fn guess_name(lines: &[Line]) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (n, l) in lines.iter().enumerate() {
        let words: Vec<&str> = l.text.split_whitespace().collect();
        for k in 0..words.len() {
            let kind = words[k].trim_end_matches(['.', ',', ':']);
            // "Beställarenhet 2": a kind and its number.
            if let Some(num) = words
                .get(k + 1)
                .map(|w| w.trim_end_matches(['.', ',', ':']))
                && kind.chars().next().is_some_and(char::is_uppercase)
                && KINDS.contains(&kind.to_lowercase().as_str())
                && (1..=2).contains(&num.len())
                && num.bytes().all(|b| b.is_ascii_digit())
            {
                let e = counts.entry(format!("{kind} {num}")).or_insert((0, n));
                e.0 += 1;
                continue;
            }
            if k == 0 || !KINDS.contains(&kind) {
                continue;
            }
            let prev = words[k - 1];
            if prev.chars().next().is_some_and(char::is_uppercase)
                && !NOT_NAMES.contains(&prev)
                && prev.chars().all(|c| c.is_alphabetic() || c == '-')
            {
                let e = counts.entry(format!("{prev} {kind}")).or_insert((0, n));
                e.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (c, _))| *c >= 2)
        .max_by_key(|(_, (c, first))| (*c, std::cmp::Reverse(*first)))
        .map(|(k, _)| k)
}

fn guess_year(walk: &Walk, lines: &[Line]) -> Option<i64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        let t = l.text.trim();
        let is_heading = heading_kind(t).is_some();
        let head: String = t.chars().take(24).collect();
        let f = super::classify::fold(&head);
        if is_heading || f.starts_with("indikator") {
            for w in t.split_whitespace() {
                if let Ok(y) = w.parse::<i64>()
                    && (2000..=2100).contains(&y)
                    && w.len() == 4
                    && !f.starts_with("agenda")
                {
                    *counts.entry(y).or_default() += 3;
                }
            }
        }
    }
    for a in &walk.activities {
        *counts.entry(i64::from(a.end.year)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(y, c)| (*c, *y))
        .map(|(y, _)| y)
}

/// Where the document names its committee without a "Till …" line: a page
/// header or the text says "<district> stadsdelsnämnd" or "<district>
/// stadsdelsförvaltning" (the committee of that administration). The
/// most frequent such name wins.
pub fn committee_in_text<'a>(lines: impl Iterator<Item = &'a Line>) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (n, l) in lines.enumerate() {
        let words: Vec<&str> = l.text.split_whitespace().collect();
        for k in 1..words.len() {
            // Cheap test first: "stadsdels…" words only.
            if words[k].len() < 14 || !words[k].starts_with(['s', 'S']) {
                continue;
            }
            let f = super::classify::fold(words[k]);
            let f = f.strip_suffix('s').unwrap_or(&f);
            if !matches!(f, "stadsdelsnamnd" | "stadsdelsforvaltning") {
                continue;
            }
            let prev = words[k - 1];
            let place_like = prev.chars().next().is_some_and(char::is_uppercase)
                && prev.chars().count() >= 3
                && prev.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_NAMES.contains(&prev)
                && !matches!(
                    prev,
                    "Stockholms" | "Stadens" | "Nämndens" | "Varje" | "Denna"
                );
            if place_like {
                let e = counts
                    .entry(format!("{prev} stadsdelsnämnd"))
                    .or_insert((0, n));
                e.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (c, first))| (*c, std::cmp::Reverse(*first)))
        .map(|(k, _)| k)
}

/// Written where the document does not name its committee; `check`
/// accepts it and it says what to do.
pub const NO_COMMITTEE: &str = "(nämnd saknas i källan)";

/// What the text says of its unit and nämnd outside the front page.
pub struct Found {
    /// A "<district> stadsdelsnämnd/-förvaltning" in page headers or footers.
    pub committee_in_headers: Option<String>,
    /// The same named in the body (possibly only as a partner).
    pub committee_in_text: Option<String>,
    /// The unit's name as a page header prints it.
    pub name_in_headers: Option<String>,
}

/// What the user said (`--unit-id`, `--unit-name`, `--committee`).
pub struct Given<'a> {
    pub unit_id: Option<&'a str>,
    pub unit_name: Option<&'a str>,
    pub committee: Option<&'a str>,
}

/// A page header's unit name: a removed header line (or its first tab
/// cell) printed on two or more pages that ends with a kind of unit
/// ("… hemtjänst", "Beställarenhet 2").
pub fn name_in_headers(furniture: &[Line]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in furniture {
        let cell = l.text.split('\t').next().unwrap_or("").trim();
        let words: Vec<&str> = cell.split_whitespace().collect();
        let kind = match words.as_slice() {
            [.., k, n] if n.bytes().all(|b| b.is_ascii_digit()) && n.len() <= 2 => k,
            [_, .., k] => k,
            _ => continue,
        };
        if (2..=5).contains(&words.len()) && KINDS.contains(&kind.to_lowercase().as_str()) {
            *counts.entry(cell).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .max_by_key(|(name, c)| (*c, std::cmp::Reverse(*name)))
        .map(|(n, _)| n.to_string())
}

pub fn unit(
    walk: &Walk,
    lines: &[Line],
    found: Found,
    given: &Given,
    unplaced: &mut Vec<(usize, String)>,
) -> Unit {
    let name = match (given.unit_name, &walk.meta.unit_name, found.name_in_headers) {
        (Some(n), _, _) => Some(n.trim().to_string()),
        (None, Some(n), _) => Some(n.clone()),
        (None, None, Some(n)) => {
            unplaced.push((
                0,
                crate::i18n::current().pick(
                    format!("enhetens namn {n:?} taget från sidhuvudena (ganska säkert; --unit-name anger det)"),
                    format!("unit name {n:?} taken from the page headers (fairly sure; --unit-name sets it)"),
                ),
            ));
            Some(n)
        }
        (None, None, None) => guess_name(lines).inspect(|n| {
            unplaced.push((
                0,
                crate::i18n::current().pick(
                    format!("enhetens namn {n:?} gissat ur texten (osäkert: inget försättsblad eller sidhuvud anger det; --unit-name anger det)"),
                    format!("unit name {n:?} guessed from the text (unsure: no front page or page header names it; --unit-name sets it)"),
                ),
            ));
        }),
    };
    let name = match name {
        Some(n) => n,
        None => {
            unplaced.push((
                0,
                crate::i18n::current()
                    .t(
                        "enhetens namn hittades inte; antog \"okänd enhet\" (--unit-name anger det)",
                        "unit name not found; assumed \"okänd enhet\" (--unit-name sets it)",
                    )
                    .into(),
            ));
            "okänd enhet".into()
        }
    };
    let year = walk.meta.year.or_else(|| guess_year(walk, lines));
    let year = match year {
        Some(y) if (2000..=2100).contains(&y) => y,
        _ => {
            unplaced.push((
                0,
                crate::i18n::current()
                    .t(
                        "året hittades inte; antog 2000",
                        "year not found; assumed 2000",
                    )
                    .into(),
            ));
            2000
        }
    };
    let committee = match (given.committee, &walk.meta.committee) {
        (Some(c), _) => c.trim().to_string(),
        (None, Some(c)) => c.clone(),
        (None, None) => match (found.committee_in_headers, found.committee_in_text) {
            (Some(c), _) => {
                unplaced.push((
                    0,
                    crate::i18n::current().pick(
                        format!("nämnden {c:?} tagen från sidhuvudena (ganska säkert: ingen \"Till …\"-rad; --committee anger den)"),
                        format!("committee {c:?} taken from the page headers (fairly sure: no \"Till …\" line; --committee sets it)"),
                    ),
                ));
                c
            }
            (None, Some(c)) => {
                unplaced.push((
                    0,
                    crate::i18n::current().pick(
                        format!("nämnden {c:?} nämns i texten, kanske bara som samarbetspart (osäkert: ingen \"Till …\"-rad; --committee anger den)"),
                        format!("committee {c:?} named in the text, perhaps only as a partner (unsure: no \"Till …\" line; --committee sets it)"),
                    ),
                ));
                c
            }
            (None, None) => {
                unplaced.push((
                    0,
                    crate::i18n::current().pick(
                        format!("texten anger inte sin nämnd; skrev {NO_COMMITTEE:?}: skriv namnet i unit.committee eller ange --committee"),
                        format!("the text does not name its committee (nämnd); wrote {NO_COMMITTEE:?}: put the name in unit.committee or pass --committee"),
                    ),
                ));
                NO_COMMITTEE.into()
            }
        },
    };
    let chief = walk.meta.chief.as_ref().map(|(name, from_author)| {
        if *from_author {
            unplaced.push((
                0,
                crate::i18n::current().pick(
                    format!("chefen tagen från \"Handläggare\": {name:?}; ändra unit.chief om det är någon annan"),
                    format!("chief taken from \"Handläggare\": {name:?}; change unit.chief if someone else is"),
                ),
            ));
        }
        name.clone()
    });
    let id = match given.unit_id {
        Some(id) if crate::plan::validate::is_slug(id) => id.to_string(),
        Some(id) => {
            unplaced.push((
                0,
                crate::i18n::current().pick(
                    format!(
                        "--unit-id {id:?} är inte skrivet rätt; använde {:?}",
                        super::slug(id)
                    ),
                    format!("--unit-id {id:?} is not a slug; used {:?}", super::slug(id)),
                ),
            ));
            super::slug(id)
        }
        None => super::slug(&name),
    };
    Unit {
        id,
        name,
        committee,
        year,
        dnr: walk.meta.dnr.clone().filter(|d| !d.is_empty()),
        chief,
    }
}
