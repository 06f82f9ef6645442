//! Time for the whole program, through one library (jiff and the IANA time
//! zone database): the local zone, "now" and "today", and every time shown
//! to a chief. Times are carried as seconds since 1970 (UTC) and only
//! turned into local time when shown or when a date is needed.
//!
//! The zone is `TZ` when it is set and understood, else Europe/Stockholm
//! (the city's zone, also on a server whose own zone is UTC). The system's
//! zone database is used when present, a copy built into the program
//! otherwise.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use std::sync::OnceLock;

/// The zone used when `TZ` is not set.
pub const DEFAULT_ZONE: &str = "Europe/Stockholm";

/// A calendar date as (year, month, day).
pub type Day = (i32, u32, u32);

/// Seconds since 1970 now.
pub fn now() -> i64 {
    Timestamp::now().as_second()
}

static ZONE: OnceLock<TimeZone> = OnceLock::new();

/// The zone times are shown in (read once per run).
pub fn zone() -> &'static TimeZone {
    ZONE.get_or_init(|| zone_for(std::env::var("TZ").ok().as_deref()))
}

/// Fixes the zone for the rest of the run, before anything has shown a
/// time (for pictures of the screen that must not depend on `TZ`).
/// False when the zone was already in use.
pub fn set_zone(tz: TimeZone) -> bool {
    ZONE.set(tz).is_ok()
}

/// The zone for a value of `TZ`: an IANA name (`Europe/Stockholm`, with or
/// without a leading `:`, or a path ending in `zoneinfo/NAME`), a POSIX
/// rule (`CET-1CEST,M3.5.0,M10.5.0/3`), `UTC`; anything else (or none)
/// gives Europe/Stockholm. An empty `TZ` means UTC, as for other programs.
pub fn zone_for(tz: Option<&str>) -> TimeZone {
    let Some(value) = tz else {
        return stockholm();
    };
    let value = value.trim();
    if value.is_empty() {
        return TimeZone::UTC;
    }
    let name = value.strip_prefix(':').unwrap_or(value);
    let name = name
        .rfind("zoneinfo/")
        .map_or(name, |at| &name[at + "zoneinfo/".len()..]);
    named(name)
        .or_else(|| TimeZone::posix(value).ok())
        .unwrap_or_else(stockholm)
}

/// A zone by its IANA name: from the system's database, else the bundled one.
fn named(name: &str) -> Option<TimeZone> {
    jiff::tz::db()
        .get(name)
        .ok()
        .or_else(|| TimeZoneDatabase::bundled().get(name).ok())
}

/// Europe/Stockholm; its rules written out should no database know it.
pub fn stockholm() -> TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| {
        named(DEFAULT_ZONE).unwrap_or_else(|| {
            TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap_or(TimeZone::UTC)
        })
    })
    .clone()
}

fn local(secs: i64, tz: &TimeZone) -> DateTime {
    let ts = Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH);
    tz.to_datetime(ts)
}

/// The local date of a time.
pub fn day_in(secs: i64, tz: &TimeZone) -> Day {
    let d = local(secs, tz);
    (i32::from(d.year()), d.month() as u32, d.day() as u32)
}

/// Today's local date.
pub fn today() -> Day {
    day_in(now(), zone())
}

/// "2026-11-23 08:12" in `tz`.
pub fn date_time_in(secs: i64, tz: &TimeZone) -> String {
    let d = local(secs, tz);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute()
    )
}

/// "2026-11-23 08:12", local time.
pub fn date_time(secs: i64) -> String {
    date_time_in(secs, zone())
}

/// "08:12" in `tz`.
pub fn time_of_day_in(secs: i64, tz: &TimeZone) -> String {
    let d = local(secs, tz);
    format!("{:02}:{:02}", d.hour(), d.minute())
}

/// "08:12" when the time is on `today`, else "2026-11-23 08:12" (local).
pub fn short(secs: i64, today: Day) -> String {
    if day_in(secs, zone()) == today {
        time_of_day_in(secs, zone())
    } else {
        date_time(secs)
    }
}

/// The zone's offset from UTC at a time, in minutes (for git's "+0100").
pub fn offset_minutes(secs: i64, tz: &TimeZone) -> i32 {
    let ts = Timestamp::from_second(secs).unwrap_or(Timestamp::UNIX_EPOCH);
    tz.to_offset(ts).seconds() / 60
}

