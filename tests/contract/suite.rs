//! The store's behaviour through the `Store` trait: bookings, refusals that change nothing,
//! overbooking with an audited reason, moves, status changes, walk-ins, search, slots.

use crate::common::{Clinic1, TestBackend, utc};
use chrono::Duration;
use frontdesk::scheduling::*;
use frontdesk::store::{AgendaFilter, MoveRequest, SlotSearch, Start, Store, StoreError};

const NOW: &str = "2026-06-01T03:00:00Z"; // 08:30 in Kolkata

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata)
}

/// (appointments, audit events, patients), through the store's check.
fn counts<B: TestBackend>(c: &Clinic1<B>) -> (i64, i64, i64) {
    let q = |label: &str| crate::common::count_of(&c.store, label);
    (q("appointments"), q("audit events"), q("patients"))
}

pub fn a_booking_is_stored_with_its_audit_event<B: TestBackend>() {
    let mut c = clinic::<B>();
    let req = c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00");
    let out = c.store.book(&req, "maria", utc(NOW)).expect("book");
    assert_eq!(out.appointment.status, Status::Scheduled);
    assert_eq!(out.appointment.interval.start, c.at("2026-06-02 09:00"));
    assert_eq!(out.appointment.interval.minutes(), 15);
    assert!(out.conflicts.is_empty() && out.overbooked.is_none());
    let day = c.day("2026-06-02");
    assert_eq!(day.len(), 1);
    assert_eq!(day[0].patient_name, "Asha Iyer");
    assert_eq!(day[0].doctor_name, "Dr. Anjali Rao");
    assert_eq!(day[0].room_name.as_deref(), Some("Room 1"));
    assert_eq!(day[0].appointment, out.appointment);
    let history = c.store.history(out.appointment.id).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "created");
    assert_eq!(history[0].actor, "maria");
    assert_eq!(history[0].at, utc(NOW));
}

pub fn an_occupied_slot_is_refused_naming_the_other_appointment_and_nothing_changes<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let first = c
        .store
        .book(
            &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("first");
    let before = counts(&c);
    let mut second = c.request(c.rao, Some(c.room1), c.ravi, "2026-06-02 09:10");
    second.new_patient = Some(crate::common::patient(99, "New Person", "+91 90000 00000"));
    second.patient = second.new_patient.as_ref().map(|p| p.id).expect("id");
    let err = c
        .store
        .book(&second, "maria", utc(NOW))
        .expect_err("refused");
    let StoreError::Refused(conflicts) = &err else {
        panic!("expected Refused, got {err}");
    };
    assert!(
        conflicts
            .iter()
            .any(|x| matches!(x, Conflict::DoctorBooked(k) if k.id == first.appointment.id))
    );
    assert!(
        conflicts
            .iter()
            .any(|x| matches!(x, Conflict::RoomBooked(_)))
    );
    let message = err.to_string();
    assert!(
        message.contains(&first.appointment.id.to_string()),
        "{message}"
    );
    assert!(
        message.contains("Asha Iyer") && message.contains("09:00"),
        "{message}"
    );
    assert_eq!(
        counts(&c),
        before,
        "a refused booking must change nothing, not even register the new patient"
    );
}

pub fn back_to_back_is_allowed<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .book(
            &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("first");
    c.store
        .book(
            &c.request(c.rao, Some(c.room1), c.ravi, "2026-06-02 09:15"),
            "maria",
            utc(NOW),
        )
        .expect("back to back");
    assert_eq!(c.day("2026-06-02").len(), 2);
}

pub fn overbooking_with_a_reason_is_stored_and_audited<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("first");
    let mut req = c.request(c.rao, None, c.ravi, "2026-06-02 09:05");
    req.overbook = Some("   ".into());
    assert!(
        matches!(
            c.store.book(&req, "maria", utc(NOW)),
            Err(StoreError::Refused(_))
        ),
        "a blank reason is no reason"
    );
    req.overbook = Some("Doctor agreed".into());
    let out = c.store.book(&req, "maria", utc(NOW)).expect("overbooked");
    assert_eq!(out.overbooked.as_deref(), Some("Doctor agreed"));
    assert!(
        out.conflicts
            .iter()
            .any(|x| matches!(x, Conflict::DoctorBooked(_)))
    );
    let entry = c.store.appointment(out.appointment.id).expect("entry");
    assert_eq!(entry.overbook_reason.as_deref(), Some("Doctor agreed"));
    let history = c.store.history(out.appointment.id).expect("history");
    assert_eq!(history[0].reason, "Doctor agreed");
    assert!(
        history[0]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("already booked")
    );
    assert!(
        c.store.check().expect("check").is_ok(),
        "a deliberate overbooking is not a broken one"
    );
}

