//! Recurring appointments: a series rule (every N days, or every N weeks on chosen weekdays;
//! until a date or a count) and its expansion into occurrences that keep their clinic-local
//! wall time across DST changes. Each occurrence is its wall time resolved in the clinic's zone
//! on its own date, so a gap or a fold on one date is that occurrence's alone. The rule maps one
//! to one onto RFC 5545 RRULE (FREQ=DAILY/WEEKLY, INTERVAL, BYDAY, UNTIL/COUNT; weeks start on
//! Monday).

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::conflict::{LocalPlan, plan_local};
use super::hours::WEEKDAYS;
use super::time::{FIRST_DATE, LAST_DATE, echo, lenient_instant};

mod change;
pub use change::{
    MAX_SHIFT_DAYS, OccurrenceDecision, OnConflict, Split, SplitError, blocks, decide_occurrence,
    split,
};

/// Identifies a series of appointments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesId(pub uuid::Uuid);

impl fmt::Display for SeriesId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The most occurrences one series may have: two years of weekly visits. A longer course is
/// booked as a second series later.
pub const MAX_OCCURRENCES: u32 = 104;

/// The longest gap between repeats: every 52 days or every 52 weeks.
pub const MAX_INTERVAL: u32 = 52;

/// How often a series repeats (RRULE FREQ).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frequency {
    /// Every N days.
    Daily,
    /// Every N weeks, on chosen weekdays.
    Weekly,
}

impl Frequency {
    /// The RRULE FREQ value, also used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "DAILY",
            Frequency::Weekly => "WEEKLY",
        }
    }

    /// Parses [`Frequency::as_str`] (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "DAILY" => Some(Frequency::Daily),
            "WEEKLY" => Some(Frequency::Weekly),
            _ => None,
        }
    }
}

/// When a series stops (RRULE UNTIL or COUNT).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeriesEnd {
    /// The last date that may have an occurrence, clinic-local, inclusive.
    Until(NaiveDate),
    /// How many occurrences, the first included.
    Count(u32),
}

/// A series rule: how often, on which weekdays, and until when.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SeriesRule {
    /// Daily or weekly.
    pub frequency: Frequency,
    /// Every this many days or weeks (RRULE INTERVAL), 1 to [`MAX_INTERVAL`].
    pub interval: u32,
    /// For weekly series, the weekdays (RRULE BYDAY); empty means the first date's weekday.
    /// Daily series have none.
    pub weekdays: Vec<Weekday>,
    /// Until a date or a count.
    pub end: SeriesEnd,
}

/// Why a series rule was refused. Each message says how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The interval is 0 or too large.
    #[error("repeat every {0}: give a number from 1 to {MAX_INTERVAL}")]
    IntervalOutOfRange(u32),
    /// A count of 0.
    #[error("a series needs at least 1 occurrence: give a count from 1 to {MAX_OCCURRENCES}")]
    CountZero,
    /// A count over the cap.
    #[error(
        "{0} occurrences is more than the most a series may have, {MAX_OCCURRENCES} (two years of weekly visits): give a smaller count, and book a second series later if needed"
    )]
    CountTooLarge(u32),
    /// An end date that gives more occurrences than allowed.
    #[error(
        "this series would have more than {MAX_OCCURRENCES} occurrences (two years of weekly visits) before its end date: end it sooner, and book a second series later if needed"
    )]
    TooMany,
    /// The end date is before the first date.
    #[error("the series ends on {until}, before its first date {start}: choose a later end date")]
    UntilBeforeStart {
        /// The end date.
        until: NaiveDate,
        /// The first date.
        start: NaiveDate,
    },
    /// No date fits the rule.
    #[error(
        "no date from {start} to {until} falls on the chosen weekdays: choose other weekdays or a later end date"
    )]
    NoOccurrence {
        /// The first date.
        start: NaiveDate,
        /// The end date.
        until: NaiveDate,
    },
    /// Weekdays were given for a daily series.
    #[error("weekdays go with weekly series: choose \"weekly\" to repeat on chosen weekdays")]
    WeekdaysOnDaily,
    /// A part of the rule given twice (`count=2;count=5`): RFC 5545 allows each part once,
    /// and taking either would book what the receptionist did not read.
    #[error("the rule gives {0} twice: give each part once")]
    RepeatedPart(String),
    /// Both a count and an end date (`COUNT=2;UNTIL=20261215`): RFC 5545 forbids it, and the
    /// two would disagree on how many occurrences there are.
    #[error(
        "the rule gives both a count and an end date: a series ends after a number of occurrences (count=N) or on a date (until=DATE), not both"
    )]
    CountAndUntil,
    /// Rule text that cannot be read.
    #[error(
        "{0}: write the rule as e.g. weekly;interval=1;byday=TU,TH;count=10 or daily;interval=2;until=2027-01-31"
    )]
    Unreadable(String),
}

