//! The waitlist's pure core on hand-built cases: what staff may type, the entry's lifecycle, and
//! which entries fit a freed slot, in which order, including wall-time preferences across the
//! real 2026 DST changes in New York and a date boundary in Kolkata.

use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use frontdesk::scheduling::waitlist::*;
use frontdesk::scheduling::*;
use uuid::Uuid;

const NEW_YORK: Tz = chrono_tz::America::New_York;
const KOLKATA: Tz = chrono_tz::Asia::Kolkata;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("rfc3339")
        .with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

const CLINIC: ClinicId = ClinicId(Uuid::from_u128(1));
const RAO: DoctorId = DoctorId(Uuid::from_u128(10));
const MEHTA: DoctorId = DoctorId(Uuid::from_u128(11));
const FREED_BY: PatientId = PatientId(Uuid::from_u128(99));

fn request(patient: u128) -> WaitlistRequest {
    WaitlistRequest {
        clinic: CLINIC,
        patient: PatientId(Uuid::from_u128(patient)),
        doctor: Some(RAO),
        visit_type: None,
        minutes: 20,
        preferred: Preferred::ANY,
        holds: None,
        notes: String::new(),
        priority: 0,
    }
}

fn entry(n: u128, request: WaitlistRequest, since: &str) -> WaitlistEntry {
    WaitlistEntry {
        id: WaitlistEntryId(Uuid::from_u128(1000 + n)),
        request,
        status: WaitStatus::Waiting,
        held_start: None,
        booked: None,
        created_by: "maria".into(),
        created_at: utc(since),
        updated_by: "maria".into(),
    }
}

fn slot(start: &str, minutes: i64) -> FreedSlot {
    let start = utc(start);
    FreedSlot {
        clinic: CLINIC,
        doctor: RAO,
        room: None,
        interval: Interval::new(start, start + Duration::minutes(minutes)),
        appointment: None,
        freed_by: Some(FREED_BY),
    }
}

fn window(from: u16, to: u16) -> Option<DaySpan> {
    Some(DaySpan::new(from, to))
}

// ---------------------------------------------------------------- validation

#[test]
fn a_plain_request_is_valid() {
    assert_eq!(validate(&request(1), date("2026-11-24")), Ok(()));
}

#[test]
fn each_bad_request_gets_its_own_message() {
    let today = date("2026-11-24");
    let with = |f: &dyn Fn(&mut WaitlistRequest)| {
        let mut r = request(1);
        f(&mut r);
        validate(&r, today).expect_err("refused").to_string()
    };
    assert_eq!(
        with(&|r| r.preferred.weekdays = Weekdays::NONE),
        "tick at least one weekday the patient can come"
    );
    assert_eq!(
        with(&|r| r.preferred.window = window(12 * 60, 9 * 60)),
        "the time window ends at 09:00, not after it starts at 12:00: give an end after the start"
    );
    assert_eq!(
        with(&|r| r.preferred.window = window(9 * 60, 9 * 60)),
        "the time window ends at 09:00, not after it starts at 09:00: give an end after the start"
    );
    assert_eq!(
        with(&|r| r.preferred.window = window(22 * 60, 25 * 60)),
        "the time window runs past midnight: end it at 24:00 at the latest"
    );
    assert_eq!(
        with(&|r| r.preferred.window = window(9 * 60, 9 * 60 + 15)),
        "the time window 09:00–09:15 is shorter than the 20-minute visit: widen it or shorten the visit"
    );
    assert_eq!(
        with(&|r| {
            r.preferred.earliest = Some(date("2026-12-10"));
            r.preferred.latest = Some(date("2026-12-01"));
        }),
        "the earliest date 2026-12-10 is after the latest date 2026-12-01: swap them or clear one"
    );
    assert_eq!(
        with(&|r| r.preferred.latest = Some(date("2026-11-23"))),
        "the latest date 2026-11-23 has passed (today is 2026-11-24): give a later date or clear it"
    );
    assert_eq!(
        with(&|r| r.minutes = 0),
        "a visit of 0 minutes is not possible: give 5 to 480 minutes"
    );
    assert_eq!(
        with(&|r| r.minutes = 481),
        "a visit of 481 minutes is not possible: give 5 to 480 minutes"
    );
}

