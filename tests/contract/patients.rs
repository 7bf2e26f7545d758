//! Patients in the store, through the `Store` trait: a "new" patient whose name and phone
//! identify a registered one books that one (single bookings and series), a bare name that is
//! taken is refused, a namesake without a phone is not the patient with a phone; imports match
//! by the same rule and refuse an id that belongs to someone else; text that breaks the entry
//! rules (patients, reasons, settings names, waitlist notes) is refused and nothing is written.

use crate::common::{Clinic1, TestBackend, utc};
use chrono::{NaiveDate, Weekday};
use frontdesk::import::{self, ImportOptions};
use frontdesk::scheduling::patient_match::{Claim, Identified};
use frontdesk::scheduling::waitlist::{Preferred, WaitlistEntryId, WaitlistRequest};
use frontdesk::scheduling::*;
use frontdesk::store::{SeriesRequest, Store, StoreError};

/// 09:00 in Kolkata, Monday 2026-11-23.
const NOW: &str = "2026-11-23T03:30:00Z";

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata)
}

fn new_patient(name: &str, phone: &str) -> Patient {
    Patient {
        id: PatientId(uuid::Uuid::new_v4()),
        name: name.into(),
        phone: phone.into(),
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    }
}

/// How many records of a kind (a check label), through the store's check.
fn count<B: TestBackend>(c: &Clinic1<B>, label: &str) -> i64 {
    crate::common::count_of(&c.store, label)
}

/// (patients, appointments, audit events).
fn counts<B: TestBackend>(c: &Clinic1<B>) -> (i64, i64, i64) {
    (
        count(c, "patients"),
        count(c, "appointments"),
        count(c, "audit events"),
    )
}

pub fn a_new_patient_whose_name_and_phone_are_registered_books_that_patient<B: TestBackend>() {
    let mut c = clinic::<B>();
    let patients = count(&c, "patients");
    // Asha Iyer is registered with +91 98450 12345; the desk typed her as new.
    let typed = new_patient("asha  IYER", "0091 98450-12345");
    let mut request = c.request(c.rao, None, typed.id, "2026-11-24 10:00");
    request.new_patient = Some(typed);
    let outcome = c.store.book(&request, "maria", utc(NOW)).expect("book");
    assert_eq!(outcome.appointment.patient, c.asha);
    assert_eq!(count(&c, "patients"), patients);
    // The same for a series.
    let typed = new_patient("Asha Iyer", "+91 98450 12345");
    let mut booking = c.request(c.rao, None, typed.id, "2026-11-25 10:00");
    booking.new_patient = Some(typed);
    let series = c
        .store
        .book_series(
            &SeriesRequest {
                booking,
                rule: SeriesRule {
                    frequency: Frequency::Weekly,
                    interval: 1,
                    weekdays: vec![Weekday::Wed],
                    end: SeriesEnd::Count(2),
                },
                on_conflict: OnConflict::Refuse,
            },
            "maria",
            utc(NOW),
        )
        .expect("series");
    assert!(
        series
            .booked
            .iter()
            .all(|(_, b)| b.appointment.patient == c.asha)
    );
    assert_eq!(count(&c, "patients"), patients);
}

pub fn a_namesake_without_a_phone_is_not_the_new_patient_with_one_and_a_bare_taken_name_is_refused<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let bare = new_patient("Zed Newman", "");
    c.store.add_patient(&bare).expect("bare");
    let before = counts(&c);
    // A bare name that is taken: refused, nothing written.
    let typed = new_patient("Zed Newman", "");
    let mut request = c.request(c.rao, None, typed.id, "2026-11-24 10:00");
    request.new_patient = Some(typed);
    let e = c
        .store
        .book(&request, "maria", utc(NOW))
        .expect_err("taken");
    assert!(
        e.to_string()
            .contains("a patient with this name is already registered (Zed Newman, no phone"),
        "{e}"
    );
    assert_eq!(counts(&c), before);
    // With a phone: a new patient, who keeps the number.
    let typed = new_patient("Zed Newman", "+44 20 7946 0000");
    let mut request = c.request(c.rao, None, typed.id, "2026-11-24 10:00");
    request.new_patient = Some(typed.clone());
    let outcome = c.store.book(&request, "maria", utc(NOW)).expect("book");
    assert_eq!(outcome.appointment.patient, typed.id);
    assert_ne!(outcome.appointment.patient, bare.id);
    let found = c.store.search_patients("Zed", 10).expect("search");
    assert!(found.iter().any(|p| p.phone == "+44 20 7946 0000"));
    // Two registered patients fit: refused with both.
    c.store
        .add_patient(&new_patient("Zed Newman", "+44 20 7946 0000"))
        .expect("twin");
    let before = counts(&c);
    let typed = new_patient("Zed Newman", "+442079460000");
    let mut request = c.request(c.rao, None, typed.id, "2026-11-24 11:00");
    request.new_patient = Some(typed);
    let e = c
        .store
        .book(&request, "maria", utc(NOW))
        .expect_err("ambiguous");
    assert!(e.to_string().contains("2 registered patients fit"), "{e}");
    assert_eq!(counts(&c), before);
}

