//! Who is called next from the waiting room (issue 17's core): of the patients who arrived and
//! wait for one doctor (or room), the clinic's order picks one. The usual order is emergencies
//! first (by arrival), then appointments at or past their time (by start), then walk-ins (by
//! token), then appointments whose time has not come (by start); a clinic may put the groups in
//! another order. And what "not here" does after a call: back to the queue, or a no-show once
//! the patient was called as often as the clinic allows. "Now" is passed in.

use chrono::{DateTime, Utc};

use super::model::{Appointment, AppointmentId, Kind};
use super::status::Status;

/// A group of waiting patients, as the call order ranks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Emergencies, by arrival.
    Emergency,
    /// Booked appointments whose time has come, by start.
    Due,
    /// Walk-ins, by token number.
    WalkIn,
    /// Booked appointments that arrived early, by start.
    Early,
}

impl Group {
    /// Every group, in the usual order.
    pub const ALL: [Group; 4] = [Group::Emergency, Group::Due, Group::WalkIn, Group::Early];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Emergency => "emergency",
            Group::Due => "due",
            Group::WalkIn => "walk_in",
            Group::Early => "early",
        }
    }

    /// The group as staff read it ("emergencies"), in the desk's language.
    pub fn label(self) -> String {
        match self {
            Group::Emergency => crate::t!("core-group-emergency"),
            Group::Due => crate::t!("core-group-due"),
            Group::WalkIn => crate::t!("core-group-walk-in"),
            Group::Early => crate::t!("core-group-early"),
        }
    }

    /// Parses the text written by [`Group::as_str`].
    pub fn parse(text: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == text.trim())
    }

    /// The group a waiting appointment is in at `now`.
    pub fn of(appointment: &Appointment, now: DateTime<Utc>) -> Group {
        match appointment.kind {
            Kind::Emergency => Group::Emergency,
            Kind::WalkIn => Group::WalkIn,
            Kind::Scheduled if appointment.interval.start <= now => Group::Due,
            Kind::Scheduled => Group::Early,
        }
    }
}

/// A call order that cannot be used, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallOrderError {
    /// A word that names no group.
    #[error("{}", crate::t!("core-call-order-unknown", word = _0))]
    Unknown(String),
    /// A group named twice or left out.
    #[error("{}", crate::t!("core-call-order-not-each-once"))]
    NotEachOnce,
}

/// The order the groups are called in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallOrder {
    groups: [Group; 4],
}

impl Default for CallOrder {
    fn default() -> Self {
        CallOrder { groups: Group::ALL }
    }
}

impl CallOrder {
    /// An order naming each group once.
    pub fn new(groups: [Group; 4]) -> Result<CallOrder, CallOrderError> {
        let each_once = Group::ALL.iter().all(|g| groups.contains(g));
        if each_once {
            Ok(CallOrder { groups })
        } else {
            Err(CallOrderError::NotEachOnce)
        }
    }

    /// The groups, first called first.
    pub fn groups(&self) -> [Group; 4] {
        self.groups
    }

    /// Stored as its groups' words, comma separated ("emergency,due,walk_in,early").
    pub fn as_text(&self) -> String {
        self.groups.map(Group::as_str).join(",")
    }

    /// Parses [`CallOrder::as_text`].
    pub fn parse(text: &str) -> Result<CallOrder, CallOrderError> {
        let words: Vec<&str> = text.split(',').collect();
        let mut groups = Vec::with_capacity(words.len());
        for word in words {
            let group = Group::parse(word)
                .ok_or_else(|| CallOrderError::Unknown(super::time::echo(word.trim())))?;
            groups.push(group);
        }
        let groups: [Group; 4] = groups.try_into().map_err(|_| CallOrderError::NotEachOnce)?;
        CallOrder::new(groups)
    }

    fn rank(&self, group: Group) -> usize {
        self.groups
            .iter()
            .position(|g| *g == group)
            .unwrap_or(self.groups.len())
    }
}

/// The number a walk-in's token holds ("W-007" is 7); a token that cannot be read goes last.
fn token_number(appointment: &Appointment) -> u32 {
    super::queue::parse(&appointment.queue_token).map_or(u32::MAX, |(_, n)| n)
}

/// The key a waiting appointment is called by: group rank, then within the group (emergencies
/// by arrival, appointments by start, walk-ins by token number), then arrival, then id, so the
/// same waiting room always gives the same answer.
fn call_key(
    a: &Appointment,
    order: &CallOrder,
    now: DateTime<Utc>,
) -> (usize, (u32, DateTime<Utc>), DateTime<Utc>, AppointmentId) {
    let group = Group::of(a, now);
    let within = match group {
        Group::Emergency => (0, a.arrived_at.unwrap_or(a.interval.start)),
        Group::Due | Group::Early => (0, a.interval.start),
        Group::WalkIn => (token_number(a), a.interval.start),
    };
    (
        order.rank(group),
        within,
        a.arrived_at.unwrap_or(a.interval.start),
        a.id,
    )
}

/// Who of `waiting` is called next at `now` by `order`: only patients who arrived and were not
/// called yet (status checked in) are candidates. Within a group: emergencies by arrival,
/// appointments by start, walk-ins by token number; ties by arrival, then by id, so the same
/// waiting room always gives the same answer.
pub fn next(
    waiting: &[Appointment],
    order: &CallOrder,
    now: DateTime<Utc>,
) -> Option<AppointmentId> {
    next_after_calls(waiting, &[], order, now)
}

/// How long a patient sent back to the queue ("not here") waits before "call next" may call
/// them again ahead of others: they keep their place among those sent back, but a desk
/// pressing "call next" at once calls someone who is here, rather than spending the clinic's
/// calls on the same patient in a minute.
pub const RECALL_AFTER: chrono::Duration = chrono::Duration::minutes(5);

/// [`next`], knowing each patient's last call (`last_calls`): a patient last called less than
/// [`RECALL_AFTER`] ago comes after everyone else (and is called again when nobody else waits).
pub fn next_after_calls(
    waiting: &[Appointment],
    last_calls: &[(AppointmentId, DateTime<Utc>)],
    order: &CallOrder,
    now: DateTime<Utc>,
) -> Option<AppointmentId> {
    let resting = |a: &Appointment| {
        last_calls
            .iter()
            .any(|(id, at)| *id == a.id && now - *at < RECALL_AFTER)
    };
    waiting
        .iter()
        .filter(|a| a.status == Status::CheckedIn)
        .min_by_key(|a| (resting(a), call_key(a, order, now)))
        .map(|a| a.id)
}

/// The patients of `waiting` not yet called (status checked in), in the order they will be
/// called at `now` (the first is [`next`]'s answer).
pub fn in_call_order<'a>(
    waiting: &'a [Appointment],
    order: &CallOrder,
    now: DateTime<Utc>,
) -> Vec<&'a Appointment> {
    let mut queue: Vec<&Appointment> = waiting
        .iter()
        .filter(|a| a.status == Status::CheckedIn)
        .collect();
    queue.sort_by_key(|a| call_key(a, order, now));
    queue
}

/// What "not here" does with a patient called `calls` times (this call included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotHere {
    /// Back to the queue, where they were, to be called again.
    BackToQueue,
    /// Called as often as the clinic allows: marked as a no-show.
    NoShow,
}

/// "Not here" after `calls` calls, with the clinic's limit of calls (at least 1).
pub fn not_here(calls: u32, limit: u32) -> NotHere {
    if calls >= limit.max(1) {
        NotHere::NoShow
    } else {
        NotHere::BackToQueue
    }
}
