//! The reminder store through the `Store` trait: the starting rules, planning that follows
//! bookings, moves and cancellations (a moved appointment never gets a reminder for its old
//! time), claiming with a lease, recording failures and retries, resend, opt-out, channel
//! settings whose password never shows, meeting links and "joined" audit events.

use crate::common::{Clinic1, TestBackend, id, utc};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use frontdesk::i18n::Language;
use frontdesk::scheduling::reminder::Template;
use frontdesk::scheduling::reminder::{Channel, Lead};
use frontdesk::scheduling::reminder_job::{JobState, SkipReason, backoff};
use frontdesk::scheduling::templates::default_templates;
use frontdesk::scheduling::*;
use frontdesk::store::{
    CLAIM_MINUTES, Edit, Joiner, MoveRequest, OutboxFilter, PLANNER, ReminderSettings, Secret,
    Start, Store, StoreError, TlsMode,
};

const NOW: &str = "2026-10-28T12:00:00Z";

/// A New York clinic with both channels set up and a patient who has an email and a phone.
pub fn clinic<B: TestBackend>() -> (Clinic1<B>, PatientId) {
    let mut c = Clinic1::<B>::fresh(chrono_tz::America::New_York);
    let mut settings = ReminderSettings::default();
    settings.smtp.host = "127.0.0.1".into();
    settings.smtp.port = 2525;
    settings.smtp.tls = TlsMode::None;
    settings.smtp.from = "Test Clinic <desk@clinic.example>".into();
    settings.webhook.url = "http://127.0.0.1:9/sms".into();
    c.store
        .save_reminder_settings(&settings, "admin", utc(NOW))
        .expect("settings");
    let mut nina = crate::common::patient(50, "Nina Shah", "+1 212 555 0100");
    nina.email = "nina@example.org".into();
    c.store.add_patient(&nina).expect("patient");
    (c, nina.id)
}

pub fn book<B: TestBackend>(c: &mut Clinic1<B>, patient: PatientId, start: &str) -> Appointment {
    c.book_ok(c.rao, None, patient, start, utc(NOW))
}

fn due<B: TestBackend>(c: &Clinic1<B>) -> Vec<frontdesk::store::OutboxEntry> {
    c.store
        .outbox(c.clinic, OutboxFilter::Due, 100)
        .expect("outbox")
}

fn skipped<B: TestBackend>(c: &Clinic1<B>) -> Vec<(SkipReason, DateTime<Utc>)> {
    c.store
        .outbox(c.clinic, OutboxFilter::Skipped, 100)
        .expect("outbox")
        .into_iter()
        .map(|e| match e.job.state {
            JobState::Skipped(r) => (r, e.job.planned_start),
            other => panic!("not skipped: {other:?}"),
        })
        .collect()
}

pub fn a_new_database_starts_with_two_rules_that_plan_nothing_until_set_up<B: TestBackend>() {
    let mut c = Clinic1::<B>::fresh(chrono_tz::America::New_York);
    let rules = c.store.reminder_rules().expect("rules");
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0].lead.describe(), "24 h before");
    assert_eq!(rules[0].channel, Channel::Email);
    // Each in English and in Hindi.
    assert_eq!(rules[0].templates, default_templates(Channel::Email));
    assert_eq!(rules[1].lead.describe(), "2 h before");
    assert_eq!(rules[1].templates, default_templates(Channel::Webhook));
    let mut nina = crate::common::patient(50, "Nina Shah", "+1 212 555 0100");
    nina.email = "nina@example.org".into();
    c.store.add_patient(&nina).expect("patient");
    c.book_ok(c.rao, None, nina.id, "2026-10-30 10:00", utc(NOW));
    assert_eq!(c.store.plan_reminders(utc(NOW)).expect("plan").created, 0);
    // Setting up the webhook alone plans the SMS only.
    let mut settings = c.store.reminder_settings().expect("settings");
    settings.webhook.url = "https://sms.example.org/send".into();
    c.store
        .save_reminder_settings(&settings, "admin", utc(NOW))
        .expect("save");
    assert_eq!(c.store.plan_reminders(utc(NOW)).expect("plan").created, 1);
    let due = due(&c);
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].job.channel, Channel::Webhook);
    assert_eq!(due[0].job.recipient, "+1 212 555 0100");
    assert_eq!(due[0].patient_name, "Nina Shah");
}

