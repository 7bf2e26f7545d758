//! Backups with SQLite's online backup API, and restores that check before they replace:
//! a backup is a consistent copy taken while desks keep working, written to a private partial
//! file (mode 0600) and renamed into place. A restore copies the chosen file aside, checks the
//! copy (integrity, foreign keys, application id, schema version) and only then, holding the
//! current database exclusively, keeps it as `<name>.replaced-<time>.sqlite3` and puts the copy
//! in its place. A refused restore never opens the current database. Automatic backups (one a
//! day, and one before any schema migration) go to a `backups` folder beside the database.

use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::schema::{APPLICATION_ID, LATEST_VERSION};
use crate::export::{Progress, create_private, partial_path};

/// How many daily backups are kept when nothing else is said.
pub const DEFAULT_KEEP: usize = 14;

/// The automatic daily backups: how many to keep (0 turns them off).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupPolicy {
    /// Daily backups kept; older ones are deleted.
    pub keep: usize,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        Self { keep: DEFAULT_KEEP }
    }
}

/// Why a backup or restore did not happen; in every case nothing was replaced.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file is not an SQLite database at all.
    #[error("{} is not a database file (it may be damaged or something else): choose a Frontdesk backup (.sqlite3)", path.display())]
    NotDatabase {
        /// The file.
        path: PathBuf,
    },
    /// SQLite found damage.
    #[error("{} is damaged ({details}): it was not restored; choose an older backup", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What `PRAGMA integrity_check` or the open said.
        details: String,
    },
    /// A database, but not a Frontdesk one.
    #[error("{} is a database of another program, not a Frontdesk backup: nothing was restored", path.display())]
    NotFrontdesk {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer Frontdesk.
    #[error("{} was written by a newer Frontdesk (schema version {found}; this one knows up to {supported}): update Frontdesk, then restore", path.display())]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: i64,
        /// Ours.
        supported: i64,
    },
    /// The current database is in use elsewhere.
    #[error("{} is open in another Frontdesk window or process: close it, then restore again (nothing was changed)", path.display())]
    InUse {
        /// The current database.
        path: PathBuf,
    },
    /// Backing up or restoring a file onto itself.
    #[error("{} is the database itself: choose another file name", path.display())]
    SameFile {
        /// The file.
        path: PathBuf,
    },
    /// A file system error.
    #[error("cannot use {}: {error}; check that the folder exists, that you may write there and that the disk has room", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
    /// Any other SQLite error.
    #[error("database error while copying {}: {error}", path.display())]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The cause.
        error: rusqlite::Error,
    },
}

type Result<T> = std::result::Result<T, BackupError>;

fn io(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |error| BackupError::Io {
        path: path.to_path_buf(),
        error,
    }
}

fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> BackupError + '_ {
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
            error,
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

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_with_sidecars(path: &Path) {
    for p in [
        path.to_path_buf(),
        sidecar(path, "-wal"),
        sidecar(path, "-shm"),
        sidecar(path, "-journal"),
    ] {
        let _ = std::fs::remove_file(p);
    }
}

fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let _ = d.sync_all();
    }
}

