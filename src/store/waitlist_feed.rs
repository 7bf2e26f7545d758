//! Freed time, read from the appointment audit log: every cancellation, entry in error and move
//! after a point in the log (from this desk, another desk or the command line) is a freed slot;
//! for each, the waiting patients the core matches and whose booking would meet no hard
//! conflict now (the doctor, room and patient free, within hours).

use super::sql::{Db, params};
use chrono::{DateTime, Utc};

use super::booking::{self, judge};
use super::codec;
use super::error::Result;
use super::waitlist_rows::{WaitlistFilter, WaitlistRow, list};
use crate::scheduling::conflict::{Proposal, Severity};
use crate::scheduling::model::*;
use crate::scheduling::status::Status;
use crate::scheduling::waitlist::{FreedSlot, Freeing, Place, freed_by, rank};

/// A waiting patient who fits a freed slot, and the visit they would get.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitlistMatch {
    /// The entry, with names.
    pub row: WaitlistRow,
    /// The visit: the slot's start, the entry's length.
    pub interval: Interval,
}

/// A freed slot with the patients who could take it, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitlistOffer {
    /// The time that became free.
    pub slot: FreedSlot,
    /// The doctor's name.
    pub doctor_name: String,
    /// The room's name, if the slot had a room.
    pub room_name: Option<String>,
    /// Who could take it.
    pub matches: Vec<WaitlistMatch>,
}

/// Where the freed-slot feed was read up to: the next look asks from here. Opaque: what it
/// holds is the engine's (on SQLite, whose one writer commits the audit log in order, the last
/// audit event read). Only the store makes one; a desk keeps it and gives it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeedCursor(i64);

/// What changed in the log since the last look.
#[derive(Clone, Debug, PartialEq)]
pub struct FreedFeed {
    /// How far the log was read; ask again from here.
    pub cursor: FeedCursor,
    /// Freed slots that waiting patients fit, in the order they were freed.
    pub offers: Vec<WaitlistOffer>,
}

/// At most this many log events are read per look; the rest come next time.
const BATCH: i64 = 500;

/// Audit events that may free time (the core's `Freeing` actions), after `after`, for one
/// clinic.
const FREED_SQL: &str = "SELECT e.id, e.action, e.before, a.id, a.patient_id, a.doctor_id, \
    a.room_id, a.start_utc, a.end_utc FROM audit_event e \
    JOIN appointment a ON a.id = e.appointment_id \
    WHERE e.id > ?1 AND e.id <= ?2 AND a.clinic_id = ?3 \
    AND e.action IN ({freeing}) ORDER BY e.id";

fn uuid_field(value: &serde_json::Value, field: &str) -> Option<uuid::Uuid> {
    value
        .get(field)
        .and_then(|v| v.as_str())
        .and_then(|s| uuid::Uuid::parse_str(s).ok())
}

/// The slot one audit event freed, if any, by the core's rule (`waitlist::freed_by`): what the
/// event's `before` says the appointment held, and where it was.
fn freed_by_event(
    clinic: ClinicId,
    action: &str,
    before: &serde_json::Value,
    appointment: AppointmentId,
    patient: PatientId,
    current: Place,
) -> Option<FreedSlot> {
    let change = Freeing::from_action(action)?;
    let held_time = before
        .get("status")
        .and_then(|s| s.as_str())
        .and_then(Status::parse)
        .is_some_and(Status::holds_time);
    let at = |f: &str| {
        before
            .get(f)
            .and_then(|v| v.as_i64())
            .and_then(|s| DateTime::from_timestamp(s, 0))
    };
    let was = (|| {
        Some((
            DoctorId(uuid_field(before, "doctor")?),
            uuid_field(before, "room").map(RoomId),
            Interval::new(at("start_utc")?, at("end_utc")?),
        ))
    })();
    freed_by(
        change,
        held_time,
        was,
        current,
        appointment,
        patient,
        clinic,
    )
}

