//! What the desk is told by a desktop notification: a patient has arrived, an appointment is
//! overdue to start, a patient has waited longer than the clinic allows, a reminder failed. Each is said once; the first look at a clinic's day
//! only remembers what is already so, so opening the window, switching clinic or a new day
//! does not flood the screen.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::model::{AppointmentId, ClinicId};
use super::status::Status;

/// Minutes after its start at which an appointment that has not begun counts as overdue.
pub const OVERDUE_AFTER_MINUTES: i64 = 10;

/// More failed reminders than this in one send pass are told as one notification.
pub const FAILURES_TOLD_ONE_BY_ONE: usize = 3;

/// What the decision needs to know about one of today's appointments.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskFacts {
    /// The appointment.
    pub id: AppointmentId,
    /// The patient's name.
    pub patient: String,
    /// The doctor's name.
    pub doctor: String,
    /// Its status.
    pub status: Status,
    /// Its start.
    pub start: DateTime<Utc>,
    /// When the patient arrived, if they did.
    pub arrived_at: Option<DateTime<Utc>>,
    /// Minutes of waiting after which the desk is told the patient has waited too long (the
    /// clinic's threshold for the appointment's kind, [`super::waiting_room`]).
    pub wait_minutes: u32,
}

/// A reminder try that failed in a send pass.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedReminder {
    /// The patient's name.
    pub patient: String,
    /// What went wrong.
    pub error: String,
    /// Tries so far.
    pub attempts: u32,
    /// No more tries will follow.
    pub gave_up: bool,
}

/// One desktop notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffNotice {
    /// The headline.
    pub summary: String,
    /// The details.
    pub body: String,
}

/// What was told already, for one clinic's day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoticeMemory {
    scope: Option<(ClinicId, NaiveDate)>,
    primed: bool,
    arrived: HashSet<AppointmentId>,
    overdue: HashSet<AppointmentId>,
    waited_long: HashSet<AppointmentId>,
}

fn has_arrived(status: Status) -> bool {
    matches!(
        status,
        Status::CheckedIn | Status::Called | Status::InConsultation | Status::Completed
    )
}

/// Minutes the patient has waited beyond the clinic's threshold, if they are waiting (arrived
/// or called) and over it.
fn waited_too_long(f: &DeskFacts, now: DateTime<Utc>) -> Option<i64> {
    let arrived = f.arrived_at?;
    let waited = (now - arrived).num_minutes();
    (f.status.is_waiting() && waited > i64::from(f.wait_minutes)).then_some(waited)
}

fn is_overdue(f: &DeskFacts, now: DateTime<Utc>) -> bool {
    matches!(
        f.status,
        Status::Scheduled | Status::Confirmed | Status::CheckedIn | Status::Called
    ) && now >= f.start + Duration::minutes(OVERDUE_AFTER_MINUTES)
}

/// The notices today's appointments (of the clinic and day `scope` names) call for since the
/// last look, remembered in `memory`. A look at another clinic or day starts afresh: it only
/// remembers what is already so.
pub fn desk_notices(
    memory: &mut NoticeMemory,
    scope: (ClinicId, NaiveDate),
    today: &[DeskFacts],
    now: DateTime<Utc>,
) -> Vec<StaffNotice> {
    if memory.scope != Some(scope) {
        *memory = NoticeMemory {
            scope: Some(scope),
            ..NoticeMemory::default()
        };
    }
    let mut notices = Vec::new();
    let primed = memory.primed;
    memory.primed = true;
    for f in today {
        if has_arrived(f.status) && memory.arrived.insert(f.id) && primed {
            notices.push(StaffNotice {
                summary: crate::t!("core-notice-arrived", patient = &f.patient),
                body: crate::t!("core-notice-arrived-for", doctor = &f.doctor),
            });
        }
        if is_overdue(f, now) && memory.overdue.insert(f.id) && primed {
            let late = (now - f.start).num_minutes();
            let body = if f.status.is_waiting() {
                crate::t!("core-notice-overdue-waiting", minutes = late)
            } else {
                crate::t!("core-notice-overdue-not-arrived", minutes = late)
            };
            notices.push(StaffNotice {
                summary: crate::t!(
                    "core-notice-overdue",
                    patient = &f.patient,
                    doctor = &f.doctor
                ),
                body,
            });
        }
        if let Some(waited) = waited_too_long(f, now)
            && memory.waited_long.insert(f.id)
            && primed
        {
            notices.push(StaffNotice {
                summary: crate::t!("core-notice-waited-long", patient = &f.patient),
                body: crate::t!(
                    "core-notice-waited-long-for",
                    minutes = waited,
                    limit = f.wait_minutes,
                    doctor = &f.doctor
                ),
            });
        }
    }
    notices
}

/// The notices a send pass's failures call for: a reminder's first failure and its last (no
/// more tries), told one by one, or as one notice when there are many.
pub fn failure_notices(failures: &[FailedReminder]) -> Vec<StaffNotice> {
    let told: Vec<&FailedReminder> = failures
        .iter()
        .filter(|f| f.attempts == 1 || f.gave_up)
        .collect();
    if told.len() > FAILURES_TOLD_ONE_BY_ONE {
        let first = &told[0].error;
        return vec![StaffNotice {
            summary: crate::t!("core-notice-reminders-failed", count = told.len()),
            body: crate::t!("core-notice-reminders-failed-example", error = first),
        }];
    }
    told.into_iter()
        .map(|f| StaffNotice {
            summary: crate::t!("core-notice-reminder-failed", patient = &f.patient),
            body: if f.gave_up {
                crate::t!("core-notice-reminder-gave-up", error = &f.error)
            } else {
                crate::t!("core-notice-reminder-retry", error = &f.error)
            },
        })
        .collect()
}
