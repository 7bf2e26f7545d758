//! The day's queue on the command line: walk-ins get the next token of the day, `move` refuses
//! to take one to another day (non-zero exit, what to do instead, nothing changed) and moves it
//! within the day, and a walk-in cannot be booked for tomorrow.

use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

fn frontdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer", "--keep-backups", "0"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .env("FRONTDESK_NOW", NOW)
        .env_remove("FRONTDESK_DB")
        .output()
        .expect("run frontdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

/// Books a walk-in for a new patient with Dr. Rao; returns the appointment id and its token.
fn walk_in(db: &Path, name: &str) -> (String, String) {
    let out = frontdesk(
        db,
        &[
            "book",
            "--patient",
            name,
            "--new-patient",
            "--doctor",
            "Rao",
            "--walk-in",
            "--start",
            "2026-11-24 09:30",
            "--overbook",
            "seen between patients",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let id = stdout
        .lines()
        .find(|l| l.starts_with("Booked "))
        .and_then(|l| l.rsplit(": ").next())
        .expect("the id ends the \"Booked\" line")
        .trim()
        .to_owned();
    let token = stdout
        .lines()
        .find_map(|l| l.strip_prefix("queue token: "))
        .expect("a token")
        .to_owned();
    (id, token)
}

#[test]
fn a_walk_in_moves_within_its_day_and_not_to_another() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("clinic.sqlite3");
    let demo = frontdesk(
        &db,
        &[
            "demo",
            "--appointments",
            "300",
            "--today",
            "2026-11-24",
            "--seed",
            "3",
        ],
    );
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    let tokens_before = count(
        &db,
        "SELECT count(*) FROM appointment WHERE queue_token LIKE 'W-%'",
    );
    let (first, first_token) = walk_in(&db, "Queue Test One");
    let (_, second_token) = walk_in(&db, "Queue Test Two");
    let number = |t: &str| t.trim_start_matches("W-").parse::<u32>().expect("number");
    assert_eq!(number(&second_token), number(&first_token) + 1);
    let events = count(&db, "SELECT count(*) FROM audit_event");
    let refused = frontdesk(&db, &["move", &first, "--start", "2026-11-25 10:00"]);
    assert!(!refused.status.success());
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains(&format!(
            "cannot move to 2026-11-25: this walk-in has arrived and holds queue token {first_token} on 2026-11-24"
        )) && stderr.contains("book a new appointment then and cancel this one"),
        "{stderr}"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM audit_event"),
        events,
        "nothing written"
    );
    let later = frontdesk(
        &db,
        &[
            "move",
            &first,
            "--start",
            "2026-11-24 19:30",
            "--overbook",
            "after hours",
        ],
    );
    assert!(later.status.success(), "{}", text(&later.stderr));
    assert!(
        text(&later.stdout).contains(&format!("queue token: {first_token}")),
        "{}",
        text(&later.stdout)
    );
    assert!(text(&later.stdout).contains("arrived"));
    // Tomorrow's queue does not open today.
    let tomorrow = frontdesk(
        &db,
        &[
            "book",
            "--patient",
            "Queue Test One",
            "--doctor",
            "Rao",
            "--walk-in",
            "--start",
            "2026-11-25 10:00",
        ],
    );
    assert!(!tomorrow.status.success());
    assert!(
        text(&tomorrow.stderr).contains("joins today's queue, so it starts today (2026-11-24"),
        "{}",
        text(&tomorrow.stderr)
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM appointment WHERE queue_token LIKE 'W-%'"
        ),
        tokens_before + 2
    );
}

/// `frontdesk call`: a doctor's next patient by the clinic's order (the emergency first, then
/// the walk-ins by token), each call printed with where to go and recorded; an id calls again;
/// `--not-here` sends back, then makes a no-show after the clinic's three calls; an empty
/// waiting room says so; a mistaken call changes nothing and says what to do.
#[test]
fn call_calls_the_next_patient_again_and_not_here_to_a_no_show() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("clinic.sqlite3");
    let demo = frontdesk(
        &db,
        &["demo", "--appointments", "300", "--today", "2026-11-24"],
    );
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    // Only our three wait for Dr. Rao today: the demo's arrivals of the day are made ours.
    let (first, w1) = walk_in(&db, "Kiran Test");
    let (second, w2) = walk_in(&db, "Leela Test");
    assert_eq!((w1.as_str(), w2.as_str()), ("W-001", "W-002"));
    let out = frontdesk(
        &db,
        &[
            "book",
            "--patient",
            "Mohan Test",
            "--new-patient",
            "--doctor",
            "Rao",
            "--emergency",
            "--overbook",
            "chest pain",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rao_waiting = "SELECT count(*) FROM appointment a JOIN doctor d ON d.id = a.doctor_id \
        WHERE d.name LIKE '%Rao%' AND a.status = 'checked_in' AND a.queue_token = ''";
    // Booked patients of Dr. Rao who arrived (the demo's) are sent home first.
    rusqlite::Connection::open(&db)
        .expect("open")
        .execute_batch(
            "PRAGMA foreign_keys = ON; \
             UPDATE appointment SET status = 'completed' WHERE status = 'checked_in' \
             AND queue_token = '' AND doctor_id IN (SELECT id FROM doctor WHERE name LIKE '%Rao%')",
        )
        .expect("clear");
    assert_eq!(count(&db, rao_waiting), 0);
    let mut called = Vec::new();
    for _ in 0..3 {
        let out = frontdesk(&db, &["call", "--doctor", "Rao"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        called.push(text(&out.stdout).trim().to_owned());
    }
    assert!(called[0].contains("called E-001 to "), "{called:?}");
    assert!(
        called[1].starts_with(&format!("{first}: called W-001 to ")),
        "{called:?}"
    );
    assert!(
        called[2].starts_with(&format!("{second}: called W-002 to ")),
        "{called:?}"
    );
    let out = frontdesk(&db, &["call", "--doctor", "Rao"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        "nobody is waiting for Dr. Anjali Rao"
    );
    // Not here three times (the default limit): back, back, then a no-show.
    let mut said = Vec::new();
    for call in 1..=3 {
        if call > 1 {
            let out = frontdesk(&db, &["call", &first]);
            assert!(out.status.success(), "{}", text(&out.stderr));
            assert!(
                text(&out.stdout).contains(&format!("(call {call})")),
                "{}",
                text(&out.stdout)
            );
        }
        let out = frontdesk(&db, &["call", &first, "--not-here"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        said.push(text(&out.stdout).trim().to_owned());
    }
    assert!(said[0].ends_with("not here at call 1 of 3; back in the queue, in the same place"));
    assert!(
        said[2].ends_with("not here after 3 calls; marked as a no-show"),
        "{said:?}"
    );
    let status =
        "SELECT count(*) FROM appointment WHERE status = 'no_show' AND queue_token = 'W-001'";
    assert_eq!(count(&db, status), 1);
    let calls = "SELECT count(*) FROM audit_event WHERE action = 'called'";
    assert_eq!(count(&db, calls), 5);
    // Not here for someone not called: refused, nothing changed.
    let before = count(&db, "SELECT count(*) FROM audit_event");
    let out = frontdesk(&db, &["call", &first, "--not-here"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("call them first"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(count(&db, "SELECT count(*) FROM audit_event"), before);
    let out = frontdesk(&db, &["call"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--doctor NAME or --room NAME"));
}
