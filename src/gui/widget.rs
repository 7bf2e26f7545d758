//! Small building blocks shared by the screens: labelled fields, pick-list choices, headings,
//! and the conflict list.

use std::fmt;

use iced::widget::{column, container, row, text};
use iced::{Color, Element, Length};

use crate::scheduling::{Conflict, Severity};

/// An option in a pick list: a value with the words shown for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    /// The value.
    pub value: T,
    /// What the user reads.
    pub label: String,
}

impl<T> Choice<T> {
    /// A choice.
    pub fn new(value: T, label: impl Into<String>) -> Self {
        Self {
            value,
            label: label.into(),
        }
    }
}

impl<T> fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// A label above its control.
pub fn field<'a, M: 'a>(label: &'a str, control: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![text(label).size(12.5), control.into()]
        .spacing(3)
        .width(Length::Fill)
        .into()
}

/// A panel heading.
pub fn heading<'a, M: 'a>(title: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(title).size(18).into()
}

/// A red sentence for errors.
pub fn error_text<'a, M: 'a>(message: &'a str) -> Element<'a, M> {
    text(message)
        .size(13)
        .color(Color::from_rgb8(0xdc, 0x26, 0x26))
        .into()
}

/// The conflicts of a booking, most serious first, each with its sign.
pub fn conflicts<'a, M: 'a>(list: &'a [Conflict]) -> Element<'a, M> {
    let rows = list.iter().map(|c| {
        let (sign, colour) = match c.severity() {
            Severity::Invalid => ("✗", Color::from_rgb8(0xdc, 0x26, 0x26)),
            Severity::Hard => ("⚠", Color::from_rgb8(0xd9, 0x77, 0x06)),
            Severity::Notice => ("ℹ", Color::from_rgb8(0x25, 0x63, 0xeb)),
        };
        row![
            text(sign).color(colour).size(13),
            // Without the other appointment's id: names and times say which it is.
            text(format!("{c:#}")).size(12.5)
        ]
        .spacing(6)
        .into()
    });
    container(column(rows).spacing(4))
        .padding(8)
        .style(container::bordered_box)
        .width(Length::Fill)
        .into()
}
