//! The details panel of one appointment: every field, only the status actions its state allows
//! (cancel and entered-in-error ask for a reason), a move form, its series (`occurrence.rs`:
//! change this occurrence or the following ones), and its audit history.

use crate::gui::choice_keys::pick_list;
use iced::widget::{button, column, container, row, rule, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::{Context, Undoable, occurrence};

mod facts;
pub mod language;
use crate::gui::backend::UiError;
use crate::gui::fields;
use crate::gui::widget::{self, Choice};
use crate::scheduling::*;
use crate::store::{AgendaEntry, AuditEvent, Edit, MoveRequest, Start};

/// An appointment with its history, as read (or why it could not be).
pub type Read = Result<Box<(AgendaEntry, Vec<AuditEvent>)>, UiError>;

/// The panel's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The appointment shown.
    pub id: AppointmentId,
    entry: Option<AgendaEntry>,
    history: Vec<AuditEvent>,
    reason: String,
    by: CancelledBy,
    move_date: String,
    move_time: String,
    move_doctor: Option<DoctorId>,
    overbook_reason: String,
    busy: bool,
    /// The number of the latest read again ([`Message::Refreshed`]).
    reads: u64,
    error: Option<UiError>,
    /// The part of the panel the error is about, so it shows where the button was pressed.
    error_at: Part,
    /// What the change under way will have done, for undo.
    pending: Option<Undoable>,
    edit: Edit,
    series: occurrence::State,
    /// The patient's language for reminders.
    language: language::State,
    /// The appointment's self check-in code, once read.
    check_in_code: Option<String>,
}

/// A part of the panel with buttons of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Part {
    /// The status buttons and the cancel reason.
    #[default]
    Status,
    /// The move form.
    Move,
    /// The edit form.
    Edit,
}

/// What happens in the panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// The appointment and its history arrived.
    Loaded(Read),
    /// The appointment and its history, read again (read number so-and-so) after the database
    /// changed (perhaps at another desk): what is shown follows it, what was typed stays. An
    /// answer to an earlier read than the latest is dropped: reads may finish out of order.
    Refreshed(u64, Read),
    /// A status action was pressed.
    Act(ActionKind),
    /// The cancel / error reason changed.
    Reason(String),
    /// Who cancels was chosen.
    By(Choice<CancelledBy>),
    /// The move date changed.
    MoveDate(String),
    /// The move time changed.
    MoveTime(String),
    /// The move doctor was chosen.
    MoveDoctor(Choice<DoctorId>),
    /// The overbook reason for the move changed.
    OverbookReason(String),
    /// Move was pressed.
    Move,
    /// The reason being edited changed.
    EditReason(String),
    /// The notes being edited changed.
    EditNotes(String),
    /// The mode was chosen.
    EditMode(Choice<Mode>),
    /// The meeting link being edited changed.
    EditLink(String),
    /// "Save changes" was pressed.
    SaveEdit,
    /// A change was stored or refused.
    Done(Result<(), UiError>),
    /// The panel was closed.
    Close,
    /// A message for the series section.
    Series(occurrence::Message),
    /// "Join" was pressed: open the meeting link in the browser.
    Join,
    /// The browser was opened, or could not be.
    Opened(Result<(), UiError>),
    /// "Doctor joined" or "Patient joined" was pressed.
    Joined(crate::store::Joiner),
    /// A message for the patient's language line.
    Language(language::Message),
    /// The appointment's self check-in code was read (or could not be: then none is shown).
    CheckInCode(Result<String, UiError>),
}

/// The status actions, as buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// Confirm.
    Confirm,
    /// Check in.
    CheckIn,
    /// Call the patient from the waiting room (again, when already called).
    Call,
    /// The called patient did not come: back to the queue, or a no-show after the clinic's
    /// number of calls.
    NotHere,
    /// Start the consultation.
    Start,
    /// Complete.
    Complete,
    /// Mark no-show.
    NoShow,
    /// Cancel (needs a reason).
    Cancel,
    /// Mark entered in error (needs a reason).
    EnteredInError,
}

