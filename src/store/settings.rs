//! Settings edits in SQLite: add or change the clinic, doctors and their hours, rooms and their
//! hours, visit types and staff. Each is one `BEGIN IMMEDIATE` transaction that checks the edit
//! with the core's rules against what is stored, writes it, and appends its setup audit row; an
//! edit that changes nothing writes nothing.

use super::sql;
use super::sql::{Begin, Db, OptionalExtension, params};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::Saved;
use super::booking::check_actor;
use super::error::{Result, StoreError};
use super::setup;
use super::setup_audit::{self as audit, SetupChangeRecord};
use crate::scheduling::hours::WeeklyHours;
use crate::scheduling::model::*;
use crate::scheduling::setup_rules::*;
use crate::scheduling::staff::{StaffId, StaffMember, StaffRole};
use crate::scheduling::tidy;

/// Runs `work` as one `BEGIN IMMEDIATE` transaction: all of it is stored, or none.
pub(super) fn immediate<T>(conn: &Db, work: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
    let tx = conn.begin(Begin::Write)?;
    let value = work(&tx)?;
    tx.commit()?;
    Ok(value)
}

/// Refuses the edit when the core found problems.
pub(super) fn refuse(problems: Vec<Invalid>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::SetupRefused(problems))
    }
}

fn not_found(what: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        what,
        name: id.to_string(),
        hint: crate::t!("store-hint-removed-reload-settings"),
    }
}

/// Writes the change and its audit row: `insert` when there was nothing before, `update` when
/// the audit's view of it changed, nothing when it did not.
struct Upsert<'a> {
    kind: &'a str,
    id: String,
    before: Option<Value>,
    after: Value,
}

impl Upsert<'_> {
    fn run(
        self,
        tx: &Db,
        actor: &str,
        now: DateTime<Utc>,
        insert: impl FnOnce() -> sql::Result<()>,
        update: impl FnOnce() -> sql::Result<()>,
    ) -> Result<Saved> {
        let (saved, action) = match &self.before {
            None => {
                insert()?;
                (Saved::Created, "created")
            }
            Some(before) if *before == self.after => return Ok(Saved::Unchanged),
            Some(_) => {
                update()?;
                (Saved::Updated, "updated")
            }
        };
        audit::record(
            tx,
            now,
            actor,
            SetupChangeRecord {
                kind: self.kind,
                id: self.id,
                action,
                before: self.before,
                after: Some(self.after),
            },
        )?;
        Ok(saved)
    }
}

/// Adds or changes a clinic with its opening hours.
pub fn save_clinic(conn: &Db, clinic: &Clinic, actor: &str, now: DateTime<Utc>) -> Result<Saved> {
    check_actor(actor)?;
    let clinic = tidy::clinic(clinic);
    immediate(conn, |tx| {
        let all = setup::clinics(tx)?;
        refuse(clinic_problems(&clinic, &all))?;
        let before = all.iter().find(|c| c.id == clinic.id);
        Upsert {
            kind: "clinic",
            id: clinic.id.to_string(),
            before: before.map(audit::clinic_json),
            after: audit::clinic_json(&clinic),
        }
        .run(
            tx,
            actor,
            now,
            || setup::add_clinic(tx, &clinic),
            || {
                tx.execute(
                    "UPDATE clinic SET name = ?2, address = ?3, time_zone = ?4, slot_minutes = ?5 \
                     WHERE id = ?1",
                    params![
                        clinic.id.0,
                        clinic.name,
                        clinic.address,
                        clinic.time_zone.name(),
                        clinic.slot_minutes
                    ],
                )?;
                tx.execute(
                    "DELETE FROM clinic_hours WHERE clinic_id = ?1",
                    [clinic.id.0],
                )?;
                setup::insert_hours(
                    tx,
                    "INSERT INTO clinic_hours (clinic_id, weekday, start_minute, end_minute) \
                     VALUES (?1, ?2, ?3, ?4)",
                    clinic.id.0,
                    &clinic.opening_hours,
                )
            },
        )
    })
}

