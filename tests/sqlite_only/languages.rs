//! Language codes a later Frontdesk may write (a language this build is not written in, or a
//! regional code): read as the nearest language this build knows or as none, never an error,
//! and replaced, not taken for another, when staff choose here.

use crate::common::{Clinic1, patient, utc};
use frontdesk::i18n::Language;
use frontdesk::store::Store;

const NOW: &str = "2026-06-01T03:00:00Z";

#[test]
fn codes_this_build_does_not_know_are_read_as_none_and_replaced_when_chosen_over() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let (tamil, regional) = (
        patient(60, "Murugan Selvam", "+91 1"),
        patient(61, "Anil Menon", "+91 2"),
    );
    for p in [&tamil, &regional] {
        c.store.add_patient(p).expect("patient");
    }
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    for (p, code) in [(&tamil, "ta"), (&regional, "hi-IN")] {
        conn.execute(
            "INSERT INTO patient_language (patient_id, language, since_utc, actor) \
             VALUES (?1, ?2, 0, 'a later version')",
            rusqlite::params![p.id.0, code],
        )
        .expect("a later version's row");
    }
    conn.execute(
        "INSERT INTO reminder_setting (key, value) VALUES ('language', 'ta') \
         ON CONFLICT (key) DO UPDATE SET value = 'ta'",
        [],
    )
    .expect("a later version's clinic language");
    assert_eq!(c.store.patient_language(tamil.id).expect("read"), None);
    assert_eq!(
        c.store.patient_language(regional.id).expect("read"),
        Some(Language::Hindi)
    );
    let settings = c.store.reminder_settings().expect("settings");
    assert_eq!(settings.language, Language::English);

    // The clinic's language chosen here replaces the Tamil row (it is not already "none").
    c.store
        .set_patient_language(tamil.id, None, "maria", utc(NOW))
        .expect("the clinic's");
    let stored: Option<String> = conn
        .query_row(
            "SELECT language FROM patient_language WHERE patient_id = ?1",
            [tamil.id.0],
            |r| r.get(0),
        )
        .ok();
    assert_eq!(stored, None);
    // And the change is logged (it was one).
    let log = c.store.reminder_log(1).expect("log");
    assert_eq!(
        (log[0].action.as_str(), log[0].detail.as_str()),
        ("language set", r#"{"language":"clinic"}"#)
    );
    // Hindi chosen for a patient stored as hi-IN is written as this build writes it.
    c.store
        .set_patient_language(regional.id, Some(Language::Hindi), "maria", utc(NOW))
        .expect("hindi");
    let stored: String = conn
        .query_row(
            "SELECT language FROM patient_language WHERE patient_id = ?1",
            [regional.id.0],
            |r| r.get(0),
        )
        .expect("row");
    assert_eq!(stored, "hi");

    // English chosen as the clinic's language replaces the Tamil setting.
    c.store
        .set_clinic_language(Language::English, "admin", utc(NOW))
        .expect("save");
    let stored: String = conn
        .query_row(
            "SELECT value FROM reminder_setting WHERE key = 'language'",
            [],
            |r| r.get(0),
        )
        .expect("setting");
    assert_eq!(stored, "en");
}
