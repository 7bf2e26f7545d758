//! The waitlist in the window, headless: add an entry on the Waitlist page (bad input first),
//! cancel a matching appointment from the details panel, see the offer above the calendar,
//! choose the patient, confirm, and see the entry booked and the later appointment cancelled
//! at the patient's wish; declining and dismissing keep patients waiting; a cancellation by
//! another desk (or the command line) is offered too.

use chrono::{Duration, Timelike};
use frontdesk::gui::Message;
use frontdesk::gui::calendar::GridEvent;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::{Page, Panel};
use frontdesk::gui::screen::{waitlist, waitlist_form};
use frontdesk::gui::widget::Choice;
use frontdesk::scheduling::waitlist::*;
use frontdesk::scheduling::*;
use frontdesk::store::{AgendaEntry, SlotSearch, SqliteStore, Store, WaitlistFilter};
use iced_test::selector::id;

mod gui_harness;
use gui_harness::{Harness, now};

const ZONE: chrono_tz::Tz = chrono_tz::Asia::Kolkata;

/// A scheduled appointment later today (at least an hour from now, 15 minutes or more) and
/// another patient's later appointment the same day, that patient being free at the first's
/// time: the one to cancel, and the patient who wants something earlier than what they hold.
fn scene(h: &Harness) -> (AgendaEntry, AgendaEntry) {
    let entries = &h.desk().entries;
    let upcoming = |e: &&AgendaEntry| {
        e.appointment.status == Status::Scheduled
            && e.appointment.kind == Kind::Scheduled
            && e.appointment.interval.start >= now() + Duration::minutes(60)
    };
    for a in entries.iter().filter(upcoming) {
        if a.appointment.interval.minutes() < 15 {
            continue;
        }
        for b in entries.iter().filter(upcoming) {
            let p = b.appointment.patient;
            let free_then = entries.iter().all(|x| {
                x.appointment.patient != p
                    || !x.appointment.status.holds_time()
                    || !x.appointment.interval.overlaps(&a.appointment.interval)
            });
            if p != a.appointment.patient
                && b.appointment.interval.start >= a.appointment.interval.end
                && free_then
            {
                return (a.clone(), b.clone());
            }
        }
    }
    panic!("no appointment to cancel and later patient in the demo day");
}

fn type_text(h: &mut Harness, field: &'static str, words: String) {
    h.ui(|ui| {
        ui.click(id(field))
            .unwrap_or_else(|e| panic!("no field {field}: {e:?}"));
        let _ = ui.typewrite(&words);
    });
}

fn click_text(h: &mut Harness, label: String) {
    h.ui(|ui| {
        ui.click(label.as_str())
            .unwrap_or_else(|e| panic!("no \"{label}\" on screen: {e:?}"));
    });
}

fn sees(h: &mut Harness, words: &str) -> bool {
    let mut seen = false;
    h.ui(|ui| seen = ui.find(words).is_ok());
    seen
}

fn form(m: waitlist_form::Message) -> DeskMessage {
    DeskMessage::Waitlist(waitlist::Message::Form(m))
}

fn page(h: &Harness) -> &waitlist::State {
    match &h.desk().page {
        Page::Waitlist(state) => state,
        _ => panic!("the waitlist page is not shown"),
    }
}

fn form_error(h: &Harness) -> Option<String> {
    page(h).form.error.clone()
}

/// A second connection to the window's database: another desk, or the command line.
fn other_desk(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("second connection")
}

fn status_in_calendar(h: &Harness, id: AppointmentId) -> Option<Status> {
    h.desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .map(|e| e.appointment.status)
}

