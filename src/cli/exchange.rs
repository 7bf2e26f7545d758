//! `export`, `import`, `backup` and `restore` on the command line, and the daily backup at the
//! first command of the day. Progress goes to stderr (a line that updates in a terminal, a line
//! per tenth in a log); results to stdout; bad rows to stderr, one per line.

use frontdesk::scheduling::entry::echo_path;
use std::io::{IsTerminal, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use chrono::{DateTime, Utc};
use frontdesk::export::{self, ExportQuery, Format, Progress, Scope};
use frontdesk::import::{self, FileKind, ImportOptions, ImportReport};
use frontdesk::scheduling::entry::shown;
use frontdesk::store::backup::{self, BackupPolicy};
use frontdesk::store::{self, Locator, Store, maintenance};

use super::args::{
    BackupArgs, Command, ExportArgs, ExportFormat, ImportArgs, ImportWhat, MigrateArgs, RestoreArgs,
};
use super::resolve;

/// Shows progress on stderr as `label: phase done of total`.
fn progress(label: &'static str) -> impl FnMut(Progress) {
    let mut stderr = std::io::stderr();
    let terminal = stderr.is_terminal();
    let mut last_tenth = u64::MAX;
    move |p: Progress| {
        let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
        if terminal {
            let _ = write!(
                stderr,
                "\r{label}: {:<9} {:>9} of {:<9} ({percent:>3}%)",
                p.phase, p.done, p.total
            );
            if p.done >= p.total {
                let _ = writeln!(stderr);
            }
            let _ = stderr.flush();
        } else if percent / 10 != last_tenth {
            last_tenth = percent / 10;
            let _ = writeln!(stderr, "{label}: {} {} of {}", p.phase, p.done, p.total);
        }
    }
}

/// `frontdesk export ics|csv|fhir`.
pub fn export(
    store: &mut dyn Store,
    clinic: Option<&str>,
    args: &ExportArgs,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let from = args
        .from
        .as_deref()
        .map(|d| resolve::date("--from", d))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|d| resolve::date("--to", d))
        .transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!("--from {f} is after --to {t}: give the earlier date first");
    }
    let scope = match (&args.doctor, &args.room) {
        (Some(d), _) => Scope::Doctor(resolve::doctor(store, d)?.id),
        (None, Some(r)) => Scope::Room(resolve::room(store, clinic.id, r)?.id),
        (None, None) => Scope::All,
    };
    let format = match args.format {
        ExportFormat::Ics => Format::Ics,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Fhir => Format::Fhir,
    };
    let set = store.export_set(&ExportQuery {
        clinic: clinic.id,
        from,
        to,
        scope,
    })?;
    let summary = export::write_file(&args.out, format, &set, now, &mut progress("export"))?;
    println!("{summary}.");
    Ok(())
}

fn print_report(file: &Path, report: &ImportReport, what: &str) -> Result<()> {
    let mut stderr = std::io::stderr().lock();
    // Reasons quote the file's cells: escaped, so a cell cannot forge a line or a colour.
    for notice in &report.notices {
        let _ = writeln!(
            stderr,
            "{}: note: {}",
            echo_path(file),
            shown(&notice.to_string())
        );
    }
    for bad in &report.bad {
        let _ = writeln!(stderr, "{}: {}", echo_path(file), shown(&bad.to_string()));
    }
    if !report.bad.is_empty() {
        bail!("{}", report.summary(what));
    }
    println!("{}", report.summary(what));
    Ok(())
}

/// `frontdesk import patients|appointments FILE`.
pub fn import(
    store: &mut dyn Store,
    clinic: Option<&str>,
    args: &ImportArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", echo_path(&args.file)))?;
    let name = |e: import::ImportError| anyhow!("{}: {e}", echo_path(&args.file));
    let text = import::decode(&bytes).map_err(name)?;
    let text: &str = &text;
    let options = ImportOptions {
        clinic: clinic.id,
        dry_run: args.dry_run,
        overbook: args.overbook.clone(),
        source: args
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        default_doctor: args
            .doctor
            .as_deref()
            .map(|d| resolve::doctor(store, d).map(|d| d.id))
            .transpose()?,
    };
    let mut show = progress("import");
    match args.what {
        ImportWhat::Patients => {
            if import::detect(text) == FileKind::Ics {
                bail!(
                    "{}: patients are imported from CSV; import a calendar with `frontdesk import appointments`",
                    echo_path(&args.file)
                );
            }
            let parsed = import::patients::parse_csv(text).map_err(name)?;
            let report = store.import_patients(&parsed, &options, &mut show)?;
            print_report(&args.file, &report, "patients")
        }
        ImportWhat::Appointments => {
            let parsed = match import::detect(text) {
                FileKind::Ics => import::appointments::parse_ics(text),
                FileKind::Csv => import::appointments::parse_csv(text),
            }
            .map_err(name)?;
            let report = store.import_appointments(&parsed, &options, actor, now, &mut show)?;
            print_report(&args.file, &report, "appointments")
        }
    }
}

/// `frontdesk backup FILE`.
pub fn backup(store: &mut dyn Store, args: &BackupArgs) -> Result<()> {
    let report = store.backup_to(&args.file, &mut progress("backup"))?;
    println!(
        "Backed up {} to {} ({}).",
        store.locator(),
        echo_path(&report.path),
        export::file_size(report.bytes)
    );
    Ok(())
}

