//! The setup audit is append-only in the file itself (triggers).

use crate::common::{Clinic1, utc};
use chrono::{DateTime, Utc};
use frontdesk::store::Store;

const NOW: &str = "2026-06-01T03:00:00Z";

fn clinic() -> Clinic1 {
    Clinic1::new(chrono_tz::Asia::Kolkata)
}

fn now() -> DateTime<Utc> {
    utc(NOW)
}

/// Events in the setup audit, through the store's own history of setup changes.
fn audit_rows(c: &Clinic1) -> i64 {
    let events = c.store.setup_history(None, usize::MAX).expect("history");
    i64::try_from(events.len()).expect("a count")
}

#[test]
fn the_setup_audit_is_append_only() {
    let mut c = clinic();
    let mut clinic = c.store.clinics().expect("clinics")[0].clone();
    clinic.address = "3 New Street".into();
    c.store.save_clinic(&clinic, "maria", now()).expect("save");
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    for sql in [
        "UPDATE setup_audit SET actor = 'someone else'",
        "DELETE FROM setup_audit",
    ] {
        let e = conn.execute(sql, []).expect_err(sql);
        assert!(e.to_string().contains("append-only"), "{sql}: {e}");
    }
    assert_eq!(audit_rows(&c), 1);
}
