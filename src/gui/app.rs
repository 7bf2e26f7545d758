//! The window's root: `App` (opening → first run → the desk), its `Message`s and `update`.
//! The root owns only what is the window's: the phase, the theme, the keyboard help, and the
//! status line until a desk exists. Everything at the desk is the desk's (`desk/`): the root
//! passes it its messages (`Message::Desk`) and does what the desk's [`Event`]s ask.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use iced::keyboard::{Key, Modifiers, key::Named};
use iced::{Subscription, Task};

use super::backend::{Backend, FirstLook, NewClinic, Setup, UiError, Who};
use super::desk::{self, Desk, Event};
use super::desk_prefs::{DeskPrefs, LanguageChoice};
use super::screen::sign_in::{self, Mode};
use crate::demo::DemoSignIn;
use crate::scheduling::permission::Action;
use crate::signin::Via;
use crate::store::Locator;
use crate::store::backup::BackupPolicy;

pub use super::desk::WeekOf;

/// How long the window may go without a key or a click before it locks, unless told.
pub const LOCK_AFTER: Duration = Duration::from_secs(5 * 60);

/// The window.
pub struct App {
    /// The name the sign-in screen starts with (`--as`), if any.
    name: Option<String>,
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
    /// The window locked over the desk: the unlock form. While it is shown the desk's
    /// patient data is gone from the window (not hidden: dropped, and read again on unlock).
    pub locked: Option<sign_in::State>,
    /// How long without a key or a click before the window locks.
    lock_after: Duration,
    /// The last key or click.
    last_input: Instant,
    /// The day (this PC's calendar) a password last opened the window: a PIN may unlock it
    /// on that day only.
    password_day: Option<NaiveDate>,
    /// The clinic the first run's form gave, added once its administrator signed in.
    pending_clinic: Option<NewClinic>,
    /// How many daily backups to keep (an encrypted file's is made after the first sign-in).
    backups: BackupPolicy,
    /// This desk's preferences (its language) and the file they are kept in.
    prefs: DeskPrefs,
}

/// Where the window is.
pub enum Phase {
    /// Opening the database.
    Opening(Locator),
    /// The database cannot be used.
    Failed(UiError),
    /// Opened, nobody signed in yet: the first run, the sign-in screen, or (signed in to a
    /// database without a clinic) adding one. `form` is `None` while the window looks at what
    /// the database holds; `who` is set once someone signed in.
    Door {
        /// The database.
        backend: Backend,
        /// The screen.
        form: Option<Box<sign_in::State>>,
        /// Who signed in (the desk opens once the setup arrives).
        who: Option<Who>,
    },
    /// Working.
    Ready(Box<Desk>),
}

/// Everything that can happen in the window.
#[derive(Debug, Clone)]
pub enum Message {
    /// The database was opened, or could not be.
    Opened(Result<Backend, UiError>),
    /// What the database holds before anyone signs in (a clinic, anyone who can sign in).
    Looked(Result<FirstLook, UiError>),
    /// A message for the first-run, sign-in or unlock form.
    Door(sign_in::Message),
    /// The demo clinic was built; its staff's sign-ins.
    DemoBuilt(Result<Vec<DemoSignIn>, UiError>),
    /// Someone signed in (or unlocked, or took over), or was refused.
    SignedIn(Result<Who, UiError>),
    /// A new database's first administrator was made and signed in (with the recovery key of
    /// a new encrypted file, to show once), or was refused.
    AdministratorMade(Result<(Who, Option<super::backend::Shown>), UiError>),
    /// The store was locked (or could not be told).
    LockDone(Result<(), UiError>),
    /// The clinic's setup (clinics, doctors, rooms, visit types) arrived.
    SetupLoaded(Result<Setup, UiError>),
    /// The clock moved on.
    Tick(DateTime<Utc>),
    /// A key was pressed, a mouse button clicked or the wheel turned somewhere in the window
    /// (what keeps it from locking).
    Input,
    /// Time to see whether the window has been idle long enough to lock (the instant of the
    /// look).
    IdleCheck(Instant),
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
    /// Use this language at this desk from now on (the sign-in screen's picker, Settings).
    ChooseLanguage(LanguageChoice),
    /// The desk's preferences were written to their file, or could not be (why).
    PrefsSaved(Result<(), String>),
    /// A message for the desk.
    Desk(desk::Message),
}

