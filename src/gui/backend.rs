//! The window's way to the database: every store call runs on a blocking thread (never the UI
//! thread) and comes back as a value a `Message` can carry, with errors already turned into the
//! sentence the user reads.

mod reports;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};

use crate::demo::{self, DemoOptions};
use crate::scheduling::at_risk::SetupChange;
use crate::scheduling::time::local_date;
use crate::scheduling::waitlist::{FreedSlot, WaitlistEntryId, WaitlistRequest};
use crate::scheduling::*;
use crate::store::{
    AbsenceEntry, AgendaEntry, AgendaFilter, AuditEvent, BookingOutcome, BookingRequest,
    MoveRequest, Saved, SetupAuditEvent, SlotSearch, SqliteStore, Store,
};
use crate::store::{FreedFeed, WaitlistFilter, WaitlistOffer, WaitlistRow};

pub use reports::SheetTarget;

/// An error as the window shows it.
pub type UiError = String;

/// What the window needs to know about the clinic before it draws anything.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// Every clinic.
    pub clinics: Vec<Clinic>,
    /// Every doctor, with weekly hours per clinic.
    pub doctors: Vec<(Doctor, Vec<(ClinicId, WeeklyHours)>)>,
    /// Rooms of every clinic.
    pub rooms: Vec<Room>,
    /// Visit types.
    pub visit_types: Vec<VisitType>,
    /// Staff members, by name (who may be at the desk).
    pub staff: Vec<StaffMember>,
    /// Rooms with their own opening hours (the others follow their clinic's).
    pub room_hours: Vec<(RoomId, WeeklyHours)>,
}

impl Setup {
    /// A doctor's hours in a clinic (empty when they do not work there).
    pub fn hours(&self, doctor: DoctorId, clinic: ClinicId) -> WeeklyHours {
        self.doctors
            .iter()
            .find(|(d, _)| d.id == doctor)
            .and_then(|(_, h)| h.iter().find(|(c, _)| *c == clinic))
            .map(|(_, h)| h.clone())
            .unwrap_or_default()
    }

    /// A doctor by id.
    pub fn doctor(&self, id: DoctorId) -> Option<&Doctor> {
        self.doctors.iter().map(|(d, _)| d).find(|d| d.id == id)
    }

    /// A clinic by id.
    pub fn clinic(&self, id: ClinicId) -> Option<&Clinic> {
        self.clinics.iter().find(|c| c.id == id)
    }

    /// A room's own opening hours, `None` when it follows its clinic's.
    pub fn room_hours(&self, room: RoomId) -> Option<&WeeklyHours> {
        self.room_hours
            .iter()
            .find(|(r, _)| *r == room)
            .map(|(_, h)| h)
    }
}

/// What the window says when the database turns out to be damaged: what is wrong, that nothing
/// can be saved, and how to restore from the window.
pub(super) fn damaged_message(damage: &str) -> String {
    format!(
        "This database is damaged ({damage}): nothing can be saved until it is restored. On the Data page, choose Restore… and the newest daily backup in the backups folder beside it (`frontdesk check` names the newest good one)."
    )
}

/// A store error as the window says it (the store's own words, but the window's way to
/// restore a damaged database).
pub(super) fn said(error: crate::store::StoreError) -> UiError {
    match error {
        crate::store::StoreError::Damaged { summary, .. } => damaged_message(&summary),
        // The other appointments by name and time, without the ids the command line takes.
        crate::store::StoreError::Refused(conflicts) => {
            let lines: Vec<String> = conflicts.iter().map(|c| format!("  - {c:#}")).collect();
            format!("refused, nothing was changed:\n{}", lines.join("\n"))
        }
        other => other.to_string(),
    }
}

/// A handle on the database that can be cloned into Tasks.
#[derive(Clone)]
pub struct Backend {
    pub(super) store: Arc<Mutex<SqliteStore>>,
    path: PathBuf,
    /// What was found wrong with the database when it was opened (it is then read-only).
    pub(super) damage: Option<String>,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Backend")
    }
}

