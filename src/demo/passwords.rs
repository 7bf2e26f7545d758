//! The demo clinic's staff sign in with documented passwords (README): "demo-" and their role,
//! e.g. `demo-administrator`, so anyone trying Frontdesk can sign in as each role. Set only on a
//! database with no administrator yet; a real clinic creates its own first administrator.

use chrono::{DateTime, Utc};

use crate::scheduling::access::{Access, AccessKind};
use crate::scheduling::staff::StaffRole;
use crate::signin::{Secret, SecretKind};
use crate::store::{Store, StoreError};

/// One demo staff member's sign-in, as `frontdesk demo` prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoSignIn {
    /// Their role.
    pub role: StaffRole,
    /// Their name.
    pub name: String,
    /// Their documented demo password.
    pub password: String,
}

impl std::fmt::Display for DemoSignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}, password: {}",
            self.role.as_str(),
            self.name,
            self.password
        )
    }
}

/// The documented demo password of `role`.
pub fn demo_password(role: StaffRole) -> String {
    format!("demo-{}", role.as_str())
}

/// Gives every demo staff member of `store` their demo password (hashed on every core at
/// once: each hash takes a quarter of a second on purpose), unless the database already has an
/// administrator: then nothing changes and nothing is returned.
pub fn set_demo_passwords(
    store: &mut dyn Store,
    desk: &str,
    now: DateTime<Utc>,
) -> Result<Vec<DemoSignIn>, StoreError> {
    if store.sign_in_ready()? {
        return Ok(Vec::new());
    }
    let staff: Vec<_> = store
        .staff()?
        .into_iter()
        .filter(|m| m.active && super::STAFF.iter().any(|(name, _)| *name == m.name))
        .collect();
    let hashes: Vec<_> = std::thread::scope(|scope| {
        let jobs: Vec<_> = staff
            .iter()
            .map(|m| {
                scope.spawn(move || {
                    Secret::new_one(SecretKind::Password, &demo_password(m.role))
                        .and_then(|s| s.hash())
                })
            })
            .collect();
        jobs.into_iter()
            .map(|j| {
                j.join().unwrap_or_else(|_| {
                    Err(crate::signin::SecretError::Hashing(
                        "password",
                        "a hashing thread stopped".into(),
                    ))
                })
            })
            .collect()
    });
    let mut out = Vec::new();
    for (member, hash) in staff.iter().zip(hashes) {
        let hash = hash.map_err(|e| StoreError::Invalid(e.to_string()))?;
        let access = Access {
            at: now,
            desk: desk.to_owned(),
            staff: None,
            name: "demo".into(),
            kind: AccessKind::ChangedPermission,
            subject: member.id.to_string(),
            detail: "demo password set".into(),
        };
        store.set_secret(member.id, SecretKind::Password, Some(&hash), &access)?;
        out.push(DemoSignIn {
            role: member.role,
            name: member.name.clone(),
            password: demo_password(member.role),
        });
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.role.rank()));
    Ok(out)
}
