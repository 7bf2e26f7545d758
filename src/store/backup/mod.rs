//! Backups with SQLite's online backup API, and restores that check before they replace. A
//! backup is a consistent snapshot taken while desks keep working (one read transaction for
//! the whole copy, so writers are never waited for and never make it start over), written to a
//! private partial file (mode 0600), checked, and renamed into place. `restore.rs` checks a
//! file before anything is replaced and swaps it in only while no window or command has the
//! database open; `daily.rs` makes the automatic daily backups in the compact format of
//! `compress.rs`; a backup before any schema migration goes to the same `backups` folder.

pub mod compress;
mod daily;
mod restore;

pub use daily::{
    BackupPolicy, DEFAULT_KEEP, DailyReport, EXTENSION, FULL_EVERY_DAYS, cannot_start, daily,
    daily_backups, daily_due, daily_keyed, daily_path, failure_path, last_failure,
};
pub use restore::{
    RESTORE_WAIT, RestoreReport, Verified, real_path, restore, restore_keyed, stage, stage_keyed,
    verify, verify_keyed,
};

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use crate::export::Progress;
use crate::private_file::Partial;
use crate::scheduling::entry::echo_path;
use crate::store::cipher::{DatabaseKey, KeySlots};

/// Why a backup or restore did not happen; in every case nothing was replaced.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file is not an SQLite database at all.
    #[error("{}", crate::t!("store-backup-not-database", file = echo_path(path)))]
    NotDatabase {
        /// The file.
        path: PathBuf,
    },
    /// SQLite found damage.
    #[error("{}", crate::t!("store-backup-damaged", file = echo_path(path), details = details))]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What `PRAGMA integrity_check` or the open said.
        details: String,
    },
    /// The database being backed up is damaged: no backup was made.
    #[error("{}", crate::t!("store-backup-source-damaged", file = echo_path(path), details = details))]
    SourceDamaged {
        /// The database.
        path: PathBuf,
        /// What SQLite's quick check found.
        details: String,
    },
    /// The copy came out damaged while the database is sound: the destination is at fault.
    #[error("{}", crate::t!("store-backup-copy-damaged", file = echo_path(path)))]
    CopyDamaged {
        /// The destination.
        path: PathBuf,
    },
    /// Written in a backup format this Frontdesk cannot read.
    #[error("{}", crate::t!("store-backup-newer-format", file = echo_path(path), found = found.to_string()))]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// Its format version.
        found: u32,
    },
    /// The destination is not a file a backup can replace.
    #[error("{}", bad_destination(path, why))]
    BadDestination {
        /// The destination.
        path: PathBuf,
        /// What it is instead.
        why: &'static str,
    },
    /// A backup file that cannot be read back.
    #[error("{}", crate::t!("store-backup-unusable", file = echo_path(path), why = why))]
    Unusable {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// A database, but not a Frontdesk one.
    #[error("{}", crate::t!("store-backup-not-frontdesk", file = echo_path(path)))]
    NotFrontdesk {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer Frontdesk.
    #[error("{}", crate::t!("store-backup-newer", file = echo_path(path), found = found.to_string(), supported = supported.to_string()))]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: i64,
        /// Ours.
        supported: i64,
    },
    /// The current database is in use elsewhere.
    #[error("{}", crate::t!("store-backup-in-use", file = echo_path(path)))]
    InUse {
        /// The current database.
        path: PathBuf,
    },
    /// Backing up or restoring a file onto itself.
    #[error("{}", crate::t!("store-backup-same-file", file = echo_path(path)))]
    SameFile {
        /// The file.
        path: PathBuf,
    },
    /// A file system error.
    #[error("{}", crate::t!("store-backup-io", file = echo_path(path), error = error.to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
    /// The file is encrypted and no key was given for it.
    #[error("{}", crate::t!("store-backup-encrypted", file = echo_path(path)))]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// The key given does not open the file.
    #[error("{}", crate::t!("store-backup-wrong-key", file = echo_path(path)))]
    WrongKey {
        /// The file.
        path: PathBuf,
    },
    /// A backup of another clinic than the database it would replace, or than its key.
    #[error("{}", crate::t!("store-backup-other-clinic", file = echo_path(path)))]
    OtherClinic {
        /// The backup.
        path: PathBuf,
    },
    /// A plain (unencrypted) backup would replace an encrypted database.
    #[error("{}", crate::t!("store-backup-plain-over-encrypted", file = echo_path(path)))]
    PlainOverEncrypted {
        /// The backup.
        path: PathBuf,
    },
    /// The keys file beside a backup or database could not be used.
    #[error(transparent)]
    Keys(#[from] crate::store::cipher::CipherError),
    /// Any other SQLite error.
    #[error("{}", crate::t!("store-backup-sqlite", file = echo_path(path), details = details))]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        details: String,
    },
}

