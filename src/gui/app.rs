//! The window's root: `App` (opening → first run → the desk), its `Message`s and `update`.
//! Database work runs in Tasks through the backend; a result older than the view is dropped.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::widget::canvas::Cache;
use iced::{Color, Subscription, Task};

use super::backend::{Backend, Setup, UiError, clinic_date};
use super::calendar::{self, GridEvent, View};
use super::layout::{self, Block, Column};
use super::screen::{Context, Undoable, booking, details, palette, walk_in};
use super::theme;
use super::widget::Choice;
use crate::scheduling::time::local_day;
use crate::scheduling::*;
use crate::store::{AgendaEntry, AgendaFilter, MoveRequest, Start};

/// The whole window's state.
pub struct App {
    pub(super) actor: String,
    pub(super) now: DateTime<Utc>,
    /// The clock stands still (a fixed "now" for training and screenshots).
    pub(super) clock_fixed: bool,
    /// Dark theme on.
    pub dark: bool,
    /// The keyboard-shortcut help is shown.
    pub help: bool,
    /// Where the window is.
    pub phase: Phase,
    /// The last error, shown until dismissed.
    pub error: Option<UiError>,
    /// The last notice ("Booked …").
    pub notice: Option<String>,
}

/// Where the window is.
pub enum Phase {
    /// Opening the database.
    Opening(PathBuf),
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

/// The working desk: a clinic's calendar and the panel beside it.
pub struct Desk {
    pub(super) backend: Backend,
    pub(super) setup: Setup,
    pub(super) clinic: ClinicId,
    /// What the grid shows.
    pub view: View,
    /// The date shown (any day of the week in week views).
    pub date: NaiveDate,
    pub(super) show_cancelled: bool,
    pub(super) hidden: Vec<uuid::Uuid>,
    pub(super) date_text: String,
    /// Appointments of the view.
    pub entries: Vec<AgendaEntry>,
    /// Today's appointments (for the today panel).
    pub today: Vec<AgendaEntry>,
    generation: u64,
    pub(super) loading: bool,
    /// The grid's columns.
    pub columns: Vec<Column>,
    /// Placed blocks.
    pub blocks: Vec<Block>,
    pub(super) minutes: (u16, u16),
    pub(super) colours: HashMap<VisitTypeId, Color>,
    /// Minutes late per appointment after an emergency.
    pub late: HashMap<AppointmentId, i64>,
    /// The keyboard cursor: column and minute.
    pub cursor: Option<(usize, u16)>,
    /// The selected appointment.
    pub selected: Option<AppointmentId>,
    /// The panel beside the grid.
    pub panel: Panel,
    /// The desk's last change, which Ctrl+Z undoes.
    pub last_change: Option<Undoable>,
    /// The command palette, when open (Ctrl+K).
    pub palette: Option<Box<palette::State>>,
    /// A drag-and-drop move under way (how the appointment was), for undo.
    pending_move: Option<Undoable>,
    pub(super) cache: Cache,
}

/// The panel beside the calendar.
pub enum Panel {
    /// Today's queue and next arrivals.
    Today,
    /// The booking form.
    Booking(Box<booking::State>),
    /// An appointment's details.
    Details(Box<details::State>),
    /// The walk-in form.
    WalkIn(Box<walk_in::State>),
    /// View options: go to a date, show cancelled, which doctors and rooms are shown.
    ViewOptions,
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
    /// Appointments for the view arrived; the number is the view generation that asked.
    Loaded(u64, Result<Vec<AgendaEntry>, UiError>),
    /// Today's appointments arrived.
    TodayLoaded(Result<Vec<AgendaEntry>, UiError>),
    /// The clock moved on.
    Tick(DateTime<Utc>),
    /// Go back a day (or a week in a week view).
    Previous,
    /// Go forward a day (or a week).
    Next,
    /// Go to today.
    Today,
    /// Show the day with a column per doctor.
    DayByDoctor,
    /// Show the day with a column per room.
    DayByRoom,
    /// Show the week of the chosen doctor or room.
    Week(Choice<WeekOf>),
    /// Another clinic was chosen.
    Clinic(Choice<ClinicId>),
    /// Show or hide cancelled appointments.
    ShowCancelled(bool),
    /// Show or hide one doctor's or room's column.
    ToggleColumn(uuid::Uuid),
    /// Open the view options (date, cancelled, columns).
    OpenViewOptions,
    /// The go-to-date text changed.
    DateText(String),
    /// Go to the date typed.
    GoToDate,
    /// Something happened on the calendar grid.
    Grid(GridEvent),
    /// A message for the booking form.
    Booking(booking::Message),
    /// A message for the details panel.
    Details(details::Message),
    /// A message for the walk-in form.
    WalkIn(walk_in::Message),
    /// Open the walk-in form.
    OpenWalkIn,
    /// Close the side panel (back to today's queue).
    ClosePanel,
    /// An appointment was picked in the today panel.
    Select(AppointmentId),
    /// A drag-and-drop move was stored or refused.
    Moved(Result<(), UiError>),
    /// A key was pressed that no widget used.
    Key(Key, Modifiers),
    /// Switch between light and dark.
    ToggleTheme,
    /// Show or hide the keyboard help (F1).
    ToggleHelp,
    /// Hide the error.
    DismissError,
    /// Undo the desk's last change (Ctrl+Z).
    Undo,
    /// Open the command palette (Ctrl+K).
    OpenPalette,
    /// A message for the command palette.
    Palette(palette::Message),
    /// A patient's next appointment was looked up (for the palette).
    PatientFound(String, Result<Option<Box<AgendaEntry>>, UiError>),
    /// An undo was stored (what it did) or refused.
    Undone(Result<String, UiError>),
}

/// The doctor or room a week view follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekOf {
    /// A doctor's week.
    Doctor(DoctorId),
    /// A room's week.
    Room(RoomId),
}

