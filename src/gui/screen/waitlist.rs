//! The waitlist page: everyone waiting for an earlier slot, best first, with how long each has
//! waited, what they wait for and what they already hold; edit, put back to waiting, remove
//! (with a confirm); and the form beside it to add or change an entry.

use iced::widget::{button, checkbox, column, container, row, rule, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::waitlist_form::{self, Form, priority_label, sentence};
use crate::gui::backend::UiError;
use crate::gui::widget;
use crate::scheduling::time::format_local;
use crate::scheduling::waitlist::{WaitStatus, WaitlistEntryId, waited};
use crate::store::{WaitlistFilter, WaitlistRow};

/// Width of the form beside the list.
const FORM_WIDTH: f32 = 420.0;

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The entries shown, best first.
    pub rows: Vec<WaitlistRow>,
    show_all: bool,
    loading: bool,
    generation: u64,
    /// The add / change form.
    pub form: Form,
    removing: Option<WaitlistEntryId>,
    remove_reason: String,
    error: Option<UiError>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// The entries arrived for the load of that generation.
    Loaded(u64, Result<Vec<WaitlistRow>, UiError>),
    /// Show booked and removed entries too, or only those waiting.
    ShowAll(bool),
    /// Change an entry in the form.
    Edit(WaitlistEntryId),
    /// Remove was pressed: ask to confirm.
    AskRemove(WaitlistEntryId),
    /// The reason for removing changed.
    RemoveReason(String),
    /// Removing was confirmed.
    ConfirmRemove,
    /// Removing was called off.
    KeepEntry,
    /// An offered patient goes back to waiting (the offer came to nothing).
    BackToWaiting(WaitlistEntryId),
    /// A removal or a return to waiting was stored or refused.
    Done(Result<String, UiError>),
    /// A message for the form.
    Form(waitlist_form::Message),
}

/// What the page tells the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// A change was stored; this is what to say.
    Notice(String),
}

/// Opens the page and asks for the entries.
pub fn open(ctx: &Context<'_>) -> (State, Task<Message>) {
    let mut state = State {
        rows: Vec::new(),
        show_all: false,
        loading: false,
        generation: 0,
        form: Form::new(ctx),
        removing: None,
        remove_reason: String::new(),
        error: None,
    };
    let task = state.load(ctx);
    (state, task)
}

impl State {
    fn load(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.generation += 1;
        self.loading = true;
        let generation = self.generation;
        let filter = if self.show_all {
            WaitlistFilter::All
        } else {
            WaitlistFilter::Open
        };
        let clinic = ctx.clinic.id;
        let load = ctx.backend.run(move |s| s.waitlist(clinic, filter));
        Task::perform(load, move |r| Message::Loaded(generation, r))
    }

    /// Asks for the entries again (after a booking from the waitlist, say).
    pub fn refresh(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.load(ctx)
    }

    /// Handles a message; returns work to run and, after a change, an event for the app.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, result) => {
                if generation == self.generation {
                    self.loading = false;
                    match result {
                        Ok(rows) => self.rows = rows,
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::ShowAll(on) => {
                self.show_all = on;
                return (self.load(ctx), None);
            }
            Message::Edit(id) => {
                if let Some(row) = self.rows.iter().find(|r| r.entry.id == id) {
                    let (form, task) = Form::editing(ctx, row);
                    self.form = form;
                    return (task.map(Message::Form), None);
                }
            }
            Message::AskRemove(id) => {
                self.removing = Some(id);
                self.remove_reason.clear();
            }
            Message::RemoveReason(r) => self.remove_reason = r,
            Message::KeepEntry => self.removing = None,
            Message::ConfirmRemove => {
                if let Some(id) = self.removing.take() {
                    let name = self.name(id);
                    let reason = self.remove_reason.trim().to_owned();
                    let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                    let work = ctx
                        .backend
                        .run(move |s| s.remove_from_waitlist(id, &reason, &actor, now));
                    let done = move |r: Result<(), UiError>| {
                        Message::Done(r.map(|()| crate::t!("waitlist-removed", name = name)))
                    };
                    return (Task::perform(work, done), None);
                }
            }
            Message::BackToWaiting(id) => {
                let name = self.name(id);
                let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                let work = ctx.backend.run(move |s| {
                    s.decline_waitlist_offer(id, "offer withdrawn at the desk", &actor, now)
                });
                let done = move |r: Result<(), UiError>| {
                    Message::Done(r.map(|()| crate::t!("waitlist-waiting-again", name = name)))
                };
                return (Task::perform(work, done), None);
            }
            Message::Done(result) => match result {
                Ok(notice) => {
                    self.error = None;
                    return (self.load(ctx), Some(Event::Notice(notice)));
                }
                Err(e) => self.error = Some(sentence(&e)),
            },
            Message::Form(m) => {
                let (task, event) = self.form.update(m, ctx);
                let task = task.map(Message::Form);
                if let Some(waitlist_form::Event::Saved(row, edited)) = event {
                    let name = crate::text::isolate(&row.patient_name);
                    let notice = if edited {
                        crate::t!("waitlist-changed", name = name)
                    } else {
                        crate::t!("waitlist-added", name = name)
                    };
                    return (
                        Task::batch([task, self.load(ctx)]),
                        Some(Event::Notice(notice)),
                    );
                }
                return (task, None);
            }
        }
        (Task::none(), None)
    }

