//! A small clinic in America/New_York for the export, import and backup tests: names with
//! commas, quotes, semicolons, a line break and non-ASCII letters; a cancelled, a no-show, a
//! video, a walk-in and an overbooked emergency; one appointment across the 2026-11-01 change
//! (01:00 EDT to 01:30 EST) and a weekly pair on either side of it; a weekly series across
//! the change, one occurrence cancelled and one moved alone. Ids and times are fixed, so
//! exports are the same byte for byte every run.
#![allow(dead_code)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::America::New_York;
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use uuid::Uuid;

pub const ALL_DAYS: [Weekday; 7] = frontdesk::scheduling::hours::WEEKDAYS;

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0000 | n)
}

pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("instant")
        .with_timezone(&Utc)
}

/// The instant exports are stamped with: 11:00 in New York on 2026-11-24.
pub fn export_now() -> DateTime<Utc> {
    utc("2026-11-24T16:00:00Z")
}

pub fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    New_York
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .earliest()
        .expect("local time exists")
        .with_timezone(&Utc)
}

pub struct Setup {
    pub clinic: Clinic,
    pub zoe: Doctor,
    pub ravi: Doctor,
    pub room1: Room,
    pub east: Room,
    pub consult: VisitType,
    pub follow_up: VisitType,
}

pub fn setup() -> Setup {
    let clinic = Clinic {
        id: ClinicId(id(1)),
        name: "Lotus Family Clinic".into(),
        address: "12 Main St, Springfield, NY".into(),
        time_zone: New_York,
        opening_hours: WeeklyHours::same_each(&ALL_DAYS, &[DaySpan::new(0, 24 * 60)])
            .expect("hours"),
        slot_minutes: 15,
    };
    let doctor = |n, name: &str, specialty: &str| Doctor {
        id: DoctorId(id(n)),
        name: name.into(),
        specialty: specialty.into(),
        colour: "#4a90d9".into(),
        active: true,
    };
    let room = |n, name: &str, kind| Room {
        id: RoomId(id(n)),
        clinic: clinic.id,
        name: name.into(),
        kind,
        active: true,
    };
    let visit = |n, name: &str, minutes| VisitType {
        id: VisitTypeId(id(n)),
        name: name.into(),
        minutes,
        colour: "#7a7a7a".into(),
        default_mode: Mode::InClinic,
    };
    Setup {
        zoe: doctor(10, "Dr. Zoë Ångström", "Cardiology"),
        ravi: doctor(11, "Dr. Ravi O'Neil, MD", "General practice"),
        room1: room(20, "Room 1", RoomKind::Consultation),
        east: room(21, "Procedure; East", RoomKind::Procedure),
        consult: visit(30, "Consultation", 30),
        follow_up: visit(31, "Follow-up", 20),
        clinic,
    }
}

pub fn patients() -> Vec<Patient> {
    let p =
        |n, name: &str, phone: &str, email: &str, birth: Option<NaiveDate>, ext: &str| Patient {
            id: PatientId(id(n)),
            name: name.into(),
            phone: phone.into(),
            email: email.into(),
            birth_date: birth,
            external_id: ext.into(),
        };
    vec![
        p(
            40,
            "Iyer, Asha",
            "+1 555 0100",
            "asha@example.com",
            NaiveDate::from_ymd_opt(1980, 5, 17),
            "MRN-001",
        ),
        p(41, "Seán \"Mac\" O'Brien", "=2+3", "", None, ""),
        p(
            42,
            "Marie\nDupont",
            "555 0142",
            "marie@example.org",
            NaiveDate::from_ymd_opt(1991, 2, 3),
            "",
        ),
        p(43, "José Núñez", "", "", None, "MRN-043"),
    ]
}

fn appointment(
    n: u128,
    patient: u128,
    doctor: &Doctor,
    room: Option<&Room>,
    visit: Option<&VisitType>,
    start: DateTime<Utc>,
    minutes: i64,
) -> Appointment {
    Appointment {
        id: AppointmentId(id(n)),
        clinic: ClinicId(id(1)),
        patient: PatientId(id(patient)),
        doctor: doctor.id,
        room: room.map(|r| r.id),
        visit_type: visit.map(|v| v.id),
        interval: Interval::new(start, start + Duration::minutes(minutes)),
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        status: Status::Scheduled,
        reason: String::new(),
        notes: String::new(),
        meeting_link: String::new(),
        queue_token: String::new(),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: "maria".into(),
        updated_by: "maria".into(),
        sequence: 0,
    }
}

