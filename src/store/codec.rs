//! Reading rows into core types and writing core types as SQL values: UUIDs as 16-byte blobs,
//! instants as UTC seconds, enums as their stable text.

use super::sql;
use super::sql::{Db, Row};
use chrono::{DateTime, NaiveDate, Utc, Weekday};

use crate::scheduling::hours::{DaySpan, WeeklyHours};
use crate::scheduling::model::*;
use crate::scheduling::status::Status;

/// The statuses whose appointments free their time (the core's [`Status::holds_time`]), as an
/// SQL list for `status NOT IN (…)`: the queries that look for busy time ask the core which
/// statuses those are rather than keeping their own copy.
pub fn freeing_statuses_sql() -> &'static str {
    static LIST: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        sql_list(
            Status::ALL
                .into_iter()
                .filter(|s| !s.holds_time())
                .map(Status::as_str),
        )
    });
    &LIST
}

/// The waitlist statuses of an open entry (the core's `WaitStatus::is_open`), as an SQL list
/// for `status IN (…)`.
pub fn open_wait_statuses_sql() -> &'static str {
    use crate::scheduling::waitlist::WaitStatus;
    static LIST: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        sql_list(
            WaitStatus::ALL
                .into_iter()
                .filter(|s| s.is_open())
                .map(WaitStatus::as_str),
        )
    });
    &LIST
}

/// The history actions that can free time (the core's `waitlist::Freeing`), as an SQL list
/// for `action IN (…)`.
pub fn freeing_actions_sql() -> &'static str {
    use crate::scheduling::waitlist::Freeing;
    static LIST: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| sql_list(Freeing::ALL.into_iter().map(Freeing::action)));
    &LIST
}

/// `'a', 'b'`: words of our own (lower-case letters and underscores only) quoted for SQL.
fn sql_list(words: impl Iterator<Item = &'static str>) -> String {
    words
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Seconds since the epoch, as stored.
pub fn secs(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// An instant from stored seconds.
pub fn instant(column: usize, secs: i64) -> sql::Result<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0).ok_or_else(|| bad(column, format!("instant {secs}")))
}

fn opt_instant(column: usize, secs: Option<i64>) -> sql::Result<Option<DateTime<Utc>>> {
    secs.map(|s| instant(column, s)).transpose()
}

/// A conversion failure naming what could not be read.
pub fn bad(column: usize, what: String) -> sql::Error {
    sql::Error::Conversion { column, what }
}

/// A stored local date (`YYYY-MM-DD`), or a conversion error naming the column.
pub fn date(column: usize, text: &str) -> sql::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad(column, format!("date '{text}'")))
}

fn parsed<T>(column: usize, text: &str, parse: fn(&str) -> Option<T>) -> sql::Result<T> {
    parse(text).ok_or_else(|| bad(column, format!("unknown value '{text}'")))
}

/// The columns [`appointment`] reads, in order, for `FROM appointment a`.
pub const APPOINTMENT_COLUMNS: &str = "a.id, a.clinic_id, a.patient_id, a.doctor_id, a.room_id, \
    a.visit_type_id, a.start_utc, a.end_utc, a.mode, a.kind, a.priority, a.status, a.reason, \
    a.notes, a.meeting_link, a.queue_token, a.arrived_at, a.consultation_started_at, \
    a.completed_at, a.cancel_reason, a.cancelled_by, a.cancelled_late, a.cancelled_at, \
    a.created_by, a.updated_by, a.sequence";

/// How many columns [`APPOINTMENT_COLUMNS`] has.
pub const APPOINTMENT_COLUMN_COUNT: usize = 26;

/// Reads an appointment from a row selected with [`APPOINTMENT_COLUMNS`].
pub fn appointment(row: &Row<'_>) -> sql::Result<Appointment> {
    let cancellation = match row.get::<Option<String>>(19)? {
        Some(reason) => {
            let by: String = row.get(20)?;
            Some(Cancellation {
                reason,
                by: parsed(20, &by, CancelledBy::parse)?,
                late: row.get::<Option<bool>>(21)?.unwrap_or(false),
                at: instant(22, row.get::<Option<i64>>(22)?.unwrap_or(0))?,
            })
        }
        None => None,
    };
    let mode: String = row.get(8)?;
    let kind: String = row.get(9)?;
    let status: String = row.get(11)?;
    Ok(Appointment {
        id: AppointmentId(row.get(0)?),
        clinic: ClinicId(row.get(1)?),
        patient: PatientId(row.get(2)?),
        doctor: DoctorId(row.get(3)?),
        room: row.get::<Option<uuid::Uuid>>(4)?.map(RoomId),
        visit_type: row.get::<Option<uuid::Uuid>>(5)?.map(VisitTypeId),
        interval: Interval::new(instant(6, row.get(6)?)?, instant(7, row.get(7)?)?),
        mode: parsed(8, &mode, Mode::parse)?,
        kind: parsed(9, &kind, Kind::parse)?,
        priority: row.get(10)?,
        status: parsed(11, &status, Status::parse)?,
        reason: row.get(12)?,
        notes: row.get(13)?,
        meeting_link: row.get(14)?,
        queue_token: row.get(15)?,
        arrived_at: opt_instant(16, row.get(16)?)?,
        consultation_started_at: opt_instant(17, row.get(17)?)?,
        completed_at: opt_instant(18, row.get(18)?)?,
        cancellation,
        created_by: row.get(23)?,
        updated_by: row.get(24)?,
        sequence: row.get(25)?,
    })
}

