//! Patients in an import: which stored patient a row means (`scheduling::patient_match`, with
//! the candidates loaded here), registering the ones nobody stored is, and `import patients`
//! itself, in the caller's `BEGIN IMMEDIATE` transaction (see `import.rs` for the rules an
//! import holds to).

use super::sql;
use std::collections::HashMap;

use super::sql::{Begin, Db, params};

use super::error::Result;
use super::import::{finish, report_progress};
use super::setup;
use crate::export::Progress;
use crate::import::{BadRow, ImportOptions, ImportReport, Parsed, PatientRecord};
use crate::scheduling::entry;
use crate::scheduling::model::*;
use crate::scheduling::patient_match::{self, Claim, Identified};

/// The external ids (MRNs) and emails of stored patients, the keys the database has no index
/// for, kept up to date as the import registers new patients. Ids and names are looked up in
/// the database, which sees the patients this transaction registered too.
///
/// It also remembers the patients this import registered under an id the file gave: the file
/// tells them apart from a row with another id of its own (`patient_match::identify_apart`),
/// so two namesakes of the source stay two.
#[derive(Default)]
pub(super) struct PatientIndex {
    external: HashMap<String, Vec<PatientId>>,
    email: HashMap<String, Vec<PatientId>>,
    from_file: std::collections::HashSet<PatientId>,
}

