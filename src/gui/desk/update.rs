//! The desk's `update`: one arm per message, no catch-all, so the compiler names a message
//! nobody handles. Database work runs in Tasks through the backend; a result older than the
//! view is dropped. Each arm hands the work to the part of the desk that owns it (`panels.rs`,
//! `drag.rs`, `keys.rs`, the pages' files).

use chrono::DateTime;
use chrono::Utc;
use iced::Task;

use super::{Desk, Event, Message, Panel, Reveal, WeekOf, clinic_today};
use crate::gui::calendar::{self, View};
use crate::gui::screen::Undoable;
use crate::gui::undo::Direction;
use crate::scheduling::permission::Action;
use crate::scheduling::time::{echo, local_day};
use crate::scheduling::*;
use crate::store::AgendaFilter;

/// What handling a message gives: the work to run, and what the window's root must do.
pub type Update = (Task<Message>, Option<Event>);

impl Desk {
    /// True, with the refusal on the status line (which role it needs), when the signed-in
    /// role may not do `action`: a page the window does not offer them, asked for anyway.
    pub(super) fn refused(&mut self, action: Action) -> bool {
        match self.who.role.check(action) {
            Ok(()) => false,
            Err(refused) => {
                self.error = Some(crate::store::StoreError::from(refused).to_string());
                true
            }
        }
    }

    /// Handles a message of the desk.
    pub fn update(&mut self, message: Message) -> Update {
        if message.shows_calendar() {
            self.show_calendar();
        }
        let task = match message {
            Message::ToggleTheme => return (Task::none(), Some(Event::ToggleTheme)),
            Message::ChooseLanguage(choice) => {
                return (Task::none(), Some(Event::Language(choice)));
            }
            Message::ToggleHelp => return (Task::none(), Some(Event::ToggleHelp)),
            Message::Key(key, modifiers) => return self.key(key, modifiers),
            Message::Palette(m) => return self.palette(m),
            Message::Tick(now) => self.tick(now),
            Message::DismissError => {
                self.error = None;
                Task::none()
            }
            Message::Loaded(generation, result) => self.loaded(generation, result),
            // Stale: a newer look at today was asked for since (the clock, a change).
            Message::TodayLoaded(asked, ..) if asked != self.today_asked => Task::none(),
            Message::TodayLoaded(_, clinic, date, result) => {
                match result {
                    Ok(today) => {
                        self.today = today;
                        self.today_for = Some((clinic, date));
                    }
                    Err(e) => self.read_failed(e),
                }
                Task::none()
            }
            Message::Previous => self.reload_if(|desk| desk.shift(-1)),
            Message::Next => self.reload_if(|desk| desk.shift(1)),
            Message::Today => self.reload_if(|desk| desk.go_to(clinic_today(desk, desk.now))),
            Message::DayByDoctor => self.reload_if(|desk| desk.set_view(View::DayByDoctor)),
            Message::DayByRoom => self.reload_if(|desk| desk.set_view(View::DayByRoom)),
            Message::Week(choice) => self.reload_if(|desk| {
                desk.set_view(match choice.value {
                    WeekOf::Doctor(d) => View::WeekOfDoctor(d),
                    WeekOf::Room(r) => View::WeekOfRoom(r),
                })
            }),
            Message::Clinic(choice) => {
                self.clinic = choice.value;
                self.reload()
            }
            Message::ShowCancelled(on) => {
                self.show_cancelled = on;
                self.relayout();
                Task::none()
            }
            Message::ToggleColumn(id) => {
                match self.hidden.iter().position(|h| *h == id) {
                    Some(i) => {
                        self.hidden.remove(i);
                    }
                    None => self.hidden.push(id),
                }
                self.relayout();
                Task::none()
            }
            Message::Grid(event) => self.grid(event),
            Message::Booking(m) => self.booking(m),
            Message::Details(m) => self.details(m),
            Message::WalkIn(m) => self.walk_in(m),
            Message::OpenFindSlot => self.open_find_slot(),
            Message::FindSlot(m) => self.find_slot(m),
            Message::OpenViewOptions => self.open_view_options(),
            Message::DateText(text) => {
                self.date_text = text;
                Task::none()
            }
            Message::GoToDate => self.go_to_date_typed(),
            Message::OpenWalkIn => self.open_walk_in(),
            Message::ClosePanel => self.close_side_panel(),
            Message::Select(id) => self.select(id),
            Message::Moved(result) => self.moved(result),
            Message::Undo => self.reverse(Direction::Undo),
            Message::Redo => self.reverse(Direction::Redo),
            Message::Undone(direction, result) => self.undone(direction, result),
            Message::BlockMenu(action) => self.block_menu(action),
            Message::MiniCalendar(m) => self.mini_calendar(m),
            Message::Unpin => {
                self.pinboard.pinned = None;
                Task::none()
            }
            Message::ShowCalendar => {
                self.show_calendar();
                Task::none()
            }
            Message::Scrolled(x, y) => {
                // The grid redraws by itself when the part in view changes.
                self.scroll = (x, y);
                Task::none()
            }
            Message::Zoom(step) => {
                self.zoom = self.zoom.step(step);
                Task::none()
            }
            Message::ToggleMore => {
                self.more_open = !self.more_open;
                Task::none()
            }
            Message::OpenPalette => {
                // Ctrl+K with the palette open keeps what was typed in it.
                if self.palette.is_none() {
                    self.palette = Some(Box::default());
                }
                iced::widget::operation::focus("palette")
            }
            Message::PatientFound(name, result) => self.patient_found(name, result),
            Message::ShowWaitlist => self.show_waitlist(),
            Message::Waitlist(m) => self.waitlist_page(m),
            Message::WaitlistFeed(from, result) => self.waitlist_feed(from, result),
            Message::OpenOffer(index) => self.open_offer(index),
            Message::DismissOffer(index) => self.dismiss_offer(index),
            Message::Offer(m) => self.offer(m),
            Message::ShowSettings if self.refused(Action::Settings) => Task::none(),
            Message::ShowSettings => self.show_settings(),
            Message::Settings(m) => self.settings(m),
            Message::SetupReloaded(result) => self.setup_reloaded(result),
            Message::Lock => return (Task::none(), Some(Event::Lock)),
            Message::ShowReports if self.refused(Action::Reports) => Task::none(),
            Message::ShowReports => self.show_reports(),
            Message::Reports(m) => self.reports(m),
            Message::ShowAccessLog if self.refused(Action::AccessLog) => Task::none(),
            Message::ShowAccessLog => self.show_access_log(),
            Message::AccessLog(m) => self.access_log(m),
            Message::OpenReminders => self.open_reminders(),
            Message::Reminders(m) => self.reminders(m),
            Message::RemindersTick(now) => self.reminders_tick(now),
            Message::ReminderPassDone(result) => self.reminder_pass_done(result),
            Message::Notified(_) => Task::none(),
            Message::WaitingRoom(m) => self.waiting_room(m),
            Message::ShowData if self.refused(Action::Backup) => Task::none(),
            Message::ShowData => self.show_data(),
            Message::RecoveryNoted => self.recovery_noted(),
            Message::Data(m) => self.data(m),
            Message::Reopened(result) => self.reopened(result),
            Message::DatabaseChanged => self.database_changed(),
            Message::DatabaseLost(since, reason) => self.database_lost(since, reason),
            Message::LiveSetup(result) => self.live_setup(result),
        };
        (task, None)
    }

