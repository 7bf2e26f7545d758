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
use frontdesk::store::{Guarded, Maintenance, Store};

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

/// The password given once for this command: an encrypted database's key is unwrapped with it,
/// then the sign-in checks it, without asking twice.
static GIVEN: std::sync::OnceLock<Secret> = std::sync::OnceLock::new();

/// The password given for this command, once it was asked for.
pub fn given_password() -> Option<Secret> {
    GIVEN.get().cloned()
}

/// Opens the database `locator` names for a command. An encrypted file opens with the key that
/// the staff member's password (or the service credential) unwraps: the key comes back too,
/// for the day's backup. Plain files and servers open as they are.
pub fn open(
    locator: &frontdesk::store::Locator,
    credentials: &Credentials,
) -> Result<(
    Box<dyn Store + Send>,
    Option<frontdesk::store::cipher::DatabaseKey>,
)> {
    use frontdesk::store::unlock::{Unsealed, open_as, sealed_file};
    let Some(path) = sealed_file(locator) else {
        return Ok((frontdesk::store::open(locator)?, None));
    };
    let opened = if let Some(file) = &credentials.service {
        if credentials.name.is_some() {
            bail!("give either --as NAME or --service-credential FILE, not both");
        }
        let (name, token) = signin::service::read_file(file)?;
        let secret = token.slot_secret()?;
        frontdesk::store::unlock::open_as_service(
            path,
            &signin::service::slot_name(&name),
            &secret,
        )?
    } else {
        let Some(name) = &credentials.name else {
            bail!(
                "{locator} is encrypted: sign in with --as NAME (or FRONTDESK_AS) and your password to open it"
            );
        };
        let secret = password(
            &format!("Password for {name}: "),
            SecretKind::Password,
            false,
        )?;
        let opened = open_as(path, name, &secret, Utc::now(), &signin::this_desk())?;
        let _ = GIVEN.set(secret);
        opened
    };
    match opened {
        Unsealed::Open(store, key) => Ok((store, Some(key))),
        Unsealed::Wrong { left } => Err(signin::SignInError::Wrong {
            what: if credentials.service.is_some() {
                "service credential"
            } else {
                "password"
            },
            left,
        }
        .into()),
        Unsealed::Locked(locked) => Err(signin::SignInError::from(locked).into()),
    }
}

/// `frontdesk --db NEW-FILE first-administrator`: a new clinic's database, made encrypted, and
/// its first administrator; the recovery key is printed once.
pub fn first_administrator_encrypted(path: &Path, name: &str) -> Result<()> {
    frontdesk::scheduling::staff::desk_name(name)?;
    let first = new_password()?;
    let (mut store, _key, recovery) = frontdesk::store::unlock::create(path)?;
    let who =
        signin::first_administrator(&mut *store, name, &first, &signin::this_desk(), Utc::now())?;
    let member = store
        .sign_in_record(who.name())?
        .ok_or_else(|| anyhow!("the administrator was not stored"))?
        .member;
    frontdesk::store::unlock::first_slot(&mut *store, &member, &first)?;
    println!("administrator: {}", who.name());
    println!(
        "recovery key: {} (print it or write it down now and keep it locked away: with it an administrator opens this clinic's data when every password is lost; it is shown this once)",
        &*recovery.printable()
    );
    Ok(())
}

/// A new password: from `FRONTDESK_PASSWORD`, or typed twice at the prompt.
pub fn new_password() -> Result<Secret> {
    let first = password("New password: ", SecretKind::Password, true)?;
    if std::env::var_os(PASSWORD_VARIABLE).is_none() {
        let again = password("The same password again: ", SecretKind::Password, false)?;
        if again != first {
            bail!("the two passwords differ: nothing was changed; run the command again");
        }
    }
    Ok(first)
}

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
    let password = match GIVEN.get() {
        Some(given) => given.clone(),
        None => {
            let typed = password(
                &format!("Password for {name}: "),
                SecretKind::Password,
                false,
            )?;
            let _ = GIVEN.set(typed.clone());
            typed
        }
    };
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
    let first = new_password()?;
    let who = signin::first_administrator(store, name, &first, &signin::this_desk(), now)?;
    println!("administrator: {}", who.name());
    Ok(())
}

/// `frontdesk service-credential issue NAME --file FILE` (an administrator): writes a new
/// credential file (mode 0600) for an unattended job.
pub fn issue_service(
    store: &mut Guarded,
    name: &str,
    file: &Path,
    key: Option<&frontdesk::store::cipher::DatabaseKey>,
) -> Result<()> {
    signin::service::issue(store, name, file, Utc::now())?;
    // An encrypted database: the job opens it with its token, as staff do with passwords.
    if let (Some(key), Some(db)) = (key, store.locator().file()) {
        let (name, token) = signin::service::read_file(file)?;
        let mut slots = frontdesk::store::cipher::KeySlots::load(db)?;
        slots.set_password_slot(
            &signin::service::slot_label(&name),
            &signin::service::slot_name(&name),
            key,
            &token.slot_secret()?,
        )?;
    }
    println!(
        "service credential {name}: {} (readable only by you; give it to the job with --service-credential)",
        frontdesk::scheduling::entry::echo_path(file)
    );
    Ok(())
}
