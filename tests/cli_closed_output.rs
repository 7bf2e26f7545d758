//! The command line when nobody reads what it prints: stdout (and stderr) a pipe whose reader
//! has gone, as after `frontdesk … | head -1` or `| true`, or a full disk behind `>`. A command
//! never stops halfway for it and never says a done change was not saved: with a closed pipe it
//! runs to its end and exits with its own status; with any other lost output it says that the
//! command was carried out. The real binary, with a pipe whose reading end is closed before
//! the command starts, so every write meets a broken pipe.

use std::path::Path;
use std::process::Stdio;

mod desk;
use desk::{Desk, text};

/// A demo clinic in a home of its own.
fn new_desk() -> Desk {
    Desk::demo(&["--appointments", "0"])
}

impl Desk {
    /// Runs with stdout a pipe nobody reads any more; returns the status and stderr.
    fn run_unread(&self, args: &[&str]) -> (std::process::ExitStatus, String) {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = self
            .command(args)
            .stdout(Stdio::from(writer))
            .output()
            .expect("run frontdesk");
        (out.status, text(&out.stderr))
    }

    /// Runs with stdout and stderr both pipes nobody reads any more; returns the status.
    fn run_unread_both(&self, args: &[&str]) -> std::process::ExitStatus {
        let (out_reader, out_writer) = std::io::pipe().expect("pipe");
        let (err_reader, err_writer) = std::io::pipe().expect("pipe");
        drop(out_reader);
        drop(err_reader);
        self.command(args)
            .stdout(Stdio::from(out_writer))
            .stderr(Stdio::from(err_writer))
            .status()
            .expect("run frontdesk")
    }

    /// The id the first booking of the day prints.
    fn first_id(&self) -> String {
        let line = self.ok(&["agenda", "--date", "2026-12-01", "--format", "json"]);
        let first: serde_json::Value =
            serde_json::from_str(line.lines().next().expect("a line")).expect("json");
        first["id"].as_str().expect("id").to_owned()
    }
}

/// Nothing a closed pipe may make the command say.
fn assert_quiet(args: &[&str], stderr: &str) {
    for word in [
        "internal error",
        "panicked",
        "not saved",
        "Broken pipe",
        "os error",
    ] {
        assert!(!stderr.contains(word), "{args:?} said {word:?}: {stderr}");
    }
}

const SERIES: &[&str] = &[
    "book",
    "--patient",
    "Asha Iyer",
    "--new-patient",
    "--phone",
    "+91 98450 12345",
    "--doctor",
    "rao",
    "--start",
    "2026-12-01 12:00",
    "--repeat",
    "weekly;count=20",
];

#[test]
fn a_series_booked_into_a_closed_pipe_is_booked_and_says_nothing_else() {
    let desk = new_desk();
    let (status, stderr) = desk.run_unread(SERIES);
    assert!(status.success(), "{status:?}: {stderr}");
    assert_quiet(SERIES, &stderr);
    assert_eq!(desk.appointments(), 20, "every occurrence was booked");
    // A second run is refused as a double booking: the first one was done, and said so.
    let again = desk.run(&[&SERIES[..3], &SERIES[5..]].concat());
    assert!(!again.status.success());
    assert_eq!(desk.appointments(), 20);
}

#[test]
fn every_command_runs_to_its_end_when_its_reader_has_gone() {
    let desk = new_desk();
    desk.ok(SERIES);
    let id = desk.first_id();
    let backup = desk.dir.path().join("by-hand.sqlite3");
    let backup_arg = backup.to_str().expect("utf-8");
    let walk_in = [
        "book",
        "--patient",
        "Ravi Kumar",
        "--new-patient",
        "--phone",
        "+91 98450 22222",
        "--doctor",
        "rao",
        "--walk-in",
    ];
    let cases: Vec<Vec<&str>> = vec![
        walk_in.to_vec(),
        vec!["slots", "--minutes", "15", "--count", "500"],
        vec![
            "slots",
            "--minutes",
            "15",
            "--count",
            "50",
            "--format",
            "json",
        ],
        vec!["history", &id],
        vec!["agenda", "--date", "2026-12-01"],
        vec!["agenda", "--date", "2026-12-01", "--format", "json"],
        vec![
            "report",
            "doctors",
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-31",
        ],
        vec!["waitlist", "list"],
        vec!["check"],
        vec!["backup", backup_arg],
        vec!["restore", backup_arg],
    ];
    for args in &cases {
        let (status, stderr) = desk.run_unread(args);
        assert!(status.success(), "{args:?}: {status:?}: {stderr}");
        assert_quiet(args, &stderr);
    }
    // The walk-in was booked, the backup written, and the restore kept the file it replaced.
    assert_eq!(desk.appointments(), 21);
    assert!(backup.exists());
    let kept = std::fs::read_dir(desk.dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains(".replaced-"));
    assert!(kept, "the restore kept the database it replaced");
}

#[test]
fn progress_on_a_closed_stderr_does_not_stop_an_import() {
    let desk = new_desk();
    let file = desk.dir.path().join("patients.csv");
    let mut csv = "name,phone\n".to_owned();
    for n in 0..50 {
        csv += &format!("Patient {n},+91 98450 {n:05}\n");
    }
    std::fs::write(&file, csv).expect("csv");
    let before = desk.count("SELECT count(*) FROM patient");
    let status = desk.run_unread_both(&["import", "patients", file.to_str().expect("utf-8")]);
    assert!(status.success(), "{status:?}");
    assert_eq!(desk.count("SELECT count(*) FROM patient"), before + 50);
}

#[test]
fn output_lost_otherwise_is_said_with_what_was_done() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let desk = new_desk();
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    let out = desk
        .command(SERIES)
        .stdout(Stdio::from(full().expect("/dev/full")))
        .output()
        .expect("run");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the output could not be written")
            && stderr.contains("the command itself was carried out"),
        "{stderr}"
    );
    assert_quiet(SERIES, &stderr.replace("(os error 28)", ""));
    assert_eq!(desk.appointments(), 20, "booked, as the message says");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn the_panic_sentence_does_not_claim_to_know_what_was_saved() {
    let desk = new_desk();
    let out = desk
        .command(&["agenda"])
        .env("FRONTDESK_TEST_PANIC", "x")
        .output()
        .expect("run");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert!(!stderr.contains("was not saved"), "{stderr}");
    assert!(stderr.contains("look"), "{stderr}");
    // With stderr unread too, the hook itself does not panic (which would abort, 134).
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let status = desk
        .command(&["agenda"])
        .env("FRONTDESK_TEST_PANIC", "x")
        .stderr(Stdio::from(writer))
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(101));
}
