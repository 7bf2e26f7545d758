//! Backups and restores: online backups are complete private copies; a restore checks the file
//! before it replaces anything and keeps what it replaced; a damaged, foreign or newer file is
//! refused and the current database stays byte for byte as it was; automatic backups happen
//! before a migration and once a day, keeping the last N.
//!
//! SQLite engine only (not part of the store contract, `tests/contract/`): backups and restores are
//! of SQLite files, through SQLite's online backup API.

mod exchange_fixture;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use exchange_fixture::*;
use frontdesk::store::backup::compress::Kind;
use frontdesk::store::backup::{self, BackupError, BackupPolicy};
use frontdesk::store::{SqliteStore, Store, StoreOptions};

/// How long these restores wait for other connections to close.
const WAIT: std::time::Duration = std::time::Duration::from_millis(300);

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// The bytes of a database file and its WAL and SHM, as they are on disk.
fn bytes_on_disk(db: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| {
            let p = PathBuf::from(format!("{}{s}", db.display()));
            (s.to_string(), std::fs::read(&p).ok())
        })
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn appointment_count(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
        .expect("count")
}

/// Cancels the fixture's appointment 101 in the (closed) database at `db`.
fn cancel_appointment_101(db: &Path, reason: &str) {
    let mut store = SqliteStore::open(db).expect("open");
    store
        .change_status(
            frontdesk::scheduling::AppointmentId(id(101)),
            &frontdesk::scheduling::StatusAction::Cancel {
                reason: reason.into(),
                by: frontdesk::scheduling::CancelledBy::Clinic,
            },
            "maria",
            export_now() - chrono::Duration::days(30),
        )
        .expect("cancel");
}

/// A clinic database at `dir/clinic.sqlite3`, closed, and a good backup of it.
fn clinic_and_backup(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("clinic.sqlite3");
    let backup_file = dir.join("good-backup.sqlite3");
    let store = store_in(dir, "clinic.sqlite3", true);
    let mut progress = Vec::new();
    let report = store
        .backup_to(&backup_file, &mut |p| progress.push(p))
        .expect("backup");
    assert_eq!(report.path, backup_file);
    assert!(report.bytes > 0);
    let last = progress.last().expect("progress was reported");
    assert_eq!(last.done, last.total, "the copy finished");
    drop(store);
    (db, backup_file)
}

#[test]
fn a_backup_is_a_complete_private_standalone_copy() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, copy) = clinic_and_backup(dir.path());
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(appointment_count(&copy), appointment_count(&db));
    let journal: String = rusqlite::Connection::open(&copy)
        .expect("open")
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(journal, "delete", "no WAL file is needed beside a backup");
    assert!(!files_in(dir.path()).iter().any(|n| n.contains("partial")));
}

#[test]
fn a_backup_onto_the_database_itself_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let store = store_in(dir.path(), "clinic.sqlite3", true);
    let err = store
        .backup_to(&dir.path().join("clinic.sqlite3"), &mut |_| {})
        .expect_err("same file");
    assert!(err.to_string().contains("is the database itself"), "{err}");
}

fn refused(dir: &Path, db: &Path, candidate: &Path) -> BackupError {
    let before = bytes_on_disk(db);
    let listing = files_in(dir);
    let err = backup::restore(db, candidate, export_now(), WAIT, &mut |_| {}).expect_err("refused");
    assert_eq!(
        bytes_on_disk(db),
        before,
        "the current database is untouched"
    );
    assert_eq!(files_in(dir), listing, "nothing was left behind");
    err
}

#[test]
fn a_damaged_backup_is_refused_and_the_database_is_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic_and_backup(dir.path());
    // Scribble over the second page (a table's b-tree page) of a copy.
    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&good).expect("read");
    let page: usize = u16::from_be_bytes([bytes[16], bytes[17]]).into();
    for b in &mut bytes[page..page + 64] {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).expect("write");
    let err = refused(dir.path(), &db, &damaged);
    assert!(matches!(err, BackupError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().contains("is damaged"), "{err}");
    // A backup cut in half.
    let cut = dir.path().join("cut.sqlite3");
    std::fs::write(&cut, &std::fs::read(&good).expect("read")[..page * 3]).expect("write");
    let err = refused(dir.path(), &db, &cut);
    assert!(matches!(err, BackupError::Damaged { .. }), "{err:?}");
}

