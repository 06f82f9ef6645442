//! The district's tables: the goals per rating under a nämndmål with a
//! small bar, the indicators several units share (each unit's outcome and
//! a total or median), and synpunkter och klagomål summed over the units.

use super::read::UnitInput;
use crate::followup::{Period, PeriodKind, Rating};
use crate::overview::{Counts, MISSING_SYMBOL};
use crate::plan::Indicator;
use crate::report::{Block, NO_DATA, clean, heading, yes_no};
use std::collections::BTreeMap;

/// The width of a full bar, in blocks.
const BAR: usize = 20;

/// The goals per rating, with each rating's share and a bar of it.
pub fn counts(c: &Counts, forecast: bool) -> Block {
    let lang = crate::i18n::current();
    let total = c.total();
    let word = |r: Rating| lang.pick(r.label_sv(forecast), r.label_en(forecast));
    let rows = [
        (Rating::Full.symbol(), word(Rating::Full), c.full),
        (Rating::Partial.symbol(), word(Rating::Partial), c.partial),
        (Rating::Not.symbol(), word(Rating::Not), c.not),
        (
            Rating::NotAssessed.symbol(),
            word(Rating::NotAssessed),
            c.not_assessed,
        ),
        (
            MISSING_SYMBOL,
            lang.t("Ej ifylld", "Not filled in"),
            c.missing,
        ),
    ];
    Block::Table {
        columns: vec![
            lang.t("Bedömning", "Rating").into(),
            lang.t("Enhetsmål", "Goals").into(),
            lang.t("Andel", "Share").into(),
            lang.t("Fördelning", "Distribution").into(),
        ],
        rows: rows
            .iter()
            .map(|(symbol, words, n)| {
                let share = if total == 0 {
                    0.0
                } else {
                    *n as f64 / total as f64
                };
                vec![
                    format!("{symbol} {words}"),
                    n.to_string(),
                    format!("{} %", crate::i18n::format_number((share * 100.0).round())),
                    bar(share),
                ]
            })
            .collect(),
    }
}

/// A share as a bar of full blocks, at least one for a share above zero.
fn bar(share: f64) -> String {
    let n = (share * BAR as f64).round() as usize;
    let n = if share > 0.0 { n.max(1) } else { 0 };
    "█".repeat(n.min(BAR))
}

/// How an indicator shared by units is summed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summary {
    /// A count ("Antal …"): the units' outcomes added up.
    Total,
    /// A share (a target in %) or another measure: the middle outcome.
    Median { share: bool },
}

fn summary_of(i: &Indicator) -> Summary {
    if i.is_percent() {
        Summary::Median { share: true }
    } else if crate::overview::normalise(&i.name).starts_with("antal") {
        Summary::Total
    } else {
        Summary::Median { share: false }
    }
}

