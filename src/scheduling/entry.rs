//! What may be typed or imported into a text field, and how stored text is shown on a terminal.
//!
//! One function per kind of field, applied by every way in (the window, the command line,
//! import, settings, the waitlist): [`person_name`] (patients, staff), [`setup_name`] (doctors,
//! rooms, visit types, clinics), [`phone`], [`email`], [`external_id`] (an MRN) and
//! [`free_text`] (a reason, notes), which alone may hold line breaks and tabs.
//!
//! Refused in every field:
//! - control characters (C0, DEL, C1), except a line break or tab in free text;
//! - the Unicode line and paragraph separators (U+2028, U+2029);
//! - the bidirectional embedding, override and isolate controls (U+202A–U+202E,
//!   U+2066–U+2069), which make text show in another order than it is stored;
//! - invisible format characters: zero-width space, word joiner and invisible operators, the
//!   byte order mark, soft hyphen, tag characters, Hangul fillers and the like, which make two
//!   different names look the same or a name look empty;
//! - in names, the direction marks U+200E, U+200F and U+061C too (free text may hold them,
//!   for mixed Arabic or Hebrew and Latin notes);
//! - a combining mark or variation selector with nothing to sit on: first in the field, or
//!   after a space (the combining grapheme joiner U+034F is refused everywhere, as invisible).
//!
//! A name (a patient's, a member of staff's, a doctor's, room's, visit type's or clinic's)
//! holds at least one letter or digit, of any script (`char::is_alphanumeric`). Names are
//! stored in Unicode's composed form (NFC).
//!
//! Allowed: every script, combining marks after a character (at most [`MAX_STACKED_MARKS`]
//! generic accents on one letter, against "Zalgo" text), emoji and their variation selectors,
//! and the zero-width joiner and non-joiner (U+200D, U+200C) inside a word, which Persian,
//! Indic scripts and emoji sequences need.
//!
//! Limits (in characters): names [`MAX_NAME_CHARS`], setup names [`MAX_SETUP_NAME_CHARS`],
//! phones [`MAX_PHONE_CHARS`] with 3 to [`MAX_PHONE_DIGITS`] digits, emails
//! [`MAX_EMAIL_CHARS`], external ids [`MAX_EXTERNAL_ID_CHARS`], free text
//! [`MAX_FREE_TEXT_CHARS`]. Messages say where the problem is (character N, U+XXXX) and never
//! repeat the text itself.
//!
//! [`shown`] and [`shown_lines`] escape what a terminal would obey or hide (escape codes,
//! carriage returns, line breaks, direction controls, invisible characters, a mark or joiner
//! standing alone) in text that comes from the database, for text the command line prints.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// The longest person's name accepted.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest doctor, room, visit type or clinic name accepted.
pub const MAX_SETUP_NAME_CHARS: usize = 120;
/// The longest phone number accepted, spaces and punctuation included.
pub const MAX_PHONE_CHARS: usize = 32;
/// The most digits a phone number may have (15 for E.164, plus an international `00`).
pub const MAX_PHONE_DIGITS: usize = 17;
/// The fewest digits a phone number may have.
pub const MIN_PHONE_DIGITS: usize = 3;
/// The longest email address accepted (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest external id (MRN) accepted.
pub const MAX_EXTERNAL_ID_CHARS: usize = 64;
/// The longest free text (a reason, notes) accepted: a few pages.
pub const MAX_FREE_TEXT_CHARS: usize = 10_000;
/// The most generic combining accents (U+0300–U+036F and the like) one letter may carry.
pub const MAX_STACKED_MARKS: usize = 4;

/// What a character is, for the entry rules and for [`shown`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// An ordinary character.
    Plain,
    /// A line break: LF, CR, VT, FF, NEL, U+2028, U+2029.
    LineBreak,
    /// A tab.
    Tab,
    /// Any other control character.
    Control,
    /// A bidirectional embedding, override or isolate control.
    Direction,
    /// A direction mark (LRM, RLM, ALM): invisible, cannot reorder strong letters.
    Mark,
    /// Zero-width joiner or non-joiner.
    Joiner,
    /// Another invisible or format character, or a noncharacter.
    Invisible,
}

