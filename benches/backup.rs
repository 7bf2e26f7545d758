//! Daily backups of the 1M demo clinic of `benches/store.rs` (issue 12, point 10).
//!
//! 1. **Fourteen days of a busy desk**, printed as a table: on a copy of the database, each day
//!    books 300 visits over the next two months and cancels 40, then makes that day's
//!    automatic backup (`store::backup::daily`, keep 14) and prints its kind (full or delta),
//!    size and time. The total the 14 kept backups take is compared with the database's size
//!    (target: at most 3 times).
//! 2. **Criterion timings**: a full daily backup (snapshot, SHA-256, zstd) and a delta one, with
//!    the floor measured in the same run: SQLite's online backup API copying the database to a
//!    file, which every backup starts with.
//!
//! The delay a command sees (the first command of a day starts the backup as a process of its
//! own and does not wait) is measured with hyperfine on the real binary; see BENCHMARKS.md.
//!
//! Run: `cargo bench --bench backup`. `FRONTDESK_BENCH_APPOINTMENTS=20000` for a quick run.

mod bench_data;
use bench_data::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::Criterion;
use frontdesk::scheduling::*;
use frontdesk::store::backup::{self, BackupPolicy};
use frontdesk::store::{BookingRequest, SqliteStore, Start, Store};
use rusqlite::Connection;

/// A fresh working copy of the demo database, with no backups beside it.
fn working_copy(source: &Path, name: &str) -> PathBuf {
    let dir = bench_dir().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("work dir");
    let db = dir.join("clinic.sqlite3");
    std::fs::copy(source, &db).expect("copy the database");
    db
}

/// A small deterministic generator (SplitMix64), so every run does the same day's work.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A day at the desk: 300 new visits over the next two months, 40 cancellations.
fn desk_day(
    store: &mut SqliteStore,
    day: NaiveDate,
    dice: &mut Dice,
    booked: &mut Vec<AppointmentId>,
) {
    let clinic = store.clinics().expect("clinics")[0].clone();
    let doctors = store.doctors().expect("doctors");
    let patients: Vec<PatientId> = store
        .connection()
        .prepare("SELECT id FROM patient LIMIT 5000")
        .expect("prepare")
        .query_map([], |r| r.get::<_, uuid::Uuid>(0))
        .expect("patients")
        .map(|r| PatientId(r.expect("row")))
        .collect();
    let now: DateTime<Utc> = ZONE
        .from_local_datetime(&day.and_hms_opt(9, 0, 0).expect("09:00"))
        .single()
        .expect("no DST in Kolkata")
        .with_timezone(&Utc);
    for _ in 0..300 {
        let date = day + chrono::Duration::days(1 + dice.below(60) as i64);
        let minute = 9 * 60 + 15 * dice.below(32) as u32;
        let start = date
            .and_hms_opt(minute / 60, minute % 60, 0)
            .expect("a wall time");
        let request = BookingRequest {
            clinic: clinic.id,
            patient: patients[dice.below(patients.len())],
            doctor: doctors[dice.below(doctors.len())].id,
            room: None,
            visit_type: None,
            start: Start::Local(start),
            minutes: 15,
            mode: Mode::InClinic,
            kind: Kind::Scheduled,
            priority: 0,
            reason: "Follow-up".into(),
            notes: String::new(),
            overbook: Some("bench: a busy day".into()),
            new_patient: None,
        };
        let outcome = store.book(&request, "bench desk", now).expect("book");
        booked.push(outcome.appointment.id);
    }
    for _ in 0..40 {
        if booked.is_empty() {
            break;
        }
        let id = booked.swap_remove(dice.below(booked.len()));
        store
            .change_status(
                id,
                &StatusAction::Cancel {
                    reason: "patient called".into(),
                    by: CancelledBy::Patient,
                },
                "bench desk",
                now,
            )
            .expect("cancel");
    }
}

