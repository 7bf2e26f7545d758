//! Backups and restores while other desks keep booking, with real processes: several writers
//! run `frontdesk book` back to back (each a process that opens the database, books and
//! exits, as desks and scripts do) while `frontdesk restore` and `frontdesk backup` run, over
//! and over. Nothing acknowledged is lost: every booking that printed "Booked" is in the
//! database or in one of the copies a restore kept; no file is damaged; no writer fails; and
//! each backup holds every booking acknowledged before it started.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

/// `frontdesk --db DB ARGS` at a desk of its own: the database's folder is its home and state
/// folder, and no daily backup starts beside the commands (the backups and restores raced here
/// are the explicit ones), so nothing of the machine's own state folder takes part.
fn frontdesk(db: &Path, args: &[&str]) -> Output {
    let home = db.parent().expect("the database is in a folder");
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("FRONTDESK_NOW", NOW)
        .env("FRONTDESK_KEEP_BACKUPS", "0")
        .env_remove("FRONTDESK_DB")
        .env_remove("FRONTDESK_AS")
        .env_remove("FRONTDESK_LOG")
        .output()
        .expect("run frontdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The appointment ids in a database file (opened read-only, as a second pair of eyes).
fn ids(db: &Path) -> BTreeSet<String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    let mut stmt = conn.prepare("SELECT id FROM appointment").expect("prepare");
    stmt.query_map([], |r| r.get::<_, uuid::Uuid>(0))
        .expect("query")
        .map(|r| r.expect("row").to_string())
        .collect()
}

fn integrity(db: &Path) -> String {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open")
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity")
}

/// A demo clinic with one extra patient the writers book, and a good backup of it.
fn clinic(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("clinic.sqlite3");
    let out = frontdesk(
        &db,
        &[
            "demo",
            "--appointments",
            "300",
            "--today",
            "2026-11-24",
            "--seed",
            "5",
        ],
    );
    assert!(out.status.success(), "demo: {}", text(&out.stderr));
    let out = frontdesk(
        &db,
        &[
            "book",
            "--patient",
            "Race Tester",
            "--new-patient",
            "--phone",
            "+91 90000 00001",
            "--doctor",
            "Rao",
            "--start",
            "2026-12-01 09:00",
            "--overbook",
            "race test",
        ],
    );
    assert!(out.status.success(), "first booking: {}", text(&out.stderr));
    let good = dir.join("good-backup.sqlite3");
    let out = frontdesk(&db, &["backup", good.to_str().expect("path")]);
    assert!(out.status.success(), "backup: {}", text(&out.stderr));
    (db, good)
}

/// The uuid a successful `book` printed at the end of its first line.
fn booked_id(stdout: &str) -> Option<String> {
    let first = stdout.lines().next()?;
    if !first.starts_with("Booked ") {
        return None;
    }
    first.rsplit(": ").next().map(str::to_owned)
}

/// Writers booking back to back until `stop`; every acknowledged id goes to `acked` with the
/// moment it was acknowledged.
fn writers(
    db: &Path,
    count: usize,
    stop: &Arc<AtomicBool>,
    acked: &Arc<Mutex<Vec<(Instant, String)>>>,
) -> Vec<std::thread::JoinHandle<Vec<String>>> {
    const DOCTORS: [&str; 4] = ["Rao", "Mehta", "Nair", "Iyer"];
    (0..count)
        .map(|w| {
            let db = db.to_path_buf();
            let stop = stop.clone();
            let acked = acked.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                let mut n = 0u32;
                while !stop.load(Ordering::Relaxed) {
                    // A distinct quarter hour per writer and booking, weeks ahead.
                    let day = 2 + n / 32;
                    let slot = n % 32;
                    let start = format!(
                        "2027-01-{:02} {:02}:{:02}",
                        1 + day % 28,
                        8 + slot / 4,
                        (slot % 4) * 15
                    );
                    let out = frontdesk(
                        &db,
                        &[
                            "book",
                            "--patient",
                            "Race Tester",
                            "--phone",
                            "+91 90000 00001",
                            "--doctor",
                            DOCTORS[w % DOCTORS.len()],
                            "--start",
                            &start,
                            "--minutes",
                            "5",
                            "--overbook",
                            "race test",
                        ],
                    );
                    let stdout = text(&out.stdout);
                    match (out.status.success(), booked_id(&stdout)) {
                        (true, Some(id)) => acked.lock().expect("acks").push((Instant::now(), id)),
                        _ => {
                            failures.push(format!("book {start}: {}{}", stdout, text(&out.stderr)))
                        }
                    }
                    n += 1;
                }
                failures
            })
        })
        .collect()
}

