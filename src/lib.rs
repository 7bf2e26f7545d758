//! Frontdesk: a clinic front-desk scheduler. The library holds the scheduling core (pure), the
//! SQLite store and the demo clinic. The command line (the binary edge) lives in `src/cli/`.

pub mod demo;
pub mod export;
pub mod gui;
pub mod import;
pub mod scheduling;
pub mod store;
