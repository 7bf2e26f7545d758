//! What this desk (this computer's account) prefers, whatever the clinic: its language. Kept in
//! a small file in the desk's settings folder (`~/.config/frontdesk/desk.conf`), one
//! `key = value` per line, so each desk of a clinic sharing a server keeps its own.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Language;

/// The language a desk asked for: one of Frontdesk's, or whatever the system is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LanguageChoice {
    /// The system's locale (English when the system's language is not one of Frontdesk's).
    #[default]
    System,
    /// This language, whatever the system's.
    Chosen(Language),
}

impl LanguageChoice {
    /// Every choice, as a picker lists them.
    pub fn all() -> Vec<LanguageChoice> {
        std::iter::once(LanguageChoice::System)
            .chain(Language::ALL.map(LanguageChoice::Chosen))
            .collect()
    }

    /// The language the choice comes to on this system.
    pub fn language(self) -> Language {
        match self {
            LanguageChoice::System => Language::of_system(),
            LanguageChoice::Chosen(language) => language,
        }
    }
}

impl fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageChoice::System => f.write_str(&crate::t!(
                "common-language-system",
                language = Language::of_system().native_name()
            )),
            // Each language in itself, so someone who reads only that one finds it.
            LanguageChoice::Chosen(language) => f.write_str(language.native_name()),
        }
    }
}

/// What was wrong with the preferences file (said in the desk's language once it is set).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrefsProblem {
    /// The file could not be read.
    Unreadable {
        /// The file.
        file: String,
        /// Why, as the system said it.
        reason: String,
    },
    /// The file names a language Frontdesk is not written in.
    UnknownLanguage {
        /// The file.
        file: String,
    },
}

impl PrefsProblem {
    /// The problem in words, in the desk's language.
    pub fn said(&self) -> String {
        match self {
            PrefsProblem::Unreadable { file, reason } => crate::t!(
                "common-desk-prefs-unreadable",
                file = file.as_str(),
                reason = reason.as_str()
            ),
            PrefsProblem::UnknownLanguage { file } => {
                crate::t!("common-desk-prefs-language", file = file.as_str())
            }
        }
    }
}

/// The desk's preferences, and the file they are kept in (none: kept for this run only).
#[derive(Clone, Debug, Default)]
pub struct DeskPrefs {
    path: Option<PathBuf>,
    /// The desk's language.
    pub language: LanguageChoice,
}

impl DeskPrefs {
    /// The usual file: `desk.conf` in Frontdesk's settings folder, where the system has one.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "frontdesk", "frontdesk")
            .map(|dirs| dirs.config_dir().join("desk.conf"))
    }

    /// The preferences kept in `path`, or the defaults when there is no file yet. A file that
    /// cannot be read, or a line that makes no sense, keeps the default for what it names and
    /// says so (the second value): the window opens whatever the file holds.
    pub fn load(path: Option<PathBuf>) -> (DeskPrefs, Option<PrefsProblem>) {
        let mut prefs = DeskPrefs {
            path,
            language: LanguageChoice::System,
        };
        let Some(path) = prefs.path.as_deref() else {
            return (prefs, None);
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (prefs, None),
            Err(e) => {
                let problem = PrefsProblem::Unreadable {
                    file: path.display().to_string(),
                    reason: e.to_string(),
                };
                return (prefs, Some(problem));
            }
        };
        let mut warning = None;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
                Some(("language", "system")) => prefs.language = LanguageChoice::System,
                Some(("language", code)) => match Language::from_locale(code) {
                    Some(language) => prefs.language = LanguageChoice::Chosen(language),
                    None => {
                        warning = Some(PrefsProblem::UnknownLanguage {
                            file: path.display().to_string(),
                        })
                    }
                },
                // Keys of later versions are left for them.
                Some(_) | None => {}
            }
        }
        (prefs, warning)
    }

    /// Writes the preferences to their file (made with its folder if need be), whole or not at
    /// all: a new file beside it, then renamed over it.
    pub fn save(&self) -> Result<(), String> {
        let Some(path) = self.path.as_deref() else {
            return Ok(());
        };
        let failed = |e: std::io::Error| {
            crate::t!(
                "common-desk-prefs-unsaved",
                file = path.display().to_string(),
                reason = e.to_string()
            )
        };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(failed)?;
        }
        let language = match self.language {
            LanguageChoice::System => "system",
            LanguageChoice::Chosen(language) => language.code(),
        };
        let text = format!(
            "# Frontdesk: this desk's preferences (the clinic's settings are in its database).\n\
             language = {language}\n"
        );
        let new = sibling(path);
        let written = std::fs::File::create(&new)
            .and_then(|mut file| {
                file.write_all(text.as_bytes())?;
                file.sync_all()
            })
            .and_then(|()| std::fs::rename(&new, path));
        if written.is_err() {
            let _ = std::fs::remove_file(&new);
        }
        written.map_err(failed)
    }
}

/// The newest save asked for by [`DeskPrefs::saving`] (one counter for the process).
static LATEST_SAVE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
/// Held while a save writes, so two saves never write at once.
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl DeskPrefs {
    /// [`DeskPrefs::save`] on a blocking thread, off the window's. Saves asked for in quick
    /// succession (a language picked with the arrow keys) leave the file as the newest asked:
    /// one overtaken by a later save writes nothing.
    pub fn saving(self) -> impl std::future::Future<Output = Result<(), String>> + Send + 'static {
        use std::sync::atomic::Ordering;
        let generation = LATEST_SAVE.fetch_add(1, Ordering::SeqCst) + 1;
        async move {
            tokio::task::spawn_blocking(move || {
                let _writing = WRITING
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                if LATEST_SAVE.load(Ordering::SeqCst) != generation {
                    return Ok(());
                }
                self.save()
            })
            .await
            .unwrap_or_else(|e| Err(e.to_string()))
        }
    }
}

/// The file a new version is written to before it replaces `path`.
fn sibling(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".new");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_comes_back_and_a_strange_file_opens_with_defaults() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("more").join("desk.conf");
        let (prefs, warning) = DeskPrefs::load(Some(path.clone()));
        assert_eq!((prefs.language, warning), (LanguageChoice::System, None));
        let prefs = DeskPrefs {
            path: Some(path.clone()),
            language: LanguageChoice::Chosen(Language::Hindi),
        };
        prefs.save().expect("saved");
        let (back, warning) = DeskPrefs::load(Some(path.clone()));
        assert_eq!(
            (back.language, warning),
            (LanguageChoice::Chosen(Language::Hindi), None)
        );
        // Garbage, an unknown language, control characters, a later version's key.
        std::fs::write(
            &path,
            "\u{0}\u{7}garbage\nlanguage = klingon\nzoom = 3\nlanguage\n",
        )
        .expect("written");
        let (back, warning) = DeskPrefs::load(Some(path.clone()));
        assert_eq!(back.language, LanguageChoice::System);
        assert!(warning.is_some_and(|w| w.said().contains("desk.conf")));
        // Not a file at all: defaults and a warning, no panic.
        let (back, warning) = DeskPrefs::load(Some(dir.path().to_path_buf()));
        assert_eq!(back.language, LanguageChoice::System);
        assert!(warning.is_some());
        // A folder where the file should go: the save says so and changes nothing.
        let blocked = DeskPrefs {
            path: Some(dir.path().to_path_buf()),
            language: LanguageChoice::Chosen(Language::English),
        };
        assert!(blocked.save().is_err());
    }
}
