//! A watcher sees a change made by another desk (another store on the same database) within
//! a second, on both engines; reads count nothing; a database that cannot be reached is said.

mod common;

use std::time::{Duration, Instant};

use common::{Clinic1, Postgres, Sqlite, TestBackend, utc};
use frontdesk::store::{Store, Watched, Watcher};

fn watcher_for(locator: &str) -> Watcher {
    if locator.starts_with("postgres") {
        Watcher::postgres(locator).expect("address")
    } else {
        Watcher::sqlite(locator.into())
    }
}

fn another_desk_changes_are_seen_within_a_second<B: TestBackend>() {
    let c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let mut watcher = watcher_for(&c.locator());
    assert_eq!(
        watcher.wait(Duration::from_millis(10)),
        Watched::Quiet,
        "first look"
    );
    // Nothing changed, and reading changes nothing.
    c.store.clinics().expect("read");
    assert_eq!(watcher.wait(Duration::from_millis(300)), Watched::Quiet);

    let mut other = c.reopen();
    let request = c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00");
    let waiting = std::thread::spawn(move || {
        let started = Instant::now();
        let seen = watcher.wait(Duration::from_secs(5));
        (seen, started.elapsed(), watcher)
    });
    std::thread::sleep(Duration::from_millis(200));
    let booked_at = Instant::now();
    other
        .book(&request, "ravi", utc("2026-06-01T03:00:00Z"))
        .expect("the other desk books");
    let (seen, _, mut watcher) = waiting.join().expect("watcher thread");
    let latency = booked_at.elapsed();
    assert_eq!(seen, Watched::Changed);
    assert!(latency < Duration::from_secs(1), "seen after {latency:?}");
    assert_eq!(
        watcher.wait(Duration::from_millis(10)),
        Watched::Quiet,
        "once"
    );
}

#[test]
fn sqlite_another_desk_changes_are_seen_within_a_second() {
    another_desk_changes_are_seen_within_a_second::<Sqlite>();
}

#[test]
fn postgres_another_desk_changes_are_seen_within_a_second() {
    if Postgres::available() {
        another_desk_changes_are_seen_within_a_second::<Postgres>();
    }
}

#[test]
fn a_file_that_is_gone_is_said_and_its_return_reads_as_a_change() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("clinic.sqlite3");
    let mut watcher = Watcher::sqlite(path.clone());
    match watcher.wait(Duration::from_millis(10)) {
        Watched::Lost(reason) => assert!(reason.contains("clinic.sqlite3"), "{reason}"),
        other => panic!("a missing file was {other:?}"),
    }
    drop(frontdesk::store::SqliteStore::open(&path).expect("created"));
    assert_eq!(
        watcher.wait(Duration::from_millis(10)),
        Watched::Changed,
        "back"
    );
}

#[test]
fn a_server_that_does_not_answer_is_said_without_the_password() {
    let mut watcher =
        Watcher::postgres("postgres://desk:s3cret@127.0.0.1:1/frontdesk?connect_timeout=2")
            .expect("address");
    match watcher.wait(Duration::from_millis(10)) {
        Watched::Lost(reason) => {
            assert!(
                reason.contains("cannot reach the database server"),
                "{reason}"
            );
            assert!(!reason.contains("s3cret"), "{reason}");
        }
        other => panic!("an unreachable server was {other:?}"),
    }
}
