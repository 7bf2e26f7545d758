//! The command line against absurd input, run as a user would (the real binary): huge,
//! negative and non-numeric numbers, dates out of range, times with seconds, a blank or forged
//! desk name. Each gets a message that names the flag and says what to write, a non-zero exit,
//! and changes nothing. A refusal says its reason once, and a panic prints a fixed sentence
//! that holds no patient data, on stderr and in the log.

mod desk;
use desk::{Desk, text};
use std::process::Output;

/// A demo clinic in a home of its own (database, log and backups in one temporary folder).
fn new_desk() -> Desk {
    Desk::demo(&["--appointments", "0"])
}

impl Desk {
    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("state/frontdesk/frontdesk.log"))
            .unwrap_or_default()
    }

    /// Books a new patient into Dr. Rao's first free slot from 2026-11-25; returns the id.
    fn book(&self, name: &str) -> String {
        let slot = self.ok(&[
            "slots",
            "--minutes",
            "15",
            "--doctor",
            "rao",
            "--from",
            "2026-11-25",
            "--count",
            "1",
            "--format",
            "json",
        ]);
        let slot: serde_json::Value = serde_json::from_str(slot.trim()).expect("json");
        let start = chrono::DateTime::parse_from_rfc3339(slot["start"].as_str().expect("start"))
            .expect("rfc 3339")
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let out = self.ok(&[
            "book",
            "--patient",
            name,
            "--new-patient",
            "--phone",
            "+91 98450 11111",
            "--doctor",
            "rao",
            "--start",
            &start,
        ]);
        out.split_whitespace()
            .find(|w| w.len() == 36 && w.matches('-').count() == 4)
            .expect("the booking prints its id")
            .to_owned()
    }

    /// What a refused command must leave as it was: appointments, patients, audit rows,
    /// waitlist entries.
    fn state(&self) -> Vec<i64> {
        let conn = rusqlite::Connection::open(&self.db).expect("raw");
        [
            "SELECT count(*) FROM appointment",
            "SELECT count(*) FROM patient",
            "SELECT count(*) FROM audit_event",
            "SELECT count(*) FROM waitlist_entry",
        ]
        .iter()
        .map(|sql| conn.query_row(sql, [], |r| r.get(0)).expect(sql))
        .collect()
    }
}

/// Runs each case, expecting a refusal whose message holds every expected part, no panic,
/// and nothing changed.
fn refused(desk: &Desk, cases: &[(Vec<&str>, &[&str])]) {
    let before = desk.state();
    for (args, parts) in cases {
        let out = desk.run(args);
        let message = text(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail: {message}");
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {message}");
        for part in *parts {
            assert!(
                message.contains(part),
                "{args:?}: wanted {part:?} in {message}"
            );
        }
        assert!(
            !message.contains("panicked") && !message.contains("internal error"),
            "{args:?}: {message}"
        );
        assert!(text(&out.stdout).is_empty(), "{args:?} printed a result");
    }
    assert_eq!(desk.state(), before, "a refused command changed nothing");
}

fn book_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "book",
        "--patient",
        "Zainab Ansari",
        "--new-patient",
        "--phone",
        "+91 98450 22222",
        "--doctor",
        "rao",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn every_numeric_flag_refuses_huge_negative_and_non_numbers_with_its_range() {
    let desk = new_desk();
    let minutes = "give 1 to 480 minutes";
    refused(
        &desk,
        &[
            (
                book_args(&["--start", "2026-11-25 10:00", "--minutes", "1000000000000"]),
                &["--minutes", "1000000000000 is out of range", minutes],
            ),
            (
                book_args(&["--start", "2026-11-25 10:00", "--minutes", "-5"]),
                &["--minutes", "-5 is out of range", minutes],
            ),
            (
                book_args(&["--start", "2026-11-25 10:00", "--minutes=-5"]),
                &["-5 is out of range", minutes],
            ),
            (
                book_args(&["--start", "2026-11-25 10:00", "--minutes", "0"]),
                &["0 is out of range", minutes],
            ),
            (
                book_args(&[
                    "--start",
                    "2026-11-25 10:00",
                    "--minutes",
                    "9223372036854775807",
                ]),
                &["is out of range", minutes],
            ),
            (
                book_args(&["--start", "2026-11-25 10:00", "--minutes", "half an hour"]),
                &["\"half an hour\" is not a whole number", minutes],
            ),
            (
                vec!["slots", "--minutes", "481"],
                &["--minutes", "481 is out of range", minutes],
            ),
            (
                vec![
                    "slots",
                    "--minutes",
                    "30",
                    "--count",
                    "100000000000000000000",
                ],
                &["--count", "is out of range: give 1 to 500 slots"],
            ),
            (
                vec!["slots", "--minutes", "30", "--days", "-1"],
                &["--days", "-1 is out of range: give 1 to 366 days"],
            ),
            (
                vec!["slots", "--minutes", "30", "--days", "9223372036854775807"],
                &["--days", "is out of range: give 1 to 366 days"],
            ),
            (
                vec!["agenda", "--days", "4294967296"],
                &["--days", "4294967296 is out of range: give 1 to 366 days"],
            ),
            (
                vec!["agenda", "--days", "0"],
                &["--days", "0 is out of range: give 1 to 366 days"],
            ),
            (
                vec!["--keep-backups", "-1", "agenda"],
                &["--keep-backups", "-1 is out of range: give 0 to 1000"],
            ),
            (
                vec!["reminders", "outbox", "--limit", "-1"],
                &["--limit", "-1 is out of range: give 1 to 10000"],
            ),
            (
                vec![
                    "waitlist",
                    "add",
                    "--patient",
                    "Zainab Ansari",
                    "--minutes",
                    "99999999999",
                ],
                &["--minutes", "99999999999 is out of range", minutes],
            ),
            (
                vec!["demo", "--appointments", "99999999999999"],
                &["--appointments", "is out of range: give 0 to 5000000"],
            ),
            (
                vec!["demo", "--patients", "-1"],
                &["--patients", "-1 is out of range: give 0 to 1000000"],
            ),
            (
                vec!["demo", "--seed", "-1"],
                &["--seed", "-1 is out of range"],
            ),
        ],
    );
    // The environment variable is read through the same check.
    let out = desk
        .bare()
        .env("FRONTDESK_KEEP_BACKUPS", "18446744073709551616")
        .arg("agenda")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("is out of range: give 0 to 1000"));
}

