//! The Settings page, headless: edits typed through the real views with iced_test's simulator,
//! every Task run against a real temporary database. Bad input shows the specific message and
//! changes nothing; a good edit is saved, audited with the staff member at the desk, and the
//! calendar follows at once; leave over booked appointments lists them first.

mod gui_harness;
use gui_harness::{Harness, now};

use chrono::{Duration, NaiveDate, Weekday};
use frontdesk::gui::Message;
use frontdesk::gui::calendar::{GridEvent, View};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::{Page, Panel};
use frontdesk::gui::screen::settings::Section;
use frontdesk::scheduling::at_risk::SetupChange;
use frontdesk::scheduling::time::{local_day, to_local};
use frontdesk::scheduling::*;
use frontdesk::store::{AgendaFilter, SqliteStore, Store};
use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced_test::selector::{Candidate, id};

/// The simulator on a window tall enough that every part of a long form is in view.
fn tall(h: &mut Harness, act: impl FnOnce(&mut iced_test::Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = iced_test::Simulator::with_size(
            iced::Settings::default(),
            (1280.0, 2400.0),
            h.app.view(),
        );
        act(&mut ui);
        ui.into_messages().collect()
    };
    for m in messages {
        h.send(m);
    }
}

fn click(h: &mut Harness, text: &str) {
    let text = text.to_owned();
    tall(h, |ui| {
        ui.click(text.as_str())
            .unwrap_or_else(|e| panic!("no \"{text}\" on screen: {e:?}"));
    });
}

/// Replaces a field's text the way a receptionist does: click, Ctrl+A, type.
fn replace(h: &mut Harness, field: &'static str, words: &str) {
    let words = words.to_owned();
    tall(h, |ui| {
        ui.click(id(field))
            .unwrap_or_else(|e| panic!("no field {field}: {e:?}"));
        let modifiers = |m| iced::Event::Keyboard(keyboard::Event::ModifiersChanged(m));
        ui.simulate([modifiers(Modifiers::CTRL)]);
        ui.simulate(iced_test::simulator::tap_key(
            Key::Character("a".into()),
            None,
        ));
        ui.simulate([modifiers(Modifiers::empty())]);
        if words.is_empty() {
            ui.tap_key(Named::Backspace);
        } else {
            ui.typewrite(&words);
        }
    });
}

/// Every text on screen (including parts scrolled out of view).
fn screen(h: &mut Harness) -> Vec<String> {
    let mut all = Vec::new();
    tall(h, |ui| {
        let _ = ui.find(|c: Candidate<'_>| {
            if let Candidate::Text { content, .. } = c {
                all.push(content.to_owned());
            }
            None::<()>
        });
    });
    all
}

/// What the text field with `field` as its id shows.
fn field_text(h: &mut Harness, field: &'static str) -> String {
    let mut found = None;
    tall(h, |ui| {
        let _ = ui.find(|c: Candidate<'_>| {
            if let Candidate::TextInput {
                id: Some(i), state, ..
            } = c
                && *i == iced::widget::Id::new(field)
            {
                found = Some(state.text().to_owned());
            }
            None::<()>
        });
    });
    found.unwrap_or_else(|| panic!("no field {field}"))
}

fn shows(h: &mut Harness, wanted: &str) -> bool {
    screen(h).iter().any(|t| t.contains(wanted))
}

fn store(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open the test database")
}

fn settings_open(h: &Harness) -> bool {
    matches!(h.desk().page, Page::Settings(_))
}

fn key(h: &mut Harness, key: Key) {
    h.send(Message::Key(key, Modifiers::default()));
}

