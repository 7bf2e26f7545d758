//! Reminder rules and which reminders an appointment should have: when a rule fires ("24 h
//! before", "the day before at 18:00" in the clinic's zone, right across DST), who it goes to,
//! and what happens to the reminders already planned when an appointment is moved, cancelled,
//! or the patient opts out. "Now" is always passed in.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::model::{AppointmentId, ClinicId, VisitTypeId};
use super::reminder_job::{Job, JobState, SkipReason};
use super::status::Status;
use super::time::{lenient_instant, local_date};

/// Identifies a reminder rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub Uuid);

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The longest a reminder may go out before its appointment: a week and a day.
pub const MAX_LEAD_MINUTES: u32 = 8 * 24 * 60;

/// When a rule fires, relative to the appointment's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    /// This many minutes of real time before the start ("24 h before", "2 h before"). Across a
    /// clock change the wall time of the reminder differs from the appointment's by an hour.
    Before {
        /// Minutes before the start, 1 up to [`MAX_LEAD_MINUTES`].
        minutes: u32,
    },
    /// At a clinic-local time on the day `days` before the appointment's local date ("the day
    /// before at 18:00"). A time the clocks skip becomes the first valid time after the gap; a
    /// time that happens twice takes the earlier one.
    DaysBeforeAt {
        /// Days before the appointment's date, 1 to 7.
        days: u8,
        /// The clinic-local time of day.
        at: NaiveTime,
    },
}

/// Why a rule cannot be stored, in words that say how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The lead time is zero or too long.
    #[error("{}", crate::t!("core-reminder-lead-out-of-range", minutes = _0.to_string()))]
    LeadOutOfRange(u32),
    /// Days before is out of range.
    #[error("{}", crate::t!("core-reminder-days-out-of-range", days = _0.to_string()))]
    DaysOutOfRange(u8),
    /// The rule has no name.
    #[error("{}", crate::t!("core-reminder-rule-no-name"))]
    NoName,
}

impl Lead {
    /// The instant the reminder for an appointment starting at `start` goes out, computed in
    /// the clinic's `zone`.
    pub fn fire_at(&self, zone: Tz, start: DateTime<Utc>) -> DateTime<Utc> {
        match *self {
            Lead::Before { minutes } => start - Duration::minutes(i64::from(minutes)),
            Lead::DaysBeforeAt { days, at } => {
                let date = local_date(zone, start) - Duration::days(i64::from(days));
                lenient_instant(zone, date.and_time(at))
            }
        }
    }

    /// Checks the lead's numbers.
    pub fn validate(&self) -> Result<(), RuleError> {
        match *self {
            Lead::Before { minutes } if minutes == 0 || minutes > MAX_LEAD_MINUTES => {
                Err(RuleError::LeadOutOfRange(minutes))
            }
            Lead::DaysBeforeAt { days, .. } if days == 0 || days > 7 => {
                Err(RuleError::DaysOutOfRange(days))
            }
            _ => Ok(()),
        }
    }

    /// How staff say it, in the desk's language: "24 h before", "90 min before", "the day
    /// before at 18:00" ("24 घंटे पहले" in Hindi).
    pub fn label(&self) -> String {
        self.label_in(crate::i18n::current())
    }

    /// [`Lead::label`] in `language`.
    pub fn label_in(&self, language: crate::i18n::Language) -> String {
        match *self {
            Lead::Before { minutes } if minutes % 60 == 0 => crate::t_in!(
                language,
                "core-lead-hours-before",
                hours = (minutes / 60).to_string()
            ),
            Lead::Before { minutes } => crate::t_in!(
                language,
                "core-lead-minutes-before",
                minutes = minutes.to_string()
            ),
            Lead::DaysBeforeAt { days, at } => crate::t_in!(
                language,
                "core-lead-days-before-at",
                days = i64::from(days),
                at = at.format("%H:%M").to_string()
            ),
        }
    }

    /// How records say it, in English whatever the desk's language: "24 h before", "90 min
    /// before", "the day before at 18:00".
    pub fn describe(&self) -> String {
        self.label_in(crate::i18n::Language::English)
    }
}

/// How a reminder reaches the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Email over SMTP, to the patient's email address.
    Email,
    /// A JSON POST to a webhook (an SMS or WhatsApp gateway), with the patient's phone.
    Webhook,
}

