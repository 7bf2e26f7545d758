//! Loading what the core needs to decide: the conflict context for one proposal and the clinic
//! calendar for the slot finder. Every range query is bounded on both sides.

use super::sql;
use std::collections::HashSet;

use super::sql::{Db, OptionalExtension, params};
use chrono::{DateTime, Duration, Utc};

use super::codec::{self, secs};
use super::setup;
use crate::scheduling::availability::{ClinicCalendar, DoctorCalendar, RoomCalendar};
use crate::scheduling::conflict::{Absence, Booked, ConflictContext, Proposal, RoomRules};
use crate::scheduling::model::*;
use crate::scheduling::status::Status;

/// The lower bound that makes an overlap query use the start index: nothing starts earlier than
/// this and still reaches `from`.
pub fn earliest_overlapping_start(from: DateTime<Utc>) -> i64 {
    secs(from) - MAX_APPOINTMENT_MINUTES * 60
}

/// Live appointments (those holding time, `codec::freeing_statuses_sql`) of one column's value
/// overlapping `window`.
const BUSY_SQL: &str = "SELECT start_utc, end_utc FROM appointment \
    WHERE {col} = ?1 AND start_utc >= ?2 AND start_utc < ?3 AND end_utc > ?4 \
    AND status NOT IN ({freeing}) ORDER BY start_utc";

fn busy(conn: &Db, column: &str, id: uuid::Uuid, window: Interval) -> sql::Result<Vec<Interval>> {
    let sql = BUSY_SQL
        .replace("{col}", column)
        .replace("{freeing}", super::codec::freeing_statuses_sql());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            id,
            earliest_overlapping_start(window.start),
            secs(window.end),
            secs(window.start)
        ],
        |r| Ok((r.get::<i64>(0)?, r.get::<i64>(1)?)),
    )?;
    rows.map(|r| {
        let (s, e) = r?;
        Ok(Interval::new(codec::instant(0, s)?, codec::instant(1, e)?))
    })
    .collect()
}

fn absences(
    conn: &Db,
    table: &str,
    owner_column: &str,
    owner: uuid::Uuid,
    window: Interval,
) -> sql::Result<Vec<Absence>> {
    // Leave and blockouts may be long (weeks), so they are bounded by end as well as start.
    let sql = format!(
        "SELECT start_utc, end_utc, reason FROM {table} \
         WHERE {owner_column} = ?1 AND start_utc < ?2 AND end_utc > ?3 ORDER BY start_utc"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![owner, secs(window.end), secs(window.start)], |r| {
        Ok((r.get::<i64>(0)?, r.get::<i64>(1)?, r.get::<String>(2)?))
    })?;
    rows.map(|r| {
        let (s, e, reason) = r?;
        Ok(Absence {
            interval: Interval::new(codec::instant(0, s)?, codec::instant(1, e)?),
            reason,
        })
    })
    .collect()
}

/// Appointments of the doctor, room or patient that may overlap `window`, with names.
fn nearby(conn: &Db, p: &Proposal, window: Interval) -> sql::Result<Vec<Booked>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let targets = [
        ("a.doctor_id", Some(p.doctor.0)),
        ("a.room_id", p.room.map(|r| r.0)),
        ("a.patient_id", Some(p.patient.0)),
    ];
    for (column, id) in targets {
        let Some(id) = id else { continue };
        let sql = format!(
            "SELECT a.id, a.doctor_id, a.room_id, a.patient_id, a.start_utc, a.end_utc, a.status, \
             pa.name, d.name FROM appointment a \
             JOIN patient pa ON pa.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
             WHERE {column} = ?1 AND a.start_utc >= ?2 AND a.start_utc < ?3 AND a.end_utc > ?4"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                id,
                earliest_overlapping_start(window.start),
                secs(window.end),
                secs(window.start)
            ],
            |r| {
                let status: String = r.get(6)?;
                Ok(Booked {
                    id: AppointmentId(r.get(0)?),
                    doctor: DoctorId(r.get(1)?),
                    room: r.get::<Option<uuid::Uuid>>(2)?.map(RoomId),
                    patient: PatientId(r.get(3)?),
                    interval: Interval::new(
                        codec::instant(4, r.get(4)?)?,
                        codec::instant(5, r.get(5)?)?,
                    ),
                    status: Status::parse(&status)
                        .ok_or_else(|| codec::bad(6, format!("status '{status}'")))?,
                    patient_name: r.get(7)?,
                    doctor_name: r.get(8)?,
                })
            },
        )?;
        for row in rows {
            let booked = row?;
            if seen.insert(booked.id) {
                out.push(booked);
            }
        }
    }
    Ok(out)
}

