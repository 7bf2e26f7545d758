//! Property tests over the iCalendar reader and the iCalendar path of appointment import: on
//! any input, a clear error or a valid result, never a panic.
//!
//! - Any bytes (every script, combining marks, emoji, control characters, line breaks of every
//!   kind, folds inside characters) through decoding, detection, unfolding, content lines, TEXT
//!   unescaping and the component parser.
//! - Calendars shaped like real ones (VTIMEZONEs with random observances and rules, events with
//!   random dates, zones, durations, sequences, series rules and names, folded at random byte
//!   offsets, nested at random depths) through `parse_ics`, and then through a dry-run import
//!   into the fixture clinic: every bad row names a line of the file and says what is wrong
//!   without a raw control character; nothing is written.
//!
//! Cases: 3,000 for the byte-level properties, 1,500 calendars through the reader and 300
//! through the store; about 4 s in all on the 2-core CI machine (measured with
//! `cargo test --test ics_proptest`). PROPTEST_CASES overrides the counts.

mod exchange_fixture;

use std::sync::{Mutex, OnceLock};

use exchange_fixture::*;
use frontdesk::export::{fold_line, unfold};
use frontdesk::import::ics_read::{parse, parse_line, unescape_text};
use frontdesk::import::{self, ImportOptions};
use frontdesk::store::{SqliteStore, Store};
use proptest::prelude::*;

/// Pieces text is made of: every script, marks, emoji, the characters iCalendar treats
/// specially, controls and line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        Just(":".to_owned()),
        Just(";".to_owned()),
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("^".to_owned()),
        Just("^n".to_owned()),
        Just("\\".to_owned()),
        Just("\\n".to_owned()),
        Just("=".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\r\n ".to_owned()),
        Just("\n\t".to_owned()),
        Just("\u{0}\u{1b}[31m\u{7f}\u{85}".to_owned()),
        Just("Иван Петров".to_owned()),
        Just("संपर्क करें".to_owned()),
        Just("தமிழ்".to_owned()),
        Just("مرحبا".to_owned()),
        Just("検査日".to_owned()),
        Just("e\u{301}\u{302}\u{303}".to_owned()),
        Just("👩‍⚕️🏥😀".to_owned()),
        Just("\u{feff}".to_owned()),
        "[0-9]{1,30}",
        Just("BEGIN:VEVENT".to_owned()),
        Just("END:VEVENT".to_owned()),
        Just("BEGIN:VCALENDAR".to_owned()),
        Just("END:VCALENDAR".to_owned()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|p| p.concat())
}

/// Bytes: text, with some bytes cut out or flipped so that characters break.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        text(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    )
        .prop_map(|(text, flips)| {
            let mut bytes = text.into_bytes();
            for (at, byte) in flips {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
            }
            bytes
        })
}

/// A date-time value as files write it, or nearly.
fn when() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (2020..2030i32, 1..=12u32, 1..=31u32, 0..24u32, 0..60u32, any::<bool>()).prop_map(
            |(y, m, d, h, min, z)| format!(
                "{y:04}{m:02}{d:02}T{h:02}{min:02}00{}",
                if z { "Z" } else { "" }
            )
        ),
        1 => "[0-9]{8}T[0-9]{6}Z?",
        1 => "[+-]?[0-9]{1,12}T?[0-9]{0,8}",
        1 => Just("99991231T235959Z".to_owned()),
        1 => Just("20261101T013000".to_owned()),
        1 => Just("20270314T023000".to_owned()),
        1 => Just("20261124".to_owned()),
        1 => text(),
    ]
}

fn duration() -> impl Strategy<Value = String> {
    prop_oneof![
        "[+-]?P([0-9]{1,25}[WD])?(T([0-9]{1,25}H)?([0-9]{1,25}M)?([0-9]{1,25}S)?)?",
        Just("P9999999999W".to_owned()),
        Just("PT9223372036854775807S".to_owned()),
        Just("-P15250284452471W".to_owned()),
        text(),
    ]
}