impl Channel {
    /// Both channels.
    pub const ALL: [Channel; 2] = [Channel::Email, Channel::Webhook];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Webhook => "webhook",
        }
    }

    /// Parses the text written by [`Channel::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Words staff read, in the desk's language.
    pub fn label(self) -> String {
        match self {
            Channel::Email => crate::t!("core-channel-email"),
            Channel::Webhook => crate::t!("core-channel-webhook"),
        }
    }

    /// Where a reminder on this channel goes: the email address or the phone number, trimmed.
    pub fn recipient(self, email: &str, phone: &str) -> String {
        match self {
            Channel::Email => email.trim().to_owned(),
            Channel::Webhook => phone.trim().to_owned(),
        }
    }
}

/// The text of a reminder, with placeholders such as `{patient}` (see
/// [`super::template::PLACEHOLDERS`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The email subject (webhooks send it as `subject`).
    pub subject: String,
    /// The message.
    pub body: String,
}

/// A clinic's rule: which appointments get a reminder, when, how, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct ReminderRule {
    /// Stable id.
    pub id: RuleId,
    /// Name staff know it by, e.g. "Email 24 h before".
    pub name: String,
    /// When it fires.
    pub lead: Lead,
    /// Only appointments of this visit type; `None` for every visit type.
    pub visit_type: Option<VisitTypeId>,
    /// Only appointments of this clinic; `None` for every clinic of the database.
    pub clinic: Option<ClinicId>,
    /// How it is sent.
    pub channel: Channel,
    /// What it says, in each language it is written in.
    pub templates: super::templates::Templates,
    /// Rules that are off plan nothing, and their pending reminders are skipped.
    pub active: bool,
}

impl ReminderRule {
    /// Checks the rule before it is stored.
    pub fn validate(&self) -> Result<(), RuleError> {
        if self.name.trim().is_empty() {
            return Err(RuleError::NoName);
        }
        self.lead.validate()
    }

    /// True when the rule applies to an appointment of `visit_type` at `clinic`.
    pub fn applies_to(&self, clinic: ClinicId, visit_type: Option<VisitTypeId>) -> bool {
        self.active
            && self.clinic.is_none_or(|c| c == clinic)
            && self.visit_type.is_none_or(|v| Some(v) == visit_type)
    }
}

/// What planning needs to know about one appointment and its patient.
#[derive(Clone, Debug, PartialEq)]
pub struct ReminderFacts {
    /// The appointment.
    pub appointment: AppointmentId,
    /// Its status now.
    pub status: Status,
    /// Its start now.
    pub start: DateTime<Utc>,
    /// Its visit type.
    pub visit_type: Option<VisitTypeId>,
    /// Its clinic.
    pub clinic: ClinicId,
    /// When it was booked or last moved: a new reminder whose time had already passed then is
    /// skipped as too late, rather than sent at once.
    pub changed_at: DateTime<Utc>,
    /// The patient's email address.
    pub email: String,
    /// The patient's phone.
    pub phone: String,
    /// The patient asked for no reminders.
    pub opted_out: bool,
}

impl ReminderFacts {
    /// Booked or confirmed: reminders still make sense.
    fn awaited(&self) -> bool {
        matches!(self.status, Status::Scheduled | Status::Confirmed)
    }

    /// Why open reminders of this appointment no longer go out, if they do not.
    fn closed_reason(&self, now: DateTime<Utc>) -> Option<SkipReason> {
        match self.status {
            Status::Cancelled | Status::NoShow | Status::EnteredInError => {
                Some(SkipReason::Cancelled)
            }
            Status::CheckedIn | Status::Called | Status::InConsultation | Status::Completed => {
                Some(SkipReason::Arrived)
            }
            Status::Scheduled | Status::Confirmed if now >= self.start => Some(SkipReason::Passed),
            Status::Scheduled | Status::Confirmed => None,
        }
    }
}

/// One reminder an appointment should have under one rule.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedJob {
    /// The rule.
    pub rule: RuleId,
    /// When it goes out.
    pub due: DateTime<Utc>,
    /// How.
    pub channel: Channel,
    /// The email address or phone number (may be empty when skipped for no contact).
    pub recipient: String,
    /// Pending, or skipped with the reason it will not go out.
    pub state: JobState,
}

