//! The waitlist's store contract through the `Store` trait: entries and their log, refusals
//! that change nothing, freed slots read from the audit log (this desk's, another desk's),
//! matches that would book cleanly, offers, declines, and booking from the waitlist in one
//! transaction.

use crate::common::{Clinic1, TestBackend, utc};
use chrono::{Duration, NaiveDate, Weekday};
use frontdesk::scheduling::waitlist::*;
use frontdesk::scheduling::*;
use frontdesk::store::{BookingRequest, MoveRequest, Start, Store, StoreError, WaitlistFilter};
use uuid::Uuid;

const NOW: &str = "2026-06-01T03:00:00Z"; // 08:30 in Kolkata, Monday 1 June 2026

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata)
}

fn wid(n: u128) -> WaitlistEntryId {
    WaitlistEntryId(Uuid::from_u128(5000 + n))
}

fn wish<B: TestBackend>(
    c: &Clinic1<B>,
    patient: PatientId,
    doctor: Option<DoctorId>,
) -> WaitlistRequest {
    WaitlistRequest {
        clinic: c.clinic,
        patient,
        doctor,
        visit_type: Some(c.consult),
        minutes: 15,
        preferred: Preferred::ANY,
        holds: None,
        notes: "Prefers mornings".into(),
        priority: 0,
    }
}

/// (waitlist entries, waitlist events, appointments, audit events), through the store's check.
fn counts<B: TestBackend>(c: &Clinic1<B>) -> (i64, i64, i64, i64) {
    let q = |label: &str| crate::common::count_of(&c.store, label);
    (
        q("waitlist entries"),
        q("waitlist events"),
        q("appointments"),
        q("audit events"),
    )
}

fn cancel<B: TestBackend>(c: &mut Clinic1<B>, id: AppointmentId) {
    let action = StatusAction::Cancel {
        reason: "Travelling".into(),
        by: CancelledBy::Patient,
    };
    c.store
        .change_status(id, &action, "maria", utc(NOW))
        .expect("cancel");
}

/// The request that books an entry's patient into a match.
fn booking_for<B: TestBackend>(
    c: &Clinic1<B>,
    m: &frontdesk::store::WaitlistMatch,
    slot: &FreedSlot,
) -> BookingRequest {
    BookingRequest {
        clinic: c.clinic,
        patient: m.row.entry.request.patient,
        doctor: slot.doctor,
        room: slot.room,
        visit_type: m.row.entry.request.visit_type,
        start: Start::At(m.interval.start),
        minutes: m.interval.minutes(),
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        reason: "Earlier slot".into(),
        notes: String::new(),
        overbook: None,
        new_patient: None,
    }
}

pub fn an_entry_is_stored_with_names_and_its_log<B: TestBackend>() {
    let mut c = clinic::<B>();
    let row = c
        .store
        .add_to_waitlist(wid(1), &wish(&c, c.ravi, Some(c.rao)), "maria", utc(NOW))
        .expect("add");
    assert_eq!(row.patient_name, "Ravi Kumar");
    assert_eq!(row.doctor_name.as_deref(), Some("Dr. Anjali Rao"));
    assert_eq!(row.visit_type_name.as_deref(), Some("Consultation"));
    assert_eq!(row.entry.status, WaitStatus::Waiting);
    assert_eq!(row.entry.created_at, utc(NOW));
    assert_eq!(row.entry.created_by, "maria");
    assert_eq!(row.entry.request, wish(&c, c.ravi, Some(c.rao)));
    let list = c
        .store
        .waitlist(c.clinic, WaitlistFilter::Open)
        .expect("list");
    assert_eq!(list, vec![row.clone()]);
    assert_eq!(c.store.waitlist_entry(wid(1)).expect("one"), row);
    let log = c.store.waitlist_history(wid(1)).expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].action.as_str(), log[0].actor.as_str()),
        ("added", "maria")
    );
    assert!(
        log[0]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("Prefers mornings")
    );
}