#[test]
fn a_waitlisted_patient_is_offered_a_cancelled_slot_and_booked_into_it() {
    let mut h = Harness::with_demo();
    let (a, b) = scene(&h);
    let doctor = a.appointment.doctor;
    let (patient, phone) = (b.patient_name.clone(), b.patient_phone.clone());

    // The Waitlist page, from its tab.
    h.click("Waitlist");
    assert!(matches!(h.desk().page, Page::Waitlist(_)));
    assert!(sees(&mut h, "Waitlist · 0 waiting"));

    // Add the patient who holds the later appointment, for the first appointment's doctor.
    type_text(&mut h, "waitlist-patient", patient.clone());
    click_text(&mut h, format!("{patient}  ·  {phone}"));
    h.send(form(waitlist_form::Message::Doctor(Choice::new(
        Some(doctor),
        a.doctor_name.clone(),
    ))));
    h.send(form(waitlist_form::Message::Holds(Choice::new(
        Some(b.appointment.id),
        String::new(),
    ))));
    type_text(&mut h, "waitlist-from", "08:00".into());
    type_text(&mut h, "waitlist-until", "20:00".into());
    type_text(
        &mut h,
        "waitlist-notes",
        "Can come at an hour's notice".into(),
    );
    h.click("Add to waitlist");
    assert_eq!(form_error(&h), None);
    assert_eq!(
        h.app.notice(),
        Some(format!("{patient} is on the waitlist.").as_str())
    );
    let row = page(&h).rows.first().cloned().expect("listed");
    assert_eq!(row.patient_name, patient);
    assert_eq!(row.entry.status, WaitStatus::Waiting);
    assert_eq!(row.entry.request.doctor, Some(doctor));
    assert_eq!(row.entry.held_start, Some(b.appointment.interval.start));
    assert_eq!(
        row.entry.request.minutes, 15,
        "Consultation, the first visit type"
    );
    assert!(sees(&mut h, "Waitlist · 1 waiting"));
    assert!(sees(&mut h, "waiting 0 min"));

    // Back to the calendar; cancel the first appointment from its details.
    h.click("Calendar");
    h.send(DeskMessage::Select(a.appointment.id));
    assert!(matches!(h.desk().panel, Panel::Details(_)));
    type_text(&mut h, "details-reason", "Patient travelling".into());
    h.click("Cancel…");
    assert_eq!(h.app.error(), None);
    assert_eq!(
        status_in_calendar(&h, a.appointment.id),
        Some(Status::Cancelled)
    );

    // The offer shows above the calendar.
    let offers = &h.desk().offers.offers;
    assert_eq!(offers.len(), 1, "one freed slot with a match");
    assert_eq!(offers[0].slot.interval, a.appointment.interval);
    assert_eq!(offers[0].matches.len(), 1);
    assert_eq!(offers[0].matches[0].row.patient_name, patient);
    let start = a.appointment.interval.start.with_timezone(&ZONE);
    let end = a.appointment.interval.end.with_timezone(&ZONE);
    let banner = format!(
        "{} · {}–{} is free: 1 waiting patient matches",
        a.doctor_name,
        start.format("%a %-d %b %H:%M"),
        end.format("%H:%M")
    );
    assert!(sees(&mut h, &banner), "banner: {banner}");
    h.click("See who");
    assert!(matches!(h.desk().panel, Panel::Offer(_)));
    assert!(sees(
        &mut h,
        "1 waiting patient fit, best first. Call them; choose who takes it."
    ));

    // Choose the patient: offered, then confirm.
    click_text(&mut h, format!("Book {patient}"));
    let mut store = other_desk(&h);
    let entry = store.waitlist_entry(row.entry.id).expect("entry");
    assert_eq!(entry.entry.status, WaitStatus::Offered);
    h.click("Confirm booking");
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("notice");
    assert!(
        notice.starts_with(&format!("Booked {patient} from the waitlist")),
        "{notice}"
    );
    let booked = h
        .desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.patient == b.appointment.patient
                && e.appointment.interval.start == a.appointment.interval.start
        })
        .cloned()
        .expect("the new booking is on the calendar");
    assert_eq!(booked.appointment.doctor, doctor);
    assert_eq!(booked.appointment.status, Status::Scheduled);
    assert_eq!(booked.appointment.room, a.appointment.room);
    let entry = store.waitlist_entry(row.entry.id).expect("entry");
    assert_eq!(entry.entry.status, WaitStatus::Booked);
    assert_eq!(entry.entry.booked, Some(booked.appointment.id));
    let history = store.history(booked.appointment.id).expect("history");
    assert_eq!(history[0].action, "created");
    assert_eq!(history[0].actor, gui_harness::WHO);
    assert_eq!(history[1].action, "from_waitlist");
    assert!(h.desk().offers.offers.is_empty(), "the slot is taken");

    // They still hold the later appointment: the desk asks, and cancels it at their wish.
    let later = b.appointment.interval.start.with_timezone(&ZONE);
    let question = format!(
        "{patient} still holds a later appointment: {} with {}. Cancel it? Ask the patient.",
        later.format("%Y-%m-%d %H:%M"),
        b.doctor_name
    );
    assert!(sees(&mut h, &question), "question: {question}");
    assert_eq!(
        status_in_calendar(&h, b.appointment.id),
        Some(Status::Scheduled),
        "not before they say so"
    );
    h.click("Cancel the later appointment");
    assert_eq!(h.app.error(), None);
    assert_eq!(
        status_in_calendar(&h, b.appointment.id),
        Some(Status::Cancelled)
    );
    let cancelled = store.appointment(b.appointment.id).expect("b");
    assert_eq!(
        cancelled.appointment.cancellation.map(|c| c.reason),
        Some("Moved to an earlier slot from the waitlist".into())
    );
    h.click("Close");
    assert!(matches!(h.desk().panel, Panel::Today));

    // The page lists nobody waiting; with booked ones shown, the entry is booked.
    h.click("Waitlist");
    assert!(page(&h).rows.is_empty());
    h.click("Show booked and removed");
    assert_eq!(page(&h).rows.len(), 1);
    assert!(sees(&mut h, "booked"));
}

