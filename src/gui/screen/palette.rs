//! The command palette (Ctrl+K): type to jump to a date, an action, a doctor's or a room's week,
//! or a patient's next appointment; Enter takes the first match, ranked by `palette_rank`
//! (names, dates and places above actions; an action that changes data only when its name is
//! typed in whole words). Enter typed before the patient search answered waits for it. Up and
//! Down highlight another entry, and Enter then takes that one (a choice as explicit as a
//! click).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use iced::widget::{button, column, container, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::palette_rank::{self, Candidate, Kind, OnEnter};
use crate::gui::backend::UiError;
use crate::gui::escape_closes::escape_closes;
use crate::scheduling::hours_text;
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

impl Action {
    /// True when running it changes or undoes data (so Enter runs it only when typed).
    pub fn is_destructive(self) -> bool {
        match self {
            Action::Undo => true,
            Action::WalkIn
            | Action::DayByDoctor
            | Action::DayByRoom
            | Action::Today
            | Action::Theme
            | Action::Help
            | Action::ViewOptions => false,
        }
    }
}

/// The actions: label (in the desk's language), keyboard shortcut, action.
fn actions() -> [(String, &'static str, Action); 8] {
    [
        (crate::t!("palette-walk-in"), "Ctrl+I", Action::WalkIn),
        (crate::t!("palette-day-by-doctor"), "1", Action::DayByDoctor),
        (crate::t!("palette-day-by-room"), "2", Action::DayByRoom),
        (crate::t!("palette-today"), "T", Action::Today),
        (crate::t!("palette-theme"), "Ctrl+D", Action::Theme),
        (crate::t!("palette-help"), "F1", Action::Help),
        (
            crate::t!("palette-view-options"),
            "Ctrl+G",
            Action::ViewOptions,
        ),
        (crate::t!("palette-undo"), "Ctrl+Z", Action::Undo),
    ]
}

/// The longest text the palette keeps, in characters.
pub const MAX_QUERY: usize = 200;

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
    /// The patient search for the current text has not answered yet.
    searching: bool,
    /// Enter was pressed while `searching`: take the first entry when the answer comes.
    enter_waiting: bool,
    /// Enter stopped at this entry: it changes data and the text only loosely matches it.
    asking: Option<String>,
    /// The entry Up and Down moved to (0: the first, which Enter takes as ranked).
    highlight: usize,
    error: Option<UiError>,
}

/// One line of the palette: what it says, where it leads, what Enter may do with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The words shown.
    pub label: String,
    /// Where it leads.
    pub target: Target,
    /// Whether Enter runs it or only asks.
    pub on_enter: OnEnter,
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
    /// Escape: close the palette (one press, even with the text field focused).
    Close,
    /// Down: highlight the next entry.
    Next,
    /// Up: highlight the previous entry.
    Previous,
}

/// What the palette tells its parent.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Go there.
    Chosen(Target),
    /// Closed without a choice.
    Closed,
}

/// A date typed as YYYY-MM-DD (with or without a time), "today", "tomorrow" or "yesterday"
/// (in English, or in the desk's language); a time of day alone ("14:30") is today.
fn date(query: &str, today: NaiveDate) -> Option<NaiveDate> {
    let typed = query.trim().to_lowercase();
    let is = |english: &str, word: String| typed == english || typed == word.to_lowercase();
    if is("today", crate::t!("palette-word-today")) {
        return Some(today);
    }
    if is("tomorrow", crate::t!("palette-word-tomorrow")) {
        return today.checked_add_signed(Duration::days(1));
    }
    if is("yesterday", crate::t!("palette-word-yesterday")) {
        return today.checked_sub_signed(Duration::days(1));
    }
    let typed = typed.as_str();
    time::parse_date(typed)
        .or_else(|| time::parse_wall_time(typed).map(|t| t.date()))
        .or_else(|| {
            (typed.contains(':') && hours_text::parse_clock(typed).is_ok()).then_some(today)
        })
}