pub fn invalid_requests_cannot_be_overbooked<B: TestBackend>() {
    let mut c = clinic::<B>();
    let mut req = c.request(c.rao, None, c.asha, "2026-06-02 09:00");
    req.minutes = MAX_APPOINTMENT_MINUTES + 15;
    req.overbook = Some("please".into());
    let err = c.store.book(&req, "maria", utc(NOW)).expect_err("too long");
    assert!(err.to_string().contains("maximum"), "{err}");
    req.minutes = 0;
    let err = c.store.book(&req, "maria", utc(NOW)).expect_err("empty");
    assert!(
        err.to_string().contains("end must be after the start"),
        "{err}"
    );
    assert_eq!(counts(&c).0, 0);
}

pub fn a_dst_gap_is_refused_by_the_store_with_the_next_valid_time<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::America::New_York);
    let mut req = c.request(c.rao, None, c.asha, "2026-03-08 02:30");
    req.overbook = Some("even so".into());
    let err = c
        .store
        .book(&req, "maria", utc("2026-03-01T12:00:00Z"))
        .expect_err("gap");
    let message = err.to_string();
    assert!(message.contains("2026-03-08 03:00"), "{message}");
    assert!(message.contains("does not exist"), "{message}");
    assert_eq!(counts(&c).0, 0);
}

pub fn an_ambiguous_time_books_the_earlier_instant_and_says_so<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::America::New_York);
    let mut req = c.request(c.rao, None, c.asha, "2026-11-01 01:30");
    req.overbook = Some("night clinic".into()); // outside hours, deliberately
    let out = c
        .store
        .book(&req, "maria", utc("2026-10-01T12:00:00Z"))
        .expect("booked");
    assert_eq!(out.appointment.interval.start, utc("2026-11-01T05:30:00Z"));
    assert!(
        out.conflicts
            .iter()
            .any(|x| matches!(x, Conflict::LocalTimeAmbiguous { .. }))
    );
}

pub fn preview_reports_conflicts_and_writes_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .book(
            &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("first");
    let before = counts(&c);
    let conflicts = c
        .store
        .preview(
            &c.request(c.rao, Some(c.room1), c.ravi, "2026-06-02 12:55"),
            utc(NOW),
        )
        .expect("preview");
    assert!(
        conflicts
            .iter()
            .any(|x| matches!(x, Conflict::OutsideWorkingHours { .. }))
    );
    let conflicts = c
        .store
        .preview(
            &c.request(c.mehta, Some(c.room1), c.ravi, "2026-06-02 09:00"),
            utc(NOW),
        )
        .expect("preview");
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(matches!(conflicts[0], Conflict::RoomBooked(_)));
    assert_eq!(counts(&c), before);
}

pub fn moving_keeps_the_length_counts_the_sequence_and_is_audited<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c
        .store
        .book(
            &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("book")
        .appointment;
    // Overlapping its own old time is fine.
    let moved = c
        .store
        .move_appointment(
            &MoveRequest {
                appointment: a.id,
                start: Start::Local(c.local("2026-06-02 09:10")),
                doctor: Some(c.mehta),
                room: Some(c.room2),
                overbook: None,
            },
            "john",
            utc(NOW),
        )
        .expect("move")
        .appointment;
    assert_eq!(moved.interval.start, c.at("2026-06-02 09:10"));
    assert_eq!(moved.interval.minutes(), 15);
    assert_eq!((moved.doctor, moved.room), (c.mehta, Some(c.room2)));
    assert_eq!(moved.sequence, 1);
    assert_eq!(
        c.store.appointment(a.id).expect("stored").appointment,
        moved
    );
    let history = c.store.history(a.id).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[1].action.as_str(), history[1].actor.as_str()),
        ("moved", "john")
    );
    assert!(
        history[1]
            .before
            .as_deref()
            .unwrap_or("")
            .contains(&c.rao.to_string())
    );
    assert!(
        history[1]
            .after
            .as_deref()
            .unwrap_or("")
            .contains(&c.mehta.to_string())
    );
}

