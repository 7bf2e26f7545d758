//! The right-click menu of a block (issue 13, point 8): its actions change the store as the
//! details panel's buttons do (the same audit rows, the same undo), Escape and a click outside
//! close it.

use frontdesk::gui::Message;
use frontdesk::gui::block_menu::Action;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::scheduling::*;
use frontdesk::store::{AuditEvent, SqliteStore, Store};
use iced::Point;
use iced::keyboard::{Key, Modifiers, key::Named};

mod gui_harness;
use gui_harness::{Harness, now};

fn store(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("store")
}

/// Scheduled appointments of today, after now, without the ones in `skip`.
fn upcoming(h: &Harness, skip: &[AppointmentId]) -> AppointmentId {
    h.desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.interval.start > now() + chrono::Duration::hours(1)
                && !skip.contains(&e.appointment.id)
        })
        .expect("upcoming")
        .appointment
        .id
}

fn open_menu(h: &mut Harness, id: AppointmentId) {
    h.send(DeskMessage::Grid(GridEvent::BlockMenu(
        id,
        Point::new(120.0, 160.0),
    )));
    assert_eq!(
        h.desk().block_menu.map(|m| m.id),
        Some(id),
        "the menu is open"
    );
}

/// The last audit row, without its time.
fn last_row(h: &Harness, id: AppointmentId) -> (String, String, String) {
    let rows: Vec<AuditEvent> = store(h).history(id).expect("history");
    let last = rows.last().expect("a row");
    (last.action.clone(), last.actor.clone(), last.reason.clone())
}

#[test]
fn confirm_and_check_in_from_the_menu_write_what_the_details_panel_writes() {
    let mut h = Harness::with_demo();
    // By the details panel.
    let by_panel = upcoming(&h, &[]);
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(by_panel)));
    h.click("Confirm");
    let panel_row = last_row(&h, by_panel);
    // By the menu, clicked on screen.
    let by_menu = upcoming(&h, &[by_panel]);
    h.send(DeskMessage::ClosePanel);
    open_menu(&mut h, by_menu);
    h.click("Confirm");
    assert_eq!(h.desk().block_menu, None, "a choice closes the menu");
    assert_eq!(
        store(&h)
            .appointment(by_menu)
            .expect("a")
            .appointment
            .status,
        Status::Confirmed
    );
    assert_eq!(last_row(&h, by_menu), panel_row, "the same audit row");
    assert_eq!(
        h.desk().history.depth(),
        (2, 0),
        "undoable like the panel's"
    );
    // Check in.
    open_menu(&mut h, by_menu);
    h.send(DeskMessage::BlockMenu(Action::CheckIn));
    assert_eq!(h.app.error(), None);
    assert_eq!(
        store(&h)
            .appointment(by_menu)
            .expect("a")
            .appointment
            .status,
        Status::CheckedIn
    );
    assert_eq!(last_row(&h, by_menu).0, "checked_in".to_owned());
}

#[test]
fn cancel_asks_for_the_reason_move_opens_the_form_and_copy_books_the_patient_again() {
    let mut h = Harness::with_demo();
    let id = upcoming(&h, &[]);
    let patient = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("entry")
        .patient_name
        .clone();
    open_menu(&mut h, id);
    h.send(DeskMessage::BlockMenu(Action::Cancel));
    let Panel::Details(_) = &h.desk().panel else {
        panic!("the details panel asks for the reason")
    };
    assert_eq!(
        store(&h).appointment(id).expect("a").appointment.status,
        Status::Scheduled,
        "nothing cancelled without a reason"
    );
    h.ui(|ui| {
        ui.find("Type why it is cancelled in the reason field, then press the button again: the reason is kept in the history.")
            .expect("the reason is asked for");
    });
    open_menu(&mut h, id);
    h.send(DeskMessage::BlockMenu(Action::Move));
    let Panel::Details(_) = &h.desk().panel else {
        panic!("the move form is in the details panel")
    };
    open_menu(&mut h, id);
    h.send(DeskMessage::BlockMenu(Action::Copy));
    let Panel::Booking(_) = &h.desk().panel else {
        panic!("the booking form")
    };
    let leaked: &'static str = Box::leak(patient.into_boxed_str());
    h.ui(|ui| {
        ui.find(leaked).expect("the patient is filled in");
    });
    assert_eq!(
        h.desk().date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("d")
    );
}

#[test]
fn escape_and_a_click_outside_close_the_menu() {
    let mut h = Harness::with_demo();
    let id = upcoming(&h, &[]);
    open_menu(&mut h, id);
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert_eq!(h.desk().block_menu, None);
    assert!(
        matches!(h.desk().panel, Panel::Today),
        "only the menu closed"
    );
    open_menu(&mut h, id);
    let messages: Vec<Message> = {
        let mut ui = iced_test::Simulator::with_size(
            iced::Settings::default(),
            (1280.0, 800.0),
            h.app.view(),
        );
        ui.point_at(Point::new(500.0, 600.0));
        ui.simulate(iced_test::simulator::click());
        ui.into_messages().collect()
    };
    for m in messages {
        h.send(m);
    }
    assert_eq!(h.desk().block_menu, None);
}
