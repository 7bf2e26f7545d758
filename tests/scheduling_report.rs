//! Report arithmetic (`scheduling::report`) on hand-computed cases: room and clinician
//! utilisation, attendance, timings and the busiest hours, including days of 23 and 25 hours.
//!
//! Every expected figure is worked out by hand in the comment beside it. Transitions used:
//! - America/New_York: 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC), a 25-hour day;
//!   2027-03-14 02:00 EST → 03:00 EDT (07:00 UTC), a 23-hour day.
//! - Europe/London: 2026-10-25 02:00 BST → 01:00 GMT (01:00 UTC), a 25-hour day.
//! - Asia/Kolkata: UTC+05:30 all year.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Asia::Kolkata;
use chrono_tz::Europe::London;
use chrono_tz::Tz;
use frontdesk::scheduling::hours::WEEKDAYS;
use frontdesk::scheduling::report::{
    AttendanceGroup, DoctorSetup, Report, ReportError, ReportInput, ReportRange, RoomSetup, Timing,
    Usage, Visit, compute,
};
use frontdesk::scheduling::{
    DaySpan, DoctorId, Interval, RoomId, Status, VisitTypeId, WeeklyHours,
};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// helpers

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 2026-11-24 (a Tuesday) at `h:m` in Kolkata, written by hand as UTC: 5 h 30 earlier.
fn ist(h: u32, m: u32) -> DateTime<Utc> {
    utc(2026, 11, 24, 0, 0) + Duration::minutes(i64::from(h * 60 + m) - 330)
}

fn span(h1: u16, m1: u16, h2: u16, m2: u16) -> DaySpan {
    DaySpan::new(h1 * 60 + m1, h2 * 60 + m2)
}

fn every_day(spans: &[DaySpan]) -> WeeklyHours {
    WeeklyHours::same_each(&WEEKDAYS, spans).unwrap()
}

fn doctor(n: u128) -> DoctorId {
    DoctorId(Uuid::from_u128(n))
}

fn room(n: u128) -> RoomId {
    RoomId(Uuid::from_u128(0x100 + n))
}

fn visit_type(n: u128) -> VisitTypeId {
    VisitTypeId(Uuid::from_u128(0x200 + n))
}

