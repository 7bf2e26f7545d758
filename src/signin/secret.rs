//! Passwords and PINs: what may be one (checked with a message that says what to change), and
//! their Argon2id hashes, made and checked off the UI thread by the caller. Text is put in
//! Unicode's composed form (NFC) first, so a name-like password typed on another keyboard, or
//! pasted, matches the one set.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use unicode_normalization::UnicodeNormalization;

/// The fewest characters a password has.
pub const PASSWORD_MIN_CHARS: usize = 8;
/// The most characters a password has (longer is surely a paste gone wrong, and costs time).
pub const PASSWORD_MAX_CHARS: usize = 256;
/// The fewest digits a PIN has.
pub const PIN_MIN_DIGITS: usize = 4;
/// The most digits a PIN has.
pub const PIN_MAX_DIGITS: usize = 8;

/// Argon2id's memory (KiB), passes and lanes: chosen so that one hash takes 0.2–0.5 s on the
/// clinic's PC (measured: `cargo bench --bench signin`, BENCHMARKS.md).
const MEMORY_KIB: u32 = 64 * 1024;
const PASSES: u32 = 6;
const LANES: u32 = 1;
/// The most memory and passes a stored hash may ask for: four times what is written today.
const MAX_MEMORY_KIB: u32 = 4 * MEMORY_KIB;
const MAX_PASSES: u32 = 4 * PASSES;

/// Which kind of secret a staff member gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A password: unlocks the PC for the day.
    Password,
    /// A short PIN: switches between staff once the PC has been unlocked by a password.
    Pin,
}

/// What is wrong with a password or PIN; the text says how to fix it and never repeats it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// Nothing was typed.
    #[error("{}", crate::t!("signin-secret-empty", what = word(_0)))]
    Empty(&'static str),
    /// Only spaces were typed.
    #[error("{}", crate::t!("signin-secret-only-spaces", what = word(_0)))]
    OnlySpaces(&'static str),
    /// A line break, tab or other control character: surely not meant.
    #[error("{}", crate::t!("signin-secret-control", what = word(_0)))]
    ControlCharacter(&'static str),
    /// A password shorter than [`PASSWORD_MIN_CHARS`].
    #[error(
        "{}",
        crate::t!(
            "signin-password-too-short",
            min = PASSWORD_MIN_CHARS.to_string(),
            chars = _0.to_string(),
        )
    )]
    TooShort(usize),
    /// A password longer than [`PASSWORD_MAX_CHARS`].
    #[error(
        "{}",
        crate::t!(
            "signin-password-too-long",
            max = PASSWORD_MAX_CHARS.to_string(),
            chars = _0.to_string(),
        )
    )]
    TooLong(usize),
    /// A PIN that is not 4 to 8 digits 0–9.
    #[error(
        "{}",
        crate::t!(
            "signin-not-a-pin",
            min = PIN_MIN_DIGITS.to_string(),
            max = PIN_MAX_DIGITS.to_string(),
        )
    )]
    NotAPin,
    /// A stored hash that is not one this program writes (a damaged or edited record).
    #[error("{}", crate::t!("signin-damaged-record", what = word(_0)))]
    DamagedRecord(&'static str),
    /// The hashing itself failed (no randomness from the system, or out of memory).
    #[error("{}", crate::t!("signin-hashing", what = word(_0), error = _1))]
    Hashing(&'static str, String),
}

/// What a sign-in asks for ("password", "PIN", "service credential"), as a message says it
/// in the desk's language; the errors keep the English word.
pub(crate) fn word(what: &str) -> String {
    match what {
        "password" => crate::t!("signin-word-password"),
        "PIN" => crate::t!("signin-word-pin"),
        "service credential" => crate::t!("signin-word-service-credential"),
        other => other.to_owned(),
    }
}

impl SecretKind {
    fn word(self) -> &'static str {
        match self {
            SecretKind::Password => "password",
            SecretKind::Pin => "PIN",
        }
    }
}

/// A password or PIN as typed, in composed form; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    kind: SecretKind,
    text: String,
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secret({:?}, ***)", self.kind)
    }
}

