//! The waiting room through the `Store` trait (issue 17): "call next" follows the clinic's call
//! order for one doctor or room and records each call; "not here" sends a patient back, then
//! makes them a no-show after the clinic's number of calls; the rules are checked, kept and
//! logged; the board holds tokens (and initials only when chosen), never a name or a phone;
//! two desks calling at the same moment call two different patients.

use crate::common::{Clinic1, TestBackend, utc};
use chrono::{DateTime, Duration, Utc};
use frontdesk::scheduling::call_order::{CallOrder, Group};
use frontdesk::scheduling::waiting_room::{BoardShows, WaitingRoomRules};
use frontdesk::scheduling::*;
use frontdesk::store::{CallFor, NotHereDone, Start, Store, StoreError, WaitingRoom};

/// 10:00 in Kolkata on 2026-06-02.
const NOW: &str = "2026-06-02T04:30:00Z";

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata)
}

/// A walk-in or emergency of `patient` with `doctor`, arrived at `now`.
fn walk_in<B: TestBackend>(
    doctor: DoctorId,
    patient: PatientId,
    kind: Kind,
    now: DateTime<Utc>,
    c: &mut Clinic1<B>,
) -> Appointment {
    let mut req = c.request(doctor, None, patient, "2026-06-02 10:00");
    req.start = Start::At(now);
    req.kind = kind;
    req.overbook = Some("walk-in queue".into());
    c.store
        .book(&req, "maria", now)
        .expect("walk-in")
        .appointment
}

/// A booked appointment at `start` (local), checked in at `arrived`.
fn arrived<B: TestBackend>(
    doctor: DoctorId,
    room: Option<RoomId>,
    patient: PatientId,
    start: &str,
    arrived: DateTime<Utc>,
    c: &mut Clinic1<B>,
) -> Appointment {
    let booked = c.book_ok(doctor, room, patient, start, utc("2026-06-01T04:30:00Z"));
    c.store
        .change_status(booked.id, &StatusAction::CheckIn, "maria", arrived)
        .expect("check in")
}

pub fn call_next_follows_the_clinics_order_for_one_doctor_and_records_each_call<B: TestBackend>() {
    let mut c = clinic::<B>();
    let now = utc(NOW);
    // Asha's 09:45 with Dr. Rao is due; Ravi walked in; Lata is an emergency, arrived last;
    // Dr. Mehta's patient waits too, and Asha's second appointment at 11:00 came early.
    let due = arrived(c.rao, None, c.asha, "2026-06-02 09:45", now, &mut c);
    let walk = walk_in(
        c.rao,
        c.ravi,
        Kind::WalkIn,
        now + Duration::minutes(1),
        &mut c,
    );
    let emergency = walk_in(
        c.rao,
        c.lata,
        Kind::Emergency,
        now + Duration::minutes(2),
        &mut c,
    );
    let mehtas = arrived(c.mehta, None, c.ravi, "2026-06-02 09:30", now, &mut c);
    let early = arrived(c.rao, None, c.lata, "2026-06-02 11:00", now, &mut c);
    let at = now + Duration::minutes(3);
    let mut order = Vec::new();
    while let Some(called) = c
        .store
        .call_next(c.clinic, CallFor::Doctor(c.rao), "maria", at)
        .expect("call next")
    {
        assert_eq!(called.appointment.status, Status::Called);
        assert_eq!(called.calls, 1);
        order.push(called.appointment.id);
        assert!(order.len() <= 4, "calls only Dr. Rao's four: {order:?}");
    }
    assert_eq!(order, [emergency.id, due.id, walk.id, early.id]);
    // Dr. Mehta's patient was not called.
    let day = c.day("2026-06-02");
    let status = |id: AppointmentId| {
        day.iter()
            .find(|e| e.appointment.id == id)
            .map(|e| e.appointment.status)
    };
    assert_eq!(status(mehtas.id), Some(Status::CheckedIn));
    assert_eq!(status(due.id), Some(Status::Called));
    // Each call is in the history, with who called and the call's number; the arrival stays.
    let history = c.store.history(due.id).expect("history");
    let call = history.last().expect("an event");
    assert_eq!(call.action, "called");
    assert_eq!(call.actor, "maria");
    assert!(
        call.after.as_deref().unwrap_or("").contains("\"calls\":1"),
        "{call:?}"
    );
    assert_eq!(c.store.last_call(due.id).expect("read"), Some((1, at)));
    let seen = day
        .iter()
        .find(|e| e.appointment.id == due.id)
        .expect("due");
    assert_eq!(seen.appointment.arrived_at, Some(now));
    // A called patient is seen from the called step.
    let started = c
        .store
        .change_status(
            due.id,
            &StatusAction::Start,
            "rao",
            at + Duration::minutes(2),
        )
        .expect("start");
    assert_eq!(started.status, Status::InConsultation);
}

