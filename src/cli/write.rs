//! Commands that book, move and change appointments, and the slot search they lean on.

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, Utc};
use frontdesk::scheduling::entry::{echo, shown};
use frontdesk::scheduling::patient_match::{self, Identified, Registration, describe_patient};
use frontdesk::scheduling::time;
use frontdesk::scheduling::time::{format_local, lenient_instant, whole_minute};
use frontdesk::scheduling::*;
use frontdesk::store::{BookingOutcome, BookingRequest, MoveRequest, SlotSearch, Start, Store};

use super::args::{BookArgs, ByArg, Format, ModeArg, MoveArgs, SlotsArgs, StatusArg, StatusArgs};
use super::resolve::{self, PatientLookup};

fn report(zone: chrono_tz::Tz, verb: &str, outcome: &BookingOutcome, patient: &str) {
    let a = &outcome.appointment;
    println!(
        "{verb} {}, {}–{} ({} min), {}: {}",
        shown(patient),
        format_local(zone, a.interval.start),
        a.interval.end.with_timezone(&zone).format("%H:%M"),
        a.interval.minutes(),
        a.status.label(),
        a.id
    );
    if !a.queue_token.is_empty() {
        println!("queue token: {}", shown(&a.queue_token));
    }
    if let Some(reason) = &outcome.overbooked {
        println!("overbooked ({}) despite:", shown(reason));
    }
    for c in &outcome.conflicts {
        println!("  note: {}", shown(&c.to_string()));
    }
}

/// `frontdesk book`.
pub fn book(
    store: &mut dyn Store,
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
        (None, Kind::Emergency) => Start::At(whole_minute(zone, now)),
        // Found when the booking is written, under its lock, so desks booking walk-ins at
        // once each get the next free time.
        (None, Kind::WalkIn) => Start::FirstFreeToday(match &room {
            Some(r) => SlotTarget::DoctorAndRoom(doctor.id, r.id),
            None => SlotTarget::Doctor(doctor.id),
        }),
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
    let (patient, new_patient) = patient_to_book(store, args)?;
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
        // A "new" patient found registered already is booked as themselves.
        new_patient: new_patient.clone().filter(|n| n.id == patient.id),
    };
    let similar = match &new_patient {
        Some(p) => similar_patients(store, p)?,
        None => Vec::new(),
    };
    if let Some(rule) = &args.repeat {
        let new = new_patient.as_ref().map(|p| (p, similar.as_slice()));
        return super::series::book(store, &clinic, request, rule, args, new, actor, now);
    }
    let outcome = store.book(&request, actor, now).map_err(|e| match e {
        frontdesk::store::StoreError::NoTimeLeftToday { minutes, .. } => anyhow!(
            "{} has no free {minutes} minutes left today: choose another doctor, give --start, or book it as --emergency",
            shown(&doctor.name)
        ),
        e => anyhow!(e).context(format!(
            "cannot book {} with {}",
            shown(&patient.name),
            shown(&doctor.name)
        )),
    })?;
    if let Some(p) = &new_patient {
        registered(p, outcome.appointment.patient, &similar);
    }
    report(zone, "Booked", &outcome, &patient.name);
    if outcome.overbooked.is_none() && outcome.conflicts.is_empty() && args.overbook.is_some() {
        println!("  note: no conflict stood, so nothing was overbooked");
    }
    Ok(())
}