/// The appointments, with their overbook reasons.
pub fn appointments(s: &Setup) -> Vec<(Appointment, Option<&'static str>)> {
    let mut out = Vec::new();
    // A completed consultation, the week before the change (EDT, UTC-4).
    let mut a = appointment(
        100,
        40,
        &s.zoe,
        Some(&s.room1),
        Some(&s.consult),
        local(2026, 10, 29, 10, 0),
        30,
    );
    a.status = Status::Completed;
    a.reason = "Chest pain, mild; follow \"up\" \\ check".into();
    a.notes = "Line one\nLine two".into();
    a.arrived_at = Some(a.interval.start - Duration::minutes(10));
    a.consultation_started_at = Some(a.interval.start);
    a.completed_at = Some(a.interval.end);
    out.push((a, None));
    // Its follow-up the week after, same wall time (EST, UTC-5), moved twice.
    let mut a = appointment(
        101,
        40,
        &s.zoe,
        Some(&s.room1),
        Some(&s.follow_up),
        local(2026, 11, 5, 10, 0),
        20,
    );
    a.status = Status::Confirmed;
    a.sequence = 2;
    out.push((a, None));
    // An emergency across the change: 01:00 EDT for 90 minutes ends at 01:30 EST.
    let mut a = appointment(
        102,
        41,
        &s.ravi,
        Some(&s.east),
        None,
        utc("2026-11-01T05:00:00Z"),
        90,
    );
    a.kind = Kind::Emergency;
    a.status = Status::Completed;
    a.queue_token = "E-001".into();
    a.reason = "Fall =A1 at home".into();
    a.arrived_at = Some(a.interval.start);
    a.consultation_started_at = Some(a.interval.start);
    a.completed_at = Some(a.interval.end);
    out.push((a, Some("Emergency overnight, no other doctor")));
    // A video consultation cancelled late by the patient.
    let mut a = appointment(
        103,
        42,
        &s.ravi,
        None,
        Some(&s.consult),
        local(2026, 11, 10, 14, 0),
        30,
    );
    a.mode = Mode::Video;
    a.meeting_link = "https://meet.example.org/abc?x=1;y=2".into();
    a.reason = "Travel, abroad".into();
    a.status = Status::Cancelled;
    a.cancellation = Some(Cancellation {
        reason: "Stuck abroad, sorry; will call".into(),
        by: CancelledBy::Patient,
        late: true,
        at: local(2026, 11, 10, 9, 0),
    });
    out.push((a, None));
    // A no-show.
    let mut a = appointment(
        104,
        43,
        &s.zoe,
        Some(&s.room1),
        Some(&s.consult),
        local(2026, 10, 20, 9, 0),
        30,
    );
    a.status = Status::NoShow;
    out.push((a, None));
    // Today's walk-in, by phone, with a long reason that folds.
    let mut a = appointment(105, 43, &s.zoe, None, None, local(2026, 11, 24, 11, 0), 15);
    a.kind = Kind::WalkIn;
    a.mode = Mode::Phone;
    a.status = Status::CheckedIn;
    a.queue_token = "W-001".into();
    a.arrived_at = Some(local(2026, 11, 24, 10, 55));
    a.reason = "Fièvre et toux depuis trois jours — संपर्क करें — ".repeat(3);
    out.push((a, None));
    // A weekly physiotherapy series at 09:30 across the change: 21 and 28 October (EDT),
    // 4 and 11 November (EST). The 28 October one is cancelled; the 11 November one was moved
    // alone to 11:00.
    for (n, day) in [(106, 21), (107, 28), (108, 4), (109, 11)] {
        let month = if day > 20 { 10 } else { 11 };
        let mut a = appointment(
            n,
            41,
            &s.zoe,
            Some(&s.east),
            Some(&s.follow_up),
            local(2026, month, day, 9, 30),
            20,
        );
        a.reason = "Knee physio, week by week".into();
        match n {
            106 => a.status = Status::Completed,
            107 => {
                a.status = Status::Cancelled;
                a.cancellation = Some(Cancellation {
                    reason: "Clinic closed for training".into(),
                    by: CancelledBy::Clinic,
                    late: false,
                    at: local(2026, 10, 20, 12, 0),
                });
            }
            109 => {
                a.interval = Interval::new(local(2026, 11, 11, 11, 0), local(2026, 11, 11, 11, 20));
                a.sequence = 1;
                a.status = Status::Confirmed;
            }
            _ => a.status = Status::Confirmed,
        }
        out.push((a, None));
    }
    out
}

