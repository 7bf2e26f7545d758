//! Recurring series in the store: previewing every occurrence's conflicts, saving a series in
//! one `BEGIN IMMEDIATE` transaction (the series row, then each occurrence with its own audit
//! event), and reading a series back (rows in `series/rows.rs`). Changing occurrences later is
//! in `occurrence.rs`.

mod rows;
pub use rows::series_of;
pub(super) use rows::{
    end_before, insert_series, load_series, members, membership, series_audit, series_json,
    set_series,
};

use super::sql::{Begin, Db};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde_json::json;

use super::booking::{Change, audit, check_actor, clinic, insert_appointment, judge, snapshot};
use super::error::{Result, StoreError};
use super::{BookingOutcome, BookingRequest, Start, setup};
use crate::scheduling::conflict::{Conflict, Proposal};
use crate::scheduling::model::*;
use crate::scheduling::series::{
    self, Occurrence, OccurrenceDecision, OnConflict, SeriesId, SeriesRule,
};
use crate::scheduling::status::Status;

/// A new series as staff ask for it: the first appointment (its start is the first date and the
/// wall time every occurrence keeps), the rule, and what to do with conflicting occurrences.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRequest {
    /// The first appointment; `start` must be clinic-local ([`Start::Local`]), the kind
    /// scheduled, and `overbook` unset (`on_conflict` says it for every occurrence).
    pub booking: BookingRequest,
    /// How it repeats.
    pub rule: SeriesRule,
    /// Refuse, skip the conflicting occurrences, or overbook them with a reason.
    pub on_conflict: OnConflict,
}

/// One occurrence and every conflict it would meet now.
#[derive(Clone, Debug, PartialEq)]
pub struct OccurrenceCheck {
    /// The occurrence (date, wall time, interval).
    pub occurrence: Occurrence,
    /// Its conflicts, most serious first; DST notices and gaps included.
    pub conflicts: Vec<Conflict>,
}

/// What saving a series did.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesOutcome {
    /// The new series.
    pub series: SeriesId,
    /// The occurrences booked, by date.
    pub booked: Vec<(NaiveDate, BookingOutcome)>,
    /// The occurrences left out, with why.
    pub skipped: Vec<OccurrenceCheck>,
}

/// A stored series.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its id.
    pub id: SeriesId,
    /// The clinic.
    pub clinic: ClinicId,
    /// The patient.
    pub patient: PatientId,
    /// The doctor.
    pub doctor: DoctorId,
    /// The room, if any.
    pub room: Option<RoomId>,
    /// The visit type, if any.
    pub visit_type: Option<VisitTypeId>,
    /// The rule.
    pub rule: SeriesRule,
    /// The first date (RRULE DTSTART's date).
    pub start_date: NaiveDate,
    /// The clinic-local wall time every occurrence keeps.
    pub start_time: NaiveTime,
    /// How long each occurrence lasts.
    pub minutes: i64,
    /// The zone the wall time is read in.
    pub zone: chrono_tz::Tz,
    /// The series this one was split from ("this and the following ones"), if any.
    pub split_from: Option<SeriesId>,
    /// Who created it.
    pub created_by: String,
}

/// One appointment of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesMember {
    /// The appointment.
    pub appointment: AppointmentId,
    /// The occurrence's original local date (RECURRENCE-ID).
    pub occurrence_date: NaiveDate,
    /// When it takes place now (it may have been moved alone).
    pub interval: Interval,
    /// Its status.
    pub status: Status,
}

/// A series with its appointments, as the details panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesView {
    /// The series.
    pub series: Series,
    /// Its appointments, by occurrence date.
    pub members: Vec<SeriesMember>,
    /// The occurrence date of the appointment that was asked about.
    pub this_date: NaiveDate,
}

/// Which occurrences a change applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// This occurrence alone.
    This,
    /// This occurrence and every later one of its series.
    ThisAndFollowing,
}

/// How occurrences move: by whole days, and/or to a new wall time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OccurrenceMove {
    /// Days to move by (negative: earlier).
    pub days: i64,
    /// The new clinic-local wall time; `None` keeps it.
    pub time: Option<NaiveTime>,
}

