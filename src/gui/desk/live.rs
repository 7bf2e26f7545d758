//! The live calendar: a [`Watcher`] on the open database runs on a thread of its own (never
//! the UI thread) and tells the desk when the database changed anywhere (this window, another
//! desk, the command line) or could not be reached. On a change the desk reads again what it
//! shows (the setup, the grid, today's queue, the freed-slot offers, the details of the
//! appointment open, the page shown) through its usual load paths, keeping the selection,
//! scroll, zoom, page and every half-typed form; changes that come while a round of reading is
//! under way make one more round, not one each. While the database is out of reach the
//! status line says so, and the desk keeps showing what it has.

use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use iced::futures::channel::mpsc;
use iced::futures::{Stream, StreamExt};
use iced::{Subscription, Task};

use super::{Desk, Message, Page, Panel, Parts};
use crate::gui::backend::{Setup, UiError};
use crate::store::{Locator, Watched, Watcher};

/// How long one wait of the watcher lasts at most: the watcher's thread notices a closed
/// window (or a restored database) within this time.
const WAIT: Duration = Duration::from_millis(500);

/// How long the watcher's thread rests between tries while the database cannot be reached.
const RETRY: Duration = Duration::from_millis(500);

/// The database cannot be reached: since when, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// When the watcher first found it out of reach.
    pub since: DateTime<Utc>,
    /// Why, in the store's words.
    pub reason: String,
}

/// The desk's side of the live calendar.
#[derive(Debug, Default)]
pub struct Live {
    /// A round of reading again is under way (the setup was asked for).
    reading: bool,
    /// Another change came while the round was under way: one more round follows it.
    again: bool,
    /// The database cannot be reached (the status line says so).
    pub lost: Option<Lost>,
    /// Which database the watcher follows: one more after a restore replaced it, so the
    /// watcher of the old one stops and a new one starts.
    pub(super) epoch: u64,
}

/// What the subscription is known by: the database and the epoch. Another value stops the
/// watcher running and starts a new one.
struct Watch {
    locator: Locator,
    epoch: u64,
    /// The key of an encrypted database (not part of what the watcher is known by).
    key: Option<crate::store::cipher::DatabaseKey>,
}

impl Hash for Watch {
    fn hash<H: Hasher>(&self, state: &mut H) {
        "frontdesk-live".hash(state);
        // The file, or the server's address as given (password and all: it is only hashed).
        self.locator.file().hash(state);
        if let Locator::Postgres(url) = &self.locator {
            url.as_given().hash(state);
        }
        self.epoch.hash(state);
    }
}

/// The messages a watcher of the database `locator` names gives, from a thread of its own:
/// [`Message::DatabaseChanged`] when the database changed (or is back after being lost),
/// [`Message::DatabaseLost`] once when it cannot be reached; its first answer is a change
/// (what the desk read before the watcher started may be out of date). The thread ends within [`WAIT`]
/// of the stream being dropped. Changes that come before the desk took the last one in are
/// given as one.
pub fn watch(
    locator: Locator,
    key: Option<crate::store::cipher::DatabaseKey>,
) -> impl Stream<Item = Message> + Send + 'static {
    let (sender, receiver) = mpsc::unbounded();
    let pending = Arc::new(AtomicBool::new(false));
    let taken = pending.clone();
    let started = std::thread::Builder::new()
        .name("frontdesk-watch".into())
        .spawn(move || watch_on_this_thread(&locator, key.as_ref(), &sender, &pending));
    let failed = started.err().map(|e| {
        Message::DatabaseLost(
            Utc::now(),
            crate::t!("live-watch-failed", reason = e.to_string()),
        )
    });
    iced::futures::stream::iter(failed).chain(receiver.map(move |message| {
        if matches!(message, Message::DatabaseChanged) {
            taken.store(false, Ordering::SeqCst);
        }
        message
    }))
}

/// The watcher's loop, until nobody listens any more.
fn watch_on_this_thread(
    locator: &Locator,
    key: Option<&crate::store::cipher::DatabaseKey>,
    sender: &mpsc::UnboundedSender<Message>,
    pending: &AtomicBool,
) {
    let mut watcher = match Watcher::open_keyed(locator, key) {
        Ok(watcher) => watcher,
        Err(e) => {
            let _ = sender.unbounded_send(Message::DatabaseLost(Utc::now(), e.to_string()));
            return;
        }
    };
    let mut lost = false;
    // The first answer only says where the count stands: a change made between the desk's
    // first read and it would be missed, so it counts as a change (one read more at the start).
    let mut first = true;
    while !sender.is_closed() {
        let answer = watcher.wait(WAIT);
        let started = std::mem::replace(&mut first, false);
        let message = match answer {
            Watched::Quiet if !started => continue,
            Watched::Quiet | Watched::Changed => {
                lost = false;
                // One change not yet taken in stands for this one too.
                if pending.swap(true, Ordering::SeqCst) {
                    continue;
                }
                Message::DatabaseChanged
            }
            Watched::Lost(reason) => {
                let first = !std::mem::replace(&mut lost, true);
                std::thread::sleep(RETRY);
                if !first {
                    continue;
                }
                Message::DatabaseLost(Utc::now(), reason)
            }
        };
        if sender.unbounded_send(message).is_err() {
            return;
        }
    }
}

