//! Delivering reminders to real servers this test starts on 127.0.0.1: an SMTP server (lettre
//! speaks real SMTP to it over TCP) and an HTTP server (the webhook's JSON POST). Asserts on
//! what arrived, on failure and retry with back-off, on one failing reminder not stopping the
//! others, and on the password never appearing in an error.

use std::sync::Mutex;

use crate::common::{Clinic1, TestBackend, utc};
use crate::reminder_servers::{HttpServer, SmtpBehaviour, SmtpServer, closed_port};
use chrono::{DateTime, Duration, Utc};
use frontdesk::reminders::{self, PassReport};
use frontdesk::scheduling::reminder_job::{JobState, backoff};
use frontdesk::scheduling::*;
use frontdesk::store::{OutboxFilter, ReminderSettings, Secret, Store, TlsMode};

const NOW: &str = "2026-10-28T12:00:00Z";

struct Desk<B: TestBackend> {
    clinic: Clinic1<B>,
    patients: Vec<PatientId>,
}

/// A New York clinic with three patients who have email addresses and phones, and `settings`.
fn desk<B: TestBackend>(settings: impl FnOnce(&mut ReminderSettings)) -> Desk<B> {
    let mut clinic = Clinic1::<B>::fresh(chrono_tz::America::New_York);
    let mut s = ReminderSettings::default();
    settings(&mut s);
    clinic
        .store
        .save_reminder_settings(&s, "admin", utc(NOW))
        .expect("settings");
    let mut patients = Vec::new();
    for (n, name, email) in [
        (60, "Nina Shah", "nina@example.org"),
        (61, "Omar Haddad", "omar@example.org"),
        (62, "Priya Nair", "priya@example.org"),
    ] {
        let mut p = crate::common::patient(n, name, &format!("+1 212 555 01{n}"));
        p.email = email.into();
        clinic.store.add_patient(&p).expect("patient");
        patients.push(p.id);
    }
    Desk { clinic, patients }
}

fn smtp(server: &SmtpServer) -> impl FnOnce(&mut ReminderSettings) {
    let port = server.port;
    move |s| {
        s.smtp.host = "127.0.0.1".into();
        s.smtp.port = port;
        s.smtp.tls = TlsMode::None;
        s.smtp.from = "Test Clinic <desk@clinic.example>".into();
    }
}

impl<B: TestBackend> Desk<B> {
    /// Books patient `n` at a local time with Dr. Rao (or Dr. Mehta for odd `n`).
    fn book(&mut self, n: usize, start: &str) -> Appointment {
        let doctor = if n.is_multiple_of(2) {
            self.clinic.rao
        } else {
            self.clinic.mehta
        };
        self.clinic
            .book_ok(doctor, None, self.patients[n], start, utc(NOW))
    }

    /// Runs a send pass at `now` on the real channels through a second connection to the
    /// database, the way cron (another process) and the window do.
    fn pass(self, now: DateTime<Utc>) -> (Self, PassReport) {
        let other = self.clinic.reopen();
        let report = reminders::send_due(&Mutex::new(other), now);
        (self, report)
    }

    fn outbox(&self, filter: OutboxFilter) -> Vec<frontdesk::store::OutboxEntry> {
        self.clinic
            .store
            .outbox(self.clinic.clinic, filter, 100)
            .expect("outbox")
    }
}

pub fn an_email_reminder_reaches_a_real_smtp_server_with_its_placeholders_filled_in<
    B: TestBackend,
