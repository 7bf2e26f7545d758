//! The walk-in quick-add: patient (search, or name and phone), doctor or "first available",
//! reason, and an emergency switch. A walk-in goes into the first free slot from now and is
//! checked in with a queue token; an emergency goes in now, overbooking if it must, and the
//! later appointments of that doctor that now run late are reported.

use crate::gui::choice_keys::pick_list;
use chrono::{DateTime, Duration, Utc};
use iced::widget::{button, checkbox, column, container, row, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::patient_search::{self, PatientSearch};
use crate::gui::backend::{Backend, Setup, UiError};
use crate::gui::widget::{self, Choice};
use crate::scheduling::delay::knock_on;
use crate::scheduling::entry;
use crate::scheduling::patient_match;
use crate::scheduling::time::local_date;
use crate::scheduling::*;
use crate::store::{AgendaFilter, BookingOutcome, BookingRequest, Start};

/// Length of a walk-in or emergency visit.
const VISIT_MINUTES: u32 = 15;
/// Length an emergency is given.
const EMERGENCY_MINUTES: u32 = 30;

/// The form's state.
#[derive(Debug, Clone, Default)]
pub struct State {
    search: PatientSearch,
    phone: String,
    doctor: Option<DoctorId>,
    reason: String,
    emergency: bool,
    saving: bool,
    error: Option<UiError>,
}

/// What happens in the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// A message for the patient typeahead.
    Patient(patient_search::Message),
    /// Enter in the patient field: picks the highlighted suggestion, or adds when none is shown.
    PatientEnter,
    /// The new patient was checked for likely duplicates (registered patients named).
    Checked(Box<Patient>, Result<Vec<Patient>, UiError>),
    /// The phone (for a new patient) changed.
    Phone(String),
    /// A doctor, or "first available", was chosen.
    Doctor(Choice<Option<DoctorId>>),
    /// The reason changed.
    Reason(String),
    /// The emergency switch.
    Emergency(bool),
    /// Add was pressed.
    Save,
    /// The walk-in was booked or refused.
    Saved(Result<Box<WalkIn>, UiError>),
    /// Closed without adding.
    Cancel,
    /// Escape: hides the patient suggestions when they are shown, and otherwise closes the
    /// form (as Cancel does).
    Escape,
}

/// A booked walk-in or emergency, with the appointments it makes late.
#[derive(Debug, Clone)]
pub struct WalkIn {
    /// The booking.
    pub outcome: BookingOutcome,
    /// Later appointments of the doctor that now run late, in minutes.
    pub late: Vec<(AppointmentId, i64)>,
    /// Set when the new patient typed was found registered already and booked as themselves.
    pub note: Option<String>,
}

/// What the form tells its parent.
#[derive(Debug, Clone)]
pub enum Event {
    /// Added.
    Added(Box<WalkIn>),
    /// Closed.
    Closed,
}

/// The doctor who works at `now` in the clinic, first by name.
fn doctor_working_now(setup: &Setup, clinic: &Clinic, now: DateTime<Utc>) -> Option<DoctorId> {
    let today = local_date(clinic.time_zone, now);
    setup.doctors.iter().find_map(|(d, _)| {
        let hours = setup.hours(d.id, clinic.id);
        let spans = hours.intervals(clinic.time_zone, today, today);
        (d.active && spans.iter().any(|s| s.start <= now && now < s.end)).then_some(d.id)
    })
}

/// Books a walk-in in the first free slot today, or an emergency now, and works out who runs
/// late after an emergency.
/// `slot_target` is where a walk-in looks for its slot (None for an emergency, seen now): the
/// store finds it inside the booking's transaction, so two desks adding walk-ins at once each
/// get the next free time.
async fn add(
    backend: Backend,
    mut request: BookingRequest,
    slot_target: Option<SlotTarget>,
    actor: String,
    now: DateTime<Utc>,
) -> Result<WalkIn, UiError> {
    if let Some(target) = slot_target {
        request.start = Start::FirstFreeToday(target);
    }
    let emergency = request.kind == Kind::Emergency;
    let clinic = request.clinic;
    let registering = request.new_patient.clone();
    let outcome = backend.run(move |s| s.book(&request, &actor, now)).await?;
    let doctor = outcome.appointment.doctor;
    let note = patient_search::registered_note(registering.as_ref(), outcome.appointment.patient);
    let late = if emergency {
        let window = Interval::new(now - Duration::hours(1), now + Duration::hours(14));
        let later: Vec<(AppointmentId, Interval)> = backend
            .run(move |s| s.agenda(clinic, window, AgendaFilter::Doctor(doctor)))
            .await?
            .into_iter()
            .map(|e| e.appointment)
            .filter(|a| {
                a.id != outcome.appointment.id
                    && a.status.holds_time()
                    && a.status != Status::Completed
            })
            .map(|a| (a.id, a.interval))
            .collect();
        knock_on(outcome.appointment.interval, &later)
    } else {
        Vec::new()
    };
    Ok(WalkIn {
        outcome,
        late,
        note,
    })
}

