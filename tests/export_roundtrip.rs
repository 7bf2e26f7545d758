//! Round trips: export the fixture clinic, import the file into a database with the same setup
//! and no patients or appointments, and get the same appointments back; import it again and
//! nothing is added.

mod exchange_fixture;
mod ics_zones;

use exchange_fixture::*;
use frontdesk::export::{self, ExportQuery, ExportSet, Format, Scope};
use frontdesk::import::{self, ImportOptions, ImportReport};
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};

fn query() -> ExportQuery {
    ExportQuery {
        clinic: setup().clinic.id,
        from: None,
        to: None,
        scope: Scope::All,
    }
}

fn export_bytes(store: &mut SqliteStore, format: Format) -> Vec<u8> {
    let set = store.export_set(&query()).expect("export set");
    let mut out = Vec::new();
    export::write(format, &set, export_now(), &mut out, &mut |_| {}).expect("write");
    out
}

/// The fixture clinic, its export in `format`, and an empty database with the same setup
/// beside it, all in a folder that lives as long as the value.
struct Trip {
    _dir: tempfile::TempDir,
    source: SqliteStore,
    bytes: Vec<u8>,
    target: SqliteStore,
}

/// The fixture clinic in `dir`, with its patients as the entry rules let them in today
/// (`entered_patients`: the legacy name with a line break would be refused on import).
fn source_in(dir: &std::path::Path) -> SqliteStore {
    let mut store = SqliteStore::open(dir.join("source.sqlite3")).expect("open");
    fill_with(&mut store, entered_patients());
    store
}

fn trip(format: Format) -> Trip {
    let dir = tempfile::tempdir().expect("dir");
    let mut source = source_in(dir.path());
    let bytes = export_bytes(&mut source, format);
    let target = store_in(dir.path(), "target.sqlite3", false);
    Trip {
        _dir: dir,
        source,
        bytes,
        target,
    }
}

fn options(dry_run: bool) -> ImportOptions {
    ImportOptions {
        clinic: setup().clinic.id,
        dry_run,
        overbook: None,
        source: "exported file".into(),
        default_doctor: None,
    }
}

fn import_appointments(store: &mut SqliteStore, bytes: &[u8], dry_run: bool) -> ImportReport {
    import_with(store, bytes, &options(dry_run))
}

fn import_with(store: &mut SqliteStore, bytes: &[u8], options: &ImportOptions) -> ImportReport {
    let text = import::text(bytes).expect("text");
    let parsed = match import::detect(text) {
        import::FileKind::Ics => import::appointments::parse_ics(text),
        import::FileKind::Csv => import::appointments::parse_csv(text),
    }
    .expect("parse");
    store
        .import_appointments(&parsed, options, "importer", export_now(), &mut |_| {})
        .expect("import")
}

/// What must survive any round trip.
fn essentials(a: &Appointment) -> impl PartialEq + std::fmt::Debug {
    (
        (a.id, a.clinic, a.patient, a.doctor, a.room, a.visit_type),
        (a.interval, a.status, a.kind, a.mode),
        (
            a.reason.clone(),
            a.meeting_link.clone(),
            a.sequence,
            a.cancellation.as_ref().map(|c| (c.reason.clone(), c.by)),
        ),
    )
}

/// How many appointments the fixture holds (the series' four included).
fn fixture_count() -> usize {
    exchange_fixture::appointments(&setup()).len()
}

fn appointments(set: &ExportSet) -> Vec<&Appointment> {
    set.appointments.iter().map(|e| &e.appointment).collect()
}

#[test]
fn csv_round_trip_gives_back_every_field() {
    let Trip {
        _dir,
        mut source,
        bytes,
        mut target,
    } = trip(Format::Csv);
    let report = import_appointments(&mut target, &bytes, false);
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert!(report.committed);
    assert_eq!(report.imported, fixture_count());
    assert_eq!(report.patients_added, 4);
    let before = source.export_set(&query()).expect("source");
    let after = target.export_set(&query()).expect("target");
    assert_eq!(after.patients, before.patients, "patients come back whole");
    for (a, b) in appointments(&after).iter().zip(appointments(&before)) {
        // Everything but who wrote the row and when: the import is by "importer".
        let mut a = (*a).clone();
        a.created_by = b.created_by.clone();
        a.updated_by = b.updated_by.clone();
        assert_eq!(&a, b);
    }
    assert_eq!(after.appointments.len(), before.appointments.len());
    let overbooked: Vec<_> = after
        .appointments
        .iter()
        .map(|e| e.overbook_reason.clone())
        .collect();
    let wanted: Vec<_> = before
        .appointments
        .iter()
        .map(|e| e.overbook_reason.clone())
        .collect();
    assert_eq!(overbooked, wanted);
}

