//! Manager reports: the arithmetic over a range of clinic-local dates. Room utilisation (booked
//! and actually used minutes over open minutes, per room and per day), clinician utilisation
//! (booked and used minutes over working minutes), no-show and late-cancel rates per doctor and
//! per visit type, waiting time and consultation length, and the busiest hours of the week.
//!
//! The store loads a [`ReportInput`] (a compact row per appointment, not full appointments) and
//! [`compute`] turns it into a [`Report`]. Nothing here reads the clock: "now" is in the input.
//!
//! What counts, stated once for every report:
//! - **Booked**: an appointment that held its place on the calendar: scheduled, confirmed,
//!   checked in, with the doctor, done, and no-show (the time was held although the patient
//!   never came). Cancelled and entered-in-error appointments never count as booked.
//! - **Used**: the time a consultation actually took, from its recorded consultation start to its
//!   recorded completion; for one still under way, to "now". Only done and with-the-doctor
//!   appointments have used time; arrival → start is waiting, not use.
//! - **Open** (rooms): the room's own hours (or the clinic's) within the clinic's opening hours,
//!   less the room's blockouts. **Working** (doctors): the doctor's hours in this clinic within
//!   the clinic's opening hours, less leave. Both are turned into UTC intervals per local day, so
//!   a 23- or 25-hour day (a DST change) has exactly the minutes it really had.
//! - Booked and used minutes are counted only inside open (working) time, and overlapping
//!   appointments of one room or doctor count once: a share never exceeds 100 %.
//! - **Due**: an appointment that starts in the range and before "now", and is not entered in
//!   error. Rates are shares of the due appointments.

mod attendance;
mod timing;
mod usage;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::hours::WeeklyHours;
use super::model::{DoctorId, Interval, RoomId, VisitTypeId};
use super::status::Status;
use super::time::local_day;

pub use attendance::{Attendance, AttendanceGroup};
pub use timing::{BusiestHours, DoctorTiming, Timing};
pub use usage::{ResourceUsage, Usage};

/// A range of clinic-local dates, first to last inclusive, at most [`ReportRange::MAX_DAYS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReportRange {
    first: NaiveDate,
    last: NaiveDate,
}

/// Why a report range was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The last date is before the first.
    #[error(
        "{}",
        crate::t!(
            "core-report-end-before-start",
            last = last.to_string(),
            first = first.to_string(),
        )
    )]
    EndBeforeStart {
        /// The first date asked for.
        first: NaiveDate,
        /// The last date asked for.
        last: NaiveDate,
    },
    /// More days than a report covers.
    #[error(
        "{}",
        crate::t!(
            "core-report-too-long",
            days = days.to_string(),
            max = ReportRange::MAX_DAYS.to_string(),
        )
    )]
    TooLong {
        /// How many days were asked for.
        days: i64,
    },
}

impl ReportRange {
    /// The longest range a report covers: a year, leap or not.
    pub const MAX_DAYS: i64 = 366;

    /// The dates `first` to `last`, both included.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Result<Self, ReportError> {
        if last < first {
            return Err(ReportError::EndBeforeStart { first, last });
        }
        let days = (last - first).num_days() + 1;
        if days > Self::MAX_DAYS {
            return Err(ReportError::TooLong { days });
        }
        Ok(Self { first, last })
    }

    /// The first date.
    pub fn first(&self) -> NaiveDate {
        self.first
    }

    /// The last date (included).
    pub fn last(&self) -> NaiveDate {
        self.last
    }

    /// How many dates the range holds.
    pub fn len(&self) -> usize {
        ((self.last - self.first).num_days() + 1) as usize
    }

    /// Never true: a range holds at least one date.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Every date of the range, in order.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.len() as i64).map(move |i| self.first + Duration::days(i))
    }

    /// The UTC instants the range covers in `zone`: from local midnight of the first date to
    /// local midnight after the last.
    pub fn window(&self, zone: Tz) -> Interval {
        Interval::new(
            local_day(zone, self.first).start,
            local_day(zone, self.last).end,
        )
    }
}

/// One appointment as the reports need it: who, where, what, when, and what happened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Visit {
    /// The doctor.
    pub doctor: DoctorId,
    /// The room, if one was booked.
    pub room: Option<RoomId>,
    /// The visit type, if chosen.
    pub visit_type: Option<VisitTypeId>,
    /// The booked time.
    pub interval: Interval,
    /// Its status now.
    pub status: Status,
    /// Cancelled less than 24 hours before the start.
    pub late_cancel: bool,
    /// When the patient arrived.
    pub arrived_at: Option<DateTime<Utc>>,
    /// When the consultation started.
    pub consultation_started_at: Option<DateTime<Utc>>,
    /// When the consultation ended.
    pub completed_at: Option<DateTime<Utc>>,
    /// When the patient was last called from the waiting room, if they were.
    pub called_at: Option<DateTime<Utc>>,
}

impl Visit {
    /// True when the appointment counts as booked (see the module's definitions).
    pub fn is_booked(&self) -> bool {
        counts_as_booked(self.status)
    }
}

/// True for the statuses that count as booked: all but cancelled and entered in error.
pub fn counts_as_booked(status: Status) -> bool {
    !matches!(status, Status::Cancelled | Status::EnteredInError)
}

