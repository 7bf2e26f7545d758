//! The waiting room in the store (issue 17), the same on both engines: a clinic's rules for it,
//! "call next" (the core's call order picks, in one write transaction, so two desks calling
//! for one doctor at the same moment call two different patients), calling one patient or
//! calling again, "not here" (back to the queue, or a no-show after the clinic's number of
//! calls), and the queue board's view, which holds tokens and initials only. Every call is an
//! audit event with who made it and the call's number.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::booking::{check_actor, clinic, load_appointment};
use super::codec::{self, APPOINTMENT_COLUMNS, secs};
use super::error::{Result, StoreError};
use super::kiosk::KioskAppointment;
use super::lifecycle::change_in;
use super::setup_audit::{self, SetupChangeRecord};
use super::sql::{self, Begin, Db, OptionalExtension, params};
use crate::scheduling::call_order::{self, CallOrder, NotHere};
use crate::scheduling::kiosk::Proof;
use crate::scheduling::model::*;
use crate::scheduling::status::{Status, StatusAction};
use crate::scheduling::time::{local_date, local_day};
use crate::scheduling::waiting_room::{self, Board, BoardShows, Waiting, WaitingRoomRules};

/// A clinic as the waiting room's screens (board, kiosk) need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScreenClinic {
    /// Which.
    pub id: ClinicId,
    /// Its name.
    pub name: String,
    /// Its time zone.
    pub zone: chrono_tz::Tz,
    /// The clinic's language: the screens are written (and the board spoken) in it.
    pub language: crate::i18n::Language,
}

/// Whose next patient "call next" calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallFor {
    /// The next patient of this doctor.
    Doctor(DoctorId),
    /// The next patient booked into this room.
    Room(RoomId),
}

/// A patient called.
#[derive(Clone, Debug, PartialEq)]
pub struct Called {
    /// The appointment, now called.
    pub appointment: Appointment,
    /// How many times they have been called (this call included).
    pub calls: u32,
}

/// What "not here" did.
#[derive(Clone, Debug, PartialEq)]
pub enum NotHereDone {
    /// Back in the waiting room, in the place they had, to be called again.
    BackToQueue {
        /// The appointment, arrived again.
        appointment: Appointment,
        /// Calls so far.
        calls: u32,
        /// The clinic's number of calls before a no-show.
        limit: u32,
    },
    /// Called as often as the clinic allows: a no-show.
    NoShow {
        /// The appointment, now a no-show.
        appointment: Appointment,
        /// Calls made.
        calls: u32,
    },
}

