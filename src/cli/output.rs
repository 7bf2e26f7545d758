//! Printing: the agenda as text or JSON lines, an appointment's history, the check report.

use std::io::{BufWriter, Write};

use anyhow::Result;
use chrono::NaiveDate;
use chrono_tz::Tz;
use frontdesk::reports::format::json_text;
use frontdesk::scheduling::entry::shown;
use frontdesk::scheduling::time;
use frontdesk::scheduling::*;
use frontdesk::store::{AgendaEntry, Store};
use serde::Serialize;

use super::args::{Format, HistoryArgs};
use super::resolve;

/// One appointment as `agenda --format json` prints it.
#[derive(Serialize)]
struct AgendaJson<'a> {
    id: String,
    patient: &'a str,
    phone: &'a str,
    doctor: &'a str,
    room: Option<&'a str>,
    visit_type: Option<&'a str>,
    start: String,
    end: String,
    status: &'static str,
    kind: &'static str,
    mode: &'static str,
    queue_token: Option<&'a str>,
    reason: &'a str,
    overbooked: Option<&'a str>,
}

fn json_line(zone: Tz, e: &AgendaEntry) -> AgendaJson<'_> {
    let a = &e.appointment;
    AgendaJson {
        id: a.id.to_string(),
        patient: &e.patient_name,
        phone: &e.patient_phone,
        doctor: &e.doctor_name,
        room: e.room_name.as_deref(),
        visit_type: e.visit_type_name.as_deref(),
        start: time::rfc3339(zone, a.interval.start),
        end: time::rfc3339(zone, a.interval.end),
        status: a.status.as_str(),
        kind: a.kind.as_str(),
        mode: a.mode.as_str(),
        queue_token: (!a.queue_token.is_empty()).then_some(a.queue_token.as_str()),
        reason: &a.reason,
        overbooked: e.overbook_reason.as_deref(),
    }
}

/// Shortens text to `width` characters for a column, control characters escaped.
fn fit(text: &str, width: usize) -> String {
    let text = shown(text);
    if text.chars().count() <= width {
        format!("{text:width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Prints the agenda.
pub fn agenda(
    clinic: &Clinic,
    first: NaiveDate,
    last: NaiveDate,
    entries: &[AgendaEntry],
    format: Format,
) -> Result<()> {
    let zone = clinic.time_zone;
    let mut out = BufWriter::new(super::console::stdout());
    match format {
        Format::Json => {
            for e in entries {
                writeln!(out, "{}", json_text(&json_line(zone, e)))?;
            }
        }
        Format::Text => {
            let range = if first == last {
                first.format("%A %-d %B %Y").to_string()
            } else {
                format!(
                    "{} to {}",
                    first.format("%-d %b %Y"),
                    last.format("%-d %b %Y")
                )
            };
            writeln!(out, "{} — {range} ({zone})", shown(&clinic.name))?;
            if entries.is_empty() {
                writeln!(out, "No appointments.")?;
            }
            let mut day = None;
            for e in entries {
                let a = &e.appointment;
                let start = a.interval.start.with_timezone(&zone);
                if first != last && day != Some(start.date_naive()) {
                    day = Some(start.date_naive());
                    writeln!(out, "\n{}", start.format("%A %-d %B"))?;
                }
                let marker = match a.kind {
                    Kind::WalkIn => format!(" walk-in {}", shown(&a.queue_token)),
                    Kind::Emergency => format!(" EMERGENCY {}", shown(&a.queue_token)),
                    Kind::Scheduled => String::new(),
                };
                let overbooked = if e.overbook_reason.is_some() {
                    " overbooked"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{}–{}  {} {} {} {} {}{marker}{overbooked}  {}",
                    start.format("%H:%M"),
                    a.interval.end.with_timezone(&zone).format("%H:%M"),
                    fit(&e.doctor_name, 22),
                    fit(e.room_name.as_deref().unwrap_or(a.mode.as_str()), 11),
                    fit(&e.patient_name, 22),
                    fit(e.visit_type_name.as_deref().unwrap_or(""), 18),
                    fit(&a.status.label(), 11),
                    a.id
                )?;
            }
            if !entries.is_empty() {
                writeln!(out, "{} appointments", entries.len())?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Prints an appointment and its audit history.
pub fn history(store: &mut dyn Store, args: &HistoryArgs) -> Result<()> {
    let id = resolve::appointment_id(&args.id)?;
    let entry = store.appointment(id)?;
    let clinic = store
        .clinics()?
        .into_iter()
        .find(|c| c.id == entry.appointment.clinic);
    let zone = clinic.map(|c| c.time_zone).unwrap_or(chrono_tz::UTC);
    let a = &entry.appointment;
    println!(
        "{} with {}, {} ({} min), {}",
        shown(&entry.patient_name),
        shown(&entry.doctor_name),
        time::format_local(zone, a.interval.start),
        a.interval.minutes(),
        a.status.label()
    );
    for event in store.history(id)? {
        let reason = if event.reason.is_empty() {
            String::new()
        } else {
            format!(" — {}", shown(&event.reason))
        };
        println!(
            "  {}  {:<16} by {}{reason}",
            time::format_local(zone, event.at),
            shown(&event.action),
            shown(&event.actor)
        );
    }
    Ok(())
}