impl From<desk::Message> for Message {
    fn from(message: desk::Message) -> Self {
        Message::Desk(message)
    }
}

impl App {
    /// Starts opening the database `locator` names (a path names a file), with the clock at
    /// `now`.
    pub fn new(locator: impl Into<Locator>, now: DateTime<Utc>) -> (Self, Task<Message>) {
        let locator = locator.into();
        let app = App {
            name: None,
            now,
            clock_fixed: false,
            dark: false,
            help: false,
            phase: Phase::Opening(locator.clone()),
            error: None,
            notice: None,
            locked: None,
            lock_after: LOCK_AFTER,
            last_input: Instant::now(),
            password_day: None,
            pending_clinic: None,
            backups: BackupPolicy::default(),
            prefs: DeskPrefs::default(),
        };
        (app, Task::perform(Backend::open(locator), Message::Opened))
    }

    /// Starts the sign-in screen with `name` filled in (`--as`).
    pub fn with_name(mut self, name: Option<String>) -> Self {
        self.name = name.filter(|n| !n.trim().is_empty());
        self
    }

    /// Keeps this desk's preferences in `prefs` and speaks its language (or `language`, for
    /// this run, when given: `--language`); `warning` says what was wrong with their file.
    pub fn with_prefs(
        mut self,
        prefs: DeskPrefs,
        warning: Option<crate::gui::desk_prefs::PrefsProblem>,
        language: Option<crate::i18n::Language>,
    ) -> Self {
        self.use_prefs(prefs, warning, language);
        self
    }

    /// [`App::with_prefs`] on a window already made (the tests' harness).
    pub fn use_prefs(
        &mut self,
        prefs: DeskPrefs,
        warning: Option<crate::gui::desk_prefs::PrefsProblem>,
        language: Option<crate::i18n::Language>,
    ) {
        self.prefs = prefs;
        // For this run only: the file keeps what it had until a language is chosen here.
        if let Some(language) = language {
            self.prefs.language = LanguageChoice::Chosen(language);
        }
        crate::i18n::set_current(self.prefs.language.language());
        if let Phase::Ready(desk) = &mut self.phase {
            desk.language = self.prefs.language;
        }
        // Said once the language is set, so it reads in it.
        if let Some(problem) = warning {
            self.notice = Some(problem.said());
        }
    }

    /// The language this desk asked for.
    pub fn language(&self) -> LanguageChoice {
        self.prefs.language
    }

    /// Speaks `choice` from now on and keeps it for the desk (the file written off the
    /// window's thread; one that cannot be written is said on the status line, and the choice
    /// holds until the window closes).
    fn choose_language(&mut self, choice: LanguageChoice) -> Task<Message> {
        self.prefs.language = choice;
        crate::i18n::set_current(choice.language());
        if let Phase::Ready(desk) = &mut self.phase {
            desk.language = choice;
        }
        Task::perform(self.prefs.clone().saving(), Message::PrefsSaved)
    }

    /// Locks the window after `idle` without a key or a click (at least a minute).
    pub fn with_lock_after(mut self, idle: Duration) -> Self {
        self.lock_after = idle.max(Duration::from_secs(60));
        self
    }

    /// The window title.
    pub fn title(&self) -> String {
        match &self.phase {
            Phase::Ready(desk) => desk
                .clinic()
                .map(|c| format!("Frontdesk — {}", c.name))
                .unwrap_or_else(|| "Frontdesk".into()),
            Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => "Frontdesk".into(),
        }
    }

    /// Holds the clock at the `now` given to [`App::new`] (training, screenshots).
    pub fn with_fixed_clock(mut self) -> Self {
        self.clock_fixed = true;
        self
    }