/// Reads weekly hours from `(weekday, start_minute, end_minute)` rows of `sql` with `params`.
pub fn weekly_hours(conn: &Db, sql: &str, params: impl sql::Params) -> sql::Result<WeeklyHours> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |r| {
        Ok((r.get::<i64>(0)?, r.get::<u16>(1)?, r.get::<u16>(2)?))
    })?;
    let mut spans = Vec::new();
    for row in rows {
        let (day, start, end) = row?;
        spans.push((weekday(day), DaySpan::new(start, end)));
    }
    WeeklyHours::new(spans).map_err(|e| bad(0, format!("stored hours: {e}")))
}

/// Monday = 0 … Sunday = 6, as stored.
pub fn weekday_number(day: Weekday) -> i64 {
    i64::from(day.num_days_from_monday())
}

fn weekday(n: i64) -> Weekday {
    match n {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// Reads a patient from `id, name, phone, email, birth_date, external_id`.
pub fn patient(row: &Row<'_>) -> sql::Result<Patient> {
    let birth: Option<String> = row.get(4)?;
    Ok(Patient {
        id: PatientId(row.get(0)?),
        name: row.get(1)?,
        phone: row.get(2)?,
        email: row.get(3)?,
        birth_date: birth.and_then(|b| NaiveDate::parse_from_str(&b, "%Y-%m-%d").ok()),
        external_id: row.get(5)?,
    })
}

/// The columns [`patient`] reads, for `FROM patient`.
pub const PATIENT_COLUMNS: &str = "id, name, phone, email, birth_date, external_id";

/// Search keys of a patient: the name as compared (`patient_match::name_key`: NFC, Latin and
/// Greek accents aside, lower case), its last word, phone digits, last 10 digits. Rows written
/// before the keys were folded hold the trimmed lower-case name as it was stored
/// ([`name_keys`] finds those too).
pub fn patient_keys(name: &str, phone: &str) -> (String, String, String, String) {
    let name_key = crate::scheduling::patient_match::name_key(name);
    let family_key = name_key.split_whitespace().last().unwrap_or("").to_owned();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let tail = digits[digits.len().saturating_sub(10)..].to_owned();
    (name_key, family_key, digits, tail)
}

/// Every `name_key` a stored patient of this name may have: the folded key rows get now, and
/// the trimmed lower-case name (composed, decomposed, as typed, with runs of spaces or made
/// one) and the key with "ss" as ß that rows written before it hold.
pub fn name_keys(name: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let key = crate::scheduling::patient_match::name_key(name);
    // Rows keyed before ß was folded to "ss" hold "strauß": "STRAUSS" finds them too.
    let sharp = key.contains("ss").then(|| key.replace("ss", "ß"));
    let mut keys = vec![key];
    keys.extend(sharp);
    let forms = [
        name.to_owned(),
        name.nfc().collect::<String>(),
        name.nfd().collect::<String>(),
    ];
    for form in forms {
        let lower = form.trim().to_lowercase();
        let tidy = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        keys.extend([lower, tidy]);
    }
    keys.retain(|k| !k.is_empty());
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists come from the core's rules: a status the core says frees its time (or an
    /// open waitlist state) is in them, and nothing else.
    #[test]
    fn the_sql_status_lists_are_the_cores() {
        assert_eq!(
            freeing_statuses_sql(),
            "'cancelled', 'no_show', 'entered_in_error'"
        );
        assert_eq!(open_wait_statuses_sql(), "'waiting', 'offered'");
        assert_eq!(
            freeing_actions_sql(),
            "'cancelled', 'entered_in_error', 'moved'"
        );
        for status in Status::ALL {
            let listed = freeing_statuses_sql().contains(&format!("'{}'", status.as_str()));
            assert_eq!(listed, !status.holds_time(), "{status:?}");
        }
    }

    #[test]
    fn only_plain_words_are_quoted_into_sql() {
        assert_eq!(sql_list(["a_b", "c"].into_iter()), "'a_b', 'c'");
        assert_eq!(sql_list(["x'); DROP", "ok"].into_iter()), "'ok'");
    }
}
