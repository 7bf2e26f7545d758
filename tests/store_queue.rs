//! Walk-in and emergency queue tokens in the store: unique per clinic day and never given twice,
//! whatever was cancelled; a patient in a day's queue stays on that day; the database itself
//! refuses a token given twice, or in any form but ours (so equal numbers are equal text);
//! imports keep free tokens written our way within the day's queue and replace the others; an
//! old database with duplicate tokens, or tokens of other forms, upgrades with them re-issued
//! and audited.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{Clinic1, id, utc};
use frontdesk::import::{self, ImportOptions, ImportReport};
use frontdesk::scheduling::queue;
use frontdesk::scheduling::*;
use frontdesk::store::{
    MoveRequest, OccurrenceMove, Scope, SeriesRequest, SqliteStore, Start, Store, StoreError,
    StoreOptions,
};

/// 10:00 in Kolkata on 2026-06-02.
const NOW: &str = "2026-06-02T04:30:00Z";

fn clinic() -> Clinic1 {
    Clinic1::new(chrono_tz::Asia::Kolkata)
}

/// Books a walk-in or emergency for `patient` with Dr. Rao, starting now, squeezed in.
fn walk_in(patient: PatientId, c: &mut Clinic1, kind: Kind, now: DateTime<Utc>) -> Appointment {
    let mut req = c.request(c.rao, None, patient, "2026-06-02 10:00");
    req.start = Start::At(now);
    req.kind = kind;
    req.overbook = Some("walk-in queue".into());
    c.store
        .book(&req, "maria", now)
        .expect("walk-in")
        .appointment
}

fn new_patient(c: &mut Clinic1, n: u128) -> PatientId {
    let p = common::patient(n, &format!("Patient {n}"), &format!("+91 90000 {n:05}"));
    c.store.add_patient(&p).expect("patient");
    p.id
}

fn tokens_of_day(c: &Clinic1, date: &str) -> Vec<String> {
    let mut tokens: Vec<String> = c
        .day(date)
        .into_iter()
        .map(|e| e.appointment.queue_token)
        .filter(|t| !t.is_empty())
        .collect();
    tokens.sort();
    tokens
}

