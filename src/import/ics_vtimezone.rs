//! A time zone as a file defines it in its own VTIMEZONE (RFC 5545 §3.6.5): the STANDARD and
//! DAYLIGHT observances, each with its onset, offsets, and a yearly RRULE or RDATEs. Outlook
//! and Exchange name their zones "Eastern Standard Time" or "(UTC+01:00) Brussels, Copenhagen,
//! Madrid, Paris", which are not in the tz database: such a zone is read through this
//! definition, never guessed from its name. Every number is checked; a definition that cannot
//! be read says which line and what is wrong.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::ics_read::{Component, Property, quoted, unescape_text};

/// The last year onsets are worked out for; appointments after it are refused anyway.
pub const LAST_YEAR: i32 = 2199;

/// At most this many observances in one VTIMEZONE (real ones have two, or a few dozen for a
/// zone's history).
const MAX_OBSERVANCES: usize = 400;

/// At most this many onsets in one zone from 1 AD to [`LAST_YEAR`].
const MAX_ONSETS: usize = 100_000;

/// How many months of yearly rules one file's zone definitions may make the reader look at:
/// Outlook's two rules from 1601 take about 1,200, a full tz history a few thousand. A
/// definition past it is refused, so no file keeps the import busy for long.
pub const MONTHS_BUDGET: u32 = 500_000;

/// A change of offset: from `at` (UTC seconds), the offset is `to`; before it, `from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Onset {
    at: i64,
    from: i32,
    to: i32,
}

/// A zone a file defines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefinedZone {
    /// Its TZID.
    pub name: String,
    /// Every onset, by instant.
    onsets: Vec<Onset>,
    /// Every offset the zone uses, in seconds east of UTC.
    offsets: Vec<i32>,
}

/// A wall time read in a defined zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallTime {
    /// It happens once, at this instant (UTC seconds).
    Once(i64),
    /// It happens twice (the clocks go back): the two instants, earlier first.
    Twice(i64, i64),
    /// It does not happen (the clocks go forward): the first wall time after the gap.
    Gap(NaiveDateTime),
}

/// `+0100`, `-0500`, `+053000`: seconds east of UTC, under 24 hours.
pub fn utc_offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |i: usize| digits.get(i..i + 2).and_then(|p| p.parse::<i32>().ok());
    let (h, m) = (part(0)?, part(2)?);
    let s = if digits.len() == 6 { part(4)? } else { 0 };
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60 + s))
}

/// `19701025T030000` (a VTIMEZONE's local times; any year from 1).
fn local_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let b = text.as_bytes();
    if b.len() != 15 || b[8] != b'T' {
        return None;
    }
    if !b[..8].iter().chain(&b[9..]).all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(4..6)?, n(6..8)?)?;
    let time = NaiveTime::from_hms_opt(n(9..11)?, n(11..13)?, n(13..15)?)?;
    (date.year() >= 1).then(|| date.and_time(time))
}

