//! The PostgreSQL side of the SQL layer: one client session, its prepared statements, the
//! store's SQL put into PostgreSQL's spelling, and our values turned into the server's types
//! (and back) by the types the server says each parameter and column has.

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use uuid::Uuid;

use super::memo::Memo;
use super::{Begin, Error, Result, ToValue, Value};

/// The advisory lock every write transaction takes first: writes from all desks run one after
/// the other, as they do on SQLite, so a check made in a write still holds when it writes and
/// the history's numbering is the order in which changes were stored. Plain bookings
/// ([`Begin::Booking`]) share it with each other (each then locks its doctor, room and patient),
/// so only their "created" events may be numbered out of the order they were stored in; every
/// other change, and so everything the freed-slot feed reads, still waits for all of them.
pub(crate) const WRITE_LOCK: i64 = 0x4644_534B;

/// The class of the advisory locks a booking takes on its doctor, room and patient
/// ([`Begin::Booking`]), beside its share of [`WRITE_LOCK`].
pub(crate) const BOOKED_LOCK: i32 = 0x4644_5342;

/// The channel a committed change is announced on (`LISTEN frontdesk_changes`).
pub(crate) const DOORBELL: &str = "frontdesk_changes";

/// A committed write that changed anything counts one more change, in the row of the
/// transaction's id (schema migration 13), in the round trip that commits it. A transaction
/// has an id only once it has written. The other desks' doorbell is rung after the commit
/// ([`Session::commit_counted`]): a `NOTIFY` inside the transaction would hold the server's
/// one notification lock through the commit's flush, and desks committing at once would
/// flush one after another.
const COUNTED_COMMIT: &str = "INSERT INTO change_counter (id, version) \
    SELECT 1 + CAST(CAST(pg_current_xact_id_if_assigned() AS text) AS bigint) % 64, 1 \
    WHERE pg_current_xact_id_if_assigned() IS NOT NULL \
    ON CONFLICT (id) DO UPDATE SET version = change_counter.version + 1; \
    COMMIT";

/// The other desks' doorbell, rung after a counted commit in a transaction of its own. A
/// `NOTIFY` gives its transaction an id and holds the notification lock through its commit; a
/// ring need not survive a crash, so that commit does not wait for the disk, and the lock is
/// held for no flush.
const RING: &str = "BEGIN; SET LOCAL synchronous_commit = off; NOTIFY frontdesk_changes; COMMIT";

/// Reads the setup counter (schema migration 12), which [`Memo`] keys what it keeps by.
const SETUP_VERSION_SQL: &str = "SELECT version FROM setup_counter WHERE id = 1";

/// One connection to the server, with the statements it has prepared and the setup it
/// remembers ([`Memo`]).
pub(crate) struct Session {
    client: RefCell<postgres::Client>,
    prepared: RefCell<HashMap<String, Prepared>>,
    memo: RefCell<Memo>,
    /// Who is signed in at this desk, as each write tells the server (`frontdesk.staff`), as
    /// hex of its UTF-8 (so no name can break out of the statement).
    acting: RefCell<Option<String>>,
}

/// A statement the server has prepared, and whether it may write.
#[derive(Clone)]
pub(crate) struct Prepared {
    statement: postgres::Statement,
    /// Anything but a plain `SELECT` counts as a write (for [`Memo`]).
    writes: bool,
}

impl Session {
    /// A session over a connected client.
    pub(crate) fn new(client: postgres::Client) -> Self {
        Session {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
            memo: RefCell::new(Memo::default()),
            acting: RefCell::new(None),
        }
    }

    /// Tells the server who acts from now on: each write sets `frontdesk.staff` for its own
    /// transaction (server-side triggers and the server's log see it, through
    /// `current_setting('frontdesk.staff', true)`), and the session's `application_name` names
    /// them, so the clinic's IT person sees who is at each connection.
    pub(crate) fn act_as(&self, name: Option<&str>) -> Result<()> {
        let hex = name.map(|n| n.bytes().map(|b| format!("{b:02x}")).collect::<String>());
        let shown = match &hex {
            Some(hex) => format!("convert_from(decode('{hex}', 'hex'), 'UTF8')"),
            None => "''".to_owned(),
        };
        *self.acting.borrow_mut() = hex;
        // application_name is at most 63 bytes; the server cuts it, on a character boundary.
        self.batch(&format!(
            "SELECT set_config('application_name', left('frontdesk: ' || {shown}, 60), false)"
        ))
    }

    /// The statement that tells a write's transaction who acts, if anyone signed in.
    fn acting_sql(&self) -> Option<String> {
        self.acting.borrow().as_ref().map(|hex| {
            format!(
                "SELECT set_config('frontdesk.staff', convert_from(decode('{hex}', 'hex'), 'UTF8'), true)"
            )
        })
    }

