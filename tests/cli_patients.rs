//! Patients on the command line, with the real binary: who `--patient` and `--phone` find
//! (never a patient without a phone by any phone, never by the last digits), what
//! `--new-patient` registers, ambiguous and contradicting matches refused with the candidates
//! or both identities, names with control characters refused at entry, and stored text that
//! would forge lines or colours escaped in what the commands print.

use std::path::Path;
use std::process::Output;

mod desk;
use desk::{Desk, text};

/// A small demo clinic, plus the patients of `patients.csv` below.
fn new_desk() -> Desk {
    let desk = Desk::demo(&["--appointments", "40", "--patients", "20", "--seed", "5"]);
    let file = desk.write(
        "patients.csv",
        "name,phone,birth_date,external_id\n\
         Asha Nophone,,,\n\
         Ravi Phone,+91 98450 12345,1970-01-02,MRN-7\n\
         Twin Same,+91 90000 00001,,\n\
         Twin Same,+91 90000 00002,,\n",
    );
    let out = desk.run(&["import", "patients", &file]);
    assert!(out.status.success(), "patients: {}", text(&out.stderr));
    desk
}

impl Desk {
    /// `book` at `start` with Dr. Rao (overbooking whatever stands: the demo's hours and
    /// bookings are not what these tests are about), and the rest of `args`.
    fn book(&self, start: &str, args: &[&str]) -> Output {
        let mut all = vec![
            "book",
            "--doctor",
            "rao",
            "--start",
            start,
            "--overbook",
            "testing patients",
        ];
        all.extend_from_slice(args);
        self.run(&all)
    }
}

fn raw(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).expect("raw")
}

const PATIENTS: &str = "SELECT count(*) FROM patient";
const APPOINTMENTS: &str = "SELECT count(*) FROM appointment";

