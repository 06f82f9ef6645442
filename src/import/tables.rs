//! Indicator and activity tables: tab-separated rows, rows flattened into
//! one line by OCR (values and dates at the end, the name wrapped onto the
//! following lines), and rows with each cell on a line of its own.

use super::classify::{fold, periodicity};
use crate::plan::{Better, Date, Periodicity};

/// An indicator row as read, before it gets an id and a parent.
#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    pub values: Vec<String>,
    pub periodicity: Periodicity,
    pub tabbed: bool,
}

/// Where Årsmål and KF:s årsmål are among a row's values (the cells
/// between the name and the periodicity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub annual: Option<usize>,
    pub kf: Option<usize>,
}

/// The columns of a tab-separated indicator header ("Indikator\tUtfall
/// 2025\tÅrsmål\tKF:s årsmål år 2026\tPeriodicitet"); `None` when the
/// header is not tabbed or is the usual name, Årsmål, KF:s årsmål, period.
pub fn header_columns(header: &str) -> Option<Columns> {
    let cells: Vec<String> = header.split('\t').map(fold).collect();
    if cells.len() < 3 {
        return None;
    }
    let find = |pred: &dyn Fn(&str) -> bool| cells.iter().skip(1).position(|c| pred(c));
    let cols = Columns {
        annual: find(&|c: &str| c.starts_with("arsmal")),
        kf: find(&|c: &str| c.starts_with("kfsarsmal") || c.starts_with("kfsmal")),
    };
    let usual = Columns {
        annual: Some(0),
        kf: Some(1),
    };
    (cols != usual).then_some(cols)
}

/// Junk OCR makes of a table's check-box icons: "c", "¢", "v", "¥J", "€".
pub fn strip_icon(s: &str) -> &str {
    let t = s.trim_start();
    if let Some(p) = t.find(' ') {
        let first = &t[..p];
        let n = first.chars().count();
        let is_word = matches!(first, "I" | "i" | "å" | "ö" | "Å" | "Ö" | "En" | "Ett");
        let junk = !is_word
            && n <= 2
            && !first.chars().all(|c| c.is_ascii_digit())
            && (n == 1 || !first.chars().next().is_some_and(char::is_alphanumeric))
            && !first.starts_with(['-', '"', '(']);
        if junk {
            return t[p + 1..].trim_start();
        }
    }
    t
}

/// A row's periodicity is its last word (or last cell).
pub fn row_end(line: &str) -> Option<(Periodicity, &str)> {
    let t = line.trim_end();
    if t.contains('\t') {
        let (head, last) = t.rsplit_once('\t')?;
        return periodicity(last.trim()).map(|p| (p, head));
    }
    let (head, last) = match t.rsplit_once(' ') {
        Some((h, l)) => (h, l),
        None => ("", t),
    };
    periodicity(last).map(|p| (p, head))
}

const TEXT_TARGETS: [&str; 3] = [
    "tasframavnamndstyrelse",
    "tasframavnamnd",
    "tasframavstyrelse",
];

/// Takes values off the end of a flattened row: "… som 87 % 87 %" gives
/// the name and ["87 %", "87 %"]; "… en 10 st Max 10 personer" gives
/// ["10 st", "Max 10 personer"].
pub fn split_values(text: &str) -> (String, Vec<String>) {
    split_values_named(text, true)
}

/// [`split_values`]; `named`: a name must stay before the values (a
/// line of values alone is not taken apart).
fn split_values_named(text: &str, named: bool) -> (String, Vec<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(len) = repeated_value(&words) {
        let end = words.len() - 2 * len;
        let value = words[end + len..].join(" ");
        return (words[..end].join(" "), vec![value.clone(), value]);
    }
    let mut end = words.len();
    let mut values: Vec<String> = Vec::new();
    while values.len() < 2 && end > 0 {
        // A known text target: "Tas fram av nämnd", "Max 10 personer".
        let mut took = false;
        for len in (2..=5).rev() {
            if end < len + 1 {
                continue;
            }
            if !words[end - len].starts_with(char::is_alphanumeric) {
                continue;
            }
            let cand = words[end - len..end].join(" ");
            let f = fold(&cand);
            let is_max =
                f.starts_with("max") && words[end - len + 1].chars().all(|c| c.is_ascii_digit());
            if TEXT_TARGETS.contains(&f.as_str()) || (is_max && (len == 2 || len == 3)) {
                values.insert(0, cand);
                end -= len;
                took = true;
                break;
            }
        }
        if took {
            continue;
        }
        // A number with an optional unit: "87 %", "10 st", "525 ton", "3,2".
        let unit = words[end - 1];
        let unit_ok = matches!(
            unit,
            "%" | "st" | "ton" | "kr" | "mnkr" | "procent" | "dagar" | "timmar"
        );
        let (num_at, with_unit) = if unit_ok && end >= 2 {
            (end - 2, true)
        } else {
            (end - 1, false)
        };
        let num = words[num_at];
        let is_num = !num.is_empty()
            && num.chars().next().is_some_and(|c| c.is_ascii_digit())
            && num
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%');
        if !is_num || (named && num_at == 0) {
            break;
        }
        let v = if with_unit {
            format!("{num} {unit}")
        } else {
            num.to_string()
        };
        values.insert(0, v);
        end = num_at;
    }
    (words[..end].join(" "), values)
}

