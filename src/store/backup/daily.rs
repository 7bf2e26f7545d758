//! The automatic daily backup: the first window or command of a day (in the background, so it
//! delays nothing) copies the database into `backups/` beside it as a compact backup file
//! (`compress.rs`): a full one at most every [`FULL_EVERY_DAYS`] days, and on the days between a
//! delta against the latest full one. Only one process makes a day's backup (a lock in the
//! folder); the copy is a consistent snapshot taken while desks keep working, checked with
//! SQLite's quick check before it is compressed. The newest `keep` daily backups are kept, and
//! every full backup one of them needs. A failure is written to `<name>-daily-failed.txt` in
//! the folder, which the next command reports, and removed by the next success.

use std::fs::{OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::compress::{self, Kind};
use super::{
    BackupError, Result, backups_dir, ensure_dir, has_data, io, snapshot_keyed, sql, stem,
};
use crate::private_file::Partial;
use crate::store::cipher::{CipherError, DatabaseKey, KeySlots, keys_path};
use crate::store::desk_lock;
use crate::store::schema::APPLICATION_ID;

/// How many daily backups are kept when nothing else is said.
pub const DEFAULT_KEEP: usize = 14;

/// A new full backup is made when the latest is this many days old (or older).
pub const FULL_EVERY_DAYS: i64 = 7;

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

/// The extension of compact backup files.
pub const EXTENSION: &str = "fdbackup";

/// The daily backup file of `today`.
pub fn daily_path(db: &Path, today: NaiveDate) -> PathBuf {
    backups_dir(db).join(format!(
        "{}-daily-{}.{EXTENSION}",
        stem(db),
        today.format("%Y-%m-%d")
    ))
}

/// The daily backup of an earlier version of Frontdesk (a plain database file).
fn old_daily_path(db: &Path, today: NaiveDate) -> PathBuf {
    daily_path(db, today).with_extension("sqlite3")
}

/// The file a failed daily backup leaves its reason in.
pub fn failure_path(db: &Path) -> PathBuf {
    backups_dir(db).join(format!("{}-daily-failed.txt", stem(db)))
}

/// The reason the last daily backup failed, if it did and none has succeeded since.
pub fn last_failure(db: &Path) -> Option<String> {
    std::fs::read_to_string(failure_path(db))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The date a daily backup's file name gives, if it is one of `db`'s.
fn date_of(db: &Path, path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix(&format!("{}-daily-", stem(db)))?;
    let (date, ext) = rest.split_once('.')?;
    if ext != EXTENSION && ext != "sqlite3" {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// The daily backups of `db`, oldest first (compact ones, and plain ones of earlier versions).
pub fn daily_backups(db: &Path) -> Vec<PathBuf> {
    let mut found: Vec<(NaiveDate, PathBuf)> = std::fs::read_dir(backups_dir(db))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| date_of(db, &p).map(|d| (d, p)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// What the daily backup did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DailyReport {
    /// The new backup file.
    pub path: PathBuf,
    /// Full or delta.
    pub kind: Kind,
    /// Its size.
    pub bytes: u64,
}

/// Makes today's backup of `db` unless it exists, another process is making it, the database
/// holds no clinic yet, or backups are off. Returns what was made. A failure is also recorded
/// for [`last_failure`].
pub fn daily(db: &Path, today: NaiveDate, policy: BackupPolicy) -> Result<Option<DailyReport>> {
    daily_keyed(db, None, today, policy)
}

/// [`daily`] of a database encrypted with `key` (when given). An encrypted database's daily
/// backup is encrypted with the same key, has the database's keys file beside it
/// (`<backup>.keys`) and is always a full one: SQLCipher writes every page with a fresh random
/// IV, so two snapshots share no page and a delta would hold them all (nor does zstd shrink
/// ciphertext). Without a key, an encrypted database is [`BackupError::Encrypted`].
pub fn daily_keyed(
    db: &Path,
    key: Option<&DatabaseKey>,
    today: NaiveDate,
    policy: BackupPolicy,
) -> Result<Option<DailyReport>> {
    if !daily_due(db, today, policy) {
        return Ok(None);
    }
    let made = locked(db, key, today, policy);
    match &made {
        Ok(_) => {
            let _ = std::fs::remove_file(failure_path(db));
        }
        Err(e) => {
            if let Ok((partial, mut file)) = Partial::create(&failure_path(db)) {
                use std::io::Write;
                if writeln!(file, "{today}: {e}").is_ok() && file.sync_all().is_ok() {
                    let _ = partial.persist(&failure_path(db));
                }
            }
        }
    }
    made
}

/// How long a daily backup waits for another process's (yesterday's, still compressing) to
/// finish before it gives up for now.
const LOCK_WAIT: Duration = Duration::from_secs(600);

/// The folder's daily lock, then today's backup unless another process made it meanwhile.
fn locked(
    db: &Path,
    key: Option<&DatabaseKey>,
    today: NaiveDate,
    policy: BackupPolicy,
) -> Result<Option<DailyReport>> {
    let dir = backups_dir(db);
    ensure_dir(&dir)?;
    let lock_path = lock_path(db);
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&lock_path)
        .map_err(io(&lock_path))?;
    let started = std::time::Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(250));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(BackupError::InUse {
                    path: lock_path.clone(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
    }
    // Another process may have finished it while we waited.
    if exists_for(db, today) {
        return Ok(None);
    }
    make(db, key, today, policy)
}

/// The lock the daily backups of `db` take, in its backups folder.
fn lock_path(db: &Path) -> PathBuf {
    backups_dir(db).join(format!(".{}-daily.lock", stem(db)))
}

/// Why today's daily backup could not even start: the backups folder or its lock cannot be
/// written. `None` when they can (or the folder is still to be made).
pub fn cannot_start(db: &Path) -> Option<String> {
    let dir = backups_dir(db);
    if !dir.exists() {
        return None;
    }
    let lock = lock_path(db);
    match OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&lock)
    {
        Ok(_) => None,
        Err(e) => Some(crate::t!(
            "store-backup-folder-not-writable",
            file = crate::scheduling::entry::echo_path(&lock),
            error = e.to_string()
        )),
    }
}

/// True when today's backup of `db` is still to be made (it may still turn out to hold no
/// clinic yet, which [`daily`] checks).
pub fn daily_due(db: &Path, today: NaiveDate, policy: BackupPolicy) -> bool {
    policy.keep > 0 && db.is_file() && !exists_for(db, today)
}

fn exists_for(db: &Path, today: NaiveDate) -> bool {
    daily_path(db, today).exists() || old_daily_path(db, today).exists()
}

fn make(
    db: &Path,
    key: Option<&DatabaseKey>,
    today: NaiveDate,
    policy: BackupPolicy,
) -> Result<Option<DailyReport>> {
    if key.is_none()
        && keys_path(db).exists()
        && !crate::store::cipher::is_plain_sqlite(db).map_err(io(db))?
    {
        return Err(BackupError::Encrypted {
            path: db.to_path_buf(),
        });
    }
    let _share =
        desk_lock::share(&super::real_path(db), Duration::from_secs(60)).map_err(|e| match e {
            desk_lock::LockError::Busy(_) => BackupError::InUse {
                path: db.to_path_buf(),
            },
            desk_lock::LockError::Io { path, error } => BackupError::Io { path, error },
        })?;
    let conn =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).map_err(sql(db))?;
    if let Some(key) = key {
        crate::store::cipher::apply_key(&conn, key, db).map_err(|e| match e {
            CipherError::WrongKey { .. } => BackupError::WrongKey {
                path: db.to_path_buf(),
            },
            other => other.into(),
        })?;
    }
    conn.busy_timeout(Duration::from_secs(5)).map_err(sql(db))?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql(db))?;
    if app_id != APPLICATION_ID || !has_data(&conn) {
        return Ok(None);
    }
    let dest = daily_path(db, today);
    let slots = match key {
        Some(key) => {
            let slots = KeySlots::load(db)?;
            slots.check_key(key)?;
            Some(slots)
        }
        None => None,
    };
    let copy = snapshot_keyed(&conn, db, &dest, key, &mut |_| {}).inspect_err(|e| {
        if let BackupError::SourceDamaged { details, .. } = e {
            crate::store::record_damage(db, details);
        }
    })?;
    drop(conn);
    // The keys before the backup they open (see `daily_keyed`: an encrypted one is full).
    if let Some(slots) = &slots {
        slots.write_beside(&dest)?;
    }
    let base = match key {
        Some(_) => None,
        None => latest_full(db, today),
    };
    let (out, file) = Partial::create(&dest).map_err(io(&dest))?;
    let encode = |e: compress::Error| BackupError::Io {
        path: dest.clone(),
        error: std::io::Error::other(e.to_string()),
    };
    let written = match &base {
        Some(base) => match compress::write_delta(copy.path(), base, file) {
            Ok(written) => written,
            Err(e) => {
                // A full backup that cannot be read is no base: today's is made full instead,
                // and the deltas that need the damaged one are reported by `check`.
                tracing::warn!(
                    backup = %crate::scheduling::entry::echo_path(base),
                    error = %e,
                    "the last full backup cannot be read: making a full backup instead"
                );
                None
            }
        },
        None => None,
    };
    let written = match written {
        Some(w) => w,
        None => {
            // Start the file again as a full backup.
            drop(out);
            let (out, file) = Partial::create(&dest).map_err(io(&dest))?;
            let w = compress::write_full(copy.path(), file).map_err(encode)?;
            out.persist(&dest).map_err(io(&dest))?;
            return finish(db, policy, today, dest, w);
        }
    };
    out.persist(&dest).map_err(io(&dest))?;
    finish(db, policy, today, dest, written)
}

fn finish(
    db: &Path,
    policy: BackupPolicy,
    today: NaiveDate,
    dest: PathBuf,
    written: compress::Written,
) -> Result<Option<DailyReport>> {
    prune(db, policy.keep, today)?;
    Ok(Some(DailyReport {
        path: dest,
        kind: written.header.kind,
        bytes: written.bytes,
    }))
}

/// The newest full backup made less than [`FULL_EVERY_DAYS`] days before `today`.
fn latest_full(db: &Path, today: NaiveDate) -> Option<PathBuf> {
    daily_backups(db).into_iter().rev().find(|p| {
        // A plain database's delta is never made against an encrypted full backup.
        !keys_path(p).exists()
            && date_of(db, p).is_some_and(|d| d < today && (today - d).num_days() < FULL_EVERY_DAYS)
            && compress::header(p).is_ok_and(|h| h.kind == Kind::Full)
    })
}

/// Deletes all but the newest `keep` daily backups, except the full backups that a kept
/// delta needs. Backups dated after `today` (made while the clock was ahead) count as the
/// oldest, so a clock set back never makes each new backup the first to go.
fn prune(db: &Path, keep: usize, today: NaiveDate) -> Result<()> {
    let mut all = daily_backups(db);
    all.sort_by_key(|p| {
        let date = date_of(db, p);
        (date.is_some_and(|d| d <= today), date)
    });
    let excess = all.len().saturating_sub(keep);
    let (old, kept) = all.split_at(excess);
    let needed: Vec<String> = kept
        .iter()
        .filter_map(|p| match compress::header(p) {
            Ok(compress::Header {
                kind: Kind::Delta { base, .. },
                ..
            }) => Some(base),
            _ => None,
        })
        .collect();
    for path in old {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if needed.iter().any(|n| n == name) {
            continue;
        }
        std::fs::remove_file(path).map_err(io(path))?;
        let keys = keys_path(path);
        if keys.exists() {
            std::fs::remove_file(&keys).map_err(io(&keys))?;
        }
    }
    Ok(())
}