/// A room as the reports need it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomSetup {
    /// The room.
    pub id: RoomId,
    /// Its name.
    pub name: String,
    /// Its own hours; `None` means the clinic's.
    pub hours: Option<WeeklyHours>,
    /// Blockouts overlapping the range.
    pub blockouts: Vec<Interval>,
}

/// A doctor as the reports need it.
#[derive(Clone, Debug, PartialEq)]
pub struct DoctorSetup {
    /// The doctor.
    pub id: DoctorId,
    /// Their name.
    pub name: String,
    /// Weekly working hours in this clinic (empty when they do not work here).
    pub hours: WeeklyHours,
    /// Leave overlapping the range.
    pub leave: Vec<Interval>,
}

/// Everything a report is computed from, loaded by the store for one clinic and range.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportInput {
    /// The clinic's name, for titles.
    pub clinic_name: String,
    /// The clinic's zone: dates and hours are read in it.
    pub zone: Tz,
    /// The clinic's opening hours.
    pub clinic_hours: WeeklyHours,
    /// The dates reported on.
    pub range: ReportRange,
    /// Now: what is due, and where a consultation under way has got to.
    pub now: DateTime<Utc>,
    /// The clinic's rooms, in the order the report lists them.
    pub rooms: Vec<RoomSetup>,
    /// The doctors who work in the clinic or saw patients there in the range, in order.
    pub doctors: Vec<DoctorSetup>,
    /// Visit types and their names, in order.
    pub visit_types: Vec<(VisitTypeId, String)>,
    /// Appointments of the clinic that overlap the range's window.
    pub visits: Vec<Visit>,
}

/// Every report over one clinic and range.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The clinic's name.
    pub clinic_name: String,
    /// The dates reported on.
    pub range: ReportRange,
    /// Per room: open, booked and used minutes per day and in total.
    pub rooms: Vec<ResourceUsage<RoomId>>,
    /// Per doctor: working, booked and used minutes per day and in total.
    pub doctors: Vec<ResourceUsage<DoctorId>>,
    /// All rooms together.
    pub rooms_total: Usage,
    /// All doctors together.
    pub doctors_total: Usage,
    /// Attendance (no-shows, late cancellations) per doctor.
    pub attendance_by_doctor: Vec<Attendance>,
    /// Attendance per visit type (appointments without one last).
    pub attendance_by_visit_type: Vec<Attendance>,
    /// Attendance over the whole clinic.
    pub attendance_total: Attendance,
    /// Arrival → consultation start over the whole clinic.
    pub waiting: Timing,
    /// Last call from the waiting room → consultation start over the whole clinic (patients
    /// who were called).
    pub called_to_seen: Timing,
    /// Consultation start → completion over the whole clinic.
    pub consultation: Timing,
    /// Waiting and consultation length per doctor.
    pub timing_by_doctor: Vec<DoctorTiming>,
    /// Booked appointments by local weekday and hour of their start.
    pub busiest: BusiestHours,
}

/// True when the appointment starts inside the range's window.
fn starts_in(window: &Interval, visit: &Visit) -> bool {
    window.start <= visit.interval.start && visit.interval.start < window.end
}

/// Where each id sits in a short list (a clinic's rooms, doctors or visit types): a sorted list
/// searched by halves. For a few dozen ids this is several times cheaper than hashing the id of
/// every one of a year's hundred thousand visits.
pub(super) struct Positions<Id>(Vec<(Id, usize)>);

impl<Id: Ord + Copy> Positions<Id> {
    /// The positions of `ids`, in their order (the first wins if an id repeats).
    pub(super) fn new(ids: impl IntoIterator<Item = Id>) -> Self {
        let mut list: Vec<(Id, usize)> =
            ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
        list.sort_by_key(|&(id, i)| (id, i));
        list.dedup_by_key(|(id, _)| *id);
        Self(list)
    }

    /// Where `id` is, if it is in the list.
    pub(super) fn get(&self, id: &Id) -> Option<usize> {
        self.0
            .binary_search_by(|(k, _)| k.cmp(id))
            .ok()
            .map(|at| self.0[at].1)
    }
}

/// Computes every report from its input.
pub fn compute(input: &ReportInput) -> Report {
    let window = input.range.window(input.zone);
    let (rooms, doctors) = usage::resources(input);
    let rooms_total = rooms.iter().map(|r| r.total).sum();
    let doctors_total = doctors.iter().map(|d| d.total).sum();
    let in_range: Vec<&Visit> = input
        .visits
        .iter()
        .filter(|v| starts_in(&window, v))
        .collect();
    let attendance = attendance::attendance(input, &in_range);
    let timing = timing::timings(input, &in_range);
    Report {
        clinic_name: input.clinic_name.clone(),
        range: input.range,
        rooms,
        doctors,
        rooms_total,
        doctors_total,
        attendance_by_doctor: attendance.by_doctor,
        attendance_by_visit_type: attendance.by_visit_type,
        attendance_total: attendance.total,
        waiting: timing.waiting,
        called_to_seen: timing.called_to_seen,
        consultation: timing.consultation,
        timing_by_doctor: timing.by_doctor,
        busiest: timing::busiest(input.zone, &in_range),
    }
}
