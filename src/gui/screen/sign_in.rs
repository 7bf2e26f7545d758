//! The screens before the desk and over it when locked: a new database's first run (the demo
//! clinic, or a clinic of its own with its first administrator), signing in, a clinic for a
//! database that has none, and the locked window (the same person unlocks, or someone else
//! takes over with their PIN once a password unlocked this PC today). Nothing here shows a
//! patient. What is typed as a password or PIN travels in [`Typed`], whose `Debug` hides it.

use iced::widget::{button, center, checkbox, column, container, row, scrollable, text};
use iced::{Element, Length, Task};

use crate::demo::DemoSignIn;
use crate::gui::backend::{NewClinic, UiError};
use crate::gui::widget::{self, field};
use crate::scheduling::setup_rules::parse_zone;

/// A password or PIN as typed; `Debug` never shows it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Typed(pub String);

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Typed(***)")
    }
}

/// The longest clinic name the first run takes (Settings has the same rule).
const CLINIC_NAME_MAX: usize = 100;

/// Which screen it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// A new database: its first administrator (and, when it holds no clinic, the clinic's
    /// name and time zone, or the demo clinic instead).
    FirstRun {
        /// It holds no clinic: ask for one and offer the demo.
        no_clinic: bool,
    },
    /// Signing in with a password.
    SignIn,
    /// Signed in to a database that holds no clinic: its name and time zone.
    FirstClinic,
    /// A new encrypted database's recovery key, shown once before the desk opens.
    Recovery(crate::gui::backend::Shown),
    /// The window is locked.
    Locked {
        /// Who was at the window.
        who: String,
        /// A password unlocked this PC today, so a PIN may be used.
        pin_allowed: bool,
    },
}

/// The form.
#[derive(Debug, Clone)]
pub struct State {
    /// Which screen it is.
    pub mode: Mode,
    name: String,
    secret: Typed,
    repeat: Typed,
    clinic_name: String,
    zone: String,
    use_pin: bool,
    /// Waiting for the database (the hash check takes a moment).
    pub busy: bool,
    /// The demo clinic is being built.
    pub building: bool,
    /// The last refusal.
    pub error: Option<UiError>,
    /// The demo clinic's sign-ins, shown after it was built.
    pub demo: Vec<DemoSignIn>,
}

/// What happens on these screens.
#[derive(Debug, Clone)]
pub enum Message {
    /// The name changed.
    Name(String),
    /// The password or PIN changed.
    Secret(Typed),
    /// The repeated new password changed.
    Repeat(Typed),
    /// The clinic's name changed.
    ClinicName(String),
    /// The clinic's time zone changed.
    Zone(String),
    /// "Use my PIN" was switched.
    UsePin(bool),
    /// A demo staff member's line was chosen: fill in their name and password.
    UseDemo(usize),
    /// The form's button, or Enter in a field.
    Submit,
    /// "Load the demo clinic".
    LoadDemo,
}

/// What the window must do.
#[derive(Debug, Clone)]
pub enum Event {
    /// Sign `name` in (or unlock, or take over).
    SignIn {
        /// The name typed.
        name: String,
        /// The password or PIN typed.
        secret: Typed,
        /// It is a PIN.
        pin: bool,
    },
    /// Make the first administrator, then (when given) the clinic.
    FirstAdministrator {
        /// Their name.
        name: String,
        /// Their password.
        password: Typed,
        /// The clinic, for a database that holds none.
        clinic: Option<NewClinic>,
    },
    /// Add the clinic.
    AddClinic(NewClinic),
    /// Build the demo clinic.
    LoadDemo,
    /// The recovery key was written down: go on to the desk.
    RecoveryNoted,
}

impl State {
    /// The screen `mode`, empty.
    pub fn new(mode: Mode) -> State {
        let name = match &mode {
            Mode::Locked { who, .. } => who.clone(),
            Mode::FirstRun { .. } | Mode::SignIn | Mode::FirstClinic | Mode::Recovery(_) => {
                String::new()
            }
        };
        State {
            mode,
            name,
            secret: Typed::default(),
            repeat: Typed::default(),
            clinic_name: String::new(),
            zone: system_zone(),
            use_pin: false,
            busy: false,
            building: false,
            error: None,
            demo: Vec::new(),
        }
    }

