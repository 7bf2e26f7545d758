//! Staff sign-in records in the database: their password's and PIN's Argon2id hashes (never the
//! secrets), their failed tries, and the first administrator of a new database. Each change is
//! one transaction with its access log entry.

use chrono::{DateTime, Utc};

use super::access_log;
use super::codec::{self, secs};
use super::error::{Result, StoreError};
use super::settings::immediate;
use super::setup_audit::{self as audit, SetupChangeRecord};
use super::sql::{self, Db, OptionalExtension, params};
use crate::scheduling::access::{Access, AccessKind};
use crate::scheduling::lockout::{LockedOut, Tries};
use crate::scheduling::setup_rules::staff_problems;
use crate::scheduling::staff::{StaffId, StaffMember, StaffRole};
use crate::signin::{Hashed, SecretKind};

/// What signing a staff member in needs from the database.
#[derive(Clone, Debug, PartialEq)]
pub struct SignInRecord {
    /// Who.
    pub member: StaffMember,
    /// Their password's hash, once one is set.
    pub password: Option<Hashed>,
    /// Their PIN's hash, once one is set.
    pub pin: Option<Hashed>,
    /// Their failed tries.
    pub tries: Tries,
}

impl SignInRecord {
    /// The hash of the secret of `kind`, if one is set.
    pub fn hash(&self, kind: SecretKind) -> Option<&Hashed> {
        match kind {
            SecretKind::Password => self.password.as_ref(),
            SecretKind::Pin => self.pin.as_ref(),
        }
    }
}

const COLUMNS: &str =
    "id, name, role, active, password_hash, pin_hash, failed_tries, locked_until_utc";

fn record(r: &sql::Row<'_>) -> sql::Result<SignInRecord> {
    let role: String = r.get(2)?;
    Ok(SignInRecord {
        member: StaffMember {
            id: StaffId(r.get(0)?),
            name: r.get(1)?,
            role: StaffRole::parse(&role)
                .ok_or_else(|| codec::bad(2, format!("staff role '{role}'")))?,
            active: r.get(3)?,
        },
        password: r.get::<Option<String>>(4)?.map(Hashed::stored),
        pin: r.get::<Option<String>>(5)?.map(Hashed::stored),
        tries: Tries {
            failed: r.get(6)?,
            locked_until: r
                .get::<Option<i64>>(7)?
                .map(|s| codec::instant(7, s))
                .transpose()?,
        },
    })
}

/// The sign-in record of the staff member named `name` (A–Z in any case; tidied as names are
/// when saved, so spaces typed twice or a name typed in another Unicode form still match), if
/// there is one.
pub fn by_name(conn: &Db, name: &str) -> sql::Result<Option<SignInRecord>> {
    // Folded here, A–Z only, as `lower()` folds the stored name on both engines (SQLite's, and
    // PostgreSQL's on a `COLLATE "C"` column); the server's `lower()` of a parameter would
    // fold by its own locale (`Ü` to `ü`) and miss.
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM staff WHERE lower(name) = ?1"
    ))?
    .query_row(
        params![crate::scheduling::staff::sign_in_folded(name)],
        record,
    )
    .optional()
}

/// The sign-in record of staff member `id`, if there is one.
pub fn by_id(conn: &Db, id: StaffId) -> sql::Result<Option<SignInRecord>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"))?
        .query_row(params![id.0], record)
        .optional()
}

/// Whether any active administrator has a password: until one has, the window asks for the
/// first administrator before anything else.
pub fn ready(conn: &Db) -> sql::Result<bool> {
    conn.prepare_cached(
        "SELECT count(*) FROM staff WHERE active = 1 AND role = 'administrator' \
         AND password_hash IS NOT NULL",
    )?
    .query_row(params![], |r| r.get::<i64>(0))
    .map(|n| n > 0)
}

/// Counts a sign-in try for staff member `staff` before its secret is checked, in one
/// transaction with the lock test: when the account is locked nothing is counted, `refusal`
/// is logged and the lock returned; else the try counts as failed (a good secret clears it
/// afterwards, [`record_outcome`]) and the tries as they now are come back.
pub fn begin_try(
    conn: &Db,
    staff: StaffId,
    now: DateTime<Utc>,
    refusal: &Access,
) -> Result<std::result::Result<Tries, LockedOut>> {
    immediate(conn, |tx| {
        let Some(current) = by_id(tx, staff)? else {
            return Err(StoreError::NotFound {
                what: "staff member",
                name: staff.to_string(),
                hint: crate::t!("store-hint-removed-at-another-desk"),
            });
        };
        if let Err(locked) = current.tries.may_try(now) {
            access_log::append(tx, refusal)?;
            return Ok(Err(locked));
        }
        let tries = current.tries.after_failure(now);
        tx.prepare_cached(
            "UPDATE staff SET failed_tries = ?2, locked_until_utc = ?3 WHERE id = ?1",
        )?
        .execute(params![staff.0, tries.failed, tries.locked_until.map(secs)])?;
        Ok(Ok(tries))
    })
}

/// Records a sign-in's outcome and logs it, in one transaction: a success (for `staff`) clears
/// the failed tries its [`begin_try`] counted; a failure was counted there already.
pub fn record_outcome(
    conn: &Db,
    staff: Option<StaffId>,
    succeeded: bool,
    access: &Access,
) -> Result<Tries> {
    immediate(conn, |tx| {
        if let (Some(id), true) = (staff, succeeded) {
            tx.prepare_cached(
                "UPDATE staff SET failed_tries = 0, locked_until_utc = NULL WHERE id = ?1",
            )?
            .execute(params![id.0])?;
        }
        access_log::append(tx, access)?;
        Ok(Tries::after_success())
    })
}