    /// The clock moved on: today's queue and the waitlist's feed are looked at again.
    pub(super) fn tick(&mut self, now: DateTime<Utc>) -> Task<Message> {
        self.now = now;
        Task::batch([self.today_task(now), self.waitlist_poll()])
    }

    /// Runs `change` and reloads when it says the view changed.
    fn reload_if(&mut self, change: impl FnOnce(&mut Desk) -> bool) -> Task<Message> {
        if change(self) {
            self.reload()
        } else {
            Task::none()
        }
    }

    /// Asks for the view's appointments and today's; earlier answers become stale.
    pub(crate) fn reload(&mut self) -> Task<Message> {
        let now = self.now;
        self.generation += 1;
        self.loading = true;
        let generation = self.generation;
        let Some(clinic) = self.clinic().cloned() else {
            return Task::none();
        };
        let zone = clinic.time_zone;
        let dates = calendar::dates(self.view, self.date);
        let first = dates.first().copied().unwrap_or(self.date);
        let last = dates.last().copied().unwrap_or(self.date);
        let window = Interval::new(local_day(zone, first).start, local_day(zone, last).end);
        let filter = match self.view {
            View::DayByDoctor | View::DayByRoom => AgendaFilter::All,
            View::WeekOfDoctor(d) => AgendaFilter::Doctor(d),
            View::WeekOfRoom(r) => AgendaFilter::Room(r),
        };
        let clinic_id = clinic.id;
        let load = Task::perform(
            self.backend
                .run(move |s| s.agenda(clinic_id, window, filter)),
            move |r| Message::Loaded(generation, r),
        );
        let today = self.today_task(now);
        Task::batch([load, today, self.waitlist_poll()])
    }

