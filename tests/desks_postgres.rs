//! Sixteen desks on one PostgreSQL database, as a clinic's shared server holds them: real
//! `frontdesk` processes (the binary cargo builds beside this test) booking contested slots at
//! once, booking walk-ins at once, and killed with SIGKILL mid-burst. Exactly one desk wins each
//! slot, every other desk is told plainly why not, no database error text reaches anyone, and
//! whatever a desk printed as booked is stored whole.
//!
//! The database is a schema of its own per test on the server `FRONTDESK_TEST_POSTGRES` names
//! (`scripts/test.sh` starts a throwaway one). Without it the tests say they were skipped, and
//! fail when `CI` is set: CI must run them.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Output, Stdio};
use std::sync::Barrier;
use std::time::Duration;

use common::{PgHome, Postgres, TestBackend};

/// How many desks work at once.
const DESKS: usize = 16;
/// The demo clinic's patients before the desks register any.
const DEMO_PATIENTS: i64 = 200;

/// One test's database and the folder its processes keep their logs in.
struct Clinic {
    home: PgHome,
    state: tempfile::TempDir,
}

impl Clinic {
    /// The demo clinic (20 doctors, 12 rooms, 200 patients, no appointments) in a schema of its
    /// own; `None` when there is no test server (the test is skipped).
    fn new() -> Option<Self> {
        if !Postgres::available() {
            return None;
        }
        let clinic = Clinic {
            home: Postgres::home(),
            state: tempfile::tempdir().expect("state dir"),
        };
        let demo = clinic.run(&["demo", "--appointments", "0", "--today", "2026-11-24"]);
        assert!(demo.status.success(), "demo: {}", text(&demo));
        // Each desk is a receptionist of its own (a sign-in try is counted before its check,
        // so sixteen processes signing in as one person at once would lock that account), with
        // a cheaply checked hash: sixteen processes each checking a 64 MiB Argon2id hash at
        // once took minutes.
        let mut store = Postgres::reopen(&clinic.home);
        for desk in 0..DESKS {
            common::staff_with_quick_password(
                &mut store,
                frontdesk::scheduling::StaffId(uuid::Uuid::new_v4()),
                &format!("desk-{desk}"),
                frontdesk::scheduling::StaffRole::Administrator,
                "desk password",
            );
        }
        Some(clinic)
    }

    /// `frontdesk --db URL --as DESK ARGS…` as a desk runs it, with the clock at 09:30 in
    /// Kolkata on Tuesday 2026-11-24.
    fn command(&self, desk: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.arg("--db")
            .arg(Postgres::locator(&self.home))
            .args(["--as", desk])
            .env("FRONTDESK_PASSWORD", "desk password")
            .args(args)
            .env("HOME", self.state.path())
            .env("XDG_STATE_HOME", self.state.path().join("state"))
            .env("XDG_DATA_HOME", self.state.path().join("data"))
            .env("FRONTDESK_NOW", "2026-11-24T04:00:00Z")
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_AS")
            .env_remove("FRONTDESK_TEST_PANIC")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command("desk-0", args)
            .output()
            .expect("frontdesk runs")
    }

    /// The appointments of `date`, as `agenda --format json` lists them.
    fn agenda(&self, date: &str) -> Vec<serde_json::Value> {
        let out = self.run(&["agenda", "--date", date, "--format", "json"]);
        assert!(out.status.success(), "agenda: {}", text(&out));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
            .collect()
    }

    /// `frontdesk check` on the server: it passes, finds no double booking, and its counts.
    fn check(&self) -> BTreeMap<String, String> {
        let out = self.run(&["check"]);
        assert!(out.status.success(), "check: {}", text(&out));
        let counts: BTreeMap<String, String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(counts["engine"], "PostgreSQL");
        assert_eq!(counts["integrity"], "ok");
        assert_eq!(counts["broken references"], "0");
        assert_eq!(
            counts["double bookings not marked as overbooked"], "0",
            "{counts:#?}"
        );
        counts
    }

    /// A plain connection to the test's schema, for what no command shows.
    fn sql(&self) -> postgres::Client {
        postgres::Client::connect(&self.home.url(), postgres::NoTls).expect("the server answers")
    }
}

