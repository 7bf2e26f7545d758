//! The slot finder: the next free slots of a given length for a doctor, a room, a doctor and a
//! room together, any doctor, any room, or any pair of both, on the clinic's local time grid,
//! optionally only within a part of the day (morning, afternoon, evening or a from–to window).

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::availability::ClinicCalendar;
use super::hours::{DaySpan, WEEKDAYS, WeeklyHours, intersect};
use super::model::{DoctorId, Interval, RoomId};
use super::time::{TimeTextError, local_date};

/// Whose free time to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotTarget {
    /// One doctor.
    Doctor(DoctorId),
    /// One room (any doctor's booking may use it; no doctor is chosen).
    Room(RoomId),
    /// A doctor and a room, both free.
    DoctorAndRoom(DoctorId, RoomId),
    /// Whichever doctor is free first.
    AnyDoctor,
    /// One doctor in whichever room is free with them first (one slot per time: the first
    /// room free, in the calendar's order).
    DoctorAndAnyRoom(DoctorId),
    /// Whichever doctor is free first in one room.
    AnyDoctorInRoom(RoomId),
    /// Whichever doctor and room are free together first (one slot per time and doctor).
    AnyDoctorAndAnyRoom,
}

/// The grid a walk-in's first free time is found on: every 5 minutes of clinic-local time.
pub const WALK_IN_STEP_MINUTES: u32 = 5;

/// What the receptionist asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotQuery {
    /// Length of the visit.
    pub minutes: u32,
    /// Slots start on this local grid, e.g. every 15 minutes past the hour.
    pub step_minutes: u32,
    /// No slot starts before this (usually now).
    pub from: DateTime<Utc>,
    /// How many slots to return.
    pub count: usize,
}

/// One free slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    /// When.
    pub interval: Interval,
    /// The doctor, when the target names or chooses one.
    pub doctor: Option<DoctorId>,
    /// The room, when the target names one.
    pub room: Option<RoomId>,
}

/// Rounds `t` up to the next multiple of `step` minutes of clinic-local wall time.
pub fn align_up(zone: Tz, t: DateTime<Utc>, step_minutes: u32) -> DateTime<Utc> {
    let step = i64::from(step_minutes.max(1)) * 60;
    let offset = i64::from(
        zone.offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc(),
    );
    let local = t.timestamp() + offset;
    // A fraction of a second past a grid point is past it: round up, never before `t`.
    let on_grid = local.rem_euclid(step) == 0 && t.timestamp_subsec_nanos() == 0;
    let aligned = local.div_euclid(step) * step + if on_grid { 0 } else { step };
    DateTime::from_timestamp(aligned - offset, 0).unwrap_or(t)
}

/// Slot starts inside `free` intervals: on the local grid, at or after `query.from`, the whole
/// visit inside the interval; at most `query.count`.
fn slots_in(
    zone: Tz,
    free: &[Interval],
    query: &SlotQuery,
    doctor: Option<DoctorId>,
    room: Option<RoomId>,
    accept_before: DateTime<Utc>,
) -> Vec<Slot> {
    let length = Duration::minutes(i64::from(query.minutes));
    let step = Duration::minutes(i64::from(query.step_minutes.max(1)));
    let mut out = Vec::new();
    for f in free {
        let mut t = align_up(zone, f.start.max(query.from), query.step_minutes);
        while t + length <= f.end && t < accept_before {
            out.push(Slot {
                interval: Interval::new(t, t + length),
                doctor,
                room,
            });
            if out.len() >= query.count {
                return out;
            }
            t = align_up(zone, t + step, query.step_minutes);
        }
    }
    out
}

/// The part of the day a receptionist asks for, in clinic-local wall time. A slot is in it when
/// the whole visit is: an afternoon visit starts at 12:00 or later and ends by 17:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOfDay {
    /// Any time the doctor and room are free.
    Any,
    /// Before noon.
    Morning,
    /// From 12:00 to 17:00.
    Afternoon,
    /// From 17:00 to midnight.
    Evening,
    /// A from–to window of wall time, e.g. 10:30–14:00.
    Between(DaySpan),
}

impl TimeOfDay {
    /// The window as a span of the day, or `None` for any time.
    pub fn span(self) -> Option<DaySpan> {
        match self {
            TimeOfDay::Any => None,
            TimeOfDay::Morning => Some(DaySpan::new(0, 12 * 60)),
            TimeOfDay::Afternoon => Some(DaySpan::new(12 * 60, 17 * 60)),
            TimeOfDay::Evening => Some(DaySpan::new(17 * 60, 24 * 60)),
            TimeOfDay::Between(span) => Some(span),
        }
    }
}

/// Why a from–to window of the day was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// A time is not written as HH:MM.
    #[error("{}", crate::t!("core-window-not-a-time", text = _0))]
    NotATime(String),
    /// A time with seconds (said by the time's own error, once).
    #[error(transparent)]
    Time(TimeTextError),
    /// The window ends at or before its start.
    #[error("{}", crate::t!("core-window-backwards", window = _0.to_string()))]
    EndNotAfterStart(DaySpan),
}

/// Reads a from–to window of wall time, e.g. `("10:30", "14:00")`; `24:00` is midnight at the
/// end of the day. An empty side means the start or end of the day.
pub fn parse_window(after: &str, before: &str) -> Result<DaySpan, WindowError> {
    let minute = |text: &str, empty: u16| -> Result<u16, WindowError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(empty);
        }
        super::time::read_day_minute(text).map_err(|e| match e {
            TimeTextError::NotATime(text) => WindowError::NotATime(text),
            other => WindowError::Time(other),
        })
    };
    let span = DaySpan::new(minute(after, 0)?, minute(before, 24 * 60)?);
    if span.end_minute <= span.start_minute {
        return Err(WindowError::EndNotAfterStart(span));
    }
    Ok(span)
}