    /// True, with a word on the status line, when the panel open is storing a change and must
    /// not be closed or replaced: its answer would be dropped (a booking made and nobody told,
    /// the grid not reloaded, no Ctrl+Z).
    pub(super) fn panel_storing(&mut self) -> bool {
        let storing = self.panel.storing();
        if storing {
            self.notice = Some(crate::t!("desk-panel-storing"));
        }
        storing
    }

    fn open_view_options(&mut self) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        self.date_text = self.date.format("%Y-%m-%d").to_string();
        if let Some(said) = self.open_panel(Panel::ViewOptions) {
            self.notice = Some(said);
        }
        iced::widget::operation::focus("go-to-date")
    }

    fn go_to_date_typed(&mut self) -> Task<Message> {
        let typed =
            crate::gui::fields::date(&crate::t!("desk-date-label"), &self.date_text, || {
                crate::t!("desk-not-a-date", typed = echo(self.date_text.trim()))
            });
        match typed {
            Ok(date) => self.reload_if(|desk| desk.go_to(date)),
            Err(message) => {
                self.error = Some(message);
                Task::none()
            }
        }
    }

    fn open_walk_in(&mut self) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        // A walk-in being filled stays as it is (Ctrl+I again only puts the cursor in it);
        // another form open is put aside, not dropped.
        if !matches!(self.panel, Panel::WalkIn(_))
            && let Some(said) = self.open_panel(Panel::WalkIn(Box::default()))
        {
            self.notice = Some(said);
        }
        iced::widget::operation::focus("walk-in-patient")
    }

    fn close_side_panel(&mut self) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        let task = self.close_panel();
        self.selected = None;
        self.cache.clear();
        task
    }

    /// A drag-and-drop move was stored (what changed, in words, and how to undo it) or refused.
    fn moved(
        &mut self,
        result: Result<(String, String, Undoable), crate::gui::backend::UiError>,
    ) -> Task<Message> {
        match result {
            Ok((said, tail, undo)) => {
                self.error = None;
                if let Undoable::Moved(before) = &undo {
                    // Scroll to it, and once loaded name it in words: who, with whom, when
                    // and where, with what changed about the room.
                    self.reveal = Some(Reveal::saying(before.id, crate::t!("desk-moved"), tail));
                    // A pinned appointment put somewhere leaves the pinboard.
                    if self
                        .pinboard
                        .pinned
                        .as_ref()
                        .is_some_and(|p| p.appointment.id == before.id)
                    {
                        self.pinboard.pinned = None;
                    }
                }
                self.notice = Some(said);
                self.history.record(undo);
            }
            Err(e) => self.error = Some(e),
        }
        self.reload()
    }

    /// The palette's patient: their next appointment was looked up.
    fn patient_found(
        &mut self,
        name: String,
        result: Result<Option<Box<crate::store::AgendaEntry>>, crate::gui::backend::UiError>,
    ) -> Task<Message> {
        match result {
            Ok(Some(entry)) => {
                let zone = self.zone();
                self.go_to(time::local_date(zone, entry.appointment.interval.start));
                self.view = match self.view {
                    View::DayByRoom => View::DayByRoom,
                    View::DayByDoctor | View::WeekOfDoctor(_) | View::WeekOfRoom(_) => {
                        View::DayByDoctor
                    }
                };
                let id = entry.appointment.id;
                self.reveal = Some(Reveal::saying(
                    id,
                    crate::t!("desk-next-appointment"),
                    crate::t!("desk-next-appointment-end"),
                ));
                Task::batch([self.select(id), self.reload()])
            }
            Ok(None) => {
                self.notice = Some(crate::t!("desk-no-next-appointment", name = &name));
                Task::none()
            }
            Err(e) => {
                self.error = Some(e);
                Task::none()
            }
        }
    }

    /// An undo or redo was stored (what it did, and the change that reverses it) or refused.
    fn undone(
        &mut self,
        direction: Direction,
        result: Result<(String, Undoable), crate::gui::backend::UiError>,
    ) -> Task<Message> {
        match result {
            Ok((what, inverse)) => {
                self.history.finished(direction, Some(inverse));
                self.error = None;
                self.notice = Some(what);
            }
            Err(e) => {
                // The change cannot be reversed any more; the rest of the history can.
                self.history.finished(direction, None);
                let (undo, redo) = self.history.depth();
                self.error = Some(match direction {
                    Direction::Undo => {
                        crate::t!("desk-undo-failed", error = &e, undo = undo, redo = redo)
                    }
                    Direction::Redo => {
                        crate::t!("desk-redo-failed", error = &e, undo = undo, redo = redo)
                    }
                });
            }
        }
        match self.selected {
            Some(id) => Task::batch([self.select(id), self.reload()]),
            None => self.reload(),
        }
    }
}
