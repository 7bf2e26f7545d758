//! Daylight-saving time, on the real 2026 transitions (DESIGN.md §2, time policy): a local time
//! in a gap is refused naming the next valid time; an ambiguous one takes the earlier instant and
//! says so; day lengths, weekly hours, visit lengths and slot alignment follow the wall clock.
//!
//! Expected instants are written out by hand (UTC). The first test pins them to the tz data that
//! chrono-tz ships, so a disagreement shows up as a tz-data fact, not as a guess about the code.
//!
//! 2026 transitions used here:
//! - America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC);
//!   2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).
//! - Europe/London: 2026-03-29 01:00 GMT → 02:00 BST (01:00 UTC);
//!   2026-10-25 02:00 BST → 01:00 GMT (01:00 UTC).
//! - Australia/Sydney: 2026-04-05 03:00 AEDT → 02:00 AEST (2026-04-04 16:00 UTC);
//!   2026-10-04 02:00 AEST → 03:00 AEDT (2026-10-03 16:00 UTC).
//! - Australia/Lord_Howe (half-hour shift): 2026-04-05 02:00 +11 → 01:30 +10:30
//!   (2026-04-04 15:00 UTC).
//! - Asia/Kolkata: none.

use chrono::{
    DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike, Utc,
    Weekday,
};
use chrono_tz::America::New_York;
use chrono_tz::Asia::Kolkata;
use chrono_tz::Australia::{Lord_Howe, Sydney};
use chrono_tz::Europe::London;
use chrono_tz::Tz;
use frontdesk::scheduling::time::{local_day, resolve_local};
use frontdesk::scheduling::{
    ClinicCalendar, Conflict, ConflictContext, DaySpan, DoctorCalendar, DoctorId, Interval, Kind,
    LocalTime, PatientId, Proposal, Severity, SlotQuery, SlotTarget, Verdict, WeeklyHours, check,
    decide, find_slots, plan_local,
};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// helpers

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn wall(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hm(h: u16, m: u16) -> u16 {
    h * 60 + m
}

/// Offset from UTC in minutes that `zone` has at `instant`, straight from the tz data.
fn offset_minutes(zone: Tz, instant: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&instant.naive_utc())
        .fix()
        .local_minus_utc()
        / 60
}

const ALL_DAYS: [Weekday; 7] = frontdesk::scheduling::hours::WEEKDAYS;

fn every_day(spans: &[DaySpan]) -> WeeklyHours {
    WeeklyHours::same_each(&ALL_DAYS, spans).unwrap()
}

fn doctor_id() -> DoctorId {
    DoctorId(Uuid::from_u128(0xD1))
}

/// A clinic open around the clock with one doctor working `hours`, over `window`.
fn calendar(zone: Tz, hours: WeeklyHours, window: Interval) -> ClinicCalendar {
    ClinicCalendar {
        zone,
        hours: WeeklyHours::always(),
        window,
        doctors: vec![DoctorCalendar {
            id: doctor_id(),
            name: "Dr. Night".to_owned(),
            hours,
            leave: Vec::new(),
            busy: Vec::new(),
        }],
        rooms: Vec::new(),
        patient_busy: Vec::new(),
    }
}

fn local_of(zone: Tz, instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&zone).naive_local()
}

// ---------------------------------------------------------------------------------------------
// the tz data itself

#[test]
fn tz_data_has_the_2026_transitions_these_tests_assume() {
    // (zone, last instant before, first instant after, offset before, offset after), minutes.
    let table: &[(Tz, DateTime<Utc>, i32, i32)] = &[
        (New_York, utc(2026, 3, 8, 7, 0), -300, -240),
        (New_York, utc(2026, 11, 1, 6, 0), -240, -300),
        (London, utc(2026, 3, 29, 1, 0), 0, 60),
        (London, utc(2026, 10, 25, 1, 0), 60, 0),
        (Sydney, utc(2026, 4, 4, 16, 0), 660, 600),
        (Sydney, utc(2026, 10, 3, 16, 0), 600, 660),
        (Lord_Howe, utc(2026, 4, 4, 15, 0), 660, 630),
    ];
    for (zone, at, before, after) in table {
        assert_eq!(
            offset_minutes(*zone, *at - Duration::seconds(1)),
            *before,
            "{zone} just before {at}"
        );
        assert_eq!(offset_minutes(*zone, *at), *after, "{zone} at {at}");
        // No other change within a week either side.
        assert_eq!(
            offset_minutes(*zone, *at - Duration::days(7)),
            *before,
            "{zone}"
        );
        assert_eq!(
            offset_minutes(*zone, *at + Duration::days(7)),
            *after,
            "{zone}"
        );
    }
    for month in 1..=12 {
        assert_eq!(offset_minutes(Kolkata, utc(2026, month, 15, 12, 0)), 330);
    }
}

