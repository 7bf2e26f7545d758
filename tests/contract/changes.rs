//! The change counter every desk watches (the live calendar): each stored change counts once,
//! at this desk and as another desk reads it; reads and refusals count nothing. What a desk
//! keeps of the setup between checks is never older than the last change.

use crate::common::{ALL_DAYS, Clinic1, TestBackend, utc};
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

/// Whether a check of Dr. Rao in Room 1 at 09:00 meets a conflict matching `is`.
fn meets<B: TestBackend>(c: &mut Clinic1<B>, is: fn(&Conflict) -> bool) -> bool {
    let request = c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00");
    let conflicts = c.store.preview(&request, utc(NOW)).expect("preview");
    conflicts.iter().any(is)
}

pub fn another_desks_change_to_the_setup_is_in_this_desks_next_check<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let mut other = c.reopen();
    let request = c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00");
    // This desk checks twice first, as a form does, so anything it keeps is kept.
    for _ in 0..2 {
        let conflicts = c.store.preview(&request, utc(NOW)).expect("preview");
        assert!(conflicts.is_empty(), "{conflicts:?}");
    }

    let rao_id = c.rao;
    let rao = |active: bool, name: &str| Doctor {
        id: rao_id,
        name: name.into(),
        specialty: "General Practice".into(),
        colour: "#3b82f6".into(),
        active,
    };
    other
        .save_doctor(&rao(false, "Dr. Anjali Rao"), "ravi", utc(NOW))
        .expect("deactivated at the other desk");
    assert!(meets(&mut c, |k| matches!(
        k,
        Conflict::DoctorInactive { .. }
    )));
    let err = c
        .store
        .book(&request, "maria", utc(NOW))
        .expect_err("inactive");
    assert!(matches!(err, StoreError::Refused(_)), "{err}");
    other
        .save_doctor(&rao(true, "Dr. Anjali Rao-Menon"), "ravi", utc(NOW))
        .expect("back, renamed");
    assert!(!meets(&mut c, |k| matches!(
        k,
        Conflict::DoctorInactive { .. }
    )));

    let afternoons =
        WeeklyHours::same_each(&ALL_DAYS, &[DaySpan::new(14 * 60, 18 * 60)]).expect("hours");
    other
        .save_doctor_hours(c.rao, c.clinic, &afternoons, "ravi", utc(NOW))
        .expect("afternoons only");
    assert!(meets(&mut c, |k| matches!(
        k,
        Conflict::OutsideWorkingHours { .. }
    )));
    let err = c
        .store
        .book(&request, "maria", utc(NOW))
        .expect_err("outside hours");
    assert!(matches!(err, StoreError::Refused(_)), "{err}");

    other
        .save_room_hours(c.room1, Some(&afternoons), "ravi", utc(NOW))
        .expect("the room's own hours");
    assert!(meets(&mut c, |k| matches!(k, Conflict::RoomClosed { .. })));
    other
        .save_room(
            &Room {
                id: c.room1,
                clinic: c.clinic,
                name: "Room 1".into(),
                kind: RoomKind::Consultation,
                active: false,
            },
            "ravi",
            utc(NOW),
        )
        .expect("room out of use");
    let conflicts = c.store.preview(&request, utc(NOW)).expect("preview");
    assert!(conflicts.len() >= 2, "{conflicts:?}");

    // This desk's own change is in its own next check too.
    let all_day =
        WeeklyHours::same_each(&ALL_DAYS, &[DaySpan::new(8 * 60, 20 * 60)]).expect("hours");
    c.store
        .save_doctor_hours(c.rao, c.clinic, &all_day, "maria", utc(NOW))
        .expect("hours back");
    assert!(!meets(&mut c, |k| matches!(
        k,
        Conflict::OutsideWorkingHours { .. }
    )));
    let without_room = c.request(c.rao, None, c.asha, "2026-06-02 09:00");
    let booked = c
        .store
        .book(&without_room, "maria", utc(NOW))
        .expect("books with the hours this desk saved");
    assert_eq!(booked.appointment.doctor, c.rao);
}
