//! The desktop around the window: staff notifications (over D-Bus with notify-rust; silently
//! skipped where no notification service runs, or when `FRONTDESK_NOTIFY=0`) and opening a
//! video link in the browser. Both block, so callers run them off the UI thread.

use crate::scheduling::notice::StaffNotice;

/// True unless notifications were turned off with `FRONTDESK_NOTIFY=0`.
pub fn notifications_wanted() -> bool {
    std::env::var("FRONTDESK_NOTIFY").as_deref() != Ok("0")
}

/// Shows the notices as desktop notifications, best effort: where no notification service
/// runs, nothing happens. Returns how many were shown.
pub fn notify(notices: &[StaffNotice]) -> usize {
    if !notifications_wanted() {
        return 0;
    }
    notices
        .iter()
        .filter(|n| {
            notify_rust::Notification::new()
                .appname("Frontdesk")
                .summary(&n.summary)
                .body(&n.body)
                .icon("appointment-soon")
                .show()
                .is_ok()
        })
        .count()
}

/// Why a link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Not a web address (a pasted link may be anything).
    #[error("{}", crate::t!("core-open-link-not-web", link = _0))]
    NotWeb(String),
    /// The browser did not start.
    #[error("{}", crate::t!("core-open-link-no-browser", error = _0, link = _1))]
    Browser(String, String),
}

/// Checks that `link` is a web address the browser may be given.
pub fn check_link(link: &str) -> Result<&str, OpenError> {
    let link = link.trim();
    if crate::scheduling::template::check_link(link).is_err() {
        return Err(OpenError::NotWeb(link.to_owned()));
    }
    Ok(link)
}

/// Opens a meeting link in the default browser (xdg-open on Linux).
pub fn open_link(link: &str) -> Result<(), OpenError> {
    let link = check_link(link)?;
    opener::open_browser(link).map_err(|e| OpenError::Browser(e.to_string(), link.to_owned()))
}
