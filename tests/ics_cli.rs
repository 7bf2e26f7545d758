//! `frontdesk import appointments` with iCalendar files that once crashed or misled it, run as
//! a user would: the real binary, a demo clinic, and files with absurd numbers, deep nesting, a
//! first line in another script, and a zone named only by the calendar. Each bad file exits
//! non-zero with its line and what is wrong, prints no panic, and writes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z";

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer", "--keep-backups", "0"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .env("FRONTDESK_NOW", NOW)
        .env_remove("FRONTDESK_DB")
        .env_remove("FRONTDESK_KEEP_BACKUPS")
        .output()
        .expect("run frontdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A demo clinic in New York, and the number of its appointments.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("clinic.sqlite3");
    let out = run(
        &db,
        &[
            "demo",
            "--appointments",
            "50",
            "--tz",
            "America/New_York",
            "--today",
            "2026-11-24",
            "--seed",
            "5",
        ],
    );
    assert!(out.status.success(), "demo: {}", text(&out.stderr));
    db
}

fn appointments(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
        .expect("count")
}

/// An event for the demo clinic's first doctor and a new patient (by id and name).
fn event(doctor: &str, times: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:cli-test@example\r\n{times}ORGANIZER;CN={doctor}:mailto:d@example.com\r\n\
         ATTENDEE;CN=Asha Iyer:urn:uuid:01940000-0000-7000-8000-0000000000aa\r\nEND:VEVENT\r\n"
    )
}

fn first_doctor(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT name FROM doctor ORDER BY name LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("doctor")
}

#[test]
fn bad_calendars_exit_non_zero_with_their_line_and_write_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let doctor = first_doctor(&db);
    let before = appointments(&db);
    let calendar = |body: &str| {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{body}END:VCALENDAR\r\n")
    };
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "huge.ics",
            calendar(&event(
                &doctor,
                "DTSTART:20261210T150000Z\r\nDURATION:P9999999999W\r\n",
            )),
            "line 4: DURATION \"P9999999999W\" is longer than ten years",
        ),
        (
            "year.ics",
            calendar(&event(
                &doctor,
                "DTSTART:99991210T150000Z\r\nDURATION:PT30M\r\n",
            )),
            "line 4: DTSTART 99991210T150000Z is in the year 9999",
        ),
        (
            "deep.ics",
            format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:VEVENT\r\n".repeat(300_000)),
            "line 9: BEGIN:VEVENT is nested 9 components deep",
        ),
        (
            "cut.ics",
            calendar(&event(&doctor, "DTSTART:20261210T150000Z\r\n"))
                .replace("END:VEVENT\r\nEND:VCALENDAR\r\n", ""),
            "line 4: the file ends inside the VEVENT",
        ),
        (
            "atlantis.ics",
            calendar(&format!(
                "X-WR-TIMEZONE:Europe/Atlantis\r\n{}",
                event(&doctor, "DTSTART:20261210T100000\r\nDURATION:PT30M\r\n")
            )),
            "\"Europe/Atlantis\"",
        ),
        (
            "cyrillic.csv",
            "Пациент,Врач,Начало\r\nИван,Д-р Рао,2026-12-10 10:00\r\n".to_owned(),
            "column",
        ),
    ];
    for (name, content, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        let out = run(
            &db,
            &["import", "appointments", path.to_str().expect("path")],
        );
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert_eq!(appointments(&db), before, "{name}: nothing written");
    }
}

#[test]
fn a_brussels_calendar_lands_at_brussels_times_in_a_new_york_clinic() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let doctor = first_doctor(&db);
    let path = dir.path().join("brussels.ics");
    std::fs::write(
        &path,
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-TIMEZONE:Europe/Brussels\r\n{}END:VCALENDAR\r\n",
            event(&doctor, "DTSTART:20261210T160000\r\nDURATION:PT30M\r\n")
        ),
    )
    .expect("write");
    let out = run(
        &db,
        &[
            "import",
            "appointments",
            path.to_str().expect("path"),
            "--overbook",
            "test",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(&db, &["agenda", "--date", "2026-12-10", "--format", "json"]);
    let agenda = text(&out.stdout);
    // 16:00 in Brussels is 15:00 UTC, 10:00 in New York.
    assert!(
        agenda
            .lines()
            .any(|l| l.contains("Asha Iyer")
                && l.contains("\"start\":\"2026-12-10T10:00:00-05:00\"")),
        "{agenda}"
    );
}
