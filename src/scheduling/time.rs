//! Clinic-local wall time ↔ UTC instants, with the DST policy: a time in a gap is refused and the
//! next valid time named; an ambiguous time (a fold) takes the earlier instant and says so.
//! And the readers of typed dates and times, which every entry path shares: dates from
//! [`FIRST_DATE`] to [`LAST_DATE`], times in whole minutes, each refusal saying what to write.

use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, SecondsFormat,
    TimeZone, Utc,
};
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
        let Some(next) = candidate.checked_add_signed(Duration::minutes(1)) else {
            break;
        };
        candidate = next;
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

/// True when `instant` is on a whole minute of the clinic's wall clock (no seconds, no
/// fraction). Today every zone's offset is whole minutes, so this is a whole UTC minute too;
/// before about 1972 some zones' offsets had seconds (Kolkata's +05:53:20 until 1870 and
/// +05:21:10 until 1906, Monrovia's −00:44:30 until 1972), and then 09:00 on the wall is not a
/// whole UTC minute. Appointments are on the wall clock's minutes, which staff see and type.
pub fn on_whole_minute(zone: Tz, instant: DateTime<Utc>) -> bool {
    instant.timestamp_subsec_nanos() == 0 && instant.with_timezone(&zone).second() == 0
}

/// `instant` taken down to its whole minute of the clinic's wall clock (see
/// [`on_whole_minute`]): a walk-in arriving at 10:03:27 starts at 10:03.
pub fn whole_minute(zone: Tz, instant: DateTime<Utc>) -> DateTime<Utc> {
    let seconds = i64::from(instant.with_timezone(&zone).second());
    DateTime::from_timestamp(instant.timestamp() - seconds, 0).unwrap_or(instant)
}

/// An instant as RFC 3339 text, for files and scripts (JSON lines, FHIR, webhooks): the
/// clinic's wall time with its offset, `2026-11-24T09:30:00+05:30`. An RFC 3339 offset has no
/// seconds, so where the zone's offset had seconds (Kolkata before 1906, Monrovia before 1972)
/// a wall time with its offset cut to the minute would name another instant; there it is the
/// UTC instant, `1900-01-02T03:53:50Z`. Exact either way.
pub fn rfc3339(zone: Tz, instant: DateTime<Utc>) -> String {
    let local = instant.with_timezone(&zone);
    if local.offset().fix().local_minus_utc() % 60 == 0 {
        local.to_rfc3339_opts(SecondsFormat::AutoSi, false)
    } else {
        instant.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }
}

/// Formats an instant as clinic-local `YYYY-MM-DD HH:MM`, the form staff type.
pub fn format_local(zone: Tz, instant: DateTime<Utc>) -> String {
    to_local(zone, instant).format("%Y-%m-%d %H:%M").to_string()
}

/// The first date Frontdesk reads from what people type (appointments, leave, reports, birth
/// dates from other systems): anything earlier is a typing slip.
pub const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last date Frontdesk reads from what people type. Keeping typed dates in these three
/// centuries keeps every date sum in the program (a year of days, a series of 104 weeks) far
/// from chrono's limits, so none of them can overflow.
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Why typed text is not a date, a time of day, or a date and time. Each message quotes what
/// was typed (shortened, with control characters escaped) and says what to write instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeTextError {
    /// Not a date at all.
    #[error("{}", crate::t!("core-not-a-date", text = _0))]
    NotADate(String),
    /// A real date, outside the years Frontdesk works with.
    #[error(
        "{}",
        crate::t!(
            "core-date-out-of-range",
            text = _0,
            first = FIRST_DATE.to_string(),
            last = LAST_DATE.to_string(),
        )
    )]
    DateOutOfRange(String),
    /// Not a time of day.
    #[error("{}", crate::t!("core-not-a-time", text = _0))]
    NotATime(String),
    /// A time with seconds other than :00. Appointments start on whole minutes; a start with
    /// seconds, hidden on the screen, would block the slot after it.
    #[error("{}", crate::t!("core-time-has-seconds", text = text, minute = minute))]
    Seconds {
        /// What was typed.
        text: String,
        /// The same time without its seconds.
        minute: String,
    },
    /// Neither a date and time nor anything close.
    #[error("{}", crate::t!("core-not-a-date-time", text = _0))]
    NotADateTime(String),
}

