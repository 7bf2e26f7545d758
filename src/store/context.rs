//! Loading what the core needs to decide: the conflict context for one proposal and the clinic
//! calendar for the slot finder. Every range query is bounded on both sides.

use super::sql;
use std::collections::HashSet;

use super::sql::{Db, params};
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

/// What happens near a proposal's time, in one statement (one round trip to a server): the
/// appointments of the doctor (part 0), the room (1) and the patient (2) that may overlap the
/// window, with names, then the doctor's leave (3) and the room's blockouts (4) overlapping it;
/// each part by start, on its own index. Leave and blockouts may be long (weeks), so they are
/// bounded by end as well as start. Parameters: doctor, room (NULL: none), patient, the
/// earliest start that may reach the window, the window's end, the window's start.
const NEAR_THE_TIME_SQL: &str = "SELECT 0, a.id, a.doctor_id, a.room_id, a.patient_id, \
    a.start_utc, a.end_utc, a.status, pa.name, d.name FROM appointment a \
    JOIN patient pa ON pa.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
    WHERE a.doctor_id = ?1 AND a.start_utc >= ?4 AND a.start_utc < ?5 AND a.end_utc > ?6 \
    UNION ALL SELECT 1, a.id, a.doctor_id, a.room_id, a.patient_id, a.start_utc, a.end_utc, \
    a.status, pa.name, d.name FROM appointment a \
    JOIN patient pa ON pa.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
    WHERE a.room_id = ?2 AND a.start_utc >= ?4 AND a.start_utc < ?5 AND a.end_utc > ?6 \
    UNION ALL SELECT 2, a.id, a.doctor_id, a.room_id, a.patient_id, a.start_utc, a.end_utc, \
    a.status, pa.name, d.name FROM appointment a \
    JOIN patient pa ON pa.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
    WHERE a.patient_id = ?3 AND a.start_utc >= ?4 AND a.start_utc < ?5 AND a.end_utc > ?6 \
    UNION ALL SELECT 3, NULL, NULL, NULL, NULL, start_utc, end_utc, NULL, reason, NULL \
    FROM doctor_leave WHERE doctor_id = ?1 AND start_utc < ?5 AND end_utc > ?6 \
    UNION ALL SELECT 4, NULL, NULL, NULL, NULL, start_utc, end_utc, NULL, reason, NULL \
    FROM room_blockout WHERE room_id = ?2 AND start_utc < ?5 AND end_utc > ?6 \
    ORDER BY 1, 6, 2";

/// What [`NEAR_THE_TIME_SQL`] found: the appointments (each once), the leave, the blockouts.
struct NearTheTime {
    booked: Vec<Booked>,
    leave: Vec<Absence>,
    blockouts: Vec<Absence>,
}

/// One row of [`NEAR_THE_TIME_SQL`].
enum Near {
    Booked(Booked),
    Leave(Absence),
    Blockout(Absence),
}

fn near_the_time(conn: &Db, p: &Proposal, window: Interval) -> sql::Result<NearTheTime> {
    let mut stmt = conn.prepare_cached(NEAR_THE_TIME_SQL)?;
    let rows = stmt.query_map(
        params![
            p.doctor.0,
            // No room: a room id no appointment or blockout has.
            p.room.map(|r| r.0),
            p.patient.0,
            earliest_overlapping_start(window.start),
            secs(window.end),
            secs(window.start)
        ],
        |r| {
            let part: i64 = r.get(0)?;
            let interval =
                Interval::new(codec::instant(5, r.get(5)?)?, codec::instant(6, r.get(6)?)?);
            if part >= 3 {
                let absence = Absence {
                    interval,
                    reason: r.get(8)?,
                };
                return Ok(if part == 3 {
                    Near::Leave(absence)
                } else {
                    Near::Blockout(absence)
                });
            }
            let status: String = r.get(7)?;
            Ok(Near::Booked(Booked {
                id: AppointmentId(r.get(1)?),
                doctor: DoctorId(r.get(2)?),
                room: r.get::<Option<uuid::Uuid>>(3)?.map(RoomId),
                patient: PatientId(r.get(4)?),
                interval,
                status: Status::parse(&status)
                    .ok_or_else(|| codec::bad(7, format!("status '{status}'")))?,
                patient_name: r.get(8)?,
                doctor_name: r.get(9)?,
            }))
        },
    )?;
    let mut near = NearTheTime {
        booked: Vec::new(),
        leave: Vec::new(),
        blockouts: Vec::new(),
    };
    let mut seen = HashSet::new();
    for row in rows {
        match row? {
            Near::Booked(booked) => {
                if seen.insert(booked.id) {
                    near.booked.push(booked);
                }
            }
            Near::Leave(absence) => near.leave.push(absence),
            Near::Blockout(absence) => near.blockouts.push(absence),
        }
    }
    Ok(near)
}

/// Everything `scheduling::check` needs for `proposal` in `clinic`; `None` when the doctor or
/// room does not exist. The doctor, room and hours come from the setup ([`Db::remembered`]);
/// what happens near the time is read in one statement.
pub fn conflict_context(
    conn: &Db,
    clinic: &Clinic,
    proposal: &Proposal,
) -> sql::Result<Option<ConflictContext>> {
    let Some(doctor) = setup::doctors(conn)?
        .into_iter()
        .find(|d| d.id == proposal.doctor)
    else {
        return Ok(None);
    };
    let window = proposal.interval;
    let room = match proposal.room {
        Some(room_id) => {
            let Some(room) = setup::rooms(conn, clinic.id)?
                .into_iter()
                .find(|r| r.id == room_id)
            else {
                return Ok(None);
            };
            Some((room, setup::room_hours(conn, room_id)?))
        }
        None => None,
    };
    let near = near_the_time(conn, proposal, window)?;
    Ok(Some(ConflictContext {
        zone: clinic.time_zone,
        clinic_name: clinic.name.clone(),
        clinic_hours: clinic.opening_hours.clone(),
        doctor_name: doctor.name,
        doctor_active: doctor.active,
        doctor_hours: setup::doctor_hours(conn, proposal.doctor, clinic.id)?,
        doctor_leave: near.leave,
        room: room.map(|(room, hours)| RoomRules {
            name: room.name,
            hours,
            blockouts: near.blockouts,
            active: room.active,
        }),
        nearby: near.booked,
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