#[test]
fn boundaries_that_are_allowed() {
    let today = date("2026-11-24");
    let mut r = request(1);
    r.preferred.latest = Some(today); // today is still possible
    r.preferred.earliest = Some(today); // one day only
    r.preferred.window = window(9 * 60, 9 * 60 + 20); // exactly the visit
    r.preferred.weekdays = Weekdays::of(&[Weekday::Sun]);
    r.minutes = 5;
    assert_eq!(validate(&r, today), Ok(()));
    r.preferred.window = window(23 * 60, 24 * 60);
    assert_eq!(validate(&r, today), Ok(()));
    r.minutes = 480;
    r.preferred.window = None;
    assert_eq!(validate(&r, today), Ok(()));
}

// ---------------------------------------------------------------- lifecycle

#[test]
fn the_entry_lifecycle_allows_only_sensible_steps() {
    use WaitAction::*;
    use WaitStatus::*;
    let table = [
        (Waiting, Offer, Ok(Offered)),
        (Waiting, Decline, Ok(Waiting)),
        (Offered, Decline, Ok(Waiting)),
        (Waiting, Book, Ok(Booked)),
        (Offered, Book, Ok(Booked)),
        (Waiting, Remove, Ok(Removed)),
        (Offered, Remove, Ok(Removed)),
        (Waiting, Edit, Ok(Waiting)),
        (Offered, Edit, Ok(Offered)),
        (
            Offered,
            Offer,
            Err("cannot offer a slot to a waitlist entry that is offered"),
        ),
        (
            Booked,
            Book,
            Err("cannot book a waitlist entry that is booked"),
        ),
        (
            Booked,
            Remove,
            Err("cannot remove a waitlist entry that is booked"),
        ),
        (
            Removed,
            Edit,
            Err("cannot edit a waitlist entry that is removed"),
        ),
        (
            Removed,
            Offer,
            Err("cannot offer a slot to a waitlist entry that is removed"),
        ),
        (
            Booked,
            Decline,
            Err("cannot decline for a waitlist entry that is booked"),
        ),
    ];
    for (from, action, expected) in table {
        let got = transition(from, action).map_err(|e| e.to_string());
        assert_eq!(
            got,
            expected.map_err(str::to_owned),
            "{from:?} + {action:?}"
        );
    }
    for s in WaitStatus::ALL {
        assert_eq!(WaitStatus::parse(s.as_str()), Some(s));
    }
    assert!(WaitStatus::Waiting.is_open() && WaitStatus::Offered.is_open());
    assert!(!WaitStatus::Booked.is_open() && !WaitStatus::Removed.is_open());
}

#[test]
fn weekdays_read_as_people_write_them() {
    assert_eq!(Weekdays::ALL.to_string(), "any day");
    assert_eq!(Weekdays::WORKDAYS.to_string(), "Mon–Fri");
    let mwf = Weekdays::of(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]);
    assert_eq!(mwf.to_string(), "Mon, Wed, Fri");
    assert_eq!(
        Weekdays::of(&[Weekday::Sat, Weekday::Sun]).to_string(),
        "Sat, Sun"
    );
    assert!(mwf.contains(Weekday::Wed) && !mwf.contains(Weekday::Tue));
    assert_eq!(
        mwf.with(Weekday::Tue, true)
            .with(Weekday::Wed, false)
            .to_string(),
        "Mon, Tue, Fri"
    );
    assert_eq!(Weekdays::from_bits(mwf.bits()), Some(mwf));
    assert_eq!(Weekdays::from_bits(128), None);
    let p = Preferred {
        weekdays: Weekdays::WORKDAYS,
        window: window(9 * 60, 12 * 60),
        earliest: Some(date("2026-12-01")),
        latest: Some(date("2026-12-20")),
    };
    assert_eq!(
        p.to_string(),
        "Mon–Fri 09:00–12:00, from 2026-12-01, until 2026-12-20"
    );
    assert_eq!(Preferred::ANY.to_string(), "any day, any time");
}

