//! The calendar grid: which columns a view has (doctors or rooms of a day, or the days of a
//! week), and the canvas that draws them: working hours shaded, blocks sized by duration and
//! coloured by visit type with a status marker, side-by-side overbookings, a line at the
//! current time, clicks, a keyboard cursor, and drag-and-drop to move.

mod paint;
mod pointer;

pub use pointer::{Pointer, drag_span, drop_label};

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use iced::mouse;
use iced::widget::canvas::{self, Cache, Frame, Geometry};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme};

use super::backend::Setup;
use super::layout::{Block, Column, Rect, Scale};
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
    /// Empty time was dragged over: book from the first minute to the second in the column.
    SlotDragged(usize, u16, u16),
    /// An appointment was right-clicked at this point of the grid's view (its menu).
    BlockMenu(AppointmentId, Point),
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

    /// The column and exact minute under a point (no snapping).
    fn minute_under(&self, scale: &Scale, p: Point) -> Option<(usize, u16)> {
        if self.pinned(p) {
            return None;
        }
        Some((
            scale.column_at(p.x, self.columns.len())?,
            scale.minute_at(p.y, 1)?,
        ))
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
        self.pointer_event(pointer, event, bounds, cursor)
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
        self.draw_live(&mut live, pointer, theme, &scale, bounds, cursor);
        self.draw_drag(&mut live, pointer, theme, &scale);
        vec![grid, pinned.into_geometry(), live.into_geometry()]
    }

    fn mouse_interaction(
        &self,
        pointer: &Pointer,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> mouse::Interaction {
        self.pointer_look(pointer, bounds, cursor)
    }
}
