//! Opening the calendar window from the command line: `frontdesk` with no command. The window
//! needs a desktop session (an X11 or Wayland display); without one, iced's event loop cannot
//! start and would panic, so the display is looked for first and its absence said plainly,
//! with the command line as the way to work instead.

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, anyhow};
use frontdesk::scheduling::entry::echo;

/// What to do instead, ending every message of this module.
pub const INSTEAD: &str = "start Frontdesk from the desktop (or `ssh -X`), or use the command line instead: `frontdesk agenda`, `frontdesk book …`, `frontdesk slots …` (every command: `frontdesk --help`)";

/// How long a display on another machine (`DISPLAY=host:0`) may take to answer.
const TCP_WAIT: Duration = Duration::from_secs(2);

/// The desktop session as the environment describes it.
#[derive(Clone, Debug, Default)]
pub struct Session {
    /// `DISPLAY` (X11).
    pub display: Option<String>,
    /// `WAYLAND_DISPLAY`.
    pub wayland_display: Option<String>,
    /// `WAYLAND_SOCKET` (a socket a compositor handed over).
    pub wayland_socket: Option<String>,
    /// `XDG_RUNTIME_DIR`, where a Wayland display's socket is.
    pub runtime_dir: Option<PathBuf>,
}

impl Session {
    /// The session of this process.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Session {
            display: var("DISPLAY"),
            wayland_display: var("WAYLAND_DISPLAY"),
            wayland_socket: var("WAYLAND_SOCKET"),
            runtime_dir: var("XDG_RUNTIME_DIR").map(PathBuf::from),
        }
    }
}

/// Whether one display answers, cannot be opened, or cannot be judged here (a form this
/// check does not know, left to the window system to try).
#[derive(Debug, PartialEq, Eq)]
enum Probe {
    Answers,
    Closed,
    Unknown,
}

/// Why the window cannot open in `session`, or None when a display answers (or may).
pub fn display_problem(session: &Session) -> Option<String> {
    if session.display.is_none()
        && session.wayland_display.is_none()
        && session.wayland_socket.is_none()
    {
        return Some(format!(
            "the calendar window needs a desktop session, and this one has no display (neither DISPLAY nor WAYLAND_DISPLAY is set, as in an SSH login or a service): {INSTEAD}"
        ));
    }
    if session.wayland_socket.is_some() {
        return None;
    }
    let mut tried = Vec::new();
    if let Some(name) = &session.wayland_display {
        match wayland(name, session.runtime_dir.as_deref()) {
            Probe::Closed => tried.push(format!("WAYLAND_DISPLAY={}", echo(name))),
            _ => return None,
        }
    }
    if let Some(name) = &session.display {
        match x11(name) {
            Probe::Closed => tried.push(format!("DISPLAY={}", echo(name))),
            _ => return None,
        }
    }
    Some(format!(
        "the calendar window needs a desktop session, and its display cannot be opened ({} does not answer: the desktop may have ended, or the variable is left from another session): {INSTEAD}",
        tried.join(", ")
    ))
}

/// A Wayland display: a socket named by `name`, in `runtime_dir` unless it is a full path.
fn wayland(name: &str, runtime_dir: Option<&Path>) -> Probe {
    let path = if Path::new(name).is_absolute() {
        PathBuf::from(name)
    } else {
        match runtime_dir {
            Some(dir) => dir.join(name),
            None => return Probe::Closed,
        }
    };
    match UnixStream::connect(path) {
        Ok(_) => Probe::Answers,
        Err(_) => Probe::Closed,
    }
}

/// An X11 display `[host]:N[.S]`: the local socket `/tmp/.X11-unix/XN` (or its abstract
/// twin), or TCP port 6000+N on `host`.
fn x11(name: &str) -> Probe {
    let Some((host, rest)) = name.rsplit_once(':') else {
        return Probe::Unknown;
    };
    let number = rest.split('.').next().unwrap_or_default();
    let Ok(n) = number.parse::<u16>() else {
        return Probe::Unknown;
    };
    let socket = format!("/tmp/.X11-unix/X{n}");
    if host.is_empty() || host == "unix" {
        if UnixStream::connect(&socket).is_ok() || abstract_socket(&socket) {
            return Probe::Answers;
        }
        if !host.is_empty() {
            return Probe::Closed;
        }
    }
    let host = if host.is_empty() { "localhost" } else { host };
    let Some(port) = 6000u16.checked_add(n) else {
        return Probe::Unknown;
    };
    let Ok(addresses) = std::net::ToSocketAddrs::to_socket_addrs(&(host, port)) else {
        return Probe::Closed;
    };
    for address in addresses {
        if std::net::TcpStream::connect_timeout(&address, TCP_WAIT).is_ok() {
            return Probe::Answers;
        }
    }
    Probe::Closed
}

/// Linux's abstract socket of the same name, which X servers also listen on.
fn abstract_socket(name: &str) -> bool {
    use std::os::linux::net::SocketAddrExt;
    std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())
        .and_then(|address| UnixStream::connect_addr(&address))
        .is_ok()
}

/// Fails, saying why and what to do instead, when this process's session has no display
/// that answers ([`display_problem`]). Called before anything is created or opened.
pub fn check() -> Result<()> {
    match display_problem(&Session::from_env()) {
        Some(problem) => Err(anyhow!(problem)),
        None => Ok(()),
    }
}

/// Opens the window (after [`check`]); when the window system refuses (iced's error, or its
/// panic, see `panic::window_opening`), says so with what to do instead.
pub fn open(locator: frontdesk::store::Locator, options: frontdesk::gui::Options) -> Result<()> {
    super::panic::window_opening();
    frontdesk::gui::run(locator, options).map_err(|e| {
        anyhow!(
            "the calendar window could not open ({}): it needs a desktop session whose display can be opened: {INSTEAD}",
            echo(&e.to_string())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_display_is_said_plainly_with_the_command_line_instead() {
        let problem = display_problem(&Session::default()).expect("a problem");
        assert!(problem.contains("needs a desktop session"), "{problem}");
        assert!(problem.contains("DISPLAY"), "{problem}");
        assert!(problem.contains("frontdesk --help"), "{problem}");
    }

    #[test]
    fn a_display_that_does_not_answer_is_named_escaped() {
        let dir = tempfile::tempdir().expect("dir");
        let session = Session {
            display: Some("unix:4242".into()),
            wayland_display: Some("gone\n-0".into()),
            wayland_socket: None,
            runtime_dir: Some(dir.path().to_path_buf()),
        };
        let problem = display_problem(&session).expect("a problem");
        assert!(
            problem.contains("WAYLAND_DISPLAY=gone\\n-0, DISPLAY=unix:4242 does not answer"),
            "{problem}"
        );
        // A live Wayland socket answers.
        let socket = dir.path().join("wayland-7");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
        let live = Session {
            wayland_display: Some("wayland-7".into()),
            ..session
        };
        assert_eq!(display_problem(&live), None);
        // A form this check does not know is left to the window system.
        assert_eq!(x11("weird"), Probe::Unknown);
    }
}
