//! The details panel's status buttons stay in place (issue 13, point 7): the same buttons in
//! the same places through Confirm → Check in → Start → Complete, those not allowed disabled.

use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use iced::Rectangle;

mod gui_harness;
use gui_harness::Harness;

const LABELS: [&str; 7] = [
    "Confirm",
    "Check in",
    "Start",
    "Complete",
    "No-show",
    "Cancel…",
    "Entered in error…",
];

fn places(h: &mut Harness) -> Vec<Rectangle> {
    let mut out = Vec::new();
    h.ui(|ui| {
        for label in LABELS {
            let found = ui
                .find(label)
                .unwrap_or_else(|e| panic!("\"{label}\" is shown: {e:?}"));
            out.push(found.bounds());
        }
    });
    out
}

fn status(h: &Harness, id: AppointmentId) -> Status {
    SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("store")
        .appointment(id)
        .expect("appointment")
        .appointment
        .status
}

#[test]
fn the_status_buttons_keep_their_places_through_every_step() {
    let mut h = Harness::with_demo();
    let id = h.upcoming_booking().appointment.id;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    let first = places(&mut h);
    for (button, after) in [
        ("Confirm", Status::Confirmed),
        ("Check in", Status::CheckedIn),
        ("Start", Status::InConsultation),
        ("Complete", Status::Completed),
    ] {
        h.click(button);
        assert_eq!(status(&h, id), after, "{button}");
        assert_eq!(places(&mut h), first, "the buttons after {button}");
    }
    // Completed: nothing is allowed, and a press changes nothing.
    h.click("Cancel…");
    assert_eq!(status(&h, id), Status::Completed);
}
