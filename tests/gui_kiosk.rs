//! The self check-in kiosk (issue 17), headless, on a real store: a patient types their phone
//! and birth date (or code) on the keypad and keyboard, sees only their own appointments,
//! checks in and gets their number; the kiosk's state never holds another patient's data, an
//! answer for a patient who has gone is dropped, an idle kiosk forgets, and five wrong tries
//! send people to the desk for ten minutes.

mod common;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use common::{Clinic1, Sqlite, utc};
use frontdesk::gui::kiosk::{Kiosk, Message, Pad, ProofKind, SharedStore, Step};
use frontdesk::scheduling::{Appointment, Status};
use frontdesk::store::Store;
use frontdesk::store::WaitingRoom;
use iced::Task;

/// 10:00 in Kolkata.
const NOW: &str = "2026-06-02T04:30:00Z";

struct Desk {
    c: Clinic1<Sqlite>,
    kiosk: Kiosk,
    runtime: tokio::runtime::Runtime,
    asha: Appointment,
    ravi: Appointment,
}

/// Asha (+91 98450 12345, born 17 May 1980) at 10:15 with Dr. Rao in Room 1, Ravi
/// (+91 99000 55555, same birth date) at 10:30; the kiosk signed in as the clinic's store.
fn desk() -> Desk {
    let mut c = Clinic1::<Sqlite>::fresh(chrono_tz::Asia::Kolkata);
    let earlier = utc("2026-06-01T04:30:00Z");
    let asha = c.book_ok(c.rao, Some(c.room1), c.asha, "2026-06-02 10:15", earlier);
    let ravi = c.book_ok(c.rao, None, c.ravi, "2026-06-02 10:30", earlier);
    let store: SharedStore = Arc::new(Mutex::new(Box::new(c.reopen())));
    let kiosk = Kiosk::new(
        store,
        c.clinic,
        "Sunrise Clinic".into(),
        chrono_tz::Asia::Kolkata,
        utc(NOW),
    );
    let runtime = frontdesk::gui::headless::runtime().expect("runtime");
    Desk {
        c,
        kiosk,
        runtime,
        asha,
        ravi,
    }
}

impl Desk {
    /// Sends a message and runs what it starts to the end, feeding the answers back.
    fn send(&mut self, message: Message) {
        let task = self.kiosk.update(message);
        self.settle(task);
    }

    fn settle(&mut self, task: Task<Message>) {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            return;
        };
        use iced::futures::StreamExt;
        let actions: Vec<iced_runtime::Action<Message>> = self.runtime.block_on(stream.collect());
        for action in actions {
            if let iced_runtime::Action::Output(m) = action {
                self.send(m);
            }
        }
    }

    /// Types `digits` on the on-screen keypad.
    fn pad(&mut self, digits: &str) {
        for d in digits.chars() {
            let d = d.to_digit(10).expect("a digit") as u8;
            self.send(Message::Pad(Pad::Digit(d)));
        }
    }

    /// Types `digits` on a keyboard, then Enter, through the kiosk's view.
    fn keyboard(&mut self, digits: &str) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                (1280.0, 800.0),
                self.kiosk.view(),
            );
            let _ = ui.typewrite(digits);
            let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
            ui.into_messages().collect()
        };
        for m in messages {
            self.send(m);
        }
    }

    fn texts(&self) -> Vec<String> {
        let mut all = Vec::new();
        let mut ui = iced_test::Simulator::with_size(
            iced::Settings::default(),
            (1280.0, 800.0),
            self.kiosk.view(),
        );
        let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
            if let iced_test::selector::Candidate::Text { content, .. } = c {
                all.push(content.to_owned());
            }
            None::<()>
        });
        all
    }

    fn click(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                (1280.0, 800.0),
                self.kiosk.view(),
            );
            ui.click(label)
                .unwrap_or_else(|e| panic!("no \"{label}\" on the kiosk: {e:?}"));
            ui.into_messages().collect()
        };
        for m in messages {
            self.send(m);
        }
    }

    fn tick(&mut self, at: DateTime<Utc>) {
        self.send(Message::Tick(at));
    }
}

#[test]
fn a_patient_checks_in_with_phone_and_birth_date_and_sees_only_their_own() {
    let mut d = desk();
    d.keyboard("9845012345");
    assert_eq!(d.kiosk.step, Step::Proof);
    d.pad("17051980");
    assert!(
        d.texts().iter().any(|t| t == "17 / 05 / 1980"),
        "{:?}",
        d.texts()
    );
    d.send(Message::Next);
    assert_eq!(d.kiosk.step, Step::Appointments);
    // Only Asha's: Ravi has the same birth date and another phone.
    assert_eq!(
        d.kiosk.found.iter().map(|k| k.id).collect::<Vec<_>>(),
        [d.asha.id]
    );
    let state = format!("{:?}", d.kiosk);
    for secret in [
        "Asha",
        "Iyer",
        "Ravi",
        "Kumar",
        "Check-up",
        &d.ravi.id.to_string(),
    ] {
        assert!(
            !state.contains(secret),
            "{secret} in the kiosk's state: {state}"
        );
    }
    let shown = d.texts();
    assert!(shown.iter().any(|t| t == "10:15"), "{shown:?}");
    assert!(
        shown.iter().any(|t| t == "Dr. Anjali Rao · Room 1"),
        "{shown:?}"
    );
    d.click("I'm here");
    assert_eq!(d.kiosk.step, Step::Done);
    assert!(d.texts().iter().any(|t| t == "10:15"), "the number shown");
    let day = d.c.day("2026-06-02");
    let asha = day
        .iter()
        .find(|e| e.appointment.id == d.asha.id)
        .expect("asha");
    assert_eq!(asha.appointment.status, Status::CheckedIn);
    // The page goes by itself after 15 s, and with it everything Asha typed and saw.
    d.tick(utc(NOW) + Duration::seconds(16));
    assert_eq!(d.kiosk.step, Step::Phone);
    assert!(d.kiosk.phone.is_empty() && d.kiosk.proof.is_empty());
    assert!(d.kiosk.found.is_empty() && d.kiosk.done.is_none());
}