fn class(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::LineBreak,
        '\t' => Class::Tab,
        c if c.is_control() => Class::Control,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Class::Direction,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => Class::Mark,
        '\u{200c}' | '\u{200d}' => Class::Joiner,
        '\u{ad}'
        | '\u{34f}'
        | '\u{600}'..='\u{605}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{2800}'
        | '\u{3164}'
        | '\u{fdd0}'..='\u{fdef}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{fffe}'
        | '\u{ffff}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e007f}' => Class::Invisible,
        _ => Class::Plain,
    }
}

/// A generic combining accent (not a vowel sign of an Indic script, which are in their own
/// blocks and may legitimately follow one another).
fn is_generic_accent(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// A combining mark (an accent, an Indic vowel sign or virama: Unicode's General_Category
/// Mark) or a variation selector (U+FE00–U+FE0F, U+E0100–U+E01EF): a character drawn on the
/// one before it, so alone (first, or after a space) it is invisible or lands on whatever a
/// screen shows before it.
fn is_mark(c: char) -> bool {
    is_variation_selector(c) || unicode_normalization::char::is_combining_mark(c)
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

/// True when a mark after `previous` has no character of its own to sit on: at the start of
/// the text, or after a space or line break.
fn without_base(previous: Option<char>) -> bool {
    previous.is_none_or(char::is_whitespace)
}

/// Why a field's text was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// A required field is empty.
    #[error(
        "{}",
        crate::t!("core-entry-empty", field = field_name(field), hint = empty_hint(hint))
    )]
    Empty {
        /// "the name", "the doctor's name" …
        field: &'static str,
        /// What to type.
        hint: &'static str,
    },
    /// Longer than the field's limit.
    #[error(
        "{}",
        crate::t!(
            "core-entry-too-long",
            field = field_name(field),
            chars = chars.to_string(),
            max = max.to_string(),
        )
    )]
    TooLong {
        /// Which field.
        field: &'static str,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A character the field cannot hold.
    #[error(
        "{}",
        crate::t!(
            "core-entry-character",
            field = field_name(field),
            what = character_kind(what),
            code = format!("{code:04X}"),
            at = at.to_string(),
            fix = character_fix(fix),
        )
    )]
    Character {
        /// Which field.
        field: &'static str,
        /// What kind of character ("a line break", "a control character" …).
        what: &'static str,
        /// Its code point.
        code: u32,
        /// Its 1-based position, in characters.
        at: usize,
        /// How to fix it.
        fix: &'static str,
    },
    /// Too many accents stacked on one letter.
    #[error(
        "{}",
        crate::t!(
            "core-entry-stacked-marks",
            field = field_name(field),
            max = MAX_STACKED_MARKS.to_string(),
            at = at.to_string(),
        )
    )]
    StackedMarks {
        /// Which field.
        field: &'static str,
        /// Where the run of accents goes over the limit.
        at: usize,
    },
    /// A name with no letter or digit: only punctuation, symbols or emoji, which cannot be told
    /// apart or read out.
    #[error("{}", crate::t!("core-entry-no-letter", field = field_name(field)))]
    NoLetter {
        /// Which field.
        field: &'static str,
    },
    /// A phone number with a character that is not a digit, space or the usual punctuation.
    #[error(
        "{}",
        crate::t!("core-entry-phone-character", ch = ch.to_string(), at = at.to_string())
    )]
    PhoneCharacter {
        /// The character.
        ch: char,
        /// Its 1-based position.
        at: usize,
    },
    /// A `+` that does not start the phone number.
    #[error("{}", crate::t!("core-entry-phone-plus", at = at.to_string()))]
    PhonePlus {
        /// Its 1-based position.
        at: usize,
    },
    /// Too few or too many digits for a phone number.
    #[error(
        "{}",
        crate::t!(
            "core-entry-phone-digits",
            digits = digits.to_string(),
            min = MIN_PHONE_DIGITS.to_string(),
            max = MAX_PHONE_DIGITS.to_string(),
        )
    )]
    PhoneDigits {
        /// How many digits it has.
        digits: usize,
    },
    /// Not an email address.
    #[error("{}", crate::t!("core-entry-email"))]
    Email,
}

