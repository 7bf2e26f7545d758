//! Clinic setup in the database: clinics, doctors and their hours and leave, rooms and blockouts,
//! visit types, patients and patient search. The functions run inside the caller's transaction.

use super::sql;
use std::str::FromStr;

use super::batch::Batch;
use super::sql::{Db, OptionalExtension, Owned, ToValue, params};
use chrono_tz::Tz;

use super::codec::{self, PATIENT_COLUMNS, bad, secs, weekday_number};
use super::error::StoreError;
use crate::scheduling::conflict::Absence;
use crate::scheduling::entry;
use crate::scheduling::hours::WeeklyHours;
use crate::scheduling::model::*;
use crate::scheduling::patient_match::{self, Claim, Identified, Registration};

pub(super) fn insert_hours(
    conn: &Db,
    sql: &str,
    owner: uuid::Uuid,
    hours: &WeeklyHours,
) -> sql::Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    for (day, span) in hours.iter() {
        stmt.execute(params![
            owner,
            weekday_number(day),
            span.start_minute,
            span.end_minute
        ])?;
    }
    Ok(())
}

pub fn add_clinic(tx: &Db, clinic: &Clinic) -> sql::Result<()> {
    tx.execute(
        "INSERT INTO clinic (id, name, address, time_zone, slot_minutes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            clinic.id.0,
            clinic.name,
            clinic.address,
            clinic.time_zone.name(),
            clinic.slot_minutes
        ],
    )?;
    insert_hours(
        tx,
        "INSERT INTO clinic_hours (clinic_id, weekday, start_minute, end_minute) VALUES (?1, ?2, ?3, ?4)",
        clinic.id.0,
        &clinic.opening_hours,
    )
}

/// Every clinic with its opening hours, by name.
pub fn clinics(conn: &Db) -> sql::Result<Vec<Clinic>> {
    conn.remembered(|| "clinics".to_owned(), || read_clinics(conn))
}

fn read_clinics(conn: &Db) -> sql::Result<Vec<Clinic>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, address, time_zone, slot_minutes FROM clinic ORDER BY name",
    )?;
    let rows = stmt.query_map(params![], |r| {
        Ok((
            ClinicId(r.get(0)?),
            r.get::<String>(1)?,
            r.get::<String>(2)?,
            r.get::<String>(3)?,
            r.get::<u32>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, address, zone, slot_minutes) = row?;
        let time_zone = Tz::from_str(&zone).map_err(|_| bad(3, format!("time zone '{zone}'")))?;
        let opening_hours = codec::weekly_hours(
            conn,
            "SELECT weekday, start_minute, end_minute FROM clinic_hours WHERE clinic_id = ?1",
            [id.0],
        )?;
        out.push(Clinic {
            id,
            name,
            address,
            time_zone,
            opening_hours,
            slot_minutes,
        });
    }
    Ok(out)
}

pub fn add_doctor(conn: &Db, doctor: &Doctor) -> sql::Result<()> {
    conn.execute(
        "INSERT INTO doctor (id, name, specialty, colour, active) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            doctor.id.0,
            doctor.name,
            doctor.specialty,
            doctor.colour,
            doctor.active
        ],
    )?;
    Ok(())
}

/// Every doctor, active or not, by name.
pub fn doctors(conn: &Db) -> sql::Result<Vec<Doctor>> {
    conn.remembered(|| "doctors".to_owned(), || read_doctors(conn))
}

fn read_doctors(conn: &Db) -> sql::Result<Vec<Doctor>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, name, specialty, colour, active FROM doctor ORDER BY name")?;
    stmt.query_map(params![], |r| {
        Ok(Doctor {
            id: DoctorId(r.get(0)?),
            name: r.get(1)?,
            specialty: r.get(2)?,
            colour: r.get(3)?,
            active: r.get(4)?,
        })
    })?
    .collect()
}

