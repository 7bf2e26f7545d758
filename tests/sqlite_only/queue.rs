//! Queue tokens in the file itself: the unique index, the ledger and the form triggers refuse
//! what another program could write; databases of older schemas (8 and 9) upgrade with their
//! duplicate or odd tokens re-issued and audited (migrations 9 and 10).

use crate::common::{self, Clinic1, id, utc};
use chrono::{DateTime, Duration, Utc};
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Start, Store, StoreOptions};

/// 10:00 in Kolkata on 2026-06-02.
const NOW: &str = "2026-06-02T04:30:00Z";

fn clinic() -> Clinic1 {
    Clinic1::new(chrono_tz::Asia::Kolkata)
}

/// Books a walk-in or emergency for `patient` with Dr. Rao, starting now, squeezed in.
fn walk_in(patient: PatientId, c: &mut Clinic1, kind: Kind, now: DateTime<Utc>) -> Appointment {
    let mut req = c.request(c.rao, None, patient, "2026-06-02 10:00");
    req.start = Start::At(now);
    req.kind = kind;
    req.overbook = Some("walk-in queue".into());
    c.store
        .book(&req, "maria", now)
        .expect("walk-in")
        .appointment
}

fn new_patient(c: &mut Clinic1, n: u128) -> PatientId {
    let p = common::patient(n, &format!("Patient {n}"), &format!("+91 90000 {n:05}"));
    c.store.add_patient(&p).expect("patient");
    p.id
}

fn tokens_of_day(c: &Clinic1, date: &str) -> Vec<String> {
    let mut tokens: Vec<String> = c
        .day(date)
        .into_iter()
        .map(|e| e.appointment.queue_token)
        .filter(|t| !t.is_empty())
        .collect();
    tokens.sort();
    tokens
}

#[test]
fn the_database_refuses_a_token_given_twice_and_keeps_every_token_issued() {
    let mut c = clinic();
    let now = utc(NOW);
    let first = walk_in(c.asha, &mut c, Kind::WalkIn, now);
    let second = walk_in(c.ravi, &mut c, Kind::WalkIn, now);
    let conn = rusqlite::Connection::open(c.path()).expect("raw");
    // Another program writing straight into the file cannot give W-001 again that day...
    let twice = conn.execute(
        "UPDATE appointment SET queue_token = 'W-001' WHERE id = ?1",
        [second.id.0],
    );
    assert!(
        twice
            .unwrap_err()
            .to_string()
            .contains("UNIQUE constraint failed"),
        "duplicate refused"
    );
    // ...nor give a token without its day, nor take one back out of the ledger.
    let dayless = conn.execute(
        "UPDATE appointment SET queue_date = NULL WHERE id = ?1",
        [first.id.0],
    );
    assert!(
        dayless
            .unwrap_err()
            .to_string()
            .contains("needs its clinic day")
    );
    let forget = conn.execute("DELETE FROM queue_token", []);
    assert!(forget.unwrap_err().to_string().contains("append-only"));
    let issued: Vec<(String, String)> = conn
        .prepare("SELECT local_date, token FROM queue_token ORDER BY token")
        .expect("select")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        issued,
        [
            ("2026-06-02".to_owned(), "W-001".to_owned()),
            ("2026-06-02".to_owned(), "W-002".to_owned())
        ]
    );
}

/// Runs `sql` on appointment `n` straight in the file, as another program could.
fn raw(c: &Clinic1, sql: &str, n: u128) -> rusqlite::Result<usize> {
    rusqlite::Connection::open(c.path())
        .expect("raw")
        .execute(sql, [id(n)])
}

