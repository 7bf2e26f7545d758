//! Our own exports go back in: the demo clinic (3000 appointments, fixed seed and clock, New
//! York across the 2026 spring change), with what a working desk adds to it (a recurring series
//! with a cancelled and a moved occurrence, an overbooked series, walk-ins and an emergency
//! booked at the desk, a move after hours with a reason, notes in several scripts, an
//! appointment cancelled and then entered in error, leave recorded over booked appointments),
//! exported to CSV and to iCalendar and imported into an empty database with the same setup,
//! gives back every appointment field by field, with no `--overbook`, each with one "imported"
//! event in its history.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::America::New_York;
use frontdesk::demo::{self, DemoOptions};
use frontdesk::export::{self, ExportQuery, ExportSet, Format, Scope};
use frontdesk::import::{self, ImportOptions};
use frontdesk::scheduling::series::OnConflict;
use frontdesk::scheduling::time::local_day;
use frontdesk::scheduling::*;
use frontdesk::store::{
    BookingRequest, Edit, MoveRequest, OccurrenceMove, SeriesRequest, SqliteStore, Start, Store,
};

const SEED: u64 = 20_260_310;
const APPOINTMENTS: u64 = 3000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).expect("date")
}

/// 11:30 in New York, two days after the clocks went forward.
fn now() -> DateTime<Utc> {
    "2026-03-10T15:30:00Z".parse().expect("now")
}

fn options(appointments: u64, patients: u64) -> DemoOptions {
    DemoOptions {
        appointments,
        patients,
        zone: New_York,
        seed: SEED,
        today: today(),
        now: now(),
    }
}

fn everything(store: &mut SqliteStore) -> ExportSet {
    let clinic = store.clinics().expect("clinics")[0].id;
    store
        .export_set(&ExportQuery {
            clinic,
            from: None,
            to: None,
            scope: Scope::All,
        })
        .expect("export set")
}

fn wall(date: NaiveDate, h: u32, m: u32) -> chrono::NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("time"))
}

/// Leave recorded over booked appointments (they stay booked, stranded), in both databases.
fn stranding_leave(store: &mut SqliteStore, (doctor, day): (DoctorId, NaiveDate)) {
    store
        .record_leave(
            doctor,
            &Absence {
                interval: local_day(New_York, day),
                reason: "Conference".into(),
            },
            "Farah Khan",
            now(),
        )
        .expect("leave");
}

