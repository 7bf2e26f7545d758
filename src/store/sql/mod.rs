//! One way for the store's code to speak SQL to either engine: a connection ([`Db`]), its
//! transactions, statements and rows, with the engine's own types kept inside. The store's SQL
//! is written once, in the subset both engines run (numbered `?N` parameters, standard SQL);
//! PostgreSQL gets it with `$N` parameters and the few spellings that differ changed
//! ([`pg::translate`]). Which engine-only statements remain (PRAGMAs, triggers, backups) live
//! in the engine's own modules.

mod memo;
pub(crate) mod pg;
mod value;

pub(crate) use value::{FromValue, Owned, Params, ToValue, Value, params};

/// Why a statement failed, engine by engine, or why a value could not be read.
#[derive(Debug)]
pub(crate) enum Error {
    /// SQLite said no.
    Sqlite(rusqlite::Error),
    /// PostgreSQL said no, or the connection to it broke.
    Postgres(postgres::Error),
    /// A query that must return a row returned none.
    NoRows,
    /// A stored value is not what the store wrote there.
    Conversion {
        /// The column, counted from 0.
        column: usize,
        /// What was expected and found.
        what: String,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Sqlite(e) => e.fmt(f),
            Error::Postgres(e) => e.fmt(f),
            Error::NoRows => f.write_str("the query returned no rows"),
            Error::Conversion { column, what } => write!(f, "column {column}: {what}"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The error as SQLite's own, for the SQLite-only code (migrations) that calls shared code.
    pub(crate) fn into_sqlite(self) -> rusqlite::Error {
        match self {
            Error::Sqlite(e) => e,
            Error::NoRows => rusqlite::Error::QueryReturnedNoRows,
            Error::Conversion { column, what } => rusqlite::Error::FromSqlConversionFailure(
                column,
                rusqlite::types::Type::Text,
                what.into(),
            ),
            Error::Postgres(e) => rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        match error {
            rusqlite::Error::QueryReturnedNoRows => Error::NoRows,
            other => Error::Sqlite(other),
        }
    }
}

impl From<postgres::Error> for Error {
    fn from(error: postgres::Error) -> Self {
        Error::Postgres(error)
    }
}

/// Short for results of one statement.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

/// `.optional()`: "no row" becomes `None`.
pub(crate) trait OptionalExtension<T> {
    /// `None` when the query returned no row; other errors stay errors.
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A connection to one engine, borrowed for one piece of work.
#[derive(Clone, Copy)]
pub(crate) enum Db<'c> {
    /// A SQLite file.
    Sqlite(&'c rusqlite::Connection),
    /// A PostgreSQL server.
    Postgres(&'c pg::Session),
}

/// How a transaction begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Begin {
    /// A read: one consistent snapshot, other desks keep writing.
    Read,
    /// A read of a few rows through their indexes (a conflict check), as [`Begin::Read`]; a
    /// server plans each of its statements once, not at every run ([`Begin::Write`] too).
    Check,
    /// A write: no other desk writes until this one ends, so what it checked is still true
    /// when it writes (SQLite's `BEGIN IMMEDIATE`; PostgreSQL's clinic-wide write lock). When it
    /// changed anything, its commit counts one more change for the other desks to see
    /// ([`CHANGE_VERSION_SQL`]).
    Write,
    /// A booking that locks no more than it books: a write, as [`Begin::Write`], except that
    /// on a server it waits only for writes to the same doctor, room or patient (and for any
    /// other kind of write), so desks booking different ones store their bookings at once.
    /// Only for a booking whose every check reads nothing but those three and the setup (a
    /// registered patient, a time given, no queue token, no meeting link).
    Booking(Booked),
    /// A change of the schema itself (PostgreSQL's migrations): a write that counts nothing.
    Schema,
}

/// What a [`Begin::Booking`] locks: a key for each of its doctor, room and patient, in the
/// order every desk takes them (so two desks never wait for each other in a circle). Two ids
/// with the same key only wait for each other when they need not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Booked {
    keys: [i32; 3],
    len: usize,
}

impl Booked {
    /// The keys of `ids` (the doctor, the room if any, the patient).
    pub(crate) fn of(ids: &[uuid::Uuid]) -> Self {
        let mut keys = [0; 3];
        let mut len = 0;
        let mut all: Vec<i32> = ids
            .iter()
            .map(|id| {
                let v = id.as_u128();
                let half = (v as u64) ^ ((v >> 64) as u64);
                ((half as u32) ^ ((half >> 32) as u32)) as i32
            })
            .collect();
        all.sort_unstable();
        all.dedup();
        for key in all.into_iter().take(3) {
            keys[len] = key;
            len += 1;
        }
        Booked { keys, len }
    }

    /// The keys, in the order they are locked.
    pub(crate) fn keys(&self) -> &[i32] {
        &self.keys[..self.len]
    }
}

/// Reads the number of changes ever stored: every committed write that changed anything adds
/// one, in the same transaction, so a desk that sees it go up knows to read again. The count is
/// kept in up to 64 rows (schema migration 13): SQLite's writes, one at a time, count in the
/// first; a server's in the row of their transaction's id, so desks committing at the same
/// moment do not queue for one row.
pub(crate) const CHANGE_VERSION_SQL: &str =
    "SELECT CAST(coalesce(sum(version), 0) AS BIGINT) FROM change_counter";

impl<'c> Db<'c> {
    /// Starts a transaction; dropping it without [`Transaction::commit`] rolls it back.
    pub(crate) fn begin(&self, how: Begin) -> Result<Transaction<'c>> {
        match self {
            Db::Sqlite(conn) => conn.execute_batch(match how {
                Begin::Read | Begin::Check => "BEGIN DEFERRED",
                Begin::Write | Begin::Booking(_) | Begin::Schema => "BEGIN IMMEDIATE",
            })?,
            Db::Postgres(session) => session.begin(how)?,
        }
        let counts = match (how, self) {
            (Begin::Write | Begin::Booking(_), Db::Sqlite(conn)) => {
                Counts::Since(conn.total_changes())
            }
            (Begin::Write | Begin::Booking(_), Db::Postgres(_)) => Counts::IfWritten,
            (Begin::Read | Begin::Check | Begin::Schema, _) => Counts::Nothing,
        };
        Ok(Transaction {
            db: *self,
            open: true,
            counts,
        })
    }

    /// A prepared statement, kept for the next time the same SQL is run.
    pub(crate) fn prepare_cached(&self, sql: &str) -> Result<Statement<'c>> {
        match self {
            Db::Sqlite(conn) => Ok(Statement::Sqlite(conn.prepare_cached(sql)?)),
            Db::Postgres(session) => Ok(Statement::Postgres(session, session.prepare(sql)?)),
        }
    }

    /// A prepared statement (SQL built at run time is prepared each time).
    pub(crate) fn prepare(&self, sql: &str) -> Result<Statement<'c>> {
        self.prepare_cached(sql)
    }