#[test]
fn foreign_newer_and_non_database_files_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic_and_backup(dir.path());
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "not a database at all, just some text that is long enough",
    )
    .expect("write");
    assert!(matches!(
        refused(dir.path(), &db, &text),
        BackupError::NotDatabase { .. }
    ));
    let foreign = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&foreign)
        .expect("open")
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .expect("create");
    assert!(matches!(
        refused(dir.path(), &db, &foreign),
        BackupError::NotFrontdesk { .. }
    ));
    let newer = dir.path().join("newer.sqlite3");
    std::fs::copy(&good, &newer).expect("copy");
    rusqlite::Connection::open(&newer)
        .expect("open")
        .pragma_update(None, "user_version", 99)
        .expect("version");
    let err = refused(dir.path(), &db, &newer);
    assert!(
        matches!(err, BackupError::Newer { found: 99, .. }),
        "{err:?}"
    );
    let missing = refused(dir.path(), &db, &dir.path().join("nowhere.sqlite3"));
    assert!(matches!(missing, BackupError::Io { .. }));
}

#[test]
fn a_restore_replaces_the_database_and_keeps_the_replaced_one() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic_and_backup(dir.path());
    // Change the database after the backup: the restore must bring back the old state.
    cancel_appointment_101(&db, "after the backup");
    let mut store = SqliteStore::open(&db).expect("open");
    let report = store
        .restore_from(&good, export_now(), &mut |_| {})
        .expect("restore");
    let kept = report.kept.expect("the replaced database is kept");
    assert!(
        kept.file_name()
            .expect("name")
            .to_string_lossy()
            .starts_with("clinic.replaced-")
    );
    assert_eq!(mode(&kept), 0o600);
    assert_eq!(mode(&db), 0o600);
    let entry = store
        .appointment(frontdesk::scheduling::AppointmentId(id(101)))
        .expect("appointment");
    assert_eq!(
        entry.appointment.status,
        frontdesk::scheduling::Status::Confirmed
    );
    let kept_store = SqliteStore::open(&kept).expect("kept opens");
    let old = kept_store
        .appointment(frontdesk::scheduling::AppointmentId(id(101)))
        .expect("appointment");
    assert_eq!(
        old.appointment.status,
        frontdesk::scheduling::Status::Cancelled
    );
    assert!(store.check().expect("check").is_ok());
}

#[test]
fn a_refused_restore_leaves_the_open_store_working() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"SQLite format 3\0 but nothing else of use here").expect("write");
    let mut store = SqliteStore::open(&db).expect("open");
    let err = store
        .restore_from(&junk, export_now(), &mut |_| {})
        .expect_err("refused");
    assert!(
        err.to_string().contains("damaged") || err.to_string().contains("not a database"),
        "{err}"
    );
    assert_eq!(store.clinics().expect("still open").len(), 1);
}

#[test]
fn a_restore_is_refused_while_another_connection_has_the_database_open() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic_and_backup(dir.path());
    let other = SqliteStore::open(&db).expect("another desk");
    let before = appointment_count(&db);
    let err = backup::restore(&db, &good, export_now(), WAIT, &mut |_| {}).expect_err("in use");
    assert!(matches!(err, BackupError::InUse { .. }), "{err:?}");
    assert!(err.to_string().contains("close the other windows"), "{err}");
    drop(other);
    assert_eq!(appointment_count(&db), before);
    assert!(
        !files_in(dir.path())
            .iter()
            .any(|n| n.contains("replaced") || n.contains("restoring"))
    );
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_version() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("old.sqlite3");
    {
        let mut store = SqliteStore::open_with(
            &db,
            StoreOptions {
                target_version: 1,
                ..StoreOptions::default()
            },
        )
        .expect("version 1");
        let s = setup();
        store.add_clinic(&s.clinic).expect("clinic");
    }
    let none_yet = backup::backups_dir(&db);
    assert!(!none_yet.exists());
    let store = SqliteStore::open(&db).expect("migrates");
    drop(store);
    let backups = files_in(&backup::backups_dir(&db));
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(
        backups[0],
        format!(
            "old-before-v{}.sqlite3",
            frontdesk::store::schema::LATEST_VERSION
        )
    );
    let copy = backup::backups_dir(&db).join(&backups[0]);
    assert_eq!(mode(&copy), 0o600);
    let version: i64 = rusqlite::Connection::open(&copy)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(
        version, 1,
        "the backup holds the data as it was before the migration"
    );
    // A new, empty database is created without any backup.
    let fresh = dir.path().join("fresh").join("new.sqlite3");
    std::fs::create_dir_all(fresh.parent().expect("parent")).expect("dir");
    drop(SqliteStore::open(&fresh).expect("new"));
    assert!(!backup::backups_dir(&fresh).exists());
}

