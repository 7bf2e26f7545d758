//! A walk-in's time is found inside its own booking (`Start::FirstFreeToday`): the first free
//! time of the day after now with the doctor (or whichever doctor), skipping the patient's own
//! appointments, or a refusal that says no time is left today. (Desks booking walk-ins at once
//! with the real binary is `tests/store_walk_in.rs`.)

use crate::common::{Clinic1, TestBackend, utc};
use frontdesk::scheduling::*;
use frontdesk::store::{BookingRequest, Start, Store, StoreError};

/// 10:02:17 in Kolkata on 2026-06-02 (a Tuesday).
const NOW: &str = "2026-06-02T04:32:17Z";

fn walk_in<B: TestBackend>(
    c: &Clinic1<B>,
    patient: PatientId,
    target: SlotTarget,
) -> BookingRequest {
    BookingRequest {
        start: Start::FirstFreeToday(target),
        kind: Kind::WalkIn,
        visit_type: None,
        ..c.request(c.rao, None, patient, "2026-06-02 10:00")
    }
}

pub fn a_walk_in_takes_the_first_free_time_after_now_on_the_five_minute_grid<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    // Dr. Rao is booked 10:05–10:20; the first free 15 minutes after 10:02:17 on the grid
    // are 10:20.
    c.book_ok(
        c.rao,
        None,
        c.ravi,
        "2026-06-02 10:05",
        utc("2026-06-01T00:00:00Z"),
    );
    let first = c
        .store
        .book(
            &walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect("walk-in");
    assert_eq!(first.appointment.interval.start, c.at("2026-06-02 10:20"));
    assert_eq!(first.appointment.queue_token, "W-001");
    // The next walk-in, booked the same way, follows it.
    let second = c
        .store
        .book(
            &walk_in(&c, c.lata, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect("walk-in");
    assert_eq!(second.appointment.interval.start, c.at("2026-06-02 10:35"));
    assert_eq!(second.appointment.queue_token, "W-002");
}

pub fn a_walk_in_skips_the_patients_own_appointments_and_takes_whichever_doctor_is_free<
    B: TestBackend,
>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    let earlier = utc("2026-06-01T00:00:00Z");
    // Asha herself is with Dr. Mehta at 10:05; Dr. Rao is busy until 10:30.
    c.book_ok(c.mehta, None, c.asha, "2026-06-02 10:05", earlier);
    for start in ["2026-06-02 10:00", "2026-06-02 10:15"] {
        c.book_ok(c.rao, None, c.ravi, start, earlier);
    }
    let booked = c
        .store
        .book(
            &walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect("walk-in");
    assert_eq!(booked.appointment.interval.start, c.at("2026-06-02 10:30"));
    // Any doctor: Dr. Mehta is free again at 10:20, before Dr. Rao (Lata has nothing today).
    let any = c
        .store
        .book(&walk_in(&c, c.lata, SlotTarget::AnyDoctor), "maria", now)
        .expect("walk-in");
    assert_eq!(any.appointment.doctor, c.mehta);
    assert_eq!(any.appointment.interval.start, c.at("2026-06-02 10:20"));
}

pub fn no_time_left_today_refuses_and_changes_nothing<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    // 17:50: Dr. Rao's day ends at 18:00, so 15 minutes no longer fit.
    let now = utc("2026-06-02T12:20:00Z");
    let before = c.day("2026-06-02").len();
    let refused = c
        .store
        .book(
            &walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect_err("no time left");
    assert!(
        matches!(&refused, StoreError::NoTimeLeftToday { doctor: Some(d), minutes: 15 } if d == "Dr. Anjali Rao"),
        "{refused:?}"
    );
    assert_eq!(
        refused.to_string(),
        "Dr. Anjali Rao has no free 15 minutes left today: choose another doctor, or see the patient as an emergency"
    );
    assert_eq!(c.day("2026-06-02").len(), before);
    // Never tomorrow's first slot: a walk-in is seen today.
    let tomorrow = c.day("2026-06-03");
    assert!(tomorrow.is_empty());
    // A length no visit may have is the core's refusal, not "no time".
    let mut absurd = walk_in(&c, c.asha, SlotTarget::Doctor(c.rao));
    absurd.minutes = 100_000;
    let e = c
        .store
        .book(&absurd, "maria", utc(NOW))
        .expect_err("too long");
    assert!(e.to_string().contains("longer than"), "{e}");
}

pub fn a_preview_shows_the_time_the_walk_in_would_get<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    let conflicts = c
        .store
        .preview(&walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)), now)
        .expect("preview");
    assert!(conflicts.is_empty(), "{conflicts:?}");
}
