//! Restoring a backup: the chosen file (a plain database, or a compressed daily backup) is
//! copied aside as a private partial file and checked there (integrity, foreign keys,
//! application id, schema version); a refused file never touches the current database. Only
//! then does the restore close the database's gate and wait until no Frontdesk window or
//! command of any process has it open (`desk_lock::exclusive`): nobody writes while the file
//! is swapped, and nobody opens it until the swap is done. The current file, with its
//! write-ahead log folded in, is kept as `<name>.replaced-<time>.sqlite3` (a hard link, so
//! even a restore killed half-way leaves the current database whole) and the checked copy is
//! renamed over it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use super::compress;
use super::{BackupError, Result, io, same_file, sql, stem};
use crate::export::Progress;
use crate::private_file::{Partial, create_private, with_sidecars};
use crate::store::cipher::{CipherError, DatabaseKey};
use crate::store::desk_lock;
use crate::store::schema::{APPLICATION_ID, LATEST_VERSION};

/// How long a restore waits for open windows and commands to close the database.
pub const RESTORE_WAIT: Duration = Duration::from_secs(10);

/// What a backup to be restored holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Its schema version (older ones are migrated when opened).
    pub schema_version: i64,
}

/// Checks a database file as a restore would: SQLite's integrity check, foreign keys, our
/// application id and a schema version this build can open. Opens `path` read-write, so call
/// it on a private copy. Leaves the file standalone (no write-ahead log).
pub fn verify(path: &Path, shown_as: &Path) -> Result<Verified> {
    verify_keyed(path, shown_as, None)
}

