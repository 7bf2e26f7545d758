//! The day's queue: walk-in and emergency tokens ("W-007", "E-002") and what may happen to a
//! patient who is in a day's queue.
//!
//! The rules:
//! - A token belongs to one clinic-local day and one sequence: `W` for walk-ins, `E` for
//!   emergencies. The next token of a sequence is one more than the highest that sequence ever
//!   issued that day, so a token is never given twice in a day, whatever was moved or cancelled
//!   since (the store keeps every token it issued, and the highest one counts even when its
//!   appointment is gone from the day).
//! - A patient in a day's queue (arrived, or a walk-in or emergency) stays on that day: a move
//!   within the day keeps the token, the status and the arrival time; a move to another day is
//!   refused with what to do instead (book the other day, cancel this one). Nothing about the
//!   queue changes silently, and the day's record of who came stays true.
//! - A walk-in or emergency joins today's queue: it arrives now, so it starts today (clinic
//!   time), never on another day; and a booked patient checks in on the day of the
//!   appointment only.
//! - A token from a file is kept when it is free that day; a taken one is replaced by the next
//!   token of its sequence (or dropped, for a row that takes no token), and the import says so.

use chrono::NaiveDate;

use super::model::{Appointment, Kind};
use super::status::Status;

/// The highest number a sequence reaches in one day ("W-9999").
pub const MAX_NUMBER: u32 = 9999;

/// The longest token kept from a file, in characters.
pub const MAX_TOKEN_CHARS: usize = 16;

/// The letter that starts a kind's tokens: `W` for walk-ins, `E` for emergencies; scheduled
/// appointments hold no token.
pub fn letter(kind: Kind) -> Option<char> {
    match kind {
        Kind::WalkIn => Some('W'),
        Kind::Emergency => Some('E'),
        Kind::Scheduled => None,
    }
}

/// How a walk-in or emergency is named on sheets and lists: "walk-in W-003", "emergency E-001",
/// or the kind alone when it holds no token; `None` for a scheduled appointment.
pub fn describe(kind: Kind, token: &str) -> Option<String> {
    let what = what(letter(kind)?);
    Some(match token.trim() {
        "" => what.to_owned(),
        token => format!("{what} {token}"),
    })
}

/// A token as we write it: the letter, a dash and the number with at least three digits.
pub fn token(letter: char, number: u32) -> String {
    format!("{letter}-{number:03}")
}

/// The letter and number of a token of ours (`"W-007"` gives `('W', 7)`, numbers 1 to
/// [`MAX_NUMBER`]); `None` for any other text, which still takes its place in the day but
/// counts in no sequence.
pub fn parse(token: &str) -> Option<(char, u32)> {
    let (head, digits) = token.split_once('-')?;
    let letter = match head {
        "W" => 'W',
        "E" => 'E',
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse()
        .ok()
        .filter(|n| (1..=MAX_NUMBER).contains(n))
        .map(|n| (letter, n))
}

/// Why no token could be given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueueError {
    /// Scheduled appointments do not join the day's queue.
    #[error(
        "a scheduled appointment gets no queue token: only walk-ins and emergencies join the day's queue"
    )]
    NotQueued,
    /// The day's sequence is used up.
    #[error(
        "the {what} queue of {day} has reached {last}, the last token a day can give: book the patient as a scheduled appointment"
    )]
    Full {
        /// "walk-in" or "emergency".
        what: &'static str,
        /// The clinic-local day.
        day: NaiveDate,
        /// The last token there is.
        last: String,
    },
}

fn what(letter: char) -> &'static str {
    if letter == 'E' {
        "emergency"
    } else {
        "walk-in"
    }
}

