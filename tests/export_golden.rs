//! Golden files: each export format of the fixture clinic, compared byte for byte with
//! `tests/data/golden/`. `FRONTDESK_REGENERATE_GOLDEN=1 cargo test --test export_golden`
//! rewrites them (then read the diff before committing).

mod exchange_fixture;

use std::path::PathBuf;

use exchange_fixture::*;
use frontdesk::export::{self, ExportQuery, Format, Scope};
use frontdesk::store::Store;

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(name)
}

fn exported(format: Format, scope: Scope) -> Vec<u8> {
    exported_in_chunks(format, scope, export::CHUNK)
}

/// The export of the fixture clinic, formatted `chunk` items at a time on every core.
fn exported_in_chunks(format: Format, scope: Scope, chunk: usize) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "golden.sqlite3", true);
    let set = store
        .export_set(&ExportQuery {
            clinic: setup().clinic.id,
            from: None,
            to: None,
            scope,
        })
        .expect("export set");
    let mut out = Vec::new();
    let mut done = Vec::new();
    let mut progress = |p: export::Progress| done.push((p.done, p.total));
    export::write_in_chunks(format, &set, export_now(), &mut out, &mut progress, chunk)
        .expect("write");
    let total = set.appointments.len() as u64;
    assert!(done.is_sorted(), "{format}: progress only grows: {done:?}");
    assert_eq!(done.last(), Some(&(total, total)), "{format}: ends at all");
    out
}

fn check(name: &str, bytes: &[u8]) {
    let path = golden(name);
    if std::env::var_os("FRONTDESK_REGENERATE_GOLDEN").is_some() {
        std::fs::write(&path, bytes).expect("write golden");
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with FRONTDESK_REGENERATE_GOLDEN=1 once",
            path.display()
        )
    });
    if want != bytes {
        let got = String::from_utf8_lossy(bytes);
        let want = String::from_utf8_lossy(&want);
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name} differs from the golden file at line {}:\n got: {:?}\nwant: {:?}",
            line + 1,
            got.lines().nth(line),
            want.lines().nth(line)
        );
    }
}

#[test]
fn icalendar_matches_the_golden_file() {
    check("all.ics", &exported(Format::Ics, Scope::All));
}

#[test]
fn csv_matches_the_golden_file() {
    check("all.csv", &exported(Format::Csv, Scope::All));
}

#[test]
fn fhir_matches_the_golden_file() {
    check("all.fhir.json", &exported(Format::Fhir, Scope::All));
}

#[test]
fn one_doctors_calendar_matches_the_golden_file() {
    check(
        "ravi.ics",
        &exported(Format::Ics, Scope::Doctor(setup().ravi.id)),
    );
}

