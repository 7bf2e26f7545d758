//! Saving a report or a day sheet: the file holds patient data, so it is created mode 0600, and
//! it is written beside its final name first and then renamed, so that a failure never leaves a
//! half-written file where the old one was.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {error}; check that the folder exists and that you may write there", path.display())]
pub struct SaveError {
    /// The file asked for.
    pub path: PathBuf,
    /// What the system said.
    pub error: std::io::Error,
}

/// Writes `bytes` to `path` (mode 0600), replacing any file there only once all is written.
pub fn save_private(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |error| SaveError {
        path: path.to_path_buf(),
        error,
    };
    let name = path
        .file_name()
        .ok_or_else(|| fail(std::io::Error::other("the name is a folder, not a file")))?;
    let mut partial_name = std::ffi::OsString::from(".");
    partial_name.push(name);
    partial_name.push(format!(".{}.partial", std::process::id()));
    let partial = path.with_file_name(partial_name);
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(fail(error));
    }
    Ok(())
}