/// "X is a folder: choose a file name for the backup", by what the destination is instead
/// ([`BackupError::BadDestination`] keeps it in English words).
fn bad_destination(path: &std::path::Path, why: &str) -> String {
    let file = echo_path(path);
    match why {
        "is a folder" => crate::t!("store-backup-destination-folder", file = file),
        "is not a regular file (a device or a pipe)" => {
            crate::t!("store-backup-destination-not-regular", file = file)
        }
        "is a Frontdesk database that a window or command has open" => {
            crate::t!("store-backup-destination-open-database", file = file)
        }
        other => crate::t!("store-backup-bad-destination", file = file, why = other),
    }
}

pub(super) type Result<T> = std::result::Result<T, BackupError>;

pub(super) fn io(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |error| BackupError::Io {
        path: path.to_path_buf(),
        error,
    }
}

pub(super) fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> BackupError + '_ {
    move |error| match &error {
        rusqlite::Error::SqliteFailure(e, _)
            if matches!(e.code, rusqlite::ErrorCode::NotADatabase) =>
        {
            BackupError::NotDatabase {
                path: path.to_path_buf(),
            }
        }
        rusqlite::Error::SqliteFailure(e, msg)
            if matches!(e.code, rusqlite::ErrorCode::DatabaseCorrupt) =>
        {
            BackupError::Damaged {
                path: path.to_path_buf(),
                details: msg.clone().unwrap_or_else(|| "malformed".into()),
            }
        }
        rusqlite::Error::SqliteFailure(e, _)
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            BackupError::InUse {
                path: path.to_path_buf(),
            }
        }
        _ => BackupError::Sqlite {
            path: path.to_path_buf(),
            details: error.to_string(),
        },
    }
}