/// A field as a message names it ("the name", "the reason" …), in the desk's language: the
/// checks are told the field in English words, which stay the same whatever the language.
fn field_name(field: &str) -> String {
    match field {
        "the address" => crate::t!("core-entry-field-address"),
        "the cancellation reason" => crate::t!("core-entry-field-cancellation-reason"),
        "the email" => crate::t!("core-entry-field-email"),
        "the external id" => crate::t!("core-entry-field-external-id"),
        "the name" => crate::t!("core-entry-field-name"),
        "the name at the desk" => crate::t!("core-entry-field-name-at-desk"),
        "the notes" => crate::t!("core-entry-field-notes"),
        "the overbook reason" => crate::t!("core-entry-field-overbook-reason"),
        "the phone" => crate::t!("core-entry-field-phone"),
        "the reason" => crate::t!("core-entry-field-reason"),
        other => other.to_owned(),
    }
}

/// What to type in an empty field, in the desk's language.
fn empty_hint(hint: &str) -> String {
    match hint {
        "type the name the patient goes by" => crate::t!("core-entry-hint-patient-name"),
        other => other.to_owned(),
    }
}

/// A kind of character a field refused ("a tab" …), in the desk's language.
fn character_kind(what: &str) -> String {
    match what {
        "a variation selector" => crate::t!("core-entry-char-variation-selector"),
        "a combining mark" => crate::t!("core-entry-char-combining-mark"),
        "an unusual line break" => crate::t!("core-entry-char-unusual-line-break"),
        "a line break" => crate::t!("core-entry-char-line-break"),
        "a tab" => crate::t!("core-entry-char-tab"),
        "a control character" => crate::t!("core-entry-char-control"),
        "an invisible direction control" => crate::t!("core-entry-char-direction-control"),
        "an invisible direction mark" => crate::t!("core-entry-char-direction-mark"),
        "a zero-width joiner" => crate::t!("core-entry-char-joiner"),
        "an invisible character" => crate::t!("core-entry-char-invisible"),
        other => other.to_owned(),
    }
}

/// How to fix a refused character, in the desk's language.
fn character_fix(fix: &str) -> String {
    match fix {
        "it only belongs right after a letter or symbol, which it changes: remove it" => {
            crate::t!("core-entry-fix-mark-without-letter")
        }
        "use an ordinary line break (Enter) instead" => crate::t!("core-entry-fix-line-break"),
        "write it on one line" => crate::t!("core-entry-fix-one-line"),
        "use a space instead" => crate::t!("core-entry-fix-tab"),
        "remove it (type the text again rather than pasting it)" => {
            crate::t!("core-entry-fix-type-again")
        }
        "remove it; it can make text show in another order than it is stored" => {
            crate::t!("core-entry-fix-direction-control")
        }
        "remove it; a name is shown in its own direction" => {
            crate::t!("core-entry-fix-direction-mark")
        }
        "it only belongs between two letters: remove it" => crate::t!("core-entry-fix-joiner"),
        other => other.to_owned(),
    }
}

/// What the field allows besides plain characters.
#[derive(Clone, Copy)]
struct Rules {
    field: &'static str,
    max: usize,
    lines: bool,
    marks: bool,
}

