//! Store benchmarks on the demo clinic (DESIGN.md §5): 1,000,000 appointments, 200,000 patients,
//! 20 doctors, 12 rooms, seed 1, Asia/Kolkata, "today" 2026-11-24 and "now" 2026-11-24T06:30Z.
//!
//! Every query is timed twice in the same run on the same file: through `frontdesk`'s `Store`
//! ("frontdesk") and as the same SQL through a plain `rusqlite::Connection` with prepared
//! statements, reading the same columns ("floor"). The gap between the two is what our code
//! (conversions, core logic, statement lookup) costs on top of SQLite.
//!
//! The database is built once into `target/bench-data/demo-1m-seed1.sqlite3` and reused. The
//! durable-booking benchmark writes, so it runs on a throw-away copy in the same directory (same
//! disk, so its fsync cost is the real one). `FRONTDESK_BENCH_APPOINTMENTS=20000` gives a quick
//! smoke run on a small database (patients are one for every five appointments).
//!
//! The same queries also run on an encrypted copy of the same database ("frontdesk_encrypted":
//! SQLCipher, the clinic's key applied as a raw key, converted from the cached file by
//! `store::cipher::encrypt_database` and cached beside it), in the same run, so the cost of
//! encryption at rest is read off one table.
//!
//! Run: `cargo bench --bench store`. Results and the machine are written up in BENCHMARKS.md.

mod bench_data;
use bench_data::busiest;

use std::collections::VecDeque;
use std::fs::File;
use std::hint::black_box;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use frontdesk::demo::{self, DemoOptions};
use frontdesk::scheduling::time::local_day;
use frontdesk::scheduling::*;
use frontdesk::signin::{Secret, SecretKind};
use frontdesk::store::cipher::{self, DatabaseKey, KdfCost, KeySlots};
use frontdesk::store::{AgendaFilter, BookingRequest, SlotSearch, SqliteStore, Start, Store};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Statement, params};

const SEED: u64 = 1;
const ZONE: Tz = chrono_tz::Asia::Kolkata;
const TODAY: (i32, u32, u32) = (2026, 11, 24);
const NOW: &str = "2026-11-24T06:30:00Z";
/// `MAX_APPOINTMENT_MINUTES` in seconds: the lower bound of every overlap query.
const MAX_SECS: i64 = MAX_APPOINTMENT_MINUTES * 60;
const SEARCH_LIMIT: usize = 20;

// ---------------------------------------------------------------------------------------------
// The SQL of the store, copied as text (src/store/{agenda,context,booking,setup}.rs) so that the
// floor runs exactly what the store runs, without any of our code.
// ---------------------------------------------------------------------------------------------

macro_rules! appointment_columns {
    () => {
        "a.id, a.clinic_id, a.patient_id, a.doctor_id, a.room_id, \
         a.visit_type_id, a.start_utc, a.end_utc, a.mode, a.kind, a.priority, a.status, a.reason, \
         a.notes, a.meeting_link, a.queue_token, a.arrived_at, a.consultation_started_at, \
         a.completed_at, a.cancel_reason, a.cancelled_by, a.cancelled_late, a.cancelled_at, \
         a.created_by, a.updated_by, a.sequence"
    };
}

macro_rules! agenda_sql {
    ($condition:literal) => {
        concat!(
            "SELECT ",
            appointment_columns!(),
            ", pa.name, pa.phone, d.name, r.name, v.name, a.overbook_reason \
             FROM appointment a JOIN patient pa ON pa.id = a.patient_id \
             JOIN doctor d ON d.id = a.doctor_id LEFT JOIN room r ON r.id = a.room_id \
             LEFT JOIN visit_type v ON v.id = a.visit_type_id WHERE ",
            $condition,
            " AND a.start_utc >= ?2 AND a.start_utc < ?3 AND a.end_utc > ?4 \
             ORDER BY a.start_utc, d.name"
        )
    };
}

const AGENDA_ALL_SQL: &str = agenda_sql!("a.clinic_id = ?1");

/// The floor of the queue board (issue 17): today's waiting in-person appointments of the
/// clinic with their doctor's and room's names, in one plain query.
const WAITING_FLOOR_SQL: &str = "SELECT a.id, a.doctor_id, a.room_id, a.start_utc, a.end_utc, \
    a.kind, a.status, a.queue_token, a.arrived_at, d.name, r.name FROM appointment a \
    JOIN doctor d ON d.id = a.doctor_id LEFT JOIN room r ON r.id = a.room_id \
    WHERE a.clinic_id = ?1 AND a.start_utc >= ?2 AND a.start_utc < ?3 \
    AND a.status IN ('checked_in', 'called') AND a.mode = 'in_clinic'";
const AGENDA_DOCTOR_SQL: &str = agenda_sql!("a.doctor_id = ?1 AND a.clinic_id = ?5");
const AGENDA_ROOM_SQL: &str = agenda_sql!("a.room_id = ?1 AND a.clinic_id = ?5");

const CLINICS_SQL: &str =
    "SELECT id, name, address, time_zone, slot_minutes FROM clinic ORDER BY name";
const CLINIC_HOURS_SQL: &str =
    "SELECT weekday, start_minute, end_minute FROM clinic_hours WHERE clinic_id = ?1";
const DOCTOR_SQL: &str = "SELECT name, active FROM doctor WHERE id = ?1";
const ROOM_SQL: &str = "SELECT name, active FROM room WHERE id = ?1 AND clinic_id = ?2";
const ROOM_HOURS_SQL: &str =
    "SELECT weekday, start_minute, end_minute FROM room_hours WHERE room_id = ?1";
