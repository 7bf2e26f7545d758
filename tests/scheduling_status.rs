//! The appointment status lifecycle of DESIGN.md §2, checked pair by pair:
//!
//! ```text
//! scheduled ──► confirmed ──► checked_in ──► in_consultation ──► completed
//!     ├─────────────┴─────────────┴──► cancelled (reason, by patient|clinic; "late" if < 24 h before)
//!     ├─────────────┴──────────────────► no_show (only after the start time has passed)
//!     └── any state ─────────────────► entered_in_error
//! ```
//!
//! The expected table is written out here by hand from the design, not derived from the code.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use frontdesk::scheduling::status::{LATE_CANCEL_WINDOW, allowed_actions, apply};
use frontdesk::scheduling::{
    Appointment, AppointmentId, CancelledBy, ClinicId, DoctorId, Interval, Kind, Mode, PatientId,
    Status, StatusAction, TransitionError,
};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// helpers

/// 2026-06-15 10:00 UTC: the start of every test appointment.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 15, 10, 0, 0).unwrap()
}

fn appointment(status: Status) -> Appointment {
    let start = start();
    Appointment {
        id: AppointmentId(Uuid::from_u128(0xA1)),
        clinic: ClinicId(Uuid::from_u128(0xC1)),
        patient: PatientId(Uuid::from_u128(0xB1)),
        doctor: DoctorId(Uuid::from_u128(0xD1)),
        room: None,
        visit_type: None,
        interval: Interval::new(start, start + Duration::minutes(30)),
        mode: Mode::InClinic,
        kind: Kind::Scheduled,
        priority: 0,
        status,
        reason: "sore throat".to_owned(),
        notes: String::new(),
        meeting_link: String::new(),
        queue_token: String::new(),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: "reception".to_owned(),
        updated_by: "reception".to_owned(),
        sequence: 0,
    }
}

fn cancel(reason: &str, by: CancelledBy) -> StatusAction {
    StatusAction::Cancel {
        reason: reason.to_owned(),
        by,
    }
}

fn entered_in_error(reason: &str) -> StatusAction {
    StatusAction::EnteredInError {
        reason: reason.to_owned(),
    }
}

/// Every action, each with a valid reason where one is needed.
fn every_action() -> Vec<StatusAction> {
    vec![
        StatusAction::Confirm,
        StatusAction::CheckIn,
        StatusAction::Call,
        StatusAction::BackToQueue,
        StatusAction::Start,
        StatusAction::Complete,
        StatusAction::NoShow,
        cancel("patient has the flu", CancelledBy::Patient),
        entered_in_error("booked the wrong patient"),
    ]
}

/// The lifecycle of DESIGN.md §2, written out independently of the code: the status an action
/// leads to from `from`, or `None` when the design refuses it.
///
/// Checking in a `scheduled` (not yet confirmed) appointment is allowed: the diagram draws the
/// happy path through `confirmed`, but a patient who never answered the reminder and turns up
/// anyway must be checked in by the receptionist, and "confirmed" is not a precondition the
/// design states anywhere.
///
/// Calling (issue 17) is the step between arrived and with the doctor: an arrived patient is
/// called, a called one may be called again, sent back to the queue ("not here"), seen,
/// cancelled, or marked a no-show (after the clinic's number of calls).
fn expected(from: Status, action: &StatusAction) -> Option<Status> {
    use Status::*;
    match action {
        StatusAction::Confirm => matches!(from, Scheduled).then_some(Confirmed),
        StatusAction::CheckIn => matches!(from, Scheduled | Confirmed).then_some(CheckedIn),
        StatusAction::Call => matches!(from, CheckedIn | Called).then_some(Called),
        StatusAction::BackToQueue => matches!(from, Called).then_some(CheckedIn),
        StatusAction::Start => matches!(from, CheckedIn | Called).then_some(InConsultation),
        StatusAction::Complete => matches!(from, InConsultation).then_some(Completed),
        StatusAction::NoShow => matches!(from, Scheduled | Confirmed | Called).then_some(NoShow),
        StatusAction::Cancel { .. } => {
            matches!(from, Scheduled | Confirmed | CheckedIn | Called).then_some(Cancelled)
        }
        StatusAction::EnteredInError { .. } => (from != EnteredInError).then_some(EnteredInError),
    }
}

