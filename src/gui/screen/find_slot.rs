//! Find a slot: the next free slots for a visit type (or a length), a doctor (or any), a room
//! (none, any, or one), a date range and a part of the day (morning, afternoon, evening or a
//! from–to window). The results list doctor, room and local time; choosing one tells the app to
//! open the booking form pre-filled.

use crate::gui::choice_keys::pick_list;
use crate::gui::widget::field;
use chrono::{Duration, NaiveDate, NaiveTime, Timelike};
use iced::widget::{button, column, container, row, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::gui::fields;
use crate::gui::widget::{self, Choice};
use crate::i18n::dates;
use crate::scheduling::slots::parse_window;
use crate::scheduling::time::echo;
use crate::scheduling::time::{lenient_instant, local_date, local_day};
use crate::scheduling::*;
use crate::store::{SlotLimits, SlotSearch};

/// How many slots a search lists.
const RESULTS: usize = 12;
/// The longest date range searched.
const MAX_RANGE_DAYS: i64 = 366;

/// Which room the visit needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomWanted {
    /// No room.
    None,
    /// Whichever room is free.
    Any,
    /// This room.
    One(RoomId),
}

/// The part of the day, as the pick list offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Any time.
    Any,
    /// Before noon.
    Morning,
    /// 12:00–17:00.
    Afternoon,
    /// From 17:00.
    Evening,
    /// Between two times typed below.
    Between,
}

/// The panel's state.
#[derive(Debug, Clone)]
pub struct State {
    visit_type: Option<VisitTypeId>,
    minutes: String,
    doctor: Option<DoctorId>,
    room: RoomWanted,
    from: String,
    to: String,
    part: Part,
    after: String,
    before: String,
    results: Vec<Slot>,
    searched: bool,
    searching: bool,
    generation: u64,
    error: Option<UiError>,
    /// The patient of the booking form the search was opened from (their own appointments
    /// must not overlap), with their name.
    patient: Option<(PatientId, String)>,
    /// The half-filled booking form Ctrl+F was pressed in: a chosen slot goes back to it, and
    /// closing the panel gives it back as it was.
    kept: Option<Box<super::booking::State>>,
}

/// What happens in the panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// A visit type was chosen; it sets the length.
    VisitType(Choice<VisitTypeId>),
    /// The length text changed.
    Minutes(String),
    /// A doctor, or any, was chosen.
    Doctor(Choice<Option<DoctorId>>),
    /// No room, any room or one room was chosen.
    Room(Choice<RoomWanted>),
    /// The first date of the range changed.
    From(String),
    /// The last date of the range changed.
    To(String),
    /// A part of the day was chosen.
    Part(Choice<Part>),
    /// The "from" time of a window changed.
    After(String),
    /// The "to" time of a window changed.
    Before(String),
    /// Search was pressed.
    Search,
    /// Slots arrived for the search of that generation.
    Found(u64, Result<Vec<Slot>, UiError>),
    /// A slot in the list was chosen.
    Pick(usize),
    /// The panel was closed.
    Close,
}

/// What the panel tells its parent.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Book this slot: open the booking form with it.
    Picked {
        /// The slot (its doctor is always set).
        slot: Slot,
        /// The visit type chosen for the search, if any.
        visit_type: Option<VisitTypeId>,
    },
    /// Closed.
    Closed,
}

impl State {
    /// A search from today over the next four weeks, for the first visit type, any doctor.
    pub fn new(ctx: &Context<'_>) -> Self {
        let today = local_date(ctx.clinic.time_zone, ctx.now);
        let visit = ctx.setup.visit_types.first();
        Self {
            visit_type: visit.map(|v| v.id),
            minutes: visit
                .map(|v| v.minutes)
                .unwrap_or(ctx.clinic.slot_minutes)
                .to_string(),
            doctor: None,
            room: RoomWanted::None,
            from: today.format("%Y-%m-%d").to_string(),
            to: (today + Duration::days(27)).format("%Y-%m-%d").to_string(),
            part: Part::Any,
            after: "09:00".into(),
            before: "12:00".into(),
            results: Vec::new(),
            searched: false,
            searching: false,
            generation: 0,
            error: None,
            patient: None,
            kept: None,
        }
    }

