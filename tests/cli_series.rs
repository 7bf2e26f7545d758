//! `frontdesk book --repeat` and the narrowed `frontdesk slots`, run as a user would: the real
//! binary against a demo clinic in America/New_York (its 2026-11-01 change) in a temporary
//! database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// 08:00 EDT on Tuesday 2026-10-27.
const NOW: &str = "2026-10-27T12:00:00Z";

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn new_york() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let desk = Self { _dir: dir, db };
        let out = desk.run(&[
            "demo",
            "--appointments",
            "1500",
            "--tz",
            "America/New_York",
            "--today",
            "2026-10-27",
        ]);
        assert!(out.status.success(), "demo: {}", text(&out.stderr));
        desk
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_frontdesk"))
            .arg("--db")
            .arg(&self.db)
            .args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(args)
            .env("FRONTDESK_NOW", NOW)
            .env_remove("FRONTDESK_DB")
            .output()
            .expect("run frontdesk")
    }

    fn count(&self, sql: &str) -> i64 {
        count(&self.db, sql)
    }

    /// The first doctor by name.
    fn doctor(&self) -> String {
        rusqlite::Connection::open(&self.db)
            .expect("raw")
            .query_row("SELECT name FROM doctor ORDER BY name LIMIT 1", [], |r| {
                r.get(0)
            })
            .expect("a doctor")
    }
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("raw")
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
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

fn totals(desk: &Desk) -> (i64, i64, i64) {
    (
        desk.count("SELECT count(*) FROM appointment"),
        desk.count("SELECT count(*) FROM audit_event"),
        desk.count("SELECT count(*) FROM series"),
    )
}

/// A Tuesday/Thursday series at 07:00, before the clinic opens: every occurrence conflicts.
fn early_series<'a>(doctor: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "book",
        "--patient",
        "Grace Park",
        "--new-patient",
        "--phone",
        "+1 212 555 0199",
        "--doctor",
        doctor,
        "--start",
        "2026-10-27 07:00",
        "--repeat",
        "weekly;interval=1;byday=TU,TH;count=4",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn a_conflicting_series_saves_nothing_and_names_every_date() {
    let desk = Desk::new_york();
    let doctor = desk.doctor();
    let before = totals(&desk);
    let out = desk.run(&early_series(&doctor, &[]));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("4 of the 4 occurrences conflict, so nothing was saved"),
        "{err}"
    );
    for date in [
        "2026-10-27 07:00",
        "2026-10-29 07:00",
        "2026-11-03 07:00",
        "2026-11-05 07:00",
    ] {
        assert!(err.contains(date), "{date}: {err}");
    }
    assert!(err.contains("closed then"), "{err}");
    assert_eq!(totals(&desk), before, "nothing changed");
    assert_eq!(
        desk.count("SELECT count(*) FROM patient WHERE name = 'Grace Park'"),
        0
    );
    let out = desk.run(&early_series(&doctor, &["--skip-conflicts"]));
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("none of the 4 occurrences can be booked"));
    assert_eq!(totals(&desk), before);
}

#[test]
fn a_contradictory_rule_books_nothing_and_says_why() {
    let desk = Desk::new_york();
    let doctor = desk.doctor();
    let before = totals(&desk);
    for (rule, says) in [
        (
            "FREQ=DAILY;COUNT=2;UNTIL=20261215",
            "both a count and an end date",
        ),
        (
            "daily;until=2026-10-26;count=3",
            "both a count and an end date",
        ),
        ("weekly;count=2;count=5", "gives count twice"),
        ("daily;until=2026-10-26", "before its first date 2026-10-27"),
    ] {
        let mut args = early_series(&doctor, &["--skip-conflicts"]);
        let at = args
            .iter()
            .position(|a| *a == "--repeat")
            .expect("--repeat")
            + 1;
        args[at] = rule;
        let out = desk.run(&args);
        assert!(!out.status.success(), "{rule}");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{rule}: {err}");
        assert_eq!(totals(&desk), before, "{rule}: nothing changed");
    }
}

