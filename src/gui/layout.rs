//! The calendar's geometry, computed without iced so it can be tested and measured: which
//! column each appointment goes in, side-by-side lanes for overlapping (overbooked) blocks, and
//! pixel rectangles from clinic-local wall time.

use chrono::{NaiveDate, Timelike};
use chrono_tz::Tz;

use crate::scheduling::{DoctorId, RoomId, Status};
use crate::store::AgendaEntry;

/// What one column of the grid shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The heading, e.g. "Dr. Anjali Rao" or "Tue 24".
    pub title: String,
    /// A second heading line, e.g. the specialty or the room kind.
    pub subtitle: String,
    /// The local date the column shows.
    pub date: NaiveDate,
    /// The doctor, when the column is a doctor's.
    pub doctor: Option<DoctorId>,
    /// The room, when the column is a room's.
    pub room: Option<RoomId>,
    /// True in a week view: the title is the date and the subtitle names the doctor or room.
    pub week: bool,
    /// Working or opening spans that day, in minutes after local midnight.
    pub open: Vec<(u16, u16)>,
}

/// A positioned appointment block.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Block {
    /// Index into the entries the layout was made from.
    pub entry: usize,
    /// The column.
    pub column: usize,
    /// The lane within the column (0-based) and how many lanes its cluster has.
    pub lane: (usize, usize),
    /// Minutes after local midnight where the block starts and ends (clamped to the day).
    pub minutes: (u16, u16),
}

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// True when the point is inside.
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x < self.x + self.width && y >= self.y && y < self.y + self.height
    }
}

/// The visible part of the day and the pixel scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// First minute shown (after local midnight).
    pub first_minute: u16,
    /// Last minute shown.
    pub last_minute: u16,
    /// Height of the column headings.
    pub header: f32,
    /// Width of the time gutter on the left.
    pub gutter: f32,
    /// The whole grid's size.
    pub width: f32,
    /// The whole grid's height.
    pub height: f32,
}

impl Scale {
    /// Pixels per minute.
    pub fn per_minute(&self) -> f32 {
        let span = f32::from(self.last_minute.saturating_sub(self.first_minute).max(1));
        (self.height - self.header).max(1.0) / span
    }

    /// Width of one column.
    pub fn column_width(&self, columns: usize) -> f32 {
        (self.width - self.gutter).max(1.0) / columns.max(1) as f32
    }

    /// The y of a minute of the day.
    pub fn y(&self, minute: u16) -> f32 {
        self.header + f32::from(minute.saturating_sub(self.first_minute)) * self.per_minute()
    }

    /// The minute of the day at a y, rounded down to `step`.
    pub fn minute_at(&self, y: f32, step: u16) -> Option<u16> {
        if y < self.header {
            return None;
        }
        let minute = f32::from(self.first_minute) + (y - self.header) / self.per_minute();
        let minute = (minute.max(0.0) as u16).min(self.last_minute.saturating_sub(1));
        Some(minute - minute % step.max(1))
    }

    /// The column at an x.
    pub fn column_at(&self, x: f32, columns: usize) -> Option<usize> {
        if x < self.gutter || columns == 0 {
            return None;
        }
        let index = ((x - self.gutter) / self.column_width(columns)) as usize;
        (index < columns).then_some(index)
    }

    /// The rectangle of a block.
    pub fn rect(&self, block: &Block, columns: usize) -> Rect {
        let width = self.column_width(columns);
        let (lane, lanes) = block.lane;
        let lane_width = width / lanes.max(1) as f32;
        let top = self.y(block.minutes.0);
        let bottom = self.y(block.minutes.1);
        Rect {
            x: self.gutter + block.column as f32 * width + lane as f32 * lane_width + 1.0,
            y: top + 1.0,
            width: (lane_width - 2.0).max(1.0),
            height: (bottom - top - 2.0).max(3.0),
        }
    }
}