pub fn set_doctor_hours(
    tx: &Db,
    doctor: DoctorId,
    clinic: ClinicId,
    hours: &WeeklyHours,
) -> sql::Result<()> {
    tx.execute(
        "DELETE FROM doctor_hours WHERE doctor_id = ?1 AND clinic_id = ?2",
        params![doctor.0, clinic.0],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO doctor_hours (doctor_id, clinic_id, weekday, start_minute, end_minute) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (day, span) in hours.iter() {
        stmt.execute(params![
            doctor.0,
            clinic.0,
            weekday_number(day),
            span.start_minute,
            span.end_minute
        ])?;
    }
    Ok(())
}

/// A doctor's weekly hours in one clinic (empty: none there).
pub fn doctor_hours(conn: &Db, doctor: DoctorId, clinic: ClinicId) -> sql::Result<WeeklyHours> {
    conn.remembered(
        || format!("doctor_hours {doctor} {clinic}"),
        || read_doctor_hours(conn, doctor, clinic),
    )
}

fn read_doctor_hours(conn: &Db, doctor: DoctorId, clinic: ClinicId) -> sql::Result<WeeklyHours> {
    codec::weekly_hours(
        conn,
        "SELECT weekday, start_minute, end_minute FROM doctor_hours \
         WHERE doctor_id = ?1 AND clinic_id = ?2",
        params![doctor.0, clinic.0],
    )
}

pub fn add_leave(conn: &Db, doctor: DoctorId, leave: &Absence) -> sql::Result<()> {
    conn.execute(
        "INSERT INTO doctor_leave (doctor_id, start_utc, end_utc, reason) VALUES (?1, ?2, ?3, ?4)",
        params![
            doctor.0,
            secs(leave.interval.start),
            secs(leave.interval.end),
            leave.reason
        ],
    )?;
    Ok(())
}

pub fn add_room(tx: &Db, room: &Room, hours: Option<&WeeklyHours>) -> sql::Result<()> {
    tx.execute(
        "INSERT INTO room (id, clinic_id, name, kind, active) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            room.id.0,
            room.clinic.0,
            room.name,
            room.kind.as_str(),
            room.active
        ],
    )?;
    if let Some(hours) = hours {
        insert_hours(
            tx,
            "INSERT INTO room_hours (room_id, weekday, start_minute, end_minute) VALUES (?1, ?2, ?3, ?4)",
            room.id.0,
            hours,
        )?;
    }
    Ok(())
}

/// A clinic's rooms, active or not, by name.
pub fn rooms(conn: &Db, clinic: ClinicId) -> sql::Result<Vec<Room>> {
    conn.remembered(|| format!("rooms {clinic}"), || read_rooms(conn, clinic))
}

fn read_rooms(conn: &Db, clinic: ClinicId) -> sql::Result<Vec<Room>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, clinic_id, name, kind, active FROM room WHERE clinic_id = ?1 ORDER BY name",
    )?;
    stmt.query_map([clinic.0], |r| {
        let kind: String = r.get(3)?;
        Ok(Room {
            id: RoomId(r.get(0)?),
            clinic: ClinicId(r.get(1)?),
            name: r.get(2)?,
            kind: RoomKind::parse(&kind).ok_or_else(|| bad(3, format!("room kind '{kind}'")))?,
            active: r.get(4)?,
        })
    })?
    .collect()
}

/// A room's own hours, `None` when it follows the clinic's.
pub fn room_hours(conn: &Db, room: RoomId) -> sql::Result<Option<WeeklyHours>> {
    conn.remembered(
        || format!("room_hours {room}"),
        || read_room_hours(conn, room),
    )
}

fn read_room_hours(conn: &Db, room: RoomId) -> sql::Result<Option<WeeklyHours>> {
    let hours = codec::weekly_hours(
        conn,
        "SELECT weekday, start_minute, end_minute FROM room_hours WHERE room_id = ?1",
        [room.0],
    )?;
    Ok((!hours.is_empty()).then_some(hours))
}

pub fn add_blockout(conn: &Db, room: RoomId, block: &Absence) -> sql::Result<()> {
    conn.execute(
        "INSERT INTO room_blockout (room_id, start_utc, end_utc, reason) VALUES (?1, ?2, ?3, ?4)",
        params![
            room.0,
            secs(block.interval.start),
            secs(block.interval.end),
            block.reason
        ],
    )?;
    Ok(())
}

pub fn add_visit_type(conn: &Db, v: &VisitType) -> sql::Result<()> {
    conn.execute(
        "INSERT INTO visit_type (id, name, minutes, colour, default_mode) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![v.id.0, v.name, v.minutes, v.colour, v.default_mode.as_str()],
    )?;
    Ok(())
}

pub fn visit_types(conn: &Db) -> sql::Result<Vec<VisitType>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, minutes, colour, default_mode FROM visit_type ORDER BY name",
    )?;
    stmt.query_map(params![], |r| {
        let mode: String = r.get(4)?;
        Ok(VisitType {
            id: VisitTypeId(r.get(0)?),
            name: r.get(1)?,
            minutes: r.get(2)?,
            colour: r.get(3)?,
            default_mode: Mode::parse(&mode).ok_or_else(|| bad(4, format!("mode '{mode}'")))?,
        })
    })?
    .collect()
}

