//! Appointments from our CSV's columns, as records with their lines. Ids come from the file (our
//! `id` column), or are derived from the row, so importing the same file twice finds the same
//! appointments. iCalendar VEVENTs are read in `ics_appointments.rs` (`parse_ics` and
//! `id_from_uid` are re-exported here).

use chrono::{DateTime, Utc};

use super::csv_read::{Header, quote, records};
pub use super::ics_appointments::{id_from_uid, parse_ics};
use super::patients::{self, birth_date, email, patient_id};
use super::series::{SeriesLink, SeriesRecord};
use super::{
    AlsoStated, AppointmentRecord, BadRow, CancelRecord, ImportError, NameRef, Parsed,
    PatientRecord, Until, When, derived_id,
};
use crate::export::csv::unneutralise;
use crate::scheduling::entry;
use crate::scheduling::time::read_wall_time;
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

/// A UTC cell (`2026-11-24T04:30:00Z`), with what is wrong when it is not one: not a time, or
/// a fraction of a second (our export writes none; a start or end is on a whole minute, a
/// recorded step on a whole second), said with the fraction and what to write instead.
fn utc_cell(text: &str, what: &str, whole_minute: bool) -> Result<DateTime<Utc>, String> {
    let Some(t) = instant(text) else {
        return Err(format!(
            "{what} {} is not a time: write it as 2026-11-24T04:30:00Z",
            quote(text)
        ));
    };
    if t.timestamp_subsec_nanos() == 0 {
        return Ok(t);
    }
    let fraction: String = text
        .trim()
        .split_once(['.', ','])
        .map(|(_, rest)| {
            rest.chars()
                .take_while(char::is_ascii_digit)
                .take(9)
                .collect()
        })
        .unwrap_or_default();
    let write = if whole_minute {
        t.format("%Y-%m-%dT%H:%M:00Z")
    } else {
        t.format("%Y-%m-%dT%H:%M:%SZ")
    };
    Err(format!(
        "{what} {} has a fraction of a second (.{fraction}): times are {}, so write {write}",
        quote(text),
        if whole_minute {
            "whole minutes"
        } else {
            "whole seconds"
        }
    ))
}

