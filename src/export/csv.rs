//! CSV (RFC 4180) export: UTF-8, CRLF, a header row, one row per appointment with clinic-local
//! and UTC times, and for a member of a recurring series the series' id, rule, first start and
//! length, so our import restores the series. Cells that a spreadsheet would run as a formula (starting with `=` `+` `-`
//! `@`, a tab or a carriage return) get a leading apostrophe; plain numbers such as `-5` are
//! left alone. [`write_record`] and [`neutralise`] are the reusable pieces (reports use them).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{DateTime, Utc};

use super::chunks::{Writing, write_in_order};
use super::{ExportSet, ExportedAppointment, ExportedSeries, Names, Progress};
use crate::scheduling::time::format_local;

/// The columns of an appointment export, in order. Import reads the same names.
pub const APPOINTMENT_COLUMNS: &[&str] = &[
    "id",
    "start_local",
    "end_local",
    "start_utc",
    "end_utc",
    "time_zone",
    "minutes",
    "status",
    "kind",
    "mode",
    "doctor_id",
    "doctor",
    "room_id",
    "room",
    "visit_type",
    "patient_id",
    "patient",
    "patient_phone",
    "patient_email",
    "patient_birth_date",
    "patient_external_id",
    "reason",
    "notes",
    "meeting_link",
    "queue_token",
    "priority",
    "sequence",
    "arrived_at_utc",
    "consultation_started_at_utc",
    "completed_at_utc",
    "cancel_reason",
    "cancelled_by",
    "cancelled_late",
    "cancelled_at_utc",
    "overbook_reason",
    "created_by",
    "created_at_utc",
    "updated_by",
    "updated_at_utc",
    "series_id",
    "occurrence_date",
    "series_rule",
    "series_start_local",
    "series_minutes",
];

fn is_plain_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|&c| c == '.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit())
}

/// True when a spreadsheet could run `cell` as a formula (or when it starts with an apostrophe
/// that guards such a cell, so that [`unneutralise`] gives back exactly what was written).
pub fn needs_neutralising(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !is_plain_number(cell),
        Some('\'') => needs_neutralising(&cell[1..]),
        _ => false,
    }
}

/// The cell as written to a CSV: with a leading apostrophe when a spreadsheet could run it.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_neutralising(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`neutralise`], for import.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => cell,
    }
}

/// Writes one cell: neutralised, and quoted (quotes doubled) when it holds a quote, comma, line
/// break, or space at either end.
pub fn write_cell(out: &mut dyn Write, cell: &str) -> io::Result<()> {
    let cell = neutralise(cell);
    let quote =
        cell.contains(['"', ',', '\r', '\n']) || cell.starts_with(' ') || cell.ends_with(' ');
    if !quote {
        return out.write_all(cell.as_bytes());
    }
    out.write_all(b"\"")?;
    let mut parts = cell.split('"');
    if let Some(first) = parts.next() {
        out.write_all(first.as_bytes())?;
    }
    for part in parts {
        out.write_all(b"\"\"")?;
        out.write_all(part.as_bytes())?;
    }
    out.write_all(b"\"")
}

/// Writes one record: the cells separated by commas and ended by CRLF.
pub fn write_record<S: AsRef<str>>(
    out: &mut dyn Write,
    cells: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_cell(out, cell.as_ref())?;
    }
    out.write_all(b"\r\n")
}

