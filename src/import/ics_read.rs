//! Reading iCalendar: unfolding, content lines (name, parameters with quoted and RFC 6868
//! caret-encoded values, value), components nested by BEGIN/END (a bounded depth), TEXT
//! unescaping, the date-time forms (UTC, TZID, floating, DATE) read in the file's zones
//! (`ics_zone.rs`), and durations, every number checked.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::When;
use super::ics_vtimezone::{self, DefinedZone, WallTime};
use super::ics_zone::{FileZone, Zones};
use crate::export::unfold;

/// One content line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// The name, upper case.
    pub name: String,
    /// Parameters: names upper case, values decoded.
    pub params: Vec<(String, String)>,
    /// The raw value (TEXT still escaped).
    pub value: String,
}

impl Property {
    /// A parameter's value.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A component with its properties and sub-components.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Component {
    /// Its name, upper case (VEVENT …).
    pub name: String,
    /// The line of its BEGIN.
    pub line: usize,
    /// Its properties, in order.
    pub props: Vec<Property>,
    /// Its sub-components.
    pub children: Vec<Component>,
}

impl Component {
    /// The first property called `name`.
    pub fn prop(&self, name: &str) -> Option<&Property> {
        self.props.iter().find(|p| p.name == name)
    }

    /// Every property called `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }
}

fn decode_param(value: &str) -> String {
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '^' {
            match chars.peek() {
                Some('n') => {
                    chars.next();
                    out.push('\n');
                }
                Some('\'') => {
                    chars.next();
                    out.push('"');
                }
                Some('^') => {
                    chars.next();
                    out.push('^');
                }
                _ => out.push('^'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a content line into its parts; `None` when it has no `:` outside quotes.
pub fn parse_line(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let mut colon = None;
    let mut cuts = Vec::new();
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => cuts.push(i),
            ':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let head = &line[..colon];
    let value = line[colon + 1..].to_owned();
    let mut parts = Vec::new();
    let mut last = 0;
    for cut in cuts {
        parts.push(&head[last..cut]);
        last = cut + 1;
    }
    parts.push(&head[last..]);
    let name = parts.first()?.trim().to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let params = parts[1..]
        .iter()
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((k.trim().to_ascii_uppercase(), decode_param(v)))
        })
        .collect();
    Some(Property {
        name,
        params,
        value,
    })
}

/// An iCalendar file's bytes with every character that a fold split put back together:
/// RFC 5545 §3.1 lets simple writers fold inside a multi-byte UTF-8 character and asks readers
/// to restore it. The start of the split character moves after the fold's line break and
/// space, so the physical lines (and their numbers) stay. `None` when the bytes are not an
/// iCalendar file or no fold split a character.
pub fn mend_split_characters(bytes: &[u8]) -> Option<Vec<u8>> {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = body.get(first..).and_then(|b| b.get(..15));
    if !head.is_some_and(|h| h.eq_ignore_ascii_case(b"BEGIN:VCALENDAR")) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let line_break = match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\n' => 1,
            _ => 0,
        };
        if line_break > 0 && matches!(bytes.get(i + line_break), Some(b' ' | b'\t')) {
            let split = incomplete_tail(&out);
            let tail = out.split_off(out.len() - split);
            out.extend_from_slice(&bytes[i..i + line_break + 1]);
            out.extend_from_slice(&tail);
            changed |= split > 0;
            i += line_break + 1;
            continue;
        }
        out.push(b);
        i += 1;
    }
    changed.then_some(out)
}

/// How many bytes at the end of `bytes` start a UTF-8 character they do not finish.
fn incomplete_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let needs = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => return 0,
        };
        return if back < needs { back } else { 0 };
    }
    0
}

/// What is wrong with a file's structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// Where.
    pub line: usize,
    /// What.
    pub reason: String,
}

/// How deep components may nest. Real files nest three levels (VCALENDAR › VTIMEZONE ›
/// STANDARD, VCALENDAR › VEVENT › VALARM); the limit keeps a damaged or hostile file from
/// building a tree too deep to walk.
pub const MAX_DEPTH: usize = 8;