pub fn planning_follows_bookings_and_is_idempotent<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let a = book(&mut c, nina, "2026-10-30 10:00");
    let first = c.store.plan_reminders(utc(NOW)).expect("plan");
    assert_eq!((first.created, first.skipped), (2, 0));
    let again = c.store.plan_reminders(utc(NOW)).expect("plan again");
    assert_eq!((again.created, again.skipped, again.updated), (0, 0, 0));
    let due = due(&c);
    assert_eq!(
        due.iter().map(|e| e.job.due).collect::<Vec<_>>(),
        vec![
            a.interval.start - Duration::hours(24),
            a.interval.start - Duration::hours(2)
        ]
    );
    assert!(due.iter().all(|e| e.job.planned_start == a.interval.start));
}

pub fn a_moved_appointment_never_gets_a_reminder_for_its_old_time<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let a = book(&mut c, nina, "2026-10-30 10:00");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    let request = MoveRequest {
        appointment: a.id,
        start: Start::Local(c.local("2026-10-31 15:00")),
        doctor: None,
        room: None,
        overbook: None,
    };
    let moved = c
        .store
        .move_appointment(&request, "maria", utc(NOW))
        .expect("move")
        .appointment;
    // Claim long after both old reminders were due: only the new time's reminders come.
    let late = a.interval.start - Duration::minutes(30);
    let (plan, claimed) = c.store.claim_due_reminders(late, 50).expect("claim");
    assert_eq!((plan.skipped, plan.created), (2, 2));
    assert!(claimed.is_empty(), "nothing for the new time is due yet");
    assert_eq!(
        skipped(&c),
        vec![
            (SkipReason::Moved, a.interval.start),
            (SkipReason::Moved, a.interval.start)
        ]
    );
    let due = due(&c);
    assert_eq!(due.len(), 2);
    assert!(
        due.iter()
            .all(|e| e.job.planned_start == moved.interval.start)
    );
    let at_new = moved.interval.start - Duration::hours(1);
    let (_, claimed) = c.store.claim_due_reminders(at_new, 50).expect("claim");
    assert_eq!(claimed.len(), 2);
    assert!(claimed.iter().all(|r| r.start == moved.interval.start));
    assert!(
        claimed[0]
            .body
            .contains("Saturday 31 October 2026 at 15:00"),
        "{}",
        claimed[0].body
    );
}

pub fn cancelling_or_arriving_skips_pending_reminders_and_undo_brings_them_back<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let a = book(&mut c, nina, "2026-10-30 10:00");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    let before = c.store.appointment(a.id).expect("load").appointment;
    let cancel = StatusAction::Cancel {
        reason: "Travel".into(),
        by: CancelledBy::Patient,
    };
    c.store
        .change_status(a.id, &cancel, "maria", utc(NOW))
        .expect("cancel");
    assert_eq!(c.store.plan_reminders(utc(NOW)).expect("plan").skipped, 2);
    assert!(due(&c).is_empty());
    assert!(skipped(&c).iter().all(|(r, _)| *r == SkipReason::Cancelled));
    c.store
        .revert_status(a.id, Status::Cancelled, &before, "maria", utc(NOW))
        .expect("undo");
    assert_eq!(c.store.plan_reminders(utc(NOW)).expect("plan").reopened, 2);
    assert_eq!(due(&c).len(), 2);
    // The patient arrives early: the 2 h reminder is not sent.
    let b = book(&mut c, nina, "2026-10-28 15:00");
    let now = utc(NOW);
    c.store.plan_reminders(now).expect("plan");
    c.store
        .change_status(b.id, &StatusAction::CheckIn, "maria", now)
        .expect("check in");
    c.store.plan_reminders(now).expect("plan");
    let of_b = c.store.appointment_reminders(b.id).expect("reminders");
    assert!(
        of_b.iter()
            .all(|e| e.job.state == JobState::Skipped(SkipReason::Arrived)
                || e.job.state == JobState::Skipped(SkipReason::TooLate)),
        "{of_b:?}"
    );
}