/// What a day at the desk adds to the demo clinic.
fn work_at_the_desk(store: &mut SqliteStore) -> (DoctorId, NaiveDate) {
    let set = everything(store);
    let clinic = set.clinic.id;
    let doctor = set.doctors[0].id;
    let other = set.doctors[1].id;
    let patients: Vec<PatientId> = set.patients.iter().map(|p| p.id).collect();
    let request = |patient, doctor, start: Start, kind| BookingRequest {
        clinic,
        patient,
        doctor,
        room: None,
        visit_type: None,
        start,
        minutes: 20,
        mode: Mode::InClinic,
        kind,
        priority: 0,
        reason: "Follow-up, \"urgent\"; see notes".into(),
        notes: String::new(),
        overbook: None,
        new_patient: None,
    };
    // A weekly series after hours (each occurrence overbooked with the reason), one occurrence
    // cancelled and another moved alone by a day.
    let first = today() + Duration::days(14);
    let series = store
        .book_series(
            &SeriesRequest {
                booking: request(
                    patients[1],
                    doctor,
                    Start::Local(wall(first, 19, 30)),
                    Kind::Scheduled,
                ),
                rule: SeriesRule::parse("weekly;count=6").expect("rule"),
                on_conflict: OnConflict::Overbook("evening physiotherapy block".into()),
            },
            "Maria D'Souza",
            now(),
        )
        .expect("series");
    assert_eq!(series.booked.len(), 6, "{:?}", series.skipped);
    let cancel = StatusAction::Cancel {
        reason: "travelling".into(),
        by: CancelledBy::Patient,
    };
    store
        .cancel_occurrences(
            series.booked[2].1.appointment.id,
            frontdesk::store::Scope::This,
            &cancel,
            "Maria D'Souza",
            now(),
        )
        .expect("cancel one");
    store
        .move_occurrences(
            series.booked[4].1.appointment.id,
            frontdesk::store::Scope::This,
            &OccurrenceMove {
                days: 1,
                time: None,
            },
            Some("moved after hours"),
            "Maria D'Souza",
            now(),
        )
        .expect("move one");
    // A daily series that needs no overbooking, later split by "this and the following".
    let daily = store
        .book_series(
            &SeriesRequest {
                booking: request(
                    patients[2],
                    other,
                    Start::Local(wall(today() + Duration::days(40), 7, 0)),
                    Kind::Scheduled,
                ),
                rule: SeriesRule::parse("daily;count=4").expect("rule"),
                on_conflict: OnConflict::Overbook("before opening".into()),
            },
            "Kavya Menon",
            now(),
        )
        .expect("daily series");
    store
        .move_occurrences(
            daily.booked[2].1.appointment.id,
            frontdesk::store::Scope::ThisAndFollowing,
            &OccurrenceMove {
                days: 0,
                time: NaiveTime::from_hms_opt(7, 30, 0),
            },
            Some("before opening"),
            "Kavya Menon",
            now(),
        )
        .expect("split");
    // Walk-ins and an emergency at the desk now, squeezed in with a reason.
    for (patient, kind) in [
        (patients[3], Kind::WalkIn),
        (patients[4], Kind::WalkIn),
        (patients[5], Kind::Emergency),
    ] {
        let mut walk_in = request(patient, doctor, Start::At(now()), kind);
        walk_in.overbook = Some("squeezed in".into());
        walk_in.priority = if kind == Kind::Emergency { 2 } else { 0 };
        let a = store
            .book(&walk_in, "Maria D'Souza", now())
            .expect("walk-in")
            .appointment;
        assert!(!a.queue_token.is_empty());
    }
    // Notes in several scripts on a future appointment, and a move after hours.
    let future: Vec<Appointment> = everything(store)
        .appointments
        .into_iter()
        .map(|e| e.appointment)
        .filter(|a| a.interval.start > now() + Duration::days(1) && a.status.holds_time())
        .filter(|a| a.kind == Kind::Scheduled)
        .collect();
    let edited = &future[0];
    store
        .edit(
            edited.id,
            &Edit {
                // Long, in two scripts: our own files keep all of it.
                reason: "Контроль, शुगर जाँच; ".repeat(300),
                notes: "Bring reports 📄\ncall 9845012345; \"fasting\", =NOT A FORMULA".into(),
                mode: Mode::Video,
                meeting_link: "https://meet.example.org/room-1".into(),
            },
            "Kavya Menon",
            now(),
        )
        .expect("edit");
    let moved = &future[1];
    let day = moved.interval.start.with_timezone(&New_York).date_naive();
    store
        .move_appointment(
            &MoveRequest {
                appointment: moved.id,
                start: Start::Local(wall(day, 21, 15)),
                doctor: None,
                room: None,
                overbook: Some("patient works late".into()),
            },
            "Kavya Menon",
            now(),
        )
        .expect("move after hours");
    // Cancelled, and then found to be a mistake.
    let cancelled = everything(store)
        .appointments
        .into_iter()
        .find(|e| e.appointment.status == Status::Cancelled)
        .expect("the demo cancels some");
    store
        .change_status(
            cancelled.appointment.id,
            &StatusAction::EnteredInError {
                reason: "duplicate".into(),
            },
            "Farah Khan",
            now(),
        )
        .expect("entered in error");
    // Leave over the first day some doctor has plain bookings ahead: they are stranded.
    let booked = future
        .iter()
        .find(|a| a.id != edited.id && a.id != moved.id)
        .expect("a booking ahead");
    let leave = (
        booked.doctor,
        booked.interval.start.with_timezone(&New_York).date_naive(),
    );
    stranding_leave(store, leave);
    leave
}

