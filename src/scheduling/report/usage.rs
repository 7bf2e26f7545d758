//! Utilisation: open (or working) time per clinic-local day from weekly hours, and the booked and
//! used time inside it, per room and per doctor.

use std::iter::Sum;
use std::ops::Add;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{Positions, ReportInput, Visit};
use crate::scheduling::hours::{WeeklyHours, intersect, subtract};
use crate::scheduling::model::{DoctorId, Interval, RoomId};
use crate::scheduling::status::Status;

/// Open, booked and used time of one room or doctor over one day (or a sum of days), in seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Open time (rooms) or working time (doctors).
    pub open_secs: i64,
    /// Booked time inside the open time.
    pub booked_secs: i64,
    /// Used time (consultation start → completion) inside the open time.
    pub used_secs: i64,
}

fn whole_minutes(secs: i64) -> i64 {
    (secs + 30).div_euclid(60)
}

impl Usage {
    /// Open (working) minutes, to the nearest minute.
    pub fn open_minutes(&self) -> i64 {
        whole_minutes(self.open_secs)
    }

    /// Booked minutes, to the nearest minute.
    pub fn booked_minutes(&self) -> i64 {
        whole_minutes(self.booked_secs)
    }

    /// Used minutes, to the nearest minute.
    pub fn used_minutes(&self) -> i64 {
        whole_minutes(self.used_secs)
    }

    /// Booked over open, 0.0–1.0; `None` when nothing was open.
    pub fn booked_share(&self) -> Option<f64> {
        (self.open_secs > 0).then(|| self.booked_secs as f64 / self.open_secs as f64)
    }

    /// Used over open, 0.0–1.0; `None` when nothing was open.
    pub fn used_share(&self) -> Option<f64> {
        (self.open_secs > 0).then(|| self.used_secs as f64 / self.open_secs as f64)
    }
}

impl Add for Usage {
    type Output = Usage;

    fn add(self, other: Usage) -> Usage {
        Usage {
            open_secs: self.open_secs + other.open_secs,
            booked_secs: self.booked_secs + other.booked_secs,
            used_secs: self.used_secs + other.used_secs,
        }
    }
}

impl Sum for Usage {
    fn sum<I: Iterator<Item = Usage>>(iter: I) -> Usage {
        iter.fold(Usage::default(), Add::add)
    }
}

/// One room's or doctor's usage: per date of the range, and in total.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceUsage<Id> {
    /// The room or doctor.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// One entry per date of the range, in order.
    pub days: Vec<Usage>,
    /// The sum of the days.
    pub total: Usage,
}

/// Sorts and merges intervals that overlap or touch.
fn merge(mut list: Vec<Interval>) -> Vec<Interval> {
    list.sort();
    let mut out: Vec<Interval> = Vec::with_capacity(list.len());
    for i in list {
        match out.last_mut() {
            Some(last) if last.end >= i.start => last.end = last.end.max(i.end),
            _ => out.push(i),
        }
    }
    out
}

fn seconds(list: &[Interval]) -> i64 {
    list.iter().map(|i| (i.end - i.start).num_seconds()).sum()
}

/// The part of a sorted, merged list that may overlap `[from, to)`.
fn overlapping(merged: &[Interval], from: DateTime<Utc>, to: DateTime<Utc>) -> &[Interval] {
    let lo = merged.partition_point(|i| i.end <= from);
    let hi = merged.partition_point(|i| i.start < to).max(lo);
    &merged[lo..hi]
}

/// Time inside `open` covered by the merged list.
fn covered(open: &[Interval], merged: &[Interval]) -> i64 {
    let (Some(first), Some(last)) = (open.first(), open.last()) else {
        return 0;
    };
    seconds(&intersect(open, overlapping(merged, first.start, last.end)))
}

