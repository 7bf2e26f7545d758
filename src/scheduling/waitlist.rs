//! The waitlist: patients waiting for an earlier slot, what they will accept (doctor or any,
//! length, weekdays, a wall-time window, a date range, earlier than what they already hold),
//! the checks on what staff type, and the entry's lifecycle. Matching a freed slot to the
//! entries is in `waitlist_match.rs` (re-exported here). Pure: "now" is passed in.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use uuid::Uuid;

use crate::i18n::Language;

use super::hours::{DaySpan, WEEKDAYS};
use super::model::{
    AppointmentId, ClinicId, DoctorId, MAX_APPOINTMENT_MINUTES, PatientId, VisitTypeId,
};

pub use super::waitlist_match::{
    Candidate, FreedSlot, Freeing, Misfit, Place, fit, freed_by, rank, slot_date,
};

/// Identifies a waitlist entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WaitlistEntryId(pub Uuid);

impl fmt::Display for WaitlistEntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A set of weekdays (bit 0 is Monday … bit 6 is Sunday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

impl Weekdays {
    /// Every day of the week.
    pub const ALL: Weekdays = Weekdays(0b111_1111);
    /// Monday to Friday.
    pub const WORKDAYS: Weekdays = Weekdays(0b001_1111);
    /// No day at all (refused by [`validate`]).
    pub const NONE: Weekdays = Weekdays(0);

    /// The set with these days.
    pub fn of(days: &[Weekday]) -> Self {
        Weekdays(
            days.iter()
                .fold(0, |bits, d| bits | 1 << d.num_days_from_monday()),
        )
    }

    /// The set from its stored bits; `None` when bits beyond Sunday are set.
    pub fn from_bits(bits: u8) -> Option<Self> {
        (bits <= Self::ALL.0).then_some(Weekdays(bits))
    }

    /// The stored bits.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// True when `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// The set with `day` added or taken out.
    pub fn with(self, day: Weekday, on: bool) -> Self {
        let bit = 1 << day.num_days_from_monday();
        Weekdays(if on { self.0 | bit } else { self.0 & !bit })
    }

    /// True when no day is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in the set, Monday first.
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        WEEKDAYS.into_iter().filter(move |d| self.contains(*d))
    }
}

/// "any day", "Mon–Fri", or "Mon, Wed, Fri", in the desk's language.
impl fmt::Display for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(crate::i18n::current()))
    }
}

impl Weekdays {
    /// The days in words in `language` (the audit keeps English): see the `Display`.
    pub fn text_in(self, language: Language) -> String {
        if self == Self::ALL {
            return crate::t_in!(language, "core-any-day");
        }
        let days: Vec<Weekday> = self.days().collect();
        let name = |d: Weekday| crate::i18n::dates::weekday_short_in(language, d);
        let first = days.first().map(|d| d.num_days_from_monday());
        let last = days.last().map(|d| d.num_days_from_monday());
        match (first, last) {
            (Some(a), Some(b)) if days.len() >= 3 && (b - a + 1) as usize == days.len() => {
                format!("{}–{}", name(days[0]), name(days[days.len() - 1]))
            }
            _ => {
                let names: Vec<String> = days.into_iter().map(name).collect();
                names.join(", ")
            }
        }
    }
}

/// When the patient can come: which weekdays, a wall-time window, and a range of dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preferred {
    /// The weekdays they can come.
    pub weekdays: Weekdays,
    /// Clinic-local time of day the visit must lie in; `None` is any time.
    pub window: Option<DaySpan>,
    /// The first clinic-local date they can come; `None` is from now on.
    pub earliest: Option<NaiveDate>,
    /// The last clinic-local date they can come; `None` is no limit.
    pub latest: Option<NaiveDate>,
}

impl Preferred {
    /// Any day, any time.
    pub const ANY: Preferred = Preferred {
        weekdays: Weekdays::ALL,
        window: None,
        earliest: None,
        latest: None,
    };
}

impl fmt::Display for Preferred {
    /// e.g. "Mon–Fri 09:00–12:00, from 2026-12-01, until 2026-12-20".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.weekdays.to_string();
        let mut text = match self.window {
            Some(w) => crate::t!("core-preferred-window", days = days, window = w.to_string()),
            None => crate::t!("core-preferred-any-time", days = days),
        };
        if let Some(d) = self.earliest {
            text = crate::t!(
                "core-preferred-from",
                preferred = text,
                date = d.to_string()
            );
        }
        if let Some(d) = self.latest {
            text = crate::t!(
                "core-preferred-until",
                preferred = text,
                date = d.to_string()
            );
        }
        f.write_str(&text)
    }
}

