//! Writing an import: every row resolved (doctor, room, visit type, patient, times in the
//! clinic's zone), checked under the booking rules and written with an "imported" audit event,
//! all in one `BEGIN IMMEDIATE` transaction that commits only when no row is bad (and never
//! in a dry run). Rows whose id is already stored are left as they are, so a file imported
//! twice adds nothing the second time.
//!
//! The rules for an imported appointment (`weigh`): invalid times (end before start, too long,
//! a local time in a DST gap) are always bad; "starts in the past" never applies (imports bring
//! history); one that holds time must not double-book its doctor, room or patient, unless the
//! overlap is explained by an overbook reason on either appointment (the row's own
//! `overbook_reason`, the import's, or that of the appointment it meets, stored or imported
//! earlier in this file): the same rule `frontdesk check` holds every database to, so an export
//! of any database goes back in without `--overbook`, whatever order its rows come in. Hours,
//! leave, blockouts, closures and inactive doctors or rooms do not stop an import: an
//! appointment still to come that they strand is imported as it is, and listed as a notice
//! (Settings strands appointments the same way: they stay booked and are listed to be moved).
//!
//! A walk-in's or emergency's queue token from the file is kept when it is written as we write
//! them, free on its clinic-local day and within that day's queue; any other, or none, is
//! replaced by a free number of its kind's sequence, and a scheduled appointment's is dropped,
//! each with a notice (`scheduling::queue::import_tokens`, planned per day before any row is
//! written).
//!
//! An appointment of one of our series joins it (`import_series.rs`): the series is made from
//! the file's master event when the database does not hold it yet. A row's patient is found
//! or registered by `import_patients.rs`, which also holds `import patients`. Recorded
//! arrival, consultation and completion times are held to the lifecycle
//! (`scheduling::status::check_timestamps`).

use super::sql;
use std::collections::HashMap;

use super::sql::{Begin, Db, OptionalExtension};
use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::json;

use super::booking::{Change, audit, check_actor, clinic, insert_appointment, judge};
use super::codec::secs;
use super::error::Result;
use super::import_patients::{
    PatientIndex, checked_record, claim_of, new_patient_notice, patient_from, refusal,
};
use super::import_series::{Joining, Member, SeriesImport};
use super::series::set_series;
use super::setup;
use crate::export::Progress;
use crate::import::csv_read::quote;
use crate::import::{
    AlsoStated, AppointmentRecord, BadRow, ImportOptions, ImportReport, NameRef, Parsed, Until,
    When,
};
use crate::scheduling::conflict::{Conflict, Proposal, Severity, Verdict, decide};
use crate::scheduling::entry;
use crate::scheduling::model::*;
use crate::scheduling::patient_match::Identified;
use crate::scheduling::queue;
use crate::scheduling::status::{Timestamps, check_timestamps};
use crate::scheduling::time::{LocalTime, local_date, resolve_local};

/// Names as rows give them, looked up case-insensitively.
fn key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let k = name.trim().nfc().collect::<String>().to_lowercase();
    k.strip_prefix("dr.")
        .or_else(|| k.strip_prefix("dr "))
        .unwrap_or(&k)
        .trim()
        .to_owned()
}

/// Ids by name, for doctors, rooms and visit types.
struct Directory {
    by_id: HashMap<uuid::Uuid, String>,
    by_name: HashMap<String, Vec<uuid::Uuid>>,
    what: &'static str,
}

impl Directory {
    fn new(what: &'static str, items: impl Iterator<Item = (uuid::Uuid, String)>) -> Self {
        let mut d = Directory {
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            what,
        };
        for (id, name) in items {
            d.by_name.entry(key(&name)).or_default().push(id);
            d.by_id.insert(id, name);
        }
        d
    }

