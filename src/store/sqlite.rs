//! The SQLite backend of [`Store`]: one connection, opened by [`SqliteStore::open`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::engine::Engine;
use super::sql::Db;

use super::backup;
use super::cipher::DatabaseKey;
use super::error::{Result, StoreError};
use super::open::{StoreOptions, open_connection_keyed};
use super::*;

/// A Frontdesk database in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// What is wrong with the file, when it is damaged: then it is open for reading only.
    damaged: Option<String>,
    /// This store's share of the file (after `conn`, so it is released after the connection
    /// closes): while it is held, no restore replaces the file.
    share: Option<super::desk_lock::Shared>,
    /// The key of an encrypted database (for its backups and a restore's reopening).
    key: Option<DatabaseKey>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .field("encrypted", &self.key.is_some())
            .finish()
    }
}

impl SqliteStore {
    /// Opens the database at `path`, creating it (mode 0600) and migrating it as needed.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(path, StoreOptions::default())
    }

    /// Opens with explicit options (busy timeout, schema version for fixtures).
    pub fn open_with(path: impl AsRef<Path>, options: StoreOptions) -> Result<Self> {
        Self::open_keyed(path.as_ref(), options, None)
    }

    /// Opens the database at `path` encrypted with `key` (from the keys file's slots,
    /// `cipher::KeySlots`), creating it encrypted (mode 0600) and migrating it as needed. A
    /// key that is not the file's is [`StoreError::WrongKey`]; a plain file is
    /// [`StoreError::NotEncrypted`]; neither changes anything.
    pub fn open_encrypted(
        path: impl AsRef<Path>,
        key: &DatabaseKey,
        options: StoreOptions,
    ) -> Result<Self> {
        Self::open_keyed(path.as_ref(), options, Some(key))
    }

    fn open_keyed(path: &Path, options: StoreOptions, key: Option<&DatabaseKey>) -> Result<Self> {
        let path = path.to_path_buf();
        let opened = open_connection_keyed(&path, options, key)?;
        Ok(Self {
            conn: opened.conn,
            path,
            damaged: opened.damaged,
            share: Some(opened.share),
            key: key.cloned(),
        })
    }

    /// Whether the database is encrypted (opened with a key).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// What is wrong with the database, when it was found damaged (it is then read-only).
    pub fn damage(&self) -> Option<&str> {
        self.damaged.as_deref()
    }

    /// Treats the database as damaged from now on (a check beside the store found `summary`):
    /// every later write is refused.
    pub fn mark_damaged(&mut self, summary: String) -> Result<()> {
        self.conn
            .pragma_update(None, "query_only", true)
            .map_err(|e| StoreError::from_sqlite(e, &self.path))?;
        self.damaged = Some(summary);
        Ok(())
    }

    /// The error a write gets on a damaged database, naming the newest daily backup.
    fn damaged_error(&self, summary: String) -> StoreError {
        StoreError::Damaged {
            path: self.path.clone(),
            summary,
            newest_backup: backup::daily_backups(&self.path).pop(),
        }
    }

    /// Turns errors into what the user must hear: a write to a damaged file (refused by
    /// `query_only`) or damage SQLite meets while working (recorded, so later opens refuse
    /// writes too) says the file is damaged and how to restore it.
    fn classify_error(&self, error: StoreError) -> StoreError {
        match (error, &self.damaged) {
            // A damaged file may also be an old one that could not be upgraded: whatever SQLite
            // says then, the damage is what the user must hear.
            (StoreError::ReadOnly { .. } | StoreError::Database(_), Some(summary)) => {
                self.damaged_error(summary.clone())
            }
            (StoreError::Damaged { summary, .. }, known) => {
                let summary = known.clone().unwrap_or(summary);
                super::open::record_damage(&self.path, &summary);
                self.damaged_error(summary)
            }
            (other, _) => other.with_path(&self.path),
        }
    }

    /// The file this store uses.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, read-only use (copying the whole database to another engine).
    pub(crate) fn raw(&self) -> &Connection {
        &self.conn
    }

    /// The underlying connection, for bulk work (the demo generator) and benchmarks.
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

