//! The store as a signed-in person may use it ([`Guarded`]): every method of [`Store`],
//! [`Maintenance`] and [`Accounts`] first asks `scheduling::permission` whether the signed-in
//! role may do it (a refusal names the role it needs and changes nothing), records changes
//! under the signed-in name whatever name a caller passes, and writes the access log for what
//! the log must show (an appointment opened, patients searched, exports, imports, backups,
//! restores, staff and permission changes, the log read). The command line holds only a
//! guarded store; the window does not yet (issue 15's window work: sign-in, PIN switch, lock).

mod store_impl;
mod waiting_room;

use std::path::Path;

use chrono::{DateTime, Utc};

use super::access_log::AccessFilter;
use super::backup::{BackupReport, RestoreReport};
use super::credentials::{ServiceRecord, SignInRecord};
use super::error::{Result, StoreError};
use super::{Accounts, Appointment, BookingRequest, Locator, Maintenance, Store};
use crate::export::Progress;
use crate::scheduling::access::{Access, AccessEntry, AccessKind, ChainCheck};
use crate::scheduling::lockout::Tries;
use crate::scheduling::permission::{Action, Role};
use crate::scheduling::staff::{StaffId, StaffMember};
use crate::scheduling::{AppointmentId, Kind, Status, StatusAction};
use crate::signin::{Hashed, SecretKind, SignedIn};

/// How long the same appointment opened again by the same person is one opening in the log
/// (the details are read again whenever anything changes anywhere while they are open).
const SAME_OPENING_SECONDS: i64 = 300;

/// Where the guard reads the time its access log entries carry (the library reads no clock:
/// the window gives the system's, a command line run its `now`, tests a fixed time).
pub type Clock = Box<dyn Fn() -> DateTime<Utc> + Send>;

/// A store used by one signed-in person (or the service credential).
pub struct Guarded {
    inner: Box<dyn Store + Send>,
    who: SignedIn,
    /// Locked (idle, or on the shortcut): nothing is read or written until someone signs in
    /// again ([`Guarded::sign_in_again`]).
    locked: bool,
    clock: Clock,
    /// The appointment whose opening was last logged, and when.
    last_opened: Option<(AppointmentId, DateTime<Utc>)>,
}

impl std::fmt::Debug for Guarded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guarded")
            .field("who", &self.who.name())
            .field("role", &self.who.role())
            .finish()
    }
}

impl Guarded {
    /// `store`, used by `who` from now on; the access log's times are read from `clock`. A
    /// server is told who acts (`Accounts::act_as`).
    /// Refused when `who` signed in to another database.
    pub fn new(mut store: Box<dyn Store + Send>, who: SignedIn, clock: Clock) -> Result<Guarded> {
        if who.database() != store.locator().identity() {
            return Err(StoreError::Invalid(crate::t!("store-guard-other-database")));
        }
        store.act_as(Some(who.name()))?;
        Ok(Guarded {
            inner: store,
            who,
            locked: false,
            clock,
            last_opened: None,
        })
    }

    /// Who is signed in.
    pub fn who(&self) -> &SignedIn {
        &self.who
    }

    /// Signs `name` in again with `secret` at `desk` (`signin::sign_in`, on this database: the
    /// try is counted and logged): unlocks a locked store, or hands an open one to them (a
    /// PIN switch at the desk). Slow on purpose: call it off the UI thread.
    pub fn sign_in_again(
        &mut self,
        name: &str,
        secret: &crate::signin::Secret,
        desk: &str,
        now: DateTime<Utc>,
    ) -> std::result::Result<(), crate::signin::SignInError> {
        let who = crate::signin::sign_in(&mut *self.inner, name, secret, desk, now)?;
        // An open store changes hands (a PIN switch): the one before signs out. A locked one
        // was signed out when it locked.
        let switching = !self.locked;
        if switching {
            let detail = format!("switched to {}", who.name());
            self.log_at(now, AccessKind::SignedOut, String::new(), detail)?;
        }
        self.inner.act_as(Some(who.name()))?;
        if switching || who.staff_id() != self.who.staff_id() {
            self.last_opened = None;
        }
        self.who = who;
        self.locked = false;
        Ok(())
    }

