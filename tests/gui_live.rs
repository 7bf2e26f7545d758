//! The live calendar, headless: two windows (two `App`s) on one database. What one books, or a
//! setting changed anywhere, appears in the other within a second, through the same watcher
//! stream the window's subscription runs, while the other's selection, scroll, zoom and
//! half-typed booking form stay as they were. A watcher that loses the database file says so on
//! the status line, and clears it when the file is back. The two-window test runs on
//! PostgreSQL too when `FRONTDESK_TEST_POSTGRES` names a server.

use std::pin::Pin;
use std::time::{Duration, Instant};

use frontdesk::gui::app::Phase;
use frontdesk::gui::calendar::{GridEvent, ZoomStep};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::{App, Message};
use frontdesk::store::Locator;
use iced::futures::{Stream, StreamExt};

mod common;
mod gui_harness;
use common::{Postgres, Sqlite, TestBackend};
use frontdesk::gui::screen::sign_in::Mode;
use gui_harness::{Harness, now};

/// The messages a window's watcher gives, as its subscription would deliver them.
type Live = Pin<Box<dyn Stream<Item = DeskMessage> + Send>>;

/// The second 1 s bound of the issue: a change shows in the other window within this.
const WITHIN: Duration = Duration::from_secs(1);

/// A window on the database `locator` names, at the desk (the demo is loaded when the
/// database holds no clinic yet), signed in as the demo staff member `who`.
fn window(locator: &str, who: &str) -> Harness {
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let locator = Locator::parse(locator).expect("a locator");
    let (app, task) = App::new(locator, now());
    let mut h = Harness {
        dir: tempfile::tempdir().expect("dir"),
        runtime,
        app,
    };
    h.settle(task);
    if h.app
        .door()
        .is_some_and(|f| matches!(f.mode, Mode::FirstRun { .. }))
    {
        h.click("Load the demo clinic");
    }
    let password = match who {
        "Arjun Iyer" => "demo-administrator",
        "Farah Khan" => "demo-manager",
        "Suresh Pillai" => "demo-nurse",
        _ => "demo-receptionist",
    };
    h.sign_in(who, password);
    assert!(
        matches!(h.app.phase, Phase::Ready(_)),
        "the desk opens: {:?} {:?}",
        h.app.error(),
        h.app.door().and_then(|f| f.error.clone())
    );
    h
}

/// Starts the watcher of the window's database, and takes in its first answer (a change:
/// whatever happened before it started is read again).
fn watch(h: &mut Harness) -> Live {
    let locator = h.desk().database().clone();
    let mut live: Live = Box::pin(frontdesk::gui::desk::live::watch(locator, None));
    let first = next(h, &mut live, Duration::from_secs(5)).expect("the watcher's first answer");
    assert!(
        matches!(first, DeskMessage::DatabaseChanged),
        "the first answer is a change: {first:?}"
    );
    h.send(first);
    live
}

/// The watcher's next message, if one comes within `at_most`.
fn next(h: &Harness, live: &mut Live, at_most: Duration) -> Option<DeskMessage> {
    h.runtime
        .block_on(async { tokio::time::timeout(at_most, live.next()).await })
        .ok()
        .flatten()
}

/// Feeds the watcher's messages to the window until `seen` holds, for at most [`WITHIN`]
/// after `since`; fails after.
fn until(
    h: &mut Harness,
    live: &mut Live,
    since: Instant,
    what: &str,
    seen: impl Fn(&Harness) -> bool,
) {
    while !seen(h) {
        let left = WITHIN.saturating_sub(since.elapsed());
        assert!(
            !left.is_zero(),
            "{what}: not seen within {WITHIN:?} (status: {:?} / {:?})",
            h.app.error(),
            h.app.notice()
        );
        if let Some(message) = next(h, live, left) {
            h.send(Message::Desk(message));
        }
    }
}