// ---------------------------------------------------------------------------------------------
// every minute of the transition days

/// Resolves each minute of `day` in `zone`; returns the gap minutes (with their next valid time)
/// and the ambiguous minutes (with both instants), and checks every exact one.
#[allow(clippy::type_complexity)]
fn scan(
    zone: Tz,
    day: NaiveDate,
) -> (
    Vec<(NaiveTime, NaiveDateTime)>,
    Vec<(NaiveTime, DateTime<Utc>, DateTime<Utc>)>,
) {
    let mut gaps = Vec::new();
    let mut folds = Vec::new();
    for minute in 0..24 * 60 {
        let t = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap();
        match resolve_local(zone, day.and_time(t)) {
            LocalTime::Exact(instant) => {
                assert_eq!(local_of(zone, instant), day.and_time(t), "{zone} {day} {t}");
            }
            LocalTime::Gap { next_valid } => gaps.push((t, next_valid)),
            LocalTime::Ambiguous { earlier, later } => folds.push((t, earlier, later)),
        }
    }
    (gaps, folds)
}

fn minutes_from(h: u32, count: u32) -> Vec<NaiveTime> {
    (0..count)
        .map(|m| NaiveTime::from_hms_opt(h + m / 60, m % 60, 0).unwrap())
        .collect()
}

#[test]
fn gap_days_have_exactly_one_missing_hour_whose_next_valid_time_is_its_end() {
    let table: &[(Tz, NaiveDate, u32, &str)] = &[
        (New_York, date(2026, 3, 8), 2, "2026-03-08 03:00"),
        (London, date(2026, 3, 29), 1, "2026-03-29 02:00"),
        (Sydney, date(2026, 10, 4), 2, "2026-10-04 03:00"),
    ];
    for (zone, day, first_hour, next) in table {
        let (gaps, folds) = scan(*zone, *day);
        assert!(folds.is_empty(), "{zone} {day}: no fold expected");
        let missing: Vec<NaiveTime> = gaps.iter().map(|(t, _)| *t).collect();
        assert_eq!(missing, minutes_from(*first_hour, 60), "{zone} {day}");
        for (t, next_valid) in gaps {
            assert_eq!(next_valid, wall(next), "{zone} {day} {t}");
        }
    }
}

#[test]
fn fold_days_have_exactly_one_repeated_hour_and_the_earlier_instant_is_first() {
    // (zone, day, first repeated hour, offset of the earlier occurrence in minutes)
    let table: &[(Tz, NaiveDate, u32, i64)] = &[
        (New_York, date(2026, 11, 1), 1, -240),
        (London, date(2026, 10, 25), 1, 60),
        (Sydney, date(2026, 4, 5), 2, 660),
    ];
    for (zone, day, first_hour, earlier_offset) in table {
        let (gaps, folds) = scan(*zone, *day);
        assert!(gaps.is_empty(), "{zone} {day}: no gap expected");
        let repeated: Vec<NaiveTime> = folds.iter().map(|(t, _, _)| *t).collect();
        assert_eq!(repeated, minutes_from(*first_hour, 60), "{zone} {day}");
        for (t, earlier, later) in folds {
            let as_utc = Utc.from_utc_datetime(&day.and_time(t));
            assert_eq!(
                earlier,
                as_utc - Duration::minutes(*earlier_offset),
                "{zone} {day} {t}: earlier instant"
            );
            assert_eq!(later - earlier, Duration::hours(1), "{zone} {day} {t}");
        }
    }
}