#[test]
fn a_token_is_never_given_twice_on_a_day_whatever_was_cancelled() {
    let mut c = clinic();
    let now = utc(NOW);
    let first = walk_in(c.asha, &mut c, Kind::WalkIn, now);
    let second = walk_in(c.ravi, &mut c, Kind::WalkIn, now);
    let emergency = walk_in(c.lata, &mut c, Kind::Emergency, now);
    assert_eq!(
        [&first, &second, &emergency].map(|a| a.queue_token.as_str()),
        ["W-001", "W-002", "E-001"]
    );
    // The last walk-in leaves (cancelled) and another is entered by mistake: neither number
    // comes back.
    c.store
        .change_status(
            second.id,
            &StatusAction::Cancel {
                reason: "left without being seen".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            now,
        )
        .expect("cancel");
    let p = new_patient(&mut c, 50);
    let third = walk_in(p, &mut c, Kind::WalkIn, now);
    assert_eq!(third.queue_token, "W-003");
    c.store
        .change_status(
            third.id,
            &StatusAction::EnteredInError {
                reason: "wrong patient".into(),
            },
            "maria",
            now,
        )
        .expect("entered in error");
    let p = new_patient(&mut c, 51);
    assert_eq!(walk_in(p, &mut c, Kind::WalkIn, now).queue_token, "W-004");
    assert_eq!(
        tokens_of_day(&c, "2026-06-02"),
        ["E-001", "W-001", "W-002", "W-003", "W-004"]
    );
    // The next clinic day starts its own queue.
    let tomorrow = now + Duration::days(1);
    let p = new_patient(&mut c, 52);
    assert_eq!(
        walk_in(p, &mut c, Kind::WalkIn, tomorrow).queue_token,
        "W-001"
    );
}

#[test]
fn a_walk_in_stays_on_its_day_and_moves_freely_within_it() {
    let mut c = clinic();
    let now = utc(NOW);
    let a = walk_in(c.asha, &mut c, Kind::WalkIn, now);
    let history = c.store.history(a.id).expect("history");
    let refused = c
        .store
        .move_appointment(
            &MoveRequest {
                appointment: a.id,
                start: Start::Local(c.local("2026-06-03 10:00")),
                doctor: None,
                room: None,
                overbook: Some("doctor asked".into()),
            },
            "maria",
            now,
        )
        .expect_err("another day");
    let text = refused.to_string();
    assert!(
        text.contains("cannot move to 2026-06-03: this walk-in has arrived and holds queue token W-001 on 2026-06-02"),
        "{text}"
    );
    assert!(
        text.contains("book a new appointment then and cancel this one"),
        "{text}"
    );
    let entry = c.store.appointment(a.id).expect("still there");
    assert_eq!(entry.appointment, a, "nothing changed");
    assert_eq!(c.store.history(a.id).expect("history"), history);
    // Later the same day, with another doctor: token, status and arrival stay.
    let moved = c
        .store
        .move_appointment(
            &MoveRequest {
                appointment: a.id,
                start: Start::Local(c.local("2026-06-02 16:00")),
                doctor: Some(c.mehta),
                room: None,
                overbook: None,
            },
            "maria",
            now,
        )
        .expect("same day")
        .appointment;
    assert_eq!(moved.queue_token, "W-001");
    assert_eq!(moved.status, Status::CheckedIn);
    assert_eq!(moved.arrived_at, a.arrived_at);
    let p = new_patient(&mut c, 50);
    assert_eq!(walk_in(p, &mut c, Kind::WalkIn, now).queue_token, "W-002");
}

#[test]
fn an_arrived_patient_stays_on_their_day_and_a_booked_one_moves_anywhere() {
    let mut c = clinic();
    let now = utc(NOW);
    let arrived = c.book_ok(c.rao, None, c.asha, "2026-06-02 11:00", now);
    let booked = c.book_ok(c.rao, None, c.ravi, "2026-06-02 11:30", now);
    c.store
        .change_status(arrived.id, &StatusAction::CheckIn, "maria", now)
        .expect("check in");
    let tomorrow = c.local("2026-06-03 11:00");
    let to_tomorrow = |id| MoveRequest {
        appointment: id,
        start: Start::Local(tomorrow),
        doctor: None,
        room: None,
        overbook: None,
    };
    let refused = c
        .store
        .move_appointment(&to_tomorrow(arrived.id), "maria", now)
        .expect_err("arrived");
    assert!(
        refused
            .to_string()
            .contains("this patient has arrived (checked in) on 2026-06-02"),
        "{refused}"
    );
    let moved = c
        .store
        .move_appointment(&to_tomorrow(booked.id), "maria", now)
        .expect("a booking moves to another day")
        .appointment;
    assert_eq!(moved.status, Status::Scheduled);
}

#[test]
fn an_arrived_occurrence_of_a_series_stays_on_its_day() {
    let mut c = clinic();
    let now = utc(NOW);
    let outcome = c
        .store
        .book_series(
            &SeriesRequest {
                booking: c.request(c.rao, None, c.asha, "2026-06-02 11:00"),
                rule: SeriesRule::parse("daily;count=3").expect("rule"),
                on_conflict: series::OnConflict::Refuse,
            },
            "maria",
            now,
        )
        .expect("series");
    let today = outcome.booked[0].1.appointment.id;
    c.store
        .change_status(today, &StatusAction::CheckIn, "maria", now)
        .expect("check in");
    let by_a_day = OccurrenceMove {
        days: 1,
        time: None,
    };
    for scope in [Scope::This, Scope::ThisAndFollowing] {
        let refused = c
            .store
            .move_occurrences(today, scope, &by_a_day, Some("doctor away"), "maria", now)
            .expect_err("arrived");
        assert!(
            refused
                .to_string()
                .contains("has arrived (checked in) on 2026-06-02"),
            "{scope:?}: {refused}"
        );
    }
    assert_eq!(
        c.store
            .appointment(today)
            .expect("entry")
            .appointment
            .status,
        Status::CheckedIn
    );
    // A new time the same day is fine.
    let later = OccurrenceMove {
        days: 0,
        time: chrono::NaiveTime::from_hms_opt(16, 0, 0),
    };
    c.store
        .move_occurrences(today, Scope::This, &later, None, "maria", now)
        .expect("same day");
}

#[test]
fn a_walk_in_or_emergency_starts_today() {
    let mut c = clinic();
    let now = utc(NOW);
    for (kind, start) in [
        (Kind::WalkIn, "2026-06-03 10:00"),
        (Kind::Emergency, "2026-06-01 17:00"),
    ] {
        let mut req = c.request(c.rao, None, c.asha, start);
        req.kind = kind;
        req.overbook = Some("squeezed in".into());
        let e = c.store.book(&req, "maria", now).expect_err("not today");
        assert!(
            matches!(&e, StoreError::Invalid(t) if t.contains("joins today's queue, so it starts today (2026-06-02")),
            "{e}"
        );
    }
    assert!(c.day("2026-06-03").is_empty() && c.day("2026-06-01").is_empty());
}

#[test]
fn the_database_refuses_a_token_given_twice_and_keeps_every_token_issued() {
    let mut c = clinic();
    let now = utc(NOW);
    let first = walk_in(c.asha, &mut c, Kind::WalkIn, now);
    let second = walk_in(c.ravi, &mut c, Kind::WalkIn, now);
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    // Another program writing straight into the file cannot give W-001 again that day...
    let twice = conn.execute(
        "UPDATE appointment SET queue_token = 'W-001' WHERE id = ?1",
        [second.id.0],
    );
    assert!(
        twice
            .unwrap_err()
            .to_string()
            .contains("UNIQUE constraint failed"),
        "duplicate refused"
    );
    // ...nor give a token without its day, nor take one back out of the ledger.
    let dayless = conn.execute(
        "UPDATE appointment SET queue_date = NULL WHERE id = ?1",
        [first.id.0],
    );
    assert!(
        dayless
            .unwrap_err()
            .to_string()
            .contains("needs its clinic day")
    );
    let forget = conn.execute("DELETE FROM queue_token", []);
    assert!(forget.unwrap_err().to_string().contains("append-only"));
    let issued: Vec<(String, String)> = conn
        .prepare("SELECT local_date, token FROM queue_token ORDER BY token")
        .expect("select")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        issued,
        [
            ("2026-06-02".to_owned(), "W-001".to_owned()),
            ("2026-06-02".to_owned(), "W-002".to_owned())
        ]
    );
}

