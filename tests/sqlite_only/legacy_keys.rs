//! Rows an older Frontdesk wrote, planted with SQL: a patient keyed before ß was folded.

use crate::exchange_fixture::*;
use frontdesk::import;
use frontdesk::store::Store;

/// The legacy half of `a_patients_file_that_imported_cleanly_imports_again`
/// (import_consistency.rs): a row keyed before ß was folded ("strauß jo") is found by
/// "STRAUSS JO" too.
#[test]
fn a_patient_keyed_before_sharp_s_was_folded_is_found_by_its_capitals() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "clinic.sqlite3", true);
    let options = import_options(false, None);
    let parsed = import::patients::parse_csv("name\r\nSTRAUSS Jo\r\n").expect("readable");
    let first = store
        .import_patients(&parsed, &options, &mut |_| {})
        .expect("ran");
    assert_eq!(first.imported, 1);
    store
        .connection()
        .execute(
            "UPDATE patient SET name = 'Strauß Jo', name_key = 'strauß jo' WHERE name = 'STRAUSS Jo'",
            [],
        )
        .expect("legacy key");
    let parsed = import::patients::parse_csv("name\r\nSTRAUSS JO\r\n").expect("readable");
    let report = store
        .import_patients(&parsed, &options, &mut |_| {})
        .expect("ran");
    assert_eq!((report.imported, report.already_present), (0, 1));
}
