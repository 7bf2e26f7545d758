//! The clinic's own settings: name, address, time zone, default slot length and opening hours.
//! New hours or a new zone that leave booked appointments outside opening time list them first.

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Task};

use super::Event;
use super::guard::Guard;
use super::parts;
use crate::gui::backend::UiError;
use crate::gui::screen::Context;
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::hours_text::{parse_week, week_texts};
use crate::scheduling::setup_rules::*;
use crate::scheduling::*;
use crate::store::{AgendaEntry, Saved};

/// The clinic form.
#[derive(Debug, Clone)]
pub struct Form {
    id: ClinicId,
    name: String,
    address: String,
    zone: String,
    slot: String,
    hours: [String; 7],
    problems: Vec<Invalid>,
    guard: Guard<Clinic>,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
}

/// What happens in the clinic form.
#[derive(Debug, Clone)]
pub enum Message {
    /// The name changed.
    Name(String),
    /// The address changed.
    Address(String),
    /// The time zone changed.
    Zone(String),
    /// The slot length changed.
    Slot(String),
    /// One weekday's opening hours changed (0 is Monday).
    Hours(usize, String),
    /// "Save clinic" was pressed.
    Save,
    /// The stranded appointments of the check with this generation arrived.
    Checked(u64, Result<Vec<AgendaEntry>, UiError>),
    /// "Save anyway" after the stranded appointments were listed.
    SaveAnyway,
    /// The clinic was stored or refused.
    Saved(Result<Saved, UiError>),
    /// Open a stranded appointment on the calendar.
    Open(Box<AgendaEntry>),
}

impl Form {
    /// The form filled from `clinic`.
    pub fn new(clinic: &Clinic) -> Self {
        Self {
            id: clinic.id,
            name: clinic.name.clone(),
            address: clinic.address.clone(),
            zone: clinic.time_zone.name().to_owned(),
            slot: clinic.slot_minutes.to_string(),
            hours: week_texts(&clinic.opening_hours),
            problems: Vec::new(),
            guard: Guard::default(),
            saving: false,
            notice: None,
            error: None,
        }
    }

    /// The clinic the form edits.
    pub fn id(&self) -> ClinicId {
        self.id
    }

    /// The clinic as typed, or every problem with it.
    fn parsed(&self, ctx: &Context<'_>) -> Result<Clinic, Vec<Invalid>> {
        let mut problems = Vec::new();
        let zone =
            parse_zone(&self.zone).map_err(|e| problems.push(Invalid::new(Field::TimeZone, e)));
        let slot = parse_slot_minutes(&self.slot)
            .map_err(|e| problems.push(Invalid::new(Field::SlotMinutes, e)));
        let hours = parse_week(&self.hours).map_err(|p| problems.extend(p));
        let (Ok(time_zone), Ok(slot_minutes), Ok(opening_hours)) = (zone, slot, hours) else {
            let mut all = clinic_name_problem(self, ctx);
            all.extend(problems);
            return Err(all);
        };
        let clinic = Clinic {
            id: self.id,
            name: tidy_name(&self.name),
            address: self.address.trim().to_owned(),
            time_zone,
            opening_hours,
            slot_minutes,
        };
        let problems = clinic_problems(&clinic, &ctx.setup.clinics);
        if problems.is_empty() {
            Ok(clinic)
        } else {
            Err(problems)
        }
    }

    fn store(&mut self, clinic: Clinic, ctx: &Context<'_>) -> Task<Message> {
        self.saving = true;
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        Task::perform(
            ctx.backend
                .run(move |s| s.save_clinic(&clinic, &actor, now)),
            Message::Saved,
        )
    }

