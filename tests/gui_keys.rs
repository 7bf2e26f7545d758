//! Keys go where you type (issue 13, point 1): in the booking and walk-in typeahead and in the
//! palette, Down, Up, Enter, Tab and Escape work the field and its panel, never the calendar
//! behind them; letters typed right after Ctrl+K land in the palette, in order.
//!
//! The keys go through the real view as the window's runtime takes them: a `Window` keeps the
//! widgets' state (which field has the focus) from frame to frame, runs the focus operations the
//! app's Tasks ask for before the next frame, and turns every key no widget took into
//! `Message::Key`, as `keyboard::listen` does. All the keys of one frame reach the widgets of
//! the same view, as when a receptionist types faster than the window redraws.

use frontdesk::gui::calendar::{GridEvent, View};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store};
use iced::keyboard::key::Named;
use iced_runtime::core::widget::operation::focusable;

mod gui_harness;
use gui_harness::keys::*;
use gui_harness::{Harness, two_pooja_menons};
#[test]
fn letters_typed_right_after_ctrl_k_land_in_the_palette_in_order() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let before = calendar(&h);
    // Ctrl+K and the name in one frame: the palette's field has no focus yet.
    window.frame(&mut h, keys(&[ctrl("k"), typing("Asha")]));
    let palette = h
        .desk()
        .palette
        .as_ref()
        .expect("Ctrl+K opened the palette");
    assert_eq!(palette.query(), "Asha");
    // Then the field has the focus: the next letters (calendar shortcuts elsewhere) go on.
    window.frame(&mut h, typing(" t123"));
    let palette = h
        .desk()
        .palette
        .as_ref()
        .expect("the palette is still open");
    assert_eq!(palette.query(), "Asha t123");
    assert_eq!(
        calendar(&h),
        before,
        "the calendar's view and date did not change"
    );
}

#[test]
fn shortcut_letters_typed_before_the_palette_has_focus_do_not_switch_the_view() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let before = calendar(&h);
    window.frame(
        &mut h,
        keys(&[ctrl("k"), typing("t2 3"), tap(Named::Backspace)]),
    );
    let palette = h.desk().palette.as_ref().expect("the palette is open");
    assert_eq!(palette.query(), "t2 ");
    assert_eq!(calendar(&h), before);
}

#[test]
fn down_and_enter_in_the_booking_typeahead_pick_the_second_suggestion_and_open_nothing() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    let before = calendar(&h);
    let stored_before = stored(&h);
    // Typed fast: the letters reach the field, the suggestions come.
    window.frame(&mut h, typing("Pooja Men"));
    assert_eq!(booking(&h).search().query, "Pooja Men");
    assert!(booking(&h).search().matches.len() >= 2);
    let second = booking(&h).search().matches[1].clone();
    window.frame(&mut h, keys(&[tap(Named::ArrowDown), tap(Named::Enter)]));
    let form = booking(&h);
    assert_eq!(
        form.search().chosen.as_ref().map(|p| p.id),
        Some(second.id),
        "Down then Enter picked the second suggestion"
    );
    assert!(second.name.starts_with("Pooja Men"));
    assert_eq!(calendar(&h), before, "the calendar cursor did not move");
    assert_eq!(h.desk().selected, None, "no appointment was opened");
    assert_eq!(stored(&h), stored_before, "nothing was created or changed");
    // Up then Enter in the field now that a patient is chosen: still the booking form, and
    // Enter books nothing by itself.
    window.frame(&mut h, keys(&[tap(Named::ArrowUp), tap(Named::Enter)]));
    assert!(matches!(h.desk().panel, Panel::Booking(_)));
    assert_eq!(calendar(&h), before);
    assert_eq!(stored(&h), stored_before);
}

#[test]
fn enter_with_the_booking_form_open_but_no_field_focused_does_not_open_the_calendar_slot() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    window.frame(&mut h, typing("Half"));
    assert_eq!(booking(&h).search().query, "Half");
    // The focus leaves the form (as a click on the calendar does); the keyboard cursor is on
    // a slot.
    window.operations.push(Box::new(focusable::unfocus::<()>()));
    let stored_before = stored(&h);
    window.frame(
        &mut h,
        keys(&[tap(Named::ArrowDown), tap(Named::Enter), typing("t")]),
    );
    let form = booking(&h);
    assert_eq!(
        form.search().query,
        "Halft",
        "a letter typed with no field focused goes on the patient's name"
    );
    assert_eq!(stored(&h), stored_before);
    assert_eq!(h.desk().selected, None);
}

