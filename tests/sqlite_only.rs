//! What only the SQLite engine has, kept out of the store contract (`tests/contract/`): the
//! file's own guards (append-only and never-deleted triggers, the queue token's index, ledger
//! and form triggers), `check` finding rows planted with SQL, databases of older schemas
//! upgrading, rows an older Frontdesk wrote, and the words the file stores a series in. Each
//! reaches into the file with rusqlite. A server engine tests its own constraints in a file of
//! its own. `store_open.rs`, `store_backup.rs` and `store_damage.rs` are SQLite-only too.

mod common;
mod exchange_fixture;

#[path = "sqlite_only/access_log.rs"]
mod access_log;
#[path = "sqlite_only/languages.rs"]
mod languages;
#[path = "sqlite_only/legacy_keys.rs"]
mod legacy_keys;
#[path = "sqlite_only/queue.rs"]
mod queue;
#[path = "sqlite_only/series.rs"]
mod series;
#[path = "sqlite_only/settings.rs"]
mod settings;
#[path = "sqlite_only/suite.rs"]
mod suite;
#[path = "sqlite_only/waitlist.rs"]
mod waitlist;
