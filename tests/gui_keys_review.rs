//! Adversarial review of issue 13's keyboard (points 1, 2, 3, 7): each test here is a repro of
//! a defect found on `main` and fails until it is fixed. The `Window` frame loop is the one of
//! `tests/gui_keys.rs` (focus kept between frames, keys nobody took delivered as `Message::Key`).

#![allow(dead_code)]

use frontdesk::gui::Message;
use frontdesk::gui::calendar::{GridEvent, View};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use iced::Event;
use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced_runtime::core::widget::operation::focusable;

mod gui_harness;
use gui_harness::keys::*;
use gui_harness::{Harness, two_pooja_menons};
fn add_patient(h: &Harness, name: &str, phone: &str) -> Patient {
    let mut store = SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open");
    let p = Patient {
        id: PatientId(uuid::Uuid::new_v4()),
        name: name.into(),
        phone: phone.into(),
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    };
    store.add_patient(&p).expect("add");
    p
}

fn waitlist_form(h: &Harness) -> &frontdesk::gui::screen::waitlist_form::Form {
    match &h.desk().page {
        frontdesk::gui::desk::Page::Waitlist(state) => &state.form,
        _ => panic!("the waitlist page is not shown"),
    }
}

/// A booking form with Pooja Menon (the first suggestion) chosen by Enter in its typeahead.
fn booking_with_a_patient_chosen(h: &mut Harness, window: &mut Window) -> Patient {
    two_pooja_menons(h);
    open_booking(h, window);
    window.frame(h, typing("Pooja Men"));
    window.frame(h, tap(Named::Enter));
    booking(h)
        .search()
        .chosen
        .clone()
        .expect("Enter picked a patient")
}

// 1. Shortcuts that replace the side panel throw a half-filled form away without a word. Ctrl+F
// was made to carry the booking form (point 7); its siblings Ctrl+I and Ctrl+G, and a palette
// jump to a patient, still drop it, and Ctrl+I empties a walk-in form being filled.

#[test]
fn ctrl_i_from_a_half_filled_booking_gives_the_booking_back_when_the_walk_in_is_closed() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let patient = booking_with_a_patient_chosen(&mut h, &mut window);
    window.frame(&mut h, ctrl("i"));
    assert!(matches!(h.desk().panel, Panel::WalkIn(_)));
    window.frame(&mut h, tap(Named::Escape));
    let Panel::Booking(form) = &h.desk().panel else {
        panic!(
            "the half-filled booking form (patient {} chosen) was thrown away by Ctrl+I; \
             closing the walk-in left {:?}",
            patient.name,
            std::mem::discriminant(&h.desk().panel)
        );
    };
    assert_eq!(
        form.search().chosen.as_ref().map(|p| p.id),
        Some(patient.id)
    );
}

#[test]
fn ctrl_g_from_a_half_filled_booking_gives_the_booking_back_when_view_options_close() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let patient = booking_with_a_patient_chosen(&mut h, &mut window);
    window.frame(&mut h, ctrl("g"));
    window.frame(&mut h, tap(Named::Escape));
    let Panel::Booking(form) = &h.desk().panel else {
        panic!("Ctrl+G then Escape: the half-filled booking form is gone");
    };
    assert_eq!(
        form.search().chosen.as_ref().map(|p| p.id),
        Some(patient.id)
    );
}

#[test]
fn ctrl_i_in_a_walk_in_being_filled_keeps_what_was_typed() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(&mut h, keys(&[ctrl("i"), typing("Ravi Shankar")]));
    window.frame(&mut h, keys(&[tap(Named::Tab), typing("98450")]));
    assert_eq!(walk_in(&h).search().query, "Ravi Shankar");
    // Ctrl+I again (the receptionist is not sure the form is open): the form starts empty.
    window.frame(&mut h, ctrl("i"));
    assert_eq!(
        walk_in(&h).search().query,
        "Ravi Shankar",
        "Ctrl+I with the walk-in form open emptied it"
    );
}

