//! The command line: the same operations as the window, for scripts and the clinic's IT person.
//! This is the binary's edge: errors become one message on stderr and a non-zero exit.

// First: its `println!`, `print!`, `eprintln!` and `eprint!` stand for std's in every module
// below, so no print can panic on a closed pipe (see console.rs).
#[macro_use]
mod console;
mod access_log;
mod args;
mod auth;
mod board;
mod call;
mod check;
mod encrypt;
mod exchange;
mod grammar;
mod logging;
mod numbers;
mod output;
mod panic;
#[cfg(test)]
mod proptests;
mod recover;
mod reminders;
mod report;
mod resolve;
mod series;
mod waitlist;
mod window;
mod write;

use frontdesk::scheduling::entry::echo_path;
use std::io::{IsTerminal, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use chrono::Days;
use clap::{CommandFactory, FromArgMatches};
use frontdesk::demo::{self, DemoOptions, Progress};
use frontdesk::scheduling::time::{local_date, local_day};
use frontdesk::scheduling::*;
use frontdesk::store::{self, AgendaFilter, Locator, Store};

pub use args::Cli;
use args::{AgendaArgs, Command, DemoArgs, ServiceCredentialCommand};
use frontdesk::scheduling::access::AccessKind;
use frontdesk::scheduling::permission::Action;
use frontdesk::store::Accounts;

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    panic::install();
    // --help, --version and grammar errors end here, before anything is opened or logged.
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => grammar::exit(error),
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| grammar::exit(e));
    let command = matches.subcommand_name().unwrap_or("window");
    logging::start(command);
    // Partial files (exports, backups, a restore's copy) are registered while they are
    // written; those of a process that was killed are removed here, at the next start.
    if let Some(dir) = logging::state_dir() {
        frontdesk::private_file::set_unfinished_dir(dir.join("unfinished"));
        let removed = frontdesk::private_file::sweep();
        if removed > 0 {
            tracing::info!(removed, "removed partial files left by a killed process");
        }
    }
    panic::for_tests();
    let started = std::time::Instant::now();
    let result = run(cli);
    logging::finish(command, &result, started);
    let lost = console::lost();
    match result {
        Ok(()) => match lost {
            None => ExitCode::SUCCESS,
            Some(why) => {
                // The command did its work; only what it printed is missing.
                eprintln!(
                    "frontdesk: the output could not be written ({why}); the command itself was carried out, and anything it changed is saved"
                );
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            // Messages may quote stored or typed text: escape codes never reach the terminal.
            eprintln!(
                "frontdesk: {}",
                frontdesk::scheduling::entry::shown_lines(&said_once(&error))
            );
            ExitCode::FAILURE
        }
    }
}

/// An error and its causes, each said once: `{:#}` joins every cause to its context with ": ",
/// and a cause whose words its context already holds (an error that prints its source) would
/// be said twice. Those are left out.
pub fn said_once(error: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// The database: `--db` (or `FRONTDESK_DB`: a file path; a URL names a server, refused while
/// no engine knows its scheme), else `frontdesk.sqlite3` in the user's data folder (created
/// 0700).
fn database(db: Option<PathBuf>) -> Result<Locator> {
    if let Some(given) = db {
        return Ok(Locator::parse_os(given.as_os_str())?);
    }
    let dirs = directories::ProjectDirs::from("org", "frontdesk", "frontdesk")
        .ok_or_else(|| anyhow!("cannot find your home folder: give the database with --db PATH"))?;
    let dir = dirs.data_dir();
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("cannot create {}", echo_path(dir)))?;
    Ok(Locator::from(dir.join("frontdesk.sqlite3")))
}

