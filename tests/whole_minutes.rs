//! Every instant of an appointment is on a whole minute of the clinic's wall clock, whichever
//! way it comes: typed, found by the slot finder, a walk-in's "now", or read from a CSV or
//! iCalendar file (an end with seconds, a DURATION with seconds, a repeating event's DTEND).
//! And "whole minute" means the wall clock's: in the years when a zone's offset had seconds
//! (Kolkata before 1906, Monrovia before 1972), 09:00 on the wall is bookable, the slot finder's
//! 09:00 books, and the clinic's own exports go back in.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use common::{Clinic1, utc};
use frontdesk::import::{self, ImportOptions};
use frontdesk::scheduling::time::{self, on_whole_minute, whole_minute};
use frontdesk::scheduling::*;
use frontdesk::store::{SlotSearch, Start, Store};

const KOLKATA: Tz = chrono_tz::Asia::Kolkata;
const MONROVIA: Tz = chrono_tz::Africa::Monrovia;

fn wall(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("one instant")
        .with_timezone(&Utc)
}

#[test]
fn rfc3339_is_exact_even_where_the_offset_had_seconds() {
    let at = |t: &str| t.parse::<DateTime<Utc>>().expect("instant");
    let cases = [
        (KOLKATA, "2026-11-24T04:00:00Z", "2026-11-24T09:30:00+05:30"),
        // 09:15 on the wall in 1900 was +05:21:10: 03:53:50 UTC.
        (KOLKATA, "1900-01-02T03:53:50Z", "1900-01-02T03:53:50Z"),
        (
            chrono_tz::Africa::Monrovia,
            "1971-06-01T09:44:30Z",
            "1971-06-01T09:44:30Z",
        ),
        (
            chrono_tz::America::New_York,
            "2026-11-01T06:30:00Z",
            "2026-11-01T01:30:00-05:00",
        ),
    ];
    for (zone, instant, written) in cases {
        assert_eq!(time::rfc3339(zone, at(instant)), written);
        let back = DateTime::parse_from_rfc3339(written).expect("RFC 3339");
        assert_eq!(back.with_timezone(&Utc), at(instant));
    }
}

#[test]
fn a_whole_minute_is_the_wall_clocks() {
    // Today the wall clock's minutes are UTC's.
    let now = utc("2026-11-24T04:00:17Z");
    assert!(!on_whole_minute(KOLKATA, now));
    assert_eq!(whole_minute(KOLKATA, now), utc("2026-11-24T04:00:00Z"));
    // Kolkata in 1900 ran at +05:21:10: 09:00 on the wall is 03:38:50 UTC.
    let nine = wall(KOLKATA, 1900, 1, 2, 9, 0);
    assert_eq!(nine, utc("1900-01-02T03:38:50Z"));
    assert!(on_whole_minute(KOLKATA, nine));
    assert!(!on_whole_minute(chrono_tz::UTC, nine));
    assert_eq!(whole_minute(KOLKATA, nine + Duration::seconds(59)), nine);
    // Monrovia ran at −00:44:30 until 1972.
    let ten = wall(MONROVIA, 1960, 6, 1, 10, 0);
    assert_eq!(ten, utc("1960-06-01T10:44:30Z"));
    assert!(on_whole_minute(MONROVIA, ten));
    // An exact instant (a walk-in's now, a slot) is taken to the wall clock's minute.
    let plan = plan_at(KOLKATA, nine + Duration::seconds(12), 15);
    assert_eq!(
        plan.interval,
        Some(Interval::new(nine, nine + Duration::minutes(15)))
    );
}

#[test]
fn a_clinic_whose_offset_had_seconds_books_the_wall_clocks_minutes() {
    for zone in [KOLKATA, MONROVIA] {
        let mut c = Clinic1::new(zone);
        let now = wall(zone, 1900, 1, 1, 0, 0);
        // Typed: 1900-01-02 09:00.
        let typed = c
            .store
            .book(
                &c.request(c.rao, None, c.asha, "1900-01-02 09:00"),
                "maria",
                now,
            )
            .expect("a wall-clock minute books");
        assert_eq!(
            typed.appointment.interval.start,
            wall(zone, 1900, 1, 2, 9, 0)
        );
        // Found: the slot finder's next time books as it is.
        let found = c
            .store
            .find_slots(&SlotSearch {
                clinic: c.clinic,
                target: SlotTarget::Doctor(c.rao),
                query: SlotQuery {
                    minutes: 15,
                    step_minutes: 15,
                    from: now,
                    count: 1,
                },
                horizon_days: 7,
                patient: None,
            })
            .expect("slots");
        let slot = found.first().expect("a slot").interval.start;
        assert!(on_whole_minute(zone, slot));
        let mut request = c.request(c.rao, None, c.ravi, "1900-01-02 09:00");
        request.start = Start::At(slot);
        let booked = c
            .store
            .book(&request, "maria", now)
            .expect("the slot books");
        assert_eq!(booked.appointment.interval.start, slot);
        assert_eq!(slot, wall(zone, 1900, 1, 1, 9, 0), "{zone}");
    }
}

