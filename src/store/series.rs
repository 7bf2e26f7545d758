//! Recurring series in the store: previewing every occurrence's conflicts, saving a series in
//! one `BEGIN IMMEDIATE` transaction (the series row, then each occurrence with its own audit
//! event), and reading a series back. Changing occurrences later is in `occurrence.rs`.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::json;

use super::booking::{Change, audit, check_actor, clinic, insert_appointment, judge, snapshot};
use super::codec::{self, secs};
use super::error::{Result, StoreError};
use super::{BookingOutcome, BookingRequest, Start, setup};
use crate::scheduling::conflict::{Conflict, Proposal};
use crate::scheduling::model::*;
use crate::scheduling::series::{
    self, Frequency, Occurrence, OccurrenceDecision, OnConflict, SeriesEnd, SeriesId, SeriesRule,
};
use crate::scheduling::status::Status;

/// A new series as staff ask for it: the first appointment (its start is the first date and the
/// wall time every occurrence keeps), the rule, and what to do with conflicting occurrences.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRequest {
    /// The first appointment; `start` must be clinic-local ([`Start::Local`]), the kind
    /// scheduled, and `overbook` unset (`on_conflict` says it for every occurrence).
    pub booking: BookingRequest,
    /// How it repeats.
    pub rule: SeriesRule,
    /// Refuse, skip the conflicting occurrences, or overbook them with a reason.
    pub on_conflict: OnConflict,
}

/// One occurrence and every conflict it would meet now.
#[derive(Clone, Debug, PartialEq)]
pub struct OccurrenceCheck {
    /// The occurrence (date, wall time, interval).
    pub occurrence: Occurrence,
    /// Its conflicts, most serious first; DST notices and gaps included.
    pub conflicts: Vec<Conflict>,
}

/// What saving a series did.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesOutcome {
    /// The new series.
    pub series: SeriesId,
    /// The occurrences booked, by date.
    pub booked: Vec<(NaiveDate, BookingOutcome)>,
    /// The occurrences left out, with why.
    pub skipped: Vec<OccurrenceCheck>,
}

/// A stored series.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its id.
    pub id: SeriesId,
    /// The clinic.
    pub clinic: ClinicId,
    /// The patient.
    pub patient: PatientId,
    /// The doctor.
    pub doctor: DoctorId,
    /// The room, if any.
    pub room: Option<RoomId>,
    /// The visit type, if any.
    pub visit_type: Option<VisitTypeId>,
    /// The rule.
    pub rule: SeriesRule,
    /// The first date (RRULE DTSTART's date).
    pub start_date: NaiveDate,
    /// The clinic-local wall time every occurrence keeps.
    pub start_time: NaiveTime,
    /// How long each occurrence lasts.
    pub minutes: i64,
    /// The zone the wall time is read in.
    pub zone: chrono_tz::Tz,
    /// The series this one was split from ("this and the following ones"), if any.
    pub split_from: Option<SeriesId>,
    /// Who created it.
    pub created_by: String,
}

/// One appointment of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesMember {
    /// The appointment.
    pub appointment: AppointmentId,
    /// The occurrence's original local date (RECURRENCE-ID).
    pub occurrence_date: NaiveDate,
    /// When it takes place now (it may have been moved alone).
    pub interval: Interval,
    /// Its status.
    pub status: Status,
}

/// A series with its appointments, as the details panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesView {
    /// The series.
    pub series: Series,
    /// Its appointments, by occurrence date.
    pub members: Vec<SeriesMember>,
    /// The occurrence date of the appointment that was asked about.
    pub this_date: NaiveDate,
}

/// Which occurrences a change applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// This occurrence alone.
    This,
    /// This occurrence and every later one of its series.
    ThisAndFollowing,
}

/// How occurrences move: by whole days, and/or to a new wall time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OccurrenceMove {
    /// Days to move by (negative: earlier).
    pub days: i64,
    /// The new clinic-local wall time; `None` keeps it.
    pub time: Option<NaiveTime>,
}

/// What changing occurrences did.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesChange {
    /// The appointments as they are now.
    pub changed: Vec<Appointment>,
    /// The new series a "this and the following ones" move split off.
    pub new_series: Option<SeriesId>,
    /// Later occurrences left as they were (already cancelled, done …), with why.
    pub untouched: Vec<(NaiveDate, String)>,
}

