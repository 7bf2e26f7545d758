//! Date and time fields as the forms read them, through the core's readers
//! (`scheduling::time`): a date from 1900-01-01 to 2199-12-31, a time of day in whole minutes.
//! Each form keeps its own sentence for text that is no date or time at all; a date out of
//! range or a time with seconds gets the core's words after the field's label.

use chrono::{NaiveDate, NaiveTime};

use crate::scheduling::time::{TimeTextError, read_clock, read_date, read_day_minute};

/// The message for `error`: the form's own `unreadable` sentence when the text is no date or
/// time, else `label` and the core's reason.
fn said(label: &str, error: TimeTextError, unreadable: impl FnOnce() -> String) -> String {
    match error {
        TimeTextError::NotADate(_)
        | TimeTextError::NotATime(_)
        | TimeTextError::NotADateTime(_) => unreadable(),
        other => crate::t!("fields-problem", field = label, problem = other.to_string()),
    }
}

/// A date field (`YYYY-MM-DD`).
pub fn date(
    label: &str,
    typed: &str,
    unreadable: impl FnOnce() -> String,
) -> Result<NaiveDate, String> {
    read_date(typed).map_err(|e| said(label, e, unreadable))
}

/// A time-of-day field (`HH:MM`).
pub fn clock(
    label: &str,
    typed: &str,
    unreadable: impl FnOnce() -> String,
) -> Result<NaiveTime, String> {
    read_clock(typed).map_err(|e| said(label, e, unreadable))
}

/// A time-of-day field as minutes after midnight, where `24:00` ends the day.
pub fn day_minute(
    label: &str,
    typed: &str,
    unreadable: impl FnOnce() -> String,
) -> Result<u16, String> {
    read_day_minute(typed).map_err(|e| said(label, e, unreadable))
}