const HEADER: &str = "id,start_utc,end_utc,status,kind,doctor,patient_id,queue_token\r\n";

fn row(n: u128, start: &str, kind: &str, patient: u128, token: &str) -> String {
    let start = utc(start);
    let end = start + Duration::minutes(15);
    let status = if kind == "scheduled" {
        "completed"
    } else {
        "checked_in"
    };
    format!(
        "{},{},{},{status},{kind},Dr. Anjali Rao,{},{token}\r\n",
        id(n),
        start.format("%Y-%m-%dT%H:%M:%SZ"),
        end.format("%Y-%m-%dT%H:%M:%SZ"),
        id(patient)
    )
}

fn import_csv(c: &mut Clinic1, text: &str, now: DateTime<Utc>) -> ImportReport {
    let parsed = import::appointments::parse_csv(text).expect("csv");
    c.store
        .import_appointments(
            &parsed,
            &ImportOptions {
                clinic: c.clinic,
                dry_run: false,
                overbook: Some("history".into()),
                source: "old-system.csv".into(),
                default_doctor: None,
            },
            "importer",
            now,
            &mut |_| {},
        )
        .expect("import ran")
}

#[test]
fn an_import_keeps_free_tokens_and_replaces_taken_ones_and_says_so() {
    let mut c = clinic();
    let now = utc(NOW);
    walk_in(c.asha, &mut c, Kind::WalkIn, now); // W-001 on 2026-06-02
    for n in 50..54 {
        new_patient(&mut c, n);
    }
    let mut text = HEADER.to_owned();
    // 2: W-001 is taken that day: the next walk-in token.
    text += &row(100, "2026-06-02T04:00:00Z", "walk_in", 50, "W-001");
    // 3: W-003 is free and within the day's queue (four walk-ins with the file's): kept.
    text += &row(101, "2026-06-02T04:15:00Z", "walk_in", 51, "W-003");
    // 4: the same token on the same day, in the same file: the next number no row keeps.
    text += &row(102, "2026-06-02T04:20:00Z", "walk_in", 52, "W-003");
    // 5: a scheduled appointment with a taken token: imported without one.
    text += &row(103, "2026-06-02T03:40:00Z", "scheduled", 53, "W-001");
    // 6: W-001 at 00:30 on 3 June in Kolkata, still 2 June in UTC: another clinic day, free.
    text += &row(104, "2026-06-02T19:00:00Z", "walk_in", 50, "W-001");
    let report = import_csv(&mut c, &text, now);
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.imported, 5);
    let token = |n: u128| {
        c.store
            .appointment(AppointmentId(id(n)))
            .expect("imported")
            .appointment
            .queue_token
    };
    assert_eq!(
        (100..105).map(token).collect::<Vec<_>>(),
        ["W-002", "W-003", "W-004", "", "W-001"]
    );
    let notice = |line: usize| -> Vec<String> {
        report
            .notices
            .iter()
            .filter(|n| n.line == line)
            .map(|n| n.reason.clone())
            .collect()
    };
    assert_eq!(
        notice(2),
        ["queue token W-001 was already given on 2026-06-02: this patient gets W-002 instead"]
    );
    assert!(notice(3).is_empty() && notice(6).is_empty());
    assert!(notice(4)[0].contains("W-003 was already given on 2026-06-02"));
    assert!(notice(5)[0].contains("imported without a token"));
    let history = c.store.history(AppointmentId(id(100))).expect("history");
    assert!(
        history[0]
            .reason
            .contains("this patient gets W-002 instead"),
        "{}",
        history[0].reason
    );
    // The day goes on after the highest token imported.
    let p = new_patient(&mut c, 60);
    assert_eq!(walk_in(p, &mut c, Kind::WalkIn, now).queue_token, "W-005");
    assert_eq!(
        tokens_of_day(&c, "2026-06-02"),
        ["W-001", "W-002", "W-003", "W-004", "W-005"]
    );
}

