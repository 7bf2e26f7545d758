//! What each engine gives the store (a connection for reads, one for writes, how its errors
//! read, its own check), and the one implementation of [`Store`] on top of it: every engine runs
//! the same store code, so the rules and the SQL are written once.

use chrono::{DateTime, Utc};

use super::error::{Result, StoreError};
use super::sql::{self, Begin, Db};
use super::*;
use super::{exchange, import, import_patients};
use crate::scheduling::patient_match::{Claim, Identified};

/// An engine under the store: SQLite or PostgreSQL.
pub(crate) trait Engine: Maintenance {
    /// The connection for a read.
    fn db(&self) -> Db<'_>;

    /// The connection for a write (a damaged SQLite file refuses writes first).
    fn writable(&mut self) -> Db<'_>;

    /// The error the user must hear for an error met in this engine.
    fn classify(&self, error: StoreError) -> StoreError;

    /// The engine's own check of the database ([`Store::check`]).
    fn engine_check(&self) -> Result<CheckReport>;

    /// Tells the database who acts from now on (a server sees it in each write; a file needs
    /// nothing: its audit rows name them).
    fn act_as(&mut self, _name: Option<&str>) -> Result<()> {
        Ok(())
    }

    /// Whether a bulk load may start (a damaged SQLite file refuses it as damaged).
    fn bulk_allowed(&mut self) -> Result<()> {
        Ok(())
    }

    fn fix<T>(&self, result: Result<T>) -> Result<T> {
        result.map_err(|e| self.classify(e))
    }

    fn sql<T>(&self, result: sql::Result<T>) -> Result<T> {
        result.map_err(|e| self.classify(StoreError::from(e)))
    }