pub fn no_contact_and_opt_out_are_skip_reasons<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    // Asha has a phone but no email.
    let asha = c.asha;
    book(&mut c, asha, "2026-10-30 10:00");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    assert_eq!(skipped(&c)[0].0, SkipReason::NoContact);
    assert_eq!(due(&c).len(), 1);
    book(&mut c, nina, "2026-10-30 11:00");
    c.store
        .set_reminder_opt_out(nina, true, "maria", utc(NOW))
        .expect("opt out");
    assert!(c.store.reminder_opt_out(nina).expect("read"));
    c.store.plan_reminders(utc(NOW)).expect("plan");
    let reasons: Vec<SkipReason> = skipped(&c).into_iter().map(|s| s.0).collect();
    assert_eq!(
        reasons
            .iter()
            .filter(|r| **r == SkipReason::OptedOut)
            .count(),
        2
    );
    let log = c.store.reminder_log(10).expect("log");
    assert_eq!(
        (log[0].action.as_str(), log[0].actor.as_str()),
        ("opted out", "maria")
    );
    let unknown = c
        .store
        .set_reminder_opt_out(PatientId(id(999)), true, "maria", utc(NOW))
        .expect_err("unknown patient");
    assert!(matches!(unknown, StoreError::NotFound { .. }));
}

