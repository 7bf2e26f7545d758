//! The mouse on the calendar (issue 13, point 6): a drop on another doctor's or room's column
//! takes the right room and says what changed; a drag preview names where it lands; a click
//! snaps to the clinic's grid and to the gap clicked; a drag over empty time books that length.
//! The canvas program is driven directly with mouse events, as iced would.

use std::collections::HashMap;

use chrono::{Datelike, Timelike};
use chrono_tz::Asia::Kolkata;
use frontdesk::gui::calendar::GridCache;
use frontdesk::gui::calendar::{Grid, GridEvent, Pointer, drop_label};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::desk::Panel;
use frontdesk::gui::layout::Column;
use frontdesk::scheduling::*;
use frontdesk::store::AgendaEntry;
use iced::mouse;
use iced::widget::canvas::{self, Program};
use iced::{Point, Rectangle, Size};

mod gui_harness;
use gui_harness::{Harness, now};

fn local_span(e: &AgendaEntry) -> (u16, u16) {
    let s = e.appointment.interval.start.with_timezone(&Kolkata);
    let start = (s.hour() * 60 + s.minute()) as u16;
    (start, start + e.appointment.interval.minutes() as u16)
}

/// "12:00–12:30", as the status line writes a span.
fn clock_span((start, end): (u16, u16)) -> String {
    format!(
        "{:02}:{:02}–{:02}:{:02}",
        start / 60,
        start % 60,
        end / 60,
        end % 60
    )
}