impl SeriesRule {
    /// Checks the rule's own parts (not yet against a first date).
    pub fn validate(&self) -> Result<(), RuleError> {
        if self.interval == 0 || self.interval > MAX_INTERVAL {
            return Err(RuleError::IntervalOutOfRange(self.interval));
        }
        if self.frequency == Frequency::Daily && !self.weekdays.is_empty() {
            return Err(RuleError::WeekdaysOnDaily);
        }
        match self.end {
            SeriesEnd::Count(0) => Err(RuleError::CountZero),
            SeriesEnd::Count(n) if n > MAX_OCCURRENCES => Err(RuleError::CountTooLarge(n)),
            _ => Ok(()),
        }
    }

    /// The weekdays a weekly series starting on `start` falls on, Monday first.
    pub fn days_for(&self, start: NaiveDate) -> Vec<Weekday> {
        if self.frequency == Frequency::Daily {
            return Vec::new();
        }
        let chosen: Vec<Weekday> = WEEKDAYS
            .into_iter()
            .filter(|d| self.weekdays.contains(d))
            .collect();
        if chosen.is_empty() {
            vec![start.weekday()]
        } else {
            chosen
        }
    }

    /// Checks the rule ([`SeriesRule::validate`]) for a series whose first date is `start`: an
    /// end date before it is refused. Every series is held to this, however it comes (booked
    /// with `--repeat`, or imported), through [`SeriesRule::dates`] or directly.
    pub fn check_start(&self, start: NaiveDate) -> Result<(), RuleError> {
        self.validate()?;
        if let SeriesEnd::Until(until) = self.end
            && until < start
        {
            return Err(RuleError::UntilBeforeStart { until, start });
        }
        Ok(())
    }

