//! Converting a plain database to an encrypted one, and removing the plaintext it leaves only
//! when the user agrees. The encrypted copy is written beside the database as a registered
//! partial file (`ATTACH … KEY` and `sqlcipher_export`, then the schema version and
//! application id, which the export does not copy), opened with its key and checked (SQLite's
//! integrity check, foreign keys, every table's row count against the original) before
//! anything is replaced. Only then are the keys written, the original given a second name
//! (`<db>.plaintext-<time>`, a hard link) and the copy renamed over the database: a process
//! killed at any step leaves the original at its name, whole and openable.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use super::key::{ClinicId, DatabaseKey, apply_key, file_clinic, is_plain_sqlite};
use super::slots::{KdfCost, KeySlots, keys_path};
use super::{CipherError, RecoveryKey};
use crate::private_file::{Partial, sync_dir, with_sidecars};
use crate::signin::Secret;
use crate::store::backup::{backups_dir, daily_backups, real_path};
use crate::store::desk_lock;
use crate::store::schema::APPLICATION_ID;

/// A step of the conversion after which a test can make it fail, to show what a failure (or
/// a kill) there leaves behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvertStage {
    /// The encrypted copy is written but not yet checked.
    Exported,
    /// The copy passed its check.
    Checked,
    /// The keys file is written beside the (still plain) database.
    KeysWritten,
    /// The original has its second, plaintext name; the copy is not yet in its place.
    Linked,
}

/// What a conversion made.
#[derive(Debug)]
pub struct Encrypted {
    /// The keys file written beside the database, with the first administrator's slot and
    /// the recovery slot.
    pub slots: KeySlots,
    /// The key the database is now encrypted with.
    pub key: DatabaseKey,
    /// The recovery key, to show once and have printed.
    pub recovery: RecoveryKey,
    /// The plaintext original, kept until [`remove_plaintext`] is called with it.
    pub plaintext: PathBuf,
}

/// Encrypts the plain database at `db` with a new random key, kept in a new keys file with a
/// password slot for `first_label` and a recovery slot. Refused while any window or command
/// has the database open. The plaintext original is kept (see [`Encrypted::plaintext`]).
pub fn encrypt_database(
    db: &Path,
    first_label: &str,
    password: &Secret,
    now: DateTime<Utc>,
) -> Result<Encrypted, CipherError> {
    encrypt_database_with(db, first_label, password, now, KdfCost::password(), None)
}

/// [`encrypt_database`] with the password slot's cost and a step to fail after (tests only:
/// the store's own callers use [`encrypt_database`]).
#[doc(hidden)]
pub fn encrypt_database_with(
    db: &Path,
    first_label: &str,
    password: &Secret,
    now: DateTime<Utc>,
    cost: KdfCost,
    fail_after: Option<ConvertStage>,
) -> Result<Encrypted, CipherError> {
    let db = &real_path(db);
    let not = |why: &str| CipherError::NotConvertible {
        path: db.to_path_buf(),
        why: why.to_owned(),
    };
    let fail = |stage: ConvertStage| -> Result<(), CipherError> {
        if fail_after == Some(stage) {
            return Err(CipherError::Io {
                path: db.to_path_buf(),
                error: std::io::Error::other(format!("stopped after {stage:?} (test)")),
            });
        }
        Ok(())
    };
    match std::fs::metadata(db) {
        Ok(m) if m.is_file() && m.len() > 0 => {}
        Ok(_) => return Err(not("it is empty or not a regular file")),
        Err(e) => return Err(CipherError::io(db)(e)),
    }
    if !is_plain_sqlite(db).map_err(CipherError::io(db))? {
        return Err(if keys_path(db).exists() {
            CipherError::AlreadyEncrypted {
                path: db.to_path_buf(),
            }
        } else {
            not("it does not start as a database")
        });
    }
    if let Some(summary) = crate::store::open::recorded_damage(db) {
        return Err(not(&format!(
            "it was found damaged ({summary}): run `frontdesk check`, or restore a backup, first"
        )));
    }
    let _hold = desk_lock::exclusive(db, Duration::ZERO).map_err(|e| match e {
        desk_lock::LockError::Busy(_) => CipherError::InUse {
            path: db.to_path_buf(),
        },
        desk_lock::LockError::Io { path, error } => CipherError::Io { path, error },
    })?;
    let sql = CipherError::sql(db);
    let source =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(&sql)?;
    let app_id: i32 = source
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(&sql)?;
    let version: i64 = source
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(&sql)?;
    if app_id != APPLICATION_ID || version < 1 {
        return Err(not("it is not a Frontdesk database"));
    }
    // Fold the log into the file (its journal mode is left as it is, so a conversion that
    // stops leaves the original's bytes as they were): the original stands alone from here on,
    // and SQLite removes the empty log when this, the only connection, closes.
    let (busy, _, _): (i64, i64, i64) = source
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(&sql)?;
    if busy != 0 {
        return Err(CipherError::InUse {
            path: db.to_path_buf(),
        });
    }
    let counts = table_counts(&source).map_err(&sql)?;

    let (slots, key, recovery) =
        KeySlots::new_in_memory(db, ClinicId::random(), first_label, password, cost)?;
    // Created empty here: SQLite's ATTACH on a connection opened without CREATE cannot.
    let (partial, file) = Partial::create(db).map_err(CipherError::io(db))?;
    drop(file);
    let copy_path = partial.path().to_path_buf();
    let copy_sql = CipherError::sql(&copy_path);
    {
        let path_text = copy_path
            .to_str()
            .ok_or_else(|| not("its folder's name is not UTF-8"))?;
        let value = key.sqlcipher_value();
        source
            .execute(
                "ATTACH DATABASE ?1 AS encrypted KEY ?2",
                rusqlite::params![path_text, value.as_str()],
            )
            .map_err(&copy_sql)?;
        let exported = (|| {
            source.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
            source.pragma_update(Some("encrypted"), "user_version", version)?;
            source.pragma_update(Some("encrypted"), "application_id", APPLICATION_ID)
        })();
        let detached = source.execute_batch("DETACH DATABASE encrypted");
        exported.map_err(&copy_sql)?;
        detached.map_err(&copy_sql)?;
    }
    drop(source);
    fail(ConvertStage::Exported)?;

    check_copy(&copy_path, &key, version, &counts).map_err(|why| CipherError::CopyFailed {
        path: db.to_path_buf(),
        why,
    })?;
    fail(ConvertStage::Checked)?;

    slots.save()?;
    let undo_keys = |e: CipherError| {
        let _ = std::fs::remove_file(keys_path(db));
        e
    };
    fail(ConvertStage::KeysWritten).map_err(undo_keys)?;
    let plaintext = plaintext_name(db, now);
    std::fs::hard_link(db, &plaintext)
        .map_err(CipherError::io(&plaintext))
        .map_err(undo_keys)?;
    let undo_link = |e: CipherError| {
        let _ = std::fs::remove_file(&plaintext);
        undo_keys(e)
    };
    fail(ConvertStage::Linked).map_err(undo_link)?;
    // No journal of the plain file may stay beside the name the copy takes.
    for side in &with_sidecars(db)[1..] {
        if side.exists() {
            std::fs::remove_file(side)
                .map_err(CipherError::io(side))
                .map_err(undo_link)?;
        }
    }
    partial
        .persist(db)
        .map_err(CipherError::io(db))
        .map_err(undo_link)?;
    sync_dir(db);
    tracing::info!(database = %crate::scheduling::entry::echo_path(db), "the database was encrypted; its plaintext original is kept until removed");
    Ok(Encrypted {
        slots,
        key,
        recovery,
        plaintext,
    })
}

