//! Exports other systems accept: iCalendar (RFC 5545) for calendar clients, CSV (RFC 4180) for
//! spreadsheets, and FHIR R4 JSON for EMRs. Each writer has its own wire structs built from the
//! core types (the core derives no wire format) and streams to a `Write`, reporting progress.

mod chunks;
pub mod csv;
pub mod fhir;
pub mod ics;
mod ics_text;
mod vtimezone;

use crate::scheduling::entry::echo_path;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::private_file::Partial;
use crate::scheduling::time::local_day;
use crate::scheduling::*;

pub use ics_text::{fold_line, unfold};
pub use vtimezone::{Transition, transitions};

/// One of the three export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// iCalendar (RFC 5545), for calendar clients.
    Ics,
    /// CSV (RFC 4180), for spreadsheets.
    Csv,
    /// FHIR R4 (4.0.1) JSON Bundle, for EMRs.
    Fhir,
}

impl Format {
    /// Every format, in the order menus show them.
    pub const ALL: [Format; 3] = [Format::Ics, Format::Csv, Format::Fhir];

    /// The usual file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ics => "ics",
            Format::Csv => "csv",
            Format::Fhir => "json",
        }
    }

    /// What staff read, in the desk's language (the command line's is English).
    pub fn label(self) -> String {
        match self {
            Format::Ics => crate::t!("export-format-ics"),
            Format::Csv => crate::t!("export-format-csv"),
            Format::Fhir => crate::t!("export-format-fhir"),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

/// Whose appointments an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every doctor and room of the clinic.
    All,
    /// One doctor's.
    Doctor(DoctorId),
    /// One room's.
    Room(RoomId),
}

/// Which appointments to export: one clinic, one doctor or room or all, and the clinic-local
/// dates they start on (both ends included; `None` is open-ended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportQuery {
    /// The clinic.
    pub clinic: ClinicId,
    /// First clinic-local date, included.
    pub from: Option<NaiveDate>,
    /// Last clinic-local date, included.
    pub to: Option<NaiveDate>,
    /// Whose appointments.
    pub scope: Scope,
}

impl ExportQuery {
    /// The UTC bounds of the query in `zone`: appointments that start at or after the first and
    /// before the second.
    pub fn bounds(&self, zone: chrono_tz::Tz) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        (
            self.from.map(|d| local_day(zone, d).start),
            self.to.map(|d| local_day(zone, d).end),
        )
    }
}

/// One appointment as exported: the core appointment and what the store knows around it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedAppointment {
    /// The appointment.
    pub appointment: Appointment,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// Set when it was deliberately overbooked.
    pub overbook_reason: Option<String>,
    /// The recurring series it belongs to, if any. The iCalendar writer groups a series' events
    /// by this key (see [`ics::EventGroup`]).
    pub series: Option<uuid::Uuid>,
    /// The local date the series' rule gives it (its iCalendar RECURRENCE-ID), for a series
    /// member.
    pub occurrence_date: Option<NaiveDate>,
}

/// A recurring series that appointments of the export belong to: its rule, and every one of
/// its appointments (in the range or not). The iCalendar writer excludes every date of the rule
/// that no appointment of the export holds (`ics::SeriesPlan`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedSeries {
    /// The series id (the master event's UID).
    pub id: uuid::Uuid,
    /// The rule.
    pub rule: SeriesRule,
    /// The first date.
    pub start_date: NaiveDate,
    /// The clinic-local wall time every occurrence keeps.
    pub start_time: NaiveTime,
    /// How long each occurrence lasts.
    pub minutes: i64,
    /// Every appointment of the series: its occurrence date and status.
    pub members: Vec<(NaiveDate, Status)>,
}

/// Everything an export writes: the clinic, the people and places the appointments refer to,
/// and the appointments, by start time.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSet {
    /// The clinic.
    pub clinic: Clinic,
    /// The doctors (at least those the appointments name).
    pub doctors: Vec<Doctor>,
    /// The clinic's rooms.
    pub rooms: Vec<Room>,
    /// The visit types.
    pub visit_types: Vec<VisitType>,
    /// The patients the appointments name.
    pub patients: Vec<Patient>,
    /// The preferred languages of those patients who have one (the others read the clinic's).
    pub patient_languages: HashMap<PatientId, crate::i18n::Language>,
    /// The appointments, by start time then id.
    pub appointments: Vec<ExportedAppointment>,
    /// The recurring series the appointments belong to.
    pub series: Vec<ExportedSeries>,
    /// The UTC range asked for, when bounded (the iCalendar time zone covers it).
    pub range: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
}

/// Lookups by id over an [`ExportSet`].
pub(crate) struct Names<'a> {
    doctors: HashMap<DoctorId, &'a Doctor>,
    rooms: HashMap<RoomId, &'a Room>,
    patients: HashMap<PatientId, &'a Patient>,
    visit_types: HashMap<VisitTypeId, &'a VisitType>,
}

