//! Conflict detection: every reason a proposed booking or move clashes with the clinic's rules,
//! each typed and with a message a receptionist understands; and the decision to accept, refuse
//! or overbook.

use std::fmt;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::i18n::Language;

use super::hours::{WeeklyHours, covered_by};
use super::model::{
    AppointmentId, DoctorId, Interval, Kind, MAX_APPOINTMENT_MINUTES, PatientId, RoomId,
};
use super::status::Status;
use super::time::{
    FIRST_DATE, LAST_DATE, LocalTime, local_date, on_whole_minute, resolve_local, whole_minute,
};

/// What a booking or move asks for, in UTC instants.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The doctor.
    pub doctor: DoctorId,
    /// The room, if any.
    pub room: Option<RoomId>,
    /// The patient.
    pub patient: PatientId,
    /// When.
    pub interval: Interval,
    /// Scheduled, walk-in or emergency (walk-ins may start in the past).
    pub kind: Kind,
    /// The appointment being moved, which must not conflict with itself.
    pub moving: Option<AppointmentId>,
}

/// An existing appointment near the proposed time, as the conflict check needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Booked {
    /// Its id.
    pub id: AppointmentId,
    /// Its doctor.
    pub doctor: DoctorId,
    /// Its room.
    pub room: Option<RoomId>,
    /// Its patient.
    pub patient: PatientId,
    /// Its time.
    pub interval: Interval,
    /// Its status (only those that hold their time conflict).
    pub status: Status,
    /// The patient's name, for the message.
    pub patient_name: String,
    /// The doctor's name, for the message.
    pub doctor_name: String,
}

/// A time the doctor is away or a room is blocked, with the reason staff gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Absence {
    /// When.
    pub interval: Interval,
    /// Why, e.g. "annual leave" or "deep clean".
    pub reason: String,
}

/// A room as the conflict check needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomRules {
    /// Its name, for messages.
    pub name: String,
    /// Its own opening hours; `None` means the clinic's hours apply.
    pub hours: Option<WeeklyHours>,
    /// Blockouts near the proposed time.
    pub blockouts: Vec<Absence>,
    /// Inactive rooms take no bookings.
    pub active: bool,
}

/// Everything the conflict check looks at, loaded by the store for one proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictContext {
    /// The clinic's time zone.
    pub zone: Tz,
    /// The clinic's name.
    pub clinic_name: String,
    /// The clinic's opening hours.
    pub clinic_hours: WeeklyHours,
    /// The doctor's name.
    pub doctor_name: String,
    /// Whether the doctor takes bookings.
    pub doctor_active: bool,
    /// The doctor's working hours in this clinic.
    pub doctor_hours: WeeklyHours,
    /// The doctor's leave near the proposed time.
    pub doctor_leave: Vec<Absence>,
    /// The room's rules, when the proposal names a room.
    pub room: Option<RoomRules>,
    /// Appointments of the same doctor, room or patient that may overlap the proposal.
    pub nearby: Vec<Booked>,
}

/// How much a conflict weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Only for information; the booking goes ahead.
    Notice,
    /// Refused unless staff explicitly overbook with a reason.
    Hard,
    /// The request itself is wrong; no override helps.
    Invalid,
}

/// Another appointment a proposal clashes with, in clinic-local time.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    /// Its id.
    pub id: AppointmentId,
    /// Its patient's name.
    pub patient: String,
    /// Its doctor's name.
    pub doctor: String,
    /// Its start, clinic-local.
    pub start: DateTime<Tz>,
    /// Its end, clinic-local.
    pub end: DateTime<Tz>,
}

/// `{}` names the other appointment by its patient, doctor and time, then its id (which the
/// command line takes); `{:#}` leaves the id out, as the window says it.
impl fmt::Display for Clash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(crate::i18n::current(), !f.alternate()))
    }
}

impl Clash {
    /// The other appointment in `language`, with its id or without (see the `Display`).
    pub fn describe(&self, language: Language, with_id: bool) -> String {
        let date = self.start.format("%Y-%m-%d").to_string();
        let start = self.start.format("%H:%M").to_string();
        let end = self.end.format("%H:%M").to_string();
        let (patient, doctor) = (&self.patient, &self.doctor);
        if with_id {
            crate::t_in!(
                language,
                "core-clash-with-id",
                patient = patient,
                doctor = doctor,
                date = date,
                start = start,
                end = end,
                id = self.id.to_string(),
            )
        } else {
            crate::t_in!(
                language,
                "core-clash",
                patient = patient,
                doctor = doctor,
                date = date,
                start = start,
                end = end,
            )
        }
    }
}

