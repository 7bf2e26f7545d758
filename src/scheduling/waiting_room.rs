//! The waiting room's rules and what the queue board shows (issue 17), decided here and nowhere
//! else: a clinic's rules ([`WaitingRoomRules`]: call order, how many calls before a no-show,
//! how long a wait is too long, what the board shows, the kiosk's window), who has waited too
//! long ([`overdue`]), and the board itself ([`board`]), built so that it can only hold what a
//! waiting room may see: a token or the patient's initials, never a full name, phone number or
//! reason. "Now" is passed in.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use unicode_segmentation::UnicodeSegmentation;

use super::call_order::{self, CallOrder};
use super::model::{Appointment, AppointmentId, DoctorId, Kind, Mode};
use super::status::Status;

/// What the board and the announcement name a called patient by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BoardShows {
    /// Only the token (walk-ins, emergencies) or the booked time: the default, nothing personal.
    #[default]
    Token,
    /// The token and the patient's initials ("W-007 · A. K.").
    Initials,
}

impl BoardShows {
    /// Both choices.
    pub const ALL: [BoardShows; 2] = [BoardShows::Token, BoardShows::Initials];

    /// Stable text used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            BoardShows::Token => "token",
            BoardShows::Initials => "initials",
        }
    }

    /// Parses [`BoardShows::as_str`].
    pub fn parse(text: &str) -> Option<BoardShows> {
        BoardShows::ALL.into_iter().find(|b| b.as_str() == text)
    }
}

/// The fewest and most calls before "not here" makes a patient a no-show.
pub const CALL_LIMITS: (u32, u32) = (1, 9);
/// The shortest and longest waiting thresholds, in minutes.
pub const WAIT_LIMITS: (u32, u32) = (1, 600);
/// The most minutes a kiosk may accept an arrival before or after the booked time.
pub const KIOSK_WINDOW_MAX: u32 = 720;

/// A clinic's rules for its waiting room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaitingRoomRules {
    /// Who is called first.
    pub call_order: CallOrder,
    /// "Not here" after this many calls makes the patient a no-show.
    pub call_limit: u32,
    /// A patient waiting longer than this (minutes) is marked on the Today panel.
    pub wait_minutes: u32,
    /// The same for emergencies.
    pub emergency_wait_minutes: u32,
    /// What the board names a patient by.
    pub board_shows: BoardShows,
    /// Whether the board chimes and speaks each call.
    pub announce: bool,
    /// How many minutes before the booked time the kiosk accepts an arrival.
    pub kiosk_early_minutes: u32,
    /// How many minutes after the booked time the kiosk still accepts one.
    pub kiosk_late_minutes: u32,
}

impl Default for WaitingRoomRules {
    fn default() -> Self {
        WaitingRoomRules {
            call_order: CallOrder::default(),
            call_limit: 3,
            wait_minutes: 20,
            emergency_wait_minutes: 10,
            board_shows: BoardShows::Token,
            announce: true,
            kiosk_early_minutes: 60,
            kiosk_late_minutes: 15,
        }
    }
}

/// A rule that cannot be kept, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    /// A number out of its range.
    #[error(
        "{}",
        crate::t!("core-waiting-rule-range", what = what.clone(), low = low.to_string(),
            high = high.to_string(), given = given.to_string())
    )]
    OutOfRange {
        /// Which rule, in words.
        what: String,
        /// The least allowed.
        low: u32,
        /// The most allowed.
        high: u32,
        /// What was given.
        given: u32,
    },
}

impl WaitingRoomRules {
    /// Checks every number against its range; the first one out names itself.
    pub fn check(&self) -> Result<(), RulesError> {
        let ranges = [
            (
                crate::t!("core-waiting-rule-call-limit"),
                self.call_limit,
                CALL_LIMITS,
            ),
            (
                crate::t!("core-waiting-rule-wait"),
                self.wait_minutes,
                WAIT_LIMITS,
            ),
            (
                crate::t!("core-waiting-rule-emergency-wait"),
                self.emergency_wait_minutes,
                WAIT_LIMITS,
            ),
            (
                crate::t!("core-waiting-rule-kiosk-early"),
                self.kiosk_early_minutes,
                (0, KIOSK_WINDOW_MAX),
            ),
            (
                crate::t!("core-waiting-rule-kiosk-late"),
                self.kiosk_late_minutes,
                (0, KIOSK_WINDOW_MAX),
            ),
        ];
        for (what, given, (low, high)) in ranges {
            if !(low..=high).contains(&given) {
                return Err(RulesError::OutOfRange {
                    what,
                    low,
                    high,
                    given,
                });
            }
        }
        Ok(())
    }

