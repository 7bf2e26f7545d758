//! Reading CSV (RFC 4180, and what spreadsheets write besides): quoted cells with doubled
//! quotes and line breaks, CRLF or LF, a UTF-8 byte order mark, and `;` as the separator when
//! the header has no comma. Each record knows the line it starts on, for error messages.

/// One record: its cells and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on.
    pub line: usize,
    /// Its cells.
    pub cells: Vec<String>,
}

/// A record that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The line the record starts on.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Which separator the file uses: `,`, or `;` when the first line has a `;` and no `,`.
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    if !first.contains(',') && first.contains(';') {
        ';'
    } else {
        ','
    }
}

/// Splits `text` into records. A quote left open swallows the rest of the file, so it is
/// reported once at the line it opened, and reading stops there.
pub fn records(text: &str) -> (Vec<Record>, Option<Unreadable>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut out = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut in_quotes = false;
    let mut quote_line = 0usize;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                in_quotes = true;
                quote_line = line;
                any = true;
            }
            c if c == sep => {
                cells.push(std::mem::take(&mut cell));
                any = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if any || !cell.is_empty() {
                    cells.push(std::mem::take(&mut cell));
                    out.push(Record {
                        line: start_line,
                        cells: std::mem::take(&mut cells),
                    });
                }
                any = false;
                line += 1;
                start_line = line;
            }
            c => {
                cell.push(c);
                any = true;
            }
        }
    }
    if in_quotes {
        return (
            out,
            Some(Unreadable {
                line: quote_line,
                reason: "a quoted cell opened here is never closed: add the closing \" (a quote inside a cell is written as \"\")".into(),
            }),
        );
    }
    if any || !cell.is_empty() {
        cells.push(cell);
        out.push(Record {
            line: start_line,
            cells,
        });
    }
    (out, None)
}

/// A cell as messages quote it: in quotes, control characters escaped
/// (`scheduling::entry::shown`), and cut after 40 characters, so a 10 MB cell or an escape
/// code never reaches the terminal or the window whole.
pub fn quote(text: &str) -> String {
    format!("\"{}\"", crate::scheduling::entry::echo(text))
}

/// A header name as the importers compare them: trimmed, lower case, spaces and dashes as `_`.
pub fn column_key(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The columns of a header, found by any of their accepted names.
pub struct Header {
    keys: Vec<String>,
}

impl Header {
    /// The header row's names.
    pub fn new(cells: &[String]) -> Self {
        Self {
            keys: cells.iter().map(|c| column_key(c)).collect(),
        }
    }

    /// A column named twice (as compared by [`column_key`]), as a message with the header's
    /// line and both positions: which one is meant cannot be known. Empty names are not
    /// counted (a spreadsheet's trailing commas).
    pub fn duplicate(&self, cells: &[String]) -> Option<String> {
        for (i, key) in self.keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            if let Some(first) = self.keys[..i].iter().position(|k| k == key) {
                return Some(format!(
                    "the column {} is named twice (columns {} and {}): which one is meant cannot be known; delete or rename one",
                    quote(cells.get(i).map_or("", String::as_str).trim()),
                    first + 1,
                    i + 1
                ));
            }
        }
        None
    }

    /// Why a record has cells the header names no column for (a comma in an unquoted cell
    /// splits it), or `None`: trailing empty cells carry nothing and are let be.
    pub fn extra_cells(&self, record: &Record) -> Option<String> {
        let extra = record.cells.get(self.keys.len()..)?;
        if extra.iter().all(|c| c.trim().is_empty()) {
            return None;
        }
        Some(format!(
            "the row has {} cells, the header names {} columns: a cell with a comma in it must be in quotes (\"Iyer, Asha\"); correct the row",
            record.cells.len(),
            self.keys.len()
        ))
    }

    /// The index of the first column called any of `names`.
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.keys.iter().position(|k| k == n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        let (records, bad) = records(text);
        assert!(bad.is_none(), "{bad:?}");
        records.into_iter().map(|r| r.cells).collect()
    }

    #[test]
    fn reads_rfc_4180_quoting() {
        assert_eq!(
            cells("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n"),
            vec![vec!["a", "b"], vec!["x, y", "say \"hi\""]]
        );
    }

    #[test]
    fn a_quoted_line_break_stays_in_the_cell_and_lines_are_counted() {
        let (records, _) = records("h1,h2\n\"two\r\nlines\",z\nlast,row\n");
        assert_eq!(records[1].cells, vec!["two\nlines", "z"]);
        assert_eq!(records[1].line, 2);
        assert_eq!(records[2].line, 4);
    }

    #[test]
    fn bom_semicolons_blank_lines_and_empty_cells() {
        assert_eq!(
            cells("\u{feff}name;phone\n\nAsha;\n"),
            vec![vec!["name", "phone"], vec!["Asha", ""]]
        );
        assert_eq!(cells("a,,\n"), vec![vec!["a", "", ""]]);
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opened() {
        let (records, bad) = records("a,b\n1,2\n\"open,3\n4,5\n");
        assert_eq!(records.len(), 2);
        assert_eq!(bad.map(|b| b.line), Some(3));
    }

    #[test]
    fn header_names_are_matched_loosely() {
        let header = Header::new(&["Patient Name".into(), "Date-of-Birth".into()]);
        assert_eq!(header.find(&["name", "patient_name"]), Some(0));
        assert_eq!(header.find(&["date_of_birth"]), Some(1));
        assert_eq!(header.find(&["phone"]), None);
    }
}
