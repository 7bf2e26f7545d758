//! The command line's grammar (clap): global options and one subcommand per operation.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::numbers;

/// Where Frontdesk keeps its files, shown at the end of `--help`.
const FILES: &str = "\
Files:
  ~/.local/share/frontdesk/frontdesk.sqlite3  the database, unless --db or FRONTDESK_DB names one
  ~/.local/state/frontdesk/frontdesk.log      the log: what ran, and errors, never patient data
                                              (FRONTDESK_LOG=off|error|warn|info|debug sets how much)";

/// Reads `--as` (or `FRONTDESK_AS`): a name to record changes under, trimmed; empty, control
/// characters and very long names are refused before anything is opened.
fn language(text: &str) -> Result<frontdesk::i18n::Language, String> {
    frontdesk::i18n::Language::from_locale(text).ok_or_else(|| {
        let known: Vec<&str> = frontdesk::i18n::Language::ALL
            .iter()
            .map(|l| l.code())
            .collect();
        format!(
            "Frontdesk is not written in that language: give one of {}",
            known.join(", ")
        )
    })
}

fn desk_name(text: &str) -> Result<String, String> {
    frontdesk::scheduling::staff::desk_name(text)
        .map(str::to_owned)
        .map_err(|e| e.to_string())
}

/// Frontdesk: book, move, confirm, check in and cancel clinic appointments.
#[derive(Debug, Parser)]
#[command(name = "frontdesk", version, about, long_about = None, after_help = FILES)]
pub struct Cli {
    /// The database: a file (default: frontdesk.sqlite3 in your data folder), or a PostgreSQL
    /// server, postgres://USER@HOST/DATABASE (several desks).
    #[arg(long, global = true, env = "FRONTDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Sign in as this staff member (the password is asked for at a prompt that does not echo,
    /// or read from FRONTDESK_PASSWORD); every change is recorded under this name.
    #[arg(long = "as", global = true, env = "FRONTDESK_AS", value_name = "NAME",
          value_parser = desk_name)]
    pub actor: Option<String>,
    /// Sign an unattended job (cron's `reminders send`, `backup`) in with this service
    /// credential file, issued by an administrator (`service-credential issue`).
    #[arg(
        long,
        global = true,
        env = "FRONTDESK_SERVICE_CREDENTIAL",
        value_name = "FILE"
    )]
    pub service_credential: Option<PathBuf>,
    /// Which clinic, when the database holds several.
    #[arg(long, global = true, value_name = "NAME")]
    pub clinic: Option<String>,
    /// How many daily backups to keep in the `backups` folder beside the database (0: none).
    #[arg(
        long,
        global = true,
        env = "FRONTDESK_KEEP_BACKUPS",
        value_name = "N",
        default_value_t = 14,
        value_parser = numbers::keep_backups,
        allow_negative_numbers = true
    )]
    pub keep_backups: usize,
    /// Lock the window after this many minutes without a key or a click (1 to 240).
    #[arg(
        long,
        global = true,
        env = "FRONTDESK_LOCK_AFTER",
        value_name = "MINUTES",
        default_value_t = 5,
        value_parser = numbers::lock_after,
        allow_negative_numbers = true
    )]
    pub lock_after: u64,
    /// The window's language for this run (en, hi), whatever this desk chose in Settings; the
    /// command line itself stays in English.
    #[arg(long, global = true, env = "FRONTDESK_LANGUAGE", value_name = "CODE",
          value_parser = language)]
    pub language: Option<frontdesk::i18n::Language>,
    /// Pretend it is this instant (RFC 3339); for tests and training.
    #[arg(long, global = true, env = "FRONTDESK_NOW", hide = true)]
    pub now: Option<String>,
    /// What to do; without one, the calendar window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// One operation.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a demo clinic with doctors, rooms, patients and appointments in a new database.
    Demo(DemoArgs),
    /// Show the appointments of a day (or several).
    Agenda(AgendaArgs),
    /// Book an appointment, a walk-in or an emergency.
    Book(BookArgs),
    /// Change an appointment's status.
    Status(StatusArgs),
    /// Show the queue board on a TV: who is called now and each doctor's waiting tokens, full
    /// screen, live (signs in with a service credential: see `frontdesk board --help`).
    Board(super::board::BoardArgs),
    /// Let patients check themselves in at a touch screen: phone number, then birth date or
    /// the code from their reminder (signs in with a service credential: see `frontdesk kiosk
    /// --help`).
    Kiosk(super::board::KioskArgs),
    /// The waiting room: call a doctor's or a room's next patient (by the clinic's call order),
    /// call one patient (again), or say a called patient is not here.
    Call(super::call::CallArgs),
    /// Move an appointment to another time, doctor or room.
    Move(MoveArgs),
    /// Find the next free slots.
    Slots(SlotsArgs),
    /// Show an appointment's history: who changed what, when and why.
    History(HistoryArgs),
    /// Check the database: integrity, foreign keys, schema version, double bookings.
    Check,
    /// The waitlist: patients waiting for an earlier slot (add, list, remove).
    Waitlist(super::waitlist::WaitlistArgs),
    /// Print a manager report over a range of dates: room or clinician utilisation, no-shows,
    /// waiting times or the busiest hours.
    Report(ReportArgs),
    /// Save the printable day sheet (PDF) of a doctor or a room.
    Daysheet(DaysheetArgs),
    /// Reminders: send the due ones (for cron), or list the outbox.
    Reminders(RemindersArgs),
    /// Export appointments to iCalendar, CSV or FHIR R4 JSON.
    Export(ExportArgs),
    /// Import patients (CSV) or appointments (CSV or iCalendar); all rows or none.
    Import(ImportArgs),
    /// Back up the database to a file, safely while desks keep working.
    Backup(BackupArgs),
    /// Replace the database with a checked backup; the replaced one is kept beside it.
    Restore(RestoreArgs),
    /// Move the clinic between a database file and a PostgreSQL server, all or nothing,
    /// checked and counted: `--db clinic.sqlite3 migrate --to postgres://…` onto an empty
    /// database (several desks), or `--db postgres://… migrate --to new.sqlite3`.
    Migrate(MigrateArgs),
    /// Encrypt this database file (an administrator): its key wrapped by your password, and a
    /// recovery key printed once; the plaintext copies are removed once you agree.
    Encrypt(super::encrypt::EncryptArgs),
    /// Every administrator's password lost: give an administrator a new password with the
    /// encrypted database's recovery key (asked for at a prompt, or in
    /// FRONTDESK_RECOVERY_KEY).
    Recover(super::recover::RecoverArgs),
    /// Read the access log (an administrator): who opened, searched, printed, exported,
    /// imported, backed up, restored, signed in or changed permissions.
    AccessLog(super::access_log::AccessLogArgs),
    /// Create a new database's first administrator (the password is asked for twice, or read
    /// from FRONTDESK_PASSWORD).
    FirstAdministrator(FirstAdministratorArgs),
    /// Issue or revoke the service credential of an unattended job (an administrator).
    ServiceCredential(ServiceCredentialArgs),
    /// Make today's automatic backup (the first command of a day starts this in the
    /// background; it is not meant to be typed).
    #[command(hide = true)]
    DailyBackup,
}

