//! Whether this desktop can show a file chooser, and where files go when it cannot. The
//! window asks for files through rfd, which uses the desktop's file chooser portal or zenity;
//! a bare X session has neither, and rfd then answers at once as if the dialog had been
//! cancelled. So the window asks first: without a chooser a file to save goes into the
//! database's folder under its suggested name (said in full), and a file to open is asked for
//! on the command line instead.

use std::path::{Path, PathBuf};

/// Where the desktop file chooser portal is installed on Debian and its relatives.
const PORTALS: [&str; 2] = [
    "/usr/libexec/xdg-desktop-portal",
    "/usr/lib/xdg-desktop-portal",
];

/// True when rfd can show a file chooser here: the desktop portal (with a session bus to reach
/// it) or zenity on the `PATH`, as `scripts/run.sh` looks for them.
pub fn available() -> bool {
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && PORTALS.iter().any(|p| is_program(Path::new(p)));
    portal || on_path("zenity")
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| is_program(&d.join(program))))
}

fn is_program(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Where a file named `name` is saved without a chooser: in `folder` (the database's, which
/// already holds the clinic's data: `Backend::files_folder`; the home folder for a database
/// server, which has none), under a name no file there has yet (`name`, then `stem-2.ext`,
/// `stem-3.ext` …).
pub fn save_path(folder: Option<PathBuf>, name: &str) -> PathBuf {
    let folder = folder
        .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."));
    let first = folder.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) => (stem, format!(".{extension}")),
        None => (name, String::new()),
    };
    (2..10_000)
        .map(|n| folder.join(format!("{stem}-{n}{extension}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// What the window says when a file must be opened and no chooser can be shown.
pub fn none_to_open() -> String {
    crate::t!("data-none-to-open")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Locator;

    #[test]
    fn a_save_without_a_chooser_goes_beside_the_database_and_never_over_a_file() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Locator::from(dir.path().join("clinic.sqlite3"));
        let first = save_path(db.files_folder(), "appointments-2026-11-24.csv");
        assert_eq!(first, dir.path().join("appointments-2026-11-24.csv"));
        std::fs::write(&first, "x").expect("write");
        assert_eq!(
            save_path(db.files_folder(), "appointments-2026-11-24.csv"),
            dir.path().join("appointments-2026-11-24-2.csv")
        );
        std::fs::write(dir.path().join("backup"), "x").expect("write");
        assert_eq!(
            save_path(db.files_folder(), "backup"),
            dir.path().join("backup-2")
        );
        // A database named without a folder: the current folder.
        assert_eq!(
            save_path(
                Locator::from(PathBuf::from("clinic.sqlite3")).files_folder(),
                "a.csv"
            ),
            Path::new(".").join("a.csv")
        );
    }
}
