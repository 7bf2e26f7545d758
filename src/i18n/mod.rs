//! The desk's language: every word of the window, and the messages of the store and the core,
//! come from Fluent message files (`i18n/LANG/*.ftl`, English and Hindi), looked up by id with
//! [`t!`](crate::t).
//!
//! One language is the desk's at a time ([`current`], [`set_current`]): the window sets it from
//! the desk's choice or the system's locale; the command line stays in English for the scripts
//! that read it. A message missing from a language falls back to English, and a test
//! (`tests/i18n_messages.rs`) fails when either file lacks a message the code uses or has one it
//! no longer uses.

mod catalog;
pub mod dates;
mod numbers;

use std::sync::atomic::{AtomicU8, Ordering};

pub use catalog::{FILES, Value};
pub use numbers::{group_digits, number};

/// A language the window and its messages are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English (the fallback for anything missing).
    #[default]
    English,
    /// Hindi (हिन्दी), in Devanagari, with the digits Indian software commonly uses (0–9) grouped
    /// the Indian way (12,34,567).
    Hindi,
}

impl Language {
    /// Every language, in the order the Settings page lists them.
    pub const ALL: [Language; 2] = [Language::English, Language::Hindi];

    /// The language's code (BCP 47), as the message files' folders and the desk's preferences
    /// name it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Hindi => "hi",
        }
    }

    /// The language's name in itself, as a picker shows it to someone who reads only that one.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Hindi => "हिन्दी",
        }
    }

    /// The language a locale or code names: `hi`, `hi-IN`, `hi_IN.UTF-8`, `en_GB@euro`, `EN`…
    /// `None` for a language Frontdesk is not written in (the caller falls back to English).
    pub fn from_locale(locale: &str) -> Option<Language> {
        let primary = locale
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.code() == primary)
    }

    /// The language of the system's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`…), or English when
    /// it is one Frontdesk is not written in.
    pub fn of_system() -> Language {
        sys_locale::get_locales()
            .find_map(|locale| Language::from_locale(&locale))
            .unwrap_or_default()
    }

    fn index(self) -> u8 {
        match self {
            Language::English => 0,
            Language::Hindi => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The desk's language now (English until the window sets another).
pub fn current() -> Language {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::Hindi,
        _ => Language::English,
    }
}

/// Makes `language` the desk's: every message formatted from now on is in it.
pub fn set_current(language: Language) {
    CURRENT.store(language.index(), Ordering::Relaxed);
}

/// The message `id` in the desk's language, with its variables; see [`t!`](crate::t).
pub fn text(id: &str, args: &[(&str, Value<'_>)]) -> String {
    catalog::format(current(), id, args)
}

/// The message `id` in `language` (a patient's reminder in the patient's language), whatever
/// the desk's is.
pub fn text_in(language: Language, id: &str, args: &[(&str, Value<'_>)]) -> String {
    catalog::format(language, id, args)
}

/// The message `id` in the desk's language: `t!("calendar-today")`, or with variables,
/// `t!("booking-booked", patient = name, minutes = 15)`. Text variables are given as they
/// should read (user data unchanged); whole numbers are grouped for the language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::Value::from($value))),+],
        )
    };
}

/// Like [`t!`](crate::t), in a language given first: `t_in!(language, "reminder-body", …)`.
#[macro_export]
macro_rules! t_in {
    ($language:expr, $id:literal) => {
        $crate::i18n::text_in($language, $id, &[])
    };
    ($language:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_in(
            $language,
            $id,
            &[$((stringify!($name), $crate::i18n::Value::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language_in_every_spelling() {
        for (locale, language) in [
            ("hi", Some(Language::Hindi)),
            ("hi-IN", Some(Language::Hindi)),
            ("hi_IN.UTF-8", Some(Language::Hindi)),
            ("HI_in", Some(Language::Hindi)),
            ("en", Some(Language::English)),
            ("en_GB@euro", Some(Language::English)),
            (" en-US ", Some(Language::English)),
            ("ta_IN", None),
            ("C", None),
            ("POSIX", None),
            ("", None),
            ("h", None),
            ("hin", None),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale:?}");
        }
    }

    #[test]
    fn every_language_reads_back_from_its_own_code() {
        for language in Language::ALL {
            assert_eq!(Language::from_locale(language.code()), Some(language));
        }
    }
}
