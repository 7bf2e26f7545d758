//! `frontdesk report` and `frontdesk daysheet`, run as a user would: the real binary against a
//! temporary demo clinic. Three reports in three formats, figures that agree with each other and
//! with the library, bad flags refused with a specific message, and the PDF day sheet.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use frontdesk::scheduling::report::{ReportRange, compute};
use frontdesk::store::{SqliteStore, Store};
use serde_json::Value;

const NOW: &str = "2026-11-24T05:30:00Z"; // 11:00 in Kolkata

struct Desk {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn demo() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let desk = Self { dir, db };
        let out = desk.run(&["demo", "--appointments", "3000", "--today", "2026-11-24"]);
        assert!(out.status.success(), "demo failed: {}", text(&out.stderr));
        desk
    }

    fn run(&self, args: &[&str]) -> Output {
        frontdesk(&self.db, args)
    }

    /// Runs a command that must succeed and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    /// Runs a command that must fail, change nothing on stdout, and returns its stderr.
    fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {}",
            text(&out.stdout)
        );
        text(&out.stderr)
    }
}

fn frontdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .env("FRONTDESK_NOW", NOW)
        .env_remove("FRONTDESK_DB")
        .output()
        .expect("run frontdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json_lines(out: &str) -> Vec<serde_json::Map<String, Value>> {
    out.lines()
        .map(
            |l| match serde_json::from_str(l).expect("one JSON object per line") {
                Value::Object(o) => o,
                other => panic!("not an object: {other}"),
            },
        )
        .collect()
}