pub fn the_list_is_by_priority_then_waiting_longest<B: TestBackend>() {
    let mut c = clinic::<B>();
    let t = utc(NOW);
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.asha, None), "maria", t)
        .expect("asha");
    c.store
        .add_to_waitlist(
            wid(2),
            &wish(&c, c.ravi, None),
            "maria",
            t - Duration::days(3),
        )
        .expect("ravi waits longer");
    let mut urgent = wish(&c, c.lata, None);
    urgent.priority = 2;
    c.store
        .add_to_waitlist(wid(3), &urgent, "maria", t + Duration::hours(1))
        .expect("lata");
    let names: Vec<String> = c
        .store
        .waitlist(c.clinic, WaitlistFilter::Open)
        .expect("list")
        .into_iter()
        .map(|r| r.patient_name)
        .collect();
    assert_eq!(names, ["Lata Müller-D'Souza", "Ravi Kumar", "Asha Iyer"]);
}

pub fn bad_requests_are_refused_with_a_reason_and_change_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let later = c.book_ok(c.rao, None, c.asha, "2026-06-05 10:00", utc(NOW));
    let ravis = c.book_ok(c.mehta, None, c.ravi, "2026-06-05 11:00", utc(NOW));
    let gone = c.book_ok(c.mehta, None, c.asha, "2026-06-06 11:00", utc(NOW));
    cancel(&mut c, gone.id);
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.lata, Some(c.rao)), "maria", utc(NOW))
        .expect("lata waits");
    let before = counts(&c);
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    let cases: Vec<(WaitlistRequest, &str, &str)> = vec![
        (
            WaitlistRequest {
                preferred: Preferred {
                    weekdays: Weekdays::NONE,
                    ..Preferred::ANY
                },
                ..wish(&c, c.asha, None)
            },
            "maria",
            "tick at least one weekday",
        ),
        (
            WaitlistRequest {
                preferred: Preferred {
                    earliest: today.succ_opt(),
                    latest: Some(today),
                    ..Preferred::ANY
                },
                ..wish(&c, c.asha, None)
            },
            "maria",
            "the earliest date 2026-06-02 is after the latest date 2026-06-01",
        ),
        (
            WaitlistRequest {
                preferred: Preferred {
                    latest: today.pred_opt(),
                    ..Preferred::ANY
                },
                ..wish(&c, c.asha, None)
            },
            "maria",
            "the latest date 2026-05-31 has passed",
        ),
        (
            wish(&c, PatientId(Uuid::from_u128(777)), None),
            "maria",
            "no patient matches",
        ),
        (
            wish(&c, c.asha, Some(DoctorId(Uuid::from_u128(778)))),
            "maria",
            "no doctor matches",
        ),
        (
            WaitlistRequest {
                holds: Some(ravis.id),
                ..wish(&c, c.asha, None)
            },
            "maria",
            "is not Asha Iyer's at this clinic",
        ),
        (
            WaitlistRequest {
                holds: Some(gone.id),
                ..wish(&c, c.asha, None)
            },
            "maria",
            "is cancelled: it holds no time to improve on",
        ),
        (
            wish(&c, c.lata, Some(c.rao)),
            "maria",
            "Lata Müller-D'Souza is already on the waitlist for Dr. Anjali Rao (since 2026-06-01): edit that entry instead",
        ),
        (wish(&c, c.asha, None), " ", "say who is at the desk"),
    ];
    for (n, (request, actor, expected)) in cases.into_iter().enumerate() {
        let err = c
            .store
            .add_to_waitlist(wid(100 + n as u128), &request, actor, utc(NOW))
            .expect_err(expected);
        assert!(
            err.to_string().contains(expected),
            "case {n}: \"{err}\" should say \"{expected}\""
        );
        assert_eq!(counts(&c), before, "case {n} changed nothing");
    }
    // The held appointment that is Asha's own and live is fine.
    let ok = WaitlistRequest {
        holds: Some(later.id),
        ..wish(&c, c.asha, Some(c.rao))
    };
    let row = c
        .store
        .add_to_waitlist(wid(2), &ok, "maria", utc(NOW))
        .expect("a held appointment of her own");
    let held = row.held.expect("held");
    assert_eq!(held.id, later.id);
    assert_eq!(held.doctor_name, "Dr. Anjali Rao");
    assert_eq!(row.entry.held_start, Some(later.interval.start));
}

