//! The store contract (`tests/contract/`) on the PostgreSQL engine: a schema of its own per
//! test on the server `FRONTDESK_TEST_POSTGRES` names. Without that server the tests say they
//! were skipped, and fail when `CI` is set: CI must run them.

mod common;
#[macro_use]
mod contract;
mod reminder_servers;

store_contract!(common::Postgres);
