//! `frontdesk report` (a manager report over a range, as text, CSV or JSON) and `frontdesk
//! daysheet` (a doctor's or a room's day as a printable PDF).

use frontdesk::scheduling::entry::echo_path;
use std::io::Write;

use anyhow::{Result, bail};
use chrono::{DateTime, Duration, Utc};
use frontdesk::reports::{self, DaySheet, ReportTable, SheetOf, format};
use frontdesk::scheduling::report::{ReportRange, compute};
use frontdesk::scheduling::time::{local_date, local_day};
use frontdesk::store::{AgendaFilter, Store};

use super::args::{DaysheetArgs, ReportArgs, ReportFormat, ReportKind};
use super::resolve;

fn table_of(kind: ReportKind) -> ReportTable {
    match kind {
        ReportKind::Rooms => ReportTable::Rooms,
        ReportKind::RoomDays => ReportTable::RoomDays,
        ReportKind::Doctors => ReportTable::Doctors,
        ReportKind::NoShows => ReportTable::NoShows,
        ReportKind::Waiting => ReportTable::Waiting,
        ReportKind::BusiestHours => ReportTable::BusiestHours,
    }
}

/// Prints one report over the range the flags give (default: the 30 days up to today).
pub fn report(
    store: &dyn Store,
    clinic: Option<&str>,
    args: &ReportArgs,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    let to = match &args.to {
        Some(text) => resolve::date("--to", text)?,
        None => local_date(zone, now),
    };
    let from = match &args.from {
        Some(text) => resolve::date("--from", text)?,
        None => to - Duration::days(29),
    };
    let range =
        ReportRange::new(from, to).map_err(|e| anyhow::anyhow!("--from {from} --to {to}: {e}"))?;
    let input = store.report_input(clinic.id, range, now)?;
    let report = compute(&input);
    let which = table_of(args.kind);
    let table = reports::table(&report, which);
    let text = match args.format {
        // Exact for a file or a pipe (a spreadsheet reads it); escaped for a terminal, which
        // would obey an escape code in a name stored by an older version.
        ReportFormat::Csv if super::console::is_terminal() => format::csv_for_terminal(&table),
        ReportFormat::Csv => format::csv(&table),
        ReportFormat::Json => format::json_lines(&table),
        ReportFormat::Text => {
            let heading = format!(
                "{} — {} — {} to {} ({} day{}, {})",
                which.title(),
                clinic.name,
                from.format("%-d %b %Y"),
                to.format("%-d %b %Y"),
                range.len(),
                if range.len() == 1 { "" } else { "s" },
                zone.name()
            );
            format::text(&table, &heading)
        }
    };
    let mut out = super::console::stdout();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Saves the day sheet of a doctor or a room as a PDF.
pub fn daysheet(
    store: &dyn Store,
    clinic: Option<&str>,
    args: &DaysheetArgs,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    let date = match &args.date {
        Some(text) => resolve::date("--date", text)?,
        None => local_date(zone, now),
    };
    if args.out.is_dir() {
        bail!(
            "--out {} is a folder: give a file name, e.g. {}/daysheet.pdf",
            echo_path(&args.out),
            echo_path(&args.out)
        );
    }
    let (of, filter) = match (&args.doctor, &args.room) {
        (Some(d), _) => {
            let doctor = resolve::doctor(store, d)?;
            (
                SheetOf::Doctor(doctor.name),
                AgendaFilter::Doctor(doctor.id),
            )
        }
        (None, Some(r)) => {
            let room = resolve::room(store, clinic.id, r)?;
            (SheetOf::Room(room.name), AgendaFilter::Room(room.id))
        }
        (None, None) => bail!("say whose day sheet it is: --doctor NAME or --room NAME"),
    };
    let entries = store.agenda(clinic.id, local_day(zone, date), filter)?;
    let rendered = reports::daysheet::render(&DaySheet {
        clinic: &clinic,
        date,
        of: of.clone(),
        entries: &entries,
        printed_at: now,
    })?;
    reports::save_private(&args.out, &rendered.bytes)?;
    println!(
        "Saved the day sheet of {} for {} to {}: {} appointment{} on {} page{}.",
        frontdesk::scheduling::entry::shown(of.name()),
        date.format("%A %-d %B %Y"),
        echo_path(&args.out),
        rendered.appointments,
        if rendered.appointments == 1 { "" } else { "s" },
        rendered.pages,
        if rendered.pages == 1 { "" } else { "s" }
    );
    Ok(())
}
