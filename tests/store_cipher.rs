//! Encryption at rest (issue 15): an encrypted database, its write-ahead log and its backups
//! hold no patient's name or phone in any script; keys are unwrapped only with the right
//! password or recovery key; every wrong key, typo, missing or foreign keys file and foreign
//! backup gets its own error and changes nothing; a plain database converts with every row,
//! keeping its original until asked, and a conversion stopped at any step leaves the original
//! whole. SQLite engine only. Key slots here use `KdfCost::cheap_for_tests`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use frontdesk::scheduling::{
    Clinic, ClinicId, DaySpan, Patient, PatientId, WeeklyHours, hours::WEEKDAYS,
};
use frontdesk::signin::{Secret, SecretKind};
use frontdesk::store::backup::{self, BackupError, BackupPolicy};
use frontdesk::store::cipher::{
    self, CipherError, ConvertStage, DatabaseKey, KdfCost, KeySlots, RecoveryKey, SlotKind,
};
use frontdesk::store::{SqliteStore, Store, StoreError, StoreOptions};

const NAME: &str = "Zephyrine Quattlebaum";
const PHONE: &str = "+91 98765 43210";
/// The same patient written in Devanagari.
const NAME_DEVANAGARI: &str = "ज़ेफ़िरीन क्वाटलबाम";
const PHONE_DIGITS: &str = "9876543210";
const PASSWORD: &str = "correct horse battery";
const WAIT: std::time::Duration = std::time::Duration::from_millis(300);

fn password(text: &str) -> Secret {
    Secret::new_one(SecretKind::Password, text).expect("a valid password")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap()
}

/// New keys for a database at `db` (cheap cost), written beside it.
fn new_keys(db: &Path) -> (KeySlots, DatabaseKey, RecoveryKey) {
    KeySlots::create_with(
        db,
        cipher::ClinicId::random(),
        "staff-1",
        &password(PASSWORD),
        KdfCost::cheap_for_tests(),
    )
    .expect("keys")
}

/// A clinic and the two patients (Latin and Devanagari) in `store`.
fn fill(store: &mut dyn Store) {
    let clinic = ClinicId(uuid::Uuid::from_u128(1));
    store
        .add_clinic(&Clinic {
            id: clinic,
            name: "Test Clinic".into(),
            address: "1 Main Street".into(),
            time_zone: chrono_tz::Asia::Kolkata,
            opening_hours: WeeklyHours::same_each(&WEEKDAYS, &[DaySpan::new(8 * 60, 20 * 60)])
                .expect("hours"),
            slot_minutes: 15,
        })
        .expect("clinic");
    for (n, name, phone) in [(40, NAME, PHONE), (41, NAME_DEVANAGARI, "+91 91234 56789")] {
        store
            .add_patient(&Patient {
                id: PatientId(uuid::Uuid::from_u128(n)),
                name: name.into(),
                phone: phone.into(),
                email: String::new(),
                birth_date: NaiveDate::from_ymd_opt(1980, 5, 17),
                external_id: String::new(),
            })
            .expect("patient");
    }
}

/// The two patients' names, as the store finds them by name (Latin, then Devanagari).
fn names(store: &mut dyn Store) -> Vec<String> {
    [NAME, NAME_DEVANAGARI]
        .into_iter()
        .flat_map(|n| store.search_patients(n, 10).expect("search"))
        .map(|p| p.name)
        .collect()
}

/// What of the patients' text the file's raw bytes hold (empty when nothing).
fn leaks(path: &Path) -> Vec<&'static str> {
    let Ok(bytes) = std::fs::read(path) else {
        return vec![];
    };
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    [
        NAME,
        "Quattlebaum",
        PHONE,
        PHONE_DIGITS,
        NAME_DEVANAGARI,
        "क्वाटलबाम",
    ]
    .into_iter()
    .filter(|n| has(n))
    .collect()
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// The database, its log and its keys file as they are on disk: each one's length and SHA-256.
fn on_disk(db: &Path) -> Vec<Option<(usize, String)>> {
    use sha2::Digest;
    ["", "-wal", ".keys"]
        .iter()
        .map(|s| {
            // An empty log is no log (a reader in WAL mode may leave one).
            std::fs::read(side(db, s))
                .ok()
                .filter(|b| !b.is_empty() || s.is_empty())
                .map(|b| (b.len(), format!("{:x}", sha2::Sha256::digest(&b))))
        })
        .collect()
}

