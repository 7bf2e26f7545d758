//! The outbox of reminders in SQLite. A plan pass brings every appointment's reminders in line
//! with the rules (the core's `reconcile`), in one `BEGIN IMMEDIATE` transaction; claiming due
//! reminders runs a plan pass first in the same transaction, so a reminder for an appointment's
//! old time can never be claimed. A claim is a lease, so two senders never send one reminder.

use super::sql;
use std::collections::{HashMap, HashSet};

use super::sql::{Begin, Db, OptionalExtension, params};
use chrono::{DateTime, Duration, Utc};

use super::booking::{check_actor, clinic};
use super::codec::{bad, instant, secs};
use super::error::{Result, StoreError};
use super::reminder_model::{DueReminder, JobId, OutboxEntry, OutboxFilter, PlanSummary};
use super::{reminder_setup, setup, video};
use crate::scheduling::reminder::{
    Channel, MAX_LEAD_MINUTES, ReminderFacts, ReminderRule, RuleId, Step, reconcile,
};
use crate::scheduling::reminder_job::{Job, JobState, SkipReason};
use crate::scheduling::template::{MessageFacts, render_template};
use crate::scheduling::*;

/// How long a claimed reminder is held for its sender before another may try it.
pub const CLAIM_MINUTES: i64 = 5;

/// Who the plan pass says made its changes (meeting links) in the audit.
pub const PLANNER: &str = "reminders (automatic)";

const JOB_COLUMNS: &str = "j.id, j.appointment_id, j.rule_id, j.planned_start_utc, j.due_utc, \
    j.channel, j.recipient, j.state, j.attempts, j.retry_utc, j.last_error, j.skip_reason, \
    j.sent_utc";
const JOB_COLUMN_COUNT: usize = 13;

fn job(row: &sql::Row<'_>) -> sql::Result<(JobId, Job)> {
    let channel: String = row.get(5)?;
    let state: String = row.get(7)?;
    let state = match state.as_str() {
        "pending" => JobState::Pending,
        "sent" => JobState::Sent {
            at: instant(12, row.get::<Option<i64>>(12)?.unwrap_or(0))?,
        },
        "failed" => JobState::Failed {
            error: row.get(10)?,
            retry_at: row
                .get::<Option<i64>>(9)?
                .map(|s| instant(9, s))
                .transpose()?,
        },
        _ => {
            let reason: Option<String> = row.get(11)?;
            let reason = reason.unwrap_or_default();
            JobState::Skipped(
                SkipReason::parse(&reason)
                    .ok_or_else(|| bad(11, format!("skip reason '{reason}'")))?,
            )
        }
    };
    Ok((
        JobId(row.get(0)?),
        Job {
            appointment: AppointmentId(row.get(1)?),
            rule: RuleId(row.get(2)?),
            planned_start: instant(3, row.get(3)?)?,
            due: instant(4, row.get(4)?)?,
            channel: Channel::parse(&channel)
                .ok_or_else(|| bad(5, format!("channel '{channel}'")))?,
            recipient: row.get(6)?,
            state,
            attempts: row.get(8)?,
        },
    ))
}

/// Writes a reminder's state as the core left it.
fn write_job(tx: &Db, id: JobId, job: &Job, now: DateTime<Utc>) -> sql::Result<()> {
    let (error, retry, reason, sent) = match &job.state {
        JobState::Pending => (None, None, None, None),
        JobState::Sent { at } => (None, None, None, Some(secs(*at))),
        JobState::Failed { error, retry_at } => {
            (Some(error.as_str()), retry_at.map(secs), None, None)
        }
        JobState::Skipped(r) => (None, None, Some(r.as_str()), None),
    };
    tx.prepare_cached(
        "UPDATE reminder_job SET due_utc = ?2, recipient = ?3, state = ?4, attempts = ?5, \
         retry_utc = ?6, last_error = coalesce(?7, last_error), skip_reason = ?8, \
         sent_utc = coalesce(?9, sent_utc), claimed_until_utc = NULL, updated_utc = ?10, \
         channel = ?11 WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        secs(job.due),
        job.recipient,
        job.state.as_str(),
        job.attempts,
        retry,
        error,
        reason,
        sent,
        secs(now),
        job.channel.as_str()
    ])?;
    Ok(())
}

