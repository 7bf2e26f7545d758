//! Who has a database file open: every open store holds a shared lock on `<db>-lock` for as
//! long as its connection lives; a restore takes it exclusively, so it replaces the file only
//! when no Frontdesk window or command has it open, and nobody opens it until the restore is
//! done. A second file, `<db>-gate`, keeps the restore from waiting forever behind a stream of
//! short commands: an opener passes the gate (shared, for an instant) before it takes its
//! shared lock, and a restore closes the gate (exclusive) before it waits for the open ones
//! to finish.
//!
//! The locks are `flock`s on the two files, which the kernel releases when a process ends,
//! however it ends: a killed window or command never leaves the database locked. The files
//! are empty, created 0600, and never deleted (deleting a lock file that someone waits on
//! would let two parties believe they hold it).

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often a waiting lock is tried again.
const POLL: Duration = Duration::from_millis(20);

/// Why a lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Somebody held the lock for the whole wait.
    #[error("still held after {0:?}")]
    Busy(Duration),
    /// The lock file could not be opened or created.
    #[error("{error}")]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
}

/// `<db>` followed by `suffix`, as SQLite names its `-wal` and `-shm` files.
pub fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The file every open store holds shared.
pub fn lock_path(db: &Path) -> PathBuf {
    sidecar(db, "-lock")
}

/// The file an opener passes and a restore closes.
pub fn gate_path(db: &Path) -> PathBuf {
    sidecar(db, "-gate")
}

fn open_lock_file(path: &Path) -> Result<File, LockError> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(|error| LockError::Io {
            path: path.to_path_buf(),
            error,
        })
}

/// Tries `lock` until it succeeds or `wait` has passed.
fn take(
    file: &File,
    path: &Path,
    wait: Duration,
    lock: impl Fn(&File) -> Result<(), TryLockError>,
) -> Result<(), LockError> {
    let started = Instant::now();
    loop {
        match lock(file) {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(POLL.min(wait.saturating_sub(started.elapsed())));
            }
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy(wait)),
            Err(TryLockError::Error(error)) => {
                return Err(LockError::Io {
                    path: path.to_path_buf(),
                    error,
                });
            }
        }
    }
}

/// An open store's share of the database: while it lives, no restore replaces the file.
#[derive(Debug)]
pub struct Shared {
    _lock: File,
}

/// Takes a share of `db`, waiting up to `wait` while a restore is replacing it.
pub fn share(db: &Path, wait: Duration) -> Result<Shared, LockError> {
    let gate_path = gate_path(db);
    let gate = open_lock_file(&gate_path)?;
    take(&gate, &gate_path, wait, File::try_lock_shared)?;
    let path = lock_path(db);
    let lock = open_lock_file(&path)?;
    // Past the gate, only a restore that closed it before us can hold the lock: wait for it
    // as long as for the gate.
    let taken = take(&lock, &path, wait, File::try_lock_shared);
    drop(gate);
    taken?;
    Ok(Shared { _lock: lock })
}

/// A restore's hold on `db`: no store of any process has it open, and none can open it.
#[derive(Debug)]
pub struct Exclusive {
    _gate: File,
    _lock: File,
}

/// Closes the gate of `db` and waits up to `wait` for every open store to close.
pub fn exclusive(db: &Path, wait: Duration) -> Result<Exclusive, LockError> {
    let gate_path = gate_path(db);
    let gate = open_lock_file(&gate_path)?;
    take(&gate, &gate_path, wait, File::try_lock)?;
    let path = lock_path(db);
    let lock = open_lock_file(&path)?;
    take(&lock, &path, wait, File::try_lock)?;
    Ok(Exclusive {
        _gate: gate,
        _lock: lock,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_keeps_an_exclusive_hold_out_and_lets_other_shares_in() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let first = share(&db, Duration::ZERO).expect("first share");
        let second = share(&db, Duration::ZERO).expect("shares coexist");
        assert!(matches!(
            exclusive(&db, Duration::from_millis(50)),
            Err(LockError::Busy(_))
        ));
        drop(first);
        drop(second);
        let hold = exclusive(&db, Duration::ZERO).expect("nobody has it open");
        assert!(matches!(
            share(&db, Duration::from_millis(50)),
            Err(LockError::Busy(_))
        ));
        drop(hold);
        share(&db, Duration::ZERO).expect("open again after the restore");
    }

    #[test]
    fn the_lock_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let _s = share(&db, Duration::ZERO).expect("share");
        for p in [lock_path(&db), gate_path(&db)] {
            let mode = std::fs::metadata(&p).expect("exists").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", p.display());
        }
    }
}