#[test]
fn ctrl_f_from_a_half_filled_walk_in_gives_it_back_when_find_a_slot_is_closed() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(&mut h, keys(&[ctrl("i"), typing("Ravi Shankar")]));
    window.frame(&mut h, ctrl("f"));
    assert!(matches!(h.desk().panel, Panel::FindSlot(_)));
    window.frame(&mut h, tap(Named::Escape));
    let Panel::WalkIn(form) = &h.desk().panel else {
        panic!("Ctrl+F then Escape: the half-filled walk-in form is gone");
    };
    assert_eq!(form.search().query, "Ravi Shankar");
}

#[test]
fn a_palette_jump_to_a_patient_from_a_half_filled_booking_does_not_drop_the_booking() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let patient = booking_with_a_patient_chosen(&mut h, &mut window);
    // Ctrl+K to look something up; a patient with an upcoming visit, chosen from the palette.
    // (The demo's names are drawn at random, so a name may be shared by a patient with no
    // visit, whom the palette may list first: take a name only one patient has.)
    let other = unique_upcoming_patient(&h);
    window.frame(&mut h, ctrl("k"));
    window.frame(&mut h, typing(&other));
    window.frame(&mut h, tap(Named::Enter));
    assert!(h.desk().palette.is_none(), "Enter took the patient");
    assert!(
        matches!(h.desk().panel, Panel::Details(_)),
        "the jump opened {other}'s next visit (notice {:?})",
        h.app.notice()
    );
    window.frame(&mut h, tap(Named::Escape));
    assert!(
        matches!(h.desk().panel, Panel::Booking(_)),
        "after looking at {other}'s visit and closing it, the half-filled booking for {} is gone",
        patient.name
    );
}

/// The name of a patient with a scheduled visit more than 30 minutes ahead, shown on the grid,
/// whom no other registered patient shares (easy to type: ASCII letters and spaces).
fn unique_upcoming_patient(h: &Harness) -> String {
    let db = rusqlite::Connection::open(h.dir.path().join("desk.sqlite3")).expect("raw");
    h.desk()
        .entries
        .iter()
        .filter(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.interval.start > gui_harness::now() + chrono::Duration::minutes(30)
                && e.patient_name
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ')
        })
        .map(|e| e.patient_name.clone())
        .find(|name| {
            db.query_row(
                "SELECT count(*) FROM patient WHERE name = ?1",
                [name],
                |r| r.get::<_, i64>(0),
            )
            .expect("count")
                == 1
        })
        .expect("an upcoming patient with a name of their own")
}

// 2. One Escape on the waitlist page throws away the entry being written (the Settings page is
// parked and comes back; the waitlist form does not).

#[test]
fn escape_on_the_waitlist_page_then_back_keeps_the_entry_being_written() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    let task = h.app.update(DeskMessage::ShowWaitlist.into());
    window.settle(&mut h, task);
    window.frame(&mut h, typing("Pooja Men"));
    window.frame(&mut h, tap(Named::Enter));
    let chosen = waitlist_form(&h)
        .chosen()
        .expect("Enter picked a patient")
        .id;
    // Escape: the calendar, in one press, as the merged test wants.
    window.frame(&mut h, tap(Named::Escape));
    assert!(h.desk().page.is_calendar());
    // Back to the waitlist: the patient chosen is gone, with no question asked.
    let task = h.app.update(DeskMessage::ShowWaitlist.into());
    window.settle(&mut h, task);
    assert_eq!(
        waitlist_form(&h).chosen().map(|p| p.id),
        Some(chosen),
        "one Escape silently dropped the half-filled waitlist entry"
    );
}

// 3. Down on the suggestions shown, then Enter before the search for the last letter answered:
// the highlight the receptionist moved is thrown away when the answer comes, and Enter picks
// the first suggestion instead, a patient the receptionist did not choose.

