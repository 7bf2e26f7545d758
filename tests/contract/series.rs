//! Recurring series in the store, through the `Store` trait: every occurrence's conflicts before
//! saving; saving refuses, skips or overbooks them in one transaction with an audit event per
//! appointment; cancelling or moving one occurrence, or this and the following ones (which
//! ends or splits the series). The clinic is in America/New_York, across its 2026-11-01 change.

use crate::common::{Clinic1, TestBackend, patient, utc};
use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use frontdesk::scheduling::time::format_local;
use frontdesk::scheduling::*;
use frontdesk::store::{
    OccurrenceMove, Scope, SeriesRequest, SlotLimits, SlotSearch, Start, Store, StoreError,
};

/// 09:00 in New York on Monday 2026-10-26 (EDT).
const NOW: &str = "2026-10-26T13:00:00Z";

fn clinic<B: TestBackend>() -> Clinic1<B> {
    Clinic1::<B>::fresh(chrono_tz::America::New_York)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn tue_thu(count: u32) -> SeriesRule {
    SeriesRule {
        frequency: Frequency::Weekly,
        interval: 1,
        weekdays: vec![Weekday::Tue, Weekday::Thu],
        end: SeriesEnd::Count(count),
    }
}

/// Asha with Dr. Rao, Tuesdays and Thursdays at 10:00 from 2026-10-27, six times: 27 and 29
/// October in EDT, then 3, 5, 10 and 12 November in EST.
fn asha_series<B: TestBackend>(c: &Clinic1<B>, on_conflict: OnConflict) -> SeriesRequest {
    SeriesRequest {
        booking: c.request(c.rao, Some(c.room1), c.asha, "2026-10-27 10:00"),
        rule: tue_thu(6),
        on_conflict,
    }
}

/// How many records of a kind (a check label), through the store's check.
fn count<B: TestBackend>(c: &Clinic1<B>, label: &str) -> i64 {
    crate::common::count_of(&c.store, label)
}

/// (appointments, audit events, series, series audit events, patients).
fn totals<B: TestBackend>(c: &Clinic1<B>) -> [i64; 5] {
    [
        "appointments",
        "audit events",
        "series",
        "series audit events",
        "patients",
    ]
    .map(|label| count(c, label))
}

fn local<B: TestBackend>(c: &Clinic1<B>, a: &Appointment) -> String {
    format_local(c.zone, a.interval.start)
}

fn book_asha<B: TestBackend>(c: &mut Clinic1<B>) -> frontdesk::store::SeriesOutcome {
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

// ---------------------------------------------------------------------------------------------
// Cancelling

fn cancel(reason: &str) -> StatusAction {
    StatusAction::Cancel {
        reason: reason.into(),
        by: CancelledBy::Patient,
    }
}

fn status_of<B: TestBackend>(c: &Clinic1<B>, id: AppointmentId) -> Status {
    c.store.appointment(id).unwrap().appointment.status
}

pub fn cancelling_one_occurrence_leaves_the_others_and_the_rule<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    let third = out.booked[2].1.appointment.id;
    let change = c
        .store
        .cancel_occurrences(third, Scope::This, &cancel("Travel"), "maria", utc(NOW))
        .expect("cancel one");
    assert_eq!(change.changed.len(), 1);
    assert_eq!(status_of(&c, third), Status::Cancelled);
    for (i, (_, b)) in out.booked.iter().enumerate() {
        if i != 2 {
            assert_eq!(status_of(&c, b.appointment.id), Status::Scheduled);
        }
    }
    let history = c.store.history(third).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.reason.as_str()),
        ("cancelled", "Travel")
    );
    let view = c.store.series_of(third).unwrap().unwrap();
    assert_eq!(view.series.rule.end, SeriesEnd::Count(6), "the rule stands");
}