#[test]
fn the_waitlist_form_explains_bad_input_and_saves_nothing() {
    let mut h = Harness::with_demo();
    let (_, b) = scene(&h);
    h.click("Waitlist");
    h.click("Add to waitlist");
    assert_eq!(
        form_error(&h).as_deref(),
        Some("Choose the patient: type a name or phone and pick them from the list.")
    );
    assert!(sees(
        &mut h,
        "Choose the patient: type a name or phone and pick them from the list."
    ));
    type_text(&mut h, "waitlist-patient", b.patient_name.clone());
    click_text(
        &mut h,
        format!("{}  ·  {}", b.patient_name, b.patient_phone),
    );
    let cases: [(&[waitlist_form::Message], &str); 7] = [
        (
            &[
                waitlist_form::Message::FromTime("9.30".into()),
                waitlist_form::Message::UntilTime("12:00".into()),
            ],
            "The time from “9.30” is not a time: write it as HH:MM, e.g. 09:30.",
        ),
        (
            &[
                waitlist_form::Message::FromTime("12:00".into()),
                waitlist_form::Message::UntilTime("09:00".into()),
            ],
            "The time window ends at 09:00, not after it starts at 12:00: give an end after the start.",
        ),
        (
            &[waitlist_form::Message::UntilTime(String::new())],
            "Give both ends of the time window (HH:MM), or leave both empty for any time.",
        ),
        (
            &[
                waitlist_form::Message::FromTime(String::new()),
                waitlist_form::Message::Earliest("2026-12-10".into()),
                waitlist_form::Message::Latest("2026-12-01".into()),
            ],
            "The earliest date 2026-12-10 is after the latest date 2026-12-01: swap them or clear one.",
        ),
        (
            &[
                waitlist_form::Message::Earliest(String::new()),
                waitlist_form::Message::Latest("1 Dec".into()),
            ],
            "The latest date “1 Dec” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.",
        ),
        (
            &[waitlist_form::Message::Latest("2026-11-20".into())],
            "The latest date 2026-11-20 has passed (today is 2026-11-24): give a later date or clear it.",
        ),
        (
            &[
                waitlist_form::Message::Latest(String::new()),
                waitlist_form::Message::Minutes("twenty".into()),
            ],
            "Write the length as a number of minutes, e.g. 20.",
        ),
    ];
    for (messages, expected) in cases {
        for m in messages {
            h.send(form(m.clone()));
        }
        h.click("Add to waitlist");
        assert_eq!(form_error(&h).as_deref(), Some(expected));
        assert!(sees(&mut h, expected), "shown: {expected}");
        assert!(page(&h).rows.is_empty(), "nothing saved");
    }
    // No weekday at all.
    h.send(form(waitlist_form::Message::Minutes("15".into())));
    for day in frontdesk::scheduling::hours::WEEKDAYS {
        h.send(form(waitlist_form::Message::Day(day, false)));
    }
    h.click("Add to waitlist");
    assert_eq!(
        form_error(&h).as_deref(),
        Some("Tick at least one weekday the patient can come.")
    );
    assert!(
        other_desk(&h)
            .waitlist(h.desk().clinic().expect("clinic").id, WaitlistFilter::All)
            .expect("list")
            .is_empty()
    );
    // Fixed, it saves; the same patient and doctor twice is refused with the reason.
    h.click("Mon");
    h.click("Add to waitlist");
    assert_eq!(form_error(&h), None);
    assert_eq!(page(&h).rows.len(), 1);
    type_text(&mut h, "waitlist-patient", b.patient_name.clone());
    click_text(
        &mut h,
        format!("{}  ·  {}", b.patient_name, b.patient_phone),
    );
    h.click("Add to waitlist");
    let error = form_error(&h).expect("a duplicate is refused");
    assert!(
        error.contains("is already on the waitlist for any doctor")
            && error.ends_with("edit that entry instead."),
        "{error}"
    );
    assert_eq!(page(&h).rows.len(), 1);
}

