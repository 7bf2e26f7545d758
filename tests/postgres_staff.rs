//! On a server, each desk's writes tell the server who signed in: `frontdesk.staff` is set in
//! every write's own transaction (so the server's triggers see who acted) and the connection's
//! `application_name` names them (so the clinic's IT person sees who is at each connection).
//! Names in every script and with quotes reach the server as typed; a locked desk names no one.

#[path = "contract/accounts.rs"]
#[allow(dead_code)]
mod accounts;
mod common;

use common::{Clinic1, Postgres, TestBackend, utc};
use frontdesk::scheduling::*;
use frontdesk::signin::{self, Secret, SecretKind};
use frontdesk::store::{Guarded, Store};

const NOW: &str = "2026-06-01T00:00:00Z";

fn now() -> chrono::DateTime<chrono::Utc> {
    utc(NOW)
}

#[test]
fn the_server_sees_who_acted_in_each_write() {
    if !Postgres::available() {
        return;
    }
    let c = Clinic1::<Postgres>::fresh(chrono_tz::Asia::Kolkata);
    let url = c.home.url();
    // A trigger of the clinic's own, as an IT person might add, records who each booking's
    // transaction says acted.
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    admin
        .batch_execute(
            "CREATE TABLE seen (staff text); \
             CREATE FUNCTION note_staff() RETURNS trigger LANGUAGE plpgsql AS $f$ \
             BEGIN INSERT INTO seen VALUES (current_setting('frontdesk.staff', true)); \
             RETURN NEW; END $f$; \
             CREATE TRIGGER note_staff AFTER INSERT ON appointment \
             FOR EACH ROW EXECUTE FUNCTION note_staff();",
        )
        .expect("trigger");
    let name = "O'Brien \"Ji\" ரமேஷ் Ünal";
    let mut raw = c.reopen();
    accounts::staff_with_password(
        &mut raw,
        301,
        name,
        StaffRole::Receptionist,
        "the password 1",
    );
    let who = signin::sign_in(
        &mut raw,
        name,
        &Secret::given(SecretKind::Password, "the password 1").expect("password"),
        "desk-1",
        utc(NOW),
    )
    .expect("signs in");
    let mut desk = Guarded::new(Box::new(raw), who, Box::new(now)).expect("guarded");
    desk.book(
        &c.request(c.rao, None, c.asha, "2026-06-02 09:00"),
        "x",
        utc(NOW),
    )
    .expect("books");
    let seen: Vec<Option<String>> = admin
        .query("SELECT staff FROM seen", &[])
        .expect("seen")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(seen, vec![Some(name.to_owned())]);
    let connections: Vec<String> = admin
        .query(
            "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE 'frontdesk: %'",
            &[],
        )
        .expect("activity")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(
        connections
            .iter()
            .any(|a| a.starts_with("frontdesk: O'Brien \"Ji\"")),
        "{connections:?}"
    );
    // Locked, the desk names no one; a write made past the guard by a raw store names no one
    // either (the setting lives only in a guarded write's own transaction).
    desk.lock(utc(NOW)).expect("locked");
    let mut other = c.reopen();
    other
        .book(
            &c.request(c.rao, None, c.ravi, "2026-06-02 10:00"),
            "raw",
            utc(NOW),
        )
        .expect("books");
    let last: Option<String> = admin
        .query_one("SELECT staff FROM seen OFFSET 1", &[])
        .expect("second")
        .get(0);
    assert!(last.as_deref().unwrap_or("").is_empty(), "{last:?}");
}
