//! `frontdesk reminders` run as cron would: the real binary against a temporary database and a
//! real webhook server on 127.0.0.1. The summary has counts and no patient data; a refused
//! reminder is not an error exit, a database that cannot be used is.

mod reminder_servers;

use std::path::Path;
use std::process::{Command, Output};

use reminder_servers::HttpServer;

fn frontdesk(db: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", "Arjun Iyer"])
        .env("FRONTDESK_PASSWORD", "demo-administrator")
        .args(args)
        .env("FRONTDESK_NOW", now)
        .env_remove("FRONTDESK_DB")
        .output()
        .expect("run frontdesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A demo clinic whose patients have phones; its webhook points at `url`.
fn demo(dir: &Path, url: &str) -> std::path::PathBuf {
    let db = dir.join("clinic.sqlite3");
    let out = frontdesk(
        &db,
        "2026-11-24T04:00:00Z",
        &[
            "demo",
            "--appointments",
            "1500",
            "--today",
            "2026-11-24",
            "--seed",
            "3",
        ],
    );
    assert!(out.status.success(), "demo: {}", text(&out.stderr));
    let conn = rusqlite::Connection::open(&db).expect("raw");
    conn.execute(
        "INSERT INTO reminder_setting (key, value) VALUES ('webhook_url', ?1)",
        [url],
    )
    .expect("set the webhook");
    db
}

#[test]
fn reminders_send_delivers_what_is_due_and_prints_a_summary_without_patient_data() {
    let server = HttpServer::start(&[200]);
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path(), &server.url("/sms"));
    let out = frontdesk(&db, "2026-11-24T05:00:00Z", &["reminders", "send"]);
    assert!(out.status.success(), "send: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let requests = server.requests();
    assert!(
        !requests.is_empty(),
        "the demo morning has SMS reminders due: {stdout}"
    );
    assert!(
        stdout.starts_with(&format!("Reminders: {} sent, 0 failed", requests.len())),
        "{stdout}"
    );
    // No names or numbers from the posted reminders in the output.
    for r in &requests {
        let json = r.json();
        let patient = json["patient"].as_str().expect("patient");
        let phone = json["to"].as_str().expect("phone");
        assert!(
            !stdout.contains(patient) && !stdout.contains(phone),
            "{stdout}"
        );
    }
    // A second run sends nothing again.
    let again = frontdesk(&db, "2026-11-24T05:01:00Z", &["reminders", "send"]);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).starts_with("Reminders: 0 sent"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(server.requests().len(), requests.len());
    // The outbox lists what was sent, as JSON lines.
    let listed = frontdesk(
        &db,
        "2026-11-24T05:01:00Z",
        &["reminders", "outbox", "--state", "sent", "--format", "json"],
    );
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let lines: Vec<serde_json::Value> = text(&listed.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), requests.len());
    assert!(
        lines
            .iter()
            .all(|l| l["state"] == "sent" && l["channel"] == "webhook")
    );
    // The reminder's id is opaque text (what it holds is the store's), distinct per reminder.
    let ids: std::collections::HashSet<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().expect("the id is text"))
        .collect();
    assert_eq!(ids.len(), lines.len());
}

#[test]
fn a_refused_reminder_is_not_an_error_exit_but_an_unusable_database_is() {
    let server = HttpServer::start(&[503]);
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path(), &server.url("/sms"));
    let out = frontdesk(&db, "2026-11-24T05:00:00Z", &["reminders", "send"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("0 sent") && !stdout.contains(" 0 failed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("frontdesk reminders outbox --state failed"),
        "{stdout}"
    );
    let failed = frontdesk(
        &db,
        "2026-11-24T04:00:00Z",
        &["reminders", "outbox", "--state", "failed"],
    );
    assert!(
        text(&failed.stdout).contains("answered 503"),
        "{}",
        text(&failed.stdout)
    );
    // Not a database.
    let junk = dir.path().join("notes.txt");
    std::fs::write(&junk, "not a database at all, just some text").expect("write");
    let out = frontdesk(&junk, "2026-11-24T04:00:00Z", &["reminders", "send"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is not a Frontdesk database"),
        "{}",
        text(&out.stderr)
    );
}
