//! Changing a stored series through the `Store` trait: cancelling or moving one occurrence, or
//! this and the following ones (which ends or splits the series), and the slot search narrowed
//! to a part of the day and a date range. The clinic and helpers are `series.rs`'s (New York,
//! across its 2026-11-01 change).

use super::series::{NOW, book_asha, clinic, count, date, local, totals};
use crate::common::{Clinic1, TestBackend, utc};
use chrono::{NaiveTime, Weekday};
use frontdesk::scheduling::time::format_local;
use frontdesk::scheduling::*;
use frontdesk::store::{OccurrenceMove, Scope, SeriesRequest, SlotLimits, SlotSearch, Store};

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
