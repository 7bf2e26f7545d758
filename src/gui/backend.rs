//! The window's way to the database: [`Backend::run`] is the one way to run a store call, on
//! a blocking thread (never the UI thread), coming back as a value a `Message` can carry with
//! errors already turned into the sentence the user reads. Callers write the store call where
//! they need it; only work with logic of its own (assembling the setup, building the demo,
//! long work with progress, the damage check, the daily backup) has a method here.

mod encryption;
mod reports;
mod session;

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};

use crate::scheduling::time::local_date;
use crate::scheduling::*;
use crate::store::{self, Locator, Store, StoreError};

pub use encryption::Converted;
pub use reports::SheetTarget;
pub use session::{FirstLook, Held, NewClinic, Shown, Who};

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

    /// A room by id.
    pub fn room(&self, id: RoomId) -> Option<&Room> {
        self.rooms.iter().find(|r| r.id == id)
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
    crate::t!("backend-damaged", damage = damage)
}

/// Whether a store call's sentence says the person signed in was made inactive (the window then
/// locks, saying so).
pub fn no_longer_active(said: &str) -> bool {
    said == StoreError::NoLongerActive.to_string()
}

/// A store error as the window says it (the store's own words, but the window's way to
/// restore a damaged database).
pub(super) fn said(error: StoreError) -> UiError {
    match error {
        StoreError::Damaged { summary, .. } => damaged_message(&summary),
        // The other appointments by name and time, without the ids the command line takes.
        StoreError::Refused(conflicts) => {
            let lines: Vec<String> = conflicts.iter().map(|c| format!("  - {c:#}")).collect();
            format!("{}\n{}", crate::t!("backend-refused"), lines.join("\n"))
        }
        other => other.to_string(),
    }
}

/// What the window says when the store's lock was poisoned by a task that panicked.
pub(super) fn earlier_task_failed() -> UiError {
    crate::t!("backend-earlier-task-failed")
}

/// What the window says when a blocking database task ended without an answer.
pub(super) fn task_stopped(error: &tokio::task::JoinError) -> UiError {
    crate::t!("backend-task-stopped", reason = error.to_string())
}

/// A handle on the database that can be cloned into Tasks.
#[derive(Clone)]
pub struct Backend {
    /// The store: opened, then (once someone signs in) guarded by their permissions.
    pub(super) store: Arc<Mutex<Held>>,
    /// Where the database is.
    locator: Locator,
    /// What was found wrong with the database when it was opened (it is then read-only).
    pub(super) damage: Option<String>,
    /// The key of an encrypted database, once a sign-in unwrapped it (its watcher, damage
    /// check and daily backup open their own connections with it).
    pub(super) key: Arc<Mutex<Option<crate::store::cipher::DatabaseKey>>>,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Backend")
    }
}