/// The earliest `query.count` free slots for `target` in `calendar`, whose start lies before
/// `accept_before` (so that a caller searching window by window never misses a slot that runs
/// past a window's end: it loads a little more than it accepts). Ties between doctors go to
/// the order of `calendar.doctors`.
pub fn find_slots(
    calendar: &ClinicCalendar,
    target: SlotTarget,
    query: &SlotQuery,
    accept_before: DateTime<Utc>,
) -> Vec<Slot> {
    find_slots_within(calendar, target, query, TimeOfDay::Any, accept_before)
}

/// Like [`find_slots`], keeping only visits that lie wholly inside `time_of_day` on their local
/// date. Ties go to the order of `calendar.doctors`, then of `calendar.rooms`.
pub fn find_slots_within(
    calendar: &ClinicCalendar,
    target: SlotTarget,
    query: &SlotQuery,
    time_of_day: TimeOfDay,
    accept_before: DateTime<Utc>,
) -> Vec<Slot> {
    if query.minutes == 0 || query.count == 0 {
        return Vec::new();
    }
    let zone = calendar.zone;
    let part_of_day: Option<Vec<Interval>> = time_of_day.span().map(|span| {
        let first = local_date(zone, calendar.window.start);
        let first = first.pred_opt().unwrap_or(first);
        let last = local_date(zone, calendar.window.end);
        WeeklyHours::same_each(&WEEKDAYS, &[span])
            .map(|h| h.intervals(zone, first, last))
            .unwrap_or_default()
    });
    let candidates = candidates(calendar, target);
    let mut all: Vec<(usize, Slot)> = Vec::new();
    for (order, (doctor, room, free)) in candidates.into_iter().enumerate() {
        let free = match &part_of_day {
            Some(part) => intersect(&free, part),
            None => free,
        };
        all.extend(
            slots_in(zone, &free, query, doctor, room, accept_before)
                .into_iter()
                .map(|s| (order, s)),
        );
    }
    all.sort_by_key(|(order, s)| (s.interval.start, *order));
    // "Any room" chooses the room: one slot per time and doctor, in the first room free.
    let any_room = matches!(
        target,
        SlotTarget::DoctorAndAnyRoom(_) | SlotTarget::AnyDoctorAndAnyRoom
    );
    let mut out: Vec<Slot> = Vec::with_capacity(query.count);
    for (_, slot) in all {
        if out.len() >= query.count {
            break;
        }
        let repeat = any_room
            && out
                .iter()
                .rev()
                .take_while(|s| s.interval.start == slot.interval.start)
                .any(|s| s.doctor == slot.doctor);
        if !repeat {
            out.push(slot);
        }
    }
    out
}

/// Who may take the slot and when they are free, in tie-breaking order: each doctor (or none),
/// each room (or none), and the free time they share.
type Candidate = (Option<DoctorId>, Option<RoomId>, Vec<Interval>);

fn candidates(calendar: &ClinicCalendar, target: SlotTarget) -> Vec<Candidate> {
    let doctor = |id: DoctorId| calendar.doctors.iter().find(|d| d.id == id);
    let room = |id: RoomId| calendar.rooms.iter().find(|r| r.id == id);
    let pairs = |doctors: Vec<(DoctorId, Vec<Interval>)>, rooms: Vec<(RoomId, Vec<Interval>)>| {
        let mut out = Vec::with_capacity(doctors.len() * rooms.len());
        for (d, doctor_free) in &doctors {
            for (r, room_free) in &rooms {
                out.push((Some(*d), Some(*r), intersect(doctor_free, room_free)));
            }
        }
        out
    };
    let every_doctor = || -> Vec<(DoctorId, Vec<Interval>)> {
        calendar
            .doctors
            .iter()
            .map(|d| (d.id, calendar.doctor_free(d)))
            .collect()
    };
    let every_room = || -> Vec<(RoomId, Vec<Interval>)> {
        calendar
            .rooms
            .iter()
            .map(|r| (r.id, calendar.room_free(r)))
            .collect()
    };
    let one_doctor = |id: DoctorId| -> Vec<(DoctorId, Vec<Interval>)> {
        doctor(id)
            .map(|d| vec![(id, calendar.doctor_free(d))])
            .unwrap_or_default()
    };
    let one_room = |id: RoomId| -> Vec<(RoomId, Vec<Interval>)> {
        room(id)
            .map(|r| vec![(id, calendar.room_free(r))])
            .unwrap_or_default()
    };
    match target {
        SlotTarget::Doctor(id) => one_doctor(id)
            .into_iter()
            .map(|(d, free)| (Some(d), None, free))
            .collect(),
        SlotTarget::Room(id) => one_room(id)
            .into_iter()
            .map(|(r, free)| (None, Some(r), free))
            .collect(),
        SlotTarget::AnyDoctor => every_doctor()
            .into_iter()
            .map(|(d, free)| (Some(d), None, free))
            .collect(),
        SlotTarget::DoctorAndRoom(d, r) => pairs(one_doctor(d), one_room(r)),
        SlotTarget::DoctorAndAnyRoom(d) => pairs(one_doctor(d), every_room()),
        SlotTarget::AnyDoctorInRoom(r) => pairs(every_doctor(), one_room(r)),
        SlotTarget::AnyDoctorAndAnyRoom => pairs(every_doctor(), every_room()),
    }
}
