//! How the app runs reminders: the Reminders page's messages and events, a send pass on a timer
//! while the window is open (off the UI thread, one at a time), and staff notifications for
//! arrivals, overdue starts and failed reminders.

use std::time::Duration;

use chrono::{DateTime, Utc};
use iced::{Element, Subscription, Task};

use super::Message;
use super::{Desk, Page};
use crate::gui::backend::{UiError, clinic_date};
use crate::gui::backend_reminders::notify;
use crate::gui::screen::reminders;
use crate::reminders::{PassReport, summary};
use crate::scheduling::Clinic;
use crate::scheduling::notice::{DeskFacts, NoticeMemory, desk_notices, failure_notices};

/// How often the window sends due reminders and looks for what to tell staff.
pub const SEND_EVERY: Duration = Duration::from_secs(60);

/// The reminder work that goes on whatever page is shown.
#[derive(Debug, Default)]
pub struct Background {
    /// A send pass is running (never two at once).
    pub sending: bool,
    /// What staff were told already.
    pub memory: NoticeMemory,
    /// Failed reminders, for the tab's badge.
    pub failed: i64,
    /// The last pass's summary.
    pub last: Option<String>,
}

impl Background {
    /// The page tab's words: "Reminders", or "Reminders (2 failed)".
    pub fn tab_label(&self) -> String {
        if self.failed > 0 {
            crate::t!("tabs-reminders-failed", failed = self.failed)
        } else {
            crate::t!("tabs-reminders")
        }
    }

    fn set_failed(&mut self, failed: i64) {
        self.failed = failed;
    }
}

/// The timer that runs a send pass while the window is open (off with a fixed clock).
pub fn timer() -> Subscription<Message> {
    iced::time::every(SEND_EVERY).map(|_| Message::RemindersTick(Utc::now()))
}

fn desk_facts(desk: &Desk) -> Vec<DeskFacts> {
    desk.today
        .iter()
        .map(|e| DeskFacts {
            id: e.appointment.id,
            patient: e.patient_name.clone(),
            doctor: e.doctor_name.clone(),
            status: e.appointment.status,
            start: e.appointment.interval.start,
            arrived_at: e.appointment.arrived_at,
            wait_minutes: desk.waiting_room.rules.threshold(e.appointment.kind),
        })
        .collect()
}

impl Desk {
    /// The Reminders page: open it, loading the outbox, rules and channels.
    pub(super) fn open_reminders(&mut self) -> Task<Message> {
        if matches!(self.page, Page::Reminders(_)) {
            return Task::none();
        }
        let Some((ctx, _)) = self.context() else {
            return Task::none();
        };
        let (mut state, task) = reminders::open(&ctx);
        state.sending = self.reminders.sending;
        self.set_page(Page::Reminders(Box::new(state)));
        task.map(Message::Reminders)
    }

    /// A message for the Reminders page, and what its events ask of the app.
    pub(super) fn reminders(&mut self, message: reminders::Message) -> Task<Message> {
        let now = self.now;
        if let reminders::Message::Loaded(_, Ok(page)) = &message {
            self.reminders.set_failed(page.failed);
        }
        let Some((task, event)) =
            self.update_page(Page::reminders, |state, ctx| state.update(message, ctx))
        else {
            return Task::none();
        };
        let task = task.map(Message::Reminders);
        match event {
            Some(reminders::Event::SendNow) => Task::batch([task, self.send_pass(now)]),
            Some(reminders::Event::Open(id)) => Task::batch([task, self.select(id)]),
            Some(reminders::Event::Changed) => Task::batch([task, self.reload()]),
            None => task,
        }
    }

    /// Starts a send pass unless one is running.
    fn send_pass(&mut self, now: DateTime<Utc>) -> Task<Message> {
        if self.reminders.sending {
            return Task::none();
        }
        self.reminders.sending = true;
        if let Page::Reminders(state) = &mut self.page {
            state.sending = true;
        }
        Task::perform(
            self.backend.clone().send_reminders(now),
            Message::ReminderPassDone,
        )
    }

    /// The timer: send what is due, and tell staff of arrivals and overdue starts.
    pub(super) fn reminders_tick(&mut self, now: DateTime<Utc>) -> Task<Message> {
        // Only a loaded list of this clinic's today is looked at: before it loads (or while
        // another clinic's list is still shown) there is nothing to tell.
        let today = self.clinic().map(|c| (c.id, clinic_date(c, now)));
        let notices = match (today, self.today_for) {
            (Some(scope), Some(loaded)) if scope == loaded => {
                let facts = desk_facts(self);
                desk_notices(&mut self.reminders.memory, scope, &facts, now)
            }
            _ => Vec::new(),
        };
        let told = if notices.is_empty() {
            Task::none()
        } else {
            Task::perform(notify(notices), Message::Notified)
        };
        Task::batch([told, self.send_pass(now)])
    }

    /// A send pass ended: say what it did, tell staff of failures, refresh the outbox.
    pub(super) fn reminder_pass_done(
        &mut self,
        result: Result<PassReport, UiError>,
    ) -> Task<Message> {
        self.reminders.sending = false;
        let (said, told) = match result {
            Ok(report) => {
                let notices = failure_notices(&report.failed);
                let told = if notices.is_empty() {
                    Task::none()
                } else {
                    Task::perform(notify(notices), Message::Notified)
                };
                if let Some(e) = report.errors.first() {
                    self.error = Some(e.clone());
                }
                (summary(&report), told)
            }
            Err(e) => {
                self.error = Some(e.clone());
                (e, Task::none())
            }
        };
        self.reminders.last = Some(said.clone());
        let refresh = self
            .update_page(Page::reminders, |state, ctx| state.refresh(ctx, Some(said)))
            .map_or_else(Task::none, |task| task.map(Message::Reminders));
        Task::batch([told, refresh])
    }

    /// Draws the Reminders page.
    pub(super) fn reminders_page<'a>(
        &'a self,
        clinic: &'a Clinic,
        state: &'a reminders::State,
    ) -> Element<'a, Message> {
        let ctx = self.context_at(clinic);
        state.view(&ctx).map(Message::Reminders)
    }
}
