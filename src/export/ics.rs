//! iCalendar (RFC 5545) export: one VCALENDAR with the clinic zone's VTIMEZONE and a VEVENT
//! per appointment, written so that every common client (khal, Evolution's libical,
//! Thunderbird's ical.js, Python's icalendar and recurring_ical_events; `tests/ics_clients.rs`)
//! reads the same instants. DTSTART and DTEND are both in TZID form, or both in UTC when either
//! falls in the hour the clocks repeat (clients disagree on which pass a TZID time names
//! there). UIDs are the appointment ids; SEQUENCE is the move counter; patients and doctors are
//! `urn:uuid:` addresses, so no calendar client mails a patient.
//!
//! A recurring series is one master VEVENT (UID the series id, DTSTART on the rule's first date
//! at the series' wall time, DURATION, RRULE) whose every instance is either overridden by an
//! appointment of the export (RECURRENCE-ID, `X-FRONTDESK-ID`) or excluded (EXDATE), so a
//! client expanding the rule shows exactly the export's appointments however narrow the export
//! is ([`SeriesPlan`]). Cancelled occurrences are events of their own, marked CANCELLED. The
//! VTIMEZONE covers every instant a client computes, up to the rule's last date. There is no
//! `X-WR-TIMEZONE`: readers that honour it rewrite UTC times into it and lose the fold.
//! `X-FRONTDESK-*` properties carry what RFC 5545 has no property for, so our own import reads
//! back exactly what it wrote.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{DateTime, Duration, LocalResult, NaiveTime, TimeZone, Utc};
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
        Status::Confirmed
        | Status::CheckedIn
        | Status::Called
        | Status::InConsultation
        | Status::Completed => "CONFIRMED",
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

/// True when `at`'s wall time in `zone` happens twice (the clocks go back): written with a
/// TZID, such a time is read as the first pass by some clients and as the second by others
/// (khal and older Python readers take the standard-time one, RFC 5545 the first).
fn ambiguous(zone: Tz, at: DateTime<Utc>) -> bool {
    let local = at.with_timezone(&zone).naive_local();
    matches!(zone.from_local_datetime(&local), LocalResult::Ambiguous(..))
}