pub fn the_store_identifies_patients_by_the_core_rule<B: TestBackend>() {
    let c = clinic::<B>();
    let find = |name: &str, phone: &str| {
        c.store
            .identify_patient(&Claim {
                name,
                phone,
                ..Claim::default()
            })
            .expect("identify")
    };
    assert!(
        matches!(find("Asha Iyer", "+91 98450 12345"), Identified::Same { patient, .. } if patient.id == c.asha)
    );
    assert!(
        matches!(find("Asha   Iyer", ""), Identified::Same { patient, .. } if patient.id == c.asha)
    );
    assert!(
        matches!(find("Asha Iyer", "12345"), Identified::Nobody { namesakes } if namesakes.len() == 1)
    );
    assert!(matches!(find("Nobody", ""), Identified::Nobody { namesakes } if namesakes.is_empty()));
    let by_id = c
        .store
        .identify_patient(&Claim {
            id: Some(c.ravi),
            name: "Someone Else",
            ..Claim::default()
        })
        .expect("identify");
    assert!(matches!(by_id, Identified::Contradicts { .. }), "{by_id:?}");
}

fn options<B: TestBackend>(c: &Clinic1<B>) -> ImportOptions {
    ImportOptions {
        clinic: c.clinic,
        dry_run: false,
        overbook: None,
        source: "file.csv".into(),
        default_doctor: None,
    }
}

pub fn an_import_row_whose_ids_belong_to_someone_else_is_refused_and_nothing_is_written<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let mrn = Patient {
        external_id: "MRN-7".into(),
        birth_date: NaiveDate::from_ymd_opt(1970, 1, 2),
        ..new_patient("Ravi Sharma", "+91 90000 00000")
    };
    c.store.add_patient(&mrn).expect("mrn");
    let before = counts(&c);
    // `import patients`: the defect counted this row "already there".
    let text = "name,phone,birth_date,external_id\nAsha Other,+91 11111 11111,1980-05-17,MRN-7\n";
    let parsed = import::patients::parse_csv(text).expect("parse");
    let report = c
        .store
        .import_patients(&parsed, &options(&c), &mut |_| {})
        .expect("report");
    assert_eq!(report.already_present, 0);
    assert_eq!(report.bad.len(), 1, "{report:?}");
    let why = &report.bad[0].reason;
    assert!(
        why.contains("the external id MRN-7 belongs to Ravi Sharma, born 1970-01-02")
            && why.contains("\"Asha Other\", born 1980-05-17")
            && why.contains("the name and date of birth differ"),
        "{why}"
    );
    // `import appointments`: the defect booked it to Ravi.
    let text = "start_local,minutes,doctor,patient,patient_external_id\n\
         2026-11-24 10:00,15,Dr. Anjali Rao,Asha Other,MRN-7\n\
         2026-11-24 11:00,15,Dr. Anjali Rao,Someone,\n\
         2026-11-24 12:00,15,Dr. Anjali Rao,Someone Else,\n";
    let mut parsed = import::appointments::parse_csv(text).expect("parse");
    // Our own id of Ravi Kumar with another name.
    parsed.rows[1].1.patient.id = Some(c.ravi);
    // Our own id that is not stored, with a name that breaks the entry rules: registering
    // them is refused.
    parsed.rows[2].1.patient.id = Some(PatientId(uuid::Uuid::new_v4()));
    parsed.rows[2].1.patient.name = "Line\nBreak".into();
    let report = c
        .store
        .import_appointments(&parsed, &options(&c), "maria", utc(NOW), &mut |_| {})
        .expect("report");
    let reasons: Vec<String> = report.bad.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert!(reasons[0].starts_with("line 2: the external id MRN-7 belongs to Ravi Sharma"));
    assert!(reasons[1].starts_with(&format!(
        "line 3: the patient id {} belongs to Ravi Kumar",
        c.ravi
    )));
    assert!(
        reasons[2].contains("the name holds a line break (U+000A) at character 5"),
        "{}",
        reasons[2]
    );
    assert!(!report.committed);
    assert_eq!(counts(&c), before);
}

