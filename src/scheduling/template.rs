//! Reminder texts: placeholders such as `{patient}` or `{time}` filled in from one appointment
//! (dates and times in the clinic's zone, words in the text's language), and video meeting
//! links made from a pattern.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::model::Mode;
use super::reminder::Template;
use crate::i18n::Language;

/// Every placeholder a template may use, with what it becomes.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("patient", "the patient's name"),
    ("doctor", "the doctor's name"),
    ("clinic", "the clinic's name"),
    ("date", "the local date, e.g. Tuesday 24 November 2026"),
    ("time", "the local start time, e.g. 10:30"),
    (
        "where",
        "the clinic's address, the meeting link (video) or \"by phone\"",
    ),
    ("address", "the clinic's address"),
    ("link", "the video meeting link (empty for other visits)"),
    (
        "code",
        "the six-digit code the patient checks in with at the kiosk",
    ),
];

/// What a reminder says about one appointment.
#[derive(Clone, Debug, PartialEq)]
pub struct MessageFacts {
    /// The patient's name.
    pub patient: String,
    /// The doctor's name.
    pub doctor: String,
    /// The clinic's name.
    pub clinic: String,
    /// The clinic's address.
    pub address: String,
    /// The clinic's time zone.
    pub zone: Tz,
    /// The appointment's start.
    pub start: DateTime<Utc>,
    /// In clinic, phone or video.
    pub mode: Mode,
    /// The video meeting link.
    pub meeting_link: String,
    /// The appointment's six-digit self check-in code ([`super::kiosk::check_in_code`]).
    pub code: String,
    /// The language of the text being filled in: the date's weekday and month and the words
    /// of `{where}` are written in it.
    pub language: Language,
}

/// A template that cannot be used, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// An unknown `{name}`.
    #[error(
        "{}",
        crate::t!("core-template-unknown", name = format!("{{{name}}}"), known = known())
    )]
    Unknown {
        /// The name inside the braces.
        name: String,
    },
    /// A `{` without its `}`.
    #[error("{}", crate::t!("core-template-unclosed"))]
    Unclosed,
    /// A `}` without its `{`.
    #[error("{}", crate::t!("core-template-unopened"))]
    Unopened,
    /// The body is empty.
    #[error("{}", crate::t!("core-template-empty"))]
    Empty,
}

fn known() -> String {
    PLACEHOLDERS
        .iter()
        .map(|(n, _)| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl MessageFacts {
    fn value(&self, name: &str) -> Option<String> {
        let local = self.start.with_timezone(&self.zone);
        Some(match name {
            "patient" => self.patient.clone(),
            "doctor" => self.doctor.clone(),
            "clinic" => self.clinic.clone(),
            "date" => crate::i18n::dates::long_in(self.language, local.date_naive()),
            "time" => local.format("%H:%M").to_string(),
            "address" => self.address.clone(),
            "link" => self.meeting_link.clone(),
            "code" => self.code.clone(),
            "where" => match self.mode {
                Mode::InClinic => self.address.clone(),
                Mode::Video if !self.meeting_link.is_empty() => crate::t_in!(
                    self.language,
                    "core-reminder-where-video",
                    link = self.meeting_link.clone()
                ),
                Mode::Video => crate::t_in!(self.language, "core-reminder-where-video-later"),
                Mode::Phone => crate::t_in!(self.language, "core-reminder-where-phone"),
            },
            _ => return None,
        })
    }
}

/// Fills in the placeholders of `text`. `{{` and `}}` stand for a brace itself.
pub fn render(text: &str, facts: &MessageFacts) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(TemplateError::Unopened),
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | None => return Err(TemplateError::Unclosed),
                        Some(ch) => name.push(ch),
                    }
                }
                let name = name.trim();
                let value = facts.value(name).ok_or_else(|| TemplateError::Unknown {
                    name: super::time::echo(name),
                })?;
                out.push_str(&value);
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

/// Checks a template: every placeholder known, braces balanced, a body to send.
pub fn check(template: &Template) -> Result<(), TemplateError> {
    if template.body.trim().is_empty() {
        return Err(TemplateError::Empty);
    }
    let sample = MessageFacts {
        patient: String::new(),
        doctor: String::new(),
        clinic: String::new(),
        address: String::new(),
        zone: chrono_tz::UTC,
        start: DateTime::<Utc>::UNIX_EPOCH,
        mode: Mode::InClinic,
        meeting_link: String::new(),
        code: String::new(),
        language: Language::English,
    };
    render(&template.subject, &sample)?;
    render(&template.body, &sample)?;
    Ok(())
}

/// A reminder's subject and body, filled in.
pub fn render_template(
    template: &Template,
    facts: &MessageFacts,
) -> Result<(String, String), TemplateError> {
    Ok((
        render(&template.subject, facts)?,
        render(&template.body, facts)?,
    ))
}

/// The pattern video links are made from when none is set.
pub const DEFAULT_MEETING_PATTERN: &str = "https://meet.jit.si/";

/// A meeting-link pattern that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// Not a web address.
    #[error("{}", crate::t!("core-link-pattern-not-web"))]
    NotAWebAddress,
    /// Contains spaces.
    #[error("{}", crate::t!("core-link-pattern-spaces"))]
    Spaces,
    /// A link pasted by hand that is not a web address.
    #[error("{}", crate::t!("core-link-not-a-link", link = _0))]
    NotALink(String),
}

/// Checks a meeting link pasted by hand: a web address (https:// or http://) without spaces.
pub fn check_link(link: &str) -> Result<(), LinkError> {
    let link = link.trim();
    check_pattern(link).map_err(|_| LinkError::NotALink(super::time::echo(link)))
}

/// Checks a meeting-link pattern.
pub fn check_pattern(pattern: &str) -> Result<(), LinkError> {
    let pattern = pattern.trim();
    let rest = pattern
        .strip_prefix("https://")
        .or_else(|| pattern.strip_prefix("http://"))
        .ok_or(LinkError::NotAWebAddress)?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(LinkError::NotAWebAddress);
    }
    if pattern.chars().any(char::is_whitespace) {
        return Err(LinkError::Spaces);
    }
    Ok(())
}

/// A meeting link from `pattern` and a unique id: `{id}` in the pattern is replaced by it;
/// a pattern without `{id}` gets it appended (after a `/` if it does not end with one).
pub fn meeting_link(pattern: &str, unique: &str) -> Result<String, LinkError> {
    check_pattern(pattern)?;
    let pattern = pattern.trim();
    let room = format!("frontdesk-{unique}");
    Ok(if pattern.contains("{id}") {
        pattern.replace("{id}", &room)
    } else if pattern.ends_with('/') || pattern.ends_with('=') {
        format!("{pattern}{room}")
    } else {
        format!("{pattern}/{room}")
    })
}
