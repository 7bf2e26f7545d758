//! The entry rules (`scheduling::entry`) on tables: what each kind of field accepts and refuses,
//! in every script, with the message naming the position and never repeating the text; and the
//! escaping of stored text for a terminal.

use frontdesk::scheduling::entry::*;

#[test]
fn names_in_every_script_are_accepted_and_tidied() {
    for (typed, kept) in [
        ("  Asha   Iyer ", "Asha Iyer"),
        ("Élodie Durand-Léger", "Élodie Durand-Léger"),
        ("Ирина Петрова", "Ирина Петрова"),
        ("Γιώργος Παπαδόπουλος", "Γιώργος Παπαδόπουλος"),
        ("अनन्या शर्मा", "अनन्या शर्मा"),
        ("முத்துலட்சுமி", "முத்துலட்சுமி"),
        ("محمد عبد الله", "محمد عبد الله"),
        ("שרה כהן", "שרה כהן"),
        ("王小明", "王小明"),
        // U+3000 between a Japanese family and given name is the writer's, kept.
        ("山田\u{3000}太郎", "山田\u{3000}太郎"),
        // Persian needs the zero-width non-joiner inside a word; emoji need the joiner.
        ("فاطمه\u{200c}زاده", "فاطمه\u{200c}زاده"),
        ("Sam 👩\u{200d}⚕️", "Sam 👩\u{200d}⚕️"),
        // Vietnamese: stacked accents (decomposed) are fine, and stored composed (NFC) so
        // that either form is one name (changed on purpose, issue 12 second review).
        ("Nguye\u{302}\u{303}n", "Nguy\u{1ec5}n"),
        ("Jose\u{301} Pe\u{301}rez", "Jos\u{e9} P\u{e9}rez"),
        (
            "\u{915}\u{93c}\u{93e}\u{926}\u{93f}\u{930}",
            "\u{915}\u{93c}\u{93e}\u{926}\u{93f}\u{930}",
        ),
        ("O'Brien, Jr.", "O'Brien, Jr."),
    ] {
        assert_eq!(person_name(typed).as_deref(), Ok(kept), "{typed:?}");
    }
}

#[test]
fn names_that_forge_lines_colours_or_order_are_refused_with_the_position() {
    for (typed, at, code, what) in [
        ("Asha\nIyer", 5, 0x0a, "a line break"),
        ("Asha\rIyer", 5, 0x0d, "a line break"),
        ("Asha\u{2028}Iyer", 5, 0x2028, "a line break"),
        ("Asha\tIyer", 5, 0x09, "a tab"),
        ("\u{1b}[31mRed", 1, 0x1b, "a control character"),
        ("Asha\u{7f}", 5, 0x7f, "a control character"),
        ("Asha\u{9b}31m", 5, 0x9b, "a control character"),
        ("Asha\u{0}", 5, 0, "a control character"),
        (
            "Asha \u{202e}reyI",
            6,
            0x202e,
            "an invisible direction control",
        ),
        ("\u{2066}Asha", 1, 0x2066, "an invisible direction control"),
        ("Asha\u{200f}", 5, 0x200f, "an invisible direction mark"),
        ("As\u{200b}ha", 3, 0x200b, "an invisible character"),
        ("\u{feff}Asha", 1, 0xfeff, "an invisible character"),
        ("Asha\u{ad}", 5, 0xad, "an invisible character"),
        ("\u{3164}", 1, 0x3164, "an invisible character"),
        ("Asha\u{e0041}", 5, 0xe0041, "an invisible character"),
        ("\u{200d}Asha", 1, 0x200d, "a zero-width joiner"),
        ("Asha \u{200c}", 6, 0x200c, "a zero-width joiner"),
    ] {
        match person_name(typed) {
            Err(EntryError::Character {
                at: got_at,
                code: got_code,
                what: got_what,
                ..
            }) => {
                assert_eq!((got_at, got_code, got_what), (at, code, what), "{typed:?}");
            }
            other => panic!("{typed:?} gave {other:?}"),
        }
        let message = person_name(typed).unwrap_err().to_string();
        assert!(
            !message.contains("Asha") && !message.contains('\n') && !message.contains('\u{1b}'),
            "the message never repeats the text: {message}"
        );
    }
}

