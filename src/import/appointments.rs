//! Appointments from our CSV's columns or from iCalendar VEVENTs, as records with their lines.
//! Ids come from the file (our `id` column, or a UID of ours), or are derived from the row, so
//! importing the same file twice finds the same appointments. In an iCalendar file of ours, a
//! series' master event becomes a [`SeriesRecord`] and its events say where they sit in it.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

use super::csv_read::{Header, records};
use super::ics_read::{self, Component, date_time, duration_minutes, unescape_text};
use super::patients::{self, birth_date, email, patient_id};
use super::series::{SeriesLink, SeriesRecord};
use super::{
    AppointmentRecord, BadRow, CancelRecord, ImportError, NameRef, Parsed, PatientRecord, Until,
    When, derived_id,
};
use crate::export::csv::unneutralise;
use crate::export::ics::UID_DOMAIN;
use crate::scheduling::time::parse_wall_time;
use crate::scheduling::*;

/// A status as files write it: ours (`no_show`), with dashes (`no-show`), or as staff read it.
pub fn status(text: &str) -> Option<Status> {
    let key = text.trim().to_lowercase().replace(['-', ' '], "_");
    Status::parse(&key).or_else(|| {
        Status::ALL
            .into_iter()
            .find(|s| s.label().replace(['-', ' '], "_") == key)
    })
}

fn instant(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1)))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn uuid_cell(text: &str) -> Result<Option<uuid::Uuid>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(text)
        .map(Some)
        .map_err(|_| format!("\"{text}\" is not an id Frontdesk wrote (a UUID)"))
}

fn name_ref(id: Option<uuid::Uuid>, name: String) -> NameRef {
    NameRef {
        id,
        name: (!name.is_empty()).then_some(name),
    }
}

