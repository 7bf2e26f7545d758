//! The store on a clinic's shared PostgreSQL server beside SQLite, in one run, on the same demo
//! clinic (1,000,000 appointments, 200,000 patients, seed 1, Asia/Kolkata, "today" 2026-11-24,
//! "now" 2026-11-24T06:30Z): the day view, a conflict check, the next free slot of any doctor in
//! 90 days, a durable booking with 8 desks booking at once (threads, each with a store of its
//! own; p50/p95), and how soon a change made at one desk is seen at another (a `Watcher`
//! waiting while another store books; p50/p95).
//!
//! Every PostgreSQL figure has a floor beside it on the same server: the same statements the
//! store sends (as the server's statement log shows them), prepared once on a plain
//! `postgres::Client`, rows received but not converted. For SQLite the floors are in
//! `benches/store.rs`.
//!
//! The server is `FRONTDESK_BENCH_POSTGRES` (a URL; `scripts/postgres.sh start DIR` gives one);
//! without it the bench says it skipped and does nothing. Its database must be empty (the demo
//! clinic is loaded into it once, as `frontdesk --db URL demo` would) or hold this bench's demo
//! clinic from an earlier run. The SQLite file is `target/bench-data/demo-1m-seed1.sqlite3`, the
//! one `benches/store.rs` builds (built here when missing). The bookings go to the server's
//! database and to a copy of the SQLite file, in 2027 (after the demo's last day), so every
//! run finds free lanes.
//!
//! Run: `FRONTDESK_BENCH_POSTGRES=URL cargo bench --bench store_postgres`. Results and the
//! machine are written up in BENCHMARKS.md.

mod bench_data;
use bench_data::{
    ZONE, appointments_wanted, bench_dir, busiest, demo_database, demo_options, now, today,
};

use std::hint::black_box;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use criterion::Criterion;
use frontdesk::demo;
use frontdesk::scheduling::time::local_day;
use frontdesk::scheduling::*;
use frontdesk::store::{
    AgendaFilter, BookingRequest, PostgresStore, SlotSearch, SqliteStore, Start, Store, Watched,
    Watcher,
};

/// `MAX_APPOINTMENT_MINUTES` in seconds: the lower bound of every overlap query.
const MAX_SECS: i64 = MAX_APPOINTMENT_MINUTES * 60;
/// Desks booking at once.
const DESKS: usize = 8;
/// Bookings each desk makes (the first few of each are warm-up, not counted).
const BOOKINGS_PER_DESK: usize = 60;
const WARM_UP_BOOKINGS: usize = 5;
/// Changes watched.
const CHANGES: usize = 40;

fn build(store: &mut dyn Store, what: &str, appointments: u64) {
    eprintln!("bench: building the demo clinic in {what} ({appointments} appointments); once");
    let started = Instant::now();
    let mut last = "";
    let summary = demo::build(store, &demo_options(appointments), &mut |p| {
        if p.phase != last {
            eprintln!("bench: demo {} …", p.phase);
            last = p.phase;
        }
    })
    .expect("build the demo clinic");
    eprintln!(
        "bench: built {} appointments in {what} in {:.1} s",
        summary.appointments,
        started.elapsed().as_secs_f64()
    );
}

/// The server's database, holding the demo clinic (loaded when the database is empty).
fn postgres_database(url: &str, appointments: u64) {
    let mut store = PostgresStore::open(url).expect("open the bench server's database");
    if store.clinics().expect("clinics").is_empty() {
        build(&mut store, "PostgreSQL", appointments);
    }
    let mut client = plain(url);
    let have: i64 = client
        .query_one(
            "SELECT count(*) FROM appointment WHERE created_by <> 'bench'",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(
        have, appointments as i64,
        "the bench server's database holds another clinic: give the bench an empty database"
    );
    // Fresh statistics after the load, as autovacuum would gather them soon after.
    client
        .batch_execute("ANALYZE appointment; ANALYZE patient")
        .expect("ANALYZE");
}

/// A plain client on the server, as the floor uses it.
fn plain(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).expect("connect to the bench server")
}