pub fn a_move_into_a_conflict_is_refused_and_changes_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    c.store
        .book(
            &c.request(c.rao, None, c.ravi, "2026-06-02 10:00"),
            "maria",
            utc(NOW),
        )
        .expect("b");
    let before = counts(&c);
    let err = c
        .store
        .move_appointment(
            &MoveRequest {
                appointment: a.id,
                start: Start::Local(c.local("2026-06-02 10:05")),
                doctor: None,
                room: None,
                overbook: None,
            },
            "maria",
            utc(NOW),
        )
        .expect_err("refused");
    assert!(err.to_string().contains("Ravi Kumar"), "{err}");
    assert_eq!(counts(&c), before);
    assert_eq!(c.store.appointment(a.id).expect("a").appointment, a);
}

pub fn status_changes_follow_the_lifecycle_and_are_audited<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let t = c.at("2026-06-02 08:55");
    let steps = [
        (StatusAction::Confirm, Status::Confirmed),
        (StatusAction::CheckIn, Status::CheckedIn),
        (StatusAction::Start, Status::InConsultation),
        (StatusAction::Complete, Status::Completed),
    ];
    for (i, (action, expected)) in steps.iter().enumerate() {
        let when = t + Duration::minutes(i as i64 * 5);
        let after = c
            .store
            .change_status(a.id, action, "maria", when)
            .expect("step");
        assert_eq!(after.status, *expected);
    }
    let stored = c.store.appointment(a.id).expect("stored").appointment;
    assert_eq!(stored.arrived_at, Some(t + Duration::minutes(5)));
    assert_eq!(
        stored.consultation_started_at,
        Some(t + Duration::minutes(10))
    );
    assert_eq!(stored.completed_at, Some(t + Duration::minutes(15)));
    let before = counts(&c);
    let err = c
        .store
        .change_status(
            a.id,
            &StatusAction::Cancel {
                reason: "too late".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            t,
        )
        .expect_err("done is final");
    assert!(err.to_string().contains("done"), "{err}");
    assert_eq!(counts(&c), before);
    let actions: Vec<String> = c
        .store
        .history(a.id)
        .expect("history")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "created",
            "confirmed",
            "checked_in",
            "in_consultation",
            "completed"
        ]
    );
}

pub fn cancelling_records_reason_who_and_lateness_and_frees_the_slot<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let late_now = c.at("2026-06-01 10:00"); // 23 h before
    let after = c
        .store
        .change_status(
            a.id,
            &StatusAction::Cancel {
                reason: "Travel".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            late_now,
        )
        .expect("cancel");
    let cancellation = after.cancellation.expect("cancellation");
    assert!(cancellation.late);
    assert_eq!(cancellation.by, CancelledBy::Patient);
    let stored = c.store.appointment(a.id).expect("stored").appointment;
    assert_eq!(
        stored.cancellation.map(|x| x.reason),
        Some("Travel".to_owned())
    );
    let history = c.store.history(a.id).expect("history");
    assert_eq!(history.last().map(|e| e.reason.as_str()), Some("Travel"));
    c.store
        .book(
            &c.request(c.rao, None, c.ravi, "2026-06-02 09:00"),
            "maria",
            late_now,
        )
        .expect("the cancelled slot is free again");
}

pub fn walk_ins_arrive_checked_in_with_queue_tokens_and_may_start_now<B: TestBackend>() {
    let mut c = clinic::<B>();
    let now = c.at("2026-06-02 10:02");
    let mut tokens = Vec::new();
    for (patient, kind) in [
        (c.asha, Kind::WalkIn),
        (c.ravi, Kind::WalkIn),
        (c.lata, Kind::Emergency),
    ] {
        let mut req = c.request(c.rao, None, patient, "2026-06-02 10:00");
        req.start = Start::At(now - Duration::minutes(2));
        req.kind = kind;
        if patient != c.asha {
            req.overbook = Some("walk-in queue".into());
        }
        let a = c
            .store
            .book(&req, "maria", now)
            .expect("walk-in")
            .appointment;
        assert_eq!(a.status, Status::CheckedIn);
        assert_eq!(a.arrived_at, Some(now));
        tokens.push(a.queue_token);
    }
    assert_eq!(tokens, ["W-001", "W-002", "E-001"]);
}

