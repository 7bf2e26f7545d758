//! What reading a file's own time zone definitions (VTIMEZONE) costs, counted in the reader's
//! steps (`ics_vtimezone::WORK_BUDGET`), not in seconds: a rule's repeated list entries cost
//! nothing after their reading, and only the years the file's times fall in are worked out, so
//! a small file can no longer keep an import busy for minutes (a 15 KB rule with thousands of
//! `BYDAY=MO` took 21 s). And reading only those years gives the same times as reading them
//! all: a property over random yearly rules, read for one year and for every year.
//!
//! Cases: 400 random zones (each read three ways); about a second in a debug build.

use chrono::NaiveDate;
use frontdesk::import::ics_read::parse;
use frontdesk::import::ics_vtimezone::{DefinedZone, LAST_YEAR, WORK_BUDGET};
use proptest::prelude::*;

/// Every year an appointment may be in.
const ALL_YEARS: std::ops::RangeInclusive<i32> = 1900..=LAST_YEAR;

/// A VTIMEZONE with `observances` (each from BEGIN to END of a STANDARD or DAYLIGHT).
fn vtimezone(observances: &str) -> String {
    format!("BEGIN:VTIMEZONE\r\nTZID:Test\r\n{observances}END:VTIMEZONE\r\n")
}

/// Reads `text` for `years`: the zone (or why not) and the steps it took.
fn read(text: &str, years: std::ops::RangeInclusive<i32>) -> (Result<DefinedZone, String>, u32) {
    let top = parse(text).expect("a calendar");
    let mut budget = WORK_BUDGET;
    let zone = DefinedZone::read(&top[0], years, &mut budget);
    (zone, WORK_BUDGET - budget)
}

/// The reviewers' rule: from year 1, every Monday that is 31 February, the Monday said
/// `repeats` times.
fn slow_rule(repeats: usize) -> String {
    vtimezone(&format!(
        "BEGIN:STANDARD\r\nDTSTART:00010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31;BYDAY={}\r\nEND:STANDARD\r\n",
        vec!["MO"; repeats].join(",")
    ))
}

#[test]
fn repeated_list_entries_cost_nothing_after_their_reading() {
    for years in [2026..=2026, ALL_YEARS] {
        let (zone, once) = read(&slow_rule(1), years.clone());
        assert!(zone.is_ok(), "{zone:?}");
        for repeats in [2, 10, 1_000, 100_000] {
            let (zone, steps) = read(&slow_rule(repeats), years.clone());
            assert!(zone.is_ok(), "{zone:?}");
            assert_eq!(steps, once, "{repeats} Mondays in {years:?}");
        }
    }
    // Every list at its longest, each entry many times: a month costs one step for itself and
    // one for each different entry (77 weekday entries, 62 month days), whatever the text.
    let days: Vec<String> = ["", "1", "2", "3", "4", "5", "-1", "-2", "-3", "-4", "-5"]
        .iter()
        .flat_map(|o| ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].map(|d| format!("{o}{d}")))
        .collect();
    let month_days: Vec<String> = (1..=31)
        .flat_map(|d| [format!("{d}"), format!("-{d}")])
        .collect();
    let months: Vec<String> = (1..=12).map(|m| m.to_string()).collect();
    let rule = |times: usize| {
        vtimezone(&format!(
            "BEGIN:STANDARD\r\nDTSTART:20260101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH={};BYMONTHDAY={};BYDAY={}\r\nEND:STANDARD\r\n",
            vec![months.join(","); times].join(","),
            vec![month_days.join(","); times].join(","),
            vec![days.join(","); times].join(",")
        ))
    };
    let (_, once) = read(&rule(1), 2026..=2026);
    let (_, many) = read(&rule(300), 2026..=2026);
    assert_eq!(once, many);
    // 2026 and 2027, twelve months each, 140 steps a month, and one for each day found.
    assert!(once <= 2 * 12 * 140 + 2 * 366, "{once} steps");
}

#[test]
fn only_the_years_of_the_files_times_are_worked_out() {
    // As Outlook writes New York: rules from 1601.
    let outlook = vtimezone(
        "BEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n",
    );
    let (zone, steps) = read(&outlook, 2026..=2027);
    assert!(zone.is_ok(), "{zone:?}");
    // Each rule: 2025 to 2028 forward and 2024 for the change before, 3 steps a year.
    assert!(steps <= 2 * 5 * 3, "{steps} steps");
    // A rule that never matches (31 February), from year 1, costs its window and the 400
    // years back that show it never did.
    let (_, never) = read(&slow_rule(1), 2026..=2026);
    assert!(never <= (3 + 400) * 3, "{never} steps");
    // Hundreds of such rules in one file are refused once the budget is spent, not after
    // minutes; a file's zones share one budget.
    let observance = "BEGIN:DAYLIGHT\r\nDTSTART:00010101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31;BYDAY=MO,TU,WE,TH,FR,SA,SU,1MO,2MO,3MO,4MO,5MO,-1MO,-2MO\r\nEND:DAYLIGHT\r\n";
    let (zone, steps) = read(&vtimezone(&observance.repeat(400)), ALL_YEARS);
    assert!(zone.is_err_and(|e| e.contains("more than")));
    assert!(steps <= WORK_BUDGET);
}

