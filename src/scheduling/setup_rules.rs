//! The rules for editing the clinic's setup: names present and not taken, colours as `#rrggbb`,
//! known time zones, slot and visit lengths in range, hours that make sense, leave and
//! blockouts that end after they start. Each problem names the field it belongs to and says how
//! to fix it; the store applies the same checks inside its transaction.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::{TZ_VARIANTS, Tz};

use super::conflict::Absence;
use super::hours::DaySpan;
use super::model::*;
use super::staff::StaffMember;
use super::time::{LocalTime, echo, local_day, parse_wall_time, resolve_local};

/// The shortest and longest slot grid a clinic may use, in minutes.
pub const SLOT_MINUTES: std::ops::RangeInclusive<u32> = 5..=240;

/// The longest leave or blockout accepted in one entry, in days.
pub const MAX_ABSENCE_DAYS: i64 = 400;

/// Which field of a settings form a problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The name.
    Name,
    /// The address.
    Address,
    /// The time zone.
    TimeZone,
    /// The default slot length.
    SlotMinutes,
    /// The hours of one weekday.
    Hours(Weekday),
    /// The week's hours as a whole.
    Week,
    /// The colour.
    Colour,
    /// A visit type's length.
    Minutes,
    /// When leave or a blockout starts.
    Start,
    /// When leave or a blockout ends.
    End,
}

impl Field {
    /// The field's label, as forms show it, in the desk's language.
    pub fn label(self) -> String {
        match self {
            Field::Name => crate::t!("core-field-name"),
            Field::Address => crate::t!("core-field-address"),
            Field::TimeZone => crate::t!("core-field-time-zone"),
            Field::SlotMinutes => crate::t!("core-field-slot-length"),
            Field::Hours(day) => crate::i18n::dates::weekday(day),
            Field::Week => crate::t!("core-field-hours"),
            Field::Colour => crate::t!("core-field-colour"),
            Field::Minutes => crate::t!("core-field-length"),
            Field::Start => crate::t!("core-field-from"),
            Field::End => crate::t!("core-field-until"),
        }
    }
}

/// The full English name of a weekday.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Why a settings edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    /// A name is empty.
    #[error("{}", crate::t!("core-empty-name", what = kind(what)))]
    EmptyName {
        /// "a doctor", "a room" …
        what: &'static str,
    },
    /// A name is already used by another entity of the same kind.
    #[error("{}", crate::t!("core-duplicate-name", what = kind(what), name = name))]
    DuplicateName {
        /// "a doctor", "a room" …
        what: &'static str,
        /// The name as typed.
        name: String,
    },
    /// A time zone name is not in the tz database.
    #[error("{}", unknown_zone(text, suggestion.as_deref()))]
    UnknownZone {
        /// What was typed.
        text: String,
        /// The zone it most likely means, if one is close ("Kolkata" → "Asia/Kolkata").
        suggestion: Option<String>,
    },
    /// The slot length is not a number in range.
    #[error("{}", crate::t!("core-slot-length", text = text))]
    SlotLength {
        /// What was typed.
        text: String,
    },
    /// A visit type's length is not a number in range.
    #[error("{}", crate::t!("core-visit-length", text = text))]
    VisitLength {
        /// What was typed.
        text: String,
    },
    /// A colour is not `#rrggbb`.
    #[error("{}", crate::t!("core-colour", text = text))]
    Colour {
        /// What was typed.
        text: String,
    },
    /// A time of day could not be read.
    #[error("{}", crate::t!("core-bad-time", text = text))]
    BadTime {
        /// What was typed.
        text: String,
    },
    /// A span has no dash between its times.
    #[error("{}", crate::t!("core-not-a-span", text = text))]
    NotASpan {
        /// What was typed.
        text: String,
    },
    /// A span ends at or before its start.
    #[error("{}", crate::t!("core-span-backwards", span = span.to_string()))]
    SpanBackwards {
        /// The span as read.
        span: DaySpan,
    },
    /// Two spans of one day overlap.
    #[error(
        "{}",
        crate::t!(
            "core-spans-overlap",
            first = first.to_string(),
            second = second.to_string(),
        )
    )]
    SpansOverlap {
        /// The earlier span.
        first: DaySpan,
        /// The span that overlaps it.
        second: DaySpan,
    },
    /// A clinic with no opening hours at all.
    #[error("{}", crate::t!("core-never-open"))]
    NeverOpen,
    /// A date or date and time could not be read.
    #[error("{}", crate::t!("core-bad-date", text = text))]
    BadDate {
        /// What was typed.
        text: String,
    },
    /// Leave or a blockout ends at or before it starts.
    #[error("{}", crate::t!("core-ends-before-start", end = end, start = start))]
    EndsBeforeStart {
        /// The start as typed.
        start: String,
        /// The end as typed.
        end: String,
    },
    /// A wall time in a DST gap.
    #[error(
        "{}",
        crate::t!("core-local-time-in-gap", requested = wall, zone = zone, next = next)
    )]
    LocalGap {
        /// What was typed.
        wall: String,
        /// The zone.
        zone: String,
        /// The first valid wall time after the gap.
        next: String,
    },
    /// Leave or a blockout longer than [`MAX_ABSENCE_DAYS`].
    #[error(
        "{}",
        crate::t!(
            "core-absence-too-long",
            days = days.to_string(),
            maximum = MAX_ABSENCE_DAYS.to_string()
        )
    )]
    TooLong {
        /// Its length in days.
        days: i64,
    },
    /// A name or other text breaks the entry rules (control characters, invisible
    /// characters, too long: `scheduling::entry`).
    #[error(transparent)]
    Text(#[from] super::entry::EntryError),
    /// Anything the other variants do not cover.
    #[error("{0}")]
    Other(String),
}

