//! How the app opens the Reports page and hands it its messages and events.

use iced::{Element, Task};

use super::Message;
use super::{Desk, Page, context};
use crate::gui::screen::{Context, reports};
use crate::scheduling::Clinic;

impl Desk {
    /// Opens the Reports page for the clinic shown (computing the last 30 days at once).
    pub(super) fn show_reports(&mut self) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        if matches!(self.page, Page::Reports(_)) {
            return Task::none();
        }
        let Some((ctx, _)) = context(&self.backend, &self.setup, self.clinic, now, &actor) else {
            return Task::none();
        };
        let (state, task) = reports::State::new(&ctx);
        self.set_page(Page::Reports(Box::new(state)));
        task.map(Message::Reports)
    }

    /// Hands a message to the Reports page. A file saved after the page was left still says so.
    pub(super) fn reports(&mut self, message: reports::Message) -> Task<Message> {
        let Desk {
            backend,
            setup,
            clinic,
            page,
            now,
            actor,
            notice,
            error,
            ..
        } = self;
        let Page::Reports(state) = page else {
            match message {
                reports::Message::Saved(Ok(said)) => *notice = Some(said),
                reports::Message::Saved(Err(e)) => *error = Some(e),
                _ => {} // the page was left: its answers are no longer wanted
            }
            return Task::none();
        };
        let Some((ctx, _)) = context(backend, setup, *clinic, *now, actor) else {
            return Task::none();
        };
        let (task, event) = state.update(message, &ctx);
        match event {
            Some(reports::Event::Notice(said)) => *notice = Some(said),
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
        let ctx = Context {
            backend: &self.backend,
            setup: &self.setup,
            clinic,
            now: self.now,
            actor: &self.actor,
        };
        state.view(&ctx).map(Message::Reports)
    }
}
