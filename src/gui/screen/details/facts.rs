//! The details panel's facts (every field of the appointment, one a line) and its audit
//! history, in words.

use iced::widget::{column, row, text};
use iced::{Element, Length};

use super::Message;
use crate::scheduling::time::format_local;
use crate::scheduling::*;
use crate::store::{AgendaEntry, AuditEvent};

/// A fact: its label, then its value.
fn line<'a>(label: String, value: String) -> Element<'a, Message> {
    row![
        text(label).size(12.5).width(Length::Fixed(110.0)),
        text(value).size(13)
    ]
    .spacing(6)
    .into()
}

/// Every field of the appointment `e`, one a line, with its video part (`video.rs`) when it
/// has one; `busy` while a change is being stored.
pub(super) fn facts<'a>(
    e: &'a AgendaEntry,
    history: &[AuditEvent],
    zone: chrono_tz::Tz,
    busy: bool,
    check_in_code: Option<&str>,
) -> Element<'a, Message> {
    let a = &e.appointment;
    let token = &a.queue_token;
    let kind = match a.kind {
        Kind::Scheduled => crate::t!("details-kind-scheduled"),
        Kind::WalkIn => crate::t!("details-kind-walk-in", token = token),
        Kind::Emergency => crate::t!("details-kind-emergency", token = token),
    };
    let mode = match a.mode {
        Mode::InClinic => crate::t!("details-mode-in-clinic"),
        Mode::Phone => crate::t!("details-mode-phone"),
        Mode::Video => crate::t!("details-mode-video"),
    };
    let mut facts = column![
        line(
            crate::t!("details-patient"),
            format!(
                "{} · {}",
                crate::text::isolate(&e.patient_name),
                e.patient_phone
            )
        ),
        line(crate::t!("details-doctor"), e.doctor_name.clone()),
        line(
            crate::t!("details-room"),
            e.room_name.clone().unwrap_or_else(|| "—".into())
        ),
        line(
            crate::t!("details-when"),
            crate::t!(
                "details-when-span",
                start = format_local(zone, a.interval.start),
                end = a
                    .interval
                    .end
                    .with_timezone(&zone)
                    .format("%H:%M")
                    .to_string(),
                minutes = a.interval.minutes()
            )
        ),
        line(
            crate::t!("details-visit-type"),
            e.visit_type_name.clone().unwrap_or_else(|| "—".into())
        ),
        line(crate::t!("details-mode"), mode),
        line(crate::t!("details-kind"), kind),
        line(
            crate::t!("details-status"),
            crate::gui::theme::status_marker(a.status)
        ),
        line(
            crate::t!("details-reason"),
            if a.reason.is_empty() {
                "—".into()
            } else {
                a.reason.clone()
            }
        ),
        line(
            crate::t!("details-notes"),
            if a.notes.is_empty() {
                "—".into()
            } else {
                a.notes.clone()
            }
        ),
    ]
    .spacing(5);
    // The code the patient checks in with at the kiosk (their reminders give it too), while
    // they may still do so: booked for the clinic, not arrived yet.
    let may_self_check_in = a.mode == Mode::InClinic
        && a.kind == Kind::Scheduled
        && matches!(a.status, Status::Scheduled | Status::Confirmed);
    if let (true, Some(code)) = (may_self_check_in, check_in_code) {
        let shown = format!(
            "{} {}",
            &code[..code.len().min(3)],
            &code[code.len().min(3)..]
        );
        facts = facts.push(line(crate::t!("details-check-in-code"), shown));
    }
    for (label, at) in [
        (crate::t!("details-arrived"), a.arrived_at),
        (crate::t!("details-with-doctor"), a.consultation_started_at),
        (crate::t!("details-completed"), a.completed_at),
    ] {
        if let Some(t) = at {
            facts = facts.push(line(label, format_local(zone, t)));
        }
    }
    if let Some(c) = &a.cancellation {
        let said = if c.late {
            crate::t!(
                "details-cancelled-by-late",
                by = c.by.as_str(),
                reason = &c.reason
            )
        } else {
            crate::t!(
                "details-cancelled-by",
                by = c.by.as_str(),
                reason = &c.reason
            )
        };
        facts = facts.push(line(crate::t!("details-cancelled"), said));
    }
    if let Some(r) = &e.overbook_reason {
        facts = facts.push(line(crate::t!("details-overbooked"), r.clone()));
    }
    match super::super::video::section(a, history, zone, busy) {
        Some(video) => facts = facts.push(video),
        None if !a.meeting_link.is_empty() => {
            facts = facts.push(line(
                crate::t!("details-meeting-link"),
                a.meeting_link.clone(),
            ));
        }
        None => {}
    }
    facts.into()
}

/// The appointment's history, one event a line: "2026-11-24 10:02  checked in by Asha".
pub(super) fn history<'a>(history: &[AuditEvent], zone: chrono_tz::Tz) -> Element<'a, Message> {
    column(history.iter().map(|h| {
        let reason = if h.reason.is_empty() {
            String::new()
        } else {
            format!(" — {}", h.reason)
        };
        let line = crate::t!(
            "details-history-line",
            at = format_local(zone, h.at),
            action = action_words(&h.action),
            actor = &h.actor
        );
        text(format!("{line}{reason}")).size(12).into()
    }))
    .spacing(3)
    .into()
}

/// An audit event's action in words ("checked in", "moved"); one the window does not know
/// reads as stored, its underscores as spaces.
fn action_words(action: &str) -> String {
    crate::t!(
        "details-action",
        action = action,
        words = action.replace('_', " ")
    )
}
