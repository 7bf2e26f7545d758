//! The Reminders page: the outbox (due, failed, sent, skipped, with the reasons), resend, "the
//! patient confirmed by phone", stop reminders for a patient, and two more sections: rules with
//! their templates, and the channels.

use chrono::{DateTime, Utc};
use iced::widget::{button, column, container, row, rule, scrollable, text};
use iced::{Element, Length, Task};

use super::{Context, reminder_channels, reminder_rules};
use crate::gui::backend::UiError;
use crate::gui::backend_reminders::OutboxPage;
use crate::gui::widget;
use crate::scheduling::reminder_job::{JobState, SkipReason};
use crate::scheduling::time::format_local;
use crate::scheduling::*;
use crate::store::{JobId, OutboxEntry, OutboxFilter};

/// The page's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The outbox.
    Outbox,
    /// Rules and their templates.
    Rules,
    /// SMTP, webhook and meeting links.
    Channels,
}

/// The page's state.
#[derive(Debug)]
pub struct State {
    /// The section shown.
    pub section: Section,
    /// The outbox state shown.
    pub filter: OutboxFilter,
    page: Option<OutboxPage>,
    loading: bool,
    error: Option<UiError>,
    notice: Option<String>,
    picked: Option<JobId>,
    /// The number of the latest read of the outbox ([`Message::Loaded`]).
    reads: u64,
    /// A send pass is running (the app says so).
    pub sending: bool,
    rules: reminder_rules::State,
    channels: reminder_channels::State,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// A section tab was pressed.
    Section(Section),
    /// An outbox tab (due, failed, sent, skipped) was pressed.
    Filter(OutboxFilter),
    /// The outbox arrived, for the read with this number; an answer to any read but the
    /// latest (another filter, or an earlier read finishing late) is dropped.
    Loaded(u64, Result<OutboxPage, UiError>),
    /// "Refresh".
    Refresh,
    /// "Send due reminders now".
    SendNow,
    /// "Resend" on a failed or sent reminder.
    Resend(JobId),
    /// "Confirmed by phone": the patient confirmed; mark the appointment confirmed.
    ConfirmedByPhone(AppointmentId),
    /// "No reminders": the patient asked for none.
    OptOut(PatientId, bool),
    /// "Open" the appointment on the calendar.
    Open(AppointmentId),
    /// A line was picked: show the message as sent.
    Pick(JobId),
    /// A change was stored (what to say), or refused.
    Done(Result<String, UiError>),
    /// A message for the rules section.
    Rules(reminder_rules::Message),
    /// A message for the channels section.
    Channels(reminder_channels::Message),
}

/// What the page tells the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Run a send pass now (the app runs it, as on its timer).
    SendNow,
    /// Show this appointment on the calendar.
    Open(AppointmentId),
    /// An appointment changed (confirmed): the calendar reloads.
    Changed,
}

/// The page, loading its outbox, rules and channels.
pub fn open(ctx: &Context<'_>) -> (State, Task<Message>) {
    let state = State {
        section: Section::Outbox,
        filter: OutboxFilter::Due,
        page: None,
        loading: true,
        error: None,
        notice: None,
        picked: None,
        reads: 0,
        sending: false,
        rules: reminder_rules::State::default(),
        channels: reminder_channels::State::default(),
    };
    let task = Task::batch([
        load(ctx, OutboxFilter::Due, 0),
        reminder_rules::load(ctx).map(Message::Rules),
        reminder_channels::load(ctx).map(Message::Channels),
    ]);
    (state, task)
}

/// Reads the outbox lines of `filter`, as read number `number`.
fn load(ctx: &Context<'_>, filter: OutboxFilter, number: u64) -> Task<Message> {
    let task = ctx.backend.clone().outbox(ctx.clinic.id, filter, ctx.now);
    Task::perform(task, move |r| Message::Loaded(number, r))
}

impl State {
    /// Reads the outbox lines of the filter shown, as a new read.
    fn load(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.reads = self.reads.wrapping_add(1);
        load(ctx, self.filter, self.reads)
    }

    /// Reloads the outbox (after a send pass).
    pub fn refresh(&mut self, ctx: &Context<'_>, notice: Option<String>) -> Task<Message> {
        self.sending = false;
        if notice.is_some() {
            self.notice = notice;
        }
        self.loading = true;
        self.load(ctx)
    }