/// One reason a proposal clashes with the rules.
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    /// The doctor already has an appointment then.
    DoctorBooked(Clash),
    /// The room is already booked then.
    RoomBooked(Clash),
    /// The patient already has an appointment then.
    PatientBooked(Clash),
    /// The time is outside the doctor's working hours.
    OutsideWorkingHours {
        /// The doctor's name.
        doctor: String,
    },
    /// The doctor is on leave then.
    DoctorOnLeave {
        /// The doctor's name.
        doctor: String,
        /// The leave's reason.
        reason: String,
    },
    /// The doctor no longer takes bookings.
    DoctorInactive {
        /// The doctor's name.
        doctor: String,
    },
    /// The room is blocked then.
    RoomBlocked {
        /// The room's name.
        room: String,
        /// The blockout's reason.
        reason: String,
    },
    /// The room is closed then (outside its own hours) or out of use.
    RoomClosed {
        /// The room's name.
        room: String,
    },
    /// The clinic is closed then.
    ClinicClosed {
        /// The clinic's name.
        clinic: String,
    },
    /// A scheduled appointment that would start in the past.
    StartInPast {
        /// The requested start, clinic-local.
        start: DateTime<Tz>,
    },
    /// The end is not after the start.
    EndNotAfterStart,
    /// A start with seconds: appointments start on whole minutes (a start with seconds, hidden
    /// on the screen, would block the slot after it).
    NotOnWholeMinute {
        /// The requested start, clinic-local.
        start: DateTime<Tz>,
    },
    /// A length with seconds (an end with seconds from a file): appointments last whole
    /// minutes, so that an end the screen shows as 10:15 does not block the slot at 10:15.
    NotWholeMinutesLong {
        /// The requested end, clinic-local.
        end: DateTime<Tz>,
        /// The end at the last whole minute of the length, clinic-local.
        whole: DateTime<Tz>,
    },
    /// A start outside the dates Frontdesk works with ([`FIRST_DATE`] to [`LAST_DATE`]):
    /// a slip of the year, which no date sum should ever meet.
    OutsideDateRange {
        /// What was asked for (clinic-local for a typed time, UTC for an exact instant).
        requested: NaiveDateTime,
    },
    /// Longer than the clinic allows.
    TooLong {
        /// Requested length.
        minutes: i64,
    },
    /// The local time does not exist (the clocks go forward over it).
    LocalTimeInGap {
        /// What was asked for.
        requested: NaiveDateTime,
        /// The first wall time after the gap.
        next_valid: NaiveDateTime,
        /// The zone.
        zone: Tz,
    },
    /// The local time happens twice (the clocks go back); the earlier one was taken.
    LocalTimeAmbiguous {
        /// What was asked for.
        requested: NaiveDateTime,
        /// The instant taken, with its offset.
        chosen: DateTime<Tz>,
    },
}

impl Conflict {
    /// How much this conflict weighs.
    pub fn severity(&self) -> Severity {
        match self {
            Conflict::LocalTimeAmbiguous { .. } => Severity::Notice,
            Conflict::EndNotAfterStart
            | Conflict::NotOnWholeMinute { .. }
            | Conflict::NotWholeMinutesLong { .. }
            | Conflict::OutsideDateRange { .. }
            | Conflict::TooLong { .. }
            | Conflict::LocalTimeInGap { .. } => Severity::Invalid,
            _ => Severity::Hard,
        }
    }

    /// The other appointment involved, if any.
    pub fn clash(&self) -> Option<&Clash> {
        match self {
            Conflict::DoctorBooked(c) | Conflict::RoomBooked(c) | Conflict::PatientBooked(c) => {
                Some(c)
            }
            _ => None,
        }
    }
}

/// `{}` names another appointment involved with its id, `{:#}` without (see [`Clash`]).
impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(crate::i18n::current(), !f.alternate()))
    }
}