/// Reads appointments from our CSV (or one with the same column names).
pub fn parse_csv(text: &str) -> Result<Parsed<AppointmentRecord>, ImportError> {
    let (records, unreadable) = records(text);
    let mut records = records.into_iter();
    let header = records.next().ok_or(ImportError::Empty)?;
    let h = Header::new(&header.cells);
    let example = "id,start_utc,end_utc,doctor,patient (the columns `frontdesk export csv` writes)";
    let need = |names: &[&str], what: &str| {
        h.find(names)
            .ok_or_else(|| ImportError::MissingColumn(what.into(), example.into()))
    };
    let start_utc = h.find(&["start_utc"]);
    let start_local = h.find(&["start_local", "start"]);
    if start_utc.is_none() && start_local.is_none() {
        need(&["start_utc"], "start_utc (or start_local)")?;
    }
    let end_utc = h.find(&["end_utc"]);
    let end_local = h.find(&["end_local", "end"]);
    let minutes = h.find(&["minutes", "duration_minutes"]);
    if end_utc.is_none() && end_local.is_none() && minutes.is_none() {
        need(&["end_utc"], "end_utc (or end_local, or minutes)")?;
    }
    let doctor_id = h.find(&["doctor_id"]);
    let doctor_col = h.find(&["doctor", "doctor_name", "practitioner"]);
    if doctor_id.is_none() && doctor_col.is_none() {
        need(&["doctor"], "doctor (or doctor_id)")?;
    }
    let patient_id_col = h.find(&["patient_id"]);
    let patient_name = h.find(patients::NAME);
    if patient_id_col.is_none() && patient_name.is_none() {
        need(&["patient"], "patient (or patient_id)")?;
    }
    let col = |names: &[&str]| h.find(names);
    let c = Columns {
        id: col(&["id", "appointment_id"]),
        room_id: col(&["room_id"]),
        room: col(&["room", "room_name"]),
        visit_type: col(&["visit_type", "type"]),
        phone: col(patients::PHONE),
        email: col(patients::EMAIL),
        birth: col(patients::BIRTH),
        external: col(patients::EXTERNAL),
        status: col(&["status"]),
        kind: col(&["kind"]),
        mode: col(&["mode"]),
        reason: col(&["reason"]),
        notes: col(&["notes"]),
        link: col(&["meeting_link"]),
        token: col(&["queue_token"]),
        priority: col(&["priority"]),
        sequence: col(&["sequence"]),
        arrived: col(&["arrived_at_utc"]),
        started: col(&["consultation_started_at_utc"]),
        completed: col(&["completed_at_utc"]),
        cancel_reason: col(&["cancel_reason"]),
        cancelled_by: col(&["cancelled_by"]),
        late: col(&["cancelled_late"]),
        cancelled_at: col(&["cancelled_at_utc"]),
        overbook: col(&["overbook_reason"]),
    };
    let mut parsed = Parsed {
        rows: Vec::new(),
        bad: Vec::new(),
        series: Vec::new(),
    };
    for record in records {
        let cell = |col: Option<usize>| -> String {
            col.and_then(|i| record.cells.get(i))
                .map(|s| unneutralise(s).trim().to_owned())
                .unwrap_or_default()
        };
        // Free text is kept exactly as written (only the formula guard comes off).
        let free = |col: Option<usize>| -> String {
            col.and_then(|i| record.cells.get(i))
                .map(|s| unneutralise(s).to_owned())
                .unwrap_or_default()
        };
        let mut errors: Vec<String> = Vec::new();
        let mut err = |e: String| errors.push(e);
        let start = if !cell(start_utc).is_empty() {
            instant(&cell(start_utc)).map(When::Utc).or_else(|| {
                err(format!(
                    "start_utc \"{}\" is not a time: write it as 2026-11-24T04:00:00Z",
                    cell(start_utc)
                ));
                None
            })
        } else if !cell(start_local).is_empty() {
            parse_wall_time(&cell(start_local)).map(When::ClinicLocal).or_else(|| {
                err(format!("start_local \"{}\" is not a date and time: write it as \"2026-11-24 09:30\"", cell(start_local)));
                None
            })
        } else {
            err("the start is empty: fill in start_utc or start_local".into());
            None
        };
        let end = if !cell(end_utc).is_empty() {
            instant(&cell(end_utc))
                .map(|t| Until::At(When::Utc(t)))
                .or_else(|| {
                    err(format!(
                        "end_utc \"{}\" is not a time: write it as 2026-11-24T04:30:00Z",
                        cell(end_utc)
                    ));
                    None
                })
        } else if !cell(end_local).is_empty() {
            parse_wall_time(&cell(end_local))
                .map(|t| Until::At(When::ClinicLocal(t)))
                .or_else(|| {
                    err(format!(
                        "end_local \"{}\" is not a date and time: write it as \"2026-11-24 10:00\"",
                        cell(end_local)
                    ));
                    None
                })
        } else if !cell(minutes).is_empty() {
            cell(minutes)
                .parse::<i64>()
                .ok()
                .map(Until::Minutes)
                .or_else(|| {
                    err(format!(
                        "minutes \"{}\" is not a whole number",
                        cell(minutes)
                    ));
                    None
                })
        } else {
            err("the end is empty: fill in end_utc, end_local or minutes".into());
            None
        };
        let doctor = name_ref(
            uuid_cell(&cell(doctor_id)).unwrap_or_else(|e| {
                err(format!("doctor_id: {e}"));
                None
            }),
            cell(doctor_col),
        );
        if doctor.is_empty() {
            err("no doctor: fill in the doctor column".into());
        }
        let room = name_ref(
            uuid_cell(&cell(c.room_id)).unwrap_or_else(|e| {
                err(format!("room_id: {e}"));
                None
            }),
            cell(c.room),
        );
        let patient = PatientRecord {
            id: patient_id(&cell(patient_id_col)).unwrap_or_else(|e| {
                err(e);
                None
            }),
            name: cell(patient_name),
            phone: cell(c.phone),
            email: email(&cell(c.email)).unwrap_or_else(|e| {
                err(e);
                String::new()
            }),
            birth_date: birth_date(&cell(c.birth)).unwrap_or_else(|e| {
                err(e);
                None
            }),
            external_id: cell(c.external),
        };
        if patient.id.is_none() && patient.name.is_empty() {
            err("no patient: fill in the patient column".into());
        }
        let status = match cell(c.status) {
            s if s.is_empty() => Status::Scheduled,
            s => status(&s).unwrap_or_else(|| {
                err(format!("status \"{s}\" is unknown: use one of scheduled, confirmed, checked_in, in_consultation, completed, cancelled, no_show, entered_in_error"));
                Status::Scheduled
            }),
        };
        let kind = match cell(c.kind) {
            s if s.is_empty() => Kind::Scheduled,
            s => Kind::parse(&s.to_lowercase().replace('-', "_")).unwrap_or_else(|| {
                err(format!(
                    "kind \"{s}\" is unknown: use scheduled, walk_in or emergency"
                ));
                Kind::Scheduled
            }),
        };
        let mode = match cell(c.mode) {
            s if s.is_empty() => Mode::InClinic,
            s => Mode::parse(&s.to_lowercase().replace('-', "_")).unwrap_or_else(|| {
                err(format!(
                    "mode \"{s}\" is unknown: use in_clinic, phone or video"
                ));
                Mode::InClinic
            }),
        };
        let number = |col: Option<usize>, what: &str, err: &mut dyn FnMut(String)| -> i64 {
            let text = cell(col);
            if text.is_empty() {
                return 0;
            }
            text.parse().unwrap_or_else(|_| {
                err(format!("{what} \"{text}\" is not a whole number"));
                0
            })
        };
        let priority = number(c.priority, "priority", &mut err) as i32;
        let sequence = number(c.sequence, "sequence", &mut err).max(0) as u32;
        let mut stamp = |col: Option<usize>, what: &str| -> Option<DateTime<Utc>> {
            let text = cell(col);
            if text.is_empty() {
                return None;
            }
            instant(&text).or_else(|| {
                err(format!(
                    "{what} \"{text}\" is not a time: write it as 2026-11-24T04:00:00Z"
                ));
                None
            })
        };
        let arrived_at = stamp(c.arrived, "arrived_at_utc");
        let consultation_started_at = stamp(c.started, "consultation_started_at_utc");
        let completed_at = stamp(c.completed, "completed_at_utc");
        let cancelled_at = stamp(c.cancelled_at, "cancelled_at_utc");
        let cancellation = if status == Status::Cancelled || !cell(c.cancel_reason).is_empty() {
            let by = match cell(c.cancelled_by).to_lowercase().as_str() {
                "" | "patient" => CancelledBy::Patient,
                "clinic" => CancelledBy::Clinic,
                other => {
                    err(format!(
                        "cancelled_by \"{other}\" is unknown: use patient or clinic"
                    ));
                    CancelledBy::Patient
                }
            };
            Some(CancelRecord {
                reason: match cell(c.cancel_reason) {
                    r if r.is_empty() => "cancelled (imported)".to_owned(),
                    r => r,
                },
                by,
                late: matches!(cell(c.late).to_lowercase().as_str(), "yes" | "true" | "1"),
                at: cancelled_at,
            })
        } else {
            None
        };
        let id = uuid_cell(&cell(c.id)).unwrap_or_else(|e| {
            err(format!("id: {e}"));
            None
        });
        if !errors.is_empty() {
            parsed.bad.push(BadRow {
                line: record.line,
                reason: errors.join("; "),
            });
            continue;
        }
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        let id = id.unwrap_or_else(|| {
            derived_id(&format!(
                "csv|{}|{}|{}|{}|{}",
                cell(doctor_id),
                cell(doctor_col),
                cell(patient_id_col),
                cell(patient_name),
                if cell(start_utc).is_empty() {
                    cell(start_local)
                } else {
                    cell(start_utc)
                }
            ))
        });
        let overbook = cell(c.overbook);
        parsed.rows.push((
            record.line,
            AppointmentRecord {
                id: AppointmentId(id),
                start,
                end,
                doctor,
                room,
                visit_type: name_ref(None, cell(c.visit_type)),
                patient,
                status,
                kind,
                mode,
                priority,
                reason: free(c.reason),
                notes: free(c.notes),
                meeting_link: cell(c.link),
                queue_token: cell(c.token),
                sequence,
                arrived_at,
                consultation_started_at,
                completed_at,
                cancellation,
                overbook_reason: (!overbook.is_empty()).then_some(overbook),
                series: None,
            },
        ));
    }
    if let Some(u) = unreadable {
        parsed.bad.push(BadRow {
            line: u.line,
            reason: u.reason,
        });
    }
    Ok(parsed)
}

