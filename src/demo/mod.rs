//! The demo clinic: a realistic clinic (20 doctors, 12 rooms, visit types, leave, staff, patients,
//! appointments over past and coming months) written in one transaction, the same for the same
//! seed and date. Used by `frontdesk demo`, the first run of the window, tests and benchmarks.

mod names;
mod passwords;
pub mod rng;
mod schedule;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::scheduling::conflict::Absence;
use crate::scheduling::hours::{DaySpan, WeeklyHours};
use crate::scheduling::model::*;
use crate::scheduling::staff::{StaffId, StaffMember, StaffRole};
use crate::scheduling::time::{FIRST_DATE, LAST_DATE, lenient_instant};
use crate::store::{Store, StoreError};
use rng::DemoRng;
use schedule::{DoctorPlan, Generated, Schedule, VisitPlan, on_leave};

pub use passwords::{DemoSignIn, demo_password, set_demo_passwords};

/// The demo clinic's name.
pub const CLINIC_NAME: &str = "Lotus Family Clinic";

/// The most appointments a demo clinic has: five times the benchmarks' million.
pub const MAX_APPOINTMENTS: u64 = 5_000_000;

/// The most patients a demo clinic has.
pub const MAX_PATIENTS: u64 = 1_000_000;

/// What to generate.
#[derive(Clone, Debug)]
pub struct DemoOptions {
    /// How many appointments.
    pub appointments: u64,
    /// How many patients.
    pub patients: u64,
    /// The clinic's zone.
    pub zone: Tz,
    /// Same seed and date, same data.
    pub seed: u64,
    /// The clinic-local date the demo treats as today.
    pub today: NaiveDate,
    /// The instant the demo treats as now.
    pub now: DateTime<Utc>,
}

/// What was generated.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoSummary {
    /// The clinic.
    pub clinic: ClinicId,
    /// Counts.
    pub doctors: usize,
    /// Counts.
    pub rooms: usize,
    /// Counts.
    pub patients: u64,
    /// Counts.
    pub appointments: u64,
    /// First date with appointments.
    pub first_date: NaiveDate,
    /// Last date with appointments.
    pub last_date: NaiveDate,
}

/// Progress of a long demo build, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// What is happening.
    pub phase: &'static str,
    /// Done so far.
    pub done: u64,
    /// Out of.
    pub total: u64,
}

/// The demo clinic's staff: who may be at the desk.
const STAFF: [(&str, StaffRole); 5] = [
    ("Maria D'Souza", StaffRole::Receptionist),
    ("Kavya Menon", StaffRole::Receptionist),
    ("Suresh Pillai", StaffRole::Nurse),
    ("Farah Khan", StaffRole::Manager),
    ("Arjun Iyer", StaffRole::Administrator),
];

fn span(h1: u16, m1: u16, h2: u16, m2: u16) -> DaySpan {
    DaySpan::new(h1 * 60 + m1, h2 * 60 + m2)
}

fn hours_for(index: usize) -> Result<WeeklyHours, StoreError> {
    use Weekday::*;
    let bad = |e: crate::scheduling::hours::HoursError| StoreError::Invalid(e.to_string());
    let weekdays = [Mon, Tue, Wed, Thu, Fri];
    let mut spans: Vec<(Weekday, DaySpan)> = Vec::new();
    match index % 3 {
        0 => {
            for d in weekdays {
                spans.push((d, span(9, 0, 13, 0)));
                spans.push((d, span(14, 0, 17, 0)));
            }
            spans.push((Sat, span(9, 0, 13, 0)));
        }
        1 => {
            for d in weekdays {
                spans.push((d, span(10, 0, 14, 0)));
                spans.push((d, span(15, 0, 19, 0)));
            }
        }
        _ => {
            for d in [Mon, Wed, Fri, Sat] {
                spans.push((d, span(8, 0, 12, 0)));
                spans.push((d, span(13, 0, 16, 0)));
            }
            for d in [Tue, Thu] {
                spans.push((d, span(14, 0, 20, 0)));
            }
        }
    }
    WeeklyHours::new(spans).map_err(bad)
}

fn uuid_from(rng: &mut DemoRng) -> uuid::Uuid {
    uuid::Builder::from_random_bytes(rng.bytes16()).into_uuid()
}