pub fn claims_are_leased_failures_retry_with_back_off_and_sent_is_recorded<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let a = book(&mut c, nina, "2026-10-30 10:00");
    let email_due = a.interval.start - Duration::hours(24);
    let (_, early) = c
        .store
        .claim_due_reminders(email_due - Duration::minutes(1), 50)
        .expect("claim");
    assert!(early.is_empty());
    let (_, claimed) = c.store.claim_due_reminders(email_due, 50).expect("claim");
    assert_eq!(claimed.len(), 1);
    let r = &claimed[0];
    assert_eq!(
        (r.channel, r.recipient.as_str()),
        (Channel::Email, "nina@example.org")
    );
    assert_eq!(
        r.subject,
        "Reminder: your appointment on Friday 30 October 2026 at 10:00"
    );
    assert!(r.body.contains("Dear Nina Shah") && r.body.contains("Dr. Anjali Rao"));
    assert!(r.body.contains("1 Main Street"), "the address: {}", r.body);
    // Another sender finds it held until the lease ends.
    assert!(
        c.store
            .claim_due_reminders(email_due, 50)
            .expect("claim")
            .1
            .is_empty()
    );
    let lease_over = email_due + Duration::minutes(CLAIM_MINUTES);
    assert_eq!(
        c.store
            .claim_due_reminders(lease_over, 50)
            .expect("claim")
            .1
            .len(),
        1
    );
    // The server refuses: failed, retried after the back-off.
    let refused = Err("451 4.3.0 try again later".to_owned());
    let entry = c
        .store
        .record_delivery(r.id, &refused, lease_over)
        .expect("record");
    let retry = lease_over + backoff(1);
    assert_eq!(
        entry.job.state,
        JobState::Failed {
            error: "451 4.3.0 try again later".into(),
            retry_at: Some(retry)
        }
    );
    assert_eq!(entry.job.attempts, 1);
    assert_eq!(
        c.store.failed_reminders(c.clinic, utc(NOW)).expect("count"),
        1
    );
    // Once the visit is over, its failed reminder needs nothing more: the badge stops counting
    // it (the Failed list still shows it).
    let after_visit = utc("2026-10-31T12:00:00Z");
    assert_eq!(
        c.store
            .failed_reminders(c.clinic, after_visit)
            .expect("count"),
        0
    );
    assert_eq!(
        c.store
            .outbox(c.clinic, OutboxFilter::Failed, 10)
            .expect("failed")
            .len(),
        1
    );
    assert!(
        c.store
            .claim_due_reminders(retry - Duration::seconds(1), 50)
            .expect("claim")
            .1
            .is_empty()
    );
    let (_, again) = c.store.claim_due_reminders(retry, 50).expect("claim");
    assert_eq!(again.len(), 1);
    let entry = c
        .store
        .record_delivery(r.id, &Ok(()), retry)
        .expect("record");
    assert_eq!(entry.job.state, JobState::Sent { at: retry });
    let sent = c
        .store
        .outbox(c.clinic, OutboxFilter::Sent, 10)
        .expect("sent");
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0].body.contains("Dear Nina Shah"),
        "the text as sent is kept"
    );
    assert_eq!(
        c.store.failed_reminders(c.clinic, utc(NOW)).expect("count"),
        0
    );
    // Resend: pending again now, logged with who asked.
    let later = retry + Duration::minutes(3);
    c.store
        .resend_reminder(r.id, "maria", later)
        .expect("resend");
    let due_now: Vec<_> = due(&c).into_iter().filter(|e| e.id == r.id).collect();
    assert_eq!(due_now[0].job.state, JobState::Pending);
    let (_, resent) = c.store.claim_due_reminders(later, 50).expect("claim");
    assert_eq!(resent.len(), 1, "the next pass takes it");
    assert_eq!(resent[0].id, r.id);
    let log = c.store.reminder_log(1).expect("log");
    assert_eq!(
        (log[0].action.as_str(), log[0].actor.as_str()),
        ("resent", "maria")
    );
    let refused = c
        .store
        .resend_reminder(r.id, "maria", later)
        .expect_err("pending");
    assert!(
        refused
            .to_string()
            .contains("only a failed or sent reminder"),
        "{refused}"
    );
    // A sent reminder of an appointment that was cancelled since is not sent again: the
    // refusal says why, and the reminder stays sent.
    let sent_at = later + Duration::minutes(1);
    c.store
        .record_delivery(r.id, &Ok(()), sent_at)
        .expect("record");
    let cancel = StatusAction::Cancel {
        reason: "Travel".into(),
        by: CancelledBy::Patient,
    };
    c.store
        .change_status(a.id, &cancel, "maria", sent_at)
        .expect("cancel");
    let refused = c
        .store
        .resend_reminder(r.id, "maria", sent_at)
        .expect_err("cancelled");
    assert!(
        refused
            .to_string()
            .contains("the appointment was cancelled"),
        "{refused}"
    );
    let sent = c
        .store
        .outbox(c.clinic, OutboxFilter::Sent, 10)
        .expect("sent");
    assert!(sent.iter().any(|e| e.id == r.id), "still sent");
}

pub fn the_day_before_at_18_00_is_computed_in_the_clinic_zone_across_the_fall_back<
    B: TestBackend,
>() {
    let (mut c, nina) = clinic::<B>();
    let mut rules = c.store.reminder_rules().expect("rules");
    let mut evening = rules.remove(0);
    evening.lead = Lead::DaysBeforeAt {
        days: 1,
        at: NaiveTime::from_hms_opt(18, 0, 0).expect("time"),
    };
    c.store
        .save_reminder_rule(&evening, "admin", utc(NOW))
        .expect("save");
    let a = book(&mut c, nina, "2026-11-02 09:00");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    let of_a = c.store.appointment_reminders(a.id).expect("reminders");
    // 18:00 EST on Sunday 1 November, after the clocks went back.
    assert_eq!(of_a[0].job.due, utc("2026-11-01T23:00:00Z"));
}