#[test]
fn escape_on_settings_returns_to_the_calendar_and_calendar_keys_rest_meanwhile() {
    let mut h = Harness::with_demo();
    let date = h.desk().date;
    h.click("Settings");
    assert!(settings_open(&h), "the Settings tab opens the page");
    for k in [
        Key::Named(Named::PageDown),
        Key::Named(Named::PageUp),
        Key::Named(Named::Home),
        Key::Named(Named::ArrowDown),
        Key::Named(Named::Enter),
        Key::Character("1".into()),
        Key::Character("2".into()),
        Key::Character("3".into()),
        Key::Character("t".into()),
    ] {
        key(&mut h, k.clone());
        assert!(settings_open(&h), "{k:?} left Settings open");
    }
    assert_eq!(h.desk().date, date, "Page Down did not change the day");
    assert_eq!(h.desk().view, View::DayByDoctor, "2 did not switch views");
    assert_eq!(h.desk().cursor, None, "the arrows did not move the cursor");
    assert!(
        matches!(h.desk().panel, Panel::Today),
        "Enter booked nothing"
    );

    key(&mut h, Key::Named(Named::Escape));
    assert!(
        h.desk().page.is_calendar(),
        "Escape returns to the calendar"
    );
    // Back on the calendar the same keys work again.
    key(&mut h, Key::Character("2".into()));
    assert_eq!(h.desk().view, View::DayByRoom);
    key(&mut h, Key::Named(Named::PageDown));
    assert_eq!(h.desk().date, date + Duration::days(1));
}

#[test]
fn the_settings_page_is_kept_while_the_calendar_is_shown() {
    let mut h = Harness::with_demo();
    h.click("Settings");
    click(&mut h, "Staff");
    click(&mut h, "+ Add staff member");
    replace(&mut h, "staff-name", "Ritu Sharma");
    key(&mut h, Key::Named(Named::Escape));
    assert!(h.desk().page.is_calendar());
    h.click("Settings");
    let Page::Settings(state) = &h.desk().page else {
        panic!("Settings is shown")
    };
    assert_eq!(state.section(), Section::Staff, "back where it was");
    assert!(
        screen(&mut h).iter().any(|t| t == "New staff member"),
        "the unsaved form too"
    );
    click(&mut h, "Save staff member");
    assert!(
        store(&h)
            .staff()
            .expect("staff")
            .iter()
            .any(|s| s.name == "Ritu Sharma")
    );
}

#[test]
fn a_bad_clinic_edit_shows_each_message_by_its_field_and_changes_nothing() {
    let mut h = Harness::with_demo();
    let before = store(&h).clinics().expect("clinics");
    h.click("Settings");
    replace(&mut h, "clinic-name", "   ");
    replace(&mut h, "clinic-zone", "asia/kolkatta");
    replace(&mut h, "clinic-slot", "300");
    replace(&mut h, "clinic-hours-tue", "13:00–09:00");
    replace(&mut h, "clinic-hours-wed", "08:00–13:00, 12:00–20:00");
    click(&mut h, "Save clinic");
    let on_screen = screen(&mut h);
    for wanted in [
        "Nothing was saved: correct the fields marked in red, then save again.",
        "a clinic needs a name: type the name staff know it by",
        "\"asia/kolkatta\" is not a time zone: use an IANA name such as Asia/Kolkata",
        "the slot length must be a whole number of minutes from 5 to 240, not \"300\": e.g. 15",
        "13:00–09:00 ends before it starts: put the earlier time first, e.g. 09:00–13:00",
        "08:00–13:00 and 12:00–20:00 overlap: make them one span or let one end before the other starts",
    ] {
        assert!(
            on_screen.iter().any(|t| t.contains(wanted)),
            "missing {wanted:?} in {on_screen:#?}"
        );
    }
    let s = store(&h);
    assert_eq!(s.clinics().expect("clinics"), before, "nothing saved");
    assert!(
        s.setup_history(None, 5).expect("history").is_empty(),
        "nothing audited"
    );

    // A near miss of a zone name is answered with the right spelling.
    replace(&mut h, "clinic-zone", "Kolkata");
    click(&mut h, "Save clinic");
    assert!(shows(
        &mut h,
        "\"Kolkata\" is not a time zone: did you mean Asia/Kolkata? Write the full IANA name"
    ));
    assert_eq!(store(&h).clinics().expect("clinics"), before);
}