/// Every table's row count.
fn table_counts(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names
        .into_iter()
        .map(|name| {
            let quoted = name.replace('"', "\"\"");
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM \"{quoted}\""), [], |r| {
                    r.get(0)
                })?;
            Ok((name, n))
        })
        .collect()
}

/// Opens the encrypted copy with its key and checks it against the original's counts.
fn check_copy(
    path: &Path,
    key: &DatabaseKey,
    version: i64,
    counts: &[(String, i64)],
) -> Result<(), String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| e.to_string())?;
    apply_key(&conn, key, path).map_err(|e| e.to_string())?;
    if file_clinic(path).ok().flatten() != Some(key.clinic()) {
        return Err("it does not carry the clinic's id".into());
    }
    let problems = crate::store::integrity::problems(&conn, 20).map_err(|e| e.to_string())?;
    if !problems.is_empty() {
        return Err(crate::store::integrity::summary(&problems));
    }
    let violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(|e| e.to_string())?;
    if violations > 0 {
        return Err(format!("{violations} rows point at rows that do not exist"));
    }
    let (app_id, copied_version): (i32, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| e.to_string())?;
    if app_id != APPLICATION_ID || copied_version != version {
        return Err("its schema version or application id was not copied".into());
    }
    let copied = table_counts(&conn).map_err(|e| e.to_string())?;
    if copied != counts {
        return Err("its tables or their row counts differ from the original's".into());
    }
    conn.close().map_err(|(_, e)| e.to_string())
}

/// `<db>.plaintext-<time>` (with `-2`, `-3` … when taken).
fn plaintext_name(db: &Path, now: DateTime<Utc>) -> PathBuf {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let base = desk_lock::sidecar(db, &format!(".plaintext-{stamp}"));
    let mut path = base.clone();
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = desk_lock::sidecar(&base, &format!("-{n}"));
    }
    path
}

/// The plaintext files this database has left: a kept original (`<db>.plaintext-…`), a file
/// kept by a restore (`<name>.replaced-….sqlite3`) that is plain, and every backup of it in
/// the backups folder with no keys file beside it (made before it was encrypted). Oldest
/// first within each kind. What the user is asked to agree to remove.
pub fn plaintext_files(db: &Path) -> Vec<PathBuf> {
    let db = real_path(db);
    let mut found = Vec::new();
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = crate::store::backup::stem(&db);
    let folder = match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut beside: Vec<PathBuf> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let kept = n.starts_with(&format!("{name}.plaintext-"));
            let replaced = n.starts_with(&format!("{stem}.replaced-")) && n.ends_with(".sqlite3");
            (kept || replaced) && p.is_file() && is_plain_sqlite(p).unwrap_or(false)
        })
        .collect();
    beside.sort();
    found.extend(beside);
    let mut backups: Vec<PathBuf> = daily_backups(&db);
    let before = format!("{stem}-before-v");
    backups.extend(
        std::fs::read_dir(backups_dir(&db))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&before) && n.ends_with(".sqlite3"))
            }),
    );
    found.extend(
        backups
            .into_iter()
            .filter(|p| p.is_file() && !keys_path(p).exists()),
    );
    found
}

/// Removes `file`, one of the [`plaintext_files`] of `db`, once the user has agreed. Any other
/// file is refused and left as it is.
pub fn remove_plaintext(db: &Path, file: &Path) -> Result<(), CipherError> {
    let file = real_path(file);
    if !plaintext_files(db).iter().any(|p| real_path(p) == file) {
        return Err(CipherError::NotPlaintextCopy {
            path: file.to_path_buf(),
        });
    }
    for side in with_sidecars(&file) {
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(CipherError::io(&side)(e)),
        }
    }
    sync_dir(&file);
    Ok(())
}