>() {
    let server = SmtpServer::start(SmtpBehaviour::default());
    let mut d = desk::<B>(smtp(&server));
    let a = d.book(0, "2026-10-30 10:00");
    let (d, report) = d.pass(a.interval.start - Duration::hours(24));
    assert_eq!((report.sent, report.failed.len()), (1, 0), "{report:?}");
    assert!(report.errors.is_empty());
    let mails = server.mails();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.from, "desk@clinic.example");
    assert_eq!(mail.to, vec!["nina@example.org".to_owned()]);
    assert_eq!(
        mail.header("Subject").as_deref(),
        Some("Reminder: your appointment on Friday 30 October 2026 at 10:00")
    );
    assert!(
        mail.header("From")
            .expect("from")
            .contains("desk@clinic.example")
    );
    // The text's language, for mail programs that read aloud or translate.
    assert_eq!(mail.header("Content-Language").as_deref(), Some("en"));
    let body = mail.body();
    assert!(body.starts_with("Dear Nina Shah,"), "{body}");
    assert!(
        body.contains("with Dr. Anjali Rao at Test Clinic on Friday 30 October 2026 at 10:00."),
        "{body}"
    );
    assert!(
        body.contains("1 Main Street"),
        "the address for an in-clinic visit: {body}"
    );
    let sent = d.outbox(OutboxFilter::Sent);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].job.recipient, "nina@example.org");
    // The same pass again sends nothing more.
    let (_, again) = d.pass(a.interval.start - Duration::hours(23));
    assert_eq!(again.sent, 0);
    assert_eq!(server.mails().len(), 1);
}

pub fn a_refusing_smtp_server_fails_the_reminder_which_is_retried_after_the_back_off<
    B: TestBackend,
>() {
    let server = SmtpServer::start(SmtpBehaviour {
        refuse_first: 1,
        ..SmtpBehaviour::default()
    });
    let mut d = desk::<B>(smtp(&server));
    let a = d.book(0, "2026-10-30 10:00");
    let first = a.interval.start - Duration::hours(24);
    let (d, report) = d.pass(first);
    assert_eq!(report.sent, 0);
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].attempts, 1);
    assert!(!report.failed[0].gave_up);
    assert!(
        report.failed[0].error.contains("451"),
        "{:?}",
        report.failed[0]
    );
    assert!(server.mails().is_empty());
    let failed = d.outbox(OutboxFilter::Failed);
    assert_eq!(failed.len(), 1);
    let JobState::Failed { error, retry_at } = &failed[0].job.state else {
        panic!("failed: {:?}", failed[0].job.state);
    };
    assert!(error.contains("try again later"), "{error}");
    assert_eq!(*retry_at, Some(first + backoff(1)));
    // Not before the back-off.
    let (d, early) = d.pass(first + backoff(1) - Duration::seconds(1));
    assert_eq!((early.sent, early.failed.len()), (0, 0));
    let (d, retried) = d.pass(first + backoff(1));
    assert_eq!((retried.sent, retried.failed.len()), (1, 0));
    assert_eq!(server.mails().len(), 1);
    assert_eq!(server.mails()[0].to, vec!["nina@example.org".to_owned()]);
    assert!(d.outbox(OutboxFilter::Failed).is_empty());
}

pub fn one_failing_reminder_does_not_stop_the_others<B: TestBackend>() {
    let server = SmtpServer::start(SmtpBehaviour {
        reject: vec!["omar@example.org".into()],
        ..SmtpBehaviour::default()
    });
    let mut d = desk::<B>(smtp(&server));
    let starts = ["2026-10-30 10:00", "2026-10-30 10:00", "2026-10-30 10:30"];
    for (n, start) in starts.iter().enumerate() {
        d.book(n, start);
    }
    let (d, report) = d.pass(utc("2026-10-29T14:45:00Z"));
    assert_eq!(report.sent, 2, "{report:?}");
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].patient, "Omar Haddad");
    assert!(
        report.failed[0].error.contains("550"),
        "{:?}",
        report.failed[0]
    );
    let mut to: Vec<String> = server.mails().iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, vec!["nina@example.org", "priya@example.org"]);
    assert_eq!(d.outbox(OutboxFilter::Failed).len(), 1);
    assert_eq!(d.outbox(OutboxFilter::Sent).len(), 2);
}