#[test]
fn down_then_enter_before_the_typeahead_answered_picks_the_suggestion_highlighted() {
    use frontdesk::gui::screen::booking::Message as B;
    use frontdesk::gui::screen::patient_search::Message as P;
    let mut h = Harness::with_demo();
    let pair = two_pooja_menons(&h);
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    window.frame(&mut h, typing("Pooja Me"));
    let shown: Vec<PatientId> = booking(&h).search().matches.iter().map(|p| p.id).collect();
    assert!(shown.len() >= 2 && pair.iter().all(|p| shown.contains(&p.id)));
    // One more letter: its search is running (its answer is held back here, as when the
    // store is slow); the list on screen is still the one above.
    let search = h
        .app
        .update(DeskMessage::Booking(B::Patient(P::Query("Pooja Men".into()))).into());
    assert!(
        booking(&h).search().list_shown(),
        "the suggestions stay on screen"
    );
    // Down (the second row is highlighted on screen), then Enter.
    h.send(DeskMessage::Booking(B::Patient(P::Next)));
    assert_eq!(booking(&h).search().highlight(), 1);
    let highlighted = booking(&h).search().matches[1].id;
    h.send(DeskMessage::Booking(B::PatientEnter));
    window.settle(&mut h, search);
    assert_eq!(
        booking(&h).search().chosen.as_ref().map(|p| p.id),
        Some(highlighted),
        "Enter picked a patient other than the one highlighted when it was pressed"
    );
}

#[test]
fn down_then_enter_before_the_palette_search_answered_takes_the_entry_highlighted() {
    use frontdesk::gui::screen::palette::Message as K;
    let mut h = Harness::with_demo();
    add_patient(&h, "Daya Shankar", "+91 90000 33333");
    let mut window = Window::new();
    let before = calendar(&h);
    window.frame(&mut h, ctrl("k"));
    // "Day": the actions "Day by doctor" and "Day by room" are listed at once; the patient
    // search is running (held back here).
    let search = h
        .app
        .update(DeskMessage::Palette(K::Query("Day".into())).into());
    h.send(DeskMessage::Palette(K::Next));
    let mut highlighted = false;
    h.ui(|ui| highlighted = ui.find("↵  Day by room").is_ok());
    assert!(highlighted, "Down highlighted Day by room, on screen");
    h.send(DeskMessage::Palette(K::Submit));
    window.settle(&mut h, search);
    assert!(h.desk().palette.is_none(), "Enter took an entry");
    assert_eq!(
        (h.desk().view, h.app.notice().map(str::to_owned)),
        (View::DayByRoom, None),
        "the entry highlighted on screen (Day by room) should run, not the patient who came first"
    );
    assert_eq!(h.desk().date, before.1);
}

// 4. Ctrl+F typed while the booking typeahead's search runs: its answer arrives while Find a slot
// is the panel and is dropped, so the form given back waits for it for ever. Enter in its
// patient field then does nothing, and the suggestions never come until the name is retyped.

#[test]
fn a_booking_given_back_by_find_a_slot_still_answers_its_typeahead() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    // The name and Ctrl+F in one frame: Ctrl+F comes before the search for the name answered.
    window.frame(&mut h, keys(&[typing("Pooja Men"), ctrl("f")]));
    assert!(matches!(h.desk().panel, Panel::FindSlot(_)));
    window.frame(&mut h, tap(Named::Escape));
    assert_eq!(
        booking(&h).search().query,
        "Pooja Men",
        "the form came back"
    );
    // Back in the patient field, Enter picks the first Pooja Menon as it does everywhere.
    window
        .operations
        .push(Box::new(focusable::focus::<()>(iced::widget::Id::new(
            "booking-patient",
        ))));
    window.frame(&mut h, tap(Named::Enter));
    let search = booking(&h).search();
    assert!(
        search.chosen.is_some() || search.list_shown(),
        "the typeahead is stuck: searching {}, {} suggestions, nothing chosen",
        search.searching(),
        search.matches.len()
    );
}

// 5. Escape while the booking or walk-in is being saved closes the form at once; the store still
// writes it, and its answer, arriving for a panel that is gone, is dropped: the appointment (a
// walk-in checked in with a queue token) exists, but the desk was told nothing, the grid does not
// show it, and Ctrl+Z cannot undo it. The receptionist believes the booking was abandoned.

