//! Shared test fixtures: the engines the store's tests run on ([`TestBackend`]), a small clinic
//! in a fresh database of one of them, and request builders.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use frontdesk::scheduling::*;
use frontdesk::store::{BookingRequest, SqliteStore, Start, Store};
use uuid::Uuid;

/// An engine the store's tests run on: how a test gets an empty store of its own, a second desk
/// on the same database, and the name a child process opens it by. The contract suite
/// (`tests/contract/`) is written against this alone; an engine joins it with one
/// `store_contract!(common::TheEngine);`.
pub trait TestBackend: Sized + 'static {
    /// The store it makes.
    type Store: Store + Send + 'static;
    /// What keeps the database alive while a test runs (a temporary folder, a throwaway
    /// database), dropped after the stores.
    type Home;
    /// An empty store (no clinic yet) in a database of its own, and its home.
    fn fresh() -> (Self::Store, Self::Home);
    /// A second desk on the same database, as another window would open it.
    fn reopen(home: &Self::Home) -> Self::Store;
    /// What `--db` gets in a child process to open the same database.
    fn locator(home: &Self::Home) -> String;
    /// Whether this engine can be tested here (a server engine needs its server).
    fn available() -> bool {
        true
    }
}

/// The SQLite engine: a file in a temporary folder.
pub struct Sqlite;

impl Sqlite {
    /// The database file in its home.
    pub fn file(home: &tempfile::TempDir) -> std::path::PathBuf {
        home.path().join("clinic.sqlite3")
    }
}

impl TestBackend for Sqlite {
    type Store = SqliteStore;
    type Home = tempfile::TempDir;

    fn fresh() -> (SqliteStore, tempfile::TempDir) {
        let home = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(Self::file(&home)).expect("open");
        (store, home)
    }

    fn reopen(home: &tempfile::TempDir) -> SqliteStore {
        SqliteStore::open(Self::file(home)).expect("a second desk opens")
    }

    fn locator(home: &tempfile::TempDir) -> String {
        Self::file(home).to_string_lossy().into_owned()
    }
}

/// The PostgreSQL engine: a schema of its own per test, in the database that
/// `FRONTDESK_TEST_POSTGRES` names (`scripts/test.sh` starts a throwaway server and sets it).
pub struct Postgres;

/// A test's schema on the server; dropped with everything in it when the test ends.
pub struct PgHome {
    server: String,
    schema: String,
}

impl PgHome {
    /// The address of the test's schema: the server's, with the schema as the search path.
    pub fn url(&self) -> String {
        let join = if self.server.contains('?') { '&' } else { '?' };
        format!(
            "{}{join}options=-c%20search_path%3D{}",
            self.server, self.schema
        )
    }
}

impl Drop for PgHome {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

impl Postgres {
    /// The test server's address, when one is given.
    pub fn server() -> Option<String> {
        std::env::var("FRONTDESK_TEST_POSTGRES")
            .ok()
            .filter(|s| !s.is_empty())
    }

    /// A new empty schema on the test server.
    pub fn home() -> PgHome {
        let server = Self::server().expect("FRONTDESK_TEST_POSTGRES names the test server");
        let schema = format!("t_{}", Uuid::new_v4().simple());
        let mut admin =
            postgres::Client::connect(&server, postgres::NoTls).expect("the test server answers");
        // btree_gist lives in the database's public schema (as `scripts/postgres.sh` makes it):
        // made in a test's own schema, it would go with that schema while other tests use it.
        // The lock is the one desks migrate under (`MIGRATE_LOCK`): a migration that makes it
        // and this never race.
        admin
            .batch_execute(
                "SELECT pg_advisory_lock(1178882893); \
                 CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public; \
                 SELECT pg_advisory_unlock(1178882893)",
            )
            .expect("btree_gist in the public schema");
        admin
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .expect("a schema for the test");
        PgHome { server, schema }
    }
}

impl TestBackend for Postgres {
    type Store = frontdesk::store::PostgresStore;
    type Home = PgHome;

    fn fresh() -> (Self::Store, PgHome) {
        let home = Self::home();
        let store = frontdesk::store::PostgresStore::open(&home.url()).expect("open");
        (store, home)
    }

    fn reopen(home: &PgHome) -> Self::Store {
        frontdesk::store::PostgresStore::open(&home.url()).expect("a second desk opens")
    }

