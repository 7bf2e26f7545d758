//! Frontdesk: a clinic front-desk scheduler. The library holds the scheduling core (pure), the
//! SQLite store, the demo clinic, the reports' output (tables, CSV, the PDF day sheet) and
//! reminder delivery. The command line (the binary edge) lives in `src/cli/`.

pub mod demo;
pub mod gui;
pub mod reminders;
pub mod reports;
pub mod scheduling;
pub mod store;
