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
//! - Tokens compare by their letter and number: `W-1`, `w-001` and `W-0001` are all walk-in
//!   number 1 ([`parse`]). We write one form only, the letter, a dash and at least three
//!   digits ([`token`]); the store holds no other.
//! - An import keeps a file's token only when it is written as we write it for the row's kind
//!   ([`canonical`]), is free that day, and is not beyond the day's queue: no higher than the
//!   number of tokens of its sequence the day will have issued once the file is in. Any other
//!   walk-in or emergency row, a row without a token included, gets a free number instead,
//!   and the import says so; a scheduled row takes no token. So a day's highest number never
//!   exceeds the tokens it has issued, and no file can use up a day ([`import_tokens`]).

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
        "" => what,
        token => crate::t!("core-queue-kind-token", what = what, token = token),
    })
}

/// A token as we write it: the letter, a dash and the number with at least three digits.
pub fn token(letter: char, number: u32) -> String {
    format!("{letter}-{number:03}")
}

/// The letter and number a token stands for: the letter `W` or `E` (in either case), a dash,
/// and a number from 1 to [`MAX_NUMBER`] in ASCII digits, leading zeros allowed (`"W-007"`,
/// `"w-7"` and `"W-0007"` all give `('W', 7)`); `None` for any other text, which counts in no
/// sequence. Tokens are compared by what this gives, never as text.
pub fn parse(token: &str) -> Option<(char, u32)> {
    let (head, digits) = token.trim().split_once('-')?;
    let letter = match head {
        "W" | "w" => 'W',
        "E" | "e" => 'E',
        _ => return None,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 4 {
        return None;
    }
    significant
        .parse()
        .ok()
        .filter(|n| (1..=MAX_NUMBER).contains(n))
        .map(|n| (letter, n))
}

/// The number of `text` when it is a token exactly as we write them for `kind` ([`token`]):
/// `W-007` for a walk-in, `E-012` for an emergency; `None` for any other form, the other
/// kind's letter, or a scheduled appointment (which holds no token).
pub fn canonical(kind: Kind, text: &str) -> Option<u32> {
    let own = letter(kind)?;
    let (l, n) = parse(text)?;
    (l == own && token(l, n) == text).then_some(n)
}

/// Why no token could be given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueueError {
    /// Scheduled appointments do not join the day's queue.
    #[error("{}", crate::t!("core-queue-not-queued"))]
    NotQueued,
    /// The day's sequence is used up.
    #[error(
        "{}",
        crate::t!("core-queue-full", what = what, day = day.to_string(), last = last)
    )]
    Full {
        /// "walk-in" or "emergency".
        what: String,
        /// The clinic-local day.
        day: NaiveDate,
        /// The last token there is.
        last: String,
    },
}

