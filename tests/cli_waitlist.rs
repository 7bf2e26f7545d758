//! `frontdesk waitlist add|list|remove`, run as a user would: the real binary against a demo
//! database; bad input gets a specific message, a non-zero exit, and changes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    /// A desk with a demo clinic whose "today" is 2026-11-24.
    fn demo() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let desk = Self { _dir: dir, db };
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

    fn entries(&self) -> i64 {
        count(&self.db, "SELECT count(*) FROM waitlist_entry")
            + count(&self.db, "SELECT count(*) FROM waitlist_event")
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

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("raw")
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

/// A patient with a booked appointment later today: (appointment id, name, phone).
fn later_today(desk: &Desk) -> (String, String, String) {
    let out = desk.run(&["agenda", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let row = rows
        .iter()
        .rev()
        .find(|r| r["status"] == "scheduled")
        .expect("a booking later today");
    let s = |k: &str| row[k].as_str().expect(k).to_owned();
    (s("id"), s("patient"), s("phone"))
}

#[test]
fn add_list_and_remove_a_waitlist_entry() {
    let desk = Desk::demo();
    let (held, name, phone) = later_today(&desk);
    let out = desk.run(&[
        "waitlist",
        "add",
        "--patient",
        &name,
        "--phone",
        &phone,
        "--doctor",
        "rao",
        "--type",
        "Follow-up",
        "--days",
        "mon-fri",
        "--times",
        "09:00-12:00",
        "--earliest",
        "2026-11-24",
        "--latest",
        "2026-12-20",
        "--holds",
        &held,
        "--priority",
        "high",
        "--notes",
        "Can come at short notice",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.starts_with(&format!(
            "{name} is on the waitlist for Dr. Anjali Rao (Follow-up 10 min; Mon–Fri 09:00–12:00, from 2026-11-24, until 2026-12-20): "
        )),
        "{said}"
    );
    let id = said.trim().rsplit(' ').next().expect("id").to_owned();

    let out = desk.run(&["waitlist", "list", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r["id"], id.as_str());
    assert_eq!(r["patient"], name.as_str());
    assert_eq!(r["doctor"], "Dr. Anjali Rao");
    assert_eq!(r["minutes"], 10);
    assert_eq!(r["days"], "Mon–Fri");
    assert_eq!(r["times"], "09:00–12:00");
    assert_eq!(r["holds"], held.as_str());
    assert_eq!(r["priority"], 1);
    assert_eq!(r["status"], "waiting");
    assert_eq!(r["created_by"], "Arjun Iyer");
    assert_eq!(r["waiting_since"], "2026-11-24T09:30:00+05:30");

    let out = desk.run(&["waitlist", "list"]);
    let listing = text(&out.stdout);
    assert!(listing.contains(&id), "{listing}");
    assert!(
        listing.contains("waiting 0 min · priority high"),
        "{listing}"
    );
    assert!(
        listing.contains("notes: Can come at short notice"),
        "{listing}"
    );

    let out = desk.run(&["waitlist", "remove", &id, "--reason", "Booked elsewhere"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("{name} is off the waitlist: {id}")
    );
    let out = desk.run(&["waitlist", "list"]);
    assert!(text(&out.stdout).contains("Nobody is waiting."));
    let out = desk.run(&["waitlist", "list", "--all", "--format", "json"]);
    assert!(text(&out.stdout).contains("\"status\":\"removed\""));
    let again = desk.run(&["waitlist", "remove", &id]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("cannot remove a waitlist entry that is removed"),
        "{}",
        text(&again.stderr)
    );
    let log = count(
        &desk.db,
        "SELECT count(*) FROM waitlist_event WHERE actor = 'Arjun Iyer' AND action IN ('added', 'removed')",
    );
    assert_eq!(log, 2);
}

#[test]
fn bad_waitlist_input_is_explained_and_changes_nothing() {
    let desk = Desk::demo();
    let (_, name, phone) = later_today(&desk);
    let ok = desk.run(&["waitlist", "add", "--patient", &name, "--phone", &phone]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let before = desk.entries();
    let cases: [(&[&str], &str); 8] = [
        (
            &["--patient", "Nobody Here"],
            "no patient named \"Nobody Here\": check the spelling",
        ),
        (
            &["--days", "mon-fry"],
            "--days \"mon-fry\": \"fry\" is not a weekday: write days as mon,tue,… or a range such as mon-fri",
        ),
        (
            &["--times", "9-12"],
            "--times \"9-12\" is not a time window: write it as HH:MM-HH:MM, e.g. 09:00-12:00",
        ),
        (
            &["--doctor", "rao", "--times", "12:00-09:00"],
            "the time window ends at 09:00, not after it starts at 12:00: give an end after the start",
        ),
        (
            &[
                "--doctor",
                "rao",
                "--earliest",
                "2026-12-10",
                "--latest",
                "2026-12-01",
            ],
            "the earliest date 2026-12-10 is after the latest date 2026-12-01: swap them or clear one",
        ),
        (
            &["--doctor", "rao", "--latest", "1 Dec"],
            "--latest \"1 Dec\" is not a date: write it as YYYY-MM-DD",
        ),
        (&["--doctor", "nobody"], "no doctor matches \"nobody\""),
        (
            &[],
            "is already on the waitlist for any doctor (since 2026-11-24): edit that entry instead",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["waitlist", "add"];
        if !extra.contains(&"--patient") {
            args.extend(["--patient", name.as_str(), "--phone", phone.as_str()]);
        }
        args.extend_from_slice(extra);
        let out = desk.run(&args);
        assert!(!out.status.success(), "{args:?} must fail");
        let err = text(&out.stderr);
        assert!(
            err.contains(expected),
            "{args:?}: \"{err}\" should say \"{expected}\""
        );
        assert_eq!(desk.entries(), before, "{args:?} changed nothing");
    }
    let out = desk.run(&["waitlist", "remove", "not-an-id"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr)
            .contains("is not a waitlist entry id: copy the id shown by `frontdesk waitlist list`")
    );
}