struct Columns {
    id: Option<usize>,
    room_id: Option<usize>,
    room: Option<usize>,
    visit_type: Option<usize>,
    phone: Option<usize>,
    email: Option<usize>,
    birth: Option<usize>,
    external: Option<usize>,
    status: Option<usize>,
    kind: Option<usize>,
    mode: Option<usize>,
    reason: Option<usize>,
    notes: Option<usize>,
    link: Option<usize>,
    token: Option<usize>,
    priority: Option<usize>,
    sequence: Option<usize>,
    arrived: Option<usize>,
    started: Option<usize>,
    completed: Option<usize>,
    cancel_reason: Option<usize>,
    cancelled_by: Option<usize>,
    late: Option<usize>,
    cancelled_at: Option<usize>,
    overbook: Option<usize>,
}

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
fn end_of(e: &Component) -> Result<Until, String> {
    match (e.prop("DTEND"), e.prop("DURATION")) {
        (Some(p), _) => Ok(Until::At(date_time(p)?)),
        (None, Some(d)) => Ok(Until::Minutes(duration_minutes(&d.value).ok_or_else(
            || format!("DURATION \"{}\" is not a duration such as PT30M", d.value),
        )?)),
        (None, None) => Err("the event has no DTEND or DURATION: give it an end time".into()),
    }
}