fn overlaps(a: (u16, u16), b: (u16, u16)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn holds(e: &AgendaEntry, except: AppointmentId) -> bool {
    e.appointment.id != except && e.appointment.status.holds_time()
}

/// Is `room` free from `m` for `len` minutes today (every appointment of the day is loaded in
/// the day views)?
fn room_free(h: &Harness, room: RoomId, span: (u16, u16), except: AppointmentId) -> bool {
    !h.desk().entries.iter().any(|e| {
        holds(e, except) && e.appointment.room == Some(room) && overlaps(local_span(e), span)
    })
}

fn room_kind(h: &Harness, room: RoomId) -> RoomKind {
    h.app_rooms()
        .into_iter()
        .find(|r| r.id == room)
        .expect("room")
        .kind
}

trait Rooms {
    fn app_rooms(&self) -> Vec<Room>;
}

impl Rooms for Harness {
    fn app_rooms(&self) -> Vec<Room> {
        use frontdesk::store::Store;
        let store = frontdesk::store::SqliteStore::open(self.dir.path().join("desk.sqlite3"))
            .expect("store");
        let clinic = store.clinics().expect("clinics")[0].id;
        store.rooms(clinic).expect("rooms")
    }
}

/// An upcoming appointment with a room, and a time in another doctor's column where that
/// doctor is free and the room is free (`room_taken` false) or taken by someone else while
/// another room of its kind is free (`room_taken` true).
fn find_drop(h: &Harness, room_taken: bool) -> (AgendaEntry, usize, u16) {
    let desk = h.desk();
    let rooms = h.app_rooms();
    let after = (now().with_timezone(&Kolkata).hour() as u16 + 1) * 60;
    for e in &desk.entries {
        let a = &e.appointment;
        let Some(room) = a.room else { continue };
        if a.status != Status::Scheduled || a.kind != Kind::Scheduled {
            continue;
        }
        if local_span(e).0 < after {
            continue;
        }
        let len = a.interval.minutes() as u16;
        let kind = room_kind(h, room);
        for (c, column) in desk.columns.iter().enumerate() {
            if column.doctor == Some(a.doctor) || column.doctor.is_none() {
                continue;
            }
            for &(open, close) in &column.open {
                let mut m = open.max(after);
                m -= m % 5;
                while m + len <= close {
                    let span = (m, m + len);
                    let doctor_free = !desk.entries.iter().any(|o| {
                        holds(o, a.id)
                            && (o.appointment.doctor == column.doctor.unwrap()
                                || o.appointment.patient == a.patient)
                            && overlaps(local_span(o), span)
                    });
                    let other_free = rooms.iter().any(|r| {
                        r.id != room && r.active && r.kind == kind && room_free(h, r.id, span, a.id)
                    });
                    if doctor_free
                        && room_free(h, room, span, a.id) != room_taken
                        && (!room_taken || other_free)
                    {
                        return (e.clone(), c, m);
                    }
                    m += 5;
                }
            }
        }
    }
    panic!("no drop of that kind today");
}

fn after_move(h: &Harness, id: AppointmentId) -> AgendaEntry {
    h.desk()
        .entries
        .iter()
        .find(|e| e.appointment.id == id)
        .expect("still today")
        .clone()
}

#[test]
fn a_drop_on_another_doctor_keeps_the_room_when_it_is_free_and_says_so() {
    let mut h = Harness::with_demo();
    let (e, column, minute) = find_drop(&h, false);
    let doctor = h.desk().columns[column].clone();
    h.send(DeskMessage::Grid(GridEvent::Dropped(
        e.appointment.id,
        column,
        minute,
    )));
    assert_eq!(h.app.error(), None);
    let moved = after_move(&h, e.appointment.id);
    assert_eq!(Some(moved.appointment.doctor), doctor.doctor);
    assert_eq!(
        moved.appointment.room, e.appointment.room,
        "the room is kept"
    );
    assert_eq!(local_span(&moved).0, minute);
    assert_eq!(
        h.app.notice(),
        Some(
            format!(
                "Moved {} with {}, Tue 24 Nov {}, {}. Ctrl+Z undoes it.",
                e.patient_name,
                doctor.title,
                clock_span(local_span(&moved)),
                e.room_name.as_deref().expect("room name")
            )
            .as_str()
        )
    );
}

#[test]
fn a_drop_on_another_doctor_takes_a_free_room_of_its_kind_when_its_room_is_taken() {
    let mut h = Harness::with_demo();
    let (e, column, minute) = find_drop(&h, true);
    let doctor = h.desk().columns[column].clone();
    h.send(DeskMessage::Grid(GridEvent::Dropped(
        e.appointment.id,
        column,
        minute,
    )));
    assert_eq!(h.app.error(), None, "the drop is not refused");
    let moved = after_move(&h, e.appointment.id);
    assert_eq!(Some(moved.appointment.doctor), doctor.doctor);
    let old = e.appointment.room.expect("room");
    let new = moved.appointment.room.expect("a room");
    assert_ne!(new, old, "the taken room is left");
    assert_eq!(
        room_kind(&h, new),
        room_kind(&h, old),
        "a room of the same kind"
    );
    let notice = h.app.notice().map(str::to_owned).expect("notice");
    assert_eq!(
        notice,
        format!(
            "Moved {} with {}, Tue 24 Nov {}, {} ({} was taken). Ctrl+Z undoes it.",
            e.patient_name,
            doctor.title,
            clock_span(local_span(&moved)),
            moved.room_name.as_deref().expect("room name"),
            e.room_name.as_deref().expect("old room name"),
        )
    );
}

#[test]
fn a_drop_on_a_rooms_column_takes_that_room_and_keeps_the_doctor() {
    let mut h = Harness::with_demo();
    let (e, _, _) = find_drop(&h, false);
    h.send(DeskMessage::DayByRoom);
    let old = e.appointment.room.expect("room");
    let len = e.appointment.interval.minutes() as u16;
    let span = local_span(&e);
    // Another room's column, free at the appointment's own time.
    let (column, target) = h
        .desk()
        .columns
        .iter()
        .enumerate()
        .find_map(|(c, col)| {
            let r = col.room?;
            (r != old
                && col
                    .open
                    .iter()
                    .any(|&(o, cl)| o <= span.0 && span.0 + len <= cl)
                && room_free(&h, r, span, e.appointment.id))
            .then_some((c, col.clone()))
        })
        .expect("a free room");
    h.send(DeskMessage::Grid(GridEvent::Dropped(
        e.appointment.id,
        column,
        span.0,
    )));
    assert_eq!(h.app.error(), None);
    let moved = after_move(&h, e.appointment.id);
    assert_eq!(moved.appointment.room, target.room);
    assert_eq!(moved.appointment.doctor, e.appointment.doctor);
    assert_eq!(
        h.app.notice(),
        Some(
            format!(
                "Moved {} with {}, Tue 24 Nov {}, {}. Ctrl+Z undoes it.",
                e.patient_name,
                e.doctor_name,
                clock_span(local_span(&moved)),
                target.title
            )
            .as_str()
        )
    );
}

#[test]
fn the_drag_preview_names_the_time_and_the_column() {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let column = |title: &str, subtitle: &str, week: bool| Column {
        title: title.into(),
        subtitle: subtitle.into(),
        date,
        doctor: None,
        room: None,
        week,
        open: vec![],
    };
    assert_eq!(
        drop_label(&column("Dr Mehta", "General medicine", false), 14 * 60 + 35),
        "Tue 14:35 · Dr Mehta"
    );
    assert_eq!(
        drop_label(&column("Room 4", "consultation", false), 9 * 60),
        "Tue 09:00 · Room 4"
    );
    // A week column: the title is the date, the subtitle the doctor.
    assert_eq!(
        drop_label(&column("Tue 24 Nov", "Dr Mehta", true), 8 * 60 + 5),
        "Tue 08:05 · Dr Mehta"
    );
    assert_eq!(date.weekday(), chrono::Weekday::Tue);
}

/// The canvas of the desk as drawn at 1280×800 (grid 1000×700, unscrolled).
struct Canvas<'a> {
    grid: Grid<'a>,
    bounds: Rectangle,
}

