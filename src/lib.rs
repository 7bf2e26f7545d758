//! Frontdesk: a clinic front-desk scheduler. The library holds the scheduling core (pure), the
//! SQLite store, the demo clinic, the reports' output (tables, CSV, the PDF day sheet) and
//! reminder delivery. The command line (the binary edge) lives in `src/cli/`.

pub mod demo;
pub mod export;
pub mod fonts;
pub mod gui;
pub mod i18n;
pub mod import;
pub mod private_file;
pub mod reminders;
pub mod reports;
pub mod scheduling;
pub mod signin;
pub mod store;
pub mod text;

/// The application's reverse-DNS id, the same everywhere: the window's application id (Wayland
/// `app_id`, X11 `WM_CLASS`), the `.desktop` file's name and `StartupWMClass`, the AppStream id
/// and the icon's name (`packaging/linux/`). `tests/packaging.rs` checks that they agree.
pub const APP_ID: &str = "org.frontdesk.Frontdesk";