    /// The field to put the cursor in when the screen appears: the password when the name
    /// is known (unlocking), else the first field.
    pub fn focus(&self) -> Task<Message> {
        let id = match &self.mode {
            Mode::Locked { .. } => "signin-secret",
            Mode::FirstClinic | Mode::FirstRun { no_clinic: true } => "signin-clinic",
            Mode::Recovery(_) => "signin-name",
            Mode::FirstRun { no_clinic: false } | Mode::SignIn => "signin-name",
        };
        iced::widget::operation::focus(id)
    }

    /// The database's answer to what the form asked: a refusal is shown and the secret
    /// cleared (it is typed again, never kept).
    pub fn answered(&mut self, result: Result<(), UiError>) {
        self.busy = false;
        self.building = false;
        self.secret = Typed::default();
        self.repeat = Typed::default();
        self.error = result.err();
    }

    /// Handles a message; the event says what the window must do.
    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::Name(t) => self.name = t,
            Message::Secret(t) => self.secret = t,
            Message::Repeat(t) => self.repeat = t,
            Message::ClinicName(t) => self.clinic_name = t,
            Message::Zone(t) => self.zone = t,
            Message::UsePin(on) => {
                self.use_pin = on && self.pin_allowed();
                self.secret = Typed::default();
            }
            Message::UseDemo(i) => {
                if let Some(line) = self.demo.get(i) {
                    self.name = line.name.clone();
                    self.secret = Typed(line.password.clone());
                }
            }
            Message::LoadDemo => {
                let offered = matches!(self.mode, Mode::FirstRun { no_clinic: true });
                if offered && !self.busy && !self.building {
                    self.building = true;
                    self.error = None;
                    return Some(Event::LoadDemo);
                }
            }
            Message::Submit => {
                if self.busy || self.building {
                    return None;
                }
                let event = self.submitted();
                match &event {
                    Ok(_) => {
                        self.busy = true;
                        self.error = None;
                    }
                    Err(problem) => self.error = Some(problem.clone()),
                }
                return event.ok();
            }
        }
        None
    }

    fn pin_allowed(&self) -> bool {
        matches!(
            self.mode,
            Mode::Locked {
                pin_allowed: true,
                ..
            }
        )
    }

    /// What the form asks for, or what is wrong with it (checked here first so a slip costs
    /// no try; the database checks again).
    fn submitted(&self) -> Result<Event, UiError> {
        let name = self.name.trim();
        let need_name = || {
            if name.is_empty() {
                Err(crate::t!("signin-need-name"))
            } else {
                Ok(name.to_owned())
            }
        };
        let need_secret = |missing: fn() -> String| {
            if self.secret.0.is_empty() {
                Err(missing())
            } else {
                Ok(self.secret.clone())
            }
        };
        match &self.mode {
            Mode::Recovery(_) => Ok(Event::RecoveryNoted),
            Mode::SignIn => Ok(Event::SignIn {
                name: need_name()?,
                secret: need_secret(|| crate::t!("signin-need-password"))?,
                pin: false,
            }),
            Mode::Locked { .. } => {
                let pin = self.use_pin && self.pin_allowed();
                Ok(Event::SignIn {
                    name: need_name()?,
                    secret: need_secret(if pin {
                        || crate::t!("signin-need-pin")
                    } else {
                        || crate::t!("signin-need-password")
                    })?,
                    pin,
                })
            }
            Mode::FirstClinic => Ok(Event::AddClinic(self.new_clinic()?)),
            Mode::FirstRun { no_clinic } => {
                let clinic = if *no_clinic {
                    Some(self.new_clinic()?)
                } else {
                    None
                };
                let name = need_name()?;
                let password = need_secret(|| crate::t!("signin-need-new-password"))?;
                if password != self.repeat {
                    return Err(crate::t!("signin-passwords-differ"));
                }
                Ok(Event::FirstAdministrator {
                    name,
                    password,
                    clinic,
                })
            }
        }
    }

    fn new_clinic(&self) -> Result<NewClinic, UiError> {
        let name = self.clinic_name.trim();
        if name.is_empty() {
            return Err(crate::t!("signin-need-clinic-name"));
        }
        if name.chars().any(char::is_control) {
            return Err(crate::t!("signin-clinic-name-control"));
        }
        if name.chars().count() > CLINIC_NAME_MAX {
            return Err(crate::t!("signin-clinic-name-long", max = CLINIC_NAME_MAX));
        }
        let zone = parse_zone(&self.zone).map_err(|e| e.to_string())?;
        Ok(NewClinic {
            name: name.to_owned(),
            zone,
        })
    }

    /// The screen.
    pub fn view(&self) -> Element<'_, Message> {
        let body: Element<'_, Message> = match &self.mode {
            Mode::FirstRun { no_clinic } => self.first_run(*no_clinic),
            Mode::SignIn => self.sign_in(),
            Mode::FirstClinic => self.first_clinic(),
            Mode::Locked { who, pin_allowed } => self.locked(who, *pin_allowed),
            Mode::Recovery(key) => Self::recovery(&key.0),
        };
        center(scrollable(body).width(Length::Shrink))
            .padding(20)
            .into()
    }

    fn name_field(&self) -> Element<'_, Message> {
        field(
            crate::t!("signin-your-name"),
            iced::widget::text_input(&crate::t!("signin-your-name-hint"), &self.name)
                .id("signin-name")
                .on_input(Message::Name)
                .on_submit(Message::Submit),
        )
    }

    fn secret_field(&self, label: String) -> Element<'_, Message> {
        field(
            label,
            iced::widget::text_input("", &self.secret.0)
                .id("signin-secret")
                .secure(true)
                .on_input(|t| Message::Secret(Typed(t)))
                .on_submit(Message::Submit),
        )
    }

    fn footer(&self, label: String) -> Element<'_, Message> {
        let waiting = if self.busy {
            crate::t!("signin-checking")
        } else {
            crate::t!("signin-building-demo")
        };
        let action: Element<'_, Message> = if self.busy || self.building {
            text(waiting).size(13).into()
        } else {
            button(text(label))
                .on_press(Message::Submit)
                .style(button::primary)
                .into()
        };
        let mut col = column![action].spacing(8);
        if let Some(e) = &self.error {
            col = col.push(widget::error_text(e));
        }
        col.into()
    }

    fn card<'a>(body: impl Into<Element<'a, Message>>, width: f32) -> Element<'a, Message> {
        container(body)
            .padding(22)
            .max_width(width)
            .style(container::bordered_box)
            .into()
    }

    fn clinic_fields(&self) -> Element<'_, Message> {
        column![
            field(
                crate::t!("signin-clinic-name"),
                iced::widget::text_input(&crate::t!("signin-clinic-name-hint"), &self.clinic_name)
                    .id("signin-clinic")
                    .on_input(Message::ClinicName)
                    .on_submit(Message::Submit),
            ),
            field(
                crate::t!("signin-zone"),
                iced::widget::text_input(&crate::t!("signin-zone-hint"), &self.zone)
                    .id("signin-zone")
                    .on_input(Message::Zone)
                    .on_submit(Message::Submit),
            ),
        ]
        .spacing(10)
        .into()
    }

    fn first_run(&self, no_clinic: bool) -> Element<'_, Message> {
        let mut form = column![
            widget::heading(if no_clinic {
                crate::t!("signin-set-up-clinic")
            } else {
                crate::t!("signin-first-administrator")
            }),
            text(crate::t!("signin-first-administrator-about")).size(13),
        ]
        .spacing(10);
        if no_clinic {
            form = form.push(self.clinic_fields());
        }
        form = form
            .push(self.name_field())
            .push(self.secret_field(crate::t!("signin-password")))
            .push(field(
                crate::t!("signin-password-again"),
                iced::widget::text_input("", &self.repeat.0)
                    .id("signin-repeat")
                    .secure(true)
                    .on_input(|t| Message::Repeat(Typed(t)))
                    .on_submit(Message::Submit),
            ))
            .push(self.footer(crate::t!("signin-create-administrator")));
        let form = Self::card(form.width(Length::Fixed(380.0)), 430.0);
        if !no_clinic {
            return column![widget::heading(crate::t!("signin-welcome")), form]
                .spacing(14)
                .into();
        }
        let demo = Self::card(
            column![
                widget::heading(crate::t!("signin-demo-title")),
                text(crate::t!("signin-demo-about")).size(13),
                if self.building || self.busy {
                    Element::from(text("").size(1))
                } else {
                    button(text(crate::t!("signin-load-demo")))
                        .on_press(Message::LoadDemo)
                        .style(button::secondary)
                        .into()
                },
            ]
            .spacing(10)
            .width(Length::Fixed(300.0)),
            340.0,
        );
        column![
            widget::heading(crate::t!("signin-welcome")),
            text(crate::t!("signin-no-clinic-yet")).size(14),
            row![form, demo].spacing(20),
        ]
        .spacing(14)
        .into()
    }

    fn sign_in(&self) -> Element<'_, Message> {
        let mut form = column![
            widget::heading(crate::t!("signin-title")),
            self.name_field(),
            self.secret_field(crate::t!("signin-password")),
            self.footer(crate::t!("signin-sign-in")),
        ]
        .spacing(12)
        .width(Length::Fixed(360.0));
        if !self.demo.is_empty() {
            let lines = self.demo.iter().enumerate().map(|(i, line)| {
                button(text(line.to_string()).size(13))
                    .on_press(Message::UseDemo(i))
                    .style(button::text)
                    .padding([2, 4])
                    .into()
            });
            form = form.push(
                column![
                    text(crate::t!("signin-demo-staff")).size(13),
                    column(lines).spacing(2),
                ]
                .spacing(6),
            );
        }
        Self::card(form, 440.0)
    }

    fn first_clinic(&self) -> Element<'_, Message> {
        Self::card(
            column![
                widget::heading(crate::t!("signin-add-clinic-title")),
                text(crate::t!("signin-add-clinic-about")).size(13),
                self.clinic_fields(),
                self.footer(crate::t!("signin-add-clinic")),
            ]
            .spacing(12)
            .width(Length::Fixed(380.0)),
            430.0,
        )
    }

    fn recovery(key: &str) -> Element<'_, Message> {
        Self::card(
            column![
                widget::heading(crate::t!("signin-recovery-title")),
                text(crate::t!("signin-recovery-about")).size(13),
                container(text(key).size(18).font(iced::Font::MONOSPACE))
                    .padding(14)
                    .style(container::rounded_box),
                button(text(crate::t!("signin-written-down")))
                    .on_press(Message::Submit)
                    .style(button::primary),
            ]
            .spacing(14)
            .width(Length::Fixed(560.0)),
            620.0,
        )
    }

    fn locked<'a>(&'a self, who: &'a str, pin_allowed: bool) -> Element<'a, Message> {
        let mut form = column![
            widget::heading(crate::t!("signin-locked")),
            text(crate::t!("signin-locked-by", name = who)).size(13),
            self.name_field(),
            self.secret_field(if self.use_pin {
                crate::t!("signin-pin")
            } else {
                crate::t!("signin-password")
            }),
        ]
        .spacing(12)
        .width(Length::Fixed(380.0));
        if pin_allowed {
            form = form.push(
                checkbox(self.use_pin)
                    .label(crate::t!("signin-use-pin"))
                    .on_toggle(Message::UsePin)
                    .size(15)
                    .text_size(13),
            );
        }
        form = form.push(self.footer(crate::t!("signin-unlock")));
        Self::card(form, 430.0)
    }
}

/// This computer's time zone (`TZ`, else `/etc/timezone`, else where `/etc/localtime`
/// points), if it is one the clinic can use; empty when none is found.
fn system_zone() -> String {
    let from_link = || {
        std::fs::read_link("/etc/localtime").ok().and_then(|p| {
            let p = p.to_string_lossy().into_owned();
            p.split_once("zoneinfo/").map(|(_, zone)| zone.to_owned())
        })
    };
    std::env::var("TZ")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/timezone").ok())
        .or_else(from_link)
        .map(|z| z.trim().trim_start_matches(':').to_owned())
        .filter(|z| parse_zone(z).is_ok())
        .unwrap_or_default()
}