#[test]
fn the_reminders_code_finds_one_appointment_and_an_answer_for_someone_gone_is_dropped() {
    let mut d = desk();
    d.pad("919900055555");
    d.send(Message::Next);
    d.send(Message::Prove(ProofKind::Code));
    let code = d.c.store.check_in_code(d.ravi.id).expect("code");
    d.pad(&code);
    // Ravi presses Next and walks away before the answer: the next patient starts afresh.
    let task = d.kiosk.update(Message::Next);
    d.send(Message::StartAgain);
    d.settle(task);
    assert_eq!(d.kiosk.step, Step::Phone);
    assert!(
        d.kiosk.found.is_empty(),
        "Ravi's answer came after he left: dropped"
    );
    // He comes back and finishes.
    d.pad("919900055555");
    d.send(Message::Next);
    d.send(Message::Prove(ProofKind::Code));
    let code = d.c.store.check_in_code(d.ravi.id).expect("code");
    d.pad(&code);
    d.send(Message::Next);
    assert_eq!(
        d.kiosk.found.iter().map(|k| k.id).collect::<Vec<_>>(),
        [d.ravi.id]
    );
    // Idle on his appointments for 45 s: forgotten.
    d.tick(utc(NOW) + Duration::seconds(46));
    assert_eq!(d.kiosk.step, Step::Phone);
    assert!(d.kiosk.found.is_empty());
}

#[test]
fn five_wrong_tries_send_people_to_the_desk_for_ten_minutes() {
    let mut d = desk();
    let before = d.c.store.change_version().expect("version");
    for n in 0..5 {
        d.send(Message::StartAgain);
        d.pad("9845012345");
        d.send(Message::Next);
        d.pad(&format!("0{}011990", n + 1));
        d.send(Message::Next);
        assert_eq!(d.kiosk.step, Step::Proof, "try {n} finds nothing");
        assert_eq!(
            d.kiosk.message.as_deref(),
            Some(
                "We could not find an appointment today with these details. Please check them, or ask at the desk."
            )
        );
    }
    assert!(d.kiosk.closed_until().is_some());
    assert!(d.texts().iter().any(|t| t == "Please ask at the desk."));
    // Even the right details are not looked up now.
    d.send(Message::StartAgain);
    d.pad("9845012345");
    assert!(d.kiosk.phone.is_empty(), "the keypad takes nothing");
    // Ten minutes after the last wrong try it opens again, and Asha checks in.
    d.tick(utc(NOW) + Duration::minutes(10) + Duration::seconds(1));
    assert!(d.kiosk.closed_until().is_none());
    d.pad("9845012345");
    d.send(Message::Next);
    d.pad("17051980");
    d.send(Message::Next);
    assert_eq!(d.kiosk.step, Step::Appointments);
    assert_eq!(
        d.c.store.change_version().expect("version"),
        before,
        "looking changes nothing"
    );
}

#[test]
fn too_short_a_phone_and_an_impossible_date_are_refused_with_what_to_type() {
    let mut d = desk();
    d.pad("98450");
    d.send(Message::Next);
    assert_eq!(d.kiosk.step, Step::Phone);
    assert_eq!(
        d.kiosk.message.as_deref(),
        Some("Please type your whole phone number (at least 7 digits).")
    );
    d.pad("12345");
    d.send(Message::Next);
    d.pad("31021980");
    d.send(Message::Next);
    assert_eq!(d.kiosk.step, Step::Proof);
    assert_eq!(
        d.kiosk.message.as_deref(),
        Some("Please type your birth date as 8 digits, day first: 24 03 1985.")
    );
    // The fields take no more digits than they hold; erase and clear work.
    d.pad("99999");
    assert_eq!(d.kiosk.proof, "31021980");
    d.send(Message::Pad(Pad::Erase));
    assert_eq!(d.kiosk.proof, "3102198");
    d.send(Message::Pad(Pad::Clear));
    assert_eq!(d.kiosk.proof, "");
    d.send(Message::Back);
    assert_eq!(d.kiosk.step, Step::Phone);
    assert_eq!(d.kiosk.phone, "9845012345");
}
