//! Moving a clinic between engines (`store::migrate`, `frontdesk migrate --to`) and a server's
//! backup as a Frontdesk file: everything arrives (the export of everything and every count
//! are equal), a destination that holds a clinic is refused and left as it was, and a copy
//! into a file that exists is refused. Needs the test server (`FRONTDESK_TEST_POSTGRES`).

mod common;

use common::{Clinic1, Postgres, Sqlite, TestBackend, utc};
use frontdesk::export::{ExportQuery, Scope};
use frontdesk::scheduling::*;
use frontdesk::store::{
    Accounts, Locator, Maintenance, PostgresStore, SqliteStore, Store, StoreError,
};

const NOW: &str = "2026-06-01T03:00:00Z";

fn everything(store: &mut dyn Store, clinic: ClinicId) -> frontdesk::export::ExportSet {
    store
        .export_set(&ExportQuery {
            clinic,
            from: None,
            to: None,
            scope: Scope::All,
        })
        .expect("export")
}

fn counts(store: &dyn Store) -> Vec<(&'static str, Option<i64>)> {
    store.check().expect("check").counts
}

/// A clinic with bookings, a walk-in (a queue token), a cancellation and an edit.
fn busy_clinic() -> Clinic1<Sqlite> {
    let mut c = Clinic1::<Sqlite>::fresh(chrono_tz::Asia::Kolkata);
    let first = c.book_ok(c.rao, Some(c.room1), c.asha, "2026-06-02 09:00", utc(NOW));
    c.book_ok(c.mehta, Some(c.room2), c.ravi, "2026-06-02 09:00", utc(NOW));
    c.store
        .change_status(
            first.id,
            &StatusAction::Cancel {
                reason: "patient asked".into(),
                by: CancelledBy::Patient,
            },
            "maria",
            utc(NOW),
        )
        .expect("cancel");
    let mut walk_in = c.request(c.rao, None, c.lata, "2026-06-01 09:00");
    walk_in.kind = Kind::WalkIn;
    walk_in.start = frontdesk::store::Start::At(utc("2026-06-01T03:30:00Z"));
    c.store
        .book(&walk_in, "maria", utc("2026-06-01T03:30:00Z"))
        .expect("walk-in");
    c
}

#[test]
fn a_file_clinic_moves_onto_a_server_whole_and_only_once() {
    if !Postgres::available() {
        return;
    }
    let mut c = busy_clinic();
    for n in 0..3 {
        c.store
            .log_access(&frontdesk::scheduling::access::Access {
                at: utc(NOW),
                desk: "desk-1".into(),
                staff: None,
                name: "Arjun Iyer".into(),
                kind: frontdesk::scheduling::access::AccessKind::SearchedPatients,
                subject: format!("search {n}"),
                detail: String::new(),
            })
            .expect("logged");
    }
    let home = Postgres::home();
    let to = Locator::parse(&home.url()).expect("server");
    let report = frontdesk::store::migrate(&c.store.locator(), &to, &mut |_| {}).expect("migrate");
    assert!(report.rows() > 0);
    let mut server = PostgresStore::open(&home.url()).expect("open");
    assert_eq!(
        everything(&mut server, c.clinic),
        everything(&mut c.store, c.clinic)
    );
    assert_eq!(counts(&server), counts(&c.store));
    // The access log comes along with its chain, and goes on from where it ended.
    let log = |store: &mut dyn Store| {
        store
            .access_log(&frontdesk::store::AccessFilter {
                limit: 100,
                ..Default::default()
            })
            .expect("log")
    };
    assert_eq!(log(&mut server), log(&mut c.store));
    assert_eq!(
        server.check_access_log().expect("check"),
        frontdesk::scheduling::access::ChainCheck::Whole
    );
    let version = server.change_version().expect("version");

    // Again: the server holds a clinic now; nothing changes.
    let err = frontdesk::store::migrate(&c.store.locator(), &to, &mut |_| {}).expect_err("twice");
    assert!(err.to_string().contains("already holds a clinic"), "{err}");
    assert_eq!(counts(&server), counts(&c.store));
    assert_eq!(server.change_version().expect("version"), version);
}

#[test]
fn a_servers_backup_is_a_frontdesk_file_that_brings_the_clinic_back() {
    if !Postgres::available() {
        return;
    }
    let mut c = busy_clinic();
    let first = Postgres::home();
    let first_at = Locator::parse(&first.url()).expect("server");
    frontdesk::store::migrate(&c.store.locator(), &first_at, &mut |_| {}).expect("onto the server");
    let mut server = PostgresStore::open(&first.url()).expect("open");

    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("server-backup.sqlite3");
    server.backup_to(&file, &mut |_| {}).expect("backup");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).expect("file").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a backup holds patient data");
    let mut copy = SqliteStore::open(&file).expect("the backup opens as a clinic");
    assert_eq!(
        everything(&mut copy, c.clinic),
        everything(&mut server, c.clinic)
    );
    assert_eq!(counts(&copy), counts(&server));
    drop(copy);

    // A backup over a file that exists is refused by migrate; the file is kept.
    let err = frontdesk::store::migrate(&first_at, &Locator::Sqlite(file.clone()), &mut |_| {})
        .expect_err("exists");
    assert!(err.to_string().contains("already exists"), "{err}");

    // Restoring in place is refused, saying how; onto a new database it works.
    let err = server
        .restore_from(&file, utc(NOW), &mut |_| {})
        .expect_err("not in place");
    assert!(matches!(err, StoreError::RestoreOntoServer { .. }), "{err}");
    let second = Postgres::home();
    let second_at = Locator::parse(&second.url()).expect("server");
    frontdesk::store::migrate(&Locator::Sqlite(file), &second_at, &mut |_| {}).expect("back");
    let mut restored = PostgresStore::open(&second.url()).expect("open");
    assert_eq!(
        everything(&mut restored, c.clinic),
        everything(&mut c.store, c.clinic)
    );
    assert_eq!(counts(&restored), counts(&c.store));
}

#[test]
fn only_a_move_between_a_file_and_a_server_is_a_migration() {
    let dir = tempfile::tempdir().expect("dir");
    let a = Locator::Sqlite(dir.path().join("a.sqlite3"));
    let b = Locator::Sqlite(dir.path().join("b.sqlite3"));
    let err = frontdesk::store::migrate(&a, &b, &mut |_| {}).expect_err("file to file");
    assert!(
        err.to_string().contains("between a file and a server"),
        "{err}"
    );
    let server = Locator::parse("postgres://desk:s3cret@127.0.0.1:1/frontdesk").expect("address");
    let err = frontdesk::store::migrate(&a, &server, &mut |_| {}).expect_err("no such file");
    assert!(err.to_string().contains("is not there"), "{err}");
    assert!(
        !dir.path().join("a.sqlite3").exists(),
        "a missing source is not created"
    );
    assert!(!err.to_string().contains("s3cret"));
}