/// The reminders `facts` should have under `rules` (in the clinic's `zone`), each pending or
/// skipped with a reason. Appointments that are no longer awaited get none.
pub fn plan(
    facts: &ReminderFacts,
    rules: &[ReminderRule],
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<PlannedJob> {
    if !facts.awaited() {
        return Vec::new();
    }
    rules
        .iter()
        .filter(|r| r.applies_to(facts.clinic, facts.visit_type))
        .map(|rule| {
            let due = rule.lead.fire_at(zone, facts.start);
            let recipient = rule.channel.recipient(&facts.email, &facts.phone);
            let skip = if facts.opted_out {
                Some(SkipReason::OptedOut)
            } else if recipient.is_empty() {
                Some(SkipReason::NoContact)
            } else if now >= facts.start {
                Some(SkipReason::Passed)
            } else if due <= now && facts.changed_at >= due {
                Some(SkipReason::TooLate)
            } else {
                None
            };
            PlannedJob {
                rule: rule.id,
                due,
                channel: rule.channel,
                recipient,
                state: skip.map_or(JobState::Pending, JobState::Skipped),
            }
        })
        .collect()
}

/// One change to bring an appointment's stored reminders in line with its plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Store a new reminder (for the appointment's current start).
    Create(PlannedJob),
    /// The existing reminder at `index` will not go out.
    Skip {
        /// Index into the existing reminders.
        index: usize,
        /// Why.
        reason: SkipReason,
    },
    /// The reminder at `index` is still wanted but its time, channel or recipient changed (the
    /// rule or the patient's contact was edited).
    Update {
        /// Index into the existing reminders.
        index: usize,
        /// The new time.
        due: DateTime<Utc>,
        /// The channel the rule now uses.
        channel: Channel,
        /// The new recipient.
        recipient: String,
    },
    /// The skipped reminder at `index` is wanted again (moved back, opted in again, contact
    /// added, cancellation undone): it becomes pending.
    Reopen {
        /// Index into the existing reminders.
        index: usize,
        /// Its time.
        due: DateTime<Utc>,
        /// Its channel.
        channel: Channel,
        /// Its recipient.
        recipient: String,
    },
}

/// The steps that bring `existing` (an appointment's stored reminders, any start) in line with
/// its plan. A reminder planned for another start is skipped as moved, so a moved appointment
/// never gets a reminder for its old time; sent reminders are never touched.
pub fn reconcile(
    facts: &ReminderFacts,
    rules: &[ReminderRule],
    existing: &[Job],
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<Step> {
    let planned = plan(facts, rules, zone, now);
    let closed = facts.closed_reason(now);
    let mut steps = Vec::new();
    for (index, job) in existing.iter().enumerate() {
        let current = job.planned_start == facts.start;
        let wanted = planned.iter().find(|p| p.rule == job.rule && current);
        match (&job.state, wanted) {
            // Sent, and failed for good: final until staff resend them.
            (JobState::Sent { .. } | JobState::Failed { retry_at: None, .. }, _) => {}
            (JobState::Skipped(_), Some(p)) if p.state == JobState::Pending => {
                steps.push(Step::Reopen {
                    index,
                    due: p.due,
                    channel: p.channel,
                    recipient: p.recipient.clone(),
                });
            }
            (JobState::Skipped(_), _) => {}
            // Lateness only stops new reminders: one planned in time still goes out.
            (JobState::Pending | JobState::Failed { .. }, Some(p)) => match &p.state {
                JobState::Skipped(reason) if *reason != SkipReason::TooLate => {
                    steps.push(Step::Skip {
                        index,
                        reason: *reason,
                    })
                }
                _ if p.due != job.due
                    || p.channel != job.channel
                    || p.recipient != job.recipient =>
                {
                    steps.push(Step::Update {
                        index,
                        due: p.due,
                        channel: p.channel,
                        recipient: p.recipient.clone(),
                    });
                }
                _ => {}
            },
            (JobState::Pending | JobState::Failed { .. }, None) => {
                let reason = closed.unwrap_or(if !current {
                    SkipReason::Moved
                } else {
                    SkipReason::RuleOff
                });
                steps.push(Step::Skip { index, reason });
            }
        }
    }
    for p in planned {
        let stored = existing
            .iter()
            .any(|j| j.rule == p.rule && j.planned_start == facts.start);
        if !stored {
            steps.push(Step::Create(p));
        }
    }
    steps
}