fn tzid() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("America/New_York".to_owned()),
        Just("Europe/Brussels".to_owned()),
        Just("Eastern Standard Time".to_owned()),
        Just("\"(UTC+01:00) Brussels, Copenhagen, Madrid, Paris\"".to_owned()),
        Just("Custom".to_owned()),
        Just("/mozilla.org/20050126_1/Asia/Kolkata".to_owned()),
        Just("Mars/Olympus".to_owned()),
        "[A-Za-z/ _]{0,20}",
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..200u64).prop_map(|n| n.to_string()),
        Just("18446744073709551616".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999999999999999".to_owned()),
        "[0-9]{1,40}",
    ]
}

fn offset() -> impl Strategy<Value = String> {
    prop_oneof![
        (-14..=14i32, prop::sample::select(vec![0, 30, 45])).prop_map(|(h, m)| format!(
            "{}{:02}{m:02}",
            if h < 0 { '-' } else { '+' },
            h.abs()
        )),
        "[+-][0-9]{1,8}",
        text(),
    ]
}

/// One observance of a VTIMEZONE.
fn observance() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["STANDARD", "DAYLIGHT"]),
        prop_oneof![Just("16010101T020000".to_owned()), when()],
        offset(),
        offset(),
        prop::option::of((
            prop_oneof![
                Just("YEARLY".to_owned()),
                Just("DAILY".to_owned()),
                "[A-Z]{0,7}"
            ],
            prop::option::of(1..=12u32),
            prop::option::of(prop_oneof![
                Just("-1SU".to_owned()),
                Just("2SU".to_owned()),
                Just("SU".to_owned()),
                "[+-]?[0-9]{0,3}[A-Z]{2}"
            ]),
            prop::option::of(number()),
            prop::option::of(number()),
            prop::option::of(when()),
        )),
        prop::option::of(when()),
    )
        .prop_map(|(kind, start, from, to, rule, rdate)| {
            let mut o = format!(
                "BEGIN:{kind}\r\nDTSTART:{start}\r\nTZOFFSETFROM:{from}\r\nTZOFFSETTO:{to}\r\n"
            );
            if let Some((freq, month, day, count, interval, until)) = rule {
                let mut r = format!("RRULE:FREQ={freq}");
                if let Some(m) = month {
                    r += &format!(";BYMONTH={m}");
                }
                if let Some(d) = day {
                    r += &format!(";BYDAY={d}");
                }
                if let Some(c) = count {
                    r += &format!(";COUNT={c}");
                }
                if let Some(i) = interval {
                    r += &format!(";INTERVAL={i}");
                }
                if let Some(u) = until {
                    r += &format!(";UNTIL={u}");
                }
                o += &r;
                o += "\r\n";
            }
            if let Some(r) = rdate {
                o += &format!("RDATE:{r}\r\n");
            }
            o + &format!("END:{kind}\r\n")
        })
}

fn vtimezone() -> impl Strategy<Value = String> {
    (tzid(), prop::collection::vec(observance(), 0..3)).prop_map(|(tzid, observances)| {
        format!(
            "BEGIN:VTIMEZONE\r\nTZID:{}\r\n{}END:VTIMEZONE\r\n",
            tzid.trim_matches('"'),
            observances.concat()
        )
    })
}

/// One property of an event.
fn property() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (prop::option::of(tzid()), when()).prop_map(|(z, w)| match z {
            Some(z) => format!("DTEND;TZID={z}:{w}"),
            None => format!("DTEND:{w}"),
        }),
        3 => duration().prop_map(|d| format!("DURATION:{d}")),
        1 => number().prop_map(|n| format!("SEQUENCE:{n}")),
        1 => (when(), prop::option::of(tzid())).prop_map(|(w, z)| match z {
            Some(z) => format!("RECURRENCE-ID;TZID={z}:{w}"),
            None => format!("RECURRENCE-ID:{w}"),
        }),
        1 => (number(), number(), prop::option::of(when())).prop_map(|(c, i, u)| {
            let end = u.map_or(format!(";COUNT={c}"), |u| format!(";UNTIL={u}"));
            format!("RRULE:FREQ=WEEKLY;INTERVAL={i};BYDAY=WE{end}")
        }),
        1 => Just("X-FRONTDESK-SERIES:01940000-0000-7000-8000-0000000000c8".to_owned()),
        1 => text().prop_map(|t| format!("X-FRONTDESK-SERIES:{t}")),
        1 => when().prop_map(|w| format!("X-FRONTDESK-DTSTART;TZID=America/New_York:{w}")),
        1 => text().prop_map(|t| format!("X-FRONTDESK-OCCURRENCE:{t}")),
        1 => prop::sample::select(vec!["cancelled", "no_show", "completed", "maybe"])
            .prop_map(|s| format!("X-FRONTDESK-STATUS:{s}")),
        1 => text().prop_map(|t| format!("X-FRONTDESK-OVERBOOK-REASON:{t}")),
        1 => text().prop_map(|t| format!("DESCRIPTION:{t}")),
        2 => text().prop_map(|t| format!(
            "ATTENDEE;CN=\"{}\":mailto:someone@example.com",
            t.replace(['"', '\r', '\n'], "")
        )),
        1 => text().prop_map(|t| format!("ORGANIZER;CN={}:mailto:x@example.com", t.replace(['\r', '\n'], ""))),
        1 => text(),
    ]
}