/// The fields of a CSV line written by our writer (no quoted commas in these reports).
fn csv_rows(out: &str) -> Vec<Vec<String>> {
    assert!(out.ends_with("\r\n"), "RFC 4180 records end in CRLF");
    out.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

const RANGE: [&str; 4] = ["--from", "2026-11-01", "--to", "2026-11-23"];

fn report(desk: &Desk, kind: &str, format: &str) -> String {
    let mut args = vec!["report", kind, "--format", format];
    args.extend(RANGE);
    desk.ok(&args)
}

#[test]
fn three_reports_in_three_formats_agree() {
    let desk = Desk::demo();
    // (kind, first CSV column, the total row's name, a figure to compare)
    let cases = [
        ("rooms", "room", "All rooms", "booked_minutes"),
        ("doctors", "doctor", "All doctors", "working_minutes"),
        ("no-shows", "group", "Lotus Family Clinic", "no_shows"),
    ];
    for (kind, first, total, figure) in cases {
        let csv = csv_rows(&report(&desk, kind, "csv"));
        let raw_json = report(&desk, kind, "json");
        let json = json_lines(&raw_json);
        let txt = report(&desk, kind, "text");
        assert_eq!(csv[0][0], first, "{kind}: CSV header");
        assert_eq!(
            csv.len() - 1,
            json.len(),
            "{kind}: one CSV record per JSON line"
        );
        // serde_json's map sorts keys, so read their order from the text itself.
        let first_line = raw_json.lines().next().expect("a line");
        let positions: Vec<usize> = csv[0]
            .iter()
            .map(|key| {
                first_line
                    .find(&format!("\"{key}\":"))
                    .unwrap_or_else(|| panic!("{kind}: no key {key} in {first_line}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{kind}: JSON keys in the CSV's column order: {first_line}"
        );
        let column = csv[0].iter().position(|c| c == figure).expect("column");
        let csv_total = csv
            .iter()
            .find(|r| r.contains(&total.to_owned()))
            .unwrap_or_else(|| panic!("{kind}: no {total} row"));
        let json_total = json
            .iter()
            .find(|o| o.values().any(|v| v == total))
            .expect("JSON total row");
        assert_eq!(
            csv_total[column],
            json_total[figure].to_string(),
            "{kind}: {figure} agrees"
        );
        assert!(
            txt.lines()
                .any(|l| l.contains(total) && l.contains(&csv_total[column])),
            "{kind}: the text shows {total} with {}:\n{txt}",
            csv_total[column]
        );
        assert!(
            txt.starts_with(match kind {
                "rooms" => "Room utilisation — Lotus Family Clinic — 1 Nov 2026 to 23 Nov 2026 (23 days, Asia/Kolkata)",
                "doctors" => "Clinician utilisation — Lotus Family Clinic",
                _ => "No-shows and late cancellations — Lotus Family Clinic",
            }),
            "{txt}"
        );
    }
}

#[test]
fn the_command_line_prints_what_the_library_computes() {
    let desk = Desk::demo();
    let json = json_lines(&report(&desk, "rooms", "json"));
    let store = SqliteStore::open(&desk.db).expect("open");
    let clinic = store.clinics().expect("clinics")[0].clone();
    let date = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let range = ReportRange::new(date("2026-11-01"), date("2026-11-23")).expect("range");
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .expect("now")
        .to_utc();
    let report = compute(&store.report_input(clinic.id, range, now).expect("input"));
    assert_eq!(json.len(), report.rooms.len() + 1);
    for (row, room) in json.iter().zip(&report.rooms) {
        assert_eq!(row["room"], room.name.as_str());
        assert_eq!(row["open_minutes"], room.total.open_minutes());
        assert_eq!(row["booked_minutes"], room.total.booked_minutes());
        assert_eq!(row["used_minutes"], room.total.used_minutes());
        let pct = row["booked_pct"].as_f64().expect("a number");
        let share = room.total.booked_share().expect("open") * 100.0;
        assert!((pct - share).abs() <= 0.05, "{pct} vs {share}");
    }
    let busy = json_lines(&report_with(
        &desk,
        &["report", "busiest-hours", "--format", "json"],
    ));
    assert_eq!(busy.len(), 7, "one line per weekday");
    assert_eq!(busy[0]["weekday"], "Mon");
}

fn report_with(desk: &Desk, args: &[&str]) -> String {
    desk.ok(args)
}

#[test]
fn the_default_range_is_the_30_days_up_to_today() {
    let desk = Desk::demo();
    let out = desk.ok(&["report", "waiting"]);
    assert!(
        out.starts_with("Waiting time and consultation length — Lotus Family Clinic — 26 Oct 2026 to 24 Nov 2026 (30 days"),
        "{out}"
    );
    let days = desk.ok(&[
        "report",
        "room-days",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
    ]);
    assert!(days.contains("(1 day, Asia/Kolkata)"), "{days}");
    // 12 rooms, one day: a header line, a column line and 12 rows.
    assert_eq!(days.lines().count(), 14, "{days}");
}

#[test]
fn bad_flags_are_refused_with_what_to_do() {
    let desk = Desk::demo();
    let cases: [(&[&str], &str); 6] = [
        (
            &[
                "report",
                "rooms",
                "--from",
                "2026-11-24",
                "--to",
                "2026-11-01",
            ],
            "give a \"to\" date on or after the \"from\" date",
        ),
        (
            &[
                "report",
                "doctors",
                "--from",
                "2025-01-01",
                "--to",
                "2026-11-01",
            ],
            "a report covers at most 366 days",
        ),
        (
            &["report", "no-shows", "--from", "24/11/2026"],
            "--from \"24/11/2026\" is not a date: write it as YYYY-MM-DD",
        ),
        (&["report", "beds"], "invalid value 'beds'"),
        (
            &["report", "rooms", "--format", "xml"],
            "possible values: text, csv, json",
        ),
        (
            &["--clinic", "Elsewhere", "report", "rooms"],
            "no clinic matches \"Elsewhere\"",
        ),
    ];
    for (args, expected) in cases {
        let stderr = desk.refused(args);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn the_day_sheet_is_a_private_pdf_of_the_doctors_day() {
    let desk = Desk::demo();
    let out = desk.dir.path().join("rao.pdf");
    let out_text = out.to_str().expect("path");
    let said = desk.ok(&[
        "daysheet",
        "--doctor",
        "rao",
        "--date",
        "2026-11-24",
        "--out",
        out_text,
    ]);
    assert!(
        said.starts_with("Saved the day sheet of Dr. Anjali Rao for Tuesday 24 November 2026 to "),
        "{said}"
    );
    let bytes = std::fs::read(&out).expect("the file");
    assert!(bytes.starts_with(b"%PDF-"));
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // The pages said are the pages in the file.
    let pages: usize = said
        .split(" on ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a page count");
    // pdf-writer puts each key on its own line: a page object reads "/Type /Page\n".
    let page_objects = String::from_utf8_lossy(&bytes)
        .matches("/Type /Page\n")
        .count();
    assert_eq!(page_objects, pages, "{said}");

    let room = desk.dir.path().join("room.pdf");
    let said = desk.ok(&[
        "daysheet",
        "--room",
        "Room 2",
        "--out",
        room.to_str().expect("path"),
    ]);
    assert!(said.contains("Room 2"), "{said}");
    assert!(room.exists());
}

#[test]
fn a_bad_day_sheet_request_writes_no_file() {
    let desk = Desk::demo();
    let out = desk.dir.path().join("x.pdf");
    let out_text = out.to_str().expect("path");
    let folder = desk.dir.path().to_str().expect("path").to_owned();
    let cases: [(Vec<&str>, &str); 5] = [
        (
            vec!["daysheet", "--out", out_text],
            "--doctor NAME or --room NAME",
        ),
        (
            vec!["daysheet", "--doctor", "nobody", "--out", out_text],
            "no doctor matches \"nobody\"",
        ),
        (
            vec!["daysheet", "--room", "Room 99", "--out", out_text],
            "no room matches \"Room 99\"",
        ),
        (
            vec![
                "daysheet", "--doctor", "rao", "--date", "tomorrow", "--out", out_text,
            ],
            "--date \"tomorrow\" is not a date",
        ),
        (
            vec!["daysheet", "--doctor", "rao", "--out", &folder],
            "is a folder: give a file name",
        ),
    ];
    for (args, expected) in cases {
        let stderr = desk.refused(&args);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
}