/// Window A books; window B, with an appointment selected, scrolled, zoomed and a booking
/// half typed, shows the booking within a second and keeps all of that. Then a doctor renamed
/// from elsewhere (another desk's store) is shown by B within a second.
fn a_booking_in_one_window_appears_in_the_other<B: TestBackend>() {
    let (store, home) = B::fresh();
    drop(store);
    let locator = B::locator(&home);
    let mut a = window(&locator, "Maria D'Souza");
    let mut b = window(&locator, "Kavya Menon");
    let mut live = watch(&mut b);

    // B: an appointment selected, then a slot clicked and a name half typed; scrolled, zoomed.
    let chosen = b
        .desk()
        .entries
        .iter()
        .find(|e| e.appointment.interval.start > now())
        .expect("an upcoming appointment")
        .appointment
        .id;
    b.send(DeskMessage::Grid(GridEvent::AppointmentClicked(chosen)));
    assert_eq!(b.desk().selected, Some(chosen));
    let slot = b.free_slot(15);
    b.send(DeskMessage::Grid(GridEvent::SlotClicked(slot.0, slot.1)));
    b.type_into("booking-patient", "Half typ");
    b.send(DeskMessage::Scrolled(0.0, 137.0));
    b.send(DeskMessage::Zoom(ZoomStep::In));
    let before = |h: &mut Harness| {
        let desk = h.desk_mut();
        let typed = desk
            .panel
            .booking()
            .map(|f| f.typed_fields().map(str::to_owned));
        (desk.selected, desk.scroll, desk.zoom, typed, desk.date)
    };
    let kept = before(&mut b);
    assert!(kept.3.is_some(), "B's booking form is open");
    b.ui(|ui| {
        ui.find("Half typ").expect("typed in B's booking form");
        assert!(ui.find("Overbook anyway").is_err(), "the slot is free");
    });

    // A books the same free slot for a new patient.
    let (column, minute) = a.free_slot(15);
    assert_eq!((column, minute), slot, "the slot in B's form");
    a.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    a.type_into("booking-patient", "Meera Krishnan");
    a.click("New patient (register this name)");
    a.click("Book");
    assert_eq!(a.app.error(), None);
    let booked = Instant::now();
    assert!(
        !b.desk()
            .entries
            .iter()
            .any(|e| e.patient_name == "Meera Krishnan"),
        "B has not read it yet"
    );
    until(&mut b, &mut live, booked, "A's booking in B's grid", |h| {
        h.desk()
            .entries
            .iter()
            .any(|e| e.patient_name == "Meera Krishnan")
            && !h.desk().blocks.is_empty()
    });
    assert_eq!(before(&mut b), kept, "B's selection, scroll, zoom and form");
    assert!(matches!(b.desk().panel, Panel::Booking(_)));
    b.ui(|ui| {
        ui.find("Half typ").expect("what B typed stays");
        // B's form was on the slot A just took: it says so before Book is pressed.
        ui.find("Overbook anyway")
            .expect("the slot taken shows as a conflict in B's form");
    });
    assert_eq!(b.app.error(), None);

    // A doctor renamed at another desk (another store on the database): B's columns follow.
    let doctor = b.desk().columns[0].doctor.expect("a doctor column");
    let mut other =
        frontdesk::store::open(&Locator::parse(&locator).expect("locator")).expect("another desk");
    let mut renamed = other
        .doctors()
        .expect("doctors")
        .into_iter()
        .find(|d| d.id == doctor)
        .expect("the doctor");
    renamed.name = "Dr. அனிதா राव 陈 👩‍⚕️".into();
    other.save_doctor(&renamed, "ravi", now()).expect("renamed");
    let saved = Instant::now();
    until(&mut b, &mut live, saved, "the doctor renamed in B", |h| {
        h.desk().setup().doctor(doctor).map(|d| d.name.as_str()) == Some("Dr. அனிதா राव 陈 👩‍⚕️")
    });
    assert!(
        b.desk()
            .columns
            .iter()
            .any(|c| c.doctor == Some(doctor) && c.title == "Dr. அனிதா राव 陈 👩‍⚕️"),
        "the new name on the doctor's column heading"
    );
    assert_eq!(before(&mut b), kept, "B's selection, scroll, zoom and form");
}

