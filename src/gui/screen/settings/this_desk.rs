//! Settings, "This desk": what this computer prefers whatever the clinic, its language. Every
//! role sees it; the choice is kept on this desk only (`gui::desk_prefs`), not in the clinic.

use iced::Element;
use iced::widget::{column, text};

use super::Message;
use crate::gui::choice_keys::pick_list;
use crate::gui::desk_prefs::LanguageChoice;
use crate::gui::widget;

/// The section: the language picker and what it changes.
pub fn view<'a>(language: LanguageChoice) -> Element<'a, Message> {
    column![
        widget::heading(crate::t!("settings-desk-title")),
        text(crate::t!("settings-desk-about")).size(13),
        text(crate::t!("common-language")).size(13),
        pick_list(LanguageChoice::all(), Some(language), Message::Language)
            .id("desk-language")
            .text_size(14)
            .width(320),
        text(crate::t!("settings-desk-language-note")).size(12),
    ]
    .spacing(10)
    .max_width(640)
    .into()
}
