//! Whether a database file is sound, in words: SQLite's integrity check, its findings grouped
//! by the table or index they are in (named from the schema where SQLite gives a page number),
//! and the quick check run when a database is opened.

use std::collections::BTreeMap;

use rusqlite::Connection;

/// At most this many findings are read from SQLite; a damaged file can have thousands.
pub const MAX_FINDINGS: u32 = 100;

/// SQLite's findings (`PRAGMA integrity_check(limit)`), empty when the file is sound.
pub fn problems(conn: &Connection, limit: u32) -> rusqlite::Result<Vec<String>> {
    findings(conn, &format!("PRAGMA integrity_check({limit})"))
}

/// The quick check's findings (`PRAGMA quick_check`: the pages and their b-trees, without
/// comparing indexes to tables), empty when the file is sound.
pub fn quick_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    findings(conn, "PRAGMA quick_check(20)")
}

/// Each finding on its own (SQLite may put several in one row, one per line, under a
/// "*** in database main ***" heading). SQLite may give some findings and then stop with an
/// error; the findings are kept, and where it gives none, the tables are checked one by one
/// to say which cannot be read.
fn findings(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    let mut found = Vec::new();
    match read_findings(conn, pragma, &mut found) {
        Ok(()) => Ok(found),
        Err(e) if is_damage(&e) => {
            if found.is_empty() {
                found.extend(unreadable_tables(conn));
            }
            if found.is_empty() {
                return Err(e);
            }
            Ok(found)
        }
        Err(e) => Err(e),
    }
}

fn read_findings(conn: &Connection, pragma: &str, found: &mut Vec<String>) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(pragma)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text: String = row.get(0)?;
        for line in text.lines().map(str::trim) {
            // SQLite's bare "malformed" says nothing of where: the tables are asked below.
            if line != "ok"
                && !line.is_empty()
                && !line.starts_with("*** in database")
                && line != "database disk image is malformed"
            {
                found.push(line.to_owned());
            } else if line == "database disk image is malformed" {
                found.push(MALFORMED.to_owned());
            }
        }
    }
    Ok(())
}

/// "unreadable table x" for each table whose own quick check SQLite cannot finish.
fn unreadable_tables(conn: &Connection) -> Vec<String> {
    let Ok(mut stmt) = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'") else {
        return Vec::new();
    };
    let Ok(names) = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map(|rows| rows.flatten().collect::<Vec<_>>())
    else {
        return Vec::new();
    };
    names
        .into_iter()
        .filter(|name| {
            let mut one = Vec::new();
            let pragma = format!("PRAGMA quick_check(\"{}\")", name.replace('"', "\"\""));
            match read_findings(conn, &pragma, &mut one) {
                Ok(()) => !one.is_empty(),
                Err(e) => is_damage(&e),
            }
        })
        .map(|name| format!("unreadable table {name}"))
        .collect()
}

/// What stands for SQLite's bare "database disk image is malformed" among the findings.
const MALFORMED: &str = "malformed";

/// Which table or index each b-tree root page belongs to, where the schema can still be read.
fn roots(conn: &Connection) -> BTreeMap<i64, String> {
    let mut names = BTreeMap::new();
    let Ok(mut stmt) = conn.prepare("SELECT rootpage, name FROM sqlite_schema WHERE rootpage > 0")
    else {
        return names;
    };
    if let Ok(rows) = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))) {
        for (root, name) in rows.flatten() {
            names.insert(root, name);
        }
    }
    names
}

/// Where one finding is: "Tree 12 page 345 …" names a b-tree by its root page, "On tree page
/// 31 cell 0: …" a page of one (named when it is a root); "row 7 missing from index x" and
/// "wrong # of entries in index x" name an index.
fn place(finding: &str, roots: &BTreeMap<i64, String>) -> String {
    let number = |rest: &str| {
        rest.split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse::<i64>().ok())
    };
    if let Some(root) = finding.strip_prefix("Tree ").and_then(number) {
        return match roots.get(&root) {
            Some(name) => name.clone(),
            None => format!("b-tree {root}"),
        };
    }
    if let Some(page) = finding.strip_prefix("On tree page ").and_then(number) {
        return match roots.get(&page) {
            Some(name) => name.clone(),
            None => format!("page {page}"),
        };
    }
    for marker in ["missing from index ", "entries in index ", "in index "] {
        if let Some(at) = finding.find(marker) {
            let name = finding[at + marker.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            if !name.is_empty() {
                return name.to_owned();
            }
        }
    }
    if let Some(name) = finding.strip_prefix("unreadable table ") {
        return name.to_owned();
    }
    if finding.starts_with("Page ") || finding.contains("never used") {
        return "free pages".to_owned();
    }
    "the file".to_owned()
}