impl Conflict {
    /// The conflict in words, in `language` (the audit keeps English, the window says it in
    /// the desk's language); another appointment involved with its id or without.
    pub fn describe(&self, language: Language, with_id: bool) -> String {
        const MINUTE: &str = "%Y-%m-%d %H:%M";
        const SECOND: &str = "%Y-%m-%d %H:%M:%S";
        match self {
            Conflict::DoctorBooked(c) | Conflict::RoomBooked(c) | Conflict::PatientBooked(c) => {
                let clash = c.describe(language, with_id);
                match self {
                    Conflict::DoctorBooked(_) => {
                        crate::t_in!(
                            language,
                            "core-doctor-booked",
                            doctor = &c.doctor,
                            clash = clash
                        )
                    }
                    Conflict::RoomBooked(_) => {
                        crate::t_in!(language, "core-room-booked", clash = clash)
                    }
                    _ => crate::t_in!(
                        language,
                        "core-patient-booked",
                        patient = &c.patient,
                        clash = clash
                    ),
                }
            }
            Conflict::OutsideWorkingHours { doctor } => {
                crate::t_in!(language, "core-outside-working-hours", doctor = doctor)
            }
            Conflict::DoctorOnLeave { doctor, reason } => {
                crate::t_in!(
                    language,
                    "core-doctor-on-leave",
                    doctor = doctor,
                    reason = reason
                )
            }
            Conflict::DoctorInactive { doctor } => {
                crate::t_in!(language, "core-doctor-inactive", doctor = doctor)
            }
            Conflict::RoomBlocked { room, reason } => {
                crate::t_in!(language, "core-room-blocked", room = room, reason = reason)
            }
            Conflict::RoomClosed { room } => {
                crate::t_in!(language, "core-room-closed", room = room)
            }
            Conflict::ClinicClosed { clinic } => {
                crate::t_in!(language, "core-clinic-closed", clinic = clinic)
            }
            Conflict::StartInPast { start } => crate::t_in!(
                language,
                "core-start-in-past",
                start = start.format(MINUTE).to_string()
            ),
            Conflict::EndNotAfterStart => crate::t_in!(language, "core-end-not-after-start"),
            Conflict::OutsideDateRange { requested } => crate::t_in!(
                language,
                "core-outside-date-range",
                requested = requested.format(MINUTE).to_string(),
                first = FIRST_DATE.to_string(),
                last = LAST_DATE.to_string(),
            ),
            Conflict::NotOnWholeMinute { start } => crate::t_in!(
                language,
                "core-not-on-whole-minute",
                start = start.format(SECOND).to_string(),
                whole = start.format(MINUTE).to_string(),
            ),
            Conflict::NotWholeMinutesLong { end, whole } => crate::t_in!(
                language,
                "core-not-whole-minutes-long",
                end = end.format(SECOND).to_string(),
                whole = whole.format(MINUTE).to_string(),
            ),
            // The length as it was asked for, ungrouped ("1500 minutes").
            Conflict::TooLong { minutes } => crate::t_in!(
                language,
                "core-too-long",
                minutes = minutes.to_string(),
                maximum = MAX_APPOINTMENT_MINUTES.to_string(),
            ),
            Conflict::LocalTimeInGap {
                requested,
                next_valid,
                zone,
            } => crate::t_in!(
                language,
                "core-local-time-in-gap",
                requested = requested.format(MINUTE).to_string(),
                zone = zone.to_string(),
                next = next_valid.format(MINUTE).to_string(),
            ),
            Conflict::LocalTimeAmbiguous { requested, chosen } => crate::t_in!(
                language,
                "core-local-time-ambiguous",
                requested = requested.format(MINUTE).to_string(),
                chosen = chosen.format("%H:%M").to_string(),
                offset = chosen.format("%:z").to_string(),
            ),
        }
    }
}

/// A clinic-local start and length turned into an interval, with any DST notice.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalPlan {
    /// The interval, unless the start does not exist.
    pub interval: Option<Interval>,
    /// DST gap (invalid) or fold (notice), if any.
    pub conflicts: Vec<Conflict>,
}

