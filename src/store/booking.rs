//! Writes that change appointments: book, move, change status. Each is one `BEGIN IMMEDIATE`
//! transaction that loads the facts, lets the core decide, writes, and records an audit event,
//! so two desks can never book the same time and nothing changes without a trace.

use super::batch::Batch;
use super::sql;
use super::sql::{Begin, Db, OptionalExtension, Owned, ToValue, params};
use chrono::{DateTime, Utc};
use serde_json::json;

use super::codec::{self, APPOINTMENT_COLUMNS, secs};
use super::context::conflict_context;
use super::error::{Result, StoreError};
use super::{BookingOutcome, BookingRequest, MoveRequest, SlotLimits, SlotSearch, Start, setup};
use crate::scheduling::conflict::{
    Conflict, Proposal, Verdict, check, decide, plan_at, plan_local,
};
use crate::scheduling::model::*;
use crate::scheduling::queue;
use crate::scheduling::slots::{SlotQuery, SlotTarget, TimeOfDay, WALK_IN_STEP_MINUTES};
use crate::scheduling::status::Status;
use crate::scheduling::time::{local_date, local_day};

/// Loads a clinic by id.
pub fn clinic(conn: &Db, id: ClinicId) -> Result<Clinic> {
    setup::clinics(conn)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| StoreError::NotFound {
            what: "clinic",
            name: id.to_string(),
            hint: String::new(),
        })
}

/// Loads an appointment by id.
pub fn load_appointment(conn: &Db, id: AppointmentId) -> Result<Appointment> {
    conn.prepare_cached(&format!(
        "SELECT {APPOINTMENT_COLUMNS} FROM appointment a WHERE a.id = ?1"
    ))?
    .query_row([id.0], codec::appointment)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "appointment",
        name: id.to_string(),
        hint: crate::t!("store-hint-copy-id-from-agenda"),
    })
}

/// Resolves a start to an interval of `minutes`, with any DST notice, or refuses a DST gap.
/// A walk-in's first free time must have been found first ([`with_first_free`]).
fn resolve(zone: chrono_tz::Tz, start: Start, minutes: i64) -> Result<(Interval, Vec<Conflict>)> {
    let plan = match start {
        Start::At(t) => plan_at(zone, t, minutes),
        Start::Local(wall) => plan_local(zone, wall, minutes),
        Start::FirstFreeToday(_) => {
            return Err(StoreError::Invalid(crate::t!(
                "store-booking-move-needs-start"
            )));
        }
    };
    match plan.interval {
        Some(interval) => Ok((interval, plan.conflicts)),
        None => Err(StoreError::Refused(plan.conflicts)),
    }
}

/// The request with a walk-in's first free time today ([`Start::FirstFreeToday`]) found in
/// `conn` (the booking's own transaction) and put in its place, with the doctor and room the
/// slot chose; any other request as it is. The patient's own appointments count as taken.
fn with_first_free(
    conn: &Db,
    clinic: &Clinic,
    req: &BookingRequest,
    now: DateTime<Utc>,
) -> Result<BookingRequest> {
    let Start::FirstFreeToday(target) = req.start else {
        return Ok(req.clone());
    };
    // A length no visit may have is refused by the core with its own message.
    let length = u32::try_from(req.minutes)
        .ok()
        .filter(|m| (1..=MAX_APPOINTMENT_MINUTES).contains(&i64::from(*m)));
    let Some(length) = length else {
        return Ok(BookingRequest {
            start: Start::At(now),
            ..req.clone()
        });
    };
    let zone = clinic.time_zone;
    let today = local_day(zone, local_date(zone, now));
    let search = SlotSearch {
        clinic: clinic.id,
        target,
        query: SlotQuery {
            minutes: length,
            step_minutes: WALK_IN_STEP_MINUTES,
            from: now,
            count: 1,
        },
        horizon_days: 1,
        patient: Some(req.patient),
    };
    let limits = SlotLimits {
        time_of_day: TimeOfDay::Any,
        until: Some(today.end),
    };
    let found = super::find_slot::find_slots_within_limits(conn, &search, &limits)?;
    let Some(slot) = found.into_iter().find(|s| s.interval.start < today.end) else {
        let doctor = match target {
            SlotTarget::Doctor(d)
            | SlotTarget::DoctorAndRoom(d, _)
            | SlotTarget::DoctorAndAnyRoom(d) => setup::doctors(conn)?
                .into_iter()
                .find(|x| x.id == d)
                .map(|x| x.name),
            SlotTarget::Room(_)
            | SlotTarget::AnyDoctor
            | SlotTarget::AnyDoctorInRoom(_)
            | SlotTarget::AnyDoctorAndAnyRoom => None,
        };
        return Err(StoreError::NoTimeLeftToday {
            doctor,
            minutes: req.minutes,
        });
    };
    Ok(BookingRequest {
        start: Start::At(slot.interval.start),
        doctor: slot.doctor.unwrap_or(req.doctor),
        room: slot.room.or(req.room),
        ..req.clone()
    })
}

