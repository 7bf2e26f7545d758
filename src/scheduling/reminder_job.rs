//! A reminder in the outbox and its state machine: pending → sent | failed (with the error,
//! retried with back-off up to [`MAX_ATTEMPTS`]) | skipped (with the reason). Sent is final;
//! staff may resend a failed or sent reminder.

use chrono::{DateTime, Duration, Utc};

use super::model::AppointmentId;
use super::reminder::{Channel, RuleId};

/// How many times a reminder is tried before it is left failed for staff to look at.
pub const MAX_ATTEMPTS: u32 = 5;

/// The wait before try `attempts + 1`, after `attempts` failures: 5 min, 15 min, 45 min,
/// 2 h 15 min, … (three times longer each time), at most 6 hours.
pub fn backoff(attempts: u32) -> Duration {
    let exponent = attempts.saturating_sub(1).min(10);
    Duration::minutes((5 * 3_i64.pow(exponent)).min(6 * 60))
}

/// Why a reminder does not go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// The appointment was cancelled, marked no-show or entered in error.
    Cancelled,
    /// The appointment moved; a reminder for the new time is planned instead.
    Moved,
    /// The patient has no email address (email) or phone number (webhook).
    NoContact,
    /// The patient asked for no reminders.
    OptedOut,
    /// The appointment was booked or moved after this reminder's time.
    TooLate,
    /// The appointment's start passed before the reminder went out.
    Passed,
    /// The patient has arrived (or been seen) already.
    Arrived,
    /// The rule was turned off or no longer applies.
    RuleOff,
}

impl SkipReason {
    /// Every reason.
    pub const ALL: [SkipReason; 8] = [
        SkipReason::Cancelled,
        SkipReason::Moved,
        SkipReason::NoContact,
        SkipReason::OptedOut,
        SkipReason::TooLate,
        SkipReason::Passed,
        SkipReason::Arrived,
        SkipReason::RuleOff,
    ];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Cancelled => "cancelled",
            SkipReason::Moved => "moved",
            SkipReason::NoContact => "no_contact",
            SkipReason::OptedOut => "opted_out",
            SkipReason::TooLate => "too_late",
            SkipReason::Passed => "passed",
            SkipReason::Arrived => "arrived",
            SkipReason::RuleOff => "rule_off",
        }
    }

    /// Parses the text written by [`SkipReason::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The reason as staff read it, for a reminder on `channel`, in the desk's language.
    pub fn explain(self, channel: Channel) -> String {
        match (self, channel) {
            (SkipReason::Cancelled, _) => crate::t!("core-skip-cancelled"),
            (SkipReason::Moved, _) => crate::t!("core-skip-moved"),
            (SkipReason::NoContact, Channel::Email) => crate::t!("core-skip-no-email"),
            (SkipReason::NoContact, Channel::Webhook) => crate::t!("core-skip-no-phone"),
            (SkipReason::OptedOut, _) => crate::t!("core-skip-opted-out"),
            (SkipReason::TooLate, _) => crate::t!("core-skip-too-late"),
            (SkipReason::Passed, _) => crate::t!("core-skip-passed"),
            (SkipReason::Arrived, _) => crate::t!("core-skip-arrived"),
            (SkipReason::RuleOff, _) => crate::t!("core-skip-rule-off"),
        }
    }
}

/// Where a reminder is in its life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobState {
    /// Waiting for its time.
    Pending,
    /// Delivered to the mail server or the gateway.
    Sent {
        /// When.
        at: DateTime<Utc>,
    },
    /// The last try failed.
    Failed {
        /// What went wrong, as the server said it.
        error: String,
        /// When it is tried again; `None` once [`MAX_ATTEMPTS`] tries have failed.
        retry_at: Option<DateTime<Utc>>,
    },
    /// It will not go out.
    Skipped(SkipReason),
}

impl JobState {
    /// Stable text used in storage: pending, sent, failed, skipped.
    pub fn as_str(&self) -> &'static str {
        match self {
            JobState::Pending => "pending",
            JobState::Sent { .. } => "sent",
            JobState::Failed { .. } => "failed",
            JobState::Skipped(_) => "skipped",
        }
    }

    /// Pending, or failed with a retry to come.
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            JobState::Pending
                | JobState::Failed {
                    retry_at: Some(_),
                    ..
                }
        )
    }
}

/// A change the state machine does not allow.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    /// It was sent already.
    #[error("{}", crate::t!("core-job-already-sent"))]
    AlreadySent,
    /// It was skipped.
    #[error("{}", crate::t!("core-job-skipped", reason = *_0))]
    Skipped(&'static str),
    /// It failed too often and waits for staff.
    #[error("{}", crate::t!("core-job-gave-up", attempts = MAX_ATTEMPTS))]
    GaveUp,
    /// Only failed and sent reminders can be resent.
    #[error("{}", crate::t!("core-job-not-resendable", state = *_0))]
    NotResendable(&'static str),
}

/// One reminder: an appointment, the rule it follows and the start it was planned for.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// The appointment.
    pub appointment: AppointmentId,
    /// The rule.
    pub rule: RuleId,
    /// The appointment's start when this reminder was planned; a move makes it stale.
    pub planned_start: DateTime<Utc>,
    /// When it goes out.
    pub due: DateTime<Utc>,
    /// How.
    pub channel: Channel,
    /// The email address or phone number.
    pub recipient: String,
    /// Where it is.
    pub state: JobState,
    /// Failed tries since it was planned or resent.
    pub attempts: u32,
}

impl Job {
    /// True when it should be tried now: pending and its time has come, or failed and its
    /// retry time has come.
    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        match &self.state {
            JobState::Pending => self.due <= now,
            JobState::Failed {
                retry_at: Some(t), ..
            } => *t <= now,
            _ => false,
        }
    }

    fn refuse_closed(&self) -> Result<(), JobError> {
        match &self.state {
            JobState::Sent { .. } => Err(JobError::AlreadySent),
            JobState::Skipped(r) => Err(JobError::Skipped(r.as_str())),
            JobState::Failed { retry_at: None, .. } => Err(JobError::GaveUp),
            _ => Ok(()),
        }
    }

    /// The server took it: sent.
    pub fn sent(&mut self, now: DateTime<Utc>) -> Result<(), JobError> {
        self.refuse_closed()?;
        self.state = JobState::Sent { at: now };
        Ok(())
    }

    /// A try failed with `error`: retried after [`backoff`], or left failed after
    /// [`MAX_ATTEMPTS`] tries.
    pub fn failed(&mut self, error: &str, now: DateTime<Utc>) -> Result<(), JobError> {
        self.refuse_closed()?;
        self.attempts += 1;
        let retry_at = (self.attempts < MAX_ATTEMPTS).then(|| now + backoff(self.attempts));
        self.state = JobState::Failed {
            error: error.to_owned(),
            retry_at,
        };
        Ok(())
    }

    /// It will not go out, for `reason`. A sent reminder stays sent.
    pub fn skip(&mut self, reason: SkipReason) -> Result<(), JobError> {
        if let JobState::Sent { .. } = self.state {
            return Err(JobError::AlreadySent);
        }
        self.state = JobState::Skipped(reason);
        Ok(())
    }

    /// Staff asked to send a failed or sent reminder again: pending, with its tries reset. Its
    /// time has come already (it was tried), so the next send pass takes it.
    pub fn resend(&mut self) -> Result<(), JobError> {
        match &self.state {
            JobState::Failed { .. } | JobState::Sent { .. } => {
                self.state = JobState::Pending;
                self.attempts = 0;
                Ok(())
            }
            other => Err(JobError::NotResendable(other.as_str())),
        }
    }
}