#[test]
fn escape_while_a_booking_is_saved_does_not_leave_a_booking_nobody_was_told_about() {
    use frontdesk::gui::screen::booking::Message as B;
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    booking_with_a_patient_chosen(&mut h, &mut window);
    let stored_before = stored(&h);
    h.desk_mut().notice = None;
    // "Book" pressed; the store is still writing when Escape comes.
    let saving = h.app.update(DeskMessage::Booking(B::Save).into());
    window.frame(&mut h, tap(Named::Escape));
    window.settle(&mut h, saving);
    if stored(&h)[1] > stored_before[1] {
        assert!(
            h.app.notice().is_some() && h.desk().history.can_undo(),
            "an appointment was booked after Escape closed the form, and the desk was told \
             nothing (notice {:?}), nor can Ctrl+Z undo it",
            h.app.notice()
        );
    }
}

#[test]
fn escape_while_a_walk_in_is_added_does_not_leave_a_checked_in_walk_in_nobody_was_told_about() {
    use frontdesk::gui::screen::walk_in::Message as W;
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    window.frame(&mut h, keys(&[ctrl("i"), typing("Pooja Men")]));
    window.frame(&mut h, tap(Named::Enter));
    assert!(walk_in(&h).patient().is_some());
    let stored_before = stored(&h);
    h.desk_mut().notice = None;
    let adding = h.app.update(DeskMessage::WalkIn(W::Save).into());
    window.frame(&mut h, tap(Named::Escape));
    window.settle(&mut h, adding);
    if stored(&h)[1] > stored_before[1] {
        assert!(
            h.app.notice().is_some() && h.desk().history.can_undo(),
            "a walk-in was checked in after Escape closed the form, and the desk was told \
             nothing (notice {:?})",
            h.app.notice()
        );
    }
}

// 6. Text typed before a field has the focus is read from the key without its modifiers (the
// window's `key` is winit's `key_without_modifiers`; `modified_key` and `text` carry what Shift
// made): right after Ctrl+K "Asha" becomes "asha" in the real window, "14:30" becomes "14;30"
// (not a time), and a walk-in's name typed right after Ctrl+I loses its capitals, which is the
// name the new patient is registered under.

/// Keys as the window delivers them (US layout): `key` without Shift, `modified_key` and
/// `text` with it.
fn typing_as_the_window_sends(words: &str) -> Vec<Event> {
    const SHIFTED: [(char, char); 6] = [
        (':', ';'),
        ('+', '='),
        ('@', '2'),
        ('!', '1'),
        ('(', '9'),
        (')', '0'),
    ];
    words
        .chars()
        .flat_map(|c| {
            let base = SHIFTED
                .iter()
                .find(|(s, _)| *s == c)
                .map(|(_, b)| *b)
                .unwrap_or_else(|| c.to_ascii_lowercase());
            let shift = base != c;
            let (key, typed) = (
                Key::Character(base.to_string().as_str().into()),
                c.to_string(),
            );
            let modifiers = if shift {
                Modifiers::SHIFT
            } else {
                Modifiers::empty()
            };
            let physical =
                keyboard::key::Physical::Unidentified(keyboard::key::NativeCode::Unidentified);
            vec![
                Event::Keyboard(keyboard::Event::KeyPressed {
                    key: key.clone(),
                    modified_key: Key::Character(typed.as_str().into()),
                    physical_key: physical,
                    location: keyboard::Location::Standard,
                    modifiers,
                    repeat: false,
                    text: Some(typed.as_str().into()),
                }),
                Event::Keyboard(keyboard::Event::KeyReleased {
                    key,
                    modified_key: Key::Character(typed.as_str().into()),
                    physical_key: physical,
                    location: keyboard::Location::Standard,
                    modifiers,
                }),
            ]
        })
        .collect()
}