/// Tab and Shift+Tab go through every field of the booking form in its order on screen, the
/// choice fields (doctor, visit type, room, mode) too; on a choice field Up and Down choose.
/// (Before, Tab skipped the choice fields: iced's pick list takes no focus, so a doctor or
/// visit type could not be chosen without the mouse.)
#[test]
fn tab_and_shift_tab_go_through_the_booking_fields_in_their_order_on_screen() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    let [time, minutes, _] = booking(&h).typed_fields().map(str::to_owned);
    let first = booking(&h).wanted();
    window.frame(&mut h, typing("Zed"));
    // Doctor: Down chooses the next doctor, and typing goes nowhere else.
    window.frame(&mut h, keys(&[tap(Named::Tab), tap(Named::ArrowDown)]));
    let doctor = booking(&h).wanted().doctor;
    assert_ne!(doctor, first.doctor, "Tab: doctor, Down: the next doctor");
    assert_eq!(booking(&h).search().query, "Zed");
    window.frame(&mut h, keys(&[tap(Named::Tab), typing("a")]));
    assert_eq!(
        booking(&h).typed_fields()[0],
        format!("{time}a"),
        "Tab: start"
    );
    window.frame(&mut h, keys(&[tap(Named::Tab), typing("b")]));
    assert_eq!(
        booking(&h).typed_fields()[1],
        format!("{minutes}b"),
        "Tab: minutes"
    );
    // Visit type: Up then Down comes back to where it was; End takes the last.
    let visit = booking(&h).wanted().visit_type;
    window.frame(&mut h, keys(&[tap(Named::Tab), tap(Named::End)]));
    let last = booking(&h).wanted().visit_type;
    assert_ne!(last, visit, "Tab: visit type, End: the last");
    window.frame(&mut h, keys(&[tap(Named::Home)]));
    assert_ne!(booking(&h).wanted().visit_type, last, "Home: the first");
    assert_eq!(booking(&h).wanted().doctor, doctor, "the doctor stays");
    // Room, then mode, then the reason.
    window.frame(
        &mut h,
        keys(&[tap(Named::Tab), tap(Named::Tab), tap(Named::Tab)]),
    );
    window.frame(&mut h, typing("c"));
    assert_eq!(booking(&h).typed_fields()[2], "c", "Tab, Tab, Tab: reason");
    window.frame(&mut h, keys(&[tap(Named::Tab), typing("d")]));
    assert_eq!(
        booking(&h).search().query,
        "Zedd",
        "Tab from the last field: the first"
    );
    window.frame(&mut h, keys(&[shift_tab(), typing("e")]));
    assert_eq!(
        booking(&h).typed_fields()[2],
        "ce",
        "Shift+Tab: back to the reason"
    );
    assert!(matches!(h.desk().panel, Panel::Booking(_)));
}

/// On the walk-in form the doctor is reached by Tab and chosen with Down.
#[test]
fn the_walk_in_doctor_is_chosen_by_tab_and_keys() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(&mut h, keys(&[ctrl("i"), typing("Zubin Irani")]));
    assert!(matches!(h.desk().panel, Panel::WalkIn(_)));
    let stored_before = stored(&h);
    let before = walk_in(&h).doctor();
    // Patient → phone (a new name) → doctor.
    window.frame(
        &mut h,
        keys(&[tap(Named::Tab), tap(Named::Tab), tap(Named::ArrowDown)]),
    );
    let chosen = walk_in(&h).doctor();
    assert_ne!(chosen, before, "Down on the doctor chose another");
    assert!(chosen.is_some());
    assert_eq!(
        walk_in(&h).search().query,
        "Zubin Irani",
        "nothing typed elsewhere"
    );
    assert_eq!(
        stored(&h),
        stored_before,
        "nobody registered, nothing booked"
    );
}

#[test]
fn one_escape_closes_the_suggestions_then_one_closes_the_form() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    window.frame(&mut h, typing("Pooja Men"));
    assert!(booking(&h).search().list_shown());
    window.frame(&mut h, tap(Named::Escape));
    assert!(
        !booking(&h).search().list_shown(),
        "one Escape hid the list"
    );
    assert_eq!(booking(&h).search().query, "Pooja Men", "the text stays");
    window.frame(&mut h, tap(Named::Escape));
    assert!(
        matches!(h.desk().panel, Panel::Today),
        "the next Escape closed the form, although its field had the focus"
    );
}

