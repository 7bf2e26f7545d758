//! Opening a database file: take this store's share of it (`desk_lock`, so no restore swaps it
//! while it is open), create it 0600, refuse files that are not ours, are newer, read-only (the
//! file, its folder or the file system, each said as such) or locked with a clear error, set
//! WAL / synchronous=FULL / foreign keys, and migrate. A damaged file (SQLite's quick check
//! fails at open, or damage was found and recorded earlier in `<db>-damaged`) is opened for
//! reading only: every write is refused with what is wrong and how to restore a backup.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::cipher::{self, DatabaseKey};
use super::desk_lock::{self, Shared};
use super::error::{Result, StoreError};
use super::schema::{APPLICATION_ID, LATEST_VERSION, MIGRATIONS};
use crate::scheduling::entry::echo_path;

/// How to open a database.
#[derive(Clone, Copy, Debug)]
pub struct StoreOptions {
    /// How long a write waits for another writer before giving up with [`StoreError::Locked`].
    pub busy_timeout: Duration,
    /// Migrate up to this schema version (tests and fixtures use older ones).
    pub target_version: i64,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            busy_timeout: Duration::from_secs(5),
            target_version: LATEST_VERSION,
        }
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the file before SQLite touches it, creating it with mode 0600 when it is new. A
/// file that automatic backups were made of but that is now empty or no longer starts like a
/// database was damaged, not a new or foreign file. An encrypted file has no plain header: with
/// `key` it must begin with the key's clinic id (SQLCipher's salt); without one, a file that
/// does not start as a database and has a keys file beside it is encrypted, and needs a key.
fn prepare_file(path: &Path, key: Option<&DatabaseKey>) -> Result<()> {
    let io = |error| StoreError::Io {
        path: path.into(),
        error,
    };
    let damaged = |summary: &str| StoreError::Damaged {
        path: path.into(),
        summary: summary.to_owned(),
        newest_backup: super::backup::daily_backups(path).pop(),
    };
    let backed_up = || !super::backup::daily_backups(path).is_empty();
    match std::fs::metadata(path) {
        Ok(meta) => {
            if meta.is_dir() {
                return Err(StoreError::NotFrontdesk { path: path.into() });
            }
            if meta.permissions().mode() & 0o222 == 0 {
                return Err(StoreError::ReadOnly { path: path.into() });
            }
            if meta.len() == 0 && backed_up() {
                return Err(damaged(
                    "the file is empty, though backups of it exist: it was emptied",
                ));
            }
            if meta.len() > 0 {
                let mut head = [0u8; 16];
                let mut file = std::fs::File::open(path).map_err(io)?;
                let read = file.read(&mut head).map_err(io)?;
                match key {
                    Some(_) if read == 16 && &head == SQLITE_MAGIC => {
                        return Err(StoreError::NotEncrypted { path: path.into() });
                    }
                    Some(key) if read == 16 && head == *key.clinic().0.as_bytes() => {
                        return Ok(());
                    }
                    Some(_) => return Err(StoreError::WrongKey { path: path.into() }),
                    None if (read < 16 || &head != SQLITE_MAGIC)
                        && cipher::keys_path(path).exists() =>
                    {
                        return Err(StoreError::Encrypted { path: path.into() });
                    }
                    None => {}
                }
                if read < 16 || &head != SQLITE_MAGIC {
                    return Err(if backed_up() {
                        damaged(
                            "its first bytes were overwritten: it no longer starts as a database",
                        )
                    } else {
                        StoreError::NotFrontdesk { path: path.into() }
                    });
                }
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map(drop)
            .map_err(io),
        Err(e) => Err(io(e)),
    }
}

/// A database opened by [`open_connection`].
pub struct Opened {
    /// The connection.
    pub conn: Connection,
    /// This store's share of the file; dropped after the connection.
    pub share: Shared,
    /// What is wrong with the file, when it is damaged (it is then read-only).
    pub damaged: Option<String>,
}

/// Files up to this size (the demo clinic, a small practice's first years) get SQLite's quick
/// check every time they are opened, which costs up to about 100 ms here. It reads every page
/// (about 1 s per 100 MB on a busy two-core machine), so larger files are checked instead by
/// the daily backup, by the window in the background after it opens, and whenever SQLite
/// meets damage while working; each records what it finds for every later open.
pub const QUICK_CHECK_MAX_BYTES: u64 = 32 << 20;

/// The file that records that a database was found damaged, and how.
pub fn damage_marker(path: &Path) -> std::path::PathBuf {
    desk_lock::sidecar(path, "-damaged")
}

/// Records that the database at `path` is damaged (`summary` says how), so every later open
/// refuses to write to it until a restore replaces it or `frontdesk check` finds it sound.
pub fn record_damage(path: &Path, summary: &str) {
    use std::io::Write;
    let marker = damage_marker(path);
    if let Ok(mut f) = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&marker)
    {
        let _ = writeln!(f, "{summary}");
        let _ = f.sync_all();
    }
    tracing::error!(database = %echo_path(path), "the database is damaged: writes are refused");
}

/// Forgets recorded damage: the file was restored, or found sound by a full check.
pub fn forget_damage(path: &Path) {
    let _ = std::fs::remove_file(damage_marker(path));
}

/// What was recorded about a damaged database, if anything.
pub fn recorded_damage(path: &Path) -> Option<String> {
    std::fs::read_to_string(damage_marker(path))
        .ok()
        .map(|s| s.trim().to_owned())
        .map(|s| {
            if s.is_empty() {
                "damage was found earlier".to_owned()
            } else {
                s
            }
        })
}

/// Says which of the file, its folder or the file system keeps a database from being written.
pub fn read_only_cause(path: &Path) -> StoreError {
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    match OpenOptions::new().write(true).open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {
            StoreError::ReadOnlyFileSystem { path: path.into() }
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            StoreError::ReadOnly { path: path.into() }
        }
        _ => StoreError::ReadOnlyFolder { folder },
    }
}

