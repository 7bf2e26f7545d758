//! Find a slot and recurring series in the window, headless: iced_test's simulator clicks and
//! types through the real views, and every Task runs against a real temporary database. The
//! series flows use a small clinic in America/New_York, across its 2026-11-01 clock change.

mod gui_harness;
use gui_harness::{Harness, now};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Tz;
use frontdesk::gui::App;
use frontdesk::gui::Message;
use frontdesk::gui::app::Phase;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::screen::{booking, find_slot, repeat};
use frontdesk::gui::widget::Choice;
use frontdesk::scheduling::time::format_local;
use frontdesk::scheduling::*;
use frontdesk::store::{AgendaFilter, BookingRequest, SqliteStore, Start, Store};
use uuid::Uuid;

/// A selector for a text that contains `part`.
fn contains(
    part: &'static str,
) -> impl FnMut(iced_test::selector::Candidate<'_>) -> Option<String> + Send {
    move |candidate| match candidate {
        iced_test::selector::Candidate::Text { content, .. } if content.contains(part) => {
            Some(content.to_owned())
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Find a slot (the demo clinic, Asia/Kolkata)

fn find_slot_state(h: &Harness) -> &find_slot::State {
    match &h.desk().panel {
        Panel::FindSlot(panel) => panel,
        _ => panic!("the find-a-slot panel is not open"),
    }
}

#[test]
fn find_a_slot_then_pick_one_opens_the_booking_form_prefilled_and_books_it() {
    let mut h = Harness::with_demo();
    let zone = chrono_tz::Asia::Kolkata;
    h.click("Find a slot");
    assert!(matches!(h.desk().panel, Panel::FindSlot(_)));
    // Dr. X, any room, in the afternoon, this week.
    let (doctor, doctor_name) = {
        let desk = h.desk();
        let column = desk
            .columns
            .iter()
            .find(|c| c.doctor.is_some())
            .expect("a doctor today");
        let id = column.doctor.expect("doctor");
        let name = desk
            .entries
            .iter()
            .find(|e| e.appointment.doctor == id)
            .map(|e| e.doctor_name.clone())
            .expect("the doctor's name");
        (id, name)
    };
    h.send(DeskMessage::FindSlot(find_slot::Message::Doctor(
        Choice::new(Some(doctor), doctor_name.clone()),
    )));
    h.send(DeskMessage::FindSlot(find_slot::Message::Room(
        Choice::new(find_slot::RoomWanted::Any, "Any room"),
    )));
    h.send(DeskMessage::FindSlot(find_slot::Message::Part(
        Choice::new(find_slot::Part::Afternoon, "Afternoon"),
    )));
    h.click("Search");
    assert_eq!(h.app.error(), None);
    let results = find_slot_state(&h).results().to_vec();
    assert!(!results.is_empty(), "the doctor has a free afternoon slot");
    for s in &results {
        let start = s.interval.start.with_timezone(&zone);
        let end = s.interval.end.with_timezone(&zone);
        assert_eq!(s.doctor, Some(doctor));
        assert!(s.room.is_some(), "any room names the room");
        assert!(start.hour() >= 12, "afternoon: {start}");
        assert!(
            end.hour() < 17 || (end.hour() == 17 && end.minute() == 0),
            "ends by 17:00: {end}"
        );
        assert!(s.interval.start >= now());
    }
    // The list shows date, time, doctor and room; choose the first.
    let first = results[0];
    let start = first.interval.start.with_timezone(&zone);
    let label: &'static str = Box::leak(
        format!(
            "{}  {}–{}",
            start.format("%a %-d %b"),
            start.format("%H:%M"),
            first.interval.end.with_timezone(&zone).format("%H:%M")
        )
        .into_boxed_str(),
    );
    h.ui(|ui| {
        assert!(ui.find(label).is_ok(), "{label} is listed");
        assert!(ui.find(contains(" · Room")).is_ok() || ui.find(contains(" · ")).is_ok());
    });
    h.click(label);
    assert!(
        matches!(h.desk().panel, Panel::Booking(_)),
        "choosing a slot opens the booking form"
    );
    assert_eq!(
        h.desk().date,
        start.date_naive(),
        "the calendar shows the slot's day"
    );
    let heading: &'static str =
        Box::leak(format!("Book {}", start.format("%a %-d %b %Y")).into_boxed_str());
    let time: &'static str = Box::leak(start.format("%H:%M").to_string().into_boxed_str());
    h.ui(|ui| {
        assert!(ui.find(heading).is_ok(), "the form is for the slot's day");
        assert!(ui.find(time).is_ok(), "the start is pre-filled");
    });
    h.type_into("booking-patient", "Kavya Menon");
    h.click("New patient (register this name)");
    h.click("Book");
    assert_eq!(h.app.error(), None);
    let booked = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Kavya Menon")
        .expect("booked and shown")
        .clone();
    assert_eq!(booked.appointment.interval, first.interval);
    assert_eq!(booked.appointment.doctor, doctor);
    assert_eq!(booked.appointment.room, first.room);
    assert_eq!(booked.overbook_reason, None, "the slot was free");
}

#[test]
fn find_a_slot_explains_bad_input_and_searches_nothing() {
    let mut h = Harness::with_demo();
    h.click("Find a slot");
    h.send(DeskMessage::FindSlot(find_slot::Message::To(
        "next week".into(),
    )));
    h.click("Search");
    h.ui(|ui| {
        assert!(
            ui.find("\"next week\" is not a last date: write it as YYYY-MM-DD, e.g. 2026-12-01.")
                .is_ok()
        );
    });
    assert!(find_slot_state(&h).results().is_empty());
    h.send(DeskMessage::FindSlot(find_slot::Message::To(
        "2026-11-30".into(),
    )));
    h.send(DeskMessage::FindSlot(find_slot::Message::Part(
        Choice::new(find_slot::Part::Between, "Between…"),
    )));
    h.send(DeskMessage::FindSlot(find_slot::Message::After(
        "16:00".into(),
    )));
    h.send(DeskMessage::FindSlot(find_slot::Message::Before(
        "15:00".into(),
    )));
    h.click("Search");
    h.ui(|ui| {
        assert!(
            ui.find("the window 16:00–15:00 ends before it starts: give a \"before\" time later than the \"after\" time.")
                .is_ok()
        );
    });
    // A window that fits: every slot lies in it, for any doctor.
    h.send(DeskMessage::FindSlot(find_slot::Message::After(
        "15:30".into(),
    )));
    h.send(DeskMessage::FindSlot(find_slot::Message::Before(
        "16:30".into(),
    )));
    h.click("Search");
    let results = find_slot_state(&h).results().to_vec();
    assert!(!results.is_empty());
    for s in results {
        let start = s.interval.start.with_timezone(&chrono_tz::Asia::Kolkata);
        let end = s.interval.end.with_timezone(&chrono_tz::Asia::Kolkata);
        assert!(start.time() >= NaiveTime::from_hms_opt(15, 30, 0).unwrap());
        assert!(end.time() <= NaiveTime::from_hms_opt(16, 30, 0).unwrap());
        assert!(start.date_naive() <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert!(s.doctor.is_some());
    }
}

// ---------------------------------------------------------------------------------------------
// Recurring series (a small clinic in America/New_York)

const ZONE: Tz = New_York;

fn uid(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn ny(text: &str) -> DateTime<Utc> {
    let wall = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("wall");
    ZONE.from_local_datetime(&wall)
        .earliest()
        .expect("exists")
        .with_timezone(&Utc)
}

/// 08:00 EDT on Tuesday 2026-10-27.
fn ny_now() -> DateTime<Utc> {
    ny("2026-10-27 08:00")
}

fn rao() -> DoctorId {
    DoctorId(uid(10))
}

/// A clinic in New York: Dr. Rao and Dr. Mehta 09:00–17:00 every weekday, two rooms, a visit
/// type, and Ravi Kumar already booked with Dr. Rao on Thursday 5 November at 10:00 (EST).
fn new_york_desk() -> Harness {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ny.sqlite3");
    {
        let mut store = SqliteStore::open(&path).expect("open");
        let clinic = ClinicId(uid(1));
        let weekdays = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ];
        store
            .add_clinic(&Clinic {
                id: clinic,
                name: "Hudson Street Clinic".into(),
                address: "12 Hudson Street, New York".into(),
                time_zone: ZONE,
                opening_hours: WeeklyHours::same_each(&weekdays, &[DaySpan::new(8 * 60, 19 * 60)])
                    .expect("hours"),
                slot_minutes: 15,
            })
            .expect("clinic");
        let hours =
            WeeklyHours::same_each(&weekdays, &[DaySpan::new(9 * 60, 17 * 60)]).expect("hours");
        for (id, name) in [
            (rao(), "Dr. Anjali Rao"),
            (DoctorId(uid(11)), "Dr. Vikram Mehta"),
        ] {
            store
                .add_doctor(&Doctor {
                    id,
                    name: name.into(),
                    specialty: "General Practice".into(),
                    colour: "#3b82f6".into(),
                    active: true,
                })
                .expect("doctor");
            store.set_doctor_hours(id, clinic, &hours).expect("hours");
        }
        for (n, name) in [(20, "Room 1"), (21, "Room 2")] {
            store
                .add_room(
                    &Room {
                        id: RoomId(uid(n)),
                        clinic,
                        name: name.into(),
                        kind: RoomKind::Consultation,
                        active: true,
                    },
                    None,
                )
                .expect("room");
        }
        store
            .add_visit_type(&VisitType {
                id: VisitTypeId(uid(30)),
                name: "Physiotherapy".into(),
                minutes: 30,
                colour: "#10b981".into(),
                default_mode: Mode::InClinic,
            })
            .expect("visit type");
        let ravi = Patient {
            id: PatientId(uid(41)),
            name: "Ravi Kumar".into(),
            phone: "+1 212 555 0141".into(),
            email: String::new(),
            birth_date: None,
            external_id: String::new(),
        };
        store.add_patient(&ravi).expect("patient");
        store
            .book(
                &BookingRequest {
                    clinic,
                    patient: ravi.id,
                    doctor: rao(),
                    room: None,
                    visit_type: Some(VisitTypeId(uid(30))),
                    start: Start::Local(
                        chrono::NaiveDateTime::parse_from_str("2026-11-05 10:00", "%Y-%m-%d %H:%M")
                            .expect("wall"),
                    ),
                    minutes: 30,
                    mode: Mode::InClinic,
                    kind: Kind::Scheduled,
                    priority: 0,
                    reason: "Back pain".into(),
                    notes: String::new(),
                    overbook: None,
                    new_patient: None,
                },
                "maria",
                ny_now(),
            )
            .expect("Ravi's booking");
        // The clinic's first administrator, who signs in to the window.
        let password = frontdesk::signin::Secret::new_one(
            frontdesk::signin::SecretKind::Password,
            "maria-password-1",
        )
        .expect("password");
        frontdesk::signin::first_administrator(&mut store, "maria", &password, "test", ny_now())
            .expect("the first administrator");
    }
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    let (app, task) = App::new(path, ny_now());
    let mut h = Harness { dir, runtime, app };
    h.settle(task);
    h.sign_in("maria", "maria-password-1");
    assert!(
        matches!(h.app.phase, Phase::Ready(_)),
        "{:?}",
        h.app.error()
    );
    h
}

fn go_to(h: &mut Harness, date: &str) {
    h.send(DeskMessage::DateText(date.into()));
    h.send(DeskMessage::GoToDate);
}

/// The local start times of Asha's live appointments on the calendar of `date`.
fn ashas_times_on(h: &mut Harness, date: &str) -> Vec<(String, DateTime<Utc>)> {
    go_to(h, date);
    let desk = h.desk();
    desk.entries
        .iter()
        .filter(|e| e.patient_name == "Asha Iyer" && e.appointment.status.holds_time())
        .map(|e| {
            let block = desk
                .blocks
                .iter()
                .find(|b| desk.entries[b.entry].appointment.id == e.appointment.id)
                .expect("drawn on the calendar");
            (
                format!("{:02}:{:02}", block.minutes.0 / 60, block.minutes.0 % 60),
                e.appointment.interval.start,
            )
        })
        .collect()
}

fn open_booking_at_ten(h: &mut Harness) {
    let column = h
        .desk()
        .columns
        .iter()
        .position(|c| c.doctor == Some(rao()))
        .expect("Dr. Rao's column");
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, 10 * 60)));
    assert!(matches!(h.desk().panel, Panel::Booking(_)));
    h.type_into("booking-patient", "Asha Iyer");
    h.click("New patient (register this name)");
}

