//! Recurring series in the iCalendar files Frontdesk writes: the master event (its RRULE and
//! the wall time its appointments keep) and each appointment's place in the series, read back
//! so that an import restores the series and not only its appointments.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;

use super::ics_read::{YEARS, date8, quoted, wall_and_utc};
use super::{Until, When};
use crate::scheduling::MAX_APPOINTMENT_MINUTES;
use crate::scheduling::series::SeriesRule;
use crate::scheduling::time::lenient_instant;

/// A series as our master event gives it (`X-FRONTDESK-SERIES` with an RRULE); the store reads
/// it in the clinic's zone with [`SeriesRecord::resolve`].
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRecord {
    /// The series id.
    pub id: uuid::Uuid,
    /// DTSTART: the first date, at the wall time every occurrence keeps.
    pub start: When,
    /// DTEND or DURATION: how long each occurrence lasts.
    pub end: Until,
    /// The RRULE value as written.
    pub rrule: String,
}

/// Which series an appointment belongs to, and which of the rule's dates it stands for
/// (RECURRENCE-ID, or `X-FRONTDESK-OCCURRENCE` on a cancelled one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesLink {
    /// The series id.
    pub series: uuid::Uuid,
    /// The occurrence's date in the rule.
    pub occurrence_date: NaiveDate,
}

/// A series read in the clinic's zone, as the store keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedSeries {
    /// The rule.
    pub rule: SeriesRule,
    /// The first date.
    pub start_date: NaiveDate,
    /// The clinic-local wall time every occurrence keeps.
    pub start_time: NaiveTime,
    /// How long each occurrence lasts.
    pub minutes: i64,
}

fn instant(zone: Tz, when: When) -> DateTime<Utc> {
    match when {
        When::Utc(t) | When::Defined { at: t, .. } => t,
        When::ClinicLocal(wall) => lenient_instant(zone, wall),
        When::Zoned(wall, z) => lenient_instant(z, wall),
    }
}

fn wall(zone: Tz, when: When) -> NaiveDateTime {
    match when {
        When::ClinicLocal(wall) => wall,
        When::Zoned(wall, z) if z == zone => wall,
        other => instant(zone, other).with_timezone(&zone).naive_local(),
    }
}

impl SeriesRecord {
    /// The rule, first date, wall time and length in `zone` (the clinic's), or what is wrong.
    /// UNTIL is written in UTC at the last occurrence's start; it is read back as that
    /// occurrence's local date.
    pub fn resolve(&self, zone: Tz) -> Result<ResolvedSeries, String> {
        let start = wall(zone, self.start);
        let minutes = match self.end {
            Until::Minutes(m) => m,
            Until::At(end) => {
                let length = instant(zone, end) - instant(zone, self.start);
                // Appointments last whole minutes: seconds are refused, never rounded away.
                if length > chrono::Duration::zero()
                    && (length.num_seconds() % 60 != 0 || length.subsec_nanos() != 0)
                {
                    return Err(format!(
                        "the repeating event {} lasts {} minutes and {} seconds: appointments last whole minutes, so give it a DTEND on a whole minute",
                        self.id,
                        length.num_minutes(),
                        length.num_seconds() % 60
                    ));
                }
                length.num_minutes()
            }
        };
        if minutes <= 0 {
            return Err(format!(
                "the repeating event {} ends before it starts: give it a DTEND after its DTSTART",
                self.id
            ));
        }
        if minutes > MAX_APPOINTMENT_MINUTES {
            return Err(format!(
                "the repeating event {} lasts {minutes} minutes, longer than an appointment may ({MAX_APPOINTMENT_MINUTES} minutes): give it a shorter DTEND or DURATION",
                self.id
            ));
        }
        if self.rrule.len() > 500 {
            return Err(format!(
                "the repeating event {} has an RRULE of {} characters (\"{}\"): Frontdesk writes rules such as FREQ=WEEKLY;BYDAY=WE;COUNT=4",
                self.id,
                self.rrule.chars().count(),
                quoted(&self.rrule)
            ));
        }
        if self.rrule.chars().any(char::is_control) {
            return Err(format!(
                "the repeating event {} has an RRULE with control characters (\"{}\"): write it as FREQ=WEEKLY;BYDAY=WE;COUNT=4",
                self.id,
                quoted(&self.rrule)
            ));
        }
        let mut parts = Vec::new();
        for part in self.rrule.split(';').filter(|p| !p.trim().is_empty()) {
            match part.split_once('=') {
                Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                    parts.push(format!("UNTIL={}", until_date(zone, value.trim())?));
                }
                _ => parts.push(part.to_owned()),
            }
        }
        // The core's rule, and its first date, as `book --repeat` is held to them.
        let rule = SeriesRule::parse(&parts.join(";"))
            .and_then(|rule| rule.check_start(start.date()).map(|()| rule))
            .map_err(|e| {
                format!(
                    "the repeating event {} has an RRULE Frontdesk cannot keep (\"{}\"): {e}",
                    self.id,
                    quoted(&self.rrule)
                )
            })?;
        Ok(ResolvedSeries {
            rule,
            start_date: start.date(),
            start_time: start.time(),
            minutes,
        })
    }
}