    /// Runs one statement, returning how many rows it changed.
    pub(crate) fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    /// Runs a query that must return a row, reading it with `read`.
    pub(crate) fn query_row<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        read: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, read)
    }

    /// Whether this is a PostgreSQL server (for the few statements only it has).
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }

    /// Runs statements without parameters, one after the other.
    pub(crate) fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Db::Postgres(session) => session.batch(sql),
        }
    }

    /// Ends the open transaction with `COMMIT` or `ROLLBACK`.
    fn end(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Db::Postgres(session) => session.end(sql),
        }
    }

    /// Part of the clinic's setup that changes rarely (clinics, doctors, rooms, their hours),
    /// read by `load`. Inside a transaction on a PostgreSQL server, what the session read under
    /// the same `key` (naming the query and its parameters) at the same setup count is used
    /// instead (the same setup count: nothing in the setup changed since), saving the round
    /// trips ([`memo`]); SQLite reads it each time, as fast.
    pub(crate) fn remembered<T: Clone + Send + 'static>(
        &self,
        key: impl FnOnce() -> String,
        load: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        match self {
            Db::Sqlite(_) => load(),
            Db::Postgres(session) => session.remembered(key(), load),
        }
    }
}

/// An open transaction; it reads and writes as its [`Db`] (through `Deref`).
pub(crate) struct Transaction<'c> {
    db: Db<'c>,
    open: bool,
    counts: Counts,
}

