//! Several OS processes booking walk-ins and emergencies into the same clinic day at once: no
//! two patients ever get the same token, every booking either gets a token or a clear error,
//! and the day's tokens follow on from the highest one the day already had (an imported
//! walk-in left a gap below it). On an SQLite file and on a PostgreSQL database. The test binary
//! runs itself as the child processes.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Clinic1, Postgres, Sqlite, TestBackend, id, utc};
use frontdesk::import::{self, ImportOptions};
use frontdesk::scheduling::*;
use frontdesk::store::{BookingRequest, PostgresStore, SqliteStore, Start, Store, StoreOptions};

const ROLE: &str = "FRONTDESK_QUEUE_TEST_ROLE";
/// 10:00 in Kolkata on 2026-06-02.
const NOW: &str = "2026-06-02T04:30:00Z";
const PROCESSES: u128 = 6;
const EACH: u128 = 6;

fn child(db: &str, process: u128, go: &Path) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "child_process_entry_point",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ROLE, "desk")
        .env("FRONTDESK_TEST_DB", db)
        .env("PROCESS", process.to_string())
        .env("GO", go)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn child process")
}

/// The patient of booking `n` of process `process`.
fn patient(process: u128, n: u128) -> u128 {
    1000 + process * 100 + n
}

/// Process `p` books walk-ins and emergencies in turn (odd processes start with an emergency).
fn kind(process: u128, n: u128) -> Kind {
    if (process + n).is_multiple_of(2) {
        Kind::WalkIn
    } else {
        Kind::Emergency
    }
}

/// Not a test of its own: the work of one desk when the binary runs as a child process.
#[test]
fn child_process_entry_point() {
    let Ok(_role) = std::env::var(ROLE) else {
        return;
    };
    let db = std::env::var("FRONTDESK_TEST_DB").expect("db");
    let process: u128 = std::env::var("PROCESS").expect("p").parse().expect("n");
    let go = PathBuf::from(std::env::var("GO").expect("go"));
    let mut store: Box<dyn Store> = if db.starts_with("postgres") {
        Box::new(PostgresStore::open(&db).expect("child opens"))
    } else {
        Box::new(
            SqliteStore::open_with(
                &db,
                StoreOptions {
                    busy_timeout: Duration::from_secs(30),
                    ..StoreOptions::default()
                },
            )
            .expect("child opens"),
        )
    };
    let mut out = std::io::stdout().lock();
    writeln!(out).expect("newline");
    let sync = go.parent().expect("the go file's folder");
    std::fs::write(sync.join(format!("ready-{process}")), b"").expect("ready");
    while !go.exists() {
        std::thread::sleep(Duration::from_micros(200));
    }
    let now = utc(NOW);
    for n in 0..EACH {
        let request = BookingRequest {
            clinic: ClinicId(id(1)),
            patient: PatientId(id(patient(process, n))),
            doctor: DoctorId(id(10 + (n % 2))),
            room: None,
            visit_type: None,
            start: Start::At(now),
            minutes: 15,
            mode: Mode::InClinic,
            kind: kind(process, n),
            priority: 0,
            reason: String::new(),
            notes: String::new(),
            overbook: Some("seen between patients".into()),
            new_patient: None,
        };
        match store.book(&request, &format!("desk-{process}"), now) {
            Ok(o) => writeln!(
                out,
                "TOKEN {} {}",
                o.appointment.queue_token, o.appointment.id
            ),
            Err(e) => writeln!(out, "ERROR {e}"),
        }
        .expect("report");
    }
}

#[test]
fn processes_booking_walk_ins_at_once_never_share_a_token() {
    walk_ins_at_once::<Sqlite>();
}

#[test]
fn processes_booking_walk_ins_at_once_never_share_a_token_on_postgres() {
    walk_ins_at_once::<Postgres>();
}

fn walk_ins_at_once<B: TestBackend>() {
    if !B::available() {
        return;
    }
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    for p in 0..PROCESSES {
        for n in 0..EACH {
            let who = patient(p, n);
            c.store
                .add_patient(&common::patient(who, &format!("Walk-in {who}"), ""))
                .expect("patient");
        }
    }
    // The day already has W-001 and E-001, imported from the old system. (A file's W-004 on
    // an empty day is re-issued as W-001 since schema 10: an import never leaves a gap.)
    let start = utc("2026-06-02T03:45:00Z");
    let mut file = "id,start_utc,end_utc,status,kind,doctor,patient_id,queue_token\r\n".to_owned();
    for (n, kind, token) in [(1, "walk_in", "W-001"), (2, "emergency", "E-001")] {
        file += &format!(
            "{},{},{},completed,{kind},Dr. Anjali Rao,{},{token}\r\n",
            id(900 + n),
            start.format("%Y-%m-%dT%H:%M:%SZ"),
            (start + chrono::Duration::minutes(10)).format("%Y-%m-%dT%H:%M:%SZ"),
            id(40 + n)
        );
    }
    let parsed = import::appointments::parse_csv(&file).expect("csv");
    let report = c
        .store
        .import_appointments(
            &parsed,
            &ImportOptions {
                clinic: c.clinic,
                dry_run: false,
                overbook: Some("history".into()),
                source: "old.csv".into(),
                default_doctor: None,
            },
            "importer",
            utc(NOW),
            &mut |_| {},
        )
        .expect("import");
    assert!(report.committed && report.bad.is_empty(), "{report:?}");

    let db = B::locator(&c.home);
    let sync = tempfile::tempdir().expect("sync dir");
    let go = sync.path().join("go");
    let children: Vec<Child> = (0..PROCESSES).map(|p| child(&db, p, &go)).collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while (0..PROCESSES).any(|p| !sync.path().join(format!("ready-{p}")).exists()) {
        assert!(Instant::now() < deadline, "children did not get ready");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::write(&go, b"").expect("go");
    let mut reported = Vec::new();
    let mut errors = Vec::new();
    for child in children {
        let output = child.wait_with_output().expect("child");
        assert!(output.status.success(), "a desk process failed: {output:?}");
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            if let Some(rest) = line.strip_prefix("TOKEN ") {
                let (token, appointment) = rest.split_once(' ').expect("token and id");
                reported.push((token.to_owned(), appointment.to_owned()));
            } else if let Some(why) = line.strip_prefix("ERROR ") {
                errors.push(why.to_owned());
            }
        }
    }
    assert_eq!(
        reported.len() + errors.len(),
        (PROCESSES * EACH) as usize,
        "every booking got a token or an error"
    );
    for why in &errors {
        assert!(
            why.contains("is busy in another Frontdesk window or process"),
            "an error says what happened and what to do: {why}"
        );
    }
    let tokens: BTreeSet<&str> = reported.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(tokens.len(), reported.len(), "no token twice: {reported:?}");
    // Each sequence follows on from the day's highest token, without gaps or repeats.
    for (letter, after) in [('W', 1), ('E', 1)] {
        let mine: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|t| t.starts_with(letter))
            .collect();
        let want: Vec<String> = (after + 1..=after + mine.len() as u32)
            .map(|n| queue::token(letter, n))
            .collect();
        assert_eq!(mine, want, "{letter}");
    }
    // What the desks were told is what the day holds.
    let mut stored: Vec<(String, String)> = c
        .day("2026-06-02")
        .into_iter()
        .filter(|e| !e.appointment.queue_token.is_empty())
        .filter(|e| e.appointment.created_by != "importer")
        .map(|e| (e.appointment.queue_token, e.appointment.id.to_string()))
        .collect();
    stored.sort();
    reported.sort();
    assert_eq!(stored, reported);
}