/// What a backup wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupReport {
    /// The backup file.
    pub path: PathBuf,
    /// Its size.
    pub bytes: u64,
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A consistent copy of the database open on `conn` in a private partial file beside `dest`
/// (a standalone file: rollback journal, no WAL), checked with SQLite's quick check. The whole
/// copy reads one snapshot inside one read transaction: in WAL mode writers go on meanwhile,
/// and none of their commits can make the copy start over or mix two states. The partial
/// file is removed when the returned value is dropped, unless it is persisted.
pub fn snapshot(
    conn: &Connection,
    source: &Path,
    dest: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Partial> {
    snapshot_keyed(conn, source, dest, None, progress)
}

/// [`snapshot`] of an encrypted database (`key` given): the copy is encrypted with the same
/// key and salt, which SQLite's backup API needs (it copies pages between two files of the
/// same encryption only).
pub fn snapshot_keyed(
    conn: &Connection,
    source: &Path,
    dest: &Path,
    key: Option<&DatabaseKey>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Partial> {
    if same_file(source, dest) {
        return Err(BackupError::SameFile {
            path: dest.to_path_buf(),
        });
    }
    let partial = Partial::create(dest).map_err(io(dest))?;
    let (partial, file) = partial;
    drop(file);
    let mut copy = Connection::open(partial.path()).map_err(sql(partial.path()))?;
    if let Some(key) = key {
        crate::store::cipher::apply_key(&copy, key, partial.path())?;
    }
    // The read transaction that pins the snapshot for every step of the copy.
    conn.execute_batch("BEGIN DEFERRED").map_err(sql(source))?;
    let copied: Result<()> = (|| {
        let _: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(sql(source))?;
        let backup = Backup::new(conn, &mut copy).map_err(sql(source))?;
        loop {
            let step = backup.step(1024).map_err(sql(source))?;
            let p = backup.progress();
            let total = u64::try_from(p.pagecount.max(0)).unwrap_or(0);
            let left = u64::try_from(p.remaining.max(0)).unwrap_or(0);
            progress(Progress {
                phase: "copying",
                done: total.saturating_sub(left),
                total,
            });
            match step {
                StepResult::Done => return Ok(()),
                StepResult::Busy | StepResult::Locked => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => {}
            }
        }
    })();
    let ended = conn.execute_batch("COMMIT").map_err(sql(source));
    copied?;
    ended?;
    let copy_is_sound = (|| -> rusqlite::Result<bool> {
        let _: String =
            copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        Ok(damage_in(&copy)?.is_none())
    })();
    let copy_is_sound = match copy_is_sound {
        Ok(sound) => sound,
        Err(e) if crate::store::integrity::is_damage(&e) => false,
        Err(e) => return Err(sql(partial.path())(e)),
    };
    if !copy_is_sound {
        // The pages were copied as they are: either the database is damaged, or the copy was
        // spoiled on its way to the disk. Only the first may be recorded against the database.
        return Err(match damage_in(conn).map_err(sql(source))? {
            Some(details) => BackupError::SourceDamaged {
                path: source.to_path_buf(),
                details,
            },
            None => BackupError::CopyDamaged {
                path: dest.to_path_buf(),
            },
        });
    }
    copy.close().map_err(|(_, e)| sql(partial.path())(e))?;
    let file = std::fs::File::open(partial.path()).map_err(io(partial.path()))?;
    file.sync_all().map_err(io(partial.path()))?;
    Ok(partial)
}

/// Refuses a destination a backup must not replace: a folder, a device or a pipe.
pub(crate) fn check_destination(dest: &Path) -> Result<()> {
    match std::fs::metadata(dest) {
        Ok(meta) if meta.is_dir() => Err(BackupError::BadDestination {
            path: dest.to_path_buf(),
            why: "is a folder",
        }),
        Ok(meta) if !meta.is_file() => Err(BackupError::BadDestination {
            path: dest.to_path_buf(),
            why: "is not a regular file (a device or a pipe)",
        }),
        _ => Ok(()),
    }
}

/// What SQLite's quick check finds damaged in the database open on `conn`, in one line.
fn damage_in(conn: &Connection) -> rusqlite::Result<Option<String>> {
    use crate::store::integrity::{is_damage, quick_problems, summary_in, unreadable};
    match quick_problems(conn) {
        Ok(p) if p.is_empty() => Ok(None),
        Ok(p) => Ok(Some(summary_in(conn, &p))),
        Err(e) if is_damage(&e) => Ok(Some(unreadable(&e))),
        Err(e) => Err(e),
    }
}

/// Copies the database open on `conn` to `dest` as a plain database file (mode 0600) that
/// SQLite opens directly, while others may keep writing (see [`snapshot`]).
pub fn backup_connection(
    conn: &Connection,
    source: &Path,
    dest: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupReport> {
    backup_connection_keyed(conn, source, dest, None, progress)
}

/// [`backup_connection`] of a database encrypted with `key` (when given): the copy is
/// encrypted with the same key, and the database's keys file is copied beside it
/// (`<dest>.keys`), so the backup opens with any of its slots or its recovery key.
pub fn backup_connection_keyed(
    conn: &Connection,
    source: &Path,
    dest: &Path,
    key: Option<&DatabaseKey>,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupReport> {
    check_destination(dest)?;
    // The keys that will open the copy: the database's own, which must hold its key.
    let slots = match key {
        Some(key) => {
            let slots = KeySlots::load(source)?;
            slots.check_key(key)?;
            Some(slots)
        }
        None => None,
    };
    let partial = snapshot_keyed(conn, source, dest, key, progress)?;
    let bytes = std::fs::metadata(partial.path())
        .map_err(io(partial.path()))?
        .len();
    // A Frontdesk database at the destination must not be in use, and its log must not stay
    // beside the copy that replaces it (SQLite would apply it to the copy).
    let _hold = if crate::store::desk_lock::lock_path(dest).exists() {
        Some(
            crate::store::desk_lock::exclusive(dest, Duration::ZERO).map_err(|_| {
                BackupError::BadDestination {
                    path: dest.to_path_buf(),
                    why: "is a Frontdesk database that a window or command has open",
                }
            })?,
        )
    } else {
        None
    };
    for side in &crate::private_file::with_sidecars(dest)[1..] {
        if side.exists() {
            std::fs::remove_file(side).map_err(io(side))?;
        }
    }
    // The keys first: a backup is never in place without the keys that open it.
    if let Some(slots) = &slots {
        slots.write_beside(dest)?;
    } else if crate::store::cipher::keys_path(dest).exists() {
        // A plain copy replacing an encrypted one: its old keys file would say otherwise.
        let stale = crate::store::cipher::keys_path(dest);
        std::fs::remove_file(&stale).map_err(io(&stale))?;
    }
    partial.persist(dest).map_err(io(dest))?;
    Ok(BackupReport {
        path: dest.to_path_buf(),
        bytes,
    })
}

/// The folder automatic backups go to: `backups` beside the database (created 0700).
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// The name a database's backups are named after: `clinic` for `clinic.sqlite3`, the whole
/// file name for any other (`clinic.db`), so two databases in one folder never share backups.
pub(crate) fn stem(db: &Path) -> String {
    match (db.file_stem(), db.extension()) {
        (Some(stem), Some(ext)) if ext == "sqlite3" => stem.to_string_lossy().into_owned(),
        _ => db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "frontdesk".into()),
    }
}

pub(super) fn ensure_dir(dir: &Path) -> Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))
}