#[test]
fn icalendar_round_trip_gives_back_the_appointments() {
    let Trip {
        _dir,
        mut source,
        bytes,
        mut target,
    } = trip(Format::Ics);
    let report = import_appointments(&mut target, &bytes, false);
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.imported, fixture_count());
    let before = source.export_set(&query()).expect("source");
    let after = target.export_set(&query()).expect("target");
    let a: Vec<_> = appointments(&after).into_iter().map(essentials).collect();
    let b: Vec<_> = appointments(&before).into_iter().map(essentials).collect();
    assert_eq!(a, b);
    // Patients come back with the name and email the calendar carries.
    for (p, q) in after.patients.iter().zip(&before.patients) {
        assert_eq!((p.id, &p.name, &p.email), (q.id, &q.name, &q.email));
    }
}

/// The fixture's weekly series across the New York fall-back (one occurrence cancelled, one
/// moved on its own) comes back from our iCalendar file as a series: the same rule, first date,
/// wall time and length, every appointment on its date of the rule, so the re-export's EXDATE
/// and RECURRENCE-IDs are the same; importing it twice makes no second series.
#[test]
fn icalendar_round_trip_gives_back_the_series() {
    let Trip {
        _dir,
        mut source,
        bytes,
        mut target,
    } = trip(Format::Ics);
    let report = import_appointments(&mut target, &bytes, false);
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert!(
        !report.notices.iter().any(|n| n.reason.contains("series")),
        "{:?}",
        report.notices
    );
    let before = source.export_set(&query()).expect("source");
    let after = target.export_set(&query()).expect("target");
    assert_eq!(before.series.len(), 1, "the fixture has one series");
    assert_eq!(after.series, before.series);
    let links = |set: &ExportSet| -> Vec<_> {
        set.appointments
            .iter()
            .map(|e| (e.appointment.id, e.series, e.occurrence_date))
            .collect()
    };
    assert_eq!(links(&after), links(&before));
    let again = import_appointments(&mut target, &bytes, false);
    assert!(again.bad.is_empty(), "{:?}", again.bad);
    assert_eq!(
        target.export_set(&query()).expect("twice").series,
        after.series
    );
}

/// A series' appointments whose master event is missing from the file (cut out by hand, or a
/// file written by another program) are imported as appointments of their own, with a notice.
#[test]
fn without_its_master_event_a_series_appointment_is_imported_alone_with_a_notice() {
    let Trip {
        _dir,
        bytes,
        mut target,
        ..
    } = trip(Format::Ics);
    let text = String::from_utf8(bytes).expect("utf-8");
    // Drop the VEVENT that holds the RRULE.
    let mut kept = Vec::new();
    let mut event: Vec<&str> = Vec::new();
    for line in text.split_inclusive("\r\n") {
        if line.starts_with("BEGIN:VEVENT") || !event.is_empty() {
            event.push(line);
            if line.starts_with("END:VEVENT") {
                if !event.iter().any(|l| l.starts_with("RRULE:")) {
                    kept.append(&mut event);
                }
                event.clear();
            }
        } else {
            kept.push(line);
        }
    }
    let without_master = kept.concat();
    assert!(!without_master.contains("RRULE:"), "the master is gone");
    let report = import_appointments(&mut target, without_master.as_bytes(), false);
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    assert_eq!(report.imported, fixture_count());
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.reason.contains("no repeating event for its series")),
        "{:?}",
        report.notices
    );
    let after = target.export_set(&query()).expect("target");
    assert!(after.series.is_empty());
    assert!(after.appointments.iter().all(|e| e.series.is_none()));
}