/// A yearly rule of an observance.
#[derive(Debug, Default)]
struct Yearly {
    interval: u32,
    months: Vec<u32>,
    /// (ordinal within the month, 0 for every one; weekday).
    days: Vec<(i32, Weekday)>,
    month_days: Vec<i32>,
    count: Option<u32>,
    /// UNTIL as a UTC instant (seconds) or a local wall time.
    until_utc: Option<i64>,
    until_local: Option<NaiveDateTime>,
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn number<T: std::str::FromStr + PartialOrd>(text: &str, lo: T, hi: T) -> Option<T> {
    let n: T = text.trim().parse().ok()?;
    (n >= lo && n <= hi).then_some(n)
}

fn list<T>(value: &str, item: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    value.split(',').map(|v| item(v.trim())).collect()
}

fn yearly(rule: &str) -> Result<Yearly, String> {
    let mut y = Yearly {
        interval: 1,
        ..Yearly::default()
    };
    let mut frequency = None;
    for part in rule.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| format!("\"{}\" is not a rule part such as BYMONTH=3", quoted(part)))?;
        let key = key.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        let bad = || format!("{}={} is out of range", quoted(&key), quoted(&value));
        match key.as_str() {
            "FREQ" => frequency = Some(value.clone()),
            "INTERVAL" => y.interval = number(&value, 1, 1000).ok_or_else(bad)?,
            "BYMONTH" => y.months = list(&value, |v| number(v, 1, 12)).ok_or_else(bad)?,
            "BYMONTHDAY" => {
                y.month_days =
                    list(&value, |v| number(v, -31, 31).filter(|d| *d != 0)).ok_or_else(bad)?;
            }
            "BYDAY" => {
                y.days = list(&value, |v| {
                    let split = v.len().checked_sub(2)?;
                    let (ordinal, day) = (v.get(..split)?, v.get(split..)?);
                    let ordinal = match ordinal {
                        "" => 0,
                        o => number(o, -5, 5).filter(|o| *o != 0)?,
                    };
                    Some((ordinal, weekday(day)?))
                })
                .ok_or_else(bad)?;
            }
            "COUNT" => y.count = Some(number(&value, 1, 100_000).ok_or_else(bad)?),
            "UNTIL" => {
                if let Some(utc) = value.strip_suffix('Z') {
                    let t = local_time(utc).ok_or_else(bad)?;
                    y.until_utc = Some(t.and_utc().timestamp());
                } else if value.len() == 8 {
                    let day = local_time(&format!("{value}T235959")).ok_or_else(bad)?;
                    y.until_local = Some(day);
                } else {
                    y.until_local = Some(local_time(&value).ok_or_else(bad)?);
                }
            }
            "WKST" => {}
            other => {
                return Err(format!(
                    "its RRULE uses {}, which Frontdesk does not read in a time zone (only FREQ=YEARLY with BYMONTH, BYDAY, BYMONTHDAY, INTERVAL, COUNT and UNTIL)",
                    quoted(other)
                ));
            }
        }
    }
    if frequency.as_deref() != Some("YEARLY") {
        return Err(format!(
            "its RRULE is not FREQ=YEARLY (\"{}\"): a time zone changes once a year",
            quoted(rule)
        ));
    }
    if y.months.is_empty() && y.days.iter().any(|(o, _)| *o != 0) {
        return Err("its RRULE counts weekdays in the year (BYDAY without BYMONTH), which Frontdesk does not read: name the month with BYMONTH".into());
    }
    Ok(y)
}

