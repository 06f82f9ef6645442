//! Follow-up periods: `2026-T1`, `2026-T2`, `2026-VB`, and which is due next.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKind {
    T1,
    T2,
    Vb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 3] = [PeriodKind::T1, PeriodKind::T2, PeriodKind::Vb];

    /// "T1" in the same year, "VB 2025" for another year's report.
    pub fn code_with_year(self, year: i32) -> String {
        format!("{} {year}", self.code())
    }

    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::T1 => "T1",
            PeriodKind::T2 => "T2",
            PeriodKind::Vb => "VB",
        }
    }
}

impl Period {
    pub fn new(year: i32, kind: PeriodKind) -> Period {
        Period { year, kind }
    }

    /// The three periods of a plan year.
    pub fn of_year(year: i32) -> [Period; 3] {
        PeriodKind::ALL.map(|k| Period::new(year, k))
    }

    /// A tertial report forecasts the year end; the VB assesses it.
    pub fn is_forecast(self) -> bool {
        self.kind != PeriodKind::Vb
    }

    /// The last day the period's report is normally due (yyyy, mm, dd):
    /// T1 (Jan–Apr) in May, T2 (Jan–Aug) in September, VB in February of
    /// the next year.
    pub fn due(self) -> (i32, u32, u32) {
        match self.kind {
            PeriodKind::T1 => (self.year, 5, 31),
            PeriodKind::T2 => (self.year, 9, 30),
            PeriodKind::Vb => (self.year + 1, 2, 28),
        }
    }

    /// The period of `year` due next on `today`; VB once all are past.
    pub fn due_next(year: i32, today: (i32, u32, u32)) -> Period {
        Period::of_year(year)
            .into_iter()
            .find(|p| p.due() >= today)
            .unwrap_or(Period::new(year, PeriodKind::Vb))
    }

    /// The periods before this one that a chief compares with: the earlier
    /// ones of the same year.
    pub fn earlier_in_year(self) -> Vec<Period> {
        Period::of_year(self.year)
            .into_iter()
            .filter(|p| p.kind < self.kind)
            .collect()
    }

    /// Swedish name: "Tertialrapport 1 2026", "Verksamhetsberättelse 2026".
    pub fn title_sv(self) -> String {
        match self.kind {
            PeriodKind::T1 => format!("Tertialrapport 1 {}", self.year),
            PeriodKind::T2 => format!("Tertialrapport 2 {}", self.year),
            PeriodKind::Vb => format!("Verksamhetsberättelse {}", self.year),
        }
    }

    pub fn title_en(self) -> String {
        match self.kind {
            PeriodKind::T1 => format!("Tertial report 1 {}", self.year),
            PeriodKind::T2 => format!("Tertial report 2 {}", self.year),
            PeriodKind::Vb => format!("Annual report {}", self.year),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.year, self.kind.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{:?} {}", .0, crate::i18n::current().t(
    "är ingen period; skriv ÅR-T1, ÅR-T2 eller ÅR-VB (t.ex. 2026-T1)",
    "is not a period; expected YEAR-T1, YEAR-T2 or YEAR-VB (e.g. 2026-T1)"
))]
pub struct BadPeriod(pub String);

impl std::str::FromStr for Period {
    type Err = BadPeriod;
    fn from_str(s: &str) -> Result<Period, BadPeriod> {
        let bad = || BadPeriod(s.to_string());
        let (y, k) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&year) || y.len() != 4 {
            return Err(bad());
        }
        let kind = match k.to_ascii_uppercase().as_str() {
            "T1" => PeriodKind::T1,
            "T2" => PeriodKind::T2,
            "VB" => PeriodKind::Vb,
            _ => return Err(bad()),
        };
        Ok(Period { year, kind })
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        for s in ["2026-T1", "2026-T2", "2025-VB"] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        assert_eq!("2026-vb".parse::<Period>().unwrap().to_string(), "2026-VB");
        for bad in [
            "2026",
            "2026-T3",
            "26-T1",
            "x-T1",
            "",
            "2026-T1-x",
            "1999-T1",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_period_due_next_follows_the_calendar() {
        assert_eq!(Period::due_next(2026, (2026, 1, 15)).to_string(), "2026-T1");
        assert_eq!(Period::due_next(2026, (2026, 5, 31)).to_string(), "2026-T1");
        assert_eq!(Period::due_next(2026, (2026, 6, 1)).to_string(), "2026-T2");
        assert_eq!(
            Period::due_next(2026, (2026, 11, 23)).to_string(),
            "2026-VB"
        );
        assert_eq!(
            Period::due_next(2025, (2026, 11, 23)).to_string(),
            "2025-VB"
        );
        assert_eq!(
            Period::due_next(2027, (2026, 11, 23)).to_string(),
            "2027-T1"
        );
    }
}
