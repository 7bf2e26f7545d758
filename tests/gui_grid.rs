//! The calendar grid at the window sizes a desk has (1024×768 to 2560×1440): every column in
//! view has its blocks drawn after a resize, the top bar loses nothing, the zoom that fits
//! shows every doctor, the week has seven days, and what was just booked, moved or added is
//! scrolled into view and named in words.

use frontdesk::gui::calendar::{GUTTER, GridEvent, View};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::top_bar::{self, Action};
use frontdesk::gui::widget::Choice;
use frontdesk::gui::{Message, app::WeekOf};
use frontdesk::scheduling::*;
use iced::keyboard::{Key, Modifiers};
use iced::{Point, Rectangle, Theme};

mod gui_harness;
use gui_harness::Harness;

const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1920.0, 1080.0),
    (2560.0, 1440.0),
];

/// Draws the window at a size, as a resize does (the desk keeps its state between sizes).
fn draw_at(h: &Harness, size: (f32, f32)) {
    let mut ui = iced_test::Simulator::with_size(iced::Settings::default(), size, h.app.view());
    let _ = ui.snapshot(&Theme::Light).expect("the window draws");
}

fn ctrl(h: &mut Harness, key: &str) {
    h.send(Message::Key(Key::Character(key.into()), Modifiers::CTRL));
}

/// The columns whose whole width is in view.
fn columns_in_view(h: &Harness) -> usize {
    let desk = h.desk();
    let size = desk.grid_size();
    let width = (size.width - GUTTER) / desk.columns.len().max(1) as f32;
    let view = desk.grid_viewport().width;
    (0..desk.columns.len())
        .filter(|&i| GUTTER + (i + 1) as f32 * width <= desk.scroll.0 + view + 0.5)
        .count()
}

#[test]
fn after_every_resize_the_drawing_covers_what_is_in_view() {
    let h = Harness::with_demo();
    for size in SIZES
        .into_iter()
        .chain([(1280.0, 800.0), (2560.0, 1440.0), (1024.0, 768.0)])
    {
        draw_at(&h, size);
        let desk = h.desk();
        let viewport = desk.grid_viewport();
        assert!(viewport.width > 400.0, "{size:?}: {viewport:?}");
        let grid = desk.grid_size();
        let visible = Rectangle::new(
            Point::new(
                desk.scroll.0.min((grid.width - viewport.width).max(0.0)),
                desk.scroll.1.min((grid.height - viewport.height).max(0.0)),
            ),
            viewport,
        );
        assert_eq!(
            desk.cache.drawn_for(),
            Some(visible),
            "at {size:?} the blocks were drawn for another part of the grid"
        );
        // Every column in view has blocks in the drawn part (the demo day is busy).
        let drawn = desk.cache.drawn_for().expect("drawn");
        let in_view = columns_in_view(&h);
        assert!(in_view >= 5, "{size:?}: {in_view} columns");
        for column in 0..in_view {
            let has = desk.blocks.iter().any(|b| b.column == column);
            assert!(has, "column {column} has no appointments today");
        }
        assert!(drawn.width >= viewport.width);
    }
}

#[test]
fn at_the_zoom_that_fits_every_doctor_is_in_view_at_1280_by_800() {
    let mut h = Harness::with_demo();
    let doctors = h.desk().columns.len();
    assert!(doctors >= 15, "{doctors} doctors today");
    draw_at(&h, (1280.0, 800.0));
    let usual = columns_in_view(&h);
    assert!(usual < doctors, "the usual zoom scrolls sideways: {usual}");
    for _ in 0..3 {
        ctrl(&mut h, "-");
    }
    // Zooming out further stops at the last level.
    ctrl(&mut h, "-");
    draw_at(&h, (1280.0, 800.0));
    assert_eq!(columns_in_view(&h), doctors, "{:?}", h.desk().zoom);
    assert!(h.desk().grid_size().width <= h.desk().grid_viewport().width);
    // At 1920×1080 the usual zoom shows far more than 5.5 columns.
    ctrl(&mut h, "0");
    draw_at(&h, (1920.0, 1080.0));
    assert!(columns_in_view(&h) >= 14, "{}", columns_in_view(&h));
}

