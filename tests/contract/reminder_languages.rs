//! Reminders in the patient's language, through the `Store` trait: each reminder goes out in
//! the patient's own language when its rule is written in it, else in the clinic's, else in
//! English; the date and the `{where}` words are in the text's language; a patient's language
//! is kept, changed, cleared and logged; a rule's texts by language are kept whole.

use crate::common::{TestBackend, patient, utc};
use crate::contract::reminders::{book, clinic};
use chrono::Duration;
use frontdesk::i18n::Language;
use frontdesk::scheduling::reminder::{Channel, Template};
use frontdesk::scheduling::templates::{Templates, default_template_in};
use frontdesk::scheduling::*;
use frontdesk::store::{DueReminder, Store, StoreError};

const NOW: &str = "2026-10-28T12:00:00Z";

/// The email reminders due at `at`, by recipient.
fn emails<S: Store>(store: &mut S, at: &str) -> std::collections::HashMap<String, DueReminder> {
    let (_, claimed) = store.claim_due_reminders(utc(at), 50).expect("claim");
    claimed
        .into_iter()
        .filter(|r| r.channel == Channel::Email)
        .map(|r| (r.recipient.clone(), r))
        .collect()
}

pub fn each_reminder_goes_out_in_the_patients_language_else_the_clinics<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let mut ravi = patient(51, "रवि वर्मा", "+1 212 555 0101");
    ravi.email = "ravi@example.org".into();
    let mut emma = patient(52, "Emma Stone", "+1 212 555 0102");
    emma.email = "emma@example.org".into();
    for p in [&ravi, &emma] {
        c.store.add_patient(p).expect("patient");
    }
    assert_eq!(c.store.patient_language(nina).expect("read"), None);
    c.store
        .set_patient_language(ravi.id, Some(Language::Hindi), "maria", utc(NOW))
        .expect("hindi");
    c.store
        .set_patient_language(emma.id, Some(Language::English), "maria", utc(NOW))
        .expect("english");
    book(&mut c, nina, "2026-10-30 10:00");
    book(&mut c, ravi.id, "2026-10-30 11:00");
    book(&mut c, emma.id, "2026-10-30 12:00");
    // Every email of the three is due 24 h before (New York, 14:00–16:00 UTC the day before).
    let sent = emails(&mut c.store, "2026-10-29T17:00:00Z");
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert_eq!(
        sent["nina@example.org"].subject,
        "Reminder: your appointment on Friday 30 October 2026 at 10:00"
    );
    let hindi = &sent["ravi@example.org"];
    assert_eq!(hindi.language, Language::Hindi);
    assert_eq!(sent["nina@example.org"].language, Language::English);
    assert_eq!(
        hindi.subject,
        "रिमाइंडर: शुक्रवार, 30 अक्तूबर 2026 को 11:00 बजे आपका अपॉइंटमेंट"
    );
    assert!(hindi.body.starts_with("प्रिय रवि वर्मा,\n"), "{}", hindi.body);
    assert!(
        hindi.body.contains("Dr. Anjali Rao के साथ"),
        "{}",
        hindi.body
    );
    assert!(hindi.body.contains("1 Main Street"), "{}", hindi.body);
    assert!(!hindi.body.contains("Dear") && !hindi.body.contains("October"));
    assert!(sent["emma@example.org"].subject.starts_with("Reminder: "));

    // The clinic's language now Hindi: a patient without one of their own gets Hindi; one who
    // chose English keeps it.
    c.store
        .set_clinic_language(Language::Hindi, "admin", utc(NOW))
        .expect("hindi");
    assert_eq!(c.store.clinic_language().expect("read"), Language::Hindi);
    assert_eq!(
        c.store.reminder_settings().expect("settings").language,
        Language::Hindi
    );
    // Saving the channels (say, a form read before) leaves the clinic's language as it is.
    let mut stale = c.store.reminder_settings().expect("settings");
    stale.language = Language::English;
    c.store
        .save_reminder_settings(&stale, "admin", utc(NOW))
        .expect("save");
    assert_eq!(c.store.clinic_language().expect("read"), Language::Hindi);
    book(&mut c, nina, "2026-11-03 10:00");
    book(&mut c, emma.id, "2026-11-03 11:00");
    let sent = emails(&mut c.store, "2026-11-02T17:00:00Z");
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(
        sent["nina@example.org"].subject,
        "रिमाइंडर: मंगलवार, 3 नवंबर 2026 को 10:00 बजे आपका अपॉइंटमेंट"
    );
    assert!(sent["emma@example.org"].subject.starts_with("Reminder: "));

    // A rule not written in Hindi: a Hindi patient gets its English text, with the date in
    // English (the text's language), not a Hindi date inside an English sentence.
    let mut rules = c.store.reminder_rules().expect("rules");
    rules[0].templates.set(
        Language::Hindi,
        Template {
            subject: String::new(),
            body: String::new(),
        },
    );
    c.store
        .save_reminder_rule(&rules[0], "admin", utc(NOW))
        .expect("save");
    assert_eq!(
        c.store.reminder_rules().expect("rules")[0]
            .templates
            .get(Language::Hindi),
        None
    );
    book(&mut c, ravi.id, "2026-11-04 10:00");
    let sent = emails(&mut c.store, "2026-11-03T17:00:00Z");
    assert_eq!(
        sent["ravi@example.org"].subject,
        "Reminder: your appointment on Wednesday 4 November 2026 at 10:00"
    );
}

