//! The window's forms never register a new patient by accident (issue 13, point 2): Enter on a
//! half-typed name with suggestions on screen picks the first suggestion, however fast the
//! name was typed (before or after the search answered); registering the typed name needs the
//! explicit "Register new patient" choice; and a new patient with a registered phone is asked
//! about, with the registered patient named, in the walk-in and the booking form.

use frontdesk::gui::App;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::screen::{booking, patient_search, walk_in};
use frontdesk::scheduling::Kind;
use frontdesk::store::{SqliteStore, Store};
use iced::keyboard::key::Named;
use iced_test::selector::id;

mod gui_harness;
use gui_harness::{Harness, two_pooja_menons};

fn store(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open")
}

fn count(h: &Harness, table: &str) -> i64 {
    rusqlite::Connection::open(h.dir.path().join("desk.sqlite3"))
        .expect("raw")
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// Types fast and presses Enter (see `Harness::type_fast_and_enter`).
fn type_fast_and_enter(h: &mut Harness, field: &'static str, words: &'static str) {
    h.type_fast_and_enter(field, words);
}

/// Types `words` and waits for the suggestions, then presses Enter.
fn type_then_enter(h: &mut Harness, field: &'static str, words: &'static str) {
    h.type_into(field, words);
    h.ui(|ui| {
        ui.click(id(field)).expect("the patient field");
        let _ = ui.tap_key(Named::Enter);
    });
}

fn walk_in_form(app: &App) -> &walk_in::State {
    match &app.phase {
        frontdesk::gui::app::Phase::Ready(desk) => match &desk.panel {
            Panel::WalkIn(form) => form,
            _ => panic!("the walk-in form stays open"),
        },
        _ => panic!("the desk is open"),
    }
}

fn walk_ins(h: &Harness) -> i64 {
    rusqlite::Connection::open(h.dir.path().join("desk.sqlite3"))
        .expect("raw")
        .query_row(
            "SELECT count(*) FROM appointment WHERE kind = 'walk_in'",
            [],
            |r| r.get(0),
        )
        .expect("count")
}

fn enter_on_a_half_typed_name(typing: fn(&mut Harness, &'static str, &'static str)) {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let first = store(&h)
        .search_patients("Pooja Men", 12)
        .expect("search")
        .first()
        .cloned()
        .expect("suggestions");
    assert_eq!(first.name, "Pooja Menon");
    let patients = count(&h, "patient");
    let walk_ins_before = walk_ins(&h);
    h.click("Walk-in (Ctrl+I)");
    typing(&mut h, "walk-in-patient", "Pooja Men");
    assert_eq!(count(&h, "patient"), patients, "nobody new is registered");
    assert_eq!(walk_ins(&h), walk_ins_before, "nothing is booked yet");
    let form = walk_in_form(&h.app);
    let chosen = form.patient().expect("Enter picked a suggestion");
    assert_eq!(chosen.id, first.id, "the first suggestion");
    // A second Enter adds the walk-in for the patient picked.
    let chosen = chosen.id;
    h.ui(|ui| {
        ui.click(id("walk-in-patient")).expect("the patient field");
        let _ = ui.tap_key(Named::Enter);
    });
    assert_eq!(h.app.error(), None);
    assert_eq!(count(&h, "patient"), patients);
    assert_eq!(walk_ins(&h), walk_ins_before + 1);
    assert!(
        h.desk()
            .today
            .iter()
            .any(|e| e.appointment.kind == Kind::WalkIn && e.appointment.patient == chosen),
        "the walk-in is Pooja Menon's"
    );
}

#[test]
fn enter_on_a_half_typed_name_typed_fast_picks_a_suggestion_and_registers_nobody() {
    enter_on_a_half_typed_name(type_fast_and_enter);
}

#[test]
fn enter_on_a_half_typed_name_with_suggestions_shown_picks_the_first() {
    enter_on_a_half_typed_name(type_then_enter);
}

#[test]
fn the_add_button_with_suggestions_shown_asks_for_an_explicit_choice() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let patients = count(&h, "patient");
    h.click("Walk-in (Ctrl+I)");
    h.type_into("walk-in-patient", "Pooja Men");
    h.click("Add walk-in");
    let error = walk_in_form(&h.app).error().unwrap_or("").to_owned();
    assert!(
        error.contains("\"Pooja Men\" matches registered patients"),
        "{error}"
    );
    assert_eq!(count(&h, "patient"), patients);
    // The explicit choice registers the name typed.
    h.click("+ Register new patient \"Pooja Men\"");
    h.click("Add walk-in");
    assert_eq!(h.app.error(), None, "{:?}", walk_in_form(&h.app).error());
    assert_eq!(count(&h, "patient"), patients + 1);
}