/// UNTIL as a local date: `20261111T143000Z` (UTC, as we write it), `20261111T093000` (local)
/// or `20261111`, in the years appointments may have.
fn until_date(zone: Tz, value: &str) -> Result<String, String> {
    let date = match wall_and_utc(value) {
        Some((t, true)) => Some(t.and_utc().with_timezone(&zone).date_naive()),
        Some((t, false)) => Some(t.date()),
        None => date8(value),
    };
    date.filter(|d| YEARS.contains(&d.year()))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .ok_or_else(|| format!("UNTIL \"{}\" is not a date such as 20270131", quoted(value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduling::series::{Frequency, SeriesEnd};
    use chrono::Weekday;

    const NEW_YORK: Tz = chrono_tz::America::New_York;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn a_weekly_series_across_the_fall_back_keeps_its_wall_time_and_last_date() {
        // As the export writes it: 09:30 New York, UNTIL at the last start in UTC (EST, -5).
        let record = SeriesRecord {
            id: uuid::Uuid::nil(),
            start: When::Zoned(at("2026-10-21 09:30"), NEW_YORK),
            end: Until::At(When::Zoned(at("2026-10-21 10:00"), NEW_YORK)),
            rrule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;UNTIL=20261111T143000Z".into(),
        };
        let series = record.resolve(NEW_YORK).expect("resolves");
        assert_eq!(
            series.start_date,
            NaiveDate::from_ymd_opt(2026, 10, 21).unwrap()
        );
        assert_eq!(
            series.start_time,
            NaiveTime::from_hms_opt(9, 30, 0).unwrap()
        );
        assert_eq!(series.minutes, 30);
        assert_eq!(series.rule.frequency, Frequency::Weekly);
        assert_eq!(series.rule.interval, 1);
        assert_eq!(
            series.rule.end,
            SeriesEnd::Until(NaiveDate::from_ymd_opt(2026, 11, 11).unwrap())
        );
        assert_eq!(series.rule.days_for(series.start_date), vec![Weekday::Wed]);
    }

    #[test]
    fn a_start_in_utc_is_read_as_the_clinics_wall_time() {
        let record = SeriesRecord {
            id: uuid::Uuid::nil(),
            start: When::Utc("2026-11-01T06:30:00Z".parse().expect("utc")),
            end: Until::Minutes(20),
            rrule: "FREQ=DAILY;INTERVAL=2;COUNT=3".into(),
        };
        let series = record.resolve(NEW_YORK).expect("resolves");
        // 06:30 UTC on the fall-back day is 01:30 EST, the second pass.
        assert_eq!(
            series.start_time,
            NaiveTime::from_hms_opt(1, 30, 0).unwrap()
        );
        assert_eq!(series.rule.end, SeriesEnd::Count(3));
        assert_eq!(series.minutes, 20);
    }

    #[test]
    fn what_cannot_be_kept_is_said() {
        let record = |rrule: &str, minutes| SeriesRecord {
            id: uuid::Uuid::nil(),
            start: When::ClinicLocal(at("2026-10-21 09:30")),
            end: Until::Minutes(minutes),
            rrule: rrule.into(),
        };
        let monthly = record("FREQ=MONTHLY;COUNT=3", 30).resolve(NEW_YORK);
        assert!(
            monthly.as_ref().is_err_and(|e| e.contains("FREQ=MONTHLY")),
            "{monthly:?}"
        );
        let until = record("FREQ=DAILY;UNTIL=soon", 30).resolve(NEW_YORK);
        assert!(
            until.as_ref().is_err_and(|e| e.contains("UNTIL \"soon\"")),
            "{until:?}"
        );
        let long = record("FREQ=DAILY;COUNT=2", 100_000).resolve(NEW_YORK);
        assert!(
            long.as_ref()
                .is_err_and(|e| e.contains("longer than an appointment may")),
            "{long:?}"
        );
        // The review's series: first date 2026-10-21, ending 2026-10-01 (UTC, and as a date).
        for rrule in [
            "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;UNTIL=20261001T000000Z",
            "FREQ=WEEKLY;BYDAY=WE;UNTIL=20261001",
        ] {
            let before = record(rrule, 30).resolve(NEW_YORK);
            assert!(
                before.as_ref().is_err_and(|e| e
                    .contains("the series ends on 2026-09-30, before its first date 2026-10-21")
                    || e.contains(
                        "the series ends on 2026-10-01, before its first date 2026-10-21"
                    )),
                "{before:?}"
            );
        }
        let far = record("FREQ=DAILY;UNTIL=99991231T000000Z", 30).resolve(NEW_YORK);
        assert!(far.as_ref().is_err_and(|e| e.contains("UNTIL")), "{far:?}");
        let backwards = record("FREQ=DAILY;COUNT=2", 0).resolve(NEW_YORK);
        assert!(
            backwards
                .as_ref()
                .is_err_and(|e| e.contains("ends before it starts")),
            "{backwards:?}"
        );
    }
}
