//! Due dates per period: the `[due]` table of `tertial.toml`
//! (`"2026-T1" = 2026-05-08`), and how many days are left.

use crate::diag::Diagnostic;
use crate::followup::Period;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// The due date of each period that `[due]` sets.
pub type DueDates = BTreeMap<Period, Date>;

/// The table's name in `tertial.toml`.
pub const DUE_TABLE: &str = "due";

#[derive(Deserialize)]
struct Marker {
    #[serde(default)]
    due: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
}

/// "file:line:col: message" of `span` in `src`.
fn at(file: &str, src: &str, span: std::ops::Range<usize>, msg: String) -> String {
    let d = Diagnostic::at(file, src, span, msg);
    format!("{}:{}:{}: {}", d.file, d.line, d.col, d.message)
}

/// Every due date the marker's text sets; the first problem (a key that
/// is no period, a value that is no date) as "file:line:col: message".
pub fn due_dates(text: &str, file: &str) -> Result<BTreeMap<Period, Date>, String> {
    let l = crate::i18n::current();
    let marker: Marker = toml::from_str(text).map_err(|e| {
        at(
            file,
            text,
            e.span().unwrap_or(0..0),
            crate::plan::toml_words::humanize(e.message()),
        )
    })?;
    let mut out = BTreeMap::new();
    let Some(table) = marker.due else {
        return Ok(out);
    };
    for (key, value) in table.get_ref() {
        let period: Period =
            key.get_ref()
                .parse()
                .map_err(|e: crate::followup::period::BadPeriod| {
                    at(file, text, key.span(), format!("[{DUE_TABLE}] {e}"))
                })?;
        let date = match value.get_ref() {
            toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d
                .date
                .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
            toml::Value::String(s) => s.parse::<Date>().ok(),
            _ => None,
        };
        let date = date.ok_or_else(|| {
            at(
                file,
                text,
                value.span(),
                l.pick(
                    format!("[{DUE_TABLE}] {period}: förväntade ett datum, t.ex. \"{period}\" = 2026-05-08"),
                    format!("[{DUE_TABLE}] {period}: expected a date, e.g. \"{period}\" = 2026-05-08"),
                ),
            )
        })?;
        out.insert(period, date);
    }
    Ok(out)
}

/// Whole days from `today` to `due`: 0 on the day, negative when late.
pub fn days_left(due: Date, today: crate::clock::Day) -> Option<i64> {
    let today = crate::clock::civil(today)?;
    let span = today.until((jiff::Unit::Day, due)).ok()?;
    Some(i64::from(span.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_are_read_by_period_and_bad_ones_named_at_their_place() {
        let text = "[klar]\n\n[due]\n\"2026-T1\" = 2026-05-08\n\"2026-T2\" = \"2026-09-25\"\n";
        let dates = due_dates(text, "tertial.toml").unwrap();
        assert_eq!(
            dates.get(&"2026-T1".parse().unwrap()),
            Some(&Date::new(2026, 5, 8).unwrap())
        );
        assert_eq!(dates.len(), 2);
        assert!(due_dates("", "tertial.toml").unwrap().is_empty());

        let err = due_dates("[due]\n\"2026-T4\" = 2026-05-08\n", "tertial.toml").unwrap_err();
        assert!(err.starts_with("tertial.toml:2:1: "), "{err}");
        let err = due_dates("[due]\n\"2026-T1\" = 8\n", "tertial.toml").unwrap_err();
        assert!(err.starts_with("tertial.toml:2:13: "), "{err}");
        let err =
            due_dates("[due]\n\"2026-T1\" = 2026-05-08T10:00:00\n", "tertial.toml").unwrap_err();
        assert!(err.starts_with("tertial.toml:2:13: "), "{err}");
        assert!(
            due_dates("[due\n", "tertial.toml")
                .unwrap_err()
                .starts_with("tertial.toml:1:")
        );
    }

    #[test]
    fn days_left_count_calendar_days() {
        let due = Date::new(2026, 5, 8).unwrap();
        assert_eq!(days_left(due, (2026, 5, 1)), Some(7));
        assert_eq!(days_left(due, (2026, 5, 8)), Some(0));
        assert_eq!(days_left(due, (2026, 5, 10)), Some(-2));
    }
}