const ROOM_BLOCKOUT_SQL: &str = "SELECT start_utc, end_utc, reason FROM room_blockout \
    WHERE room_id = ?1 AND start_utc < ?2 AND end_utc > ?3 ORDER BY start_utc";
const DOCTOR_HOURS_SQL: &str = "SELECT weekday, start_minute, end_minute FROM doctor_hours \
    WHERE doctor_id = ?1 AND clinic_id = ?2";
const DOCTOR_LEAVE_SQL: &str = "SELECT start_utc, end_utc, reason FROM doctor_leave \
    WHERE doctor_id = ?1 AND start_utc < ?2 AND end_utc > ?3 ORDER BY start_utc";

macro_rules! nearby_sql {
    ($column:literal) => {
        concat!(
            "SELECT a.id, a.doctor_id, a.room_id, a.patient_id, a.start_utc, a.end_utc, a.status, \
             pa.name, d.name FROM appointment a \
             JOIN patient pa ON pa.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
             WHERE ",
            $column,
            " = ?1 AND a.start_utc >= ?2 AND a.start_utc < ?3 AND a.end_utc > ?4"
        )
    };
}

const NEARBY_DOCTOR_SQL: &str = nearby_sql!("a.doctor_id");
const NEARBY_ROOM_SQL: &str = nearby_sql!("a.room_id");
const NEARBY_PATIENT_SQL: &str = nearby_sql!("a.patient_id");

const PATIENT_SQL: &str =
    "SELECT id, name, phone, email, birth_date, external_id FROM patient WHERE id = ?1";

const INSERT_APPOINTMENT_SQL: &str = "INSERT INTO appointment (id, clinic_id, patient_id, \
    doctor_id, room_id, visit_type_id, start_utc, end_utc, mode, kind, priority, status, reason, \
    notes, meeting_link, queue_token, arrived_at, consultation_started_at, completed_at, \
    cancel_reason, cancelled_by, cancelled_late, cancelled_at, created_by, created_at, \
    updated_by, updated_at, sequence, overbook_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, \
    ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, \
    ?27, ?28, ?29)";
const INSERT_AUDIT_SQL: &str = "INSERT INTO audit_event (appointment_id, at_utc, actor, action, \
    before, after, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

const DOCTORS_SQL: &str = "SELECT id, name, specialty, colour, active FROM doctor ORDER BY name";
const ROOMS_SQL: &str =
    "SELECT id, clinic_id, name, kind, active FROM room WHERE clinic_id = ?1 ORDER BY name";

macro_rules! busy_sql {
    ($column:literal) => {
        concat!(
            "SELECT start_utc, end_utc FROM appointment WHERE ",
            $column,
            " = ?1 AND start_utc >= ?2 AND start_utc < ?3 AND end_utc > ?4 \
             AND status NOT IN ('cancelled', 'no_show', 'entered_in_error') ORDER BY start_utc"
        )
    };
}

const BUSY_DOCTOR_SQL: &str = busy_sql!("doctor_id");
const BUSY_ROOM_SQL: &str = busy_sql!("room_id");

macro_rules! search_branch {
    ($column:literal, $top:literal) => {
        concat!(
            "SELECT * FROM (SELECT id, name, phone, email, birth_date, external_id FROM patient \
             WHERE ",
            $column,
            " >= ?1 AND ",
            $column,
            " < ?1 || ",
            $top,
            " ORDER BY ",
            $column,
            " LIMIT ?2)"
        )
    };
}

const SEARCH_NAME_SQL: &str = concat!(
    search_branch!("name_key", "x'f48fbfbf'"),
    " UNION ",
    search_branch!("family_key", "x'f48fbfbf'"),
    " ORDER BY name LIMIT ?2"
);
const SEARCH_PHONE_SQL: &str = concat!(
    search_branch!("phone_key", "x'7f'"),
    " UNION ",
    search_branch!("phone_tail", "x'7f'"),
    " ORDER BY name LIMIT ?2"
);

// ---------------------------------------------------------------------------------------------
// The database file.
// ---------------------------------------------------------------------------------------------

fn appointments_wanted() -> u64 {
    match std::env::var("FRONTDESK_BENCH_APPOINTMENTS") {
        Ok(text) => text.trim().parse().expect(
            "FRONTDESK_BENCH_APPOINTMENTS must be a whole number of appointments, e.g. 20000",
        ),
        Err(_) => 1_000_000,
    }
}

fn bench_data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("bench-data")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("TODAY is a valid date")
}