/// The columns of a patient row, in the order of [`patient_row`].
pub(super) const PATIENT_INSERT_COLUMNS: [&str; 10] = [
    "id",
    "name",
    "phone",
    "email",
    "birth_date",
    "external_id",
    "name_key",
    "family_key",
    "phone_key",
    "phone_tail",
];

/// A patient's row as stored, with the keys the search and the duplicate check use.
pub(super) fn patient_row(p: &Patient) -> Vec<Owned> {
    let (name_key, family_key, phone_key, phone_tail) = codec::patient_keys(&p.name, &p.phone);
    let values: &[&dyn ToValue] = params![
        p.id.0,
        p.name,
        p.phone,
        p.email,
        p.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
        p.external_id,
        name_key,
        family_key,
        phone_key,
        phone_tail
    ];
    values.iter().map(|v| Owned::of(v.to_value())).collect()
}

/// Inserts a patient (no transaction of its own).
pub fn insert_patient(conn: &Db, p: &Patient) -> sql::Result<()> {
    let mut row = Batch::new("patient", &PATIENT_INSERT_COLUMNS, "");
    row.push_owned(patient_row(p));
    row.flush(conn)
}

/// Stored patients that are likely the same person as `p`: the same phone, or the same name
/// and date of birth (`patient_match::likely_duplicates`).
pub fn likely_duplicates(conn: &Db, p: &Patient) -> sql::Result<Vec<Patient>> {
    // Load those who could fit (the same last ten phone digits, or the same name); the rule
    // itself is the core's (`patient_match::likely_duplicates`).
    let (_, _, _, phone_tail) = codec::patient_keys(&p.name, &p.phone);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PATIENT_COLUMNS} FROM patient WHERE (phone_tail = ?1 AND ?1 <> '') \
         UNION SELECT {PATIENT_COLUMNS} FROM patient \
         WHERE name_key IN (SELECT value FROM json_each(?2)) LIMIT 1000"
    ))?;
    let keys = serde_json::to_string(&codec::name_keys(&p.name)).unwrap_or_default();
    let candidates: Vec<Patient> = stmt
        .query_map(params![phone_tail, keys], codec::patient)?
        .collect::<sql::Result<_>>()?;
    Ok(patient_match::likely_duplicates(p, &candidates))
}

pub fn add_patient(tx: &Db, p: &Patient) -> sql::Result<Vec<Patient>> {
    let duplicates = likely_duplicates(tx, p)?;
    insert_patient(tx, p)?;
    Ok(duplicates)
}

/// A patient's fields under the entry rules (`scheduling::entry`), tidied, or the store's
/// refusal saying what to fix.
pub fn checked_patient(p: &Patient) -> Result<Patient, StoreError> {
    entry::patient(p)
        .map_err(|e| StoreError::Invalid(crate::t!("store-patient-invalid", error = e.to_string())))
}

/// The stored patients a claim could mean: those with its id, its external id, its email, or
/// its name.
/// Enough for [`patient_match::identify`], which needs a namesake for every match by name.
pub fn patient_candidates(conn: &Db, claim: &Claim<'_>) -> sql::Result<Vec<Patient>> {
    let mut out = Vec::new();
    if let Some(id) = claim.id
        && let Some(p) = patient(conn, id)?
    {
        out.push(p);
    }
    let external = claim.external_id.trim();
    if !external.is_empty() {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patient WHERE external_id = ?1 LIMIT 50"
        ))?;
        for p in stmt.query_map([external], codec::patient)? {
            out.push(p?);
        }
    }
    let email = claim.email.trim().to_lowercase();
    if !email.is_empty() {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patient WHERE lower(email) = ?1 LIMIT 50"
        ))?;
        for p in stmt.query_map([email], codec::patient)? {
            out.push(p?);
        }
    }
    // The folded key, and the keys rows written before it hold (`codec::name_keys`).
    let keys = codec::name_keys(claim.name);
    if !keys.is_empty() {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patient \
             WHERE name_key IN (SELECT value FROM json_each(?1)) LIMIT 500"
        ))?;
        let keys = serde_json::to_string(&keys).unwrap_or_default();
        for p in stmt.query_map(params![keys], codec::patient)? {
            out.push(p?);
        }
    }
    Ok(out)
}

