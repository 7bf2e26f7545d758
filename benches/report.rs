//! Report benchmarks on the demo clinic of `benches/store.rs` (1,000,000 appointments, 200,000
//! patients, 20 doctors, 12 rooms, seed 1, Asia/Kolkata, today 2026-11-24, now
//! 2026-11-24T06:30Z): every report over a year (365 days up to today) and over a month.
//!
//! - `frontdesk`: `Store::report_input` + `scheduling::report::compute`, as the window and the
//!   command line run them (DESIGN.md target: a year at 1M in ≤ 200 ms).
//! - `load` / `compute`: the two halves on their own.
//! - `floor`: the same compact-row SQL on a plain `rusqlite::Connection`, reading every column
//!   as SQLite holds it: the cost of SQLite alone for the rows.
//! - `sql_attendance`: the attendance counts aggregated in SQL (`GROUP BY`), to weigh
//!   aggregating in SQL against loading rows and counting in the core. Utilisation cannot be
//!   aggregated in SQL this way (it clips to open hours per local day), so it is not compared.
//!
//! The database is the one `benches/store.rs` builds (`target/bench-data/demo-1m-seed1.sqlite3`);
//! this file builds it the same way when it is missing. `FRONTDESK_BENCH_APPOINTMENTS=20000`
//! gives a quick smoke run on a small database.
//!
//! Run: `cargo bench --bench report`. Results are in BENCHMARKS.md.

mod bench_data;
use bench_data::*;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use frontdesk::scheduling::MAX_APPOINTMENT_MINUTES;
use frontdesk::scheduling::report::{ReportRange, compute};
use frontdesk::store::{SqliteStore, Store};
use rusqlite::{Connection, params};

/// The store's compact-row SQL (src/store/report.rs), copied as text for the floor.
const VISITS_SQL: &str = "SELECT doctor_id, room_id, visit_type_id, start_utc, end_utc, status, \
    cancelled_late, arrived_at, consultation_started_at, completed_at FROM appointment \
    WHERE clinic_id = ?1 AND start_utc >= ?2 AND start_utc < ?3 AND end_utc > ?4";

/// Attendance counted by SQLite: due appointments per doctor, status and lateness.
const SQL_ATTENDANCE: &str = "SELECT doctor_id, status, cancelled_late, count(*) FROM appointment \
    WHERE clinic_id = ?1 AND start_utc >= ?2 AND start_utc < ?3 AND start_utc < ?4 \
    AND status <> 'entered_in_error' GROUP BY doctor_id, status, cancelled_late";

fn report_benches(c: &mut Criterion) {
    let appointments = appointments_wanted();
    let path = demo_database(appointments, "report");
    let group_id = |name: &str| {
        if appointments == 1_000_000 {
            name.to_owned()
        } else {
            format!("{name}@{appointments}")
        }
    };
    let store = SqliteStore::open(&path).expect("open the bench database");
    let floor = Connection::open(&path).expect("open the floor connection");
    let clinic = store.clinics().expect("clinics")[0].clone();
    let day = chrono::Duration::days(1);
    for (name, days) in [("report_year", 365), ("report_month", 30)] {
        let range = ReportRange::new(today() - day * (days - 1), today()).expect("range");
        let window = range.window(ZONE);
        let input = store
            .report_input(clinic.id, range, now())
            .expect("report input");
        let report = compute(&input);
        let lower = window.start.timestamp() - MAX_APPOINTMENT_MINUTES * 60;
        let mut rows_stmt = floor.prepare(VISITS_SQL).expect("prepare the floor");
        let scan = |stmt: &mut rusqlite::Statement<'_>| {
            let mut rows = stmt
                .query(params![
                    clinic.id.0,
                    lower,
                    window.end.timestamp(),
                    window.start.timestamp()
                ])
                .expect("floor query");
            let mut n = 0usize;
            while let Some(row) = rows.next().expect("floor row") {
                for i in 0..10 {
                    black_box(row.get_ref(i).expect("floor column"));
                }
                n += 1;
            }
            n
        };
        assert_eq!(
            scan(&mut rows_stmt),
            input.visits.len(),
            "{name}: floor rows"
        );
        let mut attendance_stmt = floor.prepare(SQL_ATTENDANCE).expect("prepare");
        let count_in_sql = |stmt: &mut rusqlite::Statement<'_>| {
            let mut rows = stmt
                .query(params![
                    clinic.id.0,
                    window.start.timestamp(),
                    window.end.timestamp(),
                    now().timestamp()
                ])
                .expect("aggregate query");
            let (mut due, mut no_shows) = (0i64, 0i64);
            while let Some(row) = rows.next().expect("aggregate row") {
                let n: i64 = row.get(3).expect("count");
                due += n;
                if row.get_ref(1).expect("status").as_str().expect("text") == "no_show" {
                    no_shows += n;
                }
            }
            (due, no_shows)
        };
        let total = &report.attendance_total;
        assert_eq!(
            count_in_sql(&mut attendance_stmt),
            (i64::from(total.due), i64::from(total.no_shows)),
            "{name}: SQL and the core count the same"
        );
        eprintln!(
            "bench: {name}: {} days, {} appointments loaded, {} due, rooms booked {:.1} %, doctors booked {:.1} %",
            range.len(),
            input.visits.len(),
            total.due,
            report.rooms_total.booked_share().unwrap_or(0.0) * 100.0,
            report.doctors_total.booked_share().unwrap_or(0.0) * 100.0
        );
        let mut group = c.benchmark_group(group_id(name));
        group.bench_function("frontdesk", |b| {
            b.iter(|| {
                let input = store
                    .report_input(clinic.id, black_box(range), now())
                    .expect("input");
                black_box(compute(&input))
            })
        });
        group.bench_function("load", |b| {
            b.iter(|| black_box(store.report_input(clinic.id, black_box(range), now())))
        });
        group.bench_function("compute", |b| {
            b.iter(|| black_box(compute(black_box(&input))))
        });
        group.bench_function("floor", |b| b.iter(|| black_box(scan(&mut rows_stmt))));
        group.bench_function("sql_attendance", |b| {
            b.iter(|| black_box(count_in_sql(&mut attendance_stmt)))
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .without_plots();
    targets = report_benches
}
criterion_main!(benches);