#[test]
fn a_phone_finds_only_the_patient_with_that_full_number() {
    let desk = new_desk();
    let (patients, appointments) = (desk.count(PATIENTS), desk.count(APPOINTMENTS));
    // The defect: a patient without a phone was found by any phone.
    let out = desk.book(
        "2026-11-26 10:00",
        &["--patient", "Asha Nophone", "--phone", "+91 55555 55555"],
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "no patient named \"Asha Nophone\" with the phone +91 55555 55555 is registered"
        ) && err.contains("Asha Nophone, no phone, id "),
        "{err}"
    );
    // The defect: a phone matched by its last digits.
    let out = desk.book(
        "2026-11-26 10:00",
        &["--patient", "Ravi Phone", "--phone", "12345"],
    );
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("Ravi Phone, born 1970-01-02, phone +91 98450 12345"));
    assert_eq!(
        (desk.count(PATIENTS), desk.count(APPOINTMENTS)),
        (patients, appointments)
    );
    // The full number, written another way, finds him.
    let out = desk.book(
        "2026-11-26 10:00",
        &["--patient", "ravi  phone", "--phone", "0091-98450-12345"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Booked Ravi Phone"));
}

#[test]
fn new_patient_registers_unless_the_name_and_phone_identify_someone_and_says_which() {
    let desk = new_desk();
    let patients = desk.count(PATIENTS);
    // The defect: this booked the namesake without a phone and dropped the number.
    let out = desk.book(
        "2026-11-26 10:00",
        &[
            "--patient",
            "Asha Nophone",
            "--new-patient",
            "--phone",
            "+91 77777 77777",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Registered new patient Asha Nophone (phone +91 77777 77777"),
        "{said}"
    );
    assert!(
        said.contains("warning: may be the same person as Asha Nophone, no phone"),
        "{said}"
    );
    assert_eq!(desk.count(PATIENTS), patients + 1);
    assert_eq!(
        desk.count("SELECT count(*) FROM patient WHERE phone = '+91 77777 77777'"),
        1
    );
    // The same name and number again: that patient is booked, and nobody new registered.
    let out = desk.book(
        "2026-11-26 11:00",
        &[
            "--patient",
            "Asha Nophone",
            "--new-patient",
            "--phone",
            "+91-77777-77777",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("is already registered")
            && text(&out.stdout).contains("nobody new was registered"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(desk.count(PATIENTS), patients + 1);
    // A bare name that is taken: refused, it may be someone else.
    let out = desk.book(
        "2026-11-26 12:00",
        &["--patient", "Ravi Phone", "--new-patient"],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("a patient with this name is already registered (Ravi Phone"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(desk.count(PATIENTS), patients + 1);
    // An id is not a name to register.
    let id: String = raw(&desk.db)
        .query_row(
            "SELECT id FROM patient WHERE name = 'Ravi Phone'",
            [],
            |r| r.get::<_, uuid::Uuid>(0),
        )
        .expect("id")
        .to_string();
    let out = desk.book("2026-11-26 12:00", &["--patient", &id, "--new-patient"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("give their name with --patient, not an id"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(desk.count(PATIENTS), patients + 1);
    // Without --new-patient the id books him.
    let out = desk.book("2026-11-26 12:00", &["--patient", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Booked Ravi Phone"));
}

#[test]
fn ambiguous_patients_are_refused_with_every_candidate() {
    let desk = new_desk();
    let appointments = desk.count(APPOINTMENTS);
    for args in [
        vec!["--patient", "Twin Same"],
        vec!["waitlist", "add", "--patient", "Twin Same"],
    ] {
        let out = if args[0] == "waitlist" {
            desk.run(&args)
        } else {
            desk.book("2026-11-26 10:00", &args)
        };
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("2 registered patients fit \"Twin Same\"")
                && err.contains("phone +91 90000 00001")
                && err.contains("phone +91 90000 00002")
                && err.contains("add --phone NUMBER"),
            "{err}"
        );
    }
    assert_eq!(desk.count(APPOINTMENTS), appointments);
    let out = desk.book(
        "2026-11-26 10:00",
        &["--patient", "Twin Same", "--phone", "+91 90000 00002"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn importing_a_row_whose_mrn_belongs_to_someone_else_is_refused_with_both_identities() {
    let desk = new_desk();
    let (patients, appointments) = (desk.count(PATIENTS), desk.count(APPOINTMENTS));
    let file = desk.write(
        "wrong.csv",
        "name,phone,birth_date,external_id\n\
         Meena Other,+91 11111 11111,1990-03-04,MRN-7\n",
    );
    let out = desk.run(&["import", "patients", &file]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains("line 2: the external id MRN-7 belongs to Ravi Phone, born 1970-01-02")
            && err.contains("but this says \"Meena Other\", born 1990-03-04")
            && err.contains("the name and date of birth differ"),
        "{err}"
    );
    let file = desk.write(
        "wrong-appointments.csv",
        "start_local,minutes,doctor,patient,patient_external_id\n\
         2026-11-26 10:00,15,Dr. Anjali Rao,Meena Other,MRN-7\n",
    );
    let out = desk.run(&["import", "appointments", &file]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("line 2: the external id MRN-7 belongs to Ravi Phone"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        (desk.count(PATIENTS), desk.count(APPOINTMENTS)),
        (patients, appointments)
    );
}

#[test]
fn names_phones_and_reasons_with_control_characters_are_refused_at_entry() {
    let desk = new_desk();
    let (patients, appointments) = (desk.count(PATIENTS), desk.count(APPOINTMENTS));
    // One argument can be at most 128 KiB on Linux; the core's own tests try 10 MB.
    let huge = "a".repeat(100_000);
    for (args, want) in [
        (
            vec!["--patient", "Evil\u{1b}[31mRed", "--new-patient"],
            "--patient: the name holds a control character (U+001B) at character 5",
        ),
        (
            vec!["--patient", "Two\nLines", "--new-patient"],
            "--patient: the name holds a line break (U+000A) at character 4",
        ),
        (
            vec!["--patient", "Abc\u{202e}Def", "--new-patient"],
            "an invisible direction control (U+202E) at character 4",
        ),
        (
            vec!["--patient", &huge, "--new-patient"],
            "the name is 100000 characters long; at most 200 are accepted",
        ),
        (
            vec!["--patient", "Fine Name", "--new-patient", "--phone", "=2+3"],
            "--phone: the phone holds \"=\" at character 1",
        ),
        (
            vec![
                "--patient",
                "Fine Name",
                "--new-patient",
                "--reason",
                "a\u{1b}]0;x\u{7}",
            ],
            "the reason holds a control character (U+001B) at character 2",
        ),
    ] {
        let out = desk.book("2026-11-26 10:00", &args);
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains(want), "{want}: {err}");
        assert!(!err.contains('\u{1b}') && err.len() < 2000, "{err}");
    }
    assert_eq!(
        (desk.count(PATIENTS), desk.count(APPOINTMENTS)),
        (patients, appointments)
    );
}

#[test]
fn stored_names_that_would_forge_lines_or_colours_are_escaped_in_every_printout() {
    let desk = new_desk();
    let out = desk.book("2026-11-24 15:00", &["--patient", "Ravi Phone"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id = text(&out.stdout)
        .lines()
        .find(|l| l.starts_with("Booked"))
        .and_then(|l| l.rsplit(": ").next())
        .expect("id")
        .trim()
        .to_owned();
    // A name stored by an older version, before the entry rules.
    let forged = "Ravi\n15:00–15:15  Dr. Fake  \u{1b}[31mFORGED\u{1b}[0m\u{202e}";
    raw(&desk.db)
        .execute(
            "UPDATE patient SET name = ?1 WHERE name = 'Ravi Phone'",
            [forged],
        )
        .expect("plant");
    let out = desk.run(&[
        "waitlist",
        "add",
        "--patient",
        &id_of_patient(&desk),
        "--notes",
        "n",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for args in [
        vec!["agenda", "--date", "2026-11-24", "--doctor", "rao"],
        vec!["history", id.as_str()],
        vec!["waitlist", "list"],
        vec!["status", id.as_str(), "confirm"],
    ] {
        let out = desk.run(&args);
        let all = text(&out.stdout) + &text(&out.stderr);
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{202e}'),
            "{args:?}: {all}"
        );
        assert!(
            !all.lines().any(|l| l.starts_with("15:00–15:15  Dr. Fake")),
            "{args:?} printed a forged line: {all}"
        );
        if args[0] != "status" {
            assert!(all.contains("Ravi\\n15:00"), "{args:?}: {all}");
        }
    }
    // An error message that quotes the name escapes it too.
    let out = desk.run(&[
        "book",
        "--patient",
        &id_of_patient(&desk),
        "--doctor",
        "nobody",
    ]);
    assert!(!text(&out.stderr).contains('\u{1b}'));
}

fn id_of_patient(desk: &Desk) -> String {
    raw(&desk.db)
        .query_row("SELECT id FROM patient WHERE name LIKE 'Ravi%'", [], |r| {
            r.get::<_, uuid::Uuid>(0)
        })
        .expect("id")
        .to_string()
}
