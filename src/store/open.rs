//! Opening a database file: create it 0600, refuse files that are not ours, are newer, read-only
//! or locked with a clear error, set WAL / synchronous=FULL / foreign keys, and migrate.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::error::{Result, StoreError};
use super::schema::{APPLICATION_ID, LATEST_VERSION, MIGRATIONS};

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

/// Checks the file before SQLite touches it, creating it with mode 0600 when it is new.
fn prepare_file(path: &Path) -> Result<()> {
    let io = |error| StoreError::Io {
        path: path.into(),
        error,
    };
    match std::fs::metadata(path) {
        Ok(meta) => {
            if meta.is_dir() {
                return Err(StoreError::NotFrontdesk { path: path.into() });
            }
            if meta.permissions().mode() & 0o222 == 0 {
                return Err(StoreError::ReadOnly { path: path.into() });
            }
            if meta.len() > 0 {
                let mut head = [0u8; 16];
                let mut file = std::fs::File::open(path).map_err(io)?;
                let read = file.read(&mut head).map_err(io)?;
                if read < 16 || &head != SQLITE_MAGIC {
                    return Err(StoreError::NotFrontdesk { path: path.into() });
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

/// Opens (creating if needed) and migrates the database at `path`.
pub fn open_connection(path: &Path, options: StoreOptions) -> Result<Connection> {
    prepare_file(path)?;
    let sql = |e| StoreError::from_sqlite(e, path);
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql)?;
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
        return Err(StoreError::Invalid(format!(
            "{} cannot use write-ahead logging (journal mode stays {mode}); put the database on a local disk",
            path.display()
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sql)?;
    let target = options.target_version.min(LATEST_VERSION);
    if version < target {
        // A copy of the data as it was, before the schema changes under it.
        super::backup::before_migration(&conn, path, version, target)?;
    }
    migrate(&conn, version, target).map_err(sql)?;
    tracing::info!(database = %path.display(), schema_version = target.max(version), "opened the database");
    Ok(conn)
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
