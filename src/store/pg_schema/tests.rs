//! PostgreSQL's migrations checked against SQLite's: the same tables, indexes, triggers and
//! trigger messages at every version, and the double-booking guard freeing what the core frees.

use super::super::schema::{MIGRATION_9_CONSTRAINTS, MIGRATION_10_CONSTRAINTS, MIGRATIONS};
use super::PG_MIGRATIONS;
use std::collections::BTreeSet;

/// The names after `keyword` in `sql` (`CREATE TABLE x`, `DROP INDEX y`).
fn names(sql: &str, keyword: &str) -> BTreeSet<String> {
    sql.match_indices(keyword)
        .filter_map(|(at, _)| sql[at + keyword.len()..].split_whitespace().next())
        .map(|name| name.trim_end_matches([';', '(']).to_owned())
        .collect()
}

/// SQLite's migration `n` (from 1) with the constraints its data step applies.
fn sqlite(n: usize) -> String {
    let extra = match n {
        9 => MIGRATION_9_CONSTRAINTS,
        10 => MIGRATION_10_CONSTRAINTS,
        _ => "",
    };
    format!("{}{extra}", MIGRATIONS[n - 1])
}

#[test]
fn one_migration_for_each_of_sqlite() {
    assert_eq!(PG_MIGRATIONS.len(), MIGRATIONS.len());
}

#[test]
fn each_migration_makes_the_tables_and_indexes_its_sqlite_twin_makes() {
    for n in 1..=MIGRATIONS.len() {
        let (lite, pg) = (sqlite(n), PG_MIGRATIONS[n - 1]);
        for keyword in [
            "CREATE TABLE ",
            "CREATE INDEX ",
            "CREATE UNIQUE INDEX ",
            "DROP INDEX ",
            "ALTER TABLE ",
        ] {
            let want = names(&lite, keyword);
            let got = names(pg, keyword);
            assert!(
                want.is_subset(&got),
                "migration {n}: {keyword}{:?} missing",
                want.difference(&got).collect::<Vec<_>>()
            );
        }
        // Tables and indexes only where SQLite makes them too.
        for keyword in ["CREATE TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX "] {
            assert_eq!(names(&lite, keyword), names(pg, keyword), "migration {n}");
        }
    }
}

#[test]
fn every_trigger_of_sqlite_is_made_once_and_where_it_first_is() {
    // SQLite's migration 10 drops migration 9's ledger triggers and makes them again after
    // its data step; PostgreSQL keeps them, so each trigger is made once, in the migration
    // that first makes it in SQLite.
    let mut seen = BTreeSet::new();
    for n in 1..=MIGRATIONS.len() {
        let lite = sqlite(n);
        let first: BTreeSet<String> = names(&lite, "CREATE TRIGGER ")
            .into_iter()
            .filter(|t| !seen.contains(t))
            .collect();
        let pg: BTreeSet<String> = names(PG_MIGRATIONS[n - 1], "CREATE TRIGGER ")
            .into_iter()
            .filter(|t| !t.ends_with("_never_truncated"))
            .collect();
        assert_eq!(first, pg, "migration {n}");
        seen.extend(first);
        assert!(names(PG_MIGRATIONS[n - 1], "DROP TRIGGER ").is_empty());
    }
}

#[test]
fn every_table_kept_from_deletes_is_kept_from_truncate() {
    for pg in PG_MIGRATIONS {
        for trigger in names(pg, "CREATE TRIGGER ") {
            let Some(table) = trigger
                .strip_suffix("_never_deleted")
                .or_else(|| trigger.strip_suffix("_append_only_delete"))
            else {
                continue;
            };
            assert!(
                pg.contains(&format!("CREATE TRIGGER {table}_never_truncated ")),
                "{table}"
            );
        }
    }
}

#[test]
fn no_double_booking_frees_the_time_the_core_frees() {
    assert_eq!(
        freeing_statuses!(),
        super::super::codec::freeing_statuses_sql()
    );
    let list = format!("status NOT IN ({})", freeing_statuses!());
    assert_eq!(PG_MIGRATIONS[1].matches(&list).count(), 2);
    for name in [
        "appointment_doctor_not_double_booked",
        "appointment_room_not_double_booked",
    ] {
        assert!(PG_MIGRATIONS[1].contains(&format!("ADD CONSTRAINT {name}\n")));
    }
}

#[test]
fn every_trigger_message_is_sqlites() {
    let lite: String = (1..=MIGRATIONS.len()).map(sqlite).collect();
    for pg in PG_MIGRATIONS {
        for (at, _) in pg.match_indices("refuse_change('") {
            let message = pg[at + 15..].split('\'').next().unwrap_or_default();
            assert!(
                lite.contains(&format!("RAISE(ABORT, '{message}')")),
                "{message}"
            );
        }
    }
}
