//! The store as the window and the command line hold it: opened from a locator by
//! `store::open`, used only as `dyn Store` (the contract and its `Maintenance`), with the work
//! that runs without the store (the damage check, the daily backup, a restore before opening)
//! dispatched on the locator.

use std::path::Path;

use chrono::{TimeZone, Utc};
use frontdesk::scheduling::*;
use frontdesk::store::backup::BackupPolicy;
use frontdesk::store::{Locator, Store, StoreError, maintenance};
use uuid::Uuid;

fn clinic(n: u128, name: &str) -> Clinic {
    Clinic {
        id: ClinicId(Uuid::from_u128(n)),
        name: name.into(),
        address: "1 Main Street".into(),
        time_zone: chrono_tz::Asia::Kolkata,
        opening_hours: WeeklyHours::same_each(
            &frontdesk::scheduling::hours::WEEKDAYS,
            &[DaySpan::new(8 * 60, 20 * 60)],
        )
        .expect("hours"),
        slot_minutes: 15,
    }
}

fn open(db: &Path) -> Box<dyn Store + Send> {
    let locator = Locator::parse(db.to_str().expect("a UTF-8 temp path")).expect("a file");
    frontdesk::store::open(&locator).expect("open")
}

#[test]
fn a_store_opened_by_its_locator_says_where_it_is_and_works_through_the_trait() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("clinic.sqlite3");
    let mut store = open(&db);
    assert_eq!(store.locator(), Locator::Sqlite(db.clone()));
    assert_eq!(store.damage(), None);
    store.add_clinic(&clinic(1, "Lotus")).expect("clinic");
    assert_eq!(store.clinics().expect("clinics").len(), 1);
    assert!(db.is_file(), "the file is where the locator says");
}

#[test]
fn a_backup_and_a_restore_go_through_the_trait() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("clinic.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let mut store = open(&db);
    store.add_clinic(&clinic(1, "Lotus")).expect("clinic");
    let made = store.backup_to(&copy, &mut |_| {}).expect("backup");
    assert_eq!(made.path, copy);
    store
        .add_clinic(&clinic(2, "Later"))
        .expect("a second clinic");
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 4, 0, 0).unwrap();
    let restored = store
        .restore_from(&copy, now, &mut |_| {})
        .expect("restore");
    assert!(restored.kept.is_some(), "the replaced database is kept");
    let names: Vec<String> = store
        .clinics()
        .expect("clinics")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Lotus"], "the store works on the restored database");
}

#[test]
fn a_restore_before_opening_and_the_daily_backup_dispatch_on_the_locator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("clinic.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let locator = Locator::Sqlite(db.clone());
    {
        let mut store = open(&db);
        store.add_clinic(&clinic(1, "Lotus")).expect("clinic");
        store.backup_to(&copy, &mut |_| {}).expect("backup");
        store
            .add_clinic(&clinic(2, "Later"))
            .expect("a second clinic");
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let daily = maintenance::daily_backup(&locator, today, BackupPolicy { keep: 3 })
        .expect("daily backup")
        .expect("made today");
    let folder = locator
        .backups_folder()
        .expect("a file has a backups folder");
    assert_eq!(daily.path.parent(), Some(folder.as_path()));
    assert!(
        maintenance::daily_backup(&locator, today, BackupPolicy { keep: 3 })
            .expect("again")
            .is_none(),
        "one a day"
    );
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 4, 0, 0).unwrap();
    maintenance::restore(&locator, &copy, now, &mut |_| {}).expect("restore");
    assert_eq!(open(&db).clinics().expect("clinics").len(), 1);
}

#[test]
fn damage_found_beside_the_store_is_marked_through_the_trait() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("clinic.sqlite3");
    let mut store = open(&db);
    store.add_clinic(&clinic(1, "Lotus")).expect("clinic");
    let locator = store.locator();
    assert_eq!(
        maintenance::check_for_damage(&locator).expect("checked"),
        None
    );
    store
        .mark_damaged("2 problems in appointment".into())
        .expect("marked");
    assert!(store.damage().is_some_and(|d| d.contains("appointment")));
    let refused = store.add_clinic(&clinic(2, "Later")).expect_err("refused");
    assert!(matches!(refused, StoreError::Damaged { .. }), "{refused:?}");
}

#[test]
fn the_demo_is_built_through_the_trait_and_refuses_a_clinic_naming_the_database_escaped() {
    use frontdesk::demo::{self, DemoOptions};
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("a\nfrontdesk: ok");
    std::fs::create_dir(&folder).expect("folder");
    let db = folder.join("clinic.sqlite3");
    let mut store = open(&db);
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 4, 0, 0).unwrap();
    let options = DemoOptions {
        appointments: 300,
        patients: 60,
        zone: chrono_tz::Asia::Kolkata,
        seed: 1,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        now,
    };
    let built = demo::build(&mut *store, &options, &mut |_| {}).expect("demo");
    assert_eq!(built.appointments, 300);
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{report:?}");
    let again = demo::build(&mut *store, &options, &mut |_| {}).expect_err("refused");
    let said = again.to_string();
    assert!(said.contains("already holds a clinic"), "{said}");
    assert!(!said.contains('\n'), "the path is escaped: {said:?}");
}

#[test]
fn a_bulk_load_into_a_damaged_database_is_refused_as_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("clinic.sqlite3");
    let mut store = open(&db);
    store
        .mark_damaged("2 problems in appointment".into())
        .expect("marked");
    let refused = match store.bulk("demo") {
        Ok(load) => load
            .clinic(&clinic(1, "Lotus"))
            .and_then(|()| load.commit())
            .expect_err("nothing is written"),
        Err(e) => e,
    };
    assert!(matches!(refused, StoreError::Damaged { .. }), "{refused:?}");
    drop(store);
    assert!(open(&db).clinics().expect("clinics").is_empty());
}
