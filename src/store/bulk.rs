//! Bulk loading in one transaction (demo data, test fixtures): [`BulkLoad`], what every engine
//! hands out ([`Store::bulk`](super::Store::bulk)), and [`BulkWriter`], both engines': patients
//! and appointments with their "created" audit events go in many rows to a statement
//! ([`Batch`]), so a server is not asked once per row. The caller has already decided that the
//! rows are consistent (the demo generator builds them conflict-free by construction).

use std::cell::RefCell;

use chrono::{DateTime, Utc};

use serde_json::json;

use super::batch::Batch;
use super::booking::{APPOINTMENT_INSERT_COLUMNS, appointment_row};
use super::codec::secs;
use super::error::{Result, StoreError};
use super::setup::{self, PATIENT_INSERT_COLUMNS, patient_row};
use super::sql::{Begin, Db, Transaction};
use crate::scheduling::conflict::Absence;
use crate::scheduling::hours::WeeklyHours;
use crate::scheduling::model::*;

/// An open bulk load: one transaction, every row as given (no rule is checked: the caller made
/// the rows consistent), each appointment and series with its "created" audit event, recorded
/// as done by the actor the load was started for. Dropping it without [`BulkLoad::commit`]
/// rolls back all.
pub trait BulkLoad {
    /// Adds a clinic with its opening hours.
    fn clinic(&self, clinic: &Clinic) -> Result<()>;

    /// Adds a doctor with weekly hours in one clinic.
    fn doctor(&self, doctor: &Doctor, clinic: ClinicId, hours: &WeeklyHours) -> Result<()>;

    /// Records leave for a doctor.
    fn leave(&self, doctor: DoctorId, leave: &Absence) -> Result<()>;

    /// Adds a room with its own hours or the clinic's.
    fn room(&self, room: &Room, hours: Option<&WeeklyHours>) -> Result<()>;

    /// Blocks a room for a time.
    fn blockout(&self, room: RoomId, blockout: &Absence) -> Result<()>;

    /// Adds a visit type.
    fn visit_type(&self, visit_type: &VisitType) -> Result<()>;

    /// Adds a patient.
    fn patient(&self, patient: &Patient) -> Result<()>;

    /// Adds an appointment and its "created" audit event at `created_at`.
    fn appointment(
        &self,
        a: &Appointment,
        overbook_reason: Option<&str>,
        created_at: DateTime<Utc>,
    ) -> Result<()>;

    /// Adds a recurring series (its "created" series audit event at `created_at`) and ties
    /// appointments already added to it, each with its occurrence date.
    fn series(
        &self,
        series: &super::Series,
        members: &[(AppointmentId, chrono::NaiveDate)],
        created_at: DateTime<Utc>,
    ) -> Result<()>;

    /// Adds a staff member.
    fn staff(&self, member: &crate::scheduling::staff::StaffMember) -> Result<()>;

    /// Records a patient's preferred language for reminders, chosen at `at` (after the
    /// patient was added).
    fn patient_language(
        &self,
        patient: PatientId,
        language: crate::i18n::Language,
        at: DateTime<Utc>,
    ) -> Result<()>;

    /// Commits everything at once.
    fn commit(self: Box<Self>) -> Result<()>;
}

/// The bulk load of either engine: one write transaction (SQLite's `BEGIN IMMEDIATE`,
/// PostgreSQL's write lock), the store's own statements, committed at once. Patients,
/// appointments and their audit events wait in batches, stored in that order (each refers to
/// the one before) whenever one is full and before anything else is written.
pub struct BulkWriter<'a> {
    tx: Transaction<'a>,
    actor: String,
    waiting: RefCell<Waiting>,
}

/// The rows a bulk load has not stored yet.
struct Waiting {
    patients: Batch,
    appointments: Batch,
    audit_events: Batch,
}

impl Waiting {
    fn new() -> Self {
        Waiting {
            patients: Batch::new("patient", &PATIENT_INSERT_COLUMNS, ""),
            appointments: Batch::new("appointment", &APPOINTMENT_INSERT_COLUMNS, ""),
            audit_events: Batch::new(
                "audit_event",
                &[
                    "appointment_id",
                    "at_utc",
                    "actor",
                    "action",
                    "after",
                    "reason",
                ],
                "",
            ),
        }
    }

    /// Stores every waiting row, patients first, then appointments, then their events.
    fn store(&mut self, tx: &Db) -> Result<()> {
        self.patients.flush(tx)?;
        self.appointments.flush(tx)?;
        self.audit_events.flush(tx)?;
        Ok(())
    }

    /// Whether any batch is full.
    fn full(&self) -> bool {
        self.patients.is_full() || self.appointments.is_full() || self.audit_events.is_full()
    }
}

impl<'a> BulkWriter<'a> {
    /// Starts one write transaction for a bulk load recorded as done by `actor`.
    pub(crate) fn begin(db: Db<'a>, actor: &str) -> Result<Self> {
        if let Db::Sqlite(conn) = db {
            // A large page cache keeps index pages in memory during the load.
            conn.pragma_update(None, "cache_size", -512_000)
                .map_err(StoreError::from)?;
        }
        let tx = db.begin(Begin::Write)?;
        Ok(Self {
            tx,
            actor: actor.to_owned(),
            waiting: RefCell::new(Waiting::new()),
        })
    }

