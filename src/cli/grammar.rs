//! What the argument parser (clap) says about a command it cannot read: the value typed is
//! quoted as every other message quotes typed text ([`echo`]: at most 40 characters,
//! escaped), never raw, so `--as $'Bob\nfrontdesk: Booked …'` cannot forge a line and a
//! 300-character value is not printed whole.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use frontdesk::scheduling::entry::{echo, shown_lines};

/// The parts of a clap error that may hold what was typed: a value (`invalid value '…'`), an
/// argument (`unexpected argument '…'`; for other kinds the flag's own spelling, which
/// [`echo`] leaves as it is) and a subcommand (`unrecognized subcommand '…'`).
const TYPED: [ContextKind; 3] = [
    ContextKind::InvalidValue,
    ContextKind::InvalidArg,
    ContextKind::InvalidSubcommand,
];

/// `error` with every quoted piece of typed text replaced by its [`echo`], in its context and
/// in the tips that repeat it ("to pass '…' as a value, use '-- …'").
pub fn quoted_safely(mut error: clap::Error) -> clap::Error {
    let mut replaced: Vec<(String, String)> = Vec::new();
    for kind in TYPED {
        let mut echoed = |raw: &String| {
            let safe = echo(raw);
            if safe != *raw && !raw.is_empty() {
                replaced.push((raw.clone(), safe.clone()));
            }
            safe
        };
        let value = match error.get(kind) {
            Some(ContextValue::String(raw)) => ContextValue::String(echoed(raw)),
            Some(ContextValue::Strings(raws)) => {
                ContextValue::Strings(raws.iter().map(&mut echoed).collect())
            }
            _ => continue,
        };
        error.insert(kind, value);
    }
    if replaced.is_empty() {
        return error;
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        let tips = tips
            .iter()
            .map(|tip| {
                let mut text = tip.to_string();
                for (raw, safe) in &replaced {
                    text = text.replace(raw.as_str(), safe);
                }
                StyledStr::from(text)
            })
            .collect();
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    }
    error
}

/// The text printed for a grammar error: clap's, with typed text quoted by [`quoted_safely`],
/// and anything else a terminal would obey escaped ([`shown_lines`]).
pub fn message(error: clap::Error) -> String {
    let text = quoted_safely(error).render().to_string();
    shown_lines(&text).into_owned()
}

/// Ends the process for `--help`, `--version` or a grammar error. Help and version print as
/// clap prints them; an error prints [`message`] and exits with clap's status (2 for a
/// usage error).
pub fn exit(error: clap::Error) -> ! {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        error.exit();
    }
    let code = error.exit_code();
    eprint!("{}", message(error));
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    use super::message;
    use crate::cli::Cli;
    use clap::CommandFactory;

    fn refused(args: &[&str]) -> String {
        let mut all = vec!["frontdesk"];
        all.extend_from_slice(args);
        match Cli::command().try_get_matches_from(all) {
            Ok(_) => panic!("{args:?} was read"),
            Err(error) => message(error),
        }
    }

    fn no_forged_line(message: &str) {
        assert!(
            !message.lines().any(|l| l.starts_with("FORGED")),
            "a typed line break made a line of its own: {message}"
        );
        assert!(!message.contains(['\u{1b}', '\r']), "{message:?}");
    }

    #[test]
    fn every_kind_of_grammar_error_quotes_typed_text_short_and_escaped() {
        let forged = "x\nFORGED LINE \u{1b}[31m";
        let id = "01a2431e-9ea0-76b5-8734-ef692a2fd787";
        for args in [
            vec!["--as", forged, "agenda"],
            vec!["agenda", "--format", forged],
            vec!["slots", "--minutes", forged],
            vec!["--keep-backups", forged, "agenda"],
            vec!["status", id, forged],
            vec!["import", forged, "file.csv"],
            vec![forged],
            vec!["agenda", forged],
            vec!["agenda", "--x\nFORGED"],
        ] {
            let message = refused(&args);
            no_forged_line(&message);
            assert!(message.contains("x\\nFORGED"), "{args:?}: {message}");
        }
        let long = "9".repeat(300);
        for args in [
            vec!["slots", "--minutes", &long],
            vec!["agenda", "--format", &long],
            vec!["agenda", &long],
        ] {
            let message = refused(&args);
            assert!(
                message.contains(&format!("'{}…'", "9".repeat(40))),
                "{args:?}: {message}"
            );
            assert!(!message.contains(&"9".repeat(41)), "{args:?}: {message}");
        }
        // What needs no escaping reads as clap wrote it.
        let plain = refused(&["agenda", "--format", "xml"]);
        assert!(
            plain.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"),
            "{plain}"
        );
        assert!(plain.contains("[possible values: text, json]"), "{plain}");
    }
}
