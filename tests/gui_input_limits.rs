//! The window's number, date and time fields against absurd input, headless: a length of a
//! trillion minutes, a time with seconds, a date near the end of chrono's calendar. Each is
//! refused under its field with what to write, nothing is saved, and nothing panics (before,
//! the booking form's live check and a move to such a date overflowed a date sum).

use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::screen::{booking, details};

mod gui_harness;
use gui_harness::Harness;

/// The message is on screen.
fn shows(h: &mut Harness, message: &'static str) {
    h.ui(|ui| {
        ui.find(message)
            .unwrap_or_else(|e| panic!("\"{message}\" is not shown: {e:?}"));
    });
}

#[test]
fn the_booking_form_refuses_an_absurd_length_and_a_time_with_seconds() {
    let mut h = Harness::with_demo();
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", "Meera Krishnan");
    h.click("New patient (register this name)");
    let time = format!("{:02}:{:02}", minute / 60, minute % 60);
    let length = "Write the length as minutes from 1 to 480, e.g. 15.";
    for (time, minutes, says) in [
        (time.clone(), "1000000000000", length),
        (time.clone(), "9223372036854775807", length),
        (time.clone(), "-5", length),
        (time.clone(), "481", length),
        (
            "10:00:17".to_owned(),
            "15",
            "The start time \"10:00:17\" has seconds: times are whole minutes, so write 10:00.",
        ),
    ] {
        // Each change runs the live conflict check, as typing does.
        h.send(DeskMessage::Booking(booking::Message::Minutes(
            minutes.into(),
        )));
        h.send(DeskMessage::Booking(booking::Message::Time(time)));
        assert!(matches!(h.desk().panel, Panel::Booking(_)));
        h.click("Book");
        shows(&mut h, says);
        assert!(
            h.desk()
                .entries
                .iter()
                .all(|e| e.patient_name != "Meera Krishnan"),
            "nothing booked for {minutes}"
        );
    }
}

#[test]
fn a_move_to_a_date_out_of_range_or_a_time_with_seconds_is_refused() {
    let mut h = Harness::with_demo();
    let entry = h.upcoming_booking().appointment;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(entry.id)));
    for (date, time, says) in [
        (
            "+262142-12-31",
            "10:00",
            "The new date \"+262142-12-31\" is out of range: give a date from 1900-01-01 to 2199-12-31, written YYYY-MM-DD.",
        ),
        (
            "2026-11-25",
            "10:00:30",
            "The new time \"10:00:30\" has seconds: times are whole minutes, so write 10:00.",
        ),
    ] {
        h.send(DeskMessage::Details(details::Message::MoveDate(
            date.into(),
        )));
        h.send(DeskMessage::Details(details::Message::MoveTime(
            time.into(),
        )));
        h.click("Move appointment");
        shows(&mut h, says);
        let now = h
            .desk()
            .entries
            .iter()
            .find(|e| e.appointment.id == entry.id)
            .expect("still there")
            .appointment
            .clone();
        assert_eq!(now.interval, entry.interval, "not moved");
    }
}

#[test]
fn going_to_a_date_out_of_range_says_so_and_stays() {
    let mut h = Harness::with_demo();
    let today = h.desk().date;
    for typed in ["+262142-12-31", "2200-01-01", "1899-12-31"] {
        h.send(DeskMessage::DateText(typed.into()));
        h.send(DeskMessage::GoToDate);
        let error = h.app.error().cloned().expect("explained");
        assert!(
            error.contains("is out of range: give a date from 1900-01-01 to 2199-12-31"),
            "{error}"
        );
        assert_eq!(h.desk().date, today, "{typed}: the calendar stays");
    }
}
