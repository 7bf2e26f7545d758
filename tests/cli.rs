//! The command line, run as a user would: the real binary against temporary databases.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        Self { _dir: dir, db }
    }

    /// A desk with a demo clinic whose "today" is 2026-11-24.
    fn demo() -> Self {
        let desk = Self::new();
        let out = desk.run(&[
            "demo",
            "--appointments",
            "2000",
            "--today",
            "2026-11-24",
            "--seed",
            "7",
        ]);
        assert!(out.status.success(), "demo failed: {}", text(&out.stderr));
        desk
    }

    fn run(&self, args: &[&str]) -> Output {
        frontdesk(&self.db, args)
    }
}

fn frontdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer"])
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

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("raw")
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

#[test]
fn help_lists_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--help")
        .output()
        .expect("run");
    assert!(out.status.success());
    let help = text(&out.stdout);
    for command in ["demo", "agenda", "book", "status", "move", "slots", "check"] {
        assert!(help.contains(command), "help lists {command}: {help}");
    }
}

#[test]
fn demo_is_deterministic_for_a_seed_and_passes_check() {
    let a = Desk::demo();
    let b = Desk::demo();
    let agenda = |d: &Desk| {
        text(
            &d.run(&["agenda", "--date", "2026-11-24", "--format", "json"])
                .stdout,
        )
    };
    assert!(!agenda(&a).is_empty());
    assert_eq!(agenda(&a), agenda(&b), "same seed and date, same clinic");
    let check = a.run(&["check"]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("appointments: 2000"));
    // The report speaks for any engine: which engine checked, references that lead nowhere,
    // and a count for every kind of record the store keeps.
    assert!(text(&check.stdout).contains("engine: SQLite"));
    assert!(text(&check.stdout).contains("broken references: 0"));
    for label in frontdesk::store::CheckReport::COUNTED {
        assert!(
            text(&check.stdout).contains(&format!("\n{label}: ")),
            "{label} is counted"
        );
    }
    let again = a.run(&["demo"]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already holds a clinic"));
}

#[test]
fn agenda_json_has_rfc3339_times_with_the_clinic_offset() {
    let desk = Desk::demo();
    let out = desk.run(&["agenda", "--date", "2026-11-24", "--format", "json"]);
    assert!(out.status.success());
    let rows = json_lines(&out);
    assert!(rows.len() > 100, "a busy day: {}", rows.len());
    for row in &rows {
        for key in [
            "id", "patient", "doctor", "start", "end", "status", "kind", "mode",
        ] {
            assert!(row.get(key).is_some(), "{key} in {row}");
        }
        let start = row["start"].as_str().expect("start");
        assert!(
            start.starts_with("2026-11-24T") && start.ends_with("+05:30"),
            "{start}"
        );
        chrono::DateTime::parse_from_rfc3339(start).expect("RFC 3339");
    }
    let rao = json_lines(&desk.run(&[
        "agenda",
        "--date",
        "2026-11-24",
        "--doctor",
        "rao",
        "--format",
        "json",
    ]));
    assert!(!rao.is_empty() && rao.iter().all(|r| r["doctor"] == "Dr. Anjali Rao"));
    let text_out = desk.run(&["agenda", "--date", "2026-11-24", "--room", "Room 3"]);
    assert!(text(&text_out.stdout).contains("Lotus Family Clinic — Tuesday 24 November 2026"));
}

fn first_live(desk: &Desk, doctor: &str) -> serde_json::Value {
    json_lines(&desk.run(&[
        "agenda",
        "--date",
        "2026-11-24",
        "--doctor",
        doctor,
        "--format",
        "json",
    ]))
    .into_iter()
    .find(|r| r["status"] == "scheduled" || r["status"] == "confirmed")
    .expect("a booked appointment")
}

#[test]
fn booking_an_occupied_slot_fails_naming_it_and_changes_nothing_unless_overbooked() {
    let desk = Desk::demo();
    let taken = first_live(&desk, "Rao");
    let start = chrono::DateTime::parse_from_rfc3339(taken["start"].as_str().expect("start"))
        .expect("time")
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let before = (
        count(&desk.db, "SELECT count(*) FROM appointment"),
        count(&desk.db, "SELECT count(*) FROM audit_event"),
        count(&desk.db, "SELECT count(*) FROM patient"),
    );
    let book = |extra: &[&str]| {
        let mut args = vec![
            "book",
            "--patient",
            "Zoë O'Neill",
            "--new-patient",
            "--phone",
            "+91 90000 22222",
            "--doctor",
            "Rao",
            "--start",
            &start,
        ];
        args.extend_from_slice(extra);
        desk.run(&args)
    };
    let refused = book(&[]);
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    assert!(
        message.contains(taken["id"].as_str().expect("id")),
        "{message}"
    );
    assert!(
        message.contains("already booked") && message.contains("nothing was changed"),
        "{message}"
    );
    let after = (
        count(&desk.db, "SELECT count(*) FROM appointment"),
        count(&desk.db, "SELECT count(*) FROM audit_event"),
        count(&desk.db, "SELECT count(*) FROM patient"),
    );
    assert_eq!(before, after);

    let overbooked = book(&["--overbook", "Doctor will see her between patients"]);
    assert!(overbooked.status.success(), "{}", text(&overbooked.stderr));
    assert!(text(&overbooked.stdout).contains("overbooked"));
    assert_eq!(
        count(
            &desk.db,
            "SELECT count(*) FROM audit_event WHERE action = 'created' AND actor = 'Arjun Iyer' \
             AND reason = 'Doctor will see her between patients'"
        ),
        1
    );
    assert!(desk.run(&["check"]).status.success());
}

#[test]
fn a_time_in_the_new_york_spring_gap_is_refused_with_the_next_valid_time() {
    let desk = Desk::new();
    let demo = frontdesk(
        &desk.db,
        &[
            "demo",
            "--appointments",
            "300",
            "--tz",
            "America/New_York",
            "--today",
            "2026-03-01",
        ],
    );
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(&desk.db)
        .args([
            "book",
            "--patient",
            "Night Owl",
            "--new-patient",
            "--doctor",
            "Rao",
        ])
        .args(["--start", "2026-03-08 02:30", "--overbook", "trying anyway"])
        .args(["--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .env("FRONTDESK_NOW", "2026-03-01T12:00:00Z")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let message = text(&out.stderr);
    assert!(
        message.contains("2026-03-08 02:30 does not exist in America/New_York"),
        "{message}"
    );
    assert!(
        message.contains("next valid time is 2026-03-08 03:00"),
        "{message}"
    );
    assert_eq!(
        count(
            &desk.db,
            "SELECT count(*) FROM patient WHERE name = 'Night Owl'"
        ),
        0
    );
}

#[test]
fn status_changes_need_reasons_where_it_matters_and_are_recorded() {
    let desk = Desk::demo();
    let appointment = first_live(&desk, "Mehta");
    let id = appointment["id"].as_str().expect("id");
    let no_reason = desk.run(&["status", id, "cancel"]);
    assert!(!no_reason.status.success());
    assert!(text(&no_reason.stderr).contains("reason is required"));
    let cancelled = desk.run(&[
        "status", id, "cancel", "--reason", "Travel", "--by", "patient",
    ]);
    assert!(cancelled.status.success(), "{}", text(&cancelled.stderr));
    assert!(text(&cancelled.stdout).contains("cancelled"));
    let again = desk.run(&["status", id, "confirm"]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("cannot confirm an appointment that is cancelled"));
    let history = text(&desk.run(&["history", id]).stdout);
    assert!(
        history.contains("cancelled")
            && history.contains("Travel")
            && history.contains("Arjun Iyer"),
        "{history}"
    );
}

#[test]
fn moving_to_a_free_time_works_and_a_walk_in_gets_a_queue_token() {
    let desk = Desk::demo();
    let appointment = first_live(&desk, "Iyer");
    let id = appointment["id"].as_str().expect("id");
    let moved = desk.run(&[
        "move",
        id,
        "--start",
        "2026-12-15 19:45",
        "--doctor",
        "Imran",
    ]);
    // 19:45 is past Dr. Imran Sheikh's hours, so this is refused first …
    assert!(!moved.status.success());
    assert!(
        text(&moved.stderr).contains("working hours"),
        "{}",
        text(&moved.stderr)
    );
    let slot = text(
        &desk
            .run(&[
                "slots",
                "--minutes",
                "15",
                "--doctor",
                "Imran",
                "--from",
                "2026-12-15",
                "--count",
                "1",
                "--format",
                "json",
            ])
            .stdout,
    );
    let slot: serde_json::Value = serde_json::from_str(slot.trim()).expect("slot json");
    let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().expect("start"))
        .expect("time")
        .format("%Y-%m-%d %H:%M")
        .to_string();
    // … and accepted at a free slot found by `slots`.
    let moved = desk.run(&["move", id, "--start", &start, "--doctor", "Imran"]);
    assert!(moved.status.success(), "{}", text(&moved.stderr));
    let walk_in = desk.run(&[
        "book",
        "--patient",
        "Walk In",
        "--new-patient",
        "--doctor",
        "Rao",
        "--walk-in",
    ]);
    assert!(walk_in.status.success(), "{}", text(&walk_in.stderr));
    assert!(
        text(&walk_in.stdout).contains("queue token: W-"),
        "{}",
        text(&walk_in.stdout)
    );
    assert!(text(&walk_in.stdout).contains("arrived"));
}

#[test]
fn bad_input_gets_a_specific_message_and_changes_nothing() {
    let desk = Desk::demo();
    let before = count(&desk.db, "SELECT count(*) FROM audit_event");
    let cases: [(&[&str], &str); 8] = [
        (
            &[
                "book",
                "--patient",
                "X",
                "--doctor",
                "Rao",
                "--start",
                "tomorrow 9",
            ],
            "YYYY-MM-DD HH:MM",
        ),
        (
            &[
                "book",
                "--patient",
                "Nobody Atall",
                "--doctor",
                "Rao",
                "--start",
                "2026-12-01 10:00",
            ],
            "--new-patient",
        ),
        (
            &[
                "book",
                "--patient",
                "X",
                "--new-patient",
                "--doctor",
                "Dr. Who",
                "--start",
                "2026-12-01 10:00",
            ],
            "no doctor matches",
        ),
        (
            &[
                "book",
                "--patient",
                "X",
                "--new-patient",
                "--doctor",
                "a",
                "--start",
                "2026-12-01 10:00",
            ],
            "matches several doctors",
        ),
        (&["agenda", "--date", "2026-02-30"], "is not a date"),
        (&["status", "not-an-id", "confirm"], "not an appointment id"),
        (&["slots", "--minutes", "0"], "out of range"),
        (
            &[
                "book",
                "--patient",
                "X",
                "--new-patient",
                "--doctor",
                "Rao",
                "--start",
                "2026-12-01 10:00",
                "--overbook",
                " ",
            ],
            "needs a reason",
        ),
    ];
    for (args, expected) in cases {
        let out = desk.run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        let message = text(&out.stderr);
        assert!(message.contains(expected), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{message}");
    }
    assert_eq!(count(&desk.db, "SELECT count(*) FROM audit_event"), before);
    let tz = Desk::new().run(&["demo", "--tz", "Mars/Olympus"]);
    assert!(text(&tz.stderr).contains("not an IANA time zone"));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("letter.txt");
    std::fs::write(&path, "Dear Dr. Rao,\n").expect("write");
    let out = frontdesk(&path, &["agenda"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not a Frontdesk database"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "Dear Dr. Rao,\n"
    );
}

#[test]
fn several_processes_booking_one_slot_leave_exactly_one_booking() {
    let desk = Desk::demo();
    // Five processes started at the same moment, one per thread.
    let db = desk.db.clone();
    let handles: Vec<_> = (0..5)
        .map(|n| {
            let db = db.clone();
            std::thread::spawn(move || {
                frontdesk(
                    &db,
                    &[
                        "book",
                        "--patient",
                        &format!("Sprinter {n}"),
                        "--new-patient",
                        "--doctor",
                        "Kavita",
                        "--start",
                        "2026-12-22 10:00",
                    ],
                )
            })
        })
        .collect();
    let outputs: Vec<Output> = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .collect();
    let winners = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(winners, 1, "exactly one process books the slot");
    for loser in outputs.iter().filter(|o| !o.status.success()) {
        assert!(
            text(&loser.stderr).contains("already booked"),
            "{}",
            text(&loser.stderr)
        );
    }
    assert_eq!(
        count(
            &desk.db,
            "SELECT count(*) FROM patient WHERE name LIKE 'Sprinter %'"
        ),
        1
    );
    assert!(desk.run(&["check"]).status.success());
}

/// What `--db` or `FRONTDESK_DB` names as a URL is never taken for a file (no `postgres:`
/// folder appears), whichever command runs (the store is opened, restored, checked or backed
/// up by its locator): a PostgreSQL server that is not there is said to be unreachable, a kind
/// of database Frontdesk does not know is refused naming the schemes it knows, and neither
/// says the password.
#[test]
fn a_database_url_is_never_a_file_and_never_says_its_password() {
    let dir = tempfile::tempdir().expect("dir");
    let home = tempfile::tempdir().expect("home");
    // A PostgreSQL server that is not there (port 1), and a kind of database Frontdesk does
    // not know: neither may become a file, and neither may say the password.
    let url = "postgres://desk:s3cret@127.0.0.1:1/frontdesk?connect_timeout=5";
    let unknown = "mysql://desk:s3cret@localhost/frontdesk";
    let backup = dir.path().join("copy.sqlite3");
    let backup = backup.to_str().expect("utf-8");
    let commands: [&[&str]; 6] = [
        &["agenda"],
        &["check"],
        &["daily-backup"],
        &["restore", backup],
        &["demo", "--appointments", "0", "--patients", "0"],
        &["reminders", "send"],
    ];
    for (n, args) in commands.iter().enumerate() {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.current_dir(dir.path())
            .args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(*args)
            .env("FRONTDESK_NOW", NOW)
            .env("HOME", home.path())
            .env_remove("XDG_STATE_HOME")
            .env_remove("XDG_DATA_HOME");
        // Half by the flag, half by the environment.
        let mut unknown_cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        unknown_cmd
            .current_dir(dir.path())
            .args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(*args)
            .env("FRONTDESK_NOW", NOW)
            .env("HOME", home.path());
        if n % 2 == 0 {
            cmd.arg("--db").arg(url).env_remove("FRONTDESK_DB");
            unknown_cmd
                .arg("--db")
                .arg(unknown)
                .env_remove("FRONTDESK_DB");
        } else {
            cmd.env("FRONTDESK_DB", url);
            unknown_cmd.env("FRONTDESK_DB", unknown);
        }
        let out = cmd.output().expect("run frontdesk");
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(!said.contains("s3cret"), "{args:?}: {said}");
        if !out.status.success() {
            assert!(
                said.contains("cannot reach the database server postgres://desk:***@127.0.0.1:1/")
                    || said.contains("is not something Frontdesk does for postgres://desk:***@")
                    || said.contains(
                        "postgres://desk:***@127.0.0.1:1/frontdes… is not replaced in place"
                    ),
                "{args:?}: {said}"
            );
        }
        let out = unknown_cmd.output().expect("run frontdesk");
        let said = text(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {said}");
        assert!(said.contains("\"mysql:\""), "{args:?}: {said}");
        assert!(
            said.contains("postgres://, postgresql://"),
            "{args:?}: {said}"
        );
        assert!(!said.contains("s3cret"), "{args:?}: {said}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    // A file whose name starts that way is written as a path.
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .current_dir(dir.path())
        .args(["--db", "./postgres:clinic", "--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(["demo", "--appointments", "0", "--patients", "0"])
        .env("FRONTDESK_NOW", NOW)
        .env("FRONTDESK_KEEP_BACKUPS", "0")
        .env_remove("FRONTDESK_DB")
        .output()
        .expect("run frontdesk");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("postgres:clinic").is_file());
}

/// An empty database says how to fill it, naming it as `--db` takes it (escaped).
#[test]
fn an_empty_database_names_itself_in_the_demo_command() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("new\nclinic.sqlite3");
    let out = frontdesk(&db, &["agenda"]);
    let said = text(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("holds no clinic yet"), "{said}");
    assert!(said.contains("new\\nclinic.sqlite3 demo`"), "{said}");
}
