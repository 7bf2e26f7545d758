//! Reminder setup, on either engine: rules with their texts in each language, channel settings
//! and the clinic's language, patients' opt-outs and preferred languages, each change recorded
//! in the shared `setup_audit` (kinds `reminder_rule`, `reminder_settings`, `reminder_opt_out`,
//! `patient_language`, `reminder_job`). Functions run in the caller's transaction.

use super::sql;
use super::sql::{Db, OptionalExtension, params};
use chrono::{DateTime, NaiveTime, Utc};
use serde_json::{Value, json};

use super::codec::{bad, secs};
use super::error::{Result, StoreError};
use super::reminder_model::{ReminderLogEntry, ReminderSettings, Secret, TlsMode};
use super::setup_audit::{self, SetupChangeRecord};
use crate::i18n::Language;
use crate::scheduling::VisitTypeId;
use crate::scheduling::reminder::{Channel, Lead, ReminderRule, RuleId, Template};
use crate::scheduling::template::check_pattern;
use crate::scheduling::templates::Templates;
use crate::scheduling::{ClinicId, PatientId};

const RULE_COLUMNS: &str = "id, name, lead_kind, lead_minutes, lead_days, visit_type_id, channel, \
    active, clinic_id";

fn rule(row: &sql::Row<'_>) -> sql::Result<ReminderRule> {
    let kind: String = row.get(2)?;
    let minutes: u32 = row.get(3)?;
    let days: u8 = row.get(4)?;
    let lead = match kind.as_str() {
        "before" => Lead::Before { minutes },
        _ => Lead::DaysBeforeAt {
            days,
            at: NaiveTime::from_num_seconds_from_midnight_opt(minutes * 60, 0)
                .ok_or_else(|| bad(3, format!("minute of day {minutes}")))?,
        },
    };
    let channel: String = row.get(6)?;
    Ok(ReminderRule {
        id: RuleId(row.get(0)?),
        name: row.get(1)?,
        lead,
        visit_type: row.get::<Option<uuid::Uuid>>(5)?.map(VisitTypeId),
        clinic: row.get::<Option<uuid::Uuid>>(8)?.map(ClinicId),
        channel: Channel::parse(&channel).ok_or_else(|| bad(6, format!("channel '{channel}'")))?,
        templates: Templates::default(),
        active: row.get(7)?,
    })
}

