//! Changing occurrences of a series: cancel or move one, or "this and the following ones".
//! Cancelling the following ones ends the series the day before; moving them splits it (the old
//! series ends the day before this occurrence, a new one starts with the moved occurrences),
//! as calendar clients do. Each change is one `BEGIN IMMEDIATE` transaction with an audit event
//! per appointment and a series audit event per series row changed.

use std::collections::HashSet;

use super::sql::{Begin, Db, params};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::json;

use super::booking::{Change, audit, check_actor, clinic, judge, load_appointment, snapshot};
use super::codec::secs;
use super::error::{Result, StoreError};
use super::lifecycle::write_status;
use super::series::{
    OccurrenceCheck, OccurrenceMove, Scope, Series, SeriesChange, end_before, insert_series,
    list_occurrences, load_series, members, membership, series_audit, series_json, set_series,
};
use crate::scheduling::conflict::{Conflict, Proposal, Verdict, decide, plan_local};
use crate::scheduling::model::*;
use crate::scheduling::queue;
use crate::scheduling::series::{self, Occurrence, SeriesId};
use crate::scheduling::status::{self, StatusAction};
use crate::scheduling::time::{local_date, to_local};

/// The series and occurrence date of an appointment, or a message saying it has none.
fn series_and_date(tx: &Db, appointment: AppointmentId) -> Result<(Series, NaiveDate)> {
    let (id, date) = membership(tx, appointment)?
        .ok_or_else(|| StoreError::Invalid(crate::t!("store-occurrence-not-in-series")))?;
    Ok((load_series(tx, id)?, date))
}

fn scope_text(scope: Scope) -> &'static str {
    match scope {
        Scope::This => "this occurrence",
        Scope::ThisAndFollowing => "this and the following occurrences",
    }
}

