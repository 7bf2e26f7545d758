//! Our iCalendar files as real calendar clients read them. Every export below (the fixture
//! clinic in New York, whole, one doctor's and narrower than its series; and clinics in zones
//! with unusual changes: London, Dublin's negative summer time, Lord Howe's half hour,
//! Santiago's midnight change, St John's, Kolkata, each whole and in ranges that end before a
//! change their series run across) is read by khal, by Debian's python3-icalendar and
//! python3-recurring-ical-events (what khal uses), by current icalendar and
//! recurring_ical_events from PyPI, by Evolution's libical and by Thunderbird's ical.js. Each
//! must show exactly the export's appointments at their instants: no file refused, nothing an
//! hour off, no end before its start, no instance of a series' rule that is not one of the
//! export's appointments.
//!
//! `scripts/ics-clients.sh` (sourced by `scripts/test.sh`) installs the clients. A client that
//! is missing is reported and skipped, except under `CI=true`, where the test fails.

mod exchange_fixture;
mod ics_zones;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use exchange_fixture::*;
use frontdesk::export::{self, ExportQuery, ExportSet, Format, Scope};
use frontdesk::store::{SqliteStore, Store};

/// One appointment as a client shows it: its id (ours, from X-FRONTDESK-ID or the UID), its
/// start and end in UTC seconds, and its iCalendar STATUS.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Shown {
    id: String,
    start: i64,
    end: i64,
    status: String,
}

/// An exported file and what every client must show of it.
struct Export {
    name: String,
    path: PathBuf,
    expected: Vec<Shown>,
}

fn expected(set: &ExportSet) -> Vec<Shown> {
    let mut out: Vec<Shown> = set
        .appointments
        .iter()
        .map(|e| Shown {
            id: e.appointment.id.to_string(),
            start: e.appointment.interval.start.timestamp(),
            end: e.appointment.interval.end.timestamp(),
            status: export::ics::status(e.appointment.status).to_owned(),
        })
        .collect();
    out.sort();
    out
}