impl ActionKind {
    const ALL: [ActionKind; 9] = [
        ActionKind::Confirm,
        ActionKind::CheckIn,
        ActionKind::Call,
        ActionKind::NotHere,
        ActionKind::Start,
        ActionKind::Complete,
        ActionKind::NoShow,
        ActionKind::Cancel,
        ActionKind::EnteredInError,
    ];

    fn action(self, reason: &str, by: CancelledBy) -> StatusAction {
        match self {
            ActionKind::Confirm => StatusAction::Confirm,
            ActionKind::CheckIn => StatusAction::CheckIn,
            ActionKind::Call => StatusAction::Call,
            // Whether it is a no-show is the store's to say (the clinic's number of calls);
            // what the lifecycle allows is the same.
            ActionKind::NotHere => StatusAction::BackToQueue,
            ActionKind::Start => StatusAction::Start,
            ActionKind::Complete => StatusAction::Complete,
            ActionKind::NoShow => StatusAction::NoShow,
            ActionKind::Cancel => StatusAction::Cancel {
                reason: reason.to_owned(),
                by,
            },
            ActionKind::EnteredInError => StatusAction::EnteredInError {
                reason: reason.to_owned(),
            },
        }
    }

    fn label(self) -> String {
        match self {
            ActionKind::Confirm => crate::t!("details-confirm"),
            ActionKind::CheckIn => crate::t!("details-check-in"),
            ActionKind::Call => crate::t!("details-call"),
            ActionKind::NotHere => crate::t!("details-not-here"),
            ActionKind::Start => crate::t!("details-start"),
            ActionKind::Complete => crate::t!("details-complete"),
            ActionKind::NoShow => crate::t!("details-no-show"),
            ActionKind::Cancel => crate::t!("details-cancel"),
            ActionKind::EnteredInError => crate::t!("details-entered-in-error"),
        }
    }
}

/// Who cancels, in words (the details panel's choice and the series section's).
pub fn cancelled_by_choices() -> Vec<Choice<CancelledBy>> {
    vec![
        Choice::new(CancelledBy::Patient, crate::t!("details-by-patient")),
        Choice::new(CancelledBy::Clinic, crate::t!("details-by-clinic")),
    ]
}

/// Ask for the details of `id`.
pub fn load(ctx: &Context<'_>, id: AppointmentId) -> (State, Task<Message>) {
    let (series, series_task) = occurrence::load(ctx, id);
    let state = State {
        id,
        entry: None,
        history: Vec::new(),
        reason: String::new(),
        by: CancelledBy::Patient,
        move_date: String::new(),
        move_time: String::new(),
        move_doctor: None,
        overbook_reason: String::new(),
        busy: true,
        reads: 0,
        error: None,
        error_at: Part::Status,
        pending: None,
        edit: Edit {
            reason: String::new(),
            notes: String::new(),
            mode: Mode::InClinic,
            meeting_link: String::new(),
        },
        series,
        language: language::State::default(),
        check_in_code: None,
    };
    let code = Task::perform(
        ctx.backend.run(move |s| s.check_in_code(id)),
        Message::CheckInCode,
    );
    (
        state,
        Task::batch([
            read(ctx, id, Message::Loaded),
            series_task.map(Message::Series),
            code,
        ]),
    )
}

/// Reads the appointment with its history, under one lock.
fn read(
    ctx: &Context<'_>,
    id: AppointmentId,
    done: impl Fn(Read) -> Message + Send + 'static,
) -> Task<Message> {
    let task = ctx
        .backend
        .run(move |s| Ok((s.appointment(id)?, s.history(id)?)));
    Task::perform(task, move |r| done(r.map(Box::new)))
}

/// The form fields as they start for `entry`: the move form's date, time and doctor, and the
/// edit form.
fn fields_of(entry: &AgendaEntry, zone: chrono_tz::Tz) -> (String, String, Option<DoctorId>, Edit) {
    let local = entry.appointment.interval.start.with_timezone(&zone);
    let a = &entry.appointment;
    (
        local.format("%Y-%m-%d").to_string(),
        local.format("%H:%M").to_string(),
        Some(a.doctor),
        Edit {
            reason: a.reason.clone(),
            notes: a.notes.clone(),
            mode: a.mode,
            meeting_link: a.meeting_link.clone(),
        },
    )
}