/// The database a backup file gives back, restored into a scratch copy of `db`'s folder.
fn restored_copy(db: &Path, backup_file: &Path) -> (tempfile::TempDir, PathBuf) {
    let scratch = tempfile::tempdir().expect("scratch");
    let target = scratch.path().join("restored.sqlite3");
    backup::restore(&target, backup_file, export_now(), WAIT, &mut |_| {}).expect("restores");
    let _ = db;
    (scratch, target)
}

#[test]
fn one_daily_backup_a_day_and_only_the_last_n_are_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let policy = BackupPolicy { keep: 3 };
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    let first = backup::daily(&db, day(1), policy)
        .expect("daily")
        .expect("made");
    assert_eq!(first.kind, Kind::Full, "the first one is a full backup");
    assert_eq!(mode(&first.path), 0o600);
    assert_eq!(
        mode(&backup::backups_dir(&db)) & 0o077,
        0,
        "the folder is private"
    );
    assert_eq!(
        backup::daily(&db, day(1), policy).expect("again"),
        None,
        "once a day"
    );
    for d in 2..=6 {
        let made = backup::daily(&db, day(d), policy)
            .expect("daily")
            .expect("made");
        assert!(
            matches!(made.kind, Kind::Delta { .. }),
            "within a week of a full one, a delta: {made:?}"
        );
        assert!(
            made.bytes < first.bytes,
            "a delta is smaller than the full backup"
        );
    }
    let kept: Vec<String> = backup::daily_backups(&db)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        kept,
        vec![
            "clinic-daily-2026-11-01.fdbackup",
            "clinic-daily-2026-11-04.fdbackup",
            "clinic-daily-2026-11-05.fdbackup",
            "clinic-daily-2026-11-06.fdbackup"
        ],
        "the last three, and the full backup they need"
    );
    let (_scratch, restored) = restored_copy(&db, &backup::daily_path(&db, day(6)));
    assert_eq!(appointment_count(&restored), appointment_count(&db));
    assert_eq!(
        backup::daily(&db, day(7), BackupPolicy { keep: 0 }).expect("off"),
        None
    );
    // A week after the full one, the next is full again, and the old full one goes once no
    // kept delta needs it.
    for d in 8..=11 {
        backup::daily(&db, day(d), policy)
            .expect("daily")
            .expect("made");
    }
    let kept: Vec<String> = backup::daily_backups(&db)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        kept,
        vec![
            "clinic-daily-2026-11-08.fdbackup",
            "clinic-daily-2026-11-09.fdbackup",
            "clinic-daily-2026-11-10.fdbackup",
            "clinic-daily-2026-11-11.fdbackup"
        ]
    );
    assert_eq!(
        backup::compress::header(&backup::daily_path(&db, day(8)))
            .expect("header")
            .kind,
        Kind::Full
    );
    // An empty new database has nothing worth backing up.
    let empty = dir.path().join("empty.sqlite3");
    drop(SqliteStore::open(&empty).expect("new"));
    assert_eq!(backup::daily(&empty, day(1), policy).expect("empty"), None);
}