const SIZE: Size = Size::new(1000.0, 1400.0);

/// No doctor colour bars in these geometry tests.
static NO_DOCTOR_COLOURS: std::sync::LazyLock<HashMap<DoctorId, iced::Color>> =
    std::sync::LazyLock::new(HashMap::new);

fn canvas<'a>(
    h: &'a Harness,
    cache: &'a GridCache,
    colours: &'a HashMap<VisitTypeId, iced::Color>,
    late: &'a HashMap<AppointmentId, i64>,
) -> Canvas<'a> {
    let desk = h.desk();
    Canvas {
        grid: Grid {
            zone: Kolkata,
            columns: &desk.columns,
            blocks: &desk.blocks,
            entries: &desk.entries,
            colours,
            minutes: (7 * 60, 21 * 60),
            selected: None,
            cursor: None,
            now: now(),
            step: 15,
            late,
            visible: Rectangle::new(Point::ORIGIN, SIZE),
            zoom: Default::default(),
            doctor_colours: &NO_DOCTOR_COLOURS,
            cache,
        },
        bounds: Rectangle::new(Point::ORIGIN, SIZE),
    }
}

impl Canvas<'_> {
    fn at(&self, column: usize, minute: u16) -> Point {
        let scale = self.grid.scale(SIZE);
        let width = scale.column_width(self.grid.columns.len());
        // A little below the minute's line, so it reads as that minute.
        Point::new(
            scale.gutter + width * (column as f32 + 0.5),
            scale.y(minute) + scale.per_minute() * 0.5,
        )
    }

    /// Sends mouse events at points; returns what the grid published.
    fn mouse(&self, steps: &[(mouse::Event, Point)]) -> Vec<GridEvent> {
        let mut pointer = Pointer::default();
        let mut out = Vec::new();
        for (event, p) in steps {
            let cursor = mouse::Cursor::Available(*p);
            let action = self.grid.update(
                &mut pointer,
                &canvas::Event::Mouse(*event),
                self.bounds,
                cursor,
            );
            if let Some(action) = action {
                let (message, _, _) = action.into_inner();
                out.extend(message);
            }
        }
        out
    }
}

