//! A database file with damaged pages, as a user meets it on the command line: `check` says
//! what is damaged (by table and index, not SQLite's bare "malformed"), checks the automatic
//! backups and prints the exact command that restores the newest good one; writes are refused
//! with the same advice and the file is left as it is; the printed command brings the clinic
//! back. Partial files of a killed backup are gone after the next start.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T04:00:00Z"; // 09:30 in Kolkata

struct Desk {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn demo(appointments: &str) -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("clinic.sqlite3");
        let desk = Desk { dir, db };
        let out = desk.run(&[
            "demo",
            "--appointments",
            appointments,
            "--today",
            "2026-11-24",
            "--seed",
            "4",
        ]);
        assert!(out.status.success(), "demo: {}", text(&out.stderr));
        desk
    }

    /// `frontdesk --db DB ARGS` with the desk's clock and state folder, not yet started.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        command
            .arg("--db")
            .arg(&self.db)
            .args(["--as", "Arjun Iyer"])
            .env("FRONTDESK_PASSWORD", "demo-administrator")
            .args(args)
            .env("FRONTDESK_NOW", NOW)
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_KEEP_BACKUPS");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run frontdesk")
    }

    /// Waits for today's automatic backup, which the first command starts in the background.
    fn daily_backup(&self) -> PathBuf {
        let daily = self
            .dir
            .path()
            .join("backups")
            .join("clinic-daily-2026-11-24.fdbackup");
        let started = Instant::now();
        while !daily.exists() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no daily backup"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // Let the background process finish and exit.
        std::thread::sleep(Duration::from_millis(200));
        daily
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Overwrites the root pages of the appointment table and one of its indexes (the database
/// is closed, its log folded in).
fn damage(db: &Path) {
    let roots: Vec<i64> = {
        let conn = rusqlite::Connection::open(db).expect("open");
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        let mut stmt = conn
            .prepare(
                "SELECT rootpage FROM sqlite_schema WHERE tbl_name = 'appointment' \
                 AND rootpage > 1 ORDER BY type DESC, name LIMIT 2",
            )
            .expect("prepare");
        stmt.query_map([], |r| r.get(0))
            .expect("roots")
            .map(|r| r.expect("root"))
            .collect()
    };
    assert_eq!(roots.len(), 2);
    let mut bytes = std::fs::read(db).expect("read");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    for root in roots {
        let start = (usize::try_from(root).expect("page") - 1) * page;
        for b in &mut bytes[start + 8..start + 300] {
            *b = 0xA5;
        }
    }
    std::fs::write(db, &bytes).expect("write");
}

#[test]
fn a_damaged_database_is_diagnosed_refuses_writes_and_is_restored_by_the_printed_command() {
    let desk = Desk::demo("2000");
    assert!(desk.run(&["agenda"]).status.success());
    let daily = desk.daily_backup();
    damage(&desk.db);
    let damaged_bytes = std::fs::read(&desk.db).expect("read");

    // check: what is damaged, and the newest good backup with the command that restores it.
    let out = desk.run(&["check"]);
    assert!(!out.status.success());
    let said = text(&out.stdout);
    assert!(said.contains("integrity: DAMAGED:"), "{said}");
    assert!(said.contains("problem"), "{said}");
    assert!(
        !said.contains("database disk image is malformed"),
        "a diagnosis, not SQLite's bare words: {said}"
    );
    assert!(
        said.contains(&format!("The newest good backup is {}", daily.display())),
        "{said}"
    );
    let command = said
        .lines()
        .skip_while(|l| !l.starts_with("Restore it with:"))
        .nth(1)
        .expect("the restore command")
        .trim()
        .to_owned();
    assert_eq!(
        command,
        format!(
            "frontdesk --db {} restore {}",
            desk.db.display(),
            daily.display()
        )
    );

    // A write is refused with the same advice, and nothing is written.
    let out = desk.run(&[
        "book",
        "--patient",
        "Asha Iyer",
        "--new-patient",
        "--phone",
        "+91 98450 12345",
        "--doctor",
        "Rao",
        "--start",
        "2026-11-26 10:00",
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("is damaged") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(err.contains("frontdesk restore"), "{err}");
    assert_eq!(
        std::fs::read(&desk.db).expect("read"),
        damaged_bytes,
        "the damaged file is left as it was"
    );

    // The printed command restores the clinic; then it is sound and takes bookings again.
    // "frontdesk --db DB restore FILE": the run adds the first three words itself.
    let args: Vec<&str> = command.split(' ').skip(3).collect();
    let out = desk.run(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = desk.run(&["check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    let out = desk.run(&[
        "book",
        "--patient",
        "Asha Iyer",
        "--new-patient",
        "--phone",
        "+91 98450 12345",
        "--doctor",
        "Rao",
        "--start",
        "2026-11-26 10:00",
        "--overbook",
        "test",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_damaged_database_without_a_good_backup_says_so() {
    let desk = Desk::demo("300");
    let out = desk.run(&["--keep-backups", "0", "agenda"]);
    assert!(out.status.success());
    damage(&desk.db);
    let out = desk.run(&["--keep-backups", "0", "check"]);
    assert!(!out.status.success());
    let said = text(&out.stdout);
    assert!(said.contains("integrity: DAMAGED:"), "{said}");
    assert!(
        said.contains("No good automatic backup was found"),
        "{said}"
    );
}

#[test]
fn a_killed_backup_leaves_no_copy_after_the_next_start() {
    let desk = Desk::demo("4000");
    let out = desk.run(&["--keep-backups", "0", "agenda"]);
    assert!(out.status.success());
    let target = desk.dir.path().join("usb");
    std::fs::create_dir(&target).expect("dir");
    let hidden = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".partial-"))
            .collect()
    };
    // Kill backups until one dies with its partial copy on disk.
    let mut caught = false;
    for _ in 0..50 {
        let copy = target.join("copy.sqlite3");
        let mut child = desk
            .command(&[
                "--keep-backups",
                "0",
                "backup",
                copy.to_str().expect("path"),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let started = Instant::now();
        while hidden(&target).is_empty() && started.elapsed() < Duration::from_secs(10) {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        child.kill().ok();
        child.wait().expect("reaped");
        if !hidden(&target).is_empty() {
            caught = true;
            break;
        }
        let _ = std::fs::remove_file(target.join("copy.sqlite3"));
    }
    assert!(caught, "no backup was ever caught half-way");
    // The next command of any kind removes it.
    let out = desk.run(&["--keep-backups", "0", "agenda"]);
    assert!(out.status.success());
    assert_eq!(hidden(&target), Vec::<String>::new());
}

/// A shared library that spoils some page writes to files under a folder named `usb`, as a
/// failing stick would; loaded into frontdesk with LD_PRELOAD.
fn failing_stick_library(dir: &Path) -> PathBuf {
    let source = dir.join("stick.c");
    std::fs::write(
        &source,
        r#"
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static ssize_t (*next_pwrite)(int, const void *, size_t, off_t);
static int on_stick(int fd) {
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0) return 0;
    target[n] = 0;
    return strstr(target, "/usb/") != NULL && strstr(target, "-journal") == NULL;
}
ssize_t pwrite64(int fd, const void *buf, size_t count, off_t off) {
    if (!next_pwrite) next_pwrite = dlsym(RTLD_NEXT, "pwrite64");
    if (on_stick(fd) && count >= 4096 && off >= 4 * 4096 && (off / 4096) % 5 == 2) {
        char *spoiled = malloc(count);
        memcpy(spoiled, buf, count);
        memset(spoiled + 8, 0x5a, 64);
        ssize_t r = next_pwrite(fd, spoiled, count, off);
        free(spoiled);
        return r;
    }
    return next_pwrite(fd, buf, count, off);
}
ssize_t pwrite(int fd, const void *buf, size_t count, off_t off) {
    return pwrite64(fd, buf, count, off);
}
"#,
    )
    .expect("write the library's source");
    let library = dir.join("stick.so");
    let built = Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&library)
        .arg(&source)
        .arg("-ldl")
        .output()
        .expect("cc (build-essential) builds the test library");
    assert!(built.status.success(), "{}", text(&built.stderr));
    library
}

#[test]
fn a_backup_spoiled_on_a_failing_stick_blames_the_stick_not_the_database() {
    let desk = Desk::demo("600");
    let library = failing_stick_library(desk.dir.path());
    let usb = desk.dir.path().join("usb");
    std::fs::create_dir(&usb).expect("dir");
    let copy = usb.join("clinic.sqlite3");
    let out = desk
        .command(&[
            "--keep-backups",
            "0",
            "backup",
            copy.to_str().expect("path"),
        ])
        .env("LD_PRELOAD", &library)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("came out damaged although the database is sound"),
        "{err}"
    );
    assert!(
        !frontdesk::store::damage_marker(&desk.db).exists(),
        "the sound database is not marked damaged"
    );
    assert!(
        !usb.join("clinic.sqlite3").exists(),
        "no spoiled copy is left"
    );
    let out = desk.run(&[
        "--keep-backups",
        "0",
        "book",
        "--patient",
        "Stick Tester",
        "--new-patient",
        "--phone",
        "+91 90000 01234",
        "--doctor",
        "Rao",
        "--start",
        "2026-11-26 10:00",
        "--overbook",
        "test",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn check_names_the_newest_good_backup_past_ones_it_cannot_use() {
    let desk = Desk::demo("300");
    assert!(desk.run(&["agenda"]).status.success());
    let daily = desk.daily_backup();
    // A newer "backup" that cannot be read (here a folder by that name).
    let newer = daily.with_file_name("clinic-daily-2026-11-25.fdbackup");
    std::fs::create_dir(&newer).expect("dir");
    damage(&desk.db);
    let out = desk.run(&["--keep-backups", "0", "check"]);
    assert!(!out.status.success());
    let said = text(&out.stdout);
    assert!(said.contains("not usable:"), "{said}");
    assert!(
        said.contains(&format!("The newest good backup is {}", daily.display())),
        "{said}"
    );
}

#[test]
fn an_emptied_or_overwritten_database_with_backups_beside_it_is_damaged_not_new() {
    let desk = Desk::demo("300");
    assert!(desk.run(&["agenda"]).status.success());
    let daily = desk.daily_backup();
    let original = std::fs::read(&desk.db).expect("read");
    for (what, bytes) in [
        ("emptied", Vec::new()),
        ("overwritten", {
            let mut b = original.clone();
            b[..4].copy_from_slice(b"oops");
            b
        }),
        ("header", {
            let mut b = original.clone();
            b[16] = 0x03; // an impossible page size
            b[17] = 0x01;
            b
        }),
    ] {
        std::fs::write(&desk.db, &bytes).expect("write");
        let out = desk.run(&["--keep-backups", "0", "agenda"]);
        assert!(!out.status.success(), "{what}");
        let err = text(&out.stderr);
        assert!(err.contains("is damaged"), "{what}: {err}");
        assert_eq!(
            std::fs::read(&desk.db).expect("read"),
            bytes,
            "{what}: untouched"
        );
        let out = desk.run(&["--keep-backups", "0", "check"]);
        let said = text(&out.stdout);
        assert!(
            said.contains(&format!("The newest good backup is {}", daily.display())),
            "{what}: {said}"
        );
    }
}
