//! Files that hold patient data (exports, reports, day sheets, backups, a restore's staged copy)
//! are written the same way: created mode 0600 under a hidden partial name beside their final
//! name, then renamed into place, so a failure never leaves half a file under the real name.
//! A process that is killed half-way cannot remove its partial file, so while one is being
//! written it is also registered in the "unfinished" folder (`set_unfinished_dir`, chosen by
//! the binary): an entry file, locked (`flock`) by its writer for as long as it writes, that
//! names the partial file. [`sweep`] (run at every start) removes the partial files whose
//! writer has gone, and their entries; the kernel drops a dead writer's lock, so a live one's
//! files are never touched.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

static UNFINISHED: OnceLock<PathBuf> = OnceLock::new();
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The marks every partial name carries; [`sweep`] removes nothing without one.
const PARTIAL_MARK: &str = ".partial-";

/// Where this process registers the partial files it writes (the binary sets it once, to a
/// private folder of the user's; without it, partial files are still removed on every error,
/// but not after a kill).
pub fn set_unfinished_dir(dir: PathBuf) {
    let _ = UNFINISHED.set(dir);
}

/// The registry folder, if the binary set one.
pub fn unfinished_dir() -> Option<&'static Path> {
    UNFINISHED.get().map(PathBuf::as_path)
}

/// Creates `path` for patient data: a new file, mode 0600, that nobody else can read.
pub fn create_private(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// The files SQLite may keep beside a database file.
pub fn with_sidecars(path: &Path) -> [PathBuf; 4] {
    let side = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [
        path.to_path_buf(),
        side("-wal"),
        side("-shm"),
        side("-journal"),
    ]
}

fn remove_with_sidecars(path: &Path) {
    for p in with_sidecars(path) {
        let _ = std::fs::remove_file(p);
    }
}

/// Makes the rename of a file in `path`'s folder durable.
pub fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A hidden partial file beside its final name, removed (with any SQLite sidecars) when
/// dropped unless [`Partial::persist`] renamed it into place.
#[derive(Debug)]
pub struct Partial {
    path: PathBuf,
    entry: Option<(PathBuf, File)>,
    done: bool,
}

impl Partial {
    /// Creates the partial file for `final_path` (mode 0600, empty) and registers it.
    pub fn create(final_path: &Path) -> std::io::Result<(Partial, File)> {
        let partial = Self::reserve(final_path)?;
        let file = create_private(&partial.path)?;
        Ok((partial, file))
    }

    /// Registers a partial name for `final_path` without creating the file (for writers such
    /// as SQLite that create it themselves).
    pub fn reserve(final_path: &Path) -> std::io::Result<Partial> {
        let name = final_path.file_name().ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the name is a folder, not a file",
            )
        })?;
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut hidden = OsString::from(".");
        hidden.push(name);
        hidden.push(format!("{PARTIAL_MARK}{}-{n}", std::process::id()));
        let path = final_path.with_file_name(hidden);
        remove_with_sidecars(&path);
        // Registering is a help for after a kill, not a condition of writing: a state folder
        // that cannot be written must not stop an export or a backup.
        let entry = unfinished_dir().and_then(|dir| match register(dir, &path, n) {
            Ok(entry) => Some(entry),
            Err(e) => {
                tracing::warn!(folder = %crate::scheduling::entry::echo_path(dir), error = %e, "cannot register a partial file");
                None
            }
        });
        Ok(Partial {
            path,
            entry,
            done: false,
        })
    }

    /// The partial file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the finished partial file to `final_path` (mode 0600) and makes it durable.
    /// The caller has already synced the file's contents.
    pub fn persist(mut self, final_path: &Path) -> std::io::Result<()> {
        // A rename replaces whatever has the name: never a device, a pipe or a folder.
        if let Ok(meta) = std::fs::metadata(final_path)
            && !meta.is_file()
        {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "it is not a regular file (a folder, a device or a pipe): choose a file name",
            ));
        }
        std::fs::rename(&self.path, final_path)?;
        self.done = true;
        std::fs::set_permissions(final_path, std::fs::Permissions::from_mode(0o600))?;
        sync_dir(final_path);
        Ok(())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.done {
            remove_with_sidecars(&self.path);
        } else {
            // The renamed file's journal (if SQLite left one) belongs to nobody now.
            for side in &with_sidecars(&self.path)[1..] {
                let _ = std::fs::remove_file(side);
            }
        }
        if let Some((entry, file)) = self.entry.take() {
            let _ = std::fs::remove_file(&entry);
            drop(file);
        }
    }
}