#[test]
fn an_import_compares_tokens_by_number_and_never_closes_a_day() {
    let mut c = clinic();
    let now = utc(NOW);
    walk_in(c.asha, &mut c, Kind::WalkIn, now); // W-001 on 2026-06-02
    for n in 50..58 {
        new_patient(&mut c, n);
    }
    let mut text = HEADER.to_owned();
    // Lines 2 to 9: number 1 three more ways, a number no day of eight walk-ins reaches,
    // other digits, an emergency's token on a walk-in, and a walk-in and an emergency
    // without one.
    for (n, token) in ["W-1", "w-001", "W-0001", "W-9999", "W-٢٢", "E-001", "", ""]
        .into_iter()
        .enumerate()
    {
        let n = n as u128;
        let kind = if n == 7 { "emergency" } else { "walk_in" };
        let start = format!("2026-06-02T0{}:00:00Z", n + 1);
        text += &row(200 + n, &start, kind, 50 + n, token);
    }
    let report = import_csv(&mut c, &text, now);
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert!(report.committed);
    let token = |n: u128| {
        c.store
            .appointment(AppointmentId(id(n)))
            .expect("imported")
            .appointment
            .queue_token
    };
    assert_eq!(
        (200..208).map(token).collect::<Vec<_>>(),
        [
            "W-002", "W-003", "W-004", "W-005", "W-006", "W-007", "W-008", "E-001"
        ]
    );
    // Every row whose token was set aside is said, on its own line; so is every row without
    // one, which gets its token as at the desk (round 3: a token given unsaid was a finding).
    let lines: Vec<usize> = report.notices.iter().map(|n| n.line).collect();
    assert_eq!(lines, (2..=9).collect::<Vec<_>>(), "{:?}", report.notices);
    assert!(
        report.notices[7]
            .reason
            .contains("no queue token: it gets E-001")
    );
    assert!(
        report.notices[3]
            .reason
            .contains("W-9999 is beyond the walk-in queue of 2026-06-02")
    );
    // The desk goes on with the next number, and the day holds each number once.
    let p = new_patient(&mut c, 60);
    assert_eq!(walk_in(p, &mut c, Kind::WalkIn, now).queue_token, "W-009");
    let tokens = tokens_of_day(&c, "2026-06-02");
    let numbers: std::collections::BTreeSet<_> =
        tokens.iter().filter_map(|t| queue::parse(t)).collect();
    assert_eq!(numbers.len(), tokens.len(), "{tokens:?}");
}

/// Runs `sql` on appointment `n` straight in the file, as another program could.
fn raw(c: &Clinic1, sql: &str, n: u128) -> rusqlite::Result<usize> {
    rusqlite::Connection::open(c.path())
        .expect("raw")
        .execute(sql, [id(n)])
}

