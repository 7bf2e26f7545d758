//! `frontdesk waitlist add|list|remove`: the waitlist from the command line. Offers of freed
//! slots appear in the window (it reads cancellations and moves from every desk and from here).

use std::io::{BufWriter, Write};

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Utc, Weekday};
use clap::{Args, Subcommand, ValueEnum};
use frontdesk::scheduling::entry::shown;
use frontdesk::scheduling::hours::DaySpan;
use frontdesk::scheduling::time;
use frontdesk::scheduling::time::{TimeTextError, echo, format_local, local_date, read_day_minute};
use frontdesk::scheduling::waitlist::{
    Preferred, WaitlistEntryId, WaitlistRequest, Weekdays, waited,
};
use frontdesk::store::{Store, WaitlistFilter, WaitlistRow};
use serde::Serialize;

use super::args::Format;
use super::resolve::{self, PatientLookup};

/// `frontdesk waitlist`.
#[derive(Debug, Args)]
pub struct WaitlistArgs {
    /// What to do with the waitlist.
    #[command(subcommand)]
    pub command: WaitlistCommand,
}

/// One waitlist operation.
#[derive(Debug, Subcommand)]
pub enum WaitlistCommand {
    /// Put a patient on the waitlist for an earlier slot.
    Add(Box<AddArgs>),
    /// Show who is waiting, highest priority first, then those waiting longest.
    List(ListArgs),
    /// Take a patient off the waitlist (the entry is kept, marked removed).
    Remove(RemoveArgs),
}

/// How urgent a waitlist entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PriorityArg {
    /// Offered in turn.
    Normal,
    /// Offered before normal entries.
    High,
    /// Offered first.
    Urgent,
}

/// `frontdesk waitlist add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The patient's name, or their id.
    #[arg(long, value_name = "NAME")]
    pub patient: String,
    /// The patient's phone, to pick one of several patients with the same name.
    #[arg(long, value_name = "NUMBER")]
    pub phone: Option<String>,
    /// The doctor they want (default: any doctor).
    #[arg(long, value_name = "NAME")]
    pub doctor: Option<String>,
    /// The visit type, e.g. "Follow-up" (sets the length).
    #[arg(long = "type", value_name = "NAME")]
    pub visit_type: Option<String>,
    /// Length in minutes, up to 480 (default: the visit type's, else the clinic's slot length).
    #[arg(long, value_name = "N", value_parser = super::numbers::visit_minutes,
          allow_negative_numbers = true)]
    pub minutes: Option<u32>,
    /// The weekdays they can come: "mon,wed,fri", "mon-fri" or "any".
    #[arg(long, default_value = "any", value_name = "DAYS")]
    pub days: String,
    /// The clinic-local time of day they can come, "HH:MM-HH:MM" (default: any time).
    #[arg(long, value_name = "HH:MM-HH:MM")]
    pub times: Option<String>,
    /// The first date they can come (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub earliest: Option<String>,
    /// The last date they can come (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub latest: Option<String>,
    /// The appointment they already hold and want something earlier than (its id).
    #[arg(long, value_name = "ID")]
    pub holds: Option<String>,
    /// How urgent.
    #[arg(long, value_enum, default_value_t = PriorityArg::Normal)]
    pub priority: PriorityArg,
    /// Notes for the desk.
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub notes: String,
}

/// `frontdesk waitlist list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Booked and removed entries too.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `frontdesk waitlist remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The entry's id (from `frontdesk waitlist list`).
    pub id: String,
    /// Why (kept in the entry's log).
    #[arg(long, default_value = "", value_name = "TEXT")]
    pub reason: String,
}

/// Runs a waitlist command.
pub fn run(
    store: &mut dyn Store,
    clinic: Option<&str>,
    args: &WaitlistArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    match &args.command {
        WaitlistCommand::Add(a) => add(store, clinic, a, actor, now),
        WaitlistCommand::List(a) => list(store, clinic, a, now),
        WaitlistCommand::Remove(a) => remove(store, a, actor, now),
    }
}

