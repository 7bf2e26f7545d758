//! Deciding and changing a series: what happens to a conflicting occurrence when the series
//! is saved (refuse, skip, overbook), and the split that "this and the following ones" makes
//! of a series when its later occurrences move.

use chrono::{Duration, NaiveDate, Weekday};

use super::{Frequency, RuleError, SeriesEnd, SeriesRule};
use crate::scheduling::conflict::{Conflict, Severity, Verdict, decide};
use crate::scheduling::hours::WEEKDAYS;

/// What to do with occurrences that conflict, when saving a series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// Save nothing if any occurrence conflicts.
    Refuse,
    /// Save the occurrences that are free; leave out the ones that conflict.
    Skip,
    /// Overbook the ones with hard conflicts, with this reason (recorded in the audit).
    /// Occurrences that cannot be booked at all (a time that does not exist) are left out.
    Overbook(String),
}

/// What happens to one occurrence when the series is saved.
#[derive(Clone, Debug, PartialEq)]
pub enum OccurrenceDecision {
    /// It is booked; overbooked with the reason when hard conflicts were overridden.
    Book {
        /// The overbook reason, if any.
        overbooked: Option<String>,
        /// Conflicts that stand but did not stop it.
        conflicts: Vec<Conflict>,
    },
    /// It is left out, for these conflicts.
    Skip(Vec<Conflict>),
}

/// Decides one occurrence under the series' choice, with the same overbook rule as a booking.
/// `Refuse` decides like `Skip`; the caller refuses the whole series when anything is skipped.
pub fn decide_occurrence(conflicts: Vec<Conflict>, on: &OnConflict) -> OccurrenceDecision {
    let overbook = match on {
        OnConflict::Overbook(reason) => Some(reason.as_str()),
        _ => None,
    };
    match decide(conflicts, overbook) {
        Verdict::Accept {
            overbooked,
            conflicts,
        } => OccurrenceDecision::Book {
            overbooked,
            conflicts,
        },
        Verdict::Refuse(conflicts) => OccurrenceDecision::Skip(conflicts),
    }
}

/// True when these conflicts stop an occurrence unless it is overbooked (or at all).
pub fn blocks(conflicts: &[Conflict]) -> bool {
    conflicts.iter().any(|c| c.severity() >= Severity::Hard)
}

/// The two rules that "this and the following ones" makes of one series when the following
/// occurrences move by `shift_days` from the occurrence dated `at`: the old series ends the
/// day before, and the new one starts at `at + shift_days` with what remains.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// The old series' rule, now ending the day before `at`.
    pub old: SeriesRule,
    /// The new series' rule.
    pub new: SeriesRule,
    /// The new series' first date.
    pub new_start: NaiveDate,
    /// The old series' dates from `at` on, which the new series' dates replace one for one.
    pub following: Vec<NaiveDate>,
    /// The new series' dates, in the same order.
    pub new_dates: Vec<NaiveDate>,
}

/// Why a series cannot be split as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    /// The date is not an occurrence of the series.
    #[error("{}", crate::t!("core-series-not-an-occurrence", date = _0.to_string()))]
    NotAnOccurrence(NaiveDate),
    /// The rule itself is bad (said by the rule's own error, once).
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// The shift is more than a year either way, or runs off the calendar.
    #[error(
        "{}",
        crate::t!(
            "core-series-shift-too-far",
            days = days.to_string(),
            max = MAX_SHIFT_DAYS.to_string(),
        )
    )]
    TooFar {
        /// The shift asked for.
        days: i64,
    },
    /// The moved dates do not follow one rule.
    #[error(
        "{}",
        crate::t!(
            "core-series-shift-breaks-pattern",
            days = days.to_string(),
            interval = interval.to_string(),
        )
    )]
    BreaksPattern {
        /// The shift asked for.
        days: i64,
        /// The series' interval.
        interval: u32,
    },
}

/// The most days "this and the following ones" may move either way: a year.
pub const MAX_SHIFT_DAYS: i64 = 366;

/// Splits the series of `rule` from `start` at its occurrence dated `at`, the following
/// occurrences moving by `shift_days` (0 when only the wall time changes).
pub fn split(
    rule: &SeriesRule,
    start: NaiveDate,
    at: NaiveDate,
    shift_days: i64,
) -> Result<Split, SplitError> {
    let dates = rule.dates(start)?;
    let index = dates
        .iter()
        .position(|d| *d == at)
        .ok_or(SplitError::NotAnOccurrence(at))?;
    let following = dates[index..].to_vec();
    let too_far = || SplitError::TooFar { days: shift_days };
    if shift_days.unsigned_abs() > MAX_SHIFT_DAYS.unsigned_abs() {
        return Err(too_far());
    }
    let shift = Duration::days(shift_days);
    let shifted = |d: NaiveDate| d.checked_add_signed(shift).ok_or_else(too_far);
    let day_before = at.pred_opt().unwrap_or(at);
    let old = SeriesRule {
        end: SeriesEnd::Until(day_before),
        ..rule.clone()
    };
    let weekdays = match rule.frequency {
        Frequency::Daily => Vec::new(),
        Frequency::Weekly => {
            let shifted: Vec<Weekday> = rule
                .days_for(start)
                .into_iter()
                .map(|d| {
                    let index = (i64::from(d.num_days_from_monday()) + shift_days).rem_euclid(7);
                    WEEKDAYS[index as usize]
                })
                .collect();
            WEEKDAYS
                .into_iter()
                .filter(|d| shifted.contains(d))
                .collect()
        }
    };
    let new = SeriesRule {
        frequency: rule.frequency,
        interval: rule.interval,
        weekdays,
        end: match rule.end {
            SeriesEnd::Count(_) => SeriesEnd::Count(following.len() as u32),
            SeriesEnd::Until(until) => SeriesEnd::Until(shifted(until)?),
        },
    };
    let new_start = shifted(at)?;
    let wanted = following
        .iter()
        .map(|d| shifted(*d))
        .collect::<Result<Vec<NaiveDate>, _>>()?;
    let new_dates = new.dates(new_start)?;
    if new_dates != wanted {
        return Err(SplitError::BreaksPattern {
            days: shift_days,
            interval: rule.interval,
        });
    }
    Ok(Split {
        old,
        new,
        new_start,
        following,
        new_dates,
    })
}