    fn locator(home: &PgHome) -> String {
        home.url()
    }

    fn available() -> bool {
        if Self::server().is_some() {
            return true;
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "FRONTDESK_TEST_POSTGRES is not set: CI must run the store contract on PostgreSQL (scripts/test.sh starts a server)"
        );
        eprintln!(
            "skipped: FRONTDESK_TEST_POSTGRES is not set (scripts/test.sh starts a PostgreSQL server)"
        );
        false
    }
}

/// A small clinic: two doctors working 09:00–13:00 and 14:00–18:00 every day, two rooms, three
/// patients, one visit type, in `zone`, in a fresh database of engine `B`.
pub struct Clinic1<B: TestBackend = Sqlite> {
    pub store: B::Store,
    pub home: B::Home,
    pub zone: Tz,
    pub clinic: ClinicId,
    pub rao: DoctorId,
    pub mehta: DoctorId,
    pub room1: RoomId,
    pub room2: RoomId,
    pub asha: PatientId,
    pub ravi: PatientId,
    pub lata: PatientId,
    pub consult: VisitTypeId,
}

pub const ALL_DAYS: [Weekday; 7] = frontdesk::scheduling::hours::WEEKDAYS;

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub fn patient(n: u128, name: &str, phone: &str) -> Patient {
    Patient {
        id: PatientId(id(n)),
        name: name.to_owned(),
        phone: phone.to_owned(),
        email: String::new(),
        birth_date: NaiveDate::from_ymd_opt(1980, 5, 17),
        external_id: String::new(),
    }
}

impl Clinic1<Sqlite> {
    /// The clinic in a fresh SQLite file.
    pub fn new(zone: Tz) -> Self {
        Self::fresh(zone)
    }

    /// The SQLite file (for the tests that reach into it, `tests/sqlite_only.rs` and the like).
    pub fn path(&self) -> std::path::PathBuf {
        Sqlite::file(&self.home)
    }
}

impl<B: TestBackend> Clinic1<B> {
    /// The clinic in a fresh database of engine `B`.
    pub fn fresh(zone: Tz) -> Self {
        let (mut store, home) = B::fresh();
        let clinic = ClinicId(id(1));
        store
            .add_clinic(&Clinic {
                id: clinic,
                name: "Test Clinic".into(),
                address: "1 Main Street".into(),
                time_zone: zone,
                opening_hours: WeeklyHours::same_each(&ALL_DAYS, &[DaySpan::new(8 * 60, 20 * 60)])
                    .expect("hours"),
                slot_minutes: 15,
            })
            .expect("clinic");
        let hours = WeeklyHours::same_each(
            &ALL_DAYS,
            &[
                DaySpan::new(9 * 60, 13 * 60),
                DaySpan::new(14 * 60, 18 * 60),
            ],
        )
        .expect("hours");
        let (rao, mehta) = (DoctorId(id(10)), DoctorId(id(11)));
        for (doctor, name) in [(rao, "Dr. Anjali Rao"), (mehta, "Dr. Vikram Mehta")] {
            store
                .add_doctor(&Doctor {
                    id: doctor,
                    name: name.into(),
                    specialty: "General Practice".into(),
                    colour: "#3b82f6".into(),
                    active: true,
                })
                .expect("doctor");
            store
                .set_doctor_hours(doctor, clinic, &hours)
                .expect("hours");
        }
        let (room1, room2) = (RoomId(id(20)), RoomId(id(21)));
        for (room, name) in [(room1, "Room 1"), (room2, "Room 2")] {
            store
                .add_room(
                    &Room {
                        id: room,
                        clinic,
                        name: name.into(),
                        kind: RoomKind::Consultation,
                        active: true,
                    },
                    None,
                )
                .expect("room");
        }
        let consult = VisitTypeId(id(30));
        store
            .add_visit_type(&VisitType {
                id: consult,
                name: "Consultation".into(),
                minutes: 15,
                colour: "#3b82f6".into(),
                default_mode: Mode::InClinic,
            })
            .expect("visit type");
        let asha = patient(40, "Asha Iyer", "+91 98450 12345");
        let ravi = patient(41, "Ravi Kumar", "+91 99000 55555");
        let lata = patient(42, "Lata Müller-D'Souza", "+44 20 7946 0018");
        for p in [&asha, &ravi, &lata] {
            store.add_patient(p).expect("patient");
        }
        Self {
            store,
            home,
            zone,
            clinic,
            rao,
            mehta,
            room1,
            room2,
            asha: asha.id,
            ravi: ravi.id,
            lata: lata.id,
            consult,
        }
    }

