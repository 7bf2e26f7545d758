//! Loading what the reports need for one clinic and range, and nothing more: a compact row per
//! appointment (ids, times, status, the three timestamps), the rooms and doctors with their hours
//! and absences, and the visit types' names. All reads run in one transaction, so a report sees
//! one moment of the database even while desks keep writing.

use super::sql;
use std::collections::HashSet;

use super::sql::{Begin, Db, params};
use chrono::{DateTime, Utc};

use super::booking::clinic;
use super::codec::{self, secs};
use super::context::earliest_overlapping_start;
use super::error::Result;
use super::setup;
use crate::scheduling::model::*;
use crate::scheduling::report::{DoctorSetup, ReportInput, ReportRange, RoomSetup, Visit};
use crate::scheduling::status::Status;

/// The appointments of a clinic that overlap the window, bounded on both sides of the start index.
const VISITS_SQL: &str = "SELECT a.doctor_id, a.room_id, a.visit_type_id, a.start_utc, \
    a.end_utc, a.status, a.cancelled_late, a.arrived_at, a.consultation_started_at, \
    a.completed_at, q.last_called_at FROM appointment a \
    LEFT JOIN queue_call q ON q.appointment_id = a.id \
    WHERE a.clinic_id = ?1 AND a.start_utc >= ?2 AND a.start_utc < ?3 AND a.end_utc > ?4";

fn visit(row: &sql::Row<'_>) -> sql::Result<Visit> {
    let status = row.with_text(5, |status| {
        Status::parse(status).ok_or_else(|| codec::bad(5, format!("status '{status}'")))
    })?;
    let at = |i: usize| -> sql::Result<Option<DateTime<Utc>>> {
        row.get::<Option<i64>>(i)?
            .map(|s| codec::instant(i, s))
            .transpose()
    };
    Ok(Visit {
        doctor: DoctorId(row.get(0)?),
        room: row.get::<Option<uuid::Uuid>>(1)?.map(RoomId),
        visit_type: row.get::<Option<uuid::Uuid>>(2)?.map(VisitTypeId),
        interval: Interval::new(
            codec::instant(3, row.get(3)?)?,
            codec::instant(4, row.get(4)?)?,
        ),
        status,
        late_cancel: row.get::<Option<bool>>(6)?.unwrap_or(false),
        arrived_at: at(7)?,
        consultation_started_at: at(8)?,
        completed_at: at(9)?,
        called_at: at(10)?,
    })
}

/// Leave or blockouts of one owner overlapping the window (bounded by end as well as start,
/// as they may last weeks).
fn absences(
    conn: &Db,
    table: &str,
    owner_column: &str,
    owner: uuid::Uuid,
    window: Interval,
) -> sql::Result<Vec<Interval>> {
    let sql = format!(
        "SELECT start_utc, end_utc FROM {table} \
         WHERE {owner_column} = ?1 AND start_utc < ?2 AND end_utc > ?3 ORDER BY start_utc"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![owner, secs(window.end), secs(window.start)], |r| {
        Ok(Interval::new(
            codec::instant(0, r.get(0)?)?,
            codec::instant(1, r.get(1)?)?,
        ))
    })?;
    rows.collect()
}

/// Everything [`crate::scheduling::report::compute`] needs for `clinic` over `range`.
pub fn report_input(
    conn: &Db,
    clinic_id: ClinicId,
    range: ReportRange,
    now: DateTime<Utc>,
) -> Result<ReportInput> {
    let tx = conn.begin(Begin::Read)?;
    let clinic = clinic(&tx, clinic_id)?;
    let window = range.window(clinic.time_zone);
    let visits: Vec<Visit> = tx
        .prepare_cached(VISITS_SQL)?
        .query_map(
            params![
                clinic.id.0,
                earliest_overlapping_start(window.start),
                secs(window.end),
                secs(window.start)
            ],
            visit,
        )?
        .collect::<sql::Result<_>>()?;
    let mut rooms = Vec::new();
    for room in setup::rooms(&tx, clinic.id)? {
        rooms.push(RoomSetup {
            hours: setup::room_hours(&tx, room.id)?,
            blockouts: absences(&tx, "room_blockout", "room_id", room.id.0, window)?,
            id: room.id,
            name: room.name,
        });
    }
    let seen: HashSet<DoctorId> = visits.iter().map(|v| v.doctor).collect();
    let mut doctors = Vec::new();
    for doctor in setup::doctors(&tx)? {
        let hours = setup::doctor_hours(&tx, doctor.id, clinic.id)?;
        if hours.is_empty() && !seen.contains(&doctor.id) {
            continue; // works elsewhere and saw nobody here
        }
        doctors.push(DoctorSetup {
            leave: absences(&tx, "doctor_leave", "doctor_id", doctor.id.0, window)?,
            id: doctor.id,
            name: doctor.name,
            hours,
        });
    }
    let visit_types = setup::visit_types(&tx)?
        .into_iter()
        .map(|v| (v.id, v.name))
        .collect();
    tx.finish()?;
    Ok(ReportInput {
        clinic_name: clinic.name,
        zone: clinic.time_zone,
        clinic_hours: clinic.opening_hours,
        range,
        now,
        rooms,
        doctors,
        visit_types,
        visits,
    })
}
