//! Persistence: the [`Store`] trait (what the app asks of a database) and its SQLite backend.
//! Every user action is one transaction; check-then-write runs under `BEGIN IMMEDIATE`; every
//! change to an appointment writes an audit event in the same transaction.

mod absences;
mod access_log;
mod accounts;
mod agenda;
mod at_risk;
pub mod backup;
mod batch;
mod booking;
pub mod bulk;
pub mod cipher;
pub(crate) mod codec;
mod context;
mod copy;
mod credentials;
pub(crate) mod desk_lock;
mod engine;
mod error;
mod exchange;
mod find_slot;
mod guard;
mod import;
mod import_patients;
mod import_series;
pub mod integrity;
mod kiosk;
mod lifecycle;
mod locator;
pub mod maintenance;
mod occurrence;
mod open;
mod outbox;
mod pg_connect;
pub mod pg_schema;
mod postgres;
mod queue;
mod reminder_model;
mod reminder_setup;
mod report;
pub mod schema;
mod series;
mod settings;
mod setup;
pub(crate) mod setup_audit;
pub(crate) mod sql;
mod sqlite;
pub mod unlock;
mod video;
mod waiting_room;
mod waitlist;
mod waitlist_feed;
mod waitlist_rows;
mod watch;

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::export::{ExportQuery, ExportSet, Progress};
use crate::import::{AppointmentRecord, ImportOptions, ImportReport, Parsed, PatientRecord};
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::reminder::ReminderRule;
use crate::scheduling::report::{ReportInput, ReportRange};
use crate::scheduling::waitlist::{FreedSlot, WaitlistEntryId, WaitlistRequest};
use crate::scheduling::*;

pub use access_log::AccessFilter;
pub use accounts::Accounts;
pub use copy::{CopyReport, migrate, migrate_keyed};
pub use credentials::{ServiceRecord, SignInRecord};
pub use error::{DatabaseError, Result, StoreError};
pub use find_slot::SlotLimits;
pub use guard::Guarded;
pub use kiosk::KioskAppointment;
pub use locator::{Locator, ServerUrl, open, open_keyed};
pub use maintenance::{EncryptedNow, Maintenance, SlotChange};
pub use open::{StoreOptions, damage_marker, forget_damage, record_damage};
pub use outbox::{CLAIM_MINUTES, PLANNER};
pub use pg_connect::{ServerAddress, SslMode};
pub use postgres::PostgresStore;
pub use reminder_model::{
    DueReminder, JobId, Joiner, OutboxEntry, OutboxFilter, PlanSummary, ReminderLogEntry,
    ReminderSettings, Secret, SmtpSettings, TlsMode, WebhookSettings,
};
pub use series::{
    OccurrenceCheck, OccurrenceMove, Scope, Series, SeriesChange, SeriesMember, SeriesOutcome,
    SeriesRequest, SeriesView,
};
pub use sqlite::SqliteStore;
pub use waiting_room::{CallFor, Called, NotHereDone, ScreenClinic, WaitingRoom};
pub use waitlist_feed::{FeedCursor, FreedFeed, WaitlistMatch, WaitlistOffer};
pub use waitlist_rows::{HeldAppointment, WaitlistEvent, WaitlistFilter, WaitlistRow};
pub use watch::{Watched, Watcher};

/// When a booking starts: as the receptionist typed it, an exact instant (a slot, an
/// emergency seen now), or a walk-in's first free time today.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Start {
    /// Clinic-local wall time; the DST policy applies.
    Local(NaiveDateTime),
    /// An exact instant.
    At(DateTime<Utc>),
    /// The first free time of the clinic's day, at or after now, with the doctor (or doctor
    /// and room, or whichever doctor) `SlotTarget` names; a doctor or room the slot chooses
    /// replaces the request's. It is found inside the booking's `BEGIN IMMEDIATE`
    /// transaction, so desks booking walk-ins at once each get the next free time instead of
    /// a time another desk has just taken. No time left today refuses the booking
    /// ([`StoreError::NoTimeLeftToday`]).
    FirstFreeToday(SlotTarget),
}

