//! Who an import or a booking means, with the real binary against fresh clinics (issue 12,
//! second review): namesakes from another database stay two through an iCalendar round trip;
//! an unknown patient id or another email is never booked to a namesake; `import patients`
//! keeps namesakes with other birth dates or emails and counts every row; a name typed in
//! another Unicode form is the same name; a known person with another MRN is refused with
//! both shown.

use std::process::Output;

mod desk;
use desk::{Desk, text};

/// A fresh demo clinic with no patients or appointments.
fn new_desk() -> Desk {
    Desk::demo(&["--appointments", "0", "--patients", "0"])
}

impl Desk {
    fn import(&self, what: &str, name: &str, contents: &str) -> Output {
        let file = self.write(name, contents);
        self.run(&["import", what, &file])
    }

    fn rows(&self, sql: &str) -> Vec<String> {
        let conn = rusqlite::Connection::open(&self.db).expect("raw");
        let mut stmt = conn.prepare(sql).expect("prepare");
        stmt.query_map([], |r| r.get::<_, String>(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    }

    fn patient_ids(&self) -> Vec<String> {
        let conn = rusqlite::Connection::open(&self.db).expect("raw");
        let mut stmt = conn
            .prepare("SELECT id FROM patient ORDER BY birth_date, email")
            .expect("prepare");
        stmt.query_map([], |r| r.get::<_, uuid::Uuid>(0))
            .expect("query")
            .map(|r| r.expect("row").to_string())
            .collect()
    }
}

/// Who each appointment belongs to: (patient name, birth date, phone) by start.
const OWNERS: &str = "SELECT p.name || '|' || ifnull(p.birth_date, '') || '|' || p.phone \
     FROM appointment a JOIN patient p ON p.id = a.patient_id ORDER BY a.start_utc";

/// Whose each appointment is, by the patient's id, by start.
const OWNERS_BY_ID: &str = "SELECT hex(a.patient_id) || '|' || p.name \
     FROM appointment a JOIN patient p ON p.id = a.patient_id ORDER BY a.start_utc";

/// Two namesakes of one clinic, booked, exported to iCalendar and imported into a fresh one:
/// each appointment still belongs to its own patient.
fn round_trip(patients: &str) -> (Desk, Desk, String) {
    let source = new_desk();
    let out = source.import("patients", "p.csv", patients);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (day, id) in source.patient_ids().iter().enumerate() {
        let start = format!("2026-12-0{} 10:00", day + 1);
        source.ok_all(&[
            "book",
            "--patient",
            id,
            "--doctor",
            "rao",
            "--start",
            &start,
        ]);
    }
    let ics = source.dir.path().join("out.ics");
    source.ok_all(&["export", "ics", "--out", ics.to_str().expect("path")]);
    let target = new_desk();
    let said = target.ok_all(&["import", "appointments", ics.to_str().expect("path")]);
    (source, target, said)
}

#[test]
fn namesakes_stay_two_through_an_icalendar_round_trip() {
    // The defect: "imported 2 appointments, 1 new patient", both booked to one Ravi Kumar.
    // The file carries each patient's id (the ATTENDEE), name, phone and email; not the date
    // of birth or MRN, which calendar files are not for. The ids keep them apart.
    let (source, target, said) = round_trip(
        "name,birth_date,external_id\nRavi Kumar,1980-01-01,MRN-1\nRavi Kumar,1990-02-02,MRN-2\n",
    );
    assert!(said.contains("2 new patients"), "{said}");
    assert_eq!(target.rows(OWNERS_BY_ID), source.rows(OWNERS_BY_ID));
    // Namesakes that share a phone and have no birth date (a father and son, registered with
    // ids from another system): the file's two ids tell them apart, at both imports.
    let (source, target, said) = round_trip(
        "patient_id,name,phone\n\
         11111111-1111-4111-8111-111111111111,Ravi Kumar,+91 90000 00001\n\
         22222222-2222-4222-8222-222222222222,Ravi Kumar,+91 90000 00001\n",
    );
    assert_eq!(source.count("SELECT count(*) FROM patient"), 2);
    assert!(said.contains("2 new patients"), "{said}");
    assert_eq!(target.rows(OWNERS), source.rows(OWNERS));
    assert_eq!(target.rows(OWNERS_BY_ID), source.rows(OWNERS_BY_ID));
    assert_eq!(target.count("SELECT count(*) FROM patient"), 2);
    // The same file again adds nothing.
    let ics = source.dir.path().join("out.ics");
    let again = target.ok_all(&["import", "appointments", ics.to_str().expect("path")]);
    assert!(again.contains("imported 0 appointments"), "{again}");
    assert_eq!(target.count("SELECT count(*) FROM patient"), 2);
}

#[test]
fn an_unknown_patient_id_or_another_email_is_never_booked_to_a_namesake() {
    let desk = new_desk();
    let out = desk.import(
        "patients",
        "p.csv",
        "name,email\nSita Devi,sita1@example.com\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The defect: "1 already in the database".
    let other = "44444444-4444-4444-8444-444444444444";
    let out = desk.import(
        "patients",
        "p2.csv",
        &format!("patient_id,name,email\n{other},Sita Devi,sita2@example.com\n"),
    );
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("imported 1 patients"), "{said}");
    assert!(
        said.contains("sita1@example.com"),
        "the namesake is shown: {said}"
    );
    // The defect: the appointment was booked to sita1.
    let out = desk.import(
        "appointments",
        "a.csv",
        &format!(
            "start_local,minutes,doctor,patient,patient_id,patient_email\n\
             2026-12-01 11:00,15,Dr. Anjali Rao,Sita Devi,{other},sita2@example.com\n"
        ),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        desk.rows("SELECT p.email FROM appointment a JOIN patient p ON p.id = a.patient_id"),
        ["sita2@example.com"]
    );
    // An unknown id and a bare namesake, straight into `import appointments`: a new patient
    // under the file's id.
    let third = "55555555-5555-4555-8555-555555555555";
    let out = desk.import(
        "appointments",
        "b.csv",
        &format!(
            "start_local,minutes,doctor,patient,patient_id\n\
             2026-12-01 12:00,15,Dr. Anjali Rao,Sita Devi,{third}\n"
        ),
    );
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("1 new patient"), "{said}");
    assert_eq!(desk.count("SELECT count(*) FROM patient"), 3);
}

#[test]
fn import_patients_keeps_namesakes_and_counts_every_row() {
    let desk = new_desk();
    // The defect: "imported 2 patients"; the 1990 Ravi and sita2 were gone.
    let out = desk.import(
        "patients",
        "p.csv",
        "name,phone,email,birth_date\n\
         Ravi Kumar,,,1980-01-01\n\
         Ravi Kumar,,,1990-02-02\n\
         Sita Devi,,sita1@example.com,\n\
         Sita Devi,,sita2@example.com,\n\
         Sita Devi,,SITA2@example.com,\n",
    );
    let said = text(&out.stdout) + &text(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("5 rows read: imported 4 patients")
            && said.contains("1 repeats an earlier row"),
        "{said}"
    );
    assert_eq!(
        desk.rows(
            "SELECT name || '|' || ifnull(birth_date, '') || '|' || email FROM patient ORDER BY 1"
        ),
        [
            "Ravi Kumar|1980-01-01|",
            "Ravi Kumar|1990-02-02|",
            "Sita Devi||sita1@example.com",
            "Sita Devi||sita2@example.com",
        ]
    );
}

#[test]
fn a_name_in_another_unicode_form_or_without_its_accents_is_the_same_name() {
    let desk = new_desk();
    let nfc = "Jos\u{e9} P\u{e9}rez";
    let nfd = "Jose\u{301} Pe\u{301}rez";
    let book = |name: &str, start: &str| {
        desk.ok_all(&[
            "book",
            "--patient",
            name,
            "--new-patient",
            "--phone",
            "+34 600 000 001",
            "--doctor",
            "rao",
            "--start",
            start,
        ])
    };
    book(nfc, "2026-12-01 10:00");
    // The defect: a second José Pérez with the same phone.
    let said = book(nfd, "2026-12-01 10:30");
    assert!(said.contains("already registered"), "{said}");
    book("JOSE PEREZ", "2026-12-01 11:00");
    assert_eq!(desk.count("SELECT count(*) FROM patient"), 1);
    assert_eq!(
        desk.count("SELECT count(DISTINCT patient_id) FROM appointment"),
        1
    );
    // Names are stored composed, whichever form was typed.
    let desk = new_desk();
    desk.ok_all(&[
        "book",
        "--patient",
        nfd,
        "--new-patient",
        "--phone",
        "+34 600 000 002",
        "--doctor",
        "rao",
        "--start",
        "2026-12-01 10:00",
    ]);
    assert_eq!(desk.rows("SELECT name FROM patient"), [nfc]);
}

#[test]
fn a_legacy_name_stored_decomposed_is_found_in_either_form() {
    let desk = new_desk();
    // A row written before names were composed and keys folded: the name and its key as the
    // old code stored them.
    let nfd = "Jose\u{301} Pe\u{301}rez";
    let conn = rusqlite::Connection::open(&desk.db).expect("raw");
    conn.execute(
        "INSERT INTO patient (id, name, phone, email, birth_date, external_id, name_key, \
         family_key, phone_key, phone_tail) VALUES (?1, ?2, '+34 600 000 001', '', NULL, '', \
         lower(?2), 'pe\u{301}rez', '34600000001', '4600000001')",
        rusqlite::params![uuid::Uuid::from_u128(7), nfd],
    )
    .expect("legacy row");
    drop(conn);
    for (name, start) in [
        ("Jos\u{e9} P\u{e9}rez", "2026-12-01 10:00"),
        (nfd, "2026-12-01 10:30"),
    ] {
        let said = desk.ok_all(&[
            "book",
            "--patient",
            name,
            "--new-patient",
            "--phone",
            "+34 600 000 001",
            "--doctor",
            "rao",
            "--start",
            start,
        ]);
        assert!(said.contains("already registered"), "{said}");
    }
    assert_eq!(desk.count("SELECT count(*) FROM patient"), 1);
}

#[test]
fn a_known_person_with_another_mrn_is_refused_with_both_shown() {
    let desk = new_desk();
    let out = desk.import(
        "patients",
        "p.csv",
        "name,phone,birth_date,external_id\nMeera Nair,+91 90000 00001,1975-05-05,MRN-1\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The defect: a second Meera Nair, after which `--patient "Meera Nair" --phone …` was
    // ambiguous.
    let out = desk.import(
        "patients",
        "p2.csv",
        "name,phone,birth_date,external_id\nMeera Nair,+91 90000 00001,,MRN-2\n",
    );
    let said = text(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("line 2:")
            && said
                .contains("Meera Nair, born 1975-05-05, phone +91 90000 00001, external id MRN-1")
            && said.contains("external id MRN-2")
            && said.contains("the external id differs"),
        "{said}"
    );
    assert_eq!(desk.count("SELECT count(*) FROM patient"), 1);
    // The same row as an appointment is refused too; nothing is booked.
    let out = desk.import(
        "appointments",
        "a.csv",
        "start_local,minutes,doctor,patient,patient_phone,patient_external_id\n\
         2026-12-01 11:00,15,Dr. Anjali Rao,Meera Nair,+91 90000 00001,MRN-2\n",
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("MRN-1"), "{}", text(&out.stderr));
    assert_eq!(desk.count("SELECT count(*) FROM appointment"), 0);
    // The desk still finds her by name and phone.
    let said = desk.ok_all(&[
        "book",
        "--patient",
        "Meera Nair",
        "--phone",
        "+91 90000 00001",
        "--doctor",
        "rao",
        "--start",
        "2026-12-01 10:00",
    ]);
    assert!(said.contains("Booked Meera Nair"), "{said}");
}