/// Checks every character of `text` (already trimmed as the field wants) under `rules`.
fn check(text: &str, rules: Rules) -> Result<(), EntryError> {
    let chars = text.chars().count();
    if chars > rules.max {
        return Err(EntryError::TooLong {
            field: rules.field,
            chars,
            max: rules.max,
        });
    }
    let refuse = |c: char, at: usize, what: &'static str, fix: &'static str| {
        Err(EntryError::Character {
            field: rules.field,
            what,
            code: u32::from(c),
            at,
            fix,
        })
    };
    let mut stacked = 0usize;
    let mut previous: Option<char> = None;
    let mut iter = text.chars().enumerate().peekable();
    while let Some((i, c)) = iter.next() {
        let at = i + 1;
        match class(c) {
            Class::Plain if is_mark(c) && without_base(previous) => {
                let what = if is_variation_selector(c) {
                    "a variation selector"
                } else {
                    "a combining mark"
                };
                return refuse(
                    c,
                    at,
                    what,
                    "it only belongs right after a letter or symbol, which it changes: remove it",
                );
            }
            Class::Plain => {}
            Class::LineBreak if rules.lines && (c == '\n' || c == '\r') => {}
            Class::Tab if rules.lines => {}
            Class::LineBreak if rules.lines => {
                return refuse(
                    c,
                    at,
                    "an unusual line break",
                    "use an ordinary line break (Enter) instead",
                );
            }
            Class::LineBreak => {
                return refuse(c, at, "a line break", "write it on one line");
            }
            Class::Tab => return refuse(c, at, "a tab", "use a space instead"),
            Class::Control => {
                return refuse(
                    c,
                    at,
                    "a control character",
                    "remove it (type the text again rather than pasting it)",
                );
            }
            Class::Direction => {
                return refuse(
                    c,
                    at,
                    "an invisible direction control",
                    "remove it; it can make text show in another order than it is stored",
                );
            }
            Class::Mark if rules.marks => {}
            Class::Mark => {
                return refuse(
                    c,
                    at,
                    "an invisible direction mark",
                    "remove it; a name is shown in its own direction",
                );
            }
            Class::Joiner => {
                let inside = previous.is_some_and(|p| !p.is_whitespace())
                    && iter.peek().is_some_and(|(_, n)| !n.is_whitespace());
                if !inside {
                    return refuse(
                        c,
                        at,
                        "a zero-width joiner",
                        "it only belongs between two letters: remove it",
                    );
                }
            }
            Class::Invisible => {
                return refuse(
                    c,
                    at,
                    "an invisible character",
                    "remove it (type the text again rather than pasting it)",
                );
            }
        }
        if is_generic_accent(c) {
            stacked += 1;
            if stacked > MAX_STACKED_MARKS {
                return Err(EntryError::StackedMarks {
                    field: rules.field,
                    at,
                });
            }
        } else {
            stacked = 0;
        }
        previous = Some(c);
    }
    Ok(())
}

/// A name tidied for saving: spaces at either end dropped and runs of ordinary spaces made
/// one. A tab or line break is left in place, for the rules to refuse with a message rather
/// than turn it silently into a space; other spaces (U+3000 between a Japanese family and
/// given name, a no-break space) are the writer's.
pub fn tidy(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() && class(c) == Class::Plain)
        .split(' ')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A one-line name: trimmed, runs of spaces made one, checked, and in Unicode's composed form
/// (NFC), so a name typed with a decomposed accent ("e" + U+0301) is stored as the same text
/// as one typed with "é". Characters are checked as typed, so positions in messages are the
/// typed ones; the length limit holds for the composed name.
fn name(text: &str, field: &'static str, max: usize) -> Result<String, EntryError> {
    // Check before tidying, so that a tab or line break is reported rather than made a space.
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() && class(c) == Class::Plain);
    // Spaces that tidying removes, and accents that composing joins to their letter, may take
    // it over the limit; four times the limit cannot fit.
    let chars = trimmed.chars().count();
    if chars > max.saturating_mul(4) {
        return Err(EntryError::TooLong { field, chars, max });
    }
    check(
        trimmed,
        Rules {
            field,
            max: usize::MAX,
            lines: false,
            marks: false,
        },
    )?;
    let composed: String = tidy(trimmed).nfc().collect();
    check(
        &composed,
        Rules {
            field,
            max,
            lines: false,
            marks: false,
        },
    )?;
    has_letter(&composed, field)?;
    Ok(composed)
}

/// A name that is not empty must hold a letter or digit of some script (`char::is_alphanumeric`):
/// one made only of punctuation, symbols, emoji or marks cannot be read out or told apart.
fn has_letter(text: &str, field: &'static str) -> Result<(), EntryError> {
    if text.is_empty() || text.chars().any(char::is_alphanumeric) {
        Ok(())
    } else {
        Err(EntryError::NoLetter { field })
    }
}

