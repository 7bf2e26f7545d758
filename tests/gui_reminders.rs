//! The Reminders page and the video part of the details panel, headless: set up the webhook in
//! the window (a real HTTP server on 127.0.0.1 receives the reminders), send, see the outbox,
//! confirm by phone, resend a failed one, preview a template and have a bad one refused, keep
//! the password hidden, and record "doctor joined" on a video visit.

mod gui_harness;
mod reminder_servers;

use frontdesk::gui::Message;
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Page;
use frontdesk::gui::screen::{details, reminders};
use frontdesk::scheduling::reminder_job::JobState;
use frontdesk::scheduling::{Mode, Status};
use frontdesk::store::{SqliteStore, Store};
use gui_harness::{Harness, now};
use reminder_servers::HttpServer;

fn page(h: &Harness) -> &reminders::State {
    match &h.desk().page {
        Page::Reminders(state) => state,
        _ => panic!("the reminders page is not shown"),
    }
}

fn store(h: &Harness) -> SqliteStore {
    SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("second connection")
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// Opens Reminders → Rules and templates and the first rule (the 24 h email) in the editor.
fn edit_first_rule(h: &mut Harness) {
    h.click("Reminders");
    h.click("Rules and templates");
    h.ui(|ui| {
        ui.click("Edit").expect("an Edit button");
    });
}

/// Opens the page and sets up the webhook at `url` through the Channels section.
fn set_up_webhook(h: &mut Harness, url: &'static str) {
    h.click("Reminders");
    assert_eq!(page(h).section, reminders::Section::Outbox);
    h.click("Channels");
    h.type_into("webhook-url", url);
    h.click("Save channels");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let settings = store(h).reminder_settings().expect("settings");
    assert_eq!(settings.webhook.url, url);
    h.click("Outbox");
}

#[test]
fn the_outbox_sends_shows_and_confirms_by_phone() {
    let server = HttpServer::start(&[200]);
    let mut h = Harness::with_demo();
    set_up_webhook(&mut h, leak(server.url("/sms")));
    let due = page(&h).entries().to_vec();
    assert!(
        !due.is_empty(),
        "SMS reminders are planned once the webhook is set up"
    );
    assert!(due.iter().all(|e| e.job.state == JobState::Pending));
    assert!(
        due.windows(2).all(|w| w[0].job.due <= w[1].job.due),
        "soonest first"
    );
    // Confirmed by phone on a booked (not yet confirmed) visit.
    let booked = due
        .iter()
        .find(|e| e.status == Status::Scheduled && e.start > now())
        .expect("a booked visit with a reminder")
        .clone();
    h.ui(|ui| {
        ui.click("Confirmed by phone").expect("the button");
    });
    // The first such line is the one clicked.
    let history = store(&h).history(booked.job.appointment).expect("history");
    assert!(
        history
            .iter()
            .any(|e| e.action == "confirmed" && e.actor == gui_harness::WHO),
        "{history:?}"
    );
    // The demo's visits were booked days ago, so reminders whose time passed while no desk
    // was sending are due now (still before their visits): "Send" posts exactly those.
    let due_now = due.iter().filter(|e| e.job.due <= now()).count();
    assert!(due_now > 0, "the demo morning has overdue SMS reminders");
    h.click("Send due reminders now");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    assert_eq!(server.requests().len(), due_now);
    // An hour later the background timer sends what became due, by the same path.
    let later = now() + chrono::Duration::hours(1);
    let due_then = due.iter().filter(|e| e.job.due <= later).count();
    assert!(
        due_then > due_now,
        "more SMS reminders fall due within the hour"
    );
    h.click("Sent");
    h.send(DeskMessage::RemindersTick(later));
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    assert!(!h.desk().reminders.sending);
    assert_eq!(server.requests().len(), due_then);
    assert_eq!(page(&h).filter, frontdesk::store::OutboxFilter::Sent);
    assert_eq!(h.desk().reminders.failed, 0);
    assert_eq!(page(&h).entries().len(), due_then);
    let posted: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.json()["reminder"].as_str().unwrap_or("").to_owned())
        .collect();
    for e in page(&h).entries() {
        assert!(posted.contains(&e.id.to_string()), "{} was posted", e.id);
    }
}

