//! Commands that book, move and change appointments, and the slot search they lean on.

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Utc};
use frontdesk::scheduling::time::{format_local, lenient_instant, local_date};
use frontdesk::scheduling::*;
use frontdesk::store::{
    BookingOutcome, BookingRequest, MoveRequest, SlotSearch, SqliteStore, Start, Store,
};

use super::args::{BookArgs, ByArg, Format, ModeArg, MoveArgs, SlotsArgs, StatusArg, StatusArgs};
use super::resolve;

fn report(zone: chrono_tz::Tz, verb: &str, outcome: &BookingOutcome, patient: &str) {
    let a = &outcome.appointment;
    println!(
        "{verb} {patient}, {}–{} ({} min), {}: {}",
        format_local(zone, a.interval.start),
        a.interval.end.with_timezone(&zone).format("%H:%M"),
        a.interval.minutes(),
        a.status.label(),
        a.id
    );
    if !a.queue_token.is_empty() {
        println!("queue token: {}", a.queue_token);
    }
    if let Some(reason) = &outcome.overbooked {
        println!("overbooked ({reason}) despite:");
    }
    for c in &outcome.conflicts {
        println!("  note: {c}");
    }
}

/// `frontdesk book`.
pub fn book(
    store: &mut SqliteStore,
    clinic: Option<&str>,
    args: &BookArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    let doctor = resolve::doctor(store, &args.doctor)?;
    let room = args
        .room
        .as_deref()
        .map(|r| resolve::room(store, clinic.id, r))
        .transpose()?;
    let visit_type = args
        .visit_type
        .as_deref()
        .map(|v| resolve::visit_type(store, v))
        .transpose()?;
    // --minutes is 1 to 480 (clap checked it); a visit type's or the clinic's length is too.
    let minutes = i64::from(
        args.minutes
            .or(visit_type.as_ref().map(|v| v.minutes))
            .unwrap_or(clinic.slot_minutes),
    );
    let mode = match args.mode {
        Some(ModeArg::InClinic) => Mode::InClinic,
        Some(ModeArg::Phone) => Mode::Phone,
        Some(ModeArg::Video) => Mode::Video,
        None => visit_type
            .as_ref()
            .map(|v| v.default_mode)
            .unwrap_or(Mode::InClinic),
    };
    let kind = if args.emergency {
        Kind::Emergency
    } else if args.walk_in {
        Kind::WalkIn
    } else {
        Kind::Scheduled
    };
    // Check every input before anything is written, a new patient included.
    let start = match (&args.start, kind) {
        (Some(text), _) => Start::Local(resolve::wall_time("--start", text)?),
        (None, Kind::Emergency) => Start::At(round_down_to_minute(now)),
        (None, Kind::WalkIn) => Start::At(first_free_today(
            store,
            &clinic,
            &doctor,
            room.as_ref(),
            minutes,
            now,
        )?),
        (None, Kind::Scheduled) => {
            bail!("--start is required: give the clinic-local start as \"YYYY-MM-DD HH:MM\"")
        }
    };
    if let Some(reason) = &args.overbook
        && reason.trim().is_empty()
    {
        bail!(
            "--overbook needs a reason, e.g. --overbook \"doctor agreed to see her between patients\""
        );
    }
    let mut new_patient = None;
    let patient = match resolve::patient(store, &args.patient, args.phone.as_deref())? {
        Some(p) => p,
        None if args.new_patient => {
            let p = Patient {
                id: PatientId(uuid::Uuid::new_v4()),
                name: args.patient.trim().to_owned(),
                phone: args.phone.as_deref().unwrap_or("").trim().to_owned(),
                email: String::new(),
                birth_date: None,
                external_id: String::new(),
            };
            new_patient = Some(p.clone());
            p
        }
        None => bail!(
            "no patient named \"{}\"{}: check the spelling, or add --new-patient{} to register them",
            args.patient,
            args.phone
                .as_deref()
                .map(|p| format!(" with phone {p}"))
                .unwrap_or_default(),
            if args.phone.is_none() {
                " --phone NUMBER"
            } else {
                ""
            }
        ),
    };
    let overbook = match (&args.overbook, kind) {
        (Some(r), _) => Some(r.clone()),
        (None, Kind::Emergency) => Some("Emergency: seen at once".to_owned()),
        (None, _) => None,
    };
    let request = BookingRequest {
        clinic: clinic.id,
        patient: patient.id,
        doctor: doctor.id,
        room: room.as_ref().map(|r| r.id),
        visit_type: visit_type.as_ref().map(|v| v.id),
        start,
        minutes,
        mode,
        kind,
        priority: if kind == Kind::Emergency { 2 } else { 0 },
        reason: args.reason.clone(),
        notes: String::new(),
        overbook,
        new_patient: new_patient.clone(),
    };
    let similar = match &new_patient {
        Some(p) => store.likely_duplicates(p)?,
        None => Vec::new(),
    };
    if let Some(rule) = &args.repeat {
        return super::series::book(store, &clinic, request, rule, args, &similar, actor, now);
    }
    let outcome = store.book(&request, actor, now).map_err(|e| {
        anyhow!(e).context(format!("cannot book {} with {}", patient.name, doctor.name))
    })?;
    if let Some(p) = &new_patient {
        println!("Registered new patient {} ({})", p.name, p.id);
        for other in similar {
            println!(
                "  warning: may be the same person as {} ({}, {})",
                other.name, other.phone, other.id
            );
        }
    }
    report(zone, "Booked", &outcome, &patient.name);
    if outcome.overbooked.is_none() && outcome.conflicts.is_empty() && args.overbook.is_some() {
        println!("  note: no conflict stood, so nothing was overbooked");
    }
    Ok(())
}

