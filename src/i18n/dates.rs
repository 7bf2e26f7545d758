//! Dates as each language writes them: weekday and month names, and the order of day, month
//! and year, from the message files (`dates.ftl`). Times stay 24-hour (14:30) in every
//! language, as clinics print them.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

use super::Language;

/// The weekday's full name: "Tuesday", "मंगलवार".
pub fn weekday_in(language: Language, day: Weekday) -> String {
    match day {
        Weekday::Mon => crate::t_in!(language, "dates-weekday-mon"),
        Weekday::Tue => crate::t_in!(language, "dates-weekday-tue"),
        Weekday::Wed => crate::t_in!(language, "dates-weekday-wed"),
        Weekday::Thu => crate::t_in!(language, "dates-weekday-thu"),
        Weekday::Fri => crate::t_in!(language, "dates-weekday-fri"),
        Weekday::Sat => crate::t_in!(language, "dates-weekday-sat"),
        Weekday::Sun => crate::t_in!(language, "dates-weekday-sun"),
    }
}

/// The weekday's short name: "Tue", "मंगल".
pub fn weekday_short_in(language: Language, day: Weekday) -> String {
    match day {
        Weekday::Mon => crate::t_in!(language, "dates-weekday-short-mon"),
        Weekday::Tue => crate::t_in!(language, "dates-weekday-short-tue"),
        Weekday::Wed => crate::t_in!(language, "dates-weekday-short-wed"),
        Weekday::Thu => crate::t_in!(language, "dates-weekday-short-thu"),
        Weekday::Fri => crate::t_in!(language, "dates-weekday-short-fri"),
        Weekday::Sat => crate::t_in!(language, "dates-weekday-short-sat"),
        Weekday::Sun => crate::t_in!(language, "dates-weekday-short-sun"),
    }
}

/// The month's full name (1 = January): "November", "नवंबर".
pub fn month_in(language: Language, month: u32) -> String {
    match month {
        1 => crate::t_in!(language, "dates-month-1"),
        2 => crate::t_in!(language, "dates-month-2"),
        3 => crate::t_in!(language, "dates-month-3"),
        4 => crate::t_in!(language, "dates-month-4"),
        5 => crate::t_in!(language, "dates-month-5"),
        6 => crate::t_in!(language, "dates-month-6"),
        7 => crate::t_in!(language, "dates-month-7"),
        8 => crate::t_in!(language, "dates-month-8"),
        9 => crate::t_in!(language, "dates-month-9"),
        10 => crate::t_in!(language, "dates-month-10"),
        11 => crate::t_in!(language, "dates-month-11"),
        _ => crate::t_in!(language, "dates-month-12"),
    }
}

/// The month's short name: "Nov", "नव॰".
pub fn month_short_in(language: Language, month: u32) -> String {
    match month {
        1 => crate::t_in!(language, "dates-month-short-1"),
        2 => crate::t_in!(language, "dates-month-short-2"),
        3 => crate::t_in!(language, "dates-month-short-3"),
        4 => crate::t_in!(language, "dates-month-short-4"),
        5 => crate::t_in!(language, "dates-month-short-5"),
        6 => crate::t_in!(language, "dates-month-short-6"),
        7 => crate::t_in!(language, "dates-month-short-7"),
        8 => crate::t_in!(language, "dates-month-short-8"),
        9 => crate::t_in!(language, "dates-month-short-9"),
        10 => crate::t_in!(language, "dates-month-short-10"),
        11 => crate::t_in!(language, "dates-month-short-11"),
        _ => crate::t_in!(language, "dates-month-short-12"),
    }
}

/// "Tuesday 24 November 2026" / "मंगलवार, 24 नवंबर 2026": the calendar's title, a reminder.
pub fn long_in(language: Language, date: NaiveDate) -> String {
    crate::t_in!(
        language,
        "dates-long",
        weekday = weekday_in(language, date.weekday()),
        day = date.day().to_string(),
        month = month_in(language, date.month()),
        year = date.year().to_string()
    )
}

/// "Tue 24 Nov 2026" / "मंगल, 24 नव॰ 2026".
pub fn medium_in(language: Language, date: NaiveDate) -> String {
    crate::t_in!(
        language,
        "dates-medium",
        weekday = weekday_short_in(language, date.weekday()),
        day = date.day().to_string(),
        month = month_short_in(language, date.month()),
        year = date.year().to_string()
    )
}

/// "Tue 24 Nov" / "मंगल, 24 नव॰": a column of the week.
pub fn weekday_day_month_in(language: Language, date: NaiveDate) -> String {
    crate::t_in!(
        language,
        "dates-weekday-day-month",
        weekday = weekday_short_in(language, date.weekday()),
        day = date.day().to_string(),
        month = month_short_in(language, date.month())
    )
}

/// "24 Nov" / "24 नव॰".
pub fn day_month_in(language: Language, date: NaiveDate) -> String {
    crate::t_in!(
        language,
        "dates-day-month",
        day = date.day().to_string(),
        month = month_short_in(language, date.month())
    )
}

/// "24 Nov 2026" / "24 नव॰ 2026".
pub fn day_month_year_in(language: Language, date: NaiveDate) -> String {
    crate::t_in!(
        language,
        "dates-day-month-year",
        day = date.day().to_string(),
        month = month_short_in(language, date.month()),
        year = date.year().to_string()
    )
}

