//! The demo clinic the benches share (that of `benches/store.rs`: seed 1, Asia/Kolkata, today
//! 2026-11-24, now 06:30 UTC), cached in `target/bench-data/` and built once when missing or of
//! another size. `FRONTDESK_BENCH_APPOINTMENTS` chooses the size (1,000,000 unless given).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use frontdesk::demo::{self, DemoOptions};
use frontdesk::store::SqliteStore;
use rusqlite::Connection;

/// The demo's seed.
pub const SEED: u64 = 1;
/// The demo clinic's zone.
pub const ZONE: Tz = chrono_tz::Asia::Kolkata;
/// The benches' now.
pub const NOW: &str = "2026-11-24T06:30:00Z";

/// The demo's today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

/// [`NOW`] as an instant.
pub fn now() -> DateTime<Utc> {
    NOW.parse().expect("NOW is RFC 3339")
}

/// How many appointments the bench database holds: `FRONTDESK_BENCH_APPOINTMENTS`, or 1M.
pub fn appointments_wanted() -> u64 {
    match std::env::var("FRONTDESK_BENCH_APPOINTMENTS") {
        Ok(text) => text
            .trim()
            .parse()
            .expect("FRONTDESK_BENCH_APPOINTMENTS must be a whole number, e.g. 20000"),
        Err(_) => 1_000_000,
    }
}

/// The demo clinic of `appointments` (a fifth as many patients, at least 200).
pub fn demo_options(appointments: u64) -> DemoOptions {
    DemoOptions {
        appointments,
        patients: (appointments / 5).max(200),
        zone: ZONE,
        seed: SEED,
        today: today(),
        now: now(),
    }
}

/// The key that occurs most often among `keys` (the smallest of those that tie).
pub fn busiest<K: Ord + Copy>(keys: impl Iterator<Item = K>) -> K {
    let mut counts = std::collections::BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)))
        .map(|(k, _)| k)
        .expect("today's agenda is not empty")
}

/// `target/bench-data`, made when missing.
pub fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("bench-data");
    std::fs::create_dir_all(&dir).expect("create target/bench-data");
    dir
}

/// The cached demo database of `appointments`, built when it is missing; `bench` names the
/// file it is built in first, so two benches building at once never share one.
pub fn demo_database(appointments: u64, bench: &str) -> PathBuf {
    let dir = bench_dir();
    let label = if appointments == 1_000_000 {
        "1m".to_owned()
    } else {
        appointments.to_string()
    };
    let path = dir.join(format!("demo-{label}-seed{SEED}.sqlite3"));
    let count = Connection::open(&path).ok().and_then(|c| {
        c.query_row("SELECT count(*) FROM appointment", [], |r| {
            r.get::<_, i64>(0)
        })
        .ok()
    });
    if count == Some(appointments as i64) {
        eprintln!("bench: reusing {}", path.display());
        return path;
    }
    let building = dir.join(format!("demo-{label}-seed{SEED}.{bench}-building.sqlite3"));
    for p in [&path, &building] {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = p.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
    eprintln!("bench: building {} (once)", path.display());
    {
        let mut store = SqliteStore::open(&building).expect("create the bench database");
        demo::build(&mut store, &demo_options(appointments), &mut |_| {})
            .expect("build the demo clinic");
    }
    drop(SqliteStore::open(&building).expect("reopen to checkpoint"));
    std::fs::rename(&building, &path).expect("move the bench database into place");
    path
}