    /// Whether the signed-in role may do `action` (for what the window shows); nothing while
    /// locked.
    pub fn may(&self, action: Action) -> bool {
        !self.locked && self.role_now().is_ok_and(|role| role.may(action))
    }

    /// `Ok` for a change to `staff`'s own sign-in while they are still an active staff member
    /// (and the window is not locked), or for an administrator's change to anyone's.
    fn allow_own_or_staff_admin(&self, staff: StaffId) -> Result<()> {
        if self.who.staff_id() == Some(staff) && !matches!(self.who.role(), Role::Service(_)) {
            if self.locked {
                return Err(StoreError::SignInNeeded);
            }
            self.role_now().map(|_| ())
        } else {
            self.allow(Action::StaffAndRoles)
        }
    }

    /// The signed-in person's role as the database holds it now: a role changed or a member
    /// made inactive at another desk (or by a command) counts from the next call on, not from
    /// the next sign-in. A service credential's role is its own.
    pub fn role_now(&self) -> Result<Role> {
        let Some(id) = self.who.staff_id() else {
            return Ok(self.who.role());
        };
        match self.inner.sign_in_record_of(id)? {
            Some(record) if record.member.active => Ok(Role::Staff(record.member.role)),
            Some(_) | None => Err(StoreError::NoLongerActive),
        }
    }

    /// `Ok` when the signed-in role may do `action`, else the refusal naming the role it needs
    /// (or, while locked, that someone must sign in).
    pub fn allow(&self, action: Action) -> Result<()> {
        if self.locked {
            return Err(StoreError::SignInNeeded);
        }
        Ok(self.role_now()?.check(action)?)
    }

    /// Whether it is locked.
    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// Locks it (the window went idle, or the lock shortcut): every read and write is refused
    /// until someone signs in again ([`Guarded::sign_in_again`]: the same person goes on, or
    /// another takes over). Logged as a sign-out.
    pub fn lock(&mut self, now: DateTime<Utc>) -> Result<()> {
        if self.locked {
            return Ok(());
        }
        self.locked = true;
        self.inner.act_as(None)?;
        self.log_at(now, AccessKind::SignedOut, String::new(), "locked".into())
    }

    /// Logs something done by the signed-in person outside the store (a day sheet printed, a
    /// report exported), after checking they may do `action`.
    pub fn record(
        &mut self,
        action: Action,
        kind: AccessKind,
        subject: &str,
        detail: &str,
    ) -> Result<AccessEntry> {
        self.allow(action)?;
        let access = self.who.access((self.clock)(), kind, subject, detail);
        self.inner.log_access(&access)
    }

    /// Gives the store back (signing out); the sign-out is logged.
    pub fn sign_out(mut self, now: DateTime<Utc>) -> Result<Box<dyn Store + Send>> {
        self.log_at(now, AccessKind::SignedOut, String::new(), String::new())?;
        Ok(self.inner)
    }

    /// Logs what the signed-in person did, now by the guard's clock.
    fn log(&mut self, kind: AccessKind, subject: String, detail: String) -> Result<()> {
        let now = (self.clock)();
        self.log_at(now, kind, subject, detail)
    }

    /// Logs what the signed-in person did at `at`, except on a damaged database, which takes
    /// no writes (it is open for reading only until a backup is restored).
    fn log_at(
        &mut self,
        at: DateTime<Utc>,
        kind: AccessKind,
        subject: String,
        detail: String,
    ) -> Result<()> {
        if self.inner.damage().is_some() {
            return Ok(());
        }
        let access = self.who.access(at, kind, subject, detail);
        self.inner.log_access(&access).map(|_| ())
    }

