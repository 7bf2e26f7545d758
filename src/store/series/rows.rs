//! Series rows: writing and reading the `series` table (the rule as RRULE parts, the local
//! start date and wall time, the zone), its audit, and which appointments belong to a series.

use super::super::sql;
use super::super::sql::{Db, OptionalExtension, params};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use serde_json::json;

use super::{Series, SeriesMember, SeriesView};
use crate::scheduling::model::*;
use crate::scheduling::series::{self, Frequency, SeriesEnd, SeriesId, SeriesRule};
use crate::scheduling::status::Status;
use crate::store::booking::Change;
use crate::store::codec::{self, secs};
use crate::store::error::{Result, StoreError};

/// Ties an appointment to its series and occurrence date.
pub(in crate::store) fn set_series(
    tx: &Db,
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
pub(in crate::store) fn series_json(s: &Series) -> serde_json::Value {
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
pub(in crate::store) fn insert_series(tx: &Db, s: &Series, now: DateTime<Utc>) -> Result<()> {
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
pub(in crate::store) fn end_before(
    tx: &Db,
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
pub(in crate::store) fn series_audit(
    tx: &Db,
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

/// Loads a series row.
pub(in crate::store) fn load_series(conn: &Db, id: SeriesId) -> Result<Series> {
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
                .collect::<sql::Result<_>>()?;
            let end = match (until, count) {
                (Some(u), _) => SeriesEnd::Until(codec::date(9, &u)?),
                (None, Some(n)) => SeriesEnd::Count(n),
                (None, None) => return Err(codec::bad(9, "a series without an end".into())),
            };
            Ok(Series {
                id: SeriesId(r.get(0)?),
                clinic: ClinicId(r.get(1)?),
                patient: PatientId(r.get(2)?),
                doctor: DoctorId(r.get(3)?),
                room: r.get::<Option<uuid::Uuid>>(4)?.map(RoomId),
                visit_type: r.get::<Option<uuid::Uuid>>(5)?.map(VisitTypeId),
                rule: SeriesRule {
                    frequency: Frequency::parse(&freq)
                        .ok_or_else(|| codec::bad(6, format!("freq '{freq}'")))?,
                    interval: r.get(7)?,
                    weekdays,
                    end,
                },
                start_date: codec::date(11, &start)?,
                start_time: NaiveTime::parse_from_str(&time, "%H:%M")
                    .map_err(|_| codec::bad(12, format!("time '{time}'")))?,
                minutes: r.get(13)?,
                zone: zone
                    .parse()
                    .map_err(|_| codec::bad(14, format!("zone '{zone}'")))?,
                split_from: r.get::<Option<uuid::Uuid>>(15)?.map(SeriesId),
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
pub(in crate::store) fn members(conn: &Db, id: SeriesId) -> Result<Vec<SeriesMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, occurrence_date, start_utc, end_utc, status FROM appointment \
         WHERE series_id = ?1 ORDER BY occurrence_date, start_utc",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        let date: String = r.get(1)?;
        let status: String = r.get(4)?;
        Ok(SeriesMember {
            appointment: AppointmentId(r.get(0)?),
            occurrence_date: codec::date(1, &date)?,
            interval: Interval::new(codec::instant(2, r.get(2)?)?, codec::instant(3, r.get(3)?)?),
            status: Status::parse(&status)
                .ok_or_else(|| codec::bad(4, format!("status '{status}'")))?,
        })
    })?;
    Ok(rows.collect::<sql::Result<Vec<_>>>()?)
}

/// The series an appointment belongs to and its occurrence date, if any.
pub(in crate::store) fn membership(
    conn: &Db,
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
            hint: crate::t!("store-hint-copy-id-from-agenda"),
        });
    };
    match (series, date) {
        (Some(s), Some(d)) => Ok(Some((SeriesId(s), codec::date(1, &d)?))),
        _ => Ok(None),
    }
}

/// The series of an appointment, with all its appointments (see [`super::Store::series_of`]).
pub fn series_of(conn: &Db, appointment: AppointmentId) -> Result<Option<SeriesView>> {
    let Some((id, this_date)) = membership(conn, appointment)? else {
        return Ok(None);
    };
    Ok(Some(SeriesView {
        series: load_series(conn, id)?,
        members: members(conn, id)?,
        this_date,
    }))
}