/// `field` follows `fresh` when it still holds what it started as (`was`): a field someone
/// typed in keeps what they typed.
fn follow<T: PartialEq>(field: &mut T, was: T, fresh: T) {
    if *field == was {
        *field = fresh;
    }
}

/// What the panel tells its parent.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Something changed (and how to undo it); reload the calendar.
    Changed(Option<Undoable>),
    /// Closed.
    Closed,
}

impl State {
    /// The actions allowed now (as the core's lifecycle and the clock allow).
    fn allowed(&self, now: chrono::DateTime<chrono::Utc>) -> Vec<ActionKind> {
        let Some(e) = &self.entry else {
            return Vec::new();
        };
        ActionKind::ALL
            .into_iter()
            .filter(|k| status::apply(&e.appointment, &k.action("a reason", self.by), now).is_ok())
            .collect()
    }

    /// Why an action is not allowed now (the core's lifecycle, in words), or `None`.
    fn why_not(&self, kind: ActionKind, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
        let e = self.entry.as_ref()?;
        status::apply(&e.appointment, &kind.action("a reason", self.by), now)
            .err()
            .map(|e| e.to_string())
    }

    /// True while a change to the appointment is being stored (a status, a move, an edit, a
    /// video visit joined): the panel is not closed or replaced until the store answered.
    pub fn storing(&self) -> bool {
        self.busy && self.entry.is_some()
    }

    /// The appointment as shown (`None` before its first read arrived).
    pub fn shown(&self) -> Option<&AgendaEntry> {
        self.entry.as_ref()
    }

