//! The database key: 32 random bytes from the operating system, wiped from memory when dropped,
//! given to SQLCipher as a raw key (which skips SQLCipher's own key derivation: the key is
//! already random) together with the clinic's id as SQLCipher's salt.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::CipherError;

/// SQLCipher's page size, which Frontdesk never changes: an encrypted file is a whole number of
/// these (its plain SQLite header, which says the page size, is encrypted).
pub const PAGE_SIZE: u32 = 4096;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// A clinic's id: the keys file says it, and an encrypted database and every backup of it begin
/// with it (SQLCipher's salt, the file's first 16 bytes, in plain text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ClinicId(pub uuid::Uuid);

impl ClinicId {
    /// A new random id.
    pub fn random() -> ClinicId {
        ClinicId(uuid::Uuid::new_v4())
    }
}

impl std::fmt::Display for ClinicId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The key a database is encrypted with, and the clinic it belongs to. Wiped from memory when
/// dropped; its `Debug` shows only the clinic.
#[derive(Clone)]
pub struct DatabaseKey {
    bytes: Zeroizing<[u8; 32]>,
    clinic: ClinicId,
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseKey(clinic {}, ***)", self.clinic)
    }
}

impl DatabaseKey {
    /// A new random key for `clinic`, from the operating system's random source.
    pub fn generate(clinic: ClinicId) -> Result<DatabaseKey, CipherError> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        getrandom::fill(bytes.as_mut()).map_err(|_| CipherError::Crypto("no randomness"))?;
        Ok(DatabaseKey { bytes, clinic })
    }

    pub(crate) fn from_bytes(bytes: Zeroizing<[u8; 32]>, clinic: ClinicId) -> DatabaseKey {
        DatabaseKey { bytes, clinic }
    }

    /// The clinic this key belongs to.
    pub fn clinic(&self) -> ClinicId {
        self.clinic
    }

    /// Sends the key to a process of Frontdesk's own (the daily backup) on a pipe: 64 hex
    /// digits and a newline. Never on a command line or in an environment, which others can
    /// read; the receiver checks it against the keys file ([`super::KeySlots::receive_key`]).
    pub fn send(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut text = Zeroizing::new(String::with_capacity(65));
        for b in self.bytes.iter() {
            text.push_str(&format!("{b:02x}"));
        }
        text.push('\n');
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// Whether `other` is the same key (compared through their check values).
    pub fn same_as(&self, other: &DatabaseKey) -> bool {
        self.clinic == other.clinic && self.check_value() == other.check_value()
    }

    /// A one-way value that tells whether a key is this one (kept in the keys file, so a slot
    /// is only ever added for the right key). Reveals nothing of a random 256-bit key.
    pub(crate) fn check_value(&self) -> [u8; 16] {
        let mut h = Sha256::new();
        h.update(b"frontdesk database key check v1");
        h.update(self.clinic.0.as_bytes());
        h.update(self.bytes.as_ref());
        let full: [u8; 32] = h.finalize().into();
        let mut out = [0u8; 16];
        out.copy_from_slice(&full[..16]);
        out
    }

    /// SQLCipher's raw key with salt: `x'<64 hex digits of key><32 of salt>'`.
    pub(crate) fn sqlcipher_value(&self) -> Zeroizing<String> {
        let mut s = Zeroizing::new(String::with_capacity(100));
        s.push_str("x'");
        for b in self.bytes.iter().chain(self.clinic.0.as_bytes()) {
            use std::fmt::Write;
            let _ = write!(s, "{b:02x}");
        }
        s.push('\'');
        s
    }
}

/// Gives `conn` (just opened, nothing read yet) the key, then reads the schema to prove it is
/// the key of the file at `path` (a new, empty file takes any key).
pub(crate) fn apply_key(
    conn: &Connection,
    key: &DatabaseKey,
    path: &Path,
) -> Result<(), CipherError> {
    silence(conn);
    // Built here rather than through rusqlite's pragma helper, so the one text that holds the
    // key is wiped when dropped.
    let sql = Zeroizing::new(format!(
        "PRAGMA key = \"{}\";",
        key.sqlcipher_value().as_str()
    ));
    conn.execute_batch(&sql).map_err(CipherError::sql(path))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(CipherError::sql(path))?;
    Ok(())
}

/// Turns SQLCipher's own log off (for the whole process): it writes to stderr, where a wrong
/// key would print "hmac check failed" lines, and at its debug level it would print the
/// arguments of `PRAGMA key`. Frontdesk says what went wrong in its own errors.
pub(crate) fn silence(conn: &Connection) {
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
}

/// The clinic an encrypted file belongs to (its first 16 bytes), or `None` for a plain SQLite
/// file or one too short to say.
pub fn file_clinic(path: &Path) -> std::io::Result<Option<ClinicId>> {
    let head = head(path)?;
    Ok(match head {
        Some(h) if &h != SQLITE_MAGIC => Some(ClinicId(uuid::Uuid::from_bytes(h))),
        _ => None,
    })
}

/// Whether `path` starts as a plain (unencrypted) SQLite database does.
pub fn is_plain_sqlite(path: &Path) -> std::io::Result<bool> {
    Ok(head(path)?.is_some_and(|h| &h == SQLITE_MAGIC))
}

fn head(path: &Path) -> std::io::Result<Option<[u8; 16]>> {
    let mut f = std::fs::File::open(path)?;
    let mut buf = [0u8; 16];
    let mut read = 0;
    while read < 16 {
        match f.read(&mut buf[read..])? {
            0 => return Ok(None),
            n => read += n,
        }
    }
    Ok(Some(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_never_shows_in_debug() {
        let key = DatabaseKey::generate(ClinicId::random()).unwrap();
        let shown = format!("{key:?}");
        let hex: String = key.bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert!(!shown.contains(&hex[..8]), "{shown}");
        assert!(shown.contains("***"));
        assert_eq!(key.sqlcipher_value().len(), 2 + 96 + 1);
    }
}
