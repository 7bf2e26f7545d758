//! `frontdesk export`, `import`, `backup` and `restore`, run as a user would: the real binary
//! against temporary databases.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

struct Desk {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn demo() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let desk = Desk { dir, db };
        let out = desk.run(&[
            "demo",
            "--appointments",
            "600",
            "--today",
            "2026-11-24",
            "--seed",
            "3",
        ]);
        assert!(out.status.success(), "demo: {}", text(&out.stderr));
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        run_on(&self.db, args)
    }
}

fn run_on(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .env("FRONTDESK_NOW", NOW)
        .env_remove("FRONTDESK_DB")
        .env_remove("FRONTDESK_KEEP_BACKUPS")
        .output()
        .expect("run frontdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("raw")
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

/// Every row of the clinic's own tables (all but the access log and the staff's sign-in
/// records, which a sign-in itself writes), as text: what a refused restore must leave alone.
fn clinic_rows(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("raw");
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT IN ('access_log', 'access_log_head', 'staff', 'change_counter') ORDER BY name",
        )
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("tables");
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table}"))
            .expect("select");
        let width = stmt.column_count();
        let mut query = stmt.query([]).expect("query");
        while let Some(row) = query.next().expect("row") {
            let values: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i).expect("value")))
                .collect();
            rows.push(format!("{table}: {}", values.join(", ")));
        }
    }
    rows.sort();
    rows
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn exports_each_format_to_a_private_file() {
    let desk = Desk::demo();
    for (format, head) in [
        ("ics", "BEGIN:VCALENDAR\r\n"),
        ("csv", "id,start_local,"),
        ("fhir", "{\"resourceType\":\"Bundle\""),
    ] {
        let out_file = desk.path(&format!("out.{format}"));
        let out = desk.run(&[
            "export",
            format,
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            out_file.to_str().expect("path"),
        ]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let said = text(&out.stdout);
        assert!(said.starts_with("Exported "), "{said}");
        assert!(
            text(&out.stderr).contains("export: writing"),
            "progress on stderr"
        );
        let written = std::fs::read_to_string(&out_file).expect("written");
        assert!(
            written.starts_with(head),
            "{format}: {}",
            &written[..40.min(written.len())]
        );
        assert_eq!(mode(&out_file), 0o600);
    }
}

#[test]
fn one_doctors_export_holds_only_their_appointments() {
    let desk = Desk::demo();
    let out_file = desk.path("rao.csv");
    let out = desk.run(&[
        "export",
        "csv",
        "--doctor",
        "rao",
        "--out",
        out_file.to_str().expect("p"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(&out_file).expect("csv");
    let rows: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.contains("Rao")),
        "only Dr. Rao's rows"
    );
    let all = count(&desk.db, "SELECT count(*) FROM appointment");
    assert!((rows.len() as i64) < all);
}

#[test]
fn bad_export_arguments_are_refused_with_a_reason() {
    let desk = Desk::demo();
    let out_file = desk.path("x.ics");
    let out = desk.run(&[
        "export",
        "ics",
        "--from",
        "2026-12-31",
        "--to",
        "2026-12-01",
        "--out",
        out_file.to_str().expect("p"),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--from 2026-12-31 is after --to 2026-12-01"),
        "{}",
        text(&out.stderr)
    );
    let out = desk.run(&[
        "export",
        "ics",
        "--from",
        "01/12/2026",
        "--out",
        out_file.to_str().expect("p"),
    ]);
    assert!(
        text(&out.stderr).contains("is not a date: write it as YYYY-MM-DD"),
        "{}",
        text(&out.stderr)
    );
    let out = desk.run(&["export", "ics", "--out", "/nonexistent/dir/x.ics"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("cannot write /nonexistent/dir/x.ics"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out_file.exists());
}

#[test]
fn export_then_import_into_a_copy_of_the_setup_gives_the_same_appointments() {
    let desk = Desk::demo();
    let csv = desk.path("all.csv");
    assert!(
        desk.run(&["export", "csv", "--out", csv.to_str().expect("p")])
            .status
            .success()
    );
    // A second database with the same clinic and no appointments: a demo of 0 appointments
    // from the same seed has the same doctors and rooms.
    let other = desk.path("other.sqlite3");
    let out = run_on(
        &other,
        &[
            "demo",
            "--appointments",
            "0",
            "--patients",
            "0",
            "--today",
            "2026-11-24",
            "--seed",
            "3",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count(&other, "SELECT count(*) FROM appointment"), 0);
    let dry = run_on(
        &other,
        &[
            "import",
            "appointments",
            csv.to_str().expect("p"),
            "--dry-run",
        ],
    );
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("Dry run: nothing was written"),
        "{}",
        text(&dry.stdout)
    );
    assert_eq!(count(&other, "SELECT count(*) FROM appointment"), 0);
    let real = run_on(
        &other,
        &["import", "appointments", csv.to_str().expect("p")],
    );
    assert!(real.status.success(), "{}", text(&real.stderr));
    let total = count(&desk.db, "SELECT count(*) FROM appointment");
    assert_eq!(count(&other, "SELECT count(*) FROM appointment"), total);
    assert_eq!(
        count(
            &other,
            "SELECT count(*) FROM audit_event WHERE action = 'imported' AND actor = 'Arjun Iyer'"
        ),
        total
    );
    let again = run_on(
        &other,
        &["import", "appointments", csv.to_str().expect("p")],
    );
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains(&format!(
            "imported 0 appointments, {total} already in the database"
        )),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(count(&other, "SELECT count(*) FROM appointment"), total);
    let check = run_on(&other, &["check"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}

#[test]
fn a_bad_import_lists_every_bad_row_and_changes_nothing() {
    let desk = Desk::demo();
    let file = desk.path("bad.csv");
    std::fs::write(
        &file,
        "start_local,end_local,doctor,patient,patient_phone\r\n\
         2026-12-01 10:00,2026-12-01 10:30,Nobody At All,Someone,1\r\n\
         2026-12-01 25:00,2026-12-01 10:30,rao,Someone,1\r\n",
    )
    .expect("write");
    let before = count(&desk.db, "SELECT count(*) FROM appointment");
    let out = desk.run(&["import", "appointments", file.to_str().expect("p")]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.csv: line 2: no doctor \"Nobody At All\""),
        "{err}"
    );
    assert!(
        err.contains("bad.csv: line 3: start_local \"2026-12-01 25:00\" is not a date and time"),
        "{err}"
    );
    assert!(
        err.contains("2 bad rows of 2: nothing was imported"),
        "{err}"
    );
    assert_eq!(count(&desk.db, "SELECT count(*) FROM appointment"), before);
}

#[test]
fn patients_import_from_a_plain_csv_and_not_twice() {
    let desk = Desk::demo();
    let file = desk.path("patients.csv");
    std::fs::write(
        &file,
        "Name,Phone,Email,Date of birth,MRN\r\n\"Iyer, Asha\",+91 98450 11111,asha@example.com,1980-05-17,X-1\r\nRavi Kumar,,,,X-2\r\n",
    )
    .expect("write");
    let before = count(&desk.db, "SELECT count(*) FROM patient");
    let out = desk.run(&["import", "patients", file.to_str().expect("p")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count(&desk.db, "SELECT count(*) FROM patient"), before + 2);
    let again = desk.run(&["import", "patients", file.to_str().expect("p")]);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("imported 0 patients, 2 already in the database"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(count(&desk.db, "SELECT count(*) FROM patient"), before + 2);
}

#[test]
fn backup_and_restore_on_the_command_line() {
    let desk = Desk::demo();
    let copy = desk.path("copy.sqlite3");
    let out = desk.run(&["backup", copy.to_str().expect("p")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(mode(&copy), 0o600);
    let before = count(&desk.db, "SELECT count(*) FROM appointment");
    // A damaged copy is refused and the database is left exactly as it was.
    let damaged = desk.path("damaged.sqlite3");
    let mut bytes = std::fs::read(&copy).expect("read");
    let half = bytes.len() / 2;
    bytes.truncate(half);
    std::fs::write(&damaged, &bytes).expect("write");
    let original = clinic_rows(&desk.db);
    let out = desk.run(&["restore", damaged.to_str().expect("p")]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is damaged"),
        "{}",
        text(&out.stderr)
    );
    // Every row is as it was (only the sign-in of whoever asked is logged).
    assert_eq!(clinic_rows(&desk.db), original, "row for row");
    // A good one is restored, and the replaced database is kept.
    let walk_in = desk.run(&[
        "book",
        "--patient",
        "Asha Iyer",
        "--new-patient",
        "--phone",
        "+91 98450 12345",
        "--doctor",
        "rao",
        "--walk-in",
    ]);
    assert!(walk_in.status.success(), "{}", text(&walk_in.stderr));
    assert_eq!(
        count(&desk.db, "SELECT count(*) FROM appointment"),
        before + 1
    );
    let out = desk.run(&["restore", copy.to_str().expect("p")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("is kept as"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(count(&desk.db, "SELECT count(*) FROM appointment"), before);
    let kept: Vec<PathBuf> = std::fs::read_dir(desk.dir.path())
        .expect("dir")
        .map(|e| e.expect("e").path())
        .filter(|p| p.to_string_lossy().contains(".replaced-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        count(&kept[0], "SELECT count(*) FROM appointment"),
        before + 1
    );
}

#[test]
fn the_first_command_of_the_day_makes_the_daily_backup() {
    let desk = Desk::demo();
    let backups = desk.dir.path().join("backups");
    let daily = backups.join("clinic-daily-2026-11-24.fdbackup");
    // `demo` itself makes none; the next command starts it in the background, once.
    assert!(!backups.exists());
    assert!(desk.run(&["agenda"]).status.success());
    let started = std::time::Instant::now();
    while !daily.exists() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "no daily backup appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(mode(&daily), 0o600);
    assert!(desk.run(&["agenda"]).status.success());
    std::thread::sleep(std::time::Duration::from_millis(300));
    let backups_made = || {
        std::fs::read_dir(&backups)
            .expect("backups")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .count()
    };
    assert_eq!(backups_made(), 1, "one a day");
    // It restores to the same clinic.
    let before = count(&desk.db, "SELECT count(*) FROM appointment");
    let elsewhere = desk.path("elsewhere.sqlite3");
    let out = run_on(&elsewhere, &["restore", daily.to_str().expect("path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        count(&elsewhere, "SELECT count(*) FROM appointment"),
        before
    );
    let off = tempfile::tempdir().expect("dir");
    let db = off.path().join("c.sqlite3");
    assert!(
        run_on(
            &db,
            &["demo", "--appointments", "50", "--today", "2026-11-24"]
        )
        .status
        .success()
    );
    assert!(
        run_on(&db, &["--keep-backups", "0", "agenda"])
            .status
            .success()
    );
    assert!(
        !off.path().join("backups").exists(),
        "--keep-backups 0 turns them off"
    );
}

/// Issue 12, third review: `backup` and `restore` quoted the path raw (a line break in it
/// forged a "frontdesk: backup verified OK" line) and whole (300 characters), where export
/// and daysheet quote it escaped and shortened.
#[test]
fn backup_and_restore_quote_paths_escaped_and_short() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("clinic.sqlite3");
    let demo = run_on(
        &db,
        &[
            "demo",
            "--appointments",
            "0",
            "--patients",
            "0",
            "--today",
            "2026-11-24",
        ],
    );
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    let forged_missing = "/nonexist/a\nfrontdesk: backup verified OK";
    let not_a_backup = dir.path().join("x\nfrontdesk: backup verified OK");
    std::fs::write(&not_a_backup, "Dear Dr. Rao,\n").expect("write");
    let long = format!("/nonexist/{}x.db", "d/".repeat(150));
    for (args, says) in [
        (vec!["backup", forged_missing], "cannot use"),
        (vec!["restore", forged_missing], "cannot use"),
        (
            vec!["restore", not_a_backup.to_str().expect("utf-8")],
            "is not a database file",
        ),
        (vec!["backup", &long], "cannot use …"),
        (vec!["restore", &long], "cannot use …"),
    ] {
        let out = run_on(&db, &args);
        let message = text(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(message.contains(says), "{args:?}: {message}");
        assert!(
            !message
                .lines()
                .any(|l| l.starts_with("frontdesk: backup verified")),
            "{args:?}: a forged line: {message}"
        );
        let line = message
            .lines()
            .find(|l| l.starts_with("frontdesk:"))
            .unwrap_or_default();
        assert!(line.chars().count() < 300, "{args:?}: {line}");
        assert!(!message.contains(&"d/".repeat(100)), "{args:?}: {message}");
    }
}