    /// Logs the opening of appointment `id`, once while it stays open.
    fn log_opening(&mut self, id: AppointmentId) -> Result<()> {
        let now = (self.clock)();
        if let Some((last, at)) = self.last_opened
            && last == id
            && (now - at).num_seconds().abs() < SAME_OPENING_SECONDS
        {
            return Ok(());
        }
        self.log(AccessKind::OpenedAppointment, id.to_string(), String::new())?;
        self.last_opened = Some((id, now));
        Ok(())
    }
}

/// A sign-in record as the guard hands it out: no hashes.
fn without_hashes(record: SignInRecord) -> SignInRecord {
    SignInRecord {
        password: None,
        pin: None,
        ..record
    }
}

/// What a status change is: starting and completing a consultation are the nurse's.
fn status_action(action: &StatusAction) -> Action {
    match action {
        StatusAction::Start | StatusAction::Complete => Action::StartOrComplete,
        _ => Action::ChangeStatus,
    }
}

/// Undoing a status change needs what making it needed: undoing a start or a completion is the
/// nurse's.
fn revert_action(expected: Status, restore: &Appointment) -> Action {
    let consult = |s: Status| matches!(s, Status::InConsultation | Status::Completed);
    if consult(expected) || consult(restore.status) {
        Action::StartOrComplete
    } else {
        Action::ChangeStatus
    }
}

/// A walk-in or emergency is added through quick add.
fn booking_action(request: &BookingRequest) -> Action {
    match request.kind {
        Kind::Scheduled => Action::Book,
        Kind::WalkIn | Kind::Emergency => Action::WalkIn,
    }
}

impl Maintenance for Guarded {
    fn locator(&self) -> Locator {
        self.inner.locator()
    }

    fn damage(&self) -> Option<&str> {
        self.inner.damage()
    }

    fn key_slot(&mut self, member: &StaffMember, change: super::SlotChange<'_>) -> Result<()> {
        // Everyone may wrap the key under their own new password; only an administrator
        // another's, or follow a staff change.
        if matches!(change, super::SlotChange::Password(_)) {
            self.allow_own_or_staff_admin(member.id)?;
        } else {
            self.allow(Action::StaffAndRoles)?;
        }
        self.inner.key_slot(member, change)
    }

    fn mark_damaged(&mut self, summary: String) -> Result<()> {
        self.inner.mark_damaged(summary)
    }

    fn set_password(
        &mut self,
        member: &StaffMember,
        password: &crate::signin::Secret,
        hash: &crate::signin::Hashed,
        access: &Access,
    ) -> Result<()> {
        // Everyone may change their own password (while still on the staff list); only an
        // administrator another's.
        self.allow_own_or_staff_admin(member.id)?;
        let access = self.who.access(
            access.at,
            AccessKind::ChangedPermission,
            member.id.to_string(),
            "password set",
        );
        self.inner.set_password(member, password, hash, &access)
    }

