//! The details panel's "Reminders in" line: the language this appointment's patient reads
//! their reminders in (their own, or the clinic's), read with the appointment and changed on
//! the spot; a change is stored and logged at once, for every appointment of the patient.
//! The picker stays on screen (and keeps the keyboard's focus) while a choice is stored:
//! choices made meanwhile (arrow keys held down) are stored after it, the newest last.

use iced::widget::{column, row, text};
use iced::{Element, Length, Task};

use super::super::Context;
use crate::gui::backend::UiError;
use crate::gui::choice_keys::pick_list;
use crate::gui::widget::{self, Choice};
use crate::i18n::Language;
use crate::scheduling::PatientId;

/// The line's state.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Whose language it is (`None` before the appointment was read).
    patient: Option<PatientId>,
    /// The patient's language as stored (`None` inside: the clinic's); `None` until read.
    language: Option<Option<Language>>,
    /// The choice being stored, while one is.
    storing: Option<Option<Language>>,
    /// The newest choice made while another was being stored, to store next.
    next: Option<Option<Language>>,
    /// The number of the latest read ([`Message::Read`]).
    reads: u64,
    error: Option<UiError>,
}

/// What happens on the line.
#[derive(Debug, Clone)]
pub enum Message {
    /// The patient's language arrived, for the read with this number (an older read's
    /// answer is dropped).
    Read(u64, Result<Option<Language>, UiError>),
    /// A language was picked (or the clinic's).
    Chose(Choice<Option<Language>>),
    /// The choice was stored (the language as stored now), or refused.
    Saved(Result<Option<Language>, UiError>),
}

/// The picker's choices: the clinic's language, then every language by its own name.
fn choices() -> Vec<Choice<Option<Language>>> {
    std::iter::once(Choice::new(None, crate::t!("details-language-clinic")))
        .chain(
            Language::ALL
                .into_iter()
                .map(|l| Choice::new(Some(l), l.native_name())),
        )
        .collect()
}

impl State {
    /// Reads the language of `patient` (the appointment arrived or was read again).
    pub fn read(&mut self, ctx: &Context<'_>, patient: PatientId) -> Task<Message> {
        if self.patient != Some(patient) {
            self.language = None;
        }
        self.patient = Some(patient);
        self.reads = self.reads.wrapping_add(1);
        let number = self.reads;
        let task = ctx.backend.run(move |s| s.patient_language(patient));
        Task::perform(task, move |r| Message::Read(number, r))
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        match message {
            Message::Read(number, result) => {
                // While a change is stored its answer is newer than any read.
                if number == self.reads && self.storing.is_none() {
                    match result {
                        Ok(language) => {
                            self.language = Some(language);
                            self.error = None;
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Chose(choice) => {
                if self.storing.is_some() {
                    self.next = Some(choice.value);
                    return Task::none();
                }
                if self.language == Some(choice.value) {
                    return Task::none();
                }
                return self.store(choice.value, ctx);
            }
            Message::Saved(result) => {
                self.storing = None;
                // A read started before this change is older than its answer.
                self.reads = self.reads.wrapping_add(1);
                match result {
                    Ok(language) => {
                        self.language = Some(language);
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
                if let Some(next) = self.next.take()
                    && self.language != Some(next)
                {
                    return self.store(next, ctx);
                }
            }
        }
        Task::none()
    }

    /// Stores `language` as the patient's, off the window's thread.
    fn store(&mut self, language: Option<Language>, ctx: &Context<'_>) -> Task<Message> {
        let Some(patient) = self.patient else {
            return Task::none();
        };
        self.storing = Some(language);
        self.error = None;
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        let task = ctx.backend.run(move |s| {
            s.set_patient_language(patient, language, &actor, now)?;
            s.patient_language(patient)
        });
        Task::perform(task, Message::Saved)
    }

    /// The line, once the language is known (or why it could not be read).
    pub fn view<'a>(&'a self) -> Option<Element<'a, Message>> {
        if self.language.is_none() && self.error.is_none() {
            return None;
        }
        let mut line = column![].spacing(4);
        if let Some(language) = self.language {
            // The choice being stored (or waiting to be) shows at once, and the arrow keys go
            // on from it.
            let shown = self.next.or(self.storing).unwrap_or(language);
            let choices = choices();
            let chosen = choices.iter().find(|c| c.value == shown).cloned();
            let mut label = row![
                text(crate::t!("details-language"))
                    .size(12.5)
                    .width(Length::Fixed(110.0)),
                pick_list(choices, chosen, Message::Chose)
                    .id("details-language")
                    .text_size(13),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center);
            if self.storing.is_some() {
                label = label.push(text(crate::t!("details-language-saving")).size(12));
            }
            line = line.push(label);
        }
        if let Some(e) = &self.error {
            line = line.push(widget::error_text(e));
        }
        Some(line.into())
    }
}