/// "\"Kolkatta\" is not a time zone: …", with the zone it most likely means when there is one.
fn unknown_zone(text: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(zone) => crate::t!("core-unknown-zone-suggest", text = text, zone = zone),
        None => crate::t!("core-unknown-zone", text = text),
    }
}

/// A kind of thing as [`check_name`] is told it ("a doctor" …), in the desk's language.
fn kind(what: &str) -> String {
    match what {
        "a clinic" => crate::t!("core-kind-clinic"),
        "a doctor" => crate::t!("core-kind-doctor"),
        "a room" => crate::t!("core-kind-room"),
        "a visit type" => crate::t!("core-kind-visit-type"),
        "a staff member" => crate::t!("core-kind-staff-member"),
        other => other.to_owned(),
    }
}

/// A problem with one field of a settings form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The field.
    pub field: Field,
    /// What is wrong and how to fix it.
    pub error: SetupError,
}

impl Invalid {
    /// A problem with `field`.
    pub fn new(field: Field, error: SetupError) -> Self {
        Self { field, error }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.label(), self.error)
    }
}

/// A name as compared for duplicates: trimmed, single-spaced, lower-case.
fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Checks a name is present and not used by `others` (compared without case and extra spaces).
pub fn check_name<'a>(
    what: &'static str,
    name: &str,
    mut others: impl Iterator<Item = &'a str>,
) -> Result<(), SetupError> {
    let key = name_key(name);
    if key.is_empty() {
        return Err(SetupError::EmptyName { what });
    }
    super::entry::setup_name(name)?;
    if others.any(|o| name_key(o) == key) {
        return Err(SetupError::DuplicateName {
            what,
            name: name.trim().to_owned(),
        });
    }
    Ok(())
}

/// A name tidied for saving: trimmed, inner runs of spaces made one.
pub fn tidy_name(name: &str) -> String {
    // A tab or line break stays, for `check_name` to refuse (`scheduling::entry::tidy`).
    super::entry::tidy(name)
}

/// Checks a colour is `#rrggbb` and returns it in lower case.
pub fn parse_colour(text: &str) -> Result<String, SetupError> {
    let t = text.trim();
    let ok = t.len() == 7 && t.starts_with('#') && t[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(t.to_lowercase())
    } else {
        Err(SetupError::Colour { text: echo(t) })
    }
}

/// Reads an IANA time zone name; suggests the right spelling when only case or the region
/// is off ("asia/kolkata", "Kolkata").
pub fn parse_zone(text: &str) -> Result<Tz, SetupError> {
    let t = text.trim();
    if let Ok(zone) = t.parse::<Tz>() {
        return Ok(zone);
    }
    let lower = t.to_lowercase().replace(' ', "_");
    let suggestion = (!lower.is_empty())
        .then(|| {
            TZ_VARIANTS.iter().find(|z| {
                let name = z.name().to_lowercase();
                name == lower || name.rsplit('/').next() == Some(lower.as_str())
            })
        })
        .flatten()
        .map(|z| z.name().to_owned());
    Err(SetupError::UnknownZone {
        text: echo(t),
        suggestion,
    })
}