fn now() -> DateTime<Utc> {
    NOW.parse().expect("NOW is RFC 3339")
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_with_sidecars(path: &Path) {
    for p in [
        path.to_path_buf(),
        sidecar(path, "-wal"),
        sidecar(path, "-shm"),
    ] {
        if p.exists() {
            std::fs::remove_file(&p)
                .unwrap_or_else(|e| panic!("cannot remove {}: {e}", p.display()));
        }
    }
}

/// Opens and closes the file so that SQLite checkpoints the write-ahead log into it; afterwards
/// the file alone holds everything and can be copied.
fn settle(path: &Path) {
    drop(SqliteStore::open(path).expect("open the bench database to settle it"));
    let wal = sidecar(path, "-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert!(
        wal_len == 0,
        "{} still has a {wal_len}-byte write-ahead log after a clean close; another process \
         has it open",
        path.display()
    );
}

fn appointment_count(path: &Path) -> Option<i64> {
    let conn = Connection::open(path).ok()?;
    conn.query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
        .ok()
}

/// The cached demo database, built on first use.
fn demo_database(appointments: u64) -> PathBuf {
    let dir = bench_data_dir();
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let label = if appointments == 1_000_000 {
        "1m".to_owned()
    } else {
        appointments.to_string()
    };
    let path = dir.join(format!("demo-{label}-seed{SEED}.sqlite3"));
    if path.exists() {
        if appointment_count(&path) == Some(appointments as i64) {
            eprintln!("bench: reusing {}", path.display());
            return path;
        }
        eprintln!(
            "bench: {} does not hold {appointments} appointments; rebuilding it",
            path.display()
        );
        remove_with_sidecars(&path);
    }
    let building = sidecar(&path, ".building");
    remove_with_sidecars(&building);
    let options = DemoOptions {
        appointments,
        patients: (appointments / 5).max(200),
        zone: ZONE,
        seed: SEED,
        today: today(),
        now: now(),
    };
    eprintln!(
        "bench: building {} ({} appointments, {} patients); this happens once",
        path.display(),
        options.appointments,
        options.patients
    );
    let started = Instant::now();
    {
        let mut store = SqliteStore::open(&building).expect("create the bench database");
        let mut last_phase = "";
        let summary = demo::build(&mut store, &options, &mut |p| {
            if p.phase != last_phase {
                eprintln!("bench: demo {} …", p.phase);
                last_phase = p.phase;
            }
        })
        .expect("build the demo clinic");
        eprintln!(
            "bench: built {} appointments from {} to {} in {:.1} s",
            summary.appointments,
            summary.first_date,
            summary.last_date,
            started.elapsed().as_secs_f64()
        );
    }
    settle(&building);
    std::fs::rename(&building, &path)
        .unwrap_or_else(|e| panic!("cannot move the bench database into place: {e}"));
    path
}

// ---------------------------------------------------------------------------------------------
// Floor helpers: plain rusqlite.
// ---------------------------------------------------------------------------------------------

/// Runs a prepared statement and reads every column of every row as SQLite holds it (borrowed:
/// no conversion, no allocation); returns the number of rows.
fn scan<P: rusqlite::Params>(stmt: &mut Statement<'_>, params: P) -> usize {
    let n = stmt.column_count();
    let mut rows = stmt.query(params).expect("floor query");
    let mut count = 0;
    while let Some(row) = rows.next().expect("floor row") {
        for i in 0..n {
            black_box(row.get_ref(i).expect("floor column"));
        }
        count += 1;
    }
    count
}

/// Like [`scan`], keeping the id (column 0) of each row whose `active` column, if any, is 1.
fn scan_ids<P: rusqlite::Params>(
    stmt: &mut Statement<'_>,
    params: P,
    active: Option<usize>,
) -> Vec<Vec<u8>> {
    let n = stmt.column_count();
    let mut rows = stmt.query(params).expect("floor query");
    let mut ids = Vec::new();
    while let Some(row) = rows.next().expect("floor row") {
        for i in 1..n {
            black_box(row.get_ref(i).expect("floor column"));
        }
        let keep = active.is_none_or(|c| row.get_ref(c).ok() == Some(ValueRef::Integer(1)));
        if keep {
            ids.push(row.get::<_, Vec<u8>>(0).expect("floor id"));
        }
    }
    ids
}

const BENCH_PASSWORD: &str = "bench password, not a secret";

/// The encrypted copy of `plain` (built once beside it) and its key.
fn encrypted_database(plain: &Path) -> (PathBuf, DatabaseKey) {
    let path = plain.with_extension("encrypted.sqlite3");
    let password = Secret::new_one(SecretKind::Password, BENCH_PASSWORD).expect("password");
    let unwrap = |path: &Path| {
        KeySlots::load(path)
            .ok()?
            .unwrap_with_password("bench", &password)
            .ok()
    };
    if path.exists()
        && let Some(key) = unwrap(&path)
        && SqliteStore::open_encrypted(&path, &key, Default::default())
            .ok()
            .and_then(|s| s.doctors().ok())
            .is_some()
        && appointment_count(plain) == Some(appointments_wanted() as i64)
        && std::fs::metadata(&path).map(|m| m.modified().ok()).ok()
            >= std::fs::metadata(plain).map(|m| m.modified().ok()).ok()
    {
        eprintln!("bench: reusing {}", path.display());
        return (path, key);
    }
    remove_with_sidecars(&path);
    let _ = std::fs::remove_file(cipher::keys_path(&path));
    eprintln!("bench: encrypting a copy of {} (once)", plain.display());
    std::fs::copy(plain, &path).expect("copy the database to encrypt");
    let done = cipher::encrypt_database_with(
        &path,
        "bench",
        &password,
        now(),
        KdfCost::cheap_for_tests(),
        None,
    )
    .expect("encrypt the copy");
    std::fs::remove_file(&done.plaintext).expect("remove the copy's plaintext");
    settle_keyed(&path, &done.key);
    (path, done.key)
}

/// [`settle`] for the encrypted copy.
fn settle_keyed(path: &Path, key: &DatabaseKey) {
    drop(SqliteStore::open_encrypted(path, key, Default::default()).expect("open to settle"));
    let wal_len = std::fs::metadata(sidecar(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    assert!(wal_len == 0, "{} is open elsewhere", path.display());
}

fn plain_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open the floor connection");
    conn.busy_timeout(Duration::from_secs(5))
        .expect("busy timeout");
    // The same settings as the store: WAL is stored in the file; the rest is per connection.
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    conn.pragma_update(None, "foreign_keys", "ON")
        .expect("foreign keys");
    conn
}

/// What a conflict check looks at.
#[derive(Clone, Copy, Debug)]
struct Probe {
    doctor: DoctorId,
    room: RoomId,
    patient: PatientId,
    interval: Interval,
}

/// The statements the store runs to load a clinic and the conflict context of one proposal.
struct ContextFloor<'c> {
    clinics: Statement<'c>,
    clinic_hours: Statement<'c>,
    doctor: Statement<'c>,
    room: Statement<'c>,
    room_hours: Statement<'c>,
    room_blockouts: Statement<'c>,
    doctor_hours: Statement<'c>,
    doctor_leave: Statement<'c>,
    nearby_doctor: Statement<'c>,
    nearby_room: Statement<'c>,
    nearby_patient: Statement<'c>,
}

impl<'c> ContextFloor<'c> {
    fn new(conn: &'c Connection) -> Self {
        let p = |sql: &str| conn.prepare(sql).expect("prepare floor statement");
        Self {
            clinics: p(CLINICS_SQL),
            clinic_hours: p(CLINIC_HOURS_SQL),
            doctor: p(DOCTOR_SQL),
            room: p(ROOM_SQL),
            room_hours: p(ROOM_HOURS_SQL),
            room_blockouts: p(ROOM_BLOCKOUT_SQL),
            doctor_hours: p(DOCTOR_HOURS_SQL),
            doctor_leave: p(DOCTOR_LEAVE_SQL),
            nearby_doctor: p(NEARBY_DOCTOR_SQL),
            nearby_room: p(NEARBY_ROOM_SQL),
            nearby_patient: p(NEARBY_PATIENT_SQL),
        }
    }

    /// Loads every clinic with its hours, as `booking::clinic` does.
    fn clinics(&mut self) -> usize {
        let clinics = scan_ids(&mut self.clinics, [], None);
        let mut n = clinics.len();
        for clinic in &clinics {
            n += scan(&mut self.clinic_hours, [clinic]);
        }
        n
    }

    /// Loads what `context::conflict_context` loads.
    fn context(&mut self, clinic: ClinicId, p: &Probe) -> usize {
        let (start, end) = (p.interval.start.timestamp(), p.interval.end.timestamp());
        let lower = start - MAX_SECS;
        let mut n = scan(&mut self.doctor, [p.doctor.0]);
        n += scan(&mut self.room, params![p.room.0, clinic.0]);
        n += scan(&mut self.room_hours, [p.room.0]);
        n += scan(&mut self.room_blockouts, params![p.room.0, end, start]);
        n += scan(&mut self.doctor_hours, params![p.doctor.0, clinic.0]);
        n += scan(&mut self.doctor_leave, params![p.doctor.0, end, start]);
        n += scan(
            &mut self.nearby_doctor,
            params![p.doctor.0, lower, end, start],
        );
        n += scan(&mut self.nearby_room, params![p.room.0, lower, end, start]);
        n += scan(
            &mut self.nearby_patient,
            params![p.patient.0, lower, end, start],
        );
        n
    }
}

/// `Store::preview` as plain SQL: a deferred transaction, the clinic, the context, rollback.
struct PreviewFloor<'c> {
    begin: Statement<'c>,
    rollback: Statement<'c>,
    context: ContextFloor<'c>,
}

