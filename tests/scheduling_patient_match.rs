//! The patient-matching rule (`scheduling::patient_match`) on tables of hand-built cases:
//! phone normalisation, "does this record identify that stored patient?", and what registering
//! a new patient comes to. Each row of a table says what a command, a form or an imported row
//! gives, who is stored, and the verdict.

use chrono::NaiveDate;
use frontdesk::scheduling::PatientId;
use frontdesk::scheduling::model::Patient;
use frontdesk::scheduling::patient_match::*;
use uuid::Uuid;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn id(n: u128) -> PatientId {
    PatientId(Uuid::from_u128(n))
}

fn stored(n: u128, name: &str, phone: &str, birth: Option<&str>, external: &str) -> Patient {
    Patient {
        id: id(n),
        name: name.into(),
        phone: phone.into(),
        email: String::new(),
        birth_date: birth.map(date),
        external_id: external.into(),
    }
}

/// The verdict in a word, for tables.
fn verdict(found: &Identified) -> String {
    match found {
        Identified::Same { patient, .. } => format!("same {}", patient.id.0.as_u128()),
        Identified::Nobody { namesakes } => format!("nobody ({} namesakes)", namesakes.len()),
        Identified::Contradicts {
            stored,
            agrees,
            differs,
            ..
        } => {
            let join = |d: &[Detail]| d.iter().map(|d| d.label()).collect::<Vec<_>>().join("+");
            let mut text = format!("contradicts {} on {}", stored.id.0.as_u128(), join(differs));
            if !agrees.is_empty() {
                text.push_str(&format!(", agrees on {}", join(agrees)));
            }
            text
        }
        Identified::Ambiguous { candidates, .. } => format!("ambiguous {}", candidates.len()),
    }
}

#[test]
fn phones_compare_as_full_normalised_numbers_never_by_their_last_digits() {
    for (a, b, same) in [
        ("+91 98450 12345", "+919845012345", true),
        ("+91 98450 12345", "0091-98450-12345", true),
        ("+91 (984) 501.2345", "+91 98450 12345", true),
        ("098450 12345", "098450-12345", true),
        // A number without its country code is another spelling: not matched.
        ("+91 98450 12345", "98450 12345", false),
        ("+91 98450 12345", "098450 12345", false),
        // The defect: the last digits matched.
        ("+91 98450 12345", "12345", false),
        ("12345", "+91 98450 12345", false),
        ("555-0101", "555-0102", false),
        // A number never equals nothing.
        ("", "", false),
        ("+91 98450 12345", "", false),
        ("", "+91 98450 12345", false),
        ("+", "+", false),
    ] {
        assert_eq!(same_phone(a, b), same, "{a:?} vs {b:?}");
    }
    assert_eq!(phone_key("+1 (212) 555-0101"), "+12125550101");
    assert_eq!(phone_key("001 212 555 0101"), "+12125550101");
    assert_eq!(phone_key("0212 555 0101"), "02125550101");
    assert_eq!(phone_key("no digits"), "");
}

#[test]
fn names_compare_without_case_and_extra_spaces() {
    assert_eq!(name_key("  Asha   IYER "), "asha iyer");
    assert_eq!(name_key("ÉLODIE Durand"), "elodie durand");
    assert_ne!(name_key("Asha R. Iyer"), name_key("Asha Iyer"));
}