#[test]
fn dates_out_of_range_and_times_with_seconds_are_refused_with_what_to_write() {
    let desk = new_desk();
    let id = desk.book("Farhan Qureshi");
    let range = "give a date from 1900-01-01 to 2199-12-31";
    refused(
        &desk,
        &[
            (
                vec!["agenda", "--date", "+262142-12-31", "--days", "366"],
                &["--date \"+262142-12-31\" is out of range", range],
            ),
            (
                book_args(&[
                    "--start",
                    "+262142-12-31 09:00",
                    "--repeat",
                    "daily;count=5",
                ]),
                &["--start", "is out of range", range],
            ),
            (
                book_args(&["--start", "2200-01-01 09:00"]),
                &["--start \"2200-01-01 09:00\" is out of range", range],
            ),
            (
                book_args(&["--start", "2026-11-25 10:00:17"]),
                &[
                    "--start \"2026-11-25 10:00:17\" has seconds",
                    "write 2026-11-25 10:00",
                ],
            ),
            (
                vec!["move", &id, "--start", "2026-11-26 10:00:59"],
                &["--start", "has seconds", "write 2026-11-26 10:00"],
            ),
            (
                vec!["slots", "--minutes", "30", "--from", "2026-11-25 10:00:30"],
                &["--from", "has seconds"],
            ),
            (
                vec!["slots", "--minutes", "30", "--from", "+262142-12-31"],
                &["--from", "is out of range", range],
            ),
            (
                vec!["slots", "--minutes", "30", "--after", "10:00:30"],
                &["\"10:00:30\" has seconds", "write 10:00"],
            ),
            (
                vec![
                    "waitlist",
                    "add",
                    "--patient",
                    "Farhan Qureshi",
                    "--times",
                    "09:00:30-12:00",
                ],
                &["--times", "has seconds", "write 09:00"],
            ),
            (
                vec![
                    "report",
                    "rooms",
                    "--from",
                    "0001-01-01",
                    "--to",
                    "2026-11-24",
                ],
                &["--from \"0001-01-01\" is out of range", range],
            ),
            (
                book_args(&[
                    "--start",
                    "2026-11-25 10:00",
                    "--repeat",
                    "daily;count=99999999999",
                ]),
                &["--repeat", "is out of range: give 1 to 104"],
            ),
            (
                book_args(&[
                    "--start",
                    "2026-11-25 10:00",
                    "--repeat",
                    "weekly;until=99999-01-01",
                ]),
                &["--repeat", "is not a date"],
            ),
            (
                vec!["--now", "9999-12-31T00:00:00Z", "agenda"],
                &["--now", "is out of range"],
            ),
        ],
    );
}

