//! The appointment status lifecycle: which changes are allowed from which state, and what each
//! change records (arrival, consultation start, completion, cancellation and its lateness);
//! [`check_timestamps`] holds a recorded appointment (an imported one) to what the lifecycle
//! could have recorded.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::model::{Appointment, Cancellation, CancelledBy};
use super::time::local_date;

/// Where an appointment is in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Booked, not yet confirmed by the patient.
    Scheduled,
    /// Booked and confirmed.
    Confirmed,
    /// The patient has arrived and waits.
    CheckedIn,
    /// The patient was called from the waiting room (to a room or a doctor) and is on the way.
    Called,
    /// The patient is with the doctor.
    InConsultation,
    /// The visit is over.
    Completed,
    /// Called off by the patient or the clinic.
    Cancelled,
    /// The patient did not come.
    NoShow,
    /// Created by mistake; kept for the record, never shown as a booking.
    EnteredInError,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Status; 9] = [
        Status::Scheduled,
        Status::Confirmed,
        Status::CheckedIn,
        Status::Called,
        Status::InConsultation,
        Status::Completed,
        Status::Cancelled,
        Status::NoShow,
        Status::EnteredInError,
    ];

    /// Stable text used in storage and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Confirmed => "confirmed",
            Status::CheckedIn => "checked_in",
            Status::Called => "called",
            Status::InConsultation => "in_consultation",
            Status::Completed => "completed",
            Status::Cancelled => "cancelled",
            Status::NoShow => "no_show",
            Status::EnteredInError => "entered_in_error",
        }
    }

    /// Parses the text written by [`Status::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Words a receptionist reads, e.g. "arrived", in the desk's language.
    pub fn label(self) -> String {
        match self {
            Status::Scheduled => crate::t!("core-status-booked"),
            Status::Confirmed => crate::t!("core-status-confirmed"),
            Status::CheckedIn => crate::t!("core-status-arrived"),
            Status::Called => crate::t!("core-status-called"),
            Status::InConsultation => crate::t!("core-status-with-doctor"),
            Status::Completed => crate::t!("core-status-done"),
            Status::Cancelled => crate::t!("core-status-cancelled"),
            Status::NoShow => crate::t!("core-status-no-show"),
            Status::EnteredInError => crate::t!("core-status-entered-in-error"),
        }
    }

    /// True when an appointment in this status holds its time: the doctor, room and patient are
    /// not free then. Cancelled, no-show and entered-in-error appointments free their time.
    pub fn holds_time(self) -> bool {
        !matches!(
            self,
            Status::Cancelled | Status::NoShow | Status::EnteredInError
        )
    }

    /// True when an appointment in this status can move to another time, doctor or room:
    /// booked, confirmed or arrived. One called (on the way to the room: send them back to the
    /// queue first), with the doctor, done, or closed stays where it was.
    pub fn can_move(self) -> bool {
        matches!(
            self,
            Status::Scheduled | Status::Confirmed | Status::CheckedIn
        )
    }

    /// Why an appointment in this status cannot move, in the words the desk reads; `None`
    /// when it can ([`Status::can_move`]).
    pub fn why_not_movable(self) -> Option<String> {
        (!self.can_move()).then(|| crate::t!("core-cannot-move", status = self.label()))
    }

    /// True when the appointment's reason, notes, mode and link can still be edited: not when
    /// it was entered in error (it stays as it was, as the record of the mistake).
    pub fn can_edit(self) -> bool {
        self != Status::EnteredInError
    }

    /// True when joining a video visit can be recorded: before or during the visit (booked,
    /// confirmed, arrived, called, with the doctor), not after it or once it is closed.
    pub fn before_or_during_visit(self) -> bool {
        matches!(
            self,
            Status::Scheduled
                | Status::Confirmed
                | Status::CheckedIn
                | Status::Called
                | Status::InConsultation
        )
    }

    /// True when the patient is in the waiting room's queue: arrived, or called and on the way.
    pub fn is_waiting(self) -> bool {
        matches!(self, Status::CheckedIn | Status::Called)
    }

    /// True when nothing more can happen to the appointment but marking it entered in error.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Completed | Status::Cancelled | Status::NoShow | Status::EnteredInError
        )
    }
}

/// A change of status that staff ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusAction {
    /// The patient confirmed they will come.
    Confirm,
    /// The patient has arrived.
    CheckIn,
    /// Call the patient from the waiting room; again when already called (a recall).
    Call,
    /// The called patient did not come: back to the waiting room, keeping their arrival and
    /// place (see [`super::call_order::not_here`] for when it is a no-show instead).
    BackToQueue,
    /// The consultation starts.
    Start,
    /// The consultation is over.
    Complete,
    /// The patient did not come (only after the start time, unless they were called: a patient
    /// who arrived, was called as often as the clinic allows and never came is a no-show
    /// whatever the time).
    NoShow,
    /// Call the appointment off.
    Cancel {
        /// Why (required).
        reason: String,
        /// Who asked.
        by: CancelledBy,
    },
    /// It was created by mistake.
    EnteredInError {
        /// What the mistake was (required).
        reason: String,
    },
}

