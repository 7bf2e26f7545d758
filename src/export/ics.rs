//! iCalendar (RFC 5545) export: one VCALENDAR with the clinic zone's VTIMEZONE and a VEVENT
//! per appointment. Times are in TZID form, except the second pass through a DST fold, which
//! is written in UTC because the local time alone would name the first. UIDs are the
//! appointment ids; SEQUENCE is the move counter; patients and doctors are `urn:uuid:`
//! addresses, so no calendar client mails a patient. A recurring series is one master VEVENT
//! (UID the series id, RRULE, EXDATE for the rule's dates with no appointment that holds time)
//! and an overriding VEVENT (RECURRENCE-ID) for each of its appointments in the export;
//! its cancelled appointments are events of their own, marked CANCELLED. `X-FRONTDESK-*` properties carry what
//! RFC 5545 has no property for, so our own import reads back exactly what it wrote.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{DateTime, Duration, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;

use super::chunks::{Writing, write_in_order};
use super::ics_text::Lines;
use super::{ExportSet, ExportedAppointment, ExportedSeries, Names, Progress, vtimezone};
use crate::scheduling::time::lenient_instant;
use crate::scheduling::*;

/// PRODID of every file we write.
pub const PRODID: &str = "-//Frontdesk//Clinic Appointments//EN";

/// The UID suffix of our events: `<appointment id>@frontdesk`.
pub const UID_DOMAIN: &str = "frontdesk";

/// The UID of an appointment: stable across exports.
pub fn uid(id: AppointmentId) -> String {
    format!("{id}@{UID_DOMAIN}")
}

/// Events as the file lays them out: a single appointment, or the occurrences of one recurring
/// series (grouped by [`ExportedAppointment::series`]).
#[derive(Debug)]
pub enum EventGroup<'a> {
    /// One appointment, one VEVENT.
    Single(&'a ExportedAppointment),
    /// The occurrences of a series, by start.
    Series {
        /// The series key.
        key: uuid::Uuid,
        /// Its occurrences in the export.
        occurrences: Vec<&'a ExportedAppointment>,
    },
}

/// Groups appointments into events, keeping the order of the first appointment of each group.
pub fn group_events(appointments: &[ExportedAppointment]) -> Vec<EventGroup<'_>> {
    let mut groups: Vec<EventGroup<'_>> = Vec::new();
    let mut series_at: BTreeMap<uuid::Uuid, usize> = BTreeMap::new();
    for a in appointments {
        match a.series {
            None => groups.push(EventGroup::Single(a)),
            Some(key) => match series_at.get(&key) {
                Some(&i) => {
                    if let EventGroup::Series { occurrences, .. } = &mut groups[i] {
                        occurrences.push(a);
                    }
                }
                None => {
                    series_at.insert(key, groups.len());
                    groups.push(EventGroup::Series {
                        key,
                        occurrences: vec![a],
                    });
                }
            },
        }
    }
    groups
}

/// iCalendar STATUS of a status: booked is TENTATIVE, held appointments CONFIRMED, the rest
/// CANCELLED (our own `X-FRONTDESK-STATUS` says which).
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Scheduled => "TENTATIVE",
        Status::Confirmed | Status::CheckedIn | Status::InConsultation | Status::Completed => {
            "CONFIRMED"
        }
        Status::Cancelled | Status::NoShow | Status::EnteredInError => "CANCELLED",
    }
}

/// The patient's PARTSTAT.
fn participation(status: Status) -> &'static str {
    match status {
        Status::Scheduled => "NEEDS-ACTION",
        Status::Cancelled | Status::NoShow | Status::EnteredInError => "DECLINED",
        _ => "ACCEPTED",
    }
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Writes DTSTART/DTEND: TZID form, or UTC when the local time is the later of a fold.
fn date_time(lines: &mut Lines<'_>, name: &str, zone: Tz, at: DateTime<Utc>) -> io::Result<()> {
    let local = at.with_timezone(&zone).naive_local();
    let second_of_fold = match zone.from_local_datetime(&local) {
        LocalResult::Ambiguous(a, b) => a.with_timezone(&Utc).min(b.with_timezone(&Utc)) != at,
        _ => false,
    };
    if second_of_fold {
        lines.raw(name, &[], &utc_stamp(at))
    } else {
        lines.raw(
            name,
            &[("TZID", zone.name())],
            &local.format("%Y%m%dT%H%M%S").to_string(),
        )
    }
}