/// The fields that must come back: everything but who wrote the row and when (the import is
/// by the importer, now: the history says so).
fn fields(
    e: &export::ExportedAppointment,
) -> (
    Appointment,
    Option<String>,
    Option<uuid::Uuid>,
    Option<NaiveDate>,
) {
    let mut a = e.appointment.clone();
    a.created_by = String::new();
    a.updated_by = String::new();
    (a, e.overbook_reason.clone(), e.series, e.occurrence_date)
}

fn round_trip(format: Format) {
    let dir = tempfile::tempdir().expect("dir");
    let mut source = SqliteStore::open(dir.path().join("source.sqlite3")).expect("source");
    demo::build(&mut source, &options(APPOINTMENTS, 600), &mut |_| {}).expect("demo");
    let leave = work_at_the_desk(&mut source);
    let before = everything(&mut source);
    // The source has every case the round trip must keep.
    let count = |f: &dyn Fn(&Appointment) -> bool| {
        before
            .appointments
            .iter()
            .filter(|e| f(&e.appointment))
            .count()
    };
    for (what, n) in [
        ("cancelled", count(&|a| a.status == Status::Cancelled)),
        ("no-show", count(&|a| a.status == Status::NoShow)),
        (
            "entered in error",
            count(&|a| a.status == Status::EnteredInError),
        ),
        (
            "cancelled then entered in error",
            count(&|a| a.status == Status::EnteredInError && a.cancellation.is_some()),
        ),
        ("arrived", count(&|a| a.status == Status::CheckedIn)),
        (
            "with the doctor",
            count(&|a| a.status == Status::InConsultation),
        ),
        ("walk-ins", count(&|a| a.kind == Kind::WalkIn)),
        ("emergencies", count(&|a| a.kind == Kind::Emergency)),
        ("video", count(&|a| a.mode == Mode::Video)),
        ("moved", count(&|a| a.sequence > 0)),
        ("notes", count(&|a| !a.notes.is_empty())),
    ] {
        assert!(n > 0, "the source has no {what} appointment");
    }
    assert!(
        before
            .appointments
            .iter()
            .filter(|e| e.appointment.kind == Kind::Emergency)
            .any(|e| e.overbook_reason.is_some()),
        "the demo's emergencies are overbooked with a reason"
    );
    assert_eq!(before.series.len(), 3, "two series, one of them split");
    let mut bytes = Vec::new();
    export::write(format, &before, now(), &mut bytes, &mut |_| {}).expect("export");

    // The target: the same clinic, doctors, rooms and visit types, no patients, no appointments.
    let mut target = SqliteStore::open(dir.path().join("target.sqlite3")).expect("target");
    demo::build(&mut target, &options(0, 0), &mut |_| {}).expect("empty demo");
    stranding_leave(&mut target, leave);
    let text = import::text(&bytes).expect("text");
    let parsed = match format {
        Format::Ics => import::appointments::parse_ics(text),
        _ => import::appointments::parse_csv(text),
    }
    .expect("parse");
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let report = target
        .import_appointments(
            &parsed,
            &ImportOptions {
                clinic: before.clinic.id,
                dry_run: false,
                overbook: None,
                source: format!("demo.{}", format.extension()),
                default_doctor: None,
            },
            "importer",
            now(),
            &mut |_| {},
        )
        .expect("import");
    assert!(report.bad.is_empty(), "{format}: {:#?}", report.bad);
    assert!(report.committed);
    assert_eq!(report.imported, before.appointments.len());
    // Stranded appointments are imported as they are, and listed.
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.reason.contains("on leave then (Conference)")
                && n.reason.contains("imported as it is")),
        "{:#?}",
        report.notices
    );
    let after = everything(&mut target);
    assert_eq!(after.appointments.len(), before.appointments.len());
    for (a, b) in after.appointments.iter().zip(&before.appointments) {
        assert_eq!(
            fields(a),
            fields(b),
            "{format}: appointment {}",
            b.appointment.id
        );
    }
    assert_eq!(
        after.series, before.series,
        "{format}: the series come back"
    );
    // Patients: CSV carries every field; iCalendar the name, phone and email.
    let patients = |set: &ExportSet| -> HashMap<PatientId, Patient> {
        set.patients.iter().map(|p| (p.id, p.clone())).collect()
    };
    let (got, want) = (patients(&after), patients(&before));
    assert_eq!(got.len(), want.len());
    for (id, p) in &want {
        let q = &got[id];
        match format {
            Format::Csv => assert_eq!(q, p),
            _ => assert_eq!((&q.name, &q.phone, &q.email), (&p.name, &p.phone, &p.email)),
        }
    }
    // Each appointment's history says it was imported, from which file, and by whom.
    for e in &after.appointments {
        let history = target.history(e.appointment.id).expect("history");
        assert_eq!(history.len(), 1, "{:?}", history);
        assert_eq!(
            (history[0].action.as_str(), history[0].actor.as_str()),
            ("imported", "importer")
        );
        assert!(
            history[0]
                .reason
                .starts_with(&format!("import from demo.{}", format.extension())),
            "{}",
            history[0].reason
        );
    }
    assert!(target.check().expect("check").is_ok());
    // The target exports the same file, but for when each row was written and by whom.
    let mut again = Vec::new();
    export::write(format, &after, now(), &mut again, &mut |_| {}).expect("export again");
    assert_eq!(
        strip_stamps(&again, format),
        strip_stamps(&bytes, format),
        "{format}: the re-export differs"
    );
}

