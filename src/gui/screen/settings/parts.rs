//! View pieces the settings forms share: a labelled field with its problem under it, the
//! seven-day hours editor, a card around a part of a form, the list of stranded appointments,
//! and the line that says what the last save did.

use chrono_tz::Tz;
use iced::widget::{button, column, container, row, text, text_input};
use iced::{Color, Element, Length};

use super::guard::Stranded;
use crate::gui::widget;
use crate::scheduling::hours::WEEKDAYS;
use crate::scheduling::setup_rules::{Field, Invalid};
use crate::scheduling::time::to_local;
use crate::store::{AgendaEntry, Saved};

/// The most stranded appointments a form lists one by one.
const STRANDED_SHOWN: usize = 15;

/// What a form says when it refused its input.
pub fn not_saved() -> String {
    crate::t!("settings-not-saved")
}

/// The amber of warnings.
pub const WARNING: Color = Color::from_rgb(0.72, 0.42, 0.02);

/// The problem found with `field`, if any.
pub fn problem(problems: &[Invalid], field: Field) -> Option<String> {
    problems
        .iter()
        .find(|p| p.field == field)
        .map(|p| p.error.to_string())
}

/// A label above its control, and the field's problem in red below it.
pub fn field<'a, M: 'a>(
    label: impl text::IntoFragment<'a>,
    control: impl Into<Element<'a, M>>,
    problem: Option<String>,
) -> Element<'a, M> {
    let mut col = column![text(label).size(12.5), control.into()]
        .spacing(3)
        .width(Length::Fill);
    if let Some(p) = problem {
        col = col.push(problem_text(p));
    }
    col.into()
}

/// A red sentence under a field.
pub fn problem_text<'a, M: 'a>(message: String) -> Element<'a, M> {
    text(message)
        .size(12.5)
        .color(Color::from_rgb8(0xdc, 0x26, 0x26))
        .into()
}

/// A titled part of a form, in a bordered box.
pub fn card<'a, M: 'a>(
    title: impl text::IntoFragment<'a>,
    hint: Option<String>,
    body: impl Into<Element<'a, M>>,
) -> Element<'a, M> {
    let mut col = column![text(title).size(15)].spacing(8);
    if let Some(h) = hint {
        col = col.push(text(h).size(12));
    }
    container(col.push(body.into()))
        .padding(12)
        .width(Length::Fill)
        .style(container::bordered_box)
        .into()
}

/// Short ids of the weekdays, for the hours fields' widget ids.
pub const DAY_IDS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Seven rows, Monday first: the day, its hours as text, and that day's problem. The inputs
/// have the ids `{prefix}-hours-mon` … `{prefix}-hours-sun`.
pub fn hours_editor<'a, M: Clone + 'a>(
    texts: &'a [String; 7],
    problems: &'a [Invalid],
    prefix: &str,
    on_input: fn(usize, String) -> M,
) -> Element<'a, M> {
    let rows = WEEKDAYS.into_iter().enumerate().map(|(i, day)| {
        let input = text_input(&crate::t!("settings-hours-closed"), &texts[i])
            .id(format!("{prefix}-hours-{}", DAY_IDS[i]))
            .on_input(move |t| on_input(i, t))
            .size(14)
            .width(Length::Fixed(300.0));
        let mut line = column![
            row![
                text(crate::i18n::dates::weekday(day))
                    .size(13)
                    .width(Length::Fixed(90.0)),
                input
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
        ]
        .spacing(2);
        if let Some(p) = problem(problems, Field::Hours(day)) {
            line = line.push(container(problem_text(p)).padding(iced::Padding {
                left: 98.0,
                ..iced::Padding::ZERO
            }));
        }
        line.into()
    });
    column(rows).spacing(6).into()
}

/// What the last save did, or went wrong, in one line.
pub fn outcome<'a, M: 'a>(notice: &'a Option<String>, error: &'a Option<String>) -> Element<'a, M> {
    match (error, notice) {
        (Some(e), _) => widget::error_text(e),
        (None, Some(n)) => text(n).size(13).into(),
        (None, None) => column![].into(),
    }
}

/// The words for what a save did to `what` ("Dr. Rao", "the clinic").
pub fn saved_words(saved: Saved, what: &str) -> String {
    match saved {
        Saved::Created => crate::t!("settings-saved-added", what = what),
        Saved::Updated => crate::t!("settings-saved-saved", what = what),
        Saved::Unchanged => crate::t!("settings-saved-unchanged", what = what),
    }
}

