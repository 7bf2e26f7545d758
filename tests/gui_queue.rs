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

/// Today's waiting patients as the desk holds them, of one doctor.
fn waiting_of(h: &Harness, doctor: DoctorId) -> Vec<Appointment> {
    h.desk()
        .today
        .iter()
        .filter(|e| {
            e.appointment.doctor == doctor
                && e.appointment.status == Status::CheckedIn
                && e.appointment.mode == Mode::InClinic
        })
        .map(|e| e.appointment.clone())
        .collect()
}

fn today_status(h: &Harness, id: AppointmentId) -> Status {
    h.desk()
        .today
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("today")
        .appointment
        .status
}

/// Today's first booked in-person appointment still to come (not yet arrived).
fn upcoming_in_clinic(h: &Harness) -> Appointment {
    h.desk()
        .today
        .iter()
        .find(|e| {
            matches!(e.appointment.status, Status::Scheduled | Status::Confirmed)
                && e.appointment.interval.start > gui_harness::now()
                && e.appointment.mode == Mode::InClinic
                && e.appointment.kind == Kind::Scheduled
        })
        .expect("a booking still to come today")
        .appointment
        .clone()
}

/// Checks in today's first booked appointment of the desk's day that is still to come, as if
/// the patient had arrived `minutes_ago`, through the store (another desk), and lets the
/// desk see it.
fn arrived_earlier(h: &mut Harness, minutes_ago: i64) -> Appointment {
    let booking = upcoming_in_clinic(h);
    let mut store = frontdesk::store::SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("another desk");
    use frontdesk::store::Store;
    let arrived = store
        .change_status(
            booking.id,
            &StatusAction::CheckIn,
            "Kavya Menon",
            gui_harness::now() - chrono::Duration::minutes(minutes_ago),
        )
        .expect("checked in");
    h.send(DeskMessage::Tick(gui_harness::now()));
    arrived
}

#[test]
fn call_next_in_the_today_panel_calls_the_doctors_next_patient_by_the_call_order() {
    let mut h = Harness::with_demo();
    let arrived = arrived_earlier(&mut h, 5);
    let doctor = arrived.doctor;
    let waiting = waiting_of(&h, doctor);
    let expected =
        frontdesk::scheduling::call_order::next(&waiting, &Default::default(), gui_harness::now())
            .expect("someone waits");
    let name = h
        .desk()
        .today
        .iter()
        .find(|e| e.appointment.doctor == doctor)
        .expect("doctor")
        .doctor_name
        .clone();
    let label = format!("{name} ({})", waiting.len());
    h.click(Box::leak(label.into_boxed_str()));
    assert_eq!(today_status(&h, expected), Status::Called);
    let notice = h.desk().notice.clone().unwrap_or_default();
    assert!(notice.starts_with("Called "), "{notice}");
    assert!(
        h.texts().iter().any(|t| t == "Called (1)"),
        "the Today panel lists the call"
    );
    // The others still wait.
    assert_eq!(waiting_of(&h, doctor).len(), waiting.len() - 1);
}

#[test]
fn the_details_panel_calls_calls_again_and_sends_a_patient_not_here_back() {
    let mut h = Harness::with_demo();
    let arrived = arrived_earlier(&mut h, 5);
    h.send(DeskMessage::Select(arrived.id));
    h.click("Call");
    assert_eq!(today_status(&h, arrived.id), Status::Called);
    h.click("Call again");
    let store = frontdesk::store::SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("another desk");
    use frontdesk::store::WaitingRoom;
    assert_eq!(
        store.last_call(arrived.id).expect("read").map(|c| c.0),
        Some(2)
    );
    h.click("Not here");
    assert_eq!(
        today_status(&h, arrived.id),
        Status::CheckedIn,
        "2 calls of the clinic's 3: back in the queue"
    );
    let history = frontdesk::store::Store::history(
        &mut frontdesk::store::SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open"),
        arrived.id,
    )
    .expect("history");
    let last = history.last().expect("an event");
    assert_eq!(
        (
            last.action.as_str(),
            last.reason.as_str(),
            last.actor.as_str()
        ),
        ("checked_in", "not here at call 2 of 3", gui_harness::WHO)
    );
}

/// The Today panel's line of a waiting patient, found by their name and minutes waited.
fn waiting_line(h: &mut Harness, id: AppointmentId, minutes: &str) -> String {
    let name = h
        .desk()
        .today
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("today")
        .patient_name
        .clone();
    let texts = h.texts();
    texts
        .iter()
        .find(|t| t.contains(&name) && t.contains(minutes))
        .unwrap_or_else(|| panic!("{name} waiting {minutes} is listed: {texts:?}"))
        .clone()
}

#[test]
fn a_patient_waiting_longer_than_the_clinic_allows_is_marked_on_the_today_panel() {
    let mut h = Harness::with_demo();
    let arrived = arrived_earlier(&mut h, 35);
    let line = waiting_line(&mut h, arrived.id, "35 min");
    assert!(
        line.starts_with("⚠ ") && line.ends_with("(over 20 min)"),
        "marked as waiting too long: {line}"
    );
    // A patient who arrived 5 minutes ago is not marked.
    let recent = arrived_earlier(&mut h, 5);
    let line = waiting_line(&mut h, recent.id, "5 min");
    assert!(!line.contains('⚠'), "{line}");
}

#[test]
fn with_the_day_by_room_call_next_calls_a_rooms_next_patient() {
    let mut h = Harness::with_demo();
    h.send(DeskMessage::DayByRoom);
    let arrived = loop {
        let a = arrived_earlier(&mut h, 5);
        if a.room.is_some() {
            break a;
        }
    };
    let room = arrived.room.expect("a room");
    let (name, count) = {
        let today = &h.desk().today;
        let name = today
            .iter()
            .find(|e| e.appointment.room == Some(room))
            .and_then(|e| e.room_name.clone())
            .expect("the room's name");
        let count = today
            .iter()
            .filter(|e| {
                e.appointment.room == Some(room)
                    && e.appointment.status == Status::CheckedIn
                    && e.appointment.mode == Mode::InClinic
            })
            .count();
        (name, count)
    };
    let label = format!("{name} ({count})");
    h.click(Box::leak(label.into_boxed_str()));
    let called: Vec<Appointment> = h
        .desk()
        .today
        .iter()
        .filter(|e| e.appointment.status == Status::Called)
        .map(|e| e.appointment.clone())
        .collect();
    assert_eq!(called.len(), 1);
    assert_eq!(
        called[0].room,
        Some(room),
        "a patient of that room was called"
    );
}

/// The details panel shows a booked patient's self check-in code (the one their reminders
/// carry as `{code}`), for the desk to read out; not once they have arrived.
#[test]
fn the_details_panel_shows_the_self_check_in_code_until_the_patient_arrives() {
    use frontdesk::store::WaitingRoom;
    let mut h = Harness::with_demo();
    let booking = upcoming_in_clinic(&h);
    h.send(DeskMessage::Select(booking.id));
    let code = frontdesk::store::SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("open")
        .check_in_code(booking.id)
        .expect("code");
    let shown = format!("{} {}", &code[..3], &code[3..]);
    let texts = h.texts();
    assert!(texts.iter().any(|t| t == "Self check-in code"), "{texts:?}");
    assert!(texts.contains(&shown), "{shown} in {texts:?}");
    h.click("Check in");
    assert!(!h.texts().iter().any(|t| t == "Self check-in code"));
}
