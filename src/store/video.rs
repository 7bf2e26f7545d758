//! Video consultations in SQLite: a meeting link made from the clinic's pattern for each video
//! appointment, and "doctor joined" / "patient joined" recorded as audit events.

use super::sql::{Begin, Db, params};
use chrono::{DateTime, Utc};
use serde_json::json;

use super::booking::{Change, audit, check_actor, load_appointment};
use super::codec::secs;
use super::error::{Result, StoreError};
use super::reminder_model::Joiner;
use super::reminder_setup;
use crate::scheduling::template::meeting_link;
use crate::scheduling::*;

/// A new meeting link from the stored pattern, with a random (unguessable) room id.
pub fn new_link(conn: &Db) -> Result<String> {
    let pattern = reminder_setup::settings(conn)?.meeting_pattern;
    let unique = uuid::Uuid::new_v4().simple().to_string();
    meeting_link(&pattern, &unique).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Gives a video appointment without a link one, with an audit event by `actor`; returns the
/// link. Does nothing (returns `None`) for other modes or when a link is set.
pub fn ensure_link(
    tx: &Db,
    appointment: &Appointment,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    if appointment.mode != Mode::Video || !appointment.meeting_link.trim().is_empty() {
        return Ok(None);
    }
    let link = new_link(tx)?;
    tx.prepare_cached(
        "UPDATE appointment SET meeting_link = ?2, updated_by = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![appointment.id.0, link, actor, secs(now)])?;
    audit(
        tx,
        appointment.id,
        now,
        actor,
        Change {
            action: "edited",
            before: Some(json!({ "meeting_link": "" })),
            after: Some(json!({ "meeting_link": link })),
            reason: "meeting link made from the clinic's pattern",
        },
    )?;
    Ok(Some(link))
}

/// Records that the doctor or the patient joined a video consultation.
pub fn record_joined(
    conn: &Db,
    id: AppointmentId,
    who: Joiner,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let a = load_appointment(&tx, id)?;
    if a.mode != Mode::Video {
        return Err(StoreError::Invalid(match a.mode {
            Mode::Phone => crate::t!("store-video-join-phone"),
            _ => crate::t!("store-video-join-in-clinic"),
        }));
    }
    if !a.status.before_or_during_visit() {
        return Err(StoreError::Invalid(crate::t!(
            "store-video-join-not-now",
            status = a.status.label()
        )));
    }
    audit(
        &tx,
        id,
        now,
        actor,
        Change {
            action: who.action(),
            before: None,
            after: Some(json!({ "at_utc": secs(now) })),
            reason: "",
        },
    )?;
    tx.commit()?;
    Ok(())
}