impl PatientIndex {
    pub(super) fn load(conn: &Db) -> sql::Result<Self> {
        let mut index = PatientIndex::default();
        let mut stmt = conn.prepare(
            "SELECT id, external_id, email FROM patient WHERE external_id <> '' OR email <> ''",
        )?;
        let rows = stmt.query_map(params![], |row| {
            Ok((
                PatientId(row.get(0)?),
                row.get::<String>(1)?,
                row.get::<String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, external, email) = row?;
            index.note(id, &external, &email);
        }
        Ok(index)
    }

    fn note(&mut self, id: PatientId, external: &str, email: &str) {
        if !external.trim().is_empty() {
            self.external
                .entry(external.trim().to_owned())
                .or_default()
                .push(id);
        }
        if !email.trim().is_empty() {
            self.email
                .entry(email.trim().to_lowercase())
                .or_default()
                .push(id);
        }
    }

    /// A patient this import registered; `file_id` when the id is the file's own.
    pub(super) fn add(&mut self, p: &Patient, file_id: bool) {
        self.note(p.id, &p.external_id, &p.email);
        if file_id {
            self.from_file.insert(p.id);
        }
    }

    /// Which stored patient a row's claim identifies (`scheduling::patient_match`).
    pub(super) fn identify(&self, conn: &Db, claim: &Claim<'_>) -> sql::Result<Identified> {
        let mut candidates = setup::patient_candidates(
            conn,
            &Claim {
                external_id: "",
                email: "",
                ..*claim
            },
        )?;
        let by_external = self.external.get(claim.external_id.trim());
        let by_email = self.email.get(&claim.email.trim().to_lowercase());
        for id in by_external.into_iter().chain(by_email).flatten() {
            candidates.extend(setup::patient(conn, *id)?);
        }
        let told_apart =
            |p: PatientId| claim.id.is_some_and(|id| id != p) && self.from_file.contains(&p);
        Ok(patient_match::identify_apart(
            claim,
            &candidates,
            &told_apart,
        ))
    }
}

/// What a row says about its patient, for [`patient_match::identify`].
pub(super) fn claim_of(r: &PatientRecord) -> Claim<'_> {
    Claim {
        id: r.id,
        external_id: &r.external_id,
        name: &r.name,
        phone: &r.phone,
        email: &r.email,
        birth_date: r.birth_date,
    }
}

/// Why a row's patient is refused (an id that belongs to someone else, several patients that
/// fit), with how to fix it; `None` when the row is not refused.
pub(super) fn refusal(identified: &Identified, claim: &Claim<'_>) -> Option<String> {
    let why = identified.refusal(claim)?;
    Some(match identified {
        Identified::Contradicts { .. } => crate::t!("store-import-patient-contradicts", why = why),
        _ => crate::t!("store-import-patient-say-which", why = why),
    })
}

/// A row's patient under the entry rules, checked when the row would register them (a row
/// that names a patient already stored adds no text, so a legacy name still matches).
pub(super) fn checked_record(r: &PatientRecord) -> std::result::Result<PatientRecord, String> {
    let text = |e: entry::EntryError| format!("the patient: {e}");
    Ok(PatientRecord {
        id: r.id,
        name: if r.name.trim().is_empty() {
            String::new()
        } else {
            entry::person_name(&r.name).map_err(text)?
        },
        phone: entry::phone(&r.phone).map_err(text)?,
        email: entry::email(&r.email).map_err(text)?,
        birth_date: r.birth_date,
        external_id: entry::external_id(&r.external_id).map_err(text)?,
    })
}

/// What staff should hear about a patient an import registers: the registered patients they
/// may be (the same phone, or the same name and date of birth) and the namesakes the rule
/// told apart, each shown in full so the desk can check.
pub(super) fn new_patient_notice(
    conn: &Db,
    p: &Patient,
    namesakes: &[Patient],
) -> sql::Result<Option<String>> {
    let mut others = setup::likely_duplicates(conn, p)?;
    for n in namesakes {
        if n.id != p.id && !others.iter().any(|o| o.id == n.id) {
            others.push(n.clone());
        }
    }
    if others.is_empty() {
        return Ok(None);
    }
    let listed: Vec<String> = others
        .iter()
        .take(3)
        .map(patient_match::describe_patient)
        .chain((others.len() > 3).then(|| crate::t!("core-match-more", count = others.len() - 3)))
        .collect();
    Ok(Some(crate::t!(
        "store-import-patient-likely-duplicate",
        patient = patient_match::describe_patient(p),
        listed = listed.join("; ")
    )))
}

pub(super) fn patient_from(r: &PatientRecord, id: PatientId) -> Patient {
    Patient {
        id,
        name: r.name.trim().to_owned(),
        phone: r.phone.trim().to_owned(),
        email: r.email.trim().to_owned(),
        birth_date: r.birth_date,
        external_id: r.external_id.trim().to_owned(),
    }
}

/// Imports patients (see the module's rules; patients have no audit log of their own yet).
pub fn import_patients(
    conn: &Db,
    parsed: &Parsed<PatientRecord>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    let tx = conn.begin(Begin::Write)?;
    let mut index = PatientIndex::load(&tx)?;
    let mut report = ImportReport {
        rows: parsed.rows.len() + parsed.bad.len() + parsed.repeats,
        repeats: parsed.repeats,
        bad: parsed.bad.clone(),
        ..ImportReport::default()
    };
    let total = parsed.rows.len();
    for (i, (line, r)) in parsed.rows.iter().enumerate() {
        report_progress(progress, i + 1, total);
        let mut bad = |reason: String| {
            report.bad.push(BadRow {
                line: *line,
                reason,
            })
        };
        let claim = claim_of(r);
        let namesakes = match index.identify(&tx, &claim)? {
            Identified::Same { .. } => {
                report.already_present += 1;
                continue;
            }
            Identified::Nobody { namesakes } => namesakes,
            // Several fit, one of them recorded exactly as the row: the row adds nothing.
            refused if patient_match::already_registered(&claim, &refused).is_some() => {
                report.already_present += 1;
                continue;
            }
            refused => {
                bad(refusal(&refused, &claim).unwrap_or_default());
                continue;
            }
        };
        let r = match checked_record(r) {
            Ok(r) if r.name.is_empty() => {
                bad(crate::t!("store-import-patient-no-name"));
                continue;
            }
            Ok(r) => r,
            Err(reason) => {
                bad(reason);
                continue;
            }
        };
        let patient = patient_from(&r, r.id.unwrap_or_else(|| PatientId(uuid::Uuid::now_v7())));
        if let Some(notice) = new_patient_notice(&tx, &patient, &namesakes)? {
            report.notices.push(BadRow {
                line: *line,
                reason: notice,
            });
        }
        setup::insert_patient(&tx, &patient)?;
        index.add(&patient, r.id.is_some());
        report.imported += 1;
    }
    finish(tx, report, options.dry_run)
}
