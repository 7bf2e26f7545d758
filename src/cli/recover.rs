//! `frontdesk recover --name NAME`: every administrator's password is lost (or the staff who
//! knew them left). The encrypted database's recovery key (printed once when the clinic was
//! made) unwraps its key; the administrator named gets a new password, their key slot with it,
//! and their lock-out cleared. Logged in the access log as a permission change.

use anyhow::{Result, anyhow, bail};
use chrono::Utc;
use clap::Args;
use frontdesk::scheduling::access::{Access, AccessKind};
use frontdesk::scheduling::staff::StaffRole;
use frontdesk::store::Locator;
use frontdesk::store::cipher::RecoveryKey;

use super::auth;

/// The environment variable a script gives the recovery key in.
pub const RECOVERY_VARIABLE: &str = "FRONTDESK_RECOVERY_KEY";

/// `frontdesk recover`.
#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// The administrator who gets a new password (their name as the staff list has it).
    #[arg(long, value_name = "NAME")]
    pub name: String,
}

/// Resets `args.name`'s password with the recovery key.
pub fn run(locator: &Locator, args: &RecoverArgs) -> Result<()> {
    let Some(path) = frontdesk::store::unlock::sealed_file(locator) else {
        bail!(
            "{locator} is not an encrypted file: an administrator sets new passwords in the window (Settings, Staff); nothing was changed"
        );
    };
    let typed = match std::env::var(RECOVERY_VARIABLE) {
        Ok(text) => text,
        Err(_) => {
            use std::io::IsTerminal;
            if !std::io::stdin().is_terminal() {
                bail!(
                    "no recovery key: give it in {RECOVERY_VARIABLE}, or run the command in a terminal to type it"
                );
            }
            rpassword::prompt_password("Recovery key: ")
                .map_err(|e| anyhow!("the recovery key could not be read from the terminal: {e}"))?
        }
    };
    let recovery = RecoveryKey::parse(&typed)?;
    let mut store = frontdesk::store::unlock::open_with_recovery(path, &recovery)?;
    let record = store
        .sign_in_record(&args.name)?
        .ok_or_else(|| anyhow!("no staff member has that name: give an administrator's name"))?;
    let member = record.member;
    if member.role != StaffRole::Administrator || !member.active {
        bail!(
            "{} is not an active administrator: give an administrator's name (they then set the others' passwords); nothing was changed",
            member.name
        );
    }
    let password = auth::new_password()?;
    let hash = password.hash()?;
    let access = Access {
        at: Utc::now(),
        desk: frontdesk::signin::this_desk(),
        staff: None,
        name: "recovery key".into(),
        kind: AccessKind::ChangedPermission,
        subject: member.id.to_string(),
        detail: "password reset with the recovery key".into(),
    };
    store.set_password(&member, &password, &hash, &access)?;
    println!(
        "{}'s password was reset with the recovery key: sign in with it, and set the other staff's passwords in the window (Settings, Staff).",
        member.name
    );
    Ok(())
}
