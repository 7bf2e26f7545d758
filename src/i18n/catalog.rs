//! The message files, parsed once into one Fluent bundle per language, and the lookup that
//! formats a message with its variables (falling back to English, never panicking).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use super::Language;
use super::numbers;

/// A variable's value in a message: text as it should read, or a number (whole numbers are
/// grouped for the language; plural forms are chosen by it).
pub type Value<'a> = fluent_bundle::FluentValue<'a>;

/// The message files of one area, English and Hindi, built into the program.
macro_rules! areas {
    ($($name:literal),+ $(,)?) => {
        &[$((
            $name,
            include_str!(concat!("../../i18n/en/", $name)),
            include_str!(concat!("../../i18n/hi/", $name)),
        )),+]
    };
}

/// Every message file, by area: (file name, English, Hindi). The files live in `i18n/en/` and
/// `i18n/hi/`; an area's message ids start with its name ("calendar-…" in `calendar.ftl`).
pub const FILES: &[(&str, &str, &str)] = areas![
    "accesslog.ftl",
    "app.ftl",
    "backend.ftl",
    "board.ftl",
    "booking.ftl",
    "calendar.ftl",
    "common.ftl",
    "core.ftl",
    "data.ftl",
    "dates.ftl",
    "daysheet.ftl",
    "desk.ftl",
    "details.ftl",
    "encryption.ftl",
    "export.ftl",
    "fields.ftl",
    "findslot.ftl",
    "help.ftl",
    "import.ftl",
    "kiosk.ftl",
    "live.ftl",
    "offer.ftl",
    "palette.ftl",
    "patients.ftl",
    "reminders.ftl",
    "reports.ftl",
    "series.ftl",
    "settings.ftl",
    "signin.ftl",
    "store.ftl",
    "tabs.ftl",
    "today.ftl",
    "undo.ftl",
    "waitlist.ftl",
    "walkin.ftl",
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Language::ALL.map(build));
    match language {
        Language::English => &bundles[0],
        Language::Hindi => &bundles[1],
    }
}

fn build(language: Language) -> Bundle {
    let id: LanguageIdentifier = language
        .code()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Names come isolated where they need it (crate::text::isolate); Fluent's own marks around
    // every variable would show as boxes in some fonts and break the width estimates.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match language {
        Language::English => numbers::format_english,
        Language::Hindi => numbers::format_hindi,
    }));
    for &(_, english, hindi) in FILES {
        let source = match language {
            Language::English => english,
            Language::Hindi => hindi,
        };
        // A file that does not parse keeps the messages that do (the test rejects the file);
        // a duplicate id keeps the first (the test rejects that too).
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` in `language`, or in English when that language lacks it, or the id itself
/// when no file has it (the test keeps that from shipping).
pub fn format(language: Language, id: &str, args: &[(&str, Value<'_>)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        fluent_args
    });
    for language in [language, Language::English] {
        let bundle = bundle(language);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            return text.into_owned();
        }
    }
    id.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_message_reads_as_its_id_and_never_panics() {
        assert_eq!(
            format(Language::Hindi, "no-such-message", &[]),
            "no-such-message"
        );
    }

    #[test]
    fn whole_numbers_are_grouped_for_the_language() {
        let args = [("failed", Value::from(1_234_567))];
        let english = format(Language::English, "tabs-reminders-failed", &args);
        let hindi = format(Language::Hindi, "tabs-reminders-failed", &args);
        assert_eq!(english, "Reminders (1,234,567 failed)");
        assert!(hindi.contains("12,34,567"), "{hindi}");
        // A message Hindi lacked would come out in English (none does: tests/i18n_messages).
        assert_eq!(format(Language::Hindi, "tabs-reminders", &[]), "रिमाइंडर");
    }
}
