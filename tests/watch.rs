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

/// The queue board's feed (issue 17): a call made at another desk reaches a headless board
/// within a second of being stored, with its token and where to go; the feed reads nothing it
/// was not asked for (no names: the clinic shows tokens).
fn a_call_at_another_desk_reaches_the_board_within_a_second<B: TestBackend>() {
    use frontdesk::gui::board::feed::{self, FeedEvent, Source};
    use frontdesk::scheduling::Kind;
    use frontdesk::store::{CallFor, Locator, Start, WaitingRoom};
    let mut c = Clinic1::<B>::fresh(chrono_tz::Asia::Kolkata);
    let now = utc("2026-06-02T04:30:00Z");
    let mut req = c.request(c.rao, Some(c.room2), c.ravi, "2026-06-02 10:00");
    req.start = Start::At(now);
    req.kind = Kind::WalkIn;
    c.store.book(&req, "maria", now).expect("a walk-in");
    let locator = Locator::parse(&c.locator()).expect("locator");
    let source = Source {
        store: Box::new(c.reopen()),
        locator,
        key: None,
        clinic: c.clinic,
        fixed_now: Some(now),
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || feed::run(source, move |event| sender.send(event).is_ok()));
    // The first board: W-001 waits for Dr. Rao, nobody is called.
    match receiver
        .recv_timeout(Duration::from_secs(10))
        .expect("a first board")
    {
        FeedEvent::Board(board, _) => {
            assert!(board.calling.is_empty());
            assert_eq!(board.lines[0].waiting[0].0.text(), "W-001");
        }
        FeedEvent::Lost(reason) => panic!("lost: {reason}"),
    }
    let mut desk = c.reopen();
    let called_at = Instant::now();
    desk.call_next(c.clinic, CallFor::Doctor(c.rao), "maria", now)
        .expect("call")
        .expect("called");
    let deadline = called_at + Duration::from_secs(1);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(left) {
            Ok(FeedEvent::Board(board, _)) if !board.calling.is_empty() => {
                assert_eq!(board.calling[0].ticket.text(), "W-001");
                assert_eq!(board.calling[0].to, "Room 2");
                assert!(board.lines.is_empty(), "nobody else waits");
                assert!(
                    !format!("{board:?}").contains("Ravi"),
                    "no name on the board"
                );
                break;
            }
            Ok(_) => continue,
            Err(_) => panic!(
                "the call did not reach the board within a second ({:?})",
                called_at.elapsed()
            ),
        }
    }
}

#[test]
fn sqlite_a_call_at_another_desk_reaches_the_board_within_a_second() {
    a_call_at_another_desk_reaches_the_board_within_a_second::<Sqlite>();
}

#[test]
fn postgres_a_call_at_another_desk_reaches_the_board_within_a_second() {
    if Postgres::available() {
        a_call_at_another_desk_reaches_the_board_within_a_second::<Postgres>();
    }
}

/// A board whose server connection is cut (the server restarted) says so at once, and the
/// first board read once the server answers again comes by itself, with what changed meanwhile.
#[test]
fn a_board_whose_server_restarts_says_so_and_comes_back_by_itself() {
    use frontdesk::gui::board::feed::{self, FeedEvent, Source};
    use frontdesk::scheduling::Kind;
    use frontdesk::store::{Locator, Start};
    if !Postgres::available() {
        return;
    }
    let mut c = Clinic1::<Postgres>::fresh(chrono_tz::Asia::Kolkata);
    let name = format!("fdboard{}", std::process::id());
    let url = format!("{}&application_name={name}", c.locator());
    let now = utc("2026-06-02T04:30:00Z");
    let source = Source {
        store: Box::new(frontdesk::store::PostgresStore::open(&url).expect("board store")),
        locator: Locator::parse(&url).expect("locator"),
        key: None,
        clinic: c.clinic,
        fixed_now: Some(now),
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || feed::run(source, move |event| sender.send(event).is_ok()));
    assert!(matches!(
        receiver.recv_timeout(Duration::from_secs(10)),
        Ok(FeedEvent::Board(..))
    ));
    let server = Postgres::server().expect("server");
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("admin");
    let cut = admin
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            &[&name],
        )
        .expect("cut");
    assert!(!cut.is_empty(), "the board was connected");
    let lost = loop {
        match receiver
            .recv_timeout(Duration::from_secs(10))
            .expect("an answer")
        {
            FeedEvent::Lost(reason) => break reason,
            FeedEvent::Board(..) => continue,
        }
    };
    assert!(!lost.is_empty());
    // Meanwhile a walk-in arrives; the board, back, shows it.
    let mut req = c.request(c.rao, None, c.ravi, "2026-06-02 10:00");
    req.start = Start::At(now);
    req.kind = Kind::WalkIn;
    c.store.book(&req, "maria", now).expect("a walk-in");
    loop {
        match receiver
            .recv_timeout(Duration::from_secs(10))
            .expect("an answer")
        {
            FeedEvent::Board(board, _) if !board.lines.is_empty() => {
                assert_eq!(board.lines[0].waiting[0].0.text(), "W-001");
                break;
            }
            _ => continue,
        }
    }
}