impl State {
    /// The entries for the current text, best first, at most 12.
    pub fn entries(&self, ctx: &Context<'_>, now: DateTime<Utc>) -> Vec<Entry> {
        let q = self.query.as_str();
        let actions = actions();
        // Everything that could be offered, with the name the text is matched against.
        let mut offered: Vec<(String, Target, Candidate<'_>)> = Vec::new();
        if let Some(d) = date(q, local_date(ctx.clinic.time_zone, now)) {
            offered.push((
                crate::t!("palette-go-to", date = crate::i18n::dates::long(d)),
                Target::Date(d),
                Candidate {
                    kind: Kind::Date,
                    name: "",
                    shortcut: None,
                },
            ));
        }
        let place = |name| Candidate {
            kind: Kind::Place,
            name,
            shortcut: None,
        };
        for (d, _) in ctx.setup.doctors.iter().filter(|(d, _)| d.active) {
            offered.push((
                crate::t!(
                    "palette-doctor-week",
                    doctor = &d.name,
                    specialty = &d.specialty
                ),
                Target::DoctorWeek(d.id),
                place(&d.name),
            ));
        }
        for r in ctx
            .setup
            .rooms
            .iter()
            .filter(|r| r.clinic == ctx.clinic.id && r.active)
        {
            offered.push((
                crate::t!("palette-room-week", room = &r.name),
                Target::RoomWeek(r.id),
                place(&r.name),
            ));
        }
        for p in &self.patients {
            offered.push((
                crate::t!("palette-patient", patient = &p.name, phone = &p.phone),
                Target::Patient(p.id, p.name.clone()),
                Candidate {
                    kind: Kind::Patient,
                    name: &p.name,
                    shortcut: None,
                },
            ));
        }
        for (label, shortcut, action) in &actions {
            let action = *action;
            offered.push((
                label.clone(),
                Target::Action(action),
                Candidate {
                    kind: Kind::Action {
                        destructive: action.is_destructive(),
                    },
                    name: label,
                    shortcut: Some(*shortcut),
                },
            ));
        }
        let candidates: Vec<Candidate<'_>> = offered.iter().map(|(_, _, c)| *c).collect();
        palette_rank::rank(q, &candidates)
            .into_iter()
            .take(12)
            .filter_map(|i| offered.get(i))
            .map(|(label, target, candidate)| Entry {
                label: label.clone(),
                target: target.clone(),
                on_enter: palette_rank::on_enter(q, candidate),
            })
            .collect()
    }

    /// The text typed so far.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Enter: run the highlighted entry when Up or Down chose one; otherwise the first, or only
    /// ask when it changes data and was loosely matched.
    fn enter(&mut self, ctx: &Context<'_>) -> Option<Event> {
        let entries = self.entries(ctx, ctx.now);
        if self.highlight > 0
            && let Some(chosen) = entries.get(self.highlight)
        {
            return Some(Event::Chosen(chosen.target.clone()));
        }
        let first = entries.into_iter().next()?;
        match first.on_enter {
            OnEnter::Run => Some(Event::Chosen(first.target)),
            OnEnter::Ask => {
                self.asking = Some(first.label);
                None
            }
        }
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Query(q) => {
                // A name, date or action is short; a pasted page is cut, not matched each frame.
                self.query = q.chars().take(MAX_QUERY).collect();
                self.generation += 1;
                self.patients.clear();
                self.searching = false;
                self.enter_waiting = false;
                self.asking = None;
                self.highlight = 0;
                let generation = self.generation;
                if self.query.trim().chars().count() >= 2 {
                    self.searching = true;
                    let query = self.query.clone();
                    let search = ctx.backend.run(move |s| {
                        s.search_patients(&query, super::patient_search::MATCHES_ASKED)
                    });
                    return (
                        Task::perform(search, move |r| Message::Patients(generation, r)),
                        None,
                    );
                }
            }
            Message::Patients(generation, result) => {
                if generation == self.generation {
                    self.searching = false;
                    // The list changes under the highlight: the entry Up or Down moved to
                    // stays highlighted (by what it leads to) when it is still listed, and a
                    // waiting Enter takes it; otherwise back to the first.
                    let was = (self.highlight > 0)
                        .then(|| self.entries(ctx, ctx.now).get(self.highlight).cloned())
                        .flatten()
                        .map(|e| e.target);
                    self.highlight = 0;
                    let waiting = std::mem::take(&mut self.enter_waiting);
                    match result {
                        Ok(found) => {
                            self.patients = found;
                            let still = was.and_then(|target| {
                                self.entries(ctx, ctx.now)
                                    .iter()
                                    .position(|e| e.target == target)
                                    .map(|i| (i, target))
                            });
                            if let Some((i, target)) = still {
                                if waiting {
                                    return (Task::none(), Some(Event::Chosen(target)));
                                }
                                self.highlight = i;
                            }
                            if waiting {
                                return (Task::none(), self.enter(ctx));
                            }
                        }
                        // Without the patients the first entry may not be what was meant.
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Close => return (Task::none(), Some(Event::Closed)),
            Message::Next => {
                let last = self.entries(ctx, ctx.now).len().saturating_sub(1);
                self.highlight = (self.highlight + 1).min(last);
                self.asking = None;
            }
            Message::Previous => {
                self.highlight = self.highlight.saturating_sub(1);
                self.asking = None;
            }
            Message::Pick(target) => return (Task::none(), Some(Event::Chosen(target))),
            Message::Submit => {
                if self.searching {
                    // Typed fast: the patients the text names are not in yet.
                    self.enter_waiting = true;
                } else {
                    return (Task::none(), self.enter(ctx));
                }
            }
        }
        (Task::none(), None)
    }

    /// The palette card.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let entries = self.entries(ctx, ctx.now);
        let list = column(entries.into_iter().enumerate().map(|(i, entry)| {
            let label = match (i == self.highlight, i, entry.on_enter) {
                (true, 0, OnEnter::Ask) => format!("?  {}", entry.label),
                (true, ..) => format!("↵  {}", entry.label),
                _ => format!("    {}", entry.label),
            };
            button(text(label).size(14))
                .on_press(Message::Pick(entry.target))
                .style(if i == self.highlight && self.highlight > 0 {
                    button::secondary
                } else {
                    button::text
                })
                .width(Length::Fill)
                .into()
        }));
        let mut card = column![
            text_input(&crate::t!("palette-placeholder"), &self.query)
                .id("palette")
                .on_input(Message::Query)
                .on_submit(Message::Submit)
                .size(16),
            list,
        ]
        .spacing(8);
        if let Some(label) = &self.asking {
            card = card.push(text(crate::t!("palette-asking", action = label)));
        }
        if let Some(e) = &self.error {
            card = card.push(crate::gui::widget::error_text(e));
        }
        escape_closes(
            container(card)
                .padding(16)
                .max_width(640)
                .style(container::bordered_box),
            Message::Close,
        )
        .on_arrows("palette", Message::Previous, Message::Next)
        .holds_enter()
        .into()
    }
}
