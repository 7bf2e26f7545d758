//! Rows inserted many to a statement: one round trip to a server for up to [`BATCH_ROWS`]
//! rows, within both engines' limits on parameters. For loading and copying whole clinics
//! (`demo`, `migrate`), where one statement per row would spend its time waiting on the
//! network.

use super::sql::{self, Db, Owned, ToValue};

/// Rows per insert statement, at most.
const BATCH_ROWS: usize = 200;

/// Values per insert statement, at most (SQLite allows 32,766 parameters, PostgreSQL 65,535).
const BATCH_VALUES: usize = 6000;

/// Rows waiting to go into one table.
pub(crate) struct Batch {
    /// `INSERT INTO table (columns) VALUES`, before the rows.
    head: String,
    /// After the rows (`ON CONFLICT DO NOTHING`, or nothing).
    tail: &'static str,
    /// Values per row.
    width: usize,
    /// Rows per full statement.
    per_statement: usize,
    /// The waiting rows' values, row after row.
    values: Vec<Owned>,
}

impl Batch {
    /// Rows for `table`'s `columns`; `tail` follows the rows in each statement.
    pub(crate) fn new(table: &str, columns: &[&str], tail: &'static str) -> Self {
        let width = columns.len().max(1);
        let per_statement = (BATCH_VALUES / width).clamp(1, BATCH_ROWS);
        Batch {
            head: format!("INSERT INTO {table} ({}) VALUES ", columns.join(", ")),
            tail,
            width,
            per_statement,
            // Grown as rows come: a single booking's insert is a batch of one row.
            values: Vec::new(),
        }
    }

    /// Whether a full statement's rows are waiting.
    pub(crate) fn is_full(&self) -> bool {
        self.values.len() >= self.per_statement * self.width
    }

    /// Adds a row (its values in column order); it is stored by a later [`Batch::flush`].
    pub(crate) fn push(&mut self, row: &[&dyn ToValue]) {
        debug_assert_eq!(row.len(), self.width, "{}", self.head);
        self.values
            .extend(row.iter().map(|v| Owned::of(v.to_value())));
    }

    /// Adds a row of values already owned.
    pub(crate) fn push_owned(&mut self, row: Vec<Owned>) {
        debug_assert_eq!(row.len(), self.width, "{}", self.head);
        self.values.extend(row);
    }

    /// Stores every waiting row through `db`, a full statement at a time. When a statement
    /// fails, the rows stored before it are no longer waiting (they are not sent again), and
    /// the failed statement's rows and those after it are.
    pub(crate) fn flush(&mut self, db: &Db) -> sql::Result<()> {
        let rows = self.values.len() / self.width;
        let mut done = 0;
        while done < rows {
            let n = (rows - done).min(self.per_statement);
            let chunk = &self.values[done * self.width..(done + n) * self.width];
            let values: Vec<&dyn ToValue> = chunk.iter().map(|v| v as &dyn ToValue).collect();
            // The full statement is used again and again; a shorter last one is prepared once.
            let stored = db
                .prepare_cached(&self.statement(n))
                .and_then(|mut statement| statement.execute(values));
            if let Err(e) = stored {
                self.values.drain(..done * self.width);
                return Err(e);
            }
            done += n;
        }
        self.values.clear();
        Ok(())
    }

    /// The insert of `rows` rows.
    fn statement(&self, rows: usize) -> String {
        let mut sql = self.head.clone();
        for r in 0..rows {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 1..=self.width {
                if c > 1 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("?{}", r * self.width + c));
            }
            sql.push(')');
        }
        sql.push_str(self.tail);
        sql
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_stored_before_a_failed_statement_are_not_sent_again() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory");
        conn.execute_batch("CREATE TABLE t (a INTEGER PRIMARY KEY)")
            .expect("table");
        let db = Db::Sqlite(&conn);
        let mut batch = Batch::new("t", &["a"], "");
        let rows = BATCH_ROWS as i64;
        // The first statement's rows are new; the second's last row repeats its first.
        for i in 0..(2 * rows - 1) {
            batch.push(&[&i]);
        }
        batch.push(&[&rows]);
        assert!(batch.flush(&db).is_err(), "the second statement fails");
        assert_eq!(
            batch.values.len(),
            BATCH_ROWS,
            "the second statement's rows wait"
        );
        let stored: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .expect("count");
        assert_eq!(stored, rows, "the first statement's rows are stored once");
    }

    #[test]
    fn a_statement_numbers_every_rows_values() {
        let batch = Batch::new("t", &["a", "b"], " ON CONFLICT DO NOTHING");
        assert_eq!(
            batch.statement(2),
            "INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4) ON CONFLICT DO NOTHING"
        );
        assert_eq!(batch.per_statement, BATCH_ROWS);
    }

    #[test]
    fn wide_rows_stay_within_the_parameter_limit() {
        let columns: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
        let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
        let batch = Batch::new("t", &columns, "");
        assert!(batch.per_statement * 100 <= BATCH_VALUES);
        assert!(batch.per_statement >= 1);
    }

    #[test]
    fn rows_are_stored_a_statement_at_a_time_and_all_of_them() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory");
        conn.execute_batch("CREATE TABLE t (a INTEGER, b TEXT)")
            .expect("table");
        let db = Db::Sqlite(&conn);
        let mut batch = Batch::new("t", &["a", "b"], "");
        for i in 0..(BATCH_ROWS as i64 * 2 + 7) {
            batch.push(&[&i, &format!("row {i}")]);
        }
        assert!(batch.is_full());
        batch.flush(&db).expect("flush");
        assert!(!batch.is_full());
        batch.flush(&db).expect("nothing waiting is nothing stored");
        let (n, sum): (i64, i64) = conn
            .query_row("SELECT count(*), sum(a) FROM t", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("count");
        let rows = BATCH_ROWS as i64 * 2 + 7;
        assert_eq!(n, rows);
        assert_eq!(sum, rows * (rows - 1) / 2);
    }
}
