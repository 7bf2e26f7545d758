//! Reminders → Channels: the SMTP server (host, port, TLS mode, login), the SMS / WhatsApp
//! webhook, and the pattern video meeting links are made from. A stored password or token is
//! never shown, not even masked: the field stays empty and typing replaces it.

use crate::gui::choice_keys::pick_list;
use iced::widget::{button, column, row, rule, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::gui::widget::field;
use crate::gui::widget::{self, Choice};
use crate::store::{ReminderSettings, Secret, TlsMode};

/// The section's state: the settings as stored, and the form as typed.
#[derive(Debug, Default)]
pub struct State {
    stored: Option<ReminderSettings>,
    host: String,
    port: String,
    tls: Option<TlsMode>,
    user: String,
    /// As typed; a `Secret`, so the state's `Debug` never shows it.
    password: Secret,
    forget_password: bool,
    from: String,
    url: String,
    token: Secret,
    forget_token: bool,
    pattern: String,
    busy: bool,
    error: Option<UiError>,
    notice: Option<String>,
}

/// What happens in the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The stored settings arrived.
    Loaded(Result<ReminderSettings, UiError>),
    /// The SMTP host changed.
    Host(String),
    /// The port changed.
    Port(String),
    /// The TLS mode was chosen (the port follows when it was the usual one).
    Tls(Choice<TlsMode>),
    /// The SMTP user changed.
    User(String),
    /// A new password was typed.
    Password(Secret),
    /// "Forget password".
    ForgetPassword,
    /// The sender changed.
    From(String),
    /// The webhook URL changed.
    Url(String),
    /// A new webhook token was typed.
    Token(Secret),
    /// "Forget token".
    ForgetToken,
    /// The meeting-link pattern changed.
    Pattern(String),
    /// "Save channels".
    Save,
    /// Stored, or refused.
    Saved(Result<(), UiError>),
}

/// Asks for the stored settings.
pub fn load(ctx: &Context<'_>) -> Task<Message> {
    Task::perform(ctx.backend.run(|s| s.reminder_settings()), Message::Loaded)
}

impl State {
    fn fill(&mut self, s: ReminderSettings) {
        self.host = s.smtp.host.clone();
        self.port = s.smtp.port.to_string();
        self.tls = Some(s.smtp.tls);
        self.user = s.smtp.user.clone();
        self.password = Secret::default();
        self.forget_password = false;
        self.from = s.smtp.from.clone();
        self.url = s.webhook.url.clone();
        self.token = Secret::default();
        self.forget_token = false;
        self.pattern = s.meeting_pattern.clone();
        self.stored = Some(s);
    }

    /// The settings the form describes, keeping stored secrets unless replaced or forgotten.
    pub fn settings(&self) -> Result<ReminderSettings, String> {
        let stored = self.stored.clone().unwrap_or_default();
        let port: u16 = match self.port.trim().parse() {
            Ok(p) if p > 0 => p,
            _ => {
                return Err(crate::t!("reminders-not-a-port", typed = self.port.trim()));
            }
        };
        let secret = |typed: &str, forget: bool, old: Secret| {
            if forget {
                Secret::default()
            } else if typed.is_empty() {
                old
            } else {
                Secret::new(typed)
            }
        };
        let mut s = stored.clone();
        s.smtp.host = self.host.trim().to_owned();
        s.smtp.port = port;
        s.smtp.tls = self.tls.unwrap_or(TlsMode::StartTls);
        s.smtp.user = self.user.trim().to_owned();
        s.smtp.password = secret(
            self.password.expose(),
            self.forget_password,
            stored.smtp.password,
        );
        s.smtp.from = self.from.trim().to_owned();
        s.webhook.url = self.url.trim().to_owned();
        s.webhook.token = secret(self.token.expose(), self.forget_token, stored.webhook.token);
        s.meeting_pattern = self.pattern.trim().to_owned();
        Ok(s)
    }

    /// Handles a message; returns the work to run.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        match message {
            Message::Loaded(result) => match result {
                Ok(s) => self.fill(s),
                Err(e) => self.error = Some(e),
            },
            Message::Host(t) => self.host = t,
            Message::Port(t) => self.port = t,
            Message::Tls(c) => {
                let usual = self.tls.map(TlsMode::usual_port).map(|p| p.to_string());
                if usual.as_deref() == Some(self.port.trim()) || self.port.trim().is_empty() {
                    self.port = c.value.usual_port().to_string();
                }
                self.tls = Some(c.value);
            }
            Message::User(t) => self.user = t,
            Message::Password(t) => {
                self.password = t;
                self.forget_password = false;
            }
            Message::ForgetPassword => {
                self.password = Secret::default();
                self.forget_password = true;
            }
            Message::From(t) => self.from = t,
            Message::Url(t) => self.url = t,
            Message::Token(t) => {
                self.token = t;
                self.forget_token = false;
            }
            Message::ForgetToken => {
                self.token = Secret::default();
                self.forget_token = true;
            }
            Message::Pattern(t) => self.pattern = t,
            Message::Save => match self.settings() {
                Ok(settings) => {
                    self.busy = true;
                    self.error = None;
                    self.notice = None;
                    let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                    let task = ctx
                        .backend
                        .run(move |s| s.save_reminder_settings(&settings, &actor, now));
                    return Task::perform(task, Message::Saved);
                }
                Err(e) => self.error = Some(e),
            },
            Message::Saved(result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        self.notice = Some(crate::t!("reminders-channels-saved"));
                        return load(ctx);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
        Task::none()
    }