impl StatusAction {
    /// The status the action leads to.
    pub fn target(&self) -> Status {
        match self {
            StatusAction::Confirm => Status::Confirmed,
            StatusAction::CheckIn => Status::CheckedIn,
            StatusAction::Call => Status::Called,
            StatusAction::BackToQueue => Status::CheckedIn,
            StatusAction::Start => Status::InConsultation,
            StatusAction::Complete => Status::Completed,
            StatusAction::NoShow => Status::NoShow,
            StatusAction::Cancel { .. } => Status::Cancelled,
            StatusAction::EnteredInError { .. } => Status::EnteredInError,
        }
    }

    /// The verb staff read, e.g. "check in", in the desk's language.
    pub fn verb(&self) -> String {
        match self {
            StatusAction::Confirm => crate::t!("core-action-confirm"),
            StatusAction::CheckIn => crate::t!("core-action-check-in"),
            StatusAction::Call => crate::t!("core-action-call"),
            StatusAction::BackToQueue => crate::t!("core-action-back-to-queue"),
            StatusAction::Start => crate::t!("core-action-start"),
            StatusAction::Complete => crate::t!("core-action-complete"),
            StatusAction::NoShow => crate::t!("core-action-no-show"),
            StatusAction::Cancel { .. } => crate::t!("core-action-cancel"),
            StatusAction::EnteredInError { .. } => crate::t!("core-action-entered-in-error"),
        }
    }
}

/// Why a status change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The lifecycle does not allow this change from the current status.
    #[error(
        "{}",
        crate::t!("core-transition-not-allowed", verb = verb, from = from, allowed = allowed)
    )]
    NotAllowed {
        /// What was asked.
        verb: String,
        /// The current status, as staff read it.
        from: String,
        /// What is allowed instead, as staff read it.
        allowed: String,
    },
    /// A no-show before the start time.
    #[error(
        "{}",
        crate::t!(
            "core-no-show-before-start",
            minutes = starts_in_minutes.to_string()
        )
    )]
    NoShowBeforeStart {
        /// Minutes until the start.
        starts_in_minutes: i64,
    },
    /// Cancel or entered-in-error without a reason.
    #[error("{}", crate::t!("core-reason-required", verb = verb))]
    ReasonRequired {
        /// What was asked.
        verb: String,
    },
}

/// The actions allowed from `status`, ignoring time (no-show also needs the start to be past).
pub fn allowed_actions(status: Status) -> Vec<String> {
    let mut out = Vec::new();
    let candidates = [
        StatusAction::Confirm,
        StatusAction::CheckIn,
        StatusAction::Call,
        StatusAction::BackToQueue,
        StatusAction::Start,
        StatusAction::Complete,
        StatusAction::NoShow,
        StatusAction::Cancel {
            reason: String::new(),
            by: CancelledBy::Patient,
        },
        StatusAction::EnteredInError {
            reason: String::new(),
        },
    ];
    for action in candidates {
        if lifecycle_allows(status, &action) {
            out.push(action.verb());
        }
    }
    out
}

/// The lifecycle graph of DESIGN.md §2: which action may be taken from which status. Calling
/// is the step between arrived and with the doctor; a called patient may be called again, sent
/// back to the queue, seen, or marked a no-show.
fn lifecycle_allows(from: Status, action: &StatusAction) -> bool {
    use Status::*;
    match action {
        StatusAction::Confirm => from == Scheduled,
        StatusAction::CheckIn => matches!(from, Scheduled | Confirmed),
        StatusAction::Call => matches!(from, CheckedIn | Called),
        StatusAction::BackToQueue => from == Called,
        StatusAction::Start => matches!(from, CheckedIn | Called),
        StatusAction::Complete => from == InConsultation,
        StatusAction::Cancel { .. } => matches!(from, Scheduled | Confirmed | CheckedIn | Called),
        StatusAction::NoShow => matches!(from, Scheduled | Confirmed | Called),
        StatusAction::EnteredInError { .. } => from != EnteredInError,
    }
}

/// How long before the start a cancellation still counts as on time.
pub const LATE_CANCEL_WINDOW: Duration = Duration::hours(24);