impl Backend {
    /// Opens the database (creating a file as needed) on a blocking thread.
    pub async fn open(locator: Locator) -> Result<Backend, UiError> {
        tokio::task::spawn_blocking(move || {
            let backend = |held: Held, damage: Option<String>, locator: Locator| Backend {
                damage,
                store: Arc::new(Mutex::new(held)),
                locator,
                key: Default::default(),
            };
            // A new clinic's file is made encrypted by its first run; an encrypted one opens
            // when someone signs in.
            if store::unlock::is_new_file(&locator) {
                return Ok(backend(Held::New, None, locator));
            }
            if let Some(path) = store::unlock::sealed_file(&locator) {
                let held = Held::Sealed {
                    path: path.to_path_buf(),
                };
                return Ok(backend(held, None, locator));
            }
            store::open(&locator)
                .map(|store| {
                    let damage = store.damage().map(str::to_owned);
                    backend(Held::Open(store), damage, locator)
                })
                .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| crate::t!("backend-opening-stopped", reason = e.to_string()))?
    }

    /// The one way the window runs a store call: `work` gets the locked store on tokio's
    /// blocking pool (never the UI thread), and a `StoreError` comes back as the sentence the
    /// receptionist reads ([`said`]). The future owns what it needs, so it goes straight into
    /// a `Task`: `Task::perform(ctx.backend.run(move |s| s.book(&request, &actor, now)), …)`.
    /// Nothing runs until the future is polled.
    pub fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> Result<T, StoreError> + Send + 'static,
    ) -> impl Future<Output = Result<T, UiError>> + Send + 'static {
        let store = self.store.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                let mut guard = store.lock().map_err(|_| earlier_task_failed())?;
                work(guard.signed_in().map_err(said)?).map_err(said)
            })
            .await
            .map_err(|e| task_stopped(&e))?
        }
    }

    /// Clinics, doctors with hours, rooms and visit types. More than one store call: it reads
    /// every part of the clinic's setup under one lock and assembles the window's [`Setup`]
    /// (opening, the demo, a restore and every settings change all load it).
    pub async fn setup(self) -> Result<Setup, UiError> {
        self.run(|s| {
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
    /// Where the database is.
    pub fn locator(&self) -> &Locator {
        &self.locator
    }

    /// The key of an encrypted database, once someone signed in to it.
    pub fn key(&self) -> Option<crate::store::cipher::DatabaseKey> {
        self.key.lock().ok().and_then(|k| k.clone())
    }

    /// The folder a file is saved to when no file chooser can ask (the database's folder);
    /// `None` for a database server.
    pub fn files_folder(&self) -> Option<PathBuf> {
        self.locator.files_folder()
    }

    /// Where the automatic backups are kept; `None` for a database server, which keeps its
    /// own.
    pub fn backups_folder(&self) -> Option<PathBuf> {
        self.locator.backups_folder()
    }

    /// Runs `work` with the store on a blocking thread; the stream gives its progress (at
    /// most about a hundred steps) and then its result. The way for long work (export, import,
    /// backup, restore), where [`Backend::run`] would give only the result.
    pub fn with_progress<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut dyn Store, &mut dyn FnMut(crate::export::Progress)) -> Result<T, UiError>
        + Send
        + 'static,
    ) -> impl iced::futures::Stream<Item = Step<T>> + Send + 'static {
        use iced::futures::StreamExt;
        let store = self.store.clone();
        let (sender, steps) = iced::futures::channel::mpsc::unbounded();
        let job = async move {
            let last = sender.clone();
            let result = tokio::task::spawn_blocking(move || {
                let mut guard = store.lock().map_err(|_| earlier_task_failed())?;
                let store = guard.signed_in().map_err(said)?;
                let mut shown = (u64::MAX, "");
                let mut report = |p: crate::export::Progress| {
                    let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
                    if (percent, p.phase) != shown {
                        shown = (percent, p.phase);
                        let _ = sender.unbounded_send(Step::Progress(p));
                    }
                };
                work(store, &mut report)
            })
            .await
            .unwrap_or_else(|e| Err(crate::t!("backend-job-stopped", reason = e.to_string())));
            let _ = last.unbounded_send(Step::Done(result));
        };
        // Every step goes through the one channel, in order; the job itself yields nothing.
        iced::futures::stream::select(
            steps,
            iced::futures::stream::once(job).filter_map(|()| async { None }),
        )
    }

    /// The check of the whole database for damage (`store::maintenance::check_for_damage`: for
    /// a file, SQLite's quick check on a connection of its own beside the store; it reads every
    /// page, seconds for a large clinic). Damage found makes the store read-only at once and is
    /// recorded for every later open. `None` when sound, or when the damage was already known
    /// at open. Not a store call: the check runs without the store and takes the store's lock
    /// only to record damage found.
    pub async fn check_for_damage(self) -> Result<Option<String>, UiError> {
        if self.damage.is_some() {
            return Ok(None);
        }
        tokio::task::spawn_blocking(move || {
            // A file not made yet has nothing to check (its first run makes it).
            if store::unlock::is_new_file(&self.locator) {
                return Ok(None);
            }
            let key = self.key();
            if store::unlock::sealed_file(&self.locator).is_some() && key.is_none() {
                // Checked once someone has signed in and its key is known.
                return Ok(None);
            }
            let found = store::maintenance::check_for_damage_keyed(&self.locator, key.as_ref())
                .map_err(|e| crate::t!("backend-check-failed", reason = e.to_string()))?;
            if let Some(summary) = &found {
                let mut store = self.store.lock().map_err(|_| earlier_task_failed())?;
                store
                    .any()
                    .and_then(|s| s.mark_damaged(summary.clone()))
                    .map_err(|e| e.to_string())?;
            }
            Ok(found)
        })
        .await
        .map_err(|e| crate::t!("backend-check-stopped", reason = e.to_string()))?
    }

    /// Today's automatic backup, if the first launch of the day has not made it yet. Not a
    /// store call: it runs before the store is open, on the database the locator names
    /// (`store::maintenance::daily_backup`).
    pub async fn daily_backup(
        locator: Locator,
        key: Option<crate::store::cipher::DatabaseKey>,
        policy: crate::store::backup::BackupPolicy,
        today: NaiveDate,
    ) -> Result<Option<PathBuf>, UiError> {
        tokio::task::spawn_blocking(move || {
            // An encrypted file is backed up once a sign-in has unwrapped its key.
            if key.is_none() && store::unlock::sealed_file(&locator).is_some() {
                return Ok(None);
            }
            store::maintenance::daily_backup_keyed(&locator, key.as_ref(), today, policy)
                .map(|made| made.map(|report| report.path))
                .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| crate::t!("backend-backup-stopped", reason = e.to_string()))?
    }
}