/// Copies the database open on `conn` to `dest` with the online backup API, while others may
/// keep writing. The copy is a standalone file (rollback journal, no WAL), mode 0600, checked
/// with `PRAGMA quick_check` before it takes the name `dest`.
pub fn backup_connection(
    conn: &Connection,
    source: &Path,
    dest: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupReport> {
    if same_file(source, dest) {
        return Err(BackupError::SameFile {
            path: dest.to_path_buf(),
        });
    }
    let partial = partial_path(dest);
    remove_with_sidecars(&partial);
    let result = (|| {
        drop(create_private(&partial).map_err(io(&partial))?);
        let mut copy = Connection::open(&partial).map_err(sql(&partial))?;
        {
            let backup = Backup::new(conn, &mut copy).map_err(sql(source))?;
            loop {
                let step = backup.step(512).map_err(sql(source))?;
                let p = backup.progress();
                let total = u64::try_from(p.pagecount.max(0)).unwrap_or(0);
                let left = u64::try_from(p.remaining.max(0)).unwrap_or(0);
                progress(Progress {
                    phase: "copying",
                    done: total.saturating_sub(left),
                    total,
                });
                match step {
                    StepResult::Done => break,
                    StepResult::Busy | StepResult::Locked => {
                        std::thread::sleep(Duration::from_millis(20))
                    }
                    _ => {}
                }
            }
        }
        let _: String = copy
            .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
            .map_err(sql(&partial))?;
        let check: String = copy
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(sql(&partial))?;
        if check != "ok" {
            return Err(BackupError::Damaged {
                path: source.to_path_buf(),
                details: check,
            });
        }
        copy.close().map_err(|(_, e)| sql(&partial)(e))?;
        let file = std::fs::File::open(&partial).map_err(io(&partial))?;
        file.sync_all().map_err(io(&partial))?;
        let bytes = file.metadata().map_err(io(&partial))?.len();
        std::fs::rename(&partial, dest).map_err(io(dest))?;
        std::fs::set_permissions(dest, std::fs::Permissions::from_mode(0o600)).map_err(io(dest))?;
        sync_dir(dest);
        Ok(BackupReport {
            path: dest.to_path_buf(),
            bytes,
        })
    })();
    if result.is_err() {
        remove_with_sidecars(&partial);
    }
    result
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

fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "frontdesk".into())
}

fn ensure_dir(dir: &Path) -> Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))
}

fn has_data(conn: &Connection) -> bool {
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
    backup_connection(conn, db, &dest, &mut |_| {})?;
    Ok(Some(dest))
}

/// The daily backup file of `today`.
pub fn daily_path(db: &Path, today: NaiveDate) -> PathBuf {
    backups_dir(db).join(format!(
        "{}-daily-{}.sqlite3",
        stem(db),
        today.format("%Y-%m-%d")
    ))
}

/// The first launch of the day backs up the database (when it exists and holds data) to
/// `backups/<name>-daily-<date>.sqlite3`, then deletes all but the newest `policy.keep` daily
/// backups. Returns the new backup, or `None` when there was nothing to do.
pub fn daily(db: &Path, today: NaiveDate, policy: BackupPolicy) -> Result<Option<PathBuf>> {
    if policy.keep == 0 || !db.is_file() {
        return Ok(None);
    }
    let dest = daily_path(db, today);
    if dest.exists() {
        return Ok(None);
    }
    let conn =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(sql(db))?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(sql(db))?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap_or(0);
    if app_id != APPLICATION_ID || !has_data(&conn) {
        return Ok(None);
    }
    ensure_dir(&backups_dir(db))?;
    backup_connection(&conn, db, &dest, &mut |_| {})?;
    prune(db, policy.keep)?;
    Ok(Some(dest))
}

/// The daily backups of `db`, oldest first.
pub fn daily_backups(db: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-daily-", stem(db));
    let mut found: Vec<PathBuf> = std::fs::read_dir(backups_dir(db))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".sqlite3"))
        })
        .collect();
    found.sort();
    found
}

fn prune(db: &Path, keep: usize) -> Result<()> {
    let all = daily_backups(db);
    let excess = all.len().saturating_sub(keep);
    for old in &all[..excess] {
        std::fs::remove_file(old).map_err(io(old))?;
    }
    Ok(())
}

/// What a backup to be restored holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Its schema version (older ones are migrated when opened).
    pub schema_version: i64,
}

