//! Recurring series on import: an appointment of one of our series joins that series, the
//! stored one or one made from the file's master event with this appointment's patient,
//! doctor and room (a series is one patient with one doctor), audited as "imported". Part of
//! the import's one transaction.

use super::sql::Db;
use std::collections::{HashMap, HashSet};

use super::sql::OptionalExtension;
use chrono::{DateTime, Utc};

use super::booking::Change;
use super::error::Result;
use super::series::{Series, insert_series, series_audit, series_json};
use crate::import::series::{SeriesLink, SeriesRecord};
use crate::scheduling::model::*;
use crate::scheduling::series::SeriesId;

/// What an imported appointment does about its series.
pub(super) enum Joining {
    /// It joins this series (stored, or made just now).
    Join(SeriesId),
    /// It stays an appointment of its own, for this reason (a notice, not an error).
    Alone(String),
    /// The series' master event is bad: this line, this reason (reported once).
    Bad(usize, String),
    /// The master event's problem was reported already.
    Reported,
}

/// The file's master events, and the series made or refused so far in this import.
pub(super) struct SeriesImport<'a> {
    masters: HashMap<uuid::Uuid, (usize, &'a SeriesRecord)>,
    refused: HashSet<uuid::Uuid>,
    source: &'a str,
}

/// The appointment that brings its series into the database.
pub(super) struct Member<'c> {
    /// Its clinic, whose zone the series' wall time is read in.
    pub clinic: &'c Clinic,
    /// Its patient.
    pub patient: PatientId,
    /// Its doctor.
    pub doctor: DoctorId,
    /// Its room.
    pub room: Option<RoomId>,
    /// Its visit type.
    pub visit_type: Option<VisitTypeId>,
}

impl<'a> SeriesImport<'a> {
    /// The master events of a parsed file, for an import described as `source`.
    pub(super) fn new(series: &'a [(usize, SeriesRecord)], source: &'a str) -> Self {
        Self {
            masters: series.iter().map(|(line, s)| (s.id, (*line, s))).collect(),
            refused: HashSet::new(),
            source,
        }
    }

    /// Which series the appointment of `member` on `link` joins, making it from the file's
    /// master event when the database does not hold it yet.
    pub(super) fn join(
        &mut self,
        tx: &Db,
        link: &SeriesLink,
        member: &Member<'_>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Joining> {
        let id = SeriesId(link.series);
        let stored: Option<uuid::Uuid> = tx
            .prepare_cached("SELECT clinic_id FROM series WHERE id = ?1")?
            .query_row([id.0], |r| r.get(0))
            .optional()?;
        match stored {
            Some(clinic) if clinic == member.clinic.id.0 => return Ok(Joining::Join(id)),
            Some(_) => {
                return Ok(Joining::Alone(crate::t!(
                    "store-import-series-other-clinic",
                    series = id.0.to_string()
                )));
            }
            None => {}
        }
        if self.refused.contains(&id.0) {
            return Ok(Joining::Reported);
        }
        let Some(&(line, master)) = self.masters.get(&id.0) else {
            return Ok(Joining::Alone(crate::t!(
                "store-import-series-no-master",
                series = id.0.to_string()
            )));
        };
        let resolved = match master.resolve(member.clinic.time_zone) {
            Ok(r) => r,
            Err(reason) => {
                self.refused.insert(id.0);
                return Ok(Joining::Bad(line, reason));
            }
        };
        let series = Series {
            id,
            clinic: member.clinic.id,
            patient: member.patient,
            doctor: member.doctor,
            room: member.room,
            visit_type: member.visit_type,
            rule: resolved.rule,
            start_date: resolved.start_date,
            start_time: resolved.start_time,
            minutes: resolved.minutes,
            zone: member.clinic.time_zone,
            split_from: None,
            created_by: actor.to_owned(),
        };
        insert_series(tx, &series, now)?;
        series_audit(
            tx,
            id,
            now,
            actor,
            Change {
                action: "imported",
                before: None,
                after: Some(series_json(&series)),
                reason: &format!("import from {}", self.source),
            },
        )?;
        Ok(Joining::Join(id))
    }
}
