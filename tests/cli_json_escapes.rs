//! What the command line prints for scripts never carries what a terminal obeys: a doctor's
//! and a patient's name stored by an older version (planted with SQL) with escape codes, a
//! right-to-left override, a line separator, DEL and C1 controls. JSON lines (`agenda`,
//! `slots`, `waitlist list`, `report`) escape them as `\uXXXX` and still read back as the same
//! value; report CSV on a terminal shows them escaped, and into a pipe stays exact, as a
//! spreadsheet reads it. The real binary; a terminal is `script`'s pseudo-terminal.

use std::process::Command;

mod desk;
use desk::Desk;

/// Everything a terminal would obey or that would hide or reorder text.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31m\u{202e}\u{2028}\u{7f}\u{85}\u{9b}";

/// What may not reach a terminal raw.
const RAW: [char; 8] = [
    '\u{1b}', '\u{7}', '\u{202e}', '\u{2028}', '\u{7f}', '\u{85}', '\u{9b}', '\r',
];

/// A demo clinic with a doctor and a patient renamed as an older version could have.
struct Planted {
    desk: Desk,
    doctor: String,
    patient: String,
}

impl std::ops::Deref for Planted {
    type Target = Desk;

    fn deref(&self) -> &Desk {
        &self.desk
    }
}

impl Planted {
    fn new() -> Self {
        let desk = Desk::demo(&["--appointments", "0"]);
        let planted = Planted {
            desk,
            doctor: format!("Dr. Anjali {HOSTILE} Rao"),
            patient: format!("Asha {HOSTILE} Iyer"),
        };
        let desk = &planted.desk;
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
            [&planted.doctor],
        )
        .expect("plant doctor");
        conn.execute(
            "UPDATE patient SET name = ?1 WHERE name = 'Asha Iyer'",
            [&planted.patient],
        )
        .expect("plant patient");
        planted
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
    let desk = Planted::new();
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
    let desk = Planted::new();
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
    // The desk's own command (its arguments and environment), run by `script`.
    let inner = desk.command(&args);
    let line = std::iter::once(inner.get_program())
        .chain(inner.get_args())
        .map(|a| format!("'{}'", a.to_str().expect("utf-8")))
        .collect::<Vec<_>>()
        .join(" ");
    let mut outer = Command::new("script");
    outer.args(["-qec", &line, "/dev/null"]);
    for (key, value) in inner.get_envs() {
        match value {
            Some(value) => outer.env(key, value),
            None => outer.env_remove(key),
        };
    }
    let out = outer
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