#[test]
fn a_delta_backup_gives_back_the_day_it_was_made_and_refuses_damage() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let policy = BackupPolicy::default();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    backup::daily(&db, day(1), policy)
        .expect("full")
        .expect("made");
    // Something changes, then the next day's backup is a delta holding that change.
    cancel_appointment_101(&db, "between the backups");
    let delta = backup::daily(&db, day(2), policy)
        .expect("delta")
        .expect("made");
    assert!(matches!(delta.kind, Kind::Delta { .. }));
    let (_s1, restored) = restored_copy(&db, &delta.path);
    let status: String = rusqlite::Connection::open(&restored)
        .expect("open")
        .query_row(
            "SELECT status FROM appointment WHERE id = ?1",
            [id(101)],
            |r| r.get(0),
        )
        .expect("status");
    assert_eq!(status, "cancelled", "the delta holds the day's change");
    let (_s2, older) = restored_copy(&db, &backup::daily_path(&db, day(1)));
    let status: String = rusqlite::Connection::open(&older)
        .expect("open")
        .query_row(
            "SELECT status FROM appointment WHERE id = ?1",
            [id(101)],
            |r| r.get(0),
        )
        .expect("status");
    assert_eq!(
        status, "confirmed",
        "the full backup still holds the day before"
    );

    // A flipped byte inside the compressed data, a cut file, a missing or replaced full
    // backup: each is refused with what is wrong, and nothing is restored.
    let target = dir.path().join("target.sqlite3");
    let refuse = |file: &Path| {
        let err =
            backup::restore(&target, file, export_now(), WAIT, &mut |_| {}).expect_err("refused");
        assert!(
            !target.exists(),
            "nothing was restored from {}",
            file.display()
        );
        err.to_string()
    };
    let mut bytes = std::fs::read(&delta.path).expect("read");
    let last = bytes.len() - 20;
    bytes[last] ^= 0x55;
    let flipped = dir.path().join("flipped.fdbackup");
    std::fs::write(&flipped, &bytes).expect("write");
    std::fs::copy(
        backup::daily_path(&db, day(1)),
        dir.path().join("clinic-daily-2026-11-01.fdbackup"),
    )
    .expect("its full one beside it");
    let why = refuse(&flipped);
    assert!(why.contains("cannot be restored"), "{why}");
    let cut = dir.path().join("cut.fdbackup");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    assert!(refuse(&cut).contains("cannot be restored"));
    let alone = tempfile::tempdir().expect("elsewhere");
    let lonely = alone.path().join("clinic-daily-2026-11-02.fdbackup");
    std::fs::copy(&delta.path, &lonely).expect("copy");
    let why = refuse(&lonely);
    assert!(
        why.contains("clinic-daily-2026-11-01.fdbackup") && why.contains("missing"),
        "{why}"
    );
    std::fs::copy(
        backup::daily_path(&db, day(2)),
        alone.path().join("clinic-daily-2026-11-01.fdbackup"),
    )
    .expect("a delta under the full one's name");
    assert!(refuse(&lonely).contains("is not a full backup"));
    // A full backup of another state under the name (its database's hash differs).
    let mut other_full = std::fs::read(backup::daily_path(&db, day(1))).expect("read");
    other_full[30] ^= 0x01; // inside the header's SHA-256 of the database
    std::fs::write(
        alone.path().join("clinic-daily-2026-11-01.fdbackup"),
        &other_full,
    )
    .expect("another full one");
    assert!(refuse(&lonely).contains("not the one it was made from"));
}

#[test]
fn a_restore_keeps_a_separate_copy_with_no_second_name_on_the_live_file_and_stages_privately() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic_and_backup(dir.path());
    // A backup readable by everyone: the staged copy must still be private from the start.
    std::fs::set_permissions(&good, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let mut staged_modes = Vec::new();
    let report = backup::restore(&db, &good, export_now(), WAIT, &mut |p| {
        if p.phase == "waiting" {
            for name in files_in(dir.path()) {
                if name.contains(".partial-") {
                    staged_modes.push(mode(&dir.path().join(&name)));
                }
            }
        }
    })
    .expect("restored");
    assert_eq!(staged_modes, vec![0o600], "the staged copy is private");
    let kept = report.kept.expect("kept");
    let (live, old) = (
        std::fs::metadata(&db).expect("db"),
        std::fs::metadata(&kept).expect("kept"),
    );
    assert_ne!(live.ino(), old.ino(), "the kept copy is a file of its own");
    assert_eq!(live.nlink(), 1);
    assert_eq!(old.nlink(), 1);
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&kept), 0o600);
}

