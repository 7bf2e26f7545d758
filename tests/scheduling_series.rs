//! Recurring series in the core: the rule's dates (daily, weekly on chosen weekdays, every N;
//! until a date or a count; the 104 cap), the wall time kept across real 2026–2027 DST changes
//! (America/New_York 2026-11-01 and 2027-03-14, Europe/London 2026-10-25 and 2027-03-28), a
//! gap or a fold on one occurrence, RRULE text both ways, the occurrence decision, and the split
//! that "this and the following ones" makes.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::America::New_York;
use chrono_tz::Europe::London;
use chrono_tz::Tz;
use frontdesk::scheduling::series::{
    self, Frequency, MAX_OCCURRENCES, OccurrenceDecision, OnConflict, RuleError, SeriesEnd,
    SeriesRule, SplitError,
};
use frontdesk::scheduling::{Conflict, DoctorId, Severity};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn weekly(days: &[Weekday], end: SeriesEnd) -> SeriesRule {
    SeriesRule {
        frequency: Frequency::Weekly,
        interval: 1,
        weekdays: days.to_vec(),
        end,
    }
}

fn daily(interval: u32, end: SeriesEnd) -> SeriesRule {
    SeriesRule {
        frequency: Frequency::Daily,
        interval,
        weekdays: Vec::new(),
        end,
    }
}

/// (local wall time, UTC start) of each occurrence; `None` where the time does not exist.
fn expanded(
    rule: &SeriesRule,
    start: NaiveDate,
    at: NaiveTime,
    zone: Tz,
) -> Vec<(NaiveDateTime, Option<DateTime<Utc>>)> {
    series::expand(rule, start, at, 30, zone)
        .expect("a valid rule")
        .into_iter()
        .map(|o| (o.wall, o.plan.interval.map(|i| i.start)))
        .collect()
}

fn wall(d: NaiveDate, t: NaiveTime) -> NaiveDateTime {
    d.and_time(t)
}

// ---------------------------------------------------------------------------------------------
// The wall time across real DST changes

#[test]
fn new_york_weekly_keeps_ten_oclock_across_the_autumn_change() {
    // Tuesdays at 10:00 from 2026-10-20: EDT (UTC-4) until 1 November, then EST (UTC-5).
    let got = expanded(
        &weekly(&[Weekday::Tue], SeriesEnd::Count(4)),
        date(2026, 10, 20),
        time(10, 0),
        New_York,
    );
    let ten = time(10, 0);
    assert_eq!(
        got,
        vec![
            (
                wall(date(2026, 10, 20), ten),
                Some(utc(2026, 10, 20, 14, 0))
            ),
            (
                wall(date(2026, 10, 27), ten),
                Some(utc(2026, 10, 27, 14, 0))
            ),
            (wall(date(2026, 11, 3), ten), Some(utc(2026, 11, 3, 15, 0))),
            (
                wall(date(2026, 11, 10), ten),
                Some(utc(2026, 11, 10, 15, 0))
            ),
        ]
    );
}

#[test]
fn new_york_weekly_keeps_nine_oclock_across_the_spring_change() {
    // Mondays at 09:00 from 2027-03-08: EST (UTC-5), then EDT (UTC-4) from 14 March.
    let got = expanded(
        &weekly(&[Weekday::Mon], SeriesEnd::Count(3)),
        date(2027, 3, 8),
        time(9, 0),
        New_York,
    );
    assert_eq!(
        got.iter().map(|(_, t)| *t).collect::<Vec<_>>(),
        vec![
            Some(utc(2027, 3, 8, 14, 0)),
            Some(utc(2027, 3, 15, 13, 0)),
            Some(utc(2027, 3, 22, 13, 0)),
        ]
    );
}

