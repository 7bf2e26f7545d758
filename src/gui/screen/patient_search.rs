//! Patient typeahead shared by the booking and walk-in forms: the text typed, the matches of the
//! latest search (answers to older searches are dropped), and the patient chosen; and the new
//! patient the forms register when none is chosen, checked under the entry rules. The store
//! then books a registered patient instead when the name and phone identify one
//! (`scheduling::patient_match`), and [`registered_note`] says so.
//!
//! A new patient is never registered from a half-typed name by accident: while suggestions
//! are on screen (or the search for the text typed is still running), Enter picks the highlighted
//! suggestion, the one Up and Down highlight ([`PatientSearch::enter`]); Escape hides the list
//! (the form closes on the next Escape) without dropping what it found; and registering the typed name needs the explicit
//! "Register new patient" choice ([`PatientSearch::needs_choice`]). Before registering, the
//! forms ask the store for likely duplicates (`patient_match::likely_duplicates`: the same
//! phone, or the same name and date of birth) and register only after "Register anyway".

use iced::widget::{button, column, text};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::scheduling::entry::{self, shown};
use crate::scheduling::{Patient, PatientId};

/// How many registered patients a typeahead asks the store for (this one and the palette's).
pub const MATCHES_ASKED: usize = 12;

/// The typeahead's state.
#[derive(Debug, Clone, Default)]
pub struct PatientSearch {
    /// What was typed (a name or a phone number; the new patient's name if none matches).
    pub query: String,
    /// Patients matching the latest search.
    pub matches: Vec<Patient>,
    /// The patient picked from the matches.
    pub chosen: Option<Patient>,
    /// The desk chose to register the typed name as a new patient although suggestions were
    /// shown.
    pub register_new: bool,
    /// Registered patients the new patient is likely to be, found when the form was saved;
    /// shown with the question until the desk picks one or registers anyway.
    pub duplicates: Vec<Patient>,
    /// The new patient's name and phone, as typed, that were checked for duplicates (none
    /// found, or "Register anyway" chosen).
    cleared: Option<(String, String)>,
    generation: u64,
    /// The search whose matches are shown.
    answered: u64,
    /// Enter was pressed while the search for the text typed was running.
    enter_pending: bool,
    /// A pending Enter found no suggestion: the form goes on as Enter with nothing shown does.
    submit: bool,
    /// The suggestion Enter picks (Up and Down move it).
    highlight: usize,
    /// Escape hid the suggestion list (typing shows it again).
    hidden: bool,
}

