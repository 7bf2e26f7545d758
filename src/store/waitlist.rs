//! Writing the waitlist in SQLite: adding, editing and removing entries, offering a freed
//! slot, declining, and booking from the waitlist (reading is in `waitlist_rows.rs`). Each is
//! one `BEGIN IMMEDIATE` transaction that writes the entry and a `waitlist_event` (who, when,
//! before and after); booking also writes the appointment and its audit events in the same
//! transaction.

use super::sql::{Begin, Db, Transaction, params};
use chrono::{DateTime, Utc};
use serde_json::json;

use super::booking::{self, Change, audit, check_actor, load_appointment};
use super::codec::secs;
use super::error::{Result, StoreError};
use super::waitlist_rows::{WaitlistFilter, WaitlistRow, entry, list};
use super::{BookingOutcome, BookingRequest, setup};
use crate::scheduling::model::*;
use crate::scheduling::status::Status;
use crate::scheduling::time::local_date;
use crate::scheduling::waitlist::{self, FreedSlot, WaitAction, WaitlistEntryId, WaitlistRequest};

fn request_json(r: &WaitlistRequest) -> serde_json::Value {
    let p = &r.preferred;
    json!({
        "patient": r.patient.to_string(),
        "doctor": r.doctor.map(|d| d.to_string()),
        "visit_type": r.visit_type.map(|v| v.to_string()),
        "minutes": r.minutes,
        // Kept in English, whatever the desk's language.
        "weekdays": p.weekdays.text_in(crate::i18n::Language::English),
        "window": p.window.map(|w| w.to_string()),
        "earliest": p.earliest.map(|d| d.to_string()),
        "latest": p.latest.map(|d| d.to_string()),
        "holds": r.holds.map(|a| a.to_string()),
        "notes": r.notes,
        "priority": r.priority,
    })
}

/// Appends a waitlist event (same transaction as the change it records).
fn log(
    tx: &Db,
    id: WaitlistEntryId,
    now: DateTime<Utc>,
    actor: &str,
    change: Change<'_>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO waitlist_event (entry_id, at_utc, actor, action, before, after, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id.0,
        secs(now),
        actor,
        change.action,
        change.before.map(|v| v.to_string()),
        change.after.map(|v| v.to_string()),
        change.reason.trim()
    ])?;
    Ok(())
}

/// Checks a request against the core's rules and what is stored: the patient, doctor and
/// visit type exist, and the held appointment is the patient's own, in this clinic, and live.
fn check_request(tx: &Db, request: &WaitlistRequest, now: DateTime<Utc>) -> Result<Clinic> {
    let clinic = booking::clinic(tx, request.clinic)?;
    waitlist::validate(request, local_date(clinic.time_zone, now))
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let patient = setup::patient(tx, request.patient)?.ok_or_else(|| StoreError::NotFound {
        what: "patient",
        name: request.patient.to_string(),
        hint: crate::t!("store-hint-choose-registered-patient"),
    })?;
    if let Some(d) = request.doctor {
        let doctor = setup::doctors(tx)?.into_iter().find(|x| x.id == d);
        match doctor {
            None => {
                return Err(StoreError::NotFound {
                    what: "doctor",
                    name: d.to_string(),
                    hint: String::new(),
                });
            }
            Some(doctor) if !doctor.active => {
                return Err(StoreError::Invalid(crate::t!(
                    "store-waitlist-doctor-inactive",
                    doctor = &doctor.name
                )));
            }
            Some(_) => {}
        }
    }
    if let Some(v) = request.visit_type
        && !setup::visit_types(tx)?.iter().any(|x| x.id == v)
    {
        return Err(StoreError::NotFound {
            what: "visit type",
            name: v.to_string(),
            hint: String::new(),
        });
    }
    if let Some(held) = request.holds {
        let a = load_appointment(tx, held)?;
        if a.patient != request.patient || a.clinic != request.clinic {
            return Err(StoreError::Invalid(crate::t!(
                "store-waitlist-held-not-theirs",
                appointment = held.to_string(),
                patient = &patient.name
            )));
        }
        if !a.status.holds_time() || a.status == Status::Completed {
            return Err(StoreError::Invalid(crate::t!(
                "store-waitlist-held-holds-no-time",
                appointment = held.to_string(),
                status = a.status.label()
            )));
        }
    }
    Ok(clinic)
}

