//! What a PostgreSQL session remembers of the clinic's setup (clinics, doctors, rooms, their
//! hours) between transactions, so a check does not ask the server again for what has not
//! changed. Every transaction reads the setup counter as it begins (in the same round trip);
//! what was remembered at another count is forgotten. Every change to those tables adds one to
//! the counter, by trigger, in the transaction that makes it (schema migration 12), so within
//! one count the setup is exactly what was read at that count, and bookings made meanwhile at
//! other desks do not make a desk read it again. Nothing is remembered or used outside a
//! transaction, or after the transaction has written (it may have changed what it would read).

use std::any::Any;
use std::collections::HashMap;

/// The most entries kept; a clinic has far fewer doctors and rooms than this.
const MOST_ENTRIES: usize = 4096;

/// The remembered setup and the transaction it may serve.
#[derive(Default)]
pub(crate) struct Memo {
    /// Whether the store has asked for remembering (only once its schema is current).
    enabled: bool,
    /// The setup count the entries were read at.
    count: Option<i64>,
    /// What was read, by a key naming the query and its parameters.
    entries: HashMap<String, Box<dyn Any + Send>>,
    /// The setup count of the open transaction, when it is known and the transaction has not
    /// written.
    serving: Option<i64>,
}

impl Memo {
    /// Starts remembering (the store's schema has the setup counter).
    pub(crate) fn enable(&mut self) {
        self.enabled = true;
    }

    /// Whether transactions should read the setup count as they begin.
    pub(crate) fn enabled(&self) -> bool {
        self.enabled
    }

    /// A transaction began at setup count `count` (`None`: not known).
    pub(crate) fn begin(&mut self, count: Option<i64>) {
        if count != self.count {
            self.entries.clear();
            self.count = count;
        }
        self.serving = count;
    }

    /// The open transaction wrote (or may have): nothing more is used or kept until it ends.
    pub(crate) fn wrote(&mut self) {
        self.serving = None;
    }

    /// The transaction ended.
    pub(crate) fn end(&mut self) {
        self.serving = None;
    }

    /// Forgets everything (a new connection, a schema change).
    pub(crate) fn forget(&mut self) {
        self.entries.clear();
        self.count = None;
        self.serving = None;
    }

    /// The entry under `key`, when this transaction may use it.
    pub(crate) fn get<T: Clone + 'static>(&self, key: &str) -> Option<T> {
        self.serving?;
        self.entries.get(key)?.downcast_ref::<T>().cloned()
    }

    /// Keeps `value` under `key`, when this transaction may (it read it at the current count).
    pub(crate) fn keep<T: Clone + Send + 'static>(&mut self, key: String, value: &T) {
        if self.serving.is_none() || self.serving != self.count {
            return;
        }
        if self.entries.len() >= MOST_ENTRIES {
            self.entries.clear();
        }
        self.entries.insert(key, Box::new(value.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_serves_transactions_at_its_count_only() {
        let mut memo = Memo::default();
        memo.enable();
        memo.begin(Some(7));
        memo.keep("doctors".into(), &vec![1, 2]);
        memo.end();
        assert_eq!(
            memo.get::<Vec<i32>>("doctors"),
            None,
            "outside a transaction"
        );
        memo.begin(Some(7));
        assert_eq!(memo.get::<Vec<i32>>("doctors"), Some(vec![1, 2]));
        assert_eq!(
            memo.get::<String>("doctors"),
            None,
            "another type is not it"
        );
        memo.end();
        memo.begin(Some(8));
        assert_eq!(memo.get::<Vec<i32>>("doctors"), None, "a change since");
        memo.end();
        memo.begin(Some(7));
        assert_eq!(
            memo.get::<Vec<i32>>("doctors"),
            None,
            "forgotten, not brought back"
        );
    }

    #[test]
    fn a_transaction_that_wrote_neither_uses_nor_keeps() {
        let mut memo = Memo::default();
        memo.enable();
        memo.begin(Some(1));
        memo.keep("rooms".into(), &3_u8);
        memo.wrote();
        assert_eq!(memo.get::<u8>("rooms"), None);
        memo.keep("rooms".into(), &4_u8);
        memo.end();
        memo.begin(Some(1));
        assert_eq!(
            memo.get::<u8>("rooms"),
            Some(3),
            "what was read before the write"
        );
        memo.end();
        memo.begin(None);
        memo.keep("rooms".into(), &5_u8);
        assert_eq!(
            memo.get::<u8>("rooms"),
            None,
            "an unknown count serves nothing"
        );
        memo.forget();
        memo.begin(Some(1));
        assert_eq!(memo.get::<u8>("rooms"), None);
    }
}
