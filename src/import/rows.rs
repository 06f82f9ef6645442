//! Rows of the indicator and activity tables as the walk meets them: a
//! row may come whole, flattened, wrapped, or one cell per line.

use super::classify::fold;
use super::goals::nonempty;
use super::parse::{Level, Walk};
use super::tables;
use crate::plan::{Activity, Indicator};

fn is_header_cell(t: &str) -> bool {
    if t.len() > 80 {
        return false;
    }
    let f = fold(t);
    f.starts_with("kfsarsmal")
        || f == "periodicitet"
        || f == "arsmal"
        || f == "slutdatum"
        || f == "startdatum"
}

pub(super) fn indicator_line(w: &mut Walk, no: usize, t: &str) {
    if is_header_cell(t) {
        return;
    }
    if let Some(row) = tables::indicator_row(
        &w.pending.iter().map(|(_, s)| s.clone()).collect::<Vec<_>>(),
        t,
    ) {
        w.pending.clear();
        let Some(parent) = w.parent_id() else {
            let why = crate::i18n::current()
                .t("indikator utanför alla mål", "indicator outside any goal");
            w.unplace(no, &format!("{why}: {t}"));
            return;
        };
        let clean = |v: &String| Some(v.trim().to_string()).filter(|s| !s.is_empty());
        let (annual, kf) = match (row.tabbed, row.values.len(), w.columns) {
            (_, 0, _) => (None, None),
            (true, _, Some(cols)) => {
                let at = |i: Option<usize>| i.and_then(|i| row.values.get(i)).and_then(clean);
                (at(cols.annual), at(cols.kf))
            }
            (true, _, None) | (false, 2.., _) => (
                row.values.first().and_then(clean),
                row.values.get(1).and_then(clean),
            ),
            (false, _, _) => {
                let v = clean(&row.values[0]);
                let text = v
                    .as_deref()
                    .is_some_and(|s| !s.starts_with(|c: char| c.is_ascii_digit()));
                if text || matches!(w.level, Level::Kf | Level::Area) {
                    (None, v)
                } else {
                    (v, None)
                }
            }
        };
        let better = tables::better(
            &row.name,
            &[
                annual.clone().unwrap_or_default(),
                kf.clone().unwrap_or_default(),
            ],
        );
        let id = format!("I{}", w.indicators.len() + 1);
        w.indicators.push(Indicator {
            id,
            parent,
            name: nonempty(&row.name),
            annual_target: annual,
            kf_target: kf,
            periodicity: row.periodicity,
            by_sex: tables::by_sex(&row.name),
            better,
            comment: None,
        });
        return;
    }
    let lower = t.chars().next().is_some_and(|c| c.is_lowercase());
    let stripped = tables::strip_icon(t);
    if w.pending.is_empty()
        && (lower || stripped.chars().next().is_some_and(|c| c.is_lowercase()))
        && let Some(i) = w.indicators.last_mut()
    {
        i.name.push(' ');
        i.name.push_str(stripped);
        i.by_sex = tables::by_sex(&i.name);
        return;
    }
    w.pending.push((no, t.to_string()));
}

pub(super) fn activity_line(w: &mut Walk, no: usize, t: &str) {
    if is_header_cell(t) {
        return;
    }
    let (dates, rest) = tables::take_dates(t);
    let starts_cont = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, '"' | '”' | '(' | '–' | '—'));
    if dates.is_empty()
        && w.pending.is_empty()
        && w.dates.is_empty()
        && let Some(a) = w.activities.last_mut()
        && (starts_cont || ends_unfinished(&a.text))
    {
        a.text.push(' ');
        a.text.push_str(&rest);
        return;
    }
    if !rest.is_empty() {
        w.pending.push((no, rest));
    }
    w.dates.extend(dates);
    if w.dates.len() >= 2 {
        let text = w
            .pending
            .iter()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let first = w.pending.first().map_or(no, |(n, _)| *n);
        let (start, end) = (w.dates[0], w.dates[1]);
        w.pending.clear();
        w.dates.clear();
        let Some(parent) = w.parent_id() else {
            let why =
                crate::i18n::current().t("aktivitet utanför alla mål", "activity outside any goal");
            w.unplace(first, &format!("{why}: {text}"));
            return;
        };
        if text.trim().is_empty() {
            w.unplace(
                no,
                crate::i18n::current().t(
                    "aktivitetens datum utan text",
                    "activity dates without a text",
                ),
            );
            return;
        }
        let (start, end) = if end < start {
            w.unplace(
                no,
                crate::i18n::current().t(
                    "aktiviteten slutar innan den börjar; datumen bytta",
                    "activity ends before it starts; dates swapped",
                ),
            );
            (end, start)
        } else {
            (start, end)
        };
        let id = format!("A{}", w.activities.len() + 1);
        w.activities.push(Activity {
            id,
            parent,
            text,
            start,
            end,
        });
    }
}

/// Words a Swedish sentence does not end on (prepositions, conjunctions,
/// articles, "ska", "lex"): an activity whose text ends on one goes on
/// below its dates even when the next line starts with a capital
/// ("… delta i" / "ESF-projektet …").
const UNFINISHED: [&str; 30] = [
    "i", "och", "att", "av", "med", "för", "till", "på", "om", "som", "en", "ett", "den", "det",
    "de", "ska", "samt", "eller", "inom", "kring", "mellan", "från", "under", "vid", "lex", "mot",
    "hos", "genom", "inför", "efter",
];

fn ends_unfinished(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .is_some_and(|w| UNFINISHED.contains(&w.to_lowercase().as_str()))
}
