//! The offer panel beside the calendar: the waiting patients who fit a freed slot, best first;
//! the desk picks one (offered), confirms the booking, and is then asked whether the patient's
//! later appointment should be cancelled. The board and banner are in `offer_board.rs`.

use iced::widget::{button, column, container, row, rule, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
pub use super::offer_board::{Board, banner, slot_label, span_label};
use super::waitlist_form::{priority_label, sentence};
use crate::gui::backend::UiError;
use crate::gui::widget;
use crate::scheduling::time::format_local;
use crate::scheduling::waitlist::{FreedSlot, WaitlistEntryId, waited};
use crate::scheduling::*;
use crate::store::{
    BookingOutcome, BookingRequest, HeldAppointment, Start, WaitlistMatch, WaitlistOffer,
};

/// Where the panel is.
#[derive(Debug, Clone)]
enum Step {
    /// Choosing who gets the slot.
    Choose,
    /// The chosen patient, offered the slot: confirm the booking.
    Confirm {
        pick: Box<WaitlistMatch>,
        reason: String,
        conflicts: Vec<Conflict>,
    },
    /// Booked; the patient holds a later appointment: cancel it?
    Booked {
        name: String,
        booked: Box<Appointment>,
        held: HeldAppointment,
    },
    /// Finished: what happened.
    Done(String),
}

/// The offer panel's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The freed slot offered.
    pub slot: FreedSlot,
    doctor_name: String,
    room_name: Option<String>,
    matches: Vec<WaitlistMatch>,
    loading: bool,
    busy: bool,
    step: Step,
    error: Option<UiError>,
}

/// What happens in the panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// Fresh matches for the slot arrived.
    Refreshed(Result<Box<WaitlistOffer>, UiError>),
    /// The desk chose this patient: offer them the slot.
    Choose(WaitlistEntryId),
    /// The offer was recorded (or refused) for that entry.
    Offered(WaitlistEntryId, Result<(), UiError>),
    /// The conflicts of the booking to confirm arrived.
    Checked(Result<Vec<Conflict>, UiError>),
    /// The reason for the visit changed.
    Reason(String),
    /// Confirm booking was pressed.
    Book,
    /// The booking was stored or refused.
    Booked(Result<Box<BookingOutcome>, UiError>),
    /// The patient said no to the slot: they keep waiting.
    Decline(WaitlistEntryId),
    /// The decline was recorded (or refused) for that entry.
    Declined(WaitlistEntryId, Result<(), UiError>),
    /// Cancel the later appointment the patient held (they asked for it).
    CancelHeld,
    /// Keep the later appointment.
    KeepHeld,
    /// The later appointment was cancelled (or not).
    HeldCancelled(Result<(), UiError>),
    /// The panel was closed.
    Close,
}

/// What the panel tells the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// A patient was booked into the slot: the slot is taken.
    Booked(Box<BookingOutcome>, String),
    /// Something else changed in the calendar (a later appointment was cancelled).
    Changed(String),
    /// The panel was closed; `settled` when the slot needs no more offering.
    Closed {
        /// The slot.
        slot: Box<FreedSlot>,
        /// Booked, or nobody fits any more.
        settled: bool,
    },
}

/// A visit type's name, or "Visit" when the wish names none.
fn visit_name(name: Option<&str>) -> String {
    name.map_or_else(|| crate::t!("offer-visit-default"), str::to_owned)
}

/// Opens the panel on an offer and asks again who fits now.
pub fn open(ctx: &Context<'_>, offer: &WaitlistOffer) -> (State, Task<Message>) {
    let state = State {
        slot: offer.slot.clone(),
        doctor_name: offer.doctor_name.clone(),
        room_name: offer.room_name.clone(),
        matches: offer.matches.clone(),
        loading: true,
        busy: false,
        step: Step::Choose,
        error: None,
    };
    let task = state.refresh(ctx);
    (state, task)
}

impl State {
    fn refresh(&self, ctx: &Context<'_>) -> Task<Message> {
        let (slot, now) = (self.slot.clone(), ctx.now);
        let work = ctx.backend.run(move |s| s.waitlist_matches(&slot, now));
        Task::perform(work, |r| Message::Refreshed(r.map(Box::new)))
    }