#[test]
fn an_encrypted_database_its_log_and_its_backups_hold_no_patient_text() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (_slots, key, _recovery) = new_keys(&db);
    let mut store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).expect("open");
    assert!(store.is_encrypted());
    fill(&mut store);
    // Still open: the rows are in the log, not yet in the file.
    let wal = side(&db, "-wal");
    assert!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > 0,
        "a log was written"
    );
    assert_eq!(leaks(&wal), Vec::<&str>::new(), "the log");
    assert_eq!(leaks(&db), Vec::<&str>::new(), "the database");
    let copy = home.path().join("copy.sqlite3");
    store.backup_to(&copy, &mut |_| {}).expect("backup");
    assert!(
        cipher::keys_path(&copy).is_file(),
        "the backup has its keys beside it"
    );
    assert_eq!(leaks(&copy), Vec::<&str>::new(), "the backup");
    assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI]);
    drop(store);
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let daily = backup::daily_keyed(&db, Some(&key), day, BackupPolicy::default())
        .expect("daily")
        .expect("made");
    assert!(cipher::keys_path(&daily.path).is_file());
    assert_eq!(leaks(&daily.path), Vec::<&str>::new(), "the daily backup");
    // What the daily backup gives back, decompressed, is still ciphertext.
    let staged = home.path().join("staged");
    let out = std::fs::File::create(&staged).unwrap();
    backup::compress::decompress_file(&daily.path, &staged, out).expect("decompress");
    assert_eq!(
        leaks(&staged),
        Vec::<&str>::new(),
        "the daily backup's content"
    );
    // Closed: the log folded into the file.
    assert_eq!(leaks(&db), Vec::<&str>::new(), "the database after closing");
    assert_eq!(cipher::file_clinic(&db).unwrap(), Some(key.clinic()));
    // And everything is there for the right key, in the backups too.
    let mut store =
        SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).expect("reopen");
    assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI]);
    let mut copy_store =
        SqliteStore::open_encrypted(&copy, &key, StoreOptions::default()).expect("the copy opens");
    assert_eq!(names(&mut copy_store), [NAME, NAME_DEVANAGARI]);
}

#[test]
fn the_same_scan_finds_the_patients_in_a_plain_database() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let mut store = SqliteStore::open(&db).expect("open");
    assert!(!store.is_encrypted());
    fill(&mut store);
    assert!(
        !leaks(&side(&db, "-wal")).is_empty(),
        "the scan sees plain text"
    );
    drop(store);
    let found = leaks(&db);
    assert!(
        found.contains(&NAME) && found.contains(&NAME_DEVANAGARI),
        "{found:?}"
    );
}