/// A patient's place on the waitlist as staff give it.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitlistRequest {
    /// The clinic (location).
    pub clinic: ClinicId,
    /// Who waits.
    pub patient: PatientId,
    /// The doctor they want; `None` is any doctor.
    pub doctor: Option<DoctorId>,
    /// The kind of visit, if chosen.
    pub visit_type: Option<VisitTypeId>,
    /// How long the visit lasts (the visit type's length unless changed).
    pub minutes: u32,
    /// When they can come.
    pub preferred: Preferred,
    /// The appointment they already hold and want something earlier than.
    pub holds: Option<AppointmentId>,
    /// Notes for the desk.
    pub notes: String,
    /// 0 is normal; higher is offered first.
    pub priority: i32,
}

/// Where a waitlist entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaitStatus {
    /// Waiting for a slot.
    Waiting,
    /// A freed slot was offered and the desk awaits the answer.
    Offered,
    /// Booked into a slot: done.
    Booked,
    /// Taken off the waitlist.
    Removed,
}

impl WaitStatus {
    /// Every status.
    pub const ALL: [WaitStatus; 4] = [
        WaitStatus::Waiting,
        WaitStatus::Offered,
        WaitStatus::Booked,
        WaitStatus::Removed,
    ];

    /// Stable text used in storage and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitStatus::Waiting => "waiting",
            WaitStatus::Offered => "offered",
            WaitStatus::Booked => "booked",
            WaitStatus::Removed => "removed",
        }
    }

    /// Parses the text written by [`WaitStatus::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// True while the patient still waits (waiting, or offered a slot not yet taken).
    pub fn is_open(self) -> bool {
        matches!(self, WaitStatus::Waiting | WaitStatus::Offered)
    }
}

/// Something the desk does to a waitlist entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitAction {
    /// Change what the patient waits for.
    Edit,
    /// Offer a freed slot.
    Offer,
    /// The patient said no (or the desk stepped back): they keep waiting.
    Decline,
    /// Book them into a slot.
    Book,
    /// Take them off the waitlist.
    Remove,
}

impl WaitAction {
    /// Words for messages, in the desk's language.
    fn verb(self) -> String {
        match self {
            WaitAction::Edit => crate::t!("core-wait-action-edit"),
            WaitAction::Offer => crate::t!("core-wait-action-offer"),
            WaitAction::Decline => crate::t!("core-wait-action-decline"),
            WaitAction::Book => crate::t!("core-wait-action-book"),
            WaitAction::Remove => crate::t!("core-wait-action-remove"),
        }
    }
}

/// A waitlist entry's status as a message says it, in the desk's language.
fn wait_status(status: WaitStatus) -> String {
    match status {
        WaitStatus::Waiting => crate::t!("core-wait-status-waiting"),
        WaitStatus::Offered => crate::t!("core-wait-status-offered"),
        WaitStatus::Booked => crate::t!("core-wait-status-booked"),
        WaitStatus::Removed => crate::t!("core-wait-status-removed"),
    }
}

/// The status after `action`, or why it is not allowed. Booked and removed entries are final.
pub fn transition(from: WaitStatus, action: WaitAction) -> Result<WaitStatus, WaitlistError> {
    use WaitStatus::*;
    let to = match (from, action) {
        (Waiting | Offered, WaitAction::Edit) => from,
        (Waiting, WaitAction::Offer) => Offered,
        (Waiting | Offered, WaitAction::Decline) => Waiting,
        (Waiting | Offered, WaitAction::Book) => Booked,
        (Waiting | Offered, WaitAction::Remove) => Removed,
        _ => {
            return Err(WaitlistError::NotAllowed {
                action: action.verb(),
                status: from,
            });
        }
    };
    Ok(to)
}

/// A waitlist entry as stored, with what matching needs to know about the held appointment.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitlistEntry {
    /// Stable id.
    pub id: WaitlistEntryId,
    /// What the patient waits for.
    pub request: WaitlistRequest,
    /// Where the entry is.
    pub status: WaitStatus,
    /// When the held appointment starts, while it still holds its time (not cancelled).
    pub held_start: Option<DateTime<Utc>>,
    /// The appointment booked from the waitlist, once booked.
    pub booked: Option<AppointmentId>,
    /// Who put the patient on the waitlist.
    pub created_by: String,
    /// Since when the patient waits.
    pub created_at: DateTime<Utc>,
    /// Who changed the entry last.
    pub updated_by: String,
}

