//! Multi-level undo and redo at the desk (issue 13, point 8): three changes undone one by one
//! and redone, with the store checked at every step; an undo the store refuses says so and
//! keeps the rest of the history; the history is bounded.

use frontdesk::gui::Message;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::screen::Undoable;
use frontdesk::gui::undo::{Direction, History, LIMIT};
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use iced::keyboard::{Key, Modifiers};

mod gui_harness;
use gui_harness::{Harness, now};

fn ctrl(c: &str) -> Message {
    Message::Key(Key::Character(c.into()), Modifiers::CTRL)
}

fn ctrl_shift_z() -> Message {
    Message::Key(
        Key::Character("Z".into()),
        Modifiers::CTRL | Modifiers::SHIFT,
    )
}

fn stored(h: &Harness, id: AppointmentId) -> Appointment {
    SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("store")
        .appointment(id)
        .expect("appointment")
        .appointment
}

/// A scheduled appointment with no room, more than an hour ahead.
fn upcoming(h: &Harness, skip: &[AppointmentId]) -> Appointment {
    h.desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.room.is_none()
                && e.appointment.interval.start > now() + chrono::Duration::hours(1)
                && !skip.contains(&e.appointment.id)
        })
        .expect("an upcoming appointment")
        .appointment
        .clone()
}

#[test]
fn three_changes_undone_and_redone_with_the_store_checked_at_each_step() {
    let mut h = Harness::with_demo();
    // 1. A booking.
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", "Undo Me");
    h.click("New patient (register this name)");
    h.click("Book");
    let booked = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Undo Me")
        .expect("booked")
        .appointment
        .id;
    // 2. A status change, in the details panel.
    let confirmed = upcoming(&h, &[booked]);
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(
        confirmed.id,
    )));
    h.click("Confirm");
    assert_eq!(stored(&h, confirmed.id).status, Status::Confirmed);
    // 3. A move, by drag and drop.
    let moving = upcoming(&h, &[booked, confirmed.id]);
    let (column, minute) = h.free_slot(moving.interval.minutes() as u16);
    h.send(DeskMessage::Grid(GridEvent::Dropped(
        moving.id, column, minute,
    )));
    assert_eq!(h.app.error(), None);
    let moved = stored(&h, moving.id);
    assert_ne!(moved.interval, moving.interval);
    assert_eq!(h.desk().history.depth(), (3, 0));

    // Undo, newest first.
    h.send(ctrl("z"));
    assert_eq!(h.app.error(), None);
    assert_eq!(
        stored(&h, moving.id).interval,
        moving.interval,
        "moved back"
    );
    assert!(h.app.notice().unwrap_or_default().starts_with("Undone: "));
    h.send(ctrl("z"));
    assert_eq!(
        stored(&h, confirmed.id).status,
        Status::Scheduled,
        "unconfirmed"
    );
    h.send(ctrl("z"));
    assert_eq!(
        stored(&h, booked).status,
        Status::EnteredInError,
        "booking taken back"
    );
    assert_eq!(h.desk().history.depth(), (0, 3));
    h.send(ctrl("z"));
    assert_eq!(h.app.notice(), Some("Nothing to undo."));

    // Redo, oldest undone last: the booking first (Ctrl+Y), then the rest (Ctrl+Shift+Z).
    h.send(ctrl("y"));
    assert_eq!(h.app.error(), None);
    assert_eq!(stored(&h, booked).status, Status::Scheduled, "booking back");
    assert!(h.app.notice().unwrap_or_default().starts_with("Redone: "));
    h.send(ctrl_shift_z());
    assert_eq!(
        stored(&h, confirmed.id).status,
        Status::Confirmed,
        "confirmed again"
    );
    h.send(ctrl_shift_z());
    assert_eq!(
        stored(&h, moving.id).interval,
        moved.interval,
        "moved again"
    );
    assert_eq!(h.desk().history.depth(), (3, 0));
    h.send(ctrl("y"));
    assert_eq!(h.app.notice(), Some("Nothing to redo."));

    // And back once more: every step is a new audited change, nothing erased.
    h.send(ctrl("z"));
    assert_eq!(stored(&h, moving.id).interval, moving.interval);
    let history = SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("store")
        .history(moving.id)
        .expect("history");
    assert!(
        history.len() >= 4,
        "the move, its undo, redo and undo: {history:?}"
    );
    // A new change clears what could be redone.
    let other = upcoming(&h, &[booked, confirmed.id, moving.id]);
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(other.id)));
    h.click("Confirm");
    assert_eq!(h.desk().history.depth(), (3, 0));
}

#[test]
fn an_undo_the_store_refuses_says_so_and_keeps_the_rest_of_the_history() {
    let mut h = Harness::with_demo();
    let first = upcoming(&h, &[]);
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(first.id)));
    h.click("Confirm");
    let second = upcoming(&h, &[first.id]);
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(second.id)));
    h.click("Confirm");
    assert_eq!(h.desk().history.depth(), (2, 0));
    // Someone at another desk checks the second patient in.
    let mut other = SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("store");
    other
        .change_status(second.id, &StatusAction::CheckIn, "ravi", now())
        .expect("checked in elsewhere");
    h.send(ctrl("z"));
    let error = h.app.error().cloned().expect("the refusal is said");
    assert!(error.starts_with("Could not undo that change: "), "{error}");
    assert!(error.contains("changed since"), "{error}");
    assert!(error.contains("1 to undo, 0 to redo"), "{error}");
    assert_eq!(
        stored(&h, second.id).status,
        Status::CheckedIn,
        "nothing undone"
    );
    // The older change still undoes.
    h.send(ctrl("z"));
    assert_eq!(h.app.error(), None);
    assert_eq!(stored(&h, first.id).status, Status::Scheduled);
    assert_eq!(h.desk().history.depth(), (0, 1));
}

#[test]
fn the_history_is_bounded_and_one_reversal_runs_at_a_time() {
    let mut history = History::default();
    let id = |n: u128| AppointmentId(uuid::Uuid::from_u128(n));
    for n in 0..(LIMIT as u128 + 20) {
        history.record(Undoable::Booked(id(n)));
    }
    assert_eq!(history.depth(), (LIMIT, 0));
    // The newest is undone first; while it is stored, another undo waits.
    assert_eq!(
        history.take(Direction::Undo),
        Some(Undoable::Booked(id(LIMIT as u128 + 19)))
    );
    assert!(history.busy());
    assert_eq!(history.take(Direction::Undo), None);
    history.finished(Direction::Undo, Some(Undoable::Booked(id(999))));
    assert_eq!(history.depth(), (LIMIT - 1, 1));
    // A refused reversal drops only that change.
    assert!(history.take(Direction::Redo).is_some());
    history.finished(Direction::Redo, None);
    assert_eq!(history.depth(), (LIMIT - 1, 0));
    // The oldest kept is the 21st recorded.
    let mut last = None;
    while let Some(change) = history.take(Direction::Undo) {
        history.finished(Direction::Undo, None);
        last = Some(change);
    }
    assert_eq!(last, Some(Undoable::Booked(id(20))));
}