fn vevent() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            3 => Just(None),
            2 => Just(Some("America/New_York".to_owned())),
            1 => tzid().prop_map(Some),
        ],
        when(),
        prop_oneof![
            4 => Just("DURATION:PT30M".to_owned()),
            1 => duration().prop_map(|d| format!("DURATION:{d}")),
            1 => when().prop_map(|w| format!("DTEND:{w}")),
            1 => Just(String::new()),
        ],
        prop::collection::vec(property(), 0..5),
    )
        .prop_map(|(zone, start, end, props)| {
            let dtstart = match zone {
                Some(z) => format!("DTSTART;TZID={z}:{start}"),
                None => format!("DTSTART:{start}"),
            };
            let mut e = format!(
                "BEGIN:VEVENT\r\nUID:{}@example\r\n{dtstart}\r\n{end}\r\n\
                 ORGANIZER;CN=Dr. Zoë Ångström:mailto:zoe@clinic.example\r\n\
                 ATTENDEE;CN=Asha:mailto:asha@example.com\r\n",
                start.len()
            );
            for p in props {
                e += &p;
                e += "\r\n";
            }
            e + "END:VEVENT\r\n"
        })
}

/// A calendar as bytes: zones, events, maybe an X-WR-TIMEZONE, maybe nested deeper, maybe cut,
/// folded at random byte offsets (inside characters too) with random line ends.
fn calendar() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::option::of(tzid()),
        prop::collection::vec(vtimezone(), 0..3),
        prop::collection::vec(vevent(), 0..5),
        prop_oneof![6 => Just(0usize), 1 => 1..12usize],
        prop_oneof![6 => Just(None), 1 => any::<prop::sample::Index>().prop_map(Some)],
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        prop::sample::select(vec!["\r\n", "\n", "\r"]),
    )
        .prop_map(|(x_wr, zones, events, depth, cut, folds, newline)| {
            let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n");
            if let Some(z) = x_wr {
                text += &format!("X-WR-TIMEZONE:{}\r\n", z.trim_matches('"'));
            }
            text += &zones.concat();
            text += &"BEGIN:X-NEST\r\n".repeat(depth);
            text += &events.concat();
            text += &"END:X-NEST\r\n".repeat(depth);
            text += "END:VCALENDAR\r\n";
            let mut bytes = text.replace("\r\n", newline).into_bytes();
            let mut folds: Vec<usize> = folds.iter().map(|i| i.index(bytes.len())).collect();
            folds.sort_unstable();
            for at in folds.into_iter().rev() {
                bytes.splice(at..at, format!("{newline} ").into_bytes());
            }
            if let Some(cut) = cut {
                bytes.truncate(cut.index(bytes.len() + 1));
            }
            bytes
        })
}

/// The number of physical lines `text` has, as the reader counts them.
fn physical_lines(text: &str) -> usize {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .count()
        + 1
}