/// The weekly series of appointments 106 to 109, with each one's occurrence date.
pub fn physio_series(s: &Setup) -> (frontdesk::store::Series, Vec<(AppointmentId, NaiveDate)>) {
    let series = frontdesk::store::Series {
        id: SeriesId(id(200)),
        clinic: s.clinic.id,
        patient: PatientId(id(41)),
        doctor: s.zoe.id,
        room: Some(s.east.id),
        visit_type: Some(s.follow_up.id),
        rule: SeriesRule {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![Weekday::Wed],
            end: SeriesEnd::Count(4),
        },
        start_date: date(2026, 10, 21),
        start_time: chrono::NaiveTime::from_hms_opt(9, 30, 0).expect("time"),
        minutes: 20,
        zone: New_York,
        split_from: None,
        created_by: "maria".into(),
    };
    let members = [
        (106, date(2026, 10, 21)),
        (107, date(2026, 10, 28)),
        (108, date(2026, 11, 4)),
        (109, date(2026, 11, 11)),
    ]
    .into_iter()
    .map(|(n, d)| (AppointmentId(id(n)), d))
    .collect();
    (series, members)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// When the fixture's rows were written.
pub fn created_at() -> DateTime<Utc> {
    utc("2026-10-01T12:00:00Z")
}

/// The clinic's setup only: clinic, doctors with hours, rooms, visit types.
pub fn setup_only(store: &mut dyn Store) -> Setup {
    let s = setup();
    let hours = WeeklyHours::same_each(&ALL_DAYS, &[DaySpan::new(0, 24 * 60)]).expect("hours");
    let bulk = store.bulk("setup").expect("begin");
    bulk.clinic(&s.clinic).expect("clinic");
    for d in [&s.zoe, &s.ravi] {
        bulk.doctor(d, s.clinic.id, &hours).expect("doctor");
    }
    for r in [&s.room1, &s.east] {
        bulk.room(r, None).expect("room");
    }
    for v in [&s.consult, &s.follow_up] {
        bulk.visit_type(v).expect("visit type");
    }
    bulk.commit().expect("commit");
    s
}

/// The fixture's patients as the entry rules let them in today (`scheduling::entry`): the
/// fixture's legacy name with a line break and phone written as a formula, which older
/// versions stored and exports must still write safely, become a name and a phone that could
/// be typed now (the phone still starts with `+`, so CSV still guards it).
pub fn entered_patients() -> Vec<Patient> {
    patients()
        .into_iter()
        .map(|mut p| {
            p.name = p.name.replace('\n', " ");
            if p.phone == "=2+3" {
                p.phone = "+1 (555) 0141".into();
            }
            p
        })
        .collect()
}

/// The whole fixture in `store`.
pub fn fill(store: &mut dyn Store) -> Setup {
    fill_with(store, patients())
}

/// The whole fixture in `store`, with these patients (ids 40 to 43).
pub fn fill_with(store: &mut dyn Store, patients: Vec<Patient>) -> Setup {
    let s = setup_only(store);
    let bulk = store.bulk("maria").expect("begin");
    for p in patients {
        bulk.patient(&p).expect("patient");
    }
    for (a, overbook) in appointments(&s) {
        bulk.appointment(&a, overbook, created_at())
            .expect("appointment");
    }
    let (series, members) = physio_series(&s);
    bulk.series(&series, &members, created_at())
        .expect("series");
    bulk.commit().expect("commit");
    s
}

/// A new database file in `dir` holding the fixture.
pub fn store_in(dir: &std::path::Path, name: &str, full: bool) -> SqliteStore {
    let mut store = SqliteStore::open(dir.join(name)).expect("open");
    if full {
        fill(&mut store);
    } else {
        setup_only(&mut store);
    }
    assert!(!store.clinics().expect("clinics").is_empty());
    store
}

/// Import options for the fixture's clinic: a test file, `dry_run`, with `overbook` as the
/// import's overbook reason.
pub fn import_options(dry_run: bool, overbook: Option<&str>) -> frontdesk::import::ImportOptions {
    frontdesk::import::ImportOptions {
        clinic: setup().clinic.id,
        dry_run,
        overbook: overbook.map(str::to_owned),
        source: "test file".into(),
        default_doctor: None,
    }
}

/// Imports appointments from `text` (iCalendar or CSV, as detected) at [`export_now`]; the
/// file must be readable and the import must run (its rows may still be refused).
pub fn import_text(
    store: &mut SqliteStore,
    text: &str,
    options: &frontdesk::import::ImportOptions,
) -> frontdesk::import::ImportReport {
    use frontdesk::import;
    let parsed = match import::detect(text) {
        import::FileKind::Ics => import::appointments::parse_ics(text),
        import::FileKind::Csv => import::appointments::parse_csv(text),
    }
    .expect("readable file");
    store
        .import_appointments(&parsed, options, "importer", export_now(), &mut |_| {})
        .expect("import ran")
}
