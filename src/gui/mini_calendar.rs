//! The month mini-calendar of the view options: a month's grid (weeks from Monday) with today
//! and the date shown marked, previous and next month, and a click on a day to go there. The
//! date arithmetic (`month_of`, `shift`, `weeks`) is pure and table-tested.

use chrono::{Datelike, Months, NaiveDate};
use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use crate::scheduling::time::{FIRST_DATE, LAST_DATE};

/// What the mini-calendar does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Show the month that starts on this date (previous or next month).
    Month(NaiveDate),
    /// A day was clicked: go to it.
    Pick(NaiveDate),
}

/// The first day of the month of `date`.
pub fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month `delta` months from the month of `date`, or `None` outside the
/// dates the desk accepts (`FIRST_DATE` to `LAST_DATE`).
pub fn shift(date: NaiveDate, delta: i32) -> Option<NaiveDate> {
    let first = month_of(date);
    let moved = if delta >= 0 {
        first.checked_add_months(Months::new(delta.unsigned_abs()))
    } else {
        first.checked_sub_months(Months::new(delta.unsigned_abs()))
    }?;
    (month_of(FIRST_DATE) <= moved && moved <= LAST_DATE).then_some(moved)
}

/// The weeks of the month of `date`, Monday first: each day of the month in its weekday's
/// place, `None` before the first and after the last. Four to six weeks.
pub fn weeks(date: NaiveDate) -> Vec<[Option<NaiveDate>; 7]> {
    let first = month_of(date);
    let mut out = Vec::new();
    let mut week = [None; 7];
    let mut day = Some(first);
    while let Some(d) = day.filter(|d| d.month() == first.month()) {
        let i = d.weekday().num_days_from_monday() as usize;
        week[i] = Some(d);
        if i == 6 {
            out.push(week);
            week = [None; 7];
        }
        day = d.succ_opt();
    }
    if week.iter().any(Option::is_some) {
        out.push(week);
    }
    out
}

/// The weekdays' two-letter names over the columns, Monday first.
fn weekday_letters() -> [String; 7] {
    [
        crate::t!("calendar-mini-mon"),
        crate::t!("calendar-mini-tue"),
        crate::t!("calendar-mini-wed"),
        crate::t!("calendar-mini-thu"),
        crate::t!("calendar-mini-fri"),
        crate::t!("calendar-mini-sat"),
        crate::t!("calendar-mini-sun"),
    ]
}

/// The mini-calendar of `month` (any day of it), with `shown` (the date the grid shows) and
/// `today` marked.
pub fn view<'a>(
    month: NaiveDate,
    shown: NaiveDate,
    today: Option<NaiveDate>,
) -> Element<'a, Message> {
    let nav = |label: &'a str, delta: i32| {
        button(text(label).size(13))
            .style(button::text)
            .on_press_maybe(shift(month, delta).map(Message::Month))
    };
    let head = row![
        nav("‹", -1),
        text(crate::i18n::dates::month_year(month))
            .size(13)
            .width(Length::Fill)
            .align_x(Alignment::Center),
        nav("›", 1),
    ]
    .align_y(Alignment::Center);
    let names = row(weekday_letters().map(|n| {
        text(n)
            .size(11)
            .width(Length::Fixed(30.0))
            .align_x(Alignment::Center)
            .into()
    }));
    let mut grid = column![head, names].spacing(2);
    for week in weeks(month) {
        grid = grid.push(row(week.map(|day| -> Element<'a, Message> {
            let Some(d) = day else {
                return container(text("")).width(Length::Fixed(30.0)).into();
            };
            let label = text(d.day().to_string())
                .size(12)
                .width(Length::Fill)
                .align_x(Alignment::Center);
            let style = if d == shown {
                button::primary
            } else if Some(d) == today {
                button::secondary
            } else {
                button::text
            };
            let label = if Some(d) == today {
                label.font(iced::Font {
                    weight: iced::font::Weight::Bold,
                    ..iced::Font::default()
                })
            } else {
                label
            };
            button(label)
                .padding([3, 0])
                .width(Length::Fixed(30.0))
                .style(style)
                .on_press(Message::Pick(d))
                .into()
        })));
    }
    grid.into()
}
