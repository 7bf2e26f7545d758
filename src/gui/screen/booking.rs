//! The booking form, opened from an empty slot: doctor, room and time pre-filled; patient
//! typeahead with an inline "new patient"; the visit type sets the length; mode; conflicts
//! checked live before saving, with an explicit overbook and its reason; a "Repeat…" section
//! (`repeat.rs`) turns the booking into a series.

use crate::gui::choice_keys::pick_list;
use chrono::{NaiveDate, NaiveDateTime};
use iced::widget::{button, checkbox, column, row, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::patient_search::{self, PatientSearch};
use super::repeat;
use crate::gui::backend::UiError;
use crate::gui::widget::{self, Choice};
use crate::i18n::dates;
use crate::scheduling::entry;
use crate::scheduling::patient_match;
use crate::scheduling::time::read_clock;
use crate::scheduling::*;
use crate::store::{BookingOutcome, BookingRequest, SeriesOutcome, Start};

/// The form's state.
#[derive(Debug, Clone)]
pub struct State {
    doctor: DoctorId,
    room: Option<RoomId>,
    date: NaiveDate,
    time: String,
    minutes: String,
    visit_type: Option<VisitTypeId>,
    mode: Mode,
    search: PatientSearch,
    new_patient: bool,
    new_phone: String,
    reason: String,
    conflicts: Vec<Conflict>,
    preview_generation: u64,
    overbook: bool,
    overbook_reason: String,
    saving: bool,
    /// The new patient of the booking being saved, to tell whether the store found them
    /// registered already.
    registering: Option<Patient>,
    /// The save that waits for the new patient's duplicate check (Book, or a series' "skip"
    /// or "overbook").
    after_check: Option<Box<Message>>,
    error: Option<UiError>,
    repeat: repeat::State,
}

/// What happens in the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// A message for the patient typeahead.
    Patient(patient_search::Message),
    /// Enter in the patient field: picks the highlighted suggestion.
    PatientEnter,
    /// The new patient was checked for likely duplicates (registered patients named).
    DuplicatesChecked(Box<Patient>, Result<Vec<Patient>, UiError>),
    /// "New patient" was switched on or off.
    NewPatient(bool),
    /// The new patient's phone changed.
    Phone(String),
    /// Another doctor was chosen.
    Doctor(Choice<DoctorId>),
    /// Another room (or none) was chosen.
    Room(Choice<Option<RoomId>>),
    /// The visit type was chosen; it sets the length and mode.
    VisitType(Choice<VisitTypeId>),
    /// The mode was chosen.
    Mode(Choice<Mode>),
    /// The start time text changed.
    Time(String),
    /// The length text changed.
    Minutes(String),
    /// The reason text changed.
    Reason(String),
    /// "Overbook" was switched on or off.
    Overbook(bool),
    /// The overbook reason changed.
    OverbookReason(String),
    /// Live conflicts arrived (for the check of that generation).
    Checked(u64, Result<Vec<Conflict>, UiError>),
    /// Save was pressed.
    Save,
    /// The booking was saved or refused.
    Saved(Result<Box<BookingOutcome>, UiError>),
    /// The form was closed without saving.
    Cancel,
    /// A message for the "Repeat…" section.
    Repeat(repeat::Message),
    /// Escape: hides the patient suggestions when they are shown, and otherwise closes the
    /// form (as Cancel does).
    Escape,
}

/// A visit type's words in the form: its usual length, or the length typed when it differs
/// and could be booked (1 to `MAX_APPOINTMENT_MINUTES`; the minutes field says what is wrong
/// with any other, and the label does not repeat "1590 min" or "-5 min").
pub fn visit_label(name: &str, usual: i64, typed: Option<i64>) -> String {
    match typed {
        Some(m) if m != usual && (1..=MAX_APPOINTMENT_MINUTES).contains(&m) => {
            crate::t!(
                "booking-visit-changed",
                name = name,
                minutes = m,
                usual = usual
            )
        }
        _ => crate::t!("booking-visit", name = name, minutes = usual),
    }
}

/// The modes an appointment can have, in words (the booking form's and the details panel's).
pub fn mode_choices() -> Vec<Choice<Mode>> {
    vec![
        Choice::new(Mode::InClinic, crate::t!("booking-mode-in-clinic")),
        Choice::new(Mode::Phone, crate::t!("booking-mode-phone")),
        Choice::new(Mode::Video, crate::t!("booking-mode-video")),
    ]
}