/// Checks a database file as a restore would: SQLite's integrity check, foreign keys, our
/// application id and a schema version this build can open. Opens `path` read-write, so call
/// it on a private copy.
pub fn verify(path: &Path, shown_as: &Path) -> Result<Verified> {
    let damaged = |details: String| BackupError::Damaged {
        path: shown_as.to_path_buf(),
        details,
    };
    let mut head = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(io(shown_as))?;
        let n = f.read(&mut head).map_err(io(shown_as))?;
        if n < 16 || &head != b"SQLite format 3\0" {
            return Err(BackupError::NotDatabase {
                path: shown_as.to_path_buf(),
            });
        }
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(sql(shown_as))?;
    let mut problems = Vec::new();
    {
        let mut stmt = conn
            .prepare("PRAGMA integrity_check(20)")
            .map_err(sql(shown_as))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(sql(shown_as))?;
        for row in rows {
            problems.push(row.map_err(sql(shown_as))?);
        }
    }
    if problems != ["ok"] {
        return Err(damaged(problems.join("; ")));
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

/// What a restore did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoreReport {
    /// The database that was replaced, kept beside the current one (none if there was none).
    pub kept: Option<PathBuf>,
    /// The restored file's schema version.
    pub schema_version: i64,
}

fn staged_path(current: &Path) -> PathBuf {
    let name = current
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "frontdesk.sqlite3".into());
    current.with_file_name(format!(".{name}.restoring-{}", std::process::id()))
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

/// Restores `candidate` as the database at `current` (which no connection of this process may
/// hold open). See the module's description for the order of steps.
pub fn restore(
    current: &Path,
    candidate: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreReport> {
    if !candidate.is_file() {
        return Err(BackupError::Io {
            path: candidate.to_path_buf(),
            error: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    if same_file(current, candidate) {
        return Err(BackupError::SameFile {
            path: candidate.to_path_buf(),
        });
    }
    let staged = staged_path(current);
    remove_with_sidecars(&staged);
    let result = (|| {
        progress(Progress {
            phase: "checking",
            done: 0,
            total: 3,
        });
        drop(create_private(&staged).map_err(io(&staged))?);
        std::fs::copy(candidate, &staged).map_err(io(candidate))?;
        let wal = sidecar(candidate, "-wal");
        if wal.is_file() {
            std::fs::copy(&wal, sidecar(&staged, "-wal")).map_err(io(&wal))?;
        }
        std::fs::set_permissions(&staged, std::fs::Permissions::from_mode(0o600))
            .map_err(io(&staged))?;
        let verified = verify(&staged, candidate)?;
        progress(Progress {
            phase: "checking",
            done: 1,
            total: 3,
        });
        let mut kept = None;
        let lock = if current.exists() {
            let conn = Connection::open_with_flags(current, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(sql(current))?;
            conn.busy_timeout(Duration::from_millis(500))
                .map_err(sql(current))?;
            // Exclusive locking mode takes the whole file, and fails while another connection
            // has it open: no window or process is using what we replace.
            let _: String = conn
                .pragma_update_and_check(None, "locking_mode", "EXCLUSIVE", |r| r.get(0))
                .map_err(sql(current))?;
            conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
                .map_err(|e| match sql(current)(e) {
                    BackupError::Sqlite { .. } | BackupError::InUse { .. } => BackupError::InUse {
                        path: current.to_path_buf(),
                    },
                    other => other,
                })?;
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            let keep = kept_path(current, now);
            backup_connection(&conn, current, &keep, &mut |_| {})?;
            kept = Some(keep);
            Some(conn)
        } else {
            None
        };
        progress(Progress {
            phase: "replacing",
            done: 2,
            total: 3,
        });
        std::fs::rename(&staged, current).map_err(io(current))?;
        if let Some(conn) = lock {
            let _ = conn.close();
        }
        for stale in [sidecar(current, "-wal"), sidecar(current, "-shm")] {
            let _ = std::fs::remove_file(stale);
        }
        sync_dir(current);
        progress(Progress {
            phase: "replacing",
            done: 3,
            total: 3,
        });
        Ok(RestoreReport {
            kept,
            schema_version: verified.schema_version,
        })
    })();
    if result.is_err() {
        remove_with_sidecars(&staged);
    }
    result
}
