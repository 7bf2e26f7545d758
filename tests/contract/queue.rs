//! Walk-in and emergency queue tokens in the store: unique per clinic day and never given twice,
//! whatever was cancelled; a patient in a day's queue stays on that day; imports keep free
//! tokens written our way within the day's queue and replace the others. That the file itself
//! refuses a token given twice or in another form, and that old databases upgrade with their
//! tokens re-issued, is tests/sqlite_only.rs's.

use crate::common::{Clinic1, TestBackend, id, utc};
use chrono::{DateTime, Duration, Utc};
use frontdesk::import::{self, ImportOptions, ImportReport};
use frontdesk::scheduling::queue;
use frontdesk::scheduling::*;
use frontdesk::store::{
    MoveRequest, OccurrenceMove, Scope, SeriesRequest, Start, Store, StoreError,
};

/// 10:00 in Kolkata on 2026-06-02.
const NOW: &str = "2026-06-02T04:30:00Z";

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata)
}

/// Books a walk-in or emergency for `patient` with Dr. Rao, starting now, squeezed in.
fn walk_in<B: TestBackend>(
    patient: PatientId,
    c: &mut Clinic1<B>,
    kind: Kind,
    now: DateTime<Utc>,
) -> Appointment {
    let mut req = c.request(c.rao, None, patient, "2026-06-02 10:00");
    req.start = Start::At(now);
    req.kind = kind;
    req.overbook = Some("walk-in queue".into());
    c.store
        .book(&req, "maria", now)
        .expect("walk-in")
        .appointment
}

fn new_patient<B: TestBackend>(c: &mut Clinic1<B>, n: u128) -> PatientId {
    let p = crate::common::patient(n, &format!("Patient {n}"), &format!("+91 90000 {n:05}"));
    c.store.add_patient(&p).expect("patient");
    p.id
}

fn tokens_of_day<B: TestBackend>(c: &Clinic1<B>, date: &str) -> Vec<String> {
    let mut tokens: Vec<String> = c
        .day(date)
        .into_iter()
        .map(|e| e.appointment.queue_token)
        .filter(|t| !t.is_empty())
        .collect();
    tokens.sort();
    tokens
}

pub fn a_token_is_never_given_twice_on_a_day_whatever_was_cancelled<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn a_walk_in_stays_on_its_day_and_moves_freely_within_it<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn an_arrived_patient_stays_on_their_day_and_a_booked_one_moves_anywhere<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn an_arrived_occurrence_of_a_series_stays_on_its_day<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn a_walk_in_or_emergency_starts_today<B: TestBackend>() {
    let mut c = clinic::<B>();
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

fn import_csv<B: TestBackend>(c: &mut Clinic1<B>, text: &str, now: DateTime<Utc>) -> ImportReport {
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

pub fn an_import_keeps_free_tokens_and_replaces_taken_ones_and_says_so<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn an_import_compares_tokens_by_number_and_never_closes_a_day<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn an_unusable_token_in_a_file_is_a_bad_row_and_nothing_is_imported<B: TestBackend>() {
    let mut c = clinic::<B>();
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

pub fn a_booked_patient_checks_in_on_the_day_of_the_appointment_only<B: TestBackend>() {
    let mut c = clinic::<B>();
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
