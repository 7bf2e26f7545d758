//! The PostgreSQL schema (`store::pg_schema`) on a real server: every migration applies in
//! order, each in one transaction; the result has SQLite's tables, columns, indexes, triggers
//! and seed rows; two appointments holding time never overlap for one doctor or one room unless
//! one was overbooked with a reason; the append-only and never-deleted guards hold; and the
//! queue-token triggers refuse exactly what SQLite's refuse, with the same messages.
//!
//! The server is the one `FRONTDESK_TEST_POSTGRES` names (a URL, as `scripts/postgres.sh start`
//! prints it). Without it the tests say they were skipped, and fail when `CI` is set: CI must
//! run them. Each test works in a schema of its own, dropped at its end.

use std::collections::BTreeSet;

use frontdesk::store::pg_schema::PG_MIGRATIONS;
use frontdesk::store::schema::{MIGRATIONS, finish_migration};
use postgres::error::SqlState;
use postgres::{Client, NoTls};
use uuid::Uuid;

/// A fresh schema on the test server with every migration applied, dropped when done.
struct Scratch {
    client: Client,
    schema: String,
    url: String,
}

impl Scratch {
    /// Connects and migrates, or `None` (after saying so) when no server is given.
    fn new() -> Option<Scratch> {
        Scratch::at(PG_MIGRATIONS.len())
    }

    /// Connects and migrates up to `version`, or `None` when no server is given.
    fn at(version: usize) -> Option<Scratch> {
        let Ok(url) = std::env::var("FRONTDESK_TEST_POSTGRES") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "FRONTDESK_TEST_POSTGRES is not set, and CI must run the PostgreSQL tests: \
                 start a server with `scripts/postgres.sh start DIR` and set it to the URL printed"
            );
            eprintln!(
                "skipped: set FRONTDESK_TEST_POSTGRES to a server's URL (scripts/postgres.sh start DIR prints one)"
            );
            return None;
        };
        let mut client = Client::connect(&url, NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to FRONTDESK_TEST_POSTGRES: {e}"));
        // btree_gist in the shared `public` schema, made once: were it made by migration 2 in
        // this test's schema, dropping that schema would take it from the other tests' schemas.
        // Made by the test role, so a role that is not a superuser may create it (it is
        // trusted from PostgreSQL 13).
        client
            .batch_execute("CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public")
            .or_else(|e| {
                // Two tests making it at once: one wins, the other finds it made.
                if e.code() == Some(&SqlState::UNIQUE_VIOLATION) {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .expect("btree_gist");
        let schema = format!("t_{}", Uuid::new_v4().simple());
        client
            .batch_execute(&format!(
                "CREATE SCHEMA {schema}; SET search_path TO {schema}, public"
            ))
            .expect("schema");
        let mut scratch = Scratch {
            client,
            schema,
            url,
        };
        scratch.migrate(0, version);
        Some(scratch)
    }

    /// Runs migrations `from` + 1 to `to`, each in its own transaction.
    fn migrate(&mut self, from: usize, to: usize) {
        for (n, sql) in PG_MIGRATIONS.iter().enumerate().take(to).skip(from) {
            let mut tx = self.client.transaction().expect("begin");
            tx.batch_execute(sql)
                .unwrap_or_else(|e| panic!("migration {}: {e:?}", n + 1));
            tx.commit().expect("commit");
        }
    }

    /// Runs `sql` with `params` on its own (a failed statement changes nothing).
    fn run(
        &mut self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<u64, postgres::Error> {
        self.client.execute(sql, params)
    }
}

impl Scratch {
    /// Another connection to the same schema, as another desk has.
    fn other_desk(&self) -> Client {
        let mut client = Client::connect(&self.url, NoTls).expect("connect");
        client
            .batch_execute(&format!("SET search_path TO {}, public", self.schema))
            .expect("search path");
        client
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = self
            .client
            .batch_execute(&format!("DROP SCHEMA {} CASCADE", self.schema));
    }
}

/// SQLite's database at the latest version, as `store::open` makes a new one.
fn sqlite() -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
    conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
    for (n, sql) in MIGRATIONS.iter().enumerate() {
        let tx = conn.unchecked_transaction().expect("begin");
        tx.execute_batch(sql).expect("sqlite migration");
        finish_migration(&tx, n as i64 + 1).expect("sqlite data step");
        tx.commit().expect("commit");
    }
    conn
}

/// The SQLSTATE and message of a refusal; panics on success.
fn refused<T: std::fmt::Debug>(result: Result<T, postgres::Error>) -> (SqlState, String) {
    let e = result.expect_err("refused");
    let db = e
        .as_db_error()
        .unwrap_or_else(|| panic!("not the server's: {e}"));
    (db.code().clone(), db.message().to_owned())
}

/// The constraint named in a refusal.
fn constraint(result: Result<u64, postgres::Error>) -> String {
    let e = result.expect_err("refused");
    let db = e.as_db_error().expect("the server's");
    assert_eq!(db.code(), &SqlState::EXCLUSION_VIOLATION, "{db}");
    db.constraint().unwrap_or_default().to_owned()
}

const CLINIC: Uuid = Uuid::from_u128(1);
const PATIENT: Uuid = Uuid::from_u128(2);
const DOCTOR: Uuid = Uuid::from_u128(3);
const OTHER_DOCTOR: Uuid = Uuid::from_u128(4);
const ROOM: Uuid = Uuid::from_u128(5);
const OTHER_ROOM: Uuid = Uuid::from_u128(6);

/// The rows an appointment refers to, with each id written by `id` as the engine takes it.
fn setup(id: impl Fn(Uuid) -> String) -> Vec<String> {
    let (c, p, d, d2, r, r2) = (
        id(CLINIC),
        id(PATIENT),
        id(DOCTOR),
        id(OTHER_DOCTOR),
        id(ROOM),
        id(OTHER_ROOM),
    );
    vec![
        format!("INSERT INTO clinic (id, name, time_zone) VALUES ({c}, 'Clinic', 'Europe/Paris')"),
        format!(
            "INSERT INTO patient (id, name, name_key, family_key, phone_key, phone_tail) \
             VALUES ({p}, 'Ana', 'ana', 'ana', '', '')"
        ),
        format!("INSERT INTO doctor (id, name) VALUES ({d}, 'Dr A')"),
        format!("INSERT INTO doctor (id, name) VALUES ({d2}, 'Dr B')"),
        format!(
            "INSERT INTO room (id, clinic_id, name, kind) VALUES ({r}, {c}, 'One', 'consultation')"
        ),
        format!(
            "INSERT INTO room (id, clinic_id, name, kind) VALUES ({r2}, {c}, 'Two', 'consultation')"
        ),
    ]
}

fn setup_pg(db: &mut Scratch) {
    for sql in setup(|id| format!("'{id}'")) {
        db.client.batch_execute(&sql).expect(&sql);
    }
}

fn setup_sqlite(conn: &rusqlite::Connection) {
    for sql in setup(|id| format!("X'{}'", id.simple())) {
        conn.execute_batch(&sql).expect(&sql);
    }
}

/// One appointment to insert.
struct Booking<'a> {
    doctor: Uuid,
    room: Option<Uuid>,
    start: i64,
    end: i64,
    status: &'a str,
    overbook: Option<&'a str>,
    kind: &'a str,
    token: &'a str,
    day: Option<&'a str>,
}

const PLAIN: Booking<'static> = Booking {
    doctor: DOCTOR,
    room: None,
    start: 0,
    end: 0,
    status: "scheduled",
    overbook: None,
    kind: "scheduled",
    token: "",
    day: None,
};

