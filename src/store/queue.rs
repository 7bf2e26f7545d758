//! The stored side of the day's queue: which tokens a clinic day has issued (the `queue_token`
//! ledger, which the appointment triggers of migration 9 fill), the clinic-local day a token
//! belongs to, and the upgrade that gives every stored token its day and re-issues duplicates.
//! The rules themselves are the core's (`scheduling::queue`).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, params};
use serde_json::json;

use super::codec;
use super::error::{Result, StoreError};
use crate::scheduling::model::*;
use crate::scheduling::queue;
use crate::scheduling::time::local_date;

/// Who the upgrade's audit events name.
pub const UPGRADE_ACTOR: &str = "Frontdesk upgrade";

/// Every token issued on one clinic-local day of a clinic, moved and cancelled ones included.
pub(super) fn issued(conn: &Connection, clinic: ClinicId, day: NaiveDate) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT token FROM queue_token WHERE clinic_id = ?1 AND local_date = ?2")?;
    let rows = stmt.query_map(params![clinic.0, day_text(day)], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A day as stored: `YYYY-MM-DD`.
pub(super) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The next token for a new walk-in or emergency of `clinic` starting at `start`, decided by
/// the core over what the day has issued. Inside the caller's `BEGIN IMMEDIATE` transaction,
/// so no other desk can take the same one.
pub(super) fn next_token(
    conn: &Connection,
    clinic: &Clinic,
    kind: Kind,
    start: DateTime<Utc>,
) -> Result<String> {
    let day = local_date(clinic.time_zone, start);
    let issued = issued(conn, clinic.id, day)?;
    queue::next_token(kind, day, issued.iter().map(String::as_str))
        .map_err(|e| StoreError::Invalid(e.to_string()))
}

/// The clinic-local day of an appointment of `clinic` starting at `start`: the day its token
/// belongs to.
pub(super) fn token_day(
    conn: &Connection,
    clinic: ClinicId,
    start: DateTime<Utc>,
) -> rusqlite::Result<NaiveDate> {
    let zone: String = conn
        .prepare_cached("SELECT time_zone FROM clinic WHERE id = ?1")?
        .query_row([clinic.0], |r| r.get(0))?;
    let zone: Tz = zone
        .parse()
        .map_err(|_| codec::bad(0, format!("time zone '{zone}'")))?;
    Ok(local_date(zone, start))
}

/// Migration 9's data step: gives every appointment holding a token its clinic-local day,
/// re-issues the token of the later-booked of two appointments that held the same token on the
/// same day (the next of its sequence, audited as "token reissued" by [`UPGRADE_ACTOR`]), and
/// records every token in the ledger. Never fails on odd data: a clinic whose zone cannot be
/// read counts its days in UTC. Opening a file passes no "now" in, so the re-issue is stamped
/// with SQLite's clock (the one place the store takes the time itself, once per database).
pub(super) fn upgrade_tokens(conn: &Connection) -> rusqlite::Result<()> {
    let mut zones: HashMap<uuid::Uuid, Tz> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT id, time_zone FROM clinic")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, uuid::Uuid>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (id, zone) = row?;
            zones.insert(id, zone.parse().unwrap_or(Tz::UTC));
        }
    }
    struct Held {
        id: uuid::Uuid,
        clinic: uuid::Uuid,
        day: NaiveDate,
        token: String,
        kind: String,
        created_at: i64,
    }
    let mut held = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, clinic_id, start_utc, queue_token, kind, created_at FROM appointment \
             WHERE queue_token <> '' ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, uuid::Uuid>(0)?,
                r.get::<_, uuid::Uuid>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        for row in rows {
            let (id, clinic, start, token, kind, created_at) = row?;
            let zone = zones.get(&clinic).copied().unwrap_or(Tz::UTC);
            let start = DateTime::from_timestamp(start, 0).unwrap_or_default();
            held.push(Held {
                id,
                clinic,
                day: local_date(zone, start),
                token,
                kind,
                created_at,
            });
        }
    }
    // Every token each day holds, duplicates included: a re-issued token is above them all.
    let mut issued: HashMap<(uuid::Uuid, NaiveDate), Vec<String>> = HashMap::new();
    for h in &held {
        issued
            .entry((h.clinic, h.day))
            .or_default()
            .push(h.token.clone());
    }
    let mut kept: HashSet<(uuid::Uuid, NaiveDate, String)> = HashSet::new();
    for h in held {
        let mut token = h.token.clone();
        if !kept.insert((h.clinic, h.day, token.clone())) {
            let day_tokens = issued.entry((h.clinic, h.day)).or_default();
            let kind = Kind::parse(&h.kind).unwrap_or(Kind::WalkIn);
            let next = match queue::imported_token(
                kind,
                h.day,
                &h.token,
                day_tokens.iter().map(String::as_str),
            ) {
                Ok(decision) => decision.token().to_owned(),
                Err(_) => String::new(),
            };
            if !next.is_empty() {
                day_tokens.push(next.clone());
                kept.insert((h.clinic, h.day, next.clone()));
            }
            let reason = match next.as_str() {
                "" => format!(
                    "two patients held queue token {} on {}: this one, booked later, now holds none",
                    h.token, h.day
                ),
                n => format!(
                    "two patients held queue token {} on {}: this one, booked later, now holds {n}",
                    h.token, h.day
                ),
            };
            conn.prepare_cached(
                "UPDATE appointment SET queue_token = ?2, updated_by = ?3, \
                 updated_at = unixepoch('now') WHERE id = ?1",
            )?
            .execute(params![h.id, next, UPGRADE_ACTOR])?;
            conn.prepare_cached(
                "INSERT INTO audit_event (appointment_id, at_utc, actor, action, before, after, \
                 reason) VALUES (?1, unixepoch('now'), ?2, 'token reissued', ?3, ?4, ?5)",
            )?
            .execute(params![
                h.id,
                UPGRADE_ACTOR,
                json!({ "queue_token": h.token }).to_string(),
                json!({ "queue_token": next, "queue_date": day_text(h.day) }).to_string(),
                reason
            ])?;
            token = next;
        }
        if token.is_empty() {
            continue;
        }
        conn.prepare_cached("UPDATE appointment SET queue_date = ?2 WHERE id = ?1")?
            .execute(params![h.id, day_text(h.day)])?;
        conn.prepare_cached(
            "INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            h.clinic,
            day_text(h.day),
            token,
            h.id,
            h.created_at
        ])?;
    }
    Ok(())
}
