//! The command line's grammar and its own text parsers, fed random input without starting a
//! process: clap with our value parsers on random argv (numeric flags with any value, and
//! argv made of random words), and the dates, times, weekdays and time windows the commands
//! read. Each answers with a clear error or a valid value, never a panic.
//!
//! Budget: [`CASES`] cases per property, 4 properties (4,000 cases), about a second and a half
//! in a debug build (`cargo test --bin frontdesk`).

use clap::Parser;
use clap::error::ErrorKind;
use proptest::prelude::*;

use super::args::{Cli, Command};
use super::numbers::{MAX_DAYS, MAX_KEEP_BACKUPS, MAX_OUTBOX_ROWS, MAX_SLOTS};
use super::{resolve, waitlist};
use frontdesk::scheduling::MAX_APPOINTMENT_MINUTES;
use frontdesk::scheduling::time::{FIRST_DATE, LAST_DATE};

/// Cases per property.
const CASES: u32 = 1_000;

/// Every numeric flag, with the argv that leads to it and its inclusive range.
const FLAGS: [(&[&str], &str, i128, i128); 10] = [
    (
        &["book", "--patient", "A", "--doctor", "B"],
        "--minutes",
        1,
        MAX_APPOINTMENT_MINUTES as i128,
    ),
    (&["slots"], "--minutes", 1, MAX_APPOINTMENT_MINUTES as i128),
    (
        &["slots", "--minutes", "30"],
        "--count",
        1,
        MAX_SLOTS as i128,
    ),
    (&["slots", "--minutes", "30"], "--days", 1, MAX_DAYS as i128),
    (&["agenda"], "--days", 1, MAX_DAYS as i128),
    (
        &["reminders", "outbox"],
        "--limit",
        1,
        MAX_OUTBOX_ROWS as i128,
    ),
    (
        &["agenda", "--keep-backups"],
        "",
        0,
        MAX_KEEP_BACKUPS as i128,
    ),
    (
        &["demo"],
        "--appointments",
        0,
        frontdesk::demo::MAX_APPOINTMENTS as i128,
    ),
    (&["demo"], "--seed", 0, u64::MAX as i128),
    (
        &["waitlist", "add", "--patient", "A"],
        "--minutes",
        1,
        MAX_APPOINTMENT_MINUTES as i128,
    ),
];

/// The value a parsed command holds for the flag at `index` of [`FLAGS`].
fn parsed_value(cli: &Cli, index: usize) -> i128 {
    match (&cli.command, index) {
        (Some(Command::Book(b)), 0) => b.minutes.map(i128::from).unwrap_or(-1),
        (Some(Command::Slots(s)), 1) => i128::from(s.minutes),
        (Some(Command::Slots(s)), 2) => s.count as i128,
        (Some(Command::Slots(s)), 3) => i128::from(s.days),
        (Some(Command::Agenda(a)), 4) => i128::from(a.days),
        (Some(Command::Reminders(r)), 5) => match &r.command {
            super::args::RemindersCommand::Outbox(o) => o.limit as i128,
            super::args::RemindersCommand::Send => -1,
        },
        (Some(Command::Agenda(_)), 6) => cli.keep_backups as i128,
        (Some(Command::Demo(d)), 7) => i128::from(d.appointments),
        (Some(Command::Demo(d)), 8) => i128::from(d.seed),
        (Some(Command::Waitlist(w)), 9) => match &w.command {
            waitlist::WaitlistCommand::Add(a) => a.minutes.map(i128::from).unwrap_or(-1),
            _ => -1,
        },
        _ => -1,
    }
}

/// A value as someone might type it: any number, any text, digits beyond every integer type.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i128>().prop_map(|n| n.to_string()),
        (-2_000i64..12_000).prop_map(|n| n.to_string()),
        "[+-]?[0-9]{0,40}",
        "[+-]?[0-9]{1,4}[.,eE_ ][0-9]{0,3}",
        any::<String>(),
    ]
}