/// Whether a transaction's commit adds one to the change counter.
#[derive(Debug, Clone, Copy)]
enum Counts {
    /// Not a write.
    Nothing,
    /// A SQLite write: when the connection's total of changed rows has passed this.
    Since(u64),
    /// A PostgreSQL write: when the transaction wrote anything.
    IfWritten,
}

impl<'c> Transaction<'c> {
    /// Stores everything done in the transaction.
    pub(crate) fn commit(mut self) -> Result<()> {
        if let (Counts::IfWritten, Db::Postgres(session)) = (self.counts, self.db) {
            self.open = false;
            return session.commit_counted();
        }
        self.count_the_change()?;
        self.open = false;
        self.db.end("COMMIT")
    }

    /// Adds one to SQLite's change counter when this write changed anything (PostgreSQL's is
    /// counted as it commits, [`pg::Session::commit_counted`]).
    fn count_the_change(&self) -> Result<()> {
        const BUMP: &str = "UPDATE change_counter SET version = version + 1 WHERE id = 1";
        match (self.counts, self.db) {
            (Counts::Nothing, _) => Ok(()),
            (Counts::Since(before), Db::Sqlite(conn)) => {
                if conn.total_changes() == before {
                    return Ok(());
                }
                match conn.execute(BUMP, []) {
                    Ok(_) => Ok(()),
                    // A file opened at an older schema version on purpose (tests of upgrades)
                    // has no counter yet; every file this build opens for use has one.
                    Err(rusqlite::Error::SqliteFailure(_, Some(message)))
                        if message == "no such table: change_counter" =>
                    {
                        Ok(())
                    }
                    Err(e) => Err(e.into()),
                }
            }
            (Counts::IfWritten, _) | (Counts::Since(_), Db::Postgres(_)) => Ok(()),
        }
    }

    /// Ends a read: nothing was written, so ending it stores nothing.
    pub(crate) fn finish(self) -> Result<()> {
        self.commit()
    }

    /// Drops everything done in the transaction.
    pub(crate) fn rollback(mut self) -> Result<()> {
        self.counts = Counts::Nothing;
        self.open = false;
        self.db.end("ROLLBACK")
    }
}

impl<'c> std::ops::Deref for Transaction<'c> {
    type Target = Db<'c>;
    fn deref(&self) -> &Db<'c> {
        &self.db
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing of the transaction is kept; a failed rollback leaves the connection
            // to close the transaction itself (SQLite on the next BEGIN, the server at once).
            let _ = self.db.end("ROLLBACK");
        }
    }
}

/// A prepared statement.
pub(crate) enum Statement<'c> {
    /// SQLite's own.
    Sqlite(rusqlite::CachedStatement<'c>),
    /// The session that prepared it, and the server's statement.
    Postgres(&'c pg::Session, pg::Prepared),
}

/// SQLite's view of one of our values.
struct Lite<'a>(&'a dyn ToValue);

impl rusqlite::ToSql for Lite<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self.0.to_value() {
            Value::Null => ValueRef::Null,
            Value::Integer(n) => ValueRef::Integer(n),
            Value::Real(x) => ValueRef::Real(x),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

fn bind<'p>(stmt: &mut rusqlite::CachedStatement<'_>, params: &'p [&'p dyn ToValue]) -> Result<()> {
    let expected = stmt.parameter_count();
    if expected != params.len() {
        return Err(Error::Sqlite(rusqlite::Error::InvalidParameterCount(
            params.len(),
            expected,
        )));
    }
    for (i, p) in params.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, Lite(*p))?;
    }
    Ok(())
}