/// What Enter in the patient field did ([`PatientSearch::enter`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enter {
    /// Picked the first suggestion.
    Picked,
    /// The search for the text typed is running: Enter is kept until it answers.
    Waiting,
    /// Nothing to pick (a patient is chosen, or no suggestion): the form goes on.
    Submit,
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
    /// "Register new patient" was chosen for the typed name, although suggestions are shown.
    RegisterNew,
    /// "Register anyway" was chosen although likely duplicates were named.
    RegisterAnyway,
    /// Down in the patient field: highlight the next suggestion.
    Next,
    /// Up in the patient field: highlight the previous suggestion.
    Previous,
    /// Enter in the patient field of a form with nothing else to do on Enter (the waitlist):
    /// picks the highlighted suggestion, as [`PatientSearch::enter`] does.
    Enter,
    /// Escape with the suggestions shown: hide them (typing shows them again).
    Hide,
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
                self.register_new = false;
                self.duplicates.clear();
                self.enter_pending = false;
                // The list on screen stays until the new search answers, and so does the
                // suggestion highlighted in it (kept by who it is when the answer comes).
                self.hidden = false;
                self.generation += 1;
                if self.query.trim().chars().count() < 2 {
                    self.highlight = 0;
                    self.matches.clear();
                    self.answered = self.generation;
                    return (Task::none(), None);
                }
                let generation = self.generation;
                let query = self.query.clone();
                let search = ctx
                    .backend
                    .run(move |s| s.search_patients(&query, MATCHES_ASKED));
                let task = Task::perform(search, move |r| Message::Matches(generation, r));
                return (task, None);
            }
            Message::Matches(generation, result) => {
                if generation == self.generation {
                    self.answered = generation;
                    let pending = std::mem::take(&mut self.enter_pending);
                    match result {
                        Ok(found) => {
                            // The patient highlighted (Down before the answer came, or Enter
                            // waiting for it) stays highlighted when still listed.
                            let was = self.matches.get(self.highlight).map(|p| p.id);
                            self.matches = found;
                            self.highlight = was
                                .and_then(|id| self.matches.iter().position(|p| p.id == id))
                                .unwrap_or(0);
                        }
                        Err(e) => return (Task::none(), Some(e)),
                    }
                    if pending {
                        self.submit = self.enter() == Enter::Submit;
                    }
                }
            }
            Message::Pick(p) => {
                self.highlight = 0;
                self.query = p.name.clone();
                self.chosen = Some(p);
                self.matches.clear();
                self.duplicates.clear();
                self.register_new = false;
                self.enter_pending = false;
            }
            Message::RegisterNew => {
                self.register_new = true;
                self.matches.clear();
            }
            // The form confirms the new patient and saves again (`clear`).
            Message::RegisterAnyway => self.duplicates.clear(),
            Message::Next if self.list_shown() => {
                self.highlight = (self.highlight + 1).min(self.matches.len().saturating_sub(1));
            }
            Message::Previous if self.list_shown() => {
                self.highlight = self.highlight.saturating_sub(1);
            }
            Message::Next | Message::Previous => {}
            Message::Enter => {
                let _ = self.enter();
            }
            Message::Hide => self.hidden = true,
        }
        (Task::none(), None)
    }

    /// The search for the text typed again, when it has not answered: a form put aside while
    /// it ran lost the answer (it came for a panel that was not open), and would wait for it
    /// for ever (Enter kept, no suggestions) once given back.
    pub fn resume(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if !self.searching() {
            return Task::none();
        }
        let generation = self.generation;
        let query = self.query.clone();
        let search = ctx
            .backend
            .run(move |s| s.search_patients(&query, MATCHES_ASKED));
        Task::perform(search, move |r| Message::Matches(generation, r))
    }

    /// True while the search for the text typed has not answered.
    pub fn searching(&self) -> bool {
        self.answered != self.generation
    }

    /// The suggestion Enter picks (an index into `matches`; Up and Down move it).
    pub fn highlight(&self) -> usize {
        self.highlight
    }

    /// True while suggestions are on screen for the desk to pick from.
    pub fn list_shown(&self) -> bool {
        !self.hidden && self.chosen.is_none() && !self.matches.is_empty()
    }

    /// Escape: hides the suggestion list when it is shown (true), so the next Escape closes
    /// the form; false when there was no list to hide.
    pub fn escape(&mut self) -> bool {
        let shown = self.list_shown();
        self.hidden = true;
        shown
    }

    /// Enter in the patient field: picks the highlighted suggestion when suggestions for the text
    /// typed are shown, waits for them while the search runs, and otherwise lets the form go
    /// on (a patient is chosen, "Register new patient" was chosen, or nothing matches).
    pub fn enter(&mut self) -> Enter {
        if self.chosen.is_some() || self.register_new {
            return Enter::Submit;
        }
        if self.searching() {
            self.enter_pending = true;
            return Enter::Waiting;
        }
        if self.hidden {
            return Enter::Submit;
        }
        match self
            .matches
            .get(self.highlight)
            .or(self.matches.first())
            .cloned()
        {
            Some(first) => {
                self.highlight = 0;
                self.query = first.name.clone();
                self.chosen = Some(first);
                self.matches.clear();
                self.duplicates.clear();
                Enter::Picked
            }
            None => Enter::Submit,
        }
    }

    /// True once when a pending Enter found nothing to pick: the form then does what Enter
    /// does with no suggestion shown.
    pub fn take_submit(&mut self) -> bool {
        std::mem::take(&mut self.submit)
    }

    /// Why the typed name may not be registered as a new patient yet: suggestions are shown
    /// (or still being looked up) and the desk has not chosen "Register new patient".
    pub fn needs_choice(&self) -> Option<String> {
        if self.chosen.is_some() || self.register_new {
            return None;
        }
        let typed = shown(self.query.trim()).into_owned();
        if !self.matches.is_empty() {
            return Some(crate::t!("patients-matches-registered", typed = typed));
        }
        (self.searching() && self.query.trim().chars().count() >= 2)
            .then(|| crate::t!("patients-still-looking", typed = typed))
    }

    /// True when the new patient (name and phone as typed) was checked for likely duplicates
    /// and may be registered.
    pub fn cleared(&self, new: &Patient) -> bool {
        self.cleared
            .as_ref()
            .is_some_and(|(name, phone)| *name == new.name && *phone == new.phone)
    }

    /// Marks the new patient as checked: nobody likely the same was found, or the desk chose
    /// "Register anyway".
    pub fn clear(&mut self, new: &Patient) {
        self.cleared = Some((new.name.clone(), new.phone.clone()));
        self.duplicates.clear();
    }

    /// The matches, each a button that picks the patient (the one Enter picks highlighted and
    /// said so; Up and Down move it), unless Escape hid them, then, when `offer_new`, the explicit "Register new patient" choice; and the
    /// likely duplicates of a new patient, each to pick, with "Register anyway".
    pub fn matches_view(&self, offer_new: bool) -> Element<'_, Message> {
        let mut list = column![].spacing(2);
        let listed: &[Patient] = if self.hidden { &[] } else { &self.matches };
        for (i, p) in listed.iter().enumerate() {
            list = list.push(
                button(text(format!("{}  ·  {}", p.name, p.phone)).size(13))
                    .on_press(Message::Pick(p.clone()))
                    .style(if i == self.highlight {
                        button::secondary
                    } else {
                        button::text
                    })
                    .width(Length::Fill),
            );
        }
        if !listed.is_empty() && self.chosen.is_none() {
            list = list.push(text(crate::t!("patients-keys-hint")).size(12));
        }
        if offer_new && !listed.is_empty() && self.chosen.is_none() {
            list = list.push(
                button(
                    text(crate::t!(
                        "patients-register-new",
                        typed = shown(self.query.trim()).into_owned()
                    ))
                    .size(13),
                )
                .on_press(Message::RegisterNew)
                .style(button::text)
                .width(Length::Fill),
            );
        }
        for p in &self.duplicates {
            list = list.push(
                button(
                    text(crate::t!(
                        "patients-book-duplicate",
                        patient = &p.name,
                        phone = &p.phone
                    ))
                    .size(13),
                )
                .on_press(Message::Pick(p.clone()))
                .style(button::secondary)
                .width(Length::Fill),
            );
        }
        if !self.duplicates.is_empty() {
            list = list.push(
                button(text(crate::t!("patients-register-anyway")).size(13))
                    .on_press(Message::RegisterAnyway)
                    .style(button::text),
            );
        }
        list.into()
    }
}

/// The new patient a form registers from the name typed and the phone, checked under the entry
/// rules (`scheduling::entry`), or what to fix ("Name: …", "Phone: …").
pub fn new_patient(name: &str, phone: &str) -> Result<Patient, UiError> {
    Ok(Patient {
        id: PatientId(uuid::Uuid::new_v4()),
        name: entry::person_name(name)
            .map_err(|e| crate::t!("patients-name-problem", problem = e.to_string()))?,
        phone: entry::phone(phone)
            .map_err(|e| crate::t!("patients-phone-problem", problem = e.to_string()))?,
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    })
}

/// What to tell the desk when a form asked to register `new` and the store booked `booked`:
/// `Some` when the name and phone identified a patient registered already (a sentence, with
/// its full stop).
pub fn registered_note(new: Option<&Patient>, booked: PatientId) -> Option<String> {
    new.filter(|n| n.id != booked)
        .map(|n| crate::t!("patients-already-registered", patient = &n.name))
}