    /// A second desk on the same database.
    pub fn reopen(&self) -> B::Store {
        B::reopen(&self.home)
    }

    /// What `--db` gets in a child process to open the same database.
    pub fn locator(&self) -> String {
        B::locator(&self.home)
    }

    /// A wall time in the clinic's zone.
    pub fn local(&self, text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("wall time")
    }

    /// The instant of a wall time in the clinic's zone (must exist).
    pub fn at(&self, text: &str) -> DateTime<Utc> {
        self.zone
            .from_local_datetime(&self.local(text))
            .earliest()
            .expect("existing local time")
            .with_timezone(&Utc)
    }

    /// A 15-minute scheduled booking request at a local wall time.
    pub fn request(
        &self,
        doctor: DoctorId,
        room: Option<RoomId>,
        patient: PatientId,
        start: &str,
    ) -> BookingRequest {
        BookingRequest {
            clinic: self.clinic,
            patient,
            doctor,
            room,
            visit_type: Some(self.consult),
            start: Start::Local(self.local(start)),
            minutes: 15,
            mode: Mode::InClinic,
            kind: Kind::Scheduled,
            priority: 0,
            reason: "Check-up".into(),
            notes: String::new(),
            overbook: None,
            new_patient: None,
        }
    }

    /// Books a 15-minute visit by "maria" that must succeed.
    pub fn book_ok(
        &mut self,
        doctor: DoctorId,
        room: Option<RoomId>,
        patient: PatientId,
        start: &str,
        now: DateTime<Utc>,
    ) -> Appointment {
        let request = self.request(doctor, room, patient, start);
        self.store
            .book(&request, "maria", now)
            .expect("a free slot books")
            .appointment
    }

    /// Every appointment of the clinic on a local date.
    pub fn day(&self, date: &str) -> Vec<frontdesk::store::AgendaEntry> {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
        self.store
            .agenda(
                self.clinic,
                time::local_day(self.zone, date),
                frontdesk::store::AgendaFilter::All,
            )
            .expect("agenda")
    }
}

/// How many records of a kind the store holds (a label of `CheckReport::COUNTED`: "appointments",
/// "audit events", "series", …), read through the store's own check rather than from its file.
pub fn count_of<S: Store + ?Sized>(store: &S, label: &str) -> i64 {
    store
        .check()
        .expect("check")
        .count(label)
        .unwrap_or_else(|| panic!("{label} is counted"))
}

/// An instant from RFC 3339 text.
pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("rfc3339")
        .with_timezone(&Utc)
}

/// Midnight of a date as a wall time.
pub fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// An Argon2id hash of `password` made cheaply (the stored parameters are what checking it
/// costs), so tests sign in many times without the real cost.
pub fn quick_hash(password: &str) -> frontdesk::signin::Hashed {
    use argon2::password_hash::PasswordHasher;
    let params = argon2::Params::new(256, 1, 1, None).expect("params");
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let phc = argon.hash_password(password.as_bytes()).expect("hash");
    frontdesk::signin::Hashed::stored(phc.to_string())
}

/// Adds staff member `id`, named `name`, of `role`, whose password `password` has a cheaply
/// checked hash ([`quick_hash`]), as set up at "desk-1".
pub fn staff_with_quick_password(
    store: &mut dyn Store,
    id: StaffId,
    name: &str,
    role: StaffRole,
    password: &str,
) -> StaffMember {
    let at = utc("2026-06-01T00:00:00Z");
    let member = StaffMember {
        id,
        name: name.to_owned(),
        role,
        active: true,
    };
    store.save_staff(&member, "setup", at).expect("staff");
    let access = frontdesk::scheduling::access::Access {
        at,
        desk: "desk-1".into(),
        staff: None,
        name: "setup".into(),
        kind: frontdesk::scheduling::access::AccessKind::ChangedPermission,
        subject: member.id.to_string(),
        detail: "password set".into(),
    };
    store
        .set_secret(
            member.id,
            frontdesk::signin::SecretKind::Password,
            Some(&quick_hash(password)),
            &access,
        )
        .expect("password");
    member
}
