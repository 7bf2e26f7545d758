//! Encrypting the open database from the window (the Data page offers it to an administrator
//! on a plain file): the conversion runs off the UI thread through the guarded store (which
//! checks the role and the password, and logs it), the new key is kept for the watcher, the
//! damage check and the daily backup, and the plaintext copies go only when asked.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::{Backend, Shown, UiError, said, task_stopped};
use crate::signin::{Secret, SecretKind};
use crate::store::StoreError;

/// A database file the window has just encrypted.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The recovery key, shown once.
    pub recovery: Shown,
    /// The plaintext copies left (the original under a new name, and backups made before).
    pub plaintext: Vec<PathBuf>,
    /// What went wrong after the file was encrypted, to say beside the recovery key.
    pub warning: Option<String>,
}

impl Backend {
    /// Encrypts the open plain file as `name` (the administrator signed in), with the password
    /// `typed` (theirs: it makes their key slot). Slow: the file is copied and checked.
    pub async fn encrypt(
        self,
        name: String,
        typed: String,
        now: DateTime<Utc>,
    ) -> Result<Converted, UiError> {
        let key_cell = self.key.clone();
        let done = self
            .run(move |s| {
                let secret = Secret::given(SecretKind::Password, &typed)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?;
                let member = s
                    .sign_in_record(&name)?
                    .ok_or_else(|| StoreError::Invalid(crate::t!("backend-administrator-gone")))?
                    .member;
                s.encrypt(&member, &secret, now)
            })
            .await?;
        if let Ok(mut cell) = key_cell.lock() {
            *cell = Some(done.key.clone());
        }
        Ok(Converted {
            recovery: Shown(done.recovery.printable().to_string()),
            plaintext: done.plaintext,
            warning: done.warning,
        })
    }

    /// The plaintext copies of the database, if it is an encrypted file (the original kept under
    /// a new name by the conversion, backups made before it): listed off the UI thread.
    pub async fn plaintext_copies(self) -> Vec<PathBuf> {
        let Some(db) = self.locator.file().map(std::path::Path::to_path_buf) else {
            return Vec::new();
        };
        if self.key().is_none() {
            return Vec::new();
        }
        tokio::task::spawn_blocking(move || crate::store::cipher::plaintext_files(&db))
            .await
            .unwrap_or_default()
    }

    /// Removes the plaintext copies `files` of the encrypted database (only files that are
    /// its plaintext copies: anything else is refused; one already gone counts as removed).
    /// The ones removed come back; the first failure stops it and is said.
    pub async fn remove_plaintext(self, files: Vec<PathBuf>) -> Result<Vec<PathBuf>, UiError> {
        let Some(db) = self.locator.file().map(std::path::Path::to_path_buf) else {
            return Err(crate::t!("backend-server-no-copies"));
        };
        tokio::task::spawn_blocking(move || {
            let mut removed = Vec::new();
            for file in files {
                if !file.exists() {
                    removed.push(file);
                    continue;
                }
                crate::store::cipher::remove_plaintext(&db, &file)
                    .map_err(|e| said(StoreError::from(e)))?;
                removed.push(file);
            }
            Ok(removed)
        })
        .await
        .map_err(|e| task_stopped(&e))?
    }
}
