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
                    self.error = Some("Type your password: it opens the encrypted file.".into());
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
                let n = self.copies.len();
                self.said = Some(format!(
                    "Kept {n} plaintext {}: they hold every patient in clear. Delete them once you are sure the encrypted file works (they stay listed here).",
                    if n == 1 { "copy" } else { "copies" }
                ));
            }
            Message::Removed(result) => {
                match result {
                    Ok(removed) => {
                        let n = removed.len();
                        self.said = Some(format!(
                            "Removed {n} plaintext {}.",
                            if n == 1 { "copy" } else { "copies" }
                        ));
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
            (Stage::Running, _, _) => column![small(
                "Encrypting: the file is copied encrypted and the copy checked, table by table. The desk is back when it is done.".into()
            )],
            (_, None, _) => column![small(
                "The server encrypts its own disks; backups saved here are plain files: keep them safe.".into()
            )],
            (_, Some(_), Some(_)) => {
                let mut encrypted = column![small(
                    "This database file is encrypted, and so are its backups; each backup needs its .keys file beside it.".into()
                )]
                .spacing(6);
                if !self.copies.is_empty() {
                    encrypted = encrypted.push(self.copies_view());
                }
                encrypted
            }
            (Stage::Asking, Some(_), None) => self.asking_view(),
            (Stage::Offer, Some(_), None) => column![
                small("This database file is not encrypted: a copy of it shows every patient.".into()),
                button(text("Encrypt this file…"))
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
        let mut list = column![text(
            "Plaintext copies are left (the original and backups made before): they show every patient to anyone who copies them."
        )
        .size(13)]
        .spacing(4);
        for file in &self.copies {
            list = list.push(text(file.display().to_string()).size(12.5));
        }
        list.push(
            row![
                button(text("Remove them"))
                    .on_press(Message::RemoveCopies)
                    .style(button::danger),
                button(text("Keep them for now"))
                    .on_press(Message::KeepCopies)
                    .style(button::secondary),
            ]
            .spacing(8),
        )
        .spacing(10)
    }

    fn asking_view(&self) -> iced::widget::Column<'_, Message> {
        column![
            text(
                "Encrypting needs this file to itself: close Frontdesk on every other desk and stop its jobs first. Only you can sign in afterwards until you give each staff member a new password (Settings, Staff); service credentials must be issued again. A recovery key is shown once: have paper ready."
            )
            .size(13),
            widget::field(
                "Your password (the one you sign in with)",
                text_input("", &self.password.0)
                    .id(PASSWORD_ID)
                    .secure(true)
                    .on_input(|t| Message::Password(Typed(t)))
                    .on_submit(Message::Confirm),
            ),
            row![
                button(text("Encrypt now"))
                    .on_press(Message::Confirm)
                    .style(button::primary),
                button(text("Cancel"))
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
        text("This clinic's recovery key").size(15),
        text(
            "The file is encrypted now: it opens only with a staff member's password or with this key. Print it or write it down now and keep it locked away from the desk: if every administrator's password is lost, it is the only way back to the data. It is shown this once."
        )
        .size(13),
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
            button(text("I have written it down"))
                .on_press(noted)
                .style(button::primary),
        ),
    )
    .padding(14)
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}
