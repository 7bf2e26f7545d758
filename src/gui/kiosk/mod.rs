//! Self check-in (issue 17): a full-screen, touch-friendly window in the waiting room. A
//! patient types their phone number on the on-screen keypad (or a keyboard), then their birth
//! date or the six-digit code from their reminder; they see only their own appointments of
//! today (time, doctor, room), press "I'm here", and get the number the waiting room will call.
//! The kiosk holds nothing of anyone else: what one patient typed and saw is cleared when they
//! finish, go back to the start, or leave it idle; an answer that comes after that is dropped.
//! Wrong tries are counted (`scheduling::kiosk::Tries`): after too many the kiosk sends people
//! to the desk for a while. The store's answers are awaited off the UI thread.

mod view;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Subscription, Task};

use crate::scheduling::kiosk::{self, Proof, Tries};
use crate::scheduling::model::{AppointmentId, ClinicId};
use crate::store::{KioskAppointment, Store};

/// How long the kiosk waits for the next touch before starting again.
pub const IDLE: Duration = Duration::seconds(45);
/// How long the "you are checked in" page stays.
pub const DONE_SHOWN: Duration = Duration::seconds(15);

/// The store the kiosk asks, shared with the tasks that ask it off the UI thread.
pub type SharedStore = Arc<Mutex<Box<dyn Store + Send>>>;

/// Where the patient is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Typing the phone number.
    Phone,
    /// Typing the birth date or the code.
    Proof,
    /// Their appointments of today.
    Appointments,
    /// Checked in: their number.
    Done,
}

/// How the patient proves who they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProofKind {
    /// Birth date, day first, eight digits.
    BirthDate,
    /// The reminder's six-digit code.
    Code,
}

/// A key of the on-screen keypad (or the keyboard).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pad {
    /// A digit.
    Digit(u8),
    /// Remove the last digit.
    Erase,
    /// Remove every digit.
    Clear,
}

/// The kiosk's state: only what the patient at it now typed and may see.
pub struct Kiosk {
    /// The step shown.
    pub step: Step,
    /// The phone number's digits typed.
    pub phone: String,
    /// Birth date or code.
    pub proof_kind: ProofKind,
    /// The proof's digits typed.
    pub proof: String,
    /// Their appointments of today, once found.
    pub found: Vec<KioskAppointment>,
    /// The appointment checked in, on the last page.
    pub done: Option<KioskAppointment>,
    /// What went wrong, or what to do instead (shown in a box).
    pub message: Option<String>,
    /// Waiting for the store.
    pub busy: bool,
    /// The clinic's name.
    pub clinic_name: String,
    /// The clinic's zone (for times).
    pub zone: chrono_tz::Tz,
    /// The clock.
    pub now: DateTime<Utc>,
    tries: Tries,
    last_touch: DateTime<Utc>,
    /// The number of the patient's visit: one more at every fresh start; an answer for an
    /// earlier one is dropped.
    visit: u64,
    store: SharedStore,
    clinic: ClinicId,
}

impl std::fmt::Debug for Kiosk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kiosk")
            .field("step", &self.step)
            .field("phone", &self.phone)
            .field("proof_kind", &self.proof_kind)
            .field("proof", &self.proof)
            .field("found", &self.found)
            .field("done", &self.done)
            .field("message", &self.message)
            .field("busy", &self.busy)
            .finish_non_exhaustive()
    }
}

/// What happens at the kiosk.
#[derive(Debug, Clone)]
pub enum Message {
    /// A keypad key was touched.
    Pad(Pad),
    /// "Next" (or Enter).
    Next,
    /// "Back" (or Escape).
    Back,
    /// "Start again": everything typed and shown is cleared.
    StartAgain,
    /// Birth date or code was chosen.
    Prove(ProofKind),
    /// The store answered a look-up (for that visit).
    Found(u64, Result<Vec<KioskAppointment>, String>),
    /// "I'm here" was touched for an appointment.
    CheckIn(AppointmentId),
    /// The store answered a check-in (for that visit).
    CheckedIn(u64, Result<KioskAppointment, String>),
    /// A key of the keyboard nobody else took.
    Key(Key, Modifiers),
    /// The clock moved on.
    Tick(DateTime<Utc>),
}

/// The most digits each field takes.
fn max_digits(step: Step, kind: ProofKind) -> usize {
    match (step, kind) {
        (Step::Phone, _) => kiosk::PHONE_DIGITS_MAX,
        (_, ProofKind::BirthDate) => 8,
        (_, ProofKind::Code) => 6,
    }
}

