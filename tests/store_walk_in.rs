//! Several processes booking walk-ins with one doctor at once, as several desks do: every one is
//! booked, each at its own time (the real binary, as a receptionist runs it, on an SQLite file
//! and on a PostgreSQL database). How the store finds a walk-in's time is the store contract's
//! (`tests/contract/walk_in.rs`); sixteen desks on PostgreSQL are `tests/desks_postgres.rs`.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::{Postgres, Sqlite, TestBackend};

#[test]
fn desks_booking_walk_ins_at_once_each_get_the_next_free_time() {
    desks_booking_walk_ins::<Sqlite>();
}

#[test]
fn desks_booking_walk_ins_at_once_each_get_the_next_free_time_on_postgres() {
    desks_booking_walk_ins::<Postgres>();
}

/// Desks booking walk-ins with one doctor at once: real `frontdesk book --walk-in`
/// processes, four desks of four each, all started together, on a new database of engine `B`.
fn desks_booking_walk_ins<B: TestBackend>() {
    const DESKS: usize = 4;
    const EACH: usize = 4;
    if !B::available() {
        return;
    }
    let (store, home) = B::fresh();
    drop(store);
    let db = B::locator(&home);
    let dir = tempfile::tempdir().expect("dir");
    let command = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.arg("--db")
            .arg(&db)
            .args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(args)
            .env("HOME", dir.path())
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("FRONTDESK_NOW", "2026-11-24T04:00:00Z")
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_AS")
            .env_remove("FRONTDESK_TEST_PANIC");
        cmd
    };
    let demo = command(&["demo", "--appointments", "0", "--today", "2026-11-24"])
        .output()
        .expect("demo");
    assert!(demo.status.success());
    let results: Vec<(bool, String)> = std::thread::scope(|scope| {
        let desks: Vec<_> = (0..DESKS)
            .map(|desk| {
                let command = &command;
                scope.spawn(move || {
                    (0..EACH)
                        .map(|n| {
                            let who = desk * EACH + n;
                            let name = format!("Walk {who}");
                            let phone = format!("+91 90000 {who:05}");
                            let out = command(&[
                                "book",
                                "--patient",
                                &name,
                                "--new-patient",
                                "--phone",
                                &phone,
                                "--doctor",
                                "rao",
                                "--walk-in",
                            ])
                            .output()
                            .expect("book");
                            (
                                out.status.success(),
                                String::from_utf8_lossy(&out.stderr).into_owned(),
                            )
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
    let refused: Vec<&String> = results
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, e)| e)
        .collect();
    assert!(refused.is_empty(), "every walk-in is booked: {refused:#?}");
    let agenda = command(&["agenda", "--date", "2026-11-24", "--format", "json"])
        .output()
        .expect("agenda");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&agenda.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), DESKS * EACH);
    let starts: BTreeSet<&str> = lines
        .iter()
        .map(|l| l["start"].as_str().expect("start"))
        .collect();
    let tokens: BTreeSet<&str> = lines
        .iter()
        .map(|l| l["queue_token"].as_str().expect("token"))
        .collect();
    assert_eq!(starts.len(), DESKS * EACH, "each at its own time");
    assert_eq!(tokens.len(), DESKS * EACH, "each with its own token");
    // One after another from now (09:30), with no gap but Dr. Rao's lunch.
    let mut previous_end: Option<String> = None;
    for l in &lines {
        if let Some(end) = &previous_end
            && end != "2026-11-24T13:00:00+05:30"
        {
            assert_eq!(l["start"].as_str(), Some(end.as_str()), "{lines:#?}");
        }
        previous_end = l["end"].as_str().map(str::to_owned);
    }
}
