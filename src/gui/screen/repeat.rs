//! The booking form's "Repeat…" section (off by default): every N days or every N weeks on
//! chosen weekdays, after a count or until a date. Every occurrence is checked before saving and
//! listed with its date, time and conflicts; with conflicts the receptionist books the free
//! ones and skips the rest, overbooks them all with a reason, or cancels the form.

use crate::gui::choice_keys::pick_list;
use chrono::{Datelike, NaiveDate, Weekday};
use iced::widget::{button, checkbox, column, container, row, text, text_input};
use iced::{Element, Length, Task};

use super::Context;

mod list;
use crate::gui::backend::UiError;
use crate::gui::widget::{self, Choice};
use crate::scheduling::hours::WEEKDAYS;
use crate::scheduling::*;
use crate::store::{BookingRequest, OccurrenceCheck, SeriesOutcome, SeriesRequest};

/// How a series ends, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// After a number of occurrences.
    After,
    /// On a date.
    Until,
}

/// The section's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The booking repeats.
    pub on: bool,
    frequency: Frequency,
    every: String,
    weekdays: [bool; 7],
    ends: Ends,
    count: String,
    until: String,
    checks: Vec<OccurrenceCheck>,
    generation: u64,
    checking: bool,
    overbook_reason: String,
    saving: bool,
    error: Option<UiError>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            on: false,
            frequency: Frequency::Weekly,
            every: "1".into(),
            weekdays: [false; 7],
            ends: Ends::After,
            count: "6".into(),
            until: String::new(),
            checks: Vec::new(),
            generation: 0,
            checking: false,
            overbook_reason: String::new(),
            saving: false,
            error: None,
        }
    }
}

/// What happens in the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Repeat…" was switched on or off.
    Toggle(bool),
    /// Daily or weekly was chosen.
    Frequency(Choice<Frequency>),
    /// The "every N" text changed.
    Every(String),
    /// A weekday (Monday = 0) was switched on or off.
    Weekday(usize, bool),
    /// "After N times" or "until a date" was chosen.
    Ends(Choice<Ends>),
    /// The count text changed.
    Count(String),
    /// The end date text changed.
    Until(String),
    /// Every occurrence's conflicts arrived (for the check of that generation).
    Checked(u64, Result<Vec<OccurrenceCheck>, UiError>),
    /// The overbook reason changed.
    OverbookReason(String),
    /// Book the free occurrences and leave out the conflicting ones.
    SaveSkipping,
    /// Book every occurrence, overbooking the conflicting ones with the reason.
    SaveOverbooking,
    /// The series was saved or refused.
    Saved(Result<Box<SeriesOutcome>, UiError>),
}

/// What the section tells the booking form.
#[derive(Debug, Clone)]
pub enum Event {
    /// The series was saved.
    Booked(Box<SeriesOutcome>),
}

impl State {
    /// The rule the fields describe for a first date, or what is wrong with them.
    pub fn rule(&self, first: NaiveDate) -> Result<SeriesRule, String> {
        let every: u32 = self
            .every
            .trim()
            .parse()
            .map_err(|_| crate::t!("series-every-unreadable", max = series::MAX_INTERVAL))?;
        let end = match self.ends {
            Ends::After => SeriesEnd::Count(
                self.count
                    .trim()
                    .parse()
                    .map_err(|_| crate::t!("series-count-unreadable", max = MAX_OCCURRENCES))?,
            ),
            Ends::Until => SeriesEnd::Until(crate::gui::fields::date(
                &crate::t!("series-end-date"),
                &self.until,
                || crate::t!("series-end-date-unreadable"),
            )?),
        };
        let weekdays = match self.frequency {
            Frequency::Daily => Vec::new(),
            Frequency::Weekly => {
                let chosen: Vec<Weekday> = WEEKDAYS
                    .into_iter()
                    .zip(self.weekdays)
                    .filter(|(_, on)| *on)
                    .map(|(d, _)| d)
                    .collect();
                if chosen.is_empty() {
                    vec![first.weekday()]
                } else {
                    chosen
                }
            }
        };
        let rule = SeriesRule {
            frequency: self.frequency,
            interval: every,
            weekdays,
            end,
        };
        rule.dates(first)
            .map_err(|e| crate::t!("series-rule-problem", problem = e.to_string()))?;
        Ok(rule)
    }

    /// The occurrences checked last.
    pub fn checks(&self) -> &[OccurrenceCheck] {
        &self.checks
    }