#[test]
fn kolkata_has_no_transition_every_minute_is_exact_at_plus_five_thirty() {
    let day = date(2026, 3, 8);
    for minute in 0..24 * 60 {
        let t = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap();
        let want = Utc.from_utc_datetime(&day.and_time(t)) - Duration::minutes(330);
        assert_eq!(
            resolve_local(Kolkata, day.and_time(t)),
            LocalTime::Exact(want),
            "{t}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// plan_local: gap refused, fold takes the earlier instant

#[test]
fn new_york_0230_on_spring_forward_is_refused_naming_0300() {
    let plan = plan_local(New_York, wall("2026-03-08 02:30"), 30);
    assert_eq!(
        plan.interval, None,
        "a time that never happens gets no interval"
    );
    assert_eq!(
        plan.conflicts,
        vec![Conflict::LocalTimeInGap {
            requested: wall("2026-03-08 02:30"),
            next_valid: wall("2026-03-08 03:00"),
            zone: New_York,
        }]
    );
    assert_eq!(plan.conflicts[0].severity(), Severity::Invalid);
    let message = plan.conflicts[0].to_string();
    assert!(message.contains("2026-03-08 02:30"), "{message}");
    assert!(message.contains("03:00"), "{message}");
    assert!(message.contains("2026-03-08 03:00"), "{message}");
    assert!(message.contains("America/New_York"), "{message}");
    // No override books a time that does not exist.
    assert!(matches!(
        decide(plan.conflicts, Some("patient insists")),
        Verdict::Refuse(_)
    ));
}

#[test]
fn new_york_0130_on_fall_back_takes_the_earlier_instant_as_a_notice() {
    let plan = plan_local(New_York, wall("2026-11-01 01:30"), 30);
    let interval = plan.interval.expect("an ambiguous time still books");
    assert_eq!(interval.start, utc(2026, 11, 1, 5, 30), "01:30 EDT");
    assert_eq!(interval.end, utc(2026, 11, 1, 6, 0));
    assert_eq!(plan.conflicts.len(), 1);
    match &plan.conflicts[0] {
        Conflict::LocalTimeAmbiguous { requested, chosen } => {
            assert_eq!(*requested, wall("2026-11-01 01:30"));
            assert_eq!(chosen.with_timezone(&Utc), utc(2026, 11, 1, 5, 30));
            assert_eq!(chosen.offset().fix().local_minus_utc(), -4 * 3600);
        }
        other => panic!("expected an ambiguity notice, got {other:?}"),
    }
    assert_eq!(plan.conflicts[0].severity(), Severity::Notice);
    let message = plan.conflicts[0].to_string();
    assert!(message.contains("2026-11-01 01:30"), "{message}");
    assert!(message.contains("earlier"), "{message}");
    assert!(
        message.contains("-04:00"),
        "names the offset taken: {message}"
    );
    // A notice alone does not stop the booking and needs no overbook.
    match decide(plan.conflicts.clone(), None) {
        Verdict::Accept {
            overbooked,
            conflicts,
        } => {
            assert_eq!(overbooked, None);
            assert_eq!(conflicts, plan.conflicts, "the notice is kept to be shown");
        }
        other => panic!("expected accept, got {other:?}"),
    }
}

#[test]
fn plan_local_on_every_2026_transition() {
    enum Want {
        Gap(&'static str),
        Earlier(DateTime<Utc>, i32),
        Exact(DateTime<Utc>),
    }
    let table: Vec<(Tz, &str, Want)> = vec![
        // New York
        (
            New_York,
            "2026-03-08 01:59",
            Want::Exact(utc(2026, 3, 8, 6, 59)),
        ),
        (New_York, "2026-03-08 02:00", Want::Gap("2026-03-08 03:00")),
        (New_York, "2026-03-08 02:59", Want::Gap("2026-03-08 03:00")),
        (
            New_York,
            "2026-03-08 03:00",
            Want::Exact(utc(2026, 3, 8, 7, 0)),
        ),
        (
            New_York,
            "2026-11-01 00:59",
            Want::Exact(utc(2026, 11, 1, 4, 59)),
        ),
        (
            New_York,
            "2026-11-01 01:00",
            Want::Earlier(utc(2026, 11, 1, 5, 0), -240),
        ),
        (
            New_York,
            "2026-11-01 01:59",
            Want::Earlier(utc(2026, 11, 1, 5, 59), -240),
        ),
        (
            New_York,
            "2026-11-01 02:00",
            Want::Exact(utc(2026, 11, 1, 7, 0)),
        ),
        // London
        (
            London,
            "2026-03-29 00:59",
            Want::Exact(utc(2026, 3, 29, 0, 59)),
        ),
        (London, "2026-03-29 01:00", Want::Gap("2026-03-29 02:00")),
        (London, "2026-03-29 01:30", Want::Gap("2026-03-29 02:00")),
        (
            London,
            "2026-03-29 02:00",
            Want::Exact(utc(2026, 3, 29, 1, 0)),
        ),
        (
            London,
            "2026-10-25 00:59",
            Want::Exact(utc(2026, 10, 24, 23, 59)),
        ),
        (
            London,
            "2026-10-25 01:30",
            Want::Earlier(utc(2026, 10, 25, 0, 30), 60),
        ),
        (
            London,
            "2026-10-25 02:00",
            Want::Exact(utc(2026, 10, 25, 2, 0)),
        ),
        // Sydney (clocks go back in April, forward in October)
        (
            Sydney,
            "2026-04-05 01:59",
            Want::Exact(utc(2026, 4, 4, 14, 59)),
        ),
        (
            Sydney,
            "2026-04-05 02:00",
            Want::Earlier(utc(2026, 4, 4, 15, 0), 660),
        ),
        (
            Sydney,
            "2026-04-05 02:30",
            Want::Earlier(utc(2026, 4, 4, 15, 30), 660),
        ),
        (
            Sydney,
            "2026-04-05 03:00",
            Want::Exact(utc(2026, 4, 4, 17, 0)),
        ),
        (
            Sydney,
            "2026-10-04 01:59",
            Want::Exact(utc(2026, 10, 3, 15, 59)),
        ),
        (Sydney, "2026-10-04 02:30", Want::Gap("2026-10-04 03:00")),
        (
            Sydney,
            "2026-10-04 03:00",
            Want::Exact(utc(2026, 10, 3, 16, 0)),
        ),
        // Kolkata: nothing happens on the New York day
        (
            Kolkata,
            "2026-03-08 02:30",
            Want::Exact(utc(2026, 3, 7, 21, 0)),
        ),
    ];
    for (zone, text, want) in table {
        let plan = plan_local(zone, wall(text), 15);
        match want {
            Want::Gap(next) => {
                assert_eq!(plan.interval, None, "{zone} {text}");
                assert_eq!(
                    plan.conflicts,
                    vec![Conflict::LocalTimeInGap {
                        requested: wall(text),
                        next_valid: wall(next),
                        zone,
                    }],
                    "{zone} {text}"
                );
                let next_hhmm = &next[11..];
                assert!(
                    plan.conflicts[0].to_string().contains(next_hhmm),
                    "{zone} {text}: {}",
                    plan.conflicts[0]
                );
            }
            Want::Earlier(start, offset) => {
                let iv = plan.interval.unwrap_or_else(|| panic!("{zone} {text}"));
                assert_eq!(iv.start, start, "{zone} {text}");
                assert_eq!(iv.minutes(), 15, "{zone} {text}");
                assert_eq!(plan.conflicts.len(), 1, "{zone} {text}");
                assert_eq!(
                    plan.conflicts[0].severity(),
                    Severity::Notice,
                    "{zone} {text}"
                );
                match &plan.conflicts[0] {
                    Conflict::LocalTimeAmbiguous { chosen, .. } => {
                        assert_eq!(chosen.offset().fix().local_minus_utc(), offset * 60);
                    }
                    other => panic!("{zone} {text}: {other:?}"),
                }
            }
            Want::Exact(start) => {
                assert_eq!(plan.conflicts, vec![], "{zone} {text}");
                let iv = plan.interval.unwrap_or_else(|| panic!("{zone} {text}"));
                assert_eq!(iv.start, start, "{zone} {text}");
                assert_eq!(iv.end, start + Duration::minutes(15), "{zone} {text}");
            }
        }
    }
}

#[test]
fn sydney_fold_notice_names_the_daylight_offset_taken() {
    let plan = plan_local(Sydney, wall("2026-04-05 02:30"), 20);
    let message = plan.conflicts[0].to_string();
    assert!(message.contains("02:30"), "{message}");
    assert!(message.contains("+11:00"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// visit lengths are real elapsed time

#[test]
fn visits_across_a_clock_change_last_their_real_length() {
    // (zone, local start, minutes, UTC start, local wall end)
    let table: &[(Tz, &str, i64, DateTime<Utc>, &str)] = &[
        // Fold: 60 minutes from 01:30 EDT ends at 01:30 EST.
        (
            New_York,
            "2026-11-01 01:30",
            60,
            utc(2026, 11, 1, 5, 30),
            "2026-11-01 01:30",
        ),
        (
            New_York,
            "2026-11-01 00:30",
            60,
            utc(2026, 11, 1, 4, 30),
            "2026-11-01 01:30",
        ),
        (
            New_York,
            "2026-11-01 00:45",
            120,
            utc(2026, 11, 1, 4, 45),
            "2026-11-01 01:45",
        ),
        // Gap: 60 minutes from 01:30 EST ends at 03:30 EDT.
        (
            New_York,
            "2026-03-08 01:30",
            60,
            utc(2026, 3, 8, 6, 30),
            "2026-03-08 03:30",
        ),
        (
            London,
            "2026-10-25 01:30",
            60,
            utc(2026, 10, 25, 0, 30),
            "2026-10-25 01:30",
        ),
        (
            London,
            "2026-03-29 00:30",
            60,
            utc(2026, 3, 29, 0, 30),
            "2026-03-29 02:30",
        ),
        (
            Sydney,
            "2026-04-05 02:30",
            60,
            utc(2026, 4, 4, 15, 30),
            "2026-04-05 02:30",
        ),
        (
            Sydney,
            "2026-10-04 01:30",
            60,
            utc(2026, 10, 3, 15, 30),
            "2026-10-04 03:30",
        ),
    ];
    for (zone, start, minutes, utc_start, local_end) in table {
        let iv = plan_local(*zone, wall(start), *minutes)
            .interval
            .unwrap_or_else(|| panic!("{zone} {start}"));
        assert_eq!(iv.start, *utc_start, "{zone} {start}");
        assert_eq!(
            iv.end - iv.start,
            Duration::minutes(*minutes),
            "{zone} {start}"
        );
        assert_eq!(iv.minutes(), *minutes, "{zone} {start}");
        assert_eq!(local_of(*zone, iv.end), wall(local_end), "{zone} {start}");
    }
}

// ---------------------------------------------------------------------------------------------
// days and weekly hours

#[test]
fn local_day_is_23_or_25_hours_on_transition_days() {
    // (zone, date, hours long, UTC start)
    let table: &[(Tz, NaiveDate, i64, DateTime<Utc>)] = &[
        (New_York, date(2026, 3, 7), 24, utc(2026, 3, 7, 5, 0)),
        (New_York, date(2026, 3, 8), 23, utc(2026, 3, 8, 5, 0)),
        (New_York, date(2026, 3, 9), 24, utc(2026, 3, 9, 4, 0)),
        (New_York, date(2026, 11, 1), 25, utc(2026, 11, 1, 4, 0)),
        (New_York, date(2026, 11, 2), 24, utc(2026, 11, 2, 5, 0)),
        (London, date(2026, 3, 29), 23, utc(2026, 3, 29, 0, 0)),
        (London, date(2026, 10, 25), 25, utc(2026, 10, 24, 23, 0)),
        (Sydney, date(2026, 4, 5), 25, utc(2026, 4, 4, 13, 0)),
        (Sydney, date(2026, 10, 4), 23, utc(2026, 10, 3, 14, 0)),
        (Kolkata, date(2026, 3, 8), 24, utc(2026, 3, 7, 18, 30)),
    ];
    for (zone, day, hours, start) in table {
        let iv = local_day(*zone, *day);
        assert_eq!(iv.start, *start, "{zone} {day}: start");
        assert_eq!(
            iv.end - iv.start,
            Duration::hours(*hours),
            "{zone} {day}: length"
        );
        // Consecutive days tile the timeline.
        assert_eq!(
            iv.end,
            local_day(*zone, day.succ_opt().unwrap()).start,
            "{zone} {day}"
        );
    }
}

#[test]
fn weekly_hours_give_0900_local_on_both_sides_of_each_transition() {
    let hours = every_day(&[DaySpan::new(hm(9, 0), hm(17, 0))]);
    // (zone, day before, day of, day after, UTC 09:00 on each)
    let table: &[(Tz, NaiveDate, [DateTime<Utc>; 3])] = &[
        (
            New_York,
            date(2026, 3, 7),
            [
                utc(2026, 3, 7, 14, 0),
                utc(2026, 3, 8, 13, 0),
                utc(2026, 3, 9, 13, 0),
            ],
        ),
        (
            New_York,
            date(2026, 10, 31),
            [
                utc(2026, 10, 31, 13, 0),
                utc(2026, 11, 1, 14, 0),
                utc(2026, 11, 2, 14, 0),
            ],
        ),
        (
            London,
            date(2026, 3, 28),
            [
                utc(2026, 3, 28, 9, 0),
                utc(2026, 3, 29, 8, 0),
                utc(2026, 3, 30, 8, 0),
            ],
        ),
        (
            London,
            date(2026, 10, 24),
            [
                utc(2026, 10, 24, 8, 0),
                utc(2026, 10, 25, 9, 0),
                utc(2026, 10, 26, 9, 0),
            ],
        ),
        (
            Sydney,
            date(2026, 4, 4),
            [
                utc(2026, 4, 3, 22, 0),
                utc(2026, 4, 4, 23, 0),
                utc(2026, 4, 5, 23, 0),
            ],
        ),
        (
            Sydney,
            date(2026, 10, 3),
            [
                utc(2026, 10, 2, 23, 0),
                utc(2026, 10, 3, 22, 0),
                utc(2026, 10, 4, 22, 0),
            ],
        ),
    ];
    for (zone, first, starts) in table {
        let last = first.succ_opt().unwrap().succ_opt().unwrap();
        let got = hours.intervals(*zone, *first, last);
        let want: Vec<Interval> = starts
            .iter()
            .map(|s| Interval::new(*s, *s + Duration::hours(8)))
            .collect();
        assert_eq!(got, want, "{zone} from {first}");
    }
}

#[test]
fn weekly_hours_spanning_the_clock_change_follow_the_wall_clock() {
    // Night shift 00:00–06:00 local: 5 real hours on a gap day, 7 on a fold day.
    let night = every_day(&[DaySpan::new(hm(0, 0), hm(6, 0))]);
    let table: &[(Tz, NaiveDate, DateTime<Utc>, DateTime<Utc>)] = &[
        (
            New_York,
            date(2026, 3, 8),
            utc(2026, 3, 8, 5, 0),
            utc(2026, 3, 8, 10, 0),
        ),
        (
            New_York,
            date(2026, 11, 1),
            utc(2026, 11, 1, 4, 0),
            utc(2026, 11, 1, 11, 0),
        ),
        (
            London,
            date(2026, 3, 29),
            utc(2026, 3, 29, 0, 0),
            utc(2026, 3, 29, 5, 0),
        ),
        (
            London,
            date(2026, 10, 25),
            utc(2026, 10, 24, 23, 0),
            utc(2026, 10, 25, 6, 0),
        ),
        (
            Sydney,
            date(2026, 4, 5),
            utc(2026, 4, 4, 13, 0),
            utc(2026, 4, 4, 20, 0),
        ),
        (
            Sydney,
            date(2026, 10, 4),
            utc(2026, 10, 3, 14, 0),
            utc(2026, 10, 3, 19, 0),
        ),
    ];
    for (zone, day, start, end) in table {
        assert_eq!(
            night.intervals(*zone, *day, *day),
            vec![Interval::new(*start, *end)],
            "{zone} {day}"
        );
    }
    // A span that starts inside the gap starts when the clock reaches 03:00.
    let from_0230 = every_day(&[DaySpan::new(hm(2, 30), hm(4, 0))]);
    assert_eq!(
        from_0230.intervals(New_York, date(2026, 3, 8), date(2026, 3, 8)),
        vec![Interval::new(utc(2026, 3, 8, 7, 0), utc(2026, 3, 8, 8, 0))]
    );
}

#[test]
fn a_whole_day_span_is_23_or_25_hours_on_transition_days() {
    let sundays = WeeklyHours::same_each(&[Weekday::Sun], &[DaySpan::new(0, 24 * 60)]).unwrap();
    let table: &[(Tz, NaiveDate, i64)] = &[
        (New_York, date(2026, 3, 8), 23),
        (New_York, date(2026, 11, 1), 25),
        (London, date(2026, 3, 29), 23),
        (London, date(2026, 10, 25), 25),
        (Sydney, date(2026, 4, 5), 25),
        (Sydney, date(2026, 10, 4), 23),
    ];
    for (zone, day, hours) in table {
        let got = sundays.intervals(*zone, *day, *day);
        assert_eq!(got, vec![local_day(*zone, *day)], "{zone} {day}");
        assert_eq!(
            got[0].end - got[0].start,
            Duration::hours(*hours),
            "{zone} {day}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// conflict check on a transition day

#[test]
fn working_hours_are_checked_in_local_time_on_the_day_of_the_change() {
    let context = ConflictContext {
        zone: New_York,
        clinic_name: "Brooklyn Clinic".to_owned(),
        clinic_hours: WeeklyHours::always(),
        doctor_name: "Dr. Ortiz".to_owned(),
        doctor_active: true,
        doctor_hours: every_day(&[DaySpan::new(hm(9, 0), hm(17, 0))]),
        doctor_leave: Vec::new(),
        room: None,
        nearby: Vec::new(),
    };
    let now = utc(2026, 1, 1, 0, 0);
    let table: &[(&str, bool)] = &[
        ("2026-03-08 09:00", true),
        ("2026-03-08 16:30", true),
        ("2026-03-08 08:30", false),
        ("2026-03-08 16:45", false),
        ("2026-11-01 09:00", true),
        ("2026-11-01 08:30", false),
        ("2026-11-01 16:30", true),
        ("2026-11-01 16:45", false),
    ];
    for (start, inside) in table {
        let plan = plan_local(New_York, wall(start), 30);
        let proposal = Proposal {
            doctor: doctor_id(),
            room: None,
            patient: PatientId(Uuid::from_u128(0xB1)),
            interval: plan.interval.unwrap(),
            kind: Kind::Scheduled,
            moving: None,
        };
        let conflicts = check(&proposal, &context, now);
        if *inside {
            assert_eq!(conflicts, vec![], "{start}");
        } else {
            assert_eq!(
                conflicts,
                vec![Conflict::OutsideWorkingHours {
                    doctor: "Dr. Ortiz".to_owned()
                }],
                "{start}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// slot finder alignment across the change

fn all_slots(cal: &ClinicCalendar, minutes: u32, step: u32) -> Vec<Interval> {
    let query = SlotQuery {
        minutes,
        step_minutes: step,
        from: cal.window.start,
        count: 10_000,
    };
    find_slots(cal, SlotTarget::Doctor(doctor_id()), &query, cal.window.end)
        .into_iter()
        .map(|s| s.interval)
        .collect()
}

#[test]
fn slots_keep_their_local_grid_on_the_days_after_a_change() {
    // Doctor works 09:00–12:00 every day; 15-minute visits on a 15-minute grid.
    let hours = every_day(&[DaySpan::new(hm(9, 0), hm(12, 0))]);
    // (zone, first day, the day after the change, its 09:00 in UTC)
    let table: &[(Tz, NaiveDate, NaiveDate, DateTime<Utc>)] = &[
        (
            New_York,
            date(2026, 3, 6),
            date(2026, 3, 9),
            utc(2026, 3, 9, 13, 0),
        ),
        (
            New_York,
            date(2026, 10, 30),
            date(2026, 11, 2),
            utc(2026, 11, 2, 14, 0),
        ),
        (
            London,
            date(2026, 3, 27),
            date(2026, 3, 30),
            utc(2026, 3, 30, 8, 0),
        ),
        (
            London,
            date(2026, 10, 23),
            date(2026, 10, 26),
            utc(2026, 10, 26, 9, 0),
        ),
        (
            Sydney,
            date(2026, 4, 3),
            date(2026, 4, 6),
            utc(2026, 4, 5, 23, 0),
        ),
        (
            Sydney,
            date(2026, 10, 2),
            date(2026, 10, 5),
            utc(2026, 10, 4, 22, 0),
        ),
    ];
    for (zone, first, after, nine) in table {
        let last = *first + Duration::days(5);
        let window = Interval::new(local_day(*zone, *first).start, local_day(*zone, last).start);
        let slots = all_slots(&calendar(*zone, hours.clone(), window), 15, 15);
        // 5 days × 12 slots, each starting on the local quarter hour between 09:00 and 11:45.
        assert_eq!(slots.len(), 60, "{zone} from {first}");
        for s in &slots {
            let start = local_of(*zone, s.start);
            assert_eq!(start.minute() % 15, 0, "{zone}: slot at {start}");
            assert!((9..12).contains(&start.hour()), "{zone}: slot at {start}");
            assert_eq!(s.minutes(), 15, "{zone}: slot at {start}");
        }
        let on_day: Vec<NaiveTime> = slots
            .iter()
            .map(|s| local_of(*zone, s.start))
            .filter(|t| t.date() == *after)
            .map(|t| t.time())
            .collect();
        assert_eq!(on_day.len(), 12, "{zone} {after}");
        assert_eq!(
            on_day[0],
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            "{zone} {after}"
        );
        assert_eq!(
            on_day[1],
            NaiveTime::from_hms_opt(9, 15, 0).unwrap(),
            "{zone} {after}"
        );
        let first_after = slots
            .iter()
            .find(|s| local_of(*zone, s.start).date() == *after);
        assert_eq!(first_after.unwrap().start, *nine, "{zone} {after}");
    }
}

#[test]
fn slots_from_mid_morning_after_the_change_round_up_to_the_local_grid() {
    let hours = every_day(&[DaySpan::new(hm(9, 0), hm(12, 0))]);
    let window = Interval::new(utc(2026, 3, 6, 0, 0), utc(2026, 3, 12, 0, 0));
    let cal = calendar(New_York, hours, window);
    // 2026-03-09 09:07 EDT.
    let query = SlotQuery {
        minutes: 20,
        step_minutes: 15,
        from: utc(2026, 3, 9, 13, 7),
        count: 3,
    };
    let starts: Vec<DateTime<Utc>> =
        find_slots(&cal, SlotTarget::Doctor(doctor_id()), &query, window.end)
            .into_iter()
            .map(|s| s.interval.start)
            .collect();
    assert_eq!(
        starts,
        vec![
            utc(2026, 3, 9, 13, 15),
            utc(2026, 3, 9, 13, 30),
            utc(2026, 3, 9, 13, 45)
        ]
    );
}

#[test]
fn hourly_slots_on_the_night_of_the_change_skip_or_repeat_the_hour() {
    let night = every_day(&[DaySpan::new(hm(0, 0), hm(6, 0))]);
    // (zone, day, local starts in order, count)
    let table: &[(Tz, NaiveDate, &[&str])] = &[
        (
            New_York,
            date(2026, 3, 8),
            &["00:00", "01:00", "03:00", "04:00", "05:00"],
        ),
        (
            New_York,
            date(2026, 11, 1),
            &[
                "00:00", "01:00", "01:00", "02:00", "03:00", "04:00", "05:00",
            ],
        ),
        (
            London,
            date(2026, 3, 29),
            &["00:00", "02:00", "03:00", "04:00", "05:00"],
        ),
        (
            Sydney,
            date(2026, 4, 5),
            &[
                "00:00", "01:00", "02:00", "02:00", "03:00", "04:00", "05:00",
            ],
        ),
    ];
    for (zone, day, want) in table {
        let window = local_day(*zone, *day);
        let slots = all_slots(&calendar(*zone, night.clone(), window), 60, 60);
        let got: Vec<String> = slots
            .iter()
            .map(|s| local_of(*zone, s.start).format("%H:%M").to_string())
            .collect();
        assert_eq!(got, *want, "{zone} {day}");
        for pair in slots.windows(2) {
            assert_eq!(
                pair[1].start - pair[0].start,
                Duration::hours(1),
                "{zone} {day}"
            );
        }
    }
}

#[test]
fn slots_after_a_half_hour_change_stay_on_the_hour() {
    // Lord Howe Island moves its clocks by 30 minutes: an hourly grid computed with the wrong
    // offset would land on :30.
    let hours = every_day(&[DaySpan::new(hm(9, 0), hm(12, 0))]);
    let window = Interval::new(
        local_day(Lord_Howe, date(2026, 4, 3)).start,
        local_day(Lord_Howe, date(2026, 4, 8)).start,
    );
    let slots = all_slots(&calendar(Lord_Howe, hours, window), 60, 60);
    assert_eq!(slots.len(), 5 * 3);
    for s in &slots {
        let start = local_of(Lord_Howe, s.start);
        assert_eq!(start.minute(), 0, "slot at {start}");
        assert!((9..12).contains(&start.hour()), "slot at {start}");
    }
    // 2026-04-06 09:00 at +10:30 is 2026-04-05 22:30 UTC.
    assert!(slots.iter().any(|s| s.start == utc(2026, 4, 5, 22, 30)));
}
