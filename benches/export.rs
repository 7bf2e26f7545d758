//! Export benchmarks (issue 5): 100,000 appointments of the demo clinic (seed 1, Asia/Kolkata,
//! "today" 2026-11-24, 20,000 patients) exported to a file in each format, end to end as
//! `frontdesk export` does it: the snapshot read from SQLite, the file written (0600, partial
//! then renamed, fsync'd). "load" times the snapshot alone. Target: ≤ 2 s per format.
//!
//! The database is built once into `target/bench-data/export-demo-100k-seed1.sqlite3`.
//! Run: `cargo bench --bench export`. Results are in BENCHMARKS.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use frontdesk::demo::{self, DemoOptions};
use frontdesk::export::{self, ExportQuery, Format, Scope};
use frontdesk::store::{SqliteStore, Store};

const APPOINTMENTS: u64 = 100_000;

fn bench_data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-data")
}

fn now() -> DateTime<Utc> {
    "2026-11-24T06:30:00Z".parse().expect("RFC 3339")
}

fn count(path: &Path) -> Option<i64> {
    let conn = rusqlite::Connection::open(path).ok()?;
    conn.query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
        .ok()
}

/// The cached demo database, built on first use.
fn database() -> PathBuf {
    let dir = bench_data_dir();
    std::fs::create_dir_all(&dir).expect("bench-data folder");
    let path = dir.join("export-demo-100k-seed1.sqlite3");
    if count(&path) == Some(APPOINTMENTS as i64) {
        return path;
    }
    let _ = std::fs::remove_file(&path);
    let started = Instant::now();
    {
        let mut store = SqliteStore::open(&path).expect("create");
        let options = DemoOptions {
            appointments: APPOINTMENTS,
            patients: APPOINTMENTS / 5,
            zone: chrono_tz::Asia::Kolkata,
            seed: 1,
            today: NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
            now: now(),
        };
        demo::build(&mut store, &options, &mut |_| {}).expect("demo");
    }
    eprintln!(
        "bench: built {} in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    path
}

fn export_benches(c: &mut Criterion) {
    let db = database();
    let mut store = SqliteStore::open(&db).expect("open");
    let clinic = store.clinics().expect("clinics")[0].id;
    let query = ExportQuery {
        clinic,
        from: None,
        to: None,
        scope: Scope::All,
    };
    let set = store.export_set(&query).expect("set");
    assert_eq!(set.appointments.len() as u64, APPOINTMENTS);
    let mut group = c.benchmark_group("export 100k");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    group.bench_function("load snapshot", |b| {
        b.iter(|| black_box(store.export_set(&query).expect("set").appointments.len()))
    });
    for format in Format::ALL {
        let out = bench_data_dir().join(format!("export-bench.{}", format.extension()));
        let name = format!("{} to file", format.extension());
        group.bench_function(name, |b| {
            b.iter(|| {
                let set = store.export_set(&query).expect("set");
                let summary =
                    export::write_file(&out, format, &set, now(), &mut |_| {}).expect("write");
                black_box(summary.bytes)
            })
        });
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        eprintln!("bench: {} is {} MB", out.display(), size >> 20);
        let _ = std::fs::remove_file(&out);
    }
    group.finish();
}

criterion_group!(benches, export_benches);
criterion_main!(benches);