/// Weekdays as typed: "any", "mon-fri", "mon,wed,fri" (full names too).
pub(super) fn days(typed: &str) -> Result<Weekdays> {
    let typed = typed.trim().to_lowercase();
    if typed == "any" || typed == "all" {
        return Ok(Weekdays::ALL);
    }
    let day = |t: &str| -> Result<Weekday> {
        t.trim().parse::<Weekday>().map_err(|_| {
            anyhow!(
                "--days \"{}\": \"{}\" is not a weekday: write days as mon,tue,… or a range such as mon-fri",
                echo(&typed),
                echo(t.trim())
            )
        })
    };
    let mut set = Weekdays::NONE;
    for part in typed.split(',').filter(|p| !p.trim().is_empty()) {
        match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (day(from)?, day(to)?);
                let mut d = from;
                loop {
                    set = set.with(d, true);
                    if d == to {
                        break;
                    }
                    d = d.succ();
                }
            }
            None => set = set.with(day(part)?, true),
        }
    }
    if set.is_empty() {
        bail!("--days is empty: give the days the patient can come, e.g. mon-fri, or any");
    }
    Ok(set)
}

/// A time window as typed: "09:00-12:00" (an en dash works too; 24:00 ends the day), whole
/// minutes.
pub(super) fn times(typed: &str) -> Result<DaySpan> {
    let wrong = || {
        anyhow!(
            "--times \"{}\" is not a time window: write it as HH:MM-HH:MM, e.g. 09:00-12:00",
            echo(typed)
        )
    };
    let (from, to) = typed.split_once(['-', '–']).ok_or_else(wrong)?;
    let minute = |t: &str| match read_day_minute(t) {
        Ok(minute) => Ok(minute),
        Err(seconds @ TimeTextError::Seconds { .. }) => {
            Err(anyhow!("--times \"{}\": {seconds}", echo(typed)))
        }
        Err(_) => Err(wrong()),
    };
    Ok(DaySpan::new(minute(from)?, minute(to)?))
}

fn add(
    store: &mut dyn Store,
    clinic: Option<&str>,
    args: &AddArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let patient = match resolve::patient(store, &args.patient, args.phone.as_deref())? {
        PatientLookup::Found(p) => p,
        PatientLookup::Nobody { namesakes } => {
            return Err(super::write::not_registered(
                &args.patient,
                args.phone.as_deref(),
                &namesakes,
                "book them with `frontdesk book … --new-patient`",
            ));
        }
    };
    let doctor = args
        .doctor
        .as_deref()
        .map(|d| resolve::doctor(store, d))
        .transpose()?;
    let visit_type = args
        .visit_type
        .as_deref()
        .map(|v| resolve::visit_type(store, v))
        .transpose()?;
    let minutes = args
        .minutes
        .or(visit_type.as_ref().map(|v| v.minutes))
        .unwrap_or(clinic.slot_minutes);
    let holds = args
        .holds
        .as_deref()
        .map(resolve::appointment_id)
        .transpose()?;
    let preferred = Preferred {
        weekdays: days(&args.days)?,
        window: args.times.as_deref().map(times).transpose()?,
        earliest: args
            .earliest
            .as_deref()
            .map(|d| resolve::date("--earliest", d))
            .transpose()?,
        latest: args
            .latest
            .as_deref()
            .map(|d| resolve::date("--latest", d))
            .transpose()?,
    };
    let request = WaitlistRequest {
        clinic: clinic.id,
        patient: patient.id,
        doctor: doctor.as_ref().map(|d| d.id),
        visit_type: visit_type.as_ref().map(|v| v.id),
        minutes,
        preferred,
        holds,
        notes: args.notes.clone(),
        priority: match args.priority {
            PriorityArg::Normal => 0,
            PriorityArg::High => 1,
            PriorityArg::Urgent => 2,
        },
    };
    let id = WaitlistEntryId(uuid::Uuid::now_v7());
    let row = store
        .add_to_waitlist(id, &request, actor, now)
        .map_err(|e| {
            anyhow!(e).context(format!(
                "cannot put {} on the waitlist",
                shown(&patient.name)
            ))
        })?;
    println!(
        "{} is on the waitlist for {} ({} {} min; {}): {}",
        shown(&row.patient_name),
        shown(row.doctor_name.as_deref().unwrap_or("any doctor")),
        shown(row.visit_type_name.as_deref().unwrap_or("visit")),
        row.entry.request.minutes,
        row.entry.request.preferred,
        row.entry.id
    );
    Ok(())
}