fn register(dir: &Path, partial: &Path, n: u64) -> std::io::Result<(PathBuf, File)> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    // The time keeps a reused process id from taking over a dead writer's entry.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let entry = dir.join(format!("{}-{n}-{nanos}", std::process::id()));
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&entry)?;
    file.lock()?;
    file.write_all(partial.as_os_str().as_bytes())?;
    file.sync_all()?;
    Ok((entry, file))
}

/// Removes the partial files of writers that were killed, and their entries, from the
/// registry in `dir`. Returns how many partial files were removed. Entries that are still
/// locked belong to a live writer and are left alone.
pub fn sweep_dir(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(mut file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => continue,
            Err(TryLockError::Error(_)) => continue,
        }
        let mut named = Vec::new();
        if file.read_to_end(&mut named).is_err() {
            continue;
        }
        // An empty entry may be one a writer has just created and not yet locked and filled:
        // only an old one is a dead writer's.
        if named.is_empty() {
            let young = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_none_or(|age| age < std::time::Duration::from_secs(60));
            if young {
                continue;
            }
        }
        let partial = PathBuf::from(OsString::from_vec(named));
        let is_partial = partial
            .file_name()
            .map(|n| n.to_string_lossy())
            .is_some_and(|n| n.starts_with('.') && n.contains(PARTIAL_MARK));
        if is_partial && partial.exists() {
            remove_with_sidecars(&partial);
            removed += 1;
        }
        let _ = std::fs::remove_file(&path);
    }
    removed
}

/// [`sweep_dir`] on this process's registry, if it has one.
pub fn sweep() -> usize {
    unfinished_dir().map(sweep_dir).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_file_is_hidden_private_and_gone_unless_persisted() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("out.csv");
        {
            let (partial, mut file) = Partial::create(&target).expect("create");
            file.write_all(b"x").expect("write");
            let name = partial.path().file_name().expect("name").to_string_lossy();
            assert!(name.starts_with(".out.csv.partial-"), "{name}");
            let mode = std::fs::metadata(partial.path())
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
        let (partial, mut file) = Partial::create(&target).expect("create");
        file.write_all(b"done").expect("write");
        partial.persist(&target).expect("persist");
        assert_eq!(std::fs::read(&target).expect("read"), b"done");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn the_sweep_removes_what_a_dead_writer_left_and_spares_a_live_one() {
        let dir = tempfile::tempdir().expect("dir");
        let registry = dir.path().join("unfinished");
        let dead = dir.path().join(".backup.sqlite3.partial-1-1");
        std::fs::write(&dead, b"patient data").expect("write");
        std::fs::write(dir.path().join(".backup.sqlite3.partial-1-1-journal"), b"j")
            .expect("journal");
        let live = dir.path().join(".other.csv.partial-2-2");
        std::fs::write(&live, b"still being written").expect("write");
        let innocent = dir.path().join("keep-me.sqlite3");
        std::fs::write(&innocent, b"not a partial").expect("write");
        let (_, _dead_entry) = register(&registry, &dead, 1).expect("register");
        drop(_dead_entry); // the writer died: its lock is gone
        let (_live_entry_path, _live_lock) = register(&registry, &live, 2).expect("register");
        // An entry naming a file that is not a partial one is dropped, the file kept.
        let (_, forged) = register(&registry, &innocent, 3).expect("register");
        drop(forged);
        assert_eq!(sweep_dir(&registry), 1);
        assert!(!dead.exists());
        assert!(
            !dir.path()
                .join(".backup.sqlite3.partial-1-1-journal")
                .exists()
        );
        assert!(live.exists(), "a live writer's file stays");
        assert!(innocent.exists(), "only partial files are ever removed");
        assert_eq!(std::fs::read_dir(&registry).expect("dir").count(), 1);
    }

    #[test]
    fn an_empty_entry_is_left_while_it_may_be_being_written_and_swept_once_old() {
        let dir = tempfile::tempdir().expect("dir");
        let registry = dir.path().join("unfinished");
        std::fs::create_dir(&registry).expect("dir");
        // A writer has created its entry and not yet locked and filled it.
        let fresh = registry.join("1-1-1");
        File::create(&fresh).expect("entry");
        assert_eq!(sweep_dir(&registry), 0);
        assert!(fresh.exists(), "a fresh empty entry may be a live writer's");
        // Minutes later it is a dead writer's.
        let old = File::options().write(true).open(&fresh).expect("open");
        old.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(120))
            .expect("age it");
        drop(old);
        sweep_dir(&registry);
        assert!(!fresh.exists());
    }
}
