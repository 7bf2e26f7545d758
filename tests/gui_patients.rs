//! The window's booking and walk-in forms and patients, headless: a walk-in typed as new whose
//! name and phone are registered books that patient and says so; a bare name that is taken
//! is refused with the registered patient named; names, phones and reasons that break the entry
//! rules are refused with a message and nothing is booked.

use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::screen::{booking, patient_search, walk_in};
use frontdesk::scheduling::Patient;
use frontdesk::store::{SqliteStore, Store};

mod gui_harness;
use gui_harness::Harness;

fn store(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open")
}

/// A demo patient with a phone whose name and number no one else has.
fn registered(h: &Harness) -> Patient {
    let mut store = store(h);
    let all = store.search_patients("a", 500).expect("search");
    all.iter()
        .find(|p| {
            !p.phone.is_empty()
                && all
                    .iter()
                    .filter(|o| o.name.eq_ignore_ascii_case(&p.name))
                    .count()
                    == 1
                && store
                    .search_patients(&p.name, 50)
                    .expect("search")
                    .iter()
                    .filter(|o| o.name.eq_ignore_ascii_case(&p.name))
                    .count()
                    == 1
        })
        .cloned()
        .expect("a demo patient with a unique name and a phone")
}

fn patients(h: &Harness) -> i64 {
    rusqlite::Connection::open(h.dir.path().join("desk.sqlite3"))
        .expect("raw")
        .query_row("SELECT count(*) FROM patient", [], |r| r.get(0))
        .expect("count")
}

/// The walk-in form's message (the form stays open).
fn walk_in_error(h: &Harness) -> String {
    match &h.desk().panel {
        Panel::WalkIn(form) => form.error().unwrap_or("").to_owned(),
        _ => panic!("the walk-in form stays open"),
    }
}

/// The booking form's message (the form stays open).
fn booking_error(h: &Harness) -> String {
    match &h.desk().panel {
        Panel::Booking(form) => form.error().unwrap_or("").to_owned(),
        _ => panic!("the booking form stays open"),
    }
}

fn walk_in(h: &mut Harness, name: &str, phone: &str) {
    h.click("Walk-in (Ctrl+I)");
    assert!(matches!(h.desk().panel, Panel::WalkIn(_)));
    h.send(DeskMessage::WalkIn(walk_in::Message::Patient(
        patient_search::Message::Query(name.into()),
    )));
    h.send(DeskMessage::WalkIn(walk_in::Message::Phone(phone.into())));
    // With suggestions on screen, registering the name typed is an explicit choice.
    h.ui(|ui| {
        let _ = ui.click("+ Register new patient \"".to_owned() + name + "\"");
    });
    h.click("Add walk-in");
}

#[test]
fn a_walk_in_typed_as_new_whose_name_and_phone_are_registered_books_that_patient() {
    let mut h = Harness::with_demo();
    let asha = registered(&h);
    let before = patients(&h);
    // Typed in another case and with the number written another way.
    let phone: String = asha.phone.chars().filter(|c| *c != ' ').collect();
    walk_in(&mut h, &asha.name.to_uppercase(), &phone);
    // The form asks first, naming the patient with that phone ...
    let question = walk_in_error(&h);
    assert!(
        question.contains("Already registered") && question.contains(&asha.id.to_string()),
        "{question}"
    );
    // ... and registering anyway still books the registered patient (same name and phone).
    h.click("Register anyway");
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("notice");
    assert!(
        notice.contains("already registered, so no new patient was added"),
        "{notice}"
    );
    assert_eq!(patients(&h), before);
    let booked = h.desk().today.iter().find(|e| {
        e.appointment.kind == frontdesk::scheduling::Kind::WalkIn
            && e.appointment.patient == asha.id
    });
    assert!(
        booked.is_some(),
        "the walk-in is booked for the registered patient"
    );
}

#[test]
fn a_bare_name_that_is_registered_is_refused_until_the_patient_is_chosen_or_told_apart() {
    let mut h = Harness::with_demo();
    let asha = registered(&h);
    let before = patients(&h);
    walk_in(&mut h, &asha.name, "");
    let form = walk_in_error(&h);
    assert!(
        form.contains("a patient with this name is already registered")
            && form.contains(&asha.id.to_string()),
        "{form}"
    );
    assert_eq!(patients(&h), before);
    // A different phone: a new patient of the same name.
    h.send(DeskMessage::WalkIn(walk_in::Message::Phone(
        "+91 70000 00001".into(),
    )));
    h.click("Add walk-in");
    assert_eq!(h.app.error(), None);
    assert_eq!(patients(&h), before + 1);
}

#[test]
fn names_phones_and_reasons_that_break_the_entry_rules_are_refused_in_both_forms() {
    let mut h = Harness::with_demo();
    let before = patients(&h);
    for (name, phone, want) in [
        (
            "Evil\u{1b}[31mRed",
            "",
            "Name: the name holds a control character (U+001B) at character 5",
        ),
        (
            "Two\nLines",
            "",
            "Name: the name holds a line break (U+000A) at character 4",
        ),
        (
            "Abc\u{202e}Def",
            "",
            "an invisible direction control (U+202E)",
        ),
        (
            "Fine Name",
            "=2+3",
            "Phone: the phone holds \"=\" at character 1",
        ),
    ] {
        walk_in(&mut h, name, phone);
        let form_error = walk_in_error(&h);
        assert!(form_error.contains(want), "{want}: {form_error}");
        h.send(DeskMessage::WalkIn(walk_in::Message::Cancel));
    }
    // The booking form: a new patient with a control character, then a reason with one.
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.send(DeskMessage::Booking(booking::Message::Patient(
        patient_search::Message::Query("Bell\u{7}Ringer".into()),
    )));
    h.click("New patient (register this name)");
    h.click("Book");
    let form = booking_error(&h);
    assert!(
        form.contains("Name: the name holds a control character (U+0007) at character 5"),
        "{form}"
    );
    h.send(DeskMessage::Booking(booking::Message::Patient(
        patient_search::Message::Query("Bell Ringer".into()),
    )));
    h.send(DeskMessage::Booking(booking::Message::Reason(
        "fever\u{1b}[2J".into(),
    )));
    h.click("Book");
    let form = booking_error(&h);
    assert!(
        form.contains("Reason: the reason holds a control character (U+001B) at character 6"),
        "{form}"
    );
    assert_eq!(patients(&h), before);
}