#[test]
fn sqlite_a_booking_in_one_window_appears_in_the_other_within_a_second() {
    a_booking_in_one_window_appears_in_the_other::<Sqlite>();
}

#[test]
fn postgres_a_booking_in_one_window_appears_in_the_other_within_a_second() {
    if Postgres::available() {
        a_booking_in_one_window_appears_in_the_other::<Postgres>();
    }
}

/// An appointment open in B's details and cancelled in A: B's details show it cancelled,
/// and a note half typed in B's edit form stays.
#[test]
fn an_appointment_cancelled_elsewhere_shows_its_new_status_in_the_details_open() {
    let (store, home) = Sqlite::fresh();
    drop(store);
    let locator = Sqlite::locator(&home);
    let mut a = window(&locator, "Maria D'Souza");
    let mut b = window(&locator, "Kavya Menon");
    let mut live = watch(&mut b);
    let id = b.upcoming_booking().appointment.id;
    b.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    b.type_into("details-edit-notes", " typed in B");
    a.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    a.type_into("details-reason", "Patient phoned");
    a.click("Cancel…");
    assert_eq!(a.app.error(), None);
    let cancelled = Instant::now();
    until(&mut b, &mut live, cancelled, "the cancellation in B", |h| {
        h.desk().entries.iter().any(|e| {
            e.appointment.id == id
                && e.appointment.status == frontdesk::scheduling::Status::Cancelled
        })
    });
    assert_eq!(b.desk().selected, Some(id), "still selected");
    assert!(matches!(b.desk().panel, Panel::Details(_)), "still open");
    b.ui(|ui| {
        ui.find("Cancelled")
            .expect("the details show the new status");
        ui.find(" typed in B").expect("what B typed stays");
    });
}

/// B's watcher loses the database file: the status line says the file cannot be reached,
/// since when, that what is shown may be out of date and changes are refused; the calendar
/// keeps what it has. The file back, the line goes and the desk says so.
#[test]
fn a_lost_database_is_said_and_its_return_clears_it() {
    let (store, home) = Sqlite::fresh();
    drop(store);
    let locator = Sqlite::locator(&home);
    let mut b = window(&locator, "Kavya Menon");
    // A change at B, for Ctrl+Z.
    let confirmed = b.upcoming_booking().appointment.id;
    b.send(DeskMessage::Grid(GridEvent::AppointmentClicked(confirmed)));
    b.click("Confirm");
    assert_eq!(b.app.error(), None);
    assert_eq!(b.desk().history.depth(), (1, 0));
    let shown = b.desk().entries.len();
    assert!(shown > 0);
    let path = Sqlite::file(&home);
    let away = home.path().join("away.sqlite3");
    std::fs::rename(&path, &away).expect("moved away");
    let mut live: Live = Box::pin(frontdesk::gui::desk::live::watch(
        Locator::parse(&locator).expect("locator"),
        None,
    ));
    let lost = next(&b, &mut live, Duration::from_secs(5)).expect("the watcher's answer");
    assert!(
        matches!(lost, DeskMessage::DatabaseLost(..)),
        "lost: {lost:?}"
    );
    b.send(lost);
    let line = b.desk().lost_line().expect("the line");
    assert!(
        line.starts_with("The database file cannot be reached since "),
        "{line}"
    );
    assert!(line.contains("may be out of date"), "{line}");
    assert!(
        line.contains("changes are refused until it is back"),
        "{line}"
    );
    b.ui(|ui| {
        ui.find(line.as_str()).expect("on the status line");
    });
    assert_eq!(
        b.desk().entries.len(),
        shown,
        "the calendar keeps what it has"
    );
    // A read that fails meanwhile (the clock's look at the freed slots) adds no error: the
    // line says it already.
    b.send(DeskMessage::WaitlistFeed(
        None,
        Err("cannot be read".into()),
    ));
    assert_eq!(b.app.error(), None, "no second word for the same loss");
    // Ctrl+Z waits for the database: the change stays in the history.
    b.send(DeskMessage::Undo);
    let said = b.app.error().expect("said").to_owned();
    assert!(
        said.starts_with("The database cannot be reached: nothing can be undone"),
        "{said}"
    );
    assert_eq!(b.desk().history.depth(), (1, 0), "kept");
    b.send(DeskMessage::DismissError);

    std::fs::rename(&away, &path).expect("back");
    let back = Instant::now();
    until(&mut b, &mut live, back, "the database back", |h| {
        h.desk().lost_line().is_none()
    });
    let notice = b.app.notice().expect("a notice").to_owned();
    assert!(
        notice.starts_with("The database can be reached again"),
        "{notice}"
    );
    assert_eq!(b.desk().entries.len(), shown);
    b.send(DeskMessage::WaitlistFeed(
        None,
        Err("cannot be read".into()),
    ));
    assert_eq!(
        b.app.error(),
        Some(&"cannot be read".to_owned()),
        "said again once back"
    );
    b.send(DeskMessage::Undo);
    assert_eq!(b.desk().history.depth(), (0, 1), "undone once back");
}