pub fn cancelling_this_and_the_following_ends_the_series_the_day_before<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    let ids: Vec<AppointmentId> = out.booked.iter().map(|(_, b)| b.appointment.id).collect();
    // The sixth was already cancelled on its own.
    c.store
        .cancel_occurrences(ids[5], Scope::This, &cancel("Holiday"), "maria", utc(NOW))
        .unwrap();
    let audit_before = count(&c, "audit events");
    let series_audit_before = count(&c, "series audit events");
    let change = c
        .store
        .cancel_occurrences(
            ids[3],
            Scope::ThisAndFollowing,
            &cancel("Moving away"),
            "maria",
            utc(NOW),
        )
        .expect("cancel the following");
    assert_eq!(change.changed.len(), 2, "the fourth and fifth");
    assert_eq!(change.untouched.len(), 1);
    assert_eq!(change.untouched[0].0, date("2026-11-12"));
    assert_eq!(
        count(&c, "audit events"),
        audit_before + 2,
        "an audit event per appointment changed"
    );
    let statuses: Vec<Status> = ids.iter().map(|id| status_of(&c, *id)).collect();
    assert_eq!(
        statuses,
        [
            Status::Scheduled,
            Status::Scheduled,
            Status::Scheduled,
            Status::Cancelled,
            Status::Cancelled,
            Status::Cancelled,
        ]
    );
    let view = c.store.series_of(ids[0]).unwrap().unwrap();
    assert_eq!(view.series.rule.end, SeriesEnd::Until(date("2026-11-04")));
    assert_eq!(
        view.series
            .rule
            .dates(view.series.start_date)
            .unwrap()
            .len(),
        3
    );
    // One series audit event, the end (tests/sqlite_only.rs reads its action and actor).
    assert_eq!(count(&c, "series audit events"), series_audit_before + 1);
}

pub fn cancelling_needs_a_reason_and_changes_nothing_without_one<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    let before = totals(&c);
    let err = c
        .store
        .cancel_occurrences(
            out.booked[0].1.appointment.id,
            Scope::ThisAndFollowing,
            &cancel(" "),
            "maria",
            utc(NOW),
        )
        .unwrap_err();
    assert!(err.to_string().contains("a reason is required"), "{err}");
    assert_eq!(totals(&c), before);
    let view = c
        .store
        .series_of(out.booked[0].1.appointment.id)
        .unwrap()
        .unwrap();
    assert_eq!(view.series.rule.end, SeriesEnd::Count(6));
}