/// The words of the event's DESCRIPTION.
fn description(
    a: &Appointment,
    doctor: &str,
    room: Option<&str>,
    visit: Option<&str>,
    phone: &str,
) -> String {
    let mut parts = Vec::new();
    if !a.reason.is_empty() {
        parts.push(format!("Reason: {}", a.reason));
    }
    parts.push(format!("Doctor: {doctor}"));
    if let Some(room) = room {
        parts.push(format!("Room: {room}"));
    }
    let mode = match a.mode {
        Mode::InClinic => "in clinic",
        Mode::Phone => "phone",
        Mode::Video => "video",
    };
    match visit {
        Some(v) => parts.push(format!("Visit: {v} ({mode})")),
        None => parts.push(format!("Visit: {mode}")),
    }
    parts.push(format!("Status: {}", a.status.label()));
    if !phone.is_empty() {
        parts.push(format!("Phone: {phone}"));
    }
    if !a.queue_token.is_empty() {
        parts.push(format!("Queue token: {}", a.queue_token));
    }
    if let Some(c) = &a.cancellation {
        let late = if c.late { ", late" } else { "" };
        parts.push(format!(
            "Cancelled by {}{late}: {}",
            c.by.as_str(),
            c.reason
        ));
    }
    if a.mode == Mode::Video && !a.meeting_link.is_empty() {
        parts.push(format!("Meeting link: {}", a.meeting_link));
    }
    if !a.notes.is_empty() {
        parts.push(format!("Notes: {}", a.notes));
    }
    parts.join("\n")
}

/// The UID of a series' events: `<series id>@frontdesk`.
pub fn series_uid(id: uuid::Uuid) -> String {
    format!("{id}@{UID_DOMAIN}")
}

/// A series occurrence's wall time in TZID form (RECURRENCE-ID, EXDATE): the series' time on
/// the occurrence's own date, as the rule gives it.
fn wall_text(series: &ExportedSeries, date: chrono::NaiveDate) -> String {
    date.and_time(series.start_time)
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

/// The dates of a series' rule that no appointment of it holds: it was cancelled or entered in
/// error there, or that occurrence was never booked (left out for a conflict or a DST gap).
pub fn excluded_dates(series: &ExportedSeries) -> Vec<chrono::NaiveDate> {
    let held: std::collections::BTreeSet<chrono::NaiveDate> = series
        .members
        .iter()
        .filter(|(_, status)| !matches!(status, Status::Cancelled | Status::EnteredInError))
        .map(|(date, _)| *date)
        .collect();
    series
        .rule
        .dates(series.start_date)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| !held.contains(d))
        .collect()
}

