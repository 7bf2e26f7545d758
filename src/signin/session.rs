//! Signing in: a staff member's name and password (or PIN) checked against the stored hash,
//! failed tries counted and locked out (`scheduling::lockout`), every try logged in the access
//! log. A [`SignedIn`] is made only here (and for the service credential, in `service`), so
//! holding one means someone proved who they are; the store's guard takes it.

use chrono::{DateTime, Utc};

use super::secret::{Hashed, Secret, SecretError, SecretKind};
use crate::scheduling::access::{Access, AccessKind};
use crate::scheduling::lockout::{LockedOut, MAX_FAILED_TRIES};
use crate::scheduling::permission::Role;
use crate::scheduling::staff::{StaffId, StaffMember, StaffRole};
use crate::store::{Store, StoreError};

/// Someone who proved who they are at this desk.
#[derive(Clone, Debug, PartialEq)]
pub struct SignedIn {
    /// The database they proved it to ([`crate::store::Locator::identity`]): a sign-in to one database opens no
    /// other.
    database: String,
    staff: Option<StaffId>,
    name: String,
    role: Role,
    desk: String,
    via: Via,
}

/// How someone proved who they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A staff member's password.
    Password,
    /// A staff member's PIN, on a PC a password unlocked earlier that day.
    Pin,
    /// The service credential of unattended jobs.
    ServiceCredential,
}

impl SignedIn {
    /// A staff member who gave their secret of `kind`.
    pub(crate) fn staff(
        database: String,
        member: &StaffMember,
        desk: &str,
        kind: SecretKind,
    ) -> SignedIn {
        SignedIn {
            database,
            staff: Some(member.id),
            name: member.name.clone(),
            role: Role::Staff(member.role),
            desk: desk.to_owned(),
            via: match kind {
                SecretKind::Password => Via::Password,
                SecretKind::Pin => Via::Pin,
            },
        }
    }

    /// An unattended job that gave the service credential named `name`.
    pub(crate) fn service(database: String, name: &str, desk: &str) -> SignedIn {
        SignedIn {
            database,
            staff: None,
            name: name.to_owned(),
            role: Role::Service(crate::scheduling::permission::ServiceScope::of_name(name)),
            desk: desk.to_owned(),
            via: Via::ServiceCredential,
        }
    }

    /// The database they signed in to (a file's path, or a digest of the server's address).
    pub fn database(&self) -> &str {
        &self.database
    }

    /// The staff member, when it is one (not the service credential).
    pub fn staff_id(&self) -> Option<StaffId> {
        self.staff
    }

    /// The name changes are recorded under.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What they may do.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The desk (host name) they signed in at.
    pub fn desk(&self) -> &str {
        &self.desk
    }

    /// How they proved who they are.
    pub fn via(&self) -> Via {
        self.via
    }

    /// An access log entry of `kind` by them at `at`.
    pub fn access(
        &self,
        at: DateTime<Utc>,
        kind: AccessKind,
        subject: impl Into<String>,
        detail: impl Into<String>,
    ) -> Access {
        Access {
            at,
            desk: self.desk.clone(),
            staff: self.staff,
            name: self.name.clone(),
            kind,
            subject: subject.into(),
            detail: detail.into(),
        }
    }
}