impl<'c> PreviewFloor<'c> {
    fn new(conn: &'c Connection) -> Self {
        Self {
            begin: conn.prepare("BEGIN DEFERRED").expect("prepare BEGIN"),
            rollback: conn.prepare("ROLLBACK").expect("prepare ROLLBACK"),
            context: ContextFloor::new(conn),
        }
    }

    fn run(&mut self, clinic: ClinicId, probe: &Probe) -> usize {
        self.begin.execute([]).expect("BEGIN");
        let n = self.context.clinics() + self.context.context(clinic, probe);
        self.rollback.execute([]).expect("ROLLBACK");
        n
    }
}

/// `Store::book` as plain SQL: `BEGIN IMMEDIATE`, the clinic, the patient, the context, the
/// appointment row, its audit event, `COMMIT`.
struct BookFloor<'c> {
    begin: Statement<'c>,
    commit: Statement<'c>,
    patient: Statement<'c>,
    insert: Statement<'c>,
    audit: Statement<'c>,
    context: ContextFloor<'c>,
}

impl<'c> BookFloor<'c> {
    fn new(conn: &'c Connection) -> Self {
        let p = |sql: &str| conn.prepare(sql).expect("prepare floor statement");
        Self {
            begin: p("BEGIN IMMEDIATE"),
            commit: p("COMMIT"),
            patient: p(PATIENT_SQL),
            insert: p(INSERT_APPOINTMENT_SQL),
            audit: p(INSERT_AUDIT_SQL),
            context: ContextFloor::new(conn),
        }
    }

    fn run(
        &mut self,
        clinic: ClinicId,
        visit_type: Option<VisitTypeId>,
        probe: &Probe,
        now: DateTime<Utc>,
    ) {
        let (start, end) = (
            probe.interval.start.timestamp(),
            probe.interval.end.timestamp(),
        );
        let at = now.timestamp();
        self.begin.execute([]).expect("BEGIN IMMEDIATE");
        self.context.clinics();
        let found = scan(&mut self.patient, [probe.patient.0]);
        assert!(found == 1, "the floor's patient exists");
        self.context.context(clinic, probe);
        let id = uuid::Uuid::now_v7();
        self.insert
            .execute(params![
                id,
                clinic.0,
                probe.patient.0,
                probe.doctor.0,
                probe.room.0,
                visit_type.map(|v| v.0),
                start,
                end,
                "in_clinic",
                "scheduled",
                0,
                "scheduled",
                "Benchmark booking",
                "",
                "",
                "",
                None::<i64>,
                None::<i64>,
                None::<i64>,
                None::<String>,
                None::<String>,
                None::<bool>,
                None::<i64>,
                "bench",
                at,
                "bench",
                at,
                0,
                None::<String>,
            ])
            .expect("floor insert appointment");
        let after = format!(
            "{{\"doctor\":\"{}\",\"end_utc\":{end},\"kind\":\"scheduled\",\"mode\":\"in_clinic\",\
             \"patient\":\"{}\",\"room\":\"{}\",\"start_utc\":{start},\"status\":\"scheduled\"}}",
            probe.doctor.0, probe.patient.0, probe.room.0
        );
        self.audit
            .execute(params![
                id,
                at,
                "bench",
                "created",
                None::<String>,
                after,
                ""
            ])
            .expect("floor insert audit event");
        self.commit.execute([]).expect("COMMIT");
    }
}