fn series_id(value: &str) -> Result<uuid::Uuid, String> {
    uuid::Uuid::from_str(value.trim())
        .map_err(|_| format!("X-FRONTDESK-SERIES \"{value}\" is not a series id Frontdesk wrote"))
}

/// The master event of one of our series: its id, first start, length and rule.
fn series_master(e: &Component, id: &str) -> Result<SeriesRecord, String> {
    let start = e
        .prop("DTSTART")
        .ok_or("the repeating event has no DTSTART: a series needs its first start")?;
    let rrule = e
        .prop("RRULE")
        .ok_or("the repeating event has no RRULE (RDATE alone is not a series Frontdesk wrote)")?;
    Ok(SeriesRecord {
        id: series_id(id)?,
        start: date_time(start)?,
        end: end_of(e)?,
        rrule: rrule.value.trim().to_owned(),
    })
}

/// Where an event of one of our series sits in it: the date of its RECURRENCE-ID, or of
/// `X-FRONTDESK-OCCURRENCE` on a cancelled one (an event of its own). `None` for a file
/// written before cancelled occurrences said their date.
fn series_link(e: &Component, id: &str) -> Result<Option<SeriesLink>, String> {
    let series = series_id(id)?;
    let date = match (e.prop("RECURRENCE-ID"), e.prop("X-FRONTDESK-OCCURRENCE")) {
        (Some(p), _) => Some(match date_time(p)? {
            When::Zoned(wall, _) | When::ClinicLocal(wall) => wall.date(),
            When::Utc(t) => t.date_naive(),
        }),
        (None, Some(p)) => Some(NaiveDate::parse_from_str(p.value.trim(), "%Y%m%d").map_err(
            |_| {
                format!(
                    "X-FRONTDESK-OCCURRENCE \"{}\" is not a date such as 20261028",
                    p.value
                )
            },
        )?),
        (None, None) => None,
    };
    Ok(date.map(|occurrence_date| SeriesLink {
        series,
        occurrence_date,
    }))
}

