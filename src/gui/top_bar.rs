//! Which of the calendar's top-bar buttons fit the window's width and which collapse into
//! its "More" menu: nothing vanishes and nothing wraps, from 1024 to 2560 pixels and beyond.

use std::fmt;

use super::calendar::ZoomStep;
use super::desk::Message;

/// A top-bar action that may collapse into the "More" menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The walk-in and emergency form.
    WalkIn,
    /// Day view, a column per doctor.
    ByDoctor,
    /// Day view, a column per room.
    ByRoom,
    /// Find a slot.
    FindSlot,
    /// View options.
    ViewOptions,
    /// Zoom out (narrower columns, shorter hours).
    ZoomOut,
    /// Zoom in (wider columns, taller hours).
    ZoomIn,
    /// Light or dark.
    Theme,
    /// The keyboard help.
    Help,
}

/// The actions in the order they stay on the bar as the window narrows (first kept longest).
pub const PRIORITY: [Action; 9] = [
    Action::WalkIn,
    Action::ByDoctor,
    Action::ByRoom,
    Action::FindSlot,
    Action::ViewOptions,
    Action::ZoomOut,
    Action::ZoomIn,
    Action::Help,
    Action::Theme,
];

/// The label of the "More" button (it opens a row with the buttons that did not fit).
pub fn more() -> String {
    crate::t!("calendar-more")
}

/// The label of the "More" button while its row is open.
pub fn less() -> String {
    crate::t!("calendar-less")
}

impl Action {
    /// The words on the button (and in the "More" menu).
    pub fn label(self) -> String {
        match self {
            Action::WalkIn => crate::t!("calendar-walk-in"),
            Action::ByDoctor => crate::t!("calendar-by-doctor"),
            Action::ByRoom => crate::t!("calendar-by-room"),
            Action::FindSlot => crate::t!("calendar-find-slot"),
            Action::ViewOptions => crate::t!("calendar-view-options"),
            Action::ZoomOut => crate::t!("calendar-zoom-out"),
            Action::ZoomIn => crate::t!("calendar-zoom-in"),
            Action::Theme => crate::t!("calendar-theme"),
            Action::Help => crate::t!("calendar-help"),
        }
    }

    /// The message the action sends.
    pub fn message(self) -> Message {
        match self {
            Action::WalkIn => Message::OpenWalkIn,
            Action::ByDoctor => Message::DayByDoctor,
            Action::ByRoom => Message::DayByRoom,
            Action::FindSlot => Message::OpenFindSlot,
            Action::ViewOptions => Message::OpenViewOptions,
            Action::ZoomOut => Message::Zoom(ZoomStep::Out),
            Action::ZoomIn => Message::Zoom(ZoomStep::In),
            Action::Theme => Message::ToggleTheme,
            Action::Help => Message::ToggleHelp,
        }
    }

    /// The width the action takes on the bar, generously estimated (13-px text, button
    /// padding, the row's spacing).
    pub fn width(self) -> f32 {
        match self {
            // Icon buttons on the bar: "−", "+", "☾", "?".
            Action::ZoomOut | Action::ZoomIn | Action::Theme | Action::Help => 36.0,
            _ => text_width(&self.label(), 13.0) + 26.0,
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// A generous estimate of the width of `text` at `size` pixels (DejaVu Sans averages about
/// 0.55 em a character over names and words).
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.6
}

/// Splits the actions into those on the bar and those in the "More" menu, for a bar
/// `width` pixels wide of which `fixed` are taken by what always stays (the clinic, the date
/// navigation, the title, the week picker). Every action is in exactly one of the two.
pub fn split(width: f32, fixed: f32) -> (Vec<Action>, Vec<Action>) {
    let more_button = text_width(&more(), 13.0) + 32.0;
    let all: f32 = PRIORITY.iter().map(|a| a.width()).sum();
    let width = if width.is_finite() { width } else { 0.0 };
    if fixed + all <= width {
        return (PRIORITY.to_vec(), Vec::new());
    }
    let mut left = width - fixed - more_button;
    let mut shown = Vec::new();
    let mut more = Vec::new();
    for action in PRIORITY {
        // Once one action goes to the menu, the ones after it go too: the bar keeps its order.
        if more.is_empty() && action.width() <= left {
            left -= action.width();
            shown.push(action);
        } else {
            more.push(action);
        }
    }
    (shown, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_on_the_bar_or_in_more_at_every_width() {
        for width in [
            0.0,
            300.0,
            1004.0,
            1260.0,
            1900.0,
            2540.0,
            f32::NAN,
            f32::INFINITY,
        ] {
            let (shown, more) = split(width, 560.0);
            let mut all: Vec<Action> = shown.iter().chain(&more).copied().collect();
            all.sort_by_key(|a| PRIORITY.iter().position(|p| p == a));
            assert_eq!(all, PRIORITY.to_vec(), "at {width}");
            if width.is_finite() && !more.is_empty() {
                let used: f32 = shown.iter().map(|a| a.width()).sum();
                assert!(
                    560.0 + used + text_width(&super::more(), 13.0) + 32.0 <= width.max(0.0) + 1e-3
                        || shown.is_empty()
                );
            }
        }
        // Wide windows need no menu; narrow ones keep the walk-in button on the bar.
        assert!(split(2540.0, 560.0).1.is_empty());
        assert_eq!(split(1004.0, 560.0).0.first(), Some(&Action::WalkIn));
    }
}