    /// The occurrence dates from `start` (inclusive), at most [`MAX_OCCURRENCES`].
    pub fn dates(&self, start: NaiveDate) -> Result<Vec<NaiveDate>, RuleError> {
        self.check_start(start)?;
        let mut out = Vec::new();
        let push = |date: NaiveDate, out: &mut Vec<NaiveDate>| -> Result<bool, RuleError> {
            match self.end {
                SeriesEnd::Until(until) if date > until => return Ok(false),
                SeriesEnd::Count(n) if out.len() as u32 >= n => return Ok(false),
                _ => {}
            }
            if out.len() as u32 >= MAX_OCCURRENCES {
                return Err(RuleError::TooMany);
            }
            out.push(date);
            Ok(true)
        };
        // Dates near the end of the calendar end the series instead of overflowing: the sums
        // are checked, and at most MAX_OCCURRENCES steps are taken.
        let step = Days::new(u64::from(self.interval));
        match self.frequency {
            Frequency::Daily => {
                let mut date = Some(start);
                while let Some(d) = date
                    && push(d, &mut out)?
                {
                    date = d.checked_add_days(step);
                }
            }
            Frequency::Weekly => {
                let days = self.days_for(start);
                let week_step = Days::new(7 * u64::from(self.interval));
                let mut monday = start
                    .checked_sub_days(Days::new(u64::from(start.weekday().num_days_from_monday())));
                'weeks: while let Some(this_monday) = monday {
                    for day in &days {
                        let Some(date) = this_monday
                            .checked_add_days(Days::new(u64::from(day.num_days_from_monday())))
                        else {
                            break 'weeks;
                        };
                        if date < start {
                            continue;
                        }
                        if !push(date, &mut out)? {
                            break 'weeks;
                        }
                    }
                    monday = this_monday.checked_add_days(week_step);
                }
            }
        }
        if out.is_empty() {
            let until = match self.end {
                SeriesEnd::Until(until) => until,
                SeriesEnd::Count(_) => start,
            };
            return Err(RuleError::NoOccurrence { start, until });
        }
        Ok(out)
    }

    /// The rule as an RFC 5545 RRULE value for a series in `zone` whose occurrences start at
    /// `time`: UNTIL is given in UTC (as RFC 5545 requires with a TZID start), at the last
    /// occurrence's start on the end date, so that date is included.
    pub fn rrule(&self, zone: Tz, time: NaiveTime, start: NaiveDate) -> String {
        let mut parts = vec![
            format!("FREQ={}", self.frequency.as_str()),
            format!("INTERVAL={}", self.interval),
        ];
        if self.frequency == Frequency::Weekly {
            let days: Vec<&str> = self.days_for(start).into_iter().map(byday).collect();
            parts.push(format!("BYDAY={}", days.join(",")));
        }
        match self.end {
            SeriesEnd::Count(n) => parts.push(format!("COUNT={n}")),
            SeriesEnd::Until(until) => {
                let at = lenient_instant(zone, until.and_time(time));
                parts.push(format!(
                    "UNTIL={}",
                    Utc.from_utc_datetime(&at.naive_utc())
                        .format("%Y%m%dT%H%M%SZ")
                ));
            }
        }
        parts.join(";")
    }

    /// Reads a rule typed on the command line: `weekly;interval=1;byday=TU,TH;count=10`, or the
    /// RRULE form `FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=10`. UNTIL is a date
    /// (`2027-01-31` or `20270131`). As RFC 5545 says, each part may be given once, and a rule
    /// ends by COUNT or by UNTIL, not both; an end date before the first date is refused when
    /// the rule meets its first date ([`SeriesRule::dates`]). Every way a rule is typed or read
    /// (the command line, our own iCalendar series on import) comes through here.
    pub fn parse(text: &str) -> Result<SeriesRule, RuleError> {
        let mut frequency = None;
        let mut interval = 1;
        let mut weekdays = Vec::new();
        let mut end = None;
        let mut given: Vec<String> = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = match part.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), v.trim()),
                None => ("freq".to_owned(), part),
            };
            if given.contains(&key) {
                let what = match key.as_str() {
                    "freq" => "how often (daily or weekly)".to_owned(),
                    other => other.to_owned(),
                };
                return Err(RuleError::RepeatedPart(what));
            }
            if (key == "count" && given.iter().any(|k| k == "until"))
                || (key == "until" && given.iter().any(|k| k == "count"))
            {
                return Err(RuleError::CountAndUntil);
            }
            given.push(key.clone());
            let unreadable =
                |what: &str| RuleError::Unreadable(format!("\"{}\" {what}", echo(part)));
            // A whole number; digits too many for any count are out of range, not unreadable.
            // `validate` then says what 0 or a number over the limit means.
            let number = |most: u32| -> Result<u32, RuleError> {
                if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(unreadable("is not a whole number"));
                }
                value
                    .parse::<u32>()
                    .map_err(|_| unreadable(&format!("is out of range: give 1 to {most}")))
            };
            match key.as_str() {
                "freq" => {
                    frequency = Some(
                        Frequency::parse(value)
                            .ok_or_else(|| unreadable("is not daily or weekly"))?,
                    )
                }
                "interval" => interval = number(MAX_INTERVAL)?,
                "byday" => {
                    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                        let day = parse_byday(code).ok_or_else(|| {
                            unreadable("names an unknown weekday (use MO, TU, WE, TH, FR, SA, SU)")
                        })?;
                        if !weekdays.contains(&day) {
                            weekdays.push(day);
                        }
                    }
                }
                "count" => end = Some(SeriesEnd::Count(number(MAX_OCCURRENCES)?)),
                "until" => {
                    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .or_else(|_| NaiveDate::parse_from_str(value, "%Y%m%d"))
                        .map_err(|_| unreadable("is not a date (YYYY-MM-DD)"))?;
                    if !(FIRST_DATE..=LAST_DATE).contains(&date) {
                        return Err(unreadable(&format!(
                            "is out of range: give a date from {FIRST_DATE} to {LAST_DATE}"
                        )));
                    }
                    end = Some(SeriesEnd::Until(date))
                }
                _ => return Err(unreadable("is not a part of a rule")),
            }
        }
        let frequency = frequency.ok_or_else(|| {
            RuleError::Unreadable(format!("\"{}\" says neither daily nor weekly", echo(text)))
        })?;
        let end = end.ok_or_else(|| {
            RuleError::Unreadable(format!(
                "\"{}\" has no end (count=N or until=DATE)",
                echo(text)
            ))
        })?;
        let rule = SeriesRule {
            frequency,
            interval,
            weekdays,
            end,
        };
        rule.validate()?;
        Ok(rule)
    }
}