/// The next token of the sequence `letter` on `day`, given every token issued that day.
fn next_of<'a>(
    letter: char,
    day: NaiveDate,
    issued: impl IntoIterator<Item = &'a str>,
) -> Result<String, QueueError> {
    let highest = issued
        .into_iter()
        .filter_map(parse)
        .filter(|(l, _)| *l == letter)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0);
    match highest.checked_add(1).filter(|n| *n <= MAX_NUMBER) {
        Some(n) => Ok(token(letter, n)),
        None => Err(QueueError::Full {
            what: what(letter),
            day,
            last: token(letter, MAX_NUMBER),
        }),
    }
}

/// The next token for a new walk-in or emergency on clinic-local `day`, given every token
/// issued that day (`issued`, in any order, moved and cancelled ones included): one more than
/// the highest of its sequence, `W-001` or `E-001` for the first.
pub fn next_token<'a>(
    kind: Kind,
    day: NaiveDate,
    issued: impl IntoIterator<Item = &'a str>,
) -> Result<String, QueueError> {
    let letter = letter(kind).ok_or(QueueError::NotQueued)?;
    next_of(letter, day, issued)
}

/// What an import does with a row's queue token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportedToken {
    /// The row keeps its token (which may be none): it is free that day.
    Keep(String),
    /// The file's token was already given that day: the row gets the next one of its sequence.
    Replaced {
        /// The token the file gave.
        file: String,
        /// The token the row gets.
        token: String,
    },
    /// The file's token was already given that day and the row takes no token (a scheduled
    /// appointment): it is imported without one.
    Dropped {
        /// The token the file gave.
        file: String,
    },
}

impl ImportedToken {
    /// The token the row is stored with.
    pub fn token(&self) -> &str {
        match self {
            ImportedToken::Keep(t) | ImportedToken::Replaced { token: t, .. } => t,
            ImportedToken::Dropped { .. } => "",
        }
    }

    /// What the import tells staff, when the file's token could not be kept.
    pub fn notice(&self, day: NaiveDate) -> Option<String> {
        match self {
            ImportedToken::Keep(_) => None,
            ImportedToken::Replaced { file, token } => Some(format!(
                "queue token {file} was already given on {day}: this patient gets {token} instead"
            )),
            ImportedToken::Dropped { file } => Some(format!(
                "queue token {file} was already given on {day}, and a scheduled appointment takes none: imported without a token"
            )),
        }
    }
}

/// Text shown in a message: at most 20 characters, control characters escaped.
fn shown(text: &str) -> String {
    let mut out: String = text.chars().take(20).flat_map(char::escape_debug).collect();
    if text.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// The token an imported row of `kind` on clinic-local `day` is stored with, given the file's
/// token and every token already issued that day; an unusable token (control characters,
/// longer than [`MAX_TOKEN_CHARS`]) is a bad row, with what to write instead.
pub fn imported_token<'a, I>(
    kind: Kind,
    day: NaiveDate,
    file_token: &str,
    issued: I,
) -> Result<ImportedToken, String>
where
    I: IntoIterator<Item = &'a str> + Clone,
{
    let file = file_token.trim();
    if file.is_empty() {
        return Ok(ImportedToken::Keep(String::new()));
    }
    if file.chars().count() > MAX_TOKEN_CHARS || file.chars().any(char::is_control) {
        return Err(format!(
            "queue_token \"{}\" is not a queue token: write at most {MAX_TOKEN_CHARS} characters without line breaks or control characters (such as W-007), or leave it empty",
            shown(file)
        ));
    }
    if !issued.clone().into_iter().any(|t| t == file) {
        return Ok(ImportedToken::Keep(file.to_owned()));
    }
    // A walk-in or emergency keeps the file's sequence if it is one of ours, else takes its
    // kind's; a scheduled appointment gets no new token.
    let sequence = letter(kind).map(|own| parse(file).map_or(own, |(l, _)| l));
    match sequence {
        Some(l) => match next_of(l, day, issued) {
            Ok(token) => Ok(ImportedToken::Replaced {
                file: file.to_owned(),
                token,
            }),
            Err(e) => Err(e.to_string()),
        },
        None => Ok(ImportedToken::Dropped {
            file: file.to_owned(),
        }),
    }
}