pub fn call_next_by_room_and_an_empty_waiting_room<B: TestBackend>() {
    let mut c = clinic::<B>();
    let now = utc(NOW);
    assert_eq!(
        c.store
            .call_next(c.clinic, CallFor::Room(c.room1), "maria", now)
            .expect("nobody waits"),
        None
    );
    let in_room2 = arrived(
        c.rao,
        Some(c.room2),
        c.asha,
        "2026-06-02 09:45",
        now,
        &mut c,
    );
    let in_room1 = arrived(
        c.mehta,
        Some(c.room1),
        c.ravi,
        "2026-06-02 09:50",
        now,
        &mut c,
    );
    let called = c
        .store
        .call_next(c.clinic, CallFor::Room(c.room1), "maria", now)
        .expect("call")
        .expect("someone");
    assert_eq!(called.appointment.id, in_room1.id);
    // Yesterday's or tomorrow's arrivals are not today's queue: only Room 2's patient is left.
    assert_eq!(
        c.store
            .call_next(c.clinic, CallFor::Room(c.room1), "maria", now)
            .expect("call"),
        None
    );
    assert_eq!(
        c.store
            .call_next(
                c.clinic,
                CallFor::Room(c.room2),
                "maria",
                now + Duration::days(1)
            )
            .expect("call tomorrow"),
        None,
        "tomorrow's waiting room is another day's"
    );
    let again = c
        .store
        .call_patient(in_room2.id, "maria", now)
        .expect("call out of turn");
    assert_eq!((again.appointment.status, again.calls), (Status::Called, 1));
    let recall = c
        .store
        .call_patient(in_room2.id, "maria", now + Duration::minutes(1))
        .expect("recall");
    assert_eq!(recall.calls, 2);
    assert_eq!(
        c.store.last_call(in_room2.id).expect("read"),
        Some((2, now + Duration::minutes(1)))
    );
}

pub fn not_here_sends_back_then_makes_a_no_show_after_the_clinics_calls<B: TestBackend>() {
    let mut c = clinic::<B>();
    let now = utc(NOW);
    let rules = WaitingRoomRules {
        call_limit: 2,
        ..WaitingRoomRules::default()
    };
    c.store
        .set_waiting_room_rules(c.clinic, &rules, "manager", now)
        .expect("rules");
    // Booked for 10:30 and early: "not here" makes a no-show before the booked time too.
    let a = arrived(c.rao, None, c.asha, "2026-06-02 10:30", now, &mut c);
    let err = c
        .store
        .not_here(a.id, "maria", now)
        .expect_err("not called");
    assert!(err.to_string().contains("call them first"), "{err}");
    let before = c.store.history(a.id).expect("history").len();
    c.store.call_patient(a.id, "maria", now).expect("call 1");
    match c.store.not_here(a.id, "maria", now).expect("not here 1") {
        NotHereDone::BackToQueue {
            appointment,
            calls,
            limit,
        } => {
            assert_eq!((calls, limit), (1, 2));
            assert_eq!(appointment.status, Status::CheckedIn);
            assert_eq!(
                appointment.arrived_at,
                Some(now),
                "keeps the arrival and place"
            );
        }
        other => panic!("back to the queue, not {other:?}"),
    }
    c.store
        .call_next(c.clinic, CallFor::Doctor(c.rao), "maria", now)
        .expect("call 2")
        .expect("called again");
    match c.store.not_here(a.id, "maria", now).expect("not here 2") {
        NotHereDone::NoShow { appointment, calls } => {
            assert_eq!(calls, 2);
            assert_eq!(appointment.status, Status::NoShow);
        }
        other => panic!("a no-show, not {other:?}"),
    }
    let history = c.store.history(a.id).expect("history");
    let actions: Vec<&str> = history[before..]
        .iter()
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(actions, ["called", "checked_in", "called", "no_show"]);
    assert_eq!(history[before + 1].reason, "not here at call 1 of 2");
    assert_eq!(history[before + 3].reason, "not here at call 2 of 2");
    // The time is free again, as for any no-show.
    c.book_ok(c.rao, None, c.ravi, "2026-06-02 10:30", now);
}