// ---------------------------------------------------------------------------------------------
// The statements the store sends on PostgreSQL for each measured call, in order, as the
// server's log (log_statement = all) showed them for this run's calls; `$n` are the call's
// parameters. Copied here so the floor runs exactly what the store runs.
// ---------------------------------------------------------------------------------------------

const APPOINTMENT_COLUMNS: &str = "a.id, a.clinic_id, a.patient_id, a.doctor_id, a.room_id, \
     a.visit_type_id, a.start_utc, a.end_utc, a.mode, a.kind, a.priority, a.status, a.reason, \
     a.notes, a.meeting_link, a.queue_token, a.arrived_at, a.consultation_started_at, \
     a.completed_at, a.cancel_reason, a.cancelled_by, a.cancelled_late, a.cancelled_at, \
     a.created_by, a.updated_by, a.sequence";

fn agenda_all_sql() -> String {
    format!(
        "SELECT {APPOINTMENT_COLUMNS}, pa.name, pa.phone, d.name, r.name, v.name, \
         a.overbook_reason FROM appointment a JOIN patient pa ON pa.id = a.patient_id \
         JOIN doctor d ON d.id = a.doctor_id LEFT JOIN room r ON r.id = a.room_id \
         LEFT JOIN visit_type v ON v.id = a.visit_type_id WHERE a.clinic_id = $1 \
         AND a.start_utc >= $2 AND a.start_utc < $3 AND a.end_utc > $4 \
         ORDER BY a.start_utc, d.name"
    )
}

const CLINICS_SQL: &str =
    "SELECT id, name, address, time_zone, slot_minutes FROM clinic ORDER BY name";
const CLINIC_HOURS_SQL: &str =
    "SELECT weekday, start_minute, end_minute FROM clinic_hours WHERE clinic_id = $1";
const BEGIN_READ_SQL: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ; \
    SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL max_parallel_workers_per_gather = 0; \
    SELECT version FROM setup_counter WHERE id = 1";
const ROOM_HOURS_SQL: &str =
    "SELECT weekday, start_minute, end_minute FROM room_hours WHERE room_id = $1";
const DOCTOR_HOURS_SQL: &str = "SELECT weekday, start_minute, end_minute FROM doctor_hours \
    WHERE doctor_id = $1 AND clinic_id = $2";
const DOCTOR_LEAVE_SQL: &str = "SELECT start_utc, end_utc, reason FROM doctor_leave \
    WHERE doctor_id = $1 AND start_utc < $2 AND end_utc > $3 ORDER BY start_utc";
const DOCTORS_SQL: &str = "SELECT id, name, specialty, colour, active FROM doctor ORDER BY name";
const ROOM_BLOCKOUT_SQL: &str = "SELECT start_utc, end_utc, reason FROM room_blockout \
    WHERE room_id = $1 AND start_utc < $2 AND end_utc > $3 ORDER BY start_utc";
/// The conflict context's one statement for what happens near the time (the store's
/// `NEAR_THE_TIME_SQL`): the doctor's, room's and patient's appointments, the doctor's leave,
/// the room's blockouts.
fn near_the_time_sql() -> String {
    let part = |tag: u8, column: &str| {
        format!(
            "SELECT {tag}, a.id, a.doctor_id, a.room_id, a.patient_id, a.start_utc, a.end_utc, \
             a.status, pa.name, d.name FROM appointment a \
             JOIN patient pa ON pa.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
             WHERE {column} = ${} AND a.start_utc >= $4 AND a.start_utc < $5 AND a.end_utc > $6",
            tag + 1
        )
    };
    format!(
        "{} UNION ALL {} UNION ALL {} \
         UNION ALL SELECT 3, NULL, NULL, NULL, NULL, start_utc, end_utc, NULL, reason, NULL \
         FROM doctor_leave WHERE doctor_id = $1 AND start_utc < $5 AND end_utc > $6 \
         UNION ALL SELECT 4, NULL, NULL, NULL, NULL, start_utc, end_utc, NULL, reason, NULL \
         FROM room_blockout WHERE room_id = $2 AND start_utc < $5 AND end_utc > $6 \
         ORDER BY 1, 6, 2",
        part(0, "a.doctor_id"),
        part(1, "a.room_id"),
        part(2, "a.patient_id")
    )
}

