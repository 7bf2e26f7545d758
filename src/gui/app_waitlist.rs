//! How the app handles the waitlist: the page, the look at the audit log for freed slots (after
//! every reload and clock tick, so other desks' and the command line's cancellations and moves
//! are seen too), the banner's offers, and the offer panel's events.

use iced::Task;

use super::app::{App, Message, Phase};
use super::backend::UiError;
use super::desk::{Desk, Page, Panel, context};
use super::screen::{offer, waitlist};
use crate::store::FreedFeed;

impl App {
    /// Asks the log for slots freed since the desk last looked; the first look only notes where
    /// the log ends, so a desk that opens offers nothing from before.
    pub(super) fn waitlist_poll(&self) -> Task<Message> {
        let Phase::Ready(desk) = &self.phase else {
            return Task::none();
        };
        let from = desk.offers.watermark;
        let work = desk
            .backend
            .clone()
            .freed_slots(desk.clinic, from, self.now);
        Task::perform(work, move |r| Message::WaitlistFeed(from, r))
    }

    /// Takes in freed slots with matches (an answer to an older look is dropped).
    pub(super) fn waitlist_feed(
        &mut self,
        from: Option<i64>,
        result: Result<FreedFeed, UiError>,
    ) -> Task<Message> {
        let now = self.now;
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        match result {
            Ok(feed) => {
                desk.offers.take(from, feed);
                desk.offers.expire(now);
            }
            Err(e) => self.error = Some(e),
        }
        Task::none()
    }

    /// Shows the waitlist page (or refreshes it when it is shown).
    pub(super) fn show_waitlist(&mut self) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        // The page kept aside (the entry being written) comes back, its list read again; the
        // page left is kept aside in its turn (Settings).
        if !matches!(desk.page, Page::Waitlist(_)) {
            match desk.parked_waitlist.take() {
                Some(state) => desk.set_page(Page::Waitlist(state)),
                None => desk.set_page(Page::Calendar),
            }
        }
        let Desk {
            backend,
            setup,
            clinic,
            page,
            ..
        } = &mut **desk;
        let Some((ctx, _)) = context(backend, setup, *clinic, now, &actor) else {
            return Task::none();
        };
        let task = match page {
            Page::Waitlist(state) => state.refresh(&ctx),
            Page::Calendar
            | Page::Settings(_)
            | Page::Reports(_)
            | Page::Reminders(_)
            | Page::Data(_) => {
                let (state, task) = waitlist::open(&ctx);
                *page = Page::Waitlist(Box::new(state));
                task
            }
        };
        Task::batch([
            task.map(Message::Waitlist),
            iced::widget::operation::focus("waitlist-patient"),
        ])
    }

    /// A message for the waitlist page.
    pub(super) fn waitlist_page(&mut self, message: waitlist::Message) -> Task<Message> {
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
        let Page::Waitlist(state) = page else {
            return Task::none();
        };
        let Some((ctx, _)) = context(backend, setup, *clinic, now, &actor) else {
            return Task::none();
        };
        let (task, event) = state.update(message, &ctx);
        if let Some(waitlist::Event::Notice(notice)) = event {
            self.error = None;
            self.notice = Some(notice);
        }
        task.map(Message::Waitlist)
    }

    /// Opens the offer panel of a freed slot beside the calendar.
    pub(super) fn open_offer(&mut self, index: usize) -> Task<Message> {
        if self.panel_storing() {
            return Task::none();
        }
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Some(chosen) = desk.offers.offers.get(index).cloned() else {
            return Task::none();
        };
        let Some((ctx, _)) = context(&desk.backend, &desk.setup, desk.clinic, now, &actor) else {
            return Task::none();
        };
        let (state, task) = offer::open(&ctx, &chosen);
        desk.show_calendar();
        if let Some(said) = desk.open_panel(Panel::Offer(Box::new(state))) {
            self.notice = Some(said);
        }
        desk.selected = None;
        desk.cache.clear();
        task.map(Message::Offer)
    }

    /// Puts an offer away; nobody's entry changes.
    pub(super) fn dismiss_offer(&mut self, index: usize) -> Task<Message> {
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        if index < desk.offers.offers.len() {
            desk.offers.offers.remove(index);
            self.notice = Some("Offer put away: the patients keep waiting.".into());
        }
        Task::none()
    }

    /// A message for the offer panel, and what its events mean for the desk.
    pub(super) fn offer(&mut self, message: offer::Message) -> Task<Message> {
        let (now, actor) = (self.now, self.actor.clone());
        let Phase::Ready(desk) = &mut self.phase else {
            return Task::none();
        };
        let Some((task, event)) = desk.update_panel(now, &actor, Panel::offer, |panel, ctx| {
            panel.update(message, ctx)
        }) else {
            return Task::none();
        };
        let task = task.map(Message::Offer);
        match event {
            Some(offer::Event::Booked(outcome, said)) => {
                desk.reveal = Some(super::desk::Reveal::quietly(outcome.appointment.id));
                if let Some(panel) = desk.panel.offer() {
                    let slot = panel.slot.clone();
                    desk.offers.drop_slot(&slot);
                }
                // Not recorded for Ctrl+Z: it would mark the booking in error but leave the
                // entry booked; the desk cancels it from its details, which offers the time again.
                self.error = None;
                self.notice = Some(said);
                Task::batch([task, self.reload()])
            }
            Some(offer::Event::Changed(said)) => {
                self.notice = Some(said);
                Task::batch([task, self.reload()])
            }
            Some(offer::Event::Closed { slot, settled }) => {
                if settled {
                    desk.offers.drop_slot(&slot);
                }
                let given_back = desk.close_panel(now, &actor);
                Task::batch([task, given_back])
            }
            None => task,
        }
    }
}
