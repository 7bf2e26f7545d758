//! The day's queue in the core (`scheduling::queue`): the next token is one more than the
//! highest its sequence ever issued that day, whatever moved or was cancelled; tokens from files
//! are kept when free; a patient in a day's queue stays on that day.

use chrono::{DateTime, NaiveDate, Utc};
use frontdesk::scheduling::queue::{self, ImportedToken, QueueError};
use frontdesk::scheduling::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).expect("date")
}

fn next(kind: Kind, issued: &[&str]) -> Result<String, QueueError> {
    queue::next_token(kind, day(), issued.iter().copied())
}

#[test]
fn the_next_token_is_one_more_than_the_highest_ever_issued_that_day() {
    // (kind, tokens the day has issued, in any order, cancelled and moved-away ones included)
    let table: &[(Kind, &[&str], &str)] = &[
        (Kind::WalkIn, &[], "W-001"),
        (Kind::Emergency, &[], "E-001"),
        (Kind::WalkIn, &["W-001", "W-002"], "W-003"),
        // W-002 was cancelled or moved away: its number is not given again.
        (Kind::WalkIn, &["W-001", "W-003"], "W-004"),
        // The count of walk-ins would say W-002 and give a token twice.
        (Kind::WalkIn, &["W-005"], "W-006"),
        (Kind::WalkIn, &["W-003", "W-001", "W-002"], "W-004"),
        // Each kind has its own sequence.
        (Kind::WalkIn, &["E-001", "E-002", "E-003"], "W-001"),
        (Kind::Emergency, &["W-001", "W-009", "E-001"], "E-002"),
        // Other systems' tokens take their place in the day but start no sequence.
        (
            Kind::WalkIn,
            &["A12", "w-044", "W-", "W-x1", "Walk-in 7"],
            "W-001",
        ),
        // Three digits at least, more when the day needs them.
        (Kind::WalkIn, &["W-999"], "W-1000"),
        (Kind::WalkIn, &["W-0041"], "W-042"),
    ];
    for (kind, issued, want) in table {
        assert_eq!(
            next(*kind, issued).as_deref(),
            Ok(*want),
            "{kind:?} after {issued:?}"
        );
    }
}

#[test]
fn a_full_day_and_a_scheduled_appointment_get_no_token_and_say_why() {
    let full = next(Kind::WalkIn, &["W-9999"]).expect_err("full");
    assert!(
        full.to_string()
            .contains("walk-in queue of 2026-03-10 has reached W-9999"),
        "{full}"
    );
    // A number we never issue (past W-9999, or one that would overflow) is not one of ours:
    // it blocks no sequence and wraps around to nothing.
    assert_eq!(
        next(Kind::Emergency, &["E-4294967295", "E-10000", "E-000"]).as_deref(),
        Ok("E-001")
    );
    let scheduled = next(Kind::Scheduled, &[]).expect_err("no queue");
    assert!(
        scheduled
            .to_string()
            .contains("only walk-ins and emergencies"),
        "{scheduled}"
    );
}

#[test]
fn tokens_of_ours_are_read_back_and_nothing_else_is() {
    assert_eq!(queue::parse("W-007"), Some(('W', 7)));
    assert_eq!(queue::parse("E-1000"), Some(('E', 1000)));
    for other in [
        "",
        "W",
        "W-",
        "-007",
        "w-007",
        "X-007",
        "W-+7",
        "W--7",
        "W-7a",
        "W-٣",
        "W-0000000001",
        "W-0",
        "W-10000",
    ] {
        assert_eq!(queue::parse(other), None, "{other:?}");
    }
    assert_eq!(queue::token('W', 7), "W-007");
    assert_eq!(queue::letter(Kind::Scheduled), None);
}