/// The dates of `month` in `year` the rule picks.
fn days_in_month(y: &Yearly, year: i32, month: u32, first: NaiveDate) -> Vec<NaiveDate> {
    let Some(start) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let all: Vec<NaiveDate> = start
        .iter_days()
        .take_while(|d| d.month() == month)
        .collect();
    let last = all.len() as i32;
    let by_month_day = |d: &NaiveDate| {
        y.month_days.is_empty()
            || y.month_days.iter().any(|&md| {
                let want = if md > 0 { md } else { last + 1 + md };
                d.day() as i32 == want
            })
    };
    if y.days.is_empty() {
        if y.month_days.is_empty() {
            return all.into_iter().filter(|d| d.day() == first.day()).collect();
        }
        return all.into_iter().filter(by_month_day).collect();
    }
    let mut out = Vec::new();
    for &(ordinal, day) in &y.days {
        let of_day: Vec<NaiveDate> = all.iter().copied().filter(|d| d.weekday() == day).collect();
        let picked: Vec<NaiveDate> = match ordinal {
            0 => of_day,
            o if o > 0 => of_day.get(o as usize - 1).copied().into_iter().collect(),
            o => of_day
                .len()
                .checked_sub(o.unsigned_abs() as usize)
                .and_then(|i| of_day.get(i).copied())
                .into_iter()
                .collect(),
        };
        out.extend(picked.into_iter().filter(by_month_day));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The local onsets of one observance: DTSTART, then the rule's, then its RDATEs.
fn observance_onsets(
    c: &Component,
    dtstart: NaiveDateTime,
    from: i32,
    budget: &mut u32,
) -> Result<Vec<NaiveDateTime>, String> {
    let mut out = vec![dtstart];
    let mut rules = c.all("RRULE");
    if let Some(rule) = rules.next() {
        if rules.next().is_some() {
            return Err("it has more than one RRULE".into());
        }
        let y = yearly(&rule.value)?;
        let months: Vec<u32> = if !y.months.is_empty() {
            y.months.clone()
        } else if y.month_days.is_empty() {
            vec![dtstart.month()]
        } else {
            (1..=12).collect()
        };
        let mut count = 1u32;
        let mut year = dtstart.year();
        'years: while year <= LAST_YEAR {
            for &month in &months {
                *budget = budget.checked_sub(1).ok_or_else(|| {
                    format!(
                        "the file's time zone rules would take more than {MONTHS_BUDGET} months to read: give fewer or shorter definitions"
                    )
                })?;
                for day in days_in_month(&y, year, month, dtstart.date()) {
                    let at = day.and_time(dtstart.time());
                    if at <= dtstart {
                        continue;
                    }
                    let past_until = y.until_local.is_some_and(|u| at > u)
                        || y.until_utc
                            .is_some_and(|u| at.and_utc().timestamp() - i64::from(from) > u);
                    if past_until || y.count.is_some_and(|n| count >= n) {
                        break 'years;
                    }
                    count += 1;
                    out.push(at);
                    if out.len() > MAX_ONSETS {
                        return Err(format!("its rule gives more than {MAX_ONSETS} changes"));
                    }
                }
            }
            year = match year.checked_add(y.interval as i32) {
                Some(next) => next,
                None => break,
            };
        }
    }
    for rdate in c.all("RDATE") {
        if rdate
            .param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("PERIOD"))
        {
            return Err("its RDATE is a PERIOD, which a time zone does not use".into());
        }
        for item in rdate.value.split(',') {
            let at = local_time(item).ok_or_else(|| {
                format!(
                    "RDATE \"{}\" is not a local time such as 20261025T030000",
                    quoted(item)
                )
            })?;
            out.push(at);
            if out.len() > MAX_ONSETS {
                return Err(format!("it lists more than {MAX_ONSETS} changes"));
            }
        }
    }
    Ok(out)
}

fn prop<'a>(c: &'a Component, name: &str) -> Result<&'a Property, String> {
    c.prop(name)
        .ok_or_else(|| format!("its {} at line {} has no {name}", c.name, c.line))
}

impl DefinedZone {
    /// Reads a VTIMEZONE component, spending at most `budget` months of yearly rules (shared
    /// by a file's definitions; see [`MONTHS_BUDGET`]); `Err` says what is wrong (without the
    /// line: the caller names the VTIMEZONE's).
    pub fn read(vtimezone: &Component, budget: &mut u32) -> Result<DefinedZone, String> {
        let name = vtimezone
            .prop("TZID")
            .map(|p| unescape_text(&p.value).trim().to_owned())
            .unwrap_or_default();
        let observances: Vec<&Component> = vtimezone
            .children
            .iter()
            .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
            .collect();
        if observances.is_empty() {
            return Err("it has no STANDARD or DAYLIGHT part, so it gives no offset".into());
        }
        if observances.len() > MAX_OBSERVANCES {
            return Err(format!(
                "it has {} observances, more than the {MAX_OBSERVANCES} Frontdesk reads",
                observances.len()
            ));
        }
        let mut onsets = Vec::new();
        let mut offsets = Vec::new();
        for c in observances {
            let offset = |name: &str| -> Result<i32, String> {
                let p = prop(c, name)?;
                utc_offset(&p.value).ok_or_else(|| {
                    format!(
                        "{name} \"{}\" at line {} is not an offset such as +0100 or -0500",
                        quoted(&p.value),
                        c.line
                    )
                })
            };
            let (from, to) = (offset("TZOFFSETFROM")?, offset("TZOFFSETTO")?);
            let start = prop(c, "DTSTART")?;
            let dtstart = local_time(&start.value).ok_or_else(|| {
                format!(
                    "DTSTART \"{}\" of its {} at line {} is not a local time such as 19701025T030000",
                    quoted(&start.value),
                    quoted(&c.name),
                    c.line
                )
            })?;
            for local in observance_onsets(c, dtstart, from, budget)
                .map_err(|e| format!("its {} at line {}: {e}", c.name, c.line))?
            {
                onsets.push(Onset {
                    at: local.and_utc().timestamp() - i64::from(from),
                    from,
                    to,
                });
                if onsets.len() > MAX_ONSETS {
                    return Err(format!("it gives more than {MAX_ONSETS} changes"));
                }
            }
            offsets.extend([from, to]);
        }
        onsets.sort_by_key(|o| o.at);
        offsets.sort_unstable();
        offsets.dedup();
        Ok(DefinedZone {
            name,
            onsets,
            offsets,
        })
    }

