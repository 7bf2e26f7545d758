//! How the app handles the side panels' messages and events:
//! booking, details, walk-in, the command palette, selection and undo and redo.

use chrono::Duration;
use iced::Task;

use super::app::{App, Message, Phase, WeekOf};
use super::desk::{Desk, Panel, Reveal, context};
use super::mini_calendar;
use super::screen::{Undoable, booking, details, palette, walk_in};
use super::undo::{self, Direction};
use super::widget::Choice;
use crate::scheduling::*;
use crate::store::AgendaFilter;

impl App {
    /// True, with a word on the status line, when the panel open is storing a change and must
    /// not be closed or replaced: its answer would be dropped (a booking made and nobody told,
    /// the grid not reloaded, no Ctrl+Z).
    pub(super) fn panel_storing(&mut self) -> bool {
        let storing = matches!(&self.phase, Phase::Ready(desk) if desk.panel.storing());
        if storing {
            self.notice = Some("Saving… the panel stays open until the change is stored.".into());
        }
        storing
    }

    pub(super) fn select(&mut self, id: AppointmentId) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Some((ctx, _)) = Self::context(desk, now, &actor) else {
            return Task::none();
        };
        let (state, task) = details::load(&ctx, id);
        desk.selected = Some(id);
        if let Some(said) = desk.open_panel(Panel::Details(Box::new(state))) {
            self.notice = Some(said);
        }
        desk.cache.clear();
        task.map(Message::Details)
    }

    pub(super) fn booking(&mut self, message: booking::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let zone = desk.zone();
        let Some((task, event)) = desk.update_panel(now, &actor, Panel::booking, |form, ctx| {
            form.update(message, ctx)
        }) else {
            return Task::none();
        };
        let task = task.map(Message::Booking);
        match event {
            Some(booking::Event::Booked(outcome, note)) => {
                let a = &outcome.appointment;
                let tail = format!(
                    "{}.{}",
                    if outcome.overbooked.is_some() {
                        " (overbooked)"
                    } else {
                        ""
                    },
                    note.map(|n| format!(" {n}.")).unwrap_or_default()
                );
                // Until the grid holds it (then it is named in full, see `Desk::loaded`).
                self.notice = Some(format!(
                    "Booked at {}{tail}",
                    time::format_local(zone, a.interval.start)
                ));
                let id = a.id;
                desk.go_to(time::local_date(zone, a.interval.start));
                desk.reveal = Some(Reveal::saying(id, "Booked", tail));
                desk.history.record(Undoable::Booked(id));
                // The form is done: the details replace it (nothing to put aside).
                desk.panel = Panel::Today;
                Task::batch([task, self.select(id), self.reload()])
            }
            Some(booking::Event::BookedSeries(outcome, note)) => {
                let mut notice = super::app_find_slot::series_notice(zone, &outcome);
                if let Some(n) = note {
                    notice.push_str(&format!(" {n}."));
                }
                self.notice = Some(notice);
                // A series is not one change: it is undone occurrence by occurrence.
                if let Some((_, b)) = outcome.booked.first() {
                    desk.go_to(time::local_date(zone, b.appointment.interval.start));
                    desk.reveal = Some(Reveal::quietly(b.appointment.id));
                }
                let first = outcome.booked.first().map(|(_, b)| b.appointment.id);
                if first.is_some() {
                    desk.panel = Panel::Today;
                }
                match first {
                    Some(id) => Task::batch([task, self.select(id), self.reload()]),
                    None => Task::batch([task, self.reload()]),
                }
            }
            Some(booking::Event::Closed) => {
                let given_back = desk.close_panel(now, &actor);
                Task::batch([task, given_back])
            }
            None => task,
        }
    }

    pub(super) fn details(&mut self, message: details::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Some((task, event)) = desk.update_panel(now, &actor, Panel::details, |panel, ctx| {
            panel.update(message, ctx)
        }) else {
            return Task::none();
        };
        let task = task.map(Message::Details);
        match event {
            Some(details::Event::Changed(undo)) => {
                if let Some(undo) = undo {
                    desk.history.record(undo);
                }
                Task::batch([task, self.reload()])
            }
            Some(details::Event::Closed) => {
                let given_back = desk.close_panel(now, &actor);
                desk.selected = None;
                desk.cache.clear();
                Task::batch([task, given_back])
            }
            None => task,
        }
    }

    pub(super) fn walk_in(&mut self, message: walk_in::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let zone = desk.zone();
        let Some((task, event)) = desk.update_panel(now, &actor, Panel::walk_in, |form, ctx| {
            form.update(message, ctx)
        }) else {
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
                    format!(
                        "; {} later appointments now run late (up to {worst} min)",
                        w.late.len()
                    )
                };
                let kind = if a.kind == Kind::Emergency {
                    "Emergency"
                } else {
                    "Walk-in"
                };
                let tail = format!(
                    "{late}.{}",
                    w.note
                        .as_ref()
                        .map(|n| format!(" {n}."))
                        .unwrap_or_default()
                );
                self.notice = Some(format!(
                    "{kind} {} at {}{tail}",
                    a.queue_token,
                    a.interval.start.with_timezone(&zone).format("%H:%M"),
                ));
                // The grid shows the walk-in's day and scrolls to it (`Desk::loaded`).
                desk.go_to(time::local_date(zone, a.interval.start));
                desk.reveal = Some(Reveal::saying(
                    a.id,
                    format!("{kind} {}:", a.queue_token),
                    tail,
                ));
                desk.late = w.late.into_iter().collect();
                let id = a.id;
                desk.history.record(Undoable::Booked(id));
                // The form is done: the details replace it (nothing to put aside).
                desk.panel = Panel::Today;
                Task::batch([task, self.select(id), self.reload()])
            }
            Some(walk_in::Event::Closed) => {
                let given_back = desk.close_panel(now, &actor);
                Task::batch([task, given_back])
            }
            None => task,
        }
    }

    pub(super) fn palette(&mut self, message: palette::Message) -> Task<Message> {
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
        let target = match event {
            None => return task,
            Some(palette::Event::Closed) => {
                desk.palette = None;
                return task;
            }
            Some(palette::Event::Chosen(target)) => target,
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

    /// Undoes the desk's newest change, or redoes the newest undone one, with a new audited
    /// change (`undo::reverse`); one at a time.
    pub(super) fn reverse(&mut self, direction: Direction) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let zone = desk.zone();
        let Some(change) = desk.history.take(direction) else {
            self.notice = Some(
                if desk.history.busy() {
                    "Still storing the last undo or redo: press again in a moment."
                } else if direction == Direction::Undo {
                    "Nothing to undo."
                } else {
                    "Nothing to redo."
                }
                .into(),
            );
            return Task::none();
        };
        let work = undo::reverse(desk.backend.clone(), change, direction, zone, actor, now);
        Task::perform(work, move |r| Message::Undone(direction, r))
    }

    /// The mini-calendar: another month shown, or a day picked (the grid goes there).
    pub(super) fn mini_calendar(&mut self, message: mini_calendar::Message) -> Task<Message> {
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        match message {
            mini_calendar::Message::Month(month) => {
                desk.mini_month = Some((month, desk.date));
                Task::none()
            }
            mini_calendar::Message::Pick(date) => {
                desk.mini_month = None;
                desk.date_text = date.format("%Y-%m-%d").to_string();
                desk.go_to(date);
                self.reload()
            }
        }
    }
}