    /// Reads the appointment, its history and its series again (the database changed), keeping
    /// what was typed; see [`Message::Refreshed`].
    pub fn read_again(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.reads = self.reads.wrapping_add(1);
        let number = self.reads;
        Task::batch([
            read(ctx, self.id, move |r| Message::Refreshed(number, r)),
            self.series.read_again(ctx, self.id).map(Message::Series),
        ])
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(result) => {
                self.busy = false;
                match result.map(|b| *b) {
                    Ok((entry, history)) => {
                        let (date, time, doctor, edit) = fields_of(&entry, ctx.clinic.time_zone);
                        self.move_date = date;
                        self.move_time = time;
                        self.move_doctor = doctor;
                        self.edit = edit;
                        let patient = entry.appointment.patient;
                        self.entry = Some(entry);
                        self.history = history;
                        let read = self.language.read(ctx, patient);
                        return (read.map(Message::Language), None);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Refreshed(number, result) => {
                // While a change is stored, or before the first read, the answer to come is
                // newer than this one; so is a later read's.
                if self.busy || number != self.reads {
                    return (Task::none(), None);
                }
                // A failed read keeps what is shown (the status line says when the database
                // cannot be reached).
                if let (Ok(fresh), Some(old)) = (result, &self.entry) {
                    let (entry, history) = *fresh;
                    let zone = ctx.clinic.time_zone;
                    let (date, time, doctor, edit) = fields_of(old, zone);
                    let (new_date, new_time, new_doctor, new_edit) = fields_of(&entry, zone);
                    follow(&mut self.move_date, date, new_date);
                    follow(&mut self.move_time, time, new_time);
                    follow(&mut self.move_doctor, doctor, new_doctor);
                    follow(&mut self.edit.reason, edit.reason, new_edit.reason);
                    follow(&mut self.edit.notes, edit.notes, new_edit.notes);
                    follow(&mut self.edit.mode, edit.mode, new_edit.mode);
                    follow(
                        &mut self.edit.meeting_link,
                        edit.meeting_link,
                        new_edit.meeting_link,
                    );
                    let patient = entry.appointment.patient;
                    self.entry = Some(entry);
                    self.history = history;
                    let read = self.language.read(ctx, patient);
                    return (read.map(Message::Language), None);
                }
            }
            Message::Language(message) => {
                let task = self.language.update(message, ctx);
                return (task.map(Message::Language), None);
            }
            Message::CheckInCode(result) => self.check_in_code = result.ok(),
            Message::Act(kind) => {
                let needs_reason = matches!(kind, ActionKind::Cancel | ActionKind::EnteredInError);
                self.error_at = Part::Status;
                if needs_reason && self.reason.trim().is_empty() {
                    self.error = Some(if kind == ActionKind::Cancel {
                        crate::t!("details-reason-needed-cancel")
                    } else {
                        crate::t!("details-reason-needed-error")
                    });
                    return (iced::widget::operation::focus("details-reason"), None);
                }
                self.busy = true;
                self.error = None;
                // "Not here" may end in the queue or as a no-show: nothing to undo by hand.
                self.pending = self
                    .entry
                    .as_ref()
                    .filter(|_| kind != ActionKind::NotHere)
                    .map(|e| Undoable::Status {
                        before: Box::new(e.appointment.clone()),
                        after: kind.action("", self.by).target(),
                    });
                let action = kind.action(&self.reason, self.by);
                let (id, actor, now) = (self.id, ctx.actor.to_owned(), ctx.now);
                let backend = &ctx.backend;
                let task = match kind {
                    ActionKind::Call => Task::perform(
                        backend.run(move |s| s.call_patient(id, &actor, now).map(drop)),
                        Message::Done,
                    ),
                    ActionKind::NotHere => Task::perform(
                        backend.run(move |s| s.not_here(id, &actor, now).map(drop)),
                        Message::Done,
                    ),
                    _ => Task::perform(
                        backend.run(move |s| s.change_status(id, &action, &actor, now).map(drop)),
                        Message::Done,
                    ),
                };
                return (task, None);
            }
            Message::Reason(r) => self.reason = r,
            Message::By(c) => self.by = c.value,
            Message::MoveDate(d) => self.move_date = d,
            Message::MoveTime(t) => self.move_time = t,
            Message::MoveDoctor(c) => self.move_doctor = Some(c.value),
            Message::OverbookReason(r) => self.overbook_reason = r,
            Message::EditReason(r) => self.edit.reason = r,
            Message::EditNotes(n) => self.edit.notes = n,
            Message::EditMode(c) => self.edit.mode = c.value,
            Message::EditLink(l) => self.edit.meeting_link = l,
            Message::SaveEdit => {
                self.busy = true;
                self.error = None;
                self.error_at = Part::Edit;
                self.pending = None;
                let (id, edit) = (self.id, self.edit.clone());
                let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                let task = ctx.backend.run(move |s| s.edit(id, &edit, &actor, now));
                return (Task::perform(task, |r| Message::Done(r.map(|_| ()))), None);
            }
            Message::Move => {
                self.error_at = Part::Move;
                let unreadable = || crate::t!("details-move-unreadable");
                let start =
                    fields::date(&crate::t!("details-new-date"), &self.move_date, unreadable)
                        .and_then(|date| {
                            fields::clock(
                                &crate::t!("details-new-time"),
                                &self.move_time,
                                unreadable,
                            )
                            .map(|time| date.and_time(time))
                        });
                let start = match start {
                    Ok(start) => start,
                    Err(message) => {
                        self.error = Some(message);
                        return (Task::none(), None);
                    }
                };
                let request = MoveRequest {
                    appointment: self.id,
                    start: Start::Local(start),
                    doctor: self.move_doctor,
                    room: None,
                    overbook: Some(self.overbook_reason.clone()).filter(|r| !r.trim().is_empty()),
                };
                self.busy = true;
                self.error = None;
                self.pending = self
                    .entry
                    .as_ref()
                    .map(|e| Undoable::Moved(Box::new(e.appointment.clone())));
                let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                let task = ctx
                    .backend
                    .run(move |s| s.move_appointment(&request, &actor, now));
                return (Task::perform(task, |r| Message::Done(r.map(|_| ()))), None);
            }
            Message::Done(result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        self.reason.clear();
                        self.overbook_reason.clear();
                        let undo = self.pending.take();
                        let (fresh, task) = load(ctx, self.id);
                        *self = fresh;
                        return (task, Some(Event::Changed(undo)));
                    }
                    Err(e) => {
                        self.pending = None;
                        self.error = Some(e);
                    }
                }
            }
            // A change being stored keeps the panel: its answer reloads the grid and records
            // the undo, and would be dropped with the panel.
            Message::Close if self.storing() => {}
            Message::Close => return (Task::none(), Some(Event::Closed)),
            Message::Series(m) => {
                let (task, event) = self.series.update(m, self.id, ctx);
                if let Some(occurrence::Event::Changed(what)) = event {
                    let (mut fresh, task) = load(ctx, self.id);
                    fresh.series.done = Some(what);
                    *self = fresh;
                    return (task, Some(Event::Changed(None)));
                }
                return (task.map(Message::Series), None);
            }
            Message::Join => {
                if let Some(e) = &self.entry {
                    return (super::video::join(&e.appointment.meeting_link), None);
                }
            }
            Message::Opened(result) => {
                self.error_at = Part::Status;
                self.error = result.err();
            }
            Message::Joined(who) => {
                self.busy = true;
                self.pending = None;
                return (super::video::joined(ctx, self.id, who), None);
            }
        }
        (Task::none(), None)
    }

