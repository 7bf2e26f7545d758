//! What the command line prints for scripts never carries what a terminal obeys: a doctor's
//! and a patient's name stored by an older version (planted with SQL) with escape codes, a
//! right-to-left override, a line separator, DEL and C1 controls. JSON lines (`agenda`,
//! `slots`, `waitlist list`, `report`) escape them as `\uXXXX` and still read back as the same
//! value; report CSV on a terminal shows them escaped, and into a pipe stays exact, as a
//! spreadsheet reads it. The real binary; a terminal is `script`'s pseudo-terminal.

use std::path::PathBuf;
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

/// Everything a terminal would obey or that would hide or reorder text.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31m\u{202e}\u{2028}\u{7f}\u{85}\u{9b}";

/// What may not reach a terminal raw.
const RAW: [char; 8] = [
    '\u{1b}', '\u{7}', '\u{202e}', '\u{2028}', '\u{7f}', '\u{85}', '\u{9b}', '\r',
];

struct Desk {
    dir: tempfile::TempDir,
    db: PathBuf,
    doctor: String,
    patient: String,
}

impl Desk {
    /// A demo clinic with a doctor and a patient renamed as an older version could have.
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let desk = Self {
            dir,
            db,
            doctor: format!("Dr. Anjali {HOSTILE} Rao"),
            patient: format!("Asha {HOSTILE} Iyer"),
        };
        desk.ok(&["demo", "--appointments", "0", "--today", "2026-11-24"]);
        desk.ok(&[
            "book",
            "--patient",
            "Asha Iyer",
            "--new-patient",
            "--phone",
            "+91 98450 12345",
            "--doctor",
            "rao",
            "--start",
            "2026-11-24 10:00",
        ]);
        desk.ok(&[
            "waitlist",
            "add",
            "--patient",
            "Asha Iyer",
            "--phone",
            "+91 98450 12345",
            "--doctor",
            "rao",
        ]);
        let conn = rusqlite::Connection::open(&desk.db).expect("raw");
        conn.execute(
            "UPDATE doctor SET name = ?1 WHERE name = 'Dr. Anjali Rao'",
            [&desk.doctor],
        )
        .expect("plant doctor");
        conn.execute(
            "UPDATE patient SET name = ?1 WHERE name = 'Asha Iyer'",
            [&desk.patient],
        )
        .expect("plant patient");
        desk
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.arg("--db")
            .arg(&self.db)
            .args(["--as", "test desk"])
            .args(args)
            .env("HOME", self.dir.path())
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("FRONTDESK_NOW", NOW)
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_AS")
            .env_remove("FRONTDESK_TEST_PANIC");
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out: Output = self.command(args).output().expect("run frontdesk");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }
}

fn assert_no_raw(what: &str, text: &str) {
    assert!(
        !text.contains(RAW),
        "{what} carries a raw control: {text:?}"
    );
}

#[test]
fn json_lines_escape_what_a_terminal_obeys_and_read_back_the_same() {
    let desk = Desk::new();
    let cases: [(&[&str], &str, &String); 5] = [
        (
            &["agenda", "--date", "2026-11-24", "--format", "json"],
            "doctor",
            &desk.doctor,
        ),
        (
            &["agenda", "--date", "2026-11-24", "--format", "json"],
            "patient",
            &desk.patient,
        ),
        (
            &[
                "slots",
                "--minutes",
                "15",
                "--doctor",
                "rao",
                "--count",
                "1",
                "--format",
                "json",
            ],
            "doctor",
            &desk.doctor,
        ),
        (
            &["waitlist", "list", "--format", "json"],
            "patient",
            &desk.patient,
        ),
        (
            &[
                "report",
                "doctors",
                "--from",
                "2026-11-24",
                "--to",
                "2026-11-24",
                "--format",
                "json",
            ],
            "doctor",
            &desk.doctor,
        ),
    ];
    for (args, field, stored) in cases {
        let out = desk.ok(args);
        assert_no_raw(&format!("{args:?}"), &out);
        for escape in [
            "\\u001b", "\\u202e", "\\u2028", "\\u007f", "\\u0085", "\\u009b",
        ] {
            assert!(out.contains(escape), "{args:?}: {escape} in {out}");
        }
        let found = out
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("valid JSON"))
            .any(|v| v[field].as_str() == Some(stored.as_str()));
        assert!(found, "{args:?}: the {field} reads back as stored: {out}");
    }
}

#[test]
fn report_csv_is_escaped_on_a_terminal_and_exact_in_a_pipe() {
    let desk = Desk::new();
    let args = [
        "report",
        "doctors",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
        "--format",
        "csv",
    ];
    // Into a pipe: exact, as a spreadsheet reads it.
    let piped = desk.ok(&args);
    assert!(piped.contains(&desk.doctor), "{piped:?}");
    // On a terminal (script's pseudo-terminal): escaped.
    let mut line = vec![
        env!("CARGO_BIN_EXE_frontdesk").to_owned(),
        "--db".to_owned(),
    ];
    line.push(desk.db.to_str().expect("utf-8").to_owned());
    line.extend(args.iter().map(|a| (*a).to_owned()));
    let shell = line
        .iter()
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env("HOME", desk.dir.path())
        .env("XDG_STATE_HOME", desk.dir.path().join("state"))
        .env("FRONTDESK_NOW", NOW)
        .env("FRONTDESK_KEEP_BACKUPS", "0")
        .env("FRONTDESK_AS", "test desk")
        .output()
        .expect("script (bsdutils) runs the command on a pseudo-terminal");
    assert!(out.status.success(), "{out:?}");
    let shown = String::from_utf8(out.stdout).expect("UTF-8");
    // CSV ends its records with CRLF (and the terminal adds a CR of its own): other than
    // those, what the command wrote has no raw controls.
    assert_no_raw("CSV on a terminal", &shown.replace('\r', ""));
    assert!(
        shown.contains("Dr. Anjali \\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{1b}[31m\\u{202e}\\u{2028}\\u{7f}\\u{85}\\u{9b} Rao"),
        "{shown:?}"
    );
}
