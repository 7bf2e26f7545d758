//! `frontdesk check`: is the database sound, and if not, what is damaged and which backup to
//! restore. The automatic backups beside it are checked newest first, as a restore would check
//! them, and the first good one is named with the exact command that restores it.

use frontdesk::scheduling::entry::{echo_path, escaped_when_shown};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use frontdesk::scheduling::access::ChainCheck;
use frontdesk::store::backup;
use frontdesk::store::{Locator, Store, StoreError};

/// Prints the check report of the database `locator` names (opened as `store`, or the error
/// that kept it from opening); fails when something is wrong, after naming the newest good
/// backup.
pub fn check(
    locator: &Locator,
    store: std::result::Result<Box<dyn Store + Send>, StoreError>,
) -> Result<()> {
    let store = match store {
        Ok(store) => store,
        Err(StoreError::Damaged { summary, .. }) => {
            println!("integrity: DAMAGED: {summary}");
            return recover(locator);
        }
        Err(e) => return Err(e.into()),
    };
    let report = store.check()?;
    println!("engine: {}", report.engine);
    match &report.damage {
        None => println!("integrity: ok"),
        Some(summary) => println!("integrity: DAMAGED: {summary}"),
    }
    println!("broken references: {}", report.broken_references);
    println!("schema version: {}", report.schema_version);
    for (label, n) in &report.counts {
        match n {
            Some(n) => println!("{label}: {n}"),
            None => println!("{label}: cannot be counted (damaged)"),
        }
    }
    println!(
        "double bookings not marked as overbooked: {}",
        report.unexplained_overlaps
    );
    match report.access_log {
        None => println!("access log: cannot be checked (damaged)"),
        Some(ChainCheck::Whole) => println!("access log: whole"),
        Some(ChainCheck::BrokenAt(seq)) => println!(
            "access log: BROKEN at entry {seq}: that entry was edited, or the one before it deleted"
        ),
        Some(ChainCheck::CutShort { found, expected }) => println!(
            "access log: CUT SHORT: {found} entries of {expected}: the last entries were deleted"
        ),
    }
    if report.damage.is_some() {
        drop(store);
        return recover(locator);
    }
    if !report.is_ok() {
        bail!(
            "the database has problems (see above): restore a backup (`frontdesk restore FILE`) or ask for support"
        );
    }
    println!("ok");
    Ok(())
}

/// Checks the automatic backups of the database newest first and says how to restore the first
/// good one; always fails (the database is damaged).
fn recover(locator: &Locator) -> Result<()> {
    println!("Frontdesk will not write to this database until it is restored from a backup.");
    let Some(path) = locator.file() else {
        bail!(
            "the database is damaged (see above): restore it from the database server's own backups"
        );
    };
    let mut candidates: Vec<PathBuf> = backup::daily_backups(path);
    candidates.reverse();
    let mut refused = Vec::new();
    for candidate in &candidates {
        eprintln!("check: checking the backup {} …", echo_path(candidate));
        match backup::stage(candidate, path) {
            Ok(_) => {
                for why in &refused {
                    println!("not usable: {why}");
                }
                println!("The newest good backup is {}.", echo_path(candidate));
                println!(
                    "Restore it with:\n  frontdesk --db {} restore {}",
                    shell_word(path),
                    shell_word(candidate)
                );
                println!(
                    "The damaged database is kept beside it as <name>.replaced-<time>.sqlite3; appointments made since that backup must be entered again."
                );
                bail!("the database is damaged (see above)");
            }
            Err(e) => refused.push(e.to_string()),
        }
    }
    for why in &refused {
        println!("not usable: {why}");
    }
    println!(
        "No good automatic backup was found in {}. Restore a backup you made with `frontdesk backup FILE` (`frontdesk --db {} restore FILE`), or ask for support.",
        echo_path(&backup::backups_dir(path)),
        shell_word(path)
    );
    bail!("the database is damaged (see above)");
}

/// `path` as one word a shell reads back unchanged (single-quoted when it needs to be); a path
/// with a character a terminal would obey or hide (a line break) is quoted as messages quote
/// paths ([`echo_path`]) instead, since printing it as it is would forge a line.
fn shell_word(path: &Path) -> String {
    let text = path.to_string_lossy().into_owned();
    if text.chars().any(escaped_when_shown) {
        return echo_path(path);
    }
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@%".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;
    use std::path::Path;

    #[test]
    fn a_path_is_one_shell_word_or_quoted_escaped_never_with_a_line_break() {
        assert_eq!(
            shell_word(Path::new("/srv/clinic.sqlite3")),
            "/srv/clinic.sqlite3"
        );
        assert_eq!(
            shell_word(Path::new("/srv/Dr Rao's")),
            r"'/srv/Dr Rao'\''s'"
        );
        assert_eq!(
            shell_word(Path::new("/srv/a\nfrontdesk: ok\u{1b}[2J")),
            "/srv/a\\nfrontdesk: ok\\u{1b}[2J"
        );
    }
}