/// One entry as `waitlist list --format json` prints it.
#[derive(Serialize)]
struct EntryJson<'a> {
    id: String,
    patient: &'a str,
    phone: &'a str,
    doctor: Option<&'a str>,
    visit_type: Option<&'a str>,
    minutes: u32,
    days: String,
    times: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
    holds: Option<String>,
    holds_start: Option<String>,
    priority: i32,
    notes: &'a str,
    status: &'static str,
    waiting_since: String,
    created_by: &'a str,
    booked: Option<String>,
}

fn json(zone: chrono_tz::Tz, r: &WaitlistRow) -> EntryJson<'_> {
    let e = &r.entry;
    let p = &e.request.preferred;
    EntryJson {
        id: e.id.to_string(),
        patient: &r.patient_name,
        phone: &r.patient_phone,
        doctor: r.doctor_name.as_deref(),
        visit_type: r.visit_type_name.as_deref(),
        minutes: e.request.minutes,
        days: p.weekdays.to_string(),
        times: p.window.map(|w| w.to_string()),
        earliest: p.earliest.map(|d| d.to_string()),
        latest: p.latest.map(|d| d.to_string()),
        holds: e.request.holds.map(|a| a.to_string()),
        holds_start: r.held.as_ref().map(|h| time::rfc3339(zone, h.start)),
        priority: e.request.priority,
        notes: &e.request.notes,
        status: e.status.as_str(),
        waiting_since: time::rfc3339(zone, e.created_at),
        created_by: &e.created_by,
        booked: e.booked.map(|a| a.to_string()),
    }
}

fn list(
    store: &dyn Store,
    clinic: Option<&str>,
    args: &ListArgs,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    let filter = if args.all {
        WaitlistFilter::All
    } else {
        WaitlistFilter::Open
    };
    let rows = store.waitlist(clinic.id, filter)?;
    let mut out = BufWriter::new(super::console::stdout());
    match args.format {
        Format::Json => {
            for r in &rows {
                writeln!(
                    out,
                    "{}",
                    frontdesk::reports::format::json_text(&json(zone, r))
                )?;
            }
        }
        Format::Text => {
            writeln!(
                out,
                "{} — waitlist on {} ({zone})",
                shown(&clinic.name),
                local_date(zone, now)
            )?;
            if rows.is_empty() {
                writeln!(out, "Nobody is waiting.")?;
            }
            for r in &rows {
                let e = &r.entry;
                let state = match e.status.is_open() {
                    true => format!("{} {}", e.status.as_str(), waited(e.created_at, now)),
                    false => e.status.as_str().to_owned(),
                };
                writeln!(
                    out,
                    "{}  {} ({}) · {} · {} {} min · {}",
                    e.id,
                    shown(&r.patient_name),
                    shown(&r.patient_phone),
                    shown(r.doctor_name.as_deref().unwrap_or("any doctor")),
                    shown(r.visit_type_name.as_deref().unwrap_or("visit")),
                    e.request.minutes,
                    e.request.preferred
                )?;
                let priority = match e.request.priority {
                    ..=0 => "normal",
                    1 => "high",
                    _ => "urgent",
                };
                let mut extra = vec![state, format!("priority {priority}")];
                if let Some(h) = &r.held {
                    extra.push(format!(
                        "holds {} ({})",
                        format_local(zone, h.start),
                        h.status.label()
                    ));
                }
                if !e.request.notes.is_empty() {
                    extra.push(format!("notes: {}", shown(&e.request.notes)));
                }
                writeln!(out, "    {}", extra.join(" · "))?;
            }
            if !rows.is_empty() {
                writeln!(out, "{} entries", rows.len())?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn remove(store: &mut dyn Store, args: &RemoveArgs, actor: &str, now: DateTime<Utc>) -> Result<()> {
    let id = uuid::Uuid::parse_str(args.id.trim())
        .map(WaitlistEntryId)
        .map_err(|_| {
            anyhow!(
                "\"{}\" is not a waitlist entry id: copy the id shown by `frontdesk waitlist list`",
                args.id
            )
        })?;
    let row = store.waitlist_entry(id)?;
    store.remove_from_waitlist(id, &args.reason, actor, now)?;
    println!("{} is off the waitlist: {}", shown(&row.patient_name), id);
    Ok(())
}
