//! What can go wrong in the store, in words that say what happened and what to do.

use crate::scheduling::entry::echo_path;
use std::path::PathBuf;

use crate::scheduling::{Conflict, TransitionError};

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a Frontdesk database.
    #[error("{}", crate::t!("store-not-frontdesk", file = echo_path(path)))]
    NotFrontdesk {
        /// The file.
        path: PathBuf,
    },
    /// The database is encrypted and no key was given.
    #[error("{}", crate::t!("store-encrypted", file = echo_path(path)))]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// The key given is not the database's key.
    #[error("{}", crate::t!("store-wrong-key", file = echo_path(path)))]
    WrongKey {
        /// The file.
        path: PathBuf,
    },
    /// A key was given for a database that is not encrypted.
    #[error("{}", crate::t!("store-not-encrypted", file = echo_path(path)))]
    NotEncrypted {
        /// The file.
        path: PathBuf,
    },
    /// A key slot or encryption step failed.
    #[error(transparent)]
    Cipher(#[from] super::cipher::CipherError),
    /// The database was named by a URL whose scheme this Frontdesk does not know.
    #[error("{}", crate::t!("store-unknown-scheme", scheme = scheme, known = known))]
    UnknownScheme {
        /// The URL's scheme, lower-cased (ASCII by construction; the rest of the URL is never said: it
        /// may hold a password).
        scheme: String,
        /// The schemes that are known, as a message says them.
        known: String,
    },
    /// Work that only makes sense for a database kept in a file (a copy beside it, a restore
    /// from one) was asked of an engine that keeps none.
    #[error(
        "{}",
        crate::t!("store-not-for-this-engine", what = *what, locator = locator)
    )]
    NotForThisEngine {
        /// What was asked ("a backup to a file" …).
        what: &'static str,
        /// Where the database is, as messages show it.
        locator: String,
    },
    /// A restore over a server's database in use was asked: a server's clinic is restored
    /// onto a new database instead.
    #[error("{}", crate::t!("store-restore-onto-server", server = server))]
    RestoreOntoServer {
        /// The server and database, without any password.
        server: String,
    },
    /// The file was written by a newer Frontdesk.
    #[error(
        "{}",
        crate::t!(
            "store-newer-version",
            file = echo_path(path),
            found = found.to_string(),
            supported = supported.to_string(),
        )
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The database server cannot be reached, or it refused the connection.
    #[error(
        "{}",
        crate::t!("store-server-unavailable", server = server, reason = reason)
    )]
    ServerUnavailable {
        /// The server's address, without any password.
        server: String,
        /// What went wrong, in the client's or the server's words.
        reason: String,
    },
    /// The server's database holds tables that are not Frontdesk's.
    #[error("{}", crate::t!("store-foreign-database", server = server))]
    ForeignDatabase {
        /// The server and database, without any password.
        server: String,
    },
    /// The server's database was set up by a newer Frontdesk.
    #[error(
        "{}",
        crate::t!(
            "store-newer-server-version",
            server = server,
            found = found.to_string(),
            supported = supported.to_string(),
        )
    )]
    NewerServerVersion {
        /// The server and database, without any password.
        server: String,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Another desk stored a booking for the same time first (the database refused the second).
    #[error("{}", crate::t!("store-slot-just-taken"))]
    SlotJustTaken,
    /// Another desk's change held the database longer than a desk waits (PostgreSQL).
    #[error("{}", crate::t!("store-server-busy", seconds = *seconds))]
    ServerBusy {
        /// How long this desk waited.
        seconds: u64,
    },
    /// The file (or its folder) cannot be written.
    #[error("{}", crate::t!("store-read-only", file = echo_path(path)))]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The folder the database is in cannot be written (SQLite keeps its journal there).
    #[error("{}", crate::t!("store-read-only-folder", folder = echo_path(folder)))]
    ReadOnlyFolder {
        /// The folder.
        folder: PathBuf,
    },
    /// A lock file beside the database cannot be opened (it belongs to someone else).
    #[error("{}", crate::t!("store-lock-file", file = echo_path(path)))]
    LockFile {
        /// The lock file.
        path: PathBuf,
    },
    /// The file system the database is on is mounted read-only.
    #[error("{}", crate::t!("store-read-only-file-system", file = echo_path(path)))]
    ReadOnlyFileSystem {
        /// The file.
        path: PathBuf,
    },
    /// A restore of the database has not finished.
    #[error("{}", crate::t!("store-restoring", file = echo_path(path)))]
    Restoring {
        /// The file.
        path: PathBuf,
    },
    /// The database file is damaged: it is opened for reading only.
    #[error("{}", damaged(path, summary, newest_backup.as_deref()))]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong, in one line.
        summary: String,
        /// The newest automatic backup beside it, if any (not yet checked).
        newest_backup: Option<PathBuf>,
    },
    /// Another process holds the database.
    #[error("{}", crate::t!("store-locked", file = echo_path(path)))]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// A file system error.
    #[error(
        "{}",
        crate::t!("store-io", file = echo_path(path), error = error.to_string())
    )]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause (kept out of the error chain so it is said once).
        error: std::io::Error,
    },
    /// Something named does not exist.
    #[error(
        "{}",
        crate::t!("store-not-found", what = thing(what), name = name, hint = hint)
    )]
    NotFound {
        /// What kind of thing ("doctor", "patient" …).
        what: &'static str,
        /// What was asked for.
        name: String,
        /// Extra advice, starting with "; " or empty.
        hint: String,
    },
    /// A name matches several things.
    #[error(
        "{}",
        crate::t!(
            "store-ambiguous",
            what = thing(what),
            name = name,
            candidates = candidates.join(", "),
        )
    )]
    Ambiguous {
        /// What kind of thing.
        what: &'static str,
        /// What was asked for.
        name: String,
        /// What it matched.
        candidates: Vec<String>,
    },
    /// The booking or move clashes with the rules; nothing was changed.
    #[error("{}", crate::t!("store-refused", problems = list(_0)))]
    Refused(Vec<Conflict>),
    /// A walk-in found no free time left today; nothing was changed.
    #[error("{}", no_time_left_today(doctor.as_deref(), *minutes))]
    NoTimeLeftToday {
        /// The doctor searched, or `None` when any doctor would do.
        doctor: Option<String>,
        /// The length asked for.
        minutes: i64,
    },
    /// The status change is not allowed; nothing was changed. Transparent, so the refusal is
    /// said once (its text, not its text and then again as its cause).
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// The window is locked: someone must sign in before anything is read or written.
    #[error("{}", crate::t!("store-sign-in-needed"))]
    SignInNeeded,
    /// The staff member signed in was made inactive (or removed) since, at another desk.
    #[error("{}", crate::t!("store-no-longer-active"))]
    NoLongerActive,
    /// The signed-in role may not do this; nothing was changed. Says which role it needs.
    #[error(transparent)]
    NotAllowed(#[from] crate::scheduling::permission::Refused),
    /// Bad input that no other variant covers.
    #[error("{0}")]
    Invalid(String),
    /// A stored value could not be read back.
    #[error("{}", crate::t!("store-corrupt", value = _0))]
    Corrupt(String),
    /// A settings edit breaks the setup rules; nothing was changed.
    #[error("{}", crate::t!("store-refused", problems = invalid_list(_0)))]
    SetupRefused(Vec<crate::scheduling::setup_rules::Invalid>),
    /// Any other error of the database engine.
    #[error("{}", crate::t!("store-database", error = _0.to_string()))]
    Database(DatabaseError),
    /// A backup or restore did not happen; nothing was replaced.
    #[error(transparent)]
    Backup(#[from] super::backup::BackupError),
}

/// An error of the database engine that no other [`StoreError`] names: what the engine said,
/// and its code for the logs. Which engine's error type it came from stays inside the store.
#[derive(Debug)]
pub struct DatabaseError {
    /// The engine's code, e.g. "SQLITE_CONSTRAINT_UNIQUE (2067)".
    code: String,
    /// What the engine said.
    message: String,
}

impl DatabaseError {
    /// The engine's code for this error, for the logs (never shown as the message).
    pub fn code(&self) -> &str {
        &self.code
    }
}

impl std::fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DatabaseError {}

impl From<rusqlite::Error> for DatabaseError {
    fn from(error: rusqlite::Error) -> Self {
        let code = match &error {
            rusqlite::Error::SqliteFailure(e, _) => format!("{:?} ({})", e.code, e.extended_code),
            other => variant_of(other),
        };
        DatabaseError {
            code,
            message: error.to_string(),
        }
    }
}

/// The variant's name of an error's `Debug` form, without the values it holds.
fn variant_of(error: &rusqlite::Error) -> String {
    let debug = format!("{error:?}");
    let end = debug
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(debug.len());
    debug[..end].to_owned()
}

fn list(conflicts: &[Conflict]) -> String {
    conflicts
        .iter()
        .map(|c| format!("  - {c}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A kind of thing as a message names it ("doctor", "visit type" …): the store and the command
/// line name kinds in English words, and the message says them in the desk's language.
pub(crate) fn thing(what: &str) -> String {
    match what {
        "appointment" => crate::t!("store-thing-appointment"),
        "blockout" => crate::t!("store-thing-blockout"),
        "clinic" => crate::t!("store-thing-clinic"),
        "doctor" => crate::t!("store-thing-doctor"),
        "doctor or room" => crate::t!("store-thing-doctor-or-room"),
        "leave" => crate::t!("store-thing-leave"),
        "password" => crate::t!("store-thing-password"),
        "patient" => crate::t!("store-thing-patient"),
        "reminder" => crate::t!("store-thing-reminder"),
        "room" => crate::t!("store-thing-room"),
        "series" => crate::t!("store-thing-series"),
        "service credential" => crate::t!("store-thing-service-credential"),
        "staff member" => crate::t!("store-thing-staff-member"),
        "visit type" => crate::t!("store-thing-visit-type"),
        "waitlist entry" => crate::t!("store-thing-waitlist-entry"),
        other => other.to_owned(),
    }
}

/// "X is damaged (…)", with the newest daily backup named when there is one.
fn damaged(
    path: &std::path::Path,
    summary: &str,
    newest_backup: Option<&std::path::Path>,
) -> String {
    let file = echo_path(path);
    match newest_backup {
        Some(backup) => crate::t!(
            "store-damaged-with-backup",
            file = file,
            summary = summary,
            backup = echo_path(backup),
        ),
        None => crate::t!("store-damaged", file = file, summary = summary),
    }
}

/// "Dr X has no free 15 minutes left today…", or the same of every doctor.
fn no_time_left_today(doctor: Option<&str>, minutes: i64) -> String {
    match doctor {
        Some(doctor) => crate::t!(
            "store-no-time-left-today",
            doctor = doctor,
            minutes = minutes
        ),
        None => crate::t!("store-no-time-left-today-any-doctor", minutes = minutes),
    }
}

fn invalid_list(problems: &[crate::scheduling::setup_rules::Invalid]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl StoreError {
    /// Turns a SQLite error into the error a user can act on, for the database at `path`.
    pub(crate) fn from_sqlite(error: rusqlite::Error, path: &std::path::Path) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(e, _) = &error {
            match e.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                    return StoreError::Locked { path: path.into() };
                }
                ErrorCode::ReadOnly => return StoreError::ReadOnly { path: path.into() },
                ErrorCode::NotADatabase => return StoreError::NotFrontdesk { path: path.into() },
                ErrorCode::DatabaseCorrupt => {
                    return StoreError::Damaged {
                        path: path.into(),
                        summary: super::integrity::unreadable(&error),
                        newest_backup: None,
                    };
                }
                _ => {}
            }
        }
        StoreError::Database(error.into())
    }
}

impl StoreError {
    /// Turns a PostgreSQL error into the error a user can act on.
    pub(crate) fn from_postgres(error: postgres::Error) -> Self {
        use postgres::error::SqlState;
        let unavailable = |reason: String| StoreError::ServerUnavailable {
            server: String::new(),
            reason,
        };
        if let Some(state) = error.code() {
            if *state == SqlState::EXCLUSION_VIOLATION {
                return StoreError::SlotJustTaken;
            }
            if *state == SqlState::LOCK_NOT_AVAILABLE {
                return StoreError::ServerBusy {
                    seconds: super::postgres::LOCK_WAIT_SECONDS,
                };
            }
            let class = state.code().get(..2).unwrap_or("");
            // Connection exceptions (08), refused sign-in (28), too many connections (53300),
            // the server shutting down or restarting (57P0x).
            if matches!(class, "08" | "28")
                || *state == SqlState::TOO_MANY_CONNECTIONS
                || state.code().starts_with("57P0")
            {
                return unavailable(
                    error
                        .as_db_error()
                        .map_or_else(|| error.to_string(), |db| db.message().to_owned()),
                );
            }
        } else if error.is_closed() || error.as_db_error().is_none() {
            // No SQLSTATE: the connection itself failed (refused, reset, timed out, closed,
            // or TLS refused the server): say why, down to the cause.
            let said = causes(&error);
            if said.contains("server does not support TLS") {
                return unavailable(crate::t!("store-server-without-tls"));
            }
            return unavailable(said);
        }
        let code = error
            .code()
            .map(|c| c.code().to_owned())
            .unwrap_or_else(|| "connection".to_owned());
        let message = match error.as_db_error() {
            Some(db) => db.message().to_owned(),
            None => error.to_string(),
        };
        StoreError::Database(DatabaseError { code, message })
    }
}

/// An error and its causes, "error connecting to server: Connection refused (os error 111)".
fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let said = cause.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        source = cause.source();
    }
    text
}