const INSERT: &str = "INSERT INTO appointment (id, clinic_id, patient_id, doctor_id, room_id, \
    start_utc, end_utc, mode, kind, status, overbook_reason, queue_token, queue_date, \
    created_by, created_at, updated_by, updated_at) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, 'in_clinic', $8, $9, $10, $11, $12, 'test', 0, 'test', 0)";

/// Inserts `b` on PostgreSQL with a new id, returning the id.
fn book(db: &mut Scratch, b: &Booking) -> Result<Uuid, postgres::Error> {
    let id = Uuid::new_v4();
    db.run(
        INSERT,
        &[
            &id,
            &CLINIC,
            &PATIENT,
            &b.doctor,
            &b.room,
            &b.start,
            &b.end,
            &b.kind,
            &b.status,
            &b.overbook,
            &b.token,
            &b.day,
        ],
    )?;
    Ok(id)
}

/// Inserts `b` on SQLite with a new id.
fn book_sqlite(conn: &rusqlite::Connection, b: &Booking) -> rusqlite::Result<usize> {
    conn.execute(
        &INSERT.replace('$', "?"),
        rusqlite::params![
            Uuid::new_v4(),
            CLINIC,
            PATIENT,
            b.doctor,
            b.room,
            b.start,
            b.end,
            b.kind,
            b.status,
            b.overbook,
            b.token,
            b.day
        ],
    )
}

const HOUR: i64 = 3600;

