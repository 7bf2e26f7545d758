//! The month mini-calendar (issue 13, point 8): its date arithmetic over 2026–2027 (first
//! weekdays, month lengths, leap years and the edges of the dates the desk accepts), and in
//! the window: previous and next month, today and the shown date marked, a click on a day
//! goes there.

use chrono::{Datelike, NaiveDate, Weekday};
use frontdesk::gui::desk::Message as DeskMessage;
use frontdesk::gui::mini_calendar::{self, month_of, shift, weeks};

mod gui_harness;
use gui_harness::Harness;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

#[test]
fn every_month_of_2026_and_2027_has_its_first_weekday_and_length() {
    // (year, month, weekday of the 1st, days, weeks shown)
    let table = [
        (2026, 1, Weekday::Thu, 31, 5),
        (2026, 2, Weekday::Sun, 28, 5),
        (2026, 3, Weekday::Sun, 31, 6),
        (2026, 4, Weekday::Wed, 30, 5),
        (2026, 5, Weekday::Fri, 31, 5),
        (2026, 6, Weekday::Mon, 30, 5),
        (2026, 7, Weekday::Wed, 31, 5),
        (2026, 8, Weekday::Sat, 31, 6),
        (2026, 9, Weekday::Tue, 30, 5),
        (2026, 10, Weekday::Thu, 31, 5),
        (2026, 11, Weekday::Sun, 30, 6),
        (2026, 12, Weekday::Tue, 31, 5),
        (2027, 1, Weekday::Fri, 31, 5),
        (2027, 2, Weekday::Mon, 28, 4),
        (2027, 3, Weekday::Mon, 31, 5),
        (2027, 4, Weekday::Thu, 30, 5),
        (2027, 5, Weekday::Sat, 31, 6),
        (2027, 6, Weekday::Tue, 30, 5),
        (2027, 7, Weekday::Thu, 31, 5),
        (2027, 8, Weekday::Sun, 31, 6),
        (2027, 9, Weekday::Wed, 30, 5),
        (2027, 10, Weekday::Fri, 31, 5),
        (2027, 11, Weekday::Mon, 30, 5),
        (2027, 12, Weekday::Wed, 31, 5),
    ];
    for (y, m, first, days, rows) in table {
        let grid = weeks(d(y, m, 17));
        assert_eq!(grid.len(), rows, "{y}-{m} weeks");
        let placed: Vec<NaiveDate> = grid.iter().flatten().flatten().copied().collect();
        assert_eq!(placed.len(), days, "{y}-{m} days");
        assert_eq!(placed[0], d(y, m, 1));
        assert_eq!(placed[0].weekday(), first, "{y}-{m} starts on");
        // Each day sits in its weekday's column, in order.
        for week in &grid {
            for (i, day) in week.iter().enumerate() {
                if let Some(day) = day {
                    assert_eq!(day.weekday().num_days_from_monday() as usize, i);
                }
            }
        }
        assert!(placed.windows(2).all(|w| w[0].succ_opt() == Some(w[1])));
    }
}

#[test]
fn leap_years_and_month_steps() {
    let feb = |y| weeks(d(y, 2, 1)).iter().flatten().flatten().count();
    assert_eq!(feb(2024), 29);
    assert_eq!(feb(2028), 29);
    assert_eq!(feb(2000), 29, "divisible by 400");
    assert_eq!(feb(2100), 28, "divisible by 100");
    assert_eq!(feb(2026), 28);
    // Month steps start on the 1st, across years, from the 31st.
    assert_eq!(month_of(d(2026, 11, 24)), d(2026, 11, 1));
    assert_eq!(shift(d(2026, 12, 31), 1), Some(d(2027, 1, 1)));
    assert_eq!(shift(d(2027, 1, 31), -1), Some(d(2026, 12, 1)));
    assert_eq!(shift(d(2026, 1, 31), 1), Some(d(2026, 2, 1)));
    assert_eq!(shift(d(2026, 3, 31), -13), Some(d(2025, 2, 1)));
    // Not past the dates the desk accepts (1900-01-01 to 2199-12-31).
    assert_eq!(shift(d(1900, 1, 15), -1), None);
    assert_eq!(shift(d(2199, 12, 15), 1), None);
    assert_eq!(shift(d(2199, 12, 15), i32::MAX), None);
    assert_eq!(shift(d(1900, 1, 15), i32::MIN), None);
}

#[test]
fn the_window_pages_months_and_goes_to_the_day_clicked() {
    let mut h = Harness::with_demo();
    h.send(DeskMessage::OpenViewOptions);
    h.ui(|ui| {
        ui.find("November 2026")
            .expect("the month of the date shown");
    });
    h.click("›");
    h.ui(|ui| {
        ui.find("December 2026").expect("next month");
    });
    assert_eq!(
        h.desk().date,
        d(2026, 11, 24),
        "paging does not move the grid"
    );
    h.click("‹");
    h.click("‹");
    h.ui(|ui| {
        ui.find("October 2026").expect("previous month");
    });
    h.click("9");
    assert_eq!(h.desk().date, d(2026, 10, 9), "the day clicked");
    h.ui(|ui| {
        ui.find("October 2026").expect("its month");
    });
    // Another date shown (Today) brings the mini-calendar back to its month.
    h.send(DeskMessage::MiniCalendar(mini_calendar::Message::Month(d(
        2027, 3, 1,
    ))));
    h.send(DeskMessage::Today);
    h.ui(|ui| {
        ui.find("November 2026").expect("today's month");
    });
}