/// Opens the booking form at 10:00 and makes it repeat on Tuesdays and Thursdays.
fn repeat_on_tuesdays_and_thursdays(h: &mut Harness) {
    open_booking_at_ten(h);
    h.click("Repeat…");
    repeat(h, repeat::Message::Weekday(1, true));
    repeat(h, repeat::Message::Weekday(3, true));
}

fn repeat(h: &mut Harness, m: repeat::Message) {
    h.send(DeskMessage::Booking(booking::Message::Repeat(m)));
}

#[test]
fn a_weekly_series_across_the_clock_change_shows_each_occurrences_conflicts_and_keeps_its_wall_time()
 {
    let mut h = new_york_desk();
    open_booking_at_ten(&mut h);
    h.click("Repeat…");
    // The first date's weekday is ticked: weekly on Tuesdays until Thursday is added.
    h.ui(|ui| {
        assert!(ui.find("6 occurrences, all free").is_ok(), "Tuesdays only");
    });
    h.click("Thu");
    // Six times (the default): 27 and 29 October in EDT, 3, 5, 10 and 12 November in EST.
    h.ui(|ui| {
        assert!(ui.find("6 occurrences: 5 free, 1 conflicting").is_ok());
        assert!(ui.find("Tue 27 Oct 2026 10:00").is_ok());
        assert!(
            ui.find("Tue 3 Nov 2026 10:00").is_ok(),
            "after the change, still 10:00"
        );
        assert!(ui.find("Thu 5 Nov 2026 10:00").is_ok());
        assert!(
            ui.find(contains(
                "Dr. Anjali Rao is already booked then: Ravi Kumar, 10:00–10:30"
            ))
            .is_ok(),
            "the conflict names Ravi's appointment"
        );
        assert!(ui.find("Book 5, skip 1 conflicting").is_ok());
        assert!(ui.find("Overbook all").is_ok());
    });
    // While an occurrence conflicts, the choices replace the plain Book button.
    h.ui(|ui| {
        assert!(ui.find("Book 6 appointments").is_err());
    });
    assert!(
        h.desk()
            .entries
            .iter()
            .all(|e| e.patient_name != "Asha Iyer")
    );
    h.click("Book 5, skip 1 conflicting");
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("notice");
    assert_eq!(
        notice,
        "Booked a series of 5 appointments from 2026-10-27 10:00; left out 1 conflicting (5 Nov)."
    );
    assert!(
        matches!(h.desk().panel, Panel::Details(_)),
        "the first occurrence's details"
    );
    // Every occurrence at 10:00 on the calendar; the UTC instant moves with the clock.
    for (date, utc_hour) in [
        ("2026-10-27", 14),
        ("2026-10-29", 14),
        ("2026-11-03", 15),
        ("2026-11-10", 15),
        ("2026-11-12", 15),
    ] {
        let times = ashas_times_on(&mut h, date);
        assert_eq!(times.len(), 1, "{date}: {times:?}");
        assert_eq!(times[0].0, "10:00", "{date}");
        assert_eq!(times[0].1.hour(), utc_hour, "{date}");
    }
    assert_eq!(ashas_times_on(&mut h, "2026-11-05"), vec![], "skipped");
}

