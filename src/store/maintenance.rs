//! Looking after a database beside the [`Store`](super::Store) contract: where it is, whether
//! it is known to be damaged, a copy made by hand and a restore from one ([`Maintenance`], which
//! every engine implements and which `dyn Store` carries), and the work that runs without the
//! store open or locked: the check of the whole database, today's automatic backup and a
//! restore before anything is opened (functions of the [`Locator`]).
//!
//! A separate trait because this is not the clinic's contract: what it means depends on the
//! engine (a file's pages, copies beside it), and the contract suite does not test it. What
//! only makes sense for a file says so in its type: an `Option`, or
//! [`StoreError::NotForThisEngine`].

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use super::backup::{self, BackupPolicy, BackupReport, DailyReport, RestoreReport};
use super::cipher::DatabaseKey;
use super::error::{Result, StoreError};
use super::locator::Locator;
use crate::export::Progress;
use crate::scheduling::staff::StaffMember;
use crate::signin::Secret;

/// Housekeeping every engine provides for its open store.
pub trait Maintenance {
    /// Where this store's database is (what `--db` takes to open it again).
    fn locator(&self) -> Locator;

    /// What is wrong with the database, when it was found damaged (it is then read-only).
    fn damage(&self) -> Option<&str>;

    /// Treats the database as damaged from now on (a check beside the store found `summary`):
    /// every later write is refused.
    fn mark_damaged(&mut self, summary: String) -> Result<()>;

    /// Copies the whole database to the file `dest` (mode 0600) while desks keep working.
    fn backup_to(
        &mut self,
        dest: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupReport>;

    /// Replaces this database with the copy `candidate` after checking it, keeping the
    /// replaced one, then works on the restored one. On a refusal nothing is replaced and the
    /// store stays as it was.
    fn restore_from(
        &mut self,
        candidate: &Path,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<RestoreReport>;

    /// Keeps the keys file of an encrypted database in step with staff member `member`'s
    /// sign-in (see [`SlotChange`]); the name they sign in with follows `member.name`. Nothing
    /// for a plain file or a server, which keep no key slots.
    fn key_slot(&mut self, member: &StaffMember, change: SlotChange<'_>) -> Result<()>;

    /// Sets staff member `member`'s password, `hash` being its hash: in the database and, on
    /// an encrypted file, in their key slot, as one change. The slot is written first and put
    /// back as it was when the database's half cannot be written, so the password that opens
    /// the file is always the one sign-in checks. `access` is logged with it.
    fn set_password(
        &mut self,
        member: &StaffMember,
        password: &Secret,
        hash: &crate::signin::Hashed,
        access: &crate::scheduling::access::Access,
    ) -> Result<()>;

    /// Encrypts this plain database file where it is (SQLCipher, and a new keys file beside
    /// it), the store staying open on it: `member`'s `password` gets the first key slot.
    /// Refused for a server (its disks are its own to encrypt), a file already encrypted, and
    /// while another window or command has the file open. The plaintext original is kept
    /// under a new name until [`super::cipher::remove_plaintext`] removes it.
    fn encrypt(
        &mut self,
        member: &StaffMember,
        password: &Secret,
        now: DateTime<Utc>,
    ) -> Result<EncryptedNow>;
}

/// A database file just encrypted where it is ([`Maintenance::encrypt`]).
pub struct EncryptedNow {
    /// The recovery key, to show once and have printed.
    pub recovery: super::cipher::RecoveryKey,
    /// The key the file is now encrypted with (the window's watcher and backups need it).
    pub key: DatabaseKey,
    /// The plaintext copies left: the original under its new name, and backups made before.
    pub plaintext: Vec<std::path::PathBuf>,
    /// What went wrong after the file was encrypted (the recovery key still opens it), to be
    /// said beside the recovery key.
    pub warning: Option<String>,
}

/// What changed about a staff member's key slot.
#[derive(Clone, Copy, Debug)]
pub enum SlotChange<'a> {
    /// A new password: the database key is wrapped under it (their slot added or replaced).
    Password(&'a Secret),
    /// Their name changed: they sign in with the same slot under the new name.
    Renamed,
    /// They no longer work here: their slot goes.
    Removed,
}

/// Checks the whole database for damage without the store (its own connection, so a store
/// beside it keeps working: seconds for a large clinic). What is found is recorded, so every
/// later open refuses to write. `None` when it is sound.
pub fn check_for_damage(locator: &Locator) -> Result<Option<String>> {
    check_for_damage_keyed(locator, None)
}

/// [`check_for_damage`] of a database that may be encrypted with `key`. An encrypted file
/// checked without its key is [`StoreError::Encrypted`] (and nothing is recorded): SQLite
/// cannot read it, which must not be taken for damage.
pub fn check_for_damage_keyed(
    locator: &Locator,
    key: Option<&DatabaseKey>,
) -> Result<Option<String>> {
    match locator {
        Locator::Sqlite(path) => {
            if key.is_none()
                && super::cipher::keys_path(path).exists()
                && !super::cipher::is_plain_sqlite(path).unwrap_or(true)
            {
                return Err(StoreError::Encrypted { path: path.clone() });
            }
            super::integrity::quick_check_file_keyed(path, key).map_err(|e| match e {
                super::integrity::KeyedCheckError::Sqlite(e) => StoreError::from_sqlite(e, path),
                super::integrity::KeyedCheckError::Key(_) => {
                    StoreError::WrongKey { path: path.clone() }
                }
            })
        }
        // The server checks its own pages; there is nothing of ours to check beside it.
        Locator::Postgres(_) => Ok(None),
    }
}

/// Today's automatic backup, unless it exists, another process is making it, the database
/// holds no clinic yet or `policy` keeps none: the file made. Runs without the store open.
/// `Ok(None)` also when the engine keeps no copies of its own beside the database (see
/// [`Locator::backups_folder`]).
pub fn daily_backup(
    locator: &Locator,
    today: NaiveDate,
    policy: BackupPolicy,
) -> Result<Option<DailyReport>> {
    daily_backup_keyed(locator, None, today, policy)
}

/// [`daily_backup`] of a database that may be encrypted with `key` (see
/// [`backup::daily_keyed`]).
pub fn daily_backup_keyed(
    locator: &Locator,
    key: Option<&DatabaseKey>,
    today: NaiveDate,
    policy: BackupPolicy,
) -> Result<Option<DailyReport>> {
    match locator {
        Locator::Sqlite(path) => Ok(backup::daily_keyed(path, key, today, policy)?),
        Locator::Postgres(_) => Ok(None),
    }
}

/// Replaces the database with the copy `candidate` before anything has opened it (a restore
/// must not migrate the database it replaces): checks the copy, waits until no window or
/// command has the database open, keeps the current one beside it and puts the copy in its
/// place. What was found damaged before is forgotten.
pub fn restore(
    locator: &Locator,
    candidate: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreReport> {
    restore_keyed(locator, candidate, None, now, progress)
}

/// [`restore`] of a backup that may be encrypted (see [`backup::restore_keyed`]): `key` is the
/// database's, or one unwrapped from the backup's own keys file.
pub fn restore_keyed(
    locator: &Locator,
    candidate: &Path,
    key: Option<&DatabaseKey>,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<RestoreReport> {
    match locator {
        Locator::Sqlite(path) => {
            let report =
                backup::restore_keyed(path, candidate, key, now, backup::RESTORE_WAIT, progress)?;
            super::open::forget_damage(path);
            Ok(report)
        }
        Locator::Postgres(_) => Err(StoreError::RestoreOntoServer {
            server: locator.to_string(),
        }),
    }
}
