//! `frontdesk access-log`: the administrator reads who opened, searched, printed, exported,
//! imported, backed up, restored, signed in or changed permissions, newest first, as lines or
//! CSV; reading it is logged too. Every value is escaped as the terminal would otherwise obey
//! it.

use anyhow::{Result, anyhow};
use clap::{Args, ValueEnum};
use frontdesk::scheduling::access::{AccessKind, CELL_NAMES};
use frontdesk::scheduling::entry::shown;
use frontdesk::store::{AccessFilter, Accounts, Guarded};

/// `frontdesk access-log`.
#[derive(Debug, Args)]
pub struct AccessLogArgs {
    /// Only entries of this kind, e.g. sign_in_failed, opened_appointment, exported.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only the entries of this staff member (their name).
    #[arg(long, value_name = "NAME")]
    pub staff: Option<String>,
    /// At most this many entries, newest first.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub limit: u32,
    /// Lines to read, or CSV for a spreadsheet.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub format: LogFormat,
}

/// How the log is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One aligned line per entry.
    Text,
    /// RFC 4180 CSV with a header.
    Csv,
}

/// Prints the entries `args` asks for.
pub fn run(store: &mut Guarded, args: &AccessLogArgs) -> Result<()> {
    let kind = match &args.kind {
        None => None,
        Some(text) => Some(AccessKind::parse(text).ok_or_else(|| {
            anyhow!(
                "--kind {} is not a kind of entry: use one of {}",
                shown(text),
                AccessKind::ALL.map(AccessKind::as_str).join(", ")
            )
        })?),
    };
    let staff = match &args.staff {
        None => None,
        Some(name) => Some(
            store
                .sign_in_record(name)?
                .ok_or_else(|| anyhow!("no staff member is named {}", shown(name)))?
                .member
                .id,
        ),
    };
    let entries = store.access_log(&AccessFilter {
        kind,
        staff,
        limit: args.limit as usize,
        ..AccessFilter::default()
    })?;
    let rows = entries
        .iter()
        .map(|e| e.cells().map(|cell| shown(&cell).into_owned()));
    match args.format {
        LogFormat::Csv => {
            let mut out = Vec::new();
            frontdesk::export::csv::write_record(&mut out, CELL_NAMES)?;
            for row in rows {
                frontdesk::export::csv::write_record(&mut out, row)?;
            }
            print!("{}", String::from_utf8_lossy(&out));
        }
        LogFormat::Text => {
            for row in rows {
                println!(
                    "{}",
                    row.iter()
                        .filter(|c| !c.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("  ")
                );
            }
        }
    }
    Ok(())
}