/// Puts two patients of the day on the waitlist for `a`'s doctor through another connection
/// (as another desk would), the second urgent.
fn two_waiting(h: &Harness, a: &AgendaEntry) -> Vec<(WaitlistEntryId, String)> {
    let mut store = other_desk(h);
    let clinic = h.desk().clinic().expect("clinic").id;
    let mut chosen: Vec<(PatientId, String)> = Vec::new();
    for e in &h.desk().entries {
        let p = e.appointment.patient;
        let busy = h.desk().entries.iter().any(|x| {
            x.appointment.patient == p
                && x.appointment.status.holds_time()
                && x.appointment.interval.overlaps(&a.appointment.interval)
        });
        if !busy && !chosen.iter().any(|(c, n)| *c == p || *n == e.patient_name) {
            chosen.push((p, e.patient_name.clone()));
        }
        if chosen.len() == 2 {
            break;
        }
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(n, (patient, name))| {
            let id = WaitlistEntryId(uuid::Uuid::now_v7());
            let request = WaitlistRequest {
                clinic,
                patient,
                doctor: Some(a.appointment.doctor),
                visit_type: None,
                minutes: 10,
                preferred: Preferred::ANY,
                holds: None,
                notes: String::new(),
                priority: n as i32 * 2,
            };
            store
                .add_to_waitlist(id, &request, "joseph", now() - Duration::days(1))
                .expect("waits");
            (id, name)
        })
        .collect()
}