/// Which stored patient a claim identifies (`scheduling::patient_match`).
pub fn identify_patient(conn: &Db, claim: &Claim<'_>) -> sql::Result<Identified> {
    let candidates = patient_candidates(conn, claim)?;
    Ok(patient_match::identify(claim, &candidates))
}

/// Registers `new` inside the caller's transaction, unless its name and details identify a
/// patient already registered: then that patient's id is returned and nothing is written.
/// Refused (nothing written) when the fields break the entry rules or the match is ambiguous.
pub fn register_patient(tx: &Db, new: &Patient) -> Result<PatientId, StoreError> {
    let new = checked_patient(new)?;
    let candidates = patient_candidates(
        tx,
        &Claim {
            id: None,
            ..Claim::of(&new)
        },
    )?;
    match patient_match::registration(&new, &candidates) {
        Registration::Existing(id) => Ok(id),
        Registration::New { .. } => {
            insert_patient(tx, &new)?;
            Ok(new.id)
        }
        Registration::NameTaken(stored) => Err(StoreError::Invalid(crate::t!(
            "store-patient-name-taken",
            patient = patient_match::describe_patient(&stored)
        ))),
        Registration::Refused(why) => Err(StoreError::Invalid(crate::t!(
            "store-patient-choose-from-list",
            why = why
        ))),
    }
}

/// The patient a booking is for: its new patient registered in the caller's transaction (or
/// found registered already, [`register_patient`]), else the patient it names, who must
/// exist. One path for a booking, a series and a booking from the waitlist.
pub fn booking_patient(tx: &Db, req: &super::BookingRequest) -> Result<PatientId, StoreError> {
    let booked = match &req.new_patient {
        Some(new) => {
            patient_match::check_new_patient(req.patient, new).map_err(StoreError::Invalid)?;
            register_patient(tx, new)?
        }
        None => req.patient,
    };
    if patient(tx, booked)?.is_none() {
        return Err(StoreError::NotFound {
            what: "patient",
            name: booked.to_string(),
            hint: String::new(),
        });
    }
    Ok(booked)
}

/// Patients whose full name, last name, phone digits or last ten phone digits start with `text`.
/// Each branch is an index range scan, so the search stays fast at hundreds of thousands.
pub fn search_patients(conn: &Db, text: &str, limit: usize) -> sql::Result<Vec<Patient>> {
    // Control characters (pasted with a name) are in no stored name or phone: they are left
    // out of the search rather than handed to an engine that cannot hold them (PostgreSQL's
    // text has no NUL).
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let looks_like_phone = !digits.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    // Each branch walks its own index in order and stops at `limit`; the union is then sorted.
    // A prefix's range ends below the prefix followed by the highest character a key of that
    // kind holds (`upper`), compared byte-wise on both engines.
    let branch = |column: &str| {
        format!(
            "SELECT * FROM (SELECT {PATIENT_COLUMNS} FROM patient \
             WHERE {column} >= ?1 AND {column} < ?3 ORDER BY {column} LIMIT ?2) AS {column}_hits"
        )
    };
    let (key, top, first, second) = if looks_like_phone {
        (digits, '\u{7f}', branch("phone_key"), branch("phone_tail"))
    } else {
        (text, char::MAX, branch("name_key"), branch("family_key"))
    };
    let upper = |key: &str| format!("{key}{top}");
    let sql = format!("{first} UNION {second} ORDER BY name LIMIT ?2");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut found: Vec<Patient> = stmt
        .query_map(params![key, limit, upper(&key)], codec::patient)?
        .collect::<sql::Result<_>>()?;
    // Names are keyed folded (`codec::patient_keys`: "jose" finds José); rows written before
    // that hold the lower-case name as stored, so the typed text is looked up as it is too.
    let folded = patient_match::name_key(&key);
    if !looks_like_phone && folded != key {
        let more = stmt.query_map(params![folded, limit, upper(&folded)], codec::patient)?;
        for p in more {
            let p = p?;
            if !found.iter().any(|f| f.id == p.id) {
                found.push(p);
            }
        }
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found.truncate(limit);
    }
    Ok(found)
}

/// A patient by id.
pub fn patient(conn: &Db, id: PatientId) -> sql::Result<Option<Patient>> {
    conn.prepare_cached(&format!(
        "SELECT {PATIENT_COLUMNS} FROM patient WHERE id = ?1"
    ))?
    .query_row([id.0], codec::patient)
    .optional()
}
