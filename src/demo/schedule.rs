//! Filling one day of the demo clinic: each working doctor's hours filled with visits at a
//! realistic rate, rooms and patients never double-booked, statuses that fit the time (done,
//! no-show, cancelled in the past; arrived and with the doctor now; booked and confirmed ahead),
//! walk-ins with queue tokens (each day's sequences counted from one, as the core's queue rule
//! gives them), and now and then an overbooked emergency.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::names::{CANCEL_REASONS, REASONS};
use super::rng::DemoRng;
use crate::scheduling::hours::WeeklyHours;
use crate::scheduling::model::*;
use crate::scheduling::queue;
use crate::scheduling::status::Status;
use crate::scheduling::time::lenient_instant;

/// A demo doctor: id, hours in the clinic, and the room they usually use.
pub struct DoctorPlan {
    /// The doctor.
    pub id: DoctorId,
    /// Working hours.
    pub hours: WeeklyHours,
    /// Index into the consultation rooms.
    pub home_room: usize,
    /// Position, which decides the leave pattern.
    pub index: usize,
}

/// A demo visit type and how often it is booked.
pub struct VisitPlan {
    /// The type.
    pub visit_type: VisitType,
    /// Relative frequency.
    pub weight: u32,
    /// Needs a procedure room.
    pub procedure: bool,
}

/// One generated appointment, ready for the bulk writer.
pub struct Generated {
    /// The appointment.
    pub appointment: Appointment,
    /// Set for overbooked emergencies.
    pub overbook_reason: Option<&'static str>,
    /// When it was booked (its "created" audit event).
    pub created_at: DateTime<Utc>,
}

/// Everything the day generator needs.
pub struct Schedule<'a> {
    /// The clinic.
    pub clinic: ClinicId,
    /// Its zone.
    pub zone: Tz,
    /// Today, clinic-local.
    pub today: NaiveDate,
    /// Now.
    pub now: DateTime<Utc>,
    /// Doctors.
    pub doctors: &'a [DoctorPlan],
    /// Consultation rooms.
    pub consult_rooms: &'a [RoomId],
    /// Procedure rooms.
    pub procedure_rooms: &'a [RoomId],
    /// The tele-booth.
    pub tele_booth: RoomId,
    /// Visit types with weights.
    pub visits: &'a [VisitPlan],
    /// Patients to draw from.
    pub patients: &'a [PatientId],
    /// A room blocked on one date (maintenance), never booked then.
    pub blocked: Option<(RoomId, NaiveDate)>,
}

/// Is the doctor on leave that day? Five days every 26 weeks, staggered between doctors.
pub fn on_leave(doctor_index: usize, date: NaiveDate) -> bool {
    (i64::from(date.num_days_from_ce()) + doctor_index as i64 * 37).rem_euclid(182) < 5
}

/// How full a day is: busy in the past, filling up in the next days, sparse months ahead.
fn fill_rate(today: NaiveDate, date: NaiveDate) -> f64 {
    let ahead = (date - today).num_days();
    if ahead <= 0 {
        0.86
    } else {
        0.9 * (-(ahead as f64) / 21.0).exp()
    }
}

#[derive(Default)]
struct Occupancy {
    rooms: HashMap<RoomId, Vec<(i64, i64)>>,
    patients: HashMap<PatientId, Vec<(i64, i64)>>,
}

fn free(list: Option<&Vec<(i64, i64)>>, s: i64, e: i64) -> bool {
    list.is_none_or(|l| l.iter().all(|&(a, b)| e <= a || b <= s))
}

impl Occupancy {
    fn room_free(&self, room: RoomId, s: i64, e: i64) -> bool {
        free(self.rooms.get(&room), s, e)
    }
    fn patient_free(&self, p: PatientId, s: i64, e: i64) -> bool {
        free(self.patients.get(&p), s, e)
    }
}