/// A master event whose rule Frontdesk cannot keep is one bad row, on the master's own line,
/// however many appointments of the series follow it, and nothing is imported.
#[test]
fn a_series_rule_that_cannot_be_kept_is_one_bad_row_and_nothing_is_imported() {
    let Trip {
        _dir,
        bytes,
        mut target,
        ..
    } = trip(Format::Ics);
    let text = String::from_utf8(bytes).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    let rrule = lines
        .iter()
        .position(|l| l.starts_with("RRULE:"))
        .expect("the series' rule");
    // Lines are numbered from 1; the event starts at its BEGIN:VEVENT.
    let master = lines[..rrule]
        .iter()
        .rposition(|l| *l == "BEGIN:VEVENT")
        .expect("its event")
        + 1;
    let monthly = text.replace("RRULE:FREQ=WEEKLY", "RRULE:FREQ=MONTHLY");
    let report = import_appointments(&mut target, monthly.as_bytes(), false);
    assert!(!report.committed);
    assert_eq!(report.bad.len(), 1, "{:?}", report.bad);
    assert_eq!(report.bad[0].line, master, "{:?}", report.bad);
    assert!(
        report.bad[0].reason.contains("FREQ=MONTHLY"),
        "{:?}",
        report.bad
    );
    assert!(
        target
            .export_set(&query())
            .expect("set")
            .appointments
            .is_empty()
    );
}

/// Clinics whose series run through every kind of change of offset (wall times in the hour
/// the clocks repeat and in the hour they skip, whose master events are written at another
/// hour with X-FRONTDESK-DTSTART; daily and weekly; New York, Lord Howe's half hour,
/// Santiago's midnight, Dublin's negative summer time): an iCalendar export comes back as the
/// same appointments at the same instants and the same series.
#[test]
fn icalendar_round_trip_keeps_series_through_every_kind_of_change() {
    for zone in [
        chrono_tz::America::New_York,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::America::Santiago,
        chrono_tz::Europe::Dublin,
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let (mut source, _) =
            ics_zones::clinic_in_with(&dir.path().join("source.sqlite3"), zone, entered_patients());
        let bytes = export_bytes(&mut source, Format::Ics);
        let mut target = ics_zones::empty_clinic_in(&dir.path().join("target.sqlite3"), zone);
        let options = ImportOptions {
            // The generated clinic overlaps on purpose.
            overbook: Some("test clinic".into()),
            ..options(false)
        };
        let report = import_with(&mut target, &bytes, &options);
        assert!(report.bad.is_empty(), "{zone}: {:?}", report.bad);
        let before = source.export_set(&query()).expect("source");
        let after = target.export_set(&query()).expect("target");
        assert_eq!(report.imported, before.appointments.len(), "{zone}");
        for (a, b) in appointments(&after).into_iter().zip(appointments(&before)) {
            assert_eq!(essentials(a), essentials(b), "{zone}");
        }
        assert_eq!(
            before.series.len(),
            5,
            "{zone}: two series per change and a weekly one"
        );
        assert_eq!(after.series, before.series, "{zone}");
    }
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    for format in [Format::Csv, Format::Ics] {
        let Trip {
            _dir,
            source,
            bytes,
            mut target,
        } = trip(format);
        assert_eq!(
            import_appointments(&mut target, &bytes, false).imported,
            fixture_count()
        );
        let once = target.export_set(&query()).expect("once");
        let again = import_appointments(&mut target, &bytes, false);
        assert!(again.bad.is_empty(), "{format:?}: {:?}", again.bad);
        assert_eq!(
            (again.imported, again.already_present),
            (0, fixture_count()),
            "{format:?}"
        );
        assert_eq!(
            target.export_set(&query()).expect("twice"),
            once,
            "{format:?}"
        );
        // Into the database it came from: everything is already there.
        let mut source = source;
        let home = import_appointments(&mut source, &bytes, false);
        assert_eq!(
            (home.imported, home.already_present),
            (0, fixture_count()),
            "{format:?}"
        );
    }
}

