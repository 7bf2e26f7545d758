//! Clinics like the export fixture's in any zone, with appointments around each change of
//! offset in 2027 (some across it) and series through them: daily at the wall time half an
//! hour before each change (in the repeated hour when the clocks go back) and half an hour
//! after it (in the skipped hour when they go forward), and weekly all year from a date its
//! rule skips. Used by
//! `tests/ics_clients.rs` (what calendar clients show) and `tests/export_roundtrip.rs`.
#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use frontdesk::export;
use frontdesk::scheduling::time::{LocalTime, resolve_local};
use frontdesk::scheduling::*;
use frontdesk::store::bulk::BulkLoad;
use frontdesk::store::{Series, SqliteStore, Store};

use super::exchange_fixture::*;

/// The fixture's setup with its clinic in `zone`.
pub fn setup_in(zone: Tz) -> Setup {
    let mut s = setup();
    s.clinic.time_zone = zone;
    s
}

fn write_setup(bulk: &dyn BulkLoad, s: &Setup) {
    let hours = WeeklyHours::same_each(&ALL_DAYS, &[DaySpan::new(0, 24 * 60)]).expect("hours");
    bulk.clinic(&s.clinic).expect("clinic");
    for d in [&s.zoe, &s.ravi] {
        bulk.doctor(d, s.clinic.id, &hours).expect("doctor");
    }
    for r in [&s.room1, &s.east] {
        bulk.room(r, None).expect("room");
    }
    for v in [&s.consult, &s.follow_up] {
        bulk.visit_type(v).expect("visit type");
    }
}

/// A database at `path` with the fixture's setup in `zone`, and no patients or appointments.
pub fn empty_clinic_in(path: &Path, zone: Tz) -> SqliteStore {
    let mut store = SqliteStore::open(path).expect("open");
    let bulk = store.bulk("setup").expect("begin");
    write_setup(&*bulk, &setup_in(zone));
    bulk.commit().expect("commit");
    store
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A database at `path` with the fixture's setup and patients in `zone`, its appointments and
/// series (see the module); and the instants of the zone's changes of offset in 2027.
pub fn clinic_in(path: &Path, zone: Tz) -> (SqliteStore, Vec<DateTime<Utc>>) {
    clinic_in_with(path, zone, patients())
}

/// [`clinic_in`] with these patients (ids 40 to 43): `entered_patients()` for a clinic whose
/// export goes back in through import, which refuses the fixture's legacy name and phone.
pub fn clinic_in_with(
    path: &Path,
    zone: Tz,
    patients: Vec<Patient>,
) -> (SqliteStore, Vec<DateTime<Utc>>) {
    let s = setup_in(zone);
    let mut store = SqliteStore::open(path).expect("open");
    let bulk = store.bulk("maria").expect("begin");
    write_setup(&*bulk, &s);
    for p in patients {
        bulk.patient(&p).expect("patient");
    }
    let year = (
        Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap(),
    );
    let changes: Vec<DateTime<Utc>> = export::transitions(zone, year.0, year.1)
        .into_iter()
        .map(|t| t.at)
        .collect();
    let mut next_id = 1000u128;
    let mut fresh = || {
        next_id += 1;
        next_id
    };
    let mut book = |start: DateTime<Utc>, minutes: i64, status: Status, patient: Option<u128>| {
        let mut a = appointment(fresh(), start, minutes);
        a.status = status;
        if status == Status::Cancelled {
            a.cancellation = Some(Cancellation {
                reason: "Unwell; will call back".into(),
                by: CancelledBy::Patient,
                late: false,
                at: start - Duration::days(2),
            });
        }
        if let Some(p) = patient {
            a.patient = PatientId(id(p));
        }
        bulk.appointment(&a, None, created_at())
            .expect("appointment");
        a
    };
    // Appointments that start before, in and after each change, some running across it
    // (01:45 EDT to 01:15 EST among them in New York).
    for at in &changes {
        for before in [-120, -75, -45, -15, 0, 15, 45, 75] {
            for minutes in [30, 90] {
                book(
                    *at + Duration::minutes(before),
                    minutes,
                    Status::Confirmed,
                    None,
                );
            }
        }
    }
    // Three series: daily through each change at the wall time half an hour before it (in the
    // repeated hour when the clocks go back) and half an hour after it (in the skipped hour
    // when they go forward), and weekly all year; one occurrence of each cancelled and one
    // moved alone.
    let mut plans: Vec<(NaiveDate, NaiveTime, SeriesRule)> = Vec::new();
    for at in &changes {
        // The wall clock as it read just before the change.
        let wall = (*at - Duration::seconds(1))
            .with_timezone(&zone)
            .naive_local()
            + Duration::seconds(1);
        for wall in [wall - Duration::minutes(30), wall + Duration::minutes(30)] {
            let rule = SeriesRule {
                frequency: Frequency::Daily,
                interval: 1,
                weekdays: Vec::new(),
                end: SeriesEnd::Count(7),
            };
            plans.push((wall.date() - Duration::days(3), wall.time(), rule));
        }
    }
    // Booked from a Monday for Wednesdays: RFC 5545 would make that Monday an instance.
    plans.push((
        date(2027, 1, 4),
        NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
        SeriesRule {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![Weekday::Wed],
            end: SeriesEnd::Until(date(2027, 12, 29)),
        },
    ));
    for (n, (first, time, rule)) in plans.into_iter().enumerate() {
        let mut members = Vec::new();
        for (i, day) in rule.dates(first).expect("dates").into_iter().enumerate() {
            let start = match resolve_local(zone, day.and_time(time)) {
                LocalTime::Exact(t) => t,
                LocalTime::Ambiguous { earlier, .. } => earlier,
                // As the booking does: an occurrence in the skipped hour is left out.
                LocalTime::Gap { .. } => continue,
            };
            let (start, status) = match i {
                1 => (start, Status::Cancelled),
                5 => (start + Duration::hours(2), Status::Confirmed),
                _ => (start, Status::Scheduled),
            };
            let a = book(start, 20, status, Some(41));
            members.push((a.id, day));
        }
        let series = Series {
            id: SeriesId(id(5000 + n as u128)),
            clinic: s.clinic.id,
            patient: PatientId(id(41)),
            doctor: s.zoe.id,
            room: Some(s.east.id),
            visit_type: Some(s.follow_up.id),
            rule,
            start_date: first,
            start_time: time,
            minutes: 20,
            zone,
            split_from: None,
            created_by: "maria".into(),
        };
        bulk.series(&series, &members, created_at())
            .expect("series");
    }
    bulk.commit().expect("commit");
    (store, changes)
}

fn appointment(n: u128, start: DateTime<Utc>, minutes: i64) -> Appointment {
    let s = setup();
    Appointment {
        id: AppointmentId(id(n)),
        clinic: s.clinic.id,
        patient: PatientId(id(40 + n % 4)),
        doctor: s.zoe.id,
        room: Some(s.room1.id),
        visit_type: Some(s.consult.id),
        interval: Interval::new(start, start + Duration::minutes(minutes)),
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        status: Status::Scheduled,
        reason: "Контроль — जाँच — 検査 😀".into(),
        notes: String::new(),
        meeting_link: String::new(),
        queue_token: String::new(),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: "maria".into(),
        updated_by: "maria".into(),
        sequence: 0,
    }
}