/// A doctor working 09:00–13:00 and 14:00–17:00 on Tuesdays (today in the demo).
fn tuesday_doctor(h: &Harness) -> (DoctorId, String) {
    let desk = h.desk();
    let clinic = desk.clinic().expect("clinic").id;
    let want = [DaySpan::new(540, 780), DaySpan::new(840, 1020)];
    desk.setup()
        .doctors
        .iter()
        .map(|(d, _)| d)
        .find(|d| d.active && desk.setup().hours(d.id, clinic).on(Weekday::Tue) == want)
        .map(|d| (d.id, d.name.clone()))
        .expect("a doctor with split hours on Tuesday")
}

#[test]
fn new_hours_are_saved_audited_with_the_person_at_the_desk_and_shown_at_once() {
    let mut h = Harness::with_demo();
    let (doctor, name) = tuesday_doctor(&h);
    assert_eq!(h.app.title(), "Frontdesk — Lotus Family Clinic");
    // The manager takes the desk over: the window locks and she signs in.
    h.take_over("Farah Khan", "demo-manager");
    h.click("Settings");
    click(&mut h, "Doctors");
    click(&mut h, &name);
    // Longer hours on Tuesday strand nobody, so they save at once.
    // Typed as people say it; the form shows it back as it was read.
    replace(&mut h, "doctor-hours-tue", "8-1, 2:00 to 6:30");
    click(&mut h, "Save hours");
    assert_eq!(h.app.error(), None);
    assert!(shows(&mut h, "Saved the hours."));
    assert_eq!(
        field_text(&mut h, "doctor-hours-tue"),
        "08:00–13:00, 14:00–18:30"
    );

    let s = store(&h);
    let clinic = s.clinics().expect("clinics")[0].id;
    let stored = s.doctor_hours(doctor, clinic).expect("hours");
    assert_eq!(
        stored.on(Weekday::Tue),
        [DaySpan::new(480, 780), DaySpan::new(840, 1110)]
    );
    assert_eq!(
        stored.on(Weekday::Mon),
        [DaySpan::new(540, 780), DaySpan::new(840, 1020)]
    );
    let event = &s.setup_history(None, 1).expect("history")[0];
    assert_eq!(
        event.actor, "Farah Khan",
        "the audit names who was at the desk"
    );
    assert_eq!(event.entity_kind, "doctor_hours");
    assert_eq!(event.entity_id, doctor.to_string());

    // The calendar shows the new hours without reopening anything.
    h.click("Calendar");
    let column = h
        .desk()
        .columns
        .iter()
        .find(|c| c.doctor == Some(doctor))
        .expect("the doctor's column");
    assert_eq!(column.open, [(480, 780), (840, 1110)]);

    // The History section lists the change with the name.
    h.click("Settings");
    click(&mut h, "History");
    assert!(shows(&mut h, &format!("changed working hours of {name}")));
    assert!(shows(&mut h, "Farah Khan"));
}

#[test]
fn bookings_made_in_the_window_name_the_person_signed_in_at_the_desk() {
    let mut h = Harness::with_demo();
    h.take_over("Suresh Pillai", "demo-nurse");
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", "Meera Krishnan");
    h.click("New patient (register this name)");
    h.click("Book");
    let id = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Meera Krishnan")
        .map(|e| e.appointment.id)
        .expect("booked");
    let history = store(&h).history(id).expect("history");
    assert_eq!(history[0].actor, "Suresh Pillai");
    let booked = store(&h).appointment(id).expect("appointment");
    assert_eq!(booked.appointment.created_by, "Suresh Pillai");
}

