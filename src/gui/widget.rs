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
pub fn field<'a, M: 'a>(
    label: impl text::IntoFragment<'a>,
    control: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
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

/// The status line at the foot of the window: the error (with Dismiss), else the notice, else
/// where the keyboard help is; `action` (e.g. Undo) on the right.
pub fn status_line<'a, M: Clone + 'a>(
    error: Option<&'a str>,
    notice: Option<&'a str>,
    dismiss: M,
    action: Option<Element<'a, M>>,
) -> Element<'a, M> {
    // One row: the words, then (pushed right) Dismiss for an error and the action.
    let mut content = row![].spacing(8).align_y(iced::Alignment::Center);
    content = match (error, notice) {
        (Some(e), _) => content
            .push(error_text(e))
            .push(iced::widget::space::horizontal())
            .push(
                iced::widget::button(text("Dismiss").size(12))
                    .on_press(dismiss)
                    .style(iced::widget::button::text),
            ),
        (None, Some(n)) => content
            .push(text(n).size(13))
            .push(iced::widget::space::horizontal()),
        (None, None) => content
            .push(text("Press F1 for keyboard shortcuts.").size(12))
            .push(iced::widget::space::horizontal()),
    };
    if let Some(action) = action {
        content = content.push(action);
    }
    // One line is a whole number of pixels tall, so what is above it ends on a pixel's edge
    // (the renderer keeps the grid's pixels between frames only where its clip does); an
    // error of several lines takes what it needs.
    let height = if error.is_some() {
        Length::Shrink
    } else {
        Length::Fixed(STATUS_LINE)
    };
    container(content)
        .padding([4, 12])
        .width(Length::Fill)
        .height(height)
        .style(container::secondary)
        .into()
}

/// The status line's height when it holds one line.
pub const STATUS_LINE: f32 = 28.0;

/// The dimmed backdrop under a card shown over the window (the palette, the keyboard help).
pub fn shade(_: &iced::Theme) -> container::Style {
    container::Style {
        background: Some(
            Color {
                a: 0.45,
                ..Color::BLACK
            }
            .into(),
        ),
        ..container::Style::default()
    }
}