/// Sets (or with `None` removes) staff member `staff`'s secret of `kind` and clears their failed
/// tries (an administrator's reset unlocks the account), logging it as a permission change.
pub fn set_secret(
    conn: &Db,
    staff: StaffId,
    kind: SecretKind,
    hash: Option<&Hashed>,
    access: &Access,
) -> Result<()> {
    let column = match kind {
        SecretKind::Password => "password_hash",
        SecretKind::Pin => "pin_hash",
    };
    immediate(conn, |tx| {
        let was_ready = ready(tx)?;
        let changed = tx
            .prepare_cached(&format!(
                "UPDATE staff SET {column} = ?2, failed_tries = 0, locked_until_utc = NULL \
                 WHERE id = ?1"
            ))?
            .execute(params![staff.0, hash.map(Hashed::as_stored)])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "staff member",
                name: staff.to_string(),
                hint: crate::t!("store-hint-removed-reload-staff"),
            });
        }
        keep_an_administrator(tx, was_ready)?;
        access_log::append(tx, access)?;
        Ok(())
    })
}

/// A service credential as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceRecord {
    /// Its name, e.g. "reminders".
    pub name: String,
    /// The SHA-256 of its token, in hex.
    pub token_hash: String,
    /// False once revoked.
    pub active: bool,
}

/// The service credential named `name`, if one was issued.
pub fn service(conn: &Db, name: &str) -> sql::Result<Option<ServiceRecord>> {
    conn.prepare_cached("SELECT name, token_hash, active FROM service_credential WHERE name = ?1")?
        .query_row(params![name], |r| {
            Ok(ServiceRecord {
                name: r.get(0)?,
                token_hash: r.get(1)?,
                active: r.get(2)?,
            })
        })
        .optional()
}

/// Issues (or with `None` revokes) the service credential `name` with token hash `hash`,
/// replacing any earlier token, and logs `access`, in one transaction.
pub fn save_service(
    conn: &Db,
    name: &str,
    hash: Option<&str>,
    now: DateTime<Utc>,
    access: &Access,
) -> Result<()> {
    immediate(conn, |tx| {
        match hash {
            Some(hash) => {
                tx.execute(
                    "DELETE FROM service_credential WHERE name = ?1",
                    params![name],
                )?;
                tx.execute(
                    "INSERT INTO service_credential (name, token_hash, active, created_utc) \
                     VALUES (?1, ?2, 1, ?3)",
                    params![name, hash, secs(now)],
                )?;
            }
            None => {
                let changed = tx.execute(
                    "UPDATE service_credential SET active = 0 WHERE name = ?1",
                    params![name],
                )?;
                if changed == 0 {
                    return Err(StoreError::NotFound {
                        what: "service credential",
                        name: name.to_owned(),
                        hint: String::new(),
                    });
                }
            }
        }
        access_log::append(tx, access)?;
        Ok(())
    })
}

/// Refuses a change (inside its transaction, so nothing is written) that leaves a database
/// which had an active administrator with a password without one: nobody could then manage
/// staff, and `first-administrator` would be open to anyone.
pub fn keep_an_administrator(tx: &Db, was_ready: bool) -> Result<()> {
    if was_ready && !ready(tx)? {
        return Err(StoreError::Invalid(crate::t!(
            "store-staff-last-administrator"
        )));
    }
    Ok(())
}

/// Makes `member` (an administrator) the database's first administrator with password `hash`,
/// unless sign-in is already set up (then nothing changes): checked and written in one
/// transaction, so two windows opening a new database cannot both make one.
pub fn first_administrator(
    conn: &Db,
    member: &StaffMember,
    hash: &Hashed,
    now: DateTime<Utc>,
    desk: &str,
) -> Result<()> {
    if member.role != StaffRole::Administrator || !member.active {
        return Err(StoreError::Invalid(crate::t!(
            "store-staff-first-must-be-administrator"
        )));
    }
    let member = crate::scheduling::tidy::staff_member(member);
    immediate(conn, |tx| {
        if ready(tx)? {
            return Err(StoreError::Invalid(crate::t!(
                "store-staff-has-administrator"
            )));
        }
        // Never a staff member already listed: whoever runs this would choose their password
        // and act under their name, history and all.
        if by_name(tx, &member.name)?.is_some() {
            return Err(StoreError::Invalid(crate::t!(
                "store-staff-name-taken",
                name = crate::scheduling::entry::shown(&member.name)
            )));
        }
        let all = super::settings::staff(tx)?;
        super::settings::refuse(staff_problems(&member, &all))?;
        super::settings::insert_staff(tx, &member)?;
        tx.prepare_cached("UPDATE staff SET password_hash = ?2 WHERE id = ?1")?
            .execute(params![member.id.0, hash.as_stored()])?;
        let id = member.id;
        audit::record(
            tx,
            now,
            &member.name,
            SetupChangeRecord {
                kind: "staff",
                id: id.to_string(),
                action: "created",
                before: None,
                after: Some(audit::staff_json(&member)),
            },
        )?;
        let access = Access {
            at: now,
            desk: desk.to_owned(),
            staff: Some(id),
            name: member.name.clone(),
            kind: AccessKind::ChangedPermission,
            subject: id.to_string(),
            detail: "first administrator set up".into(),
        };
        access_log::append(tx, &access)?;
        Ok(())
    })
}