impl Kiosk {
    /// A kiosk at the clinic `clinic` (named `clinic_name`, in `zone`) asking `store`.
    pub fn new(
        store: SharedStore,
        clinic: ClinicId,
        clinic_name: String,
        zone: chrono_tz::Tz,
        now: DateTime<Utc>,
    ) -> Kiosk {
        Kiosk {
            step: Step::Phone,
            phone: String::new(),
            proof_kind: ProofKind::BirthDate,
            proof: String::new(),
            found: Vec::new(),
            done: None,
            message: None,
            busy: false,
            clinic_name,
            zone,
            now,
            tries: Tries::default(),
            last_touch: now,
            visit: 0,
            store,
            clinic,
        }
    }

    /// Until when the kiosk sends people to the desk, if it does now.
    pub fn closed_until(&self) -> Option<DateTime<Utc>> {
        self.tries.closed_until(self.now)
    }

    /// Clears everything the patient typed and saw; answers still on their way are dropped.
    fn start_again(&mut self) {
        self.visit = self.visit.wrapping_add(1);
        self.step = Step::Phone;
        self.phone.clear();
        self.proof.clear();
        self.proof_kind = ProofKind::BirthDate;
        self.found.clear();
        self.done = None;
        self.message = None;
        self.busy = false;
    }

    fn field(&mut self) -> Option<&mut String> {
        match self.step {
            Step::Phone => Some(&mut self.phone),
            Step::Proof => Some(&mut self.proof),
            Step::Appointments | Step::Done => None,
        }
    }

    fn proof(&self) -> Option<Proof> {
        match self.proof_kind {
            ProofKind::BirthDate => kiosk::birth_date(&self.proof).map(Proof::BirthDate),
            ProofKind::Code => (self.proof.len() == 6).then(|| Proof::Code(self.proof.clone())),
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        if !matches!(
            message,
            Message::Tick(_) | Message::Found(..) | Message::CheckedIn(..)
        ) {
            self.last_touch = self.now;
        }
        match message {
            Message::Key(key, _) => {
                let as_message = match key.as_ref() {
                    Key::Named(Named::Enter) => Some(Message::Next),
                    Key::Named(Named::Escape) => Some(Message::Back),
                    Key::Named(Named::Backspace) => Some(Message::Pad(Pad::Erase)),
                    Key::Named(Named::Delete) => Some(Message::Pad(Pad::Clear)),
                    Key::Character(c) => c
                        .chars()
                        .next()
                        .and_then(|ch| ch.to_digit(10))
                        .map(|d| Message::Pad(Pad::Digit(d as u8))),
                    _ => None,
                };
                return as_message.map_or_else(Task::none, |m| self.update(m));
            }
            Message::Pad(_) | Message::Next if self.busy || self.closed_until().is_some() => {}
            Message::Pad(pad) => {
                let most = max_digits(self.step, self.proof_kind);
                if let Some(field) = self.field() {
                    match pad {
                        Pad::Digit(d) if field.len() < most && d < 10 => {
                            field.push(char::from(b'0' + d));
                        }
                        Pad::Digit(_) => {}
                        Pad::Erase => {
                            field.pop();
                        }
                        Pad::Clear => field.clear(),
                    }
                    self.message = None;
                }
            }
            // A look-up under way keeps its proof: "I'm here" then checks in with it.
            Message::Prove(_) if self.busy => {}
            Message::Prove(kind) => {
                if self.proof_kind != kind {
                    self.proof_kind = kind;
                    self.proof.clear();
                    self.message = None;
                }
            }
            Message::Next => return self.next(),
            // Back while the store is asked: that answer is for a page left, and is dropped.
            Message::Back if self.busy => self.start_again(),
            Message::Back => match self.step {
                Step::Phone => self.start_again(),
                Step::Proof => {
                    self.step = Step::Phone;
                    self.proof.clear();
                    self.message = None;
                }
                Step::Appointments | Step::Done => self.start_again(),
            },
            Message::StartAgain => self.start_again(),
            Message::Found(visit, _) | Message::CheckedIn(visit, _) if visit != self.visit => {}
            Message::Found(_, result) => {
                self.busy = false;
                match result {
                    Ok(found) if found.is_empty() => {
                        self.tries.wrong(self.now);
                        self.message = Some(crate::t!("kiosk-not-found"));
                    }
                    Ok(found) => {
                        self.found = found;
                        self.step = Step::Appointments;
                        self.message = None;
                    }
                    Err(e) => self.message = Some(e),
                }
            }
            Message::CheckIn(id) => return self.check_in(id),
            Message::CheckedIn(_, result) => {
                self.busy = false;
                match result {
                    Ok(done) => {
                        self.done = Some(done);
                        self.step = Step::Done;
                        self.message = None;
                    }
                    Err(e) => self.message = Some(e),
                }
            }
            Message::Tick(now) => {
                self.now = now;
                let idle = now - self.last_touch;
                let started = self.step != Step::Phone || !self.phone.is_empty();
                let limit = if self.step == Step::Done {
                    DONE_SHOWN
                } else {
                    IDLE
                };
                if started && idle >= limit {
                    self.start_again();
                }
            }
        }
        Task::none()
    }

    /// "Next": to the proof, or look the appointments up.
    fn next(&mut self) -> Task<Message> {
        match self.step {
            Step::Phone => {
                if kiosk::phone_digits(&self.phone).is_none() {
                    self.message = Some(crate::t!("kiosk-phone-too-short"));
                } else {
                    self.step = Step::Proof;
                    self.message = None;
                }
                Task::none()
            }
            Step::Proof => {
                let Some(proof) = self.proof() else {
                    self.message = Some(match self.proof_kind {
                        ProofKind::BirthDate => crate::t!("kiosk-birth-date-unreadable"),
                        ProofKind::Code => crate::t!("kiosk-code-six-digits"),
                    });
                    return Task::none();
                };
                self.busy = true;
                let (visit, clinic, phone, now) =
                    (self.visit, self.clinic, self.phone.clone(), self.now);
                let store = self.store.clone();
                Task::perform(
                    blocking(store, move |s| s.kiosk_find(clinic, &phone, &proof, now)),
                    move |r| Message::Found(visit, r),
                )
            }
            Step::Appointments => Task::none(),
            Step::Done => {
                self.start_again();
                Task::none()
            }
        }
    }

    fn check_in(&mut self, id: AppointmentId) -> Task<Message> {
        if self.busy || self.step != Step::Appointments {
            return Task::none();
        }
        let Some(proof) = self.proof() else {
            return Task::none();
        };
        self.busy = true;
        let (visit, clinic, phone, now) = (self.visit, self.clinic, self.phone.clone(), self.now);
        let store = self.store.clone();
        Task::perform(
            blocking(store, move |s| {
                s.kiosk_check_in(clinic, id, &phone, &proof, "kiosk", now)
            }),
            move |r| Message::CheckedIn(visit, r),
        )
    }

    /// The kiosk on screen.
    pub fn view(&self) -> iced::Element<'_, Message> {
        view::view(self)
    }
}

