//! The store's report loading (`Store::report_input`) on a small clinic whose figures are
//! worked out by hand. (On a demo clinic, where the compact rows must give the same report as
//! the agenda, is `tests/store_report.rs`: the demo is built on SQLite only for now.)

use crate::common::{Clinic1, TestBackend};
use chrono::NaiveDate;
use frontdesk::scheduling::report::{ReportRange, Visit, compute};
use frontdesk::scheduling::*;
use frontdesk::store::{Store, StoreError};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn cancel(reason: &str) -> StatusAction {
    StatusAction::Cancel {
        reason: reason.into(),
        by: CancelledBy::Patient,
    }
}

/// Sunday 2026-10-25 in London (the clocks go back that night). The clinic is open 08:00–20:00
/// (720 min); both doctors work 09:00–13:00 and 14:00–18:00 (480 min).
fn london_day<B: TestBackend>() -> Clinic1<B> {
    let mut c = Clinic1::<B>::fresh(chrono_tz::Europe::London);
    let week_before = c.at("2026-10-18 12:00");
    let (rao, mehta, r1, r2) = (c.rao, c.mehta, c.room1, c.room2);
    let (asha, ravi, lata) = (c.asha, c.ravi, c.lata);
    // Leave for Dr. Mehta 16:00–18:00 (working 360); Room 2 blocked 10:00–12:00 (open 600).
    c.store
        .add_leave(
            mehta,
            &Absence {
                interval: Interval::new(c.at("2026-10-25 16:00"), c.at("2026-10-25 18:00")),
                reason: "training".into(),
            },
        )
        .expect("leave");
    c.store
        .add_blockout(
            r2,
            &Absence {
                interval: Interval::new(c.at("2026-10-25 10:00"), c.at("2026-10-25 12:00")),
                reason: "deep clean".into(),
            },
        )
        .expect("blockout");
    let done = c.book_ok(rao, Some(r1), asha, "2026-10-25 09:00", week_before);
    let missed = c.book_ok(rao, Some(r1), ravi, "2026-10-25 09:15", week_before);
    let late = c.book_ok(mehta, Some(r2), lata, "2026-10-25 09:00", week_before);
    let early = c.book_ok(mehta, Some(r2), asha, "2026-10-25 12:00", week_before);
    let _ahead = c.book_ok(mehta, None, ravi, "2026-10-25 14:00", week_before);
    let mistake = c.book_ok(rao, Some(r1), lata, "2026-10-25 16:00", week_before);
    let status = |c: &mut Clinic1<B>, id, action: StatusAction, at: &str| {
        let now = c.at(at);
        c.store
            .change_status(id, &action, "maria", now)
            .unwrap_or_else(|e| panic!("{action:?} at {at}: {e}"));
    };
    status(&mut c, done.id, StatusAction::CheckIn, "2026-10-25 08:58");
    status(&mut c, done.id, StatusAction::Start, "2026-10-25 09:03");
    status(&mut c, done.id, StatusAction::Complete, "2026-10-25 09:20");
    status(&mut c, missed.id, StatusAction::NoShow, "2026-10-25 10:00");
    status(&mut c, late.id, cancel("flu"), "2026-10-25 08:30");
    status(&mut c, early.id, cancel("travel"), "2026-10-23 12:00");
    status(
        &mut c,
        mistake.id,
        StatusAction::EnteredInError {
            reason: "wrong patient".into(),
        },
        "2026-10-20 12:00",
    );
    c
}

