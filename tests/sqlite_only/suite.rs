//! The file's own guards on appointments and their audit (triggers), and `check` finding what
//! bypassed the store (a row planted with SQL; another engine's constraints refuse the plant).

use crate::common::{self, Clinic1, utc};
use frontdesk::store::Store;

const NOW: &str = "2026-06-01T03:00:00Z"; // 08:30 in Kolkata

fn clinic() -> Clinic1 {
    Clinic1::new(chrono_tz::Asia::Kolkata)
}

/// (appointments, audit events, patients), through the store's check.
fn counts(c: &Clinic1) -> (i64, i64, i64) {
    let q = |label: &str| common::count_of(&c.store, label);
    (q("appointments"), q("audit events"), q("patients"))
}

#[test]
fn appointments_cannot_be_deleted_nor_the_audit_log_edited() {
    let mut c = clinic();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    let delete = conn.execute("DELETE FROM appointment WHERE id = ?1", [a.id.0]);
    assert!(delete.unwrap_err().to_string().contains("never deleted"));
    let edit = conn.execute("UPDATE audit_event SET actor = 'nobody'", []);
    assert!(edit.unwrap_err().to_string().contains("append-only"));
    let erase = conn.execute("DELETE FROM audit_event", []);
    assert!(erase.is_err());
    assert_eq!(counts(&c), (1, 1, 3));
}

#[test]
fn check_finds_a_double_booking_that_bypassed_the_store() {
    let mut c = clinic();
    let a = c.book_ok(c.rao, None, c.asha, "2026-06-02 09:00", utc(NOW));
    assert!(c.store.check().expect("check").is_ok());
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    conn.execute(
        "INSERT INTO appointment (id, clinic_id, patient_id, doctor_id, room_id, visit_type_id, \
         start_utc, end_utc, mode, kind, priority, status, reason, notes, meeting_link, \
         queue_token, arrived_at, consultation_started_at, completed_at, cancel_reason, \
         cancelled_by, cancelled_late, cancelled_at, created_by, created_at, updated_by, \
         updated_at, sequence, overbook_reason) \
         SELECT x'00000000000000000000000000000abc', clinic_id, patient_id, \
         doctor_id, room_id, visit_type_id, start_utc + 300, end_utc + 300, mode, kind, priority, \
         status, reason, notes, meeting_link, queue_token, arrived_at, consultation_started_at, \
         completed_at, cancel_reason, cancelled_by, cancelled_late, cancelled_at, created_by, \
         created_at, updated_by, updated_at, sequence, overbook_reason FROM appointment WHERE id = ?1",
        [a.id.0],
    )
    .expect("raw insert");
    let report = c.store.check().expect("check");
    assert_eq!(report.unexplained_overlaps, 1);
    assert!(!report.is_ok());
}
