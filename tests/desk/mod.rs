//! The real `frontdesk` binary at a desk of its own, as the command-line tests run it: a demo
//! clinic in a temporary folder that is also the desk's home and state folder, the clock at
//! [`NOW`], no daily backups, and nothing from the environment of whoever runs the tests
//! (`FRONTDESK_DB`, `FRONTDESK_AS`, `FRONTDESK_LOG`, `FRONTDESK_TEST_PANIC`). A test file adds
//! the methods only it needs in an `impl Desk` of its own.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The desk's clock: 09:30 in Kolkata on Tuesday 2026-11-24.
pub const NOW: &str = "2026-11-24T04:00:00Z";

/// A clinic database in a folder of its own.
pub struct Desk {
    /// The folder: the desk's home, its state folder (`state/`) and its files.
    pub dir: tempfile::TempDir,
    /// The database.
    pub db: PathBuf,
}

impl Desk {
    /// A demo clinic made with `demo --today 2026-11-24` and `more` (for instance
    /// `["--appointments", "0", "--patients", "0"]`).
    pub fn demo(more: &[&str]) -> Self {
        let desk = Self::without_database();
        let mut args = vec!["demo", "--today", "2026-11-24"];
        args.extend_from_slice(more);
        desk.ok(&args);
        desk
    }

    /// A folder with no database yet (`clinic.sqlite3` is where it goes).
    pub fn without_database() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("clinic.sqlite3");
        Desk { dir, db }
    }

    /// `frontdesk --db DB --as "Arjun Iyer" ARGS`, signed in with the demo administrator's
    /// password, with the desk's environment, to run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare();
        cmd.args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(args);
        cmd
    }

    /// `frontdesk --db DB` with the desk's environment and no name at the desk: for tests of
    /// `--as` and `FRONTDESK_AS` themselves.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.arg("--db")
            .arg(&self.db)
            .env("HOME", self.dir.path())
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("FRONTDESK_NOW", NOW)
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_AS")
            .env_remove("FRONTDESK_PASSWORD")
            .env_remove("FRONTDESK_SERVICE_CREDENTIAL")
            .env_remove("FRONTDESK_LOG")
            .env_remove("FRONTDESK_TEST_PANIC");
        cmd
    }

    /// Runs `args` and returns what happened.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run frontdesk")
    }

    /// Runs `args`, which must succeed; returns what it printed on stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        text(&self.succeeded(args).stdout)
    }

    /// Runs `args`, which must succeed; returns what it printed on stdout and then stderr
    /// (where notices go).
    pub fn ok_all(&self, args: &[&str]) -> String {
        let out = self.succeeded(args);
        text(&out.stdout) + &text(&out.stderr)
    }

    fn succeeded(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        out
    }

    /// Writes `contents` to `name` in the desk's folder; returns its path.
    pub fn write(&self, name: &str, contents: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write a file");
        path.to_str().expect("a UTF-8 path").to_owned()
    }

    /// The number `sql` counts in the database, read directly.
    pub fn count(&self, sql: &str) -> i64 {
        rusqlite::Connection::open(&self.db)
            .expect("open the database")
            .query_row(sql, [], |r| r.get(0))
            .expect(sql)
    }

    /// How many appointments the database holds.
    pub fn appointments(&self) -> i64 {
        self.count("SELECT count(*) FROM appointment")
    }
}

/// Bytes a command printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
