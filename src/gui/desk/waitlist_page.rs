//! How the app handles the waitlist: the page, the look at the audit log for freed slots (after
//! every reload and clock tick, so other desks' and the command line's cancellations and moves
//! are seen too), the banner's offers, and the offer panel's events.

use iced::Task;

use super::Message;
use super::{Desk, Page, Panel, Parts};
use crate::gui::backend::UiError;
use crate::gui::screen::{offer, waitlist};
use crate::store::FreedFeed;

impl Desk {
    /// Asks the log for slots freed since the desk last looked; the first look only notes where
    /// the log ends, so a desk that opens offers nothing from before.
    pub(super) fn waitlist_poll(&self) -> Task<Message> {
        let (from, clinic, now) = (self.offers.watermark, self.clinic, self.now);
        let work = self.backend.run(move |s| s.freed_slots(clinic, from, now));
        Task::perform(work, move |r| Message::WaitlistFeed(from, r))
    }

    /// Takes in freed slots with matches (an answer to an older look is dropped).
    pub(super) fn waitlist_feed(
        &mut self,
        from: Option<crate::store::FeedCursor>,
        result: Result<FreedFeed, UiError>,
    ) -> Task<Message> {
        let now = self.now;
        match result {
            Ok(feed) => {
                self.offers.take(from, feed);
                self.offers.expire(now);
            }
            Err(e) => self.read_failed(e),
        }
        Task::none()
    }

    /// Shows the waitlist page (or refreshes it when it is shown).
    pub(super) fn show_waitlist(&mut self) -> Task<Message> {
        // The page kept aside (the entry being written) comes back, its list read again; the
        // page left is kept aside in its turn (Settings).
        if !matches!(self.page, Page::Waitlist(_)) {
            match self.parked_waitlist.take() {
                Some(state) => self.set_page(Page::Waitlist(state)),
                None => self.set_page(Page::Calendar),
            }
        }
        let Some(Parts { ctx, page, .. }) = self.parts() else {
            return Task::none();
        };
        let task = match page {
            Page::Waitlist(state) => state.refresh(&ctx),
            Page::Calendar
            | Page::Settings(_)
            | Page::Reports(_)
            | Page::Reminders(_)
            | Page::Data(_)
            | Page::AccessLog(_) => {
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
        let Some((task, event)) =
            self.update_page(Page::waitlist, |state, ctx| state.update(message, ctx))
        else {
            return Task::none();
        };
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
        let Some(chosen) = self.offers.offers.get(index).cloned() else {
            return Task::none();
        };
        let Some((ctx, _)) = self.context() else {
            return Task::none();
        };
        let (state, task) = offer::open(&ctx, &chosen);
        self.show_calendar();
        if let Some(said) = self.open_panel(Panel::Offer(Box::new(state))) {
            self.notice = Some(said);
        }
        self.selected = None;
        self.cache.clear();
        task.map(Message::Offer)
    }

    /// Puts an offer away; nobody's entry changes.
    pub(super) fn dismiss_offer(&mut self, index: usize) -> Task<Message> {
        if index < self.offers.offers.len() {
            self.offers.offers.remove(index);
            self.notice = Some(crate::t!("waitlist-offer-put-away"));
        }
        Task::none()
    }

    /// A message for the offer panel, and what its events mean for the self.
    pub(super) fn offer(&mut self, message: offer::Message) -> Task<Message> {
        let Some((task, event)) =
            self.update_panel(Panel::offer, |panel, ctx| panel.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::Offer);
        match event {
            Some(offer::Event::Booked(outcome, said)) => {
                self.reveal = Some(super::Reveal::quietly(outcome.appointment.id));
                if let Some(panel) = self.panel.offer() {
                    let slot = panel.slot.clone();
                    self.offers.drop_slot(&slot);
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
                    self.offers.drop_slot(&slot);
                }
                let given_back = self.close_panel();
                Task::batch([task, given_back])
            }
            None => task,
        }
    }
}
