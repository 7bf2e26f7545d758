//! Weekly hours as staff type them, one line per weekday: `09:00–13:00, 14:00–18:00`, or empty
//! (or "closed") for a day off. Parsed with errors that say what to fix, and written back the
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

/// Reads a time of day as minutes after midnight: `9`, `09`, `9:30`, `09:30`, `9.30`, `24:00`.
pub fn parse_clock(text: &str) -> Result<u16, SetupError> {
    let bad = || SetupError::BadTime {
        text: echo(text.trim()),
    };
    let t = text.trim();
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
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// Reads one span, `09:00–13:00` (an en dash, a hyphen or "to" between the times).
fn parse_span(text: &str) -> Result<DaySpan, SetupError> {
    let t = text.trim();
    let (start, end) = t
        .split_once(['–', '—', '-'])
        .or_else(|| t.split_once(" to "))
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        .ok_or_else(|| SetupError::NotASpan { text: echo(t) })?;
    let span = DaySpan::new(parse_clock(start)?, parse_clock(end)?);
    if span.end_minute <= span.start_minute {
        return Err(SetupError::SpanBackwards { span });
    }
    Ok(span)
}

/// Reads one day's spans, separated by commas or semicolons, sorted; refuses overlaps.
pub fn parse_day(text: &str) -> Result<Vec<DaySpan>, SetupError> {
    let t = text.trim();
    if t.is_empty() || CLOSED_WORDS.contains(&t.to_lowercase().as_str()) {
        return Ok(Vec::new());
    }
    let mut spans = t
        .split([',', ';'])
        .filter(|part| !part.trim().is_empty())
        .map(parse_span)
        .collect::<Result<Vec<_>, _>>()?;
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