#[test]
fn names_compare_composed_and_without_the_accents_of_latin_and_greek_letters() {
    let nfc = "Jos\u{e9} P\u{e9}rez";
    let nfd = "Jose\u{301} Pe\u{301}rez";
    for (a, b, same) in [
        // The defect: the same name in two Unicode forms registered two patients.
        (nfc, nfd, true),
        (nfc, "JOSE PEREZ", true),
        (nfd, "jose perez", true),
        ("Nguy\u{1ec5}n V\u{103}n An", "Nguyen Van An", true),
        (
            "\u{391}\u{3bd}\u{3bd}\u{3ad}\u{3c4}\u{3b1}",
            "\u{3b1}\u{3bd}\u{3bd}\u{3b5}\u{3c4}\u{3b1}",
            true,
        ),
        ("Fran\u{e7}ois M\u{fc}ller", "francois muller", true),
        // Marks that make letters of other scripts tell names apart.
        (
            "\u{915}\u{941}\u{92e}\u{93e}\u{930}",
            "\u{915}\u{92e}\u{93e}\u{930}",
            false,
        ), // कुमार, कमार
        (
            "\u{915}\u{92e}\u{932}",
            "\u{915}\u{92e}\u{932}\u{93e}",
            false,
        ), // कमल, कमला
        (
            "\u{410}\u{43d}\u{434}\u{440}\u{435}\u{439}",
            "\u{410}\u{43d}\u{434}\u{440}\u{435}\u{438}",
            false,
        ), // Андрей, Андреи
        ("\u{6f22}\u{5b57}", "\u{6f22}\u{5b57}", true),
        ("Asha Iyer", "Asha Iyar", false),
    ] {
        assert_eq!(name_key(a) == name_key(b), same, "{a:?} vs {b:?}");
    }
    // A Devanagari name in either form is one name.
    let composed = "\u{915}\u{93c}\u{93e}\u{926}\u{93f}\u{930}"; // क़ादिर, nukta apart
    let decomposed: String = "\u{958}\u{93e}\u{926}\u{93f}\u{930}".into();
    assert_eq!(name_key(composed), name_key(&decomposed));
    // The email rule's first names are compared the same way.
    let mut jose = stored(1, nfd, "", None, "");
    jose.email = "jose@example.org".into();
    let claim = Claim {
        name: "jos\u{e9}",
        email: "JOSE@example.org",
        ..Claim::default()
    };
    assert_eq!(verdict(&identify(&claim, &[jose.clone()])), "same 1");
    // A stored name in the decomposed form, typed composed and without accents.
    let claim = Claim {
        name: "Jose Perez",
        ..Claim::default()
    };
    assert_eq!(verdict(&identify(&claim, &[jose])), "same 1");
}

#[test]
fn an_unknown_id_or_another_email_is_never_booked_to_a_bare_namesake() {
    let ravi_1980 = stored(1, "Ravi Kumar", "", Some("1980-01-01"), "MRN-1");
    let mut sita = stored(2, "Sita Devi", "", None, "");
    sita.email = "sita1@example.com".into();
    let all = vec![ravi_1980, sita];
    let other_db = Some(id(44));
    for (why, claim, want) in [
        (
            "the defect: another database's Ravi Kumar (unknown id, no detail) was booked to ours",
            Claim {
                id: other_db,
                name: "Ravi Kumar",
                ..Claim::default()
            },
            "nobody (1 namesakes)",
        ),
        (
            "an unknown id and another birth date",
            Claim {
                id: other_db,
                name: "Ravi Kumar",
                birth_date: Some(date("1990-02-02")),
                ..Claim::default()
            },
            "nobody (1 namesakes)",
        ),
        (
            "an unknown id still finds the patient by the external id",
            Claim {
                id: other_db,
                name: "Ravi Kumar",
                external_id: "MRN-1",
                ..Claim::default()
            },
            "same 1",
        ),
        (
            "the defect: another Sita Devi with her own address and id",
            Claim {
                id: other_db,
                name: "Sita Devi",
                email: "sita2@example.com",
                ..Claim::default()
            },
            "nobody (1 namesakes)",
        ),
        (
            "another address without an id",
            Claim {
                name: "Sita Devi",
                email: "sita2@example.com",
                ..Claim::default()
            },
            "nobody (1 namesakes)",
        ),
        (
            "her own address, any case",
            Claim {
                id: other_db,
                name: "Sita Devi",
                email: "SITA1@example.com",
                ..Claim::default()
            },
            "same 2",
        ),
        (
            "a bare name without an id still finds the one patient of that name",
            Claim {
                name: "sita devi",
                ..Claim::default()
            },
            "same 2",
        ),
    ] {
        assert_eq!(verdict(&identify(&claim, &all)), want, "{why}");
    }
}