#[test]
fn keys_open_only_with_the_right_password_or_recovery_key() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (mut slots, key, recovery) = new_keys(&db);
    slots = slots.with_cost(KdfCost::cheap_for_tests());
    assert!(
        slots
            .unwrap_with_password("staff-1", &password(PASSWORD))
            .unwrap()
            .same_as(&key)
    );
    assert!(slots.unwrap_with_recovery(&recovery).unwrap().same_as(&key));
    let printed = recovery.printable();
    assert!(
        slots
            .unwrap_with_recovery(&RecoveryKey::parse(&printed.to_lowercase()).unwrap())
            .unwrap()
            .same_as(&key)
    );

    let before = std::fs::read(slots.path()).unwrap();
    let wrong = slots.unwrap_with_password("staff-1", &password("not the password"));
    assert!(
        matches!(wrong, Err(CipherError::WrongPassword { .. })),
        "{wrong:?}"
    );
    let nobody = slots.unwrap_with_password("staff-9", &password(PASSWORD));
    assert!(
        matches!(nobody, Err(CipherError::NoSuchSlot { .. })),
        "{nobody:?}"
    );
    let (_, _, other_recovery) = new_keys(&home.path().join("other.sqlite3"));
    let wrong = slots.unwrap_with_recovery(&other_recovery);
    assert!(
        matches!(wrong, Err(CipherError::WrongRecoveryKey { .. })),
        "{wrong:?}"
    );
    let mut typo: Vec<char> = printed.chars().collect();
    typo.swap(0, 1);
    if typo[0] == typo[1] {
        typo[0] = if typo[0] == 'A' { 'B' } else { 'A' };
    }
    let typo: String = typo.into_iter().collect();
    let parsed = RecoveryKey::parse(&typo);
    assert!(
        matches!(parsed, Err(CipherError::RecoveryKeyTypo(_))),
        "{parsed:?}"
    );
    assert!(parsed.unwrap_err().to_string().contains("typing mistake"));
    assert_eq!(
        std::fs::read(slots.path()).unwrap(),
        before,
        "nothing changed"
    );

    // Staff come and go.
    slots
        .add_slot("staff-2", &key, &password("second person's pass"))
        .expect("add");
    let again = KeySlots::load(&db).expect("load");
    assert!(
        again
            .unwrap_with_password("staff-2", &password("second person's pass"))
            .unwrap()
            .same_as(&key)
    );
    assert!(matches!(
        slots.add_slot("staff-2", &key, &password("another pass word")),
        Err(CipherError::SlotExists { .. })
    ));
    let (_, foreign_key, _) = new_keys(&home.path().join("third.sqlite3"));
    assert!(matches!(
        slots.add_slot("staff-3", &foreign_key, &password("another pass word")),
        Err(CipherError::WrongKey { .. })
    ));
    assert!(matches!(
        slots.add_slot(
            "staff-3",
            &key,
            &Secret::new_one(SecretKind::Pin, "4321").unwrap()
        ),
        Err(CipherError::PinNotAllowed)
    ));
    // A reset: the old password stops working, the new one works.
    slots
        .replace_slot("staff-1", &key, &password("a brand new password"))
        .expect("reset");
    let again = KeySlots::load(&db).expect("load");
    assert!(matches!(
        again.unwrap_with_password("staff-1", &password(PASSWORD)),
        Err(CipherError::WrongPassword { .. })
    ));
    assert!(
        again
            .unwrap_with_password("staff-1", &password("a brand new password"))
            .unwrap()
            .same_as(&key)
    );
    slots.remove_slot("staff-2").expect("remove");
    assert!(matches!(
        KeySlots::load(&db)
            .unwrap()
            .unwrap_with_password("staff-2", &password("second person's pass")),
        Err(CipherError::NoSuchSlot { .. })
    ));
    let last = slots.remove_slot("staff-1");
    assert!(
        matches!(last, Err(CipherError::LastPasswordSlot { .. })),
        "{last:?}"
    );
    assert_eq!(
        slots
            .slots()
            .iter()
            .map(|s| (s.label.as_str(), s.kind))
            .collect::<Vec<_>>(),
        [
            ("staff-1", SlotKind::Password),
            ("recovery", SlotKind::Recovery)
        ]
    );
    // A new recovery key: the old one stops working.
    let fresh = slots.new_recovery_key(&key).expect("new recovery key");
    let again = KeySlots::load(&db).unwrap();
    assert!(again.unwrap_with_recovery(&fresh).unwrap().same_as(&key));
    assert!(matches!(
        again.unwrap_with_recovery(&recovery),
        Err(CipherError::WrongRecoveryKey { .. })
    ));
}

#[test]
fn no_secret_reaches_a_debug_output_an_error_or_the_keys_file() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (slots, key, recovery) = new_keys(&db);
    let printed = recovery.printable().to_string();
    let wrong = slots
        .unwrap_with_password("staff-1", &password("Sup3r-secret-guess"))
        .unwrap_err();
    let texts = [
        format!("{key:?}"),
        format!("{recovery:?}"),
        format!("{slots:?}"),
        format!("{wrong:?}"),
        wrong.to_string(),
        format!("{:?}", RecoveryKey::parse("ABCDE").unwrap_err()),
        RecoveryKey::parse(&printed[1..]).unwrap_err().to_string(),
        std::fs::read_to_string(slots.path()).unwrap(),
    ];
    for text in &texts {
        assert!(!text.contains(PASSWORD), "{text}");
        assert!(!text.contains("Sup3r-secret-guess"), "{text}");
        assert!(!text.contains(&printed[..11]), "{text}");
        assert!(!text.contains(&printed[12..23]), "{text}");
    }
    // The key's own bytes never show in its Debug: checked inside the crate
    // (`store::cipher::key`'s tests), where they can be read.
    let store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).unwrap();
    assert!(format!("{store:?}").contains("encrypted: true"));
}