pub fn editing_is_logged_with_before_and_after_and_keeps_the_patient<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.asha, None), "maria", utc(NOW))
        .expect("add");
    let mut changed = wish(&c, c.asha, Some(c.mehta));
    changed.preferred.weekdays = Weekdays::of(&[Weekday::Mon, Weekday::Tue]);
    changed.preferred.window = Some(DaySpan::new(9 * 60, 12 * 60));
    changed.priority = 1;
    let later = utc(NOW) + Duration::hours(2);
    let row = c
        .store
        .edit_waitlist_entry(wid(1), &changed, "joseph", later)
        .expect("edit");
    assert_eq!(row.entry.request, changed);
    assert_eq!(row.entry.updated_by, "joseph");
    assert_eq!(row.entry.created_at, utc(NOW), "the wait is not reset");
    let log = c.store.waitlist_history(wid(1)).expect("log");
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].action, "edited");
    assert_eq!(log[1].actor, "joseph");
    assert!(
        log[1]
            .before
            .as_deref()
            .unwrap_or("")
            .contains("\"weekdays\":\"any day\"")
    );
    assert!(
        log[1]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("\"window\":\"09:00–12:00\"")
    );
    // Nothing changed: nothing is logged.
    c.store
        .edit_waitlist_entry(wid(1), &changed, "joseph", later)
        .expect("same");
    assert_eq!(c.store.waitlist_history(wid(1)).expect("log").len(), 2);
    let other = wish(&c, c.ravi, None);
    let err = c
        .store
        .edit_waitlist_entry(wid(1), &other, "joseph", later)
        .expect_err("another patient");
    assert!(err.to_string().contains("keeps its patient"), "{err}");
    let mut bad = changed.clone();
    bad.preferred.window = Some(DaySpan::new(12 * 60, 9 * 60));
    let err = c
        .store
        .edit_waitlist_entry(wid(1), &bad, "joseph", later)
        .expect_err("bad window");
    assert!(
        err.to_string().contains("give an end after the start"),
        "{err}"
    );
    assert_eq!(
        c.store.waitlist_entry(wid(1)).expect("one").entry.request,
        changed
    );
}

pub fn removing_keeps_the_entry_and_the_log_cannot_be_rewritten<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.asha, None), "maria", utc(NOW))
        .expect("add");
    c.store
        .remove_from_waitlist(wid(1), "Found another clinic", "maria", utc(NOW))
        .expect("remove");
    assert!(
        c.store
            .waitlist(c.clinic, WaitlistFilter::Open)
            .expect("open")
            .is_empty()
    );
    let all = c
        .store
        .waitlist(c.clinic, WaitlistFilter::All)
        .expect("all");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].entry.status, WaitStatus::Removed);
    let log = c.store.waitlist_history(wid(1)).expect("log");
    assert_eq!(log[1].action, "removed");
    assert_eq!(log[1].reason, "Found another clinic");
    let err = c
        .store
        .remove_from_waitlist(wid(1), "", "maria", utc(NOW))
        .expect_err("twice");
    assert!(err.to_string().contains("that is removed"), "{err}");
    let err = c
        .store
        .edit_waitlist_entry(wid(1), &wish(&c, c.asha, None), "maria", utc(NOW))
        .expect_err("removed entries are final");
    assert!(err.to_string().contains("cannot edit"), "{err}");
    // Removed, the patient may be added again.
    c.store
        .add_to_waitlist(wid(2), &wish(&c, c.asha, None), "maria", utc(NOW))
        .expect("again");
    // That the file refuses to delete or rewrite them is tests/sqlite_only.rs's.
    let err = c.store.waitlist_entry(wid(9)).expect_err("unknown");
    assert!(err.to_string().contains("frontdesk waitlist list"), "{err}");
}

pub fn a_cancellation_frees_a_slot_that_matching_patients_are_offered<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, Some(c.room1), c.asha, "2026-06-02 10:00", utc(NOW));
    // Ravi waits for Rao; Lata for Mehta; an any-doctor entry for a patient who is busy then.
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.ravi, Some(c.rao)), "maria", utc(NOW))
        .expect("ravi");
    c.store
        .add_to_waitlist(wid(2), &wish(&c, c.lata, Some(c.mehta)), "maria", utc(NOW))
        .expect("lata");
    let start = c
        .store
        .freed_slots(c.clinic, None, utc(NOW))
        .expect("start");
    assert!(
        start.offers.is_empty(),
        "nothing from before the desk looked"
    );
    cancel(&mut c, a.id);
    let feed = c
        .store
        .freed_slots(c.clinic, Some(start.cursor), utc(NOW))
        .expect("feed");
    assert_ne!(feed.cursor, start.cursor);
    assert_eq!(feed.offers.len(), 1);
    let offer = &feed.offers[0];
    assert_eq!(offer.slot.interval, a.interval);
    assert_eq!(offer.slot.doctor, c.rao);
    assert_eq!(offer.slot.room, Some(c.room1));
    assert_eq!(offer.slot.appointment, Some(a.id));
    assert_eq!(offer.slot.freed_by, Some(c.asha));
    assert_eq!(offer.doctor_name, "Dr. Anjali Rao");
    assert_eq!(offer.room_name.as_deref(), Some("Room 1"));
    let names: Vec<&str> = offer
        .matches
        .iter()
        .map(|m| m.row.patient_name.as_str())
        .collect();
    assert_eq!(names, ["Ravi Kumar"]);
    assert_eq!(offer.matches[0].interval, a.interval);
    // Asked again from where it ended: nothing new.
    let again = c
        .store
        .freed_slots(c.clinic, Some(feed.cursor), utc(NOW))
        .expect("again");
    assert!(again.offers.is_empty());
    assert_eq!(again.cursor, feed.cursor);
}

