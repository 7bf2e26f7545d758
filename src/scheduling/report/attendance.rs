//! Attendance: of the appointments that were due, how many were done, missed (no-show) or
//! cancelled late, per doctor, per visit type and for the whole clinic.

use super::{Positions, ReportInput, Visit};
use crate::scheduling::model::{DoctorId, VisitTypeId};
use crate::scheduling::status::Status;

/// What an attendance row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttendanceGroup {
    /// One doctor.
    Doctor(DoctorId),
    /// One visit type, or (`None`) appointments booked without one.
    VisitType(Option<VisitTypeId>),
    /// The whole clinic.
    Clinic,
}

/// Counts of the due appointments of one doctor, visit type or the clinic (see the module's
/// definition of "due").
#[derive(Clone, Debug, PartialEq)]
pub struct Attendance {
    /// What the row is about.
    pub group: AttendanceGroup,
    /// Its name as staff read it.
    pub name: String,
    /// Appointments due in the range.
    pub due: u32,
    /// Of those, done.
    pub completed: u32,
    /// Of those, marked no-show.
    pub no_shows: u32,
    /// Of those, cancelled (late or not).
    pub cancelled: u32,
    /// Of the cancelled, those cancelled less than 24 hours before the start.
    pub late_cancels: u32,
}

impl Attendance {
    fn new(group: AttendanceGroup, name: String) -> Self {
        Self {
            group,
            name,
            due: 0,
            completed: 0,
            no_shows: 0,
            cancelled: 0,
            late_cancels: 0,
        }
    }

    fn count(&mut self, visit: &Visit) {
        self.due += 1;
        match visit.status {
            Status::Completed => self.completed += 1,
            Status::NoShow => self.no_shows += 1,
            Status::Cancelled => {
                self.cancelled += 1;
                if visit.late_cancel {
                    self.late_cancels += 1;
                }
            }
            _ => {}
        }
    }

    /// No-shows over due appointments, 0.0–1.0; `None` when none were due.
    pub fn no_show_rate(&self) -> Option<f64> {
        (self.due > 0).then(|| f64::from(self.no_shows) / f64::from(self.due))
    }

    /// Late cancellations over due appointments, 0.0–1.0; `None` when none were due.
    pub fn late_cancel_rate(&self) -> Option<f64> {
        (self.due > 0).then(|| f64::from(self.late_cancels) / f64::from(self.due))
    }
}

/// The attendance tables of a report.
pub(super) struct Attendances {
    pub by_doctor: Vec<Attendance>,
    pub by_visit_type: Vec<Attendance>,
    pub total: Attendance,
}

/// Attendance of the appointments that start in the range (`in_range`).
pub(super) fn attendance(input: &ReportInput, in_range: &[&Visit]) -> Attendances {
    let mut by_doctor: Vec<Attendance> = input
        .doctors
        .iter()
        .map(|d| Attendance::new(AttendanceGroup::Doctor(d.id), d.name.clone()))
        .collect();
    let mut by_type: Vec<Attendance> = input
        .visit_types
        .iter()
        .map(|(id, name)| Attendance::new(AttendanceGroup::VisitType(Some(*id)), name.clone()))
        .collect();
    let doctor_index = Positions::new(input.doctors.iter().map(|d| d.id));
    let type_index = Positions::new(input.visit_types.iter().map(|(id, _)| *id));
    let mut untyped = Attendance::new(
        AttendanceGroup::VisitType(None),
        crate::t!("core-report-no-visit-type"),
    );
    let mut total = Attendance::new(AttendanceGroup::Clinic, input.clinic_name.clone());
    let due = in_range
        .iter()
        .filter(|v| v.status != Status::EnteredInError && v.interval.start < input.now);
    for visit in due {
        total.count(visit);
        if let Some(i) = doctor_index.get(&visit.doctor) {
            by_doctor[i].count(visit);
        }
        match visit.visit_type.and_then(|t| type_index.get(&t)) {
            Some(i) => by_type[i].count(visit),
            None => untyped.count(visit),
        }
    }
    if untyped.due > 0 {
        by_type.push(untyped);
    }
    Attendances {
        by_doctor,
        by_visit_type: by_type,
        total,
    }
}