/// Small chunks send the fixture's events, rows and entries through the formatting threads
/// dozens of chunks at a time; the bytes must not change (a lost comma between FHIR entries,
/// a series split from its master event or a row out of order would show here).
#[test]
fn every_chunk_size_writes_the_same_bytes_as_the_golden_file() {
    for (format, name) in [
        (Format::Ics, "all.ics"),
        (Format::Csv, "all.csv"),
        (Format::Fhir, "all.fhir.json"),
    ] {
        let whole = std::fs::read(golden(name)).expect("golden file");
        for chunk in [1, 2, 3, 7] {
            let bytes = exported_in_chunks(format, Scope::All, chunk);
            assert!(
                bytes == whole,
                "{format} in chunks of {chunk} differs from {name}:\n{}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}

#[test]
fn icalendar_lines_are_crlf_and_at_most_75_octets() {
    let bytes = exported(Format::Ics, Scope::All);
    let text = String::from_utf8(bytes).expect("UTF-8 throughout");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF inside {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

#[test]
fn the_dst_crossing_is_written_so_a_reader_gets_the_right_instants() {
    let text = String::from_utf8(exported(Format::Ics, Scope::All)).expect("utf-8");
    let unfolded: Vec<String> = frontdesk::export::unfold(&text)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    // 01:00 EDT to 01:30 EST: both wall times happen twice that night, and clients disagree
    // on which pass a TZID time names (khal read 01:00 as EST, after its UTC end, and refused
    // the whole file): both in UTC.
    assert!(unfolded.contains(&"DTSTART:20261101T050000Z".to_owned()));
    assert!(unfolded.contains(&"DTEND:20261101T063000Z".to_owned()));
    assert!(!unfolded.iter().any(|l| l.contains("20261101T010000")));
    // The weekly pair keeps its wall time on both sides of the change.
    assert!(unfolded.contains(&"DTSTART;TZID=America/New_York:20261029T100000".to_owned()));
    assert!(unfolded.contains(&"DTSTART;TZID=America/New_York:20261105T100000".to_owned()));
    // The zone says when the offset changes.
    let standard = unfolded
        .iter()
        .position(|l| l == "BEGIN:STANDARD")
        .expect("STANDARD");
    assert_eq!(unfolded[standard + 1], "DTSTART:20261101T020000");
    assert_eq!(unfolded[standard + 2], "TZOFFSETFROM:-0400");
    assert_eq!(unfolded[standard + 3], "TZOFFSETTO:-0500");
}

#[test]
fn statuses_and_cancellations_map_as_designed() {
    let text = String::from_utf8(exported(Format::Fhir, Scope::All)).expect("utf-8");
    let bundle: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let entries = bundle["entry"].as_array().expect("entries");
    let appointment = |n: u128| {
        entries
            .iter()
            .map(|e| &e["resource"])
            .find(|r| r["resourceType"] == "Appointment" && r["id"] == id(n).to_string())
            .unwrap_or_else(|| panic!("appointment {n}"))
            .clone()
    };
    assert_eq!(appointment(100)["status"], "fulfilled");
    assert_eq!(appointment(101)["status"], "booked");
    assert_eq!(
        appointment(101)["appointmentType"]["coding"][0]["code"],
        "FOLLOWUP"
    );
    assert_eq!(
        appointment(102)["appointmentType"]["coding"][0]["code"],
        "EMERGENCY"
    );
    assert_eq!(appointment(102)["start"], "2026-11-01T01:00:00-04:00");
    assert_eq!(appointment(102)["end"], "2026-11-01T01:30:00-05:00");
    let cancelled = appointment(103);
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancelationReason"]["coding"][0]["code"], "pat");
    let no_show = appointment(104);
    assert_eq!(no_show["status"], "noshow");
    assert!(
        no_show["cancelationReason"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("no-show"))
    );
    assert_eq!(appointment(105)["status"], "checked-in");
    assert_eq!(
        appointment(105)["appointmentType"]["coding"][0]["code"],
        "WALKIN"
    );
    // Every reference resolves to an entry of the bundle.
    let urls: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["fullUrl"].as_str())
        .collect();
    for e in entries {
        for p in e["resource"]["participant"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let r = p["actor"]["reference"].as_str().expect("reference");
            assert!(urls.contains(&r), "{r} is not in the bundle");
        }
    }
}

#[test]
fn ids_are_the_same_in_every_export() {
    assert_eq!(
        exported(Format::Fhir, Scope::All),
        exported(Format::Fhir, Scope::All)
    );
    let text = String::from_utf8(exported(Format::Ics, Scope::All)).expect("utf-8");
    assert!(text.contains(&format!("UID:{}@frontdesk", id(103))));
}

/// The VEVENTs of an export, unfolded, each as its list of content lines.
fn events(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for (_, line) in frontdesk::export::unfold(text) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let Some(e) = current.as_mut() {
                    e.push(line);
                }
            }
        }
    }
    out
}

#[test]
fn a_series_across_the_dst_change_is_one_rule_with_its_exceptions() {
    let text = String::from_utf8(exported(Format::Ics, Scope::All)).expect("utf-8");
    let series_uid = format!("UID:{}@frontdesk", id(200));
    let of_series: Vec<Vec<String>> = events(&text)
        .into_iter()
        .filter(|e| e.contains(&series_uid))
        .collect();
    // The master: the rule from the first date at 09:30 local, the cancelled date excluded.
    let masters: Vec<&Vec<String>> = of_series
        .iter()
        .filter(|e| e.iter().any(|l| l.starts_with("RRULE:")))
        .collect();
    assert_eq!(masters.len(), 1, "one master event");
    let master = masters[0];
    assert!(master.contains(&"RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;COUNT=4".to_owned()));
    assert!(master.contains(&"DTSTART;TZID=America/New_York:20261021T093000".to_owned()));
    assert!(master.contains(&"EXDATE;TZID=America/New_York:20261028T093000".to_owned()));
    assert!(
        master.contains(&"STATUS:CONFIRMED".to_owned())
            || master.contains(&"STATUS:TENTATIVE".to_owned())
    );
    assert!(!master.iter().any(|l| l.starts_with("RECURRENCE-ID")));
    // An override per appointment that holds its time, on the rule's date, keeping 09:30 local
    // on both sides of the change; the one moved alone says where it went.
    let overrides: Vec<&Vec<String>> = of_series
        .iter()
        .filter(|e| e.iter().any(|l| l.starts_with("RECURRENCE-ID")))
        .collect();
    assert_eq!(overrides.len(), 3, "21 Oct, 4 Nov and 11 Nov");
    let override_on = |date: &str| {
        overrides
            .iter()
            .find(|e| {
                e.contains(&format!(
                    "RECURRENCE-ID;TZID=America/New_York:{date}T093000"
                ))
            })
            .unwrap_or_else(|| panic!("no override for {date}"))
    };
    assert!(
        override_on("20261021")
            .contains(&"DTSTART;TZID=America/New_York:20261021T093000".to_owned())
    );
    assert!(
        override_on("20261104")
            .contains(&"DTSTART;TZID=America/New_York:20261104T093000".to_owned())
    );
    let moved = override_on("20261111");
    assert!(moved.contains(&"DTSTART;TZID=America/New_York:20261111T110000".to_owned()));
    assert!(moved.contains(&"SEQUENCE:1".to_owned()));
    assert!(moved.contains(&format!("X-FRONTDESK-ID:{}", id(109))));
    // The cancelled occurrence is not an instance of the rule: its own event, cancelled.
    let cancelled = events(&text)
        .into_iter()
        .find(|e| e.contains(&format!("UID:{}@frontdesk", id(107))))
        .expect("the cancelled occurrence");
    assert!(cancelled.contains(&"STATUS:CANCELLED".to_owned()));
    assert!(cancelled.contains(&format!("X-FRONTDESK-SERIES:{}", id(200))));
    assert!(!cancelled.iter().any(|l| l.starts_with("RECURRENCE-ID")));
}

/// A called patient (issue 17) is `checked-in` in FHIR (the work before the encounter is done
/// and it may begin), tagged `urn:frontdesk:status` `called` so nothing is lost; in iCalendar
/// it is CONFIRMED, its own status word `called`.
#[test]
fn a_called_patient_is_checked_in_in_fhir_with_the_called_tag() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = store_in(dir.path(), "called.sqlite3", true);
    let walk_in = frontdesk::scheduling::AppointmentId(id(105));
    let now = export_now();
    // The fixture's walk-in is a phone visit: the waiting room's Call (in person only) would
    // refuse it, the lifecycle's step is the same.
    store
        .change_status(
            walk_in,
            &frontdesk::scheduling::StatusAction::Call,
            "maria",
            now,
        )
        .expect("called");
    let set = store
        .export_set(&ExportQuery {
            clinic: setup().clinic.id,
            from: None,
            to: None,
            scope: Scope::All,
        })
        .expect("export set");
    let mut out = Vec::new();
    export::write_in_chunks(
        Format::Fhir,
        &set,
        now,
        &mut out,
        &mut |_| {},
        export::CHUNK,
    )
    .expect("write");
    let bundle: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let called = bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Appointment" && r["id"] == id(105).to_string())
        .expect("the walk-in")
        .clone();
    assert_eq!(called["status"], "checked-in");
    assert_eq!(called["meta"]["tag"][0]["system"], "urn:frontdesk:status");
    assert_eq!(called["meta"]["tag"][0]["code"], "called");
    // Every other appointment carries no tag.
    let tagged = bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| !e["resource"]["meta"].is_null())
        .count();
    assert_eq!(tagged, 1);
    let mut ics = Vec::new();
    export::write_in_chunks(Format::Ics, &set, now, &mut ics, &mut |_| {}, export::CHUNK)
        .expect("write");
    let ics = String::from_utf8(ics).expect("utf-8");
    assert!(ics.contains("X-FRONTDESK-STATUS:called"), "{ics}");
}
