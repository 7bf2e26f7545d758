//! A time zone as a file defines it in its own VTIMEZONE (RFC 5545 §3.6.5): the STANDARD and
//! DAYLIGHT observances, each with its onset, offsets, and a yearly RRULE or RDATEs. Outlook
//! and Exchange name their zones "Eastern Standard Time" or "(UTC+01:00) Brussels, Copenhagen,
//! Madrid, Paris", which are not in the tz database: such a zone is read through this
//! definition, never guessed from its name. Every number is checked; a definition that cannot
//! be read says which line and what is wrong.
//!
//! Reading costs time in proportion to the file, whatever it says: a rule's lists are read
//! once and without repeats (at most 12 months, 77 weekday entries and 62 month days), each
//! month costs at most one step per entry, only the years the file's own times fall in are
//! worked out (with the last change before them), and every step is counted against
//! [`WORK_BUDGET`], shared by a file's definitions.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::ics_read::{Component, Property, quoted, unescape_text};

/// The last year onsets are worked out for; appointments after it are refused anyway.
pub const LAST_YEAR: i32 = 2199;

/// At most this many observances in one VTIMEZONE (real ones have two, or a few dozen for a
/// zone's history).
const MAX_OBSERVANCES: usize = 400;

/// At most this many onsets in one zone from 1 AD to [`LAST_YEAR`].
const MAX_ONSETS: usize = 100_000;

/// How many steps one file's zone definitions may take to read: a step for each month of a
/// yearly rule looked at, each BYDAY and BYMONTHDAY entry tried in it, and each change found.
/// Outlook's two rules from 1601 take a few dozen steps for a year of appointments (their
/// onsets are worked out only around the file's own times), a full tz history a few thousand
/// more. A file past it is refused, so no file keeps the import busy for long.
pub const WORK_BUDGET: u32 = 2_000_000;

/// How many years back the last change before the file's times is looked for: the calendar
/// repeats every 400 years, so a yearly rule that gave no change in 400 of its years before
/// them gave none earlier either.
const YEARS_BACK: i32 = 400;

/// Seconds in a day: every offset is under it.
const DAY_SECONDS: i64 = 86_400;

/// How many changes near a wall time in a gap are looked at for the end of the gap.
const MAX_NEAR_ONSETS: usize = 64;

/// Spends `steps` of `budget`, or says the file's zones would take too long to read.
fn spend(budget: &mut u32, steps: u32) -> Result<(), String> {
    *budget = budget.checked_sub(steps).ok_or_else(|| {
        format!(
            "the file's time zone rules would take more than {WORK_BUDGET} steps to read: give fewer or shorter definitions"
        )
    })?;
    Ok(())
}

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
    /// Every onset that matters for the years it was read for, by instant.
    onsets: Vec<Onset>,
    /// Every offset the zone uses, in seconds east of UTC.
    offsets: Vec<i32>,
    /// The years it was read for: wall times in them are read right.
    years: std::ops::RangeInclusive<i32>,
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

/// A yearly rule of an observance. Its lists are sorted and hold each entry once.
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

