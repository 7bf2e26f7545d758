//! Reading what an export holds: the appointments of a clinic (one doctor, one room or all)
//! that start in a range, with the doctors, rooms, visit types and patients they name. One
//! read transaction, so the export is a consistent snapshot even while desks keep booking.

use super::sql;
use std::collections::BTreeSet;

use super::sql::{Begin, Db, params};

use super::booking::clinic;
use super::codec::{self, APPOINTMENT_COLUMN_COUNT, APPOINTMENT_COLUMNS, PATIENT_COLUMNS, secs};
use super::error::Result;
use super::series;
use super::setup;
use crate::export::{ExportQuery, ExportSet, ExportedAppointment, ExportedSeries, Scope};
use crate::scheduling::model::*;
use crate::scheduling::series::SeriesId;

/// Far enough back and ahead to mean "no bound" for stored seconds.
const OPEN_START: i64 = i64::MIN / 2;
const OPEN_END: i64 = i64::MAX / 2;

/// The appointments and everything they name, for [`crate::export`].
pub fn export_set(conn: &Db, query: &ExportQuery) -> Result<ExportSet> {
    let tx = conn.begin(Begin::Read)?;
    let clinic = clinic(&tx, query.clinic)?;
    let range = query.bounds(clinic.time_zone);
    let from = range.0.map(secs).unwrap_or(OPEN_START);
    let to = range.1.map(secs).unwrap_or(OPEN_END);
    let (condition, key) = match query.scope {
        Scope::All => ("a.clinic_id = ?1", clinic.id.0),
        Scope::Doctor(d) => ("a.doctor_id = ?1 AND a.clinic_id = ?4", d.0),
        Scope::Room(r) => ("a.room_id = ?1 AND a.clinic_id = ?4", r.0),
    };
    let n = APPOINTMENT_COLUMN_COUNT;
    // Put in order here rather than by SQLite: its ORDER BY (start, id) sorted 100,000 rows in
    // a temporary b-tree, about a quarter of the whole read; the rows come from the index nearly
    // in order, and sorting them in memory costs little.
    let sql = format!(
        "SELECT {APPOINTMENT_COLUMNS}, a.created_at, a.updated_at, a.overbook_reason, a.series_id, \
         a.occurrence_date FROM appointment a WHERE {condition} AND a.start_utc >= ?2 AND a.start_utc < ?3"
    );
    let read = |r: &sql::Row<'_>| {
        Ok(ExportedAppointment {
            appointment: codec::appointment(r)?,
            created_at: codec::instant(n, r.get(n)?)?,
            updated_at: codec::instant(n + 1, r.get(n + 1)?)?,
            overbook_reason: r.get(n + 2)?,
            series: r.get(n + 3)?,
            occurrence_date: r
                .get::<Option<String>>(n + 4)?
                .map(|t| codec::date(n + 4, &t))
                .transpose()?,
        })
    };
    let appointments = {
        let mut stmt = tx.prepare(&sql)?;
        let rows = if matches!(query.scope, Scope::All) {
            stmt.query_map(params![key, from, to], read)?
                .collect::<sql::Result<Vec<_>>>()
        } else {
            stmt.query_map(params![key, from, to, clinic.id.0], read)?
                .collect::<sql::Result<Vec<_>>>()
        };
        let mut rows = rows?;
        rows.sort_unstable_by_key(|e| (e.appointment.interval.start, e.appointment.id));
        rows
    };
    let doctor_ids: BTreeSet<DoctorId> =
        appointments.iter().map(|e| e.appointment.doctor).collect();
    let patient_ids: BTreeSet<PatientId> =
        appointments.iter().map(|e| e.appointment.patient).collect();
    let doctors = setup::doctors(&tx)?
        .into_iter()
        .filter(|d| doctor_ids.contains(&d.id))
        .collect();
    let rooms = setup::rooms(&tx, clinic.id)?;
    let visit_types = setup::visit_types(&tx)?;
    let mut patients = Vec::with_capacity(patient_ids.len());
    let mut patient_languages = std::collections::HashMap::new();
    {
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patient WHERE id = ?1"
        ))?;
        for id in &patient_ids {
            patients.push(stmt.query_row([id.0], codec::patient)?);
            if let Some(language) = super::reminder_setup::patient_language(&tx, *id)? {
                patient_languages.insert(*id, language);
            }
        }
    }
    let series_ids: BTreeSet<uuid::Uuid> = appointments.iter().filter_map(|e| e.series).collect();
    let mut series = Vec::with_capacity(series_ids.len());
    for id in series_ids {
        let stored = series::load_series(&tx, SeriesId(id))?;
        let members = series::members(&tx, SeriesId(id))?
            .into_iter()
            .map(|m| (m.occurrence_date, m.status))
            .collect();
        series.push(ExportedSeries {
            id,
            rule: stored.rule,
            start_date: stored.start_date,
            start_time: stored.start_time,
            minutes: stored.minutes,
            members,
        });
    }
    patients.sort_by(|a: &Patient, b: &Patient| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    tx.commit()?;
    Ok(ExportSet {
        clinic,
        doctors,
        rooms,
        visit_types,
        patients,
        patient_languages,
        appointments,
        series,
        range,
    })
}
