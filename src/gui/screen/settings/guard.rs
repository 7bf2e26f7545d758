//! The check before a setup save that could strand booked appointments: the change is checked
//! first; if appointments would fall outside hours, on leave or in a blockout they are listed,
//! and saving needs a second, deliberate "Save anyway". The list stays after saving, so each
//! appointment can be opened and moved.

use crate::store::AgendaEntry;

/// Appointments a change strands, as the form lists them.
#[derive(Debug, Clone)]
pub struct Stranded {
    /// The appointments, by start.
    pub entries: Vec<AgendaEntry>,
    /// Where they would be, in words, e.g. "outside the new hours".
    pub what: String,
    /// True once the change was saved anyway.
    pub saved: bool,
}

/// A save waiting on its check. `T` is the value to save once the receptionist agrees.
#[derive(Debug, Clone)]
pub struct Guard<T> {
    pending: Option<T>,
    generation: u64,
    /// The check is under way.
    pub checking: bool,
    /// The appointments found, if any.
    pub stranded: Option<Stranded>,
}

impl<T> Default for Guard<T> {
    fn default() -> Self {
        Self {
            pending: None,
            generation: 0,
            checking: false,
            stranded: None,
        }
    }
}

impl<T> Guard<T> {
    /// Starts checking `value`; returns the generation the check's answer must carry.
    pub fn begin(&mut self, value: T) -> u64 {
        self.generation += 1;
        self.pending = Some(value);
        self.checking = true;
        self.stranded = None;
        self.generation
    }

    /// The check's answer: the value to save now when nothing is stranded, otherwise `None`
    /// and the list is shown. Answers for an older check, or after an edit, are dropped.
    pub fn checked(
        &mut self,
        generation: u64,
        entries: Vec<AgendaEntry>,
        what: String,
    ) -> Option<T> {
        if generation != self.generation || self.pending.is_none() {
            return None;
        }
        self.checking = false;
        if entries.is_empty() {
            return self.pending.take();
        }
        self.stranded = Some(Stranded {
            entries,
            what,
            saved: false,
        });
        None
    }

    /// The check failed: nothing is saved.
    pub fn failed(&mut self, generation: u64) {
        if generation == self.generation {
            self.checking = false;
            self.pending = None;
        }
    }

    /// "Save anyway": the value checked, if it is still the one on screen.
    pub fn anyway(&mut self) -> Option<T> {
        self.pending.take()
    }

    /// The change was saved: a list shown stays, marked saved.
    pub fn saved(&mut self) {
        if let Some(s) = &mut self.stranded {
            s.saved = true;
        }
    }

    /// The form was edited: an unsaved check no longer applies.
    pub fn edited(&mut self) {
        self.pending = None;
        self.checking = false;
        if self.stranded.as_ref().is_some_and(|s| !s.saved) {
            self.stranded = None;
        }
    }
}
