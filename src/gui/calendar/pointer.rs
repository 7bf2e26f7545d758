//! The mouse on the calendar grid: clicks on slots (snapped to the clinic's grid and to the
//! gap clicked), clicks and right-clicks on blocks, drag-and-drop to move (with a preview that
//! names the time and column), and a drag over empty time to book that length.

use chrono::Datelike;
use iced::mouse;
use iced::widget::canvas::Text;
use iced::widget::canvas::{self, Frame};
use iced::{Color, Pixels, Point, Rectangle, Size, Theme};

use crate::gui::layout::{Column, Scale};
use crate::i18n::dates;
use crate::scheduling::placement::{gap_around, snap_click};
use crate::scheduling::*;

use super::{GUTTER, Grid, GridEvent, HEADER};

/// What a drag preview says: "Tue 14:35 · Dr Mehta" (the weekday, the time, and the doctor
/// or room of the column; in a week view, the column's doctor or room from its subtitle).
pub fn drop_label(column: &Column, minute: u16) -> String {
    // A week's column is titled with its date; its subtitle names the doctor or room.
    let name = if column.week {
        &column.subtitle
    } else {
        &column.title
    };
    format!(
        "{} {:02}:{:02} · {name}",
        dates::weekday_short(column.date.weekday()),
        minute / 60,
        minute % 60
    )
}

/// What a drag over empty time offers: the first and last minute, snapped to `grid` (at
/// least one grid step long, within the day's `bounds`).
pub fn drag_span(a: u16, b: u16, grid: u16, bounds: (u16, u16)) -> (u16, u16) {
    let grid = grid.max(1);
    let (low, high) = (a.min(b), a.max(b));
    let start = (low - low % grid).max(bounds.0);
    let end = high.saturating_add(grid - 1);
    let end = (end - end % grid)
        .max(start.saturating_add(grid))
        .min(bounds.1);
    (start, end.max(start))
}

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
                let (start, _) = pointer.press?;
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
                    (None, Some(p)) => {
                        let (column, from, to) = self.created_span(&scale, start, p)?;
                        GridEvent::SlotDragged(column, from, to)
                    }
                    (None, None) => {
                        let (column, minute) = self.minute_under(&scale, start)?;
                        GridEvent::SlotClicked(column, self.snapped(column, minute))
                    }
                };
                Some(canvas::Action::publish(event).and_capture())
            }
            canvas::Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Right)) => {
                let p = cursor.position_in(bounds)?;
                let (id, _) = self.block_at(&scale, p)?;
                pointer.press = None;
                pointer.drag = None;
                // Where the menu opens, in the view and kept inside it.
                use crate::gui::block_menu::{HEIGHT, WIDTH};
                let at = Point::new(
                    (p.x - self.visible.x)
                        .min(self.visible.width - WIDTH)
                        .max(0.0),
                    (p.y - self.visible.y)
                        .min(self.visible.height - HEIGHT)
                        .max(0.0),
                );
                Some(canvas::Action::publish(GridEvent::BlockMenu(id, at)).and_capture())
            }
            _ => None,
        }
    }

    /// The busy spans of a column (appointments that hold their time).
    fn busy(&self, column: usize) -> Vec<(u16, u16)> {
        self.blocks
            .iter()
            .filter(|b| b.column == column)
            .filter(|b| self.entries[b.entry].appointment.status.holds_time())
            .map(|b| b.minutes)
            .collect()
    }

    /// A click's minute snapped to the clinic's grid and to the start of the gap clicked.
    fn snapped(&self, column: usize, minute: u16) -> u16 {
        // Inside a busy span (beside a narrow overbooked block): the grid time before it.
        let gap = gap_around(minute, &self.busy(column), self.minutes).unwrap_or((0, 0));
        snap_click(minute, self.step, gap)
    }

    /// The column and minutes a drag over empty time from `from` to `to` offers.
    fn created_span(&self, scale: &Scale, from: Point, to: Point) -> Option<(usize, u16, u16)> {
        let (column, a) = self.minute_under(scale, from)?;
        let b = scale.minute_at(to.y.max(HEADER), 1)?;
        let a = self.snapped(column, a);
        let (start, end) = drag_span(a, b, self.step, self.minutes);
        (start < end).then_some((column, start, end))
    }

    /// The drop preview of a drag under way, labelled with where it lands; or the span a drag
    /// over empty time would book.
    pub(super) fn draw_drag(
        &self,
        live: &mut Frame,
        pointer: &Pointer,
        theme: &Theme,
        scale: &Scale,
    ) {
        let width = scale.column_width(self.columns.len());
        let palette = theme.extended_palette();
        let accent = palette.primary.base.color;
        let Some(p) = pointer.drag else {
            return;
        };
        let (column, minute, length, label) = match pointer.press {
            Some((_, Some((id, offset)))) => {
                let Some(b) = self
                    .blocks
                    .iter()
                    .find(|b| self.entries[b.entry].appointment.id == id)
                else {
                    return;
                };
                let Some((column, minute)) = self.slot_at(scale, Point::new(p.x, p.y - offset))
                else {
                    return;
                };
                let label = drop_label(&self.columns[column], minute);
                (column, minute, b.minutes.1 - b.minutes.0, label)
            }
            Some((start, None)) => {
                let Some((column, from, to)) = self.created_span(scale, start, p) else {
                    return;
                };
                let label = crate::t!(
                    "calendar-drag-span",
                    from = drop_label(&self.columns[column], from),
                    until = format!("{:02}:{:02}", to / 60, to % 60),
                    minutes = (to - from).to_string()
                );
                (column, from, to - from, label)
            }
            None => return,
        };
        let top = scale.y(minute);
        let left = GUTTER + column as f32 * width + 2.0;
        let height = scale.y(minute + length) - top;
        live.fill_rectangle(
            Point::new(left, top),
            Size::new(width - 4.0, height),
            Color { a: 0.3, ..accent },
        );
        // The label sits on a solid tag above the preview, wide enough to read even when the
        // column is narrow.
        let size = 13.0;
        let tag_width = (label.chars().count() as f32 * size * 0.62 + 12.0).max(width - 4.0);
        let tag_top = (top - 22.0).max(self.visible.y + HEADER);
        live.fill_rectangle(
            Point::new(left, tag_top),
            Size::new(tag_width, 20.0),
            accent,
        );
        live.fill_text(Text {
            content: label,
            position: Point::new(left + 6.0, tag_top + 3.0),
            color: palette.primary.base.text,
            size: Pixels(size),
            font: iced::Font {
                weight: iced::font::Weight::Bold,
                ..iced::Font::default()
            },
            ..Text::default()
        });
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
