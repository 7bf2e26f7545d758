//! Staff sign-in (issue 15): the rules for passwords and PINs and their Argon2id hashes
//! ([`secret`]). Only hashes are ever stored; no password, PIN or hash is ever shown, logged or
//! put in an error text.

pub mod secret;
pub mod service;
pub mod session;

pub use secret::{Hashed, Secret, SecretError, SecretKind};
/// This computer's host name, as the access log names the desk ("this desk" when the system
/// gives none, or one that is not plain text).
pub fn this_desk() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty() && !h.chars().any(char::is_control) && h.len() <= 253)
        .unwrap_or_else(|| "this desk".to_owned())
}

pub use session::{SignInError, SignedIn, Via, first_administrator, sign_in};