#[test]
fn a_new_walk_in_with_a_registered_phone_is_asked_about_with_the_patient_named() {
    let mut h = Harness::with_demo();
    let [first, _] = two_pooja_menons(&h);
    let patients = count(&h, "patient");
    h.click("Walk-in (Ctrl+I)");
    // Another name, nothing suggested for it, the phone of a registered patient written
    // another way.
    h.send(DeskMessage::WalkIn(walk_in::Message::Patient(
        patient_search::Message::Query("Zzyzx Qwerty".into()),
    )));
    h.send(DeskMessage::WalkIn(walk_in::Message::Phone(
        "0091 9000011111".into(),
    )));
    h.click("Add walk-in");
    let error = walk_in_form(&h.app).error().unwrap_or("").to_owned();
    assert!(
        error.contains("Already registered: Pooja Menon")
            && error.contains(&first.id.to_string())
            && error.contains("the same phone"),
        "{error}"
    );
    assert_eq!(count(&h, "patient"), patients, "nobody registered yet");
    // Booking the registered patient instead.
    h.click("Book Pooja Menon  ·  +91 90000 11111");
    assert_eq!(walk_in_form(&h.app).patient().map(|p| p.id), Some(first.id));
    h.click("Add walk-in");
    assert_eq!(h.app.error(), None);
    assert_eq!(count(&h, "patient"), patients);
    // Asked again, and registered anyway (a family may share a phone).
    h.click("Walk-in (Ctrl+I)");
    h.send(DeskMessage::WalkIn(walk_in::Message::Patient(
        patient_search::Message::Query("Zzyzx Qwerty".into()),
    )));
    h.send(DeskMessage::WalkIn(walk_in::Message::Phone(
        "+91 90000 11111".into(),
    )));
    h.click("Add walk-in");
    assert_eq!(count(&h, "patient"), patients);
    h.click("Register anyway");
    assert_eq!(h.app.error(), None);
    assert_eq!(count(&h, "patient"), patients + 1);
}

#[test]
fn a_new_patient_in_the_booking_form_with_a_registered_phone_is_asked_about() {
    let mut h = Harness::with_demo();
    let [first, _] = two_pooja_menons(&h);
    let patients = count(&h, "patient");
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.send(DeskMessage::Booking(booking::Message::Patient(
        patient_search::Message::Query("Zzyzx Qwerty".into()),
    )));
    h.click("New patient (register this name)");
    h.send(DeskMessage::Booking(booking::Message::Phone(
        "+919000011111".into(),
    )));
    h.click("Book");
    let error = match &h.desk().panel {
        Panel::Booking(form) => form.error().unwrap_or("").to_owned(),
        _ => panic!("the booking form stays open"),
    };
    assert!(
        error.contains("Already registered: Pooja Menon") && error.contains(&first.id.to_string()),
        "{error}"
    );
    assert_eq!(count(&h, "patient"), patients);
    h.click("Register anyway");
    assert_eq!(h.app.error(), None);
    assert_eq!(count(&h, "patient"), patients + 1);
}
