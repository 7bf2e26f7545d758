//! The window and the day's queue: an arrived patient dragged to another day of the week view
//! stays where they are, and the desk reads why and what to do instead.

use frontdesk::gui::app::WeekOf;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::widget::Choice;
use frontdesk::scheduling::*;

mod gui_harness;
use gui_harness::Harness;

fn appointment(h: &Harness, id: AppointmentId) -> Appointment {
    h.desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("on the calendar")
        .appointment
        .clone()
}

#[test]
fn an_arrived_patient_dragged_to_another_day_stays_and_the_desk_is_told_why() {
    let mut h = Harness::with_demo();
    let today = h.desk().date;
    let booking = h.upcoming_booking().appointment;
    let (id, doctor) = (booking.id, booking.doctor);
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    h.click("Check in");
    assert_eq!(appointment(&h, id).status, Status::CheckedIn);
    let arrived = appointment(&h, id);
    h.send(DeskMessage::Week(Choice::new(
        WeekOf::Doctor(doctor),
        String::new(),
    )));
    let (column, minute) = h
        .desk()
        .columns
        .iter()
        .enumerate()
        .find_map(|(c, col)| {
            (col.date != today && col.doctor == Some(doctor))
                .then(|| col.open.first().map(|(open, _)| (c, *open)))
                .flatten()
        })
        .expect("another working day in the week");
    h.send(DeskMessage::Grid(GridEvent::Dropped(id, column, minute)));
    let error = h.app.error().cloned().unwrap_or_default();
    assert!(
        error.contains("this patient has arrived (checked in) on")
            && error.contains("book a new appointment then and cancel this one"),
        "{error}"
    );
    assert_eq!(appointment(&h, id), arrived, "nothing changed");
}
