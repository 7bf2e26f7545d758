//! The day's queue in the core (`scheduling::queue`): the next token is one more than the
//! highest its sequence ever issued that day, whatever moved or was cancelled; tokens compare
//! by letter and number; tokens from files are kept only when written our way, free and within
//! the day's queue (a property over any file); a patient in a day's queue stays on that day;
//! and who is called next (`scheduling::call_order`): emergencies, appointments due, walk-ins
//! by token number, the early, in the clinic's order, and what "not here" does.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;

use frontdesk::scheduling::queue::{self, ImportedToken, QueueError, Reissue};
use frontdesk::scheduling::*;
use proptest::prelude::*;

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
        (Kind::WalkIn, &["A12", "W-", "W-x1", "Walk-in 7"], "W-001"),
        // Tokens compare by letter and number, whatever their case or leading zeros.
        (Kind::WalkIn, &["w-044", "W-1"], "W-045"),
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
fn tokens_compare_by_letter_and_number_and_are_written_one_way() {
    // (text, what it stands for): letter either case, leading zeros, ASCII digits only.
    let table: &[(&str, Option<(char, u32)>)] = &[
        ("W-007", Some(('W', 7))),
        ("E-1000", Some(('E', 1000))),
        ("W-1", Some(('W', 1))),
        ("w-001", Some(('W', 1))),
        ("W-0001", Some(('W', 1))),
        ("e-0000000000000000000000012", Some(('E', 12))),
        (" W-009 ", Some(('W', 9))),
        ("", None),
        ("W", None),
        ("W-", None),
        ("-007", None),
        ("X-007", None),
        ("Ｗ-007", None),
        ("W 007", None),
        ("W-+7", None),
        ("W--7", None),
        ("W-7a", None),
        ("W-٣", None),
        ("W-٢٢", None),
        ("W-१२", None),
        ("W-0", None),
        ("W-000", None),
        ("W-10000", None),
        ("W-4294967297", None),
    ];
    for (text, want) in table {
        assert_eq!(queue::parse(text), *want, "{text:?}");
    }
    // Only the form we write counts as a token of its kind.
    for n in 1..=queue::MAX_NUMBER {
        for (kind, letter) in [(Kind::WalkIn, 'W'), (Kind::Emergency, 'E')] {
            let written = queue::token(letter, n);
            assert_eq!(queue::parse(&written), Some((letter, n)));
            assert_eq!(queue::canonical(kind, &written), Some(n), "{written}");
        }
    }
    for (kind, text) in [
        (Kind::WalkIn, "W-1"),
        (Kind::WalkIn, "w-001"),
        (Kind::WalkIn, "W-0001"),
        (Kind::WalkIn, "W-0999"),
        (Kind::WalkIn, " W-001"),
        (Kind::WalkIn, "E-001"),
        (Kind::Emergency, "W-001"),
        (Kind::Scheduled, "W-001"),
        (Kind::WalkIn, "W-000"),
    ] {
        assert_eq!(queue::canonical(kind, text), None, "{kind:?} {text:?}");
    }
    assert_eq!(queue::token('W', 7), "W-007");
    assert_eq!(queue::token('W', 1234), "W-1234");
    assert_eq!(queue::letter(Kind::Scheduled), None);
}

fn import(issued: &[&str], rows: &[(Kind, &str)]) -> Vec<Result<ImportedToken, String>> {
    queue::import_tokens(day(), issued.iter().copied(), rows)
}

fn replaced(file: &str, token: &str, why: Reissue) -> Result<ImportedToken, String> {
    Ok(ImportedToken::Replaced {
        file: file.into(),
        token: token.into(),
        why,
    })
}

fn keep(token: &str) -> Result<ImportedToken, String> {
    Ok(ImportedToken::Keep(token.into()))
}

