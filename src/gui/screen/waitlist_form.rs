//! The form that puts a patient on the waitlist or changes their entry: patient typeahead, the
//! doctor (or any), the visit type that sets the length, weekdays, a time-of-day window, a date
//! range, the appointment they already hold, priority and notes. What is typed is read here
//! with messages that say how to fix it; the rules themselves are the core's.

use crate::gui::choice_keys::pick_list;
use crate::gui::widget::field;
use chrono::{Duration, NaiveDate, Weekday};
use iced::widget::{button, checkbox, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::patient_search::{self, PatientSearch};
use crate::gui::backend::UiError;
use crate::gui::fields;
use crate::gui::widget::{self, Choice};
use crate::i18n::dates;
use crate::scheduling::hours::{DaySpan, WEEKDAYS};
use crate::scheduling::time::echo;
use crate::scheduling::time::{format_local, local_date};
use crate::scheduling::waitlist::{
    Preferred, WaitlistEntryId, WaitlistRequest, Weekdays, validate,
};
use crate::scheduling::*;
use crate::store::{AgendaEntry, AgendaFilter, WaitlistRow};

/// The priorities the desk chooses from, with their words.
pub fn priorities() -> [(i32, String); 3] {
    [
        (0, crate::t!("waitlist-priority-normal")),
        (1, crate::t!("waitlist-priority-high")),
        (2, crate::t!("waitlist-priority-urgent")),
    ]
}

/// The words for a priority.
pub fn priority_label(priority: i32) -> String {
    priorities()
        .into_iter()
        .rev()
        .find(|(p, _)| priority >= *p)
        .map(|(_, l)| l)
        .unwrap_or_else(|| crate::t!("waitlist-priority-normal"))
}

/// The form's state.
#[derive(Debug, Clone)]
pub struct Form {
    /// The entry being changed; `None` adds a new one.
    pub editing: Option<WaitlistEntryId>,
    search: PatientSearch,
    /// The patient of the entry being changed (its patient stays).
    editing_patient: Option<(PatientId, String)>,
    doctor: Option<DoctorId>,
    visit_type: Option<VisitTypeId>,
    minutes: String,
    weekdays: Weekdays,
    from_time: String,
    until_time: String,
    earliest: String,
    latest: String,
    holds: Option<AppointmentId>,
    upcoming: Vec<AgendaEntry>,
    priority: i32,
    notes: String,
    saving: bool,
    /// What is wrong with what was typed, or why the store refused.
    pub error: Option<UiError>,
}

/// What happens in the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// A message for the patient typeahead.
    Patient(patient_search::Message),
    /// The doctor (or any doctor) was chosen.
    Doctor(Choice<Option<DoctorId>>),
    /// The visit type was chosen; it sets the length.
    VisitType(Choice<VisitTypeId>),
    /// The length text changed.
    Minutes(String),
    /// A weekday was ticked or unticked.
    Day(Weekday, bool),
    /// The start of the time window changed.
    FromTime(String),
    /// The end of the time window changed.
    UntilTime(String),
    /// The earliest date changed.
    Earliest(String),
    /// The latest date changed.
    Latest(String),
    /// The appointment they already hold was chosen (or none).
    Holds(Choice<Option<AppointmentId>>),
    /// The chosen patient's upcoming appointments arrived.
    Upcoming(PatientId, Result<Vec<AgendaEntry>, UiError>),
    /// The priority was chosen.
    Priority(Choice<i32>),
    /// The notes changed.
    Notes(String),
    /// Save was pressed.
    Save,
    /// The entry was stored or refused.
    Saved(Result<Box<WaitlistRow>, UiError>),
    /// Start again with an empty form.
    Clear,
}

/// What the form tells the page.
#[derive(Debug, Clone)]
pub enum Event {
    /// Stored (added, or changed when the flag is set).
    Saved(Box<WaitlistRow>, bool),
}

/// A time of day as typed, "24:00" included; empty is `None`.
fn read_time(label: &str, typed: &str) -> Result<Option<u16>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    fields::day_minute(label, typed, || {
        crate::t!("waitlist-not-a-time", field = label, typed = echo(typed))
    })
    .map(Some)
}

/// A date as typed; empty is `None`.
fn read_date(label: &str, typed: &str) -> Result<Option<NaiveDate>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    fields::date(label, typed, || {
        crate::t!("waitlist-not-a-date", field = label, typed = echo(typed))
    })
    .map(Some)
}

/// A sentence from the core's message: a capital first letter and a full stop (none after a
/// Hindi one that ends with its own, "।").
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => {
            let rest = chars.as_str();
            let stop = if rest.ends_with(['.', '!', '?', '।']) {
                ""
            } else {
                "."
            };
            format!("{}{rest}{stop}", first.to_uppercase())
        }
        None => String::new(),
    }
}