pub fn rules_are_checked_and_turning_one_off_skips_its_reminders<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    book(&mut c, nina, "2026-10-30 10:00");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    let mut rules = c.store.reminder_rules().expect("rules");
    let mut bad = rules[0].clone();
    bad.templates.set(
        Language::English,
        Template {
            subject: "Hello".into(),
            body: "Hello {name}".into(),
        },
    );
    let e = c
        .store
        .save_reminder_rule(&bad, "admin", utc(NOW))
        .expect_err("unknown placeholder");
    assert!(e.to_string().contains("{name} is not a placeholder"), "{e}");
    assert_eq!(
        c.store.reminder_rules().expect("rules")[0],
        rules[0],
        "nothing changed"
    );
    rules[1].active = false;
    c.store
        .save_reminder_rule(&rules[1], "admin", utc(NOW))
        .expect("turn off");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    assert_eq!(skipped(&c)[0].0, SkipReason::RuleOff);
    assert_eq!(due(&c).len(), 1);
    let log = c.store.reminder_log(5).expect("log");
    assert_eq!(log[0].action, "rule saved");
    assert!(log[0].detail.contains("\"active\":false"), "{:?}", log[0]);
    // The setup history (the Settings page's) shows it too.
    let history = c
        .store
        .setup_history(Some(&rules[1].id.to_string()), 5)
        .expect("history");
    assert_eq!(
        (history[0].entity_kind.as_str(), history[0].action.as_str()),
        ("reminder_rule", "updated")
    );
}

pub fn settings_round_trip_are_checked_and_never_show_the_password<B: TestBackend>() {
    let (mut c, _) = clinic::<B>();
    let mut s = c.store.reminder_settings().expect("settings");
    s.smtp.host = "smtp.clinic.example".into();
    s.smtp.tls = TlsMode::StartTls;
    s.smtp.port = 587;
    s.smtp.user = "reminders".into();
    s.smtp.password = Secret::new("hunter2-secret");
    s.webhook.token = Secret::new("tok-123456");
    c.store
        .save_reminder_settings(&s, "admin", utc(NOW))
        .expect("save");
    let back = c.store.reminder_settings().expect("load");
    assert_eq!(back, s);
    assert_eq!(back.smtp.password.expose(), "hunter2-secret");
    let shown = format!("{back:?}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("tok-123456"),
        "{shown}"
    );
    assert!(shown.contains("Secret(***)"));
    let log = c.store.reminder_log(1).expect("log");
    assert!(log[0].detail.contains("smtp_password"), "{:?}", log[0]);
    assert!(!log[0].detail.contains("hunter2"));
    assert!(log[0].detail.contains("(set)"), "{:?}", log[0]);
    let all = c.store.setup_history(None, 50).expect("history");
    assert!(!format!("{all:?}").contains("hunter2") && !format!("{all:?}").contains("tok-123456"));
    for (field, broken, words) in [
        ("from", "not an address", "sender must be an email address"),
        (
            "url",
            "ftp://sms.example.org",
            "webhook URL must be a web address",
        ),
        ("pattern", "meet.jit.si", "meeting link pattern"),
        ("host", "smtp clinic", "SMTP host"),
    ] {
        let mut bad = back.clone();
        match field {
            "from" => bad.smtp.from = broken.into(),
            "url" => bad.webhook.url = broken.into(),
            "pattern" => bad.meeting_pattern = broken.into(),
            _ => bad.smtp.host = broken.into(),
        }
        let e = c
            .store
            .save_reminder_settings(&bad, "admin", utc(NOW))
            .expect_err(field);
        assert!(e.to_string().contains(words), "{field}: {e}");
        assert_eq!(
            c.store.reminder_settings().expect("load"),
            back,
            "nothing changed"
        );
    }
}

