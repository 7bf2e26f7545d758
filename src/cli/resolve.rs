//! Turning what people type (names, dates, times, ids) into the store's ids and instants, with
//! a message that says what is wrong and how to fix it.

use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use frontdesk::scheduling::entry::{self, shown};
use frontdesk::scheduling::patient_match::{Claim, Identified, describe_patient};
use frontdesk::scheduling::time::{FIRST_DATE, LAST_DATE, echo, read_date, read_wall_time};
use frontdesk::scheduling::*;
use frontdesk::store::{Store, StoreError};

/// Finds one item by name: an exact (case-insensitive) match wins, else a unique part of the
/// name; "Dr." in front is optional.
pub fn by_name<'a, T>(
    what: &'static str,
    typed: &str,
    items: &'a [T],
    name: impl Fn(&T) -> &str,
) -> Result<&'a T> {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("dr.")
            .or_else(|| s.strip_prefix("dr "))
            .unwrap_or(&s)
            .trim()
            .to_owned()
    };
    let wanted = norm(typed);
    if wanted.is_empty() {
        bail!("give a {what} name");
    }
    if let Some(exact) = items.iter().find(|i| norm(name(i)) == wanted) {
        return Ok(exact);
    }
    let matches: Vec<&T> = items
        .iter()
        .filter(|i| norm(name(i)).contains(&wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            let known: Vec<String> = items
                .iter()
                .map(|i| shown(name(i)).into_owned())
                .take(30)
                .collect();
            Err(StoreError::NotFound {
                what,
                name: echo(typed),
                hint: format!("; known: {}", known.join(", ")),
            }
            .into())
        }
        many => Err(StoreError::Ambiguous {
            what,
            name: echo(typed),
            candidates: many.iter().map(|i| shown(name(i)).into_owned()).collect(),
        }
        .into()),
    }
}