/// A person's name (a patient, a member of staff): required, one line, at most
/// [`MAX_NAME_CHARS`] characters. Returns it trimmed, with runs of ordinary spaces made one.
pub fn person_name(text: &str) -> Result<String, EntryError> {
    let tidy = name(text, "the name", MAX_NAME_CHARS)?;
    if tidy.is_empty() {
        return Err(EntryError::Empty {
            field: "the name",
            hint: "type the name the patient goes by",
        });
    }
    Ok(tidy)
}

/// Checks a one-line name as it is, without tidying it, under the rules of [`person_name`]:
/// no line break, tab, control character, direction control or mark, invisible character,
/// lone joiner, mark without a letter before it or pile of accents, and at least one letter
/// or digit when not empty; at most `max` characters. For names kept as given, such as the
/// name at the desk (`staff::desk_name`).
pub fn name_as_given(text: &str, field: &'static str, max: usize) -> Result<(), EntryError> {
    check(
        text,
        Rules {
            field,
            max,
            lines: false,
            marks: false,
        },
    )?;
    has_letter(text, field)
}

/// The name of a doctor, room, visit type or clinic: one line, at most
/// [`MAX_SETUP_NAME_CHARS`] characters; may be empty (the setup rules say when a name is
/// required). Returns it tidied like [`person_name`].
pub fn setup_name(text: &str) -> Result<String, EntryError> {
    name(text, "the name", MAX_SETUP_NAME_CHARS)
}

/// A phone number: empty, or 3 to [`MAX_PHONE_DIGITS`] digits with spaces and `- ( ) . /`,
/// and a `+` only at the start. Returns it trimmed.
pub fn phone(text: &str) -> Result<String, EntryError> {
    let text = text.trim();
    check(
        text,
        Rules {
            field: "the phone",
            max: MAX_PHONE_CHARS,
            lines: false,
            marks: false,
        },
    )?;
    let mut digits = 0usize;
    for (i, c) in text.chars().enumerate() {
        match c {
            '0'..='9' => digits += 1,
            '+' if i == 0 => {}
            '+' => return Err(EntryError::PhonePlus { at: i + 1 }),
            ' ' | '-' | '(' | ')' | '.' | '/' => {}
            ch => return Err(EntryError::PhoneCharacter { ch, at: i + 1 }),
        }
    }
    if !text.is_empty() && !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits) {
        return Err(EntryError::PhoneDigits { digits });
    }
    Ok(text.to_owned())
}

/// An email address: empty, or `local@domain` with no spaces, at most [`MAX_EMAIL_CHARS`]
/// characters. Returns it trimmed.
pub fn email(text: &str) -> Result<String, EntryError> {
    let text = text.trim();
    check(
        text,
        Rules {
            field: "the email",
            max: MAX_EMAIL_CHARS,
            lines: false,
            marks: false,
        },
    )?;
    if text.is_empty() {
        return Ok(String::new());
    }
    match text.rsplit_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !text.contains(char::is_whitespace) =>
        {
            Ok(text.to_owned())
        }
        _ => Err(EntryError::Email),
    }
}

/// An id in another system (an MRN): empty, or one line of at most
/// [`MAX_EXTERNAL_ID_CHARS`] characters. Returns it trimmed.
pub fn external_id(text: &str) -> Result<String, EntryError> {
    let text = text.trim();
    check(
        text,
        Rules {
            field: "the external id",
            max: MAX_EXTERNAL_ID_CHARS,
            lines: false,
            marks: false,
        },
    )?;
    Ok(text.to_owned())
}

/// Free text (a reason, notes): may be empty, may hold line breaks and tabs and direction
/// marks, at most [`MAX_FREE_TEXT_CHARS`] characters. `field` names it in messages ("the
/// reason"). Returns it as given (its spaces and line breaks are the writer's).
pub fn free_text(field: &'static str, text: &str) -> Result<String, EntryError> {
    check(
        text,
        Rules {
            field,
            max: MAX_FREE_TEXT_CHARS,
            lines: true,
            marks: true,
        },
    )?;
    Ok(text.to_owned())
}

