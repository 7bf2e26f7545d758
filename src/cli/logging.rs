//! The log file: what Frontdesk did, for the clinic's IT person, in the XDG state directory
//! (`~/.local/state/frontdesk/frontdesk.log`; folder 0700, file 0600). It records lifecycle
//! events only: start and finish, the database opened and its schema migrated, and what kind of
//! error ended a command. It never records patient data: no names, phones, reasons or notes,
//! and no error's text (a conflict's message names the patient), only the error's kind.

use frontdesk::scheduling::entry::echo_path;
use std::fs::{DirBuilder, File, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use frontdesk::store::StoreError;
use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The log's file name inside the state directory.
pub const FILE_NAME: &str = "frontdesk.log";

/// A log larger than this at start is moved to `frontdesk.log.1` (replacing the older one), so
/// the two files together stay below about twice this size.
const ROTATE_BYTES: u64 = 1024 * 1024;

/// The environment variable that sets how much is logged.
const LEVEL_VAR: &str = "FRONTDESK_LOG";

/// The folder the log goes in: `$XDG_STATE_HOME/frontdesk`, else `~/.local/state/frontdesk`.
pub fn state_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "frontdesk", "frontdesk")
        .and_then(|dirs| dirs.state_dir().map(Path::to_path_buf))
}

/// Starts logging to the log file, and logs that `command` started. Logging is a help, not a
/// duty: when the file cannot be written, a warning goes to stderr and the command still runs.
pub fn start(command: &str) {
    let level = match std::env::var(LEVEL_VAR) {
        Ok(text) => match text.trim().parse::<LevelFilter>() {
            Ok(level) => level,
            Err(_) => {
                eprintln!(
                    "frontdesk: {LEVEL_VAR}=\"{text}\" is not a log level: use off, error, warn, info, debug or trace (logging at info)"
                );
                LevelFilter::INFO
            }
        },
        Err(_) => LevelFilter::INFO,
    };
    if level == LevelFilter::OFF {
        return;
    }
    let Some(dir) = state_dir() else {
        return;
    };
    let file = match open_log(&dir) {
        Ok(file) => file,
        Err(error) => {
            eprintln!(
                "frontdesk: cannot write the log in {}: {error}; continuing without a log",
                echo_path(&dir)
            );
            return;
        }
    };
    // Our own events at the chosen level; other crates' only when they warn.
    let filter = Targets::new()
        .with_target("frontdesk", level)
        .with_default(level.min(LevelFilter::WARN));
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(Mutex::new(OneLine(file)))
        .with_ansi(false)
        .with_filter(filter);
    if tracing_subscriber::registry()
        .with(layer)
        .try_init()
        .is_err()
    {
        return;
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        command,
        pid = std::process::id(),
        "started"
    );
}

/// Creates the folder (0700) and opens the log for appending (0600), rotating a large one.
fn open_log(dir: &Path) -> std::io::Result<File> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    let path = dir.join(FILE_NAME);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > ROTATE_BYTES) {
        let old = dir.join(format!("{FILE_NAME}.1"));
        std::fs::rename(&path, &old)?;
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o600))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(&path)?;
    // A file made by something else (or an older copy) is tightened to 0600 too.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    Ok(file)
}

/// Logs how `command` ended. For an error only its kind is logged (see [`error_kind`]).
pub fn finish(command: &str, result: &anyhow::Result<()>, started: std::time::Instant) {
    let elapsed_ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(()) => tracing::info!(command, elapsed_ms, "finished"),
        Err(error) => {
            tracing::error!(command, elapsed_ms, kind = %error_kind(error), "failed")
        }
    }
}

/// The log file, written one event per line whatever an event's fields hold: tracing's
/// formatter writes each event with one `write_all` ending in its line break, and any other
/// line break, escape code or invisible character in it (a path with a line break, which
/// would forge a line of its own) is written escaped, as the command line shows stored text
/// (`entry::shown`). The fields that hold a path or typed text quote it with `echo_path` or
/// `echo` already; this keeps a field added later from forging a line.
struct OneLine<W>(W);

