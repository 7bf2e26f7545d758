//! Appointments from iCalendar VEVENTs, as records with their lines. Ids come from a UID of
//! ours, or are derived from the UID (and RECURRENCE-ID), so importing the same file twice finds
//! the same appointments. In an iCalendar file of ours, a series' master event becomes a
//! [`SeriesRecord`] and its events say where they sit in it.

use std::str::FromStr;

use super::appointments::status;
use super::ics_read::{self, Component, date_time, date8, duration_minutes, quoted, unescape_text};
use super::ics_zone::Zones;
use super::series::{SeriesLink, SeriesRecord};
use super::{
    AlsoStated, AppointmentRecord, BadRow, CancelRecord, ImportError, NameRef, Parsed,
    PatientRecord, Until, When, derived_id,
};
use crate::export::ics::UID_DOMAIN;
use crate::scheduling::*;

/// Our UID form `<uuid>@frontdesk`, or a bare UUID, gives that id; any other UID a derived one.
pub fn id_from_uid(uid: &str, recurrence: Option<&str>) -> uuid::Uuid {
    let uid = uid.trim();
    let ours = uid.strip_suffix(&format!("@{UID_DOMAIN}")).unwrap_or(uid);
    match (uuid::Uuid::from_str(ours), recurrence) {
        (Ok(id), None) => id,
        (_, Some(r)) => derived_id(&format!("ics|{uid}|{r}")),
        (Err(_), None) => derived_id(&format!("ics|{uid}")),
    }
}

fn urn_uuid(value: &str) -> Option<uuid::Uuid> {
    let v = value.trim();
    let rest = v
        .strip_prefix("urn:uuid:")
        .or_else(|| v.strip_prefix("URN:UUID:"))?;
    uuid::Uuid::parse_str(rest).ok()
}

fn mailto(value: &str) -> Option<String> {
    let v = value.trim();
    let rest = v
        .strip_prefix("mailto:")
        .or_else(|| v.strip_prefix("MAILTO:"))?;
    Some(rest.to_owned())
}

/// What one VEVENT gives: an appointment, or the master event of one of our series (its
/// rule; its appointments are the series' other events).
enum Event {
    Appointment(Box<AppointmentRecord>),
    Series(SeriesRecord),
}

/// An event's end: DTEND, or DURATION.
fn end_of(e: &Component, zones: &Zones<'_>) -> Result<Until, String> {
    match (e.prop("DTEND"), e.prop("DURATION")) {
        (Some(end), Some(length)) => Err(format!(
            "the event has both DTEND \"{}\" and DURATION \"{}\" (an event has one or the other, RFC 5545): keep the right one and delete the other",
            quoted(&end.value),
            quoted(&length.value)
        )),
        (Some(p), None) => Ok(Until::At(date_time(p, zones)?)),
        (None, Some(d)) => Ok(Until::Minutes(duration_minutes(&d.value)?)),
        (None, None) => Err("the event has no DTEND or DURATION: give it an end time".into()),
    }
}

fn series_id(value: &str) -> Result<uuid::Uuid, String> {
    uuid::Uuid::from_str(value.trim()).map_err(|_| {
        format!(
            "X-FRONTDESK-SERIES \"{}\" is not a series id Frontdesk wrote",
            quoted(value)
        )
    })
}

/// The master event of one of our series: its id, first start, length and rule.
fn series_master(e: &Component, id: &str, zones: &Zones<'_>) -> Result<SeriesRecord, String> {
    // The series' own first start; DTSTART when the master's instances are at it (see
    // `export::ics`: a series whose wall time falls in a change of offset is written at
    // another hour, with X-FRONTDESK-DTSTART).
    let start = e
        .prop("X-FRONTDESK-DTSTART")
        .or_else(|| e.prop("DTSTART"))
        .ok_or("the repeating event has no DTSTART: a series needs its first start")?;
    let rrule = e
        .prop("RRULE")
        .ok_or("the repeating event has no RRULE (RDATE alone is not a series Frontdesk wrote)")?;
    Ok(SeriesRecord {
        id: series_id(id)?,
        start: date_time(start, zones)?,
        end: end_of(e, zones)?,
        rrule: rrule.value.trim().to_owned(),
    })
}

