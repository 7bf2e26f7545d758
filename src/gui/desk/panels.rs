//! How the app handles the side panels' messages and events:
//! booking, details, walk-in, the command palette, selection and undo and redo.

use chrono::Duration;
use iced::Task;

use super::{Desk, Message, Panel, Parts, Reveal, Update, WeekOf};
use crate::gui::mini_calendar;
use crate::gui::screen::{Undoable, booking, details, palette, walk_in};
use crate::gui::undo::{self, Direction};
use crate::gui::widget::Choice;
use crate::scheduling::*;
use crate::store::AgendaFilter;

impl Desk {
    pub(super) fn select(&mut self, id: AppointmentId) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        let Some((ctx, _)) = self.context() else {
            return Task::none();
        };
        let (state, task) = details::load(&ctx, id);
        self.selected = Some(id);
        if let Some(said) = self.open_panel(Panel::Details(Box::new(state))) {
            self.notice = Some(said);
        }
        self.cache.clear();
        task.map(Message::Details)
    }

    pub(super) fn booking(&mut self, message: booking::Message) -> Task<Message> {
        let zone = self.zone();
        let Some((task, event)) =
            self.update_panel(Panel::booking, |form, ctx| form.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::Booking);
        match event {
            Some(booking::Event::Booked(outcome, note)) => {
                let a = &outcome.appointment;
                let tail = format!(
                    "{}{}",
                    if outcome.overbooked.is_some() {
                        format!(" {}", crate::t!("booking-overbooked-end"))
                    } else {
                        crate::t!("booking-end")
                    },
                    note.map(|n| format!(" {n}")).unwrap_or_default()
                );
                // Until the grid holds it (then it is named in full, see `Desk::loaded`).
                self.notice = Some(format!(
                    "{}{tail}",
                    crate::t!(
                        "booking-booked-at",
                        time = time::format_local(zone, a.interval.start)
                    )
                ));
                let id = a.id;
                self.go_to(time::local_date(zone, a.interval.start));
                self.reveal = Some(Reveal::saying(id, crate::t!("booking-booked"), tail));
                self.history.record(Undoable::Booked(id));
                // The form is done: the details replace it (nothing to put aside).
                self.panel = Panel::Today;
                Task::batch([task, self.select(id), self.reload()])
            }
            Some(booking::Event::BookedSeries(outcome, note)) => {
                let mut notice = super::find_slot_panel::series_notice(zone, &outcome);
                if let Some(n) = note {
                    notice.push_str(&format!(" {n}"));
                }
                self.notice = Some(notice);
                // A series is not one change: it is undone occurrence by occurrence.
                if let Some((_, b)) = outcome.booked.first() {
                    self.go_to(time::local_date(zone, b.appointment.interval.start));
                    self.reveal = Some(Reveal::quietly(b.appointment.id));
                }
                let first = outcome.booked.first().map(|(_, b)| b.appointment.id);
                if first.is_some() {
                    self.panel = Panel::Today;
                }
                match first {
                    Some(id) => Task::batch([task, self.select(id), self.reload()]),
                    None => Task::batch([task, self.reload()]),
                }
            }
            Some(booking::Event::Closed) => {
                let given_back = self.close_panel();
                Task::batch([task, given_back])
            }
            None => task,
        }
    }

    pub(super) fn details(&mut self, message: details::Message) -> Task<Message> {
        let Some((task, event)) =
            self.update_panel(Panel::details, |panel, ctx| panel.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::Details);
        match event {
            Some(details::Event::Changed(undo)) => {
                if let Some(undo) = undo {
                    self.history.record(undo);
                }
                Task::batch([task, self.reload()])
            }
            Some(details::Event::Closed) => {
                let given_back = self.close_panel();
                self.selected = None;
                self.cache.clear();
                Task::batch([task, given_back])
            }
            None => task,
        }
    }

    pub(super) fn walk_in(&mut self, message: walk_in::Message) -> Task<Message> {
        let zone = self.zone();
        let Some((task, event)) =
            self.update_panel(Panel::walk_in, |form, ctx| form.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::WalkIn);
        match event {
            Some(walk_in::Event::Added(w)) => {
                let a = &w.outcome.appointment;
                let late = if w.late.is_empty() {
                    String::new()
                } else {
                    let worst = w.late.iter().map(|(_, m)| *m).max().unwrap_or(0);
                    crate::t!("walkin-late", count = w.late.len(), worst = worst)
                };
                let tail = format!(
                    "{late}{}{}",
                    crate::t!("booking-end"),
                    w.note.as_ref().map(|n| format!(" {n}")).unwrap_or_default()
                );
                let token = &a.queue_token;
                let at = a
                    .interval
                    .start
                    .with_timezone(&zone)
                    .format("%H:%M")
                    .to_string();
                let (added, verb) = if a.kind == Kind::Emergency {
                    (
                        crate::t!("walkin-added-emergency", token = token, time = &at),
                        crate::t!("walkin-reveal-emergency", token = token),
                    )
                } else {
                    (
                        crate::t!("walkin-added", token = token, time = &at),
                        crate::t!("walkin-reveal", token = token),
                    )
                };
                self.notice = Some(format!("{added}{tail}"));
                // The grid shows the walk-in's day and scrolls to it (`Desk::loaded`).
                self.go_to(time::local_date(zone, a.interval.start));
                self.reveal = Some(Reveal::saying(a.id, verb, tail));
                self.late = w.late.into_iter().collect();
                let id = a.id;
                self.history.record(Undoable::Booked(id));
                // The form is done: the details replace it (nothing to put aside).
                self.panel = Panel::Today;
                Task::batch([task, self.select(id), self.reload()])
            }
            Some(walk_in::Event::Closed) => {
                let given_back = self.close_panel();
                Task::batch([task, given_back])
            }
            None => task,
        }
    }

    /// A message for the command palette; what is chosen in it is done as its shortcut does
    /// (the theme and the help are the window's: an `Event`).
    pub(super) fn palette(&mut self, message: palette::Message) -> Update {
        let now = self.now;
        let Some(Parts {
            ctx,
            clinic,
            palette: Some(state),
            ..
        }) = self.parts()
        else {
            return (Task::none(), None);
        };
        let (task, event) = state.update(message, &ctx);
        let task = task.map(Message::Palette);
        let target = match event {
            None => return (task, None),
            Some(palette::Event::Closed) => {
                self.palette = None;
                return (task, None);
            }
            Some(palette::Event::Chosen(target)) => target,
        };
        let clinic_id = clinic.id;
        self.palette = None;
        let chosen = match target {
            palette::Target::Date(date) => {
                self.date_text = date.format("%Y-%m-%d").to_string();
                self.update(Message::GoToDate)
            }
            palette::Target::DoctorWeek(d) => {
                self.update(Message::Week(Choice::new(WeekOf::Doctor(d), String::new())))
            }
            palette::Target::RoomWeek(r) => {
                self.update(Message::Week(Choice::new(WeekOf::Room(r), String::new())))
            }
            palette::Target::Patient(id, name) => {
                let window = Interval::new(now - Duration::hours(12), now + Duration::days(400));
                let lookup = self
                    .backend
                    .run(move |s| s.agenda(clinic_id, window, AgendaFilter::Patient(id)));
                let lookup = Task::perform(lookup, move |r| {
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
                });
                (lookup, None)
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
        };
        (Task::batch([task, chosen.0]), chosen.1)
    }

    /// Undoes the desk's newest change, or redoes the newest undone one, with a new audited
    /// change (`undo::reverse`); one at a time.
    pub(super) fn reverse(&mut self, direction: Direction) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let zone = self.zone();
        // A reversal the store cannot take would be dropped from the history: while the
        // database is out of reach, the history waits for it.
        if self.live.lost.is_some() {
            self.error = Some(match direction {
                Direction::Undo => crate::t!("undo-unreachable-undo"),
                Direction::Redo => crate::t!("undo-unreachable-redo"),
            });
            return Task::none();
        }
        let Some(change) = self.history.take(direction) else {
            self.notice = Some(if self.history.busy() {
                crate::t!("undo-busy")
            } else if direction == Direction::Undo {
                crate::t!("undo-nothing-to-undo")
            } else {
                crate::t!("undo-nothing-to-redo")
            });
            return Task::none();
        };
        let work = undo::reverse(self.backend.clone(), change, direction, zone, actor, now);
        Task::perform(work, move |r| Message::Undone(direction, r))
    }

    /// The mini-calendar: another month shown, or a day picked (the grid goes there).
    pub(super) fn mini_calendar(&mut self, message: mini_calendar::Message) -> Task<Message> {
        match message {
            mini_calendar::Message::Month(month) => {
                self.mini_month = Some((month, self.date));
                Task::none()
            }
            mini_calendar::Message::Pick(date) => {
                self.mini_month = None;
                self.date_text = date.format("%Y-%m-%d").to_string();
                self.go_to(date);
                self.reload()
            }
        }
    }
}