/// Reads a slot length in minutes, 5 to 240.
pub fn parse_slot_minutes(text: &str) -> Result<u32, SetupError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| SLOT_MINUTES.contains(m))
        .ok_or_else(|| SetupError::SlotLength {
            text: echo(text.trim()),
        })
}

/// Reads a visit type's length in minutes, 1 to [`MAX_APPOINTMENT_MINUTES`].
pub fn parse_visit_minutes(text: &str) -> Result<u32, SetupError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX_APPOINTMENT_MINUTES as u32).contains(m))
        .ok_or_else(|| SetupError::VisitLength {
            text: echo(text.trim()),
        })
}

fn collect(checks: impl IntoIterator<Item = (Field, Result<(), SetupError>)>) -> Vec<Invalid> {
    checks
        .into_iter()
        .filter_map(|(field, r)| r.err().map(|e| Invalid::new(field, e)))
        .collect()
}

/// What is wrong with a clinic, next to the other clinics stored.
pub fn clinic_problems(clinic: &Clinic, all: &[Clinic]) -> Vec<Invalid> {
    let others = all.iter().filter(|c| c.id != clinic.id);
    collect([
        (
            Field::Name,
            check_name("a clinic", &clinic.name, others.map(|c| c.name.as_str())),
        ),
        (
            Field::Address,
            super::entry::free_text("the address", &clinic.address)
                .map(|_| ())
                .map_err(SetupError::from),
        ),
        (
            Field::SlotMinutes,
            parse_slot_minutes(&clinic.slot_minutes.to_string()).map(|_| ()),
        ),
        (
            Field::Week,
            if clinic.opening_hours.is_empty() {
                Err(SetupError::NeverOpen)
            } else {
                Ok(())
            },
        ),
    ])
}

/// What is wrong with a doctor, next to the other doctors stored.
pub fn doctor_problems(doctor: &Doctor, all: &[Doctor]) -> Vec<Invalid> {
    let others = all.iter().filter(|d| d.id != doctor.id);
    collect([
        (
            Field::Name,
            check_name("a doctor", &doctor.name, others.map(|d| d.name.as_str())),
        ),
        (Field::Colour, parse_colour(&doctor.colour).map(|_| ())),
    ])
}

/// What is wrong with a room, next to the other rooms of its clinic.
pub fn room_problems(room: &Room, all: &[Room]) -> Vec<Invalid> {
    let others = all
        .iter()
        .filter(|r| r.id != room.id && r.clinic == room.clinic);
    collect([(
        Field::Name,
        check_name("a room", &room.name, others.map(|r| r.name.as_str())),
    )])
}

/// What is wrong with a visit type, next to the others stored.
pub fn visit_type_problems(visit: &VisitType, all: &[VisitType]) -> Vec<Invalid> {
    let others = all.iter().filter(|v| v.id != visit.id);
    collect([
        (
            Field::Name,
            check_name("a visit type", &visit.name, others.map(|v| v.name.as_str())),
        ),
        (
            Field::Minutes,
            parse_visit_minutes(&visit.minutes.to_string()).map(|_| ()),
        ),
        (Field::Colour, parse_colour(&visit.colour).map(|_| ())),
    ])
}

/// What is wrong with a staff member, next to the others stored.
pub fn staff_problems(member: &StaffMember, all: &[StaffMember]) -> Vec<Invalid> {
    let others = all.iter().filter(|s| s.id != member.id);
    collect([(
        Field::Name,
        check_name(
            "a staff member",
            &member.name,
            others.map(|s| s.name.as_str()),
        ),
    )])
}

/// What is wrong with leave or a blockout already turned into instants.
pub fn absence_problems(absence: &Absence) -> Vec<Invalid> {
    let i = absence.interval;
    if i.end <= i.start {
        return vec![Invalid::new(
            Field::End,
            SetupError::EndsBeforeStart {
                start: i.start.to_rfc3339(),
                end: i.end.to_rfc3339(),
            },
        )];
    }
    let days = (i.end - i.start).num_days();
    if days > MAX_ABSENCE_DAYS {
        return vec![Invalid::new(Field::End, SetupError::TooLong { days })];
    }
    Vec::new()
}