#[test]
fn a_template_is_previewed_and_a_bad_placeholder_is_refused_with_the_reason() {
    let mut h = Harness::with_demo();
    edit_first_rule(&mut h);
    // The 24 h email for a sample visit tomorrow at 10:30 in the clinic's zone.
    h.ui(|ui| {
        ui.find("Subject: Reminder: your appointment on Wednesday 25 November 2026 at 10:30")
            .expect("the preview's subject");
        ui.find("Goes out 2026-11-24 10:30 for a visit at 2026-11-25 10:30")
            .expect("when it goes out");
    });
    h.type_into("rule-subject", " {when}");
    h.ui(|ui| {
        ui.find("{when} is not a placeholder: use one of {patient}, {doctor}, {clinic}, {date}, {time}, {where}, {address}, {link}, {code}")
            .expect("the reason");
    });
    let before = store(&h).reminder_rules().expect("rules");
    h.click("Save rule");
    assert_eq!(
        store(&h).reminder_rules().expect("rules"),
        before,
        "nothing stored"
    );
}

#[test]
fn a_new_rule_is_for_the_desks_clinic_and_can_be_for_every_clinic() {
    use frontdesk::gui::screen::reminder_rules;
    use frontdesk::gui::widget::Choice;
    let mut h = Harness::with_demo();
    let clinic = h.desk().clinic().expect("a clinic").clone();
    h.click("Reminders");
    h.click("Rules and templates");
    h.click("New email rule");
    h.click("Save rule");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let rules = store(&h).reminder_rules().expect("rules");
    let added = rules.last().expect("the new rule");
    assert_eq!(added.clinic, Some(clinic.id), "{}", clinic.name);
    // Edited to every clinic, through the clinic list.
    let added_id = added.id;
    let rules_message = |m| DeskMessage::Reminders(reminders::Message::Rules(m));
    h.send(rules_message(reminder_rules::Message::Edit(added_id)));
    h.send(rules_message(reminder_rules::Message::Clinic(Choice::new(
        None,
        "Every clinic",
    ))));
    h.click("Save rule");
    let rules = store(&h).reminder_rules().expect("rules");
    let edited = rules.iter().find(|r| r.id == added_id).expect("the rule");
    assert_eq!(edited.clinic, None);
    h.ui(|ui| {
        ui.find("the day before at 18:00 · Email · every visit type · every clinic")
            .expect("the list says every clinic");
    });
}

#[test]
fn a_typed_password_is_stored_but_never_shown_again() {
    let mut h = Harness::with_demo();
    h.click("Reminders");
    h.click("Channels");
    h.type_into("smtp-host", "smtp.clinic.example");
    h.type_into("smtp-from", "desk@clinic.example");
    h.type_into("smtp-user", "desk");
    h.type_into("smtp-password", "hunter2-secret");
    h.click("Save channels");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let stored = store(&h).reminder_settings().expect("settings");
    assert_eq!(stored.smtp.password.expose(), "hunter2-secret");
    h.ui(|ui| {
        assert!(
            ui.find("hunter2-secret").is_err(),
            "the password is not in the window"
        );
        ui.find("•••••• stored; type to replace").expect("the hint");
    });
}

#[test]
fn a_video_visit_shows_its_link_with_join_and_records_who_joined() {
    let mut h = Harness::with_demo();
    let video = h
        .desk()
        .today
        .iter()
        .find(|e| {
            e.appointment.mode == Mode::Video
                && !e.appointment.meeting_link.is_empty()
                && matches!(e.appointment.status, Status::Scheduled | Status::Confirmed)
        })
        .expect("a video visit today")
        .clone();
    h.send(DeskMessage::Select(video.appointment.id));
    let link = leak(video.appointment.meeting_link.clone());
    // Join asks to open the link; the test does not start a browser.
    let messages: Vec<Message> = {
        let mut ui = iced_test::Simulator::with_size(
            iced::Settings::default(),
            (1280.0, 800.0),
            h.app.view(),
        );
        ui.find(link).expect("the link is shown");
        ui.click("Join").expect("a Join button");
        ui.into_messages().collect()
    };
    assert!(
        matches!(
            messages.as_slice(),
            [Message::Desk(DeskMessage::Details(details::Message::Join))]
        ),
        "{messages:?}"
    );
    h.click("Doctor joined");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let history = store(&h).history(video.appointment.id).expect("history");
    assert!(
        history
            .iter()
            .any(|e| e.action == "doctor_joined" && e.actor == gui_harness::WHO),
        "{history:?}"
    );
    h.ui(|ui| {
        ui.find("Doctor joined 11:00")
            .expect("shown from the history");
        ui.find("Patient joined").expect("still to record");
    });
}