/// The file without who wrote each row and when (created and updated, by and at).
fn strip_stamps(bytes: &[u8], format: Format) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    match format {
        Format::Ics => export::unfold(&text)
            .into_iter()
            .map(|(_, l)| l)
            .filter(|l| !l.starts_with("CREATED:") && !l.starts_with("LAST-MODIFIED:"))
            .collect(),
        _ => {
            let stamps = [
                "created_by",
                "created_at_utc",
                "updated_by",
                "updated_at_utc",
            ]
            .map(|c| {
                export::csv::APPOINTMENT_COLUMNS
                    .iter()
                    .position(|n| *n == c)
            });
            import::csv_read::records(&text)
                .0
                .into_iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| !stamps.contains(&Some(*i)))
                        .map(|(_, c)| c.as_str())
                        .collect::<Vec<_>>()
                        .join("\u{1f}")
                })
                .collect()
        }
    }
}

#[test]
fn the_demo_clinic_comes_back_from_csv_field_by_field() {
    round_trip(Format::Csv);
}

#[test]
fn the_demo_clinic_comes_back_from_icalendar_field_by_field() {
    round_trip(Format::Ics);
}

#[test]
fn the_demo_gives_some_patients_a_language_of_their_own_and_the_fhir_export_says_it() {
    use frontdesk::i18n::Language;
    let dir = tempfile::tempdir().expect("dir");
    let mut store = SqliteStore::open(dir.path().join("demo.sqlite3")).expect("open");
    demo::build(&mut store, &options(400, 200), &mut |_| {}).expect("demo");
    let set = everything(&mut store);
    let mut counts: HashMap<Option<Language>, usize> = HashMap::new();
    for p in &set.patients {
        let language = store.patient_language(p.id).expect("language");
        assert_eq!(set.patient_languages.get(&p.id).copied(), language);
        *counts.entry(language).or_default() += 1;
    }
    for language in [None, Some(Language::Hindi), Some(Language::English)] {
        assert!(
            counts.get(&language).copied().unwrap_or(0) > 0,
            "{counts:?}"
        );
    }
    let mut out = Vec::new();
    export::write(Format::Fhir, &set, now(), &mut out, &mut |_| {}).expect("write");
    let text = String::from_utf8(out).expect("utf-8");
    assert_eq!(
        text.matches(r#""code":"hi","display":"Hindi""#).count(),
        counts[&Some(Language::Hindi)]
    );
}