#[test]
fn the_database_holds_a_token_only_as_we_write_it_for_its_kind() {
    let mut c = clinic();
    let now = utc(NOW);
    let first = walk_in(c.asha, &mut c, Kind::WalkIn, now); // W-001
    let p = new_patient(&mut c, 50);
    let second = walk_in(p, &mut c, Kind::WalkIn, now); // W-002
    let p = new_patient(&mut c, 51);
    let emergency = walk_in(p, &mut c, Kind::Emergency, now); // E-001
    let n = |a: &Appointment| a.id.0.as_u128();
    for (sql, who) in [
        // Number 1 again, in other forms: the unique index alone would take them.
        (
            "UPDATE appointment SET queue_token = 'W-1' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'w-001' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-0001' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-٢٢' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-000' WHERE id = ?1",
            n(&second),
        ),
        // The other kind's letter, or a token on a scheduled appointment.
        (
            "UPDATE appointment SET queue_token = 'E-002' WHERE id = ?1",
            n(&second),
        ),
        (
            "UPDATE appointment SET queue_token = 'W-003' WHERE id = ?1",
            n(&emergency),
        ),
        (
            "UPDATE appointment SET kind = 'scheduled' WHERE id = ?1",
            n(&first),
        ),
        (
            "UPDATE appointment SET kind = 'emergency' WHERE id = ?1",
            n(&first),
        ),
    ] {
        let refused = raw(&c, sql, who).expect_err(sql);
        assert!(
            refused
                .to_string()
                .contains("a queue token is written W-001 to W-9999"),
            "{sql}: {refused}"
        );
    }
    let ledger = rusqlite::Connection::open(c.path()).expect("raw").execute(
        "INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at)          VALUES (?1, '2026-06-02', 'W-01', ?2, 0)",
        rusqlite::params![id(1), first.id.0],
    );
    assert!(
        ledger.is_err_and(|e| e.to_string().contains("one per number")),
        "the ledger takes no other form"
    );
    // The forms we write pass, up to four digits.
    raw(
        &c,
        "UPDATE appointment SET queue_token = 'W-1234' WHERE id = ?1",
        n(&second),
    )
    .expect("our form");
    assert_eq!(
        tokens_of_day(&c, "2026-06-02"),
        ["E-001", "W-001", "W-1234"]
    );
}

/// (id, start UTC, kind, token, created at) of an appointment an older Frontdesk wrote.
type OldRow<'a> = (u128, &'a str, &'a str, &'a str, &'a str);

