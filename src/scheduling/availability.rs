//! Availability: when a doctor, a room or a patient is free over a window, from hours, leave,
//! blockouts and bookings. All intervals are UTC; hours are read in the clinic's zone.

use chrono::Duration;
use chrono_tz::Tz;

use super::hours::{WeeklyHours, intersect, subtract};
use super::model::{DoctorId, Interval, RoomId};
use super::time::local_date;

/// A doctor's calendar over a window: what the slot finder needs.
#[derive(Clone, Debug, PartialEq)]
pub struct DoctorCalendar {
    /// The doctor.
    pub id: DoctorId,
    /// Name, to order ties and for messages.
    pub name: String,
    /// Weekly working hours in this clinic.
    pub hours: WeeklyHours,
    /// Leave in the window.
    pub leave: Vec<Interval>,
    /// Appointments that hold time in the window.
    pub busy: Vec<Interval>,
}

/// A room's calendar over a window.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomCalendar {
    /// The room.
    pub id: RoomId,
    /// Name, for messages.
    pub name: String,
    /// Its own hours; `None` means the clinic's.
    pub hours: Option<WeeklyHours>,
    /// Blockouts in the window.
    pub blockouts: Vec<Interval>,
    /// Appointments that hold the room in the window.
    pub busy: Vec<Interval>,
}

/// The clinic over a window: zone, hours, and the calendars the slot finder may use.
#[derive(Clone, Debug, PartialEq)]
pub struct ClinicCalendar {
    /// The clinic's zone.
    pub zone: Tz,
    /// The clinic's opening hours.
    pub hours: WeeklyHours,
    /// The window the calendars cover.
    pub window: Interval,
    /// Doctors that take bookings.
    pub doctors: Vec<DoctorCalendar>,
    /// Rooms that take bookings.
    pub rooms: Vec<RoomCalendar>,
    /// When the patient being booked is busy (empty when no patient is chosen yet).
    pub patient_busy: Vec<Interval>,
}

impl ClinicCalendar {
    fn hours_in_window(&self, hours: &WeeklyHours) -> Vec<Interval> {
        let first = local_date(self.zone, self.window.start)
            .pred_opt()
            .unwrap_or(local_date(self.zone, self.window.start));
        let last = local_date(self.zone, self.window.end);
        intersect(&hours.intervals(self.zone, first, last), &[self.window])
    }

    fn open(&self) -> Vec<Interval> {
        self.hours_in_window(&self.hours)
    }

    /// When the doctor is free in the window: working hours within opening hours, less leave,
    /// bookings and the patient's own bookings.
    pub fn doctor_free(&self, doctor: &DoctorCalendar) -> Vec<Interval> {
        let working = intersect(&self.hours_in_window(&doctor.hours), &self.open());
        let free = subtract(&working, &doctor.leave);
        let free = subtract(&free, &doctor.busy);
        subtract(&free, &self.patient_busy)
    }

    /// When the room is free in the window: its hours (or the clinic's) less blockouts,
    /// bookings and the patient's own bookings.
    pub fn room_free(&self, room: &RoomCalendar) -> Vec<Interval> {
        let open = match &room.hours {
            Some(h) => intersect(&self.hours_in_window(h), &self.open()),
            None => self.open(),
        };
        let free = subtract(&open, &room.blockouts);
        let free = subtract(&free, &room.busy);
        subtract(&free, &self.patient_busy)
    }
}

/// Total free minutes in a list of intervals.
pub fn free_minutes(free: &[Interval]) -> i64 {
    free.iter().map(|i| (i.end - i.start).num_minutes()).sum()
}

/// Keeps the free intervals at least `minutes` long.
pub fn long_enough(free: &[Interval], minutes: i64) -> Vec<Interval> {
    free.iter()
        .copied()
        .filter(|i| i.end - i.start >= Duration::minutes(minutes))
        .collect()
}