#[test]
fn london_daily_keeps_half_past_eight_across_the_autumn_change() {
    // BST (UTC+1) until Sunday 25 October 2026, then GMT (UTC+0).
    let got = expanded(
        &daily(1, SeriesEnd::Count(4)),
        date(2026, 10, 23),
        time(8, 30),
        London,
    );
    assert_eq!(
        got.iter().map(|(_, t)| *t).collect::<Vec<_>>(),
        vec![
            Some(utc(2026, 10, 23, 7, 30)),
            Some(utc(2026, 10, 24, 7, 30)),
            Some(utc(2026, 10, 25, 8, 30)),
            Some(utc(2026, 10, 26, 8, 30)),
        ]
    );
}

#[test]
fn london_weekly_keeps_its_time_across_the_spring_change() {
    // Thursdays at 17:15, GMT then BST from 28 March 2027.
    let got = expanded(
        &weekly(&[Weekday::Thu], SeriesEnd::Until(date(2027, 4, 1))),
        date(2027, 3, 25),
        time(17, 15),
        London,
    );
    assert_eq!(
        got,
        vec![
            (
                wall(date(2027, 3, 25), time(17, 15)),
                Some(utc(2027, 3, 25, 17, 15))
            ),
            (
                wall(date(2027, 4, 1), time(17, 15)),
                Some(utc(2027, 4, 1, 16, 15))
            ),
        ]
    );
}

#[test]
fn an_occurrence_in_the_london_spring_gap_is_refused_alone_with_the_next_valid_time() {
    // Sundays at 01:30: on 2027-03-28 the clocks jump from 01:00 to 02:00.
    let occurrences = series::expand(
        &weekly(&[Weekday::Sun], SeriesEnd::Count(3)),
        date(2027, 3, 21),
        time(1, 30),
        30,
        London,
    )
    .unwrap();
    assert_eq!(occurrences.len(), 3);
    assert_eq!(
        occurrences[0].plan.interval.map(|i| i.start),
        Some(utc(2027, 3, 21, 1, 30))
    );
    assert!(occurrences[0].plan.conflicts.is_empty());
    let gap = &occurrences[1];
    assert_eq!(gap.date, date(2027, 3, 28));
    assert_eq!(gap.plan.interval, None, "01:30 does not exist that day");
    match gap.plan.conflicts.as_slice() {
        [c @ Conflict::LocalTimeInGap { next_valid, .. }] => {
            assert_eq!(*next_valid, wall(date(2027, 3, 28), time(2, 0)));
            assert_eq!(c.severity(), Severity::Invalid);
            assert!(
                c.to_string()
                    .contains("the next valid time is 2027-03-28 02:00"),
                "{c}"
            );
        }
        other => panic!("expected one gap conflict, got {other:?}"),
    }
    // The next week is back to normal, now in BST.
    assert_eq!(
        occurrences[2].plan.interval.map(|i| i.start),
        Some(utc(2027, 4, 4, 0, 30))
    );
    assert!(occurrences[2].plan.conflicts.is_empty());
}

#[test]
fn an_occurrence_in_the_new_york_spring_gap_names_three_oclock() {
    let occurrences = series::expand(
        &daily(7, SeriesEnd::Count(2)),
        date(2027, 3, 7),
        time(2, 30),
        30,
        New_York,
    )
    .unwrap();
    assert!(occurrences[0].plan.interval.is_some());
    assert!(matches!(
        occurrences[1].plan.conflicts.as_slice(),
        [Conflict::LocalTimeInGap { next_valid, .. }] if *next_valid == wall(date(2027, 3, 14), time(3, 0))
    ));
}