/// A new appointment as staff ask for it.
#[derive(Clone, Debug, PartialEq)]
pub struct BookingRequest {
    /// The clinic.
    pub clinic: ClinicId,
    /// The patient.
    pub patient: PatientId,
    /// The doctor.
    pub doctor: DoctorId,
    /// The room, if any.
    pub room: Option<RoomId>,
    /// The visit type, if any.
    pub visit_type: Option<VisitTypeId>,
    /// When it starts.
    pub start: Start,
    /// How long it lasts.
    pub minutes: i64,
    /// In clinic, phone or video.
    pub mode: Mode,
    /// Scheduled, walk-in (checked in now) or emergency (checked in now).
    pub kind: Kind,
    /// 0 is normal.
    pub priority: i32,
    /// Why the patient comes.
    pub reason: String,
    /// Staff notes.
    pub notes: String,
    /// Overbook despite hard conflicts, with this reason (recorded in the audit).
    pub overbook: Option<String>,
    /// A patient to register in the same transaction (its id must be `patient`): a refused
    /// booking then registers nobody.
    pub new_patient: Option<Patient>,
}

/// Moving an appointment to another time, doctor or room; its length stays.
#[derive(Clone, Debug, PartialEq)]
pub struct MoveRequest {
    /// Which appointment.
    pub appointment: AppointmentId,
    /// The new start.
    pub start: Start,
    /// A new doctor, or keep the current one.
    pub doctor: Option<DoctorId>,
    /// A new room, or keep the current one.
    pub room: Option<RoomId>,
    /// Overbook despite hard conflicts, with this reason.
    pub overbook: Option<String>,
}

/// The fields of an appointment staff may edit (time, doctor and room change by moving; the
/// status by its actions).
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// Why the patient comes.
    pub reason: String,
    /// Staff notes.
    pub notes: String,
    /// In clinic, phone or video.
    pub mode: Mode,
    /// The video meeting link.
    pub meeting_link: String,
}

/// What a successful booking or move produced.
#[derive(Clone, Debug, PartialEq)]
pub struct BookingOutcome {
    /// The appointment as stored.
    pub appointment: Appointment,
    /// Conflicts that stand but did not stop it: notices and overridden ones.
    pub conflicts: Vec<Conflict>,
    /// The overbook reason, when hard conflicts were overridden.
    pub overbooked: Option<String>,
}

/// Which appointments an agenda shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaFilter {
    /// Every doctor and room of the clinic.
    All,
    /// One doctor.
    Doctor(DoctorId),
    /// One room.
    Room(RoomId),
    /// One patient.
    Patient(PatientId),
}

/// An appointment with the names the calendar and agenda show.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaEntry {
    /// The appointment.
    pub appointment: Appointment,
    /// The patient's name.
    pub patient_name: String,
    /// The patient's phone.
    pub patient_phone: String,
    /// The doctor's name.
    pub doctor_name: String,
    /// The room's name.
    pub room_name: Option<String>,
    /// The visit type's name.
    pub visit_type_name: Option<String>,
    /// Set when the appointment was deliberately overbooked.
    pub overbook_reason: Option<String>,
}

/// One entry of an appointment's history.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEvent {
    /// The appointment.
    pub appointment: AppointmentId,
    /// When.
    pub at: DateTime<Utc>,
    /// Which staff member.
    pub actor: String,
    /// What happened: "created", "moved", "confirmed", "cancelled" …
    pub action: String,
    /// The values before (JSON), if any.
    pub before: Option<String>,
    /// The values after (JSON), if any.
    pub after: Option<String>,
    /// The reason given (cancel reason, overbook reason …).
    pub reason: String,
}

/// What `frontdesk check` found, in words that hold for every engine: the engine's own check
/// of its storage, references that lead nowhere, the schema version, how many rows each kind of
/// record has, and double bookings that nothing explains.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckReport {
    /// Which engine checked ("SQLite"; a server engine names itself).
    pub engine: &'static str,
    /// What the engine's own check of its storage found damaged, in one line (for SQLite, its
    /// integrity check of the file's pages: see `store::integrity`), or `None` when it finds
    /// the storage sound.
    pub damage: Option<String>,
    /// Records that name another record which is not there (an appointment whose patient is
    /// gone, …). An engine that refuses such rows always reports 0.
    pub broken_references: i64,
    /// The schema version.
    pub schema_version: i64,
    /// How many records of each kind are stored, by label, in a fixed order (see
    /// [`CheckReport::COUNTED`]); `None` where damage keeps a kind from being counted.
    pub counts: Vec<(&'static str, Option<i64>)>,
    /// Pairs of live appointments of one doctor that overlap with neither overbooked.
    pub unexplained_overlaps: i64,
    /// What a check of the access log's hash chain found (`None` where damage keeps it from
    /// being read): an entry edited, deleted or cut off breaks it.
    pub access_log: Option<crate::scheduling::access::ChainCheck>,
}