const ROOMS_SQL: &str =
    "SELECT id, clinic_id, name, kind, active FROM room WHERE clinic_id = $1 ORDER BY name";
const BUSY_ROOM_SQL: &str = "SELECT start_utc, end_utc FROM appointment WHERE room_id = $1 \
    AND start_utc >= $2 AND start_utc < $3 AND end_utc > $4 \
    AND status NOT IN ('cancelled', 'no_show', 'entered_in_error') ORDER BY start_utc";
const BUSY_DOCTOR_SQL: &str = "SELECT start_utc, end_utc FROM appointment WHERE doctor_id = $1 \
    AND start_utc >= $2 AND start_utc < $3 AND end_utc > $4 \
    AND status NOT IN ('cancelled', 'no_show', 'entered_in_error') ORDER BY start_utc";

/// Prepared statements on a plain client: the floor.
struct Floor {
    client: postgres::Client,
    agenda: postgres::Statement,
    clinics: postgres::Statement,
    clinic_hours: postgres::Statement,
    room_hours: postgres::Statement,
    room_blockouts: postgres::Statement,
    doctor_hours: postgres::Statement,
    doctor_leave: postgres::Statement,
    near_the_time: postgres::Statement,
    doctors: postgres::Statement,
    busy_doctor: postgres::Statement,
    rooms: postgres::Statement,
    busy_room: postgres::Statement,
}

impl Floor {
    fn new(url: &str) -> Self {
        let mut client = plain(url);
        let mut p = |sql: &str| client.prepare(sql).expect("prepare a floor statement");
        Floor {
            agenda: p(&agenda_all_sql()),
            clinics: p(CLINICS_SQL),
            clinic_hours: p(CLINIC_HOURS_SQL),
            room_hours: p(ROOM_HOURS_SQL),
            room_blockouts: p(ROOM_BLOCKOUT_SQL),
            doctor_hours: p(DOCTOR_HOURS_SQL),
            doctor_leave: p(DOCTOR_LEAVE_SQL),
            near_the_time: p(&near_the_time_sql()),
            doctors: p(DOCTORS_SQL),
            busy_doctor: p(BUSY_DOCTOR_SQL),
            rooms: p(ROOMS_SQL),
            busy_room: p(BUSY_ROOM_SQL),
            client,
        }
    }

