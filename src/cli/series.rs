//! `frontdesk book --repeat RULE`: a recurring series from the command line, and the narrowing
//! options of `frontdesk slots` (`--to`, `--after`, `--before`).

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Utc};
use frontdesk::scheduling::entry::shown;
use frontdesk::scheduling::slots::parse_window;
use frontdesk::scheduling::time::{format_local, local_day};
use frontdesk::scheduling::*;
use frontdesk::store::{BookingRequest, SeriesRequest, SlotLimits, Store};

use super::args::{BookArgs, SlotsArgs};
use super::resolve;

/// The part of the day and the last date `frontdesk slots` asks for.
pub fn slot_limits(
    zone: chrono_tz::Tz,
    args: &SlotsArgs,
    from: DateTime<Utc>,
) -> Result<SlotLimits> {
    let time_of_day = match (&args.after, &args.before) {
        (None, None) => TimeOfDay::Any,
        (after, before) => TimeOfDay::Between(
            parse_window(
                after.as_deref().unwrap_or(""),
                before.as_deref().unwrap_or(""),
            )
            .map_err(|e| anyhow!("--after/--before: {e}"))?,
        ),
    };
    let until = match &args.to {
        None => None,
        Some(text) => {
            let last = resolve::date("--to", text)?;
            let end = local_day(zone, last).end;
            if end <= from {
                bail!(
                    "--to {text} is before the search starts ({}): give a later date",
                    format_local(zone, from)
                );
            }
            Some(end)
        }
    };
    Ok(SlotLimits { time_of_day, until })
}

/// Books the series `request` repeats by `rule_text` (see [`super::write::book`], which
/// resolved the names).
#[allow(clippy::too_many_arguments)]
pub fn book(
    store: &mut dyn Store,
    clinic: &Clinic,
    request: BookingRequest,
    rule_text: &str,
    args: &BookArgs,
    new_patient: Option<(&Patient, &[Patient])>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let zone = clinic.time_zone;
    let rule = SeriesRule::parse(rule_text).map_err(|e| anyhow!("--repeat: {e}"))?;
    let on_conflict = match (&args.overbook, args.skip_conflicts) {
        (Some(reason), _) => OnConflict::Overbook(reason.clone()),
        (None, true) => OnConflict::Skip,
        (None, false) => OnConflict::Refuse,
    };
    let patient = shown(args.patient.trim()).into_owned();
    let series = SeriesRequest {
        booking: BookingRequest {
            overbook: None,
            ..request
        },
        rule: rule.clone(),
        on_conflict,
    };
    let outcome = store
        .book_series(&series, actor, now)
        .map_err(|e| anyhow!(e).context(format!("cannot book the series for {patient}")))?;
    if let Some((new, similar)) = new_patient
        && let Some((_, first)) = outcome.booked.first()
    {
        super::write::registered(new, first.appointment.patient, similar);
    }
    let time = match series.booking.start {
        frontdesk::store::Start::Local(wall) => wall.format("%H:%M").to_string(),
        frontdesk::store::Start::At(t) => format_local(zone, t),
        // Refused for a series by the store; said as what was asked.
        frontdesk::store::Start::FirstFreeToday(_) => "the first free time".to_owned(),
    };
    println!(
        "Booked a series of {} for {patient}: {rule} at {time} ({}); series {}",
        outcome.booked.len(),
        zone.name(),
        outcome.series
    );
    for (_, b) in &outcome.booked {
        let a = &b.appointment;
        println!(
            "  {}–{}  {}{}",
            format_local(zone, a.interval.start),
            a.interval.end.with_timezone(&zone).format("%H:%M"),
            a.id,
            if b.overbooked.is_some() {
                "  (overbooked)"
            } else {
                ""
            }
        );
        for c in b
            .conflicts
            .iter()
            .filter(|c| c.severity() == Severity::Notice)
        {
            println!("    note: {c}");
        }
    }
    if !outcome.skipped.is_empty() {
        println!("left out {} occurrences:", outcome.skipped.len());
        for s in &outcome.skipped {
            let why: Vec<String> = s.conflicts.iter().map(ToString::to_string).collect();
            println!(
                "  {}: {}",
                s.occurrence.wall.format("%Y-%m-%d %H:%M"),
                why.join("; ")
            );
        }
    }
    Ok(())
}