#[test]
fn zoom_keys_change_the_hour_height_and_the_column_width() {
    let mut h = Harness::with_demo();
    draw_at(&h, (1280.0, 800.0));
    let usual = (h.desk().zoom, h.desk().grid_size());
    ctrl(&mut h, "=");
    let closer = h.desk().grid_size();
    assert!(closer.height > usual.1.height && closer.width > usual.1.width);
    ctrl(&mut h, "+");
    assert!(h.desk().grid_size().height > closer.height);
    ctrl(&mut h, "-");
    ctrl(&mut h, "-");
    ctrl(&mut h, "-");
    assert!(h.desk().grid_size().height < usual.1.height);
    ctrl(&mut h, "0");
    assert_eq!(h.desk().zoom, usual.0);
    assert_eq!(h.desk().grid_size(), usual.1);
    // Plain "-" and "0" (no Ctrl) are not zoom keys.
    h.send(Message::Key(Key::Character("-".into()), Modifiers::empty()));
    assert_eq!(h.desk().zoom, usual.0);
    // The top bar's control does the same.
    h.send(Action::ZoomIn.message());
    assert!(h.desk().grid_size().height > usual.1.height);
}

#[test]
fn the_top_bar_loses_nothing_from_1024_to_2560() {
    let mut h = Harness::with_demo();
    for size in SIZES {
        let mut missing = Vec::new();
        let mut more = false;
        {
            let mut ui =
                iced_test::Simulator::with_size(iced::Settings::default(), size, h.app.view());
            for action in top_bar::PRIORITY {
                let on_bar = match action {
                    Action::ZoomIn => "+".to_owned(),
                    Action::ZoomOut => "−".to_owned(),
                    Action::Theme => "☾".to_owned(),
                    Action::Help => "?".to_owned(),
                    other => other.label(),
                };
                match ui.find(on_bar.as_str()) {
                    // On the bar: inside the window, on one line (no "Find/a/slot"), and not
                    // squeezed to nothing by a row wider than the window.
                    Ok(found) => {
                        let b = found.bounds();
                        assert!(
                            b.width > 1.0
                                && b.x >= 0.0
                                && b.x + b.width <= size.0
                                && b.height < 30.0,
                            "{size:?}: {action:?} at {b:?}"
                        );
                    }
                    Err(_) => missing.push(action),
                }
            }
            if !missing.is_empty() {
                more = ui.click(top_bar::more().as_str()).is_ok();
                assert!(more, "{size:?}: {missing:?} and no More button");
            }
        }
        if more {
            h.send(DeskMessage::ToggleMore);
            let mut ui =
                iced_test::Simulator::with_size(iced::Settings::default(), size, h.app.view());
            for action in &missing {
                assert!(
                    ui.find(action.label().as_str()).is_ok(),
                    "{size:?}: {action:?} is neither on the bar nor under More"
                );
            }
            drop(ui);
            h.send(DeskMessage::ToggleMore);
        }
        if size.0 >= 1900.0 {
            assert!(missing.is_empty(), "{size:?}: {missing:?}");
        }
        assert!(!missing.contains(&Action::WalkIn), "{size:?}");
    }
}

/// "More" opened in a narrow window and the window then widened (everything fits the bar):
/// the bar is as tall as it is with More closed, with no blank strip above the grid; in the
/// narrow window the open row takes its room.
#[test]
fn the_more_row_takes_room_only_while_it_holds_buttons() {
    let mut h = Harness::with_demo();
    // Where the Today panel's "Waiting (…)" line sits: everything under the top bar moves
    // with it.
    let top_of_panel = |h: &Harness, size: (f32, f32)| {
        let mut ui = iced_test::Simulator::with_size(iced::Settings::default(), size, h.app.view());
        ui.find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text {
                content, bounds, ..
            } if content.starts_with("Waiting (") => Some(bounds.y),
            _ => None,
        })
        .expect("the Today panel's waiting list")
    };
    let (narrow, wide) = ((1024.0, 768.0), (1920.0, 1080.0));
    let narrow_closed = top_of_panel(&h, narrow);
    let wide_closed = top_of_panel(&h, wide);
    h.send(DeskMessage::ToggleMore);
    assert!(h.desk().more_open);
    assert!(
        top_of_panel(&h, narrow) > narrow_closed + 30.0,
        "at 1024 the open More row takes its own line"
    );
    assert_eq!(
        top_of_panel(&h, wide),
        wide_closed,
        "at 1920 nothing is under More: no blank strip"
    );
}