/// Per indicator name used by more than one unit: a table of the units'
/// outcomes, årsmål, last year's outcome and whether the target is met,
/// and a total (counts) or median (shares and other measures) that says
/// which it is.
pub fn shared_indicators(period: Period, units: &[&UnitInput], out: &mut Vec<Block>) {
    let lang = crate::i18n::current();
    let mut by_name: BTreeMap<String, Vec<(&UnitInput, &Indicator)>> = BTreeMap::new();
    for u in units {
        let mut seen = std::collections::HashSet::new();
        for i in &u.plan.indicators {
            let key = crate::overview::normalise(&i.name);
            if seen.insert(key.clone()) {
                by_name.entry(key).or_default().push((u, i));
            }
        }
    }
    by_name.retain(|_, v| v.len() > 1);
    out.push(heading(
        2,
        lang.t(
            "Indikatorer som flera enheter har",
            "Indicators several units share",
        ),
        true,
    ));
    if by_name.is_empty() {
        out.push(Block::Para(
            lang.t(
                "Ingen indikator finns hos mer än en enhet.",
                "No indicator is shared by more than one unit.",
            )
            .into(),
        ));
        return;
    }
    let last_year = Period::new(period.year - 1, PeriodKind::Vb).year;
    for list in by_name.values_mut() {
        list.sort_by_key(|(u, _)| (u.plan.unit.name.to_lowercase(), u.plan.unit.id.clone()));
        let first = list[0].1;
        out.push(heading(3, &first.name, false));
        let mut values = Vec::new();
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|(u, i)| {
                let now = u
                    .followup
                    .as_ref()
                    .and_then(|f| f.indicator(&i.id))
                    .and_then(|r| r.total);
                values.extend(now);
                let before = u
                    .last_vb
                    .as_ref()
                    .and_then(|f| f.indicator(&i.id))
                    .and_then(|r| r.total);
                vec![
                    clean(u.plan.unit.name.trim()),
                    now.map_or_else(|| NO_DATA.to_string(), |v| i.format_value(v)),
                    clean(i.annual_target.as_deref().unwrap_or("").trim()),
                    before.map(|v| i.format_value(v)).unwrap_or_default(),
                    match now.and_then(|v| i.meets(v)) {
                        Some(met) => lang
                            .pick(yes_no(met), if met { "Yes" } else { "No" })
                            .into(),
                        None => "–".into(),
                    },
                ]
            })
            .collect();
        let mut rows = rows;
        let (label, value) = match summary_of(first) {
            Summary::Total => (
                lang.t("Summa (antal)", "Total (count)"),
                (!values.is_empty()).then(|| values.iter().sum::<f64>()),
            ),
            Summary::Median { share } => (
                match (share, lang) {
                    (true, _) => lang.t("Median (andel)", "Median (share)"),
                    (false, _) => lang.t("Median", "Median"),
                },
                median(&mut values),
            ),
        };
        rows.push(vec![
            label.to_string(),
            value.map_or_else(|| NO_DATA.to_string(), |v| first.format_value(v)),
            String::new(),
            String::new(),
            lang.pick(
                format!("{} av {} enheter har utfall", values.len(), list.len()),
                format!("{} of {} units have an outcome", values.len(), list.len()),
            ),
        ]);
        out.push(Block::Table {
            columns: vec![
                lang.t("Enhet", "Unit").into(),
                lang.t("Periodens utfall", "Outcome").into(),
                lang.t("Årsmål", "Annual target").into(),
                lang.pick(
                    format!("Utfall VB {last_year}"),
                    format!("Outcome VB {last_year}"),
                ),
                lang.t("Målet nått", "Target met").into(),
            ],
            rows,
        });
    }
}

/// The middle value (the mean of the two middle ones for an even count).
fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// Redovisning av synpunkter och klagomål: per category the period's
/// counts added up over the units, and how many units gave one.
pub fn complaints(period: Period, units: &[&UnitInput], out: &mut Vec<Block>) {
    let lang = crate::i18n::current();
    out.push(heading(
        2,
        lang.t(
            "Redovisning av synpunkter och klagomål",
            "Complaints and comments",
        ),
        true,
    ));
    let mut rows = Vec::new();
    let mut group = "";
    for c in &crate::followup::CATEGORIES {
        let counts: Vec<u32> = units
            .iter()
            .filter_map(|u| u.followup.as_ref())
            .filter_map(|f| f.complaint(c.code).and_then(|r| r.count))
            .collect();
        rows.push(vec![
            if c.group == group {
                String::new()
            } else {
                c.group.to_string()
            },
            c.name.to_string(),
            if counts.is_empty() {
                String::new()
            } else {
                counts
                    .iter()
                    .map(|&n| u64::from(n))
                    .sum::<u64>()
                    .to_string()
            },
            counts.len().to_string(),
        ]);
        group = c.group;
    }
    out.push(Block::Table {
        columns: vec![
            lang.t("Uppdelning", "Group").into(),
            lang.t("Klagomål/synpunkter/kategorier", "Category").into(),
            lang.pick(
                format!("Summa {}", period.kind.code_with_year(period.year)),
                format!("Total {}", period.kind.code_with_year(period.year)),
            ),
            lang.t("Enheter med uppgift", "Units reporting").into(),
        ],
        rows,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_median_is_the_middle_value() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn a_bar_shows_every_share_above_zero() {
        assert_eq!(bar(0.0), "");
        assert_eq!(bar(0.001).chars().count(), 1);
        assert_eq!(bar(0.5).chars().count(), BAR / 2);
        assert_eq!(bar(1.0).chars().count(), BAR);
    }
}