/// What a search for a slot takes from the form ([`State::wanted`]).
#[derive(Debug, Clone)]
pub struct Wanted {
    /// The doctor.
    pub doctor: DoctorId,
    /// The visit type.
    pub visit_type: Option<VisitTypeId>,
    /// The length in minutes, when it reads.
    pub minutes: Option<i64>,
    /// The patient chosen, with their name.
    pub patient: Option<(PatientId, String)>,
}

/// What the form tells its parent.
#[derive(Debug, Clone)]
pub enum Event {
    /// Booked; the calendar should show it. The note says when the new patient typed was
    /// found registered already and booked as themselves.
    Booked(Box<BookingOutcome>, Option<String>),
    /// A series was booked; the calendar should show it (with the same note).
    BookedSeries(Box<SeriesOutcome>, Option<String>),
    /// Closed.
    Closed,
}

impl State {
    /// A form for `doctor` (and `room`) at a local date and minute of the day.
    pub fn new(
        ctx: &Context<'_>,
        doctor: DoctorId,
        room: Option<RoomId>,
        date: NaiveDate,
        minute: u16,
    ) -> Self {
        let visit = ctx.setup.visit_types.first();
        Self {
            doctor,
            room,
            date,
            time: format!("{:02}:{:02}", minute / 60, minute % 60),
            minutes: visit
                .map(|v| v.minutes)
                .unwrap_or(ctx.clinic.slot_minutes)
                .to_string(),
            visit_type: visit.map(|v| v.id),
            mode: visit.map(|v| v.default_mode).unwrap_or(Mode::InClinic),
            search: PatientSearch::default(),
            new_patient: false,
            new_phone: String::new(),
            reason: String::new(),
            conflicts: Vec::new(),
            preview_generation: 0,
            overbook: false,
            overbook_reason: String::new(),
            saving: false,
            registering: None,
            after_check: None,
            error: None,
            repeat: repeat::State::default(),
        }
    }

    /// The form given back after it was put aside: the patient search that was running is
    /// asked again (its answer was lost).
    pub fn resume(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.search.resume(ctx).map(Message::Patient)
    }

    /// True while the store is writing what the form asked for, one booking or a series (it
    /// is not closed then).
    pub fn saving(&self) -> bool {
        self.saving || self.repeat.saving()
    }

    /// The patient typeahead: what was typed, the suggestions, the patient chosen.
    pub fn search(&self) -> &PatientSearch {
        &self.search
    }

    /// The text of the form's fields, in their order on screen: start, minutes, reason.
    pub fn typed_fields(&self) -> [&str; 3] {
        [&self.time, &self.minutes, &self.reason]
    }