#[test]
fn waiting_time_reads_in_minutes_hours_or_days() {
    let since = utc("2026-11-20T10:00:00Z");
    assert_eq!(waited(since, since + Duration::minutes(40)), "40 min");
    assert_eq!(waited(since, since + Duration::minutes(310)), "5 h 10 min");
    assert_eq!(
        waited(since, since + Duration::days(3) + Duration::hours(4)),
        "3 d 4 h"
    );
    assert_eq!(waited(since, since - Duration::minutes(5)), "0 min");
}

// ---------------------------------------------------------------- matching

/// 10:30 local in Kolkata on Tue 24 Nov 2026 is 05:00 UTC.
const TUE_1030_KOLKATA: &str = "2026-11-24T05:00:00Z";
const NOW: &str = "2026-11-24T03:30:00Z"; // 09:00 in Kolkata

fn misfit(e: &WaitlistEntry, s: &FreedSlot, zone: Tz) -> Result<(), Misfit> {
    fit(e, s, zone, utc(NOW)).map(|_| ())
}

#[test]
fn a_fitting_entry_gets_the_slots_start_and_its_own_length() {
    let e = entry(1, request(1), "2026-11-01T00:00:00Z");
    let s = slot(TUE_1030_KOLKATA, 30);
    let visit = fit(&e, &s, KOLKATA, utc(NOW)).expect("fits");
    assert_eq!(visit.start, s.interval.start);
    assert_eq!(visit.minutes(), 20, "the entry's visit, not the whole slot");
}

#[test]
fn each_reason_an_entry_does_not_fit() {
    let s = slot(TUE_1030_KOLKATA, 20);
    let since = "2026-11-01T00:00:00Z";
    let case = |f: &dyn Fn(&mut WaitlistEntry)| {
        let mut e = entry(1, request(1), since);
        f(&mut e);
        misfit(&e, &s, KOLKATA)
    };
    assert_eq!(case(&|_| {}), Ok(()));
    assert_eq!(
        case(&|e| e.status = WaitStatus::Offered),
        Err(Misfit::NotWaiting)
    );
    assert_eq!(
        case(&|e| e.status = WaitStatus::Booked),
        Err(Misfit::NotWaiting)
    );
    assert_eq!(
        case(&|e| e.status = WaitStatus::Removed),
        Err(Misfit::NotWaiting)
    );
    assert_eq!(
        case(&|e| e.request.clinic = ClinicId(Uuid::from_u128(2))),
        Err(Misfit::OtherClinic)
    );
    assert_eq!(
        case(&|e| e.request.patient = FREED_BY),
        Err(Misfit::OwnSlot)
    );
    assert_eq!(
        case(&|e| e.request.doctor = Some(MEHTA)),
        Err(Misfit::OtherDoctor)
    );
    assert_eq!(case(&|e| e.request.doctor = None), Ok(()), "any doctor");
    assert_eq!(case(&|e| e.request.minutes = 25), Err(Misfit::TooShort));
    assert_eq!(
        case(&|e| e.request.preferred.weekdays = Weekdays::of(&[Weekday::Mon])),
        Err(Misfit::Weekday)
    );
    assert_eq!(
        case(&|e| e.request.preferred.weekdays = Weekdays::of(&[Weekday::Tue])),
        Ok(())
    );
    assert_eq!(
        case(&|e| e.request.preferred.window = window(9 * 60, 10 * 60 + 45)),
        Err(Misfit::Window),
        "10:30–10:50 does not end by 10:45"
    );
    assert_eq!(
        case(&|e| e.request.preferred.window = window(10 * 60 + 30, 10 * 60 + 50)),
        Ok(()),
        "exactly the window"
    );
    assert_eq!(
        case(&|e| e.request.preferred.window = window(10 * 60 + 31, 12 * 60)),
        Err(Misfit::Window)
    );
    assert_eq!(
        case(&|e| e.request.preferred.earliest = Some(date("2026-11-25"))),
        Err(Misfit::BeforeEarliest)
    );
    assert_eq!(
        case(&|e| e.request.preferred.earliest = Some(date("2026-11-24"))),
        Ok(())
    );
    assert_eq!(
        case(&|e| e.request.preferred.latest = Some(date("2026-11-23"))),
        Err(Misfit::AfterLatest)
    );
    assert_eq!(
        case(&|e| e.request.preferred.latest = Some(date("2026-11-24"))),
        Ok(())
    );
    assert_eq!(
        case(&|e| e.held_start = Some(utc(TUE_1030_KOLKATA))),
        Err(Misfit::NotEarlier),
        "the same time is not earlier"
    );
    assert_eq!(
        case(&|e| e.held_start = Some(utc("2026-11-24T04:00:00Z"))),
        Err(Misfit::NotEarlier)
    );
    assert_eq!(
        case(&|e| e.held_start = Some(utc("2026-12-01T05:00:00Z"))),
        Ok(())
    );
    // A slot that has begun is never offered.
    let e = entry(1, request(1), since);
    assert_eq!(
        fit(&e, &s, KOLKATA, s.interval.start).map(|_| ()),
        Err(Misfit::Past)
    );
    assert_eq!(
        fit(&e, &s, KOLKATA, s.interval.start - Duration::minutes(1)).map(|_| ()),
        Ok(())
    );
}

