//! The series section of an appointment's details: which series it belongs to and which
//! occurrence it is, and changing this occurrence or this and the following ones: cancel with a
//! reason, or move by a number of days and/or to a new wall time. Moving the following ones
//! splits the series; cancelling them ends it.

use crate::gui::choice_keys::pick_list;
use iced::widget::{button, column, container, row, rule, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::gui::fields;
use crate::gui::widget::{self, Choice};
use crate::i18n::dates;
use crate::scheduling::series::MAX_SHIFT_DAYS;
use crate::scheduling::*;
use crate::store::{OccurrenceMove, Scope, SeriesChange, SeriesView};

/// The section's state.
#[derive(Debug, Clone)]
pub struct State {
    view: Option<SeriesView>,
    scope: Scope,
    days: String,
    time: String,
    reason: String,
    by: CancelledBy,
    overbook: String,
    busy: bool,
    /// The number of the latest read again ([`Message::Refreshed`]).
    reads: u64,
    error: Option<UiError>,
    /// What the last change did, shown once the details reload.
    pub done: Option<String>,
}

/// What happens in the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The appointment's series arrived (or that it has none).
    Loaded(Result<Option<Box<SeriesView>>, UiError>),
    /// The series, read again (read number so-and-so) after the database changed, perhaps at
    /// another desk: the occurrences shown follow it, what was typed stays. An answer to an
    /// earlier read than the latest, or one that comes while a change is stored, is dropped.
    Refreshed(u64, Result<Option<Box<SeriesView>>, UiError>),
    /// This occurrence, or this and the following ones.
    Scope(Choice<Scope>),
    /// The days to move by changed.
    Days(String),
    /// The new wall time changed.
    Time(String),
    /// The cancel reason changed.
    Reason(String),
    /// Who cancels was chosen.
    By(Choice<CancelledBy>),
    /// The overbook reason for a move changed.
    Overbook(String),
    /// Cancel was pressed.
    Cancel,
    /// Move was pressed.
    Move,
    /// A change was stored (what it did) or refused.
    Done(Result<String, UiError>),
}

/// What the section tells the details panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Occurrences changed: reload, and say this.
    Changed(String),
}

/// Asks for the series of appointment `id`.
pub fn load(ctx: &Context<'_>, id: AppointmentId) -> (State, Task<Message>) {
    let state = State {
        view: None,
        scope: Scope::This,
        days: "0".into(),
        time: String::new(),
        reason: String::new(),
        by: CancelledBy::Patient,
        overbook: String::new(),
        busy: false,
        reads: 0,
        error: None,
        done: None,
    };
    let task = ctx.backend.run(move |s| s.series_of(id));
    (
        state,
        Task::perform(task, |r| Message::Loaded(r.map(|v| v.map(Box::new)))),
    )
}

/// What a change did, in words: "Moved 3 occurrences; 1 left as they were (1 Dec: …)."
fn described(change: &SeriesChange, cancelled: bool) -> String {
    let count = change.changed.len();
    let mut text = if cancelled {
        crate::t!("series-cancelled-count", count = count)
    } else {
        crate::t!("series-moved-count", count = count)
    };
    if change.new_series.is_some() {
        text.push_str(&crate::t!("series-split"));
    }
    if !change.untouched.is_empty() {
        let list = change
            .untouched
            .iter()
            .map(|(d, why)| format!("{}: {why}", dates::day_month(*d)))
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&crate::t!(
            "series-untouched",
            count = change.untouched.len(),
            list = list
        ));
    }
    text.push_str(&crate::t!("booking-end"));
    text
}

impl State {
    /// True when the appointment belongs to a series.
    pub fn in_series(&self) -> bool {
        self.view.is_some()
    }