impl App {
    /// Starts opening the database at `path`, as `actor`, with the clock at `now`.
    pub fn new(path: PathBuf, actor: String, now: DateTime<Utc>) -> (Self, Task<Message>) {
        let app = App {
            actor,
            now,
            clock_fixed: false,
            dark: false,
            help: false,
            phase: Phase::Opening(path.clone()),
            error: None,
            notice: None,
        };
        (app, Task::perform(Backend::open(path), Message::Opened))
    }

    /// The window title.
    pub fn title(&self) -> String {
        match &self.phase {
            Phase::Ready(desk) => desk
                .clinic()
                .map(|c| format!("Frontdesk — {}", c.name))
                .unwrap_or_else(|| "Frontdesk".into()),
            _ => "Frontdesk".into(),
        }
    }

    /// Holds the clock at the `now` given to [`App::new`] (training, screenshots).
    pub fn with_fixed_clock(mut self) -> Self {
        self.clock_fixed = true;
        self
    }

    /// Listens to the clock (every 30 s, unless it is fixed) and to keys no widget used.
    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key, modifiers, .. } => {
                Some(Message::Key(key, modifiers))
            }
            _ => None,
        });
        let clock = iced::time::every(std::time::Duration::from_secs(30))
            .map(|_| Message::Tick(Utc::now()));
        if self.clock_fixed {
            return keys;
        }
        Subscription::batch([keys, clock])
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Opened(result) => self.opened(result),
            Message::SetupLoaded(result) => self.setup_loaded(result),
            Message::LoadDemo => self.load_demo(),
            Message::Tick(now) => self.tick(now),
            Message::ToggleTheme => self.toggle_theme(),
            Message::ToggleHelp => self.toggle_help(),
            Message::DismissError => self.dismiss_error(),
            Message::Key(key, modifiers) => self.key(key, modifiers),
            other => self.desk_message(other),
        }
    }

    fn opened(&mut self, result: Result<Backend, UiError>) -> Task<Message> {
        match result {
            Ok(backend) => {
                self.phase = Phase::Empty {
                    backend: backend.clone(),
                    building: false,
                };
                Task::perform(backend.setup(), Message::SetupLoaded)
            }
            Err(e) => {
                self.phase = Phase::Failed(e);
                Task::none()
            }
        }
    }

    fn setup_loaded(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
        let backend = match &mut self.phase {
            Phase::Empty { backend, building } => {
                *building = false;
                backend.clone()
            }
            Phase::Ready(desk) => desk.backend.clone(),
            _ => return Task::none(),
        };
        match result {
            Ok(setup) if setup.clinics.is_empty() => Task::none(),
            Ok(setup) => {
                let clinic = setup.clinics[0].clone();
                let desk = Desk::new(backend, setup, &clinic, self.now);
                self.phase = Phase::Ready(Box::new(desk));
                self.reload()
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
            _ => Task::none(),
        }
    }

    fn tick(&mut self, now: DateTime<Utc>) -> Task<Message> {
        self.now = now;
        match &self.phase {
            Phase::Ready(desk) => {
                let today = desk.today_task(now);
                today.map(Message::TodayLoaded)
            }
            _ => Task::none(),
        }
    }

    fn toggle_theme(&mut self) -> Task<Message> {
        self.dark = !self.dark;
        if let Phase::Ready(desk) = &mut self.phase {
            desk.cache.clear();
        }
        Task::none()
    }

    fn toggle_help(&mut self) -> Task<Message> {
        self.help = !self.help;
        Task::none()
    }

    fn dismiss_error(&mut self) -> Task<Message> {
        self.error = None;
        Task::none()
    }

    /// Asks for the view's appointments and today's; earlier answers become stale.
    fn reload(&mut self) -> Task<Message> {
        let now = self.now;
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        desk.generation += 1;
        desk.loading = true;
        let generation = desk.generation;
        let Some(clinic) = desk.clinic().cloned() else {
            return Task::none();
        };
        let zone = clinic.time_zone;
        let dates = calendar::dates(desk.view, desk.date);
        let first = dates.first().copied().unwrap_or(desk.date);
        let last = dates.last().copied().unwrap_or(desk.date);
        let window = Interval::new(local_day(zone, first).start, local_day(zone, last).end);
        let filter = match desk.view {
            View::DayByDoctor | View::DayByRoom => AgendaFilter::All,
            View::WeekOfDoctor(d) => AgendaFilter::Doctor(d),
            View::WeekOfRoom(r) => AgendaFilter::Room(r),
        };
        let load = Task::perform(
            desk.backend.clone().agenda(clinic.id, window, filter),
            move |r| Message::Loaded(generation, r),
        );
        Task::batch([load, desk.today_task(now).map(Message::TodayLoaded)])
    }

    fn context<'a>(
        desk: &'a Desk,
        now: DateTime<Utc>,
        actor: &'a str,
    ) -> Option<(Context<'a>, &'a Clinic)> {
        context(&desk.backend, &desk.setup, desk.clinic, now, actor)
    }

    /// Messages that only mean something at the desk.
    fn desk_message(&mut self, message: Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let refresh = match message {
            Message::Loaded(generation, result) => {
                desk.loaded(generation, result, &mut self.error);
                false
            }
            Message::TodayLoaded(result) => {
                match result {
                    Ok(today) => desk.today = today,
                    Err(e) => self.error = Some(e),
                }
                false
            }
            Message::Previous => desk.shift(-1),
            Message::Next => desk.shift(1),
            Message::Today => desk.go_to(clinic_today(desk, now)),
            Message::DayByDoctor => desk.set_view(View::DayByDoctor),
            Message::DayByRoom => desk.set_view(View::DayByRoom),
            Message::Week(choice) => desk.set_view(match choice.value {
                WeekOf::Doctor(d) => View::WeekOfDoctor(d),
                WeekOf::Room(r) => View::WeekOfRoom(r),
            }),
            Message::Clinic(choice) => {
                desk.clinic = choice.value;
                true
            }
            Message::ShowCancelled(on) => {
                desk.show_cancelled = on;
                desk.relayout();
                false
            }
            Message::ToggleColumn(id) => {
                match desk.hidden.iter().position(|h| *h == id) {
                    Some(i) => {
                        desk.hidden.remove(i);
                    }
                    None => desk.hidden.push(id),
                }
                desk.relayout();
                false
            }
            Message::Grid(event) => return self.grid(event),
            Message::Booking(m) => return self.booking(m),
            Message::Details(m) => return self.details(m),
            Message::WalkIn(m) => return self.walk_in(m),
            Message::OpenViewOptions => {
                desk.date_text = desk.date.format("%Y-%m-%d").to_string();
                desk.panel = Panel::ViewOptions;
                return iced::widget::operation::focus("go-to-date");
            }
            Message::DateText(text) => {
                desk.date_text = text;
                false
            }
            Message::GoToDate => match NaiveDate::parse_from_str(desk.date_text.trim(), "%Y-%m-%d")
            {
                Ok(date) => desk.go_to(date),
                Err(_) => {
                    self.error = Some(format!(
                        "\"{}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.",
                        desk.date_text.trim()
                    ));
                    false
                }
            },
            Message::OpenWalkIn => {
                desk.panel = Panel::WalkIn(Box::default());
                return iced::widget::operation::focus("walk-in-patient");
            }
            Message::ClosePanel => {
                desk.panel = Panel::Today;
                desk.selected = None;
                desk.cache.clear();
                false
            }
            Message::Select(id) => return self.select(id),
            Message::Moved(result) => {
                match result {
                    Ok(()) => {
                        self.notice = Some("Moved. Ctrl+Z undoes it.".into());
                        desk.last_change = desk.pending_move.take();
                    }
                    Err(e) => self.error = Some(e),
                }
                true
            }
            Message::Undo => return self.undo(),
            Message::OpenPalette => {
                desk.palette = Some(Box::default());
                return iced::widget::operation::focus("palette");
            }
            Message::Palette(m) => return self.palette(m),
            Message::PatientFound(name, result) => {
                match result {
                    Ok(Some(entry)) => {
                        let zone = desk.clinic().map(|c| c.time_zone).unwrap_or(chrono_tz::UTC);
                        desk.go_to(time::local_date(zone, entry.appointment.interval.start));
                        desk.view = match desk.view {
                            View::DayByRoom => View::DayByRoom,
                            _ => View::DayByDoctor,
                        };
                        let id = entry.appointment.id;
                        return Task::batch([self.select(id), self.reload()]);
                    }
                    Ok(None) => {
                        self.notice = Some(format!(
                            "{name} has no upcoming appointment: click a free slot to book one."
                        ))
                    }
                    Err(e) => self.error = Some(e),
                }
                false
            }
            Message::Undone(result) => {
                match result {
                    Ok(what) => self.notice = Some(what),
                    Err(e) => self.error = Some(e),
                }
                return match desk.selected {
                    Some(id) => Task::batch([self.select(id), self.reload()]),
                    None => self.reload(),
                };
            }
            _ => false,
        };
        let _ = (now, actor);
        if refresh { self.reload() } else { Task::none() }
    }

    fn grid(&mut self, event: GridEvent) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        match event {
            GridEvent::AppointmentClicked(id) => self.select(id),
            GridEvent::SlotClicked(column, minute) => {
                desk.cursor = Some((column, minute));
                let Some(c) = desk.columns.get(column).cloned() else {
                    return Task::none();
                };
                let doctor = c.doctor.or_else(|| {
                    desk.setup
                        .doctors
                        .iter()
                        .find(|(d, _)| d.active)
                        .map(|(d, _)| d.id)
                });
                let Some(doctor) = doctor else {
                    self.error = Some(
                        "There is no doctor to book with: add one in the clinic's setup.".into(),
                    );
                    return Task::none();
                };
                let Some((ctx, _)) = Self::context(desk, now, &actor) else {
                    return Task::none();
                };
                let mut form = booking::State::new(&ctx, doctor, c.room, c.date, minute);
                let (check, _) = form.update(
                    booking::Message::Time(format!("{:02}:{:02}", minute / 60, minute % 60)),
                    &ctx,
                );
                desk.panel = Panel::Booking(Box::new(form));
                Task::batch([
                    check.map(Message::Booking),
                    iced::widget::operation::focus("booking-patient"),
                ])
            }
            GridEvent::Dropped(id, column, minute) => {
                let Some(c) = desk.columns.get(column) else {
                    return Task::none();
                };
                desk.pending_move = desk
                    .entries
                    .iter()
                    .find(|e| e.appointment.id == id)
                    .map(|e| Undoable::Moved(Box::new(e.appointment.clone())));
                let time =
                    NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
                        .unwrap_or(NaiveTime::MIN);
                let request = MoveRequest {
                    appointment: id,
                    start: Start::Local(c.date.and_time(time)),
                    doctor: c.doctor,
                    room: c.room,
                    overbook: None,
                };
                let task = desk.backend.clone().move_appointment(request, actor, now);
                Task::perform(task, |r| Message::Moved(r.map(|_| ())))
            }
        }
    }

    fn select(&mut self, id: AppointmentId) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Some((ctx, _)) = Self::context(desk, now, &actor) else {
            return Task::none();
        };
        let (state, task) = details::load(&ctx, id);
        desk.selected = Some(id);
        desk.panel = Panel::Details(Box::new(state));
        desk.cache.clear();
        task.map(Message::Details)
    }

    fn booking(&mut self, message: booking::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Desk {
            backend,
            setup,
            clinic,
            panel,
            ..
        } = &mut **desk;
        let Some((ctx, _)) = context(backend, setup, *clinic, now, &actor) else {
            return Task::none();
        };
        let Panel::Booking(form) = panel else {
            return Task::none();
        };
        let (task, event) = form.update(message, &ctx);
        let task = task.map(Message::Booking);
        match event {
            Some(booking::Event::Booked(outcome)) => {
                let a = &outcome.appointment;
                self.notice = Some(format!(
                    "Booked {} at {}{}.",
                    a.id,
                    time::format_local(ctx.clinic.time_zone, a.interval.start),
                    if outcome.overbooked.is_some() {
                        " (overbooked)"
                    } else {
                        ""
                    }
                ));
                let id = a.id;
                desk.last_change = Some(Undoable::Booked(id));
                Task::batch([task, self.select(id), self.reload()])
            }
            Some(booking::Event::Closed) => {
                desk.panel = Panel::Today;
                task
            }
            None => task,
        }
    }

    fn details(&mut self, message: details::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Desk {
            backend,
            setup,
            clinic,
            panel,
            ..
        } = &mut **desk;
        let Some((ctx, _)) = context(backend, setup, *clinic, now, &actor) else {
            return Task::none();
        };
        let Panel::Details(panel) = panel else {
            return Task::none();
        };
        let (task, event) = panel.update(message, &ctx);
        let task = task.map(Message::Details);
        match event {
            Some(details::Event::Changed(undo)) => {
                if undo.is_some() {
                    desk.last_change = undo;
                }
                Task::batch([task, self.reload()])
            }
            Some(details::Event::Closed) => {
                desk.panel = Panel::Today;
                desk.selected = None;
                desk.cache.clear();
                task
            }
            None => task,
        }
    }

    fn walk_in(&mut self, message: walk_in::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Desk {
            backend,
            setup,
            clinic,
            panel,
            ..
        } = &mut **desk;
        let Some((ctx, clinic)) = context(backend, setup, *clinic, now, &actor) else {
            return Task::none();
        };
        let zone = clinic.time_zone;
        let Panel::WalkIn(form) = panel else {
            return Task::none();
        };
        let (task, event) = form.update(message, &ctx);
        let task = task.map(Message::WalkIn);
        match event {
            Some(walk_in::Event::Added(w)) => {
                let a = &w.outcome.appointment;
                let late = if w.late.is_empty() {
                    String::new()
                } else {
                    let worst = w.late.iter().map(|(_, m)| *m).max().unwrap_or(0);
                    format!(
                        "; {} later appointments now run late (up to {worst} min)",
                        w.late.len()
                    )
                };
                self.notice = Some(format!(
                    "{} {} at {}{late}.",
                    if a.kind == Kind::Emergency {
                        "Emergency"
                    } else {
                        "Walk-in"
                    },
                    a.queue_token,
                    a.interval.start.with_timezone(&zone).format("%H:%M"),
                ));
                desk.late = w.late.into_iter().collect();
                let id = a.id;
                desk.last_change = Some(Undoable::Booked(id));
                Task::batch([task, self.select(id), self.reload()])
            }
            Some(walk_in::Event::Closed) => {
                desk.panel = Panel::Today;
                task
            }
            None => task,
        }
    }

    /// Keyboard shortcuts (only keys no text field used).
    fn key(&mut self, key: Key, modifiers: Modifiers) -> Task<Message> {
        let message = match (key.as_ref(), modifiers.command()) {
            (Key::Named(Named::F1), _) => Message::ToggleHelp,
            (Key::Named(Named::Escape), _) if self.help => Message::ToggleHelp,
            (Key::Named(Named::Escape), _) if self.palette_open() => {
                if let Phase::Ready(desk) = &mut self.phase {
                    desk.palette = None;
                }
                return Task::none();
            }
            (Key::Named(Named::Escape), _) => Message::ClosePanel,
            (Key::Character("i"), true) => Message::OpenWalkIn,
            (Key::Character("d"), true) => Message::ToggleTheme,
            (Key::Character("g"), true) => Message::OpenViewOptions,
            (Key::Character("z"), true) => Message::Undo,
            (Key::Character("k"), true) => Message::OpenPalette,
            (Key::Named(Named::PageUp), _) => Message::Previous,
            (Key::Named(Named::PageDown), _) => Message::Next,
            (Key::Named(Named::Home), _) | (Key::Character("t"), false) => Message::Today,
            (Key::Character("1"), false) => Message::DayByDoctor,
            (Key::Character("2"), false) => Message::DayByRoom,
            (Key::Character("3"), false) => return self.week_of_cursor(),
            (Key::Named(Named::Enter), _) => return self.enter(),
            (
                Key::Named(
                    arrow @ (Named::ArrowUp
                    | Named::ArrowDown
                    | Named::ArrowLeft
                    | Named::ArrowRight),
                ),
                _,
            ) => {
                if let Phase::Ready(desk) = &mut self.phase {
                    desk.move_cursor(arrow);
                }
                return Task::none();
            }
            _ => return Task::none(),
        };
        self.update(message)
    }

    fn palette_open(&self) -> bool {
        matches!(&self.phase, Phase::Ready(desk) if desk.palette.is_some())
    }

    fn palette(&mut self, message: palette::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Desk {
            backend,
            setup,
            clinic,
            palette,
            ..
        } = &mut **desk;
        let Some(state) = palette.as_mut() else {
            return Task::none();
        };
        let Some((ctx, clinic)) = context(backend, setup, *clinic, now, &actor) else {
            return Task::none();
        };
        let (task, event) = state.update(message, &ctx);
        let task = task.map(Message::Palette);
        let Some(palette::Event::Chosen(target)) = event else {
            return task;
        };
        let clinic_id = clinic.id;
        desk.palette = None;
        match target {
            palette::Target::Date(date) => self
                .update(Message::DateText(date.format("%Y-%m-%d").to_string()))
                .chain(self.update(Message::GoToDate)),
            palette::Target::DoctorWeek(d) => {
                self.update(Message::Week(Choice::new(WeekOf::Doctor(d), String::new())))
            }
            palette::Target::RoomWeek(r) => {
                self.update(Message::Week(Choice::new(WeekOf::Room(r), String::new())))
            }
            palette::Target::Patient(id, name) => {
                let window = Interval::new(now - Duration::hours(12), now + Duration::days(400));
                let lookup =
                    desk.backend
                        .clone()
                        .agenda(clinic_id, window, AgendaFilter::Patient(id));
                Task::perform(lookup, move |r| {
                    let next = r.map(|entries| {
                        entries
                            .into_iter()
                            .find(|e| {
                                e.appointment.status.holds_time()
                                    && e.appointment.status != Status::Completed
                                    && e.appointment.interval.end >= now
                            })
                            .map(Box::new)
                    });
                    Message::PatientFound(name.clone(), next)
                })
            }
            palette::Target::Action(action) => self.update(match action {
                palette::Action::WalkIn => Message::OpenWalkIn,
                palette::Action::DayByDoctor => Message::DayByDoctor,
                palette::Action::DayByRoom => Message::DayByRoom,
                palette::Action::Today => Message::Today,
                palette::Action::Theme => Message::ToggleTheme,
                palette::Action::Help => Message::ToggleHelp,
                palette::Action::ViewOptions => Message::OpenViewOptions,
                palette::Action::Undo => Message::Undo,
            }),
        }
    }

    /// Undoes the desk's last change with a new, audited change.
    fn undo(&mut self) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Some(change) = desk.last_change.take() else {
            self.notice = Some("Nothing to undo.".into());
            return Task::none();
        };
        let backend = desk.backend.clone();
        let work = async move {
            match change {
                Undoable::Booked(id) => {
                    let reason = "Undone at the desk (Ctrl+Z)".to_owned();
                    backend
                        .change_status(id, StatusAction::EnteredInError { reason }, actor, now)
                        .await
                        .map(|_| "Undone: the booking is marked entered in error.".to_owned())
                }
                Undoable::Moved(before) => {
                    let request = MoveRequest {
                        appointment: before.id,
                        start: Start::At(before.interval.start),
                        doctor: Some(before.doctor),
                        room: before.room,
                        overbook: None,
                    };
                    backend
                        .move_appointment(request, actor, now)
                        .await
                        .map(|_| "Undone: moved back.".to_owned())
                }
                Undoable::Status { before, after } => backend
                    .revert_status(after, *before, actor, now)
                    .await
                    .map(|a| format!("Undone: {} again.", a.status.label())),
            }
        };
        Task::perform(work, Message::Undone)
    }

    fn week_of_cursor(&mut self) -> Task<Message> {
        let Phase::Ready(desk) = &self.phase else {
            return Task::none();
        };
        let column = desk.cursor.and_then(|(c, _)| desk.columns.get(c));
        let of = match (column.and_then(|c| c.doctor), column.and_then(|c| c.room)) {
            (Some(d), _) => WeekOf::Doctor(d),
            (None, Some(r)) => WeekOf::Room(r),
            _ => match desk.setup.doctors.first() {
                Some((d, _)) => WeekOf::Doctor(d.id),
                None => return Task::none(),
            },
        };
        self.update(Message::Week(Choice::new(of, String::new())))
    }

    /// Enter on the keyboard cursor: open the appointment there, or book the empty slot.
    fn enter(&mut self) -> Task<Message> {
        let Phase::Ready(desk) = &self.phase else {
            return Task::none();
        };
        let Some((column, minute)) = desk.cursor else {
            return Task::none();
        };
        let under = desk
            .blocks
            .iter()
            .find(|b| b.column == column && b.minutes.0 <= minute && minute < b.minutes.1);
        match under {
            Some(b) => {
                let id = desk.entries[b.entry].appointment.id;
                self.update(Message::Grid(GridEvent::AppointmentClicked(id)))
            }
            None => self.update(Message::Grid(GridEvent::SlotClicked(column, minute))),
        }
    }
}