/// Minutes after local midnight of an instant, on `date` (0 before it, 1440 after it).
fn minute_on(zone: Tz, date: NaiveDate, instant: chrono::DateTime<chrono::Utc>) -> u16 {
    let local = instant.with_timezone(&zone);
    match local.date_naive().cmp(&date) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Greater => 24 * 60,
        std::cmp::Ordering::Equal => (local.hour() * 60 + local.minute()) as u16,
    }
}

/// Whether an appointment is drawn: entered-in-error never, cancelled only when asked.
pub fn shown(entry: &AgendaEntry, show_cancelled: bool) -> bool {
    match entry.appointment.status {
        Status::EnteredInError => false,
        Status::Cancelled => show_cancelled,
        _ => true,
    }
}

/// Places the entries in columns and lanes. `column_of` says which column an entry belongs to
/// (None: not shown in this view).
pub fn place(
    zone: Tz,
    columns: &[Column],
    entries: &[AgendaEntry],
    show_cancelled: bool,
    column_of: impl Fn(&AgendaEntry, &[Column]) -> Option<usize>,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| shown(e, show_cancelled))
        .filter_map(|(i, e)| {
            let column = column_of(e, columns)?;
            let date = columns[column].date;
            let a = &e.appointment;
            let start = minute_on(zone, date, a.interval.start);
            let end = minute_on(zone, date, a.interval.end).max(start + 1);
            Some(Block {
                entry: i,
                column,
                lane: (0, 1),
                minutes: (start, end),
            })
        })
        .collect();
    blocks.sort_by_key(|b| (b.column, b.minutes.0, b.minutes.1, b.entry));
    assign_lanes(&mut blocks);
    blocks
}

/// Gives overlapping blocks of one column side-by-side lanes: each cluster of transitively
/// overlapping blocks gets as many lanes as it needs at its busiest.
fn assign_lanes(blocks: &mut [Block]) {
    let mut start = 0;
    while start < blocks.len() {
        let column = blocks[start].column;
        let mut cluster_end = blocks[start].minutes.1;
        let mut lane_ends: Vec<u16> = Vec::new();
        let mut end = start;
        while end < blocks.len()
            && blocks[end].column == column
            && (end == start || blocks[end].minutes.0 < cluster_end)
        {
            let b = &mut blocks[end];
            let lane = match lane_ends.iter().position(|&e| e <= b.minutes.0) {
                Some(free) => {
                    lane_ends[free] = b.minutes.1;
                    free
                }
                None => {
                    lane_ends.push(b.minutes.1);
                    lane_ends.len() - 1
                }
            };
            b.lane.0 = lane;
            cluster_end = cluster_end.max(b.minutes.1);
            end += 1;
        }
        let lanes = lane_ends.len();
        for b in &mut blocks[start..end] {
            b.lane.1 = lanes;
        }
        start = end;
    }
}

/// The first and last minute worth showing: opening spans and appointments, padded to whole
/// hours; 08:00–20:00 when there is nothing.
pub fn visible_minutes(columns: &[Column], blocks: &[Block]) -> (u16, u16) {
    let open = columns.iter().flat_map(|c| c.open.iter().copied());
    let booked = blocks.iter().map(|b| b.minutes);
    let (mut first, mut last) = (u16::MAX, 0u16);
    for (s, e) in open.chain(booked) {
        first = first.min(s);
        last = last.max(e);
    }
    if first >= last {
        return (8 * 60, 20 * 60);
    }
    (first - first % 60, (last.div_ceil(60) * 60).min(24 * 60))
}

/// The grid's width: the columns share `available` (after the time gutter) and none gets
/// narrower than `min_column`; past that the grid is wider than the window and scrolls
/// sideways. Never negative, whatever the window.
pub fn grid_width(available: f32, gutter: f32, columns: usize, min_column: f32) -> f32 {
    let available = if available.is_finite() {
        available
    } else {
        0.0
    };
    (gutter + min_column.max(1.0) * columns as f32).max(available.max(gutter))
}