/// Everything `scheduling::check` needs for `proposal` in `clinic`; `None` when the doctor or
/// room does not exist.
pub fn conflict_context(
    conn: &Db,
    clinic: &Clinic,
    proposal: &Proposal,
) -> sql::Result<Option<ConflictContext>> {
    let doctor = conn
        .prepare_cached("SELECT name, active FROM doctor WHERE id = ?1")?
        .query_row([proposal.doctor.0], |r| {
            Ok((r.get::<String>(0)?, r.get::<bool>(1)?))
        })
        .optional()?;
    let Some((doctor_name, doctor_active)) = doctor else {
        return Ok(None);
    };
    let window = proposal.interval;
    let room = match proposal.room {
        Some(room_id) => {
            let row = conn
                .prepare_cached("SELECT name, active FROM room WHERE id = ?1 AND clinic_id = ?2")?
                .query_row(params![room_id.0, clinic.id.0], |r| {
                    Ok((r.get::<String>(0)?, r.get::<bool>(1)?))
                })
                .optional()?;
            let Some((name, active)) = row else {
                return Ok(None);
            };
            Some(RoomRules {
                name,
                hours: setup::room_hours(conn, room_id)?,
                blockouts: absences(conn, "room_blockout", "room_id", room_id.0, window)?,
                active,
            })
        }
        None => None,
    };
    Ok(Some(ConflictContext {
        zone: clinic.time_zone,
        clinic_name: clinic.name.clone(),
        clinic_hours: clinic.opening_hours.clone(),
        doctor_name,
        doctor_active,
        doctor_hours: setup::doctor_hours(conn, proposal.doctor, clinic.id)?,
        doctor_leave: absences(conn, "doctor_leave", "doctor_id", proposal.doctor.0, window)?,
        room,
        nearby: nearby(conn, proposal, window)?,
    }))
}

/// The clinic's doctors, rooms and bookings over `window`, for the slot finder. Only active
/// doctors with hours in this clinic and active rooms are included.
pub fn clinic_calendar(
    conn: &Db,
    clinic: &Clinic,
    window: Interval,
    patient: Option<PatientId>,
) -> sql::Result<ClinicCalendar> {
    let mut doctors = Vec::new();
    for d in setup::doctors(conn)?.into_iter().filter(|d| d.active) {
        let hours = setup::doctor_hours(conn, d.id, clinic.id)?;
        if hours.is_empty() {
            continue;
        }
        doctors.push(DoctorCalendar {
            id: d.id,
            name: d.name,
            hours,
            leave: absences(conn, "doctor_leave", "doctor_id", d.id.0, window)?
                .into_iter()
                .map(|a| a.interval)
                .collect(),
            busy: busy(conn, "doctor_id", d.id.0, window)?,
        });
    }
    let mut rooms = Vec::new();
    for r in setup::rooms(conn, clinic.id)?
        .into_iter()
        .filter(|r| r.active)
    {
        rooms.push(RoomCalendar {
            id: r.id,
            name: r.name,
            hours: setup::room_hours(conn, r.id)?,
            blockouts: absences(conn, "room_blockout", "room_id", r.id.0, window)?
                .into_iter()
                .map(|a| a.interval)
                .collect(),
            busy: busy(conn, "room_id", r.id.0, window)?,
        });
    }
    let patient_busy = match patient {
        Some(p) => busy(conn, "patient_id", p.0, window)?,
        None => Vec::new(),
    };
    Ok(ClinicCalendar {
        zone: clinic.time_zone,
        hours: clinic.opening_hours.clone(),
        window,
        doctors,
        rooms,
        patient_busy,
    })
}

/// One week, for walking the slot search forward window by window.
pub const SLOT_WINDOW: Duration = Duration::days(7);