#[test]
fn a_series_can_be_overbooked_with_a_reason() {
    let mut h = new_york_desk();
    repeat_on_tuesdays_and_thursdays(&mut h);
    h.click("Overbook all");
    h.ui(|ui| {
        assert!(
            ui.find("Say why you overbook: the reason goes into each history.")
                .is_ok()
        );
    });
    h.type_into("repeat-overbook-reason", "Dr. Rao agreed");
    h.click("Overbook all");
    assert_eq!(h.app.error(), None);
    assert_eq!(
        h.app.notice(),
        Some("Booked a series of 6 appointments from 2026-10-27 10:00, 1 overbooked.")
    );
    go_to(&mut h, "2026-11-05");
    let asha = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Asha Iyer")
        .expect("overbooked on the 5th");
    assert_eq!(asha.overbook_reason.as_deref(), Some("Dr. Rao agreed"));
}

#[test]
fn an_occurrence_moves_alone_or_with_the_following_ones_and_cancels_the_rest() {
    let mut h = new_york_desk();
    repeat_on_tuesdays_and_thursdays(&mut h);
    h.click("Book 5, skip 1 conflicting");
    // The details of the first occurrence show its series.
    h.ui(|ui| {
        assert!(
            ui.find("Every week on Tue and Thu, 6 times at 10:00 (America/New_York)")
                .is_ok()
        );
        assert!(
            ui.find("Occurrence 1 of 6 (Tue 27 Oct 2026); 5 booked, 4 after this one")
                .is_ok()
        );
    });
    // Open the third (Tue 3 Nov) from the calendar and move it and the following ones to 15:00.
    let third = {
        go_to(&mut h, "2026-11-03");
        h.desk()
            .entries
            .iter()
            .find(|e| e.patient_name == "Asha Iyer")
            .map(|e| e.appointment.id)
            .expect("the third occurrence")
    };
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(third)));
    h.ui(|ui| {
        assert!(
            ui.find("Occurrence 3 of 6 (Tue 3 Nov 2026); 5 booked, 2 after this one")
                .is_ok()
        );
    });
    h.send(DeskMessage::Details(
        frontdesk::gui::screen::details::Message::Series(
            frontdesk::gui::screen::occurrence::Message::Scope(Choice::new(
                frontdesk::store::Scope::ThisAndFollowing,
                "This and the following ones",
            )),
        ),
    ));
    h.send(DeskMessage::Details(
        frontdesk::gui::screen::details::Message::Series(
            frontdesk::gui::screen::occurrence::Message::Time("15:00".into()),
        ),
    ));
    h.click("Move all these");
    assert_eq!(h.app.error(), None);
    h.ui(|ui| {
        assert!(
            ui.find("Moved 3 occurrences; the following ones are now a new series.")
                .is_ok()
        );
    });
    for (date, time) in [
        ("2026-10-27", "10:00"),
        ("2026-10-29", "10:00"),
        ("2026-11-03", "15:00"),
        ("2026-11-10", "15:00"),
        ("2026-11-12", "15:00"),
    ] {
        let times = ashas_times_on(&mut h, date);
        assert_eq!(
            times.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(),
            [time],
            "{date}"
        );
    }
    // Cancel the last two (from Tue 10 Nov) with a reason.
    let tenth = {
        go_to(&mut h, "2026-11-10");
        h.desk()
            .entries
            .iter()
            .find(|e| e.patient_name == "Asha Iyer")
            .map(|e| e.appointment.id)
            .expect("10 Nov")
    };
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(tenth)));
    h.send(DeskMessage::Details(
        frontdesk::gui::screen::details::Message::Series(
            frontdesk::gui::screen::occurrence::Message::Scope(Choice::new(
                frontdesk::store::Scope::ThisAndFollowing,
                "This and the following ones",
            )),
        ),
    ));
    h.type_into("series-reason", "Treatment finished early");
    h.click("Cancel all these");
    assert_eq!(h.app.error(), None);
    assert_eq!(ashas_times_on(&mut h, "2026-11-10"), vec![]);
    assert_eq!(ashas_times_on(&mut h, "2026-11-12"), vec![]);
    assert_eq!(
        ashas_times_on(&mut h, "2026-11-03").len(),
        1,
        "earlier ones stay"
    );
    // The store agrees: the new series ends the day before the 10th.
    let Phase::Ready(_) = &h.app.phase else {
        panic!()
    };
    let store = SqliteStore::open(h.dir.path().join("ny.sqlite3")).expect("open");
    let view = store
        .series_of(tenth)
        .expect("series")
        .expect("in a series");
    assert_eq!(
        view.series.rule.end,
        SeriesEnd::Until(NaiveDate::from_ymd_opt(2026, 11, 9).unwrap())
    );
    let cancelled = store
        .agenda(
            ClinicId(uid(1)),
            Interval::new(ny("2026-11-10 00:00"), ny("2026-11-13 00:00")),
            AgendaFilter::Patient(view.series.patient),
        )
        .expect("agenda");
    assert!(
        cancelled
            .iter()
            .all(|e| e.appointment.status == Status::Cancelled)
    );
    assert_eq!(
        cancelled
            .iter()
            .map(|e| format_local(ZONE, e.appointment.interval.start))
            .collect::<Vec<_>>(),
        ["2026-11-10 15:00", "2026-11-12 15:00"]
    );
}