#[test]
fn wrong_keys_missing_keys_and_foreign_keys_each_say_so_and_change_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (_slots, key, _) = new_keys(&db);
    let mut store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).unwrap();
    fill(&mut store);
    drop(store);
    let before = on_disk(&db);

    let no_key = SqliteStore::open(&db).unwrap_err();
    assert!(matches!(no_key, StoreError::Encrypted { .. }), "{no_key:?}");
    assert!(no_key.to_string().contains("sign in"), "{no_key}");
    assert_eq!(on_disk(&db), before);

    // Another clinic's key, and a key of this clinic that is not its key.
    let (_, other, _) = new_keys(&home.path().join("other.sqlite3"));
    let wrong = SqliteStore::open_encrypted(&db, &other, StoreOptions::default()).unwrap_err();
    assert!(matches!(wrong, StoreError::WrongKey { .. }), "{wrong:?}");
    let (_, same_clinic, _) = KeySlots::create_with(
        &home.path().join("twin.sqlite3"),
        key.clinic(),
        "staff-1",
        &password(PASSWORD),
        KdfCost::cheap_for_tests(),
    )
    .unwrap();
    let wrong =
        SqliteStore::open_encrypted(&db, &same_clinic, StoreOptions::default()).unwrap_err();
    assert!(matches!(wrong, StoreError::WrongKey { .. }), "{wrong:?}");
    assert_eq!(on_disk(&db), before);
    assert!(
        !frontdesk::store::damage_marker(&db).exists(),
        "a wrong key is not damage"
    );

    // A plain database given a key.
    let plain = home.path().join("plain.sqlite3");
    drop(SqliteStore::open(&plain).unwrap());
    let not = SqliteStore::open_encrypted(&plain, &key, StoreOptions::default()).unwrap_err();
    assert!(matches!(not, StoreError::NotEncrypted { .. }), "{not:?}");

    // The keys file of another clinic beside the database.
    let keys = cipher::keys_path(&db);
    let ours = std::fs::read(&keys).unwrap();
    std::fs::copy(cipher::keys_path(&home.path().join("other.sqlite3")), &keys).unwrap();
    let foreign = KeySlots::load(&db).unwrap_err();
    assert!(
        matches!(foreign, CipherError::OtherClinic { .. }),
        "{foreign:?}"
    );
    // No keys file at all.
    std::fs::remove_file(&keys).unwrap();
    let missing = KeySlots::load(&db).unwrap_err();
    assert!(
        matches!(missing, CipherError::KeysMissing { .. }),
        "{missing:?}"
    );
    std::fs::write(&keys, &ours).unwrap();
    assert_eq!(on_disk(&db), before);

    // The background damage check without the key neither fails as damage nor records any.
    let locator = frontdesk::store::Locator::Sqlite(db.clone());
    let checked = frontdesk::store::maintenance::check_for_damage(&locator).unwrap_err();
    assert!(
        matches!(checked, StoreError::Encrypted { .. }),
        "{checked:?}"
    );
    assert_eq!(
        frontdesk::store::maintenance::check_for_damage_keyed(&locator, Some(&key)).unwrap(),
        None
    );
    assert!(!frontdesk::store::damage_marker(&db).exists());
    // Nor does the daily backup without the key.
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let daily = backup::daily(&db, day, BackupPolicy::default()).unwrap_err();
    assert!(matches!(daily, BackupError::Encrypted { .. }), "{daily:?}");
    assert_eq!(on_disk(&db), before);
}

