//! Where the command line's words go: stdout for results, stderr for messages. A reader that
//! goes away (`frontdesk book … | head -1`, `… | true`) never stops a command halfway and never
//! turns a done change into an error: what it would still have printed is dropped, the command
//! runs to its end (a booking is committed before anything about it is printed), and it ends
//! with its own status. Any other failure to write the output (a full disk behind `>`) is said
//! once at the end, with the fact that the command itself was carried out.
//!
//! This module defines `println!`, `print!`, `eprintln!` and `eprint!` for the whole command
//! line (`#[macro_use]`, first in `cli/mod.rs`), so every print in it goes through here; std's
//! own macros panic when stdout is a closed pipe. Writers that print a whole table take
//! [`stdout`].

use std::fmt;
use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout cannot take more (its reader went away, or another error): the rest of the
/// output is dropped.
static STOPPED: AtomicBool = AtomicBool::new(false);

/// The first error other than a closed pipe that lost output, said at the end.
static LOST: Mutex<Option<String>> = Mutex::new(None);

/// Prints to stdout through [`stdout`]: a closed pipe drops the output instead of panicking.
#[allow(unused_macros)]
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::console::out(format_args!($($arg)*))
    };
}

/// Prints a line to stdout through [`stdout`]: a closed pipe drops the output instead of
/// panicking.
macro_rules! println {
    () => {
        $crate::cli::console::out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::console::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Prints to stderr; a message that cannot be written is dropped, never a panic.
#[allow(unused_macros)]
macro_rules! eprint {
    ($($arg:tt)*) => {
        $crate::cli::console::err(format_args!($($arg)*))
    };
}

/// Prints a line to stderr; a message that cannot be written is dropped, never a panic.
macro_rules! eprintln {
    () => {
        $crate::cli::console::err(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::console::err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Stdout as a writer that never fails: once its reader is gone (or it fails otherwise) the
/// rest is dropped, and [`lost`] says why at the end when it was not a closed pipe.
pub struct Stdout;

/// Stdout for writers that print a whole table or file (see [`Stdout`]).
pub fn stdout() -> Stdout {
    Stdout
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !STOPPED.load(Ordering::Relaxed) {
            settle(io::stdout().lock().write_all(buf));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !STOPPED.load(Ordering::Relaxed) {
            settle(io::stdout().lock().flush());
        }
        Ok(())
    }
}

/// True when stdout is a terminal (which obeys escape codes), not a file or a pipe.
pub fn is_terminal() -> bool {
    io::IsTerminal::is_terminal(&io::stdout())
}

/// Notes a failed write: a closed pipe quietly, anything else to be said at the end.
fn settle(result: io::Result<()>) {
    let Err(error) = result else {
        return;
    };
    STOPPED.store(true, Ordering::Relaxed);
    if error.kind() == io::ErrorKind::BrokenPipe {
        tracing::info!("the output's reader went away; the rest of the output was dropped");
        return;
    }
    if let Ok(mut lost) = LOST.lock()
        && lost.is_none()
    {
        *lost = Some(error.to_string());
    }
}

/// Writes formatted text to stdout (the `print!` and `println!` of the command line).
pub fn out(args: fmt::Arguments<'_>) {
    let _ = Stdout.write_fmt(args);
}

/// Writes formatted text to stderr (the `eprint!` and `eprintln!` of the command line). A
/// message nobody can read is dropped.
pub fn err(args: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(args);
}

/// Why output was lost, other than a closed pipe (whose reader asked for no more), if it was.
pub fn lost() -> Option<String> {
    Stdout.flush().ok()?;
    LOST.lock().ok().and_then(|l| l.clone())
}
