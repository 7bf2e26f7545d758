//! The calendar grid: which columns a view has (doctors or rooms of a day, or the days of a
//! week), and the canvas that draws them: working hours shaded, blocks sized by duration and
//! coloured by visit type with a status marker, side-by-side overbookings, a line at the
//! current time, clicks, a keyboard cursor, and drag-and-drop to move.

pub mod label;
mod paint;
mod pointer;

pub use label::fit;

pub use pointer::{Pointer, drag_span, drop_label};

use std::cell::Cell;
use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use iced::mouse;
use iced::widget::canvas::{self, Cache, Frame, Geometry};
use iced::{Color, Point, Rectangle, Renderer, Size, Theme};

use super::backend::Setup;
use super::layout::{self, Block, Column, Rect, Scale};
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

/// The id of the scrollable around the grid (to scroll to an appointment).
pub const SCROLL_ID: &str = "calendar-grid";

/// Height of the column headings.
pub const HEADER: f32 = 46.0;
/// Width of the time gutter.
pub const GUTTER: f32 = 58.0;

/// How close the grid is drawn: the narrowest a column may get before the grid scrolls
/// sideways, and the height of a minute. Columns share the width the window gives them and
/// grow past the minimum; Ctrl+minus, Ctrl+plus and Ctrl+0 (or the top bar's − and +) step
/// through the levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zoom(usize);

/// The zoom levels: narrowest column (pixels) and pixels per minute. The first fits the 20
/// doctors of the demo clinic beside the side panel in a 1280-pixel window.
const ZOOMS: [(f32, f32); 7] = [
    (36.0, 1.0),
    (56.0, 1.25),
    (72.0, 1.5),
    (96.0, 2.0),
    (128.0, 2.5),
    (160.0, 3.0),
    (200.0, 4.0),
];

/// A change of zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomStep {
    /// Closer: wider columns, taller hours (Ctrl+plus).
    In,
    /// Further: narrower columns, shorter hours (Ctrl+minus).
    Out,
    /// Back to the usual zoom (Ctrl+0).
    Reset,
}

impl Default for Zoom {
    fn default() -> Self {
        Zoom(3)
    }
}

impl Zoom {
    /// The zoom after a step; the ends of the range stay where they are.
    pub fn step(self, step: ZoomStep) -> Zoom {
        match step {
            ZoomStep::In => Zoom((self.0 + 1).min(ZOOMS.len() - 1)),
            ZoomStep::Out => Zoom(self.0.saturating_sub(1)),
            ZoomStep::Reset => Zoom::default(),
        }
    }

    /// The narrowest a column gets before the grid scrolls sideways.
    pub fn min_column(self) -> f32 {
        ZOOMS[self.0.min(ZOOMS.len() - 1)].0
    }

    /// Pixels per minute of the day.
    pub fn per_minute(self) -> f32 {
        ZOOMS[self.0.min(ZOOMS.len() - 1)].1
    }

    /// The zoom as a percentage of the usual one, for the control.
    pub fn percent(self) -> u32 {
        (self.per_minute() / Zoom::default().per_minute() * 100.0).round() as u32
    }

    /// True at the closest and the furthest level.
    pub fn at_ends(self) -> (bool, bool) {
        (self.0 + 1 >= ZOOMS.len(), self.0 == 0)
    }
}

/// The size of the whole grid: `columns` share `available_width`, none narrower than the
/// zoom's minimum; the hours `minutes` at the zoom's height, below the headings.
pub fn content_size(columns: usize, minutes: (u16, u16), zoom: Zoom, available_width: f32) -> Size {
    // A week (or any view of a few columns) is never cut by the width: its columns may
    // narrow below the zoom's minimum, down to a readable floor.
    let min_column = if columns <= 7 {
        let share = (available_width - GUTTER) / columns.max(1) as f32;
        zoom.min_column().min(share.max(FEW_COLUMNS_FLOOR))
    } else {
        zoom.min_column()
    };
    Size::new(
        layout::grid_width(available_width, GUTTER, columns, min_column),
        HEADER + layout::day_height(minutes, zoom.per_minute()),
    )
}

/// The narrowest a column of a week gets to keep all seven days in view.
const FEW_COLUMNS_FLOOR: f32 = 64.0;

/// The grid's cached drawing, and the part of the grid it was drawn for. The drawing holds
/// only the blocks in view, so any change of the part in view (a scroll, a resize of the
/// window, a zoom) draws it again; a change of data clears it with [`GridCache::clear`].
#[derive(Default)]
pub struct GridCache {
    cache: Cache,
    drawn_for: Cell<Option<Rectangle>>,
}

impl GridCache {
    /// Forgets the drawing (the data changed).
    pub fn clear(&self) {
        self.cache.clear();
    }