impl Backend {
    /// Opens the database (creating it) on a blocking thread.
    pub async fn open(path: PathBuf) -> Result<Backend, UiError> {
        tokio::task::spawn_blocking(move || {
            SqliteStore::open(&path)
                .map(|store| Backend {
                    damage: store.damage().map(str::to_owned),
                    store: Arc::new(Mutex::new(store)),
                    path: path.clone(),
                })
                .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| format!("opening the database stopped unexpectedly: {e}"))?
    }

    /// Runs `work` with the store on a blocking thread.
    pub(super) async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut SqliteStore) -> Result<T, crate::store::StoreError> + Send + 'static,
    ) -> Result<T, UiError> {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = store
                .lock()
                .map_err(|_| "an earlier database task failed; restart Frontdesk".to_owned())?;
            work(&mut guard).map_err(said)
        })
        .await
        .map_err(|e| format!("a database task stopped unexpectedly: {e}"))?
    }

    /// Clinics, doctors with hours, rooms and visit types.
    pub async fn setup(self) -> Result<Setup, UiError> {
        self.with(|s| {
            let clinics = s.clinics()?;
            let mut doctors = Vec::new();
            for d in s.doctors()? {
                let mut hours = Vec::new();
                for c in &clinics {
                    hours.push((c.id, s.doctor_hours(d.id, c.id)?));
                }
                doctors.push((d, hours));
            }
            let mut rooms = Vec::new();
            for c in &clinics {
                rooms.extend(s.rooms(c.id)?);
            }
            let mut room_hours = Vec::new();
            for r in &rooms {
                if let Some(h) = s.room_hours(r.id)? {
                    room_hours.push((r.id, h));
                }
            }
            Ok(Setup {
                clinics,
                doctors,
                rooms,
                visit_types: s.visit_types()?,
                staff: s.staff()?,
                room_hours,
            })
        })
        .await
    }

    /// Builds the demo clinic (first run), then the setup.
    pub async fn build_demo(self, now: DateTime<Utc>) -> Result<Setup, UiError> {
        self.with(move |s| {
            let zone = chrono_tz::Asia::Kolkata;
            let options = DemoOptions {
                appointments: 20_000,
                patients: 4_000,
                zone,
                seed: 1,
                today: local_date(zone, now),
                now,
            };
            demo::build(s, &options, &mut |_| {})?;
            Ok(())
        })
        .await?;
        self.setup().await
    }

    /// Appointments overlapping a window.
    pub async fn agenda(
        self,
        clinic: ClinicId,
        window: Interval,
        filter: AgendaFilter,
    ) -> Result<Vec<AgendaEntry>, UiError> {
        self.with(move |s| s.agenda(clinic, window, filter)).await
    }

    /// Patients for the typeahead.
    pub async fn search_patients(self, text: String) -> Result<Vec<Patient>, UiError> {
        self.with(move |s| s.search_patients(&text, 12)).await
    }

    /// Registered patients a new patient is likely to be (`patient_match::likely_duplicates`).
    pub async fn likely_duplicates(self, new: Patient) -> Result<Vec<Patient>, UiError> {
        self.with(move |s| s.likely_duplicates(&new)).await
    }

    /// The conflicts a booking would meet.
    pub async fn preview(
        self,
        request: BookingRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<Conflict>, UiError> {
        self.with(move |s| s.preview(&request, now)).await
    }

    /// Books.
    pub async fn book(
        self,
        request: BookingRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome, UiError> {
        self.with(move |s| s.book(&request, &actor, now)).await
    }

    /// Moves.
    pub async fn move_appointment(
        self,
        request: MoveRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome, UiError> {
        self.with(move |s| s.move_appointment(&request, &actor, now))
            .await
    }

    /// Changes a status.
    pub async fn change_status(
        self,
        id: AppointmentId,
        action: StatusAction,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Appointment, UiError> {
        self.with(move |s| s.change_status(id, &action, &actor, now))
            .await
    }

    /// Edits reason, notes, mode and meeting link.
    pub async fn edit(
        self,
        id: AppointmentId,
        edit: crate::store::Edit,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Appointment, UiError> {
        self.with(move |s| s.edit(id, &edit, &actor, now)).await
    }

    /// Undoes a status change.
    pub async fn revert_status(
        self,
        expected: Status,
        restore: Appointment,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Appointment, UiError> {
        self.with(move |s| s.revert_status(restore.id, expected, &restore, &actor, now))
            .await
    }

    /// One appointment with its history.
    pub async fn details(
        self,
        id: AppointmentId,
    ) -> Result<(AgendaEntry, Vec<AuditEvent>), UiError> {
        self.with(move |s| Ok((s.appointment(id)?, s.history(id)?)))
            .await
    }

    /// Free slots.
    pub async fn slots(self, search: SlotSearch) -> Result<Vec<Slot>, UiError> {
        self.with(move |s| s.find_slots(&search)).await
    }

    // Settings.
    /// Adds or changes a clinic.
    pub async fn save_clinic(
        self,
        clinic: Clinic,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_clinic(&clinic, &actor, now))
            .await
    }

    /// Adds or changes a doctor.
    pub async fn save_doctor(
        self,
        doctor: Doctor,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_doctor(&doctor, &actor, now))
            .await
    }

    /// Replaces a doctor's hours in a clinic.
    pub async fn save_doctor_hours(
        self,
        doctor: DoctorId,
        clinic: ClinicId,
        hours: WeeklyHours,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_doctor_hours(doctor, clinic, &hours, &actor, now))
            .await
    }

    /// Adds or changes a room.
    pub async fn save_room(
        self,
        room: Room,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_room(&room, &actor, now)).await
    }

    /// Gives a room its own hours, or lets it follow the clinic's.
    pub async fn save_room_hours(
        self,
        room: RoomId,
        hours: Option<WeeklyHours>,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_room_hours(room, hours.as_ref(), &actor, now))
            .await
    }

    /// Adds or changes a visit type.
    pub async fn save_visit_type(
        self,
        visit: VisitType,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_visit_type(&visit, &actor, now))
            .await
    }

    /// Adds or changes a staff member.
    pub async fn save_staff(
        self,
        member: StaffMember,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<Saved, UiError> {
        self.with(move |s| s.save_staff(&member, &actor, now)).await
    }

    /// A doctor's leave (`Some(doctor)`) or a room's blockouts over a window.
    pub async fn absences(
        self,
        owner: Owner,
        window: Interval,
    ) -> Result<Vec<AbsenceEntry>, UiError> {
        self.with(move |s| match owner {
            Owner::Doctor(d) => s.leave(d, window),
            Owner::Room(r) => s.blockouts(r, window),
        })
        .await
    }

    /// Records leave or a blockout.
    pub async fn record_absence(
        self,
        owner: Owner,
        absence: Absence,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<i64, UiError> {
        self.with(move |s| match owner {
            Owner::Doctor(d) => s.record_leave(d, &absence, &actor, now),
            Owner::Room(r) => s.record_blockout(r, &absence, &actor, now),
        })
        .await
    }

    /// Removes leave or a blockout.
    pub async fn remove_absence(
        self,
        owner: Owner,
        id: i64,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| match owner {
            Owner::Doctor(_) => s.remove_leave(id, &actor, now),
            Owner::Room(_) => s.remove_blockout(id, &actor, now),
        })
        .await
    }

    /// The newest setup changes.
    pub async fn setup_history(self, limit: usize) -> Result<Vec<SetupAuditEvent>, UiError> {
        self.with(move |s| s.setup_history(None, limit)).await
    }

    /// The booked appointments a setup change would strand.
    pub async fn at_risk(
        self,
        change: SetupChange,
        now: DateTime<Utc>,
    ) -> Result<Vec<AgendaEntry>, UiError> {
        self.with(move |s| s.at_risk(&change, now)).await
    }

    // Waitlist.
    /// A clinic's waitlist.
    pub async fn waitlist(
        self,
        clinic: ClinicId,
        filter: WaitlistFilter,
    ) -> Result<Vec<WaitlistRow>, UiError> {
        self.with(move |s| s.waitlist(clinic, filter)).await
    }

    /// Puts a patient on the waitlist.
    pub async fn add_to_waitlist(
        self,
        id: WaitlistEntryId,
        request: WaitlistRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow, UiError> {
        self.with(move |s| s.add_to_waitlist(id, &request, &actor, now))
            .await
    }

    /// Changes what a waiting patient waits for.
    pub async fn edit_waitlist_entry(
        self,
        id: WaitlistEntryId,
        request: WaitlistRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<WaitlistRow, UiError> {
        self.with(move |s| s.edit_waitlist_entry(id, &request, &actor, now))
            .await
    }

    /// Takes a patient off the waitlist.
    pub async fn remove_from_waitlist(
        self,
        id: WaitlistEntryId,
        reason: String,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.remove_from_waitlist(id, &reason, &actor, now))
            .await
    }

    /// Slots freed since audit event `after`, with their matches.
    pub async fn freed_slots(
        self,
        clinic: ClinicId,
        after: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<FreedFeed, UiError> {
        self.with(move |s| s.freed_slots(clinic, after, now)).await
    }

    /// The waiting patients who could take a slot now.
    pub async fn waitlist_matches(
        self,
        slot: FreedSlot,
        now: DateTime<Utc>,
    ) -> Result<WaitlistOffer, UiError> {
        self.with(move |s| s.waitlist_matches(&slot, now)).await
    }

    /// Records that a slot was offered to a waiting patient.
    pub async fn offer_waitlist_slot(
        self,
        id: WaitlistEntryId,
        slot: FreedSlot,
        visit: Interval,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.offer_waitlist_slot(id, &slot, visit, &actor, now))
            .await
    }

    /// The patient said no: they keep waiting.
    pub async fn decline_waitlist_offer(
        self,
        id: WaitlistEntryId,
        reason: String,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<(), UiError> {
        self.with(move |s| s.decline_waitlist_offer(id, &reason, &actor, now))
            .await
    }

    /// Books a waiting patient and marks their entry booked.
    pub async fn book_from_waitlist(
        self,
        id: WaitlistEntryId,
        request: BookingRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<BookingOutcome, UiError> {
        self.with(move |s| s.book_from_waitlist(id, &request, &actor, now))
            .await
    }
}

/// Whose leave or blockouts: a doctor's or a room's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A doctor's leave.
    Doctor(DoctorId),
    /// A room's blockouts.
    Room(RoomId),
}

/// The local date an instant falls on in a clinic.
pub fn clinic_date(clinic: &Clinic, now: DateTime<Utc>) -> NaiveDate {
    local_date(clinic.time_zone, now)
}

// Export, import and backup: long work on a blocking thread that reports its progress.

/// A step of long work: how far it has got, then (last) its result.
#[derive(Debug, Clone)]
pub enum Step<T> {
    /// How far it has got.
    Progress(crate::export::Progress),
    /// The result.
    Done(Result<T, UiError>),
}

impl Backend {
    /// The database file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Runs `work` with the store on a blocking thread; the stream gives its progress (at
    /// most about a hundred steps) and then its result.
    pub fn with_progress<T: Send + 'static>(
        &self,
        work: impl FnOnce(
            &mut SqliteStore,
            &mut dyn FnMut(crate::export::Progress),
        ) -> Result<T, UiError>
        + Send
        + 'static,
    ) -> impl iced::futures::Stream<Item = Step<T>> + Send + 'static {
        use iced::futures::StreamExt;
        let store = self.store.clone();
        let (sender, steps) = iced::futures::channel::mpsc::unbounded();
        let job = async move {
            let last = sender.clone();
            let result = tokio::task::spawn_blocking(move || {
                let mut guard = store
                    .lock()
                    .map_err(|_| "an earlier database task failed; restart Frontdesk".to_owned())?;
                let mut shown = (u64::MAX, "");
                let mut report = |p: crate::export::Progress| {
                    let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
                    if (percent, p.phase) != shown {
                        shown = (percent, p.phase);
                        let _ = sender.unbounded_send(Step::Progress(p));
                    }
                };
                work(&mut guard, &mut report)
            })
            .await
            .unwrap_or_else(|e| Err(format!("the task stopped unexpectedly: {e}")));
            let _ = last.unbounded_send(Step::Done(result));
        };
        // Every step goes through the one channel, in order; the job itself yields nothing.
        iced::futures::stream::select(
            steps,
            iced::futures::stream::once(job).filter_map(|()| async { None }),
        )
    }

    /// SQLite's quick check of the whole file, on a connection of its own beside the store
    /// (it reads every page: seconds for a large clinic). Damage found makes the store
    /// read-only at once and is recorded for every later open. `None` when sound, or when the
    /// damage was already known at open.
    pub async fn check_for_damage(self) -> Result<Option<String>, UiError> {
        if self.damage.is_some() {
            return Ok(None);
        }
        tokio::task::spawn_blocking(move || {
            let found = crate::store::integrity::quick_check_file(&self.path)
                .map_err(|e| format!("the database could not be checked: {e}"))?;
            if let Some(summary) = &found {
                let mut store = self
                    .store
                    .lock()
                    .map_err(|_| "an earlier database task failed; restart Frontdesk".to_owned())?;
                store
                    .mark_damaged(summary.clone())
                    .map_err(|e| e.to_string())?;
            }
            Ok(found)
        })
        .await
        .map_err(|e| format!("the database check stopped unexpectedly: {e}"))?
    }

    /// Today's automatic backup, if the first launch of the day has not made it yet.
    pub async fn daily_backup(
        path: PathBuf,
        policy: crate::store::backup::BackupPolicy,
        today: NaiveDate,
    ) -> Result<Option<PathBuf>, UiError> {
        tokio::task::spawn_blocking(move || {
            crate::store::backup::daily(&path, today, policy)
                .map(|made| made.map(|report| report.path))
                .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| format!("the daily backup stopped unexpectedly: {e}"))?
    }
}
