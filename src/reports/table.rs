//! The reports as tables of typed cells: the one shape that the command line prints as text,
//! CSV or JSON, and that the window exports as CSV. Percentages are shares of open (working)
//! or due time/appointments, shown with one decimal.

use chrono::NaiveDate;

use crate::scheduling::hours::WEEKDAYS;
use crate::scheduling::report::{Attendance, AttendanceGroup, Report, Timing, Usage};

/// One table of the reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportTable {
    /// Room utilisation per room over the range.
    Rooms,
    /// Room utilisation per room and day.
    RoomDays,
    /// Clinician utilisation per doctor over the range.
    Doctors,
    /// No-show and late-cancel rates per doctor and per visit type.
    NoShows,
    /// Waiting time and consultation length per doctor.
    Waiting,
    /// Booked appointments by weekday and hour of the day.
    BusiestHours,
}

impl ReportTable {
    /// Every table, in the order the window shows them.
    pub const ALL: [ReportTable; 6] = [
        ReportTable::Rooms,
        ReportTable::RoomDays,
        ReportTable::Doctors,
        ReportTable::NoShows,
        ReportTable::Waiting,
        ReportTable::BusiestHours,
    ];

    /// The name on the command line and in file names, e.g. `no-shows`.
    pub fn name(self) -> &'static str {
        match self {
            ReportTable::Rooms => "rooms",
            ReportTable::RoomDays => "room-days",
            ReportTable::Doctors => "doctors",
            ReportTable::NoShows => "no-shows",
            ReportTable::Waiting => "waiting",
            ReportTable::BusiestHours => "busiest-hours",
        }
    }

    /// The title a manager reads.
    pub fn title(self) -> &'static str {
        match self {
            ReportTable::Rooms => "Room utilisation",
            ReportTable::RoomDays => "Room utilisation by day",
            ReportTable::Doctors => "Clinician utilisation",
            ReportTable::NoShows => "No-shows and late cancellations",
            ReportTable::Waiting => "Waiting time and consultation length",
            ReportTable::BusiestHours => "Busiest hours of the week",
        }
    }
}

/// A value in a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A name.
    Text(String),
    /// A clinic-local date.
    Date(NaiveDate),
    /// A whole number (minutes, appointments).
    Count(i64),
    /// A share, 0.0–1.0, shown as a percentage; `None` when there was nothing to divide by.
    Share(Option<f64>),
    /// Minutes with one decimal; `None` when nothing was measured.
    Minutes(Option<f64>),
}

impl Cell {
    /// The value as text people read: `68.7 %`, `12.5`, `—` for nothing.
    pub fn display(&self) -> String {
        match self {
            Cell::Share(None) | Cell::Minutes(None) => "—".into(),
            Cell::Share(Some(s)) => format!("{:.1} %", s * 100.0),
            other => other.plain(),
        }
    }

    /// The value as CSV writes it: a bare number (a percentage for shares), empty for nothing.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(Some(s)) => format!("{:.1}", s * 100.0),
            Cell::Minutes(Some(m)) => format!("{m:.1}"),
            Cell::Share(None) | Cell::Minutes(None) => String::new(),
        }
    }

    /// True for numbers (right-aligned in text).
    pub fn is_number(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Date(_))
    }
}

/// A column: its key (CSV header, JSON field) and its label (text header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Machine name, e.g. `booked_pct`.
    pub key: &'static str,
    /// What people read, e.g. `Booked %`.
    pub label: &'static str,
}

const fn col(key: &'static str, label: &'static str) -> Column {
    Column { key, label }
}

/// A report as rows of cells under named columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Which table.
    pub which: ReportTable,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its rows, each as long as the columns.
    pub rows: Vec<Vec<Cell>>,
}

fn usage_cells(u: &Usage) -> [Cell; 5] {
    [
        Cell::Count(u.open_minutes()),
        Cell::Count(u.booked_minutes()),
        Cell::Share(u.booked_share()),
        Cell::Count(u.used_minutes()),
        Cell::Share(u.used_share()),
    ]
}

fn attendance_cells(group: &'static str, a: &Attendance) -> Vec<Cell> {
    vec![
        Cell::Text(group.into()),
        Cell::Text(a.name.clone()),
        Cell::Count(i64::from(a.due)),
        Cell::Count(i64::from(a.completed)),
        Cell::Count(i64::from(a.no_shows)),
        Cell::Share(a.no_show_rate()),
        Cell::Count(i64::from(a.cancelled)),
        Cell::Count(i64::from(a.late_cancels)),
        Cell::Share(a.late_cancel_rate()),
    ]
}

fn timing_cells(t: &Timing) -> [Cell; 4] {
    [
        Cell::Count(i64::from(t.count)),
        Cell::Minutes(t.median_minutes),
        Cell::Minutes(t.p90_minutes),
        Cell::Minutes(t.mean_minutes),
    ]
}