/// A count from `frontdesk check`.
fn count(counts: &BTreeMap<String, String>, label: &str) -> i64 {
    counts
        .get(label)
        .unwrap_or_else(|| panic!("check counts {label}: {counts:#?}"))
        .parse()
        .expect("a number")
}

/// Everything a process said, for failure messages.
fn text(out: &Output) -> String {
    format!(
        "{:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// No engine trouble reaches a desk: no lock, deadlock, serialization or other database error
/// text, no internal error, nothing about the server or its connections.
fn assert_no_database_text(out: &Output) {
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .to_lowercase();
    for word in [
        "lock",
        "serializ",
        "database error",
        "sqlstate",
        "violates",
        "duplicate key",
        "constraint",
        "server",
        "connection",
        "internal error",
        "panicked",
    ] {
        assert!(
            !said.contains(word),
            "{word:?} reached a desk: {}",
            text(out)
        );
    }
}

/// The id a booking printed ("Booked …: ID"), when it printed one.
fn booked_id(out: &Output) -> Option<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.starts_with("Booked "))
        .and_then(|l| l.rsplit_once(": "))
        .map(|(_, id)| id.trim().to_owned())
}

/// What one booking attempt came to.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Exit 0 and the id it printed.
    Booked(String),
    /// Exit 1 with a plain refusal: the conflict, or "just taken at another desk".
    Refused,
}

/// Reads one `frontdesk book` process's result: booked (0) or refused (1) as the README says,
/// with a clear message and nothing of the database's own.
fn outcome(out: &Output) -> Outcome {
    assert_no_database_text(out);
    match out.status.code() {
        Some(0) => Outcome::Booked(booked_id(out).unwrap_or_else(|| panic!("{}", text(out)))),
        Some(1) => {
            let why = String::from_utf8_lossy(&out.stderr).to_lowercase();
            assert!(
                why.contains("nothing was changed")
                    && (why.contains("is already booked then")
                        || why.contains("already has an appointment then")
                        || why.contains("just taken at another desk")),
                "a refusal says which booking holds the time: {}",
                text(out)
            );
            assert!(booked_id(out).is_none(), "{}", text(out));
            Outcome::Refused
        }
        _ => panic!("exit codes are 0 (booked) or 1 (refused): {}", text(out)),
    }
}

/// Every doctor who works all of 09:00–11:30 on Thursdays, by name.
fn thursday_morning_doctors(sql: &mut postgres::Client) -> Vec<String> {
    sql.query(
        "SELECT name FROM doctor d WHERE EXISTS (SELECT 1 FROM doctor_hours h \
         WHERE h.doctor_id = d.id AND h.weekday = 3 AND h.start_minute <= 540 \
         AND h.end_minute >= 690) ORDER BY name",
        &[],
    )
    .expect("doctors")
    .iter()
    .map(|r| r.get(0))
    .collect()
}

/// A desk's phone for booking `n` of round `round` (each attempt registers its own patient).
fn phone(round: usize, desk: usize, n: usize) -> String {
    format!("+91 9{round}{desk:03} {n:05}")
}

