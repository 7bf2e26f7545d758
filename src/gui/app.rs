//! The window's root: `App` (opening → first run → the desk), its `Message`s and `update`.
//! Database work runs in Tasks through the backend; a result older than the view is dropped.
//! The desk's state is in `desk.rs`, the side panels' handling in `app_panels.rs`, keys in
//! `keys.rs`.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use iced::keyboard::{Key, Modifiers};
use iced::{Subscription, Task};

use super::backend::{Backend, Setup, UiError};
use super::calendar::{self, GridEvent, View};
use super::desk::{Desk, Panel, Reveal, clinic_today, context};
use super::screen::Context;
use super::screen::{
    booking, data, details, find_slot, offer, palette, reminders, reports, settings, waitlist,
    walk_in,
};
use super::widget::Choice;
use crate::scheduling::time::{echo, local_day};
use crate::scheduling::*;
use crate::store::{AgendaEntry, AgendaFilter, FreedFeed};

pub struct App {
    pub(super) actor: String,
    /// The login name the window started with (offered at the desk beside the staff).
    pub(super) login: String,
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
    /// Today's appointments arrived, for that clinic and its date.
    TodayLoaded(ClinicId, NaiveDate, Result<Vec<AgendaEntry>, UiError>),
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
    /// A drag-and-drop move was stored (what changed, in words, and how to undo it) or refused.
    Moved(Result<(String, super::screen::Undoable), UiError>),
    /// A key was pressed that no widget used: as typed (Shift included) when it types text
    /// without Ctrl, Alt or Logo, else the key without modifiers (see `window_keys::as_typed`).
    Key(Key, Modifiers),
    /// Switch between light and dark.
    ToggleTheme,
    /// Show or hide the keyboard help (F1).
    ToggleHelp,
    /// Hide the error.
    DismissError,
    /// Undo the desk's newest change (Ctrl+Z).
    Undo,
    /// Redo the newest change undone (Ctrl+Shift+Z, Ctrl+Y).
    Redo,
    /// Put down the appointment pinned on the pinboard.
    Unpin,
    /// A message for the mini-calendar of the view options.
    MiniCalendar(super::mini_calendar::Message),
    /// A choice in a block's right-click menu.
    BlockMenu(super::block_menu::Action),
    /// The calendar was scrolled to this offset (x, y).
    Scrolled(f32, f32),
    /// Zoom the calendar in or out, or back to the usual zoom.
    Zoom(super::calendar::ZoomStep),
    /// Show or hide the top bar's "More" row (the buttons that did not fit).
    ToggleMore,
    /// Open the command palette (Ctrl+K).
    OpenPalette,
    /// A message for the command palette.
    Palette(palette::Message),
    /// A patient's next appointment was looked up (for the palette).
    PatientFound(String, Result<Option<Box<AgendaEntry>>, UiError>),
    /// An undo or redo was stored (what it did, and the change that reverses it) or refused.
    Undone(
        super::undo::Direction,
        Result<(String, super::screen::Undoable), UiError>,
    ),
    /// Show the calendar page (the page tabs, or Escape on another page).
    ShowCalendar,
    /// Open the find-a-slot panel (Ctrl+F).
    OpenFindSlot,
    /// A message for the find-a-slot panel.
    FindSlot(find_slot::Message),
    /// Show the Settings page.
    ShowSettings,
    /// A message for the Settings page.
    Settings(settings::Message),
    /// The setup, reloaded after a settings change.
    SetupReloaded(Result<Setup, UiError>),
    /// Someone else is at the desk: changes from now on are recorded with this name.
    AtDesk(Choice<String>),
    /// Show the waitlist page.
    ShowWaitlist,
    /// A message for the waitlist page.
    Waitlist(waitlist::Message),
    /// Freed slots and their matches arrived, for the look that started at that log position.
    WaitlistFeed(Option<i64>, Result<FreedFeed, UiError>),
    /// Open the offer of a freed slot (its place on the board).
    OpenOffer(usize),
    /// Put an offer away: the patients keep waiting.
    DismissOffer(usize),
    /// A message for the offer panel.
    Offer(offer::Message),
    /// Show the Reports page (its tab).
    ShowReports,
    /// A message for the Reports page.
    Reports(reports::Message),
    /// Show the reminders page (its tab).
    OpenReminders,
    /// A message for the reminders page.
    Reminders(reminders::Message),
    /// The reminder timer fired: send what is due and tell staff what happened.
    RemindersTick(DateTime<Utc>),
    /// A send pass ended (what it did), or could not run.
    ReminderPassDone(Result<crate::reminders::PassReport, UiError>),
    /// Desktop notifications were shown (how many; zero where no service runs).
    Notified(usize),
    /// Show the Data page (export, import, backup, restore).
    ShowData,
    /// A message for the Data page.
    Data(data::Message),
    /// Today's automatic backup was made (its file), was not needed, or failed.
    DailyBackup(Result<Option<PathBuf>, UiError>),
    /// The check of the whole file after opening found it sound (`None`) or damaged (what is
    /// wrong; the store is read-only from now on), or could not run.
    DamageChecked(Result<Option<String>, UiError>),
}

