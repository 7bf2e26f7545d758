//! Doctors' leave and rooms' blockouts as settings edit them: listed over a bounded window,
//! recorded and removed one at a time, each with its setup audit row in the same transaction.
//! (A leave row is not an appointment: removing it deletes the row, and the audit keeps it.)

use super::sql;
use super::sql::{Db, OptionalExtension, params};
use chrono::{DateTime, Utc};

use super::AbsenceEntry;
use super::booking::check_actor;
use super::codec::{self, secs};
use super::error::{Result, StoreError};
use super::settings::{immediate, refuse};
use super::setup_audit::{self as audit, SetupChangeRecord};
use crate::scheduling::conflict::Absence;
use crate::scheduling::model::Interval;
use crate::scheduling::setup_rules::absence_problems;

/// Which table: a doctor's leave or a room's blockouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// `doctor_leave`, owned by a doctor.
    Leave,
    /// `room_blockout`, owned by a room.
    Blockout,
}

impl Table {
    fn sql(self) -> (&'static str, &'static str, &'static str, &'static str) {
        // table, owner column, owner table, audit kind
        match self {
            Table::Leave => ("doctor_leave", "doctor_id", "doctor", "doctor_leave"),
            Table::Blockout => ("room_blockout", "room_id", "room", "room_blockout"),
        }
    }

    fn what(self) -> &'static str {
        match self {
            Table::Leave => "leave",
            Table::Blockout => "blockout",
        }
    }
}

/// The owner's entries overlapping `window`, by start. Bounded on both sides, so it stays on
/// the `(owner, start_utc)` index.
pub fn list(
    conn: &Db,
    table: Table,
    owner: uuid::Uuid,
    window: Interval,
) -> sql::Result<Vec<AbsenceEntry>> {
    let (name, column, _, _) = table.sql();
    let sql = format!(
        "SELECT id, start_utc, end_utc, reason FROM {name} \
         WHERE {column} = ?1 AND start_utc < ?2 AND end_utc > ?3 ORDER BY start_utc, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_map(params![owner, secs(window.end), secs(window.start)], |r| {
        Ok(AbsenceEntry {
            id: super::AbsenceId(r.get(0)?),
            absence: Absence {
                interval: Interval::new(
                    codec::instant(1, r.get(1)?)?,
                    codec::instant(2, r.get(2)?)?,
                ),
                reason: r.get(3)?,
            },
        })
    })?
    .collect()
}

/// Records an entry for `owner`; returns its id.
pub fn record(
    conn: &Db,
    table: Table,
    owner: uuid::Uuid,
    absence: &Absence,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<super::AbsenceId> {
    check_actor(actor)?;
    refuse(absence_problems(absence))?;
    let (name, column, owner_table, kind) = table.sql();
    let absence = Absence {
        reason: crate::scheduling::tidy::text(&absence.reason),
        ..absence.clone()
    };
    immediate(conn, |tx| {
        let known = tx
            .prepare_cached(&format!("SELECT 1 FROM {owner_table} WHERE id = ?1"))?
            .query_row([owner], |_| Ok(()))
            .optional()?;
        if known.is_none() {
            return Err(StoreError::NotFound {
                what: owner_table,
                name: owner.to_string(),
                hint: crate::t!("store-hint-removed-reload-settings"),
            });
        }
        let id: i64 = tx
            .prepare_cached(&format!(
                "INSERT INTO {name} ({column}, start_utc, end_utc, reason) VALUES (?1, ?2, ?3, ?4) \
                 RETURNING id"
            ))?
            .query_row(
                params![
                    owner,
                    secs(absence.interval.start),
                    secs(absence.interval.end),
                    absence.reason
                ],
                |r| r.get(0),
            )?;
        audit::record(
            tx,
            now,
            actor,
            SetupChangeRecord {
                kind,
                id: id.to_string(),
                action: "created",
                before: None,
                after: Some(audit::absence_json(
                    owner_table,
                    owner.to_string(),
                    &absence,
                )),
            },
        )?;
        Ok(super::AbsenceId(id))
    })
}

/// Removes an entry by id (the audit keeps what it was).
pub fn remove(
    conn: &Db,
    table: Table,
    id: super::AbsenceId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    check_actor(actor)?;
    let (name, column, owner_table, kind) = table.sql();
    immediate(conn, |tx| {
        let row = tx
            .prepare_cached(&format!(
                "SELECT {column}, start_utc, end_utc, reason FROM {name} WHERE id = ?1"
            ))?
            .query_row([id.0], |r| {
                Ok((
                    r.get::<uuid::Uuid>(0)?,
                    r.get::<i64>(1)?,
                    r.get::<i64>(2)?,
                    r.get::<String>(3)?,
                ))
            })
            .optional()?;
        let Some((owner, start, end, reason)) = row else {
            return Err(StoreError::NotFound {
                what: table.what(),
                name: id.to_string(),
                hint: crate::t!("store-hint-removed-already"),
            });
        };
        let before = Absence {
            interval: Interval::new(codec::instant(1, start)?, codec::instant(2, end)?),
            reason,
        };
        tx.execute(&format!("DELETE FROM {name} WHERE id = ?1"), [id.0])?;
        audit::record(
            tx,
            now,
            actor,
            SetupChangeRecord {
                kind,
                id: id.to_string(),
                action: "removed",
                before: Some(audit::absence_json(owner_table, owner.to_string(), &before)),
                after: None,
            },
        )?;
        Ok(())
    })
}
