//! The report's unit-level sections: Sammanfattande analys, Uppföljning av
//! ekonomi, Systematiskt kvalitetsarbete and Redovisning av synpunkter och
//! klagomål, whose counts are accumulated over the year's periods.

use super::{Block, NOT_FILLED, clean, heading};
use crate::followup::{CATEGORIES, FollowUp, Period, PeriodKind};

pub(super) fn summary(f: &FollowUp, out: &mut Vec<Block>) {
    out.push(heading(2, "Sammanfattande analys", true));
    text_or_placeholder(&f.summary, out);
}

fn text_or_placeholder(text: &str, out: &mut Vec<Block>) {
    if text.trim().is_empty() {
        out.push(Block::Placeholder(NOT_FILLED.into()));
    } else {
        out.push(Block::Para(clean(text.trim())));
    }
}

/// An amount in tkr with a space between thousands: "959 500".
pub(crate) fn amount(v: f64) -> String {
    let s = crate::i18n::format_number(v);
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = match rest.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

pub(super) fn economy(f: &FollowUp, out: &mut Vec<Block>) {
    out.push(heading(2, "Uppföljning av ekonomi", true));
    let e = &f.economy;
    if e.is_empty() {
        out.push(Block::Placeholder(NOT_FILLED.into()));
        return;
    }
    let value = |v: Option<f64>| v.map(amount).unwrap_or_else(|| super::NO_DATA.into());
    let outcome = if f.period.is_forecast() {
        "Prognos helår (tkr)"
    } else {
        "Utfall (tkr)"
    };
    let difference = match (e.budget, e.outcome) {
        (Some(b), Some(o)) => amount(b - o),
        _ => String::new(),
    };
    out.push(Block::Table {
        columns: vec![
            "Budget (tkr)".into(),
            outcome.into(),
            "Avvikelse (tkr)".into(),
        ],
        rows: vec![vec![value(e.budget), value(e.outcome), difference]],
    });
    out.push(Block::Label(
        "Analys av resultaträkning - uppföljning av driftbudget".into(),
    ));
    text_or_placeholder(&e.analysis, out);
}

pub(super) fn quality(f: &FollowUp, out: &mut Vec<Block>) {
    out.push(heading(2, "Systematiskt kvalitetsarbete", true));
    let q = &f.quality;
    if q.is_empty() {
        out.push(Block::Placeholder(NOT_FILLED.into()));
        return;
    }
    if !q.text.trim().is_empty() {
        out.push(Block::Para(clean(q.text.trim())));
    }
    out.push(Block::Label("Lex Sarah/lex Maria".into()));
    text_or_placeholder(&q.lex_sarah, out);
    out.push(Block::Label("Avvikelser".into()));
    text_or_placeholder(&q.deviations, out);
    if !q.other.trim().is_empty() {
        out.push(Block::Para(clean(q.other.trim())));
    }
}

/// The periods of the year up to and including `p`.
fn periods_to(p: Period) -> Vec<Period> {
    Period::of_year(p.year)
        .into_iter()
        .filter(|x| x.kind <= p.kind)
        .collect()
}

/// One category's counts in the year's periods up to `f`'s, taken from `f`
/// and the matching follow-ups of `earlier`.
pub fn counts<'a, I>(f: &FollowUp, earlier: I, code: &str) -> Vec<Option<u32>>
where
    I: IntoIterator<Item = &'a FollowUp> + Clone,
{
    periods_to(f.period)
        .into_iter()
        .map(|p| {
            let source = if p == f.period {
                Some(f)
            } else {
                earlier
                    .clone()
                    .into_iter()
                    .find(|e| e.period == p && e.unit == f.unit)
            };
            source.and_then(|s| s.complaint(code)).and_then(|c| c.count)
        })
        .collect()
}

/// Totalt ack: the sum of the counts given, none when all are empty.
pub fn accumulated(counts: &[Option<u32>]) -> Option<u32> {
    counts
        .iter()
        .flatten()
        .copied()
        .reduce(|a, b| a.saturating_add(b))
}

pub(super) fn complaints(f: &FollowUp, earlier: &[FollowUp], out: &mut Vec<Block>) {
    out.push(heading(2, "Redovisning av synpunkter och klagomål", true));
    let year = f.period.year;
    let mut columns = vec![
        "Uppdelning".to_string(),
        "Klagomål/synpunkter/kategorier".to_string(),
    ];
    for p in periods_to(f.period) {
        let name = match p.kind {
            PeriodKind::T1 => "T1",
            PeriodKind::T2 => "T2",
            PeriodKind::Vb => "VB",
        };
        columns.push(format!("Utfall {name} {year}"));
    }
    columns.push(format!("Totalt ack {year}"));
    columns.push("Bedömning och planerade åtgärder".into());
    let mut rows = Vec::new();
    let mut group = "";
    for c in &CATEGORIES {
        let counts = counts(f, earlier, c.code);
        let mut row = vec![
            if c.group == group {
                String::new()
            } else {
                c.group.to_string()
            },
            c.name.to_string(),
        ];
        group = c.group;
        row.extend(
            counts
                .iter()
                .map(|n| n.map(|n| n.to_string()).unwrap_or_default()),
        );
        row.push(
            accumulated(&counts)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        );
        row.push(clean(
            f.complaint(c.code)
                .map(|r| r.assessment.trim())
                .unwrap_or(""),
        ));
        rows.push(row);
    }
    out.push(Block::Table { columns, rows });
}