    /// A search for the booking form `form` (Ctrl+F in it): its doctor, visit type, length and
    /// patient; the form is kept to come back to.
    pub fn for_booking(ctx: &Context<'_>, form: Box<super::booking::State>) -> Self {
        let wanted = form.wanted();
        let mut state = Self::new(ctx);
        state.doctor = Some(wanted.doctor);
        state.visit_type = wanted.visit_type;
        if let Some(minutes) = wanted.minutes {
            state.minutes = minutes.to_string();
        }
        state.patient = wanted.patient;
        state.kept = Some(form);
        state
    }

    /// Takes back the booking form the search was opened from, if any.
    pub fn take_booking(&mut self) -> Option<Box<super::booking::State>> {
        self.kept.take()
    }

    /// The slots found by the last search.
    pub fn results(&self) -> &[Slot] {
        &self.results
    }

    fn target(&self) -> SlotTarget {
        match (self.doctor, self.room) {
            (Some(d), RoomWanted::None) => SlotTarget::Doctor(d),
            (Some(d), RoomWanted::Any) => SlotTarget::DoctorAndAnyRoom(d),
            (Some(d), RoomWanted::One(r)) => SlotTarget::DoctorAndRoom(d, r),
            (None, RoomWanted::None) => SlotTarget::AnyDoctor,
            (None, RoomWanted::Any) => SlotTarget::AnyDoctorAndAnyRoom,
            (None, RoomWanted::One(r)) => SlotTarget::AnyDoctorInRoom(r),
        }
    }

    /// The search the fields describe, or what is wrong with them.
    fn search(&self, ctx: &Context<'_>) -> Result<(SlotSearch, SlotLimits), String> {
        let zone = ctx.clinic.time_zone;
        let minutes: u32 = self
            .minutes
            .trim()
            .parse()
            .ok()
            .filter(|m| *m > 0 && i64::from(*m) <= MAX_APPOINTMENT_MINUTES)
            .ok_or_else(|| {
                crate::t!("findslot-length-not-minutes", max = MAX_APPOINTMENT_MINUTES)
            })?;
        let first = fields::date(&crate::t!("findslot-the-first-date"), &self.from, || {
            crate::t!("findslot-not-a-first-date", typed = echo(self.from.trim()))
        })?;
        let last = fields::date(&crate::t!("findslot-the-last-date"), &self.to, || {
            crate::t!("findslot-not-a-last-date", typed = echo(self.to.trim()))
        })?;
        if last < first {
            return Err(crate::t!("findslot-last-before-first"));
        }
        if (last - first).num_days() >= MAX_RANGE_DAYS {
            return Err(crate::t!("findslot-range-too-long", days = MAX_RANGE_DAYS));
        }
        let time_of_day = match self.part {
            Part::Any => TimeOfDay::Any,
            Part::Morning => TimeOfDay::Morning,
            Part::Afternoon => TimeOfDay::Afternoon,
            Part::Evening => TimeOfDay::Evening,
            Part::Between => TimeOfDay::Between(
                parse_window(&self.after, &self.before).map_err(|e| format!("{e}."))?,
            ),
        };
        let from = lenient_instant(zone, first.and_time(NaiveTime::MIN)).max(ctx.now);
        let until = local_day(zone, last).end;
        if until <= ctx.now {
            return Err(crate::t!("findslot-range-over"));
        }
        let search = SlotSearch {
            clinic: ctx.clinic.id,
            target: self.target(),
            query: SlotQuery {
                minutes,
                step_minutes: ctx.clinic.slot_minutes.max(5),
                from,
                count: RESULTS,
            },
            horizon_days: (last - first).num_days() + 2,
            patient: self.patient.as_ref().map(|(id, _)| *id),
        };
        Ok((
            search,
            SlotLimits {
                time_of_day,
                until: Some(until),
            },
        ))
    }

