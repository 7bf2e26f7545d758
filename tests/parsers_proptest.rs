//! Every parser of typed text in the core, and the arithmetic behind it, fed random input:
//! each answers with a clear error or a valid result, never a panic. The dates and times
//! (`scheduling::time`), series rules, weekly hours, leave and blockouts, a slot search's part
//! of the day, reminder leads and templates, lengths turned into intervals, and the name at
//! the desk. The inputs mix any Unicode text (every script, emoji, combining marks, control
//! characters) with near misses built from the right characters, so both the early refusals
//! and the deep paths are reached.
//!
//! Budget: [`CASES`] cases per property, 14 properties (28,000 cases); the whole file runs in
//! about two seconds in a debug build on a shared two-core machine (CI runs it as part of
//! `cargo test`). The command line's numbers and its own text parsers are covered the same way
//! in `src/cli/proptests.rs`.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use frontdesk::gui::screen::reminder_rules::parse_amount;
use frontdesk::scheduling::hours_text::{format_day, parse_clock, parse_day, parse_week};
use frontdesk::scheduling::reminder::Lead;
use frontdesk::scheduling::setup_rules::{parse_absence, parse_slot_minutes, parse_visit_minutes};
use frontdesk::scheduling::staff::{MAX_DESK_NAME_CHARS, desk_name};
use frontdesk::scheduling::template::{MessageFacts, check, render};
use frontdesk::scheduling::time::{
    FIRST_DATE, LAST_DATE, read_clock, read_date, read_day_minute, read_wall_time,
};
use frontdesk::scheduling::*;
use proptest::prelude::*;

/// Cases per property.
const CASES: u32 = 2_000;

/// Zones with awkward rules: half-hour and 45-minute offsets, half-hour DST (Lord Howe), a
/// skipped day (Apia, 2011), and the usual gaps and folds.
const ZONES: [Tz; 9] = [
    chrono_tz::Asia::Kolkata,
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Pacific::Chatham,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::Pacific::Apia,
    chrono_tz::America::St_Johns,
    chrono_tz::UTC,
];

fn zone() -> impl Strategy<Value = Tz> {
    prop::sample::select(ZONES.to_vec())
}

/// Any text at all, or text built from the characters dates, times and rules are made of.
fn typed(near: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        ".{0,12}",
        near,
        "[0-9]{0,25}",
        "[\u{0}-\u{1f}\u{7f}\u{202e}\u{fe0f}\u{301}\u{94d}]{0,6}",
    ]
}

/// Text that looks like a date, a time, or both, often almost right.
fn time_text() -> impl Strategy<Value = String> {
    typed(
        "[+-]?[0-9]{0,7}-[0-9]{0,3}-[0-9]{0,3}([ T][0-9]{0,3}(:[0-9]{0,3}(:[0-9]{0,3})?)?)?|\
         [ ]?[0-9]{0,3}:[0-9]{0,3}(:[0-9]{0,3})?[ ]?",
    )
}

/// A date anywhere chrono can hold one.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (-95_000_000i32..95_000_000)
            .prop_filter_map("a date", NaiveDate::from_num_days_from_ce_opt),
        Just(NaiveDate::MAX),
        Just(NaiveDate::MIN),
        Just(FIRST_DATE),
        Just(LAST_DATE),
    ]
}

/// A date Frontdesk reads from what people type.
fn typed_date() -> impl Strategy<Value = NaiveDate> {
    let (first, last) = (FIRST_DATE.num_days_from_ce(), LAST_DATE.num_days_from_ce());
    (first..=last).prop_filter_map("a date", NaiveDate::from_num_days_from_ce_opt)
}

fn any_time() -> impl Strategy<Value = NaiveTime> {
    (0u32..86_400).prop_filter_map("a time", |s| {
        NaiveTime::from_num_seconds_from_midnight_opt(s, 0)
    })
}

fn any_minutes() -> impl Strategy<Value = i64> {
    prop_oneof![any::<i64>(), -10i64..1_000, Just(i64::MIN), Just(i64::MAX)]
}