    /// Stores the waiting rows (before a row that may refer to them, and at the end).
    fn store_waiting(&self) -> Result<()> {
        self.waiting.borrow_mut().store(&self.tx)
    }

    /// Stores the waiting rows when a batch is full.
    fn store_when_full(&self) -> Result<()> {
        let mut waiting = self.waiting.borrow_mut();
        if waiting.full() {
            waiting.store(&self.tx)?;
        }
        Ok(())
    }
}

impl BulkLoad for BulkWriter<'_> {
    /// Adds a clinic with its opening hours.
    fn clinic(&self, clinic: &Clinic) -> Result<()> {
        self.store_waiting()?;
        Ok(setup::add_clinic(&self.tx, clinic)?)
    }

    /// Adds a doctor with weekly hours in one clinic.
    fn doctor(&self, doctor: &Doctor, clinic: ClinicId, hours: &WeeklyHours) -> Result<()> {
        self.store_waiting()?;
        setup::add_doctor(&self.tx, doctor)?;
        Ok(setup::set_doctor_hours(&self.tx, doctor.id, clinic, hours)?)
    }

    /// Records leave for a doctor.
    fn leave(&self, doctor: DoctorId, leave: &Absence) -> Result<()> {
        self.store_waiting()?;
        Ok(setup::add_leave(&self.tx, doctor, leave)?)
    }

    /// Adds a room with its own hours or the clinic's.
    fn room(&self, room: &Room, hours: Option<&WeeklyHours>) -> Result<()> {
        self.store_waiting()?;
        Ok(setup::add_room(&self.tx, room, hours)?)
    }

    /// Blocks a room for a time.
    fn blockout(&self, room: RoomId, blockout: &Absence) -> Result<()> {
        self.store_waiting()?;
        Ok(setup::add_blockout(&self.tx, room, blockout)?)
    }

    /// Adds a visit type.
    fn visit_type(&self, visit_type: &VisitType) -> Result<()> {
        self.store_waiting()?;
        Ok(setup::add_visit_type(&self.tx, visit_type)?)
    }

    /// Adds a patient.
    fn patient(&self, patient: &Patient) -> Result<()> {
        self.waiting
            .borrow_mut()
            .patients
            .push_owned(patient_row(patient));
        self.store_when_full()
    }

    /// Adds an appointment and its "created" audit event at `created_at`.
    fn appointment(
        &self,
        a: &Appointment,
        overbook_reason: Option<&str>,
        created_at: DateTime<Utc>,
    ) -> Result<()> {
        let row = appointment_row(&self.tx, a, overbook_reason, created_at)?;
        let after = json!({
            "start_utc": secs(a.interval.start),
            "end_utc": secs(a.interval.end),
            "status": a.status.as_str(),
            "kind": a.kind.as_str(),
        });
        {
            let mut waiting = self.waiting.borrow_mut();
            waiting.appointments.push_owned(row);
            waiting.audit_events.push(&[
                &a.id.0,
                &secs(created_at),
                &self.actor,
                &"created",
                &after.to_string(),
                &overbook_reason.unwrap_or(""),
            ]);
        }
        self.store_when_full()?;
        Ok(())
    }

    /// Adds a recurring series (its "created" series audit event at `created_at`) and ties
    /// appointments already added to it, each with its occurrence date.
    fn series(
        &self,
        series: &super::Series,
        members: &[(AppointmentId, chrono::NaiveDate)],
        created_at: DateTime<Utc>,
    ) -> Result<()> {
        use super::series::{insert_series, series_audit, series_json, set_series};
        self.store_waiting()?;
        insert_series(&self.tx, series, created_at)?;
        series_audit(
            &self.tx,
            series.id,
            created_at,
            &self.actor,
            super::booking::Change {
                action: "created",
                before: None,
                after: Some(series_json(series)),
                reason: "",
            },
        )?;
        for (appointment, date) in members {
            set_series(&self.tx, *appointment, series.id, *date)?;
        }
        Ok(())
    }

    /// Adds a staff member.
    fn staff(&self, member: &crate::scheduling::staff::StaffMember) -> Result<()> {
        self.store_waiting()?;
        Ok(super::settings::insert_staff(&self.tx, member)?)
    }

    fn patient_language(
        &self,
        patient: PatientId,
        language: crate::i18n::Language,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.store_waiting()?;
        self.tx
            .prepare_cached(
                "INSERT INTO patient_language (patient_id, language, since_utc, actor) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(super::sql::params![
                patient.0,
                language.code(),
                secs(at),
                self.actor
            ])?;
        Ok(())
    }

    /// Commits everything at once.
    fn commit(self: Box<Self>) -> Result<()> {
        self.store_waiting()?;
        Ok(self.tx.commit()?)
    }
}
