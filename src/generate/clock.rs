//! Commit times of generated follow-ups: spread over the working hours
//! (08–17, Monday to Friday) of the weeks before each period's report is
//! due, in Stockholm time whatever the machine's zone (the calendar and
//! the zone rules come from `crate::clock`).

use crate::clock::{self, Day};
use crate::followup::{Period, PeriodKind};

const WORKDAY_SECS: i64 = 9 * 3600;
const DAY_START_SECS: i64 = 8 * 3600;

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

/// Stockholm time `secs` after midnight on `day`.
pub fn stockholm(day: Day, secs: i64) -> When {
    let tz = clock::stockholm();
    let unix = clock::instant(day, secs, &tz).unwrap_or(0);
    When {
        unix,
        offset: i64::from(clock::offset_minutes(unix, &tz)) * 60,
    }
}

/// The working days in which a period's follow-ups are written.
pub struct Window {
    days: Vec<Day>,
}

impl Window {
    /// T1 in May, T2 in September, the VB from mid-January to the end of
    /// February of the next year.
    pub fn of(period: Period) -> Window {
        let y = period.year;
        let (from, to) = match period.kind {
            PeriodKind::T1 => ((y, 5, 2), (y, 5, 31)),
            PeriodKind::T2 => ((y, 9, 1), (y, 9, 30)),
            PeriodKind::Vb => ((y + 1, 1, 15), (y + 1, 2, 28)),
        };
        let days = std::iter::successors(Some(from), |d| clock::next_day(*d))
            .take_while(|d| *d <= to)
            .filter(|d| clock::is_weekday(*d))
            .collect();
        Window { days }
    }

    /// The time of the `i`-th of `n` commits; `jitter` in [0, 1) moves it
    /// within its share of the window, so times never go backwards.
    pub fn at(&self, i: usize, n: usize, jitter: f64) -> When {
        let total = self.days.len() as i64 * WORKDAY_SECS;
        let pos = ((i as f64 + jitter.clamp(0.0, 0.99)) * total as f64 / n.max(1) as f64) as i64;
        let pos = pos.clamp(0, total - 1);
        stockholm(
            self.days[(pos / WORKDAY_SECS) as usize],
            DAY_START_SECS + pos % WORKDAY_SECS,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stockholm_times_in_summer_and_winter() {
        // 2026-05-04 08:00 CEST is 06:00 UTC.
        assert_eq!(
            stockholm((2026, 5, 4), 8 * 3600).to_string(),
            "1777874400 +0200"
        );
        assert_eq!(stockholm((2027, 2, 1), 0).offset, 3600);
    }

    #[test]
    fn times_in_a_window_only_move_forward_on_working_days() {
        let p: Period = "2025-VB".parse().unwrap();
        let w = Window::of(p);
        let tz = clock::stockholm();
        let mut last = None;
        for i in 0..1000 {
            let t = w.at(i, 1000, (i % 7) as f64 / 7.0);
            assert!(last.is_none_or(|l| l <= t));
            let day = clock::day_in(t.unix, &tz);
            assert!(clock::is_weekday(day));
            let hour: u32 = clock::time_of_day_in(t.unix, &tz)[..2].parse().unwrap();
            assert!((8..17).contains(&hour));
            assert!(((2026, 1, 15)..=(2026, 2, 28)).contains(&day));
            last = Some(t);
        }
    }
}
