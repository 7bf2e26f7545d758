//! Imports hold a row to what Frontdesk could have recorded, and say which value is wrong: the
//! lifecycle's times fit the status and the day, a value given twice (or twice in two forms)
//! is a bad row showing both, a series ends after it starts, and a file that imported cleanly
//! imports again.

mod exchange_fixture;

use exchange_fixture::*;
use frontdesk::import::{self, ImportOptions, ImportReport};
use frontdesk::store::{SqliteStore, Store};

fn options(overbook: Option<&str>) -> ImportOptions {
    import_options(false, overbook)
}

fn import(store: &mut SqliteStore, text: &str, options: &ImportOptions) -> ImportReport {
    import_text(store, text, options)
}

/// How many records of a kind (a check label), through the store's check.
fn count(store: &mut SqliteStore, label: &str) -> i64 {
    store.check().expect("check").count(label).expect("counted")
}

/// One VEVENT of ours for the fixture's Asha (patient 40) with Dr. Ångström, with `extra`
/// properties (CRLF-terminated lines).
fn event(uid: &str, start: &str, extra: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n\
         DTSTAMP:20261101T000000Z\r\nDTSTART;TZID=America/New_York:{start}\r\nSUMMARY:x\r\n\
         ORGANIZER;CN=Dr. Zoë Ångström:mailto:zoe@clinic.example\r\n\
         ATTENDEE;CN=\"Iyer, Asha\":urn:uuid:{}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n",
        id(40)
    )
}

fn one_bad(report: &ImportReport, line: usize, says: &[&str]) {
    assert_eq!(report.bad.len(), 1, "{:?}", report.bad);
    assert_eq!(report.bad[0].line, line, "{:?}", report.bad);
    for s in says {
        assert!(
            report.bad[0].reason.contains(s),
            "{s}: {}",
            report.bad[0].reason
        );
    }
    assert!(!report.committed);
}

/// The review's events: a consultation started in 1900 for a visit on 11-23, and a booked visit
/// on 11-30 carrying a completion of 11-20; and an arrival given twice.
#[test]
fn lifecycle_times_fit_the_status_and_the_appointments_day() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let before = count(&mut store, "appointments");
    let cases = [
        (
            "20261123T100000",
            "DTEND;TZID=America/New_York:20261123T101500\r\nX-FRONTDESK-STATUS:completed\r\n\
             X-FRONTDESK-CONSULTATION-STARTED:19000101T000000Z\r\nX-FRONTDESK-COMPLETED:20261123T154000Z\r\n",
            &["the consultation start (1899-12-31 19:00)", "2026-11-23"][..],
        ),
        (
            "20261130T100000",
            "DTEND;TZID=America/New_York:20261130T101500\r\nX-FRONTDESK-STATUS:scheduled\r\n\
             X-FRONTDESK-COMPLETED:20261120T154000Z\r\n",
            &["the completion (2026-11-20 10:40) is recorded, but the appointment is booked"][..],
        ),
        (
            "20261123T100000",
            "DTEND;TZID=America/New_York:20261123T101500\r\nX-FRONTDESK-STATUS:checked_in\r\n\
             X-FRONTDESK-ARRIVED:20261123T145000Z\r\nX-FRONTDESK-ARRIVED:20261123T150500Z\r\n",
            &[
                "X-FRONTDESK-ARRIVED is given twice",
                "20261123T145000Z",
                "20261123T150500Z",
            ][..],
        ),
    ];
    for (i, (start, extra, says)) in cases.into_iter().enumerate() {
        let text = event(&format!("u{i}@test"), start, extra);
        let report = import(&mut store, &text, &options(None));
        one_bad(&report, 4, says);
    }
    assert_eq!(count(&mut store, "appointments"), before);
    // A visit that ran past midnight, in order, imports.
    let text = event(
        "late@test",
        "20261122T233000",
        "DTEND;TZID=America/New_York:20261122T234500\r\nX-FRONTDESK-STATUS:completed\r\n\
         X-FRONTDESK-ARRIVED:20261123T042000Z\r\nX-FRONTDESK-CONSULTATION-STARTED:20261123T044000Z\r\n\
         X-FRONTDESK-COMPLETED:20261123T051000Z\r\n",
    );
    let report = import(&mut store, &text, &options(None));
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.imported, 1);
}