/// Escape (or a shortcut that opens another panel) while a series is being stored leaves the
/// form open until the store answers: the answer then reaches it, and the desk says what was
/// booked. Before, the form closed at once and the series was stored with nobody told.
#[test]
fn a_series_being_stored_keeps_its_form_until_the_store_answers() {
    let mut h = new_york_desk();
    // Asha is registered by a first booking, so the series is for a patient on file: no
    // duplicate check runs first, and only the series' own save is under way.
    open_booking_at_ten(&mut h);
    h.click("Book");
    assert_eq!(h.app.error(), None);
    let column = h
        .desk()
        .columns
        .iter()
        .position(|c| c.doctor == Some(rao()))
        .expect("Dr. Rao's column");
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, 15 * 60)));
    h.type_into("booking-patient", "Asha Iyer");
    let asha = match &h.desk().panel {
        Panel::Booking(form) => form
            .search()
            .matches
            .iter()
            .find(|p| p.name == "Asha Iyer")
            .cloned()
            .expect("Asha is suggested"),
        _ => panic!("the booking form"),
    };
    h.send(DeskMessage::Booking(booking::Message::Patient(
        frontdesk::gui::screen::patient_search::Message::Pick(asha),
    )));
    h.click("Repeat…");
    h.desk_mut().notice = None;
    // "Book 6 appointments" pressed; the store is still writing when the keys come.
    let saving = h
        .app
        .update(DeskMessage::Booking(booking::Message::Save).into());
    assert!(
        h.desk().panel.storing(),
        "the series is being stored (nothing else is under way)"
    );
    h.send(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
        iced::keyboard::Modifiers::empty(),
    ));
    h.send(DeskMessage::OpenWalkIn);
    assert!(
        matches!(h.desk().panel, Panel::Booking(_)),
        "the form stays while the series is stored"
    );
    assert_eq!(
        h.app.notice(),
        Some("Saving… the panel stays open until the change is stored.")
    );
    h.settle(saving);
    assert_eq!(h.app.error(), None);
    assert_eq!(
        h.app.notice(),
        Some("Booked a series of 6 appointments from 2026-10-27 15:00.")
    );
}