#[test]
fn a_restore_through_a_link_replaces_the_real_file_and_waits_for_its_desks() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, good) = clinic_and_backup(dir.path());
    let link = dir.path().join("link.sqlite3");
    std::os::unix::fs::symlink(&db, &link).expect("link");
    // A desk has the database open under its real name: a restore through the link waits for it.
    let desk = SqliteStore::open(&db).expect("a desk");
    let err = backup::restore(&link, &good, export_now(), WAIT, &mut |_| {}).expect_err("in use");
    assert!(matches!(err, BackupError::InUse { .. }), "{err:?}");
    drop(desk);
    backup::restore(&link, &good, export_now(), WAIT, &mut |_| {}).expect("restored");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(db.is_file());
}

#[test]
fn a_backup_never_replaces_a_folder_a_device_or_an_open_database_and_drops_a_stale_log() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let store = SqliteStore::open(&db).expect("open");
    let folder = dir.path().join("a-folder");
    std::fs::create_dir(&folder).expect("dir");
    let err = store.backup_to(&folder, &mut |_| {}).expect_err("a folder");
    assert!(err.to_string().contains("is a folder"), "{err}");
    let err = store
        .backup_to(Path::new("/dev/null"), &mut |_| {})
        .expect_err("a device");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert!(
        !std::fs::metadata("/dev/null").expect("null").is_file(),
        "/dev/null is still a device"
    );
    // Another clinic's database, open at a desk, is not overwritten.
    let other = dir.path().join("other.sqlite3");
    let other_store = SqliteStore::open(&other).expect("other");
    let err = store
        .backup_to(&other, &mut |_| {})
        .expect_err("open elsewhere");
    assert!(err.to_string().contains("has open"), "{err}");
    drop(other_store);
    // A log left beside the destination by a killed writer is not applied to the backup.
    let stale = dir.path().join("stale.sqlite3");
    {
        let conn = rusqlite::Connection::open(&stale).expect("open");
        conn.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .expect("write");
        // Keep the log: copy it aside before the connection checkpoints it away.
        std::fs::copy(
            dir.path().join("stale.sqlite3-wal"),
            dir.path().join("saved-wal"),
        )
        .expect("save");
    }
    std::fs::copy(
        dir.path().join("saved-wal"),
        dir.path().join("stale.sqlite3-wal"),
    )
    .expect("stale log");
    store.backup_to(&stale, &mut |_| {}).expect("backed up");
    assert!(!dir.path().join("stale.sqlite3-wal").exists());
    assert_eq!(appointment_count(&stale), appointment_count(&db));
    let integrity: String = rusqlite::Connection::open(&stale)
        .expect("open")
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(integrity, "ok");
}

#[test]
fn a_delta_whose_header_claims_absurd_pages_is_refused_without_writing_them() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    backup::daily(&db, day(1), BackupPolicy::default())
        .expect("full")
        .expect("made");
    let delta = backup::daily(&db, day(2), BackupPolicy::default())
        .expect("delta")
        .expect("made");
    for count in [1u64 << 40, u64::MAX / 65_536, 3] {
        let mut bytes = std::fs::read(&delta.path).expect("read");
        // The page count: after the mark (8), the format (4), the kind (1), the page size (4).
        bytes[17..25].copy_from_slice(&count.to_le_bytes());
        let forged = backup::backups_dir(&db).join("clinic-daily-2026-11-03.fdbackup");
        std::fs::write(&forged, &bytes).expect("write");
        let target = dir.path().join("target.sqlite3");
        let err = backup::restore(&target, &forged, export_now(), WAIT, &mut |_| {})
            .expect_err("refused");
        assert!(
            matches!(err, BackupError::Unusable { .. }),
            "{count}: {err:?}"
        );
        assert!(!target.exists());
        assert!(
            !files_in(dir.path()).iter().any(|n| n.contains(".partial-")),
            "nothing staged is left"
        );
        std::fs::remove_file(&forged).expect("remove");
    }
}