/// One VEVENT as an appointment or a series, or what is wrong with it.
fn event(e: &Component) -> Result<Event, String> {
    let text = |name: &str| e.prop(name).map(|p| unescape_text(&p.value));
    let series = e.prop("X-FRONTDESK-SERIES").map(|p| p.value.as_str());
    if e.prop("RRULE").is_some() || e.prop("RDATE").is_some() {
        if let Some(id) = series {
            return series_master(e, id).map(Event::Series);
        }
        return Err("a repeating event (RRULE or RDATE) from another calendar cannot be imported: export its occurrences one by one, or import a file Frontdesk wrote".into());
    }
    let start_prop = e
        .prop("DTSTART")
        .ok_or("the event has no DTSTART: every appointment needs a start time")?;
    let start = date_time(start_prop)?;
    let end = end_of(e)?;
    let series = series.map(|id| series_link(e, id)).transpose()?.flatten();
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
                p.value
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
        email: attendee
            .param("EMAIL")
            .map(str::to_owned)
            .or_else(|| mailto(&attendee.value))
            .unwrap_or_default(),
        ..PatientRecord::default()
    };
    let ours = |name: &str| e.prop(name).map(|p| p.value.trim().to_owned());
    let status = match ours("X-FRONTDESK-STATUS") {
        Some(s) => {
            self::status(&s).ok_or_else(|| format!("X-FRONTDESK-STATUS \"{s}\" is unknown"))?
        }
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
        Some(k) => Kind::parse(&k).ok_or_else(|| format!("X-FRONTDESK-KIND \"{k}\" is unknown"))?,
        None => Kind::Scheduled,
    };
    let mode = match ours("X-FRONTDESK-MODE") {
        Some(m) => Mode::parse(&m).ok_or_else(|| format!("X-FRONTDESK-MODE \"{m}\" is unknown"))?,
        None => Mode::InClinic,
    };
    let last_modified = e.prop("LAST-MODIFIED").and_then(|p| match date_time(p) {
        Ok(When::Utc(t)) => Some(t),
        _ => None,
    });
    let cancellation = (status == Status::Cancelled).then(|| CancelRecord {
        reason: text("X-FRONTDESK-CANCEL-REASON")
            .filter(|r| !r.trim().is_empty())
            .unwrap_or_else(|| "cancelled in the calendar".to_owned()),
        by: match ours("X-FRONTDESK-CANCELLED-BY").as_deref() {
            Some("patient") => CancelledBy::Patient,
            _ => CancelledBy::Clinic,
        },
        late: false,
        at: last_modified,
    });
    // Our own files always say X-FRONTDESK-STATUS; their DESCRIPTION is for people.
    let reason = if e.prop("X-FRONTDESK-STATUS").is_some() {
        text("X-FRONTDESK-REASON").unwrap_or_default()
    } else {
        text("DESCRIPTION")
            .or_else(|| text("SUMMARY"))
            .unwrap_or_default()
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
        priority: 0,
        reason: reason.chars().take(2000).collect(),
        notes: String::new(),
        meeting_link: ours("URL").unwrap_or_default(),
        queue_token: String::new(),
        sequence: e
            .prop("SEQUENCE")
            .and_then(|p| p.value.trim().parse().ok())
            .unwrap_or(0),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation,
        overbook_reason: text("X-FRONTDESK-OVERBOOK-REASON").filter(|r| !r.trim().is_empty()),
        series,
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
    };
    let events = top
        .iter()
        .flat_map(|c| {
            if c.name == "VEVENT" {
                std::slice::from_ref(c)
            } else {
                &c.children[..]
            }
        })
        .filter(|c| c.name == "VEVENT");
    for e in events {
        match event(e) {
            Ok(Event::Appointment(record)) => parsed.rows.push((e.line, *record)),
            Ok(Event::Series(series)) => parsed.series.push((e.line, series)),
            Err(reason) => parsed.bad.push(BadRow {
                line: e.line,
                reason,
            }),
        }
    }
    Ok(parsed)
}