/// DTEND and DURATION together (RFC 5545 forbids it) is a bad event showing both.
#[test]
fn an_event_with_both_dtend_and_duration_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let text = event(
        "both@test",
        "20261205T100000",
        "DTEND;TZID=America/New_York:20261205T101500\r\nDURATION:PT3H\r\n",
    );
    let report = import(&mut store, &text, &options(None));
    one_bad(
        &report,
        4,
        &["both DTEND \"20261205T101500\" and DURATION \"PT3H\""],
    );
    // And either one alone imports.
    let text = event("one@test", "20261205T100000", "DURATION:PT15M\r\n");
    assert_eq!(import(&mut store, &text, &options(None)).imported, 1);
}

/// The review's row: start_local 2026-12-02 10:00 beside start_utc 2026-12-03T09:31Z was
/// imported at the UTC time; the same for the end, and for minutes that do not fit the end.
#[test]
fn csv_times_given_twice_must_agree() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let header = "start_local,end_local,minutes,start_utc,end_utc,doctor,patient_id\r\n";
    let p = id(40);
    let cases = [
        (
            "2026-12-02 10:00,2026-12-02 10:15,15,2026-12-03T09:31:00Z,2026-12-03T09:46:00Z",
            &[
                "start_local \"2026-12-02 10:00\" and start_utc \"2026-12-03T09:31:00Z\" disagree: start_utc is 2026-12-03 04:31 in America/New_York",
                "end_local \"2026-12-02 10:15\" and end_utc \"2026-12-03T09:46:00Z\" disagree",
            ][..],
        ),
        (
            "2026-12-02 10:00,2026-12-02 10:30,15,2026-12-02T15:00:00Z,2026-12-02T15:30:00Z",
            &[
                "minutes \"15\" and the end disagree: 2026-12-02 10:00 to 2026-12-02 10:30 is 30 minutes",
            ][..],
        ),
        (
            "2026-12-02 10:00:30,,15,,",
            &[
                "start_local \"2026-12-02 10:00:30\" has seconds",
                "write 2026-12-02 10:00",
            ][..],
        ),
        (
            ",,15,2026-12-02T15:00:00.5Z,",
            &[
                "start_utc \"2026-12-02T15:00:00.5Z\" has a fraction of a second (.5)",
                "write 2026-12-02T15:00:00Z",
            ][..],
        ),
    ];
    for (times, says) in cases {
        let text = format!("{header}{times},Dr. Zoë Ångström,{p}\r\n");
        let report = import(&mut store, &text, &options(None));
        one_bad(&report, 2, says);
    }
    // Agreeing columns, as our export writes them, import.
    let text = format!(
        "{header}2026-12-02 10:00,2026-12-02 10:15,15,2026-12-02T15:00:00Z,2026-12-02T15:15:00Z,Dr. Zoë Ångström,{p}\r\n"
    );
    let report = import(&mut store, &text, &options(None));
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.imported, 1);
}

/// The review's series: a CSV row of a series that runs from 2026-12-01 until 2026-11-01 was
/// stored as such; its next export wrote no RRULE. Refused as `book --repeat` refuses it.
#[test]
fn a_series_that_ends_before_it_starts_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let series_before = count(&mut store, "series");
    let header = "start_local,minutes,doctor,patient_id,series_id,occurrence_date,series_rule,series_start_local,series_minutes\r\n";
    let row = |rule: &str| {
        format!(
            "{header}2026-12-01 10:30,15,Dr. Zoë Ångström,{},{},2026-12-01,{rule},2026-12-01 10:30,15\r\n",
            id(40),
            id(900)
        )
    };
    let report = import(
        &mut store,
        &row("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261101"),
        &options(None),
    );
    one_bad(
        &report,
        2,
        &["the series ends on 2026-11-01, before its first date 2026-12-01"],
    );
    assert_eq!(count(&mut store, "series"), series_before);
    let report = import(
        &mut store,
        &row("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=3"),
        &options(None),
    );
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(count(&mut store, "series"), series_before + 1);
}

/// The review's row: a double booking with a queue token holding ESC was told to import with an
/// overbook reason, which then only revealed the token. An overbook reason is suggested only
/// when the double booking is the row's only problem.
#[test]
fn an_overbook_reason_is_suggested_only_when_it_would_accept_the_row() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let header = "start_local,minutes,kind,doctor,patient_id,queue_token\r\n";
    let first = format!(
        "2026-12-01 10:30,15,scheduled,Dr. Zoë Ångström,{},\r\n",
        id(40)
    );
    let second = |token: &str| {
        format!(
            "2026-12-01 10:30,15,walk_in,Dr. Zoë Ångström,{},{token}\r\n",
            id(43)
        )
    };
    let report = import(
        &mut store,
        &format!("{header}{first}{}", second("W-001\u{1b}")),
        &options(None),
    );
    one_bad(&report, 3, &["W-001\\u{1b}", "fix the rest in the file"]);
    assert!(
        !report.bad[0].reason.contains("to accept it anyway"),
        "{}",
        report.bad[0].reason
    );
    // The double booking alone: the suggestion stands.
    let report = import(
        &mut store,
        &format!("{header}{first}{}", second("W-001")),
        &options(None),
    );
    one_bad(
        &report,
        3,
        &["import with an overbook reason to accept it anyway"],
    );
}

