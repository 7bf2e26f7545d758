//! The reminder types the store keeps and hands out: channel settings (with a password that is
//! never printed), outbox entries, reminders claimed for sending, and what a plan pass did.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::scheduling::reminder::{Channel, RuleId};
use crate::scheduling::reminder_job::Job;
use crate::scheduling::template::DEFAULT_MEETING_PATTERN;
use crate::scheduling::{AppointmentId, Mode, PatientId, Status};

/// A password or token. Its `Debug` never shows it; only [`Secret::expose`] does, for the one
/// place that must hand it to a server.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, to give to the server that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "Secret(empty)"
        } else {
            "Secret(***)"
        })
    }
}

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TlsMode {
    /// Plain connection upgraded with STARTTLS (usually port 587); refuses servers without it.
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption (a relay on this machine or a trusted network only; usually port 25).
    None,
}

impl TlsMode {
    /// Every mode.
    pub const ALL: [TlsMode; 3] = [TlsMode::StartTls, TlsMode::Tls, TlsMode::None];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::StartTls => "starttls",
            TlsMode::Tls => "tls",
            TlsMode::None => "none",
        }
    }

    /// Parses the text written by [`TlsMode::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// Words staff read, in the desk's language.
    pub fn label(self) -> String {
        match self {
            TlsMode::StartTls => crate::t!("store-tls-starttls"),
            TlsMode::Tls => crate::t!("store-tls-tls"),
            TlsMode::None => crate::t!("store-tls-none"),
        }
    }

    /// The port this mode usually uses.
    pub fn usual_port(self) -> u16 {
        match self {
            TlsMode::StartTls => 587,
            TlsMode::Tls => 465,
            TlsMode::None => 25,
        }
    }
}

/// The SMTP server reminders are sent through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmtpSettings {
    /// Host name, e.g. smtp.example.org; empty when email is not set up.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Encryption.
    pub tls: TlsMode,
    /// User name for login; empty for no login.
    pub user: String,
    /// Password for login.
    pub password: Secret,
    /// The sender, e.g. `Sunrise Clinic <reminders@sunrise.example>`.
    pub from: String,
}

/// The HTTP endpoint SMS / WhatsApp reminders are posted to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookSettings {
    /// The URL; empty when the webhook is not set up.
    pub url: String,
    /// Sent as `Authorization: Bearer …` when set.
    pub token: Secret,
}

/// Everything reminders and video visits need to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderSettings {
    /// Email.
    pub smtp: SmtpSettings,
    /// Webhook.
    pub webhook: WebhookSettings,
    /// Video meeting links are made from this (see `scheduling::template::meeting_link`).
    pub meeting_pattern: String,
    /// The clinic's language: a reminder goes out in it when the patient has no language of
    /// their own, or the rule is not written in theirs. Read here; set with
    /// `Store::set_clinic_language` (saving the channels leaves it as it is).
    pub language: crate::i18n::Language,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            smtp: SmtpSettings {
                host: String::new(),
                port: TlsMode::StartTls.usual_port(),
                tls: TlsMode::StartTls,
                user: String::new(),
                password: Secret::default(),
                from: String::new(),
            },
            webhook: WebhookSettings {
                url: String::new(),
                token: Secret::default(),
            },
            meeting_pattern: DEFAULT_MEETING_PATTERN.to_owned(),
            language: crate::i18n::Language::English,
        }
    }
}

impl ReminderSettings {
    /// True when `channel` is set up enough to send: rules on a channel that is not plan nothing.
    pub fn ready(&self, channel: Channel) -> bool {
        match channel {
            Channel::Email => {
                !self.smtp.host.trim().is_empty() && !self.smtp.from.trim().is_empty()
            }
            Channel::Webhook => !self.webhook.url.trim().is_empty(),
        }
    }
}

/// Identifies a reminder in the outbox. Opaque: what it holds is the engine's (a row number on
/// SQLite); only the store makes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub(crate) i64);