fn rule_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(e.to_string())
}

/// The first date, wall time and length of a series request, or what is wrong with it.
fn first(req: &SeriesRequest) -> Result<(NaiveDate, NaiveTime)> {
    let Start::Local(wall) = req.booking.start else {
        return Err(StoreError::Invalid(
            "a series starts at a clinic-local wall time (YYYY-MM-DD HH:MM), which every occurrence keeps".into(),
        ));
    };
    if req.booking.kind != Kind::Scheduled {
        return Err(StoreError::Invalid(
            "walk-ins and emergencies do not repeat: book the series as scheduled appointments"
                .into(),
        ));
    }
    if let OnConflict::Overbook(reason) = &req.on_conflict
        && reason.trim().is_empty()
    {
        return Err(StoreError::Invalid(
            "say why you overbook the series: the reason goes into each appointment's history"
                .into(),
        ));
    }
    Ok((wall.date(), wall.time()))
}

/// Every occurrence of the request with its conflicts, judged on what `conn` holds now.
fn checks(
    conn: &Connection,
    clinic: &Clinic,
    req: &SeriesRequest,
    now: DateTime<Utc>,
) -> Result<Vec<OccurrenceCheck>> {
    let (date, time) = first(req)?;
    let occurrences = series::expand(&req.rule, date, time, req.booking.minutes, clinic.time_zone)
        .map_err(rule_error)?;
    let mut out = Vec::with_capacity(occurrences.len());
    for occurrence in occurrences {
        let conflicts = judge_occurrence(conn, clinic, &req.booking, &occurrence, now)?;
        out.push(OccurrenceCheck {
            occurrence,
            conflicts,
        });
    }
    Ok(out)
}

fn judge_occurrence(
    conn: &Connection,
    clinic: &Clinic,
    booking: &BookingRequest,
    occurrence: &Occurrence,
    now: DateTime<Utc>,
) -> Result<Vec<Conflict>> {
    match occurrence.plan.interval {
        None => Ok(occurrence.plan.conflicts.clone()),
        Some(interval) => {
            let proposal = Proposal {
                doctor: booking.doctor,
                room: booking.room,
                patient: booking.patient,
                interval,
                kind: Kind::Scheduled,
                moving: None,
            };
            judge(
                conn,
                clinic,
                &proposal,
                occurrence.plan.conflicts.clone(),
                now,
            )
        }
    }
}

/// The conflicts of every occurrence, writing nothing (see [`super::Store::preview_series`]).
pub fn preview(
    conn: &mut Connection,
    req: &SeriesRequest,
    now: DateTime<Utc>,
) -> Result<Vec<OccurrenceCheck>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
    let clinic = clinic(&tx, req.booking.clinic)?;
    checks(&tx, &clinic, req, now)
}