impl State {
    /// The registered patient chosen in the typeahead, if any.
    pub fn patient(&self) -> Option<&Patient> {
        self.search.chosen.as_ref()
    }

    /// True when nothing was typed or chosen in the form (closing it loses nothing).
    pub fn is_blank(&self) -> bool {
        self.search.query.trim().is_empty()
            && self.search.chosen.is_none()
            && self.phone.trim().is_empty()
            && self.reason.trim().is_empty()
            && !self.emergency
    }

    /// The form given back after it was put aside: the patient search that was running is
    /// asked again (its answer was lost).
    pub fn resume(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.search.resume(ctx).map(Message::Patient)
    }

    /// The doctor chosen (`None`: the first available).
    pub fn doctor(&self) -> Option<DoctorId> {
        self.doctor
    }

    /// True while the store is writing what the form asked for (it is not closed then).
    pub fn saving(&self) -> bool {
        self.saving
    }

    /// The patient typeahead: what was typed, the suggestions, the patient chosen.
    pub fn search(&self) -> &PatientSearch {
        &self.search
    }

    /// The problem the form shows, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The new patient the typed name and phone describe, or what to fix.
    fn new_patient(&self) -> Result<Patient, UiError> {
        patient_search::new_patient(self.search.query.trim(), &self.phone)
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

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        self.error = None;
        match message {
            Message::Patient(m) => {
                let anyway = matches!(m, patient_search::Message::RegisterAnyway);
                let (task, error) = self.search.update(m, ctx);
                self.error = error;
                if anyway && let Ok(new) = self.new_patient() {
                    self.search.clear(&new);
                    return self.update(Message::Save, ctx);
                }
                if self.search.take_submit() {
                    return self.update(Message::Save, ctx);
                }
                return (task.map(Message::Patient), None);
            }
            Message::PatientEnter => match self.search.enter() {
                patient_search::Enter::Submit => return self.update(Message::Save, ctx),
                patient_search::Enter::Picked | patient_search::Enter::Waiting => {}
            },
            Message::Checked(new, result) => match result {
                Ok(found) if found.is_empty() => {
                    self.search.clear(&new);
                    self.saving = false;
                    return self.update(Message::Save, ctx);
                }
                Ok(found) => {
                    self.saving = false;
                    self.error = Some(patient_match::duplicate_question(&new, &found));
                    self.search.duplicates = found;
                }
                Err(e) => {
                    self.saving = false;
                    self.error = Some(e);
                }
            },
            Message::Phone(p) => {
                self.phone = p;
                self.search.duplicates.clear();
            }
            Message::Doctor(c) => self.doctor = c.value,
            Message::Reason(r) => self.reason = r,
            Message::Emergency(on) => self.emergency = on,
            Message::Save => {
                if self.saving {
                    return (Task::none(), None);
                }
                let name = self.search.query.trim();
                if self.search.chosen.is_none() && name.is_empty() {
                    self.error = Some(crate::t!("walkin-name-needed"));
                    return (Task::none(), None);
                }
                if let Some(why) = self.search.needs_choice() {
                    self.error = Some(why);
                    return (Task::none(), None);
                }
                let new_patient = match &self.search.chosen {
                    Some(_) => None,
                    None => match self.new_patient() {
                        Ok(p) => Some(p),
                        Err(e) => {
                            self.error = Some(e);
                            return (Task::none(), None);
                        }
                    },
                };
                if let Err(e) = entry::free_text("the reason", &self.reason) {
                    self.error = Some(crate::t!("booking-reason-problem", problem = e.to_string()));
                    return (Task::none(), None);
                }
                // A likely duplicate (same phone, or same name and birth date) is asked about
                // before anyone is registered.
                if let Some(new) = new_patient.clone().filter(|n| !self.search.cleared(n)) {
                    self.saving = true;
                    let asked = new.clone();
                    let check = ctx.backend.run(move |s| s.likely_duplicates(&asked));
                    return (
                        Task::perform(check, move |r| Message::Checked(Box::new(new.clone()), r)),
                        None,
                    );
                }
                let patient = self
                    .search
                    .chosen
                    .as_ref()
                    .or(new_patient.as_ref())
                    .map(|p| p.id)
                    .unwrap_or(PatientId(uuid::Uuid::nil()));
                let now = time::whole_minute(ctx.clinic.time_zone, ctx.now);
                let doctor = match (self.doctor, self.emergency) {
                    (Some(d), _) => d,
                    (None, true) => match doctor_working_now(ctx.setup, ctx.clinic, now) {
                        Some(d) => d,
                        None => {
                            self.error = Some(crate::t!("walkin-no-doctor-now"));
                            return (Task::none(), None);
                        }
                    },
                    // Replaced by the first free doctor's id when the slot is found.
                    (None, false) => ctx
                        .setup
                        .doctors
                        .first()
                        .map(|(d, _)| d.id)
                        .unwrap_or(DoctorId(uuid::Uuid::nil())),
                };
                let request = BookingRequest {
                    clinic: ctx.clinic.id,
                    patient,
                    doctor,
                    room: None,
                    visit_type: None,
                    // A walk-in's start is replaced by the first free slot `add` finds.
                    start: Start::At(now),
                    minutes: i64::from(if self.emergency {
                        EMERGENCY_MINUTES
                    } else {
                        VISIT_MINUTES
                    }),
                    mode: Mode::InClinic,
                    kind: if self.emergency {
                        Kind::Emergency
                    } else {
                        Kind::WalkIn
                    },
                    priority: if self.emergency { 2 } else { 0 },
                    reason: self.reason.clone(),
                    notes: String::new(),
                    // Kept in the record (and its exports) as every desk and the command line
                    // write it, whatever this desk's language.
                    overbook: self.emergency.then(|| {
                        crate::t_in!(crate::i18n::Language::English, "walkin-emergency-reason")
                    }),
                    new_patient,
                };
                let slot_target = match (self.emergency, self.doctor) {
                    (true, _) => None,
                    (false, Some(d)) => Some(SlotTarget::Doctor(d)),
                    (false, None) => Some(SlotTarget::AnyDoctor),
                };
                self.saving = true;
                let task = add(
                    ctx.backend.clone(),
                    request,
                    slot_target,
                    ctx.actor.to_owned(),
                    ctx.now,
                );
                return (
                    Task::perform(task, |r| Message::Saved(r.map(Box::new))),
                    None,
                );
            }
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(walk_in) => return (Task::none(), Some(Event::Added(walk_in))),
                    Err(e) => self.error = Some(e),
                }
            }
            // While the store writes, the form stays (its button says so): closed, the answer
            // would be dropped, the walk-in checked in and nobody told.
            Message::Cancel | Message::Escape if self.saving => {}
            Message::Cancel => return (Task::none(), Some(Event::Closed)),
            Message::Escape if self.search.escape() => {}
            Message::Escape => return (Task::none(), Some(Event::Closed)),
        }
        (Task::none(), None)
    }

    /// The form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let mut doctors = vec![Choice::new(None, crate::t!("walkin-first-available"))];
        doctors.extend(
            ctx.setup
                .doctors
                .iter()
                .filter(|(d, _)| d.active)
                .map(|(d, _)| Choice::new(Some(d.id), d.name.clone())),
        );
        let chosen = doctors.iter().find(|c| c.value == self.doctor).cloned();
        let matches = self.search.matches_view(true).map(Message::Patient);
        let mut form = column![
            widget::heading(crate::t!("walkin-title")),
            widget::field(
                crate::t!("walkin-patient"),
                text_input(
                    &crate::t!("booking-patient-placeholder"),
                    &self.search.query
                )
                .id("walk-in-patient")
                .on_input(|q| Message::Patient(patient_search::Message::Query(q)))
                .on_submit(Message::PatientEnter)
            ),
            matches,
        ]
        .spacing(10);
        match &self.search.chosen {
            Some(p) => form = form.push(text(format!("✓ {} · {}", p.name, p.phone)).size(13)),
            None => {
                form = form.push(widget::field(
                    crate::t!("walkin-phone"),
                    text_input("+91 …", &self.phone).on_input(Message::Phone),
                ))
            }
        }
        form = form
            .push(widget::field(
                crate::t!("booking-doctor"),
                pick_list(doctors, chosen, Message::Doctor).width(Length::Fill),
            ))
            .push(widget::field(
                crate::t!("booking-reason"),
                text_input(&crate::t!("walkin-reason-placeholder"), &self.reason)
                    .on_input(Message::Reason)
                    .on_submit(Message::Save),
            ))
            .push(
                checkbox(self.emergency)
                    .label(crate::t!("walkin-emergency"))
                    .on_toggle(Message::Emergency)
                    .size(16),
            );
        if let Some(e) = &self.error {
            form = form.push(widget::error_text(e));
        }
        let label = match (self.saving, self.emergency) {
            (true, _) => crate::t!("walkin-adding"),
            (false, true) => crate::t!("walkin-add-emergency"),
            (false, false) => crate::t!("walkin-add"),
        };
        let actions = row![
            button(text(label))
                .on_press_maybe((!self.saving).then_some(Message::Save))
                .style(if self.emergency {
                    button::danger
                } else {
                    button::primary
                }),
            button(text(crate::t!("booking-cancel")))
                .on_press(Message::Cancel)
                .style(button::secondary),
        ]
        .spacing(8);
        // The actions stay visible below the form, however long it grows.
        column![
            scrollable(form.padding(14)).height(Length::Fill),
            container(actions).padding([8, 14]),
        ]
        .into()
    }
}