    /// Reads the outbox again (the database changed), keeping the section, filter, choice and
    /// what the rules and channels forms hold.
    pub fn read_again(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.load(ctx)
    }

    /// The outbox lines shown.
    pub fn entries(&self) -> &[OutboxEntry] {
        self.page.as_ref().map_or(&[], |p| p.entries.as_slice())
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let backend = ctx.backend;
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        let task = match message {
            Message::Section(s) => {
                self.section = s;
                if s == Section::Outbox {
                    // Rules or channels may have changed: show the outbox as planned now.
                    self.loading = true;
                    self.load(ctx)
                } else {
                    Task::none()
                }
            }
            Message::Filter(f) => {
                self.filter = f;
                self.picked = None;
                self.loading = true;
                self.load(ctx)
            }
            Message::Loaded(number, result) => {
                if number == self.reads {
                    self.loading = false;
                    match result {
                        Ok(page) => self.page = Some(page),
                        Err(e) => self.error = Some(e),
                    }
                }
                Task::none()
            }
            Message::Refresh => self.refresh(ctx, None),
            Message::SendNow => {
                self.sending = true;
                self.error = None;
                return (Task::none(), Some(Event::SendNow));
            }
            Message::Resend(job) => {
                let work = backend.run(move |s| s.resend_reminder(job, &actor, now));
                Task::perform(work, move |r| {
                    Message::Done(r.map(|()| crate::t!("reminders-resent", job = job.to_string())))
                })
            }
            Message::ConfirmedByPhone(id) => {
                let work =
                    backend.run(move |s| s.change_status(id, &StatusAction::Confirm, &actor, now));
                Task::perform(work, |r| {
                    Message::Done(r.map(|_| crate::t!("reminders-confirmed-by-phone-done")))
                })
            }
            Message::OptOut(patient, out) => {
                // Recorded, then read back: the sentence says what the store now holds.
                let work = backend.run(move |s| {
                    s.set_reminder_opt_out(patient, out, &actor, now)?;
                    s.reminder_opt_out(patient)
                });
                Task::perform(work, move |r| {
                    Message::Done(r.map(|o| {
                        if o {
                            crate::t!("reminders-opted-out")
                        } else {
                            crate::t!("reminders-opted-in")
                        }
                    }))
                })
            }
            Message::Open(id) => return (Task::none(), Some(Event::Open(id))),
            Message::Pick(job) => {
                self.picked = (self.picked != Some(job)).then_some(job);
                Task::none()
            }
            Message::Done(result) => {
                match result {
                    Ok(said) => {
                        self.error = None;
                        self.notice = Some(said);
                    }
                    Err(e) => self.error = Some(e),
                }
                return (self.refresh(ctx, None), Some(Event::Changed));
            }
            Message::Rules(m) => self.rules.update(m, ctx).map(Message::Rules),
            Message::Channels(m) => self.channels.update(m, ctx).map(Message::Channels),
        };
        (task, None)
    }