/// The screens' context, from the desk's parts (so the panel can be borrowed beside it).
fn context<'a>(
    backend: &'a Backend,
    setup: &'a Setup,
    clinic: ClinicId,
    now: DateTime<Utc>,
    actor: &'a str,
) -> Option<(Context<'a>, &'a Clinic)> {
    let clinic = setup.clinic(clinic)?;
    let ctx = Context {
        backend,
        setup,
        clinic,
        now,
        actor,
    };
    Some((ctx, clinic))
}

fn clinic_today(desk: &Desk, now: DateTime<Utc>) -> NaiveDate {
    desk.clinic()
        .map(|c| clinic_date(c, now))
        .unwrap_or(desk.date)
}

impl Desk {
    fn new(backend: Backend, setup: Setup, clinic: &Clinic, now: DateTime<Utc>) -> Self {
        let colours = setup
            .visit_types
            .iter()
            .map(|v| (v.id, theme::hex(&v.colour)))
            .collect();
        Desk {
            backend,
            clinic: clinic.id,
            view: View::DayByDoctor,
            date: clinic_date(clinic, now),
            setup,
            show_cancelled: false,
            hidden: Vec::new(),
            date_text: String::new(),
            entries: Vec::new(),
            today: Vec::new(),
            generation: 0,
            loading: false,
            columns: Vec::new(),
            blocks: Vec::new(),
            minutes: (8 * 60, 20 * 60),
            colours,
            late: HashMap::new(),
            cursor: None,
            selected: None,
            panel: Panel::Today,
            last_change: None,
            palette: None,
            pending_move: None,
            cache: Cache::default(),
        }
    }

