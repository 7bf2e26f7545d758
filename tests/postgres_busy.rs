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

/// A database that cannot keep every script's names (not UTF-8) is refused before anything is
/// written to it, saying how to make one that can.
#[test]
fn a_database_that_is_not_utf8_is_refused_untouched() {
    let Some(server) = Postgres::server() else {
        let _ = Postgres::available();
        return;
    };
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("admin");
    let name = format!("ascii_{}", uuid::Uuid::new_v4().simple());
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {name} ENCODING 'SQL_ASCII' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"
        ))
        .expect("an ASCII database");
    // The same server, that database.
    let (base, query) = server.split_once('?').unwrap_or((server.as_str(), ""));
    let at = base.rfind('/').expect("a database in the URL");
    let url = format!("{}/{name}?{query}", &base[..at]);
    let err = frontdesk::store::PostgresStore::open(&url).expect_err("not UTF-8");
    assert!(err.to_string().contains("ENCODING 'UTF8'"), "{err}");
    let mut there = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let tables: i64 = there
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(tables, 0, "nothing was created");
    drop(there);
    let _ = admin.batch_execute(&format!("DROP DATABASE {name}"));
}
