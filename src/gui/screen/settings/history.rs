//! The setup history: the newest changes to the clinic's setup, who made them and when.

use chrono_tz::Tz;
use iced::widget::{column, row, scrollable, text};
use iced::{Element, Length};

use crate::gui::backend::Setup;
use crate::scheduling::time::format_local;
use crate::store::SetupAuditEvent;

/// How many changes the history shows.
pub const SHOWN: usize = 60;

/// What was done, in words.
fn action_words(action: &str) -> &str {
    match action {
        "created" => "added",
        "updated" => "changed",
        other => other,
    }
}

/// What kind of thing a change was made to, in words.
fn kind_words(kind: &str) -> &str {
    match kind {
        "clinic" => "clinic",
        "doctor" => "doctor",
        "doctor_hours" => "working hours of",
        "doctor_leave" => "leave of",
        "room" => "room",
        "room_hours" => "opening hours of",
        "room_blockout" => "blockout of",
        "visit_type" => "visit type",
        "staff" => "staff member",
        other => other,
    }
}

/// The name of what was changed: from the setup, else from the JSON the audit kept.
fn subject(event: &SetupAuditEvent, setup: &Setup) -> String {
    let json = |text: &Option<String>| {
        text.as_deref()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
    };
    let value = json(&event.after).or_else(|| json(&event.before));
    let field = |key: &str| {
        value
            .as_ref()
            .and_then(|v| v.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let id = match event.entity_kind.as_str() {
        "doctor_leave" => field("doctor"),
        "room_blockout" => field("room"),
        _ => Some(event.entity_id.clone()),
    };
    let known = id.and_then(|id| {
        let doctor = setup
            .doctors
            .iter()
            .map(|(d, _)| d)
            .find(|d| d.id.to_string() == id)
            .map(|d| d.name.clone());
        doctor
            .or_else(|| {
                setup
                    .rooms
                    .iter()
                    .find(|r| r.id.to_string() == id)
                    .map(|r| r.name.clone())
            })
            .or_else(|| {
                setup
                    .clinics
                    .iter()
                    .find(|c| c.id.to_string() == id)
                    .map(|c| c.name.clone())
            })
            .or_else(|| {
                setup
                    .visit_types
                    .iter()
                    .find(|v| v.id.to_string() == id)
                    .map(|v| v.name.clone())
            })
            .or_else(|| {
                setup
                    .staff
                    .iter()
                    .find(|s| s.id.to_string() == id)
                    .map(|s| s.name.clone())
            })
    });
    known.or_else(|| field("name")).unwrap_or_default()
}

/// One line per change, newest first.
pub fn view<'a, M: 'a>(
    events: &'a [SetupAuditEvent],
    error: &'a Option<String>,
    setup: &'a Setup,
    zone: Tz,
) -> Element<'a, M> {
    let mut col = column![text("Recent setup changes").size(18)].spacing(6);
    if let Some(e) = error {
        col = col.push(crate::gui::widget::error_text(e));
    }
    if events.is_empty() && error.is_none() {
        col = col.push(text("No setup changes recorded yet.").size(13));
    }
    for e in events {
        col = col.push(
            row![
                text(format_local(zone, e.at))
                    .size(12.5)
                    .width(Length::Fixed(130.0)),
                text(e.actor.clone()).size(12.5).width(Length::Fixed(160.0)),
                text(format!(
                    "{} {} {}",
                    action_words(&e.action),
                    kind_words(&e.entity_kind),
                    subject(e, setup)
                ))
                .size(12.5),
            ]
            .spacing(10),
        );
    }
    scrollable(col).height(Length::Fill).into()
}