/// A number: "87", "3,2", "1.5", "70%".
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%'))
}

/// The length in words of a value that ends a flattened row twice over
/// (Årsmål and KF:s årsmål alike, whatever their unit: "1,5 kg CO2 per
/// kg livsmedel 1,5 kg CO2 per kg livsmedel"), after a name of at least
/// one word.
fn repeated_value(words: &[&str]) -> Option<usize> {
    (1..=8).rev().find(|&len| {
        let n = words.len();
        n > 2 * len
            && is_number(words[n - 2 * len])
            && words[n - 2 * len..n - len] == words[n - len..]
    })
}

/// Whether a line holds only an indicator row's values and periodicity
/// ("100 % År"), its name on the lines before.
pub fn values_only(line: &str) -> bool {
    row_end(line).is_some_and(|(_, head)| {
        let (name, values) = split_values_named(strip_icon(head), false);
        name.trim().is_empty() && !values.is_empty()
    })
}

/// Parses one complete indicator row (the line with the periodicity, plus
/// any cells or name parts gathered before it).
pub fn indicator_row(pending: &[String], line: &str) -> Option<Row> {
    let (per, head) = row_end(line)?;
    if line.contains('\t') {
        let mut cells: Vec<String> = pending.to_vec();
        cells.extend(head.split('\t').map(|c| c.trim().to_string()));
        let name = cells.first()?.clone();
        let values = cells[1..].to_vec();
        return Some(Row {
            name: strip_icon(&name).to_string(),
            values,
            periodicity: per,
            tabbed: true,
        });
    }
    // A flattened row wrapped before its periodicity ("… repressalier 95 %"
    // / "År"): its last line ends with values, and the lines between its
    // first and last are no cells of their own.
    let wrapped = pending.last().is_some_and(|last| {
        let (name, values) = split_values(strip_icon(last));
        !name.trim().is_empty()
            && !values.is_empty()
            && (pending.len() == 1 || !pending[1..].iter().all(|p| is_value_cell(p)))
    });
    if head.trim().is_empty() && !pending.is_empty() && !wrapped {
        // Cells on lines of their own: name, [årsmål], [KF:s årsmål], period.
        let name = pending[0].clone();
        let values: Vec<String> = pending[1..].iter().take(2).cloned().collect();
        return Some(Row {
            name: strip_icon(&name).to_string(),
            values,
            periodicity: per,
            tabbed: values_len_two(&pending[1..]),
        });
    }
    let mut text = pending.join(" ");
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(head);
    let (name, values) = split_values(strip_icon(&text));
    if name.trim().is_empty() {
        return None;
    }
    Some(Row {
        name,
        values,
        periodicity: per,
        tabbed: false,
    })
}

/// A line that is one value and nothing else ("88 %", "Tas fram av nämnd").
fn is_value_cell(line: &str) -> bool {
    let (name, values) = split_values_named(line.trim(), false);
    name.trim().is_empty() && values.len() == 1
}

fn values_len_two(v: &[String]) -> bool {
    v.len() >= 2
}

/// Which direction meets the target, only when sure: absence, emissions
/// and "Max …" are better lower. A reduction ("minskning med 10 %") is a
/// size that is better higher, so it is left unset (see [`unsure_better`]).
pub fn better(name: &str, values: &[String]) -> Better {
    let f = fold(name);
    let lower = [
        "sjukfranvaro",
        "klimatpaverkan",
        "forbrukningsartiklariplast",
        "antalpersonal",
    ];
    if lower.iter().any(|k| f.contains(k)) || values.iter().any(|v| fold(v).starts_with("max")) {
        Better::Lower
    } else {
        Better::Higher
    }
}

/// Whether the outcome is reported for women and men apart: the name says
/// so, or it is sick leave, which the city always reports by sex.
pub fn by_sex(name: &str) -> bool {
    let f = fold(name);
    f.starts_with("sjukfranvaro")
        || [
            "kvinnor",
            "flickor",
            "pojkar",
            "perkon",
            "pakon",
            "konsuppdel",
        ]
        .iter()
        .any(|k| f.contains(k))
}

/// Every ISO date (YYYY-MM-DD) in the line, and the line without them.
pub fn take_dates(line: &str) -> (Vec<Date>, String) {
    let mut dates = Vec::new();
    let mut rest = String::with_capacity(line.len());
    for part in line.split(['\t', ' ']) {
        if let Some(d) = parse_date(part.trim()) {
            dates.push(d);
        } else if !part.is_empty() {
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(part);
        }
    }
    (dates, rest)
}

pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: u16 = s[..4].parse().ok()?;
    let month: u8 = s[5..7].parse().ok()?;
    let day: u8 = s[8..].parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (day >= 1 && day <= days && (2000..=2100).contains(&year)).then_some(Date { year, month, day })
}

/// Whether an indicator's direction cannot be told from its name: it
/// speaks of a reduction, which may be a level (lower is better) or the
/// size of the reduction (higher is better).
pub fn unsure_better(name: &str) -> bool {
    let f = fold(name);
    f.contains("minsk") || f.contains("reducer")
}