#[test]
fn the_weekday_and_date_are_the_clinics_not_utcs() {
    // 20:00 UTC on Monday 23 Nov is 01:30 on Tuesday 24 Nov in Kolkata.
    let s = slot("2026-11-23T20:00:00Z", 20);
    let mut r = request(1);
    r.preferred.weekdays = Weekdays::of(&[Weekday::Tue]);
    r.preferred.earliest = Some(date("2026-11-24"));
    let e = entry(1, r, "2026-11-01T00:00:00Z");
    assert_eq!(
        fit(&e, &s, KOLKATA, utc("2026-11-23T00:00:00Z")).map(|_| ()),
        Ok(())
    );
    // In UTC it would be a Monday before the earliest date.
    assert_eq!(
        fit(&e, &s, chrono_tz::UTC, utc("2026-11-23T00:00:00Z")).map(|_| ()),
        Err(Misfit::Weekday)
    );
}

#[test]
fn a_visit_that_runs_past_midnight_is_outside_any_window_but_one_ending_at_midnight_fits() {
    let mut r = request(1);
    r.preferred.window = window(23 * 60, 24 * 60);
    let e = entry(1, r, "2026-11-01T00:00:00Z");
    let now = utc("2026-11-23T00:00:00Z");
    // 23:40–24:00 Kolkata on 24 Nov = 18:10–18:30 UTC.
    let ends_at_midnight = slot("2026-11-24T18:10:00Z", 20);
    assert_eq!(fit(&e, &ends_at_midnight, KOLKATA, now).map(|_| ()), Ok(()));
    // 23:50–00:10.
    let past_midnight = slot("2026-11-24T18:20:00Z", 20);
    assert_eq!(
        fit(&e, &past_midnight, KOLKATA, now).map(|_| ()),
        Err(Misfit::Window)
    );
}

