//! The desk's undo and redo: a bounded history of its changes (Ctrl+Z undoes the newest,
//! Ctrl+Shift+Z or Ctrl+Y redoes what was undone), each reversed by a new audited change in
//! the store, never by erasing, and each said in words.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::backend::{Backend, UiError};
use super::screen::Undoable;
use crate::scheduling::time::format_local;
use crate::scheduling::{Appointment, StatusAction};
use crate::store::{MoveRequest, Start};

/// How many changes the desk remembers; the oldest is forgotten beyond it.
pub const LIMIT: usize = 50;

/// Which way through the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Ctrl+Z: take back the newest change.
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y: make again the newest change undone.
    Redo,
}

/// The changes that can be undone (newest last) and those undone that can be redone.
#[derive(Debug, Default)]
pub struct History {
    done: VecDeque<Undoable>,
    undone: Vec<Undoable>,
    busy: bool,
}

impl History {
    /// A new change was made at the desk: it can be undone, and what was undone can no
    /// longer be redone (it would overwrite the new change).
    pub fn record(&mut self, change: Undoable) {
        self.undone.clear();
        self.push_done(change);
    }

    fn push_done(&mut self, change: Undoable) {
        self.done.push_back(change);
        while self.done.len() > LIMIT {
            self.done.pop_front();
        }
    }

    /// True when Ctrl+Z has something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// True when Ctrl+Y has something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// How many changes can be undone, and how many redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.done.len(), self.undone.len())
    }

    /// The change to reverse next in `direction`, taken off its stack; `None` when there is
    /// none or a reversal is still under way (one at a time keeps the stacks in order).
    pub fn take(&mut self, direction: Direction) -> Option<Undoable> {
        if self.busy {
            return None;
        }
        let change = match direction {
            Direction::Undo => self.done.pop_back(),
            Direction::Redo => self.undone.pop(),
        };
        self.busy = change.is_some();
        change
    }

    /// True while an undo or redo is being stored.
    pub fn busy(&self) -> bool {
        self.busy
    }

    /// A reversal finished. When it was stored, `inverse` (the change that takes it back)
    /// goes on the other stack. When the store refused it (the appointment changed since),
    /// the change is dropped: it can no longer be reversed, and the rest of the history,
    /// older changes and changes to redo, stays as it was.
    pub fn finished(&mut self, direction: Direction, inverse: Option<Undoable>) {
        self.busy = false;
        let Some(inverse) = inverse else {
            return;
        };
        match direction {
            Direction::Undo => self.undone.push(inverse),
            Direction::Redo => self.push_done(inverse),
        }
        while self.undone.len() > LIMIT {
            self.undone.remove(0);
        }
    }
}

/// A short description of an appointment for what an undo says: "Asha Rao's appointment of
/// 2026-11-24 10:05".
fn what(zone: Tz, a: &Appointment, name: &str) -> String {
    crate::t!(
        "undo-appointment-of",
        patient = name,
        when = format_local(zone, a.interval.start)
    )
}

/// Reverses `change` in the store with a new audited change, and returns what was done in
/// words and the change that would reverse this reversal (for the other stack).
pub async fn reverse(
    backend: Backend,
    change: Undoable,
    direction: Direction,
    zone: Tz,
    actor: String,
    now: DateTime<Utc>,
) -> Result<(String, Undoable), UiError> {
    let verb = match direction {
        Direction::Undo => crate::t!("undo-undone"),
        Direction::Redo => crate::t!("undo-redone"),
    };
    let id = match &change {
        Undoable::Booked(id) => *id,
        Undoable::Moved(before) => before.id,
        Undoable::Status { before, .. } => before.id,
    };
    // How the appointment is now: what the reversal's own reversal restores.
    // (The history is read as the details panel reads it, and not used here.)
    let (entry, _) = backend
        .run(move |s| Ok((s.appointment(id)?, s.history(id)?)))
        .await?;
    let current = entry.appointment.clone();
    let name = crate::text::isolate(&entry.patient_name).into_owned();
    match change {
        Undoable::Booked(_) => {
            // Kept in the history as every desk writes it: in English.
            let english = crate::i18n::Language::English;
            let reason = match direction {
                Direction::Undo => crate::t_in!(english, "undo-undone-reason"),
                Direction::Redo => crate::t_in!(english, "undo-redone-reason"),
            };
            let action = StatusAction::EnteredInError { reason };
            backend
                .run(move |s| s.change_status(id, &action, &actor, now))
                .await?;
            Ok((
                crate::t!(
                    "undo-booking-entered-in-error",
                    verb = &verb,
                    what = what(zone, &current, &name)
                ),
                Undoable::Status {
                    before: Box::new(current),
                    after: crate::scheduling::Status::EnteredInError,
                },
            ))
        }
        Undoable::Moved(before) => {
            let request = MoveRequest {
                appointment: before.id,
                start: Start::At(before.interval.start),
                doctor: Some(before.doctor),
                room: before.room,
                overbook: None,
            };
            let moved = backend
                .run(move |s| s.move_appointment(&request, &actor, now))
                .await?;
            Ok((
                crate::t!(
                    "undo-moved-back",
                    verb = &verb,
                    patient = &name,
                    back = format_local(zone, moved.appointment.interval.start),
                    was = format_local(zone, current.interval.start)
                ),
                Undoable::Moved(Box::new(current)),
            ))
        }
        Undoable::Status { before, after } => {
            let restored = backend
                .run(move |s| s.revert_status(before.id, after, &before, &actor, now))
                .await?;
            Ok((
                crate::t!(
                    "undo-status-again",
                    verb = &verb,
                    what = what(zone, &restored, &name),
                    status = restored.status.label(),
                    was = current.status.label()
                ),
                Undoable::Status {
                    before: Box::new(current),
                    after: restored.status,
                },
            ))
        }
    }
}
