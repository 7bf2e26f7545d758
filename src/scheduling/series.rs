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
    #[error(
        "{}",
        crate::t!(
            "core-series-interval-out-of-range",
            interval = _0.to_string(),
            max = MAX_INTERVAL.to_string(),
        )
    )]
    IntervalOutOfRange(u32),
    /// A count of 0.
    #[error(
        "{}",
        crate::t!("core-series-count-zero", max = MAX_OCCURRENCES.to_string())
    )]
    CountZero,
    /// A count over the cap.
    #[error(
        "{}",
        crate::t!(
            "core-series-count-too-large",
            count = _0.to_string(),
            max = MAX_OCCURRENCES.to_string(),
        )
    )]
    CountTooLarge(u32),
    /// An end date that gives more occurrences than allowed.
    #[error(
        "{}",
        crate::t!("core-series-too-many", max = MAX_OCCURRENCES.to_string())
    )]
    TooMany,
    /// The end date is before the first date.
    #[error(
        "{}",
        crate::t!(
            "core-series-until-before-start",
            until = until.to_string(),
            start = start.to_string(),
        )
    )]
    UntilBeforeStart {
        /// The end date.
        until: NaiveDate,
        /// The first date.
        start: NaiveDate,
    },
    /// No date fits the rule.
    #[error(
        "{}",
        crate::t!(
            "core-series-no-occurrence",
            start = start.to_string(),
            until = until.to_string(),
        )
    )]
    NoOccurrence {
        /// The first date.
        start: NaiveDate,
        /// The end date.
        until: NaiveDate,
    },
    /// Weekdays were given for a daily series.
    #[error("{}", crate::t!("core-series-weekdays-on-daily"))]
    WeekdaysOnDaily,
    /// A part of the rule given twice (`count=2;count=5`): RFC 5545 allows each part once,
    /// and taking either would book what the receptionist did not read.
    #[error("{}", crate::t!("core-series-repeated-part", part = _0))]
    RepeatedPart(String),
    /// Both a count and an end date (`COUNT=2;UNTIL=20261215`): RFC 5545 forbids it, and the
    /// two would disagree on how many occurrences there are.
    #[error("{}", crate::t!("core-series-count-and-until"))]
    CountAndUntil,
    /// Rule text that cannot be read.
    #[error("{}", crate::t!("core-series-unreadable", problem = _0))]
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
                    "freq" => crate::t!("core-series-part-freq"),
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
            let unreadable = |problem: Unreadable| {
                let part = echo(part);
                RuleError::Unreadable(match problem {
                    Unreadable::NotANumber => {
                        crate::t!("core-series-part-not-a-number", part = part)
                    }
                    Unreadable::NumberOutOfRange(most) => crate::t!(
                        "core-series-part-number-out-of-range",
                        part = part,
                        max = most.to_string()
                    ),
                    Unreadable::NotAFrequency => {
                        crate::t!("core-series-part-not-a-frequency", part = part)
                    }
                    Unreadable::UnknownWeekday => {
                        crate::t!("core-series-part-unknown-weekday", part = part)
                    }
                    Unreadable::NotADate => crate::t!("core-series-part-not-a-date", part = part),
                    Unreadable::DateOutOfRange => crate::t!(
                        "core-series-part-date-out-of-range",
                        part = part,
                        first = FIRST_DATE.to_string(),
                        last = LAST_DATE.to_string()
                    ),
                    Unreadable::UnknownPart => {
                        crate::t!("core-series-part-unknown", part = part)
                    }
                })
            };
            // A whole number; digits too many for any count are out of range, not unreadable.
            // `validate` then says what 0 or a number over the limit means.
            let number = |most: u32| -> Result<u32, RuleError> {
                if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(unreadable(Unreadable::NotANumber));
                }
                value
                    .parse::<u32>()
                    .map_err(|_| unreadable(Unreadable::NumberOutOfRange(most)))
            };
            match key.as_str() {
                "freq" => {
                    frequency = Some(
                        Frequency::parse(value)
                            .ok_or_else(|| unreadable(Unreadable::NotAFrequency))?,
                    )
                }
                "interval" => interval = number(MAX_INTERVAL)?,
                "byday" => {
                    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                        let day = parse_byday(code)
                            .ok_or_else(|| unreadable(Unreadable::UnknownWeekday))?;
                        if !weekdays.contains(&day) {
                            weekdays.push(day);
                        }
                    }
                }
                "count" => end = Some(SeriesEnd::Count(number(MAX_OCCURRENCES)?)),
                "until" => {
                    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .or_else(|_| NaiveDate::parse_from_str(value, "%Y%m%d"))
                        .map_err(|_| unreadable(Unreadable::NotADate))?;
                    if !(FIRST_DATE..=LAST_DATE).contains(&date) {
                        return Err(unreadable(Unreadable::DateOutOfRange));
                    }
                    end = Some(SeriesEnd::Until(date))
                }
                _ => return Err(unreadable(Unreadable::UnknownPart)),
            }
        }
        let frequency = frequency.ok_or_else(|| {
            RuleError::Unreadable(crate::t!("core-series-no-frequency", rule = echo(text)))
        })?;
        let end = end.ok_or_else(|| {
            RuleError::Unreadable(crate::t!("core-series-no-end", rule = echo(text)))
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
        let mut rule = match self.frequency {
            Frequency::Daily => crate::t!("core-series-every-day", interval = self.interval),
            Frequency::Weekly => crate::t!("core-series-every-week", interval = self.interval),
        };
        if self.frequency == Frequency::Weekly && !self.weekdays.is_empty() {
            let days: Vec<String> = WEEKDAYS
                .into_iter()
                .filter(|d| self.weekdays.contains(d))
                .map(crate::i18n::dates::weekday_short)
                .collect();
            rule = crate::t!("core-series-on-days", rule = rule, days = and_list(&days));
        }
        f.write_str(&match self.end {
            SeriesEnd::Count(n) => crate::t!("core-series-times", rule = rule, count = n),
            SeriesEnd::Until(d) => crate::t!(
                "core-series-until",
                rule = rule,
                date = d.format("%Y-%m-%d").to_string()
            ),
        })
    }
}

/// "Mon", "Mon and Tue", "Mon, Tue and Thu", in the desk's language.
pub fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            crate::t!("core-list-and", rest = rest.join(", "), last = last)
        }
        _ => items.join(""),
    }
}

/// Why one part of a typed rule cannot be read: the message says it with the part quoted.
enum Unreadable {
    NotANumber,
    NumberOutOfRange(u32),
    NotAFrequency,
    UnknownWeekday,
    NotADate,
    DateOutOfRange,
    UnknownPart,
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
