//! Opening database files: permissions, files that are not ours, newer, read-only or locked,
//! and the upgrade of an old database from a committed fixture.
//!
//! SQLite engine only (not part of the store contract, `tests/contract/`): it opens files with
//! `SqliteStore` and reads PRAGMAs and locks.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use common::{Clinic1, utc};
use frontdesk::store::schema::{APPLICATION_ID, LATEST_VERSION};
use frontdesk::store::{AgendaFilter, SqliteStore, Store, StoreError, StoreOptions};

const FIXTURE_V1: &str = "tests/data/frontdesk-v1.sqlite3";

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn a_new_database_and_its_wal_are_private_to_the_user() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    c.store
        .book(
            &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
            "maria",
            utc("2026-06-01T03:00:00Z"),
        )
        .expect("book");
    let path = c.path();
    assert_eq!(mode(&path), 0o600);
    let wal = path.with_extension("sqlite3-wal");
    assert!(wal.exists(), "WAL mode is on");
    assert_eq!(mode(&wal), 0o600);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal");
    assert_eq!(journal, "wal");
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("app id");
    assert_eq!(app, APPLICATION_ID);
}

#[test]
fn a_text_file_is_not_a_frontdesk_database_and_is_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.sqlite3");
    std::fs::write(&path, "shopping list: milk, eggs\n").expect("write");
    let err = SqliteStore::open(&path).expect_err("refused");
    assert!(matches!(err, StoreError::NotFrontdesk { .. }), "{err}");
    assert!(
        err.to_string().contains("not a Frontdesk database"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "shopping list: milk, eggs\n"
    );
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a');")
            .expect("other schema");
    }
    let before = std::fs::read(&path).expect("read");
    let err = SqliteStore::open(&path).expect_err("refused");
    assert!(matches!(err, StoreError::NotFrontdesk { .. }), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_database_from_a_newer_frontdesk_is_refused() {
    let c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let path = c.path();
    drop(c.store);
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.pragma_update(None, "user_version", LATEST_VERSION + 7)
            .expect("bump");
    }
    let err = SqliteStore::open(&path).expect_err("newer");
    let message = err.to_string();
    assert!(matches!(err, StoreError::NewerVersion { found, .. } if found == LATEST_VERSION + 7));
    assert!(
        message.contains("newer Frontdesk") && message.contains("update Frontdesk"),
        "{message}"
    );
}

#[test]
fn a_read_only_file_gets_a_clear_error() {
    let c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let path = c.path();
    drop(c.store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).expect("chmod");
    let err = SqliteStore::open(&path).expect_err("read-only");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("chmod u+w"), "{err}");
}