#[test]
fn the_same_name_and_a_detail_with_another_detail_that_disagrees_is_refused_with_both_shown() {
    let meera = stored(
        1,
        "Meera Nair",
        "+91 90000 00001",
        Some("1975-05-05"),
        "MRN-1",
    );
    let all = vec![meera.clone()];
    let row = |phone: &'static str, birth: Option<&str>, external: &'static str| Claim {
        name: "Meera Nair",
        phone,
        birth_date: birth.map(date),
        external_id: external,
        ..Claim::default()
    };
    for (why, claim, want) in [
        (
            "the defect: the same name and phone, another MRN, registered a second Meera Nair",
            row("+91 90000 00001", None, "MRN-2"),
            "contradicts 1 on external id, agrees on phone",
        ),
        (
            "the same name and birth date, another phone",
            row("+91 90000 00009", Some("1975-05-05"), ""),
            "contradicts 1 on phone, agrees on date of birth",
        ),
        (
            "another birth date is always someone else (a son on his father's phone)",
            row("+91 90000 00001", Some("2001-01-01"), "MRN-2"),
            "nobody (1 namesakes)",
        ),
        (
            "another MRN and nothing that agrees is someone else",
            row("", None, "MRN-2"),
            "nobody (1 namesakes)",
        ),
        (
            "the same name and phone, nothing that disagrees",
            row("0091 90000 00001", None, ""),
            "same 1",
        ),
    ] {
        assert_eq!(verdict(&identify(&claim, &all)), want, "{why}");
    }
    let claim = row("+91 90000 00001", None, "MRN-2");
    let why = identify(&claim, &all).refusal(&claim).expect("refused");
    assert!(
        why.contains("Meera Nair, born 1975-05-05, phone +91 90000 00001, external id MRN-1")
            && why.contains("external id MRN-2")
            && why.contains("the same name and phone")
            && why.contains("the external id differs"),
        "{why}"
    );
    // Registering her as new is refused too, with both shown.
    let new = Patient {
        id: id(100),
        ..stored(100, "Meera Nair", "+91 90000 00001", None, "MRN-2")
    };
    assert!(matches!(
        registration(&new, &all),
        Registration::Refused(why) if why.contains("MRN-1") && why.contains("MRN-2")
    ));
    // Mixed with another namesake that fits: both listed.
    let twin = stored(2, "Meera Nair", "+91 90000 00001", None, "");
    let both = vec![meera, twin];
    assert_eq!(verdict(&identify(&claim, &both)), "ambiguous 2");
}

#[test]
fn a_source_that_registered_a_namesake_under_another_id_tells_them_apart() {
    // Two Ravi Kumars of another database, the same phone and no birth date: the file gave
    // them two ids; the first was registered from the file.
    let first = stored(1, "Ravi Kumar", "+91 90000 00001", None, "MRN-1");
    let all = vec![first];
    let from_file = |p: PatientId| p == id(1);
    let second = Claim {
        id: Some(id(2)),
        name: "Ravi Kumar",
        phone: "+91 90000 00001",
        ..Claim::default()
    };
    assert_eq!(verdict(&identify(&second, &all)), "same 1");
    assert_eq!(
        verdict(&identify_apart(&second, &all, &from_file)),
        "nobody (1 namesakes)"
    );
    // The external id still finds them, and the name is still checked against it.
    let by_mrn = Claim {
        external_id: "MRN-1",
        ..second
    };
    assert_eq!(
        verdict(&identify_apart(&by_mrn, &all, &from_file)),
        "same 1"
    );
    // Our id of the first is the first.
    let by_id = Claim {
        id: Some(id(1)),
        ..second
    };
    assert_eq!(verdict(&identify_apart(&by_id, &all, &from_file)), "same 1");
}

