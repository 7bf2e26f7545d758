//! Visit types: the list, and a form per type (name, usual length, colour, default mode).
//! A new length applies to new bookings; booked appointments keep theirs.

use crate::gui::choice_keys::pick_list;
use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::{Event, parts};
use crate::gui::backend::UiError;
use crate::gui::screen::Context;
use crate::gui::widget::Choice;
use crate::scheduling::setup_rules::*;
use crate::scheduling::*;
use crate::store::Saved;

/// The visit types section.
#[derive(Debug, Clone, Default)]
pub struct State {
    form: Option<Form>,
}

#[derive(Debug, Clone)]
struct Form {
    id: VisitTypeId,
    new: bool,
    name: String,
    minutes: String,
    colour: String,
    mode: Mode,
    problems: Vec<Invalid>,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
}

/// What happens in the visit types section.
#[derive(Debug, Clone)]
pub enum Message {
    /// A visit type was chosen in the list.
    Select(VisitTypeId),
    /// "Add visit type" was pressed.
    New,
    /// The name changed.
    Name(String),
    /// The length changed.
    Minutes(String),
    /// The colour changed.
    Colour(String),
    /// The default mode was chosen.
    Mode(Choice<Mode>),
    /// "Save visit type" was pressed.
    Save,
    /// The visit type was stored or refused.
    Saved(Result<Saved, UiError>),
}

fn mode_label(mode: Mode) -> String {
    match mode {
        Mode::InClinic => crate::t!("settings-mode-in-clinic"),
        Mode::Phone => crate::t!("settings-mode-phone"),
        Mode::Video => crate::t!("settings-mode-video"),
    }
}

impl Form {
    fn new(v: &VisitType, new: bool) -> Self {
        Self {
            id: v.id,
            new,
            name: v.name.clone(),
            minutes: v.minutes.to_string(),
            colour: v.colour.clone(),
            mode: v.default_mode,
            problems: Vec::new(),
            saving: false,
            notice: None,
            error: None,
        }
    }

    /// The visit type as typed, or its problems.
    fn parsed(&self, ctx: &Context<'_>) -> Result<VisitType, Vec<Invalid>> {
        let minutes = parse_visit_minutes(&self.minutes);
        let visit = VisitType {
            id: self.id,
            name: tidy_name(&self.name),
            minutes: *minutes.as_ref().unwrap_or(&1),
            colour: self.colour.trim().to_lowercase(),
            default_mode: self.mode,
        };
        let mut problems = visit_type_problems(&visit, &ctx.setup.visit_types);
        if let Err(e) = minutes {
            problems.retain(|p| p.field != Field::Minutes);
            problems.push(Invalid::new(Field::Minutes, e));
        }
        if problems.is_empty() {
            Ok(visit)
        } else {
            Err(problems)
        }
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Select(_) | Message::New => {}
            Message::Name(t) => self.name = t,
            Message::Minutes(t) => self.minutes = t,
            Message::Colour(t) => self.colour = t,
            Message::Mode(c) => self.mode = c.value,
            Message::Save => {
                if self.saving {
                    return (Task::none(), None);
                }
                self.notice = None;
                self.error = None;
                match self.parsed(ctx) {
                    Err(problems) => {
                        self.problems = problems;
                        self.error = Some(parts::not_saved());
                    }
                    Ok(visit) => {
                        self.problems.clear();
                        self.saving = true;
                        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                        let task = ctx
                            .backend
                            .run(move |s| s.save_visit_type(&visit, &actor, now));
                        return (Task::perform(task, Message::Saved), None);
                    }
                }
            }
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(saved) => {
                        self.new = false;
                        self.notice = Some(parts::saved_words(saved, &tidy_name(&self.name)));
                        return (Task::none(), Some(Event::SetupChanged));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
        (Task::none(), None)
    }

    fn view(&self) -> Element<'_, Message> {
        let modes: Vec<Choice<Mode>> = [Mode::InClinic, Mode::Phone, Mode::Video]
            .into_iter()
            .map(|m| Choice::new(m, mode_label(m)))
            .collect();
        let p = |f| parts::problem(&self.problems, f);
        let details = column![
            parts::field(
                crate::t!("settings-name"),
                text_input(&crate::t!("settings-visit-name-example"), &self.name)
                    .id("visit-name")
                    .on_input(Message::Name),
                p(Field::Name),
            ),
            row![
                parts::field(
                    crate::t!("settings-visit-minutes"),
                    text_input("15", &self.minutes)
                        .id("visit-minutes")
                        .on_input(Message::Minutes),
                    p(Field::Minutes),
                ),
                parts::field(
                    crate::t!("settings-colour"),
                    row![
                        parts::swatch(&self.colour),
                        text_input("#3b82f6", &self.colour)
                            .id("visit-colour")
                            .on_input(Message::Colour)
                    ]
                    .spacing(6)
                    .align_y(iced::Alignment::Center),
                    p(Field::Colour),
                ),
                parts::field(
                    crate::t!("settings-visit-mode"),
                    pick_list(
                        modes,
                        Some(Choice::new(self.mode, mode_label(self.mode))),
                        Message::Mode
                    )
                    .width(Length::Fill),
                    None,
                ),
            ]
            .spacing(10),
            button(
                text(if self.saving {
                    crate::t!("settings-saving")
                } else {
                    crate::t!("settings-visit-save")
                })
                .size(13)
            )
            .on_press_maybe((!self.saving).then_some(Message::Save))
            .style(button::primary),
            parts::outcome(&self.notice, &self.error),
        ]
        .spacing(10);
        let title = if self.new {
            crate::t!("settings-visit-new")
        } else {
            tidy_name(&self.name)
        };
        column![
            text(title).size(18),
            parts::card(
                crate::t!("settings-details"),
                Some(crate::t!("settings-visit-details-hint")),
                details
            )
        ]
        .spacing(14)
        .into()
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
                if let Some(v) = ctx.setup.visit_types.iter().find(|v| v.id == id) {
                    self.form = Some(Form::new(v, false));
                }
                (Task::none(), None)
            }
            Message::New => {
                let v = VisitType {
                    id: VisitTypeId(uuid::Uuid::new_v4()),
                    name: String::new(),
                    minutes: 15,
                    colour: "#7a7a7a".into(),
                    default_mode: Mode::InClinic,
                };
                self.form = Some(Form::new(&v, true));
                (iced::widget::operation::focus("visit-name"), None)
            }
            other => match &mut self.form {
                Some(form) => form.update(other, ctx),
                None => (Task::none(), None),
            },
        }
    }

    /// The list and the chosen visit type's form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let items = ctx
            .setup
            .visit_types
            .iter()
            .map(|v| parts::Item {
                value: v.id,
                label: v.name.clone(),
                detail: crate::t!(
                    "settings-visit-detail",
                    minutes = v.minutes,
                    mode = mode_label(v.default_mode)
                ),
                colour: Some(v.colour.as_str()),
                active: true,
            })
            .collect();
        let selected = self.form.as_ref().map(|f| f.id);
        let list = parts::list(
            items,
            selected,
            (crate::t!("settings-visit-add"), Message::New),
            Message::Select,
        );
        let form: Element<'a, Message> = match &self.form {
            Some(form) => parts::form_scroll(form.view()),
            None => text(crate::t!("settings-visit-choose")).size(14).into(),
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
