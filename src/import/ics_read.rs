//! Reading iCalendar: unfolding, content lines (name, parameters with quoted and RFC 6868
//! caret-encoded values, value), components nested by BEGIN/END, TEXT unescaping, and the
//! date-time forms (UTC, TZID, floating, DATE) with the time zone names clients use.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::When;
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

/// What is wrong with a file's structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// Where.
    pub line: usize,
    /// What.
    pub reason: String,
}

/// The top-level components of `text`. Lines outside any component and lines without `:` are
/// skipped (clients write stray blank or comment lines); an END that closes nothing, or closes
/// the wrong component, breaks the file.
pub fn parse(text: &str) -> Result<Vec<Component>, Broken> {
    let mut stack: Vec<Component> = Vec::new();
    let mut top = Vec::new();
    for (line, logical) in unfold(text) {
        let Some(prop) = parse_line(&logical) else {
            continue;
        };
        match prop.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: prop.value.trim().to_ascii_uppercase(),
                line,
                ..Component::default()
            }),
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                let Some(done) = stack.pop() else {
                    return Err(Broken {
                        line,
                        reason: format!("END:{name} closes nothing: the file is cut or mixed up"),
                    });
                };
                if done.name != name {
                    return Err(Broken {
                        line,
                        reason: format!(
                            "END:{name} where END:{} was expected (opened at line {})",
                            done.name, done.line
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
    // A file cut short: keep what was complete, close the rest as far as it went.
    while let Some(open) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(open),
            None => top.push(open),
        }
    }
    Ok(top)
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

/// Windows zone names (Outlook, Exchange) for the zones clinics most often use.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("India Standard Time", "Asia/Kolkata"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("GMT Standard Time", "Europe/London"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("UTC", "UTC"),
];

/// The zone a TZID names: an IANA name, one with a vendor prefix such as
/// `/mozilla.org/20050126_1/America/New_York`, or a common Windows name.
pub fn zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(zone) = Tz::from_str(tzid) {
        return Some(zone);
    }
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    for take in [3, 2, 1] {
        if parts.len() >= take
            && let Ok(zone) = Tz::from_str(&parts[parts.len() - take..].join("/"))
        {
            return Some(zone);
        }
    }
    WINDOWS_ZONES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(tzid))
        .and_then(|(_, iana)| Tz::from_str(iana).ok())
}

/// A DATE-TIME or DATE property as a [`When`]; `Err` says what is wrong.
pub fn date_time(prop: &Property) -> Result<When, String> {
    let value = prop.value.trim();
    let is_date = prop
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.chars().all(|c| c.is_ascii_digit()));
    if is_date {
        return match NaiveDate::parse_from_str(value, "%Y%m%d") {
            Ok(_) => Err(format!(
                "{} is a whole day ({value}), not an appointment time: give the event a start and end time",
                prop.name
            )),
            Err(_) => Err(format!("{} \"{value}\" is not a date", prop.name)),
        };
    }
    let (body, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (value, false),
    };
    let wall = NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M%S")
        .or_else(|_| NaiveDateTime::parse_from_str(body, "%Y%m%dT%H%M"))
        .map_err(|_| {
            format!(
                "{} \"{value}\" is not a date and time: iCalendar writes them as 20261124T093000 (local) or 20261124T040000Z (UTC)",
                prop.name
            )
        })?;
    if utc {
        return Ok(When::Utc(DateTime::from_naive_utc_and_offset(wall, Utc)));
    }
    match prop.param("TZID") {
        Some(tzid) => match zone(tzid) {
            Some(zone) => Ok(When::Zoned(wall, zone)),
            None => Err(format!(
                "the time zone \"{tzid}\" is not known: export the calendar with UTC times or IANA zone names (such as Europe/London)"
            )),
        },
        None => Ok(When::ClinicLocal(wall)),
    }
}

/// An iCalendar DURATION (`PT30M`, `PT1H15M`, `P1D`, `P1W`) in minutes.
pub fn duration_minutes(value: &str) -> Option<i64> {
    let value = value.trim();
    let (sign, body) = match value.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, value.strip_prefix('+').unwrap_or(value)),
    };
    let body = body.strip_prefix('P')?;
    let mut seconds = 0i64;
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in body.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' => number.push(c),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                seconds += n * match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
            }
        }
    }
    (any && number.is_empty()).then_some(sign * seconds / 60)
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
    fn zones_with_prefixes_and_windows_names() {
        assert_eq!(zone("Europe/London"), Some(chrono_tz::Europe::London));
        assert_eq!(
            zone("/mozilla.org/20050126_1/America/New_York"),
            Some(chrono_tz::America::New_York)
        );
        assert_eq!(zone("India Standard Time"), Some(chrono_tz::Asia::Kolkata));
        assert_eq!(zone("Mars/Olympus"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration_minutes("PT30M"), Some(30));
        assert_eq!(duration_minutes("PT1H15M"), Some(75));
        assert_eq!(duration_minutes("P1D"), Some(1440));
        assert_eq!(duration_minutes("P1W"), Some(10080));
        assert_eq!(duration_minutes("PT"), None);
        assert_eq!(duration_minutes("30M"), None);
    }

    #[test]
    fn date_time_forms() {
        let p = |line: &str| parse_line(line).expect("line");
        assert!(matches!(
            date_time(&p("DTSTART:20261124T040000Z")),
            Ok(When::Utc(_))
        ));
        assert!(matches!(
            date_time(&p("DTSTART;TZID=Asia/Kolkata:20261124T093000")),
            Ok(When::Zoned(_, chrono_tz::Asia::Kolkata))
        ));
        assert!(matches!(
            date_time(&p("DTSTART:20261124T093000")),
            Ok(When::ClinicLocal(_))
        ));
        let day = date_time(&p("DTSTART;VALUE=DATE:20261124")).expect_err("all-day");
        assert!(day.contains("whole day"), "{day}");
        assert!(date_time(&p("DTSTART;TZID=Nowhere/Else:20261124T093000")).is_err());
    }
}