    /// Only an administrator encrypts, for themselves (the first key slot is theirs), and only
    /// with their own password as the store knows it: the slot must open with what they sign
    /// in with.
    fn encrypt(
        &mut self,
        member: &StaffMember,
        password: &crate::signin::Secret,
        now: DateTime<Utc>,
    ) -> Result<super::maintenance::EncryptedNow> {
        self.allow(Action::Restore)?;
        // What cannot be encrypted is said before any password is asked about.
        match self.inner.locator() {
            Locator::Postgres(_) => {
                return Err(StoreError::Invalid(crate::t!("store-guard-encrypt-server")));
            }
            Locator::Sqlite(path) if crate::store::cipher::keys_path(&path).exists() => {
                return Err(StoreError::Invalid(crate::t!(
                    "store-guard-already-encrypted"
                )));
            }
            Locator::Sqlite(_) => {}
        }
        if self.who.staff_id() != Some(member.id) {
            return Err(StoreError::Invalid(crate::t!(
                "store-guard-encrypt-for-themselves"
            )));
        }
        // Their password, checked as a sign-in is: counted, locked after five, logged.
        let desk = self.who.desk().to_owned();
        let signed =
            crate::signin::sign_in(&mut *self.inner, self.who.name(), password, &desk, now)
                .map_err(|e| match e {
                    crate::signin::SignInError::Wrong { left, .. } => {
                        StoreError::Invalid(match left {
                            Some(left) if left >= 1 => {
                                crate::t!("store-guard-not-your-password-tries-left", left = left)
                            }
                            _ => crate::t!("store-guard-not-your-password"),
                        })
                    }
                    other => StoreError::Invalid(crate::t!(
                        "store-guard-nothing-changed",
                        error = other.to_string()
                    )),
                })?;
        if signed.staff_id() != Some(member.id) {
            return Err(StoreError::Invalid(crate::t!(
                "store-guard-password-not-yours"
            )));
        }
        let record = self
            .inner
            .sign_in_record_of(member.id)?
            .ok_or(StoreError::NoLongerActive)?;
        let mut done = self.inner.encrypt(&record.member, password, now)?;
        // The file is encrypted: a log that cannot be written must not lose the recovery key.
        if let Err(e) = self.log(
            AccessKind::ChangedPermission,
            String::new(),
            "encrypted the database file: only the administrator who encrypted it and the recovery key open it, until others get new passwords".into(),
        ) {
            let said = crate::t!("store-guard-access-log-failed", error = e.to_string());
            done.warning = Some(match done.warning.take() {
                Some(w) => format!("{w}; {said}"),
                None => said,
            });
        }
        Ok(done)
    }

