//! The VTIMEZONE of the clinic's zone, built from the tz database (chrono-tz) over the range
//! an export covers: the observance in force at its start, then one STANDARD or DAYLIGHT
//! observance per change of UTC offset inside it. No RRULEs: each change is written out, so a
//! reader needs no rule engine and the file stays right if a country changes its rules later.

use std::io;

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::ics_text::Lines;

/// The zone's offset at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Observed {
    /// Total offset from UTC in seconds.
    offset: i32,
    /// Daylight saving time is in force.
    dst: bool,
    /// The abbreviation, e.g. "EDT", when the tz database has a real one.
    name: Option<String>,
}

fn observed(zone: Tz, at: DateTime<Utc>) -> Observed {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc());
    Observed {
        offset: offset.fix().local_minus_utc(),
        dst: !offset.dst_offset().is_zero(),
        name: offset
            .abbreviation()
            .filter(|n| n.chars().all(|c| c.is_ascii_alphabetic()))
            .map(str::to_owned),
    }
}

/// A change of a zone's UTC offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The first instant of the new offset.
    pub at: DateTime<Utc>,
    /// The offset before, in seconds east of UTC.
    pub from: i32,
    /// The offset after.
    pub to: i32,
    /// Daylight saving time is in force after the change.
    pub dst: bool,
    /// The abbreviation after the change, when there is a real one.
    pub name: Option<String>,
}

/// How far apart two samples are when looking for changes; offsets in the tz database never
/// change twice within this.
const STEP: Duration = Duration::hours(12);

/// The changes of UTC offset in `zone` from `from` (exclusive) to `to` (inclusive).
pub fn transitions(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Transition> {
    let mut out = Vec::new();
    let mut t = from;
    let mut before = observed(zone, t);
    while t < to {
        let next = (t + STEP).min(to);
        let after = observed(zone, next);
        if after.offset != before.offset {
            // Bisect to the second: the first instant with the new offset.
            let (mut lo, mut hi) = (t.timestamp(), next.timestamp());
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                let at = DateTime::from_timestamp(mid, 0).unwrap_or(next);
                if observed(zone, at).offset == before.offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let at = DateTime::from_timestamp(hi, 0).unwrap_or(next);
            let now = observed(zone, at);
            out.push(Transition {
                at,
                from: before.offset,
                to: now.offset,
                dst: now.dst,
                name: now.name,
            });
        }
        before = after;
        t = next;
    }
    out
}

/// `+0530`, `-0400`, or `+013045` when there are seconds.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn observance(
    lines: &mut Lines<'_>,
    dst: bool,
    onset_local: &str,
    from: i32,
    to: i32,
    name: Option<&str>,
) -> io::Result<()> {
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    lines.begin(kind)?;
    lines.raw("DTSTART", &[], onset_local)?;
    lines.raw("TZOFFSETFROM", &[], &utc_offset(from))?;
    lines.raw("TZOFFSETTO", &[], &utc_offset(to))?;
    if let Some(name) = name {
        lines.text("TZNAME", &[], name)?;
    }
    lines.end(kind)
}

/// How far back to look for the change that set the offset in force at the range's start.
const LOOK_BACK: Duration = Duration::days(400);

/// Writes the VTIMEZONE for `zone` covering `from`..`to`.
pub fn write(
    lines: &mut Lines<'_>,
    zone: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> io::Result<()> {
    lines.begin("VTIMEZONE")?;
    lines.text("TZID", &[], zone.name())?;
    lines.text("X-LIC-LOCATION", &[], zone.name())?;
    // The onset of an observance is written in local time as it was before the change.
    let onset = |t: &Transition| {
        (t.at + Duration::seconds(i64::from(t.from)))
            .naive_utc()
            .format("%Y%m%dT%H%M%S")
            .to_string()
    };
    let earlier = transitions(zone, from - LOOK_BACK, from);
    match earlier.last() {
        Some(t) => observance(lines, t.dst, &onset(t), t.from, t.to, t.name.as_deref())?,
        None => {
            let now = observed(zone, from);
            observance(
                lines,
                now.dst,
                "19700101T000000",
                now.offset,
                now.offset,
                now.name.as_deref(),
            )?;
        }
    }
    for t in transitions(zone, from, to) {
        observance(lines, t.dst, &onset(&t), t.from, t.to, t.name.as_deref())?;
    }
    lines.end("VTIMEZONE")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .with_timezone(&Utc)
    }

    #[test]
    fn new_york_2026_changes_at_the_real_instants() {
        let found = transitions(
            chrono_tz::America::New_York,
            utc("2026-01-01T00:00:00Z"),
            utc("2027-01-01T00:00:00Z"),
        );
        assert_eq!(found.len(), 2);
        // 2026-03-08 02:00 EST = 07:00 UTC; 2026-11-01 02:00 EDT = 06:00 UTC.
        assert_eq!(found[0].at, utc("2026-03-08T07:00:00Z"));
        assert_eq!(
            (found[0].from, found[0].to, found[0].dst),
            (-18000, -14400, true)
        );
        assert_eq!(found[0].name.as_deref(), Some("EDT"));
        assert_eq!(found[1].at, utc("2026-11-01T06:00:00Z"));
        assert_eq!(
            (found[1].from, found[1].to, found[1].dst),
            (-14400, -18000, false)
        );
    }

    #[test]
    fn london_2026_and_kolkata_none() {
        let london = transitions(
            chrono_tz::Europe::London,
            utc("2026-06-01T00:00:00Z"),
            utc("2026-12-01T00:00:00Z"),
        );
        assert_eq!(london.len(), 1);
        assert_eq!(london[0].at, utc("2026-10-25T01:00:00Z"));
        assert!(
            transitions(
                chrono_tz::Asia::Kolkata,
                utc("2026-01-01T00:00:00Z"),
                utc("2027-12-31T00:00:00Z")
            )
            .is_empty()
        );
    }

    #[test]
    fn offsets_are_written_as_rfc_5545_wants() {
        assert_eq!(utc_offset(19800), "+0530");
        assert_eq!(utc_offset(-14400), "-0400");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-(3600 + 30 * 60 + 45)), "-013045");
    }
}