/// What changing occurrences did.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesChange {
    /// The appointments as they are now.
    pub changed: Vec<Appointment>,
    /// The new series a "this and the following ones" move split off.
    pub new_series: Option<SeriesId>,
    /// Later occurrences left as they were (already cancelled, done …), with why.
    pub untouched: Vec<(NaiveDate, String)>,
}

fn rule_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(e.to_string())
}

/// The first date, wall time and length of a series request, or what is wrong with it.
fn first(req: &SeriesRequest) -> Result<(NaiveDate, NaiveTime)> {
    let Start::Local(wall) = req.booking.start else {
        return Err(StoreError::Invalid(crate::t!("store-series-local-start")));
    };
    if req.booking.kind != Kind::Scheduled {
        return Err(StoreError::Invalid(crate::t!("store-series-not-scheduled")));
    }
    if let OnConflict::Overbook(reason) = &req.on_conflict
        && reason.trim().is_empty()
    {
        return Err(StoreError::Invalid(crate::t!(
            "store-series-overbook-reason"
        )));
    }
    Ok((wall.date(), wall.time()))
}

/// Every occurrence of the request with its conflicts, judged on what `conn` holds now.
fn checks(
    conn: &Db,
    clinic: &Clinic,
    req: &SeriesRequest,
    now: DateTime<Utc>,
) -> Result<Vec<OccurrenceCheck>> {
    let (date, time) = first(req)?;
    let occurrences = series::expand(&req.rule, date, time, req.booking.minutes, clinic.time_zone)
        .map_err(rule_error)?;
    let mut out = Vec::with_capacity(occurrences.len());
    for occurrence in occurrences {
        let conflicts = judge_occurrence(conn, clinic, &req.booking, &occurrence, now)?;
        out.push(OccurrenceCheck {
            occurrence,
            conflicts,
        });
    }
    Ok(out)
}

fn judge_occurrence(
    conn: &Db,
    clinic: &Clinic,
    booking: &BookingRequest,
    occurrence: &Occurrence,
    now: DateTime<Utc>,
) -> Result<Vec<Conflict>> {
    match occurrence.plan.interval {
        None => Ok(occurrence.plan.conflicts.clone()),
        Some(interval) => {
            let proposal = Proposal {
                doctor: booking.doctor,
                room: booking.room,
                patient: booking.patient,
                interval,
                kind: Kind::Scheduled,
                moving: None,
            };
            judge(
                conn,
                clinic,
                &proposal,
                occurrence.plan.conflicts.clone(),
                now,
            )
        }
    }
}

/// The conflicts of every occurrence, writing nothing (see [`super::Store::preview_series`]).
pub fn preview(conn: &Db, req: &SeriesRequest, now: DateTime<Utc>) -> Result<Vec<OccurrenceCheck>> {
    let tx = conn.begin(Begin::Check)?;
    let clinic = clinic(&tx, req.booking.clinic)?;
    checks(&tx, &clinic, req, now)
}