fn options(c: &Clinic1) -> ImportOptions {
    ImportOptions {
        clinic: c.clinic,
        dry_run: false,
        overbook: None,
        source: "test file".into(),
        default_doctor: Some(c.rao),
    }
}

/// Imports `parsed`, which must be refused; returns the bad rows' reasons.
fn refused(c: &mut Clinic1, parsed: &import::Parsed<import::AppointmentRecord>) -> Vec<String> {
    let report = c
        .store
        .import_appointments(
            parsed,
            &options(c),
            "importer",
            utc("2026-11-24T04:00:00Z"),
            &mut |_| {},
        )
        .expect("import runs");
    assert!(!report.committed, "{report:?}");
    report.bad.iter().map(|b| b.reason.clone()).collect()
}

#[test]
fn an_end_with_seconds_from_a_file_is_refused_and_says_what_to_write() {
    let mut c = Clinic1::new(KOLKATA);
    let csv = "start_utc,end_utc,doctor,patient,patient_phone\n\
               2026-12-01T06:30:00Z,2026-12-01T06:45:17Z,Dr. Anjali Rao,Asha Iyer,+91 98450 12345\n";
    let parsed = import::appointments::parse_csv(csv).expect("csv");
    let bad = refused(&mut c, &parsed);
    assert_eq!(
        bad,
        vec![
            "the end 2026-12-01 12:15:17 has seconds: appointments last whole minutes; end it at 2026-12-01 12:15"
                .to_owned()
        ]
    );
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n\
               BEGIN:VEVENT\r\nUID:e1\r\nDTSTART:20261201T043000Z\r\nDTEND:20261201T044517Z\r\n\
               SUMMARY:x\r\nATTENDEE;CN=Asha Iyer:mailto:p@x\r\nEND:VEVENT\r\n\
               BEGIN:VEVENT\r\nUID:e2\r\nDTSTART:20261201T053000Z\r\nDURATION:PT15M30S\r\n\
               SUMMARY:x\r\nATTENDEE;CN=Asha Iyer:mailto:p@x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let parsed = import::appointments::parse_ics(ics).expect("ics");
    let mut bad = refused(&mut c, &parsed);
    bad.sort();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(
        bad[0].contains("DURATION \"PT15M30S\" has seconds") && bad[0].contains("PT15M or PT16M"),
        "{bad:?}"
    );
    assert!(
        bad[1].starts_with("the end 2026-12-01 10:15:17 has seconds"),
        "{bad:?}"
    );
    // Nothing was stored, so 10:15 is free for the same patient.
    let booked = c.book_ok(
        c.mehta,
        None,
        c.asha,
        "2026-12-01 10:15",
        utc("2026-11-24T04:00:00Z"),
    );
    assert_eq!(booked.interval.start, c.at("2026-12-01 10:15"));
}

#[test]
fn a_start_with_seconds_is_blamed_alone_and_an_end_only_for_its_own_seconds() {
    let mut c = Clinic1::new(KOLKATA);
    let row = |start: &str, end: &str| {
        format!(
            "start_utc,end_utc,doctor,patient,patient_phone\n\
             {start},{end},Dr. Anjali Rao,Asha Iyer,+91 98450 12345\n"
        )
    };
    // 10:00:17 to 10:15:00: the end is sound, only the start is wrong.
    let parsed =
        import::appointments::parse_csv(&row("2026-12-01T04:30:17Z", "2026-12-01T04:45:00Z"))
            .expect("csv");
    assert_eq!(
        refused(&mut c, &parsed),
        vec![
            "the start 2026-12-01 10:00:17 has seconds: appointments start on whole minutes; choose 2026-12-01 10:00"
                .to_owned()
        ]
    );
    // 10:00:17 to 10:15:17: both are wrong, each named with what to write.
    let parsed =
        import::appointments::parse_csv(&row("2026-12-01T04:30:17Z", "2026-12-01T04:45:17Z"))
            .expect("csv");
    assert_eq!(
        refused(&mut c, &parsed),
        vec![
            "the start 2026-12-01 10:00:17 has seconds: appointments start on whole minutes; choose 2026-12-01 10:00; the end 2026-12-01 10:15:17 has seconds: appointments last whole minutes; end it at 2026-12-01 10:15"
                .to_owned()
        ]
    );
}

#[test]
fn a_repeating_event_with_seconds_in_its_length_is_refused() {
    let c = Clinic1::new(KOLKATA);
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:s1\r\n\
               DTSTART;TZID=Asia/Kolkata:20261201T100000\r\n\
               DTEND;TZID=Asia/Kolkata:20261201T101517\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n\
               X-FRONTDESK-SERIES:00000000-0000-0000-0000-000000000077\r\n\
               SUMMARY:x\r\nATTENDEE;CN=Asha Iyer:mailto:p@x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let parsed = import::appointments::parse_ics(ics).expect("ics");
    let [(_, master)] = parsed.series.as_slice() else {
        panic!("one series: {parsed:?}");
    };
    let refused = master.resolve(KOLKATA).expect_err("seconds");
    assert!(
        refused.contains("lasts 15 minutes and 17 seconds: appointments last whole minutes"),
        "{refused}"
    );
    assert!(c.day("2026-12-01").is_empty());
}