/// `DESKS` desks each book `tries` times, all starting together; `args(desk, n)` gives one
/// booking's patient and what it books. The outcomes, by desk and then in order.
fn desks_book(
    clinic: &Clinic,
    tries: usize,
    args: impl Fn(usize, usize) -> Vec<String> + Sync,
) -> Vec<Vec<(Vec<String>, Output)>> {
    let start = Barrier::new(DESKS);
    std::thread::scope(|scope| {
        let desks: Vec<_> = (0..DESKS)
            .map(|desk| {
                let (start, args) = (&start, &args);
                scope.spawn(move || {
                    start.wait();
                    (0..tries)
                        .map(|n| {
                            let a = args(desk, n);
                            let refs: Vec<&str> = a.iter().map(String::as_str).collect();
                            let mut cmd = clinic.command(&format!("desk-{desk}"), &refs);
                            (a, cmd.output().expect("frontdesk runs"))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        desks.into_iter().map(|d| d.join().expect("desk")).collect()
    })
}

/// 10 slots of 15 minutes from 09:00 on `date`, "YYYY-MM-DD HH:MM".
fn slot(date: &str, n: usize) -> String {
    let minutes = 9 * 60 + 15 * n;
    format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// Checks a round of contested bookings: every slot has exactly one winner, the one that
/// printed it, and the agenda holds nothing else. Returns how many were booked.
fn one_winner_per_slot(
    clinic: &Clinic,
    date: &str,
    results: &[Vec<(Vec<String>, Output)>],
) -> usize {
    let mut winners: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut refused = 0;
    for (args, out) in results.iter().flatten() {
        let start = args[args.iter().position(|a| a == "--start").expect("start") + 1].clone();
        match outcome(out) {
            Outcome::Booked(id) => winners.entry(start).or_default().push(id),
            Outcome::Refused => refused += 1,
        }
    }
    assert_eq!(winners.len(), 10, "every slot is booked: {winners:#?}");
    for (start, ids) in &winners {
        assert_eq!(ids.len(), 1, "exactly one desk wins {start}: {ids:?}");
    }
    assert_eq!(refused, DESKS * 20 - 10);
    let agenda = clinic.agenda(date);
    let stored: BTreeMap<String, String> = agenda
        .iter()
        .map(|a| {
            let start = a["start"].as_str().expect("start");
            // "2026-11-25T09:15:00+05:30" as the desks typed it, "2026-11-25 09:15".
            (
                format!("{} {}", &start[..10], &start[11..16]),
                a["id"].as_str().expect("id").to_owned(),
            )
        })
        .collect();
    assert_eq!(agenda.len(), 10, "one appointment a slot: {agenda:#?}");
    for (start, ids) in &winners {
        assert_eq!(
            stored.get(start),
            Some(&ids[0]),
            "the printed winner is stored"
        );
    }
    winners.len()
}

/// Sixteen desks book ten slots of one doctor twenty times each, then ten slots of one room
/// with the desks booking different doctors: exactly one desk gets each slot, every other is refused
/// with the booking that holds it (or "just taken at another desk"), exit 1, nothing else.
#[test]
fn sixteen_desks_contesting_slots_book_each_exactly_once() {
    let Some(clinic) = Clinic::new() else {
        return;
    };
    // Round 1: Dr. Rao (09:00–13:00 on Wednesdays), 10 slots from 09:00, 16 desks × 20 tries
    // in the same order, so all sixteen contend for each slot at once.
    let date = "2026-11-25";
    let results = desks_book(&clinic, 20, |desk, n| {
        vec![
            "book".into(),
            "--patient".into(),
            format!("Desk {desk} Try {n}"),
            "--new-patient".into(),
            "--phone".into(),
            phone(1, desk, n),
            "--doctor".into(),
            "Anjali Rao".into(),
            "--start".into(),
            slot(date, n % 10),
        ]
    });
    let first = one_winner_per_slot(&clinic, date, &results);

    // Round 2: one room on Thursday, the desks booking different doctors (every doctor who works
    // all of 09:00–11:30 that day, seven in the demo clinic, shared out among the desks): only
    // the room is contested between desks of different doctors.
    let date = "2026-11-26";
    let doctors = thursday_morning_doctors(&mut clinic.sql());
    assert!(doctors.len() >= 4, "enough doctors work then: {doctors:?}");
    let results = desks_book(&clinic, 20, |desk, n| {
        vec![
            "book".into(),
            "--patient".into(),
            format!("Room Desk {desk} Try {n}"),
            "--new-patient".into(),
            "--phone".into(),
            phone(2, desk, n),
            "--doctor".into(),
            doctors[desk % doctors.len()].clone(),
            "--room".into(),
            "Room 2".into(),
            "--start".into(),
            slot(date, n % 10),
        ]
    });
    let second = one_winner_per_slot(&clinic, date, &results);
    for a in clinic.agenda(date) {
        assert_eq!(a["room"], "Room 2");
    }

    // Counts add up: one appointment, one audit event and one new patient per winner; the
    // refused desks registered nobody.
    let counts = clinic.check();
    let booked = i64::try_from(first + second).expect("small");
    assert_eq!(count(&counts, "appointments"), booked);
    assert_eq!(count(&counts, "audit events"), booked);
    assert_eq!(count(&counts, "patients"), DEMO_PATIENTS + booked);
}

/// Sixteen desks book two walk-ins each at once, one with Dr. Rao and one with Dr. Iyer: every
/// walk-in is booked, at its own time with its doctor, with a token no other patient has.
#[test]
fn sixteen_desks_booking_walk_ins_at_once_each_get_a_time_and_token_of_their_own() {
    let Some(clinic) = Clinic::new() else {
        return;
    };
    let doctors = ["Anjali Rao", "Arjun Iyer"];
    let results = desks_book(&clinic, 2, |desk, n| {
        vec![
            "book".into(),
            "--patient".into(),
            format!("Walk {desk} {n}"),
            "--new-patient".into(),
            "--phone".into(),
            phone(3, desk, n),
            "--doctor".into(),
            doctors[(desk + n) % 2].into(),
            "--walk-in".into(),
        ]
    });
    let mut printed_tokens = BTreeMap::new();
    for (_, out) in results.iter().flatten() {
        let Outcome::Booked(id) = outcome(out) else {
            panic!("every walk-in is booked: {}", text(out));
        };
        let token = String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("queue token: ").map(str::to_owned))
            .unwrap_or_else(|| panic!("a walk-in is told its token: {}", text(out)));
        printed_tokens.insert(id, token);
    }
    assert_eq!(printed_tokens.len(), DESKS * 2);
    let agenda = clinic.agenda("2026-11-24");
    assert_eq!(agenda.len(), DESKS * 2, "{agenda:#?}");
    let tokens: BTreeSet<&str> = agenda
        .iter()
        .map(|a| a["queue_token"].as_str().expect("token"))
        .collect();
    assert_eq!(
        tokens.len(),
        DESKS * 2,
        "each with its own token: {agenda:#?}"
    );
    for a in &agenda {
        let id = a["id"].as_str().expect("id");
        assert_eq!(
            Some(a["queue_token"].as_str().expect("token")),
            printed_tokens.get(id).map(String::as_str),
            "the token printed is the one stored"
        );
    }
    for doctor in doctors {
        let mut times: Vec<(&str, &str)> = agenda
            .iter()
            .filter(|a| a["doctor"].as_str().is_some_and(|d| d.ends_with(doctor)))
            .map(|a| {
                (
                    a["start"].as_str().expect("start"),
                    a["end"].as_str().expect("end"),
                )
            })
            .collect();
        times.sort_unstable();
        assert_eq!(times.len(), DESKS, "{doctor}: {times:#?}");
        for pair in times.windows(2) {
            assert!(
                pair[0].1 <= pair[1].0,
                "{doctor}'s walk-ins each have their own time: {times:#?}"
            );
        }
    }
    let counts = clinic.check();
    assert_eq!(count(&counts, "queue tokens issued"), (DESKS * 2) as i64);
    assert_eq!(count(&counts, "appointments"), (DESKS * 2) as i64);
}

/// Sixteen desks book one-minute visits at once; four of them have each booking process killed
/// with SIGKILL at a different moment (before it connects, mid-booking, after it printed).
/// Every booking a desk printed is stored, and every killed one is all there or not there at
/// all: its new patient exists exactly when its appointment does, with its audit event, and the
/// other twelve desks carry on unharmed.
#[test]
fn desks_killed_mid_burst_lose_no_printed_booking_and_leave_nothing_half_written() {
    let Some(clinic) = Clinic::new() else {
        return;
    };
    const EACH: usize = 6;
    const KILLED_DESKS: usize = 4;
    let date = "2026-11-25";
    let start = Barrier::new(DESKS);
    // (desk, n, patient, what it said)
    let results: Vec<(usize, usize, String, Output)> = std::thread::scope(|scope| {
        let desks: Vec<_> = (0..DESKS)
            .map(|desk| {
                let (start, clinic) = (&start, &clinic);
                scope.spawn(move || {
                    start.wait();
                    (0..EACH)
                        .map(|n| {
                            let patient = format!("Kill {desk} {n}");
                            let minute = 9 * 60 + desk * EACH + n;
                            let at = format!("{date} {:02}:{:02}", minute / 60, minute % 60);
                            let phone = phone(4, desk, n);
                            let mut cmd = clinic.command(
                                &format!("desk-{desk}"),
                                &[
                                    "book",
                                    "--patient",
                                    &patient,
                                    "--new-patient",
                                    "--phone",
                                    &phone,
                                    "--doctor",
                                    "Anjali Rao",
                                    "--start",
                                    &at,
                                    "--minutes",
                                    "1",
                                ],
                            );
                            let mut child = cmd.spawn().expect("frontdesk starts");
                            if desk < KILLED_DESKS {
                                // 0, 45, 90, … 1035 ms: from before it connects to (on most
                                // machines) after it is done, through the booking itself.
                                let wait = (desk * EACH + n) as u64 * 45;
                                std::thread::sleep(Duration::from_millis(wait));
                                // Fails only when it already exited and was reaped: it was not.
                                child.kill().expect("SIGKILL");
                            }
                            let out = child.wait_with_output().expect("reaped");
                            (desk, n, patient, out)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        desks
            .into_iter()
            .flat_map(|d| d.join().expect("desk"))
            .collect()
    });

    let mut printed = BTreeSet::new();
    let mut killed = 0;
    for (desk, _, _, out) in &results {
        if out.status.signal() == Some(libc_sigkill()) {
            killed += 1;
            // Whatever it managed to print before it died is still plain.
            assert_no_database_text(out);
            if let Some(id) = booked_id(out) {
                printed.insert(id);
            }
            continue;
        }
        match outcome(out) {
            Outcome::Booked(id) => {
                printed.insert(id);
            }
            Outcome::Refused => panic!("desk {desk}'s slot was its own: {}", text(out)),
        }
    }
    assert!(killed > 0, "some bookings were killed");
    eprintln!(
        "{killed} of {} bookings killed before they ended; {} printed in all",
        KILLED_DESKS * EACH,
        printed.len()
    );

    let agenda = clinic.agenda(date);
    let stored: BTreeMap<&str, &str> = agenda
        .iter()
        .map(|a| {
            (
                a["patient"].as_str().expect("patient"),
                a["id"].as_str().expect("id"),
            )
        })
        .collect();
    let ids: BTreeSet<&str> = stored.values().copied().collect();
    eprintln!(
        "{} of the killed desks' bookings are stored",
        results
            .iter()
            .filter(|(desk, _, patient, _)| *desk < KILLED_DESKS
                && stored.contains_key(patient.as_str()))
            .count()
    );
    for id in &printed {
        assert!(ids.contains(id.as_str()), "printed booking {id} is stored");
    }
    // The desks nobody killed booked everything.
    for (desk, _, patient, _) in &results {
        if *desk >= KILLED_DESKS {
            assert!(stored.contains_key(patient.as_str()), "{patient} is booked");
        }
    }
    // Nothing half-written: a killed booking's new patient exists exactly when its
    // appointment does.
    let registered: BTreeSet<String> = clinic
        .sql()
        .query("SELECT name FROM patient WHERE name LIKE 'Kill %'", &[])
        .expect("patients")
        .iter()
        .map(|r| r.get(0))
        .collect();
    let booked: BTreeSet<String> = stored.keys().map(|p| (*p).to_owned()).collect();
    assert_eq!(registered, booked, "patients registered = patients booked");
    let counts = clinic.check();
    let n = agenda.len() as i64;
    assert_eq!(count(&counts, "appointments"), n);
    assert_eq!(
        count(&counts, "audit events"),
        n,
        "each booking with its audit"
    );
    assert_eq!(count(&counts, "patients"), DEMO_PATIENTS + n);
    // A desk opened after the kills books as before: no lock was left behind.
    let after = clinic.run(&[
        "book",
        "--patient",
        "After The Kills",
        "--new-patient",
        "--phone",
        "+91 95555 55555",
        "--doctor",
        "Anjali Rao",
        "--start",
        "2026-11-25 11:00",
    ]);
    assert!(matches!(outcome(&after), Outcome::Booked(_)));
}

/// SIGKILL's number (9 on every Unix this runs on).
fn libc_sigkill() -> i32 {
    9
}

/// Plain bookings of registered patients lock only the doctor, room and patient they book, so
/// desks booking different ones do not wait for each other; contested ones still have exactly
/// one winner, and every loser is refused by the desk's own check, naming the booking that holds
/// the time (never by the database's last guard, "just taken at another desk": the desks took
/// their turns). Round 1: sixteen registered patients, one doctor's ten slots. Round 2: one
/// patient, whom sixteen desks book at once with different doctors in different rooms: the
/// patient's own clash has no guard in the database, only the desks' turns.
#[test]
fn plain_bookings_of_registered_patients_take_turns_only_where_they_meet() {
    let Some(clinic) = Clinic::new() else {
        return;
    };
    let mut sql = clinic.sql();
    let patients: Vec<String> = sql
        .query("SELECT id::text FROM patient ORDER BY id LIMIT 16", &[])
        .expect("patients")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(patients.len(), DESKS);
    let refused_by_our_check = |results: &[Vec<(Vec<String>, Output)>]| {
        for (_, out) in results.iter().flatten() {
            if outcome(out) == Outcome::Refused {
                let why = String::from_utf8_lossy(&out.stderr).to_lowercase();
                assert!(
                    (why.contains("is already booked then")
                        || why.contains("already has an appointment then"))
                        && !why.contains("just taken"),
                    "the desk's own check refuses: {}",
                    text(out)
                );
            }
        }
    };

    // Round 1: Dr. Rao's ten Wednesday slots, each desk with its own registered patient.
    let date = "2026-11-25";
    let results = desks_book(&clinic, 20, |desk, n| {
        vec![
            "book".into(),
            "--patient".into(),
            patients[desk].clone(),
            "--doctor".into(),
            "Anjali Rao".into(),
            "--start".into(),
            slot(date, n % 10),
        ]
    });
    refused_by_our_check(&results);
    let first = one_winner_per_slot(&clinic, date, &results);

    // Round 2: one patient, Thursday's ten slots, each desk with a doctor and a room of its own
    // (doctors shared out among the desks, each desk a room of its own).
    let date = "2026-11-26";
    let doctors = thursday_morning_doctors(&mut sql);
    let rooms: Vec<String> = sql
        .query("SELECT name FROM room WHERE active = 1 ORDER BY name", &[])
        .expect("rooms")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(doctors.len() >= 4, "enough doctors work then: {doctors:?}");
    assert!(rooms.len() >= 8, "enough rooms: {rooms:?}");
    let results = desks_book(&clinic, 20, |desk, n| {
        vec![
            "book".into(),
            "--patient".into(),
            patients[0].clone(),
            "--doctor".into(),
            doctors[desk % doctors.len()].clone(),
            "--room".into(),
            rooms[desk % rooms.len()].clone(),
            "--start".into(),
            slot(date, n % 10),
        ]
    });
    refused_by_our_check(&results);
    let second = one_winner_per_slot(&clinic, date, &results);
    // Thursday in Kolkata: from 2026-11-25 18:30 UTC, for a day.
    let of_the_patient: i64 = sql
        .query_one(
            "SELECT count(*) FROM appointment WHERE patient_id::text = $1 \
             AND start_utc >= extract(epoch FROM timestamptz '2026-11-25 18:30:00+00')::bigint \
             AND start_utc < extract(epoch FROM timestamptz '2026-11-26 18:30:00+00')::bigint",
            &[&patients[0]],
        )
        .expect("count")
        .get(0);
    assert_eq!(
        of_the_patient,
        i64::try_from(second).expect("small"),
        "that day the patient holds one appointment a slot, and every one is theirs"
    );

    let counts = clinic.check();
    let booked = i64::try_from(first + second).expect("small");
    assert_eq!(count(&counts, "appointments"), booked);
    assert_eq!(count(&counts, "audit events"), booked);
    assert_eq!(
        count(&counts, "patients"),
        DEMO_PATIENTS,
        "no one registered"
    );
}
