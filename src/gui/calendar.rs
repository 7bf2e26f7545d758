//! The calendar grid: which columns a view has (doctors or rooms of a day, or the days of a
//! week), and the canvas that draws them: working hours shaded, blocks sized by duration and
//! coloured by visit type with a status marker, side-by-side overbookings, a line at the
//! current time, clicks, a keyboard cursor, and drag-and-drop to move.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use iced::mouse;
use iced::widget::canvas::{self, Cache, Frame, Geometry, Path, Stroke, Text};
use iced::{Color, Font, Pixels, Point, Rectangle, Renderer, Size, Theme};

use super::backend::Setup;
use super::layout::{Block, Column, Rect, Scale};
use super::theme;
use crate::scheduling::*;
use crate::store::AgendaEntry;

/// What the grid shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One day, a column per doctor.
    DayByDoctor,
    /// One day, a column per room.
    DayByRoom,
    /// One week of one doctor.
    WeekOfDoctor(DoctorId),
    /// One week of one room.
    WeekOfRoom(RoomId),
}

/// Height of the column headings.
pub const HEADER: f32 = 46.0;
/// Width of the time gutter.
pub const GUTTER: f32 = 58.0;
/// Narrowest readable column.
pub const MIN_COLUMN: f32 = 150.0;
/// Vertical scale.
pub const PIXELS_PER_MINUTE: f32 = 2.0;

/// The Monday of the week of `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The dates a view covers.
pub fn dates(view: View, date: NaiveDate) -> Vec<NaiveDate> {
    match view {
        View::DayByDoctor | View::DayByRoom => vec![date],
        View::WeekOfDoctor(_) | View::WeekOfRoom(_) => {
            let monday = week_start(date);
            (0..7).map(|d| monday + Duration::days(d)).collect()
        }
    }
}

fn spans(hours: &WeeklyHours, date: NaiveDate) -> Vec<(u16, u16)> {
    hours
        .on(date.weekday())
        .iter()
        .map(|s| (s.start_minute, s.end_minute))
        .collect()
}

/// The columns of a view. In a day view, doctors who work that day (or have appointments) and
/// every active room; `hidden` removes doctors or rooms the receptionist switched off.
pub fn columns(
    setup: &Setup,
    clinic: &Clinic,
    view: View,
    date: NaiveDate,
    entries: &[AgendaEntry],
    hidden: &[uuid::Uuid],
) -> Vec<Column> {
    // A room with its own hours is open when both it and the clinic are.
    let room_hours = |room: RoomId, d: NaiveDate| match setup.room_hours(room) {
        Some(own) => {
            let clinic_open = spans(&clinic.opening_hours, d);
            spans(own, d)
                .into_iter()
                .flat_map(|(s, e)| {
                    clinic_open
                        .iter()
                        .map(move |&(cs, ce)| (s.max(cs), e.min(ce)))
                        .filter(|(s, e)| s < e)
                        .collect::<Vec<_>>()
                })
                .collect()
        }
        None => spans(&clinic.opening_hours, d),
    };
    match view {
        View::DayByDoctor => setup
            .doctors
            .iter()
            .map(|(d, _)| d)
            .filter(|d| !hidden.contains(&d.id.0))
            .filter_map(|d| {
                let open = spans(&setup.hours(d.id, clinic.id), date);
                let busy = entries.iter().any(|e| e.appointment.doctor == d.id);
                (d.active && !open.is_empty() || busy).then(|| Column {
                    title: d.name.clone(),
                    subtitle: d.specialty.clone(),
                    date,
                    doctor: Some(d.id),
                    room: None,
                    open,
                })
            })
            .collect(),
        View::DayByRoom => setup
            .rooms
            .iter()
            .filter(|r| r.clinic == clinic.id && r.active && !hidden.contains(&r.id.0))
            .map(|r| Column {
                title: r.name.clone(),
                subtitle: r.kind.as_str().replace('_', " "),
                date,
                doctor: None,
                room: Some(r.id),
                open: room_hours(r.id, date),
            })
            .collect(),
        View::WeekOfDoctor(id) => {
            let hours = setup.hours(id, clinic.id);
            dates(view, date)
                .into_iter()
                .map(|d| Column {
                    title: d.format("%a %-d %b").to_string(),
                    subtitle: setup.doctor(id).map(|x| x.name.clone()).unwrap_or_default(),
                    date: d,
                    doctor: Some(id),
                    room: None,
                    open: spans(&hours, d),
                })
                .collect()
        }
        View::WeekOfRoom(id) => {
            let name = setup
                .rooms
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.name.clone())
                .unwrap_or_default();
            dates(view, date)
                .into_iter()
                .map(|d| Column {
                    title: d.format("%a %-d %b").to_string(),
                    subtitle: name.clone(),
                    date: d,
                    doctor: None,
                    room: Some(id),
                    open: room_hours(id, d),
                })
                .collect()
        }
    }
}

