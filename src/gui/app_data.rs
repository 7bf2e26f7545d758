//! How the app handles the Data page (export, import, backup, restore) and the daily backup
//! made at the first launch of the day.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use iced::{Element, Task};

use super::app::{App, Message, Phase};
use super::backend::{Backend, UiError};
use super::desk::{Desk, Page};
use super::screen::{Context, data};
use crate::scheduling::Clinic;
use crate::store::backup::BackupPolicy;

impl App {
    /// The daily backup of the database at `path` (first launch of the day), off the UI thread.
    pub fn daily_backup(path: PathBuf, policy: BackupPolicy, now: DateTime<Utc>) -> Task<Message> {
        let today = now.with_timezone(&chrono::Local).date_naive();
        Task::perform(
            Backend::daily_backup(path, policy, today),
            Message::DailyBackup,
        )
    }

    pub(super) fn daily_backup_done(
        &mut self,
        result: Result<Option<PathBuf>, UiError>,
    ) -> Task<Message> {
        if let Err(e) = result {
            self.error = Some(format!("Today's automatic backup failed: {e}"));
        }
        Task::none()
    }

    pub(super) fn show_data(&mut self) -> Task<Message> {
        if let Phase::Ready(desk) = &mut self.phase
            && !matches!(desk.page, Page::Data(_))
        {
            desk.set_page(Page::Data(Box::default()));
        }
        Task::none()
    }

    pub(super) fn data(&mut self, message: data::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Desk {
            backend,
            setup,
            clinic,
            page,
            ..
        } = &mut **desk;
        let Page::Data(state) = page else {
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
                    Task::perform(backend.clone().setup(), Message::SetupLoaded)
                }
                _ => Task::none(),
            };
        };
        let Some(clinic) = setup.clinic(*clinic) else {
            return Task::none();
        };
        let ctx = Context {
            backend,
            setup,
            clinic,
            now,
            actor: &actor,
        };
        let (task, event) = state.update(message, &ctx);
        let task = task.map(Message::Data);
        match event {
            None => task,
            Some(data::Event::Changed) => Task::batch([task, self.reload()]),
            Some(data::Event::Restored(notice)) => {
                // What was said of the replaced database no longer holds.
                self.error = None;
                self.notice = Some(notice);
                let backend = desk.backend.clone();
                Task::batch([task, Task::perform(backend.setup(), Message::SetupLoaded)])
            }
        }
    }

    /// The Data page.
    pub(super) fn data_page<'a>(
        &'a self,
        desk: &'a Desk,
        clinic: &'a Clinic,
        state: &'a data::State,
    ) -> Element<'a, Message> {
        let ctx = Context {
            backend: &desk.backend,
            setup: &desk.setup,
            clinic,
            now: self.now,
            actor: &self.actor,
        };
        state.view(&ctx).map(Message::Data)
    }
}
