//! Staff sign-in (issue 15): the rules for passwords and PINs and their Argon2id hashes
//! ([`secret`]). Only hashes are ever stored; no password, PIN or hash is ever shown, logged or
//! put in an error text.

pub mod secret;
pub mod service;
pub mod session;

pub use secret::{Hashed, Secret, SecretError, SecretKind};
pub use session::{SignInError, SignedIn, Via, first_administrator, sign_in};