/// An appointment's facts for planning. `changed_at` is when it was booked or last moved (a
/// confirmation or an edit does not count).
const FACTS: &str = "SELECT a.id, a.status, a.start_utc, a.visit_type_id, \
    (SELECT CASE WHEN m.at > a.created_at THEN m.at ELSE a.created_at END FROM \
        (SELECT coalesce(max(e.at_utc), 0) AS at FROM audit_event e \
         WHERE e.appointment_id = a.id AND e.action = 'moved') AS m), \
    p.email, p.phone, o.patient_id IS NOT NULL, a.clinic_id, a.mode, a.meeting_link \
    FROM appointment a JOIN patient p ON p.id = a.patient_id \
    LEFT JOIN reminder_opt_out o ON o.patient_id = a.patient_id";

fn facts_row(row: &sql::Row<'_>) -> sql::Result<(ReminderFacts, ClinicId, String, String)> {
    let status: String = row.get(1)?;
    Ok((
        ReminderFacts {
            appointment: AppointmentId(row.get(0)?),
            status: Status::parse(&status).ok_or_else(|| bad(1, format!("status '{status}'")))?,
            start: instant(2, row.get(2)?)?,
            visit_type: row.get::<Option<uuid::Uuid>>(3)?.map(VisitTypeId),
            changed_at: instant(4, row.get(4)?)?,
            email: row.get(5)?,
            phone: row.get(6)?,
            opted_out: row.get(7)?,
            clinic: ClinicId(row.get(8)?),
        },
        ClinicId(row.get(8)?),
        row.get(9)?,
        row.get(10)?,
    ))
}

/// The rules as planning applies them: a rule whose channel is not set up plans nothing.
fn effective_rules(conn: &Db) -> Result<Vec<ReminderRule>> {
    let settings = reminder_setup::settings(conn)?;
    let mut rules = reminder_setup::rules(conn)?;
    for rule in &mut rules {
        rule.active &= settings.ready(rule.channel);
    }
    Ok(rules)
}

/// Every stored reminder of the given appointments.
fn jobs_of(
    conn: &Db,
    appointments: &HashSet<AppointmentId>,
) -> sql::Result<HashMap<AppointmentId, Vec<(JobId, Job)>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {JOB_COLUMNS} FROM reminder_job j WHERE j.appointment_id = ?1"
    ))?;
    let mut out = HashMap::new();
    for id in appointments {
        let jobs = stmt
            .query_map([id.0], job)?
            .collect::<sql::Result<Vec<_>>>()?;
        if !jobs.is_empty() {
            out.insert(*id, jobs);
        }
    }
    Ok(out)
}

