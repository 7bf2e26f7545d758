//! Status changes and their undo. A change follows the core's lifecycle; an undo puts back the
//! status an appointment had before the desk's last change, as a new audited event (history is
//! never erased), and only if nothing changed since and the time is still free.

use super::sql::{Begin, Db, params};
use chrono::{DateTime, Utc};
use serde_json::json;

use super::booking::{Change, audit, check_actor, clinic, judge, load_appointment};
use super::codec::secs;
use super::error::{Result, StoreError};
use crate::scheduling::conflict::Proposal;
use crate::scheduling::model::*;
use crate::scheduling::queue;
use crate::scheduling::status::{self, Status, StatusAction};
use crate::scheduling::time::local_date;

/// Writes the status and the fields that go with it.
pub(super) fn write_status(
    tx: &Db,
    a: &Appointment,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let c = a.cancellation.as_ref();
    tx.prepare_cached(
        "UPDATE appointment SET status = ?2, arrived_at = ?3, consultation_started_at = ?4, \
         completed_at = ?5, cancel_reason = ?6, cancelled_by = ?7, cancelled_late = ?8, \
         cancelled_at = ?9, updated_by = ?10, updated_at = ?11 WHERE id = ?1",
    )?
    .execute(params![
        a.id.0,
        a.status.as_str(),
        a.arrived_at.map(secs),
        a.consultation_started_at.map(secs),
        a.completed_at.map(secs),
        c.map(|c| c.reason.as_str()),
        c.map(|c| c.by.as_str()),
        c.map(|c| c.late),
        c.map(|c| secs(c.at)),
        actor,
        secs(now)
    ])?;
    Ok(())
}

fn status_json(a: &Appointment) -> serde_json::Value {
    let mut value = json!({ "status": a.status.as_str() });
    if let Some(c) = &a.cancellation {
        value["cancelled_by"] = json!(c.by.as_str());
        value["late"] = json!(c.late);
    }
    value
}