fn visit(
    doctor: DoctorId,
    room: Option<RoomId>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Visit {
    Visit {
        doctor,
        room,
        visit_type: None,
        interval: Interval::new(start, end),
        status: Status::Scheduled,
        late_cancel: false,
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        called_at: None,
    }
}

/// A visit that was done: arrived, started, completed at the given instants.
fn done(
    mut v: Visit,
    arrived: DateTime<Utc>,
    started: DateTime<Utc>,
    completed: DateTime<Utc>,
) -> Visit {
    v.status = Status::Completed;
    v.arrived_at = Some(arrived);
    v.consultation_started_at = Some(started);
    v.completed_at = Some(completed);
    v
}

fn with_status(mut v: Visit, status: Status) -> Visit {
    v.status = status;
    v
}

fn typed(mut v: Visit, t: VisitTypeId) -> Visit {
    v.visit_type = Some(t);
    v
}

fn usage(open: i64, booked: i64, used: i64) -> Usage {
    Usage {
        open_secs: open * 60,
        booked_secs: booked * 60,
        used_secs: used * 60,
    }
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a figure");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

// ---------------------------------------------------------------------------------------------
// A day in Kolkata with every kind of appointment

/// Tuesday 2026-11-24, Kolkata; now is 15:00 local.
///
/// Clinic: 09:00–13:00 and 14:00–18:00 every day (480 min).
/// Room A follows the clinic (480 min). Room B has its own hours 09:00–13:00 and a blockout
/// 10:00–11:00 (180 min). Dr. X works 09:00–13:00 and 14:00–17:00 (420 min). Dr. Y works
/// 09:00–18:00, which the clinic's lunch cuts to 480 min, with leave 14:00–16:00 (360 min).
fn kolkata_day() -> ReportInput {
    let (x, y) = (doctor(1), doctor(2));
    let (a, b) = (room(1), room(2));
    let (consult, follow_up) = (visit_type(1), visit_type(2));
    let visits = vec![
        // 1. X, A, 09:00–09:30: arrived 08:55, started 09:05, done 09:32.
        typed(
            done(
                visit(x, Some(a), ist(9, 0), ist(9, 30)),
                ist(8, 55),
                ist(9, 5),
                ist(9, 32),
            ),
            consult,
        ),
        // 2. X, A, 09:30–10:00: no-show (booked, never used).
        typed(
            with_status(visit(x, Some(a), ist(9, 30), ist(10, 0)), Status::NoShow),
            consult,
        ),
        // 3. X, A, 10:00–10:30: cancelled late (never booked).
        typed(
            Visit {
                late_cancel: true,
                ..with_status(
                    visit(x, Some(a), ist(10, 0), ist(10, 30)),
                    Status::Cancelled,
                )
            },
            consult,
        ),
        // 4. X, A, 12:45–13:15 (runs into lunch): arrived 12:40, started 12:50, done 13:20.
        typed(
            done(
                visit(x, Some(a), ist(12, 45), ist(13, 15)),
                ist(12, 40),
                ist(12, 50),
                ist(13, 20),
            ),
            follow_up,
        ),
        // 5. Y, B, 09:00–10:30 (runs into B's blockout): arrived 09:00, started 09:20, done 10:20.
        typed(
            done(
                visit(y, Some(b), ist(9, 0), ist(10, 30)),
                ist(9, 0),
                ist(9, 20),
                ist(10, 20),
            ),
            consult,
        ),
        // 6. Y, no room, 11:00–11:15: entered in error (counts nowhere).
        with_status(
            visit(y, None, ist(11, 0), ist(11, 15)),
            Status::EnteredInError,
        ),
        // 7. Y, A, 16:00–16:30: booked, ahead of now (not due).
        visit(y, Some(a), ist(16, 0), ist(16, 30)),
        // 8. Y, A, 14:30–15:00 during Y's leave: arrived 14:40, with the doctor since 14:50.
        typed(
            Visit {
                status: Status::InConsultation,
                arrived_at: Some(ist(14, 40)),
                consultation_started_at: Some(ist(14, 50)),
                ..visit(y, Some(a), ist(14, 30), ist(15, 0))
            },
            follow_up,
        ),
    ];
    ReportInput {
        clinic_name: "Lotus".into(),
        zone: Kolkata,
        clinic_hours: every_day(&[span(9, 0, 13, 0), span(14, 0, 18, 0)]),
        range: ReportRange::new(date(2026, 11, 24), date(2026, 11, 24)).unwrap(),
        now: ist(15, 0),
        rooms: vec![
            RoomSetup {
                id: a,
                name: "Room A".into(),
                hours: None,
                blockouts: vec![],
            },
            RoomSetup {
                id: b,
                name: "Room B".into(),
                hours: Some(every_day(&[span(9, 0, 13, 0)])),
                blockouts: vec![Interval::new(ist(10, 0), ist(11, 0))],
            },
        ],
        doctors: vec![
            DoctorSetup {
                id: x,
                name: "Dr. X".into(),
                hours: every_day(&[span(9, 0, 13, 0), span(14, 0, 17, 0)]),
                leave: vec![],
            },
            DoctorSetup {
                id: y,
                name: "Dr. Y".into(),
                hours: every_day(&[span(9, 0, 18, 0)]),
                leave: vec![Interval::new(ist(14, 0), ist(16, 0))],
            },
        ],
        visit_types: vec![
            (consult, "Consultation".into()),
            (follow_up, "Follow-up".into()),
        ],
        visits,
    }
}

#[test]
fn room_utilisation_counts_booked_and_used_minutes_inside_open_hours() {
    let report = compute(&kolkata_day());
    let a = &report.rooms[0];
    assert_eq!(a.name, "Room A");
    // Booked: 1 (30) + 2 no-show (30) + 4 up to 13:00 (15) + 7 (30) + 8 (30) = 135; 3 was
    // cancelled. Used: 1 09:05–09:32 (27) + 4 12:50–13:00 (10) + 8 14:50–now 15:00 (10) = 47.
    assert_eq!(a.days, vec![usage(480, 135, 47)]);
    assert_eq!(a.total, usage(480, 135, 47));
    close(a.total.booked_share(), 135.0 / 480.0);
    close(a.total.used_share(), 47.0 / 480.0);
    // Room B: open 09:00–10:00 and 11:00–13:00 (180). Visit 5 is booked 09:00–10:30: 60 inside
    // open time; used 09:20–10:20: 40 inside.
    assert_eq!(report.rooms[1].total, usage(180, 60, 40));
    assert_eq!(report.rooms_total, usage(660, 195, 87));
}

#[test]
fn clinician_utilisation_is_booked_over_working_minutes_less_leave() {
    let report = compute(&kolkata_day());
    // X: working 240 + 180 = 420. Booked 30 + 30 + 15 (visit 4 up to 13:00) = 75; used 27 + 10.
    assert_eq!(report.doctors[0].total, usage(420, 75, 37));
    // Y: working 09–13 (240) + 16–18 (120) = 360. Booked 90 (visit 5) + 30 (visit 7); visit 8 is
    // during leave. Used 60 (09:20–10:20).
    assert_eq!(report.doctors[1].total, usage(360, 120, 60));
    close(report.doctors[1].total.booked_share(), 120.0 / 360.0);
    assert_eq!(report.doctors_total, usage(780, 195, 97));
}

#[test]
fn attendance_counts_due_appointments_per_doctor_and_visit_type() {
    let report = compute(&kolkata_day());
    // Due (start before 15:00, not entered in error): 1, 2, 3, 4, 5, 8.
    let total = &report.attendance_total;
    assert_eq!(
        (
            total.due,
            total.completed,
            total.no_shows,
            total.cancelled,
            total.late_cancels
        ),
        (6, 3, 1, 1, 1)
    );
    close(total.no_show_rate(), 1.0 / 6.0);
    close(total.late_cancel_rate(), 1.0 / 6.0);
    // X: 1, 2, 3, 4 → 2 done, 1 no-show, 1 late cancel.
    let x = &report.attendance_by_doctor[0];
    assert_eq!(
        (x.group, x.due, x.completed, x.no_shows),
        (AttendanceGroup::Doctor(doctor(1)), 4, 2, 1)
    );
    close(x.no_show_rate(), 0.25);
    close(x.late_cancel_rate(), 0.25);
    // Y: 5 and 8 → 1 done, none missed.
    let y = &report.attendance_by_doctor[1];
    assert_eq!(
        (y.due, y.completed, y.no_shows, y.late_cancels),
        (2, 1, 0, 0)
    );
    close(y.no_show_rate(), 0.0);
    // Consultation: 1, 2, 3, 5; Follow-up: 4, 8. Visit 7 has no type but is not due, and 6 is
    // entered in error, so there is no "No visit type" row.
    let by_type = &report.attendance_by_visit_type;
    assert_eq!(by_type.len(), 2);
    assert_eq!(
        (
            by_type[0].name.as_str(),
            by_type[0].due,
            by_type[0].no_shows,
            by_type[0].late_cancels
        ),
        ("Consultation", 4, 1, 1)
    );
    assert_eq!(
        (
            by_type[1].name.as_str(),
            by_type[1].due,
            by_type[1].completed
        ),
        ("Follow-up", 2, 1)
    );
}

#[test]
fn waiting_and_consultation_length_come_from_the_timestamps() {
    let report = compute(&kolkata_day());
    // Waits: 1 → 10, 4 → 10, 5 → 20, 8 → 10. Sorted 10 10 10 20: median 10, p90 is rank
    // ceil(3.6) = 4 → 20, mean 12.5.
    let w = report.waiting;
    assert_eq!(w.count, 4);
    close(w.median_minutes, 10.0);
    close(w.p90_minutes, 20.0);
    close(w.mean_minutes, 12.5);
    // Lengths (done only): 1 → 27, 4 → 30, 5 → 60. Median 30, p90 rank 3 → 60, mean 39.
    let c = report.consultation;
    assert_eq!(c.count, 3);
    close(c.median_minutes, 30.0);
    close(c.p90_minutes, 60.0);
    close(c.mean_minutes, 39.0);
    // X: waits 10, 10; lengths 27, 30 → median 28.5. Y: waits 20, 10 → median 15; length 60.
    let (x, y) = (&report.timing_by_doctor[0], &report.timing_by_doctor[1]);
    close(x.consultation.median_minutes, 28.5);
    close(x.consultation.p90_minutes, 30.0);
    close(y.waiting.median_minutes, 15.0);
    close(y.waiting.p90_minutes, 20.0);
    assert_eq!(y.consultation.count, 1);
}

#[test]
fn busiest_hours_count_booked_starts_by_local_weekday_and_hour() {
    let report = compute(&kolkata_day());
    // Booked starts: 09:00, 09:30, 12:45, 09:00, 16:00, 14:30 (3 cancelled, 6 in error).
    let b = &report.busiest;
    assert_eq!(b.at(Weekday::Tue, 9), 3);
    assert_eq!(b.at(Weekday::Tue, 12), 1);
    assert_eq!(b.at(Weekday::Tue, 14), 1);
    assert_eq!(b.at(Weekday::Tue, 16), 1);
    assert_eq!(
        b.at(Weekday::Tue, 10),
        0,
        "the cancelled 10:00 does not count"
    );
    assert_eq!(
        b.at(Weekday::Tue, 11),
        0,
        "the 11:00 entered in error does not count"
    );
    assert_eq!(b.counts.iter().flatten().sum::<u32>(), 6);
    assert_eq!(b.busiest(), Some((Weekday::Tue, 9, 3)));
}

#[test]
fn overlapping_bookings_of_one_room_count_once() {
    let mut input = kolkata_day();
    // An overbooked emergency on top of visit 1 in room A (09:10–09:40): only 09:30–09:40 is
    // new time for the room, and that is already visit 2's. Room A stays at 135 booked.
    input
        .visits
        .push(visit(doctor(2), Some(room(1)), ist(9, 10), ist(9, 40)));
    let report = compute(&input);
    assert_eq!(report.rooms[0].total.booked_secs, 135 * 60);
}

// ---------------------------------------------------------------------------------------------
// Days of 25 and 23 hours

/// A clinic open around the clock in `zone`, one room that follows it, and one doctor.
fn around_the_clock(
    zone: Tz,
    first: NaiveDate,
    last: NaiveDate,
    doctor_hours: WeeklyHours,
    visits: Vec<Visit>,
    now: DateTime<Utc>,
) -> Report {
    compute(&ReportInput {
        clinic_name: "Night clinic".into(),
        zone,
        clinic_hours: WeeklyHours::always(),
        range: ReportRange::new(first, last).unwrap(),
        now,
        rooms: vec![RoomSetup {
            id: room(1),
            name: "Room 1".into(),
            hours: None,
            blockouts: vec![],
        }],
        doctors: vec![DoctorSetup {
            id: doctor(1),
            name: "Dr. Night".into(),
            hours: doctor_hours,
            leave: vec![],
        }],
        visit_types: vec![],
        visits,
    })
}

#[test]
fn new_york_fall_back_day_has_1500_open_minutes() {
    // Sunday 2026-11-01: 01:00–02:00 happens twice. The doctor works 00:00–04:00 local, which is
    // 04:00Z (EDT) to 09:00Z (EST): 5 hours.
    let d = doctor(1);
    let visits = vec![
        // 01:30 EDT (05:30Z) to 01:30 EST (06:30Z): a 60-minute visit that reads 0 on the wall.
        visit(
            d,
            Some(room(1)),
            utc(2026, 11, 1, 5, 30),
            utc(2026, 11, 1, 6, 30),
        ),
        // 01:15 EST (06:15Z) to 01:45 EST (06:45Z): overlaps the first; the union is 75 minutes.
        visit(
            d,
            Some(room(1)),
            utc(2026, 11, 1, 6, 15),
            utc(2026, 11, 1, 6, 45),
        ),
    ];
    let report = around_the_clock(
        New_York,
        date(2026, 10, 31),
        date(2026, 11, 2),
        WeeklyHours::same_each(&[Weekday::Sun], &[span(0, 0, 4, 0)]).unwrap(),
        visits,
        utc(2026, 11, 1, 4, 0),
    );
    let room_days: Vec<i64> = report.rooms[0]
        .days
        .iter()
        .map(|u| u.open_minutes())
        .collect();
    assert_eq!(room_days, vec![1440, 1500, 1440]);
    assert_eq!(report.rooms[0].days[1].booked_minutes(), 75);
    assert_eq!(report.rooms[0].total.open_minutes(), 4380);
    let doctor_days: Vec<i64> = report.doctors[0]
        .days
        .iter()
        .map(|u| u.open_minutes())
        .collect();
    assert_eq!(doctor_days, vec![0, 300, 0]);
    assert_eq!(report.doctors[0].total, usage(300, 75, 0));
    close(report.doctors[0].total.booked_share(), 75.0 / 300.0);
    // Both start in the local hour 01 of the Sunday (one in EDT, one in EST).
    assert_eq!(report.busiest.at(Weekday::Sun, 1), 2);
}

#[test]
fn new_york_spring_forward_day_has_1380_open_minutes() {
    // Sunday 2027-03-14: 02:00–03:00 never happens, so the room is open 23 hours. The doctor's
    // span 00:00–02:00 ends in the gap: 00:00 EST (05:00Z) to 03:00 EDT (07:00Z), 2 hours. The
    // span 02:30–05:00 starts in the gap, so it opens at 03:00 EDT (07:00Z) and runs to 05:00 EDT
    // (09:00Z): 2 hours. Together 05:00Z–09:00Z = 240 minutes.
    let hours = WeeklyHours::new([
        (Weekday::Sun, span(0, 0, 2, 0)),
        (Weekday::Sun, span(2, 30, 5, 0)),
    ])
    .unwrap();
    let d = doctor(1);
    // 01:30 EST (06:30Z) to 03:30 EDT (07:30Z): one real hour across the gap.
    let v = done(
        visit(
            d,
            Some(room(1)),
            utc(2027, 3, 14, 6, 30),
            utc(2027, 3, 14, 7, 30),
        ),
        utc(2027, 3, 14, 6, 20),
        utc(2027, 3, 14, 6, 35),
        utc(2027, 3, 14, 7, 25),
    );
    let report = around_the_clock(
        New_York,
        date(2027, 3, 14),
        date(2027, 3, 14),
        hours,
        vec![v],
        utc(2027, 3, 15, 0, 0),
    );
    assert_eq!(report.rooms[0].days, vec![usage(1380, 60, 50)]);
    assert_eq!(report.doctors[0].total, usage(240, 60, 50));
    // Wall clock says 01:30 → 03:30 (2 h), but the visit was 1 h long and it was 50 minutes.
    close(report.consultation.median_minutes, 50.0);
    close(report.waiting.median_minutes, 15.0);
}

#[test]
fn london_fall_back_day_counts_real_minutes() {
    // Sunday 2026-10-25 in London: 25 hours. Open only that Sunday, all day: 1500 minutes.
    let sunday_only = WeeklyHours::same_each(&[Weekday::Sun], &[span(0, 0, 24, 0)]).unwrap();
    let d = doctor(1);
    // Booked 00:45 BST (23:45Z the day before) to 01:15 GMT (01:15Z): 90 minutes.
    // Arrived 00:40 BST (23:40Z), started 00:50 BST (23:50Z), done 01:10 GMT (01:10Z): 80 min.
    let v = done(
        visit(
            d,
            Some(room(1)),
            utc(2026, 10, 24, 23, 45),
            utc(2026, 10, 25, 1, 15),
        ),
        utc(2026, 10, 24, 23, 40),
        utc(2026, 10, 24, 23, 50),
        utc(2026, 10, 25, 1, 10),
    );
    let report = compute(&ReportInput {
        clinic_name: "London".into(),
        zone: London,
        clinic_hours: sunday_only.clone(),
        range: ReportRange::new(date(2026, 10, 24), date(2026, 10, 25)).unwrap(),
        now: utc(2026, 10, 26, 12, 0),
        rooms: vec![RoomSetup {
            id: room(1),
            name: "Room 1".into(),
            hours: None,
            blockouts: vec![],
        }],
        doctors: vec![DoctorSetup {
            id: d,
            name: "Dr. London".into(),
            hours: sunday_only,
            leave: vec![],
        }],
        visit_types: vec![],
        visits: vec![v],
    });
    // Saturday is closed; Sunday has 25 hours. The visit starts on Sunday local time even though
    // it is still Saturday in UTC.
    assert_eq!(
        report.rooms[0].days,
        vec![usage(0, 0, 0), usage(1500, 90, 80)]
    );
    assert_eq!(
        report.rooms[0].days[0].booked_share(),
        None,
        "nothing open, no share"
    );
    assert_eq!(report.doctors[0].total, usage(1500, 90, 80));
    close(report.consultation.mean_minutes, 80.0);
    close(report.waiting.mean_minutes, 10.0);
    assert_eq!(report.busiest.at(Weekday::Sun, 0), 1);
    assert_eq!(report.busiest.at(Weekday::Sat, 23), 0);
    assert_eq!(report.attendance_total.due, 1);
}

// ---------------------------------------------------------------------------------------------
// Ranges and summaries

#[test]
fn a_range_is_one_to_366_dates() {
    assert_eq!(
        ReportRange::new(date(2026, 11, 2), date(2026, 11, 1)),
        Err(ReportError::EndBeforeStart {
            first: date(2026, 11, 2),
            last: date(2026, 11, 1)
        })
    );
    let leap_year = ReportRange::new(date(2028, 1, 1), date(2028, 12, 31)).unwrap();
    assert_eq!(leap_year.len(), 366);
    assert_eq!(
        ReportRange::new(date(2026, 1, 1), date(2027, 1, 2)),
        Err(ReportError::TooLong { days: 367 })
    );
    let message = ReportRange::new(date(2026, 1, 1), date(2027, 1, 2))
        .unwrap_err()
        .to_string();
    assert!(message.contains("at most 366 days"), "{message}");
    let one = ReportRange::new(date(2026, 11, 1), date(2026, 11, 1)).unwrap();
    // The window of a 25-hour day in New York: 04:00Z to 05:00Z the next day.
    assert_eq!(
        one.window(New_York),
        Interval::new(utc(2026, 11, 1, 4, 0), utc(2026, 11, 2, 5, 0))
    );
}

#[test]
fn timing_summaries_use_median_nearest_rank_p90_and_mean() {
    assert_eq!(Timing::of_seconds(vec![]), Timing::default());
    assert_eq!(Timing::of_seconds(vec![]).median_minutes, None);
    let one = Timing::of_seconds(vec![300]);
    assert_eq!(one.count, 1);
    close(one.p90_minutes, 5.0);
    // 1..=10 minutes: median (5 + 6) / 2 = 5.5; p90 rank ceil(9) = 9 → 9; mean 5.5.
    let ten = Timing::of_seconds((1..=10).rev().map(|m| m * 60).collect());
    close(ten.median_minutes, 5.5);
    close(ten.p90_minutes, 9.0);
    close(ten.mean_minutes, 5.5);
    // 1..=11: median 6; p90 rank ceil(9.9) = 10 → 10.
    let eleven = Timing::of_seconds((1..=11).map(|m| m * 60).collect());
    close(eleven.median_minutes, 6.0);
    close(eleven.p90_minutes, 10.0);
}

#[test]
fn inconsistent_timestamps_are_left_out_of_timings() {
    let d = doctor(1);
    // Started before the recorded arrival: no waiting time. Completed before it started: no
    // length. Neither is counted as zero.
    let v = done(
        visit(d, Some(room(1)), ist(9, 0), ist(9, 30)),
        ist(9, 10),
        ist(9, 5),
        ist(9, 0),
    );
    let report = around_the_clock(
        Kolkata,
        date(2026, 11, 24),
        date(2026, 11, 24),
        every_day(&[span(9, 0, 17, 0)]),
        vec![v],
        ist(18, 0),
    );
    assert_eq!(report.waiting.count, 0);
    assert_eq!(report.consultation.count, 0);
    assert_eq!(report.rooms[0].total.used_secs, 0);
    assert_eq!(report.rooms[0].total.booked_minutes(), 30);
}

#[test]
fn visits_outside_the_range_are_not_counted() {
    let mut input = kolkata_day();
    // A done visit the next day (loaded because it overlaps nothing, but given anyway).
    input.visits.push(done(
        visit(
            doctor(1),
            Some(room(1)),
            ist(9, 0) + Duration::days(1),
            ist(9, 30) + Duration::days(1),
        ),
        ist(9, 0) + Duration::days(1),
        ist(9, 0) + Duration::days(1),
        ist(9, 30) + Duration::days(1),
    ));
    let report = compute(&input);
    assert_eq!(report.attendance_total.due, 6);
    assert_eq!(report.rooms[0].total.booked_minutes(), 135);
    assert_eq!(report.consultation.count, 3);
}
