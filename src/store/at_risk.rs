//! Loads the appointments a setup change could strand (bounded agenda queries over the change's
//! window) and lets the core decide which it does strand.

use super::sql;
use std::collections::HashSet;

use super::sql::{Db, OptionalExtension};
use chrono::{DateTime, Utc};

use super::agenda::agenda;
use super::error::Result;
use super::{AgendaEntry, AgendaFilter, setup};
use crate::scheduling::at_risk::{SetupChange, stranded};
use crate::scheduling::model::*;

/// The clinic a room belongs to.
fn room_clinic(conn: &Db, room: RoomId) -> sql::Result<Option<ClinicId>> {
    conn.prepare_cached("SELECT clinic_id FROM room WHERE id = ?1")?
        .query_row([room.0], |r| Ok(ClinicId(r.get(0)?)))
        .optional()
}

/// The booked appointments, ahead of `now`, that `change` would leave outside hours, on leave,
/// in a blockout or with an inactive doctor or room; by start.
pub fn at_risk(conn: &Db, change: &SetupChange, now: DateTime<Utc>) -> Result<Vec<AgendaEntry>> {
    let Some(window) = change.window(now) else {
        return Ok(Vec::new());
    };
    let clinics = setup::clinics(conn)?;
    let in_clinic = |id: ClinicId| clinics.iter().filter(move |c| c.id == id);
    let targets: Vec<(&Clinic, AgendaFilter)> = match change {
        SetupChange::ClinicHours { clinic, .. } => {
            in_clinic(*clinic).map(|c| (c, AgendaFilter::All)).collect()
        }
        SetupChange::DoctorHours { doctor, clinic, .. } => in_clinic(*clinic)
            .map(|c| (c, AgendaFilter::Doctor(*doctor)))
            .collect(),
        SetupChange::DoctorLeave { doctor, .. } | SetupChange::DoctorInactive { doctor } => clinics
            .iter()
            .map(|c| (c, AgendaFilter::Doctor(*doctor)))
            .collect(),
        SetupChange::RoomHours { room, .. }
        | SetupChange::RoomBlockout { room, .. }
        | SetupChange::RoomInactive { room } => match room_clinic(conn, *room)? {
            Some(clinic) => in_clinic(clinic)
                .map(|c| (c, AgendaFilter::Room(*room)))
                .collect(),
            None => Vec::new(),
        },
    };
    let mut out = Vec::new();
    for (clinic, filter) in targets {
        let entries = agenda(conn, clinic.id, window, filter)?;
        let ids: HashSet<AppointmentId> = stranded(
            change,
            clinic.time_zone,
            &clinic.opening_hours,
            now,
            entries.iter().map(|e| &e.appointment),
        )
        .into_iter()
        .collect();
        out.extend(
            entries
                .into_iter()
                .filter(|e| ids.contains(&e.appointment.id)),
        );
    }
    out.sort_by_key(|e| e.appointment.interval.start);
    Ok(out)
}