#[test]
fn an_occurrence_in_the_new_york_fold_takes_the_earlier_instant_and_says_so() {
    // 01:30 happens twice on 2026-11-01: first in EDT (05:30Z), then in EST (06:30Z).
    let occurrences = series::expand(
        &daily(1, SeriesEnd::Count(3)),
        date(2026, 10, 31),
        time(1, 30),
        30,
        New_York,
    )
    .unwrap();
    let starts: Vec<_> = occurrences
        .iter()
        .map(|o| o.plan.interval.map(|i| i.start))
        .collect();
    assert_eq!(
        starts,
        vec![
            Some(utc(2026, 10, 31, 5, 30)),
            Some(utc(2026, 11, 1, 5, 30)),
            Some(utc(2026, 11, 2, 6, 30)),
        ]
    );
    assert!(occurrences[0].plan.conflicts.is_empty());
    assert!(occurrences[2].plan.conflicts.is_empty());
    match occurrences[1].plan.conflicts.as_slice() {
        [c @ Conflict::LocalTimeAmbiguous { .. }] => {
            assert_eq!(
                c.severity(),
                Severity::Notice,
                "a fold never stops a booking"
            );
            assert!(c.to_string().contains("booked the earlier one"), "{c}");
        }
        other => panic!("expected one fold notice, got {other:?}"),
    }
}

#[test]
fn a_london_fold_occurrence_is_the_earlier_instant() {
    let occurrences = series::expand(
        &weekly(&[Weekday::Sun], SeriesEnd::Count(2)),
        date(2026, 10, 18),
        time(1, 15),
        45,
        London,
    )
    .unwrap();
    let fold = &occurrences[1];
    assert_eq!(fold.date, date(2026, 10, 25));
    let iv = fold.plan.interval.unwrap();
    assert_eq!(
        iv.start,
        utc(2026, 10, 25, 0, 15),
        "01:15 BST, the first 01:15"
    );
    assert_eq!(iv.minutes(), 45, "the length is real time, not wall time");
}

// ---------------------------------------------------------------------------------------------
// Dates: weekdays, intervals, counts, until

#[test]
fn weekly_on_two_weekdays_counts_every_occurrence() {
    let dates = weekly(&[Weekday::Thu, Weekday::Tue], SeriesEnd::Count(5))
        .dates(date(2026, 11, 24))
        .unwrap();
    assert_eq!(
        dates,
        vec![
            date(2026, 11, 24),
            date(2026, 11, 26),
            date(2026, 12, 1),
            date(2026, 12, 3),
            date(2026, 12, 8),
        ]
    );
}

#[test]
fn a_start_off_the_chosen_weekdays_begins_on_the_next_chosen_one() {
    // Wednesday 2026-11-25, series on Tuesdays and Thursdays: the Tuesday before is skipped.
    let dates = weekly(&[Weekday::Tue, Weekday::Thu], SeriesEnd::Count(3))
        .dates(date(2026, 11, 25))
        .unwrap();
    assert_eq!(
        dates,
        vec![date(2026, 11, 26), date(2026, 12, 1), date(2026, 12, 3)]
    );
}

#[test]
fn no_weekdays_means_the_first_dates_weekday() {
    let dates = weekly(&[], SeriesEnd::Count(2))
        .dates(date(2026, 11, 27))
        .unwrap();
    assert_eq!(dates, vec![date(2026, 11, 27), date(2026, 12, 4)]);
}

#[test]
fn every_two_weeks_skips_the_weeks_between() {
    let rule = SeriesRule {
        interval: 2,
        ..weekly(&[Weekday::Mon, Weekday::Fri], SeriesEnd::Count(4))
    };
    assert_eq!(
        rule.dates(date(2026, 11, 23)).unwrap(),
        vec![
            date(2026, 11, 23),
            date(2026, 11, 27),
            date(2026, 12, 7),
            date(2026, 12, 11),
        ]
    );
}

#[test]
fn every_three_days_until_a_date_includes_that_date() {
    assert_eq!(
        daily(3, SeriesEnd::Until(date(2026, 12, 7)))
            .dates(date(2026, 12, 1))
            .unwrap(),
        vec![date(2026, 12, 1), date(2026, 12, 4), date(2026, 12, 7)]
    );
    assert_eq!(
        daily(3, SeriesEnd::Until(date(2026, 12, 6)))
            .dates(date(2026, 12, 1))
            .unwrap(),
        vec![date(2026, 12, 1), date(2026, 12, 4)]
    );
}