/// The top-level components of `text`. Lines outside any component and lines without `:` are
/// skipped (clients write stray blank or comment lines). An END that closes nothing or the
/// wrong component, components nested deeper than [`MAX_DEPTH`], and a file that ends inside a
/// component (cut short) break the file.
pub fn parse(text: &str) -> Result<Vec<Component>, Broken> {
    let mut stack: Vec<Component> = Vec::new();
    let mut top = Vec::new();
    for (line, logical) in unfold(text) {
        let Some(prop) = parse_line(&logical) else {
            continue;
        };
        match prop.name.as_str() {
            "BEGIN" => {
                let name = prop.value.trim().to_ascii_uppercase();
                if stack.len() >= MAX_DEPTH {
                    return Err(Broken {
                        line,
                        reason: format!(
                            "BEGIN:{} is nested {} components deep: calendar files nest at most {MAX_DEPTH} (VCALENDAR › VEVENT › VALARM); the file is damaged or is not a calendar",
                            shown(&name),
                            stack.len() + 1
                        ),
                    });
                }
                stack.push(Component {
                    name,
                    line,
                    ..Component::default()
                });
            }
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                let Some(done) = stack.pop() else {
                    return Err(Broken {
                        line,
                        reason: format!(
                            "END:{} closes nothing: the file is cut or mixed up",
                            shown(&name)
                        ),
                    });
                };
                if done.name != name {
                    return Err(Broken {
                        line,
                        reason: format!(
                            "END:{} where END:{} was expected (opened at line {})",
                            shown(&name),
                            shown(&done.name),
                            done.line
                        ),
                    });
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => top.push(done),
                }
            }
            _ => {
                if let Some(current) = stack.last_mut() {
                    current.props.push(prop);
                }
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(Broken {
            line: open.line,
            reason: format!(
                "the file ends inside the {} begun on this line (no END:{}): it was cut short; export or download it again",
                shown(&open.name),
                shown(&open.name)
            ),
        });
    }
    Ok(top)
}

/// A component name as a message quotes it: at most 40 characters, control characters escaped.
fn shown(name: &str) -> String {
    crate::scheduling::entry::echo(name)
}

/// A TEXT value unescaped (`\n` `\N` `\,` `\;` `\\`).
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The first and last years an appointment's time may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=ics_vtimezone::LAST_YEAR;

/// A value from a file as a message quotes it ([`crate::scheduling::entry::echo`]: at most
/// 40 characters, escaped), so a message never carries a file's line breaks or terminal codes.
pub fn quoted(value: &str) -> String {
    crate::scheduling::entry::echo(value.trim())
}

/// `20261124` as a date (exactly eight digits).
pub fn date8(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(4..6)?, n(6..8)?)
}

/// `20261124T093000` or `20261124T0930`, and whether a `Z` (UTC) follows.
pub fn wall_and_utc(value: &str) -> Option<(NaiveDateTime, bool)> {
    let (body, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (value, false),
    };
    let (day, time) = body.split_once(['T', 't'])?;
    let date = date8(day)?;
    let b = time.as_bytes();
    if !(b.len() == 4 || b.len() == 6) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| time.get(r).and_then(|t| t.parse::<u32>().ok());
    let seconds = if b.len() == 6 { n(4..6)? } else { 0 };
    let time = NaiveTime::from_hms_opt(n(0..2)?, n(2..4)?, seconds)?;
    Some((date.and_time(time), utc))
}