/// A word of a random command line.
fn word() -> impl Strategy<Value = String> {
    let known = prop::sample::select(vec![
        "book",
        "slots",
        "agenda",
        "demo",
        "move",
        "status",
        "waitlist",
        "add",
        "reminders",
        "outbox",
        "report",
        "rooms",
        "--minutes",
        "--count",
        "--days",
        "--limit",
        "--keep-backups",
        "--as",
        "--start",
        "--date",
        "--from",
        "--repeat",
        "--patient",
        "--doctor",
        "--format",
        "--",
        "-",
        "=",
    ])
    .prop_map(str::to_owned);
    prop_oneof![3 => known, 1 => value()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn every_numeric_flag_holds_a_value_in_its_range_or_refuses_naming_the_flag(
        index in 0..FLAGS.len(),
        typed in value(),
        joined in any::<bool>(),
    ) {
        let (before, flag, least, most) = FLAGS[index];
        let mut argv: Vec<String> = vec!["frontdesk".into()];
        argv.extend(before.iter().map(|s| s.to_string()));
        let shown_flag = if flag.is_empty() { "--keep-backups" } else { flag };
        if flag.is_empty() {
            // The flag is the last word already (a global one, after its command).
            if joined {
                let last = argv.pop().unwrap_or_default();
                argv.push(format!("{last}={typed}"));
            } else {
                argv.push(typed.clone());
            }
        } else if joined {
            argv.push(format!("{flag}={typed}"));
        } else {
            argv.push(flag.into());
            argv.push(typed.clone());
        }
        match Cli::try_parse_from(&argv) {
            Ok(cli) => {
                let value = parsed_value(&cli, index);
                prop_assert!((least..=most).contains(&value), "{argv:?} gave {value}");
                prop_assert_eq!(Some(value), typed.trim().parse::<i128>().ok());
            }
            Err(e) => {
                let message = e.render().to_string();
                prop_assert!(e.exit_code() != 0);
                prop_assert!(!message.is_empty());
                if e.kind() == ErrorKind::ValueValidation {
                    prop_assert!(message.contains(shown_flag), "{message}");
                    prop_assert!(message.contains(&format!("give {least} to {most}")), "{message}");
                }
            }
        }
    }

    #[test]
    fn a_random_command_line_parses_or_is_refused_never_a_panic(
        words in prop::collection::vec(word(), 0..8),
    ) {
        let argv = std::iter::once("frontdesk".to_owned()).chain(words);
        match Cli::try_parse_from(argv) {
            Ok(cli) => {
                prop_assert!(cli.keep_backups <= MAX_KEEP_BACKUPS);
                if let Some(name) = &cli.actor {
                    prop_assert!(frontdesk::scheduling::staff::desk_name(name).is_ok());
                }
            }
            Err(e) => prop_assert!(!e.render().to_string().is_empty()),
        }
    }

    #[test]
    fn dates_and_times_as_typed_are_in_range_or_refused_naming_the_flag(
        text in prop_oneof![
            any::<String>(),
            "[+-]?[0-9]{0,7}-[0-9]{0,3}-[0-9]{0,3}([ T][0-9]{0,3}(:[0-9]{0,3}(:[0-9]{0,3})?)?)?",
        ],
    ) {
        match resolve::date("--date", &text) {
            Ok(date) => prop_assert!((FIRST_DATE..=LAST_DATE).contains(&date)),
            Err(e) => prop_assert!(e.to_string().starts_with("--date ")),
        }
        match resolve::wall_time("--start", &text) {
            Ok(wall) => {
                prop_assert!((FIRST_DATE..=LAST_DATE).contains(&wall.date()));
                prop_assert_eq!(chrono::Timelike::second(&wall), 0);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("--start ")),
        }
        if let Ok(wall) = resolve::date_or_wall_time("--from", &text) {
            prop_assert!((FIRST_DATE..=LAST_DATE).contains(&wall.date()));
        }
        if let Err(e) = resolve::now(Some(&text)) {
            prop_assert!(e.to_string().starts_with("--now "));
        }
    }

    #[test]
    fn waitlist_days_and_windows_read_or_say_what_to_write(
        days in prop_oneof![any::<String>(), "(mon|tue|wed|thu|fri|sat|sun|any|x)?([,-](mon|tue|wed|thu|fri|sat|sun|monday|x)?){0,4}"],
        times in prop_oneof![any::<String>(), "[0-9]{0,3}(:[0-9]{0,3}(:[0-9]{0,2})?)?[-–][0-9]{0,3}(:[0-9]{0,3})?"],
    ) {
        match waitlist::days(&days) {
            Ok(set) => prop_assert!(!set.is_empty()),
            Err(e) => prop_assert!(e.to_string().starts_with("--days")),
        }
        match waitlist::times(&times) {
            Ok(span) => prop_assert!(span.end_minute <= 24 * 60),
            Err(e) => prop_assert!(e.to_string().starts_with("--times")),
        }
    }
}

#[test]
fn the_grammar_is_consistent() {
    use clap::CommandFactory;
    Cli::command().debug_assert();
}