    /// The error on the status line: the desk's once it exists (not while locked: it may name
    /// a patient).
    pub fn error(&self) -> Option<&UiError> {
        if self.locked.is_some() {
            return self.error.as_ref();
        }
        match &self.phase {
            Phase::Ready(desk) => desk.error.as_ref(),
            Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => self.error.as_ref(),
        }
    }

    /// The notice on the status line: the desk's once it exists (not while locked).
    pub fn notice(&self) -> Option<&str> {
        if self.locked.is_some() {
            return self.notice.as_deref();
        }
        match &self.phase {
            Phase::Ready(desk) => desk.notice.as_deref(),
            Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => self.notice.as_deref(),
        }
    }

    /// Who changes are recorded with: whoever signed in (empty before anyone has).
    pub fn actor(&self) -> &str {
        match &self.phase {
            Phase::Ready(desk) => &desk.actor,
            Phase::Door { who: Some(who), .. } => &who.name,
            Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => "",
        }
    }

    /// The form shown before the desk, or over it while locked.
    pub fn door(&self) -> Option<&sign_in::State> {
        match &self.phase {
            Phase::Door { form, .. } => form.as_deref(),
            Phase::Ready(_) => self.locked.as_ref(),
            Phase::Opening(_) | Phase::Failed(_) => None,
        }
    }

