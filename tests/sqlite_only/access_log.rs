//! The access log's hash chain finds what a tool other than Frontdesk did to the file: the
//! log's triggers dropped, then an entry edited, one deleted, or the last ones cut off. Each is
//! found by the store's check and by `frontdesk check`, which fails.

use crate::common::utc;
use frontdesk::scheduling::access::{Access, AccessKind, ChainCheck};
use frontdesk::store::{Accounts, SqliteStore, Store};
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-06-01T00:00:00Z";

/// A database whose access log holds five entries.
fn logged(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("clinic.sqlite3");
    let mut store = SqliteStore::open(&path).expect("open");
    for n in 0..5 {
        store
            .log_access(&Access {
                at: utc(NOW) + chrono::Duration::minutes(n),
                desk: "desk-1".into(),
                staff: None,
                name: "Arjun Iyer".into(),
                kind: AccessKind::SearchedPatients,
                subject: format!("search {n}"),
                detail: "1 found".into(),
            })
            .expect("logged");
    }
    assert_eq!(
        store.check().expect("check").access_log,
        Some(ChainCheck::Whole)
    );
    path
}

/// Runs SQL on the file as another tool would, after dropping the log's guards.
fn tamper(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(
        "DROP TRIGGER access_log_append_only_update; DROP TRIGGER access_log_append_only_delete;",
    )
    .expect("drop the guards");
    conn.execute_batch(sql).expect("tamper");
}

fn found(path: &Path) -> Option<ChainCheck> {
    SqliteStore::open(path)
        .expect("open")
        .check()
        .expect("check")
        .access_log
}

fn cli_check(path: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(path)
        .arg("check")
        .output()
        .expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_log_refuses_edits_and_deletes_while_its_guards_stand() {
    let dir = tempfile::tempdir().expect("dir");
    let path = logged(dir.path());
    let conn = rusqlite::Connection::open(&path).expect("open");
    for sql in [
        "UPDATE access_log SET name = 'x' WHERE seq = 2",
        "DELETE FROM access_log WHERE seq = 2",
        "DELETE FROM access_log_head",
    ] {
        let err = conn.execute_batch(sql).expect_err(sql);
        assert!(err.to_string().contains("insert-only"), "{sql}: {err}");
    }
    let (ok, out) = cli_check(&path);
    assert!(ok, "{out}");
    assert!(out.contains("access log: whole"), "{out}");
}

#[test]
fn an_edited_entry_is_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = logged(dir.path());
    tamper(
        &path,
        "UPDATE access_log SET name = 'Someone Else' WHERE seq = 3",
    );
    assert_eq!(found(&path), Some(ChainCheck::BrokenAt(3)));
    let (ok, out) = cli_check(&path);
    assert!(!ok, "check fails: {out}");
    assert!(out.contains("access log: BROKEN at entry 3"), "{out}");
}

#[test]
fn an_entry_edited_into_something_unreadable_is_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = logged(dir.path());
    tamper(
        &path,
        "UPDATE access_log SET hash = 'not a hash' WHERE seq = 4",
    );
    assert_eq!(found(&path), Some(ChainCheck::BrokenAt(4)));
}

#[test]
fn a_deleted_entry_is_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = logged(dir.path());
    tamper(&path, "DELETE FROM access_log WHERE seq = 2");
    assert_eq!(found(&path), Some(ChainCheck::BrokenAt(3)));
    let (ok, out) = cli_check(&path);
    assert!(!ok, "check fails: {out}");
}

#[test]
fn deleted_last_entries_are_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = logged(dir.path());
    tamper(&path, "DELETE FROM access_log WHERE seq >= 4");
    assert_eq!(
        found(&path),
        Some(ChainCheck::CutShort {
            found: 3,
            expected: 5
        })
    );
    let (ok, out) = cli_check(&path);
    assert!(!ok, "check fails: {out}");
    assert!(out.contains("CUT SHORT: 3 entries of 5"), "{out}");
}