pub fn the_where_words_and_the_link_are_in_the_texts_language<B: TestBackend>() {
    let (mut c, _) = clinic::<B>();
    let mut ravi = patient(51, "रवि वर्मा", "+1 212 555 0101");
    ravi.email = "ravi@example.org".into();
    c.store.add_patient(&ravi).expect("patient");
    c.store
        .set_patient_language(ravi.id, Some(Language::Hindi), "maria", utc(NOW))
        .expect("hindi");
    let mut video = c.request(c.rao, None, ravi.id, "2026-10-30 10:00");
    video.mode = Mode::Video;
    let a = c
        .store
        .book(&video, "maria", utc(NOW))
        .expect("book")
        .appointment;
    let mut phone = c.request(c.mehta, None, ravi.id, "2026-10-30 12:00");
    phone.mode = Mode::Phone;
    c.store.book(&phone, "maria", utc(NOW)).expect("book");
    let (_, claimed) = c
        .store
        .claim_due_reminders(
            a.interval.start + Duration::hours(2) - Duration::hours(24),
            50,
        )
        .expect("claim");
    let bodies: Vec<&str> = claimed.iter().map(|r| r.body.as_str()).collect();
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    assert!(
        bodies
            .iter()
            .any(|b| b.contains(&format!("वीडियो कॉल से जुड़ें: {}", a.meeting_link))),
        "{bodies:?}"
    );
    assert!(
        bodies
            .iter()
            .any(|b| b.contains("फ़ोन पर; डॉक्टर आपको कॉल करेंगे")),
        "{bodies:?}"
    );
}

pub fn a_patients_language_is_kept_changed_cleared_and_logged<B: TestBackend>() {
    let (mut c, nina) = clinic::<B>();
    let at = utc(NOW);
    c.store
        .set_patient_language(nina, Some(Language::Hindi), "maria", at)
        .expect("set");
    assert_eq!(
        c.store.patient_language(nina).expect("read"),
        Some(Language::Hindi)
    );
    // The same again changes and logs nothing.
    let logged = c.store.reminder_log(50).expect("log").len();
    c.store
        .set_patient_language(nina, Some(Language::Hindi), "maria", at)
        .expect("same");
    assert_eq!(c.store.reminder_log(50).expect("log").len(), logged);
    c.store
        .set_patient_language(nina, None, "maria", at + Duration::minutes(1))
        .expect("clear");
    assert_eq!(c.store.patient_language(nina).expect("read"), None);
    let log = c.store.reminder_log(2).expect("log");
    assert_eq!(log[0].action, "language set");
    assert_eq!(log[0].actor, "maria");
    // What was chosen, and nothing else (the patient is the entry's id, not their name).
    assert_eq!(log[0].detail, r#"{"language":"clinic"}"#);
    assert_eq!(log[1].detail, r#"{"language":"hi"}"#);
    // An unknown patient is refused and nothing is stored.
    let nobody = PatientId(uuid::Uuid::from_u128(999));
    let refused = c
        .store
        .set_patient_language(nobody, Some(Language::Hindi), "maria", at)
        .expect_err("no such patient");
    assert!(
        matches!(refused, StoreError::NotFound { .. }),
        "{refused:?}"
    );
    assert_eq!(c.store.patient_language(nobody).expect("read"), None);
    // A change needs someone to record it under.
    assert!(
        c.store
            .set_patient_language(nina, Some(Language::English), " ", at)
            .is_err()
    );
    assert_eq!(c.store.patient_language(nina).expect("read"), None);
}

pub fn a_rules_texts_are_kept_by_language_and_each_is_checked<B: TestBackend>() {
    let (mut c, _) = clinic::<B>();
    let mut rule = c.store.reminder_rules().expect("rules")[1].clone();
    // Hindi only.
    rule.templates = Templates::one(
        Language::Hindi,
        default_template_in(Language::Hindi, Channel::Webhook),
    );
    c.store
        .save_reminder_rule(&rule, "admin", utc(NOW))
        .expect("hindi only");
    let kept = c.store.reminder_rules().expect("rules")[1].clone();
    assert_eq!(kept.templates, rule.templates);
    assert_eq!(kept.templates.get(Language::English), None);
    // A text with a subject and no message is refused, naming its language; nothing changes.
    rule.templates.set(
        Language::English,
        Template {
            subject: "Reminder".into(),
            body: " \n".into(),
        },
    );
    let refused = c
        .store
        .save_reminder_rule(&rule, "admin", utc(NOW))
        .expect_err("empty English message");
    assert!(refused.to_string().contains("English"), "{refused}");
    assert_eq!(c.store.reminder_rules().expect("rules")[1], kept);
    // No text at all is refused.
    rule.templates = Templates::default();
    let refused = c
        .store
        .save_reminder_rule(&rule, "admin", utc(NOW))
        .expect_err("no text");
    assert!(matches!(refused, StoreError::Invalid(_)), "{refused:?}");
    assert_eq!(c.store.reminder_rules().expect("rules")[1], kept);
    // The log keeps both texts of a rule saved with both.
    let mut both = kept.clone();
    both.templates.set(
        Language::English,
        default_template_in(Language::English, Channel::Webhook),
    );
    c.store
        .save_reminder_rule(&both, "admin", utc(NOW))
        .expect("both");
    let log = c.store.reminder_log(1).expect("log");
    assert!(
        log[0].detail.contains("\"language\":\"en\"")
            && log[0].detail.contains("\"language\":\"hi\""),
        "{:?}",
        log[0]
    );
}