#[test]
fn a_name_and_phone_find_only_the_patient_with_that_full_number() {
    let asha_no_phone = stored(1, "Asha Iyer", "", None, "");
    let asha_phone = stored(2, "Asha Iyer", "+91 98450 12345", None, "");
    let ravi = stored(3, "Ravi Kumar", "+91 98450 12345", None, "");
    let cases: Vec<(&str, &str, &str, Vec<&Patient>, &str)> = vec![
        // what is typed: name, phone; who is stored; the verdict
        (
            "the defect: a patient without a phone is found by any phone",
            "Asha Iyer",
            "+91 55555 55555",
            vec![&asha_no_phone],
            "nobody (1 namesakes)",
        ),
        (
            "the defect: the last digits",
            "Asha Iyer",
            "12345",
            vec![&asha_phone],
            "nobody (1 namesakes)",
        ),
        (
            "the same full number, written otherwise",
            "asha  iyer",
            "0091 98450-12345",
            vec![&asha_no_phone, &asha_phone],
            "same 2",
        ),
        (
            "the phone alone is not enough: another name is someone else",
            "Asha Iyer",
            "+91 98450 12345",
            vec![&ravi],
            "nobody (0 namesakes)",
        ),
        (
            "a bare name finds the one patient of that name",
            "Asha Iyer",
            "",
            vec![&asha_phone, &ravi],
            "same 2",
        ),
        (
            "a bare name with two namesakes is ambiguous",
            "Asha Iyer",
            "",
            vec![&asha_no_phone, &asha_phone],
            "ambiguous 2",
        ),
        (
            "a namesake with another number is someone else",
            "Asha Iyer",
            "+91 11111 11111",
            vec![&asha_phone],
            "nobody (1 namesakes)",
        ),
        (
            "nobody of that name",
            "Meena Rao",
            "",
            vec![&asha_phone],
            "nobody (0 namesakes)",
        ),
    ];
    for (why, name, phone, candidates, want) in cases {
        let owned: Vec<Patient> = candidates.into_iter().cloned().collect();
        let claim = Claim {
            name,
            phone,
            ..Claim::default()
        };
        assert_eq!(verdict(&identify(&claim, &owned)), want, "{why}");
    }
}

#[test]
fn two_stored_patients_with_the_same_name_and_number_are_ambiguous_and_both_listed() {
    let twins = vec![
        stored(1, "Asha Iyer", "+91 98450 12345", None, ""),
        stored(2, "Asha Iyer", "+91 98450 12345", None, ""),
    ];
    let claim = Claim {
        name: "Asha Iyer",
        phone: "+91 98450 12345",
        ..Claim::default()
    };
    let found = identify(&claim, &twins);
    assert_eq!(verdict(&found), "ambiguous 2");
    let why = found.refusal(&claim).expect("refused");
    assert!(
        why.contains(&id(1).to_string()) && why.contains(&id(2).to_string()),
        "{why}"
    );
}

