//! Sending reminders: a send pass claims the due reminders from the store (which plans them
//! first), delivers each over its channel (email over SMTP, or a JSON POST to a webhook) with
//! the store unlocked, and records each outcome. One failing reminder never stops the others.
//! The window runs a pass on a timer; `frontdesk reminders send` runs one for cron.

pub mod desktop;
pub mod email;
pub mod webhook;

use std::sync::Mutex;

use chrono::{DateTime, Utc};

use crate::scheduling::notice::FailedReminder;
use crate::scheduling::reminder::Channel;
use crate::scheduling::reminder_job::JobState;
use crate::store::{DueReminder, PlanSummary, ReminderSettings, Store, StoreError};

/// How many reminders one claim takes; a pass claims again until none are due. Small enough
/// that a batch sent to a slow server (every reminder up to three times the longer timeout)
/// ends before its claim runs out, so a second sender (cron beside an open window) never
/// takes the same reminders while they are still being sent.
pub const CLAIM_BATCH: usize = 5;

const _: () = assert!(
    CLAIM_BATCH as u64 * 3 * email::TIMEOUT.as_secs() <= crate::store::CLAIM_MINUTES as u64 * 60
        && email::TIMEOUT.as_secs() >= webhook::TIMEOUT.as_secs()
);

/// A pass stops after this many claims, so a pass always ends (the next one goes on).
pub const MAX_CLAIMS_PER_PASS: usize = 40;

/// What a send pass did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassReport {
    /// What planning changed.
    pub plan: PlanSummary,
    /// Reminders delivered.
    pub sent: usize,
    /// Reminders whose delivery failed (they are retried later).
    pub failed: Vec<FailedReminder>,
    /// Errors that are not one reminder's: the database could not be used. A pass with errors
    /// exits non-zero on the command line.
    pub errors: Vec<String>,
}

/// Something that delivers one reminder; `Err` carries the words the server answered.
pub trait Deliver {
    /// Delivers `reminder`.
    fn deliver(&self, reminder: &DueReminder) -> Result<(), String>;
}

/// The real channels, as the settings describe them.
#[derive(Debug)]
pub struct Channels {
    email: Option<email::Mailer>,
    email_problem: String,
    webhook: Option<webhook::Webhook>,
}

impl Channels {
    /// The channels the settings set up. A channel that cannot be built fails its reminders
    /// with the reason.
    pub fn from_settings(settings: &ReminderSettings) -> Self {
        let (email, email_problem) = if settings.ready(Channel::Email) {
            match email::Mailer::new(&settings.smtp) {
                Ok(m) => (Some(m), String::new()),
                Err(e) => (None, e),
            }
        } else {
            (
                None,
                "email is not set up: fill in the SMTP host and sender on Reminders → Channels"
                    .to_owned(),
            )
        };
        let webhook = settings
            .ready(Channel::Webhook)
            .then(|| webhook::Webhook::new(&settings.webhook));
        Self {
            email,
            email_problem,
            webhook,
        }
    }
}

impl Deliver for Channels {
    fn deliver(&self, reminder: &DueReminder) -> Result<(), String> {
        match reminder.channel {
            Channel::Email => match &self.email {
                Some(mailer) => mailer.send(reminder),
                None => Err(self.email_problem.clone()),
            },
            Channel::Webhook => match &self.webhook {
                Some(hook) => hook.post(reminder),
                None => {
                    Err("the webhook is not set up: fill in its URL on Reminders → Channels".into())
                }
            },
        }
    }
}

/// A store behind a lock, as a send pass uses it: locked only to claim and to record. The
/// window and the command line hold `Mutex<Box<dyn Store + Send>>`; tests a store of their own.
pub trait SharedStore {
    /// Runs `work` with the store locked.
    fn locked<T>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> Result<T, StoreError>,
    ) -> Result<T, String>;
}

impl<S: Store> SharedStore for Mutex<S> {
    fn locked<T>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> Result<T, StoreError>,
    ) -> Result<T, String> {
        let mut guard = self.lock().map_err(|_| POISONED.to_owned())?;
        work(&mut *guard).map_err(|e| e.to_string())
    }
}

impl SharedStore for Mutex<Box<dyn Store + Send>> {
    fn locked<T>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> Result<T, StoreError>,
    ) -> Result<T, String> {
        let mut guard = self.lock().map_err(|_| POISONED.to_owned())?;
        work(&mut **guard).map_err(|e| e.to_string())
    }
}

const POISONED: &str = "an earlier database task failed; restart Frontdesk";

fn locked<T>(
    store: &impl SharedStore,
    work: impl FnOnce(&mut dyn Store) -> Result<T, StoreError>,
) -> Result<T, String> {
    store.locked(work)
}

/// One send pass at `now` with the channels the stored settings describe.
pub fn send_due(store: &impl SharedStore, now: DateTime<Utc>) -> PassReport {
    match locked(store, |s| s.reminder_settings()) {
        Ok(settings) => send_due_with(store, &Channels::from_settings(&settings), now),
        Err(e) => PassReport {
            errors: vec![e],
            ..PassReport::default()
        },
    }
}

/// One send pass starting at `now` through `deliver`. The store is locked only to claim and to
/// record, never while a server is being talked to. Each claim and each delivery is stamped
/// with the time it happens (`now` plus the time the pass has run), so a long pass against a
/// slow server neither records wrong times nor claims with a lease that has already run out.
pub fn send_due_with(
    store: &impl SharedStore,
    deliver: &dyn Deliver,
    now: DateTime<Utc>,
) -> PassReport {
    let started = std::time::Instant::now();
    let at = || now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
    let mut report = PassReport::default();
    for round in 0..MAX_CLAIMS_PER_PASS {
        let (plan, due) = match locked(store, |s| s.claim_due_reminders(at(), CLAIM_BATCH)) {
            Ok(claimed) => claimed,
            Err(e) => {
                report.errors.push(e);
                break;
            }
        };
        if round == 0 {
            report.plan = plan;
        }
        let claimed = due.len();
        for reminder in due {
            let outcome = deliver.deliver(&reminder);
            match locked(store, |s| s.record_delivery(reminder.id, &outcome, at())) {
                Ok(entry) => match (&outcome, &entry.job.state) {
                    (Ok(()), _) => report.sent += 1,
                    (Err(error), JobState::Failed { retry_at, .. }) => {
                        report.failed.push(FailedReminder {
                            patient: reminder.patient.clone(),
                            error: error.clone(),
                            attempts: entry.job.attempts,
                            gave_up: retry_at.is_none(),
                        });
                    }
                    (Err(_), _) => {}
                },
                Err(e) => report.errors.push(e),
            }
        }
        if claimed < CLAIM_BATCH {
            break;
        }
    }
    report
}

/// The one-line summary `frontdesk reminders send` prints and the window shows (counts only,
/// no patient data).
pub fn summary(report: &PassReport) -> String {
    let p = &report.plan;
    let mut line = format!(
        "Reminders: {} sent, {} failed (retried later); planning: {} new, {} skipped, {} updated",
        report.sent,
        report.failed.len(),
        p.created,
        p.skipped,
        p.updated + p.reopened
    );
    if p.links > 0 {
        line.push_str(&format!(", {} meeting links made", p.links));
    }
    line.push('.');
    line
}