impl fmt::Display for SeriesRule {
    /// In words: "every week on Tue and Thu, 10 times", "every 3 days until 2027-01-31".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.frequency {
            Frequency::Daily => "day",
            Frequency::Weekly => "week",
        };
        if self.interval == 1 {
            write!(f, "every {unit}")?;
        } else {
            write!(f, "every {} {unit}s", self.interval)?;
        }
        if self.frequency == Frequency::Weekly && !self.weekdays.is_empty() {
            let days: Vec<String> = WEEKDAYS
                .into_iter()
                .filter(|d| self.weekdays.contains(d))
                .map(|d| d.to_string())
                .collect();
            let list = match days.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => days.join(""),
            };
            write!(f, " on {list}")?;
        }
        match self.end {
            SeriesEnd::Count(1) => write!(f, ", once"),
            SeriesEnd::Count(n) => write!(f, ", {n} times"),
            SeriesEnd::Until(d) => write!(f, " until {}", d.format("%Y-%m-%d")),
        }
    }
}

/// The RFC 5545 two-letter code of a weekday (MO … SU).
pub fn byday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Reads an RFC 5545 weekday code (any case).
pub fn parse_byday(code: &str) -> Option<Weekday> {
    WEEKDAYS
        .into_iter()
        .find(|d| byday(*d).eq_ignore_ascii_case(code.trim()))
}

/// One occurrence of a series: its own local date and wall time, resolved in the zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    /// The local date the rule gives it (iCalendar RECURRENCE-ID): it stays its name when the
    /// occurrence alone is moved.
    pub date: NaiveDate,
    /// The wall time, the series' time on that date.
    pub wall: chrono::NaiveDateTime,
    /// The interval, unless the wall time does not exist that day, and its DST notice or refusal.
    pub plan: LocalPlan,
}

/// The occurrences of `rule` from `start`, each at the wall time `time` on its own date and
/// `minutes` long, resolved in `zone` under the DST policy (a gap refuses that occurrence and
/// names the next valid time; a fold takes the earlier instant and says so).
pub fn expand(
    rule: &SeriesRule,
    start: NaiveDate,
    time: NaiveTime,
    minutes: i64,
    zone: Tz,
) -> Result<Vec<Occurrence>, RuleError> {
    Ok(rule
        .dates(start)?
        .into_iter()
        .map(|date| {
            let wall = date.and_time(time);
            Occurrence {
                date,
                wall,
                plan: plan_local(zone, wall, minutes),
            }
        })
        .collect())
}