pub fn text_that_breaks_the_entry_rules_is_refused_everywhere_and_nothing_is_written<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let before = counts(&c);
    for bad in [
        new_patient("Evil\u{1b}[31m", ""),
        new_patient("Two\nLines", ""),
        new_patient("Fine Name", "=2+3"),
        new_patient(&"n".repeat(10 * 1024 * 1024), ""),
        Patient {
            email: "not an email".into(),
            ..new_patient("Fine Name", "")
        },
    ] {
        let e = c.store.add_patient(&bad).expect_err("refused");
        assert!(e.to_string().starts_with("the patient: "), "{e}");
        assert!(e.to_string().len() < 300);
        let mut request = c.request(c.rao, None, bad.id, "2026-11-24 10:00");
        request.new_patient = Some(bad);
        assert!(matches!(
            c.store.book(&request, "maria", utc(NOW)),
            Err(StoreError::Invalid(_))
        ));
    }
    for reason in ["x\u{1b}[2J", "x\u{202e}y", &"r".repeat(10_001)] {
        let mut request = c.request(c.rao, None, c.asha, "2026-11-24 10:00");
        request.reason = reason.into();
        let e = c
            .store
            .book(&request, "maria", utc(NOW))
            .expect_err("refused");
        assert!(e.to_string().starts_with("the reason "), "{e}");
    }
    assert_eq!(counts(&c), before);
    // Editing an appointment and cancelling one take the same rules.
    let booked = c.book_ok(c.rao, None, c.asha, "2026-11-24 10:00", utc(NOW));
    let before = counts(&c);
    let e = c
        .store
        .edit(
            booked.id,
            &frontdesk::store::Edit {
                reason: "ok".into(),
                notes: "x\u{1b}]0;pwned\u{7}".into(),
                mode: Mode::InClinic,
                meeting_link: String::new(),
            },
            "maria",
            utc(NOW),
        )
        .expect_err("refused");
    assert!(
        e.to_string()
            .starts_with("the notes holds a control character"),
        "{e}"
    );
    let e = c
        .store
        .change_status(
            booked.id,
            &StatusAction::Cancel {
                reason: "gone\u{202e}".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            utc(NOW),
        )
        .expect_err("refused");
    assert!(e.to_string().contains("invisible direction control"), "{e}");
    assert_eq!(counts(&c), before);
    // Settings: names of doctors and staff.
    let e = c
        .store
        .save_doctor(
            &Doctor {
                id: DoctorId(uuid::Uuid::new_v4()),
                name: "Dr. \u{202e}oaR".into(),
                specialty: String::new(),
                colour: "#3b82f6".into(),
                active: true,
            },
            "maria",
            utc(NOW),
        )
        .expect_err("refused");
    assert!(
        e.to_string()
            .contains("invisible direction control (U+202E)"),
        "{e}"
    );
    let e = c
        .store
        .save_staff(
            &StaffMember {
                id: StaffId(uuid::Uuid::new_v4()),
                name: "Farah\nAdmin".into(),
                role: StaffRole::Receptionist,
                active: true,
            },
            "maria",
            utc(NOW),
        )
        .expect_err("refused");
    assert!(e.to_string().contains("a line break"), "{e}");
    // The waitlist's notes.
    let e = c
        .store
        .add_to_waitlist(
            WaitlistEntryId(uuid::Uuid::new_v4()),
            &WaitlistRequest {
                clinic: c.clinic,
                patient: c.asha,
                doctor: Some(c.rao),
                visit_type: None,
                minutes: 15,
                preferred: Preferred::ANY,
                holds: None,
                notes: "call \u{1b}[5m".into(),
                priority: 0,
            },
            "maria",
            utc(NOW),
        )
        .expect_err("refused");
    assert!(
        e.to_string()
            .contains("the notes holds a control character"),
        "{e}"
    );
    assert_eq!(count(&c, "waitlist entries"), 0);
}

pub fn imported_free_text_meets_the_entry_rules_whichever_reader_made_the_row<B: TestBackend>() {
    let mut c = clinic::<B>();
    let before = counts(&c);
    // As the iCalendar reader would hand it over: a DESCRIPTION with an escape code.
    let text = "start_local,minutes,doctor,patient\n2026-11-24 10:00,15,Dr. Anjali Rao,Asha Iyer\n";
    let mut parsed = import::appointments::parse_csv(text).expect("parse");
    parsed.rows[0].1.reason = "fever \u{1b}[2J".into();
    parsed.rows[0].1.notes = "x\u{202e}y".into();
    let report = c
        .store
        .import_appointments(&parsed, &options(&c), "maria", utc(NOW), &mut |_| {})
        .expect("report");
    assert_eq!(report.bad.len(), 1, "{report:?}");
    let why = &report.bad[0].reason;
    assert!(
        why.contains("the reason holds a control character (U+001B) at character 7")
            && why.contains("the notes holds an invisible direction control (U+202E)"),
        "{why}"
    );
    assert_eq!(counts(&c), before);
}

