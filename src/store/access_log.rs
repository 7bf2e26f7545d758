//! The access log in the database (`scheduling::access`): an entry is appended inside the
//! caller's transaction with the chain's next link, the log is read back newest first for the
//! administrator's viewer, and checked whole, entry by entry, for `frontdesk check`.

use chrono::{DateTime, Utc};

use super::codec::{self, secs};
use super::sql::{self, Db, params};
use crate::scheduling::access::{
    self, Access, AccessEntry, AccessKind, ChainCheck, Head, from_hex, to_hex,
};
use crate::scheduling::staff::StaffId;

/// Which entries of the log to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessFilter {
    /// Only from this instant on.
    pub from: Option<DateTime<Utc>>,
    /// Only before this instant.
    pub until: Option<DateTime<Utc>>,
    /// Only entries of this staff member.
    pub staff: Option<StaffId>,
    /// Only this kind.
    pub kind: Option<AccessKind>,
    /// At most this many, newest first.
    pub limit: usize,
}

/// Appends `access` inside the caller's transaction and returns it as stored (its instant in
/// whole seconds, its number and hash). The head row is updated first, so two desks appending
/// at once queue on it and each links to the other's entry.
pub fn append(tx: &Db, access: &Access) -> sql::Result<AccessEntry> {
    let (entries, previous): (i64, String) = tx.query_row(
        "UPDATE access_log_head SET entries = entries + 1 WHERE id = 1 RETURNING entries, hash",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let previous = from_hex(&previous)
        .ok_or_else(|| codec::bad(1, "the access log's head is not a hash".into()))?;
    let seq = entries;
    let mut access = access.clone();
    access.at = codec::instant(0, secs(access.at))?;
    let hash = access::link(&previous, seq, &access);
    let hex = to_hex(&hash);
    tx.prepare_cached(
        "INSERT INTO access_log (seq, at_utc, desk, staff_id, name, kind, subject, detail, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        seq,
        secs(access.at),
        access.desk,
        access.staff.map(|s| s.0),
        access.name,
        access.kind.as_str(),
        access.subject,
        access.detail,
        hex,
    ])?;
    tx.prepare_cached("UPDATE access_log_head SET hash = ?1 WHERE id = 1")?
        .execute(params![hex])?;
    Ok(AccessEntry { seq, access, hash })
}

const COLUMNS: &str = "seq, at_utc, desk, staff_id, name, kind, subject, detail, hash";

fn entry(r: &sql::Row<'_>) -> sql::Result<AccessEntry> {
    let kind: String = r.get(5)?;
    let hash: String = r.get(8)?;
    Ok(AccessEntry {
        seq: r.get(0)?,
        access: Access {
            at: codec::instant(1, r.get(1)?)?,
            desk: r.get(2)?,
            staff: r.get::<Option<uuid::Uuid>>(3)?.map(StaffId),
            name: r.get(4)?,
            kind: AccessKind::parse(&kind)
                .ok_or_else(|| codec::bad(5, format!("access kind '{kind}'")))?,
            subject: r.get(6)?,
            detail: r.get(7)?,
        },
        hash: from_hex(&hash).ok_or_else(|| codec::bad(8, "an access log hash".into()))?,
    })
}

/// The entries `filter` asks for, newest first.
pub fn read(conn: &Db, filter: &AccessFilter) -> sql::Result<Vec<AccessEntry>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM access_log \
         WHERE (CAST(?1 AS BIGINT) IS NULL OR at_utc >= ?1) \
           AND (CAST(?2 AS BIGINT) IS NULL OR at_utc < ?2) \
           AND (CAST(?3 AS TEXT) IS NULL OR kind = ?3) \
           AND (?4 = 0 OR staff_id = ?5) \
         ORDER BY seq DESC LIMIT ?6"
    );
    let staff = filter.staff.map(|s| s.0).unwrap_or_default();
    let limit = i64::try_from(filter.limit).unwrap_or(i64::MAX);
    conn.prepare_cached(&sql)?
        .query_map(
            params![
                filter.from.map(secs),
                filter.until.map(secs),
                filter.kind.map(AccessKind::as_str),
                i64::from(filter.staff.is_some()),
                staff,
                limit
            ],
            entry,
        )?
        .collect()
}

/// The chain's head as stored.
pub fn head(conn: &Db) -> sql::Result<Head> {
    let (entries, hash): (i64, String) = conn.query_row(
        "SELECT entries, hash FROM access_log_head WHERE id = 1",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Head {
        entries,
        hash: from_hex(&hash).unwrap_or([0xff; 32]),
    })
}

/// Checks every entry against the one before it and the head. A row whose stored values no
/// longer read as an entry (an edited kind, instant or hash) breaks the chain there.
pub fn check(db: &Db) -> sql::Result<ChainCheck> {
    // One snapshot: a desk appending meanwhile would otherwise leave more entries than the
    // head read before them counts, and look like an entry added by hand.
    let tx = db.begin(super::sql::Begin::Read)?;
    let found = check_in(&tx)?;
    tx.finish()?;
    Ok(found)
}

fn check_in(conn: &Db) -> sql::Result<ChainCheck> {
    let head = head(conn)?;
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM access_log ORDER BY seq"))?;
    let rows = stmt.query_map(params![], |r| Ok((r.get::<i64>(0)?, entry(r).ok())))?;
    let mut entries = Vec::new();
    for row in rows {
        match row? {
            (_, Some(entry)) => entries.push(entry),
            (seq, None) => {
                return Ok(match access::verify(entries, head) {
                    ChainCheck::BrokenAt(earlier) => ChainCheck::BrokenAt(earlier),
                    _ => ChainCheck::BrokenAt(seq),
                });
            }
        }
    }
    Ok(access::verify(entries, head))
}