    /// The page.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let tab = |label: String, on: bool, message: Message| -> Element<'a, Message> {
            button(text(label).size(13))
                .on_press(message)
                .style(if on {
                    button::primary
                } else {
                    button::secondary
                })
                .into()
        };
        let failed = self.page.as_ref().map_or(0, |p| p.failed);
        use crate::scheduling::permission::Action;
        // Rules and templates are the manager's; the channels (servers and their secrets)
        // the administrator's. Other roles see the outbox only.
        let mut sections = row![
            widget::heading(crate::t!("reminders-title")),
            tab(
                crate::t!("reminders-outbox"),
                self.section == Section::Outbox,
                Message::Section(Section::Outbox)
            ),
        ];
        if ctx.may(Action::Settings) {
            sections = sections.push(tab(
                crate::t!("reminders-rules-and-templates"),
                self.section == Section::Rules,
                Message::Section(Section::Rules),
            ));
        }
        if ctx.may(Action::ReminderChannels) {
            sections = sections.push(tab(
                crate::t!("reminders-channels"),
                self.section == Section::Channels,
                Message::Section(Section::Channels),
            ));
        }
        let sections = sections
            .push(iced::widget::space::horizontal())
            .push(
                text(if failed > 0 {
                    crate::t!("reminders-failed-count", count = failed)
                } else {
                    String::new()
                })
                .size(13)
                .color(iced::Color::from_rgb8(0xdc, 0x26, 0x26)),
            )
            .spacing(8)
            .align_y(iced::Alignment::Center);
        let body: Element<'a, Message> = match self.section {
            Section::Rules if ctx.may(Action::Settings) => self.rules.view(ctx).map(Message::Rules),
            Section::Channels if ctx.may(Action::ReminderChannels) => {
                self.channels.view(ctx).map(Message::Channels)
            }
            Section::Outbox | Section::Rules | Section::Channels => self.outbox(ctx),
        };
        let mut page = column![sections, rule::horizontal(1)].spacing(10);
        if let Some(e) = &self.error {
            page = page.push(widget::error_text(e));
        } else if let Some(n) = &self.notice {
            page = page.push(text(n).size(13));
        }
        container(page.push(body).height(Length::Fill))
            .padding([10, 16])
            .width(Length::Fill)
            .height(Length::Fill)
            .into()
    }

    fn outbox<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let filters = row(OutboxFilter::ALL.into_iter().map(|f| {
            let label = match (f, &self.page) {
                (OutboxFilter::Failed, Some(p)) if p.failed > 0 => {
                    crate::t!("reminders-filter-failed-count", count = p.failed)
                }
                _ => filter_label(f),
            };
            button(text(label).size(13))
                .on_press(Message::Filter(f))
                .style(if f == self.filter {
                    button::primary
                } else {
                    button::text
                })
                .into()
        }))
        .spacing(4);
        let send = button(
            text(if self.sending {
                crate::t!("reminders-sending")
            } else {
                crate::t!("reminders-send-now")
            })
            .size(13),
        )
        .on_press_maybe((!self.sending).then_some(Message::SendNow))
        .style(button::success);
        let bar = row![
            filters,
            iced::widget::space::horizontal(),
            button(text(crate::t!("reminders-refresh")).size(13))
                .on_press(Message::Refresh)
                .style(button::secondary),
            send,
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        let heading = row![
            text(match self.filter {
                OutboxFilter::Due => crate::t!("reminders-column-goes-out"),
                OutboxFilter::Sent => crate::t!("reminders-column-sent"),
                _ => crate::t!("reminders-column-was-due"),
            })
            .size(12)
            .width(Length::Fixed(130.0)),
            text(crate::t!("reminders-column-patient"))
                .size(12)
                .width(Length::Fixed(220.0)),
            text(crate::t!("reminders-column-appointment"))
                .size(12)
                .width(Length::Fixed(230.0)),
            text(crate::t!("reminders-column-rule"))
                .size(12)
                .width(Length::Fixed(150.0)),
            text(crate::t!("reminders-column-state"))
                .size(12)
                .width(Length::Fill),
        ]
        .spacing(10);
        let entries = self.entries();
        let list: Element<'a, Message> = if entries.is_empty() {
            text(if self.loading {
                crate::t!("reminders-loading")
            } else {
                nothing_in(self.filter)
            })
            .size(13)
            .into()
        } else {
            column(entries.iter().map(|e| self.line(e, zone, ctx.now)))
                .spacing(6)
                // Room for the scroll bar, so no text runs under it.
                .padding(iced::Padding {
                    right: 16.0,
                    ..iced::Padding::ZERO
                })
                .into()
        };
        column![
            bar,
            heading,
            rule::horizontal(1),
            scrollable(list).height(Length::Fill)
        ]
        .spacing(8)
        .into()
    }

    fn line<'a>(
        &'a self,
        e: &'a OutboxEntry,
        zone: chrono_tz::Tz,
        now: DateTime<Utc>,
    ) -> Element<'a, Message> {
        let j = &e.job;
        let when = match &j.state {
            JobState::Sent { at } => format_local(zone, *at),
            _ => format_local(zone, j.due),
        };
        let (state, colour) = state_words(e, now, zone);
        let small = |t: String| text(t).size(11.5);
        let mut actions = row![].spacing(4);
        let act = |label: String, m: Message| {
            button(text(label).size(11.5))
                .on_press(m)
                .padding([2, 6])
                .style(button::secondary)
        };
        if matches!(j.state, JobState::Failed { .. } | JobState::Sent { .. }) {
            actions = actions.push(act(crate::t!("reminders-resend"), Message::Resend(e.id)));
        }
        if e.status == Status::Scheduled && e.start > now {
            actions = actions.push(act(
                crate::t!("reminders-confirmed-by-phone"),
                Message::ConfirmedByPhone(j.appointment),
            ));
        }
        if j.state == JobState::Skipped(SkipReason::OptedOut) {
            actions = actions.push(act(
                crate::t!("reminders-send-again"),
                Message::OptOut(e.patient, false),
            ));
        } else if j.state.is_open() {
            actions = actions.push(act(
                crate::t!("reminders-no-reminders"),
                Message::OptOut(e.patient, true),
            ));
        }
        actions = actions.push(act(
            crate::t!("reminders-open"),
            Message::Open(j.appointment),
        ));
        if !e.body.is_empty() {
            actions = actions.push(act(
                if self.picked == Some(e.id) {
                    crate::t!("reminders-hide-text")
                } else {
                    crate::t!("reminders-text")
                },
                Message::Pick(e.id),
            ));
        }
        let line = row![
            small(when).width(Length::Fixed(130.0)),
            column![text(&e.patient_name).size(13), small(j.recipient.clone())]
                .width(Length::Fixed(220.0)),
            column![
                text(format!(
                    "{} · {}",
                    format_local(zone, e.start),
                    e.status.label()
                ))
                .size(13),
                small(e.doctor_name.clone())
            ]
            .width(Length::Fixed(230.0)),
            column![
                text(&e.rule_name).size(12.5),
                small(j.channel.label().to_owned())
            ]
            .width(Length::Fixed(150.0)),
            column![text(state).size(12.5).color(colour), actions]
                .spacing(3)
                .width(Length::Fill),
        ]
        .spacing(10);
        let mut block = column![line].spacing(4);
        if self.picked == Some(e.id) {
            block = block.push(
                container(
                    column![
                        text(crate::t!(
                            "reminders-subject-line",
                            subject = e.subject.as_str()
                        ))
                        .size(12.5),
                        text(&e.body).size(12.5)
                    ]
                    .spacing(4),
                )
                .padding(8)
                .width(Length::Fill)
                .style(container::bordered_box),
            );
        }
        block.push(rule::horizontal(1)).into()
    }
}

