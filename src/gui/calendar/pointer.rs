//! The mouse on the calendar grid: clicks on slots and blocks, and drag-and-drop to move
//! (with its preview).

use iced::mouse;
use iced::widget::canvas::{self, Frame};
use iced::{Color, Point, Rectangle, Size, Theme};

use crate::gui::layout::Scale;
use crate::scheduling::*;

use super::{GUTTER, Grid, GridEvent, HEADER};

/// Pointer state kept by the canvas between events.
#[derive(Debug, Default)]
pub struct Pointer {
    press: Option<(Point, Option<(AppointmentId, f32)>)>,
    drag: Option<Point>,
}

impl Pointer {
    /// True while a mouse button is held on the grid.
    pub fn pressing(&self) -> bool {
        self.press.is_some()
    }
}

impl Grid<'_> {
    /// The canvas's mouse events: press, move (drag), release (click or drop).
    pub(super) fn pointer_event(
        &self,
        pointer: &mut Pointer,
        event: &canvas::Event,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Option<canvas::Action<GridEvent>> {
        let scale = self.scale(bounds.size());
        match event {
            canvas::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) => {
                let p = cursor.position_in(bounds)?;
                let grab = self.block_at(&scale, p).map(|(id, r)| (id, p.y - r.y));
                pointer.press = Some((p, grab));
                pointer.drag = None;
                Some(canvas::Action::capture())
            }
            canvas::Event::Mouse(mouse::Event::CursorMoved { .. }) => {
                let (start, grab) = pointer.press?;
                grab?;
                let p = cursor.position_in(bounds)?;
                if pointer.drag.is_some() || p.distance(start) > 6.0 {
                    pointer.drag = Some(p);
                    return Some(canvas::Action::request_redraw().and_capture());
                }
                None
            }
            canvas::Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)) => {
                let (start, grab) = pointer.press.take()?;
                let dragged = pointer.drag.take();
                let event = match (grab, dragged) {
                    (Some((id, offset)), Some(p)) => {
                        let top = Point::new(p.x, p.y - offset);
                        let (column, minute) = self.slot_at(&scale, top)?;
                        GridEvent::Dropped(id, column, minute)
                    }
                    (Some((id, _)), None) => GridEvent::AppointmentClicked(id),
                    (None, _) => {
                        let (column, minute) = self.slot_at(&scale, start)?;
                        GridEvent::SlotClicked(column, minute)
                    }
                };
                Some(canvas::Action::publish(event).and_capture())
            }
            _ => None,
        }
    }

    /// The drop preview of a drag under way.
    pub(super) fn draw_drag(
        &self,
        live: &mut Frame,
        pointer: &Pointer,
        theme: &Theme,
        scale: &Scale,
    ) {
        let width = scale.column_width(self.columns.len());
        let accent = theme.extended_palette().primary.base.color;
        if let (Some(p), Some((_, Some((id, offset))))) = (pointer.drag, pointer.press)
            && let Some(b) = self
                .blocks
                .iter()
                .find(|b| self.entries[b.entry].appointment.id == id)
            && let Some((column, minute)) = self.slot_at(scale, Point::new(p.x, p.y - offset))
        {
            let length = b.minutes.1 - b.minutes.0;
            let top = scale.y(minute);
            live.fill_rectangle(
                Point::new(GUTTER + column as f32 * width + 2.0, top),
                Size::new(width - 4.0, scale.y(minute + length) - top),
                Color { a: 0.3, ..accent },
            );
        }
    }

    /// The mouse cursor's look: grabbing while dragging, a hand on blocks, a crosshair on slots.
    pub(super) fn pointer_look(
        &self,
        pointer: &Pointer,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        if pointer.drag.is_some() {
            return mouse::Interaction::Grabbing;
        }
        match cursor.position_in(bounds) {
            Some(p) if self.block_at(&self.scale(bounds.size()), p).is_some() => {
                mouse::Interaction::Pointer
            }
            Some(p) if p.y > HEADER && p.x > GUTTER => mouse::Interaction::Crosshair,
            _ => mouse::Interaction::default(),
        }
    }
}
