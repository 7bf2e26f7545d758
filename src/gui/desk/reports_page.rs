//! How the app opens the Reports and access log pages and hands them their messages and
//! events.

use iced::{Element, Task};

use super::Message;
use super::{Desk, Page};
use crate::gui::screen::{access_log, reports};
use crate::scheduling::Clinic;

impl Desk {
    /// Opens the Reports page for the clinic shown (computing the last 30 days at once).
    pub(super) fn show_reports(&mut self) -> Task<Message> {
        if matches!(self.page, Page::Reports(_)) {
            return Task::none();
        }
        let Some((ctx, _)) = self.context() else {
            return Task::none();
        };
        let (state, task) = reports::State::new(&ctx);
        self.set_page(Page::Reports(Box::new(state)));
        task.map(Message::Reports)
    }

    /// Hands a message to the Reports page. A file saved after the page was left still says so.
    pub(super) fn reports(&mut self, message: reports::Message) -> Task<Message> {
        if !matches!(self.page, Page::Reports(_)) {
            match message {
                reports::Message::Saved(Ok(said)) => self.notice = Some(said),
                reports::Message::Saved(Err(e)) => self.error = Some(e),
                _ => {} // the page was left: its answers are no longer wanted
            }
            return Task::none();
        }
        let Some((task, event)) =
            self.update_page(Page::reports, |state, ctx| state.update(message, ctx))
        else {
            return Task::none();
        };
        match event {
            Some(reports::Event::Notice(said)) => self.notice = Some(said),
            None => {}
        }
        task.map(Message::Reports)
    }

    /// The Reports page, drawn.
    pub(super) fn reports_page<'a>(
        &'a self,
        state: &'a reports::State,
        clinic: &'a Clinic,
    ) -> Element<'a, Message> {
        let ctx = self.context_at(clinic);
        state.view(&ctx).map(Message::Reports)
    }

    /// Opens the access log page, reading the newest entries.
    pub(super) fn show_access_log(&mut self) -> Task<Message> {
        if matches!(self.page, Page::AccessLog(_)) {
            return Task::none();
        }
        let Some((ctx, _)) = self.context() else {
            return Task::none();
        };
        let (state, task) = access_log::State::new(&ctx);
        self.set_page(Page::AccessLog(Box::new(state)));
        task.map(Message::AccessLog)
    }

    /// Hands a message to the access log page (its answers are dropped once it was left).
    pub(super) fn access_log(&mut self, message: access_log::Message) -> Task<Message> {
        self.update_page(Page::access_log, |state, ctx| state.update(message, ctx))
            .map_or_else(Task::none, |task| task.map(Message::AccessLog))
    }
}