/// An instant as written in the `*_utc` columns: RFC 3339 with `Z`.
pub fn utc_cell(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Writes the appointments of `set` with a header row, the rows formatted on every core.
pub fn write(
    set: &ExportSet,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
    chunk: usize,
) -> io::Result<()> {
    let names = Names::new(set);
    let series: HashMap<uuid::Uuid, &ExportedSeries> =
        set.series.iter().map(|s| (s.id, s)).collect();
    write_record(out, APPOINTMENT_COLUMNS)?;
    let appointments = &set.appointments;
    let mut writing = Writing::new(appointments.len(), progress);
    write_in_order(
        appointments.len(),
        chunk,
        out,
        &mut writing,
        |range, buffer| {
            for e in &appointments[range.clone()] {
                write_row(set, &names, &series, e, buffer)?;
            }
            Ok(range.len() as u64)
        },
    )?;
    writing.finish();
    Ok(())
}

/// One appointment's row. A member of a recurring series names it and its date in the rule, and
/// carries the series' rule, first start and length, so an import can restore the series.
fn write_row<'a>(
    set: &'a ExportSet,
    names: &Names<'a>,
    series: &HashMap<uuid::Uuid, &ExportedSeries>,
    e: &'a ExportedAppointment,
    out: &mut dyn Write,
) -> io::Result<()> {
    let zone = set.clinic.time_zone;
    let a = &e.appointment;
    let patient = names.patient(a.patient);
    let room = names.room(a.room);
    let c = a.cancellation.as_ref();
    let text = |s: Option<&'a str>| Cow::Borrowed(s.unwrap_or(""));
    let owned = |s: String| Cow::Owned(s);
    let utc = |t: DateTime<Utc>| owned(utc_cell(t));
    let opt_utc = |t: Option<DateTime<Utc>>| t.map(utc).unwrap_or_default();
    let member = e.series.and_then(|id| series.get(&id).copied());
    let row: [Cow<'a, str>; 44] = [
        owned(a.id.to_string()),
        owned(format_local(zone, a.interval.start)),
        owned(format_local(zone, a.interval.end)),
        utc(a.interval.start),
        utc(a.interval.end),
        text(Some(zone.name())),
        owned(a.interval.minutes().to_string()),
        text(Some(a.status.as_str())),
        text(Some(a.kind.as_str())),
        text(Some(a.mode.as_str())),
        owned(a.doctor.to_string()),
        text(names.doctor(a.doctor).map(|d| d.name.as_str())),
        a.room.map(|r| owned(r.to_string())).unwrap_or_default(),
        text(room.map(|r| r.name.as_str())),
        text(names.visit_type(a.visit_type).map(|v| v.name.as_str())),
        owned(a.patient.to_string()),
        text(patient.map(|p| p.name.as_str())),
        text(patient.map(|p| p.phone.as_str())),
        text(patient.map(|p| p.email.as_str())),
        patient
            .and_then(|p| p.birth_date)
            .map(|d| owned(d.format("%Y-%m-%d").to_string()))
            .unwrap_or_default(),
        text(patient.map(|p| p.external_id.as_str())),
        text(Some(&a.reason)),
        text(Some(&a.notes)),
        text(Some(&a.meeting_link)),
        text(Some(&a.queue_token)),
        owned(a.priority.to_string()),
        owned(a.sequence.to_string()),
        opt_utc(a.arrived_at),
        opt_utc(a.consultation_started_at),
        opt_utc(a.completed_at),
        text(c.map(|c| c.reason.as_str())),
        text(c.map(|c| c.by.as_str())),
        text(c.map(|c| if c.late { "yes" } else { "no" })),
        opt_utc(c.map(|c| c.at)),
        text(e.overbook_reason.as_deref()),
        text(Some(&a.created_by)),
        utc(e.created_at),
        text(Some(&a.updated_by)),
        utc(e.updated_at),
        e.series.map(|s| owned(s.to_string())).unwrap_or_default(),
        e.occurrence_date
            .map(|d| owned(d.format("%Y-%m-%d").to_string()))
            .unwrap_or_default(),
        member
            .map(|s| owned(s.rule.rrule(zone, s.start_time, s.start_date)))
            .unwrap_or_default(),
        member
            .map(|s| {
                owned(
                    s.start_date
                        .and_time(s.start_time)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                )
            })
            .unwrap_or_default(),
        member
            .map(|s| owned(s.minutes.to_string()))
            .unwrap_or_default(),
    ];
    write_record(out, &row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(cells: &[&str]) -> String {
        let mut out = Vec::new();
        write_record(&mut out, cells).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn cells_are_quoted_only_when_they_must_be() {
        assert_eq!(record(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(
            record(&["Iyer, Asha", "say \"hi\"", "two\nlines"]),
            "\"Iyer, Asha\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
        assert_eq!(record(&[" padded "]), "\" padded \"\r\n");
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for (cell, written) in [
            ("=1+2", "'=1+2"),
            ("+91 98450 12345", "'+91 98450 12345"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("'=x", "''=x"),
            ("-5", "-5"),
            ("+3.5", "+3.5"),
            ("'plain", "'plain"),
            ("Asha", "Asha"),
            ("-", "'-"),
        ] {
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(unneutralise(&neutralise(cell)), cell, "round trip {cell:?}");
        }
    }

    #[test]
    fn a_neutralised_cell_with_a_comma_is_quoted_after_the_apostrophe() {
        assert_eq!(record(&["=A1,B1"]), "\"'=A1,B1\"\r\n");
    }
}