    /// How many occurrences cannot be booked as they are.
    pub fn blocking(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| series::blocks(&c.conflicts))
            .count()
    }

    /// True while the store is writing the series (the form is not closed then).
    pub fn saving(&self) -> bool {
        self.saving
    }

    /// True while a check or a save is under way.
    pub fn busy(&self) -> bool {
        self.checking || self.saving
    }

    /// Checks every occurrence of `template` (the form's booking) in the background.
    pub fn check(&mut self, template: Option<BookingRequest>, ctx: &Context<'_>) -> Task<Message> {
        self.generation += 1;
        if !self.on {
            self.checks.clear();
            self.checking = false;
            return Task::none();
        }
        let Some(template) = template else {
            self.checks.clear();
            return Task::none();
        };
        let request = match self.request(template, OnConflict::Refuse) {
            Ok(r) => r,
            Err(e) => {
                self.checks.clear();
                self.checking = false;
                self.error = Some(e);
                return Task::none();
            }
        };
        self.error = None;
        self.checking = true;
        let (generation, now) = (self.generation, ctx.now);
        Task::perform(
            ctx.backend.run(move |s| s.preview_series(&request, now)),
            move |r| Message::Checked(generation, r),
        )
    }

    fn request(
        &self,
        booking: BookingRequest,
        on_conflict: OnConflict,
    ) -> Result<SeriesRequest, String> {
        let first = match booking.start {
            crate::store::Start::Local(wall) => wall.date(),
            crate::store::Start::At(_) | crate::store::Start::FirstFreeToday(_) => {
                return Err(crate::t!("series-wall-time"));
            }
        };
        Ok(SeriesRequest {
            rule: self.rule(first)?,
            booking: BookingRequest {
                overbook: None,
                ..booking
            },
            on_conflict,
        })
    }

    /// Saves the series of `booking` (with its patient), refusing it if anything conflicts.
    pub fn save(&mut self, booking: BookingRequest, ctx: &Context<'_>) -> Task<Message> {
        self.save_with(booking, OnConflict::Refuse, ctx)
    }

    fn save_with(
        &mut self,
        booking: BookingRequest,
        on_conflict: OnConflict,
        ctx: &Context<'_>,
    ) -> Task<Message> {
        if self.saving {
            return Task::none();
        }
        match self.request(booking, on_conflict) {
            Ok(request) => {
                self.saving = true;
                self.error = None;
                let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                Task::perform(
                    ctx.backend
                        .run(move |s| s.book_series(&request, &actor, now)),
                    |r| Message::Saved(r.map(Box::new)),
                )
            }
            Err(e) => {
                self.error = Some(e);
                Task::none()
            }
        }
    }

    /// Handles a message. `template` is the form's booking for checking (any patient) and
    /// `booking` the one to save (with the patient), or why it cannot be saved yet.
    pub fn update(
        &mut self,
        message: Message,
        template: Option<BookingRequest>,
        booking: Result<BookingRequest, String>,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let recheck = match message {
            Message::Toggle(on) => {
                self.on = on;
                self.error = None;
                // Start from the first date's weekday, ticked, so the rule is what it shows.
                if let Some(crate::store::Start::Local(wall)) = template.as_ref().map(|t| t.start)
                    && on
                    && !self.weekdays.contains(&true)
                {
                    self.weekdays[wall.weekday().num_days_from_monday() as usize] = true;
                }
                true
            }
            Message::Frequency(c) => {
                self.frequency = c.value;
                true
            }
            Message::Every(t) => {
                self.every = t;
                true
            }
            Message::Weekday(i, on) => {
                if let Some(day) = self.weekdays.get_mut(i) {
                    *day = on;
                }
                true
            }
            Message::Ends(c) => {
                self.ends = c.value;
                true
            }
            Message::Count(t) => {
                self.count = t;
                true
            }
            Message::Until(t) => {
                self.until = t;
                true
            }
            Message::Checked(generation, result) => {
                if generation == self.generation {
                    self.checking = false;
                    match result {
                        Ok(checks) => self.checks = checks,
                        Err(e) => {
                            self.checks.clear();
                            self.error = Some(e);
                        }
                    }
                }
                false
            }
            Message::OverbookReason(r) => {
                self.overbook_reason = r;
                false
            }
            Message::SaveSkipping => {
                return match booking {
                    Ok(b) => (self.save_with(b, OnConflict::Skip, ctx), None),
                    Err(e) => {
                        self.error = Some(e);
                        (Task::none(), None)
                    }
                };
            }
            Message::SaveOverbooking => {
                if self.overbook_reason.trim().is_empty() {
                    self.error = Some(crate::t!("series-overbook-why"));
                    return (Task::none(), None);
                }
                let on = OnConflict::Overbook(self.overbook_reason.trim().to_owned());
                return match booking {
                    Ok(b) => (self.save_with(b, on, ctx), None),
                    Err(e) => {
                        self.error = Some(e);
                        (Task::none(), None)
                    }
                };
            }
            Message::Saved(result) => {
                self.saving = false;
                return match result {
                    Ok(outcome) => (Task::none(), Some(Event::Booked(outcome))),
                    Err(e) => {
                        self.error = Some(e);
                        (self.check(template, ctx), None)
                    }
                };
            }
        };
        if recheck {
            (self.check(template, ctx), None)
        } else {
            (Task::none(), None)
        }
    }

    /// The section: the switch, then (when on) the rule, every occurrence and the choices.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let toggle = checkbox(self.on)
            .label(crate::t!("series-repeat"))
            .on_toggle(Message::Toggle)
            .size(16);
        if !self.on {
            return toggle.into();
        }
        let frequencies = vec![
            Choice::new(Frequency::Daily, crate::t!("series-days")),
            Choice::new(Frequency::Weekly, crate::t!("series-weeks")),
        ];
        let frequency = frequencies
            .iter()
            .find(|c| c.value == self.frequency)
            .cloned();
        let ends = vec![
            Choice::new(Ends::After, crate::t!("series-after")),
            Choice::new(Ends::Until, crate::t!("series-until")),
        ];
        let end = ends.iter().find(|c| c.value == self.ends).cloned();
        let mut section = column![
            toggle,
            row![
                text(crate::t!("series-every")).size(13),
                text_input("1", &self.every)
                    .id("repeat-every")
                    .on_input(Message::Every)
                    .width(Length::Fixed(44.0)),
                pick_list(frequencies, frequency, Message::Frequency).text_size(13),
                text(crate::t!("series-ends")).size(13),
                pick_list(ends, end, Message::Ends).text_size(13),
                match self.ends {
                    Ends::After => row![
                        text_input("6", &self.count)
                            .id("repeat-count")
                            .on_input(Message::Count)
                            .width(Length::Fixed(44.0)),
                        text(crate::t!("series-times")).size(13)
                    ]
                    .spacing(4)
                    .align_y(iced::Alignment::Center),
                    Ends::Until => row![
                        text_input("YYYY-MM-DD", &self.until)
                            .id("repeat-until")
                            .on_input(Message::Until)
                            .width(Length::Fixed(100.0))
                    ],
                },
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center),
        ]
        .spacing(8);
        if self.frequency == Frequency::Weekly {
            let days = WEEKDAYS.into_iter().enumerate().map(|(i, d)| {
                checkbox(self.weekdays[i])
                    .label(crate::i18n::dates::weekday_short(d))
                    .on_toggle(move |on| Message::Weekday(i, on))
                    .size(14)
                    .text_size(12.5)
                    .spacing(3)
                    .into()
            });
            section = section.push(row(days).spacing(6).wrap());
        }
        if let Some(e) = &self.error {
            section = section.push(widget::error_text(e));
        }
        if !self.checks.is_empty() {
            section = section.push(self.occurrences(ctx));
        }
        container(section)
            .padding(8)
            .style(container::bordered_box)
            .width(Length::Fill)
            .into()
    }

    /// The choices when occurrences conflict, for the form's footer (always in view): book
    /// the free ones and skip the rest, and (when a hard conflict could be overridden) a reason
    /// and "Overbook all". `None` when nothing conflicts: the form's own Book button books the
    /// series then.
    pub fn footer(&self) -> Option<(Element<'_, Message>, Option<Element<'_, Message>>)> {
        let blocking = self.blocking();
        if !self.on || blocking == 0 {
            return None;
        }
        let free = self.checks.len() - blocking;
        let skip = button(text(crate::t!(
            "series-book-skipping",
            free = free,
            blocking = blocking
        )))
        .on_press_maybe((free > 0 && !self.busy()).then_some(Message::SaveSkipping))
        .style(button::primary)
        .into();
        let overbookable = self
            .checks
            .iter()
            .flat_map(|c| &c.conflicts)
            .any(|c| c.severity() == Severity::Hard);
        let overbook = overbookable.then(|| {
            row![
                text_input(&crate::t!("booking-overbook-reason"), &self.overbook_reason)
                    .id("repeat-overbook-reason")
                    .on_input(Message::OverbookReason),
                button(text(crate::t!("series-overbook-all")).size(13))
                    .on_press_maybe((!self.busy()).then_some(Message::SaveOverbooking))
                    .style(button::danger),
            ]
            .spacing(6)
            .into()
        });
        Some((skip, overbook))
    }
}
