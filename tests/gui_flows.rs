//! The window, headless: iced_test's simulator clicks and types through the real views, and
//! every Task `update` returns is run (against a real temporary database) with its messages fed
//! back, so each flow goes view → Message → update → store → Message → state as in the app.

use chrono::Timelike;
use frontdesk::gui::app::Phase;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::screen::{details, walk_in};
use frontdesk::gui::widget::Choice;
use frontdesk::gui::{App, Message};
use frontdesk::scheduling::*;
use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::selector::id;

mod gui_harness;
use gui_harness::{Harness, now};

#[test]
fn the_first_run_offers_the_demo_and_shows_a_busy_day() {
    let h = Harness::with_demo();
    let desk = h.desk();
    assert_eq!(
        desk.date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
    );
    assert!(
        desk.columns.len() >= 10,
        "doctors working today: {}",
        desk.columns.len()
    );
    assert!(
        desk.entries.len() > 150,
        "appointments today: {}",
        desk.entries.len()
    );
    assert!(!desk.blocks.is_empty());
    assert!(
        !desk.today.is_empty(),
        "the today panel has the day's appointments"
    );
    assert_eq!(h.app.title(), "Frontdesk — Lotus Family Clinic");
}

#[test]
fn booking_from_an_empty_slot_by_clicking_and_typing() {
    let mut h = Harness::with_demo();
    let (column, minute) = h.free_slot(15);
    let doctor = h.desk().columns[column].doctor.expect("a doctor column");
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    assert!(
        matches!(h.desk().panel, Panel::Booking(_)),
        "the slot opens the booking form"
    );
    // Type a patient name that does not exist yet and register them inline.
    h.type_into("booking-patient", "Meera Krishnan");
    h.click("New patient (register this name)");
    h.click("Book");
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("a notice");
    assert!(notice.starts_with("Booked"), "{notice}");
    let booked = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Meera Krishnan")
        .expect("the booking appears at once");
    assert_eq!(booked.appointment.doctor, doctor);
    let local = booked
        .appointment
        .interval
        .start
        .with_timezone(&chrono_tz::Asia::Kolkata);
    assert_eq!((local.hour() * 60 + local.minute()) as u16, minute);
    assert_eq!(booked.appointment.status, Status::Scheduled);
    assert!(
        matches!(h.desk().panel, Panel::Details(_)),
        "the new booking's details open"
    );
}

#[test]
fn the_booking_form_shows_conflicts_live_and_overbooks_only_with_a_reason() {
    let mut h = Harness::with_demo();
    // An occupied slot ahead of now: the first scheduled block after 12:00.
    let (column, minute, other) = {
        let desk = h.desk();
        let b = desk
            .blocks
            .iter()
            .find(|b| {
                b.minutes.0 >= 12 * 60
                    && desk.entries[b.entry].appointment.status == Status::Scheduled
                    && desk.columns[b.column].doctor.is_some()
            })
            .expect("a booked slot");
        (
            b.column,
            b.minutes.0,
            desk.entries[b.entry].patient_name.clone(),
        )
    };
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", "Arun Kapoor");
    h.click("New patient (register this name)");
    let Panel::Booking(_) = &h.desk().panel else {
        panic!("form")
    };
    // The conflict is listed before saving, by names and times, not by the other
    // appointment's id.
    let mut shown = Vec::new();
    h.ui(|ui| {
        let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
            if let iced_test::selector::Candidate::Text { content, .. } = c
                && content.contains("is already booked then: ")
            {
                shown.push(content.to_owned());
            }
            None::<()>
        });
    });
    assert!(
        shown
            .iter()
            .any(|t| t.contains(&format!("then: {other} with "))),
        "{shown:?}"
    );
    assert!(
        shown.iter().all(|t| !t.contains("(appointment ")),
        "{shown:?}"
    );
    h.click("Book");
    assert!(
        h.desk()
            .entries
            .iter()
            .all(|e| e.patient_name != "Arun Kapoor"),
        "refused"
    );
    h.click("Overbook anyway");
    h.click("Book");
    assert!(
        h.desk()
            .entries
            .iter()
            .all(|e| e.patient_name != "Arun Kapoor"),
        "no reason, no overbook"
    );
    h.type_into("booking-overbook-reason", "Doctor agreed");
    h.click("Book");
    let booked = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Arun Kapoor")
        .expect("overbooked");
    assert_eq!(booked.overbook_reason.as_deref(), Some("Doctor agreed"));
}