#[test]
fn restores_need_the_key_and_refuse_another_clinics_backup() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (_slots, key, recovery) = new_keys(&db);
    let mut store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).unwrap();
    fill(&mut store);
    let good = home.path().join("good.sqlite3");
    store.backup_to(&good, &mut |_| {}).unwrap();
    // A patient added after the backup, which the restore takes back.
    store
        .add_patient(&Patient {
            id: PatientId(uuid::Uuid::from_u128(99)),
            name: "Later Person".into(),
            phone: "+91 90000 00001".into(),
            email: String::new(),
            birth_date: None,
            external_id: String::new(),
        })
        .unwrap();

    // Another clinic's encrypted backup.
    let elsewhere = home.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let other_db = elsewhere.join("clinic.sqlite3");
    let (_, other_key, _) = new_keys(&other_db);
    let mut other =
        SqliteStore::open_encrypted(&other_db, &other_key, StoreOptions::default()).unwrap();
    fill(&mut other);
    let foreign = home.path().join("foreign.sqlite3");
    other.backup_to(&foreign, &mut |_| {}).unwrap();
    drop(other);

    let before = names(&mut store);
    let refused = store
        .restore_from(&foreign, now(), &mut |_| {})
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::Backup(BackupError::OtherClinic { .. })),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("another clinic"), "{refused}");
    assert_eq!(names(&mut store), before, "nothing changed");

    store
        .restore_from(&good, now(), &mut |_| {})
        .expect("restores");
    assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI]);
    assert!(store.is_encrypted());
    drop(store);

    // Without the key, an encrypted backup is not restored; with its recovery key it is.
    let bytes = on_disk(&db);
    let refused = backup::restore(&db, &good, now(), WAIT, &mut |_| {}).unwrap_err();
    assert!(
        matches!(refused, BackupError::Encrypted { .. }),
        "{refused:?}"
    );
    assert_eq!(on_disk(&db), bytes);
    // A plain backup over the encrypted database.
    let plain = home.path().join("plain.sqlite3");
    let mut p = SqliteStore::open(&plain).unwrap();
    fill(&mut p);
    drop(p);
    let refused =
        backup::restore_keyed(&db, &plain, Some(&key), now(), WAIT, &mut |_| {}).unwrap_err();
    assert!(
        matches!(refused, BackupError::PlainOverEncrypted { .. }),
        "{refused:?}"
    );
    assert_eq!(on_disk(&db), bytes);

    // Onto a new machine: no database, only the backup and its keys, opened by the recovery key.
    let fresh = home.path().join("new-pc");
    std::fs::create_dir(&fresh).unwrap();
    let target = fresh.join("clinic.sqlite3");
    let from_backup = KeySlots::load(&good)
        .unwrap()
        .unwrap_with_recovery(&recovery)
        .unwrap();
    backup::restore_keyed(&target, &good, Some(&from_backup), now(), WAIT, &mut |_| {})
        .expect("restored on a new PC");
    assert!(
        cipher::keys_path(&target).is_file(),
        "its keys came with it"
    );
    let key_there = KeySlots::load(&target)
        .unwrap()
        .unwrap_with_password("staff-1", &password(PASSWORD))
        .unwrap();
    let mut restored =
        SqliteStore::open_encrypted(&target, &key_there, StoreOptions::default()).unwrap();
    assert_eq!(names(&mut restored), [NAME, NAME_DEVANAGARI]);

    // The daily backup restores too, and is refused without a key.
    let day = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    let daily = backup::daily_keyed(&db, Some(&key), day, BackupPolicy::default())
        .unwrap()
        .unwrap();
    drop(restored);
    let refused = backup::restore(&target, &daily.path, now(), WAIT, &mut |_| {}).unwrap_err();
    assert!(
        matches!(refused, BackupError::Encrypted { .. }),
        "{refused:?}"
    );
    backup::restore_keyed(&target, &daily.path, Some(&key), now(), WAIT, &mut |_| {})
        .expect("daily restored");
}

/// A plain database with the clinic and patients, closed.
fn plain_database(home: &Path) -> PathBuf {
    let db = home.join("clinic.sqlite3");
    let mut store = SqliteStore::open(&db).unwrap();
    fill(&mut store);
    drop(store);
    db
}

