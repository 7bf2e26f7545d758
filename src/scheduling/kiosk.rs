//! Self check-in at a kiosk (issue 17), decided here: what a patient types to find their
//! appointment (their phone number, and their birth date or the six-digit code their reminder
//! gives), when the clinic lets them check in themselves (from its minutes before the booked
//! time to its minutes after; otherwise the desk), and how many wrong tries a kiosk takes
//! before it sends people to the desk for a while. A kiosk never says whether a phone number
//! is known: a wrong number and a wrong birth date get the same answer. "Now" is passed in.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sha2::{Digest, Sha256};

use super::model::AppointmentId;
use super::waiting_room::WaitingRoomRules;

/// The fewest digits a phone number is looked up by.
pub const PHONE_DIGITS_MIN: usize = 7;
/// The most digits a phone number has (E.164: 15).
pub const PHONE_DIGITS_MAX: usize = 15;

/// Wrong tries a kiosk takes within [`TRIES_WINDOW`] before it sends people to the desk.
pub const TRIES_ALLOWED: usize = 5;
/// The window the wrong tries are counted in, and how long the kiosk then refuses.
pub const TRIES_WINDOW: Duration = Duration::minutes(10);

/// The six-digit check-in code of an appointment, as its reminder gives it (`{code}`): a keyed
/// digest of the appointment's id under the database's own `secret` (made once, never shown
/// or exported), so an id seen in an export, a calendar file or the command line's output does
/// not give the code.
pub fn check_in_code(secret: &str, id: AppointmentId) -> String {
    let mut hasher = Sha256::new();
    hasher.update(secret.as_bytes());
    hasher.update(id.0.as_bytes());
    let digest = hasher.finalize();
    let n = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]) % 1_000_000;
    format!("{n:06}")
}

/// The digits of a typed phone number, when it has enough of them to look up by.
pub fn phone_digits(typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    (PHONE_DIGITS_MIN..=PHONE_DIGITS_MAX)
        .contains(&digits.chars().count())
        .then_some(digits)
}

/// The last ten digits, as the store's `phone_tail` keeps them.
pub fn phone_tail(digits: &str) -> &str {
    &digits[digits.len().saturating_sub(10)..]
}

/// How a patient proves the appointment is theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// Their birth date.
    BirthDate(NaiveDate),
    /// The six-digit code from their reminder.
    Code(String),
}

/// Reads a birth date typed on the keypad as eight digits, day first (`24031985`), the way it
/// is written on forms in most of the world; `None` when it is no date.
pub fn birth_date(typed: &str) -> Option<NaiveDate> {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 8 {
        return None;
    }
    let (day, month, year) = (&digits[0..2], &digits[2..4], &digits[4..8]);
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Whether a patient may check in themselves now for an appointment starting at `start`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Window {
    /// Yes.
    Open,
    /// Too early: from this time on.
    TooEarly(DateTime<Utc>),
    /// Too late: the desk sees to it.
    TooLate,
}

/// The clinic's window for self check-in around `start`, at `now`.
pub fn window(start: DateTime<Utc>, rules: &WaitingRoomRules, now: DateTime<Utc>) -> Window {
    let opens = start - Duration::minutes(i64::from(rules.kiosk_early_minutes));
    let closes = start + Duration::minutes(i64::from(rules.kiosk_late_minutes));
    if now < opens {
        Window::TooEarly(opens)
    } else if now > closes {
        Window::TooLate
    } else {
        Window::Open
    }
}

/// A kiosk's count of wrong tries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tries {
    wrong: Vec<DateTime<Utc>>,
}

impl Tries {
    /// Until when the kiosk refuses, if it does at `now`: [`TRIES_ALLOWED`] wrong tries within
    /// [`TRIES_WINDOW`] close it for [`TRIES_WINDOW`] after the last.
    pub fn closed_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let recent: Vec<&DateTime<Utc>> = self
            .wrong
            .iter()
            .filter(|at| now - **at < TRIES_WINDOW)
            .collect();
        if recent.len() >= TRIES_ALLOWED {
            recent.last().map(|last| **last + TRIES_WINDOW)
        } else {
            None
        }
    }

    /// Counts a wrong try at `now` (the old ones are forgotten).
    pub fn wrong(&mut self, now: DateTime<Utc>) {
        self.wrong.retain(|at| now - *at < TRIES_WINDOW);
        self.wrong.push(now);
    }
}