/// A reminder that failed is sent again from the outbox: Resend makes it due now, the next
/// send delivers it (to the server that now answers) and the others wait for their retry.
#[test]
fn a_failed_reminder_is_resent_from_the_outbox() {
    let down = HttpServer::start(&[500]);
    let mut h = Harness::with_demo();
    set_up_webhook(&mut h, leak(down.url("/sms")));
    h.click("Send due reminders now");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let tried = down.requests().len();
    assert!(tried > 0, "the overdue reminders were tried");
    let failed = h.desk().reminders.failed;
    assert_eq!(
        failed, tried as i64,
        "every one failed and the badge counts them"
    );
    h.click(leak(format!("Failed ({failed})")));
    let first = page(&h)
        .entries()
        .first()
        .expect("a failed reminder")
        .clone();
    assert!(
        matches!(first.job.state, JobState::Failed { .. }),
        "{first:?}"
    );
    h.ui(|ui| {
        ui.click("Resend").expect("the button");
    });
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let clinic = store(&h).clinics().expect("clinics")[0].id;
    let due = store(&h)
        .outbox(clinic, frontdesk::store::OutboxFilter::Due, 500)
        .expect("outbox");
    let again = due
        .iter()
        .find(|e| e.id == first.id)
        .expect("the resent reminder goes out again");
    assert_eq!(again.job.state, JobState::Pending);
    // The server is back: only the resent reminder is due now (the others wait to retry).
    down.answer_with(200);
    let before = down.requests().len();
    h.click("Send due reminders now");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let posted: Vec<String> = down.requests()[before..]
        .iter()
        .map(|r| r.json()["reminder"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(posted, vec![first.id.to_string()]);
    assert_eq!(h.desk().reminders.failed, failed - 1);
}

/// The outbox is read again whenever the database changes; an answer to an earlier read that
/// comes after later ones (here: the page's first read, saying the outbox is empty) is dropped,
/// so the outbox shown is never older than the latest read.
#[test]
fn a_late_answer_to_an_earlier_read_of_the_outbox_is_dropped() {
    use frontdesk::gui::backend_reminders::OutboxPage;
    let server = HttpServer::start(&[200]);
    let mut h = Harness::with_demo();
    set_up_webhook(&mut h, leak(server.url("/sms")));
    let due = page(&h).entries().to_vec();
    assert!(!due.is_empty(), "reminders are planned");
    let round = h.app.update(Message::Desk(DeskMessage::DatabaseChanged));
    h.settle(round);
    assert_eq!(page(&h).entries(), due.as_slice(), "read again, the same");
    h.send(DeskMessage::Reminders(reminders::Message::Loaded(
        0,
        Ok(OutboxPage {
            entries: Vec::new(),
            failed: 0,
        }),
    )));
    assert_eq!(
        page(&h).entries(),
        due.as_slice(),
        "the first read's answer, late, is dropped"
    );
}

#[test]
fn a_rule_is_written_in_each_language_with_a_preview_in_that_language() {
    use frontdesk::gui::screen::reminder_rules;
    use frontdesk::i18n::Language;
    use iced::widget::text_editor::{Action, Edit};
    let mut h = Harness::with_demo();
    edit_first_rule(&mut h);
    // The desk's own language (English) is the one shown first.
    h.ui(|ui| {
        ui.find("Subject: Reminder: your appointment on Wednesday 25 November 2026 at 10:30")
            .expect("the English preview");
    });
    // The keyboard chooses हिन्दी in "Text in".
    {
        use gui_harness::keys::{Window, tap};
        use iced::keyboard::key::Named;
        let mut window = Window::new();
        window.focus("rule-language");
        window.frame(&mut h, tap(Named::ArrowDown));
    }
    h.ui(|ui| {
        ui.find("Subject: रिमाइंडर: बुधवार, 25 नवंबर 2026 को 10:30 बजे आपका अपॉइंटमेंट")
            .expect("the Hindi preview, its date in Hindi");
    });
    assert_eq!(
        h.field("rule-subject").as_deref(),
        Some("रिमाइंडर: {date} को {time} बजे आपका अपॉइंटमेंट")
    );
    // The Hindi text cleared: the tab loses its mark and says who gets what instead.
    let rules = |m| DeskMessage::Reminders(reminders::Message::Rules(m));
    h.send(rules(reminder_rules::Message::Subject(String::new())));
    h.send(rules(reminder_rules::Message::Body(Action::SelectAll)));
    h.send(rules(reminder_rules::Message::Body(Action::Edit(
        Edit::Delete,
    ))));
    h.ui(|ui| {
        ui.find(
            "No हिन्दी text: patients who read हिन्दी get this reminder in the clinic's \
             language, or in English when the rule has no text in the clinic's language. \
             Write one here to send it in हिन्दी.",
        )
        .expect("what happens without one");
    });
    let before = store(&h).reminder_rules().expect("rules");
    h.click("Save rule");
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    let after = store(&h).reminder_rules().expect("rules");
    assert_eq!(after[0].templates.get(Language::Hindi), None);
    assert_eq!(
        after[0].templates.get(Language::English),
        before[0].templates.get(Language::English),
        "the English text untouched"
    );
}

#[test]
fn the_patients_language_is_picked_on_the_appointment_and_the_clinics_in_channels() {
    use frontdesk::gui::calendar::GridEvent;
    use frontdesk::i18n::Language;
    use gui_harness::keys::{Window, tap};
    use iced::keyboard::key::Named;
    let mut h = Harness::with_demo();
    // An upcoming booking of a patient who reads the clinic's language (the demo gives some
    // patients Hindi or English of their own).
    let entry = h
        .desk()
        .entries
        .iter()
        .find(|e| {
            e.appointment.status == Status::Scheduled
                && e.appointment.interval.start > now()
                && store(&h)
                    .patient_language(e.appointment.patient)
                    .expect("read")
                    .is_none()
        })
        .expect("an upcoming booking of such a patient")
        .clone();
    let patient = entry.appointment.patient;
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(
        entry.appointment.id,
    )));
    h.ui(|ui| {
        ui.find("Reminders in").expect("the language line");
    });
    // The keyboard picks: the clinic's language, English, हिन्दी.
    let mut window = Window::new();
    window.focus("details-language");
    window.frame(&mut h, tap(Named::ArrowDown));
    window.frame(&mut h, tap(Named::ArrowDown));
    assert_eq!(
        store(&h).patient_language(patient).expect("read"),
        Some(Language::Hindi)
    );
    // Opened again, the panel starts from हिन्दी: one step up is English.
    h.send(DeskMessage::Details(details::Message::Close));
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(
        entry.appointment.id,
    )));
    let mut window = Window::new();
    window.focus("details-language");
    window.frame(&mut h, tap(Named::ArrowUp));
    assert_eq!(
        store(&h).patient_language(patient).expect("read"),
        Some(Language::English)
    );
    let log = store(&h).reminder_log(1).expect("log");
    assert_eq!(log[0].action, "language set");
    assert_eq!(log[0].actor, h.app.actor());

    // The clinic's language, in Reminders → Rules and templates (beside the texts that fall
    // back to it), stored as soon as it is chosen.
    h.click("Reminders");
    h.click("Rules and templates");
    h.ui(|ui| {
        ui.find("The clinic's language").expect("its heading");
    });
    let mut window = Window::new();
    window.focus("clinic-language");
    window.frame(&mut h, tap(Named::ArrowDown));
    assert!(h.app.error().is_none(), "{:?}", h.app.error());
    assert_eq!(
        store(&h).reminder_settings().expect("settings").language,
        Language::Hindi
    );
}

