//! Matching freed time to the waitlist: which entries fit a freed slot (doctor, length,
//! weekday, wall-time window, dates, earlier than what they hold) and in what order (higher
//! priority, then waiting longest). Weekday, window and dates are judged in the clinic's wall
//! time, so preferences hold across DST changes. Pure: "now" is passed in.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

use super::hours::DaySpan;
use super::model::{AppointmentId, ClinicId, DoctorId, Interval, PatientId, RoomId};
use super::time::{local_date, to_local};
use super::waitlist::{WaitStatus, WaitlistEntry};

/// Time that became free: a cancelled, entered-in-error or moved-away appointment's place.
#[derive(Clone, Debug, PartialEq)]
pub struct FreedSlot {
    /// The clinic.
    pub clinic: ClinicId,
    /// Whose time it is.
    pub doctor: DoctorId,
    /// The room it had, if any (a booking into the slot takes it too).
    pub room: Option<RoomId>,
    /// When (UTC).
    pub interval: Interval,
    /// The appointment that freed it.
    pub appointment: Option<AppointmentId>,
    /// That appointment's patient, who is not offered their own old time.
    pub freed_by: Option<PatientId>,
}

/// A change to an appointment that can free its time, as its history records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freeing {
    /// It was cancelled: its time is free.
    Cancelled,
    /// It was entered in error: its time is free.
    EnteredInError,
    /// It moved: where it was is free.
    Moved,
}

impl Freeing {
    /// Every change that can free time, by the name its history gives it.
    pub const ALL: [Freeing; 3] = [Freeing::Cancelled, Freeing::EnteredInError, Freeing::Moved];

    /// The name of the change in the appointment's history ("cancelled", "moved" …).
    pub fn action(self) -> &'static str {
        match self {
            Freeing::Cancelled => "cancelled",
            Freeing::EnteredInError => "entered_in_error",
            Freeing::Moved => "moved",
        }
    }

    /// The change a history's action names, if it is one that can free time.
    pub fn from_action(action: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.action() == action)
    }
}

/// Where an appointment was and is: (doctor, room, time).
pub type Place = (DoctorId, Option<RoomId>, Interval);

/// The time a change freed: only when the appointment held its time before the change
/// (`held_time`: its status then, `Status::holds_time`); a move frees where it `was`, the
/// others where it `is`. `None` when nothing was freed (or a move's old place is unknown).
pub fn freed_by(
    change: Freeing,
    held_time: bool,
    was: Option<Place>,
    is: Place,
    appointment: AppointmentId,
    patient: PatientId,
    clinic: ClinicId,
) -> Option<FreedSlot> {
    if !held_time {
        return None;
    }
    let (doctor, room, interval) = match change {
        Freeing::Moved => was?,
        Freeing::Cancelled | Freeing::EnteredInError => is,
    };
    Some(FreedSlot {
        clinic,
        doctor,
        room,
        interval,
        appointment: Some(appointment),
        freed_by: Some(patient),
    })
}

/// Why an entry does not fit a freed slot (for the desk and for tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misfit {
    /// The entry is not waiting (offered elsewhere, booked or removed).
    NotWaiting,
    /// Another clinic.
    OtherClinic,
    /// The patient whose appointment freed the slot.
    OwnSlot,
    /// They want another doctor.
    OtherDoctor,
    /// The slot starts at or before now.
    Past,
    /// The slot is shorter than their visit.
    TooShort,
    /// Not on a weekday they can come.
    Weekday,
    /// Outside their time-of-day window (wall time).
    Window,
    /// Before their earliest date.
    BeforeEarliest,
    /// After their latest date.
    AfterLatest,
    /// Not earlier than the appointment they already hold.
    NotEarlier,
}

impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Misfit::NotWaiting => crate::t!("core-misfit-not-waiting"),
            Misfit::OtherClinic => crate::t!("core-misfit-other-clinic"),
            Misfit::OwnSlot => crate::t!("core-misfit-own-slot"),
            Misfit::OtherDoctor => crate::t!("core-misfit-other-doctor"),
            Misfit::Past => crate::t!("core-misfit-past"),
            Misfit::TooShort => crate::t!("core-misfit-too-short"),
            Misfit::Weekday => crate::t!("core-misfit-weekday"),
            Misfit::Window => crate::t!("core-misfit-window"),
            Misfit::BeforeEarliest => crate::t!("core-misfit-before-earliest"),
            Misfit::AfterLatest => crate::t!("core-misfit-after-latest"),
            Misfit::NotEarlier => crate::t!("core-misfit-not-earlier"),
        })
    }
}