#[test]
fn a_wall_time_window_holds_on_both_sides_of_the_spring_change_in_new_york() {
    // Mondays 09:00–11:00 on the clinic's clocks. New York goes from EST (UTC−5) to EDT
    // (UTC−4) on Sunday 8 March 2026.
    let mut r = request(1);
    r.preferred.weekdays = Weekdays::of(&[Weekday::Mon]);
    r.preferred.window = window(9 * 60, 11 * 60);
    let e = entry(1, r, "2026-02-01T00:00:00Z");
    let now = utc("2026-02-15T00:00:00Z");
    let at = |t: &str| fit(&e, &slot(t, 20), NEW_YORK, now).map(|_| ());
    // 09:30 local on Monday 2 March (EST) and on Monday 9 March (EDT).
    assert_eq!(at("2026-03-02T14:30:00Z"), Ok(()));
    assert_eq!(at("2026-03-09T13:30:00Z"), Ok(()));
    // The same UTC hour as the week before is 10:30 EDT: still inside.
    assert_eq!(at("2026-03-09T14:30:00Z"), Ok(()));
    // 13:30 UTC on 2 March is 08:30 EST: outside, though it is 09:30 a week later.
    assert_eq!(at("2026-03-02T13:30:00Z"), Err(Misfit::Window));
    // 15:45 UTC on 9 March is 11:45 EDT (it would be 10:45 in EST): outside.
    assert_eq!(at("2026-03-09T15:45:00Z"), Err(Misfit::Window));
    // 10:40–11:00 EDT ends exactly at the window's end.
    assert_eq!(at("2026-03-09T14:40:00Z"), Ok(()));
    assert_eq!(at("2026-03-09T14:41:00Z"), Err(Misfit::Window));
}

#[test]
fn a_window_across_the_spring_gap_is_judged_on_the_clocks() {
    // Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT. 01:50 EST + 20 min = 03:10 EDT.
    let mut r = request(1);
    r.preferred.window = window(60, 3 * 60);
    let e = entry(1, r.clone(), "2026-02-01T00:00:00Z");
    let now = utc("2026-03-01T00:00:00Z");
    let across_gap = slot("2026-03-08T06:50:00Z", 20);
    assert_eq!(
        fit(&e, &across_gap, NEW_YORK, now).map(|_| ()),
        Err(Misfit::Window),
        "the clocks read 03:10 at the end"
    );
    r.preferred.window = window(60, 3 * 60 + 30);
    let e = entry(1, r, "2026-02-01T00:00:00Z");
    assert_eq!(fit(&e, &across_gap, NEW_YORK, now).map(|_| ()), Ok(()));
}

#[test]
fn both_passes_through_the_autumn_fold_match_a_wall_time_window() {
    // Sunday 1 November 2026: 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice.
    let mut r = request(1);
    r.preferred.weekdays = Weekdays::of(&[Weekday::Sun]);
    r.preferred.window = window(60, 2 * 60);
    let e = entry(1, r, "2026-10-01T00:00:00Z");
    let now = utc("2026-10-15T00:00:00Z");
    let at = |t: &str| fit(&e, &slot(t, 20), NEW_YORK, now).map(|_| ());
    assert_eq!(at("2026-11-01T05:30:00Z"), Ok(()), "01:30 EDT");
    assert_eq!(at("2026-11-01T06:30:00Z"), Ok(()), "01:30 EST");
    // 01:50 EDT to 01:10 EST: both wall times inside 01:00–02:00.
    assert_eq!(at("2026-11-01T05:50:00Z"), Ok(()));
    // 01:50 EST to 02:10 EST: ends outside.
    assert_eq!(at("2026-11-01T06:50:00Z"), Err(Misfit::Window));
    // 00:50 EDT: starts outside.
    assert_eq!(at("2026-11-01T04:50:00Z"), Err(Misfit::Window));
}