#[test]
fn escape_in_a_focused_field_of_a_page_goes_back_to_the_calendar_in_one_press() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let task = h.app.update(DeskMessage::ShowWaitlist.into());
    window.settle(&mut h, task);
    assert!(!h.desk().page.is_calendar());
    window.frame(&mut h, typing("x"));
    window.frame(&mut h, tap(Named::Escape));
    assert!(h.desk().page.is_calendar());
}

#[test]
fn the_walk_in_typeahead_takes_down_enter_tab_and_escape_and_registers_nobody() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    let before = calendar(&h);
    let stored_before = stored(&h);
    // Ctrl+I and the partial name in one frame, then Down and Enter.
    window.frame(&mut h, keys(&[ctrl("i"), typing("Pooja Men")]));
    assert_eq!(walk_in(&h).search().query, "Pooja Men");
    let second = walk_in(&h).search().matches[1].id;
    window.frame(&mut h, keys(&[tap(Named::ArrowDown), tap(Named::Enter)]));
    assert_eq!(
        walk_in(&h).patient().map(|p| p.id),
        Some(second),
        "Down then Enter picked the second Pooja Menon"
    );
    assert_eq!(stored(&h), stored_before, "no patient and no walk-in yet");
    // Tab goes to the next field; Escape closes the form in one press from there.
    window.frame(&mut h, keys(&[tap(Named::Tab), typing("fever")]));
    assert!(matches!(h.desk().panel, Panel::WalkIn(_)));
    assert_eq!(calendar(&h), before);
    window.frame(&mut h, tap(Named::Escape));
    assert!(matches!(h.desk().panel, Panel::Today));
    assert_eq!(stored(&h), stored_before);
}

#[test]
fn down_up_and_enter_in_the_palette_take_the_entry_highlighted() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let before = calendar(&h);
    assert_eq!(before.0, View::DayByDoctor);
    // With nothing typed the palette lists its actions: walk-in, day by doctor, day by room…
    window.frame(&mut h, ctrl("k"));
    window.frame(
        &mut h,
        keys(&[
            tap(Named::ArrowDown),
            tap(Named::ArrowDown),
            tap(Named::ArrowDown),
            tap(Named::ArrowUp),
            tap(Named::Enter),
        ]),
    );
    assert!(h.desk().palette.is_none(), "Enter took an entry");
    assert!(
        matches!(h.desk().panel, Panel::Today),
        "not the first entry (the walk-in form)"
    );
    assert_eq!(
        h.desk().view,
        View::DayByRoom,
        "the third entry: day by room"
    );
    assert_eq!(
        h.desk().cursor,
        before.2,
        "the calendar cursor did not move"
    );
}

// Issue 13, point 7: Ctrl+F keeps the booking form; Find a slot runs on Enter and its results
// look like buttons; the visit type's words follow the minutes.

fn find_slot(h: &Harness) -> &frontdesk::gui::screen::find_slot::State {
    match &h.desk().panel {
        Panel::FindSlot(panel) => panel,
        _ => panic!("the find-a-slot panel is not open"),
    }
}

/// True when `words` are on screen (a text, or a field's value).
fn on_screen(h: &mut Harness, words: &'static str) -> bool {
    let mut found = false;
    h.ui(|ui| found = ui.find(words).is_ok());
    found
}

/// A booking form with a patient chosen and its length changed, then Ctrl+F.
fn half_filled_booking_then_ctrl_f(h: &mut Harness, window: &mut Window) -> (Patient, DoctorId) {
    two_pooja_menons(h);
    open_booking(h, window);
    window.frame(h, typing("Pooja Men"));
    window.frame(h, tap(Named::Enter));
    let chosen = booking(h)
        .search()
        .chosen
        .clone()
        .expect("a patient chosen");
    assert!(chosen.name.starts_with("Pooja Men"));
    h.send(DeskMessage::Booking(
        frontdesk::gui::screen::booking::Message::Minutes("35".into()),
    ));
    let doctor = booking(h).slot().0;
    window.frame(h, ctrl("f"));
    (chosen, doctor)
}