#[test]
fn saying_no_and_dismissing_keep_patients_waiting() {
    let mut h = Harness::with_demo();
    let (a, _) = scene(&h);
    let waiting = two_waiting(&h, &a);
    h.send(DeskMessage::Select(a.appointment.id));
    type_text(&mut h, "details-reason", "Clinic closed early".into());
    h.click("Cancel…");
    let offers = &h.desk().offers.offers;
    assert_eq!(offers.len(), 1);
    let names: Vec<&str> = offers[0]
        .matches
        .iter()
        .map(|m| m.row.patient_name.as_str())
        .collect();
    assert_eq!(
        names,
        [waiting[1].1.as_str(), waiting[0].1.as_str()],
        "the urgent one first"
    );
    h.click("See who");
    assert!(sees(
        &mut h,
        "2 waiting patients fit, best first. Call them; choose who takes it."
    ));
    // The urgent patient cannot come: they keep waiting, and drop out of this offer.
    h.click("Said no");
    let store = other_desk(&h);
    let declined = store.waitlist_entry(waiting[1].0).expect("entry");
    assert_eq!(declined.entry.status, WaitStatus::Waiting);
    let log = store.waitlist_history(waiting[1].0).expect("log");
    assert_eq!(log.last().map(|e| e.action.as_str()), Some("declined"));
    assert_eq!(log.last().map(|e| e.actor.as_str()), Some(gui_harness::WHO));
    assert!(sees(
        &mut h,
        "1 waiting patient fit, best first. Call them; choose who takes it."
    ));
    // The other is chosen, then says no at the confirm step: back to waiting.
    click_text(&mut h, format!("Book {}", waiting[0].1));
    assert_eq!(
        store.waitlist_entry(waiting[0].0).expect("e").entry.status,
        WaitStatus::Offered
    );
    h.click("They said no");
    assert_eq!(
        store.waitlist_entry(waiting[0].0).expect("e").entry.status,
        WaitStatus::Waiting
    );
    assert!(sees(
        &mut h,
        "Nobody on the waitlist can take this slot now."
    ));
    h.click("Close");
    assert!(h.desk().offers.offers.is_empty(), "nobody left for it");
    // Another cancellation, this time dismissed from the banner: nothing changes.
    let c = {
        let entries = &h.desk().entries;
        let free_at = |name: &str, slot: &Interval| {
            entries.iter().all(|x| {
                x.patient_name != name
                    || !x.appointment.status.holds_time()
                    || !x.appointment.interval.overlaps(slot)
            })
        };
        entries
            .iter()
            .find(|e| {
                e.appointment.doctor == a.appointment.doctor
                    && e.appointment.status == Status::Scheduled
                    && e.appointment.interval.start > now()
                    && e.appointment.interval.minutes() >= 10
                    && waiting
                        .iter()
                        .any(|(_, n)| *n != e.patient_name && free_at(n, &e.appointment.interval))
            })
            .cloned()
            .expect("another of the doctor's appointments")
    };
    h.send(DeskMessage::Select(c.appointment.id));
    type_text(&mut h, "details-reason", "Unwell".into());
    h.click("Cancel…");
    assert_eq!(h.desk().offers.offers.len(), 1);
    h.click("Dismiss");
    assert!(h.desk().offers.offers.is_empty());
    assert_eq!(
        h.app.notice(),
        Some("Offer put away: the patients keep waiting.")
    );
    for (id, _) in &waiting {
        assert_eq!(
            store.waitlist_entry(*id).expect("e").entry.status,
            WaitStatus::Waiting
        );
    }
}

#[test]
fn a_cancellation_by_another_desk_is_offered_at_the_next_tick() {
    let mut h = Harness::with_demo();
    let (a, _) = scene(&h);
    let waiting = two_waiting(&h, &a);
    // Another desk (or `frontdesk status ID cancel`) cancels.
    let mut store = other_desk(&h);
    store
        .change_status(
            a.appointment.id,
            &StatusAction::Cancel {
                reason: "Rang the other desk".into(),
                by: CancelledBy::Patient,
            },
            "joseph",
            now(),
        )
        .expect("cancel elsewhere");
    assert!(h.desk().offers.offers.is_empty(), "not seen yet");
    h.send(Message::Tick(now()));
    let offers = &h.desk().offers.offers;
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].slot.appointment, Some(a.appointment.id));
    assert_eq!(offers[0].matches.len(), waiting.len());
    // Another tick does not offer it twice.
    h.send(Message::Tick(now()));
    assert_eq!(h.desk().offers.offers.len(), 1);
}