    /// The clinic shown.
    pub fn clinic(&self) -> Option<&Clinic> {
        self.setup.clinic(self.clinic)
    }

    fn today_task(&self, now: DateTime<Utc>) -> Task<Result<Vec<AgendaEntry>, UiError>> {
        let Some(clinic) = self.clinic() else {
            return Task::none();
        };
        let day = local_day(clinic.time_zone, clinic_date(clinic, now));
        Task::perform(
            self.backend
                .clone()
                .agenda(clinic.id, day, AgendaFilter::All),
            |r| r,
        )
    }

    fn loaded(
        &mut self,
        generation: u64,
        result: Result<Vec<AgendaEntry>, UiError>,
        error: &mut Option<UiError>,
    ) {
        if generation != self.generation {
            return; // stale: the view changed since this was asked for
        }
        self.loading = false;
        match result {
            Ok(entries) => {
                self.entries = entries;
                self.relayout();
            }
            Err(e) => *error = Some(e),
        }
    }

    /// Recomputes columns and blocks and clears the grid's cache (only when data changed).
    pub fn relayout(&mut self) {
        let Some(clinic) = self.clinic().cloned() else {
            return;
        };
        self.columns = calendar::columns(
            &self.setup,
            &clinic,
            self.view,
            self.date,
            &self.entries,
            &self.hidden,
        );
        self.blocks = layout::place(
            clinic.time_zone,
            &self.columns,
            &self.entries,
            self.show_cancelled,
            calendar::column_of(clinic.time_zone, self.view),
        );
        self.minutes = layout::visible_minutes(&self.columns, &self.blocks);
        if let Some((c, m)) = self.cursor {
            self.cursor = Some((c.min(self.columns.len().saturating_sub(1)), m));
        }
        self.cache.clear();
    }

    fn shift(&mut self, direction: i64) -> bool {
        let days = match self.view {
            View::DayByDoctor | View::DayByRoom => 1,
            _ => 7,
        };
        self.go_to(self.date + Duration::days(days * direction))
    }

    fn go_to(&mut self, date: NaiveDate) -> bool {
        self.date = date;
        self.late.clear();
        true
    }

    fn set_view(&mut self, view: View) -> bool {
        self.view = view;
        self.cursor = None;
        true
    }

    fn move_cursor(&mut self, arrow: Named) {
        let step = self
            .clinic()
            .map(|c| c.slot_minutes as u16)
            .unwrap_or(15)
            .max(5);
        let (column, minute) = self.cursor.unwrap_or((0, self.minutes.0.max(9 * 60)));
        let last_column = self.columns.len().saturating_sub(1);
        self.cursor = Some(match arrow {
            Named::ArrowUp => (column, minute.saturating_sub(step).max(self.minutes.0)),
            Named::ArrowDown => (
                column,
                (minute + step).min(self.minutes.1.saturating_sub(step)),
            ),
            Named::ArrowLeft => (column.saturating_sub(1), minute),
            _ => ((column + 1).min(last_column), minute),
        });
    }
}