#[test]
fn an_id_that_belongs_to_someone_else_is_refused_with_both_identities() {
    let ravi = stored(
        3,
        "Ravi Kumar",
        "+91 90000 00000",
        Some("1970-01-02"),
        "MRN-7",
    );
    let all = vec![ravi.clone()];
    let row = |id: Option<PatientId>,
               external: &'static str,
               name: &'static str,
               birth: Option<&str>| { (id, external, name, birth.map(date)) };
    for (why, (pid, external, name, birth), want) in [
        (
            "the defect: an MRN of another person",
            row(None, "MRN-7", "Asha Iyer", Some("1980-05-17")),
            "contradicts 3 on name+date of birth",
        ),
        (
            "an MRN with another name only",
            row(None, "MRN-7", "Asha Iyer", None),
            "contradicts 3 on name",
        ),
        (
            "an MRN with another birth date only",
            row(None, "MRN-7", "Ravi Kumar", Some("1971-01-02")),
            "contradicts 3 on date of birth",
        ),
        (
            "our id with another name",
            row(Some(id(3)), "", "Asha Iyer", None),
            "contradicts 3 on name",
        ),
        (
            "our id with another MRN",
            row(Some(id(3)), "MRN-8", "Ravi Kumar", None),
            "contradicts 3 on external id",
        ),
        (
            "the MRN and the same person (case and spaces aside)",
            row(None, "MRN-7", "ravi  KUMAR", Some("1970-01-02")),
            "same 3",
        ),
        ("an MRN alone", row(None, " MRN-7 ", "", None), "same 3"),
        ("our id alone", row(Some(id(3)), "", "", None), "same 3"),
        (
            "an unknown MRN falls back to the name, and the MRNs disagree",
            row(None, "MRN-9", "Ravi Kumar", None),
            "nobody (1 namesakes)",
        ),
        (
            // Changed on purpose (issue 12, second review): this booked a row of another
            // database's Ravi Kumar to ours.
            "an unknown id of ours is never matched by the name alone",
            row(Some(id(77)), "", "Ravi Kumar", None),
            "nobody (1 namesakes)",
        ),
        (
            "an unknown id of ours, with the date of birth confirming",
            row(Some(id(77)), "", "Ravi Kumar", Some("1970-01-02")),
            "same 3",
        ),
    ] {
        let claim = Claim {
            id: pid,
            external_id: external,
            name,
            birth_date: birth,
            ..Claim::default()
        };
        let found = identify(&claim, &all);
        assert_eq!(verdict(&found), want, "{why}");
        if let Identified::Contradicts { .. } = found {
            let text = found.refusal(&claim).expect("refused");
            assert!(
                text.contains("Ravi Kumar") && text.contains("1970-01-02") && text.contains(name),
                "both identities: {text}"
            );
        }
    }
}

#[test]
fn two_stored_patients_with_one_external_id_are_ambiguous() {
    let all = vec![
        stored(1, "Asha Iyer", "", None, "MRN-1"),
        stored(2, "Asha Iyer", "", None, "MRN-1"),
    ];
    let claim = Claim {
        external_id: "MRN-1",
        ..Claim::default()
    };
    assert_eq!(verdict(&identify(&claim, &all)), "ambiguous 2");
}

#[test]
fn details_given_must_be_confirmed_and_none_may_disagree() {
    let mut with_birth = stored(1, "Asha Iyer", "", Some("1980-05-17"), "");
    with_birth.email = "asha@example.org".into();
    let all = vec![with_birth];
    for (why, phone, email, birth, want) in [
        (
            "the birth date confirms",
            "",
            "",
            Some("1980-05-17"),
            "same 1",
        ),
        (
            "the email confirms (any case)",
            "",
            "ASHA@example.org",
            None,
            "same 1",
        ),
        (
            "a phone the stored patient lacks does not confirm",
            "+91 98450 12345",
            "",
            None,
            "nobody (1 namesakes)",
        ),
        (
            "another birth date is someone else",
            "",
            "",
            Some("1990-05-17"),
            "nobody (1 namesakes)",
        ),
        (
            // Changed on purpose (issue 12, second review): another Sita Devi with her own
            // address was booked to the stored one.
            "another email, with nothing that agrees, is someone else",
            "",
            "other@example.org",
            None,
            "nobody (1 namesakes)",
        ),
        (
            "the birth date agrees and the email differs: may be either, refused",
            "",
            "other@example.org",
            Some("1980-05-17"),
            "contradicts 1 on email, agrees on date of birth",
        ),
        (
            "another email does not confirm a phone the stored patient lacks",
            "+91 98450 12345",
            "other@example.org",
            None,
            "nobody (1 namesakes)",
        ),
        (
            "a phone the stored lacks, with the birth date confirming",
            "+91 98450 12345",
            "",
            Some("1980-05-17"),
            "same 1",
        ),
    ] {
        let claim = Claim {
            name: "Asha Iyer",
            phone,
            email,
            birth_date: birth.map(date),
            ..Claim::default()
        };
        assert_eq!(verdict(&identify(&claim, &all)), want, "{why}");
    }
}

