//! Rooms of the clinic shown: the list, and a form per room with its details (name, kind,
//! active), its own opening hours or the clinic's, and its blockouts. Hours, blockouts or
//! closing a room that strand booked appointments list them before saving.

use crate::gui::choice_keys::pick_list;
use iced::widget::{button, checkbox, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::absences::Owner;
use super::absences::{self, Absences};
use super::guard::Guard;
use super::{Event, parts};
use crate::gui::backend::UiError;
use crate::gui::screen::Context;
use crate::gui::widget::Choice;
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::hours_text::{parse_week, week_texts};
use crate::scheduling::setup_rules::*;
use crate::scheduling::*;
use crate::store::{AgendaEntry, Saved};

/// The rooms section.
#[derive(Debug, Clone, Default)]
pub struct State {
    form: Option<Box<Form>>,
}

#[derive(Debug, Clone)]
struct Form {
    id: RoomId,
    new: bool,
    name: String,
    kind: RoomKind,
    active: bool,
    problems: Vec<Invalid>,
    guard: Guard<Room>,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
    own_hours: bool,
    hours: [String; 7],
    hours_problems: Vec<Invalid>,
    hours_guard: Guard<Option<WeeklyHours>>,
    hours_saving: bool,
    hours_notice: Option<String>,
    hours_error: Option<UiError>,
    blockouts: Option<Absences>,
}

/// What happens in the rooms section.
#[derive(Debug, Clone)]
pub enum Message {
    /// A room was chosen in the list.
    Select(RoomId),
    /// "Add room" was pressed.
    New,
    /// The name changed.
    Name(String),
    /// The kind was chosen.
    Kind(Choice<RoomKind>),
    /// Active was switched on or off.
    Active(bool),
    /// "Save room" was pressed.
    Save,
    /// The appointments closing the room strands arrived (check generation).
    Checked(u64, Result<Vec<AgendaEntry>, UiError>),
    /// "Save anyway" for the details.
    SaveAnyway,
    /// The details were stored or refused.
    Saved(Result<Saved, UiError>),
    /// "Own opening hours" was switched on or off.
    OwnHours(bool),
    /// One weekday's hours changed (0 is Monday).
    Hours(usize, String),
    /// "Save room hours" was pressed.
    SaveHours,
    /// The appointments new hours strand arrived (check generation).
    HoursChecked(u64, Result<Vec<AgendaEntry>, UiError>),
    /// "Save anyway" for the hours.
    SaveHoursAnyway,
    /// The hours were stored or refused.
    HoursSaved(Result<Saved, UiError>),
    /// A message for the blockouts editor.
    Blockouts(absences::Message),
    /// Open a stranded appointment on the calendar.
    Open(Box<AgendaEntry>),
}

fn kind_label(kind: RoomKind) -> String {
    match kind {
        RoomKind::Consultation => crate::t!("settings-room-kind-consultation"),
        RoomKind::Procedure => crate::t!("settings-room-kind-procedure"),
        RoomKind::TeleBooth => crate::t!("settings-room-kind-tele-booth"),
    }
}

impl Form {
    fn new(room: &Room, new: bool, ctx: &Context<'_>) -> (Self, Task<Message>) {
        let (blockouts, task) = if new {
            (None, Task::none())
        } else {
            let (editor, task) = Absences::new(Owner::Room(room.id), ctx.backend, ctx.now);
            (Some(editor), task.map(Message::Blockouts))
        };
        let own = ctx.setup.room_hours(room.id);
        let form = Self {
            id: room.id,
            new,
            name: room.name.clone(),
            kind: room.kind,
            active: room.active,
            problems: Vec::new(),
            guard: Guard::default(),
            saving: false,
            notice: None,
            error: None,
            own_hours: own.is_some(),
            hours: week_texts(own.unwrap_or(&ctx.clinic.opening_hours)),
            hours_problems: Vec::new(),
            hours_guard: Guard::default(),
            hours_saving: false,
            hours_notice: None,
            hours_error: None,
            blockouts,
        };
        (form, task)
    }

    fn details_edited(&mut self) {
        self.guard.edited();
        self.notice = None;
    }

    fn hours_edited(&mut self) {
        self.hours_guard.edited();
        self.hours_notice = None;
    }

    fn store(&mut self, room: Room, ctx: &Context<'_>) -> Task<Message> {
        self.saving = true;
        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
        Task::perform(
            ctx.backend.run(move |s| s.save_room(&room, &actor, now)),
            Message::Saved,
        )
    }

    fn store_hours(&mut self, hours: Option<WeeklyHours>, ctx: &Context<'_>) -> Task<Message> {
        self.hours_saving = true;
        let (room, actor, now) = (self.id, ctx.actor.to_owned(), ctx.now);
        Task::perform(
            ctx.backend
                .run(move |s| s.save_room_hours(room, hours.as_ref(), &actor, now)),
            Message::HoursSaved,
        )
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        let check = |change: SetupChange,
                     wrap: fn(u64, Result<Vec<AgendaEntry>, UiError>) -> Message,
                     generation: u64| {
            let now = ctx.now;
            Task::perform(
                ctx.backend.run(move |s| s.at_risk(&change, now)),
                move |r| wrap(generation, r),
            )
        };
        match message {
            Message::Select(_) | Message::New => {}
            Message::Name(t) => {
                self.name = t;
                self.details_edited();
            }
            Message::Kind(c) => {
                self.kind = c.value;
                self.details_edited();
            }
            Message::Active(on) => {
                self.active = on;
                self.details_edited();
            }
            Message::Save => {
                if self.saving || self.guard.checking {
                    return (Task::none(), None);
                }
                self.notice = None;
                self.error = None;
                let room = Room {
                    id: self.id,
                    clinic: ctx.clinic.id,
                    name: tidy_name(&self.name),
                    kind: self.kind,
                    active: self.active,
                };
                let problems = room_problems(&room, &ctx.setup.rooms);
                if !problems.is_empty() {
                    self.problems = problems;
                    self.error = Some(parts::not_saved());
                    return (Task::none(), None);
                }
                self.problems.clear();
                let was_active = ctx.setup.rooms.iter().any(|r| r.id == self.id && r.active);
                if was_active && !room.active {
                    let generation = self.guard.begin(room);
                    let change = SetupChange::RoomInactive { room: self.id };
                    return (check(change, Message::Checked, generation), None);
                }
                return (self.store(room, ctx), None);
            }
            Message::Checked(generation, Ok(entries)) => {
                let place = crate::t!("settings-stranded-room-inactive");
                if let Some(room) = self.guard.checked(generation, entries, place) {
                    return (self.store(room, ctx), None);
                }
            }
            Message::Checked(generation, Err(e)) => {
                self.guard.failed(generation);
                self.error = Some(e);
            }
            Message::SaveAnyway => {
                if let Some(room) = self.guard.anyway() {
                    return (self.store(room, ctx), None);
                }
            }
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(saved) => {
                        self.guard.saved();
                        self.notice = Some(parts::saved_words(saved, &tidy_name(&self.name)));
                        if self.new {
                            self.new = false;
                            let (editor, task) =
                                Absences::new(Owner::Room(self.id), ctx.backend, ctx.now);
                            self.blockouts = Some(editor);
                            return (task.map(Message::Blockouts), Some(Event::SetupChanged));
                        }
                        return (Task::none(), Some(Event::SetupChanged));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::OwnHours(on) => {
                self.own_hours = on;
                self.hours_edited();
            }
            Message::Hours(day, t) => {
                if let Some(h) = self.hours.get_mut(day) {
                    *h = t;
                }
                self.hours_edited();
            }
            Message::SaveHours => {
                if self.hours_saving || self.hours_guard.checking {
                    return (Task::none(), None);
                }
                self.hours_notice = None;
                self.hours_error = None;
                let hours = if self.own_hours {
                    match parse_week(&self.hours) {
                        Ok(h) if h.is_empty() => {
                            self.hours_problems = vec![Invalid::new(
                                Field::Week,
                                SetupError::Other(crate::t!("settings-room-never-open")),
                            )];
                            self.hours_error = Some(parts::not_saved());
                            return (Task::none(), None);
                        }
                        Ok(h) => {
                            // The days as read ("9 to 5" shows as 09:00–17:00).
                            self.hours = week_texts(&h);
                            Some(h)
                        }
                        Err(problems) => {
                            self.hours_problems = problems;
                            self.hours_error = Some(parts::not_saved());
                            return (Task::none(), None);
                        }
                    }
                } else {
                    None
                };
                self.hours_problems.clear();
                let change = SetupChange::RoomHours {
                    room: self.id,
                    hours: hours.clone(),
                };
                let generation = self.hours_guard.begin(hours);
                return (check(change, Message::HoursChecked, generation), None);
            }
            Message::HoursChecked(generation, Ok(entries)) => {
                let place = crate::t!("settings-stranded-outside-room-hours");
                if let Some(hours) = self.hours_guard.checked(generation, entries, place) {
                    return (self.store_hours(hours, ctx), None);
                }
            }
            Message::HoursChecked(generation, Err(e)) => {
                self.hours_guard.failed(generation);
                self.hours_error = Some(e);
            }
            Message::SaveHoursAnyway => {
                if let Some(hours) = self.hours_guard.anyway() {
                    return (self.store_hours(hours, ctx), None);
                }
            }
            Message::HoursSaved(result) => {
                self.hours_saving = false;
                match result {
                    Ok(saved) => {
                        self.hours_guard.saved();
                        self.hours_notice = Some(parts::saved_words(
                            saved,
                            &crate::t!("settings-what-room-hours"),
                        ));
                        return (Task::none(), Some(Event::SetupChanged));
                    }
                    Err(e) => self.hours_error = Some(e),
                }
            }
            Message::Blockouts(m) => {
                let Some(blockouts) = &mut self.blockouts else {
                    return (Task::none(), None);
                };
                let zone = ctx.clinic.time_zone;
                let (task, event) = blockouts.update(m, ctx.backend, zone, ctx.actor, ctx.now);
                let event = match event {
                    Some(absences::Event::Open(entry)) => Some(Event::Open(entry)),
                    Some(absences::Event::Saved) => Some(Event::Changed),
                    None => None,
                };
                return (task.map(Message::Blockouts), event);
            }
            Message::Open(entry) => return (Task::none(), Some(Event::Open(entry))),
        }
        (Task::none(), None)
    }

    fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let zone = ctx.clinic.time_zone;
        let kinds: Vec<Choice<RoomKind>> = [
            RoomKind::Consultation,
            RoomKind::Procedure,
            RoomKind::TeleBooth,
        ]
        .into_iter()
        .map(|k| Choice::new(k, kind_label(k)))
        .collect();
        let kind = Choice::new(self.kind, kind_label(self.kind));
        let busy = self.saving || self.guard.checking;
        let mut details = column![
            row![
                parts::field(
                    crate::t!("settings-name"),
                    text_input(&crate::t!("settings-room-name-example"), &self.name)
                        .id("room-name")
                        .on_input(Message::Name),
                    parts::problem(&self.problems, Field::Name),
                ),
                parts::field(
                    crate::t!("settings-room-kind"),
                    pick_list(kinds, Some(kind), Message::Kind).width(Length::Fill),
                    None,
                ),
            ]
            .spacing(10),
            checkbox(self.active)
                .label(crate::t!("settings-active-bookable"))
                .on_toggle(Message::Active)
                .size(16)
                .text_size(13),
            button(
                text(if busy {
                    crate::t!("settings-saving")
                } else {
                    crate::t!("settings-room-save")
                })
                .size(13)
            )
            .on_press_maybe((!busy).then_some(Message::Save))
            .style(button::primary),
        ]
        .spacing(10);
        if let Some(s) = &self.guard.stranded {
            details = details.push(parts::stranded(s, zone, Message::Open, Message::SaveAnyway));
        }
        details = details.push(parts::outcome(&self.notice, &self.error));
        let title = if self.new {
            crate::t!("settings-room-new")
        } else {
            tidy_name(&self.name)
        };
        let mut col = column![
            text(title).size(18),
            parts::card(crate::t!("settings-details"), None, details)
        ]
        .spacing(14);
        if self.new {
            col = col.push(text(crate::t!("settings-room-save-first")).size(13));
            return col.into();
        }
        let hours_busy = self.hours_saving || self.hours_guard.checking;
        let mut hours = column![
            checkbox(self.own_hours)
                .label(crate::t!(
                    "settings-room-own-hours",
                    clinic = &ctx.clinic.name
                ))
                .on_toggle(Message::OwnHours)
                .size(16)
                .text_size(13)
        ]
        .spacing(10);
        if self.own_hours {
            hours = hours.push(parts::hours_editor(
                &self.hours,
                &self.hours_problems,
                "room",
                Message::Hours,
            ));
        }
        if let Some(p) = parts::problem(&self.hours_problems, Field::Week) {
            hours = hours.push(parts::problem_text(p));
        }
        hours = hours.push(
            button(
                text(if hours_busy {
                    crate::t!("settings-checking")
                } else {
                    crate::t!("settings-room-save-hours")
                })
                .size(13),
            )
            .on_press_maybe((!hours_busy).then_some(Message::SaveHours))
            .style(button::primary),
        );
        if let Some(s) = &self.hours_guard.stranded {
            hours = hours.push(parts::stranded(
                s,
                zone,
                Message::Open,
                Message::SaveHoursAnyway,
            ));
        }
        hours = hours.push(parts::outcome(&self.hours_notice, &self.hours_error));
        col = col.push(parts::card(
            crate::t!("settings-opening-hours"),
            Some(crate::t!("settings-room-hours-hint")),
            hours,
        ));
        if let Some(blockouts) = &self.blockouts {
            col = col.push(parts::card(
                crate::t!("settings-room-blockouts"),
                Some(crate::t!("settings-room-blockouts-hint")),
                blockouts.view(zone, "blockout").map(Message::Blockouts),
            ));
        }
        col.into()
    }
}

impl State {
    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Select(id) => {
                let Some(room) = ctx.setup.rooms.iter().find(|r| r.id == id) else {
                    return (Task::none(), None);
                };
                let (form, task) = Form::new(room, false, ctx);
                self.form = Some(Box::new(form));
                (task, None)
            }
            Message::New => {
                let room = Room {
                    id: RoomId(uuid::Uuid::new_v4()),
                    clinic: ctx.clinic.id,
                    name: String::new(),
                    kind: RoomKind::Consultation,
                    active: true,
                };
                let (form, task) = Form::new(&room, true, ctx);
                self.form = Some(Box::new(form));
                (
                    task.chain(iced::widget::operation::focus("room-name")),
                    None,
                )
            }
            other => match &mut self.form {
                Some(form) => form.update(other, ctx),
                None => (Task::none(), None),
            },
        }
    }

    /// The list and the chosen room's form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let items = ctx
            .setup
            .rooms
            .iter()
            .filter(|r| r.clinic == ctx.clinic.id)
            .map(|r| parts::Item {
                value: r.id,
                label: r.name.clone(),
                detail: if ctx.setup.room_hours(r.id).is_some() {
                    crate::t!("settings-room-detail-own-hours", kind = kind_label(r.kind))
                } else {
                    kind_label(r.kind)
                },
                colour: None,
                active: r.active,
            })
            .collect();
        let selected = self.form.as_ref().map(|f| f.id);
        let list = parts::list(
            items,
            selected,
            (crate::t!("settings-room-add"), Message::New),
            Message::Select,
        );
        let form: Element<'a, Message> = match &self.form {
            Some(form) => parts::form_scroll(form.view(ctx)),
            None => text(crate::t!("settings-room-choose")).size(14).into(),
        };
        row![
            iced::widget::container(list).width(Length::Fixed(250.0)),
            iced::widget::container(form).width(Length::Fill)
        ]
        .spacing(14)
        .height(Length::Fill)
        .into()
    }
}
