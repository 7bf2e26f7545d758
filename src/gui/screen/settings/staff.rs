//! Staff members (administrators): the list, and a form per person (name, role, active) with
//! their sign-in: a new password or PIN, hashed off the UI thread and never shown again. Every
//! change is recorded with the signed-in name and in the access log.

use crate::gui::choice_keys::pick_list;
use iced::widget::{button, checkbox, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::{Event, parts};
use crate::gui::backend::UiError;
use crate::gui::screen::Context;
use crate::gui::widget::Choice;
use crate::scheduling::setup_rules::*;
use crate::scheduling::*;
use crate::store::Saved;

/// The staff section.
#[derive(Debug, Clone, Default)]
pub struct State {
    form: Option<Form>,
}

#[derive(Debug, Clone)]
struct Form {
    id: StaffId,
    new: bool,
    name: String,
    role: StaffRole,
    active: bool,
    problems: Vec<Invalid>,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
    /// A new password as typed (never shown; cleared once set).
    password: crate::gui::screen::sign_in::Typed,
    /// A new PIN as typed.
    pin: crate::gui::screen::sign_in::Typed,
}

/// What happens in the staff section.
#[derive(Debug, Clone)]
pub enum Message {
    /// A staff member was chosen in the list.
    Select(StaffId),
    /// "Add staff member" was pressed.
    New,
    /// The name changed.
    Name(String),
    /// The role was chosen.
    Role(Choice<StaffRole>),
    /// Active was switched on or off.
    Active(bool),
    /// "Save staff member" was pressed.
    Save,
    /// The staff member was stored or refused.
    Saved(Result<Saved, UiError>),
    /// The new password typed.
    Password(crate::gui::screen::sign_in::Typed),
    /// The new PIN typed.
    Pin(crate::gui::screen::sign_in::Typed),
    /// "Set password" or "Set PIN" was pressed.
    SetSecret(crate::signin::SecretKind),
    /// The password or PIN was set (what to say), or refused.
    SecretSet(Result<String, UiError>),
}

impl Form {
    fn new(s: &StaffMember, new: bool) -> Self {
        Self {
            id: s.id,
            new,
            name: s.name.clone(),
            role: s.role,
            active: s.active,
            problems: Vec::new(),
            saving: false,
            notice: None,
            error: None,
            password: Default::default(),
            pin: Default::default(),
        }
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Select(_) | Message::New => {}
            Message::Name(t) => self.name = t,
            Message::Role(c) => self.role = c.value,
            Message::Active(on) => self.active = on,
            Message::Password(t) => self.password = t,
            Message::Pin(t) => self.pin = t,
            Message::SetSecret(kind) => {
                if self.saving || self.new {
                    return (Task::none(), None);
                }
                use crate::signin::{Secret, SecretKind};
                let typed = match kind {
                    SecretKind::Password => std::mem::take(&mut self.password),
                    SecretKind::Pin => std::mem::take(&mut self.pin),
                };
                self.notice = None;
                self.error = None;
                // Checked here first, so a slip is said at once; hashed off the UI thread.
                let secret = match Secret::new_one(kind, &typed.0) {
                    Ok(secret) => secret,
                    Err(e) => {
                        self.error = Some(e.to_string());
                        return (Task::none(), None);
                    }
                };
                // As stored (not as half-edited in the form): whose key slot it is.
                let Some(stored) = ctx.setup.staff.iter().find(|m| m.id == self.id).cloned() else {
                    self.error = Some(crate::t!("settings-staff-save-first"));
                    return (Task::none(), None);
                };
                self.saving = true;
                let (id, name, now) = (self.id, stored.name.clone(), ctx.now);
                let task = ctx.backend.run(move |s| {
                    let hash = secret
                        .hash()
                        .map_err(|e| crate::store::StoreError::Invalid(e.to_string()))?;
                    let access = crate::scheduling::access::Access {
                        at: now,
                        desk: crate::signin::this_desk(),
                        staff: None,
                        name: String::new(),
                        kind: crate::scheduling::access::AccessKind::ChangedPermission,
                        subject: String::new(),
                        detail: String::new(),
                    };
                    match kind {
                        // An encrypted database: their password unwraps its key from now on
                        // (the slot and the hash written as one change).
                        SecretKind::Password => s.set_password(&stored, &secret, &hash, &access)?,
                        SecretKind::Pin => s.set_secret(id, kind, Some(&hash), &access)?,
                    }
                    Ok(match kind {
                        SecretKind::Password => {
                            crate::t!("settings-staff-password-set", name = &name)
                        }
                        SecretKind::Pin => crate::t!("settings-staff-pin-set", name = &name),
                    })
                });
                return (Task::perform(task, Message::SecretSet), None);
            }
            Message::SecretSet(result) => {
                self.saving = false;
                match result {
                    Ok(said) => self.notice = Some(said),
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Save => {
                if self.saving {
                    return (Task::none(), None);
                }
                self.notice = None;
                self.error = None;
                let member = StaffMember {
                    id: self.id,
                    name: tidy_name(&self.name),
                    role: self.role,
                    active: self.active,
                };
                let problems = staff_problems(&member, &ctx.setup.staff);
                if !problems.is_empty() {
                    self.problems = problems;
                    self.error = Some(parts::not_saved());
                    return (Task::none(), None);
                }
                self.problems.clear();
                self.saving = true;
                let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                let task = ctx.backend.run(move |s| s.save_staff(&member, &actor, now));
                return (Task::perform(task, Message::Saved), None);
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
        let roles: Vec<Choice<StaffRole>> = StaffRole::ALL
            .into_iter()
            .map(|r| Choice::new(r, r.label()))
            .collect();
        let details = column![
            row![
                parts::field(
                    crate::t!("settings-staff-name"),
                    text_input(&crate::t!("settings-staff-name-example"), &self.name)
                        .id("staff-name")
                        .on_input(Message::Name),
                    parts::problem(&self.problems, Field::Name),
                ),
                parts::field(
                    crate::t!("settings-staff-role"),
                    pick_list(
                        roles,
                        Some(Choice::new(self.role, self.role.label())),
                        Message::Role
                    )
                    .width(Length::Fill),
                    None,
                ),
            ]
            .spacing(10),
            checkbox(self.active)
                .label(crate::t!("settings-staff-active"))
                .on_toggle(Message::Active)
                .size(16)
                .text_size(13),
            button(
                text(if self.saving {
                    crate::t!("settings-saving")
                } else {
                    crate::t!("settings-staff-save")
                })
                .size(13)
            )
            .on_press_maybe((!self.saving).then_some(Message::Save))
            .style(button::primary),
            parts::outcome(&self.notice, &self.error),
        ]
        .spacing(10);
        let title = if self.new {
            crate::t!("settings-staff-new")
        } else {
            tidy_name(&self.name)
        };
        let mut page = column![
            text(title).size(18),
            parts::card(
                crate::t!("settings-details"),
                Some(crate::t!("settings-staff-details-hint")),
                details
            )
        ]
        .spacing(14);
        if !self.new {
            use crate::signin::SecretKind;
            let ready = !self.saving;
            let row_of =
                |kind: SecretKind, label: String, value: &str, id, typed: fn(String) -> Message| {
                    let set = Message::SetSecret(kind);
                    row![
                        parts::field(
                            label,
                            text_input("", value)
                                .id(id)
                                .secure(true)
                                .on_input(typed)
                                .on_submit(set.clone()),
                            None,
                        ),
                        button(
                            text(match kind {
                                SecretKind::Password => crate::t!("settings-staff-set-password"),
                                SecretKind::Pin => crate::t!("settings-staff-set-pin"),
                            })
                            .size(13)
                        )
                        .on_press_maybe(ready.then_some(set))
                        .style(button::secondary),
                    ]
                    .spacing(10)
                    .align_y(iced::Alignment::End)
                };
            let sign_in = column![
                row_of(
                    SecretKind::Password,
                    crate::t!("settings-staff-new-password"),
                    &self.password.0,
                    "staff-password",
                    |t| Message::Password(crate::gui::screen::sign_in::Typed(t)),
                ),
                row_of(
                    SecretKind::Pin,
                    crate::t!("settings-staff-new-pin"),
                    &self.pin.0,
                    "staff-pin",
                    |t| Message::Pin(crate::gui::screen::sign_in::Typed(t)),
                ),
            ]
            .spacing(10);
            page = page.push(parts::card(
                crate::t!("settings-staff-sign-in"),
                Some(crate::t!("settings-staff-sign-in-hint")),
                sign_in,
            ));
        }
        page.into()
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
                if let Some(s) = ctx.setup.staff.iter().find(|s| s.id == id) {
                    self.form = Some(Form::new(s, false));
                }
                (Task::none(), None)
            }
            Message::New => {
                let s = StaffMember {
                    id: StaffId(uuid::Uuid::new_v4()),
                    name: String::new(),
                    role: StaffRole::Receptionist,
                    active: true,
                };
                self.form = Some(Form::new(&s, true));
                (iced::widget::operation::focus("staff-name"), None)
            }
            other => match &mut self.form {
                Some(form) => form.update(other, ctx),
                None => (Task::none(), None),
            },
        }
    }

    /// The list and the chosen staff member's form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let items = ctx
            .setup
            .staff
            .iter()
            .map(|s| parts::Item {
                value: s.id,
                label: s.name.clone(),
                detail: s.role.label().to_owned(),
                colour: None,
                active: s.active,
            })
            .collect();
        let selected = self.form.as_ref().map(|f| f.id);
        let list = parts::list(
            items,
            selected,
            (crate::t!("settings-staff-add"), Message::New),
            Message::Select,
        );
        let form: Element<'a, Message> = match &self.form {
            Some(form) => parts::form_scroll(form.view()),
            None => text(crate::t!("settings-staff-choose")).size(14).into(),
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