/// The instant a local date and time (seconds after midnight) names in
/// `tz`; in the hour skipped in spring, the later reading.
pub fn instant(day: Day, secs_after_midnight: i64, tz: &TimeZone) -> Option<i64> {
    let date = civil(day)?;
    let dt = date
        .to_datetime(jiff::civil::Time::midnight())
        .checked_add(jiff::Span::new().seconds(secs_after_midnight))
        .ok()?;
    Some(tz.to_timestamp(dt).ok()?.as_second())
}

/// The civil date of a `Day`, when it is one.
pub fn civil(day: Day) -> Option<Date> {
    Date::new(
        i16::try_from(day.0).ok()?,
        i8::try_from(day.1).ok()?,
        i8::try_from(day.2).ok()?,
    )
    .ok()
}

/// The day after `day` (None past the calendar's end).
pub fn next_day(day: Day) -> Option<Day> {
    let d = civil(day)?.tomorrow().ok()?;
    Some((i32::from(d.year()), d.month() as u32, d.day() as u32))
}

/// Monday to Friday.
pub fn is_weekday(day: Day) -> bool {
    civil(day).is_some_and(|d| d.weekday().to_monday_zero_offset() < 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-07-01 10:00 UTC and 2026-01-15 10:00 UTC.
    const SUMMER: i64 = 1_782_900_000;
    const WINTER: i64 = 1_768_471_200;

    #[test]
    fn stockholm_is_two_hours_ahead_in_summer_and_one_in_winter() {
        let tz = zone_for(None);
        assert_eq!(date_time_in(SUMMER, &tz), "2026-07-01 12:00");
        assert_eq!(date_time_in(WINTER, &tz), "2026-01-15 11:00");
        assert_eq!(offset_minutes(SUMMER, &tz), 120);
        assert_eq!(offset_minutes(WINTER, &tz), 60);
        // Summer time starts on the last Sunday of March at 01:00 UTC.
        let before = instant((2026, 3, 29), 59 * 60, &TimeZone::UTC).unwrap();
        assert_eq!(date_time_in(before, &tz), "2026-03-29 01:59");
        assert_eq!(date_time_in(before + 60, &tz), "2026-03-29 03:00");
    }

    #[test]
    fn tz_is_respected_in_its_forms() {
        for tz in [
            "America/New_York",
            ":America/New_York",
            "/usr/share/zoneinfo/America/New_York",
            "EST5EDT,M3.2.0,M11.1.0",
        ] {
            let z = zone_for(Some(tz));
            assert_eq!(date_time_in(SUMMER, &z), "2026-07-01 06:00", "{tz}");
            assert_eq!(date_time_in(WINTER, &z), "2026-01-15 05:00", "{tz}");
        }
        assert_eq!(
            date_time_in(SUMMER, &zone_for(Some("UTC"))),
            "2026-07-01 10:00"
        );
        assert_eq!(
            date_time_in(SUMMER, &zone_for(Some(""))),
            "2026-07-01 10:00"
        );
        // Nonsense falls back to the city's zone, not to UTC.
        let z = zone_for(Some("Not/A_Zone"));
        assert_eq!(date_time_in(SUMMER, &z), "2026-07-01 12:00");
    }

    #[test]
    fn the_bundled_database_knows_stockholm() {
        let tz = TimeZoneDatabase::bundled().get(DEFAULT_ZONE).unwrap();
        assert_eq!(date_time_in(SUMMER, &tz), "2026-07-01 12:00");
    }

    #[test]
    fn the_local_date_changes_at_local_midnight() {
        let tz = zone_for(None);
        // 2026-11-22 23:30 UTC is already the 23rd in Stockholm.
        let t = instant((2026, 11, 22), 23 * 3600 + 1800, &TimeZone::UTC).unwrap();
        assert_eq!(day_in(t, &tz), (2026, 11, 23));
        assert_eq!(day_in(t, &TimeZone::UTC), (2026, 11, 22));
    }

    #[test]
    fn calendar_days() {
        assert_eq!(next_day((2024, 2, 28)), Some((2024, 2, 29)));
        assert_eq!(next_day((2026, 12, 31)), Some((2027, 1, 1)));
        assert!(is_weekday((2026, 11, 23))); // a Monday
        assert!(!is_weekday((2026, 11, 22)));
        assert_eq!(civil((2026, 2, 30)), None);
        assert_eq!(
            instant((2026, 5, 4), 8 * 3600, &stockholm()),
            Some(1_777_874_400)
        );
    }
}