/// A database of schema `version` holding `rows` as an older Frontdesk wrote them: schema 8
/// without a token day or ledger, schema 9 with them (its triggers fill the ledger).
fn old_database(version: i64, rows: &[OldRow<'_>]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite3");
    let mut old = SqliteStore::open_with(
        &path,
        StoreOptions {
            target_version: version,
            ..StoreOptions::default()
        },
    )
    .expect("old schema");
    let fresh = Clinic1::new(chrono_tz::Asia::Kolkata);
    for clinic in fresh.store.clinics().expect("clinics") {
        old.add_clinic(&clinic).expect("clinic");
    }
    for doctor in fresh.store.doctors().expect("doctors") {
        old.add_doctor(&doctor).expect("doctor");
    }
    for n in 40..60 {
        old.add_patient(&common::patient(n, &format!("Patient {n}"), ""))
            .expect("patient");
    }
    let conn = old.connection();
    for &(n, start, kind, token, created) in rows {
        let start = utc(start);
        let day = start
            .with_timezone(&chrono_tz::Asia::Kolkata)
            .format("%Y-%m-%d")
            .to_string();
        let (day_column, day_value) = if version >= 9 {
            (", queue_date", format!(", '{day}'"))
        } else {
            (Default::default(), String::new())
        };
        conn.execute(
            &format!(
                "INSERT INTO appointment (id, clinic_id, patient_id, doctor_id, start_utc, end_utc, \
                 mode, kind, status, queue_token, arrived_at, created_by, created_at, updated_by, \
                 updated_at{day_column}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'in_clinic', ?7, \
                 'completed', ?8, ?5, 'maria', ?9, 'maria', ?9{day_value})"
            ),
            rusqlite::params![
                id(1000 + n),
                id(1),
                id(39 + n),
                id(10),
                start.timestamp(),
                (start + Duration::minutes(15)).timestamp(),
                kind,
                token,
                utc(created).timestamp()
            ],
        )
        .expect("old row");
    }
    drop(old);
    (dir, path)
}

/// Appointments as an older Frontdesk wrote them (schema 8): no token day, no ledger.
fn old_database_with_duplicates() -> (tempfile::TempDir, std::path::PathBuf) {
    // The Kolkata day 2026-06-02 runs from 2026-06-01T18:30Z to 2026-06-02T18:30Z.
    old_database(
        8,
        &[
            (
                1,
                "2026-06-01T19:00:00Z",
                "walk_in",
                "W-001",
                "2026-06-01T19:00:00Z",
            ),
            (
                2,
                "2026-06-02T05:00:00Z",
                "walk_in",
                "W-002",
                "2026-06-02T05:00:00Z",
            ),
            // Moved here from 3 June (the bug): a second W-001 and W-002 on 2 June.
            (
                3,
                "2026-06-02T06:00:00Z",
                "walk_in",
                "W-001",
                "2026-06-02T06:30:00Z",
            ),
            (
                4,
                "2026-06-02T07:00:00Z",
                "walk_in",
                "W-002",
                "2026-06-02T04:00:00Z",
            ),
            (
                5,
                "2026-06-02T08:00:00Z",
                "emergency",
                "E-001",
                "2026-06-02T08:00:00Z",
            ),
            // W-001 on 3 June is another day's token: left alone.
            (
                6,
                "2026-06-02T19:00:00Z",
                "walk_in",
                "W-001",
                "2026-06-02T19:00:00Z",
            ),
        ],
    )
}

#[test]
fn a_database_with_tokens_of_other_forms_upgrades_to_one_number_each() {
    // As schema 9 let imports write them on 2 June: number 1 four ways, a W-9999, other
    // digits, an emergency's token on a walk-in, an emergency's of another form, a token on a
    // scheduled appointment; and a good day on 3 June.
    let at = |hour: u32| format!("2026-06-02T{hour:02}:00:00Z");
    let times: Vec<String> = (0..10).map(at).collect();
    let t = |i: usize| times[i].as_str();
    let rows: Vec<OldRow<'_>> = vec![
        (1, t(0), "walk_in", "W-001", t(0)),
        (2, t(1), "walk_in", "W-1", t(1)),
        (3, t(2), "walk_in", "w-001", t(2)),
        (4, t(3), "walk_in", "W-0001", t(3)),
        (5, t(4), "walk_in", "W-9999", t(4)),
        (6, t(5), "walk_in", "W-٢٢", t(5)),
        (7, t(6), "walk_in", "E-001", t(6)),
        (8, t(7), "emergency", "e-2", t(7)),
        (9, t(8), "scheduled", "W-003", t(8)),
        (10, "2026-06-02T19:00:00Z", "walk_in", "W-001", t(9)),
    ];
    let (_dir, path) = old_database(9, &rows);
    {
        // A token only the ledger holds, beyond the day: it goes.
        let conn = rusqlite::Connection::open(&path).expect("raw");
        conn.execute(
            "INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at) \
             VALUES (?1, '2026-06-02', 'W-050', ?2, 0)",
            rusqlite::params![id(1), id(1001)],
        )
        .expect("ledger row");
    }
    let mut store = SqliteStore::open(&path).expect("upgrades");
    let token = |store: &SqliteStore, n: u128| {
        store
            .appointment(AppointmentId(id(1000 + n)))
            .expect("row")
            .appointment
            .queue_token
    };
    assert_eq!(
        (1..=10).map(|n| token(&store, n)).collect::<Vec<_>>(),
        [
            "W-001", "W-002", "W-003", "W-004", "W-005", "W-006", "W-007", "E-001", "", "W-001"
        ]
    );
    for n in 2..=9 {
        let history = store.history(AppointmentId(id(1000 + n))).expect("history");
        let last = history.last().expect("audited");
        assert_eq!(
            (last.action.as_str(), last.actor.as_str()),
            ("token reissued", "Frontdesk upgrade")
        );
        assert!(
            last.before
                .as_deref()
                .is_some_and(|b| b.contains(rows[n as usize - 1].3)),
            "{n}: {:?}",
            last.before
        );
    }
    let mut reason = |n: u128| {
        store
            .history(AppointmentId(id(1000 + n)))
            .expect("history")
            .remove(0)
            .reason
    };
    assert_eq!(
        reason(5),
        "queue tokens are compared by letter and number: W-9999 was beyond the queue of 2026-06-02, which had 8 tokens of its kind, so this patient now holds W-005"
    );
    assert!(reason(9).contains("a scheduled appointment holds no queue token"));
    for n in [1, 10] {
        assert!(
            store
                .history(AppointmentId(id(1000 + n)))
                .expect("history")
                .is_empty()
        );
    }
    let checked = store.check().expect("check");
    assert!(checked.is_ok(), "{checked:?}");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        let mut stmt = conn
            .prepare("SELECT local_date || ' ' || token FROM queue_token ORDER BY 1")
            .expect("ledger");
        let ledger: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("ledger");
        assert_eq!(
            ledger,
            [
                "2026-06-02 E-001",
                "2026-06-02 W-001",
                "2026-06-02 W-002",
                "2026-06-02 W-003",
                "2026-06-02 W-004",
                "2026-06-02 W-005",
                "2026-06-02 W-006",
                "2026-06-02 W-007",
                "2026-06-03 W-001",
            ]
        );
    }
    // The desk goes on with the next number that day (the same clinic and doctors).
    let c = clinic();
    let mut req = c.request(c.rao, None, PatientId(id(59)), "2026-06-02 10:00");
    req.start = Start::At(utc(NOW));
    req.kind = Kind::WalkIn;
    req.overbook = Some("walk-in queue".into());
    req.visit_type = None;
    let booked = store.book(&req, "maria", utc(NOW)).expect("walk-in");
    assert_eq!(booked.appointment.queue_token, "W-008");
}

