//! The change counter every desk watches (the live calendar): each stored change counts once,
//! at this desk and as another desk reads it; reads and refusals count nothing.

use crate::common::{Clinic1, TestBackend, utc};
use frontdesk::scheduling::*;
use frontdesk::store::{Store, StoreError};

const NOW: &str = "2026-06-01T03:00:00Z"; // 08:30 in Kolkata

pub fn a_stored_change_counts_once_and_another_desk_sees_it<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let other = c.reopen();
    let start = c.store.change_version().expect("version");
    assert_eq!(other.change_version().expect("version"), start);

    // Reading changes nothing.
    c.store.clinics().expect("clinics");
    c.day("2026-06-02");
    assert_eq!(c.store.change_version().expect("version"), start);

    let booked = c
        .store
        .book(
            &c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00"),
            "maria",
            utc(NOW),
        )
        .expect("book");
    let after_booking = c.store.change_version().expect("version");
    assert_ne!(after_booking, start, "a booking is a change");
    assert_eq!(
        other.change_version().expect("the other desk reads"),
        after_booking,
        "the other desk sees the same count"
    );

    // A refused booking stores nothing and counts nothing.
    let clash = c.request(c.rao, Some(c.room1), c.ravi, "2026-06-02 09:05");
    let err = c.store.book(&clash, "maria", utc(NOW)).expect_err("taken");
    assert!(matches!(err, StoreError::Refused(_)), "{err}");
    assert_eq!(c.store.change_version().expect("version"), after_booking);

    // A status change made at the other desk counts there and here.
    let mut other = other;
    other
        .change_status(
            booked.appointment.id,
            &StatusAction::Confirm,
            "ravi",
            utc(NOW),
        )
        .expect("confirm at the other desk");
    let after_confirm = other.change_version().expect("version");
    assert_ne!(after_confirm, after_booking);
    assert_eq!(c.store.change_version().expect("version"), after_confirm);
}