#[test]
fn the_database_holds_a_token_only_as_we_write_it_for_its_kind() {
    let mut c = clinic();
    let now = utc(NOW);
    let first = walk_in(c.asha, &mut c, Kind::WalkIn, now); // W-001
    let p = new_patient(&mut c, 50);
    let second = walk_in(p, &mut c, Kind::WalkIn, now); // W-002
    let p = new_patient(&mut c, 51);
    let emergency = walk_in(p, &mut c, Kind::Emergency, now); // E-001
    let n = |a: &Appointment| a.id.0.as_u128();
    for (sql, who) in [
        // Number 1 again, in other forms: the unique index alone would take them.
        (
            "UPDATE appointment SET queue_token = 'W-1' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'w-001' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-0001' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-٢٢' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-000' WHERE id = ?1",
            n(&second),
        ),
        // The other kind's letter, or a token on a scheduled appointment.
        (
            "UPDATE appointment SET queue_token = 'E-002' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-003' WHERE id = ?1",
            n(&emergency),
        ),
        (
            "UPDATE appointment SET kind = 'scheduled' WHERE id = ?1",
            n(&first),
        ),
        (
            "UPDATE appointment SET kind = 'emergency' WHERE id = ?1",
            n(&first),
        ),
    ] {
        let refused = raw(&c, sql, who).expect_err(sql);
        assert!(
            refused
                .to_string()
                .contains("a queue token is written W-001 to W-9999"),
            "{sql}: {refused}"
        );
    }
    let ledger = rusqlite::Connection::open(c.path()).expect("raw").execute(
        "INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at)          VALUES (?1, '2026-06-02', 'W-01', ?2, 0)",
        rusqlite::params![id(1), first.id.0],
    );
    assert!(
        ledger.is_err_and(|e| e.to_string().contains("one per number")),
        "the ledger takes no other form"
    );
    // The forms we write pass, up to four digits.
    raw(
        &c,
        "UPDATE appointment SET queue_token = 'W-1234' WHERE id = ?1",
        n(&second),
    )
    .expect("our form");
    assert_eq!(
        tokens_of_day(&c, "2026-06-02"),
        ["E-001", "W-001", "W-1234"]
    );
}

#[test]
fn an_unusable_token_in_a_file_is_a_bad_row_and_nothing_is_imported() {
    let mut c = clinic();
    let now = utc(NOW);
    let mut text = HEADER.to_owned();
    text += &row(100, "2026-06-02T04:00:00Z", "walk_in", 40, "W-001");
    text += &row(101, "2026-06-02T04:15:00Z", "walk_in", 41, &"W".repeat(40));
    let report = import_csv(&mut c, &text, now);
    assert_eq!(report.bad.len(), 1);
    assert_eq!(report.bad[0].line, 3);
    assert!(report.bad[0].reason.contains("is not a queue token"));
    assert!(!report.committed);
    assert!(c.day("2026-06-02").is_empty());
}

/// (id, start UTC, kind, token, created at) of an appointment an older Frontdesk wrote.
type OldRow<'a> = (u128, &'a str, &'a str, &'a str, &'a str);