    /// Like [`Self::write`] for work that returns the store's own errors (checks inside).
    fn write_checked<T>(&mut self, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let result = (|| {
            let tx = self.writable().begin(Begin::Write)?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        self.fix(result)
    }

    /// Runs `work` as one `BEGIN IMMEDIATE` transaction: all of it is stored, or none.
    fn write<T>(&mut self, work: impl FnOnce(&Db) -> sql::Result<T>) -> Result<T> {
        let result = (|| {
            let tx = self.writable().begin(Begin::Write)?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        self.sql(result)
    }
}

impl<E: Engine> Store for E {
    fn bulk(&mut self, actor: &str) -> Result<Box<dyn super::bulk::BulkLoad + '_>> {
        self.bulk_allowed()?;
        let db = self.writable();
        Ok(Box::new(super::bulk::BulkWriter::begin(db, actor)?))
    }

    fn change_version(&self) -> Result<ChangeVersion> {
        self.sql(
            self.db()
                .query_row(sql::CHANGE_VERSION_SQL, sql::params![], |r| r.get(0))
                .map(ChangeVersion),
        )
    }

    fn add_clinic(&mut self, clinic: &Clinic) -> Result<()> {
        self.write(|tx| setup::add_clinic(tx, clinic))
    }

    fn clinics(&self) -> Result<Vec<Clinic>> {
        self.sql(setup::clinics(&self.db()))
    }

    fn add_doctor(&mut self, doctor: &Doctor) -> Result<()> {
        self.write(|tx| setup::add_doctor(tx, doctor))
    }

    fn doctors(&self) -> Result<Vec<Doctor>> {
        self.sql(setup::doctors(&self.db()))
    }

    fn set_doctor_hours(
        &mut self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: &WeeklyHours,
    ) -> Result<()> {
        self.write(|tx| setup::set_doctor_hours(tx, doctor, clinic, hours))
    }

    fn doctor_hours(&self, doctor: DoctorId, clinic: ClinicId) -> Result<WeeklyHours> {
        self.sql(setup::doctor_hours(&self.db(), doctor, clinic))
    }

    fn add_leave(&mut self, doctor: DoctorId, leave: &Absence) -> Result<()> {
        self.write(|tx| setup::add_leave(tx, doctor, leave))
    }

    fn add_room(&mut self, room: &Room, hours: Option<&WeeklyHours>) -> Result<()> {
        self.write(|tx| setup::add_room(tx, room, hours))
    }

    fn rooms(&self, clinic: ClinicId) -> Result<Vec<Room>> {
        self.sql(setup::rooms(&self.db(), clinic))
    }

    fn add_blockout(&mut self, room: RoomId, blockout: &Absence) -> Result<()> {
        self.write(|tx| setup::add_blockout(tx, room, blockout))
    }

    fn add_visit_type(&mut self, visit_type: &VisitType) -> Result<()> {
        self.write(|tx| setup::add_visit_type(tx, visit_type))
    }

    fn visit_types(&self) -> Result<Vec<VisitType>> {
        self.sql(setup::visit_types(&self.db()))
    }

    fn add_patient(&mut self, patient: &Patient) -> Result<Vec<Patient>> {
        let patient = setup::checked_patient(patient)?;
        self.write(|tx| setup::add_patient(tx, &patient))
    }

    fn identify_patient(&self, claim: &Claim<'_>) -> Result<Identified> {
        self.sql(setup::identify_patient(&self.db(), claim))
    }

    fn likely_duplicates(&self, patient: &Patient) -> Result<Vec<Patient>> {
        self.sql(setup::likely_duplicates(&self.db(), patient))
    }

    fn search_patients(&mut self, text: &str, limit: usize) -> Result<Vec<Patient>> {
        self.sql(setup::search_patients(&self.db(), text, limit))
    }

    fn preview(&mut self, request: &BookingRequest, now: DateTime<Utc>) -> Result<Vec<Conflict>> {
        let r = booking::preview(&self.writable(), request, now);
        self.fix(r)
    }

    fn book(
        &mut self,
        request: &BookingRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome> {
        let r = booking::book(&self.writable(), request, actor, now);
        self.fix(r)
    }

    fn move_appointment(
        &mut self,
        request: &MoveRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome> {
        let r = booking::move_appointment(&self.writable(), request, actor, now);
        self.fix(r)
    }

    fn change_status(
        &mut self,
        id: AppointmentId,
        action: &StatusAction,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment> {
        let r = lifecycle::change_status(&self.writable(), id, action, actor, now);
        self.fix(r)
    }

    fn edit(
        &mut self,
        id: AppointmentId,
        edit: &Edit,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment> {
        let r = lifecycle::edit(&self.writable(), id, edit, actor, now);
        self.fix(r)
    }

    fn revert_status(
        &mut self,
        id: AppointmentId,
        expected: Status,
        restore: &Appointment,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment> {
        let r = lifecycle::revert_status(&self.writable(), id, expected, restore, actor, now);
        self.fix(r)
    }

    fn appointment(&self, id: AppointmentId) -> Result<AgendaEntry> {
        self.fix(agenda::appointment(&self.db(), id))
    }

    fn agenda(
        &self,
        clinic: ClinicId,
        window: Interval,
        filter: AgendaFilter,
    ) -> Result<Vec<AgendaEntry>> {
        self.fix(agenda::agenda(&self.db(), clinic, window, filter))
    }

    fn history(&mut self, id: AppointmentId) -> Result<Vec<AuditEvent>> {
        self.fix(agenda::history(&self.db(), id))
    }

    fn find_slots(&self, search: &SlotSearch) -> Result<Vec<Slot>> {
        self.fix(agenda::find_slots(&self.db(), search))
    }

    fn check(&self) -> Result<CheckReport> {
        let mut report = self.engine_check()?;
        report.access_log = match super::access_log::check(&self.db()) {
            Ok(chain) => Some(chain),
            // A damaged file may not let the log be read; its damage is reported already.
            Err(_) if report.damage.is_some() => None,
            Err(e) => return Err(self.classify(e.into())),
        };
        Ok(report)
    }

    fn find_slots_within(&self, search: &SlotSearch, limits: &SlotLimits) -> Result<Vec<Slot>> {
        self.fix(find_slot::find_slots_within_limits(
            &self.db(),
            search,
            limits,
        ))
    }

    fn preview_series(
        &mut self,
        request: &SeriesRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<OccurrenceCheck>> {
        let r = series::preview(&self.writable(), request, now);
        self.fix(r)
    }

    fn book_series(
        &mut self,
        request: &SeriesRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesOutcome> {
        let r = series::book(&self.writable(), request, actor, now);
        self.fix(r)
    }

    fn series_of(&self, appointment: AppointmentId) -> Result<Option<SeriesView>> {
        self.fix(series::series_of(&self.db(), appointment))
    }

    fn cancel_occurrences(
        &mut self,
        appointment: AppointmentId,
        scope: Scope,
        action: &StatusAction,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange> {
        let r = occurrence::cancel(&self.writable(), appointment, scope, action, actor, now);
        self.fix(r)
    }

    fn move_occurrences(
        &mut self,
        appointment: AppointmentId,
        scope: Scope,
        change: &OccurrenceMove,
        overbook: Option<&str>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange> {
        let r = occurrence::move_occurrences(
            &self.writable(),
            appointment,
            scope,
            change,
            overbook,
            actor,
            now,
        );
        self.fix(r)
    }

    // Waitlist.
    fn add_to_waitlist(
        &mut self,
        id: WaitlistEntryId,
        request: &WaitlistRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow> {
        let r = waitlist::add(&self.writable(), id, request, actor, now);
        self.fix(r)
    }

    fn edit_waitlist_entry(
        &mut self,
        id: WaitlistEntryId,
        request: &WaitlistRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow> {
        let r = waitlist::edit(&self.writable(), id, request, actor, now);
        self.fix(r)
    }

    fn remove_from_waitlist(
        &mut self,
        id: WaitlistEntryId,
        reason: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let r = waitlist::remove(&self.writable(), id, reason, actor, now);
        self.fix(r)
    }

    fn waitlist(&self, clinic: ClinicId, filter: WaitlistFilter) -> Result<Vec<WaitlistRow>> {
        self.sql(waitlist_rows::list(&self.db(), clinic, filter))
    }

    fn waitlist_entry(&self, id: WaitlistEntryId) -> Result<WaitlistRow> {
        self.fix(waitlist_rows::entry(&self.db(), id))
    }

    fn waitlist_history(&self, id: WaitlistEntryId) -> Result<Vec<WaitlistEvent>> {
        self.sql(waitlist_rows::history(&self.db(), id))
    }

    fn waitlist_matches(&self, slot: &FreedSlot, now: DateTime<Utc>) -> Result<WaitlistOffer> {
        self.fix(waitlist_feed::matches(&self.db(), slot, now))
    }

    fn freed_slots(
        &self,
        clinic: ClinicId,
        after: Option<FeedCursor>,
        now: DateTime<Utc>,
    ) -> Result<FreedFeed> {
        self.fix(waitlist_feed::feed(&self.db(), clinic, after, now))
    }

    fn offer_waitlist_slot(
        &mut self,
        id: WaitlistEntryId,
        slot: &FreedSlot,
        visit: Interval,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let r = waitlist::offer(&self.writable(), id, slot, visit, actor, now);
        self.fix(r)
    }

    fn decline_waitlist_offer(
        &mut self,
        id: WaitlistEntryId,
        reason: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let r = waitlist::decline(&self.writable(), id, reason, actor, now);
        self.fix(r)
    }

    fn book_from_waitlist(
        &mut self,
        id: WaitlistEntryId,
        request: &BookingRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome> {
        let r = waitlist::book(&self.writable(), id, request, actor, now);
        self.fix(r)
    }

    // Settings.
    fn save_clinic(&mut self, clinic: &Clinic, actor: &str, now: DateTime<Utc>) -> Result<Saved> {
        let r = settings::save_clinic(&self.writable(), clinic, actor, now);
        self.fix(r)
    }

    fn save_doctor(&mut self, doctor: &Doctor, actor: &str, now: DateTime<Utc>) -> Result<Saved> {
        let r = settings::save_doctor(&self.writable(), doctor, actor, now);
        self.fix(r)
    }

    fn save_doctor_hours(
        &mut self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: &WeeklyHours,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        let r = settings::save_doctor_hours(&self.writable(), doctor, clinic, hours, actor, now);
        self.fix(r)
    }

    fn leave(&self, doctor: DoctorId, window: Interval) -> Result<Vec<AbsenceEntry>> {
        self.sql(absences::list(
            &self.db(),
            absences::Table::Leave,
            doctor.0,
            window,
        ))
    }

    fn record_leave(
        &mut self,
        doctor: DoctorId,
        leave: &Absence,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<AbsenceId> {
        let r = absences::record(
            &self.writable(),
            absences::Table::Leave,
            doctor.0,
            leave,
            actor,
            now,
        );
        self.fix(r)
    }

    fn remove_leave(&mut self, id: AbsenceId, actor: &str, now: DateTime<Utc>) -> Result<()> {
        let r = absences::remove(&self.writable(), absences::Table::Leave, id, actor, now);
        self.fix(r)
    }

    fn save_room(&mut self, room: &Room, actor: &str, now: DateTime<Utc>) -> Result<Saved> {
        let r = settings::save_room(&self.writable(), room, actor, now);
        self.fix(r)
    }

    fn room_hours(&self, room: RoomId) -> Result<Option<WeeklyHours>> {
        self.sql(setup::room_hours(&self.db(), room))
    }

    fn save_room_hours(
        &mut self,
        room: RoomId,
        hours: Option<&WeeklyHours>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        let r = settings::save_room_hours(&self.writable(), room, hours, actor, now);
        self.fix(r)
    }

    fn blockouts(&self, room: RoomId, window: Interval) -> Result<Vec<AbsenceEntry>> {
        self.sql(absences::list(
            &self.db(),
            absences::Table::Blockout,
            room.0,
            window,
        ))
    }

    fn record_blockout(
        &mut self,
        room: RoomId,
        blockout: &Absence,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<AbsenceId> {
        let r = absences::record(
            &self.writable(),
            absences::Table::Blockout,
            room.0,
            blockout,
            actor,
            now,
        );
        self.fix(r)
    }

    fn remove_blockout(&mut self, id: AbsenceId, actor: &str, now: DateTime<Utc>) -> Result<()> {
        let r = absences::remove(&self.writable(), absences::Table::Blockout, id, actor, now);
        self.fix(r)
    }

    fn save_visit_type(
        &mut self,
        visit_type: &VisitType,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        let r = settings::save_visit_type(&self.writable(), visit_type, actor, now);
        self.fix(r)
    }

    fn staff(&self) -> Result<Vec<StaffMember>> {
        self.sql(settings::staff(&self.db()))
    }

    fn save_staff(
        &mut self,
        member: &StaffMember,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        let r = settings::save_staff(&self.writable(), member, actor, now);
        self.fix(r)
    }

    fn setup_history(&self, entity: Option<&str>, limit: usize) -> Result<Vec<SetupAuditEvent>> {
        self.sql(setup_audit::history(&self.db(), entity, limit))
    }

    fn at_risk(&self, change: &SetupChange, now: DateTime<Utc>) -> Result<Vec<AgendaEntry>> {
        self.fix(at_risk::at_risk(&self.db(), change, now))
    }

    // Reports.
    fn report_input(
        &self,
        clinic: ClinicId,
        range: crate::scheduling::report::ReportRange,
        now: DateTime<Utc>,
    ) -> Result<crate::scheduling::report::ReportInput> {
        self.fix(report::report_input(&self.db(), clinic, range, now))
    }
    // Reminders.
    fn reminder_rules(&self) -> Result<Vec<ReminderRule>> {
        self.sql(reminder_setup::rules(&self.db()))
    }

    fn save_reminder_rule(
        &mut self,
        rule: &ReminderRule,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        booking::check_actor(actor)?;
        reminder_setup::validate_rule(rule)?;
        self.write_checked(|tx| reminder_setup::save_rule(tx, rule, actor, now))
    }

    fn reminder_settings(&self) -> Result<ReminderSettings> {
        self.sql(reminder_setup::settings(&self.db()))
    }

    fn save_reminder_settings(
        &mut self,
        settings: &ReminderSettings,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        booking::check_actor(actor)?;
        self.write_checked(|tx| reminder_setup::save_settings(tx, settings, actor, now))
    }

    fn clinic_language(&self) -> Result<crate::i18n::Language> {
        self.sql(reminder_setup::settings(&self.db()).map(|s| s.language))
    }

    fn set_clinic_language(
        &mut self,
        language: crate::i18n::Language,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        booking::check_actor(actor)?;
        self.write_checked(|tx| reminder_setup::set_clinic_language(tx, language, actor, now))
    }

    fn reminder_opt_out(&self, patient: PatientId) -> Result<bool> {
        self.sql(reminder_setup::opted_out(&self.db(), patient))
    }

    fn set_reminder_opt_out(
        &mut self,
        patient: PatientId,
        opted_out: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        booking::check_actor(actor)?;
        self.write_checked(|tx| reminder_setup::set_opt_out(tx, patient, opted_out, actor, now))
    }

    fn patient_language(&self, patient: PatientId) -> Result<Option<crate::i18n::Language>> {
        self.sql(reminder_setup::patient_language(&self.db(), patient))
    }

    fn set_patient_language(
        &mut self,
        patient: PatientId,
        language: Option<crate::i18n::Language>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        booking::check_actor(actor)?;
        self.write_checked(|tx| {
            reminder_setup::set_patient_language(tx, patient, language, actor, now)
        })
    }

    fn plan_reminders(&mut self, now: DateTime<Utc>) -> Result<PlanSummary> {
        let r = outbox::plan(&self.writable(), now);
        self.fix(r)
    }

    fn claim_due_reminders(
        &mut self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<(PlanSummary, Vec<DueReminder>)> {
        let r = outbox::claim_due(&self.writable(), now, limit);
        self.fix(r)
    }

    fn record_delivery(
        &mut self,
        job: JobId,
        outcome: &std::result::Result<(), String>,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry> {
        let r = outbox::record(&self.writable(), job, outcome, now);
        self.fix(r)
    }

    fn outbox(
        &self,
        clinic: ClinicId,
        filter: OutboxFilter,
        limit: usize,
    ) -> Result<Vec<OutboxEntry>> {
        self.fix(outbox::outbox(&self.db(), clinic, filter, limit))
    }

    fn failed_reminders(&self, clinic: ClinicId, now: DateTime<Utc>) -> Result<i64> {
        self.fix(outbox::failed_count(&self.db(), clinic, now))
    }

    fn appointment_reminders(&self, id: AppointmentId) -> Result<Vec<OutboxEntry>> {
        self.fix(outbox::of_appointment(&self.db(), id))
    }

    fn resend_reminder(&mut self, job: JobId, actor: &str, now: DateTime<Utc>) -> Result<()> {
        let r = outbox::resend(&self.writable(), job, actor, now);
        self.fix(r)
    }

    fn reminder_log(&self, limit: usize) -> Result<Vec<ReminderLogEntry>> {
        self.sql(reminder_setup::log_entries(&self.db(), limit))
    }

    fn record_joined(
        &mut self,
        id: AppointmentId,
        who: Joiner,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let r = video::record_joined(&self.writable(), id, who, actor, now);
        self.fix(r)
    }

    // Export and import.
    fn export_set(&mut self, query: &ExportQuery) -> Result<ExportSet> {
        self.fix(exchange::export_set(&self.db(), query))
    }

    fn import_patients(
        &mut self,
        parsed: &Parsed<PatientRecord>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let r = import_patients::import_patients(&self.writable(), parsed, options, progress);
        self.fix(r)
    }

    fn import_appointments(
        &mut self,
        parsed: &Parsed<AppointmentRecord>,
        options: &ImportOptions,
        actor: &str,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let r =
            import::import_appointments(&self.writable(), parsed, options, actor, now, progress);
        self.fix(r)
    }
}

// Backup and restore (SQLite files; not part of the backend-neutral trait).