/// What the store does for the waiting room (a part of [`super::Store`]).
pub trait WaitingRoom {
    /// The clinic's waiting-room rules (the defaults until a manager sets them).
    fn waiting_room_rules(&self, clinic: ClinicId) -> Result<WaitingRoomRules>;
    /// Stores the clinic's waiting-room rules, checked by the core; logged in the setup
    /// history. Storing the rules it has changes nothing.
    fn set_waiting_room_rules(
        &mut self,
        clinic: ClinicId,
        rules: &WaitingRoomRules,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()>;
    /// Calls the next patient of today's waiting room for a doctor or a room, by the clinic's
    /// call order; `None` when nobody waits for them.
    fn call_next(
        &mut self,
        clinic: ClinicId,
        call_for: CallFor,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Called>>;
    /// Calls this patient (out of turn), or calls them again when already called.
    fn call_patient(
        &mut self,
        id: AppointmentId,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Called>;
    /// The called patient did not come: back to the queue, or a no-show once called as often
    /// as the clinic allows.
    fn not_here(
        &mut self,
        id: AppointmentId,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<NotHereDone>;
    /// How many times the appointment was called and when last, if it ever was.
    fn last_call(&self, id: AppointmentId) -> Result<Option<(u32, DateTime<Utc>)>>;
    /// What the queue board of the clinic shows at `now`: tokens (and initials if the clinic
    /// chose them), where to go, and each doctor's line with estimated waits.
    fn queue_board(&self, clinic: ClinicId, now: DateTime<Utc>) -> Result<Board>;
    /// The clinics a queue board or a kiosk can show: all they need to start.
    fn board_clinics(&self) -> Result<Vec<ScreenClinic>>;
    /// Self check-in: the appointments of today in the clinic (in person, not yet over) of
    /// the patient `phone` and `proof` find; none when either is wrong (a kiosk cannot tell
    /// which). Only what the patient may see of their own appointments.
    fn kiosk_find(
        &self,
        clinic: ClinicId,
        phone: &str,
        proof: &Proof,
        now: DateTime<Utc>,
    ) -> Result<Vec<KioskAppointment>>;
    /// The six-digit self check-in code of the appointment (what its reminders give as
    /// `{code}`); the first call makes the database's key for the codes.
    fn check_in_code(&mut self, id: AppointmentId) -> Result<String>;
    /// Self check-in of the appointment `id`, found again by `phone` and `proof` in the same
    /// transaction, within the clinic's window; recorded as a self check-in.
    fn kiosk_check_in(
        &mut self,
        clinic: ClinicId,
        id: AppointmentId,
        phone: &str,
        proof: &Proof,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<KioskAppointment>;
}

/// Counts a call of `id` made now by `actor`, inside the caller's transaction; the number of
/// calls so far.
pub(super) fn count_call(
    tx: &Db,
    id: AppointmentId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<u32> {
    tx.prepare_cached(
        "INSERT INTO queue_call (appointment_id, calls, last_called_at, called_by) \
         VALUES (?1, 1, ?2, ?3) ON CONFLICT (appointment_id) DO UPDATE SET \
         calls = queue_call.calls + 1, last_called_at = excluded.last_called_at, \
         called_by = excluded.called_by",
    )?
    .execute(params![id.0, secs(now), actor])?;
    Ok(last_call(tx, id)?.map_or(1, |(calls, _)| calls))
}

/// Takes back the last call of `id` counted (its undo): one call fewer, none left when it was
/// the only one.
pub(super) fn uncount_call(tx: &Db, id: AppointmentId) -> Result<()> {
    tx.prepare_cached("DELETE FROM queue_call WHERE appointment_id = ?1 AND calls = 1")?
        .execute([id.0])?;
    tx.prepare_cached("UPDATE queue_call SET calls = calls - 1 WHERE appointment_id = ?1")?
        .execute([id.0])?;
    Ok(())
}

/// How many times `id` was called and when last.
pub(super) fn last_call(conn: &Db, id: AppointmentId) -> Result<Option<(u32, DateTime<Utc>)>> {
    let row: Option<(i64, i64)> = conn
        .prepare_cached("SELECT calls, last_called_at FROM queue_call WHERE appointment_id = ?1")?
        .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        None => Ok(None),
        Some((calls, at)) => Ok(Some((
            u32::try_from(calls).map_err(|_| codec::bad(0, format!("calls {calls}")))?,
            codec::instant(1, at)?,
        ))),
    }
}

/// The clinic's rules, the defaults when none are stored.
pub(super) fn rules(conn: &Db, clinic: ClinicId) -> Result<WaitingRoomRules> {
    let row = conn
        .prepare_cached(
            "SELECT call_order, call_limit, wait_minutes, emergency_wait_minutes, board_shows, \
             announce, kiosk_early_minutes, kiosk_late_minutes FROM waiting_room \
             WHERE clinic_id = ?1",
        )?
        .query_row([clinic.0], |r| {
            let number = |i: usize| -> sql::Result<u32> {
                let n: i64 = r.get(i)?;
                u32::try_from(n).map_err(|_| codec::bad(i, format!("number {n}")))
            };
            let order: String = r.get(0)?;
            let shows: String = r.get(4)?;
            Ok(WaitingRoomRules {
                call_order: CallOrder::parse(&order)
                    .map_err(|_| codec::bad(0, format!("call order '{order}'")))?,
                call_limit: number(1)?,
                wait_minutes: number(2)?,
                emergency_wait_minutes: number(3)?,
                board_shows: BoardShows::parse(&shows)
                    .ok_or_else(|| codec::bad(4, format!("board shows '{shows}'")))?,
                announce: r.get::<i64>(5)? != 0,
                kiosk_early_minutes: number(6)?,
                kiosk_late_minutes: number(7)?,
            })
        })
        .optional()?;
    Ok(row.unwrap_or_default())
}

fn rules_json(r: &WaitingRoomRules) -> serde_json::Value {
    json!({
        "call_order": r.call_order.as_text(),
        "call_limit": r.call_limit,
        "wait_minutes": r.wait_minutes,
        "emergency_wait_minutes": r.emergency_wait_minutes,
        "board_shows": r.board_shows.as_str(),
        "announce": r.announce,
        "kiosk_early_minutes": r.kiosk_early_minutes,
        "kiosk_late_minutes": r.kiosk_late_minutes,
    })
}

/// Stores the clinic's rules (see [`WaitingRoom::set_waiting_room_rules`]).
pub(super) fn set_rules(
    conn: &Db,
    clinic_id: ClinicId,
    new: &WaitingRoomRules,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    check_actor(actor)?;
    new.check()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let tx = conn.begin(Begin::Write)?;
    clinic(&tx, clinic_id)?;
    let before = rules(&tx, clinic_id)?;
    if before == *new {
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT INTO waiting_room (clinic_id, call_order, call_limit, wait_minutes, \
         emergency_wait_minutes, board_shows, announce, kiosk_early_minutes, kiosk_late_minutes, \
         updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (clinic_id) DO UPDATE SET call_order = excluded.call_order, \
         call_limit = excluded.call_limit, wait_minutes = excluded.wait_minutes, \
         emergency_wait_minutes = excluded.emergency_wait_minutes, \
         board_shows = excluded.board_shows, announce = excluded.announce, \
         kiosk_early_minutes = excluded.kiosk_early_minutes, \
         kiosk_late_minutes = excluded.kiosk_late_minutes, updated_by = excluded.updated_by, \
         updated_at = excluded.updated_at",
    )?
    .execute(params![
        clinic_id.0,
        new.call_order.as_text(),
        i64::from(new.call_limit),
        i64::from(new.wait_minutes),
        i64::from(new.emergency_wait_minutes),
        new.board_shows.as_str(),
        i64::from(new.announce),
        i64::from(new.kiosk_early_minutes),
        i64::from(new.kiosk_late_minutes),
        actor,
        secs(now)
    ])?;
    setup_audit::record(
        &tx,
        now,
        actor,
        SetupChangeRecord {
            kind: "waiting_room",
            id: clinic_id.to_string(),
            action: "updated",
            before: Some(rules_json(&before)),
            after: Some(rules_json(new)),
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// Today's waiting room of the clinic (arrived or called, starting on the clinic-local day of
/// `now`, in person: phone and video patients are not in the room), for one doctor or room or
/// all.
fn waiting_today(
    conn: &Db,
    clinic_id: ClinicId,
    call_for: Option<CallFor>,
    now: DateTime<Utc>,
) -> Result<Vec<Appointment>> {
    let zone = clinic(conn, clinic_id)?.time_zone;
    let day = local_day(zone, local_date(zone, now));
    let (filter, who) = match call_for {
        None => ("", None),
        Some(CallFor::Doctor(d)) => (" AND a.doctor_id = ?4", Some(d.0)),
        Some(CallFor::Room(r)) => (" AND a.room_id = ?4", Some(r.0)),
    };
    let sql = format!(
        "SELECT {APPOINTMENT_COLUMNS} FROM appointment a WHERE a.clinic_id = ?1 \
         AND a.start_utc >= ?2 AND a.start_utc < ?3 AND a.status IN ('checked_in', 'called') \
         AND a.mode = 'in_clinic'{filter}"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = match who {
        None => statement.query_map(
            params![clinic_id.0, secs(day.start), secs(day.end)],
            codec::appointment,
        )?,
        Some(id) => statement.query_map(
            params![clinic_id.0, secs(day.start), secs(day.end), id],
            codec::appointment,
        )?,
    };
    Ok(rows.collect::<sql::Result<Vec<_>>>()?)
}

/// Calls the next patient (see [`WaitingRoom::call_next`]).
pub(super) fn call_next(
    conn: &Db,
    clinic_id: ClinicId,
    call_for: CallFor,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Option<Called>> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let order = rules(&tx, clinic_id)?.call_order;
    let waiting = waiting_today(&tx, clinic_id, Some(call_for), now)?;
    let mut last_calls = Vec::new();
    for a in waiting.iter().filter(|a| a.status == Status::CheckedIn) {
        if let Some((_, at)) = last_call(&tx, a.id)? {
            last_calls.push((a.id, at));
        }
    }
    let Some(id) = call_order::next_after_calls(&waiting, &last_calls, &order, now) else {
        return Ok(None);
    };
    let before = waiting
        .into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| StoreError::Invalid(crate::t!("store-call-lost")))?;
    let appointment = change_in(&tx, &before, &StatusAction::Call, "", actor, now)?;
    let calls = last_call(&tx, id)?.map_or(1, |(calls, _)| calls);
    tx.commit()?;
    Ok(Some(Called { appointment, calls }))
}

/// Calls one patient (see [`WaitingRoom::call_patient`]).
pub(super) fn call_patient(
    conn: &Db,
    id: AppointmentId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Called> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let before = load_appointment(&tx, id)?;
    // Only someone in today's waiting room can hear a call.
    let zone = clinic(&tx, before.clinic)?.time_zone;
    if local_date(zone, before.interval.start) != local_date(zone, now) {
        return Err(StoreError::Invalid(crate::t!("store-call-not-today")));
    }
    if before.mode != Mode::InClinic {
        return Err(StoreError::Invalid(crate::t!("store-call-not-in-clinic")));
    }
    let appointment = change_in(&tx, &before, &StatusAction::Call, "", actor, now)?;
    let calls = last_call(&tx, id)?.map_or(1, |(calls, _)| calls);
    tx.commit()?;
    Ok(Called { appointment, calls })
}

/// "Not here" (see [`WaitingRoom::not_here`]).
pub(super) fn not_here(
    conn: &Db,
    id: AppointmentId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<NotHereDone> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let before = load_appointment(&tx, id)?;
    if before.status != Status::Called {
        return Err(StoreError::Invalid(crate::t!(
            "store-not-here-not-called",
            status = before.status.label()
        )));
    }
    let limit = rules(&tx, before.clinic)?.call_limit;
    let calls = last_call(&tx, id)?.map_or(1, |(calls, _)| calls);
    let reason = crate::t!(
        "store-not-here-reason",
        calls = calls.to_string(),
        limit = limit.to_string()
    );
    let done = match call_order::not_here(calls, limit) {
        NotHere::BackToQueue => NotHereDone::BackToQueue {
            appointment: change_in(
                &tx,
                &before,
                &StatusAction::BackToQueue,
                &reason,
                actor,
                now,
            )?,
            calls,
            limit,
        },
        NotHere::NoShow => NotHereDone::NoShow {
            appointment: change_in(&tx, &before, &StatusAction::NoShow, &reason, actor, now)?,
            calls,
        },
    };
    tx.commit()?;
    Ok(done)
}

/// The board's view (see [`WaitingRoom::queue_board`]): names are read to make initials only
/// when the clinic shows initials, and never leave this function otherwise.
pub(super) fn queue_board(conn: &Db, clinic_id: ClinicId, now: DateTime<Utc>) -> Result<Board> {
    let c = clinic(conn, clinic_id)?;
    let rules = rules(conn, clinic_id)?;
    let day = local_day(c.time_zone, local_date(c.time_zone, now));
    let initials = i64::from(rules.board_shows == BoardShows::Initials);
    // One read of today's waiting room with what the board needs of each patient; the name
    // only to make initials, and only when the clinic shows them.
    let sql = format!(
        "SELECT {APPOINTMENT_COLUMNS}, d.name, r.name, q.calls, q.last_called_at, \
         CASE WHEN ?4 = 1 THEN p.name ELSE '' END FROM appointment a \
         JOIN doctor d ON d.id = a.doctor_id JOIN patient p ON p.id = a.patient_id \
         LEFT JOIN room r ON r.id = a.room_id LEFT JOIN queue_call q ON q.appointment_id = a.id \
         WHERE a.clinic_id = ?1 AND a.start_utc >= ?2 AND a.start_utc < ?3 \
         AND a.status IN ('checked_in', 'called') AND a.mode = 'in_clinic'"
    );
    let n = codec::APPOINTMENT_COLUMN_COUNT;
    type Row = (
        Appointment,
        String,
        Option<String>,
        Option<(u32, DateTime<Utc>)>,
        String,
    );
    let rows: Vec<Row> = conn
        .prepare_cached(&sql)?
        .query_map(
            params![clinic_id.0, secs(day.start), secs(day.end), initials],
            |r| {
                let calls: Option<i64> = r.get(n + 2)?;
                let at: Option<i64> = r.get(n + 3)?;
                let call = match (calls, at) {
                    (Some(calls), Some(at)) => Some((
                        u32::try_from(calls)
                            .map_err(|_| codec::bad(n + 2, format!("calls {calls}")))?,
                        codec::instant(n + 3, at)?,
                    )),
                    _ => None,
                };
                Ok((
                    codec::appointment(r)?,
                    r.get(n)?,
                    r.get(n + 1)?,
                    call,
                    r.get(n + 4)?,
                ))
            },
        )?
        .collect::<sql::Result<_>>()?;
    let view: Vec<Waiting<'_>> = rows
        .iter()
        .map(|(a, doctor, room, call, patient)| Waiting {
            appointment: a,
            patient_name: patient,
            doctor_name: doctor,
            room_name: room.as_deref(),
            last_call: *call,
        })
        .collect();
    let mut board = waiting_room::board(&view, &rules, c.time_zone, now);
    board.clinic_name = c.name;
    board.language = super::reminder_setup::settings(conn)?.language;
    Ok(board)
}

/// The clinics a board can show: id and name.
pub(super) fn board_clinics(conn: &Db) -> Result<Vec<ScreenClinic>> {
    let language = super::reminder_setup::settings(conn)?.language;
    let rows = conn
        .prepare_cached("SELECT id, name, time_zone FROM clinic ORDER BY name, id")?
        .query_map(params![], |r| {
            let zone: String = r.get(2)?;
            let zone = zone
                .parse::<chrono_tz::Tz>()
                .map_err(|_| codec::bad(2, format!("time zone '{zone}'")))?;
            Ok(ScreenClinic {
                id: ClinicId(r.get(0)?),
                name: r.get::<String>(1)?,
                zone,
                language,
            })
        })?
        .collect::<sql::Result<Vec<_>>>()?;
    Ok(rows)
}

impl<E: super::engine::Engine> WaitingRoom for E {
    fn waiting_room_rules(&self, clinic: ClinicId) -> Result<WaitingRoomRules> {
        self.fix(rules(&self.db(), clinic))
    }

    fn set_waiting_room_rules(
        &mut self,
        clinic: ClinicId,
        rules: &WaitingRoomRules,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let r = set_rules(&self.writable(), clinic, rules, actor, now);
        self.fix(r)
    }

    fn call_next(
        &mut self,
        clinic: ClinicId,
        call_for: CallFor,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Called>> {
        let r = call_next(&self.writable(), clinic, call_for, actor, now);
        self.fix(r)
    }

    fn call_patient(
        &mut self,
        id: AppointmentId,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Called> {
        let r = call_patient(&self.writable(), id, actor, now);
        self.fix(r)
    }

    fn not_here(
        &mut self,
        id: AppointmentId,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<NotHereDone> {
        let r = not_here(&self.writable(), id, actor, now);
        self.fix(r)
    }

    fn last_call(&self, id: AppointmentId) -> Result<Option<(u32, DateTime<Utc>)>> {
        self.fix(last_call(&self.db(), id))
    }

    fn queue_board(&self, clinic: ClinicId, now: DateTime<Utc>) -> Result<Board> {
        self.fix(queue_board(&self.db(), clinic, now))
    }

    fn board_clinics(&self) -> Result<Vec<ScreenClinic>> {
        self.fix(board_clinics(&self.db()))
    }

    fn kiosk_find(
        &self,
        clinic: ClinicId,
        phone: &str,
        proof: &Proof,
        now: DateTime<Utc>,
    ) -> Result<Vec<KioskAppointment>> {
        self.fix(super::kiosk::find(&self.db(), clinic, phone, proof, now))
    }

    fn check_in_code(&mut self, id: AppointmentId) -> Result<String> {
        let r = super::kiosk::code_of(&self.writable(), id);
        self.fix(r)
    }

    fn kiosk_check_in(
        &mut self,
        clinic: ClinicId,
        id: AppointmentId,
        phone: &str,
        proof: &Proof,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<KioskAppointment> {
        let r = super::kiosk::check_in(&self.writable(), clinic, id, phone, proof, actor, now);
        self.fix(r)
    }
}