pub fn the_waiting_room_rules_are_checked_kept_and_logged<B: TestBackend>() {
    let mut c = clinic::<B>();
    let now = utc(NOW);
    assert_eq!(
        c.store.waiting_room_rules(c.clinic).expect("read"),
        WaitingRoomRules::default()
    );
    let bad = WaitingRoomRules {
        call_limit: 0,
        ..WaitingRoomRules::default()
    };
    let version = c.store.change_version().expect("version");
    let err = c
        .store
        .set_waiting_room_rules(c.clinic, &bad, "manager", now)
        .expect_err("0 calls");
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the number of calls before a no-show must be from 1 to 9, not 0"
    );
    let too_long = WaitingRoomRules {
        wait_minutes: 601,
        ..WaitingRoomRules::default()
    };
    assert!(
        c.store
            .set_waiting_room_rules(c.clinic, &too_long, "manager", now)
            .is_err()
    );
    assert_eq!(c.store.change_version().expect("version"), version);
    let chosen = WaitingRoomRules {
        call_order: CallOrder::new([Group::Due, Group::Emergency, Group::WalkIn, Group::Early])
            .expect("order"),
        call_limit: 5,
        wait_minutes: 30,
        emergency_wait_minutes: 5,
        board_shows: BoardShows::Initials,
        announce: false,
        kiosk_early_minutes: 0,
        kiosk_late_minutes: 720,
    };
    c.store
        .set_waiting_room_rules(c.clinic, &chosen, "manager", now)
        .expect("stored");
    assert_eq!(
        c.reopen().waiting_room_rules(c.clinic).expect("read"),
        chosen
    );
    let logged = c
        .store
        .setup_history(Some(&c.clinic.to_string()), 10)
        .expect("setup history");
    assert!(
        logged
            .iter()
            .any(|e| e.entity_kind == "waiting_room" && e.actor == "manager"),
        "{logged:?}"
    );
    // Storing the same rules again changes nothing.
    let version = c.store.change_version().expect("version");
    c.store
        .set_waiting_room_rules(c.clinic, &chosen, "manager", now)
        .expect("same");
    assert_eq!(c.store.change_version().expect("version"), version);
}