#[test]
fn the_schema_is_sqlites_in_postgresql_types() {
    let Some(mut db) = Scratch::new() else { return };
    let lite = sqlite();
    let schema = db.schema.clone();

    let tables: Vec<String> = lite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let pg_tables: Vec<String> = db
        .client
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema::text = $1 \
             ORDER BY table_name COLLATE \"C\"",
            &[&schema],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(pg_tables, tables);

    for table in &tables {
        // (name, SQLite's type, NOT NULL or key) in order, as PostgreSQL should hold them.
        let want: Vec<(String, String, bool)> = lite
            .prepare(&format!(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid"
            ))
            .unwrap()
            .query_map([], |r| {
                let ty: String = r.get(1)?;
                let pk: i64 = r.get(3)?;
                let not_null: bool = r.get(2)?;
                Ok((r.get(0)?, ty, not_null || pk > 0))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let got: Vec<(String, String, Option<String>, bool)> = db
            .client
            .query(
                "SELECT column_name::text, data_type::text, collation_name::text, \
                 is_nullable = 'NO' FROM information_schema.columns \
                 WHERE table_schema::text = $1 AND table_name::text = $2 ORDER BY ordinal_position",
                &[&schema, table],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect();
        assert_eq!(got.len(), want.len(), "{table}: {got:?}");
        for ((name, ty, not_null), (pg_name, pg_ty, collation, pg_not_null)) in
            want.iter().zip(&got)
        {
            assert_eq!(name, pg_name, "{table}");
            assert_eq!(not_null, pg_not_null, "{table}.{name}");
            let (expected_ty, expected_collation) = match ty.as_str() {
                "BLOB" => ("uuid", None),
                "INTEGER" => ("bigint", None),
                "TEXT" => ("text", Some("C")),
                other => panic!("{table}.{name}: a column of type {other} has no mapping"),
            };
            assert_eq!(pg_ty, expected_ty, "{table}.{name}");
            assert_eq!(collation.as_deref(), expected_collation, "{table}.{name}");
        }
    }

    // Every index and trigger SQLite has, by name; PostgreSQL's own additions apart (keys,
    // the two exclusion constraints, the TRUNCATE guards).
    let lite_names = |kind: &str| -> BTreeSet<String> {
        lite.prepare(
            "SELECT name FROM sqlite_master WHERE type = ?1 AND name NOT LIKE 'sqlite_autoindex%'",
        )
        .unwrap()
        .query_map([kind], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    let pg_indexes: BTreeSet<String> = db
        .client
        .query(
            "SELECT i.relname::text FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
             JOIN pg_namespace n ON n.oid = i.relnamespace \
             WHERE n.nspname = $1 AND NOT EXISTS \
             (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
            &[&schema],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(pg_indexes, lite_names("index"));
    let pg_triggers: BTreeSet<String> = db
        .client
        .query(
            "SELECT t.tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1 AND NOT t.tgisinternal AND t.tgname NOT LIKE '%_never_truncated'",
            &[&schema],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(pg_triggers, lite_names("trigger"));
    let exclusions: BTreeSet<String> = db
        .client
        .query(
            "SELECT c.conname::text FROM pg_constraint c JOIN pg_namespace n \
             ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.contype = 'x'",
            &[&schema],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(
        exclusions,
        BTreeSet::from([
            "appointment_doctor_not_double_booked".to_owned(),
            "appointment_room_not_double_booked".to_owned()
        ])
    );

    // The two reminder rules migration 6 starts with, to the byte, and their texts in English
    // and Hindi (migration 15).
    type Rule = (Uuid, String, String, i64, i64, String, i64, i64);
    let rules_sql = "SELECT id, name, lead_kind, lead_minutes, lead_days, channel, active, \
                     position FROM reminder_rule ORDER BY id";
    let lite_rules: Vec<Rule> = lite
        .prepare(rules_sql)
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let pg_rules: Vec<Rule> = db
        .client
        .query(rules_sql, &[])
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.get(0),
                r.get(1),
                r.get(2),
                r.get(3),
                r.get(4),
                r.get(5),
                r.get(6),
                r.get(7),
            )
        })
        .collect();
    assert_eq!(lite_rules.len(), 2);
    assert_eq!(pg_rules, lite_rules);
    type Text = (Uuid, String, String, String);
    let texts_sql = "SELECT rule_id, language, subject, body FROM reminder_template \
                     ORDER BY rule_id, language";
    let lite_texts: Vec<Text> = lite
        .prepare(texts_sql)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let pg_texts: Vec<Text> = db
        .client
        .query(texts_sql, &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    assert_eq!(lite_texts.len(), 4, "{lite_texts:?}");
    assert_eq!(pg_texts, lite_texts);
}

#[test]
fn text_sorts_byte_wise_and_staff_names_fold_only_a_to_z() {
    let Some(mut db) = Scratch::new() else { return };
    for (i, name) in ["b", "B", "é", "Z", "a", "É", "亜", "😀"]
        .iter()
        .enumerate()
    {
        let id = Uuid::from_u128(100 + i as u128);
        db.run(
            "INSERT INTO doctor (id, name) VALUES ($1, $2)",
            &[&id, name],
        )
        .unwrap();
    }
    let order: Vec<String> = db
        .client
        .query("SELECT name FROM doctor ORDER BY name", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut bytes = order.clone();
    bytes.sort();
    assert_eq!(order, bytes);

    let staff = "INSERT INTO staff (id, name, role) VALUES ($1, $2, 'nurse')";
    db.run(staff, &[&Uuid::new_v4(), &"Ana Émile"]).unwrap();
    let (code, _) = refused(db.run(staff, &[&Uuid::new_v4(), &"ANA Émile"]));
    assert_eq!(code, SqlState::UNIQUE_VIOLATION);
    // SQLite's NOCASE folds A-Z only: these are two names there, and here.
    db.run(staff, &[&Uuid::new_v4(), &"Ana émile"]).unwrap();
}

#[test]
fn a_doctor_is_never_double_booked_unless_overbooked_with_a_reason() {
    let Some(mut db) = Scratch::new() else { return };
    setup_pg(&mut db);
    let at = |start: i64, end: i64| Booking {
        start: start * HOUR,
        end: end * HOUR,
        ..PLAIN
    };
    let first = book(&mut db, &at(10, 11)).unwrap();

    let inside = Booking {
        start: 10 * HOUR + 1800,
        end: 10 * HOUR + 2400,
        ..PLAIN
    };
    for overlapping in [at(10, 11), at(9, 11), at(10, 12), inside] {
        assert_eq!(
            constraint(book(&mut db, &overlapping).map(|_| 0)),
            "appointment_doctor_not_double_booked"
        );
    }
    // Statuses that hold time: every one but the freeing ones.
    for status in ["confirmed", "checked_in", "in_consultation", "completed"] {
        let b = Booking {
            status,
            ..at(10, 11)
        };
        assert_eq!(
            constraint(book(&mut db, &b).map(|_| 0)),
            "appointment_doctor_not_double_booked",
            "{status}"
        );
    }
    // Accepted: ones that free their time, an overbooked one, back to back, another doctor.
    for status in ["cancelled", "no_show", "entered_in_error"] {
        book(
            &mut db,
            &Booking {
                status,
                ..at(10, 11)
            },
        )
        .expect(status);
    }
    let overbooked = book(
        &mut db,
        &Booking {
            overbook: Some("doctor agreed"),
            ..at(10, 11)
        },
    )
    .unwrap();
    book(&mut db, &at(9, 10)).unwrap();
    book(&mut db, &at(11, 12)).unwrap();
    book(
        &mut db,
        &Booking {
            doctor: OTHER_DOCTOR,
            ..at(10, 11)
        },
    )
    .unwrap();

    // Changes are held to it too: taking the overbook reason away, bringing a cancelled one
    // back, moving one onto another.
    assert_eq!(
        constraint(db.run(
            "UPDATE appointment SET overbook_reason = NULL WHERE id = $1",
            &[&overbooked]
        )),
        "appointment_doctor_not_double_booked"
    );
    let cancelled = book(
        &mut db,
        &Booking {
            status: "cancelled",
            ..at(10, 11)
        },
    )
    .unwrap();
    assert_eq!(
        constraint(db.run(
            "UPDATE appointment SET status = 'scheduled' WHERE id = $1",
            &[&cancelled]
        )),
        "appointment_doctor_not_double_booked"
    );
    let later = book(&mut db, &at(14, 15)).unwrap();
    assert_eq!(
        constraint(db.run(
            "UPDATE appointment SET start_utc = $2, end_utc = $3 WHERE id = $1",
            &[&later, &(10 * HOUR + 1), &(11 * HOUR + 1)]
        )),
        "appointment_doctor_not_double_booked"
    );
    // Once the first is cancelled, its time is free.
    db.run(
        "UPDATE appointment SET status = 'cancelled' WHERE id = $1",
        &[&first],
    )
    .unwrap();
    book(&mut db, &at(10, 11)).unwrap();

    // An end before the start is the CHECK's to refuse, before any range is made.
    let (code, _) = refused(book(&mut db, &at(20, 19)));
    assert_eq!(code, SqlState::CHECK_VIOLATION);
    // Times at the ends of the range still compare.
    book(
        &mut db,
        &Booking {
            start: i64::MAX - 2,
            end: i64::MAX,
            ..PLAIN
        },
    )
    .unwrap();
    assert_eq!(
        constraint(
            book(
                &mut db,
                &Booking {
                    start: i64::MAX - 1,
                    end: i64::MAX,
                    ..PLAIN
                }
            )
            .map(|_| 0)
        ),
        "appointment_doctor_not_double_booked"
    );
}

#[test]
fn double_booking_is_checked_when_the_change_commits() {
    let Some(mut db) = Scratch::new() else { return };
    setup_pg(&mut db);
    let at = |start: i64, end: i64| Booking {
        start: start * HOUR,
        end: end * HOUR,
        ..PLAIN
    };
    // "This and the following": each occurrence moves onto the time the next one leaves.
    let occurrences: Vec<Uuid> = (0..4)
        .map(|i| book(&mut db, &at(i, i + 1)).unwrap())
        .collect();
    let mut tx = db.client.transaction().unwrap();
    for (i, id) in occurrences.iter().enumerate() {
        let start = (i as i64 + 1) * HOUR;
        tx.execute(
            "UPDATE appointment SET start_utc = $2, end_utc = $3 WHERE id = $1",
            &[id, &start, &(start + HOUR)],
        )
        .expect("an overlap on the way is not refused");
    }
    tx.commit().expect("the moved occurrences do not overlap");

    // An overlap still there at the end is refused by COMMIT, and nothing of it is kept.
    let mut tx = db.client.transaction().unwrap();
    tx.execute(
        "UPDATE appointment SET start_utc = $2, end_utc = $3 WHERE id = $1",
        &[&occurrences[0], &(2 * HOUR), &(3 * HOUR)],
    )
    .unwrap();
    let e = tx.commit().expect_err("refused at commit");
    let e = e.as_db_error().expect("the server's");
    assert_eq!(e.code(), &SqlState::EXCLUSION_VIOLATION);
    assert_eq!(e.constraint(), Some("appointment_doctor_not_double_booked"));
    let start: i64 = db
        .client
        .query_one(
            "SELECT start_utc FROM appointment WHERE id = $1",
            &[&occurrences[0]],
        )
        .unwrap()
        .get(0);
    assert_eq!(start, HOUR);
}

/// Two desks book one slot at once, each in its own transaction (taking the store's write lock
/// first when `locked`), for `rounds` slots; returns the losers' SQLSTATEs.
fn race(db: &mut Scratch, locked: bool, rounds: std::ops::Range<i64>) -> Vec<SqlState> {
    let mut losers = Vec::new();
    for round in rounds {
        let (start, end) = (round * HOUR, round * HOUR + 1800);
        let desks: Vec<_> = [db.other_desk(), db.other_desk()]
            .into_iter()
            .map(|mut client| {
                std::thread::spawn(move || {
                    let mut tx = client.transaction()?;
                    if locked {
                        // store::sql::pg::WRITE_LOCK (0x4644_534B), which every write of the store takes.
                        tx.batch_execute("SELECT pg_advisory_xact_lock(1178882891)")?;
                    }
                    tx.execute(
                        INSERT,
                        &[
                            &Uuid::new_v4(),
                            &CLINIC,
                            &PATIENT,
                            &DOCTOR,
                            &None::<Uuid>,
                            &start,
                            &end,
                            &"scheduled",
                            &"scheduled",
                            &None::<&str>,
                            &"",
                            &None::<&str>,
                        ],
                    )?;
                    tx.commit()
                })
            })
            .collect();
        let results: Vec<Result<(), postgres::Error>> =
            desks.into_iter().map(|d| d.join().expect("desk")).collect();
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "{results:?}"
        );
        for e in results.iter().filter_map(|r| r.as_ref().err()) {
            losers.push(e.as_db_error().expect("the server's").code().clone());
        }
    }
    losers
}

#[test]
fn of_two_desks_booking_one_slot_at_once_exactly_one_wins() {
    let Some(mut db) = Scratch::new() else { return };
    setup_pg(&mut db);
    // Without a lock, two inserts that each wait for the other's check can deadlock: the
    // server then ends one (40P01) and the other wins, so the slot is still booked once.
    for code in race(&mut db, false, 0..20) {
        assert!(
            code == SqlState::EXCLUSION_VIOLATION || code == SqlState::T_R_DEADLOCK_DETECTED,
            "{code:?}"
        );
    }
    // Under the store's write lock the second desk finds the first's booking: always 23P01,
    // the refusal the store turns into "this slot was just taken at another desk".
    for code in race(&mut db, true, 20..40) {
        assert_eq!(code, SqlState::EXCLUSION_VIOLATION);
    }
    let booked: i64 = db
        .client
        .query_one("SELECT count(*) FROM appointment", &[])
        .unwrap()
        .get(0);
    assert_eq!(booked, 40);
}

#[test]
fn a_room_is_never_double_booked_unless_overbooked_with_a_reason() {
    let Some(mut db) = Scratch::new() else { return };
    setup_pg(&mut db);
    // Each with its own doctor, so only the room can clash.
    let doctors: Vec<Uuid> = (0..12u128).map(|i| Uuid::from_u128(1000 + i)).collect();
    for d in &doctors {
        db.run("INSERT INTO doctor (id, name) VALUES ($1, 'Dr')", &[d])
            .unwrap();
    }
    let mut next = doctors.iter().copied();
    let mut in_room = |room: Option<Uuid>, start: i64, end: i64| Booking {
        doctor: next.next().expect("enough doctors"),
        room,
        start: start * HOUR,
        end: end * HOUR,
        ..PLAIN
    };
    book(&mut db, &in_room(Some(ROOM), 10, 11)).unwrap();
    let b = in_room(Some(ROOM), 10, 12);
    assert_eq!(
        constraint(book(&mut db, &b).map(|_| 0)),
        "appointment_room_not_double_booked"
    );
    for status in ["cancelled", "no_show", "entered_in_error"] {
        let b = Booking {
            status,
            ..in_room(Some(ROOM), 10, 11)
        };
        book(&mut db, &b).expect(status);
    }
    let b = Booking {
        overbook: Some("two patients share the room"),
        ..in_room(Some(ROOM), 10, 11)
    };
    book(&mut db, &b).unwrap();
    book(&mut db, &in_room(Some(ROOM), 11, 12)).unwrap();
    book(&mut db, &in_room(Some(OTHER_ROOM), 10, 11)).unwrap();
    // No room: nothing to clash over.
    book(&mut db, &in_room(None, 10, 11)).unwrap();
    book(&mut db, &in_room(None, 10, 11)).unwrap();
}

#[test]
fn appointments_and_logs_are_kept_from_deletes() {
    let Some(mut db) = Scratch::new() else { return };
    setup_pg(&mut db);
    let id = book(
        &mut db,
        &Booking {
            start: HOUR,
            end: 2 * HOUR,
            ..PLAIN
        },
    )
    .unwrap();
    let never = "appointments are never deleted: mark them entered_in_error";
    let refusal = refused(db.run("DELETE FROM appointment WHERE id = $1", &[&id]));
    assert_eq!(
        refusal,
        (SqlState::INTEGRITY_CONSTRAINT_VIOLATION, never.into())
    );
    let refusal = refused(db.run("TRUNCATE appointment CASCADE", &[]));
    assert_eq!(
        refusal,
        (SqlState::INTEGRITY_CONSTRAINT_VIOLATION, never.into())
    );

    db.run(
        "INSERT INTO audit_event (appointment_id, at_utc, actor, action) VALUES ($1, 0, 'a', 'booked')",
        &[&id],
    )
    .unwrap();
    db.run(
        "INSERT INTO setup_audit (at_utc, actor, entity_kind, entity_id, action) \
         VALUES (0, 'a', 'doctor', 'x', 'added')",
        &[],
    )
    .unwrap();
    for (table, message) in [
        ("audit_event", "the audit log is append-only"),
        ("setup_audit", "the setup audit is append-only"),
    ] {
        for sql in [
            format!("UPDATE {table} SET actor = 'b'"),
            format!("DELETE FROM {table}"),
            format!("TRUNCATE {table}"),
        ] {
            let refusal = refused(db.run(&sql, &[]));
            assert_eq!(
                refusal,
                (SqlState::INTEGRITY_CONSTRAINT_VIOLATION, message.into()),
                "{sql}"
            );
        }
    }
    // Still there, and the appointment untouched.
    let rows: i64 = db
        .client
        .query_one(
            "SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM setup_audit) \
             + (SELECT count(*) FROM appointment)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(rows, 3);
}

#[test]
fn queue_tokens_are_refused_as_sqlite_refuses_them() {
    let Some(mut db) = Scratch::new() else { return };
    setup_pg(&mut db);
    let lite = sqlite();
    setup_sqlite(&lite);

    let cases = [
        ("walk_in", "W-001", Some("2026-01-05")),
        ("walk_in", "W-999", Some("2026-01-05")),
        ("walk_in", "W-1000", Some("2026-01-05")),
        ("walk_in", "W-9999", Some("2026-01-05")),
        ("emergency", "E-001", Some("2026-01-05")),
        ("emergency", "E-0001", Some("2026-01-05")),
        ("walk_in", "W-0001", Some("2026-01-05")),
        ("walk_in", "W-000", Some("2026-01-05")),
        ("walk_in", "W-10000", Some("2026-01-05")),
        ("walk_in", "w-002", Some("2026-01-05")),
        ("walk_in", "W-02", Some("2026-01-05")),
        ("walk_in", "E-002", Some("2026-01-05")),
        ("emergency", "W-003", Some("2026-01-05")),
        ("scheduled", "W-004", Some("2026-01-05")),
        ("walk_in", "W-005\n", Some("2026-01-05")),
        ("walk_in", " W-006", Some("2026-01-05")),
        ("walk_in", "W-٠٠٧", Some("2026-01-05")),
        ("walk_in", "W-００８", Some("2026-01-05")),
        ("walk_in", "W-009", None),
        ("walk_in", "W-0010", None),
        ("scheduled", "", None),
        // Given already that day: the appointments' unique index refuses it; not that day: fine.
        ("walk_in", "W-001", Some("2026-01-05")),
        ("walk_in", "W-001", Some("2026-01-06")),
    ];
    for (i, (kind, token, day)) in cases.into_iter().enumerate() {
        let b = Booking {
            kind,
            token,
            day,
            // Apart in time, so only the token can be refused.
            start: i as i64 * HOUR,
            end: i as i64 * HOUR + 600,
            ..PLAIN
        };
        let pg = book(&mut db, &b);
        let sqlite = book_sqlite(&lite, &b);
        match (&pg, &sqlite) {
            (Ok(_), Ok(_)) => {}
            (Err(_), Err(rusqlite::Error::SqliteFailure(_, Some(message)))) => {
                let (code, pg_message) = refused(pg);
                if code == SqlState::INTEGRITY_CONSTRAINT_VIOLATION {
                    assert_eq!(&pg_message, message, "{kind} {token:?} {day:?}");
                } else {
                    // A key: SQLite and PostgreSQL word those differently.
                    assert_eq!(
                        code,
                        SqlState::UNIQUE_VIOLATION,
                        "{kind} {token:?}: {pg_message}"
                    );
                    assert!(message.starts_with("UNIQUE constraint failed"), "{message}");
                }
            }
            _ => panic!("{kind} {token:?} {day:?}: PostgreSQL {pg:?}, SQLite {sqlite:?}"),
        }
    }

    // The ledger: every token given enters it, and it is append-only.
    let ledger = |db: &mut Scratch| -> Vec<(String, String)> {
        db.client
            .query(
                "SELECT local_date, token FROM queue_token ORDER BY local_date, token",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect()
    };
    let given: Vec<(String, String)> = db
        .client
        .query(
            "SELECT queue_date, queue_token FROM appointment WHERE queue_token <> '' \
             ORDER BY queue_date, queue_token",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(ledger(&mut db), given);
    assert_eq!(given.len(), 6);

    // A new token for an appointment enters the ledger beside the old one; a token given
    // before that day is refused by the ledger's key, with the appointment left as it was.
    let id: Uuid = db
        .client
        .query_one(
            "SELECT id FROM appointment WHERE queue_token = 'W-999'",
            &[],
        )
        .unwrap()
        .get(0);
    let retoken = "UPDATE appointment SET queue_token = $2, updated_at = 5 WHERE id = $1";
    db.run(retoken, &[&id, &"W-010"]).unwrap();
    assert!(ledger(&mut db).contains(&("2026-01-05".into(), "W-999".into())));
    assert!(ledger(&mut db).contains(&("2026-01-05".into(), "W-010".into())));
    let (code, _) = refused(db.run(retoken, &[&id, &"W-999"]));
    assert_eq!(code, SqlState::UNIQUE_VIOLATION);
    let (code, message) = refused(db.run(retoken, &[&id, &"W-10"]));
    assert_eq!(code, SqlState::INTEGRITY_CONSTRAINT_VIOLATION);
    assert!(
        message.starts_with("a queue token is written W-001"),
        "{message}"
    );
    let (_, message) = refused(db.run(
        "UPDATE appointment SET queue_date = NULL WHERE id = $1",
        &[&id],
    ));
    assert_eq!(message, "a queue token needs its clinic day (queue_date)");
    let (_, message) = refused(db.run(
        "UPDATE appointment SET kind = 'emergency' WHERE id = $1",
        &[&id],
    ));
    assert!(
        message.starts_with("a queue token is written W-001"),
        "{message}"
    );

    let kept = "queue tokens once issued are kept: the ledger is append-only";
    for sql in [
        "UPDATE queue_token SET token = 'W-011'",
        "DELETE FROM queue_token",
        "TRUNCATE queue_token",
    ] {
        assert_eq!(
            refused(db.run(sql, &[])),
            (SqlState::INTEGRITY_CONSTRAINT_VIOLATION, kept.into()),
            "{sql}"
        );
    }
    for token in ["X-001", "W-000", "W-01", "W-0012", "W-012 "] {
        let (_, message) = refused(db.run(
            "INSERT INTO queue_token (clinic_id, local_date, token, appointment_id, issued_at) \
             VALUES ($1, '2026-01-07', $2, $3, 0)",
            &[&CLINIC, &token, &id],
        ));
        assert_eq!(
            message, "the ledger holds queue tokens as written W-001 or E-001, one per number",
            "{token:?}"
        );
    }
}

/// The setup counter moves with every change to the setup, in the schema the change is made
/// in, whatever the search path of the one making it (an administrator in `psql` whose path
/// names no Frontdesk schema, or another clinic's): a desk keeps its setup by this count.
#[test]
fn a_setup_change_from_any_search_path_counts_in_its_own_schema() {
    let Some(mut db) = Scratch::new() else {
        return;
    };
    setup_pg(&mut db);
    let count = |c: &mut Client, schema: &str| -> i64 {
        c.query_one(&format!("SELECT version FROM {schema}.setup_counter"), &[])
            .expect("setup count")
            .get(0)
    };
    let schema = db.schema.clone();
    let before = count(&mut db.client, &schema);
    assert!(before > 0, "the setup rows were counted");
    let mut admin = db.other_desk();
    admin
        .batch_execute("SET search_path TO public")
        .expect("search path");
    admin
        .batch_execute(&format!(
            "UPDATE {schema}.doctor SET active = 0 WHERE name = 'Dr A'"
        ))
        .expect("a change from another search path");
    assert_eq!(count(&mut admin, &schema), before + 1);
    admin
        .batch_execute(&format!(
            "DELETE FROM {schema}.room WHERE name = 'Two'; \
             INSERT INTO {schema}.clinic_hours (clinic_id, weekday, start_minute, end_minute) \
             SELECT id, 1, 480, 1020 FROM {schema}.clinic"
        ))
        .expect("more changes");
    assert_eq!(count(&mut admin, &schema), before + 3);
}

#[test]
fn migration_15_on_a_server_keeps_every_rules_words_and_translates_only_the_untouched() {
    let Some(mut db) = Scratch::at(14) else {
        return;
    };
    let own = "{clinic}: कल {time} बजे {doctor} के साथ आपका अपॉइंटमेंट है।";
    let sms = Uuid::parse_str("0196f1c0-0000-7000-8000-000000000002").expect("id");
    assert_eq!(
        db.run(
            "UPDATE reminder_rule SET body = $1 WHERE id = $2",
            &[&own, &sms]
        )
        .expect("reword"),
        1
    );
    db.migrate(14, PG_MIGRATIONS.len());
    let texts: Vec<(Uuid, String, String)> = db
        .client
        .query(
            "SELECT rule_id, language, body FROM reminder_template ORDER BY rule_id, language",
            &[],
        )
        .expect("texts")
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let languages: Vec<(Uuid, &str)> = texts.iter().map(|(id, l, _)| (*id, l.as_str())).collect();
    let email = Uuid::parse_str("0196f1c0-0000-7000-8000-000000000001").expect("id");
    // The untouched email rule in English and Hindi; the reworded SMS as its English text only.
    assert_eq!(languages, vec![(email, "en"), (email, "hi"), (sms, "en")]);
    assert_eq!(texts[2].2, own);
    // The rule keeps its own columns for a desk still on version 14.
    let body: String = db
        .client
        .query_one("SELECT body FROM reminder_rule WHERE id = $1", &[&sms])
        .expect("rule")
        .get(0);
    assert_eq!(body, own);
}

/// Migration 16 on a server: appointments stored at version 15 stay, `called` becomes a status
/// the database accepts, and a word it does not know is still refused.
#[test]
fn migration_16_on_a_server_lets_a_patient_be_called_and_keeps_refusing_unknown_statuses() {
    let Some(mut db) = Scratch::at(15) else {
        return;
    };
    setup_pg(&mut db);
    let arrived = book(
        &mut db,
        &Booking {
            start: 10 * HOUR,
            end: 11 * HOUR,
            status: "checked_in",
            ..PLAIN
        },
    )
    .expect("an arrival at version 15");
    let (state, _) = refused(db.run(
        "UPDATE appointment SET status = 'called' WHERE id = $1",
        &[&arrived],
    ));
    assert_eq!(state, SqlState::CHECK_VIOLATION, "version 15 knows no call");
    db.migrate(15, PG_MIGRATIONS.len());
    assert_eq!(
        db.run(
            "UPDATE appointment SET status = 'called' WHERE id = $1",
            &[&arrived]
        )
        .expect("called"),
        1
    );
    let (state, _) = refused(db.run(
        "UPDATE appointment SET status = 'calling' WHERE id = $1",
        &[&arrived],
    ));
    assert_eq!(state, SqlState::CHECK_VIOLATION);
    // A called appointment holds its time: the doctor is not double booked over it.
    let (state, _) = refused(book(
        &mut db,
        &Booking {
            start: 10 * HOUR,
            end: 11 * HOUR,
            ..PLAIN
        },
    ));
    assert_eq!(state, SqlState::EXCLUSION_VIOLATION);
}