/// The time a consultation actually took (see the module's definition of "used").
pub(super) fn used_interval(visit: &Visit, now: DateTime<Utc>) -> Option<Interval> {
    let start = visit.consultation_started_at?;
    let end = match visit.status {
        Status::Completed => visit.completed_at?,
        Status::InConsultation => now,
        _ => return None,
    };
    (end > start).then(|| Interval::new(start, end))
}

/// Usage per day from the open time of each day and the merged booked and used lists.
fn per_day<Id>(
    id: Id,
    name: &str,
    open_by_day: &[Vec<Interval>],
    booked: Vec<Interval>,
    used: Vec<Interval>,
) -> ResourceUsage<Id> {
    let (booked, used) = (merge(booked), merge(used));
    let days: Vec<Usage> = open_by_day
        .iter()
        .map(|open| Usage {
            open_secs: seconds(open),
            booked_secs: covered(open, &booked),
            used_secs: covered(open, &used),
        })
        .collect();
    ResourceUsage {
        id,
        name: name.to_owned(),
        total: days.iter().copied().sum(),
        days,
    }
}

/// One resource's open time on each date: its hours within the clinic's, less absences.
fn open_by_day(
    zone: Tz,
    dates: &[NaiveDate],
    clinic_by_day: &[Vec<Interval>],
    own: Option<&WeeklyHours>,
    absent: &[Interval],
) -> Vec<Vec<Interval>> {
    dates
        .iter()
        .zip(clinic_by_day)
        .map(|(date, clinic)| {
            let hours = match own {
                Some(h) => intersect(&h.intervals(zone, *date, *date), clinic),
                None => clinic.clone(),
            };
            if absent.is_empty() {
                hours
            } else {
                subtract(&hours, absent)
            }
        })
        .collect()
}

/// Usage of every room and every doctor of the input, in the input's order.
pub(super) fn resources(
    input: &ReportInput,
) -> (Vec<ResourceUsage<RoomId>>, Vec<ResourceUsage<DoctorId>>) {
    let zone = input.zone;
    let dates: Vec<NaiveDate> = input.range.dates().collect();
    let clinic_by_day: Vec<Vec<Interval>> = dates
        .iter()
        .map(|d| input.clinic_hours.intervals(zone, *d, *d))
        .collect();
    let room_index = Positions::new(input.rooms.iter().map(|r| r.id));
    let doctor_index = Positions::new(input.doctors.iter().map(|d| d.id));
    let mut room_booked = vec![Vec::new(); input.rooms.len()];
    let mut room_used = vec![Vec::new(); input.rooms.len()];
    let mut doctor_booked = vec![Vec::new(); input.doctors.len()];
    let mut doctor_used = vec![Vec::new(); input.doctors.len()];
    for visit in input.visits.iter().filter(|v| v.is_booked()) {
        let used = used_interval(visit, input.now);
        if let Some(i) = doctor_index.get(&visit.doctor) {
            doctor_booked[i].push(visit.interval);
            doctor_used[i].extend(used);
        }
        if let Some(i) = visit.room.as_ref().and_then(|r| room_index.get(r)) {
            room_booked[i].push(visit.interval);
            room_used[i].extend(used);
        }
    }
    let rooms = input
        .rooms
        .iter()
        .zip(room_booked.into_iter().zip(room_used))
        .map(|(room, (booked, used))| {
            let open = open_by_day(
                zone,
                &dates,
                &clinic_by_day,
                room.hours.as_ref(),
                &room.blockouts,
            );
            per_day(room.id, &room.name, &open, booked, used)
        })
        .collect();
    let doctors = input
        .doctors
        .iter()
        .zip(doctor_booked.into_iter().zip(doctor_used))
        .map(|(doctor, (booked, used))| {
            let open = open_by_day(
                zone,
                &dates,
                &clinic_by_day,
                Some(&doctor.hours),
                &doctor.leave,
            );
            per_day(doctor.id, &doctor.name, &open, booked, used)
        })
        .collect();
    (rooms, doctors)
}