fn write_export(
    dir: &Path,
    name: &str,
    store: &mut SqliteStore,
    query: ExportQuery,
    exports: &mut Vec<Export>,
) {
    let set = store.export_set(&query).expect("export set");
    assert!(!set.appointments.is_empty(), "{name}: exports something");
    let path = dir.join(format!("{name}.ics"));
    export::write_file(&path, Format::Ics, &set, export_now(), &mut |_| {}).expect("export");
    exports.push(Export {
        name: name.to_owned(),
        path,
        expected: expected(&set),
    });
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn query(from: Option<NaiveDate>, to: Option<NaiveDate>, scope: Scope) -> ExportQuery {
    ExportQuery {
        clinic: setup().clinic.id,
        from,
        to,
        scope,
    }
}

/// The fixture clinic: whole, Dr. O'Neil's, and two ranges narrower than its weekly series
/// (21 October to 11 November 2026, across the fall-back).
fn fixture_exports(dir: &Path, exports: &mut Vec<Export>) {
    let mut store = store_in(dir, "fixture.sqlite3", true);
    let s = setup();
    for (name, q) in [
        ("fixture-all", query(None, None, Scope::All)),
        ("fixture-ravi", query(None, None, Scope::Doctor(s.ravi.id))),
        (
            "fixture-1-to-5-november",
            query(Some(date(2026, 11, 1)), Some(date(2026, 11, 5)), Scope::All),
        ),
        (
            "fixture-october",
            query(
                Some(date(2026, 10, 1)),
                Some(date(2026, 10, 31)),
                Scope::All,
            ),
        ),
        (
            "fixture-zoe-from-november",
            query(Some(date(2026, 11, 1)), None, Scope::Doctor(s.zoe.id)),
        ),
    ] {
        write_export(dir, name, &mut store, q, exports);
    }
}

/// A clinic like the fixture's in `zone` (see `tests/ics_zones`), exported whole, up to the
/// day before its first change of offset in 2027, and for the week of its last.
fn zone_exports(dir: &Path, label: &str, zone: Tz, exports: &mut Vec<Export>) {
    let (mut store, changes) = ics_zones::clinic_in(&dir.join(format!("{label}.sqlite3")), zone);
    let local_date = |t: DateTime<Utc>| t.with_timezone(&zone).date_naive();
    write_export(
        dir,
        &format!("{label}-all"),
        &mut store,
        query(None, None, Scope::All),
        exports,
    );
    if let (Some(first), Some(last)) = (changes.first(), changes.last()) {
        write_export(
            dir,
            &format!("{label}-until-its-first-change"),
            &mut store,
            query(
                Some(date(2027, 1, 1)),
                Some(local_date(*first) - Duration::days(1)),
                Scope::All,
            ),
            exports,
        );
        write_export(
            dir,
            &format!("{label}-week-of-its-last-change"),
            &mut store,
            query(
                Some(local_date(*last) - Duration::days(3)),
                Some(local_date(*last) + Duration::days(3)),
                Scope::All,
            ),
            exports,
        );
    }
}

/// Every export the clients read.
fn all_exports(dir: &Path) -> Vec<Export> {
    let mut exports = Vec::new();
    fixture_exports(dir, &mut exports);
    for (label, zone) in [
        ("new-york", chrono_tz::America::New_York),
        ("london", chrono_tz::Europe::London),
        ("dublin", chrono_tz::Europe::Dublin),
        ("lord-howe", chrono_tz::Australia::Lord_Howe),
        ("santiago", chrono_tz::America::Santiago),
        ("st-johns", chrono_tz::America::St_Johns),
        ("kolkata", chrono_tz::Asia::Kolkata),
    ] {
        zone_exports(dir, label, zone, &mut exports);
    }
    exports
}

/// Where `scripts/ics-clients.sh` installs the PyPI and npm clients: `target/ics-clients`.
fn installed() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary");
    // target/<profile>/deps/<test>: three folders up is the target folder.
    let target = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"));
    target.join("ics-clients")
}

/// A client that reads many files in one run (`tests/ics_clients/expand.*`).
struct Client {
    name: &'static str,
    program: &'static str,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
    /// A command that succeeds when the client is there.
    probe: Vec<String>,
}

fn script(name: &str) -> String {
    format!("{}/tests/ics_clients/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn clients() -> Vec<Client> {
    let dir = installed();
    let py = dir.join("py").display().to_string();
    let node_modules = dir.join("node_modules").display().to_string();
    let probe = |code: &str| vec!["-c".to_owned(), code.to_owned()];
    vec![
        Client {
            name: "icalendar 7 + recurring_ical_events 3 (PyPI)",
            program: "python3",
            args: vec![script("expand.py"), "rie".into()],
            env: vec![("PYTHONPATH", py)],
            probe: probe(
                "import icalendar, recurring_ical_events; assert icalendar.__version__.startswith('7')",
            ),
        },
        Client {
            name: "Debian's python3-icalendar + python3-recurring-ical-events (khal's)",
            program: "/usr/bin/python3",
            args: vec![script("expand.py"), "rie".into()],
            env: Vec::new(),
            probe: probe("import icalendar, recurring_ical_events"),
        },
        Client {
            name: "libical 3 (Evolution), through ICalGLib",
            program: "/usr/bin/python3",
            args: vec![script("expand.py"), "libical".into()],
            env: Vec::new(),
            probe: probe(
                "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib",
            ),
        },
        Client {
            name: "ical.js 2 (Thunderbird)",
            program: "node",
            args: vec![script("expand.cjs")],
            env: vec![("NODE_PATH", node_modules)],
            probe: vec!["-e".into(), "require('ical.js')".into()],
        },
    ]
}

/// Whether a client can run; when it cannot, under CI=true that is a failure.
fn usable(name: &str, program: &str, probe: &[String], env: &[(&str, String)]) -> bool {
    let ok = Command::new(program)
        .args(probe)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let message = format!(
            "{name} is not installed here: run `. scripts/apt.sh; . scripts/ics-clients.sh` (scripts/test.sh does)"
        );
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
        eprintln!("skipped: {message}");
    }
    ok
}

