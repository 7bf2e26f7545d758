//! Several OS processes against one database (an SQLite file, and a PostgreSQL database):
//! racing for the same slot (exactly one wins) and a writer killed with SIGKILL mid-burst (every
//! acknowledged booking survives). The test binary runs itself as the child processes (see
//! `child_process_entry_point`).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Clinic1, Postgres, Sqlite, TestBackend, utc};
use frontdesk::scheduling::*;
use frontdesk::store::{
    BookingRequest, PostgresStore, SqliteStore, Start, Store, StoreError, StoreOptions,
};

const ROLE: &str = "FRONTDESK_TEST_ROLE";
const NOW: &str = "2026-06-01T03:00:00Z";

/// A child process in `role` on the database `db` (what `--db` would get), meeting the test in
/// the folder `sync`.
fn child(role: &str, db: &str, sync: &Path, extra: &[(&str, String)]) -> Child {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args([
        "--exact",
        "child_process_entry_point",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(ROLE, role)
    .env("FRONTDESK_TEST_DB", db)
    .env("FRONTDESK_TEST_SYNC", sync)
    .stdout(Stdio::piped())
    .stderr(Stdio::inherit());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.spawn().expect("spawn child process")
}

fn request(doctor: u128, patient: u128, start: chrono::DateTime<chrono::Utc>) -> BookingRequest {
    BookingRequest {
        clinic: ClinicId(common::id(1)),
        patient: PatientId(common::id(patient)),
        doctor: DoctorId(common::id(doctor)),
        room: Some(RoomId(common::id(20))),
        visit_type: None,
        start: Start::At(start),
        minutes: 15,
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        reason: String::new(),
        notes: String::new(),
        overbook: None,
        new_patient: None,
    }
}

/// Not a test of its own: when the test binary is started as a child process (with ROLE set),
/// this is where the child does its work. Run normally, it returns at once.
#[test]
fn child_process_entry_point() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let db = std::env::var("FRONTDESK_TEST_DB").expect("db");
    let sync = PathBuf::from(std::env::var("FRONTDESK_TEST_SYNC").expect("sync"));
    let mut store: Box<dyn Store> = if db.starts_with("postgres") {
        Box::new(PostgresStore::open(&db).expect("child opens"))
    } else {
        let options = StoreOptions {
            busy_timeout: Duration::from_secs(30),
            ..StoreOptions::default()
        };
        Box::new(SqliteStore::open_with(&db, options).expect("child opens"))
    };
    let mut out = std::io::stdout().lock();
    // The harness has printed "test child_process_entry_point ... " without a newline.
    writeln!(out).expect("newline");
    match role.as_str() {
        "racer" => {
            let patient: u128 = std::env::var("PATIENT")
                .expect("patient")
                .parse()
                .expect("n");
            let go = PathBuf::from(std::env::var("GO").expect("go"));
            std::fs::write(sync.join(format!("ready-{patient}")), b"").expect("ready");
            while !go.exists() {
                std::thread::sleep(Duration::from_micros(200));
            }
            // Everyone books Dr. Rao, Room 1, 2026-06-02 09:00 (Kolkata) for a different patient.
            let start = utc("2026-06-02T03:30:00Z");
            match store.book(
                &request(10, patient, start),
                &format!("desk-{patient}"),
                utc(NOW),
            ) {
                Ok(o) => writeln!(out, "BOOKED {}", o.appointment.id),
                Err(StoreError::Refused(c)) => writeln!(out, "REFUSED {}", c[0]),
                Err(e) => writeln!(out, "ERROR {e}"),
            }
            .expect("report");
        }
        "writer" => {
            // Book distinct free slots as fast as possible, acknowledging each after commit.
            let first = utc("2026-06-02T03:30:00Z"); // 09:00 Kolkata
            let from: i64 = std::env::var("FROM").expect("from").parse().expect("n");
            for n in from..from + 5_000 {
                let day = n / 16;
                let slot = n % 16;
                let start =
                    first + chrono::Duration::days(day) + chrono::Duration::minutes(15 * slot);
                let o = store
                    .book(&request(10, 40, start), "writer", utc(NOW))
                    .expect("free slot");
                writeln!(out, "ACK {}", o.appointment.id).expect("ack");
                out.flush().expect("flush");
            }
        }
        other => panic!("unknown role {other}"),
    }
}

#[test]
fn processes_racing_for_one_slot_book_it_exactly_once() {
    racing_for_one_slot::<Sqlite>();
}

#[test]
fn processes_racing_for_one_slot_book_it_exactly_once_on_postgres() {
    racing_for_one_slot::<Postgres>();
}

fn racing_for_one_slot<B: TestBackend>() {
    const RACERS: u128 = 8;
    if !B::available() {
        return;
    }
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    for n in 0..RACERS {
        c.store
            .add_patient(&common::patient(100 + n, &format!("Racer {n}"), ""))
            .expect("patient");
    }
    let db = B::locator(&c.home);
    let sync = tempfile::tempdir().expect("sync dir");
    let go = sync.path().join("go");
    let children: Vec<Child> = (0..RACERS)
        .map(|n| {
            child(
                "racer",
                &db,
                sync.path(),
                &[
                    ("PATIENT", (100 + n).to_string()),
                    ("GO", go.display().to_string()),
                ],
            )
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while (0..RACERS).any(|n| !sync.path().join(format!("ready-{}", 100 + n)).exists()) {
        assert!(Instant::now() < deadline, "children did not get ready");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::write(&go, b"").expect("go");
    let mut booked = Vec::new();
    let mut refused = Vec::new();
    for child in children {
        let output = child.wait_with_output().expect("child");
        assert!(output.status.success(), "child failed: {output:?}");
        let text = String::from_utf8_lossy(&output.stdout);
        for line in text.lines() {
            if let Some(id) = line.strip_prefix("BOOKED ") {
                booked.push(id.to_owned());
            } else if let Some(why) = line.strip_prefix("REFUSED ") {
                refused.push(why.to_owned());
            } else if line.starts_with("ERROR") {
                panic!("a racer failed instead of being refused: {line}");
            }
        }
    }
    assert_eq!(
        booked.len(),
        1,
        "exactly one process wins: {booked:?} {refused:?}"
    );
    assert_eq!(refused.len(), RACERS as usize - 1);
    for why in &refused {
        assert!(
            why.contains("already booked") && why.contains(&booked[0]),
            "{why}"
        );
    }
    let day = c.day("2026-06-02");
    assert_eq!(day.len(), 1, "nothing else changed");
    assert_eq!(common::count_of(&c.store, "audit events"), 1);
}

#[test]
fn a_writer_killed_mid_burst_loses_no_acknowledged_booking() {
    writer_killed_mid_burst::<Sqlite>();
}

#[test]
fn a_writer_killed_mid_burst_loses_no_acknowledged_booking_on_postgres() {
    writer_killed_mid_burst::<Postgres>();
}

fn writer_killed_mid_burst<B: TestBackend>() {
    if !B::available() {
        return;
    }
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let db = B::locator(&c.home);
    let sync = tempfile::tempdir().expect("sync dir");
    drop(c.store);
    let mut acknowledged = Vec::new();
    for round in 0..3 {
        let mut writer = child(
            "writer",
            &db,
            sync.path(),
            &[("FROM", (round * 10_000).to_string())],
        );
        let stdout = writer.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        // Kill after a different number of bookings each round, mid-burst.
        let kill_after = 40 + round * 37;
        let mut seen = 0;
        while seen < kill_after {
            match lines.next() {
                Some(Ok(line)) if line.starts_with("ACK ") => {
                    acknowledged.push(line[4..].to_owned());
                    seen += 1;
                }
                Some(Ok(_)) => {}
                other => panic!("writer stopped early: {other:?}"),
            }
        }
        writer.kill().expect("SIGKILL");
        // Whatever it acknowledged before dying is also acknowledged.
        for line in lines.map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("ACK ") {
                acknowledged.push(id.to_owned());
            }
        }
        let status = writer.wait().expect("reaped");
        assert!(!status.success(), "the writer was killed, not finished");
    }
    let mut store = B::reopen(&c.home);
    // The engine's own check finds the storage sound.
    assert_eq!(store.check().expect("check").damage, None);
    for id in &acknowledged {
        let id = AppointmentId(uuid::Uuid::parse_str(id).expect("uuid"));
        let entry = store
            .appointment(id)
            .expect("every acknowledged booking is there");
        assert_eq!(
            store.history(entry.appointment.id).expect("history").len(),
            1
        );
    }
    assert!(acknowledged.len() >= 40 + 77 + 114);
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{report:?}");
}