#[test]
fn an_import_keeps_only_tokens_written_our_way_free_and_within_the_days_queue() {
    // The reviewers' day: the desk gave W-001; the file claims number 1 three ways, W-9999,
    // other digits, an emergency's token on a walk-in, and walk-ins without one.
    let got = import(
        &["W-001"],
        &[
            (Kind::WalkIn, "W-1"),
            (Kind::WalkIn, "w-001"),
            (Kind::WalkIn, "W-0001"),
            (Kind::WalkIn, "W-9999"),
            (Kind::WalkIn, "W-٢٢"),
            (Kind::WalkIn, "E-001"),
            (Kind::WalkIn, ""),
            (Kind::Emergency, "  "),
        ],
    );
    assert_eq!(
        got,
        [
            replaced("W-1", "W-002", Reissue::NotOurs),
            replaced("w-001", "W-003", Reissue::NotOurs),
            replaced("W-0001", "W-004", Reissue::NotOurs),
            replaced("W-9999", "W-005", Reissue::Beyond { tokens: 8 }),
            replaced("W-٢٢", "W-006", Reissue::NotOurs),
            replaced("E-001", "W-007", Reissue::NotOurs),
            replaced("", "W-008", Reissue::Missing),
            replaced("", "E-001", Reissue::Missing),
        ]
    );
    // The day goes on from there: nothing the file said closed it.
    let issued: Vec<String> = std::iter::once("W-001".to_owned())
        .chain(
            got.iter()
                .map(|t| t.as_ref().expect("token").token().to_owned()),
        )
        .collect();
    assert_eq!(
        queue::next_token(Kind::WalkIn, day(), issued.iter().map(String::as_str)).as_deref(),
        Ok("W-009")
    );
}

#[test]
fn a_whole_days_tokens_come_back_as_they_were_in_any_order() {
    let rows = [
        (Kind::WalkIn, "W-003"),
        (Kind::Emergency, "E-002"),
        (Kind::WalkIn, "W-001"),
        (Kind::Scheduled, ""),
        (Kind::Emergency, "E-001"),
        (Kind::WalkIn, "W-002"),
    ];
    let got = import(&[], &rows);
    let want: Vec<_> = rows.iter().map(|(_, t)| keep(t)).collect();
    assert_eq!(got, want);
    // Onto a day that already has two walk-ins, two more may keep W-003 and W-004.
    assert_eq!(
        import(
            &["W-001", "W-002"],
            &[(Kind::WalkIn, "W-004"), (Kind::WalkIn, "W-003")]
        ),
        [keep("W-004"), keep("W-003")]
    );
}

#[test]
fn a_token_a_row_keeps_is_never_given_to_an_earlier_row() {
    // Row 1 gets a number only after row 2 has kept W-001; of two rows with W-002, the first
    // keeps it; a taken number gets the lowest free one above the day's highest that no later
    // row keeps.
    assert_eq!(
        import(
            &["E-001"],
            &[
                (Kind::WalkIn, "W-1"),
                (Kind::WalkIn, "W-001"),
                (Kind::WalkIn, "W-002"),
                (Kind::WalkIn, "W-002"),
                (Kind::Emergency, "E-001"),
                (Kind::Emergency, "E-002"),
            ]
        ),
        [
            replaced("W-1", "W-003", Reissue::NotOurs),
            keep("W-001"),
            keep("W-002"),
            replaced("W-002", "W-004", Reissue::Taken),
            replaced("E-001", "E-003", Reissue::Taken),
            keep("E-002"),
        ]
    );
}