pub fn a_scheduled_booking_in_the_past_is_refused<B: TestBackend>() {
    let mut c = clinic::<B>();
    let err = c
        .store
        .book(
            &c.request(c.rao, None, c.asha, "2026-05-31 09:00"),
            "maria",
            utc(NOW),
        )
        .expect_err("past");
    assert!(err.to_string().contains("in the past"), "{err}");
}

pub fn every_change_names_who_made_it<B: TestBackend>() {
    let mut c = clinic::<B>();
    let err = c
        .store
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "  ",
            utc(NOW),
        )
        .expect_err("no actor");
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
}

pub fn patients_are_found_by_name_last_name_and_phone_prefixes<B: TestBackend>() {
    let mut c = clinic::<B>();
    let mut names = |text: &str| -> Vec<String> {
        c.store
            .search_patients(text, 10)
            .expect("search")
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(names("ash"), ["Asha Iyer"]);
    assert_eq!(names("KUM"), ["Ravi Kumar"]);
    assert_eq!(names("lata m"), ["Lata Müller-D'Souza"]);
    assert_eq!(names("müller"), ["Lata Müller-D'Souza"]);
    assert_eq!(
        names("98450"),
        ["Asha Iyer"],
        "the local number without the country code"
    );
    assert_eq!(names("+91 9"), ["Asha Iyer", "Ravi Kumar"]);
    assert!(names("zzz").is_empty());
    assert!(names("").is_empty());
    // Control characters pasted with a name are no part of it, on every engine (PostgreSQL's
    // text cannot even hold a NUL).
    assert_eq!(names("\u{0}ash\u{7}"), ["Asha Iyer"]);
    assert_eq!(names("\u{0}"), Vec::<String>::new());
    assert_eq!(names("+91\u{7} 9\u{0}"), ["Asha Iyer", "Ravi Kumar"]);
}

pub fn likely_duplicates_are_reported<B: TestBackend>() {
    let mut c = clinic::<B>();
    let same_phone = crate::common::patient(77, "A. Iyer", "+91-98450-12345");
    let found = c.store.add_patient(&same_phone).expect("add");
    assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), [c.asha]);
    let stranger = crate::common::patient(78, "Someone Else", "+1 555 0100");
    assert!(c.store.add_patient(&stranger).expect("add").is_empty());
}

pub fn slots_skip_bookings_and_lunch_and_cross_week_windows<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("a");
    let search = |from: &str, count| SlotSearch {
        clinic: c.clinic,
        target: SlotTarget::Doctor(c.rao),
        query: SlotQuery {
            minutes: 30,
            step_minutes: 15,
            from: c.at(from),
            count,
        },
        horizon_days: 30,
        patient: None,
    };
    let slots = c
        .store
        .find_slots(&search("2026-06-02 08:00", 2))
        .expect("slots");
    let starts: Vec<_> = slots.iter().map(|s| s.interval.start).collect();
    assert_eq!(starts, [c.at("2026-06-02 09:15"), c.at("2026-06-02 09:30")]);
    let slots = c
        .store
        .find_slots(&search("2026-06-02 12:31", 1))
        .expect("slots");
    assert_eq!(
        slots[0].interval.start,
        c.at("2026-06-02 14:00"),
        "12:45 would run into lunch"
    );
    // 30 starts a day (two 4-hour spans of 15 starts each: 09:00 … 12:30): 250 slots need
    // the second week-long window of the search, and must continue seamlessly into it.
    let many = c
        .store
        .find_slots(&search("2026-06-02 08:00", 250))
        .expect("slots");
    assert_eq!(many.len(), 250);
    assert!(
        many.windows(2)
            .all(|w| w[0].interval.start < w[1].interval.start)
    );
    let last = many.last().expect("last").interval.start;
    assert!(
        last > c.at("2026-06-09 08:00"),
        "reached the second window: {last}"
    );
    assert!(
        many.iter()
            .all(|s| s.interval.start != c.at("2026-06-02 09:00")),
        "the booked 09:00 is never offered"
    );
    let per_day = many
        .iter()
        .filter(|s| {
            time::local_date(c.zone, s.interval.start)
                == chrono::NaiveDate::from_ymd_opt(2026, 6, 5).expect("d")
        })
        .count();
    assert_eq!(per_day, 30);
}

