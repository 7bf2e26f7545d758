//! Which booked appointments a setup change would leave stranded: outside new hours, on new
//! leave, in a new blockout, or with a doctor or room made inactive. Nothing is ever dropped:
//! the desk lists these so each can be moved, and the appointments stay as they are.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::hours::{WeeklyHours, covered_by};
use super::model::*;
use super::time::local_date;

/// How far ahead a change of hours is checked: appointments further out are rare, and the
/// bound keeps the store's query on its index.
pub const HORIZON_DAYS: i64 = 366;

/// A setup change that may strand booked appointments.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupChange {
    /// New opening hours (or a new zone) for a clinic: every appointment there.
    ClinicHours {
        /// The clinic.
        clinic: ClinicId,
        /// Its zone after the change.
        zone: Tz,
        /// Its opening hours after the change.
        hours: WeeklyHours,
    },
    /// New working hours for a doctor in one clinic.
    DoctorHours {
        /// The doctor.
        doctor: DoctorId,
        /// The clinic the hours are for.
        clinic: ClinicId,
        /// The hours after the change.
        hours: WeeklyHours,
    },
    /// New hours for a room; `None` means it follows the clinic's.
    RoomHours {
        /// The room.
        room: RoomId,
        /// The hours after the change.
        hours: Option<WeeklyHours>,
    },
    /// New leave for a doctor.
    DoctorLeave {
        /// The doctor.
        doctor: DoctorId,
        /// When.
        interval: Interval,
    },
    /// A new blockout of a room.
    RoomBlockout {
        /// The room.
        room: RoomId,
        /// When.
        interval: Interval,
    },
    /// A doctor no longer takes bookings.
    DoctorInactive {
        /// The doctor.
        doctor: DoctorId,
    },
    /// A room no longer takes bookings.
    RoomInactive {
        /// The room.
        room: RoomId,
    },
}

impl SetupChange {
    /// The window of time in which appointments may be stranded, from `now`: an absence's own
    /// interval (from now on), otherwise [`HORIZON_DAYS`] ahead. `None` when it lies in the past.
    pub fn window(&self, now: DateTime<Utc>) -> Option<Interval> {
        let window = match self {
            SetupChange::DoctorLeave { interval, .. }
            | SetupChange::RoomBlockout { interval, .. } => {
                Interval::new(interval.start.max(now), interval.end)
            }
            _ => Interval::new(now, now + Duration::days(HORIZON_DAYS)),
        };
        (window.end > window.start).then_some(window)
    }

    /// True when `a` is an appointment this change concerns (its doctor, room or clinic).
    pub fn concerns(&self, a: &Appointment) -> bool {
        match self {
            SetupChange::ClinicHours { clinic, .. } => a.clinic == *clinic,
            SetupChange::DoctorHours { doctor, clinic, .. } => {
                a.doctor == *doctor && a.clinic == *clinic
            }
            SetupChange::DoctorLeave { doctor, .. } | SetupChange::DoctorInactive { doctor } => {
                a.doctor == *doctor
            }
            SetupChange::RoomHours { room, .. }
            | SetupChange::RoomBlockout { room, .. }
            | SetupChange::RoomInactive { room } => a.room == Some(*room),
        }
    }
}

/// True for an appointment that still needs its time: it holds time, is not over, and ends
/// after `now`.
pub fn still_ahead(a: &Appointment, now: DateTime<Utc>) -> bool {
    a.status.holds_time() && a.status != super::status::Status::Completed && a.interval.end > now
}

/// The appointments (of those given) the change strands, in the order given. `zone` and
/// `clinic_hours` are the clinic's after the change; a room without its own hours follows them.
pub fn stranded<'a>(
    change: &SetupChange,
    zone: Tz,
    clinic_hours: &WeeklyHours,
    now: DateTime<Utc>,
    appointments: impl IntoIterator<Item = &'a Appointment>,
) -> Vec<AppointmentId> {
    let candidates: Vec<&Appointment> = appointments
        .into_iter()
        .filter(|a| change.concerns(a) && still_ahead(a, now))
        .collect();
    let outside = |hours: &WeeklyHours, zone: Tz| -> Vec<AppointmentId> {
        let (Some(first), Some(last)) = (
            candidates.iter().map(|a| a.interval.start).min(),
            candidates.iter().map(|a| a.interval.end).max(),
        ) else {
            return Vec::new();
        };
        let first = local_date(zone, first)
            .pred_opt()
            .unwrap_or(local_date(zone, first));
        let last = local_date(zone, last);
        let open = hours.intervals(zone, first, last);
        candidates
            .iter()
            .filter(|a| !covered_by(&a.interval, &open))
            .map(|a| a.id)
            .collect()
    };
    match change {
        SetupChange::ClinicHours { zone, hours, .. } => outside(hours, *zone),
        SetupChange::DoctorHours { hours, .. } => outside(hours, zone),
        SetupChange::RoomHours { hours, .. } => {
            outside(hours.as_ref().unwrap_or(clinic_hours), zone)
        }
        SetupChange::DoctorLeave { interval, .. } | SetupChange::RoomBlockout { interval, .. } => {
            candidates
                .iter()
                .filter(|a| a.interval.overlaps(interval))
                .map(|a| a.id)
                .collect()
        }
        SetupChange::DoctorInactive { .. } | SetupChange::RoomInactive { .. } => {
            candidates.iter().map(|a| a.id).collect()
        }
    }
}
