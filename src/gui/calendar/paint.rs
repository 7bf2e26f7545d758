//! Drawing the calendar grid: working hours, hour lines, blocks with their text and status,
//! the pinned column headings and hour labels, the current-time line, the keyboard cursor and
//! the slot under the mouse.

use iced::mouse;
use iced::widget::canvas::{Frame, Path, Stroke, Text};
use iced::{Color, Font, Pixels, Point, Rectangle, Size, Theme};

use crate::gui::layout::{Block, Rect, Scale};
use crate::gui::theme;
use crate::scheduling::*;
use chrono::Timelike;

use super::{GUTTER, Grid, HEADER, Pointer, fit, label};

/// The mark of a block running late after an emergency.
const LATE_COLOUR: Color = Color::from_rgb(0.96, 0.62, 0.04);

impl Grid<'_> {
    pub(super) fn draw_grid(&self, frame: &mut Frame, theme: &Theme, scale: &Scale) {
        let palette = theme.extended_palette();
        let dark = theme::is_dark(theme);
        let size = frame.size();
        let n = self.columns.len();
        let width = scale.column_width(n);
        frame.fill_rectangle(Point::ORIGIN, size, palette.background.weak.color);
        // Open (working) time is the page colour; closed time stays shaded.
        for (i, c) in self.columns.iter().enumerate() {
            let x = GUTTER + i as f32 * width;
            for &(s, e) in &c.open {
                let (s, e) = (s.max(scale.first_minute), e.min(scale.last_minute));
                if e > s {
                    let top = scale.y(s);
                    frame.fill_rectangle(
                        Point::new(x, top),
                        Size::new(width, scale.y(e) - top),
                        palette.background.base.color,
                    );
                }
            }
        }
        // Hour and half-hour lines and column borders: one-pixel rectangles on whole pixels,
        // only across the part in view. (Anti-aliased hairline strokes over the whole grid
        // cost a fifth of a frame.)
        let line = |alpha: f32| Color {
            a: alpha,
            ..palette.background.strong.color
        };
        let left = GUTTER.max(self.visible.x);
        let right = size.width.min(self.visible.x + self.visible.width);
        let top = self.visible.y;
        let bottom = size.height.min(self.visible.y + self.visible.height);
        let mut minute = scale.first_minute - scale.first_minute % 30;
        while minute <= scale.last_minute {
            let y = scale.y(minute).round();
            if minute >= scale.first_minute && (top - 1.0..=bottom).contains(&y) && right > left {
                let hour = minute.is_multiple_of(60);
                frame.fill_rectangle(
                    Point::new(left, y),
                    Size::new(right - left, 1.0),
                    line(if hour { 0.9 } else { 0.4 }),
                );
            }
            minute += 30;
        }
        for i in 0..=n {
            let x = (GUTTER + i as f32 * width).round();
            if (left - 1.0..=right).contains(&x) && bottom > top {
                frame.fill_rectangle(Point::new(x, top), Size::new(1.0, bottom - top), line(0.9));
            }
        }
        // Only the blocks in view (with a margin): text layout is most of a frame's cost.
        let view = Rect {
            x: self.visible.x - 20.0,
            y: self.visible.y - 20.0,
            width: self.visible.width + 40.0,
            height: self.visible.height + 40.0,
        };
        for b in self.blocks {
            let r = scale.rect(b, n);
            let overlaps = r.x < view.x + view.width
                && view.x < r.x + r.width
                && r.y < view.y + view.height
                && view.y < r.y + r.height;
            if overlaps {
                self.draw_block(frame, b, scale, dark);
            }
        }
    }

    /// Column headings along the top of the view and hour labels down its left, over the grid.
    /// Drawn as a layer of its own: the CPU renderer draws a layer's text after its shapes, so
    /// in the grid's layer block text would show through the headings.
    pub(super) fn draw_pinned(&self, frame: &mut Frame, theme: &Theme, scale: &Scale) {
        let palette = theme.extended_palette();
        let n = self.columns.len();
        let width = scale.column_width(n);
        let (top, left) = (self.visible.y, self.visible.x);
        let size = frame.size();
        frame.fill_rectangle(
            Point::new(left, top),
            Size::new(self.visible.width.min(size.width), HEADER),
            palette.background.weak.color,
        );
        for (i, c) in self.columns.iter().enumerate() {
            let column_left = GUTTER + i as f32 * width;
            let column_right = column_left + width;
            if column_right < left + GUTTER + 40.0 || column_left > left + self.visible.width {
                continue;
            }
            // A column scrolled partly under the hour labels keeps its heading in view.
            let x = (column_left + 8.0).max(left + GUTTER + 8.0);
            // The doctor's colour from Settings: a bar along the heading's top.
            if let Some(colour) = c.doctor.and_then(|d| self.doctor_colours.get(&d)) {
                let bar_left = column_left.max(left + GUTTER);
                frame.fill_rectangle(
                    Point::new(bar_left + 1.0, top + 1.0),
                    Size::new((column_right - bar_left - 2.0).max(0.0), 4.0),
                    *colour,
                );
            }
            let room = column_right - x - 4.0;
            // A name too long for the column takes both lines (the specialty gives way).
            let title =
                label::wrap_two(&label::header_name(&c.title, room, 13.5), room, 13.5, true);
            if let [first, second] = title.as_slice() {
                for (line, y) in [(first, 6.0), (second, 24.0)] {
                    frame.fill_text(Text {
                        content: line.clone(),
                        position: Point::new(x, top + y),
                        color: palette.background.base.text,
                        size: Pixels(13.5),
                        font: Font {
                            weight: iced::font::Weight::Bold,
                            ..Font::DEFAULT
                        },
                        ..Text::default()
                    });
                }
                continue;
            }
            frame.fill_text(Text {
                content: fit(&c.title, room, 13.5, true),
                position: Point::new(x, top + 7.0),
                color: palette.background.base.text,
                size: Pixels(13.5),
                font: Font {
                    weight: iced::font::Weight::Bold,
                    ..Font::DEFAULT
                },
                ..Text::default()
            });
            frame.fill_text(Text {
                content: fit(&c.subtitle, room, 11.5, false),
                position: Point::new(x, top + 26.0),
                color: Color {
                    a: 0.7,
                    ..palette.background.base.text
                },
                size: Pixels(11.5),
                ..Text::default()
            });
        }
        frame.fill_rectangle(
            Point::new(left, top + HEADER),
            Size::new(GUTTER, (self.visible.height - HEADER).max(0.0)),
            palette.background.weak.color,
        );
        let mut minute = scale.first_minute - scale.first_minute % 60;
        while minute <= scale.last_minute {
            let y = scale.y(minute);
            if minute >= scale.first_minute && y >= top + HEADER - 2.0 {
                frame.fill_text(Text {
                    content: format!("{:02}:00", minute / 60),
                    position: Point::new(left + GUTTER - 8.0, y + 2.0),
                    color: palette.background.base.text,
                    size: Pixels(12.0),
                    align_x: iced::alignment::Horizontal::Right.into(),
                    ..Text::default()
                });
            }
            minute += 60;
        }
    }

    fn draw_block(&self, frame: &mut Frame, b: &Block, scale: &Scale, dark: bool) {
        let e = &self.entries[b.entry];
        let a = &e.appointment;
        let r = scale.rect(b, self.columns.len());
        let visit = a
            .visit_type
            .and_then(|v| self.colours.get(&v))
            .copied()
            .unwrap_or(Color::from_rgb8(0x94, 0xa3, 0xb8));
        let fill = theme::block_fill(visit, a.status, dark);
        let rounded = Path::rounded_rectangle(
            Point::new(r.x, r.y),
            Size::new(r.width, r.height),
            4.0.into(),
        );
        frame.fill(&rounded, fill);
        let selected = self.selected == Some(a.id);
        let border = match theme::kind_colour(a.kind) {
            Some(c) => Stroke::default().with_color(c).with_width(2.5),
            None if selected => Stroke::default()
                .with_color(theme::block_text(dark))
                .with_width(2.0),
            None => Stroke::default()
                .with_color(Color { a: 0.55, ..visit })
                .with_width(1.0),
        };
        frame.stroke(&rounded, border);
        if selected && a.kind != Kind::Scheduled {
            let inner = Path::rectangle(
                Point::new(r.x + 3.0, r.y + 3.0),
                Size::new(r.width - 6.0, r.height - 6.0),
            );
            frame.stroke(
                &inner,
                Stroke::default().with_color(theme::block_text(dark)),
            );
        }
        // The status marker: a coloured bar down the left edge.
        frame.fill_rectangle(
            Point::new(r.x, r.y),
            Size::new(4.0, r.height),
            theme::status_colour(a.status),
        );
        // The doctor's colour from Settings: a thin bar down the right edge.
        if let Some(colour) = self.doctor_colours.get(&a.doctor)
            && r.width > 12.0
        {
            frame.fill_rectangle(
                Point::new(r.x + r.width - 3.0, r.y),
                Size::new(3.0, r.height),
                *colour,
            );
        }
        let late = self.late.get(&a.id).copied();
        // Late after an emergency: an amber band across the top of every late block.
        if late.is_some() {
            frame.fill_rectangle(Point::new(r.x, r.y), Size::new(r.width, 3.0), LATE_COLOUR);
        }
        let text = theme::block_text(dark);
        let faded = Color {
            a: if a.status.holds_time() { 0.8 } else { 0.55 },
            ..text
        };
        let mut y = r.y + 1.0;
        // The CPU renderer draws text above every shape, the pinned headings included: lines
        // that would fall under the headings or the hour labels are left out.
        let hidden_above = self.visible.y + HEADER;
        let hidden_left = r.x + 8.0 < self.visible.x + GUTTER;
        for line in label::block_lines(e, late, r.width, r.height) {
            if y + line.size > r.y + r.height + 2.0 {
                break;
            }
            if hidden_left || y < hidden_above {
                y += label::line_height(line.size);
                continue;
            }
            let color = match line.tone {
                label::Tone::Main => text,
                label::Tone::Faded => faded,
                label::Tone::Status => theme::status_colour_on(a.status, dark),
            };
            frame.fill_text(Text {
                content: line.text,
                position: Point::new(r.x + 8.0, y),
                color,
                size: Pixels(line.size),
                font: Font {
                    weight: if line.bold {
                        iced::font::Weight::Bold
                    } else {
                        iced::font::Weight::Normal
                    },
                    ..Font::DEFAULT
                },
                ..Text::default()
            });
            y += label::line_height(line.size);
        }
    }

    /// What changes without the data: the current time, the keyboard cursor and the slot under
    /// the mouse.
    pub(super) fn draw_live(
        &self,
        live: &mut Frame,
        pointer: &Pointer,
        theme: &Theme,
        scale: &Scale,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) {
        let n = self.columns.len();
        let width = scale.column_width(n);
        let accent = theme.extended_palette().primary.base.color;
        // The current time, in the columns of today.
        let local_now = self.now.with_timezone(&self.zone);
        let now_minute = (local_now.time().num_seconds_from_midnight() / 60) as u16;
        for (i, c) in self.columns.iter().enumerate() {
            if c.date == local_now.date_naive()
                && (self.minutes.0..self.minutes.1).contains(&now_minute)
                && scale.y(now_minute) > self.visible.y + HEADER
            {
                let y = scale.y(now_minute);
                let x = GUTTER + i as f32 * width;
                live.stroke(
                    &Path::line(Point::new(x, y), Point::new(x + width, y)),
                    Stroke::default()
                        .with_color(Color::from_rgb8(0xef, 0x44, 0x44))
                        .with_width(2.0),
                );
                live.fill(
                    &Path::circle(Point::new(x + 3.0, y), 4.0),
                    Color::from_rgb8(0xef, 0x44, 0x44),
                );
            }
        }
        let cell = |column: usize, minute: u16| {
            let top = scale.y(minute);
            (
                Point::new(GUTTER + column as f32 * width + 1.0, top),
                Size::new(width - 2.0, scale.y(minute + self.step) - top),
            )
        };
        if let Some((column, minute)) = self.cursor
            && column < n
        {
            let (p, s) = cell(column, minute);
            live.stroke(
                &Path::rectangle(p, s),
                Stroke::default().with_color(accent).with_width(2.0),
            );
        }
        if !pointer.pressing()
            && let Some(p) = cursor.position_in(bounds)
            && self.block_at(scale, p).is_none()
            && let Some((column, minute)) = self.slot_at(scale, p)
        {
            let (p, s) = cell(column, minute);
            live.fill_rectangle(p, s, Color { a: 0.12, ..accent });
        }
    }

    /// The hover popover: everything about the block under the mouse, beside the mouse and
    /// kept inside the part of the grid in view. `frame` covers the part in view (its own
    /// layer above the grid, so no block text shows through); `at` is the mouse there.
    pub(super) fn draw_popover(
        &self,
        frame: &mut Frame,
        theme: &Theme,
        at: Point,
        lines: &[String],
    ) {
        const SIZE: f32 = 12.5;
        const PAD: f32 = 8.0;
        let palette = theme.extended_palette();
        let widest = lines
            .iter()
            .map(|l| crate::gui::top_bar::text_width(l, SIZE))
            .fold(0.0, f32::max)
            .min(360.0);
        let size = Size::new(
            widest + 2.0 * PAD,
            lines.len() as f32 * label::line_height(SIZE) + 2.0 * PAD,
        );
        let area = Rectangle {
            x: GUTTER,
            y: HEADER,
            width: (frame.size().width - GUTTER).max(0.0),
            height: (frame.size().height - HEADER).max(0.0),
        };
        let origin = popover_origin(at, size, area);
        let card = Path::rounded_rectangle(origin, size, 6.0.into());
        frame.fill(&card, palette.background.base.color);
        frame.stroke(
            &card,
            Stroke::default()
                .with_color(palette.background.strong.color)
                .with_width(1.0),
        );
        for (i, content) in lines.iter().enumerate() {
            frame.fill_text(Text {
                content: fit(content, widest, SIZE, i == 0),
                position: Point::new(
                    origin.x + PAD,
                    origin.y + PAD + i as f32 * label::line_height(SIZE),
                ),
                color: palette.background.base.text,
                size: Pixels(SIZE),
                font: Font {
                    weight: if i == 0 {
                        iced::font::Weight::Bold
                    } else {
                        iced::font::Weight::Normal
                    },
                    ..Font::DEFAULT
                },
                ..Text::default()
            });
        }
    }
}

/// Where a popover of `size` goes for the mouse at `at`: below and right of it, flipped to
/// the other side where it would leave `area`, and never outside `area`'s top-left.
pub(super) fn popover_origin(at: Point, size: Size, area: Rectangle) -> Point {
    let mut x = at.x + 14.0;
    if x + size.width > area.x + area.width {
        x = at.x - 14.0 - size.width;
    }
    let mut y = at.y + 16.0;
    if y + size.height > area.y + area.height {
        y = at.y - 8.0 - size.height;
    }
    Point::new(
        x.min(area.x + area.width - size.width).max(area.x),
        y.min(area.y + area.height - size.height).max(area.y),
    )
}