#[test]
fn a_walk_in_gets_the_first_free_slot_and_a_queue_token() {
    let mut h = Harness::with_demo();
    h.click("Walk-in (Ctrl+I)");
    assert!(matches!(h.desk().panel, Panel::WalkIn(_)));
    h.type_into("walk-in-patient", "Farah Siddiqui");
    h.click("Add walk-in");
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("notice");
    assert!(notice.starts_with("Walk-in W-"), "{notice}");
    let walk_in = h
        .desk()
        .today
        .iter()
        .find(|e| e.patient_name == "Farah Siddiqui")
        .expect("in today's list");
    assert_eq!(walk_in.appointment.kind, Kind::WalkIn);
    assert_eq!(walk_in.appointment.status, Status::CheckedIn);
    assert!(walk_in.appointment.interval.start >= now() - chrono::Duration::minutes(1));
    assert!(walk_in.appointment.queue_token.starts_with("W-"));
}

#[test]
fn an_emergency_goes_in_now_and_shows_who_runs_late() {
    let mut h = Harness::with_demo();
    // The doctor with the busiest next hour.
    let doctor_name = {
        let desk = h.desk();
        let soon = |e: &&frontdesk::store::AgendaEntry| {
            let a = &e.appointment;
            a.interval.start >= now()
                && a.interval.start < now() + chrono::Duration::minutes(60)
                && a.status.holds_time()
        };
        let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for e in desk.entries.iter().filter(soon) {
            *counts.entry(e.doctor_name.clone()).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(n, c)| (*c, n.clone()))
            .expect("a busy doctor")
            .0
    };
    h.click("Walk-in (Ctrl+I)");
    h.type_into("walk-in-patient", "Chest Pain Patient");
    h.click("Emergency: see now, overbooking if it must");
    let doctor_id = h
        .desk()
        .entries
        .iter()
        .find(|e| e.doctor_name == doctor_name)
        .map(|e| e.appointment.doctor)
        .expect("doctor");
    h.send(DeskMessage::WalkIn(walk_in::Message::Doctor(Choice::new(
        Some(doctor_id),
        doctor_name.clone(),
    ))));
    h.click("Add emergency");
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("notice");
    assert!(notice.starts_with("Emergency E-"), "{notice}");
    assert!(notice.contains("run late"), "{notice}");
    let e = h
        .desk()
        .today
        .iter()
        .find(|e| e.patient_name == "Chest Pain Patient")
        .expect("booked");
    assert_eq!(e.appointment.kind, Kind::Emergency);
    assert_eq!(e.doctor_name, doctor_name);
    assert!(e.overbook_reason.is_some());
    assert!(
        !h.desk().late.is_empty(),
        "later appointments are marked late"
    );
}

fn select_upcoming(h: &mut Harness) -> AppointmentId {
    select_upcoming_where(h, |_| true)
}

fn select_upcoming_where(
    h: &mut Harness,
    also: impl Fn(&frontdesk::store::AgendaEntry) -> bool,
) -> AppointmentId {
    let id = h
        .desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.interval.start > now()
                && also(e)
        })
        .expect("an upcoming booking")
        .appointment
        .id;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    assert!(matches!(h.desk().panel, Panel::Details(_)));
    id
}

fn status_of(h: &Harness, id: AppointmentId) -> Status {
    h.desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .map(|e| e.appointment.status)
        .unwrap_or(Status::EnteredInError)
}

#[test]
fn cancelling_needs_a_reason_and_is_recorded() {
    let mut h = Harness::with_demo();
    let id = select_upcoming(&mut h);
    h.click("Cancel…");
    assert_eq!(status_of(&h, id), Status::Scheduled, "no reason, no cancel");
    // Said where the button was pressed, in view at 1280×800, not below the panel's fold.
    let mut said = None;
    h.ui(|ui| {
        let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
            if let iced_test::selector::Candidate::Text {
                content,
                visible_bounds,
                ..
            } = c
                && content.starts_with("Type why it is cancelled in the reason field")
            {
                said = Some(visible_bounds.is_some_and(|b| b.y + b.height <= 800.0));
            }
            None::<()>
        });
    });
    assert_eq!(said, Some(true), "the missing reason is said in view");
    h.type_into("details-reason", "Patient travelling");
    h.click("Cancel…");
    assert_eq!(h.app.error(), None);
    let after = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .map(|e| e.appointment.clone())
        .expect("still in the agenda");
    assert_eq!(after.status, Status::Cancelled);
    assert_eq!(
        after.cancellation.map(|c| c.reason),
        Some("Patient travelling".into())
    );
    let desk = h.desk();
    assert!(
        !desk
            .blocks
            .iter()
            .any(|b| desk.entries[b.entry].appointment.id == id),
        "cancelled appointments leave the grid unless shown"
    );
    h.ui(|ui| {
        ui.find("2026-11-24 11:00  cancelled by Arjun Iyer — Patient travelling")
            .expect("history line");
    });
}

