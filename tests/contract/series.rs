//! Recurring series in the store, through the `Store` trait: every occurrence's conflicts before
//! saving; saving refuses, skips or overbooks them in one transaction with an audit event per
//! appointment. (Cancelling or moving occurrences, and the narrowed slot search, are
//! `series_changes.rs`, which shares this file's clinic and helpers.) The clinic is in
//! America/New_York, across its 2026-11-01 change.

use crate::common::{Clinic1, TestBackend, patient, utc};
use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use frontdesk::scheduling::time::format_local;
use frontdesk::scheduling::*;
use frontdesk::store::{SeriesRequest, Start, Store, StoreError};

/// 09:00 in New York on Monday 2026-10-26 (EDT).
pub(crate) const NOW: &str = "2026-10-26T13:00:00Z";

pub(crate) fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::America::New_York)
}

pub(crate) fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

pub(crate) fn tue_thu(count: u32) -> SeriesRule {
    SeriesRule {
        frequency: Frequency::Weekly,
        interval: 1,
        weekdays: vec![Weekday::Tue, Weekday::Thu],
        end: SeriesEnd::Count(count),
    }
}

/// Asha with Dr. Rao, Tuesdays and Thursdays at 10:00 from 2026-10-27, six times: 27 and 29
/// October in EDT, then 3, 5, 10 and 12 November in EST.
pub(crate) fn asha_series<B: TestBackend>(
    c: &Clinic1<B>,
    on_conflict: OnConflict,
) -> SeriesRequest {
    SeriesRequest {
        booking: c.request(c.rao, Some(c.room1), c.asha, "2026-10-27 10:00"),
        rule: tue_thu(6),
        on_conflict,
    }
}

/// How many records of a kind (a check label), through the store's check.
pub(crate) fn count<B: TestBackend>(c: &Clinic1<B>, label: &str) -> i64 {
    crate::common::count_of(&c.store, label)
}

/// (appointments, audit events, series, series audit events, patients).
pub(crate) fn totals<B: TestBackend>(c: &Clinic1<B>) -> [i64; 5] {
    [
        "appointments",
        "audit events",
        "series",
        "series audit events",
        "patients",
    ]
    .map(|label| count(c, label))
}

pub(crate) fn local<B: TestBackend>(c: &Clinic1<B>, a: &Appointment) -> String {
    format_local(c.zone, a.interval.start)
}

pub(crate) fn book_asha<B: TestBackend>(c: &mut Clinic1<B>) -> frontdesk::store::SeriesOutcome {
    let request = asha_series(c, OnConflict::Refuse);
    c.store
        .book_series(&request, "maria", utc(NOW))
        .expect("a free series books")
}

// ---------------------------------------------------------------------------------------------
// Saving

pub fn a_weekly_series_keeps_ten_oclock_across_the_change_and_audits_every_appointment<
    B: TestBackend,
>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    assert!(out.skipped.is_empty());
    let booked: Vec<String> = out
        .booked
        .iter()
        .map(|(_, b)| local(&c, &b.appointment))
        .collect();
    assert_eq!(
        booked,
        [
            "2026-10-27 10:00",
            "2026-10-29 10:00",
            "2026-11-03 10:00",
            "2026-11-05 10:00",
            "2026-11-10 10:00",
            "2026-11-12 10:00",
        ]
    );
    // Same wall time, different instants: 14:00Z in EDT, 15:00Z in EST.
    assert_eq!(
        out.booked[1].1.appointment.interval.start,
        utc("2026-10-29T14:00:00Z")
    );
    assert_eq!(
        out.booked[2].1.appointment.interval.start,
        utc("2026-11-03T15:00:00Z")
    );
    for (day, b) in &out.booked {
        let history = c.store.history(b.appointment.id).expect("history");
        assert_eq!(history.len(), 1, "one audit event per appointment");
        assert_eq!(history[0].action, "created");
        assert_eq!(history[0].actor, "maria");
        let after = history[0].after.as_deref().expect("after");
        assert!(after.contains(&out.series.to_string()), "{after}");
        assert!(after.contains(&day.to_string()), "{after}");
    }
    // The series as stored: its rule, first date, wall time, zone and who made it
    // (tests/sqlite_only.rs reads the row's RRULE words).
    let stored = c
        .store
        .series_of(out.booked[0].1.appointment.id)
        .expect("series_of")
        .expect("part of a series")
        .series;
    assert_eq!(
        (
            stored.rule,
            stored.start_date,
            stored.start_time,
            stored.zone,
            stored.created_by.as_str()
        ),
        (
            tue_thu(6),
            date("2026-10-27"),
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            chrono_tz::America::New_York,
            "maria"
        )
    );
    // One series audit event, its creation (tests/sqlite_only.rs reads its action and actor).
    assert_eq!(count(&c, "series audit events"), 1);
    // Read back through an occurrence.
    let view = c
        .store
        .series_of(out.booked[3].1.appointment.id)
        .expect("series_of")
        .expect("part of a series");
    assert_eq!(view.series.id, out.series);
    assert_eq!(view.series.rule, tue_thu(6));
    assert_eq!(view.this_date, date("2026-11-05"));
    assert_eq!(view.members.len(), 6);
    assert_eq!(
        view.series.start_time,
        NaiveTime::from_hms_opt(10, 0, 0).unwrap()
    );
    assert!(c.store.check().expect("check").is_ok());
}