    /// The id a reference means, `Ok(None)` when it names nothing.
    fn find(&self, r: &NameRef) -> std::result::Result<Option<uuid::Uuid>, String> {
        if let Some(id) = r.id
            && self.by_id.contains_key(&id)
        {
            return Ok(Some(id));
        }
        let Some(name) = r.name.as_deref().filter(|n| !n.trim().is_empty()) else {
            return match r.id {
                Some(id) => Err(crate::t!(
                    "store-import-no-such-id",
                    what = crate::store::error::thing(self.what),
                    id = id.to_string()
                )),
                None => Ok(None),
            };
        };
        match self.by_name.get(&key(name)).map(Vec::as_slice) {
            Some([one]) => Ok(Some(*one)),
            Some(_) => Err(crate::t!(
                "store-import-several-named",
                what = crate::store::error::thing(self.what),
                name = quote(name)
            )),
            None => {
                let mut known: Vec<&str> = self.by_id.values().map(String::as_str).collect();
                known.sort_unstable();
                known.truncate(12);
                Err(crate::t!(
                    "store-import-none-named",
                    what = crate::store::error::thing(self.what),
                    name = quote(name),
                    known = known.join(", ")
                ))
            }
        }
    }
}

pub(super) fn report_progress(progress: &mut dyn FnMut(Progress), done: usize, total: usize) {
    let step = (total / 100).max(1);
    if done.is_multiple_of(step) || done == total {
        progress(Progress {
            phase: "checking",
            done: done as u64,
            total: total as u64,
        });
    }
}

pub(super) fn finish(
    tx: sql::Transaction<'_>,
    mut report: ImportReport,
    dry_run: bool,
) -> Result<ImportReport> {
    report.bad.sort();
    report.notices.sort();
    report.dry_run = dry_run;
    if dry_run || !report.bad.is_empty() {
        tx.rollback()?;
        report.committed = false;
    } else {
        tx.commit()?;
        report.committed = true;
    }
    Ok(report)
}

/// What resolving a record's times gave.
pub(super) fn resolve_when(
    zone: chrono_tz::Tz,
    when: When,
    notices: &mut Vec<String>,
) -> std::result::Result<DateTime<Utc>, String> {
    let (wall, zone) = match when {
        When::Utc(t) => return Ok(t),
        When::Defined { at, wall, twice } => {
            if twice {
                notices.push(crate::t!(
                    "store-import-twice-in-file-zone",
                    wall = wall.format("%Y-%m-%d %H:%M").to_string()
                ));
            }
            return Ok(at);
        }
        When::ClinicLocal(wall) => (wall, zone),
        When::Zoned(wall, z) => (wall, z),
    };
    match resolve_local(zone, wall) {
        LocalTime::Exact(t) => Ok(t),
        LocalTime::Ambiguous { earlier, .. } => {
            notices.push(crate::t!(
                "store-import-twice",
                wall = wall.format("%Y-%m-%d %H:%M").to_string(),
                zone = zone.to_string()
            ));
            Ok(earlier)
        }
        LocalTime::Gap { next_valid } => Err(crate::t!(
            "core-local-time-in-gap",
            requested = wall.format("%Y-%m-%d %H:%M").to_string(),
            zone = zone.to_string(),
            next = next_valid.format("%Y-%m-%d %H:%M").to_string()
        )),
    }
}

/// What a conflict does to an imported row (see the module's rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weight {
    /// It refuses the row, unless the row is overbooked with a reason.
    Stands,
    /// The row is imported as it is, and the import says so.
    Notice,
    /// It does not apply to an import.
    Ignored,
}

/// How a conflict weighs in an import: `holds_time` for a row whose status holds its time,
/// `past` when it is over, `explained` when the appointment it meets was itself overbooked.
fn weigh(conflict: &Conflict, holds_time: bool, past: bool, explained: bool) -> Weight {
    match conflict {
        Conflict::StartInPast { .. } | Conflict::LocalTimeAmbiguous { .. } => Weight::Ignored,
        c if c.severity() == Severity::Invalid => Weight::Stands,
        _ if !holds_time => Weight::Ignored,
        Conflict::DoctorBooked(_) | Conflict::RoomBooked(_) | Conflict::PatientBooked(_) => {
            if explained {
                Weight::Ignored
            } else {
                Weight::Stands
            }
        }
        _ if past => Weight::Ignored,
        _ => Weight::Notice,
    }
}

