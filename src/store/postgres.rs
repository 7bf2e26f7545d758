//! The PostgreSQL engine of [`Store`]: one session with a clinic's shared server, opened by
//! [`PostgresStore::open`], which brings an empty database up to this build's schema (the same
//! migrations, in the same order, as a SQLite file gets) and refuses a database that is not
//! Frontdesk's or was set up by a newer Frontdesk.

use std::time::Duration;

use super::CheckReport;
use super::engine::Engine;
use super::error::{Result, StoreError};
use super::pg_connect::ServerAddress;
use super::pg_schema::PG_MIGRATIONS;
use super::schema::LATEST_VERSION;
use super::sql::{Db, OptionalExtension, params, pg::Session};

/// The advisory lock held while a desk brings the schema up to date, so two desks starting at
/// once do not both migrate.
const MIGRATE_LOCK: i64 = 0x4644_534D;

/// How long a desk waits for another desk's write to finish before it says so and gives up.
pub(crate) const LOCK_WAIT_SECONDS: u64 = 15;

/// How long a desk may keep a transaction open without a word before the server ends it (a
/// desk that hangs mid-change does not hold the others up).
const IDLE_IN_TRANSACTION_SECONDS: u64 = 600;

/// A Frontdesk database on a PostgreSQL server.
pub struct PostgresStore {
    session: Session,
    url: super::locator::ServerUrl,
    address: ServerAddress,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("server", &self.server())
            .finish()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user@host/database`, libpq's URL form),
    /// giving an empty database the schema and a Frontdesk database any migrations it lacks.
    pub fn open(url: &str) -> Result<Self> {
        let mut address = ServerAddress::parse(url)?;
        if address.config.get_connect_timeout().is_none() {
            address.config.connect_timeout(Duration::from_secs(10));
        }
        address.config.application_name("frontdesk");
        address.config.keepalives_idle(Duration::from_secs(30));
        let session = Session::new(connect(&address)?);
        let store = PostgresStore {
            session,
            url: super::locator::ServerUrl::new(url),
            address,
        };
        store.migrate().map_err(|e| e.with_server(store.server()))?;
        // The schema has the setup counter now: the setup may be remembered by its count.
        store.session.remember_setup();
        Ok(store)
    }

    /// The server and database as shown to people (no password).
    pub fn server(&self) -> &str {
        &self.address.shown
    }

    /// The session, for copying a whole database in or out ([`super::copy`]).
    pub(crate) fn session(&self) -> &Session {
        &self.session
    }

    /// Brings the schema up to [`LATEST_VERSION`], one migration per transaction, under a lock
    /// that other desks opening at the same moment wait for.
    fn migrate(&self) -> Result<()> {
        let db = Db::Postgres(&self.session);
        db.execute_batch(&format!("SELECT pg_advisory_lock({MIGRATE_LOCK})"))?;
        let result = self.migrate_locked(&db);
        let unlocked = db.execute_batch(&format!("SELECT pg_advisory_unlock({MIGRATE_LOCK})"));
        result?;
        Ok(unlocked?)
    }

    fn migrate_locked(&self, db: &Db) -> Result<()> {
        // Names in every script must come back as they were written.
        let encoding: String = db.query_row(
            "SELECT current_setting('server_encoding')",
            params![],
            |r| r.get(0),
        )?;
        if encoding != "UTF8" {
            return Err(StoreError::Invalid(crate::t!(
                "store-server-not-utf8",
                server = self.server(),
                encoding = encoding
            )));
        }
        let ours: bool = db.query_row(
            "SELECT to_regclass('frontdesk_meta') IS NOT NULL",
            params![],
            |r| r.get(0),
        )?;
        if !ours {
            let others: i64 = db.query_row(
                "SELECT count(*) FROM information_schema.tables \
                 WHERE table_schema = current_schema()",
                params![],
                |r| r.get(0),
            )?;
            if others > 0 {
                return Err(StoreError::ForeignDatabase {
                    server: self.server().to_owned(),
                });
            }
            db.execute_batch(
                "CREATE TABLE frontdesk_meta (key text COLLATE \"C\" PRIMARY KEY, value text NOT NULL);
                 INSERT INTO frontdesk_meta VALUES ('application', 'frontdesk'), ('schema_version', '0');",
            )?;
        }
        let application: Option<String> = db
            .query_row(
                "SELECT value FROM frontdesk_meta WHERE key = 'application'",
                params![],
                |r| r.get(0),
            )
            .optional()?;
        if application.as_deref() != Some("frontdesk") {
            return Err(StoreError::ForeignDatabase {
                server: self.server().to_owned(),
            });
        }
        let found = schema_version(db)?;
        if found > LATEST_VERSION {
            return Err(StoreError::NewerServerVersion {
                server: self.server().to_owned(),
                found,
                supported: LATEST_VERSION,
            });
        }
        let from = usize::try_from(found).unwrap_or(0);
        for (index, migration) in PG_MIGRATIONS.iter().enumerate().skip(from) {
            let tx = db.begin(super::sql::Begin::Schema)?;
            tx.execute_batch(migration)?;
            tx.execute(
                "UPDATE frontdesk_meta SET value = ?1 WHERE key = 'schema_version'",
                [(index + 1).to_string()],
            )?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// A connection with this desk's limits on waiting set.
fn connect(address: &ServerAddress) -> Result<postgres::Client> {
    let mut client = address.connect()?;
    client
        .batch_execute(&format!(
            "SET lock_timeout = '{LOCK_WAIT_SECONDS}s'; \
             SET idle_in_transaction_session_timeout = '{IDLE_IN_TRANSACTION_SECONDS}s'"
        ))
        .map_err(|e| StoreError::from_postgres(e).with_server(&address.shown))?;
    Ok(client)
}

/// The schema version recorded in `frontdesk_meta`.
fn schema_version(db: &Db) -> Result<i64> {
    let text: String = db.query_row(
        "SELECT value FROM frontdesk_meta WHERE key = 'schema_version'",
        params![],
        |r| r.get(0),
    )?;
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("schema version '{text}'")))
}

impl super::Maintenance for PostgresStore {
    fn locator(&self) -> super::Locator {
        super::Locator::Postgres(self.url.clone())
    }

    /// The server checks its own pages: nothing Frontdesk finds makes it read-only.
    fn damage(&self) -> Option<&str> {
        None
    }

    fn mark_damaged(&mut self, _summary: String) -> Result<()> {
        Ok(())
    }

    /// A server keeps no key slots: its disks are the server's to encrypt.
    fn key_slot(
        &mut self,
        _member: &crate::scheduling::staff::StaffMember,
        _change: super::maintenance::SlotChange<'_>,
    ) -> Result<()> {
        Ok(())
    }

    /// A server keeps no key slots: the hash is all there is.
    fn set_password(
        &mut self,
        member: &crate::scheduling::staff::StaffMember,
        _password: &crate::signin::Secret,
        hash: &crate::signin::Hashed,
        access: &crate::scheduling::access::Access,
    ) -> Result<()> {
        use super::Accounts;
        self.set_secret(
            member.id,
            crate::signin::SecretKind::Password,
            Some(hash),
            access,
        )
    }

    fn encrypt(
        &mut self,
        _member: &crate::scheduling::staff::StaffMember,
        _password: &crate::signin::Secret,
        _now: chrono::DateTime<chrono::Utc>,
    ) -> Result<super::maintenance::EncryptedNow> {
        Err(StoreError::Invalid(crate::t!("store-guard-encrypt-server")))
    }

    /// A logical backup: every table of the clinic, read in one snapshot while desks keep
    /// working, written as a Frontdesk SQLite file (mode 0600) that `frontdesk --db FILE check`
    /// reads and `frontdesk --db FILE migrate --to postgres://…` brings back onto an empty
    /// database.
    fn backup_to(
        &mut self,
        dest: &std::path::Path,
        progress: &mut dyn FnMut(crate::store::Progress),
    ) -> Result<super::backup::BackupReport> {
        use super::backup::BackupError;
        let io = |path: &std::path::Path| {
            let path = path.to_path_buf();
            move |error| {
                StoreError::Backup(BackupError::Io {
                    path: path.clone(),
                    error,
                })
            }
        };
        super::backup::check_destination(dest)?;
        let (partial, file) = crate::private_file::Partial::create(dest).map_err(io(dest))?;
        drop(file);
        {
            let opened =
                super::open::open_connection(partial.path(), super::StoreOptions::default())?;
            super::copy::copy_database(
                &opened.conn,
                Db::Postgres(&self.session),
                Db::Sqlite(&opened.conn),
                progress,
            )
            .map_err(|e| self.classify(e))?;
            // A standalone file, as every backup is: no write-ahead log beside it.
            let _: String = opened
                .conn
                .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
                .map_err(StoreError::from)?;
            opened
                .conn
                .close()
                .map_err(|(_, e)| StoreError::from_sqlite(e, partial.path()))?;
        }
        for side in &crate::private_file::with_sidecars(partial.path())[1..] {
            if side.exists() {
                std::fs::remove_file(side).map_err(io(side))?;
            }
        }
        std::fs::File::open(partial.path())
            .and_then(|f| f.sync_all())
            .map_err(io(partial.path()))?;
        let bytes = std::fs::metadata(partial.path())
            .map(|m| m.len())
            .map_err(io(partial.path()))?;
        partial.persist(dest).map_err(io(dest))?;
        Ok(super::backup::BackupReport {
            path: dest.to_path_buf(),
            bytes,
        })
    }

