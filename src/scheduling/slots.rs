//! The slot finder: the next free slots of a given length for a doctor, a room, a doctor and a
//! room together, or any doctor, on the clinic's local time grid.

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::availability::ClinicCalendar;
use super::hours::intersect;
use super::model::{DoctorId, Interval, RoomId};

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
}

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
    if query.minutes == 0 || query.count == 0 {
        return Vec::new();
    }
    let zone = calendar.zone;
    let doctor = |id: DoctorId| calendar.doctors.iter().find(|d| d.id == id);
    let room = |id: RoomId| calendar.rooms.iter().find(|r| r.id == id);
    match target {
        SlotTarget::Doctor(id) => doctor(id)
            .map(|d| {
                slots_in(
                    zone,
                    &calendar.doctor_free(d),
                    query,
                    Some(id),
                    None,
                    accept_before,
                )
            })
            .unwrap_or_default(),
        SlotTarget::Room(id) => room(id)
            .map(|r| {
                slots_in(
                    zone,
                    &calendar.room_free(r),
                    query,
                    None,
                    Some(id),
                    accept_before,
                )
            })
            .unwrap_or_default(),
        SlotTarget::DoctorAndRoom(d, r) => match (doctor(d), room(r)) {
            (Some(dc), Some(rc)) => {
                let both = intersect(&calendar.doctor_free(dc), &calendar.room_free(rc));
                slots_in(zone, &both, query, Some(d), Some(r), accept_before)
            }
            _ => Vec::new(),
        },
        SlotTarget::AnyDoctor => {
            let mut all: Vec<(usize, Slot)> = calendar
                .doctors
                .iter()
                .enumerate()
                .flat_map(|(order, d)| {
                    slots_in(
                        zone,
                        &calendar.doctor_free(d),
                        query,
                        Some(d.id),
                        None,
                        accept_before,
                    )
                    .into_iter()
                    .map(move |s| (order, s))
                })
                .collect();
            all.sort_by_key(|(order, s)| (s.interval.start, *order));
            all.into_iter().take(query.count).map(|(_, s)| s).collect()
        }
    }
}
