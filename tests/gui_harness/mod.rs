//! The window without a screen, for the GUI test files: a demo clinic in a temporary database,
//! iced_test's simulator on the real view, and every Task `update` returns run to completion
//! with its messages fed back (view → Message → update → store → Message → state).
#![allow(dead_code)]

use chrono::{DateTime, Timelike, Utc};
use frontdesk::gui::app::Phase;
use frontdesk::gui::screen::sign_in::Mode;
use frontdesk::gui::{App, Message};
use iced::Task;
use iced_test::selector::id;

/// 11:00 in Kolkata on Tuesday 24 November 2026: mid-morning, a busy day.
pub const NOW: &str = "2026-11-24T05:30:00Z";

pub struct Harness {
    pub dir: tempfile::TempDir,
    pub runtime: tokio::runtime::Runtime,
    pub app: App,
}

pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("now")
        .with_timezone(&Utc)
}

/// Who the harness signs in as: the demo clinic's administrator.
pub const WHO: &str = "Arjun Iyer";

/// The demo administrator's documented password.
pub const PASSWORD: &str = "demo-administrator";

impl Harness {
    /// A window on a new database, with the demo clinic loaded through the first-run offer,
    /// signed in as its administrator ([`WHO`]).
    pub fn with_demo() -> Self {
        let mut h = Self::new_database();
        assert!(
            matches!(
                h.app.door().map(|f| &f.mode),
                Some(Mode::FirstRun { no_clinic: true })
            ),
            "a new database offers the demo"
        );
        h.click("Load the demo clinic");
        assert!(
            h.app.door().is_some_and(|f| !f.demo.is_empty()),
            "the demo's sign-ins are shown: {:?}",
            h.app.door().and_then(|f| f.error.clone())
        );
        h.sign_in(WHO, PASSWORD);
        assert!(
            matches!(h.app.phase, Phase::Ready(_)),
            "error: {:?} {:?} {:?}",
            h.app.error(),
            h.app.door().and_then(|f| f.error.clone()),
            h.app.door()
        );
        h
    }

    /// A window on a new database file (not made yet), at its first run.
    pub fn new_database() -> Self {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("desk.sqlite3");
        let runtime = frontdesk::gui::headless::runtime().expect("runtime");
        let (app, task) = App::new(path, now());
        let mut h = Harness { dir, runtime, app };
        h.settle(task);
        h
    }

    /// A window on the database `locator` names (one that holds a clinic and its staff),
    /// signed in as `name` with `password`.
    pub fn open(
        dir: tempfile::TempDir,
        locator: impl Into<frontdesk::store::Locator>,
        name: &str,
        password: &str,
        at: DateTime<Utc>,
    ) -> Self {
        let runtime = frontdesk::gui::headless::runtime().expect("runtime");
        let (app, task) = App::new(locator, at);
        let mut h = Harness { dir, runtime, app };
        h.settle(task);
        h.sign_in(name, password);
        h
    }