/// Brings the reminders of every appointment that may need one (starting within the longest
/// lead from now) and of every open reminder in line with the rules; gives video appointments
/// in that window a meeting link. Runs inside the caller's transaction.
pub fn plan_in(tx: &Db, now: DateTime<Utc>) -> Result<PlanSummary> {
    let rules = effective_rules(tx)?;
    let clinics: HashMap<ClinicId, Clinic> =
        setup::clinics(tx)?.into_iter().map(|c| (c.id, c)).collect();
    let horizon = now + Duration::minutes(i64::from(MAX_LEAD_MINUTES)) + Duration::days(1);
    let mut planned: HashMap<AppointmentId, (ReminderFacts, ClinicId, String, String)> =
        HashMap::new();
    {
        let mut window = tx.prepare_cached(&format!(
            "{FACTS} WHERE a.clinic_id = ?1 AND a.start_utc >= ?2 AND a.start_utc < ?3"
        ))?;
        for clinic in clinics.keys() {
            for row in window.query_map(params![clinic.0, secs(now), secs(horizon)], facts_row)? {
                let row = row?;
                planned.insert(row.0.appointment, row);
            }
        }
        // Open reminders of appointments outside the window (moved away, begun, cancelled).
        let mut open = tx.prepare_cached(
            "SELECT DISTINCT appointment_id FROM reminder_job \
             WHERE state IN ('pending', 'failed') \
             AND (state = 'pending' OR retry_utc IS NOT NULL)",
        )?;
        let open: Vec<uuid::Uuid> = open
            .query_map(params![], |r| r.get(0))?
            .collect::<sql::Result<_>>()?;
        let mut one = tx.prepare_cached(&format!("{FACTS} WHERE a.id = ?1"))?;
        for id in open {
            if !planned.contains_key(&AppointmentId(id))
                && let Some(row) = one.query_row([id], facts_row).optional()?
            {
                planned.insert(row.0.appointment, row);
            }
        }
    }
    let ids: HashSet<AppointmentId> = planned.keys().copied().collect();
    let mut stored = jobs_of(tx, &ids)?;
    let mut summary = PlanSummary {
        appointments: planned.len(),
        ..PlanSummary::default()
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO reminder_job (appointment_id, rule_id, planned_start_utc, due_utc, channel, \
         recipient, state, skip_reason, created_utc, updated_utc) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?;
    for (id, (facts, clinic_id, mode, link)) in &planned {
        let Some(clinic) = clinics.get(clinic_id) else {
            continue;
        };
        let mut existing = stored.remove(id).unwrap_or_default();
        let jobs: Vec<Job> = existing.iter().map(|(_, j)| j.clone()).collect();
        for step in reconcile(facts, &rules, &jobs, clinic.time_zone, now) {
            match step {
                Step::Create(p) => {
                    let reason = match &p.state {
                        JobState::Skipped(r) => Some(r.as_str()),
                        _ => None,
                    };
                    insert.execute(params![
                        id.0,
                        p.rule.0,
                        secs(facts.start),
                        secs(p.due),
                        p.channel.as_str(),
                        p.recipient,
                        p.state.as_str(),
                        reason,
                        secs(now)
                    ])?;
                    summary.created += 1;
                }
                Step::Skip { index, reason } => {
                    let (job_id, job) = &mut existing[index];
                    if job.skip(reason).is_ok() {
                        write_job(tx, *job_id, job, now)?;
                        summary.skipped += 1;
                    }
                }
                Step::Update {
                    index,
                    due,
                    channel,
                    recipient,
                } => {
                    let (job_id, job) = &mut existing[index];
                    job.due = due;
                    job.channel = channel;
                    job.recipient = recipient;
                    write_job(tx, *job_id, job, now)?;
                    summary.updated += 1;
                }
                Step::Reopen {
                    index,
                    due,
                    channel,
                    recipient,
                } => {
                    let (job_id, job) = &mut existing[index];
                    job.state = JobState::Pending;
                    job.attempts = 0;
                    job.due = due;
                    job.channel = channel;
                    job.recipient = recipient;
                    write_job(tx, *job_id, job, now)?;
                    summary.reopened += 1;
                }
            }
        }
        let awaited = matches!(facts.status, Status::Scheduled | Status::Confirmed);
        if awaited && mode == Mode::Video.as_str() && link.trim().is_empty() && facts.start > now {
            let appointment = super::booking::load_appointment(tx, *id)?;
            if video::ensure_link(tx, &appointment, PLANNER, now)?.is_some() {
                summary.links += 1;
            }
        }
    }
    Ok(summary)
}

/// A plan pass in its own transaction (see [`plan_in`]).
pub fn plan(conn: &Db, now: DateTime<Utc>) -> Result<PlanSummary> {
    let tx = conn.begin(Begin::Write)?;
    let summary = plan_in(&tx, now)?;
    tx.commit()?;
    Ok(summary)
}

const DUE: &str = "SELECT j.id FROM reminder_job j \
    WHERE j.state IN ('pending', 'failed') \
      AND ((j.state = 'pending' AND j.due_utc <= ?1) \
        OR (j.state = 'failed' AND j.retry_utc IS NOT NULL AND j.retry_utc <= ?1)) \
      AND (j.claimed_until_utc IS NULL OR j.claimed_until_utc <= ?1) \
    ORDER BY j.due_utc LIMIT ?2";

/// Plans, then claims up to `limit` due reminders with their text filled in, in one
/// transaction. A reminder whose template cannot be filled in fails at once with the reason.
pub fn claim_due(
    conn: &Db,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<(PlanSummary, Vec<DueReminder>)> {
    let tx = conn.begin(Begin::Write)?;
    let summary = plan_in(&tx, now)?;
    let ids: Vec<i64> = tx
        .prepare_cached(DUE)?
        .query_map(params![secs(now), limit], |r| r.get(0))?
        .collect::<sql::Result<_>>()?;
    let rules: HashMap<RuleId, ReminderRule> = reminder_setup::rules(&tx)?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let clinic_language = reminder_setup::settings(&tx)?.language;
    // The key of the self check-in codes (`{code}`), made by the first claim that sends.
    let code_secret = if ids.is_empty() {
        String::new()
    } else {
        super::kiosk::code_secret(&tx, true)?.unwrap_or_default()
    };
    let mut due = Vec::new();
    for id in ids.into_iter().map(JobId) {
        let (_, mut job) = load_job(&tx, id)?;
        let entry = super::agenda::appointment(&tx, job.appointment)?;
        let a = &entry.appointment;
        let clinic = clinic(&tx, a.clinic)?;
        let Some(rule) = rules.get(&job.rule) else {
            continue;
        };
        // The patient's language when the rule is written in it, else the clinic's.
        let wanted = reminder_setup::patient_language(&tx, a.patient)?;
        let Some((language, text)) = rule.templates.choose(wanted, clinic_language) else {
            // Stored, like every reason a reminder failed, in English.
            let error = "the rule has no text in a language this version knows".to_owned();
            if job.failed(&error, now).is_ok() {
                write_job(&tx, id, &job, now)?;
            }
            continue;
        };
        let facts = MessageFacts {
            patient: entry.patient_name.clone(),
            doctor: entry.doctor_name.clone(),
            clinic: clinic.name.clone(),
            address: clinic.address.clone(),
            zone: clinic.time_zone,
            start: a.interval.start,
            mode: a.mode,
            meeting_link: a.meeting_link.clone(),
            code: crate::scheduling::kiosk::check_in_code(&code_secret, a.id),
            language,
        };
        match render_template(text, &facts) {
            Ok((subject, body)) => {
                tx.prepare_cached(
                    "UPDATE reminder_job SET subject = ?2, body = ?3, claimed_until_utc = ?4 \
                     WHERE id = ?1",
                )?
                .execute(params![
                    id.0,
                    subject,
                    body,
                    secs(now + Duration::minutes(CLAIM_MINUTES))
                ])?;
                due.push(DueReminder {
                    id,
                    channel: job.channel,
                    recipient: job.recipient.clone(),
                    subject,
                    body,
                    appointment: a.id,
                    start: a.interval.start,
                    zone: clinic.time_zone,
                    clinic: clinic.name.clone(),
                    patient: entry.patient_name.clone(),
                    doctor: entry.doctor_name.clone(),
                    mode: a.mode,
                    meeting_link: a.meeting_link.clone(),
                    rule: rule.id,
                    language,
                });
            }
            Err(e) => {
                let error = format!("the rule's template cannot be used: {e}");
                if job.failed(&error, now).is_ok() {
                    write_job(&tx, id, &job, now)?;
                }
            }
        }
    }
    tx.commit()?;
    Ok((summary, due))
}

fn load_job(conn: &Db, id: JobId) -> Result<(JobId, Job)> {
    conn.prepare_cached(&format!(
        "SELECT {JOB_COLUMNS} FROM reminder_job j WHERE j.id = ?1"
    ))?
    .query_row([id.0], job)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "reminder",
        name: id.to_string(),
        hint: crate::t!("store-hint-pick-from-outbox"),
    })
}