/// "walk-in" or "emergency", in the desk's language.
fn what(letter: char) -> String {
    if letter == 'E' {
        crate::t!("core-queue-emergency")
    } else {
        crate::t!("core-queue-walk-in")
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

/// Why an import gives a walk-in or emergency another token than the file's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reissue {
    /// The file gives the row no token.
    Missing,
    /// The file's token is not written as we write this kind's tokens (`W-1`, `w-001`,
    /// `W-0001`, other digits or letters, the other kind's letter).
    NotOurs,
    /// Its number was already given that day, or to an earlier row of the file.
    Taken,
    /// Its number is beyond the day's queue: higher than the tokens of its sequence the day
    /// will have issued with the file's rows (`tokens`).
    Beyond {
        /// The tokens of the sequence the day will have issued, the file's included.
        tokens: u32,
    },
}

/// What an import does with a row's queue token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportedToken {
    /// The row keeps the file's token: a walk-in's or emergency's, free and within the day's
    /// queue; or none, for a scheduled appointment without one.
    Keep(String),
    /// A walk-in or emergency gets a free number of its kind's sequence instead of the file's
    /// token.
    Replaced {
        /// The token the file gave (empty when it gave none).
        file: String,
        /// The token the row gets.
        token: String,
        /// Why the file's token was not kept.
        why: Reissue,
    },
    /// A scheduled appointment takes no token: it is imported without the file's.
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

    /// What the import tells staff, when the file's token could not be kept (a row the file
    /// gave no token gets one as at the desk, without a word).
    pub fn notice(&self, day: NaiveDate) -> Option<String> {
        match self {
            ImportedToken::Keep(_) => None,
            ImportedToken::Replaced { file, token, why } => {
                let own = parse(token).map_or('W', |(l, _)| l);
                let shown_file = shown(file);
                Some(match why {
                    // Nothing the file said is set aside: the row gets a token as at the desk.
                    Reissue::Missing => return None,
                    Reissue::NotOurs => match parse(file) {
                        Some((l, _)) if l != own => crate::t!(
                            "core-queue-token-other-kind",
                            file = shown_file,
                            file_kind = what(l),
                            row_kind = what(own),
                            token = token,
                        ),
                        _ => crate::t!(
                            "core-queue-token-not-ours",
                            file = shown_file,
                            what = what(own),
                            letter = own.to_string(),
                            example = self::token(own, 1),
                            token = token,
                        ),
                    },
                    Reissue::Taken => crate::t!(
                        "core-queue-token-taken",
                        file = shown_file,
                        day = day.to_string(),
                        token = token,
                    ),
                    Reissue::Beyond { tokens } => crate::t!(
                        "core-queue-token-beyond",
                        file = shown_file,
                        what = what(own),
                        day = day.to_string(),
                        tokens = *tokens,
                        token = token,
                    ),
                })
            }
            ImportedToken::Dropped { file } => {
                Some(crate::t!("core-queue-token-dropped", file = shown(file)))
            }
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

/// Why a file's token cannot be read at all (control characters, longer than
/// [`MAX_TOKEN_CHARS`]): most likely a column out of place, so the row is bad.
fn unusable(file: &str) -> Option<String> {
    (file.chars().count() > MAX_TOKEN_CHARS || file.chars().any(char::is_control)).then(|| {
        crate::t!(
            "core-queue-token-unusable",
            file = shown(file),
            max = MAX_TOKEN_CHARS.to_string()
        )
    })
}

/// One sequence of a day, as an import fills it.
#[derive(Debug, Default)]
struct Filling {
    /// Every number given that day, before the import and by it.
    taken: std::collections::BTreeSet<u32>,
    /// The highest number it may keep from the file: the tokens the day will have issued.
    bound: u32,
    /// Numbers given by the import are above this one (the day's highest before the import,
    /// then the last one given).
    cursor: u32,
}

impl Filling {
    /// The lowest free number above the cursor. The cursor only moves up, past numbers that
    /// stay taken, so one import looks at each number once, however many rows it has.
    fn give(&mut self, letter: char, day: NaiveDate) -> Result<u32, QueueError> {
        loop {
            let n = self
                .cursor
                .checked_add(1)
                .filter(|n| *n <= MAX_NUMBER)
                .ok_or_else(|| QueueError::Full {
                    what: what(letter),
                    day,
                    last: token(letter, MAX_NUMBER),
                })?;
            self.cursor = n;
            if self.taken.insert(n) {
                return Ok(n);
            }
        }
    }
}

/// The tokens an import gives its rows on clinic-local `day`. `issued` is every token the day
/// issued before the import (moved and cancelled ones included), `rows` the file's rows of that
/// day in file order: the row's kind and the file's token. One answer per row, in order: the
/// token the row is stored with and why, or why the row is bad (a token with control
/// characters or longer than [`MAX_TOKEN_CHARS`], or a day whose sequence is used up).
///
/// First every walk-in or emergency row whose token is [`canonical`] for its kind, free, and
/// no higher than the tokens its sequence will have issued (the day's before the import and
/// the file's rows of that sequence) keeps it; of two rows with one number, the first. Then
/// each other walk-in or emergency row, in order, gets the lowest number of its kind's
/// sequence above the day's highest before the import that no one holds. A scheduled row
/// keeps no token. So when a day's highest number was no higher than the tokens it had
/// issued, it stays so, whatever the file says.
pub fn import_tokens<'a>(
    day: NaiveDate,
    issued: impl IntoIterator<Item = &'a str>,
    rows: &[(Kind, &str)],
) -> Vec<Result<ImportedToken, String>> {
    let mut walk_ins = Filling::default();
    let mut emergencies = Filling::default();
    for (l, n) in issued.into_iter().filter_map(parse) {
        let s = if l == 'E' {
            &mut emergencies
        } else {
            &mut walk_ins
        };
        s.taken.insert(n);
    }
    for s in [&mut walk_ins, &mut emergencies] {
        s.cursor = s.taken.last().copied().unwrap_or(0);
        s.bound = u32::try_from(s.taken.len()).unwrap_or(u32::MAX);
    }
    let mut out: Vec<Option<Result<ImportedToken, String>>> = Vec::with_capacity(rows.len());
    for &(kind, file) in rows {
        let file = file.trim();
        out.push(match (unusable(file), letter(kind)) {
            (Some(bad), _) => Some(Err(bad)),
            (None, None) if file.is_empty() => Some(Ok(ImportedToken::Keep(String::new()))),
            (None, None) => Some(Ok(ImportedToken::Dropped {
                file: file.to_owned(),
            })),
            (None, Some(l)) => {
                let s = if l == 'E' {
                    &mut emergencies
                } else {
                    &mut walk_ins
                };
                s.bound = s.bound.saturating_add(1);
                None
            }
        });
    }
    // Pass 1: the tokens kept as the file gives them.
    for (decided, &(kind, file)) in out.iter_mut().zip(rows) {
        let Some(l) = letter(kind).filter(|_| decided.is_none()) else {
            continue;
        };
        let s = if l == 'E' {
            &mut emergencies
        } else {
            &mut walk_ins
        };
        let file = file.trim();
        if let Some(n) = canonical(kind, file)
            && n <= s.bound
            && s.taken.insert(n)
        {
            *decided = Some(Ok(ImportedToken::Keep(file.to_owned())));
        }
    }
    // Pass 2: the others get free numbers.
    out.into_iter()
        .zip(rows)
        .map(|(decided, &(kind, file))| {
            if let Some(decided) = decided {
                return decided;
            }
            let l = letter(kind).unwrap_or('W');
            let s = if l == 'E' {
                &mut emergencies
            } else {
                &mut walk_ins
            };
            let file = file.trim();
            let why = match canonical(kind, file) {
                _ if file.is_empty() => Reissue::Missing,
                None => Reissue::NotOurs,
                Some(n) if n > s.bound => Reissue::Beyond { tokens: s.bound },
                Some(_) => Reissue::Taken,
            };
            let n = s.give(l, day).map_err(|e| e.to_string())?;
            Ok(ImportedToken::Replaced {
                file: file.to_owned(),
                token: token(l, n),
                why,
            })
        })
        .collect()
}

/// Migration 9's rule for the later of two appointments that held one token on one day: the
/// next token of that token's sequence (of the kind's, for a token of another form); `None`
/// for a scheduled appointment, or when the day's sequence is used up.
pub fn reissued_duplicate<'a>(
    kind: Kind,
    day: NaiveDate,
    held: &str,
    issued: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let own = letter(kind)?;
    let sequence = parse(held).map_or(own, |(l, _)| l);
    next_of(sequence, day, issued).ok()
}

/// Why a walk-in or emergency cannot be booked for that day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{}",
    crate::t!(
        "core-queue-not-today",
        what = what,
        today = today.to_string(),
        day = day.to_string(),
    )
)]
pub struct NotToday {
    /// "walk-in" or "emergency".
    pub what: String,
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
    "{}",
    crate::t!(
        "core-queue-not-its-day",
        today = today.to_string(),
        day = day.to_string(),
        what = what,
    )
)]
pub struct NotItsDay {
    /// The appointment's clinic-local day.
    pub day: NaiveDate,
    /// Today in the clinic's zone.
    pub today: NaiveDate,
    /// What to do instead.
    pub what: String,
}

