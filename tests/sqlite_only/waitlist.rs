//! The waitlist and its log cannot be deleted or rewritten in the file itself (triggers).

use crate::common::{Clinic1, utc};
use frontdesk::scheduling::waitlist::*;
use frontdesk::store::Store;

const NOW: &str = "2026-06-01T03:00:00Z";

/// The trigger half of `removing_keeps_the_entry_and_the_log_cannot_be_rewritten` (contract):
/// an entry added, removed and added again; nothing of it can be deleted or rewritten by SQL.
#[test]
fn removing_keeps_the_entry_and_the_log_cannot_be_rewritten_in_the_file() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let wish = |c: &Clinic1| WaitlistRequest {
        clinic: c.clinic,
        patient: c.asha,
        doctor: None,
        visit_type: Some(c.consult),
        minutes: 15,
        preferred: Preferred::ANY,
        holds: None,
        notes: "Prefers mornings".into(),
        priority: 0,
    };
    let (one, two) = (
        WaitlistEntryId(uuid::Uuid::from_u128(5001)),
        WaitlistEntryId(uuid::Uuid::from_u128(5002)),
    );
    c.store
        .add_to_waitlist(one, &wish(&c), "maria", utc(NOW))
        .expect("add");
    c.store
        .remove_from_waitlist(one, "Found another clinic", "maria", utc(NOW))
        .expect("remove");
    c.store
        .add_to_waitlist(two, &wish(&c), "maria", utc(NOW))
        .expect("again");
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    for sql in [
        "DELETE FROM waitlist_entry",
        "DELETE FROM waitlist_event",
        "UPDATE waitlist_event SET actor = 'nobody'",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }
}
