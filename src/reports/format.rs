//! Writing a report table as aligned text, as RFC 4180 CSV, or as JSON lines (one object per
//! row). CSV goes through the export's writer (`export::csv::write_record`): the same quoting,
//! and a name a spreadsheet would run as a formula is neutralised here too.

use serde_json::Value;

use super::table::{Cell, Table};
use crate::export::csv::write_record;

/// The table as CSV: a header of column keys, then one record per row, each ending in CRLF.
pub fn csv(table: &Table) -> String {
    let write = |out: &mut Vec<u8>| -> std::io::Result<()> {
        write_record(out, table.columns.iter().map(|c| c.key))?;
        for row in &table.rows {
            write_record(out, row.iter().map(Cell::plain))?;
        }
        Ok(())
    };
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and every cell is text, so the bytes are UTF-8.
    let _ = write(&mut out);
    String::from_utf8_lossy(&out).into_owned()
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
            .map(|(c, cell)| format!("{}:{}", Value::from(c.key), json_value(cell)))
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