pub fn a_single_appointment_is_not_part_of_a_series<B: TestBackend>() {
    let mut c = clinic::<B>();
    let single = c.book_ok(c.rao, None, c.ravi, "2026-10-27 11:00", utc(NOW));
    assert_eq!(c.store.series_of(single.id).expect("series_of"), None);
}

pub fn every_occurrences_conflicts_are_shown_before_saving<B: TestBackend>() {
    let mut c = clinic::<B>();
    let other = c.book_ok(c.rao, None, c.ravi, "2026-11-03 10:00", utc(NOW));
    let before = totals(&c);
    let checks = c
        .store
        .preview_series(&asha_series(&c, OnConflict::Refuse), utc(NOW))
        .expect("preview");
    assert_eq!(totals(&c), before, "a preview writes nothing");
    assert_eq!(checks.len(), 6);
    for check in &checks {
        if check.occurrence.date == date("2026-11-03") {
            assert!(
                check
                    .conflicts
                    .iter()
                    .any(|k| matches!(k, Conflict::DoctorBooked(x) if x.id == other.id)),
                "{:?}",
                check.conflicts
            );
        } else {
            assert_eq!(check.conflicts, vec![], "{}", check.occurrence.date);
        }
    }
}

pub fn refusing_saves_nothing_and_names_the_conflicting_dates<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.book_ok(c.rao, None, c.ravi, "2026-11-03 10:00", utc(NOW));
    c.book_ok(c.mehta, None, c.asha, "2026-11-12 10:00", utc(NOW));
    let before = totals(&c);
    let err = c
        .store
        .book_series(&asha_series(&c, OnConflict::Refuse), "maria", utc(NOW))
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("2 of the 6 occurrences conflict, so nothing was saved"),
        "{text}"
    );
    assert!(
        text.contains("2026-11-03 10:00: Dr. Anjali Rao is already booked"),
        "{text}"
    );
    assert!(
        text.contains("2026-11-12 10:00: Asha Iyer already has an appointment"),
        "{text}"
    );
    assert!(
        text.contains("Skip those occurrences, overbook them"),
        "{text}"
    );
    assert_eq!(totals(&c), before, "nothing was written");
}

pub fn skipping_books_the_free_occurrences_and_reports_the_rest<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.book_ok(c.rao, None, c.ravi, "2026-11-03 10:00", utc(NOW));
    let out = c
        .store
        .book_series(&asha_series(&c, OnConflict::Skip), "maria", utc(NOW))
        .expect("skip");
    assert_eq!(out.booked.len(), 5);
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(out.skipped[0].occurrence.date, date("2026-11-03"));
    assert!(
        c.day("2026-11-03")
            .iter()
            .all(|e| e.appointment.patient != c.asha)
    );
    // The left-out date has no appointment: an exception (EXDATE) of the stored rule.
    let view = c
        .store
        .series_of(out.booked[0].1.appointment.id)
        .unwrap()
        .unwrap();
    assert_eq!(view.series.rule.end, SeriesEnd::Count(6));
    assert_eq!(view.members.len(), 5);
    assert!(c.store.check().unwrap().is_ok());
}

pub fn overbooking_books_every_occurrence_with_the_reason_in_its_history<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.book_ok(c.rao, None, c.ravi, "2026-11-03 10:00", utc(NOW));
    let out = c
        .store
        .book_series(
            &asha_series(&c, OnConflict::Overbook("Doctor agreed".into())),
            "maria",
            utc(NOW),
        )
        .expect("overbook");
    assert_eq!(out.booked.len(), 6);
    assert!(out.skipped.is_empty());
    let (_, overbooked) = out
        .booked
        .iter()
        .find(|(d, _)| *d == date("2026-11-03"))
        .expect("the clashing one");
    assert_eq!(overbooked.overbooked.as_deref(), Some("Doctor agreed"));
    let history = c.store.history(overbooked.appointment.id).unwrap();
    assert_eq!(history[0].reason, "Doctor agreed");
    assert!(
        history[0]
            .after
            .as_deref()
            .unwrap()
            .contains("overbooked_conflicts")
    );
    // The free ones are plain bookings.
    assert!(
        out.booked
            .iter()
            .filter(|(d, _)| *d != date("2026-11-03"))
            .all(|(_, b)| b.overbooked.is_none())
    );
    let entry = c.store.appointment(overbooked.appointment.id).unwrap();
    assert_eq!(entry.overbook_reason.as_deref(), Some("Doctor agreed"));
    assert!(
        c.store.check().unwrap().is_ok(),
        "a deliberate overbooking is explained"
    );
}

