//! The video part of the details panel: the meeting link with a Join button (opens the browser
//! off the UI thread), and "doctor joined" / "patient joined", recorded as audit events and
//! shown from the history.

use iced::widget::{button, column, row, text};
use iced::{Element, Length, Task};

use super::Context;
use super::details::Message;
use crate::gui::backend_reminders::open_link;
use crate::scheduling::*;
use crate::store::{AuditEvent, Joiner};

/// "Join": opens the link in the browser.
pub fn join(link: &str) -> Task<Message> {
    Task::perform(open_link(link.to_owned()), Message::Opened)
}

/// "Doctor joined" / "Patient joined": records it.
pub fn joined(ctx: &Context<'_>, id: AppointmentId, who: Joiner) -> Task<Message> {
    let (actor, now) = (ctx.actor.to_owned(), ctx.now);
    let task = ctx
        .backend
        .run(move |s| s.record_joined(id, who, &actor, now));
    Task::perform(task, Message::Done)
}

/// When `who` joined, from the history (the latest time).
fn joined_at(history: &[AuditEvent], who: Joiner) -> Option<chrono::DateTime<chrono::Utc>> {
    history
        .iter()
        .rev()
        .find(|h| h.action == who.action())
        .map(|h| h.at)
}

/// The section, for a video appointment with a link; `None` otherwise.
pub fn section<'a>(
    a: &'a Appointment,
    history: &[AuditEvent],
    zone: chrono_tz::Tz,
    busy: bool,
) -> Option<Element<'a, Message>> {
    if a.mode != Mode::Video || a.meeting_link.is_empty() {
        return None;
    }
    let live = a.status.before_or_during_visit();
    let mut actions = row![
        button(text(crate::t!("details-join")).size(13))
            .on_press(Message::Join)
            .style(button::success)
    ]
    .spacing(6)
    .align_y(iced::Alignment::Center);
    for who in [Joiner::Doctor, Joiner::Patient] {
        actions = match joined_at(history, who) {
            Some(t) => {
                let time = t.with_timezone(&zone).format("%H:%M").to_string();
                actions.push(
                    text(match who {
                        Joiner::Doctor => crate::t!("details-doctor-joined-at", time = time),
                        Joiner::Patient => crate::t!("details-patient-joined-at", time = time),
                    })
                    .size(12.5),
                )
            }
            None if live => actions.push(
                button(
                    text(match who {
                        Joiner::Doctor => crate::t!("details-doctor-joined"),
                        Joiner::Patient => crate::t!("details-patient-joined"),
                    })
                    .size(12),
                )
                .on_press_maybe((!busy).then_some(Message::Joined(who)))
                .style(button::secondary),
            ),
            None => actions,
        };
    }
    // A link has no spaces: let it break anywhere rather than run under the buttons.
    let link = row![
        text(crate::t!("details-meeting-link"))
            .size(12.5)
            .width(Length::Fixed(110.0)),
        text(&a.meeting_link)
            .size(13)
            .wrapping(text::Wrapping::WordOrGlyph)
            .width(Length::Fill),
    ]
    .spacing(6);
    Some(column![link, actions].spacing(6).into())
}