#[test]
fn an_old_database_with_duplicate_tokens_upgrades_with_the_later_ones_reissued() {
    let (_dir, path) = old_database_with_duplicates();
    let mut store = SqliteStore::open(&path).expect("upgrades");
    let token = |n: u128| {
        store
            .appointment(AppointmentId(id(1000 + n)))
            .expect("row")
            .appointment
            .queue_token
    };
    // 1 (booked first) keeps W-001; 4 was booked before 2 and keeps W-002; 2 and then 3 get
    // the next walk-in tokens of the day, in the order they were booked.
    assert_eq!(
        (1..=6).map(token).collect::<Vec<_>>(),
        ["W-001", "W-003", "W-004", "W-002", "E-001", "W-001"]
    );
    let history = store.history(AppointmentId(id(1003))).expect("history");
    let last = history.last().expect("audited");
    assert_eq!(last.action, "token reissued");
    assert_eq!(last.actor, "Frontdesk upgrade");
    assert_eq!(
        last.reason,
        "two patients held queue token W-001 on 2026-06-02: this one, booked later, now holds W-004"
    );
    assert!(last.before.as_deref().is_some_and(|b| b.contains("W-001")));
    for n in [1, 4, 5, 6] {
        let history = store.history(AppointmentId(id(1000 + n))).expect("history");
        assert!(
            history.is_empty(),
            "{n} kept its token and has no new event"
        );
    }
    assert!(store.check().expect("check").is_ok());
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let ledger: i64 = conn
        .query_row("SELECT count(*) FROM queue_token", [], |r| r.get(0))
        .expect("count");
    assert_eq!(ledger, 6, "every token held is in the ledger");
}