#[test]
fn a_scheduled_row_takes_no_token_and_the_import_says_what_it_did() {
    assert_eq!(
        import(&[], &[(Kind::Scheduled, ""), (Kind::Scheduled, "W-001")]),
        [
            keep(""),
            Ok(ImportedToken::Dropped {
                file: "W-001".into()
            })
        ]
    );
    let said = |t: Result<ImportedToken, String>| t.expect("decided").notice(day()).expect("said");
    let [dropped] = import(&[], &[(Kind::Scheduled, "W-001")])
        .try_into()
        .expect("one");
    assert!(said(dropped).contains("imported without a token"));
    let rows = [
        (Kind::WalkIn, "W-001"),
        (Kind::WalkIn, "W-1"),
        (Kind::WalkIn, "E-001"),
        (Kind::WalkIn, "W-9999"),
        (Kind::Emergency, ""),
        (Kind::WalkIn, "क-१२"),
    ];
    let notices: Vec<String> = import(&["W-001"], &rows)
        .into_iter()
        .filter(|t| {
            !matches!(
                t,
                Ok(ImportedToken::Replaced {
                    why: Reissue::Missing,
                    ..
                })
            )
        })
        .map(said)
        .collect();
    let expected = [
        "queue token W-001 was already given on 2026-03-10: this patient gets W-002 instead",
        "queue token \"W-1\" is not written as Frontdesk writes walk-in tokens (the letter W, a dash and three digits, such as W-001): this patient gets W-003 instead",
        "queue token E-001 is an emergency token, and this row is a walk-in: this patient gets W-004 instead",
        "queue token W-9999 is beyond the walk-in queue of 2026-03-10, which has 6 tokens with this file's: this patient gets W-005 instead",
        "queue token \"क-१२\" is not written as Frontdesk writes walk-in tokens (the letter W, a dash and three digits, such as W-001): this patient gets W-006 instead",
    ];
    assert_eq!(notices, expected);
    assert_eq!(
        import(&[], &[(Kind::WalkIn, "W-001")])[0]
            .as_ref()
            .expect("kept")
            .notice(day()),
        None
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
        for kind in [Kind::WalkIn, Kind::Scheduled] {
            let got = import(&[], &[(kind, bad)]).remove(0);
            let message = got.expect_err(bad.get(..20).unwrap_or(bad));
            assert!(message.contains("is not a queue token"), "{message}");
            assert!(message.len() < 400, "the message quotes a bounded part");
            assert!(!message.contains('\u{1b}'), "{message:?}");
        }
    }
}

#[test]
fn a_day_is_full_only_when_its_rows_fill_it() {
    // 9,998 walk-ins given and two rows: the one that says W-9999 keeps it (the day will have
    // 10,000 tokens), and the other finds the day full, as the desk would.
    let issued: Vec<String> = (1..queue::MAX_NUMBER)
        .map(|n| queue::token('W', n))
        .collect();
    let got = queue::import_tokens(
        day(),
        issued.iter().map(String::as_str),
        &[(Kind::WalkIn, ""), (Kind::WalkIn, "W-9999")],
    );
    let full = got[0].as_ref().expect_err("full");
    assert!(full.contains("has reached W-9999"), "{full}");
    assert_eq!(got[1], keep("W-9999"));
}

/// Tokens as files and old databases hold them: ours, near misses, other systems' and junk.
fn any_token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (prop::sample::select(vec!['W', 'E']), 1u32..40).prop_map(|(l, n)| queue::token(l, n)),
        1 => (prop::sample::select(vec!['W', 'E']), 1u32..=queue::MAX_NUMBER)
            .prop_map(|(l, n)| queue::token(l, n)),
        1 => (prop::sample::select(vec!["W-", "w-", "E-", "e-", "W-0", "W-00", "X-"]), 0u32..20_000)
            .prop_map(|(p, n)| format!("{p}{n}")),
        1 => Just(String::new()),
        1 => "\\PC{0,8}",
        1 => ".{0,20}",
    ]
}

fn any_kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(vec![Kind::WalkIn, Kind::Emergency, Kind::Scheduled])
}

/// The numbers of each sequence in `tokens`.
fn numbers(tokens: &[String], letter: char) -> BTreeSet<u32> {
    tokens
        .iter()
        .filter_map(|t| queue::parse(t))
        .filter(|(l, _)| *l == letter)
        .map(|(_, n)| n)
        .collect()
}