impl SqliteStore {
    /// Copies the database to `dest` (mode 0600) with SQLite's online backup API.
    pub fn backup_to(
        &self,
        dest: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<backup::BackupReport> {
        backup::backup_connection_keyed(&self.conn, &self.path, dest, self.key.as_ref(), progress)
            .map_err(|e| {
                if let backup::BackupError::SourceDamaged { details, .. } = &e {
                    super::open::record_damage(&self.path, details);
                }
                e.into()
            })
    }

    /// Replaces this database with `candidate` after checking it (see `store/backup.rs`),
    /// keeping the replaced file beside it, then opens the restored one. On a refusal the
    /// current database is untouched and stays open.
    pub fn restore_from(
        &mut self,
        candidate: &Path,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<backup::RestoreReport> {
        let memory = Connection::open_in_memory().map_err(|e| self.sql_error(e))?;
        // Close our connection and give up our share first: nothing of this process may hold
        // the file.
        drop(std::mem::replace(&mut self.conn, memory));
        self.share = None;
        let restored = backup::restore_keyed(
            &self.path,
            candidate,
            self.key.as_ref(),
            now,
            backup::RESTORE_WAIT,
            progress,
        );
        if restored.is_ok() {
            super::open::forget_damage(&self.path);
        }
        let reopened =
            open_connection_keyed(&self.path, StoreOptions::default(), self.key.as_ref());
        match (restored, reopened) {
            (restored, Ok(opened)) => {
                self.conn = opened.conn;
                self.damaged = opened.damaged;
                self.share = Some(opened.share);
                restored.map_err(StoreError::from)
            }
            (_, Err(e)) => Err(e),
        }
    }

    /// See [`Maintenance::encrypt`]: the connection and this process's share of the file are
    /// given up for the conversion (as for a restore) and taken again on the encrypted file,
    /// or on the plain one when the conversion was refused or failed (it leaves the original
    /// as it was).
    pub fn encrypt(
        &mut self,
        member: &StaffMember,
        password: &crate::signin::Secret,
        now: DateTime<Utc>,
    ) -> Result<super::maintenance::EncryptedNow> {
        if self.key.is_some() {
            return Err(StoreError::Invalid(crate::t!(
                "store-guard-already-encrypted"
            )));
        }
        let memory = Connection::open_in_memory().map_err(|e| self.sql_error(e))?;
        drop(std::mem::replace(&mut self.conn, memory));
        self.share = None;
        let label = member.id.to_string();
        let mut done = match super::cipher::encrypt_database(&self.path, &label, password, now) {
            Ok(done) => done,
            Err(e) => {
                // Refused or stopped: the original is as it was; the store goes on on it.
                let opened = open_connection_keyed(&self.path, StoreOptions::default(), None)?;
                self.conn = opened.conn;
                self.damaged = opened.damaged;
                self.share = Some(opened.share);
                return Err(e.into());
            }
        };
        // From here the file is encrypted: whatever fails, the recovery key must still be
        // shown, with what to do.
        let mut warnings = Vec::new();
        // The administrator signs in by name from now on (the keys file only: first).
        if let Err(e) = done.slots.name_slot(&label, &member.name) {
            warnings.push(crate::t!(
                "store-encrypt-name-not-written",
                error = e.to_string()
            ));
        }
        self.key = Some(done.key.clone());
        match open_connection_keyed(&self.path, StoreOptions::default(), Some(&done.key)) {
            Ok(opened) => {
                self.conn = opened.conn;
                self.damaged = opened.damaged;
                self.share = Some(opened.share);
            }
            Err(e) => {
                // Nothing more is written through this store: it is not on the file.
                self.damaged = Some("it was encrypted but could not be opened again".into());
                warnings.push(crate::t!(
                    "store-encrypt-not-reopened",
                    error = e.to_string()
                ));
            }
        }
        Ok(super::maintenance::EncryptedNow {
            recovery: done.recovery,
            key: done.key,
            plaintext: super::cipher::plaintext_files(&self.path),
            warning: (!warnings.is_empty()).then(|| warnings.join("; ")),
        })
    }

    fn sql_error(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(e, &self.path)
    }
}

use super::maintenance::SlotChange;
use crate::scheduling::staff::StaffMember;

impl Maintenance for SqliteStore {
    fn locator(&self) -> super::Locator {
        super::Locator::Sqlite(self.path.clone())
    }

    fn damage(&self) -> Option<&str> {
        SqliteStore::damage(self)
    }

    fn mark_damaged(&mut self, summary: String) -> Result<()> {
        SqliteStore::mark_damaged(self, summary)
    }

    fn backup_to(
        &mut self,
        dest: &Path,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<backup::BackupReport> {
        SqliteStore::backup_to(self, dest, progress)
    }

    fn restore_from(
        &mut self,
        candidate: &Path,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<backup::RestoreReport> {
        SqliteStore::restore_from(self, candidate, now, progress)
    }

    fn encrypt(
        &mut self,
        member: &StaffMember,
        password: &crate::signin::Secret,
        now: DateTime<Utc>,
    ) -> Result<super::maintenance::EncryptedNow> {
        SqliteStore::encrypt(self, member, password, now)
    }

    fn key_slot(&mut self, member: &StaffMember, change: SlotChange<'_>) -> Result<()> {
        let Some(key) = &self.key else {
            return Ok(());
        };
        let mut slots = super::cipher::KeySlots::load(&self.path)?;
        let label = member.id.to_string();
        // Whether they are active as stored now: a caller's copy may be stale.
        let active = {
            use super::Accounts;
            self.sign_in_record_of(member.id)?
                .is_some_and(|record| record.member.active)
        };
        match change {
            // Someone who left opens nothing, whatever password is set for them.
            SlotChange::Password(_) if !active => {}
            SlotChange::Password(password) => {
                slots.set_password_slot(&label, &member.name, key, password)?
            }
            // A staff member who never had a password has no slot to follow them.
            SlotChange::Renamed if slots.has_password_slot(&label) => {
                slots.name_slot(&label, &member.name)?
            }
            SlotChange::Removed if slots.has_password_slot(&label) => slots.remove_slot(&label)?,
            SlotChange::Renamed | SlotChange::Removed => {}
        }
        Ok(())
    }

    fn set_password(
        &mut self,
        member: &StaffMember,
        password: &crate::signin::Secret,
        hash: &crate::signin::Hashed,
        access: &crate::scheduling::access::Access,
    ) -> Result<()> {
        use super::Accounts;
        let password_kind = crate::signin::SecretKind::Password;
        let Some(key) = self.key.clone() else {
            return self.set_secret(member.id, password_kind, Some(hash), access);
        };
        // Whether they are active, and the name they sign in with, as stored now (not as a
        // caller's copy, which another desk may have made stale).
        let member = match self.sign_in_record_of(member.id)? {
            Some(record) => record.member,
            None => {
                return Err(StoreError::NotFound {
                    what: "staff member",
                    name: member.id.to_string(),
                    hint: crate::t!("store-hint-removed-at-another-desk"),
                });
            }
        };
        let member = &member;
        // Someone who left opens nothing, whatever password is set for them.
        if !member.active {
            return self.set_secret(member.id, password_kind, Some(hash), access);
        }
        let mut slots = super::cipher::KeySlots::load(&self.path)?;
        let label = member.id.to_string();
        let before = slots.password_slot_before(&label);
        slots.set_password_slot(&label, &member.name, &key, password)?;
        match self.set_secret(member.id, password_kind, Some(hash), access) {
            Ok(()) => Ok(()),
            Err(e) => match slots.put_back(before) {
                Ok(()) => Err(e),
                Err(undo) => Err(StoreError::Invalid(crate::t!(
                    "store-password-slot-not-put-back",
                    error = e.to_string(),
                    undo = undo.to_string()
                ))),
            },
        }
    }
}

impl Engine for SqliteStore {
    fn bulk_allowed(&mut self) -> Result<()> {
        // A damaged database (known at open, marked since, or recorded by another process)
        // refuses the load as damaged, as every write does, not as a read-only file.
        self.writable();
        match self.damaged.clone() {
            Some(summary) => Err(self.damaged_error(summary)),
            None => Ok(()),
        }
    }

    /// The connection for a read, through the store's SQL layer.
    fn db(&self) -> Db<'_> {
        Db::Sqlite(&self.conn)
    }

    /// The connection for a write. Damage recorded since this store opened (by the daily
    /// backup, a check, or another desk that met it) makes the store read-only first.
    fn writable(&mut self) -> Db<'_> {
        if self.damaged.is_none()
            && let Some(summary) = super::open::recorded_damage(&self.path)
        {
            let _ = self.conn.pragma_update(None, "query_only", true);
            self.damaged = Some(summary);
        }
        Db::Sqlite(&self.conn)
    }

    fn classify(&self, error: StoreError) -> StoreError {
        self.classify_error(error)
    }

    fn engine_check(&self) -> Result<CheckReport> {
        let report = self.fix(agenda::check(&self.conn))?;
        match &report.damage {
            None => super::open::forget_damage(&self.path),
            Some(summary) => super::open::record_damage(&self.path, summary),
        }
        Ok(report)
    }
}