    /// The waiting threshold of an appointment of this kind, in minutes.
    pub fn threshold(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Emergency => self.emergency_wait_minutes,
            Kind::Scheduled | Kind::WalkIn => self.wait_minutes,
        }
    }
}

/// Minutes a patient in the waiting room has waited since arriving, at `now`.
pub fn waited_minutes(appointment: &Appointment, now: DateTime<Utc>) -> i64 {
    let since = appointment.arrived_at.unwrap_or(appointment.interval.start);
    (now - since).num_minutes().max(0)
}

/// Minutes over the clinic's threshold a waiting patient (arrived or called) is at `now`, or
/// `None` when they are not waiting or not over it.
pub fn overdue(
    appointment: &Appointment,
    rules: &WaitingRoomRules,
    now: DateTime<Utc>,
) -> Option<i64> {
    if !appointment.status.is_waiting() {
        return None;
    }
    let over = waited_minutes(appointment, now) - i64::from(rules.threshold(appointment.kind));
    (over > 0).then_some(over)
}

/// A patient's initials as a board shows them: the first letter (grapheme) of each of the
/// first three words of the name, upper-cased where the script has case ("A. K.", "अ. श.").
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| {
            word.graphemes(true)
                .find(|g| g.chars().any(char::is_alphanumeric))
        })
        .take(3)
        .map(|g| format!("{}.", g.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a waiting room may know of one waiting patient: no name, phone or reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardTicket {
    /// The token ("W-007"), or the booked time for an appointment ("10:30").
    pub token: String,
    /// The initials, only when the clinic chose to show them.
    pub initials: Option<String>,
    /// An emergency (shown first, marked).
    pub emergency: bool,
}

impl BoardTicket {
    /// What the board writes: "W-007", or "W-007 · A. K." with initials.
    pub fn text(&self) -> String {
        match &self.initials {
            Some(i) if !i.is_empty() => format!("{} · {i}", self.token),
            _ => self.token.clone(),
        }
    }

    /// What the announcement says: "token W 7" or "the 10:30 appointment", in the desk's
    /// language (the board runs in the clinic's).
    pub fn spoken(&self) -> String {
        match super::queue::parse(&self.token) {
            Some((letter, number)) => crate::t!(
                "core-board-say-token",
                letter = letter.to_string(),
                number = number.to_string()
            ),
            None => crate::t!("core-board-say-appointment", time = self.token.clone()),
        }
    }
}

/// One call on the board's "now calling".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardCall {
    /// Who.
    pub ticket: BoardTicket,
    /// Where to go: the room, else the doctor.
    pub to: String,
    /// When the last call was made.
    pub at: DateTime<Utc>,
    /// How many times they were called.
    pub calls: u32,
    /// The appointment (to tell a new call from one already announced; never shown).
    pub appointment: AppointmentId,
}

impl BoardCall {
    /// The announcement: "Token W 7, Room 3", in the desk's language.
    pub fn announcement(&self) -> String {
        crate::t!(
            "core-board-announcement",
            who = self.ticket.spoken(),
            to = self.to.clone()
        )
    }
}

/// One doctor's waiting line on the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardLine {
    /// The doctor's name, as the clinic wrote it.
    pub doctor: String,
    /// Who waits, first called first, each with the estimated minutes until called.
    pub waiting: Vec<(BoardTicket, i64)>,
}

/// Everything the board shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    /// The clinic's name, as it wrote it.
    pub clinic_name: String,
    /// The clinic's time zone (the board's clock).
    pub zone: Tz,
    /// The clinic's language: the board is written and spoken in it.
    pub language: crate::i18n::Language,
    /// Whether the board chimes and speaks each call.
    pub announce: bool,
    /// Who is called now, latest call first.
    pub calling: Vec<BoardCall>,
    /// Each doctor's waiting line (doctors with someone waiting to be called), by name.
    pub lines: Vec<BoardLine>,
}

/// One waiting appointment with what the board needs besides it.
#[derive(Clone, Debug)]
pub struct Waiting<'a> {
    /// The appointment (arrived or called, today).
    pub appointment: &'a Appointment,
    /// The patient's name: read only to make initials, when the clinic shows them.
    pub patient_name: &'a str,
    /// The doctor's name.
    pub doctor_name: &'a str,
    /// The room's name, if it has a room.
    pub room_name: Option<&'a str>,
    /// Calls so far and the last one, if called.
    pub last_call: Option<(u32, DateTime<Utc>)>,
}

/// How many of the latest calls "now calling" shows.
pub const CALLING_SHOWN: usize = 4;