/// What a line's state says, and its colour.
fn state_words(e: &OutboxEntry, now: DateTime<Utc>, zone: chrono_tz::Tz) -> (String, iced::Color) {
    let grey = iced::Color::from_rgb8(0x6b, 0x72, 0x80);
    let red = iced::Color::from_rgb8(0xdc, 0x26, 0x26);
    let green = iced::Color::from_rgb8(0x16, 0xa3, 0x4a);
    let amber = iced::Color::from_rgb8(0xd9, 0x77, 0x06);
    match &e.job.state {
        JobState::Pending if e.job.due <= now => (crate::t!("reminders-state-due-now"), amber),
        JobState::Pending => (crate::t!("reminders-state-waiting"), grey),
        JobState::Sent { .. } => (crate::t!("reminders-state-sent"), green),
        JobState::Failed { error, retry_at } => (
            match retry_at {
                Some(t) => crate::t!(
                    "reminders-state-failed-retry",
                    attempts = e.job.attempts,
                    error = error.as_str(),
                    at = t.with_timezone(&zone).format("%H:%M").to_string()
                ),
                None => crate::t!(
                    "reminders-state-failed",
                    attempts = e.job.attempts,
                    error = error.as_str()
                ),
            },
            red,
        ),
        JobState::Skipped(reason) => (
            crate::t!(
                "reminders-state-skipped",
                reason = reason.explain(e.job.channel)
            ),
            grey,
        ),
    }
}

/// An outbox tab's words.
fn filter_label(filter: OutboxFilter) -> String {
    match filter {
        OutboxFilter::Due => crate::t!("reminders-filter-due"),
        OutboxFilter::Sent => crate::t!("reminders-filter-sent"),
        OutboxFilter::Failed => crate::t!("reminders-filter-failed"),
        OutboxFilter::Skipped => crate::t!("reminders-filter-skipped"),
    }
}

/// What an empty outbox tab says.
fn nothing_in(filter: OutboxFilter) -> String {
    match filter {
        OutboxFilter::Due => crate::t!("reminders-none-due"),
        OutboxFilter::Sent => crate::t!("reminders-none-sent"),
        OutboxFilter::Failed => crate::t!("reminders-none-failed"),
        OutboxFilter::Skipped => crate::t!("reminders-none-skipped"),
    }
}
