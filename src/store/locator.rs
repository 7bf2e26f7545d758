//! Where a clinic's database is, as the user named it (`--db`, `FRONTDESK_DB`, the window's
//! default file), and [`open`], the one way the window and the command line open a store. They
//! hold what it gives as `dyn Store`; only this module names the engine behind a locator.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::error::{Result, StoreError};
use super::postgres::PostgresStore;
use super::sqlite::SqliteStore;
use super::{Store, backup};
use crate::scheduling::entry::echo_path;

/// Where a clinic's database is, and so which engine keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Locator {
    /// An SQLite database in one file.
    Sqlite(PathBuf),
    /// A database on a PostgreSQL server (a clinic with several desks).
    Postgres(ServerUrl),
}

/// A PostgreSQL server's address as given (`postgres://user@host/database?sslmode=…`). It may
/// hold a password: it is shown, printed and logged only without it.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerUrl(String);

impl ServerUrl {
    /// The address as given.
    pub(crate) fn new(url: &str) -> Self {
        ServerUrl(url.to_owned())
    }

    /// The address as given, password included: only for connecting.
    pub fn as_given(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::pg_connect::shown(&self.0))
    }
}

/// The URL schemes a locator may start with (a database server's address). Anything else that
/// looks like a URL is refused rather than taken for a file name.
const KNOWN_SCHEMES: &[&str] = &["postgres", "postgresql"];

/// Schemes that name a database (or a file by URL) even without `//`: a locator starting with
/// one of these followed by `:` is a URL, never a file of that name.
const DATABASE_SCHEMES: &[&str] = &[
    "postgres",
    "postgresql",
    "sqlite",
    "sqlite3",
    "file",
    "mysql",
    "mariadb",
];

impl Locator {
    /// What tells this database from every other, to bind a sign-in to it: a file's path, or a
    /// SHA-256 of a server's address as given (schema and options included, so two clinics on
    /// one server differ; a password in it is not kept readable).
    pub fn identity(&self) -> String {
        use sha2::{Digest, Sha256};
        match self {
            Locator::Sqlite(path) => path.display().to_string(),
            Locator::Postgres(url) => {
                crate::scheduling::access::to_hex(&Sha256::digest(url.as_given().as_bytes()).into())
            }
        }
    }

    /// The locator the user typed: a file path, or (later) a database server's URL. A string
    /// that starts like a URL (`scheme://…`, or a database scheme such as `postgres:`) is a URL,
    /// never a file of that name; one whose scheme is not known is refused, naming the schemes
    /// that are (and only the scheme: a URL may hold a password). A file whose name starts that
    /// way is written as a path, `./postgres:clinic`.
    pub fn parse(text: &str) -> Result<Locator> {
        match url_scheme(text) {
            Some(scheme)
                if KNOWN_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(scheme))
                    && text[scheme.len()..].starts_with("://") =>
            {
                // Read now, so a bad address is said before anything is opened.
                super::pg_connect::ServerAddress::parse(text)?;
                Ok(Locator::Postgres(ServerUrl(text.to_owned())))
            }
            Some(scheme) => Err(StoreError::UnknownScheme {
                scheme: scheme.to_ascii_lowercase(),
                known: known_schemes(),
            }),
            None => Ok(Locator::Sqlite(PathBuf::from(text))),
        }
    }

    /// Like [`Locator::parse`], for what the command line or the environment gave, which need
    /// not be UTF-8: a path is kept byte for byte; a URL is refused the same way.
    pub fn parse_os(text: &OsStr) -> Result<Locator> {
        match text.to_str() {
            Some(text) => Self::parse(text),
            None => match Self::parse(&text.to_string_lossy())? {
                Locator::Sqlite(_) => Ok(Locator::Sqlite(PathBuf::from(text))),
                Locator::Postgres(_) => Err(StoreError::Invalid(crate::t!(
                    "store-server-address-not-text"
                ))),
            },
        }
    }

    /// The database file, for an engine that keeps the clinic in one file; `None` for a
    /// database server.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Locator::Sqlite(path) => Some(path),
            Locator::Postgres(_) => None,
        }
    }

    /// The folder files are saved to when nobody chooses one (exports, backups made by hand
    /// without a file chooser): the database's own folder. `None` for a database server.
    pub fn files_folder(&self) -> Option<PathBuf> {
        match self {
            Locator::Sqlite(path) => Some(
                path.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
            ),
            Locator::Postgres(_) => None,
        }
    }

    /// Where the automatic daily backups and the backups before an upgrade are kept: the
    /// `backups` folder beside the database. `None` for a database server, which keeps its own.
    pub fn backups_folder(&self) -> Option<PathBuf> {
        match self {
            Locator::Sqlite(path) => Some(backup::backups_dir(path)),
            Locator::Postgres(_) => None,
        }
    }
}

/// A path names a database file (a path is never read as a URL: that is [`Locator::parse`]).
impl From<PathBuf> for Locator {
    fn from(path: PathBuf) -> Self {
        Locator::Sqlite(path)
    }
}

/// The locator as messages show it: the file's path, escaped for a terminal
/// ([`echo_path`]).
impl std::fmt::Display for Locator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Locator::Sqlite(path) => f.write_str(&echo_path(path)),
            Locator::Postgres(url) => f.write_str(&crate::scheduling::entry::echo(
                &super::pg_connect::shown(url.as_given()),
            )),
        }
    }
}

/// Opens the store a locator names (creating and migrating an SQLite file as needed): the one
/// place the window and the command line get a store from.
pub fn open(locator: &Locator) -> Result<Box<dyn Store + Send>> {
    open_keyed(locator, None)
}