#[test]
fn languages_picked_faster_than_they_are_stored_end_with_the_last_one_and_the_picker_stays() {
    use frontdesk::gui::calendar::GridEvent;
    use frontdesk::gui::screen::details::language;
    use frontdesk::gui::widget::Choice;
    use frontdesk::i18n::Language;
    let mut h = Harness::with_demo();
    let entry = h.upcoming_booking();
    let patient = entry.appointment.patient;
    store(&h)
        .set_patient_language(patient, None, "Arjun Iyer", now())
        .expect("the clinic's language to start from");
    h.send(DeskMessage::Grid(GridEvent::AppointmentClicked(
        entry.appointment.id,
    )));
    let chose = |l: Option<Language>| {
        Message::Desk(DeskMessage::Details(details::Message::Language(
            language::Message::Chose(Choice::new(l, "")),
        )))
    };
    // Three choices before the first is stored (arrow keys held down).
    let first = h.app.update(chose(Some(Language::English)));
    let second = h.app.update(chose(None));
    let third = h.app.update(chose(Some(Language::Hindi)));
    // Meanwhile the picker stays where it was (it keeps the keyboard's focus).
    h.ui(|ui| {
        ui.find(iced_test::selector::id("details-language"))
            .expect("the picker while storing");
        ui.find("Saving…").expect("what is going on");
    });
    for task in [third, second, first] {
        h.settle(task);
    }
    assert_eq!(
        store(&h).patient_language(patient).expect("read"),
        Some(Language::Hindi)
    );
    h.ui(|ui| {
        assert!(ui.find("Saving…").is_err(), "nothing left to store");
    });
}