#[test]
fn an_email_finds_the_one_patient_with_it_whose_name_agrees() {
    let mut asha = stored(1, "Iyer, Asha", "+91 98450 12345", None, "");
    asha.email = "asha@example.com".into();
    let mut mother = stored(2, "Meena Iyer", "", None, "");
    mother.email = "family@example.com".into();
    let all = vec![asha, mother];
    for (why, name, email, phone, want) in [
        (
            "a calendar's first name and the address",
            "Asha",
            "ASHA@example.com",
            "",
            "same 1",
        ),
        ("the address alone", "", "asha@example.com", "", "same 1"),
        (
            "a child on the family's shared address is not the mother",
            "Ravi Iyer",
            "family@example.com",
            "",
            "nobody (0 namesakes)",
        ),
        (
            "the address with a phone that disagrees",
            "Asha",
            "asha@example.com",
            "+1 555 0100",
            "nobody (0 namesakes)",
        ),
        (
            "an unknown address",
            "Asha",
            "nobody@example.com",
            "",
            "nobody (0 namesakes)",
        ),
    ] {
        let claim = Claim {
            name,
            email,
            phone,
            ..Claim::default()
        };
        assert_eq!(verdict(&identify(&claim, &all)), want, "{why}");
    }
}

#[test]
fn registering_a_new_patient() {
    let asha = stored(1, "Asha Iyer", "+91 98450 12345", None, "");
    let bare = stored(2, "Zed Newman", "", None, "");
    let all = vec![asha.clone(), bare.clone()];
    let new = |name: &str, phone: &str| Patient {
        id: id(100),
        ..stored(100, name, phone, None, "")
    };
    // The name and phone identify a registered patient: book them, register nobody.
    assert_eq!(
        registration(&new("Asha Iyer", "0091 98450 12345"), &all),
        Registration::Existing(id(1))
    );
    // The defect: a namesake without a phone is not the new patient with a phone.
    assert!(matches!(
        registration(&new("Zed Newman", "+44 20 7946 0000"), &all),
        Registration::New { namesakes } if namesakes == vec![bare.clone()]
    ));
    // Another number: a new patient, the namesake listed to warn.
    assert!(matches!(
        registration(&new("Asha Iyer", "+91 11111 11111"), &all),
        Registration::New { namesakes } if namesakes.len() == 1
    ));
    // A bare name that a registered patient has: refused, the desk must choose.
    assert_eq!(
        registration(&new("zed newman", ""), &all),
        Registration::NameTaken(bare.clone())
    );
    assert!(matches!(
        registration(&new("Meena Rao", ""), &all),
        Registration::New { namesakes } if namesakes.is_empty()
    ));
    // Two registered patients fit: refused with both.
    let twins = vec![
        asha.clone(),
        Patient {
            id: id(5),
            ..asha.clone()
        },
    ];
    assert!(matches!(
        registration(&new("Asha Iyer", "+91 98450 12345"), &twins),
        Registration::Refused(why) if why.contains(&id(5).to_string())
    ));
}

#[test]
fn messages_escape_names_that_would_forge_terminal_lines() {
    let evil = stored(
        1,
        "Asha\n2026-11-24 09:00 \u{1b}[31mForged",
        "",
        None,
        "MRN-1",
    );
    let claim = Claim {
        external_id: "MRN-1",
        name: "Someone Else",
        ..Claim::default()
    };
    let text = identify(&claim, &[evil]).refusal(&claim).expect("refused");
    assert!(!text.contains('\n') && !text.contains('\u{1b}'), "{text}");
    assert!(text.contains("\\n") && text.contains("\\u{1b}"), "{text}");
}

#[test]
fn sharp_s_compares_as_ss() {
    assert_eq!(name_key("STRAUSS"), name_key("Strauß"));
    assert_eq!(name_key("STRAUẞ"), name_key("strauss"));
    assert_eq!(name_key("Weiß Groß"), "weiss gross");
    assert_ne!(name_key("Strauß"), name_key("Straus"));
}

