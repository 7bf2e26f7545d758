//! Saving a report or a day sheet: the file holds patient data, so it is created mode 0600, and
//! it is written beside its final name first and then renamed, so that a failure never leaves a
//! half-written file where the old one was.

use crate::scheduling::entry::echo_path;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::private_file::Partial;

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
#[error(
    "cannot save {}: {error}; check that the folder exists and that you may write there",
    echo_path(path)
)]
pub struct SaveError {
    /// The file asked for.
    pub path: PathBuf,
    /// What the system said.
    pub error: std::io::Error,
}

/// Writes `bytes` to `path` (mode 0600), replacing any file there only once all is written.
pub fn save_private(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let written = (|| {
        let (partial, mut file) = Partial::create(path)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        partial.persist(path)
    })();
    written.map_err(|error| SaveError {
        path: path.to_path_buf(),
        error,
    })
}