/// `frontdesk restore FILE`: checks the backup (a plain database, or one of the compact daily
/// backups), waits until no window or command has the database open, keeps the current
/// database beside it, puts the backup in its place and opens it (migrating an older backup).
pub fn restore(
    locator: &Locator,
    args: &RestoreArgs,
    now: DateTime<Utc>,
    key: Option<&frontdesk::store::cipher::DatabaseKey>,
) -> Result<()> {
    let report =
        maintenance::restore_keyed(locator, &args.file, key, now, &mut progress("restore"))?;
    let store = store::open_keyed(locator, key)?;
    let check = store.check()?;
    println!("Restored {locator} from {}.", echo_path(&args.file));
    if let Some(kept) = report.kept {
        println!("The database it replaced is kept as {}.", echo_path(&kept));
    }
    if !check.is_ok() {
        bail!("the restored database fails `frontdesk check`: run it to see why");
    }
    Ok(())
}

/// Moves the clinic between a file and a server (see `frontdesk migrate`), then checks the
/// copy and says what it holds.
pub fn migrate(
    from: &Locator,
    args: &MigrateArgs,
    key: Option<&frontdesk::store::cipher::DatabaseKey>,
) -> Result<()> {
    let to = Locator::parse_os(&args.to)?;
    let report = store::migrate_keyed(from, key, &to, &mut progress("migrate"))?;
    let check = store::open(&to)?.check()?;
    println!("Copied the clinic from {from} to {to}, checked and counted:");
    for (table, rows) in &report.tables {
        println!("  {table}: {rows}");
    }
    println!("{} rows in all.", report.rows());
    if !check.is_ok() {
        bail!("the copy fails `frontdesk check`: run `frontdesk --db {to} check` to see why");
    }
    Ok(())
}

/// The first command of the day starts today's automatic backup in a process of its own
/// (`frontdesk daily-backup`), which it does not wait for: the copy and its compression take
/// seconds on a large clinic, and no command should wait for them. A failure of the last one
/// is reported here, on every command until a backup succeeds.
pub fn daily_backup(
    locator: &Locator,
    key: Option<&frontdesk::store::cipher::DatabaseKey>,
    command: &Command,
    keep: usize,
    now: DateTime<Utc>,
) {
    // Only a database file has backups beside it; a server keeps its own.
    let Some(path) = locator.file() else {
        return;
    };
    if matches!(
        command,
        Command::Demo(_)
            | Command::Backup(_)
            | Command::Restore(_)
            | Command::Migrate(_)
            | Command::DailyBackup
    ) {
        return;
    }
    if let Some(reason) = backup::last_failure(path) {
        // Read from a file in the backups folder: escaped, as anything a file holds.
        eprintln!(
            "frontdesk: warning: the last automatic backup failed ({}); it is tried again now, and `frontdesk backup FILE` makes one by hand",
            frontdesk::scheduling::entry::shown(&reason)
        );
    }
    let today = now.with_timezone(&chrono::Local).date_naive();
    if !backup::daily_due(path, today, BackupPolicy { keep }) {
        return;
    }
    if let Some(why) = backup::cannot_start(path) {
        eprintln!("frontdesk: warning: today's automatic backup cannot be made: {why}");
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let started = std::process::Command::new(exe)
        .arg("--db")
        .arg(path)
        .arg("--keep-backups")
        .arg(keep.to_string())
        .arg("--now")
        .arg(now.to_rfc3339())
        .arg("daily-backup")
        // An encrypted database's key goes on a pipe: never on the command line or in the
        // environment, which other users' tools can read.
        .stdin(if key.is_some() {
            std::process::Stdio::piped()
        } else {
            std::process::Stdio::null()
        })
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        // Its own process group: Ctrl+C on this command does not stop the backup.
        .process_group(0)
        .spawn();
    match started {
        Err(e) => eprintln!("frontdesk: warning: today's automatic backup could not start: {e}"),
        Ok(mut child) => {
            if let (Some(key), Some(mut pipe)) = (key, child.stdin.take())
                && let Err(e) = key.send(&mut pipe)
            {
                eprintln!("frontdesk: warning: today's automatic backup could not start: {e}");
            }
        }
    }
}

/// `frontdesk daily-backup`: makes today's backup now (if no other process is making it).
pub fn daily_backup_now(locator: &Locator, keep: usize, now: DateTime<Utc>) -> Result<()> {
    let today = now.with_timezone(&chrono::Local).date_naive();
    // An encrypted database: the key comes on standard input from the command that started
    // this one (never from a terminal: a person signs in to back up, `frontdesk backup`).
    let key = match frontdesk::store::unlock::sealed_file(locator) {
        None => None,
        Some(path) => {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() {
                anyhow::bail!(
                    "{locator} is encrypted: make a backup with `frontdesk --as NAME backup FILE`; the automatic one is started by the commands that sign in"
                );
            }
            let slots = frontdesk::store::cipher::KeySlots::load(path)?;
            Some(slots.receive_key(&mut std::io::stdin().lock())?)
        }
    };
    match maintenance::daily_backup_keyed(locator, key.as_ref(), today, BackupPolicy { keep })? {
        Some(report) => {
            tracing::info!(bytes = report.bytes, kind = ?report.kind, "daily backup made");
            println!("Backed up {locator} to {}.", echo_path(&report.path));
        }
        None => println!("No backup was needed."),
    }
    Ok(())
}