impl Form {
    /// The patient chosen in the typeahead, if any.
    pub fn chosen(&self) -> Option<&Patient> {
        self.search.chosen.as_ref()
    }

    /// True while the patient suggestions are on screen (Escape hides them first).
    pub fn suggestions_shown(&self) -> bool {
        self.search.list_shown()
    }

    /// An empty form: any doctor, the first visit type, any day and time.
    pub fn new(ctx: &Context<'_>) -> Self {
        let visit = ctx.setup.visit_types.first();
        Form {
            editing: None,
            search: PatientSearch::default(),
            editing_patient: None,
            doctor: None,
            visit_type: visit.map(|v| v.id),
            minutes: visit
                .map(|v| v.minutes)
                .unwrap_or(ctx.clinic.slot_minutes)
                .to_string(),
            weekdays: Weekdays::ALL,
            from_time: String::new(),
            until_time: String::new(),
            earliest: String::new(),
            latest: String::new(),
            holds: None,
            upcoming: Vec::new(),
            priority: 0,
            notes: String::new(),
            saving: false,
            error: None,
        }
    }

    /// A form to change `row`'s entry, and the load of the patient's appointments.
    pub fn editing(ctx: &Context<'_>, row: &WaitlistRow) -> (Self, Task<Message>) {
        let r = &row.entry.request;
        let p = &r.preferred;
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        let form = Form {
            editing: Some(row.entry.id),
            editing_patient: Some((r.patient, row.patient_name.clone())),
            doctor: r.doctor,
            visit_type: r.visit_type,
            minutes: r.minutes.to_string(),
            weekdays: p.weekdays,
            from_time: p.window.map(|w| hm(w.start_minute)).unwrap_or_default(),
            until_time: p.window.map(|w| hm(w.end_minute)).unwrap_or_default(),
            earliest: p.earliest.map(|d| d.to_string()).unwrap_or_default(),
            latest: p.latest.map(|d| d.to_string()).unwrap_or_default(),
            holds: r.holds,
            priority: r.priority,
            notes: r.notes.clone(),
            ..Form::new(ctx)
        };
        let task = upcoming(ctx, r.patient);
        (form, task)
    }

    /// The patient the entry is for.
    fn patient(&self) -> Option<PatientId> {
        match &self.editing_patient {
            Some((id, _)) => Some(*id),
            None => self.search.chosen.as_ref().map(|p| p.id),
        }
    }

    /// The request the form describes, or what to fix.
    pub fn request(&self, ctx: &Context<'_>) -> Result<WaitlistRequest, String> {
        let patient = self
            .patient()
            .ok_or_else(|| crate::t!("waitlist-choose-patient"))?;
        let minutes: u32 = self
            .minutes
            .trim()
            .parse()
            .map_err(|_| crate::t!("waitlist-length-not-a-number"))?;
        let window = match (
            read_time(&crate::t!("waitlist-time-from"), &self.from_time)?,
            read_time(&crate::t!("waitlist-time-until"), &self.until_time)?,
        ) {
            (None, None) => None,
            (Some(start), Some(end)) => Some(DaySpan::new(start, end)),
            _ => return Err(crate::t!("waitlist-window-both-ends")),
        };
        let request = WaitlistRequest {
            clinic: ctx.clinic.id,
            patient,
            doctor: self.doctor,
            visit_type: self.visit_type,
            minutes,
            preferred: Preferred {
                weekdays: self.weekdays,
                window,
                earliest: read_date(&crate::t!("waitlist-the-earliest-date"), &self.earliest)?,
                latest: read_date(&crate::t!("waitlist-the-latest-date"), &self.latest)?,
            },
            holds: self.holds,
            notes: self.notes.trim().to_owned(),
            priority: self.priority,
        };
        validate(&request, local_date(ctx.clinic.time_zone, ctx.now))
            .map_err(|e| sentence(&e.to_string()))?;
        Ok(request)
    }

