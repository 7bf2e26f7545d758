//! Reads: the agenda for a window, one appointment with names, its audit history, the slot
//! search window by window, and the integrity check.

use super::sql;
use super::sql::{Db, OptionalExtension, params};

use super::codec::{self, APPOINTMENT_COLUMN_COUNT, APPOINTMENT_COLUMNS, secs};
use super::context::earliest_overlapping_start;
use super::error::{Result, StoreError};
use super::schema::LATEST_VERSION;
use super::{AgendaEntry, AgendaFilter, AuditEvent, CheckReport, SlotSearch};
use crate::scheduling::model::*;
use crate::scheduling::slots::Slot;

const NAMES: &str = "pa.name, pa.phone, d.name, r.name, v.name, a.overbook_reason";
const JOINS: &str = "FROM appointment a JOIN patient pa ON pa.id = a.patient_id \
    JOIN doctor d ON d.id = a.doctor_id LEFT JOIN room r ON r.id = a.room_id \
    LEFT JOIN visit_type v ON v.id = a.visit_type_id";

fn entry(row: &sql::Row<'_>) -> sql::Result<AgendaEntry> {
    let n = APPOINTMENT_COLUMN_COUNT;
    Ok(AgendaEntry {
        appointment: codec::appointment(row)?,
        patient_name: row.get(n)?,
        patient_phone: row.get(n + 1)?,
        doctor_name: row.get(n + 2)?,
        room_name: row.get(n + 3)?,
        visit_type_name: row.get(n + 4)?,
        overbook_reason: row.get(n + 5)?,
    })
}

/// Appointments overlapping `window`, by start then doctor. The lower bound on `start_utc`
/// keeps the scan on the index range of the window.
pub fn agenda(
    conn: &Db,
    clinic: ClinicId,
    window: Interval,
    filter: AgendaFilter,
) -> Result<Vec<AgendaEntry>> {
    let (condition, key) = match filter {
        AgendaFilter::All => ("a.clinic_id = ?1", clinic.0),
        AgendaFilter::Doctor(d) => ("a.doctor_id = ?1 AND a.clinic_id = ?5", d.0),
        AgendaFilter::Room(r) => ("a.room_id = ?1 AND a.clinic_id = ?5", r.0),
        AgendaFilter::Patient(p) => ("a.patient_id = ?1 AND a.clinic_id = ?5", p.0),
    };
    let sql = format!(
        "SELECT {APPOINTMENT_COLUMNS}, {NAMES} {JOINS} WHERE {condition} \
         AND a.start_utc >= ?2 AND a.start_utc < ?3 AND a.end_utc > ?4 \
         ORDER BY a.start_utc, d.name"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let lower = earliest_overlapping_start(window.start);
    let rows = if matches!(filter, AgendaFilter::All) {
        stmt.query_map(
            params![key, lower, secs(window.end), secs(window.start)],
            entry,
        )?
        .collect::<sql::Result<Vec<_>>>()
    } else {
        stmt.query_map(
            params![key, lower, secs(window.end), secs(window.start), clinic.0],
            entry,
        )?
        .collect::<sql::Result<Vec<_>>>()
    };
    Ok(rows?)
}

/// One appointment with names.
pub fn appointment(conn: &Db, id: AppointmentId) -> Result<AgendaEntry> {
    conn.prepare_cached(&format!(
        "SELECT {APPOINTMENT_COLUMNS}, {NAMES} {JOINS} WHERE a.id = ?1"
    ))?
    .query_row([id.0], entry)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "appointment",
        name: id.to_string(),
        hint: crate::t!("store-hint-copy-id-from-agenda"),
    })
}

/// The audit history of one appointment, oldest first.
pub fn history(conn: &Db, id: AppointmentId) -> Result<Vec<AuditEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT appointment_id, at_utc, actor, action, before, after, reason \
         FROM audit_event WHERE appointment_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        Ok(AuditEvent {
            appointment: AppointmentId(r.get(0)?),
            at: codec::instant(1, r.get(1)?)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            before: r.get(4)?,
            after: r.get(5)?,
            reason: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<sql::Result<Vec<_>>>()?)
}

/// The next free slots, searching a week at a time up to the horizon, so that the common case
/// (a slot this week) loads only a week of bookings.
pub fn find_slots(conn: &Db, search: &SlotSearch) -> Result<Vec<Slot>> {
    super::find_slot::find_slots_within_limits(conn, search, &Default::default())
}