pub fn video_visits_get_a_meeting_link_and_joining_is_audited<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let mut request = c.request(c.rao, None, nina, "2026-10-30 10:00");
    request.mode = Mode::Video;
    let a = c
        .store
        .book(&request, "maria", utc(NOW))
        .expect("book")
        .appointment;
    assert!(
        a.meeting_link.starts_with("https://meet.jit.si/frontdesk-"),
        "{}",
        a.meeting_link
    );
    assert!(a.meeting_link.len() > "https://meet.jit.si/frontdesk-".len() + 16);
    let mut other = c.request(c.mehta, None, nina, "2026-10-30 11:00");
    other.mode = Mode::Video;
    let b = c
        .store
        .book(&other, "maria", utc(NOW))
        .expect("book")
        .appointment;
    assert_ne!(
        a.meeting_link, b.meeting_link,
        "each visit has its own room"
    );
    // The reminder says where to join.
    let (_, claimed) = c
        .store
        .claim_due_reminders(a.interval.start - Duration::hours(2), 50)
        .expect("claim");
    let email = claimed
        .iter()
        .find(|r| r.appointment == a.id && r.channel == Channel::Email)
        .expect("email reminder");
    assert!(
        email
            .body
            .contains(&format!("Join the video call: {}", a.meeting_link))
    );
    // Joining is recorded.
    c.store
        .record_joined(a.id, Joiner::Doctor, "dr rao", utc(NOW))
        .expect("doctor joined");
    c.store
        .record_joined(a.id, Joiner::Patient, "maria", utc(NOW))
        .expect("patient joined");
    let history = c.store.history(a.id).expect("history");
    let actions: Vec<(&str, &str)> = history
        .iter()
        .map(|h| (h.action.as_str(), h.actor.as_str()))
        .collect();
    assert!(
        actions.contains(&("doctor_joined", "dr rao")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&("patient_joined", "maria")),
        "{actions:?}"
    );
    // Not for in-clinic visits.
    let clinic_visit = book(&mut c, nina, "2026-10-30 15:00");
    let e = c
        .store
        .record_joined(clinic_visit.id, Joiner::Patient, "maria", utc(NOW))
        .expect_err("in clinic");
    assert!(e.to_string().contains("video consultations only"), "{e}");
    // Switching a visit to video gives it a link; a pasted link is kept.
    let edit = Edit {
        reason: String::new(),
        notes: String::new(),
        mode: Mode::Video,
        meeting_link: String::new(),
    };
    let edited = c
        .store
        .edit(clinic_visit.id, &edit, "maria", utc(NOW))
        .expect("edit");
    assert!(edited.meeting_link.starts_with("https://meet.jit.si/"));
    let pasted = Edit {
        meeting_link: "https://zoom.example/j/123".into(),
        ..edit
    };
    let edited = c
        .store
        .edit(clinic_visit.id, &pasted, "maria", utc(NOW))
        .expect("edit");
    assert_eq!(edited.meeting_link, "https://zoom.example/j/123");
    // Something that is not a web address is refused with what to paste, and changes nothing.
    let junk = Edit {
        meeting_link: "zoom 123 456".into(),
        ..pasted
    };
    let e = c
        .store
        .edit(clinic_visit.id, &junk, "maria", utc(NOW))
        .expect_err("not a link");
    assert!(e.to_string().contains("is not a meeting link"), "{e}");
    assert_eq!(
        c.store
            .appointment(clinic_visit.id)
            .expect("load")
            .appointment
            .meeting_link,
        "https://zoom.example/j/123"
    );
}

/// A video visit imported from a file that gives it no meeting link, through the store's import.
fn imported_video_visit_without_a_link<B: TestBackend>(
    c: &mut Clinic1<B>,
    patient: PatientId,
    start: &str,
) -> Appointment {
    let id = AppointmentId(uuid::Uuid::from_u128(0x51de));
    let text = format!(
        "id,start_local,minutes,doctor,patient_id,mode,meeting_link\n\
         {},{start},15,Dr. Anjali Rao,{},video,\n",
        id.0, patient.0
    );
    let parsed = frontdesk::import::appointments::parse_csv(&text).expect("csv");
    let options = frontdesk::import::ImportOptions {
        clinic: c.clinic,
        dry_run: false,
        overbook: None,
        source: "visits.csv".into(),
        default_doctor: None,
    };
    let report = c
        .store
        .import_appointments(&parsed, &options, "maria", utc(NOW), &mut |_| {})
        .expect("import");
    assert!(report.bad.is_empty(), "{:?}", report.bad);
    let appointment = c.store.appointment(id).expect("imported").appointment;
    assert_eq!(
        (appointment.mode, appointment.meeting_link.as_str()),
        (Mode::Video, "")
    );
    appointment
}

