//! Importing a verksamhetsplan from plain text (PDF-to-text or OCR output)
//! into a plan: the public entry point and the order of the passes.

mod classify;
pub mod command;
mod context;
pub mod corpus;
mod fields;
mod front;
mod goals;
mod grammar;
mod meta;
mod parse;
mod repair;
mod rows;
mod tables;
mod text;
mod verdicts;
mod words;

use crate::plan::{Plan, SCHEMA_VERSION};

/// The result of an import: the plan, the text of the input that could not
/// be placed (1-based line number, text), the assumptions made where the
/// document says nothing (line number or 0, note), and how many repairs
/// were made.
#[derive(Debug, Clone)]
pub struct Imported {
    pub plan: Plan,
    pub unplaced: Vec<(usize, String)>,
    pub notes: Vec<(usize, String)>,
    pub repairs: usize,
}

/// At most this many OCR guesses name the item they are in (at most 200
/// notes are listed).
const MAX_NAMED_GUESSES: usize = 200;

/// Only this much of the input is read. A plan's text is 30–150 KiB; the
/// plan made of more than this would not fit a plan file (4 MiB) anyway.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;

/// Reads the text of a plan. Never panics; every pass is linear in the
/// input (dictionary look-ups are hashed, heading checks bounded in length),
/// and at most [`MAX_INPUT_BYTES`] are read.
pub fn import(bytes: &[u8], unit_id: Option<&str>) -> Imported {
    import_with(
        bytes,
        &Options {
            unit_id,
            ..Options::default()
        },
    )
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The unit's id instead of one made from its name.
    pub unit_id: Option<&'a str>,
    /// The unit's name, instead of what the text suggests.
    pub unit_name: Option<&'a str>,
    /// The plan's nämnd, instead of what the text suggests.
    pub committee: Option<&'a str>,
    /// Repair OCR'd text with the system's Swedish dictionary when one is
    /// installed (else with the built-in word list only, and a note).
    pub system_dictionary: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            unit_id: None,
            unit_name: None,
            committee: None,
            system_dictionary: true,
        }
    }
}

/// [`import`] with options.
pub fn import_with(bytes: &[u8], opts: &Options) -> Imported {
    let unit_id = opts.unit_id;
    let mut unplaced = Vec::new();
    let mut notes = Vec::new();
    let mut repairs = 0;
    let bytes = text::cap(bytes, MAX_INPUT_BYTES, &mut unplaced);
    let decoded = text::decode(bytes, &mut notes);
    let lines = text::split_lines(&decoded);
    let (lines, furniture) = text::remove_furniture(lines, &mut repairs);
    let lines = text::undo_double_spacing(lines);
    let lines = text::join_hyphenation(lines, &mut repairs);
    let dict = ocr_dictionary(&decoded, opts.system_dictionary, &mut notes);
    let mut unsure = Vec::new();
    let lines = repair_words(lines, dict.as_ref(), &mut repairs, &mut unsure);
    let furniture = repair_words(furniture, dict.as_ref(), &mut 0, &mut Vec::new());
    let lines = meta::merge_split_headings(lines);
    let walk = parse::walk(&lines);
    let mut unplaced_all = unplaced;
    let found = meta::Found {
        committee_in_headers: meta::committee_in_text(furniture.iter()),
        committee_in_text: meta::committee_in_text(lines.iter()),
        name_in_headers: meta::name_in_headers(&furniture),
    };
    let given = meta::Given {
        unit_id,
        unit_name: opts.unit_name,
        committee: opts.committee,
    };
    let unit = meta::unit(&walk, &lines, found, &given, &mut notes);
    let mut plan = Plan {
        schema: SCHEMA_VERSION,
        unit,
        sections: walk.plan_sections,
        kf_goals: walk.kf,
        area_goals: walk.area,
        committee_goals: walk.committee,
        unit_goals: walk.unit,
        indicators: walk.indicators,
        activities: walk.activities,
    };
    unplaced_all.extend(walk.unplaced);
    for g in &mut plan.unit_goals {
        g.expected_results.retain(|r| !r.trim().is_empty());
        if g.expected_results.is_empty() {
            g.expected_results
                .push("(förväntat resultat saknas i källan)".into());
            notes.push((
                0,
                crate::i18n::current().pick(
                    format!(
                        "enhetsmål {} har inget förväntat resultat; en platshållare skrevs",
                        g.id
                    ),
                    format!(
                        "enhetsmål {} has no förväntat resultat; a placeholder was written",
                        g.id
                    ),
                ),
            ));
        }
    }
    for i in &plan.indicators {
        if i.better == crate::plan::Better::Higher && tables::unsure_better(&i.name) {
            notes.push((
                0,
                crate::i18n::current().pick(
                    format!("indikator {} talar om en minskning; \"lägre är bättre\" är inte satt: skriv better = \"lower\" om ett lägre utfall når målet", i.id),
                    format!("indicator {} speaks of a reduction; \"lower is better\" left unset: set better = \"lower\" if a lower outcome meets the target", i.id),
                ),
            ));
        }
    }
    // Only the guesses that can be listed name their item (a plan has a
    // handful; naming thousands would search the plan thousands of times).
    let items = repair::note_items(&plan);
    for (k, (line, u)) in unsure.iter().enumerate() {
        let items = if k < MAX_NAMED_GUESSES {
            &items[..]
        } else {
            &[]
        };
        notes.push((*line, repair::unsure_note(items, u)));
    }
    unplaced_all.sort_by_key(|(n, _)| *n);
    notes.sort_by_key(|(n, _)| *n);
    Imported {
        plan,
        unplaced: unplaced_all,
        notes,
        repairs,
    }
}