/// Whether a patient whose appointment starts on clinic-local `day` may check in `today`: only
/// on that day, so an arrival always belongs to its day's queue.
pub fn check_check_in(day: NaiveDate, today: NaiveDate) -> Result<(), NotItsDay> {
    let what = match day.cmp(&today) {
        std::cmp::Ordering::Equal => return Ok(()),
        std::cmp::Ordering::Greater => crate::t!("core-queue-check-in-later-day"),
        std::cmp::Ordering::Less => crate::t!("core-queue-check-in-day-over"),
    };
    Err(NotItsDay { day, today, what })
}

/// Why a move was refused: the patient is in a day's queue and stays on that day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{}",
    crate::t!(
        "core-queue-stays-on-its-day",
        to = to.to_string(),
        who = who,
        from = from.to_string(),
    )
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
        Kind::WalkIn => crate::t!("core-queue-this-walk-in"),
        Kind::Emergency => crate::t!("core-queue-this-emergency"),
        Kind::Scheduled => crate::t!("core-queue-this-patient"),
    };
    let token = shown(&appointment.queue_token);
    let arrived = appointment.status == Status::CheckedIn;
    let who = match (arrived, token.is_empty()) {
        (true, false) => crate::t!("core-queue-who-arrived-token", kind = kind, token = token),
        (true, true) => crate::t!("core-queue-who-arrived", kind = kind),
        (false, false) => crate::t!("core-queue-who-token", kind = kind, token = token),
        (false, true) => crate::t!("core-queue-who-queued", kind = kind),
    };
    Err(StaysOnItsDay { from, to, who })
}