    /// Listens to the clock (every 30 s, unless it is fixed), to input (which keeps the window
    /// from locking) and, at the unlocked desk, to the database (`desk::live`: changes made
    /// anywhere, and whether it can be reached) and the reminder timer. Keys no widget used
    /// come from the window's root widget (`window_keys`), not from here: a subscription's
    /// message arrives a batch late, after the next key's widget message.
    pub fn subscription(&self) -> Subscription<Message> {
        let at_desk = matches!(self.phase, Phase::Ready(_)) && self.locked.is_none();
        // The live calendar runs with a fixed clock too: it follows the database, not time.
        let live = match &self.phase {
            Phase::Ready(desk) if at_desk => desk.live_subscription().map(Message::Desk),
            Phase::Ready(_) | Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => {
                Subscription::none()
            }
        };
        let input = iced::event::listen_with(|event, _status, _window| {
            use iced::{Event as E, keyboard, mouse};
            match event {
                E::Keyboard(keyboard::Event::KeyPressed { .. })
                | E::Mouse(mouse::Event::ButtonPressed(_) | mouse::Event::WheelScrolled { .. }) => {
                    Some(Message::Input)
                }
                _ => None,
            }
        });
        let idle =
            iced::time::every(Duration::from_secs(15)).map(|_| Message::IdleCheck(Instant::now()));
        let mut all = vec![live, input];
        if at_desk {
            all.push(idle);
        }
        if !self.clock_fixed {
            all.push(iced::time::every(Duration::from_secs(30)).map(|_| Message::Tick(Utc::now())));
            if at_desk {
                all.push(desk::reminders_page::timer().map(Message::Desk));
            }
        }
        Subscription::batch(all)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Opened(result) => self.opened(result),
            Message::Looked(result) => self.looked(result),
            Message::Door(message) => self.door_message(message),
            Message::DemoBuilt(result) => self.demo_built(result),
            Message::SignedIn(result) => self.signed_in(result),
            Message::AdministratorMade(Ok((who, Some(recovery)))) => {
                // The recovery key first; the desk once it is written down.
                if let Phase::Door { who: signed, .. } = &mut self.phase {
                    *signed = Some(who.clone());
                }
                self.password_day = Some(chrono::Local::now().date_naive());
                self.show_door(Mode::Recovery(recovery))
            }
            Message::AdministratorMade(result) => self.signed_in(result.map(|(who, _)| who)),
            Message::LockDone(result) => {
                if let (Err(e), Some(form)) = (result, self.locked.as_mut()) {
                    form.error = Some(e);
                }
                Task::none()
            }
            Message::SetupLoaded(result) => self.setup_loaded(result),
            Message::Tick(now) => {
                self.now = now;
                if self.locked.is_some() {
                    return Task::none();
                }
                self.pass_to_desk(desk::Message::Tick(now))
            }
            Message::Input => {
                self.last_input = Instant::now();
                Task::none()
            }
            Message::IdleCheck(at) => {
                if at.saturating_duration_since(self.last_input) >= self.lock_after {
                    self.lock()
                } else {
                    Task::none()
                }
            }
            Message::ToggleTheme => self.toggle_theme(),
            Message::ChooseLanguage(choice) => self.choose_language(choice),
            Message::PrefsSaved(result) => {
                if let Err(e) = result {
                    self.say_error(e);
                }
                Task::none()
            }
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
                    self.say_error(crate::t!("backend-daily-backup-failed", reason = e));
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
            Message::Desk(message) => {
                if self.locked.is_some() {
                    return self.pass_to_locked_desk(message);
                }
                self.pass_to_desk(message)
            }
        }
    }

    /// Makes today's automatic backup of the database `locator` names (before anything is
    /// opened; an encrypted file's once someone has signed in, [`App::with_backups`]).
    pub fn daily_backup(
        locator: Locator,
        policy: BackupPolicy,
        now: DateTime<Utc>,
    ) -> Task<Message> {
        let today = now.with_timezone(&chrono::Local).date_naive();
        Task::perform(
            Backend::daily_backup(locator, None, policy, today),
            Message::DailyBackup,
        )
    }

    /// Keeps `policy`'s daily backups of an encrypted file too (made after the first sign-in).
    pub fn with_backups(mut self, policy: BackupPolicy) -> Self {
        self.backups = policy;
        self
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
            Some(Event::Language(choice)) => Task::batch([task, self.choose_language(choice)]),
            Some(Event::ToggleHelp) => {
                self.help = !self.help;
                task
            }
            Some(Event::Lock) => Task::batch([task, self.lock()]),
        }
    }

    /// A message for the desk while the window is locked: only the answers to work started
    /// before the lock arrive (nobody can touch the desk). They are heard, so no form waits
    /// for ever, but whatever patient data they bring is dropped again at once.
    fn pass_to_locked_desk(&mut self, message: desk::Message) -> Task<Message> {
        let task = self.pass_to_desk(message);
        if let Phase::Ready(desk) = &mut self.phase {
            desk.forget_patients();
        }
        task
    }

    /// Shows an error on the status line: the desk's, or the window's before a desk exists.
    fn say_error(&mut self, error: UiError) {
        match &mut self.phase {
            Phase::Ready(desk) => desk.error = Some(error),
            Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => self.error = Some(error),
        }
    }

    fn opened(&mut self, result: Result<Backend, UiError>) -> Task<Message> {
        match result {
            Ok(backend) => {
                if let Some(damage) = &backend.damage {
                    self.error = Some(super::backend::damaged_message(damage));
                }
                self.phase = Phase::Door {
                    backend: backend.clone(),
                    form: None,
                    who: None,
                };
                Task::batch([
                    Task::perform(backend.clone().first_look(), Message::Looked),
                    Task::perform(backend.check_for_damage(), Message::DamageChecked),
                ])
            }
            Err(e) => {
                self.phase = Phase::Failed(e);
                Task::none()
            }
        }
    }

    /// The form before the desk, when it is shown.
    fn door_form(&mut self) -> Option<&mut sign_in::State> {
        match &mut self.phase {
            Phase::Door { form, .. } => form.as_deref_mut(),
            Phase::Ready(_) => self.locked.as_mut(),
            Phase::Opening(_) | Phase::Failed(_) => None,
        }
    }

    /// Shows the form `mode` before the desk, its first field focused.
    fn show_door(&mut self, mode: Mode) -> Task<Message> {
        let mut form = sign_in::State::new(mode);
        let mut focus = form.focus().map(Message::Door);
        if let (Some(name), Mode::SignIn | Mode::FirstRun { .. }) = (&self.name, &form.mode) {
            form.update(sign_in::Message::Name(name.clone()));
            // The name is given (`--as`): the password is what is left to type.
            if form.mode == Mode::SignIn {
                focus = iced::widget::operation::focus("signin-secret");
            }
        }
        if let Phase::Door { form: shown, .. } = &mut self.phase {
            *shown = Some(Box::new(form));
        }
        focus
    }

    /// What the database holds: the first run when nobody can sign in, else the sign-in.
    fn looked(&mut self, result: Result<FirstLook, UiError>) -> Task<Message> {
        match result {
            Ok(look) if !look.ready => self.show_door(Mode::FirstRun {
                no_clinic: !look.has_clinic,
            }),
            Ok(_) => self.show_door(Mode::SignIn),
            Err(e) => {
                self.phase = Phase::Failed(e);
                Task::none()
            }
        }
    }

    /// A message for the form; does what it asks with the database.
    fn door_message(&mut self, message: sign_in::Message) -> Task<Message> {
        let backend = match &self.phase {
            Phase::Door { backend, .. } => backend.clone(),
            Phase::Ready(desk) => desk.backend.clone(),
            Phase::Opening(_) | Phase::Failed(_) => return Task::none(),
        };
        let Some(event) = self.door_form().and_then(|form| form.update(message)) else {
            return Task::none();
        };
        match event {
            sign_in::Event::LoadDemo => {
                Task::perform(backend.build_demo(self.now), Message::DemoBuilt)
            }
            sign_in::Event::SignIn { name, secret, pin } => {
                // A PIN only on the day a password opened this window (checked now, not when
                // the lock screen appeared: it may have stood overnight).
                let today = chrono::Local::now().date_naive();
                if pin && self.password_day != Some(today) {
                    if let Some(form) = self.door_form() {
                        form.answered(Err(crate::t!("signin-pin-not-today")));
                    }
                    return Task::none();
                }
                Task::perform(backend.sign_in(name, secret.0, pin), Message::SignedIn)
            }
            sign_in::Event::FirstAdministrator {
                name,
                password,
                clinic,
            } => {
                self.pending_clinic = clinic;
                Task::perform(
                    backend.first_administrator(name, password.0),
                    Message::AdministratorMade,
                )
            }
            sign_in::Event::RecoveryNoted => match &mut self.phase {
                Phase::Door { who, .. } => match who.take() {
                    Some(who) => self.signed_in(Ok(who)),
                    None => Task::none(),
                },
                Phase::Ready(_) | Phase::Opening(_) | Phase::Failed(_) => Task::none(),
            },
            sign_in::Event::AddClinic(clinic) => Task::perform(
                backend.add_first_clinic(clinic, self.now),
                Message::SetupLoaded,
            ),
        }
    }

    /// The demo clinic was built: its staff sign in with the passwords shown.
    fn demo_built(&mut self, result: Result<Vec<DemoSignIn>, UiError>) -> Task<Message> {
        match result {
            Ok(lines) => {
                let task = self.show_door(Mode::SignIn);
                if let Some(form) = self.door_form() {
                    form.demo = lines;
                }
                task
            }
            Err(e) => {
                if let Some(form) = self.door_form() {
                    form.answered(Err(e));
                }
                Task::none()
            }
        }
    }

    /// Someone signed in, unlocked the window or took it over; or was refused (the form
    /// says why and is typed again).
    fn signed_in(&mut self, result: Result<Who, UiError>) -> Task<Message> {
        let who = match result {
            Ok(who) => who,
            Err(e) => {
                if let Some(form) = self.door_form() {
                    form.answered(Err(e));
                }
                return Task::none();
            }
        };
        if who.via == Via::Password {
            self.password_day = Some(chrono::Local::now().date_naive());
        }
        self.last_input = Instant::now();
        match &mut self.phase {
            Phase::Door {
                backend,
                who: signed,
                ..
            } => {
                let first = signed.is_none();
                *signed = Some(who);
                let mut tasks = vec![Task::perform(backend.clone().setup(), Message::SetupLoaded)];
                // An encrypted file is checked and backed up once its key is known.
                if first && let Some(key) = backend.key() {
                    let today = chrono::Local::now().date_naive();
                    tasks.push(Task::perform(
                        Backend::daily_backup(
                            backend.locator().clone(),
                            Some(key),
                            self.backups,
                            today,
                        ),
                        Message::DailyBackup,
                    ));
                    tasks.push(Task::perform(
                        backend.clone().check_for_damage(),
                        Message::DamageChecked,
                    ));
                }
                Task::batch(tasks)
            }
            Phase::Ready(desk) => {
                self.locked = None;
                desk.unlocked(who);
                let now = self.now;
                Task::batch([
                    desk.reload().map(Message::Desk),
                    self.pass_to_desk(desk::Message::Tick(now)),
                ])
            }
            Phase::Opening(_) | Phase::Failed(_) => Task::none(),
        }
    }

    /// The setup arrived: the desk opens on the first clinic. A database without a clinic
    /// gets the one the first run's form gave, or asks for one.
    fn setup_loaded(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
        let (backend, who) = match &mut self.phase {
            Phase::Door {
                backend,
                who: Some(who),
                ..
            } => (backend.clone(), who.clone()),
            Phase::Ready(_) | Phase::Door { .. } | Phase::Opening(_) | Phase::Failed(_) => {
                return Task::none();
            }
        };
        let setup = match result {
            Ok(setup) => setup,
            Err(e) => {
                if let Some(form) = self.door_form() {
                    form.answered(Err(e));
                }
                return Task::none();
            }
        };
        let Some(clinic) = setup.clinics.first().cloned() else {
            if let Some(clinic) = self.pending_clinic.take() {
                return Task::perform(
                    backend.add_first_clinic(clinic, self.now),
                    Message::SetupLoaded,
                );
            }
            let task = self.show_door(Mode::FirstClinic);
            if !who.may(Action::Settings)
                && let Some(form) = self.door_form()
            {
                form.error = Some(crate::t!("signin-no-clinic-ask-manager"));
            }
            return task;
        };
        let no_doctors = setup.doctors.is_empty();
        let mut desk = Desk::new(backend, setup, &clinic, self.now, who);
        desk.language = self.prefs.language;
        // What was said before the desk existed stays on its status line.
        desk.error = self.error.take();
        desk.notice = self.notice.take();
        if no_doctors && desk.notice.is_none() {
            desk.notice = Some(crate::t!("signin-no-doctors"));
        }
        let task = desk.reload().map(Message::Desk);
        self.phase = Phase::Ready(Box::new(desk));
        task
    }

    /// Locks the window (idle, the shortcut, the button): the desk's patient data is dropped
    /// from the window at once, the store refuses every call until someone signs in again,
    /// and the unlock form shows. What was half-typed in a form stays for after.
    fn lock(&mut self) -> Task<Message> {
        let desk = match &mut self.phase {
            Phase::Ready(desk) if self.locked.is_none() => desk,
            Phase::Ready(_) | Phase::Opening(_) | Phase::Door { .. } | Phase::Failed(_) => {
                return Task::none();
            }
        };
        // Locked because the person at the desk was made inactive: the lock screen says so.
        let why = desk
            .error
            .take()
            .filter(|e| crate::gui::backend::no_longer_active(e));
        desk.forget_patients();
        let today = chrono::Local::now().date_naive();
        let mut form = sign_in::State::new(Mode::Locked {
            who: desk.actor.clone(),
            pin_allowed: self.password_day == Some(today),
        });
        form.busy = false;
        form.error = why;
        let focus = form.focus().map(Message::Door);
        self.locked = Some(form);
        self.help = false;
        Task::batch([
            Task::perform(desk.backend.clone().lock(), Message::LockDone),
            focus,
        ])
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
    /// `window_keys::keys_held`), F1 shows it, Ctrl+D switches the theme, Ctrl+L locks the
    /// window. Before the desk, and while it is locked, Tab moves between the form's fields
    /// and no key reaches the desk. The rest are the desk's.
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
            (Key::Character("l"), true) => return self.lock(),
            _ => {}
        }
        let at_desk = matches!(self.phase, Phase::Ready(_)) && self.locked.is_none();
        if at_desk {
            return self.pass_to_desk(desk::Message::Key(key, modifiers));
        }
        if key == Key::Named(Named::Tab) && plain {
            return if modifiers.shift() {
                iced::widget::operation::focus_previous()
            } else {
                iced::widget::operation::focus_next()
            };
        }
        Task::none()
    }
}