#[test]
fn until_the_first_date_is_one_occurrence() {
    assert_eq!(
        daily(1, SeriesEnd::Until(date(2026, 12, 1)))
            .dates(date(2026, 12, 1))
            .unwrap(),
        vec![date(2026, 12, 1)]
    );
}

#[test]
fn the_cap_is_104_occurrences() {
    let two_years = weekly(&[Weekday::Tue], SeriesEnd::Count(MAX_OCCURRENCES));
    assert_eq!(two_years.dates(date(2026, 11, 24)).unwrap().len(), 104);
    let one_more = weekly(&[Weekday::Tue], SeriesEnd::Count(MAX_OCCURRENCES + 1));
    let err = one_more.dates(date(2026, 11, 24)).unwrap_err();
    assert_eq!(err, RuleError::CountTooLarge(105));
    assert!(
        err.to_string()
            .contains("105 occurrences is more than the most a series may have, 104"),
        "{err}"
    );
}

#[test]
fn an_end_date_that_gives_more_than_104_is_refused_with_a_clear_message() {
    // Daily for a year.
    let err = daily(1, SeriesEnd::Until(date(2027, 11, 24)))
        .dates(date(2026, 11, 24))
        .unwrap_err();
    assert_eq!(err, RuleError::TooMany);
    let text = err.to_string();
    assert!(text.contains("more than 104 occurrences"), "{text}");
    assert!(text.contains("end it sooner"), "{text}");
    // 104 days exactly is fine.
    assert_eq!(
        daily(1, SeriesEnd::Until(date(2027, 3, 7)))
            .dates(date(2026, 11, 24))
            .unwrap()
            .len(),
        104
    );
}

#[test]
fn bad_rules_are_refused_with_what_to_do() {
    let start = date(2026, 11, 24);
    let cases: Vec<(SeriesRule, RuleError, &str)> = vec![
        (
            daily(0, SeriesEnd::Count(3)),
            RuleError::IntervalOutOfRange(0),
            "give a number from 1 to 52",
        ),
        (
            daily(53, SeriesEnd::Count(3)),
            RuleError::IntervalOutOfRange(53),
            "give a number from 1 to 52",
        ),
        (
            weekly(&[Weekday::Tue], SeriesEnd::Count(0)),
            RuleError::CountZero,
            "at least 1 occurrence",
        ),
        (
            weekly(&[Weekday::Tue], SeriesEnd::Until(date(2026, 11, 23))),
            RuleError::UntilBeforeStart {
                until: date(2026, 11, 23),
                start,
            },
            "choose a later end date",
        ),
        (
            // Mondays only, from a Tuesday, until the Wednesday after: no date fits.
            weekly(&[Weekday::Mon], SeriesEnd::Until(date(2026, 11, 25))),
            RuleError::NoOccurrence {
                start,
                until: date(2026, 11, 25),
            },
            "choose other weekdays",
        ),
        (
            SeriesRule {
                weekdays: vec![Weekday::Mon],
                ..daily(1, SeriesEnd::Count(3))
            },
            RuleError::WeekdaysOnDaily,
            "choose \"weekly\"",
        ),
    ];
    for (rule, expected, advice) in cases {
        let err = rule.dates(start).unwrap_err();
        assert_eq!(err, expected, "{rule:?}");
        assert!(err.to_string().contains(advice), "{err}");
    }
}

// ---------------------------------------------------------------------------------------------
// RRULE text

#[test]
fn the_rule_reads_from_the_command_line_form_and_the_rrule_form() {
    let expected = weekly(&[Weekday::Tue, Weekday::Thu], SeriesEnd::Count(10));
    for text in [
        "weekly;interval=1;byday=TU,TH;count=10",
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=10",
        " weekly ; byday = tu,th ; count = 10 ",
    ] {
        assert_eq!(SeriesRule::parse(text).unwrap(), expected, "{text}");
    }
    assert_eq!(
        SeriesRule::parse("daily;interval=2;until=2027-01-31").unwrap(),
        daily(2, SeriesEnd::Until(date(2027, 1, 31)))
    );
    assert_eq!(
        SeriesRule::parse("FREQ=DAILY;UNTIL=20270131").unwrap(),
        daily(1, SeriesEnd::Until(date(2027, 1, 31)))
    );
}