/// A wall time read through a zone the file defines.
fn defined(name: &str, zone: &DefinedZone, wall: NaiveDateTime) -> Result<When, String> {
    // The zone was worked out for the years the file's times name, which hold this one; a
    // time from anywhere else is refused rather than read with changes left out.
    if !zone.covers(wall.year()) {
        return Err(format!(
            "{name} {wall} is outside the years the time zone \"{}\" was read for",
            zone.name
        ));
    }
    let instant = |t: i64| {
        DateTime::from_timestamp(t, 0).ok_or_else(|| {
            format!(
                "{name} {wall} is out of range in the time zone \"{}\"",
                zone.name
            )
        })
    };
    match zone.resolve(wall) {
        WallTime::Once(t) => Ok(When::Defined {
            at: instant(t)?,
            wall,
            twice: false,
        }),
        WallTime::Twice(t, _) => Ok(When::Defined {
            at: instant(t)?,
            wall,
            twice: true,
        }),
        WallTime::Gap(next) => Err(format!(
            "{name} {} does not exist in the time zone \"{}\" the file defines: the clocks go forward then; the next valid time is {}",
            wall.format("%Y-%m-%d %H:%M"),
            zone.name,
            next.format("%Y-%m-%d %H:%M")
        )),
    }
}

/// A DATE-TIME or DATE property as a [`When`], its zone read with the calendar's `zones`;
/// `Err` says what is wrong.
pub fn date_time(prop: &Property, zones: &Zones<'_>) -> Result<When, String> {
    let value = prop.value.trim();
    let is_date = prop
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return match date8(value) {
            Some(_) => Err(format!(
                "{} is a whole day ({value}), not an appointment time: give the event a start and end time",
                prop.name
            )),
            None => Err(format!("{} \"{}\" is not a date", prop.name, quoted(value))),
        };
    }
    let (wall, utc) = wall_and_utc(value).ok_or_else(|| {
        format!(
            "{} \"{}\" is not a date and time: iCalendar writes them as 20261124T093000 (local) or 20261124T040000Z (UTC)",
            prop.name,
            quoted(value)
        )
    })?;
    if !YEARS.contains(&wall.year()) {
        return Err(format!(
            "{} {value} is in the year {}: appointments are read from {} to {}; check the date",
            prop.name,
            wall.year(),
            YEARS.start(),
            YEARS.end()
        ));
    }
    if utc {
        return Ok(When::Utc(DateTime::from_naive_utc_and_offset(wall, Utc)));
    }
    let zone = match prop.param("TZID") {
        Some(tzid) => Some(zones.zone(tzid)?),
        None => zones
            .floating()
            .map_err(|e| format!("{} {value}: {e}", prop.name))?,
    };
    match zone {
        None => Ok(When::ClinicLocal(wall)),
        Some(FileZone::Tz(zone)) => Ok(When::Zoned(wall, zone)),
        Some(FileZone::Defined(zone)) => defined(&prop.name, &zone, wall),
    }
}

/// The longest DURATION read, in minutes (ten years: anything longer is not an appointment,
/// and the booking rules refuse far shorter ones with their own message).
pub const MAX_DURATION_MINUTES: i64 = 10 * 366 * 24 * 60;

