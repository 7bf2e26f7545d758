//! The Data page's encryption card: whether the database file is encrypted, and for a plain
//! file the conversion, offered to an administrator: their password again (it makes their key
//! slot), the conversion off the UI thread, the recovery key shown once, and the plaintext
//! copies (the original under a new name, and backups made before) removed only when asked.

use std::path::PathBuf;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use super::sign_in::Typed;
use crate::gui::backend::{Converted, UiError};
use crate::gui::widget;
use crate::gui::widget::field;
use crate::scheduling::permission::Action;

/// Where the conversion stands.
#[derive(Debug, Clone, Default)]
enum Stage {
    /// Offered (or nothing to offer: a file already encrypted, or a server).
    #[default]
    Offer,
    /// Asking for the administrator's password.
    Asking,
    /// Converting.
    Running,
}

/// The card's state.
#[derive(Debug, Clone, Default)]
pub struct State {
    stage: Stage,
    password: Typed,
    error: Option<String>,
    /// The plaintext copies of an encrypted file still on disk (the original kept under a new
    /// name, backups made before), as last listed.
    copies: Vec<PathBuf>,
    /// What the last removal did.
    said: Option<String>,
}

/// What happens on the card.
#[derive(Debug, Clone)]
pub enum Message {
    /// "Encrypt this file…" was pressed: ask for the password.
    Start,
    /// The password, as typed.
    Password(Typed),
    /// "Encrypt now" was pressed, or Enter in the password.
    Confirm,
    /// Called off before it started.
    Cancel,
    /// The conversion ended.
    Encrypted(Result<Converted, UiError>),
    /// The plaintext copies of the encrypted file, as listed now.
    Listed(Vec<PathBuf>),
    /// "Remove them" was pressed under the plaintext copies.
    RemoveCopies,
    /// "Keep them for now" was pressed.
    KeepCopies,
    /// The copies were removed (those that were), or the first that could not be.
    Removed(Result<Vec<PathBuf>, UiError>),
}

/// What the card tells the page.
#[derive(Debug, Clone)]
pub enum Event {
    /// The file is encrypted now: its recovery key is to be shown (by the desk, until it is
    /// noted, to whoever encrypted it), and the watcher starts again with the key.
    Encrypted(Converted),
}

/// The input's id (the password field takes the focus when asked).
const PASSWORD_ID: &str = "encrypt-password";

/// Lists the plaintext copies of the database the desk shows (none for a plain file or a
/// server): the card's `Listed`.
pub fn list(backend: &crate::gui::backend::Backend) -> Task<Message> {
    Task::perform(backend.clone().plaintext_copies(), Message::Listed)
}

impl State {
    /// Whether the conversion runs (the page offers nothing else meanwhile).
    pub fn busy(&self) -> bool {
        matches!(self.stage, Stage::Running)
    }