/// Whether `entry` fits `slot`: the visit it would get (the slot's start, the entry's length),
/// or why not. Weekday, window and dates are judged in clinic-local wall time in `zone`, so a
/// 09:00–12:00 preference means 09:00–12:00 on the clinic's clocks on both sides of a DST change.
pub fn fit(
    entry: &WaitlistEntry,
    slot: &FreedSlot,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<Interval, Misfit> {
    let r = &entry.request;
    if entry.status != WaitStatus::Waiting {
        return Err(Misfit::NotWaiting);
    }
    if r.clinic != slot.clinic {
        return Err(Misfit::OtherClinic);
    }
    if slot.freed_by == Some(r.patient) {
        return Err(Misfit::OwnSlot);
    }
    if r.doctor.is_some_and(|d| d != slot.doctor) {
        return Err(Misfit::OtherDoctor);
    }
    if slot.interval.start <= now {
        return Err(Misfit::Past);
    }
    let visit = Interval::new(
        slot.interval.start,
        slot.interval.start + Duration::minutes(i64::from(r.minutes)),
    );
    if visit.end > slot.interval.end {
        return Err(Misfit::TooShort);
    }
    let start = to_local(zone, visit.start);
    let date = start.date_naive();
    if !r.preferred.weekdays.contains(date.weekday()) {
        return Err(Misfit::Weekday);
    }
    if let Some(window) = r.preferred.window
        && !within(window, zone, date, visit)
    {
        return Err(Misfit::Window);
    }
    if r.preferred.earliest.is_some_and(|d| date < d) {
        return Err(Misfit::BeforeEarliest);
    }
    if r.preferred.latest.is_some_and(|d| date > d) {
        return Err(Misfit::AfterLatest);
    }
    if entry.held_start.is_some_and(|held| visit.start >= held) {
        return Err(Misfit::NotEarlier);
    }
    Ok(visit)
}

/// True when the visit's wall-clock start and end both lie in `window` on `date` (an end at the
/// next midnight counts as 24:00). In a fold the end's wall time may be before the start's;
/// both still have to be inside the window.
fn within(window: DaySpan, zone: Tz, date: NaiveDate, visit: Interval) -> bool {
    let minute = |t: DateTime<Tz>| (t.hour() * 60 + t.minute()) as u16;
    let start = minute(to_local(zone, visit.start));
    let end_local = to_local(zone, visit.end);
    let end = if end_local.date_naive() == date {
        minute(end_local)
    } else if end_local.date_naive() == date.succ_opt().unwrap_or(date) && minute(end_local) == 0 {
        24 * 60
    } else {
        return false; // runs into the next day
    };
    let inside = |m: u16| window.start_minute <= m && m <= window.end_minute;
    inside(start) && inside(end) && start < window.end_minute
}

/// An entry that fits a freed slot, and the visit it would get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Index into the entries given to [`rank`].
    pub index: usize,
    /// The visit: the slot's start, the entry's length.
    pub interval: Interval,
}

/// The entries that fit `slot`, best first: higher priority, then waiting longest, then by id
/// (so the order never depends on how the entries were loaded).
pub fn rank(
    entries: &[WaitlistEntry],
    slot: &FreedSlot,
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<Candidate> {
    let mut fits: Vec<Candidate> = entries
        .iter()
        .enumerate()
        .filter_map(|(index, e)| {
            fit(e, slot, zone, now)
                .ok()
                .map(|interval| Candidate { index, interval })
        })
        .collect();
    fits.sort_by_key(|c| {
        let e = &entries[c.index];
        (-i64::from(e.request.priority), e.created_at, e.id)
    });
    fits
}

/// The clinic-local date a freed slot starts on.
pub fn slot_date(slot: &FreedSlot, zone: Tz) -> NaiveDate {
    local_date(zone, slot.interval.start)
}