    fn request(&self, ctx: &Context<'_>, pick: &WaitlistMatch, reason: &str) -> BookingRequest {
        let q = &pick.row.entry.request;
        let mode = ctx
            .setup
            .visit_types
            .iter()
            .find(|v| Some(v.id) == q.visit_type)
            .map(|v| v.default_mode)
            .unwrap_or(Mode::InClinic);
        BookingRequest {
            clinic: self.slot.clinic,
            patient: q.patient,
            doctor: self.slot.doctor,
            room: self.slot.room,
            visit_type: q.visit_type,
            start: Start::At(pick.interval.start),
            minutes: pick.interval.minutes(),
            mode,
            kind: Kind::Scheduled,
            priority: 0,
            reason: reason.trim().to_owned(),
            notes: q.notes.clone(),
            overbook: None,
            new_patient: None,
        }
    }

    fn settled(&self) -> bool {
        matches!(self.step, Step::Booked { .. } | Step::Done(_))
            || (!self.loading && self.matches.is_empty())
    }

    /// Handles a message; returns work to run and an event for the app.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        let backend = ctx.backend;
        match message {
            Message::Refreshed(result) => {
                self.loading = false;
                match result {
                    Ok(offer) => self.matches = offer.matches,
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Choose(id) => {
                let Some(pick) = self.matches.iter().find(|m| m.row.entry.id == id) else {
                    return (Task::none(), None);
                };
                self.busy = true;
                self.error = None;
                let (slot, visit) = (self.slot.clone(), pick.interval);
                let work =
                    backend.run(move |s| s.offer_waitlist_slot(id, &slot, visit, &actor, now));
                return (Task::perform(work, move |r| Message::Offered(id, r)), None);
            }
            Message::Offered(id, result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        let Some(pick) = self.matches.iter().find(|m| m.row.entry.id == id) else {
                            return (Task::none(), None);
                        };
                        let request = self.request(ctx, pick, "");
                        self.step = Step::Confirm {
                            pick: Box::new(pick.clone()),
                            reason: String::new(),
                            conflicts: Vec::new(),
                        };
                        let check = backend.run(move |s| s.preview(&request, now));
                        return (Task::perform(check, Message::Checked), None);
                    }
                    Err(e) => {
                        self.error = Some(sentence(&e));
                        return (self.refresh(ctx), None);
                    }
                }
            }
            Message::Checked(result) => {
                if let Step::Confirm { conflicts, .. } = &mut self.step {
                    match result {
                        Ok(c) => *conflicts = c,
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Reason(r) => {
                if let Step::Confirm { reason, .. } = &mut self.step {
                    *reason = r;
                }
            }
            Message::Book => {
                let Step::Confirm { pick, reason, .. } = &self.step else {
                    return (Task::none(), None);
                };
                if self.busy {
                    return (Task::none(), None);
                }
                self.busy = true;
                self.error = None;
                let request = self.request(ctx, pick, reason);
                let id = pick.row.entry.id;
                let work = backend.run(move |s| s.book_from_waitlist(id, &request, &actor, now));
                return (
                    Task::perform(work, |r| Message::Booked(r.map(Box::new))),
                    None,
                );
            }
            Message::Booked(result) => {
                self.busy = false;
                let Step::Confirm { pick, .. } = &self.step else {
                    return (Task::none(), None);
                };
                match result {
                    Ok(outcome) => {
                        let name = pick.row.patient_name.clone();
                        let a = outcome.appointment.clone();
                        let zone = ctx.clinic.time_zone;
                        let said = crate::t!(
                            "offer-booked",
                            patient = &name,
                            slot = slot_label(&self.doctor_name, &self.slot_of(&a), zone)
                        );
                        let later = pick
                            .row
                            .held
                            .clone()
                            .filter(|h| h.status.holds_time() && h.start > a.interval.start);
                        self.step = match later {
                            Some(held) => Step::Booked {
                                name: name.clone(),
                                booked: Box::new(a),
                                held,
                            },
                            None => Step::Done(said.clone()),
                        };
                        return (Task::none(), Some(Event::Booked(outcome, said)));
                    }
                    Err(e) => {
                        self.error = Some(sentence(&e));
                    }
                }
            }
            Message::Decline(id) => {
                // From the confirm step the patient was offered the slot; from the list not yet.
                self.busy = true;
                self.error = None;
                // Reasons are kept in the record as every desk writes them: in English.
                let reason = crate::t_in!(crate::i18n::Language::English, "offer-declined-reason");
                let work = backend.run(move |s| s.decline_waitlist_offer(id, &reason, &actor, now));
                return (Task::perform(work, move |r| Message::Declined(id, r)), None);
            }
            Message::Declined(id, result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        self.matches.retain(|m| m.row.entry.id != id);
                        self.step = Step::Choose;
                    }
                    Err(e) => self.error = Some(sentence(&e)),
                }
            }
            Message::CancelHeld => {
                let Step::Booked { held, .. } = &self.step else {
                    return (Task::none(), None);
                };
                self.busy = true;
                let action = StatusAction::Cancel {
                    reason: crate::t_in!(
                        crate::i18n::Language::English,
                        "offer-moved-earlier-reason"
                    ),
                    by: CancelledBy::Patient,
                };
                let id = held.id;
                let work = backend.run(move |s| s.change_status(id, &action, &actor, now));
                return (
                    Task::perform(work, |r| Message::HeldCancelled(r.map(|_| ()))),
                    None,
                );
            }
            Message::KeepHeld => {
                if let Step::Booked { name, held, .. } = &self.step {
                    let zone = ctx.clinic.time_zone;
                    self.step = Step::Done(crate::t!(
                        "offer-keeps-both",
                        patient = name,
                        when = format_local(zone, held.start),
                        doctor = &held.doctor_name
                    ));
                }
            }
            Message::HeldCancelled(result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        if let Step::Booked { name, held, .. } = &self.step {
                            let zone = ctx.clinic.time_zone;
                            let said = crate::t!(
                                "offer-cancelled-later",
                                patient = name,
                                when = format_local(zone, held.start),
                                doctor = &held.doctor_name
                            );
                            self.step = Step::Done(said.clone());
                            return (Task::none(), Some(Event::Changed(said)));
                        }
                    }
                    Err(e) => self.error = Some(sentence(&e)),
                }
            }
            Message::Close => {
                let event = Event::Closed {
                    slot: Box::new(self.slot.clone()),
                    settled: self.settled(),
                };
                return (Task::none(), Some(event));
            }
        }
        (Task::none(), None)
    }

    fn slot_of(&self, a: &Appointment) -> FreedSlot {
        FreedSlot {
            interval: a.interval,
            ..self.slot.clone()
        }
    }

    /// The panel.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let mut where_ = slot_label(&self.doctor_name, &self.slot, zone);
        if let Some(room) = &self.room_name {
            where_ = format!("{where_} · {room}");
        }
        let mut panel = column![
            row![
                widget::heading(crate::t!("offer-title")),
                iced::widget::space::horizontal(),
                button(text(crate::t!("details-close")))
                    .on_press(Message::Close)
                    .style(button::secondary)
            ],
            text(where_).size(14),
            rule::horizontal(1),
        ]
        .spacing(10);
        match &self.step {
            Step::Choose => {
                if self.loading && self.matches.is_empty() {
                    panel = panel.push(text(crate::t!("offer-looking")).size(13));
                } else if self.matches.is_empty() {
                    panel = panel.push(text(crate::t!("offer-nobody")).size(13));
                } else {
                    panel = panel
                        .push(text(crate::t!("offer-fit", count = self.matches.len())).size(13));
                }
                for m in &self.matches {
                    panel = panel.push(self.card(m, ctx));
                }
            }
            Step::Confirm {
                pick,
                reason,
                conflicts,
            } => {
                let r = &pick.row;
                panel = panel
                    .push(
                        text(crate::t!(
                            "offer-book-patient",
                            patient = crate::text::isolate(&r.patient_name).into_owned(),
                            phone = &r.patient_phone
                        ))
                        .size(16),
                    )
                    .push(
                        text(crate::t!(
                            "offer-visit",
                            span = span_label(pick.interval.start, pick.interval.end, zone),
                            visit = visit_name(r.visit_type_name.as_deref()),
                            minutes = pick.interval.minutes()
                        ))
                        .size(13),
                    )
                    .push(widget::field(
                        crate::t!("booking-reason"),
                        text_input(&crate::t!("booking-reason-placeholder"), reason)
                            .id("offer-reason")
                            .on_input(Message::Reason),
                    ));
                if !conflicts.is_empty() {
                    panel = panel.push(widget::conflicts(conflicts));
                }
                panel = panel.push(
                    row![
                        button(text(if self.busy {
                            crate::t!("offer-booking")
                        } else {
                            crate::t!("offer-confirm")
                        }))
                        .on_press_maybe((!self.busy).then_some(Message::Book))
                        .style(button::primary),
                        button(text(crate::t!("offer-they-said-no")))
                            .on_press_maybe((!self.busy).then_some(Message::Decline(r.entry.id)))
                            .style(button::secondary),
                    ]
                    .spacing(8),
                );
            }
            Step::Booked { name, booked, held } => {
                panel = panel
                    .push(
                        text(crate::t!(
                            "offer-booked-at",
                            patient = name,
                            span = span_label(booked.interval.start, booked.interval.end, zone)
                        ))
                        .size(14),
                    )
                    .push(
                        text(crate::t!(
                            "offer-holds-later",
                            patient = name,
                            when = format_local(zone, held.start),
                            doctor = &held.doctor_name
                        ))
                        .size(13),
                    )
                    .push(
                        row![
                            button(text(crate::t!("offer-cancel-later")))
                                .on_press_maybe((!self.busy).then_some(Message::CancelHeld))
                                .style(button::danger),
                            button(text(crate::t!("offer-keep-both")))
                                .on_press_maybe((!self.busy).then_some(Message::KeepHeld))
                                .style(button::secondary),
                        ]
                        .spacing(8)
                        .wrap(),
                    );
            }
            Step::Done(said) => {
                panel = panel.push(text(said.as_str()).size(14));
            }
        }
        if let Some(e) = &self.error {
            panel = panel.push(widget::error_text(e));
        }
        scrollable(panel.padding(14)).into()
    }

    fn card<'a>(&'a self, m: &'a WaitlistMatch, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let r = &m.row;
        let e = &r.entry;
        let mut facts = vec![
            crate::t!("offer-waiting", waited = waited(e.created_at, ctx.now)),
            crate::t!(
                "offer-priority",
                priority = priority_label(e.request.priority).to_lowercase()
            ),
            crate::t!(
                "offer-wants",
                visit = visit_name(r.visit_type_name.as_deref()),
                minutes = e.request.minutes
            ),
        ];
        if let Some(h) = r.held.as_ref().filter(|h| h.status.holds_time()) {
            facts.push(crate::t!("offer-holds", when = format_local(zone, h.start)));
        }
        let mut card = column![
            text(format!(
                "{} · {}",
                crate::text::isolate(&r.patient_name),
                r.patient_phone
            ))
            .size(14),
            text(facts.join(" · ")).size(12),
        ]
        .spacing(4);
        if !e.request.notes.is_empty() {
            card = card.push(text(format!("“{}”", e.request.notes)).size(12));
        }
        card = card.push(
            row![
                button(
                    text(crate::t!(
                        "offer-book",
                        patient = crate::text::isolate(&r.patient_name).into_owned()
                    ))
                    .size(13),
                )
                .on_press_maybe((!self.busy).then_some(Message::Choose(e.id)))
                .style(button::primary),
                button(text(crate::t!("offer-said-no")).size(13))
                    .on_press_maybe((!self.busy).then_some(Message::Decline(e.id)))
                    .style(button::secondary),
            ]
            .spacing(6)
            .wrap(),
        );
        container(card)
            .padding(8)
            .width(Length::Fill)
            .style(container::bordered_box)
            .into()
    }
}
