//! `frontdesk call`: the waiting room from the command line (issue 17). `--doctor` or `--room`
//! calls the next patient by the clinic's call order; an appointment's id calls that patient
//! (again, when already called); `--not-here` sends a called patient back to the queue, or
//! makes them a no-show after the clinic's number of calls. Each prints what happened and where
//! the patient was sent.

use anyhow::{Result, bail};
use chrono::{DateTime, Utc};
use clap::Args;

use super::resolve;
use frontdesk::scheduling::Appointment;
use frontdesk::store::{CallFor, Called, NotHereDone, Store};

/// `frontdesk call`.
#[derive(Debug, Args)]
pub struct CallArgs {
    /// The appointment to call (out of turn, or again), or with --not-here the one who did not
    /// come; its id is in `frontdesk agenda`.
    #[arg(conflicts_with_all = ["doctor", "room"])]
    pub id: Option<String>,
    /// Call this doctor's next patient.
    #[arg(long, value_name = "NAME", conflicts_with = "room")]
    pub doctor: Option<String>,
    /// Call the next patient booked into this room.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// The called patient did not come (give the appointment's id).
    #[arg(long, requires = "id")]
    pub not_here: bool,
}

/// Where a called patient goes: the room, else the doctor.
fn to_where(store: &dyn Store, a: &Appointment) -> Result<String> {
    if let Some(room) = a.room {
        let rooms = store.rooms(a.clinic)?;
        if let Some(r) = rooms.into_iter().find(|r| r.id == room) {
            return Ok(r.name);
        }
    }
    Ok(store
        .doctors()?
        .into_iter()
        .find(|d| d.id == a.doctor)
        .map(|d| d.name)
        .unwrap_or_default())
}

/// The token, else the booked time, clinic-local.
fn who(store: &dyn Store, a: &Appointment) -> Result<String> {
    if !a.queue_token.is_empty() {
        return Ok(a.queue_token.clone());
    }
    let zone = store
        .clinics()?
        .into_iter()
        .find(|c| c.id == a.clinic)
        .map_or(chrono_tz::UTC, |c| c.time_zone);
    Ok(format!(
        "the {} appointment",
        a.interval.start.with_timezone(&zone).format("%H:%M")
    ))
}

fn print_called(store: &dyn Store, called: &Called) -> Result<()> {
    let a = &called.appointment;
    let again = if called.calls > 1 {
        format!(" (call {})", called.calls)
    } else {
        String::new()
    };
    println!(
        "{}: called {} to {}{again}",
        a.id,
        who(store, a)?,
        to_where(store, a)?
    );
    Ok(())
}

/// Runs `frontdesk call`.
pub fn run(
    store: &mut dyn Store,
    clinic: Option<&str>,
    args: &CallArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    if let Some(id) = &args.id {
        let id = resolve::appointment_id(id)?;
        if args.not_here {
            match store.not_here(id, actor, now)? {
                NotHereDone::BackToQueue {
                    appointment,
                    calls,
                    limit,
                } => println!(
                    "{}: not here at call {calls} of {limit}; back in the queue, in the same place",
                    appointment.id
                ),
                NotHereDone::NoShow { appointment, calls } => println!(
                    "{}: not here after {calls} calls; marked as a no-show",
                    appointment.id
                ),
            }
            return Ok(());
        }
        let called = store.call_patient(id, actor, now)?;
        return print_called(store, &called);
    }
    let clinic = resolve::clinic(store, clinic)?;
    let (call_for, whose) = match (&args.doctor, &args.room) {
        (Some(name), _) => {
            let doctor = resolve::doctor(store, name)?;
            (CallFor::Doctor(doctor.id), doctor.name)
        }
        (None, Some(name)) => {
            let room = resolve::room(store, clinic.id, name)?;
            (CallFor::Room(room.id), room.name)
        }
        (None, None) => bail!(
            "say whose next patient to call: --doctor NAME or --room NAME, or give an \
             appointment's id to call that patient"
        ),
    };
    match store.call_next(clinic.id, call_for, actor, now)? {
        Some(called) => print_called(store, &called),
        None => {
            println!("nobody is waiting for {whose}");
            Ok(())
        }
    }
}
