//! The details panel's "Reminders in" line: the language this appointment's patient reads
//! their reminders in (their own, or the clinic's), read with the appointment and changed on
//! the spot; a change is stored and logged at once, for every appointment of the patient.

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
    /// A change is being stored.
    busy: bool,
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
                if number == self.reads && !self.busy {
                    match result {
                        Ok(language) => self.language = Some(language),
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Chose(choice) => {
                let Some(patient) = self.patient else {
                    return Task::none();
                };
                if self.busy || self.language == Some(choice.value) {
                    return Task::none();
                }
                self.busy = true;
                self.error = None;
                let (language, actor, now) = (choice.value, ctx.actor.to_owned(), ctx.now);
                let task = ctx.backend.run(move |s| {
                    s.set_patient_language(patient, language, &actor, now)?;
                    s.patient_language(patient)
                });
                return Task::perform(task, Message::Saved);
            }
            Message::Saved(result) => {
                self.busy = false;
                match result {
                    Ok(language) => self.language = Some(language),
                    Err(e) => self.error = Some(e),
                }
            }
        }
        Task::none()
    }

    /// The line, once the language is known.
    pub fn view<'a>(&'a self) -> Option<Element<'a, Message>> {
        let language = self.language?;
        let choices = choices();
        let chosen = choices.iter().find(|c| c.value == language).cloned();
        let picker = pick_list(choices, chosen, Message::Chose)
            .id("details-language")
            .text_size(13);
        let mut line = column![
            row![
                text(crate::t!("details-language"))
                    .size(12.5)
                    .width(Length::Fixed(110.0)),
                if self.busy {
                    Element::from(text(crate::t!("details-language-saving")).size(13))
                } else {
                    picker.into()
                },
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center)
        ]
        .spacing(4);
        if let Some(e) = &self.error {
            line = line.push(widget::error_text(e));
        }
        Some(line.into())
    }
}
