//! CSV (RFC 4180) export: UTF-8, CRLF, a header row, one row per appointment with clinic-local
//! and UTC times, and for a member of a recurring series the series' id, rule, first start and
//! length, so our import restores the series. Cells that a spreadsheet would run as a formula
//! (starting with `=` `+` `-` `@`, a tab or a carriage return) get a leading apostrophe, and so
//! does every part of a cell after a `;`, `,`, tab or line break that would be one when a
//! spreadsheet splits the cell there (semicolon locales); plain numbers such as `-5` are left
//! alone, and import takes the apostrophes off again exactly ([`unneutralise`]).
//! [`write_record`] and [`neutralise`] are the reusable pieces (reports use them).

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

/// Where a spreadsheet may start a new cell inside ours when it reads the file another way:
/// the comma; the semicolon, which spreadsheets in semicolon locales (much of Europe and
/// Latin America) take as the separator and where they do not honour a quote that does not
/// open the field; a tab (tab-separated reading, copy and paste); a line break.
const SPLITS: [char; 5] = [',', ';', '\t', '\r', '\n'];

/// True when a spreadsheet could read `text` (a whole cell when `cell_start`, else the part
/// after one of [`SPLITS`]) as a formula: it starts, after spaces and quotes a spreadsheet may
/// drop, with `=`, `@`, `+` or `-` (or their full-width forms) and is not a plain number; a
/// cell may also not start with a tab or line break. An apostrophe in front counts as a
/// guard of what follows it, so that [`unneutralise`] gives back exactly what was written.
/// Looks no further than the next split, and never recurses (a cell may be 10 MB of
/// apostrophes).
fn guarded(text: &str, cell_start: bool) -> bool {
    // One pass: `fresh` marks the start of the text and the place after each apostrophe.
    let mut fresh = true;
    for (i, c) in text.char_indices() {
        // A line break first counts too: readers (ours included) turn a quoted CRLF into LF,
        // and the guard of a cell that started with CR must still be recognised.
        if fresh && cell_start && matches!(c, '\t' | '\r' | '\n') {
            return true;
        }
        fresh = false;
        match c {
            '=' | '@' | '\u{ff1d}' | '\u{ff20}' | '\u{ff0b}' | '\u{ff0d}' => return true,
            '+' | '-' => {
                let segment = text[i..].split(SPLITS).next().unwrap_or("");
                return !is_plain_number(segment.trim_end());
            }
            '\'' => fresh = true,
            '"' => {}
            c if c.is_whitespace() && !SPLITS.contains(&c) => {}
            _ => return false,
        }
    }
    false
}

/// True when a spreadsheet could run `cell` as a formula from its start (or when it starts with
/// an apostrophe that guards such a cell). Parts after a `;`, `,`, tab or line break are
/// guarded too: see [`neutralise`].
pub fn needs_neutralising(cell: &str) -> bool {
    guarded(cell, true)
}

/// The cell as written to a CSV: an apostrophe in front when a spreadsheet could run it as a
/// formula, and after every `;`, `,`, tab or line break whose following part could be read as
/// one (a spreadsheet in a semicolon locale splits the cell there). Plain numbers such as
/// `-5` are left alone.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let start = guarded(cell, true);
    let inner = cell
        .char_indices()
        .any(|(i, c)| SPLITS.contains(&c) && guarded(&cell[i + 1..], false));
    if !start && !inner {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len() + 4);
    if start {
        out.push('\'');
    }
    for (i, c) in cell.char_indices() {
        out.push(c);
        if SPLITS.contains(&c) && guarded(&cell[i + 1..], false) {
            out.push('\'');
        }
    }
    Cow::Owned(out)
}

/// The cell as it was before [`neutralise`], for import: its exact inverse, so that our
/// files come back unchanged.
pub fn unneutralise(cell: &str) -> Cow<'_, str> {
    let start = cell.starts_with('\'') && guarded(&cell[1..], true);
    let guard_after = |i: usize| cell[i + 1..].starts_with('\'') && guarded(&cell[i + 2..], false);
    let inner = cell
        .char_indices()
        .any(|(i, c)| SPLITS.contains(&c) && guard_after(i));
    if !start && !inner {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut skip = if start { Some(0) } else { None };
    for (i, c) in cell.char_indices() {
        if skip == Some(i) {
            continue;
        }
        out.push(c);
        if SPLITS.contains(&c) && guard_after(i) {
            skip = Some(i + 1);
        }
    }
    Cow::Owned(out)
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
    fn a_formula_after_a_separator_is_neutralised_for_every_locale() {
        for (cell, written) in [
            // Excel in a semicolon locale splits here and would run the second part.
            (
                "Asha;=HYPERLINK(\"http://x\")",
                "Asha;'=HYPERLINK(\"http://x\")",
            ),
            ("a;@SUM(A1)", "a;'@SUM(A1)"),
            ("x; =1+2", "x;' =1+2"),
            ("x;\"=1+2\"", "x;'\"=1+2\""),
            ("x;-2+3", "x;'-2+3"),
            ("x;-5", "x;-5"),
            ("x,=1", "x,'=1"),
            ("x\t=1", "x\t'=1"),
            ("two\n=lines", "two\n'=lines"),
            (";=1", ";'=1"),
            ("=1;=2", "'=1;'=2"),
            ("x;'=1", "x;''=1"),
            ("x;＝1", "x;'＝1"),
            ("Iyer; Asha", "Iyer; Asha"),
            ("-5;-6", "-5;-6"),
            ("\t=1", "'\t'=1"),
        ] {
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(unneutralise(&neutralise(cell)), cell, "round trip {cell:?}");
        }
    }

    #[test]
    fn a_megabyte_of_apostrophes_does_not_recurse() {
        let cell = format!("{}=x", "'".repeat(1024 * 1024));
        let written = neutralise(&cell);
        assert_eq!(written.len(), cell.len() + 1);
        assert_eq!(unneutralise(&written), cell);
    }

    #[test]
    fn a_neutralised_cell_with_a_comma_is_quoted_after_the_apostrophe() {
        assert_eq!(record(&["=A1,B1"]), "\"'=A1,B1\"\r\n");
    }
}