fn press(b: mouse::Button) -> mouse::Event {
    mouse::Event::ButtonPressed(b)
}
fn release(b: mouse::Button) -> mouse::Event {
    mouse::Event::ButtonReleased(b)
}
fn moved(p: Point) -> mouse::Event {
    mouse::Event::CursorMoved { position: p }
}

/// A column with a free gap that starts off the 15-minute grid (after a block ending at :05,
/// :10, :20 …), long enough to click into: column, gap start, gap end.
fn gap_off_the_quarter(h: &Harness) -> (usize, u16, u16) {
    let desk = h.desk();
    for (c, _) in desk.columns.iter().enumerate() {
        let mut busy: Vec<(u16, u16)> = desk
            .blocks
            .iter()
            .filter(|b| b.column == c && desk.entries[b.entry].appointment.status.holds_time())
            .map(|b| b.minutes)
            .collect();
        busy.sort();
        for w in busy.windows(2) {
            let (end, next) = (w[0].1, w[1].0);
            if end % 15 != 0
                && next >= end + 5
                && end >= 8 * 60
                && next <= 20 * 60
                && busy.iter().all(|&(s, e)| !(s < next && end < e))
            {
                return (c, end, next);
            }
        }
    }
    panic!("no gap off the quarter hour");
}

#[test]
fn a_click_in_a_gap_off_the_quarter_hour_offers_the_gap_start() {
    let h = Harness::with_demo();
    let (cache, colours, late) = (GridCache::default(), HashMap::new(), HashMap::new());
    // The clinic's 15-minute slots: a click in a gap that starts at :05 or :10 offers the
    // gap's start, not the quarter hour before it (which is taken).
    let c = canvas(&h, &cache, &colours, &late);
    let (column, start, end) = gap_off_the_quarter(&h);
    let inside = (start - start % 15 + 14).min(end - 1);
    for minute in [start, inside] {
        let click = c.at(column, minute);
        let got = c.mouse(&[
            (press(mouse::Button::Left), click),
            (release(mouse::Button::Left), click),
        ]);
        assert_eq!(
            got,
            vec![GridEvent::SlotClicked(column, start)],
            "a click at {minute} in the gap {start}–{end}"
        );
    }
    // Later in a long gap, the quarter hour at or before the click.
    if end >= start - start % 15 + 45 {
        let minute = start - start % 15 + 31;
        let click = c.at(column, minute);
        let got = c.mouse(&[
            (press(mouse::Button::Left), click),
            (release(mouse::Button::Left), click),
        ]);
        assert_eq!(got, vec![GridEvent::SlotClicked(column, minute - 1)]);
    }
}

/// A column and a minute with `len` free minutes in its hours, an hour or more after now.
fn free_for(h: &Harness, len: u16) -> (usize, u16) {
    let desk = h.desk();
    let after = (now().with_timezone(&Kolkata).hour() as u16 + 1) * 60;
    for (c, column) in desk.columns.iter().enumerate() {
        for &(open, close) in &column.open {
            let mut m = open.max(after);
            while m + len <= close {
                let busy = desk.blocks.iter().any(|b| {
                    b.column == c
                        && desk.entries[b.entry].appointment.status.holds_time()
                        && overlaps(b.minutes, (m, m + len))
                });
                if !busy {
                    return (c, m);
                }
                m += 15;
            }
        }
    }
    panic!("no {len} free minutes today");
}

