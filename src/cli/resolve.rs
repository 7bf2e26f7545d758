//! Turning what people type (names, dates, times, ids) into the store's ids and instants, with
//! a message that says what is wrong and how to fix it.

use anyhow::{Context, Result, anyhow, bail};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use frontdesk::scheduling::time::{FIRST_DATE, LAST_DATE, echo, read_date, read_wall_time};
use frontdesk::scheduling::*;
use frontdesk::store::{SqliteStore, Store, StoreError};

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
            let known: Vec<&str> = items.iter().map(&name).take(30).collect();
            Err(StoreError::NotFound {
                what,
                name: typed.to_owned(),
                hint: format!("; known: {}", known.join(", ")),
            }
            .into())
        }
        many => Err(StoreError::Ambiguous {
            what,
            name: typed.to_owned(),
            candidates: many.iter().map(|i| name(i).to_owned()).collect(),
        }
        .into()),
    }
}

/// The clinic to work in: the one named, or the only one.
pub fn clinic(store: &SqliteStore, named: Option<&str>) -> Result<Clinic> {
    let clinics = store.clinics()?;
    match named {
        Some(n) => Ok(by_name("clinic", n, &clinics, |c| &c.name)?.clone()),
        None => match clinics.as_slice() {
            [one] => Ok(one.clone()),
            [] => bail!(
                "{} holds no clinic yet: run `frontdesk --db {} demo` for a demo clinic",
                store.path().display(),
                store.path().display()
            ),
            many => bail!(
                "this database holds several clinics ({}): choose one with --clinic NAME",
                many.iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    }
}

/// A doctor by (part of) name.
pub fn doctor(store: &SqliteStore, typed: &str) -> Result<Doctor> {
    let doctors = store.doctors()?;
    Ok(by_name("doctor", typed, &doctors, |d| &d.name)?.clone())
}

/// A room of the clinic by (part of) name.
pub fn room(store: &SqliteStore, clinic: ClinicId, typed: &str) -> Result<Room> {
    let rooms = store.rooms(clinic)?;
    Ok(by_name("room", typed, &rooms, |r| &r.name)?.clone())
}

/// A visit type by (part of) name.
pub fn visit_type(store: &SqliteStore, typed: &str) -> Result<VisitType> {
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

/// A patient by id or exact name; `phone` picks among namesakes. `None` when nobody matches.
pub fn patient(store: &SqliteStore, typed: &str, phone: Option<&str>) -> Result<Option<Patient>> {
    let typed = typed.trim();
    if typed.is_empty() {
        bail!("--patient is empty: give the patient's name");
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let mut matches: Vec<Patient> = store
        .search_patients(typed, 500)?
        .into_iter()
        .filter(|p| p.name.to_lowercase() == typed.to_lowercase() || p.id.to_string() == typed)
        .collect();
    if let Some(phone) = phone {
        let wanted = digits(phone);
        matches.retain(|p| {
            let have = digits(&p.phone);
            !wanted.is_empty() && (have.ends_with(&wanted) || wanted.ends_with(&have))
        });
    }
    match matches.len() {
        0 => Ok(None),
        1 => Ok(matches.pop()),
        _ => Err(StoreError::Ambiguous {
            what: "patient",
            name: typed.to_owned(),
            candidates: matches
                .iter()
                .take(6)
                .map(|p| format!("{} ({})", p.name, p.phone))
                .chain((matches.len() > 6).then(|| format!("{} more", matches.len() - 6)))
                .collect(),
        })
        .context("add --phone NUMBER to say which patient"),
    }
}