/// A database of schema `version` holding `rows` as an older Frontdesk wrote them: schema 8
/// without a token day or ledger, schema 9 with them (its triggers fill the ledger).
fn old_database(version: i64, rows: &[OldRow<'_>]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite3");
    let mut old = SqliteStore::open_with(
        &path,
        StoreOptions {
            target_version: version,
            ..StoreOptions::default()
        },
    )
    .expect("old schema");
    let fresh = Clinic1::new(chrono_tz::Asia::Kolkata);
    for clinic in fresh.store.clinics().expect("clinics") {
        old.add_clinic(&clinic).expect("clinic");
    }
    for doctor in fresh.store.doctors().expect("doctors") {
        old.add_doctor(&doctor).expect("doctor");
    }
    for n in 40..60 {
        old.add_patient(&common::patient(n, &format!("Patient {n}"), ""))
            .expect("patient");
    }
    let conn = old.connection();
    for &(n, start, kind, token, created) in rows {
        let start = utc(start);
        let day = start
            .with_timezone(&chrono_tz::Asia::Kolkata)
            .format("%Y-%m-%d")
            .to_string();
        let (day_column, day_value) = if version >= 9 {
            (", queue_date", format!(", '{day}'"))
        } else {
            (Default::default(), String::new())
        };
        conn.execute(
            &format!(
                "INSERT INTO appointment (id, clinic_id, patient_id, doctor_id, start_utc, end_utc, \
                 mode, kind, status, queue_token, arrived_at, created_by, created_at, updated_by, \
                 updated_at{day_column}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'in_clinic', ?7, \
                 'completed', ?8, ?5, 'maria', ?9, 'maria', ?9{day_value})"
            ),
            rusqlite::params![
                id(1000 + n),
                id(1),
                id(39 + n),
                id(10),
                start.timestamp(),
                (start + Duration::minutes(15)).timestamp(),
                kind,
                token,
                utc(created).timestamp()
            ],
        )
        .expect("old row");
    }
    drop(old);
    (dir, path)
}

/// Appointments as an older Frontdesk wrote them (schema 8): no token day, no ledger.
fn old_database_with_duplicates() -> (tempfile::TempDir, std::path::PathBuf) {
    // The Kolkata day 2026-06-02 runs from 2026-06-01T18:30Z to 2026-06-02T18:30Z.
    old_database(
        8,
        &[
            (
                1,
                "2026-06-01T19:00:00Z",
                "walk_in",
                "W-001",
                "2026-06-01T19:00:00Z",
            ),
            (
                2,
                "2026-06-02T05:00:00Z",
                "walk_in",
                "W-002",
                "2026-06-02T05:00:00Z",
            ),
            // Moved here from 3 June (the bug): a second W-001 and W-002 on 2 June.
            (
                3,
                "2026-06-02T06:00:00Z",
                "walk_in",
                "W-001",
                "2026-06-02T06:30:00Z",
            ),
            (
                4,
                "2026-06-02T07:00:00Z",
                "walk_in",
                "W-002",
                "2026-06-02T04:00:00Z",
            ),
            (
                5,
                "2026-06-02T08:00:00Z",
                "emergency",
                "E-001",
                "2026-06-02T08:00:00Z",
            ),
            // W-001 on 3 June is another day's token: left alone.
            (
                6,
                "2026-06-02T19:00:00Z",
                "walk_in",
                "W-001",
                "2026-06-02T19:00:00Z",
            ),
        ],
    )
}

#[test]
fn a_database_with_tokens_of_other_forms_upgrades_to_one_number_each() {
    // As schema 9 let imports write them on 2 June: number 1 four ways, a W-9999, other
    // digits, an emergency's token on a walk-in, an emergency's of another form, a token on a
    // scheduled appointment; and a good day on 3 June.
    let at = |hour: u32| format!("2026-06-02T{hour:02}:00:00Z");
    let times: Vec<String> = (0..10).map(at).collect();
    let t = |i: usize| times[i].as_str();
    let rows: Vec<OldRow<'_>> = vec![
        (1, t(0), "walk_in", "W-001", t(0)),
        (2, t(1), "walk_in", "W-1", t(1)),
        (3, t(2), "walk_in", "w-001", t(2)),
        (4, t(3), "walk_in", "W-0001", t(3)),
        (5, t(4), "walk_in", "W-9999", t(4)),
        (6, t(5), "walk_in", "W-٢٢", t(5)),
        (7, t(6), "walk_in", "E-001", t(6)),
        (8, t(7), "emergency", "e-2", t(7)),
        (9, t(8), "scheduled", "W-003", t(8)),
        (10, "2026-06-02T19:00:00Z", "walk_in", "W-001", t(9)),
    ];
    let (_dir, path) = old_database(9, &rows);
    {
        // A token only the ledger holds, beyond the day: it goes.
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute(
            "INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at) \
             VALUES (?1, '2026-06-02', 'W-050', ?2, 0)",
            rusqlite::params![id(1), id(1001)],
        )
        .expect("ledger row");
    }
    let mut store = SqliteStore::open(&path).expect("upgrades");
    let token = |store: &SqliteStore, n: u128| {
        store
            .appointment(AppointmentId(id(1000 + n)))
            .expect("row")
            .appointment
            .queue_token
    };
    assert_eq!(
        (1..=10).map(|n| token(&store, n)).collect::<Vec<_>>(),
        [
            "W-001", "W-002", "W-003", "W-004", "W-005", "W-006", "W-007", "E-001", "", "W-001"
        ]
    );
    for n in 2..=9 {
        let history = store.history(AppointmentId(id(1000 + n))).expect("history");
        let last = history.last().expect("audited");
        assert_eq!(
            (last.action.as_str(), last.actor.as_str()),
            ("token reissued", "Frontdesk upgrade")
        );
        assert!(
            last.before
                .as_deref()
                .is_some_and(|b| b.contains(rows[n as usize - 1].3)),
            "{n}: {:?}",
            last.before
        );
    }
    let reason = |n: u128| {
        store
            .history(AppointmentId(id(1000 + n)))
            .expect("history")
            .remove(0)
            .reason
    };
    assert_eq!(
        reason(5),
        "queue tokens are compared by letter and number: W-9999 was beyond the queue of 2026-06-02, which had 8 tokens of its kind, so this patient now holds W-005"
    );
    assert!(reason(9).contains("a scheduled appointment holds no queue token"));
    for n in [1, 10] {
        assert!(
            store
                .history(AppointmentId(id(1000 + n)))
                .expect("history")
                .is_empty()
        );
    }
    let checked = store.check().expect("check");
    assert!(checked.is_ok(), "{checked:?}");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        let mut stmt = conn
            .prepare("SELECT local_date || ' ' || token FROM queue_token ORDER BY 1")
            .expect("ledger");
        let ledger: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("ledger");
        assert_eq!(
            ledger,
            [
                "2026-06-02 E-001",
                "2026-06-02 W-001",
                "2026-06-02 W-002",
                "2026-06-02 W-003",
                "2026-06-02 W-004",
                "2026-06-02 W-005",
                "2026-06-02 W-006",
                "2026-06-02 W-007",
                "2026-06-03 W-001",
            ]
        );
    }
    // The desk goes on with the next number that day (the same clinic and doctors).
    let c = clinic();
    let mut req = c.request(c.rao, None, PatientId(id(59)), "2026-06-02 10:00");
    req.start = Start::At(utc(NOW));
    req.kind = Kind::WalkIn;
    req.overbook = Some("walk-in queue".into());
    req.visit_type = None;
    let booked = store.book(&req, "maria", utc(NOW)).expect("walk-in");
    assert_eq!(booked.appointment.queue_token, "W-008");
}