    fn rows(
        &mut self,
        statement: &postgres::Statement,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Vec<postgres::Row> {
        self.client.query(statement, params).expect("floor query")
    }

    /// The day view: the agenda query alone (the store runs it outside a transaction).
    fn day_view(&mut self, clinic: ClinicId, day: Interval) -> usize {
        let (start, end) = (day.start.timestamp(), day.end.timestamp());
        let lower = start - MAX_SECS;
        let agenda = self.agenda.clone();
        self.rows(&agenda, &[&clinic.0, &lower, &end, &start]).len()
    }

    /// The clinics and their hours.
    fn clinics(&mut self) -> usize {
        let clinics = self.clinics.clone();
        let hours = self.clinic_hours.clone();
        let rows = self.rows(&clinics, &[]);
        let mut n = rows.len();
        for row in rows {
            let id: uuid::Uuid = row.get(0);
            n += self.rows(&hours, &[&id]).len();
        }
        n
    }

    /// A conflict check as a desk that has checked before sends it: a read transaction that
    /// reads the setup count as it begins (the clinic, doctor, room and their hours are the
    /// desk's from its last check at the same count), and what happens near the time (the
    /// doctor's, room's and patient's appointments, leave, blockouts) in one statement.
    fn conflict_check(&mut self, p: &Probe) -> usize {
        let mut n = self
            .client
            .simple_query(BEGIN_READ_SQL)
            .expect("BEGIN")
            .len();
        let (start, end) = (p.interval.start.timestamp(), p.interval.end.timestamp());
        let lower = start - MAX_SECS;
        let near = self.near_the_time.clone();
        n += self
            .rows(
                &near,
                &[&p.doctor.0, &p.room.0, &p.patient.0, &lower, &end, &start],
            )
            .len();
        self.client.batch_execute("COMMIT").expect("COMMIT");
        n
    }

    /// The next free slot of any doctor, as the store runs it (outside a transaction): the
    /// clinic, then per week-long window the rooms and doctors, every active doctor's hours,
    /// leave and bookings, and every active room's hours, blockouts and bookings.
    fn next_free_slot(&mut self, clinic: ClinicId, from: DateTime<Utc>, windows: usize) -> usize {
        let mut n = self.clinics();
        let (rooms, doctors) = (self.rooms.clone(), self.doctors.clone());
        let (hours, leave, busy) = (
            self.doctor_hours.clone(),
            self.doctor_leave.clone(),
            self.busy_doctor.clone(),
        );
        let (room_hours, blockouts, room_busy) = (
            self.room_hours.clone(),
            self.room_blockouts.clone(),
            self.busy_room.clone(),
        );
        let mut window_start = from;
        for _ in 0..windows {
            let window_end = window_start + chrono::Duration::days(7);
            let start = window_start.timestamp();
            let end = (window_end + chrono::Duration::minutes(MAX_APPOINTMENT_MINUTES)).timestamp();
            let lower = start - MAX_SECS;
            n += self.rows(&rooms, &[&clinic.0]).len();
            for row in self.rows(&doctors, &[]) {
                let (id, active): (uuid::Uuid, i64) = (row.get(0), row.get(4));
                if active == 0 || self.rows(&hours, &[&id, &clinic.0]).is_empty() {
                    continue;
                }
                n += self.rows(&leave, &[&id, &end, &start]).len();
                n += self.rows(&busy, &[&id, &lower, &end, &start]).len();
            }
            for row in self.rows(&rooms, &[&clinic.0]) {
                let (id, active): (uuid::Uuid, i64) = (row.get(0), row.get(4));
                if active == 0 {
                    continue;
                }
                n += self.rows(&room_hours, &[&id]).len();
                n += self.rows(&blockouts, &[&id, &end, &start]).len();
                n += self.rows(&room_busy, &[&id, &lower, &end, &start]).len();
            }
            window_start = window_end;
        }
        n
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Probe {
    doctor: DoctorId,
    room: RoomId,
    patient: PatientId,
    interval: Interval,
}

fn request(clinic: ClinicId, p: &Probe) -> BookingRequest {
    BookingRequest {
        clinic,
        patient: p.patient,
        doctor: p.doctor,
        room: Some(p.room),
        visit_type: None,
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

/// What the read benchmarks look at, found the same way on both engines.
struct Fixture {
    clinic: ClinicId,
    day: Interval,
    /// The first free 15-minute slot from now of today's busiest doctor in the busiest room,
    /// for a patient with a history.
    free: Probe,
    next_free: SlotSearch,
}

fn fixture(store: &dyn Store) -> Fixture {
    let clinic = store.clinics().expect("clinics")[0].id;
    let day = local_day(ZONE, today());
    let agenda = store
        .agenda(clinic, day, AgendaFilter::All)
        .expect("today's agenda");
    let doctor = busiest(agenda.iter().map(|e| e.appointment.doctor));
    let room = busiest(agenda.iter().filter_map(|e| e.appointment.room));
    let patient = agenda[0].appointment.patient;
    let search = SlotSearch {
        clinic,
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
    let slot = store.find_slots(&search).expect("a free slot")[0];
    Fixture {
        clinic,
        day,
        free: Probe {
            doctor,
            room,
            patient,
            interval: slot.interval,
        },
        next_free: SlotSearch {
            clinic,
            target: SlotTarget::AnyDoctor,
            query: SlotQuery {
                minutes: 15,
                step_minutes: 15,
                from: now(),
                count: 1,
            },
            horizon_days: 90,
            patient: None,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Desks at once: bookings and changes seen.
// ---------------------------------------------------------------------------------------------

/// Percentiles of a set of durations, in milliseconds.
fn percentiles(mut d: Vec<Duration>) -> (f64, f64, f64, usize) {
    d.sort_unstable();
    let at = |q: f64| {
        let i = ((d.len() as f64 * q).ceil() as usize).clamp(1, d.len()) - 1;
        d[i].as_secs_f64() * 1e3
    };
    (at(0.5), at(0.95), at(1.0), d.len())
}

fn report(name: &str, d: Vec<Duration>) {
    let (p50, p95, max, n) = percentiles(d);
    println!("{name:<44} p50 {p50:>8.3} ms   p95 {p95:>8.3} ms   max {max:>8.3} ms   (n = {n})");
}

/// One desk's lane: a doctor and room of its own, a patient of its own, free slots in 2027.
struct Lane {
    doctor: DoctorId,
    room: RoomId,
    patient: PatientId,
    slots: Vec<Interval>,
}

/// Lanes for `DESKS` desks, from the first free slots from 2027-03-01 (after the demo's data).
fn lanes(store: &dyn Store, clinic: ClinicId, per_desk: usize) -> Vec<Lane> {
    let doctors = store.doctors().expect("doctors");
    let rooms = store.rooms(clinic).expect("rooms");
    let day = local_day(ZONE, today());
    let mut patients: Vec<PatientId> = store
        .agenda(clinic, day, AgendaFilter::All)
        .expect("agenda")
        .iter()
        .map(|e| e.appointment.patient)
        .collect();
    patients.sort_unstable();
    patients.dedup();
    let from = local_day(ZONE, NaiveDate::from_ymd_opt(2027, 3, 1).expect("date")).start;
    (0..DESKS)
        .map(|i| {
            let (doctor, room) = (doctors[i].id, rooms[i].id);
            let slots = store
                .find_slots(&SlotSearch {
                    clinic,
                    target: SlotTarget::DoctorAndRoom(doctor, room),
                    query: SlotQuery {
                        minutes: 15,
                        step_minutes: 15,
                        from,
                        count: per_desk,
                    },
                    horizon_days: 365,
                    patient: None,
                })
                .expect("free slots in 2027")
                .iter()
                .map(|s| s.interval)
                .collect::<Vec<_>>();
            assert_eq!(slots.len(), per_desk, "lane {i} has room");
            Lane {
                doctor,
                room,
                patient: patients[i],
                slots,
            }
        })
        .collect()
}

/// One thread per lane, all starting together once each has `set_up` its desk: each books its
/// lane's slots one after another with `book` (which returns how long the booking took); the
/// times of every booking after the warm-up.
fn desks_at_once<D>(
    lanes: Vec<Lane>,
    set_up: impl Fn() -> D + Sync,
    book: impl Fn(&mut D, &Lane, Interval) -> Duration + Sync,
) -> Vec<Duration> {
    let start = Barrier::new(lanes.len());
    std::thread::scope(|scope| {
        let desks: Vec<_> = lanes
            .into_iter()
            .map(|lane| {
                let (start, set_up, book) = (&start, &set_up, &book);
                scope.spawn(move || {
                    let mut desk = set_up();
                    start.wait();
                    lane.slots
                        .iter()
                        .enumerate()
                        .map(|(n, interval)| (n, book(&mut desk, &lane, *interval)))
                        .filter(|(n, _)| *n >= WARM_UP_BOOKINGS)
                        .map(|(_, took)| took)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        desks
            .into_iter()
            .flat_map(|d| d.join().expect("desk"))
            .collect()
    })
}

/// `DESKS` threads, each with a store of its own from `open`, book their lanes at once; the
/// time of each booking after the warm-up.
fn desks_booking(
    open: &(dyn Fn() -> Box<dyn Store + Send> + Sync),
    clinic: ClinicId,
    lanes: Vec<Lane>,
) -> Vec<Duration> {
    desks_at_once(lanes, open, |store, lane, interval| {
        let probe = Probe {
            doctor: lane.doctor,
            room: lane.room,
            patient: lane.patient,
            interval,
        };
        let req = request(clinic, &probe);
        let began = Instant::now();
        let booked = store.book(&req, "bench", now()).expect("a free slot books");
        let took = began.elapsed();
        assert!(booked.overbooked.is_none());
        took
    })
}

/// The floor of 8 desks booking at once on the server: the same write transaction (with
/// `lock`, the store's advisory lock, so one after another), one appointment row and its audit
/// event, commit. Without the lock it is what the server and its disk allow at all: eight
/// durable commits at once, which the server may flush together.
fn desks_booking_floor(url: &str, clinic: ClinicId, lanes: Vec<Lane>, lock: bool) -> Vec<Duration> {
    let set_up = || {
        let mut client = plain(url);
        let insert = client
            .prepare(
                "INSERT INTO appointment (id, clinic_id, patient_id, doctor_id, room_id, \
                 visit_type_id, start_utc, end_utc, mode, kind, priority, status, reason, notes, \
                 meeting_link, queue_token, created_by, created_at, updated_by, updated_at, \
                 sequence) VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, 'in_clinic', 'scheduled', \
                 0, 'scheduled', 'Benchmark booking', '', '', '', 'bench', $8, 'bench', $8, 0)",
            )
            .expect("prepare insert");
        let audit = client
            .prepare(
                "INSERT INTO audit_event (appointment_id, at_utc, actor, action, before, after, \
                 reason) VALUES ($1, $2, 'bench', 'created', NULL, '{}', '')",
            )
            .expect("prepare audit");
        (client, insert, audit)
    };
    desks_at_once(lanes, set_up, |(client, insert, audit), lane, interval| {
        let began = Instant::now();
        let mut tx = client.transaction().expect("BEGIN");
        if lock {
            tx.batch_execute("SELECT pg_advisory_xact_lock(1178882891)")
                .expect("lock");
        }
        let id = uuid::Uuid::now_v7();
        let at = now().timestamp();
        tx.execute(
            &*insert,
            &[
                &id,
                &clinic.0,
                &lane.patient.0,
                &lane.doctor.0,
                &lane.room.0,
                &interval.start.timestamp(),
                &interval.end.timestamp(),
                &at,
            ],
        )
        .expect("insert");
        tx.execute(&*audit, &[&id, &at]).expect("audit");
        tx.commit().expect("COMMIT");
        began.elapsed()
    })
}

/// How soon a `Watcher` at one desk sees a booking another desk made: from the moment the
/// booking desk's `book` returned (committed) to the watcher's `Changed`. Zero when the
/// watcher saw it before `book` returned.
fn change_seen(
    mut watcher: Watcher,
    mut store: Box<dyn Store + Send>,
    clinic: ClinicId,
    lane: Lane,
) -> Vec<Duration> {
    assert_eq!(watcher.wait(Duration::from_millis(10)), Watched::Quiet);
    let mut times = Vec::new();
    for interval in lane.slots.iter().take(CHANGES) {
        let req = request(
            clinic,
            &Probe {
                doctor: lane.doctor,
                room: lane.room,
                patient: lane.patient,
                interval: *interval,
            },
        );
        let store = &mut store;
        let (seen, committed) = std::thread::scope(|scope| {
            // The other desk books a moment after this one starts waiting.
            let booking = scope.spawn(move || {
                std::thread::sleep(Duration::from_millis(30));
                store.book(&req, "bench", now()).expect("books");
                Instant::now()
            });
            let seen = loop {
                match watcher.wait(Duration::from_secs(5)) {
                    Watched::Changed => break Instant::now(),
                    Watched::Quiet => continue,
                    Watched::Lost(why) => panic!("the watcher lost the database: {why}"),
                }
            };
            (seen, booking.join().expect("booking desk"))
        });
        times.push(seen.saturating_duration_since(committed));
    }
    times
}

/// The floor of a change seen on the server: `NOTIFY` on one connection, the `LISTEN`ing
/// connection's wait for it.
fn change_seen_floor(url: &str) -> Vec<Duration> {
    let mut listener = plain(url);
    listener
        .batch_execute("LISTEN bench_floor")
        .expect("LISTEN");
    let mut ringer = plain(url);
    let mut times = Vec::new();
    for _ in 0..CHANGES {
        ringer.batch_execute("NOTIFY bench_floor").expect("NOTIFY");
        let rang = Instant::now();
        let mut notes = listener.notifications();
        let mut it = notes.timeout_iter(Duration::from_secs(5));
        use postgres::fallible_iterator::FallibleIterator;
        it.next().expect("notification").expect("a notification");
        times.push(rang.elapsed());
    }
    times
}

// ---------------------------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------------------------

fn main() {
    let Some(url) = std::env::var("FRONTDESK_BENCH_POSTGRES")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!(
            "store_postgres: skipped: FRONTDESK_BENCH_POSTGRES is not set (give it a server's \
             URL; `scripts/postgres.sh start DIR` starts a throwaway one and prints it)"
        );
        return;
    };
    let appointments = appointments_wanted();
    let group_id = |name: &str| {
        if appointments == 1_000_000 {
            format!("pg_{name}")
        } else {
            format!("pg_{name}@{appointments}")
        }
    };
    let sqlite_path = demo_database(appointments, "store_postgres");
    postgres_database(&url, appointments);

    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    let mut sqlite = SqliteStore::open(&sqlite_path).expect("open the SQLite bench database");
    let mut pg = PostgresStore::open(&url).expect("open the server's database");
    let f = fixture(&sqlite);
    let fp = fixture(&pg);
    let mut floor = Floor::new(&url);
    let windows = {
        let found = pg.find_slots(&fp.next_free).expect("next free slot");
        let first = found
            .first()
            .expect("a free slot in 90 days")
            .interval
            .start;
        eprintln!("bench: next free slot of any doctor: {first}");
        usize::try_from((first - now()).num_days() / 7 + 1).expect("small")
    };
    {
        let ours = pg
            .agenda(fp.clinic, fp.day, AgendaFilter::All)
            .expect("agenda");
        let theirs = floor.day_view(fp.clinic, fp.day);
        assert_eq!(
            ours.len(),
            theirs,
            "the day view's floor returns what the store does"
        );
        let lite = sqlite
            .agenda(f.clinic, f.day, AgendaFilter::All)
            .expect("agenda");
        assert_eq!(ours.len(), lite.len(), "both engines hold the same clinic");
        eprintln!("bench: day view returns {} appointments", ours.len());
    }

    let mut group = c.benchmark_group(group_id("day_view"));
    group.bench_function("sqlite", |b| {
        b.iter(|| black_box(sqlite.agenda(f.clinic, black_box(f.day), AgendaFilter::All)))
    });
    group.bench_function("postgres", |b| {
        b.iter(|| black_box(pg.agenda(fp.clinic, black_box(fp.day), AgendaFilter::All)))
    });
    group.bench_function("postgres_floor", |b| {
        b.iter(|| black_box(floor.day_view(fp.clinic, black_box(fp.day))))
    });
    group.finish();

    let (req, reqp) = (request(f.clinic, &f.free), request(fp.clinic, &fp.free));
    let mut group = c.benchmark_group(group_id("conflict_check"));
    group.bench_function("sqlite", |b| {
        b.iter(|| black_box(sqlite.preview(black_box(&req), now())))
    });
    group.bench_function("postgres", |b| {
        b.iter(|| black_box(pg.preview(black_box(&reqp), now())))
    });
    group.bench_function("postgres_floor", |b| {
        b.iter(|| black_box(floor.conflict_check(black_box(&fp.free))))
    });
    group.finish();

    let mut group = c.benchmark_group(group_id("next_free_slot_any_doctor"));
    group.bench_function("sqlite", |b| {
        b.iter(|| black_box(sqlite.find_slots(black_box(&f.next_free))))
    });
    group.bench_function("postgres", |b| {
        b.iter(|| black_box(pg.find_slots(black_box(&fp.next_free))))
    });
    group.bench_function("postgres_floor", |b| {
        b.iter(|| black_box(floor.next_free_slot(fp.clinic, now(), windows)))
    });
    group.finish();
    c.final_summary();
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }

    println!("\n{DESKS} desks booking at once (threads, each with a store of its own):");
    // SQLite on a copy of the file, in the same folder (same disk).
    let scratch = tempfile::Builder::new()
        .prefix("desks-")
        .tempdir_in(bench_dir())
        .expect("scratch folder");
    let copy = scratch.path().join("desks.sqlite3");
    drop(sqlite);
    std::fs::copy(&sqlite_path, &copy).expect("copy the SQLite database");
    let sqlite = SqliteStore::open(&copy).expect("open the copy");
    let lanes_sqlite = lanes(&sqlite, f.clinic, BOOKINGS_PER_DESK);
    let open_sqlite = || -> Box<dyn Store + Send> {
        Box::new(SqliteStore::open(&copy).expect("a desk opens the copy"))
    };
    report(
        "booking, SQLite (WAL, synchronous=FULL)",
        desks_booking(&open_sqlite, f.clinic, lanes_sqlite),
    );
    let open_pg = || -> Box<dyn Store + Send> {
        Box::new(PostgresStore::open(&url).expect("a desk opens the server"))
    };
    report(
        "booking, PostgreSQL",
        desks_booking(
            &open_pg,
            fp.clinic,
            lanes(&pg, fp.clinic, BOOKINGS_PER_DESK),
        ),
    );
    report(
        "booking, PostgreSQL floor",
        desks_booking_floor(
            &url,
            fp.clinic,
            lanes(&pg, fp.clinic, BOOKINGS_PER_DESK),
            true,
        ),
    );
    report(
        "booking, PostgreSQL floor without the write lock (what the disk allows)",
        desks_booking_floor(
            &url,
            fp.clinic,
            lanes(&pg, fp.clinic, BOOKINGS_PER_DESK),
            false,
        ),
    );
    let mut alone = lanes(&pg, fp.clinic, BOOKINGS_PER_DESK);
    alone.truncate(1);
    report(
        "booking, PostgreSQL, one desk alone",
        desks_booking(&open_pg, fp.clinic, alone),
    );

    println!("\nA change made at one desk, seen by a Watcher at another:");
    let lane = lanes(&sqlite, f.clinic, CHANGES).swap_remove(0);
    report(
        "change seen, SQLite (counter read 10/s)",
        change_seen(Watcher::sqlite(copy.clone()), open_sqlite(), f.clinic, lane),
    );
    let lane = lanes(&pg, fp.clinic, CHANGES).swap_remove(0);
    report(
        "change seen, PostgreSQL (LISTEN/NOTIFY)",
        change_seen(
            Watcher::postgres(&url).expect("watcher"),
            open_pg(),
            fp.clinic,
            lane,
        ),
    );
    report(
        "change seen, PostgreSQL floor (NOTIFY → LISTEN)",
        change_seen_floor(&url),
    );
}