#[test]
fn ctrl_f_in_a_half_filled_booking_searches_for_it_and_the_slot_chosen_goes_back_to_it() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let (patient, doctor) = half_filled_booking_then_ctrl_f(&mut h, &mut window);
    let stored_before = stored(&h);
    assert!(on_screen(&mut h, "Find a slot for Pooja Menon"));
    assert!(on_screen(&mut h, "35"), "the booking's length");
    // Enter in the length field runs the search (point 3).
    window.frame(&mut h, tap(Named::Enter));
    let results = find_slot(&h).results().to_vec();
    assert!(!results.is_empty(), "Enter ran the search");
    assert!(
        results.iter().all(|s| s.doctor == Some(doctor)),
        "the booking's doctor"
    );
    assert!(results.iter().all(|s| s.interval.minutes() == 35));
    let slot = results[results.len() - 1];
    let pick = frontdesk::gui::screen::find_slot::Message::Pick(results.len() - 1);
    h.send(DeskMessage::FindSlot(pick));
    let form = booking(&h);
    assert_eq!(
        form.search().chosen.as_ref().map(|p| p.id),
        Some(patient.id),
        "the patient is kept"
    );
    assert_eq!(form.typed_fields()[1], "35", "the length is kept");
    let zone = chrono_tz::Asia::Kolkata;
    let (date, minute) = frontdesk::gui::screen::find_slot::local_start(zone, &slot);
    let (d, room, on, time) = form.slot();
    assert_eq!((d, room, on), (doctor, slot.room, date));
    assert_eq!(time, format!("{:02}:{:02}", minute / 60, minute % 60));
    assert_eq!(stored(&h), stored_before, "nothing booked yet");
}

#[test]
fn closing_find_a_slot_opened_from_a_booking_gives_the_booking_back_as_it_was() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    let (patient, doctor) = half_filled_booking_then_ctrl_f(&mut h, &mut window);
    assert!(matches!(h.desk().panel, Panel::FindSlot(_)));
    window.frame(&mut h, tap(Named::Escape));
    let form = booking(&h);
    assert_eq!(
        form.search().chosen.as_ref().map(|p| p.id),
        Some(patient.id)
    );
    assert_eq!(form.typed_fields()[1], "35");
    assert_eq!(form.slot().0, doctor);
}

#[test]
fn enter_in_the_find_a_slot_fields_runs_the_search() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    window.frame(&mut h, ctrl("f"));
    assert!(find_slot(&h).results().is_empty());
    // The length field has the focus; Tab goes on through the doctor and the room (choice
    // fields) to the dates, where Enter searches too.
    window.frame(
        &mut h,
        keys(&[
            tap(Named::Tab),
            tap(Named::Tab),
            tap(Named::Tab),
            tap(Named::Enter),
        ]),
    );
    assert!(
        !find_slot(&h).results().is_empty(),
        "Enter in From searched"
    );
}