#[test]
fn a_bad_doctor_edit_shows_the_messages_and_changes_nothing() {
    let mut h = Harness::with_demo();
    let (doctor, name) = tuesday_doctor(&h);
    let other = h
        .desk()
        .setup()
        .doctors
        .iter()
        .map(|(d, _)| d.name.clone())
        .find(|n| *n != name)
        .expect("another doctor");
    let before = store(&h).doctors().expect("doctors");
    h.click("Settings");
    click(&mut h, "Doctors");
    click(&mut h, &name);
    replace(&mut h, "doctor-name", &other.to_uppercase());
    replace(&mut h, "doctor-colour", "teal");
    click(&mut h, "Save doctor");
    assert!(shows(
        &mut h,
        &format!(
            "there is already a doctor named \"{}\": give this one another name",
            other.to_uppercase()
        )
    ));
    assert!(shows(
        &mut h,
        "\"teal\" is not a colour: write # and six hex digits, e.g. #3b82f6"
    ));
    replace(&mut h, "doctor-hours-fri", "9:00–25:00");
    click(&mut h, "Save hours");
    assert!(shows(
        &mut h,
        "\"25:00\" is not a time of day: write times as HH:MM, e.g. 09:00 or 14:30"
    ));
    let s = store(&h);
    assert_eq!(s.doctors().expect("doctors"), before);
    let clinic = s.clinics().expect("clinics")[0].id;
    assert_eq!(
        s.doctor_hours(doctor, clinic)
            .expect("hours")
            .on(Weekday::Fri),
        [DaySpan::new(540, 780), DaySpan::new(840, 1020)]
    );
    assert!(s.setup_history(None, 5).expect("history").is_empty());
}

/// Appointment ids with their patients' names.
type Booked = Vec<(AppointmentId, String)>;

/// Tomorrow's booked appointments of one doctor, with the doctor: the busiest doctor tomorrow.
fn busy_tomorrow(h: &Harness) -> (DoctorId, String, NaiveDate, Booked) {
    let s = store(h);
    let clinic = s.clinics().expect("clinics")[0].clone();
    let tomorrow = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let day = local_day(clinic.time_zone, tomorrow);
    let entries = s.agenda(clinic.id, day, AgendaFilter::All).expect("agenda");
    let mut best: Option<(DoctorId, String, Booked)> = None;
    for (d, _) in &h.desk().setup().doctors {
        let mine: Booked = entries
            .iter()
            .filter(|e| e.appointment.doctor == d.id && e.appointment.status.holds_time())
            .map(|e| (e.appointment.id, e.patient_name.clone()))
            .collect();
        if mine.len() > best.as_ref().map_or(0, |b| b.2.len()) {
            best = Some((d.id, d.name.clone(), mine));
        }
    }
    let (d, name, list) = best.expect("someone is booked tomorrow");
    (d, name, tomorrow, list)
}