/// `Store::find_slots` as plain SQL: the clinic once, then per week-long window every active
/// doctor's hours, leave and bookings and every active room's hours, blockouts and bookings.
struct SlotsFloor<'c> {
    context: ContextFloor<'c>,
    doctors: Statement<'c>,
    rooms: Statement<'c>,
    busy_doctor: Statement<'c>,
    busy_room: Statement<'c>,
}

impl<'c> SlotsFloor<'c> {
    fn new(conn: &'c Connection) -> Self {
        let p = |sql: &str| conn.prepare(sql).expect("prepare floor statement");
        Self {
            context: ContextFloor::new(conn),
            doctors: p(DOCTORS_SQL),
            rooms: p(ROOMS_SQL),
            busy_doctor: p(BUSY_DOCTOR_SQL),
            busy_room: p(BUSY_ROOM_SQL),
        }
    }

    fn run(&mut self, clinic: ClinicId, search: &SlotSearch, windows: usize) -> usize {
        let mut n = self.context.clinics();
        let horizon = search.query.from + chrono::Duration::days(search.horizon_days);
        let mut window_start = search.query.from;
        for _ in 0..windows {
            let window_end = (window_start + chrono::Duration::days(7)).min(horizon);
            let start = window_start.timestamp();
            let end = (window_end + chrono::Duration::minutes(MAX_APPOINTMENT_MINUTES)).timestamp();
            let lower = start - MAX_SECS;
            let c = &mut self.context;
            for id in scan_ids(&mut self.doctors, [], Some(4)) {
                if scan(&mut c.doctor_hours, params![id, clinic.0]) == 0 {
                    continue;
                }
                n += scan(&mut c.doctor_leave, params![id, end, start]);
                n += scan(&mut self.busy_doctor, params![id, lower, end, start]);
            }
            for id in scan_ids(&mut self.rooms, [clinic.0], Some(4)) {
                n += scan(&mut c.room_hours, [&id]);
                n += scan(&mut c.room_blockouts, params![id, end, start]);
                n += scan(&mut self.busy_room, params![id, lower, end, start]);
            }
            window_start = window_end;
        }
        n
    }
}

/// How many week-long windows `find_slots` walks before it has `count` slots (or the horizon).
fn windows_walked(search: &SlotSearch, found: &[Slot]) -> usize {
    let horizon = search.query.from + chrono::Duration::days(search.horizon_days);
    let mut window_start = search.query.from;
    let (mut windows, mut seen) = (0, 0);
    while window_start < horizon && seen < search.query.count {
        let window_end = (window_start + chrono::Duration::days(7)).min(horizon);
        seen += found
            .iter()
            .filter(|s| s.interval.start >= window_start && s.interval.start < window_end)
            .count();
        windows += 1;
        window_start = window_end;
    }
    windows
}

// ---------------------------------------------------------------------------------------------
// Fixtures.
// ---------------------------------------------------------------------------------------------

struct Fixture {
    clinic: ClinicId,
    visit_type: Option<VisitTypeId>,
    doctor: DoctorId,
    room: RoomId,
    day: Interval,
    week: Interval,
    /// A free 15-minute slot of the doctor and room, for a returning patient.
    free: Probe,
    /// The same doctor, room and patient at the start of the doctor's next booking.
    clash: Probe,
}

fn fixture(store: &mut SqliteStore) -> Fixture {
    let clinic = store.clinics().expect("clinics")[0].clone();
    let zone = clinic.time_zone;
    let visit_type = store
        .visit_types()
        .expect("visit types")
        .into_iter()
        .find(|v| v.name == "Consultation")
        .map(|v| v.id);
    let day = local_day(zone, today());
    let monday =
        today() - chrono::Duration::days(i64::from(today().weekday().num_days_from_monday()));
    let week = Interval::new(
        local_day(zone, monday).start,
        local_day(zone, monday + chrono::Duration::days(6)).end,
    );
    let agenda = store
        .agenda(clinic.id, day, AgendaFilter::All)
        .expect("today's agenda");
    let doctor = busiest(agenda.iter().map(|e| e.appointment.doctor));
    let room = busiest(agenda.iter().filter_map(|e| e.appointment.room));
    let patient = agenda[0].appointment.patient;
    let search = SlotSearch {
        clinic: clinic.id,
        target: SlotTarget::DoctorAndRoom(doctor, room),
        query: SlotQuery {
            minutes: 15,
            step_minutes: 15,
            from: now(),
            count: 1,
        },
        horizon_days: 30,
        patient: Some(patient),
    };
    let slot = store.find_slots(&search).expect("find a free slot")[0];
    let next = store
        .agenda(
            clinic.id,
            Interval::new(now(), week.end + chrono::Duration::days(7)),
            AgendaFilter::Doctor(doctor),
        )
        .expect("the doctor's coming bookings")
        .into_iter()
        .find(|e| {
            e.appointment.interval.start > now()
                && !matches!(
                    e.appointment.status,
                    Status::Cancelled | Status::NoShow | Status::EnteredInError
                )
        })
        .expect("the doctor has a coming booking");
    let clash_start = next.appointment.interval.start;
    let name_of = |e: &frontdesk::store::AgendaEntry| {
        (e.appointment.doctor == doctor).then(|| e.doctor_name.clone())
    };
    let room_name = agenda
        .iter()
        .find(|e| e.appointment.room == Some(room))
        .and_then(|e| e.room_name.clone());
    eprintln!(
        "bench: busiest today: {}, {}",
        agenda.iter().find_map(name_of).unwrap_or_default(),
        room_name.unwrap_or_default()
    );
    Fixture {
        clinic: clinic.id,
        visit_type,
        doctor,
        room,
        day,
        week,
        free: Probe {
            doctor,
            room,
            patient,
            interval: slot.interval,
        },
        clash: Probe {
            doctor,
            room,
            patient,
            interval: Interval::new(clash_start, clash_start + chrono::Duration::minutes(15)),
        },
    }
}

