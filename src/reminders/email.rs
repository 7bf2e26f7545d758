//! Email reminders over SMTP (lettre, with rustls: STARTTLS, TLS from the start, or none for
//! a local relay). The password goes to the server only; it is never in an error or a log.

use std::time::Duration;

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};

use crate::store::{DueReminder, SmtpSettings, TlsMode};

/// How long a conversation with the mail server may take.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// A way to the mail server.
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
    server: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `settings`; `Err` says what is wrong with them.
    pub fn new(settings: &SmtpSettings) -> Result<Self, String> {
        let host = settings.host.trim();
        let from: Mailbox = settings.from.trim().parse().map_err(|_| {
            format!(
                "the sender \"{}\" is not an email address: correct it on Reminders → Channels",
                settings.from.trim()
            )
        })?;
        let tls = || {
            TlsParameters::new(host.to_owned())
                .map_err(|e| format!("TLS for {host} cannot be set up: {e}"))
        };
        let mut builder = SmtpTransport::builder_dangerous(host)
            .port(settings.port)
            .timeout(Some(TIMEOUT));
        builder = match settings.tls {
            TlsMode::None => builder.tls(Tls::None),
            TlsMode::StartTls => builder.tls(Tls::Required(tls()?)),
            TlsMode::Tls => builder.tls(Tls::Wrapper(tls()?)),
        };
        if !settings.user.trim().is_empty() {
            builder = builder.credentials(Credentials::new(
                settings.user.trim().to_owned(),
                settings.password.expose().to_owned(),
            ));
        }
        Ok(Self {
            transport: builder.build(),
            from,
            server: format!("{host}:{}", settings.port),
        })
    }

    /// Sends one reminder (its `Content-Language` its text's); `Err` carries what went wrong in
    /// words staff can act on.
    pub fn send(&self, reminder: &DueReminder) -> Result<(), String> {
        let to: Mailbox = reminder.recipient.parse().map_err(|_| {
            format!(
                "\"{}\" is not an email address: correct the patient's email",
                reminder.recipient
            )
        })?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(reminder.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .header(ContentLanguage(reminder.language.code()))
            .body(reminder.body.clone())
            .map_err(|e| format!("the email cannot be written: {e}"))?;
        self.transport
            .send(&message)
            .map(|_| ())
            .map_err(|e| format!("the mail server {} refused or failed: {e}", self.server))
    }
}

/// The `Content-Language` header (RFC 3282): the BCP 47 code of the language the text is in,
/// so mail programs that read aloud or translate know it.
#[derive(Clone, Debug)]
struct ContentLanguage(&'static str);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        crate::i18n::Language::from_locale(s)
            .map(|l| ContentLanguage(l.code()))
            .ok_or_else(|| format!("not a language Frontdesk writes: {s}").into())
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.to_owned())
    }
}