/// A typed start or end: a whole date (its start, or for an end the end of that day) or a wall
/// time.
enum Bound {
    Date(NaiveDate),
    Wall(NaiveDateTime),
}

fn parse_bound(text: &str) -> Result<Bound, SetupError> {
    let t = text.trim();
    if let Some(date) = super::time::parse_date(t) {
        return Ok(Bound::Date(date));
    }
    parse_wall_time(t)
        .map(Bound::Wall)
        .ok_or_else(|| SetupError::BadDate { text: echo(t) })
}

/// Turns a wall time into an instant under the DST policy; an ambiguous time takes the earlier
/// instant and adds a notice.
fn wall_instant(
    zone: Tz,
    wall: NaiveDateTime,
    notices: &mut Vec<String>,
) -> Result<chrono::DateTime<chrono::Utc>, SetupError> {
    let shown = |t: NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    match resolve_local(zone, wall) {
        LocalTime::Exact(t) => Ok(t),
        LocalTime::Ambiguous { earlier, .. } => {
            notices.push(crate::t!(
                "core-happens-twice-earlier-used",
                wall = shown(wall),
                zone = zone.name()
            ));
            Ok(earlier)
        }
        LocalTime::Gap { next_valid } => Err(SetupError::LocalGap {
            wall: shown(wall),
            zone: zone.name().to_owned(),
            next: shown(next_valid),
        }),
    }
}

/// Reads leave or a blockout as typed in the clinic's zone: `start` is a date (from its start)
/// or a wall time, `end` a date (to the end of that day, so "2026-12-01" to "2026-12-05" is five
/// whole days) or a wall time. Returns the absence and any DST notices.
pub fn parse_absence(
    zone: Tz,
    start: &str,
    end: &str,
    reason: &str,
) -> Result<(Absence, Vec<String>), Vec<Invalid>> {
    let mut notices = Vec::new();
    let from = parse_bound(start).and_then(|b| match b {
        Bound::Date(d) => Ok(local_day(zone, d).start),
        Bound::Wall(w) => wall_instant(zone, w, &mut notices),
    });
    let until = parse_bound(end).and_then(|b| match b {
        Bound::Date(d) => Ok(local_day(zone, d).end),
        Bound::Wall(w) => wall_instant(zone, w, &mut notices),
    });
    let (from, until) = match (from, until) {
        (Ok(f), Ok(u)) => (f, u),
        (f, u) => {
            let mut problems = Vec::new();
            if let Err(e) = f {
                problems.push(Invalid::new(Field::Start, e));
            }
            if let Err(e) = u {
                problems.push(Invalid::new(Field::End, e));
            }
            return Err(problems);
        }
    };
    if until <= from {
        return Err(vec![Invalid::new(
            Field::End,
            SetupError::EndsBeforeStart {
                start: echo(start.trim()),
                end: echo(end.trim()),
            },
        )]);
    }
    let absence = Absence {
        interval: Interval::new(from, until),
        reason: reason.trim().to_owned(),
    };
    let problems = absence_problems(&absence);
    if problems.is_empty() {
        Ok((absence, notices))
    } else {
        Err(problems)
    }
}

/// How an absence reads in the clinic's zone: whole days as dates ("2026-12-01 – 2026-12-05"),
/// otherwise wall times.
pub fn format_absence(zone: Tz, interval: Interval) -> String {
    let local = |t| super::time::to_local(zone, t).naive_local();
    let (start, end) = (local(interval.start), local(interval.end));
    let whole_days = start.time() == NaiveTime::MIN && end.time() == NaiveTime::MIN;
    if whole_days {
        let last = end.date().pred_opt().unwrap_or(end.date());
        if last == start.date() {
            return crate::i18n::dates::medium(start.date());
        }
        return crate::t!(
            "core-absence-span",
            first = crate::i18n::dates::medium(start.date()),
            last = crate::i18n::dates::medium(last)
        );
    }
    crate::t!(
        "core-absence-span",
        first = start.format("%Y-%m-%d %H:%M").to_string(),
        last = end.format("%Y-%m-%d %H:%M").to_string()
    )
}
