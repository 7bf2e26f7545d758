//! The store's report loading (`Store::report_input`) on a demo clinic, where the compact rows
//! must give the same report as the full appointments the agenda loads. It stays outside the
//! store contract while `demo::build` takes an `SqliteStore`; the hand-worked small clinic is
//! `tests/contract/report.rs`.

use chrono::{Duration, NaiveDate};
use frontdesk::demo::{self, DemoOptions};
use frontdesk::scheduling::report::{ReportRange, Visit, compute};
use frontdesk::scheduling::*;

fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text)
        .expect("rfc3339")
        .with_timezone(&chrono::Utc)
}
use frontdesk::store::{AgendaFilter, SqliteStore, Store};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// The visit a full appointment stands for, built independently of the store's report query.
fn visit_of(a: &Appointment, called_at: Option<chrono::DateTime<chrono::Utc>>) -> Visit {
    Visit {
        doctor: a.doctor,
        room: a.room,
        visit_type: a.visit_type,
        interval: a.interval,
        status: a.status,
        late_cancel: a.cancellation.as_ref().is_some_and(|c| c.late),
        arrived_at: a.arrived_at,
        consultation_started_at: a.consultation_started_at,
        completed_at: a.completed_at,
        called_at,
    }
}

#[test]
fn the_compact_rows_give_the_same_report_as_the_agenda_on_a_demo_clinic() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = SqliteStore::open(dir.path().join("demo.sqlite3")).expect("open");
    let now = utc("2026-11-24T05:30:00Z");
    let zone = chrono_tz::Asia::Kolkata;
    let today = date("2026-11-24");
    demo::build(
        &mut store,
        &DemoOptions {
            appointments: 3_000,
            patients: 600,
            zone,
            seed: 3,
            today,
            now,
        },
        &mut |_| {},
    )
    .expect("demo");
    let clinic = store.clinics().expect("clinics")[0].clone();
    // One of today's arrivals is called, then seen three minutes later.
    let arrived = store
        .agenda(
            clinic.id,
            frontdesk::scheduling::time::local_day(zone, today),
            AgendaFilter::All,
        )
        .expect("today")
        .into_iter()
        .find(|e| e.appointment.status == frontdesk::scheduling::Status::CheckedIn)
        .expect("someone waits")
        .appointment;
    use frontdesk::store::WaitingRoom;
    store
        .call_patient(arrived.id, "maria", now)
        .expect("called");
    store
        .change_status(
            arrived.id,
            &frontdesk::scheduling::StatusAction::Start,
            "rao",
            now + Duration::minutes(3),
        )
        .expect("seen");
    let range = ReportRange::new(today - Duration::days(27), today).expect("range");
    let input = store.report_input(clinic.id, range, now).expect("input");
    let report = compute(&input);

    let window = range.window(zone);
    let mut from_agenda: Vec<Visit> = store
        .agenda(clinic.id, window, AgendaFilter::All)
        .expect("agenda")
        .iter()
        .map(|e| {
            let called = store
                .last_call(e.appointment.id)
                .expect("calls")
                .map(|(_, at)| at);
            visit_of(&e.appointment, called)
        })
        .collect();
    let key = |v: &Visit| (v.interval.start, v.doctor, v.interval.end);
    from_agenda.sort_by_key(key);
    let mut loaded = input.visits.clone();
    loaded.sort_by_key(key);
    assert_eq!(
        loaded, from_agenda,
        "the report loads what the agenda shows"
    );
    let mut independent = input.clone();
    independent.visits = from_agenda;
    assert_eq!(compute(&independent), report);
    assert_eq!(report.called_to_seen.count, 1);
    assert_eq!(report.called_to_seen.median_minutes, Some(3.0));

    // A busy demo month: plausible figures everywhere.
    let rooms = report.rooms_total;
    let share = rooms.booked_share().expect("rooms were open");
    assert!((0.05..=1.0).contains(&share), "room share {share}");
    assert!(rooms.used_secs > 0 && rooms.used_secs <= rooms.booked_secs + rooms.open_secs);
    assert_eq!(report.rooms.len(), 12);
    assert!(report.attendance_total.due > 100);
    assert!(report.attendance_total.no_shows > 0);
    assert!(report.waiting.count > 100);
    assert!(report.consultation.median_minutes.expect("median") > 5.0);
    assert!(report.busiest.max() > 0);
}
