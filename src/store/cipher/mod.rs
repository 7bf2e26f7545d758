//! Encryption at rest for the SQLite engine (issue 15): the database file, its write-ahead log
//! and its backups are encrypted by SQLCipher with a random 256-bit [`DatabaseKey`]. No OS
//! keyring is needed: the key is kept in `<db>.keys` beside the database ([`KeySlots`]),
//! wrapped (XChaCha20-Poly1305) once under each staff member's password (Argon2id, the cost of
//! `signin::secret`) and once under a [`RecoveryKey`] the first administrator prints, as disk
//! encryption keeps key slots. Signing in unwraps it; adding or removing staff adds or removes
//! a slot; an administrator resets a lost password by replacing its slot.
//!
//! The clinic's id (a UUID in the keys file) is also SQLCipher's salt, which SQLCipher keeps in
//! plain text as the file's first 16 bytes: so a keys file, a backup or a database of another
//! clinic is recognised before any key is tried. A plain database is converted by
//! [`encrypt_database`], which keeps the plaintext original until [`remove_plaintext`] is
//! called on the user's say-so.
//!
//! Nothing here puts a key, password or recovery key into a `Debug` output, a log line or an
//! error's text.

mod convert;
mod error;
mod key;
mod recovery;
mod slots;

pub use convert::{
    ConvertStage, Encrypted, encrypt_database, encrypt_database_with, plaintext_files,
    remove_plaintext,
};
pub use error::CipherError;
pub use key::{ClinicId, DatabaseKey, PAGE_SIZE, file_clinic, is_plain_sqlite};
pub(crate) use key::{apply_key, silence};
pub use recovery::RecoveryKey;
pub use slots::{
    KdfCost, KeySlots, Reserved, SealedFailure, SlotBefore, SlotInfo, SlotKind, keys_path,
    name_digest,
};
