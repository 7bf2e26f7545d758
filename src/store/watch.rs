//! Watching a clinic's database for changes made anywhere (this window, another window, the
//! command line, another desk), so every open calendar reads again within a second. Each
//! committed change adds one to the change counter ([`ChangeVersion`]); a watcher waits for the
//! number to move. On PostgreSQL it listens for the server's doorbell (`NOTIFY
//! frontdesk_changes`, rung by every counted commit) on a connection of its own, with a slow
//! safety read of the counter; on SQLite it reads the counter a few times a second (a read of
//! one row). A watcher that loses its database says so, and the first answer after it is back
//! is "changed", so the desk reads everything again.

use std::path::PathBuf;

use super::cipher::DatabaseKey;
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;

use super::ChangeVersion;
use super::Locator;
use super::error::StoreError;
use super::pg_connect::ServerAddress;
use super::sql::CHANGE_VERSION_SQL;

/// What a wait for changes found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Watched {
    /// The database changed since the last answer (or came back after being lost): read again.
    Changed,
    /// Nothing changed.
    Quiet,
    /// The database cannot be reached, in words a person can act on; the desk shows what it has
    /// and refuses changes until an answer other than this one comes.
    Lost(String),
}

/// Waits for changes to one database.
pub struct Watcher {
    source: Source,
    seen: Option<ChangeVersion>,
    lost: bool,
}

enum Source {
    Sqlite {
        path: PathBuf,
        conn: Option<rusqlite::Connection>,
        key: Option<DatabaseKey>,
    },
    Postgres {
        address: Box<ServerAddress>,
        client: Option<postgres::Client>,
    },
}

/// How often SQLite's counter is read.
const SQLITE_POLL: Duration = Duration::from_millis(100);

impl Watcher {
    /// A watcher of the database `locator` names (the one the window opened), or why the
    /// server's address cannot be used.
    pub fn open(locator: &Locator) -> Result<Self, StoreError> {
        Watcher::open_keyed(locator, None)
    }

    /// [`Watcher::open`] of a database that may be encrypted with `key`.
    pub fn open_keyed(locator: &Locator, key: Option<&DatabaseKey>) -> Result<Self, StoreError> {
        match locator {
            Locator::Sqlite(path) => Ok(Watcher::sqlite_keyed(path.clone(), key)),
            Locator::Postgres(url) => Watcher::postgres(url.as_given()),
        }
    }

    /// A watcher of the SQLite file at `path`.
    pub fn sqlite(path: PathBuf) -> Self {
        Watcher::sqlite_keyed(path, None)
    }

    /// A watcher of the SQLite file at `path`, encrypted with `key` when one is given (its own
    /// connection is keyed like the store's).
    pub fn sqlite_keyed(path: PathBuf, key: Option<&DatabaseKey>) -> Self {
        Watcher {
            source: Source::Sqlite {
                path,
                conn: None,
                key: key.cloned(),
            },
            seen: None,
            lost: false,
        }
    }

    /// A watcher of the PostgreSQL database at `url`, or why the address cannot be used.
    pub fn postgres(url: &str) -> Result<Self, StoreError> {
        Ok(Watcher {
            source: Source::Postgres {
                address: Box::new(ServerAddress::parse(url)?),
                client: None,
            },
            seen: None,
            lost: false,
        })
    }

    /// Waits up to `at_most` for a change. The first call only learns where the count stands
    /// (it answers `Quiet` unless the database cannot be reached).
    pub fn wait(&mut self, at_most: Duration) -> Watched {
        let result = match &mut self.source {
            Source::Sqlite { path, conn, key } => {
                wait_sqlite(path, conn, key.as_ref(), self.seen, at_most)
            }
            Source::Postgres { address, client } => {
                wait_postgres(address, client, self.seen, at_most)
            }
        };
        match result {
            Ok(now) => {
                let first = self.seen.is_none();
                let moved = self.seen != Some(now);
                self.seen = Some(now);
                let back = std::mem::replace(&mut self.lost, false);
                if back || (moved && !first) {
                    Watched::Changed
                } else {
                    Watched::Quiet
                }
            }
            Err(reason) => {
                self.lost = true;
                Watched::Lost(reason)
            }
        }
    }
}

/// Reads SQLite's counter until it differs from `seen` or `at_most` has passed.
fn wait_sqlite(
    path: &std::path::Path,
    conn: &mut Option<rusqlite::Connection>,
    key: Option<&DatabaseKey>,
    seen: Option<ChangeVersion>,
    at_most: Duration,
) -> Result<ChangeVersion, String> {
    let until = Instant::now() + at_most;
    loop {
        if conn.is_none() {
            let opened = rusqlite::Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| StoreError::from_sqlite(e, path).to_string())?;
            if let Some(key) = key {
                super::cipher::apply_key(&opened, key, path).map_err(|e| e.to_string())?;
            }
            let _ = opened.busy_timeout(Duration::from_secs(2));
            *conn = Some(opened);
        }
        let Some(c) = conn.as_ref() else {
            return Err("the database file cannot be opened".into());
        };
        let now = match c.query_row(CHANGE_VERSION_SQL, [], |r| r.get(0)) {
            Ok(n) => ChangeVersion(n),
            Err(e) => {
                *conn = None;
                return Err(StoreError::from_sqlite(e, path).to_string());
            }
        };
        if seen != Some(now) || Instant::now() >= until {
            return Ok(now);
        }
        std::thread::sleep(SQLITE_POLL.min(until.saturating_duration_since(Instant::now())));
    }
}

/// Listens for the server's doorbell until it rings or `at_most` has passed, then reads the
/// counter (a missed or collapsed ring is caught by that read).
fn wait_postgres(
    address: &ServerAddress,
    client: &mut Option<postgres::Client>,
    seen: Option<ChangeVersion>,
    at_most: Duration,
) -> Result<ChangeVersion, String> {
    let lost = |e: postgres::Error| {
        StoreError::from_postgres(e)
            .with_server(&address.shown)
            .to_string()
    };
    if client.is_none() {
        let mut c = address.connect().map_err(|e| e.to_string())?;
        c.batch_execute(&format!("LISTEN {}", super::sql::pg::DOORBELL))
            .map_err(lost)?;
        *client = Some(c);
    }
    let Some(c) = client.as_mut() else {
        return Err("no connection to the server".into());
    };
    let read = |c: &mut postgres::Client| -> Result<ChangeVersion, postgres::Error> {
        Ok(ChangeVersion(c.query_one(CHANGE_VERSION_SQL, &[])?.get(0)))
    };
    let result = (|| {
        let now = read(c)?;
        if seen.is_some() && seen != Some(now) {
            return Ok(now);
        }
        {
            let mut notifications = c.notifications();
            let rang = notifications.timeout_iter(at_most).next()?;
            if rang.is_some() {
                // Several commits may ring at once: one read covers them all.
                while notifications.iter().next()?.is_some() {}
            }
        }
        read(c)
    })();
    result.map_err(|e| {
        *client = None;
        lost(e)
    })
}
