//! Weekly hours as staff type them, one line per weekday: `09:00–13:00, 14:00–18:00`, `9 to 5`
//! or `9am-5pm`, or empty (or "closed") for a day off. Parsed with errors that say what to fix, and written back the
//! same way, so what a form shows is what it saves.

use chrono::Weekday;

use super::hours::{DaySpan, WEEKDAYS, WeeklyHours};
use super::setup_rules::{Field, Invalid, SetupError};
use super::time::echo;

/// Words that mean "no hours that day".
const CLOSED_WORDS: [&str; 5] = ["closed", "off", "none", "-", "–"];

/// The spans of one day as text: `09:00–13:00, 14:00–18:00`; empty for a day off.
pub fn format_day(spans: &[DaySpan]) -> String {
    spans
        .iter()
        .map(DaySpan::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text of every weekday, Monday first.
pub fn week_texts(hours: &WeeklyHours) -> [String; 7] {
    WEEKDAYS.map(|day| format_day(hours.on(day)))
}

/// Reads a time of day as minutes after midnight: `9`, `09`, `9:30`, `09:30`, `9.30`, `24:00`,
/// and with `am` or `pm` after it (`9am`, `5:30 pm`, `12pm` is noon, `12am` midnight).
pub fn parse_clock(text: &str) -> Result<u16, SetupError> {
    let bad = || SetupError::BadTime {
        text: echo(text.trim()),
    };
    let (t, meridiem) = split_meridiem(text.trim());
    let (hours, minutes) = match t.split_once([':', '.', 'h']) {
        Some((h, m)) => (h, m),
        None => (t, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hours) || !digits(minutes) || (t.contains([':', '.', 'h']) && minutes.len() != 2) {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (
        hours.parse().map_err(|_| bad())?,
        minutes.parse().map_err(|_| bad())?,
    );
    let h = match meridiem {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return Err(bad()),
        Some(Meridiem::Am) => h % 12,
        Some(Meridiem::Pm) => h % 12 + 12,
    };
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// Morning or afternoon, as `am` and `pm` after a time say.
#[derive(Clone, Copy)]
enum Meridiem {
    Am,
    Pm,
}

/// A time without its `am`/`pm` (any case, with or without a space before it), and which.
fn split_meridiem(text: &str) -> (&str, Option<Meridiem>) {
    let lower = text.to_ascii_lowercase();
    for (suffix, which) in [("am", Meridiem::Am), ("pm", Meridiem::Pm)] {
        if lower.ends_with(suffix) {
            // The suffix is ASCII, so the cut is on a character boundary.
            return (text[..text.len() - 2].trim_end(), Some(which));
        }
    }
    (text, None)
}

/// Reads one span, `09:00–13:00` (an en dash, a hyphen or "to" between the times), and
/// whether both its times could be a 12-hour clock's (before 13:00, without am/pm).
fn parse_span(text: &str) -> Result<(DaySpan, bool), SetupError> {
    let t = text.trim();
    let (start, end) = t
        .split_once(['–', '—', '-'])
        .or_else(|| t.split_once(" to "))
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        .ok_or_else(|| SetupError::NotASpan { text: echo(t) })?;
    let (start_minute, mut end_minute) = (parse_clock(start)?, parse_clock(end)?);
    // "9 to 5", "8:30-1": a day that would end before it starts, both times before 13:00 and
    // written without am/pm, ends in the afternoon (09:00–17:00), as people say it. A time
    // after 12:00 ("13:00–09:00") or an am/pm says the writer meant it as written.
    let twelve_hour =
        |text: &str, minute: u16| minute < 13 * 60 && split_meridiem(text.trim()).1.is_none();
    let twelve = twelve_hour(start, start_minute) && twelve_hour(end, end_minute);
    if end_minute < start_minute && end_minute < 12 * 60 && twelve {
        end_minute += 12 * 60;
    }
    let span = DaySpan::new(start_minute, end_minute);
    if span.end_minute <= span.start_minute {
        return Err(SetupError::SpanBackwards { span });
    }
    Ok((span, twelve))
}

/// Reads one day's spans, separated by commas or semicolons, sorted; refuses overlaps.
pub fn parse_day(text: &str) -> Result<Vec<DaySpan>, SetupError> {
    let t = text.trim();
    if t.is_empty() || CLOSED_WORDS.contains(&t.to_lowercase().as_str()) {
        return Ok(Vec::new());
    }
    let read = t
        .split([',', ';'])
        .filter(|part| !part.trim().is_empty())
        .map(parse_span)
        .collect::<Result<Vec<_>, _>>()?;
    // "8:30-1, 2-6": a span of 12-hour times that starts before the one written before it
    // ends is that afternoon's (14:00–18:00).
    let mut spans: Vec<DaySpan> = Vec::with_capacity(read.len());
    for (span, twelve_hour) in read {
        let after = spans.last().map_or(0, |s| s.end_minute);
        let span = if twelve_hour && span.start_minute < after && span.end_minute <= 12 * 60 {
            DaySpan::new(span.start_minute + 12 * 60, span.end_minute + 12 * 60)
        } else {
            span
        };
        spans.push(span);
    }
    spans.sort();
    for pair in spans.windows(2) {
        if pair[1].start_minute < pair[0].end_minute {
            return Err(SetupError::SpansOverlap {
                first: pair[0],
                second: pair[1],
            });
        }
    }
    Ok(spans)
}

/// Reads a week of day texts (Monday first); every day's problem is reported on its own field.
pub fn parse_week(texts: &[String; 7]) -> Result<WeeklyHours, Vec<Invalid>> {
    let mut spans: Vec<(Weekday, DaySpan)> = Vec::new();
    let mut problems = Vec::new();
    for (day, text) in WEEKDAYS.into_iter().zip(texts) {
        match parse_day(text) {
            Ok(day_spans) => spans.extend(day_spans.into_iter().map(|s| (day, s))),
            Err(error) => problems.push(Invalid::new(Field::Hours(day), error)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Each day was checked above, so this only repeats those checks.
    WeeklyHours::new(spans)
        .map_err(|e| vec![Invalid::new(Field::Week, SetupError::Other(e.to_string()))])
}