    /// Every text on screen, at 1280×800.
    pub fn texts(&mut self) -> Vec<String> {
        let mut all = Vec::new();
        self.ui(|ui| {
            let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
                if let iced_test::selector::Candidate::Text { content, .. } = c {
                    all.push(content.to_owned());
                }
                None::<()>
            });
        });
        all
    }

    /// What the text field with the id `field` holds, if it is on screen.
    pub fn field(&mut self, field: &'static str) -> Option<String> {
        let mut found = None;
        self.ui(|ui| {
            let _ = ui.find(|c: iced_test::selector::Candidate<'_>| {
                if let iced_test::selector::Candidate::TextInput {
                    id: Some(i), state, ..
                } = c
                    && *i == iced::widget::Id::new(field)
                {
                    found = Some(state.text().to_owned());
                }
                None::<()>
            });
        });
        found
    }

    /// Locks the window (the "Lock" button) and signs `name` in with `password`: they take
    /// the desk over.
    pub fn take_over(&mut self, name: &str, password: &str) {
        self.click("Lock (Ctrl+L)");
        self.sign_in(name, password);
        assert!(
            self.app.locked.is_none(),
            "{name} took over: {:?}",
            self.app.door().and_then(|f| f.error.clone())
        );
        assert_eq!(self.app.actor(), name);
    }

    /// Types `name` and `password` into the sign-in (or unlock) form and presses its button.
    pub fn sign_in(&mut self, name: &str, password: &str) {
        let (name, password) = (name.to_owned(), password.to_owned());
        let button = match self.app.door().map(|f| &f.mode) {
            Some(Mode::Locked { .. }) => "Unlock",
            _ => "Sign in",
        };
        self.ui(|ui| {
            ui.click(id("signin-name")).expect("the name field");
            let _ = ui.tap_key(iced::keyboard::key::Named::End);
            for _ in 0..80 {
                let _ = ui.tap_key(iced::keyboard::key::Named::Backspace);
            }
            let _ = ui.typewrite(&name);
            ui.click(id("signin-secret")).expect("the password field");
            let _ = ui.typewrite(&password);
            ui.click(button).expect("the sign-in button");
        });
    }

    /// Runs a task and everything that follows from it, feeding messages to `update`.
    pub fn settle(&mut self, task: Task<Message>) {
        frontdesk::gui::headless::settle(&mut self.app, task, &self.runtime);
    }

    pub fn send(&mut self, message: impl Into<Message>) {
        let task = self.app.update(message.into());
        self.settle(task);
    }

    /// Runs the simulator on the current view and applies what it produced.
    pub fn ui(&mut self, act: impl FnOnce(&mut iced_test::Simulator<'_, Message>)) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                (1280.0, 800.0),
                self.app.view(),
            );
            act(&mut ui);
            ui.into_messages().collect()
        };
        for m in messages {
            self.send(m);
        }
    }

    pub fn click(&mut self, text: &'static str) {
        self.ui(|ui| {
            ui.click(text)
                .unwrap_or_else(|e| panic!("no \"{text}\" on screen: {e:?}"));
        });
    }

    pub fn type_into(&mut self, field: &'static str, words: &'static str) {
        self.ui(|ui| {
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("no field {field}: {e:?}"));
            let _ = ui.typewrite(words);
        });
    }

    pub fn desk_mut(&mut self) -> &mut frontdesk::gui::desk::Desk {
        match &mut self.app.phase {
            Phase::Ready(desk) => desk,
            _ => panic!("the desk is not open"),
        }
    }

    pub fn desk(&self) -> &frontdesk::gui::desk::Desk {
        match &self.app.phase {
            Phase::Ready(desk) => desk,
            _ => panic!("the desk is not open"),
        }
    }

    /// A column and minute with `length` free minutes inside the doctor's hours, ahead of now.
    pub fn free_slot(&self, length: u16) -> (usize, u16) {
        let desk = self.desk();
        let local_now = now().with_timezone(&chrono_tz::Asia::Kolkata);
        let after = (local_now.time().num_seconds_from_midnight() / 60) as u16 + 60;
        for (c, column) in desk.columns.iter().enumerate() {
            for &(open, close) in &column.open {
                let mut m = open.max(after - after % 15);
                while m + length <= close {
                    let busy = desk
                        .blocks
                        .iter()
                        .any(|b| b.column == c && b.minutes.0 < m + 15 && m < b.minutes.1);
                    if !busy {
                        return (c, m);
                    }
                    m += 15;
                }
            }
        }
        panic!("no free slot today");
    }
}

impl Harness {
    /// Types `words` into the field with the id `field` and presses Enter, as fast hands do:
    /// every message the keys make reaches `update` before any Task they start (a search, a
    /// booking) has run; the Tasks run after, in order.
    pub fn type_fast_and_enter(&mut self, field: &'static str, words: &str) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::Simulator::with_size(
                iced::Settings::default(),
                (1280.0, 800.0),
                self.app.view(),
            );
            ui.click(id(field))
                .unwrap_or_else(|e| panic!("no field {field}: {e:?}"));
            let _ = ui.typewrite(words);
            let _ = ui.tap_key(iced::keyboard::key::Named::Enter);
            ui.into_messages().collect()
        };
        let tasks: Vec<Task<Message>> = messages.into_iter().map(|m| self.app.update(m)).collect();
        for task in tasks {
            self.settle(task);
        }
    }

    /// The first scheduled (not yet confirmed) appointment still to come on the desk's day.
    pub fn upcoming_booking(&self) -> frontdesk::store::AgendaEntry {
        self.desk()
            .entries
            .iter()
            .find(|e| {
                e.appointment.status == frontdesk::scheduling::Status::Scheduled
                    && e.appointment.interval.start > now()
            })
            .expect("an upcoming booking")
            .clone()
    }

    /// A scheduled appointment starting more than `ahead` after now whose patient's name is
    /// plain ASCII letters and spaces (easy to type): its patient's name and its id.
    pub fn upcoming_patient(
        &self,
        ahead: chrono::Duration,
    ) -> (String, frontdesk::scheduling::AppointmentId) {
        let e = self
            .desk()
            .entries
            .iter()
            .find(|e| {
                e.appointment.status == frontdesk::scheduling::Status::Scheduled
                    && e.appointment.interval.start > now() + ahead
                    && e.patient_name
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || c == ' ')
            })
            .expect("an upcoming patient");
        (e.patient_name.clone(), e.appointment.id)
    }
}

/// Two registered patients called Pooja Menon, with their own phones.
pub fn two_pooja_menons(h: &Harness) -> [frontdesk::scheduling::Patient; 2] {
    let mut store =
        frontdesk::store::SqliteStore::open(h.dir.path().join("desk.sqlite3")).expect("open");
    let make = |phone: &str| frontdesk::scheduling::Patient {
        id: frontdesk::scheduling::PatientId(uuid::Uuid::new_v4()),
        name: "Pooja Menon".into(),
        phone: phone.into(),
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    };
    let pair = [make("+91 90000 11111"), make("+91 90000 22222")];
    for p in &pair {
        frontdesk::store::Store::add_patient(&mut store, p).expect("add");
    }
    pair
}

pub mod keys;