/// `frontdesk first-administrator`.
#[derive(Debug, Args)]
pub struct FirstAdministratorArgs {
    /// The administrator's name, e.g. "Arjun Iyer".
    #[arg(long, value_parser = desk_name)]
    pub name: String,
}

/// `frontdesk service-credential`.
#[derive(Debug, Args)]
pub struct ServiceCredentialArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: ServiceCredentialCommand,
}

/// A service credential operation.
#[derive(Debug, Subcommand)]
pub enum ServiceCredentialCommand {
    /// Issue a credential (replacing any earlier one of that name) into a new file, mode 0600.
    Issue {
        /// Its name: lower-case letters, digits, '-' or '_', e.g. reminders.
        name: String,
        /// The new file to write it to.
        #[arg(long)]
        file: PathBuf,
    },
    /// Revoke a credential: its file no longer signs in.
    Revoke {
        /// Its name.
        name: String,
    },
}

/// `frontdesk reminders`.
#[derive(Debug, Args)]
pub struct RemindersArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: RemindersCommand,
}

/// A reminders operation.
#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// Plan and deliver every due reminder, then print a summary (for a cron job). Exits
    /// non-zero only when the database cannot be used, not when a server refuses a reminder.
    Send,
    /// List the outbox: due, failed, sent or skipped reminders.
    Outbox(OutboxArgs),
}

/// Which part of the outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutboxState {
    /// Waiting for their time (and overdue).
    Due,
    /// Failed, with the error.
    Failed,
    /// Sent.
    Sent,
    /// Skipped, with the reason.
    Skipped,
}