fn kept_copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            name.contains(".replaced-") && name.ends_with(".sqlite3")
        })
        .collect()
}

#[test]
fn restores_and_backups_while_desks_keep_booking_lose_nothing_and_damage_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic(dir.path());
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(Mutex::new(Vec::new()));
    let handles = writers(&db, 3, &stop, &acked);
    let acks = || acked.lock().expect("acks").len();
    let wait_for_acks = |at_least: usize| {
        let started = Instant::now();
        while acks() < at_least {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the writers book nothing"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let mut backups = Vec::new();
    // Bookings acknowledged before a restore finished were replaced by it (they are in the
    // copy it kept); a backup must hold those acknowledged since.
    let mut last_restore = Instant::now();
    for round in 0..4 {
        wait_for_acks(acks() + 6);
        // A backup while the writers go on: it holds every booking acknowledged before it.
        let copy = dir.path().join(format!("during-{round}.sqlite3"));
        let before: BTreeSet<String> = acked
            .lock()
            .expect("acks")
            .iter()
            .filter(|(at, _)| *at > last_restore)
            .map(|(_, id)| id.clone())
            .collect();
        assert!(!before.is_empty());
        let out = frontdesk(&db, &["backup", copy.to_str().expect("path")]);
        assert!(
            out.status.success(),
            "backup {round}: {}",
            text(&out.stderr)
        );
        backups.push((copy, before));
        wait_for_acks(acks() + 6);
        // A restore while the writers go on.
        let out = frontdesk(&db, &["restore", good.to_str().expect("path")]);
        assert!(
            out.status.success(),
            "restore {round}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        last_restore = Instant::now();
    }
    wait_for_acks(acks() + 6);
    stop.store(true, Ordering::Relaxed);
    let failures: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("writer"))
        .collect();
    assert!(
        failures.is_empty(),
        "writers failed:\n{}",
        failures.join("\n")
    );

    let kept = kept_copies(dir.path());
    assert_eq!(kept.len(), 4, "each restore kept what it replaced");
    let mut everywhere = ids(&db);
    assert_eq!(integrity(&db), "ok");
    for file in &kept {
        assert_eq!(integrity(file), "ok", "{}", file.display());
        everywhere.extend(ids(file));
    }
    let acked: Vec<String> = acked
        .lock()
        .expect("acks")
        .iter()
        .map(|(_, id)| id.clone())
        .collect();
    let lost: Vec<&String> = acked
        .iter()
        .filter(|id| !everywhere.contains(*id))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged bookings are in neither the database nor a kept copy: {lost:?}",
        lost.len(),
        acked.len()
    );
    for (copy, before) in &backups {
        assert_eq!(integrity(copy), "ok", "{}", copy.display());
        let has = ids(copy);
        let missing: Vec<&String> = before.iter().filter(|id| !has.contains(*id)).collect();
        assert!(
            missing.is_empty(),
            "{} lacks bookings acknowledged before it started: {missing:?}",
            copy.display()
        );
    }
    let out = frontdesk(&db, &["check"]);
    assert!(out.status.success(), "check: {}", text(&out.stdout));
}

#[test]
fn a_restore_waits_for_a_window_that_holds_the_database_and_then_refuses_with_a_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic(dir.path());
    // A long-lived store, as an open window holds one.
    let window = frontdesk::store::SqliteStore::open(&db).expect("a window opens it");
    let before = ids(&db);
    let started = Instant::now();
    let out = frontdesk(&db, &["restore", good.to_str().expect("path")]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("open in another Frontdesk window") && err.contains("nothing was changed"),
        "{err}"
    );
    assert!(
        started.elapsed() >= frontdesk::store::backup::RESTORE_WAIT,
        "it waited for the window to close before giving up"
    );
    drop(window);
    assert!(ids(&db) == before, "the database is untouched");
    assert!(kept_copies(dir.path()).is_empty());
    // With the window closed, the same restore goes through.
    let out = frontdesk(&db, &["restore", good.to_str().expect("path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
