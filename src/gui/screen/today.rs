//! The today panel: the queue of checked-in patients with how long each has waited, who is
//! with a doctor, and the next arrivals.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use iced::widget::{button, column, rule, scrollable, text};
use iced::{Element, Length};

use crate::gui::widget;
use crate::scheduling::*;
use crate::store::AgendaEntry;

/// The queue: checked-in appointments, longest waiting first, with minutes waited.
pub fn queue(entries: &[AgendaEntry], now: DateTime<Utc>) -> Vec<(&AgendaEntry, i64)> {
    let mut waiting: Vec<(&AgendaEntry, i64)> = entries
        .iter()
        .filter(|e| e.appointment.status == Status::CheckedIn)
        .map(|e| {
            let since = e
                .appointment
                .arrived_at
                .unwrap_or(e.appointment.interval.start);
            (e, (now - since).num_minutes().max(0))
        })
        .collect();
    waiting.sort_by_key(|(e, minutes)| (-(e.appointment.priority as i64), -minutes));
    waiting
}

/// The next booked arrivals from now, at most `count`.
pub fn next_arrivals(
    entries: &[AgendaEntry],
    now: DateTime<Utc>,
    count: usize,
) -> Vec<&AgendaEntry> {
    let mut next: Vec<&AgendaEntry> = entries
        .iter()
        .filter(|e| {
            matches!(e.appointment.status, Status::Scheduled | Status::Confirmed)
                && e.appointment.interval.start >= now
        })
        .collect();
    next.sort_by_key(|e| e.appointment.interval.start);
    next.truncate(count);
    next
}

/// The panel; `select` turns a click on a patient into the parent's message.
pub fn view<'a, M: Clone + 'a>(
    entries: &'a [AgendaEntry],
    now: DateTime<Utc>,
    zone: Tz,
    select: impl Fn(AppointmentId) -> M + 'a,
) -> Element<'a, M> {
    let item = |e: &'a AgendaEntry, line: String| -> Element<'a, M> {
        button(text(line).size(13))
            .on_press(select(e.appointment.id))
            .style(button::text)
            .width(Length::Fill)
            .into()
    };
    let queue = queue(entries, now);
    let with_doctor: Vec<&AgendaEntry> = entries
        .iter()
        .filter(|e| e.appointment.status == Status::InConsultation)
        .collect();
    let mut panel = column![widget::heading(crate::t!("today-title"))].spacing(6);
    panel = panel.push(text(crate::t!("today-waiting", count = queue.len())).size(15));
    if queue.is_empty() {
        panel = panel.push(text(crate::t!("today-nobody-waiting")).size(13));
    }
    // A walk-in's or emergency's token first: the name the waiting room calls.
    let token = |e: &AgendaEntry| match e.appointment.queue_token.trim() {
        "" => String::new(),
        token => format!("{token} "),
    };
    for (e, minutes) in queue {
        let token = token(e);
        panel = panel.push(item(
            e,
            crate::t!(
                "today-waiting-line",
                token = token,
                patient = crate::text::isolate(&e.patient_name),
                minutes = minutes.to_string(),
                doctor = e.doctor_name.as_str()
            ),
        ));
    }
    panel = panel
        .push(rule::horizontal(1))
        .push(text(crate::t!("today-with-doctor", count = with_doctor.len())).size(15));
    for e in with_doctor {
        panel = panel.push(item(
            e,
            format!(
                "{}{} · {}",
                token(e),
                crate::text::isolate(&e.patient_name),
                e.doctor_name
            ),
        ));
    }
    panel = panel
        .push(rule::horizontal(1))
        .push(text(crate::t!("today-next-arrivals")).size(15));
    let next = next_arrivals(entries, now, 10);
    if next.is_empty() {
        panel = panel.push(text(crate::t!("today-no-more-bookings")).size(13));
    }
    for e in next {
        panel = panel.push(item(
            e,
            format!(
                "{} {} · {}",
                e.appointment
                    .interval
                    .start
                    .with_timezone(&zone)
                    .format("%H:%M"),
                crate::text::isolate(&e.patient_name),
                e.doctor_name
            ),
        ));
    }
    scrollable(panel.padding(14)).into()
}
