//! Properties of the CSV reader, the patient and appointment CSV parsers, the store's import
//! and the formula guard: on any input, a clear error or a valid result, never a panic.
//!
//! Inputs are arbitrary text (every script, emoji, BOMs, lone quotes, control characters) and
//! CSV built from adversarial cells (huge, negative and exponent numbers, multi-byte
//! characters at every byte offset, formulas after every separator). Each `proptest!` block
//! says its case count; the whole file runs in a few seconds in a debug build.

mod common;

use common::Clinic1;
use frontdesk::export::csv::{neutralise, unneutralise, write_record};
use frontdesk::import::{self, ImportOptions, Until, csv_read};
use frontdesk::scheduling::MAX_APPOINTMENT_MINUTES;
use frontdesk::store::Store;
use proptest::prelude::*;

/// Text that stresses byte offsets and quoting: multi-byte letters of several scripts, emoji,
/// BOMs, quotes, separators, line breaks, control and direction characters.
fn nasty_text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just(";".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("Привет".to_owned()),
        Just("Γειά".to_owned()),
        Just("नमस्ते".to_owned()),
        Just("வணக்கம்".to_owned()),
        Just("مرحبا".to_owned()),
        Just("你好".to_owned()),
        Just("👩\u{200d}⚕️".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{1b}[31m".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("=1+2".to_owned()),
        Just("'".to_owned()),
        Just("9223372036854775807".to_owned()),
        Just("-5".to_owned()),
        Just("1e9".to_owned()),
        Just("BEGIN:VCALENDAR".to_owned()),
        "[a-z0-9 :-]{0,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|parts| parts.concat())
}

/// A cell of the appointment CSV: realistic values and hostile ones.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        2 => Just("30".to_owned()),
        1 => Just("9223372036854775807".to_owned()),
        1 => Just("-9223372036854775808".to_owned()),
        1 => Just("99999999999999999999999".to_owned()),
        1 => Just("-5".to_owned()),
        1 => Just("0".to_owned()),
        1 => Just("1e9".to_owned()),
        1 => Just("481".to_owned()),
        1 => Just("2026-12-01 10:00".to_owned()),
        1 => Just("9999-12-31 23:59".to_owned()),
        1 => Just("2026-12-01T04:00:00Z".to_owned()),
        1 => Just("9999-12-31T23:59:59Z".to_owned()),
        1 => Just("0000-01-01T00:00:00Z".to_owned()),
        1 => Just("Dr. Anjali Rao".to_owned()),
        1 => Just("Asha Iyer".to_owned()),
        1 => Just("+91 98450 12345".to_owned()),
        1 => Just("cancelled".to_owned()),
        1 => Just("walk_in".to_owned()),
        1 => Just("1980-05-17".to_owned()),
        1 => Just("01940000-0000-7000-8000-000000000029".to_owned()),
        2 => nasty_text(4),
    ]
}

const HEADER: &[&str] = &[
    "start_local",
    "minutes",
    "doctor",
    "patient",
    "patient_phone",
    "patient_birth_date",
    "patient_external_id",
    "status",
    "kind",
    "priority",
    "sequence",
    "reason",
    "end_utc",
];

/// Our own CSV writer's output for a header and rows of adversarial cells.
fn appointment_csv() -> impl Strategy<Value = (String, usize)> {
    prop::collection::vec(prop::collection::vec(cell(), HEADER.len()), 0..8).prop_map(|rows| {
        let mut out = Vec::new();
        write_record(&mut out, HEADER).expect("header");
        for row in &rows {
            write_record(&mut out, row).expect("row");
        }
        (String::from_utf8(out).expect("utf-8"), rows.len())
    })
}