#[test]
fn leave_over_booked_appointments_lists_them_first_and_keeps_them_booked() {
    let mut h = Harness::with_demo();
    let (doctor, name, tomorrow, booked) = busy_tomorrow(&h);
    let n = booked.len();
    assert!(n >= 2, "a busy day: {n}");
    h.click("Settings");
    click(&mut h, "Doctors");
    click(&mut h, &name);

    // Bad leave first: it ends before it starts.
    replace(&mut h, "leave-start", "2026-11-26");
    replace(&mut h, "leave-end", "2026-11-25");
    click(&mut h, "Add leave");
    assert!(shows(
        &mut h,
        "it ends (2026-11-25) before it starts (2026-11-26): give an end after the start"
    ));

    replace(&mut h, "leave-start", "2026-11-25");
    replace(&mut h, "leave-end", "2026-11-25");
    replace(&mut h, "leave-reason", "Sick");
    click(&mut h, "Add leave");
    let warning = format!(
        "⚠ {n} booked appointments would be on this leave. Saving keeps them booked; open each one to move it."
    );
    assert!(shows(&mut h, &warning), "{:#?}", screen(&mut h));
    // Each is listed with its time and patient, and nothing is saved yet.
    let zone = h.desk().clinic().expect("clinic").time_zone;
    let first = store(&h).appointment(booked[0].0).expect("first");
    let when = to_local(zone, first.appointment.interval.start).format("%a %-d %b %H:%M");
    assert!(shows(&mut h, &format!("{when} · {} · {name}", booked[0].1)));
    let day = local_day(zone, tomorrow);
    assert!(
        store(&h).leave(doctor, day).expect("leave").is_empty(),
        "not saved yet"
    );

    click(&mut h, "Save anyway");
    let leave = store(&h).leave(doctor, day).expect("leave");
    assert_eq!(leave.len(), 1, "saved");
    assert_eq!(leave[0].absence.reason, "Sick");
    assert_eq!(leave[0].absence.interval, day);
    for (id, _) in &booked {
        let a = store(&h).appointment(*id).expect("still there").appointment;
        assert!(a.status.holds_time(), "{id} is still booked");
    }
    let saved =
        format!("Saved. {n} booked appointments are on this leave: open each one to move it.");
    assert!(shows(&mut h, &saved), "the list stays after saving");
    assert!(
        shows(&mut h, "Wed 25 Nov 2026 · Sick"),
        "the new leave is listed"
    );
    let audit = &store(&h).setup_history(None, 1).expect("history")[0];
    assert_eq!(
        (audit.entity_kind.as_str(), audit.actor.as_str()),
        ("doctor_leave", gui_harness::WHO)
    );

    // Open one: the calendar shows its day with it selected; the Settings tab brings the list back.
    click(&mut h, "Open");
    assert!(h.desk().page.is_calendar());
    assert_eq!(h.desk().date, tomorrow);
    assert_eq!(h.desk().selected, Some(booked[0].0));
    assert!(matches!(h.desk().panel, Panel::Details(_)));
    h.click("Settings");
    assert!(
        shows(&mut h, &saved),
        "the list is still there to work through"
    );
}

#[test]
fn staff_are_added_in_settings_and_offered_at_the_desk() {
    let mut h = Harness::with_demo();
    h.click("Settings");
    click(&mut h, "Staff");
    assert!(
        shows(&mut h, "Maria D'Souza"),
        "the demo's staff are listed"
    );
    click(&mut h, "+ Add staff member");
    click(&mut h, "Save staff member");
    assert!(shows(
        &mut h,
        "a staff member needs a name: type the name staff know it by"
    ));
    replace(&mut h, "staff-name", "maria d'souza");
    click(&mut h, "Save staff member");
    assert!(shows(
        &mut h,
        "there is already a staff member named \"maria d'souza\": give this one another name"
    ));
    let count = store(&h).staff().expect("staff").len();
    replace(&mut h, "staff-name", "  Ritu   Sharma ");
    click(&mut h, "Save staff member");
    assert!(shows(&mut h, "Added Ritu Sharma."));
    let staff = store(&h).staff().expect("staff");
    assert_eq!(staff.len(), count + 1);
    assert!(
        staff
            .iter()
            .any(|s| s.name == "Ritu Sharma" && s.role == StaffRole::Receptionist)
    );
    // The window's setup has her at once, so the picker beside the tabs offers her.
    assert!(
        h.desk()
            .setup()
            .staff
            .iter()
            .any(|s| s.name == "Ritu Sharma")
    );
}

