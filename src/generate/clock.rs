//! Commit times of generated follow-ups: spread over the working hours
//! (08–17, Monday to Friday) of the weeks before each period's report is
//! due, in Stockholm time (CET, or CEST in summer).

use crate::followup::{Period, PeriodKind};

const WORKDAY_SECS: i64 = 9 * 3600;
const DAY_START_SECS: i64 = 8 * 3600;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// 0 = Monday … 6 = Sunday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

fn last_sunday(y: i32, m: u32) -> i64 {
    let last = days_from_civil(y, m, 31);
    last - (weekday(last) + 1) % 7
}

/// Stockholm's UTC offset in seconds on a day: summer time from the last
/// Sunday of March to the last Sunday of October.
fn offset_secs(days: i64) -> i64 {
    let (y, _, _) = crate::followup::period::civil_from_days(days);
    if days >= last_sunday(y, 3) && days < last_sunday(y, 10) {
        7200
    } else {
        3600
    }
}

/// A fast-import time: seconds since the epoch and the zone ("+0100").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    pub unix: i64,
    pub offset: i64,
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let o = self.offset.abs();
        write!(f, "{} {sign}{:02}{:02}", self.unix, o / 3600, o % 3600 / 60)
    }
}

/// Local time `secs` after midnight on day `days`.
pub fn local(days: i64, secs: i64) -> When {
    let offset = offset_secs(days);
    When {
        unix: days * 86_400 + secs - offset,
        offset,
    }
}

/// The working days in which a period's follow-ups are written.
pub struct Window {
    days: Vec<i64>,
}

impl Window {
    /// T1 in May, T2 in September, the VB from mid-January to the end of
    /// February of the next year.
    pub fn of(period: Period) -> Window {
        let y = period.year;
        let (from, to) = match period.kind {
            PeriodKind::T1 => (days_from_civil(y, 5, 2), days_from_civil(y, 5, 31)),
            PeriodKind::T2 => (days_from_civil(y, 9, 1), days_from_civil(y, 9, 30)),
            PeriodKind::Vb => (days_from_civil(y + 1, 1, 15), days_from_civil(y + 1, 2, 28)),
        };
        Window {
            days: (from..=to).filter(|d| weekday(*d) < 5).collect(),
        }
    }

    /// The time of the `i`-th of `n` commits; `jitter` in [0, 1) moves it
    /// within its share of the window, so times never go backwards.
    pub fn at(&self, i: usize, n: usize, jitter: f64) -> When {
        let total = self.days.len() as i64 * WORKDAY_SECS;
        let pos = ((i as f64 + jitter.clamp(0.0, 0.99)) * total as f64 / n.max(1) as f64) as i64;
        let pos = pos.clamp(0, total - 1);
        local(
            self.days[(pos / WORKDAY_SECS) as usize],
            DAY_START_SECS + pos % WORKDAY_SECS,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_and_zones() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2025, 11, 23), 20_415);
        assert_eq!(days_from_civil(2024, 2, 29), 19_782);
        assert_eq!(weekday(days_from_civil(2026, 11, 23)), 0); // a Monday
        assert_eq!(last_sunday(2026, 3), days_from_civil(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), days_from_civil(2026, 10, 25));
        // 2026-05-04 08:00 CEST is 06:00 UTC.
        let w = local(days_from_civil(2026, 5, 4), 8 * 3600);
        assert_eq!(w.to_string(), "1777874400 +0200");
        assert_eq!(local(days_from_civil(2027, 2, 1), 0).offset, 3600);
    }

    #[test]
    fn times_in_a_window_only_move_forward_on_working_days() {
        let p: Period = "2025-VB".parse().unwrap();
        let w = Window::of(p);
        let mut last = None;
        for i in 0..1000 {
            let t = w.at(i, 1000, (i % 7) as f64 / 7.0);
            assert!(last.is_none_or(|l| l <= t));
            let local_secs = t.unix + t.offset;
            let day = local_secs.div_euclid(86_400);
            assert!(weekday(day) < 5);
            let hour = local_secs.rem_euclid(86_400) / 3600;
            assert!((8..17).contains(&hour));
            assert!(day >= days_from_civil(2026, 1, 15) && day <= days_from_civil(2026, 2, 28));
            last = Some(t);
        }
    }
}