    /// The offset in force at `at` (UTC seconds).
    pub fn offset_at(&self, at: i64) -> i32 {
        let after = self.onsets.partition_point(|o| o.at <= at);
        match after.checked_sub(1).and_then(|i| self.onsets.get(i)) {
            Some(o) => o.to,
            None => self.onsets.first().map_or(0, |o| o.from),
        }
    }

    /// When a wall time happens in this zone.
    pub fn resolve(&self, wall: NaiveDateTime) -> WallTime {
        let local = wall.and_utc().timestamp();
        let mut found: Vec<i64> = self
            .offsets
            .iter()
            .map(|&o| local - i64::from(o))
            .filter(|&at| i64::from(self.offset_at(at)) == local - at)
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [once] => WallTime::Once(*once),
            [first, .., last] => WallTime::Twice(*first, *last),
            [] => {
                // The gap the wall time falls in: an onset that moves the clocks forward over it.
                let next = self
                    .onsets
                    .iter()
                    .filter(|o| o.to > o.from)
                    .find(|o| o.at + i64::from(o.from) <= local && local < o.at + i64::from(o.to))
                    .map(|o| o.at + i64::from(o.to));
                let next = next
                    .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                    .map(|t| t.naive_utc())
                    .or_else(|| wall.checked_add_signed(Duration::hours(1)))
                    .unwrap_or(wall);
                WallTime::Gap(next)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ics_read::parse;

    fn zone(text: &str) -> Result<DefinedZone, String> {
        let top = parse(text).expect("parses");
        let mut budget = MONTHS_BUDGET;
        DefinedZone::read(&top[0], &mut budget)
    }

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("wall time")
    }

    fn utc(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .timestamp()
    }

    /// As Outlook writes New York: onsets from 1601, the second Sunday of March and the first
    /// of November.
    const OUTLOOK_EASTERN: &str = "BEGIN:VTIMEZONE\r
TZID:Eastern Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T020000\r
TZOFFSETFROM:-0400\r
TZOFFSETTO:-0500\r
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010101T020000\r
TZOFFSETFROM:-0500\r
TZOFFSETTO:-0400\r
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3\r
END:DAYLIGHT\r
END:VTIMEZONE\r
";

    #[test]
    fn outlooks_eastern_time_gives_new_yorks_2026_changes() {
        let z = zone(OUTLOOK_EASTERN).expect("reads");
        assert_eq!(z.name, "Eastern Standard Time");
        assert_eq!(
            z.resolve(wall("2026-07-01 09:30")),
            WallTime::Once(utc("2026-07-01T13:30:00Z"))
        );
        assert_eq!(
            z.resolve(wall("2026-12-01 09:30")),
            WallTime::Once(utc("2026-12-01T14:30:00Z"))
        );
        assert_eq!(
            z.resolve(wall("2026-03-08 02:30")),
            WallTime::Gap(wall("2026-03-08 03:00"))
        );
        assert_eq!(
            z.resolve(wall("2026-11-01 01:30")),
            WallTime::Twice(utc("2026-11-01T05:30:00Z"), utc("2026-11-01T06:30:00Z"))
        );
        assert_eq!(z.offset_at(utc("2026-11-01T05:59:59Z")), -4 * 3600);
        assert_eq!(z.offset_at(utc("2026-11-01T06:00:00Z")), -5 * 3600);
    }

    #[test]
    fn brussels_by_last_sundays_and_rdates() {
        let text = "BEGIN:VTIMEZONE\r
TZID:(UTC+01:00) Brussels\\, Copenhagen\\, Madrid\\, Paris\r
BEGIN:STANDARD\r
DTSTART:16011028T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010325T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RDATE:20260329T020000,20270328T020000\r
END:DAYLIGHT\r
END:VTIMEZONE\r
";
        let z = zone(text).expect("reads");
        assert_eq!(z.name, "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris");
        // 2026: summer time from 29 March 02:00 to 25 October 03:00.
        assert_eq!(
            z.resolve(wall("2026-06-15 10:00")),
            WallTime::Once(utc("2026-06-15T08:00:00Z"))
        );
        assert_eq!(
            z.resolve(wall("2026-10-26 10:00")),
            WallTime::Once(utc("2026-10-26T09:00:00Z"))
        );
        assert_eq!(
            z.resolve(wall("2027-03-28 02:15")),
            WallTime::Gap(wall("2027-03-28 03:00"))
        );
    }

    #[test]
    fn bad_definitions_say_what_is_wrong() {
        let with = |observance: &str| {
            zone(&format!(
                "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\n{observance}END:STANDARD\r\nEND:VTIMEZONE\r\n"
            ))
        };
        let e = with("DTSTART:19700101T000000\r\nTZOFFSETFROM:+2500\r\nTZOFFSETTO:+0100\r\n")
            .expect_err("offset");
        assert!(e.contains("TZOFFSETFROM \"+2500\""), "{e}");
        let e = with("DTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=DAILY\r\n")
            .expect_err("daily");
        assert!(e.contains("FREQ=YEARLY"), "{e}");
        let e = with("DTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;COUNT=99999999999999999999\r\n")
            .expect_err("count");
        assert!(
            e.contains("COUNT=99999999999999999999 is out of range"),
            "{e}"
        );
        let e = with("DTSTART:99999999T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n")
            .expect_err("date");
        assert!(e.contains("is not a local time"), "{e}");
        let e = zone("BEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\n").expect_err("empty");
        assert!(e.contains("no STANDARD or DAYLIGHT"), "{e}");
    }

    #[test]
    fn many_long_rules_are_refused_before_they_take_long() {
        let observance = "BEGIN:DAYLIGHT\r\nDTSTART:00010101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=31;BYDAY=5SU\r\nEND:DAYLIGHT\r\n";
        let text = format!(
            "BEGIN:VTIMEZONE\r\nTZID:X\r\n{}END:VTIMEZONE\r\n",
            observance.repeat(MAX_OBSERVANCES)
        );
        let e = zone(&text).expect_err("too long to read");
        assert!(e.contains("more than 500000 months"), "{e}");
    }

    #[test]
    fn a_rule_from_year_one_stops_at_the_last_year() {
        let z = zone(
            "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:DAYLIGHT\r\nDTSTART:00010101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
        );
        // Every day for 2199 years is more than a time zone may have.
        assert!(z.is_err_and(|e| e.contains("more than")));
    }

    #[test]
    fn offsets() {
        assert_eq!(utc_offset("+0530"), Some(19800));
        assert_eq!(utc_offset("-013045"), Some(-(3600 + 30 * 60 + 45)));
        assert_eq!(utc_offset("+2400"), None);
        assert_eq!(utc_offset("0100"), None);
        assert_eq!(utc_offset("+१२३४"), None);
        assert_eq!(utc_offset("+99999999999"), None);
    }
}