    /// Puts a new connection in place of a lost one; statements are prepared again on it, and
    /// nothing remembered from before is trusted.
    pub(crate) fn replace(&self, client: postgres::Client) {
        *self.client.borrow_mut() = client;
        self.prepared.borrow_mut().clear();
        self.memo.borrow_mut().forget();
        // The new connection is told again who acts.
        let name = self.acting.borrow().as_ref().and_then(|hex| {
            let bytes: Option<Vec<u8>> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                .collect();
            String::from_utf8(bytes?).ok()
        });
        let _ = self.act_as(name.as_deref());
    }

    /// Remembers the clinic's setup between transactions from now on (the schema is current,
    /// so it has the setup counter).
    pub(crate) fn remember_setup(&self) {
        self.memo.borrow_mut().enable();
    }

    /// `load`'s value, or what this session read under `key` at the same setup count.
    pub(crate) fn remembered<T: Clone + Send + 'static>(
        &self,
        key: String,
        load: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        if let Some(value) = self.memo.borrow().get::<T>(&key) {
            return Ok(value);
        }
        let value = load()?;
        self.memo.borrow_mut().keep(key, &value);
        Ok(value)
    }

    /// Whether the connection to the server has been lost.
    pub(crate) fn is_closed(&self) -> bool {
        self.client.borrow().is_closed()
    }

    /// Begins a transaction (see [`Begin`]) in one round trip: a write takes the write lock,
    /// and (once [`Session::remember_setup`]) both read the setup count they begin at.
    pub(crate) fn begin(&self, how: Begin) -> Result<()> {
        // A check or a write reads a few rows by index: the server's plan for each statement
        // is made once (planning the conflict context's union anew took longer than running
        // it), and never with parallel workers (starting them took 5 ms at a million
        // appointments, for no rows). Reads of ranges (reports, exports) keep plans made for
        // their parameters.
        const FEW_ROWS: &str = "SET LOCAL plan_cache_mode = force_generic_plan; \
            SET LOCAL max_parallel_workers_per_gather = 0";
        let begin = match how {
            Begin::Read => "BEGIN ISOLATION LEVEL REPEATABLE READ".to_owned(),
            Begin::Check => format!("BEGIN ISOLATION LEVEL REPEATABLE READ; {FEW_ROWS}"),
            Begin::Write => format!(
                "BEGIN ISOLATION LEVEL READ COMMITTED; {FEW_ROWS}; \
                 SELECT pg_advisory_xact_lock({WRITE_LOCK})"
            ),
            // The write lock shared with other such bookings (any other write waits for them
            // all, and they for it), then the booking's own doctor, room and patient, one at a
            // time in the order every desk takes them.
            Begin::Booking(booked) => {
                let mut sql = format!(
                    "BEGIN ISOLATION LEVEL READ COMMITTED; {FEW_ROWS}; \
                     SELECT pg_advisory_xact_lock_shared({WRITE_LOCK})"
                );
                for key in booked.keys() {
                    sql.push_str(&format!(
                        "; SELECT pg_advisory_xact_lock({BOOKED_LOCK}, {key})"
                    ));
                }
                sql
            }
            Begin::Schema => {
                self.memo.borrow_mut().forget();
                return self.batch("BEGIN");
            }
        };
        let begin = match (&how, self.acting_sql()) {
            (Begin::Write | Begin::Booking(_), Some(acting)) => format!("{begin}; {acting}"),
            _ => begin,
        };
        let counted = self.memo.borrow().enabled();
        let sql = if counted {
            format!("{begin}; {SETUP_VERSION_SQL}")
        } else {
            begin
        };
        let began = self.client.borrow_mut().simple_query(&sql);
        match began {
            Ok(messages) => {
                let count = messages.iter().rev().find_map(|m| match m {
                    postgres::SimpleQueryMessage::Row(row) => row.get(0)?.parse::<i64>().ok(),
                    _ => None,
                });
                self.memo.borrow_mut().begin(count.filter(|_| counted));
                Ok(())
            }
            Err(e) => {
                // A desk that cannot have the write lock (another desk held it too long) leaves
                // no transaction open behind it: the next statement must not find one aborted.
                let _ = self.client.borrow_mut().batch_execute("ROLLBACK");
                Err(e.into())
            }
        }
    }

    /// Commits a write, counting the change when it wrote anything ([`COUNTED_COMMIT`]). A
    /// commit the server refuses (another desk's booking took the slot first) ends the
    /// transaction; any other failure leaves none open.
    ///
    /// A commit that counted a change then rings the other desks' doorbell ([`RING`]). The
    /// change is stored whether or not the ring goes out: a desk that misses it reads the
    /// counter within half a second anyway ([`crate::store::Watcher`]).
    pub(crate) fn commit_counted(&self) -> Result<()> {
        let committed = self.client.borrow_mut().simple_query(COUNTED_COMMIT);
        self.memo.borrow_mut().end();
        let messages = match committed {
            Ok(messages) => messages,
            Err(e) => {
                let _ = self.client.borrow_mut().batch_execute("ROLLBACK");
                return Err(e.into());
            }
        };
        // The counter's insert comes first: one row when the transaction had written.
        let counted = messages
            .iter()
            .find_map(|m| match m {
                postgres::SimpleQueryMessage::CommandComplete(rows) => Some(*rows > 0),
                _ => None,
            })
            .unwrap_or(false);
        if counted {
            let _ = self.client.borrow_mut().batch_execute(RING);
        }
        Ok(())
    }

    /// Ends the open transaction with `sql` (`COMMIT` or `ROLLBACK`).
    pub(crate) fn end(&self, sql: &str) -> Result<()> {
        self.memo.borrow_mut().end();
        Ok(self.client.borrow_mut().batch_execute(sql)?)
    }

    /// Runs statements without parameters (they may write).
    pub(crate) fn batch(&self, sql: &str) -> Result<()> {
        self.memo.borrow_mut().wrote();
        Ok(self.client.borrow_mut().batch_execute(sql)?)
    }

    /// The server's prepared statement for the store's `sql`.
    pub(crate) fn prepare(&self, sql: &str) -> Result<Prepared> {
        if let Some(stmt) = self.prepared.borrow().get(sql) {
            return Ok(stmt.clone());
        }
        let translated = translate(sql);
        let writes = !translated
            .trim_start()
            .get(..6)
            .is_some_and(|word| word.eq_ignore_ascii_case("SELECT"));
        let statement = self.client.borrow_mut().prepare(&translated)?;
        let stmt = Prepared { statement, writes };
        let mut prepared = self.prepared.borrow_mut();
        // SQL built at run time (IN lists of varying length) must not grow the cache forever.
        if prepared.len() > 512 {
            prepared.clear();
        }
        prepared.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    /// Runs a statement, returning how many rows it changed.
    pub(crate) fn execute(&self, stmt: &Prepared, values: &[&dyn ToValue]) -> Result<usize> {
        self.memo.borrow_mut().wrote();
        let params = Param::list(values);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        let n = self.client.borrow_mut().execute(&stmt.statement, &refs)?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// Runs a query, returning its rows.
    pub(crate) fn query(
        &self,
        stmt: &Prepared,
        values: &[&dyn ToValue],
    ) -> Result<Vec<postgres::Row>> {
        if stmt.writes {
            self.memo.borrow_mut().wrote();
        }
        let params = Param::list(values);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        Ok(self.client.borrow_mut().query(&stmt.statement, &refs)?)
    }
}

/// One of our values as a parameter of the server's type.
#[derive(Debug)]
struct Param {
    value: Owned,
}

/// A value owned, so the parameter list can cross into the client (which wants `Sync`).
#[derive(Debug)]
enum Owned {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Param {
    fn list(values: &[&dyn ToValue]) -> Vec<Param> {
        values
            .iter()
            .map(|v| Param {
                value: match v.to_value() {
                    Value::Null => Owned::Null,
                    Value::Integer(n) => Owned::Integer(n),
                    Value::Real(x) => Owned::Real(x),
                    Value::Text(s) => Owned::Text(s.to_owned()),
                    Value::Blob(b) => Owned::Blob(b.to_vec()),
                },
            })
            .collect()
    }
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

fn unfit(what: &str, ty: &Type) -> BoxError {
    format!("{what} cannot be written as {ty}").into()
}

impl ToSql for Param {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        match &self.value {
            Owned::Null => Ok(IsNull::Yes),
            Owned::Integer(n) => match *ty {
                Type::INT8 => n.to_sql(ty, out),
                Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
                Type::BOOL => (*n != 0).to_sql(ty, out),
                Type::FLOAT8 => (*n as f64).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
                _ => Err(unfit("a whole number", ty)),
            },
            Owned::Real(x) => match *ty {
                Type::FLOAT8 => x.to_sql(ty, out),
                Type::FLOAT4 => (*x as f32).to_sql(ty, out),
                _ => Err(unfit("a real number", ty)),
            },
            Owned::Text(s) if s.contains('\0') => Err(
                "text holding a NUL character (U+0000) cannot be stored on PostgreSQL: remove it"
                    .into(),
            ),
            Owned::Text(s) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    s.as_str().to_sql(ty, out)
                }
                Type::JSON => {
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                Type::JSONB => {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(s.as_bytes());
                    Ok(IsNull::No)
                }
                _ => Err(unfit("text", ty)),
            },
            Owned::Blob(b) => match *ty {
                Type::UUID => Uuid::from_slice(b)?.to_sql(ty, out),
                Type::BYTEA => b.as_slice().to_sql(ty, out),
                _ => Err(unfit("bytes", ty)),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// Reads column `column` of `row` as one of our values and hands it to `read`.
pub(crate) fn read<T>(
    row: &postgres::Row,
    column: usize,
    read: impl FnOnce(Value<'_>) -> Result<T>,
) -> Result<T> {
    let Some(col) = row.columns().get(column) else {
        return Err(Error::Conversion {
            column,
            what: format!("the query has {} columns", row.len()),
        });
    };
    let ty = col.type_().clone();
    let value = match ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(column)?.map(Value::Integer),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(column)?
            .map(|n| Value::Integer(n.into())),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(column)?
            .map(|n| Value::Integer(n.into())),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(column)?
            .map(|b| Value::Integer(b.into())),
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(column)?.map(Value::Real),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(column)?
            .map(|x| Value::Real(x.into())),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::JSON => {
            let text: Option<&str> = row.try_get(column)?;
            return read(text.map_or(Value::Null, Value::Text));
        }
        Type::BYTEA => {
            let bytes: Option<&[u8]> = row.try_get(column)?;
            return read(bytes.map_or(Value::Null, Value::Blob));
        }
        Type::UUID => {
            let id: Option<Uuid> = row.try_get(column)?;
            return match id {
                Some(id) => read(Value::Blob(id.as_bytes())),
                None => read(Value::Null),
            };
        }
        other => {
            return Err(Error::Conversion {
                column,
                what: format!("a column of type {other} (cast it in the query)"),
            });
        }
    };
    read(value.unwrap_or(Value::Null))
}

/// The store's SQL in PostgreSQL's spelling: `?N` and `?` parameters become `$N`, and
/// `json_each(?N)` (a JSON array of texts) becomes `json_array_elements_text`. Text in quotes
/// and comments is left as it is.
pub(crate) fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.chars().peekable();
    let mut next_bare = 1u32;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                let n = if digits.is_empty() {
                    next_bare
                } else {
                    digits.parse().unwrap_or(next_bare)
                };
                next_bare = next_bare.max(n.saturating_add(1));
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    json_lists(&out)
}

/// `json_each($N)` becomes `json_array_elements_text(CAST($N AS json))`.
fn json_lists(sql: &str) -> String {
    const FROM: &str = "json_each($";
    let mut out = String::with_capacity(sql.len() + 32);
    let mut rest = sql;
    while let Some(at) = rest.find(FROM) {
        out.push_str(&rest[..at]);
        let after = &rest[at + FROM.len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(')') {
            out.push_str("json_array_elements_text(CAST($");
            out.push_str(&after[..digits]);
            out.push_str(" AS json))");
            rest = &after[digits + 1..];
        } else {
            out.push_str(FROM);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{COUNTED_COMMIT, DOORBELL, RING, translate};

    #[test]
    fn the_counted_commit_commits_and_rings_no_doorbell_inside_the_transaction() {
        assert!(!COUNTED_COMMIT.contains(DOORBELL));
        assert!(!COUNTED_COMMIT.to_uppercase().contains("NOTIFY"));
        assert!(COUNTED_COMMIT.trim_end().ends_with("COMMIT"));
        assert!(RING.contains(&format!("NOTIFY {DOORBELL};")));
        assert!(RING.contains("synchronous_commit = off"));
    }

    #[test]
    fn parameters_and_json_lists_are_spelt_for_postgres() {
        assert_eq!(
            translate("SELECT a FROM t WHERE b = ?1 AND c = ?1"),
            "SELECT a FROM t WHERE b = $1 AND c = $1"
        );
        assert_eq!(translate("VALUES (?, ?, ?)"), "VALUES ($1, $2, $3)");
        assert_eq!(
            translate("WHERE a = '?1' AND b = ?2 -- ?3\n"),
            "WHERE a = '?1' AND b = $2 -- ?3\n"
        );
        assert_eq!(
            translate("WHERE k IN (SELECT value FROM json_each(?2)) LIMIT ?1"),
            "WHERE k IN (SELECT value FROM json_array_elements_text(CAST($2 AS json))) LIMIT $1"
        );
    }
}
