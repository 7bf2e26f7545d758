//! Weekly hours in local wall time (opening hours, working hours), validated, and turned into
//! UTC intervals over a range of dates in the clinic's zone.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;

use super::model::Interval;
use super::time::lenient_instant;

/// A span of local wall time within one day, `[start, end)`, in minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DaySpan {
    /// Minutes after local midnight when the span starts.
    pub start_minute: u16,
    /// Minutes after local midnight when the span ends (up to 1440).
    pub end_minute: u16,
}

impl DaySpan {
    /// A span from `start` to `end`, both `HH:MM`-style minute counts; validated by
    /// [`WeeklyHours::new`].
    pub const fn new(start_minute: u16, end_minute: u16) -> Self {
        Self {
            start_minute,
            end_minute,
        }
    }

    /// A span between two wall times, e.g. 09:00 and 13:00.
    pub fn between(start: NaiveTime, end: NaiveTime) -> Self {
        use chrono::Timelike;
        let m = |t: NaiveTime| (t.hour() * 60 + t.minute()) as u16;
        Self::new(m(start), m(end))
    }
}

impl fmt::Display for DaySpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        write!(f, "{}–{}", hm(self.start_minute), hm(self.end_minute))
    }
}

/// Why a set of weekly hours was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// A span ends at or before its start.
    #[error(
        "{}",
        crate::t!(
            "core-hours-end-not-after-start",
            day = crate::i18n::dates::weekday_short(*day),
            span = span.to_string(),
        )
    )]
    EndNotAfterStart {
        /// The weekday.
        day: Weekday,
        /// The span.
        span: DaySpan,
    },
    /// A span runs past midnight.
    #[error(
        "{}",
        crate::t!(
            "core-hours-past-midnight",
            day = crate::i18n::dates::weekday_short(*day),
            span = span.to_string(),
        )
    )]
    PastMidnight {
        /// The weekday.
        day: Weekday,
        /// The span.
        span: DaySpan,
    },
    /// Two spans of one day overlap.
    #[error(
        "{}",
        crate::t!(
            "core-hours-overlap",
            day = crate::i18n::dates::weekday_short(*day),
            first = first.to_string(),
            second = second.to_string(),
        )
    )]
    Overlap {
        /// The weekday.
        day: Weekday,
        /// The earlier span.
        first: DaySpan,
        /// The span that overlaps it.
        second: DaySpan,
    },
}

/// Hours for each day of the week, several spans a day (e.g. 09:00–13:00 and 14:00–18:00).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Index 0 is Monday; spans sorted and non-overlapping.
    days: [Vec<DaySpan>; 7],
}

impl WeeklyHours {
    /// Builds weekly hours from `(weekday, span)` pairs, refusing bad spans with a clear reason.
    pub fn new(spans: impl IntoIterator<Item = (Weekday, DaySpan)>) -> Result<Self, HoursError> {
        let mut days: [Vec<DaySpan>; 7] = Default::default();
        for (day, span) in spans {
            if span.end_minute <= span.start_minute {
                return Err(HoursError::EndNotAfterStart { day, span });
            }
            if span.end_minute > 24 * 60 {
                return Err(HoursError::PastMidnight { day, span });
            }
            days[day.num_days_from_monday() as usize].push(span);
        }
        for (index, spans) in days.iter_mut().enumerate() {
            spans.sort();
            for pair in spans.windows(2) {
                if pair[1].start_minute < pair[0].end_minute {
                    return Err(HoursError::Overlap {
                        day: weekday_from_index(index),
                        first: pair[0],
                        second: pair[1],
                    });
                }
            }
        }
        Ok(Self { days })
    }

    /// The same spans on each of the given weekdays.
    pub fn same_each(days: &[Weekday], spans: &[DaySpan]) -> Result<Self, HoursError> {
        Self::new(
            days.iter()
                .flat_map(|d| spans.iter().map(move |s| (*d, *s))),
        )
    }

    /// Open around the clock, every day.
    pub fn always() -> Self {
        let spans = std::array::from_fn(|_| vec![DaySpan::new(0, 24 * 60)]);
        Self { days: spans }
    }

    /// The spans of one weekday, sorted.
    pub fn on(&self, day: Weekday) -> &[DaySpan] {
        &self.days[day.num_days_from_monday() as usize]
    }

    /// Every `(weekday, span)` pair, Monday first.
    pub fn iter(&self) -> impl Iterator<Item = (Weekday, DaySpan)> + '_ {
        self.days
            .iter()
            .enumerate()
            .flat_map(|(i, spans)| spans.iter().map(move |s| (weekday_from_index(i), *s)))
    }

    /// True when no day has any span.
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// The spans as UTC intervals for every local date from `first` to `last` inclusive, sorted
    /// and merged where they touch. Local times in a DST gap move to the first valid time.
    pub fn intervals(&self, zone: Tz, first: NaiveDate, last: NaiveDate) -> Vec<Interval> {
        let mut out: Vec<Interval> = Vec::new();
        let mut date = first;
        while date <= last {
            for span in self.on(date.weekday()) {
                let at = |minute: u16| {
                    if minute >= 24 * 60 {
                        let next = date.succ_opt().unwrap_or(date);
                        lenient_instant(zone, next.and_time(NaiveTime::MIN))
                    } else {
                        let t = NaiveTime::from_hms_opt(
                            u32::from(minute / 60),
                            u32::from(minute % 60),
                            0,
                        )
                        .unwrap_or(NaiveTime::MIN);
                        lenient_instant(zone, date.and_time(t))
                    }
                };
                let interval = Interval::new(at(span.start_minute), at(span.end_minute));
                if interval.end <= interval.start {
                    continue;
                }
                match out.last_mut() {
                    Some(last) if last.end >= interval.start => {
                        last.end = last.end.max(interval.end)
                    }
                    _ => out.push(interval),
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        out
    }
}

/// The days of the week, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn weekday_from_index(index: usize) -> Weekday {
    WEEKDAYS[index % 7]
}

/// True when `inner` is covered by the union of the sorted, merged `cover` intervals.
pub fn covered_by(inner: &Interval, cover: &[Interval]) -> bool {
    cover.iter().any(|c| c.contains(inner))
}

/// `free` minus every interval in `busy`: what remains, sorted. `busy` need not be sorted.
pub fn subtract(free: &[Interval], busy: &[Interval]) -> Vec<Interval> {
    let mut busy: Vec<Interval> = busy.to_vec();
    busy.sort();
    let mut out = Vec::with_capacity(free.len() + busy.len());
    for f in free {
        let mut cursor = f.start;
        for b in busy.iter().filter(|b| b.overlaps(f)) {
            if b.start > cursor {
                out.push(Interval::new(cursor, b.start));
            }
            cursor = cursor.max(b.end);
            if cursor >= f.end {
                break;
            }
        }
        if cursor < f.end {
            out.push(Interval::new(cursor, f.end));
        }
    }
    out
}

/// The instants covered by both sorted, merged lists.
pub fn intersect(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        if start < end {
            out.push(Interval::new(start, end));
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