fn run(cli: Cli) -> Result<()> {
    let Some(command) = cli.command else {
        // Before anything is created: without a display there is nothing to open.
        window::check()?;
        let locator = database(cli.db)?;
        let fixed_now = cli
            .now
            .as_deref()
            .map(|t| resolve::now(Some(t)))
            .transpose()?;
        let backups = frontdesk::store::backup::BackupPolicy {
            keep: cli.keep_backups,
        };
        let options = frontdesk::gui::Options {
            name: cli.actor,
            fixed_now,
            backups,
            lock_after: Some(std::time::Duration::from_secs(
                cli.lock_after.saturating_mul(60),
            )),
            prefs: frontdesk::gui::desk_prefs::DeskPrefs::default_path(),
            language: cli.language,
        };
        return window::open(locator, options);
    };
    let now = resolve::now(cli.now.as_deref())?;
    let locator = database(cli.db)?;
    let credentials = auth::Credentials {
        name: cli.actor,
        service: cli.service_credential,
    };
    let fixed_now = cli.now.as_deref().map(|_| now);
    match &command {
        Command::Board(args) => {
            return board::run_board(locator, credentials, cli.clinic.as_deref(), args, fixed_now);
        }
        Command::Kiosk(args) => {
            return board::run_kiosk(
                locator,
                credentials,
                cli.clinic.as_deref(),
                args,
                fixed_now,
                cli.language,
            );
        }
        _ => {}
    }
    // A restore replaces the database: it must not be opened (or migrated) first, but whoever
    // asks must be allowed to (when the database still opens: a damaged one is restored by
    // whoever holds its file). The daily backup opens its own snapshot; a check also diagnoses
    // a database that cannot be opened, and shows no patient data.
    match &command {
        Command::Restore(args) => {
            let (who, key) = allowed_before_opening(&locator, &credentials, Action::Restore)?;
            exchange::restore(&locator, args, now, key.as_ref())?;
            // The restored database's log says who restored it (and from which file).
            if let Some(who) = who {
                let mut restored = store::open_keyed(&locator, key.as_ref())?;
                let file = args
                    .file
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned());
                let access = who.access(
                    chrono::Utc::now(),
                    AccessKind::Restored,
                    file.unwrap_or_default(),
                    "",
                );
                restored.log_access(&access)?;
            }
            return Ok(());
        }
        Command::DailyBackup => {
            return exchange::daily_backup_now(&locator, cli.keep_backups, now);
        }
        // An encrypted file is checked by someone who signs in to it (its key opens it).
        Command::Check if store::unlock::sealed_file(&locator).is_some() => {
            let (store, _) = auth::open(&locator, &credentials)?;
            let store = auth::sign_in(store, &credentials)?;
            return check::check(&locator, Ok(Box::new(store)));
        }
        Command::Recover(args) => return recover::run(&locator, args),
        Command::Check => return check::check(&locator, store::open(&locator)),
        Command::Encrypt(args) => return encrypt::run(&locator, &credentials, args),
        Command::Migrate(args) => {
            let (_, key) =
                allowed_before_opening(&locator, &credentials, Action::ExportAppointments)?;
            return exchange::migrate(&locator, args, key.as_ref());
        }
        _ => {}
    }
    // A new clinic's database is made encrypted by its first administrator.
    if let Command::FirstAdministrator(args) = &command
        && store::unlock::is_new_file(&locator)
        && let Some(path) = locator.file()
    {
        return auth::first_administrator_encrypted(path, &args.name);
    }
    // `scripts/run.sh` runs `demo --if-empty` before every window: an encrypted file always
    // holds a clinic (only a clinic's first run makes one), so there is nothing to do.
    if let Command::Demo(args) = &command
        && args.if_empty
        && store::unlock::sealed_file(&locator).is_some()
    {
        return Ok(());
    }
    let (mut store, key) = auth::open(&locator, &credentials)?;
    match &command {
        // `scripts/run.sh` runs `demo --if-empty` before every window: on a database that
        // holds a clinic it does nothing, and needs no one to sign in.
        Command::Demo(args) if args.if_empty && !store.clinics()?.is_empty() => return Ok(()),
        // A new database: the demo clinic, its staff with their documented passwords.
        Command::Demo(args) if !store.sign_in_ready()? => {
            return demo_command(&mut *store, args, now);
        }
        Command::FirstAdministrator(args) => {
            return auth::first_administrator(&mut *store, &args.name);
        }
        _ => {}
    }
    let mut store = auth::sign_in(store, &credentials)?;
    // Only a command someone signed in to starts the day's automatic backup.
    exchange::daily_backup(&locator, key.as_ref(), &command, cli.keep_backups, now);
    let actor = store.who().name().to_owned();
    let clinic = cli.clinic.as_deref();
    match command {
        Command::Demo(args) => demo_command(&mut store, &args, now),
        Command::FirstAdministrator(_) => Ok(()),
        Command::ServiceCredential(args) => match &args.command {
            ServiceCredentialCommand::Issue { name, file } => {
                auth::issue_service(&mut store, name, file, key.as_ref())
            }
            ServiceCredentialCommand::Revoke { name } => {
                let access = store
                    .who()
                    .access(now, AccessKind::ChangedPermission, "", "");
                store.save_service_credential(name, None, now, &access)?;
                // Its key slot goes too: the file no longer opens an encrypted database.
                if let (Some(_), Some(db)) = (&key, locator.file()) {
                    let mut slots = frontdesk::store::cipher::KeySlots::load(db)?;
                    let label = frontdesk::signin::service::slot_label(name);
                    if slots.has_password_slot(&label) {
                        slots.remove_slot(&label)?;
                    }
                }
                println!("service credential {name}: revoked");
                Ok(())
            }
        },
        Command::Agenda(args) => agenda(&store, clinic, &args, now),
        Command::Book(args) => write::book(&mut store, clinic, &args, &actor, now),
        Command::Status(args) => write::status(&mut store, &args, &actor, now),
        Command::Call(args) => call::run(&mut store, clinic, &args, &actor, now),
        Command::Move(args) => write::move_appointment(&mut store, clinic, &args, &actor, now),
        Command::Slots(args) => write::slots(&store, clinic, &args, now),
        Command::History(args) => output::history(&mut store, &args),
        // Handled before the store is opened.
        Command::Check
        | Command::Board(_)
        | Command::Kiosk(_)
        | Command::DailyBackup
        | Command::Restore(_)
        | Command::Migrate(_)
        | Command::Encrypt(_)
        | Command::Recover(_) => Ok(()),
        Command::Waitlist(args) => waitlist::run(&mut store, clinic, &args, &actor, now),
        Command::Report(args) => report::report(&store, clinic, &args, now),
        Command::Daysheet(args) => {
            store.allow(Action::PrintDaySheet)?;
            report::daysheet(&store, clinic, &args, now)?;
            let of = args
                .doctor
                .as_deref()
                .or(args.room.as_deref())
                .unwrap_or("");
            let day = args.date.as_deref().unwrap_or("today");
            store.record(
                Action::PrintDaySheet,
                AccessKind::PrintedDaySheet,
                of,
                &format!("{day}, saved as a PDF"),
            )?;
            Ok(())
        }
        Command::AccessLog(args) => access_log::run(&mut store, &args),
        Command::Reminders(args) => reminders::run(Box::new(store), clinic, &args, now),
        Command::Export(args) => exchange::export(&mut store, clinic, &args, now),
        Command::Import(args) => exchange::import(&mut store, clinic, &args, &actor, now),
        Command::Backup(args) => exchange::backup(&mut store, &args),
    }
}