/// A day whose highest number is no higher than its tokens, per sequence.
fn sound(tokens: &[String]) -> bool {
    ['W', 'E'].into_iter().all(|l| {
        let n = numbers(tokens, l);
        n.last().copied().unwrap_or(0) as usize <= n.len()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Whatever a file says: every walk-in and emergency gets a token written our way for its
    /// kind, no number twice, a scheduled row none; a row keeps exactly a token it gave; and a
    /// sound day stays sound, so no file brings a day nearer its end than its rows do.
    #[test]
    fn an_import_gives_each_number_once_and_never_runs_a_day_ahead(
        issued in prop::collection::vec(any_token(), 0..30),
        rows in prop::collection::vec((any_kind(), any_token()), 0..30),
    ) {
        let refs: Vec<(Kind, &str)> = rows.iter().map(|(k, t)| (*k, t.as_str())).collect();
        let got = queue::import_tokens(day(), issued.iter().map(String::as_str), &refs);
        prop_assert_eq!(got.len(), rows.len());
        let mut all = issued.clone();
        for ((kind, file), decided) in rows.iter().zip(&got) {
            let decided = match decided {
                Ok(decided) => decided,
                Err(e) => {
                let file = file.trim();
                let unusable = file.chars().count() > queue::MAX_TOKEN_CHARS
                    || file.chars().any(char::is_control);
                // Only text that is no token at all is a bad row, or a day already past its
                // tokens (a day sound before the import is far from full).
                prop_assert!(unusable || (!sound(&issued) && e.contains("has reached")), "{}", e);
                continue;
                }
            };
            let token = decided.token();
            match kind {
                Kind::Scheduled => prop_assert_eq!(token, ""),
                kind => {
                    let n = queue::canonical(*kind, token);
                    prop_assert!(n.is_some(), "{:?} got {:?}", kind, token);
                    let (l, _) = queue::parse(token).expect("ours");
                    prop_assert!(!numbers(&all, l).contains(&n.unwrap_or(0)), "{} given twice", token);
                }
            }
            if let ImportedToken::Keep(kept) = decided {
                prop_assert_eq!(kept.as_str(), file.trim());
            }
            let silent = matches!(
                decided,
                ImportedToken::Keep(_) | ImportedToken::Replaced { why: Reissue::Missing, .. }
            );
            prop_assert_eq!(decided.notice(day()).is_none(), silent);
            all.push(token.to_owned());
        }
        if sound(&issued) {
            prop_assert!(sound(&all), "{:?} + {:?} gave {:?}", issued, rows, got);
        }
    }
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

// Calling the next patient (issue 17's core): the call order and "not here".

mod call_next {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use frontdesk::scheduling::call_order::{self, CallOrder, CallOrderError, Group, NotHere};
    use frontdesk::scheduling::*;
    use uuid::Uuid;

    /// 10:00 UTC on the test day.
    pub fn ten() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 15, 10, 0, 0).unwrap()
    }

    /// An appointment of `kind` starting `start` minutes after 10:00, arrived `arrived` minutes
    /// after 10:00, holding `token`, in `status`.
    pub fn waiting(n: u128, kind: Kind, start: i64, arrived: i64, token: &str) -> Appointment {
        let begins = ten() + Duration::minutes(start);
        Appointment {
            id: AppointmentId(Uuid::from_u128(n)),
            clinic: ClinicId(Uuid::from_u128(0xC1)),
            patient: PatientId(Uuid::from_u128(0x100 + n)),
            doctor: DoctorId(Uuid::from_u128(0xD1)),
            room: None,
            visit_type: None,
            interval: Interval::new(begins, begins + Duration::minutes(15)),
            mode: Mode::InClinic,
            kind,
            priority: 0,
            status: Status::CheckedIn,
            reason: String::new(),
            notes: String::new(),
            meeting_link: String::new(),
            queue_token: token.to_owned(),
            arrived_at: Some(ten() + Duration::minutes(arrived)),
            consultation_started_at: None,
            completed_at: None,
            cancellation: None,
            created_by: "reception".to_owned(),
            updated_by: "reception".to_owned(),
            sequence: 0,
        }
    }

    fn id(n: u128) -> Option<AppointmentId> {
        Some(AppointmentId(Uuid::from_u128(n)))
    }

    /// The order patients would be called in, calling one after another at `now`.
    fn calls(mut room: Vec<Appointment>, order: &CallOrder, now: DateTime<Utc>) -> Vec<u128> {
        let mut called = Vec::new();
        while let Some(next) = call_order::next(&room, order, now) {
            called.push(next.0.as_u128());
            room.retain(|a| a.id != next);
        }
        called
    }

    #[test]
    fn emergencies_then_appointments_due_then_walk_ins_by_token_then_the_early() {
        let room = vec![
            waiting(1, Kind::WalkIn, 0, -30, "W-002"),
            waiting(2, Kind::Scheduled, 20, -5, ""),
            waiting(3, Kind::Scheduled, -10, -20, ""),
            waiting(4, Kind::WalkIn, 0, -40, "W-001"),
            waiting(5, Kind::Emergency, 0, -1, "E-001"),
            waiting(6, Kind::Scheduled, -30, -2, ""),
            waiting(7, Kind::Emergency, 0, -3, "E-002"),
            waiting(8, Kind::WalkIn, 0, -50, "W-010"),
        ];
        assert_eq!(
            calls(room, &CallOrder::default(), ten()),
            // Emergencies by arrival (7 came first), appointments due by start (6 at 9:30,
            // then 3 at 9:50), walk-ins by token number (W-001, W-002, W-010: not by text,
            // not by arrival), and last the appointment whose time has not come.
            vec![7, 5, 6, 3, 4, 1, 8, 2]
        );
    }

    #[test]
    fn an_appointment_joins_the_due_group_when_its_time_comes() {
        let early = waiting(1, Kind::Scheduled, 5, -10, "");
        let walk_in = waiting(2, Kind::WalkIn, 0, -30, "W-001");
        assert_eq!(Group::of(&early, ten()), Group::Early);
        let room = vec![early, walk_in];
        assert_eq!(call_order::next(&room, &CallOrder::default(), ten()), id(2));
        let at_its_time = ten() + Duration::minutes(5);
        assert_eq!(
            call_order::next(&room, &CallOrder::default(), at_its_time),
            id(1)
        );
    }

    #[test]
    fn only_patients_who_arrived_and_were_not_called_yet_are_candidates() {
        let mut room = vec![
            waiting(1, Kind::Emergency, 0, -5, "E-001"),
            waiting(2, Kind::Scheduled, -10, -10, ""),
            waiting(3, Kind::WalkIn, 0, -60, "W-001"),
        ];
        room[0].status = Status::InConsultation;
        room[1].status = Status::Confirmed;
        assert_eq!(call_order::next(&room, &CallOrder::default(), ten()), id(3));
        room[2].status = Status::Completed;
        assert_eq!(call_order::next(&room, &CallOrder::default(), ten()), None);
        assert_eq!(call_order::next(&[], &CallOrder::default(), ten()), None);
    }

    #[test]
    fn a_clinic_may_call_walk_ins_before_appointments_and_the_order_is_kept_as_words() {
        let order = CallOrder::parse(" walk_in,emergency, due ,early").expect("an order");
        assert_eq!(
            order.groups(),
            [Group::WalkIn, Group::Emergency, Group::Due, Group::Early]
        );
        assert_eq!(order.as_text(), "walk_in,emergency,due,early");
        assert_eq!(CallOrder::parse(&order.as_text()), Ok(order));
        let room = vec![
            waiting(1, Kind::Emergency, 0, -1, "E-001"),
            waiting(2, Kind::WalkIn, 0, -2, "W-003"),
            waiting(3, Kind::Scheduled, -15, -15, ""),
        ];
        assert_eq!(calls(room, &order, ten()), vec![2, 1, 3]);
        assert_eq!(
            CallOrder::default().as_text(),
            "emergency,due,walk_in,early"
        );
    }

    #[test]
    fn an_order_naming_a_group_twice_or_not_at_all_or_an_unknown_word_is_refused() {
        assert_eq!(
            CallOrder::parse("emergency,emergency,due,walk_in"),
            Err(CallOrderError::NotEachOnce)
        );
        assert_eq!(
            CallOrder::parse("emergency,due,walk_in"),
            Err(CallOrderError::NotEachOnce)
        );
        assert_eq!(
            CallOrder::parse("emergency,due,walk_in,early,early"),
            Err(CallOrderError::NotEachOnce)
        );
        let unknown = CallOrder::parse("emergency,vip,walk_in,early").expect_err("vip");
        assert_eq!(unknown, CallOrderError::Unknown("vip".into()));
        assert!(unknown.to_string().contains("\"vip\""), "{unknown}");
        assert!(CallOrder::parse("").is_err());
        // A control character typed in is shown, not obeyed.
        let shown = CallOrder::parse("due\u{1b}[2J,early")
            .expect_err("escape")
            .to_string();
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
    }

    #[test]
    fn a_tie_is_broken_the_same_way_every_time() {
        // Two walk-ins whose tokens cannot be read (an old import): by start, then arrival,
        // then id; the answer does not depend on the order they are listed in.
        let a = waiting(1, Kind::WalkIn, 0, -5, "");
        let b = waiting(2, Kind::WalkIn, 0, -5, "");
        let c = waiting(3, Kind::WalkIn, 0, -9, "W-004");
        for room in [
            vec![a.clone(), b.clone(), c.clone()],
            vec![c.clone(), b.clone(), a.clone()],
            vec![b.clone(), a.clone(), c.clone()],
        ] {
            assert_eq!(calls(room, &CallOrder::default(), ten()), vec![3, 1, 2]);
        }
    }

    #[test]
    fn not_here_sends_the_patient_back_until_the_last_allowed_call() {
        assert_eq!(call_order::not_here(1, 3), NotHere::BackToQueue);
        assert_eq!(call_order::not_here(2, 3), NotHere::BackToQueue);
        assert_eq!(call_order::not_here(3, 3), NotHere::NoShow);
        assert_eq!(call_order::not_here(u32::MAX, 3), NotHere::NoShow);
        // A limit of 0 is taken as 1: one call, then a no-show.
        assert_eq!(call_order::not_here(1, 0), NotHere::NoShow);
        assert_eq!(call_order::not_here(0, 0), NotHere::BackToQueue);
    }
}

/// The waiting room's rules, wait alerts and board (scheduling::waiting_room), with the same
/// waiting patients as `call_next`.
mod waiting_room {
    use super::call_next::{ten, waiting};
    use chrono::Duration;
    use frontdesk::scheduling::call_order::{self, CallOrder};
    use frontdesk::scheduling::waiting_room::{
        BoardShows, Waiting, WaitingRoomRules, board, initials, overdue,
    };
    use frontdesk::scheduling::*;

    #[test]
    fn the_call_order_lists_the_queue_as_call_next_would_call_it() {
        let room = vec![
            waiting(1, Kind::WalkIn, 0, -30, "W-010"),
            waiting(2, Kind::WalkIn, 0, -20, "W-002"),
            waiting(3, Kind::Emergency, 0, -1, "E-001"),
            waiting(4, Kind::Scheduled, -5, -10, ""),
        ];
        let order = CallOrder::default();
        let listed: Vec<u128> = call_order::in_call_order(&room, &order, ten())
            .iter()
            .map(|a| a.id.0.as_u128())
            .collect();
        assert_eq!(listed, [3, 4, 2, 1]);
        assert_eq!(
            call_order::next(&room, &order, ten()).map(|id| id.0.as_u128()),
            Some(listed[0])
        );
    }

    #[test]
    fn a_patient_is_overdue_past_the_threshold_of_their_kind_only_while_waiting() {
        let rules = WaitingRoomRules::default();
        let mut walk_in = waiting(1, Kind::WalkIn, 0, 0, "W-001");
        let emergency = waiting(2, Kind::Emergency, 0, 0, "E-001");
        assert_eq!(
            overdue(&walk_in, &rules, ten() + Duration::minutes(20)),
            None
        );
        assert_eq!(
            overdue(&walk_in, &rules, ten() + Duration::minutes(21)),
            Some(1)
        );
        assert_eq!(
            overdue(&emergency, &rules, ten() + Duration::minutes(11)),
            Some(1)
        );
        walk_in.status = Status::Called;
        assert_eq!(
            overdue(&walk_in, &rules, ten() + Duration::minutes(30)),
            Some(10),
            "a called patient still waits until seen"
        );
        walk_in.status = Status::InConsultation;
        assert_eq!(overdue(&walk_in, &rules, ten() + Duration::hours(3)), None);
    }

    #[test]
    fn rules_out_of_range_are_refused_naming_the_rule_and_its_range() {
        assert_eq!(WaitingRoomRules::default().check(), Ok(()));
        let cases = [
            (
                WaitingRoomRules {
                    call_limit: 10,
                    ..Default::default()
                },
                "the number of calls before a no-show must be from 1 to 9, not 10",
            ),
            (
                WaitingRoomRules {
                    emergency_wait_minutes: 0,
                    ..Default::default()
                },
                "the waiting time before an emergency is marked (minutes) must be from 1 to 600, not 0",
            ),
            (
                WaitingRoomRules {
                    kiosk_late_minutes: u32::MAX,
                    ..Default::default()
                },
                "how late the kiosk still accepts an arrival (minutes) must be from 0 to 720, not 4294967295",
            ),
        ];
        for (rules, message) in cases {
            assert_eq!(
                rules.check().expect_err("out of range").to_string(),
                message
            );
        }
    }

    #[test]
    fn initials_take_the_first_letter_of_each_word_in_any_script() {
        assert_eq!(initials("Asha Iyer"), "A. I.");
        assert_eq!(initials("  lata   müller-d'souza "), "L. M.");
        assert_eq!(initials("अनीता शर्मा"), "अ. श.");
        assert_eq!(initials("李 小龙"), "李. 小.");
        assert_eq!(initials("Maria José da Silva Santos"), "M. J. D.");
        assert_eq!(initials(""), "");
        assert_eq!(initials("- ."), "");
    }

    #[test]
    fn the_board_estimates_each_wait_from_the_booked_minutes_ahead() {
        let mut called = waiting(1, Kind::Scheduled, -10, -15, "");
        called.status = Status::Called;
        let first = waiting(2, Kind::WalkIn, 0, -5, "W-001");
        let mut second = waiting(3, Kind::WalkIn, 0, -4, "W-002");
        second.interval = Interval::new(ten(), ten() + Duration::minutes(30));
        let third = waiting(4, Kind::WalkIn, 0, -3, "W-003");
        // A video patient who joined is not in the waiting room.
        let mut video = waiting(5, Kind::Scheduled, -20, -25, "");
        video.mode = Mode::Video;
        let appointments = [called, first, second, third, video];
        let view: Vec<Waiting<'_>> = appointments
            .iter()
            .map(|a| Waiting {
                appointment: a,
                patient_name: "Asha Iyer",
                doctor_name: "Dr. Rao",
                room_name: Some("Room 3"),
                last_call: (a.status == Status::Called).then_some((2, ten())),
            })
            .collect();
        let rules = WaitingRoomRules::default();
        let b = board(&view, &rules, chrono_tz::Asia::Kolkata, ten());
        assert_eq!(b.calling.len(), 1);
        assert_eq!(
            b.calling[0].ticket.text(),
            "15:20",
            "the booked time, Kolkata"
        );
        assert_eq!(b.calling[0].calls, 2);
        let line: Vec<(String, i64)> = b.lines[0]
            .waiting
            .iter()
            .map(|(t, m)| (t.text(), *m))
            .collect();
        assert_eq!(
            line,
            [
                ("W-001".to_owned(), 15),
                ("W-002".to_owned(), 30),
                ("W-003".to_owned(), 60),
            ]
        );
        assert!(
            !format!("{b:?}").contains("Asha"),
            "no name without initials"
        );
        let with_initials = WaitingRoomRules {
            board_shows: BoardShows::Initials,
            ..rules
        };
        let b = board(&view, &with_initials, chrono_tz::Asia::Kolkata, ten());
        assert_eq!(b.lines[0].waiting[0].0.text(), "W-001 · A. I.");
        assert_eq!(
            b.calling[0].announcement(),
            "The 15:20 appointment, please go to Room 3"
        );
        assert_eq!(b.lines[0].waiting[0].0.spoken(), "Token W 1");
    }
}