/// Changes that come while a round of reading again is under way start no second round at
/// once: the round under way makes one more after it. A round ends, and a later change
/// starts one again.
#[test]
fn changes_during_a_round_of_reading_again_are_not_doubled() {
    let mut h = Harness::with_demo();
    let first = h.app.update(Message::Desk(DeskMessage::DatabaseChanged));
    assert!(first.units() > 0, "the first change starts a round");
    let second = h.app.update(Message::Desk(DeskMessage::DatabaseChanged));
    assert!(
        second.units() == 0,
        "a change during the round starts nothing at once"
    );
    h.settle(first);
    let later = h.app.update(Message::Desk(DeskMessage::DatabaseChanged));
    assert!(
        later.units() > 0,
        "after the rounds, a change starts one again"
    );
    h.settle(later);
    assert_eq!(h.app.error(), None);
    assert!(!h.desk().entries.is_empty());
}

/// An answer to an older look at today (the clock's, say) that comes after a newer one is
/// dropped: the Today panel keeps the newer list.
#[test]
fn a_stale_answer_for_today_is_dropped() {
    let mut h = Harness::with_demo();
    let today = h.desk().today.clone();
    assert!(!today.is_empty());
    let (clinic, date) = h.desk().today_for.expect("today loaded");
    h.send(DeskMessage::TodayLoaded(0, clinic, date, Ok(Vec::new())));
    assert_eq!(
        h.desk().today.len(),
        today.len(),
        "the older answer is dropped"
    );
}

/// The details open are read again after each change; reads may finish out of order, and an
/// answer to an earlier read that comes after a later one's is dropped, while the latest read's
/// answer is taken in.
#[test]
fn a_late_answer_to_an_earlier_read_of_the_details_is_dropped() {
    use frontdesk::gui::screen::details;
    use frontdesk::scheduling::Status;
    let mut h = Harness::with_demo();
    let entry = h.upcoming_booking();
    let id = entry.appointment.id;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(id)));
    let status_shown = |h: &Harness| match &h.desk().panel {
        Panel::Details(state) => state.shown().map(|e| e.appointment.status),
        _ => panic!("the details are open"),
    };
    assert_eq!(status_shown(&h), Some(Status::Scheduled));
    // Two changes, two rounds of reading again: the details are read twice (reads 1 and 2).
    for _ in 0..2 {
        let round = h.app.update(Message::Desk(DeskMessage::DatabaseChanged));
        h.settle(round);
    }
    let answer = |status: Status| {
        let mut e = entry.clone();
        e.appointment.status = status;
        Ok(Box::new((e, Vec::new())))
    };
    h.send(DeskMessage::Details(details::Message::Refreshed(
        1,
        answer(Status::Cancelled),
    )));
    assert_eq!(
        status_shown(&h),
        Some(Status::Scheduled),
        "the first read's answer, late, is dropped"
    );
    h.send(DeskMessage::Details(details::Message::Refreshed(
        2,
        answer(Status::Confirmed),
    )));
    assert_eq!(
        status_shown(&h),
        Some(Status::Confirmed),
        "the latest read's answer is taken in"
    );
}
