//! The screens beside the calendar. Each owns its `State` and `Message`; its `update` returns
//! the work to run and, when done, an `Event` for the app, so screens never reach into it.

pub mod access_log;
pub mod booking;
pub mod data;
pub mod details;
pub mod encryption;
pub mod find_slot;
pub mod occurrence;
pub mod offer;
pub mod offer_board;
pub mod palette;
pub mod palette_rank;
pub mod patient_search;
pub mod reminder_channels;
pub mod reminder_rules;
pub mod reminders;
pub mod repeat;
pub mod report_charts;
pub mod reports;
pub mod settings;
pub mod sign_in;
pub mod today;
pub mod video;
pub mod waitlist;
pub mod waitlist_form;
pub mod walk_in;

use chrono::{DateTime, Utc};

use super::backend::{Backend, Setup};
use crate::scheduling::{Appointment, AppointmentId, Clinic, Status};

/// A change the desk made that Ctrl+Z can undo (as a new audited change, never by erasing).
#[derive(Debug, Clone, PartialEq)]
pub enum Undoable {
    /// A booking, walk-in or emergency was made: undo marks it entered in error.
    Booked(AppointmentId),
    /// An appointment was moved; this is how it was before.
    Moved(Box<Appointment>),
    /// A status changed to `after`; `before` is how it was.
    Status {
        /// The appointment before the change.
        before: Box<Appointment>,
        /// The status it was changed to.
        after: Status,
    },
}

/// What every screen may read: the database handle, the clinic's setup, the clinic, the time
/// and who is at the desk.
pub struct Context<'a> {
    /// The database.
    pub backend: &'a Backend,
    /// Doctors, rooms, visit types.
    pub setup: &'a Setup,
    /// The clinic shown.
    pub clinic: &'a Clinic,
    /// Now.
    pub now: DateTime<Utc>,
    /// Who is at the desk.
    pub actor: &'a str,
    /// Their role: a screen offers only what it may do (the store refuses the rest anyway).
    pub role: crate::scheduling::permission::Role,
}

impl Context<'_> {
    /// Whether the signed-in role may do `action`.
    pub fn may(&self, action: crate::scheduling::permission::Action) -> bool {
        self.role.may(action)
    }
}