/// Builds the demo clinic into an empty database, all in one transaction. Refuses a database
/// that already holds a clinic, so demo data never mixes with a real clinic's patients.
pub fn build(
    store: &mut dyn Store,
    options: &DemoOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<DemoSummary, StoreError> {
    if let Some(existing) = store.clinics()?.first() {
        return Err(StoreError::Invalid(format!(
            "{} already holds a clinic ({}); the demo only fills a new or empty database: give another --db file",
            store.locator(),
            crate::scheduling::entry::shown(&existing.name)
        )));
    }
    if options.appointments > MAX_APPOINTMENTS || options.patients > MAX_PATIENTS {
        return Err(StoreError::Invalid(format!(
            "a demo clinic has at most {MAX_APPOINTMENTS} appointments and {MAX_PATIENTS} patients: give smaller --appointments and --patients"
        )));
    }
    if options.appointments > 0 && options.patients == 0 {
        return Err(StoreError::Invalid(
            "appointments need patients: give --patients 1 or more".into(),
        ));
    }
    let mut rng = DemoRng::new(options.seed);
    let zone = options.zone;
    let writer = store.bulk("demo")?;

    use Weekday::*;
    let clinic = Clinic {
        id: ClinicId(uuid_from(&mut rng)),
        name: CLINIC_NAME.to_owned(),
        address: "12 MG Road, Bengaluru 560001".to_owned(),
        time_zone: zone,
        opening_hours: WeeklyHours::new(
            [Mon, Tue, Wed, Thu, Fri, Sat]
                .into_iter()
                .map(|d| (d, span(8, 0, 20, 0)))
                .chain([(Sun, span(9, 0, 13, 0))]),
        )
        .map_err(|e| StoreError::Invalid(e.to_string()))?,
        slot_minutes: 15,
    };
    writer.clinic(&clinic)?;

    let visit_specs: [(&str, u32, &str, Mode, u32, bool); 8] = [
        ("Consultation", 15, "#3b82f6", Mode::InClinic, 40, false),
        ("New patient", 30, "#10b981", Mode::InClinic, 12, false),
        ("Follow-up", 10, "#a3a3a3", Mode::InClinic, 20, false),
        ("Procedure", 45, "#ef4444", Mode::InClinic, 4, true),
        ("Vaccination", 10, "#f59e0b", Mode::InClinic, 6, false),
        ("Health check", 30, "#14b8a6", Mode::InClinic, 5, false),
        ("Video consultation", 15, "#8b5cf6", Mode::Video, 8, false),
        ("Phone review", 10, "#ec4899", Mode::Phone, 5, false),
    ];
    let mut visits = Vec::new();
    for (name, minutes, colour, mode, weight, procedure) in visit_specs {
        let visit_type = VisitType {
            id: VisitTypeId(uuid_from(&mut rng)),
            name: name.to_owned(),
            minutes,
            colour: colour.to_owned(),
            default_mode: mode,
        };
        writer.visit_type(&visit_type)?;
        visits.push(VisitPlan {
            visit_type,
            weight,
            procedure,
        });
    }

    let mut consult_rooms = Vec::new();
    let mut procedure_rooms = Vec::new();
    let mut tele_booth = None;
    for i in 0..12 {
        let (name, kind) = match i {
            0..=8 => (format!("Room {}", i + 1), RoomKind::Consultation),
            9 => ("Procedure A".to_owned(), RoomKind::Procedure),
            10 => ("Procedure B".to_owned(), RoomKind::Procedure),
            _ => ("Tele-booth".to_owned(), RoomKind::TeleBooth),
        };
        let room = Room {
            id: RoomId(uuid_from(&mut rng)),
            clinic: clinic.id,
            name,
            kind,
            active: true,
        };
        writer.room(&room, None)?;
        match kind {
            RoomKind::Consultation => consult_rooms.push(room.id),
            RoomKind::Procedure => procedure_rooms.push(room.id),
            RoomKind::TeleBooth => tele_booth = Some(room.id),
        }
    }
    let tele_booth = tele_booth.unwrap_or(consult_rooms[0]);

    let mut doctors = Vec::new();
    for (index, (name, specialty, colour)) in names::DOCTORS.iter().enumerate() {
        let doctor = Doctor {
            id: DoctorId(uuid_from(&mut rng)),
            name: (*name).to_owned(),
            specialty: (*specialty).to_owned(),
            colour: (*colour).to_owned(),
            active: true,
        };
        let hours = hours_for(index)?;
        writer.doctor(&doctor, clinic.id, &hours)?;
        doctors.push(DoctorPlan {
            id: doctor.id,
            hours,
            home_room: index,
            index,
        });
    }

    let mut patients = Vec::with_capacity(options.patients as usize);
    for n in 0..options.patients {
        let given = rng.pick(&names::GIVEN);
        let family = rng.pick(&names::FAMILY);
        let phone = format!("+91 9{:04} {:05}", rng.below(10_000), rng.below(100_000));
        let email = if rng.chance(0.6) {
            format!(
                "{}.{}{}@example.com",
                given.to_lowercase(),
                family.to_lowercase().replace(['\'', ' '], ""),
                rng.below(100)
            )
        } else {
            String::new()
        };
        let birth = NaiveDate::from_ymd_opt(1940, 1, 1)
            .map(|d| d + Duration::days(rng.below(365 * 84) as i64));
        let patient = Patient {
            id: PatientId(uuid_from(&mut rng)),
            name: format!("{given} {family}"),
            phone,
            email,
            birth_date: birth,
            external_id: format!("MRN-{:07}", n + 1),
        };
        writer.patient(&patient)?;
        patients.push(patient.id);
        if n % 20_000 == 0 {
            progress(Progress {
                phase: "patients",
                done: n,
                total: options.patients,
            });
        }
    }

    // One patient in four reads their reminders in Hindi, one in twenty chose English, the rest
    // the clinic's language (by number, so the demo's other random choices stay as they were).
    for (n, patient) in patients.iter().enumerate() {
        let language = match (n % 4, n % 10) {
            (1, _) => Some(crate::i18n::Language::Hindi),
            (_, 3) => Some(crate::i18n::Language::English),
            _ => None,
        };
        if let Some(language) = language {
            writer.patient_language(*patient, language, options.now)?;
        }
    }

    let blocked_date = options.today + Duration::days(10);
    let schedule = Schedule {
        clinic: clinic.id,
        zone,
        today: options.today,
        now: options.now,
        doctors: &doctors,
        consult_rooms: &consult_rooms,
        procedure_rooms: &procedure_rooms,
        tele_booth,
        visits: &visits,
        patients: &patients,
        blocked: procedure_rooms.get(1).map(|r| (*r, blocked_date)),
    };
    let total = options.appointments;
    let mut made = 0u64;
    let mut first_date = options.today;
    let mut last_date = options.today;
    let mut failure: Option<StoreError> = None;
    let mut emit = |g: Generated| {
        if failure.is_none()
            && let Err(e) = writer.appointment(&g.appointment, g.overbook_reason, g.created_at)
        {
            failure = Some(e);
        }
    };
    // Today and up to 90 days ahead take at most an eighth; the past takes the rest.
    if !patients.is_empty() {
        let ahead_budget = (total / 8).max(total.min(50));
        for offset in 0..=90 {
            let date = options.today + Duration::days(offset);
            // Appointments lie in the dates Frontdesk books, so its own exports go back in.
            if date > LAST_DATE {
                break;
            }
            let n = schedule.day(&mut rng, date, ahead_budget.min(total) - made, &mut emit);
            if n > 0 {
                last_date = date;
            }
            made += n;
            if made >= ahead_budget.min(total) {
                break;
            }
        }
        let mut date = options.today;
        let mut empty_days = 0;
        while made < total && empty_days < 60 && date > FIRST_DATE {
            date -= Duration::days(1);
            let n = schedule.day(&mut rng, date, total - made, &mut emit);
            empty_days = if n == 0 { empty_days + 1 } else { 0 };
            if n > 0 {
                first_date = date;
            }
            made += n;
            if made % 10_000 < n {
                progress(Progress {
                    phase: "appointments",
                    done: made,
                    total,
                });
            }
        }
    }
    if let Some(e) = failure {
        return Err(e);
    }

    // Leave as stored rows, for every stretch the schedule kept free.
    for plan in &doctors {
        let mut date = first_date - Duration::days(7);
        while date <= last_date + Duration::days(7) {
            if on_leave(plan.index, date) && !on_leave(plan.index, date - Duration::days(1)) {
                let mut end = date;
                while on_leave(plan.index, end) {
                    end += Duration::days(1);
                }
                writer.leave(
                    plan.id,
                    &Absence {
                        interval: Interval::new(
                            lenient_instant(zone, date.and_time(NaiveTime::MIN)),
                            lenient_instant(zone, end.and_time(NaiveTime::MIN)),
                        ),
                        reason: "Annual leave".to_owned(),
                    },
                )?;
                date = end;
            }
            date += Duration::days(1);
        }
    }
    if let Some(room) = procedure_rooms.get(1) {
        writer.blockout(
            *room,
            &Absence {
                interval: Interval::new(
                    lenient_instant(zone, blocked_date.and_time(NaiveTime::MIN)),
                    lenient_instant(
                        zone,
                        (blocked_date + Duration::days(1)).and_time(NaiveTime::MIN),
                    ),
                ),
                reason: "Equipment maintenance".to_owned(),
            },
        )?;
    }
    // Staff last, so the rest of the clinic is the same as before staff existed.
    for (name, role) in STAFF {
        writer.staff(&StaffMember {
            id: StaffId(uuid_from(&mut rng)),
            name: name.to_owned(),
            role,
            active: true,
        })?;
    }
    progress(Progress {
        phase: "saving",
        done: made,
        total,
    });
    writer.commit()?;
    Ok(DemoSummary {
        clinic: clinic.id,
        doctors: doctors.len(),
        rooms: 12,
        patients: options.patients,
        appointments: made,
        first_date,
        last_date,
    })
}