/// Changes an appointment's status (see [`super::Store::change_status`]).
pub fn change_status(
    conn: &Db,
    id: AppointmentId,
    action: &StatusAction,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Appointment> {
    check_actor(actor)?;
    if let StatusAction::Cancel { reason, .. } | StatusAction::EnteredInError { reason } = action {
        crate::scheduling::entry::free_text("the reason", reason)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
    }
    let tx = conn.begin(Begin::Write)?;
    let before = load_appointment(&tx, id)?;
    let reason = match action {
        StatusAction::Cancel { reason, .. } | StatusAction::EnteredInError { reason } => {
            reason.trim()
        }
        _ => "",
    };
    let after = change_in(&tx, &before, action, reason, actor, now)?;
    tx.commit()?;
    Ok(after)
}

/// Applies `action` to `before` inside the caller's write transaction `tx`: the core's
/// lifecycle decides, the status is written, a call is counted (`queue_call`), and the audit
/// event records it with `reason`.
pub(super) fn change_in(
    tx: &Db,
    before: &Appointment,
    action: &StatusAction,
    reason: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Appointment> {
    if *action == StatusAction::CheckIn {
        // An arrival belongs to its day's queue (scheduling::queue).
        let zone = clinic(tx, before.clinic)?.time_zone;
        queue::check_check_in(
            local_date(zone, before.interval.start),
            local_date(zone, now),
        )
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    }
    let mut after = status::apply(before, action, now)?;
    after.updated_by = actor.to_owned();
    write_status(tx, &after, actor, now)?;
    let mut recorded = status_json(&after);
    if *action == StatusAction::Call {
        recorded["calls"] = json!(super::waiting_room::count_call(tx, before.id, actor, now)?);
    }
    let change = Change {
        action: after.status.as_str(),
        before: Some(json!({ "status": before.status.as_str() })),
        after: Some(recorded),
        reason,
    };
    audit(tx, before.id, now, actor, change)?;
    Ok(after)
}

/// Puts back the status `restore` had (see [`super::Store::revert_status`]).
pub fn revert_status(
    conn: &Db,
    id: AppointmentId,
    expected: Status,
    restore: &Appointment,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Appointment> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let current = load_appointment(&tx, id)?;
    if restore.id != id {
        return Err(StoreError::Invalid(crate::t!(
            "store-undo-other-appointment"
        )));
    }
    let undo = status::check_undo(current.status, expected, restore.status)
        .map_err(StoreError::Invalid)?;
    if undo == status::Undo::RestoreIfFree {
        // Taking the time back: it must still be free.
        let clinic = clinic(&tx, current.clinic)?;
        let proposal = Proposal {
            doctor: current.doctor,
            room: current.room,
            patient: current.patient,
            interval: current.interval,
            kind: current.kind,
            moving: Some(id),
        };
        let clashes: Vec<_> = judge(&tx, &clinic, &proposal, Vec::new(), now)?
            .into_iter()
            .filter(|c| c.clash().is_some())
            .collect();
        if !clashes.is_empty() {
            return Err(StoreError::Refused(clashes));
        }
    }
    let mut after = current.clone();
    after.status = restore.status;
    after.arrived_at = restore.arrived_at;
    after.consultation_started_at = restore.consultation_started_at;
    after.completed_at = restore.completed_at;
    after.cancellation = restore.cancellation.clone();
    after.updated_by = actor.to_owned();
    write_status(&tx, &after, actor, now)?;
    if expected == Status::Called {
        // Only a call leads to "called": undone, it does not count against the patient.
        super::waiting_room::uncount_call(&tx, id)?;
    }
    let reason = format!("undo of {}", current.status.label());
    let change = Change {
        action: "undo",
        before: Some(status_json(&current)),
        after: Some(status_json(&after)),
        reason: &reason,
    };
    audit(&tx, id, now, actor, change)?;
    tx.commit()?;
    Ok(after)
}

/// Edits an appointment's reason, notes, mode and meeting link (see [`super::Store::edit`]).
pub fn edit(
    conn: &Db,
    id: AppointmentId,
    edit: &super::Edit,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Appointment> {
    check_actor(actor)?;
    for (what, text) in [("the reason", &edit.reason), ("the notes", &edit.notes)] {
        crate::scheduling::entry::free_text(what, text)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
    }
    let tx = conn.begin(Begin::Write)?;
    let before = load_appointment(&tx, id)?;
    if !before.status.can_edit() {
        return Err(StoreError::Invalid(crate::t!(
            "store-edit-entered-in-error"
        )));
    }
    let mut after = before.clone();
    after.reason = crate::scheduling::tidy::text(&edit.reason);
    after.notes = crate::scheduling::tidy::text(&edit.notes);
    after.mode = edit.mode;
    after.meeting_link = crate::scheduling::tidy::text(&edit.meeting_link);
    if !after.meeting_link.is_empty() {
        crate::scheduling::template::check_link(&after.meeting_link)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
    }
    if after.mode == Mode::Video && after.meeting_link.is_empty() {
        // A visit that becomes video gets a meeting link from the clinic's pattern.
        after.meeting_link = super::video::new_link(&tx)?;
    }
    let mut changed_before = serde_json::Map::new();
    let mut changed_after = serde_json::Map::new();
    for (field, old, new) in [
        ("reason", &before.reason, &after.reason),
        ("notes", &before.notes, &after.notes),
        ("meeting_link", &before.meeting_link, &after.meeting_link),
    ] {
        if old != new {
            changed_before.insert(field.into(), json!(old));
            changed_after.insert(field.into(), json!(new));
        }
    }
    if before.mode != after.mode {
        changed_before.insert("mode".into(), json!(before.mode.as_str()));
        changed_after.insert("mode".into(), json!(after.mode.as_str()));
    }
    if changed_after.is_empty() {
        return Ok(before);
    }
    after.updated_by = actor.to_owned();
    tx.prepare_cached(
        "UPDATE appointment SET reason = ?2, notes = ?3, mode = ?4, meeting_link = ?5, \
         updated_by = ?6, updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        after.reason,
        after.notes,
        after.mode.as_str(),
        after.meeting_link,
        actor,
        secs(now)
    ])?;
    let change = Change {
        action: "edited",
        before: Some(changed_before.into()),
        after: Some(changed_after.into()),
        reason: "",
    };
    audit(&tx, id, now, actor, change)?;
    tx.commit()?;
    Ok(after)
}