/// Why a waitlist request was refused, in words that say how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WaitlistError {
    /// No weekday was chosen.
    #[error("{}", crate::t!("core-wait-no-weekday"))]
    NoWeekday,
    /// The time window ends at or before its start.
    #[error("{}", crate::t!("core-wait-window-backwards", end = end, start = start))]
    WindowEndsBeforeStart {
        /// The start, as HH:MM.
        start: String,
        /// The end, as HH:MM.
        end: String,
    },
    /// The time window runs past midnight.
    #[error("{}", crate::t!("core-wait-window-past-midnight"))]
    WindowPastMidnight,
    /// The window is shorter than the visit.
    #[error(
        "{}",
        crate::t!(
            "core-wait-window-too-short",
            window = window.to_string(),
            minutes = minutes.to_string(),
        )
    )]
    WindowTooShort {
        /// The window.
        window: DaySpan,
        /// The visit's length.
        minutes: u32,
    },
    /// The earliest date is after the latest.
    #[error(
        "{}",
        crate::t!(
            "core-wait-earliest-after-latest",
            earliest = earliest.to_string(),
            latest = latest.to_string(),
        )
    )]
    EarliestAfterLatest {
        /// The earliest date.
        earliest: NaiveDate,
        /// The latest date.
        latest: NaiveDate,
    },
    /// The latest date has passed.
    #[error(
        "{}",
        crate::t!(
            "core-wait-latest-passed",
            latest = latest.to_string(),
            today = today.to_string(),
        )
    )]
    LatestPassed {
        /// The latest date.
        latest: NaiveDate,
        /// Today in the clinic.
        today: NaiveDate,
    },
    /// The visit's length is out of range.
    #[error(
        "{}",
        crate::t!(
            "core-wait-length",
            minutes = minutes.to_string(),
            max = max.to_string(),
        )
    )]
    Length {
        /// The length asked for.
        minutes: u32,
        /// The longest visit.
        max: i64,
    },
    /// The action does not fit the entry's status.
    #[error(
        "{}",
        crate::t!("core-wait-not-allowed", action = action, status = wait_status(*status))
    )]
    NotAllowed {
        /// What was asked.
        action: String,
        /// The entry's status.
        status: WaitStatus,
    },
    /// The notes break the entry rules (`scheduling::entry`).
    #[error(transparent)]
    Text(#[from] super::entry::EntryError),
}

/// Checks a request on the clinic-local date `today`: every problem gets its own message.
pub fn validate(request: &WaitlistRequest, today: NaiveDate) -> Result<(), WaitlistError> {
    let minutes = request.minutes;
    if minutes < 5 || i64::from(minutes) > MAX_APPOINTMENT_MINUTES {
        return Err(WaitlistError::Length {
            minutes,
            max: MAX_APPOINTMENT_MINUTES,
        });
    }
    let p = &request.preferred;
    if p.weekdays.is_empty() {
        return Err(WaitlistError::NoWeekday);
    }
    if let Some(w) = p.window {
        if w.end_minute <= w.start_minute {
            return Err(WaitlistError::WindowEndsBeforeStart {
                start: hm(w.start_minute),
                end: hm(w.end_minute),
            });
        }
        if w.end_minute > 24 * 60 {
            return Err(WaitlistError::WindowPastMidnight);
        }
        if u32::from(w.end_minute - w.start_minute) < minutes {
            return Err(WaitlistError::WindowTooShort { window: w, minutes });
        }
    }
    if let (Some(earliest), Some(latest)) = (p.earliest, p.latest)
        && earliest > latest
    {
        return Err(WaitlistError::EarliestAfterLatest { earliest, latest });
    }
    if let Some(latest) = p.latest
        && latest < today
    {
        return Err(WaitlistError::LatestPassed { latest, today });
    }
    super::entry::free_text("the notes", &request.notes)?;
    Ok(())
}

fn hm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// How long someone has waited, as the desk reads it: "40 min", "5 h 10 min", "3 d 4 h".
pub fn waited(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - since).num_minutes().max(0);
    match minutes {
        0..60 => format!("{minutes} min"),
        60..1440 => format!("{} h {} min", minutes / 60, minutes % 60),
        _ => format!("{} d {} h", minutes / 1440, minutes % 1440 / 60),
    }
}
