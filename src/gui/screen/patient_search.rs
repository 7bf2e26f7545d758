//! Patient typeahead shared by the booking and walk-in forms: the text typed, the matches of the
//! latest search (answers to older searches are dropped), and the patient chosen; and the new
//! patient the forms register when none is chosen, checked under the entry rules. The store
//! then books a registered patient instead when the name and phone identify one
//! (`scheduling::patient_match`), and [`registered_note`] says so.

use iced::widget::{button, column, text};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::scheduling::entry;
use crate::scheduling::{Patient, PatientId};

/// The typeahead's state.
#[derive(Debug, Clone, Default)]
pub struct PatientSearch {
    /// What was typed (a name or a phone number; the new patient's name if none matches).
    pub query: String,
    /// Patients matching the latest search.
    pub matches: Vec<Patient>,
    /// The patient picked from the matches.
    pub chosen: Option<Patient>,
    generation: u64,
}

/// What happens in the typeahead.
#[derive(Debug, Clone)]
pub enum Message {
    /// The text changed.
    Query(String),
    /// Matches arrived for the search of that generation.
    Matches(u64, Result<Vec<Patient>, UiError>),
    /// A patient was picked from the matches.
    Pick(Patient),
}

impl PatientSearch {
    /// Handles a message; returns the search to run, and an error to show, if any.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<UiError>) {
        match message {
            Message::Query(q) => {
                self.query = q;
                self.chosen = None;
                self.generation += 1;
                if self.query.trim().chars().count() < 2 {
                    self.matches.clear();
                    return (Task::none(), None);
                }
                let generation = self.generation;
                let search = ctx.backend.clone().search_patients(self.query.clone());
                let task = Task::perform(search, move |r| Message::Matches(generation, r));
                return (task, None);
            }
            Message::Matches(generation, result) => {
                if generation == self.generation {
                    match result {
                        Ok(found) => self.matches = found,
                        Err(e) => return (Task::none(), Some(e)),
                    }
                }
            }
            Message::Pick(p) => {
                self.query = p.name.clone();
                self.chosen = Some(p);
                self.matches.clear();
            }
        }
        (Task::none(), None)
    }

    /// The matches, each a button that picks the patient.
    pub fn matches_view(&self) -> Element<'_, Message> {
        column(self.matches.iter().map(|p| {
            button(text(format!("{}  ·  {}", p.name, p.phone)).size(13))
                .on_press(Message::Pick(p.clone()))
                .style(button::text)
                .width(Length::Fill)
                .into()
        }))
        .into()
    }
}

/// The new patient a form registers from the name typed and the phone, checked under the entry
/// rules (`scheduling::entry`), or what to fix ("Name: …", "Phone: …").
pub fn new_patient(name: &str, phone: &str) -> Result<Patient, UiError> {
    Ok(Patient {
        id: PatientId(uuid::Uuid::new_v4()),
        name: entry::person_name(name).map_err(|e| format!("Name: {e}."))?,
        phone: entry::phone(phone).map_err(|e| format!("Phone: {e}."))?,
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    })
}

/// What to tell the desk when a form asked to register `new` and the store booked `booked`:
/// `Some` when the name and phone identified a patient registered already.
pub fn registered_note(new: Option<&Patient>, booked: PatientId) -> Option<String> {
    new.filter(|n| n.id != booked).map(|n| {
        format!(
            "{} with this phone was already registered, so no new patient was added",
            n.name
        )
    })
}