pub fn agenda_filters_by_doctor_and_room_and_includes_overlapping_edges<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .book(
            &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("a");
    c.store
        .book(
            &c.request(c.mehta, Some(c.room2), c.ravi, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("b");
    let day = time::local_day(
        c.zone,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 2).expect("date"),
    );
    let rao = c
        .store
        .agenda(c.clinic, day, AgendaFilter::Doctor(c.rao))
        .expect("rao");
    assert_eq!(rao.len(), 1);
    assert_eq!(rao[0].patient_name, "Asha Iyer");
    let room2 = c
        .store
        .agenda(c.clinic, day, AgendaFilter::Room(c.room2))
        .expect("room");
    assert_eq!(room2[0].patient_name, "Ravi Kumar");
    // A window that starts inside an appointment still shows it.
    let inside = Interval::new(c.at("2026-06-02 09:10"), c.at("2026-06-02 09:11"));
    assert_eq!(
        c.store
            .agenda(c.clinic, inside, AgendaFilter::All)
            .expect("inside")
            .len(),
        2
    );
    let after = Interval::new(c.at("2026-06-02 09:15"), c.at("2026-06-02 10:00"));
    assert!(
        c.store
            .agenda(c.clinic, after, AgendaFilter::All)
            .expect("after")
            .is_empty()
    );
}

pub fn undoing_a_status_change_restores_it_as_a_new_audited_event<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let confirmed = c
        .store
        .change_status(a.id, &StatusAction::Confirm, "maria", utc(NOW))
        .expect("confirm");
    let back = c
        .store
        .revert_status(a.id, confirmed.status, &a, "maria", utc(NOW))
        .expect("undo");
    assert_eq!(back.status, Status::Scheduled);
    let actions: Vec<String> = c
        .store
        .history(a.id)
        .expect("history")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["created", "confirmed", "undo"],
        "history is kept, not erased"
    );
    // A second undo of the same change no longer matches what is stored.
    let err = c
        .store
        .revert_status(a.id, Status::Confirmed, &a, "maria", utc(NOW))
        .expect_err("changed since");
    assert!(err.to_string().contains("changed since"), "{err}");
}

pub fn undoing_a_cancellation_needs_the_time_to_be_free<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let cancel = StatusAction::Cancel {
        reason: "Travel".into(),
        by: CancelledBy::Patient,
    };
    c.store
        .change_status(a.id, &cancel, "maria", utc(NOW))
        .expect("cancel");
    c.book_ok(c.rao, None, c.ravi, "2026-06-02 09:05", utc(NOW));
    let before = counts(&c);
    let err = c
        .store
        .revert_status(a.id, Status::Cancelled, &a, "maria", utc(NOW))
        .expect_err("the slot was taken");
    assert!(err.to_string().contains("Ravi Kumar"), "{err}");
    assert_eq!(counts(&c), before, "a refused undo changes nothing");
    assert_eq!(
        c.store.appointment(a.id).expect("a").appointment.status,
        Status::Cancelled
    );
}

pub fn editing_records_only_the_changed_fields<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let edit = frontdesk::store::Edit {
        reason: "Check-up".into(),
        notes: "Bring last month's blood report".into(),
        mode: Mode::Video,
        meeting_link: "https://meet.jit.si/frontdesk-test".into(),
    };
    let after = c.store.edit(a.id, &edit, "john", utc(NOW)).expect("edit");
    assert_eq!(after.mode, Mode::Video);
    let stored = c.store.appointment(a.id).expect("a").appointment;
    assert_eq!(stored.notes, "Bring last month's blood report");
    assert_eq!(stored.meeting_link, "https://meet.jit.si/frontdesk-test");
    let history = c.store.history(a.id).expect("history");
    let last = history.last().expect("edited");
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("edited", "john")
    );
    let changed = last.after.clone().unwrap_or_default();
    assert!(
        changed.contains("notes") && changed.contains("mode"),
        "{changed}"
    );
    assert!(
        !changed.contains("reason"),
        "the reason did not change: {changed}"
    );
    // Saving the same values again writes nothing.
    c.store.edit(a.id, &edit, "john", utc(NOW)).expect("same");
    assert_eq!(c.store.history(a.id).expect("history").len(), history.len());
}
