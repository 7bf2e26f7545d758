//! What a panic says. A panic is a bug, never the user's input, and its message can quote data
//! (a patient's name in a value being formatted), so the hook installed here prints a fixed
//! sentence with only where it happened, logs the same, and ends the process with a non-zero
//! status: the command line and the window alike. The hook cannot know whether the change being
//! made had been committed (a panic while printing what was booked comes after the commit; one
//! while deciding comes before it, and SQLite rolls that transaction back), so the sentence
//! says so and tells the user to look before trying again, rather than inviting a second
//! booking. One exception: while the calendar window runs, a panic inside the window system
//! (winit), which is how iced reports a display it cannot open, is said as that, with status 1.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set while the process runs the calendar window (see [`window_opening`]).
static WINDOW: AtomicBool = AtomicBool::new(false);

/// Says that the calendar window is starting: from now on, a panic inside the window system
/// (winit, iced's winit shell), which is how iced reports a display that cannot be opened or
/// a window it cannot create, is said as that, with exit status 1, not as a bug of ours.
pub fn window_opening() {
    WINDOW.store(true, Ordering::SeqCst);
}

/// True for a panic the window system raised: the display or the window failed.
fn in_window_system(file: &str) -> bool {
    WINDOW.load(Ordering::SeqCst) && (file.contains("/iced_winit-") || file.contains("/winit-"))
}

/// The exit status after a panic (the one Rust's own panics end with).
pub const EXIT_STATUS: i32 = 101;

/// A hidden switch for tests only: with it set, the program panics on purpose right after the
/// hook and the log are in place, with the variable's value in the panic's message, so a test
/// can check that the value reaches neither stderr nor the log.
pub const TEST_VARIABLE: &str = "FRONTDESK_TEST_PANIC";

/// Installs the hook. Call it first, before anything can panic.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if info.location().is_some_and(|l| in_window_system(l.file())) {
            let _ = writeln!(
                std::io::stderr().lock(),
                "frontdesk: the calendar window could not open or use the display (at {location}): it needs a desktop session whose display can be opened: {}",
                super::window::INSTEAD
            );
            tracing::error!(%location, "the window system failed");
            std::process::exit(1);
        }
        // Written directly: a stderr nobody reads must not panic inside the panic hook.
        let _ = writeln!(std::io::stderr().lock(), "{}", sentence(&location));
        tracing::error!(%location, "panicked");
        std::process::exit(EXIT_STATUS);
    }));
}

/// The sentence stderr gets: fixed words and the source location, never the panic's message.
pub fn sentence(location: &str) -> String {
    let at = if location.is_empty() {
        String::new()
    } else {
        format!(" at {location}")
    };
    format!(
        "frontdesk: internal error{at}. This is a bug in Frontdesk, not a problem with what you \
         typed. Whether the change it was making was saved is not known: look (the calendar, or \
         `frontdesk agenda`) before you try it again; what was saved before is safe. Please report \
         this line (it holds no patient data); the log has it too."
    )
}

/// Panics on purpose when [`TEST_VARIABLE`] is set (see there).
pub fn for_tests() {
    if let Ok(payload) = std::env::var(TEST_VARIABLE) {
        panic!("deliberate test panic while booking {payload}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_names_the_place_and_nothing_else() {
        let line = sentence("src/store/booking.rs:42");
        assert!(line.starts_with("frontdesk: internal error at src/store/booking.rs:42."));
        assert!(!line.contains('\n'));
        assert!(sentence("").starts_with("frontdesk: internal error. "));
    }
}