#[test]
fn whole_minutes_with_zero_seconds_are_accepted_and_stored_whole() {
    let desk = new_desk();
    desk.ok(&book_args(&[
        "--start",
        "2026-11-25 10:00:00",
        "--overbook",
        "test",
    ]));
    desk.ok(&[
        "book",
        "--patient",
        "Zainab Ansari",
        "--doctor",
        "rao",
        "--emergency",
    ]);
    let conn = rusqlite::Connection::open(&desk.db).expect("raw");
    let odd: i64 = conn
        .query_row(
            "SELECT count(*) FROM appointment WHERE start_utc % 60 != 0 OR end_utc % 60 != 0",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(odd, 0, "every stored start and end is a whole minute");
}

#[test]
fn the_name_at_the_desk_is_refused_when_empty_blank_forged_or_too_long() {
    let desk = new_desk();
    let before = desk.state();
    let long = "M".repeat(101);
    for (name, says) in [
        ("", "say who is at the desk"),
        ("   ", "say who is at the desk"),
        (
            "Maria\nbooked by: Dr. Who",
            "holds a control character (\\n)",
        ),
        ("Maria\u{1b}[31m", "holds a control character (\\u{1b})"),
        // Invisible or direction characters only: as refused as in any person's name.
        ("\u{200b}", "holds an invisible character (U+200B)"),
        ("\u{feff}", "holds an invisible character (U+FEFF)"),
        (
            "\u{202e}evil",
            "holds an invisible direction control (U+202E)",
        ),
        (
            "Maria\u{200f}",
            "holds an invisible direction mark (U+200F)",
        ),
        ("\u{200d}Maria", "holds a zero-width joiner (U+200D)"),
        // Issue 12, third review: characters a screen does not show, which the history
        // printed as "created by " and nothing.
        ("\u{34f}", "holds an invisible character (U+034F)"),
        ("\u{fe0f}", "holds a variation selector (U+FE0F)"),
        ("\u{e0100}", "holds a variation selector (U+E0100)"),
        ("\u{301}", "holds a combining mark (U+0301)"),
        (
            "Maria \u{301}",
            "holds a combining mark (U+0301) at character 7",
        ),
        ("!!!", "has no letter or digit"),
        (
            long.as_str(),
            "is 101 characters long: give a name of at most 100",
        ),
    ] {
        for through_env in [false, true] {
            let mut cmd = desk.bare();
            if through_env {
                cmd.env("FRONTDESK_AS", name);
            } else {
                cmd.args(["--as", name]);
            }
            let out = cmd
                .args(book_args(&[
                    "--start",
                    "2026-11-25 10:00",
                    "--overbook",
                    "x",
                ]))
                .output()
                .expect("run");
            let message = text(&out.stderr);
            assert!(!out.status.success(), "{name:?} accepted");
            assert!(message.contains("--as"), "{name:?}: {message}");
            assert!(message.contains(says), "{name:?}: {message}");
            assert!(
                !message.contains([
                    '\u{1b}',
                    '\u{200b}',
                    '\u{feff}',
                    '\u{202e}',
                    '\u{200f}',
                    '\u{34f}',
                    '\u{fe0f}',
                    '\u{e0100}',
                    '\u{301}'
                ]),
                "the message escapes control, invisible and direction characters: {message:?}"
            );
        }
    }
    assert_eq!(desk.state(), before);
    // A name with spaces around it is recorded trimmed.
    let out = desk
        .bare()
        .args(["--as", "  Maria D'Souza  "])
        .env("FRONTDESK_PASSWORD", "demo-receptionist")
        .args(book_args(&[
            "--start",
            "2026-11-25 10:00",
            "--overbook",
            "x",
        ]))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = rusqlite::Connection::open(&desk.db).expect("raw");
    let actor: String = conn
        .query_row(
            "SELECT actor FROM audit_event ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("actor");
    assert_eq!(actor, "Maria D'Souza");
}

#[test]
fn a_refused_status_change_says_its_reason_once() {
    let desk = new_desk();
    let id = desk.book("Lakshmi Menon");
    for (action, reason) in [
        (vec!["cancel"], "a reason is required to cancel"),
        (
            vec!["entered-in-error"],
            "a reason is required to mark as entered in error",
        ),
        (
            vec!["complete"],
            "cannot complete an appointment that is booked",
        ),
        (
            vec!["no-show"],
            "cannot mark as no-show before the appointment's start time",
        ),
    ] {
        let mut args = vec!["status", id.as_str()];
        args.extend(action.iter().copied());
        let out = desk.run(&args);
        assert!(!out.status.success());
        let message = text(&out.stderr);
        assert_eq!(
            message.matches(reason).count(),
            1,
            "{action:?} says it once: {message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    // A refused move names the patient and lists the conflicts, each once.
    let out = desk.run(&["move", &id, "--start", "2026-11-25 03:00"]);
    let message = text(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(message.matches("cannot move").count(), 1, "{message}");
    assert_eq!(
        message.matches("refused, nothing was changed").count(),
        1,
        "{message}"
    );
}

/// Runs with the hidden test switch that panics on purpose with a patient's details in the
/// panic's message.
fn panic_on_purpose(desk: &Desk, args: &[&str]) -> Output {
    desk.bare()
        .env("FRONTDESK_TEST_PANIC", "Asha Iyer, +91 98450 12345")
        .args(["--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn a_panic_says_a_fixed_sentence_and_where_never_its_message() {
    let desk = new_desk();
    // A command, and the window (no command: the switch fires before the window opens).
    for args in [&["agenda"][..], &[][..]] {
        let out = panic_on_purpose(&desk, args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(101), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("frontdesk: internal error at src/cli/panic.rs:"),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        for secret in ["Asha", "98450", "deliberate"] {
            assert!(!stderr.contains(secret), "stderr holds {secret}: {stderr}");
            assert!(!text(&out.stdout).contains(secret));
        }
    }
    let log = desk.log();
    assert_eq!(log.matches("panicked").count(), 2, "{log}");
    assert!(log.contains("location=src/cli/panic.rs:"), "{log}");
    for secret in ["Asha", "98450", "deliberate"] {
        assert!(!log.contains(secret), "the log holds {secret}: {log}");
    }
}

#[test]
fn a_grammar_error_escapes_control_characters_it_quotes() {
    let desk = new_desk();
    // A carriage return would let the rest of the value overwrite the line it is quoted in.
    let out = desk.run(&["agenda", "--format", "json\rtext\u{7}"]);
    let message = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(!message.contains(['\r', '\u{7}', '\u{1b}']), "{message:?}");
    assert!(message.contains("json\\rtext"), "{message}");
}

/// Issue 12, third review: clap's own errors quoted the value raw and whole, so a line break
/// in it forged a line of its own and 300 characters were printed in full.
#[test]
fn a_grammar_error_quotes_at_most_40_characters_and_no_line_break() {
    let desk = new_desk();
    let forged = "Bob\nfrontdesk: Booked Asha Iyer, 2026-12-01 10:30";
    let long = "9".repeat(300);
    let id = "01a2431e-9ea0-76b5-8734-ef692a2fd787";
    for args in [
        vec!["--as", forged, "agenda"],
        vec!["agenda", "--format", forged],
        vec!["--keep-backups", forged, "agenda"],
        vec!["status", id, forged],
        vec!["import", forged, "x.csv"],
        vec!["slots", "--minutes", &long],
        vec!["agenda", "--format", &long],
        vec!["agenda", &long],
    ] {
        let out = desk.bare().args(&args).output().expect("run");
        let message = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        assert!(
            !message.lines().any(|l| l.starts_with("frontdesk: Booked")),
            "{args:?}: a forged line: {message}"
        );
        assert!(!message.contains(&"9".repeat(41)), "{args:?}: {message}");
        assert!(
            message.contains("'Bob\\nfrontdesk: Booked Asha Iyer, 2026-12…'")
                || message.contains(&format!("'{}…'", "9".repeat(40))),
            "{args:?}: {message}"
        );
    }
    let out = desk
        .bare()
        .env("FRONTDESK_AS", forged)
        .arg("agenda")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("'Bob\\nfrontdesk"),
        "{}",
        text(&out.stderr)
    );
    // Help and version are clap's, with status 0.
    let help = desk.run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).starts_with("Appointment scheduler"));
    let version = desk.run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(text(&version.stdout).starts_with("frontdesk "));
}

/// Issue 12, third review: a patient named only with characters a screen does not show was
/// registered, and its name printed as nothing.
#[test]
fn a_new_patient_whose_name_shows_nothing_is_refused() {
    let desk = new_desk();
    let before = desk.state();
    for (name, says) in [
        (
            "\u{fe0f}",
            "holds a variation selector (U+FE0F) at character 1",
        ),
        (
            "\u{e0100}",
            "holds a variation selector (U+E0100) at character 1",
        ),
        (
            "\u{34f}",
            "holds an invisible character (U+034F) at character 1",
        ),
        ("\u{301}", "holds a combining mark (U+0301) at character 1"),
        (
            "\u{301}Asha",
            "holds a combining mark (U+0301) at character 1",
        ),
        ("?? !", "has no letter or digit"),
    ] {
        let out = desk
            .command(&[
                "book",
                "--patient",
                name,
                "--new-patient",
                "--phone",
                "+91 98450 22222",
                "--doctor",
                "rao",
                "--start",
                "2026-11-25 10:00",
            ])
            .output()
            .expect("run");
        let message = text(&out.stderr);
        assert!(!out.status.success(), "{name:?} accepted: {message}");
        assert!(message.contains(says), "{name:?}: {message}");
    }
    assert_eq!(desk.state(), before);
}
