//! The store contract (`tests/contract/`) on the SQLite engine: a fresh file per test.

mod common;
#[macro_use]
mod contract;
mod reminder_servers;

store_contract!(common::Sqlite);