/// `import patients` of a file it imported before: "Ana Li" with no details fits both the
/// Ana Li without a phone and the one with a phone, but only one is recorded exactly so.
#[test]
fn a_record_exactly_as_one_of_several_fitting_patients_is_already_registered() {
    let candidates = vec![
        stored(1, "Ana Li", "", None, ""),
        stored(2, "Ana Li", "+1 212 555 0100", None, ""),
    ];
    let bare = Claim {
        name: "ana  LI",
        ..Claim::default()
    };
    let found = identify(&bare, &candidates);
    assert_eq!(verdict(&found), "ambiguous 2");
    assert_eq!(already_registered(&bare, &found).map(|p| p.id), Some(id(1)));
    // Not when the record names its own id, nor when two are recorded exactly so.
    let with_id = Claim {
        id: Some(id(9)),
        ..bare
    };
    assert_eq!(
        already_registered(&with_id, &identify(&with_id, &candidates)),
        None
    );
    let twins = vec![
        stored(1, "Ana Li", "", None, ""),
        stored(3, "Ana Li", "", None, ""),
        stored(2, "Ana Li", "+1 212 555 0100", None, ""),
    ];
    assert_eq!(already_registered(&bare, &identify(&bare, &twins)), None);
    // A detail more or less is not "exactly": none for none.
    assert!(!recorded_as_claimed(&bare, &candidates[1]));
    assert!(recorded_as_claimed(&bare, &candidates[0]));
}

#[test]
fn likely_duplicates_are_the_same_phone_or_the_same_name_and_birth_date() {
    let registered = [
        stored(1, "Pooja Menon", "+91 90000 11111", None, ""),
        stored(2, "Pooja Menon", "+91 90000 22222", Some("1990-01-02"), ""),
        stored(3, "Ravi Kumar", "", Some("1990-01-02"), ""),
        stored(4, "पूजा मेनन", "98450 12345", None, ""),
    ];
    // (name, phone, birth date, the registered patients it is likely to be)
    let cases: [(&str, &str, Option<&str>, &[u128]); 10] = [
        // A half-typed name, no phone: nobody (a name alone is not a likely duplicate).
        ("Pooja Men", "", None, &[]),
        ("Pooja Menon", "", None, &[]),
        // The same phone, written another way, under another name (a family's phone too).
        ("Pooja Men", "0091 90000-11111", None, &[1]),
        ("Zzyzx", "+919000022222", None, &[2]),
        // The same number without its country code is another spelling: not matched.
        ("Zzyzx", "90000 11111", None, &[]),
        // The same name (another case, runs of spaces) and the same birth date.
        ("POOJA   menon", "", Some("1990-01-02"), &[2]),
        // Another birth date, or the same birth date under another name: nobody.
        ("Pooja Menon", "", Some("1990-01-03"), &[]),
        ("Zzyzx", "", Some("1990-01-02"), &[]),
        // Both at once are listed once each.
        (
            "Pooja Menon",
            "+91 90000 11111",
            Some("1990-01-02"),
            &[1, 2],
        ),
        // Another script, the same phone.
        ("पूजा", "98450-12345", None, &[4]),
    ];
    for (name, phone, birth, want) in cases {
        let new = Patient {
            id: id(99),
            ..stored(99, name, phone, birth, "")
        };
        let found: Vec<u128> = likely_duplicates(&new, &registered)
            .iter()
            .map(|p| p.id.0.as_u128())
            .collect();
        assert_eq!(found, want, "{name} {phone} {birth:?}");
        if !found.is_empty() {
            let question = duplicate_question(&new, &likely_duplicates(&new, &registered));
            assert!(question.starts_with("Already registered: "), "{question}");
        }
    }
    // The patient itself (same id) is not its own duplicate; repeats are listed once.
    let me = registered[0].clone();
    let twice = [me.clone(), me.clone()];
    assert!(likely_duplicates(&me, &twice).is_empty());
    let other = stored(7, "Someone", "+91 90000 11111", None, "");
    assert_eq!(likely_duplicates(&other, &twice).len(), 1);
}
