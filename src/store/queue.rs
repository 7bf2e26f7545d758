//! The stored side of the day's queue: which tokens a clinic day has issued (the `queue_token`
//! ledger, which the appointment triggers of migration 9 fill), the clinic-local day a token
//! belongs to, an import's tokens planned per day, the upgrade that gives every stored token
//! its day and re-issues duplicates (migration 9), and the one that writes every token in our
//! one form (migration 10). The rules themselves are the core's (`scheduling::queue`).

use super::sql;
use std::collections::{HashMap, HashSet};

use super::sql::{Db, OptionalExtension, params};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde_json::json;

use super::codec;
use super::error::{Result, StoreError};
use crate::import::{AppointmentRecord, Parsed};
use crate::scheduling::model::*;
use crate::scheduling::queue;
use crate::scheduling::time::local_date;

/// Who the upgrade's audit events name.
pub const UPGRADE_ACTOR: &str = "Frontdesk upgrade";

/// Every token issued on one clinic-local day of a clinic, moved and cancelled ones included.
pub(super) fn issued(conn: &Db, clinic: ClinicId, day: NaiveDate) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT token FROM queue_token WHERE clinic_id = ?1 AND local_date = ?2")?;
    let rows = stmt.query_map(params![clinic.0, day_text(day)], |r| r.get(0))?;
    Ok(rows.collect::<sql::Result<_>>()?)
}

/// A day as stored: `YYYY-MM-DD`.
pub(super) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The next token for a new walk-in or emergency of `clinic` starting at `start`, decided by
/// the core over what the day has issued. Inside the caller's `BEGIN IMMEDIATE` transaction,
/// so no other desk can take the same one.
pub(super) fn next_token(
    conn: &Db,
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
    conn: &Db,
    clinic: ClinicId,
    start: DateTime<Utc>,
) -> sql::Result<NaiveDate> {
    let zone: String = conn
        .prepare_cached("SELECT time_zone FROM clinic WHERE id = ?1")?
        .query_row([clinic.0], |r| r.get(0))?;
    let zone: Tz = zone
        .parse()
        .map_err(|_| codec::bad(0, format!("time zone '{zone}'")))?;
    Ok(local_date(zone, start))
}

/// The queue token of every row that will be written, by index: each clinic day's rows
/// together, before any row is written, so a row's good token is kept before another row is
/// given a number (`queue::import_tokens`). Rows already stored, repeated ids and rows whose
/// start cannot be read get none (they are not written).
pub(super) fn plan_import(
    conn: &Db,
    clinic: &Clinic,
    parsed: &Parsed<AppointmentRecord>,
) -> Result<Vec<Option<std::result::Result<queue::ImportedToken, String>>>> {
    let mut by_day: std::collections::BTreeMap<chrono::NaiveDate, Vec<usize>> =
        std::collections::BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    for (i, (_, r)) in parsed.rows.iter().enumerate() {
        if !seen.insert(r.id) {
            continue;
        }
        let stored = conn
            .prepare_cached("SELECT 1 FROM appointment WHERE id = ?1")?
            .query_row([r.id.0], |_| Ok(()))
            .optional()?
            .is_some();
        if stored {
            continue;
        }
        if let Ok(start) = super::import::resolve_when(clinic.time_zone, r.start, &mut Vec::new()) {
            by_day
                .entry(local_date(clinic.time_zone, start))
                .or_default()
                .push(i);
        }
    }
    let mut planned: Vec<Option<_>> = Vec::new();
    planned.resize_with(parsed.rows.len(), || None);
    for (day, indices) in by_day {
        let issued = super::queue::issued(conn, clinic.id, day)?;
        let rows: Vec<(Kind, &str)> = indices
            .iter()
            .filter_map(|&i| parsed.rows.get(i))
            .map(|(_, r)| (r.kind, r.queue_token.as_str()))
            .collect();
        let decided = queue::import_tokens(day, issued.iter().map(String::as_str), &rows);
        for (i, d) in indices.into_iter().zip(decided) {
            if let Some(slot) = planned.get_mut(i) {
                *slot = Some(d);
            }
        }
    }
    Ok(planned)
}

