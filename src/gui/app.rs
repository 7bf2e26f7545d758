//! The window's root: `App` (opening → first run → the desk), its `Message`s and `update`.
//! The root owns only what is the window's: the phase, the theme, the keyboard help, and the
//! status line until a desk exists. Everything at the desk is the desk's (`desk/`): the root
//! passes it its messages (`Message::Desk`) and does what the desk's [`Event`]s ask.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Subscription, Task};

use super::backend::{Backend, Setup, UiError};
use super::desk::{self, Desk, Event};
use crate::store::Locator;
use crate::store::backup::BackupPolicy;

pub use super::desk::WeekOf;

/// The window.
pub struct App {
    /// Who the window started as (the desk's first "At the desk").
    actor: String,
    /// The clock: the desk is given it on every tick.
    now: DateTime<Utc>,
    /// The clock stands still (a fixed "now" for training and screenshots).
    clock_fixed: bool,
    /// Dark theme on.
    pub dark: bool,
    /// The keyboard-shortcut help is shown.
    pub help: bool,
    /// Where the window is.
    pub phase: Phase,
    /// The last error before a desk exists (the desk has its own status line).
    error: Option<UiError>,
    /// The last notice before a desk exists.
    notice: Option<String>,
}

/// Where the window is.
pub enum Phase {
    /// Opening the database.
    Opening(Locator),
    /// The database holds no clinic: offer the demo.
    Empty {
        /// The database.
        backend: Backend,
        /// The demo is being built.
        building: bool,
    },
    /// The database cannot be used.
    Failed(UiError),
    /// Working.
    Ready(Box<Desk>),
}

/// Everything that can happen in the window.
#[derive(Debug, Clone)]
pub enum Message {
    /// The database was opened, or could not be.
    Opened(Result<Backend, UiError>),
    /// The clinic's setup (clinics, doctors, rooms, visit types) arrived.
    SetupLoaded(Result<Setup, UiError>),
    /// The receptionist asked for the demo clinic on the first run.
    LoadDemo,
    /// The clock moved on.
    Tick(DateTime<Utc>),
    /// Switch between light and dark.
    ToggleTheme,
    /// Show or hide the keyboard help (F1).
    ToggleHelp,
    /// Hide the error on the status line.
    DismissError,
    /// A key was pressed that no widget used: as typed (Shift included) when it types text
    /// without Ctrl, Alt or Logo, else the key without modifiers (see `window_keys::as_typed`).
    Key(Key, Modifiers),
    /// Today's automatic backup was made (its file), was not needed, or failed.
    DailyBackup(Result<Option<PathBuf>, UiError>),
    /// The check of the whole file after opening found it sound (`None`) or damaged (what is
    /// wrong; the store is read-only from now on), or could not run.
    DamageChecked(Result<Option<String>, UiError>),
    /// A message for the desk.
    Desk(desk::Message),
}

impl From<desk::Message> for Message {
    fn from(message: desk::Message) -> Self {
        Message::Desk(message)
    }
}

impl App {
    /// Starts opening the database `locator` names (a path names a file), as `actor`, with
    /// the clock at `now`.
    pub fn new(
        locator: impl Into<Locator>,
        actor: String,
        now: DateTime<Utc>,
    ) -> (Self, Task<Message>) {
        let locator = locator.into();
        let app = App {
            actor,
            now,
            clock_fixed: false,
            dark: false,
            help: false,
            phase: Phase::Opening(locator.clone()),
            error: None,
            notice: None,
        };
        (app, Task::perform(Backend::open(locator), Message::Opened))
    }

    /// The window title.
    pub fn title(&self) -> String {
        match &self.phase {
            Phase::Ready(desk) => desk
                .clinic()
                .map(|c| format!("Frontdesk — {}", c.name))
                .unwrap_or_else(|| "Frontdesk".into()),
            Phase::Opening(_) | Phase::Empty { .. } | Phase::Failed(_) => "Frontdesk".into(),
        }
    }

    /// Holds the clock at the `now` given to [`App::new`] (training, screenshots).
    pub fn with_fixed_clock(mut self) -> Self {
        self.clock_fixed = true;
        self
    }