    /// What a search for a slot should look for (Ctrl+F in the form): its doctor, visit type,
    /// length (when it reads) and chosen patient.
    pub fn wanted(&self) -> Wanted {
        Wanted {
            doctor: self.doctor,
            visit_type: self.visit_type,
            minutes: self
                .minutes
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|m| (1..=MAX_APPOINTMENT_MINUTES).contains(m)),
            patient: self.search.chosen.as_ref().map(|p| (p.id, p.name.clone())),
        }
    }

    /// Moves the form to a slot found for it (doctor, room, date and start), keeping the
    /// patient, length, visit type and the rest; checks the conflicts again.
    pub fn take_slot(
        &mut self,
        ctx: &Context<'_>,
        doctor: DoctorId,
        room: Option<RoomId>,
        date: NaiveDate,
        minute: u16,
    ) -> Task<Message> {
        self.doctor = doctor;
        self.room = room;
        self.date = date;
        self.time = format!("{:02}:{:02}", minute / 60, minute % 60);
        self.conflicts.clear();
        self.check(ctx)
    }

    /// The slot the form is on: its doctor, room, date and start as typed.
    pub fn slot(&self) -> (DoctorId, Option<RoomId>, NaiveDate, &str) {
        (self.doctor, self.room, self.date, &self.time)
    }

    /// The visit types to choose from, the chosen one's words following the minutes typed
    /// ("Consultation (20 min; usually 15)" once the length was changed).
    pub fn visit_choices(&self, ctx: &Context<'_>) -> Vec<Choice<VisitTypeId>> {
        ctx.setup
            .visit_types
            .iter()
            .map(|v| {
                let typed = (Some(v.id) == self.visit_type)
                    .then(|| self.minutes.trim().parse::<i64>().ok())
                    .flatten();
                Choice::new(v.id, visit_label(&v.name, i64::from(v.minutes), typed))
            })
            .collect()
    }

    /// The problem the form shows, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The start and length as typed, or what is wrong with them: a time of day in whole
    /// minutes, and a length of 1 to [`MAX_APPOINTMENT_MINUTES`] minutes.
    fn times(&self) -> Result<(NaiveDateTime, i64), String> {
        let time = read_clock(&self.time)
            .map_err(|e| crate::t!("booking-start-problem", problem = e.to_string()))?;
        let minutes: i64 = self
            .minutes
            .trim()
            .parse()
            .ok()
            .filter(|m| (1..=MAX_APPOINTMENT_MINUTES).contains(m))
            .ok_or_else(|| {
                crate::t!("booking-minutes-unreadable", max = MAX_APPOINTMENT_MINUTES)
            })?;
        Ok((self.date.and_time(time), minutes))
    }

    /// A request for the slot alone (doctor, room, time, type, mode), for a patient not yet
    /// chosen; [`State::request`] adds the patient and the rest.
    fn slot_request(
        &self,
        ctx: &Context<'_>,
        start: NaiveDateTime,
        minutes: i64,
    ) -> BookingRequest {
        BookingRequest {
            clinic: ctx.clinic.id,
            patient: PatientId(uuid::Uuid::nil()),
            doctor: self.doctor,
            room: self.room,
            visit_type: self.visit_type,
            start: Start::Local(start),
            minutes,
            mode: self.mode,
            kind: Kind::Scheduled,
            priority: 0,
            reason: String::new(),
            notes: String::new(),
            overbook: None,
            new_patient: None,
        }
    }

    /// The request the form describes, or what is missing.
    fn request(&self, ctx: &Context<'_>) -> Result<BookingRequest, String> {
        let (start, minutes) = self.times()?;
        let (patient, new_patient) = match (&self.search.chosen, self.new_patient) {
            (Some(p), _) => (p.id, None),
            (None, true) if !self.search.query.trim().is_empty() => {
                let p = patient_search::new_patient(&self.search.query, &self.new_phone)?;
                (p.id, Some(p))
            }
            _ => return Err(crate::t!("booking-choose-patient")),
        };
        entry::free_text("the reason", &self.reason)
            .map_err(|e| crate::t!("booking-reason-problem", problem = e.to_string()))?;
        if self.overbook && self.overbook_reason.trim().is_empty() {
            return Err(crate::t!("booking-overbook-why"));
        }
        if self.overbook {
            entry::free_text("the overbook reason", &self.overbook_reason).map_err(|e| {
                crate::t!("booking-overbook-reason-problem", problem = e.to_string())
            })?;
        }
        Ok(BookingRequest {
            patient,
            reason: self.reason.clone(),
            overbook: self.overbook.then(|| self.overbook_reason.clone()),
            new_patient,
            ..self.slot_request(ctx, start, minutes)
        })
    }

    /// Checks the conflicts again (the database changed, perhaps at another desk): the slot
    /// taken meanwhile shows as a conflict before Book is pressed. What was typed stays.
    pub fn read_again(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if self.saving() {
            return Task::none();
        }
        self.check(ctx)
    }

    /// Checks the conflicts of the current request in the background. Before a patient is
    /// chosen, the slot alone is checked (doctor, room, hours).
    fn check(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.preview_generation += 1;
        let generation = self.preview_generation;
        let Some(request) = self.template(ctx) else {
            return Task::none();
        };
        let series = self.repeat.check(Some(request.clone()), ctx);
        let now = ctx.now;
        Task::batch([
            Task::perform(
                ctx.backend.run(move |s| s.preview(&request, now)),
                move |r| Message::Checked(generation, r),
            ),
            series.map(Message::Repeat),
        ])
    }

    /// The request to check conflicts with: the patient's, or the slot alone before a patient
    /// is chosen; `None` while the time or length do not read.
    fn template(&self, ctx: &Context<'_>) -> Option<BookingRequest> {
        match self.request(ctx) {
            Ok(r) => Some(BookingRequest {
                new_patient: None,
                ..r
            }),
            Err(_) => self
                .times()
                .ok()
                .map(|(start, minutes)| self.slot_request(ctx, start, minutes)),
        }
    }

    /// Text typed while none of the form's fields had focus (fast hands, right after the form
    /// opened, before its patient field took the focus): it goes on the patient's name, in
    /// order, unless a patient is chosen already.
    pub fn typed(&self, text: &str) -> Option<Message> {
        self.search.chosen.is_none().then(|| {
            Message::Patient(patient_search::Message::Query(format!(
                "{}{text}",
                self.search.query
            )))
        })
    }

    /// Handles a message; returns work to run and, at the end, an event for the parent.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        self.error = None;
        // A likely duplicate (same phone, or same name and birth date) is asked about before
        // anyone is registered.
        let saves = matches!(
            message,
            Message::Save
                | Message::Repeat(repeat::Message::SaveSkipping | repeat::Message::SaveOverbooking)
        );
        if saves
            && !self.saving
            && let Ok(request) = self.request(ctx)
            && let Some(new) = request.new_patient.filter(|n| !self.search.cleared(n))
        {
            self.saving = true;
            self.after_check = Some(Box::new(message));
            let asked = new.clone();
            let check = ctx.backend.run(move |s| s.likely_duplicates(&asked));
            return (
                Task::perform(check, move |r| {
                    Message::DuplicatesChecked(Box::new(new.clone()), r)
                }),
                None,
            );
        }
        let task = match message {
            Message::PatientEnter => {
                if self.search.enter() == patient_search::Enter::Picked {
                    self.new_patient = false;
                    return (self.check(ctx), None);
                }
                Task::none()
            }
            Message::DuplicatesChecked(new, result) => {
                self.saving = false;
                match result {
                    Ok(found) if found.is_empty() => {
                        self.search.clear(&new);
                        let then = self.after_check.take().map_or(Message::Save, |m| *m);
                        return self.update(then, ctx);
                    }
                    Ok(found) => {
                        self.error = Some(patient_match::duplicate_question(&new, &found));
                        self.search.duplicates = found;
                    }
                    Err(e) => self.error = Some(e),
                }
                Task::none()
            }
            Message::Patient(m) => {
                let anyway = matches!(m, patient_search::Message::RegisterAnyway);
                let was_chosen = self.search.chosen.is_some();
                let mut picked = matches!(m, patient_search::Message::Pick(_));
                let (task, error) = self.search.update(m, ctx);
                self.error = error;
                // Enter kept until the search answered picked the first suggestion; with none,
                // it does nothing here (the booking is saved with its button).
                let _ = self.search.take_submit();
                picked |= !was_chosen && self.search.chosen.is_some();
                if anyway
                    && let Ok(request) = self.request(ctx)
                    && let Some(new) = request.new_patient
                {
                    self.search.clear(&new);
                    let then = self.after_check.take().map_or(Message::Save, |m| *m);
                    return self.update(then, ctx);
                }
                if picked {
                    self.new_patient = false;
                    return (self.check(ctx), None);
                }
                task.map(Message::Patient)
            }
            Message::NewPatient(on) => {
                self.new_patient = on;
                if on {
                    self.search.chosen = None;
                }
                Task::none()
            }
            Message::Phone(p) => {
                self.new_phone = p;
                self.search.duplicates.clear();
                Task::none()
            }
            Message::Doctor(c) => {
                self.doctor = c.value;
                self.check(ctx)
            }
            Message::Room(c) => {
                self.room = c.value;
                self.check(ctx)
            }
            Message::VisitType(c) => {
                if let Some(v) = ctx.setup.visit_types.iter().find(|v| v.id == c.value) {
                    self.minutes = v.minutes.to_string();
                    self.mode = v.default_mode;
                }
                self.visit_type = Some(c.value);
                self.check(ctx)
            }
            Message::Mode(c) => {
                self.mode = c.value;
                Task::none()
            }
            Message::Time(t) => {
                self.time = t;
                self.check(ctx)
            }
            Message::Minutes(m) => {
                self.minutes = m;
                self.check(ctx)
            }
            Message::Reason(r) => {
                self.reason = r;
                Task::none()
            }
            Message::Overbook(on) => {
                self.overbook = on;
                Task::none()
            }
            Message::OverbookReason(r) => {
                self.overbook_reason = r;
                Task::none()
            }
            Message::Checked(generation, result) => {
                if generation == self.preview_generation {
                    match result {
                        Ok(c) => self.conflicts = c,
                        Err(e) => self.error = Some(e),
                    }
                }
                Task::none()
            }
            Message::Save if self.repeat.on => match self.request(ctx) {
                Ok(request) => {
                    self.registering = request.new_patient.clone();
                    self.repeat.save(request, ctx).map(Message::Repeat)
                }
                Err(e) => {
                    self.error = Some(e);
                    Task::none()
                }
            },
            Message::Repeat(m) => {
                let template = self.template(ctx);
                let (task, event) = self.repeat.update(m, template, self.request(ctx), ctx);
                if let Some(repeat::Event::Booked(outcome)) = event {
                    let note = outcome.booked.first().and_then(|(_, b)| {
                        patient_search::registered_note(
                            self.registering.as_ref(),
                            b.appointment.patient,
                        )
                    });
                    return (Task::none(), Some(Event::BookedSeries(outcome, note)));
                }
                task.map(Message::Repeat)
            }
            Message::Save => match self.request(ctx) {
                Ok(request) if !self.saving => {
                    self.saving = true;
                    self.registering = request.new_patient.clone();
                    let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                    Task::perform(
                        ctx.backend.run(move |s| s.book(&request, &actor, now)),
                        |r| Message::Saved(r.map(Box::new)),
                    )
                }
                Ok(_) => Task::none(),
                Err(e) => {
                    self.error = Some(e);
                    Task::none()
                }
            },
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(outcome) => {
                        let note = patient_search::registered_note(
                            self.registering.as_ref(),
                            outcome.appointment.patient,
                        );
                        return (Task::none(), Some(Event::Booked(outcome, note)));
                    }
                    Err(e) => {
                        self.error = Some(e);
                        return (self.check(ctx), None);
                    }
                }
            }
            // While the store writes, the form stays (its button says "Saving…"): closed, the
            // answer would be dropped, the booking made and nobody told.
            Message::Cancel | Message::Escape if self.saving() => Task::none(),
            Message::Cancel => return (Task::none(), Some(Event::Closed)),
            Message::Escape if self.search.escape() => Task::none(),
            Message::Escape => return (Task::none(), Some(Event::Closed)),
        };
        (task, None)
    }

    /// The form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let doctors: Vec<Choice<DoctorId>> = ctx
            .setup
            .doctors
            .iter()
            .filter(|(d, _)| d.active)
            .map(|(d, _)| Choice::new(d.id, d.name.clone()))
            .collect();
        let doctor = doctors.iter().find(|c| c.value == self.doctor).cloned();
        let mut rooms = vec![Choice::new(None, crate::t!("booking-no-room"))];
        rooms.extend(
            ctx.setup
                .rooms
                .iter()
                .filter(|r| r.clinic == ctx.clinic.id && r.active)
                .map(|r| Choice::new(Some(r.id), r.name.clone())),
        );
        let room = rooms.iter().find(|c| c.value == self.room).cloned();
        let types = self.visit_choices(ctx);
        let visit = types
            .iter()
            .find(|c| Some(c.value) == self.visit_type)
            .cloned();
        let modes = mode_choices();
        let mode = modes.iter().find(|c| c.value == self.mode).cloned();

        let matches = self.search.matches_view(false).map(Message::Patient);
        let chosen: Element<'_, Message> = match &self.search.chosen {
            Some(p) => text(format!("✓ {} · {}", p.name, p.phone)).size(13).into(),
            None => checkbox(self.new_patient)
                .label(crate::t!("booking-new-patient"))
                .on_toggle(Message::NewPatient)
                .size(16)
                .into(),
        };
        let mut form = column![
            widget::heading(crate::t!("booking-title", date = dates::medium(self.date))),
            widget::field(
                crate::t!("booking-patient"),
                text_input(
                    &crate::t!("booking-patient-placeholder"),
                    &self.search.query
                )
                .id("booking-patient")
                .on_input(|q| Message::Patient(patient_search::Message::Query(q)))
                .on_submit(Message::PatientEnter)
            ),
            matches,
            chosen,
        ]
        .spacing(10);
        if self.new_patient && self.search.chosen.is_none() {
            form = form.push(widget::field(
                crate::t!("booking-phone"),
                text_input("+91 …", &self.new_phone).on_input(Message::Phone),
            ));
        }
        form = form
            .push(widget::field(
                crate::t!("booking-doctor"),
                pick_list(doctors, doctor, Message::Doctor).width(Length::Fill),
            ))
            .push(
                row![
                    widget::field(
                        crate::t!("booking-start"),
                        text_input("HH:MM", &self.time)
                            .id("booking-time")
                            .on_input(Message::Time)
                    ),
                    widget::field(
                        crate::t!("booking-minutes"),
                        text_input("15", &self.minutes).on_input(Message::Minutes)
                    ),
                ]
                .spacing(8),
            )
            .push(widget::field(
                crate::t!("booking-visit-type"),
                pick_list(types, visit, Message::VisitType).width(Length::Fill),
            ))
            .push(
                row![
                    widget::field(
                        crate::t!("booking-room"),
                        pick_list(rooms, room, Message::Room).width(Length::Fill)
                    ),
                    widget::field(
                        crate::t!("booking-mode"),
                        pick_list(modes, mode, Message::Mode).width(Length::Fill)
                    ),
                ]
                .spacing(8),
            )
            .push(widget::field(
                crate::t!("booking-reason"),
                text_input(&crate::t!("booking-reason-placeholder"), &self.reason)
                    .on_input(Message::Reason),
            ));
        if !self.conflicts.is_empty() && !self.repeat.on {
            form = form.push(widget::conflicts(&self.conflicts));
        }
        form = form.push(self.repeat.view(ctx).map(Message::Repeat));
        // The decision (overbook, book, cancel) stays in view below the fields, however long
        // the form grows.
        let mut footer = column![].spacing(6);
        let overbookable = self
            .conflicts
            .iter()
            .all(|c| c.severity() != Severity::Invalid)
            && self
                .conflicts
                .iter()
                .any(|c| c.severity() == Severity::Hard);
        if overbookable && !self.repeat.on {
            footer = footer.push(
                checkbox(self.overbook)
                    .label(crate::t!("booking-overbook"))
                    .on_toggle(Message::Overbook)
                    .size(16),
            );
            if self.overbook {
                footer = footer.push(widget::field(
                    crate::t!("booking-overbook-reason"),
                    text_input(
                        &crate::t!("booking-overbook-reason-placeholder"),
                        &self.overbook_reason,
                    )
                    .id("booking-overbook-reason")
                    .on_input(Message::OverbookReason),
                ));
            }
        }
        if let Some(e) = &self.error {
            footer = footer.push(widget::error_text(e));
        }
        let (label, can_save) = if self.repeat.on {
            let n = self.repeat.checks().len();
            let free = n > 0 && self.repeat.blocking() == 0 && !self.repeat.busy();
            (
                if self.repeat.busy() {
                    crate::t!("booking-checking")
                } else {
                    crate::t!("booking-book-series", count = n)
                },
                free,
            )
        } else if self.saving {
            (crate::t!("booking-saving"), false)
        } else {
            (crate::t!("booking-book"), true)
        };
        let cancel = button(text(crate::t!("booking-cancel")))
            .on_press(Message::Cancel)
            .style(button::secondary);
        let buttons: Element<'a, Message> = match self.repeat.footer() {
            Some((skip, overbook)) => {
                if let Some(overbook) = overbook {
                    footer = footer.push(overbook.map(Message::Repeat));
                }
                row![skip.map(Message::Repeat), cancel].spacing(8).into()
            }
            None => row![
                button(text(label))
                    .on_press_maybe(can_save.then_some(Message::Save))
                    .style(button::primary),
                cancel
            ]
            .spacing(8)
            .into(),
        };
        let footer = footer.push(buttons);
        column![
            scrollable(form.padding(14)).height(Length::Fill),
            iced::widget::container(footer)
                .padding([8, 14])
                .width(Length::Fill)
        ]
        .into()
    }
}