/// Refuses a command that works on the database before it is opened (a restore, a migration)
/// unless whoever asks signs in with a role that may, and says who that was. A database that
/// is damaged (it opens for reading only, or not at all for that reason) is left to whoever
/// holds its file, as is a new file or one that holds nothing yet; any other reason it cannot
/// be opened (locked, newer, a server that does not answer) refuses the command.
fn allowed_before_opening(
    locator: &Locator,
    credentials: &auth::Credentials,
    action: Action,
) -> Result<(
    Option<frontdesk::signin::SignedIn>,
    Option<frontdesk::store::cipher::DatabaseKey>,
)> {
    if locator.file().is_some_and(|path| !path.exists()) {
        return Ok((None, None));
    }
    let (store, key) = match store::unlock::sealed_file(locator) {
        Some(_) => auth::open(locator, credentials)?,
        None => match store::open(locator) {
            Ok(store) => (store, None),
            Err(store::StoreError::Damaged { .. }) => return Ok((None, None)),
            Err(e) => return Err(e.into()),
        },
    };
    if store.damage().is_some() {
        return Ok((None, key));
    }
    if !store.sign_in_ready()? && store.clinics()?.is_empty() {
        return Ok((None, key));
    }
    let store = auth::sign_in(store, credentials)?;
    store.allow(action)?;
    Ok((Some(store.who().clone()), key))
}