/// A rule's list, each entry once, in the order of `slot` (a small index for each possible
/// entry, below `slots`): repeats cost their reading and nothing after it.
fn list<T>(
    value: &str,
    slots: usize,
    slot: impl Fn(&T) -> usize,
    item: impl Fn(&str) -> Option<T>,
) -> Option<Vec<T>> {
    let mut seen: Vec<Option<T>> = std::iter::repeat_with(|| None).take(slots).collect();
    for v in value.split(',') {
        let t = item(v.trim())?;
        let at = seen.get_mut(slot(&t))?;
        *at = Some(t);
    }
    Some(seen.into_iter().flatten().collect())
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
            "BYMONTH" => {
                y.months =
                    list(&value, 13, |m| *m as usize, |v| number(v, 1, 12)).ok_or_else(bad)?;
            }
            "BYMONTHDAY" => {
                y.month_days = list(
                    &value,
                    63,
                    |d: &i32| (d + 31) as usize,
                    |v| number(v, -31, 31).filter(|d| *d != 0),
                )
                .ok_or_else(bad)?;
            }
            "BYDAY" => {
                let slot = |(o, d): &(i32, Weekday)| {
                    (o + 5) as usize * 7 + d.num_days_from_monday() as usize
                };
                y.days = list(&value, 77, slot, |v| {
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

/// How many days `month` of `year` has (0 for a month that is not one).
fn month_length(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if NaiveDate::from_ymd_opt(year, 2, 29).is_some() => 29,
        2 => 28,
        _ => 0,
    }
}

/// The days of `month` in `year` the rule picks, as bits (bit 1 for the 1st …), at one step
/// of `budget` for the month and one for each BYDAY and BYMONTHDAY entry.
fn days_in_month(
    y: &Yearly,
    year: i32,
    month: u32,
    first: NaiveDate,
    budget: &mut u32,
) -> Result<u64, String> {
    let steps = 1 + y.days.len() + y.month_days.len();
    spend(budget, u32::try_from(steps).unwrap_or(u32::MAX))?;
    let Some(start) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Ok(0);
    };
    let length = month_length(year, month);
    let every_day: u64 = ((1u64 << length) - 1) << 1;
    let mut allowed = if y.month_days.is_empty() {
        every_day
    } else {
        0
    };
    for &md in &y.month_days {
        let day = if md > 0 { md } else { length as i32 + 1 + md };
        if (1..=length as i32).contains(&day) {
            allowed |= 1 << day;
        }
    }
    if y.days.is_empty() {
        return Ok(if y.month_days.is_empty() {
            every_day & (1 << first.day())
        } else {
            allowed
        });
    }
    let first_weekday = start.weekday().num_days_from_monday();
    let mut picked = 0u64;
    for &(ordinal, weekday) in &y.days {
        // The first such weekday of the month, and how many the month has.
        let d0 = 1 + (weekday.num_days_from_monday() + 7 - first_weekday) % 7;
        let count = (length - d0) / 7 + 1;
        let nth = |n: u32| 1u64 << (d0 + 7 * (n - 1));
        match ordinal {
            0 => (1..=count).for_each(|n| picked |= nth(n)),
            o if o > 0 && o.unsigned_abs() <= count => picked |= nth(o.unsigned_abs()),
            o if o < 0 && o.unsigned_abs() <= count => {
                picked |= nth(count + 1 - o.unsigned_abs());
            }
            _ => {}
        }
    }
    Ok(picked & allowed)
}

/// The local onsets a rule gives in `year`, in order, after `dtstart`.
fn year_onsets(
    y: &Yearly,
    months: &[u32],
    year: i32,
    dtstart: NaiveDateTime,
    budget: &mut u32,
) -> Result<Vec<NaiveDateTime>, String> {
    let mut out = Vec::new();
    for &month in months {
        let days = days_in_month(y, year, month, dtstart.date(), budget)?;
        for day in (1..=31u32).filter(|d| days & (1 << d) != 0) {
            let Some(at) =
                NaiveDate::from_ymd_opt(year, month, day).map(|d| d.and_time(dtstart.time()))
            else {
                continue;
            };
            if at > dtstart {
                spend(budget, 1)?;
                out.push(at);
            }
        }
    }
    Ok(out)
}

/// The local onsets of one observance that matter for wall times in `years`: DTSTART, the
/// rule's in those years (and the year either side), the rule's last one before them, and
/// its RDATEs. A rule with COUNT is counted from its start, up to the end of `years`.
fn observance_onsets(
    c: &Component,
    dtstart: NaiveDateTime,
    from: i32,
    years: &std::ops::RangeInclusive<i32>,
    budget: &mut u32,
) -> Result<Vec<NaiveDateTime>, String> {
    let mut out = vec![dtstart];
    let too_many = |out: &Vec<NaiveDateTime>| {
        (out.len() > MAX_ONSETS).then(|| format!("its rule gives more than {MAX_ONSETS} changes"))
    };
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
        let past_until = |at: NaiveDateTime| {
            y.until_local.is_some_and(|u| at > u)
                || y.until_utc
                    .is_some_and(|u| at.and_utc().timestamp() - i64::from(from) > u)
        };
        // Years are at most a few thousand and the interval at most 1,000: no sum overflows.
        let interval = i32::try_from(y.interval).unwrap_or(1).max(1);
        let start_year = dtstart.year();
        let last = years.end().saturating_add(1).min(LAST_YEAR);
        if let Some(count) = y.count {
            let mut n = 1u32;
            let mut year = start_year;
            'counted: while year <= last {
                for at in year_onsets(&y, &months, year, dtstart, budget)? {
                    if past_until(at) || n >= count {
                        break 'counted;
                    }
                    n += 1;
                    out.push(at);
                    if let Some(e) = too_many(&out) {
                        return Err(e);
                    }
                }
                year += interval;
            }
        } else {
            // The rule's first year from the year before the file's first.
            let wanted = years.start().saturating_sub(1).max(start_year);
            let first = start_year + (wanted - start_year + interval - 1) / interval * interval;
            let mut year = first;
            'forward: while year <= last {
                for at in year_onsets(&y, &months, year, dtstart, budget)? {
                    if past_until(at) {
                        break 'forward;
                    }
                    out.push(at);
                    if let Some(e) = too_many(&out) {
                        return Err(e);
                    }
                }
                year += interval;
            }
            // The last change before them: back from the rule's last year before `first`
            // (and not after UNTIL's).
            let until_year = y.until_local.map(|u| u.year()).or_else(|| {
                y.until_utc
                    .and_then(|u| chrono::DateTime::from_timestamp(u, 0))
                    .map(|u| u.year())
            });
            let mut back = first - interval;
            if let Some(u) = until_year.filter(|u| *u < back) {
                back = start_year + (u - start_year).div_euclid(interval) * interval;
            }
            for _ in 0..YEARS_BACK {
                if back < start_year {
                    break;
                }
                let before = year_onsets(&y, &months, back, dtstart, budget)?
                    .into_iter()
                    .rfind(|at| !past_until(*at));
                if let Some(at) = before {
                    out.push(at);
                    break;
                }
                back -= interval;
            }
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
    /// Reads a VTIMEZONE component for wall times in `years` (the years a file's own times
    /// fall in), spending at most `budget` steps (shared by a file's definitions; see
    /// [`WORK_BUDGET`]); `Err` says what is wrong (without the line: the caller names the
    /// VTIMEZONE's).
    pub fn read(
        vtimezone: &Component,
        years: std::ops::RangeInclusive<i32>,
        budget: &mut u32,
    ) -> Result<DefinedZone, String> {
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
            for local in observance_onsets(c, dtstart, from, &years, budget)
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
            years,
        })
    }

    /// Whether wall times in `year` are read right: it is one of the years the zone was read
    /// for.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
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
                // Offsets are under a day, so it is within a day of the wall time; a definition
                // that crowds more than a few changes there gets the hour after.
                let near = self.onsets.partition_point(|o| o.at < local - DAY_SECONDS);
                let next = self.onsets[near..]
                    .iter()
                    .take_while(|o| o.at <= local + DAY_SECONDS)
                    .take(MAX_NEAR_ONSETS)
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
        let mut budget = WORK_BUDGET;
        DefinedZone::read(&top[0], 1900..=LAST_YEAR, &mut budget)
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
        assert!(e.contains("more than 2000000 steps"), "{e}");
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