#[test]
fn capitals_and_shifted_signs_typed_right_after_ctrl_k_keep_their_shift() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(
        &mut h,
        keys(&[ctrl("k"), typing_as_the_window_sends("Asha 14:30")]),
    );
    let palette = h.desk().palette.as_ref().expect("the palette is open");
    assert_eq!(palette.query(), "Asha 14:30");
}

#[test]
fn a_walk_in_name_typed_right_after_ctrl_i_keeps_its_capitals() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(
        &mut h,
        keys(&[ctrl("i"), typing_as_the_window_sends("Zubin Wadia")]),
    );
    assert_eq!(walk_in(&h).search().query, "Zubin Wadia");
    // Once the field has the focus, the same keys are typed as they are.
    window.frame(&mut h, typing_as_the_window_sends(" Jr"));
    assert_eq!(walk_in(&h).search().query, "Zubin Wadia Jr");
}

// 7. In the real window the keys nobody took reach `update` later than the widgets' messages: they
// come back from the `keyboard::listen` subscription as runtime output, queued with the next
// batch's messages, while that batch's key events are read by the view built before them. The
// merged tests deliver them in the same frame, so they cannot see this. Seen in the real window
// (Xvfb, xdotool `key ctrl+i type "Zubin Wadia"`, then Return): the field showed "ubin Wadia" and
// Return checked in a new patient "ubin Wadia" (walk-in W-003); "Asha became sha" of issue 13 is
// the same race in the palette.

/// Frames as iced_winit runs them: the keys no widget took (as `Message::Key`) come back from
/// the subscription with the next frame's messages, ahead of them, after that frame's events
/// were read by the view built before. (Since the fix the window's root widget takes every
/// such key, `src/gui/window_keys.rs`, so none is left to the subscription; the model stays so
/// that a return of the late delivery fails here.)
struct AsyncWindow {
    window: Window,
    from_subscription: Vec<Message>,
}

impl AsyncWindow {
    fn new() -> Self {
        AsyncWindow {
            window: Window::new(),
            from_subscription: Vec::new(),
        }
    }

    fn frame(&mut self, h: &mut Harness, events: Vec<Event>) {
        let mut messages = std::mem::take(&mut self.from_subscription);
        let (widgets, untaken) = self.window.deliver(h, &events);
        self.from_subscription = untaken;
        messages.extend(widgets);
        self.window.update(h, messages);
    }

    /// One key a frame, as a receptionist types at about 10 keys a second.
    fn type_slowly(&mut self, h: &mut Harness, groups: Vec<Vec<Event>>) {
        for g in groups {
            self.frame(h, g);
        }
        // Quiet frames: whatever is still queued arrives.
        self.frame(h, Vec::new());
        self.frame(h, Vec::new());
    }
}

fn one_key_a_frame(words: &str) -> Vec<Vec<Event>> {
    words.chars().map(|c| typing(&c.to_string())).collect()
}

#[test]
fn the_first_letter_typed_after_ctrl_i_reaches_the_walk_in_in_the_real_runtime() {
    let mut h = Harness::with_demo();
    let mut window = AsyncWindow::new();
    let mut groups = vec![ctrl("i")];
    groups.extend(one_key_a_frame("zubin wadia"));
    window.type_slowly(&mut h, groups);
    assert_eq!(
        walk_in(&h).search().query,
        "zubin wadia",
        "a letter typed after Ctrl+I was lost"
    );
}

#[test]
fn the_first_letter_typed_after_ctrl_k_reaches_the_palette_in_the_real_runtime() {
    let mut h = Harness::with_demo();
    let mut window = AsyncWindow::new();
    let mut groups = vec![ctrl("k")];
    groups.extend(one_key_a_frame("asha"));
    window.type_slowly(&mut h, groups);
    let palette = h.desk().palette.as_ref().expect("the palette is open");
    assert_eq!(palette.query(), "asha");
}