#[test]
fn an_overbooked_series_keeps_its_wall_time_across_the_change() {
    let desk = Desk::new_york();
    let doctor = desk.doctor();
    let before = totals(&desk);
    let out = desk.run(&early_series(
        &doctor,
        &["--overbook", "Early physio block"],
    ));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Registered new patient Grace Park"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Booked a series of 4 for Grace Park: every week on Tue and Thu, 4 times at 07:00 (America/New_York)"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("(overbooked)").count(), 4, "{stdout}");
    assert_eq!(totals(&desk), (before.0 + 4, before.1 + 4, before.2 + 1));
    assert_eq!(
        desk.count("SELECT count(*) FROM audit_event WHERE reason = 'Early physio block'"),
        4
    );
    // On the agenda: 07:00 every time, UTC-4 before the change and UTC-5 after.
    let mut starts = Vec::new();
    for date in ["2026-10-27", "2026-10-29", "2026-11-03", "2026-11-05"] {
        let out = desk.run(&["agenda", "--date", date, "--format", "json"]);
        assert!(out.status.success());
        starts.extend(
            json_lines(&out)
                .into_iter()
                .filter(|e| e["patient"] == "Grace Park")
                .map(|e| e["start"].as_str().unwrap_or_default().to_owned()),
        );
    }
    assert_eq!(
        starts,
        [
            "2026-10-27T07:00:00-04:00",
            "2026-10-29T07:00:00-04:00",
            "2026-11-03T07:00:00-05:00",
            "2026-11-05T07:00:00-05:00",
        ]
    );
    let check = desk.run(&["check"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}

#[test]
fn bad_repeat_rules_are_explained_and_change_nothing() {
    let desk = Desk::new_york();
    let doctor = desk.doctor();
    let before = totals(&desk);
    for (rule, says) in [
        ("monthly;count=3", "is not daily or weekly"),
        ("weekly;byday=TU", "has no end"),
        (
            "weekly;count=200",
            "200 occurrences is more than the most a series may have, 104",
        ),
        ("daily;until=2027-12-31", "more than 104 occurrences"),
    ] {
        let out = desk.run(&[
            "book",
            "--patient",
            "Grace Park",
            "--new-patient",
            "--doctor",
            &doctor,
            "--start",
            "2026-10-27 07:00",
            "--repeat",
            rule,
        ]);
        assert!(!out.status.success(), "{rule}");
        let err = text(&out.stderr);
        assert!(err.contains(says), "{rule}: {err}");
        assert_eq!(totals(&desk), before);
    }
    let out = desk.run(&[
        "book",
        "--patient",
        "Grace Park",
        "--new-patient",
        "--doctor",
        &doctor,
        "--walk-in",
        "--repeat",
        "weekly;count=2",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("cannot be used with"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn slots_within_a_window_and_a_last_date() {
    let desk = Desk::new_york();
    let out = desk.run(&[
        "slots",
        "--minutes",
        "30",
        "--after",
        "14:00",
        "--before",
        "15:00",
        "--to",
        "2026-11-06",
        "--from",
        "2026-10-30",
        "--count",
        "300",
        "--room",
        "any",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let slots = json_lines(&out);
    assert!(!slots.is_empty());
    for s in &slots {
        let start = s["start"].as_str().unwrap();
        let end = s["end"].as_str().unwrap();
        assert!(&start[11..16] >= "14:00" && &end[11..16] <= "15:00", "{s}");
        assert!(&start[..10] <= "2026-11-06", "{s}");
        assert!(s["doctor"].is_string() && s["room"].is_string(), "{s}");
    }
    // Across the change the window stays 14:00–15:00 wall time.
    assert!(
        slots
            .iter()
            .any(|s| s["start"].as_str().unwrap().ends_with("-05:00"))
    );
    for (args, says) in [
        (vec!["--after", "25:00"], "\"25:00\" is not a time of day"),
        (
            vec!["--after", "15:00", "--before", "14:00"],
            "ends before it starts",
        ),
        (vec!["--to", "2026-10-01"], "is before the search starts"),
        (vec!["--to", "soon"], "--to"),
    ] {
        let mut all = vec!["slots", "--minutes", "30"];
        all.extend(args);
        let out = desk.run(&all);
        assert!(!out.status.success(), "{all:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{all:?}: {}",
            text(&out.stderr)
        );
    }
}
