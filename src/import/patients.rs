//! Patients from CSV: a column for the name (required) and, where the file has them, id, phone,
//! email, date of birth and external id. Our appointment CSV works too: its `patient_*`
//! columns are found, and a patient who appears on many rows is read once.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::csv_read::{Header, quote, records};
use super::{BadRow, ImportError, Parsed, PatientRecord};
use crate::export::csv::unneutralise;
use crate::scheduling::PatientId;
use crate::scheduling::entry;
use crate::scheduling::patient_match;

/// The names each patient column goes by.
pub const ID: &[&str] = &["patient_id", "id"];
/// Name column names.
pub const NAME: &[&str] = &["patient", "patient_name", "name", "full_name"];
/// Phone column names.
pub const PHONE: &[&str] = &["patient_phone", "phone", "mobile", "telephone"];
/// Email column names.
pub const EMAIL: &[&str] = &["patient_email", "email", "e_mail"];
/// Date of birth column names.
pub const BIRTH: &[&str] = &[
    "patient_birth_date",
    "birth_date",
    "date_of_birth",
    "dob",
    "birthdate",
];
/// External id column names.
pub const EXTERNAL: &[&str] = &["patient_external_id", "external_id", "mrn"];

/// A date of birth as files write it: `YYYY-MM-DD` only, since `03/04/1980` means different
/// days in different countries.
pub fn birth_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        format!(
            "the date of birth {} is not a date: write it as YYYY-MM-DD, e.g. 1980-05-17",
            quote(text)
        )
    })?;
    if !(1850..2200).contains(&date.year()) {
        return Err(format!(
            "the date of birth {date} is out of range: check the year (1850 to 2199)"
        ));
    }
    Ok(Some(date))
}

/// A patient id cell: empty, or a UUID.
pub fn patient_id(text: &str) -> Result<Option<PatientId>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(text)
        .map(|u| Some(PatientId(u)))
        .map_err(|_| {
            format!(
                "the patient id {} is not an id Frontdesk wrote (a UUID): leave the cell empty for a new patient",
                quote(text)
            )
        })
}

/// An email cell: empty, or an address (`scheduling::entry::email`).
pub fn email(text: &str) -> Result<String, String> {
    entry::email(text).map_err(|e| e.to_string())
}

/// Every detail of a record, as the matching rule compares it.
#[derive(Hash, PartialEq, Eq)]
struct RecordKey {
    id: Option<PatientId>,
    name: String,
    phone: String,
    email: String,
    birth_date: Option<NaiveDate>,
    external_id: String,
}

impl RecordKey {
    fn of(p: &PatientRecord) -> Self {
        RecordKey {
            id: p.id,
            name: patient_match::name_key(&p.name),
            phone: patient_match::phone_key(&p.phone),
            email: p.email.trim().to_lowercase(),
            birth_date: p.birth_date,
            external_id: p.external_id.trim().to_owned(),
        }
    }
}

/// Reads patients from CSV text.
pub fn parse_csv(text: &str) -> Result<Parsed<PatientRecord>, ImportError> {
    let (records, unreadable) = records(text);
    let mut records = records.into_iter();
    let header = records.next().ok_or_else(|| match &unreadable {
        // A quote opened on the first line swallows the whole file.
        Some(u) => ImportError::Broken {
            line: u.line,
            reason: u.reason.clone(),
        },
        None => ImportError::Empty,
    })?;
    let columns = Header::new(&header.cells);
    if let Some(twice) = columns.duplicate(&header.cells) {
        return Err(ImportError::DuplicateColumn(twice));
    }
    let name_col = columns.find(NAME).ok_or_else(|| {
        ImportError::MissingColumn(
            "name".into(),
            "name,phone,email,birth_date,external_id".into(),
        )
    })?;
    // In our appointment CSV, "id" is the appointment's: only take patient_id there.
    let id_col = if columns.find(&["patient_id"]).is_some() || columns.find(&["patient"]).is_some()
    {
        columns.find(&["patient_id"])
    } else {
        columns.find(ID)
    };
    let phone_col = columns.find(PHONE);
    let email_col = columns.find(EMAIL);
    let birth_col = columns.find(BIRTH);
    let external_col = columns.find(EXTERNAL);
    let mut parsed = Parsed {
        rows: Vec::new(),
        bad: Vec::new(),
        series: Vec::new(),
        repeats: 0,
    };
    // A row read once is one that repeats an earlier row in every detail (as compared by the
    // matching rule): namesakes with another birth date, email or id are all kept.
    let mut seen: HashSet<RecordKey> = HashSet::new();
    for record in records {
        let cell = |col: Option<usize>| -> String {
            col.and_then(|c| record.cells.get(c))
                .map(|s| unneutralise(s).trim().to_owned())
                .unwrap_or_default()
        };
        // The name, phone and external id are checked under the entry rules where the store
        // registers the patient; a row that names a stored patient adds no text.
        let mut errors: Vec<String> = columns.extra_cells(&record).into_iter().collect();
        let name = cell(Some(name_col));
        if name.is_empty() {
            errors.push("the name is empty: every patient needs a name".to_owned());
        }
        let email = email(&cell(email_col)).unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        });
        let id = patient_id(&cell(id_col)).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let birth = birth_date(&cell(birth_col)).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if !errors.is_empty() {
            parsed.bad.push(BadRow {
                line: record.line,
                reason: errors.join("; "),
            });
            continue;
        }
        let patient = PatientRecord {
            id,
            name,
            phone: cell(phone_col),
            email,
            birth_date: birth,
            external_id: cell(external_col),
        };
        if seen.insert(RecordKey::of(&patient)) {
            parsed.rows.push((record.line, patient));
        } else {
            parsed.repeats += 1;
        }
    }
    if let Some(u) = unreadable {
        parsed.bad.push(BadRow {
            line: u.line,
            reason: u.reason,
        });
    }
    Ok(parsed)
}