pub fn a_single_appointment_has_no_following_ones<B: TestBackend>() {
    let mut c = clinic::<B>();
    let single = c.book_ok(c.rao, None, c.ravi, "2026-10-27 11:00", utc(NOW));
    let err = c
        .store
        .cancel_occurrences(
            single.id,
            Scope::ThisAndFollowing,
            &cancel("x"),
            "maria",
            utc(NOW),
        )
        .unwrap_err();
    assert!(err.to_string().contains("not part of a series"), "{err}");
    let err = c
        .store
        .move_occurrences(
            single.id,
            Scope::This,
            &OccurrenceMove {
                days: 1,
                time: None,
            },
            None,
            "maria",
            utc(NOW),
        )
        .unwrap_err();
    assert!(err.to_string().contains("not part of a series"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Moving

fn at(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

pub fn moving_one_occurrence_keeps_its_place_in_the_series<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    let second = out.booked[1].1.appointment.clone();
    let change = c
        .store
        .move_occurrences(
            second.id,
            Scope::This,
            &OccurrenceMove {
                days: 1,
                time: at(11, 30),
            },
            None,
            "maria",
            utc(NOW),
        )
        .expect("move one");
    let moved = &change.changed[0];
    assert_eq!(local(&c, moved), "2026-10-30 11:30");
    assert_eq!(moved.sequence, second.sequence + 1);
    let view = c.store.series_of(second.id).unwrap().unwrap();
    assert_eq!(view.series.id, out.series);
    assert_eq!(
        view.this_date,
        date("2026-10-29"),
        "its RECURRENCE-ID stays"
    );
    let history = c.store.history(second.id).unwrap();
    assert_eq!(history.last().unwrap().action, "moved");
    // The others did not move.
    assert_eq!(
        local(
            &c,
            &c.store
                .appointment(out.booked[2].1.appointment.id)
                .unwrap()
                .appointment
        ),
        "2026-11-03 10:00"
    );
}

pub fn moving_one_occurrence_into_a_clash_is_refused_unless_overbooked<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    c.book_ok(c.rao, None, c.ravi, "2026-10-29 11:30", utc(NOW));
    let second = out.booked[1].1.appointment.id;
    let change = OccurrenceMove {
        days: 0,
        time: at(11, 30),
    };
    let before = totals(&c);
    let err = c
        .store
        .move_occurrences(second, Scope::This, &change, None, "maria", utc(NOW))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("2026-10-29 11:30: Dr. Anjali Rao is already booked"),
        "{err}"
    );
    assert_eq!(totals(&c), before);
    let moved = c
        .store
        .move_occurrences(
            second,
            Scope::This,
            &change,
            Some("Squeezed in"),
            "maria",
            utc(NOW),
        )
        .expect("overbooked move");
    assert_eq!(local(&c, &moved.changed[0]), "2026-10-29 11:30");
    assert_eq!(
        c.store
            .appointment(second)
            .unwrap()
            .overbook_reason
            .as_deref(),
        Some("Squeezed in")
    );
}

pub fn moving_this_and_the_following_splits_the_series<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    let ids: Vec<AppointmentId> = out.booked.iter().map(|(_, b)| b.appointment.id).collect();
    let series_audit_before = count(&c, "series audit events");
    // From the third (Tue 3 Nov), one day later at 15:00: Wednesdays and Fridays.
    let change = c
        .store
        .move_occurrences(
            ids[2],
            Scope::ThisAndFollowing,
            &OccurrenceMove {
                days: 1,
                time: at(15, 0),
            },
            None,
            "maria",
            utc(NOW),
        )
        .expect("split");
    let new_series = change.new_series.expect("a new series");
    assert_eq!(change.changed.len(), 4);
    let now_at: Vec<String> = ids
        .iter()
        .map(|id| local(&c, &c.store.appointment(*id).unwrap().appointment))
        .collect();
    assert_eq!(
        now_at,
        [
            "2026-10-27 10:00",
            "2026-10-29 10:00",
            "2026-11-04 15:00",
            "2026-11-06 15:00",
            "2026-11-11 15:00",
            "2026-11-13 15:00",
        ]
    );
    let old = c.store.series_of(ids[0]).unwrap().unwrap();
    assert_eq!(old.series.id, out.series);
    assert_eq!(old.series.rule.end, SeriesEnd::Until(date("2026-11-02")));
    assert_eq!(old.members.len(), 2);
    let new = c.store.series_of(ids[2]).unwrap().unwrap();
    assert_eq!(new.series.id, new_series);
    assert_eq!(new.series.split_from, Some(out.series));
    assert_eq!(new.series.rule.weekdays, vec![Weekday::Wed, Weekday::Fri]);
    assert_eq!(new.series.rule.end, SeriesEnd::Count(4));
    assert_eq!(new.series.start_date, date("2026-11-04"));
    assert_eq!(new.series.start_time, at(15, 0).unwrap());
    assert_eq!(
        new.this_date,
        date("2026-11-04"),
        "new dates name the new series' occurrences"
    );
    assert_eq!(
        new.series.rule.dates(new.series.start_date).unwrap(),
        new.members
            .iter()
            .map(|m| m.occurrence_date)
            .collect::<Vec<_>>()
    );
    for id in &ids[2..] {
        let history = c.store.history(*id).unwrap();
        let last = history.last().unwrap();
        assert_eq!(last.action, "moved");
        assert!(
            last.after
                .as_deref()
                .unwrap()
                .contains(&new_series.to_string())
        );
        assert!(
            last.before
                .as_deref()
                .unwrap()
                .contains(&out.series.to_string())
        );
    }
    // Two series audit events: the old series split, the new one created (tests/sqlite_only.rs
    // reads their actions).
    assert_eq!(count(&c, "series audit events"), series_audit_before + 2);
    assert_eq!(count(&c, "series"), 2);
    assert!(c.store.check().unwrap().is_ok());
}