#[test]
fn a_read_only_folder_is_named_as_the_folder_not_the_file() {
    let c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let path = c.path();
    drop(c.store);
    let folder = path.parent().expect("folder").to_path_buf();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let err = SqliteStore::open(&path).expect_err("read-only folder");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
    assert!(matches!(err, StoreError::ReadOnlyFolder { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&format!("the folder {} is read-only", folder.display())),
        "{message}"
    );
    assert!(
        !message.contains("chmod u+w) or open a copy"),
        "not the file's message: {message}"
    );
    // A new database in a read-only folder gets the same message.
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let err = SqliteStore::open(folder.join("new.sqlite3")).expect_err("read-only folder");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
    assert!(matches!(err, StoreError::ReadOnlyFolder { .. }), "{err:?}");
}

#[test]
fn a_directory_is_not_a_database() {
    let dir = tempfile::tempdir().expect("dir");
    let err = SqliteStore::open(dir.path()).expect_err("dir");
    assert!(matches!(err, StoreError::NotFrontdesk { .. }), "{err}");
}

#[test]
fn a_database_locked_by_another_writer_gets_a_clear_error_and_no_change() {
    let c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let path = c.path();
    let request = c.request(c.rao, None, c.asha, "2026-06-02 09:00");
    drop(c.store);
    let holder = rusqlite::Connection::open(&path).expect("raw");
    holder
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let mut store = SqliteStore::open_with(
        &path,
        StoreOptions {
            busy_timeout: Duration::from_millis(200),
            ..StoreOptions::default()
        },
    )
    .expect("reading is still possible");
    let err = store
        .book(&request, "maria", utc("2026-06-01T03:00:00Z"))
        .expect_err("locked");
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(
        err.to_string().contains("busy in another Frontdesk"),
        "{err}"
    );
    assert!(
        err.to_string().contains("clinic.sqlite3"),
        "the path is named: {err}"
    );
    holder.execute_batch("ROLLBACK").expect("release");
    store
        .book(&request, "maria", utc("2026-06-01T03:00:00Z"))
        .expect("books once the other writer is gone");
}

#[test]
fn a_version_1_database_is_upgraded_with_its_data_intact() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(FIXTURE_V1, &path).expect("copy fixture");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, 1, "the fixture must stay at version 1");
    }
    let mut store = SqliteStore::open(&path).expect("upgrade");
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, LATEST_VERSION);
    let clinic = store.clinics().expect("clinics").pop().expect("one clinic");
    assert_eq!(clinic.name, "Old Clinic");
    let window = frontdesk::scheduling::Interval::new(
        utc("2025-01-01T00:00:00Z"),
        utc("2027-01-01T00:00:00Z"),
    );
    let entries = store
        .agenda(clinic.id, window, AgendaFilter::All)
        .expect("agenda");
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|e| e.appointment.sequence == 0 && e.overbook_reason.is_none())
    );
    assert_eq!(entries[0].patient_name, "Old Patient");
    let history = store.history(entries[0].appointment.id).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].actor, "fixture");
    assert!(store.check().expect("check").is_ok());
}

#[test]
fn version_15_keeps_every_rules_words_as_its_english_text_and_translates_only_the_untouched() {
    use frontdesk::i18n::Language;
    use frontdesk::scheduling::reminder::{Channel, Template};
    use frontdesk::scheduling::templates::default_templates;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v14.sqlite3");
    drop(
        SqliteStore::open_with(
            &path,
            StoreOptions {
                target_version: 14,
                ..StoreOptions::default()
            },
        )
        .expect("create v14"),
    );
    // The clinic had reworded its SMS (in Hindi, as some clinics did before there were
    // languages): that wording is kept as it is and not given a translation it never wrote.
    let own = "{clinic}: कल {time} बजे {doctor} के साथ आपका अपॉइंटमेंट है।";
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        let changed = conn
            .execute(
                "UPDATE reminder_rule SET body = ?1 WHERE id = X'0196f1c0000070008000000000000002'",
                [own],
            )
            .expect("reword");
        assert_eq!(changed, 1);
    }
    let store = SqliteStore::open(&path).expect("upgrade");
    let rules = store.reminder_rules().expect("rules");
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0].templates, default_templates(Channel::Email));
    let sms: Vec<(Language, Template)> = rules[1]
        .templates
        .iter()
        .map(|(l, t)| (l, t.clone()))
        .collect();
    assert_eq!(
        sms,
        vec![(
            Language::English,
            Template {
                subject: "Appointment reminder".into(),
                body: own.into(),
            }
        )]
    );
    // A desk still running version 14 reads a rule's text from the rule itself: it is kept
    // there (the English text, or the first), also for a rule saved from now on.
    let mut hindi_only = rules[0].clone();
    hindi_only.templates = frontdesk::scheduling::templates::Templates::one(
        Language::Hindi,
        Template {
            subject: "विषय".into(),
            body: "नमस्ते {patient}".into(),
        },
    );
    let mut store = store;
    store
        .save_reminder_rule(&hindi_only, "admin", utc("2026-11-24T05:30:00Z"))
        .expect("save");
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let legacy: Vec<(String, String)> = conn
        .prepare("SELECT subject, body FROM reminder_rule ORDER BY position")
        .expect("a version 14 query")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        legacy,
        vec![
            ("विषय".to_owned(), "नमस्ते {patient}".to_owned()),
            ("Appointment reminder".to_owned(), own.to_owned())
        ]
    );
    assert!(store.check().expect("check").is_ok());
}