    fn edited(&mut self) {
        self.guard.edited();
        self.notice = None;
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Name(t) => {
                self.name = t;
                self.edited();
            }
            Message::Address(t) => {
                self.address = t;
                self.edited();
            }
            Message::Zone(t) => {
                self.zone = t;
                self.edited();
            }
            Message::Slot(t) => {
                self.slot = t;
                self.edited();
            }
            Message::Hours(day, t) => {
                if let Some(h) = self.hours.get_mut(day) {
                    *h = t;
                }
                self.edited();
            }
            Message::Save => {
                if self.saving || self.guard.checking {
                    return (Task::none(), None);
                }
                self.error = None;
                self.notice = None;
                match self.parsed(ctx) {
                    Err(problems) => {
                        self.problems = problems;
                        self.error = Some(parts::not_saved());
                    }
                    Ok(clinic) => {
                        self.problems.clear();
                        // The days as read ("9 to 5" shows as 09:00–17:00).
                        self.hours = week_texts(&clinic.opening_hours);
                        let stored = ctx.setup.clinic(self.id);
                        let moved = stored.is_none_or(|s| {
                            s.time_zone != clinic.time_zone
                                || s.opening_hours != clinic.opening_hours
                        });
                        if !moved {
                            return (self.store(clinic, ctx), None);
                        }
                        let change = SetupChange::ClinicHours {
                            clinic: clinic.id,
                            zone: clinic.time_zone,
                            hours: clinic.opening_hours.clone(),
                        };
                        let generation = self.guard.begin(clinic);
                        let now = ctx.now;
                        return (
                            Task::perform(
                                ctx.backend.run(move |s| s.at_risk(&change, now)),
                                move |r| Message::Checked(generation, r),
                            ),
                            None,
                        );
                    }
                }
            }
            Message::Checked(generation, Ok(entries)) => {
                let place = crate::t!("settings-stranded-outside-clinic-hours");
                if let Some(clinic) = self.guard.checked(generation, entries, place) {
                    return (self.store(clinic, ctx), None);
                }
            }
            Message::Checked(generation, Err(e)) => {
                self.guard.failed(generation);
                self.error = Some(e);
            }
            Message::SaveAnyway => {
                if let Some(clinic) = self.guard.anyway() {
                    return (self.store(clinic, ctx), None);
                }
            }
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(saved) => {
                        self.guard.saved();
                        self.notice = Some(parts::saved_words(
                            saved,
                            &crate::t!("settings-what-clinic"),
                        ));
                        return (Task::none(), Some(Event::SetupChanged));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Open(entry) => return (Task::none(), Some(Event::Open(entry))),
        }
        (Task::none(), None)
    }

    /// The form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let p = |f| parts::problem(&self.problems, f);
        let details = column![
            parts::field(
                crate::t!("settings-name"),
                text_input(&crate::t!("settings-clinic-name-example"), &self.name)
                    .id("clinic-name")
                    .on_input(Message::Name),
                p(Field::Name),
            ),
            parts::field(
                crate::t!("settings-clinic-address"),
                text_input(&crate::t!("settings-clinic-address-example"), &self.address)
                    .id("clinic-address")
                    .on_input(Message::Address),
                None,
            ),
            row![
                parts::field(
                    crate::t!("settings-clinic-zone"),
                    text_input("Asia/Kolkata", &self.zone)
                        .id("clinic-zone")
                        .on_input(Message::Zone),
                    p(Field::TimeZone),
                ),
                parts::field(
                    crate::t!("settings-clinic-slot"),
                    text_input("15", &self.slot)
                        .id("clinic-slot")
                        .on_input(Message::Slot),
                    p(Field::SlotMinutes),
                ),
            ]
            .spacing(10),
        ]
        .spacing(10);
        let mut hours = column![parts::hours_editor(
            &self.hours,
            &self.problems,
            "clinic",
            Message::Hours
        )]
        .spacing(8);
        // A problem with the week as a whole ("never open") shows under the days.
        if let Some(never) = p(Field::Week) {
            hours = hours.push(parts::problem_text(never));
        }
        let busy = self.saving || self.guard.checking;
        let mut col = column![
            parts::card(crate::t!("settings-clinic-card"), None, details),
            parts::card(
                crate::t!("settings-opening-hours"),
                Some(crate::t!("settings-clinic-hours-hint")),
                hours,
            ),
            button(
                text(if busy {
                    crate::t!("settings-saving")
                } else {
                    crate::t!("settings-clinic-save")
                })
                .size(14)
            )
            .on_press_maybe((!busy).then_some(Message::Save))
            .style(button::primary),
        ]
        .spacing(14)
        .max_width(820);
        if let Some(s) = &self.guard.stranded {
            let zone = ctx.clinic.time_zone;
            col = col.push(parts::stranded(s, zone, Message::Open, Message::SaveAnyway));
        }
        col.push(parts::outcome(&self.notice, &self.error)).into()
    }
}

/// The name's problem alone, for when other fields could not be read.
fn clinic_name_problem(form: &Form, ctx: &Context<'_>) -> Vec<Invalid> {
    let others = ctx.setup.clinics.iter().filter(|c| c.id != form.id);
    match check_name("a clinic", &form.name, others.map(|c| c.name.as_str())) {
        Ok(()) => Vec::new(),
        Err(e) => vec![Invalid::new(Field::Name, e)],
    }
}