    /// The error on the status line: the desk's once it exists.
    pub fn error(&self) -> Option<&UiError> {
        match &self.phase {
            Phase::Ready(desk) => desk.error.as_ref(),
            Phase::Opening(_) | Phase::Empty { .. } | Phase::Failed(_) => self.error.as_ref(),
        }
    }

    /// The notice on the status line: the desk's once it exists.
    pub fn notice(&self) -> Option<&str> {
        match &self.phase {
            Phase::Ready(desk) => desk.notice.as_deref(),
            Phase::Opening(_) | Phase::Empty { .. } | Phase::Failed(_) => self.notice.as_deref(),
        }
    }

    /// Who changes are recorded with: whoever is at the desk.
    pub fn actor(&self) -> &str {
        match &self.phase {
            Phase::Ready(desk) => &desk.actor,
            Phase::Opening(_) | Phase::Empty { .. } | Phase::Failed(_) => &self.actor,
        }
    }

    /// Listens to the clock (every 30 s, unless it is fixed) and, at the desk, to the database
    /// (`desk::live`: changes made anywhere, and whether it can be reached). Keys no widget used come from the
    /// window's root widget (`window_keys`), not from here: a subscription's message arrives a
    /// batch late, after the next key's widget message.
    pub fn subscription(&self) -> Subscription<Message> {
        // The live calendar runs with a fixed clock too: it follows the database, not time.
        let live = match &self.phase {
            Phase::Ready(desk) => desk.live_subscription().map(Message::Desk),
            Phase::Opening(_) | Phase::Empty { .. } | Phase::Failed(_) => Subscription::none(),
        };
        if self.clock_fixed {
            return live;
        }
        let clock = iced::time::every(std::time::Duration::from_secs(30))
            .map(|_| Message::Tick(Utc::now()));
        Subscription::batch([
            clock,
            desk::reminders_page::timer().map(Message::Desk),
            live,
        ])
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Opened(result) => self.opened(result),
            Message::SetupLoaded(result) => self.setup_loaded(result),
            Message::LoadDemo => self.load_demo(),
            Message::Tick(now) => {
                self.now = now;
                self.pass_to_desk(desk::Message::Tick(now))
            }
            Message::ToggleTheme => self.toggle_theme(),
            Message::ToggleHelp => {
                self.help = !self.help;
                Task::none()
            }
            Message::DismissError => {
                self.error = None;
                self.pass_to_desk(desk::Message::DismissError)
            }
            Message::Key(key, modifiers) => self.key(key, modifiers),
            Message::DailyBackup(result) => {
                if let Err(e) = result {
                    self.say_error(format!("Today's automatic backup failed: {e}"));
                }
                Task::none()
            }
            Message::DamageChecked(result) => {
                match result {
                    Ok(None) => {}
                    Ok(Some(damage)) => self.say_error(super::backend::damaged_message(&damage)),
                    Err(e) => self.say_error(e),
                }
                Task::none()
            }
            Message::Desk(message) => self.pass_to_desk(message),
        }
    }

    /// Makes today's automatic backup of the database `locator` names (before anything is
    /// opened).
    pub fn daily_backup(
        locator: Locator,
        policy: BackupPolicy,
        now: DateTime<Utc>,
    ) -> Task<Message> {
        let today = now.with_timezone(&chrono::Local).date_naive();
        Task::perform(
            Backend::daily_backup(locator, policy, today),
            Message::DailyBackup,
        )
    }

    /// Passes a message to the desk, and does what it asks of the window. Before a desk exists
    /// there is nobody to hear it.
    fn pass_to_desk(&mut self, message: desk::Message) -> Task<Message> {
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let (task, event) = desk.update(message);
        let task = task.map(Message::Desk);
        match event {
            None => task,
            Some(Event::ToggleTheme) => Task::batch([task, self.toggle_theme()]),
            Some(Event::ToggleHelp) => {
                self.help = !self.help;
                task
            }
        }
    }

    /// Shows an error on the status line: the desk's, or the window's before a desk exists.
    fn say_error(&mut self, error: UiError) {
        match &mut self.phase {
            Phase::Ready(desk) => desk.error = Some(error),
            Phase::Opening(_) | Phase::Empty { .. } | Phase::Failed(_) => self.error = Some(error),
        }
    }

    fn opened(&mut self, result: Result<Backend, UiError>) -> Task<Message> {
        match result {
            Ok(backend) => {
                if let Some(damage) = &backend.damage {
                    self.error = Some(super::backend::damaged_message(damage));
                }
                self.phase = Phase::Empty {
                    backend: backend.clone(),
                    building: false,
                };
                Task::batch([
                    Task::perform(backend.clone().setup(), Message::SetupLoaded),
                    Task::perform(backend.check_for_damage(), Message::DamageChecked),
                ])
            }
            Err(e) => {
                self.phase = Phase::Failed(e);
                Task::none()
            }
        }
    }

    /// The setup arrived: the desk opens on the first clinic (the demo offer stays when the
    /// database holds none).
    fn setup_loaded(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
        let backend = match &mut self.phase {
            Phase::Empty { backend, building } => {
                *building = false;
                backend.clone()
            }
            Phase::Ready(_) | Phase::Opening(_) | Phase::Failed(_) => return Task::none(),
        };
        match result {
            Ok(setup) if setup.clinics.is_empty() => Task::none(),
            Ok(setup) => {
                let clinic = setup.clinics[0].clone();
                let login = self.actor.clone();
                let mut desk =
                    Desk::new(backend, setup, &clinic, self.now, self.actor.clone(), login);
                // What was said before the desk existed stays on its status line.
                desk.error = self.error.take();
                desk.notice = self.notice.take();
                let task = desk.reload().map(Message::Desk);
                self.phase = Phase::Ready(Box::new(desk));
                task
            }
            Err(e) => {
                self.error = Some(e);
                Task::none()
            }
        }
    }

    fn load_demo(&mut self) -> Task<Message> {
        match &mut self.phase {
            Phase::Empty { backend, building } if !*building => {
                *building = true;
                Task::perform(backend.clone().build_demo(self.now), Message::SetupLoaded)
            }
            Phase::Empty { .. } | Phase::Opening(_) | Phase::Failed(_) | Phase::Ready(_) => {
                Task::none()
            }
        }
    }

    fn toggle_theme(&mut self) -> Task<Message> {
        self.dark = !self.dark;
        if let Phase::Ready(desk) = &mut self.phase {
            desk.cache.clear();
        }
        Task::none()
    }

    /// Keys no widget, panel or card took. The window's own come first: the keyboard help is a
    /// modal card (F1 or Escape hides it, other keys do nothing: the desk under it gets none,
    /// `window_keys::keys_held`), F1 shows it, Ctrl+D switches the theme, and Enter on the
    /// first-run screen loads the demo as its one button does. The rest are the desk's.
    fn key(&mut self, key: Key, modifiers: Modifiers) -> Task<Message> {
        let plain = !(modifiers.control() || modifiers.alt() || modifiers.logo());
        if self.help {
            return match key {
                Key::Named(Named::F1 | Named::Escape) => self.update(Message::ToggleHelp),
                _ => Task::none(),
            };
        }
        match (key.as_ref(), modifiers.command()) {
            (Key::Named(Named::F1), _) => return self.update(Message::ToggleHelp),
            (Key::Character("d"), true) => return self.toggle_theme(),
            _ => {}
        }
        match &self.phase {
            Phase::Empty {
                building: false, ..
            } if key == Key::Named(Named::Enter) && plain => self.update(Message::LoadDemo),
            // Tab before the desk: the next or previous field on screen.
            Phase::Empty { .. } | Phase::Opening(_) | Phase::Failed(_)
                if key == Key::Named(Named::Tab) && plain =>
            {
                if modifiers.shift() {
                    iced::widget::operation::focus_previous()
                } else {
                    iced::widget::operation::focus_next()
                }
            }
            Phase::Empty { .. } | Phase::Opening(_) | Phase::Failed(_) => Task::none(),
            Phase::Ready(_) => self.pass_to_desk(desk::Message::Key(key, modifiers)),
        }
    }
}