pub fn a_split_that_cannot_place_every_occurrence_changes_nothing<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    c.book_ok(c.rao, None, c.ravi, "2026-11-10 16:00", utc(NOW));
    let before = totals(&c);
    let err = c
        .store
        .move_occurrences(
            out.booked[2].1.appointment.id,
            Scope::ThisAndFollowing,
            &OccurrenceMove {
                days: 0,
                time: at(16, 0),
            },
            None,
            "maria",
            utc(NOW),
        )
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("1 of the 4 occurrences cannot move there, so nothing was changed"),
        "{text}"
    );
    assert!(text.contains("2026-11-10 16:00"), "{text}");
    assert_eq!(totals(&c), before);
    let view = c
        .store
        .series_of(out.booked[0].1.appointment.id)
        .unwrap()
        .unwrap();
    assert_eq!(view.series.rule.end, SeriesEnd::Count(6));
    assert_eq!(
        local(
            &c,
            &c.store
                .appointment(out.booked[2].1.appointment.id)
                .unwrap()
                .appointment
        ),
        "2026-11-03 10:00"
    );
}

pub fn a_daily_series_moving_a_day_later_does_not_clash_with_itself<B: TestBackend>() {
    let mut c = clinic::<B>();
    let request = SeriesRequest {
        booking: c.request(c.rao, Some(c.room1), c.asha, "2026-10-27 09:00"),
        rule: SeriesRule {
            frequency: Frequency::Daily,
            interval: 1,
            weekdays: Vec::new(),
            end: SeriesEnd::Count(4),
        },
        on_conflict: OnConflict::Refuse,
    };
    let out = c.store.book_series(&request, "maria", utc(NOW)).unwrap();
    // Each moved occurrence lands where the next one was.
    let change = c
        .store
        .move_occurrences(
            out.booked[0].1.appointment.id,
            Scope::ThisAndFollowing,
            &OccurrenceMove {
                days: 1,
                time: None,
            },
            None,
            "maria",
            utc(NOW),
        )
        .expect("shift the whole series");
    let days: Vec<String> = change.changed.iter().map(|a| local(&c, a)).collect();
    assert_eq!(
        days,
        [
            "2026-10-28 09:00",
            "2026-10-29 09:00",
            "2026-10-30 09:00",
            "2026-10-31 09:00"
        ]
    );
    assert!(c.store.check().unwrap().is_ok());
}

