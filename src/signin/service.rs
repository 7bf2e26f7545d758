//! The service credential of unattended jobs (cron's `reminders send` and `backup`): a random
//! token in a file only its owner can read, issued by an administrator. The database keeps only
//! the token's SHA-256 (the token is 256 random bits, so no slow hash is needed). Signing in
//! with it gives the narrow service role (`scheduling::permission`), and is logged.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::session::{SignInError, SignedIn};
use crate::scheduling::access::{AccessKind, to_hex};
use crate::scheduling::entry::echo_path;
use crate::store::Store;

const FIRST_LINE: &str = "frontdesk service credential v1";
/// The longest name a service credential may have.
pub const MAX_NAME_CHARS: usize = 40;

/// A service credential's token; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct ServiceToken([u8; 32]);

impl std::fmt::Debug for ServiceToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServiceToken(***)")
    }
}

impl ServiceToken {
    /// A new token of 256 random bits from the system's random source, or why there is none.
    pub fn new() -> Result<ServiceToken, ServiceError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|_| ServiceError::NoRandomness)?;
        Ok(ServiceToken(bytes))
    }

    /// What the database keeps: the token's SHA-256 in hex.
    pub fn hash(&self) -> String {
        to_hex(&Sha256::digest(self.0).into())
    }

    /// The token as the password of its key slot in an encrypted database's keys file (the
    /// job opens the file with it, as staff do with theirs).
    pub fn slot_secret(&self) -> Result<super::Secret, super::SecretError> {
        super::Secret::given(super::SecretKind::Password, &to_hex(&self.0))
    }
}

/// The name a service credential's key slot is found under in an encrypted database's keys
/// file (never a staff member's: those cannot hold a colon... nor need to; the prefix keeps
/// them apart).
pub fn slot_name(name: &str) -> String {
    format!("service credential: {name}")
}

/// Whether `typed` is the name a service credential's key slot is found by (a staff name never
/// is: a person typing it at a sign-in is refused).
pub fn is_slot_name(typed: &str) -> bool {
    crate::scheduling::staff::sign_in_folded(typed).starts_with("service credential:")
}

/// The label of a service credential's key slot.
pub fn slot_label(name: &str) -> String {
    format!("service:{name}")
}

impl ServiceToken {}

/// Why a service credential cannot be made, read or used; never shows the token.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// A name that is not 1–40 lower-case letters, digits, `-` or `_`.
    #[error(
        "{}",
        crate::t!("signin-service-bad-name", max = MAX_NAME_CHARS.to_string())
    )]
    BadName,
    /// The file could not be written or read.
    #[error(
        "{}",
        crate::t!("signin-service-io", file = path, error = error.to_string())
    )]
    Io {
        /// Which file, as shown.
        path: String,
        /// What went wrong.
        error: std::io::Error,
    },
    /// Others than its owner may read the file.
    #[error("{}", crate::t!("signin-service-readable", file = _0))]
    Readable(String),
    /// The system gave no random bytes to make a token from.
    #[error("{}", crate::t!("signin-service-no-randomness"))]
    NoRandomness,
    /// The file is not a credential this program wrote.
    #[error("{}", crate::t!("signin-service-not-a-credential", file = _0))]
    NotACredential(String),
}

/// `name` if it may name a service credential.
pub fn check_name(name: &str) -> Result<&str, ServiceError> {
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(name)
    } else {
        Err(ServiceError::BadName)
    }
}

/// Writes a credential file for `name` holding `token`, as a new file of mode 0600 (an
/// existing file is never overwritten).
pub fn write_file(path: &Path, name: &str, token: &ServiceToken) -> Result<(), ServiceError> {
    let name = check_name(name)?;
    let io = |error| ServiceError::Io {
        path: echo_path(path),
        error,
    };
    let mut file = crate::private_file::create_private(path).map_err(io)?;
    let text = format!("{FIRST_LINE}\nname: {name}\ntoken: {}\n", to_hex(&token.0));
    file.write_all(text.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)?;
    Ok(())
}

