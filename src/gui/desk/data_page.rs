//! The desk's Data page (export, import, backup, restore), and the desk starting again on a
//! database just restored.

use iced::{Element, Task};

use super::{Desk, Message, Page};
use crate::gui::backend::{Setup, UiError};
use crate::gui::screen::{data, encryption};
use crate::scheduling::Clinic;

impl Desk {
    pub(super) fn show_data(&mut self) -> Task<Message> {
        if !matches!(self.page, Page::Data(_)) {
            self.set_page(Page::Data(Box::default()));
        }
        self.list_plaintext_copies()
    }

    /// Lists the plaintext copies an encrypted file still has, offered for removal on the page.
    fn list_plaintext_copies(&self) -> Task<Message> {
        encryption::list(&self.backend).map(|m| Message::Data(data::Message::Encryption(m)))
    }

    /// A file just encrypted: its recovery key is kept to be shown to whoever encrypted it
    /// (on every page, until noted; not to someone who took the desk over meanwhile), and the
    /// watcher starts again with the key.
    fn encrypted(&mut self, done: crate::gui::backend::Converted, by: String) {
        self.error = None;
        self.notice = Some(crate::t!("encryption-now-encrypted"));
        self.recovery = Some(super::PendingRecovery { done, by });
        // The watcher of the plain file stops; one with the key starts.
        self.live.epoch = self.live.epoch.wrapping_add(1);
    }

    /// "I have written it down" under the recovery key: it goes, for good.
    pub(super) fn recovery_noted(&mut self) -> Task<Message> {
        self.recovery = None;
        match self.page {
            Page::Data(_) => self.list_plaintext_copies(),
            _ => Task::none(),
        }
    }

    pub(super) fn data(&mut self, message: data::Message) -> Task<Message> {
        if let data::Message::Encryption(encryption::Message::Confirm) = &message {
            self.encrypting = Some(self.who.name.clone());
        }
        if !matches!(self.page, Page::Data(_))
            && let data::Message::Encryption(encryption::Message::Encrypted(result)) = message
        {
            // The page was left (or the desk locked and taken over) while the file was being
            // encrypted: the desk keeps the recovery key for whoever started it.
            match result {
                Ok(done) => {
                    // Who pressed Encrypt: the backend encrypted as them.
                    let by = self
                        .encrypting
                        .take()
                        .unwrap_or_else(|| self.who.name.clone());
                    self.encrypted(done, by);
                }
                Err(e) => self.error = Some(e),
            }
            return Task::none();
        }
        if !matches!(self.page, Page::Data(_)) {
            // The page was left while its job ran: the job still ends, and says so.
            return match message {
                data::Message::Finished(Ok(o)) if o.ok => {
                    self.notice = Some(format!("{}: {}", o.title, o.summary));
                    Task::none()
                }
                data::Message::Finished(Ok(o)) => {
                    self.error = Some(format!("{}: {}", o.title, o.summary));
                    Task::none()
                }
                data::Message::Finished(Err(e)) | data::Message::Restored(Err(e)) => {
                    self.error = Some(e);
                    Task::none()
                }
                data::Message::Restored(Ok(notice)) => {
                    // What was said of the replaced database no longer holds.
                    self.error = None;
                    self.notice = Some(notice);
                    let backend = self.backend.clone();
                    Task::perform(backend.setup(), Message::Reopened)
                }
                _ => Task::none(),
            };
        }
        let Some((task, event)) =
            self.update_page(Page::data, |state, ctx| state.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::Data);
        match event {
            None => task,
            Some(data::Event::Changed) => Task::batch([task, self.reload()]),
            Some(data::Event::Encrypted(done)) => {
                let by = self
                    .encrypting
                    .take()
                    .unwrap_or_else(|| self.who.name.clone());
                self.encrypted(done, by);
                task
            }
            Some(data::Event::Restored(notice)) => {
                // What was said of the replaced database no longer holds.
                self.error = None;
                self.notice = Some(notice);
                let backend = self.backend.clone();
                Task::batch([task, Task::perform(backend.setup(), Message::Reopened)])
            }
        }
    }

    /// The setup of a database just restored arrived: the desk starts again on it, on its
    /// first clinic, as when the window opened; who is at the desk and what the status line
    /// says stay.
    pub(super) fn reopened(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
        let setup = match result {
            Ok(setup) => setup,
            Err(e) => {
                self.error = Some(e);
                return Task::none();
            }
        };
        let Some(clinic) = setup.clinics.first().cloned() else {
            self.error = Some(crate::t!("data-restored-no-clinic"));
            return Task::none();
        };
        let mut desk = Desk::new(
            self.backend.clone(),
            setup,
            &clinic,
            self.now,
            self.who.clone(),
        );
        desk.error = self.error.take();
        desk.notice = self.notice.take();
        // The watcher of the database replaced stops; one of the restored one starts.
        desk.live.epoch = self.live.epoch.wrapping_add(1);
        *self = desk;
        self.reload()
    }

    /// The Data page.
    pub(super) fn data_page<'a>(
        &'a self,
        clinic: &'a Clinic,
        state: &'a data::State,
    ) -> Element<'a, Message> {
        let ctx = self.context_at(clinic);
        state.view(&ctx).map(Message::Data)
    }
}