fn round_down_to_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp() - t.timestamp().rem_euclid(60), 0).unwrap_or(t)
}

/// The first free slot of `minutes` with the doctor from now until the end of today.
fn first_free_today(
    store: &SqliteStore,
    clinic: &Clinic,
    doctor: &Doctor,
    room: Option<&Room>,
    minutes: i64,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    let target = match room {
        Some(r) => SlotTarget::DoctorAndRoom(doctor.id, r.id),
        None => SlotTarget::Doctor(doctor.id),
    };
    let slots = store.find_slots(&SlotSearch {
        clinic: clinic.id,
        target,
        query: SlotQuery {
            minutes: u32::try_from(minutes)?,
            step_minutes: 5,
            from: now,
            count: 1,
        },
        horizon_days: 1,
        patient: None,
    })?;
    let today = local_date(clinic.time_zone, now);
    slots
        .first()
        .filter(|s| local_date(clinic.time_zone, s.interval.start) == today)
        .map(|s| s.interval.start)
        .ok_or_else(|| {
            anyhow!(
                "{} has no free {minutes} minutes left today: choose another doctor, give --start, or book it as --emergency",
                doctor.name
            )
        })
}

/// `frontdesk status`.
pub fn status(
    store: &mut SqliteStore,
    args: &StatusArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let id = resolve::appointment_id(&args.id)?;
    let reason = args.reason.clone().unwrap_or_default();
    let action = match args.action {
        StatusArg::Confirm => StatusAction::Confirm,
        StatusArg::CheckIn => StatusAction::CheckIn,
        StatusArg::Start => StatusAction::Start,
        StatusArg::Complete => StatusAction::Complete,
        StatusArg::NoShow => StatusAction::NoShow,
        StatusArg::Cancel => StatusAction::Cancel {
            reason,
            by: match args.by {
                ByArg::Patient => CancelledBy::Patient,
                ByArg::Clinic => CancelledBy::Clinic,
            },
        },
        StatusArg::EnteredInError => StatusAction::EnteredInError { reason },
    };
    let after = store.change_status(id, &action, actor, now)?;
    let late = match &after.cancellation {
        Some(c) if c.late => " (late: less than 24 hours before the start)",
        _ => "",
    };
    println!("{}: now {}{late}", after.id, after.status.label());
    Ok(())
}