impl<W: std::io::Write> std::io::Write for OneLine<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let (body, end) = match buf.strip_suffix(b"\n") {
            Some(body) => (body, "\n"),
            None => (buf, ""),
        };
        let text = String::from_utf8_lossy(body);
        let safe = frontdesk::scheduling::entry::shown(&text);
        if safe.as_bytes() == body {
            self.0.write_all(buf)?;
        } else {
            self.0.write_all(format!("{safe}{end}").as_bytes())?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// What kind of error this is, in words that carry no data: the store error's variant (for a
/// refusal, the kinds of conflict), the I/O error's kind, or "input" for the command line's own
/// checks of what it was given (a date, a name that matches nothing).
pub fn error_kind(error: &anyhow::Error) -> String {
    let Some(store) = error.downcast_ref::<StoreError>() else {
        return match error.downcast_ref::<std::io::Error>() {
            Some(io) => format!("io {:?}", io.kind()),
            None => "input".to_owned(),
        };
    };
    match store {
        StoreError::Refused(conflicts) => {
            let kinds: Vec<String> = conflicts
                .iter()
                .map(|c| variant_name(&format!("{c:?}")).to_owned())
                .collect();
            format!("Refused({})", kinds.join(", "))
        }
        StoreError::Io { error, .. } => format!("Io({:?})", error.kind()),
        StoreError::Database(e) => format!("Database({})", e.code()),
        other => variant_name(&format!("{other:?}")).to_owned(),
    }
}

/// The leading identifier of a `Debug` rendering (`NotFound { what: … }` → `NotFound`): the
/// variant's name without any of the values it holds.
fn variant_name(debug: &str) -> &str {
    let end = debug
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(debug.len());
    &debug[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontdesk::scheduling::Conflict;

    #[test]
    fn an_event_is_one_line_whatever_it_holds() {
        use std::io::Write;
        let mut log = OneLine(Vec::new());
        log.write_all(b"INFO opened database=/tmp/x\nERROR forged \x1b[31m\n")
            .expect("write");
        log.write_all(b"INFO plain\n").expect("write");
        assert_eq!(
            String::from_utf8(log.0).expect("utf-8"),
            "INFO opened database=/tmp/x\\nERROR forged \\u{1b}[31m\nINFO plain\n"
        );
    }

    #[test]
    fn variant_names_drop_the_values() {
        assert_eq!(
            variant_name(r#"NotFound { what: "patient", name: "Asha Iyer" }"#),
            "NotFound"
        );
        assert_eq!(variant_name("EndNotAfterStart"), "EndNotAfterStart");
        assert_eq!(
            variant_name("DoctorBooked(Clash { patient: \"X\" })"),
            "DoctorBooked"
        );
    }

    #[test]
    fn error_kinds_carry_no_names() {
        let not_found = anyhow::Error::new(StoreError::NotFound {
            what: "patient",
            name: "Asha Iyer".into(),
            hint: String::new(),
        });
        assert_eq!(error_kind(&not_found), "NotFound");
        let refused = anyhow::Error::new(StoreError::Refused(vec![
            Conflict::EndNotAfterStart,
            Conflict::OutsideWorkingHours {
                doctor: "Dr. Anjali Rao".into(),
            },
        ]));
        assert_eq!(
            error_kind(&refused),
            "Refused(EndNotAfterStart, OutsideWorkingHours)"
        );
        let context = anyhow::Error::new(StoreError::Invalid("Asha Iyer: bad".into()))
            .context("booking for Asha Iyer");
        assert_eq!(error_kind(&context), "Invalid");
        assert_eq!(error_kind(&anyhow::anyhow!("--start is wrong")), "input");
    }

    #[test]
    fn the_log_file_is_private_and_rotates() {
        let dir = tempfile::tempdir().expect("dir");
        let logs = dir.path().join("state/frontdesk");
        drop(open_log(&logs).expect("open"));
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&logs), 0o700);
        assert_eq!(mode(&logs.join(FILE_NAME)), 0o600);

        std::fs::set_permissions(logs.join(FILE_NAME), PermissionsExt::from_mode(0o644))
            .expect("chmod");
        std::fs::write(logs.join(FILE_NAME), vec![b'x'; ROTATE_BYTES as usize + 1]).expect("fill");
        drop(open_log(&logs).expect("reopen"));
        assert_eq!(mode(&logs.join(FILE_NAME)), 0o600, "tightened back to 0600");
        assert_eq!(
            std::fs::metadata(logs.join(FILE_NAME)).expect("meta").len(),
            0,
            "a large log starts afresh"
        );
        assert_eq!(
            std::fs::metadata(logs.join(format!("{FILE_NAME}.1")))
                .expect("rotated")
                .len(),
            ROTATE_BYTES + 1
        );
        assert_eq!(mode(&logs.join(format!("{FILE_NAME}.1"))), 0o600);
    }
}