#[test]
fn a_plain_database_converts_with_every_row_and_keeps_its_original_until_asked() {
    let home = tempfile::tempdir().unwrap();
    let db = plain_database(home.path());
    // A plain backup made before the conversion.
    let old_backup = home.path().join("backups");
    let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let plain_daily = backup::daily(&db, day, BackupPolicy::default())
        .unwrap()
        .unwrap();
    assert!(plain_daily.path.starts_with(&old_backup));

    let open = SqliteStore::open(&db).unwrap();
    let busy = cipher::encrypt_database_with(
        &db,
        "staff-1",
        &password(PASSWORD),
        now(),
        KdfCost::cheap_for_tests(),
        None,
    )
    .unwrap_err();
    assert!(matches!(busy, CipherError::InUse { .. }), "{busy:?}");
    drop(open);

    let done = cipher::encrypt_database_with(
        &db,
        "staff-1",
        &password(PASSWORD),
        now(),
        KdfCost::cheap_for_tests(),
        None,
    )
    .expect("converted");
    assert_eq!(leaks(&db), Vec::<&str>::new(), "the converted file");
    assert!(
        !leaks(&done.plaintext).is_empty(),
        "the original is kept as it was"
    );
    let mut store = SqliteStore::open_encrypted(&db, &done.key, StoreOptions::default()).unwrap();
    assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI]);
    let report = store.check().expect("check");
    assert!(report.damage.is_none(), "{report:?}");
    drop(store);
    assert!(matches!(
        cipher::encrypt_database_with(
            &db,
            "staff-1",
            &password(PASSWORD),
            now(),
            KdfCost::cheap_for_tests(),
            None
        ),
        Err(CipherError::AlreadyEncrypted { .. })
    ));
    let key = KeySlots::load(&db)
        .unwrap()
        .unwrap_with_recovery(&done.recovery)
        .unwrap();
    assert!(key.same_as(&done.key));

    // The plaintext left: the original and the backup made before; nothing else is removed.
    let left = cipher::plaintext_files(&db);
    assert_eq!(left, [done.plaintext.clone(), plain_daily.path.clone()]);
    let refused = cipher::remove_plaintext(&db, &db).unwrap_err();
    assert!(
        matches!(refused, CipherError::NotPlaintextCopy { .. }),
        "{refused:?}"
    );
    assert!(db.exists());
    // Today's backup is encrypted, so it is not plaintext to remove.
    let encrypted_daily = backup::daily_keyed(
        &db,
        Some(&key),
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        BackupPolicy::default(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(cipher::plaintext_files(&db), left);
    for file in &left {
        cipher::remove_plaintext(&db, file).expect("removed on agreement");
        assert!(!file.exists());
    }
    assert_eq!(cipher::plaintext_files(&db), Vec::<PathBuf>::new());
    assert!(encrypted_daily.path.exists());
    let mut store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).unwrap();
    assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI]);
}

#[test]
fn a_conversion_stopped_at_any_step_leaves_the_original_whole() {
    for stage in [
        ConvertStage::Exported,
        ConvertStage::Checked,
        ConvertStage::KeysWritten,
        ConvertStage::Linked,
    ] {
        let home = tempfile::tempdir().unwrap();
        let db = plain_database(home.path());
        let before = std::fs::read(&db).unwrap();
        let stopped = cipher::encrypt_database_with(
            &db,
            "staff-1",
            &password(PASSWORD),
            now(),
            KdfCost::cheap_for_tests(),
            Some(stage),
        );
        assert!(stopped.is_err(), "{stage:?}");
        assert!(
            std::fs::read(&db).unwrap() == before,
            "{stage:?}: the original's bytes changed"
        );
        assert!(!cipher::keys_path(&db).exists(), "{stage:?}: no keys left");
        let mut left: Vec<String> = std::fs::read_dir(home.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with("-lock") && !n.ends_with("-gate"))
            .collect();
        left.sort();
        assert_eq!(left, ["clinic.sqlite3"], "{stage:?}: nothing else left");
        let mut store = SqliteStore::open(&db).expect("the original opens as before");
        assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI], "{stage:?}");
    }
}

