//! Import: patients from CSV, appointments from CSV (our export's columns) and from iCalendar
//! (ours, and what common calendar clients write). Reading a file gives records, each with its
//! line, and a bad row for every line that cannot be read; the store then resolves names,
//! checks each appointment under the booking rules and writes all of it in one transaction,
//! or nothing (`store::import`).

pub mod appointments;
pub mod csv_read;
mod ics_appointments;
pub mod ics_read;
pub mod ics_vtimezone;
pub mod ics_zone;
pub mod patients;
pub mod series;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use crate::scheduling::*;

/// The namespace of ids we derive (UUID v5) for rows that carry no id of ours, so the same row
/// imported twice gets the same id.
pub const ID_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6b1c_2f0e_93d4_4c1a_9a55_5f44_534b_0001);

/// A stable id for a row that has none of ours, from the text that identifies it.
pub fn derived_id(key: &str) -> uuid::Uuid {
    uuid::Uuid::new_v5(&ID_NAMESPACE, key.as_bytes())
}

/// A line that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct BadRow {
    /// The 1-based line the row starts on.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub reason: String,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "import-line",
            line = self.line.to_string(),
            reason = &self.reason
        ))
    }
}

/// What reading a file gave: the records with their lines, and the lines that are bad.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    /// Readable records and the line each starts on.
    pub rows: Vec<(usize, T)>,
    /// Lines that cannot be read.
    pub bad: Vec<BadRow>,
    /// The recurring series the file defines, with their lines (the master events of our own
    /// iCalendar files; empty for other files).
    pub series: Vec<(usize, series::SeriesRecord)>,
    /// Rows read that repeat an earlier row's record exactly (a patient on many rows of an
    /// appointment CSV), kept once in `rows`; counted among the rows read.
    pub repeats: usize,
}

/// A file that cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not UTF-8 text.
    #[error("{}", crate::t!("import-not-text"))]
    NotText,
    /// Nothing in it.
    #[error("{}", crate::t!("import-empty"))]
    Empty,
    /// A CSV without the columns needed.
    #[error("{}", crate::t!("import-missing-column", column = _0, example = _1))]
    MissingColumn(String, String),
    /// A CSV whose header names a column twice.
    #[error("{}", crate::t!("import-line", line = "1", reason = _0))]
    DuplicateColumn(String),
    /// An iCalendar file whose structure is broken.
    #[error("{}", crate::t!("import-line", line = line.to_string(), reason = reason))]
    Broken {
        /// Where.
        line: usize,
        /// What.
        reason: String,
    },
    /// Neither CSV nor iCalendar.
    #[error("{0}")]
    Unsupported(String),
}

/// The text of a file: UTF-8, without a byte order mark.
pub fn text(bytes: &[u8]) -> Result<&str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// The file formats appointments come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// iCalendar.
    Ics,
    /// CSV.
    Csv,
}

/// The text of a file as [`text`] reads it, and an iCalendar file whose writer folded its
/// lines inside a multi-byte character (RFC 5545 §3.1 asks readers to put such characters
/// back together): the bytes of the split character are moved after the fold, so every
/// physical line, and the line numbers, stay as they were.
pub fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    match text(bytes) {
        Ok(text) => Ok(std::borrow::Cow::Borrowed(text)),
        Err(ImportError::NotText) => {
            let repaired = ics_read::mend_split_characters(bytes).ok_or(ImportError::NotText)?;
            let text = String::from_utf8(repaired).map_err(|_| ImportError::NotText)?;
            match text.strip_prefix('\u{feff}') {
                Some(rest) => Ok(std::borrow::Cow::Owned(rest.to_owned())),
                None => Ok(std::borrow::Cow::Owned(text)),
            }
        }
        Err(e) => Err(e),
    }
}

/// iCalendar when the file starts with `BEGIN:VCALENDAR`, else CSV.
pub fn detect(text: &str) -> FileKind {
    // Compared as bytes: the first line may be Cyrillic or emoji, where byte 15 can fall
    // inside a character.
    let head = text.trim_start().as_bytes();
    if head
        .get(..15)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"BEGIN:VCALENDAR"))
    {
        FileKind::Ics
    } else {
        FileKind::Csv
    }
}

/// A patient as a file gives them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PatientRecord {
    /// Our id, when the file has one.
    pub id: Option<PatientId>,
    /// Full name (may be empty when only an id is given).
    pub name: String,
    /// Phone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// Id in another system.
    pub external_id: String,
}

/// A doctor, room or visit type as a file names it: by our id, or by name.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NameRef {
    /// Our id.
    pub id: Option<uuid::Uuid>,
    /// The name.
    pub name: Option<String>,
}

impl NameRef {
    /// True when the file names nothing.
    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.name.as_deref().is_none_or(|n| n.trim().is_empty())
    }
}

/// A time as a file gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum When {
    /// An exact instant.
    Utc(DateTime<Utc>),
    /// Wall time in the clinic's zone (CSV local columns, floating iCalendar times).
    ClinicLocal(NaiveDateTime),
    /// Wall time in a named zone (iCalendar TZID).
    Zoned(NaiveDateTime, Tz),
    /// Wall time in a zone an iCalendar file defines itself (a VTIMEZONE whose TZID is not in
    /// the tz database, such as Outlook's "Eastern Standard Time"), read through that
    /// definition.
    Defined {
        /// The instant: the earlier one when the wall time happens twice.
        at: DateTime<Utc>,
        /// The wall time as written.
        wall: NaiveDateTime,
        /// The wall time happens twice there (the clocks go back).
        twice: bool,
    },
}