/// The table behind each label of `CheckReport::COUNTED`, in its order.
pub(crate) const COUNTED_TABLES: [(&str, &str); 22] = [
    ("appointments", "appointment"),
    ("patients", "patient"),
    ("doctors", "doctor"),
    ("rooms", "room"),
    ("audit events", "audit_event"),
    ("clinics", "clinic"),
    ("visit types", "visit_type"),
    ("staff", "staff"),
    ("doctor leave", "doctor_leave"),
    ("room blockouts", "room_blockout"),
    ("setup audit events", "setup_audit"),
    ("series", "series"),
    ("series audit events", "series_audit"),
    ("waitlist entries", "waitlist_entry"),
    ("waitlist events", "waitlist_event"),
    ("reminder rules", "reminder_rule"),
    ("reminder texts", "reminder_template"),
    ("reminder jobs", "reminder_job"),
    ("patients' languages", "patient_language"),
    ("queue tokens issued", "queue_token"),
    ("appointments called", "queue_call"),
    ("waiting room rules", "waiting_room"),
];

/// Counts live appointments that were not overbooked (an overlap with an overbooked one is
/// deliberate) and start before the latest end of the same doctor's earlier ones: the double
/// bookings `check` calls unexplained, in SQL both engines run.
pub(crate) fn unexplained_overlaps_sql() -> String {
    format!(
        "SELECT count(*) FROM (
            SELECT start_utc,
                   max(end_utc) OVER (PARTITION BY doctor_id ORDER BY start_utc, id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
            FROM appointment
            WHERE status NOT IN ({})
              AND overbook_reason IS NULL) AS live
         WHERE start_utc < previous_end",
        super::codec::freeing_statuses_sql()
    )
}

/// The check report of an SQLite file: SQLite's integrity check of the pages (the engine's own
/// check), foreign-key violations (the broken references), version, counts, and unexplained
/// double bookings. A damaged file still gets a report: what the integrity check found, and
/// whatever can be read.
pub fn check(conn: &rusqlite::Connection) -> Result<CheckReport> {
    let damage = match super::integrity::problems(conn, super::integrity::MAX_FINDINGS) {
        Ok(p) if p.is_empty() => None,
        Ok(p) => Some(super::integrity::summary_in(conn, &p)),
        Err(e) if super::integrity::is_damage(&e) => Some(super::integrity::unreadable(&e)),
        Err(e) => return Err(e.into()),
    };
    let broken_references: i64 = {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        let mut n = 0;
        loop {
            match rows.next() {
                Ok(Some(_)) => n += 1,
                Ok(None) => break,
                Err(e) if damage.is_some() && super::integrity::is_damage(&e) => break,
                Err(e) => return Err(e.into()),
            }
        }
        n
    };
    let schema_version = super::open::schema_version(conn)?;
    if schema_version != LATEST_VERSION && damage.is_none() {
        return Err(StoreError::Invalid(crate::t!(
            "store-check-schema-version",
            found = schema_version.to_string(),
            expected = LATEST_VERSION.to_string()
        )));
    }
    let mut counts = Vec::new();
    // The tables behind `CheckReport::COUNTED`, label by label (the test below keeps the two
    // lists in step).
    for (label, table) in COUNTED_TABLES {
        let n = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0));
        counts.push((
            label,
            match n {
                Ok(n) => Some(n),
                Err(e) if damage.is_some() && super::integrity::is_damage(&e) => None,
                Err(e) => return Err(e.into()),
            },
        ));
    }
    // Among live appointments that were not overbooked (an overlap with an overbooked one is
    // deliberate), the latest end of the doctor's earlier ones: starting before it is an overlap.
    let overlaps = conn.query_row(&unexplained_overlaps_sql(), [], |r| r.get(0));
    let unexplained_overlaps = match overlaps {
        Ok(n) => n,
        Err(e) if damage.is_some() && super::integrity::is_damage(&e) => 0,
        Err(e) => return Err(e.into()),
    };
    Ok(CheckReport {
        engine: "SQLite",
        damage,
        broken_references,
        schema_version,
        counts,
        unexplained_overlaps,
        access_log: None,
    })
}

#[cfg(test)]
mod tests {
    use super::COUNTED_TABLES;
    use crate::store::CheckReport;

    #[test]
    fn every_counted_label_has_its_table_in_the_same_order() {
        let labels: Vec<&str> = COUNTED_TABLES.iter().map(|(label, _)| *label).collect();
        assert_eq!(labels, CheckReport::COUNTED);
    }
}
