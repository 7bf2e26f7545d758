//! An encrypted database (a file with its keys file `<db>.keys` beside it) opened by signing in,
//! and a new clinic's database made encrypted from the start. The staff member's name finds
//! their key slot (`KeySlots::label_of`), their password unwraps the database key, and the key
//! opens the file; a name the keys file does not know and a wrong password read the same, and
//! take as long. Plain files and servers open as before (`store::open`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::cipher::{
    CipherError, DatabaseKey, KeySlots, RecoveryKey, Reserved, SealedFailure, keys_path,
};
use super::error::{Result, StoreError};
use super::{Locator, SlotChange, SqliteStore, Store};
use crate::scheduling::lockout::LockedOut;
use crate::scheduling::staff::StaffMember;
use crate::signin::Secret;

/// The label of the slot a new database's keys are made with, before its first administrator
/// has one of their own (its password is random and never kept; the slot goes once theirs is
/// written).
const SETUP_LABEL: &str = "setup";

/// The encrypted file `locator` names, if it is one: an SQLite file whose keys file is beside
/// it. A server's database, a plain file and a file not made yet are not.
pub fn sealed_file(locator: &Locator) -> Option<&Path> {
    match locator {
        Locator::Sqlite(path) if keys_path(path).exists() && !abandoned(path) => Some(path),
        Locator::Sqlite(_) | Locator::Postgres(_) => None,
    }
}

/// A new file whose making stopped half-way (the process was killed before its first
/// administrator's slot was written): its only password slot is the setup slot, whose password
/// was never kept, and its recovery key was never shown. Nobody can open it, and it holds
/// nothing but an empty schema: it counts as not made, and is made again.
fn abandoned(path: &Path) -> bool {
    KeySlots::load(path).is_ok_and(|slots| {
        slots.has_password_slot(SETUP_LABEL)
            && slots
                .slots()
                .iter()
                .filter(|s| s.kind == super::cipher::SlotKind::Password)
                .count()
                == 1
    })
}

/// Whether `locator` names an SQLite file that does not exist yet (or is empty): a new
/// clinic's database, made encrypted by [`create`].
pub fn is_new_file(locator: &Locator) -> bool {
    match locator {
        Locator::Sqlite(path) if abandoned(path) => true,
        Locator::Sqlite(path) => match std::fs::metadata(path) {
            Ok(meta) => meta.len() == 0 && !keys_path(path).exists(),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        },
        Locator::Postgres(_) => false,
    }
}

/// What a password did to an encrypted database.
pub enum Unsealed {
    /// It opened: the store, and the key it was opened with (the watcher, the damage check
    /// and the daily backup open their own connections with it). The wrong tries made before
    /// it opened are in its access log now.
    Open(Box<dyn Store + Send>, DatabaseKey),
    /// The name has no slot, or the password is not theirs (which of the two is not said);
    /// counted: the tries left before the name locks (none said for a service credential,
    /// which is not counted).
    Wrong {
        /// Tries left.
        left: Option<i64>,
    },
    /// Five wrong tries in a row lock the name for a while (before or with this one).
    Locked(LockedOut),
}