/// `date: conflict; conflict` lines for a message.
pub(super) fn list_occurrences(zone: chrono_tz::Tz, checks: &[OccurrenceCheck]) -> String {
    checks
        .iter()
        .map(|c| {
            let when = match c.occurrence.plan.interval {
                Some(iv) => crate::scheduling::time::format_local(zone, iv.start),
                None => c.occurrence.wall.format("%Y-%m-%d %H:%M").to_string(),
            };
            let why: Vec<String> = c.conflicts.iter().map(ToString::to_string).collect();
            format!("  - {when}: {}", why.join("; "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Saves a series (see [`super::Store::book_series`]).
pub fn book(
    conn: &mut Connection,
    req: &SeriesRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<SeriesOutcome> {
    check_actor(actor)?;
    let (start_date, start_time) = first(req)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let clinic = clinic(&tx, req.booking.clinic)?;
    let zone = clinic.time_zone;
    register_new_patient(&tx, &req.booking)?;
    let occurrences = series::expand(&req.rule, start_date, start_time, req.booking.minutes, zone)
        .map_err(rule_error)?;
    // The series row goes first: its appointments refer to it.
    let id = SeriesId(uuid::Uuid::now_v7());
    let stored = Series {
        id,
        clinic: clinic.id,
        patient: req.booking.patient,
        doctor: req.booking.doctor,
        room: req.booking.room,
        visit_type: req.booking.visit_type,
        rule: req.rule.clone(),
        start_date: occurrences.first().map(|o| o.date).unwrap_or(start_date),
        start_time,
        minutes: req.booking.minutes,
        zone,
        split_from: None,
        created_by: actor.to_owned(),
    };
    insert_series(&tx, &stored, now)?;
    series_audit(
        &tx,
        id,
        now,
        actor,
        Change {
            action: "created",
            before: None,
            after: Some(series_json(&stored)),
            reason: match &req.on_conflict {
                OnConflict::Overbook(r) => r.trim(),
                _ => "",
            },
        },
    )?;
    let mut booked = Vec::new();
    let mut skipped = Vec::new();
    for occurrence in occurrences {
        // Judged inside the transaction, after the earlier occurrences were written.
        let conflicts = judge_occurrence(&tx, &clinic, &req.booking, &occurrence, now)?;
        match series::decide_occurrence(conflicts.clone(), &req.on_conflict) {
            OccurrenceDecision::Skip(_) => skipped.push(OccurrenceCheck {
                occurrence,
                conflicts,
            }),
            OccurrenceDecision::Book {
                overbooked,
                conflicts,
            } => {
                let Some(interval) = occurrence.plan.interval else {
                    continue; // a time in a gap is always refused, so never here
                };
                let appointment = new_appointment(&req.booking, &clinic, interval, actor);
                insert_appointment(&tx, &appointment, overbooked.as_deref(), now)?;
                set_series(&tx, appointment.id, id, occurrence.date)?;
                let mut after = snapshot(&appointment);
                after["series"] = json!(id.to_string());
                after["occurrence_date"] = json!(occurrence.date.format("%Y-%m-%d").to_string());
                if overbooked.is_some() {
                    after["overbooked_conflicts"] = json!(
                        conflicts
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                    );
                }
                audit(
                    &tx,
                    appointment.id,
                    now,
                    actor,
                    Change {
                        action: "created",
                        before: None,
                        after: Some(after),
                        reason: overbooked.as_deref().unwrap_or(""),
                    },
                )?;
                booked.push((
                    occurrence.date,
                    BookingOutcome {
                        appointment,
                        conflicts,
                        overbooked,
                    },
                ));
            }
        }
    }
    let total = booked.len() + skipped.len();
    if req.on_conflict == OnConflict::Refuse && !skipped.is_empty() {
        return Err(StoreError::Invalid(format!(
            "{} of the {total} occurrences conflict, so nothing was saved:\n{}\nSkip those occurrences, overbook them with a reason, or change the time or the rule",
            skipped.len(),
            list_occurrences(zone, &skipped)
        )));
    }
    if booked.is_empty() {
        return Err(StoreError::Invalid(format!(
            "none of the {total} occurrences can be booked, so nothing was saved:\n{}\nChoose another time, doctor or rule",
            list_occurrences(zone, &skipped)
        )));
    }
    tx.commit()?;
    Ok(SeriesOutcome {
        series: id,
        booked,
        skipped,
    })
}

/// Registers the request's new patient in the transaction, and checks the patient exists.
fn register_new_patient(tx: &Transaction<'_>, req: &BookingRequest) -> Result<()> {
    if let Some(new) = &req.new_patient {
        if new.id != req.patient {
            return Err(StoreError::Invalid(
                "the new patient's id differs from the booking's patient".into(),
            ));
        }
        if new.name.trim().is_empty() {
            return Err(StoreError::Invalid(
                "a patient needs a name: type at least the name the patient goes by".into(),
            ));
        }
        setup::insert_patient(tx, new)?;
    }
    if setup::patient(tx, req.patient)?.is_none() {
        return Err(StoreError::NotFound {
            what: "patient",
            name: req.patient.to_string(),
            hint: String::new(),
        });
    }
    Ok(())
}

fn new_appointment(
    req: &BookingRequest,
    clinic: &Clinic,
    interval: Interval,
    actor: &str,
) -> Appointment {
    Appointment {
        id: AppointmentId(uuid::Uuid::now_v7()),
        clinic: clinic.id,
        patient: req.patient,
        doctor: req.doctor,
        room: req.room,
        visit_type: req.visit_type,
        interval,
        mode: req.mode,
        kind: Kind::Scheduled,
        priority: req.priority,
        status: Status::Scheduled,
        reason: req.reason.trim().to_owned(),
        notes: req.notes.trim().to_owned(),
        meeting_link: String::new(),
        queue_token: String::new(),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: actor.to_owned(),
        updated_by: actor.to_owned(),
        sequence: 0,
    }
}

/// Ties an appointment to its series and occurrence date.
pub(super) fn set_series(
    tx: &Transaction<'_>,
    appointment: AppointmentId,
    series: SeriesId,
    date: NaiveDate,
) -> Result<()> {
    tx.prepare_cached("UPDATE appointment SET series_id = ?2, occurrence_date = ?3 WHERE id = ?1")?
        .execute(params![appointment.0, series.0, date_text(date)])?;
    Ok(())
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn by_day_text(rule: &SeriesRule, start: NaiveDate) -> String {
    match rule.frequency {
        Frequency::Daily => String::new(),
        Frequency::Weekly => rule
            .days_for(start)
            .into_iter()
            .map(series::byday)
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// The series row as JSON, for its audit.
pub(super) fn series_json(s: &Series) -> serde_json::Value {
    let (until, count) = match s.rule.end {
        SeriesEnd::Until(d) => (Some(date_text(d)), None),
        SeriesEnd::Count(n) => (None, Some(n)),
    };
    json!({
        "rrule": s.rule.rrule(s.zone, s.start_time, s.start_date),
        "freq": s.rule.frequency.as_str(),
        "interval": s.rule.interval,
        "by_day": by_day_text(&s.rule, s.start_date),
        "until_date": until,
        "count": count,
        "start_date": date_text(s.start_date),
        "start_time": s.start_time.format("%H:%M").to_string(),
        "minutes": s.minutes,
        "time_zone": s.zone.name(),
        "doctor": s.doctor.to_string(),
        "room": s.room.map(|r| r.to_string()),
        "patient": s.patient.to_string(),
        "split_from": s.split_from.map(|p| p.to_string()),
    })
}

/// Inserts a series row (no audit).
pub(super) fn insert_series(tx: &Transaction<'_>, s: &Series, now: DateTime<Utc>) -> Result<()> {
    let (until, count) = match s.rule.end {
        SeriesEnd::Until(d) => (Some(date_text(d)), None),
        SeriesEnd::Count(n) => (None, Some(n)),
    };
    tx.prepare_cached(
        "INSERT INTO series (id, clinic_id, patient_id, doctor_id, room_id, visit_type_id, freq, \
         interval, by_day, until_date, count, start_date, start_time, minutes, time_zone, \
         split_from, created_by, created_at, updated_by, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
         ?17, ?18)",
    )?
    .execute(params![
        s.id.0,
        s.clinic.0,
        s.patient.0,
        s.doctor.0,
        s.room.map(|r| r.0),
        s.visit_type.map(|v| v.0),
        s.rule.frequency.as_str(),
        s.rule.interval,
        by_day_text(&s.rule, s.start_date),
        until,
        count,
        date_text(s.start_date),
        s.start_time.format("%H:%M").to_string(),
        s.minutes,
        s.zone.name(),
        s.split_from.map(|p| p.0),
        s.created_by,
        secs(now),
    ])?;
    Ok(())
}

/// Ends a series the day before `date` (no audit: the caller records why).
pub(super) fn end_before(
    tx: &Transaction<'_>,
    id: SeriesId,
    date: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let until = date.pred_opt().unwrap_or(date);
    tx.prepare_cached(
        "UPDATE series SET until_date = ?2, count = NULL, updated_by = ?3, updated_at = ?4 \
         WHERE id = ?1",
    )?
    .execute(params![id.0, date_text(until), actor, secs(now)])?;
    Ok(())
}

/// Appends a series audit event (same transaction as the change).
pub(super) fn series_audit(
    tx: &Transaction<'_>,
    id: SeriesId,
    now: DateTime<Utc>,
    actor: &str,
    change: Change<'_>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO series_audit (series_id, at_utc, actor, action, before, after, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id.0,
        secs(now),
        actor,
        change.action,
        change.before.map(|v| v.to_string()),
        change.after.map(|v| v.to_string()),
        change.reason
    ])?;
    Ok(())
}

fn parse_date(column: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| codec::bad(column, format!("date '{text}'")))
}

/// Loads a series row.
pub(super) fn load_series(conn: &Connection, id: SeriesId) -> Result<Series> {
    let row = conn
        .prepare_cached(
            "SELECT id, clinic_id, patient_id, doctor_id, room_id, visit_type_id, freq, interval, \
             by_day, until_date, count, start_date, start_time, minutes, time_zone, split_from, \
             created_by FROM series WHERE id = ?1",
        )?
        .query_row([id.0], |r| {
            let freq: String = r.get(6)?;
            let by_day: String = r.get(8)?;
            let until: Option<String> = r.get(9)?;
            let count: Option<u32> = r.get(10)?;
            let start: String = r.get(11)?;
            let time: String = r.get(12)?;
            let zone: String = r.get(14)?;
            let weekdays: Vec<Weekday> = by_day
                .split(',')
                .filter(|c| !c.is_empty())
                .map(|c| series::parse_byday(c).ok_or_else(|| codec::bad(8, format!("day '{c}'"))))
                .collect::<rusqlite::Result<_>>()?;
            let end = match (until, count) {
                (Some(u), _) => SeriesEnd::Until(parse_date(9, &u)?),
                (None, Some(n)) => SeriesEnd::Count(n),
                (None, None) => return Err(codec::bad(9, "a series without an end".into())),
            };
            Ok(Series {
                id: SeriesId(r.get(0)?),
                clinic: ClinicId(r.get(1)?),
                patient: PatientId(r.get(2)?),
                doctor: DoctorId(r.get(3)?),
                room: r.get::<_, Option<uuid::Uuid>>(4)?.map(RoomId),
                visit_type: r.get::<_, Option<uuid::Uuid>>(5)?.map(VisitTypeId),
                rule: SeriesRule {
                    frequency: Frequency::parse(&freq)
                        .ok_or_else(|| codec::bad(6, format!("freq '{freq}'")))?,
                    interval: r.get(7)?,
                    weekdays,
                    end,
                },
                start_date: parse_date(11, &start)?,
                start_time: NaiveTime::parse_from_str(&time, "%H:%M")
                    .map_err(|_| codec::bad(12, format!("time '{time}'")))?,
                minutes: r.get(13)?,
                zone: zone
                    .parse()
                    .map_err(|_| codec::bad(14, format!("zone '{zone}'")))?,
                split_from: r.get::<_, Option<uuid::Uuid>>(15)?.map(SeriesId),
                created_by: r.get(16)?,
            })
        })
        .optional()?;
    row.ok_or_else(|| StoreError::NotFound {
        what: "series",
        name: id.to_string(),
        hint: String::new(),
    })
}

/// The appointments of a series, by occurrence date.
pub(super) fn members(conn: &Connection, id: SeriesId) -> Result<Vec<SeriesMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, occurrence_date, start_utc, end_utc, status FROM appointment \
         WHERE series_id = ?1 ORDER BY occurrence_date, start_utc",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        let date: String = r.get(1)?;
        let status: String = r.get(4)?;
        Ok(SeriesMember {
            appointment: AppointmentId(r.get(0)?),
            occurrence_date: parse_date(1, &date)?,
            interval: Interval::new(codec::instant(2, r.get(2)?)?, codec::instant(3, r.get(3)?)?),
            status: Status::parse(&status)
                .ok_or_else(|| codec::bad(4, format!("status '{status}'")))?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The series an appointment belongs to and its occurrence date, if any.
pub(super) fn membership(
    conn: &Connection,
    appointment: AppointmentId,
) -> Result<Option<(SeriesId, NaiveDate)>> {
    let row: Option<(Option<uuid::Uuid>, Option<String>)> = conn
        .prepare_cached("SELECT series_id, occurrence_date FROM appointment WHERE id = ?1")?
        .query_row([appointment.0], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((series, date)) = row else {
        return Err(StoreError::NotFound {
            what: "appointment",
            name: appointment.to_string(),
            hint: "; copy the id from `frontdesk agenda`".into(),
        });
    };
    match (series, date) {
        (Some(s), Some(d)) => Ok(Some((SeriesId(s), parse_date(1, &d)?))),
        _ => Ok(None),
    }
}

/// The series of an appointment, with all its appointments (see [`super::Store::series_of`]).
pub fn series_of(conn: &Connection, appointment: AppointmentId) -> Result<Option<SeriesView>> {
    let Some((id, this_date)) = membership(conn, appointment)? else {
        return Ok(None);
    };
    Ok(Some(SeriesView {
        series: load_series(conn, id)?,
        members: members(conn, id)?,
        this_date,
    }))
}