pub fn only_patients_who_could_be_booked_now_are_matched<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 10:00", utc(NOW));
    // Ravi is busy with Mehta at 10:00 that day; Lata is free.
    c.book_ok(c.mehta, None, c.ravi, "2026-06-02 10:00", utc(NOW));
    for (n, p) in [(1, c.ravi), (2, c.lata)] {
        c.store
            .add_to_waitlist(wid(n), &wish(&c, p, None), "maria", utc(NOW))
            .expect("waits");
    }
    let slot = FreedSlot {
        clinic: c.clinic,
        doctor: c.rao,
        room: None,
        interval: a.interval,
        appointment: Some(a.id),
        freed_by: Some(c.asha),
    };
    let offer = c.store.waitlist_matches(&slot, utc(NOW)).expect("matches");
    assert!(offer.matches.is_empty(), "the slot is still taken by Asha");
    cancel(&mut c, a.id);
    let offer = c.store.waitlist_matches(&slot, utc(NOW)).expect("matches");
    let names: Vec<&str> = offer
        .matches
        .iter()
        .map(|m| m.row.patient_name.as_str())
        .collect();
    assert_eq!(names, ["Lata Müller-D'Souza"], "Ravi is busy then");
}

pub fn a_move_frees_where_it_was_and_a_no_show_frees_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let moved = c.book_ok(c.rao, None, c.asha, "2026-06-02 10:00", utc(NOW));
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.ravi, Some(c.rao)), "maria", utc(NOW))
        .expect("ravi");
    let start = c
        .store
        .freed_slots(c.clinic, None, utc(NOW))
        .expect("start");
    let request = MoveRequest {
        appointment: moved.id,
        start: Start::Local(c.local("2026-06-03 11:00")),
        doctor: None,
        room: None,
        overbook: None,
    };
    c.store
        .move_appointment(&request, "maria", utc(NOW))
        .expect("move");
    let feed = c
        .store
        .freed_slots(c.clinic, Some(start.cursor), utc(NOW))
        .expect("feed");
    assert_eq!(feed.offers.len(), 1);
    assert_eq!(feed.offers[0].slot.interval, moved.interval, "the old time");
    // A no-show (after the start) and a confirmation free nothing.
    let past = c.book_ok(
        c.rao,
        None,
        c.lata,
        "2026-06-01 09:00",
        utc("2026-06-01T03:00:00Z"),
    );
    let later = utc("2026-06-01T04:00:00Z"); // 09:30
    c.store
        .change_status(past.id, &StatusAction::NoShow, "maria", later)
        .expect("no-show");
    let other = c.book_ok(c.rao, None, c.lata, "2026-06-02 12:00", utc(NOW));
    c.store
        .change_status(other.id, &StatusAction::Confirm, "maria", later)
        .expect("confirm");
    let feed2 = c
        .store
        .freed_slots(c.clinic, Some(feed.cursor), later)
        .expect("feed");
    assert!(feed2.offers.is_empty(), "{:?}", feed2.offers);
    assert_ne!(feed2.cursor, feed.cursor);
    // Entered in error frees its time; doing so to a cancelled one frees nothing again.
    let mistake = c.book_ok(c.rao, None, c.lata, "2026-06-02 15:00", utc(NOW));
    let cancelled = c.book_ok(c.rao, None, c.lata, "2026-06-02 16:00", utc(NOW));
    cancel(&mut c, cancelled.id);
    let mid = c
        .store
        .freed_slots(c.clinic, Some(feed2.cursor), later)
        .expect("feed");
    for id in [mistake.id, cancelled.id] {
        let action = StatusAction::EnteredInError {
            reason: "Wrong patient".into(),
        };
        c.store
            .change_status(id, &action, "maria", later)
            .expect("entered in error");
    }
    let feed3 = c
        .store
        .freed_slots(c.clinic, Some(mid.cursor), later)
        .expect("feed");
    let slots: Vec<Interval> = feed3.offers.iter().map(|o| o.slot.interval).collect();
    assert_eq!(slots, vec![mistake.interval]);
}