#[test]
fn absurd_names_are_refused_without_copying_them() {
    let huge = "a".repeat(10 * 1024 * 1024);
    let message = person_name(&huge).unwrap_err().to_string();
    assert!(message.contains("10485760 characters"), "{message}");
    assert!(message.len() < 200, "{message}");
    assert!(person_name(&"a".repeat(MAX_NAME_CHARS)).is_ok());
    assert!(matches!(
        person_name(&"a".repeat(MAX_NAME_CHARS + 1)),
        Err(EntryError::TooLong { .. })
    ));
    assert!(matches!(person_name("   "), Err(EntryError::Empty { .. })));
    assert!(matches!(
        person_name(&format!("Z{}", "\u{301}".repeat(5))),
        Err(EntryError::StackedMarks { at: 6, .. })
    ));
    assert!(setup_name(&"r".repeat(MAX_SETUP_NAME_CHARS + 1)).is_err());
    assert_eq!(
        setup_name("  Dr.  Anjali  Rao "),
        Ok("Dr. Anjali Rao".into())
    );
}

#[test]
fn phones() {
    for ok in [
        "",
        "+91 98450 12345",
        "(212) 555-0101",
        "0091/98450.12345",
        "112",
    ] {
        assert_eq!(phone(ok).as_deref(), Ok(ok), "{ok:?}");
    }
    assert_eq!(phone(" 555 0101 ").as_deref(), Ok("555 0101"));
    for (bad, want) in [
        ("98450 12345 ext 2", "the phone holds \"e\" at character 13"),
        ("98450+12345", "a + at character 6"),
        ("12", "has 2 digits"),
        ("123456789012345678", "has 18 digits"),
        ("+91\n98450", "a line break (U+000A) at character 4"),
        ("\u{1b}[2J", "a control character (U+001B) at character 1"),
        ("٩٨٤٥٠١٢٣٤٥", "the phone holds \"٩\" at character 1"),
    ] {
        let message = phone(bad).unwrap_err().to_string();
        assert!(message.contains(want), "{bad:?}: {message}");
    }
    assert!(matches!(
        phone(&"1".repeat(1_000_000)),
        Err(EntryError::TooLong { .. })
    ));
}

#[test]
fn emails_external_ids_and_free_text() {
    assert_eq!(email(" Asha@Example.org "), Ok("Asha@Example.org".into()));
    assert_eq!(email(""), Ok(String::new()));
    for bad in [
        "asha",
        "@example.org",
        "asha@",
        "a sha@example.org",
        "a\n@b",
    ] {
        assert!(email(bad).is_err(), "{bad:?}");
    }
    assert!(email(&format!("{}@x.org", "a".repeat(300))).is_err());
    assert_eq!(external_id(" MRN 0042 "), Ok("MRN 0042".into()));
    assert!(external_id("MRN\u{202e}24").is_err());
    assert!(external_id(&"9".repeat(65)).is_err());
    // Free text keeps line breaks, tabs and direction marks, refuses the rest.
    let note = "Fever\n\tsince Monday\r\nשלום\u{200f} OK";
    assert_eq!(free_text("the notes", note).as_deref(), Ok(note));
    for (bad, what) in [
        ("x\u{1b}[31m", "a control character"),
        ("x\u{202e}y", "an invisible direction control"),
        ("x\u{2029}y", "an unusual line break"),
        ("x\u{200b}y", "an invisible character"),
    ] {
        let message = free_text("the reason", bad).unwrap_err().to_string();
        assert!(
            message.starts_with("the reason holds") && message.contains(what),
            "{message}"
        );
    }
    assert!(free_text("the notes", &"n".repeat(MAX_FREE_TEXT_CHARS + 1)).is_err());
}

