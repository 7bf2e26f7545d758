//! Imports that go wrong, and files from other programs: a bad file changes nothing and every
//! bad row is reported with its line and reason; calendar files as common clients write them
//! (LF endings, tab folds, quoted TZIDs, Windows zone names, alarms, mailto attendees).

mod exchange_fixture;

use exchange_fixture::*;
use frontdesk::import::{self, ImportError, ImportOptions, ImportReport};
use frontdesk::store::{SqliteStore, Store};

fn options(dry_run: bool, overbook: Option<&str>) -> ImportOptions {
    ImportOptions {
        clinic: setup().clinic.id,
        dry_run,
        overbook: overbook.map(str::to_owned),
        source: "test file".into(),
        default_doctor: None,
    }
}

fn import(store: &mut SqliteStore, text: &str, options: &ImportOptions) -> ImportReport {
    let parsed = match import::detect(text) {
        import::FileKind::Ics => import::appointments::parse_ics(text),
        import::FileKind::Csv => import::appointments::parse_csv(text),
    }
    .expect("readable file");
    store
        .import_appointments(&parsed, options, "importer", export_now(), &mut |_| {})
        .expect("import ran")
}

/// Every row of every table, as text: "changes nothing" means this stays the same.
fn dump(store: &mut SqliteStore) -> Vec<String> {
    let conn = store.connection();
    let mut out = Vec::new();
    for table in ["appointment", "patient", "audit_event", "doctor", "room"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .expect("select");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        while let Some(row) = rows.next().expect("row") {
            let cells: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).expect("cell")))
                .collect();
            out.push(format!("{table}: {}", cells.join("|")));
        }
    }
    out
}

const HEADER: &str = "id,start_utc,end_utc,start_local,end_local,status,doctor,room,patient_id,patient,patient_phone,reason\r\n";

fn bad_csv() -> String {
    let p40 = id(40);
    let mut text = HEADER.to_owned();
    // 2: fine.
    text += &format!(
        ",2026-12-01T15:00:00Z,2026-12-01T15:30:00Z,,,scheduled,Dr. Zoë Ångström,Room 1,{p40},,,Check-up\r\n"
    );
    // 3: a start that is not a time.
    text += &format!(
        ",2026-13-45T15:00:00Z,2026-12-01T16:30:00Z,,,scheduled,Dr. Zoë Ångström,,{p40},,,\r\n"
    );
    // 4: a doctor nobody knows.
    text +=
        &format!(",2026-12-02T15:00:00Z,2026-12-02T15:30:00Z,,,scheduled,Dr. Nobody,,{p40},,,\r\n");
    // 5: the doctor is already booked then (appointment 101, 2026-11-05 10:00 EST).
    text += &format!(
        ",2026-11-05T15:05:00Z,2026-11-05T15:25:00Z,,,scheduled,Dr. Zoë Ångström,,{},,,\r\n",
        id(43)
    );
    // 6-7: fine, with a line break inside a quoted reason.
    text += &format!(
        ",2026-12-03T15:00:00Z,2026-12-03T15:30:00Z,,,confirmed,\"Dr. Ravi O'Neil, MD\",,{p40},,,\"two\r\nlines\"\r\n"
    );
    // 8: a local time the clocks skip.
    text +=
        &format!(",,,2027-03-14 02:30,2027-03-14 03:30,scheduled,Dr. Zoë Ångström,,{p40},,,\r\n");
    // 9: a patient nobody registered, with no id to register them by.
    text += ",2026-12-04T15:00:00Z,2026-12-04T15:30:00Z,,,scheduled,Dr. Zoë Ångström,,,Nemo Unknown,555 9999,\r\n";
    // 10: an unknown status.
    text += &format!(
        ",2026-12-05T15:00:00Z,2026-12-05T15:30:00Z,,,maybe,Dr. Zoë Ångström,,{p40},,,\r\n"
    );
    text
}