/// The verbs a receptionist may use from `from` (ignoring the no-show time rule), by hand.
fn expected_allowed_verbs(from: Status) -> BTreeSet<&'static str> {
    use Status::*;
    let verbs: &[&str] = match from {
        Scheduled => &[
            "confirm",
            "check in",
            "mark as no-show",
            "cancel",
            "mark as entered in error",
        ],
        Confirmed => &[
            "check in",
            "mark as no-show",
            "cancel",
            "mark as entered in error",
        ],
        CheckedIn => &["call", "start", "cancel", "mark as entered in error"],
        Called => &[
            "call",
            "send back to the queue",
            "start",
            "mark as no-show",
            "cancel",
            "mark as entered in error",
        ],
        InConsultation => &["complete", "mark as entered in error"],
        Completed | Cancelled | NoShow => &["mark as entered in error"],
        EnteredInError => &[],
    };
    verbs.iter().copied().collect()
}

fn action_name(action: &StatusAction) -> &'static str {
    match action {
        StatusAction::Confirm => "confirm",
        StatusAction::CheckIn => "check_in",
        StatusAction::Call => "call",
        StatusAction::BackToQueue => "back_to_queue",
        StatusAction::Start => "start",
        StatusAction::Complete => "complete",
        StatusAction::NoShow => "no_show",
        StatusAction::Cancel { .. } => "cancel",
        StatusAction::EnteredInError { .. } => "entered_in_error",
    }
}

// ---------------------------------------------------------------------------------------------
// the full table