/// Records what a delivery did: sent, or failed with the server's words (retried with
/// back-off). A reminder that went out is recorded as sent even if it was skipped meanwhile,
/// because it was.
pub fn record(
    conn: &Db,
    id: JobId,
    outcome: &std::result::Result<(), String>,
    now: DateTime<Utc>,
) -> Result<OutboxEntry> {
    let tx = conn.begin(Begin::Write)?;
    let (_, mut job) = load_job(&tx, id)?;
    match outcome {
        Ok(()) => {
            if job.sent(now).is_err() && !matches!(job.state, JobState::Sent { .. }) {
                job.state = JobState::Sent { at: now };
            }
        }
        Err(error) => {
            // A reminder skipped or resolved meanwhile keeps that state.
            let _ = job.failed(error, now);
        }
    }
    write_job(&tx, id, &job, now)?;
    let entry = entry_by_id(&tx, id)?;
    tx.commit()?;
    Ok(entry)
}

/// Staff asked to send a failed or sent reminder again; logged with who asked.
pub fn resend(conn: &Db, id: JobId, actor: &str, now: DateTime<Utc>) -> Result<()> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let (_, mut job) = load_job(&tx, id)?;
    job.resend()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    write_job(&tx, id, &job, now)?;
    let change = super::setup_audit::SetupChangeRecord {
        kind: "reminder_job",
        id: id.0.to_string(),
        action: "resent",
        before: None,
        after: Some(serde_json::json!({ "appointment": job.appointment.to_string() })),
    };
    reminder_setup::log(&tx, actor, now, change)?;
    // The resent reminder must still fit its appointment (not moved, not cancelled): if the
    // plan pass would skip it, nothing is changed and staff are told why.
    plan_in(&tx, now)?;
    let (_, planned) = load_job(&tx, id)?;
    if let JobState::Skipped(reason) = planned.state {
        return Err(StoreError::Invalid(crate::t!(
            "store-outbox-cannot-resend",
            reason = reason.explain(planned.channel)
        )));
    }
    tx.commit()?;
    Ok(())
}