// 8. The keyboard help (F1) is drawn over the desk as a modal card, but keys typed while it is
// shown still reach the form field that had the focus behind it: a name typed there, and Enter
// picking a patient, happen out of sight. And F1 pressed in the palette sets the help on without
// showing it (the palette is drawn instead); it appears only after the palette is closed.

#[test]
fn keys_typed_while_the_help_is_shown_do_not_reach_the_form_behind_it() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    window.frame(&mut h, typing("Po"));
    window.frame(&mut h, tap(Named::F1));
    assert!(h.app.help, "F1 shows the help");
    assert!(on_screen(&mut h, "Keyboard shortcuts"));
    window.frame(&mut h, keys(&[typing("oja Men"), tap(Named::Enter)]));
    assert_eq!(
        booking(&h).search().query,
        "Po",
        "keys typed while the help card is shown went into the booking form behind it"
    );
    assert!(booking(&h).search().chosen.is_none());
}

#[test]
fn f1_in_the_palette_shows_the_help_at_once() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(&mut h, ctrl("k"));
    window.frame(&mut h, tap(Named::F1));
    if h.app.help {
        assert!(
            on_screen(&mut h, "Keyboard shortcuts"),
            "F1 turned the help on, but the palette hides it until the palette is closed"
        );
    }
}

/// True when `words` are on screen (a text, or a field's value).
fn on_screen(h: &mut Harness, words: &'static str) -> bool {
    let mut found = false;
    h.ui(|ui| found = ui.find(words).is_ok());
    found
}

// 9. Find a slot opened from a half-filled booking (Ctrl+F) does not hold Enter as the booking
// and walk-in forms do: with none of its fields focused (after a click beside them), Down and
// Enter work the calendar behind it, and Enter on an empty slot opens a new booking form in its
// place, dropping the search and the half-filled booking it was keeping.

#[test]
fn enter_beside_the_fields_of_find_a_slot_does_not_drop_the_booking_it_keeps() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let patient = booking_with_a_patient_chosen(&mut h, &mut window);
    window.frame(&mut h, ctrl("f"));
    assert!(matches!(h.desk().panel, Panel::FindSlot(_)));
    window.operations.push(Box::new(focusable::unfocus::<()>()));
    window.frame(&mut h, keys(&[tap(Named::ArrowDown), tap(Named::Enter)]));
    match &h.desk().panel {
        Panel::FindSlot(_) => {}
        Panel::Booking(form) => assert_eq!(
            form.search().chosen.as_ref().map(|p| p.id),
            Some(patient.id),
            "Enter on the calendar replaced the search and the booking it kept with an empty form"
        ),
        _ => panic!("Enter on the calendar replaced Find a slot and the booking it kept"),
    }
}

#[test]
fn escape_while_a_status_change_is_stored_still_shows_it_on_the_grid() {
    use frontdesk::gui::screen::details::{ActionKind, Message as D};
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let id = h
        .desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.interval.start > gui_harness::now()
        })
        .expect("an upcoming booking")
        .appointment
        .id;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    // Confirm pressed; Escape before the store answered.
    let storing = h
        .app
        .update(DeskMessage::Details(D::Act(ActionKind::Confirm)).into());
    window.frame(&mut h, tap(Named::Escape));
    window.settle(&mut h, storing);
    let stored = SqliteStore::open(h.dir.path().join("desk.sqlite3"))
        .expect("open")
        .appointment(id)
        .expect("stored")
        .appointment
        .status;
    let shown = h
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .map(|e| e.appointment.status);
    assert_eq!(
        shown,
        Some(stored),
        "the store has the appointment {stored:?}; the grid still shows it {shown:?}"
    );
}

#[test]
fn ctrl_k_in_the_open_palette_keeps_what_was_typed() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(&mut h, ctrl("k"));
    window.frame(&mut h, typing("Asha"));
    assert_eq!(h.desk().palette.as_ref().expect("open").query(), "Asha");
    window.frame(&mut h, ctrl("k"));
    assert_eq!(
        h.desk().palette.as_ref().expect("open").query(),
        "Asha",
        "Ctrl+K with the palette open emptied it"
    );
}