/// [`verify`] of a file that may be encrypted: one that does not start as a plain database
/// must begin with `key`'s clinic id and open with it. Without a key, such a file is
/// [`BackupError::Encrypted`] when `shown_as` has a keys file beside it.
pub fn verify_keyed(path: &Path, shown_as: &Path, key: Option<&DatabaseKey>) -> Result<Verified> {
    let damaged = |details: String| BackupError::Damaged {
        path: shown_as.to_path_buf(),
        details,
    };
    let mut head = [0u8; 16];
    let plain = {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(io(shown_as))?;
        let n = f.read(&mut head).map_err(io(shown_as))?;
        n == 16 && &head == b"SQLite format 3\0"
    };
    let encrypted_with = match (plain, key) {
        (true, _) => None,
        (false, Some(key)) if head == *key.clinic().0.as_bytes() => Some(key),
        (false, Some(_)) if crate::store::cipher::keys_path(shown_as).exists() => {
            return Err(BackupError::OtherClinic {
                path: shown_as.to_path_buf(),
            });
        }
        (false, None) if crate::store::cipher::keys_path(shown_as).exists() => {
            return Err(BackupError::Encrypted {
                path: shown_as.to_path_buf(),
            });
        }
        (false, _) => {
            return Err(BackupError::NotDatabase {
                path: shown_as.to_path_buf(),
            });
        }
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(sql(shown_as))?;
    if let Some(key) = encrypted_with {
        crate::store::cipher::apply_key(&conn, key, path).map_err(|e| match e {
            CipherError::WrongKey { .. } => BackupError::WrongKey {
                path: shown_as.to_path_buf(),
            },
            other => other.into(),
        })?;
    }
    let problems = crate::store::integrity::problems(&conn, 20).map_err(sql(shown_as))?;
    if !problems.is_empty() {
        return Err(damaged(crate::store::integrity::summary(&problems)));
    }
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql(shown_as))?;
    if app_id != APPLICATION_ID {
        return Err(BackupError::NotFrontdesk {
            path: shown_as.to_path_buf(),
        });
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql(shown_as))?;
    if version > LATEST_VERSION {
        return Err(BackupError::Newer {
            path: shown_as.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    if version < 1 {
        return Err(BackupError::NotFrontdesk {
            path: shown_as.to_path_buf(),
        });
    }
    let violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(sql(shown_as))?;
    if violations > 0 {
        return Err(damaged(format!(
            "{violations} rows point at rows that do not exist"
        )));
    }
    // Fold any WAL into the file so the copy stands alone.
    let _: String = conn
        .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
        .map_err(sql(shown_as))?;
    conn.close().map_err(|(_, e)| sql(shown_as)(e))?;
    Ok(Verified {
        schema_version: version,
    })
}

/// Copies `candidate` (plain or compressed) into a new private partial file beside `beside`
/// and checks it there. The partial file is removed when the result is dropped unpersisted.
pub fn stage(candidate: &Path, beside: &Path) -> Result<(Partial, Verified)> {
    stage_keyed(candidate, beside, None)
}

/// [`stage`] of a backup that may be encrypted with `key` (see [`verify_keyed`]).
pub fn stage_keyed(
    candidate: &Path,
    beside: &Path,
    key: Option<&DatabaseKey>,
) -> Result<(Partial, Verified)> {
    if !candidate.is_file() {
        return Err(BackupError::Io {
            path: candidate.to_path_buf(),
            error: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    let staged = Partial::reserve(beside).map_err(io(beside))?;
    // Writing the copy can fail for want of room or permission where it is staged (beside
    // the database), not where the backup is.
    let folder = match beside.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write_error = |error: std::io::Error| {
        use std::io::ErrorKind::*;
        let at = if matches!(
            error.kind(),
            StorageFull | ReadOnlyFilesystem | QuotaExceeded
        ) {
            folder.clone()
        } else {
            candidate.to_path_buf()
        };
        BackupError::Io { path: at, error }
    };
    let mut out = create_private(staged.path()).map_err(io(staged.path()))?;
    if compress::is_compressed(candidate).map_err(io(candidate))? {
        compress::decompress_file(candidate, staged.path(), out).map_err(|e| match e {
            compress::Error::Io(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::NotFound
                        | std::io::ErrorKind::PermissionDenied
                        | std::io::ErrorKind::StorageFull
                        | std::io::ErrorKind::QuotaExceeded
                        | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                write_error(error)
            }
            compress::Error::Version(found) => BackupError::NewerFormat {
                path: candidate.to_path_buf(),
                found,
            },
            other => BackupError::Unusable {
                path: candidate.to_path_buf(),
                why: other.to_string(),
            },
        })?;
    } else {
        // Copied into our own private file: the backup's mode and owner are not carried over.
        let copy = |from: &Path, to: &mut std::fs::File| -> Result<()> {
            let mut input = std::fs::File::open(from).map_err(io(from))?;
            std::io::copy(&mut input, to).map_err(write_error)?;
            to.sync_all().map_err(write_error)
        };
        copy(candidate, &mut out)?;
        let wal = &with_sidecars(candidate)[1];
        if wal.is_file() {
            let mut staged_wal =
                create_private(&with_sidecars(staged.path())[1]).map_err(io(staged.path()))?;
            copy(wal, &mut staged_wal)?;
        }
    }
    let verified = verify_keyed(staged.path(), candidate, key)?;
    Ok((staged, verified))
}

/// What a restore did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoreReport {
    /// The database that was replaced, kept beside the current one (none if there was none).
    pub kept: Option<PathBuf>,
    /// The restored file's schema version.
    pub schema_version: i64,
}

/// The name the replaced database is kept under: `<name>.replaced-<time>.sqlite3`.
fn kept_path(current: &Path, now: DateTime<Utc>) -> PathBuf {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mut n = 0;
    loop {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let p = current.with_file_name(format!(
            "{}.replaced-{stamp}{suffix}.sqlite3",
            stem(current)
        ));
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// Keeps the current database under `keep` (a copy of its own, made through a registered
/// partial file, so a kill leaves no second name on the live file) and leaves nothing of it
/// beside the current name but the file itself: its write-ahead log is folded in when SQLite
/// can; a damaged file may refuse, and then its log is kept beside the kept copy. SQLite would
/// apply a log it finds beside a database to whatever file carries the name, so no log may
/// stay behind.
fn keep_current(current: &Path, keep: &Path, key: Option<&DatabaseKey>) -> Result<()> {
    let folded = Connection::open_with_flags(current, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .and_then(|conn| {
            if let Some(key) = key {
                crate::store::cipher::apply_key(&conn, key, current)
                    .map_err(|_| rusqlite::Error::InvalidQuery)?;
            }
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            let _: String =
                conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
            conn.close().map_err(|(_, e)| e)
        })
        .is_ok();
    let copy_private = |from: &Path, to: &Path| -> Result<()> {
        let (partial, mut out) = Partial::create(to).map_err(io(to))?;
        let mut input = std::fs::File::open(from).map_err(io(from))?;
        std::io::copy(&mut input, &mut out).map_err(io(to))?;
        out.sync_all().map_err(io(to))?;
        partial.persist(to).map_err(io(to))
    };
    let [_, wal, shm, journal] = with_sidecars(current);
    let [_, keep_wal, _, keep_journal] = with_sidecars(keep);
    if !folded {
        for (from, to) in [(&wal, &keep_wal), (&journal, &keep_journal)] {
            if from.is_file() {
                copy_private(from, to)?;
            }
        }
    }
    copy_private(current, keep)?;
    // An encrypted database kept aside opens with the keys it had.
    let keys = crate::store::cipher::keys_path(current);
    if keys.is_file() {
        copy_private(&keys, &crate::store::cipher::keys_path(keep))?;
    }
    for side in [&wal, &journal, &shm] {
        if side.exists() {
            std::fs::remove_file(side).map_err(io(side))?;
        }
    }
    Ok(())
}

/// The file a database path names: a symbolic link is followed, so the locks and the swap
/// are those of the database every desk opens, whatever name they use.
pub fn real_path(db: &Path) -> PathBuf {
    if let Ok(real) = db.canonicalize() {
        return real;
    }
    match (db.parent(), db.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => parent
            .canonicalize()
            .map(|p| p.join(name))
            .unwrap_or_else(|_| db.to_path_buf()),
        _ => db.to_path_buf(),
    }
}

/// Restores `candidate` as the database at `current`, waiting up to `wait` for every window
/// and command (of any process) that has it open to close it; this process must not hold it
/// open itself. See the module's description for the order of steps.
pub fn restore(
    current: &Path,
    candidate: &Path,
    now: DateTime<Utc>,
    wait: Duration,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreReport> {
    restore_keyed(current, candidate, None, now, wait, progress)
}

/// [`restore`] of a backup that may be encrypted. An encrypted backup needs `key`: the
/// database's own (the same clinic's backups share it) or one unwrapped from the backup's keys
/// file with a password or its recovery key. A backup of another clinic than the database it
/// would replace, or than the key, is [`BackupError::OtherClinic`]; a plain backup over an
/// encrypted database is [`BackupError::PlainOverEncrypted`]. Each refusal changes nothing.
/// When the database had no keys file of its clinic, the backup's is put beside it.
pub fn restore_keyed(
    current: &Path,
    candidate: &Path,
    key: Option<&DatabaseKey>,
    now: DateTime<Utc>,
    wait: Duration,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreReport> {
    let current = &real_path(current);
    if same_file(current, candidate) {
        return Err(BackupError::SameFile {
            path: candidate.to_path_buf(),
        });
    }
    progress(Progress {
        phase: "checking",
        done: 0,
        total: 3,
    });
    let (staged, verified) = stage_keyed(candidate, current, key)?;
    let current_clinic = if current.is_file() {
        crate::store::cipher::file_clinic(current).map_err(io(current))?
    } else {
        None
    };
    let staged_clinic = crate::store::cipher::file_clinic(staged.path()).map_err(io(candidate))?;
    let current_encrypted =
        current_clinic.is_some() && crate::store::cipher::keys_path(current).exists();
    match (current_encrypted, staged_clinic) {
        (true, None) => {
            return Err(BackupError::PlainOverEncrypted {
                path: candidate.to_path_buf(),
            });
        }
        (true, Some(backup)) if Some(backup) != current_clinic => {
            return Err(BackupError::OtherClinic {
                path: candidate.to_path_buf(),
            });
        }
        _ => {}
    }
    // The backup's own keys go beside the restored database: their slots were made from the
    // passwords whose hashes the backup holds (today's slots may open with passwords set since,
    // which the restored staff records no longer know). Without keys of its own, a backup of
    // this clinic keeps today's.
    let install_keys = match staged_clinic {
        Some(clinic) => match crate::store::cipher::KeySlots::load(candidate) {
            Ok(own) if own.clinic() == clinic => Some(own),
            own => match crate::store::cipher::KeySlots::load(current) {
                Ok(slots) if slots.clinic() == clinic => None,
                _ => Some(own?),
            },
        },
        None => None,
    };
    // The key of the database being replaced, to fold its log in (the same clinic's).
    let current_key = key.filter(|k| current_clinic == Some(k.clinic()));
    progress(Progress {
        phase: "waiting",
        done: 1,
        total: 3,
    });
    let _hold = desk_lock::exclusive(current, wait).map_err(|e| match e {
        desk_lock::LockError::Busy(_) => BackupError::InUse {
            path: current.to_path_buf(),
        },
        desk_lock::LockError::Io { path, error } => BackupError::Io { path, error },
    })?;
    progress(Progress {
        phase: "replacing",
        done: 2,
        total: 3,
    });
    let kept = if current.exists() {
        let keep = kept_path(current, now);
        keep_current(current, &keep, current_key)?;
        Some(keep)
    } else {
        None
    };
    if kept.is_none() {
        // A log left beside a name with no database would be applied to the restored file.
        for stale in &with_sidecars(current)[1..] {
            if stale.exists() {
                std::fs::remove_file(stale).map_err(io(stale))?;
            }
        }
    }
    if let Some(slots) = &install_keys {
        slots.write_beside(current)?;
    } else if staged_clinic.is_none() && !current_encrypted {
        // A plain database: a keys file left beside it would claim it is encrypted.
        let stale = crate::store::cipher::keys_path(current);
        if stale.exists() {
            std::fs::remove_file(&stale).map_err(io(&stale))?;
        }
    }
    staged.persist(current).map_err(io(current))?;
    progress(Progress {
        phase: "replacing",
        done: 3,
        total: 3,
    });
    Ok(RestoreReport {
        kept,
        schema_version: verified.schema_version,
    })
}