/// "November 2026" / "नवंबर 2026": the little month calendar's title.
pub fn month_year_in(language: Language, date: NaiveDate) -> String {
    crate::t_in!(
        language,
        "dates-month-year",
        month = month_in(language, date.month()),
        year = date.year().to_string()
    )
}

/// "Tue 24 Nov 14:30" / "मंगल, 24 नव॰ 14:30".
pub fn weekday_day_month_time_in(language: Language, at: NaiveDateTime) -> String {
    crate::t_in!(
        language,
        "dates-with-time",
        date = weekday_day_month_in(language, at.date()),
        time = at.format("%H:%M").to_string()
    )
}

/// "Tue 24 Nov 2026 14:30" / "मंगल, 24 नव॰ 2026 14:30".
pub fn medium_time_in(language: Language, at: NaiveDateTime) -> String {
    crate::t_in!(
        language,
        "dates-with-time",
        date = medium_in(language, at.date()),
        time = at.format("%H:%M").to_string()
    )
}

/// [`weekday_in`] in the desk's language.
pub fn weekday(day: Weekday) -> String {
    weekday_in(super::current(), day)
}

/// [`weekday_short_in`] in the desk's language.
pub fn weekday_short(day: Weekday) -> String {
    weekday_short_in(super::current(), day)
}

/// [`long_in`] in the desk's language.
pub fn long(date: NaiveDate) -> String {
    long_in(super::current(), date)
}

/// [`medium_in`] in the desk's language.
pub fn medium(date: NaiveDate) -> String {
    medium_in(super::current(), date)
}

/// [`weekday_day_month_in`] in the desk's language.
pub fn weekday_day_month(date: NaiveDate) -> String {
    weekday_day_month_in(super::current(), date)
}

/// [`day_month_in`] in the desk's language.
pub fn day_month(date: NaiveDate) -> String {
    day_month_in(super::current(), date)
}

/// [`day_month_year_in`] in the desk's language.
pub fn day_month_year(date: NaiveDate) -> String {
    day_month_year_in(super::current(), date)
}

/// [`month_year_in`] in the desk's language.
pub fn month_year(date: NaiveDate) -> String {
    month_year_in(super::current(), date)
}

/// [`weekday_day_month_time_in`] in the desk's language.
pub fn weekday_day_month_time(at: NaiveDateTime) -> String {
    weekday_day_month_time_in(super::current(), at)
}

/// [`medium_time_in`] in the desk's language.
pub fn medium_time(at: NaiveDateTime) -> String {
    medium_time_in(super::current(), at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn english_dates_read_as_the_window_always_wrote_them() {
        let date = day(2026, 11, 24);
        let at = date.and_hms_opt(14, 30, 0).expect("a real time");
        let english = Language::English;
        // The same text chrono's "%A %-d %B %Y" and friends gave before the message files.
        assert_eq!(
            long_in(english, date),
            date.format("%A %-d %B %Y").to_string()
        );
        assert_eq!(
            medium_in(english, date),
            date.format("%a %-d %b %Y").to_string()
        );
        assert_eq!(
            weekday_day_month_in(english, date),
            date.format("%a %-d %b").to_string()
        );
        assert_eq!(day_month_in(english, date), "24 Nov");
        assert_eq!(day_month_year_in(english, date), "24 Nov 2026");
        assert_eq!(month_year_in(english, date), "November 2026");
        assert_eq!(
            weekday_day_month_time_in(english, at),
            at.format("%a %-d %b %H:%M").to_string()
        );
        assert_eq!(
            medium_time_in(english, at),
            at.format("%a %-d %b %Y %H:%M").to_string()
        );
        // Every weekday and month, against chrono's English names.
        for offset in 0..366 {
            let d = day(2027, 1, 1) + chrono::Days::new(offset);
            assert_eq!(long_in(english, d), d.format("%A %-d %B %Y").to_string());
            assert_eq!(medium_in(english, d), d.format("%a %-d %b %Y").to_string());
        }
    }

    #[test]
    fn hindi_dates_name_weekdays_and_months_in_hindi() {
        let date = day(2026, 11, 24);
        assert_eq!(long_in(Language::Hindi, date), "मंगलवार, 24 नवंबर 2026");
        assert_eq!(medium_in(Language::Hindi, date), "मंगल, 24 नव॰ 2026");
        assert_eq!(month_year_in(Language::Hindi, date), "नवंबर 2026");
        // Years are never grouped like numbers ("2,026").
        assert!(long_in(Language::Hindi, day(12345, 1, 1)).ends_with(" 12345"));
        assert!(long_in(Language::English, day(12345, 1, 1)).ends_with(" 12345"));
        // Every name differs from every other, in both languages.
        for language in Language::ALL {
            let mut names: Vec<String> = (1..=12)
                .flat_map(|m| [month_in(language, m), month_short_in(language, m)])
                .collect();
            let monday = day(2026, 11, 23);
            for d in 0..7 {
                let w = (monday + chrono::Days::new(d)).weekday();
                names.push(weekday_in(language, w));
                names.push(weekday_short_in(language, w));
            }
            let count = names.len();
            names.sort();
            names.dedup();
            // "May"/"मई", "June"/"जून"… are their own short forms.
            assert!(names.len() >= count - 5, "{language:?}: {names:?}");
            assert!(names.iter().all(|n| !n.starts_with("dates-")), "{names:?}");
        }
    }
}