/// Where an event of one of our series sits in it: the date of its RECURRENCE-ID, or of
/// `X-FRONTDESK-OCCURRENCE` on a cancelled one (an event of its own). `None` for a file
/// written before cancelled occurrences said their date.
fn series_link(e: &Component, id: &str, zones: &Zones<'_>) -> Result<Option<SeriesLink>, String> {
    let series = series_id(id)?;
    let date = match (e.prop("RECURRENCE-ID"), e.prop("X-FRONTDESK-OCCURRENCE")) {
        (Some(p), _) => Some(match date_time(p, zones)? {
            When::Zoned(wall, _) | When::ClinicLocal(wall) | When::Defined { wall, .. } => {
                wall.date()
            }
            When::Utc(t) => t.date_naive(),
        }),
        (None, Some(p)) => Some(date8(p.value.trim()).ok_or_else(|| {
            format!(
                "X-FRONTDESK-OCCURRENCE \"{}\" is not a date such as 20261028",
                quoted(&p.value)
            )
        })?),
        (None, None) => None,
    };
    Ok(date.map(|occurrence_date| SeriesLink {
        series,
        occurrence_date,
    }))
}

/// The event properties that say one thing once (RFC 5545 §3.6.1 allows each at most once in
/// a VEVENT), with all of ours: given twice, which one is meant cannot be known.
const ONCE: [&str; 14] = [
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RECURRENCE-ID",
    "RRULE",
    "STATUS",
    "SEQUENCE",
    "ORGANIZER",
    "SUMMARY",
    "DESCRIPTION",
    "URL",
    "LAST-MODIFIED",
];

/// The first property of `e` given twice that must be given once ([`ONCE`], or one of our
/// `X-FRONTDESK-` properties), as a message with both values.
fn given_twice(e: &Component) -> Option<String> {
    let mut seen: Vec<&super::ics_read::Property> = Vec::new();
    for p in &e.props {
        if !(ONCE.contains(&p.name.as_str()) || p.name.starts_with("X-FRONTDESK-")) {
            continue;
        }
        if let Some(first) = seen.iter().find(|q| q.name == p.name) {
            return Some(format!(
                "{} is given twice (\"{}\" and \"{}\"): an event has one; keep the right one and delete the other",
                p.name,
                quoted(&first.value),
                quoted(&p.value)
            ));
        }
        seen.push(p);
    }
    None
}