/// The proposal a new booking makes, with any DST notice; refuses a time in a DST gap.
fn booking_proposal(clinic: &Clinic, req: &BookingRequest) -> Result<(Proposal, Vec<Conflict>)> {
    let (interval, conflicts) = resolve(clinic.time_zone, req.start, req.minutes)?;
    let proposal = Proposal {
        doctor: req.doctor,
        room: req.room,
        patient: req.patient,
        interval,
        kind: req.kind,
        moving: None,
    };
    Ok((proposal, conflicts))
}

/// Every conflict of a proposal: the facts loaded from `conn`, the judgement the core's.
pub(super) fn judge(
    conn: &Db,
    clinic: &Clinic,
    proposal: &Proposal,
    mut conflicts: Vec<Conflict>,
    now: DateTime<Utc>,
) -> Result<Vec<Conflict>> {
    let context =
        conflict_context(conn, clinic, proposal)?.ok_or_else(|| StoreError::NotFound {
            what: "doctor or room",
            name: format!("{} / {:?}", proposal.doctor, proposal.room.map(|r| r.0)),
            hint: crate::t!("store-hint-doctor-and-room-must-exist"),
        })?;
    conflicts.extend(check(proposal, &context, now));
    Ok(conflicts)
}

/// Checks a proposal and decides; returns the accepted conflicts and overbook reason.
fn decide_proposal(
    tx: &Db,
    clinic: &Clinic,
    proposal: &Proposal,
    conflicts: Vec<Conflict>,
    overbook: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Vec<Conflict>, Option<String>)> {
    let conflicts = judge(tx, clinic, proposal, conflicts, now)?;
    match decide(conflicts, overbook) {
        Verdict::Refuse(conflicts) => Err(StoreError::Refused(conflicts)),
        Verdict::Accept {
            overbooked,
            conflicts,
        } => Ok((conflicts, overbooked)),
    }
}

pub(super) fn snapshot(a: &Appointment) -> serde_json::Value {
    json!({
        "start_utc": secs(a.interval.start),
        "end_utc": secs(a.interval.end),
        "doctor": a.doctor.to_string(),
        "room": a.room.map(|r| r.to_string()),
        "patient": a.patient.to_string(),
        "status": a.status.as_str(),
        "kind": a.kind.as_str(),
        "mode": a.mode.as_str(),
    })
}

/// What an audit event records about one change.
pub(super) struct Change<'a> {
    pub(super) action: &'a str,
    pub(super) before: Option<serde_json::Value>,
    pub(super) after: Option<serde_json::Value>,
    pub(super) reason: &'a str,
}

/// Appends an audit event (same transaction as the change it records).
pub(super) fn audit(
    tx: &Db,
    id: AppointmentId,
    now: DateTime<Utc>,
    actor: &str,
    change: Change<'_>,
) -> Result<()> {
    let Change {
        action,
        before,
        after,
        reason,
    } = change;
    tx.prepare_cached(
        "INSERT INTO audit_event (appointment_id, at_utc, actor, action, before, after, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id.0,
        secs(now),
        actor,
        action,
        before.map(|v| v.to_string()),
        after.map(|v| v.to_string()),
        reason
    ])?;
    Ok(())
}

pub(super) fn check_actor(actor: &str) -> Result<()> {
    crate::scheduling::staff::desk_name(actor)
        .map(|_| ())
        .map_err(|e| StoreError::Invalid(e.to_string()))
}

/// The conflicts a booking would meet, without writing anything (for live feedback in forms).
pub fn preview(conn: &Db, req: &BookingRequest, now: DateTime<Utc>) -> Result<Vec<Conflict>> {
    let tx = conn.begin(Begin::Check)?;
    let clinic = clinic(&tx, req.clinic)?;
    let req = &with_first_free(&tx, &clinic, req, now)?;
    match booking_proposal(&clinic, req) {
        Ok((proposal, notices)) => judge(&tx, &clinic, &proposal, notices, now),
        Err(StoreError::Refused(gap)) => Ok(gap),
        Err(other) => Err(other),
    }
}

/// The request's free text (reason, notes, overbook reason) under the entry rules.
pub(super) fn check_texts(req: &BookingRequest) -> Result<()> {
    let invalid = |e: crate::scheduling::entry::EntryError| StoreError::Invalid(e.to_string());
    crate::scheduling::entry::free_text("the reason", &req.reason).map_err(invalid)?;
    crate::scheduling::entry::free_text("the notes", &req.notes).map_err(invalid)?;
    if let Some(o) = &req.overbook {
        crate::scheduling::entry::free_text("the overbook reason", o).map_err(invalid)?;
    }
    Ok(())
}