    /// The error, when it is about `part`: shown under that part's buttons.
    fn error_in(&self, part: Part) -> Option<Element<'_, Message>> {
        self.error
            .as_ref()
            .filter(|_| self.error_at == part)
            .map(|e| widget::error_text(e))
    }

    /// The panel.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let Some(e) = &self.entry else {
            let body: Element<'_, Message> = match &self.error {
                Some(err) => widget::error_text(err),
                None => text(crate::t!("details-loading")).into(),
            };
            return column![
                body,
                button(text(crate::t!("details-close"))).on_press(Message::Close)
            ]
            .spacing(10)
            .padding(14)
            .into();
        };
        let a = &e.appointment;
        let facts = facts::facts(
            e,
            &self.history,
            zone,
            self.busy,
            self.check_in_code.as_deref(),
        );
        let allowed = self.allowed(ctx.now);
        // Every action in a fixed place, in two fixed rows: one not allowed now is disabled
        // (its tooltip says why), so the buttons never move as the appointment goes through
        // its steps.
        let action_button = |k: ActionKind| -> Element<'a, Message> {
            let style = match k {
                ActionKind::Cancel | ActionKind::EnteredInError | ActionKind::NoShow => {
                    button::danger
                }
                _ => button::primary,
            };
            let enabled = allowed.contains(&k) && !self.busy;
            let label = if k == ActionKind::Call && a.status == Status::Called {
                crate::t!("details-call-again")
            } else {
                k.label()
            };
            let b = button(text(label).size(12.5).width(Length::Fill).center())
                .padding([3, 4])
                .width(Length::FillPortion(if k == ActionKind::EnteredInError {
                    2
                } else {
                    1
                }))
                .on_press_maybe(enabled.then_some(Message::Act(k)))
                .style(style);
            match self.why_not(k, ctx.now) {
                Some(why) => iced::widget::tooltip(
                    b,
                    container(text(why).size(12))
                        .padding(6)
                        .max_width(260)
                        .style(container::bordered_box),
                    iced::widget::tooltip::Position::Bottom,
                )
                .into(),
                None => b.into(),
            }
        };
        // Starting and completing a consultation are the nurse's: other roles do not see them.
        let consults = ctx.may(crate::scheduling::permission::Action::StartOrComplete);
        let kinds: Vec<ActionKind> = ActionKind::ALL
            .into_iter()
            .filter(|k| consults || !matches!(k, ActionKind::Start | ActionKind::Complete))
            .collect();
        let split = kinds.len().div_ceil(2);
        let buttons = column![
            row(kinds[..split].iter().map(|k| action_button(*k))).spacing(4),
            row(kinds[split..].iter().map(|k| action_button(*k))).spacing(4),
        ]
        .spacing(4);
        let mut panel = column![
            row![
                widget::heading(e.patient_name.clone()),
                iced::widget::space::horizontal(),
                button(text(crate::t!("details-close")))
                    .on_press(Message::Close)
                    .style(button::secondary)
            ],
            buttons,
            rule::horizontal(1),
            facts,
        ]
        .spacing(10);
        if allowed.contains(&ActionKind::Cancel) || allowed.contains(&ActionKind::EnteredInError) {
            let by = cancelled_by_choices();
            let chosen = by.iter().find(|c| c.value == self.by).cloned();
            panel = panel.push(
                row![
                    text_input(&crate::t!("details-reason-placeholder"), &self.reason)
                        .id("details-reason")
                        .on_input(Message::Reason),
                    pick_list(by, chosen, Message::By)
                ]
                .spacing(6),
            );
        }
        if let Some(error) = self.error_in(Part::Status) {
            panel = panel.push(error);
        }
        if let Some(series) = self.series.view(ctx) {
            panel = panel.push(series.map(Message::Series));
        }
        if a.status.can_move() {
            let doctors: Vec<Choice<DoctorId>> = ctx
                .setup
                .doctors
                .iter()
                .filter(|(d, _)| d.active)
                .map(|(d, _)| Choice::new(d.id, d.name.clone()))
                .collect();
            let chosen = doctors
                .iter()
                .find(|c| Some(c.value) == self.move_doctor)
                .cloned();
            panel = panel
                .push(rule::horizontal(1))
                .push(text(crate::t!("details-move")).size(15))
                .push(
                    row![
                        text_input("YYYY-MM-DD", &self.move_date)
                            .id("details-move-date")
                            .on_input(Message::MoveDate),
                        text_input("HH:MM", &self.move_time)
                            .id("details-move-time")
                            .on_input(Message::MoveTime)
                            .width(Length::Fixed(70.0)),
                    ]
                    .spacing(6),
                );
            panel = panel
                .push(pick_list(doctors, chosen, Message::MoveDoctor).width(Length::Fill))
                .push(
                    row![
                        text_input(
                            &crate::t!("details-overbook-placeholder"),
                            &self.overbook_reason
                        )
                        .on_input(Message::OverbookReason),
                        button(text(crate::t!("details-move-appointment")))
                            .on_press_maybe((!self.busy).then_some(Message::Move))
                    ]
                    .spacing(6),
                );
            if let Some(error) = self.error_in(Part::Move) {
                panel = panel.push(error);
            }
        }
        if a.status != Status::EnteredInError {
            let modes = super::booking::mode_choices();
            let mode = modes.iter().find(|c| c.value == self.edit.mode).cloned();
            panel = panel
                .push(rule::horizontal(1))
                .push(text(crate::t!("details-edit")).size(15))
                .push(
                    text_input(&crate::t!("details-reason"), &self.edit.reason)
                        .id("details-edit-reason")
                        .on_input(Message::EditReason),
                )
                .push(
                    text_input(&crate::t!("details-notes-placeholder"), &self.edit.notes)
                        .id("details-edit-notes")
                        .on_input(Message::EditNotes),
                )
                .push(
                    row![
                        pick_list(modes, mode, Message::EditMode),
                        text_input(
                            &crate::t!("details-link-placeholder"),
                            &self.edit.meeting_link
                        )
                        .on_input(Message::EditLink),
                    ]
                    .spacing(6),
                )
                .push(
                    button(text(crate::t!("details-save-changes")))
                        .on_press_maybe((!self.busy).then_some(Message::SaveEdit)),
                );
            if let Some(error) = self.error_in(Part::Edit) {
                panel = panel.push(error);
            }
        }
        // The patient's language for reminders, under what is done to the appointment itself
        // (it is the patient's, for all their appointments).
        if let Some(language) = self.language.view() {
            panel = panel
                .push(rule::horizontal(1))
                .push(language.map(Message::Language));
        }
        let history = facts::history(&self.history, zone);
        panel = panel
            .push(rule::horizontal(1))
            .push(text(crate::t!("details-history")).size(15))
            .push(container(history).padding(4));
        scrollable(panel.padding(14)).into()
    }
}