/// One VEVENT as an appointment or a series, or what is wrong with it.
fn event(e: &Component, zones: &Zones<'_>) -> Result<Event, String> {
    if let Some(twice) = given_twice(e) {
        return Err(twice);
    }
    let text = |name: &str| e.prop(name).map(|p| unescape_text(&p.value));
    let series = e.prop("X-FRONTDESK-SERIES").map(|p| p.value.as_str());
    if e.prop("RRULE").is_some() || e.prop("RDATE").is_some() {
        if let Some(id) = series {
            return series_master(e, id, zones).map(Event::Series);
        }
        return Err("a repeating event (RRULE or RDATE) from another calendar cannot be imported: export its occurrences one by one, or import a file Frontdesk wrote".into());
    }
    let start_prop = e
        .prop("DTSTART")
        .ok_or("the event has no DTSTART: every appointment needs a start time")?;
    let start = date_time(start_prop, zones)?;
    let end = end_of(e, zones)?;
    let series = series
        .map(|id| series_link(e, id, zones))
        .transpose()?
        .flatten();
    let uid = match e.prop("UID") {
        Some(p) => p.value.trim().to_owned(),
        None => format!(
            "{}|{}",
            start_prop.value,
            text("SUMMARY").unwrap_or_default()
        ),
    };
    // A series occurrence of ours names its appointment; its UID names the series.
    let id = match e.prop("X-FRONTDESK-ID") {
        Some(p) => uuid::Uuid::from_str(p.value.trim()).map_err(|_| {
            format!(
                "X-FRONTDESK-ID \"{}\" is not an id Frontdesk wrote",
                quoted(&p.value)
            )
        })?,
        None => id_from_uid(&uid, e.prop("RECURRENCE-ID").map(|p| p.value.as_str())),
    };
    let organizer = e.prop("ORGANIZER");
    let doctor = NameRef {
        id: organizer.and_then(|p| urn_uuid(&p.value)),
        name: organizer.and_then(|p| p.param("CN")).map(str::to_owned),
    };
    let organizer_value = organizer.map(|p| p.value.trim().to_lowercase());
    let attendee = e
        .all("ATTENDEE")
        .filter(|a| Some(a.value.trim().to_lowercase()) != organizer_value)
        .max_by_key(|a| {
            (
                urn_uuid(&a.value).is_some(),
                a.param("ROLE")
                    .is_none_or(|r| r.eq_ignore_ascii_case("REQ-PARTICIPANT")),
                a.param("CUTYPE")
                    .is_none_or(|r| r.eq_ignore_ascii_case("INDIVIDUAL")),
            )
        });
    let Some(attendee) = attendee else {
        return Err("the event names no patient: add the patient as an ATTENDEE".into());
    };
    let patient = PatientRecord {
        id: urn_uuid(&attendee.value).map(PatientId),
        name: attendee.param("CN").unwrap_or("").trim().to_owned(),
        phone: text("X-FRONTDESK-PATIENT-PHONE").unwrap_or_default(),
        email: attendee
            .param("EMAIL")
            .map(str::to_owned)
            .or_else(|| mailto(&attendee.value))
            .unwrap_or_default(),
        ..PatientRecord::default()
    };
    let ours = |name: &str| e.prop(name).map(|p| p.value.trim().to_owned());
    let status = match ours("X-FRONTDESK-STATUS") {
        Some(s) => self::status(&s)
            .ok_or_else(|| format!("X-FRONTDESK-STATUS \"{}\" is unknown", quoted(&s)))?,
        None => match e
            .prop("STATUS")
            .map(|p| p.value.trim().to_ascii_uppercase())
        {
            Some(s) if s == "CANCELLED" => Status::Cancelled,
            Some(s) if s == "CONFIRMED" => Status::Confirmed,
            _ => Status::Scheduled,
        },
    };
    let kind = match ours("X-FRONTDESK-KIND") {
        Some(k) => Kind::parse(&k)
            .ok_or_else(|| format!("X-FRONTDESK-KIND \"{}\" is unknown", quoted(&k)))?,
        None => Kind::Scheduled,
    };
    let mode = match ours("X-FRONTDESK-MODE") {
        Some(m) => Mode::parse(&m)
            .ok_or_else(|| format!("X-FRONTDESK-MODE \"{}\" is unknown", quoted(&m)))?,
        None => Mode::InClinic,
    };
    let last_modified = e
        .prop("LAST-MODIFIED")
        .and_then(|p| match date_time(p, zones) {
            Ok(When::Utc(t)) => Some(t),
            _ => None,
        });
    // Our own stamps (arrival, cancellation …) are UTC date-times.
    let stamp = |name: &str| -> Result<Option<chrono::DateTime<chrono::Utc>>, String> {
        match e.prop(name).map(|p| date_time(p, zones)).transpose()? {
            None => Ok(None),
            Some(When::Utc(t)) => Ok(Some(t)),
            Some(_) => Err(format!(
                "{name} must be a UTC time such as 20261124T043000Z"
            )),
        }
    };
    let cancel_reason = text("X-FRONTDESK-CANCEL-REASON").filter(|r| !r.trim().is_empty());
    let cancellation =
        (status == Status::Cancelled || cancel_reason.is_some()).then(|| CancelRecord {
            reason: cancel_reason
                .clone()
                .unwrap_or_else(|| "cancelled in the calendar".to_owned()),
            by: match ours("X-FRONTDESK-CANCELLED-BY").as_deref() {
                Some("patient") => CancelledBy::Patient,
                _ => CancelledBy::Clinic,
            },
            late: ours("X-FRONTDESK-CANCELLED-LATE")
                .is_some_and(|l| l.eq_ignore_ascii_case("TRUE")),
            at: stamp("X-FRONTDESK-CANCELLED-AT")
                .ok()
                .flatten()
                .or(last_modified),
        });
    // Our own files always say X-FRONTDESK-STATUS; their DESCRIPTION is for people.
    let reason = if e.prop("X-FRONTDESK-STATUS").is_some() {
        text("X-FRONTDESK-REASON").unwrap_or_default()
    } else {
        // Another calendar's description can be long: the first 2,000 characters.
        text("DESCRIPTION")
            .or_else(|| text("SUMMARY"))
            .unwrap_or_default()
            .chars()
            .take(2000)
            .collect()
    };
    let first = |name: &str| {
        e.prop(name).and_then(|p| {
            // A list: the first item, unescaped (an escaped comma stays in the item).
            let mut item = String::new();
            let mut escaped = false;
            for c in p.value.chars() {
                match c {
                    ',' if !escaped => break,
                    '\\' if !escaped => escaped = true,
                    c => {
                        if escaped {
                            item.push('\\');
                        }
                        item.push(c);
                        escaped = false;
                    }
                }
            }
            let item = unescape_text(&item).trim().to_owned();
            (!item.is_empty()).then_some(item)
        })
    };
    let sequence = match e.prop("SEQUENCE") {
        Some(p) => p.value.trim().parse::<u32>().map_err(|_| {
            format!(
                "SEQUENCE \"{}\" is not a revision number from 0 to {}",
                quoted(&p.value),
                u32::MAX
            )
        })?,
        None => 0,
    };
    Ok(Event::Appointment(Box::new(AppointmentRecord {
        id: AppointmentId(id),
        start,
        end,
        doctor,
        room: NameRef {
            id: None,
            name: first("RESOURCES"),
        },
        visit_type: NameRef {
            id: None,
            name: first("CATEGORIES"),
        },
        patient,
        status,
        kind,
        mode,
        priority: match ours("X-FRONTDESK-PRIORITY") {
            Some(p) => p.parse().map_err(|_| {
                format!("X-FRONTDESK-PRIORITY \"{p}\" is not a whole number such as 2")
            })?,
            None => 0,
        },
        reason,
        notes: text("X-FRONTDESK-NOTES").unwrap_or_default(),
        meeting_link: ours("URL").unwrap_or_default(),
        queue_token: text("X-FRONTDESK-QUEUE-TOKEN").unwrap_or_default(),
        sequence,
        arrived_at: stamp("X-FRONTDESK-ARRIVED")?,
        consultation_started_at: stamp("X-FRONTDESK-CONSULTATION-STARTED")?,
        completed_at: stamp("X-FRONTDESK-COMPLETED")?,
        cancellation,
        overbook_reason: text("X-FRONTDESK-OVERBOOK-REASON").filter(|r| !r.trim().is_empty()),
        series,
        also: AlsoStated::default(),
    })))
}