impl<'a> Names<'a> {
    pub(crate) fn new(set: &'a ExportSet) -> Self {
        Self {
            doctors: set.doctors.iter().map(|d| (d.id, d)).collect(),
            rooms: set.rooms.iter().map(|r| (r.id, r)).collect(),
            patients: set.patients.iter().map(|p| (p.id, p)).collect(),
            visit_types: set.visit_types.iter().map(|v| (v.id, v)).collect(),
        }
    }

    pub(crate) fn doctor(&self, id: DoctorId) -> Option<&'a Doctor> {
        self.doctors.get(&id).copied()
    }

    pub(crate) fn room(&self, id: Option<RoomId>) -> Option<&'a Room> {
        id.and_then(|id| self.rooms.get(&id).copied())
    }

    pub(crate) fn patient(&self, id: PatientId) -> Option<&'a Patient> {
        self.patients.get(&id).copied()
    }

    pub(crate) fn visit_type(&self, id: Option<VisitTypeId>) -> Option<&'a VisitType> {
        id.and_then(|id| self.visit_types.get(&id).copied())
    }
}

/// How far long work has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What is happening ("writing", "checking", "copying" …).
    pub phase: &'static str,
    /// Done so far.
    pub done: u64,
    /// Out of.
    pub total: u64,
}

impl Progress {
    /// Done as a fraction from 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0) as f32
        }
    }
}

/// Writes `set` in `format` to `out`. `now` is the export's timestamp (DTSTAMP, Bundle time).
pub fn write(
    format: Format,
    set: &ExportSet,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
) -> std::io::Result<()> {
    write_in_chunks(format, set, now, out, progress, CHUNK)
}

/// Items (events, rows, entries) an export formats at a time on each core; see
/// [`write_in_chunks`].
pub const CHUNK: usize = chunks::CHUNK;

/// [`write`], formatting `chunk` items at a time on every core. The bytes are the same
/// whatever `chunk` is; tests use small chunks to run many of them through the threads.
pub fn write_in_chunks(
    format: Format,
    set: &ExportSet,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
    chunk: usize,
) -> std::io::Result<()> {
    match format {
        Format::Ics => ics::write(set, now, out, progress, chunk),
        Format::Csv => csv::write(set, out, progress, chunk),
        Format::Fhir => fhir::write(set, now, out, progress, chunk),
    }
}

/// What an export to a file did.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportSummary {
    /// The file written.
    pub path: PathBuf,
    /// The format.
    pub format: Format,
    /// How many appointments.
    pub appointments: usize,
    /// How many bytes.
    pub bytes: u64,
}

impl std::fmt::Display for ExportSummary {
    /// "Exported 2 appointments to out.ics (iCalendar (.ics), 14 kB)", as staff read it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::t!(
            "export-summary",
            // The count chooses the plural form; it is written ungrouped, as scripts read it.
            count = self.appointments,
            appointments = self.appointments.to_string(),
            file = echo_path(&self.path),
            format = self.format.label(),
            size = file_size(self.bytes)
        ))
    }
}

/// A file's size as staff read it: bytes, kB or MB (binary multiples, whole numbers).
pub fn file_size(bytes: u64) -> String {
    match bytes {
        b if b >= 10 << 20 => crate::t!("export-size-mb", size = (b >> 20).to_string()),
        b if b >= 10 << 10 => crate::t!("export-size-kb", size = (b >> 10).to_string()),
        b => crate::t!("export-size-bytes", size = b.to_string()),
    }
}

/// A file could not be written.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}",
    crate::t!(
        "export-cannot-write",
        file = echo_path(path),
        error = error.to_string()
    )
)]
pub struct ExportError {
    /// The file.
    pub path: PathBuf,
    /// The cause.
    pub error: std::io::Error,
}

pub use crate::private_file::create_private;

/// Writes `set` to `path` (mode 0600): first to a partial file beside it, then renamed over
/// `path`, so a failed export never leaves half a file under the real name.
pub fn write_file(
    path: &Path,
    format: Format,
    set: &ExportSet,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportSummary, ExportError> {
    let fail = |error| ExportError {
        path: path.to_path_buf(),
        error,
    };
    let result = (|| {
        let (partial, file) = Partial::create(path)?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        write(format, set, now, &mut out, progress)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        let bytes = file.metadata()?.len();
        partial.persist(path)?;
        Ok(bytes)
    })();
    match result {
        Ok(bytes) => Ok(ExportSummary {
            path: path.to_path_buf(),
            format,
            appointments: set.appointments.len(),
            bytes,
        }),
        Err(error) => Err(fail(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_how_many_where_what_and_how_big() {
        let summary = |appointments, bytes| ExportSummary {
            path: PathBuf::from("/home/desk/out.ics"),
            format: Format::Ics,
            appointments,
            bytes,
        };
        assert_eq!(
            summary(1, 900).to_string(),
            "Exported 1 appointment to /home/desk/out.ics (iCalendar (.ics), 900 bytes)"
        );
        assert_eq!(
            summary(100_000, 96_974_702).to_string(),
            "Exported 100000 appointments to /home/desk/out.ics (iCalendar (.ics), 92 MB)"
        );
        assert_eq!(file_size(20 << 10), "20 kB");
    }
}