/// Writes the version-1 fixture. Run by hand only when the fixture must be made anew:
/// `cargo test --test store_open -- --ignored write_version_1_fixture`.
#[test]
#[ignore = "writes tests/data/frontdesk-v1.sqlite3"]
fn write_version_1_fixture() {
    use frontdesk::scheduling::*;
    let _ = std::fs::remove_file(FIXTURE_V1);
    let mut store = SqliteStore::open_with(
        FIXTURE_V1,
        StoreOptions {
            target_version: 1,
            ..StoreOptions::default()
        },
    )
    .expect("create v1");
    let clinic = ClinicId(common::id(1));
    store
        .add_clinic(&Clinic {
            id: clinic,
            name: "Old Clinic".into(),
            address: String::new(),
            time_zone: chrono_tz::Europe::London,
            opening_hours: WeeklyHours::always(),
            slot_minutes: 15,
        })
        .expect("clinic");
    store
        .add_doctor(&Doctor {
            id: DoctorId(common::id(10)),
            name: "Dr. Old".into(),
            specialty: String::new(),
            colour: "#000000".into(),
            active: true,
        })
        .expect("doctor");
    store
        .add_patient(&common::patient(40, "Old Patient", "+44 1"))
        .expect("patient");
    drop(store);
    let conn = rusqlite::Connection::open(FIXTURE_V1).expect("raw");
    for (n, start) in [(100u128, 1_780_000_000i64), (101, 1_780_003_600)] {
        let id = common::id(n);
        conn.execute(
            "INSERT INTO appointment (id, clinic_id, patient_id, doctor_id, start_utc, end_utc, \
             mode, kind, status, created_by, created_at, updated_by, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'in_clinic', 'scheduled', 'scheduled', 'fixture', ?5, 'fixture', ?5)",
            rusqlite::params![id, common::id(1), common::id(40), common::id(10), start, start + 900],
        )
        .expect("appointment");
        conn.execute(
            "INSERT INTO audit_event (appointment_id, at_utc, actor, action) VALUES (?1, ?2, 'fixture', 'created')",
            rusqlite::params![id, start],
        )
        .expect("audit");
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
        .expect("fold the WAL into the file");
}

/// Migration 16 loosens migration 1's check on `appointment.status` by editing the table's
/// recorded SQL (SQLite cannot alter a check): the stored appointments stay, `called` is
/// accepted, a word the lifecycle does not know is still refused, the file passes SQLite's own
/// integrity check, and opening it again changes nothing more.
#[test]
fn version_16_accepts_a_called_patient_and_still_refuses_unknown_statuses() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(FIXTURE_V1, &path).expect("copy fixture");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        let refused = conn.execute(
            "UPDATE appointment SET status = 'called' WHERE rowid = (SELECT min(rowid) FROM appointment)",
            [],
        );
        assert!(refused.is_err(), "version 1 knows no call");
    }
    drop(SqliteStore::open(&path).expect("upgrade"));
    drop(SqliteStore::open(&path).expect("open again"));
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'appointment'",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    assert_eq!(sql.matches("'called'").count(), 1, "{sql}");
    let count: i64 = conn
        .query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
        .expect("count");
    assert_eq!(count, 2, "the stored appointments stay");
    assert_eq!(
        conn.execute(
            "UPDATE appointment SET status = 'called' WHERE rowid = (SELECT min(rowid) FROM appointment)",
            [],
        )
        .expect("called is a status now"),
        1
    );
    let unknown = conn
        .execute(
            "UPDATE appointment SET status = 'calling' WHERE rowid = (SELECT min(rowid) FROM appointment)",
            [],
        )
        .expect_err("an unknown word");
    assert!(unknown.to_string().contains("CHECK"), "{unknown}");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(verdict, "ok");
}