    /// Handles a message; returns work to run and, at the end, an event for the parent.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::VisitType(c) => {
                if let Some(v) = ctx.setup.visit_types.iter().find(|v| v.id == c.value) {
                    self.minutes = v.minutes.to_string();
                }
                self.visit_type = Some(c.value);
            }
            Message::Minutes(m) => self.minutes = m,
            Message::Doctor(c) => self.doctor = c.value,
            Message::Room(c) => self.room = c.value,
            Message::From(d) => self.from = d,
            Message::To(d) => self.to = d,
            Message::Part(c) => self.part = c.value,
            Message::After(t) => self.after = t,
            Message::Before(t) => self.before = t,
            Message::Search => match self.search(ctx) {
                Ok((search, limits)) => {
                    self.error = None;
                    self.searching = true;
                    self.generation += 1;
                    let generation = self.generation;
                    let task = ctx
                        .backend
                        .run(move |s| s.find_slots_within(&search, &limits));
                    return (
                        Task::perform(task, move |r| Message::Found(generation, r)),
                        None,
                    );
                }
                Err(e) => self.error = Some(e),
            },
            Message::Found(generation, result) => {
                if generation == self.generation {
                    self.searching = false;
                    self.searched = true;
                    match result {
                        Ok(slots) => self.results = slots,
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Pick(index) => {
                if let Some(slot) = self.results.get(index).filter(|s| s.doctor.is_some()) {
                    return (
                        Task::none(),
                        Some(Event::Picked {
                            slot: *slot,
                            visit_type: self.visit_type,
                        }),
                    );
                }
            }
            Message::Close => return (Task::none(), Some(Event::Closed)),
        }
        (Task::none(), None)
    }

    /// The panel.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let types: Vec<Choice<VisitTypeId>> = ctx
            .setup
            .visit_types
            .iter()
            .map(|v| {
                Choice::new(
                    v.id,
                    crate::t!(
                        "findslot-visit-type-choice",
                        name = v.name.as_str(),
                        minutes = v.minutes.to_string()
                    ),
                )
            })
            .collect();
        let visit = types
            .iter()
            .find(|c| Some(c.value) == self.visit_type)
            .cloned();
        let mut doctors = vec![Choice::new(None, crate::t!("findslot-any-doctor"))];
        doctors.extend(
            ctx.setup
                .doctors
                .iter()
                .filter(|(d, _)| d.active && !ctx.setup.hours(d.id, ctx.clinic.id).is_empty())
                .map(|(d, _)| Choice::new(Some(d.id), d.name.clone())),
        );
        let doctor = doctors.iter().find(|c| c.value == self.doctor).cloned();
        let mut rooms = vec![
            Choice::new(RoomWanted::None, crate::t!("findslot-no-room")),
            Choice::new(RoomWanted::Any, crate::t!("findslot-any-room")),
        ];
        rooms.extend(
            ctx.setup
                .rooms
                .iter()
                .filter(|r| r.clinic == ctx.clinic.id && r.active)
                .map(|r| Choice::new(RoomWanted::One(r.id), r.name.clone())),
        );
        let room = rooms.iter().find(|c| c.value == self.room).cloned();
        let parts = vec![
            Choice::new(Part::Any, crate::t!("findslot-any-time")),
            Choice::new(Part::Morning, crate::t!("findslot-morning")),
            Choice::new(Part::Afternoon, crate::t!("findslot-afternoon")),
            Choice::new(Part::Evening, crate::t!("findslot-evening")),
            Choice::new(Part::Between, crate::t!("findslot-between")),
        ];
        let part = parts.iter().find(|c| c.value == self.part).cloned();

        let heading = match &self.patient {
            Some((_, name)) => crate::t!("findslot-title-for", name = name),
            None => crate::t!("findslot-title"),
        };
        let mut form = column![
            row![
                widget::heading(heading),
                iced::widget::space::horizontal(),
                button(text(crate::t!("findslot-close")))
                    .on_press(Message::Close)
                    .style(button::secondary)
            ],
            row![
                field(
                    crate::t!("findslot-visit-type"),
                    pick_list(types, visit, Message::VisitType).width(Length::Fill)
                ),
                container(field(
                    crate::t!("findslot-minutes"),
                    text_input("20", &self.minutes)
                        .id("find-slot-minutes")
                        .on_input(Message::Minutes)
                        .on_submit(Message::Search)
                ))
                .width(Length::Fixed(80.0)),
            ]
            .spacing(8),
            row![
                field(
                    crate::t!("findslot-doctor"),
                    pick_list(doctors, doctor, Message::Doctor).width(Length::Fill)
                ),
                field(
                    crate::t!("findslot-room"),
                    pick_list(rooms, room, Message::Room).width(Length::Fill)
                ),
            ]
            .spacing(8),
            row![
                field(
                    crate::t!("findslot-from"),
                    text_input("YYYY-MM-DD", &self.from)
                        .id("find-slot-from")
                        .on_input(Message::From)
                        .on_submit(Message::Search)
                ),
                field(
                    crate::t!("findslot-to"),
                    text_input("YYYY-MM-DD", &self.to)
                        .id("find-slot-to")
                        .on_input(Message::To)
                        .on_submit(Message::Search)
                ),
            ]
            .spacing(8),
            field(
                crate::t!("findslot-time-of-day"),
                pick_list(parts, part, Message::Part).width(Length::Fill)
            ),
        ]
        .spacing(10);
        if self.part == Part::Between {
            form = form.push(
                row![
                    field(
                        crate::t!("findslot-after"),
                        text_input("HH:MM", &self.after)
                            .id("find-slot-after")
                            .on_input(Message::After)
                            .on_submit(Message::Search)
                    ),
                    field(
                        crate::t!("findslot-before"),
                        text_input("HH:MM", &self.before)
                            .id("find-slot-before")
                            .on_input(Message::Before)
                            .on_submit(Message::Search)
                    ),
                ]
                .spacing(8),
            );
        }
        form = form.push(
            button(text(if self.searching {
                crate::t!("findslot-searching")
            } else {
                crate::t!("findslot-search")
            }))
            .on_press_maybe((!self.searching).then_some(Message::Search))
            .style(button::primary),
        );
        if let Some(e) = &self.error {
            form = form.push(widget::error_text(e));
        }
        if self.searched && self.results.is_empty() && self.error.is_none() {
            form = form.push(text(crate::t!("findslot-none")).size(13));
        }
        if !self.results.is_empty() {
            let name = |d: Option<DoctorId>| {
                d.and_then(|d| ctx.setup.doctor(d))
                    .map(|d| d.name.clone())
                    .unwrap_or_default()
            };
            let room_name = |r: Option<RoomId>| {
                r.and_then(|r| ctx.setup.rooms.iter().find(|x| x.id == r))
                    .map(|r| format!(" · {}", r.name))
                    .unwrap_or_default()
            };
            let rows = self.results.iter().enumerate().map(|(i, s)| {
                let start = s.interval.start.with_timezone(&zone);
                let end = s.interval.end.with_timezone(&zone);
                let line = column![
                    text(crate::t!(
                        "findslot-result",
                        date = dates::weekday_day_month(start.date_naive()),
                        start = start.format("%H:%M").to_string(),
                        end = end.format("%H:%M").to_string()
                    ))
                    .size(13.5),
                    text(format!("{}{}", name(s.doctor), room_name(s.room))).size(12),
                ]
                .spacing(1);
                button(line)
                    .width(Length::Fill)
                    .on_press(Message::Pick(i))
                    .style(result_style)
                    .into()
            });
            form = form
                .push(text(crate::t!("findslot-found", count = self.results.len())).size(13))
                .push(column(rows).spacing(4));
        }
        scrollable(form.padding(14)).into()
    }
}

/// A result's button: the theme's primary colour, weak at rest and strong under the pointer,
/// with its own text colour (readable in light and dark), so a result never looks disabled.
pub fn result_style(theme: &iced::Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let pair = match status {
        button::Status::Hovered | button::Status::Pressed => palette.primary.strong,
        button::Status::Active | button::Status::Disabled => palette.primary.weak,
    };
    button::Style {
        background: Some(pair.color.into()),
        text_color: pair.text,
        border: iced::Border {
            color: palette.primary.strong.color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..button::Style::default()
    }
}

/// The clinic-local date and minute of the day a slot starts at.
pub fn local_start(zone: chrono_tz::Tz, slot: &Slot) -> (NaiveDate, u16) {
    let local = slot.interval.start.with_timezone(&zone);
    (
        local.date_naive(),
        (local.hour() * 60 + local.minute()) as u16,
    )
}
