//! Clinic-local wall time ↔ UTC instants, with the DST policy: a time in a gap is refused and the
//! next valid time named; an ambiguous time (a fold) takes the earlier instant and says so.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::model::Interval;

/// What a clinic-local wall time means as an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTime {
    /// The wall time happens exactly once.
    Exact(DateTime<Utc>),
    /// The wall time happens twice (clocks went back); `earlier` is the one we use.
    Ambiguous {
        /// The first occurrence (before the clocks went back): the one we book.
        earlier: DateTime<Utc>,
        /// The second occurrence.
        later: DateTime<Utc>,
    },
    /// The wall time never happens (clocks went forward); `next_valid` is the first that does.
    Gap {
        /// The first wall time after the gap that exists.
        next_valid: NaiveDateTime,
    },
}

/// Interprets a clinic-local wall time in `zone`.
pub fn resolve_local(zone: Tz, wall: NaiveDateTime) -> LocalTime {
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(t) => LocalTime::Exact(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
            LocalTime::Ambiguous {
                earlier: a.min(b),
                later: a.max(b),
            }
        }
        LocalResult::None => LocalTime::Gap {
            next_valid: next_valid_after_gap(zone, wall),
        },
    }
}

/// The first existing wall time after `wall`, which lies in a DST gap. Gaps in the tz database
/// are at most a few hours long and start on a whole minute, so a minute-by-minute walk over at
/// most a day always ends.
fn next_valid_after_gap(zone: Tz, wall: NaiveDateTime) -> NaiveDateTime {
    let mut candidate = wall
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(wall);
    for _ in 0..(24 * 60) {
        candidate += Duration::minutes(1);
        if !matches!(zone.from_local_datetime(&candidate), LocalResult::None) {
            return candidate;
        }
    }
    candidate
}

use chrono::Timelike;

/// The instant a wall time stands for when a best effort is fine (drawing hours, day bounds):
/// the earlier instant in a fold, the first valid time after a gap.
pub fn lenient_instant(zone: Tz, wall: NaiveDateTime) -> DateTime<Utc> {
    match resolve_local(zone, wall) {
        LocalTime::Exact(t) => t,
        LocalTime::Ambiguous { earlier, .. } => earlier,
        LocalTime::Gap { next_valid } => match zone.from_local_datetime(&next_valid) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            LocalResult::Ambiguous(a, _) => a.with_timezone(&Utc),
            // next_valid_after_gap only returns times that exist.
            LocalResult::None => Utc.from_utc_datetime(&next_valid),
        },
    }
}

/// The UTC interval of one clinic-local calendar day: 24 hours, or 23/25 on a DST change.
pub fn local_day(zone: Tz, date: NaiveDate) -> Interval {
    let start = lenient_instant(zone, date.and_time(NaiveTime::MIN));
    let next = date.succ_opt().unwrap_or(date);
    let end = lenient_instant(zone, next.and_time(NaiveTime::MIN));
    Interval::new(start, end)
}

/// The clinic-local calendar date of an instant.
pub fn local_date(zone: Tz, instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&zone).date_naive()
}

/// The instant shown as clinic-local wall time.
pub fn to_local(zone: Tz, instant: DateTime<Utc>) -> DateTime<Tz> {
    instant.with_timezone(&zone)
}

/// Formats an instant as clinic-local `YYYY-MM-DD HH:MM`, the form staff type.
pub fn format_local(zone: Tz, instant: DateTime<Utc>) -> String {
    to_local(zone, instant).format("%Y-%m-%d %H:%M").to_string()
}

/// Parses clinic-local `YYYY-MM-DD HH:MM` (also accepts `T` between date and time).
pub fn parse_wall_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
}

/// Parses a date `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}
