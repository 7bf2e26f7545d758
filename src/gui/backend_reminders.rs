//! The window's way to reminders and the desktop, where it is more than one store call: the
//! outbox (planned first), the send pass, desktop notifications and the browser, each on a
//! blocking thread (never the UI thread). Single store calls go through [`Backend::run`].

use chrono::{DateTime, Utc};

use super::backend::{Backend, UiError};
use crate::reminders::{self, PassReport, desktop};
use crate::scheduling::notice::StaffNotice;
use crate::scheduling::*;
use crate::store::{OutboxEntry, OutboxFilter};

/// One page of the outbox, with the count of failed reminders.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxPage {
    /// The reminders shown.
    pub entries: Vec<OutboxEntry>,
    /// How many have failed (all of them, not only those shown).
    pub failed: i64,
}

/// How many outbox lines the window shows at once.
pub const OUTBOX_LIMIT: usize = 200;

/// Runs blocking work off the UI thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, UiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| crate::t!("reminders-task-stopped", reason = e.to_string()))
}

impl Backend {
    /// Plans (so the outbox is current), then one state of a clinic's outbox. More than one
    /// store call: it plans, reads a page of the outbox and counts the failed reminders under
    /// one lock, and assembles the [`OutboxPage`].
    pub async fn outbox(
        self,
        clinic: ClinicId,
        filter: OutboxFilter,
        now: DateTime<Utc>,
    ) -> Result<OutboxPage, UiError> {
        self.run(move |s| {
            s.plan_reminders(now)?;
            Ok(OutboxPage {
                entries: s.outbox(clinic, filter, OUTBOX_LIMIT)?,
                failed: s.failed_reminders(clinic, now)?,
            })
        })
        .await
    }

    /// One send pass: claims under the lock, talks to the servers without it. Not a store
    /// call under the lock: `reminders::send_due` takes the lock only while it claims and
    /// records, so the window is never held up by a slow mail or SMS server.
    pub async fn send_reminders(self, now: DateTime<Utc>) -> Result<PassReport, UiError> {
        let store = self.store.clone();
        blocking(move || reminders::send_due(&*store, now)).await
    }
}

/// Shows desktop notifications off the UI thread (best effort: nothing happens where no
/// notification service runs).
pub async fn notify(notices: Vec<StaffNotice>) -> usize {
    blocking(move || desktop::notify(&notices))
        .await
        .unwrap_or(0)
}

/// Opens a meeting link in the browser off the UI thread.
pub async fn open_link(link: String) -> Result<(), UiError> {
    blocking(move || desktop::open_link(&link).map_err(|e| e.to_string())).await?
}
