//! The Reports page's way to the disk: saving a CSV or a day sheet, each on a blocking thread.
//! (Computing a report is one store call through [`Backend::run`].)

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Backend, UiError};
use crate::reports::{self, DaySheet, ReportTable, SheetOf, format};
use crate::scheduling::report::Report;
use crate::scheduling::time::local_day;
use crate::scheduling::{Clinic, DoctorId, RoomId};
use crate::store::AgendaFilter;

/// Whose day sheet to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetTarget {
    /// A doctor's day.
    Doctor(DoctorId),
    /// A room's day.
    Room(RoomId),
}

/// A table's title as the desk reads it (the CSV file itself keeps its English headings).
fn table_title(table: ReportTable) -> String {
    match table {
        ReportTable::Rooms => crate::t!("reports-table-rooms"),
        ReportTable::RoomDays => crate::t!("reports-table-room-days"),
        ReportTable::Doctors => crate::t!("reports-table-doctors"),
        ReportTable::NoShows => crate::t!("reports-table-no-shows"),
        ReportTable::Waiting => crate::t!("reports-table-waiting"),
        ReportTable::BusiestHours => crate::t!("reports-table-busiest-hours"),
    }
}

/// Runs file work on a blocking thread.
async fn off_the_ui<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, UiError> + Send + 'static,
) -> Result<T, UiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| crate::t!("reports-saving-stopped", reason = e.to_string()))?
}

impl Backend {
    /// Saves one table of a report as RFC 4180 CSV (mode 0600); says what was saved. Not a
    /// store call: it formats the table and writes the file.
    pub async fn save_report_csv(
        self,
        report: Report,
        which: ReportTable,
        path: PathBuf,
    ) -> Result<String, UiError> {
        off_the_ui(move || {
            let table = reports::table(&report, which);
            reports::save_private(&path, format::csv(&table).as_bytes())
                .map_err(|e| e.to_string())?;
            Ok(crate::t!(
                "reports-saved-csv",
                table = table_title(which),
                rows = table.rows.len(),
                file = path.display().to_string()
            ))
        })
        .await
    }

    /// Saves the day sheet of a doctor or a room as PDF (mode 0600); says what was saved. More
    /// than a store call: it loads the day's agenda, renders the PDF and writes the file.
    pub async fn save_day_sheet(
        self,
        clinic: Clinic,
        date: NaiveDate,
        target: SheetTarget,
        name: String,
        now: DateTime<Utc>,
        path: PathBuf,
    ) -> Result<String, UiError> {
        let (of, filter) = match target {
            SheetTarget::Doctor(d) => (SheetOf::Doctor(name), AgendaFilter::Doctor(d)),
            SheetTarget::Room(r) => (SheetOf::Room(name), AgendaFilter::Room(r)),
        };
        let day = local_day(clinic.time_zone, date);
        let clinic_id = clinic.id;
        let entries = self.run(move |s| s.agenda(clinic_id, day, filter)).await?;
        off_the_ui(move || {
            let rendered = reports::daysheet::render(&DaySheet {
                clinic: &clinic,
                date,
                of: of.clone(),
                entries: &entries,
                printed_at: now,
            })
            .map_err(|e| e.to_string())?;
            reports::save_private(&path, &rendered.bytes).map_err(|e| e.to_string())?;
            Ok(crate::t!(
                "reports-saved-sheet",
                name = of.name(),
                date = crate::i18n::dates::medium(date),
                appointments = rendered.appointments,
                pages = rendered.pages,
                file = path.display().to_string()
            ))
        })
        .await
    }
}