#[test]
fn a_token_from_a_file_is_kept_when_free_and_replaced_when_taken() {
    let taken = ["W-001", "W-002", "E-001"];
    let table: &[(Kind, &str, ImportedToken)] = &[
        (Kind::WalkIn, "", ImportedToken::Keep(String::new())),
        (Kind::WalkIn, "W-003", ImportedToken::Keep("W-003".into())),
        (Kind::WalkIn, " W-009 ", ImportedToken::Keep("W-009".into())),
        (Kind::WalkIn, "A12", ImportedToken::Keep("A12".into())),
        (
            Kind::WalkIn,
            "W-002",
            ImportedToken::Replaced {
                file: "W-002".into(),
                token: "W-003".into(),
            },
        ),
        // An emergency's token keeps to its own sequence.
        (
            Kind::Emergency,
            "E-001",
            ImportedToken::Replaced {
                file: "E-001".into(),
                token: "E-002".into(),
            },
        ),
        // A taken token of our form stays in its sequence, whatever the row's kind says.
        (
            Kind::Emergency,
            "W-001",
            ImportedToken::Replaced {
                file: "W-001".into(),
                token: "W-003".into(),
            },
        ),
        // A scheduled appointment takes no new token.
        (
            Kind::Scheduled,
            "W-001",
            ImportedToken::Dropped {
                file: "W-001".into(),
            },
        ),
    ];
    for (kind, file, want) in table {
        let got = queue::imported_token(*kind, day(), file, taken.iter().copied());
        assert_eq!(got.as_ref(), Ok(want), "{kind:?} {file:?}");
    }
    let other = ["A12"];
    let dropped = queue::imported_token(Kind::Scheduled, day(), "A12", other.iter().copied());
    assert_eq!(dropped, Ok(ImportedToken::Dropped { file: "A12".into() }));
    let notice = dropped.expect("dropped").notice(day()).expect("said");
    assert!(notice.contains("imported without a token"), "{notice}");
    let replaced =
        queue::imported_token(Kind::WalkIn, day(), "A12", other.iter().copied()).expect("replaced");
    assert_eq!(replaced.token(), "W-001");
    assert!(
        replaced
            .notice(day())
            .is_some_and(|n| n.contains("A12 was already given on 2026-03-10")
                && n.contains("gets W-001 instead"))
    );
}

#[test]
fn an_unusable_token_from_a_file_is_a_bad_row_that_quotes_it_safely() {
    let long = "W".repeat(10_000_000);
    for bad in [
        "W-0\n01",
        "W\u{1b}[31m-1",
        "W-0001-0002-0003-4",
        long.as_str(),
    ] {
        let got = queue::imported_token(Kind::WalkIn, day(), bad, std::iter::empty());
        let message = got.expect_err(bad.get(..20).unwrap_or(bad));
        assert!(message.contains("is not a queue token"), "{message}");
        assert!(message.len() < 400, "the message quotes a bounded part");
        assert!(!message.contains('\u{1b}'), "{message:?}");
    }
    // Letters of any script are fine, as long as they are short.
    let devanagari = queue::imported_token(Kind::WalkIn, day(), "क-१२", std::iter::empty());
    assert_eq!(devanagari, Ok(ImportedToken::Keep("क-१२".into())));
}

fn appointment(kind: Kind, status: Status, token: &str) -> Appointment {
    let at: DateTime<Utc> = "2026-03-10T04:00:00Z".parse().expect("instant");
    Appointment {
        id: AppointmentId(uuid::Uuid::nil()),
        clinic: ClinicId(uuid::Uuid::nil()),
        patient: PatientId(uuid::Uuid::nil()),
        doctor: DoctorId(uuid::Uuid::nil()),
        room: None,
        visit_type: None,
        interval: Interval::new(at, at + chrono::Duration::minutes(15)),
        mode: Mode::InClinic,
        kind,
        priority: 0,
        status,
        reason: String::new(),
        notes: String::new(),
        meeting_link: String::new(),
        queue_token: token.into(),
        arrived_at: (status == Status::CheckedIn).then_some(at),
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: "maria".into(),
        updated_by: "maria".into(),
        sequence: 0,
    }
}