#[test]
fn a_bad_file_changes_nothing_and_reports_every_bad_row() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let before = dump(&mut store);
    let report = import(&mut store, &bad_csv(), &options(false, None));
    let lines: Vec<usize> = report.bad.iter().map(|b| b.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 8, 9, 10], "{:#?}", report.bad);
    let reason = |line: usize| {
        report
            .bad
            .iter()
            .find(|b| b.line == line)
            .map(|b| b.reason.clone())
            .unwrap_or_default()
    };
    assert!(
        reason(3).contains("start_utc \"2026-13-45T15:00:00Z\" is not a time"),
        "{}",
        reason(3)
    );
    assert!(
        reason(4).contains("no doctor \"Dr. Nobody\""),
        "{}",
        reason(4)
    );
    assert!(reason(4).contains("known: "), "{}", reason(4));
    assert!(
        reason(5).contains("is already booked then"),
        "{}",
        reason(5)
    );
    assert!(reason(5).contains("overbook reason"), "{}", reason(5));
    assert!(
        reason(8).contains("does not exist in America/New_York"),
        "{}",
        reason(8)
    );
    assert!(
        reason(8).contains("next valid time is 2027-03-14 03:00"),
        "{}",
        reason(8)
    );
    assert!(
        reason(9).contains("Nemo Unknown\" is not registered"),
        "{}",
        reason(9)
    );
    assert!(
        reason(10).contains("status \"maybe\" is unknown"),
        "{}",
        reason(10)
    );
    assert!(!report.committed);
    assert_eq!(report.rows, 8);
    assert!(
        report
            .summary("appointments")
            .starts_with("6 bad rows of 8: nothing was imported")
    );
    assert_eq!(
        dump(&mut store),
        before,
        "the good rows were not written either"
    );
}

#[test]
fn a_dry_run_of_a_bad_file_reports_the_same_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let before = dump(&mut store);
    let real = import(&mut store, &bad_csv(), &options(false, None));
    let dry = import(&mut store, &bad_csv(), &options(true, None));
    assert_eq!(dry.bad, real.bad);
    assert_eq!(dump(&mut store), before);
}

#[test]
fn an_overbook_reason_accepts_the_double_booking_and_is_recorded() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let text = format!(
        "{HEADER},2026-11-05T15:05:00Z,2026-11-05T15:25:00Z,,,scheduled,Dr. Zoë Ångström,,{},,,\r\n",
        id(43)
    );
    let refused = import(&mut store, &text, &options(false, None));
    assert_eq!(refused.bad.len(), 1);
    let report = import(
        &mut store,
        &text,
        &options(false, Some("merging two calendars")),
    );
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.imported, 1);
    let set = store
        .export_set(&frontdesk::export::ExportQuery {
            clinic: setup().clinic.id,
            from: None,
            to: None,
            scope: frontdesk::export::Scope::All,
        })
        .expect("set");
    let added = set
        .appointments
        .iter()
        .find(|e| e.appointment.patient.0 == id(43) && e.overbook_reason.is_some())
        .expect("the overbooked row");
    assert_eq!(
        added.overbook_reason.as_deref(),
        Some("merging two calendars")
    );
    assert!(
        store.check().expect("check").is_ok(),
        "a deliberate overbooking is not a broken one"
    );
}

#[test]
fn files_that_cannot_be_imported_at_all_say_why() {
    assert_eq!(import::text(b"\xff\xfe\x00a"), Err(ImportError::NotText));
    assert_eq!(import::text(b"  \n"), Err(ImportError::Empty));
    let missing = import::appointments::parse_csv("when,who\r\n1,2\r\n").expect_err("no columns");
    assert!(
        missing
            .to_string()
            .contains("no start_utc (or start_local) column"),
        "{missing}"
    );
    let patients = import::patients::parse_csv("phone\r\n123\r\n").expect_err("no name");
    assert!(
        patients.to_string().contains("no name column"),
        "{patients}"
    );
    let broken = import::appointments::parse_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n")
        .expect_err("mismatched END");
    assert!(
        broken
            .to_string()
            .starts_with("line 3: END:VCALENDAR where END:VEVENT was expected"),
        "{broken}"
    );
}

#[test]
fn an_unclosed_quote_is_a_bad_row_at_its_line() {
    let text = format!(
        "{HEADER},2026-12-01T15:00:00Z,2026-12-01T15:30:00Z,,,scheduled,Dr. Zoë Ångström,,{},,,\"open\r\n",
        id(40)
    );
    let parsed = import::appointments::parse_csv(&text).expect("parse");
    assert_eq!(parsed.bad.len(), 1);
    assert_eq!(parsed.bad[0].line, 2);
    assert!(parsed.bad[0].reason.contains("never closed"));
}

/// A calendar as a common client writes it: LF endings, a tab fold, a quoted TZID, a Windows
/// zone name, an alarm, a mailto attendee, DURATION, and events we must refuse.
const FOREIGN: &str = "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Another Calendar//EN
X-WR-TIMEZONE:America/New_York
BEGIN:VEVENT
UID:abc123@calendar.example
DTSTART;TZID=\"America/New_York\":20261208T093000
DTEND;TZID=\"America/New_York\":20261208T100000
SUMMARY:Asha check-up
DESCRIPTION:Bring the reports\\, please
ORGANIZER;CN=Dr. Zoë Ångström:mailto:zoe@clinic.example
ATTENDEE;CN=Asha;ROLE=REQ-PARTICIPANT:mailto:asha@example.com
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:def456@calendar.example
DTSTART;TZID=Eastern Standard Time:20261209T140000
DURATION:PT45M
SUMMARY:Follow-up for Mar
 \tie