/// Turns a clinic-local start and a length into UTC, applying the DST policy. The length is
/// real elapsed time: a 30-minute visit lasts 30 minutes even across a clock change. A length
/// that is not 1 to [`MAX_APPOINTMENT_MINUTES`] gives no interval, only its conflict, so no
/// length typed or read from a file can overflow a date.
pub fn plan_local(zone: Tz, start: NaiveDateTime, minutes: i64) -> LocalPlan {
    if let Some(refused) = length_refused(minutes).or_else(|| date_refused(start)) {
        return refused;
    }
    let length = Duration::minutes(minutes);
    let ending = |t: DateTime<Utc>| {
        t.checked_add_signed(length)
            .map(|end| Interval::new(t, end))
    };
    match resolve_local(zone, start) {
        LocalTime::Exact(t) => LocalPlan {
            interval: ending(t),
            conflicts: Vec::new(),
        },
        LocalTime::Ambiguous { earlier, .. } => LocalPlan {
            interval: ending(earlier),
            conflicts: vec![Conflict::LocalTimeAmbiguous {
                requested: start,
                chosen: earlier.with_timezone(&zone),
            }],
        },
        LocalTime::Gap { next_valid } => LocalPlan {
            interval: None,
            conflicts: vec![Conflict::LocalTimeInGap {
                requested: start,
                next_valid,
                zone,
            }],
        },
    }
}

/// Turns an exact start (a walk-in arriving now, a slot found) and a length into an interval.
/// The start is taken to its whole minute of the wall clock in `zone`, rounded down: a walk-in
/// who arrives at 10:03:27 starts at 10:03, as the screen shows it. A length that is not 1 to
/// [`MAX_APPOINTMENT_MINUTES`] gives no interval, only its conflict.
pub fn plan_at(zone: Tz, start: DateTime<Utc>, minutes: i64) -> LocalPlan {
    if let Some(refused) = length_refused(minutes).or_else(|| date_refused(start.naive_utc())) {
        return refused;
    }
    let start = whole_minute(zone, start);
    LocalPlan {
        interval: start
            .checked_add_signed(Duration::minutes(minutes))
            .map(|end| Interval::new(start, end)),
        conflicts: Vec::new(),
    }
}

/// The plan for a length that cannot be booked at all, or `None` for a length that can.
fn length_refused(minutes: i64) -> Option<LocalPlan> {
    let conflict = if minutes <= 0 {
        Conflict::EndNotAfterStart
    } else if minutes > MAX_APPOINTMENT_MINUTES {
        Conflict::TooLong { minutes }
    } else {
        return None;
    };
    Some(LocalPlan {
        interval: None,
        conflicts: vec![conflict],
    })
}

/// The plan for a start outside [`FIRST_DATE`]..=[`LAST_DATE`], or `None` for one inside.
fn date_refused(start: NaiveDateTime) -> Option<LocalPlan> {
    (!(FIRST_DATE..=LAST_DATE).contains(&start.date())).then(|| LocalPlan {
        interval: None,
        conflicts: vec![Conflict::OutsideDateRange { requested: start }],
    })
}

/// Longer than this, a proposal is judged on its length alone: the working hours of every day
/// it spans are not worth unfolding for a booking that is refused anyway.
const ABSURD_LENGTH_DAYS: i64 = 2;