/// WCAG's contrast ratio of two colours.
fn contrast(a: iced::Color, b: iced::Color) -> f32 {
    let lum = |c: iced::Color| {
        let f = |v: f32| {
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn find_a_slot_results_are_real_buttons_readable_in_light_and_dark() {
    use frontdesk::gui::screen::find_slot::result_style;
    use iced::widget::button::{self, Status};
    for theme in [iced::Theme::Light, iced::Theme::Dark] {
        for status in [Status::Active, Status::Hovered] {
            let style = result_style(&theme, status);
            let Some(iced::Background::Color(back)) = style.background else {
                panic!("a result has a background of its own");
            };
            assert!(
                contrast(style.text_color, back) >= 4.5,
                "{theme:?} {status:?}: text readable on the button"
            );
            // Not the look of a disabled button (secondary, half transparent).
            let disabled = button::secondary(&theme, Status::Disabled);
            assert_ne!(style.background, disabled.background);
            assert_eq!(back.a, 1.0);
        }
        assert_ne!(
            result_style(&theme, Status::Active).background,
            result_style(&theme, Status::Hovered).background,
            "the pointer shows on a result"
        );
    }
}

#[test]
fn the_visit_type_says_the_minutes_typed_when_they_differ_from_its_length() {
    use frontdesk::gui::screen::booking::visit_label;
    assert_eq!(
        visit_label("Consultation", 15, Some(15)),
        "Consultation (15 min)"
    );
    assert_eq!(
        visit_label("Consultation", 15, None),
        "Consultation (15 min)"
    );
    assert_eq!(
        visit_label("Consultation", 15, Some(20)),
        "Consultation (20 min; usually 15)"
    );
    // A length no booking can have is the minutes field's to explain, not the label's.
    for absurd in [0, -5, 1590, i64::MAX, i64::MIN] {
        assert_eq!(
            visit_label("Consultation", 15, Some(absurd)),
            "Consultation (15 min)",
            "{absurd}"
        );
    }
    assert_eq!(
        visit_label("Consultation", 15, Some(480)),
        "Consultation (480 min; usually 15)"
    );
}

fn waitlist_form(h: &Harness) -> &frontdesk::gui::screen::waitlist_form::Form {
    match &h.desk().page {
        frontdesk::gui::desk::Page::Waitlist(state) => &state.form,
        _ => panic!("the waitlist page is not shown"),
    }
}

#[test]
fn the_waitlist_typeahead_takes_down_enter_and_escape_like_the_forms() {
    let mut h = Harness::with_demo();
    two_pooja_menons(&h);
    let mut window = Window::new();
    let task = h.app.update(DeskMessage::ShowWaitlist.into());
    window.settle(&mut h, task);
    window.frame(&mut h, typing("Pooja Men"));
    assert!(waitlist_form(&h).suggestions_shown());
    // Escape hides the suggestions first; the page stays.
    window.frame(&mut h, tap(Named::Escape));
    assert!(!waitlist_form(&h).suggestions_shown());
    assert!(!h.desk().page.is_calendar());
    // Typing shows them again; Down and Enter pick the second.
    window.frame(&mut h, typing("o"));
    window.frame(&mut h, keys(&[tap(Named::Backspace)]));
    assert!(waitlist_form(&h).suggestions_shown());
    let stored_before = stored(&h);
    window.frame(&mut h, keys(&[tap(Named::ArrowDown), tap(Named::Enter)]));
    let chosen = waitlist_form(&h).chosen().expect("Enter picked a patient");
    assert!(chosen.name.starts_with("Pooja Men"));
    assert_eq!(stored(&h), stored_before);
    window.frame(&mut h, tap(Named::Escape));
    assert!(
        h.desk().page.is_calendar(),
        "then Escape goes back to the calendar"
    );
}

#[test]
fn ctrl_z_in_a_field_is_the_fields_and_never_undoes_the_desks_last_change() {
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
    h.click("Confirm");
    let status = || {
        SqliteStore::open(h.dir.path().join("desk.sqlite3"))
            .expect("open")
            .appointment(id)
            .expect("stored")
            .appointment
            .status
    };
    assert_eq!(status(), Status::Confirmed);
    assert!(h.desk().history.can_undo(), "a change Ctrl+Z could undo");
    h.send(DeskMessage::ClosePanel);
    open_booking(&mut h, &mut window);
    let stored_before = stored(&h);
    window.frame(&mut h, keys(&[typing("Ab"), ctrl("z")]));
    assert_eq!(booking(&h).search().query, "Ab");
    assert_eq!(stored(&h), stored_before, "nothing was undone");
    // With no field focused, Ctrl+Z is the desk's undo again.
    window.operations.push(Box::new(focusable::unfocus::<()>()));
    window.frame(&mut h, ctrl("z"));
    assert_ne!(stored(&h), stored_before, "the desk's undo ran");
}

#[test]
fn ctrl_k_typed_in_the_booking_field_then_a_name_fast_fills_the_palette_not_the_form() {
    let mut h = Harness::with_demo();
    let mut window = Window::new();
    open_booking(&mut h, &mut window);
    // All in one frame: the form's field has the focus when Ctrl+K comes.
    window.frame(&mut h, keys(&[typing("Ab"), ctrl("k"), typing("Asha")]));
    assert_eq!(
        booking(&h).search().query,
        "Ab",
        "the form kept what was typed in it"
    );
    let palette = h
        .desk()
        .palette
        .as_ref()
        .expect("Ctrl+K opened the palette");
    assert_eq!(palette.query(), "Asha");
    // Ctrl+I from the same field: the walk-in form gets the name typed right after.
    window.frame(&mut h, tap(Named::Escape));
    assert!(h.desk().palette.is_none());
    window
        .operations
        .push(Box::new(focusable::focus::<()>(iced::widget::Id::new(
            "booking-patient",
        ))));
    window.frame(&mut h, keys(&[typing("c"), ctrl("i"), typing("Ravi")]));
    assert!(matches!(h.desk().panel, Panel::WalkIn(_)));
    assert_eq!(walk_in(&h).search().query, "Ravi");
}