#[test]
fn unreadable_rules_say_what_is_wrong() {
    for (text, says) in [
        ("monthly;count=3", "is not daily or weekly"),
        ("weekly;count=ten", "is not a whole number"),
        ("weekly;byday=XX;count=3", "unknown weekday"),
        ("weekly;until=31/01/2027", "is not a date"),
        ("weekly;colour=red;count=2", "is not a part of a rule"),
        ("weekly;byday=MO", "has no end"),
        ("count=3", "neither daily nor weekly"),
    ] {
        let err = SeriesRule::parse(text).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(says), "{text}: {message}");
        assert!(
            message.contains("weekly;interval=1;byday=TU,TH;count=10"),
            "{message}"
        );
    }
    assert_eq!(
        SeriesRule::parse("weekly;count=200").unwrap_err(),
        RuleError::CountTooLarge(200)
    );
}

/// RFC 5545: each part once, COUNT or UNTIL but not both. Taking the last part (or either)
/// would book what the receptionist did not read; an end before the first date is refused
/// when the rule meets it.
#[test]
fn contradictory_rules_are_refused_never_read_by_their_last_part() {
    for (text, expected) in [
        (
            "FREQ=DAILY;COUNT=2;UNTIL=20261215",
            RuleError::CountAndUntil,
        ),
        ("daily;until=2026-11-30;count=3", RuleError::CountAndUntil),
        (
            "weekly;count=2;count=5",
            RuleError::RepeatedPart("count".into()),
        ),
        (
            "weekly;until=2027-01-01;until=2027-02-01",
            RuleError::RepeatedPart("until".into()),
        ),
        (
            "FREQ=WEEKLY;BYDAY=MO;BYDAY=TU;COUNT=2",
            RuleError::RepeatedPart("byday".into()),
        ),
        (
            "weekly;interval=1;interval=2;count=2",
            RuleError::RepeatedPart("interval".into()),
        ),
        (
            "weekly;daily;count=2",
            RuleError::RepeatedPart("how often (daily or weekly)".into()),
        ),
        (
            "FREQ=WEEKLY;FREQ=DAILY;COUNT=2",
            RuleError::RepeatedPart("how often (daily or weekly)".into()),
        ),
    ] {
        assert_eq!(SeriesRule::parse(text), Err(expected), "{text}");
    }
    assert_eq!(
        RuleError::CountAndUntil.to_string(),
        "the rule gives both a count and an end date: a series ends after a number of occurrences (count=N) or on a date (until=DATE), not both"
    );
    assert_eq!(
        RuleError::RepeatedPart("count".into()).to_string(),
        "the rule gives count twice: give each part once"
    );
    // An end date before the first date: refused, never an empty or one-day series.
    let rule = SeriesRule::parse("daily;until=2026-11-30").expect("rule");
    assert_eq!(
        rule.dates(date(2026, 12, 1)),
        Err(RuleError::UntilBeforeStart {
            until: date(2026, 11, 30),
            start: date(2026, 12, 1),
        })
    );
    // Our own RRULE (COUNT or UNTIL, each part once) still reads.
    let ours = weekly(&[Weekday::Tue, Weekday::Thu], SeriesEnd::Count(10));
    let written = ours.rrule(New_York, time(10, 0), date(2026, 11, 24));
    assert_eq!(SeriesRule::parse(&written), Ok(ours));
}