/// Why a walk-in or emergency cannot be booked for that day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "a {what} arrives now and joins today's queue, so it starts today ({today}, clinic time), not on {day}: to see the patient on {day}, book a scheduled appointment"
)]
pub struct NotToday {
    /// "walk-in" or "emergency".
    pub what: &'static str,
    /// Today in the clinic's zone.
    pub today: NaiveDate,
    /// The day asked for.
    pub day: NaiveDate,
}

/// Whether a new appointment of `kind` may start on clinic-local `day` when it is `today`
/// there: a walk-in or an emergency only today; a scheduled appointment on any day (its own
/// rules say which).
pub fn check_arrival_day(kind: Kind, day: NaiveDate, today: NaiveDate) -> Result<(), NotToday> {
    match letter(kind) {
        Some(l) if day != today => Err(NotToday {
            what: what(l),
            today,
            day,
        }),
        _ => Ok(()),
    }
}

/// Why a patient cannot be checked in now.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot check in on {today}: the appointment is on {day}, and a patient arrives on the day of their appointment ({what})"
)]
pub struct NotItsDay {
    /// The appointment's clinic-local day.
    pub day: NaiveDate,
    /// Today in the clinic's zone.
    pub today: NaiveDate,
    /// What to do instead.
    pub what: &'static str,
}

/// Whether a patient whose appointment starts on clinic-local `day` may check in `today`: only
/// on that day, so an arrival always belongs to its day's queue.
pub fn check_check_in(day: NaiveDate, today: NaiveDate) -> Result<(), NotItsDay> {
    let what = match day.cmp(&today) {
        std::cmp::Ordering::Equal => return Ok(()),
        std::cmp::Ordering::Greater => {
            "to see them today, move the appointment to today first, or add them as a walk-in"
        }
        std::cmp::Ordering::Less => {
            "that day is over: mark it no-show, and book them again or add them as a walk-in"
        }
    };
    Err(NotItsDay { day, today, what })
}

/// Why a move was refused: the patient is in a day's queue and stays on that day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot move to {to}: {who} on {from}, and a patient in a day's queue stays on that day (a move within {from} keeps the token and the arrival as they are). To see them on {to}, book a new appointment then and cancel this one (reason: \"rebooked for {to}\")"
)]
pub struct StaysOnItsDay {
    /// The day whose queue the patient is in.
    pub from: NaiveDate,
    /// The day asked for.
    pub to: NaiveDate,
    /// Who the appointment is, in the queue's words ("this walk-in holds queue token W-003").
    pub who: String,
}

/// True when the appointment is in its day's queue: the patient has arrived, or it is a
/// walk-in or an emergency, or it holds a token.
pub fn in_queue(appointment: &Appointment) -> bool {
    appointment.status == Status::CheckedIn
        || letter(appointment.kind).is_some()
        || !appointment.queue_token.is_empty()
}

/// Whether `appointment`, which starts on clinic-local day `from`, may move to start on day
/// `to`: always within its day; to another day only when it is not in its day's queue.
pub fn check_move(
    appointment: &Appointment,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(), StaysOnItsDay> {
    if from == to || !in_queue(appointment) {
        return Ok(());
    }
    let kind = match appointment.kind {
        Kind::WalkIn => "this walk-in",
        Kind::Emergency => "this emergency",
        Kind::Scheduled => "this patient",
    };
    let token = shown(&appointment.queue_token);
    let arrived = appointment.status == Status::CheckedIn;
    let who = match (arrived, token.is_empty()) {
        (true, false) => format!("{kind} has arrived and holds queue token {token}"),
        (true, true) => format!("{kind} has arrived (checked in)"),
        (false, false) => format!("{kind} holds queue token {token}"),
        (false, true) => format!("{kind} belongs to the queue"),
    };
    Err(StaysOnItsDay { from, to, who })
}