    fn backup_to(
        &mut self,
        dest: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupReport> {
        self.allow(Action::Backup)?;
        let report = self.inner.backup_to(dest, progress)?;
        let file = dest.file_name().map(|f| f.to_string_lossy().into_owned());
        self.log(
            AccessKind::BackedUp,
            file.unwrap_or_default(),
            String::new(),
        )?;
        Ok(report)
    }

    fn restore_from(
        &mut self,
        candidate: &Path,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<RestoreReport> {
        self.allow(Action::Restore)?;
        let report = self.inner.restore_from(candidate, now, progress)?;
        let file = candidate
            .file_name()
            .map(|f| f.to_string_lossy().into_owned());
        self.log(
            AccessKind::Restored,
            file.unwrap_or_default(),
            String::new(),
        )?;
        Ok(report)
    }
}

impl Accounts for Guarded {
    fn sign_in_ready(&self) -> Result<bool> {
        self.inner.sign_in_ready()
    }

    // Through the guard a sign-in record never carries its hashes (a PIN's would fall to an
    // offline search): signing in checks them on the store beneath ([`Guarded::sign_in_again`]).
    fn sign_in_record(&self, name: &str) -> Result<Option<SignInRecord>> {
        self.allow(Action::SeeSchedule)?;
        Ok(self.inner.sign_in_record(name)?.map(without_hashes))
    }

    fn sign_in_record_of(&self, id: StaffId) -> Result<Option<SignInRecord>> {
        self.allow(Action::SeeSchedule)?;
        Ok(self.inner.sign_in_record_of(id)?.map(without_hashes))
    }

    fn record_sign_in(
        &mut self,
        _staff: Option<StaffId>,
        _succeeded: bool,
        _access: &Access,
    ) -> Result<Tries> {
        Err(StoreError::Invalid(crate::t!(
            "store-guard-sign-in-recorded-by-signing-in"
        )))
    }

    fn begin_sign_in(
        &mut self,
        _staff: StaffId,
        _now: DateTime<Utc>,
        _refusal: &Access,
    ) -> Result<std::result::Result<Tries, crate::scheduling::lockout::LockedOut>> {
        Err(StoreError::Invalid(crate::t!(
            "store-guard-sign-in-recorded-by-signing-in"
        )))
    }

    fn create_first_administrator(
        &mut self,
        _member: &StaffMember,
        _hash: &Hashed,
        _now: DateTime<Utc>,
        _desk: &str,
    ) -> Result<()> {
        Err(StoreError::Invalid(crate::t!(
            "store-guard-has-administrator"
        )))
    }

    fn set_secret(
        &mut self,
        staff: StaffId,
        kind: SecretKind,
        hash: Option<&Hashed>,
        access: &Access,
    ) -> Result<()> {
        // Everyone may change their own password and PIN; only an administrator another's.
        self.allow_own_or_staff_admin(staff)?;
        let what = match kind {
            SecretKind::Password => "password",
            SecretKind::Pin => "PIN",
        };
        let done = if hash.is_some() { "set" } else { "removed" };
        let access = self.who.access(
            access.at,
            AccessKind::ChangedPermission,
            staff.to_string(),
            format!("{what} {done}"),
        );
        self.inner.set_secret(staff, kind, hash, &access)
    }

    fn service_credential(&self, name: &str) -> Result<Option<ServiceRecord>> {
        self.inner.service_credential(name)
    }

    fn save_service_credential(
        &mut self,
        name: &str,
        token_hash: Option<&str>,
        now: DateTime<Utc>,
        _access: &Access,
    ) -> Result<()> {
        self.allow(Action::StaffAndRoles)?;
        let done = if token_hash.is_some() {
            "service credential issued"
        } else {
            "service credential revoked"
        };
        let access = self
            .who
            .access(now, AccessKind::ChangedPermission, name, done);
        self.inner
            .save_service_credential(name, token_hash, now, &access)
    }

    fn act_as(&mut self, _name: Option<&str>) -> Result<()> {
        // Who acts is whoever signed in, never a name a caller gives.
        let name = (!self.locked).then(|| self.who.name().to_owned());
        self.inner.act_as(name.as_deref())
    }

    fn log_access(&mut self, access: &Access) -> Result<AccessEntry> {
        if self.locked {
            return Err(StoreError::SignInNeeded);
        }
        // What the guard or sign-in logs itself cannot be logged from outside; what can needs
        // the permission to have done it (a receptionist cannot log a report's export).
        let needs = match access.kind {
            AccessKind::PrintedDaySheet => Some(Action::PrintDaySheet),
            AccessKind::Exported => Some(Action::ExportReports),
            AccessKind::OpenedAppointment | AccessKind::SearchedPatients => {
                Some(Action::SeeSchedule)
            }
            AccessKind::SignedOut => None,
            AccessKind::SignedIn
            | AccessKind::SignInFailed
            | AccessKind::Imported
            | AccessKind::BackedUp
            | AccessKind::Restored
            | AccessKind::ChangedPermission
            | AccessKind::ReadAccessLog => {
                return Err(StoreError::Invalid(crate::t!(
                    "store-guard-logged-by-frontdesk",
                    kind = access.kind.label()
                )));
            }
        };
        if let Some(action) = needs {
            self.allow(action)?;
        }
        // Entries are always the signed-in person's, at the guard's time, whatever a caller
        // wrote in them.
        let access = self.who.access(
            (self.clock)(),
            access.kind,
            access.subject.clone(),
            access.detail.clone(),
        );
        self.inner.log_access(&access)
    }

    fn access_log(&mut self, filter: &AccessFilter) -> Result<Vec<AccessEntry>> {
        self.allow(Action::AccessLog)?;
        let entries = self.inner.access_log(filter)?;
        let detail = format!("{} entries", entries.len());
        self.log(AccessKind::ReadAccessLog, String::new(), detail)?;
        Ok(entries)
    }

    fn check_access_log(&self) -> Result<ChainCheck> {
        self.allow(Action::AccessLog)?;
        self.inner.check_access_log()
    }
}