pub fn smtp_login_sends_the_password_to_the_server_only<B: TestBackend>() {
    let server = SmtpServer::start(SmtpBehaviour {
        login: Some(("reminders".into(), "s3cret-pass".into())),
        ..SmtpBehaviour::default()
    });
    let mut d = desk::<B>(move |s| {
        smtp(&server)(s);
        s.smtp.user = "reminders".into();
        s.smtp.password = Secret::new("wrong-pass");
    });
    let a = d.book(0, "2026-10-30 10:00");
    let at = a.interval.start - Duration::hours(24);
    let (mut d, report) = d.pass(at);
    assert_eq!(report.failed.len(), 1);
    let error = &report.failed[0].error;
    assert!(error.contains("535"), "{error}");
    assert!(
        !error.contains("wrong-pass"),
        "the password never shows: {error}"
    );
    let stored = d.outbox(OutboxFilter::Failed);
    assert!(!format!("{stored:?}").contains("wrong-pass"));
    // The right password logs in and the reminder goes out on its retry.
    let mut s = d.clinic.store.reminder_settings().expect("settings");
    s.smtp.password = Secret::new("s3cret-pass");
    d.clinic
        .store
        .save_reminder_settings(&s, "admin", at)
        .expect("save");
    let (_, report) = d.pass(at + backoff(1));
    assert_eq!(report.sent, 1, "{report:?}");
}

pub fn starttls_mode_refuses_a_server_without_starttls_and_sends_nothing_in_clear<
    B: TestBackend,
>() {
    let server = SmtpServer::start(SmtpBehaviour::default());
    let mut d = desk::<B>(|s| {
        smtp(&server)(s);
        s.smtp.tls = TlsMode::StartTls;
    });
    let a = d.book(0, "2026-10-30 10:00");
    let (_, report) = d.pass(a.interval.start - Duration::hours(24));
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert!(server.mails().is_empty());
    assert!(
        !server.lines().iter().any(|l| l.starts_with("MAIL FROM")),
        "no mail is sent unencrypted: {:?}",
        server.lines()
    );
}

fn webhook(server: &HttpServer, path: &str) -> impl FnOnce(&mut ReminderSettings) {
    let url = server.url(path);
    move |s| {
        s.webhook.url = url;
        s.webhook.token = Secret::new("gateway-token");
    }
}

pub fn an_sms_reminder_is_posted_as_json_to_a_real_http_server<B: TestBackend>() {
    let server = HttpServer::start(&[200]);
    let mut d = desk::<B>(webhook(&server, "/sms/send?account=clinic"));
    let mut request = d
        .clinic
        .request(d.clinic.rao, None, d.patients[0], "2026-10-30 10:00");
    request.mode = Mode::Video;
    let a = d
        .clinic
        .store
        .book(&request, "maria", utc(NOW))
        .expect("book")
        .appointment;
    let (d, report) = d.pass(a.interval.start - Duration::hours(2));
    assert_eq!((report.sent, report.failed.len()), (1, 0), "{report:?}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.target, "/sms/send?account=clinic");
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("authorization"), Some("Bearer gateway-token"));
    let json = r.json();
    assert_eq!(json["to"], "+1 212 555 0160");
    assert_eq!(json["patient"], "Nina Shah");
    assert_eq!(json["doctor"], "Dr. Anjali Rao");
    assert_eq!(json["clinic"], "Test Clinic");
    assert_eq!(json["start"], "2026-10-30T10:00:00-04:00");
    assert_eq!(json["mode"], "video");
    assert_eq!(json["meeting_link"], a.meeting_link.as_str());
    assert_eq!(json["appointment"], a.id.to_string());
    // The patient reads the clinic's language (English here): the gateway is told so.
    assert_eq!(json["language"], "en");
    let text = json["text"].as_str().expect("text");
    assert_eq!(
        text,
        format!(
            "Test Clinic: reminder of your appointment with Dr. Anjali Rao on Friday 30 October \
             2026 at 10:00. Join the video call: {}",
            a.meeting_link
        )
    );
    assert_eq!(
        json["reminder"],
        d.outbox(OutboxFilter::Sent)[0].id.to_string()
    );
}

pub fn a_webhook_answering_500_is_retried_and_an_unreachable_one_names_only_its_host<
    B: TestBackend,