/// The clinic to work in: the one named, or the only one.
pub fn clinic(store: &dyn Store, named: Option<&str>) -> Result<Clinic> {
    let clinics = store.clinics()?;
    match named {
        Some(n) => Ok(by_name("clinic", n, &clinics, |c| &c.name)?.clone()),
        None => match clinics.as_slice() {
            [one] => Ok(one.clone()),
            [] => bail!(
                "{} holds no clinic yet: run `frontdesk --db {} demo` for a demo clinic",
                store.locator(),
                store.locator()
            ),
            many => bail!(
                "this database holds several clinics ({}): choose one with --clinic NAME",
                many.iter()
                    .map(|c| shown(&c.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    }
}

/// A doctor by (part of) name.
pub fn doctor(store: &dyn Store, typed: &str) -> Result<Doctor> {
    let doctors = store.doctors()?;
    Ok(by_name("doctor", typed, &doctors, |d| &d.name)?.clone())
}

/// A room of the clinic by (part of) name.
pub fn room(store: &dyn Store, clinic: ClinicId, typed: &str) -> Result<Room> {
    let rooms = store.rooms(clinic)?;
    Ok(by_name("room", typed, &rooms, |r| &r.name)?.clone())
}

/// A visit type by (part of) name.
pub fn visit_type(store: &dyn Store, typed: &str) -> Result<VisitType> {
    let types = store.visit_types()?;
    Ok(by_name("visit type", typed, &types, |v| &v.name)?.clone())
}

/// A clinic-local start as typed on the command line: `YYYY-MM-DD HH:MM`, whole minutes.
pub fn wall_time(flag: &str, text: &str) -> Result<NaiveDateTime> {
    read_wall_time(text).map_err(|e| anyhow!("{flag} {e}"))
}

/// A date as typed on the command line: `YYYY-MM-DD`, from 1900-01-01 to 2199-12-31.
pub fn date(flag: &str, text: &str) -> Result<NaiveDate> {
    read_date(text).map_err(|e| anyhow!("{flag} {e}"))
}

/// A date, or a date and time, as typed (`slots --from`): a date alone means its midnight.
pub fn date_or_wall_time(flag: &str, text: &str) -> Result<NaiveDateTime> {
    if text.trim().contains([' ', 'T']) {
        wall_time(flag, text)
    } else {
        Ok(date(flag, text)?.and_time(chrono::NaiveTime::MIN))
    }
}

/// An appointment id as typed.
pub fn appointment_id(text: &str) -> Result<AppointmentId> {
    uuid::Uuid::parse_str(text.trim())
        .map(AppointmentId)
        .map_err(|_| {
            anyhow!(
                "\"{}\" is not an appointment id: copy the id shown by `frontdesk agenda`",
                echo(text)
            )
        })
}

/// "Now": the real clock, or `--now` for tests and training.
pub fn now(flag: Option<&str>) -> Result<DateTime<Utc>> {
    match flag {
        None => Ok(Utc::now()),
        Some(text) => {
            let t = DateTime::parse_from_rfc3339(text.trim())
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    anyhow!(
                        "--now \"{}\" is not an RFC 3339 instant: write it as e.g. 2026-03-09T09:30:00Z",
                        echo(text)
                    )
                })?;
            if !(FIRST_DATE..=LAST_DATE).contains(&t.date_naive()) {
                bail!(
                    "--now \"{}\" is out of range: give an instant from {FIRST_DATE} to {LAST_DATE}",
                    echo(text)
                );
            }
            Ok(t)
        }
    }
}

/// What `--patient` and `--phone` found.
pub enum PatientLookup {
    /// The one patient they identify.
    Found(Patient),
    /// Nobody registered is that patient; the namesakes who are not (or not surely) them.
    Nobody {
        /// Stored patients with the same name (another phone, or none).
        namesakes: Vec<Patient>,
    },
}

/// The name as typed, checked under the entry rules (`scheduling::entry`).
pub fn patient_name(typed: &str) -> Result<String> {
    entry::person_name(typed).map_err(|e| anyhow!("--patient: {e}"))
}

/// `--phone` as typed, checked under the entry rules; `None` when not given.
pub fn phone(typed: Option<&str>) -> Result<Option<String>> {
    match typed {
        None => Ok(None),
        Some(p) if p.trim().is_empty() => {
            bail!("--phone is empty: give the patient's number, or leave --phone out")
        }
        Some(p) => entry::phone(p)
            .map(Some)
            .map_err(|e| anyhow!("--phone: {e}")),
    }
}

/// The patient `typed` (our id, or the full name) and `phone` identify, under the matching rule
/// of `scheduling::patient_match`: a name with a phone finds only a patient with that full
/// number; a patient without a phone is never found by one; several that fit are refused
/// with each listed.
pub fn patient(store: &dyn Store, typed: &str, phone: Option<&str>) -> Result<PatientLookup> {
    if typed.trim().is_empty() {
        bail!("--patient is empty: give the patient's name");
    }
    let phone = self::phone(phone)?.unwrap_or_default();
    let id = uuid::Uuid::parse_str(typed.trim()).ok().map(PatientId);
    let name = match id {
        Some(_) => String::new(),
        None => patient_name(typed)?,
    };
    let claim = Claim {
        id,
        name: &name,
        phone: &phone,
        ..Claim::default()
    };
    match store.identify_patient(&claim)? {
        Identified::Same { patient, .. } => Ok(PatientLookup::Found(patient)),
        Identified::Nobody { .. } if id.is_some() => bail!(
            "no patient has the id {}: copy the id from the patient's record, or give their name",
            typed.trim()
        ),
        Identified::Nobody { namesakes } => Ok(PatientLookup::Nobody { namesakes }),
        refused => {
            let why = refused.refusal(&claim).unwrap_or_default();
            bail!(
                "{why}: add --phone NUMBER to say which, or give the patient's id as --patient ID"
            )
        }
    }
}

/// The namesakes of a patient who was not found, for a message: "Asha Iyer, no phone, id …".
pub fn namesakes_text(namesakes: &[Patient]) -> String {
    namesakes
        .iter()
        .take(6)
        .map(describe_patient)
        .chain((namesakes.len() > 6).then(|| format!("{} more", namesakes.len() - 6)))
        .collect::<Vec<_>>()
        .join("; ")
}