/// The appointments a change strands, each with an Open button; before saving, a "Save
/// anyway" button; after it, a reminder that they are still booked.
pub fn stranded<'a, M: Clone + 'a>(
    list: &'a Stranded,
    zone: Tz,
    open: fn(Box<AgendaEntry>) -> M,
    anyway: M,
) -> Element<'a, M> {
    let n = list.entries.len();
    let headline = if list.saved {
        crate::t!("settings-stranded-saved", count = n, place = &list.what)
    } else {
        crate::t!("settings-stranded-ahead", count = n, place = &list.what)
    };
    let mut col = column![text(headline).size(13).color(WARNING)].spacing(6);
    for e in list.entries.iter().take(STRANDED_SHOWN) {
        let a = &e.appointment;
        let when = crate::i18n::dates::weekday_day_month_time(
            to_local(zone, a.interval.start).naive_local(),
        );
        col = col.push(
            row![
                text(format!(
                    "{when} · {} · {}",
                    crate::text::isolate(&e.patient_name),
                    e.doctor_name
                ))
                .size(12.5)
                .width(Length::Fill),
                button(text(crate::t!("settings-open")).size(12))
                    .on_press(open(Box::new(e.clone())))
                    .padding([2, 8])
                    .style(button::secondary),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center),
        );
    }
    if n > STRANDED_SHOWN {
        col = col.push(
            text(crate::t!(
                "settings-stranded-more",
                count = n - STRANDED_SHOWN
            ))
            .size(12),
        );
    }
    if !list.saved {
        col = col.push(
            button(text(crate::t!("settings-save-anyway")).size(13))
                .on_press(anyway)
                .style(button::danger),
        );
    }
    container(col)
        .padding(10)
        .width(Length::Fill)
        .style(container::bordered_box)
        .into()
}

/// A small square of a `#rrggbb` colour (grey when it cannot be read).
pub fn swatch<'a, M: 'a>(colour: &str) -> Element<'a, M> {
    let colour = crate::gui::theme::hex(colour);
    container(iced::widget::space::horizontal())
        .width(Length::Fixed(14.0))
        .height(Length::Fixed(14.0))
        .style(move |_| container::Style {
            background: Some(colour.into()),
            // A light edge keeps the colour visible on a highlighted (same-coloured) row.
            border: iced::Border {
                radius: 3.0.into(),
                width: 1.0,
                color: Color::from_rgba(1.0, 1.0, 1.0, 0.85),
            },
            ..container::Style::default()
        })
        .into()
}

/// One entry of a settings list.
pub struct Item<'a, T> {
    /// What is chosen by clicking it.
    pub value: T,
    /// The name.
    pub label: String,
    /// A second, smaller line (specialty, kind, role …).
    pub detail: String,
    /// A colour swatch, if the entity has a colour.
    pub colour: Option<&'a str>,
    /// Inactive entries are marked.
    pub active: bool,
}

/// The list beside a form: an "add" button, then one button per entry, the selected one
/// highlighted.
pub fn list<'a, T: Copy + PartialEq + 'a, M: Clone + 'a>(
    items: Vec<Item<'a, T>>,
    selected: Option<T>,
    add: (String, M),
    choose: fn(T) -> M,
) -> Element<'a, M> {
    let mut col = column![
        button(text(add.0).size(13))
            .on_press(add.1)
            .width(Length::Fill)
            .style(button::success)
    ]
    .spacing(2);
    for item in items {
        let on = selected == Some(item.value);
        let mut name = row![].spacing(6).align_y(iced::Alignment::Center);
        if let Some(c) = item.colour {
            name = name.push(swatch(c));
        }
        let label = if item.active {
            item.label
        } else {
            crate::t!("settings-inactive", name = item.label)
        };
        name = name.push(text(label).size(13));
        let body = column![name, text(item.detail).size(11)].spacing(1);
        col = col.push(
            button(body)
                .on_press(choose(item.value))
                .width(Length::Fill)
                .padding([4, 8])
                .style(if on { button::primary } else { button::text }),
        );
    }
    iced::widget::scrollable(col.padding(iced::Padding {
        right: 12.0,
        ..iced::Padding::ZERO
    }))
    .height(Length::Fill)
    .into()
}

/// A form in a scrollable, kept to a readable width, clear of the scroll bar.
pub fn form_scroll<'a, M: 'a>(form: impl Into<Element<'a, M>>) -> Element<'a, M> {
    iced::widget::scrollable(container(form).max_width(860).padding(iced::Padding {
        right: 16.0,
        bottom: 12.0,
        ..iced::Padding::ZERO
    }))
    .height(Length::Fill)
    .into()
}