    fn secret_hint(&self, stored: bool, forget: bool) -> String {
        match (stored, forget) {
            (_, true) => crate::t!("reminders-secret-forgotten"),
            (true, false) => crate::t!("reminders-secret-stored"),
            (false, false) => crate::t!("reminders-secret-none"),
        }
    }

    /// The section.
    pub fn view<'a>(&'a self, _ctx: &Context<'a>) -> Element<'a, Message> {
        let stored = self.stored.clone().unwrap_or_default();
        let modes: Vec<Choice<TlsMode>> = TlsMode::ALL
            .into_iter()
            .map(|m| Choice::new(m, m.label()))
            .collect();
        let mode = modes.iter().find(|c| Some(c.value) == self.tls).cloned();
        let email = column![
            text(crate::t!("reminders-email-smtp")).size(16),
            text(crate::t!("reminders-email-about")).size(12),
            row![
                field(
                    crate::t!("reminders-smtp-host"),
                    text_input("smtp.example.org", &self.host)
                        .id("smtp-host")
                        .on_input(Message::Host)
                ),
                column![
                    text(crate::t!("reminders-port")).size(12.5),
                    text_input("587", &self.port)
                        .id("smtp-port")
                        .on_input(Message::Port)
                        .width(Length::Fixed(80.0))
                ]
                .spacing(3),
            ]
            .spacing(8),
            field(
                crate::t!("reminders-encryption"),
                pick_list(modes, mode, Message::Tls).text_size(13)
            ),
            row![
                field(
                    crate::t!("reminders-smtp-user"),
                    text_input("reminders@clinic.example", &self.user)
                        .id("smtp-user")
                        .on_input(Message::User)
                ),
                field(
                    crate::t!("reminders-password"),
                    row![
                        text_input(
                            &self.secret_hint(
                                !stored.smtp.password.is_empty(),
                                self.forget_password
                            ),
                            self.password.expose()
                        )
                        .id("smtp-password")
                        .secure(true)
                        .on_input(|t| Message::Password(Secret::new(t))),
                        button(text(crate::t!("reminders-forget")).size(12))
                            .on_press(Message::ForgetPassword)
                            .style(button::secondary)
                    ]
                    .spacing(4)
                ),
            ]
            .spacing(8),
            field(
                crate::t!("reminders-sender"),
                text_input(&crate::t!("reminders-sender-example"), &self.from)
                    .id("smtp-from")
                    .on_input(Message::From)
            ),
        ]
        .spacing(10)
        .width(Length::FillPortion(1));
        let others = column![
            text(crate::t!("reminders-webhook")).size(16),
            text(crate::t!("reminders-webhook-about")).size(12),
            field(
                crate::t!("reminders-webhook-url"),
                text_input("https://sms.example.org/send", &self.url)
                    .id("webhook-url")
                    .on_input(Message::Url)
            ),
            field(
                crate::t!("reminders-webhook-token"),
                row![
                    text_input(
                        &self.secret_hint(!stored.webhook.token.is_empty(), self.forget_token),
                        self.token.expose()
                    )
                    .id("webhook-token")
                    .secure(true)
                    .on_input(|t| Message::Token(Secret::new(t))),
                    button(text(crate::t!("reminders-forget")).size(12))
                        .on_press(Message::ForgetToken)
                        .style(button::secondary)
                ]
                .spacing(4)
            ),
            rule::horizontal(1),
            text(crate::t!("reminders-video")).size(16),
            text(crate::t!("reminders-video-about")).size(12),
            field(
                crate::t!("reminders-meeting-pattern"),
                text_input("https://meet.jit.si/", &self.pattern)
                    .id("meeting-pattern")
                    .on_input(Message::Pattern)
            ),
        ]
        .spacing(10)
        .width(Length::FillPortion(1));
        let mut page = column![
            row![email, others].spacing(32),
            row![
                button(text(crate::t!("reminders-save-channels")))
                    .on_press_maybe((!self.busy).then_some(Message::Save))
                    .style(button::primary)
            ],
        ]
        .spacing(14);
        if let Some(e) = &self.error {
            page = page.push(widget::error_text(e));
        }
        if let Some(n) = &self.notice {
            page = page.push(text(n).size(13));
        }
        // Room on the right for the scroll bar, so no field runs under it.
        scrollable(page.padding(iced::Padding {
            top: 4.0,
            right: 18.0,
            bottom: 4.0,
            left: 4.0,
        }))
        .into()
    }
}