/// Migration 9's data step: gives every appointment holding a token its clinic-local day,
/// re-issues the token of the later-booked of two appointments that held the same token on the
/// same day (the next of its sequence, audited as "token reissued" by [`UPGRADE_ACTOR`]), and
/// records every token in the ledger. Never fails on odd data: a clinic whose zone cannot be
/// read counts its days in UTC. Opening a file passes no "now" in, so the re-issue is stamped
/// with SQLite's clock (the one place the store takes the time itself, once per database).
pub(super) fn upgrade_tokens(conn: &Db) -> sql::Result<()> {
    let mut zones: HashMap<uuid::Uuid, Tz> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT id, time_zone FROM clinic")?;
        let rows = stmt.query_map(params![], |r| {
            Ok((r.get::<uuid::Uuid>(0)?, r.get::<String>(1)?))
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
        let rows = stmt.query_map(params![], |r| {
            Ok((
                r.get::<uuid::Uuid>(0)?,
                r.get::<uuid::Uuid>(1)?,
                r.get::<i64>(2)?,
                r.get::<String>(3)?,
                r.get::<String>(4)?,
                r.get::<i64>(5)?,
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
            let next = queue::reissued_duplicate(
                kind,
                h.day,
                &h.token,
                day_tokens.iter().map(String::as_str),
            )
            .unwrap_or_default();
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

/// One appointment holding a token, or a token only the ledger holds, as migration 10 reads
/// them.
struct Holder {
    /// The appointment, `None` for a ledger row no appointment holds.
    appointment: Option<uuid::Uuid>,
    kind: Kind,
    token: String,
}

/// Why migration 10 changed an appointment's token, for its audit event.
fn reform_reason(
    old: &str,
    day: NaiveDate,
    decided: &Result<queue::ImportedToken, String>,
) -> String {
    let old_shown: String = old.chars().take(20).flat_map(char::escape_debug).collect();
    match decided {
        Ok(queue::ImportedToken::Replaced { token, why, .. }) => {
            let why = match why {
                queue::Reissue::Missing => "could not be read".to_owned(),
                queue::Reissue::NotOurs => {
                    "was not written as Frontdesk writes this kind's tokens".to_owned()
                }
                queue::Reissue::Taken => {
                    format!("has the number of a token another patient held first on {day}")
                }
                queue::Reissue::Beyond { tokens } => {
                    format!("was beyond the queue of {day}, which had {tokens} tokens of its kind")
                }
            };
            format!(
                "queue tokens are compared by letter and number: {old_shown} {why}, so this patient now holds {token}"
            )
        }
        Ok(queue::ImportedToken::Dropped { .. }) => {
            format!("a scheduled appointment holds no queue token: {old_shown} taken off")
        }
        Ok(queue::ImportedToken::Keep(token)) => {
            format!("queue tokens are written one way: {old_shown} is now {token}")
        }
        Err(e) => format!("{old_shown} could not be kept ({e}): this patient now holds none"),
    }
}

/// Migration 10's data step: every clinic day's tokens get the form and the numbers an import
/// would give them today (`queue::import_tokens`, the appointments in the order they were
/// booked, then the ledger's tokens no appointment holds), so equal numbers are equal text;
/// each appointment whose token changes gets a "token reissued" audit event by
/// [`UPGRADE_ACTOR`], and the ledger keeps only the tokens that are now held (or were held by
/// no one but are still good). Runs with the ledger's triggers set aside (migration 10's SQL).
pub(super) fn upgrade_token_forms(conn: &Db) -> sql::Result<()> {
    let mut days: std::collections::BTreeMap<(uuid::Uuid, String), Vec<Holder>> =
        std::collections::BTreeMap::new();
    let mut held: HashSet<(uuid::Uuid, String, String)> = HashSet::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, clinic_id, queue_date, queue_token, kind FROM appointment \
             WHERE queue_token <> '' AND queue_date IS NOT NULL ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok((
                r.get::<uuid::Uuid>(0)?,
                r.get::<uuid::Uuid>(1)?,
                r.get::<String>(2)?,
                r.get::<String>(3)?,
                r.get::<String>(4)?,
            ))
        })?;
        for row in rows {
            let (id, clinic, day, token, kind) = row?;
            held.insert((clinic, day.clone(), token.clone()));
            days.entry((clinic, day)).or_default().push(Holder {
                appointment: Some(id),
                kind: Kind::parse(&kind).unwrap_or(Kind::WalkIn),
                token,
            });
        }
    }
    let mut ledger = Vec::new();
    {
        let mut stmt = conn
            .prepare("SELECT clinic_id, local_date, token FROM queue_token ORDER BY issued_at")?;
        let rows = stmt.query_map(params![], |r| {
            Ok((
                r.get::<uuid::Uuid>(0)?,
                r.get::<String>(1)?,
                r.get::<String>(2)?,
            ))
        })?;
        for row in rows {
            ledger.push(row?);
        }
    }
    // A token only the ledger holds takes its place in its day when it is written right.
    for (clinic, day, token) in &ledger {
        if held.contains(&(*clinic, day.clone(), token.clone())) {
            continue;
        }
        let kind = match queue::parse(token) {
            Some(('E', _)) => Kind::Emergency,
            _ => Kind::WalkIn,
        };
        if queue::canonical(kind, token).is_some() {
            days.entry((*clinic, day.clone()))
                .or_default()
                .push(Holder {
                    appointment: None,
                    kind,
                    token: token.clone(),
                });
        }
    }
    let mut kept: HashSet<(uuid::Uuid, String, String)> = HashSet::new();
    let mut changed = Vec::new();
    for ((clinic, day_text), holders) in days {
        let day = NaiveDate::parse_from_str(&day_text, "%Y-%m-%d").unwrap_or_default();
        // A token that cannot be read at all counts as none: the appointment gets a number.
        let rows: Vec<(Kind, &str)> = holders
            .iter()
            .map(|h| {
                let readable = h.token.chars().count() <= queue::MAX_TOKEN_CHARS
                    && !h.token.chars().any(char::is_control);
                (h.kind, if readable { h.token.as_str() } else { "" })
            })
            .collect();
        let decided = queue::import_tokens(day, std::iter::empty(), &rows);
        for (h, d) in holders.into_iter().zip(decided) {
            let token = d.as_ref().map_or("", |d| d.token()).to_owned();
            // A ledger row no appointment holds stays only as it was.
            let stays = h.appointment.is_some() || matches!(d, Ok(queue::ImportedToken::Keep(_)));
            if stays && !token.is_empty() {
                kept.insert((clinic, day_text.clone(), token.clone()));
            }
            if let Some(id) = h.appointment
                && token != h.token
            {
                let reason = reform_reason(&h.token, day, &d);
                changed.push((id, day_text.clone(), h.token, token, reason));
            }
        }
    }
    // The ledger keeps what is held; every changed token is taken off first, so no new one
    // meets an old one on its way in.
    for (clinic, day, token) in ledger {
        if !kept.contains(&(clinic, day.clone(), token.clone())) {
            conn.prepare_cached(
                "DELETE FROM queue_token WHERE clinic_id = ?1 AND local_date = ?2 AND token = ?3",
            )?
            .execute(params![clinic, day, token])?;
        }
    }
    for (id, ..) in &changed {
        conn.prepare_cached(
            "UPDATE appointment SET queue_token = '', queue_date = NULL WHERE id = ?1",
        )?
        .execute([id])?;
    }
    for (id, day, old, new, reason) in changed {
        conn.prepare_cached(
            "UPDATE appointment SET queue_token = ?2, queue_date = ?3, updated_by = ?4, \
             updated_at = unixepoch('now') WHERE id = ?1",
        )?
        .execute(params![
            id,
            new,
            (!new.is_empty()).then_some(day.as_str()),
            UPGRADE_ACTOR
        ])?;
        conn.prepare_cached(
            "INSERT INTO audit_event (appointment_id, at_utc, actor, action, before, after, \
             reason) VALUES (?1, unixepoch('now'), ?2, 'token reissued', ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            UPGRADE_ACTOR,
            json!({ "queue_token": old }).to_string(),
            json!({ "queue_token": new, "queue_date": day }).to_string(),
            reason
        ])?;
        if !new.is_empty() {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO queue_token (clinic_id, local_date, token, appointment_id, \
                 issued_at) SELECT clinic_id, ?2, ?3, id, unixepoch('now') FROM appointment \
                 WHERE id = ?1",
            )?
            .execute(params![id, day, new])?;
        }
    }
    Ok(())
}