const ENTRY: &str = "SELECT j.id, j.appointment_id, j.rule_id, j.planned_start_utc, j.due_utc, \
    j.channel, j.recipient, j.state, j.attempts, j.retry_utc, j.last_error, j.skip_reason, \
    j.sent_utc, r.name, p.name, d.name, a.start_utc, a.status, j.subject, j.body, j.updated_utc, \
    a.patient_id \
    FROM reminder_job j JOIN reminder_rule r ON r.id = j.rule_id \
    JOIN appointment a ON a.id = j.appointment_id JOIN patient p ON p.id = a.patient_id \
    JOIN doctor d ON d.id = a.doctor_id";

fn entry(row: &sql::Row<'_>) -> sql::Result<OutboxEntry> {
    let n = JOB_COLUMN_COUNT;
    let (id, job) = job(row)?;
    let status: String = row.get(n + 4)?;
    Ok(OutboxEntry {
        id,
        job,
        rule_name: row.get(n)?,
        patient_name: row.get(n + 1)?,
        doctor_name: row.get(n + 2)?,
        start: instant(n + 3, row.get(n + 3)?)?,
        status: Status::parse(&status).ok_or_else(|| bad(n + 4, format!("status '{status}'")))?,
        subject: row.get(n + 5)?,
        body: row.get(n + 6)?,
        updated: instant(n + 7, row.get(n + 7)?)?,
        patient: PatientId(row.get(n + 8)?),
    })
}

fn entry_by_id(conn: &Db, id: JobId) -> Result<OutboxEntry> {
    Ok(conn
        .prepare_cached(&format!("{ENTRY} WHERE j.id = ?1"))?
        .query_row([id.0], entry)?)
}

/// The outbox: reminders in one state, at most `limit`. Due ones come soonest first; the others
/// latest first. Every query runs on the `(state, due_utc)` index.
pub fn outbox(
    conn: &Db,
    clinic: ClinicId,
    filter: OutboxFilter,
    limit: usize,
) -> Result<Vec<OutboxEntry>> {
    let order = match filter {
        OutboxFilter::Due => "ASC",
        _ => "DESC",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY} WHERE j.state = ?1 AND a.clinic_id = ?3 ORDER BY j.due_utc {order}, j.id \
         LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![filter.state(), limit, clinic.0], entry)?;
    Ok(rows.collect::<sql::Result<Vec<_>>>()?)
}

/// How many of a clinic's reminders failed for appointments still to come (the page tab's
/// badge).
pub fn failed_count(conn: &Db, clinic: ClinicId, now: DateTime<Utc>) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM reminder_job j JOIN appointment a ON a.id = j.appointment_id \
             WHERE j.state = 'failed' AND a.clinic_id = ?1 AND a.start_utc > ?2",
        )?
        .query_row(params![clinic.0, secs(now)], |r| r.get(0))?)
}

/// The reminders of one appointment, in the order they go out.
pub fn of_appointment(conn: &Db, id: AppointmentId) -> Result<Vec<OutboxEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY} WHERE j.appointment_id = ?1 ORDER BY j.due_utc, j.id"
    ))?;
    let rows = stmt.query_map([id.0], entry)?;
    Ok(rows.collect::<sql::Result<Vec<_>>>()?)
}
