//! What keeps the queue board current: a thread of its own watches the database
//! ([`Watcher`]: PostgreSQL's doorbell, or SQLite's change counter read ten times a second) and
//! reads the board again on every change, and every [`REFRESH`] anyway (estimated waits and
//! the clock move on). When the database cannot be reached it says so at once and keeps trying;
//! the first board read after that is sent as soon as it comes. The board never takes old data
//! for current: every board sent carries the moment it was read.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::scheduling::model::ClinicId;
use crate::scheduling::waiting_room::Board;
use crate::store::cipher::DatabaseKey;
use crate::store::{Locator, Store, Watched, Watcher};

/// How long one wait for a change lasts at most.
const WAIT: Duration = Duration::from_millis(250);

/// How often the board is read when nothing changed.
pub const REFRESH: Duration = Duration::from_secs(20);

/// How long the thread rests before trying an unreachable database again.
const RETRY: Duration = Duration::from_secs(1);

/// What the feed tells the board.
#[derive(Debug, Clone)]
pub enum FeedEvent {
    /// The board as read at that moment.
    Board(Box<Board>, DateTime<Utc>),
    /// The database cannot be reached (why, in the store's words): show what was read before
    /// as out of date until the next board comes.
    Lost(String),
}

/// Where the feed reads from: a signed-in store, the clinic shown, and the clock.
pub struct Source {
    /// The store (signed in; a PostgreSQL store connects again by itself when the server is
    /// back).
    pub store: Box<dyn Store + Send>,
    /// The database, for the watcher.
    pub locator: Locator,
    /// Its key, when encrypted.
    pub key: Option<DatabaseKey>,
    /// The clinic shown.
    pub clinic: ClinicId,
    /// A fixed "now" (screenshots, tests), else the system clock.
    pub fixed_now: Option<DateTime<Utc>>,
}

impl Source {
    fn now(&self) -> DateTime<Utc> {
        self.fixed_now.unwrap_or_else(Utc::now)
    }
}

/// Runs the feed on this thread until `send` returns false (nobody listens any more).
pub fn run(source: Source, mut send: impl FnMut(FeedEvent) -> bool) {
    let mut watcher: Option<Watcher> = None;
    let mut read_due = true;
    let mut last_read = Instant::now();
    let mut lost: Option<String> = None;
    loop {
        if watcher.is_none() {
            match Watcher::open_keyed(&source.locator, source.key.as_ref()) {
                Ok(w) => watcher = Some(w),
                Err(e) => {
                    if !tell_lost(&mut lost, e.to_string(), &mut send) {
                        return;
                    }
                    std::thread::sleep(RETRY);
                    continue;
                }
            }
        }
        let Some(w) = watcher.as_mut() else {
            continue;
        };
        match w.wait(WAIT) {
            Watched::Changed => read_due = true,
            Watched::Quiet => {}
            Watched::Lost(reason) => {
                if !tell_lost(&mut lost, reason, &mut send) {
                    return;
                }
                read_due = true;
                std::thread::sleep(RETRY);
                continue;
            }
        }
        if !read_due && last_read.elapsed() < REFRESH {
            // Nobody listening is found out at the next send; a quiet board sends every
            // REFRESH, so a closed window ends the thread within that time.
            continue;
        }
        let now = source.now();
        match source.store.queue_board(source.clinic, now) {
            Ok(board) => {
                read_due = false;
                last_read = Instant::now();
                lost = None;
                if !send(FeedEvent::Board(Box::new(board), now)) {
                    return;
                }
            }
            Err(e) => {
                read_due = true;
                if !tell_lost(&mut lost, e.to_string(), &mut send) {
                    return;
                }
                std::thread::sleep(RETRY);
            }
        }
    }
}

/// Tells the board the database is out of reach, once for each new reason; false when nobody
/// listens.
fn tell_lost(
    lost: &mut Option<String>,
    reason: String,
    send: &mut impl FnMut(FeedEvent) -> bool,
) -> bool {
    if lost.as_ref() == Some(&reason) {
        return true;
    }
    tracing::warn!(%reason, "the queue board cannot read the database");
    *lost = Some(reason.clone());
    send(FeedEvent::Lost(reason))
}