/// Cancels occurrences (see [`super::Store::cancel_occurrences`]).
pub fn cancel(
    conn: &Db,
    appointment: AppointmentId,
    scope: Scope,
    action: &StatusAction,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<SeriesChange> {
    check_actor(actor)?;
    if !matches!(action, StatusAction::Cancel { .. }) {
        return Err(StoreError::Invalid(crate::t!(
            "store-occurrence-only-cancel"
        )));
    }
    let tx = conn.begin(Begin::Write)?;
    let (series, date) = series_and_date(&tx, appointment)?;
    let targets: Vec<(AppointmentId, NaiveDate)> = match scope {
        Scope::This => vec![(appointment, date)],
        Scope::ThisAndFollowing => members(&tx, series.id)?
            .into_iter()
            .filter(|m| m.occurrence_date >= date)
            .map(|m| (m.appointment, m.occurrence_date))
            .collect(),
    };
    let reason = match action {
        StatusAction::Cancel { reason, .. } => reason.trim(),
        _ => "",
    };
    let mut changed = Vec::new();
    let mut untouched = Vec::new();
    for (id, on) in targets {
        let before = load_appointment(&tx, id)?;
        let after = match status::apply(&before, action, now) {
            Ok(after) => after,
            // The one asked about must be cancellable; later ones may already be done.
            Err(e) if id == appointment => return Err(e.into()),
            Err(_) => {
                untouched.push((
                    on,
                    crate::t!(
                        "store-occurrence-left-as-it-is",
                        status = before.status.label()
                    ),
                ));
                continue;
            }
        };
        let mut after = after;
        after.updated_by = actor.to_owned();
        write_status(&tx, &after, actor, now)?;
        let mut after_json = json!({ "status": after.status.as_str(), "scope": scope_text(scope) });
        if let Some(c) = &after.cancellation {
            after_json["cancelled_by"] = json!(c.by.as_str());
            after_json["late"] = json!(c.late);
        }
        audit(
            &tx,
            id,
            now,
            actor,
            Change {
                action: after.status.as_str(),
                before: Some(json!({ "status": before.status.as_str() })),
                after: Some(after_json),
                reason,
            },
        )?;
        changed.push(after);
    }
    if scope == Scope::ThisAndFollowing {
        let before = series_json(&series);
        end_before(&tx, series.id, date, actor, now)?;
        let after = series_json(&load_series(&tx, series.id)?);
        series_audit(
            &tx,
            series.id,
            now,
            actor,
            Change {
                action: "ended",
                before: Some(before),
                after: Some(after),
                reason,
            },
        )?;
    }
    tx.commit()?;
    Ok(SeriesChange {
        changed,
        new_series: None,
        untouched,
    })
}

/// One appointment moving to a wall time: its conflicts (clashes with `vacating`, the
/// appointments moving out of the way in the same change, do not count) and the decision.
struct Planned {
    before: Appointment,
    occurrence: Occurrence,
    verdict: Verdict,
}

fn plan_move(
    tx: &Db,
    clinic: &Clinic,
    before: Appointment,
    occurrence: Occurrence,
    vacating: &HashSet<AppointmentId>,
    overbook: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Planned> {
    let conflicts: Vec<Conflict> = match occurrence.plan.interval {
        None => occurrence.plan.conflicts.clone(),
        Some(interval) => {
            let proposal = Proposal {
                doctor: before.doctor,
                room: before.room,
                patient: before.patient,
                interval,
                kind: before.kind,
                moving: Some(before.id),
            };
            judge(
                tx,
                clinic,
                &proposal,
                occurrence.plan.conflicts.clone(),
                now,
            )?
            .into_iter()
            .filter(|c| c.clash().is_none_or(|x| !vacating.contains(&x.id)))
            .collect()
        }
    };
    Ok(Planned {
        before,
        occurrence,
        verdict: decide(conflicts, overbook),
    })
}

/// Writes a planned, accepted move with its audit event; `series` re-homes it (split).
fn write_move(
    tx: &Db,
    planned: Planned,
    series: Option<(SeriesId, NaiveDate)>,
    scope: Scope,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Appointment> {
    let Planned {
        before,
        occurrence,
        verdict,
    } = planned;
    let (Verdict::Accept { overbooked, .. }, Some(interval)) = (verdict, occurrence.plan.interval)
    else {
        return Err(StoreError::Invalid(crate::t!(
            "store-occurrence-refused-move"
        )));
    };
    let mut after = before.clone();
    after.interval = interval;
    after.sequence += 1;
    after.updated_by = actor.to_owned();
    tx.prepare_cached(
        "UPDATE appointment SET start_utc = ?2, end_utc = ?3, sequence = ?4, updated_by = ?5, \
         updated_at = ?6, overbook_reason = ?7 WHERE id = ?1",
    )?
    .execute(params![
        after.id.0,
        secs(interval.start),
        secs(interval.end),
        after.sequence,
        actor,
        secs(now),
        overbooked
    ])?;
    let mut before_json = snapshot(&before);
    let mut after_json = snapshot(&after);
    after_json["scope"] = json!(scope_text(scope));
    if let Some((id, date)) = series {
        let (old_series, old_date) = membership(tx, before.id)?.unzip();
        before_json["series"] = json!(old_series.map(|s| s.to_string()));
        before_json["occurrence_date"] = json!(old_date.map(|d| d.to_string()));
        set_series(tx, after.id, id, date)?;
        after_json["series"] = json!(id.to_string());
        after_json["occurrence_date"] = json!(date.to_string());
    }
    audit(
        tx,
        after.id,
        now,
        actor,
        Change {
            action: "moved",
            before: Some(before_json),
            after: Some(after_json),
            reason: overbooked.as_deref().unwrap_or(""),
        },
    )?;
    Ok(after)
}

/// The refusals among planned moves, as one message; `None` when all are accepted.
fn refusals(zone: chrono_tz::Tz, planned: &[Planned]) -> Option<String> {
    let refused: Vec<OccurrenceCheck> = planned
        .iter()
        .filter_map(|p| match &p.verdict {
            Verdict::Refuse(conflicts) => Some(OccurrenceCheck {
                occurrence: p.occurrence.clone(),
                conflicts: conflicts.clone(),
            }),
            Verdict::Accept { .. } => None,
        })
        .collect();
    (!refused.is_empty()).then(|| {
        crate::t!(
            "store-occurrence-cannot-move",
            refused = refused.len(),
            count = planned.len(),
            list = list_occurrences(zone, &refused)
        )
    })
}

/// Moves occurrences (see [`super::Store::move_occurrences`]).
pub fn move_occurrences(
    conn: &Db,
    appointment: AppointmentId,
    scope: Scope,
    change: &OccurrenceMove,
    overbook: Option<&str>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<SeriesChange> {
    check_actor(actor)?;
    if change.days == 0 && change.time.is_none() {
        return Err(StoreError::Invalid(crate::t!("store-occurrence-say-how")));
    }
    if change.days.unsigned_abs() > 366 {
        return Err(StoreError::Invalid(crate::t!(
            "store-occurrence-too-far",
            days = change.days.to_string()
        )));
    }
    let tx = conn.begin(Begin::Write)?;
    let (series, date) = series_and_date(&tx, appointment)?;
    let clinic = clinic(&tx, series.clinic)?;
    let zone = clinic.time_zone;
    let overbook = overbook.map(str::trim).filter(|r| !r.is_empty());
    let shift = Duration::days(change.days);
    match scope {
        Scope::This => {
            let before = load_appointment(&tx, appointment)?;
            if let Some(why) = before.status.why_not_movable() {
                return Err(StoreError::Invalid(why));
            }
            let local = to_local(zone, before.interval.start);
            let time = change.time.unwrap_or(local.time());
            let wall = (local.date_naive() + shift).and_time(time);
            queue::check_move(&before, local.date_naive(), wall.date())
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
            let occurrence = Occurrence {
                date,
                wall,
                plan: plan_local(zone, wall, before.interval.minutes()),
            };
            let planned = plan_move(
                &tx,
                &clinic,
                before,
                occurrence,
                &HashSet::new(),
                overbook,
                now,
            )?;
            if let Some(message) = refusals(zone, std::slice::from_ref(&planned)) {
                return Err(StoreError::Invalid(message));
            }
            let after = write_move(&tx, planned, None, scope, actor, now)?;
            tx.commit()?;
            Ok(SeriesChange {
                changed: vec![after],
                new_series: None,
                untouched: Vec::new(),
            })
        }
        Scope::ThisAndFollowing => {
            let split = series::split(&series.rule, series.start_date, date, change.days)
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
            let time = change.time.unwrap_or(series.start_time);
            let new = Series {
                id: SeriesId(uuid::Uuid::now_v7()),
                rule: split.new.clone(),
                start_date: split.new_start,
                start_time: time,
                split_from: Some(series.id),
                created_by: actor.to_owned(),
                ..series.clone()
            };
            let following: Vec<_> = members(&tx, series.id)?
                .into_iter()
                .filter(|m| m.occurrence_date >= date)
                .collect();
            let vacating: HashSet<AppointmentId> = following
                .iter()
                .filter(|m| m.status.can_move())
                .map(|m| m.appointment)
                .collect();
            let mut planned = Vec::new();
            let mut untouched = Vec::new();
            for m in &following {
                if !m.status.can_move() {
                    untouched.push((
                        m.occurrence_date,
                        crate::t!(
                            "store-occurrence-left-in-old-series",
                            status = m.status.label()
                        ),
                    ));
                    continue;
                }
                let Some(index) = split.following.iter().position(|d| *d == m.occurrence_date)
                else {
                    untouched.push((
                        m.occurrence_date,
                        crate::t!("store-occurrence-not-a-rule-date"),
                    ));
                    continue;
                };
                let new_date = split.new_dates[index];
                let before = load_appointment(&tx, m.appointment)?;
                let wall = new_date.and_time(time);
                // All move or none: an arrived patient among them stops the whole change.
                queue::check_move(&before, local_date(zone, before.interval.start), new_date)
                    .map_err(|e| {
                        StoreError::Invalid(crate::t!(
                            "store-occurrence-of",
                            date = m.occurrence_date.to_string(),
                            error = e.to_string()
                        ))
                    })?;
                let occurrence = Occurrence {
                    date: new_date,
                    wall,
                    plan: plan_local(zone, wall, before.interval.minutes()),
                };
                planned.push(plan_move(
                    &tx, &clinic, before, occurrence, &vacating, overbook, now,
                )?);
            }
            if let Some(message) = refusals(zone, &planned) {
                return Err(StoreError::Invalid(message));
            }
            let old_before = series_json(&series);
            end_before(&tx, series.id, date, actor, now)?;
            insert_series(&tx, &new, now)?;
            let reason = format!("this and the following occurrences from {date}");
            series_audit(
                &tx,
                series.id,
                now,
                actor,
                Change {
                    action: "split",
                    before: Some(old_before),
                    after: Some(json!({
                        "until_date": date.pred_opt().map(|d| d.to_string()),
                        "continued_by": new.id.to_string(),
                    })),
                    reason: &reason,
                },
            )?;
            series_audit(
                &tx,
                new.id,
                now,
                actor,
                Change {
                    action: "created",
                    before: None,
                    after: Some(series_json(&new)),
                    reason: &reason,
                },
            )?;
            let mut changed = Vec::new();
            for p in planned {
                let new_date = p.occurrence.date;
                changed.push(write_move(
                    &tx,
                    p,
                    Some((new.id, new_date)),
                    scope,
                    actor,
                    now,
                )?);
            }
            tx.commit()?;
            Ok(SeriesChange {
                changed,
                new_series: Some(new.id),
                untouched,
            })
        }
    }
}