/// Applies `action` to `appointment` at `now`, returning the changed appointment; the input is
/// left as it was when the change is refused.
pub fn apply(
    appointment: &Appointment,
    action: &StatusAction,
    now: DateTime<Utc>,
) -> Result<Appointment, TransitionError> {
    let from = appointment.status;
    let to = action.target();
    if !lifecycle_allows(from, action) {
        let mut allowed = allowed_actions(from);
        if now < appointment.interval.start && from != Status::Called {
            let no_show = StatusAction::NoShow.verb();
            allowed.retain(|verb| *verb != no_show);
        }
        return Err(TransitionError::NotAllowed {
            verb: action.verb(),
            from: from.label(),
            allowed: if allowed.is_empty() {
                crate::t!("core-allowed-nothing")
            } else {
                allowed.join(", ")
            },
        });
    }
    let mut next = appointment.clone();
    next.status = to;
    match action {
        StatusAction::Confirm => {}
        StatusAction::CheckIn => next.arrived_at = Some(now),
        StatusAction::Call | StatusAction::BackToQueue => {}
        StatusAction::Start => next.consultation_started_at = Some(now),
        StatusAction::Complete => next.completed_at = Some(now),
        StatusAction::NoShow => {
            if from != Status::Called && now < appointment.interval.start {
                return Err(TransitionError::NoShowBeforeStart {
                    starts_in_minutes: (appointment.interval.start - now).num_minutes().max(1),
                });
            }
        }
        StatusAction::Cancel { reason, by } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(TransitionError::ReasonRequired {
                    verb: action.verb(),
                });
            }
            next.cancellation = Some(Cancellation {
                reason: reason.to_owned(),
                by: *by,
                late: appointment.interval.start - now < LATE_CANCEL_WINDOW,
                at: now,
            });
        }
        StatusAction::EnteredInError { reason } => {
            if reason.trim().is_empty() {
                return Err(TransitionError::ReasonRequired {
                    verb: action.verb(),
                });
            }
        }
    }
    Ok(next)
}

/// The lifecycle's timestamps of an appointment, as recorded (e.g. in an imported file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamps {
    /// The status recorded with them: it says which steps can have happened.
    pub status: Status,
    /// When the appointment starts.
    pub start: DateTime<Utc>,
    /// When the patient arrived.
    pub arrived_at: Option<DateTime<Utc>>,
    /// When the consultation started.
    pub consultation_started_at: Option<DateTime<Utc>>,
    /// When it was completed.
    pub completed_at: Option<DateTime<Utc>>,
}

/// A recorded timestamp the lifecycle could never have recorded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimestampError {
    /// A later step recorded before an earlier one.
    #[error(
        "{}",
        crate::t!(
            "core-timestamps-out-of-order",
            later = later,
            later_at = later_at,
            earlier = earlier,
            earlier_at = earlier_at,
        )
    )]
    OutOfOrder {
        /// The earlier step ("arrival" …).
        earlier: String,
        /// When it is recorded, clinic-local.
        earlier_at: String,
        /// The later step.
        later: String,
        /// When it is recorded, clinic-local.
        later_at: String,
    },
    /// An arrival on another clinic-local day than the appointment's.
    #[error(
        "{}",
        crate::t!("core-arrival-on-another-day", arrived_at = arrived_at, day = day)
    )]
    ArrivalOnAnotherDay {
        /// The arrival, clinic-local.
        arrived_at: String,
        /// The appointment's clinic-local date.
        day: String,
    },
    /// A consultation start or completion on neither the appointment's clinic-local day nor
    /// the day after (a visit may run past midnight, never further).
    #[error(
        "{}",
        crate::t!("core-step-on-another-day", what = what, at = at, day = day)
    )]
    StepOnAnotherDay {
        /// The step.
        what: String,
        /// When it is recorded, clinic-local.
        at: String,
        /// The appointment's clinic-local date.
        day: String,
    },
    /// A step the status says has not happened (a booked appointment with a completion).
    #[error(
        "{}",
        crate::t!(
            "core-step-not-for-status",
            what = what,
            at = at,
            status = status,
            allowed = allowed,
        )
    )]
    NotForStatus {
        /// The step.
        what: String,
        /// When it is recorded, clinic-local.
        at: String,
        /// The status, as staff read it.
        status: String,
        /// Which steps that status may carry, in words.
        allowed: String,
    },
    /// A step recorded as done after now.
    #[error("{}", crate::t!("core-step-in-the-future", what = what, at = at, now = now))]
    InTheFuture {
        /// The step.
        what: String,
        /// When it is recorded, clinic-local.
        at: String,
        /// Now, clinic-local.
        now: String,
    },
}