/// An iCalendar DURATION (`PT30M`, `PT1H15M`, `P1D`, `P1W`, `-PT5M`) in whole minutes, or
/// what is wrong with it. A duration with seconds (`PT15M30S`) is refused, as an end with
/// seconds is: appointments last whole minutes. Every number is checked: nothing overflows
/// into a short duration.
pub fn duration_minutes(value: &str) -> Result<i64, String> {
    let value = value.trim();
    let unreadable = || {
        format!(
            "DURATION \"{}\" is not a duration such as PT30M, PT1H15M or P1D",
            quoted(value)
        )
    };
    let (negative, body) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value.strip_prefix('+').unwrap_or(value)),
    };
    let body = body.strip_prefix(['P', 'p']).ok_or_else(unreadable)?;
    let too_long = || {
        format!(
            "DURATION \"{}\" is longer than ten years: an appointment lasts minutes or hours, such as PT30M",
            quoted(value)
        )
    };
    let mut seconds: i64 = 0;
    let mut number: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for c in body.chars() {
        match c {
            'T' | 't' if !in_time && number.is_none() => in_time = true,
            '0'..='9' => {
                let digit = i64::from(c as u8 - b'0');
                let n = number
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(digit))
                    .ok_or_else(too_long)?;
                number = Some(n);
            }
            unit => {
                let n = number.take().ok_or_else(unreadable)?;
                let per = match (unit.to_ascii_uppercase(), in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return Err(unreadable()),
                };
                any = true;
                seconds = n
                    .checked_mul(per)
                    .and_then(|s| seconds.checked_add(s))
                    .ok_or_else(too_long)?;
            }
        }
    }
    if !any || number.is_some() {
        return Err(unreadable());
    }
    let minutes = seconds / 60;
    if minutes > MAX_DURATION_MINUTES {
        return Err(too_long());
    }
    if seconds % 60 != 0 {
        return Err(format!(
            "DURATION \"{}\" has seconds: appointments last whole minutes, so write PT{}M or PT{}M",
            quoted(value),
            minutes,
            minutes + 1
        ));
    }
    if negative && minutes > 0 {
        return Err(format!(
            "DURATION \"{}\" is negative: an appointment's DURATION is how long it lasts, such as PT30M",
            quoted(value)
        ));
    }
    Ok(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_into_name_params_and_value() {
        let p =
            parse_line("ATTENDEE;CN=\"Iyer, Asha\";ROLE=REQ-PARTICIPANT:urn:uuid:1").expect("line");
        assert_eq!(p.name, "ATTENDEE");
        assert_eq!(p.param("CN"), Some("Iyer, Asha"));
        assert_eq!(p.param("ROLE"), Some("REQ-PARTICIPANT"));
        assert_eq!(p.value, "urn:uuid:1");
        let caret = parse_line("ATTENDEE;CN=Say ^'hi^' ^^ok^n:x").expect("line");
        assert_eq!(caret.param("CN"), Some("Say \"hi\" ^ok\n"));
        let colon = parse_line("URL:https://meet.example/a:b").expect("line");
        assert_eq!(colon.value, "https://meet.example/a:b");
    }

    #[test]
    fn text_unescapes() {
        assert_eq!(
            unescape_text("a\\, b\\; c\\\\ d\\ne\\Nf"),
            "a, b; c\\ d\ne\nf"
        );
    }

    #[test]
    fn components_nest_and_bad_ends_are_reported() {
        let cal =
            parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                .expect("parse");
        assert_eq!(
            cal[0].children[0].prop("UID").map(|p| p.value.as_str()),
            Some("1")
        );
        let bad = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\n").expect_err("mismatch");
        assert_eq!(bad.line, 3);
    }

    #[test]
    fn durations() {
        assert_eq!(duration_minutes("PT30M"), Ok(30));
        assert_eq!(duration_minutes("PT1H15M"), Ok(75));
        assert_eq!(duration_minutes("P1D"), Ok(1440));
        assert_eq!(duration_minutes("P1W"), Ok(10080));
        assert_eq!(duration_minutes("+P1DT2H"), Ok(1560));
        for bad in [
            "PT",
            "30M",
            "P",
            "PT1H1",
            "P1H",
            "PTT1M",
            "P1D2W3",
            "",
            "Ｐ１Ｄ",
        ] {
            let e = duration_minutes(bad).expect_err(bad);
            assert!(e.contains("is not a duration such as PT30M"), "{bad}: {e}");
        }
    }

    /// Numbers too big for any clock are refused, never wrapped into a short duration.
    #[test]
    fn huge_and_negative_durations_are_refused_with_what_to_write() {
        for huge in [
            "P9999999999W",
            "P99999999999999999999999D",
            "PT9223372036854775807S",
            "P15250284452471W",
            "P3660D1W",
        ] {
            let e = duration_minutes(huge).expect_err(huge);
            assert!(e.contains("longer than ten years"), "{huge}: {e}");
        }
        let e = duration_minutes("-PT30M").expect_err("negative");
        assert!(e.contains("is negative"), "{e}");
    }

    /// Seconds are refused, never rounded away: an end with seconds would block the next slot.
    #[test]
    fn durations_with_seconds_are_refused_with_what_to_write() {
        assert_eq!(duration_minutes("PT15M0S"), Ok(15));
        assert_eq!(duration_minutes("PT90S"), Err("DURATION \"PT90S\" has seconds: appointments last whole minutes, so write PT1M or PT2M".to_owned()));
        let e = duration_minutes("PT15M30S").expect_err("seconds");
        assert!(e.contains("write PT15M or PT16M"), "{e}");
    }

    #[test]
    fn date_time_forms() {
        let p = |line: &str| parse_line(line).expect("line");
        let zones = Zones::default();
        let read = |line: &str| date_time(&p(line), &zones);
        assert!(matches!(read("DTSTART:20261124T040000Z"), Ok(When::Utc(_))));
        assert!(matches!(
            read("DTSTART;TZID=Asia/Kolkata:20261124T093000"),
            Ok(When::Zoned(_, chrono_tz::Asia::Kolkata))
        ));
        assert!(matches!(
            read("DTSTART:20261124T093000"),
            Ok(When::ClinicLocal(_))
        ));
        let day = read("DTSTART;VALUE=DATE:20261124").expect_err("all-day");
        assert!(day.contains("whole day"), "{day}");
        assert!(read("DTSTART;TZID=Nowhere/Else:20261124T093000").is_err());
    }

    #[test]
    fn dates_out_of_range_or_malformed_say_so() {
        let zones = Zones::default();
        let read = |value: &str| {
            date_time(
                &parse_line(&format!("DTSTART:{value}")).expect("line"),
                &zones,
            )
        };
        for (value, says) in [
            ("99991231T090000Z", "in the year 9999"),
            ("18001231T090000", "in the year 1800"),
            ("+2026124T093000", "is not a date and time"),
            ("202611240T93000", "is not a date and time"),
            ("20261124T256000", "is not a date and time"),
            ("20261124T0930००", "is not a date and time"),
            ("2026-11-24T09:30:00", "is not a date and time"),
            ("20261131T093000", "is not a date and time"),
        ] {
            let e = read(value).expect_err(value);
            assert!(e.contains(says), "{value}: {e}");
        }
        assert!(read("20261124T0930").is_ok());
    }

    #[test]
    fn a_fold_inside_a_character_is_mended_and_lines_keep_their_numbers() {
        // "é" is C3 A9, "😀" F0 9F 98 80: folds after their first bytes, CRLF and LF.
        let mut bytes = b"BEGIN:VCALENDAR\r\nSUMMARY:Jos\xc3\r\n \xa9 \xf0\x9f\n \x98\x80!\r\nEND:VCALENDAR\r\n".to_vec();
        let mended = mend_split_characters(&bytes).expect("mended");
        let text = String::from_utf8(mended).expect("UTF-8 again");
        let lines = unfold(&text);
        assert_eq!(lines[1], (2, "SUMMARY:José 😀!".to_owned()));
        assert_eq!(lines[2].0, 5);
        // Nothing split: nothing to mend; not a calendar: not touched.
        assert_eq!(
            mend_split_characters(b"BEGIN:VCALENDAR\r\nX:\xff\r\n"),
            None
        );
        bytes[0] = b'X';
        assert_eq!(mend_split_characters(&bytes), None);
    }

    #[test]
    fn values_in_messages_are_cut_and_their_control_characters_escaped() {
        assert_eq!(quoted("  PT30M "), "PT30M");
        assert_eq!(quoted("a\u{1b}[31mred\nline"), "a\\u{1b}[31mred\\nline");
        assert_eq!(
            quoted(&"ж".repeat(100)).chars().count(),
            crate::scheduling::entry::ECHO_CHARS + 1
        );
    }

    #[test]
    fn nesting_is_bounded_and_a_file_cut_short_is_refused() {
        let deep = "BEGIN:VCALENDAR\n".repeat(200_000);
        let e = parse(&deep).expect_err("too deep");
        assert_eq!(e.line, MAX_DEPTH + 1);
        assert!(
            e.reason.contains("nested 9 components deep"),
            "{}",
            e.reason
        );
        let cut = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:20261124T093000\n")
            .expect_err("cut short");
        assert_eq!(cut.line, 2);
        assert!(cut.reason.contains("cut short"), "{}", cut.reason);
        let name = "Ж".repeat(100);
        let e = parse(&format!("END:{name}\n")).expect_err("closes nothing");
        assert!(e.reason.chars().count() < 120, "{}", e.reason);
    }
}