/// The details of an occurrence open at this desk follow its series when another desk changes
/// it: an occurrence cancelled elsewhere leaves one fewer booked, what was typed in the
/// series section stays, and the panel stays open.
#[test]
fn the_series_section_follows_a_change_made_at_another_desk() {
    use frontdesk::gui::screen::{details, occurrence};
    let mut h = new_york_desk();
    repeat_on_tuesdays_and_thursdays(&mut h);
    h.click("Book 5, skip 1 conflicting");
    h.ui(|ui| {
        assert!(
            ui.find("Occurrence 1 of 6 (Tue 27 Oct 2026); 5 booked, 4 after this one")
                .is_ok()
        );
    });
    let first = h.desk().selected.expect("the first occurrence is open");
    h.send(DeskMessage::Details(details::Message::Series(
        occurrence::Message::Reason("typed here".into()),
    )));
    // Another desk cancels the last occurrence alone.
    let mut other = SqliteStore::open(h.dir.path().join("ny.sqlite3")).expect("other desk");
    let view = other.series_of(first).expect("read").expect("a series");
    let last = view.members.last().expect("members").appointment;
    other
        .cancel_occurrences(
            last,
            frontdesk::store::Scope::This,
            &StatusAction::Cancel {
                reason: "Patient phoned".into(),
                by: CancelledBy::Patient,
            },
            "ravi",
            ny_now(),
        )
        .expect("cancelled at the other desk");
    let round = h.app.update(Message::Desk(DeskMessage::DatabaseChanged));
    h.settle(round);
    assert_eq!(h.desk().selected, Some(first), "still selected");
    assert!(matches!(h.desk().panel, Panel::Details(_)), "still open");
    h.ui(|ui| {
        assert!(
            ui.find("Occurrence 1 of 6 (Tue 27 Oct 2026); 4 booked, 3 after this one")
                .is_ok(),
            "one fewer booked"
        );
        assert!(ui.find("typed here").is_ok(), "what was typed stays");
    });
}