/// Runs `work` on the store off the UI thread; an error in the words the patient reads.
async fn blocking<T: Send + 'static>(
    store: SharedStore,
    work: impl FnOnce(&mut dyn Store) -> crate::store::Result<T> + Send + 'static,
) -> Result<T, String> {
    let joined = tokio::task::spawn_blocking(move || {
        let mut guard = store.lock().map_err(|_| crate::t!("kiosk-broken"))?;
        work(&mut **guard).map_err(|e| match e {
            crate::store::StoreError::Invalid(words) => words,
            other => {
                tracing::warn!(error = %other, "the kiosk's store refused");
                crate::t!("kiosk-broken")
            }
        })
    })
    .await;
    joined.unwrap_or_else(|_| Err(crate::t!("kiosk-broken")))
}

/// How the kiosk is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Fill the screen (the default), else a window.
    pub fullscreen: bool,
    /// A fixed "now" (screenshots), else the system clock.
    pub fixed_now: Option<DateTime<Utc>>,
}

/// Opens the kiosk on `store` (signed in) for `clinic`.
pub fn run(
    store: Box<dyn Store + Send>,
    clinic: ClinicId,
    clinic_name: String,
    zone: chrono_tz::Tz,
    options: Options,
) -> iced::Result {
    let store: SharedStore = Arc::new(Mutex::new(store));
    let window = iced::window::Settings {
        size: iced::Size::new(1280.0, 800.0),
        min_size: Some(iced::Size::new(800.0, 600.0)),
        fullscreen: options.fullscreen,
        icon: crate::gui::icon::window_icon().ok(),
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: format!("{}.Kiosk", crate::APP_ID),
            ..Default::default()
        },
        ..iced::window::Settings::default()
    };
    let fixed = options.fixed_now;
    iced::application(
        move || {
            let now = fixed.unwrap_or_else(Utc::now);
            (
                Kiosk::new(store.clone(), clinic, clinic_name.clone(), zone, now),
                Task::none(),
            )
        },
        Kiosk::update,
        Kiosk::view,
    )
    .title(|k: &Kiosk| crate::t!("kiosk-title", clinic = k.clinic_name.as_str()))
    .theme(|_: &Kiosk| crate::gui::board::light_theme())
    .subscription(move |_: &Kiosk| {
        if fixed.is_some() {
            Subscription::none()
        } else {
            iced::time::every(std::time::Duration::from_secs(1)).map(|_| Message::Tick(Utc::now()))
        }
    })
    .window(window)
    .settings(crate::gui::settings())
    .run()
}