impl Desk {
    /// Where the database the desk shows is.
    pub fn database(&self) -> &Locator {
        self.backend.locator()
    }

    /// The watcher of the database the desk shows: it stops when the window closes or the
    /// database is replaced by a restore.
    pub fn live_subscription(&self) -> Subscription<Message> {
        let key = Watch {
            locator: self.backend.locator().clone(),
            epoch: self.live.epoch,
            key: self.backend.key(),
        };
        Subscription::run_with(key, |key| watch(key.locator.clone(), key.key.clone()))
    }

    /// The database changed (or is back): a round of reading again starts, unless one is under
    /// way (then one more follows it).
    pub(super) fn database_changed(&mut self) -> Task<Message> {
        if let Some(lost) = self.live.lost.take() {
            let zone = self.zone();
            let since = lost.since.with_timezone(&zone).format("%H:%M").to_string();
            self.notice = Some(crate::t!("live-back", since = since));
        }
        if self.live.reading {
            self.live.again = true;
            return Task::none();
        }
        self.live.reading = true;
        Task::perform(self.backend.clone().setup(), Message::LiveSetup)
    }

    /// The database cannot be reached: the status line says so from now on (since the first
    /// time), and what is shown stays.
    pub(super) fn database_lost(&mut self, since: DateTime<Utc>, reason: String) -> Task<Message> {
        match &mut self.live.lost {
            Some(lost) => lost.reason = reason,
            None => self.live.lost = Some(Lost { since, reason }),
        }
        Task::none()
    }

    /// The setup, read again after a change: taken in when it changed, then everything shown
    /// is read again through its own load path.
    pub(super) fn live_setup(&mut self, result: Result<Setup, UiError>) -> Task<Message> {
        self.live.reading = false;
        match result {
            Ok(setup) => {
                if setup != self.setup {
                    self.take_setup(setup);
                }
            }
            Err(e) => {
                // Made inactive at another desk: nothing more is shown to them; the window
                // locks for someone else to sign in.
                if crate::gui::backend::no_longer_active(&e) {
                    self.forget_patients();
                    self.error = Some(e);
                    return Task::done(Message::Lock);
                }
                self.read_failed(e);
                return Task::none();
            }
        }
        let mut tasks = vec![self.reload(), self.read_again_shown()];
        if std::mem::take(&mut self.live.again) {
            tasks.push(self.database_changed());
        }
        Task::batch(tasks)
    }

    /// Reads again the details of the appointment open (unless a change to it is being
    /// stored: its answer reads it again), the conflicts of the booking form open, and the page
    /// shown, keeping what was typed.
    fn read_again_shown(&mut self) -> Task<Message> {
        let Some(Parts {
            ctx,
            panel,
            page,
            parked_settings,
            ..
        }) = self.parts()
        else {
            return Task::none();
        };
        let details = match panel {
            Panel::Details(state) if !state.storing() => {
                state.read_again(&ctx).map(Message::Details)
            }
            Panel::Booking(form) => form.read_again(&ctx).map(Message::Booking),
            Panel::Details(_)
            | Panel::Today
            | Panel::WalkIn(_)
            | Panel::ViewOptions
            | Panel::FindSlot(_)
            | Panel::Offer(_) => Task::none(),
        };
        let page = match page {
            Page::Waitlist(state) => state.refresh(&ctx).map(Message::Waitlist),
            Page::Reminders(state) => state.read_again(&ctx).map(Message::Reminders),
            Page::Settings(state) => state.read_again(&ctx).map(Message::Settings),
            // The access log is not read again on a change: each read is itself logged, a
            // change that would have it read again, and again.
            Page::Calendar | Page::Reports(_) | Page::Data(_) | Page::AccessLog(_) => Task::none(),
        };
        let parked = match parked_settings {
            Some(state) => state.read_again(&ctx).map(Message::Settings),
            None => Task::none(),
        };
        Task::batch([details, page, parked])
    }

    /// A read of what the desk shows failed: said on the status line, unless the database is
    /// known to be out of reach (the line above it says so already, and what is shown stays).
    pub(super) fn read_failed(&mut self, error: UiError) {
        if self.live.lost.is_none() {
            self.error = Some(error);
        }
    }

    /// The line above the status line while the database cannot be reached: since when, that
    /// what is shown may be out of date, and that changes are refused until it is back.
    pub fn lost_line(&self) -> Option<String> {
        let lost = self.live.lost.as_ref()?;
        let since = lost
            .since
            .with_timezone(&self.zone())
            .format("%H:%M")
            .to_string();
        let reason = lost.reason.as_str();
        Some(match self.backend.locator().file() {
            Some(_) => crate::t!("live-lost-file", since = since, reason = reason),
            None => crate::t!("live-lost-server", since = since, reason = reason),
        })
    }
}