/// Refuses a second open entry for the same patient and doctor (or both "any doctor").
fn refuse_duplicate(
    tx: &Db,
    request: &WaitlistRequest,
    except: Option<WaitlistEntryId>,
    zone: chrono_tz::Tz,
) -> Result<()> {
    let twin = list(tx, request.clinic, WaitlistFilter::Open)?
        .into_iter()
        .find(|r| {
            r.entry.request.patient == request.patient
                && r.entry.request.doctor == request.doctor
                && Some(r.entry.id) != except
        });
    match twin {
        Some(t) => {
            let since = local_date(zone, t.entry.created_at).to_string();
            Err(StoreError::Invalid(match &t.doctor_name {
                Some(doctor) => crate::t!(
                    "store-waitlist-already-waiting",
                    patient = &t.patient_name,
                    doctor = doctor,
                    since = since
                ),
                None => crate::t!(
                    "store-waitlist-already-waiting-any-doctor",
                    patient = &t.patient_name,
                    since = since
                ),
            }))
        }
        None => Ok(()),
    }
}

fn begin<'c>(conn: &Db<'c>, actor: &str) -> Result<Transaction<'c>> {
    check_actor(actor)?;
    Ok(conn.begin(Begin::Write)?)
}

/// Puts a patient on the waitlist (see [`super::Store::add_to_waitlist`]).
pub fn add(
    conn: &Db,
    id: WaitlistEntryId,
    request: &WaitlistRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<WaitlistRow> {
    let tx = begin(conn, actor)?;
    let clinic = check_request(&tx, request, now)?;
    refuse_duplicate(&tx, request, None, clinic.time_zone)?;
    let p = &request.preferred;
    tx.prepare_cached(
        "INSERT INTO waitlist_entry (id, clinic_id, patient_id, doctor_id, visit_type_id, \
         minutes, weekdays, window_start, window_end, earliest_date, latest_date, \
         held_appointment_id, notes, priority, status, created_by, created_at, updated_by, \
         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, \
         'waiting', ?15, ?16, ?15, ?16)",
    )?
    .execute(params![
        id.0,
        request.clinic.0,
        request.patient.0,
        request.doctor.map(|d| d.0),
        request.visit_type.map(|v| v.0),
        request.minutes,
        p.weekdays.bits(),
        p.window.map(|w| w.start_minute),
        p.window.map(|w| w.end_minute),
        p.earliest.map(|d| d.to_string()),
        p.latest.map(|d| d.to_string()),
        request.holds.map(|a| a.0),
        request.notes.trim(),
        request.priority,
        actor,
        secs(now),
    ])?;
    let change = Change {
        action: "added",
        before: None,
        after: Some(request_json(request)),
        reason: "",
    };
    log(&tx, id, now, actor, change)?;
    let stored = entry(&tx, id)?;
    tx.commit()?;
    Ok(stored)
}

/// Changes what a waiting patient waits for (see [`super::Store::edit_waitlist_entry`]).
pub fn edit(
    conn: &Db,
    id: WaitlistEntryId,
    request: &WaitlistRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<WaitlistRow> {
    let tx = begin(conn, actor)?;
    let before = entry(&tx, id)?;
    waitlist::transition(before.entry.status, WaitAction::Edit)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    if request.patient != before.entry.request.patient
        || request.clinic != before.entry.request.clinic
    {
        return Err(StoreError::Invalid(crate::t!(
            "store-waitlist-keeps-patient"
        )));
    }
    if *request == before.entry.request {
        return Ok(before);
    }
    let clinic = check_request(&tx, request, now)?;
    refuse_duplicate(&tx, request, Some(id), clinic.time_zone)?;
    let p = &request.preferred;
    tx.prepare_cached(
        "UPDATE waitlist_entry SET doctor_id = ?2, visit_type_id = ?3, minutes = ?4, \
         weekdays = ?5, window_start = ?6, window_end = ?7, earliest_date = ?8, \
         latest_date = ?9, held_appointment_id = ?10, notes = ?11, priority = ?12, \
         updated_by = ?13, updated_at = ?14 WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        request.doctor.map(|d| d.0),
        request.visit_type.map(|v| v.0),
        request.minutes,
        p.weekdays.bits(),
        p.window.map(|w| w.start_minute),
        p.window.map(|w| w.end_minute),
        p.earliest.map(|d| d.to_string()),
        p.latest.map(|d| d.to_string()),
        request.holds.map(|a| a.0),
        request.notes.trim(),
        request.priority,
        actor,
        secs(now),
    ])?;
    let change = Change {
        action: "edited",
        before: Some(request_json(&before.entry.request)),
        after: Some(request_json(request)),
        reason: "",
    };
    log(&tx, id, now, actor, change)?;
    let stored = entry(&tx, id)?;
    tx.commit()?;
    Ok(stored)
}

/// Moves an entry along its lifecycle and logs it; returns the entry as it was.
fn step(
    tx: &Db,
    id: WaitlistEntryId,
    action: WaitAction,
    actor: &str,
    now: DateTime<Utc>,
    after: serde_json::Value,
    reason: &str,
) -> Result<WaitlistRow> {
    let before = entry(tx, id)?;
    let to = waitlist::transition(before.entry.status, action)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    tx.prepare_cached(
        "UPDATE waitlist_entry SET status = ?2, updated_by = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id.0, to.as_str(), actor, secs(now)])?;
    let mut after = after;
    after["status"] = json!(to.as_str());
    let change = Change {
        action: match action {
            WaitAction::Edit => "edited",
            WaitAction::Offer => "offered",
            WaitAction::Decline => "declined",
            WaitAction::Book => "booked",
            WaitAction::Remove => "removed",
        },
        before: Some(json!({ "status": before.entry.status.as_str() })),
        after: Some(after),
        reason,
    };
    log(tx, id, now, actor, change)?;
    Ok(before)
}

/// Takes a patient off the waitlist (see [`super::Store::remove_from_waitlist`]).
pub fn remove(
    conn: &Db,
    id: WaitlistEntryId,
    reason: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let tx = begin(conn, actor)?;
    step(&tx, id, WaitAction::Remove, actor, now, json!({}), reason)?;
    tx.commit()?;
    Ok(())
}

fn slot_json(slot: &FreedSlot, visit: Interval) -> serde_json::Value {
    json!({
        "doctor": slot.doctor.to_string(),
        "room": slot.room.map(|r| r.to_string()),
        "start_utc": secs(visit.start),
        "end_utc": secs(visit.end),
        "freed_by_appointment": slot.appointment.map(|a| a.to_string()),
    })
}

/// Marks a slot as offered to a waiting patient (see [`super::Store::offer_waitlist_slot`]).
pub fn offer(
    conn: &Db,
    id: WaitlistEntryId,
    slot: &FreedSlot,
    visit: Interval,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let tx = begin(conn, actor)?;
    step(
        &tx,
        id,
        WaitAction::Offer,
        actor,
        now,
        slot_json(slot, visit),
        "",
    )?;
    tx.commit()?;
    Ok(())
}

/// The patient said no to an offer: they keep waiting (see [`super::Store::decline_waitlist_offer`]).
pub fn decline(
    conn: &Db,
    id: WaitlistEntryId,
    reason: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let tx = begin(conn, actor)?;
    step(&tx, id, WaitAction::Decline, actor, now, json!({}), reason)?;
    tx.commit()?;
    Ok(())
}

/// Books a waiting patient and marks the entry booked, in one transaction (see
/// [`super::Store::book_from_waitlist`]).
pub fn book(
    conn: &Db,
    id: WaitlistEntryId,
    request: &BookingRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BookingOutcome> {
    let tx = begin(conn, actor)?;
    let row = entry(&tx, id)?;
    if request.patient != row.entry.request.patient || request.clinic != row.entry.request.clinic {
        return Err(StoreError::Invalid(crate::t!(
            "store-waitlist-booking-not-for-them",
            patient = &row.patient_name
        )));
    }
    if request.new_patient.is_some() {
        return Err(StoreError::Invalid(crate::t!(
            "store-waitlist-already-registered"
        )));
    }
    waitlist::transition(row.entry.status, WaitAction::Book)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let outcome = booking::book_in(&tx, request, actor, now)?;
    let a = &outcome.appointment;
    let after = json!({
        "appointment": a.id.to_string(),
        "start_utc": secs(a.interval.start),
        "end_utc": secs(a.interval.end),
        "doctor": a.doctor.to_string(),
    });
    step(&tx, id, WaitAction::Book, actor, now, after, "")?;
    tx.prepare_cached("UPDATE waitlist_entry SET booked_appointment_id = ?2 WHERE id = ?1")?
        .execute(params![id.0, a.id.0])?;
    let waited = waitlist::waited(row.entry.created_at, now);
    let reason = format!("booked from the waitlist after {waited}");
    audit(
        &tx,
        a.id,
        now,
        actor,
        Change {
            action: "from_waitlist",
            before: None,
            after: Some(json!({
                "waitlist_entry": id.to_string(),
                "waiting_since": secs(row.entry.created_at),
            })),
            reason: &reason,
        },
    )?;
    tx.commit()?;
    Ok(outcome)
}