/// The height of the hours shown at `per_minute` pixels a minute.
pub fn day_height(minutes: (u16, u16), per_minute: f32) -> f32 {
    f32::from(minutes.1.saturating_sub(minutes.0)) * per_minute
}

/// Where to scroll so that `target` (grid coordinates) is in view: `None` when it already is
/// inside `view` (the part in view, below the pinned `header` and right of the `gutter`),
/// otherwise an offset that puts it a third of the way down and as central as the grid
/// allows, clamped to the grid's `content` size.
pub fn reveal_offset(
    target: Rect,
    view: Rect,
    content: (f32, f32),
    header: f32,
    gutter: f32,
) -> Option<(f32, f32)> {
    let inside = target.x >= view.x + gutter
        && target.x + target.width <= view.x + view.width
        && target.y >= view.y + header
        && target.y + target.height <= view.y + view.height;
    if inside {
        return None;
    }
    let max_x = (content.0 - view.width).max(0.0);
    let max_y = (content.1 - view.height).max(0.0);
    let room_x = (view.width - gutter - target.width).max(0.0);
    let x = (target.x - gutter - room_x / 2.0).clamp(0.0, max_x);
    let room_y = (view.height - header).max(0.0);
    let y = (target.y - header - room_y / 3.0).clamp(0.0, max_y);
    Some((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_the_width_down_to_the_minimum_then_scroll() {
        // 20 columns in 886 px (1280 minus the side panel) at a 36-px minimum: they share it.
        assert_eq!(grid_width(886.0, 58.0, 20, 36.0), 886.0);
        // At a 96-px minimum they need 1978 px: the grid scrolls sideways.
        assert_eq!(grid_width(886.0, 58.0, 20, 96.0), 58.0 + 96.0 * 20.0);
        // A week of 7 columns fits 886 px at 96 px.
        assert_eq!(grid_width(886.0, 58.0, 7, 96.0), 886.0);
        let scale = Scale {
            first_minute: 0,
            last_minute: 60,
            header: 0.0,
            gutter: 58.0,
            width: 886.0,
            height: 60.0,
        };
        assert!((scale.column_width(7) - 828.0 / 7.0).abs() < 0.01);
    }

    #[test]
    fn the_grid_width_survives_any_window() {
        for available in [f32::NAN, f32::INFINITY, -5.0, 0.0, 1e9] {
            for columns in [0, 1, 10_000] {
                for min in [-1.0, 0.0, 36.0] {
                    let w = grid_width(available, 58.0, columns, min);
                    assert!(
                        w.is_finite() && w >= 58.0,
                        "{available} {columns} {min}: {w}"
                    );
                }
            }
        }
        assert_eq!(day_height((20 * 60, 8 * 60), 2.0), 0.0);
    }

    #[test]
    fn a_block_out_of_view_is_scrolled_to_and_one_in_view_is_left() {
        let view = Rect {
            x: 0.0,
            y: 0.0,
            width: 800.0,
            height: 600.0,
        };
        let inside = Rect {
            x: 100.0,
            y: 100.0,
            width: 90.0,
            height: 30.0,
        };
        assert_eq!(
            reveal_offset(inside, view, (2000.0, 1500.0), 46.0, 58.0),
            None
        );
        let right_below = Rect {
            x: 1500.0,
            y: 1200.0,
            width: 90.0,
            height: 30.0,
        };
        let (x, y) =
            reveal_offset(right_below, view, (2000.0, 1500.0), 46.0, 58.0).expect("scrolls");
        let seen = Rect {
            x,
            y,
            width: 800.0,
            height: 600.0,
        };
        assert_eq!(
            reveal_offset(right_below, seen, (2000.0, 1500.0), 46.0, 58.0),
            None
        );
        // Near the end of the grid the offset stops at the last scroll position.
        assert!(x <= 1200.0 && y <= 900.0);
        // Hidden under the pinned headings counts as out of view.
        let under_header = Rect { y: 10.0, ..inside };
        assert!(
            reveal_offset(
                under_header,
                Rect { y: 0.0, ..view },
                (2000.0, 1500.0),
                46.0,
                58.0
            )
            .is_some()
        );
    }

    fn block(column: usize, start: u16, end: u16) -> Block {
        Block {
            entry: 0,
            column,
            lane: (0, 1),
            minutes: (start, end),
        }
    }

    fn lanes(mut blocks: Vec<Block>) -> Vec<(usize, usize)> {
        blocks.sort_by_key(|b| (b.column, b.minutes.0, b.minutes.1));
        assign_lanes(&mut blocks);
        blocks.iter().map(|b| b.lane).collect()
    }

    #[test]
    fn back_to_back_blocks_share_one_lane() {
        let got = lanes(vec![
            block(0, 540, 555),
            block(0, 555, 570),
            block(0, 570, 600),
        ]);
        assert_eq!(got, vec![(0, 1), (0, 1), (0, 1)]);
    }

    #[test]
    fn an_overbooking_stands_beside_what_it_overlaps() {
        // 09:00–09:30 and 09:10–09:25 overlap; 10:00 is alone again.
        let got = lanes(vec![
            block(0, 540, 570),
            block(0, 550, 565),
            block(0, 600, 615),
        ]);
        assert_eq!(got, vec![(0, 2), (1, 2), (0, 1)]);
    }

    #[test]
    fn a_chain_of_overlaps_reuses_freed_lanes() {
        // A 09:00–10:00 overlaps B 09:15–09:30 and C 09:40–09:50; B's lane is free for C.
        let got = lanes(vec![
            block(0, 540, 600),
            block(0, 555, 570),
            block(0, 580, 590),
        ]);
        assert_eq!(got, vec![(0, 2), (1, 2), (1, 2)]);
    }

    #[test]
    fn columns_do_not_share_clusters() {
        let got = lanes(vec![block(0, 540, 600), block(1, 550, 560)]);
        assert_eq!(got, vec![(0, 1), (0, 1)]);
    }

    #[test]
    fn the_scale_maps_minutes_and_points_both_ways() {
        let scale = Scale {
            first_minute: 8 * 60,
            last_minute: 20 * 60,
            header: 40.0,
            gutter: 50.0,
            width: 1050.0,
            height: 40.0 + 720.0 * 2.0,
        };
        assert_eq!(scale.per_minute(), 2.0);
        assert_eq!(scale.y(9 * 60), 40.0 + 120.0);
        assert_eq!(scale.minute_at(40.0 + 125.0, 15), Some(9 * 60));
        assert_eq!(scale.minute_at(10.0, 15), None, "the header is not a slot");
        assert_eq!(
            scale.column_at(30.0, 10),
            None,
            "the gutter is not a column"
        );
        assert_eq!(scale.column_at(50.0 + 250.0, 10), Some(2));
        let r = scale.rect(
            &Block {
                entry: 0,
                column: 2,
                lane: (1, 2),
                minutes: (540, 570),
            },
            10,
        );
        assert!(r.contains(r.x + 1.0, r.y + 1.0));
        assert_eq!(
            r.x,
            50.0 + 200.0 + 50.0 + 1.0,
            "second of two lanes in the third column"
        );
        assert_eq!(r.height, 60.0 - 2.0);
    }

    #[test]
    fn the_visible_hours_cover_opening_hours_and_bookings_on_whole_hours() {
        let column = Column {
            title: String::new(),
            subtitle: String::new(),
            date: NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
            doctor: None,
            room: None,
            week: false,
            open: vec![(9 * 60 + 30, 13 * 60), (14 * 60, 17 * 60 + 15)],
        };
        assert_eq!(
            visible_minutes(std::slice::from_ref(&column), &[]),
            (9 * 60, 18 * 60)
        );
        let late = block(0, 19 * 60, 19 * 60 + 20);
        assert_eq!(visible_minutes(&[column], &[late]), (9 * 60, 20 * 60));
        assert_eq!(visible_minutes(&[], &[]), (8 * 60, 20 * 60));
    }
}
