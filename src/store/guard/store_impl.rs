//! [`Store`] for [`Guarded`]: each method checks the signed-in role first (the action it is
//! in `scheduling::permission`'s table is written beside it, so a new method cannot be added
//! without one), passes the signed-in name as who acted, and logs what the access log shows.

use chrono::{DateTime, Utc};

use super::{Guarded, booking_action, revert_action, status_action};
use crate::export::{ExportQuery, ExportSet, Progress};
use crate::import::{AppointmentRecord, ImportOptions, ImportReport, Parsed, PatientRecord};
use crate::scheduling::access::AccessKind;
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::permission::Action;
use crate::scheduling::reminder::ReminderRule;
use crate::scheduling::report::{ReportInput, ReportRange};
use crate::scheduling::waitlist::{FreedSlot, WaitlistEntryId, WaitlistRequest};
use crate::scheduling::*;
use crate::store::SlotChange;
use crate::store::*;

impl Guarded {
    /// Logs an import that wrote something.
    fn log_import(&mut self, what: &str, report: &ImportReport) -> Result<()> {
        if !report.committed {
            return Ok(());
        }
        let detail = format!("{} {what} of {} rows", report.imported, report.rows);
        self.log(AccessKind::Imported, what.to_owned(), detail)
    }
}

impl Store for Guarded {
    fn change_version(&self) -> Result<ChangeVersion> {
        self.allow(Action::SeeSchedule)?;
        self.inner.change_version()
    }