#[test]
fn dragging_an_appointment_away_offers_its_old_time() {
    let mut h = Harness::with_demo();
    let (a, _) = scene(&h);
    let waiting = two_waiting(&h, &a);
    // Where it can go: the doctor's (and room's) next free time today, after its own.
    let target = match a.appointment.room {
        Some(room) => SlotTarget::DoctorAndRoom(a.appointment.doctor, room),
        None => SlotTarget::Doctor(a.appointment.doctor),
    };
    let search = SlotSearch {
        clinic: h.desk().clinic().expect("clinic").id,
        target,
        query: SlotQuery {
            minutes: a.appointment.interval.minutes() as u32,
            step_minutes: 5,
            from: a.appointment.interval.end,
            count: 1,
        },
        horizon_days: 1,
        patient: Some(a.appointment.patient),
    };
    let slot = other_desk(&h).find_slots(&search).expect("slots")[0];
    assert_eq!(
        time::local_date(ZONE, slot.interval.start),
        time::local_date(ZONE, now()),
        "a free time today"
    );
    let column = h
        .desk()
        .columns
        .iter()
        .position(|c| c.doctor == Some(a.appointment.doctor))
        .expect("the doctor's column");
    let local = slot.interval.start.with_timezone(&ZONE);
    let minute = (local.hour() * 60 + local.minute()) as u16;
    h.send(DeskMessage::Grid(GridEvent::Dropped(
        a.appointment.id,
        column,
        minute,
    )));
    assert_eq!(h.app.error(), None);
    // The move is named in words (issue 13): who, with whom, when.
    let notice = h.app.notice().map(str::to_owned).unwrap_or_default();
    assert!(
        notice.starts_with(&format!("Moved {} with ", a.patient_name))
            && notice.ends_with("Ctrl+Z undoes it."),
        "{notice}"
    );
    let offers = &h.desk().offers.offers;
    assert_eq!(offers.len(), 1, "the old time is offered");
    assert_eq!(offers[0].slot.interval, a.appointment.interval);
    assert_eq!(offers[0].slot.doctor, a.appointment.doctor);
    assert_eq!(offers[0].slot.freed_by, Some(a.appointment.patient));
    assert!(offers[0].matches.len() <= waiting.len());
    assert!(!offers[0].matches.is_empty());
}

#[test]
fn removing_from_the_page_asks_first_and_keeps_the_record() {
    let mut h = Harness::with_demo();
    let (a, _) = scene(&h);
    let waiting = two_waiting(&h, &a);
    h.click("Waitlist");
    assert_eq!(page(&h).rows.len(), 2);
    h.send(DeskMessage::Waitlist(waitlist::Message::AskRemove(
        waiting[0].0,
    )));
    assert!(sees(&mut h, "Yes, remove"));
    h.click("Keep");
    assert_eq!(page(&h).rows.len(), 2);
    h.send(DeskMessage::Waitlist(waitlist::Message::AskRemove(
        waiting[0].0,
    )));
    type_text(&mut h, "waitlist-remove-reason", "Booked elsewhere".into());
    h.click("Yes, remove");
    assert_eq!(page(&h).rows.len(), 1);
    assert_eq!(
        h.app.notice(),
        Some(format!("{} is off the waitlist.", waiting[0].1).as_str())
    );
    let store = other_desk(&h);
    let removed = store.waitlist_entry(waiting[0].0).expect("kept");
    assert_eq!(removed.entry.status, WaitStatus::Removed);
    let log = store.waitlist_history(waiting[0].0).expect("log");
    assert_eq!(
        log.last().map(|e| e.reason.as_str()),
        Some("Booked elsewhere")
    );
    // Editing the other one: the form fills in, and a change is stored.
    h.send(DeskMessage::Waitlist(waitlist::Message::Edit(waiting[1].0)));
    assert!(sees(&mut h, "Change the entry"));
    h.send(form(waitlist_form::Message::Notes("Mornings only".into())));
    h.click("Save changes");
    assert_eq!(form_error(&h), None);
    assert_eq!(page(&h).rows[0].entry.request.notes, "Mornings only");
    // Escape goes back to the calendar.
    h.send(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::Escape),
        iced::keyboard::Modifiers::default(),
    ));
    assert!(h.desk().page.is_calendar());
}