/// What a refused row's message adds about overbooking: only a hard conflict (a double
/// booking) can be overbooked, so an overbook reason is suggested only when the double booking
/// is the row's only problem (`other_problems`: the row has one besides its conflicts, such as
/// its queue token), and never when one was already given (then what is left is invalid, and
/// each conflict's own message says how to fix it).
///
/// Returns the row's problems (`list`) with that hint.
fn overbook_hint(
    list: String,
    refused: &[Conflict],
    overbook_given: bool,
    other_problems: bool,
) -> String {
    let hard = refused.iter().any(|c| c.severity() == Severity::Hard);
    let invalid = other_problems || refused.iter().any(|c| c.severity() == Severity::Invalid);
    match (hard, invalid, overbook_given) {
        (true, false, false) => crate::t!("store-import-overbook-hint", problems = list),
        (true, true, false) => crate::t!("store-import-overbook-hint-partly", problems = list),
        _ => list,
    }
}

/// Where the times a row gives twice (`AlsoStated`: a CSV's local columns and minutes beside
/// its UTC ones) disagree with the times read, each with both values and the clinic-local
/// time read, so the one edited by hand is found. Seconds are left to the core's own rule.
fn disagreements(
    zone: chrono_tz::Tz,
    also: &AlsoStated,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Vec<String> {
    let wall = |t: DateTime<Utc>| t.with_timezone(&zone).naive_local();
    let minute = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    let mut out = Vec::new();
    for (what, read_from, stated, read) in [
        ("start_local", "start_utc", also.start_local, start),
        ("end_local", "end_utc", also.end_local, end),
    ] {
        let Some(stated) = stated else { continue };
        let read_wall = wall(read);
        if read_wall.with_second(0) != Some(stated) {
            out.push(crate::t!(
                "store-import-times-disagree",
                what = what,
                stated = minute(stated),
                read_from = read_from,
                read = read.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                wall = minute(read_wall),
                zone = zone.to_string()
            ));
        }
    }
    if let Some(minutes) = also.minutes {
        let length = (end - start).num_minutes();
        if length != minutes {
            out.push(crate::t!(
                "store-import-minutes-disagree",
                minutes = minutes.to_string(),
                start = minute(wall(start)),
                end = minute(wall(end)),
                length = length.to_string()
            ));
        }
    }
    out
}

/// Which of the appointments `conflicts` clash with were overbooked with a reason.
fn overbooked_among(
    conn: &Db,
    conflicts: &[Conflict],
) -> Result<std::collections::HashSet<AppointmentId>> {
    let mut out = std::collections::HashSet::new();
    for clash in conflicts.iter().filter_map(Conflict::clash) {
        let overbooked = conn
            .prepare_cached(
                "SELECT 1 FROM appointment WHERE id = ?1 AND overbook_reason IS NOT NULL",
            )?
            .query_row([clash.id.0], |_| Ok(()))
            .optional()?
            .is_some();
        if overbooked {
            out.insert(clash.id);
        }
    }
    Ok(out)
}

/// Imports appointments (see the module's rules).
pub fn import_appointments(
    conn: &Db,
    parsed: &Parsed<AppointmentRecord>,
    options: &ImportOptions,
    actor: &str,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    check_actor(actor)?;
    let tx = conn.begin(Begin::Write)?;
    let clinic = clinic(&tx, options.clinic)?;
    let doctors = Directory::new(
        "doctor",
        setup::doctors(&tx)?.into_iter().map(|d| (d.id.0, d.name)),
    );
    let rooms = Directory::new(
        "room",
        setup::rooms(&tx, clinic.id)?
            .into_iter()
            .map(|r| (r.id.0, r.name)),
    );
    let visit_types = Directory::new(
        "visit type",
        setup::visit_types(&tx)?
            .into_iter()
            .map(|v| (v.id.0, v.name)),
    );
    let mut patients = PatientIndex::load(&tx)?;
    let mut report = ImportReport {
        rows: parsed.rows.len() + parsed.bad.len() + parsed.repeats,
        repeats: parsed.repeats,
        bad: parsed.bad.clone(),
        ..ImportReport::default()
    };
    let mut tokens = super::queue::plan_import(&tx, &clinic, parsed)?;
    let mut first_line: HashMap<AppointmentId, usize> = HashMap::new();
    let mut series = SeriesImport::new(&parsed.series, &options.source);
    let total = parsed.rows.len();
    for (i, (line, r)) in parsed.rows.iter().enumerate() {
        report_progress(progress, i + 1, total);
        let line = *line;
        let mut bad = |reason: String| {
            report.bad.push(BadRow { line, reason });
        };
        if let Some(first) = first_line.insert(r.id, line) {
            bad(crate::t!(
                "store-import-repeats-line",
                first = first.to_string()
            ));
            continue;
        }
        let exists = tx
            .prepare_cached("SELECT 1 FROM appointment WHERE id = ?1")?
            .query_row([r.id.0], |_| Ok(()))
            .optional()?
            .is_some();
        if exists {
            report.already_present += 1;
            continue;
        }
        let mut errors = Vec::new();
        let mut notes = Vec::new();
        let doctor = if r.doctor.is_empty() {
            options
                .default_doctor
                .map(|d| d.0)
                .ok_or_else(|| crate::t!("store-import-no-doctor"))
        } else {
            doctors
                .find(&r.doctor)
                .and_then(|d| d.ok_or_else(|| crate::t!("store-import-no-doctor-short")))
        };
        let doctor = doctor.map_err(|e| errors.push(e)).ok();
        let room = rooms
            .find(&r.room)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let visit_type = visit_types
            .find(&r.visit_type)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let zone = clinic.time_zone;
        let start = resolve_when(zone, r.start, &mut notes)
            .map_err(|e| errors.push(e))
            .ok();
        let end = match (r.end, start) {
            (Until::Minutes(m), Some(s)) => {
                // Checked: a length no clock can hold is a bad row, not a panic.
                let end = Duration::try_minutes(m).and_then(|d| s.checked_add_signed(d));
                if end.is_none() {
                    errors.push(crate::t!(
                        "store-import-length-beyond-dates",
                        minutes = m.to_string(),
                        max = MAX_APPOINTMENT_MINUTES.to_string()
                    ));
                }
                end
            }
            (Until::At(w), _) => resolve_when(zone, w, &mut notes)
                .map_err(|e| errors.push(e))
                .ok(),
            (Until::Minutes(_), None) => None,
        };
        if let (Some(start), Some(end)) = (start, end) {
            errors.extend(disagreements(zone, &r.also, start, end));
        }
        // The lifecycle's timestamps as the core could have recorded them.
        if let Some(start) = start {
            let recorded = Timestamps {
                status: r.status,
                start,
                arrived_at: r.arrived_at,
                consultation_started_at: r.consultation_started_at,
                completed_at: r.completed_at,
            };
            errors.extend(
                check_timestamps(&recorded, zone, now)
                    .iter()
                    .map(ToString::to_string),
            );
        }
        // Free text under the entry rules, whichever reader made the row (our CSV reader checks
        // it too; the iCalendar reader leaves it to here).
        let cancel_reason = r.cancellation.as_ref().map(|c| c.reason.as_str());
        for (what, text) in [
            ("the reason", Some(r.reason.as_str())),
            ("the notes", Some(r.notes.as_str())),
            ("the overbook reason", r.overbook_reason.as_deref()),
            ("the cancellation reason", cancel_reason),
        ] {
            if let Some(Err(e)) = text.map(|t| entry::free_text(what, t)) {
                errors.push(e.to_string());
            }
        }
        // The patient: the stored one the row identifies, or registered from the row.
        let mut new_patient = None;
        let mut namesakes = Vec::new();
        let claim = claim_of(&r.patient);
        let patient = match patients.identify(&tx, &claim)? {
            Identified::Same { patient, .. } => Some(patient.id),
            Identified::Nobody { namesakes: found } => match r.patient.id {
                Some(id) if !r.patient.name.trim().is_empty() => match checked_record(&r.patient) {
                    Ok(record) => {
                        new_patient = Some(patient_from(&record, id));
                        namesakes = found;
                        Some(id)
                    }
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                },
                _ => {
                    errors.push(crate::t!(
                        "store-import-patient-not-registered",
                        name = quote(&r.patient.name)
                    ));
                    None
                }
            },
            refused => {
                errors.push(refusal(&refused, &claim).unwrap_or_default());
                None
            }
        };
        let (Some(doctor), Some(patient), Some(start), Some(end)) = (doctor, patient, start, end)
        else {
            bad(errors.join("; "));
            continue;
        };
        if !errors.is_empty() {
            bad(errors.join("; "));
            continue;
        }
        if let Some(p) = &new_patient {
            if let Some(notice) = new_patient_notice(&tx, p, &namesakes)? {
                report.notices.push(BadRow {
                    line,
                    reason: notice,
                });
            }
            setup::insert_patient(&tx, p)?;
            patients.add(p, true);
            report.patients_added += 1;
        }
        let interval = Interval::new(start, end);
        let proposal = Proposal {
            doctor: DoctorId(doctor),
            room: room.map(RoomId),
            patient,
            interval,
            kind: r.kind,
            moving: None,
        };
        // The queue token, as planned (before the conflicts, so a refusal names every problem) for the row's day before the first row was written.
        let day = local_date(zone, start);
        let planned = match tokens.get_mut(i).and_then(Option::take) {
            Some(planned) => planned,
            None => {
                let issued = super::queue::issued(&tx, clinic.id, day)?;
                let row = [(r.kind, r.queue_token.as_str())];
                let mut alone = queue::import_tokens(day, issued.iter().map(String::as_str), &row);
                alone
                    .pop()
                    .unwrap_or_else(|| Ok(queue::ImportedToken::Keep(String::new())))
            }
        };
        let found = judge(&tx, &clinic, &proposal, Vec::new(), now)?;
        let overbooked_others = overbooked_among(&tx, &found)?;
        let overbook = r
            .overbook_reason
            .clone()
            .or_else(|| options.overbook.clone());
        let mut conflicts = Vec::new();
        let mut stranded = Vec::new();
        for c in found {
            let explained = c.clash().is_some_and(|k| overbooked_others.contains(&k.id));
            match weigh(&c, r.status.holds_time(), end <= now, explained) {
                Weight::Stands => conflicts.push(c),
                // An overbook reason covers these too; without one, staff hear of them.
                Weight::Notice if overbook.is_none() => stranded.push(c.to_string()),
                Weight::Notice | Weight::Ignored => {}
            }
        }
        if !stranded.is_empty() {
            notes.push(crate::t!(
                "store-import-stranded",
                conflicts = stranded.join("; ")
            ));
        }
        let overbooked = match decide(conflicts, overbook.as_deref()) {
            Verdict::Refuse(conflicts) => {
                // A clash with a row of this same file says which line it is.
                let list: Vec<String> = conflicts
                    .iter()
                    .map(|c| match c.clash().and_then(|k| first_line.get(&k.id)) {
                        Some(other) if *other != line => crate::t!(
                            "store-import-clash-in-file",
                            conflict = c.to_string(),
                            line = other.to_string()
                        ),
                        _ => c.to_string(),
                    })
                    .collect();
                let others = planned.as_ref().err();
                let mut list = list.join("; ");
                if let Some(token) = others {
                    list.push_str("; ");
                    list.push_str(token);
                }
                bad(overbook_hint(
                    list,
                    &conflicts,
                    overbook.is_some(),
                    others.is_some(),
                ));
                continue;
            }
            Verdict::Accept { overbooked, .. } => overbooked.or(r.overbook_reason.clone()),
        };
        let token = match planned {
            Ok(token) => token,
            Err(reason) => {
                bad(reason);
                continue;
            }
        };
        let token_notice = match &token {
            // A walk-in or emergency the file gives no token gets one, and staff hear of it.
            queue::ImportedToken::Replaced {
                token: given,
                why: queue::Reissue::Missing,
                ..
            } => Some(if r.kind == Kind::Emergency {
                crate::t!(
                    "store-import-emergency-token-given",
                    token = given,
                    day = day.to_string()
                )
            } else {
                crate::t!(
                    "store-import-walk-in-token-given",
                    token = given,
                    day = day.to_string()
                )
            }),
            other => other.notice(day),
        };
        notes.extend(token_notice.clone());
        let joined = match &r.series {
            None => None,
            Some(link) => {
                let member = Member {
                    clinic: &clinic,
                    patient,
                    doctor: DoctorId(doctor),
                    room: room.map(RoomId),
                    visit_type: visit_type.map(VisitTypeId),
                };
                match series.join(&tx, link, &member, actor, now)? {
                    Joining::Join(id) => Some((id, link.occurrence_date)),
                    Joining::Alone(reason) => {
                        notes.push(reason);
                        None
                    }
                    Joining::Bad(master, reason) => {
                        report.bad.push(BadRow {
                            line: master,
                            reason,
                        });
                        continue;
                    }
                    Joining::Reported => continue,
                }
            }
        };
        for n in notes {
            report.notices.push(BadRow { line, reason: n });
        }
        let appointment = Appointment {
            id: r.id,
            clinic: clinic.id,
            patient,
            doctor: DoctorId(doctor),
            room: room.map(RoomId),
            visit_type: visit_type.map(VisitTypeId),
            interval,
            mode: r.mode,
            kind: r.kind,
            priority: r.priority,
            status: r.status,
            reason: r.reason.clone(),
            notes: r.notes.clone(),
            meeting_link: r.meeting_link.clone(),
            queue_token: token.token().to_owned(),
            arrived_at: r.arrived_at,
            consultation_started_at: r.consultation_started_at,
            completed_at: r.completed_at,
            cancellation: r.cancellation.as_ref().map(|c| Cancellation {
                reason: c.reason.clone(),
                by: c.by,
                late: c.late,
                at: c.at.unwrap_or(now),
            }),
            created_by: actor.to_owned(),
            updated_by: actor.to_owned(),
            sequence: r.sequence,
        };
        insert_appointment(&tx, &appointment, overbooked.as_deref(), now)?;
        if let Some((id, date)) = joined {
            set_series(&tx, appointment.id, id, date)?;
        }
        let mut reason = match &overbooked {
            Some(o) => format!("import from {}; overbooked: {o}", options.source),
            None => format!("import from {}", options.source),
        };
        if let Some(n) = &token_notice {
            reason.push_str("; ");
            reason.push_str(n);
        }
        audit(
            &tx,
            appointment.id,
            now,
            actor,
            Change {
                action: "imported",
                before: None,
                after: Some(json!({
                    "start_utc": secs(interval.start),
                    "end_utc": secs(interval.end),
                    "doctor": appointment.doctor.to_string(),
                    "room": appointment.room.map(|r| r.to_string()),
                    "patient": appointment.patient.to_string(),
                    "status": appointment.status.as_str(),
                    "kind": appointment.kind.as_str(),
                    "mode": appointment.mode.as_str(),
                    "queue_token": appointment.queue_token,
                    "source": options.source,
                    "line": line,
                    "series": joined.map(|(id, _)| id.0.to_string()),
                    "occurrence_date": joined.map(|(_, d)| d.format("%Y-%m-%d").to_string()),
                })),
                reason: &reason,
            },
        )?;
        report.imported += 1;
    }
    finish(tx, report, options.dry_run)
}