impl Secret {
    /// `typed` as a secret of `kind` a staff member gives when signing in: only what no
    /// secret can be is refused (empty, too long, control characters), so a wrong one is
    /// simply wrong, whatever rules were in force when it was set.
    pub fn given(kind: SecretKind, typed: &str) -> Result<Secret, SecretError> {
        let text: String = typed.nfc().collect();
        let word = kind.word();
        if text.is_empty() {
            return Err(SecretError::Empty(word));
        }
        if text.chars().any(char::is_control) {
            return Err(SecretError::ControlCharacter(word));
        }
        let chars = text.chars().count();
        if chars > PASSWORD_MAX_CHARS {
            return Err(SecretError::TooLong(chars));
        }
        Ok(Secret { kind, text })
    }

    /// `typed` as a new secret of `kind`, under the rules for setting one: a password of
    /// [`PASSWORD_MIN_CHARS`] to [`PASSWORD_MAX_CHARS`] characters, not only spaces; a PIN of
    /// [`PIN_MIN_DIGITS`] to [`PIN_MAX_DIGITS`] digits.
    pub fn new_one(kind: SecretKind, typed: &str) -> Result<Secret, SecretError> {
        let secret = Secret::given(kind, typed)?;
        let chars = secret.text.chars().count();
        match kind {
            SecretKind::Password => {
                if secret.text.trim().is_empty() {
                    return Err(SecretError::OnlySpaces(kind.word()));
                }
                if chars < PASSWORD_MIN_CHARS {
                    return Err(SecretError::TooShort(chars));
                }
            }
            SecretKind::Pin => {
                let digits = secret.text.bytes().all(|b| b.is_ascii_digit());
                if !digits || !(PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&chars) {
                    return Err(SecretError::NotAPin);
                }
            }
        }
        Ok(secret)
    }

    /// Which kind it is.
    pub fn kind(&self) -> SecretKind {
        self.kind
    }

    /// The composed (NFC) text, for the store's key slots, which derive a key from it with
    /// the same Argon2id cost ([`argon2_cost`]). Never shown, logged or put in a message.
    pub(crate) fn composed_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// Its Argon2id hash with a fresh random salt, to store. Slow on purpose (see
    /// [`MEMORY_KIB`]): run it off the UI thread.
    pub fn hash(&self) -> Result<Hashed, SecretError> {
        let phc = hasher()
            .hash_password(self.text.as_bytes())
            .map_err(|e| SecretError::Hashing(self.kind.word(), e.to_string()))?;
        Ok(Hashed(phc.to_string()))
    }

    /// Whether this is the secret `stored` was made from. Slow on purpose: run it off the UI
    /// thread. A record that is not an Argon2id hash is refused as damaged, not as a mismatch.
    pub fn matches(&self, stored: &Hashed) -> Result<bool, SecretError> {
        let damaged = || SecretError::DamagedRecord(self.kind.word());
        let parsed = PasswordHash::new(&stored.0).map_err(|_| damaged())?;
        if parsed.algorithm.as_str() != "argon2id" {
            return Err(damaged());
        }
        // A record asking for more work than any this program writes would take the desk's
        // memory or minutes to check: an edited record, refused before any work.
        let params = Params::try_from(&parsed).map_err(|_| damaged())?;
        if params.m_cost() > MAX_MEMORY_KIB
            || params.t_cost() > MAX_PASSES
            || params.p_cost() > LANES
        {
            return Err(damaged());
        }
        match hasher().verify_password(self.text.as_bytes(), &parsed) {
            Ok(()) => Ok(true),
            Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
            Err(_) => Err(damaged()),
        }
    }
}

/// An Argon2id hash in its standard text form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), as
/// stored; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Hashed(String);

impl std::fmt::Debug for Hashed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hashed(***)")
    }
}

impl Hashed {
    /// A hash as the store read it back.
    pub fn stored(text: String) -> Hashed {
        Hashed(text)
    }

