//! The command palette at a receptionist's speed: a name typed fast and Enter open that patient,
//! and a loose match never runs "Undo the last change" (issue 13, point 3). The keys go through
//! the real view in iced_test's simulator; "fast" means every message the keys produced reaches
//! `update` before any patient search has answered, as when Enter beats the database.

use frontdesk::gui::Message;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced_test::selector::id;

mod gui_harness;
use gui_harness::Harness;

/// Rows in the audit of appointment changes.
fn audit_rows(h: &Harness) -> i64 {
    let conn = rusqlite::Connection::open(h.dir.path().join("desk.sqlite3")).expect("open");
    conn.query_row("SELECT count(*) FROM audit_event", [], |r| r.get(0))
        .expect("count")
}

/// The appointment's status as stored (the palette may have moved the view elsewhere).
fn status_of(h: &Harness, id: AppointmentId) -> Status {
    SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("open")
        .appointment(id)
        .expect("stored")
        .appointment
        .status
}

/// Confirms an upcoming appointment, so that the desk has a change Ctrl+Z could undo.
fn confirm_one(h: &mut Harness) -> AppointmentId {
    let id = h.upcoming_booking().appointment.id;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    h.click("Confirm");
    assert_eq!(status_of(h, id), Status::Confirmed);
    id
}

fn open_palette(h: &mut Harness) {
    h.send(Message::Key(Key::Character("k".into()), Modifiers::CTRL));
    assert!(h.desk().palette.is_some(), "Ctrl+K opens the palette");
}

/// Types `words` into the palette and presses Enter, all before any search answers; then lets
/// every task run.
fn type_fast_and_enter(h: &mut Harness, words: &str) {
    h.type_fast_and_enter("palette", words);
}

/// Types `words` and presses Enter, each message settled before the next (a slow typist).
fn type_and_enter(h: &mut Harness, words: &'static str) {
    h.ui(|ui| {
        ui.click(id("palette")).expect("palette field");
        let _ = ui.typewrite(words);
        let _ = ui.tap_key(Named::Enter);
    });
}

#[test]
fn a_name_typed_fast_and_enter_open_the_patient_and_undo_nothing() {
    let mut h = Harness::with_demo();
    let confirmed = confirm_one(&mut h);
    let (patient, appointment) = h.upcoming_patient(chrono::Duration::hours(1));
    h.send(DeskMessage::ClosePanel);
    let audited = audit_rows(&h);
    open_palette(&mut h);
    type_fast_and_enter(&mut h, &patient);
    assert_eq!(h.app.error(), None);
    assert!(h.desk().palette.is_none(), "Enter took the patient");
    assert!(
        matches!(h.desk().panel, Panel::Details(_)),
        "the patient's next appointment is open"
    );
    let selected = h.desk().selected.expect("an appointment is open");
    let shown = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == selected)
        .expect("shown");
    assert_eq!(shown.patient_name, patient, "{appointment:?}");
    assert_eq!(audit_rows(&h), audited, "nothing written");
    assert_eq!(
        status_of(&h, confirmed),
        Status::Confirmed,
        "nothing undone"
    );
}

#[test]
fn a_loose_match_never_undoes_and_undo_typed_in_full_does() {
    let mut h = Harness::with_demo();
    let confirmed = confirm_one(&mut h);
    h.send(DeskMessage::ClosePanel);
    let audited = audit_rows(&h);
    // Letters that sit inside "Undo the last change", typed fast as the start of a name.
    for words in ["an", "la", "chan", "ange"] {
        open_palette(&mut h);
        type_fast_and_enter(&mut h, words);
        assert_eq!(audit_rows(&h), audited, "{words:?} wrote nothing");
        assert_eq!(status_of(&h, confirmed), Status::Confirmed, "{words:?}");
        h.send(Message::Key(Key::Named(Named::Escape), Modifiers::empty()));
        h.send(DeskMessage::ClosePanel);
    }
    // The start of "undo", typed slowly: the palette asks instead of undoing.
    open_palette(&mut h);
    type_and_enter(&mut h, "und");
    assert!(
        h.desk().palette.is_some(),
        "Enter on a loose undo only asks"
    );
    assert_eq!(audit_rows(&h), audited, "\"und\" wrote nothing");
    assert_eq!(status_of(&h, confirmed), Status::Confirmed);
    h.ui(|ui| {
        ui.find("?  Undo the last change").expect("highlighted");
        ui.find(
            "\"Undo the last change\" changes data: click it, or type its first word in full and \
             press Enter.",
        )
        .expect("the question");
    });
    // The word typed in full runs it.
    type_and_enter(&mut h, "o");
    assert!(h.desk().palette.is_none(), "\"undo\" ran");
    assert_eq!(status_of(&h, confirmed), Status::Scheduled, "undone");
    assert!(audit_rows(&h) > audited, "the undo is audited");
}

#[test]
fn one_escape_closes_the_palette_while_its_field_has_focus() {
    let mut h = Harness::with_demo();
    open_palette(&mut h);
    h.ui(|ui| {
        ui.click(id("palette")).expect("palette field");
        let _ = ui.typewrite("Asha");
        let _ = ui.tap_key(Named::Escape);
    });
    assert!(h.desk().palette.is_none(), "one Escape closed it");
    assert!(matches!(h.desk().panel, Panel::Today), "and opened nothing");
}

#[test]
fn a_pasted_page_in_every_script_is_cut_and_runs_nothing() {
    use frontdesk::gui::screen::palette;
    let mut h = Harness::with_demo();
    let confirmed = confirm_one(&mut h);
    h.send(DeskMessage::ClosePanel);
    let audited = audit_rows(&h);
    open_palette(&mut h);
    let page = "undo आशा عائشة 李 🙂 e\u{301} \u{7}".repeat(50_000);
    h.send(DeskMessage::Palette(palette::Message::Query(page)));
    h.send(DeskMessage::Palette(palette::Message::Submit));
    assert_eq!(h.app.error(), None);
    assert_eq!(audit_rows(&h), audited, "nothing written");
    assert_eq!(
        status_of(&h, confirmed),
        Status::Confirmed,
        "nothing undone"
    );
}