/// The steps (arrival, consultation start, completion) an appointment in `status` can have
/// recorded: those of the lifecycle's paths to it (DESIGN.md §2). Booked, confirmed and no-show
/// ones none (a no-show comes only from booked or confirmed); checked-in and cancelled ones an
/// arrival (a patient may be cancelled after checking in); in consultation the arrival and the
/// start; completed and entered-in-error ones all three. With the words a message uses.
pub fn steps_recorded(status: Status) -> ([bool; 3], String) {
    match status {
        Status::Scheduled | Status::Confirmed | Status::NoShow => {
            ([false, false, false], crate::t!("core-steps-none"))
        }
        Status::CheckedIn | Status::Called | Status::Cancelled => {
            ([true, false, false], crate::t!("core-steps-arrival-only"))
        }
        Status::InConsultation => ([true, true, false], crate::t!("core-steps-no-completion")),
        Status::Completed | Status::EnteredInError => {
            ([true, true, true], crate::t!("core-steps-every"))
        }
    }
}

/// Checks recorded timestamps against the lifecycle, in the clinic's zone at `now`:
/// - only the steps the status can have recorded ([`steps_recorded`]);
/// - arrival, consultation start and completion in that order (each may be missing);
/// - the arrival on the appointment's clinic-local day (check-in is allowed only then,
///   `queue::check_check_in`); the consultation start and the completion on that day or the
///   day after, for a visit that runs past midnight (start and complete record the time they
///   happen, which may be just after midnight; a day later no visit still runs);
/// - none later than now (check-in, start and complete record the time they happen).
///
/// Every problem is returned.
pub fn check_timestamps(t: &Timestamps, zone: Tz, now: DateTime<Utc>) -> Vec<TimestampError> {
    let shown = |at: DateTime<Utc>| at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string();
    let steps = [
        (crate::t!("core-step-arrival"), t.arrived_at),
        (
            crate::t!("core-step-consultation-start"),
            t.consultation_started_at,
        ),
        (crate::t!("core-step-completion"), t.completed_at),
    ];
    let mut out = Vec::new();
    let (may, allowed) = steps_recorded(t.status);
    for ((what, at), may) in steps.iter().zip(may) {
        if let Some(at) = at.filter(|_| !may) {
            out.push(TimestampError::NotForStatus {
                what: what.clone(),
                at: shown(at),
                status: t.status.label(),
                allowed: allowed.clone(),
            });
        }
    }
    for (what, at) in &steps {
        if let Some(at) = at.filter(|at| *at > now) {
            out.push(TimestampError::InTheFuture {
                what: what.clone(),
                at: shown(at),
                now: shown(now),
            });
        }
    }
    let recorded: Vec<(&String, DateTime<Utc>)> = steps
        .iter()
        .filter_map(|(what, at)| at.map(|at| (what, at)))
        .collect();
    for (i, (later, later_at)) in recorded.iter().enumerate() {
        if let Some((earlier, earlier_at)) = recorded[..i].iter().find(|(_, e)| e > later_at) {
            out.push(TimestampError::OutOfOrder {
                earlier: (*earlier).clone(),
                earlier_at: shown(*earlier_at),
                later: (*later).clone(),
                later_at: shown(*later_at),
            });
        }
    }
    if let Some(arrived) = t.arrived_at {
        let day = local_date(zone, t.start);
        if local_date(zone, arrived) != day {
            out.push(TimestampError::ArrivalOnAnotherDay {
                arrived_at: shown(arrived),
                day: day.format("%Y-%m-%d").to_string(),
            });
        }
    }
    let day = local_date(zone, t.start);
    for (what, at) in &steps[1..] {
        let Some(at) = *at else { continue };
        let on = local_date(zone, at);
        if on != day && Some(on) != day.succ_opt() {
            out.push(TimestampError::StepOnAnotherDay {
                what: what.clone(),
                at: shown(at),
                day: day.format("%Y-%m-%d").to_string(),
            });
        }
    }
    out
}

/// What undoing a status change needs, once [`check_undo`] allowed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undo {
    /// Put the old status back.
    Restore,
    /// Put the old status back, which takes the appointment's time again: the time must still
    /// be free (the caller checks conflicts as for a booking).
    RestoreIfFree,
}

/// Whether a status change can be undone: only while the appointment is still in the status
/// the change left (`expected`; another change since makes the undo refer to something else).
/// Going from a status that frees its time back to one that holds it needs the time free.
pub fn check_undo(current: Status, expected: Status, restore: Status) -> Result<Undo, String> {
    if current != expected {
        return Err(crate::t!("core-cannot-undo", status = current.label()));
    }
    Ok(if !current.holds_time() && restore.holds_time() {
        Undo::RestoreIfFree
    } else {
        Undo::Restore
    })
}