#[test]
fn a_keys_file_left_beside_a_plain_database_does_not_stop_it_opening() {
    // A conversion killed after writing the keys (before the swap) leaves this behind.
    let home = tempfile::tempdir().unwrap();
    let db = plain_database(home.path());
    let _ = new_keys(&db);
    let mut store = SqliteStore::open(&db).expect("a plain file opens plain");
    assert_eq!(names(&mut store), [NAME, NAME_DEVANAGARI]);
}

#[test]
fn an_encrypted_old_database_migrates_and_its_pre_migration_backup_is_encrypted_too() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("old.sqlite3");
    std::fs::copy("tests/data/frontdesk-v1.sqlite3", &db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    // Converted at schema 1, without opening it through the store (which would migrate it).
    let done = cipher::encrypt_database_with(
        &db,
        "staff-1",
        &password(PASSWORD),
        now(),
        KdfCost::cheap_for_tests(),
        None,
    )
    .expect("converted");
    let store = SqliteStore::open_encrypted(&db, &done.key, StoreOptions::default())
        .expect("opened and migrated");
    assert_eq!(
        store.clinics().unwrap().pop().map(|c| c.name),
        Some("Old Clinic".to_owned())
    );
    drop(store);
    let before: Vec<PathBuf> = std::fs::read_dir(home.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .collect();
    assert_eq!(before.len(), 1, "{before:?}");
    let backup = &before[0];
    assert_eq!(
        cipher::file_clinic(backup).unwrap(),
        Some(done.key.clinic()),
        "encrypted"
    );
    assert!(
        cipher::keys_path(backup).is_file(),
        "with its keys beside it"
    );
    let opened = KeySlots::load(backup)
        .unwrap()
        .unwrap_with_recovery(&done.recovery)
        .unwrap();
    assert_eq!(
        frontdesk::store::backup::verify_keyed(backup, backup, Some(&opened))
            .expect("the backup opens with its own keys")
            .schema_version,
        1
    );
    assert_eq!(
        cipher::plaintext_files(&db),
        std::slice::from_ref(&done.plaintext)
    );
}

#[test]
fn an_online_backup_refuses_a_keys_file_that_does_not_hold_the_stores_key() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (_slots, key, _) = new_keys(&db);
    let mut store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).unwrap();
    fill(&mut store);
    // Keys of the same clinic id that wrap another key.
    std::fs::remove_file(cipher::keys_path(&db)).unwrap();
    KeySlots::create_with(
        &db,
        key.clinic(),
        "staff-1",
        &password(PASSWORD),
        KdfCost::cheap_for_tests(),
    )
    .unwrap();
    let copy = home.path().join("copy.sqlite3");
    let refused = store.backup_to(&copy, &mut |_| {}).unwrap_err();
    assert!(refused.to_string().contains("not the key"), "{refused}");
    assert!(!copy.exists() && !cipher::keys_path(&copy).exists());
}

#[test]
fn a_watcher_with_the_key_sees_changes_to_an_encrypted_database() {
    use frontdesk::store::{Watched, Watcher};
    use std::time::Duration;
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("clinic.sqlite3");
    let (_slots, key, _) = new_keys(&db);
    let mut store = SqliteStore::open_encrypted(&db, &key, StoreOptions::default()).unwrap();
    let mut watcher = Watcher::sqlite_keyed(db.clone(), Some(&key));
    assert_eq!(watcher.wait(Duration::from_millis(10)), Watched::Quiet);
    fill(&mut store);
    assert_eq!(watcher.wait(Duration::from_secs(2)), Watched::Changed);
    // Without the key it says the database cannot be read, and nothing worse.
    let mut blind = Watcher::sqlite(db.clone());
    assert!(
        matches!(blind.wait(Duration::from_millis(10)), Watched::Lost(_)),
        "a watcher without the key cannot read the counter"
    );
}