/// [`open`] of a database that may be encrypted: an SQLite file with `key` is opened (or
/// created) encrypted (`SqliteStore::open_encrypted`); a server's database takes no key (the
/// server and its connection's TLS protect it).
pub fn open_keyed(
    locator: &Locator,
    key: Option<&super::cipher::DatabaseKey>,
) -> Result<Box<dyn Store + Send>> {
    match locator {
        Locator::Sqlite(path) => Ok(Box::new(match key {
            Some(key) => SqliteStore::open_encrypted(path, key, Default::default())?,
            None => SqliteStore::open(path)?,
        })),
        Locator::Postgres(url) => Ok(Box::new(PostgresStore::open(url.as_given())?)),
    }
}

/// The scheme of a text that is a URL: `scheme://…` (RFC 3986's scheme: a letter, then
/// letters, digits, `+`, `-` or `.`), or a database scheme followed by `:`.
fn url_scheme(text: &str) -> Option<&str> {
    let (scheme, rest) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let is_scheme = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let database = DATABASE_SCHEMES
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme));
    (is_scheme && (rest.starts_with("//") || database)).then_some(scheme)
}

/// The known schemes as a message names them.
fn known_schemes() -> String {
    KNOWN_SCHEMES
        .iter()
        .map(|s| format!("{s}://"))
        .collect::<Vec<_>>()
        .join(", ")
}

// `open` hands out `dyn Store + Send`: this fails to compile if the trait stops being object
// safe (a generic method needs `where Self: Sized`) or `SqliteStore` stops being `Send`.
const _: Option<&(dyn Store + Send)> = None;
const _: fn(SqliteStore) -> Box<dyn Store + Send> = |s| Box::new(s);

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        match Locator::parse(text) {
            Err(e @ StoreError::UnknownScheme { .. }) => e.to_string(),
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn a_path_is_an_sqlite_file() {
        for text in [
            "clinic.sqlite3",
            "/srv/frontdesk/clinic.sqlite3",
            "./postgres:clinic",
            "/tmp/postgres://x",
            "clinic:2024.sqlite3",
            "C:clinic",
            "1http://x",
            "",
            "डेटा/क्लिनिक.sqlite3",
            "数据:诊所",
            ":memory:",
        ] {
            assert_eq!(
                Locator::parse(text).expect(text),
                Locator::Sqlite(PathBuf::from(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_url_is_never_taken_for_a_file_and_its_password_is_never_said() {
        // A PostgreSQL server's address is a server, shown and debugged without its password.
        for text in [
            "postgres://asha:s3cret@db.clinic.example/frontdesk",
            "postgresql://asha@db.clinic.example/frontdesk?password=s3cret",
            "POSTGRES://asha:s3cret@localhost/frontdesk",
        ] {
            let locator = Locator::parse(text).expect(text);
            assert!(matches!(locator, Locator::Postgres(_)), "{text}");
            assert_eq!(locator.file(), None);
            assert_eq!(locator.backups_folder(), None);
            for said in [locator.to_string(), format!("{locator:?}")] {
                assert!(!said.contains("s3cret"), "{said}");
                assert!(
                    said.contains("db.clinic.example") || said.contains("localhost"),
                    "{said}"
                );
            }
        }
        // Other schemes are refused, naming only the scheme and the known ones.
        let said = refused("mysql://asha:s3cret@db.clinic.example/frontdesk");
        assert!(said.contains("mysql:"), "{said}");
        assert!(said.contains("postgres://, postgresql://"), "{said}");
        assert!(!said.contains("s3cret") && !said.contains("asha"), "{said}");
        for text in [
            "postgres:",
            "postgres:dbname=frontdesk",
            "sqlite:clinic.sqlite3",
            "file:///srv/clinic.sqlite3",
            "mysql://x",
            "https://example.org/clinic.sqlite3",
            "x-y+z.1://a",
        ] {
            refused(text);
        }
        assert!(refused("MYSQL://x").contains("mysql:"));
    }

    #[test]
    fn only_a_well_formed_scheme_makes_a_url() {
        // A control character or a space cannot be in a scheme: these are (odd) file names.
        for text in ["pg\u{1b}[2J://x", "my db://x", "é://x"] {
            assert!(Locator::parse(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn a_path_that_is_not_utf8_is_kept_byte_for_byte_and_a_url_still_refused() {
        use std::os::unix::ffi::OsStrExt;
        let text = OsStr::from_bytes(b"/srv/cl\xffnic.sqlite3");
        assert_eq!(
            Locator::parse_os(text).expect("a file"),
            Locator::Sqlite(PathBuf::from(text))
        );
        assert!(Locator::parse_os(OsStr::from_bytes(b"postgres://\xff")).is_err());
        assert!(Locator::parse_os(OsStr::from_bytes(b"mysql://\xff")).is_err());
        assert!(matches!(
            Locator::parse_os(OsStr::new("postgres://x@h/d")),
            Ok(Locator::Postgres(_))
        ));
    }

    #[test]
    fn the_folders_are_beside_the_file() {
        let here = Locator::parse("clinic.sqlite3").expect("a file");
        assert_eq!(here.files_folder(), Some(PathBuf::from(".")));
        let there = Locator::parse("/srv/fd/clinic.sqlite3").expect("a file");
        assert_eq!(there.files_folder(), Some(PathBuf::from("/srv/fd")));
        assert_eq!(there.file(), Some(Path::new("/srv/fd/clinic.sqlite3")));
        assert_eq!(
            there.backups_folder(),
            Some(backup::backups_dir(Path::new("/srv/fd/clinic.sqlite3")))
        );
    }

    #[test]
    fn a_locator_is_shown_escaped() {
        let odd = Locator::Sqlite(PathBuf::from("/srv/a\nfrontdesk: ok"));
        assert!(!odd.to_string().contains('\n'));
    }
}
