//! Reading the waitlist: entries with the names the desk reads (patient, doctor, visit type,
//! the held appointment and whether it still holds time), a clinic's list best first, one
//! entry, and an entry's log.

use super::sql;
use super::sql::{Db, OptionalExtension, params};
use chrono::{DateTime, NaiveDate, Utc};

use super::codec::{self, bad};
use super::error::{Result, StoreError};
use crate::scheduling::hours::DaySpan;
use crate::scheduling::model::*;
use crate::scheduling::status::Status;
use crate::scheduling::waitlist::{
    Preferred, WaitStatus, WaitlistEntry, WaitlistEntryId, WaitlistRequest, Weekdays,
};

/// A waitlist entry with the names the desk reads.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitlistRow {
    /// The entry.
    pub entry: WaitlistEntry,
    /// The patient's name.
    pub patient_name: String,
    /// The patient's phone.
    pub patient_phone: String,
    /// The doctor wanted (`None`: any doctor).
    pub doctor_name: Option<String>,
    /// The visit type's name.
    pub visit_type_name: Option<String>,
    /// The appointment the patient already holds, if one was given.
    pub held: Option<HeldAppointment>,
}

/// The appointment a waiting patient already holds.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldAppointment {
    /// Its id.
    pub id: AppointmentId,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// Its status (cancelled ones no longer hold time).
    pub status: Status,
    /// Its doctor's name.
    pub doctor_name: String,
}

/// Which entries a waitlist shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitlistFilter {
    /// Waiting and offered: the patients still waiting.
    Open,
    /// Every entry, booked and removed ones too.
    All,
}

/// One thing that happened to a waitlist entry.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitlistEvent {
    /// The entry.
    pub entry: WaitlistEntryId,
    /// When.
    pub at: DateTime<Utc>,
    /// Which staff member.
    pub actor: String,
    /// "added", "edited", "offered", "declined", "booked", "removed".
    pub action: String,
    /// The values before (JSON), if any.
    pub before: Option<String>,
    /// The values after (JSON), if any.
    pub after: Option<String>,
    /// The reason given.
    pub reason: String,
}

/// The columns [`row`] reads, for [`ROW_JOINS`].
const ROW_COLUMNS: &str = "w.id, w.clinic_id, w.patient_id, w.doctor_id, w.visit_type_id, \
    w.minutes, w.weekdays, w.window_start, w.window_end, w.earliest_date, w.latest_date, \
    w.held_appointment_id, w.notes, w.priority, w.status, w.booked_appointment_id, \
    w.created_by, w.created_at, w.updated_by, p.name, p.phone, d.name, v.name, \
    h.start_utc, h.status, hd.name";

const ROW_JOINS: &str = "FROM waitlist_entry w JOIN patient p ON p.id = w.patient_id \
    LEFT JOIN doctor d ON d.id = w.doctor_id LEFT JOIN visit_type v ON v.id = w.visit_type_id \
    LEFT JOIN appointment h ON h.id = w.held_appointment_id \
    LEFT JOIN doctor hd ON hd.id = h.doctor_id";

fn date_column(column: usize, text: Option<String>) -> sql::Result<Option<NaiveDate>> {
    text.map(|t| super::codec::date(column, &t)).transpose()
}

fn row(r: &sql::Row<'_>) -> sql::Result<WaitlistRow> {
    let weekdays: u8 = r.get(6)?;
    let window = match (r.get::<Option<u16>>(7)?, r.get::<Option<u16>>(8)?) {
        (Some(s), Some(e)) => Some(DaySpan::new(s, e)),
        _ => None,
    };
    let status: String = r.get(14)?;
    let held = match (r.get::<Option<uuid::Uuid>>(11)?, r.get::<Option<i64>>(23)?) {
        (Some(id), Some(start)) => {
            let status: String = r.get(24)?;
            Some(HeldAppointment {
                id: AppointmentId(id),
                start: codec::instant(23, start)?,
                status: Status::parse(&status)
                    .ok_or_else(|| bad(24, format!("status '{status}'")))?,
                doctor_name: r.get(25)?,
            })
        }
        _ => None,
    };
    let request = WaitlistRequest {
        clinic: ClinicId(r.get(1)?),
        patient: PatientId(r.get(2)?),
        doctor: r.get::<Option<uuid::Uuid>>(3)?.map(DoctorId),
        visit_type: r.get::<Option<uuid::Uuid>>(4)?.map(VisitTypeId),
        minutes: r.get(5)?,
        preferred: Preferred {
            weekdays: Weekdays::from_bits(weekdays)
                .ok_or_else(|| bad(6, format!("weekdays {weekdays}")))?,
            window,
            earliest: date_column(9, r.get(9)?)?,
            latest: date_column(10, r.get(10)?)?,
        },
        holds: r.get::<Option<uuid::Uuid>>(11)?.map(AppointmentId),
        notes: r.get(12)?,
        priority: r.get(13)?,
    };
    let entry = WaitlistEntry {
        id: WaitlistEntryId(r.get(0)?),
        request,
        status: WaitStatus::parse(&status)
            .ok_or_else(|| bad(14, format!("waitlist status '{status}'")))?,
        held_start: held
            .as_ref()
            .filter(|h| h.status.holds_time())
            .map(|h| h.start),
        booked: r.get::<Option<uuid::Uuid>>(15)?.map(AppointmentId),
        created_by: r.get(16)?,
        created_at: codec::instant(17, r.get(17)?)?,
        updated_by: r.get(18)?,
    };
    Ok(WaitlistRow {
        entry,
        patient_name: r.get(19)?,
        patient_phone: r.get(20)?,
        doctor_name: r.get(21)?,
        visit_type_name: r.get(22)?,
        held,
    })
}

/// The entries of a clinic: highest priority first, then those waiting longest.
pub fn list(conn: &Db, clinic: ClinicId, filter: WaitlistFilter) -> sql::Result<Vec<WaitlistRow>> {
    let sql = format!(
        "SELECT {ROW_COLUMNS} {ROW_JOINS} WHERE w.clinic_id = ?1 \
         AND (?2 OR w.status IN ({open})) \
         ORDER BY w.priority DESC, w.created_at, w.id",
        open = super::codec::open_wait_statuses_sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![clinic.0, filter == WaitlistFilter::All], row)?;
    rows.collect()
}

/// One entry, or a "not found" that says where ids come from.
pub fn entry(conn: &Db, id: WaitlistEntryId) -> Result<WaitlistRow> {
    conn.prepare_cached(&format!("SELECT {ROW_COLUMNS} {ROW_JOINS} WHERE w.id = ?1"))?
        .query_row([id.0], row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "waitlist entry",
            name: id.to_string(),
            hint: crate::t!("store-hint-copy-id-from-waitlist"),
        })
}

/// An entry's history, oldest first.
pub fn history(conn: &Db, id: WaitlistEntryId) -> sql::Result<Vec<WaitlistEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at_utc, actor, action, before, after, reason FROM waitlist_event \
         WHERE entry_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id.0], |r| {
        Ok(WaitlistEvent {
            entry: id,
            at: codec::instant(0, r.get(0)?)?,
            actor: r.get(1)?,
            action: r.get(2)?,
            before: r.get(3)?,
            after: r.get(4)?,
            reason: r.get(5)?,
        })
    })?;
    rows.collect()
}