/// Opens the encrypted database at `path` as `name` with `password` at `now`, signing in from
/// `desk`. Slow on purpose (the password's Argon2id, and for a name without a slot the same
/// work on a dummy): call it off the UI thread. The try is counted in the keys file before
/// the password is checked (the database cannot count it: it does not open), five wrong ones
/// in a row lock the name for a while, and once a right password opens the file the wrong
/// tries before it go into its access log (kept for later when the file is found damaged and
/// takes no writes). A service credential's name is refused here: a job opens with
/// [`open_as_service`].
pub fn open_as(
    path: &Path,
    name: &str,
    password: &Secret,
    now: DateTime<Utc>,
    desk: &str,
) -> Result<Unsealed> {
    if crate::signin::service::is_slot_name(name) {
        crate::signin::session::spend_a_try(password);
        return Err(StoreError::Invalid(crate::t!("store-unlock-service-name")));
    }
    let mut slots = KeySlots::load(path)?;
    let reserved = match slots.begin_try(name, now, desk) {
        Ok(Ok(reserved)) => Some(reserved),
        Ok(Err(locked)) => return Ok(Unsealed::Locked(locked)),
        // A keys file on read-only media cannot count; the password is checked all the same.
        Err(CipherError::Io { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let Some(key) = unwrap_for(&slots, name, password)? else {
        return Ok(match reserved {
            Some(Reserved {
                locks: Some(locked),
                ..
            }) => Unsealed::Locked(locked),
            Some(reserved) => Unsealed::Wrong {
                left: Some(reserved.left),
            },
            None => Unsealed::Wrong { left: None },
        });
    };
    let mut store = SqliteStore::open_encrypted(path, &key, Default::default())?;
    let damaged = store.damage().is_some();
    let settled = slots.settle_tries(name, reserved, |failures, dropped| {
        if damaged {
            return Err(StoreError::Invalid(crate::t!("store-unlock-no-writes")));
        }
        log_failures(&mut store, failures, dropped, desk)
    });
    // The bookkeeping of tries never keeps a right password out.
    match settled {
        Ok(None) => {}
        Ok(Some(e)) => tracing::warn!("wrong tries before opening were kept for later: {e}"),
        Err(e) => tracing::warn!("the keys file's count of tries was not updated: {e}"),
    }
    Ok(Unsealed::Open(Box::new(store), key))
}

/// Opens the encrypted database at `path` with a service credential's slot (`slot_name`, its
/// token as the secret). Not counted: the token is 256 random bits, and counting would let
/// anyone who types its name lock the clinic's backups out.
pub fn open_as_service(path: &Path, slot_name: &str, token: &Secret) -> Result<Unsealed> {
    let slots = KeySlots::load(path)?;
    let Some(key) = unwrap_for(&slots, slot_name, token)? else {
        return Ok(Unsealed::Wrong { left: None });
    };
    let store = SqliteStore::open_encrypted(path, &key, Default::default())?;
    Ok(Unsealed::Open(Box::new(store), key))
}

/// The database key `password` unwraps from `name`'s slot; `None` for a name without a slot
/// (after the same Argon2 work) or a wrong password.
fn unwrap_for(slots: &KeySlots, name: &str, password: &Secret) -> Result<Option<DatabaseKey>> {
    let Some(label) = slots.label_of(name).map(str::to_owned) else {
        crate::signin::session::spend_a_try(password);
        return Ok(None);
    };
    match slots.unwrap_with_password(&label, password) {
        Ok(key) => Ok(Some(key)),
        Err(CipherError::WrongPassword { .. } | CipherError::NoSuchSlot { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes the wrong tries made before the encrypted file was open to its access log, counted
/// against the staff members whose slots the names typed sign in with, each at the desk it was
/// made at.
fn log_failures(
    store: &mut dyn Store,
    failures: &[SealedFailure],
    dropped: u64,
    desk: &str,
) -> Result<()> {
    use crate::scheduling::access::{Access, AccessKind};
    if failures.is_empty() && dropped == 0 {
        return Ok(());
    }
    let staff = store.staff()?;
    for failure in failures {
        let member = failure
            .label
            .as_deref()
            .and_then(|label| staff.iter().find(|m| m.id.to_string() == label));
        let access = Access {
            at: failure.at,
            desk: if failure.desk.is_empty() {
                desk.to_owned()
            } else {
                failure.desk.clone()
            },
            staff: member.map(|m| m.id),
            name: member.map(|m| m.name.clone()).unwrap_or_default(),
            kind: AccessKind::SignInFailed,
            subject: String::new(),
            detail: match (&failure.label, member) {
                (_, Some(_)) => "wrong password, before the database was open".into(),
                (Some(_), None) => {
                    "wrong password for a key slot of someone no longer on the staff list, before the database was open".into()
                }
                (None, None) => "a name without a key slot, before the database was open".into(),
            },
        };
        store.record_sign_in(member.map(|m| m.id), false, &access)?;
    }
    if dropped > 0 {
        let access = Access {
            at: failures.last().map_or(DateTime::<Utc>::MIN_UTC, |f| f.at),
            desk: desk.to_owned(),
            staff: None,
            name: String::new(),
            kind: AccessKind::SignInFailed,
            subject: String::new(),
            detail: format!(
                "{dropped} more wrong tries before the database was open (too many to keep one by one)"
            ),
        };
        store.record_sign_in(None, false, &access)?;
    }
    Ok(())
}

/// Opens the encrypted database at `path` with its recovery key (every password lost).
pub fn open_with_recovery(path: &Path, recovery: &RecoveryKey) -> Result<Box<dyn Store + Send>> {
    let key = KeySlots::load(path)?.unwrap_with_recovery(recovery)?;
    Ok(Box::new(SqliteStore::open_encrypted(
        path,
        &key,
        Default::default(),
    )?))
}

/// A new clinic's database, made encrypted: its keys file (with the recovery key, returned to
/// be shown once) and the file itself, empty. Its first administrator's slot is added by
/// [`first_slot`] once they exist. Refused when anything is at `path` or its keys file already.
pub fn create(path: &Path) -> Result<(Box<dyn Store + Send>, DatabaseKey, RecoveryKey)> {
    if !is_new_file(&Locator::Sqlite(path.to_path_buf())) {
        return Err(StoreError::Invalid(crate::t!(
            "store-unlock-already-a-database",
            file = crate::scheduling::time::echo(&path.display().to_string())
        )));
    }
    // An empty file, or one whose making stopped half-way, left by an earlier try is made
    // again from nothing.
    let mut leftovers = vec![path.to_path_buf()];
    if abandoned(path) {
        leftovers.extend([
            sidecar(path, "-wal"),
            sidecar(path, "-shm"),
            keys_path(path),
        ]);
    }
    for file in leftovers {
        let _ = std::fs::remove_file(file);
    }
    let setup = Secret::given(crate::signin::SecretKind::Password, &random_text()?)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let (slots, key, recovery) = KeySlots::create(path, SETUP_LABEL, &setup)?;
    drop(setup);
    let store = match SqliteStore::open_encrypted(path, &key, Default::default()) {
        Ok(store) => store,
        Err(e) => {
            // Nothing half-made is left for the next try to trip on.
            let _ = std::fs::remove_file(slots.path());
            return Err(e);
        }
    };
    drop(slots);
    Ok((Box::new(store), key, recovery))
}

/// Gives a new encrypted database's first administrator `member` their slot under `password`,
/// then removes the setup slot: from now on their password (or the recovery key) opens it.
pub fn first_slot(store: &mut dyn Store, member: &StaffMember, password: &Secret) -> Result<()> {
    store.key_slot(member, SlotChange::Password(password))?;
    if let Some(path) = sealed_file(&store.locator()).map(Path::to_path_buf) {
        let mut slots = KeySlots::load(&path)?;
        if slots.has_password_slot(SETUP_LABEL) {
            slots.remove_slot(SETUP_LABEL)?;
        }
    }
    Ok(())
}

/// `path` with `suffix` after its name (`-wal`, `-shm`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// 32 random bytes as hex: the setup slot's password, used once and dropped.
fn random_text() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|_| StoreError::Cipher(CipherError::Crypto("no randomness")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