/// Every rule, in the order staff set them up, with its texts (a text in a language this
/// build does not know is left out).
pub fn rules(conn: &Db) -> sql::Result<Vec<ReminderRule>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RULE_COLUMNS} FROM reminder_rule ORDER BY position, name"
    ))?;
    let mut rules: Vec<ReminderRule> = stmt
        .query_map(params![], rule)?
        .collect::<sql::Result<_>>()?;
    let mut texts =
        conn.prepare_cached("SELECT rule_id, language, subject, body FROM reminder_template")?;
    let rows = texts.query_map(params![], |r| {
        Ok((
            RuleId(r.get(0)?),
            r.get::<String>(1)?,
            Template {
                subject: r.get(2)?,
                body: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (id, code, text) = row?;
        if let (Some(rule), Some(language)) = (
            rules.iter_mut().find(|r| r.id == id),
            Language::from_locale(&code),
        ) {
            rule.templates.set(language, text);
        }
    }
    Ok(rules)
}

/// Records a reminder setup change in the shared setup audit.
pub fn log(
    conn: &Db,
    actor: &str,
    now: DateTime<Utc>,
    change: SetupChangeRecord<'_>,
) -> sql::Result<()> {
    setup_audit::record(conn, now, actor, change)
}

/// The words staff read for a setup audit row of a reminder kind.
fn log_action(kind: &str, action: &str) -> String {
    match (kind, action) {
        ("reminder_opt_out", "created") => "opted out".into(),
        ("reminder_opt_out", _) => "opted in".into(),
        ("reminder_job", a) => a.into(),
        ("reminder_rule", _) => "rule saved".into(),
        ("patient_language", _) => "language set".into(),
        ("reminder_settings", _) => "settings saved".into(),
        (k, a) => format!("{k} {a}"),
    }
}

/// The latest reminder setup changes (rules, settings, opt-outs, resends), newest first.
pub fn log_entries(conn: &Db, limit: usize) -> sql::Result<Vec<ReminderLogEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at_utc, actor, entity_kind, action, coalesce(after, before, '') FROM setup_audit \
         WHERE entity_kind IN ('reminder_rule', 'reminder_settings', 'reminder_opt_out', \
         'patient_language', 'reminder_job') ORDER BY id DESC LIMIT ?1",
    )?;
    stmt.query_map([limit], |r| {
        let kind: String = r.get(2)?;
        let action: String = r.get(3)?;
        Ok(ReminderLogEntry {
            at: super::codec::instant(0, r.get(0)?)?,
            actor: r.get(1)?,
            action: log_action(&kind, &action),
            detail: r.get(4)?,
        })
    })?
    .collect()
}

/// A rule as the setup audit keeps it.
fn rule_json(rule: &ReminderRule) -> Value {
    json!({
        "name": rule.name.trim(),
        "lead": rule.lead.describe(),
        "visit_type": rule.visit_type.map(|v| v.to_string()),
        "clinic": rule.clinic.map(|c| c.to_string()),
        "channel": rule.channel.as_str(),
        "texts": rule.templates.iter().map(|(language, text)| json!({
            "language": language.code(),
            "subject": text.subject,
            "body": text.body,
        })).collect::<Vec<_>>(),
        "active": rule.active,
    })
}

/// Checks a rule (its numbers and its texts) before it is stored.
pub fn validate_rule(rule: &ReminderRule) -> Result<()> {
    rule.validate()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    rule.templates
        .check()
        .map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Adds or replaces a rule, and logs it.
pub fn save_rule(tx: &Db, rule: &ReminderRule, actor: &str, now: DateTime<Utc>) -> Result<()> {
    validate_rule(rule)?;
    let (kind, minutes, days) = match rule.lead {
        Lead::Before { minutes } => ("before", minutes, 0),
        Lead::DaysBeforeAt { days, at } => (
            "days_before_at",
            chrono::Timelike::num_seconds_from_midnight(&at) / 60,
            days,
        ),
    };
    if let Some(clinic) = rule.clinic {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM clinic WHERE id = ?1)",
            [clinic.0],
            |r| r.get(0),
        )?;
        if !known {
            return Err(StoreError::Invalid(crate::t!(
                "store-reminder-unknown-clinic",
                clinic = clinic.to_string()
            )));
        }
    }
    let before = rules(tx)?.into_iter().find(|r| r.id == rule.id);
    // The rule's English text (or its first) in the columns a desk still running version 14
    // sends from, until it is restarted.
    let legacy = rule
        .templates
        .choose(None, Language::English)
        .map(|(_, text)| text.clone())
        .unwrap_or(Template {
            subject: String::new(),
            body: String::new(),
        });
    let position: i64 = tx.query_row(
        "SELECT coalesce((SELECT position FROM reminder_rule WHERE id = ?1), \
         (SELECT coalesce(max(position), 0) + 1 FROM reminder_rule))",
        [rule.id.0],
        |r| r.get(0),
    )?;
    tx.prepare_cached(
        "INSERT INTO reminder_rule (id, name, lead_kind, lead_minutes, lead_days, visit_type_id, \
         channel, active, position, clinic_id, subject, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT (id) DO UPDATE SET name = ?2, lead_kind = ?3, lead_minutes = ?4, \
         lead_days = ?5, visit_type_id = ?6, channel = ?7, active = ?8, clinic_id = ?10, \
         subject = ?11, body = ?12",
    )?
    .execute(params![
        rule.id.0,
        rule.name.trim(),
        kind,
        minutes,
        days,
        rule.visit_type.map(|v| v.0),
        rule.channel.as_str(),
        rule.active,
        position,
        rule.clinic.map(|c| c.0),
        legacy.subject,
        legacy.body
    ])?;
    // The rule's texts, whole: a language whose text was cleared is gone (its patients get
    // the clinic's language); texts in languages this build does not know are kept.
    for language in Language::ALL {
        tx.prepare_cached("DELETE FROM reminder_template WHERE rule_id = ?1 AND language = ?2")?
            .execute(params![rule.id.0, language.code()])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO reminder_template (rule_id, language, subject, body) \
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (language, text) in rule.templates.iter() {
        insert.execute(params![rule.id.0, language.code(), text.subject, text.body])?;
    }
    let change = SetupChangeRecord {
        kind: "reminder_rule",
        id: rule.id.to_string(),
        action: if before.is_some() {
            "updated"
        } else {
            "created"
        },
        before: before.as_ref().map(rule_json),
        after: Some(rule_json(rule)),
    };
    log(tx, actor, now, change)?;
    Ok(())
}

const KEYS: [&str; 9] = [
    "smtp_host",
    "smtp_port",
    "smtp_tls",
    "smtp_user",
    "smtp_password",
    "smtp_from",
    "webhook_url",
    "webhook_token",
    "meeting_pattern",
];

fn get(conn: &Db, key: &str) -> sql::Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM reminder_setting WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
}