pub(super) fn has_data(conn: &Connection) -> bool {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM clinic) OR EXISTS (SELECT 1 FROM patient)",
        [],
        |r| r.get::<_, bool>(0),
    )
    .unwrap_or(false)
}

/// Backs up the database open on `conn` before it is migrated from `from` to `to`, when it
/// holds data. The file is `backups/<name>-before-v<to>.sqlite3` (`-2`, `-3` … when a restored
/// older backup is migrated again); these are not rotated.
pub fn before_migration(
    conn: &Connection,
    db: &Path,
    key: Option<&DatabaseKey>,
    from: i64,
    to: i64,
) -> Result<Option<PathBuf>> {
    if from < 1 || to <= from || !has_data(conn) {
        return Ok(None);
    }
    let dir = backups_dir(db);
    ensure_dir(&dir)?;
    let base = format!("{}-before-v{to}", stem(db));
    let mut dest = dir.join(format!("{base}.sqlite3"));
    let mut n = 1;
    while dest.exists() {
        n += 1;
        dest = dir.join(format!("{base}-{n}.sqlite3"));
    }
    backup_connection_keyed(conn, db, &dest, key, &mut |_| {})?;
    Ok(Some(dest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_databases_in_one_folder_never_share_backup_names() {
        assert_eq!(stem(Path::new("/x/clinic.sqlite3")), "clinic");
        assert_eq!(stem(Path::new("/x/clinic.db")), "clinic.db");
        assert_eq!(stem(Path::new("/x/clinic")), "clinic");
        assert_ne!(
            stem(Path::new("/x/clinic.db")),
            stem(Path::new("/x/clinic.sqlite3"))
        );
    }
}
