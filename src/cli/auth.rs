//! Who runs a command: a staff member signs in with `--as NAME` (or `FRONTDESK_AS`) and their
//! password, typed at a prompt that does not echo or given in `FRONTDESK_PASSWORD`; an
//! unattended job (cron's `reminders send`, `backup`) signs in with its service credential
//! (`--service-credential FILE` or `FRONTDESK_SERVICE_CREDENTIAL`). Every command then works
//! through the guarded store, so the role's permissions hold here as in the window.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Utc};
use frontdesk::signin::{self, Secret, SecretKind, SignedIn};
use frontdesk::store::{Guarded, Store};

/// How the person (or job) running a command says who they are.
#[derive(Debug, Default)]
pub struct Credentials {
    /// `--as` / `FRONTDESK_AS`.
    pub name: Option<String>,
    /// `--service-credential` / `FRONTDESK_SERVICE_CREDENTIAL`.
    pub service: Option<PathBuf>,
}

/// The environment variable a script gives the password in.
pub const PASSWORD_VARIABLE: &str = "FRONTDESK_PASSWORD";

/// Signs in to `store` as `credentials` say, and gives the store back guarded. Sign-in, the
/// lock-out and the access log read the system's clock, never `--now` (which only moves what
/// the commands show and book): a pretended time could otherwise lock an account until 2200,
/// skip a lock, or date the log.
pub fn sign_in(mut store: Box<dyn Store + Send>, credentials: &Credentials) -> Result<Guarded> {
    let who = who(&mut *store, credentials, Utc::now())?;
    Ok(Guarded::new(store, who, Box::new(Utc::now))?)
}

fn who(store: &mut dyn Store, credentials: &Credentials, now: DateTime<Utc>) -> Result<SignedIn> {
    if !store.sign_in_ready()? {
        let at = store.locator();
        if store.clinics()?.is_empty() {
            bail!(
                "{at} holds no clinic yet: run `frontdesk --db {at} demo` for a demo clinic (it prints how its staff sign in), or make its first administrator with `frontdesk --db {at} first-administrator --name \"YOUR NAME\"`"
            );
        }
        bail!(
            "{at} has no administrator yet: make one with `frontdesk --db {at} first-administrator --name \"YOUR NAME\"`, or open Frontdesk's window"
        );
    }
    let desk = signin::this_desk();
    if let Some(file) = &credentials.service {
        if credentials.name.is_some() {
            bail!("give either --as NAME or --service-credential FILE, not both");
        }
        return Ok(signin::service::sign_in(store, file, &desk, now)?);
    }
    let Some(name) = &credentials.name else {
        bail!(
            "sign in: give your staff name with --as NAME (or FRONTDESK_AS) and your password at the prompt or in {PASSWORD_VARIABLE}; an unattended job gives --service-credential FILE"
        );
    };
    let password = password(
        &format!("Password for {name}: "),
        SecretKind::Password,
        false,
    )?;
    Ok(signin::sign_in(store, name, &password, &desk, now)?)
}

/// The password from `FRONTDESK_PASSWORD`, else typed at a prompt that does not echo (only on
/// a terminal). `new` applies the rules for setting a password.
pub fn password(prompt: &str, kind: SecretKind, new: bool) -> Result<Secret> {
    let typed = match std::env::var(PASSWORD_VARIABLE) {
        Ok(text) => text,
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("{PASSWORD_VARIABLE} is not valid UTF-8 text: give the password as text")
        }
        Err(std::env::VarError::NotPresent) => {
            if !std::io::stdin().is_terminal() {
                bail!(
                    "no password: give it in {PASSWORD_VARIABLE}, or run the command in a terminal to type it"
                );
            }
            rpassword::prompt_password(prompt)
                .map_err(|e| anyhow!("the password could not be read from the terminal: {e}"))?
        }
    };
    let secret = if new {
        Secret::new_one(kind, &typed)
    } else {
        Secret::given(kind, &typed)
    };
    Ok(secret?)
}

/// `frontdesk first-administrator --name NAME`: the new database's first administrator, with
/// the password typed twice at the prompt (or given in `FRONTDESK_PASSWORD`).
pub fn first_administrator(store: &mut dyn Store, name: &str) -> Result<()> {
    let now = Utc::now();
    if store.sign_in_ready()? {
        bail!(
            "this database already has an administrator: sign in with --as and add staff in the window"
        );
    }
    let first = password("New password: ", SecretKind::Password, true)?;
    if std::env::var_os(PASSWORD_VARIABLE).is_none() {
        let again = password("The same password again: ", SecretKind::Password, false)?;
        if again != first {
            bail!("the two passwords differ: nothing was changed; run the command again");
        }
    }
    let who = signin::first_administrator(store, name, &first, &signin::this_desk(), now)?;
    println!("administrator: {}", who.name());
    Ok(())
}

/// `frontdesk service-credential issue NAME --file FILE` (an administrator): writes a new
/// credential file (mode 0600) for an unattended job.
pub fn issue_service(store: &mut Guarded, name: &str, file: &Path) -> Result<()> {
    signin::service::issue(store, name, file, Utc::now())?;
    println!(
        "service credential {name}: {} (readable only by you; give it to the job with --service-credential)",
        frontdesk::scheduling::entry::echo_path(file)
    );
    Ok(())
}