impl CheckReport {
    /// The labels of [`CheckReport::counts`], in their order. Every engine counts all of them.
    pub const COUNTED: [&'static str; 22] = [
        "appointments",
        "patients",
        "doctors",
        "rooms",
        "audit events",
        "clinics",
        "visit types",
        "staff",
        "doctor leave",
        "room blockouts",
        "setup audit events",
        "series",
        "series audit events",
        "waitlist entries",
        "waitlist events",
        "reminder rules",
        "reminder texts",
        "reminder jobs",
        "patients' languages",
        "queue tokens issued",
        "appointments called",
        "waiting room rules",
    ];

    /// True when nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.damage.is_none()
            && self.broken_references == 0
            && self.unexplained_overlaps == 0
            && matches!(
                self.access_log,
                None | Some(crate::scheduling::access::ChainCheck::Whole)
            )
    }

    /// How many records of a kind are stored (a label of [`CheckReport::COUNTED`]): `None`
    /// when the kind could not be counted or is not one of the labels.
    pub fn count(&self, label: &str) -> Option<i64> {
        self.counts
            .iter()
            .find(|(l, _)| *l == label)
            .and_then(|(_, n)| *n)
    }
}

/// Where to look for free slots.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlotSearch {
    /// The clinic.
    pub clinic: ClinicId,
    /// Whose time.
    pub target: SlotTarget,
    /// Length, grid, start and count.
    pub query: SlotQuery,
    /// How far ahead to look.
    pub horizon_days: i64,
    /// The patient being booked, whose own appointments must not overlap.
    pub patient: Option<PatientId>,
}

/// What a settings save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// It was new and is now stored.
    Created,
    /// It was stored and has changed.
    Updated,
    /// It was stored as it is: nothing was written and nothing audited.
    Unchanged,
}

/// Leave or a blockout as stored, with the id that removes it.
#[derive(Clone, Debug, PartialEq)]
pub struct AbsenceEntry {
    /// Which entry (to remove it).
    pub id: AbsenceId,
    /// When, and why.
    pub absence: Absence,
}

/// Identifies a doctor's leave or a room's blockout. Opaque: what it holds is the engine's;
/// only the store makes one, and a desk gives it back to remove the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AbsenceId(pub(crate) i64);

impl std::fmt::Display for AbsenceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One entry of the setup audit: a change to the clinic, a doctor, a room, a visit type, staff…
#[derive(Clone, Debug, PartialEq)]
pub struct SetupAuditEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// Which staff member.
    pub actor: String,
    /// What kind of thing: "clinic", "doctor", "doctor_hours", "doctor_leave", "room", …
    pub entity_kind: String,
    /// Its id as text.
    pub entity_id: String,
    /// "created", "updated" or "removed".
    pub action: String,
    /// How it was (JSON), if it existed.
    pub before: Option<String>,
    /// How it is now (JSON), if it still exists.
    pub after: Option<String>,
}

/// How many changes the database has stored, as a desk last read it: when another read gives a
/// different number, something changed (at this desk or another) and what is shown must be read
/// again. Only equality means anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeVersion(pub(crate) i64);