pub fn overbooking_needs_a_reason<B: TestBackend>() {
    let mut c = clinic::<B>();
    let before = totals(&c);
    let err = c
        .store
        .book_series(
            &asha_series(&c, OnConflict::Overbook("  ".into())),
            "maria",
            utc(NOW),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("say why you overbook the series"),
        "{err}"
    );
    assert_eq!(totals(&c), before);
}

pub fn an_occurrence_in_the_spring_gap_is_left_out_even_when_overbooking<B: TestBackend>() {
    let mut c = clinic::<B>();
    // Sundays at 02:30 from 2027-03-07: 02:30 does not exist on 2027-03-14 in New York. The
    // clinic is closed at 02:30, so the others need an overbook.
    let request = SeriesRequest {
        booking: c.request(c.rao, None, c.asha, "2027-03-07 02:30"),
        rule: SeriesRule {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![Weekday::Sun],
            end: SeriesEnd::Count(3),
        },
        on_conflict: OnConflict::Overbook("Night clinic".into()),
    };
    let checks = c.store.preview_series(&request, utc(NOW)).unwrap();
    assert!(matches!(
        checks[1].conflicts.as_slice(),
        [Conflict::LocalTimeInGap { .. }]
    ));
    let out = c.store.book_series(&request, "maria", utc(NOW)).unwrap();
    assert_eq!(
        out.booked.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
        [date("2027-03-07"), date("2027-03-21")]
    );
    assert_eq!(out.skipped.len(), 1);
    assert!(
        out.skipped[0].conflicts[0]
            .to_string()
            .contains("the next valid time is 2027-03-14 03:00")
    );
    for (_, b) in &out.booked {
        assert_eq!(local(&c, &b.appointment)[11..], *"02:30");
    }
}

pub fn a_series_nothing_of_which_can_be_booked_saves_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let before = totals(&c);
    // 19:00 is outside Dr. Rao's hours every day.
    let request = SeriesRequest {
        booking: c.request(c.rao, None, c.asha, "2026-10-27 19:00"),
        rule: tue_thu(3),
        on_conflict: OnConflict::Skip,
    };
    let err = c
        .store
        .book_series(&request, "maria", utc(NOW))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("none of the 3 occurrences can be booked"),
        "{err}"
    );
    assert_eq!(totals(&c), before);
}

pub fn bad_series_requests_are_refused_with_what_to_do_and_change_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let before = totals(&c);
    let mut at_instant = asha_series(&c, OnConflict::Refuse);
    at_instant.booking.start = Start::At(utc(NOW) + Duration::days(1));
    let mut walk_in = asha_series(&c, OnConflict::Refuse);
    walk_in.booking.kind = Kind::WalkIn;
    let mut no_count = asha_series(&c, OnConflict::Refuse);
    no_count.rule.end = SeriesEnd::Count(0);
    let mut too_many = asha_series(&c, OnConflict::Refuse);
    too_many.rule = SeriesRule {
        frequency: Frequency::Daily,
        interval: 1,
        weekdays: Vec::new(),
        end: SeriesEnd::Until(date("2027-12-31")),
    };
    for (request, says) in [
        (at_instant, "a series starts at a clinic-local wall time"),
        (walk_in, "walk-ins and emergencies do not repeat"),
        (no_count, "at least 1 occurrence"),
        (too_many, "more than 104 occurrences"),
    ] {
        let err = c
            .store
            .book_series(&request, "maria", utc(NOW))
            .unwrap_err();
        assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
        assert!(err.to_string().contains(says), "{err}");
        assert_eq!(totals(&c), before);
    }
    let err = c
        .store
        .book_series(&asha_series(&c, OnConflict::Refuse), " ", utc(NOW))
        .unwrap_err();
    assert!(err.to_string().contains("say who is at the desk"), "{err}");
}

pub fn a_refused_series_registers_no_new_patient<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.book_ok(c.rao, None, c.ravi, "2026-10-29 10:00", utc(NOW));
    let before = totals(&c);
    let mut request = asha_series(&c, OnConflict::Refuse);
    let newcomer = patient(99, "Neha Joshi", "+1 212 555 0100");
    request.booking.patient = newcomer.id;
    request.booking.new_patient = Some(newcomer.clone());
    assert!(c.store.book_series(&request, "maria", utc(NOW)).is_err());
    assert_eq!(totals(&c), before, "no patient, series or appointment");
    request.on_conflict = OnConflict::Skip;
    let out = c.store.book_series(&request, "maria", utc(NOW)).unwrap();
    assert_eq!(out.booked.len(), 5);
    assert_eq!(
        totals(&c)[4],
        before[4] + 1,
        "registered once, with the series"
    );
}