/// Typed text as a message quotes it: [`super::entry::echo`] (at most 40 characters, control
/// characters escaped).
pub fn echo(text: &str) -> String {
    super::entry::echo(text)
}

/// Reads a date `YYYY-MM-DD` from [`FIRST_DATE`] to [`LAST_DATE`].
pub fn read_date(text: &str) -> Result<NaiveDate, TimeTextError> {
    let t = text.trim();
    let date =
        NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| TimeTextError::NotADate(echo(t)))?;
    if !(FIRST_DATE..=LAST_DATE).contains(&date) {
        return Err(TimeTextError::DateOutOfRange(echo(t)));
    }
    Ok(date)
}

/// Reads a time of day, `HH:MM` or `H:MM` (`HH:MM:00` too); other seconds are refused.
pub fn read_clock(text: &str) -> Result<NaiveTime, TimeTextError> {
    let t = text.trim();
    let not_a_time = || TimeTextError::NotATime(echo(t));
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = t.split(':');
    let (hours, minutes, seconds) = (parts.next(), parts.next(), parts.next());
    let (Some(hours), Some(minutes)) = (hours, minutes) else {
        return Err(not_a_time());
    };
    if parts.next().is_some()
        || hours.is_empty()
        || hours.len() > 2
        || !hours.bytes().all(|b| b.is_ascii_digit())
        || !two_digits(minutes)
    {
        return Err(not_a_time());
    }
    let (h, m): (u32, u32) = (
        hours.parse().map_err(|_| not_a_time())?,
        minutes.parse().map_err(|_| not_a_time())?,
    );
    let time = NaiveTime::from_hms_opt(h, m, 0).ok_or_else(not_a_time)?;
    match seconds {
        None => Ok(time),
        Some("00") => Ok(time),
        Some(s) if two_digits(s) && s < "60" => Err(TimeTextError::Seconds {
            text: echo(t),
            minute: time.format("%H:%M").to_string(),
        }),
        Some(_) => Err(not_a_time()),
    }
}

/// Reads a time of day as minutes after midnight, `HH:MM`, where `24:00` is the end of the day.
pub fn read_day_minute(text: &str) -> Result<u16, TimeTextError> {
    if text.trim() == "24:00" {
        return Ok(24 * 60);
    }
    let time = read_clock(text)?;
    // At most 23 * 60 + 59, which fits.
    Ok(u16::try_from(time.num_seconds_from_midnight() / 60).unwrap_or(0))
}

/// Reads a clinic-local date and time, `YYYY-MM-DD HH:MM` (a `T` between them works too; so
/// does `:00` seconds). The date is in [`FIRST_DATE`]..=[`LAST_DATE`]; other seconds are refused.
pub fn read_wall_time(text: &str) -> Result<NaiveDateTime, TimeTextError> {
    let t = text.trim();
    let Some((date, time)) = t.split_once([' ', 'T']) else {
        return Err(TimeTextError::NotADateTime(echo(t)));
    };
    let whole = |e: TimeTextError| match e {
        TimeTextError::DateOutOfRange(_) => TimeTextError::DateOutOfRange(echo(t)),
        TimeTextError::Seconds { minute, .. } => TimeTextError::Seconds {
            text: echo(t),
            minute: format!("{} {minute}", date.trim()),
        },
        _ => TimeTextError::NotADateTime(echo(t)),
    };
    let date = read_date(date).map_err(whole)?;
    let time = read_clock(time).map_err(whole)?;
    Ok(date.and_time(time))
}

/// Parses clinic-local `YYYY-MM-DD HH:MM` as [`read_wall_time`] does, without saying why not.
pub fn parse_wall_time(text: &str) -> Option<NaiveDateTime> {
    read_wall_time(text).ok()
}

/// Parses a date `YYYY-MM-DD` as [`read_date`] does, without saying why not.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    read_date(text).ok()
}