fn request(f: &Fixture, visit_type: Option<VisitTypeId>, p: &Probe) -> BookingRequest {
    BookingRequest {
        clinic: f.clinic,
        patient: p.patient,
        doctor: p.doctor,
        room: Some(p.room),
        visit_type,
        start: Start::At(p.interval.start),
        minutes: p.interval.minutes(),
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        reason: "Benchmark booking".to_owned(),
        notes: String::new(),
        overbook: None,
        new_patient: None,
    }
}

/// One doctor and one room booked forward slot by slot, for patients of its own.
struct Lane {
    doctor: DoctorId,
    room: RoomId,
    patients: Vec<PatientId>,
    turn: usize,
    from: DateTime<Utc>,
    queue: VecDeque<Interval>,
}

/// Hands out conflict-free bookings. Lanes pair distinct doctors with distinct rooms, so no two
/// lanes share a doctor or a room; each lane walks its own free slots forward (never overlapping
/// each other) and books patients that have no appointment from today on and belong to that
/// lane alone. So no booking meets a conflict, however many iterations criterion asks for.
struct SlotFeed {
    clinic: ClinicId,
    lanes: Vec<Lane>,
    turn: usize,
}

impl SlotFeed {
    fn new(store: &SqliteStore, conn: &Connection, clinic: ClinicId) -> Self {
        let doctors = store.doctors().expect("doctors");
        let rooms = store.rooms(clinic).expect("rooms");
        let lanes_n = doctors.len().min(rooms.len());
        let per_lane = 50;
        let today_start = local_day(ZONE, today()).start.timestamp() - 86_400;
        let mut stmt = conn
            .prepare(
                "SELECT id FROM patient p WHERE NOT EXISTS (SELECT 1 FROM appointment a \
                 WHERE a.patient_id = p.id AND a.start_utc >= ?1) LIMIT ?2",
            )
            .expect("prepare the patient pool query");
        let pool: Vec<PatientId> = stmt
            .query_map(params![today_start, (lanes_n * per_lane) as i64], |r| {
                Ok(PatientId(r.get(0)?))
            })
            .expect("patient pool")
            .collect::<rusqlite::Result<_>>()
            .expect("patient pool rows");
        assert!(
            pool.len() >= lanes_n,
            "the demo database has too few patients without coming appointments"
        );
        let chunk = pool.len() / lanes_n;
        let from = local_day(ZONE, today() + chrono::Duration::days(14)).start;
        let lanes = doctors
            .iter()
            .zip(&rooms)
            .enumerate()
            .map(|(i, (d, r))| Lane {
                doctor: d.id,
                room: r.id,
                patients: pool[i * chunk..(i + 1) * chunk].to_vec(),
                turn: 0,
                from,
                queue: VecDeque::new(),
            })
            .collect();
        Self {
            clinic,
            lanes,
            turn: 0,
        }
    }