fn no_raw_controls(message: &str) -> bool {
    !message.chars().any(char::is_control)
}

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(n),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases(3000))]

    /// Decoding, detection, unfolding, content lines, TEXT and the component parser never
    /// panic; a structural error names a line that exists.
    #[test]
    fn any_bytes_read_or_refused_without_a_panic(bytes in bytes()) {
        let decoded = import::decode(&bytes);
        if let Ok(text) = &decoded {
            let _ = import::detect(text);
            let lines = unfold(text);
            for (number, line) in &lines {
                prop_assert!(*number >= 1 && *number <= physical_lines(text));
                if let Some(p) = parse_line(line) {
                    let _ = unescape_text(&p.value);
                }
            }
            match parse(text) {
                Ok(_) => {}
                Err(broken) => {
                    prop_assert!(broken.line >= 1 && broken.line <= physical_lines(text));
                    prop_assert!(!broken.reason.is_empty() && no_raw_controls(&broken.reason));
                }
            }
            match import::appointments::parse_ics(text) {
                Ok(parsed) => {
                    for bad in &parsed.bad {
                        prop_assert!(!bad.reason.is_empty());
                    }
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }

    /// A folded line unfolds to itself, and no physical line is over 75 octets.
    #[test]
    fn folding_and_unfolding_give_the_line_back(line in text()) {
        // A content line: a name, then anything but a line break.
        let line: String = format!("X-NOTE:{line}")
            .chars()
            .filter(|c| *c != '\r' && *c != '\n')
            .collect();
        let mut out = Vec::new();
        fold_line(&line, &mut out).expect("write");
        let folded = String::from_utf8(out).expect("folds keep characters whole");
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            prop_assert!(physical.len() <= 75);
        }
        let back = unfold(&folded);
        prop_assert_eq!(back.len(), 1);
        prop_assert_eq!(&back[0].1, &line);
    }
}

proptest! {
    #![proptest_config(cases(1500))]

    /// Calendars shaped like real ones: the reader gives records and bad rows with real
    /// lines and plain messages, or says why the file cannot be read.
    #[test]
    fn calendars_read_into_records_or_bad_rows_with_their_lines(bytes in calendar()) {
        let Ok(text) = import::decode(&bytes) else { return Ok(()) };
        let lines = physical_lines(&text);
        match import::appointments::parse_ics(&text) {
            Ok(parsed) => {
                for bad in &parsed.bad {
                    prop_assert!(bad.line >= 1 && bad.line <= lines, "{bad}");
                    prop_assert!(!bad.reason.is_empty() && no_raw_controls(&bad.reason), "{bad}");
                    prop_assert!(bad.reason.chars().count() < 1000, "{bad}");
                }
                let records = parsed.rows.iter().map(|(l, _)| *l);
                for line in records.chain(parsed.series.iter().map(|(l, _)| *l)) {
                    prop_assert!(line >= 1 && line <= lines);
                }
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.is_empty() && no_raw_controls(&message), "{message}");
            }
        }
    }
}

/// The fixture clinic, shared by the cases of the store property (dry runs write nothing).
fn shared_store() -> &'static Mutex<(tempfile::TempDir, SqliteStore)> {
    static STORE: OnceLock<Mutex<(tempfile::TempDir, SqliteStore)>> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("dir");
        let store = store_in(dir.path(), "proptest.sqlite3", true);
        Mutex::new((dir, store))
    })
}

proptest! {
    #![proptest_config(cases(300))]

    /// The whole iCalendar path of `frontdesk import appointments`, as a dry run: the store
    /// judges whatever the reader gave without a panic, and each bad row names a line.
    #[test]
    fn importing_any_calendar_is_a_report_never_a_panic(bytes in calendar()) {
        let Ok(text) = import::decode(&bytes) else { return Ok(()) };
        let Ok(parsed) = import::appointments::parse_ics(&text) else { return Ok(()) };
        let lines = physical_lines(&text);
        let options = ImportOptions {
            clinic: setup().clinic.id,
            dry_run: true,
            overbook: None,
            source: "proptest".into(),
            default_doctor: None,
        };
        let mut guard = shared_store().lock().unwrap_or_else(|e| e.into_inner());
        let report = guard
            .1
            .import_appointments(&parsed, &options, "proptest", export_now(), &mut |_| {})
            .map_err(|e| TestCaseError::fail(format!("the store failed: {e}")))?;
        prop_assert!(!report.committed);
        for bad in report.bad.iter().chain(&report.notices) {
            prop_assert!(bad.line >= 1 && bad.line <= lines, "{bad}");
            prop_assert!(!bad.reason.is_empty(), "{bad}");
        }
    }
}