#[test]
fn status_actions_follow_the_lifecycle() {
    let mut h = Harness::with_demo();
    let id = select_upcoming(&mut h);
    h.click("Confirm");
    assert_eq!(status_of(&h, id), Status::Confirmed);
    h.click("Check in");
    assert_eq!(status_of(&h, id), Status::CheckedIn);
    // The buttons stay in place (issue 13): those not allowed are there but do nothing.
    h.click("Confirm");
    assert_eq!(
        status_of(&h, id),
        Status::CheckedIn,
        "a checked-in appointment cannot be confirmed"
    );
    h.click("No-show");
    assert_eq!(status_of(&h, id), Status::CheckedIn, "nor marked no-show");
    h.click("Start");
    assert_eq!(status_of(&h, id), Status::InConsultation);
}

#[test]
fn moving_by_drag_and_drop_and_by_the_form() {
    let mut h = Harness::with_demo();
    // One without a room, so that only the doctor's time decides.
    let id = select_upcoming_where(&mut h, |e| e.appointment.room.is_none());
    let length = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .map(|e| e.appointment.interval.minutes() as u16)
        .expect("length");
    let original = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("selected")
        .appointment
        .clone();
    let (column, minute) = h.free_slot(length);
    h.send(DeskMessage::Grid(GridEvent::Dropped(id, column, minute)));
    assert_eq!(h.app.error(), None);
    let moved = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("moved")
        .clone();
    let local = moved
        .appointment
        .interval
        .start
        .with_timezone(&chrono_tz::Asia::Kolkata);
    assert_eq!((local.hour() * 60 + local.minute()) as u16, minute);
    assert_eq!(
        Some(moved.appointment.doctor),
        h.desk().columns[column].doctor
    );
    assert_eq!(moved.appointment.sequence, 1);
    // And with the form: back to where it was (freed by the move), typing time and doctor.
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    let Panel::Details(_) = &h.desk().panel else {
        panic!("details")
    };
    let was = original
        .interval
        .start
        .with_timezone(&chrono_tz::Asia::Kolkata);
    let doctor_name = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.doctor == original.doctor)
        .map(|e| e.doctor_name.clone())
        .expect("doctor name");
    h.send(DeskMessage::Details(details::Message::MoveDoctor(
        Choice::new(original.doctor, doctor_name),
    )));
    h.ui(|ui| {
        ui.click(iced_test::selector::id("details-move-time"))
            .expect("time field");
        for _ in 0..5 {
            let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
        }
    });
    let time: &'static str = Box::leak(was.format("%H:%M").to_string().into_boxed_str());
    h.type_into("details-move-time", time);
    h.click("Move appointment");
    let back = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("still today")
        .appointment
        .clone();
    assert_eq!(back.interval, original.interval, "moved back with the form");
    assert_eq!(back.doctor, original.doctor);
    assert_eq!(back.sequence, 2, "every move counts");
}

#[test]
fn stale_results_are_dropped_and_keys_navigate() {
    let mut h = Harness::with_demo();
    let today = h.desk().date;
    let entries = h.desk().entries.len();
    // A result from an older view generation is ignored.
    h.send(DeskMessage::Loaded(0, Ok(Vec::new())));
    assert_eq!(h.desk().entries.len(), entries);
    h.send(Message::Key(
        Key::Named(Named::PageDown),
        Modifiers::empty(),
    ));
    assert_eq!(h.desk().date, today + chrono::Duration::days(1));
    h.send(Message::Key(Key::Named(Named::Home), Modifiers::empty()));
    assert_eq!(h.desk().date, today);
    h.send(Message::Key(Key::Character("2".into()), Modifiers::empty()));
    assert!(
        h.desk().columns.iter().all(|c| c.room.is_some()),
        "rooms as columns"
    );
    h.send(Message::Key(
        Key::Named(Named::ArrowDown),
        Modifiers::empty(),
    ));
    h.send(Message::Key(Key::Named(Named::Enter), Modifiers::empty()));
    assert!(
        matches!(h.desk().panel, Panel::Booking(_) | Panel::Details(_)),
        "Enter opens the slot"
    );
    h.send(Message::Key(Key::Named(Named::F1), Modifiers::empty()));
    assert!(h.app.help);
    h.ui(|ui| {
        ui.find("Keyboard shortcuts").expect("help overlay");
    });
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(!h.app.help);
    h.send(Message::Key(Key::Character("3".into()), Modifiers::empty()));
    assert_eq!(h.desk().columns.len(), 7, "a week");
}