/// `frontdesk move`.
pub fn move_appointment(
    store: &mut SqliteStore,
    clinic: Option<&str>,
    args: &MoveArgs,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let id = resolve::appointment_id(&args.id)?;
    let entry = store.appointment(id)?;
    let clinic = match clinic {
        Some(_) => resolve::clinic(store, clinic)?,
        None => store
            .clinics()?
            .into_iter()
            .find(|c| c.id == entry.appointment.clinic)
            .ok_or_else(|| anyhow!("the appointment's clinic is missing: run `frontdesk check`"))?,
    };
    let start = Start::Local(resolve::wall_time("--start", &args.start)?);
    if let Some(reason) = &args.overbook
        && reason.trim().is_empty()
    {
        bail!("--overbook needs a reason");
    }
    let request = MoveRequest {
        appointment: id,
        start,
        doctor: args
            .doctor
            .as_deref()
            .map(|d| resolve::doctor(store, d))
            .transpose()?
            .map(|d| d.id),
        room: args
            .room
            .as_deref()
            .map(|r| resolve::room(store, clinic.id, r))
            .transpose()?
            .map(|r| r.id),
        overbook: args.overbook.clone(),
    };
    let outcome = store.move_appointment(&request, actor, now).map_err(|e| {
        anyhow!(e).context(format!("cannot move {}'s appointment", entry.patient_name))
    })?;
    report(clinic.time_zone, "Moved", &outcome, &entry.patient_name);
    Ok(())
}

/// `frontdesk slots`.
pub fn slots(
    store: &SqliteStore,
    clinic: Option<&str>,
    args: &SlotsArgs,
    now: DateTime<Utc>,
) -> Result<()> {
    let clinic = resolve::clinic(store, clinic)?;
    let zone = clinic.time_zone;
    // --minutes, --count and --days were checked against their ranges by clap (numbers.rs).
    let from = match &args.from {
        None => now,
        Some(text) => lenient_instant(zone, resolve::date_or_wall_time("--from", text)?),
    }
    .max(now);
    let doctor = args
        .doctor
        .as_deref()
        .map(|d| resolve::doctor(store, d))
        .transpose()?;
    let any_room = args
        .room
        .as_deref()
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("any"));
    let room = args
        .room
        .as_deref()
        .filter(|_| !any_room)
        .map(|r| resolve::room(store, clinic.id, r))
        .transpose()?;
    let target = match (&doctor, &room) {
        (Some(d), _) if any_room => SlotTarget::DoctorAndAnyRoom(d.id),
        (None, _) if any_room => SlotTarget::AnyDoctorAndAnyRoom,
        (Some(d), Some(r)) => SlotTarget::DoctorAndRoom(d.id, r.id),
        (Some(d), None) => SlotTarget::Doctor(d.id),
        (None, Some(r)) => SlotTarget::Room(r.id),
        (None, None) => SlotTarget::AnyDoctor,
    };
    let limits = super::series::slot_limits(zone, args, from)?;
    let found = store.find_slots_within(
        &SlotSearch {
            clinic: clinic.id,
            target,
            query: SlotQuery {
                minutes: args.minutes,
                step_minutes: clinic.slot_minutes,
                from,
                count: args.count,
            },
            horizon_days: i64::from(args.days),
            patient: None,
        },
        &limits,
    )?;
    if found.is_empty() {
        bail!(
            "no free {} minutes in the next {} days: try a shorter visit, another doctor, or more --days",
            args.minutes,
            args.days
        );
    }
    let doctors = store.doctors()?;
    let rooms = store.rooms(clinic.id)?;
    for slot in found {
        let doctor = slot
            .doctor
            .and_then(|id| doctors.iter().find(|d| d.id == id))
            .map(|d| d.name.as_str());
        let room = slot
            .room
            .and_then(|id| rooms.iter().find(|r| r.id == id))
            .map(|r| r.name.as_str());
        let start = slot.interval.start.with_timezone(&zone);
        match args.format {
            Format::Text => println!(
                "{}–{}  {}{}",
                start.format("%a %Y-%m-%d %H:%M"),
                slot.interval.end.with_timezone(&zone).format("%H:%M"),
                doctor.unwrap_or(""),
                room.map(|r| format!("  {r}")).unwrap_or_default()
            ),
            Format::Json => println!(
                "{}",
                serde_json::json!({
                    "start": start.to_rfc3339(),
                    "end": slot.interval.end.with_timezone(&zone).to_rfc3339(),
                    "doctor": doctor,
                    "room": room,
                })
            ),
        }
    }
    Ok(())
}
