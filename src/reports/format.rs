//! Writing a report table as aligned text, as RFC 4180 CSV, or as JSON lines (one object per
//! row). CSV goes through the export's writer (`export::csv::write_record`): the same quoting,
//! and a name a spreadsheet would run as a formula is neutralised here too.
//!
//! Text that may reach a terminal never carries what a terminal obeys: every JSON line the
//! command line prints is written by [`json_text`] (the characters `entry::shown` escapes
//! become `\uXXXX`: still valid JSON, the same value), and CSV meant for a terminal by
//! [`csv_for_terminal`]. CSV to a file or a pipe ([`csv`]) stays exact, as spreadsheets read it.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

use crate::scheduling::entry::{escaped_between, shown};

use super::table::{Cell, Table};
use crate::export::csv::write_record;

/// The table as CSV: a header of column keys, then one record per row, each ending in CRLF.
pub fn csv(table: &Table) -> String {
    csv_with(table, Cell::plain)
}

/// The table as CSV for a terminal: as [`csv`], with each cell's control, direction and
/// invisible characters escaped as [`shown`] writes them, so a name stored by an older
/// version cannot set the terminal's title, clear its screen or reorder the line.
pub fn csv_for_terminal(table: &Table) -> String {
    csv_with(table, |cell| shown(&cell.plain()).into_owned())
}