#[test]
fn every_status_action_pair_is_allowed_or_refused_as_designed() {
    // After the start, so the no-show time rule never gets in the way of the table.
    let now = start() + Duration::minutes(20);
    let mut checked = 0;
    for from in Status::ALL {
        for action in every_action() {
            let before = appointment(from);
            let result = apply(&before, &action, now);
            let case = format!("{} + {}", from.as_str(), action_name(&action));
            match (expected(from, &action), result) {
                (Some(to), Ok(after)) => {
                    assert_eq!(after.status, to, "{case}: wrong target status");
                    assert_eq!(after.id, before.id, "{case}: identity changed");
                    assert_eq!(after.interval, before.interval, "{case}: time changed");
                }
                (
                    None,
                    Err(TransitionError::NotAllowed {
                        verb, from: label, ..
                    }),
                ) => {
                    assert_eq!(verb, action.verb(), "{case}: error names the wrong action");
                    assert_eq!(label, from.label(), "{case}: error names the wrong status");
                }
                (Some(to), Err(e)) => {
                    panic!(
                        "{case}: the design allows → {}, but it was refused: {e}",
                        to.as_str()
                    )
                }
                (None, Ok(after)) => panic!(
                    "{case}: the design refuses this, but it went to {}",
                    after.status.as_str()
                ),
                (None, Err(e)) => panic!("{case}: refused for the wrong reason: {e:?}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 9 * 9, "every (status, action) pair is covered");
}

#[test]
fn the_allowed_table_has_the_expected_number_of_edges() {
    // A guard on the hand-written table itself: 1 confirm + 2 check-in + 2 call + 1 back to
    // the queue + 2 start + 1 complete + 3 no-show + 4 cancel + 8 entered-in-error = 24 edges.
    let edges = Status::ALL
        .iter()
        .flat_map(|from| every_action().into_iter().map(move |a| (*from, a)))
        .filter(|(from, a)| expected(*from, a).is_some())
        .count();
    assert_eq!(edges, 24);
}

#[test]
fn refusal_messages_name_what_is_allowed_now() {
    let now = start() + Duration::minutes(20);
    for from in Status::ALL {
        let want = expected_allowed_verbs(from);
        for action in every_action() {
            if expected(from, &action).is_some() {
                continue;
            }
            let err = apply(&appointment(from), &action, now).unwrap_err();
            let message = err.to_string();
            let case = format!("{} + {}", from.as_str(), action_name(&action));
            assert!(
                message.contains(&action.verb()),
                "{case}: message does not say what was asked: {message}"
            );
            assert!(
                message.contains(&from.label()),
                "{case}: message does not say the current status: {message}"
            );
            let (_, allowed) = message
                .split_once("allowed now: ")
                .unwrap_or_else(|| panic!("{case}: message lists nothing allowed: {message}"));
            let got: BTreeSet<&str> = if want.is_empty() {
                assert_eq!(allowed, "nothing", "{case}: {message}");
                BTreeSet::new()
            } else {
                allowed.split(", ").collect()
            };
            assert_eq!(
                got, want,
                "{case}: wrong list of allowed actions in: {message}"
            );
        }
    }
}

#[test]
fn refusal_message_before_the_start_does_not_offer_a_no_show() {
    // The message says "allowed now". An hour before the start a no-show is refused
    // (NoShowBeforeStart), so offering it "now" sends the receptionist into a second refusal.
    let now = start() - Duration::hours(1);
    let err = apply(
        &appointment(Status::Scheduled),
        &StatusAction::Complete,
        now,
    )
    .unwrap_err();
    let message = err.to_string();
    let (_, allowed) = message
        .split_once("allowed now: ")
        .expect("lists what is allowed");
    let got: BTreeSet<&str> = allowed.split(", ").collect();
    let want: BTreeSet<&str> = ["confirm", "check in", "cancel", "mark as entered in error"]
        .into_iter()
        .collect();
    assert_eq!(got, want, "{message}");
    // The action it would have offered really is refused at this moment.
    assert!(matches!(
        apply(&appointment(Status::Scheduled), &StatusAction::NoShow, now),
        Err(TransitionError::NoShowBeforeStart { .. })
    ));
}

#[test]
fn allowed_actions_match_the_design_for_every_status() {
    for from in Status::ALL {
        let actions = allowed_actions(from);
        let got: BTreeSet<&str> = actions.iter().map(String::as_str).collect();
        assert_eq!(got, expected_allowed_verbs(from), "from {}", from.as_str());
    }
}

#[test]
fn an_entered_in_error_appointment_allows_nothing_and_says_so() {
    let err = apply(
        &appointment(Status::EnteredInError),
        &entered_in_error("again"),
        start(),
    )
    .unwrap_err();
    assert!(matches!(err, TransitionError::NotAllowed { .. }), "{err:?}");
    assert!(err.to_string().ends_with("allowed now: nothing"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// timestamps along the happy path

#[test]
fn the_happy_path_records_arrival_consultation_start_and_completion() {
    let t_confirm = start() - Duration::days(2);
    let t_arrive = start() - Duration::minutes(7);
    let t_start = start() + Duration::minutes(4);
    let t_done = start() + Duration::minutes(26);

    let scheduled = appointment(Status::Scheduled);
    let confirmed = apply(&scheduled, &StatusAction::Confirm, t_confirm).unwrap();
    assert_eq!(confirmed.status, Status::Confirmed);
    assert_eq!(confirmed.arrived_at, None);
    assert_eq!(confirmed.consultation_started_at, None);
    assert_eq!(confirmed.completed_at, None);

    let arrived = apply(&confirmed, &StatusAction::CheckIn, t_arrive).unwrap();
    assert_eq!(arrived.status, Status::CheckedIn);
    assert_eq!(arrived.arrived_at, Some(t_arrive));
    assert_eq!(arrived.consultation_started_at, None);
    assert_eq!(arrived.completed_at, None);

    let with_doctor = apply(&arrived, &StatusAction::Start, t_start).unwrap();
    assert_eq!(with_doctor.status, Status::InConsultation);
    assert_eq!(with_doctor.arrived_at, Some(t_arrive), "arrival is kept");
    assert_eq!(with_doctor.consultation_started_at, Some(t_start));
    assert_eq!(with_doctor.completed_at, None);

    let done = apply(&with_doctor, &StatusAction::Complete, t_done).unwrap();
    assert_eq!(done.status, Status::Completed);
    assert_eq!(done.arrived_at, Some(t_arrive));
    assert_eq!(done.consultation_started_at, Some(t_start));
    assert_eq!(done.completed_at, Some(t_done));
    assert_eq!(done.cancellation, None);
}

#[test]
fn check_in_straight_from_scheduled_records_the_arrival() {
    let now = start() - Duration::minutes(3);
    let after = apply(&appointment(Status::Scheduled), &StatusAction::CheckIn, now).unwrap();
    assert_eq!(after.status, Status::CheckedIn);
    assert_eq!(after.arrived_at, Some(now));
}

#[test]
fn a_refused_change_leaves_the_appointment_untouched() {
    let before = appointment(Status::Completed);
    let copy = before.clone();
    assert!(apply(&before, &StatusAction::CheckIn, start()).is_err());
    assert_eq!(before, copy);
}

// ---------------------------------------------------------------------------------------------
// cancellation

#[test]
fn cancel_records_reason_who_and_when_from_each_cancellable_status() {
    let now = start() - Duration::days(3);
    for from in [Status::Scheduled, Status::Confirmed, Status::CheckedIn] {
        for by in [CancelledBy::Patient, CancelledBy::Clinic] {
            let after = apply(
                &appointment(from),
                &cancel("  doctor called in sick ", by),
                now,
            )
            .unwrap_or_else(|e| panic!("cancel from {}: {e}", from.as_str()));
            assert_eq!(after.status, Status::Cancelled);
            let c = after.cancellation.expect("cancellation recorded");
            assert_eq!(c.reason, "doctor called in sick", "reason is kept, trimmed");
            assert_eq!(c.by, by);
            assert_eq!(c.at, now);
            assert!(!c.late, "three days ahead is not late");
        }
    }
}

#[test]
fn cancel_without_a_reason_is_refused_and_says_a_reason_is_required() {
    for from in [Status::Scheduled, Status::Confirmed, Status::CheckedIn] {
        for blank in ["", "   ", "\t\n"] {
            let err = apply(
                &appointment(from),
                &cancel(blank, CancelledBy::Clinic),
                start() - Duration::days(1),
            )
            .unwrap_err();
            assert_eq!(
                err,
                TransitionError::ReasonRequired {
                    verb: "cancel".into()
                },
                "from {} with {blank:?}",
                from.as_str()
            );
            assert!(err.to_string().contains("reason is required"), "{err}");
        }
    }
}

#[test]
fn late_cancellation_is_less_than_24_hours_before_the_start() {
    assert_eq!(LATE_CANCEL_WINDOW, Duration::hours(24));
    let s = start();
    let table: &[(&str, DateTime<Utc>, bool)] = &[
        ("25 h before", s - Duration::hours(25), false),
        ("exactly 24 h before", s - Duration::hours(24), false),
        (
            "24 h minus 1 s before",
            s - Duration::hours(24) + Duration::seconds(1),
            true,
        ),
        (
            "23 h 59 m before",
            s - Duration::hours(23) - Duration::minutes(59),
            true,
        ),
        ("1 h before", s - Duration::hours(1), true),
        ("at the start", s, true),
        (
            "after the start (checked-in patient leaves)",
            s + Duration::minutes(10),
            true,
        ),
    ];
    for (case, now, late) in table {
        let after = apply(
            &appointment(Status::Confirmed),
            &cancel("clash with work", CancelledBy::Patient),
            *now,
        )
        .unwrap();
        let c = after.cancellation.unwrap();
        assert_eq!(c.late, *late, "{case}");
        assert_eq!(c.at, *now, "{case}");
    }
}

// ---------------------------------------------------------------------------------------------
// no-show

#[test]
fn no_show_only_once_the_start_time_has_come() {
    let s = start();
    let table: &[(&str, DateTime<Utc>, bool)] = &[
        ("a day before", s - Duration::days(1), false),
        ("a second before", s - Duration::seconds(1), false),
        ("exactly at the start", s, true),
        ("a minute after", s + Duration::minutes(1), true),
        ("a day after", s + Duration::days(1), true),
    ];
    for from in [Status::Scheduled, Status::Confirmed] {
        for (case, now, ok) in table {
            let result = apply(&appointment(from), &StatusAction::NoShow, *now);
            match (ok, result) {
                (true, Ok(after)) => {
                    assert_eq!(after.status, Status::NoShow, "{case}");
                    assert_eq!(after.arrived_at, None, "{case}");
                }
                (false, Err(TransitionError::NoShowBeforeStart { starts_in_minutes })) => {
                    assert!(starts_in_minutes >= 1, "{case}: {starts_in_minutes}");
                }
                (ok, result) => {
                    panic!("{} {case}: expected ok={ok}, got {result:?}", from.as_str())
                }
            }
        }
    }
}

#[test]
fn early_no_show_message_says_how_long_until_the_start() {
    let err = apply(
        &appointment(Status::Scheduled),
        &StatusAction::NoShow,
        start() - Duration::minutes(45),
    )
    .unwrap_err();
    assert_eq!(
        err,
        TransitionError::NoShowBeforeStart {
            starts_in_minutes: 45
        }
    );
    let message = err.to_string();
    assert!(message.contains("no-show"), "{message}");
    assert!(message.contains("45 min"), "{message}");
}

#[test]
fn no_show_is_refused_by_the_lifecycle_from_checked_in_even_after_the_start() {
    // The patient is here: they cannot be a no-show.
    let err = apply(
        &appointment(Status::CheckedIn),
        &StatusAction::NoShow,
        start() + Duration::hours(1),
    )
    .unwrap_err();
    assert!(matches!(err, TransitionError::NotAllowed { .. }), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// entered in error

#[test]
fn entered_in_error_from_every_other_status_needs_a_reason() {
    let now = start() + Duration::days(30);
    for from in Status::ALL {
        if from == Status::EnteredInError {
            continue;
        }
        let after = apply(
            &appointment(from),
            &entered_in_error("duplicate booking"),
            now,
        )
        .unwrap_or_else(|e| panic!("from {}: {e}", from.as_str()));
        assert_eq!(
            after.status,
            Status::EnteredInError,
            "from {}",
            from.as_str()
        );

        for blank in ["", "  "] {
            let err = apply(&appointment(from), &entered_in_error(blank), now).unwrap_err();
            assert_eq!(
                err,
                TransitionError::ReasonRequired {
                    verb: "mark as entered in error".into()
                },
                "from {} with {blank:?}",
                from.as_str()
            );
            assert!(err.to_string().contains("reason is required"), "{err}");
        }
    }
}

#[test]
fn entered_in_error_keeps_the_record_of_what_happened_before() {
    let t_arrive = start() - Duration::minutes(5);
    let arrived = apply(
        &appointment(Status::Confirmed),
        &StatusAction::CheckIn,
        t_arrive,
    )
    .unwrap();
    let voided = apply(&arrived, &entered_in_error("wrong patient"), start()).unwrap();
    assert_eq!(voided.status, Status::EnteredInError);
    assert_eq!(voided.arrived_at, Some(t_arrive), "nothing is erased");
}

// ---------------------------------------------------------------------------------------------
// what holds time

#[test]
fn only_live_statuses_hold_their_time() {
    use Status::*;
    for status in Status::ALL {
        let frees = matches!(status, Cancelled | NoShow | EnteredInError);
        assert_eq!(status.holds_time(), !frees, "{}", status.as_str());
    }
}

#[test]
fn status_text_round_trips() {
    let texts: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        texts,
        [
            "scheduled",
            "confirmed",
            "checked_in",
            "called",
            "in_consultation",
            "completed",
            "cancelled",
            "no_show",
            "entered_in_error"
        ]
    );
    for status in Status::ALL {
        assert_eq!(Status::parse(status.as_str()), Some(status));
    }
    assert_eq!(Status::parse("booked"), None);
}

// ---------------------------------------------------------------------------------------------
// recorded timestamps (imports): what the lifecycle could have recorded

#[test]
fn recorded_timestamps_are_held_to_the_lifecycle() {
    use frontdesk::scheduling::status::{TimestampError, Timestamps, check_timestamps};
    let zone = chrono_tz::Asia::Kolkata;
    // Now: 2026-11-24 09:30 in Kolkata. The appointment: 2026-11-24 10:00 there.
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 4, 0, 0).unwrap();
    let at = |d: u32, h: u32, m: u32| Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
    let today = at(24, 4, 30);
    let kind = |e: &TimestampError| match e {
        TimestampError::OutOfOrder { earlier, later, .. } => format!("{later} before {earlier}"),
        TimestampError::ArrivalOnAnotherDay { .. } => "arrival on another day".to_owned(),
        TimestampError::InTheFuture { what, .. } => format!("{what} in the future"),
        TimestampError::StepOnAnotherDay { what, .. } => format!("{what} on another day"),
        TimestampError::NotForStatus { what, status, .. } => format!("{what} when {status}"),
    };
    type Row = (
        &'static str,
        DateTime<Utc>,
        [Option<DateTime<Utc>>; 3],
        &'static [&'static str],
    );
    let rows: Vec<Row> = vec![
        ("nothing recorded", today, [None, None, None], &[]),
        (
            "arrived this morning",
            today,
            [Some(at(24, 3, 50)), None, None],
            &[],
        ),
        (
            "a finished visit yesterday, in order",
            at(23, 4, 30),
            [
                Some(at(23, 4, 20)),
                Some(at(23, 4, 35)),
                Some(at(23, 4, 50)),
            ],
            &[],
        ),
        (
            "equal times are in order",
            at(23, 4, 30),
            [
                Some(at(23, 4, 30)),
                Some(at(23, 4, 30)),
                Some(at(23, 4, 30)),
            ],
            &[],
        ),
        (
            "a consultation without an arrival recorded",
            at(23, 4, 30),
            [None, Some(at(23, 4, 35)), Some(at(23, 4, 50))],
            &[],
        ),
        (
            // The review's walk-in: checked in on 11-26, arrival 11-24 (now).
            "an arrival two days before the appointment",
            at(26, 4, 30),
            [Some(now), None, None],
            &["arrival on another day"],
        ),
        (
            // The review's completed row: arrival 11-27, start 11-20, completion 11-19.
            "every step out of order, an arrival after the day and in the future",
            at(26, 4, 30),
            [Some(at(27, 4, 0)), Some(at(20, 4, 0)), Some(at(19, 4, 0))],
            &[
                "arrival in the future",
                "consultation start before arrival",
                "completion before arrival",
                "arrival on another day",
                // Found since the consultation start and completion keep to the day too.
                "consultation start on another day",
                "completion on another day",
            ],
        ),
        (
            "completed before the consultation started",
            at(23, 4, 30),
            [None, Some(at(23, 5, 0)), Some(at(23, 4, 50))],
            &["completion before consultation start"],
        ),
        (
            "a completion still to come",
            at(24, 3, 30),
            [Some(at(24, 3, 20)), Some(at(24, 3, 35)), Some(at(24, 4, 1))],
            &["completion in the future"],
        ),
        (
            // 23:50 on the 23rd in Kolkata is 18:20 UTC; the appointment is at 00:10 on the 24th.
            "an arrival before midnight for a visit just after it is another day, clinic-local",
            at(23, 18, 40),
            [Some(at(23, 18, 20)), None, None],
            &["arrival on another day"],
        ),
        (
            // 19:50 and 20:00 UTC on the 22nd are 01:20 and 01:30 on the 23rd in Kolkata.
            "the same clinic-local day though the UTC dates differ",
            at(22, 20, 0),
            [Some(at(22, 19, 50)), None, None],
            &[],
        ),
    ];
    for (why, start, [arrived_at, consultation_started_at, completed_at], want) in rows {
        // The status the last recorded step leads to, so only the times are in question here.
        let status = match (arrived_at, consultation_started_at, completed_at) {
            (_, _, Some(_)) => Status::Completed,
            (_, Some(_), None) => Status::InConsultation,
            (Some(_), None, None) => Status::CheckedIn,
            (None, None, None) => Status::Scheduled,
        };
        let t = Timestamps {
            status,
            start,
            arrived_at,
            consultation_started_at,
            completed_at,
        };
        let got: Vec<String> = check_timestamps(&t, zone, now).iter().map(kind).collect();
        assert_eq!(got, want, "{why}");
    }
    // The message says what is wrong, clinic-local, and how to fix it.
    let t = Timestamps {
        status: Status::CheckedIn,
        start: at(26, 4, 30),
        arrived_at: Some(now),
        consultation_started_at: None,
        completed_at: None,
    };
    let said = check_timestamps(&t, zone, now)[0].to_string();
    assert_eq!(
        said,
        "the arrival (2026-11-24 09:30) is on another day than the appointment (2026-11-26): a patient arrives on the day of the visit; correct the arrival or the date"
    );
}

#[test]
fn recorded_timestamps_fit_the_status_and_the_day() {
    use frontdesk::scheduling::status::{TimestampError, Timestamps, check_timestamps};
    let zone = chrono_tz::Asia::Kolkata;
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 4, 0, 0).unwrap();
    let at = |d: u32, h: u32, m: u32| Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
    let kind = |e: &TimestampError| match e {
        TimestampError::OutOfOrder { earlier, later, .. } => format!("{later} before {earlier}"),
        TimestampError::ArrivalOnAnotherDay { .. } => "arrival on another day".to_owned(),
        TimestampError::InTheFuture { what, .. } => format!("{what} in the future"),
        TimestampError::StepOnAnotherDay { what, .. } => format!("{what} on another day"),
        TimestampError::NotForStatus { what, status, .. } => format!("{what} when {status}"),
    };
    let long_ago = Utc.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).unwrap();
    // The appointment: 2026-11-23 10:00 in Kolkata (04:30 UTC).
    let start = at(23, 4, 30);
    let (a, s, c) = (
        Some(at(23, 4, 20)),
        Some(at(23, 4, 35)),
        Some(at(23, 4, 50)),
    );
    type Row = (
        &'static str,
        Status,
        DateTime<Utc>,
        [Option<DateTime<Utc>>; 3],
        &'static [&'static str],
    );
    let rows: Vec<Row> = vec![
        // The review's row: a consultation started in 1900, completed on the day.
        (
            "a consultation start years before the day",
            Status::Completed,
            start,
            [None, Some(long_ago), c],
            &["consultation start on another day"],
        ),
        (
            "a completion three days after the day",
            Status::Completed,
            at(20, 4, 30),
            [Some(at(20, 4, 20)), Some(at(20, 4, 35)), c],
            &["completion on another day"],
        ),
        (
            // 23:40 on the 23rd in Kolkata is 18:10 UTC; 00:20 on the 24th is 18:50 UTC.
            "a late visit that runs past midnight",
            Status::Completed,
            at(23, 17, 30),
            [
                Some(at(23, 17, 20)),
                Some(at(23, 18, 10)),
                Some(at(23, 18, 50)),
            ],
            &[],
        ),
        (
            // 00:20 on the 25th in Kolkata is 18:50 UTC on the 24th: two days on.
            "a completion two clinic days after",
            Status::Completed,
            at(23, 4, 30),
            [a, s, Some(at(24, 18, 50))],
            &["completion in the future", "completion on another day"],
        ),
        (
            // The review's sibling: booked for the 30th, completed on the 20th.
            "a booked visit with a completion",
            Status::Scheduled,
            at(30, 4, 30),
            [None, None, Some(at(20, 4, 40))],
            &["completion when booked", "completion on another day"],
        ),
        (
            "a booked visit with nothing",
            Status::Scheduled,
            start,
            [None; 3],
            &[],
        ),
        (
            "a confirmed visit with an arrival",
            Status::Confirmed,
            start,
            [a, None, None],
            &["arrival when confirmed"],
        ),
        (
            "a checked-in visit",
            Status::CheckedIn,
            start,
            [a, None, None],
            &[],
        ),
        (
            "a checked-in visit with a consultation start",
            Status::CheckedIn,
            start,
            [a, s, None],
            &["consultation start when arrived"],
        ),
        (
            "in consultation",
            Status::InConsultation,
            start,
            [a, s, None],
            &[],
        ),
        (
            "in consultation with a completion",
            Status::InConsultation,
            start,
            [a, s, c],
            &["completion when with doctor"],
        ),
        ("completed", Status::Completed, start, [a, s, c], &[]),
        (
            "a no-show with an arrival",
            Status::NoShow,
            start,
            [a, None, None],
            &["arrival when no-show"],
        ),
        (
            "cancelled after checking in",
            Status::Cancelled,
            start,
            [a, None, None],
            &[],
        ),
        (
            "cancelled with a completion",
            Status::Cancelled,
            start,
            [a, s, c],
            &[
                "consultation start when cancelled",
                "completion when cancelled",
            ],
        ),
        (
            "entered in error after it was done",
            Status::EnteredInError,
            start,
            [a, s, c],
            &[],
        ),
    ];
    for (why, status, start, [arrived_at, consultation_started_at, completed_at], want) in rows {
        let t = Timestamps {
            status,
            start,
            arrived_at,
            consultation_started_at,
            completed_at,
        };
        let got: Vec<String> = check_timestamps(&t, zone, now).iter().map(kind).collect();
        assert_eq!(got, want, "{why}");
    }
    let t = Timestamps {
        status: Status::Scheduled,
        start: at(30, 4, 30),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: Some(at(20, 4, 40)),
    };
    assert_eq!(
        check_timestamps(&t, zone, now)[0].to_string(),
        "the completion (2026-11-20 10:10) is recorded, but the appointment is booked: it has no arrival, consultation or completion yet; leave the completion empty or correct the status"
    );
}

/// Which statuses may move is the core's rule (the store's move, a series' move and the
/// details panel ask it): booked, confirmed and arrived move; the rest say why not.
#[test]
fn only_booked_confirmed_and_arrived_appointments_move() {
    for status in Status::ALL {
        let movable = matches!(
            status,
            Status::Scheduled | Status::Confirmed | Status::CheckedIn
        );
        assert_eq!(status.can_move(), movable, "{status:?}");
        match status.why_not_movable() {
            None => assert!(movable, "{status:?}"),
            Some(why) => {
                assert!(!movable, "{status:?}");
                assert_eq!(
                    why,
                    format!(
                        "cannot move an appointment that is {}: only booked, confirmed or arrived ones can move",
                        status.label()
                    )
                );
            }
        }
    }
}

/// Undo, editing and joining a video visit are the core's rules (the store asks them).
#[test]
fn undo_edit_and_video_join_rules() {
    use frontdesk::scheduling::status::{Undo, check_undo};
    // Undo only while the status is what the change left.
    assert_eq!(
        check_undo(Status::Confirmed, Status::Confirmed, Status::Scheduled),
        Ok(Undo::Restore)
    );
    let changed = check_undo(Status::CheckedIn, Status::Confirmed, Status::Scheduled);
    assert_eq!(
        changed,
        Err(
            "cannot undo: the appointment is now arrived, changed since; change it directly instead"
                .into()
        )
    );
    // Taking time back (cancelled → booked) needs it free; freeing it again does not.
    assert_eq!(
        check_undo(Status::Cancelled, Status::Cancelled, Status::Scheduled),
        Ok(Undo::RestoreIfFree)
    );
    assert_eq!(
        check_undo(Status::NoShow, Status::NoShow, Status::Cancelled),
        Ok(Undo::Restore)
    );
    for status in Status::ALL {
        assert_eq!(
            status.can_edit(),
            status != Status::EnteredInError,
            "{status:?}"
        );
        assert_eq!(
            status.before_or_during_visit(),
            matches!(
                status,
                Status::Scheduled
                    | Status::Confirmed
                    | Status::CheckedIn
                    | Status::Called
                    | Status::InConsultation
            ),
            "{status:?}"
        );
    }
}
