//! A database that turns out to be damaged while a store has it open: the check the window
//! runs beside its store, and damage SQLite meets while working, both make every later write
//! refused (with what is wrong and how to restore) in this store and in every store opened
//! afterwards, until a restore replaces the file.
//!
//! SQLite engine only (not part of the store contract, `tests/contract/`): it damages the file's
//! pages through `SqliteStore::connection`.

mod common;

use std::path::Path;

use common::{Clinic1, utc};
use frontdesk::store::{SqliteStore, Store, StoreError, integrity};

/// Folds the log into the file, then overwrites the root page of the appointment table on disk
/// (under the open store's feet).
fn damage_on_disk(store: &mut SqliteStore, db: &Path) {
    let root: i64 = {
        let conn = store.connection();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'appointment'",
            [],
            |r| r.get(0),
        )
        .expect("root")
    };
    let mut bytes = std::fs::read(db).expect("read");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let start = (usize::try_from(root).expect("page") - 1) * page;
    for b in &mut bytes[start + 8..start + 300] {
        *b = 0xA5;
    }
    std::fs::write(db, &bytes).expect("write");
}

fn assert_damaged(err: StoreError) {
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    let said = err.to_string();
    assert!(
        said.contains("is damaged") && said.contains("nothing was written"),
        "{said}"
    );
}

#[test]
fn damage_found_beside_an_open_store_makes_it_and_every_later_store_read_only() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    c.book_ok(
        c.rao,
        None,
        c.asha,
        "2026-06-02 09:00",
        utc("2026-06-01T03:00:00Z"),
    );
    let db = c.path();
    damage_on_disk(&mut c.store, &db);
    let found = integrity::quick_check_file(&db)
        .expect("checked")
        .expect("damage found");
    assert!(found.contains("appointment"), "{found}");
    // A write that touches only sound pages (a new patient) would go through: it is refused.
    let newcomer = common::patient(77, "Newcomer Patient", "+91 90000 07777");
    c.store.mark_damaged(found).expect("marked");
    assert_damaged(c.store.add_patient(&newcomer).expect_err("refused"));
    drop(c.store);
    // A later open remembers it, though the file alone could not say (it was recorded).
    let mut again = SqliteStore::open(&db).expect("opens for reading");
    assert!(again.damage().is_some());
    assert_damaged(again.add_patient(&newcomer).expect_err("refused"));
}

#[test]
fn damage_met_while_working_is_remembered_for_every_later_open() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    c.book_ok(
        c.rao,
        None,
        c.asha,
        "2026-06-02 09:00",
        utc("2026-06-01T03:00:00Z"),
    );
    let db = c.path();
    damage_on_disk(&mut c.store, &db);
    // Forget what the store had read, so it reads the damaged page.
    c.store
        .connection()
        .execute_batch("PRAGMA shrink_memory")
        .expect("shrink");
    let day = frontdesk::scheduling::time::local_day(
        c.zone,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 2).expect("date"),
    );
    let err = c
        .store
        .agenda(c.clinic, day, frontdesk::store::AgendaFilter::All)
        .expect_err("the damaged table cannot be read");
    assert_damaged(err);
    let request = c.request(c.rao, None, c.ravi, "2026-06-02 10:00");
    drop(c.store);
    assert!(
        frontdesk::store::damage_marker(&db).exists(),
        "the damage is recorded beside the file"
    );
    let mut again = SqliteStore::open(&db).expect("opens for reading");
    assert!(again.damage().is_some());
    assert_damaged(
        again
            .book(&request, "maria", utc("2026-06-01T03:00:00Z"))
            .expect_err("refused"),
    );
}

#[test]
fn damage_another_process_records_makes_an_open_store_read_only_at_its_next_write() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let db = c.path();
    let first = common::patient(78, "First Newcomer", "+91 90000 07778");
    c.store
        .add_patient(&first)
        .expect("a sound database takes writes");
    // The daily backup (another process) finds the file damaged and records it.
    frontdesk::store::record_damage(&db, "2 problems in appointment (2)");
    let second = common::patient(79, "Second Newcomer", "+91 90000 07779");
    let err = c.store.add_patient(&second).expect_err("refused");
    assert_damaged(err);
    assert!(
        c.store.damage().is_some_and(|d| d.contains("appointment")),
        "{:?}",
        c.store.damage()
    );
}