pub fn the_plan_pass_gives_a_video_visit_without_a_link_one_from_the_pattern<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let mut s = c.store.reminder_settings().expect("settings");
    s.meeting_pattern = "https://video.clinic.example/room/{id}".into();
    c.store
        .save_reminder_settings(&s, "admin", utc(NOW))
        .expect("save");
    let mut request = c.request(c.rao, None, nina, "2026-10-30 10:00");
    request.mode = Mode::Video;
    let a = c
        .store
        .book(&request, "maria", utc(NOW))
        .expect("book")
        .appointment;
    assert!(
        a.meeting_link
            .starts_with("https://video.clinic.example/room/frontdesk-")
    );
    // An imported visit without a link (a file may carry none).
    let a = imported_video_visit_without_a_link(&mut c, nina, "2026-10-30 11:00");
    assert_eq!(c.store.plan_reminders(utc(NOW)).expect("plan").links, 1);
    let entry = c.store.appointment(a.id).expect("load");
    assert!(
        entry
            .appointment
            .meeting_link
            .starts_with("https://video.clinic.example/room/")
    );
    let history = c.store.history(a.id).expect("history");
    let last = history.last().expect("event");
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("edited", PLANNER)
    );
    assert_eq!(c.store.plan_reminders(utc(NOW)).expect("plan").links, 0);
}

pub fn a_rule_for_one_clinic_reminds_only_of_that_clinics_appointments<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    book(&mut c, nina, "2026-10-30 10:00");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    assert_eq!(due(&c).len(), 2, "both starting rules are for every clinic");
    // A second clinic of the same database.
    let mut north = c.store.clinics().expect("clinics")[0].clone();
    north.id = ClinicId(id(900));
    north.name = "North Branch".into();
    c.store
        .save_clinic(&north, "admin", utc(NOW))
        .expect("second clinic");
    // The SMS rule is now for the north branch only: this clinic's pending SMS is skipped.
    let mut rules = c.store.reminder_rules().expect("rules");
    assert_eq!(rules[1].clinic, None);
    rules[1].clinic = Some(north.id);
    c.store
        .save_reminder_rule(&rules[1], "admin", utc(NOW))
        .expect("save");
    assert_eq!(
        c.store.reminder_rules().expect("rules")[1].clinic,
        Some(north.id)
    );
    c.store.plan_reminders(utc(NOW)).expect("plan");
    let left: Vec<Channel> = due(&c).iter().map(|e| e.job.channel).collect();
    assert_eq!(left, vec![Channel::Email]);
    assert_eq!(skipped(&c)[0].0, SkipReason::RuleOff);
    let log = c.store.reminder_log(1).expect("log");
    assert!(
        log[0].detail.contains(&north.id.to_string()),
        "{:?}",
        log[0]
    );
    // Each clinic's outbox holds its own appointments' reminders only.
    assert!(
        c.store
            .outbox(north.id, OutboxFilter::Skipped, 100)
            .expect("outbox")
            .is_empty()
    );
    // Back to this clinic: the reminder is wanted again.
    rules[1].clinic = Some(c.clinic);
    c.store
        .save_reminder_rule(&rules[1], "admin", utc(NOW))
        .expect("save");
    c.store.plan_reminders(utc(NOW)).expect("plan");
    assert_eq!(due(&c).len(), 2);
    // A clinic that is not in the database is refused, with what to do, and changes nothing.
    rules[1].clinic = Some(ClinicId(id(901)));
    let e = c
        .store
        .save_reminder_rule(&rules[1], "admin", utc(NOW))
        .expect_err("unknown clinic");
    assert!(e.to_string().contains("choose one of its clinics"), "{e}");
    assert_eq!(
        c.store.reminder_rules().expect("rules")[1].clinic,
        Some(c.clinic)
    );
}
