//! What sign-in and the access log ask of a database ([`Accounts`]), implemented once for both
//! engines. Deciding who may sign in is `signin`'s; hashing is done by the caller, off the UI
//! thread; these only read and write.

use chrono::{DateTime, Utc};

use super::access_log::{self, AccessFilter};
use super::credentials::{self, ServiceRecord, SignInRecord};
use super::engine::Engine;
use super::error::Result;
use crate::scheduling::access::{Access, AccessEntry, ChainCheck};
use crate::scheduling::lockout::{LockedOut, Tries};
use crate::scheduling::staff::{StaffId, StaffMember};
use crate::signin::{Hashed, SecretKind};

/// Staff sign-in records and the access log.
pub trait Accounts {
    /// Whether an active administrator with a password exists: until one does, the window
    /// asks for the first administrator before anything else.
    fn sign_in_ready(&self) -> Result<bool>;
    /// The sign-in record of the staff member named `name` (A–Z in any case), if any.
    fn sign_in_record(&self, name: &str) -> Result<Option<SignInRecord>>;
    /// The sign-in record of staff member `id`, if any.
    fn sign_in_record_of(&self, id: StaffId) -> Result<Option<SignInRecord>>;
    /// Records a sign-in's outcome and logs `access`, in one transaction (see
    /// [`credentials::record_outcome`]); returns the tries as they now are.
    fn record_sign_in(
        &mut self,
        staff: Option<StaffId>,
        succeeded: bool,
        access: &Access,
    ) -> Result<Tries>;
    /// Counts a sign-in try before its secret is checked (see [`credentials::begin_try`]):
    /// the lock, when the account is locked, else the tries as they now are.
    fn begin_sign_in(
        &mut self,
        staff: StaffId,
        now: DateTime<Utc>,
        refusal: &Access,
    ) -> Result<std::result::Result<Tries, LockedOut>>;
    /// Makes `member` the first administrator with password `hash`, unless one exists.
    fn create_first_administrator(
        &mut self,
        member: &StaffMember,
        hash: &Hashed,
        now: DateTime<Utc>,
        desk: &str,
    ) -> Result<()>;
    /// Sets or removes a staff member's password or PIN hash, clearing their failed tries, and
    /// logs `access`.
    fn set_secret(
        &mut self,
        staff: StaffId,
        kind: SecretKind,
        hash: Option<&Hashed>,
        access: &Access,
    ) -> Result<()>;
    /// The service credential named `name`, if one was issued.
    fn service_credential(&self, name: &str) -> Result<Option<ServiceRecord>>;
    /// Issues (token hash given) or revokes (`None`) a service credential, logging `access`.
    fn save_service_credential(
        &mut self,
        name: &str,
        token_hash: Option<&str>,
        now: DateTime<Utc>,
        access: &Access,
    ) -> Result<()>;
    /// Tells the database who acts from now on (`None`: nobody), for a server's own triggers and
    /// its list of connections.
    fn act_as(&mut self, name: Option<&str>) -> Result<()>;
    /// Appends one entry to the access log.
    fn log_access(&mut self, access: &Access) -> Result<AccessEntry>;
    /// The access log entries `filter` asks for, newest first.
    fn access_log(&mut self, filter: &AccessFilter) -> Result<Vec<AccessEntry>>;
    /// Checks the access log's chain.
    fn check_access_log(&self) -> Result<ChainCheck>;
}

impl<E: Engine> Accounts for E {
    fn sign_in_ready(&self) -> Result<bool> {
        self.sql(credentials::ready(&self.db()))
    }

    fn sign_in_record(&self, name: &str) -> Result<Option<SignInRecord>> {
        self.sql(credentials::by_name(&self.db(), name))
    }

    fn sign_in_record_of(&self, id: StaffId) -> Result<Option<SignInRecord>> {
        self.sql(credentials::by_id(&self.db(), id))
    }

    fn record_sign_in(
        &mut self,
        staff: Option<StaffId>,
        succeeded: bool,
        access: &Access,
    ) -> Result<Tries> {
        let r = credentials::record_outcome(&self.writable(), staff, succeeded, access);
        self.fix(r)
    }

    fn begin_sign_in(
        &mut self,
        staff: StaffId,
        now: DateTime<Utc>,
        refusal: &Access,
    ) -> Result<std::result::Result<Tries, LockedOut>> {
        let r = credentials::begin_try(&self.writable(), staff, now, refusal);
        self.fix(r)
    }

    fn create_first_administrator(
        &mut self,
        member: &StaffMember,
        hash: &Hashed,
        now: DateTime<Utc>,
        desk: &str,
    ) -> Result<()> {
        let r = credentials::first_administrator(&self.writable(), member, hash, now, desk);
        self.fix(r)
    }

    fn set_secret(
        &mut self,
        staff: StaffId,
        kind: SecretKind,
        hash: Option<&Hashed>,
        access: &Access,
    ) -> Result<()> {
        let r = credentials::set_secret(&self.writable(), staff, kind, hash, access);
        self.fix(r)
    }

    fn service_credential(&self, name: &str) -> Result<Option<ServiceRecord>> {
        self.sql(credentials::service(&self.db(), name))
    }

    fn save_service_credential(
        &mut self,
        name: &str,
        token_hash: Option<&str>,
        now: DateTime<Utc>,
        access: &Access,
    ) -> Result<()> {
        let r = credentials::save_service(&self.writable(), name, token_hash, now, access);
        self.fix(r)
    }

    fn act_as(&mut self, name: Option<&str>) -> Result<()> {
        Engine::act_as(self, name)
    }

    fn log_access(&mut self, access: &Access) -> Result<AccessEntry> {
        self.write(|tx| access_log::append(tx, access))
    }

    fn access_log(&mut self, filter: &AccessFilter) -> Result<Vec<AccessEntry>> {
        self.sql(access_log::read(&self.db(), filter))
    }

    fn check_access_log(&self) -> Result<ChainCheck> {
        self.sql(access_log::check(&self.db()))
    }
}