impl Message {
    /// Messages that act on the calendar bring it back when another page is shown.
    pub fn shows_calendar(&self) -> bool {
        matches!(
            self,
            Message::OpenWalkIn
                | Message::OpenViewOptions
                | Message::Select(_)
                | Message::PatientFound(..)
                | Message::Today
                | Message::ShowCalendar
        )
    }
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
            login: actor.clone(),
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

    /// Listens to the clock (every 30 s, unless it is fixed). Keys no widget used come from the
    /// window's root widget (`window_keys`), not from here: a subscription's message arrives a
    /// batch late, after the next key's widget message.
    pub fn subscription(&self) -> Subscription<Message> {
        let clock = iced::time::every(std::time::Duration::from_secs(30))
            .map(|_| Message::Tick(Utc::now()));
        if self.clock_fixed {
            return Subscription::none();
        }
        Subscription::batch([clock, super::app_reminders::timer()])
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
            Message::ShowSettings => self.show_settings(),
            Message::Settings(m) => self.settings(m),
            Message::SetupReloaded(result) => self.setup_reloaded(result),
            Message::AtDesk(choice) => self.at_desk(choice),
            Message::ShowReports => self.show_reports(),
            Message::Reports(m) => self.reports(m),
            Message::OpenReminders => self.open_reminders(),
            Message::Reminders(m) => self.reminders(m),
            Message::RemindersTick(now) => self.reminders_tick(now),
            Message::ReminderPassDone(result) => self.reminder_pass_done(result),
            Message::Notified(_) => Task::none(),
            Message::ShowData => self.show_data(),
            Message::Data(m) => self.data(m),
            Message::DailyBackup(result) => self.daily_backup_done(result),
            Message::DamageChecked(result) => self.damage_checked(result),
            other => self.desk_message(other),
        }
    }

    pub(super) fn opened(&mut self, result: Result<Backend, UiError>) -> Task<Message> {
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

    pub(super) fn damage_checked(
        &mut self,
        result: Result<Option<String>, UiError>,
    ) -> Task<Message> {
        match result {
            Ok(None) => {}
            Ok(Some(damage)) => self.error = Some(super::backend::damaged_message(&damage)),
            Err(e) => self.error = Some(e),
        }
        Task::none()
    }

    pub(super) fn setup_loaded(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
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

    pub(super) fn load_demo(&mut self) -> Task<Message> {
        match &mut self.phase {
            Phase::Empty { backend, building } if !*building => {
                *building = true;
                Task::perform(backend.clone().build_demo(self.now), Message::SetupLoaded)
            }
            _ => Task::none(),
        }
    }

    pub(super) fn tick(&mut self, now: DateTime<Utc>) -> Task<Message> {
        self.now = now;
        match &self.phase {
            Phase::Ready(desk) => {
                let today = desk.today_task(now);
                Task::batch([today, self.waitlist_poll()])
            }
            _ => Task::none(),
        }
    }

    pub(super) fn toggle_theme(&mut self) -> Task<Message> {
        self.dark = !self.dark;
        if let Phase::Ready(desk) = &mut self.phase {
            desk.cache.clear();
        }
        Task::none()
    }

    pub(super) fn toggle_help(&mut self) -> Task<Message> {
        self.help = !self.help;
        Task::none()
    }

    pub(super) fn dismiss_error(&mut self) -> Task<Message> {
        self.error = None;
        Task::none()
    }

    /// Asks for the view's appointments and today's; earlier answers become stale.
    pub(super) fn reload(&mut self) -> Task<Message> {
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
        let today = desk.today_task(now);
        Task::batch([load, today, self.waitlist_poll()])
    }

    pub(super) fn context<'a>(
        desk: &'a Desk,
        now: DateTime<Utc>,
        actor: &'a str,
    ) -> Option<(Context<'a>, &'a Clinic)> {
        context(&desk.backend, &desk.setup, desk.clinic, now, actor)
    }

    /// Messages that only mean something at the desk.
    pub(super) fn desk_message(&mut self, message: Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        if message.shows_calendar() {
            desk.show_calendar();
        }
        let refresh = match message {
            Message::Loaded(generation, result) => {
                return desk.loaded(generation, result, &mut self.error, &mut self.notice);
            }
            Message::TodayLoaded(clinic, date, result) => {
                match result {
                    Ok(today) => {
                        desk.today = today;
                        desk.today_for = Some((clinic, date));
                    }
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
            Message::OpenFindSlot => return self.open_find_slot(),
            Message::FindSlot(m) => return self.find_slot(m),
            // The panel storing a change stays until the store answered (`Panel::storing`).
            Message::OpenViewOptions | Message::OpenWalkIn | Message::ClosePanel
                if desk.panel.storing() =>
            {
                self.notice =
                    Some("Saving… the panel stays open until the change is stored.".into());
                false
            }
            Message::OpenViewOptions => {
                desk.date_text = desk.date.format("%Y-%m-%d").to_string();
                if let Some(said) = desk.open_panel(Panel::ViewOptions) {
                    self.notice = Some(said);
                }
                return iced::widget::operation::focus("go-to-date");
            }
            Message::DateText(text) => {
                desk.date_text = text;
                false
            }
            Message::GoToDate => match super::fields::date("The date", &desk.date_text, || {
                format!(
                    "\"{}\" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01.",
                    echo(desk.date_text.trim())
                )
            }) {
                Ok(date) => desk.go_to(date),
                Err(message) => {
                    self.error = Some(message);
                    false
                }
            },
            Message::OpenWalkIn => {
                // A walk-in being filled stays as it is (Ctrl+I again only puts the cursor in
                // it); another form open is put aside, not dropped.
                if !matches!(desk.panel, Panel::WalkIn(_))
                    && let Some(said) = desk.open_panel(Panel::WalkIn(Box::default()))
                {
                    self.notice = Some(said);
                }
                return iced::widget::operation::focus("walk-in-patient");
            }
            Message::ClosePanel => {
                let task = desk.close_panel(now, &actor);
                desk.selected = None;
                desk.cache.clear();
                return task;
            }
            Message::Select(id) => return self.select(id),
            Message::Moved(result) => {
                match result {
                    Ok((said, undo)) => {
                        self.error = None;
                        // Scroll to it, and once loaded name it in words: who, with whom,
                        // when and where, with what changed about the room.
                        if let super::screen::Undoable::Moved(before) = &undo {
                            let tail = said
                                .rfind(" was taken)")
                                .and_then(|k| said[..k].rfind(" ("))
                                .map_or_else(
                                    || ". Ctrl+Z undoes it.".to_owned(),
                                    |k| said[k..].to_owned(),
                                );
                            desk.reveal = Some(Reveal::saying(before.id, "Moved", tail));
                        }
                        self.notice = Some(said);
                        // A pinned appointment put somewhere leaves the pinboard.
                        if let super::screen::Undoable::Moved(before) = &undo
                            && desk
                                .pinboard
                                .pinned
                                .as_ref()
                                .is_some_and(|p| p.appointment.id == before.id)
                        {
                            desk.pinboard.pinned = None;
                        }
                        desk.history.record(undo);
                    }
                    Err(e) => self.error = Some(e),
                }
                true
            }
            Message::Undo => return self.reverse(super::undo::Direction::Undo),
            Message::Redo => return self.reverse(super::undo::Direction::Redo),
            Message::BlockMenu(action) => return self.block_menu(action),
            Message::MiniCalendar(m) => return self.mini_calendar(m),
            Message::Unpin => {
                desk.pinboard.pinned = None;
                false
            }
            Message::ShowCalendar => {
                desk.show_calendar();
                false
            }
            Message::Scrolled(x, y) => {
                // The grid redraws by itself when the part in view changes.
                desk.scroll = (x, y);
                false
            }
            Message::Zoom(step) => {
                desk.zoom = desk.zoom.step(step);
                false
            }
            Message::ToggleMore => {
                desk.more_open = !desk.more_open;
                false
            }
            Message::OpenPalette => {
                // Ctrl+K with the palette open keeps what was typed in it.
                if desk.palette.is_none() {
                    desk.palette = Some(Box::default());
                }
                return iced::widget::operation::focus("palette");
            }
            Message::Palette(m) => return self.palette(m),
            Message::ShowWaitlist => return self.show_waitlist(),
            Message::Waitlist(m) => return self.waitlist_page(m),
            Message::WaitlistFeed(from, result) => return self.waitlist_feed(from, result),
            Message::OpenOffer(index) => return self.open_offer(index),
            Message::DismissOffer(index) => return self.dismiss_offer(index),
            Message::Offer(m) => return self.offer(m),
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
                        desk.reveal = Some(Reveal::saying(id, "Next appointment:", "."));
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
            Message::Undone(direction, result) => {
                match result {
                    Ok((what, inverse)) => {
                        desk.history.finished(direction, Some(inverse));
                        self.error = None;
                        self.notice = Some(what);
                    }
                    Err(e) => {
                        // The change cannot be reversed any more; the rest of the history can.
                        desk.history.finished(direction, None);
                        let (undo, redo) = desk.history.depth();
                        let verb = match direction {
                            super::undo::Direction::Undo => "undo",
                            super::undo::Direction::Redo => "redo",
                        };
                        self.error = Some(format!(
                            "Could not {verb} that change: {e}. It is dropped from the history \
                             ({undo} to undo, {redo} to redo are kept)."
                        ));
                    }
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
}
