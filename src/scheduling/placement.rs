//! Where a click or a drop on the calendar puts an appointment: the clinic's click grid (the
//! slot length and the visit types' lengths), a click snapped to it and to the edges of the
//! free gap clicked, and the room a dragged appointment takes in its new column.

use super::model::{RoomId, RoomKind};

/// The grid clicks snap to: the greatest common divisor of the clinic's slot length and its
/// visit types' lengths (15, 10 and 45 give 5), so every time a visit can start on is
/// reachable by a click. Zero lengths are ignored; the grid is 1 to 60 minutes.
pub fn click_grid(slot_minutes: u32, visit_minutes: &[u32]) -> u16 {
    let gcd = |mut a: u32, mut b: u32| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let g = std::iter::once(slot_minutes)
        .chain(visit_minutes.iter().copied())
        .filter(|&m| m > 0)
        .fold(0, gcd);
    g.clamp(1, 60) as u16
}

/// The start a click at `minute` offers: the grid time at or before it, but never before the
/// start of the free gap clicked (`gap`, minutes after local midnight). A click in a
/// 10-minute gap from 10:05 to 10:15 offers 10:05, not the 10:00 a 15-minute grid gives.
/// A click outside the gap, or a zero grid, is handled without panicking: the result is
/// always within `gap` when the click is.
pub fn snap_click(minute: u16, grid: u16, gap: (u16, u16)) -> u16 {
    let grid = grid.max(1);
    let down = minute - minute % grid;
    if minute >= gap.0 && minute < gap.1 {
        down.max(gap.0)
    } else {
        down
    }
}

/// The free gap around `minute` in a column: from the end of the last busy span before it
/// (or `bounds.0`) to the start of the first busy span after it (or `bounds.1`). `busy` spans
/// are minutes after local midnight, in any order; `None` when `minute` is inside one.
pub fn gap_around(minute: u16, busy: &[(u16, u16)], bounds: (u16, u16)) -> Option<(u16, u16)> {
    if busy.iter().any(|&(s, e)| s <= minute && minute < e) {
        return None;
    }
    let start = busy
        .iter()
        .filter(|&&(_, e)| e <= minute)
        .map(|&(_, e)| e)
        .fold(bounds.0, u16::max);
    let end = busy
        .iter()
        .filter(|&&(s, _)| s > minute)
        .map(|&(s, _)| s)
        .fold(bounds.1, u16::min);
    (start <= minute && minute < end).then_some((start, end))
}

/// A room of the clinic as a drop sees it: its kind and whether it is free for the whole new
/// time (no other appointment holding it then).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomAtDrop {
    /// The room.
    pub id: RoomId,
    /// What it is used for.
    pub kind: RoomKind,
    /// Free for the new time.
    pub free: bool,
}

/// The room a dropped appointment takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomChoice {
    /// It had no room and gets none (a phone visit, say).
    NoRoom,
    /// Dropped on a room's column: that room.
    Column(RoomId),
    /// The room it had is free then: it stays.
    Kept(RoomId),
    /// The room it had is taken then: a free room of the same kind instead.
    Switched {
        /// The room it had.
        from: RoomId,
        /// The free room it takes.
        to: RoomId,
    },
    /// The room it had is taken and no room of its kind is free: it keeps the room and the
    /// move's conflict check says why it cannot go there.
    NoneFree(RoomId),
}

impl RoomChoice {
    /// The room the move asks for.
    pub fn room(self) -> Option<RoomId> {
        match self {
            RoomChoice::NoRoom => None,
            RoomChoice::Column(r)
            | RoomChoice::Kept(r)
            | RoomChoice::Switched { to: r, .. }
            | RoomChoice::NoneFree(r) => Some(r),
        }
    }
}

/// The room for a drop. On a room's column (the by-room views) the column's room. Otherwise
/// (the by-doctor views) the room it has when that is free for the new time, else the first
/// free room of the same kind in `rooms`' order, else the room it has (and the conflict
/// check refuses with the clash). `current_kind` is the kind of the room it has.
pub fn room_for_drop(
    column_room: Option<RoomId>,
    current: Option<(RoomId, RoomKind)>,
    rooms: &[RoomAtDrop],
) -> RoomChoice {
    if let Some(room) = column_room {
        return RoomChoice::Column(room);
    }
    let Some((room, kind)) = current else {
        return RoomChoice::NoRoom;
    };
    let free = |id: RoomId| rooms.iter().any(|r| r.id == id && r.free);
    if free(room) {
        return RoomChoice::Kept(room);
    }
    match rooms
        .iter()
        .find(|r| r.free && r.kind == kind && r.id != room)
    {
        Some(other) => RoomChoice::Switched {
            from: room,
            to: other.id,
        },
        None => RoomChoice::NoneFree(room),
    }
}