#[test]
fn a_patient_in_the_days_queue_stays_on_that_day() {
    let today = day();
    let tomorrow = today.succ_opt().expect("date");
    // (appointment, may it move to another day?, words the refusal uses)
    let table = [
        (
            appointment(Kind::WalkIn, Status::CheckedIn, "W-003"),
            false,
            "this walk-in has arrived and holds queue token W-003",
        ),
        (
            appointment(Kind::Emergency, Status::CheckedIn, "E-001"),
            false,
            "this emergency has arrived and holds queue token E-001",
        ),
        (
            appointment(Kind::Scheduled, Status::CheckedIn, ""),
            false,
            "this patient has arrived (checked in)",
        ),
        (
            appointment(Kind::Scheduled, Status::Confirmed, "W-004"),
            false,
            "this patient holds queue token W-004",
        ),
        (
            appointment(Kind::WalkIn, Status::Scheduled, ""),
            false,
            "this walk-in belongs to the queue",
        ),
        (
            appointment(Kind::Scheduled, Status::Scheduled, ""),
            true,
            "",
        ),
        (
            appointment(Kind::Scheduled, Status::Confirmed, ""),
            true,
            "",
        ),
    ];
    for (a, may, words) in &table {
        assert_eq!(queue::check_move(a, today, today), Ok(()), "within the day");
        let moved = queue::check_move(a, today, tomorrow);
        assert_eq!(moved.is_ok(), *may, "{:?} {:?}", a.kind, a.status);
        if let Err(e) = moved {
            let text = e.to_string();
            assert!(text.contains(words), "{text}");
            assert!(
                text.starts_with("cannot move to 2026-03-11:")
                    && text.contains("on 2026-03-10")
                    && text.contains("book a new appointment then and cancel this one"),
                "{text}"
            );
        }
    }
}

#[test]
fn a_walk_in_or_emergency_starts_today_and_a_booking_any_day() {
    let today = day();
    let tomorrow = today.succ_opt().expect("date");
    let yesterday = today.pred_opt().expect("date");
    for kind in [Kind::WalkIn, Kind::Emergency] {
        assert_eq!(queue::check_arrival_day(kind, today, today), Ok(()));
        for other in [tomorrow, yesterday] {
            let e = queue::check_arrival_day(kind, other, today).expect_err("not today");
            let text = e.to_string();
            assert!(
                text.contains("joins today's queue, so it starts today (2026-03-10")
                    && text.contains("book a scheduled appointment"),
                "{text}"
            );
        }
    }
    assert_eq!(
        queue::check_arrival_day(Kind::Scheduled, tomorrow, today),
        Ok(())
    );
}

#[test]
fn sheets_name_a_walk_in_or_emergency_by_its_token() {
    assert_eq!(
        queue::describe(Kind::WalkIn, "W-003").as_deref(),
        Some("walk-in W-003")
    );
    assert_eq!(
        queue::describe(Kind::Emergency, "E-001").as_deref(),
        Some("emergency E-001")
    );
    // Without a token (a file from another system), the kind alone, with no stray space.
    assert_eq!(
        queue::describe(Kind::WalkIn, "").as_deref(),
        Some("walk-in")
    );
    assert_eq!(queue::describe(Kind::Scheduled, "W-003"), None);
}

#[test]
fn a_patient_checks_in_on_the_day_of_the_appointment() {
    let today = day();
    assert_eq!(queue::check_check_in(today, today), Ok(()));
    let tomorrow = today.succ_opt().expect("date");
    let early = queue::check_check_in(tomorrow, today).expect_err("tomorrow");
    assert_eq!(
        early.to_string(),
        "cannot check in on 2026-03-10: the appointment is on 2026-03-11, and a patient arrives on the day of their appointment (to see them today, move the appointment to today first, or add them as a walk-in)"
    );
    let late = queue::check_check_in(today.pred_opt().expect("date"), today).expect_err("past");
    assert!(late.to_string().contains("mark it no-show"), "{late}");
}