fn uuid_cell(text: &str) -> Result<Option<uuid::Uuid>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(text)
        .map(Some)
        .map_err(|_| format!("{} is not an id Frontdesk wrote (a UUID)", quote(text)))
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
    let header = records.next().ok_or_else(|| match &unreadable {
        // A quote opened on the first line swallows the whole file.
        Some(u) => ImportError::Broken {
            line: u.line,
            reason: u.reason.clone(),
        },
        None => ImportError::Empty,
    })?;
    let h = Header::new(&header.cells);
    if let Some(twice) = h.duplicate(&header.cells) {
        return Err(ImportError::DuplicateColumn(twice));
    }
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
        series: SeriesColumns {
            id: col(&["series_id"]),
            date: col(&["occurrence_date"]),
            rule: col(&["series_rule"]),
            start: col(&["series_start_local"]),
            minutes: col(&["series_minutes"]),
        },
    };
    let mut parsed = Parsed {
        rows: Vec::new(),
        bad: Vec::new(),
        series: Vec::new(),
        repeats: 0,
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
                .map(|s| unneutralise(s).into_owned())
                .unwrap_or_default()
        };
        let mut errors: Vec<String> = h.extra_cells(&record).into_iter().collect();
        let mut err = |e: String| errors.push(e);
        let mut also = AlsoStated::default();
        let utc = |col: Option<usize>, what: &str, whole: bool, err: &mut dyn FnMut(String)| {
            utc_cell(&cell(col), what, whole).map_err(err).ok()
        };
        let wall = |col: Option<usize>, what: &str, err: &mut dyn FnMut(String)| {
            read_wall_time(&cell(col))
                .map_err(|e| err(format!("{what} {e}")))
                .ok()
        };
        let has = |col: Option<usize>| !cell(col).is_empty();
        // The start from start_utc, else start_local; a start_local given too must agree.
        let start = if has(start_utc) {
            if has(start_local) {
                also.start_local = wall(start_local, "start_local", &mut err);
            }
            utc(start_utc, "start_utc", true, &mut err).map(When::Utc)
        } else if has(start_local) {
            wall(start_local, "start_local", &mut err).map(When::ClinicLocal)
        } else {
            err("the start is empty: fill in start_utc or start_local".into());
            None
        };
        // The end from end_utc, else end_local, else minutes; the others given must agree.
        if has(minutes) && (has(end_utc) || has(end_local)) {
            also.minutes = visit_minutes(&cell(minutes)).map_err(&mut err).ok();
        }
        let end = if has(end_utc) {
            if has(end_local) {
                also.end_local = wall(end_local, "end_local", &mut err);
            }
            utc(end_utc, "end_utc", true, &mut err).map(|t| Until::At(When::Utc(t)))
        } else if has(end_local) {
            wall(end_local, "end_local", &mut err).map(|t| Until::At(When::ClinicLocal(t)))
        } else if has(minutes) {
            visit_minutes(&cell(minutes))
                .map(Until::Minutes)
                .map_err(&mut err)
                .ok()
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
        // The name, phone and external id meet the entry rules where the store registers the
        // patient (`store::import`); a row that names a stored patient adds no text.
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
                err(format!("status {} is unknown: use one of scheduled, confirmed, checked_in, in_consultation, completed, cancelled, no_show, entered_in_error", quote(&s)));
                Status::Scheduled
            }),
        };
        let kind = match cell(c.kind) {
            s if s.is_empty() => Kind::Scheduled,
            s => Kind::parse(&s.to_lowercase().replace('-', "_")).unwrap_or_else(|| {
                err(format!(
                    "kind {} is unknown: use scheduled, walk_in or emergency",
                    quote(&s)
                ));
                Kind::Scheduled
            }),
        };
        let mode = match cell(c.mode) {
            s if s.is_empty() => Mode::InClinic,
            s => Mode::parse(&s.to_lowercase().replace('-', "_")).unwrap_or_else(|| {
                err(format!(
                    "mode {} is unknown: use in_clinic, phone or video",
                    quote(&s)
                ));
                Mode::InClinic
            }),
        };
        let number = |col: Option<usize>,
                      what: &str,
                      range: std::ops::RangeInclusive<i64>,
                      err: &mut dyn FnMut(String)|
         -> i64 {
            whole_number(&cell(col), what, range).unwrap_or_else(|e| {
                err(e);
                0
            })
        };
        let priority = number(c.priority, "priority", 0..=MAX_PRIORITY, &mut err);
        let priority = i32::try_from(priority).unwrap_or(0);
        let sequence = number(c.sequence, "sequence", 0..=MAX_SEQUENCE, &mut err);
        let sequence = u32::try_from(sequence).unwrap_or(0);
        let mut stamp = |col: Option<usize>, what: &str| -> Option<DateTime<Utc>> {
            let text = cell(col);
            if text.is_empty() {
                return None;
            }
            utc_cell(&text, what, false).map_err(&mut err).ok()
        };
        let arrived_at = stamp(c.arrived, "arrived_at_utc");
        let consultation_started_at = stamp(c.started, "consultation_started_at_utc");
        let completed_at = stamp(c.completed, "completed_at_utc");
        let cancelled_at = stamp(c.cancelled_at, "cancelled_at_utc");
        let mut free_checked = |col: Option<usize>, what: &'static str| -> String {
            entry::free_text(what, &free(col)).unwrap_or_else(|e| {
                err(e.to_string());
                String::new()
            })
        };
        let reason = free_checked(c.reason, "the reason");
        let notes = free_checked(c.notes, "the notes");
        let overbook = free_checked(c.overbook, "the overbook reason")
            .trim()
            .to_owned();
        let cancel_reason = free_checked(c.cancel_reason, "the cancellation reason")
            .trim()
            .to_owned();
        let cancellation = if status == Status::Cancelled || !cancel_reason.is_empty() {
            let by = match cell(c.cancelled_by).to_lowercase().as_str() {
                "" | "patient" => CancelledBy::Patient,
                "clinic" => CancelledBy::Clinic,
                other => {
                    err(format!(
                        "cancelled_by {} is unknown: use patient or clinic",
                        quote(other)
                    ));
                    CancelledBy::Patient
                }
            };
            Some(CancelRecord {
                reason: match cancel_reason {
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
        let series = c.series.read(&cell).unwrap_or_else(|e| {
            err(e);
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
                reason,
                notes,
                meeting_link: cell(c.link),
                queue_token: cell(c.token),
                sequence,
                arrived_at,
                consultation_started_at,
                completed_at,
                cancellation,
                overbook_reason: (!overbook.is_empty()).then_some(overbook),
                series: series.as_ref().map(|(link, _)| *link),
                also,
            },
        ));
        if let Some((link, Some(defined))) = series
            && !parsed.series.iter().any(|(_, s)| s.id == link.series)
        {
            parsed.series.push((record.line, defined));
        }
    }
    if let Some(u) = unreadable {
        parsed.bad.push(BadRow {
            line: u.line,
            reason: u.reason,
        });
    }
    Ok(parsed)
}

/// The highest priority a row may give (0 is normal; higher is seen sooner).
pub const MAX_PRIORITY: i64 = 100;
/// The highest move counter a row may give.
pub const MAX_SEQUENCE: i64 = 1_000_000;

/// A whole number cell within `range`; empty is 0. Read as text first, so a huge number, a
/// negative one or an exponent gets a message rather than wrapping around.
fn whole_number(
    text: &str,
    what: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    let fix = format!(
        "give a whole number from {} to {}",
        range.start(),
        range.end()
    );
    match text.parse::<i64>() {
        Ok(n) if range.contains(&n) => Ok(n),
        Ok(_) => Err(format!("{what} {} is out of range: {fix}", quote(text))),
        Err(_)
            if text
                .trim_start_matches(['-', '+'])
                .chars()
                .all(|c| c.is_ascii_digit())
                && !text.trim_start_matches(['-', '+']).is_empty() =>
        {
            Err(format!("{what} {} is out of range: {fix}", quote(text)))
        }
        Err(_) => Err(format!(
            "{what} {} is not a whole number: {fix}",
            quote(text)
        )),
    }
}

/// The `minutes` cell: a visit's length, 1 to `MAX_APPOINTMENT_MINUTES`.
fn visit_minutes(text: &str) -> Result<i64, String> {
    let text = text.trim();
    let fix = format!(
        "give the visit's length in whole minutes, 1 to {MAX_APPOINTMENT_MINUTES}, e.g. 30"
    );
    match text.parse::<i64>() {
        Ok(m) if (1..=MAX_APPOINTMENT_MINUTES).contains(&m) => Ok(m),
        Ok(m) if m <= 0 => Err(format!("minutes {} is not a length: {fix}", quote(text))),
        Ok(_) => Err(format!("minutes {} is too long: {fix}", quote(text))),
        Err(_)
            if text
                .trim_start_matches(['-', '+'])
                .chars()
                .all(|c| c.is_ascii_digit())
                && !text.trim_start_matches(['-', '+']).is_empty() =>
        {
            Err(format!("minutes {} is out of range: {fix}", quote(text)))
        }
        Err(_) => Err(format!(
            "minutes {} is not a whole number: {fix}",
            quote(text)
        )),
    }
}

/// The columns of a recurring series (our export writes them on every member's row).
struct SeriesColumns {
    id: Option<usize>,
    date: Option<usize>,
    rule: Option<usize>,
    start: Option<usize>,
    minutes: Option<usize>,
}

impl SeriesColumns {
    /// The row's place in a series and, when the row carries the rule, the series itself;
    /// `None` for a row of no series.
    fn read(
        &self,
        cell: &dyn Fn(Option<usize>) -> String,
    ) -> Result<Option<(SeriesLink, Option<SeriesRecord>)>, String> {
        let id = cell(self.id);
        if id.is_empty() {
            return Ok(None);
        }
        let series = uuid::Uuid::parse_str(&id).map_err(|_| {
            format!("series_id \"{id}\" is not a series id Frontdesk wrote (a UUID)")
        })?;
        let date = cell(self.date);
        let occurrence_date = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|_| {
            format!("occurrence_date \"{date}\" is not a date such as 2026-11-24: a series member needs the date the rule gives it")
        })?;
        let link = SeriesLink {
            series,
            occurrence_date,
        };
        let rule = cell(self.rule);
        if rule.is_empty() {
            return Ok(Some((link, None)));
        }
        let start_text = cell(self.start);
        let start = read_wall_time(&start_text)
            .map_err(|e| format!("series_start_local {e} (the series' first start)"))?;
        let minutes_text = cell(self.minutes);
        let minutes = minutes_text
            .parse::<i64>()
            .ok()
            .filter(|m| (1..=MAX_APPOINTMENT_MINUTES).contains(m))
            .ok_or_else(|| {
                format!("series_minutes \"{minutes_text}\" is not a length from 1 to {MAX_APPOINTMENT_MINUTES} minutes")
            })?;
        let series = SeriesRecord {
            id: series,
            start: When::ClinicLocal(start),
            end: Until::Minutes(minutes),
            rrule: rule,
        };
        Ok(Some((link, Some(series))))
    }
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
    series: SeriesColumns,
}