    /// Reads the series of appointment `id` again (the database changed); see
    /// [`Message::Refreshed`].
    pub fn read_again(&mut self, ctx: &Context<'_>, id: AppointmentId) -> Task<Message> {
        self.reads = self.reads.wrapping_add(1);
        let number = self.reads;
        let task = ctx.backend.run(move |s| s.series_of(id));
        Task::perform(task, move |r| {
            Message::Refreshed(number, r.map(|v| v.map(Box::new)))
        })
    }

    /// Handles a message for the appointment `id`.
    pub fn update(
        &mut self,
        message: Message,
        id: AppointmentId,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(result) => match result {
                Ok(view) => {
                    if let Some(v) = &view {
                        // This occurrence's own time (it may have been moved alone).
                        let own = v
                            .members
                            .iter()
                            .find(|m| m.appointment == id)
                            .map(|m| m.interval.start.with_timezone(&ctx.clinic.time_zone).time())
                            .unwrap_or(v.series.start_time);
                        self.time = own.format("%H:%M").to_string();
                    }
                    self.view = view.map(|v| *v);
                }
                Err(e) => self.error = Some(e),
            },
            Message::Refreshed(number, result) => {
                // A failed read keeps what is shown (the status line says when the database
                // cannot be reached).
                if let (false, true, Ok(view)) = (self.busy, number == self.reads, result) {
                    self.view = view.map(|v| *v);
                }
            }
            Message::Scope(c) => self.scope = c.value,
            Message::Days(d) => self.days = d,
            Message::Time(t) => self.time = t,
            Message::Reason(r) => self.reason = r,
            Message::By(c) => self.by = c.value,
            Message::Overbook(r) => self.overbook = r,
            Message::Cancel => {
                if self.reason.trim().is_empty() {
                    self.error = Some(crate::t!("series-reason-needed"));
                    return (Task::none(), None);
                }
                self.busy = true;
                self.error = None;
                let action = StatusAction::Cancel {
                    reason: self.reason.trim().to_owned(),
                    by: self.by,
                };
                let (scope, actor, now) = (self.scope, ctx.actor.to_owned(), ctx.now);
                let task = ctx
                    .backend
                    .run(move |s| s.cancel_occurrences(id, scope, &action, &actor, now));
                return (
                    Task::perform(task, |r| Message::Done(r.map(|c| described(&c, true)))),
                    None,
                );
            }
            Message::Move => {
                let Some(days) = self
                    .days
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|d| d.unsigned_abs() <= MAX_SHIFT_DAYS.unsigned_abs())
                else {
                    self.error = Some(crate::t!("series-days-unreadable", max = MAX_SHIFT_DAYS));
                    return (Task::none(), None);
                };
                let time = match self.time.trim() {
                    "" => None,
                    t => match fields::clock(&crate::t!("details-new-time"), t, || {
                        crate::t!("series-time-unreadable")
                    }) {
                        Ok(t) => Some(t),
                        Err(message) => {
                            self.error = Some(message);
                            return (Task::none(), None);
                        }
                    },
                };
                // The time they have already is no change.
                let current = self.view.as_ref().and_then(|v| match self.scope {
                    Scope::ThisAndFollowing => Some(v.series.start_time),
                    Scope::This => v
                        .members
                        .iter()
                        .find(|m| m.appointment == id)
                        .map(|m| m.interval.start.with_timezone(&ctx.clinic.time_zone).time()),
                });
                let time = time.filter(|t| Some(*t) != current);
                let change = OccurrenceMove { days, time };
                self.busy = true;
                self.error = None;
                let overbook = Some(self.overbook.trim().to_owned()).filter(|r| !r.is_empty());
                let (scope, actor, now) = (self.scope, ctx.actor.to_owned(), ctx.now);
                let task = ctx.backend.run(move |s| {
                    s.move_occurrences(id, scope, &change, overbook.as_deref(), &actor, now)
                });
                return (
                    Task::perform(task, |r| Message::Done(r.map(|c| described(&c, false)))),
                    None,
                );
            }
            Message::Done(result) => {
                self.busy = false;
                match result {
                    Ok(what) => return (Task::none(), Some(Event::Changed(what))),
                    Err(e) => self.error = Some(e),
                }
            }
        }
        (Task::none(), None)
    }

    /// The section, when the appointment belongs to a series.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Option<Element<'a, Message>> {
        let v = self.view.as_ref()?;
        let zone = ctx.clinic.time_zone;
        // Where this date stands in the rule (left-out dates count; a date past the end of
        // a series that was ended is outside it).
        let occurrences = v.series.rule.dates(v.series.start_date).unwrap_or_default();
        let place = match occurrences.iter().position(|d| *d == v.this_date) {
            Some(i) => crate::t!("series-place", number = i + 1, count = occurrences.len()),
            None => crate::t!("series-outside"),
        };
        let booked = v.members.iter().filter(|m| m.status.holds_time()).count();
        let later = v
            .members
            .iter()
            .filter(|m| m.occurrence_date > v.this_date && m.status.holds_time())
            .count();
        let scopes = vec![
            Choice::new(Scope::This, crate::t!("series-scope-this")),
            Choice::new(Scope::ThisAndFollowing, crate::t!("series-scope-following")),
        ];
        let scope = scopes.iter().find(|c| c.value == self.scope).cloned();
        let by = super::details::cancelled_by_choices();
        let chosen_by = by.iter().find(|c| c.value == self.by).cloned();
        let mut section = column![
            rule::horizontal(1),
            text(crate::t!("series-title")).size(15),
            text(crate::t!(
                "series-rule",
                rule = capitalised(&v.series.rule.to_string()),
                time = v.series.start_time.format("%H:%M").to_string(),
                zone = zone.name()
            ))
            .size(13),
            text(crate::t!(
                "series-standing",
                place = place,
                date = dates::medium(v.this_date),
                booked = booked,
                later = later
            ))
            .size(12.5),
            widget::field(
                crate::t!("series-change"),
                pick_list(scopes, scope, Message::Scope).width(Length::Fill)
            ),
            row![
                text(crate::t!("series-move-by")).size(13),
                text_input("0", &self.days)
                    .id("series-days")
                    .on_input(Message::Days)
                    .width(Length::Fixed(48.0)),
                text(crate::t!("series-days-at")).size(13),
                text_input("HH:MM", &self.time)
                    .id("series-time")
                    .on_input(Message::Time)
                    .width(Length::Fixed(64.0)),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center),
            row![
                text_input(&crate::t!("details-overbook-placeholder"), &self.overbook)
                    .id("series-overbook")
                    .on_input(Message::Overbook),
                button(
                    text(match self.scope {
                        Scope::This => crate::t!("series-move-this"),
                        Scope::ThisAndFollowing => crate::t!("series-move-following"),
                    })
                    .size(13)
                )
                .on_press_maybe((!self.busy).then_some(Message::Move))
                .style(button::primary),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center),
            row![
                text_input(&crate::t!("series-reason-placeholder"), &self.reason)
                    .id("series-reason")
                    .on_input(Message::Reason),
                pick_list(by, chosen_by, Message::By).text_size(13),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center),
            row![
                iced::widget::space::horizontal(),
                button(
                    text(match self.scope {
                        Scope::This => crate::t!("series-cancel-this"),
                        Scope::ThisAndFollowing => crate::t!("series-cancel-following"),
                    })
                    .size(13)
                )
                .on_press_maybe((!self.busy).then_some(Message::Cancel))
                .style(button::danger),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center),
        ]
        .spacing(8);
        if self.scope == Scope::ThisAndFollowing {
            section = section.push(text(crate::t!("series-following-note")).size(11.5));
        }
        if let Some(done) = &self.done {
            section = section.push(text(done.as_str()).size(12.5));
        }
        if let Some(e) = &self.error {
            section = section.push(widget::error_text(e));
        }
        Some(container(section).width(Length::Fill).into())
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
