//! Which zone an iCalendar file's times are in. A TZID is read, in this order, as a tz database
//! name (`Europe/London`), as the file's own VTIMEZONE of that name (Outlook's "Eastern
//! Standard Time", read through its definition: see `ics_vtimezone.rs`), as a tz database name
//! behind a vendor prefix (`/mozilla.org/20050126_1/America/New_York`), or as a Windows zone
//! name without a definition (the CLDR mapping). A time with no zone ("floating") is in the
//! calendar's `X-WR-TIMEZONE` when it names one (Google writes it), else in the clinic's zone.
//! Anything else is refused with a message, never guessed.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::str::FromStr;

use chrono::Datelike;

use chrono_tz::Tz;

use super::ics_read::YEARS;
use super::ics_read::{Component, date8, quoted, unescape_text};
use super::ics_vtimezone::{DefinedZone, WORK_BUDGET};

/// Windows zone names (Outlook, Exchange) for the zones clinics most often use, as the CLDR
/// maps them; used only when the file does not define the zone itself.
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

/// A zone a time is read in.
#[derive(Clone, Debug, PartialEq)]
pub enum FileZone {
    /// A zone of the tz database.
    Tz(Tz),
    /// A zone the file defines in a VTIMEZONE.
    Defined(Rc<DefinedZone>),
}

fn clean(name: &str) -> &str {
    name.trim().trim_matches('"').trim()
}

/// A tz database name, exactly.
fn iana(name: &str) -> Option<Tz> {
    Tz::from_str(clean(name)).ok()
}

/// A tz database name at the end of a vendor's path.
fn prefixed(name: &str) -> Option<Tz> {
    let parts: Vec<&str> = clean(name).split('/').filter(|p| !p.is_empty()).collect();
    [3, 2, 1].into_iter().find_map(|take| {
        let from = parts.len().checked_sub(take)?;
        Tz::from_str(&parts[from..].join("/")).ok()
    })
}

/// A Windows zone name.
fn windows(name: &str) -> Option<Tz> {
    WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(clean(name)))
        .and_then(|(_, iana)| Tz::from_str(iana).ok())
}

/// The zone a TZID names in the tz database: an IANA name, one with a vendor prefix, or a
/// common Windows name. (A file's own definitions come first: see [`Zones::zone`].)
pub fn zone(tzid: &str) -> Option<Tz> {
    iana(tzid)
        .or_else(|| prefixed(tzid))
        .or_else(|| windows(tzid))
}

/// The zones of one VCALENDAR: its VTIMEZONE definitions, read when a time first names them,
/// and its X-WR-TIMEZONE.
#[derive(Debug)]
pub struct Zones<'a> {
    definitions: HashMap<String, &'a Component>,
    /// The same, by TZID in lower case (a file's first definition of each).
    folded: HashMap<String, &'a Component>,
    read: RefCell<HashMap<String, Result<FileZone, String>>>,
    /// What is left of [`WORK_BUDGET`] for this calendar's definitions.
    budget: std::cell::Cell<u32>,
    /// The years the calendar's own times fall in: its definitions are worked out for these.
    years: std::ops::RangeInclusive<i32>,
    calendar_zone: Option<String>,
}

impl Default for Zones<'_> {
    /// No definitions, and times without a zone in the clinic's.
    fn default() -> Self {
        Zones {
            definitions: HashMap::new(),
            folded: HashMap::new(),
            read: RefCell::new(HashMap::new()),
            budget: std::cell::Cell::new(WORK_BUDGET),
            years: YEARS,
            calendar_zone: None,
        }
    }
}

/// The years of appointments (in [`YEARS`]) that the dates written in `c` and its
/// sub-components could name, as (earliest, latest): every run of exactly eight digits that
/// is a date, in any property, so no time the file has is left out.
fn years_named(c: &Component, found: &mut Option<(i32, i32)>) {
    for p in &c.props {
        let b = p.value.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run == 8
                && let Some(year) = p.value.get(i..i + 8).and_then(date8).map(|d| d.year())
                && YEARS.contains(&year)
            {
                let (lo, hi) = found.get_or_insert((year, year));
                *lo = (*lo).min(year);
                *hi = (*hi).max(year);
            }
            i += run.max(1);
        }
    }
    for child in c.children.iter().filter(|c| c.name != "VTIMEZONE") {
        years_named(child, found);
    }
}

