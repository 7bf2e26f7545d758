//! Self check-in in the store (issue 17), the same on both engines: the appointments of today
//! that a phone number and a proof (birth date, or the reminder's code) find, and the check-in
//! itself, which finds them again in its own write transaction, holds the core's window
//! (`scheduling::kiosk`), and is recorded as a self check-in by the kiosk's credential. Only
//! what the patient may see of their own appointment leaves this module: no name, no other
//! patient, no reason or notes.

use chrono::{DateTime, Utc};

use super::booking::{check_actor, clinic};
use super::codec::{self, APPOINTMENT_COLUMNS, secs};
use super::error::{Result, StoreError};
use super::lifecycle::change_in;
use super::sql::{self, Begin, Db, OptionalExtension, params};
use crate::scheduling::kiosk::{self, Proof, Window};
use crate::scheduling::model::*;
use crate::scheduling::status::{Status, StatusAction};
use crate::scheduling::time::{local_date, local_day};

/// One of the patient's appointments today, as the kiosk shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskAppointment {
    /// Which (kept by the kiosk to check in; never shown).
    pub id: AppointmentId,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// The doctor's name.
    pub doctor: String,
    /// The room, if it has one.
    pub room: Option<String>,
    /// What the waiting room calls them by: the token, else the booked time ("11:20").
    pub ticket: String,
    /// Already checked in (or called).
    pub arrived: bool,
    /// Whether the clinic lets them check in themselves now.
    pub window: Window,
}

/// The database's key for check-in codes; made (64 random hex digits) when `make` and none
/// exists yet, inside the caller's write transaction. `None`: none yet, so no code matches.
pub(super) fn code_secret(conn: &Db, make: bool) -> Result<Option<String>> {
    let read = |conn: &Db| -> Result<Option<String>> {
        Ok(conn
            .prepare_cached("SELECT secret FROM check_in_secret WHERE id = 1")?
            .query_row(params![], |r| r.get::<String>(0))
            .optional()?)
    };
    if let Some(secret) = read(conn)? {
        return Ok(Some(secret));
    }
    if !make {
        return Ok(None);
    }
    let random: String = [uuid::Uuid::new_v4(), uuid::Uuid::new_v4()]
        .iter()
        .map(|u| u.simple().to_string())
        .collect();
    conn.prepare_cached(
        "INSERT INTO check_in_secret (id, secret) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING",
    )?
    .execute([random.as_str()])?;
    read(conn)
}

/// The check-in code of `id` (its reminder's `{code}`), making the database's key if needed
/// (a write only that once: the details panel asks for it each time it opens).
pub(super) fn code_of(conn: &Db, id: AppointmentId) -> Result<String> {
    super::booking::load_appointment(conn, id)?;
    if let Some(secret) = code_secret(conn, false)? {
        return Ok(kiosk::check_in_code(&secret, id));
    }
    let tx = conn.begin(Begin::Write)?;
    let secret = code_secret(&tx, true)?.unwrap_or_default();
    tx.commit()?;
    Ok(kiosk::check_in_code(&secret, id))
}

/// The appointments of today in `clinic` that `phone` and `proof` find.
pub(super) fn find(
    conn: &Db,
    clinic_id: ClinicId,
    phone: &str,
    proof: &Proof,
    now: DateTime<Utc>,
) -> Result<Vec<KioskAppointment>> {
    let Some(digits) = kiosk::phone_digits(phone) else {
        return Ok(Vec::new());
    };
    let c = clinic(conn, clinic_id)?;
    let rules = super::waiting_room::rules(conn, clinic_id)?;
    let secret = code_secret(conn, false)?;
    let day = local_day(c.time_zone, local_date(c.time_zone, now));
    let sql = format!(
        "SELECT {APPOINTMENT_COLUMNS}, p.birth_date, d.name, r.name FROM appointment a \
         JOIN patient p ON p.id = a.patient_id JOIN doctor d ON d.id = a.doctor_id \
         LEFT JOIN room r ON r.id = a.room_id \
         WHERE p.phone_tail = ?1 AND a.clinic_id = ?2 AND a.start_utc >= ?3 AND a.start_utc < ?4 \
         AND a.status IN ('scheduled', 'confirmed', 'checked_in', 'called') \
         AND a.mode = 'in_clinic' ORDER BY a.start_utc, a.id"
    );
    let n = codec::APPOINTMENT_COLUMN_COUNT;
    let rows: Vec<(Appointment, Option<String>, String, Option<String>)> = conn
        .prepare_cached(&sql)?
        .query_map(
            params![
                kiosk::phone_tail(&digits),
                clinic_id.0,
                secs(day.start),
                secs(day.end)
            ],
            |r| {
                Ok((
                    codec::appointment(r)?,
                    r.get(n)?,
                    r.get(n + 1)?,
                    r.get(n + 2)?,
                ))
            },
        )?
        .collect::<sql::Result<_>>()?;
    let found = rows
        .into_iter()
        .filter(|(a, birth, _, _)| match proof {
            Proof::BirthDate(date) => {
                birth.as_deref() == Some(date.format("%Y-%m-%d").to_string().as_str())
            }
            Proof::Code(code) => secret
                .as_deref()
                .is_some_and(|s| kiosk::check_in_code(s, a.id) == code.trim()),
        })
        .map(|(a, _, doctor, room)| KioskAppointment {
            id: a.id,
            start: a.interval.start,
            doctor,
            room,
            ticket: if a.queue_token.is_empty() {
                a.interval
                    .start
                    .with_timezone(&c.time_zone)
                    .format("%H:%M")
                    .to_string()
            } else {
                a.queue_token.clone()
            },
            arrived: a.status.is_waiting(),
            window: kiosk::window(a.interval.start, &rules, now),
        })
        .collect();
    Ok(found)
}

/// Checks in the appointment `id` found by `phone` and `proof`, as a self check-in.
pub(super) fn check_in(
    conn: &Db,
    clinic_id: ClinicId,
    id: AppointmentId,
    phone: &str,
    proof: &Proof,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<KioskAppointment> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let found = find(&tx, clinic_id, phone, proof, now)?
        .into_iter()
        .find(|k| k.id == id)
        .ok_or_else(|| StoreError::Invalid(crate::t!("store-kiosk-not-found")))?;
    // Already here: their number, whatever the time (a second press, or the desk was quicker).
    if found.arrived {
        return Ok(found);
    }
    match found.window {
        Window::Open => {}
        Window::TooEarly(opens) => {
            let zone = clinic(&tx, clinic_id)?.time_zone;
            return Err(StoreError::Invalid(crate::t!(
                "store-kiosk-too-early",
                from = opens.with_timezone(&zone).format("%H:%M").to_string()
            )));
        }
        Window::TooLate => return Err(StoreError::Invalid(crate::t!("store-kiosk-too-late"))),
    }
    let before = super::booking::load_appointment(&tx, id)?;
    let reason = crate::t_in!(crate::i18n::Language::English, "store-kiosk-reason");
    let after = change_in(&tx, &before, &StatusAction::CheckIn, &reason, actor, now)?;
    tx.commit()?;
    Ok(KioskAppointment {
        arrived: after.status == Status::CheckedIn,
        ..found
    })
}
