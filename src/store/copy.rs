//! Copying a clinic's whole database from one engine to the other, all or nothing, checked
//! and counted: a single-desk SQLite clinic moving onto a shared PostgreSQL server (`frontdesk
//! migrate --to`), and a server's backup written as a Frontdesk SQLite file (which `migrate
//! --to` brings back onto an empty database). Every table is copied row by row as stored, ids
//! and history included; the destination must hold no clinic yet.

use super::batch::Batch;
use super::error::{Result, StoreError};
use super::locator::Locator;
use super::sql::{Begin, Db, Owned, params};
use crate::export::Progress;

/// What a copy moved: each table and its rows, in the order copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    /// (table, rows), as found in both databases after the copy.
    pub tables: Vec<(String, u64)>,
}

impl CopyReport {
    /// Rows copied in all.
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

/// One table to copy and its columns.
struct Table {
    name: String,
    columns: Vec<String>,
    /// Whether its `id` is a number the database gives (a PostgreSQL identity to move on).
    numbered: bool,
}

/// Tables each database keeps for itself: its own schema record and its change and setup
/// counters (which go on counting at the destination), and the access log's head, which is
/// set to the source's once the log is copied (its one row is never deleted).
const NOT_COPIED: [&str; 4] = [
    "frontdesk_meta",
    "change_counter",
    "setup_counter",
    "access_log_head",
];

/// The ledger of queue tokens is also written by the database when an appointment with a token
/// is stored: it is copied after the appointments, adding only what they did not.
const LEDGER: &str = "queue_token";

/// The tables of the schema (read from SQLite's, which both engines share column for column),
/// each after every table it refers to.
fn plan(lite: &rusqlite::Connection) -> Result<Vec<Table>> {
    let mut names: Vec<String> = lite
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names.retain(|n| !NOT_COPIED.contains(&n.as_str()));
    let mut refers: Vec<(String, Vec<String>)> = Vec::new();
    for name in &names {
        let targets: Vec<String> = lite
            .prepare("SELECT \"table\" FROM pragma_foreign_key_list(?1)")?
            .query_map([name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        refers.push((name.clone(), targets));
    }
    let mut ordered: Vec<String> = Vec::new();
    while ordered.len() < names.len() {
        let before = ordered.len();
        for (name, targets) in &refers {
            if ordered.contains(name) {
                continue;
            }
            if targets.iter().all(|t| t == name || ordered.contains(t)) {
                ordered.push(name.clone());
            }
        }
        if ordered.len() == before {
            return Err(StoreError::Invalid(crate::t!("store-copy-circular-tables")));
        }
    }
    // The ledger last: appointments write their current tokens into it themselves.
    if let Some(at) = ordered.iter().position(|n| n == LEDGER) {
        let ledger = ordered.remove(at);
        ordered.push(ledger);
    }
    let mut tables = Vec::new();
    for name in ordered {
        let mut columns = Vec::new();
        let mut numbered = false;
        let mut stmt =
            lite.prepare("SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid")?;
        let rows = stmt.query_map([&name], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (column, kind, pk) = row?;
            numbered |= column == "id" && pk == 1 && kind.eq_ignore_ascii_case("INTEGER");
            columns.push(column);
        }
        tables.push(Table {
            name,
            columns,
            numbered,
        });
    }
    Ok(tables)
}

/// Copies everything in `from` into `to` in one write transaction of `to`; `lite` (the SQLite
/// side, `from` or `to`) gives the list of tables. Refused, changing nothing, when `to` already
/// holds a clinic or a count differs after the copy.
pub(crate) fn copy_database(
    lite: &rusqlite::Connection,
    from: Db<'_>,
    to: Db<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<CopyReport> {
    let tables = plan(lite)?;
    let count = |db: &Db, table: &str| -> Result<u64> {
        let n: i64 = db.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
            r.get(0)
        })?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let read = from.begin(Begin::Read)?;
    let tx = to.begin(Begin::Write)?;
    for table in ["clinic", "patient", "appointment"] {
        if count(&tx, table)? > 0 {
            return Err(StoreError::Invalid(crate::t!(
                "store-copy-destination-not-empty"
            )));
        }
    }
    // Rows the schema itself puts in a new database (the two starting reminder rules and their
    // texts) give way to the clinic's own; a table's rows go before those of the tables it
    // refers to.
    for table in tables.iter().rev() {
        if count(&tx, &table.name)? > 0 {
            tx.execute(&format!("DELETE FROM {}", table.name), params![])?;
        }
    }
    // Each table's rows as the read snapshot holds them: the progress's total, and what the
    // copy must hold at the end.
    let mut there = Vec::with_capacity(tables.len());
    for table in &tables {
        there.push(count(&read, &table.name)?);
    }
    let total = there.iter().fold(0u64, |sum, n| sum.saturating_add(*n));
    let mut done = 0u64;
    let mut report = Vec::new();
    for (table, there) in tables.iter().zip(there) {
        let columns: Vec<&str> = table.columns.iter().map(String::as_str).collect();
        let width = columns.len();
        let tail = if table.name == LEDGER {
            " ON CONFLICT DO NOTHING"
        } else {
            ""
        };
        // Rows go in batches: one statement, one round trip to a server, for many rows.
        let mut batch = Batch::new(&table.name, &columns, tail);
        let mut select = read.prepare(&format!(
            "SELECT {} FROM {}",
            columns.join(", "),
            table.name
        ))?;
        let rows = select.query_map(params![], |r| {
            (0..width)
                .map(|i| r.owned(i))
                .collect::<super::sql::Result<Vec<Owned>>>()
        })?;
        for row in rows {
            batch.push_owned(row?);
            done += 1;
            if batch.is_full() {
                batch.flush(&tx)?;
            }
            if done.is_multiple_of(1000) {
                progress(Progress {
                    phase: "copying",
                    done,
                    total,
                });
            }
        }
        batch.flush(&tx)?;
        if table.numbered && tx.is_postgres() {
            tx.execute_batch(&format!(
                "SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) FROM {0}",
                table.name
            ))?;
        }
        let here = count(&tx, &table.name)?;
        if there != here {
            return Err(StoreError::Invalid(crate::t!(
                "store-copy-rows-differ",
                table = &table.name,
                here = here.to_string(),
                there = there.to_string()
            )));
        }
        report.push((table.name.clone(), here));
    }
    // The copied access log goes on from where the source's ended.
    let (entries, hash): (i64, String) = read.query_row(
        "SELECT entries, hash FROM access_log_head WHERE id = 1",
        params![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    tx.execute(
        "UPDATE access_log_head SET entries = ?1, hash = ?2 WHERE id = 1",
        params![entries, hash],
    )?;
    progress(Progress {
        phase: "saving",
        done: total,
        total,
    });
    tx.commit()?;
    read.finish()?;
    Ok(CopyReport { tables: report })
}

/// Moves a clinic between engines: a single-desk SQLite file onto an empty PostgreSQL database
/// (made ready with the schema on the way), or a server's clinic into a new SQLite file. All or
/// nothing, checked and counted; the source is only read.
pub fn migrate(
    from: &Locator,
    to: &Locator,
    progress: &mut dyn FnMut(Progress),
) -> Result<CopyReport> {
    migrate_keyed(from, None, to, progress)
}

/// [`migrate`] from a file encrypted with `key` (a sign-in unwrapped it).
pub fn migrate_keyed(
    from: &Locator,
    key: Option<&super::cipher::DatabaseKey>,
    to: &Locator,
    progress: &mut dyn FnMut(Progress),
) -> Result<CopyReport> {
    use super::postgres::PostgresStore;
    use super::sqlite::SqliteStore;
    match (from, to) {
        (Locator::Sqlite(path), Locator::Postgres(url)) => {
            if !path.is_file() {
                return Err(StoreError::Invalid(crate::t!(
                    "store-copy-source-missing",
                    from = from.to_string()
                )));
            }
            let source = match key {
                Some(key) => SqliteStore::open_encrypted(path, key, Default::default())?,
                None => SqliteStore::open(path)?,
            };
            let destination = PostgresStore::open(url.as_given())?;
            let lite = source.raw();
            copy_database(
                lite,
                Db::Sqlite(lite),
                Db::Postgres(destination.session()),
                progress,
            )
            .map_err(|e| e.with_server(destination.server()))
        }
        (Locator::Postgres(url), Locator::Sqlite(path)) => {
            if path.exists() {
                return Err(StoreError::Invalid(crate::t!(
                    "store-copy-destination-exists",
                    to = to.to_string()
                )));
            }
            let source = PostgresStore::open(url.as_given())?;
            let destination = SqliteStore::open(path)?;
            let lite = destination.raw();
            copy_database(
                lite,
                Db::Postgres(source.session()),
                Db::Sqlite(lite),
                progress,
            )
            .map_err(|e| e.with_server(source.server()))
        }
        _ => Err(StoreError::Invalid(crate::t!(
            "store-copy-not-a-move",
            from = from.to_string(),
            to = to.to_string()
        ))),
    }
}