fn csv_with(table: &Table, text: impl Fn(&Cell) -> String) -> String {
    let write = |out: &mut Vec<u8>| -> std::io::Result<()> {
        write_record(out, table.columns.iter().map(|c| c.key))?;
        for row in &table.rows {
            write_record(out, row.iter().map(&text))?;
        }
        Ok(())
    };
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and every cell is text, so the bytes are UTF-8.
    let _ = write(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// JSON's compact form, with the characters a terminal would obey or hide (DEL, the C1
/// controls, U+2028 and U+2029, direction controls and marks, invisible characters, and a
/// combining mark or joiner with nothing to sit on or join) written as `\uXXXX` escapes too;
/// serde_json escapes the C0 controls itself. Characters are judged in their context, as
/// [`shown`] judges them (`entry::escaped_between`): a string's opening quote and an escape
/// are no base for a mark.
#[derive(Default)]
struct TerminalSafe {
    /// The character written before, unless it was escaped or the string just began.
    previous: Option<char>,
}

impl Formatter for TerminalSafe {
    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.previous = None;
        CompactFormatter.begin_string(writer)
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        self.previous = None;
        CompactFormatter.write_char_escape(writer, char_escape)
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        let mut chars = fragment.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // A fragment ends where serde_json escapes a character or the string ends: no
            // character after it that a joiner could join.
            let next = chars.peek().map(|&(_, n)| n);
            if !escaped_between(c, self.previous, next) {
                self.previous = Some(c);
                continue;
            }
            self.previous = None;
            writer.write_all(&fragment.as_bytes()[plain..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }
}

/// `value` as one line of JSON that is safe on a terminal (see [`TerminalSafe`]): what the
/// command line prints for `--format json`.
pub fn json_text<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, TerminalSafe::default());
    // Our values are maps, strings and numbers: serializing them into a Vec cannot fail.
    if value.serialize(&mut serializer).is_err() {
        return "null".to_owned();
    }
    // The formatter writes only ASCII escapes and whole characters of valid strings.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn json_value(cell: &Cell) -> Value {
    match cell {
        Cell::Text(t) => Value::String(t.clone()),
        Cell::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
        Cell::Count(n) => Value::from(*n),
        Cell::Share(s) => s.map_or(Value::Null, |s| round1(s * 100.0)),
        Cell::Minutes(m) => m.map_or(Value::Null, round1),
    }
}

fn round1(x: f64) -> Value {
    Value::from((x * 10.0).round() / 10.0)
}

/// The table as JSON lines: one object per row, keyed by the column keys in the columns' order;
/// numbers are numbers (percentages and minutes to one decimal) and missing figures are `null`.
pub fn json_lines(table: &Table) -> String {
    let mut out = String::new();
    for row in &table.rows {
        let fields: Vec<String> = table
            .columns
            .iter()
            .zip(row)
            .map(|(c, cell)| format!("{}:{}", json_text(c.key), json_text(&json_value(cell))))
            .collect();
        out.push('{');
        out.push_str(&fields.join(","));
        out.push_str("}\n");
    }
    out
}

/// The table as aligned text for people: the title, the header, then the rows, numbers
/// right-aligned.
pub fn text(table: &Table, heading: &str) -> String {
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::scheduling::entry::shown(&c.display()).into_owned())
                .collect()
        })
        .collect();
    let widths: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r.get(i).map_or(0, |s| s.chars().count()))
                .chain([c.label.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric: Vec<bool> = (0..table.columns.len())
        .map(|i| {
            table
                .rows
                .first()
                .is_some_and(|r| r.get(i).is_some_and(Cell::is_number))
        })
        .collect();
    let pad = |text: &str, i: usize| {
        let fill = widths[i].saturating_sub(text.chars().count());
        if numeric[i] {
            format!("{}{text}", " ".repeat(fill))
        } else {
            format!("{text}{}", " ".repeat(fill))
        }
    };
    let mut out = format!("{}\n", crate::scheduling::entry::shown(heading));
    let header: Vec<String> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| pad(c.label, i))
        .collect();
    out.push_str(header.join("  ").trim_end());
    out.push('\n');
    for row in &cells {
        let line: Vec<String> = row.iter().enumerate().map(|(i, c)| pad(c, i)).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    if table.rows.is_empty() {
        out.push_str("Nothing to report.\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn json_text_escapes_what_a_terminal_obeys() {
        let value = serde_json::json!({"name": "A\u{1b}[2J\u{202e}\u{2028}\u{7f}\u{85}\u{9b}\u{200b}\u{1f600}\u{e0041}é"});
        assert_eq!(
            json_text(&value),
            "{\"name\":\"A\\u001b[2J\\u202e\\u2028\\u007f\\u0085\\u009b\\u200b\u{1f600}\\udb40\\udc41é\"}"
        );
    }

    #[test]
    fn json_text_judges_marks_and_joiners_by_what_is_beside_them() {
        // A variation selector or combining accent with nothing to sit on would be drawn on
        // the quote before it; after a letter or an emoji it is part of the text.
        let j = |t: &str| json_text(&serde_json::json!(t));
        assert_eq!(j("\u{fe0f}x"), "\"\\ufe0fx\"");
        assert_eq!(j("\u{301}é"), "\"\\u0301é\"");
        assert_eq!(j("e\u{301}"), "\"e\u{301}\"");
        assert_eq!(j("\u{2764}\u{fe0f}"), "\"\u{2764}\u{fe0f}\"");
        // After an escape (serde's own, or ours) a mark has no base either.
        assert_eq!(j("\"\u{301}"), "\"\\\"\\u0301\"");
        assert_eq!(j("\u{1b}\u{301}"), "\"\\u001b\\u0301\"");
        // A joiner joins two characters; at the end, before a space or an escape it joins
        // nothing and would be invisible.
        assert_eq!(
            j("\u{1f469}\u{200d}\u{1f4bb}"),
            "\"\u{1f469}\u{200d}\u{1f4bb}\""
        );
        assert_eq!(j("a\u{200d}"), "\"a\\u200d\"");
        assert_eq!(j("a\u{200d} b"), "\"a\\u200d b\"");
        assert_eq!(j("a\u{200d}\n"), "\"a\\u200d\\n\"");
        // Each string of a value starts afresh.
        let two = json_text(&serde_json::json!(["e", "\u{301}"]));
        assert_eq!(two, "[\"e\",\"\\u0301\"]");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

        /// Any text: valid JSON that reads back as the same text, with nothing a terminal
        /// would obey or hide left raw.
        #[test]
        fn json_text_is_the_same_value_and_safe(text in any::<String>()) {
            let line = json_text(&serde_json::json!({ "t": text }));
            prop_assert!(!line.chars().any(|c| c.is_control() || crate::scheduling::entry::escaped_when_shown(c)), "{line:?}");
            // What a terminal shows of the line is what `shown` would show of the text: no
            // mark or joiner is left without its neighbours.
            let mut previous = None;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                let next = chars.peek().copied();
                prop_assert!(!escaped_between(c, previous, next) || c == '"', "{line:?}");
                previous = (c != '"' && c != '\\').then_some(c);
            }
            let back: Value = serde_json::from_str(&line).expect("valid JSON");
            prop_assert_eq!(back["t"].as_str(), Some(text.as_str()));
        }
    }
}