impl Schedule<'_> {
    /// Generates one day, calling `emit` for each appointment, at most `budget` of them.
    pub fn day(
        &self,
        rng: &mut DemoRng,
        date: NaiveDate,
        budget: u64,
        emit: &mut dyn FnMut(Generated),
    ) -> u64 {
        let mut made = 0u64;
        let mut occupied = Occupancy::default();
        let mut walk_ins = 0u32;
        let mut emergencies = 0u32;
        let rate = fill_rate(self.today, date);
        let at = |minute: u16| {
            let t = NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
                .unwrap_or(NaiveTime::MIN);
            lenient_instant(self.zone, date.and_time(t))
        };
        let weights: Vec<u32> = self.visits.iter().map(|v| v.weight).collect();
        for doctor in self.doctors {
            if on_leave(doctor.index, date) {
                continue;
            }
            let mut doctor_free_from = i64::MIN;
            for span in doctor.hours.on(date.weekday()) {
                let mut cursor = span.start_minute;
                while cursor < span.end_minute {
                    if made >= budget {
                        return made;
                    }
                    if !rng.chance(rate) {
                        cursor += 15;
                        continue;
                    }
                    let plan = &self.visits[rng.weighted(&weights)];
                    let minutes = plan.visit_type.minutes as u16;
                    if cursor + minutes > span.end_minute {
                        cursor += 5;
                        continue;
                    }
                    let start = at(cursor);
                    let end = start + Duration::minutes(i64::from(minutes));
                    let (s, e) = (start.timestamp(), end.timestamp());
                    cursor += minutes;
                    if s < doctor_free_from {
                        continue;
                    }
                    let room = self.choose_room(rng, plan, doctor, &occupied, date, s, e);
                    if plan.visit_type.default_mode == Mode::InClinic && room.is_none() {
                        continue;
                    }
                    let Some(patient) = self.choose_patient(rng, &occupied, s, e) else {
                        continue;
                    };
                    let kind = if date <= self.today && start <= self.now && rng.chance(0.04) {
                        walk_ins += 1;
                        Kind::WalkIn
                    } else {
                        Kind::Scheduled
                    };
                    let token = match kind {
                        Kind::WalkIn => queue::token('W', walk_ins),
                        _ => String::new(),
                    };
                    let generated = self.appointment(
                        rng, doctor.id, room, patient, plan, start, end, kind, token, None,
                    );
                    if let Some(room) = room {
                        occupied.rooms.entry(room).or_default().push((s, e));
                    }
                    occupied.patients.entry(patient).or_default().push((s, e));
                    doctor_free_from = e;
                    emit(generated);
                    made += 1;
                }
            }
        }
        // Now and then an emergency squeezed in on top of a doctor's bookings.
        if date <= self.today && made < budget && rng.chance(0.15) {
            let doctor = rng.pick(self.doctors);
            if let Some(span) = doctor.hours.on(date.weekday()).first().copied()
                && !on_leave(doctor.index, date)
                && span.end_minute - span.start_minute >= 60
            {
                let offset =
                    rng.below(u64::from((span.end_minute - span.start_minute - 30) / 5)) as u16 * 5;
                let start = at(span.start_minute + offset);
                let end = start + Duration::minutes(30);
                if start <= self.now
                    && let Some(patient) =
                        self.choose_patient(rng, &occupied, start.timestamp(), end.timestamp())
                {
                    emergencies += 1;
                    let plan = &self.visits[0];
                    emit(self.appointment(
                        rng,
                        doctor.id,
                        None,
                        patient,
                        plan,
                        start,
                        end,
                        Kind::Emergency,
                        queue::token('E', emergencies),
                        Some("Emergency: seen at once"),
                    ));
                    made += 1;
                }
            }
        }
        made
    }

    #[allow(clippy::too_many_arguments)]
    fn choose_room(
        &self,
        rng: &mut DemoRng,
        plan: &VisitPlan,
        doctor: &DoctorPlan,
        occupied: &Occupancy,
        date: NaiveDate,
        s: i64,
        e: i64,
    ) -> Option<RoomId> {
        let usable =
            |room: RoomId| occupied.room_free(room, s, e) && self.blocked != Some((room, date));
        match plan.visit_type.default_mode {
            Mode::InClinic if plan.procedure => {
                self.procedure_rooms.iter().copied().find(|r| usable(*r))
            }
            Mode::InClinic => {
                let home = self.consult_rooms[doctor.home_room % self.consult_rooms.len()];
                if usable(home) {
                    return Some(home);
                }
                let start = rng.below(self.consult_rooms.len() as u64) as usize;
                (0..self.consult_rooms.len())
                    .map(|i| self.consult_rooms[(start + i) % self.consult_rooms.len()])
                    .find(|r| usable(*r))
            }
            Mode::Video | Mode::Phone => {
                (rng.chance(0.5) && usable(self.tele_booth)).then_some(self.tele_booth)
            }
        }
    }

    fn choose_patient(
        &self,
        rng: &mut DemoRng,
        occupied: &Occupancy,
        s: i64,
        e: i64,
    ) -> Option<PatientId> {
        (0..6)
            .map(|_| *rng.pick(self.patients))
            .find(|p| occupied.patient_free(*p, s, e))
    }

    #[allow(clippy::too_many_arguments)]
    fn appointment(
        &self,
        rng: &mut DemoRng,
        doctor: DoctorId,
        room: Option<RoomId>,
        patient: PatientId,
        plan: &VisitPlan,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        kind: Kind,
        queue_token: String,
        overbook: Option<&'static str>,
    ) -> Generated {
        let minutes = |n: u64| Duration::minutes(n as i64);
        let created_at = if kind.arrives_now() {
            start - minutes(rng.below(30))
        } else {
            (start - Duration::days(1 + rng.below(40) as i64) - minutes(rng.below(600)))
                .min(self.now)
        };
        let mode = plan.visit_type.default_mode;
        let mut a = Appointment {
            id: AppointmentId(
                uuid::Builder::from_unix_timestamp_millis(
                    created_at.timestamp_millis().max(0) as u64,
                    &rng.bytes16()[..10].try_into().unwrap_or([0; 10]),
                )
                .into_uuid(),
            ),
            clinic: self.clinic,
            patient,
            doctor,
            room,
            visit_type: Some(plan.visit_type.id),
            interval: Interval::new(start, end),
            mode,
            kind,
            priority: if kind == Kind::Emergency { 2 } else { 0 },
            status: Status::Scheduled,
            reason: rng.pick(&REASONS).to_string(),
            notes: String::new(),
            meeting_link: String::new(),
            queue_token,
            arrived_at: None,
            consultation_started_at: None,
            completed_at: None,
            cancellation: None,
            created_by: if kind.arrives_now() {
                "reception"
            } else {
                "demo"
            }
            .to_owned(),
            updated_by: "demo".to_owned(),
            sequence: 0,
        };
        if mode == Mode::Video {
            a.meeting_link = format!("https://meet.jit.si/frontdesk-{}", a.id.0.simple());
        }
        self.set_status(rng, &mut a);
        if let Some(c) = a.cancellation.as_mut()
            && c.at < created_at
        {
            // Cancelled after it was booked, never before.
            c.at = created_at + (start - created_at) / 2;
            c.late = start - c.at < Duration::hours(24);
        }
        Generated {
            appointment: a,
            overbook_reason: overbook,
            created_at,
        }
    }

    /// Gives the appointment a status that fits its time relative to now.
    fn set_status(&self, rng: &mut DemoRng, a: &mut Appointment) {
        let minutes = |n: u64| Duration::minutes(n as i64);
        let (start, end) = (a.interval.start, a.interval.end);
        let arrives = a.kind.arrives_now();
        if end <= self.now {
            let roll = if arrives { 999 } else { rng.below(1000) };
            if roll < 60 {
                a.status = Status::NoShow;
            } else if roll < 160 {
                let at = start - minutes(60 + rng.below(24 * 60 * 5));
                a.status = Status::Cancelled;
                a.cancellation = Some(Cancellation {
                    reason: rng.pick(&CANCEL_REASONS).to_string(),
                    by: if rng.chance(0.8) {
                        CancelledBy::Patient
                    } else {
                        CancelledBy::Clinic
                    },
                    late: start - at < Duration::hours(24),
                    at,
                });
            } else if roll < 167 {
                a.status = Status::EnteredInError;
            } else {
                // Each step happened, in order, by now (`status::check_timestamps`).
                let arrived = start - minutes(rng.below(25));
                let began = (start + minutes(rng.below(20))).max(arrived).min(self.now);
                let done = began + (end - start) + minutes(rng.below(8)) - minutes(3);
                a.status = Status::Completed;
                a.arrived_at = Some(arrived);
                a.consultation_started_at = Some(began);
                a.completed_at = Some(done.min(self.now).max(began));
            }
        } else if start <= self.now {
            a.status = Status::InConsultation;
            a.arrived_at = Some(start - minutes(rng.below(20)));
            a.consultation_started_at =
                Some(start.max(self.now - minutes(rng.below(10))).min(self.now));
        } else if start - self.now < Duration::minutes(45) && rng.chance(0.6) {
            a.status = Status::CheckedIn;
            a.arrived_at = Some(self.now - minutes(rng.below(25)));
        } else {
            let roll = rng.below(100);
            if roll < 5 {
                let at = self.now - minutes(rng.below(60 * 24 * 3));
                a.status = Status::Cancelled;
                a.cancellation = Some(Cancellation {
                    reason: rng.pick(&CANCEL_REASONS).to_string(),
                    by: CancelledBy::Patient,
                    late: start - at < Duration::hours(24),
                    at,
                });
            } else if roll < 45 {
                a.status = Status::Confirmed;
            } else {
                a.status = Status::Scheduled;
            }
        }
    }
}