/// Reads the VEVENTs of an iCalendar file.
pub fn parse_ics(text: &str) -> Result<Parsed<AppointmentRecord>, ImportError> {
    let top = ics_read::parse(text).map_err(|b| ImportError::Broken {
        line: b.line,
        reason: b.reason,
    })?;
    if !top.iter().any(|c| c.name == "VCALENDAR") {
        return Err(ImportError::Unsupported(
            "this is not an iCalendar file (no BEGIN:VCALENDAR): choose an .ics file".into(),
        ));
    }
    let mut parsed = Parsed {
        rows: Vec::new(),
        bad: Vec::new(),
        series: Vec::new(),
        repeats: 0,
    };
    // Each VCALENDAR's events are read with its own zones; an event outside any calendar
    // with none.
    let mut calendars: Vec<(Zones<'_>, &[Component])> = Vec::new();
    for c in &top {
        if c.name == "VEVENT" {
            calendars.push((Zones::default(), std::slice::from_ref(c)));
        } else if c.name == "VCALENDAR" {
            calendars.push((Zones::of(c), &c.children[..]));
        }
    }
    for (zones, components) in &calendars {
        for e in components.iter().filter(|c| c.name == "VEVENT") {
            match event(e, zones) {
                Ok(Event::Appointment(record)) => parsed.rows.push((e.line, *record)),
                Ok(Event::Series(series)) => parsed.series.push((e.line, series)),
                Err(reason) => parsed.bad.push(BadRow {
                    line: e.line,
                    reason,
                }),
            }
        }
    }
    Ok(parsed)
}