pub fn another_desk_sees_what_this_one_freed<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 10:00", utc(NOW));
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.ravi, None), "maria", utc(NOW))
        .expect("ravi");
    let other_desk = c.reopen();
    let start = other_desk
        .freed_slots(c.clinic, None, utc(NOW))
        .expect("start");
    cancel(&mut c, a.id);
    let feed = other_desk
        .freed_slots(c.clinic, Some(start.cursor), utc(NOW))
        .expect("feed");
    assert_eq!(feed.offers.len(), 1);
    assert_eq!(feed.offers[0].matches[0].row.patient_name, "Ravi Kumar");
}

pub fn a_held_later_appointment_makes_only_earlier_slots_match<B: TestBackend>() {
    let mut c = clinic::<B>();
    let held = c.book_ok(c.rao, None, c.ravi, "2026-06-04 10:00", utc(NOW));
    let earlier = c.book_ok(c.rao, None, c.asha, "2026-06-02 10:00", utc(NOW));
    let after = c.book_ok(c.rao, None, c.lata, "2026-06-05 10:00", utc(NOW));
    let request = WaitlistRequest {
        holds: Some(held.id),
        ..wish(&c, c.ravi, Some(c.rao))
    };
    c.store
        .add_to_waitlist(wid(1), &request, "maria", utc(NOW))
        .expect("ravi");
    let start = c
        .store
        .freed_slots(c.clinic, None, utc(NOW))
        .expect("start");
    cancel(&mut c, after.id);
    cancel(&mut c, earlier.id);
    let feed = c
        .store
        .freed_slots(c.clinic, Some(start.cursor), utc(NOW))
        .expect("feed");
    let slots: Vec<Interval> = feed.offers.iter().map(|o| o.slot.interval).collect();
    assert_eq!(slots, vec![earlier.interval], "only the slot before 4 June");
}

pub fn booking_from_the_waitlist_is_one_audited_transaction<B: TestBackend>() {
    let mut c = clinic::<B>();
    let held = c.book_ok(c.rao, None, c.ravi, "2026-06-04 10:00", utc(NOW));
    let a = c.book_ok(c.rao, Some(c.room1), c.asha, "2026-06-02 10:00", utc(NOW));
    let request = WaitlistRequest {
        holds: Some(held.id),
        ..wish(&c, c.ravi, Some(c.rao))
    };
    c.store
        .add_to_waitlist(wid(1), &request, "maria", utc(NOW) - Duration::days(2))
        .expect("ravi");
    let start = c
        .store
        .freed_slots(c.clinic, None, utc(NOW))
        .expect("start");
    cancel(&mut c, a.id);
    let feed = c
        .store
        .freed_slots(c.clinic, Some(start.cursor), utc(NOW))
        .expect("feed");
    let offer = feed.offers[0].clone();
    let m = offer.matches[0].clone();
    c.store
        .offer_waitlist_slot(wid(1), &offer.slot, m.interval, "maria", utc(NOW))
        .expect("offer");
    assert_eq!(
        c.store.waitlist_entry(wid(1)).expect("one").entry.status,
        WaitStatus::Offered
    );
    let err = c
        .store
        .offer_waitlist_slot(wid(1), &offer.slot, m.interval, "maria", utc(NOW))
        .expect_err("offered once");
    assert!(err.to_string().contains("that is offered"), "{err}");
    // Someone books a different patient for the wrong entry: refused.
    let mut wrong = booking_for(&c, &m, &offer.slot);
    wrong.patient = c.lata;
    let before = counts(&c);
    let err = c
        .store
        .book_from_waitlist(wid(1), &wrong, "maria", utc(NOW))
        .expect_err("not Ravi");
    assert!(err.to_string().contains("not for Ravi Kumar"), "{err}");
    assert_eq!(counts(&c), before);
    let outcome = c
        .store
        .book_from_waitlist(wid(1), &booking_for(&c, &m, &offer.slot), "maria", utc(NOW))
        .expect("book");
    let b = &outcome.appointment;
    assert_eq!(
        (b.patient, b.doctor, b.room),
        (c.ravi, c.rao, Some(c.room1))
    );
    assert_eq!(b.interval, a.interval);
    let row = c.store.waitlist_entry(wid(1)).expect("one");
    assert_eq!(row.entry.status, WaitStatus::Booked);
    assert_eq!(row.entry.booked, Some(b.id));
    let log: Vec<String> = c
        .store
        .waitlist_history(wid(1))
        .expect("log")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(log, ["added", "offered", "booked"]);
    let history = c.store.history(b.id).expect("history");
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(actions, ["created", "from_waitlist"]);
    assert_eq!(history[1].reason, "booked from the waitlist after 2 d 0 h");
    // Booked is final; the held later appointment is untouched (the patient decides).
    let err = c
        .store
        .book_from_waitlist(wid(1), &booking_for(&c, &m, &offer.slot), "maria", utc(NOW))
        .expect_err("booked once");
    assert!(err.to_string().contains("that is booked"), "{err}");
    assert_eq!(
        c.store
            .appointment(held.id)
            .expect("held")
            .appointment
            .status,
        Status::Scheduled
    );
}