/// A booking (one, or a series) whose new patient is not the patient it books is refused with
/// the reason, and nobody is registered or booked: the rule is the core's, one path for both.
pub fn a_new_patient_who_is_not_the_booked_patient_is_refused_for_a_booking_and_a_series<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let before = counts(&c);
    let typed = new_patient("Meera Krishnan", "+91 90000 11111");
    let mut request = c.request(
        c.rao,
        None,
        PatientId(uuid::Uuid::new_v4()),
        "2026-11-24 10:00",
    );
    request.new_patient = Some(typed.clone());
    let refused = c.store.book(&request, "maria", utc(NOW));
    assert!(
        matches!(&refused, Err(StoreError::Invalid(why)) if why.contains("differs from the booking's patient")),
        "{refused:?}"
    );
    let series = c.store.book_series(
        &SeriesRequest {
            booking: request,
            rule: SeriesRule {
                frequency: Frequency::Weekly,
                interval: 1,
                weekdays: vec![Weekday::Tue],
                end: SeriesEnd::Count(2),
            },
            on_conflict: OnConflict::Refuse,
        },
        "maria",
        utc(NOW),
    );
    assert!(
        matches!(&series, Err(StoreError::Invalid(why)) if why.contains("differs from the booking's patient")),
        "{series:?}"
    );
    assert_eq!(counts(&c), before, "nobody registered, nothing booked");
    assert_eq!(
        patient_match::check_new_patient(typed.id, &typed),
        Ok(()),
        "the same id is the same patient"
    );
}

/// Patient search in any script (issue 16): case and Latin and Greek accents do not matter
/// ("emile" finds "Émile", "ελενη" finds "Ελένη"), a name typed composed finds it stored
/// decomposed and the other way round (NFC), the marks that make letters of other scripts
/// count, and a phone is found by its digits however it is written.
pub fn names_in_any_script_are_found_whatever_the_case_accents_or_composition<B: TestBackend>() {
    use unicode_normalization::UnicodeNormalization;
    let mut c = clinic::<B>();
    let names = [
        ("Émile Durand", "+33 1 42 68 53 00"),
        ("Ελένη Παπαδοπούλου", "+30 21 0321 9876"),
        ("Иван Петров", "+7 495 123-45-67"),
        ("अनिल मेनन", "+91 98450 10001"),
        ("முருகன் செல்வம்", "+91 98450 10002"),
        ("محمد عمران", "+92 300 1234567"),
        ("王秀英", "+86 10 6552 9988"),
        ("김민준", "+82 2 312 3456"),
    ];
    for (name, phone) in names {
        // Stored decomposed (NFD), as some keyboards and imports give it.
        let stored: String = name.nfd().collect();
        c.store
            .add_patient(&new_patient(&stored, phone))
            .expect("add");
    }
    let finds = |c: &mut Clinic1<B>, typed: &str, whose: &str| {
        let found = c.store.search_patients(typed, 20).expect("search");
        assert!(
            found
                .iter()
                .any(|p| p.name.nfc().collect::<String>() == whose),
            "{typed:?} finds {whose}: {:?}",
            found.iter().map(|p| &p.name).collect::<Vec<_>>()
        );
    };
    finds(&mut c, "emile", "Émile Durand");
    finds(&mut c, "EMILE DUR", "Émile Durand");
    finds(&mut c, "Émile", "Émile Durand");
    finds(&mut c, "durand", "Émile Durand");
    finds(&mut c, "ελενη", "Ελένη Παπαδοπούλου");
    finds(&mut c, "ΠΑΠΑΔΟΠΟΎΛΟΥ", "Ελένη Παπαδοπούλου");
    finds(&mut c, "иван", "Иван Петров");
    finds(&mut c, "ПЕТРОВ", "Иван Петров");
    finds(&mut c, "अनिल", "अनिल मेनन");
    finds(&mut c, "मेनन", "अनिल मेनन");
    finds(&mut c, "முருகன்", "முருகன் செல்வம்");
    finds(&mut c, "محمد", "محمد عمران");
    finds(&mut c, "王秀", "王秀英");
    finds(&mut c, "김민", "김민준");
    finds(&mut c, "98450 10001", "अनिल मेनन");
    finds(&mut c, "+91-98450-10002", "முருகன் செல்வம்");
    finds(&mut c, "3001234567", "محمد عمران");
    // The marks that make another script's letters are not accents: "अनल" (without the vowel
    // sign) is another name.
    let found = c.store.search_patients("अनल", 20).expect("search");
    assert!(found.iter().all(|p| !p.name.starts_with("अन")), "{found:?}");
}
