//! Doctors: the list, and a form per doctor with their details (name, specialty, colour,
//! active), their weekly hours at the clinic shown (several spans a day), and their leave.
//! Hours, leave or deactivation that strand booked appointments list them before saving.

use iced::widget::{button, checkbox, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::absences::Owner;
use super::absences::{self, Absences};
use super::guard::Guard;
use super::{Event, parts};
use crate::gui::backend::UiError;
use crate::gui::screen::Context;
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::hours_text::{parse_week, week_texts};
use crate::scheduling::setup_rules::*;
use crate::scheduling::*;
use crate::store::{AgendaEntry, Saved};

/// The doctors section.
#[derive(Debug, Clone, Default)]
pub struct State {
    form: Option<Box<Form>>,
}

/// One doctor's form (a new doctor has no hours or leave until saved).
#[derive(Debug, Clone)]
struct Form {
    id: DoctorId,
    new: bool,
    name: String,
    specialty: String,
    colour: String,
    active: bool,
    problems: Vec<Invalid>,
    guard: Guard<Doctor>,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
    hours: [String; 7],
    hours_problems: Vec<Invalid>,
    hours_guard: Guard<WeeklyHours>,
    hours_saving: bool,
    hours_notice: Option<String>,
    hours_error: Option<UiError>,
    leave: Option<Absences>,
}

/// What happens in the doctors section.
#[derive(Debug, Clone)]
pub enum Message {
    /// A doctor was chosen in the list.
    Select(DoctorId),
    /// "Add doctor" was pressed.
    New,
    /// The name changed.
    Name(String),
    /// The specialty changed.
    Specialty(String),
    /// The colour changed.
    Colour(String),
    /// Active was switched on or off.
    Active(bool),
    /// "Save doctor" was pressed.
    Save,
    /// The appointments a deactivation strands arrived (check generation).
    Checked(u64, Result<Vec<AgendaEntry>, UiError>),
    /// "Save anyway" for the details.
    SaveAnyway,
    /// The details were stored or refused.
    Saved(Result<Saved, UiError>),
    /// One weekday's hours changed (0 is Monday).
    Hours(usize, String),
    /// "Save hours" was pressed.
    SaveHours,
    /// The appointments new hours strand arrived (check generation).
    HoursChecked(u64, Result<Vec<AgendaEntry>, UiError>),
    /// "Save anyway" for the hours.
    SaveHoursAnyway,
    /// The hours were stored or refused.
    HoursSaved(Result<Saved, UiError>),
    /// A message for the leave editor.
    Leave(absences::Message),
    /// Open a stranded appointment on the calendar.
    Open(Box<AgendaEntry>),
}

impl Form {
    fn new(doctor: &Doctor, new: bool, ctx: &Context<'_>) -> (Self, Task<Message>) {
        let (leave, task) = if new {
            (None, Task::none())
        } else {
            let (editor, task) = Absences::new(Owner::Doctor(doctor.id), ctx.backend, ctx.now);
            (Some(editor), task.map(Message::Leave))
        };
        let form = Self {
            id: doctor.id,
            new,
            name: doctor.name.clone(),
            specialty: doctor.specialty.clone(),
            colour: doctor.colour.clone(),
            active: doctor.active,
            problems: Vec::new(),
            guard: Guard::default(),
            saving: false,
            notice: None,
            error: None,
            hours: week_texts(&ctx.setup.hours(doctor.id, ctx.clinic.id)),
            hours_problems: Vec::new(),
            hours_guard: Guard::default(),
            hours_saving: false,
            hours_notice: None,
            hours_error: None,
            leave,
        };
        (form, task)
    }

    /// The doctor as typed, or its problems.
    fn parsed(&self, ctx: &Context<'_>) -> Result<Doctor, Vec<Invalid>> {
        let doctor = Doctor {
            id: self.id,
            name: tidy_name(&self.name),
            specialty: self.specialty.trim().to_owned(),
            colour: self.colour.trim().to_lowercase(),
            active: self.active,
        };
        let all: Vec<Doctor> = ctx.setup.doctors.iter().map(|(d, _)| d.clone()).collect();
        let problems = doctor_problems(&doctor, &all);
        if problems.is_empty() {
            Ok(doctor)
        } else {
            Err(problems)
        }
    }

    fn store(&mut self, doctor: Doctor, ctx: &Context<'_>) -> Task<Message> {
        self.saving = true;
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        Task::perform(
            ctx.backend
                .run(move |s| s.save_doctor(&doctor, &actor, now)),
            Message::Saved,
        )
    }

    fn store_hours(&mut self, hours: WeeklyHours, ctx: &Context<'_>) -> Task<Message> {
        self.hours_saving = true;
        let (doctor, clinic) = (self.id, ctx.clinic.id);
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        Task::perform(
            ctx.backend
                .run(move |s| s.save_doctor_hours(doctor, clinic, &hours, &actor, now)),
            Message::HoursSaved,
        )
    }

    /// A detail changed: an unsaved check no longer applies.
    fn details_edited(&mut self) {
        self.guard.edited();
        self.notice = None;
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        let check = |change: SetupChange,
                     wrap: fn(u64, Result<Vec<AgendaEntry>, UiError>) -> Message,
                     generation: u64| {
            let now = ctx.now;
            Task::perform(
                ctx.backend.run(move |s| s.at_risk(&change, now)),
                move |r| wrap(generation, r),
            )
        };
        match message {
            Message::Name(t) => {
                self.name = t;
                self.details_edited();
            }
            Message::Specialty(t) => {
                self.specialty = t;
                self.details_edited();
            }
            Message::Colour(t) => {
                self.colour = t;
                self.details_edited();
            }
            Message::Active(on) => {
                self.active = on;
                self.details_edited();
            }
            // The list handles these; they never reach a form.
            Message::Select(_) | Message::New => return (Task::none(), None),
            Message::Save => {
                if self.saving || self.guard.checking {
                    return (Task::none(), None);
                }
                self.notice = None;
                self.error = None;
                match self.parsed(ctx) {
                    Err(problems) => {
                        self.problems = problems;
                        self.error = Some(parts::not_saved());
                    }
                    Ok(doctor) => {
                        self.problems.clear();
                        let was_active = ctx.setup.doctor(self.id).is_some_and(|d| d.active);
                        if was_active && !doctor.active {
                            let generation = self.guard.begin(doctor);
                            let change = SetupChange::DoctorInactive { doctor: self.id };
                            return (check(change, Message::Checked, generation), None);
                        }
                        return (self.store(doctor, ctx), None);
                    }
                }
            }
            Message::Checked(generation, Ok(entries)) => {
                let place = crate::t!("settings-stranded-doctor-inactive");
                if let Some(doctor) = self.guard.checked(generation, entries, place) {
                    return (self.store(doctor, ctx), None);
                }
            }
            Message::Checked(generation, Err(e)) => {
                self.guard.failed(generation);
                self.error = Some(e);
            }
            Message::SaveAnyway => {
                if let Some(doctor) = self.guard.anyway() {
                    return (self.store(doctor, ctx), None);
                }
            }
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(saved) => {
                        self.guard.saved();
                        self.notice = Some(parts::saved_words(saved, &tidy_name(&self.name)));
                        if self.new {
                            self.new = false;
                            let (editor, task) =
                                Absences::new(Owner::Doctor(self.id), ctx.backend, ctx.now);
                            self.leave = Some(editor);
                            return (task.map(Message::Leave), Some(Event::SetupChanged));
                        }
                        return (Task::none(), Some(Event::SetupChanged));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Hours(day, t) => {
                if let Some(h) = self.hours.get_mut(day) {
                    *h = t;
                }
                self.hours_guard.edited();
                self.hours_notice = None;
            }
            Message::SaveHours => {
                if self.hours_saving || self.hours_guard.checking {
                    return (Task::none(), None);
                }
                self.hours_notice = None;
                self.hours_error = None;
                match parse_week(&self.hours) {
                    Err(problems) => {
                        self.hours_problems = problems;
                        self.hours_error = Some(parts::not_saved());
                    }
                    Ok(hours) => {
                        self.hours_problems.clear();
                        // The days as read ("9 to 5" shows as 09:00–17:00).
                        self.hours = week_texts(&hours);
                        let change = SetupChange::DoctorHours {
                            doctor: self.id,
                            clinic: ctx.clinic.id,
                            hours: hours.clone(),
                        };
                        let generation = self.hours_guard.begin(hours);
                        return (check(change, Message::HoursChecked, generation), None);
                    }
                }
            }
            Message::HoursChecked(generation, Ok(entries)) => {
                let place = crate::t!("settings-stranded-outside-doctor-hours");
                if let Some(hours) = self.hours_guard.checked(generation, entries, place) {
                    return (self.store_hours(hours, ctx), None);
                }
            }
            Message::HoursChecked(generation, Err(e)) => {
                self.hours_guard.failed(generation);
                self.hours_error = Some(e);
            }
            Message::SaveHoursAnyway => {
                if let Some(hours) = self.hours_guard.anyway() {
                    return (self.store_hours(hours, ctx), None);
                }
            }
            Message::HoursSaved(result) => {
                self.hours_saving = false;
                match result {
                    Ok(saved) => {
                        self.hours_guard.saved();
                        self.hours_notice =
                            Some(parts::saved_words(saved, &crate::t!("settings-what-hours")));
                        return (Task::none(), Some(Event::SetupChanged));
                    }
                    Err(e) => self.hours_error = Some(e),
                }
            }
            Message::Leave(m) => {
                let Some(leave) = &mut self.leave else {
                    return (Task::none(), None);
                };
                let zone = ctx.clinic.time_zone;
                let (task, event) = leave.update(m, ctx.backend, zone, ctx.actor, ctx.now);
                let event = match event {
                    Some(absences::Event::Open(entry)) => Some(Event::Open(entry)),
                    Some(absences::Event::Saved) => Some(Event::Changed),
                    None => None,
                };
                return (task.map(Message::Leave), event);
            }
            Message::Open(entry) => return (Task::none(), Some(Event::Open(entry))),
        }
        (Task::none(), None)
    }

    fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let p = |f| parts::problem(&self.problems, f);
        let busy = self.saving || self.guard.checking;
        let mut details = column![
            row![
                parts::field(
                    crate::t!("settings-name"),
                    text_input(&crate::t!("settings-doctor-name-example"), &self.name)
                        .id("doctor-name")
                        .on_input(Message::Name),
                    p(Field::Name),
                ),
                parts::field(
                    crate::t!("settings-doctor-specialty"),
                    text_input(
                        &crate::t!("settings-doctor-specialty-example"),
                        &self.specialty
                    )
                    .id("doctor-specialty")
                    .on_input(Message::Specialty),
                    None,
                ),
            ]
            .spacing(10),
            row![
                parts::field(
                    crate::t!("settings-colour"),
                    row![
                        parts::swatch(&self.colour),
                        text_input("#3b82f6", &self.colour)
                            .id("doctor-colour")
                            .on_input(Message::Colour)
                    ]
                    .spacing(6)
                    .align_y(iced::Alignment::Center),
                    p(Field::Colour),
                ),
                column![
                    text(" ").size(12.5),
                    checkbox(self.active)
                        .label(crate::t!("settings-active-bookable"))
                        .on_toggle(Message::Active)
                        .size(16)
                        .text_size(13),
                ]
                .spacing(3)
                .width(Length::Fill),
            ]
            .spacing(10),
            button(
                text(if busy {
                    crate::t!("settings-saving")
                } else {
                    crate::t!("settings-doctor-save")
                })
                .size(13)
            )
            .on_press_maybe((!busy).then_some(Message::Save))
            .style(button::primary),
        ]
        .spacing(10);
        if let Some(s) = &self.guard.stranded {
            details = details.push(parts::stranded(s, zone, Message::Open, Message::SaveAnyway));
        }
        details = details.push(parts::outcome(&self.notice, &self.error));
        let title = if self.new {
            crate::t!("settings-doctor-new")
        } else {
            tidy_name(&self.name)
        };
        let mut col = column![
            text(title).size(18),
            parts::card(crate::t!("settings-details"), None, details)
        ]
        .spacing(14);
        if self.new {
            col = col.push(text(crate::t!("settings-doctor-save-first")).size(13));
            return col.into();
        }
        let hours_busy = self.hours_saving || self.hours_guard.checking;
        let mut hours = column![
            parts::hours_editor(&self.hours, &self.hours_problems, "doctor", Message::Hours),
            button(
                text(if hours_busy {
                    crate::t!("settings-checking")
                } else {
                    crate::t!("settings-doctor-save-hours")
                })
                .size(13)
            )
            .on_press_maybe((!hours_busy).then_some(Message::SaveHours))
            .style(button::primary),
        ]
        .spacing(10);
        if let Some(s) = &self.hours_guard.stranded {
            hours = hours.push(parts::stranded(
                s,
                zone,
                Message::Open,
                Message::SaveHoursAnyway,
            ));
        }
        hours = hours.push(parts::outcome(&self.hours_notice, &self.hours_error));
        col = col.push(parts::card(
            crate::t!("settings-doctor-hours", clinic = &ctx.clinic.name),
            Some(crate::t!("settings-doctor-hours-hint")),
            hours,
        ));
        if let Some(leave) = &self.leave {
            col = col.push(parts::card(
                crate::t!("settings-doctor-leave"),
                Some(crate::t!("settings-doctor-leave-hint")),
                leave.view(zone, "leave").map(Message::Leave),
            ));
        }
        col.into()
    }
}

impl State {
    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Select(id) => {
                let Some(doctor) = ctx.setup.doctor(id) else {
                    return (Task::none(), None);
                };
                let (form, task) = Form::new(doctor, false, ctx);
                self.form = Some(Box::new(form));
                (task, None)
            }
            Message::New => {
                let doctor = Doctor {
                    id: DoctorId(uuid::Uuid::new_v4()),
                    name: String::new(),
                    specialty: String::new(),
                    colour: "#3b82f6".into(),
                    active: true,
                };
                let (form, task) = Form::new(&doctor, true, ctx);
                self.form = Some(Box::new(form));
                (
                    task.chain(iced::widget::operation::focus("doctor-name")),
                    None,
                )
            }
            other => match &mut self.form {
                Some(form) => form.update(other, ctx),
                None => (Task::none(), None),
            },
        }
    }

    /// The list and the chosen doctor's form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let items = ctx
            .setup
            .doctors
            .iter()
            .map(|(d, _)| parts::Item {
                value: d.id,
                label: d.name.clone(),
                detail: d.specialty.clone(),
                colour: Some(d.colour.as_str()),
                active: d.active,
            })
            .collect();
        let selected = self.form.as_ref().map(|f| f.id);
        let list = parts::list(
            items,
            selected,
            (crate::t!("settings-doctor-add"), Message::New),
            Message::Select,
        );
        let form: Element<'a, Message> = match &self.form {
            Some(form) => parts::form_scroll(form.view(ctx)),
            None => text(crate::t!("settings-doctor-choose")).size(14).into(),
        };
        row![
            iced::widget::container(list).width(Length::Fixed(250.0)),
            iced::widget::container(form).width(Length::Fill)
        ]
        .spacing(14)
        .height(Length::Fill)
        .into()
    }
}
