//! The setup audit: one append-only row per change to the clinic's setup (who, when, which
//! entity, what it was before and after), written in the same transaction as the change.
//! Anyone who changes setup writes here through [`record`].

use super::sql;
use super::sql::{Db, params};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::SetupAuditEvent;
use super::codec::{self, secs};
use crate::scheduling::conflict::Absence;
use crate::scheduling::hours::WeeklyHours;
use crate::scheduling::hours_text::week_texts;
use crate::scheduling::model::*;
use crate::scheduling::staff::StaffMember;

/// What one setup audit row records.
pub struct SetupChangeRecord<'a> {
    /// "clinic", "doctor", "doctor_hours", "doctor_leave", "room", "room_hours",
    /// "room_blockout", "visit_type", "staff" … (other features add their own kinds).
    pub kind: &'a str,
    /// The entity's id as text.
    pub id: String,
    /// "created", "updated", "removed".
    pub action: &'a str,
    /// How it was, if it existed.
    pub before: Option<Value>,
    /// How it is now, if it still exists.
    pub after: Option<Value>,
}

/// Appends a setup audit row inside the caller's transaction.
pub fn record(
    tx: &Db,
    now: DateTime<Utc>,
    actor: &str,
    change: SetupChangeRecord<'_>,
) -> sql::Result<()> {
    tx.prepare_cached(
        "INSERT INTO setup_audit (at_utc, actor, entity_kind, entity_id, action, before, after) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        secs(now),
        actor,
        change.kind,
        change.id,
        change.action,
        change.before.map(|v| v.to_string()),
        change.after.map(|v| v.to_string()),
    ])?;
    Ok(())
}

/// The newest setup changes first, at most `limit`; only those of one entity when `entity` is
/// given.
pub fn history(conn: &Db, entity: Option<&str>, limit: usize) -> sql::Result<Vec<SetupAuditEvent>> {
    let sql = "SELECT at_utc, actor, entity_kind, entity_id, action, before, after \
               FROM setup_audit WHERE CAST(?1 AS TEXT) IS NULL OR entity_id = ?1 ORDER BY id DESC LIMIT ?2";
    let mut stmt = conn.prepare_cached(sql)?;
    stmt.query_map(params![entity, limit], |r| {
        Ok(SetupAuditEvent {
            at: codec::instant(0, r.get(0)?)?,
            actor: r.get(1)?,
            entity_kind: r.get(2)?,
            entity_id: r.get(3)?,
            action: r.get(4)?,
            before: r.get(5)?,
            after: r.get(6)?,
        })
    })?
    .collect()
}

/// Weekly hours as `{"mon": "09:00–13:00, 14:00–18:00", …}` (an empty text is a day off).
pub fn hours_json(hours: &WeeklyHours) -> Value {
    let [mon, tue, wed, thu, fri, sat, sun] = week_texts(hours);
    json!({"mon": mon, "tue": tue, "wed": wed, "thu": thu, "fri": fri, "sat": sat, "sun": sun})
}

/// A clinic as the audit records it.
pub fn clinic_json(c: &Clinic) -> Value {
    json!({
        "name": c.name,
        "address": c.address,
        "time_zone": c.time_zone.name(),
        "slot_minutes": c.slot_minutes,
        "opening_hours": hours_json(&c.opening_hours),
    })
}

/// A doctor as the audit records it.
pub fn doctor_json(d: &Doctor) -> Value {
    json!({"name": d.name, "specialty": d.specialty, "colour": d.colour, "active": d.active})
}

/// A room as the audit records it.
pub fn room_json(r: &Room) -> Value {
    json!({
        "clinic": r.clinic.to_string(),
        "name": r.name,
        "kind": r.kind.as_str(),
        "active": r.active,
    })
}

/// A visit type as the audit records it.
pub fn visit_type_json(v: &VisitType) -> Value {
    json!({
        "name": v.name,
        "minutes": v.minutes,
        "colour": v.colour,
        "default_mode": v.default_mode.as_str(),
    })
}

/// A staff member as the audit records it.
pub fn staff_json(s: &StaffMember) -> Value {
    json!({"name": s.name, "role": s.role.as_str(), "active": s.active})
}

/// Leave or a blockout as the audit records it, with its owner.
pub fn absence_json(owner: &str, owner_id: String, a: &Absence) -> Value {
    json!({
        owner: owner_id,
        "start_utc": secs(a.interval.start),
        "end_utc": secs(a.interval.end),
        "reason": a.reason,
    })
}