    fn add_clinic(&mut self, clinic: &Clinic) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.add_clinic(clinic)
    }

    fn clinics(&self) -> Result<Vec<Clinic>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.clinics()
    }

    fn add_doctor(&mut self, doctor: &Doctor) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.add_doctor(doctor)
    }

    fn doctors(&self) -> Result<Vec<Doctor>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.doctors()
    }

    fn set_doctor_hours(
        &mut self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: &WeeklyHours,
    ) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.set_doctor_hours(doctor, clinic, hours)
    }

    fn doctor_hours(&self, doctor: DoctorId, clinic: ClinicId) -> Result<WeeklyHours> {
        self.allow(Action::SeeSchedule)?;
        self.inner.doctor_hours(doctor, clinic)
    }

    fn add_leave(&mut self, doctor: DoctorId, leave: &Absence) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.add_leave(doctor, leave)
    }

    fn add_room(&mut self, room: &Room, hours: Option<&WeeklyHours>) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.add_room(room, hours)
    }

    fn rooms(&self, clinic: ClinicId) -> Result<Vec<Room>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.rooms(clinic)
    }

    fn add_blockout(&mut self, room: RoomId, blockout: &Absence) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.add_blockout(room, blockout)
    }

    fn add_visit_type(&mut self, visit_type: &VisitType) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.add_visit_type(visit_type)
    }

    fn visit_types(&self) -> Result<Vec<VisitType>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.visit_types()
    }

    fn add_patient(&mut self, patient: &Patient) -> Result<Vec<Patient>> {
        self.allow(Action::Book)?;
        self.inner.add_patient(patient)
    }

    fn likely_duplicates(&self, patient: &Patient) -> Result<Vec<Patient>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.likely_duplicates(patient)
    }

    fn identify_patient(
        &self,
        claim: &crate::scheduling::patient_match::Claim<'_>,
    ) -> Result<crate::scheduling::patient_match::Identified> {
        self.allow(Action::SeeSchedule)?;
        self.inner.identify_patient(claim)
    }

    fn search_patients(&mut self, text: &str, limit: usize) -> Result<Vec<Patient>> {
        self.allow(Action::SeeSchedule)?;
        let found = self.inner.search_patients(text, limit)?;
        let detail = format!("{} found", found.len());
        self.log(AccessKind::SearchedPatients, text.trim().to_owned(), detail)?;
        Ok(found)
    }

    fn preview(&mut self, request: &BookingRequest, now: DateTime<Utc>) -> Result<Vec<Conflict>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.preview(request, now)
    }

    fn book(
        &mut self,
        request: &BookingRequest,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome> {
        self.allow(booking_action(request))?;
        self.inner.book(request, self.who.name(), now)
    }

    fn move_appointment(
        &mut self,
        request: &MoveRequest,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome> {
        self.allow(Action::Move)?;
        self.inner.move_appointment(request, self.who.name(), now)
    }

    fn change_status(
        &mut self,
        id: AppointmentId,
        action: &StatusAction,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment> {
        self.allow(status_action(action))?;
        self.inner.change_status(id, action, self.who.name(), now)
    }

    fn revert_status(
        &mut self,
        id: AppointmentId,
        expected: Status,
        restore: &Appointment,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment> {
        self.allow(revert_action(expected, restore))?;
        self.inner
            .revert_status(id, expected, restore, self.who.name(), now)
    }

    fn edit(
        &mut self,
        id: AppointmentId,
        edit: &Edit,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment> {
        self.allow(Action::Book)?;
        self.inner.edit(id, edit, self.who.name(), now)
    }

    fn appointment(&self, id: AppointmentId) -> Result<AgendaEntry> {
        self.allow(Action::SeeSchedule)?;
        self.inner.appointment(id)
    }

    fn agenda(
        &self,
        clinic: ClinicId,
        window: Interval,
        filter: AgendaFilter,
    ) -> Result<Vec<AgendaEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.agenda(clinic, window, filter)
    }

    fn history(&mut self, id: AppointmentId) -> Result<Vec<AuditEvent>> {
        self.allow(Action::SeeSchedule)?;
        let history = self.inner.history(id)?;
        self.log_opening(id)?;
        Ok(history)
    }

    fn find_slots(&self, search: &SlotSearch) -> Result<Vec<Slot>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.find_slots(search)
    }

    fn check(&self) -> Result<CheckReport> {
        self.allow(Action::AccessLog)?;
        self.inner.check()
    }

    fn find_slots_within(&self, search: &SlotSearch, limits: &SlotLimits) -> Result<Vec<Slot>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.find_slots_within(search, limits)
    }

    fn preview_series(
        &mut self,
        request: &SeriesRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<OccurrenceCheck>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.preview_series(request, now)
    }

    fn book_series(
        &mut self,
        request: &SeriesRequest,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesOutcome> {
        self.allow(Action::Book)?;
        self.inner.book_series(request, self.who.name(), now)
    }

    fn series_of(&self, appointment: AppointmentId) -> Result<Option<SeriesView>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.series_of(appointment)
    }

    fn cancel_occurrences(
        &mut self,
        appointment: AppointmentId,
        scope: Scope,
        action: &StatusAction,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange> {
        self.allow(status_action(action))?;
        self.inner
            .cancel_occurrences(appointment, scope, action, self.who.name(), now)
    }

    fn move_occurrences(
        &mut self,
        appointment: AppointmentId,
        scope: Scope,
        change: &OccurrenceMove,
        overbook: Option<&str>,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange> {
        self.allow(Action::Move)?;
        self.inner
            .move_occurrences(appointment, scope, change, overbook, self.who.name(), now)
    }

    fn save_clinic(&mut self, clinic: &Clinic, _actor: &str, now: DateTime<Utc>) -> Result<Saved> {
        self.allow(Action::Settings)?;
        self.inner.save_clinic(clinic, self.who.name(), now)
    }

    fn save_doctor(&mut self, doctor: &Doctor, _actor: &str, now: DateTime<Utc>) -> Result<Saved> {
        self.allow(Action::Settings)?;
        self.inner.save_doctor(doctor, self.who.name(), now)
    }

    fn save_doctor_hours(
        &mut self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: &WeeklyHours,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        self.allow(Action::Settings)?;
        self.inner
            .save_doctor_hours(doctor, clinic, hours, self.who.name(), now)
    }

    fn leave(&self, doctor: DoctorId, window: Interval) -> Result<Vec<AbsenceEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.leave(doctor, window)
    }

    fn record_leave(
        &mut self,
        doctor: DoctorId,
        leave: &Absence,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<AbsenceId> {
        self.allow(Action::Settings)?;
        self.inner.record_leave(doctor, leave, self.who.name(), now)
    }

    fn remove_leave(&mut self, id: AbsenceId, _actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.remove_leave(id, self.who.name(), now)
    }

    fn save_room(&mut self, room: &Room, _actor: &str, now: DateTime<Utc>) -> Result<Saved> {
        self.allow(Action::Settings)?;
        self.inner.save_room(room, self.who.name(), now)
    }

    fn room_hours(&self, room: RoomId) -> Result<Option<WeeklyHours>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.room_hours(room)
    }

    fn save_room_hours(
        &mut self,
        room: RoomId,
        hours: Option<&WeeklyHours>,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        self.allow(Action::Settings)?;
        self.inner
            .save_room_hours(room, hours, self.who.name(), now)
    }

    fn blockouts(&self, room: RoomId, window: Interval) -> Result<Vec<AbsenceEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.blockouts(room, window)
    }

    fn record_blockout(
        &mut self,
        room: RoomId,
        blockout: &Absence,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<AbsenceId> {
        self.allow(Action::Settings)?;
        self.inner
            .record_blockout(room, blockout, self.who.name(), now)
    }

    fn remove_blockout(&mut self, id: AbsenceId, _actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.remove_blockout(id, self.who.name(), now)
    }

    fn save_visit_type(
        &mut self,
        visit_type: &VisitType,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        self.allow(Action::Settings)?;
        self.inner.save_visit_type(visit_type, self.who.name(), now)
    }

    fn staff(&self) -> Result<Vec<StaffMember>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.staff()
    }

    fn save_staff(
        &mut self,
        member: &StaffMember,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        self.allow(Action::StaffAndRoles)?;
        let before = self.inner.staff()?.into_iter().find(|m| m.id == member.id);
        // An encrypted database's keys follow: one who leaves loses their slot first (refused,
        // with nothing changed, when theirs is the last slot that opens the file); a renamed
        // member signs in with the same slot under the new name.
        let leaving = before.as_ref().is_some_and(|b| b.active && !member.active);
        if leaving {
            self.inner
                .key_slot(member, SlotChange::Removed)
                .map_err(|e| match e {
                    StoreError::Cipher(crate::store::cipher::CipherError::LastPasswordSlot {
                        ..
                    }) => StoreError::Invalid(crate::t!(
                        "store-guard-last-password",
                        name = &member.name
                    )),
                    other => other,
                })?;
        }
        let saved = self.inner.save_staff(member, self.who.name(), now)?;
        if !leaving && before.as_ref().is_some_and(|b| b.name != member.name) {
            self.inner.key_slot(member, SlotChange::Renamed)?;
        }
        let detail = format!(
            "{}, {}",
            member.role.as_str(),
            if member.active {
                "active"
            } else {
                "not active"
            }
        );
        self.log(AccessKind::ChangedPermission, member.id.to_string(), detail)?;
        Ok(saved)
    }

    fn setup_history(&self, entity: Option<&str>, limit: usize) -> Result<Vec<SetupAuditEvent>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.setup_history(entity, limit)
    }

    fn at_risk(&self, change: &SetupChange, now: DateTime<Utc>) -> Result<Vec<AgendaEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.at_risk(change, now)
    }

    fn add_to_waitlist(
        &mut self,
        id: WaitlistEntryId,
        request: &WaitlistRequest,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow> {
        self.allow(Action::Waitlist)?;
        self.inner
            .add_to_waitlist(id, request, self.who.name(), now)
    }

    fn edit_waitlist_entry(
        &mut self,
        id: WaitlistEntryId,
        request: &WaitlistRequest,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow> {
        self.allow(Action::Waitlist)?;
        self.inner
            .edit_waitlist_entry(id, request, self.who.name(), now)
    }

    fn remove_from_waitlist(
        &mut self,
        id: WaitlistEntryId,
        reason: &str,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Waitlist)?;
        self.inner
            .remove_from_waitlist(id, reason, self.who.name(), now)
    }

    fn waitlist(&self, clinic: ClinicId, filter: WaitlistFilter) -> Result<Vec<WaitlistRow>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.waitlist(clinic, filter)
    }

    fn waitlist_entry(&self, id: WaitlistEntryId) -> Result<WaitlistRow> {
        self.allow(Action::SeeSchedule)?;
        self.inner.waitlist_entry(id)
    }

    fn waitlist_history(&self, id: WaitlistEntryId) -> Result<Vec<WaitlistEvent>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.waitlist_history(id)
    }

    fn waitlist_matches(&self, slot: &FreedSlot, now: DateTime<Utc>) -> Result<WaitlistOffer> {
        self.allow(Action::SeeSchedule)?;
        self.inner.waitlist_matches(slot, now)
    }

    fn freed_slots(
        &self,
        clinic: ClinicId,
        after: Option<FeedCursor>,
        now: DateTime<Utc>,
    ) -> Result<FreedFeed> {
        self.allow(Action::SeeSchedule)?;
        self.inner.freed_slots(clinic, after, now)
    }

    fn offer_waitlist_slot(
        &mut self,
        id: WaitlistEntryId,
        slot: &FreedSlot,
        visit: Interval,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Waitlist)?;
        self.inner
            .offer_waitlist_slot(id, slot, visit, self.who.name(), now)
    }

    fn decline_waitlist_offer(
        &mut self,
        id: WaitlistEntryId,
        reason: &str,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Waitlist)?;
        self.inner
            .decline_waitlist_offer(id, reason, self.who.name(), now)
    }

    fn book_from_waitlist(
        &mut self,
        id: WaitlistEntryId,
        request: &BookingRequest,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome> {
        self.allow(Action::Waitlist)?;
        self.inner
            .book_from_waitlist(id, request, self.who.name(), now)
    }

    fn report_input(
        &self,
        clinic: ClinicId,
        range: ReportRange,
        now: DateTime<Utc>,
    ) -> Result<ReportInput> {
        self.allow(Action::Reports)?;
        self.inner.report_input(clinic, range, now)
    }

    fn reminder_rules(&self) -> Result<Vec<ReminderRule>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.reminder_rules()
    }

    fn save_reminder_rule(
        &mut self,
        rule: &ReminderRule,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Settings)?;
        self.inner.save_reminder_rule(rule, self.who.name(), now)
    }

    fn reminder_settings(&self) -> Result<ReminderSettings> {
        self.allow(Action::SendReminders)?;
        self.inner.reminder_settings()
    }

    fn save_reminder_settings(
        &mut self,
        settings: &ReminderSettings,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::ReminderChannels)?;
        self.inner
            .save_reminder_settings(settings, self.who.name(), now)
    }

    fn clinic_language(&self) -> Result<crate::i18n::Language> {
        self.allow(Action::Settings)?;
        self.inner.clinic_language()
    }

    fn set_clinic_language(
        &mut self,
        language: crate::i18n::Language,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        // The manager's, like the rules whose texts fall back to it.
        self.allow(Action::Settings)?;
        self.inner
            .set_clinic_language(language, self.who.name(), now)
    }

    fn reminder_opt_out(&self, patient: PatientId) -> Result<bool> {
        self.allow(Action::SeeSchedule)?;
        self.inner.reminder_opt_out(patient)
    }

    fn set_reminder_opt_out(
        &mut self,
        patient: PatientId,
        opted_out: bool,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Book)?;
        self.inner
            .set_reminder_opt_out(patient, opted_out, self.who.name(), now)
    }

    fn patient_language(&self, patient: PatientId) -> Result<Option<crate::i18n::Language>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.patient_language(patient)
    }

    fn set_patient_language(
        &mut self,
        patient: PatientId,
        language: Option<crate::i18n::Language>,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Book)?;
        self.inner
            .set_patient_language(patient, language, self.who.name(), now)
    }

    fn plan_reminders(&mut self, now: DateTime<Utc>) -> Result<PlanSummary> {
        self.allow(Action::SendReminders)?;
        self.inner.plan_reminders(now)
    }

    fn claim_due_reminders(
        &mut self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<(PlanSummary, Vec<DueReminder>)> {
        self.allow(Action::SendReminders)?;
        self.inner.claim_due_reminders(now, limit)
    }

    fn record_delivery(
        &mut self,
        job: JobId,
        outcome: &std::result::Result<(), String>,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry> {
        self.allow(Action::SendReminders)?;
        self.inner.record_delivery(job, outcome, now)
    }

    fn outbox(
        &self,
        clinic: ClinicId,
        filter: OutboxFilter,
        limit: usize,
    ) -> Result<Vec<OutboxEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.outbox(clinic, filter, limit)
    }

    fn failed_reminders(&self, clinic: ClinicId, now: DateTime<Utc>) -> Result<i64> {
        self.allow(Action::SeeSchedule)?;
        self.inner.failed_reminders(clinic, now)
    }

    fn appointment_reminders(&self, id: AppointmentId) -> Result<Vec<OutboxEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.appointment_reminders(id)
    }

    fn resend_reminder(&mut self, job: JobId, _actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.allow(Action::SendReminders)?;
        self.inner.resend_reminder(job, self.who.name(), now)
    }

    fn reminder_log(&self, limit: usize) -> Result<Vec<ReminderLogEntry>> {
        self.allow(Action::SeeSchedule)?;
        self.inner.reminder_log(limit)
    }

    fn record_joined(
        &mut self,
        id: AppointmentId,
        who: Joiner,
        _actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.allow(Action::Book)?;
        self.inner.record_joined(id, who, self.who.name(), now)
    }

    fn export_set(&mut self, query: &ExportQuery) -> Result<ExportSet> {
        self.allow(Action::ExportAppointments)?;
        let set = self.inner.export_set(query)?;
        let detail = format!("{} appointments", set.appointments.len());
        self.log(AccessKind::Exported, "appointments".into(), detail)?;
        Ok(set)
    }

    fn import_patients(
        &mut self,
        parsed: &Parsed<PatientRecord>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        self.allow(Action::Import)?;
        let report = self.inner.import_patients(parsed, options, progress)?;
        self.log_import("patients", &report)?;
        Ok(report)
    }

    fn import_appointments(
        &mut self,
        parsed: &Parsed<AppointmentRecord>,
        options: &ImportOptions,
        _actor: &str,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        self.allow(Action::Import)?;
        let report =
            self.inner
                .import_appointments(parsed, options, self.who.name(), now, progress)?;
        self.log_import("appointments", &report)?;
        Ok(report)
    }

    fn bulk(&mut self, _actor: &str) -> Result<Box<dyn bulk::BulkLoad + '_>> {
        self.allow(Action::Import)?;
        self.inner.bulk(self.who.name())
    }
}