/// The error for a lock file that could not be made or opened beside the database.
fn lock_error(path: &Path, error: desk_lock::LockError) -> StoreError {
    match error {
        desk_lock::LockError::Busy(_) => StoreError::Restoring { path: path.into() },
        desk_lock::LockError::Io { path: lock, error } => match error.kind() {
            std::io::ErrorKind::PermissionDenied if lock.exists() => {
                StoreError::LockFile { path: lock }
            }
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                read_only_cause(path)
            }
            _ => StoreError::Io {
                path: path.into(),
                error,
            },
        },
    }
}

/// SQLite's page cache for an encrypted database, as `PRAGMA cache_size` takes it (negative:
/// KiB): 32 MiB, against SQLite's default 2 MiB, which plain databases keep.
const ENCRYPTED_CACHE_KIB: i64 = -32 * 1024;

/// How long opening a database waits for a restore of it to finish.
pub const OPEN_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Opens (creating if needed) and migrates the plain database at `path`.
pub fn open_connection(path: &Path, options: StoreOptions) -> Result<Opened> {
    open_connection_keyed(path, options, None)
}

/// Opens (creating if needed) and migrates the database at `path`, encrypted with `key` when
/// one is given (a new file is then created encrypted).
pub fn open_connection_keyed(
    path: &Path,
    options: StoreOptions,
    key: Option<&DatabaseKey>,
) -> Result<Opened> {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_dir()
    {
        return Err(StoreError::NotFrontdesk { path: path.into() });
    }
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(meta) = std::fs::metadata(folder)
        && meta.permissions().mode() & 0o222 == 0
    {
        return Err(StoreError::ReadOnlyFolder {
            folder: folder.to_path_buf(),
        });
    }
    // Locked under the file's real name: a desk that opens it through a link is seen too.
    let share = desk_lock::share(&super::backup::real_path(path), OPEN_WAIT)
        .map_err(|e| lock_error(path, e))?;
    prepare_file(path, key)?;
    let sql = |e: rusqlite::Error| match StoreError::from_sqlite(e, path) {
        StoreError::ReadOnly { .. } => read_only_cause(path),
        // It starts like a database (checked above), so SQLite's "not a database" means its
        // header is damaged.
        StoreError::NotFrontdesk { .. } => StoreError::Damaged {
            path: path.into(),
            summary: "SQLite cannot read its header".to_owned(),
            newest_backup: super::backup::daily_backups(path).pop(),
        },
        other => other,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql)?;
    cipher::silence(&conn);
    if let Some(key) = key {
        // The key first: SQLCipher reads nothing of the file before it has one.
        cipher::apply_key(&conn, key, path).map_err(|e| match e {
            cipher::CipherError::WrongKey { .. } => StoreError::WrongKey { path: path.into() },
            other => StoreError::Cipher(other),
        })?;
        // Every page SQLite reads from an encrypted file is decrypted and its HMAC checked
        // (about 9 µs for 4 KiB here), where a plain file's page is a copy from the OS's cache:
        // SQLite's default 2 MiB cache made a day view of the 1M clinic 3.8 times slower.
        // Decrypted pages are kept instead (BENCHMARKS.md, "Encrypted vs plain").
        conn.pragma_update(None, "cache_size", ENCRYPTED_CACHE_KIB)
            .map_err(sql)?;
    }
    conn.busy_timeout(options.busy_timeout).map_err(sql)?;
    // Keep cached statements' plans: without this, SQLite marks a statement whose plan may
    // depend on bound values as expired when rusqlite clears its bindings, and re-plans it on
    // every call (measured: 60 % of a conflict check). The plans are the same either way.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(sql)?;
    // A booking alone uses about 14 statements; room for all of them and the queries.
    conn.set_prepared_statement_cache_capacity(64);
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    if app_id != APPLICATION_ID {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(sql)?;
        if app_id != 0 || tables > 0 || version != 0 {
            return Err(StoreError::NotFrontdesk { path: path.into() });
        }
    }
    if version > LATEST_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.into(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(sql)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Invalid(crate::t!(
            "store-open-no-wal",
            file = path.display().to_string(),
            mode = mode
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sql)?;
    let target = options.target_version.min(LATEST_VERSION);
    let mut damaged = recorded_damage(path);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if damaged.is_none() && size <= QUICK_CHECK_MAX_BYTES {
        let found = match super::integrity::quick_problems(&conn) {
            Ok(p) if p.is_empty() => None,
            Ok(p) => Some(super::integrity::summary_in(&conn, &p)),
            Err(e) if super::integrity::is_damage(&e) => Some(super::integrity::unreadable(&e)),
            Err(e) => return Err(sql(e)),
        };
        if let Some(summary) = &found {
            record_damage(path, summary);
        }
        damaged = found;
    }
    if damaged.is_some() {
        // Reads still work, for today's agenda and a check; nothing is written.
        conn.pragma_update(None, "query_only", true).map_err(sql)?;
    } else {
        if version < target {
            // A copy of the data as it was, before the schema changes under it.
            super::backup::before_migration(&conn, path, key, version, target)?;
        }
        migrate(&conn, version, target).map_err(sql)?;
    }
    tracing::info!(database = %echo_path(path), schema_version = target.max(version), "opened the database");
    Ok(Opened {
        conn,
        share,
        damaged,
    })
}

/// Applies migrations `from+1 ..= to`, each in its own `BEGIN IMMEDIATE` transaction.
fn migrate(conn: &Connection, from: i64, to: i64) -> rusqlite::Result<()> {
    if from < to {
        tracing::info!(from, to, "migrating the database schema");
    }
    for version in (from + 1)..=to {
        let Some(sql) = MIGRATIONS.get((version - 1) as usize) else {
            break;
        };
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if now >= version {
            continue;
        }
        tx.execute_batch(sql)?;
        super::schema::finish_migration(&tx, version)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        tracing::info!(version, "schema migration applied");
    }
    Ok(())
}

/// The schema version of an open database.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}