/// Books an appointment (see [`super::Store::book`]).
pub fn book(
    conn: &Db,
    req: &BookingRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BookingOutcome> {
    check_actor(actor)?;
    let tx = conn.begin(how_to_lock(req))?;
    let outcome = book_in(&tx, req, actor, now)?;
    tx.commit()?;
    Ok(outcome)
}

/// How a booking's transaction locks. A plain booking (a registered patient, a time given, no
/// queue token, no meeting link) reads nothing but its doctor's, room's and patient's
/// appointments and the setup, so it locks just those three ([`Begin::Booking`]); anything
/// else (a walk-in's first free time with any doctor, a queue token, a new patient's duplicate
/// check, a new meeting link) locks as every other write.
fn how_to_lock(req: &BookingRequest) -> Begin {
    let plain = matches!(req.start, Start::Local(_) | Start::At(_))
        && req.new_patient.is_none()
        && !req.kind.arrives_now()
        && req.mode != Mode::Video;
    if !plain {
        return Begin::Write;
    }
    let mut ids = vec![req.doctor.0, req.patient.0];
    ids.extend(req.room.map(|r| r.0));
    Begin::Booking(sql::Booked::of(&ids))
}

/// Books inside the caller's `BEGIN IMMEDIATE` transaction, which commits it together with
/// whatever else belongs to the same user action (a waitlist entry becoming booked).
pub(super) fn book_in(
    tx: &Db,
    req: &BookingRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BookingOutcome> {
    check_actor(actor)?;
    let clinic = clinic(tx, req.clinic)?;
    // A "new" patient whose name and details identify a registered one books that one
    // (`setup::register_patient`); the outcome's appointment names the patient booked.
    let patient = setup::booking_patient(tx, req)?;
    let req = &BookingRequest {
        patient,
        new_patient: None,
        ..req.clone()
    };
    check_texts(req)?;
    // A walk-in's time is chosen here, under this transaction's write lock: another desk's
    // walk-in booked a moment ago is already in the calendar it is chosen from.
    let req = &with_first_free(tx, &clinic, req, now)?;
    let (proposal, plan) = booking_proposal(&clinic, req)?;
    let interval = proposal.interval;
    let zone = clinic.time_zone;
    queue::check_arrival_day(
        req.kind,
        local_date(zone, interval.start),
        local_date(zone, now),
    )
    .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let (conflicts, overbooked) =
        decide_proposal(tx, &clinic, &proposal, plan, req.overbook.as_deref(), now)?;
    let arrives = req.kind.arrives_now();
    let appointment = Appointment {
        id: AppointmentId(uuid::Uuid::now_v7()),
        clinic: clinic.id,
        patient: req.patient,
        doctor: req.doctor,
        room: req.room,
        visit_type: req.visit_type,
        interval,
        mode: req.mode,
        kind: req.kind,
        priority: req.priority,
        status: if arrives {
            Status::CheckedIn
        } else {
            Status::Scheduled
        },
        reason: crate::scheduling::tidy::text(&req.reason),
        notes: crate::scheduling::tidy::text(&req.notes),
        // Video visits get their own meeting link from the clinic's pattern (reminders).
        meeting_link: if req.mode == Mode::Video {
            super::video::new_link(tx)?
        } else {
            String::new()
        },
        queue_token: if arrives {
            super::queue::next_token(tx, &clinic, req.kind, interval.start)?
        } else {
            String::new()
        },
        arrived_at: arrives.then_some(now),
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: actor.to_owned(),
        updated_by: actor.to_owned(),
        sequence: 0,
    };
    insert_appointment(tx, &appointment, overbooked.as_deref(), now)?;
    let mut after = snapshot(&appointment);
    if !appointment.meeting_link.is_empty() {
        after["meeting_link"] = json!(appointment.meeting_link);
    }
    if overbooked.is_some() {
        // The audit keeps the conflicts in English, whatever the desk's language.
        after["overbooked_conflicts"] = json!(
            conflicts
                .iter()
                .map(|c| c.describe(crate::i18n::Language::English, true))
                .collect::<Vec<_>>()
        );
    }
    audit(
        tx,
        appointment.id,
        now,
        actor,
        Change {
            action: "created",
            before: None,
            after: Some(after),
            reason: overbooked.as_deref().unwrap_or(""),
        },
    )?;
    Ok(BookingOutcome {
        appointment,
        conflicts,
        overbooked,
    })
}

/// The columns of an appointment row, in the order of [`appointment_row`].
pub(super) const APPOINTMENT_INSERT_COLUMNS: [&str; 30] = [
    "id",
    "clinic_id",
    "patient_id",
    "doctor_id",
    "room_id",
    "visit_type_id",
    "start_utc",
    "end_utc",
    "mode",
    "kind",
    "priority",
    "status",
    "reason",
    "notes",
    "meeting_link",
    "queue_token",
    "arrived_at",
    "consultation_started_at",
    "completed_at",
    "cancel_reason",
    "cancelled_by",
    "cancelled_late",
    "cancelled_at",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
    "sequence",
    "overbook_reason",
    "queue_date",
];

/// An appointment's row as stored, created and last changed at `now`. A queue token is stored
/// with its clinic-local day (read through `conn`); the database enters it in the ledger of
/// issued tokens and refuses one already given that day (the caller has asked the core for a
/// free one).
pub(super) fn appointment_row(
    conn: &Db,
    a: &Appointment,
    overbook_reason: Option<&str>,
    now: DateTime<Utc>,
) -> sql::Result<Vec<Owned>> {
    let c = a.cancellation.as_ref();
    let queue_date = if a.queue_token.is_empty() {
        None
    } else {
        Some(super::queue::day_text(super::queue::token_day(
            conn,
            a.clinic,
            a.interval.start,
        )?))
    };
    let values: &[&dyn ToValue] = params![
        a.id.0,
        a.clinic.0,
        a.patient.0,
        a.doctor.0,
        a.room.map(|r| r.0),
        a.visit_type.map(|v| v.0),
        secs(a.interval.start),
        secs(a.interval.end),
        a.mode.as_str(),
        a.kind.as_str(),
        a.priority,
        a.status.as_str(),
        a.reason,
        a.notes,
        a.meeting_link,
        a.queue_token,
        a.arrived_at.map(secs),
        a.consultation_started_at.map(secs),
        a.completed_at.map(secs),
        c.map(|c| c.reason.as_str()),
        c.map(|c| c.by.as_str()),
        c.map(|c| c.late),
        c.map(|c| secs(c.at)),
        a.created_by,
        secs(now),
        a.updated_by,
        secs(now),
        a.sequence,
        overbook_reason,
        queue_date,
    ];
    Ok(values.iter().map(|v| Owned::of(v.to_value())).collect())
}

/// Inserts an appointment row (no transaction of its own, no audit; see [`appointment_row`]).
pub fn insert_appointment(
    conn: &Db,
    a: &Appointment,
    overbook_reason: Option<&str>,
    now: DateTime<Utc>,
) -> sql::Result<()> {
    let mut row = Batch::new("appointment", &APPOINTMENT_INSERT_COLUMNS, "");
    row.push_owned(appointment_row(conn, a, overbook_reason, now)?);
    row.flush(conn)
}

/// Moves an appointment (see [`super::Store::move_appointment`]).
pub fn move_appointment(
    conn: &Db,
    req: &MoveRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BookingOutcome> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let before = load_appointment(&tx, req.appointment)?;
    if let Some(why) = before.status.why_not_movable() {
        return Err(StoreError::Invalid(why));
    }
    let clinic = clinic(&tx, before.clinic)?;
    let (interval, plan) = resolve(clinic.time_zone, req.start, before.interval.minutes())?;
    let zone = clinic.time_zone;
    queue::check_move(
        &before,
        local_date(zone, before.interval.start),
        local_date(zone, interval.start),
    )
    .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let proposal = Proposal {
        doctor: req.doctor.unwrap_or(before.doctor),
        room: req.room.or(before.room),
        patient: before.patient,
        interval,
        kind: before.kind,
        moving: Some(before.id),
    };
    let (conflicts, overbooked) =
        decide_proposal(&tx, &clinic, &proposal, plan, req.overbook.as_deref(), now)?;
    let mut after = before.clone();
    after.interval = interval;
    after.doctor = proposal.doctor;
    after.room = proposal.room;
    after.sequence += 1;
    after.updated_by = actor.to_owned();
    tx.prepare_cached(
        "UPDATE appointment SET start_utc = ?2, end_utc = ?3, doctor_id = ?4, room_id = ?5, \
         sequence = ?6, updated_by = ?7, updated_at = ?8, overbook_reason = ?9 WHERE id = ?1",
    )?
    .execute(params![
        after.id.0,
        secs(interval.start),
        secs(interval.end),
        after.doctor.0,
        after.room.map(|r| r.0),
        after.sequence,
        actor,
        secs(now),
        overbooked
    ])?;
    audit(
        &tx,
        after.id,
        now,
        actor,
        Change {
            action: "moved",
            before: Some(snapshot(&before)),
            after: Some(snapshot(&after)),
            reason: overbooked.as_deref().unwrap_or(""),
        },
    )?;
    tx.commit()?;
    Ok(BookingOutcome {
        appointment: after,
        conflicts,
        overbooked,
    })
}
