//! A desk whose change waits on another desk's unfinished one says so after a while and
//! changes nothing, instead of waiting for ever (PostgreSQL: `lock_timeout`).

mod common;

use common::{Clinic1, Postgres, TestBackend, utc};
use frontdesk::store::{Store, StoreError};

#[test]
fn a_desk_held_up_by_another_says_so_and_changes_nothing() {
    if !Postgres::available() {
        return;
    }
    let mut c = Clinic1::<Postgres>::fresh(chrono_tz::Asia::Kolkata);
    let before = c.store.change_version().expect("version");
    // Another desk that began a change and hangs: it holds the write lock every desk takes.
    let mut other = postgres::Client::connect(&c.home.url(), postgres::NoTls).expect("other");
    other
        .batch_execute("BEGIN; SELECT pg_advisory_xact_lock(1178882891)")
        .expect("hold the write lock");
    let request = c.request(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00");
    let err = c
        .store
        .book(&request, "maria", utc("2026-06-01T03:00:00Z"))
        .expect_err("held up");
    assert!(matches!(err, StoreError::ServerBusy { .. }), "{err}");
    assert!(err.to_string().contains("try again"), "{err}");
    other.batch_execute("ROLLBACK").expect("let go");
    assert_eq!(c.store.change_version().expect("version"), before);
    assert!(c.day("2026-06-02").is_empty(), "nothing was booked");
    // Once the other desk is done, the same booking goes through.
    c.store
        .book(&request, "maria", utc("2026-06-01T03:00:00Z"))
        .expect("books now");
}