pub fn a_move_that_says_nothing_is_refused<B: TestBackend>() {
    let mut c = clinic::<B>();
    let out = book_asha(&mut c);
    let err = c
        .store
        .move_occurrences(
            out.booked[0].1.appointment.id,
            Scope::ThisAndFollowing,
            &OccurrenceMove {
                days: 0,
                time: None,
            },
            None,
            "maria",
            utc(NOW),
        )
        .unwrap_err();
    assert!(err.to_string().contains("say how to move it"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Find a slot: part of the day, date range end, any room

fn search<B: TestBackend>(
    c: &Clinic1<B>,
    target: SlotTarget,
    from: &str,
    count: usize,
) -> SlotSearch {
    SlotSearch {
        clinic: c.clinic,
        target,
        query: SlotQuery {
            minutes: 30,
            step_minutes: 15,
            from: c.at(from),
            count,
        },
        horizon_days: 90,
        patient: None,
    }
}

pub fn find_slots_within_a_part_of_the_day_and_a_date_range<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.book_ok(c.rao, None, c.ravi, "2026-10-27 14:00", utc(NOW));
    let afternoon = SlotLimits {
        time_of_day: TimeOfDay::Afternoon,
        until: None,
    };
    let found = c
        .store
        .find_slots_within(
            &search(&c, SlotTarget::Doctor(c.rao), "2026-10-27 08:00", 2),
            &afternoon,
        )
        .unwrap();
    // Dr. Rao's afternoon: 12:00 (until her 13:00 break), then 12:15.
    assert_eq!(
        found
            .iter()
            .map(|s| format_local(c.zone, s.interval.start))
            .collect::<Vec<_>>(),
        ["2026-10-27 12:00", "2026-10-27 12:15"]
    );
    let late = SlotLimits {
        time_of_day: TimeOfDay::Between(DaySpan::new(14 * 60, 15 * 60)),
        until: None,
    };
    let found = c
        .store
        .find_slots_within(
            &search(&c, SlotTarget::Doctor(c.rao), "2026-10-27 08:00", 1),
            &late,
        )
        .unwrap();
    assert_eq!(
        format_local(c.zone, found[0].interval.start),
        "2026-10-27 14:15"
    );
    // A range that ends before the first free slot finds nothing.
    let until = SlotLimits {
        time_of_day: TimeOfDay::Between(DaySpan::new(19 * 60, 20 * 60)),
        until: Some(c.at("2026-10-30 00:00")),
    };
    let found = c
        .store
        .find_slots_within(
            &search(&c, SlotTarget::AnyDoctor, "2026-10-27 08:00", 3),
            &until,
        )
        .unwrap();
    assert_eq!(found, vec![], "nobody works 19:00–20:00");
    // The plain search is the same as no limits.
    let plain = search(&c, SlotTarget::AnyDoctor, "2026-10-27 08:00", 5);
    assert_eq!(
        c.store.find_slots(&plain).unwrap(),
        c.store
            .find_slots_within(&plain, &SlotLimits::default())
            .unwrap()
    );
}

pub fn find_slots_in_any_room_names_the_room<B: TestBackend>() {
    let mut c = clinic::<B>();
    c.book_ok(c.mehta, Some(c.room1), c.ravi, "2026-10-27 09:00", utc(NOW));
    let found = c
        .store
        .find_slots_within(
            &search(
                &c,
                SlotTarget::DoctorAndAnyRoom(c.rao),
                "2026-10-27 09:00",
                2,
            ),
            &SlotLimits::default(),
        )
        .unwrap();
    assert_eq!(
        found
            .iter()
            .map(|s| (format_local(c.zone, s.interval.start), s.doctor, s.room))
            .collect::<Vec<_>>(),
        [
            ("2026-10-27 09:00".to_owned(), Some(c.rao), Some(c.room2)),
            // Dr. Mehta's 15 minutes in Room 1 are over: Room 1 comes first again.
            ("2026-10-27 09:15".to_owned(), Some(c.rao), Some(c.room1)),
        ]
    );
    let found = c
        .store
        .find_slots_within(
            &search(&c, SlotTarget::AnyDoctorAndAnyRoom, "2026-10-27 09:00", 3),
            &SlotLimits::default(),
        )
        .unwrap();
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|s| s.doctor.is_some() && s.room.is_some()));
    // Never Room 1 with Dr. Mehta's booking in it at 09:00, never Dr. Mehta at 09:00.
    for s in &found {
        if s.interval.start == c.at("2026-10-27 09:00") {
            assert_ne!(s.room, Some(c.room1));
            assert_ne!(s.doctor, Some(c.mehta));
        }
    }
}

pub fn any_room_prefers_a_consultation_room_to_a_procedure_room<B: TestBackend>() {
    let mut c = clinic::<B>();
    let procedure = RoomId(crate::common::id(29));
    c.store
        .add_room(
            &Room {
                id: procedure,
                clinic: c.clinic,
                name: "A Minor Procedures".into(),
                kind: RoomKind::Procedure,
                active: true,
            },
            None,
        )
        .expect("room");
    c.book_ok(c.mehta, Some(c.room1), c.ravi, "2026-10-27 09:00", utc(NOW));
    let found = c
        .store
        .find_slots_within(
            &search(
                &c,
                SlotTarget::DoctorAndAnyRoom(c.rao),
                "2026-10-27 09:00",
                1,
            ),
            &SlotLimits::default(),
        )
        .unwrap();
    // Room 1 is taken at 09:00: Room 2, although the procedure room comes first by name.
    assert_eq!(found[0].room, Some(c.room2));
    // When both consultation rooms are taken, the procedure room is offered.
    for room in [c.room1, c.room2] {
        let blocked = Absence {
            interval: Interval::new(c.at("2026-10-27 09:15"), c.at("2026-10-27 09:30")),
            reason: "Cleaning".into(),
        };
        c.store.add_blockout(room, &blocked).expect("blockout");
    }
    let found = c
        .store
        .find_slots_within(
            &search(
                &c,
                SlotTarget::DoctorAndAnyRoom(c.rao),
                "2026-10-27 09:15",
                1,
            ),
            &SlotLimits::default(),
        )
        .unwrap();
    assert_eq!(found[0].room, Some(procedure));
}