/// Every conflict of `proposal` against the rules and bookings in `context`, most serious first.
pub fn check(proposal: &Proposal, context: &ConflictContext, now: DateTime<Utc>) -> Vec<Conflict> {
    let zone = context.zone;
    let iv = proposal.interval;
    let mut out = Vec::new();
    if iv.end <= iv.start {
        out.push(Conflict::EndNotAfterStart);
        return out;
    }
    if iv.minutes() > MAX_APPOINTMENT_MINUTES {
        out.push(Conflict::TooLong {
            minutes: iv.minutes(),
        });
        if iv.end - iv.start > Duration::days(ABSURD_LENGTH_DAYS) {
            return out;
        }
    }
    // Every instant of an appointment is on the wall clock's minutes, whichever way it came
    // (typed, found, read from a file): the start, and the end through a length of whole
    // minutes. Seconds the screen hides would block the slot after it.
    if !on_whole_minute(zone, iv.start) {
        out.push(Conflict::NotOnWholeMinute {
            start: iv.start.with_timezone(&zone),
        });
    }
    // With a start on a whole minute, the length tells; with a start that has seconds (said
    // above), the end is judged on its own, so a sound end is never blamed for the start.
    let whole = if on_whole_minute(zone, iv.start) {
        let length = iv.end - iv.start;
        (length.subsec_nanos() != 0 || length.num_seconds().rem_euclid(60) != 0).then(|| {
            iv.start
                .checked_add_signed(Duration::minutes(length.num_minutes()))
                .unwrap_or(iv.end)
        })
    } else {
        (!on_whole_minute(zone, iv.end)).then(|| whole_minute(zone, iv.end))
    };
    if let Some(whole) = whole {
        out.push(Conflict::NotWholeMinutesLong {
            end: iv.end.with_timezone(&zone),
            whole: whole.with_timezone(&zone),
        });
    }
    if iv.start < now && !proposal.kind.arrives_now() {
        out.push(Conflict::StartInPast {
            start: iv.start.with_timezone(&zone),
        });
    }
    if !context.doctor_active {
        out.push(Conflict::DoctorInactive {
            doctor: context.doctor_name.clone(),
        });
    }
    let first = local_date(zone, iv.start)
        .pred_opt()
        .unwrap_or(local_date(zone, iv.start));
    let last = local_date(zone, iv.end);
    if !covered_by(&iv, &context.clinic_hours.intervals(zone, first, last)) {
        out.push(Conflict::ClinicClosed {
            clinic: context.clinic_name.clone(),
        });
    }
    if !covered_by(&iv, &context.doctor_hours.intervals(zone, first, last)) {
        out.push(Conflict::OutsideWorkingHours {
            doctor: context.doctor_name.clone(),
        });
    }
    for leave in context
        .doctor_leave
        .iter()
        .filter(|l| l.interval.overlaps(&iv))
    {
        out.push(Conflict::DoctorOnLeave {
            doctor: context.doctor_name.clone(),
            reason: leave.reason.clone(),
        });
    }
    if let Some(room) = &context.room {
        let closed_by_hours = room
            .hours
            .as_ref()
            .is_some_and(|h| !covered_by(&iv, &h.intervals(zone, first, last)));
        if !room.active || closed_by_hours {
            out.push(Conflict::RoomClosed {
                room: room.name.clone(),
            });
        }
        for block in room.blockouts.iter().filter(|b| b.interval.overlaps(&iv)) {
            out.push(Conflict::RoomBlocked {
                room: room.name.clone(),
                reason: block.reason.clone(),
            });
        }
    }
    let clash = |b: &Booked| Clash {
        id: b.id,
        patient: b.patient_name.clone(),
        doctor: b.doctor_name.clone(),
        start: b.interval.start.with_timezone(&zone),
        end: b.interval.end.with_timezone(&zone),
    };
    let live = context.nearby.iter().filter(|b| {
        b.status.holds_time() && Some(b.id) != proposal.moving && b.interval.overlaps(&iv)
    });
    for booked in live {
        if booked.doctor == proposal.doctor {
            out.push(Conflict::DoctorBooked(clash(booked)));
        }
        if proposal.room.is_some() && booked.room == proposal.room {
            out.push(Conflict::RoomBooked(clash(booked)));
        }
        if booked.patient == proposal.patient {
            out.push(Conflict::PatientBooked(clash(booked)));
        }
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.severity()));
    out
}

/// What to do with a proposal given its conflicts.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Go ahead.
    Accept {
        /// The overbook reason, when hard conflicts were overridden (recorded in the audit).
        overbooked: Option<String>,
        /// Conflicts that stand but did not stop it (overridden or notices).
        conflicts: Vec<Conflict>,
    },
    /// Do not book; the conflicts say why.
    Refuse(Vec<Conflict>),
}

/// Decides on a proposal: invalid requests are refused; hard conflicts are refused unless
/// `overbook` gives a (non-blank) reason; notices never stop a booking.
pub fn decide(conflicts: Vec<Conflict>, overbook: Option<&str>) -> Verdict {
    let worst = conflicts.iter().map(Conflict::severity).max();
    let reason = overbook.map(str::trim).filter(|r| !r.is_empty());
    match (worst, reason) {
        (Some(Severity::Invalid), _) => Verdict::Refuse(conflicts),
        (Some(Severity::Hard), None) => Verdict::Refuse(conflicts),
        (Some(Severity::Hard), Some(reason)) => Verdict::Accept {
            overbooked: Some(reason.to_owned()),
            conflicts,
        },
        _ => Verdict::Accept {
            overbooked: None,
            conflicts,
        },
    }
}
