//! A walk-in's time is found inside its own booking (`Start::FirstFreeToday`): the first free
//! time of the day after now with the doctor (or whichever doctor), skipping the patient's own
//! appointments, or a refusal that says no time is left today. And several processes booking
//! walk-ins with one doctor at once, as several desks do: every one is booked, each at its own
//! time (the real binary, as a receptionist runs it).

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::{Clinic1, utc};
use frontdesk::scheduling::*;
use frontdesk::store::{BookingRequest, Start, Store, StoreError};

/// 10:02:17 in Kolkata on 2026-06-02 (a Tuesday).
const NOW: &str = "2026-06-02T04:32:17Z";

fn walk_in(c: &Clinic1, patient: PatientId, target: SlotTarget) -> BookingRequest {
    BookingRequest {
        start: Start::FirstFreeToday(target),
        kind: Kind::WalkIn,
        visit_type: None,
        ..c.request(c.rao, None, patient, "2026-06-02 10:00")
    }
}

#[test]
fn a_walk_in_takes_the_first_free_time_after_now_on_the_five_minute_grid() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    // Dr. Rao is booked 10:05–10:20; the first free 15 minutes after 10:02:17 on the grid
    // are 10:20.
    c.book_ok(
        c.rao,
        None,
        c.ravi,
        "2026-06-02 10:05",
        utc("2026-06-01T00:00:00Z"),
    );
    let first = c
        .store
        .book(
            &walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect("walk-in");
    assert_eq!(first.appointment.interval.start, c.at("2026-06-02 10:20"));
    assert_eq!(first.appointment.queue_token, "W-001");
    // The next walk-in, booked the same way, follows it.
    let second = c
        .store
        .book(
            &walk_in(&c, c.lata, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect("walk-in");
    assert_eq!(second.appointment.interval.start, c.at("2026-06-02 10:35"));
    assert_eq!(second.appointment.queue_token, "W-002");
}

#[test]
fn a_walk_in_skips_the_patients_own_appointments_and_takes_whichever_doctor_is_free() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    let earlier = utc("2026-06-01T00:00:00Z");
    // Asha herself is with Dr. Mehta at 10:05; Dr. Rao is busy until 10:30.
    c.book_ok(c.mehta, None, c.asha, "2026-06-02 10:05", earlier);
    for start in ["2026-06-02 10:00", "2026-06-02 10:15"] {
        c.book_ok(c.rao, None, c.ravi, start, earlier);
    }
    let booked = c
        .store
        .book(
            &walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect("walk-in");
    assert_eq!(booked.appointment.interval.start, c.at("2026-06-02 10:30"));
    // Any doctor: Dr. Mehta is free again at 10:20, before Dr. Rao (Lata has nothing today).
    let any = c
        .store
        .book(&walk_in(&c, c.lata, SlotTarget::AnyDoctor), "maria", now)
        .expect("walk-in");
    assert_eq!(any.appointment.doctor, c.mehta);
    assert_eq!(any.appointment.interval.start, c.at("2026-06-02 10:20"));
}

#[test]
fn no_time_left_today_refuses_and_changes_nothing() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    // 17:50: Dr. Rao's day ends at 18:00, so 15 minutes no longer fit.
    let now = utc("2026-06-02T12:20:00Z");
    let before = c.day("2026-06-02").len();
    let refused = c
        .store
        .book(
            &walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)),
            "maria",
            now,
        )
        .expect_err("no time left");
    assert!(
        matches!(&refused, StoreError::NoTimeLeftToday { doctor: Some(d), minutes: 15 } if d == "Dr. Anjali Rao"),
        "{refused:?}"
    );
    assert_eq!(
        refused.to_string(),
        "Dr. Anjali Rao has no free 15 minutes left today: choose another doctor, or see the patient as an emergency"
    );
    assert_eq!(c.day("2026-06-02").len(), before);
    // Never tomorrow's first slot: a walk-in is seen today.
    let tomorrow = c.day("2026-06-03");
    assert!(tomorrow.is_empty());
    // A length no visit may have is the core's refusal, not "no time".
    let mut absurd = walk_in(&c, c.asha, SlotTarget::Doctor(c.rao));
    absurd.minutes = 100_000;
    let e = c
        .store
        .book(&absurd, "maria", utc(NOW))
        .expect_err("too long");
    assert!(e.to_string().contains("longer than"), "{e}");
}

#[test]
fn a_preview_shows_the_time_the_walk_in_would_get() {
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let now = utc(NOW);
    let conflicts = c
        .store
        .preview(&walk_in(&c, c.asha, SlotTarget::Doctor(c.rao)), now)
        .expect("preview");
    assert!(conflicts.is_empty(), "{conflicts:?}");
}

/// Desks booking walk-ins with one doctor at once: real `frontdesk book --walk-in`
/// processes, four desks of four each, all started together.
#[test]
fn desks_booking_walk_ins_at_once_each_get_the_next_free_time() {
    const DESKS: usize = 4;
    const EACH: usize = 4;
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("clinic.sqlite3");
    let command = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.arg("--db")
            .arg(&db)
            .args(["--as", "desk"])
            .args(args)
            .env("HOME", dir.path())
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("FRONTDESK_NOW", "2026-11-24T04:00:00Z")
            .env("FRONTDESK_KEEP_BACKUPS", "0")
            .env_remove("FRONTDESK_DB")
            .env_remove("FRONTDESK_AS")
            .env_remove("FRONTDESK_TEST_PANIC");
        cmd
    };
    let demo = command(&["demo", "--appointments", "0", "--today", "2026-11-24"])
        .output()
        .expect("demo");
    assert!(demo.status.success());
    let results: Vec<(bool, String)> = std::thread::scope(|scope| {
        let desks: Vec<_> = (0..DESKS)
            .map(|desk| {
                let command = &command;
                scope.spawn(move || {
                    (0..EACH)
                        .map(|n| {
                            let who = desk * EACH + n;
                            let name = format!("Walk {who}");
                            let phone = format!("+91 90000 {who:05}");
                            let out = command(&[
                                "book",
                                "--patient",
                                &name,
                                "--new-patient",
                                "--phone",
                                &phone,
                                "--doctor",
                                "rao",
                                "--walk-in",
                            ])
                            .output()
                            .expect("book");
                            (
                                out.status.success(),
                                String::from_utf8_lossy(&out.stderr).into_owned(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        desks
            .into_iter()
            .flat_map(|d| d.join().expect("desk"))
            .collect()
    });
    let refused: Vec<&String> = results
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, e)| e)
        .collect();
    assert!(refused.is_empty(), "every walk-in is booked: {refused:#?}");
    let agenda = command(&["agenda", "--date", "2026-11-24", "--format", "json"])
        .output()
        .expect("agenda");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&agenda.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), DESKS * EACH);
    let starts: BTreeSet<&str> = lines
        .iter()
        .map(|l| l["start"].as_str().expect("start"))
        .collect();
    let tokens: BTreeSet<&str> = lines
        .iter()
        .map(|l| l["queue_token"].as_str().expect("token"))
        .collect();
    assert_eq!(starts.len(), DESKS * EACH, "each at its own time");
    assert_eq!(tokens.len(), DESKS * EACH, "each with its own token");
    // One after another from now (09:30), with no gap but Dr. Rao's lunch.
    let mut previous_end: Option<String> = None;
    for l in &lines {
        if let Some(end) = &previous_end
            && end != "2026-11-24T13:00:00+05:30"
        {
            assert_eq!(l["start"].as_str(), Some(end.as_str()), "{lines:#?}");
        }
        previous_end = l["end"].as_str().map(str::to_owned);
    }
}