impl Statement<'_> {
    /// Runs the statement, returning how many rows it changed.
    pub(crate) fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        let values = params.values();
        match self {
            Statement::Sqlite(stmt) => {
                bind(stmt, &values)?;
                Ok(stmt.raw_execute()?)
            }
            Statement::Postgres(session, stmt) => session.execute(stmt, &values),
        }
    }

    /// Runs a query that must return a row and reads the first one with `read`.
    pub(crate) fn query_row<T, P: Params>(
        &mut self,
        params: P,
        read: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut read = Some(read);
        let mut rows = self.query_map(params, |row| match read.take() {
            Some(read) => read(row).map(Some),
            None => Ok(None),
        })?;
        match rows.next() {
            Some(first) => first?.ok_or(Error::NoRows),
            None => Err(Error::NoRows),
        }
    }

    /// Runs a query and reads each row with `read`, as the rows are asked for.
    pub(crate) fn query_map<'s, T, P, F>(
        &'s mut self,
        params: P,
        read: F,
    ) -> Result<MappedRows<'s, F>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        let values = params.values();
        match self {
            Statement::Sqlite(stmt) => {
                bind(stmt, &values)?;
                Ok(MappedRows::Sqlite(stmt.raw_query(), read))
            }
            Statement::Postgres(session, stmt) => Ok(MappedRows::Postgres(
                session.query(stmt, &values)?.into_iter(),
                read,
            )),
        }
    }
}

/// The rows of a query, each read as it is asked for.
pub(crate) enum MappedRows<'s, F> {
    /// SQLite steps through its rows.
    Sqlite(rusqlite::Rows<'s>, F),
    /// PostgreSQL's rows, already fetched.
    Postgres(std::vec::IntoIter<postgres::Row>, F),
}

impl<T, F: FnMut(&Row<'_>) -> Result<T>> Iterator for MappedRows<'_, F> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self {
            MappedRows::Sqlite(rows, read) => match rows.next() {
                Ok(Some(row)) => Some(read(&Row::Sqlite(row))),
                Ok(None) => None,
                Err(e) => Some(Err(e.into())),
            },
            MappedRows::Postgres(rows, read) => rows.next().map(|row| read(&Row::Postgres(&row))),
        }
    }
}

/// One row of a query.
pub(crate) enum Row<'r> {
    /// A SQLite row.
    Sqlite(&'r rusqlite::Row<'r>),
    /// A PostgreSQL row.
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// The value of column `column` (from 0), read as `T`.
    pub(crate) fn get<T: FromValue>(&self, column: usize) -> Result<T> {
        self.with_value(column, |v| T::from_value(column, v))
    }

    /// Column `column` as it is, kept (copying a database from one engine to another).
    pub(crate) fn owned(&self, column: usize) -> Result<Owned> {
        self.with_value(column, |v| Ok(Owned::of(v)))
    }

    /// Column `column` as text, lent to `read` without copying it.
    pub(crate) fn with_text<T>(
        &self,
        column: usize,
        read: impl FnOnce(&str) -> Result<T>,
    ) -> Result<T> {
        self.with_value(column, |v| match v {
            Value::Text(s) => read(s),
            _ => Err(Error::Conversion {
                column,
                what: "text expected".into(),
            }),
        })
    }

    fn with_value<T>(&self, column: usize, read: impl FnOnce(Value<'_>) -> Result<T>) -> Result<T> {
        match self {
            Row::Sqlite(row) => {
                use rusqlite::types::ValueRef;
                let value = match row.get_ref(column)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::Integer(n),
                    ValueRef::Real(x) => Value::Real(x),
                    ValueRef::Text(t) => {
                        Value::Text(std::str::from_utf8(t).map_err(|_| Error::Conversion {
                            column,
                            what: "text that is not UTF-8".into(),
                        })?)
                    }
                    ValueRef::Blob(b) => Value::Blob(b),
                };
                read(value)
            }
            Row::Postgres(row) => pg::read(row, column, read),
        }
    }
}