/// Adds or changes a doctor (name, specialty, colour, active).
pub fn save_doctor(conn: &Db, doctor: &Doctor, actor: &str, now: DateTime<Utc>) -> Result<Saved> {
    check_actor(actor)?;
    let doctor = tidy::doctor(doctor);
    immediate(conn, |tx| {
        let all = setup::doctors(tx)?;
        refuse(doctor_problems(&doctor, &all))?;
        let before = all.iter().find(|d| d.id == doctor.id);
        Upsert {
            kind: "doctor",
            id: doctor.id.to_string(),
            before: before.map(audit::doctor_json),
            after: audit::doctor_json(&doctor),
        }
        .run(
            tx,
            actor,
            now,
            || setup::add_doctor(tx, &doctor),
            || {
                tx.execute(
                    "UPDATE doctor SET name = ?2, specialty = ?3, colour = ?4, active = ?5 \
                     WHERE id = ?1",
                    params![
                        doctor.id.0,
                        doctor.name,
                        doctor.specialty,
                        doctor.colour,
                        doctor.active
                    ],
                )
                .map(|_| ())
            },
        )
    })
}

fn exists(tx: &Db, table: &str, id: uuid::Uuid) -> sql::Result<bool> {
    tx.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([id], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// Replaces a doctor's weekly hours in one clinic.
pub fn save_doctor_hours(
    conn: &Db,
    doctor: DoctorId,
    clinic: ClinicId,
    hours: &WeeklyHours,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Saved> {
    check_actor(actor)?;
    immediate(conn, |tx| {
        if !exists(tx, "doctor", doctor.0)? {
            return Err(not_found("doctor", doctor));
        }
        if !exists(tx, "clinic", clinic.0)? {
            return Err(not_found("clinic", clinic));
        }
        let stored = setup::doctor_hours(tx, doctor, clinic)?;
        let view =
            |h: &WeeklyHours| json!({"clinic": clinic.to_string(), "hours": audit::hours_json(h)});
        Upsert {
            kind: "doctor_hours",
            id: doctor.to_string(),
            before: Some(view(&stored)),
            after: view(hours),
        }
        .run(
            tx,
            actor,
            now,
            || Ok(()),
            || setup::set_doctor_hours(tx, doctor, clinic, hours),
        )
    })
}

/// Adds or changes a room (name, kind, active). A room stays in the clinic it was added to.
pub fn save_room(conn: &Db, room: &Room, actor: &str, now: DateTime<Utc>) -> Result<Saved> {
    check_actor(actor)?;
    immediate(conn, |tx| {
        let stored_clinic: Option<ClinicId> = tx
            .prepare_cached("SELECT clinic_id FROM room WHERE id = ?1")?
            .query_row([room.id.0], |r| Ok(ClinicId(r.get(0)?)))
            .optional()?;
        let clinic = stored_clinic.unwrap_or(room.clinic);
        if !exists(tx, "clinic", clinic.0)? {
            return Err(not_found("clinic", clinic));
        }
        let room = tidy::room(&Room {
            clinic,
            ..room.clone()
        });
        let all = setup::rooms(tx, clinic)?;
        refuse(room_problems(&room, &all))?;
        let before = all.iter().find(|r| r.id == room.id);
        Upsert {
            kind: "room",
            id: room.id.to_string(),
            before: before.map(audit::room_json),
            after: audit::room_json(&room),
        }
        .run(
            tx,
            actor,
            now,
            || setup::add_room(tx, &room, None),
            || {
                tx.execute(
                    "UPDATE room SET name = ?2, kind = ?3, active = ?4 WHERE id = ?1",
                    params![room.id.0, room.name, room.kind.as_str(), room.active],
                )
                .map(|_| ())
            },
        )
    })
}

/// Gives a room its own opening hours, or (`None`) lets it follow the clinic's.
pub fn save_room_hours(
    conn: &Db,
    room: RoomId,
    hours: Option<&WeeklyHours>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Saved> {
    check_actor(actor)?;
    if hours.is_some_and(WeeklyHours::is_empty) {
        return Err(StoreError::SetupRefused(vec![Invalid::new(
            Field::Week,
            SetupError::Other(crate::t!("store-room-never-open")),
        )]));
    }
    immediate(conn, |tx| {
        if !exists(tx, "room", room.0)? {
            return Err(not_found("room", room));
        }
        let stored = setup::room_hours(tx, room)?;
        let view = |h: Option<&WeeklyHours>| json!({"hours": h.map(audit::hours_json)});
        Upsert {
            kind: "room_hours",
            id: room.to_string(),
            before: Some(view(stored.as_ref())),
            after: view(hours),
        }
        .run(
            tx,
            actor,
            now,
            || Ok(()),
            || {
                tx.execute("DELETE FROM room_hours WHERE room_id = ?1", [room.0])?;
                match hours {
                    Some(h) => setup::insert_hours(
                        tx,
                        "INSERT INTO room_hours (room_id, weekday, start_minute, end_minute) \
                         VALUES (?1, ?2, ?3, ?4)",
                        room.0,
                        h,
                    ),
                    None => Ok(()),
                }
            },
        )
    })
}

/// Adds or changes a visit type.
pub fn save_visit_type(
    conn: &Db,
    visit: &VisitType,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Saved> {
    check_actor(actor)?;
    let visit = tidy::visit_type(visit);
    immediate(conn, |tx| {
        let all = setup::visit_types(tx)?;
        refuse(visit_type_problems(&visit, &all))?;
        let before = all.iter().find(|v| v.id == visit.id);
        Upsert {
            kind: "visit_type",
            id: visit.id.to_string(),
            before: before.map(audit::visit_type_json),
            after: audit::visit_type_json(&visit),
        }
        .run(
            tx,
            actor,
            now,
            || setup::add_visit_type(tx, &visit),
            || {
                tx.execute(
                    "UPDATE visit_type SET name = ?2, minutes = ?3, colour = ?4, default_mode = ?5 \
                     WHERE id = ?1",
                    params![
                        visit.id.0,
                        visit.name,
                        visit.minutes,
                        visit.colour,
                        visit.default_mode.as_str()
                    ],
                )
                .map(|_| ())
            },
        )
    })
}

/// Every staff member, by name with ASCII letters compared without case (sorted here, so both
/// engines give the same order whatever the server's collation).
pub fn staff(conn: &Db) -> sql::Result<Vec<StaffMember>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, role, active FROM staff")?;
    let mut staff = stmt
        .query_map(params![], |r| {
            let role: String = r.get(2)?;
            Ok(StaffMember {
                id: StaffId(r.get(0)?),
                name: r.get(1)?,
                role: StaffRole::parse(&role)
                    .ok_or_else(|| super::codec::bad(2, format!("staff role '{role}'")))?,
                active: r.get(3)?,
            })
        })?
        .collect::<sql::Result<Vec<_>>>()?;
    staff.sort_by(|a, b| {
        (a.name.to_ascii_lowercase(), &a.name, a.id.0).cmp(&(
            b.name.to_ascii_lowercase(),
            &b.name,
            b.id.0,
        ))
    });
    Ok(staff)
}

/// Adds a staff member (no audit: for bulk loads such as the demo, inside their transaction).
pub fn insert_staff(tx: &Db, member: &StaffMember) -> sql::Result<()> {
    tx.prepare_cached("INSERT INTO staff (id, name, role, active) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![
            member.id.0,
            member.name,
            member.role.as_str(),
            member.active
        ])?;
    Ok(())
}

/// Adds or changes a staff member.
pub fn save_staff(
    conn: &Db,
    member: &StaffMember,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Saved> {
    check_actor(actor)?;
    let member = tidy::staff_member(member);
    immediate(conn, |tx| {
        let was_ready = super::credentials::ready(tx)?;
        let all = staff(tx)?;
        refuse(staff_problems(&member, &all))?;
        let before = all.iter().find(|s| s.id == member.id);
        let saved = Upsert {
            kind: "staff",
            id: member.id.to_string(),
            before: before.map(audit::staff_json),
            after: audit::staff_json(&member),
        }
        .run(
            tx,
            actor,
            now,
            || insert_staff(tx, &member),
            || {
                tx.execute(
                    "UPDATE staff SET name = ?2, role = ?3, active = ?4 WHERE id = ?1",
                    params![
                        member.id.0,
                        member.name,
                        member.role.as_str(),
                        member.active
                    ],
                )
                .map(|_| ())
            },
        )?;
        super::credentials::keep_an_administrator(tx, was_ready)?;
        Ok(saved)
    })
}