pub fn a_day_is_loaded_and_reported_as_worked_out_by_hand<B: TestBackend>() {
    let c = london_day::<B>();
    let now = c.at("2026-10-25 13:00");
    let day = date("2026-10-25");
    let range = ReportRange::new(day, day).expect("range");
    let input = c.store.report_input(c.clinic, range, now).expect("input");
    assert_eq!(
        input.visits.len(),
        6,
        "every appointment of the day is loaded"
    );
    assert_eq!(input.rooms.len(), 2);
    assert_eq!(input.doctors.len(), 2);
    assert_eq!(input.doctors[1].leave.len(), 1);
    assert_eq!(input.rooms[1].blockouts.len(), 1);
    let done: &Visit = input
        .visits
        .iter()
        .find(|v| v.status == Status::Completed)
        .expect("the done visit");
    assert_eq!(done.arrived_at, Some(c.at("2026-10-25 08:58")));
    assert_eq!(done.consultation_started_at, Some(c.at("2026-10-25 09:03")));
    assert_eq!(done.completed_at, Some(c.at("2026-10-25 09:20")));
    assert!(
        input
            .visits
            .iter()
            .any(|v| v.status == Status::Cancelled && v.late_cancel),
        "the cancellation 30 minutes before is late"
    );

    let report = compute(&input);
    let minutes = |u: report::Usage| (u.open_minutes(), u.booked_minutes(), u.used_minutes());
    // Room 1: 09:00 done (15) + 09:15 no-show (15); the 16:00 was entered in error. Used
    // 09:03–09:20 = 17.
    assert_eq!(minutes(report.rooms[0].total), (720, 30, 17));
    // Room 2: open 720 less the 2-hour blockout; both its appointments were cancelled.
    assert_eq!(minutes(report.rooms[1].total), (600, 0, 0));
    // Dr. Rao: 480 working; booked 30, used 17. Dr. Mehta: 480 less 2 h leave; booked the 14:00.
    assert_eq!(report.doctors[0].name, "Dr. Anjali Rao");
    assert_eq!(minutes(report.doctors[0].total), (480, 30, 17));
    assert_eq!(minutes(report.doctors[1].total), (360, 15, 0));
    // Due before 13:00: 09:00, 09:15, 09:00 (late cancel), 12:00 (early cancel).
    let t = &report.attendance_total;
    assert_eq!(
        (t.due, t.completed, t.no_shows, t.cancelled, t.late_cancels),
        (4, 1, 1, 2, 1)
    );
    assert_eq!(report.attendance_by_doctor[0].no_shows, 1);
    assert_eq!(report.attendance_by_doctor[1].late_cancels, 1);
    assert_eq!(report.attendance_by_visit_type[0].due, 4);
    assert_eq!(report.waiting.median_minutes, Some(5.0));
    assert_eq!(report.consultation.median_minutes, Some(17.0));
    // Booked starts: 09:00 and 09:15 (Rao) and 14:00 (Mehta) on a Sunday.
    assert_eq!(report.busiest.at(chrono::Weekday::Sun, 9), 2);
    assert_eq!(report.busiest.at(chrono::Weekday::Sun, 14), 1);
}

pub fn the_range_is_bounded_to_the_clinic_and_its_dates<B: TestBackend>() {
    let c = london_day::<B>();
    let now = c.at("2026-10-26 12:00");
    // The day before and the day after hold nothing, but still have open minutes.
    let range = ReportRange::new(date("2026-10-24"), date("2026-10-24")).expect("range");
    let input = c.store.report_input(c.clinic, range, now).expect("input");
    assert!(input.visits.is_empty(), "{:?}", input.visits);
    let report = compute(&input);
    assert_eq!(report.rooms[0].total.open_minutes(), 720);
    assert_eq!(report.rooms[0].total.booked_minutes(), 0);
    assert_eq!(report.attendance_total.due, 0);
    assert_eq!(report.attendance_total.no_show_rate(), None);
    // An unknown clinic is refused with a message naming what is missing.
    let other = ClinicId(uuid::Uuid::from_u128(999));
    match c.store.report_input(other, range, now) {
        Err(StoreError::NotFound { what, .. }) => assert_eq!(what, "clinic"),
        other => panic!("expected not found, got {other:?}"),
    }
}

pub fn a_doctor_without_hours_here_is_listed_only_when_they_saw_patients<B: TestBackend>() {
    let mut c = london_day::<B>();
    let locum = DoctorId(uuid::Uuid::from_u128(12));
    c.store
        .add_doctor(&Doctor {
            id: locum,
            name: "Dr. Locum".into(),
            specialty: String::new(),
            colour: "#888888".into(),
            active: true,
        })
        .expect("doctor");
    let day = date("2026-10-25");
    let range = ReportRange::new(day, day).expect("range");
    let now = c.at("2026-10-25 19:00");
    let input = c.store.report_input(c.clinic, range, now).expect("input");
    assert!(input.doctors.iter().all(|d| d.id != locum));
    // Overbooked outside any hours of theirs: now they are in the report, with no working time.
    let mut request = c.request(locum, None, c.lata, "2026-10-25 17:00");
    request.overbook = Some("covering".into());
    c.store
        .book(&request, "maria", c.at("2026-10-20 09:00"))
        .expect("overbooked");
    let input = c.store.report_input(c.clinic, range, now).expect("input");
    let report = compute(&input);
    let row = report
        .doctors
        .iter()
        .find(|d| d.id == locum)
        .expect("the locum is listed");
    assert_eq!(row.total.open_minutes(), 0);
    assert_eq!(row.total.booked_share(), None);
    let attendance = report
        .attendance_by_doctor
        .iter()
        .find(|a| a.name == "Dr. Locum")
        .expect("attendance row");
    assert_eq!(attendance.due, 1);
}
