//! What can go wrong with keys and encryption, in words that say what to do. No variant holds
//! or repeats a key, a password, a recovery key or a hash.

use std::path::PathBuf;

use crate::scheduling::entry::echo_path;

/// Why a key could not be made, found, unwrapped or used; in every case nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum CipherError {
    /// The password given does not open the slot named.
    #[error("{}", crate::t!("store-cipher-wrong-password", label = label))]
    WrongPassword {
        /// The slot's label (a staff id, never the password).
        label: String,
    },
    /// No slot has that label.
    #[error(
        "{}",
        crate::t!("store-cipher-no-such-slot", label = label, file = echo_path(path))
    )]
    NoSuchSlot {
        /// The label asked for.
        label: String,
        /// The keys file.
        path: PathBuf,
    },
    /// A label no slot can have.
    #[error("{}", crate::t!("store-cipher-bad-label"))]
    BadLabel,
    /// A slot with that label already exists.
    #[error("{}", crate::t!("store-cipher-slot-exists", label = label))]
    SlotExists {
        /// The label.
        label: String,
    },
    /// Removing the last password slot would leave only the recovery key.
    #[error("{}", crate::t!("store-cipher-last-password-slot", label = label))]
    LastPasswordSlot {
        /// The label.
        label: String,
    },
    /// The recovery key is well formed but is not this database's.
    #[error(
        "{}",
        crate::t!("store-cipher-wrong-recovery-key", file = echo_path(path))
    )]
    WrongRecoveryKey {
        /// The keys file.
        path: PathBuf,
    },
    /// The recovery key as typed fails its checksum or has the wrong length.
    #[error(
        "{}",
        crate::t!("store-cipher-recovery-key-typo", mistake = typo(_0))
    )]
    RecoveryKeyTypo(&'static str),
    /// A key given for a database is not its key (SQLCipher cannot read the file with it).
    #[error("{}", crate::t!("store-cipher-wrong-key", file = echo_path(path)))]
    WrongKey {
        /// The database.
        path: PathBuf,
    },
    /// The database has no keys file beside it.
    #[error("{}", crate::t!("store-cipher-keys-missing", file = echo_path(path)))]
    KeysMissing {
        /// The keys file that should be there.
        path: PathBuf,
    },
    /// The keys file and the database (or backup) belong to different clinics.
    #[error(
        "{}",
        crate::t!(
            "store-cipher-other-clinic",
            keys = echo_path(keys),
            database = echo_path(database),
        )
    )]
    OtherClinic {
        /// The keys file.
        keys: PathBuf,
        /// The database or backup.
        database: PathBuf,
    },
    /// The keys file cannot be read as one.
    #[error(
        "{}",
        crate::t!("store-cipher-damaged-keys", file = echo_path(path), why = why)
    )]
    DamagedKeys {
        /// The keys file.
        path: PathBuf,
        /// What is wrong (never any key material).
        why: String,
    },
    /// A keys file written by a newer Frontdesk.
    #[error(
        "{}",
        crate::t!(
            "store-cipher-newer-keys-format",
            file = echo_path(path),
            found = found.to_string(),
        )
    )]
    NewerKeysFormat {
        /// The keys file.
        path: PathBuf,
        /// Its format.
        found: u32,
    },
    /// The database is already encrypted.
    #[error("{}", crate::t!("store-cipher-already-encrypted", file = echo_path(path)))]
    AlreadyEncrypted {
        /// The database.
        path: PathBuf,
    },
    /// The file is not a plain Frontdesk database that could be converted.
    #[error(
        "{}",
        crate::t!("store-cipher-not-convertible", file = echo_path(path), why = why)
    )]
    NotConvertible {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The database is open elsewhere.
    #[error("{}", crate::t!("store-cipher-in-use", file = echo_path(path)))]
    InUse {
        /// The database.
        path: PathBuf,
    },
    /// The encrypted copy did not pass its check; the original is untouched.
    #[error(
        "{}",
        crate::t!("store-cipher-copy-failed", file = echo_path(path), why = why)
    )]
    CopyFailed {
        /// The database.
        path: PathBuf,
        /// What the check found.
        why: String,
    },
    /// A file that is not one of this database's plaintext leftovers was asked to be removed.
    #[error(
        "{}",
        crate::t!("store-cipher-not-plaintext-copy", file = echo_path(path))
    )]
    NotPlaintextCopy {
        /// The file.
        path: PathBuf,
    },
    /// A PIN was given where only a password opens the database.
    #[error("{}", crate::t!("store-cipher-pin-not-allowed"))]
    PinNotAllowed,
    /// The system gave no randomness, or the key could not be derived.
    #[error("{}", crate::t!("store-cipher-crypto", why = *_0))]
    Crypto(&'static str),
    /// A file system error.
    #[error(
        "{}",
        crate::t!("store-cipher-io", file = echo_path(path), error = error.to_string())
    )]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
    /// SQLite or SQLCipher failed.
    #[error(
        "{}",
        crate::t!("store-cipher-database", file = echo_path(path), details = details)
    )]
    Database {
        /// The file.
        path: PathBuf,
        /// What SQLite said (SQLite never repeats a key in its messages).
        details: String,
    },
}

/// A typing mistake in a recovery key, as [`CipherError::RecoveryKeyTypo`] holds it in
/// English, in the desk's language.
fn typo(mistake: &str) -> String {
    match mistake {
        "it holds a character that no recovery key has" => {
            crate::t!("store-cipher-typo-character")
        }
        "it is too short: a recovery key has 40 characters in 8 groups" => {
            crate::t!("store-cipher-typo-too-short")
        }
        "it is too long: a recovery key has 40 characters in 8 groups" => {
            crate::t!("store-cipher-typo-too-long")
        }
        "its checksum does not match: a character is wrong or two are swapped" => {
            crate::t!("store-cipher-typo-checksum")
        }
        other => other.to_owned(),
    }
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