/// How an appointment ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Until {
    /// At a time.
    At(When),
    /// After so many minutes.
    Minutes(i64),
}

/// Times a CSV row gives a second time, in another column than the one its times are read
/// from (our export writes the start and end both clinic-local and in UTC, and the minutes):
/// the store checks they agree with the times read, so an edited column is not silently
/// overruled by the one left as it was.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct AlsoStated {
    /// `start_local`, when the start is read from `start_utc`.
    pub start_local: Option<NaiveDateTime>,
    /// `end_local`, when the end is read from `end_utc`.
    pub end_local: Option<NaiveDateTime>,
    /// `minutes`, when the end is read from `end_utc` or `end_local`.
    pub minutes: Option<i64>,
}

/// A cancellation as a file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct CancelRecord {
    /// Why.
    pub reason: String,
    /// Who.
    pub by: CancelledBy,
    /// Late (less than 24 h before).
    pub late: bool,
    /// When, if known.
    pub at: Option<DateTime<Utc>>,
}

/// An appointment as a file gives it; the store resolves its names and times.
#[derive(Clone, Debug, PartialEq)]
pub struct AppointmentRecord {
    /// The id: ours from the file, or derived from the row (see [`derived_id`]).
    pub id: AppointmentId,
    /// When it starts.
    pub start: When,
    /// When it ends.
    pub end: Until,
    /// The doctor.
    pub doctor: NameRef,
    /// The room, if any.
    pub room: NameRef,
    /// The visit type, if any.
    pub visit_type: NameRef,
    /// The patient.
    pub patient: PatientRecord,
    /// Status.
    pub status: Status,
    /// Kind.
    pub kind: Kind,
    /// Mode.
    pub mode: Mode,
    /// Priority.
    pub priority: i32,
    /// Why the patient comes.
    pub reason: String,
    /// Staff notes.
    pub notes: String,
    /// Video link.
    pub meeting_link: String,
    /// Walk-in queue token.
    pub queue_token: String,
    /// Move counter.
    pub sequence: u32,
    /// Arrival.
    pub arrived_at: Option<DateTime<Utc>>,
    /// Consultation start.
    pub consultation_started_at: Option<DateTime<Utc>>,
    /// Completion.
    pub completed_at: Option<DateTime<Utc>>,
    /// Cancellation.
    pub cancellation: Option<CancelRecord>,
    /// The reason it was overbooked at the source; such a row may overlap others.
    pub overbook_reason: Option<String>,
    /// Its place in a recurring series the file defines, if any.
    pub series: Option<series::SeriesLink>,
    /// The times the row gives twice (CSV), to be checked against `start` and `end`.
    pub also: AlsoStated,
}

/// How to import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOptions {
    /// Into which clinic.
    pub clinic: ClinicId,
    /// Check everything and write nothing.
    pub dry_run: bool,
    /// Accept hard conflicts (double bookings, hours) with this reason, recorded in the audit.
    pub overbook: Option<String>,
    /// The file's name, for the audit ("import from …").
    pub source: String,
    /// The doctor for rows that name none (a doctor's own calendar).
    pub default_doctor: Option<DoctorId>,
}

/// What an import did (or, in a dry run, would do).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ImportReport {
    /// Nothing was written on purpose.
    pub dry_run: bool,
    /// The rows were written.
    pub committed: bool,
    /// Rows read.
    pub rows: usize,
    /// Rows imported (or that would be).
    pub imported: usize,
    /// Rows already in the database (same id, or the same patient), left as they are.
    pub already_present: usize,
    /// Rows that repeat an earlier row of the file exactly, read once.
    pub repeats: usize,
    /// Patients registered along with appointments.
    pub patients_added: usize,
    /// Every bad row, by line. Any bad row means nothing was written.
    pub bad: Vec<BadRow>,
    /// Things worth knowing that did not stop the import (DST folds, likely duplicates).
    pub notices: Vec<BadRow>,
}

impl ImportReport {
    /// One sentence for the status line or the terminal; `what` is "patients" or
    /// "appointments" (said in the desk's language).
    pub fn summary(&self, what: &str) -> String {
        if !self.bad.is_empty() {
            return crate::t!("import-bad-rows", count = self.bad.len(), rows = self.rows);
        }
        let what = match what {
            "patients" => crate::t!("import-what-patients"),
            "appointments" => crate::t!("import-what-appointments"),
            other => other.to_owned(),
        };
        let mut text = if self.dry_run {
            crate::t!(
                "import-would-import",
                rows = self.rows,
                imported = self.imported,
                what = what
            )
        } else {
            crate::t!(
                "import-imported",
                rows = self.rows,
                imported = self.imported,
                what = what
            )
        };
        if self.already_present > 0 {
            text.push_str(&crate::t!(
                "import-already-present",
                count = self.already_present
            ));
        }
        if self.repeats > 0 {
            text.push_str(&crate::t!("import-repeats", count = self.repeats));
        }
        if self.patients_added > 0 {
            text.push_str(&crate::t!(
                "import-patients-added",
                count = self.patients_added
            ));
        }
        text.push_str(&if self.dry_run {
            crate::t!("import-end-dry-run")
        } else {
            crate::t!("import-end")
        });
        text
    }
}