    fn next(&mut self, store: &SqliteStore) -> Probe {
        let n = self.lanes.len();
        let lane = &mut self.lanes[self.turn % n];
        self.turn += 1;
        if lane.queue.is_empty() {
            let search = SlotSearch {
                clinic: self.clinic,
                target: SlotTarget::DoctorAndRoom(lane.doctor, lane.room),
                query: SlotQuery {
                    minutes: 15,
                    step_minutes: 15,
                    from: lane.from,
                    count: 64,
                },
                horizon_days: 120,
                patient: None,
            };
            let slots = store.find_slots(&search).expect("refill booking slots");
            let last = slots.last().expect("a lane always has free slots ahead");
            lane.from = last.interval.end;
            lane.queue.extend(slots.iter().map(|s| s.interval));
        }
        let interval = lane.queue.pop_front().expect("a refilled queue");
        let patient = lane.patients[lane.turn % lane.patients.len()];
        lane.turn += 1;
        Probe {
            doctor: lane.doctor,
            room: lane.room,
            patient,
            interval,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The benchmarks.
// ---------------------------------------------------------------------------------------------

fn store_benches(c: &mut Criterion) {
    let appointments = appointments_wanted();
    let cached = demo_database(appointments);
    // Other sizes get their own names, so criterion never compares them with the 1M baseline.
    let group_id = |name: &str| {
        if appointments == 1_000_000 {
            name.to_owned()
        } else {
            format!("{name}@{appointments}")
        }
    };

    // The booking bench's own copy, made while nothing has the cached file open.
    settle(&cached);
    let scratch = tempfile::Builder::new()
        .prefix("booking-")
        .tempdir_in(bench_data_dir())
        .expect("a scratch directory beside the cached database");
    let booking_path = scratch.path().join("booking.sqlite3");
    std::fs::copy(&cached, &booking_path).expect("copy the database for the booking bench");
    let (encrypted, key) = encrypted_database(&cached);
    let enc_booking_path = scratch.path().join("booking.encrypted.sqlite3");
    std::fs::copy(&encrypted, &enc_booking_path).expect("copy the encrypted database");

    let mut enc = SqliteStore::open_encrypted(&encrypted, &key, Default::default())
        .expect("open the encrypted copy");
    let mut store = SqliteStore::open(&cached).expect("open the cached database");
    let floor = plain_connection(&cached);
    let f = fixture(&mut store);
    let lower = |w: Interval| w.start.timestamp() - MAX_SECS;

    // --- day and week views -------------------------------------------------------------
    let views: [(&str, Interval, AgendaFilter, &str, uuid::Uuid); 3] = [
        (
            "day_view",
            f.day,
            AgendaFilter::All,
            AGENDA_ALL_SQL,
            f.clinic.0,
        ),
        (
            "week_view_doctor",
            f.week,
            AgendaFilter::Doctor(f.doctor),
            AGENDA_DOCTOR_SQL,
            f.doctor.0,
        ),
        (
            "week_view_room",
            f.week,
            AgendaFilter::Room(f.room),
            AGENDA_ROOM_SQL,
            f.room.0,
        ),
    ];
    for (name, window, filter, sql, key) in views {
        let mut stmt = floor.prepare(sql).expect("prepare the agenda floor");
        let (lo, end, start) = (
            lower(window),
            window.end.timestamp(),
            window.start.timestamp(),
        );
        let run_floor = |stmt: &mut Statement<'_>| {
            if matches!(filter, AgendaFilter::All) {
                scan(stmt, params![key, lo, end, start])
            } else {
                scan(stmt, params![key, lo, end, start, f.clinic.0])
            }
        };
        let ours = store.agenda(f.clinic, window, filter).expect("agenda");
        let plain = run_floor(&mut stmt);
        assert_eq!(ours.len(), plain, "{name}: floor and store disagree");
        let theirs = enc.agenda(f.clinic, window, filter).expect("agenda");
        assert_eq!(theirs, ours, "{name}: the encrypted copy disagrees");
        eprintln!("bench: {name} returns {} appointments", ours.len());
        let mut group = c.benchmark_group(group_id(name));
        group.bench_function("frontdesk", |b| {
            b.iter(|| black_box(store.agenda(f.clinic, black_box(window), filter)))
        });
        group.bench_function("frontdesk_encrypted", |b| {
            b.iter(|| black_box(enc.agenda(f.clinic, black_box(window), filter)))
        });
        group.bench_function("floor", |b| b.iter(|| black_box(run_floor(&mut stmt))));
        group.finish();
    }

    // --- the waiting room's queue board (issue 17) -----------------------------------------
    {
        use frontdesk::store::WaitingRoom;
        let (start, end) = (f.day.start.timestamp(), f.day.end.timestamp());
        let mut stmt = floor
            .prepare(WAITING_FLOOR_SQL)
            .expect("prepare the board floor");
        let board = store.queue_board(f.clinic, now()).expect("the board");
        let shown: usize =
            board.lines.iter().map(|l| l.waiting.len()).sum::<usize>() + board.calling.len();
        let plain = scan(&mut stmt, params![f.clinic.0, start, end]);
        assert_eq!(shown, plain, "queue_board: floor and store disagree");
        eprintln!("bench: queue_board shows {shown} waiting patients");
        let mut group = c.benchmark_group(group_id("queue_board"));
        group.bench_function("frontdesk", |b| {
            b.iter(|| black_box(store.queue_board(f.clinic, black_box(now()))))
        });
        group.bench_function("floor", |b| {
            b.iter(|| black_box(scan(&mut stmt, params![f.clinic.0, start, end])))
        });
        group.finish();
    }

    // --- conflict check -------------------------------------------------------------------
    for (name, probe) in [
        ("conflict_check", f.free),
        ("conflict_check_clash", f.clash),
    ] {
        let req = request(&f, f.visit_type, &probe);
        let conflicts = store.preview(&req, now()).expect("preview");
        eprintln!(
            "bench: {name} at {} meets {} conflicts",
            probe.interval.start,
            conflicts.len()
        );
        let mut plain = PreviewFloor::new(&floor);
        let mut group = c.benchmark_group(group_id(name));
        assert_eq!(
            enc.preview(&req, now()).expect("preview").len(),
            conflicts.len(),
            "{name}: the encrypted copy disagrees"
        );
        group.bench_function("frontdesk", |b| {
            b.iter(|| black_box(store.preview(black_box(&req), now())))
        });
        group.bench_function("frontdesk_encrypted", |b| {
            b.iter(|| black_box(enc.preview(black_box(&req), now())))
        });
        group.bench_function("floor", |b| {
            b.iter(|| black_box(plain.run(f.clinic, black_box(&probe))))
        });
        group.finish();
    }

    // --- slot search ----------------------------------------------------------------------
    let slot_searches = [
        ("next_free_slot_any_doctor", SlotTarget::AnyDoctor, 15, 1),
        (
            "slots_one_doctor_20",
            SlotTarget::Doctor(f.doctor),
            15,
            SEARCH_LIMIT,
        ),
        // Longer than any working span: nothing fits, so all 90 days are walked (the worst case).
        ("slots_none_fit_90d", SlotTarget::Doctor(f.doctor), 420, 1),
    ];
    for (name, target, minutes, count) in slot_searches {
        let search = SlotSearch {
            clinic: f.clinic,
            target,
            query: SlotQuery {
                minutes,
                step_minutes: 15,
                from: now(),
                count,
            },
            horizon_days: 90,
            patient: None,
        };
        let found = store.find_slots(&search).expect("find slots");
        let windows = windows_walked(&search, &found);
        eprintln!(
            "bench: {name} finds {} slots (first {:?}) walking {windows} week windows",
            found.len(),
            found.first().map(|s| s.interval.start)
        );
        let mut plain = SlotsFloor::new(&floor);
        let mut group = c.benchmark_group(group_id(name));
        if windows > 2 {
            group.sampling_mode(SamplingMode::Flat);
        }
        assert_eq!(
            enc.find_slots(&search).expect("find slots"),
            found,
            "{name}: the encrypted copy disagrees"
        );
        group.bench_function("frontdesk", |b| {
            b.iter(|| black_box(store.find_slots(black_box(&search))))
        });
        group.bench_function("frontdesk_encrypted", |b| {
            b.iter(|| black_box(enc.find_slots(black_box(&search))))
        });
        group.bench_function("floor", |b| {
            b.iter(|| black_box(plain.run(f.clinic, black_box(&search), windows)))
        });
        group.finish();
    }

    // --- patient typeahead ----------------------------------------------------------------
    for (name, text) in [
        ("patient_search_name_sa", "sa"),
        ("patient_search_family_sharma", "sharma"),
        ("patient_search_phone_98", "98"),
    ] {
        let phone = text.chars().all(|c| c.is_ascii_digit());
        let mut stmt = floor
            .prepare(if phone {
                SEARCH_PHONE_SQL
            } else {
                SEARCH_NAME_SQL
            })
            .expect("prepare the search floor");
        let limit = SEARCH_LIMIT as i64;
        let ours = store.search_patients(text, SEARCH_LIMIT).expect("search");
        let plain = scan(&mut stmt, params![text, limit]);
        assert_eq!(ours.len(), plain, "{name}: floor and store disagree");
        eprintln!("bench: {name} returns {} patients", ours.len());
        let mut group = c.benchmark_group(group_id(name));
        assert_eq!(
            enc.search_patients(text, SEARCH_LIMIT).expect("search"),
            ours,
            "{name}: the encrypted copy disagrees"
        );
        group.bench_function("frontdesk", |b| {
            b.iter(|| black_box(store.search_patients(black_box(text), SEARCH_LIMIT)))
        });
        group.bench_function("frontdesk_encrypted", |b| {
            b.iter(|| black_box(enc.search_patients(black_box(text), SEARCH_LIMIT)))
        });
        group.bench_function("floor", |b| {
            b.iter(|| black_box(scan(&mut stmt, params![black_box(text), limit])))
        });
        group.finish();
    }
    drop(store);
    drop(enc);

    // --- durable booking (on the scratch copies) ------------------------------------------
    let mut book_store = SqliteStore::open(&booking_path).expect("open the booking copy");
    let book_floor_conn = plain_connection(&booking_path);
    let mut feed = SlotFeed::new(&book_store, &book_floor_conn, f.clinic);
    let mut enc_book_store =
        SqliteStore::open_encrypted(&enc_booking_path, &key, Default::default())
            .expect("open the encrypted booking copy");
    // The copies hold the same data, so the plain copy's patient pool serves both.
    let mut enc_feed = SlotFeed::new(&enc_book_store, &book_floor_conn, f.clinic);
    let mut plain = BookFloor::new(&book_floor_conn);
    let probe_path = scratch.path().join("fsync-probe");
    let probe_file = File::create(&probe_path).expect("create the fsync probe file");
    let page = [7u8; 4096];
    let mut group = c.benchmark_group(group_id("durable_booking"));
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    group.bench_function("frontdesk", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let probe = feed.next(&book_store);
                let req = request(&f, f.visit_type, &probe);
                let started = Instant::now();
                let outcome = book_store.book(&req, "bench", now());
                total += started.elapsed();
                let outcome = outcome.unwrap_or_else(|e| panic!("booking {probe:?} refused: {e}"));
                assert!(outcome.overbooked.is_none(), "a bench booking overbooked");
                black_box(outcome);
            }
            total
        })
    });
    group.bench_function("frontdesk_encrypted", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let probe = enc_feed.next(&enc_book_store);
                let req = request(&f, f.visit_type, &probe);
                let started = Instant::now();
                let outcome = enc_book_store.book(&req, "bench", now());
                total += started.elapsed();
                let outcome = outcome.unwrap_or_else(|e| panic!("booking {probe:?} refused: {e}"));
                assert!(outcome.overbooked.is_none(), "a bench booking overbooked");
                black_box(outcome);
            }
            total
        })
    });
    group.bench_function("floor", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let probe = feed.next(&book_store);
                let started = Instant::now();
                plain.run(f.clinic, f.visit_type, black_box(&probe), now());
                total += started.elapsed();
            }
            total
        })
    });
    group.bench_function("plain_fsync_4k", |b| {
        b.iter(|| {
            probe_file
                .write_all_at(black_box(&page), 0)
                .expect("write the probe page");
            probe_file.sync_all().expect("fsync the probe file");
        })
    });
    group.finish();
    drop(plain);
    drop(book_floor_conn);
    drop(book_store);
    drop(enc_book_store);
    drop(scratch);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .without_plots();
    targets = store_benches
}
criterion_main!(benches);