/// What the application asks of a database. Both engines implement it with the same store code
/// (`engine.rs`: SQLite's file, a PostgreSQL server), and the store contract
/// (`tests/contract/`) runs against each.
pub trait Store: Maintenance + Accounts + WaitingRoom {
    /// How many changes the database has stored ([`ChangeVersion`]): cheap enough to ask
    /// several times a second.
    fn change_version(&self) -> Result<ChangeVersion>;
    /// Adds a clinic with its opening hours.
    fn add_clinic(&mut self, clinic: &Clinic) -> Result<()>;
    /// Every clinic, by name.
    fn clinics(&self) -> Result<Vec<Clinic>>;
    /// Adds a doctor.
    fn add_doctor(&mut self, doctor: &Doctor) -> Result<()>;
    /// Every doctor, by name.
    fn doctors(&self) -> Result<Vec<Doctor>>;
    /// Replaces a doctor's weekly working hours in one clinic.
    fn set_doctor_hours(
        &mut self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: &WeeklyHours,
    ) -> Result<()>;
    /// A doctor's weekly working hours in one clinic.
    fn doctor_hours(&self, doctor: DoctorId, clinic: ClinicId) -> Result<WeeklyHours>;
    /// Records leave for a doctor.
    fn add_leave(&mut self, doctor: DoctorId, leave: &Absence) -> Result<()>;
    /// Adds a room, with its own hours or (None) the clinic's.
    fn add_room(&mut self, room: &Room, hours: Option<&WeeklyHours>) -> Result<()>;
    /// The rooms of a clinic, by name.
    fn rooms(&self, clinic: ClinicId) -> Result<Vec<Room>>;
    /// Blocks a room for a time.
    fn add_blockout(&mut self, room: RoomId, blockout: &Absence) -> Result<()>;
    /// Adds a visit type.
    fn add_visit_type(&mut self, visit_type: &VisitType) -> Result<()>;
    /// Every visit type, by name.
    fn visit_types(&self) -> Result<Vec<VisitType>>;
    /// Adds a patient; returns likely duplicates already stored (same phone, or same name and
    /// date of birth) so staff can be warned. The patient is added either way.
    fn add_patient(&mut self, patient: &Patient) -> Result<Vec<Patient>>;
    /// Stored patients likely to be the same person as `patient` (same phone, or same name and
    /// date of birth), to warn before registering them.
    fn likely_duplicates(&self, patient: &Patient) -> Result<Vec<Patient>>;
    /// Which stored patient a claim (a name and phone, an id, an imported row) identifies,
    /// under `scheduling::patient_match`'s rule.
    fn identify_patient(
        &self,
        claim: &crate::scheduling::patient_match::Claim<'_>,
    ) -> Result<crate::scheduling::patient_match::Identified>;
    /// Patients whose name, last name or phone starts with `text`, at most `limit`.
    fn search_patients(&mut self, text: &str, limit: usize) -> Result<Vec<Patient>>;
    /// The conflicts `request` would meet now, writing nothing (live feedback in the form).
    fn preview(&mut self, request: &BookingRequest, now: DateTime<Utc>) -> Result<Vec<Conflict>>;
    /// Books an appointment if no hard conflict stands (or it is overbooked with a reason). A
    /// walk-in or emergency starts today and gets the day's next queue token
    /// (`scheduling::queue`).
    fn book(
        &mut self,
        request: &BookingRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome>;
    /// Moves an appointment under the same rules as booking; a patient in a day's queue
    /// (arrived, walk-in, emergency) moves only within that day, keeping token and arrival.
    fn move_appointment(
        &mut self,
        request: &MoveRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome>;
    /// Changes an appointment's status as the lifecycle allows; a check-in only on the
    /// appointment's clinic day.
    fn change_status(
        &mut self,
        id: AppointmentId,
        action: &StatusAction,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment>;
    /// Undoes the desk's last status change: puts back the status (and its timestamps and
    /// cancellation) that `restore` had, if the appointment is still `expected`; taking time
    /// back (un-cancelling) needs it to be free. Recorded as a new "undo" audit event.
    fn revert_status(
        &mut self,
        id: AppointmentId,
        expected: Status,
        restore: &Appointment,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment>;
    /// Edits reason, notes, mode and meeting link; records the changed fields in an "edited"
    /// audit event (nothing is written when nothing changed).
    fn edit(
        &mut self,
        id: AppointmentId,
        edit: &Edit,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Appointment>;
    /// One appointment.
    fn appointment(&self, id: AppointmentId) -> Result<AgendaEntry>;
    /// Appointments overlapping `window`, by start time.
    fn agenda(
        &self,
        clinic: ClinicId,
        window: Interval,
        filter: AgendaFilter,
    ) -> Result<Vec<AgendaEntry>>;
    /// An appointment's audit history, oldest first.
    fn history(&mut self, id: AppointmentId) -> Result<Vec<AuditEvent>>;
    /// The next free slots.
    fn find_slots(&self, search: &SlotSearch) -> Result<Vec<Slot>>;
    /// Checks the database's integrity and the no-double-booking invariant.
    fn check(&self) -> Result<CheckReport>;

    // Find a slot.
    /// The next free slots, only within a part of the day and up to the end of a date range.
    fn find_slots_within(&self, search: &SlotSearch, limits: &SlotLimits) -> Result<Vec<Slot>>;

    // Recurring series.
    /// Every occurrence of a series and the conflicts it would meet now, writing nothing.
    fn preview_series(
        &mut self,
        request: &SeriesRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<OccurrenceCheck>>;
    /// Saves a series and its appointments in one transaction, an audit event for each:
    /// conflicting occurrences are refused (nothing saved), left out, or overbooked, as the
    /// request says. Occurrences that cannot be booked at all (a DST gap) are always left out.
    fn book_series(
        &mut self,
        request: &SeriesRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesOutcome>;
    /// The series an appointment belongs to, with all its appointments; `None` for a single
    /// appointment.
    fn series_of(&self, appointment: AppointmentId) -> Result<Option<SeriesView>>;
    /// Cancels an occurrence, or it and every later one (which ends the series the day
    /// before); later ones that can no longer be cancelled are left as they are.
    fn cancel_occurrences(
        &mut self,
        appointment: AppointmentId,
        scope: Scope,
        action: &StatusAction,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange>;
    /// Moves an occurrence, or it and every later one (which splits the series: the old one
    /// ends the day before, a new one starts), by whole days and/or to a new wall time, which
    /// each occurrence keeps on its own date. All move or none do.
    fn move_occurrences(
        &mut self,
        appointment: AppointmentId,
        scope: Scope,
        change: &OccurrenceMove,
        overbook: Option<&str>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange>;
    // Settings.
    /// Adds or changes a clinic (name, address, zone, opening hours, slot length), checked by
    /// the core's rules and recorded in the setup audit.
    fn save_clinic(&mut self, clinic: &Clinic, actor: &str, now: DateTime<Utc>) -> Result<Saved>;
    /// Adds or changes a doctor (name, specialty, colour, active), audited.
    fn save_doctor(&mut self, doctor: &Doctor, actor: &str, now: DateTime<Utc>) -> Result<Saved>;
    /// Replaces a doctor's weekly hours in one clinic, audited.
    fn save_doctor_hours(
        &mut self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: &WeeklyHours,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved>;
    /// A doctor's leave overlapping `window`, by start.
    fn leave(&self, doctor: DoctorId, window: Interval) -> Result<Vec<AbsenceEntry>>;
    /// Records leave for a doctor, audited; returns its id.
    fn record_leave(
        &mut self,
        doctor: DoctorId,
        leave: &Absence,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<AbsenceId>;
    /// Removes leave by id, audited.
    fn remove_leave(&mut self, id: AbsenceId, actor: &str, now: DateTime<Utc>) -> Result<()>;
    /// Adds or changes a room (name, kind, active), audited.
    fn save_room(&mut self, room: &Room, actor: &str, now: DateTime<Utc>) -> Result<Saved>;
    /// A room's own hours, `None` when it follows the clinic's.
    fn room_hours(&self, room: RoomId) -> Result<Option<WeeklyHours>>;
    /// Gives a room its own hours, or (`None`) lets it follow the clinic's; audited.
    fn save_room_hours(
        &mut self,
        room: RoomId,
        hours: Option<&WeeklyHours>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved>;
    /// A room's blockouts overlapping `window`, by start.
    fn blockouts(&self, room: RoomId, window: Interval) -> Result<Vec<AbsenceEntry>>;
    /// Blocks a room for a time, audited; returns the blockout's id.
    fn record_blockout(
        &mut self,
        room: RoomId,
        blockout: &Absence,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<AbsenceId>;
    /// Removes a blockout by id, audited.
    fn remove_blockout(&mut self, id: AbsenceId, actor: &str, now: DateTime<Utc>) -> Result<()>;
    /// Adds or changes a visit type, audited.
    fn save_visit_type(
        &mut self,
        visit_type: &VisitType,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved>;
    /// Every staff member, by name.
    fn staff(&self) -> Result<Vec<StaffMember>>;
    /// Adds or changes a staff member, audited.
    fn save_staff(
        &mut self,
        member: &StaffMember,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Saved>;
    /// The newest setup changes first, at most `limit`; only one entity's when `entity` (its id
    /// as text) is given.
    fn setup_history(&self, entity: Option<&str>, limit: usize) -> Result<Vec<SetupAuditEvent>>;
    /// The booked appointments ahead of `now` that `change` would strand (outside new hours, on
    /// new leave, in a new blockout, with an inactive doctor or room), by start. Nothing is
    /// changed: the desk lists them so they can be moved.
    fn at_risk(&self, change: &SetupChange, now: DateTime<Utc>) -> Result<Vec<AgendaEntry>>;

    // Waitlist.
    /// Puts a patient on the waitlist as `id`, after the core's checks and the stored facts
    /// (patient, doctor, visit type; the held appointment is the patient's own and live); a
    /// second open entry for the same patient and doctor is refused.
    fn add_to_waitlist(
        &mut self,
        id: WaitlistEntryId,
        request: &WaitlistRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow>;
    /// Changes what a waiting (or offered) patient waits for; the patient and clinic stay.
    fn edit_waitlist_entry(
        &mut self,
        id: WaitlistEntryId,
        request: &WaitlistRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow>;
    /// Takes a patient off the waitlist (the entry is kept, marked removed).
    fn remove_from_waitlist(
        &mut self,
        id: WaitlistEntryId,
        reason: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// A clinic's waitlist: highest priority first, then those waiting longest.
    fn waitlist(&self, clinic: ClinicId, filter: WaitlistFilter) -> Result<Vec<WaitlistRow>>;
    /// One waitlist entry.
    fn waitlist_entry(&self, id: WaitlistEntryId) -> Result<WaitlistRow>;
    /// What happened to a waitlist entry, oldest first.
    fn waitlist_history(&self, id: WaitlistEntryId) -> Result<Vec<WaitlistEvent>>;
    /// The waiting patients who fit `slot` and could be booked into it now, best first.
    fn waitlist_matches(&self, slot: &FreedSlot, now: DateTime<Utc>) -> Result<WaitlistOffer>;
    /// Slots freed (cancelled, entered in error, moved away) in `clinic` since the feed was
    /// read up to `after`, each with its matches; `None` only says where the log ends now.
    fn freed_slots(
        &self,
        clinic: ClinicId,
        after: Option<FeedCursor>,
        now: DateTime<Utc>,
    ) -> Result<FreedFeed>;
    /// Records that `slot` (as the visit `visit`) was offered to a waiting patient.
    fn offer_waitlist_slot(
        &mut self,
        id: WaitlistEntryId,
        slot: &FreedSlot,
        visit: Interval,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// The patient said no, or the desk stepped back: they keep waiting.
    fn decline_waitlist_offer(
        &mut self,
        id: WaitlistEntryId,
        reason: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// Books the entry's patient under the rules of [`Store::book`] and marks the entry booked,
    /// in one transaction; the appointment's history says it came from the waitlist.
    fn book_from_waitlist(
        &mut self,
        id: WaitlistEntryId,
        request: &BookingRequest,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome>;
    // Reports.
    /// What the manager reports are computed from (`scheduling::report::compute`) for one clinic
    /// over a range of its local dates: a compact row per appointment overlapping the range, the
    /// clinic's rooms and doctors with their hours and absences, and the visit types. Read in one
    /// transaction (one consistent moment).
    fn report_input(
        &self,
        clinic: ClinicId,
        range: ReportRange,
        now: DateTime<Utc>,
    ) -> Result<ReportInput>;
    // Reminders.
    /// The reminder rules (with their templates), in the order staff set them up.
    fn reminder_rules(&self) -> Result<Vec<ReminderRule>>;
    /// Adds or replaces a rule after checking it (lead time, template placeholders); logged.
    fn save_reminder_rule(
        &mut self,
        rule: &ReminderRule,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// The channel settings (SMTP, webhook, meeting-link pattern).
    fn reminder_settings(&self) -> Result<ReminderSettings>;
    /// Stores the channel settings after checking them; logs which changed, never a password.
    fn save_reminder_settings(
        &mut self,
        settings: &ReminderSettings,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// The clinic's language for reminders ([`ReminderSettings::language`]).
    fn clinic_language(&self) -> Result<crate::i18n::Language>;
    /// Sets the clinic's language for reminders ([`ReminderSettings::language`]); logged.
    fn set_clinic_language(
        &mut self,
        language: crate::i18n::Language,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// True when the patient asked for no reminders.
    fn reminder_opt_out(&self, patient: PatientId) -> Result<bool>;
    /// Records that the patient wants no reminders (`true`) or wants them again; logged.
    fn set_reminder_opt_out(
        &mut self,
        patient: PatientId,
        opted_out: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// The patient's preferred language for reminders; `None`: the clinic's
    /// ([`ReminderSettings::language`]).
    fn patient_language(&self, patient: PatientId) -> Result<Option<crate::i18n::Language>>;
    /// Records the patient's preferred language for reminders (`None`: the clinic's); logged.
    fn set_patient_language(
        &mut self,
        patient: PatientId,
        language: Option<crate::i18n::Language>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// Brings every appointment's reminders in line with the rules (idempotent), and gives
    /// video appointments a meeting link.
    fn plan_reminders(&mut self, now: DateTime<Utc>) -> Result<PlanSummary>;
    /// Plans, then claims up to `limit` due reminders for sending (held for
    /// [`CLAIM_MINUTES`]), with their text filled in.
    fn claim_due_reminders(
        &mut self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<(PlanSummary, Vec<DueReminder>)>;
    /// Records a delivery: `Ok` sent, `Err` failed with the server's words (retried later).
    fn record_delivery(
        &mut self,
        job: JobId,
        outcome: &std::result::Result<(), String>,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry>;
    /// The outbox of one clinic: reminders in one state, at most `limit`.
    fn outbox(
        &self,
        clinic: ClinicId,
        filter: OutboxFilter,
        limit: usize,
    ) -> Result<Vec<OutboxEntry>>;
    /// How many of one clinic's reminders have failed for appointments still to come (a failed
    /// reminder of a visit that is over needs nothing more from staff).
    fn failed_reminders(&self, clinic: ClinicId, now: DateTime<Utc>) -> Result<i64>;
    /// One appointment's reminders.
    fn appointment_reminders(&self, id: AppointmentId) -> Result<Vec<OutboxEntry>>;
    /// Sends a failed or sent reminder again at the next pass; logged.
    fn resend_reminder(&mut self, job: JobId, actor: &str, now: DateTime<Utc>) -> Result<()>;
    /// The latest staff changes to reminders (rules, settings, opt-outs, resends).
    fn reminder_log(&self, limit: usize) -> Result<Vec<ReminderLogEntry>>;
    /// Records that the doctor or the patient joined a video consultation (an audit event).
    fn record_joined(
        &mut self,
        id: AppointmentId,
        who: Joiner,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;

    // Export, import and backup.
    /// Everything an export of `query` writes, read as one consistent snapshot.
    fn export_set(&mut self, query: &ExportQuery) -> Result<ExportSet>;
    /// Imports patients read from a file: all in one transaction, or (any bad row, or a dry
    /// run) nothing. Patients already stored (same id, external id, or name and phone) are
    /// left as they are.
    fn import_patients(
        &mut self,
        parsed: &Parsed<PatientRecord>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport>;
    /// Imports appointments read from a file under the booking rules (see `store/import.rs`),
    /// each with an "imported" audit event by `actor`: all in one transaction, or nothing.
    fn import_appointments(
        &mut self,
        parsed: &Parsed<AppointmentRecord>,
        options: &ImportOptions,
        actor: &str,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport>;

    /// Starts a bulk load recorded as done by `actor` (the demo clinic, test fixtures): rows
    /// the caller has made consistent, written in one transaction without the rules' checks,
    /// each appointment and series with its "created" audit event.
    fn bulk(&mut self, actor: &str) -> Result<Box<dyn bulk::BulkLoad + '_>>;
}