/// Why a sign-in failed; the text says what to do and never repeats the secret.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// The name is no staff member's, or the secret is not theirs (which, is not said).
    #[error("{}", wrong(what, *left))]
    Wrong {
        /// "password" or "PIN".
        what: &'static str,
        /// Tries left before the account locks, when the name is a staff member's.
        left: Option<i64>,
    },
    /// Too many wrong tries.
    #[error(transparent)]
    LockedOut(#[from] LockedOut),
    /// A former staff member.
    #[error("{}", crate::t!("signin-not-active"))]
    NotActive,
    /// No PIN (or password) has been set for them.
    #[error("{}", crate::t!("signin-not-set", what = super::secret::word(_0)))]
    NotSet(&'static str),
    /// The secret as typed cannot be one.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The service credential file cannot be used.
    #[error(transparent)]
    Service(#[from] super::service::ServiceError),
    /// A new database's first administrator cannot be made.
    #[error("{0}")]
    FirstAdministrator(String),
}

/// "the name or password is wrong", with the tries left before the account locks when the
/// name is a staff member's.
fn wrong(what: &str, left: Option<i64>) -> String {
    let what = super::secret::word(what);
    match left {
        Some(left) if left >= 1 => crate::t!("signin-wrong-tries-left", what = what, left = left),
        _ => crate::t!("signin-wrong", what = what),
    }
}

/// Signs `name` in with `secret` at `desk`: refused when the account is locked or inactive or
/// has no such secret; a wrong secret counts a failed try. Every outcome is logged. The hash
/// check is slow on purpose: call it off the UI thread.
pub fn sign_in(
    store: &mut dyn Store,
    name: &str,
    secret: &Secret,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<SignedIn, SignInError> {
    let kind = secret.kind();
    let what = match kind {
        SecretKind::Password => "password",
        SecretKind::Pin => "PIN",
    };
    let failure = |staff: Option<&StaffMember>, detail: &str| Access {
        at: now,
        desk: desk.to_owned(),
        staff: staff.map(|m| m.id),
        // A name no staff member has is not written: it may be a password typed in the
        // wrong box.
        name: staff.map(|m| m.name.clone()).unwrap_or_default(),
        kind: AccessKind::SignInFailed,
        subject: String::new(),
        detail: detail.to_owned(),
    };
    let Some(record) = store.sign_in_record(name)? else {
        // As long as a wrong password takes, so the time does not tell which names exist.
        let _ = secret.matches(dummy_hash());
        note(
            store,
            None,
            false,
            &failure(None, "no staff member has that name"),
        )?;
        return Err(SignInError::Wrong { what, left: None });
    };
    let member = &record.member;
    if !member.active {
        note(store, None, false, &failure(Some(member), "not active"))?;
        return Err(SignInError::NotActive);
    }
    let Some(hash) = record.hash(kind) else {
        note(
            store,
            None,
            false,
            &failure(Some(member), &format!("no {what} set")),
        )?;
        return Err(SignInError::NotSet(what));
    };
    // The try is counted before the slow check, in one transaction with the lock test: desks
    // trying at once each count, and once locked every further try is refused unchecked.
    let tries = if store.damage().is_some() {
        record.tries.may_try(now).map(|()| record.tries)
    } else {
        store.begin_sign_in(member.id, now, &failure(Some(member), "account locked"))?
    };
    let tries = tries?;
    if !secret.matches(hash)? {
        let detail = format!("wrong {what}");
        note(store, None, false, &failure(Some(member), &detail))?;
        if let Err(locked) = tries.may_try(now) {
            return Err(locked.into());
        }
        return Err(SignInError::Wrong {
            what,
            left: Some(MAX_FAILED_TRIES.saturating_sub(tries.failed)),
        });
    }
    let signed = SignedIn::staff(store.locator().identity(), member, desk, kind);
    let access = signed.access(now, AccessKind::SignedIn, "", format!("with the {what}"));
    note(store, Some(member.id), true, &access)?;
    Ok(signed)
}

/// The work of checking `secret` against a stored hash, for a name that has none: so the time
/// a try takes does not tell which names exist.
pub(crate) fn spend_a_try(secret: &Secret) {
    let _ = secret.matches(dummy_hash());
}

/// A hash of nothing anyone types, at today's cost: what an unknown name is checked against.
fn dummy_hash() -> &'static Hashed {
    static DUMMY: std::sync::OnceLock<Hashed> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        Secret::given(SecretKind::Password, "no staff member has this name")
            .and_then(|s| s.hash())
            .unwrap_or_else(|_| Hashed::stored(String::new()))
    })
}

/// Records a sign-in's outcome, except on a damaged database, which takes no writes (it is
/// open for reading only until a backup is restored; its damage is reported everywhere).
pub(super) fn note(
    store: &mut dyn Store,
    staff: Option<StaffId>,
    succeeded: bool,
    access: &Access,
) -> Result<crate::scheduling::lockout::Tries, StoreError> {
    if store.damage().is_some() {
        return Ok(crate::scheduling::lockout::Tries::default());
    }
    store.record_sign_in(staff, succeeded, access)
}

/// Makes a new database's first administrator, named `name`, with `password` (under the rules
/// for a new password), and signs them in. Refused when the database already has one.
pub fn first_administrator(
    store: &mut dyn Store,
    name: &str,
    password: &Secret,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<SignedIn, SignInError> {
    let name = crate::scheduling::staff::desk_name(name)
        .map_err(|e| SignInError::FirstAdministrator(e.to_string()))?;
    let hash = password.hash()?;
    let member = StaffMember {
        id: StaffId(uuid::Uuid::new_v4()),
        name: name.to_owned(),
        role: StaffRole::Administrator,
        active: true,
    };
    store.create_first_administrator(&member, &hash, now, desk)?;
    let record = store.sign_in_record(name)?.ok_or_else(|| {
        SignInError::FirstAdministrator(crate::t!("signin-administrator-not-stored"))
    })?;
    Ok(SignedIn::staff(
        store.locator().identity(),
        &record.member,
        desk,
        SecretKind::Password,
    ))
}
