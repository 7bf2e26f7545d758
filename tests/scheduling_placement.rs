//! Where a click or a drop on the calendar puts an appointment (issue 13, point 6): the click
//! grid, a click snapped to it and to the edges of the gap clicked, and a dropped
//! appointment's room.

use frontdesk::scheduling::placement::{
    RoomAtDrop, RoomChoice, click_grid, gap_around, room_for_drop, snap_click,
};
use frontdesk::scheduling::{RoomId, RoomKind};
use uuid::Uuid;

const fn hm(h: u16, m: u16) -> u16 {
    h * 60 + m
}

#[test]
fn the_click_grid_is_what_every_visit_can_start_on() {
    // (slot length, visit lengths, grid)
    let table: &[(u32, &[u32], u16)] = &[
        (15, &[15, 30, 10, 45, 10, 30, 15, 10], 5), // the demo clinic
        (15, &[15, 30, 45], 15),
        (20, &[20, 40], 20),
        (15, &[20], 5),
        (30, &[], 30),
        (0, &[0], 1),      // nothing usable: every minute
        (7, &[11], 1),     // coprime lengths
        (120, &[240], 60), // a coarse grid is kept to an hour at most
        (u32::MAX, &[u32::MAX], 60),
    ];
    for &(slot, visits, grid) in table {
        assert_eq!(
            click_grid(slot, visits),
            grid,
            "slot {slot}, visits {visits:?}"
        );
    }
}

#[test]
fn a_click_snaps_to_the_grid_and_to_the_start_of_its_gap() {
    // (clicked minute, grid, gap, offered start)
    let table = [
        // The issue: a 10-minute gap 10:05–10:15 on a 15-minute grid offers 10:05.
        (hm(10, 12), 15, (hm(10, 5), hm(10, 15)), hm(10, 5)),
        (hm(10, 5), 15, (hm(10, 5), hm(10, 15)), hm(10, 5)),
        (hm(10, 14), 5, (hm(10, 5), hm(10, 15)), hm(10, 10)),
        // A wide gap: the grid time at or before the click.
        (hm(11, 29), 15, (hm(10, 50), hm(12, 0)), hm(11, 15)),
        (hm(11, 29), 5, (hm(10, 50), hm(12, 0)), hm(11, 25)),
        (hm(10, 52), 15, (hm(10, 50), hm(12, 0)), hm(10, 50)),
        // The first minute of the day, and the last.
        (0, 15, (0, 30), 0),
        (hm(23, 59), 15, (hm(23, 50), hm(24, 0)), hm(23, 50)),
        // A zero grid counts as one minute.
        (hm(9, 7), 0, (hm(9, 0), hm(10, 0)), hm(9, 7)),
    ];
    for (minute, grid, gap, want) in table {
        let got = snap_click(minute, grid, gap);
        assert_eq!(got, want, "click {minute}, grid {grid}, gap {gap:?}");
        assert!(gap.0 <= got && got < gap.1, "{got} is inside {gap:?}");
    }
}

#[test]
fn the_gap_clicked_is_bounded_by_the_blocks_around_it() {
    let busy = [
        (hm(10, 15), hm(10, 30)),
        (hm(9, 50), hm(10, 5)),
        (hm(11, 0), hm(11, 45)),
    ];
    let day = (hm(9, 0), hm(18, 0));
    assert_eq!(
        gap_around(hm(10, 12), &busy, day),
        Some((hm(10, 5), hm(10, 15)))
    );
    assert_eq!(
        gap_around(hm(9, 10), &busy, day),
        Some((hm(9, 0), hm(9, 50)))
    );
    assert_eq!(
        gap_around(hm(17, 0), &busy, day),
        Some((hm(11, 45), hm(18, 0)))
    );
    assert_eq!(gap_around(hm(10, 20), &busy, day), None, "inside a block");
    assert_eq!(
        gap_around(hm(10, 15), &busy, day),
        None,
        "a block's first minute"
    );
    assert_eq!(
        gap_around(hm(10, 30), &busy, day),
        Some((hm(10, 30), hm(11, 0))),
        "a block's end is free"
    );
    assert_eq!(gap_around(hm(8, 0), &busy, day), None, "outside the bounds");
    // Overlapping (overbooked) blocks.
    let overbooked = [(hm(10, 0), hm(10, 30)), (hm(10, 10), hm(10, 20))];
    assert_eq!(
        gap_around(hm(10, 40), &overbooked, day),
        Some((hm(10, 30), hm(18, 0)))
    );
}

fn room(n: u128) -> RoomId {
    RoomId(Uuid::from_u128(n))
}

fn at(n: u128, kind: RoomKind, free: bool) -> RoomAtDrop {
    RoomAtDrop {
        id: room(n),
        kind,
        free,
    }
}

#[test]
fn a_drop_on_a_rooms_column_takes_that_room() {
    let rooms = [
        at(1, RoomKind::Consultation, false),
        at(2, RoomKind::Consultation, true),
    ];
    let choice = room_for_drop(
        Some(room(1)),
        Some((room(2), RoomKind::Consultation)),
        &rooms,
    );
    assert_eq!(choice, RoomChoice::Column(room(1)));
    assert_eq!(choice.room(), Some(room(1)));
}

#[test]
fn a_drop_on_a_doctors_column_keeps_the_room_when_it_is_free() {
    let rooms = [
        at(1, RoomKind::Consultation, true),
        at(2, RoomKind::Consultation, true),
    ];
    let choice = room_for_drop(None, Some((room(2), RoomKind::Consultation)), &rooms);
    assert_eq!(choice, RoomChoice::Kept(room(2)));
}

#[test]
fn a_drop_on_a_doctors_column_takes_a_free_room_of_the_same_kind_when_its_room_is_taken() {
    let rooms = [
        at(1, RoomKind::Procedure, true),
        at(2, RoomKind::Consultation, false),
        at(3, RoomKind::Consultation, false),
        at(4, RoomKind::Consultation, true),
        at(5, RoomKind::Consultation, true),
    ];
    let choice = room_for_drop(None, Some((room(2), RoomKind::Consultation)), &rooms);
    assert_eq!(
        choice,
        RoomChoice::Switched {
            from: room(2),
            to: room(4)
        }
    );
    assert_eq!(choice.room(), Some(room(4)));
    // No room of the kind free: it keeps its room and the conflict check refuses.
    let full = [
        at(1, RoomKind::Procedure, true),
        at(2, RoomKind::Consultation, false),
    ];
    assert_eq!(
        room_for_drop(None, Some((room(2), RoomKind::Consultation)), &full),
        RoomChoice::NoneFree(room(2))
    );
    // No room before: none after.
    assert_eq!(room_for_drop(None, None, &rooms), RoomChoice::NoRoom);
    assert_eq!(RoomChoice::NoRoom.room(), None);
}