    /// Handles a message; returns work to run and, once stored, an event for the page.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let task = match message {
            Message::Patient(m) => {
                let was_chosen = self.search.chosen.as_ref().map(|p| p.id);
                let (task, error) = self.search.update(m, ctx);
                // Picked by a click, by Enter, or by Enter kept until the search answered.
                let picked = self
                    .search
                    .chosen
                    .as_ref()
                    .map(|p| p.id)
                    .filter(|id| Some(*id) != was_chosen);
                if error.is_some() {
                    self.error = error;
                }
                match picked {
                    Some(id) => {
                        self.error = None;
                        self.holds = None;
                        self.upcoming.clear();
                        upcoming(ctx, id)
                    }
                    None => task.map(Message::Patient),
                }
            }
            Message::Doctor(c) => {
                self.doctor = c.value;
                Task::none()
            }
            Message::VisitType(c) => {
                if let Some(v) = ctx.setup.visit_types.iter().find(|v| v.id == c.value) {
                    self.minutes = v.minutes.to_string();
                }
                self.visit_type = Some(c.value);
                Task::none()
            }
            Message::Minutes(m) => {
                self.minutes = m;
                Task::none()
            }
            Message::Day(day, on) => {
                self.weekdays = self.weekdays.with(day, on);
                Task::none()
            }
            Message::FromTime(t) => {
                self.from_time = t;
                Task::none()
            }
            Message::UntilTime(t) => {
                self.until_time = t;
                Task::none()
            }
            Message::Earliest(d) => {
                self.earliest = d;
                Task::none()
            }
            Message::Latest(d) => {
                self.latest = d;
                Task::none()
            }
            Message::Holds(c) => {
                self.holds = c.value;
                Task::none()
            }
            Message::Upcoming(patient, result) => {
                if self.patient() == Some(patient) {
                    match result {
                        Ok(entries) => self.upcoming = entries,
                        Err(e) => self.error = Some(e),
                    }
                }
                Task::none()
            }
            Message::Priority(c) => {
                self.priority = c.value;
                Task::none()
            }
            Message::Notes(n) => {
                self.notes = n;
                Task::none()
            }
            Message::Save if self.saving => Task::none(),
            Message::Save => match self.request(ctx) {
                Ok(request) => {
                    self.error = None;
                    self.saving = true;
                    let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                    let saved = |r: Result<WaitlistRow, UiError>| Message::Saved(r.map(Box::new));
                    let work = match self.editing {
                        Some(id) => Task::perform(
                            ctx.backend
                                .run(move |s| s.edit_waitlist_entry(id, &request, &actor, now)),
                            saved,
                        ),
                        None => {
                            let id = WaitlistEntryId(uuid::Uuid::now_v7());
                            Task::perform(
                                ctx.backend
                                    .run(move |s| s.add_to_waitlist(id, &request, &actor, now)),
                                saved,
                            )
                        }
                    };
                    return (work, None);
                }
                Err(e) => {
                    self.error = Some(e);
                    Task::none()
                }
            },
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(row) => {
                        let edited = self.editing.is_some();
                        *self = Form::new(ctx);
                        return (Task::none(), Some(Event::Saved(row, edited)));
                    }
                    Err(e) => self.error = Some(sentence(&e)),
                }
                Task::none()
            }
            Message::Clear => {
                *self = Form::new(ctx);
                Task::none()
            }
        };
        (task, None)
    }

    /// The form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let mut doctors = vec![Choice::new(None, crate::t!("waitlist-any-doctor"))];
        doctors.extend(
            ctx.setup
                .doctors
                .iter()
                .filter(|(d, _)| d.active)
                .map(|(d, _)| Choice::new(Some(d.id), d.name.clone())),
        );
        let doctor = doctors.iter().find(|c| c.value == self.doctor).cloned();
        let types: Vec<Choice<VisitTypeId>> = ctx
            .setup
            .visit_types
            .iter()
            .map(|v| {
                Choice::new(
                    v.id,
                    crate::t!(
                        "waitlist-visit-type-choice",
                        name = v.name.as_str(),
                        minutes = v.minutes.to_string()
                    ),
                )
            })
            .collect();
        let visit = types
            .iter()
            .find(|c| Some(c.value) == self.visit_type)
            .cloned();
        let mut held = vec![Choice::new(None, crate::t!("waitlist-no-appointment-yet"))];
        held.extend(self.upcoming.iter().map(|e| {
            Choice::new(
                Some(e.appointment.id),
                format!(
                    "{} · {}",
                    format_local(zone, e.appointment.interval.start),
                    e.doctor_name
                ),
            )
        }));
        let holding = held.iter().find(|c| c.value == self.holds).cloned();
        let priorities: Vec<Choice<i32>> = priorities()
            .into_iter()
            .map(|(p, l)| Choice::new(p, l))
            .collect();
        let priority = priorities
            .iter()
            .find(|c| c.value == self.priority)
            .cloned();

        let title = if self.editing.is_some() {
            crate::t!("waitlist-change-title")
        } else {
            crate::t!("waitlist-add-title")
        };
        let patient: Element<'a, Message> = match &self.editing_patient {
            Some((_, name)) => field(
                crate::t!("waitlist-patient"),
                text(crate::t!("waitlist-patient-stays", name = name)).size(14),
            ),
            None => {
                let chosen: Element<'a, Message> = match &self.search.chosen {
                    Some(p) => text(format!("✓ {} · {}", p.name, p.phone)).size(13).into(),
                    None => text(crate::t!("waitlist-pick-patient")).size(12).into(),
                };
                column![
                    field(
                        crate::t!("waitlist-patient"),
                        text_input(&crate::t!("waitlist-name-or-phone"), &self.search.query)
                            .id("waitlist-patient")
                            .on_input(|q| Message::Patient(patient_search::Message::Query(q)))
                            .on_submit(Message::Patient(patient_search::Message::Enter))
                    ),
                    self.search.matches_view(false).map(Message::Patient),
                    chosen,
                ]
                .spacing(6)
                .into()
            }
        };
        let days = row(WEEKDAYS.iter().map(|d| {
            let day = *d;
            checkbox(self.weekdays.contains(day))
                .label(dates::weekday_short(day))
                .on_toggle(move |on| Message::Day(day, on))
                .size(14)
                .text_size(12)
                .spacing(3)
                .into()
        }))
        .spacing(6)
        .wrap();
        let mut form = column![
            widget::heading(title),
            patient,
            field(
                crate::t!("waitlist-doctor"),
                pick_list(doctors, doctor, Message::Doctor).width(Length::Fill)
            ),
            row![
                field(
                    crate::t!("waitlist-visit-type"),
                    pick_list(types, visit, Message::VisitType).width(Length::Fill)
                ),
                container_fixed(field(
                    crate::t!("waitlist-minutes"),
                    text_input("20", &self.minutes)
                        .id("waitlist-minutes")
                        .on_input(Message::Minutes)
                )),
            ]
            .spacing(8),
            field(crate::t!("waitlist-days"), days),
            row![
                field(
                    crate::t!("waitlist-from"),
                    text_input(&crate::t!("waitlist-any-time"), &self.from_time)
                        .id("waitlist-from")
                        .on_input(Message::FromTime)
                ),
                field(
                    crate::t!("waitlist-until"),
                    text_input(&crate::t!("waitlist-any-time"), &self.until_time)
                        .id("waitlist-until")
                        .on_input(Message::UntilTime)
                ),
            ]
            .spacing(8),
            row![
                field(
                    crate::t!("waitlist-earliest-date"),
                    text_input("YYYY-MM-DD", &self.earliest)
                        .id("waitlist-earliest")
                        .on_input(Message::Earliest)
                ),
                field(
                    crate::t!("waitlist-latest-date"),
                    text_input("YYYY-MM-DD", &self.latest)
                        .id("waitlist-latest")
                        .on_input(Message::Latest)
                ),
            ]
            .spacing(8),
            field(
                crate::t!("waitlist-wants-earlier-than"),
                pick_list(held, holding, Message::Holds).width(Length::Fill)
            ),
            field(
                crate::t!("waitlist-priority"),
                pick_list(priorities, priority, Message::Priority).width(Length::Fill)
            ),
            field(
                crate::t!("waitlist-notes"),
                text_input(&crate::t!("waitlist-notes-example"), &self.notes)
                    .id("waitlist-notes")
                    .on_input(Message::Notes)
            ),
        ]
        .spacing(10);
        if let Some(e) = &self.error {
            form = form.push(widget::error_text(e));
        }
        let save = if self.saving {
            crate::t!("waitlist-saving")
        } else if self.editing.is_some() {
            crate::t!("waitlist-save-changes")
        } else {
            crate::t!("waitlist-add")
        };
        form = form.push(
            row![
                button(text(save))
                    .on_press_maybe((!self.saving).then_some(Message::Save))
                    .style(button::primary),
                button(text(if self.editing.is_some() {
                    crate::t!("waitlist-stop-editing")
                } else {
                    crate::t!("waitlist-clear")
                }))
                .on_press(Message::Clear)
                .style(button::secondary),
            ]
            .spacing(8),
        );
        form.into()
    }
}

fn container_fixed<'a>(content: Element<'a, Message>) -> Element<'a, Message> {
    iced::widget::container(content)
        .width(Length::Fixed(90.0))
        .into()
}

/// Loads a patient's upcoming appointments that hold time (the ones they may want earlier).
fn upcoming(ctx: &Context<'_>, patient: PatientId) -> Task<Message> {
    let now = ctx.now;
    let window = Interval::new(now, now + Duration::days(400));
    let clinic = ctx.clinic.id;
    let load = ctx
        .backend
        .run(move |s| s.agenda(clinic, window, AgendaFilter::Patient(patient)));
    Task::perform(load, move |r| {
        let upcoming = r.map(|entries| {
            entries
                .into_iter()
                .filter(|e| {
                    e.appointment.status.holds_time()
                        && e.appointment.status != Status::Completed
                        && e.appointment.interval.start > now
                })
                .collect()
        });
        Message::Upcoming(patient, upcoming)
    })
}