/// A message for people: something to read, not a screenful, no terminal codes.
fn readable(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.is_empty());
    prop_assert!(message.len() < 600, "{} bytes: {message}", message.len());
    prop_assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {message:?}"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn dates_are_in_range_or_refused_with_a_message(text in time_text()) {
        match read_date(&text) {
            Ok(date) => {
                prop_assert!((FIRST_DATE..=LAST_DATE).contains(&date));
                prop_assert_eq!(read_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
            }
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn times_of_day_are_whole_minutes_or_refused(text in time_text()) {
        match read_clock(&text) {
            Ok(time) => {
                prop_assert_eq!(time.second(), 0);
                prop_assert_eq!(time.nanosecond(), 0);
                prop_assert_eq!(read_clock(&time.format("%H:%M").to_string()), Ok(time));
            }
            Err(e) => readable(&e.to_string())?,
        }
        match read_day_minute(&text) {
            Ok(minute) => prop_assert!(minute <= 24 * 60),
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn wall_times_are_whole_minutes_in_range_or_refused(text in time_text()) {
        match read_wall_time(&text) {
            Ok(wall) => {
                prop_assert!((FIRST_DATE..=LAST_DATE).contains(&wall.date()));
                prop_assert_eq!(wall.second(), 0);
                let again = read_wall_time(&wall.format("%Y-%m-%d %H:%M").to_string());
                prop_assert_eq!(again, Ok(wall));
            }
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn any_length_at_any_time_plans_an_interval_or_says_why_not(
        zone in zone(),
        date in any_date(),
        time in any_time(),
        minutes in any_minutes(),
        instant in any::<i64>(),
    ) {
        for plan in [
            plan_local(zone, date.and_time(time), minutes),
            plan_at(zone, DateTime::<Utc>::from_timestamp(instant / 4, 0).unwrap_or_default(), minutes),
        ] {
            match plan.interval {
                Some(interval) => {
                    prop_assert!((1..=MAX_APPOINTMENT_MINUTES).contains(&minutes));
                    prop_assert_eq!(interval.minutes(), minutes);
                }
                None => prop_assert!(!plan.conflicts.is_empty()),
            }
            for c in &plan.conflicts {
                readable(&c.to_string())?;
            }
        }
    }

    #[test]
    fn series_rules_read_and_expand_or_say_why_not(
        text in typed(
            "(daily|weekly|freq=monthly|FREQ=WEEKLY|DAILY)?(;(interval|count|until|byday|x)\
             =[-+]?[0-9A-Za-z,]{0,12})*;?"
        ),
        start in prop_oneof![typed_date(), any_date()],
        time in any_time(),
        minutes in any_minutes(),
        zone in zone(),
    ) {
        match SeriesRule::parse(&text) {
            Ok(rule) => {
                prop_assert!(rule.validate().is_ok());
                readable(&rule.to_string())?;
                match rule.dates(start) {
                    Ok(dates) => {
                        prop_assert!(!dates.is_empty());
                        prop_assert!(dates.len() <= MAX_OCCURRENCES as usize);
                        prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
                        prop_assert!(dates[0] >= start);
                    }
                    Err(e) => readable(&e.to_string())?,
                }
                if let Ok(occurrences) = series::expand(&rule, start, time, minutes, zone) {
                    for o in occurrences {
                        if let Some(interval) = o.plan.interval {
                            prop_assert_eq!(interval.minutes(), minutes);
                        }
                    }
                }
                if (FIRST_DATE..=LAST_DATE).contains(&start) {
                    let rrule = rule.rrule(zone, time, start);
                    prop_assert!(rrule.starts_with("FREQ="));
                }
            }
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn moving_a_series_by_any_number_of_days_splits_or_says_why_not(
        count in 1u32..=10,
        start in any_date(),
        shift in prop_oneof![any::<i64>(), -400i64..400],
    ) {
        let rule = SeriesRule {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: Vec::new(),
            end: SeriesEnd::Count(count),
        };
        if let Ok(dates) = rule.dates(start) {
            match series::split(&rule, start, dates[0], shift) {
                Ok(split) => prop_assert_eq!(split.new_dates.len(), dates.len()),
                Err(e) => readable(&e.to_string())?,
            }
        }
    }

    #[test]
    fn weekly_hours_read_back_as_written_or_say_which_day(
        texts in prop::array::uniform7(typed(
            "(closed|off|[0-9]{0,3}([:.h][0-9]{0,3})?[ ]?(-|–|—| to )[ ]?[0-9]{0,3}([:.h][0-9]{0,3})?[,;]? ?){0,4}"
        )),
    ) {
        for text in &texts {
            match parse_day(text) {
                Ok(spans) => {
                    for s in &spans {
                        prop_assert!(s.start_minute < s.end_minute && s.end_minute <= 24 * 60);
                    }
                    prop_assert!(spans.windows(2).all(|w| w[0].end_minute <= w[1].start_minute));
                    prop_assert_eq!(parse_day(&format_day(&spans)), Ok(spans));
                }
                Err(e) => readable(&e.to_string())?,
            }
            if let Ok(minute) = parse_clock(text) {
                prop_assert!(minute <= 24 * 60);
            }
        }
        if let Err(problems) = parse_week(&texts) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                readable(&p.to_string())?;
            }
        }
    }

    #[test]
    fn leave_and_blockouts_read_or_say_which_end(
        zone in zone(),
        start in time_text(),
        end in time_text(),
    ) {
        match parse_absence(zone, &start, &end, "leave") {
            Ok((absence, notices)) => {
                prop_assert!(absence.interval.end > absence.interval.start);
                for n in notices {
                    readable(&n)?;
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in problems {
                    let message = p.to_string();
                    prop_assert!(!message.is_empty());
                }
            }
        }
    }

    #[test]
    fn a_part_of_the_day_reads_or_says_why_not(after in time_text(), before in time_text()) {
        match slots::parse_window(&after, &before) {
            Ok(span) => prop_assert!(span.start_minute < span.end_minute && span.end_minute <= 24 * 60),
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn lengths_in_settings_are_in_range_or_refused(text in typed("[+-]?[0-9]{0,12}")) {
        match parse_slot_minutes(&text) {
            Ok(m) => prop_assert!((1..=240).contains(&m)),
            Err(e) => readable(&e.to_string())?,
        }
        match parse_visit_minutes(&text) {
            Ok(m) => prop_assert!(i64::from(m) <= MAX_APPOINTMENT_MINUTES && m >= 1),
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn reminder_leads_read_and_fire_or_say_why_not(
        text in typed("[ ]?([0-9]{0,12} ?(h|hour|hours|min|mins|minutes|m|d)? ?){0,3}"),
        days in any::<u8>(),
        at in any_time(),
        start in typed_date(),
        zone in zone(),
    ) {
        let start = start.and_time(at).and_utc();
        match parse_amount(&text) {
            Ok(minutes) => {
                let lead = Lead::Before { minutes };
                if lead.validate().is_ok() {
                    prop_assert!(lead.fire_at(zone, start) < start);
                }
            }
            Err(e) => readable(&e)?,
        }
        let lead = Lead::DaysBeforeAt { days, at };
        match lead.validate() {
            Ok(()) => prop_assert!(lead.fire_at(zone, start) < start),
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn reminder_templates_render_or_say_what_to_fix(
        text in typed("([a-z ]{0,4}[{}]{0,2}(patient|doctor|date|time|where|link|x| )?[{}]{0,2}){0,5}"),
        name in any::<String>(),
        zone in zone(),
        start in typed_date(),
        hindi in any::<bool>(),
    ) {
        let facts = MessageFacts {
            patient: name.clone(),
            doctor: name.clone(),
            clinic: name.clone(),
            address: name,
            zone,
            start: start.and_time(NaiveTime::MIN).and_utc(),
            mode: Mode::Video,
            meeting_link: "https://meet.example/x".into(),
            code: "000417".into(),
            language: if hindi {
                frontdesk::i18n::Language::Hindi
            } else {
                frontdesk::i18n::Language::English
            },
        };
        match render(&text, &facts) {
            Ok(_) => {}
            Err(e) => readable(&e.to_string())?,
        }
        let template = reminder::Template { subject: text.clone(), body: text };
        if let Err(e) = check(&template) {
            readable(&e.to_string())?;
        }
    }

    #[test]
    fn the_name_at_the_desk_is_plain_short_and_trimmed_or_refused(text in typed(" {0,2}[A-Za-z\u{900}-\u{97f}' .]{0,120} {0,2}")) {
        match desk_name(&text) {
            Ok(name) => {
                prop_assert_eq!(name, name.trim());
                prop_assert!(!name.is_empty());
                prop_assert!(!name.chars().any(char::is_control));
                prop_assert!(name.chars().count() <= MAX_DESK_NAME_CHARS);
            }
            Err(e) => readable(&e.to_string())?,
        }
    }

    #[test]
    fn a_local_day_is_an_interval_anywhere_in_the_typed_range(zone in zone(), date in typed_date()) {
        // A day the zone skipped (Apia, 2011-12-30) is empty, never backwards.
        let day = time::local_day(zone, date);
        prop_assert!(day.end >= day.start);
        prop_assert!(day.end - day.start <= chrono::Duration::hours(26));
        let wall: NaiveDateTime = date.and_time(NaiveTime::MIN);
        let _ = time::lenient_instant(zone, wall);
    }
}