/// Stores one setting.
fn put(tx: &Db, key: &str, value: &str) -> sql::Result<()> {
    tx.prepare_cached(
        "INSERT INTO reminder_setting (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = ?2",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// The channel settings (defaults where nothing is stored).
pub fn settings(conn: &Db) -> sql::Result<ReminderSettings> {
    let mut s = ReminderSettings::default();
    if let Some(v) = get(conn, "smtp_host")? {
        s.smtp.host = v;
    }
    if let Some(v) = get(conn, "smtp_tls")? {
        s.smtp.tls = TlsMode::parse(&v).ok_or_else(|| bad(0, format!("TLS mode '{v}'")))?;
        s.smtp.port = s.smtp.tls.usual_port();
    }
    if let Some(v) = get(conn, "smtp_port")? {
        s.smtp.port = v.parse().map_err(|_| bad(0, format!("port '{v}'")))?;
    }
    if let Some(v) = get(conn, "smtp_user")? {
        s.smtp.user = v;
    }
    if let Some(v) = get(conn, "smtp_password")? {
        s.smtp.password = Secret::new(v);
    }
    if let Some(v) = get(conn, "smtp_from")? {
        s.smtp.from = v;
    }
    if let Some(v) = get(conn, "webhook_url")? {
        s.webhook.url = v;
    }
    if let Some(v) = get(conn, "webhook_token")? {
        s.webhook.token = Secret::new(v);
    }
    if let Some(v) = get(conn, "meeting_pattern")? {
        s.meeting_pattern = v;
    }
    // A language this build does not know (written by a later version) reads as English.
    if let Some(v) = get(conn, "language")? {
        s.language = Language::from_locale(&v).unwrap_or_default();
    }
    Ok(s)
}

fn values(s: &ReminderSettings) -> [String; 9] {
    [
        s.smtp.host.trim().to_owned(),
        s.smtp.port.to_string(),
        s.smtp.tls.as_str().to_owned(),
        s.smtp.user.trim().to_owned(),
        s.smtp.password.expose().to_owned(),
        s.smtp.from.trim().to_owned(),
        s.webhook.url.trim().to_owned(),
        s.webhook.token.expose().to_owned(),
        s.meeting_pattern.trim().to_owned(),
    ]
}

/// Checks settings: a sender that looks like an address, a web address for the webhook, a
/// usable meeting-link pattern, a port.
pub fn validate_settings(s: &ReminderSettings) -> Result<()> {
    let invalid = |m: String| Err(StoreError::Invalid(m));
    if !s.smtp.host.trim().is_empty() {
        if s.smtp.host.trim().contains(char::is_whitespace) || s.smtp.host.contains('/') {
            return invalid(crate::t!("store-reminder-smtp-host"));
        }
        if s.smtp.port == 0 {
            return invalid(crate::t!("store-reminder-smtp-port"));
        }
        let from = s.smtp.from.trim();
        if from.is_empty() || from.parse::<lettre::message::Mailbox>().is_err() {
            return invalid(crate::t!("store-reminder-smtp-from"));
        }
    }
    let url = s.webhook.url.trim();
    if !url.is_empty() {
        let has_host = url
            .parse::<ureq::http::Uri>()
            .ok()
            .and_then(|u| u.host().map(|h| !h.is_empty()))
            .unwrap_or(false);
        let web = url.starts_with("https://") || url.starts_with("http://");
        if !web || url.contains(char::is_whitespace) || !has_host {
            return invalid(crate::t!("store-reminder-webhook-url"));
        }
    }
    check_pattern(&s.meeting_pattern).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Stores the settings and logs which of them changed (never the password itself).
pub fn save_settings(
    tx: &Db,
    new: &ReminderSettings,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    validate_settings(new)?;
    let old = values(&settings(tx)?);
    let mut changed = Vec::new();
    let (mut was, mut is) = (serde_json::Map::new(), serde_json::Map::new());
    for ((key, value), before) in KEYS.iter().zip(values(new)).zip(old) {
        if value != before {
            put(tx, key, &value)?;
            changed.push(*key);
            // A secret is recorded as set or not, never as itself.
            let shown = |v: &str| {
                if key.ends_with("password") || key.ends_with("token") {
                    json!(if v.is_empty() { "(none)" } else { "(set)" })
                } else {
                    json!(v)
                }
            };
            was.insert((*key).into(), shown(&before));
            is.insert((*key).into(), shown(&value));
        }
    }
    if !changed.is_empty() {
        let change = SetupChangeRecord {
            kind: "reminder_settings",
            id: "channels".into(),
            action: "updated",
            before: Some(was.into()),
            after: Some(is.into()),
        };
        log(tx, actor, now, change)?;
    }
    Ok(())
}

/// Sets the clinic's language (what a reminder is written in when the patient has no language
/// of their own, or the rule is not written in theirs), and logs it. Compared as stored: a
/// code this build does not know (read as English) is replaced when English is chosen.
pub fn set_clinic_language(
    tx: &Db,
    language: Language,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let before = get(tx, "language")?;
    if before.as_deref() == Some(language.code()) {
        return Ok(());
    }
    put(tx, "language", language.code())?;
    let change = SetupChangeRecord {
        kind: "reminder_settings",
        id: "language".into(),
        action: "updated",
        before: Some(json!({ "language": before.as_deref().unwrap_or("en") })),
        after: Some(json!({ "language": language.code() })),
    };
    log(tx, actor, now, change)?;
    Ok(())
}

/// True when the patient asked for no reminders.
pub fn opted_out(conn: &Db, patient: PatientId) -> sql::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM reminder_opt_out WHERE patient_id = ?1")?
        .query_row([patient.0], |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
}

/// Refuses a patient the database does not hold.
fn known_patient(tx: &Db, patient: PatientId) -> Result<()> {
    if super::setup::patient(tx, patient)?.is_none() {
        return Err(StoreError::NotFound {
            what: "patient",
            name: patient.to_string(),
            hint: String::new(),
        });
    }
    Ok(())
}

/// Records a patient's opt-out (or opt-in again), and logs it.
pub fn set_opt_out(
    tx: &Db,
    patient: PatientId,
    out: bool,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    known_patient(tx, patient)?;
    if out == opted_out(tx, patient)? {
        return Ok(());
    }
    if out {
        tx.execute(
            "INSERT INTO reminder_opt_out (patient_id, since_utc, actor) VALUES (?1, ?2, ?3)",
            params![patient.0, secs(now), actor],
        )?;
    } else {
        tx.execute(
            "DELETE FROM reminder_opt_out WHERE patient_id = ?1",
            [patient.0],
        )?;
    }
    let change = SetupChangeRecord {
        kind: "reminder_opt_out",
        id: patient.to_string(),
        action: if out { "created" } else { "removed" },
        before: (!out).then(|| json!({ "opted_out": true })),
        after: out.then(|| json!({ "opted_out": true })),
    };
    log(tx, actor, now, change)?;
    Ok(())
}

/// The language code stored for the patient, as stored (perhaps one this build does not know).
fn stored_patient_language(conn: &Db, patient: PatientId) -> sql::Result<Option<String>> {
    conn.prepare_cached("SELECT language FROM patient_language WHERE patient_id = ?1")?
        .query_row([patient.0], |r| r.get(0))
        .optional()
}

/// The patient's preferred language for reminders; `None` when none was chosen (or one this
/// build does not know was): the clinic's.
pub fn patient_language(conn: &Db, patient: PatientId) -> sql::Result<Option<Language>> {
    Ok(stored_patient_language(conn, patient)?
        .as_deref()
        .and_then(Language::from_locale))
}

/// Records a patient's preferred language (`None`: the clinic's), and logs it.
pub fn set_patient_language(
    tx: &Db,
    patient: PatientId,
    language: Option<Language>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    known_patient(tx, patient)?;
    // Compared as stored: a code this build does not know is replaced by what was chosen
    // here (the clinic's language included), not taken for it.
    let before = stored_patient_language(tx, patient)?;
    if before.as_deref() == language.map(Language::code) {
        return Ok(());
    }
    tx.execute(
        "DELETE FROM patient_language WHERE patient_id = ?1",
        [patient.0],
    )?;
    if let Some(language) = language {
        tx.execute(
            "INSERT INTO patient_language (patient_id, language, since_utc, actor) \
             VALUES (?1, ?2, ?3, ?4)",
            params![patient.0, language.code(), secs(now), actor],
        )?;
    }
    let shown = |code: Option<&str>| json!({ "language": code.unwrap_or("clinic") });
    let change = SetupChangeRecord {
        kind: "patient_language",
        id: patient.to_string(),
        action: "updated",
        before: Some(shown(before.as_deref())),
        after: Some(shown(language.map(Language::code))),
    };
    log(tx, actor, now, change)?;
    Ok(())
}
