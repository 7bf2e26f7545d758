//! The screens beside the calendar. Each owns its `State` and `Message`; its `update` returns
//! the work to run and, when done, an `Event` for the app, so screens never reach into it.

pub mod booking;
pub mod details;
pub mod today;
pub mod walk_in;

use chrono::{DateTime, Utc};

use super::backend::{Backend, Setup};
use crate::scheduling::Clinic;

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
}