#[test]
fn a_damaged_full_backup_makes_the_next_day_full_instead_of_failing() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    let full = backup::daily(&db, day(1), BackupPolicy::default())
        .expect("full")
        .expect("made");
    let mut bytes = std::fs::read(&full.path).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xFF;
    std::fs::write(&full.path, &bytes).expect("damage");
    let next = backup::daily(&db, day(2), BackupPolicy::default())
        .expect("the next day still has its backup")
        .expect("made");
    assert_eq!(next.kind, Kind::Full);
    assert!(backup::last_failure(&db).is_none());
    let (_scratch, restored) = restored_copy(&db, &next.path);
    assert_eq!(appointment_count(&restored), appointment_count(&db));
}

#[test]
fn backups_dated_ahead_of_today_are_pruned_first() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let policy = BackupPolicy { keep: 2 };
    // The clock ran a year ahead for a few days.
    for d in 1..=3 {
        let ahead = NaiveDate::from_ymd_opt(2027, 11, d).expect("date");
        backup::daily(&db, ahead, policy)
            .expect("ahead")
            .expect("made");
    }
    // Back to the right date: today's backup is kept, whatever was dated ahead.
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let made = backup::daily(&db, today, policy)
        .expect("today")
        .expect("made");
    assert!(made.path.exists(), "today's backup is not pruned at once");
    let tomorrow = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    backup::daily(&db, tomorrow, policy)
        .expect("tomorrow")
        .expect("made");
    let names: Vec<String> = backup::daily_backups(&db)
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"clinic-daily-2026-11-24.fdbackup".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"clinic-daily-2026-11-25.fdbackup".to_owned()),
        "{names:?}"
    );
}

#[test]
fn a_daily_backup_waits_for_one_still_running_instead_of_skipping_the_day() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = clinic_and_backup(dir.path());
    let folder = backup::backups_dir(&db);
    std::fs::create_dir_all(&folder).expect("dir");
    // Yesterday's backup, still compressing in another process, holds the folder's lock.
    let lock = std::fs::File::create(folder.join(".clinic-daily.lock")).expect("lock");
    lock.lock().expect("held");
    let db_for_thread = db.clone();
    let today = std::thread::spawn(move || {
        backup::daily(
            &db_for_thread,
            NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
            BackupPolicy::default(),
        )
    });
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert!(!today.is_finished(), "it waits for the lock");
    drop(lock);
    let made = today.join().expect("thread").expect("backup");
    assert!(made.is_some(), "today still gets its backup");
}

/// Issue 12, third review: every backup and restore message quotes its path as messages quote
/// paths (`entry::echo_path`): a line break escaped, a long path shortened to its end.
#[test]
fn every_backup_message_quotes_its_path_escaped_and_short() {
    use frontdesk::store::backup::{BackupError, compress};
    let forged = std::path::PathBuf::from(format!(
        "/{}/x\nfrontdesk: backup verified OK",
        "d".repeat(300)
    ));
    let path = || forged.clone();
    let errors: Vec<String> = [
        BackupError::NotDatabase { path: path() },
        BackupError::Damaged {
            path: path(),
            details: "x".into(),
        },
        BackupError::SourceDamaged {
            path: path(),
            details: "x".into(),
        },
        BackupError::CopyDamaged { path: path() },
        BackupError::NewerFormat {
            path: path(),
            found: 9,
        },
        BackupError::BadDestination {
            path: path(),
            why: "is a folder",
        },
        BackupError::Unusable {
            path: path(),
            why: "x".into(),
        },
        BackupError::NotFrontdesk { path: path() },
        BackupError::Newer {
            path: path(),
            found: 99,
            supported: 10,
        },
        BackupError::InUse { path: path() },
        BackupError::SameFile { path: path() },
        BackupError::Io {
            path: path(),
            error: std::io::ErrorKind::NotFound.into(),
        },
        BackupError::Sqlite {
            path: path(),
            details: "x".into(),
        },
    ]
    .iter()
    .map(ToString::to_string)
    .chain(
        [
            compress::Error::MissingBase(path()),
            compress::Error::WrongBase(path()),
            compress::Error::BaseNotFull(path()),
            compress::Error::BaseDamaged {
                path: path(),
                details: "x".into(),
            },
        ]
        .iter()
        .map(ToString::to_string),
    )
    .collect();
    for message in errors {
        assert!(!message.contains('\n'), "{message:?}");
        assert!(message.contains("x\\nfrontdesk"), "{message}");
        assert!(!message.contains(&"d".repeat(200)), "{message}");
    }
}