/// What a VEVENT stands for.
#[derive(Clone, Copy)]
enum Role<'a> {
    /// An appointment of its own (or a cancelled occurrence, marked with its series).
    Single(Option<&'a ExportedSeries>),
    /// The master event of a series: its rule and its excluded dates, written with the first
    /// occurrence's details.
    Master(&'a ExportedSeries, &'a [chrono::NaiveDate]),
    /// One occurrence of a series, overriding the master's instance on its date.
    Occurrence(&'a ExportedSeries, chrono::NaiveDate),
}

/// Writes one appointment as a VEVENT, in its role.
fn event(
    lines: &mut Lines<'_>,
    set: &ExportSet,
    names: &Names<'_>,
    stamp: &str,
    e: &ExportedAppointment,
    role: Role<'_>,
) -> io::Result<()> {
    let a = &e.appointment;
    let zone = set.clinic.time_zone;
    let doctor = names.doctor(a.doctor);
    let doctor_name = doctor.map_or("", |d| d.name.as_str());
    let room = names.room(a.room);
    let visit = names.visit_type(a.visit_type);
    let patient = names.patient(a.patient);
    let patient_name = patient.map_or("", |p| p.name.as_str());
    lines.begin("VEVENT")?;
    match role {
        Role::Single(_) => lines.raw("UID", &[], &uid(a.id))?,
        Role::Master(s, _) | Role::Occurrence(s, _) => lines.raw("UID", &[], &series_uid(s.id))?,
    }
    lines.raw("DTSTAMP", &[], stamp)?;
    lines.raw("CREATED", &[], &utc_stamp(e.created_at))?;
    lines.raw("LAST-MODIFIED", &[], &utc_stamp(e.updated_at))?;
    if let Role::Master(s, excluded) = role {
        let start = lenient_instant(zone, s.start_date.and_time(s.start_time));
        lines.raw("SEQUENCE", &[], "0")?;
        date_time(lines, "DTSTART", zone, start)?;
        date_time(lines, "DTEND", zone, start + Duration::minutes(s.minutes))?;
        lines.raw(
            "RRULE",
            &[],
            &s.rule.rrule(zone, s.start_time, s.start_date),
        )?;
        let excluded: Vec<String> = excluded.iter().map(|d| wall_text(s, *d)).collect();
        if !excluded.is_empty() {
            lines.raw("EXDATE", &[("TZID", zone.name())], &excluded.join(","))?;
        }
    } else {
        if let Role::Occurrence(s, date) = role {
            lines.raw(
                "RECURRENCE-ID",
                &[("TZID", zone.name())],
                &wall_text(s, date),
            )?;
        }
        lines.raw("SEQUENCE", &[], &a.sequence.to_string())?;
        date_time(lines, "DTSTART", zone, a.interval.start)?;
        date_time(lines, "DTEND", zone, a.interval.end)?;
    }
    let master = matches!(role, Role::Master(..));
    // A master marked CANCELLED would cancel every instance in a calendar client.
    let shown = if master && !a.status.holds_time() {
        Status::Scheduled
    } else {
        a.status
    };
    lines.raw("STATUS", &[], status(shown))?;
    let transparency = if shown.holds_time() {
        "OPAQUE"
    } else {
        "TRANSPARENT"
    };
    lines.raw("TRANSP", &[], transparency)?;
    let summary = match visit {
        Some(v) => format!("{patient_name} — {}", v.name),
        None => patient_name.to_owned(),
    };
    lines.text("SUMMARY", &[], &summary)?;
    lines.text(
        "DESCRIPTION",
        &[],
        &description(
            a,
            doctor_name,
            room.map(|r| r.name.as_str()),
            visit.map(|v| v.name.as_str()),
            patient.map_or("", |p| p.phone.as_str()),
        ),
    )?;
    let location = match a.mode {
        Mode::Video if !a.meeting_link.is_empty() => a.meeting_link.clone(),
        Mode::Video => "Video call".to_owned(),
        Mode::Phone => "Phone call".to_owned(),
        Mode::InClinic => {
            let mut parts: Vec<&str> = Vec::new();
            if let Some(r) = room {
                parts.push(&r.name);
            }
            parts.push(&set.clinic.name);
            if !set.clinic.address.is_empty() {
                parts.push(&set.clinic.address);
            }
            parts.join(", ")
        }
    };
    lines.text("LOCATION", &[], &location)?;
    if !a.meeting_link.is_empty() {
        lines.raw("URL", &[], &a.meeting_link)?;
    }
    if let Some(v) = visit {
        lines.text("CATEGORIES", &[], &v.name)?;
    }
    if let Some(r) = room {
        lines.text("RESOURCES", &[], &r.name)?;
    }
    if doctor.is_some() {
        lines.raw(
            "ORGANIZER",
            &[("CN", doctor_name)],
            &format!("urn:uuid:{}", a.doctor),
        )?;
    }
    let mut params = vec![
        ("CUTYPE", "INDIVIDUAL"),
        ("ROLE", "REQ-PARTICIPANT"),
        ("PARTSTAT", participation(a.status)),
        ("CN", patient_name),
    ];
    if let Some(p) = patient.filter(|p| !p.email.is_empty()) {
        params.push(("EMAIL", &p.email));
    }
    lines.raw("ATTENDEE", &params, &format!("urn:uuid:{}", a.patient))?;
    match role {
        Role::Single(None) => {}
        Role::Master(s, _) => lines.raw("X-FRONTDESK-SERIES", &[], &s.id.to_string())?,
        Role::Single(Some(s)) => {
            lines.raw("X-FRONTDESK-SERIES", &[], &s.id.to_string())?;
            // A cancelled occurrence has no RECURRENCE-ID (its date is an EXDATE): this says
            // which of the rule's dates it was, so our import puts it back in its series.
            if let Some(date) = e.occurrence_date {
                lines.raw(
                    "X-FRONTDESK-OCCURRENCE",
                    &[],
                    &date.format("%Y%m%d").to_string(),
                )?;
            }
        }
        Role::Occurrence(s, _) => {
            lines.raw("X-FRONTDESK-SERIES", &[], &s.id.to_string())?;
            // The UID names the series: this says which appointment the occurrence is.
            lines.raw("X-FRONTDESK-ID", &[], &a.id.to_string())?;
        }
    }
    if master {
        // The master is the rule, not an appointment: our import reads the occurrences.
        return lines.end("VEVENT");
    }
    lines.raw("X-FRONTDESK-STATUS", &[], a.status.as_str())?;
    lines.raw("X-FRONTDESK-KIND", &[], a.kind.as_str())?;
    lines.raw("X-FRONTDESK-MODE", &[], a.mode.as_str())?;
    if !a.reason.is_empty() {
        lines.text("X-FRONTDESK-REASON", &[], &a.reason)?;
    }
    if let Some(c) = &a.cancellation {
        lines.text("X-FRONTDESK-CANCEL-REASON", &[], &c.reason)?;
        lines.raw("X-FRONTDESK-CANCELLED-BY", &[], c.by.as_str())?;
        lines.raw("X-FRONTDESK-CANCELLED-AT", &[], &utc_stamp(c.at))?;
        lines.raw(
            "X-FRONTDESK-CANCELLED-LATE",
            &[],
            if c.late { "TRUE" } else { "FALSE" },
        )?;
    }
    if let Some(reason) = &e.overbook_reason {
        lines.text("X-FRONTDESK-OVERBOOK-REASON", &[], reason)?;
    }
    // The rest of what staff see, so our own import gives back the same appointment.
    if !a.notes.is_empty() {
        lines.text("X-FRONTDESK-NOTES", &[], &a.notes)?;
    }
    if !a.queue_token.is_empty() {
        lines.text("X-FRONTDESK-QUEUE-TOKEN", &[], &a.queue_token)?;
    }
    if a.priority != 0 {
        lines.raw("X-FRONTDESK-PRIORITY", &[], &a.priority.to_string())?;
    }
    for (name, at) in [
        ("X-FRONTDESK-ARRIVED", a.arrived_at),
        (
            "X-FRONTDESK-CONSULTATION-STARTED",
            a.consultation_started_at,
        ),
        ("X-FRONTDESK-COMPLETED", a.completed_at),
    ] {
        if let Some(at) = at {
            lines.raw(name, &[], &utc_stamp(at))?;
        }
    }
    if let Some(p) = patient.filter(|p| !p.phone.is_empty()) {
        lines.text("X-FRONTDESK-PATIENT-PHONE", &[], &p.phone)?;
    }
    lines.end("VEVENT")
}

/// The UTC span the VTIMEZONE must cover: the range asked for, widened to every event.
fn covered(set: &ExportSet, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = set
        .appointments
        .iter()
        .map(|a| a.appointment.interval.start)
        .min();
    let last = set
        .appointments
        .iter()
        .map(|a| a.appointment.interval.end)
        .max();
    let from = [set.range.0, first]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(now);
    let to = [set.range.1, last]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(now);
    (from, to.max(from) + Duration::days(1))
}

/// Writes one group's events: a single appointment, or a series' master event and its
/// occurrences. Returns how many appointments it held.
fn write_group(
    lines: &mut Lines<'_>,
    set: &ExportSet,
    names: &Names<'_>,
    stamp: &str,
    group: &EventGroup<'_>,
) -> io::Result<u64> {
    let (series, occurrences) = match group {
        EventGroup::Single(a) => (None, std::slice::from_ref(a)),
        EventGroup::Series { key, occurrences } => (
            set.series.iter().find(|s| s.id == *key),
            occurrences.as_slice(),
        ),
    };
    let excluded = series.map(excluded_dates).unwrap_or_default();
    let held = |a: &ExportedAppointment| {
        a.occurrence_date
            .is_some_and(|date| !excluded.contains(&date))
    };
    // The master shows the first occurrence that holds time (any, if none does).
    let template = occurrences.iter().find(|a| held(a)).or(occurrences.first());
    if let (Some(s), Some(template)) = (series, template) {
        let role = Role::Master(s, &excluded);
        event(lines, set, names, stamp, template, role)?;
    }
    for a in occurrences {
        let role = match (series, a.occurrence_date) {
            (Some(s), Some(date)) if held(a) => Role::Occurrence(s, date),
            (s, _) => Role::Single(s),
        };
        event(lines, set, names, stamp, a, role)?;
    }
    Ok(occurrences.len() as u64)
}

/// Writes the whole calendar.
pub fn write(
    set: &ExportSet,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
    chunk: usize,
) -> io::Result<()> {
    let mut lines = Lines::new(out);
    let names = Names::new(set);
    let stamp = utc_stamp(now);
    lines.begin("VCALENDAR")?;
    lines.raw("VERSION", &[], "2.0")?;
    lines.text("PRODID", &[], PRODID)?;
    lines.raw("CALSCALE", &[], "GREGORIAN")?;
    lines.text(
        "X-WR-CALNAME",
        &[],
        &format!("{} appointments", set.clinic.name),
    )?;
    lines.text("X-WR-TIMEZONE", &[], set.clinic.time_zone.name())?;
    let (from, to) = covered(set, now);
    vtimezone::write(&mut lines, set.clinic.time_zone, from, to)?;
    let groups = group_events(&set.appointments);
    let mut writing = Writing::new(set.appointments.len(), progress);
    // Events are formatted a chunk of groups at a time on every core; each group (one
    // appointment, or a series' master and occurrences) stays whole within a chunk.
    write_in_order(
        groups.len(),
        chunk,
        lines.out(),
        &mut writing,
        |range, buffer| {
            let mut lines = Lines::new(buffer);
            let mut appointments = 0;
            for group in &groups[range] {
                appointments += write_group(&mut lines, set, &names, &stamp, group)?;
            }
            Ok(appointments)
        },
    )?;
    lines.end("VCALENDAR")?;
    writing.finish();
    Ok(())
}
