//! What can go wrong with keys and encryption, in words that say what to do. No variant holds
//! or repeats a key, a password, a recovery key or a hash.

use std::path::PathBuf;

use crate::scheduling::entry::echo_path;

/// Why a key could not be made, found, unwrapped or used; in every case nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum CipherError {
    /// The password given does not open the slot named.
    #[error(
        "the password is not right for {label}: type it again (an administrator can set a new one); nothing was changed"
    )]
    WrongPassword {
        /// The slot's label (a staff id, never the password).
        label: String,
    },
    /// No slot has that label.
    #[error(
        "{label} has no key slot in {}: an administrator must add one",
        echo_path(path)
    )]
    NoSuchSlot {
        /// The label asked for.
        label: String,
        /// The keys file.
        path: PathBuf,
    },
    /// A label no slot can have.
    #[error(
        "a key slot's label is a staff id or name: not empty, at most 200 characters, no control characters"
    )]
    BadLabel,
    /// A slot with that label already exists.
    #[error("{label} already has a key slot: replace it instead")]
    SlotExists {
        /// The label.
        label: String,
    },
    /// Removing the last password slot would leave only the recovery key.
    #[error(
        "{label} is the last person who can open the database with a password: add another person's slot first"
    )]
    LastPasswordSlot {
        /// The label.
        label: String,
    },
    /// The recovery key is well formed but is not this database's.
    #[error(
        "this recovery key is not the one of {}: it belongs to another database or an older key; find the sheet printed for this clinic",
        echo_path(path)
    )]
    WrongRecoveryKey {
        /// The keys file.
        path: PathBuf,
    },
    /// The recovery key as typed fails its checksum or has the wrong length.
    #[error(
        "this recovery key has a typing mistake ({0}): compare it with the printed sheet, group by group"
    )]
    RecoveryKeyTypo(&'static str),
    /// A key given for a database is not its key (SQLCipher cannot read the file with it).
    #[error(
        "{} cannot be opened with this key (it is not the key of this database): sign in with an account of this clinic; nothing was changed",
        echo_path(path)
    )]
    WrongKey {
        /// The database.
        path: PathBuf,
    },
    /// The database has no keys file beside it.
    #[error(
        "the keys file {} of this encrypted database is missing: restore it from the backup folder (every backup has its .keys file beside it) or from where it was copied; without it only a backup and its keys can be used",
        echo_path(path)
    )]
    KeysMissing {
        /// The keys file that should be there.
        path: PathBuf,
    },
    /// The keys file and the database (or backup) belong to different clinics.
    #[error(
        "{} belongs to another clinic than {}: use the keys file that came with this database or backup; nothing was changed",
        echo_path(keys),
        echo_path(database)
    )]
    OtherClinic {
        /// The keys file.
        keys: PathBuf,
        /// The database or backup.
        database: PathBuf,
    },
    /// The keys file cannot be read as one.
    #[error(
        "{} is not a readable keys file ({why}): restore it from a backup",
        echo_path(path)
    )]
    DamagedKeys {
        /// The keys file.
        path: PathBuf,
        /// What is wrong (never any key material).
        why: String,
    },
    /// A keys file written by a newer Frontdesk.
    #[error(
        "{} was written by a newer Frontdesk (keys format {found}): update Frontdesk",
        echo_path(path)
    )]
    NewerKeysFormat {
        /// The keys file.
        path: PathBuf,
        /// Its format.
        found: u32,
    },
    /// The database is already encrypted.
    #[error("{} is already encrypted: nothing was changed", echo_path(path))]
    AlreadyEncrypted {
        /// The database.
        path: PathBuf,
    },
    /// The file is not a plain Frontdesk database that could be converted.
    #[error(
        "{} is not a plain Frontdesk database ({why}): nothing was changed",
        echo_path(path)
    )]
    NotConvertible {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The database is open elsewhere.
    #[error(
        "{} is open in another Frontdesk window or process: close them, then try again (nothing was changed)",
        echo_path(path)
    )]
    InUse {
        /// The database.
        path: PathBuf,
    },
    /// The encrypted copy did not pass its check; the original is untouched.
    #[error(
        "the encrypted copy of {} did not pass its check ({why}): the original is untouched and still in use",
        echo_path(path)
    )]
    CopyFailed {
        /// The database.
        path: PathBuf,
        /// What the check found.
        why: String,
    },
    /// A file that is not one of this database's plaintext leftovers was asked to be removed.
    #[error(
        "{} is not a plaintext copy of this database: it was not removed",
        echo_path(path)
    )]
    NotPlaintextCopy {
        /// The file.
        path: PathBuf,
    },
    /// A PIN was given where only a password opens the database.
    #[error("a PIN cannot open the database: sign in with your password")]
    PinNotAllowed,
    /// The system gave no randomness, or the key could not be derived.
    #[error("a key could not be made just now ({0}); try again")]
    Crypto(&'static str),
    /// A file system error.
    #[error("cannot use {}: {error}", echo_path(path))]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
    /// SQLite or SQLCipher failed.
    #[error("database error on {}: {details}", echo_path(path))]
    Database {
        /// The file.
        path: PathBuf,
        /// What SQLite said (SQLite never repeats a key in its messages).
        details: String,
    },
}

impl CipherError {
    pub(crate) fn io(path: &std::path::Path) -> impl Fn(std::io::Error) -> CipherError + '_ {
        move |error| CipherError::Io {
            path: path.to_path_buf(),
            error,
        }
    }

    pub(crate) fn sql(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> CipherError + '_ {
        move |e| {
            if let rusqlite::Error::SqliteFailure(f, _) = &e
                && f.code == rusqlite::ErrorCode::NotADatabase
            {
                return CipherError::WrongKey {
                    path: path.to_path_buf(),
                };
            }
            CipherError::Database {
                path: path.to_path_buf(),
                details: e.to_string(),
            }
        }
    }
}
