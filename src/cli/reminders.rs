//! `frontdesk reminders`: a send pass for cron (a summary of counts, no patient data), and the
//! outbox as text or JSON lines.

use std::sync::Mutex;

use anyhow::{Result, anyhow};
use chrono::{DateTime, Utc};
use frontdesk::reminders;
use frontdesk::scheduling::entry::shown;
use frontdesk::scheduling::reminder_job::JobState;
use frontdesk::scheduling::time;
use frontdesk::scheduling::time::format_local;
use frontdesk::store::{OutboxEntry, OutboxFilter, Store};
use serde::Serialize;

use super::args::{Format, OutboxArgs, OutboxState, RemindersArgs, RemindersCommand};
use super::resolve;

/// Runs a `reminders` subcommand.
pub fn run(
    store: Box<dyn Store + Send>,
    clinic: Option<&str>,
    args: &RemindersArgs,
    now: DateTime<Utc>,
) -> Result<()> {
    match &args.command {
        RemindersCommand::Send => send(store, now),
        RemindersCommand::Outbox(args) => outbox(&*store, clinic, args),
    }
}

fn send(store: Box<dyn Store + Send>, now: DateTime<Utc>) -> Result<()> {
    let store = Mutex::new(store);
    let report = reminders::send_due(&store, now);
    println!("{}", reminders::summary(&report));
    if !report.failed.is_empty() {
        println!("See them with: frontdesk reminders outbox --state failed");
    }
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(anyhow!("{}", report.errors.join("; ")))
    }
}

/// One reminder as `outbox --format json` prints it.
#[derive(Serialize)]
struct OutboxJson<'a> {
    /// The reminder's id in the outbox, as text (what it holds is the store's).
    id: String,
    appointment: String,
    rule: &'a str,
    channel: &'static str,
    to: &'a str,
    patient: &'a str,
    doctor: &'a str,
    appointment_start: String,
    due: String,
    state: &'static str,
    attempts: u32,
    detail: String,
}

fn detail(e: &OutboxEntry, zone: chrono_tz::Tz) -> String {
    match &e.job.state {
        JobState::Pending => String::new(),
        JobState::Sent { at } => format!("sent {}", format_local(zone, *at)),
        JobState::Failed { error, retry_at } => match retry_at {
            Some(t) => format!("{error}; next try {}", format_local(zone, *t)),
            None => format!("{error}; no more tries (resend from the window)"),
        },
        JobState::Skipped(reason) => reason.explain(e.job.channel).to_owned(),
    }
}

fn outbox(store: &dyn Store, clinic: Option<&str>, args: &OutboxArgs) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    let filter = match args.state {
        OutboxState::Due => OutboxFilter::Due,
        OutboxState::Failed => OutboxFilter::Failed,
        OutboxState::Sent => OutboxFilter::Sent,
        OutboxState::Skipped => OutboxFilter::Skipped,
    };
    let entries = store.outbox(clinic.id, filter, args.limit)?;
    for e in &entries {
        match args.format {
            Format::Json => {
                let line = OutboxJson {
                    id: e.id.to_string(),
                    appointment: e.job.appointment.to_string(),
                    rule: &e.rule_name,
                    channel: e.job.channel.as_str(),
                    to: &e.job.recipient,
                    patient: &e.patient_name,
                    doctor: &e.doctor_name,
                    appointment_start: time::rfc3339(zone, e.start),
                    due: time::rfc3339(zone, e.job.due),
                    state: e.job.state.as_str(),
                    attempts: e.job.attempts,
                    detail: detail(e, zone),
                };
                println!("{}", frontdesk::reports::format::json_text(&line));
            }
            Format::Text => println!(
                "{:<6} {}  {:<8} {:<22} {:<22} for {}  {}",
                e.id.to_string(),
                format_local(zone, e.job.due),
                e.job.state.as_str(),
                shown(&e.rule_name),
                shown(&e.patient_name),
                format_local(zone, e.start),
                shown(&detail(e, zone))
            ),
        }
    }
    if entries.is_empty() && args.format == Format::Text {
        println!("No {} reminders.", filter.label().to_lowercase());
    }
    Ok(())
}