#[test]
fn a_database_that_is_not_ours_is_explained_in_the_window() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "not a database").expect("write");
    let runtime = frontdesk::gui::headless::runtime().expect("rt");
    let (app, task) = App::new(path, now());
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    match &h.app.phase {
        Phase::Failed(message) => {
            assert!(message.contains("not a Frontdesk database"), "{message}")
        }
        _ => panic!("the window says why it cannot open the file"),
    }
    h.ui(|ui| {
        ui.find("Frontdesk cannot open the database")
            .expect("shown");
    });
}

#[test]
fn view_options_go_to_a_date_and_choose_the_columns() {
    let mut h = Harness::with_demo();
    h.send(Message::Key(Key::Character("g".into()), Modifiers::CTRL));
    assert!(matches!(h.desk().panel, Panel::ViewOptions));
    h.ui(|ui| {
        ui.click(id("go-to-date")).expect("date field");
        for _ in 0..10 {
            let _ = ui.tap_key(Named::Backspace);
        }
        let _ = ui.typewrite("2026-12-01");
        let _ = ui.tap_key(Named::Enter);
    });
    assert_eq!(
        h.desk().date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    );
    assert!(
        h.desk().entries.iter().all(|e| e
            .appointment
            .interval
            .start
            .with_timezone(&chrono_tz::Asia::Kolkata)
            .date_naive()
            == chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")),
        "the view shows that day"
    );
    h.send(DeskMessage::DateText("1st of December".into()));
    h.send(DeskMessage::GoToDate);
    let error = h.app.error().cloned().expect("a bad date is explained");
    assert!(error.contains("YYYY-MM-DD"), "{error}");
    assert_eq!(
        h.desk().date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        "and changes nothing"
    );
    let first = h.desk().columns[0].clone();
    let count = h.desk().columns.len();
    let label = h
        .desk()
        .columns
        .first()
        .map(|c| format!("{} · {}", c.title, c.subtitle))
        .expect("a column");
    let label: &'static str = Box::leak(label.into_boxed_str());
    h.click(label);
    assert_eq!(h.desk().columns.len(), count - 1, "unticked doctor hidden");
    assert!(h.desk().columns.iter().all(|c| c.doctor != first.doctor));
}

#[test]
fn ctrl_z_undoes_the_last_change_without_erasing_history() {
    let mut h = Harness::with_demo();
    let ctrl_z = || Message::Key(Key::Character("z".into()), Modifiers::CTRL);
    // A booking: undo marks it entered in error.
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
    h.send(ctrl_z());
    assert_eq!(status_of(&h, booked), Status::EnteredInError);
    assert!(h.app.notice().unwrap_or_default().starts_with("Undone"));
    // A status change: undo puts the status back, as a new event.
    let id = select_upcoming(&mut h);
    h.click("Confirm");
    assert_eq!(status_of(&h, id), Status::Confirmed);
    h.click("Undo (Ctrl+Z)");
    assert_eq!(status_of(&h, id), Status::Scheduled);
    h.ui(|ui| {
        ui.find("Confirm").expect("confirmable again");
    });
    // A drag-and-drop move: undo moves it back.
    let moved = select_upcoming_where(&mut h, |e| e.appointment.room.is_none());
    let original = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == moved)
        .expect("there")
        .appointment
        .clone();
    let (column, minute) = h.free_slot(original.interval.minutes() as u16);
    h.send(DeskMessage::Grid(GridEvent::Dropped(moved, column, minute)));
    assert_eq!(h.app.error(), None);
    h.send(ctrl_z());
    let back = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == moved)
        .expect("there")
        .appointment
        .clone();
    assert_eq!(back.interval, original.interval, "moved back");
    assert_eq!(back.doctor, original.doctor);
    assert_eq!(back.sequence, 2, "the undo is a move of its own");
    h.send(ctrl_z());
    assert_eq!(h.app.notice(), Some("Nothing to undo."));
}