/// The independent check of the formula guard: at the start of the cell and after every
/// separator a spreadsheet may split at, what follows (after spaces and quotes) is not a
/// formula unless an apostrophe guards it.
fn exposed_formula(written: &str) -> Option<usize> {
    let starts = std::iter::once(0).chain(
        written
            .char_indices()
            .filter(|(_, c)| matches!(c, ',' | ';' | '\t' | '\r' | '\n'))
            .map(|(i, _)| i + 1),
    );
    for start in starts {
        let rest = &written[start..];
        let body = rest.trim_start_matches(|c: char| {
            c == '"' || (c.is_whitespace() && !matches!(c, ',' | ';' | '\t' | '\r' | '\n'))
        });
        let segment = body
            .split([',', ';', '\t', '\r', '\n'])
            .next()
            .unwrap_or("");
        let number = segment
            .trim_end()
            .trim_start_matches(['+', '-'])
            .parse::<f64>()
            .is_ok()
            && !segment.contains(['e', 'E', 'i', 'I', 'n', 'N']);
        match body.chars().next() {
            Some('=' | '@' | '＝' | '＠' | '＋' | '－') => return Some(start),
            Some('+' | '-') if !number => return Some(start),
            _ => {}
        }
        if start == 0 && rest.starts_with(['\t', '\r']) {
            return Some(0);
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The reader, the format sniffing and both parsers on arbitrary text: an error or records,
    /// never a panic; every record starts on a line of the file, in order.
    #[test]
    fn any_text_is_read_or_refused_without_a_panic(text in nasty_text(40)) {
        let (records, unreadable) = csv_read::records(&text);
        let lines = text.matches('\n').count() + text.matches('\r').count() + 1;
        let mut last = 0;
        for r in &records {
            prop_assert!(r.line >= 1 && r.line <= lines && r.line >= last);
            last = r.line;
        }
        if let Some(u) = unreadable {
            prop_assert!(u.line >= 1 && u.line <= lines);
        }
        let _ = import::detect(&text);
        let _ = import::text(text.as_bytes());
        if let Ok(parsed) = import::patients::parse_csv(&text) {
            for (_, p) in &parsed.rows {
                prop_assert!(!p.name.is_empty());
            }
        }
        let _ = import::appointments::parse_csv(&text);
        let _ = import::appointments::parse_csv(&format!("start_local,minutes,doctor,patient\n{text}"));
    }

    /// The formula guard: exactly undone on import, and nothing a spreadsheet in any common
    /// locale could run is left exposed.
    #[test]
    fn the_formula_guard_is_lossless_and_leaves_no_formula_exposed(cell in nasty_text(12)) {
        let written = neutralise(&cell);
        prop_assert_eq!(unneutralise(&written), cell.as_str());
        prop_assert_eq!(exposed_formula(&written), None, "{:?} written as {:?}", cell, written);
    }

    /// Our writer and our reader: any cells under a header (our files always have one, and it
    /// tells the reader the separator) come back exactly.
    #[test]
    fn cells_written_and_read_back_are_the_same(cells in prop::collection::vec(nasty_text(6), 1..6)) {
        let mut out = Vec::new();
        write_record(&mut out, ["name", "phone"]).expect("header");
        write_record(&mut out, &cells).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        let (records, unreadable) = csv_read::records(&text);
        prop_assert!(unreadable.is_none());
        // A record of one empty cell is a blank line, which readers skip.
        if cells.len() == 1 && cells[0].is_empty() {
            prop_assert_eq!(records.len(), 1);
        } else {
            prop_assert_eq!(records.len(), 2);
            let back: Vec<String> = records[1].cells.iter().map(|c| unneutralise(c).into_owned()).collect();
            // The reader takes a quoted CRLF as one line break, as spreadsheets do.
            let want: Vec<String> = cells.iter().map(|c| c.replace("\r\n", "\n")).collect();
            prop_assert_eq!(back, want);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Appointment CSV with hostile numbers and times: each row is a record or a bad row with
    /// its line and a reason; a record's minutes are a real visit length.
    #[test]
    fn appointment_rows_are_records_or_bad_rows_with_a_reason((text, rows) in appointment_csv()) {
        let parsed = import::appointments::parse_csv(&text).expect("the header is ours");
        prop_assert_eq!(parsed.rows.len() + parsed.bad.len(), rows);
        for (_, r) in &parsed.rows {
            if let Until::Minutes(m) = r.end {
                prop_assert!((1..=MAX_APPOINTMENT_MINUTES).contains(&m), "minutes {}", m);
            }
            prop_assert!((0..=100).contains(&r.priority));
        }
        for bad in &parsed.bad {
            prop_assert!(!bad.reason.is_empty());
            prop_assert!(bad.reason.chars().count() < 2000, "{}", bad.reason);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Through the store (a real database): an import of hostile rows never panics; when a row
    /// is bad nothing is written, and a dry run writes nothing either.
    #[test]
    fn imports_of_hostile_rows_never_panic_and_write_all_or_nothing(
        (text, _) in appointment_csv(),
        dry_run in any::<bool>(),
    ) {
        let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
        let parsed = import::appointments::parse_csv(&text).expect("the header is ours");
        let options = ImportOptions {
            clinic: c.clinic,
            dry_run,
            overbook: None,
            source: "hostile.csv".into(),
            default_doctor: None,
        };
        let now = common::utc("2026-11-20T03:00:00Z");
        let count = |c: &Clinic1| c.store.check().expect("check").counts.clone();
        let before = count(&c);
        let report = c
            .store
            .import_appointments(&parsed, &options, "tester", now, &mut |_| {})
            .expect("an import report, not an error");
        if dry_run || !report.bad.is_empty() {
            prop_assert!(!report.committed);
            prop_assert_eq!(count(&c), before);
        }
        let patients = import::patients::parse_csv(&text).expect("has a patient column");
        let before = count(&c);
        let report = c
            .store
            .import_patients(&patients, &options, &mut |_| {})
            .expect("an import report, not an error");
        if dry_run || !report.bad.is_empty() {
            prop_assert_eq!(count(&c), before);
        }
    }
}

#[test]
fn a_first_line_of_cyrillic_greek_indic_or_emoji_is_read_without_slicing_a_character() {
    for first in [
        "бвгдежзийклмн,x",
        "ΑΒΓΔΕΖΗΘΙΚΛΜΝ,x",
        "नमस्ते नमस्ते,x",
        "👩‍⚕️👩‍⚕️👩‍⚕️👩‍⚕️,x",
        "\u{feff}\u{feff}бвгдежзийк,x",
    ] {
        let text = format!("{first}\n1,2\n");
        assert_eq!(import::detect(&text), import::FileKind::Csv, "{first}");
        let err = import::appointments::parse_csv(&text).expect_err("no start column");
        assert!(err.to_string().contains("no start_utc"), "{err}");
    }
}

#[test]
fn a_lone_quote_on_the_first_line_is_named_not_called_empty() {
    for text in ["\"", "\"name,phone\nAsha,1\n", "бв\"г,x\n\"1,2\n"] {
        for err in [
            import::patients::parse_csv(text)
                .map(|_| ())
                .expect_err("refused"),
            import::appointments::parse_csv(text)
                .map(|_| ())
                .expect_err("refused"),
        ] {
            let message = err.to_string();
            assert!(
                message.contains("never closed") || message.contains("no "),
                "{text:?}: {message}"
            );
            assert!(!message.contains("empty"), "{text:?}: {message}");
        }
    }
}

#[test]
fn huge_negative_and_exponent_minutes_each_get_their_own_message() {
    let text = "start_local,minutes,doctor,patient\n\
        2026-12-01 10:00,9223372036854775807,rao,Asha Iyer\n\
        2026-12-01 10:00,99999999999999999999,rao,Asha Iyer\n\
        2026-12-01 10:00,-5,rao,Asha Iyer\n\
        2026-12-01 10:00,1e9,rao,Asha Iyer\n\
        2026-12-01 10:00,481,rao,Asha Iyer\n\
        2026-12-01 10:00,30,rao,Asha Iyer\n";
    let parsed = import::appointments::parse_csv(text).expect("parse");
    let reasons: Vec<(usize, &str)> = parsed
        .bad
        .iter()
        .map(|b| (b.line, b.reason.as_str()))
        .collect();
    let want = [
        (2, "minutes \"9223372036854775807\" is too long"),
        (3, "minutes \"99999999999999999999\" is out of range"),
        (4, "minutes \"-5\" is not a length"),
        (5, "minutes \"1e9\" is not a whole number"),
        (6, "minutes \"481\" is too long"),
    ];
    assert_eq!(reasons.len(), want.len(), "{reasons:#?}");
    for ((line, reason), (want_line, want_text)) in reasons.iter().zip(want) {
        assert_eq!(*line, want_line);
        assert!(reason.contains(want_text), "{reason}");
        assert!(reason.contains("1 to 480"), "{reason}");
    }
    assert_eq!(parsed.rows.len(), 1);
}

#[test]
fn a_minutes_count_that_would_overflow_the_clock_is_a_bad_row_in_the_store() {
    // Records made without our reader (another front end, a future format) still cannot
    // overflow: the store checks the arithmetic.
    let mut c = Clinic1::new(chrono_tz::Asia::Kolkata);
    let text = "start_local,minutes,doctor,patient\n2026-12-01 10:00,30,rao,Asha Iyer\n";
    let mut parsed = import::appointments::parse_csv(text).expect("parse");
    parsed.rows[0].1.end = Until::Minutes(i64::MAX);
    let report = c
        .store
        .import_appointments(
            &parsed,
            &ImportOptions {
                clinic: c.clinic,
                dry_run: false,
                overbook: None,
                source: "x.csv".into(),
                default_doctor: None,
            },
            "tester",
            common::utc("2026-11-20T03:00:00Z"),
            &mut |_| {},
        )
        .expect("report");
    assert_eq!(report.bad.len(), 1, "{report:?}");
    assert!(
        report.bad[0].reason.contains("ends beyond any date"),
        "{:?}",
        report.bad
    );
    assert!(!report.committed);
}