    fn restore_from(
        &mut self,
        _candidate: &std::path::Path,
        _now: chrono::DateTime<chrono::Utc>,
        _progress: &mut dyn FnMut(crate::store::Progress),
    ) -> Result<super::backup::RestoreReport> {
        // A server's database is replaced by bringing a backup onto a new, empty database
        // (`frontdesk --db BACKUP migrate --to postgres://…`) and pointing the desks at it.
        Err(StoreError::RestoreOntoServer {
            server: self.server().to_owned(),
        })
    }
}

impl Engine for PostgresStore {
    fn db(&self) -> Db<'_> {
        if self.session.is_closed()
            && let Ok(client) = connect(&self.address)
        {
            // The server is back: later statements use the new connection.
            self.session.replace(client);
        }
        Db::Postgres(&self.session)
    }

    fn writable(&mut self) -> Db<'_> {
        self.db()
    }

    fn classify(&self, error: StoreError) -> StoreError {
        error.with_server(self.server())
    }

    fn act_as(&mut self, name: Option<&str>) -> Result<()> {
        let r = self.db();
        let Db::Postgres(session) = r else {
            return Ok(());
        };
        session.act_as(name).map_err(|e| self.classify(e.into()))
    }

    fn engine_check(&self) -> Result<CheckReport> {
        let db = self.db();
        let run = || -> Result<CheckReport> {
            let tx = db.begin(super::sql::Begin::Read)?;
            let schema_version = schema_version(&tx)?;
            let mut counts = Vec::new();
            for (label, table) in super::agenda::COUNTED_TABLES {
                let n: i64 =
                    tx.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
                        r.get(0)
                    })?;
                counts.push((label, Some(n)));
            }
            let unexplained_overlaps: i64 =
                tx.query_row(&super::agenda::unexplained_overlaps_sql(), params![], |r| {
                    r.get(0)
                })?;
            tx.finish()?;
            Ok(CheckReport {
                engine: "PostgreSQL",
                // The server checks its own pages and refuses a broken reference itself.
                damage: None,
                broken_references: 0,
                schema_version,
                counts,
                unexplained_overlaps,
                access_log: None,
            })
        };
        run().map_err(|e| self.classify(e))
    }
}