/// Our own iCalendar series on import reads its RRULE through the same parser.
#[test]
fn a_series_in_a_file_with_a_contradictory_rule_is_refused() {
    for (rrule, says) in [
        (
            "FREQ=WEEKLY;COUNT=2;UNTIL=20261215T043000Z",
            "both a count and an end date",
        ),
        ("FREQ=WEEKLY;COUNT=2;COUNT=5", "gives count twice"),
    ] {
        let ics = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:s1\r\n\
             DTSTART;TZID=America/New_York:20261201T100000\r\n\
             DTEND;TZID=America/New_York:20261201T101500\r\nRRULE:{rrule}\r\n\
             X-FRONTDESK-SERIES:00000000-0000-0000-0000-000000000077\r\n\
             SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let parsed = frontdesk::import::appointments::parse_ics(&ics).expect("ics");
        let [(_, master)] = parsed.series.as_slice() else {
            panic!("one series: {parsed:?}");
        };
        let refused = master.resolve(New_York).expect_err(rrule);
        assert!(
            refused.contains("has an RRULE Frontdesk cannot keep") && refused.contains(says),
            "{rrule}: {refused}"
        );
    }
}

#[test]
fn the_rule_writes_an_rrule_with_until_in_utc() {
    let rule = weekly(&[Weekday::Thu, Weekday::Tue], SeriesEnd::Count(10));
    assert_eq!(
        rule.rrule(New_York, time(10, 0), date(2026, 11, 24)),
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=10"
    );
    // Until Tuesday 2026-12-01 at 10:00 EST = 15:00Z.
    let until = weekly(&[Weekday::Tue], SeriesEnd::Until(date(2026, 12, 1)));
    assert_eq!(
        until.rrule(New_York, time(10, 0), date(2026, 10, 20)),
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261201T150000Z"
    );
    // No weekdays chosen: BYDAY is the first date's.
    assert_eq!(
        weekly(&[], SeriesEnd::Count(2)).rrule(London, time(9, 0), date(2026, 11, 27)),
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=FR;COUNT=2"
    );
    assert_eq!(
        daily(3, SeriesEnd::Count(4)).rrule(London, time(9, 0), date(2026, 11, 27)),
        "FREQ=DAILY;INTERVAL=3;COUNT=4"
    );
}

#[test]
fn the_rule_in_words() {
    assert_eq!(
        weekly(&[Weekday::Thu, Weekday::Tue], SeriesEnd::Count(10)).to_string(),
        "every week on Tue and Thu, 10 times"
    );
    assert_eq!(
        daily(3, SeriesEnd::Until(date(2027, 1, 31))).to_string(),
        "every 3 days until 2027-01-31"
    );
    let rule = SeriesRule {
        interval: 2,
        ..weekly(
            &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
            SeriesEnd::Count(1),
        )
    };
    assert_eq!(rule.to_string(), "every 2 weeks on Mon, Wed and Fri, once");
}

// ---------------------------------------------------------------------------------------------
// Deciding one occurrence

fn clash() -> Conflict {
    Conflict::OutsideWorkingHours {
        doctor: format!("Dr. {}", DoctorId(uuid::Uuid::nil())),
    }
}

fn gap() -> Conflict {
    Conflict::LocalTimeInGap {
        requested: wall(date(2027, 3, 28), time(1, 30)),
        next_valid: wall(date(2027, 3, 28), time(2, 0)),
        zone: London,
    }
}

#[test]
fn a_free_occurrence_is_booked_whatever_the_choice() {
    for on in [
        OnConflict::Refuse,
        OnConflict::Skip,
        OnConflict::Overbook("agreed".into()),
    ] {
        assert_eq!(
            series::decide_occurrence(Vec::new(), &on),
            OccurrenceDecision::Book {
                overbooked: None,
                conflicts: Vec::new()
            }
        );
    }
}