    /// Handles a message.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Start if ctx.may(Action::Restore) && ctx.backend.key().is_none() => {
                self.stage = Stage::Asking;
                self.error = None;
                return (iced::widget::operation::focus(PASSWORD_ID), None);
            }
            Message::Start => {}
            Message::Password(typed) => self.password = typed,
            Message::Confirm if matches!(self.stage, Stage::Asking) => {
                if self.password.0.is_empty() {
                    self.error = Some(crate::t!("encryption-need-password"));
                    return (Task::none(), None);
                }
                self.stage = Stage::Running;
                self.error = None;
                let typed = std::mem::take(&mut self.password).0;
                let work = ctx
                    .backend
                    .clone()
                    .encrypt(ctx.actor.to_owned(), typed, ctx.now);
                return (Task::perform(work, Message::Encrypted), None);
            }
            Message::Confirm => {}
            Message::Cancel => {
                self.stage = Stage::Offer;
                self.password = Typed::default();
                self.error = None;
            }
            Message::Encrypted(Ok(converted)) => {
                self.stage = Stage::Offer;
                self.copies = converted.plaintext.clone();
                return (Task::none(), Some(Event::Encrypted(converted)));
            }
            Message::Encrypted(Err(e)) => {
                self.stage = Stage::Asking;
                self.error = Some(e);
            }
            Message::Listed(copies) => self.copies = copies,
            Message::RemoveCopies if !self.copies.is_empty() => {
                let work = ctx.backend.clone().remove_plaintext(self.copies.clone());
                return (Task::perform(work, Message::Removed), None);
            }
            Message::RemoveCopies => {}
            Message::KeepCopies => {
                self.said = Some(crate::t!("encryption-kept", count = self.copies.len()));
            }
            Message::Removed(result) => {
                match result {
                    Ok(removed) => {
                        self.said = Some(crate::t!("encryption-removed", count = removed.len()));
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
                // What is left now, whatever happened.
                return (list(ctx.backend), None);
            }
        }
        (Task::none(), None)
    }

    /// The card's body.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let small = |s: String| text(s).size(13);
        let mut body = match (&self.stage, ctx.backend.locator().file(), ctx.backend.key()) {
            (Stage::Running, _, _) => column![small(crate::t!("encryption-running"))],
            (_, None, _) => column![small(crate::t!("encryption-server"))],
            (_, Some(_), Some(_)) => {
                let mut encrypted = column![small(crate::t!("encryption-encrypted"))].spacing(6);
                if !self.copies.is_empty() {
                    encrypted = encrypted.push(self.copies_view());
                }
                encrypted
            }
            (Stage::Asking, Some(_), None) => self.asking_view(),
            (Stage::Offer, Some(_), None) => column![
                small(crate::t!("encryption-plain")),
                button(text(crate::t!("encryption-start")))
                    .on_press_maybe(ctx.may(Action::Restore).then_some(Message::Start))
                    .style(button::primary),
            ]
            .spacing(10),
        };
        if let Some(said) = &self.said {
            body = body.push(small(said.clone()));
        }
        if let Some(e) = &self.error {
            body = body.push(widget::error_text(e));
        }
        body.spacing(10).into()
    }

    fn copies_view(&self) -> iced::widget::Column<'_, Message> {
        let mut list = column![text(crate::t!("encryption-copies-left")).size(13)].spacing(4);
        for file in &self.copies {
            list = list.push(text(file.display().to_string()).size(12.5));
        }
        list.push(
            row![
                button(text(crate::t!("encryption-remove")))
                    .on_press(Message::RemoveCopies)
                    .style(button::danger),
                button(text(crate::t!("encryption-keep")))
                    .on_press(Message::KeepCopies)
                    .style(button::secondary),
            ]
            .spacing(8),
        )
        .spacing(10)
    }

    fn asking_view(&self) -> iced::widget::Column<'_, Message> {
        column![
            text(crate::t!("encryption-asking")).size(13),
            field(
                crate::t!("encryption-your-password"),
                text_input("", &self.password.0)
                    .id(PASSWORD_ID)
                    .secure(true)
                    .on_input(|t| Message::Password(Typed(t)))
                    .on_submit(Message::Confirm),
            ),
            row![
                button(text(crate::t!("encryption-encrypt-now")))
                    .on_press(Message::Confirm)
                    .style(button::primary),
                button(text(crate::t!("encryption-cancel")))
                    .on_press(Message::Cancel)
                    .style(button::secondary),
            ]
            .spacing(8),
        ]
        .spacing(10)
    }
}

/// The recovery key of a file just encrypted, shown (by the desk, on every page) until it is
/// noted: `noted` is the message "I have written it down" sends.
pub fn recovery_view<'a, M: Clone + 'a>(converted: &'a Converted, noted: M) -> Element<'a, M> {
    let mut shown = column![
        text(crate::t!("encryption-recovery-title")).size(15),
        text(crate::t!("encryption-recovery-about")).size(13),
        container(
            text(converted.recovery.0.as_str())
                .size(18)
                .font(iced::Font::MONOSPACE)
        )
        .padding(12)
        .width(Length::Shrink)
        .style(container::rounded_box),
    ]
    .spacing(10);
    if let Some(warning) = &converted.warning {
        shown = shown.push(widget::error_text(warning));
    }
    container(
        shown.push(
            button(text(crate::t!("encryption-written-down")))
                .on_press(noted)
                .style(button::primary),
        ),
    )
    .padding(14)
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}