>() {
    let server = HttpServer::start(&[500, 200]);
    let mut d = desk::<B>(webhook(&server, "/sms"));
    let a = d.book(0, "2026-10-30 10:00");
    let at = a.interval.start - Duration::hours(2);
    let (d, report) = d.pass(at);
    assert_eq!(report.failed.len(), 1);
    assert!(
        report.failed[0].error.contains("answered 500"),
        "{:?}",
        report.failed[0]
    );
    let (d, report) = d.pass(at + backoff(1));
    assert_eq!((report.sent, report.failed.len()), (1, 0));
    assert_eq!(server.requests().len(), 2);
    drop(d);
    // Nothing listens: the error names the host, never the query with its key.
    let port = closed_port();
    let mut d = desk::<B>(move |s| {
        s.webhook.url = format!("http://127.0.0.1:{port}/sms?key=top-secret");
    });
    let a = d.book(0, "2026-10-30 10:00");
    let (_, report) = d.pass(a.interval.start - Duration::hours(2));
    assert_eq!(report.failed.len(), 1);
    let error = &report.failed[0].error;
    assert!(
        error.contains("could not be reached") && error.contains("127.0.0.1"),
        "{error}"
    );
    assert!(!error.contains("top-secret"), "{error}");
}

pub fn a_broken_email_channel_does_not_stop_sms_reminders<B: TestBackend>() {
    let http = HttpServer::start(&[200]);
    let port = closed_port();
    let mut d = desk::<B>(move |s| {
        s.smtp.host = "127.0.0.1".into();
        s.smtp.port = port;
        s.smtp.tls = TlsMode::None;
        s.smtp.from = "desk@clinic.example".into();
        webhook(&http, "/sms")(s);
    });
    let a = d.book(0, "2026-10-30 10:00");
    // Both the email (24 h) and the SMS (2 h) are due now.
    let (d, report) = d.pass(a.interval.start - Duration::hours(1));
    assert_eq!(report.sent, 1, "{report:?}");
    assert_eq!(report.failed.len(), 1);
    assert!(
        report.failed[0].error.contains("mail server"),
        "{:?}",
        report.failed[0]
    );
    assert_eq!(
        d.outbox(OutboxFilter::Sent)[0].job.channel.as_str(),
        "webhook"
    );
}

pub fn only_web_addresses_are_given_to_the_browser<B: TestBackend>() {
    use frontdesk::reminders::desktop::{OpenError, check_link};
    assert_eq!(
        check_link(" https://meet.jit.si/frontdesk-3f2c "),
        Ok("https://meet.jit.si/frontdesk-3f2c")
    );
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "meet.jit.si/room",
        "https://",
        "https://meet.jit.si/my room",
    ] {
        let e = check_link(bad).expect_err(bad);
        assert!(matches!(e, OpenError::NotWeb(_)), "{bad}");
        assert!(e.to_string().contains("not a web address"), "{e}");
    }
}

/// A server that takes its time over every reminder.
struct SlowServer(std::time::Duration);

impl reminders::Deliver for SlowServer {
    fn deliver(&self, _: &frontdesk::store::DueReminder) -> Result<(), String> {
        std::thread::sleep(self.0);
        Ok(())
    }
}

pub fn a_long_pass_records_each_delivery_at_the_time_it_happened<B: TestBackend>() {
    let mut d = desk::<B>(|s| {
        s.smtp.host = "127.0.0.1".into();
        s.smtp.port = 9;
        s.smtp.tls = TlsMode::None;
        s.smtp.from = "Test Clinic <desk@clinic.example>".into();
    });
    d.book(0, "2026-10-30 10:00");
    let later = d.book(2, "2026-10-30 11:00");
    let now = later.interval.start - Duration::hours(24);
    let other = d.clinic.reopen();
    let report = reminders::send_due_with(
        &Mutex::new(other),
        &SlowServer(std::time::Duration::from_millis(1100)),
        now,
    );
    assert_eq!(report.sent, 2, "{report:?}");
    let mut sent: Vec<DateTime<Utc>> = d
        .outbox(OutboxFilter::Sent)
        .iter()
        .map(|e| match e.job.state {
            JobState::Sent { at } => at,
            ref other => panic!("not sent: {other:?}"),
        })
        .collect();
    sent.sort();
    // Each was recorded after its own delivery, not at the moment the pass began.
    assert!(sent[0] >= now + Duration::seconds(1), "{sent:?}");
    assert!(sent[1] >= sent[0] + Duration::seconds(1), "{sent:?}");
}