/// Short for results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl From<rusqlite::Error> for StoreError {
    /// Classifies the error without a path; [`StoreError::with_path`] fills it in.
    fn from(error: rusqlite::Error) -> Self {
        StoreError::from_sqlite(error, std::path::Path::new(""))
    }
}

impl From<super::sql::Error> for StoreError {
    /// Classifies an error of either engine; a value that cannot be read is reported as SQLite
    /// reported it before the store spoke to more than one engine.
    fn from(error: super::sql::Error) -> Self {
        use super::sql::Error;
        match error {
            Error::Sqlite(e) => StoreError::from(e),
            Error::NoRows => StoreError::from(rusqlite::Error::QueryReturnedNoRows),
            Error::Conversion { column, what } => {
                StoreError::from(rusqlite::Error::FromSqlConversionFailure(
                    column,
                    rusqlite::types::Type::Text,
                    what.into(),
                ))
            }
            Error::Postgres(e) => StoreError::from_postgres(e),
        }
    }
}

impl StoreError {
    /// Fills in the database path where the error was made without one.
    pub fn with_path(self, path: &std::path::Path) -> Self {
        let fill = |p: PathBuf| {
            if p.as_os_str().is_empty() {
                path.into()
            } else {
                p
            }
        };
        match self {
            StoreError::Locked { path: p } => StoreError::Locked { path: fill(p) },
            StoreError::ReadOnly { path: p } => StoreError::ReadOnly { path: fill(p) },
            StoreError::NotFrontdesk { path: p } => StoreError::NotFrontdesk { path: fill(p) },
            StoreError::Damaged {
                path: p,
                summary,
                newest_backup,
            } => StoreError::Damaged {
                path: fill(p),
                summary,
                newest_backup,
            },
            other => other,
        }
    }

    /// Fills in the server's address where the error was made without one.
    pub(crate) fn with_server(self, shown: &str) -> Self {
        match self {
            StoreError::ServerUnavailable { server, reason } if server.is_empty() => {
                StoreError::ServerUnavailable {
                    server: shown.to_owned(),
                    reason,
                }
            }
            other => other,
        }
    }
}
