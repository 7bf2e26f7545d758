//! The command palette (Ctrl+K): type to jump to a date, an action, a doctor's or a room's week,
//! or a patient's next appointment; Enter takes the first match.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use iced::widget::{button, column, container, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::scheduling::time::local_date;
use crate::scheduling::*;

/// Actions the palette can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the walk-in form.
    WalkIn,
    /// Day with a column per doctor.
    DayByDoctor,
    /// Day with a column per room.
    DayByRoom,
    /// Go to today.
    Today,
    /// Light or dark.
    Theme,
    /// Keyboard help.
    Help,
    /// View options.
    ViewOptions,
    /// Undo the last change.
    Undo,
}

const ACTIONS: [(&str, Action); 8] = [
    ("Walk-in or emergency", Action::WalkIn),
    ("Day by doctor", Action::DayByDoctor),
    ("Day by room", Action::DayByRoom),
    ("Today", Action::Today),
    ("Light / dark theme", Action::Theme),
    ("Keyboard shortcuts", Action::Help),
    (
        "View options: date, cancelled, columns",
        Action::ViewOptions,
    ),
    ("Undo the last change", Action::Undo),
];

/// Where a palette entry leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A date.
    Date(NaiveDate),
    /// A doctor's week.
    DoctorWeek(DoctorId),
    /// A room's week.
    RoomWeek(RoomId),
    /// A patient's next appointment.
    Patient(PatientId, String),
    /// An action.
    Action(Action),
}

/// The palette's state.
#[derive(Debug, Clone, Default)]
pub struct State {
    query: String,
    patients: Vec<Patient>,
    generation: u64,
    error: Option<UiError>,
}

/// What happens in the palette.
#[derive(Debug, Clone)]
pub enum Message {
    /// The text changed.
    Query(String),
    /// Patients matching the text of that generation.
    Patients(u64, Result<Vec<Patient>, UiError>),
    /// An entry was clicked.
    Pick(Target),
    /// Enter: take the first entry.
    Submit,
}

/// What the palette tells its parent.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Go there.
    Chosen(Target),
}

/// A date typed as YYYY-MM-DD, "today", "tomorrow" or "yesterday".
fn date(query: &str, today: NaiveDate) -> Option<NaiveDate> {
    match query.trim().to_lowercase().as_str() {
        "today" => Some(today),
        "tomorrow" => Some(today + Duration::days(1)),
        "yesterday" => Some(today - Duration::days(1)),
        other => time::parse_date(other),
    }
}

impl State {
    /// The entries for the current text, best first, at most 12.
    pub fn entries(&self, ctx: &Context<'_>, now: DateTime<Utc>) -> Vec<(String, Target)> {
        let q = self.query.trim().to_lowercase();
        let mut out = Vec::new();
        if let Some(d) = date(&q, local_date(ctx.clinic.time_zone, now)) {
            out.push((
                format!("Go to {}", d.format("%A %-d %B %Y")),
                Target::Date(d),
            ));
        }
        let matches = |label: &str| q.is_empty() || label.to_lowercase().contains(&q);
        for (label, action) in ACTIONS {
            if matches(label) {
                out.push((label.to_owned(), Target::Action(action)));
            }
        }
        for (d, _) in ctx.setup.doctors.iter().filter(|(d, _)| d.active) {
            if !q.is_empty() && matches(&d.name) {
                out.push((
                    format!("Week of {} · {}", d.name, d.specialty),
                    Target::DoctorWeek(d.id),
                ));
            }
        }
        for r in ctx
            .setup
            .rooms
            .iter()
            .filter(|r| r.clinic == ctx.clinic.id && r.active)
        {
            if !q.is_empty() && matches(&r.name) {
                out.push((format!("Week of {}", r.name), Target::RoomWeek(r.id)));
            }
        }
        for p in &self.patients {
            out.push((
                format!("Patient {} · {}", p.name, p.phone),
                Target::Patient(p.id, p.name.clone()),
            ));
        }
        out.truncate(12);
        out
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Query(q) => {
                self.query = q;
                self.generation += 1;
                self.patients.clear();
                let generation = self.generation;
                if self.query.trim().chars().count() >= 2 {
                    let search = ctx.backend.clone().search_patients(self.query.clone());
                    return (
                        Task::perform(search, move |r| Message::Patients(generation, r)),
                        None,
                    );
                }
            }
            Message::Patients(generation, result) => {
                if generation == self.generation {
                    match result {
                        Ok(found) => self.patients = found,
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Pick(target) => return (Task::none(), Some(Event::Chosen(target))),
            Message::Submit => {
                if let Some((_, target)) = self.entries(ctx, ctx.now).into_iter().next() {
                    return (Task::none(), Some(Event::Chosen(target)));
                }
            }
        }
        (Task::none(), None)
    }

    /// The palette card.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let entries = self.entries(ctx, ctx.now);
        let list = column(entries.into_iter().enumerate().map(|(i, (label, target))| {
            let label = if i == 0 {
                format!("↵  {label}")
            } else {
                format!("    {label}")
            };
            button(text(label).size(14))
                .on_press(Message::Pick(target))
                .style(button::text)
                .width(Length::Fill)
                .into()
        }));
        let mut card = column![
            text_input(
                "Go to a patient, a date (2026-12-01, tomorrow), a doctor, a room, an action…",
                &self.query
            )
            .id("palette")
            .on_input(Message::Query)
            .on_submit(Message::Submit)
            .size(16),
            list,
        ]
        .spacing(8);
        if let Some(e) = &self.error {
            card = card.push(crate::gui::widget::error_text(e));
        }
        container(card)
            .padding(16)
            .max_width(640)
            .style(container::bordered_box)
            .into()
    }
}