/// `frontdesk reminders outbox`.
#[derive(Debug, Args)]
pub struct OutboxArgs {
    /// Which reminders.
    #[arg(long, value_enum, default_value_t = OutboxState::Due)]
    pub state: OutboxState,
    /// At most this many (1 to 10,000).
    #[arg(long, default_value_t = 50, value_name = "N", value_parser = numbers::outbox_rows,
          allow_negative_numbers = true)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `frontdesk demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many appointments to create (at most 5,000,000).
    #[arg(long, default_value_t = 20_000, value_name = "N",
          value_parser = numbers::demo_appointments, allow_negative_numbers = true)]
    pub appointments: u64,
    /// How many patients (default: one for every five appointments, at least 200; at most
    /// 1,000,000).
    #[arg(long, value_name = "N", value_parser = numbers::demo_patients,
          allow_negative_numbers = true)]
    pub patients: Option<u64>,
    /// The clinic's IANA time zone.
    #[arg(long, default_value = "Asia/Kolkata", value_name = "ZONE")]
    pub tz: String,
    /// The same seed (and date) gives the same clinic.
    #[arg(long, default_value_t = 1, value_name = "S", value_parser = numbers::seed,
          allow_negative_numbers = true)]
    pub seed: u64,
    /// The date to treat as today (YYYY-MM-DD; default: today in the clinic's zone).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Succeed without doing anything when the database already holds a clinic (first runs).
    #[arg(long)]
    pub if_empty: bool,
}

/// Output format of `agenda`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Text,
    /// One JSON object per line, for scripts.
    Json,
}

/// `frontdesk agenda`.
#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The day (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// How many days from that date (1 to 366).
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = numbers::days,
          allow_negative_numbers = true)]
    pub days: u32,
    /// Only this doctor.
    #[arg(long, value_name = "NAME", conflicts_with = "room")]
    pub doctor: Option<String>,
    /// Only this room.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Consultation mode on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// At the clinic.
    InClinic,
    /// By phone.
    Phone,
    /// By video.
    Video,
}

/// `frontdesk book`.
#[derive(Debug, Args)]
pub struct BookArgs {
    /// The patient's name, or their id.
    #[arg(long, value_name = "NAME")]
    pub patient: String,
    /// The patient's phone: picks one of several patients with the same name, or is stored for a
    /// new patient.
    #[arg(long, value_name = "NUMBER")]
    pub phone: Option<String>,
    /// Register the patient if no patient of that name exists.
    #[arg(long)]
    pub new_patient: bool,
    /// The doctor (a unique part of the name is enough).
    #[arg(long, value_name = "NAME")]
    pub doctor: String,
    /// Clinic-local start, "YYYY-MM-DD HH:MM" (walk-ins: default the first free slot from now;
    /// emergencies: default now).
    #[arg(long, value_name = "\"DATE HH:MM\"")]
    pub start: Option<String>,
    /// Length in minutes, 1 to 480 (default: the visit type's, else the clinic's slot length).
    #[arg(long, value_name = "N", value_parser = numbers::visit_minutes,
          allow_negative_numbers = true)]
    pub minutes: Option<u32>,
    /// The room.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// The visit type, e.g. "Follow-up".
    #[arg(long = "type", value_name = "NAME")]
    pub visit_type: Option<String>,
    /// In clinic, phone or video (default: the visit type's).
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// The patient walked in: checked in now, with a queue token.
    #[arg(long, conflicts_with = "emergency")]
    pub walk_in: bool,
    /// An emergency: checked in now, seen at once, overbooking if it must.
    #[arg(long)]
    pub emergency: bool,
    /// Why the patient comes.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub reason: String,
    /// Book despite conflicts, with this reason (recorded in the audit).
    #[arg(long, value_name = "REASON")]
    pub overbook: Option<String>,
    /// Repeat: a rule such as "weekly;interval=1;byday=TU,TH;count=10" or
    /// "daily;interval=2;until=2027-01-31" (RRULE form also read). Every occurrence keeps the
    /// wall time of --start.
    #[arg(long, value_name = "RULE", conflicts_with_all = ["walk_in", "emergency"])]
    pub repeat: Option<String>,
    /// With --repeat: book the free occurrences and leave out the conflicting ones (without it,
    /// any conflict saves nothing; with --overbook, they are overbooked).
    #[arg(long, requires = "repeat", conflicts_with = "overbook")]
    pub skip_conflicts: bool,
}

/// A status change on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// The patient confirmed.
    Confirm,
    /// The patient arrived.
    CheckIn,
    /// The consultation starts.
    Start,
    /// The consultation is over.
    Complete,
    /// The patient did not come.
    NoShow,
    /// Call it off (needs --reason).
    Cancel,
    /// It was a mistake (needs --reason).
    EnteredInError,
}

/// Who cancelled, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// The patient asked.
    Patient,
    /// The clinic called it off.
    Clinic,
}

/// `frontdesk status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The appointment's id (from `frontdesk agenda`).
    pub id: String,
    /// The change.
    #[arg(value_enum)]
    pub action: StatusArg,
    /// Why (required for cancel and entered-in-error).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Who cancelled.
    #[arg(long, value_enum, default_value_t = ByArg::Patient)]
    pub by: ByArg,
}