/// Freed slots since audit event `after` with their matches; with no `after`, only where the
/// log ends now (a desk that just opened offers nothing from before).
pub fn feed(
    conn: &Db,
    clinic: ClinicId,
    after: Option<FeedCursor>,
    now: DateTime<Utc>,
) -> Result<FreedFeed> {
    let end: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM audit_event")?
        .query_row(params![], |r| r.get(0))?;
    let Some(FeedCursor(after)) = after else {
        return Ok(FreedFeed {
            cursor: FeedCursor(end),
            offers: Vec::new(),
        });
    };
    let end = end.min(after + BATCH);
    let sql = FREED_SQL.replace("{freeing}", codec::freeing_actions_sql());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![after, end, clinic.0], |r| {
        Ok((
            r.get::<String>(1)?,
            r.get::<Option<String>>(2)?,
            AppointmentId(r.get(3)?),
            PatientId(r.get(4)?),
            DoctorId(r.get(5)?),
            r.get::<Option<uuid::Uuid>>(6)?.map(RoomId),
            Interval::new(codec::instant(7, r.get(7)?)?, codec::instant(8, r.get(8)?)?),
        ))
    })?;
    let mut slots: Vec<FreedSlot> = Vec::new();
    for r in rows {
        let (action, before, id, patient, doctor, room, interval) = r?;
        let before: serde_json::Value = before
            .and_then(|b| serde_json::from_str(&b).ok())
            .unwrap_or_default();
        let Some(slot) = freed_by_event(
            clinic,
            &action,
            &before,
            id,
            patient,
            (doctor, room, interval),
        ) else {
            continue;
        };
        if slot.interval.start > now && !slots.contains(&slot) {
            slots.push(slot);
        }
    }
    let offers = if slots.is_empty() {
        Vec::new()
    } else {
        let waiting = list(conn, clinic, WaitlistFilter::Open)?;
        let mut offers = Vec::new();
        for slot in slots {
            let offer = offer_for(conn, &waiting, slot, now)?;
            if !offer.matches.is_empty() {
                offers.push(offer);
            }
        }
        offers
    };
    Ok(FreedFeed {
        cursor: FeedCursor(end),
        offers,
    })
}

/// The patients who could take `slot` now (see [`super::Store::waitlist_matches`]).
pub fn matches(conn: &Db, slot: &FreedSlot, now: DateTime<Utc>) -> Result<WaitlistOffer> {
    let waiting = list(conn, slot.clinic, WaitlistFilter::Open)?;
    offer_for(conn, &waiting, slot.clone(), now)
}

fn offer_for(
    conn: &Db,
    waiting: &[WaitlistRow],
    slot: FreedSlot,
    now: DateTime<Utc>,
) -> Result<WaitlistOffer> {
    let clinic = booking::clinic(conn, slot.clinic)?;
    let entries: Vec<_> = waiting.iter().map(|r| r.entry.clone()).collect();
    let mut matches = Vec::new();
    for candidate in rank(&entries, &slot, clinic.time_zone, now) {
        let row = &waiting[candidate.index];
        let proposal = Proposal {
            doctor: slot.doctor,
            room: slot.room,
            patient: row.entry.request.patient,
            interval: candidate.interval,
            kind: Kind::Scheduled,
            moving: None,
        };
        let conflicts = judge(conn, &clinic, &proposal, Vec::new(), now)?;
        let blocked = conflicts
            .iter()
            .any(|c| matches!(c.severity(), Severity::Hard | Severity::Invalid));
        if !blocked {
            matches.push(WaitlistMatch {
                row: row.clone(),
                interval: candidate.interval,
            });
        }
    }
    let doctor_name = conn
        .prepare_cached("SELECT name FROM doctor WHERE id = ?1")?
        .query_row([slot.doctor.0], |r| r.get(0))
        .unwrap_or_else(|_| slot.doctor.to_string());
    let room_name = match slot.room {
        Some(room) => conn
            .prepare_cached("SELECT name FROM room WHERE id = ?1")?
            .query_row([room.0], |r| r.get(0))
            .ok(),
        None => None,
    };
    Ok(WaitlistOffer {
        slot,
        doctor_name,
        room_name,
        matches,
    })
}
