//! The core and the store against absurd input, case by case: typed dates out of range and
//! times with seconds, lengths that would overflow a date, series and moves that run off the
//! calendar, a forged desk name, and errors that would say their cause twice. Each is refused
//! with a message (never a panic), and nothing is stored with seconds. The random version of
//! these is `tests/parsers_proptest.rs`; the store's cases run on every engine as the store
//! contract (`tests/contract/input_limits.rs`).

mod common;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use frontdesk::scheduling::series::{SplitError, split};
use frontdesk::scheduling::time::{
    TimeTextError, echo, read_clock, read_date, read_day_minute, read_wall_time,
};
use frontdesk::scheduling::*;
use frontdesk::store::StoreError;

const KOLKATA: Tz = chrono_tz::Asia::Kolkata;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn typed_dates_are_read_from_1900_to_2199_and_say_why_not() {
    assert_eq!(read_date(" 2026-03-09 "), Ok(date(2026, 3, 9)));
    assert_eq!(read_date("1900-01-01"), Ok(date(1900, 1, 1)));
    assert_eq!(read_date("2199-12-31"), Ok(date(2199, 12, 31)));
    for typed in [
        "1899-12-31",
        "2200-01-01",
        "+262142-12-31",
        "-0001-01-01",
        "0000-01-01",
    ] {
        let error = read_date(typed).expect_err(typed);
        assert_eq!(error, TimeTextError::DateOutOfRange(typed.to_owned()));
        assert!(
            error
                .to_string()
                .contains("is out of range: give a date from 1900-01-01 to 2199-12-31"),
            "{error}"
        );
    }
    for typed in [
        "2026-02-30",
        "09/03/2026",
        "",
        "tomorrow",
        "99999-01-01",
        "٢٠٢٦-٠٣-٠٩",
    ] {
        let error = read_date(typed).expect_err(typed);
        assert!(
            matches!(error, TimeTextError::NotADate(_)),
            "{typed}: {error:?}"
        );
        assert!(error.to_string().contains("write it as YYYY-MM-DD"));
    }
}