/// One line that says how bad it is and where: "3 problems in appointment (2),
/// appointment_doctor_start (1)", with tables and indexes named from `conn`'s schema where it
/// can still be read. SQLite's own words are not repeated: they are long and never say what
/// to do.
pub fn summary_in(conn: &Connection, problems: &[String]) -> String {
    let roots = roots(conn);
    let vague = problems.iter().any(|p| {
        let at = place(p, &roots);
        at == "the file" || at.starts_with("page ") || at.starts_with("b-tree ")
    });
    if !vague {
        return describe(problems, &roots);
    }
    // Some findings name no table: each table's own check says which are affected.
    let tables = unreadable_tables(conn);
    let known: Vec<String> = problems
        .iter()
        .filter(|p| p.as_str() != MALFORMED)
        .cloned()
        .collect();
    let said = if known.is_empty() {
        "pages SQLite cannot read".to_owned()
    } else {
        describe(&known, &roots)
    };
    let names: Vec<&str> = tables
        .iter()
        .filter_map(|t| t.strip_prefix("unreadable table "))
        .collect();
    if names.is_empty() {
        said
    } else {
        format!("{said}; the tables affected: {}", names.join(", "))
    }
}

/// [`summary_in`] without a schema to name b-trees from.
pub fn summary(problems: &[String]) -> String {
    describe(problems, &BTreeMap::new())
}

fn describe(problems: &[String], roots: &BTreeMap<i64, String>) -> String {
    let mut places: BTreeMap<String, usize> = BTreeMap::new();
    for p in problems {
        *places.entry(place(p, roots)).or_default() += 1;
    }
    let counted = places
        .iter()
        .map(|(name, n)| format!("{name} ({n})"))
        .collect::<Vec<_>>()
        .join(", ");
    let n = problems.len();
    let more = if n >= MAX_FINDINGS as usize {
        " or more"
    } else {
        ""
    };
    format!(
        "{n}{more} problem{} in {counted}",
        if n == 1 { "" } else { "s" }
    )
}

/// Runs the quick check on the database at `path` over a connection of its own (read-only,
/// so it can run beside a store that is working) and returns what is damaged, if anything.
/// Damage found is recorded for every later open.
pub fn quick_check_file(path: &std::path::Path) -> rusqlite::Result<Option<String>> {
    quick_check_file_keyed(path, None).map_err(|e| match e {
        KeyedCheckError::Sqlite(e) => e,
        KeyedCheckError::Key(_) => rusqlite::Error::InvalidQuery,
    })
}

/// Why [`quick_check_file_keyed`] could not check.
#[derive(Debug)]
pub enum KeyedCheckError {
    /// SQLite failed (not damage: damage is the result).
    Sqlite(rusqlite::Error),
    /// The key given does not open the file.
    Key(super::cipher::CipherError),
}

/// [`quick_check_file`] of a database that may be encrypted with `key`. A wrong key is never
/// taken for damage.
pub fn quick_check_file_keyed(
    path: &std::path::Path,
    key: Option<&super::cipher::DatabaseKey>,
) -> Result<Option<String>, KeyedCheckError> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(KeyedCheckError::Sqlite)?;
    if let Some(key) = key {
        super::cipher::apply_key(&conn, key, path).map_err(KeyedCheckError::Key)?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(KeyedCheckError::Sqlite)?;
    let found = match quick_problems(&conn) {
        Ok(p) if p.is_empty() => None,
        Ok(p) => Some(summary_in(&conn, &p)),
        Err(e) if is_damage(&e) => Some(unreadable(&e)),
        Err(e) => return Err(KeyedCheckError::Sqlite(e)),
    };
    if let Some(summary) = &found {
        super::open::record_damage(path, summary);
    }
    Ok(found)
}

/// True when SQLite's error means the file is damaged (not busy, not missing).
pub fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(e, _)
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
            )
    )
}

/// The summary for a file SQLite could not even check.
pub fn unreadable(error: &rusqlite::Error) -> String {
    let what = match error {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.as_str(),
        _ => "malformed",
    };
    format!("SQLite cannot read it: {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_grouped_by_the_table_or_index_they_are_in() {
        let mut roots = BTreeMap::new();
        roots.insert(5, "appointment".to_owned());
        assert_eq!(
            place("Tree 5 page 812 cell 3: invalid page number 9999", &roots),
            "appointment"
        );
        assert_eq!(
            place(
                "Tree 77 page 1: btreeInitPage() returns error code 11",
                &roots
            ),
            "b-tree 77"
        );
        assert_eq!(
            place("row 12 missing from index appointment_doctor_start", &roots),
            "appointment_doctor_start"
        );
        assert_eq!(
            place("wrong # of entries in index patient_name", &roots),
            "patient_name"
        );
        assert_eq!(place("Page 40 is never used", &roots), "free pages");
        assert_eq!(
            place(
                "On tree page 5 cell 107: Offset 42405 out of range 3454..4092",
                &roots
            ),
            "appointment"
        );
        assert_eq!(
            place(
                "On tree page 77 cell 0: invalid page number -1515870811",
                &roots
            ),
            "page 77"
        );
        assert_eq!(
            summary(&[
                "row 1 missing from index a_i".into(),
                "row 2 missing from index a_i".into(),
                "Page 4 is never used".into(),
            ]),
            "3 problems in a_i (2), free pages (1)"
        );
    }
}