pub fn the_board_holds_tokens_and_never_a_name_or_phone_unless_initials_are_chosen<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let now = utc(NOW);
    let booked = arrived(
        c.rao,
        Some(c.room1),
        c.asha,
        "2026-06-02 09:45",
        now,
        &mut c,
    );
    walk_in(c.rao, c.ravi, Kind::WalkIn, now, &mut c);
    walk_in(c.mehta, c.lata, Kind::Emergency, now, &mut c);
    c.store.call_patient(booked.id, "maria", now).expect("call");
    let board = c.store.queue_board(c.clinic, now).expect("board");
    let seen = format!("{board:?}");
    for secret in [
        "Asha", "Iyer", "Ravi", "Kumar", "Lata", "Müller", "98450", "99000", "7946", "Check-up",
    ] {
        assert!(!seen.contains(secret), "the board holds {secret}: {seen}");
    }
    assert_eq!(board.calling.len(), 1);
    assert_eq!(board.calling[0].ticket.text(), "09:45");
    assert_eq!(board.calling[0].to, "Room 1");
    assert_eq!(
        board.calling[0].announcement(),
        "The 09:45 appointment, please go to Room 1"
    );
    let lines: Vec<(String, Vec<String>)> = board
        .lines
        .iter()
        .map(|l| {
            (
                l.doctor.clone(),
                l.waiting.iter().map(|(t, _)| t.text()).collect(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("Dr. Anjali Rao".to_owned(), vec!["W-001".to_owned()]),
            ("Dr. Vikram Mehta".to_owned(), vec!["E-001".to_owned()]),
        ]
    );
    // Ravi waits behind Asha, who was called to a 15-minute visit.
    assert_eq!(board.lines[0].waiting[0].1, 15);
    let rules = WaitingRoomRules {
        board_shows: BoardShows::Initials,
        ..WaitingRoomRules::default()
    };
    c.store
        .set_waiting_room_rules(c.clinic, &rules, "manager", now)
        .expect("initials");
    let board = c.store.queue_board(c.clinic, now).expect("board");
    assert_eq!(board.calling[0].ticket.text(), "09:45 · A. I.");
    assert_eq!(board.lines[1].waiting[0].0.text(), "E-001 · L. M.");
    let seen = format!("{board:?}");
    for secret in ["Asha", "Iyer", "Ravi", "98450"] {
        assert!(!seen.contains(secret), "the board holds {secret}: {seen}");
    }
}

pub fn two_desks_calling_for_one_doctor_at_once_call_two_different_patients<B: TestBackend>() {
    let mut c = clinic::<B>();
    let now = utc(NOW);
    walk_in(c.rao, c.asha, Kind::WalkIn, now, &mut c);
    walk_in(c.rao, c.ravi, Kind::WalkIn, now, &mut c);
    let (clinic, rao) = (c.clinic, c.rao);
    let desks: Vec<_> = (0..2)
        .map(|_| {
            let mut store = c.reopen();
            std::thread::spawn(move || {
                store
                    .call_next(clinic, CallFor::Doctor(rao), "desk", now)
                    .expect("call")
                    .expect("someone waits")
                    .appointment
                    .id
            })
        })
        .collect();
    let called: Vec<AppointmentId> = desks.into_iter().map(|d| d.join().expect("desk")).collect();
    assert_ne!(called[0], called[1], "two desks called one patient");
    assert_eq!(
        c.store
            .call_next(c.clinic, CallFor::Doctor(c.rao), "maria", now)
            .expect("call"),
        None
    );
}

/// Self check-in (issue 17): a phone number with the birth date or the reminder's code finds
/// the patient's own appointments of today, and nobody else's; a wrong number and a wrong
/// proof find nothing alike; the check-in is recorded as a self check-in by the kiosk, within
/// the clinic's window; a second press changes nothing.
pub fn a_patient_checks_in_at_the_kiosk_with_phone_and_birth_date_or_code<B: TestBackend>() {
    use frontdesk::scheduling::kiosk::{Proof, Window};
    let mut c = clinic::<B>();
    let now = utc(NOW); // 10:00 in Kolkata
    let asha_booked = c.book_ok(
        c.rao,
        Some(c.room1),
        c.asha,
        "2026-06-02 10:15",
        utc("2026-06-01T04:30:00Z"),
    );
    let asha_later = c.book_ok(
        c.mehta,
        None,
        c.asha,
        "2026-06-02 16:00",
        utc("2026-06-01T04:30:00Z"),
    );
    let ravi_booked = c.book_ok(
        c.rao,
        None,
        c.ravi,
        "2026-06-02 10:30",
        utc("2026-06-01T04:30:00Z"),
    );
    let born = chrono::NaiveDate::from_ymd_opt(1980, 5, 17).expect("date");
    let asha_code = c.store.check_in_code(asha_booked.id).expect("code");
    let ravi_code = c.store.check_in_code(ravi_booked.id).expect("code");
    assert_ne!(asha_code, ravi_code);
    // Asha's phone, typed as a patient types it, with her birth date.
    let found = c
        .store
        .kiosk_find(c.clinic, "9845012345", &Proof::BirthDate(born), now)
        .expect("find");
    let ids: Vec<AppointmentId> = found.iter().map(|k| k.id).collect();
    assert_eq!(ids, [asha_booked.id, asha_later.id], "hers, not Ravi's");
    assert_eq!(found[0].ticket, "10:15");
    assert_eq!(found[0].doctor, "Dr. Anjali Rao");
    assert_eq!(found[0].room.as_deref(), Some("Room 1"));
    assert_eq!(found[0].window, Window::Open);
    assert!(matches!(found[1].window, Window::TooEarly(_)));
    assert!(
        !format!("{found:?}").contains("Asha"),
        "no name on the kiosk"
    );
    // The code of her 10:15 finds that one only; Ravi's code with her phone finds nothing.
    let by_code = c
        .store
        .kiosk_find(
            c.clinic,
            "+91 98450 12345",
            &Proof::Code(asha_code.clone()),
            now,
        )
        .expect("find");
    assert_eq!(by_code.len(), 1);
    for (phone, proof) in [
        ("9845012345", Proof::Code(ravi_code.clone())),
        (
            "9845012345",
            Proof::BirthDate(chrono::NaiveDate::from_ymd_opt(1980, 5, 18).expect("date")),
        ),
        ("9845012399", Proof::BirthDate(born)),
        ("12", Proof::BirthDate(born)),
        ("", Proof::Code(String::new())),
    ] {
        assert_eq!(
            c.store
                .kiosk_find(c.clinic, phone, &proof, now)
                .expect("find"),
            [],
            "{phone} {proof:?}"
        );
    }
    // Checking in: the right one, recorded as a self check-in by the kiosk.
    let before = c.store.change_version().expect("version");
    let err = c
        .store
        .kiosk_check_in(
            c.clinic,
            ravi_booked.id,
            "9845012345",
            &Proof::BirthDate(born),
            "kiosk",
            now,
        )
        .expect_err("not hers");
    assert!(err.to_string().contains("ask at the desk"), "{err}");
    let err = c
        .store
        .kiosk_check_in(
            c.clinic,
            asha_later.id,
            "9845012345",
            &Proof::BirthDate(born),
            "kiosk",
            now,
        )
        .expect_err("too early");
    assert_eq!(
        err.to_string(),
        "It is too early to check in: please come back at 15:00, or ask at the desk"
    );
    assert_eq!(c.store.change_version().expect("version"), before);
    let done = c
        .store
        .kiosk_check_in(
            c.clinic,
            asha_booked.id,
            "9845012345",
            &Proof::BirthDate(born),
            "kiosk",
            now,
        )
        .expect("checked in");
    assert!(done.arrived);
    let history = c.store.history(asha_booked.id).expect("history");
    let last = history.last().expect("event");
    assert_eq!(
        (
            last.action.as_str(),
            last.actor.as_str(),
            last.reason.as_str()
        ),
        ("checked_in", "kiosk", "self check-in at the kiosk")
    );
    let events = history.len();
    let again = c
        .store
        .kiosk_check_in(
            c.clinic,
            asha_booked.id,
            "9845012345",
            &Proof::BirthDate(born),
            "kiosk",
            now,
        )
        .expect("pressed again");
    assert!(again.arrived);
    assert_eq!(
        c.store.history(asha_booked.id).expect("history").len(),
        events
    );
    // Too late: 16 minutes after the start (the clinic allows 15).
    let late = now + Duration::minutes(46);
    let ravi_proof = Proof::Code(ravi_code);
    let err = c
        .store
        .kiosk_check_in(
            c.clinic,
            ravi_booked.id,
            "+91 99000 55555",
            &ravi_proof,
            "kiosk",
            late,
        )
        .expect_err("too late");
    assert_eq!(
        err.to_string(),
        "It is too late to check in here: please go to the desk"
    );
}