/// The patient `book` books: the one `--patient` (and `--phone`) identify, or with
/// `--new-patient` a new one (the second value) unless the name and phone identify a
/// registered patient, who is then booked instead (and the output says so).
fn patient_to_book(store: &dyn Store, args: &BookArgs) -> Result<(Patient, Option<Patient>)> {
    let phone = resolve::phone(args.phone.as_deref())?;
    if args.new_patient && uuid::Uuid::parse_str(args.patient.trim()).is_ok() {
        bail!(
            "--new-patient registers a patient by name: give their name with --patient, not an id (an id books the registered patient without --new-patient)"
        );
    }
    let lookup = resolve::patient(store, &args.patient, phone.as_deref())?;
    if !args.new_patient {
        return match lookup {
            PatientLookup::Found(p) => Ok((p, None)),
            PatientLookup::Nobody { namesakes } => Err(not_registered(
                &args.patient,
                phone.as_deref(),
                &namesakes,
                if phone.is_none() {
                    "add --new-patient --phone NUMBER"
                } else {
                    "add --new-patient"
                },
            )),
        };
    }
    let new = Patient {
        id: PatientId(uuid::Uuid::new_v4()),
        name: resolve::patient_name(&args.patient)?,
        phone: phone.clone().unwrap_or_default(),
        email: String::new(),
        birth_date: None,
        external_id: String::new(),
    };
    let candidates = match lookup {
        PatientLookup::Found(p) => vec![p],
        PatientLookup::Nobody { namesakes } => namesakes,
    };
    match patient_match::registration(&new, &candidates) {
        Registration::Existing(id) => {
            let p = candidates
                .into_iter()
                .find(|p| p.id == id)
                .ok_or_else(|| anyhow!("the registered patient vanished: try again"))?;
            Ok((p, Some(new)))
        }
        Registration::New { .. } => Ok((new.clone(), Some(new))),
        Registration::NameTaken(stored) => bail!(
            "a patient with this name is already registered ({}): to book them, leave out --new-patient; to register another patient of the same name, give the new patient's --phone",
            describe_patient(&stored)
        ),
        Registration::Refused(why) => {
            bail!("{why}: give the registered patient's id as --patient ID to book them")
        }
    }
}

/// Stored patients the new patient may be: same phone, same name and date of birth, or the
/// same name (another phone, or none).
fn similar_patients(store: &dyn Store, new: &Patient) -> Result<Vec<Patient>> {
    let mut similar = store.likely_duplicates(new)?;
    let claim = patient_match::Claim::of(new);
    if let Identified::Nobody { namesakes } = store.identify_patient(&claim)? {
        for p in namesakes {
            if !similar.iter().any(|s| s.id == p.id) {
                similar.push(p);
            }
        }
    }
    Ok(similar)
}

/// Says whether `--new-patient` registered the patient, or found them registered already.
pub fn registered(new: &Patient, booked: PatientId, similar: &[Patient]) {
    if booked != new.id {
        println!(
            "{} with this phone is already registered ({}): booked them; nobody new was registered",
            shown(&new.name),
            booked
        );
        return;
    }
    println!(
        "Registered new patient {} ({}, {})",
        shown(&new.name),
        if new.phone.is_empty() {
            "no phone".to_owned()
        } else {
            format!("phone {}", shown(&new.phone))
        },
        new.id
    );
    for other in similar {
        println!(
            "  warning: may be the same person as {}",
            describe_patient(other)
        );
    }
}

/// The error for a patient who is not registered, listing namesakes who are (another phone,
/// or none), and how to go on; `register` says how to register them.
pub fn not_registered(
    typed: &str,
    phone: Option<&str>,
    namesakes: &[Patient],
    register: &str,
) -> anyhow::Error {
    let with_phone = phone
        .map(|p| format!(" with the phone {}", echo(p)))
        .unwrap_or_default();
    if namesakes.is_empty() {
        return anyhow!(
            "no patient named \"{}\"{with_phone}: check the spelling, or {register} to register them",
            echo(typed.trim()),
        );
    }
    anyhow!(
        "no patient named \"{}\"{with_phone} is registered; under that name there is: {}. If that is the patient, give the phone as registered or their id (--patient ID); if not, {register} to register them",
        echo(typed.trim()),
        resolve::namesakes_text(namesakes)
    )
}

/// `frontdesk status`.
pub fn status(
    store: &mut dyn Store,
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
    store: &mut dyn Store,
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
        anyhow!(e).context(format!(
            "cannot move {}'s appointment",
            shown(&entry.patient_name)
        ))
    })?;
    report(clinic.time_zone, "Moved", &outcome, &entry.patient_name);
    Ok(())
}

/// `frontdesk slots`.
pub fn slots(
    store: &dyn Store,
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
                shown(doctor.unwrap_or("")),
                room.map(|r| format!("  {}", shown(r))).unwrap_or_default()
            ),
            Format::Json => println!(
                "{}",
                frontdesk::reports::format::json_text(&serde_json::json!({
                    "start": time::rfc3339(zone, slot.interval.start),
                    "end": time::rfc3339(zone, slot.interval.end),
                    "doctor": doctor,
                    "room": room,
                }))
            ),
        }
    }
    Ok(())
}
