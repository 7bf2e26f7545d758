//! SMS / WhatsApp reminders through a gateway's webhook: one JSON POST per reminder (ureq,
//! blocking, with rustls). Any 2xx answer means delivered; errors name the host only, so a
//! token in the URL never shows.

use std::time::Duration;

use serde::Serialize;

use crate::store::{DueReminder, WebhookSettings};

/// How long one POST may take.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// What the gateway receives.
#[derive(Debug, Serialize)]
pub struct Payload<'a> {
    /// The outbox row, e.g. "#12" (the same reminder resent keeps it).
    pub reminder: String,
    /// The patient's phone number.
    pub to: &'a str,
    /// A subject line (for gateways that want one).
    pub subject: &'a str,
    /// The message text.
    pub text: &'a str,
    /// The patient's name.
    pub patient: &'a str,
    /// The doctor's name.
    pub doctor: &'a str,
    /// The clinic's name.
    pub clinic: &'a str,
    /// The appointment's id.
    pub appointment: String,
    /// Its start, RFC 3339 with the clinic's offset.
    pub start: String,
    /// in_clinic, phone or video.
    pub mode: &'a str,
    /// The video link (empty for other visits).
    pub meeting_link: &'a str,
    /// The language of `subject` and `text` (BCP 47: `en`, `hi`), for gateways that pick a
    /// registered template or an encoding by it.
    pub language: &'static str,
}

impl<'a> Payload<'a> {
    /// The payload for one reminder.
    pub fn of(r: &'a DueReminder) -> Self {
        Payload {
            reminder: r.id.to_string(),
            to: &r.recipient,
            subject: &r.subject,
            text: &r.body,
            patient: &r.patient,
            doctor: &r.doctor,
            clinic: &r.clinic,
            appointment: r.appointment.to_string(),
            start: crate::scheduling::time::rfc3339(r.zone, r.start),
            mode: r.mode.as_str(),
            meeting_link: &r.meeting_link,
            language: r.language.code(),
        }
    }
}

/// A gateway's endpoint.
pub struct Webhook {
    agent: ureq::Agent,
    url: String,
    host: String,
    token: crate::store::Secret,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("host", &self.host)
            .finish_non_exhaustive()
    }
}

impl Webhook {
    /// The endpoint of `settings`.
    pub fn new(settings: &WebhookSettings) -> Self {
        let url = settings.url.trim().to_owned();
        let host = url
            .parse::<ureq::http::Uri>()
            .ok()
            .and_then(|u| u.host().map(str::to_owned))
            .unwrap_or_else(|| "the webhook".to_owned());
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            agent,
            url,
            host,
            token: settings.token.clone(),
        }
    }

    /// Posts one reminder; any 2xx answer is success.
    pub fn post(&self, reminder: &DueReminder) -> Result<(), String> {
        let body = serde_json::to_string(&Payload::of(reminder))
            .map_err(|e| format!("the reminder cannot be written as JSON: {e}"))?;
        let mut request = self
            .agent
            .post(&self.url)
            .header("Content-Type", "application/json");
        if !self.token.is_empty() {
            request = request.header("Authorization", format!("Bearer {}", self.token.expose()));
        }
        let response = request
            .send(body.as_str())
            .map_err(|e| format!("the webhook at {} could not be reached: {}", self.host, e))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(format!(
                "the webhook at {} answered {} {}",
                self.host,
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end()
            .to_owned())
        }
    }
}