    /// The text to store.
    pub fn as_stored(&self) -> &str {
        &self.0
    }
}

/// Argon2id's memory (KiB), passes and lanes for passwords: what [`Secret::hash`] spends, and
/// what the store's key slots spend to derive a wrapping key from a password.
pub(crate) const fn argon2_cost() -> (u32, u32, u32) {
    (MEMORY_KIB, PASSES, LANES)
}

fn hasher() -> Argon2<'static> {
    // The constants are within Argon2's limits; were they not, the library's defaults would do.
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_checked_with_a_message_that_never_repeats_it() {
        use SecretKind::Password;
        assert_eq!(
            Secret::new_one(Password, ""),
            Err(SecretError::Empty("password"))
        );
        assert_eq!(
            Secret::new_one(Password, "          "),
            Err(SecretError::OnlySpaces("password"))
        );
        assert_eq!(
            Secret::new_one(Password, "short"),
            Err(SecretError::TooShort(5))
        );
        let long = "ü".repeat(PASSWORD_MAX_CHARS + 1);
        assert_eq!(
            Secret::new_one(Password, &long),
            Err(SecretError::TooLong(PASSWORD_MAX_CHARS + 1))
        );
        assert_eq!(
            Secret::new_one(Password, "correct\nhorse"),
            Err(SecretError::ControlCharacter("password"))
        );
        let typed = "Geheim-Passwort-42";
        for e in [
            Secret::new_one(Password, "short").unwrap_err(),
            Secret::new_one(Password, "correct\nhorse").unwrap_err(),
        ] {
            assert!(!e.to_string().contains("short") && !e.to_string().contains("horse"));
        }
        let secret = Secret::new_one(Password, typed).expect("a good password");
        assert!(!format!("{secret:?}").contains(typed));
    }

    #[test]
    fn a_pin_is_four_to_eight_digits() {
        use SecretKind::Pin;
        for ok in ["1234", "00000000", "907112"] {
            assert!(Secret::new_one(Pin, ok).is_ok(), "{ok}");
        }
        for bad in ["123", "123456789", "12a4", "١٢٣٤", "12 34", "+1234"] {
            assert_eq!(
                Secret::new_one(Pin, bad),
                Err(SecretError::NotAPin),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_hash_matches_its_secret_in_any_unicode_form_and_nothing_else() {
        // "Müller-Çelik" composed and decomposed.
        let composed = "M\u{fc}ller-\u{c7}elik 2026";
        let decomposed = "Mu\u{308}ller-C\u{327}elik 2026";
        let set = Secret::new_one(SecretKind::Password, composed).expect("password");
        let hashed = set.hash().expect("hash");
        assert!(
            hashed
                .as_stored()
                .starts_with("$argon2id$v=19$m=65536,t=6,p=1$")
        );
        assert!(!hashed.as_stored().contains("ller"));
        assert!(!format!("{hashed:?}").contains("argon2"));
        let typed = Secret::given(SecretKind::Password, decomposed).expect("typed");
        assert_eq!(typed.matches(&hashed), Ok(true));
        let wrong = Secret::given(SecretKind::Password, "Muller-Celik 2026").expect("typed");
        assert_eq!(wrong.matches(&hashed), Ok(false));
        // A second hash of the same secret has its own salt.
        assert_ne!(set.hash().expect("hash"), hashed);
    }

    #[test]
    fn a_damaged_record_is_said_to_be_damaged_not_a_wrong_password() {
        let typed = Secret::given(SecretKind::Pin, "1234").expect("typed");
        for stored in [
            "",
            "1234",
            "$argon2id$v=19$m=65536,t=3,p=1$garbage",
            "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA",
            // Well formed, but asking for 4 GiB of memory, a thousand passes, or 64 lanes.
            "$argon2id$v=19$m=4194304,t=6,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=65536,t=1000,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=65536,t=6,p=64$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        ] {
            assert_eq!(
                typed.matches(&Hashed::stored(stored.into())),
                Err(SecretError::DamagedRecord("PIN")),
                "{stored}"
            );
        }
    }
}