/// `frontdesk move`.
#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The appointment's id.
    pub id: String,
    /// The new clinic-local start, "YYYY-MM-DD HH:MM".
    #[arg(long, value_name = "\"DATE HH:MM\"")]
    pub start: String,
    /// Another doctor.
    #[arg(long, value_name = "NAME")]
    pub doctor: Option<String>,
    /// Another room.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// Move despite conflicts, with this reason.
    #[arg(long, value_name = "REASON")]
    pub overbook: Option<String>,
}

/// `frontdesk slots`.
#[derive(Debug, Args)]
pub struct SlotsArgs {
    /// Length of the visit in minutes (1 to 480).
    #[arg(long, value_name = "N", value_parser = numbers::visit_minutes,
          allow_negative_numbers = true)]
    pub minutes: u32,
    /// Only this doctor (with --room: both free).
    #[arg(long, value_name = "NAME")]
    pub doctor: Option<String>,
    /// Only this room; "any" for whichever room is free (with --doctor or for any doctor).
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// From this date or "date HH:MM" (default: now).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// How many slots (1 to 500).
    #[arg(long, default_value_t = 5, value_name = "K", value_parser = numbers::slot_count,
          allow_negative_numbers = true)]
    pub count: usize,
    /// How many days ahead to look (1 to 366).
    #[arg(long, default_value_t = 90, value_name = "N", value_parser = numbers::days,
          allow_negative_numbers = true)]
    pub days: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The last date to search (YYYY-MM-DD, inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only visits that start at or after this clinic-local time (HH:MM).
    #[arg(long, value_name = "HH:MM")]
    pub after: Option<String>,
    /// Only visits that end by this clinic-local time (HH:MM).
    #[arg(long, value_name = "HH:MM")]
    pub before: Option<String>,
}

/// `frontdesk history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The appointment's id.
    pub id: String,
}

/// Which report `frontdesk report` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    /// Room utilisation: open, booked and used minutes per room.
    Rooms,
    /// Room utilisation per room and day.
    RoomDays,
    /// Clinician utilisation: working, booked and used minutes per doctor.
    Doctors,
    /// No-show and late-cancel rates per doctor and per visit type.
    NoShows,
    /// Waiting time (arrival to consultation) and consultation length per doctor.
    Waiting,
    /// Booked appointments by weekday and hour.
    BusiestHours,
}

/// Output format of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned columns for people.
    Text,
    /// RFC 4180 CSV with a header line, for spreadsheets.
    Csv,
    /// One JSON object per row, for scripts.
    Json,
}

/// `frontdesk report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report.
    #[arg(value_enum)]
    pub kind: ReportKind,
    /// The first date (YYYY-MM-DD; default: 29 days before --to).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last date, included (YYYY-MM-DD; default: today). At most 366 days in all.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// `frontdesk daysheet`.
#[derive(Debug, Args)]
pub struct DaysheetArgs {
    /// The day (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The doctor whose day it is (or give --room).
    #[arg(long, value_name = "NAME", conflicts_with = "room")]
    pub doctor: Option<String>,
    /// The room whose day it is.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// The PDF file to write (created mode 0600; it holds patient names and phones).
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
}
/// Export formats on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// iCalendar (RFC 5545) for calendar clients.
    Ics,
    /// CSV (RFC 4180) for spreadsheets.
    Csv,
    /// FHIR R4 JSON Bundle for EMRs.
    Fhir,
}

/// `frontdesk export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// First clinic-local date (YYYY-MM-DD), included (default: the first appointment).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last clinic-local date, included (default: the last appointment).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this doctor.
    #[arg(long, value_name = "NAME", conflicts_with = "room")]
    pub doctor: Option<String>,
    /// Only this room.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// The file to write (mode 0600; replaced if it exists).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// What `frontdesk import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportWhat {
    /// Patients from CSV.
    Patients,
    /// Appointments from CSV or iCalendar.
    Appointments,
}

/// `frontdesk import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Patients or appointments.
    #[arg(value_enum)]
    pub what: ImportWhat,
    /// The file.
    pub file: PathBuf,
    /// Check every row and report, writing nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Accept double bookings and rule conflicts with this reason (recorded in the audit).
    #[arg(long, value_name = "REASON")]
    pub overbook: Option<String>,
    /// The doctor for rows (calendar events) that name none.
    #[arg(long, value_name = "NAME")]
    pub doctor: Option<String>,
}

/// `frontdesk backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (mode 0600).
    pub file: PathBuf,
}

/// `frontdesk migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Where the clinic goes: an empty PostgreSQL database (postgres://USER@HOST/DATABASE), or
    /// a new file when --db names a server.
    #[arg(long)]
    pub to: std::ffi::OsString,
}

/// `frontdesk restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    pub file: PathBuf,
}
