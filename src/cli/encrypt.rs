//! `frontdesk encrypt`: an administrator converts the plain database file into an encrypted
//! one (SQLCipher, with its keys file beside it): their password's key slot and a recovery key,
//! printed once. The plaintext original and its plaintext backups are removed only after the
//! encrypted copy passed its check and the administrator agrees (`--remove-plaintext`, or
//! "yes" at the prompt).

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, anyhow, bail};
use clap::Args;
use frontdesk::scheduling::entry::echo_path;
use frontdesk::scheduling::permission::Action;
use frontdesk::store::cipher::remove_plaintext;
use frontdesk::store::{Accounts, Locator, Maintenance};

use super::auth;

/// `frontdesk encrypt`.
#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Remove the plaintext original and its plaintext backups once the encrypted database
    /// passed its check, without asking.
    #[arg(long)]
    pub remove_plaintext: bool,
}

/// Converts the database `locator` names, as the administrator `credentials` sign in as.
pub fn run(locator: &Locator, credentials: &auth::Credentials, args: &EncryptArgs) -> Result<()> {
    let Some(path) = locator.file() else {
        bail!(
            "{locator} is a database server: its disks are the server's to encrypt (README, \"Several desks\"); nothing was changed"
        );
    };
    if frontdesk::store::unlock::sealed_file(locator).is_some() {
        bail!("{locator} is already encrypted; nothing was changed");
    }
    // Who converts it: an administrator, signed in to it as it is, with their own password.
    let (store, _) = auth::open(locator, credentials)?;
    let mut store = auth::sign_in(store, credentials)?;
    store.allow(Action::Restore)?;
    let name = store.who().name().to_owned();
    let member = store
        .sign_in_record(&name)?
        .ok_or_else(|| anyhow!("the administrator's record is missing"))?
        .member;
    let password = auth::given_password()
        .ok_or_else(|| anyhow!("the administrator's password is needed: sign in with --as NAME"))?;
    let done = store.encrypt(&member, &password, chrono::Utc::now())?;
    drop(store);
    println!(
        "Encrypted {}: it opens only with a password of its staff, or the recovery key.",
        echo_path(path)
    );
    println!(
        "recovery key: {} (print it or write it down now and keep it locked away: with it an administrator opens this clinic's data when every password is lost; it is shown this once)",
        &*done.recovery.printable()
    );
    if let Some(warning) = &done.warning {
        eprintln!("{warning}");
    }
    println!(
        "Only {name} can sign in until an administrator sets each staff member a new password (the window's Settings, Staff): their passwords are kept as hashes, which cannot unlock the key."
    );
    println!(
        "Unattended jobs (cron) need their service credentials issued again (`service-credential issue NAME --file FILE`): a credential issued before cannot open the encrypted file."
    );
    let plain = done.plaintext;
    if plain.is_empty() {
        return Ok(());
    }
    println!("Plaintext copies left (the original and backups made before):");
    for file in &plain {
        println!("  {}", echo_path(file));
    }
    let agreed = args.remove_plaintext || ask("Remove them now? Type yes to remove: ")?;
    if !agreed {
        println!(
            "Kept. They hold every patient in clear: delete them (the files listed above) once you are sure the encrypted database works."
        );
        return Ok(());
    }
    for file in &plain {
        remove_plaintext(path, file)?;
        println!("removed {}", echo_path(file));
    }
    Ok(())
}

/// Whether the person at the terminal types "yes" (never on a pipe: then the copies are
/// kept).
fn ask(prompt: &str) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    print!("{prompt}");
    super::console::stdout().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().eq_ignore_ascii_case("yes"))
}