#[test]
fn a_room_blockout_and_room_hours_are_checked_before_saving() {
    let mut h = Harness::with_demo();
    let room = h
        .desk()
        .setup()
        .rooms
        .iter()
        .find(|r| r.name == "Room 2")
        .map(|r| r.id)
        .expect("Room 2");
    h.click("Settings");
    click(&mut h, "Rooms");
    click(&mut h, "Room 2");
    replace(&mut h, "blockout-start", "2026-12-01 14:00");
    replace(&mut h, "blockout-end", "2026-12-01 noon");
    click(&mut h, "Add blockout");
    assert!(shows(
        &mut h,
        "\"2026-12-01 noon\" is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM"
    ));
    click(
        &mut h,
        "Own opening hours (otherwise Lotus Family Clinic's)",
    );
    replace(&mut h, "room-hours-mon", "09:00-");
    click(&mut h, "Save room hours");
    assert!(shows(
        &mut h,
        "\"09:00-\" is not a span of hours: write it as start–end, e.g. 09:00–13:00"
    ));
    let s = store(&h);
    assert_eq!(s.room_hours(room).expect("hours"), None, "nothing saved");
    assert!(s.setup_history(None, 5).expect("history").is_empty());

    // What the new hours strand, as the store works it out; the form must agree.
    let new_hours = {
        let clinic = h.desk().clinic().expect("clinic").opening_hours.clone();
        let mut texts = frontdesk::scheduling::hours_text::week_texts(&clinic);
        texts[0] = "09:00–12:00".into();
        frontdesk::scheduling::hours_text::parse_week(&texts).expect("hours")
    };
    let change = SetupChange::RoomHours {
        room,
        hours: Some(new_hours),
    };
    let stranded = store(&h).at_risk(&change, now()).expect("at risk").len();
    replace(&mut h, "room-hours-mon", "09:00–12:00");
    click(&mut h, "Save room hours");
    if stranded > 0 {
        assert!(shows(&mut h, &format!("⚠ {stranded} booked appointment")));
        assert_eq!(store(&h).room_hours(room).expect("hours"), None, "not yet");
        click(&mut h, "Save anyway");
    } else {
        assert!(!shows(&mut h, "outside the room's new hours"));
    }
    let own = store(&h)
        .room_hours(room)
        .expect("hours")
        .expect("own hours");
    assert_eq!(own.on(Weekday::Mon), [DaySpan::new(540, 720)]);
    assert!(
        h.desk().setup().room_hours(room).is_some(),
        "the window follows"
    );
}

/// The waiting room's rules (issue 17): read into the form, a number out of range refused
/// with the rule and its range (nothing stored), then saved and read back, and logged.
#[test]
fn the_waiting_rooms_rules_are_read_checked_saved_and_logged() {
    use frontdesk::scheduling::waiting_room::{BoardShows, WaitingRoomRules};
    use frontdesk::store::WaitingRoom;
    let mut h = Harness::with_demo();
    h.click("Settings");
    click(&mut h, "Waiting room");
    assert_eq!(field_text(&mut h, "waiting-call-limit"), "3");
    assert_eq!(field_text(&mut h, "waiting-wait"), "20");
    replace(&mut h, "waiting-call-limit", "12");
    click(&mut h, "Save the waiting room's rules");
    assert!(
        shows(
            &mut h,
            "the number of calls before a no-show must be from 1 to 9, not 12"
        ),
        "{:?}",
        screen(&mut h)
    );
    let clinic = h.desk().clinic().expect("clinic").id;
    assert_eq!(
        store(&h).waiting_room_rules(clinic).expect("read"),
        WaitingRoomRules::default(),
        "nothing stored"
    );
    replace(&mut h, "waiting-call-limit", "2");
    replace(&mut h, "waiting-wait", "25");
    replace(&mut h, "kiosk-early", "30");
    let mut window = gui_harness::keys::Window::new();
    window.focus("board-shows");
    window.frame(&mut h, gui_harness::keys::tap(Named::ArrowDown));
    click(&mut h, "Chime and speak each call");
    click(&mut h, "Save the waiting room's rules");
    assert!(shows(&mut h, "The waiting room's rules are saved."));
    let rules = store(&h).waiting_room_rules(clinic).expect("read");
    assert_eq!(
        (
            rules.call_limit,
            rules.wait_minutes,
            rules.kiosk_early_minutes,
            rules.board_shows,
            rules.announce
        ),
        (2, 25, 30, BoardShows::Initials, false)
    );
    let logged = store(&h)
        .setup_history(Some(&clinic.to_string()), 5)
        .expect("history");
    assert!(
        logged.iter().any(|e| e.entity_kind == "waiting_room"),
        "{logged:?}"
    );
}
