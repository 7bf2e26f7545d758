//! Timings from the recorded timestamps (waiting: arrival → consultation start; called to
//! seen: the last call from the waiting room → consultation start; consultation length: start
//! → completion) and the busiest hours of the week in clinic-local time.

use chrono::{Datelike, Timelike, Weekday};
use chrono_tz::Tz;

use super::{Positions, ReportInput, Visit};
use crate::scheduling::model::DoctorId;
use crate::scheduling::status::Status;

/// A summary of durations, in minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timing {
    /// How many durations were measured.
    pub count: u32,
    /// The median: the middle value, or the mean of the two middle values.
    pub median_minutes: Option<f64>,
    /// The 90th percentile by nearest rank: the smallest value that at least 90 % of the
    /// durations do not exceed.
    pub p90_minutes: Option<f64>,
    /// The mean.
    pub mean_minutes: Option<f64>,
}

impl Timing {
    /// The summary of durations given in seconds.
    pub fn of_seconds(mut secs: Vec<i64>) -> Timing {
        if secs.is_empty() {
            return Timing::default();
        }
        secs.sort_unstable();
        let n = secs.len();
        let minutes = |s: f64| s / 60.0;
        let median = if n % 2 == 1 {
            secs[n / 2] as f64
        } else {
            (secs[n / 2 - 1] as f64 + secs[n / 2] as f64) / 2.0
        };
        // Nearest rank: ceil(0.9 n), counted from 1.
        let rank = (9 * n).div_ceil(10).max(1);
        let mean = secs.iter().map(|s| *s as f64).sum::<f64>() / n as f64;
        Timing {
            count: n as u32,
            median_minutes: Some(minutes(median)),
            p90_minutes: Some(minutes(secs[rank - 1] as f64)),
            mean_minutes: Some(minutes(mean)),
        }
    }
}

/// Waiting time and consultation length of one doctor's patients.
#[derive(Clone, Debug, PartialEq)]
pub struct DoctorTiming {
    /// The doctor.
    pub doctor: DoctorId,
    /// Their name.
    pub name: String,
    /// Arrival → consultation start.
    pub waiting: Timing,
    /// Last call → consultation start.
    pub called_to_seen: Timing,
    /// Consultation start → completion.
    pub consultation: Timing,
}

/// Booked appointments per clinic-local weekday (Monday first) and hour of their start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BusiestHours {
    /// `counts[weekday][hour]`, weekday 0 = Monday, hour 0–23 in local time.
    pub counts: [[u32; 24]; 7],
}

impl BusiestHours {
    /// The count for a weekday and local hour (0–23; later hours read as 0).
    pub fn at(&self, day: Weekday, hour: u32) -> u32 {
        self.counts[day.num_days_from_monday() as usize]
            .get(hour as usize)
            .copied()
            .unwrap_or(0)
    }

    /// The largest count (0 when there are none).
    pub fn max(&self) -> u32 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }

    /// The busiest cell: weekday, hour and count, the earliest in the week on a tie.
    pub fn busiest(&self) -> Option<(Weekday, u32, u32)> {
        let max = self.max();
        if max == 0 {
            return None;
        }
        crate::scheduling::hours::WEEKDAYS
            .iter()
            .enumerate()
            .find_map(|(d, day)| {
                let hour = self.counts[d].iter().position(|c| *c == max)?;
                Some((*day, hour as u32, max))
            })
    }
}

/// The waiting time of a visit in seconds, when both timestamps are recorded and in order.
fn waiting_secs(v: &Visit) -> Option<i64> {
    if v.status == Status::EnteredInError {
        return None;
    }
    let wait = (v.consultation_started_at? - v.arrived_at?).num_seconds();
    (wait >= 0).then_some(wait)
}

/// The time from the patient's last call to the consultation's start in seconds, when both
/// are recorded and in order.
fn called_to_seen_secs(v: &Visit) -> Option<i64> {
    if v.status == Status::EnteredInError {
        return None;
    }
    let wait = (v.consultation_started_at? - v.called_at?).num_seconds();
    (wait >= 0).then_some(wait)
}

/// The consultation length of a done visit in seconds.
fn consultation_secs(v: &Visit) -> Option<i64> {
    if v.status != Status::Completed {
        return None;
    }
    let length = (v.completed_at? - v.consultation_started_at?).num_seconds();
    (length >= 0).then_some(length)
}

/// The timing tables of a report.
pub(super) struct Timings {
    pub waiting: Timing,
    pub called_to_seen: Timing,
    pub consultation: Timing,
    pub by_doctor: Vec<DoctorTiming>,
}

/// Timings over the appointments that start in the range. A visit whose consultation started
/// before the recorded arrival (or ended before it started) is left out as inconsistent.
pub(super) fn timings(input: &ReportInput, in_range: &[&Visit]) -> Timings {
    let index = Positions::new(input.doctors.iter().map(|d| d.id));
    let mut waits = vec![Vec::new(); input.doctors.len()];
    let mut calls = vec![Vec::new(); input.doctors.len()];
    let mut lengths = vec![Vec::new(); input.doctors.len()];
    let (mut all_waits, mut all_calls, mut all_lengths) = (Vec::new(), Vec::new(), Vec::new());
    for visit in in_range {
        let doctor = index.get(&visit.doctor);
        if let Some(w) = waiting_secs(visit) {
            all_waits.push(w);
            if let Some(i) = doctor {
                waits[i].push(w);
            }
        }
        if let Some(c) = called_to_seen_secs(visit) {
            all_calls.push(c);
            if let Some(i) = doctor {
                calls[i].push(c);
            }
        }
        if let Some(l) = consultation_secs(visit) {
            all_lengths.push(l);
            if let Some(i) = doctor {
                lengths[i].push(l);
            }
        }
    }
    let by_doctor = input
        .doctors
        .iter()
        .zip(waits.into_iter().zip(calls).zip(lengths))
        .map(|(d, ((w, c), l))| DoctorTiming {
            doctor: d.id,
            name: d.name.clone(),
            waiting: Timing::of_seconds(w),
            called_to_seen: Timing::of_seconds(c),
            consultation: Timing::of_seconds(l),
        })
        .collect();
    Timings {
        waiting: Timing::of_seconds(all_waits),
        called_to_seen: Timing::of_seconds(all_calls),
        consultation: Timing::of_seconds(all_lengths),
        by_doctor,
    }
}

/// Booked appointments that start in the range, by local weekday and hour of their start.
pub(super) fn busiest(zone: Tz, in_range: &[&Visit]) -> BusiestHours {
    let mut hours = BusiestHours::default();
    for visit in in_range.iter().filter(|v| v.is_booked()) {
        let local = visit.interval.start.with_timezone(&zone);
        let day = local.weekday().num_days_from_monday() as usize;
        hours.counts[day][local.hour() as usize] += 1;
    }
    hours
}
