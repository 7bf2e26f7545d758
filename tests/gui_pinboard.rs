//! The pinboard (issue 13, point 8, as in Open Dental): pin an appointment from its menu, go
//! to another day, click a free time there, and it moves; a refused place keeps it pinned;
//! Unpin puts it down; the move undoes like any other.

use chrono::Timelike;
use chrono_tz::Asia::Kolkata;
use frontdesk::gui::Message;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use iced::Point;
use iced::keyboard::{Key, Modifiers};

mod gui_harness;
use gui_harness::{Harness, now};

fn stored(h: &Harness, id: AppointmentId) -> Appointment {
    SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("store")
        .appointment(id)
        .expect("appointment")
        .appointment
}

fn pin(h: &mut Harness) -> Appointment {
    let a = h
        .desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.kind == Kind::Scheduled
                && e.appointment.room.is_none()
                && e.appointment.interval.start > now() + chrono::Duration::hours(1)
        })
        .expect("an upcoming appointment")
        .appointment
        .clone();
    h.send(DeskMessage::Grid(GridEvent::BlockMenu(
        a.id,
        Point::new(50.0, 50.0),
    )));
    h.click("Pin: move to another day");
    assert_eq!(
        h.desk().pinboard.pinned.as_ref().map(|p| p.appointment.id),
        Some(a.id)
    );
    h.ui(|ui| {
        ui.find("Unpin").expect("the pinboard strip");
    });
    a
}

#[test]
fn a_pinned_appointment_moves_to_the_free_time_clicked_on_another_day() {
    let mut h = Harness::with_demo();
    let a = pin(&mut h);
    h.send(DeskMessage::Next);
    let tomorrow = h.desk().date;
    let column = h
        .desk()
        .columns
        .iter()
        .position(|c| c.doctor == Some(a.doctor))
        .expect("the doctor works tomorrow");
    // A time the doctor does not work is refused, and the pin stays.
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, 2 * 60)));
    assert!(h.app.error().is_some(), "02:00 is refused");
    assert_eq!(stored(&h, a.id).interval, a.interval, "not moved");
    assert!(h.desk().pinboard.pinned.is_some(), "still pinned");
    // A free time: it moves there, with its doctor, and leaves the pinboard.
    let minute = (9 * 60..17 * 60)
        .step_by(5)
        .find(|&m| {
            let len = a.interval.minutes() as u16;
            let open = h.desk().columns[column]
                .open
                .iter()
                .any(|&(o, c)| o <= m && m + len <= c);
            open && !h.desk().blocks.iter().any(|b| {
                b.column == column
                    && h.desk().entries[b.entry].appointment.status.holds_time()
                    && b.minutes.0 < m + len
                    && m < b.minutes.1
            })
        })
        .expect("a free time tomorrow");
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    assert_eq!(h.app.error(), None);
    let moved = stored(&h, a.id);
    let local = moved.interval.start.with_timezone(&Kolkata);
    assert_eq!(local.date_naive(), tomorrow);
    assert_eq!((local.hour() * 60 + local.minute()) as u16, minute);
    assert_eq!(moved.doctor, a.doctor);
    assert!(h.desk().pinboard.pinned.is_none(), "off the pinboard");
    assert!(
        !matches!(h.desk().panel, Panel::Booking(_)),
        "no booking form for the click"
    );
    // Named in words once the grid has it: who, with whom, and the new day and time.
    let notice = h.app.notice().map(str::to_owned).unwrap_or_default();
    assert!(
        notice.starts_with("Moved ")
            && notice.contains(&tomorrow.format("%a %-d %b").to_string())
            && notice.ends_with("Ctrl+Z undoes it."),
        "{notice}"
    );
    // Ctrl+Z takes it back to its day and time.
    h.send(Message::Key(Key::Character("z".into()), Modifiers::CTRL));
    assert_eq!(stored(&h, a.id).interval, a.interval);
}

#[test]
fn unpin_puts_it_down_and_a_click_books_again() {
    let mut h = Harness::with_demo();
    let a = pin(&mut h);
    h.click("Unpin");
    assert!(h.desk().pinboard.pinned.is_none());
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    assert!(matches!(h.desk().panel, Panel::Booking(_)));
    assert_eq!(stored(&h, a.id).interval, a.interval, "not moved");
}
