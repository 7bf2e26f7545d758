//! The setup history: the newest changes to the clinic's setup, who made them and when.

use chrono_tz::Tz;
use iced::widget::{column, row, scrollable, text};
use iced::{Element, Length};

use crate::gui::backend::Setup;
use crate::scheduling::time::format_local;
use crate::store::SetupAuditEvent;

/// How many changes the history shows.
pub const SHOWN: usize = 60;

/// What was done, in words (an action this version does not know reads as stored).
fn action_words(action: &str) -> String {
    match action {
        "created" => crate::t!("settings-history-created"),
        "updated" => crate::t!("settings-history-updated"),
        "removed" => crate::t!("settings-history-removed"),
        other => other.to_owned(),
    }
}

/// What a change was made to, in words: its kind and its name (`subject`).
fn what_words(kind: &str, subject: &str) -> String {
    let s = subject;
    match kind {
        "clinic" => crate::t!("settings-history-clinic", subject = s),
        "doctor" => crate::t!("settings-history-doctor", subject = s),
        "doctor_hours" => crate::t!("settings-history-doctor-hours", subject = s),
        "doctor_leave" => crate::t!("settings-history-doctor-leave", subject = s),
        "room" => crate::t!("settings-history-room", subject = s),
        "room_hours" => crate::t!("settings-history-room-hours", subject = s),
        "room_blockout" => crate::t!("settings-history-room-blockout", subject = s),
        "visit_type" => crate::t!("settings-history-visit-type", subject = s),
        "staff" => crate::t!("settings-history-staff", subject = s),
        "reminder_rule" => crate::t!("settings-history-reminder-rule", subject = s),
        "reminder_settings" => crate::t!("settings-history-reminder-settings"),
        "reminder_opt_out" => crate::t!("settings-history-reminder-opt-out", subject = s),
        "reminder_job" => crate::t!("settings-history-reminder-job", subject = s),
        "patient_language" => crate::t!("settings-history-patient-language", subject = s),
        "waiting_room" => crate::t!("settings-history-waiting-room"),
        other => format!("{other} {s}"),
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
    let mut col = column![text(crate::t!("settings-history-title")).size(18)].spacing(6);
    if let Some(e) = error {
        col = col.push(crate::gui::widget::error_text(e));
    }
    if events.is_empty() && error.is_none() {
        col = col.push(text(crate::t!("settings-history-none")).size(13));
    }
    for e in events {
        col = col.push(
            row![
                text(format_local(zone, e.at))
                    .size(12.5)
                    .width(Length::Fixed(130.0)),
                text(e.actor.clone()).size(12.5).width(Length::Fixed(160.0)),
                text(crate::t!(
                    "settings-history-line",
                    action = action_words(&e.action),
                    what = what_words(&e.entity_kind, &subject(e, setup))
                ))
                .size(12.5),
            ]
            .spacing(10),
        );
    }
    scrollable(col).height(Length::Fill).into()
}