fn demo_command(
    store: &mut dyn Store,
    args: &DemoArgs,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let zone: chrono_tz::Tz = args.tz.parse().map_err(|_| {
        anyhow!(
            "--tz \"{}\" is not an IANA time zone: use a name such as Asia/Kolkata, Europe/London or America/New_York",
            args.tz
        )
    })?;
    let today = match &args.today {
        Some(text) => resolve::date("--today", text)?,
        None => local_date(zone, now),
    };
    if args.if_empty && !store.clinics()?.is_empty() {
        return Ok(());
    }
    let patients = args.patients.unwrap_or((args.appointments / 5).max(200));
    let options = DemoOptions {
        appointments: args.appointments,
        patients,
        zone,
        seed: args.seed,
        today,
        now,
    };
    let started = std::time::Instant::now();
    let mut stderr = std::io::stderr();
    let terminal = stderr.is_terminal();
    let mut show = |p: Progress| {
        let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
        if !terminal {
            // In a log, one line per phase and per tenth is enough.
            if p.phase != "appointments" || percent.is_multiple_of(10) {
                let _ = writeln!(stderr, "demo: {} {} of {}", p.phase, p.done, p.total);
            }
            return;
        }
        let _ = write!(
            stderr,
            "\rdemo: {:<12} {:>9} of {:<9} ({percent:>3}%)",
            p.phase, p.done, p.total
        );
        let _ = stderr.flush();
    };
    let summary = demo::build(store, &options, &mut show)?;
    if terminal {
        eprintln!();
    }
    println!(
        "Created {} in {}: {} doctors, {} rooms, {} patients, {} appointments from {} to {} ({:.1} s).",
        demo::CLINIC_NAME,
        store.locator(),
        summary.doctors,
        summary.rooms,
        summary.patients,
        summary.appointments,
        summary.first_date,
        summary.last_date,
        started.elapsed().as_secs_f64()
    );
    for staff in
        demo::set_demo_passwords(store, &frontdesk::signin::this_desk(), chrono::Utc::now())?
    {
        println!("{staff}");
    }
    Ok(())
}

fn agenda(
    store: &dyn Store,
    clinic: Option<&str>,
    args: &AgendaArgs,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    let first = match &args.date {
        Some(text) => resolve::date("--date", text)?,
        None => local_date(zone, now),
    };
    // --days is 1 to 366 (clap checked it) and the date is at most 2199-12-31: no overflow.
    let last = first
        .checked_add_days(Days::new(u64::from(args.days.saturating_sub(1))))
        .ok_or_else(|| anyhow!("--days {} runs past the calendar's end", args.days))?;
    let window = Interval::new(local_day(zone, first).start, local_day(zone, last).end);
    let filter = match (&args.doctor, &args.room) {
        (Some(d), _) => AgendaFilter::Doctor(resolve::doctor(store, d)?.id),
        (None, Some(r)) => AgendaFilter::Room(resolve::room(store, clinic.id, r)?.id),
        (None, None) => AgendaFilter::All,
    };
    let entries = store.agenda(clinic.id, window, filter)?;
    output::agenda(&clinic, first, last, &entries, args.format)
}

#[cfg(test)]
mod tests {
    use super::said_once;
    use anyhow::Context;

    #[test]
    fn a_cause_its_context_already_says_is_left_out() {
        #[derive(Debug, thiserror::Error)]
        #[error("a reason is required to cancel")]
        struct Inner;
        #[derive(Debug, thiserror::Error)]
        #[error("{0}")]
        struct Outer(#[source] Inner);
        let error = anyhow::Error::new(Outer(Inner)).context("cannot cancel Asha's visit");
        assert_eq!(
            said_once(&error),
            "cannot cancel Asha's visit: a reason is required to cancel"
        );
        let plain: anyhow::Result<()> = Err(anyhow::anyhow!("refused")).context("cannot book");
        assert_eq!(said_once(&plain.unwrap_err()), "cannot book: refused");
    }
}