    /// The part of the grid (grid coordinates) the cached drawing was last made for.
    pub fn drawn_for(&self) -> Option<Rectangle> {
        self.drawn_for.get()
    }

    fn draw(
        &self,
        renderer: &Renderer,
        size: Size,
        visible: Rectangle,
        draw: impl Fn(&mut Frame),
    ) -> Geometry {
        if self.drawn_for.get() != Some(visible) {
            self.cache.clear();
        }
        self.cache.draw(renderer, size, |frame| {
            self.drawn_for.set(Some(visible));
            draw(frame)
        })
    }
}

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
                    week: false,
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
                subtitle: room_kind(r.kind),
                date,
                doctor: None,
                room: Some(r.id),
                week: false,
                open: room_hours(r.id, date),
            })
            .collect(),
        View::WeekOfDoctor(id) => {
            let hours = setup.hours(id, clinic.id);
            dates(view, date)
                .into_iter()
                .map(|d| Column {
                    title: crate::i18n::dates::weekday_day_month(d),
                    subtitle: setup.doctor(id).map(|x| x.name.clone()).unwrap_or_default(),
                    date: d,
                    doctor: Some(id),
                    room: None,
                    week: true,
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
                    title: crate::i18n::dates::weekday_day_month(d),
                    subtitle: name.clone(),
                    date: d,
                    doctor: None,
                    room: Some(id),
                    week: true,
                    open: room_hours(id, d),
                })
                .collect()
        }
    }
}

/// A room's kind as its column's subtitle says it ("consultation", "tele booth").
fn room_kind(kind: RoomKind) -> String {
    match kind {
        RoomKind::Consultation => crate::t!("calendar-room-kind-consultation"),
        RoomKind::Procedure => crate::t!("calendar-room-kind-procedure"),
        RoomKind::TeleBooth => crate::t!("calendar-room-kind-tele-booth"),
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
#[derive(Clone, Copy)]
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
    /// The zoom.
    pub zoom: Zoom,
    /// Doctors' calendar colours.
    pub doctor_colours: &'a HashMap<DoctorId, Color>,
    /// The cached drawing of the grid and blocks.
    pub cache: &'a GridCache,
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

    /// The size the grid wants: the columns share the available width, none narrower than the
    /// zoom's minimum (wider grids scroll sideways); tall enough for the hours at the zoom.
    pub fn wanted_size(&self, available_width: f32) -> Size {
        content_size(self.columns.len(), self.minutes, self.zoom, available_width)
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

/// The hover popover, drawn by a canvas of its own stacked over the grid's scrollable (the
/// size of the part in view): a layer above the grid, so block text never shows through it.
/// It takes no events; the grid below gets them all.
pub struct HoverCard<'a> {
    /// The grid (its `visible` is the part in view).
    pub grid: Grid<'a>,
    /// The whole grid's size.
    pub content: Size,
}

impl HoverCard<'_> {
    /// The appointment whose popover shows with the mouse at `at` (in the card's bounds):
    /// the block under it, unless a button is held (a drag or a drag on empty time is under
    /// way, and a card would hide where it lands).
    pub fn shown_for(&self, held: bool, at: Point) -> Option<AppointmentId> {
        if held {
            return None;
        }
        let scale = self.grid.scale(self.content);
        let on_grid = Point::new(at.x + self.grid.visible.x, at.y + self.grid.visible.y);
        self.grid.block_at(&scale, on_grid).map(|(id, _)| id)
    }
}

impl canvas::Program<GridEvent> for HoverCard<'_> {
    /// A mouse button is held.
    type State = bool;

    fn update(
        &self,
        held: &mut bool,
        event: &canvas::Event,
        _bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Option<canvas::Action<GridEvent>> {
        let now = match event {
            canvas::Event::Mouse(mouse::Event::ButtonPressed(_)) => true,
            canvas::Event::Mouse(mouse::Event::ButtonReleased(_) | mouse::Event::CursorLeft) => {
                false
            }
            _ => return None,
        };
        // Never captured: the grid under the card gets every event.
        (std::mem::replace(held, now) != now).then(canvas::Action::request_redraw)
    }

    fn draw(
        &self,
        held: &bool,
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let mut frame = Frame::new(renderer, bounds.size());
        if let Some(at) = cursor.position_in(bounds)
            && let Some(id) = self.shown_for(*held, at)
            && let Some(entry) = self.grid.entries.iter().find(|e| e.appointment.id == id)
        {
            let late = self.grid.late.get(&id).copied();
            let lines = label::popover_lines(entry, late, self.grid.zone);
            self.grid.draw_popover(&mut frame, theme, at, &lines);
        }
        vec![frame.into_geometry()]
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
        let grid = self
            .cache
            .draw(renderer, bounds.size(), self.visible, |frame| {
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