#[test]
fn the_week_shows_all_seven_days_in_view() {
    let mut h = Harness::with_demo();
    let doctor = h.desk().columns[0].doctor.expect("a doctor");
    h.send(DeskMessage::Week(Choice::new(
        WeekOf::Doctor(doctor),
        String::new(),
    )));
    assert_eq!(h.desk().view, View::WeekOfDoctor(doctor));
    assert_eq!(h.desk().columns.len(), 7);
    for size in [(1024.0, 768.0), (1280.0, 800.0)] {
        draw_at(&h, size);
        assert_eq!(columns_in_view(&h), 7, "{size:?}");
    }
}

fn book_at(h: &mut Harness, column: usize, minute: u16, name: &'static str) -> AppointmentId {
    h.send(DeskMessage::Grid(GridEvent::SlotClicked(column, minute)));
    h.type_into("booking-patient", name);
    h.click("New patient (register this name)");
    h.click("Book");
    assert_eq!(h.app.error(), None);
    h.desk()
        .entries
        .iter()
        .find(|e| e.patient_name == name)
        .expect("booked")
        .appointment
        .id
}

#[test]
fn a_booking_off_screen_is_scrolled_to_and_named_in_words() {
    let mut h = Harness::with_demo();
    draw_at(&h, (1280.0, 800.0));
    assert_eq!(h.desk().scroll, (0.0, 0.0));
    // A free slot in the last column, late in the day: far right and far down.
    let last = h.desk().columns.len() - 1;
    let (column, minute) = {
        let desk = h.desk();
        let close = desk.columns[last]
            .open
            .iter()
            .map(|s| s.1)
            .max()
            .expect("hours");
        let mut m = close - 15;
        while desk
            .blocks
            .iter()
            .any(|b| b.column == last && b.minutes.0 < m + 15 && m < b.minutes.1)
        {
            m -= 5;
        }
        (last, m)
    };
    let doctor = h.desk().columns[column].title.clone();
    let id = book_at(&mut h, column, minute, "Asha Rao");
    let notice = h.app.notice().map(str::to_owned).expect("a notice");
    assert!(
        notice.starts_with(&format!("Booked Asha Rao with {doctor}, Tue 24 Nov ")),
        "{notice}"
    );
    assert!(
        notice.contains(&format!("{:02}:{:02}–", minute / 60, minute % 60)),
        "{notice}"
    );
    assert!(!notice.contains(&id.0.to_string()), "no id: {notice}");
    let (x, y) = h.desk().scroll;
    assert!(x > 0.0 && y > 0.0, "scrolled to the booking: {x}, {y}");
    // The booking is now inside the part in view.
    draw_at(&h, (1280.0, 800.0));
    let drawn = h.desk().cache.drawn_for().expect("drawn");
    assert!(drawn.x > 0.0 && drawn.y > 0.0, "{drawn:?}");
}

#[test]
fn a_move_is_named_in_words() {
    let mut h = Harness::with_demo();
    let (column, minute) = h.free_slot(15);
    let id = book_at(&mut h, column, minute, "Ravi Shankar");
    let (column, minute) = h.free_slot(15);
    h.send(DeskMessage::Grid(GridEvent::Dropped(id, column, minute)));
    assert_eq!(h.app.error(), None);
    let notice = h.app.notice().map(str::to_owned).expect("a notice");
    assert!(notice.starts_with("Moved Ravi Shankar with "), "{notice}");
    assert!(
        notice.contains(&format!("{:02}:{:02}–", minute / 60, minute % 60)),
        "{notice}"
    );
    assert!(notice.ends_with("Ctrl+Z undoes it."), "{notice}");
    assert!(!notice.contains(&id.0.to_string()), "{notice}");
}