#[test]
fn a_drag_over_empty_time_opens_the_booking_form_with_that_length() {
    let mut h = Harness::with_demo();
    let (column, minute) = free_for(&h, 45);
    let event = {
        let (cache, colours, late) = (GridCache::default(), HashMap::new(), HashMap::new());
        let c = canvas(&h, &cache, &colours, &late);
        let (from, to) = (c.at(column, minute), c.at(column, minute + 44));
        let events = c.mouse(&[
            (press(mouse::Button::Left), from),
            (
                moved(Point::new(from.x, from.y + 20.0)),
                Point::new(from.x, from.y + 20.0),
            ),
            (moved(to), to),
            (release(mouse::Button::Left), to),
        ]);
        assert_eq!(
            events,
            vec![GridEvent::SlotDragged(column, minute, minute + 45)]
        );
        events[0]
    };
    h.send(DeskMessage::Grid(event));
    let Panel::Booking(_) = &h.desk().panel else {
        panic!("the booking form opens")
    };
    h.type_into("booking-patient", "Drag Made");
    h.click("New patient (register this name)");
    h.click("Book");
    assert_eq!(h.app.error(), None);
    if let Panel::Booking(form) = &h.desk().panel {
        panic!("not booked: {:?}", form.error());
    }
    let booked = h
        .desk()
        .entries
        .iter()
        .find(|e| e.patient_name == "Drag Made")
        .expect("booked")
        .clone();
    assert_eq!(
        local_span(&booked),
        (minute, minute + 45),
        "the length dragged"
    );
}

#[test]
fn a_right_click_on_a_block_opens_its_menu_where_it_was_clicked() {
    let h = Harness::with_demo();
    let (cache, colours, late) = (GridCache::default(), HashMap::new(), HashMap::new());
    let c = canvas(&h, &cache, &colours, &late);
    let b = h.desk().blocks.first().expect("a block");
    let id = h.desk().entries[b.entry].appointment.id;
    let p = c.at(b.column, b.minutes.0 + 1);
    let got = c.mouse(&[(press(mouse::Button::Right), p)]);
    assert_eq!(got.len(), 1);
    let GridEvent::BlockMenu(got_id, at) = got[0] else {
        panic!("a block menu: {got:?}")
    };
    assert_eq!(got_id, id);
    assert!(at.x <= p.x && at.y <= p.y && at.x >= 0.0 && at.y >= 0.0);
    // A right-click on empty time opens nothing.
    let (column, start, _) = gap_off_the_quarter(&h);
    assert_eq!(
        c.mouse(&[(press(mouse::Button::Right), c.at(column, start))]),
        vec![]
    );
}

/// The hover card names the block under the mouse, but not while a button is held: a card
/// over the grid during a drag would hide where the appointment lands (seen in the real
/// window: Sachin Mathew's card over a dragged block's target).
#[test]
fn the_hover_card_stays_away_while_a_button_is_held() {
    use frontdesk::gui::calendar::HoverCard;
    let h = Harness::with_demo();
    let (cache, colours, late) = (GridCache::default(), HashMap::new(), HashMap::new());
    let c = canvas(&h, &cache, &colours, &late);
    let b = h.desk().blocks.first().expect("a block");
    let id = h.desk().entries[b.entry].appointment.id;
    let p = c.at(b.column, b.minutes.0 + 1);
    let card = HoverCard {
        grid: c.grid,
        content: SIZE,
    };
    assert_eq!(
        card.shown_for(false, p),
        Some(id),
        "the mouse over the block"
    );
    assert_eq!(card.shown_for(true, p), None, "a button held");
    // The card follows the buttons, and never captures what the grid under it needs.
    let mut held = false;
    for (event, expect) in [
        (press(mouse::Button::Left), true),
        (moved(p), true),
        (release(mouse::Button::Left), false),
        (press(mouse::Button::Right), true),
        (mouse::Event::CursorLeft, false),
    ] {
        let action = card.update(
            &mut held,
            &canvas::Event::Mouse(event),
            c.bounds,
            mouse::Cursor::Available(p),
        );
        assert_eq!(held, expect, "{event:?}");
        if let Some(action) = action {
            let (_, _, captured) = action.into_inner();
            assert_eq!(captured, iced::event::Status::Ignored, "{event:?}");
        }
    }
}