/// What a client printed: per file, its rows or its error.
fn read_output(text: &str) -> BTreeMap<String, Result<Vec<Shown>, String>> {
    let mut out: BTreeMap<String, Result<Vec<Shown>, String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("== ") {
            current = Some(path.to_owned());
            out.insert(path.to_owned(), Ok(Vec::new()));
            continue;
        }
        let Some(path) = &current else { continue };
        let entry = out.get_mut(path).expect("file");
        if let Some(error) = line.strip_prefix("!! ") {
            *entry = Err(error.to_owned());
            continue;
        }
        let parts: Vec<&str> = line.split('|').collect();
        let [uid, x_id, start, end, status] = parts[..] else {
            *entry = Err(format!("unreadable line {line:?}"));
            continue;
        };
        let id = if x_id == "-" {
            uid.trim_end_matches("@frontdesk").to_owned()
        } else {
            x_id.to_owned()
        };
        if let Ok(rows) = entry {
            rows.push(Shown {
                id,
                start: start.parse().expect("seconds"),
                end: end.parse().expect("seconds"),
                status: status.to_owned(),
            });
        }
    }
    out
}

fn utc_text(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// The differences between what a client showed and what it should have, one line each.
fn differences(
    client: &str,
    export: &Export,
    shown: &Result<Vec<Shown>, String>,
    key: impl Fn(&Shown) -> Shown,
) -> Vec<String> {
    let shown = match shown {
        Ok(rows) => rows,
        Err(error) => return vec![format!("{client} refused {}: {error}", export.name)],
    };
    let mut want: Vec<Shown> = export.expected.iter().map(&key).collect();
    let mut got: Vec<Shown> = shown.iter().map(&key).collect();
    want.sort();
    got.sort();
    let mut out = Vec::new();
    let describe = |s: &Shown| {
        format!(
            "{} {}–{} {}",
            s.id,
            utc_text(s.start),
            utc_text(s.end),
            s.status
        )
    };
    for w in &want {
        if !got.contains(w) {
            out.push(format!(
                "{client}, {}: missing {}",
                export.name,
                describe(w)
            ));
        }
    }
    for g in &got {
        if !want.contains(g) {
            out.push(format!("{client}, {}: shows {}", export.name, describe(g)));
        }
    }
    if out.is_empty() && want.len() != got.len() {
        out.push(format!(
            "{client}, {}: {} appointments shown, {} exported",
            export.name,
            got.len(),
            want.len()
        ));
    }
    out
}

fn run_script_client(client: &Client, exports: &[Export]) -> Vec<String> {
    if !usable(client.name, client.program, &client.probe, &client.env) {
        return Vec::new();
    }
    let output = Command::new(client.program)
        .args(&client.args)
        .args(exports.iter().map(|e| &e.path))
        .envs(client.env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("client runs");
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return vec![format!(
            "{} failed: {}\n{text}",
            client.name,
            String::from_utf8_lossy(&output.stderr)
        )];
    }
    let read = read_output(&text);
    let mut out = Vec::new();
    for export in exports {
        let path = export.path.display().to_string();
        match read.get(&path) {
            Some(shown) => out.extend(differences(client.name, export, shown, Shown::clone)),
            None => out.push(format!("{}: no output for {}", client.name, export.name)),
        }
    }
    out
}

/// khal: `khal import` into a new calendar, then `khal list` in UTC. khal does not show
/// X-FRONTDESK-ID, so its appointments are compared by start, end and status.
fn run_khal(exports: &[Export]) -> Vec<String> {
    let name = "khal";
    if !usable(name, "khal", &["--version".to_owned()], &[]) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for export in exports {
        // khal syncs every event it imports to disk: in memory when the machine has it.
        let base = tempfile::Builder::new()
            .prefix("khal")
            .tempdir_in("/dev/shm")
            .or_else(|_| tempfile::tempdir())
            .expect("dir");
        let calendar = base.path().join("calendar");
        std::fs::create_dir_all(&calendar).expect("calendar folder");
        let config = base.path().join("config");
        std::fs::write(
            &config,
            format!(
                "[calendars]\n[[clinic]]\npath = {}\ntype = calendar\n[locale]\n\
                 local_timezone = UTC\ndefault_timezone = UTC\ntimeformat = %H:%M\n\
                 dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n\
                 datetimeformat = %Y-%m-%dT%H:%M:%S\nlongdatetimeformat = %Y-%m-%dT%H:%M:%S\n",
                calendar.display()
            ),
        )
        .expect("config");
        let khal = |args: &[&str]| {
            Command::new("khal")
                .arg("-c")
                .arg(&config)
                .args(args)
                .env("XDG_DATA_HOME", base.path())
                .env("XDG_CONFIG_HOME", base.path())
                .output()
                .expect("khal runs")
        };
        let path = export.path.display().to_string();
        let import = khal(&["import", "--batch", "-a", "clinic", &path]);
        if !import.status.success() {
            out.push(format!(
                "khal refused {}: {}",
                export.name,
                String::from_utf8_lossy(&import.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ));
            continue;
        }
        // Not --once, which shows a repeating event only once: an event over midnight is
        // listed on both days, and those repeats are dropped below.
        let list = khal(&[
            "list",
            "--day-format",
            "",
            "--format",
            "{uid}|{start}|{end}|{status}",
            // Every export here lies in 2026 and 2027 (a century takes khal seconds).
            "2025-01-01",
            "2028-12-31",
        ]);
        let text = String::from_utf8_lossy(&list.stdout);
        let rows: Result<Vec<Shown>, String> = text
            .lines()
            .filter(|l| l.contains('|'))
            .map(|line| {
                let parts: Vec<&str> = line.split('|').collect();
                let [uid, start, end, status] = parts[..] else {
                    return Err(format!("unreadable line {line:?}"));
                };
                let at = |t: &str| {
                    NaiveDateTime::parse_from_str(t.trim(), "%Y-%m-%dT%H:%M:%S")
                        .map(|t| t.and_utc().timestamp())
                        .map_err(|e| format!("{t:?}: {e}"))
                };
                Ok(Shown {
                    id: uid.to_owned(),
                    start: at(start)?,
                    end: at(end)?,
                    status: status.trim().to_owned(),
                })
            })
            .collect();
        let rows = if list.status.success() {
            rows.map(|mut rows| {
                rows.sort();
                rows.dedup();
                rows
            })
        } else {
            Err(String::from_utf8_lossy(&list.stderr).into_owned())
        };
        out.extend(differences(name, export, &rows, |s| Shown {
            id: String::new(),
            ..s.clone()
        }));
    }
    out
}

#[test]
fn every_calendar_client_shows_exactly_the_exported_appointments() {
    let dir = tempfile::tempdir().expect("dir");
    // FRONTDESK_ICS_EXPORTS=<folder> keeps the files there, to look at what a client misread.
    let kept = std::env::var_os("FRONTDESK_ICS_EXPORTS").map(PathBuf::from);
    if let Some(kept) = &kept {
        std::fs::create_dir_all(kept).expect("folder for the exports");
    }
    let exports = all_exports(kept.as_deref().unwrap_or(dir.path()));
    let problems: Vec<String> = std::thread::scope(|scope| {
        let mut jobs = Vec::new();
        for client in clients() {
            let exports = &exports;
            jobs.push(scope.spawn(move || run_script_client(&client, exports)));
        }
        // khal is the slowest (a process or two per file): half the files each on two threads.
        let (first, second) = exports.split_at(exports.len() / 2);
        jobs.push(scope.spawn(|| run_khal(first)));
        jobs.push(scope.spawn(|| run_khal(second)));
        jobs.into_iter()
            .flat_map(|j| j.join().expect("client thread"))
            .collect()
    });
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