impl<'a> Zones<'a> {
    /// The zones `calendar` (a VCALENDAR) defines and names.
    pub fn of(calendar: &'a Component) -> Zones<'a> {
        let mut definitions = HashMap::new();
        let mut folded = HashMap::new();
        for c in calendar.children.iter().filter(|c| c.name == "VTIMEZONE") {
            if let Some(tzid) = c.prop("TZID") {
                let name = clean(&unescape_text(&tzid.value)).to_owned();
                folded.entry(name.to_ascii_lowercase()).or_insert(c);
                definitions.entry(name).or_insert(c);
            }
        }
        let mut named = None;
        years_named(calendar, &mut named);
        let years = named.map_or(YEARS, |(lo, hi)| lo..=hi);
        let calendar_zone = calendar
            .prop("X-WR-TIMEZONE")
            .map(|p| clean(&unescape_text(&p.value)).to_owned())
            .filter(|z| !z.is_empty());
        Zones {
            definitions,
            folded,
            years,
            calendar_zone,
            ..Zones::default()
        }
    }

    fn definition(&self, name: &str) -> Option<&'a Component> {
        self.definitions
            .get(name)
            .or_else(|| self.folded.get(&name.to_ascii_lowercase()))
            .copied()
    }

    /// The zone a TZID names, or why it cannot be read.
    pub fn zone(&self, tzid: &str) -> Result<FileZone, String> {
        let name = clean(tzid);
        if let Some(known) = self.read.borrow().get(name) {
            return known.clone();
        }
        let found = if let Some(tz) = iana(name) {
            Ok(FileZone::Tz(tz))
        } else if let Some(definition) = self.definition(name) {
            let mut budget = self.budget.get();
            let read = DefinedZone::read(definition, self.years.clone(), &mut budget);
            self.budget.set(budget);
            read.map(|z| FileZone::Defined(Rc::new(z))).map_err(|e| {
                format!(
                    "the time zone \"{}\" the file defines at line {} cannot be read: {e}",
                    quoted(name),
                    definition.line
                )
            })
        } else if let Some(tz) = prefixed(name).or_else(|| windows(name)) {
            Ok(FileZone::Tz(tz))
        } else {
            Err(format!(
                "the time zone \"{}\" is not known and the file does not define it (no VTIMEZONE with that TZID): export the calendar with UTC times, IANA zone names (such as Europe/London) or its time zone definitions",
                quoted(name)
            ))
        };
        self.read
            .borrow_mut()
            .insert(name.to_owned(), found.clone());
        found
    }

    /// The zone of a time written without one: the calendar's X-WR-TIMEZONE, `None` for the
    /// clinic's own, or why it cannot be read.
    pub fn floating(&self) -> Result<Option<FileZone>, String> {
        let Some(name) = &self.calendar_zone else {
            return Ok(None);
        };
        self.zone(name).map(Some).map_err(|e| {
            format!(
                "it has no time zone, and the calendar's X-WR-TIMEZONE says its times are in \"{}\", but {e}",
                quoted(name)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_with_prefixes_and_windows_names() {
        assert_eq!(zone("Europe/London"), Some(chrono_tz::Europe::London));
        assert_eq!(
            zone("/mozilla.org/20050126_1/America/New_York"),
            Some(chrono_tz::America::New_York)
        );
        assert_eq!(zone("India Standard Time"), Some(chrono_tz::Asia::Kolkata));
        assert_eq!(zone("\"Asia/Kolkata\""), Some(chrono_tz::Asia::Kolkata));
        assert_eq!(zone("Mars/Olympus"), None);
        assert_eq!(zone("Марс/Олимп"), None);
        assert_eq!(zone(""), None);
    }
}