/// A new clinic's file whose making stopped before its first administrator's slot (a kill):
/// nobody can open it and its recovery key was never shown, so it counts as not made and is
/// made again, with new keys.
#[test]
fn a_new_file_left_half_made_is_made_again() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("clinic.sqlite3");
    let locator = frontdesk::store::Locator::Sqlite(db.clone());
    assert!(frontdesk::store::unlock::is_new_file(&locator));
    let (store, first, _) = frontdesk::store::unlock::create(&db).expect("made");
    drop(store);
    // Killed here: only the setup slot opens it, and its password was never kept.
    assert!(frontdesk::store::unlock::is_new_file(&locator));
    assert!(frontdesk::store::unlock::sealed_file(&locator).is_none());
    let (mut store, second, _) = frontdesk::store::unlock::create(&db).expect("made again");
    assert!(!first.same_as(&second), "new keys");
    let member = first_administrator(&mut *store, "Leela Rao", "leela-admin-1");
    frontdesk::store::unlock::first_slot(&mut *store, &member, &password("leela-admin-1"))
        .expect("her slot");
    drop(store);
    // Now it is a clinic's file: not new, and it opens with her password only.
    assert!(!frontdesk::store::unlock::is_new_file(&locator));
    assert!(frontdesk::store::unlock::sealed_file(&locator).is_some());
    let slots = KeySlots::load(&db).expect("keys");
    assert!(!slots.has_password_slot("setup"), "the setup slot is gone");
    assert_eq!(
        slots.label_of("leela rao"),
        Some(member.id.to_string().as_str())
    );
    assert!(
        frontdesk::store::unlock::create(&db).is_err(),
        "never made over"
    );
}

/// Makes `name` the first administrator of `store` with `typed` as password; their record.
fn first_administrator(
    store: &mut dyn Store,
    name: &str,
    typed: &str,
) -> frontdesk::scheduling::staff::StaffMember {
    frontdesk::signin::first_administrator(store, name, &password(typed), "test", now())
        .expect("the first administrator");
    store
        .sign_in_record(name)
        .expect("read")
        .expect("stored")
        .member
}

#[test]
fn a_password_whose_database_half_fails_leaves_the_key_slot_as_it_was() {
    use frontdesk::scheduling::access::{Access, AccessKind};
    use frontdesk::scheduling::staff::{StaffId, StaffMember, StaffRole};
    use frontdesk::store::unlock::{Unsealed, create, first_slot, open_as};
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("clinic.sqlite3");
    let (mut store, _, _) = create(&db).expect("made");
    let leela = first_administrator(&mut *store, "Leela Rao", "leela-admin-1");
    first_slot(&mut *store, &leela, &password("leela-admin-1")).expect("her slot");
    let ravi = StaffMember {
        id: StaffId(uuid::Uuid::new_v4()),
        name: "Ravi Shetty".into(),
        role: StaffRole::Nurse,
        active: true,
    };
    store.save_staff(&ravi, "Leela Rao", now()).expect("Ravi");
    // The database takes no more writes (found damaged): a new password's database half
    // fails, so the key slots must stay as they were.
    store.mark_damaged("test".into()).expect("marked");
    let access = Access {
        at: now(),
        desk: "test".into(),
        staff: None,
        name: String::new(),
        kind: AccessKind::ChangedPermission,
        subject: String::new(),
        detail: String::new(),
    };
    let new = password("leela-admin-2");
    let hash = new.hash().expect("hash");
    assert!(store.set_password(&leela, &new, &hash, &access).is_err());
    // Ravi had no slot: none is left behind for him.
    let his = password("ravi-nurse-1");
    assert!(
        store
            .set_password(&ravi, &his, &his.hash().expect("hash"), &access)
            .is_err()
    );
    drop(store);
    std::fs::remove_file(dir.path().join("clinic.sqlite3-damaged")).ok();
    let slots = KeySlots::load(&db).expect("keys");
    assert_eq!(slots.label_of("Ravi Shetty"), None);
    assert!(!slots.has_password_slot(&ravi.id.to_string()));
    let opens = |name: &str, typed: &str| {
        matches!(
            open_as(&db, name, &password(typed), now(), "test").expect("tried"),
            Unsealed::Open(..)
        )
    };
    assert!(!opens("Leela Rao", "leela-admin-2"));
    assert!(opens("Leela Rao", "leela-admin-1"));
}