pub fn a_refused_booking_leaves_the_entry_waiting<B: TestBackend>() {
    let mut c = clinic::<B>();
    let taken = c.book_ok(c.rao, None, c.asha, "2026-06-02 10:00", utc(NOW));
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.ravi, Some(c.rao)), "maria", utc(NOW))
        .expect("ravi");
    let request = BookingRequest {
        clinic: c.clinic,
        patient: c.ravi,
        doctor: c.rao,
        room: None,
        visit_type: Some(c.consult),
        start: Start::At(taken.interval.start),
        minutes: 15,
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        reason: String::new(),
        notes: String::new(),
        overbook: None,
        new_patient: None,
    };
    let before = counts(&c);
    let err = c
        .store
        .book_from_waitlist(wid(1), &request, "maria", utc(NOW))
        .expect_err("taken");
    assert!(matches!(err, StoreError::Refused(_)), "{err}");
    assert_eq!(counts(&c), before, "no appointment, no event");
    assert_eq!(
        c.store.waitlist_entry(wid(1)).expect("one").entry.status,
        WaitStatus::Waiting
    );
}

pub fn declining_an_offer_keeps_the_patient_waiting<B: TestBackend>() {
    let mut c = clinic::<B>();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 10:00", utc(NOW));
    c.store
        .add_to_waitlist(wid(1), &wish(&c, c.ravi, Some(c.rao)), "maria", utc(NOW))
        .expect("ravi");
    cancel(&mut c, a.id);
    let slot = FreedSlot {
        clinic: c.clinic,
        doctor: c.rao,
        room: None,
        interval: a.interval,
        appointment: Some(a.id),
        freed_by: Some(c.asha),
    };
    c.store
        .offer_waitlist_slot(wid(1), &slot, a.interval, "maria", utc(NOW))
        .expect("offer");
    assert!(
        c.store
            .waitlist_matches(&slot, utc(NOW))
            .expect("matches")
            .matches
            .is_empty(),
        "an offered patient is not offered a second slot meanwhile"
    );
    c.store
        .decline_waitlist_offer(wid(1), "Cannot make 10:00", "maria", utc(NOW))
        .expect("decline");
    let row = c.store.waitlist_entry(wid(1)).expect("one");
    assert_eq!(row.entry.status, WaitStatus::Waiting);
    assert_eq!(row.entry.created_at, utc(NOW), "still waiting since then");
    let log = c.store.waitlist_history(wid(1)).expect("log");
    assert_eq!(log[2].action, "declined");
    assert_eq!(log[2].reason, "Cannot make 10:00");
    assert!(
        log[1]
            .after
            .as_deref()
            .unwrap_or("")
            .contains(&a.id.to_string())
    );
    assert_eq!(
        c.store
            .waitlist_matches(&slot, utc(NOW))
            .expect("matches")
            .matches
            .len(),
        1,
        "waiting again, so matched again"
    );
}