/// The board of the waiting patients `waiting` at `now`, by the clinic's `rules`, with booked
/// times written in `zone`; only patients who come to the clinic (not by phone or video). A patient's estimated wait adds up the booked minutes of everyone
/// ahead of them for the same doctor: those called and on their way, then those before them in
/// the call order. (A consultation under way is not counted: the board does not know when it
/// ends.)
pub fn board(
    waiting: &[Waiting<'_>],
    rules: &WaitingRoomRules,
    zone: Tz,
    now: DateTime<Utc>,
) -> Board {
    // Phone and video patients are not in the waiting room: the board neither shows nor
    // counts them.
    let in_clinic: Vec<Waiting<'_>> = waiting
        .iter()
        .filter(|w| w.appointment.mode == Mode::InClinic)
        .cloned()
        .collect();
    let waiting = in_clinic.as_slice();
    let ticket = |w: &Waiting<'_>| BoardTicket {
        token: if w.appointment.queue_token.is_empty() {
            w.appointment
                .interval
                .start
                .with_timezone(&zone)
                .format("%H:%M")
                .to_string()
        } else {
            w.appointment.queue_token.clone()
        },
        initials: (rules.board_shows == BoardShows::Initials).then(|| initials(w.patient_name)),
        emergency: w.appointment.kind == Kind::Emergency,
    };
    let mut calling: Vec<BoardCall> = waiting
        .iter()
        .filter(|w| w.appointment.status == Status::Called)
        .filter_map(|w| {
            let (calls, at) = w.last_call?;
            Some(BoardCall {
                ticket: ticket(w),
                to: w.room_name.unwrap_or(w.doctor_name).to_owned(),
                at,
                calls,
                appointment: w.appointment.id,
            })
        })
        .collect();
    calling.sort_by_key(|c| (std::cmp::Reverse(c.at), c.appointment));
    calling.truncate(CALLING_SHOWN);

    let mut doctors: Vec<(DoctorId, &str)> = waiting
        .iter()
        .map(|w| (w.appointment.doctor, w.doctor_name))
        .collect();
    doctors.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    doctors.dedup_by_key(|d| d.0);
    let lines = doctors
        .into_iter()
        .map(|(doctor, name)| {
            let theirs: Vec<Appointment> = waiting
                .iter()
                .filter(|w| w.appointment.doctor == doctor)
                .map(|w| w.appointment.clone())
                .collect();
            let mut ahead: i64 = theirs
                .iter()
                .filter(|a| a.status == Status::Called)
                .map(|a| a.interval.minutes())
                .sum();
            let queue = call_order::in_call_order(&theirs, &rules.call_order, now);
            let waiting_line = queue
                .into_iter()
                .filter_map(|a| {
                    let w = waiting.iter().find(|w| w.appointment.id == a.id)?;
                    let estimate = ahead;
                    ahead = ahead.saturating_add(a.interval.minutes());
                    Some((ticket(w), estimate))
                })
                .collect();
            BoardLine {
                doctor: name.to_owned(),
                waiting: waiting_line,
            }
        })
        .filter(|line: &BoardLine| !line.waiting.is_empty())
        .collect();
    Board {
        clinic_name: String::new(),
        zone,
        language: crate::i18n::Language::default(),
        announce: rules.announce,
        calling,
        lines,
    }
}

/// How long a call is shown as new (highlighted) on the board; it stays in "now calling" until
/// the patient is seen or sent back.
pub const FRESH_CALL: Duration = Duration::minutes(2);

/// Which calls a board has announced: each call (an appointment and its call's number) once.
/// The first board seen is taken as already announced (a board started, or restarted, does not
/// call out again who was called before it), and a call older than [`FRESH_CALL`] when first
/// seen (made while the board was out of reach) is shown but not announced: the patient has
/// heard it at the desk, or will be called again.
#[derive(Clone, Debug, Default)]
pub struct Announced {
    seen: std::collections::HashSet<(AppointmentId, u32)>,
    primed: bool,
}

impl Announced {
    /// The calls of `board` to announce now, oldest first; remembers them.
    pub fn new_calls<'a>(&mut self, board: &'a Board, now: DateTime<Utc>) -> Vec<&'a BoardCall> {
        let primed = std::mem::replace(&mut self.primed, true);
        let mut fresh: Vec<&BoardCall> = board
            .calling
            .iter()
            .filter(|c| self.seen.insert((c.appointment, c.calls)))
            .filter(|c| primed && now - c.at <= FRESH_CALL)
            .collect();
        fresh.sort_by_key(|c| (c.at, c.appointment));
        fresh
    }
}