/// A demo clinic in `zone` on 1900-01-01, through the real binary.
struct OldClinic {
    dir: tempfile::TempDir,
    zone: &'static str,
}

impl OldClinic {
    fn new(zone: &'static str) -> Self {
        let clinic = Self {
            dir: tempfile::tempdir().expect("dir"),
            zone,
        };
        let made = clinic.ok(
            "a.db",
            &[
                "demo",
                "--appointments",
                "200",
                "--patients",
                "40",
                "--today",
                "1900-01-01",
                "--tz",
                zone,
            ],
        );
        // The demo keeps to the dates Frontdesk books: nothing before 1900-01-01.
        assert!(made.contains("appointments from 1900-01-01 to"), "{made}");
        clinic
    }

    fn db(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, db: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_frontdesk"))
            .arg("--db")
            .arg(self.db(db))
            .args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(args)
            .env("HOME", self.dir.path())
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("FRONTDESK_NOW", "1900-01-01T00:00:00Z")
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_AS")
            .env_remove("FRONTDESK_TEST_PANIC")
            .output()
            .expect("run frontdesk")
    }

    fn ok(&self, db: &str, args: &[&str]) -> String {
        let out = self.run(db, args);
        assert!(
            out.status.success(),
            "{} {args:?}: {}",
            self.zone,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

#[test]
fn a_clinic_in_1900_books_what_slots_offers_and_its_exports_go_back_in() {
    for zone in ["Asia/Kolkata", "Africa/Monrovia"] {
        let clinic = OldClinic::new(zone);
        let slot = clinic.ok(
            "a.db",
            &[
                "slots",
                "--minutes",
                "15",
                "--doctor",
                "rao",
                "--from",
                "1900-01-02",
                "--count",
                "1",
            ],
        );
        assert!(slot.contains("1900-01-02 09:00–09:15"), "{zone}: {slot}");
        let booked = clinic.ok(
            "a.db",
            &[
                "book",
                "--patient",
                "Asha Iyer",
                "--new-patient",
                "--phone",
                "+91 98450 12345",
                "--doctor",
                "rao",
                "--start",
                "1900-01-02 09:00",
            ],
        );
        assert!(
            booked.contains("Booked Asha Iyer, 1900-01-02 09:00–09:15"),
            "{booked}"
        );
        // What scripts read (JSON lines, FHIR) names the instant stored, exactly: an RFC 3339
        // offset has no seconds, so the zone's +05:21:10 or -00:44:30 cannot be written there.
        let stored_start: i64 = rusqlite::Connection::open(clinic.db("a.db"))
            .expect("raw")
            .query_row(
                "SELECT start_utc FROM appointment a JOIN patient p ON p.id = a.patient_id \
                 WHERE p.name = 'Asha Iyer'",
                [],
                |r| r.get(0),
            )
            .expect("the booking");
        let line = clinic.ok(
            "a.db",
            &[
                "agenda",
                "--date",
                "1900-01-02",
                "--doctor",
                "rao",
                "--format",
                "json",
            ],
        );
        let asha = line
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
            .find(|v| v["patient"] == "Asha Iyer")
            .expect("Asha's line");
        let start = chrono::DateTime::parse_from_rfc3339(asha["start"].as_str().expect("start"))
            .expect("RFC 3339");
        assert_eq!(start.timestamp(), stored_start, "{zone}: {asha}");
        let fhir = clinic.db("a.json");
        clinic.ok(
            "a.db",
            &["export", "fhir", "--out", fhir.to_str().expect("utf-8")],
        );
        let bundle: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&fhir).expect("fhir")).expect("json");
        let starts: Vec<i64> = bundle["entry"]
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["resource"]["start"].as_str())
            .map(|t| {
                chrono::DateTime::parse_from_rfc3339(t)
                    .expect("RFC 3339")
                    .timestamp()
            })
            .collect();
        assert!(starts.contains(&stored_start), "{zone}: FHIR");
        assert!(
            starts.iter().all(|t| t % 60 != 0),
            "{zone}: every wall minute has seconds in UTC"
        );
        let mut stored = 0;
        for (format, file) in [("csv", "a.csv"), ("ics", "a.ics")] {
            let path = clinic.db(file);
            let path = path.to_str().expect("utf-8");
            clinic.ok("a.db", &["export", format, "--out", path]);
            if format == "csv" {
                stored = std::fs::read_to_string(path).expect("csv").lines().count() - 1;
                assert!(stored > 50, "{stored}");
            }
            let target = format!("{format}.db");
            clinic.ok(
                &target,
                &[
                    "demo",
                    "--appointments",
                    "0",
                    "--patients",
                    "0",
                    "--today",
                    "1900-01-01",
                    "--tz",
                    zone,
                ],
            );
            let imported = clinic.ok(&target, &["import", "appointments", path]);
            assert!(
                imported.contains(&format!("imported {stored} appointments")),
                "{zone} {format}: {imported}"
            );
        }
    }
}
