//! What waits for the person running the program ("Väntar på mig"): the
//! units they review that are klar, and their own units returned to
//! them; and how the due date of a period stands ("12 dagar kvar till
//! 8 maj", "3 dagar sen").

use crate::i18n::Lang;
use crate::overview::{FlowState, UnitRow};
use std::collections::BTreeSet;

/// Who runs the program, by the roster: the units they may review and the
/// units they are chief of. Empty without a roster or off it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Me {
    pub reviews: BTreeSet<String>,
    pub chiefs: BTreeSet<String>,
}

/// Why a unit waits for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waits {
    /// Klar, and the user reviews it.
    Review,
    /// Returned to the user, its chief.
    Returned,
}

impl Me {
    pub fn waits(&self, row: &UnitRow) -> Option<Waits> {
        match row.flow {
            FlowState::Done if self.reviews.contains(&row.id) => Some(Waits::Review),
            FlowState::Returned if self.chiefs.contains(&row.id) => Some(Waits::Returned),
            _ => None,
        }
    }
}

/// The due dates by period (`[due]` of tertial.toml).
pub use crate::workspace::due::DueDates;

/// "8 maj" / "8 May".
fn day_month(l: Lang, d: jiff::civil::Date) -> String {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = (d.month().clamp(1, 12) - 1) as usize;
    match l {
        Lang::Sv => format!("{} {}", d.day(), SV[month]),
        Lang::En => format!("{} {}", d.day(), EN[month]),
    }
}

/// Days left until `due` (negative: late), as said to a chief opening a
/// unit: "12 dagar kvar till 8 maj", "sista dagen i dag (8 maj)",
/// "3 dagar sen (8 maj)".
pub fn due_text(l: Lang, due: jiff::civil::Date, today: crate::clock::Day) -> Option<String> {
    let days = crate::workspace::due::days_left(due, today)?;
    // A date in another year than today's says its year.
    let date = match i32::from(due.year()) == today.0 {
        true => day_month(l, due),
        false => format!("{} {}", day_month(l, due), due.year()),
    };
    let n = days.unsigned_abs() as usize;
    Some(match days {
        0 => format!("{} ({date})", l.t("Sista dagen i dag", "Due today")),
        d if d > 0 => format!(
            "{} {} {date}",
            l.count(n, ("dag", "dagar"), ("day", "days")),
            l.t("kvar till", "left until")
        ),
        _ => format!(
            "{} {} ({date})",
            l.count(n, ("dag", "dagar"), ("day", "days")),
            l.t("sen", "late")
        ),
    })
}

/// What the status line says when a chief opens a unit: a return's
/// comments to answer, and the days left until the period's due date
/// (while the follow-up is not klar).
pub fn opening_note(
    l: Lang,
    s: &super::model::Session,
    due: &DueDates,
    today: crate::clock::Day,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(r) = &s.returned {
        parts.push(format!(
            "{} {}: {} {}",
            l.t("Återsänd av", "Returned by"),
            r.reviewer,
            l.count(
                r.remarks.len(),
                ("kommentar", "kommentarer"),
                ("comment", "comments")
            ),
            l.t("att besvara", "to answer")
        ));
    }
    if s.committed != Some(crate::followup::Status::Done)
        && let Some(text) = due.get(&s.period).and_then(|d| due_text(l, *d, today))
    {
        parts.push(text);
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Whether a unit in `flow` is late: the due date passed and it is neither
/// klar nor approved.
pub fn late(flow: FlowState, due: Option<jiff::civil::Date>, today: crate::clock::Day) -> bool {
    !flow.is_done()
        && due
            .and_then(|d| crate::workspace::due::days_left(d, today))
            .is_some_and(|d| d < 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_left_are_said_in_words_and_late_ones_as_late() {
        let due = jiff::civil::date(2026, 5, 8);
        assert_eq!(
            due_text(Lang::Sv, due, (2026, 4, 26)).as_deref(),
            Some("12 dagar kvar till 8 maj")
        );
        assert_eq!(
            due_text(Lang::Sv, due, (2026, 5, 11)).as_deref(),
            Some("3 dagar sen (8 maj)")
        );
        assert_eq!(
            due_text(Lang::En, due, (2026, 5, 7)).as_deref(),
            Some("1 day left until 8 May")
        );
        // Across a year end the date says its year.
        assert_eq!(
            due_text(Lang::Sv, jiff::civil::date(2027, 2, 12), (2026, 12, 2)).as_deref(),
            Some("72 dagar kvar till 12 februari 2027")
        );
        assert_eq!(
            due_text(Lang::Sv, jiff::civil::date(2025, 12, 30), (2026, 1, 2)).as_deref(),
            Some("3 dagar sen (30 december 2025)")
        );
        assert!(late(FlowState::Draft, Some(due), (2026, 5, 9)));
        assert!(!late(FlowState::Done, Some(due), (2026, 5, 9)));
        assert!(!late(FlowState::Draft, Some(due), (2026, 5, 8)));
        assert!(!late(FlowState::Draft, None, (2026, 5, 9)));
    }
}