/// Writes DTSTART and DTEND in one form that every client reads the same: both in TZID form,
/// or both in UTC when either's wall time happens twice (an appointment that runs into or
/// through the hour the clocks repeat).
fn times(
    lines: &mut Lines<'_>,
    zone: Tz,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> io::Result<()> {
    if ambiguous(zone, start) || ambiguous(zone, end) {
        lines.raw("DTSTART", &[], &utc_stamp(start))?;
        lines.raw("DTEND", &[], &utc_stamp(end))
    } else {
        let wall = |t: DateTime<Utc>| {
            t.with_timezone(&zone)
                .naive_local()
                .format("%Y%m%dT%H%M%S")
                .to_string()
        };
        lines.raw("DTSTART", &[("TZID", zone.name())], &wall(start))?;
        lines.raw("DTEND", &[("TZID", zone.name())], &wall(end))
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

/// A wall time in TZID form (DTSTART, RECURRENCE-ID, EXDATE of a series).
fn wall_text(date: chrono::NaiveDate, time: NaiveTime) -> String {
    date.and_time(time).format("%Y%m%dT%H%M%S").to_string()
}

/// The wall time the master event's instances are written at: the series' own, unless on one
/// of the rule's dates it falls in an hour the clocks skip or repeat. Clients compute such an
/// instance differently (Evolution's libical moves a skipped one, and the one after it, by an
/// hour, so their overrides and exclusions no longer match), and every instance is overridden
/// or excluded anyway: then the nearest whole hour away that exists once on every date, on the
/// same dates, is used, and `X-FRONTDESK-DTSTART` keeps the series' own wall time.
fn master_time(zone: Tz, time: NaiveTime, dates: &[chrono::NaiveDate]) -> NaiveTime {
    let clear = |t: NaiveTime| {
        dates.iter().all(|d| {
            matches!(
                zone.from_local_datetime(&d.and_time(t)),
                LocalResult::Single(_)
            )
        })
    };
    if clear(time) {
        return time;
    }
    (1..24)
        .flat_map(|h| [h, -h])
        .filter_map(|h| match time.overflowing_add_signed(Duration::hours(h)) {
            (t, 0) => Some(t),
            _ => None,
        })
        .find(|t| clear(*t))
        .unwrap_or(time)
}

/// How a series is written: the master event's rule, the appointments of the export that
/// override its instances, and every other date of the rule excluded, so a client expanding
/// the RRULE shows exactly the export's appointments, however narrow the export (a range,
/// one doctor) and whatever happened to the series outside it.
#[derive(Debug)]
pub struct SeriesPlan {
    /// Every date of the rule, first to last.
    pub dates: Vec<chrono::NaiveDate>,
    /// The wall time of the master event's instances (see `master_time`).
    pub time: NaiveTime,
    /// The date each overriding appointment stands for.
    pub overrides: BTreeMap<chrono::NaiveDate, AppointmentId>,
    /// The rule's dates no appointment of the export overrides (EXDATE).
    pub excluded: Vec<chrono::NaiveDate>,
}

impl SeriesPlan {
    /// The plan for `series`, whose appointments in the export are `occurrences`. An
    /// appointment overrides its date of the rule when it holds time there (cancelled ones
    /// and those entered in error are events of their own), one per date.
    pub fn new(
        zone: Tz,
        series: &ExportedSeries,
        occurrences: &[&ExportedAppointment],
    ) -> SeriesPlan {
        let dates = series.rule.dates(series.start_date).unwrap_or_default();
        let time = master_time(zone, series.start_time, &dates);
        let mut overrides = BTreeMap::new();
        for a in occurrences {
            let Some(date) = a.occurrence_date else {
                continue;
            };
            let status = a.appointment.status;
            let overrides_it = !matches!(status, Status::Cancelled | Status::EnteredInError);
            if overrides_it && dates.binary_search(&date).is_ok() {
                overrides.entry(date).or_insert(a.appointment.id);
            }
        }
        let excluded = dates
            .iter()
            .filter(|d| !overrides.contains_key(d))
            .copied()
            .collect();
        SeriesPlan {
            dates,
            time,
            overrides,
            excluded,
        }
    }

    /// True when `a` is written as an override of the master event.
    fn overrides(&self, a: &ExportedAppointment) -> bool {
        a.occurrence_date
            .is_some_and(|d| self.overrides.get(&d) == Some(&a.appointment.id))
    }
}

/// What a VEVENT stands for.
#[derive(Clone, Copy)]
enum Role<'a> {
    /// An appointment of its own (or a cancelled occurrence, marked with its series).
    Single(Option<&'a ExportedSeries>),
    /// The master event of a series: its rule from its first date, and its excluded dates,
    /// written with the first overriding appointment's details.
    Master(&'a ExportedSeries, &'a SeriesPlan),
    /// One occurrence of a series, overriding the master's instance on its date.
    Occurrence(&'a ExportedSeries, &'a SeriesPlan, chrono::NaiveDate),
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
        Role::Master(s, _) | Role::Occurrence(s, ..) => lines.raw("UID", &[], &series_uid(s.id))?,
    }
    lines.raw("DTSTAMP", &[], stamp)?;
    lines.raw("CREATED", &[], &utc_stamp(e.created_at))?;
    lines.raw("LAST-MODIFIED", &[], &utc_stamp(e.updated_at))?;
    if let Role::Master(s, plan) = role {
        // DTSTART is the rule's first date (RFC 5545 counts DTSTART as an instance, so it
        // must be one); its wall time is the series', in TZID form, so the rule keeps it
        // across changes of offset. DURATION, not DTEND: each instance lasts exactly as long.
        let first = plan.dates.first().copied().unwrap_or(s.start_date);
        lines.raw("SEQUENCE", &[], "0")?;
        let tzid = [("TZID", zone.name())];
        lines.raw("DTSTART", &tzid, &wall_text(first, plan.time))?;
        lines.raw("DURATION", &[], &format!("PT{}M", s.minutes))?;
        lines.raw("RRULE", &[], &s.rule.rrule(zone, plan.time, first))?;
        let excluded: Vec<String> = plan
            .excluded
            .iter()
            .map(|d| wall_text(*d, plan.time))
            .collect();
        if !excluded.is_empty() {
            lines.raw("EXDATE", &[("TZID", zone.name())], &excluded.join(","))?;
        }
    } else {
        if let Role::Occurrence(_, plan, date) = role {
            lines.raw(
                "RECURRENCE-ID",
                &[("TZID", zone.name())],
                &wall_text(date, plan.time),
            )?;
        }
        lines.raw("SEQUENCE", &[], &a.sequence.to_string())?;
        times(lines, zone, a.interval.start, a.interval.end)?;
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
    // The patient's id identifies them to our import (two namesakes stay two, in any
    // database); their date of birth and MRN stay out of files meant for calendar clients.
    lines.raw("ATTENDEE", &params, &format!("urn:uuid:{}", a.patient))?;
    match role {
        Role::Single(None) => {}
        Role::Master(s, plan) => {
            lines.raw("X-FRONTDESK-SERIES", &[], &s.id.to_string())?;
            // The series as it was booked, when DTSTART is not: it began on a date the rule
            // skips (a Monday for Wednesdays), or its rule is written at another hour.
            let first = plan.dates.first().copied().unwrap_or(s.start_date);
            if plan.time != s.start_time || first != s.start_date {
                lines.raw(
                    "X-FRONTDESK-DTSTART",
                    &[("TZID", zone.name())],
                    &wall_text(s.start_date, s.start_time),
                )?;
            }
        }
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
        Role::Occurrence(s, ..) => {
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

/// The UTC span the VTIMEZONE must cover: the range asked for, widened to every event and to
/// every instance a client computes from a series' rule (its first date to its last, however
/// narrow the export), so no client ever runs past the zone's definition.
fn covered(set: &ExportSet, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let zone = set.clinic.time_zone;
    let mut instants: Vec<DateTime<Utc>> = set.range.0.into_iter().chain(set.range.1).collect();
    for a in &set.appointments {
        instants.extend([a.appointment.interval.start, a.appointment.interval.end]);
    }
    for s in &set.series {
        let dates = s.rule.dates(s.start_date).unwrap_or_default();
        for date in [dates.first(), dates.last()].into_iter().flatten() {
            let start = lenient_instant(zone, date.and_time(s.start_time));
            instants.push(start);
            instants.push(start + Duration::minutes(s.minutes.clamp(0, MAX_APPOINTMENT_MINUTES)));
        }
    }
    let from = instants.iter().min().copied().unwrap_or(now);
    let to = instants.iter().max().copied().unwrap_or(now);
    // A day either side: a master event written at another hour than its series (see
    // `master_time`) may start a few hours before its first appointment.
    (from - Duration::days(1), to + Duration::days(1))
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
    let plan = series.map(|s| SeriesPlan::new(set.clinic.time_zone, s, occurrences));
    // The master shows the first appointment that overrides an instance; a series with none
    // in the export (all cancelled, or elsewhere) has no master, only events of its own.
    let template = plan
        .as_ref()
        .and_then(|p| occurrences.iter().find(|a| p.overrides(a)));
    if let (Some(s), Some(plan), Some(template)) = (series, &plan, template) {
        event(lines, set, names, stamp, template, Role::Master(s, plan))?;
    }
    for a in occurrences {
        let role = match (series, &plan, a.occurrence_date) {
            (Some(s), Some(plan), Some(date)) if plan.overrides(a) => {
                Role::Occurrence(s, plan, date)
            }
            (s, _, _) => Role::Single(s),
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
    // No X-WR-TIMEZONE: every time we write names its zone or is UTC, and Python readers
    // (recurring_ical_events, through x_wr_timezone) rewrite UTC times into that zone's wall
    // time, which drops the pass of a repeated hour and moves such an appointment by an hour.
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn days(from: (i32, u32, u32), n: i64) -> Vec<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(from.0, from.1, from.2).expect("date");
        (0..n).map(|i| first + Duration::days(i)).collect()
    }

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }

    #[test]
    fn a_master_keeps_its_time_unless_a_change_makes_it_skipped_or_repeated() {
        let ny = chrono_tz::America::New_York;
        // 09:30 exists once on every day of either change.
        assert_eq!(
            master_time(ny, at(9, 30), &days((2027, 3, 12), 5)),
            at(9, 30)
        );
        // 02:30 is skipped on 14 March 2027: the next hour that exists once every day.
        assert_eq!(
            master_time(ny, at(2, 30), &days((2027, 3, 12), 5)),
            at(3, 30)
        );
        // 01:30 happens twice on 7 November 2027: 02:30 happens once that night.
        assert_eq!(
            master_time(ny, at(1, 30), &days((2027, 11, 5), 5)),
            at(2, 30)
        );
        // Santiago goes forward at midnight: 00:30 is skipped, 01:30 is not.
        let santiago = chrono_tz::America::Santiago;
        assert_eq!(
            master_time(santiago, at(0, 30), &days((2027, 9, 3), 4)),
            at(1, 30)
        );
        // Never onto another date: 23:30 on a night that repeats 23:00-24:00 goes back.
        assert_eq!(
            master_time(santiago, at(23, 30), &days((2027, 4, 2), 3)),
            at(22, 30)
        );
    }
}