/// OCR repairs only when the text looks OCR'd: Swedish letters are rare
/// or OCR marks ("6kad", "é" inside words) are common. Clean text gets no
/// repairs at all.
fn ocr_dictionary(
    decoded: &str,
    system: bool,
    notes: &mut Vec<(usize, String)>,
) -> Option<repair::Dictionary> {
    let mut words = 0usize;
    let mut swedish = 0usize;
    let mut marks = 0usize;
    for w in decoded.split_whitespace().take(200_000) {
        words += 1;
        if w.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) {
            swedish += 1;
        }
        if w.contains(['é', '&', '¢'])
            || (w.starts_with('6') && w[1..].starts_with(|c: char| c.is_lowercase()))
        {
            marks += 1;
        }
    }
    let ocr = words >= 20 && (swedish * 100 < words * 6 || marks * 200 > words);
    if !ocr {
        return None;
    }
    let speller = if system {
        match crate::spell::swedish() {
            Ok(s) => Some(s),
            Err(why) => {
                notes.push((
                    0,
                    crate::i18n::current().pick(
                        format!(
                            "texten ser OCR-läst ut; lagad bara med den inbyggda ordlistan: {why}"
                        ),
                        format!(
                            "the text looks OCR'd; repaired with the built-in word list only: {why}"
                        ),
                    ),
                ));
                None
            }
        }
    } else {
        notes.push((
            0,
            crate::i18n::current()
                .t(
                    "texten ser OCR-läst ut; lagad bara med den inbyggda ordlistan (ingen systemordlista efterfrågad)",
                    "the text looks OCR'd; repaired with the built-in word list only (no system dictionary asked for)",
                )
                .into(),
        ));
        None
    };
    Some(repair::Dictionary::new(decoded, speller))
}

fn repair_words(
    lines: Vec<text::Line>,
    dict: Option<&repair::Dictionary>,
    repairs: &mut usize,
    unsure: &mut Vec<(usize, repair::Unsure)>,
) -> Vec<text::Line> {
    let Some(dict) = dict else {
        return lines;
    };
    // The last word of the line above, when the sentence goes on.
    let mut above: Option<String> = None;
    lines
        .into_iter()
        .map(|mut l| {
            let (t, n) = dict.repair_line(&l.text, above.as_deref());
            above = t
                .split_whitespace()
                .last()
                .filter(|w| w.chars().all(char::is_alphabetic))
                .map(str::to_string);
            *repairs += n;
            unsure.extend(dict.take_unsure().into_iter().map(|u| (l.no, u)));
            l.text = t;
            l
        })
        .collect()
}

/// A slug of a unit name: "Hägerstens hemtjänst" → "hagerstens-hemtjanst".
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if m == '-' && (s.is_empty() || s.ends_with('-')) {
            continue;
        }
        s.push(m);
    }
    let s = s.trim_end_matches('-');
    let s: String = s.chars().take(80).collect();
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "okand-enhet".into()
    } else {
        s
    }
}
