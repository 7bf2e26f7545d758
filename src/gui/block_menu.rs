//! The right-click menu of a block on the calendar: confirm, check in, cancel, move to a date,
//! copy (book the same patient again), and pin (to move it to another day, `pinboard.rs`). Each action is the details panel's own (the panel
//! opens and does it), so the store, the audit and the undo history see the same change.
//! Escape, a click outside it, or any click on the grid closes it.

use chrono::{DateTime, Utc};
use iced::widget::{button, column, container, mouse_area, opaque, stack, text};
use iced::{Element, Length, Padding, Point};

use super::desk::Desk;
use super::desk::Message;
use crate::scheduling::{AppointmentId, StatusAction, status};

/// An open menu: the appointment and where it was right-clicked (in the grid's view).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Menu {
    /// The appointment.
    pub id: AppointmentId,
    /// The point right-clicked, from the top left of the grid's view.
    pub at: Point,
}

/// What the menu offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Confirm the appointment.
    Confirm,
    /// Check the patient in.
    CheckIn,
    /// Cancel (the details panel asks for the reason).
    Cancel,
    /// Move to another date or time (the details panel's move form).
    Move,
    /// Book the same patient again (the booking form, a week later, same doctor and length).
    Copy,
    /// Pin it on the pinboard, to move it to another day.
    Pin,
    /// Close the menu.
    Close,
}

/// The menu's width.
pub const WIDTH: f32 = 190.0;
/// The menu's height, about (the grid keeps it inside its view).
pub const HEIGHT: f32 = 230.0;

/// Whether a status action is allowed for the appointment now (the core's lifecycle).
fn allowed(desk: &Desk, id: AppointmentId, action: &StatusAction, now: DateTime<Utc>) -> bool {
    desk.entries
        .iter()
        .find(|e| e.appointment.id == id)
        .is_some_and(|e| status::apply(&e.appointment, action, now).is_ok())
}

/// `grid` with the block menu over it when one is open; a click outside the menu closes it.
pub fn over<'a>(
    grid: Element<'a, Message>,
    desk: &'a Desk,
    now: DateTime<Utc>,
) -> Element<'a, Message> {
    let Some(menu) = desk.block_menu else {
        return grid;
    };
    let Some(entry) = desk.entries.iter().find(|e| e.appointment.id == menu.id) else {
        return grid;
    };
    let item = |label: String, action: Action, enabled: bool| {
        button(text(label).size(13))
            .width(Length::Fill)
            .style(button::text)
            .on_press_maybe(enabled.then_some(Message::BlockMenu(action)))
    };
    let cancel = StatusAction::Cancel {
        reason: "a reason".into(),
        by: crate::scheduling::CancelledBy::Patient,
    };
    let list = column![
        text(format!(
            "{} · {}",
            crate::text::isolate(&entry.patient_name),
            entry.appointment.status.label()
        ))
        .size(12),
        item(
            crate::t!("details-confirm"),
            Action::Confirm,
            allowed(desk, menu.id, &StatusAction::Confirm, now)
        ),
        item(
            crate::t!("details-check-in"),
            Action::CheckIn,
            allowed(desk, menu.id, &StatusAction::CheckIn, now)
        ),
        item(
            crate::t!("details-cancel"),
            Action::Cancel,
            allowed(desk, menu.id, &cancel, now)
        ),
        item(
            crate::t!("details-menu-move"),
            Action::Move,
            entry.appointment.status.holds_time()
        ),
        item(crate::t!("details-menu-copy"), Action::Copy, true),
        item(
            crate::t!("details-menu-pin"),
            Action::Pin,
            entry.appointment.status.holds_time()
        ),
    ]
    .spacing(2);
    let card = container(list)
        .padding(6)
        .width(Length::Fixed(WIDTH))
        .style(container::bordered_box);
    // Placed at the click, kept inside the view's top left; the stack clips the rest.
    let place = container(opaque(card)).padding(Padding {
        top: menu.at.y.max(0.0),
        left: menu.at.x.max(0.0),
        right: 0.0,
        bottom: 0.0,
    });
    let outside = mouse_area(container(text("")).width(Length::Fill).height(Length::Fill))
        .on_press(Message::BlockMenu(Action::Close))
        .on_right_press(Message::BlockMenu(Action::Close));
    stack![grid, outside, place].into()
}