#[test]
fn stored_text_is_escaped_for_a_terminal() {
    for (stored, on_terminal) in [
        ("Asha Iyer", "Asha Iyer"),
        ("अनन्या शर्मा", "अनन्या शर्मा"),
        ("Asha\n09:00  Forged line", "Asha\\n09:00  Forged line"),
        ("\u{1b}[31mRed\u{1b}[0m", "\\u{1b}[31mRed\\u{1b}[0m"),
        ("Over\rwrite", "Over\\rwrite"),
        ("tab\there", "tab\\there"),
        ("abc\u{202e}fed", "abc\\u{202e}fed"),
        ("x\u{200b}y", "x\\u{200b}y"),
        ("x\u{9b}y", "x\\u{9b}y"),
        ("فاطمه\u{200c}زاده", "فاطمه\u{200c}زاده"),
    ] {
        assert_eq!(shown(stored), on_terminal, "{stored:?}");
    }
    assert_eq!(shown_lines("one\ntwo\u{1b}"), "one\ntwo\\u{1b}");
}

#[test]
fn typed_text_and_paths_are_quoted_short_and_escaped_by_one_function() {
    use frontdesk::scheduling::entry::{ECHO_CHARS, ECHO_PATH_CHARS, echo, echo_path};
    assert_eq!(echo("Dr. Rao"), "Dr. Rao");
    assert_eq!(echo(&"x".repeat(ECHO_CHARS)), "x".repeat(ECHO_CHARS));
    assert_eq!(
        echo(&"x".repeat(10 * 1024 * 1024)),
        format!("{}…", "x".repeat(ECHO_CHARS))
    );
    // Escaped as stored text is (`shown`): line breaks, escape codes, direction controls.
    assert_eq!(echo("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
    assert_eq!(echo("\u{202e}evil"), "\\u{202e}evil");
    // Cut at a character, never inside one; every script.
    let tamil = "முத்துலட்சுமி".repeat(10);
    assert!(echo(&tamil).ends_with('…'));
    assert_eq!(echo(&"👩‍⚕️".repeat(30)).chars().count(), ECHO_CHARS + 1);
    // The time readers quote through the same function.
    assert_eq!(
        frontdesk::scheduling::time::echo("a\u{202e}b"),
        echo("a\u{202e}b")
    );
    let path = std::path::Path::new("/tmp/x\u{1b}[31mX\nFAKE");
    assert_eq!(echo_path(path), "/tmp/x\\u{1b}[31mX\\nFAKE");
    let long = format!("/home/{}/visits.csv", "d".repeat(10_000));
    let shown = echo_path(std::path::Path::new(&long));
    assert_eq!(shown.chars().count(), ECHO_PATH_CHARS);
    assert!(
        shown.starts_with('…') && shown.ends_with("/visits.csv"),
        "{shown}"
    );
}

/// Issue 12, third review: names made only of characters a screen does not show (the
/// combining grapheme joiner, variation selectors, a lone accent) were accepted, so the
/// history said "created by " and nothing, and a patient could be registered with no
/// visible name.
#[test]
fn a_name_needs_a_letter_and_a_mark_needs_a_letter_before_it() {
    for (typed, at, code, what) in [
        ("\u{34f}", 1, 0x34f, "an invisible character"),
        ("As\u{34f}ha", 3, 0x34f, "an invisible character"),
        ("\u{fe0f}", 1, 0xfe0f, "a variation selector"),
        ("\u{fe00}Asha", 1, 0xfe00, "a variation selector"),
        ("\u{e0100}", 1, 0xe0100, "a variation selector"),
        ("Asha \u{e01ef}", 6, 0xe01ef, "a variation selector"),
        ("\u{301}", 1, 0x301, "a combining mark"),
        ("\u{301}Asha", 1, 0x301, "a combining mark"),
        ("Asha \u{301}Iyer", 6, 0x301, "a combining mark"),
        ("\u{94d}", 1, 0x94d, "a combining mark"),
        ("\u{20dd}", 1, 0x20dd, "a combining mark"),
    ] {
        for refused in [person_name(typed), setup_name(typed)] {
            match refused {
                Err(EntryError::Character {
                    at: got_at,
                    code: got_code,
                    what: got_what,
                    ..
                }) => assert_eq!((got_at, got_code, got_what), (at, code, what), "{typed:?}"),
                other => panic!("{typed:?} gave {other:?}"),
            }
        }
        assert!(
            name_as_given(typed, "the name at the desk", 100).is_err(),
            "{typed:?}"
        );
        // Other fields refuse a mark with nothing to sit on too.
        assert!(free_text("the notes", typed).is_err(), "{typed:?}");
        assert!(external_id(typed).is_err(), "{typed:?}");
    }
    assert!(free_text("the notes", "Fever\n\u{301}").is_err());
    for typed in ["!!!", "👩\u{200d}⚕\u{fe0f}", "❤\u{fe0f}", "-", "☺ ☺"] {
        let refused = person_name(typed);
        assert!(refused.is_err(), "{typed:?} gave {refused:?}");
        assert!(setup_name(typed).is_err(), "{typed:?}");
        assert!(
            name_as_given(typed, "the name at the desk", 100).is_err(),
            "{typed:?}"
        );
    }
    assert_eq!(
        person_name("!!!").unwrap_err().to_string(),
        "the name has no letter or digit: type the name with at least one letter (any script) or digit"
    );
    // A letter or digit of any script is enough, and marks after a letter stay welcome.
    for typed in [
        "Sam 👩\u{200d}⚕\u{fe0f}",
        "Asha ❤\u{fe0f}",
        "7",
        "٣",
        "王",
        "Jose\u{301}",
        "\u{915}\u{94d}\u{200d}\u{937}",
        // Bengali ya-phala: a joiner, then the virama.
        "\u{9b0}\u{200d}\u{9cd}\u{9af}",
        // Sinhala "Sri": virama, joiner, ra, vowel sign.
        "\u{dc1}\u{dca}\u{200d}\u{dbb}\u{dd3}",
        "葛\u{e0100}飾",
    ] {
        assert!(
            person_name(typed).is_ok(),
            "{typed:?}: {:?}",
            person_name(typed)
        );
        assert!(
            name_as_given(typed, "the name at the desk", 100).is_ok(),
            "{typed:?}"
        );
    }
    // A setup name may be left empty (the setup rules say when one is required).
    assert_eq!(setup_name("  "), Ok(String::new()));
}

#[test]
fn a_mark_or_joiner_standing_alone_is_escaped_when_shown() {
    for (stored, on_terminal) in [
        ("\u{34f}", "\\u{34f}"),
        ("\u{fe0f}", "\\u{fe0f}"),
        ("\u{e0100}", "\\u{e0100}"),
        ("\u{301}Asha", "\\u{301}Asha"),
        ("Asha \u{301}", "Asha \\u{301}"),
        // After an escape, an accent would be drawn on the escape's brace.
        ("\u{1b}\u{301}", "\\u{1b}\\u{301}"),
        ("\u{200d}x", "\\u{200d}x"),
        ("x\u{200d}", "x\\u{200d}"),
        ("x \u{200c}y", "x \\u{200c}y"),
        // Where they belong, they stay.
        ("Jose\u{301}", "Jose\u{301}"),
        ("Sam 👩\u{200d}⚕\u{fe0f}", "Sam 👩\u{200d}⚕\u{fe0f}"),
        ("葛\u{e0100}飾", "葛\u{e0100}飾"),
        (
            "\u{9b0}\u{200d}\u{9cd}\u{9af}",
            "\u{9b0}\u{200d}\u{9cd}\u{9af}",
        ),
    ] {
        assert_eq!(shown(stored), on_terminal, "{stored:?}");
    }
    assert_eq!(shown_lines("one\n\u{301}two"), "one\n\\u{301}two");
    assert_eq!(echo("\u{fe0f}"), "\\u{fe0f}");
}