#[test]
fn a_hard_conflict_is_skipped_unless_overbooked_with_a_reason() {
    assert!(matches!(
        series::decide_occurrence(vec![clash()], &OnConflict::Skip),
        OccurrenceDecision::Skip(c) if c == vec![clash()]
    ));
    assert!(matches!(
        series::decide_occurrence(vec![clash()], &OnConflict::Refuse),
        OccurrenceDecision::Skip(_)
    ));
    assert_eq!(
        series::decide_occurrence(vec![clash()], &OnConflict::Overbook(" agreed ".into())),
        OccurrenceDecision::Book {
            overbooked: Some("agreed".into()),
            conflicts: vec![clash()]
        }
    );
    assert!(matches!(
        series::decide_occurrence(vec![clash()], &OnConflict::Overbook("  ".into())),
        OccurrenceDecision::Skip(_)
    ));
}

#[test]
fn a_time_that_does_not_exist_is_skipped_even_when_overbooking() {
    assert!(matches!(
        series::decide_occurrence(vec![gap()], &OnConflict::Overbook("agreed".into())),
        OccurrenceDecision::Skip(_)
    ));
    assert!(series::blocks(&[gap()]));
    assert!(series::blocks(&[clash()]));
    assert!(!series::blocks(&[]));
}

// ---------------------------------------------------------------------------------------------
// "This and the following ones"

#[test]
fn splitting_a_counted_weekly_series_ends_the_old_and_counts_what_remains() {
    let rule = weekly(&[Weekday::Tue, Weekday::Thu], SeriesEnd::Count(10));
    let start = date(2026, 11, 24);
    // From the fourth occurrence (Thu 3 Dec), one day later: Wednesdays and Fridays.
    let split = series::split(&rule, start, date(2026, 12, 3), 1).unwrap();
    assert_eq!(split.old.end, SeriesEnd::Until(date(2026, 12, 2)));
    assert_eq!(split.old.dates(start).unwrap().len(), 3);
    assert_eq!(split.new.weekdays, vec![Weekday::Wed, Weekday::Fri]);
    assert_eq!(split.new.end, SeriesEnd::Count(7));
    assert_eq!(split.new_start, date(2026, 12, 4));
    assert_eq!(split.following.len(), 7);
    assert_eq!(
        split.new_dates,
        split
            .following
            .iter()
            .map(|d| *d + chrono::Duration::days(1))
            .collect::<Vec<_>>()
    );
    assert_eq!(split.new_dates[0].weekday(), Weekday::Fri);
}

#[test]
fn splitting_for_a_new_time_only_keeps_the_dates() {
    let rule = daily(2, SeriesEnd::Until(date(2026, 12, 31)));
    let split = series::split(&rule, date(2026, 12, 1), date(2026, 12, 11), 0).unwrap();
    assert_eq!(split.new.end, SeriesEnd::Until(date(2026, 12, 31)));
    assert_eq!(split.new_dates, split.following);
    assert_eq!(split.new_dates.first(), Some(&date(2026, 12, 11)));
    assert_eq!(split.old.end, SeriesEnd::Until(date(2026, 12, 10)));
}

#[test]
fn splitting_at_a_date_that_is_not_an_occurrence_is_refused() {
    let rule = weekly(&[Weekday::Tue], SeriesEnd::Count(4));
    assert_eq!(
        series::split(&rule, date(2026, 11, 24), date(2026, 11, 25), 0).unwrap_err(),
        SplitError::NotAnOccurrence(date(2026, 11, 25))
    );
}

#[test]
fn a_shift_that_breaks_an_every_two_weeks_pattern_is_refused() {
    let rule = SeriesRule {
        interval: 2,
        ..weekly(&[Weekday::Tue, Weekday::Thu], SeriesEnd::Count(6))
    };
    let start = date(2026, 11, 24);
    let err = series::split(&rule, start, start, 5).unwrap_err();
    assert!(matches!(
        err,
        SplitError::BreaksPattern {
            days: 5,
            interval: 2
        }
    ));
    assert!(
        err.to_string().contains("move them by whole weeks"),
        "{err}"
    );
    // A whole week is fine.
    let split = series::split(&rule, start, start, 7).unwrap();
    assert_eq!(split.new.weekdays, vec![Weekday::Tue, Weekday::Thu]);
    assert_eq!(split.new_dates[0], date(2026, 12, 1));
}