impl std::fmt::Display for JobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Which reminders the outbox shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutboxFilter {
    /// Pending, by time: what goes out next (and what is overdue).
    Due,
    /// Sent, latest first.
    Sent,
    /// Failed, latest first.
    Failed,
    /// Skipped, latest first, with the reason.
    Skipped,
}

impl OutboxFilter {
    /// Every filter, in the order the window shows them.
    pub const ALL: [OutboxFilter; 4] = [
        OutboxFilter::Due,
        OutboxFilter::Failed,
        OutboxFilter::Sent,
        OutboxFilter::Skipped,
    ];

    /// The state it selects.
    pub fn state(self) -> &'static str {
        match self {
            OutboxFilter::Due => "pending",
            OutboxFilter::Sent => "sent",
            OutboxFilter::Failed => "failed",
            OutboxFilter::Skipped => "skipped",
        }
    }

    /// Words staff read.
    pub fn label(self) -> &'static str {
        match self {
            OutboxFilter::Due => "Due",
            OutboxFilter::Sent => "Sent",
            OutboxFilter::Failed => "Failed",
            OutboxFilter::Skipped => "Skipped",
        }
    }
}

/// One line of the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxEntry {
    /// The row.
    pub id: JobId,
    /// The reminder and its state.
    pub job: Job,
    /// The rule's name.
    pub rule_name: String,
    /// The patient.
    pub patient: PatientId,
    /// The patient's name.
    pub patient_name: String,
    /// The doctor's name.
    pub doctor_name: String,
    /// The appointment's start now.
    pub start: DateTime<Utc>,
    /// The appointment's status now.
    pub status: Status,
    /// The subject as sent (empty until it is sent).
    pub subject: String,
    /// The message as sent (empty until it is sent).
    pub body: String,
    /// When the row last changed.
    pub updated: DateTime<Utc>,
}

/// A reminder claimed for sending, with its text filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct DueReminder {
    /// The row.
    pub id: JobId,
    /// How.
    pub channel: Channel,
    /// The email address or phone number.
    pub recipient: String,
    /// The subject.
    pub subject: String,
    /// The message.
    pub body: String,
    /// The appointment.
    pub appointment: AppointmentId,
    /// Its start.
    pub start: DateTime<Utc>,
    /// The clinic's zone.
    pub zone: Tz,
    /// The clinic's name.
    pub clinic: String,
    /// The patient's name.
    pub patient: String,
    /// The doctor's name.
    pub doctor: String,
    /// In clinic, phone or video.
    pub mode: Mode,
    /// The video link, if any.
    pub meeting_link: String,
    /// The rule.
    pub rule: RuleId,
    /// The language the text is written in (the patient's, else the clinic's, else English).
    pub language: crate::i18n::Language,
}

/// What a plan pass changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanSummary {
    /// Appointments looked at.
    pub appointments: usize,
    /// New reminders stored (pending or skipped).
    pub created: usize,
    /// Reminders that will not go out any more.
    pub skipped: usize,
    /// Reminders whose time or recipient changed.
    pub updated: usize,
    /// Skipped reminders wanted again.
    pub reopened: usize,
    /// Video appointments that got a meeting link.
    pub links: usize,
}

/// Who joined a video consultation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Joiner {
    /// The doctor.
    Doctor,
    /// The patient.
    Patient,
}

impl Joiner {
    /// The audit action it records.
    pub fn action(self) -> &'static str {
        match self {
            Joiner::Doctor => "doctor_joined",
            Joiner::Patient => "patient_joined",
        }
    }
}

/// One entry of the reminder log (staff changes to rules, settings, opt-outs, resends).
#[derive(Clone, Debug, PartialEq)]
pub struct ReminderLogEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// What: "rule saved", "settings saved", "opted out" …
    pub action: String,
    /// Details (never a password).
    pub detail: String,
}