/// `date: conflict; conflict` lines for a message.
pub(super) fn list_occurrences(zone: chrono_tz::Tz, checks: &[OccurrenceCheck]) -> String {
    checks
        .iter()
        .map(|c| {
            let when = match c.occurrence.plan.interval {
                Some(iv) => crate::scheduling::time::format_local(zone, iv.start),
                None => c.occurrence.wall.format("%Y-%m-%d %H:%M").to_string(),
            };
            let why: Vec<String> = c.conflicts.iter().map(ToString::to_string).collect();
            format!("  - {when}: {}", why.join("; "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Saves a series (see [`super::Store::book_series`]).
pub fn book(
    conn: &Db,
    req: &SeriesRequest,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<SeriesOutcome> {
    check_actor(actor)?;
    let (start_date, start_time) = first(req)?;
    let tx = conn.begin(Begin::Write)?;
    let clinic = clinic(&tx, req.booking.clinic)?;
    let zone = clinic.time_zone;
    // A "new" patient whose name and details identify a registered one books that one.
    let patient = setup::booking_patient(&tx, &req.booking)?;
    let req = &SeriesRequest {
        booking: BookingRequest {
            patient,
            new_patient: None,
            ..req.booking.clone()
        },
        ..req.clone()
    };
    super::booking::check_texts(&req.booking)?;
    let occurrences = series::expand(&req.rule, start_date, start_time, req.booking.minutes, zone)
        .map_err(rule_error)?;
    // The series row goes first: its appointments refer to it.
    let id = SeriesId(uuid::Uuid::now_v7());
    let stored = Series {
        id,
        clinic: clinic.id,
        patient: req.booking.patient,
        doctor: req.booking.doctor,
        room: req.booking.room,
        visit_type: req.booking.visit_type,
        rule: req.rule.clone(),
        start_date: occurrences.first().map(|o| o.date).unwrap_or(start_date),
        start_time,
        minutes: req.booking.minutes,
        zone,
        split_from: None,
        created_by: actor.to_owned(),
    };
    insert_series(&tx, &stored, now)?;
    series_audit(
        &tx,
        id,
        now,
        actor,
        Change {
            action: "created",
            before: None,
            after: Some(series_json(&stored)),
            reason: match &req.on_conflict {
                OnConflict::Overbook(r) => r.trim(),
                _ => "",
            },
        },
    )?;
    let mut booked = Vec::new();
    let mut skipped = Vec::new();
    for occurrence in occurrences {
        // Judged inside the transaction, after the earlier occurrences were written.
        let conflicts = judge_occurrence(&tx, &clinic, &req.booking, &occurrence, now)?;
        match series::decide_occurrence(conflicts.clone(), &req.on_conflict) {
            OccurrenceDecision::Skip(_) => skipped.push(OccurrenceCheck {
                occurrence,
                conflicts,
            }),
            OccurrenceDecision::Book {
                overbooked,
                conflicts,
            } => {
                let Some(interval) = occurrence.plan.interval else {
                    continue; // a time in a gap is always refused, so never here
                };
                let appointment = new_appointment(&req.booking, &clinic, interval, actor);
                insert_appointment(&tx, &appointment, overbooked.as_deref(), now)?;
                set_series(&tx, appointment.id, id, occurrence.date)?;
                let mut after = snapshot(&appointment);
                after["series"] = json!(id.to_string());
                after["occurrence_date"] = json!(occurrence.date.format("%Y-%m-%d").to_string());
                if overbooked.is_some() {
                    after["overbooked_conflicts"] = json!(
                        conflicts
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                    );
                }
                audit(
                    &tx,
                    appointment.id,
                    now,
                    actor,
                    Change {
                        action: "created",
                        before: None,
                        after: Some(after),
                        reason: overbooked.as_deref().unwrap_or(""),
                    },
                )?;
                booked.push((
                    occurrence.date,
                    BookingOutcome {
                        appointment,
                        conflicts,
                        overbooked,
                    },
                ));
            }
        }
    }
    let total = booked.len() + skipped.len();
    if req.on_conflict == OnConflict::Refuse && !skipped.is_empty() {
        return Err(StoreError::Invalid(crate::t!(
            "store-series-conflicts",
            conflicting = skipped.len(),
            count = total,
            list = list_occurrences(zone, &skipped)
        )));
    }
    if booked.is_empty() {
        return Err(StoreError::Invalid(crate::t!(
            "store-series-none-bookable",
            count = total,
            list = list_occurrences(zone, &skipped)
        )));
    }
    tx.commit()?;
    Ok(SeriesOutcome {
        series: id,
        booked,
        skipped,
    })
}

fn new_appointment(
    req: &BookingRequest,
    clinic: &Clinic,
    interval: Interval,
    actor: &str,
) -> Appointment {
    Appointment {
        id: AppointmentId(uuid::Uuid::now_v7()),
        clinic: clinic.id,
        patient: req.patient,
        doctor: req.doctor,
        room: req.room,
        visit_type: req.visit_type,
        interval,
        mode: req.mode,
        kind: Kind::Scheduled,
        priority: req.priority,
        status: Status::Scheduled,
        reason: crate::scheduling::tidy::text(&req.reason),
        notes: crate::scheduling::tidy::text(&req.notes),
        meeting_link: String::new(),
        queue_token: String::new(),
        arrived_at: None,
        consultation_started_at: None,
        completed_at: None,
        cancellation: None,
        created_by: actor.to_owned(),
        updated_by: actor.to_owned(),
        sequence: 0,
    }
}