#[test]
fn the_command_palette_jumps_to_a_date_a_doctor_and_a_patient() {
    let mut h = Harness::with_demo();
    let ctrl_k = || Message::Key(Key::Character("k".into()), Modifiers::CTRL);
    let today = h.desk().date;
    let palette = |h: &mut Harness, words: &'static str| {
        h.send(ctrl_k());
        assert!(h.desk().palette.is_some(), "Ctrl+K opens the palette");
        h.ui(|ui| {
            ui.click(id("palette")).expect("palette field");
            let _ = ui.typewrite(words);
            let _ = ui.tap_key(Named::Enter);
        });
        assert!(h.desk().palette.is_none(), "a choice closes it");
    };
    palette(&mut h, "tomorrow");
    assert_eq!(h.desk().date, today + chrono::Duration::days(1));
    palette(&mut h, "anjali");
    let rao = h
        .desk()
        .entries
        .first()
        .map(|e| e.doctor_name.clone())
        .expect("the week has appointments");
    assert_eq!(rao, "Dr. Anjali Rao");
    assert_eq!(h.desk().columns.len(), 7, "Dr. Rao's week");
    // A patient with an appointment tomorrow: the palette finds it and opens it.
    let (patient, id) = h.upcoming_patient(chrono::Duration::hours(20));
    h.send(DeskMessage::Today);
    let name: &'static str = Box::leak(patient.clone().into_boxed_str());
    palette(&mut h, name);
    if h.desk().selected != Some(id) {
        // A namesake may have an earlier appointment: the one opened must be this patient's name.
        let selected = h.desk().selected.expect("an appointment is open");
        let shown = h
            .desk()
            .entries
            .iter()
            .find(|e| e.appointment.id == selected)
            .expect("shown");
        assert_eq!(shown.patient_name, patient);
    }
    assert!(matches!(h.desk().panel, Panel::Details(_)));
    h.send(ctrl_k());
    h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
    assert!(h.desk().palette.is_none(), "Escape closes it");
}

#[test]
fn editing_notes_in_the_details_panel_is_recorded() {
    let mut h = Harness::with_demo();
    let id = select_upcoming(&mut h);
    h.type_into("details-edit-notes", "Needs a wheelchair at the entrance");
    // The panel scrolls: the status buttons now keep two fixed rows at its top (issue 13).
    h.ui(|ui| {
        ui.point_at(iced::Point::new(1100.0, 500.0));
        let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
            delta: iced::mouse::ScrollDelta::Lines { x: 0.0, y: -20.0 },
        })]);
        ui.click("Save changes").expect("Save changes, scrolled to");
    });
    assert_eq!(h.app.error(), None);
    let notes = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .map(|e| e.appointment.notes.clone())
        .expect("there");
    assert_eq!(notes, "Needs a wheelchair at the entrance");
    h.ui(|ui| {
        ui.find("Needs a wheelchair at the entrance")
            .expect("shown in the facts");
        ui.find("2026-11-24 11:00  edited by Arjun Iyer")
            .expect("in the history");
    });
}

#[test]
fn booking_picks_an_existing_patient_from_the_typeahead() {
    let mut h = Harness::with_demo();
    let (name, phone, patient) = {
        let e = h
            .desk()
            .entries
            .iter()
            .find(|e| {
                e.patient_name
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ')
            })
            .expect("a patient");
        (
            e.patient_name.clone(),
            e.patient_phone.clone(),
            e.appointment.patient,
        )
    };
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    let typed: &'static str = Box::leak(name.clone().into_boxed_str());
    h.type_into("booking-patient", typed);
    let label: &'static str = Box::leak(format!("{name}  ·  {phone}").into_boxed_str());
    h.click(label);
    h.click("Book");
    assert_eq!(h.app.error(), None);
    let booked = h
        .desk()
        .entries
        .iter()
        .filter(|e| e.appointment.patient == patient)
        .any(|e| {
            let local = e
                .appointment
                .interval
                .start
                .with_timezone(&chrono_tz::Asia::Kolkata);
            (local.hour() * 60 + local.minute()) as u16 == minute
        });
    assert!(booked, "booked for the patient picked, not a new one");
}