const HOUR_KEYS: [&str; 24] = [
    "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
    "16", "17", "18", "19", "20", "21", "22", "23",
];

/// One table of a report.
pub fn table(report: &Report, which: ReportTable) -> Table {
    let usage_columns = |first: Column, open: &'static str| {
        vec![
            first,
            col("open_minutes", open),
            col("booked_minutes", "Booked min"),
            col("booked_pct", "Booked %"),
            col("used_minutes", "Used min"),
            col("used_pct", "Used %"),
        ]
    };
    let (columns, rows) = match which {
        ReportTable::Rooms => {
            let mut rows: Vec<Vec<Cell>> = report
                .rooms
                .iter()
                .map(|r| {
                    let mut row = vec![Cell::Text(r.name.clone())];
                    row.extend(usage_cells(&r.total));
                    row
                })
                .collect();
            let mut all = vec![Cell::Text("All rooms".into())];
            all.extend(usage_cells(&report.rooms_total));
            rows.push(all);
            (usage_columns(col("room", "Room"), "Open min"), rows)
        }
        ReportTable::RoomDays => {
            let mut columns = vec![col("date", "Date")];
            columns.extend(usage_columns(col("room", "Room"), "Open min"));
            let mut rows = Vec::new();
            for (i, date) in report.range.dates().enumerate() {
                for r in &report.rooms {
                    let mut row = vec![Cell::Date(date), Cell::Text(r.name.clone())];
                    row.extend(usage_cells(&r.days.get(i).copied().unwrap_or_default()));
                    rows.push(row);
                }
            }
            (columns, rows)
        }
        ReportTable::Doctors => {
            let mut rows: Vec<Vec<Cell>> = report
                .doctors
                .iter()
                .map(|d| {
                    let mut row = vec![Cell::Text(d.name.clone())];
                    row.extend(usage_cells(&d.total));
                    row
                })
                .collect();
            let mut all = vec![Cell::Text("All doctors".into())];
            all.extend(usage_cells(&report.doctors_total));
            rows.push(all);
            let mut columns = usage_columns(col("doctor", "Doctor"), "Working min");
            columns[1] = col("working_minutes", "Working min");
            (columns, rows)
        }
        ReportTable::NoShows => {
            let columns = vec![
                col("group", "By"),
                col("name", "Name"),
                col("due", "Due"),
                col("completed", "Done"),
                col("no_shows", "No-shows"),
                col("no_show_pct", "No-show %"),
                col("cancelled", "Cancelled"),
                col("late_cancels", "Late cancels"),
                col("late_cancel_pct", "Late-cancel %"),
            ];
            let mut rows = Vec::new();
            for a in &report.attendance_by_doctor {
                rows.push(attendance_cells("doctor", a));
            }
            for a in &report.attendance_by_visit_type {
                rows.push(attendance_cells("visit type", a));
            }
            let total = &report.attendance_total;
            debug_assert_eq!(total.group, AttendanceGroup::Clinic);
            rows.push(attendance_cells("clinic", total));
            (columns, rows)
        }
        ReportTable::Waiting => {
            let columns = vec![
                col("doctor", "Doctor"),
                col("waits", "Waits"),
                col("wait_median_min", "Wait median"),
                col("wait_p90_min", "Wait p90"),
                col("wait_mean_min", "Wait mean"),
                col("called", "Called"),
                col("called_to_seen_median_min", "Called to seen median"),
                col("called_to_seen_p90_min", "Called to seen p90"),
                col("called_to_seen_mean_min", "Called to seen mean"),
                col("consultations", "Consultations"),
                col("consultation_median_min", "Length median"),
                col("consultation_p90_min", "Length p90"),
                col("consultation_mean_min", "Length mean"),
            ];
            let row = |name: &str, w: &Timing, called: &Timing, c: &Timing| {
                let mut row = vec![Cell::Text(name.to_owned())];
                row.extend(timing_cells(w));
                row.extend(timing_cells(called));
                row.extend(timing_cells(c));
                row
            };
            let mut rows: Vec<Vec<Cell>> = report
                .timing_by_doctor
                .iter()
                .map(|d| row(&d.name, &d.waiting, &d.called_to_seen, &d.consultation))
                .collect();
            rows.push(row(
                "All doctors",
                &report.waiting,
                &report.called_to_seen,
                &report.consultation,
            ));
            (columns, rows)
        }
        ReportTable::BusiestHours => {
            let mut columns = vec![col("weekday", "Day")];
            columns.extend(HOUR_KEYS.iter().map(|h| col(h, h)));
            let rows = WEEKDAYS
                .iter()
                .enumerate()
                .map(|(d, day)| {
                    let mut row = vec![Cell::Text(day.to_string())];
                    row.extend(
                        report.busiest.counts[d]
                            .iter()
                            .map(|n| Cell::Count(i64::from(*n))),
                    );
                    row
                })
                .collect();
            (columns, rows)
        }
    };
    Table {
        which,
        columns,
        rows,
    }
}