#[test]
fn typed_times_are_whole_minutes_and_seconds_are_refused_with_the_minute_to_write() {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("time");
    assert_eq!(read_clock("09:00"), Ok(nine));
    assert_eq!(read_clock("9:00"), Ok(nine));
    assert_eq!(
        read_clock(" 09:00:00 "),
        Ok(nine),
        ":00 seconds is the whole minute"
    );
    let error = read_clock("09:00:17").expect_err("seconds");
    assert_eq!(
        error,
        TimeTextError::Seconds {
            text: "09:00:17".into(),
            minute: "09:00".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "\"09:00:17\" has seconds: times are whole minutes, so write 09:00"
    );
    for typed in [
        "24:00",
        "09:60",
        "9:5",
        "9",
        "09.30",
        "09:00:60",
        "09:00:0",
        "+9:00",
        "",
        "٠٩:٠٠",
    ] {
        assert!(
            matches!(read_clock(typed), Err(TimeTextError::NotATime(_))),
            "{typed}: {:?}",
            read_clock(typed)
        );
    }
    assert_eq!(read_day_minute("24:00"), Ok(24 * 60));
    assert_eq!(read_day_minute("23:59"), Ok(23 * 60 + 59));
    assert!(matches!(
        read_day_minute("12:00:01"),
        Err(TimeTextError::Seconds { .. })
    ));

    let wall = read_wall_time("2026-03-09 09:30").expect("wall");
    assert_eq!(wall, date(2026, 3, 9).and_hms_opt(9, 30, 0).expect("t"));
    assert_eq!(read_wall_time("2026-03-09T09:30:00"), Ok(wall));
    assert_eq!(
        read_wall_time("2026-03-09 09:30:17")
            .expect_err("seconds")
            .to_string(),
        "\"2026-03-09 09:30:17\" has seconds: times are whole minutes, so write 2026-03-09 09:30"
    );
    assert_eq!(
        read_wall_time("+262142-12-31 09:00"),
        Err(TimeTextError::DateOutOfRange("+262142-12-31 09:00".into()))
    );
    assert!(matches!(
        read_wall_time("2026-03-09"),
        Err(TimeTextError::NotADateTime(_))
    ));
    assert!(matches!(
        read_wall_time("2026-03-09 25:00"),
        Err(TimeTextError::NotADateTime(_))
    ));
}

#[test]
fn what_people_typed_is_quoted_short_and_with_control_characters_escaped() {
    assert_eq!(echo("Zoë"), "Zoë");
    assert_eq!(echo("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\n");
    let huge = "७".repeat(10_000_000 / 3);
    let quoted = echo(&huge);
    assert_eq!(quoted.chars().count(), 41, "40 characters and an ellipsis");
    assert!(quoted.ends_with('…'));
    let message = read_date(&huge).expect_err("not a date").to_string();
    assert!(message.len() < 300, "{} bytes", message.len());
}

#[test]
fn a_length_that_cannot_be_booked_gives_no_interval_only_its_conflict() {
    let wall = date(2026, 3, 9).and_hms_opt(9, 0, 0).expect("t");
    let at = Utc
        .with_ymd_and_hms(2026, 3, 9, 3, 30, 0)
        .single()
        .expect("t");
    for minutes in [0, -5, i64::MIN, 481, 1_000_000_000_000, i64::MAX] {
        for plan in [
            plan_local(KOLKATA, wall, minutes),
            plan_at(KOLKATA, at, minutes),
        ] {
            assert_eq!(plan.interval, None, "{minutes}");
            let [conflict] = plan.conflicts.as_slice() else {
                panic!("{minutes}: {:?}", plan.conflicts);
            };
            assert_eq!(conflict.severity(), Severity::Invalid);
            if minutes > 0 {
                assert_eq!(*conflict, Conflict::TooLong { minutes });
                assert!(conflict.to_string().contains("480-minute maximum"));
            } else {
                assert_eq!(*conflict, Conflict::EndNotAfterStart);
            }
        }
    }
    // Far outside the dates Frontdesk books, even a valid length gives no interval, only the
    // reason: at the very end of the calendar it would overflow.
    let last = NaiveDate::MAX.and_hms_opt(23, 50, 0).expect("t");
    for plan in [
        plan_local(chrono_tz::UTC, last, 30),
        plan_at(KOLKATA, DateTime::<Utc>::MAX_UTC, 30),
        plan_local(
            KOLKATA,
            date(2200, 1, 1).and_hms_opt(9, 0, 0).expect("t"),
            30,
        ),
        plan_at(KOLKATA, DateTime::<Utc>::MIN_UTC, 30),
    ] {
        assert_eq!(plan.interval, None);
        assert!(
            matches!(
                plan.conflicts.as_slice(),
                [Conflict::OutsideDateRange { .. }]
            ),
            "{:?}",
            plan.conflicts
        );
        assert!(
            plan.conflicts[0]
                .to_string()
                .contains("outside the dates Frontdesk books, 1900-01-01 to 2199-12-31")
        );
    }
}

#[test]
fn an_exact_start_is_taken_to_its_minute() {
    let arrived = Utc
        .with_ymd_and_hms(2026, 3, 9, 4, 33, 27)
        .single()
        .expect("t")
        + Duration::milliseconds(250);
    let plan = plan_at(KOLKATA, arrived, 20);
    let interval = plan.interval.expect("interval");
    assert_eq!(
        interval.start,
        Utc.with_ymd_and_hms(2026, 3, 9, 4, 33, 0)
            .single()
            .expect("t")
    );
    assert_eq!(interval.minutes(), 20);
    assert!(plan.conflicts.is_empty());
}

#[test]
fn an_absurd_length_reaching_the_check_is_judged_on_its_length_alone() {
    let start = Utc
        .with_ymd_and_hms(2026, 3, 9, 4, 0, 0)
        .single()
        .expect("t");
    let proposal = Proposal {
        doctor: DoctorId(common::id(1)),
        room: None,
        patient: PatientId(common::id(2)),
        interval: Interval::new(start, start + Duration::days(365 * 1000)),
        kind: Kind::Scheduled,
        moving: None,
    };
    let context = ConflictContext {
        zone: KOLKATA,
        clinic_name: "Test".into(),
        clinic_hours: WeeklyHours::always(),
        doctor_name: "Dr. Test".into(),
        // Inactive, so a check that went on past the length would say more than it.
        doctor_active: false,
        doctor_hours: WeeklyHours::always(),
        doctor_leave: Vec::new(),
        room: None,
        nearby: Vec::new(),
    };
    let conflicts = check(&proposal, &context, start - Duration::days(1));
    assert_eq!(
        conflicts,
        vec![Conflict::TooLong {
            minutes: 365 * 1000 * 24 * 60
        }]
    );
}

#[test]
fn a_series_at_the_end_of_the_calendar_ends_instead_of_overflowing() {
    for text in ["daily;count=5", "weekly;interval=52;byday=MO,SU;count=104"] {
        let rule = SeriesRule::parse(text).expect("rule");
        for start in [NaiveDate::MAX, NaiveDate::MIN, date(2199, 12, 31)] {
            match rule.dates(start) {
                Ok(dates) => assert!(dates.iter().all(|d| *d >= start), "{text} {start}"),
                Err(e) => assert!(!e.to_string().is_empty()),
            }
            let _ = series::expand(&rule, start, NaiveTime::MIN, 30, KOLKATA);
        }
    }
    let rule = SeriesRule::parse("daily;count=5").expect("rule");
    assert_eq!(rule.dates(NaiveDate::MAX), Ok(vec![NaiveDate::MAX]));
}

#[test]
fn series_rule_numbers_and_dates_out_of_range_say_so() {
    for (text, says) in [
        (
            "daily;count=99999999999",
            "\"count=99999999999\" is out of range: give 1 to 104",
        ),
        ("daily;count=200", "200 occurrences is more than the most"),
        ("daily;count=0", "at least 1 occurrence"),
        (
            "weekly;interval=4294967296;count=3",
            "is out of range: give 1 to 52",
        ),
        (
            "weekly;interval=53;count=3",
            "repeat every 53: give a number from 1 to 52",
        ),
        (
            "daily;interval=-1;count=3",
            "\"interval=-1\" is not a whole number",
        ),
        (
            "daily;until=2200-01-01",
            "is out of range: give a date from 1900-01-01 to 2199-12-31",
        ),
    ] {
        let error = SeriesRule::parse(text).expect_err(text).to_string();
        assert!(error.contains(says), "{text}: {error}");
    }
    let long = format!("daily;count=3;{}", "x".repeat(100_000));
    let error = SeriesRule::parse(&long).expect_err("junk").to_string();
    assert!(error.len() < 300, "{} bytes", error.len());
}

#[test]
fn moving_the_following_occurrences_too_far_is_refused_not_a_panic() {
    let rule = SeriesRule::parse("weekly;byday=MO;count=4").expect("rule");
    let start = date(2026, 3, 9);
    for days in [i64::MIN, i64::MAX, -367, 367, 10_000_000] {
        assert_eq!(
            split(&rule, start, start, days),
            Err(SplitError::TooFar { days }),
            "{days}"
        );
    }
    assert!(split(&rule, start, start, 7).is_ok());
    let rule = SeriesRule::parse("daily;count=3").expect("rule");
    let last = NaiveDate::MAX
        .pred_opt()
        .and_then(|d| d.pred_opt())
        .expect("d");
    assert!(matches!(
        split(&rule, last, last, 300),
        Err(SplitError::TooFar { days: 300 })
    ));
}

/// Every cause in an error's chain adds words of its own: none repeats what the error above
/// it already said.
fn says_each_thing_once(error: &(dyn std::error::Error + 'static)) {
    let mut said = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        let text = c.to_string();
        assert!(
            !said.contains(&text),
            "\"{text}\" is said again by its cause, after \"{said}\""
        );
        said = text;
        cause = c.source();
    }
}

#[test]
fn an_error_that_prints_its_cause_does_not_also_chain_it() {
    let transition = StoreError::Transition(TransitionError::ReasonRequired {
        verb: "cancel".into(),
    });
    assert_eq!(
        transition.to_string(),
        "a reason is required to cancel: say why in a few words"
    );
    says_each_thing_once(&transition);
    let split = SplitError::Rule(RuleError::CountZero);
    says_each_thing_once(&split);
    let window = slots::parse_window("10:00:30", "").expect_err("seconds");
    says_each_thing_once(&window);
    for error in [
        StoreError::Refused(vec![Conflict::EndNotAfterStart]),
        StoreError::Invalid("x".into()),
    ] {
        says_each_thing_once(&error);
    }
}