#[test]
fn a_dry_run_reports_what_would_happen_and_writes_nothing() {
    let Trip {
        _dir,
        bytes,
        mut target,
        ..
    } = trip(Format::Csv);
    let report = import_appointments(&mut target, &bytes, true);
    assert!(report.dry_run && !report.committed);
    assert_eq!(report.imported, fixture_count());
    assert!(report.summary("appointments").contains("Dry run"));
    assert!(
        target
            .export_set(&query())
            .expect("set")
            .appointments
            .is_empty()
    );
    assert!(
        target
            .search_patients("iyer", 5)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn imported_appointments_are_audited_as_imported_by_the_actor() {
    let Trip {
        _dir,
        bytes,
        mut target,
        ..
    } = trip(Format::Ics);
    import_appointments(&mut target, &bytes, false);
    let history = target.history(AppointmentId(id(102))).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "imported");
    assert_eq!(history[0].actor, "importer");
    assert!(history[0].reason.starts_with("import from exported file"));
    assert!(
        history[0]
            .reason
            .contains("overbooked: Emergency overnight")
    );
    let check = target.check().expect("check");
    assert!(check.is_ok(), "{check:?}");
}

#[test]
fn patients_round_trip_through_csv() {
    let dir = tempfile::tempdir().expect("dir");
    let mut source = source_in(dir.path());
    let bytes = export_bytes(&mut source, Format::Csv);
    let text = import::text(&bytes).expect("text");
    let parsed = import::patients::parse_csv(text).expect("parse");
    assert_eq!(
        parsed.rows.len(),
        4,
        "each patient once, however many rows name them"
    );
    let mut target = store_in(dir.path(), "target.sqlite3", false);
    let report = target
        .import_patients(&parsed, &options(false), &mut |_| {})
        .expect("import");
    assert_eq!((report.imported, report.already_present), (4, 0));
    let again = target
        .import_patients(&parsed, &options(false), &mut |_| {})
        .expect("again");
    assert_eq!((again.imported, again.already_present), (0, 4));
    let mut found: Vec<String> = Vec::new();
    for p in entered_patients() {
        let hits = target.likely_duplicates(&Patient {
            id: PatientId(uuid::Uuid::nil()),
            ..p.clone()
        });
        found.extend(hits.expect("duplicates").into_iter().map(|p| p.name));
    }
    found.sort();
    found.dedup();
    // Patients with a phone or a birth date are found as duplicates of themselves.
    assert!(found.contains(&"Iyer, Asha".to_owned()));
    assert!(found.contains(&"Marie Dupont".to_owned()));
}

#[test]
fn a_legacy_name_or_phone_that_the_entry_rules_refuse_is_a_bad_row_and_nothing_is_imported() {
    // Older versions stored a name with a line break and a phone written as a formula; their
    // export is written safely, and importing it into a database that does not know these
    // patients names each row to fix instead of registering them.
    let dir = tempfile::tempdir().expect("dir");
    let mut legacy = store_in(dir.path(), "legacy.sqlite3", true);
    let bytes = export_bytes(&mut legacy, Format::Csv);
    let mut target = store_in(dir.path(), "target.sqlite3", false);
    let report = import_appointments(&mut target, &bytes, false);
    assert!(!report.committed);
    let reasons: Vec<String> = report.bad.iter().map(ToString::to_string).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("the name holds a line break (U+000A) at character 6")),
        "{reasons:#?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("the phone holds \"=\" at character 1")),
        "{reasons:#?}"
    );
    assert!(reasons.iter().all(|r| !r.contains('\n')), "{reasons:#?}");
    let set = target.export_set(&query()).expect("set");
    assert!(set.appointments.is_empty());
    assert!(
        target
            .search_patients("Marie", 10)
            .expect("search")
            .is_empty()
    );
}

#[test]
fn fhir_names_a_patients_preferred_language_and_only_where_one_was_chosen() {
    use frontdesk::i18n::Language;
    let dir = tempfile::tempdir().expect("dir");
    let mut source = source_in(dir.path());
    let set = source.export_set(&query()).expect("export set");
    let (hindi, other) = (set.patients[0].id, set.patients[1].id);
    source
        .set_patient_language(hindi, Some(Language::Hindi), "maria", export_now())
        .expect("language");
    let bytes = export_bytes(&mut source, Format::Fhir);
    let bundle: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let resource = |id: PatientId| {
        bundle["entry"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| &e["resource"])
            .find(|r| r["resourceType"] == "Patient" && r["id"] == id.to_string())
            .cloned()
            .expect("the patient's resource")
    };
    assert_eq!(
        resource(hindi)["communication"],
        serde_json::json!([{
            "language": {
                "coding": [{ "system": "urn:ietf:bcp:47", "code": "hi", "display": "Hindi" }],
                "text": "Hindi"
            },
            "preferred": true
        }])
    );
    assert!(resource(other).get("communication").is_none());
}
