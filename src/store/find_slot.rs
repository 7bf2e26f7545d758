//! The slot search window by window: a week of bookings at a time up to the horizon (or the
//! end of the date range asked for), so that the common case, a slot this week, loads only a
//! week. The core decides which slots are free and inside the part of the day asked for; the
//! store orders the rooms so that "any room" prefers consultation rooms.

use super::sql::Db;
use chrono::{DateTime, Duration, Utc};

use super::SlotSearch;
use super::booking::clinic;
use super::context::{SLOT_WINDOW, clinic_calendar};
use super::error::Result;
use super::setup;
use crate::scheduling::model::*;
use crate::scheduling::slots::{Slot, TimeOfDay, find_slots_within};

/// Narrows a slot search: a part of the day, and the end of a date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotLimits {
    /// Only visits wholly inside this part of the day (clinic-local).
    pub time_of_day: TimeOfDay,
    /// No slot starts at or after this instant (e.g. the end of the last day of the range).
    pub until: Option<DateTime<Utc>>,
}

impl Default for SlotLimits {
    /// Any time of day, up to the search's horizon.
    fn default() -> Self {
        Self {
            time_of_day: TimeOfDay::Any,
            until: None,
        }
    }
}

/// The next free slots of `search`, within `limits` (see [`super::Store::find_slots_within`]).
pub fn find_slots_within_limits(
    conn: &Db,
    search: &SlotSearch,
    limits: &SlotLimits,
) -> Result<Vec<Slot>> {
    let clinic = clinic(conn, search.clinic)?;
    // Searching is bounded to ten years ahead, so no horizon can overflow a date.
    let days = Duration::days(search.horizon_days.clamp(0, 3660));
    let mut horizon = search
        .query
        .from
        .checked_add_signed(days)
        .unwrap_or(search.query.from);
    if let Some(until) = limits.until {
        horizon = horizon.min(until);
    }
    // "Any room" takes the first room free: consultation rooms before procedure rooms before
    // tele-booths, then by name, so an ordinary visit does not take a procedure room first.
    let rank = |kind: RoomKind| match kind {
        RoomKind::Consultation => 0,
        RoomKind::Procedure => 1,
        RoomKind::TeleBooth => 2,
    };
    let kinds: std::collections::HashMap<RoomId, u8> = setup::rooms(conn, clinic.id)?
        .into_iter()
        .map(|r| (r.id, rank(r.kind)))
        .collect();
    let mut found: Vec<Slot> = Vec::new();
    let mut window_start = search.query.from;
    while window_start < horizon && found.len() < search.query.count {
        let window_end = (window_start + SLOT_WINDOW).min(horizon);
        // Load a little past the window so a slot starting near its end is judged on full data.
        let loaded = Interval::new(
            window_start,
            window_end + Duration::minutes(MAX_APPOINTMENT_MINUTES),
        );
        let mut calendar = clinic_calendar(conn, &clinic, loaded, search.patient)?;
        calendar
            .rooms
            .sort_by_key(|r| kinds.get(&r.id).copied().unwrap_or(u8::MAX));
        let mut query = search.query;
        query.from = window_start;
        query.count = search.query.count - found.len();
        found.extend(find_slots_within(
            &calendar,
            search.target,
            &query,
            limits.time_of_day,
            window_end,
        ));
        window_start = window_end;
    }
    Ok(found)
}