ORGANIZER;CN=\"Dr. Ravi O'Neil, MD\":mailto:ravi@clinic.example
ATTENDEE;CN=\"Marie^nDupont\":mailto:someone@else.example
END:VEVENT
BEGIN:VEVENT
UID:allday@calendar.example
DTSTART;VALUE=DATE:20261210
DTEND;VALUE=DATE:20261211
SUMMARY:Conference
ATTENDEE:mailto:asha@example.com
END:VEVENT
BEGIN:VEVENT
UID:weekly@calendar.example
DTSTART:20261211T150000Z
DTEND:20261211T153000Z
RRULE:FREQ=WEEKLY;COUNT=4
ATTENDEE:mailto:asha@example.com
END:VEVENT
BEGIN:VEVENT
UID:mars@calendar.example
DTSTART;TZID=Mars/Olympus:20261212T090000
DTEND;TZID=Mars/Olympus:20261212T093000
ATTENDEE:mailto:asha@example.com
END:VEVENT
END:VCALENDAR
";

#[test]
fn calendars_from_other_clients_are_read_and_their_bad_events_named() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let report = import(&mut store, FOREIGN, &options(true, None));
    let lines: Vec<(usize, &str)> = report
        .bad
        .iter()
        .map(|b| (b.line, b.reason.as_str()))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_eq!(lines[0].0, 27);
    assert!(lines[0].1.contains("whole day"), "{}", lines[0].1);
    assert_eq!(lines[1].0, 34);
    assert!(lines[1].1.contains("repeating event"), "{}", lines[1].1);
    assert_eq!(lines[2].0, 41);
    assert!(
        lines[2].1.contains("\"Mars/Olympus\" is not known"),
        "{}",
        lines[2].1
    );
    // The two good events were matched to their doctor and patient (by email, and by the
    // name in CN with its RFC 6868 line break).
    assert_eq!(report.imported, 2, "{report:?}");
}

#[test]
fn good_events_of_another_client_import_with_stable_ids() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let good: String = FOREIGN
        .split("BEGIN:VEVENT")
        .take(3)
        .collect::<Vec<_>>()
        .join("BEGIN:VEVENT")
        + "END:VCALENDAR\n";
    let first = import(&mut store, &good, &options(false, None));
    assert!(first.bad.is_empty(), "{:?}", first.bad);
    assert_eq!(first.imported, 2);
    let again = import(&mut store, &good, &options(false, None));
    assert_eq!((again.imported, again.already_present), (0, 2));
    let id = import::appointments::id_from_uid("abc123@calendar.example", None);
    let entry = store
        .appointment(frontdesk::scheduling::AppointmentId(id))
        .expect("stored under its derived id");
    assert_eq!(entry.patient_name, "Iyer, Asha");
    assert_eq!(entry.doctor_name, "Dr. Zoë Ångström");
    assert_eq!(entry.appointment.reason, "Bring the reports, please");
    assert_eq!(
        entry.appointment.interval.start,
        utc("2026-12-08T14:30:00Z")
    );
    let second = store
        .appointment(frontdesk::scheduling::AppointmentId(
            import::appointments::id_from_uid("def456@calendar.example", None),
        ))
        .expect("second");
    assert_eq!(second.patient_name, "Marie\nDupont");
    assert_eq!(second.appointment.interval.minutes(), 45);
    assert_eq!(
        second.appointment.interval.start,
        utc("2026-12-09T19:00:00Z")
    );
}

#[test]
fn two_rows_of_one_file_that_clash_name_each_other() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let row = |start: &str, end: &str, patient: u128| {
        format!(
            ",{start},{end},,,scheduled,Dr. Zoë Ångström,,{},,,\r\n",
            id(patient)
        )
    };
    let text = format!(
        "{HEADER}{}{}",
        row("2026-12-07T15:00:00Z", "2026-12-07T15:30:00Z", 40),
        row("2026-12-07T15:15:00Z", "2026-12-07T15:45:00Z", 43)
    );
    let report = import(&mut store, &text, &options(true, None));
    assert_eq!(report.bad.len(), 1, "{:?}", report.bad);
    assert_eq!(report.bad[0].line, 3);
    assert!(
        report.bad[0]
            .reason
            .contains("the row on line 2 of this file"),
        "{}",
        report.bad[0].reason
    );
}
