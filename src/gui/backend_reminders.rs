//! The window's way to reminders, video visits and the desktop: store calls and send passes on
//! blocking threads (never the UI thread), desktop notifications and the browser likewise.

use chrono::{DateTime, Utc};

use super::backend::{Backend, UiError};
use crate::reminders::{self, PassReport, desktop};
use crate::scheduling::notice::StaffNotice;
use crate::scheduling::reminder::ReminderRule;
use crate::scheduling::*;
use crate::store::{JobId, Joiner, OutboxEntry, OutboxFilter, ReminderSettings, Store};

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
        .map_err(|e| format!("a background task stopped unexpectedly: {e}"))
}

impl Backend {
    /// Plans (so the outbox is current), then one state of a clinic's outbox.
    pub async fn outbox(
        self,
        clinic: ClinicId,
        filter: OutboxFilter,
        now: DateTime<Utc>,
    ) -> Result<OutboxPage, UiError> {
        self.with(move |s| {
            s.plan_reminders(now)?;
            Ok(OutboxPage {
                entries: s.outbox(clinic, filter, OUTBOX_LIMIT)?,
                failed: s.failed_reminders(clinic, now)?,
            })
        })
        .await
    }

    /// One send pass: claims under the lock, talks to the servers without it.
    pub async fn send_reminders(self, now: DateTime<Utc>) -> Result<PassReport, UiError> {
        let store = self.store.clone();
        blocking(move || reminders::send_due(&*store, now)).await
    }

    /// Sends a failed or sent reminder again at the next pass.
    pub async fn resend_reminder(
        self,
        job: JobId,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.resend_reminder(job, &actor, now))
            .await
    }

    /// The rules.
    pub async fn reminder_rules(self) -> Result<Vec<ReminderRule>, UiError> {
        self.with(|s| s.reminder_rules()).await
    }

    /// Saves a rule.
    pub async fn save_reminder_rule(
        self,
        rule: ReminderRule,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.save_reminder_rule(&rule, &actor, now))
            .await
    }

    /// The channel settings.
    pub async fn reminder_settings(self) -> Result<ReminderSettings, UiError> {
        self.with(|s| s.reminder_settings()).await
    }

    /// Saves the channel settings.
    pub async fn save_reminder_settings(
        self,
        settings: ReminderSettings,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.save_reminder_settings(&settings, &actor, now))
            .await
    }

    /// Records "doctor joined" or "patient joined".
    pub async fn record_joined(
        self,
        id: AppointmentId,
        who: Joiner,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.record_joined(id, who, &actor, now))
            .await
    }

    /// Whether a patient opted out of reminders.
    pub async fn reminder_opt_out(self, patient: PatientId) -> Result<bool, UiError> {
        self.with(move |s| s.reminder_opt_out(patient)).await
    }

    /// Records a patient's opt-out, or opt-in again.
    pub async fn set_reminder_opt_out(
        self,
        patient: PatientId,
        opted_out: bool,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<bool, UiError> {
        self.with(move |s| {
            s.set_reminder_opt_out(patient, opted_out, &actor, now)?;
            s.reminder_opt_out(patient)
        })
        .await
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