/// A yearly rule's parts, as random as a hostile file's, in iCalendar text.
fn rule() -> impl Strategy<Value = String> {
    let weekday = prop::sample::select(vec!["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);
    let by_day = prop::collection::vec((-5i32..=5, weekday), 0..4).prop_map(|days| {
        days.into_iter()
            .map(|(o, d)| {
                if o == 0 {
                    d.to_owned()
                } else {
                    format!("{o}{d}")
                }
            })
            .collect::<Vec<_>>()
    });
    let month_day = prop_oneof![1i32..=31, -31i32..=-1];
    (
        prop::collection::vec(1u32..=12, 0..4),
        by_day,
        prop::collection::vec(month_day, 0..3),
        prop::option::of(1u32..=4),
        prop_oneof![
            3 => Just(String::new()),
            1 => (1u32..40).prop_map(|n| format!(";COUNT={n}")),
            1 => (1600i32..2200).prop_map(|y| format!(";UNTIL={y:04}0601T000000Z")),
        ],
    )
        .prop_map(|(months, days, month_days, interval, end)| {
            let mut parts = vec!["FREQ=YEARLY".to_owned()];
            let list = |v: Vec<String>| v.join(",");
            if !months.is_empty() {
                parts.push(format!(
                    "BYMONTH={}",
                    list(months.iter().map(u32::to_string).collect())
                ));
            }
            if !days.is_empty() {
                parts.push(format!("BYDAY={}", list(days)));
            }
            if !month_days.is_empty() {
                parts.push(format!(
                    "BYMONTHDAY={}",
                    list(month_days.iter().map(i32::to_string).collect())
                ));
            }
            if let Some(i) = interval {
                parts.push(format!("INTERVAL={i}"));
            }
            parts.join(";") + &end
        })
}

/// A start year as files give them: year 1, Outlook's 1601, 1970, or any.
fn start_year() -> impl Strategy<Value = i32> {
    prop_oneof![Just(1), Just(1601), Just(1970), 1800i32..2100]
}

/// Two observances with random rules, the offsets a zone with summer time has.
fn zone_text() -> impl Strategy<Value = (String, String, String)> {
    (start_year(), start_year(), rule(), rule()).prop_map(|(y1, y2, r1, r2)| {
        let observance = |kind: &str, year: i32, from: &str, to: &str, rule: &str| {
            format!(
                "BEGIN:{kind}\r\nDTSTART:{year:04}0301T020000\r\nTZOFFSETFROM:{from}\r\nTZOFFSETTO:{to}\r\nRRULE:{rule}\r\nEND:{kind}\r\n"
            )
        };
        let text = vtimezone(&format!(
            "{}{}",
            observance("STANDARD", y1, "-0400", "-0500", &r1),
            observance("DAYLIGHT", y2, "-0500", "-0400", &r2)
        ));
        (text, r1, r2)
    })
}

/// Each list entry of a rule said `times` times.
fn repeated(rule: &str, times: usize) -> String {
    rule.split(';')
        .map(|part| match part.split_once('=') {
            Some((key @ ("BYMONTH" | "BYDAY" | "BYMONTHDAY"), value)) => {
                format!("{key}={}", vec![value; times].join(","))
            }
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Read for one year, a zone gives every wall time of that year the instant (or gap, or
    /// fold) that reading every year gives it; repeating every list entry five times changes
    /// neither the zone nor the steps.
    #[test]
    fn a_zone_read_for_its_years_reads_them_as_a_full_reading_does(
        (text, r1, r2) in zone_text(),
        year in 1900i32..2150,
    ) {
        let (full, _) = read(&text, ALL_YEARS);
        let (window, steps) = read(&text, year..=year);
        let Ok(full) = full else {
            // A rule Frontdesk does not read (BYDAY=2MO without BYMONTH) is refused either way.
            prop_assert!(window.is_err());
            return Ok(());
        };
        let window = window.map_err(TestCaseError::fail)?;
        for month in 1..=12 {
            for day in [1, 8, 15, 22, 28] {
                for hour in [0, 1, 2, 3, 12, 23] {
                    let wall = NaiveDate::from_ymd_opt(year, month, day)
                        .and_then(|d| d.and_hms_opt(hour, 30, 0))
                        .expect("a wall time");
                    prop_assert_eq!(window.resolve(wall), full.resolve(wall), "{} in {}", wall, text);
                }
            }
        }
        // Whole RRULE lines, so one rule that begins another (BYMONTH=1, BYMONTH=10) is not
        // rewritten inside it.
        let line = |rule: &str| format!("RRULE:{rule}\r\n");
        let five = text
            .replace(&line(&r1), &line(&repeated(&r1, 5)))
            .replace(&line(&r2), &line(&repeated(&r2, 5)));
        let (again, again_steps) = read(&five, year..=year);
        prop_assert_eq!(again.as_ref().ok(), Some(&window));
        prop_assert_eq!(again_steps, steps);
    }
}

/// A file's times far apart (1999 and 2150) in one zone it defines from 1601: each is read
/// through the changes of its own year, as the file's years are all worked out.
#[test]
fn every_time_of_a_file_is_read_in_its_own_years_changes() {
    let event = |uid: &str, start: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID=Brussels:{start}\r\nDURATION:PT30M\r\nSUMMARY:Check-up\r\nORGANIZER;CN=Dr. Rao:mailto:rao@clinic.example\r\nATTENDEE;CN=Asha:mailto:asha@example.com\r\nEND:VEVENT\r\n"
        )
    };
    let text = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:Brussels\r\n\
         BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
         RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n\
         BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
         RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n{}{}{}END:VCALENDAR\r\n",
        event("a", "19990707T093000"),
        event("b", "21500115T093000"),
        event("c", "21500707T093000"),
    );
    let parsed = frontdesk::import::appointments::parse_ics(&text).expect("a calendar");
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let starts: Vec<String> = parsed
        .rows
        .iter()
        .map(|(_, r)| match r.start {
            frontdesk::import::When::Defined { at, .. } => at.to_rfc3339(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        starts,
        [
            "1999-07-07T07:30:00+00:00",
            "2150-01-15T08:30:00+00:00",
            "2150-07-07T07:30:00+00:00"
        ]
    );
}