/// Which column an entry belongs to in a view.
pub fn column_of(zone: Tz, view: View) -> impl Fn(&AgendaEntry, &[Column]) -> Option<usize> {
    move |e, columns| {
        let a = &e.appointment;
        match view {
            View::DayByDoctor => columns.iter().position(|c| c.doctor == Some(a.doctor)),
            View::DayByRoom => columns
                .iter()
                .position(|c| a.room.is_some() && c.room == a.room),
            View::WeekOfDoctor(_) | View::WeekOfRoom(_) => {
                let date = time::local_date(zone, a.interval.start);
                columns.iter().position(|c| c.date == date)
            }
        }
    }
}

/// Shortens `text` with an ellipsis to fit `width` pixels at `size`. Canvas text is not
/// clipped by the CPU renderer, so it must be fitted; the width of a character is estimated
/// generously for the system font (DejaVu Sans).
pub fn fit(text: &str, width: f32, size: f32, bold: bool) -> String {
    let per_char = size * if bold { 0.66 } else { 0.6 };
    let room = (width / per_char).floor().max(0.0) as usize;
    if text.chars().count() <= room {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(room.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// What the grid reports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GridEvent {
    /// An empty slot was clicked: column and minute of the day.
    SlotClicked(usize, u16),
    /// An appointment was clicked.
    AppointmentClicked(AppointmentId),
    /// An appointment was dragged to a column and minute.
    Dropped(AppointmentId, usize, u16),
}

/// Pointer state kept by the canvas between events.
#[derive(Debug, Default)]
pub struct Pointer {
    press: Option<(Point, Option<(AppointmentId, f32)>)>,
    drag: Option<Point>,
}

/// The canvas program; borrows everything from the app state.
pub struct Grid<'a> {
    /// The clinic's zone.
    pub zone: Tz,
    /// Columns.
    pub columns: &'a [Column],
    /// Placed blocks.
    pub blocks: &'a [Block],
    /// The entries the blocks point into.
    pub entries: &'a [AgendaEntry],
    /// Visit-type colours.
    pub colours: &'a HashMap<VisitTypeId, Color>,
    /// First and last minute shown.
    pub minutes: (u16, u16),
    /// The selected appointment.
    pub selected: Option<AppointmentId>,
    /// The keyboard cursor: column and minute.
    pub cursor: Option<(usize, u16)>,
    /// Now.
    pub now: DateTime<Utc>,
    /// Slot length for clicks.
    pub step: u16,
    /// Minutes late per appointment (after an emergency).
    pub late: &'a HashMap<AppointmentId, i64>,
    /// The part of the grid in view (grid coordinates): only it is drawn, and the column
    /// headings and hour labels stay pinned to its top and left edges.
    pub visible: Rectangle,
    /// The cached drawing of the grid and blocks.
    pub cache: &'a Cache,
}

impl Grid<'_> {
    /// The scale for a size.
    pub fn scale(&self, size: Size) -> Scale {
        Scale {
            first_minute: self.minutes.0,
            last_minute: self.minutes.1,
            header: HEADER,
            gutter: GUTTER,
            width: size.width,
            height: size.height,
        }
    }

    /// The size the grid wants: wide enough for readable columns, tall enough for the hours.
    pub fn wanted_size(&self, available_width: f32) -> Size {
        let width = (GUTTER + MIN_COLUMN * self.columns.len() as f32).max(available_width);
        let minutes = f32::from(self.minutes.1.saturating_sub(self.minutes.0));
        Size::new(width, HEADER + minutes * PIXELS_PER_MINUTE)
    }

    /// True on the pinned headings and hour labels.
    fn pinned(&self, p: Point) -> bool {
        p.y < self.visible.y + HEADER || p.x < self.visible.x + GUTTER
    }

    fn block_at(&self, scale: &Scale, p: Point) -> Option<(AppointmentId, Rect)> {
        if self.pinned(p) {
            return None;
        }
        self.blocks.iter().rev().find_map(|b| {
            let r = scale.rect(b, self.columns.len());
            r.contains(p.x, p.y)
                .then(|| (self.entries[b.entry].appointment.id, r))
        })
    }

    fn slot_at(&self, scale: &Scale, p: Point) -> Option<(usize, u16)> {
        if self.pinned(p) {
            return None;
        }
        Some((
            scale.column_at(p.x, self.columns.len())?,
            scale.minute_at(p.y, self.step)?,
        ))
    }

    fn draw_grid(&self, frame: &mut Frame, theme: &Theme, scale: &Scale) {
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
        let line = |alpha: f32| Stroke {
            width: 1.0,
            ..Stroke::default().with_color(Color {
                a: alpha,
                ..palette.background.strong.color
            })
        };
        let mut minute = scale.first_minute - scale.first_minute % 30;
        while minute <= scale.last_minute {
            if minute >= scale.first_minute {
                let y = scale.y(minute);
                let hour = minute.is_multiple_of(60);
                frame.stroke(
                    &Path::line(Point::new(GUTTER, y), Point::new(size.width, y)),
                    line(if hour { 0.9 } else { 0.4 }),
                );
            }
            minute += 30;
        }
        for i in 0..=n {
            let x = GUTTER + i as f32 * width;
            frame.stroke(
                &Path::line(Point::new(x, 0.0), Point::new(x, size.height)),
                line(0.9),
            );
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
    fn draw_pinned(&self, frame: &mut Frame, theme: &Theme, scale: &Scale) {
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
            let room = column_right - x - 4.0;
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
        let text = theme::block_text(dark);
        let faded = Color {
            a: if a.status.holds_time() { 0.8 } else { 0.55 },
            ..text
        };
        let mut lines: Vec<(String, Color, f32, bool)> = Vec::new();
        let kind = match a.kind {
            Kind::WalkIn => format!("WALK-IN {} · ", a.queue_token),
            Kind::Emergency => format!("EMERGENCY {} · ", a.queue_token),
            Kind::Scheduled => String::new(),
        };
        if r.height < 34.0 {
            // Too short for three lines: name and status on one.
            lines.push((
                format!(
                    "{kind}{} · {}",
                    e.patient_name,
                    theme::status_marker(a.status)
                ),
                text,
                11.5,
                true,
            ));
        } else {
            lines.push((format!("{kind}{}", e.patient_name), text, 12.5, true));
        }
        let mut second = e.visit_type_name.clone().unwrap_or_default();
        if let Some(late) = self.late.get(&a.id) {
            second = format!("{late} min late · {second}");
        }
        if e.overbook_reason.is_some() {
            second = format!("overbooked · {second}");
        }
        if r.height >= 34.0 {
            lines.push((second, faded, 11.0, false));
            lines.push((
                theme::status_marker(a.status),
                theme::status_colour_on(a.status, dark),
                11.0,
                true,
            ));
        }
        let mut y = r.y + 1.0;
        // The CPU renderer draws text above every shape, the pinned headings included: lines
        // that would fall under the headings or the hour labels are left out.
        let hidden_above = self.visible.y + HEADER;
        let hidden_left = r.x + 8.0 < self.visible.x + GUTTER;
        {
            for (content, color, size, bold) in lines {
                if y + size > r.y + r.height + 2.0 {
                    break;
                }
                if hidden_left || y < hidden_above {
                    y += size + 3.0;
                    continue;
                }
                frame.fill_text(Text {
                    content: fit(&content, r.width - 10.0, size, bold),
                    position: Point::new(r.x + 8.0, y),
                    color,
                    size: Pixels(size),
                    font: Font {
                        weight: if bold {
                            iced::font::Weight::Bold
                        } else {
                            iced::font::Weight::Normal
                        },
                        ..Font::DEFAULT
                    },
                    ..Text::default()
                });
                y += size + 3.0;
            }
        }
    }
}

impl canvas::Program<GridEvent> for Grid<'_> {
    type State = Pointer;

    fn update(
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

    fn draw(
        &self,
        pointer: &Pointer,
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let scale = self.scale(bounds.size());
        let grid = self.cache.draw(renderer, bounds.size(), |frame| {
            self.draw_grid(frame, theme, &scale)
        });
        let mut pinned = Frame::new(renderer, bounds.size());
        self.draw_pinned(&mut pinned, theme, &scale);
        let mut live = Frame::new(renderer, bounds.size());
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
        if pointer.press.is_none()
            && let Some(p) = cursor.position_in(bounds)
            && self.block_at(&scale, p).is_none()
            && let Some((column, minute)) = self.slot_at(&scale, p)
        {
            let (p, s) = cell(column, minute);
            live.fill_rectangle(p, s, Color { a: 0.12, ..accent });
        }
        if let (Some(p), Some((_, Some((id, offset))))) = (pointer.drag, pointer.press)
            && let Some(b) = self
                .blocks
                .iter()
                .find(|b| self.entries[b.entry].appointment.id == id)
            && let Some((column, minute)) = self.slot_at(&scale, Point::new(p.x, p.y - offset))
        {
            let length = b.minutes.1 - b.minutes.0;
            let top = scale.y(minute);
            live.fill_rectangle(
                Point::new(GUTTER + column as f32 * width + 2.0, top),
                Size::new(width - 4.0, scale.y(minute + length) - top),
                Color { a: 0.3, ..accent },
            );
        }
        vec![grid, pinned.into_geometry(), live.into_geometry()]
    }

    fn mouse_interaction(
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

use chrono::Timelike;