    fn name(&self, id: WaitlistEntryId) -> String {
        self.rows
            .iter()
            .find(|r| r.entry.id == id)
            .map(|r| r.patient_name.clone())
            .unwrap_or_else(|| crate::t!("waitlist-the-patient"))
    }

    /// The page: the list and the form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let open = self
            .rows
            .iter()
            .filter(|r| r.entry.status.is_open())
            .count();
        let mut list = column![
            row![
                widget::heading(crate::t!("waitlist-title", count = open)),
                iced::widget::space::horizontal(),
                checkbox(self.show_all)
                    .label(crate::t!("waitlist-show-all"))
                    .on_toggle(Message::ShowAll)
                    .size(15)
                    .text_size(13),
            ]
            .align_y(iced::Alignment::Center),
            text(crate::t!("waitlist-about")).size(12),
        ]
        .spacing(8);
        if let Some(e) = &self.error {
            list = list.push(widget::error_text(e));
        }
        if self.rows.is_empty() && !self.loading {
            list = list.push(text(crate::t!("waitlist-nobody")).size(13));
        }
        for r in &self.rows {
            list = list.push(self.card(r, ctx));
        }
        row![
            scrollable(list.padding(14)).width(Length::Fill),
            container(scrollable(self.form.view(ctx).map(Message::Form)))
                .padding(14)
                .width(Length::Fixed(FORM_WIDTH))
                .height(Length::Fill)
                .style(container::bordered_box),
        ]
        .height(Length::Fill)
        .into()
    }

    fn card<'a>(&'a self, r: &'a WaitlistRow, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let e = &r.entry;
        let q = &e.request;
        let status = match e.status {
            WaitStatus::Waiting => crate::t!(
                "waitlist-status-waiting",
                waited = waited(e.created_at, ctx.now)
            ),
            WaitStatus::Offered => crate::t!(
                "waitlist-status-offered",
                waited = waited(e.created_at, ctx.now)
            ),
            WaitStatus::Booked => crate::t!("waitlist-status-booked"),
            WaitStatus::Removed => crate::t!("waitlist-status-removed"),
        };
        let what = crate::t!(
            "waitlist-card-what",
            doctor = r
                .doctor_name
                .clone()
                .unwrap_or_else(|| crate::t!("waitlist-any-doctor")),
            visit = r
                .visit_type_name
                .clone()
                .unwrap_or_else(|| crate::t!("waitlist-visit")),
            minutes = q.minutes.to_string(),
            preferred = q.preferred.to_string()
        );
        let mut extra = vec![crate::t!(
            "waitlist-card-priority",
            priority = priority_label(q.priority).to_lowercase()
        )];
        if let Some(h) = &r.held {
            extra.push(if h.status.holds_time() {
                crate::t!(
                    "waitlist-card-holds",
                    start = format_local(zone, h.start),
                    doctor = h.doctor_name.as_str()
                )
            } else {
                crate::t!(
                    "waitlist-card-held",
                    start = format_local(zone, h.start),
                    status = h.status.label()
                )
            });
        }
        extra.push(crate::t!(
            "waitlist-card-added-by",
            name = e.created_by.as_str()
        ));
        if !q.notes.is_empty() {
            extra.push(format!("“{}”", q.notes));
        }
        let mut actions = row![].spacing(6);
        if e.status.is_open() {
            actions = actions.push(
                button(text(crate::t!("waitlist-edit")).size(12))
                    .on_press(Message::Edit(e.id))
                    .style(button::secondary),
            );
            if e.status == WaitStatus::Offered {
                actions = actions.push(
                    button(text(crate::t!("waitlist-back-to-waiting")).size(12))
                        .on_press(Message::BackToWaiting(e.id))
                        .style(button::secondary),
                );
            }
            actions = actions.push(
                button(text(crate::t!("waitlist-remove")).size(12))
                    .on_press(Message::AskRemove(e.id))
                    .style(button::danger),
            );
        }
        let mut card = column![
            row![
                text(format!(
                    "{} · {}",
                    crate::text::isolate(&r.patient_name),
                    r.patient_phone
                ))
                .size(15),
                iced::widget::space::horizontal(),
                text(status).size(13),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            text(what).size(13),
            text(extra.join(" · ")).size(12),
            actions,
        ]
        .spacing(4);
        if self.removing == Some(e.id) {
            card = card.push(rule::horizontal(1)).push(
                row![
                    text_input(&crate::t!("waitlist-why"), &self.remove_reason)
                        .id("waitlist-remove-reason")
                        .on_input(Message::RemoveReason)
                        .on_submit(Message::ConfirmRemove),
                    button(text(crate::t!("waitlist-yes-remove")).size(12))
                        .on_press(Message::ConfirmRemove)
                        .style(button::danger),
                    button(text(crate::t!("waitlist-keep")).size(12))
                        .on_press(Message::KeepEntry)
                        .style(button::secondary),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            );
        }
        container(card)
            .padding(10)
            .width(Length::Fill)
            .style(container::bordered_box)
            .into()
    }
}