/// Reads a credential file: its name and token. Refused when anyone but its owner may read it.
pub fn read_file(path: &Path) -> Result<(String, ServiceToken), ServiceError> {
    let shown = echo_path(path);
    let io = |error| ServiceError::Io {
        path: echo_path(path),
        error,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    // A folder, a pipe or a device is no credential (a pipe would hang the job reading it).
    if !meta.is_file() {
        return Err(ServiceError::NotACredential(shown));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(ServiceError::Readable(shown));
    }
    if meta.len() > 4096 {
        return Err(ServiceError::NotACredential(shown));
    }
    let text =
        std::fs::read_to_string(path).map_err(|_| ServiceError::NotACredential(shown.clone()))?;
    let mut lines = text.lines();
    let not = || ServiceError::NotACredential(shown.clone());
    if lines.next() != Some(FIRST_LINE) {
        return Err(not());
    }
    let name = lines
        .next()
        .and_then(|l| l.strip_prefix("name: "))
        .ok_or_else(not)?;
    let name = check_name(name).map_err(|_| not())?.to_owned();
    let token = lines
        .next()
        .and_then(|l| l.strip_prefix("token: "))
        .and_then(crate::scheduling::access::from_hex)
        .ok_or_else(not)?;
    if lines.next().is_some() {
        return Err(not());
    }
    Ok((name, ServiceToken(token)))
}

/// Issues the service credential `name`: a new token written to `path` (a new file, mode
/// 0600) and its hash stored, replacing any earlier token of that name. Through a guarded
/// store only an administrator may. The file is removed again if the database refuses.
pub fn issue(
    store: &mut dyn Store,
    name: &str,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<(), SignInError> {
    let name = check_name(name)?;
    let token = ServiceToken::new()?;
    write_file(path, name, &token)?;
    let access = crate::scheduling::access::Access {
        at: now,
        desk: String::new(),
        staff: None,
        name: String::new(),
        kind: AccessKind::ChangedPermission,
        subject: name.to_owned(),
        detail: "service credential issued".into(),
    };
    if let Err(e) = store.save_service_credential(name, Some(&token.hash()), now, &access) {
        let _ = std::fs::remove_file(path);
        return Err(e.into());
    }
    Ok(())
}

/// Signs the job in with the credential in `path`: the token must be the one issued for its
/// name, and the credential not revoked. Every try is logged.
pub fn sign_in(
    store: &mut dyn Store,
    path: &Path,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<SignedIn, SignInError> {
    let (name, token) = read_file(path)?;
    let signed = SignedIn::service(store.locator().identity(), &name, desk);
    let stored = store.service_credential(&name)?;
    let good = stored
        .as_ref()
        .is_some_and(|s| s.active && same(&s.token_hash, &token.hash()));
    if !good {
        let access = signed.access(
            now,
            AccessKind::SignInFailed,
            "",
            "service credential not issued, revoked or replaced",
        );
        super::session::note(store, None, false, &access)?;
        return Err(SignInError::Wrong {
            what: "service credential",
            left: None,
        });
    }
    let access = signed.access(now, AccessKind::SignedIn, "", "with the service credential");
    super::session::note(store, None, true, &access)?;
    Ok(signed)
}

/// Compares two hashes in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_file_is_private_and_read_back_strictly() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("reminders.credential");
        let token = ServiceToken::new().expect("random");
        write_file(&path, "reminders", &token).expect("written");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let (name, back) = read_file(&path).expect("read");
        assert_eq!(name, "reminders");
        assert_eq!(back, token);
        assert!(!format!("{back:?}").contains(&to_hex(&token.0)));
        // Never overwritten.
        assert!(write_file(&path, "reminders", &ServiceToken::new().expect("random")).is_err());
        // Readable by others: refused, saying how to fix it.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let err = read_file(&path).expect_err("readable");
        assert!(err.to_string().contains("chmod 600"), "{err}");
        // Edited: refused.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        std::fs::write(
            &path,
            "frontdesk service credential v1\nname: x\ntoken: 00\n",
        )
        .expect("w");
        assert!(matches!(
            read_file(&path),
            Err(ServiceError::NotACredential(_))
        ));
        // A folder or a pipe is refused, never read (a pipe would hang).
        assert!(matches!(
            read_file(dir.path()),
            Err(ServiceError::NotACredential(_))
        ));
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            std::fs::set_permissions(&fifo, std::fs::Permissions::from_mode(0o600)).expect("chmod");
            assert!(matches!(
                read_file(&fifo),
                Err(ServiceError::NotACredential(_))
            ));
        }
        for bad in ["", "Reminders", "a b", "é", &"a".repeat(41)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert_ne!(
            ServiceToken::new().expect("random"),
            ServiceToken::new().expect("random")
        );
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("ab", "abc"));
    }
}