/// The review's file: `Ana Li,` and `Ana Li,+1 212 555 0100` registered two patients, and the
/// same file imported again failed "2 registered patients fit". Now it is "already there".
#[test]
fn a_patients_file_that_imported_cleanly_imports_again() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let text = "name,phone\r\nAna Li,\r\nAna Li,+1 212 555 0100\r\nSTRAUSS Jo,\r\n";
    let parsed = import::patients::parse_csv(text).expect("readable");
    let first = store
        .import_patients(&parsed, &options(None), &mut |_| {})
        .expect("ran");
    assert!(first.bad.is_empty(), "{:?}", first.bad);
    assert_eq!(first.imported, 3);
    let again = store
        .import_patients(&parsed, &options(None), &mut |_| {})
        .expect("ran");
    assert!(again.bad.is_empty(), "{:?}", again.bad);
    assert_eq!((again.imported, again.already_present), (0, 3));
    // A bare name that fits both is still no one in particular for a booking.
    let text =
        "start_local,minutes,doctor,patient\r\n2026-12-03 10:00,15,Dr. Zoë Ångström,Ana Li\r\n";
    let report = import(&mut store, text, &options(None));
    one_bad(&report, 2, &["fit"]);
    // "Strauß Jo" is the Strauss just registered.
    let parsed = import::patients::parse_csv("name\r\nStrauß Jo\r\n").expect("readable");
    let report = store
        .import_patients(&parsed, &options(None), &mut |_| {})
        .expect("ran");
    assert_eq!((report.imported, report.already_present), (0, 1));
    // A row keyed before ß was folded is tests/sqlite_only.rs's (it is planted with SQL).
}

/// `name,name` was read from the first column silently, and a row with more cells than the
/// header lost the rest; a walk-in without a token got one unsaid.
#[test]
fn csv_columns_named_twice_or_cells_beyond_the_header_are_refused() {
    let twice = import::patients::parse_csv("name,phone,Name\r\nAna,,Bo\r\n");
    assert_eq!(
        twice.map(|_| ()).map_err(|e| e.to_string()),
        Err("line 1: the column \"Name\" is named twice (columns 1 and 3): which one is meant cannot be known; delete or rename one".to_owned())
    );
    let twice = import::appointments::parse_csv("start_utc,minutes,doctor,patient,doctor\r\n");
    assert!(
        twice
            .as_ref()
            .is_err_and(|e| e.to_string().contains("\"doctor\" is named twice")),
        "{:?}",
        twice.map(|p| p.rows.len())
    );
    // Trailing empty header cells are a spreadsheet's habit, not a duplicate.
    assert!(import::patients::parse_csv("name,phone,,\r\nAna,,,\r\n").is_ok());
    let parsed = import::patients::parse_csv("name,phone\r\nIyer, Asha,+1 555 0100\r\nBo,\r\n")
        .expect("readable");
    assert_eq!(parsed.rows.len(), 1);
    assert_eq!(parsed.bad.len(), 1);
    assert_eq!(parsed.bad[0].line, 2);
    assert!(
        parsed.bad[0]
            .reason
            .contains("the row has 3 cells, the header names 2 columns"),
        "{}",
        parsed.bad[0].reason
    );
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let text = format!(
        "start_local,minutes,doctor,patient_id\r\n2026-12-04 10:00,15,Dr. Zoë Ångström,{},Room 1\r\n",
        id(40)
    );
    let report = import(&mut store, &text, &options(None));
    one_bad(
        &report,
        2,
        &["the row has 5 cells, the header names 4 columns"],
    );
    let text = format!(
        "start_local,minutes,kind,doctor,patient_id,queue_token\r\n2026-12-04 10:00,15,walk_in,Dr. Zoë Ångström,{},\r\n",
        id(40)
    );
    let report = import(&mut store, &text, &options(None));
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.notices.len(), 1, "{:?}", report.notices);
    assert!(
        report.notices[0]
            .reason
            .contains("the file gives this walk-in no queue token: it gets W-001"),
        "{}",
        report.notices[0].reason
    );
}