#[test]
fn fitting_entries_are_ranked_by_priority_then_waiting_longest() {
    let s = slot(TUE_1030_KOLKATA, 30);
    let mut urgent_recent = request(1);
    urgent_recent.priority = 2;
    let mut other_doctor = request(2);
    other_doctor.doctor = Some(MEHTA);
    let mut too_long = request(3);
    too_long.minutes = 45;
    let entries = vec![
        entry(1, request(4), "2026-11-20T00:00:00Z"), // normal, 4 days
        entry(2, urgent_recent, "2026-11-24T03:00:00Z"), // urgent, half an hour
        entry(3, other_doctor, "2026-10-01T00:00:00Z"),
        entry(4, request(5), "2026-11-02T00:00:00Z"), // normal, 22 days
        entry(5, too_long, "2026-09-01T00:00:00Z"),
        entry(6, request(6), "2026-11-20T00:00:00Z"), // normal, 4 days, later id
        {
            let mut any = request(7);
            any.doctor = None;
            any.priority = 1;
            entry(7, any, "2026-11-23T00:00:00Z")
        },
    ];
    let order: Vec<usize> = rank(&entries, &s, KOLKATA, utc(NOW))
        .iter()
        .map(|c| c.index)
        .collect();
    assert_eq!(order, vec![1, 6, 3, 0, 5]);
    // The order does not depend on how the entries came.
    let mut reversed = entries.clone();
    reversed.reverse();
    let ids: Vec<WaitlistEntryId> = rank(&reversed, &s, KOLKATA, utc(NOW))
        .iter()
        .map(|c| reversed[c.index].id)
        .collect();
    let expected: Vec<WaitlistEntryId> = order.iter().map(|i| entries[*i].id).collect();
    assert_eq!(ids, expected);
    for c in rank(&entries, &s, KOLKATA, utc(NOW)) {
        assert_eq!(c.interval.start, s.interval.start);
        assert_eq!(
            c.interval.minutes(),
            i64::from(entries[c.index].request.minutes)
        );
    }
}

#[test]
fn nobody_fits_an_empty_list_or_a_slot_in_the_past() {
    let s = slot(TUE_1030_KOLKATA, 30);
    assert!(rank(&[], &s, KOLKATA, utc(NOW)).is_empty());
    let entries = vec![entry(1, request(1), "2026-11-01T00:00:00Z")];
    assert!(rank(&entries, &s, KOLKATA, s.interval.end).is_empty());
    assert_eq!(slot_date(&s, KOLKATA), date("2026-11-24"));
}

/// Which changes free time is the core's rule: a cancellation or an entry in error frees where
/// the appointment is, a move where it was, and only when it held its time before.
#[test]
fn a_change_frees_time_only_when_the_appointment_held_it() {
    let at = |h: u32| {
        DateTime::parse_from_rfc3339(&format!("2026-12-01T{h:02}:00:00Z"))
            .expect("time")
            .with_timezone(&Utc)
    };
    let (a, b) = (DoctorId(Uuid::from_u128(1)), DoctorId(Uuid::from_u128(2)));
    let was = (a, None, Interval::new(at(9), at(10)));
    let is = (
        b,
        Some(RoomId(Uuid::from_u128(3))),
        Interval::new(at(11), at(12)),
    );
    let (appointment, patient, clinic) = (
        AppointmentId(Uuid::from_u128(4)),
        PatientId(Uuid::from_u128(5)),
        ClinicId(Uuid::from_u128(6)),
    );
    let freed = |change, held, was| freed_by(change, held, was, is, appointment, patient, clinic);
    for change in [Freeing::Cancelled, Freeing::EnteredInError] {
        let slot = freed(change, true, Some(was)).expect("freed");
        assert_eq!((slot.doctor, slot.room, slot.interval), is, "{change:?}");
        assert_eq!(slot.freed_by, Some(patient));
        assert_eq!(
            freed(change, false, Some(was)),
            None,
            "{change:?}: held no time"
        );
    }
    let moved = freed(Freeing::Moved, true, Some(was)).expect("a move frees its old place");
    assert_eq!((moved.doctor, moved.room, moved.interval), was);
    assert_eq!(freed(Freeing::Moved, true, None), None, "old place unknown");
    assert_eq!(freed(Freeing::Moved, false, Some(was)), None);
    for change in Freeing::ALL {
        assert_eq!(Freeing::from_action(change.action()), Some(change));
    }
    assert_eq!(Freeing::from_action("confirmed"), None);
}