fn size_on_disk(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum()
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// Fourteen days of desk work and daily backups; prints the table.
fn fourteen_days(source: &Path) {
    let db = working_copy(source, "backup-14-days");
    let mut store = SqliteStore::open(&db).expect("open");
    let mut dice = Dice(SEED);
    let mut booked = Vec::new();
    println!("day         kind   size        time    work");
    for n in 1..=14 {
        let day = today() + chrono::Duration::days(n);
        let work = Instant::now();
        desk_day(&mut store, day, &mut dice, &mut booked);
        let work = work.elapsed();
        let started = Instant::now();
        let report = backup::daily(&db, day, BackupPolicy::default())
            .expect("daily backup")
            .expect("made");
        let took = started.elapsed();
        println!(
            "{day}  {:<5}  {:>10}  {:>6.2} s  {:.1} s",
            match report.kind {
                backup::compress::Kind::Full => "full",
                backup::compress::Kind::Delta { .. } => "delta",
            },
            mb(report.bytes),
            took.as_secs_f64(),
            work.as_secs_f64()
        );
    }
    drop(store);
    let database = std::fs::metadata(&db).expect("db").len();
    let kept = backup::daily_backups(&db);
    let total = size_on_disk(&kept);
    println!(
        "database {}; {} backups kept, {} in all: {:.2} times the database (target: at most 3)",
        mb(database),
        kept.len(),
        mb(total),
        total as f64 / database as f64
    );
    // The newest (a delta) restores to the database as it is now.
    let restored = db.with_file_name("restored.sqlite3");
    let started = Instant::now();
    backup::restore(
        &restored,
        kept.last().expect("a backup"),
        now(),
        Duration::from_secs(1),
        &mut |_| {},
    )
    .expect("the newest backup restores");
    let count = |p: &Path| -> i64 {
        Connection::open(p)
            .expect("open")
            .query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(count(&restored), count(&db));
    println!(
        "restoring the newest (a delta) took {:.1} s and gives back all {} appointments",
        started.elapsed().as_secs_f64(),
        count(&db)
    );
}

fn timings(c: &mut Criterion, source: &Path) {
    let db = working_copy(source, "backup-timing");
    let day = today() + chrono::Duration::days(1);
    let mut group = c.benchmark_group("daily_backup");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    group.warm_up_time(Duration::from_secs(1));
    // The floor: SQLite's online backup API copying the whole database to a file.
    let conn = Connection::open(&db).expect("open");
    let floor_copy = db.with_file_name("floor.sqlite3");
    group.bench_function("floor_sqlite_backup_api", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(&floor_copy);
            let mut dest = Connection::open(&floor_copy).expect("dest");
            let copy = rusqlite::backup::Backup::new(&conn, &mut dest).expect("backup");
            copy.run_to_completion(1024, Duration::ZERO, None)
                .expect("copied");
        })
    });
    let backups = backup::backups_dir(&db);
    group.bench_function("full", |b| {
        b.iter(|| {
            let _ = std::fs::remove_dir_all(&backups);
            backup::daily(&db, day, BackupPolicy::default())
                .expect("backup")
                .expect("made")
        })
    });
    // A delta the day after a full one, with a day of desk work between them.
    let _ = std::fs::remove_dir_all(&backups);
    backup::daily(&db, day, BackupPolicy::default())
        .expect("backup")
        .expect("made");
    {
        let mut store = SqliteStore::open(&db).expect("open");
        desk_day(&mut store, day, &mut Dice(SEED), &mut Vec::new());
    }
    let next = day + chrono::Duration::days(1);
    group.bench_function("delta", |b| {
        b.iter(|| {
            let _ = std::fs::remove_file(backup::daily_path(&db, next));
            backup::daily(&db, next, BackupPolicy::default())
                .expect("backup")
                .expect("made")
        })
    });
    group.finish();
}

fn main() {
    let source = demo_database(appointments_wanted(), "backup");
    fourteen_days(&source);
    let mut c = Criterion::default().configure_from_args();
    timings(&mut c, &source);
    c.final_summary();
}