/// True for a character [`shown`] writes as an escape: a control character (C0, DEL, C1), a
/// line break (U+2028 and U+2029 too), a direction control or mark, or an invisible
/// character. The JSON the command line prints escapes the same ones as `\uXXXX`.
pub fn escaped_when_shown(c: char) -> bool {
    !matches!(class(c), Class::Plain | Class::Joiner)
}

/// Whether `c`, between `previous` (None at the start of the text, or when `previous` was
/// itself escaped) and `next` (None at the end), is written as an escape when shown: what
/// [`escaped_when_shown`] says of the character alone, and also a mark with no character of
/// its own to sit on (it would be drawn on the quote, space or escape before it, or not at
/// all) and a joiner that joins nothing (it is invisible). Every writer of text for a terminal
/// judges characters this way ([`shown`], and the command line's JSON).
pub fn escaped_between(c: char, previous: Option<char>, next: Option<char>) -> bool {
    escaped_when_shown(c)
        || (is_mark(c) && without_base(previous))
        || (class(c) == Class::Joiner
            && (without_base(previous) || next.is_none_or(char::is_whitespace)))
}

fn escape(text: &str, keep_line_breaks: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char, previous: Option<char>, next: Option<char>| {
        !(keep_line_breaks && c == '\n') && escaped_between(c, previous, next)
    };
    // Each character and whether it is escaped, in order.
    let judged = || {
        let mut previous = None;
        let mut chars = text.chars().peekable();
        move || -> Option<(char, bool)> {
            let c = chars.next()?;
            let bad = unsafe_char(c, previous, chars.peek().copied());
            previous = if bad { None } else { Some(c) };
            Some((c, bad))
        }
    };
    if !std::iter::from_fn(judged()).any(|(_, bad)| bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (c, bad) in std::iter::from_fn(judged()) {
        if !bad {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// Text from the database as a terminal may show it: control characters (escape codes,
/// carriage returns, line breaks, tabs), direction controls and invisible characters are
/// written as escapes (`\n`, `\u{1b}`, `\u{202e}`), so a stored name can neither forge a line
/// nor change the terminal's colours or the order of what follows; so is a combining mark or
/// variation selector that stands alone (first, or after a space or an escape), which a
/// terminal would draw on the character before it or not at all.
pub fn shown(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// The most characters of typed text a message quotes ([`echo`]).
pub const ECHO_CHARS: usize = 40;
/// The most characters of a path a message quotes ([`echo_path`]).
pub const ECHO_PATH_CHARS: usize = 120;

/// Typed text (a name given on the command line, a date, a cell) as a message quotes it: at
/// most [`ECHO_CHARS`] characters, an ellipsis saying more was typed, and escaped like
/// [`shown`], so a message never carries a screenful, a line of its own or a terminal code.
/// The one quoting function for typed text; text from the database is shown whole
/// ([`shown`]).
pub fn echo(text: &str) -> String {
    match text.char_indices().nth(ECHO_CHARS) {
        None => shown(text).into_owned(),
        Some((cut, _)) => format!("{}…", shown(&text[..cut])),
    }
}

/// A path as a message quotes it: escaped like [`shown`] (a line break in a file name is
/// `\n`), and when longer than [`ECHO_PATH_CHARS`] characters, its end (the file's name)
/// after an ellipsis.
pub fn echo_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let escaped = shown(&text);
    let count = escaped.chars().count();
    if count <= ECHO_PATH_CHARS {
        return escaped.into_owned();
    }
    let tail: String = escaped
        .chars()
        .skip(count - (ECHO_PATH_CHARS - 1))
        .collect();
    format!("…{tail}")
}

/// Like [`shown`], but keeps line breaks: for a message of several lines.
pub fn shown_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// A patient's fields checked by the rules above: the name, phone, email and external id,
/// tidied. The first problem is returned.
pub fn patient(p: &super::model::Patient) -> Result<super::model::Patient, EntryError> {
    Ok(super::model::Patient {
        id: p.id,
        name: person_name(&p.name)?,
        phone: phone(&p.phone)?,
        email: email(&p.email)?,
        birth_date: p.birth_date,
        external_id: external_id(&p.external_id)?,
    })
}