#[test]
fn an_old_database_with_duplicate_tokens_upgrades_with_the_later_ones_reissued() {
    let (_dir, path) = old_database_with_duplicates();
    let store = SqliteStore::open(&path).expect("upgrades");
    let token = |n: u128| {
        store
            .appointment(AppointmentId(id(1000 + n)))
            .expect("row")
            .appointment
            .queue_token
    };
    // 1 (booked first) keeps W-001; 4 was booked before 2 and keeps W-002; 2 and then 3 get
    // the next walk-in tokens of the day, in the order they were booked.
    assert_eq!(
        (1..=6).map(token).collect::<Vec<_>>(),
        ["W-001", "W-003", "W-004", "W-002", "E-001", "W-001"]
    );
    let history = store.history(AppointmentId(id(1003))).expect("history");
    let last = history.last().expect("audited");
    assert_eq!(last.action, "token reissued");
    assert_eq!(last.actor, "Frontdesk upgrade");
    assert_eq!(
        last.reason,
        "two patients held queue token W-001 on 2026-06-02: this one, booked later, now holds W-004"
    );
    assert!(last.before.as_deref().is_some_and(|b| b.contains("W-001")));
    for n in [1, 4, 5, 6] {
        let history = store.history(AppointmentId(id(1000 + n))).expect("history");
        assert!(
            history.is_empty(),
            "{n} kept its token and has no new event"
        );
    }
    assert!(store.check().expect("check").is_ok());
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let ledger: i64 = conn
        .query_row("SELECT count(*) FROM queue_token", [], |r| r.get(0))
        .expect("count");
    assert_eq!(ledger, 6, "every token held is in the ledger");
}

#[test]
fn a_booked_patient_checks_in_on_the_day_of_the_appointment_only() {
    let mut c = clinic();
    let now = utc(NOW);
    let tomorrow = c.book_ok(c.rao, None, c.asha, "2026-06-03 10:00", now);
    let refused = c
        .store
        .change_status(tomorrow.id, &StatusAction::CheckIn, "maria", now)
        .expect_err("not its day");
    assert!(
        refused
            .to_string()
            .contains("cannot check in on 2026-06-02: the appointment is on 2026-06-03"),
        "{refused}"
    );
    assert_eq!(
        c.store.appointment(tomorrow.id).expect("entry").appointment,
        tomorrow
    );
    let arrived = c
        .store
        .change_status(
            tomorrow.id,
            &StatusAction::CheckIn,
            "maria",
            c.at("2026-06-03 09:50"),
        )
        .expect("on the day");
    assert_eq!(arrived.status, Status::CheckedIn);
}
