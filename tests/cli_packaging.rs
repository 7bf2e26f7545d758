//! The binary as an installed program: `--version` and `--help`, and the log file in the XDG
//! state directory, which must be private and must never hold patient data.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

/// A home of its own: the database and the XDG folders all live in one temporary directory.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("dir"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn log(&self) -> PathBuf {
        self.path("state/frontdesk/frontdesk.log")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.args(args)
            .env("HOME", self.dir.path())
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("FRONTDESK_NOW", NOW)
            // Signed in as the demo's administrator unless a test says otherwise.
            .env("FRONTDESK_AS", "Arjun Iyer")
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_LOG");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run frontdesk")
    }

    /// Runs a command on the home's database and insists that it succeeded.
    fn ok(&self, args: &[&str]) -> String {
        let db = self.path("clinic.sqlite3");
        let mut all = vec!["--db", db.to_str().expect("utf-8"), "--as", "Arjun Iyer"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    fn read_log(&self) -> String {
        std::fs::read_to_string(self.log()).expect("the log file exists")
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn version_prints_the_package_version_and_touches_nothing() {
    let home = Home::new();
    for flag in ["--version", "-V"] {
        let out = home.run(&[flag]);
        assert!(out.status.success(), "{flag}: {}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            format!("frontdesk {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    let left: Vec<_> = std::fs::read_dir(home.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(
        left.is_empty(),
        "--version creates no database and no log: {left:?}"
    );
}

#[test]
fn help_names_every_command_and_where_the_files_are() {
    let home = Home::new();
    let out = home.run(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for word in [
        "Usage: frontdesk",
        "--version",
        "--db",
        "book",
        "agenda",
        ".local/share/frontdesk/frontdesk.sqlite3",
        ".local/state/frontdesk/frontdesk.log",
        "FRONTDESK_LOG",
    ] {
        assert!(help.contains(word), "--help mentions {word}:\n{help}");
    }
    let book = home.run(&["book", "--help"]);
    assert!(book.status.success());
    assert!(text(&book.stdout).contains("--walk-in"));
    let wrong = home.run(&["--frobnicate"]);
    assert_eq!(
        wrong.status.code(),
        Some(2),
        "a wrong flag is a usage error"
    );
    assert!(text(&wrong.stderr).contains("--frobnicate"));
    assert!(!home.log().exists(), "help and usage errors log nothing");
}

#[test]
fn bookings_and_walk_ins_leave_no_patient_data_in_the_log() {
    let home = Home::new();
    home.ok(&["demo", "--appointments", "400", "--today", "2026-11-24"]);
    // Distinctive values, so that finding any of them in the log means it leaked.
    let name = "Zubeida Quartermaine";
    let phone = "+91 98450 77123";
    let reason = "Persistent wheezing";
    home.ok(&[
        "book",
        "--patient",
        name,
        "--new-patient",
        "--phone",
        phone,
        "--doctor",
        "rao",
        "--start",
        "2026-11-25 10:30",
        "--reason",
        reason,
    ]);
    // The same slot again: refused, and the refusal's message names the patient.
    let db = home.path("clinic.sqlite3");
    let db = db.to_str().expect("utf-8");
    let refused = home.run(&[
        "--db",
        db,
        "book",
        "--patient",
        name,
        "--doctor",
        "rao",
        "--start",
        "2026-11-25 10:30",
    ]);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains(name),
        "the user is told who clashes"
    );
    // An unknown patient: the error quotes the name typed.
    let unknown = home.run(&[
        "--db",
        db,
        "book",
        "--patient",
        "Quartermaine Zubeida",
        "--doctor",
        "rao",
        "--walk-in",
    ]);
    assert!(!unknown.status.success());
    let walk_in = home.ok(&[
        "book",
        "--patient",
        name,
        "--doctor",
        "rao",
        "--walk-in",
        "--reason",
        reason,
    ]);
    assert!(walk_in.contains(name), "the walk-in was booked: {walk_in}");
    let agenda = home.ok(&["agenda", "--date", "2026-11-24", "--format", "json"]);
    assert!(agenda.contains(name), "the walk-in is on today's agenda");

    let log = home.read_log();
    // The log is there and says what happened …
    for event in [
        "started",
        "command=\"demo\"",
        "command=\"book\"",
        "opened the database",
        "schema migration applied",
        "kind=Refused(DoctorBooked, PatientBooked)",
        "kind=input",
        "finished",
    ] {
        assert!(log.contains(event), "the log records {event}:\n{log}");
    }
    // … but holds none of the patient's data, in any spelling. The clock's digits, the process
    // id and the elapsed time are not the patient's: they are taken out first, so that a
    // timestamp such as 02:28:19.984509 does not read as the phone's "98450".
    let words: String = log
        .lines()
        .flat_map(|line| line.split_whitespace().skip(1))
        .filter(|w| !w.starts_with("pid=") && !w.starts_with("elapsed_ms="))
        .collect::<Vec<_>>()
        .join(" ");
    for secret in [
        "Zubeida",
        "Quartermaine",
        "zubeida",
        "98450",
        "77123",
        "wheezing",
        "Wheezing",
    ] {
        assert!(
            !words.contains(secret),
            "{secret} leaked into the log:\n{log}"
        );
    }
    assert_eq!(mode(&home.path("state/frontdesk")), 0o700);
    assert_eq!(mode(&home.log()), 0o600);
}

#[test]
fn the_log_level_can_be_chosen_or_turned_off() {
    let home = Home::new();
    let db = home.path("clinic.sqlite3");
    let db = db.to_str().expect("utf-8");
    let off = home
        .command(&["--db", db, "check"])
        .env("FRONTDESK_LOG", "off")
        .output()
        .expect("run");
    assert!(off.status.success(), "{}", text(&off.stderr));
    assert!(!home.log().exists(), "FRONTDESK_LOG=off writes no log");

    let errors = home
        .command(&["--db", db, "check"])
        .env("FRONTDESK_LOG", "error")
        .output()
        .expect("run");
    assert!(errors.status.success());
    assert_eq!(
        home.read_log(),
        "",
        "at level error a good run logs nothing"
    );

    let wrong = home
        .command(&["--db", db, "check"])
        .env("FRONTDESK_LOG", "loud")
        .output()
        .expect("run");
    assert!(
        wrong.status.success(),
        "a bad level does not stop the command"
    );
    let stderr = text(&wrong.stderr);
    assert!(
        stderr.contains("FRONTDESK_LOG=\"loud\" is not a log level")
            && stderr.contains("off, error, warn, info, debug or trace"),
        "{stderr}"
    );
    assert!(home.read_log().contains("command=\"check\""));
}

#[test]
fn a_log_that_cannot_be_written_does_not_stop_the_command() {
    let home = Home::new();
    // The state "folder" is a file, so the log's folder cannot be made (even by root).
    std::fs::write(home.path("state"), "not a folder").expect("write");
    let db = home.path("clinic.sqlite3");
    let out = home.run(&["--db", db.to_str().expect("utf-8"), "check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot write the log in") && stderr.contains("continuing without a log"),
        "{stderr}"
    );
}

#[test]
fn without_db_the_database_lives_in_the_xdg_data_directory_privately() {
    let home = Home::new();
    let out = home.run(&[
        "demo",
        "--appointments",
        "200",
        "--patients",
        "50",
        "--today",
        "2026-11-24",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let db = home.path("data/frontdesk/frontdesk.sqlite3");
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&db), 0o600, "the database is private");
    assert_eq!(
        mode(&home.path("data/frontdesk")),
        0o700,
        "so is its folder"
    );
    // The next command finds it there.
    let out = home.run(&["agenda", "--date", "2026-11-24", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).trim().is_empty(), "the demo's day");
    assert!(
        !home.path("clinic.sqlite3").exists(),
        "nothing was written beside the home's --db path"
    );
}

/// Issue 12, third review: the database path was logged raw, so a line break in it forged a
/// log line ("… ERROR frontdesk::cli::logging: failed command=\"restore\" kind=Damaged").
#[test]
fn a_path_with_a_line_break_cannot_forge_a_log_line() {
    let home = Home::new();
    let folder = home.path("x\n2026-11-24T04:00:00.000000Z ERROR frontdesk::cli::logging: failed command=\"restore\" kind=Damaged");
    std::fs::create_dir_all(&folder).expect("folder");
    let db = folder.join("c.db");
    let db = db.to_str().expect("utf-8");
    for args in [
        vec![
            "--db",
            db,
            "demo",
            "--appointments",
            "0",
            "--patients",
            "0",
            "--today",
            "2026-11-24",
        ],
        vec!["--db", db, "agenda"],
        vec!["--db", db, "backup", db],
    ] {
        let out = home
            .command(&args)
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .output()
            .expect("run");
        assert!(
            args.contains(&"backup") || out.status.success(),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let log = std::fs::read_to_string(home.log()).expect("log");
    assert!(log.contains("opened the database"), "{log}");
    for line in log.lines() {
        assert!(
            line.starts_with("20") && !line.starts_with("2026-11-24T04:00:00.000000Z"),
            "a forged or broken line: {line:?}\n{log}"
        );
    }
    assert!(
        log.contains("database=…") || log.contains("x\\n2026"),
        "{log}"
    );
}

/// Issue 12, third review: `frontdesk` with no command and no display exited 101 with an
/// internal error inside iced; it now says the window needs a desktop session and how to
/// use the command line instead, with status 1, and creates nothing.
#[test]
fn the_window_without_a_display_says_so_plainly() {
    let home = Home::new();
    let dir = tempfile::tempdir().expect("dir");
    // A Wayland "display" that hangs up on every client: the display answers the check, and
    // the window system then fails inside iced (its panic).
    let broken = dir.path().join("wayland-broken");
    let listener = std::os::unix::net::UnixListener::bind(&broken).expect("bind");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            drop(stream);
        }
    });
    let db = home.path("clinic.sqlite3");
    let db = db.to_str().expect("utf-8");
    let broken = broken.to_str().expect("utf-8");
    for (args, display, wayland, says) in [
        (
            vec![],
            None,
            None,
            "neither DISPLAY nor WAYLAND_DISPLAY is set",
        ),
        (
            vec!["--db", db],
            None,
            None,
            "neither DISPLAY nor WAYLAND_DISPLAY is set",
        ),
        (
            vec!["--clinic", "X"],
            None,
            None,
            "neither DISPLAY nor WAYLAND_DISPLAY is set",
        ),
        (
            vec!["--db", db],
            Some(":4242"),
            None,
            "DISPLAY=:4242 does not answer",
        ),
        (
            vec!["--db", db],
            None,
            Some("wayland-none-here"),
            "WAYLAND_DISPLAY=wayland-none-here does not answer",
        ),
        (
            vec!["--db", db],
            None,
            Some(broken),
            "could not open or use the display",
        ),
    ] {
        let mut cmd = home.command(&args);
        cmd.env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env("XDG_RUNTIME_DIR", dir.path());
        if let Some(display) = display {
            cmd.env("DISPLAY", display);
        }
        if let Some(wayland) = wayland {
            cmd.env("WAYLAND_DISPLAY", wayland);
        }
        let out = cmd.output().expect("run");
        let message = text(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} {display:?} {wayland:?}: {message}"
        );
        assert!(message.contains("needs a desktop session"), "{message}");
        assert!(message.contains(says), "{message}");
        assert!(message.contains("frontdesk --help"), "{message}");
        assert!(!message.contains("internal error"), "{message}");
    }
    assert!(
        !home.path("data/frontdesk").exists(),
        "nothing is created when there is no display"
    );
}
